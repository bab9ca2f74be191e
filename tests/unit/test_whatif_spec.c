/*
 * test_whatif_spec.c -- the one what-if specification (src/whatif_spec.c):
 * every key read from text exactly (a swing of 0.1234567891 is refused, not
 * rounded through a double), one message per mistake, cross-key checks, a
 * failed set leaving the specification as it was, applying equal to
 * tly_whatif_apply of the same options, and out of memory. Figures: MEDSL
 * 1976-2020 returns and the 2016 faithless electors (FEC, Federal
 * Elections 2016, p. 12: Washington's 3 Powell and 1 Spotted Eagle votes).
 */
#include <criterion/criterion.h>

#include "tally.h"

#include <string.h>

#include "testutil.h"

static tly_whatif_spec *spec_new(void)
{
  tly_whatif_spec *s = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_whatif_spec_new(NULL, &s, &err), TLY_OK);
  return s;
}

/* Sets key=text, expecting status `want` and, when not OK, message msg. */
static void set_expect(tly_whatif_spec *s, const char *key, const char *text,
                       tly_status want, const char *msg)
{
  tly_error err = {0};
  tly_status got = tly_whatif_spec_set(s, key, text, &err);
  cr_assert_eq(got, want, "%s=%s: %s (%s)", key, text,
               tly_status_name(got), err.msg);
  if (msg != NULL)
    cr_assert_str_eq(err.msg, msg);
}

