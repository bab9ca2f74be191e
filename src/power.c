/*
 * power.c -- voting power in the Electoral College: the normalized Banzhaf
 * index (Banzhaf, "One Man, 3.312 Votes", Villanova Law Review 13, 1968;
 * Penrose 1946 for the square-root rule of one voter's power) and the
 * Shapley-Shubik index (Shapley and Shubik, APSR 48, 1954), both exact, by
 * dynamic programming over coalition weights with generating functions
 * (Brams and Affuso 1976; Matsui and Matsui, J. Oper. Res. Soc. Japan 43,
 * 2000: count all coalitions once, then remove each player by dividing
 * out its factor, O(n W) per player).
 */
#include "power.h"

#include "json.h"
#include "results.h"

#include "arith.h"

#include <math.h>
#include <string.h>

/*---- 320-bit unsigned integers ---------------------------------------------*/

bool tly__big_eq(const tly__big *a, const tly__big *b)
{
  return memcmp(a->limb, b->limb, sizeof a->limb) == 0;
}

bool tly__big_add(const tly__big *a, const tly__big *b, tly__big *r)
{
  unsigned __int128 carry = 0;
  tly__big t;
  for (int i = 0; i < TLY__BIG_LIMBS; i++) {
    carry += (unsigned __int128)a->limb[i] + b->limb[i];
    t.limb[i] = (uint64_t)carry;
    carry >>= 64;
  }
  if (carry != 0)
    return false;
  *r = t;
  return true;
}

/* *r = a * m; false on overflow of 320 bits. */
static bool big_mul_u64(const tly__big *a, uint64_t m, tly__big *r)
{
  unsigned __int128 carry = 0;
  tly__big t;
  for (int i = 0; i < TLY__BIG_LIMBS; i++) {
    carry += (unsigned __int128)a->limb[i] * m;
    t.limb[i] = (uint64_t)carry;
    carry >>= 64;
  }
  if (carry != 0)
    return false;
  *r = t;
  return true;
}

/* *r = a * b (schoolbook); false when the product needs more than 320
 * bits. */
static bool big_mul(const tly__big *a, const tly__big *b, tly__big *r)
{
  uint64_t t[2 * TLY__BIG_LIMBS] = {0};
  for (int i = 0; i < TLY__BIG_LIMBS; i++) {
    unsigned __int128 carry = 0;
    for (int j = 0; j < TLY__BIG_LIMBS; j++) {
      carry += (unsigned __int128)a->limb[i] * b->limb[j] + t[i + j];
      t[i + j] = (uint64_t)carry;
      carry >>= 64;
    }
    t[i + TLY__BIG_LIMBS] = (uint64_t)carry;
  }
  for (int i = TLY__BIG_LIMBS; i < 2 * TLY__BIG_LIMBS; i++) {
    if (t[i] != 0)
      return false;
  }
  memcpy(r->limb, t, sizeof r->limb);
  return true;
}

long double tly__big_to_ld(const tly__big *a)
{
  /* From the top limb down: each step adds a limb exactly representable
   * in 64 bits of mantissa, so the result is within a few ulps of the
   * long double (64-bit mantissa on x86-64): relative error < 2^-62. */
  long double v = 0.0L;
  for (int i = TLY__BIG_LIMBS; i-- > 0;)
    v = v * 18446744073709551616.0L + (long double)a->limb[i];
  return v;
}

/*---- The games ------------------------------------------------------------*/

/* Checks the game and collects the players of non-zero weight into
 * idx[0..*m) (zero-weight players are null: they are never pivotal and
 * removing them changes no one else's normalized Banzhaf or Shapley-Shubik
 * value). */
