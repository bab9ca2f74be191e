/*
 * whatif.c -- what-ifs as pure transforms, election in -> election out:
 * states leaving (with the House reapportioned among those that remain,
 * 2 U.S.C. 2a and U.S. Const. art. II §1), other allocation rules
 * (counted in college.c), the National Popular Vote compact's membership,
 * a uniform swing made by moving whole votes, forced states; and the
 * comparison of a baseline with its what-if.
 */
#include "whatif.h"

#include "arith.h"
#include "csv.h"
#include "district.h"
#include "json.h"
#include "results.h"
#include "scan.h"

#include <stdio.h>
#include <string.h>

_Static_assert((int)TLY_RULE_LAW == (int)TLY__RULE_LAW, "rule enums");
_Static_assert((int)TLY_RULE_WTA == (int)TLY__RULE_WTA, "rule enums");
_Static_assert((int)TLY_RULE_DISTRICT == (int)TLY__RULE_DISTRICT,
               "rule enums");
_Static_assert((int)TLY_RULE_PROP_HAMILTON == (int)TLY__RULE_PROP_HAMILTON,
               "rule enums");
_Static_assert((int)TLY_RULE_PROP_DHONDT == (int)TLY__RULE_PROP_DHONDT,
               "rule enums");
_Static_assert((int)TLY_RULE_PROP_WEBSTER == (int)TLY__RULE_PROP_WEBSTER,
               "rule enums");
_Static_assert((int)TLY_RULE_NPV == (int)TLY__RULE_NPV, "rule enums");