Test(whatif_spec, every_key_refuses_bad_text_with_one_message)
{
  tly_whatif_spec *s = spec_new();
  static const struct {
    const char *key, *text, *msg;
  } cases[] = {
      {"without", "XX", "without: unknown state \"XX\""},
      {"without", "CA,,NY", "without needs state codes, not \"CA,,NY\""},
      {"without", "ME-2",
       "without: \"ME-2\" is a district: a state counts whole"},
      {"reapportion", "yes", "reapportion takes true or false, not \"yes\""},
      {"census", "20x0", "census takes a census year such as 2010, not "
                         "\"20x0\""},
      {"census", "1789", "census takes a census year such as 2010, not "
                         "\"1789\""},
      {"seats", "0", "seats takes a House size from 1 to 100000, not \"0\""},
      {"seats", "+5", "seats takes a House size from 1 to 100000, not "
                      "\"+5\""},
      {"method", "borda", "unknown method \"borda\"; have huntington-hill, "
                          "webster, jefferson, adams, dean, hamilton"},
      {"swing", "0.1234567891", "swing \"0.1234567891\" has more than 9 "
                                "decimals"},
      {"swing", "1e1", "swing takes points such as 2 or -1.5, not \"1e1\""},
      {"swing", "", "swing takes points such as 2 or -1.5, not \"\""},
      {"swing", "-", "swing takes points such as 2 or -1.5, not \"-\""},
      {"swing", "100.000000001", "swing 100.000000001 is beyond 100 points "
                                 "either way"},
      {"set", "WI", "set takes ST=CANDIDATE, not \"WI\""},
      {"set", "=D", "set takes ST=CANDIDATE, not \"=D\""},
      {"tie", "WI=", "tie takes ST=CANDIDATE, not \"WI=\""},
      {"npv", "1700", "npv takes all, none, a year or state codes, not "
                      "\"1700\""},
      {"npv", "CA,XX", "npv: unknown state \"XX\""},
      {"lottery", "1", "unknown what-if option \"lottery\""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    tly_error err = {0};
    tly_status st = tly_whatif_spec_set(s, cases[i].key, cases[i].text, &err);
    cr_assert_neq(st, TLY_OK, "%s=%s accepted", cases[i].key, cases[i].text);
    cr_assert_str_eq(err.msg, cases[i].msg);
  }
  /* Nothing was taken: the specification still asks for nothing. */
  char what[200];
  tly_whatif_spec_describe(s, what, sizeof what);
  cr_assert_str_eq(what, "");
  for (size_t k = 0; tly_whatif_spec_key(k) != NULL; k++)
    cr_assert(!tly_whatif_spec_has(s, tly_whatif_spec_key(k)));
  tly_whatif_spec_free(s);
  tly_whatif_spec_free(NULL);
}

Test(whatif_spec, exact_decimals_and_extremes)
{
  tly_whatif_spec *s = spec_new();
  set_expect(s, "swing", "0.123456789", TLY_OK, NULL);
  char what[200];
  tly_whatif_spec_describe(s, what, sizeof what);
  cr_assert_str_eq(what, "swing +0.123456789");
  set_expect(s, "swing", "-100", TLY_OK, NULL); /* the last set stands */
  tly_whatif_spec_describe(s, what, sizeof what);
  cr_assert_str_eq(what, "swing -100");
  set_expect(s, "swing", "+1.50", TLY_OK, NULL);
  tly_whatif_spec_describe(s, what, sizeof what);
  cr_assert_str_eq(what, "swing +1.50");
  set_expect(s, "seats", "100000", TLY_OK, NULL);
  set_expect(s, "seats", "100001", TLY_EINVAL, NULL);
  tly_whatif_spec_free(s);
}

Test(whatif_spec, cross_key_checks)
{
  static const struct {
    const char *k1, *v1, *k2, *v2, *msg;
  } cases[] = {
      {"seats", "500", NULL, NULL, "seats applies only with reapportion"},
      {"method", "webster", NULL, NULL,
       "method applies only with reapportion"},
      {"census", "2000", "reapportion", "false",
       "census applies only with reapportion"},
      {"reapportion", "true", NULL, NULL,
       "reapportion needs without (the states that leave) or a redraw: "
       "otherwise the census's own apportionment comes back"},
      {"npv", "all", "rule", "wta", "npv applies only with rule npv"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    tly_whatif_spec *s = spec_new();
    set_expect(s, cases[i].k1, cases[i].v1, TLY_OK, NULL);
    if (cases[i].k2 != NULL)
      set_expect(s, cases[i].k2, cases[i].v2, TLY_OK, NULL);
    tly_error err = {0};
    cr_assert_eq(tly_whatif_spec_check(s, &err), TLY_EINVAL);
    cr_assert_str_eq(err.msg, cases[i].msg);
    /* Applying checks first, and makes nothing. */
    tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
    tly_election *w = (tly_election *)1;
    cr_assert_eq(tly_whatif_spec_apply(e, s, &w, &err), TLY_EINVAL);
    cr_assert_null(w);
    tly_election_free(e);
    tly_whatif_spec_free(s);
  }
}

Test(whatif_spec, apply_equals_the_options_it_reads)
{
  tly_whatif_spec *s = spec_new();
  set_expect(s, "without", "CA", TLY_OK, NULL);
  set_expect(s, "without", "NY,TX", TLY_OK, NULL); /* adds */
  set_expect(s, "reapportion", "", TLY_OK, NULL);
  set_expect(s, "census", "2000", TLY_OK, NULL);
  set_expect(s, "seats", "500", TLY_OK, NULL);
  set_expect(s, "method", "webster", TLY_OK, NULL);
  set_expect(s, "swing", "-1.5", TLY_OK, NULL);
  set_expect(s, "set", "WI=D", TLY_OK, NULL);
  set_expect(s, "rule", "npv", TLY_OK, NULL);
  set_expect(s, "npv", "FL,PA", TLY_OK, NULL);
  cr_assert(tly_whatif_spec_has(s, "reapportion"));
  cr_assert(!tly_whatif_spec_has(s, "tie"));
  char what[300];
  tly_whatif_spec_describe(s, what, sizeof what);
  cr_assert_str_eq(what, "without CA,NY,TX · reapportioned (2000 census) · "
                         "swing -1.5 · set WI=D · rule npv (members: "
                         "FL,PA)");
  const char *wo[] = {"CA", "NY", "TX"};
  const char *members[] = {"FL", "PA"};
  tly_whatif_opts o = {.without = wo, .n_without = 3, .reapportion = true,
                       .census = 2000, .seats = 500,
                       .method = TLY_METHOD_WEBSTER, .swing = true,
                       .swing_num = -15, .swing_den = 10,
                       .set = (tly_assign[]){{"WI", "D"}}, .n_set = 1,
                       .rule = TLY_RULE_NPV,
                       .npv = {.which = TLY_NPV_LIST, .codes = members,
                               .n_codes = 2}};
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  tly_election *w1 = NULL;
  tly_election *w2 = NULL;
  tly_outcome *o1 = NULL;
  tly_outcome *o2 = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_whatif_spec_apply(e, s, &w1, &err), TLY_OK, "%s",
               err.msg);
  cr_assert_eq(tly_whatif_apply(e, &o, &w2, &err), TLY_OK, "%s", err.msg);
  cr_assert_eq(tly_college(w1, &o1, &err), TLY_OK);
  cr_assert_eq(tly_college(w2, &o2, &err), TLY_OK);
  cr_assert_eq(tly_outcome_electors(o1), tly_outcome_electors(o2));
  cr_assert_eq(tly_outcome_winner(o1), tly_outcome_winner(o2));
  for (size_t c = 0; c < tly_election_n_candidates(e); c++)
    cr_assert_eq(tly_outcome_cast(o1, c), tly_outcome_cast(o2, c));
  cr_assert_str_eq(tly_election_notes(w1), tly_election_notes(w2));
  tly_outcome_free(o1);
  tly_outcome_free(o2);
  tly_election_free(w1);
  tly_election_free(w2);
  /* Names of states and candidates are the election's to judge. */
  set_expect(s, "tie", "WI=Zed", TLY_OK, NULL);
  cr_assert_eq(tly_whatif_spec_apply(e, s, &w1, &err), TLY_ENOTFOUND);
  cr_assert_str_eq(err.msg, "no candidate \"Zed\" in 2016");
  cr_assert_null(w1);
  tly_election_free(e);
  tly_whatif_spec_free(s);
}

Test(whatif_spec, a_tie_is_noted_as_by_lot)
{
  /* `result --tie` and the API's tie go the same way, with the note. */
  tly_whatif_spec *s = spec_new();
  set_expect(s, "tie", "WI=Clinton", TLY_OK, NULL);
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  tly_election *w = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_whatif_spec_apply(e, s, &w, &err), TLY_OK);
  cr_assert(strstr(tly_election_notes(w),
                   "a tie in WI goes to Hillary Clinton (as by lot)") != NULL,
            "%s", tly_election_notes(w));
  tly_election_free(w);
  tly_election_free(e);
  tly_whatif_spec_free(s);
}