static tly_status check_game(const int64_t *w, size_t n, int64_t quota,
                             size_t *idx, size_t *m, tly_error *err)
{
  if (n == 0 || n > TLY_POWER_MAX_PLAYERS)
    return tly__fail(err, TLY_EINVAL, "a game needs 1 to %d players, not %zu",
                     TLY_POWER_MAX_PLAYERS, n);
  if (quota < 1)
    return tly__fail(err, TLY_EINVAL, "quota %lld is below 1",
                     (long long)quota);
  int64_t total = 0;
  *m = 0;
  for (size_t i = 0; i < n; i++) {
    if (w[i] < 0)
      return tly__fail(err, TLY_EINVAL, "weight %lld is negative",
                       (long long)w[i]);
    if (w[i] > TLY_POWER_MAX_WEIGHT - total)
      return tly__fail(err, TLY_EINVAL, "weights sum above %d",
                       TLY_POWER_MAX_WEIGHT);
    total += w[i]; /* <= TLY_POWER_MAX_WEIGHT, checked above */
    if (w[i] > 0)
      idx[(*m)++] = i;
  }
  return TLY_OK;
}

/* Banzhaf swings. c[s] counts the coalitions of all players with weight s
 * < quota; removing player i divides its factor (1 + x^w) out: c_i[s] =
 * c[s] - c_i[s - w] for s >= w. Arithmetic is modulo 2^64: every true c_i
 * value counts subsets of at most 63 players, so it is below 2^63 and the
 * residue is the count itself, whatever c[s] wrapped to (c[s] itself may
 * reach 2^64 when n = 64). Swings of i = sum of c_i[s], quota - w <= s <
 * quota: again a count of subsets of the others, below 2^63. */
static void banzhaf(const int64_t *w, const size_t *idx, size_t m,
                    int64_t quota, uint64_t *c, uint64_t *ci,
                    uint64_t *swings)
{
  size_t q = (size_t)quota;
  memset(c, 0, q * sizeof *c);
  c[0] = 1;
  for (size_t j = 0; j < m; j++) {
    size_t wj = (size_t)w[idx[j]];
    for (size_t s = q; s-- > wj;)
      c[s] += c[s - wj];
  }
  for (size_t j = 0; j < m; j++) {
    size_t wi = (size_t)w[idx[j]];
    uint64_t sw = 0;
    for (size_t s = 0; s < q; s++) {
      ci[s] = s >= wi ? c[s] - ci[s - wi] : c[s];
      if (s + wi >= q)
        sw += ci[s];
    }
    swings[idx[j]] = sw;
  }
}