static char upper(char c)
{
  return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

static bool ieq(const char *a, const char *b)
{
  for (; *a != '\0' && *b != '\0'; a++, b++) {
    if (upper(*a) != upper(*b))
      return false;
  }
  return *a == *b;
}

/*==== Rules ================================================================*/

static const char *const rule_names[] = {
    [TLY_RULE_LAW] = "law",
    [TLY_RULE_WTA] = "wta",
    [TLY_RULE_DISTRICT] = "district",
    [TLY_RULE_PROP_HAMILTON] = "proportional-hamilton",
    [TLY_RULE_PROP_DHONDT] = "proportional-dhondt",
    [TLY_RULE_PROP_WEBSTER] = "proportional-webster",
    [TLY_RULE_NPV] = "npv",
};

tly_status tly_rule_from_name(const char *name, tly_rule *out,
                              tly_error *err)
{
  if (ieq(name, "proportional")) {
    *out = TLY_RULE_PROP_HAMILTON;
    return TLY_OK;
  }
  for (size_t i = 0; i < sizeof rule_names / sizeof rule_names[0]; i++) {
    if (ieq(name, rule_names[i])) {
      *out = (tly_rule)i;
      return TLY_OK;
    }
  }
  return tly__fail(err, TLY_ENOTFOUND,
                   "unknown rule \"%s\" (law, wta, district, proportional, "
                   "proportional-hamilton, proportional-dhondt, "
                   "proportional-webster, npv)",
                   name);
}

const char *tly_rule_name(tly_rule r)
{
  if ((int)r < 0 || (size_t)r >= sizeof rule_names / sizeof rule_names[0])
    return "unknown";
  return rule_names[r];
}

tly_rule tly_election_rule(const tly_election *e)
{
  return (tly_rule)e->rule;
}

/*==== Helpers ==============================================================*/


/* The display name of a state code ("California"), or the code itself. */
static const char *state_name(const char *code)
{
  const char *n = tly_state_name(code);
  return n != NULL ? n : code;
}

/* A new election holding the units of `in` flagged in keep[], in order,
 * with districts' parents, faithless-elector records (those of kept units)
 * and the what-if state remapped. A district is kept only with its state
 * (callers flag both). */
static tly_status subset(const tly_election *in, const bool *keep,
                         tly_election **out, tly_error *err)
{
  *out = NULL;
  size_t nu = 0;
  for (size_t u = 0; u < in->n_units; u++)
    nu += keep[u];
  tly__rows r;
  tly_status s = tly__rows_alloc(in, nu, &r, err);
  if (s != TLY_OK)
    return s;
  tly_election *e = NULL;
  s = tly__election_clone(in, &e, err);
  if (s != TLY_OK) {
    tly__rows_free(&r);
    return s;
  }
  size_t j = 0;
  for (size_t u = 0; u < in->n_units; u++)
    if (keep[u])
      tly__rows_copy(&r, in, u, j++);
  s = tly__rows_install(&r, e, in, NULL, err);
  if (s != TLY_OK) {
    tly_election_free(e);
    return s;
  }
  *out = e;
  return TLY_OK;
}

/* Index of the state or DC unit with this postal code, checking it:
 * TLY_ENOTFOUND for a code that is not a state or DC, TLY_EINVAL for a
 * district, TLY_ENOTFOUND when the state is not in e. */
static tly_status find_state(const tly_election *e, const char *code,
                             int32_t *out, tly_error *err)
{
  size_t n = strlen(code);
  if (n == 4 && tly__unit_code_valid(code, n))
    return tly__fail(err, TLY_EINVAL,
                     "\"%s\" is a district; a state counts as a whole here",
                     code);
  if (tly__state_index(code, n) < 0)
    return tly__fail(err, TLY_ENOTFOUND, "unknown state \"%s\"", code);
  int32_t u = tly_election_find_unit(e, code);
  if (u < 0 || e->units[u].parent >= 0)
    return tly__fail(err, TLY_ENOTFOUND, "%s is not in this election",
                     state_name(code));
  *out = u;
  return TLY_OK;
}

/*==== Without ==============================================================*/

tly_status tly_whatif_without(const tly_election *in,
                              const char *const *codes, size_t n,
                              tly_election **out, tly_error *err)
{
  *out = NULL;
  const tly_allocator *a = &in->alloc;
  bool *keep = tly__calloc(a, in->n_units + 1, sizeof *keep);
  bool *gone = tly__calloc(a, in->n_units + 1, sizeof *gone);
  tly_election *e = NULL;
  tly_status s = TLY_OK;
  if (keep == NULL || gone == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  for (size_t i = 0; i < n; i++) {
    int32_t u;
    s = find_state(in, codes[i], &u, err);
    if (s != TLY_OK)
      goto done;
    gone[u] = true;
  }
  size_t left = 0;
  for (size_t u = 0; u < in->n_units; u++) {
    int32_t p = in->units[u].parent;
    keep[u] = !gone[p >= 0 ? (size_t)p : u];
    left += keep[u];
  }
  if (left == 0) {
    s = tly__fail(err, TLY_EINVAL, "no state would remain");
    goto done;
  }
  s = subset(in, keep, &e, err);
  for (size_t u = 0; s == TLY_OK && u < in->n_units; u++) {
    if (!gone[u])
      continue;
    char b1[32];
    s = tly__election_note(e, err,
             "without %s (%s): its %d electors and %s votes leave the count",
             state_name(in->units[u].code), in->units[u].code,
             in->units[u].electors,
             tly_format_count(in->totals[u], b1, sizeof b1));
  }
  if (s == TLY_OK) {
    *out = e;
    e = NULL;
  }
done:
  tly_election_free(e);
  tly__free(a, keep, (in->n_units + 1) * sizeof *keep);
  tly__free(a, gone, (in->n_units + 1) * sizeof *gone);
  return s;
}

/*==== Reapportion ==========================================================*/

tly_status tly_whatif_reapportion(const tly_election *in, int census,
                                  int64_t seats, tly_method m,
                                  tly_election **out, tly_error *err)
{
  *out = NULL;
  const tly_allocator *a = &in->alloc;
  if (census == 0)
    census = in->census;
  if (census == 0)
    return tly__fail(err, TLY_ENODATA,
                     "the census that set the %d electors is not known; "
                     "name one",
                     in->year);
  size_t n_rows = 0;
  tly_status s = tly_census_builtin(census, a, NULL, 0, &n_rows, err);
  if (s != TLY_OK && s != TLY_ERANGE)
    return s;
  tly_census_row *rows = tly__calloc(a, n_rows + 1, sizeof *rows);
  const char **without = tly__calloc(a, n_rows + 2, sizeof *without);
  tly_electors_row er[64];
  if (rows == NULL || without == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  s = tly_census_builtin(census, a, rows, n_rows, &n_rows, err);
  if (s != TLY_OK)
    goto done;
  /* The House is apportioned among the states present in `in`. */
  size_t nw = 0;
  for (size_t i = 0; i < n_rows; i++) {
    int32_t u = tly_election_find_unit(in, rows[i].code);
    if (u < 0)
      without[nw++] = rows[i].code;
  }
  if (tly_election_find_unit(in, "DC") < 0)
    without[nw++] = "DC";
  size_t n_er = 0;
  s = tly_apportion_electors(census, seats, m, without, nw, a, er, 64, &n_er,
                             err);
  if (s != TLY_OK)
    goto done;
  s = tly__whatif_set_electors(
      in, er, n_er, census, seats, m,
      n_er - (tly_election_find_unit(in, "DC") >= 0 ? 1 : 0), out, err);
done:
  tly__free(a, without, (n_rows + 2) * sizeof *without);
  tly__free(a, rows, (n_rows + 1) * sizeof *rows);
  return s;
}

tly_status tly__whatif_set_electors(const tly_election *in,
                                    const tly_electors_row *er, size_t n_er,
                                    int census, int64_t seats, tly_method m,
                                    size_t n_states, tly_election **out,
                                    tly_error *err)
{
  *out = NULL;
  const tly_allocator *a = &in->alloc;
  bool *keep = tly__calloc(a, in->n_units + 1, sizeof *keep);
  if (keep == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  tly_election *e = NULL;
  tly_election *cut = NULL;
  tly_status s = tly__election_clone(in, &e, err);
  if (s != TLY_OK)
    goto done;
  e->census = census;
  bool drop = false;
  char dropped[256] = "";
  char extra[256] = "";
  for (size_t u = 0; u < e->n_units; u++)
    keep[u] = true;
  for (size_t u = 0; u < e->n_units; u++) {
    if (e->units[u].parent >= 0)
      continue;
    const tly_electors_row *r = NULL;
    for (size_t i = 0; i < n_er; i++) {
      if (ieq(er[i].code, e->units[u].code))
        r = &er[i];
    }
    if (r == NULL) {
      s = tly__fail(err, TLY_EINVAL, "%s has no row in the %d census",
                    e->units[u].code, census);
      goto done;
    }
    e->units[u].electors = (int32_t)r->electors;
    int64_t nd = 0;
    for (size_t d = 0; d < e->n_units; d++)
      nd += e->units[d].parent == (int32_t)u;
    if (nd == 0 || r->seats == nd)
      continue;
    char *list = r->seats < nd ? dropped : extra;
    size_t len = strlen(list);
    snprintf(list + len, 256 - len, "%s%s (%lld seat%s, %lld districts)",
             len ? ", " : "", e->units[u].code, (long long)r->seats,
             r->seats == 1 ? "" : "s", (long long)nd);
    if (r->seats < nd) {
      drop = true;
      for (size_t d = 0; d < e->n_units; d++) {
        if (e->units[d].parent == (int32_t)u)
          keep[d] = false;
      }
    }
  }
  char b1[32];
  s = tly__election_note(e, err,
           "House of %s seats reapportioned by %s on the %d census among "
           "the %zu states of this what-if: every state's electors are its "
           "seats + 2, DC's what it would have as a state, at most the "
           "least populous state's",
           tly_format_count(seats ? seats : 435, b1, sizeof b1),
           tly_method_name(m), census, n_states);
  if (s == TLY_OK && extra[0] != '\0')
    s = tly__election_note(e, err,
             "more seats than district returns: %s; the extra seats are "
             "counted at large",
             extra);
  if (s == TLY_OK && drop)
    s = tly__election_note(e, err,
             "fewer seats than districts: %s; the districts cannot stand, "
             "so the whole slate is chosen statewide",
             dropped);
  if (s != TLY_OK)
    goto done;
  if (drop) {
    s = subset(e, keep, &cut, err);
    if (s != TLY_OK)
      goto done;
    tly_election_free(e);
    e = cut;
  }
  *out = e;
  e = NULL;
done:
  tly_election_free(e);
  tly__free(a, keep, (in->n_units + 1) * sizeof *keep);
  return s;
}

/*==== Swing ================================================================*/

__int128 tly__round_half_even(__int128 p, __int128 q)
{
  __int128 f = p / q; /* truncates toward zero */
  __int128 r = p % q; /* same sign as p */
  if (r < 0) {        /* make it a floor: 0 <= r < q */
    f -= 1;
    r += q;
  }
  if (2 * r > q || (2 * r == q && (f % 2 != 0)))
    f += 1;
  return f;
}

int64_t tly__swing_moved(int64_t d, int64_t r, int64_t num, int64_t den)
{
  __int128 t = (__int128)d + r;
  __int128 k = tly__round_half_even((__int128)num * t, (__int128)200 * den);
  if (k > r)
    k = r;
  if (k < -(__int128)d)
    k = -(__int128)d;
  return (int64_t)k;
}

/* Formats num/den as an exact decimal with a sign ("+2", "-0.5"), at most
 * 6 decimals (den = 10^k from the CLI is always exact). */
static void format_points(int64_t num, int64_t den, char *buf, size_t size)
{
  __int128 n = num < 0 ? -(__int128)num : num;
  __int128 ip = n / den;
  __int128 rem = n % den;
  char frac[16] = "";
  size_t k = 0;
  while (rem != 0 && k < 6) {
    rem *= 10;
    frac[k++] = (char)('0' + (int)(rem / den));
    rem %= den;
  }
  frac[k] = '\0';
  snprintf(buf, size, "%c%lld%s%s", num < 0 ? '-' : '+', (long long)ip,
           k ? "." : "", frac);
}

tly_status tly_whatif_swing(const tly_election *in, int64_t num, int64_t den,
                            tly_election **out, tly_error *err)
{
  *out = NULL;
  const int64_t max_den = INT64_C(1000000000000000); /* 10^15 */
  if (den <= 0 || den > max_den || num > 100 * den || num < -100 * den) {
    char b[64] = "?";
    if (den > 0 && den <= max_den)
      format_points(num, den, b, sizeof b);
    return tly__fail(err, TLY_ERANGE,
                     "swing %s is beyond +/-100 points", b);
  }
  int32_t dc = tly_election_find_candidate(in, "D");
  int32_t rc = tly_election_find_candidate(in, "R");
  if (dc < 0 || rc < 0 || dc == rc)
    return tly__fail(err, TLY_ENOTFOUND,
                     "no %s nominee in %d to swing votes %s",
                     dc < 0 ? "Democratic" : "Republican", in->year,
                     dc < 0 ? "to" : "from");
  size_t nc = in->n_cands;
  const tly_allocator *a = &in->alloc;
  int64_t *k = tly__calloc(a, in->n_units + 1, sizeof *k);
  tly_election *e = NULL;
  tly_status s = TLY_OK;
  if (k == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  s = tly__election_clone(in, &e, err);
  if (s != TLY_OK)
    goto done;
  char unmoved[128] = "";
  char inconsistent[128] = "";
  int64_t moved = 0;
  for (size_t u = 0; u < in->n_units; u++) {
    const tly_unit *un = &in->units[u];
    if (!un->has_votes)
      continue;
    int64_t d = in->votes[u * nc + (size_t)dc];
    int64_t r = in->votes[u * nc + (size_t)rc];
    if (un->parent >= 0 || in->districts_apart) {
      /* A district; or a state whose districts are another count
       * (district.c): each moves on its own. */
      k[u] = tly__swing_moved(d, r, num, den);
      if (un->parent < 0)
        moved += k[u] < 0 ? -k[u] : k[u];
      continue;
    }
    /* A state with district returns: the sum of its parts. */
    int64_t sd = 0, sr = 0, sk = 0;
    size_t n_dist = 0;
    bool all_returns = true;
    for (size_t j = 0; j < in->n_units; j++) {
      if (in->units[j].parent != (int32_t)u)
        continue;
      n_dist++;
      if (!in->units[j].has_votes) {
        all_returns = false;
        size_t len = strlen(unmoved);
        snprintf(unmoved + len, sizeof unmoved - len, "%s%s",
                 len ? ", " : "", in->units[j].code);
        continue;
      }
      int64_t jd = in->votes[j * nc + (size_t)dc];
      int64_t jr = in->votes[j * nc + (size_t)rc];
      sd += jd; /* parts of a checked state count: no overflow */
      sr += jr;
      sk += tly__swing_moved(jd, jr, num, den);
    }
    if (n_dist > 0 && all_returns && sd <= d && sr <= r) {
      k[u] = sk + tly__swing_moved(d - sd, r - sr, num, den);
    } else {
      if (n_dist > 0 && all_returns) {
        size_t len = strlen(inconsistent);
        snprintf(inconsistent + len, sizeof inconsistent - len, "%s%s",
                 len ? ", " : "", un->code);
      }
      k[u] = tly__swing_moved(d, r, num, den);
    }
    moved += k[u] < 0 ? -k[u] : k[u];
  }
  for (size_t u = 0; u < e->n_units; u++) {
    e->votes[u * nc + (size_t)dc] += k[u];
    e->votes[u * nc + (size_t)rc] -= k[u];
  }
  char bx[64], bm[32];
  format_points(num, den, bx, sizeof bx);
  const char *to = num < 0 ? in->cands[rc].name : in->cands[dc].name;
  const char *from = num < 0 ? in->cands[dc].name : in->cands[rc].name;
  s = tly__election_note(e, err,
           "uniform swing of %s points in the two-party margin toward the "
           "%s (X = %s): in each unit round-half-even(X/200 x (D + R)) "
           "votes move from %s to %s (never more than there are); %s votes "
           "moved over the states and DC",
           bx + 1, num < 0 ? "Republican" : "Democrat", bx, from, to,
           tly_format_count(moved, bm, sizeof bm));
  if (s == TLY_OK && unmoved[0] != '\0')
    s = tly__election_note(e, err,
             "no district returns for %s: the swing cannot move them; they "
             "keep the winner of the electors as cast",
             unmoved);
  if (s == TLY_OK && inconsistent[0] != '\0')
    s = tly__election_note(e, err,
             "districts of %s hold more D or R votes than the state; the "
             "state was swung on its own count",
             inconsistent);
  if (s == TLY_OK) {
    *out = e;
    e = NULL;
  }
done:
  tly_election_free(e);
  tly__free(a, k, (in->n_units + 1) * sizeof *k);
  return s;
}

/*==== Set ==================================================================*/

tly_status tly_whatif_set(const tly_election *in, const char *code,
                          const char *candidate, tly_election **out,
                          tly_error *err)
{
  *out = NULL;
  int32_t u = tly_election_find_unit(in, code);
  if (u < 0) {
    if (tly__unit_code_valid(code, strlen(code)))
      return tly__fail(err, TLY_ENOTFOUND, "%s is not in this election",
                       code);
    return tly__fail(err, TLY_ENOTFOUND, "unknown state \"%s\"", code);
  }
  int32_t c = tly_election_find_candidate(in, candidate);
  if (c < 0)
    return tly__fail(err, TLY_ENOTFOUND, "no candidate \"%s\" in %d",
                     candidate, in->year);
  if (tly__cand_is_line(&in->cands[c]))
    return tly__fail(err, TLY_EINVAL, "\"%s\" is a ballot line, not a "
                     "candidate: it elects no one", in->cands[c].name);
  tly_election *e = NULL;
  tly_status s = tly__election_clone(in, &e, err);
  if (s != TLY_OK)
    return s;
  for (size_t j = 0; j < e->n_units; j++) {
    if (j == (size_t)u || e->units[j].parent == u)
      e->forced[j] = c;
  }
  s = tly__election_note(e, err, "%s's electors set to %s", in->units[u].code,
           in->cands[c].name);
  if (s != TLY_OK) {
    tly_election_free(e);
    return s;
  }
  *out = e;
  return TLY_OK;
}

/*==== Rules ================================================================*/

static const char *rule_note(tly_rule r)
{
  switch (r) {
  case TLY_RULE_LAW:
    return "the law as in force (winner-take-all; Maine and Nebraska by "
           "district)";
  case TLY_RULE_WTA:
    return "winner-take-all everywhere: every state's whole slate, Maine's "
           "and Nebraska's too, to its plurality winner";
  case TLY_RULE_DISTRICT:
    return "the district method: 2 electors to the statewide winner and 1 "
           "to each congressional district's, in every state (DC and the "
           "states of one seat whole)";
  case TLY_RULE_PROP_HAMILTON:
    return "proportional, whole electors by largest remainders (Hamilton) "
           "on each state's votes; the unnamed \"Others\" get none";
  case TLY_RULE_PROP_DHONDT:
    return "proportional, whole electors by D'Hondt (divisors 1, 2, 3, ...) "
           "on each state's votes; the unnamed \"Others\" get none";
  case TLY_RULE_PROP_WEBSTER:
    return "proportional, whole electors by Webster/Sainte-Lague (divisors "
           "1, 3, 5, ...) on each state's votes; the unnamed \"Others\" get "
           "none";
  case TLY_RULE_NPV:
    return "the National Popular Vote compact";
  }
  return "unknown";
}

tly_status tly_whatif_rule(const tly_election *in, tly_rule rule,
                           tly_election **out, tly_error *err)
{
  *out = NULL;
  if ((int)rule < 0 || rule > TLY_RULE_NPV)
    return tly__fail(err, TLY_EINVAL, "unknown rule %d", (int)rule);
  if (rule == TLY_RULE_NPV)
    return tly_whatif_npv(in, NULL, out, err);
  tly_election *e = NULL;
  tly_status s = rule == TLY_RULE_DISTRICT
                     ? tly__district_units(in, &e, err) /* district.c */
                     : tly__election_clone(in, &e, err);
  if (s != TLY_OK)
    return s;
  e->rule = (tly__rule)rule;
  if (rule != (tly_rule)in->rule)
    s = tly__election_note(e, err, "rule: %s", rule_note(rule));
  if (s != TLY_OK) {
    tly_election_free(e);
    return s;
  }
  *out = e;
  return TLY_OK;
}

/*==== The National Popular Vote compact ====================================*/

tly_status tly_npv_compact(int year, char (*codes)[8], size_t cap,
                           size_t *n, tly_error *err)
{
  *n = 0;
  size_t len;
  const char *data = tly__data_file("npv.csv", &len);
  if (data == NULL)
    return tly__fail(err, TLY_ENODATA, "no built-in npv.csv");
  tly__csv *c;
  tly_status s = tly__csv_open(NULL, "npv.csv", data, len, 64, 8, &c, err);
  if (s != TLY_OK)
    return s;
  bool first = true;
  size_t count = 0;
  for (;;) {
    const tly__csv_field *f;
    size_t nf;
    bool eof;
    s = tly__csv_next(c, &f, &nf, &eof, err);
    if (s != TLY_OK || eof)
      break;
    if (nf != 2) {
      s = tly__csv_fail(c, NULL, err, TLY_EPARSE,
                        "expected 2 fields, found %zu", nf);
      break;
    }
    if (first) {
      first = false;
      if (strcmp(f[0].p, "unit") != 0 || strcmp(f[1].p, "enacted") != 0) {
        s = tly__csv_fail(c, NULL, err, TLY_EPARSE,
                          "header is not unit,enacted");
        break;
      }
      continue;
    }
    int64_t enacted;
    if (tly__scan_i64(f[1].p, f[1].n, 1776, 9999, &enacted) != TLY_OK) {
      s = tly__csv_fail(c, &f[1], err, TLY_EPARSE,
                        "\"%s\" is not a year", f[1].p);
      break;
    }
    if (tly__state_index(f[0].p, f[0].n) < 0) {
      s = tly__csv_fail(c, &f[0], err, TLY_EPARSE,
                        "\"%s\" is not a state", f[0].p);
      break;
    }
    if (year != 0 && enacted > year)
      continue;
    if (count < cap)
      memcpy(codes[count], f[0].p, f[0].n + 1);
    count++;
  }
  tly__csv_free(c);
  if (s != TLY_OK)
    return s;
  *n = count;
  if (count > cap)
    return tly__fail(err, TLY_ERANGE, "%zu members; room for %zu", count,
                     cap);
  return TLY_OK;
}

tly_status tly_whatif_npv(const tly_election *in, const tly_npv_members *m,
                          tly_election **out, tly_error *err)
{
  *out = NULL;
  tly_npv_members def = {.which = TLY_NPV_ELECTION_YEAR};
  if (m == NULL)
    m = &def;
  const tly_allocator *a = &in->alloc;
  bool *member = tly__calloc(a, in->n_units + 1, sizeof *member);
  if (member == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  tly_election *e = NULL;
  tly_status s = TLY_OK;
  char how[64] = "";
  switch (m->which) {
  case TLY_NPV_ELECTION_YEAR:
  case TLY_NPV_YEAR: {
    int year = m->which == TLY_NPV_YEAR ? m->year : in->year;
    char codes[64][8];
    size_t n;
    s = tly_npv_compact(year, codes, 64, &n, err);
    if (s != TLY_OK)
      goto done;
    for (size_t i = 0; i < n; i++) {
      int32_t u = tly_election_find_unit(in, codes[i]);
      if (u >= 0)
        member[u] = true;
    }
    snprintf(how, sizeof how, "as enacted by %d", year);
    break;
  }
  case TLY_NPV_ALL:
    for (size_t u = 0; u < in->n_units; u++)
      member[u] = in->units[u].parent < 0;
    snprintf(how, sizeof how, "every state and DC");
    break;
  case TLY_NPV_NONE:
    snprintf(how, sizeof how, "no members");
    break;
  case TLY_NPV_LIST:
    for (size_t i = 0; i < m->n_codes; i++) {
      int32_t u;
      s = find_state(in, m->codes[i], &u, err);
      if (s == TLY_ENOTFOUND && tly__state_index(m->codes[i],
                                                 strlen(m->codes[i])) >= 0)
        s = tly__fail(err, TLY_EINVAL,
                      "compact member %s: %s is not in this election",
                      m->codes[i], state_name(m->codes[i]));
      if (s != TLY_OK)
        goto done;
      member[u] = true;
    }
    snprintf(how, sizeof how, "as listed");
    break;
  default:
    s = tly__fail(err, TLY_EINVAL, "unknown member set %d", (int)m->which);
    goto done;
  }
  s = tly__election_clone(in, &e, err);
  if (s != TLY_OK)
    goto done;
  e->rule = TLY__RULE_NPV;
  char list[256] = "";
  int64_t electors = 0;
  size_t n_members = 0;
  for (size_t u = 0; u < e->n_units; u++) {
    int32_t p = e->units[u].parent;
    e->npv_member[u] = member[p >= 0 ? (size_t)p : u];
    if (p >= 0 || !member[u])
      continue;
    electors += e->units[u].electors;
    n_members++;
    size_t len = strlen(list);
    if (len + 8 < sizeof list && m->which != TLY_NPV_ALL)
      snprintf(list + len, sizeof list - len, "%s%s", len ? " " : "",
               e->units[u].code);
  }
  s = tly__election_note(e, err,
           "rule: the National Popular Vote compact, members %s (%zu, %lld "
           "electors)%s%s; in force only when they hold a majority of the "
           "electors appointed",
           how, n_members, (long long)electors, list[0] ? ": " : "",
           list);
  if (s != TLY_OK)
    goto done;
  *out = e;
  e = NULL;
done:
  tly_election_free(e);
  tly__free(a, member, (in->n_units + 1) * sizeof *member);
  return s;
}

bool tly_election_npv_member(const tly_election *e, size_t u)
{
  return u < e->n_units && e->npv_member[u];
}

/*==== Comparing a baseline with its what-if ================================*/

int64_t tly_outcome_state_electors(const tly_election *e,
                                   const tly_outcome *o, const char *code,
                                   size_t c)
{
  int64_t n = 0;
  for (size_t i = 0; i < tly_outcome_n_awards(o); i++) {
    const tly_award *w = tly_outcome_award(o, i);
    const tly_unit *un = &e->units[w->unit];
    const char *state = un->parent >= 0 ? e->units[un->parent].code : un->code;
    if (ieq(state, code))
      n += tly_outcome_award_electors(o, i, c);
  }
  return n;
}

/* The winner of the award of state `code` itself (not its districts). */
static int32_t state_winner(const tly_outcome *o, const char *code)
{
  for (size_t i = 0; i < tly_outcome_n_awards(o); i++) {
    const tly_award *w = tly_outcome_award(o, i);
    if (ieq(w->code, code))
      return w->winner;
  }
  return -1;
}

static bool same_candidates(const tly_election *x, const tly_election *y)
{
  if (x->n_cands != y->n_cands)
    return false;
  for (size_t c = 0; c < x->n_cands; c++) {
    if (strcmp(x->cands[c].name, y->cands[c].name) != 0)
      return false;
  }
  return true;
}

tly_status tly_whatif_changes(const tly_election *base, const tly_outcome *ob,
                              const tly_election *wi, const tly_outcome *ow,
                              tly_whatif_change *ch, size_t cap, size_t *n,
                              tly_error *err)
{
  *n = 0;
  if (!same_candidates(base, wi))
    return tly__fail(err, TLY_EINVAL,
                     "the what-if has other candidates than its baseline");
  size_t count = 0;
  /* Every state of either, in code order (both elections are ordered),
   * then the what-if's states that are not states of the Union (made by
   * a redraw: NCA, PR). */
  size_t n_new = 0;
  for (size_t u = 0; u < wi->n_units; u++)
    n_new += wi->units[u].parent < 0 &&
             tly__state_index(wi->units[u].code,
                              strlen(wi->units[u].code)) < 0;
  for (size_t i = 0; i < 51 + n_new; i++) {
    const char *code = NULL;
    if (i < 51) {
      code = tly__state_code((int)i);
    } else {
      size_t k = i - 51;
      for (size_t u = 0; u < wi->n_units && code == NULL; u++) {
        if (wi->units[u].parent >= 0 ||
            tly__state_index(wi->units[u].code,
                             strlen(wi->units[u].code)) >= 0)
          continue;
        if (k-- == 0)
          code = wi->units[u].code;
      }
    }
    int32_t ub = tly_election_find_unit(base, code);
    int32_t uw = tly_election_find_unit(wi, code);
    if (ub < 0 && uw < 0)
      continue;
    tly_whatif_change x;
    memset(&x, 0, sizeof x);
    snprintf(x.code, sizeof x.code, "%s", code);
    x.left = ub >= 0 && uw < 0;
    x.joined = ub < 0 && uw >= 0;
    x.electors_before = ub >= 0 ? base->units[ub].electors : 0;
    x.electors_after = uw >= 0 ? wi->units[uw].electors : 0;
    x.winner_before = ub >= 0 ? state_winner(ob, code) : -1;
    x.winner_after = uw >= 0 ? state_winner(ow, code) : -1;
    bool changed = x.left || x.joined ||
                   x.electors_before != x.electors_after ||
                   x.winner_before != x.winner_after;
    for (size_t c = 0; c < base->n_cands && !changed; c++)
      changed = tly_outcome_state_electors(base, ob, code, c) !=
                tly_outcome_state_electors(wi, ow, code, c);
    if (!changed)
      continue;
    if (count < cap)
      ch[count] = x;
    count++;
  }
  *n = count;
  if (count > cap)
    return tly__fail(err, TLY_ERANGE, "%zu changes; room for %zu", count,
                     cap);
  return TLY_OK;
}

/*==== Composition ==========================================================*/

/* Replaces *cur by the result of a transform, freeing the old one unless
 * it is the caller's input. */
static void advance(tly_election **cur, tly_election *next,
                    const tly_election *in)
{
  if (*cur != in)
    tly_election_free(*cur);
  *cur = next;
}

tly_status tly_whatif_apply(const tly_election *in, const tly_whatif_opts *o,
                            tly_election **out, tly_error *err)
{
  *out = NULL;
  bool redraw = tly__redraw_asked(o);
  if (o->reapportion && o->n_without == 0 && !redraw)
    return tly__fail(err, TLY_EINVAL,
                     "reapportioning needs states to leave (without) or a "
                     "redraw: otherwise the census's own apportionment "
                     "comes back");
  if (o->reapportion && o->rule == TLY_RULE_DISTRICT)
    return tly__fail(err, TLY_EINVAL, "rule %s",
                     tly__district_reapportion_msg);
  if (redraw && o->rule == TLY_RULE_DISTRICT)
    return tly__fail(err, TLY_EINVAL,
                     "rule district: the congressional districts are those "
                     "of the states as they are, not redrawn ones (split, "
                     "move, merge, admit or counties leaving)");
  tly_election *cur = (tly_election *)in; /* never written through */
  tly_election *next = NULL;
  tly_status s = TLY_OK;
  if (o->n_without > 0) {
    s = tly_whatif_without(cur, o->without, o->n_without, &next, err);
    if (s != TLY_OK)
      goto fail;
    advance(&cur, next, in);
  }
  if (redraw) {
    s = tly__redraw_apply(cur, o, &next, err);
    if (s != TLY_OK)
      goto fail;
    advance(&cur, next, in);
  } else if (o->reapportion) {
    s = tly_whatif_reapportion(cur, o->census, o->seats, o->method, &next,
                               err);
    if (s != TLY_OK)
      goto fail;
    advance(&cur, next, in);
  }
  if (o->rule == TLY_RULE_DISTRICT) {
    /* The districts are units before the swing moves them and before a
     * state is set (its districts with it). */
    s = tly__district_units(cur, &next, err);
    if (s != TLY_OK)
      goto fail;
    advance(&cur, next, in);
  }
  for (size_t i = 0; i < o->n_drop; i++) {
    s = tly_whatif_drop(cur, o->drop[i].candidate, o->drop[i].d_share,
                        o->drop[i].r_share, &next, err);
    if (s != TLY_OK)
      goto fail;
    advance(&cur, next, in);
  }
  if (o->swing) {
    s = tly_whatif_swing(cur, o->swing_num, o->swing_den, &next, err);
    if (s != TLY_OK)
      goto fail;
    advance(&cur, next, in);
  }
  for (size_t i = 0; i < o->n_set; i++) {
    s = tly_whatif_set(cur, o->set[i].code, o->set[i].candidate, &next, err);
    if (s != TLY_OK)
      goto fail;
    advance(&cur, next, in);
  }
  for (size_t i = 0; i < o->n_tie; i++) {
    s = tly_whatif_tie(cur, o->tie[i].code, o->tie[i].candidate, &next, err);
    if (s != TLY_OK)
      goto fail;
    advance(&cur, next, in);
    int32_t c = tly_election_find_candidate(cur, o->tie[i].candidate);
    s = tly__election_note(cur, err, "a tie in %s goes to %s (as by lot)", o->tie[i].code,
             cur->cands[c].name);
    if (s != TLY_OK)
      goto fail;
  }
  if (o->rule == TLY_RULE_NPV) {
    s = tly_whatif_npv(cur, &o->npv, &next, err);
    if (s != TLY_OK)
      goto fail;
    advance(&cur, next, in);
  } else if (o->rule != TLY_RULE_LAW) {
    s = tly_whatif_rule(cur, o->rule, &next, err);
    if (s != TLY_OK)
      goto fail;
    advance(&cur, next, in);
  }
  for (size_t i = 0; i < o->n_delegation; i++) {
    s = tly_whatif_delegation(cur, o->delegation[i].code,
                              o->delegation[i].d, &next, err);
    if (s != TLY_OK)
      goto fail;
    advance(&cur, next, in);
  }
  if (cur == in) {
    s = tly__election_clone(in, &cur, err);
    if (s != TLY_OK)
      return s;
  }
  *out = cur;
  return TLY_OK;
fail:
  if (cur != in)
    tly_election_free(cur);
  return s;
}

/*==== JSON =================================================================*/

static void put(json_t *obj, const char *key, json_t *v, bool *ok)
{
  if (v == NULL || json_object_set_new(obj, key, v) != 0)
    *ok = false;
}

/* A result object with "rule" and, under the compact, "npv". */
static json_t *result_obj(const tly_election *e, const tly_outcome *o,
                          bool *ok)
{
  json_t *r = tly__json_result_obj(e, o);
  if (r == NULL) {
    *ok = false;
    return NULL;
  }
  put(r, "rule", json_string(tly_rule_name((tly_rule)e->rule)), ok);
  if (tly_election_n_redrawn(e) > 0) /* only then: other what-ifs as were */
    put(r, "redrawn", tly__redraw_json(e), ok);
  tly_npv_info ni;
  tly_outcome_npv(o, &ni);
  if (!ni.applies) {
    put(r, "npv", json_null(), ok);
    return r;
  }
  json_t *x = json_object();
  json_t *members = json_array();
  if (x == NULL || members == NULL) {
    json_decref(x);
    json_decref(members);
    *ok = false;
    return r;
  }
  for (size_t u = 0; u < e->n_units; u++) {
    if (e->units[u].parent < 0 && e->npv_member[u] &&
        json_array_append_new(members, json_string(e->units[u].code)) != 0)
      *ok = false;
  }
  put(x, "members", members, ok);
  put(x, "member_electors", json_integer(ni.member_electors), ok);
  put(x, "needed", json_integer(ni.needed), ok);
  put(x, "in_force", json_boolean(ni.in_force), ok);
  put(x, "national_winner",
      ni.national_winner >= 0 ? json_string(e->cands[ni.national_winner].name)
                              : json_null(),
      ok);
  put(r, "npv", x, ok);
  return r;
}

/* {electors, winner, electors_by_candidate} of state `code`. */
static json_t *side(const tly_election *e, const tly_outcome *o,
                    const char *code, int64_t electors, int32_t winner,
                    bool *ok)
{
  json_t *x = json_object();
  json_t *by = json_object();
  if (x == NULL || by == NULL) {
    json_decref(x);
    json_decref(by);
    *ok = false;
    return NULL;
  }
  put(x, "electors", json_integer(electors), ok);
  put(x, "winner",
      winner >= 0 ? json_string(e->cands[winner].name) : json_null(), ok);
  for (size_t c = 0; c < e->n_cands; c++) {
    int64_t n = tly_outcome_state_electors(e, o, code, c);
    if (n != 0)
      put(by, e->cands[c].name, json_integer(n), ok);
  }
  put(x, "electors_by_candidate", by, ok);
  return x;
}

tly_status tly_json_whatif(const tly_election *base, const tly_outcome *ob,
                           const tly_election *wi, const tly_outcome *ow,
                           tly_writer w, void *ud, tly_error *err)
{
  tly_whatif_change ch[128];
  size_t n;
  tly_status s = tly_whatif_changes(base, ob, wi, ow, ch, 128, &n, err);
  if (s != TLY_OK)
    return s;
  bool ok = true;
  json_t *root = json_object();
  if (root == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  put(root, "baseline", result_obj(base, ob, &ok), &ok);
  put(root, "whatif", result_obj(wi, ow, &ok), &ok);
  json_t *arr = json_array();
  for (size_t i = 0; i < n && arr != NULL; i++) {
    json_t *x = json_object();
    if (x == NULL) {
      ok = false;
      break;
    }
    put(x, "code", json_string(ch[i].code), &ok);
    put(x, "left", json_boolean(ch[i].left), &ok);
    put(x, "before",
        ch[i].joined ? json_null()
                     : side(base, ob, ch[i].code, ch[i].electors_before,
                            ch[i].winner_before, &ok),
        &ok);
    put(x, "after",
        ch[i].left ? json_null()
                   : side(wi, ow, ch[i].code, ch[i].electors_after,
                          ch[i].winner_after, &ok),
        &ok);
    if (json_array_append_new(arr, x) != 0)
      ok = false;
  }
  put(root, "changes", arr, &ok);
  if (!ok) {
    json_decref(root);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return tly__json_write(root, w, ud, err);
}

/* The what-if in words (see tally.h). */
void tly_whatif_describe(const tly_whatif_opts *o, char *buf, size_t size)
{
  size_t n = 0;
  buf[0] = '\0';
#define ADD(...)                                                           \
  do {                                                                     \
    if (n < size)                                                          \
      n += (size_t)snprintf(buf + n, size - n, __VA_ARGS__);               \
  } while (0)
  if (o->n_without > 0 || o->n_without_counties > 0) {
    ADD("without ");
    for (size_t i = 0; i < o->n_without; i++)
      ADD("%s%s", i ? "," : "", o->without[i]);
    for (size_t i = 0; i < o->n_without_counties; i++)
      ADD("%s%s", i || o->n_without ? "," : "", o->without_counties[i]);
  }
  for (size_t i = 0; i < o->n_split; i++)
    ADD("%ssplit %s", n ? " · " : "", o->split[i]);
  for (size_t i = 0; i < o->n_move; i++)
    ADD("%smove %s", n ? " · " : "", o->move[i]);
  for (size_t i = 0; i < o->n_merge; i++)
    ADD("%smerge %s", n ? " · " : "", o->merge[i]);
  for (size_t i = 0; i < o->n_admit; i++)
    ADD("%sadmit %s", n ? " · " : "", o->admit[i]);
  if (o->reapportion) {
    ADD("%sreapportioned", n ? " · " : "");
    if (o->census != 0)
      ADD(" (%d census)", o->census);
  }
  if (o->swing) {
    int64_t a = o->swing_num < 0 ? -o->swing_num : o->swing_num;
    ADD("%sswing %c%lld", n ? " · " : "", o->swing_num < 0 ? '-' : '+',
        (long long)(a / o->swing_den));
    if (o->swing_den > 1) {
      int k = 0;
      for (int64_t d = o->swing_den; d > 1; d /= 10)
        k++;
      ADD(".%0*lld", k, (long long)(a % o->swing_den));
    }
  }
  for (size_t i = 0; i < o->n_drop; i++) {
    const tly_drop *x = &o->drop[i];
    ADD("%sdrop %s", n ? " · " : "", x->candidate);
    for (int k = 0; k < 2; k++) {
      int64_t v = k == 0 ? x->d_share : x->r_share;
      if (v == 0)
        continue;
      ADD("%s%c:%lld", k == 0 || x->d_share == 0 ? "=" : ",",
          k == 0 ? 'D' : 'R', (long long)(v / TLY_DROP_SHARE_ONE));
      int64_t f = v % TLY_DROP_SHARE_ONE;
      int digits = 9;
      while (f != 0 && f % 10 == 0) {
        f /= 10;
        digits--;
      }
      if (f != 0)
        ADD(".%0*lld", digits, (long long)f);
    }
  }
  for (size_t i = 0; i < o->n_set; i++)
    ADD("%sset %s=%s", n ? " · " : "", o->set[i].code, o->set[i].candidate);
  for (size_t i = 0; i < o->n_tie; i++)
    ADD("%stie %s=%s", n ? " · " : "", o->tie[i].code, o->tie[i].candidate);
  if (o->rule != TLY_RULE_LAW)
    ADD("%srule %s", n ? " · " : "", tly_rule_name(o->rule));
  if (o->rule == TLY_RULE_NPV) {
    const tly_npv_members *m = &o->npv;
    if (m->which == TLY_NPV_ALL)
      ADD(" (members: all)");
    else if (m->which == TLY_NPV_NONE)
      ADD(" (members: none)");
    else if (m->which == TLY_NPV_YEAR)
      ADD(" (members as of %d)", m->year);
    else if (m->which == TLY_NPV_LIST) {
      ADD(" (members: ");
      for (size_t i = 0; i < m->n_codes; i++)
        ADD("%s%s", i ? "," : "", m->codes[i]);
      ADD(")");
    }
  }
  for (size_t i = 0; i < o->n_delegation; i++) {
    tly_delegation d = o->delegation[i].d;
    ADD("%sdelegation %s=%s", n ? " · " : "", o->delegation[i].code,
        d == TLY_DELEGATION_R   ? "R"
        : d == TLY_DELEGATION_D ? "D"
                                : "split");
  }
#undef ADD
  if (n >= size && size > 0)
    buf[size - 1] = '\0';
}