/* A tly_writer into a fixed buffer, NUL-terminated. */
typedef struct sink {
  char buf[1 << 18];
  size_t len;
} sink;

static int sink_write(void *ud, const char *p, size_t n)
{
  sink *k = ud;
  if (k->len + n + 1 > sizeof k->buf)
    return 1;
  memcpy(k->buf + k->len, p, n);
  k->len += n;
  k->buf[k->len] = '\0';
  return 0;
}

/* Item 5 of issue 10: Washington's four faithless electors (pledged to
 * Clinton: 3 for Powell, 1 for Spotted Eagle) vote only if Clinton wins
 * Washington; forced to Trump, they are neither counted nor listed. */
Test(whatif_spec, faithless_records_follow_the_electors)
{
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  tly_election *w = NULL;
  tly_outcome *ob = NULL;
  tly_outcome *ow = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_whatif_set(e, "WA", "Trump", &w, &err), TLY_OK);
  cr_assert_eq(tly_college(e, &ob, &err), TLY_OK);
  cr_assert_eq(tly_college(w, &ow, &err), TLY_OK);
  size_t n = tly_election_n_cast_records(w);
  int64_t listed_b = 0;
  int64_t listed_w = 0;
  for (size_t i = 0; i < n; i++) {
    const tly_cast_record *r = tly_election_cast_record(w, i);
    const char *code = tly_election_unit(w, (size_t)r->unit)->code;
    cr_assert(tly_outcome_cast_applies(e, ob, i));
    if (tly_outcome_cast_applies(w, ow, i))
      listed_w += r->electors;
    else
      cr_assert_str_eq(code, "WA");
    listed_b += r->electors;
  }
  cr_assert(!tly_outcome_cast_applies(w, ow, n)); /* out of range */
  /* FEC, Federal Elections 2016: 7 faithless electors in all (HI 1, TX 2,
   * WA 4). */
  cr_assert_eq(listed_b, 7);
  cr_assert_eq(listed_w, 3);
  /* And the JSON writer lists what applies. */
  static sink sk;
  cr_assert_eq(tly_json_result(w, ow, sink_write, &sk, &err), TLY_OK);
  cr_assert(strstr(sk.buf, "Colin Powell") == NULL);
  cr_assert(strstr(sk.buf, "Ron Paul") != NULL);
  sk.len = 0;
  cr_assert_eq(tly_json_result(e, ob, sink_write, &sk, &err), TLY_OK);
  cr_assert(strstr(sk.buf, "Colin Powell") != NULL);
  tly_outcome_free(ob);
  tly_outcome_free(ow);
  tly_election_free(w);
  tly_election_free(e);
}

static tly_status spec_run(const tly_allocator *a, void *ud)
{
  (void)ud;
  tly_whatif_spec *s = NULL;
  tly_error err;
  tly_status st = tly_whatif_spec_new(a, &s, &err);
  if (st != TLY_OK)
    return st;
  st = tly_whatif_spec_set(s, "without", "CA,NY", &err);
  tly_whatif_spec_free(s);
  return st;
}

Test(whatif_spec, out_of_memory)
{
  tu_each_failure(spec_run, NULL, 10, true);
}