tly_status tly__power_shapley_counts(const int64_t *weights, size_t n,
                                     int64_t quota, const tly_allocator *a,
                                     tly__big *num, tly__big *den,
                                     tly_error *err)
{
  size_t idx[TLY_POWER_MAX_PLAYERS];
  size_t m;
  tly_status s = check_game(weights, n, quota, idx, &m, err);
  if (s != TLY_OK)
    return s;
  memset(num, 0, n * sizeof *num);
  memset(den, 0, sizeof *den);
  den->limb[0] = 1;
  for (size_t k = 2; k <= m; k++)
    (void)big_mul_u64(den, k, den); /* m! <= 64! < 2^297: no overflow */
  int64_t total = 0;
  for (size_t i = 0; i < n; i++)
    total += weights[i]; /* bounded by check_game */
  if (quota > total || m == 0)
    return TLY_OK; /* no coalition wins: no one is ever pivotal */
  /* c[k][s]: coalitions of k players of weight s < quota; ci[k][s] the
   * same without player i, computed row by row from the previous row
   * (ci[k][s] = c[k][s] - ci[k-1][s - w]). Counts of subsets of m <= 64
   * players of one size are at most C(64, 32) < 2^61: no wrap at all. */
  size_t q = (size_t)quota;
  size_t rows = m + 1;
  uint64_t *c = tly__calloc(a, rows * q, sizeof *c);
  uint64_t *prev = tly__calloc(a, q, sizeof *prev);
  uint64_t *cur = tly__calloc(a, q, sizeof *cur);
  tly__big *fact = tly__calloc(a, m + 1, sizeof *fact);
  tly__big *coef = tly__calloc(a, m + 1, sizeof *coef);
  if (c == NULL || prev == NULL || cur == NULL || fact == NULL ||
      coef == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  fact[0].limb[0] = 1;
  for (size_t k = 1; k <= m; k++)
    (void)big_mul_u64(&fact[k - 1], k, &fact[k]); /* <= 64! */
  /* coef[k] = k! (m-1-k)!: the orders in which a player joins k others
   * and m - 1 - k follow; at most (m-1)! < 2^297. */
  for (size_t k = 0; k + 1 <= m; k++) {
    bool ok = big_mul(&fact[k], &fact[m - 1 - k], &coef[k]);
    TLY_ASSERT(ok);
    TLY_UNUSED(ok);
  }
  c[0] = 1;
  for (size_t j = 0; j < m; j++) {
    size_t wj = (size_t)weights[idx[j]];
    for (size_t k = j + 1; k >= 1; k--) {
      uint64_t *restrict row = &c[k * q];
      const uint64_t *restrict below = &c[(k - 1) * q];
      for (size_t t = wj; t < q; t++)
        row[t] += below[t - wj]; /* rows differ: no order dependence */
    }
  }
  for (size_t j = 0; j < m; j++) {
    size_t wi = (size_t)weights[idx[j]];
    size_t lo = wi < q ? q - wi : 0; /* pivotal weights: lo <= t < q */
    tly__big acc = {{0}};
    for (size_t k = 0; k + 1 <= m; k++) {
      /* cur = ci[k], prev = ci[k-1]. */
      const uint64_t *restrict row = &c[k * q];
      uint64_t *restrict cu = cur;
      const uint64_t *restrict pr = prev;
      size_t split = k > 0 ? (wi < q ? wi : q) : q;
      memcpy(cu, row, split * sizeof *cu);
      for (size_t t = split; t < q; t++)
        cu[t] = row[t] - pr[t - wi];
      uint64_t pivots = 0; /* coalitions of k others where i is pivotal */
      for (size_t t = lo; t < q; t++)
        pivots += cu[t];
      if (pivots != 0) {
        /* The sum over k of coef[k] x pivots is at most m! < 2^297 (every
         * order counted once), so no step overflows 320 bits. */
        tly__big term;
        bool ok = big_mul_u64(&coef[k], pivots, &term) &&
                  tly__big_add(&acc, &term, &acc);
        TLY_ASSERT(ok);
        TLY_UNUSED(ok);
      }
      uint64_t *sw = prev;
      prev = cur;
      cur = sw;
    }
    num[idx[j]] = acc;
  }
done:
  tly__free(a, coef, (m + 1) * sizeof *coef);
  tly__free(a, fact, (m + 1) * sizeof *fact);
  tly__free(a, cur, q * sizeof *cur);
  tly__free(a, prev, q * sizeof *prev);
  tly__free(a, c, rows * q * sizeof *c);
  return s;
}

tly_status tly_power_game(const int64_t *weights, size_t n, int64_t quota,
                          tly_power_index index, const tly_allocator *a,
                          double *values, uint64_t *swings, tly_error *err)
{
  size_t idx[TLY_POWER_MAX_PLAYERS];
  size_t m;
  if (index != TLY_POWER_BANZHAF && index != TLY_POWER_SHAPLEY)
    return tly__fail(err, TLY_EINVAL, "unknown power index %d", (int)index);
  tly_status s = check_game(weights, n, quota, idx, &m, err);
  if (s != TLY_OK)
    return s;
  for (size_t i = 0; i < n; i++) {
    values[i] = 0.0;
    if (swings != NULL)
      swings[i] = 0;
  }
  int64_t total = 0;
  for (size_t i = 0; i < n; i++)
    total += weights[i];
  if (quota > total || m == 0)
    return TLY_OK;
  if (index == TLY_POWER_SHAPLEY) {
    tly__big *num = tly__calloc(a, n, sizeof *num);
    tly__big den;
    if (num == NULL)
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    s = tly__power_shapley_counts(weights, n, quota, a, num, &den, err);
    if (s == TLY_OK) {
      long double d = tly__big_to_ld(&den);
      for (size_t i = 0; i < n; i++)
        values[i] = (double)(tly__big_to_ld(&num[i]) / d);
    }
    tly__free(a, num, n * sizeof *num);
    return s;
  }
  size_t q = (size_t)quota;
  uint64_t *c = tly__calloc(a, q, sizeof *c);
  uint64_t *ci = tly__calloc(a, q, sizeof *ci);
  uint64_t sw[TLY_POWER_MAX_PLAYERS] = {0};
  if (c == NULL || ci == NULL) {
    tly__free(a, ci, q * sizeof *ci);
    tly__free(a, c, q * sizeof *c);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  banzhaf(weights, idx, m, quota, c, ci, sw);
  tly__free(a, ci, q * sizeof *ci);
  tly__free(a, c, q * sizeof *c);
  /* Zero-weight players double every count: swings of the others are
   * counted over all coalitions of everyone else. n <= 64 keeps the
   * result below 2^63. */
  unsigned zeros = (unsigned)(n - m);
  unsigned __int128 sum = 0;
  for (size_t i = 0; i < n; i++) {
    sw[i] <<= zeros;
    sum += sw[i];
    if (swings != NULL)
      swings[i] = sw[i];
  }
  for (size_t i = 0; i < n && sum > 0; i++)
    values[i] = (double)((long double)sw[i] / (long double)sum);
  return TLY_OK;
}

/*---- The College as a game -------------------------------------------------*/

struct tly_power {
  tly_allocator alloc;
  tly_power_index index;
  int year;
  int census;
  char source[256];
  int64_t electors, majority;
  size_t n_rows;
  bool wide; /* more than TLY_POWER_MAX_PLAYERS rows: swings not kept */
  tly_power_row rows[TLY__POWER_WIDE_MAX];
};

void tly_power_free(tly_power *p)
{
  if (p == NULL)
    return;
  tly_allocator a = p->alloc;
  tly__free(&a, p, sizeof *p);
}

tly_power_index tly_power_index_of(const tly_power *p) { return p->index; }
int64_t tly_power_electors(const tly_power *p) { return p->electors; }
int64_t tly_power_majority(const tly_power *p) { return p->majority; }
size_t tly_power_n_rows(const tly_power *p) { return p->n_rows; }

const tly_power_row *tly_power_row_at(const tly_power *p, size_t i)
{
  return i < p->n_rows ? &p->rows[i] : NULL;
}

/* Adds a row; false when the game would exceed TLY__POWER_WIDE_MAX. */
static bool add_row(tly_power *p, const char *code, int32_t parent,
                    int64_t electors, int64_t turnout)
{
  if (p->n_rows == TLY__POWER_WIDE_MAX)
    return false;
  tly_power_row *r = &p->rows[p->n_rows++];
  memset(r, 0, sizeof *r);
  size_t n = strlen(code);
  if (n >= sizeof r->code)
    n = sizeof r->code - 1;
  memcpy(r->code, code, n);
  r->parent = parent;
  r->electors = electors;
  r->turnout = turnout;
  r->voter = NAN;
  return true;
}

/* Solves the game of p's rows (quota: a majority of their electors) and
 * fills value, per_elector, swings and voter. */
static tly_status solve(tly_power *p, tly_error *err)
{
  size_t n = p->n_rows;
  const tly_allocator *a = &p->alloc;
  int64_t *w = tly__calloc(a, n + 1, sizeof *w);
  double *v = tly__calloc(a, n + 1, sizeof *v);
  uint64_t *sw = tly__calloc(a, n + 1, sizeof *sw);
  double *raw = tly__calloc(a, n + 1, sizeof *raw);
  tly_status s = TLY_OK;
  if (w == NULL || v == NULL || sw == NULL || raw == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  p->electors = 0;
  for (size_t i = 0; i < n; i++) {
    w[i] = p->rows[i].electors;
    if (!tly__add_i64(p->electors, w[i], &p->electors)) {
      s = tly__fail(err, TLY_EOVERFLOW, "electors overflow");
      goto done;
    }
  }
  /* 12th Amendment: a majority of the whole number of electors. */
  p->majority = p->electors / 2 + 1;
  p->wide = n > TLY_POWER_MAX_PLAYERS;
  if (p->wide && p->index != TLY_POWER_BANZHAF)
    s = tly__fail(err, TLY_EUNSUPPORTED,
                  "the Shapley-Shubik index takes at most %d units, and "
                  "this game has %zu; the Banzhaf index takes up to %d",
                  TLY_POWER_MAX_PLAYERS, n, TLY__POWER_WIDE_MAX);
  else if (p->wide) /* counts beyond 64 bits: power_wide.c */
    s = tly__power_banzhaf_wide(w, n, p->majority, a, v, err);
  else
    s = tly_power_game(w, n, p->majority, p->index, a, v, sw, err);
  if (s != TLY_OK)
    goto done;
  for (size_t i = 0; i < p->n_rows; i++) {
    tly_power_row *r = &p->rows[i];
    r->value = v[i];
    /* Relative to an equal share: 1 when the unit's share of the power
     * equals its share of the electors. */
    r->per_elector = r->electors > 0 ? v[i] * (double)p->electors /
                                           (double)r->electors
                                     : 0.0;
    r->swings = p->index == TLY_POWER_BANZHAF ? sw[i] : 0; /* wide: 0 */
  }
  if (p->index != TLY_POWER_BANZHAF)
    goto done;
  /* Penrose: one voter's power through a unit ~ index / sqrt(turnout).
   * A district's voter also votes for the at-large electors, so her power
   * is her district's term plus the at-large term. The mean over all
   * voters: sum over rows of turnout x term (the at-large row's turnout is
   * the whole state's) over the voters of the top-level rows. Doubles
   * here are display values; no count is recovered from them. */
  double mass = 0.0, voters = 0.0;
  for (size_t i = 0; i < p->n_rows; i++) {
    const tly_power_row *r = &p->rows[i];
    raw[i] = r->turnout > 0 ? r->value / sqrt((double)r->turnout) : NAN;
    if (r->turnout > 0) {
      mass += (double)r->turnout * raw[i];
      if (r->parent < 0)
        voters += (double)r->turnout;
    }
  }
  if (voters <= 0.0 || mass <= 0.0)
    goto done;
  double mean = mass / voters;
  for (size_t i = 0; i < p->n_rows; i++) {
    tly_power_row *r = &p->rows[i];
    if (r->turnout <= 0)
      continue;
    double x = raw[i];
    if (r->parent >= 0) {
      if (p->rows[r->parent].turnout <= 0)
        continue;
      x += raw[r->parent];
    }
    r->voter = x / mean;
  }
done:
  tly__free(a, raw, (n + 1) * sizeof *raw);
  tly__free(a, sw, (n + 1) * sizeof *sw);
  tly__free(a, v, (n + 1) * sizeof *v);
  tly__free(a, w, (n + 1) * sizeof *w);
  return s;
}

static tly_status too_many(tly_error *err)
{
  return tly__fail(err, TLY_EUNSUPPORTED, "more than %d units",
                   TLY__POWER_WIDE_MAX);
}

tly_status tly_power_election(const tly_election *e, tly_power_index index,
                              tly_power_units units, tly_power **out,
                              tly_error *err)
{
  *out = NULL;
  tly_power *p = tly__calloc(&e->alloc, 1, sizeof *p);
  if (p == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  p->alloc = e->alloc;
  p->index = index;
  p->year = e->year;
  memcpy(p->source, e->source_name, sizeof p->source);
  tly_status s = TLY_OK;
  if (units == TLY_POWER_STATES) {
    for (size_t u = 0; u < e->n_units && s == TLY_OK; u++) {
      const tly_unit *un = &e->units[u];
      if (un->parent >= 0)
        continue;
      if (!add_row(p, un->code, -1, un->electors,
                   un->has_votes ? e->totals[u] : 0))
        s = too_many(err);
    }
  } else {
    tly_outcome *o = NULL;
    s = tly_college(e, &o, err);
    /* Row of each election unit's award, to find a district's parent. */
    int32_t row_of[TLY__POWER_WIDE_MAX + 8];
    for (size_t i = 0; s == TLY_OK && i < tly_outcome_n_awards(o); i++) {
      const tly_award *w = tly_outcome_award(o, i);
      const tly_unit *un = &e->units[w->unit];
      int32_t parent = -1;
      for (size_t k = 0; un->parent >= 0 && k < p->n_rows; k++) {
        if (row_of[k] == un->parent)
          parent = (int32_t)k;
      }
      if (!add_row(p, w->code, parent, w->electors,
                   w->by_record || !un->has_votes ? 0 : w->total_votes))
        s = too_many(err);
      else
        row_of[p->n_rows - 1] = w->unit;
    }
    tly_outcome_free(o);
  }
  if (s == TLY_OK)
    s = solve(p, err);
  if (s != TLY_OK) {
    tly_power_free(p);
    return s;
  }
  *out = p;
  return TLY_OK;
}

tly_status tly_power_census(int census, tly_power_index index,
                            tly_power_units units, const tly_allocator *a,
                            tly_power **out, tly_error *err)
{
  *out = NULL;
  tly_electors_row er[51];
  size_t n = 0;
  tly_status s = tly_apportion_electors(census, 0, TLY_METHOD_HUNTINGTON_HILL,
                                        NULL, 0, a, er, 51, &n, err);
  if (s != TLY_OK)
    return s;
  tly_power *p = tly__calloc(a, 1, sizeof *p);
  if (p == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  p->alloc = *tly__alloc_or_default(a);
  p->index = index;
  p->census = census;
  for (size_t i = 0; i < n && s == TLY_OK; i++) {
    bool split = units == TLY_POWER_DISTRICTS &&
                 (strcmp(er[i].code, "ME") == 0 ||
                  strcmp(er[i].code, "NE") == 0) &&
                 er[i].seats > 1;
    if (!split) {
      if (!add_row(p, er[i].code, -1, er[i].electors, er[i].population))
        s = too_many(err);
      continue;
    }
    /* Maine and Nebraska: 2 at large, one per district; districts of
     * equal population (an assumption, see tally.h). */
    int32_t parent = (int32_t)p->n_rows;
    if (!add_row(p, er[i].code, -1, 2, er[i].population)) {
      s = too_many(err);
      break;
    }
    for (int64_t d = 1; d <= er[i].seats && s == TLY_OK; d++) {
      char code[24]; /* "ME-1": a state code and a district number */
      snprintf(code, sizeof code, "%.2s-%d", er[i].code, (int)d);
      if (!add_row(p, code, parent, 1, er[i].population / er[i].seats))
        s = too_many(err);
    }
  }
  if (s == TLY_OK)
    s = solve(p, err);
  if (s != TLY_OK) {
    tly_power_free(p);
    return s;
  }
  *out = p;
  return TLY_OK;
}

/*---- JSON ------------------------------------------------------------------*/

static void put(json_t *obj, const char *key, json_t *v, bool *ok)
{
  if (v == NULL || json_object_set_new(obj, key, v) != 0)
    *ok = false;
}

tly_status tly_json_power(const tly_power *p, tly_writer w, void *ud,
                          tly_error *err)
{
  bool ok = true;
  json_t *root = json_object();
  if (root == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  bool bz = p->index == TLY_POWER_BANZHAF;
  put(root, "index", json_string(bz ? "banzhaf" : "shapley"), &ok);
  put(root, "majority", json_integer(p->majority), &ok);
  put(root, "electors", json_integer(p->electors), &ok);
  if (p->census != 0) {
    put(root, "census", json_integer(p->census), &ok);
  } else {
    put(root, "year", json_integer(p->year), &ok);
    put(root, "source", json_string(p->source), &ok);
  }
  json_t *arr = json_array();
  for (size_t i = 0; i < p->n_rows && arr != NULL; i++) {
    const tly_power_row *r = &p->rows[i];
    json_t *x = json_object();
    if (x == NULL || json_array_append_new(arr, x) != 0) {
      ok = false;
      break;
    }
    put(x, "code", json_string(r->code), &ok);
    put(x, "electors", json_integer(r->electors), &ok);
    put(x, "value", json_real(r->value), &ok);
    put(x, "per_elector", json_real(r->per_elector), &ok);
    if (bz) {
      /* swings < 2^63 (see banzhaf): an exact JSON integer; a wide game's
       * exceed 64 bits (up to 2^999): null. */
      put(x, "swings",
          p->wide ? json_null() : json_integer((json_int_t)r->swings), &ok);
      put(x, "voter", isnan(r->voter) ? json_null() : json_real(r->voter),
          &ok);
    }
  }
  put(root, "units", arr, &ok);
  if (!ok) {
    json_decref(root);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return tly__json_write(root, w, ud, err);
}
