/*
 * test_locale.c -- the library never depends on the host's locale (issue
 * 10, item 13): under de_DE.UTF-8 (comma decimal point, made by
 * tests/run.sh with localedef into $LOCPATH, or by `scripts/setup.sh
 * test`), a program that called setlocale(LC_ALL, "") gets the same JSON,
 * SVG, decimals read and error messages as under "C". Shares: MEDSL
 * 1976-2020 president file, 2016 (Clinton 48.18 %... as tally prints).
 */
#include <criterion/criterion.h>

#include "tally.h"

#include "buf.h"
#include "scan.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *p;
  size_t len;
} str;

static int str_write(void *ud, const char *p, size_t n)
{
  str *s = ud;
  char *q = realloc(s->p, s->len + n + 1);
  if (q == NULL)
    return 1;
  memcpy(q + s->len, p, n);
  s->len += n;
  q[s->len] = '\0';
  s->p = q;
  return 0;
}

/* Switches to de_DE.UTF-8, or skips the test saying why. */
static void german(void)
{
  if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL)
    cr_skip_test("locale de_DE.UTF-8 is not available (run `localedef -i "
                 "de_DE -f UTF-8 de_DE.UTF-8`, or `scripts/setup.sh test`)");
  char b[16];
  snprintf(b, sizeof b, "%.1f", 0.5);
  cr_assert_str_eq(b, "0,5", "de_DE must print a decimal comma");
}

/* The result JSON and the map SVG of 2016, as bytes. */
static void outputs(str *json, str *map, str *hist)
{
  tly_election *e = NULL;
  tly_outcome *o = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_election_builtin(2016, TLY_SOURCE_MEDSL, NULL, &e, &err),
               TLY_OK);
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  cr_assert_eq(tly_json_result(e, o, str_write, json, &err), TLY_OK);
  cr_assert_eq(tly_svg_map(e, o, NULL, str_write, map, &err), TLY_OK);
  double p[4] = {0.1, 0.2, 0.3, 0.4};
  cr_assert_eq(tly_svg_histogram(p, 4, NULL, str_write, hist, &err), TLY_OK);
  tly_outcome_free(o);
  tly_election_free(e);
}

Test(locale, json_and_svg_same_bytes_under_de_DE)
{
  str j0 = {0}, m0 = {0}, h0 = {0};
  outputs(&j0, &m0, &h0);
  german();
  str j1 = {0}, m1 = {0}, h1 = {0};
  outputs(&j1, &m1, &h1);
  /* MEDSL 2016: Clinton 65,853,581 of 136,610,443 = 48.21 % (Nevada's
   * "None of these candidates" counted in the total). */
  cr_assert_not_null(strstr(j1.p, "\"share\": 48.21"), "JSON share");
  cr_assert_not_null(strstr(h1.p, "Democrat wins 70.0 %"), "SVG label");
  cr_assert_str_eq(j1.p, j0.p, "JSON differs under de_DE");
  cr_assert_str_eq(m1.p, m0.p, "map SVG differs under de_DE");
  cr_assert_str_eq(h1.p, h0.p, "histogram SVG differs under de_DE");
  free(j0.p), free(m0.p), free(h0.p), free(j1.p), free(m1.p), free(h1.p);
}

Test(locale, decimals_read_and_printed_in_C_notation)
{
  german();
  double v = 0;
  cr_assert_eq(tly__scan_double("0.125", 5, &v), TLY_OK);
  cr_assert_eq(v, 0.125);
  cr_assert_eq(tly__scan_double("0,125", 5, &v), TLY_EPARSE);
  char b[32];
  cr_assert_eq(tly__snprintf_c(b, sizeof b, "%.6f", 0.555013), 8);
  cr_assert_str_eq(b, "0.555013");
  cr_assert_eq(tly__strtod_c("26.5", NULL), 26.5);
  tly__buf buf;
  tly__buf_init(&buf, NULL, 64);
  cr_assert_eq(tly__buf_printf(&buf, "%.1f|%g", 26.0, 1.5), TLY_OK);
  cr_assert_str_eq(buf.p, "26.0|1.5");
  tly__buf_free(&buf);
}

Test(locale, error_messages_in_C_notation)
{
  german();
  tly_forecast_unit u = {.code = "PA", .mean = 1.5, .sd = 0.02,
                         .electors = 19};
  tly_forecast_model *m = NULL;
  tly_error err = {0};
  cr_assert_neq(tly_forecast_model_new(&u, 1, NULL, &m, &err), TLY_OK);
  cr_assert_not_null(strstr(err.msg, "1.5"), "message: %s", err.msg);
  cr_assert_null(strstr(err.msg, "1,5"), "message: %s", err.msg);
}
