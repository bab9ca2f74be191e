/*
 * audit.c -- BRAVO ballot-polling risk-limiting audits (Lindeman, Stark and
 * Yates, "BRAVO: Ballot-polling Risk-limiting Audits to Verify Outcomes",
 * EVT/WOTE 2012): Wald's SPRT for the reported winner against the loser,
 * ballots drawn with replacement. The expected sample size is Stark's
 * formula (ballotPollTools); k_min(n) is r2b2's affine form (so_bravo.py).
 * Floating point is used for probabilities only, never for a count.
 */
#include "process.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Relative slack for p_w + p_l <= 1 given as decimals (0.55 + 0.45). */
#define SHARE_SLACK 1e-12
/* The ballots the simulation may be expected to draw in all (a few
 * seconds of one core): more trials than fit are refused up front, with
 * the most that fit, never run in part. A run that, by bad luck, draws
 * DRAW_HARD_CAP ballots stops with an error, so it never hangs. */
#define DRAW_BUDGET 1000000000LL
#define DRAW_HARD_CAP (4 * DRAW_BUDGET)
#define MAX_TRIALS 10000000LL

static tly_status check_shares(double risk, double pw, double pl,
                               tly_error *err)
{
  if (!(risk > 0 && risk < 1))
    return tly__fail(err, TLY_EINVAL, "risk limit %g must be between 0 "
                                      "and 1",
                     risk);
  if (pw == pl && pw > 0)
    return tly__fail(err, TLY_EINVAL, "shares tied: no ballot-polling "
                                      "audit can confirm a winner; a full "
                                      "hand count is needed");
  if (!(pl > 0 && pw > pl))
    return tly__fail(err, TLY_EINVAL,
                     "shares %g and %g: the winner's must exceed the "
                     "loser's, both positive",
                     pw, pl);
  if (!(pw + pl <= 1 + SHARE_SLACK))
    return tly__fail(err, TLY_EINVAL, "shares %g + %g exceed 1", pw, pl);
  return TLY_OK;
}

/* Stark, ballotPollTools: ASN = [ln(1/a) + ln(2s)/2] / [p_w ln(2s) + p_l
 * ln(2 - 2s)]. The denominator is (p_w + p_l) times the Kullback-Leibler
 * divergence of s from 1/2: positive whenever s > 1/2. */
tly_status tly_bravo_asn(double risk, double pw, double pl, double *asn,
                         tly_error *err)
{
  tly_status s = check_shares(risk, pw, pl, err);
  if (s != TLY_OK)
    return s;
  double sw = pw / (pw + pl);
  double num = log(1 / risk) + log(2 * sw) / 2;
  double den = pw * log(2 * sw) + pl * log(2 - 2 * sw);
  *asn = num / den;
  return TLY_OK;
}

/* Whether k winner ballots among n relevant ones meet the SPRT:
 * k ln(2s) + (n - k) ln(2 - 2s) >= ln(1/a). */
static bool sprt_stops(double lw, double ll, double target, int64_t k,
                       int64_t n)
{
  return (double)k * lw + (double)(n - k) * ll >= target;
}

/* k_min(n) = ceil(ln(1/a)/ln(s/(1-s)) + n ln(1/(2-2s))/ln(s/(1-s))),
 * then moved by whole steps until it is the least k for which the SPRT
 * itself stops (the affine form and the test agree but for rounding). */
tly_status tly_bravo_kmin(double risk, double sw, int64_t n, int64_t *k,
                          tly_error *err)
{
  if (!(risk > 0 && risk < 1))
    return tly__fail(err, TLY_EINVAL, "risk limit %g must be between 0 "
                                      "and 1",
                     risk);
  if (!(sw > 0.5 && sw < 1))
    return tly__fail(err, TLY_EINVAL,
                     "winner's share of the pair %g must be in (0.5, 1)", sw);
  if (n < 0 || n > ((int64_t)1 << 50))
    return tly__fail(err, TLY_EINVAL, "n %lld out of range", (long long)n);
  double lw = log(2 * sw), ll = log(2 - 2 * sw), target = log(1 / risk);
  double odds = log(sw / (1 - sw));
  double x = target / odds + (double)n * log(1 / (2 - 2 * sw)) / odds;
  int64_t kk = (int64_t)ceil(x);
  while (kk > 0 && sprt_stops(lw, ll, target, kk - 1, n))
    kk--;
  while (!sprt_stops(lw, ll, target, kk, n))
    kk++;
  *k = kk;
  return TLY_OK;
}

static const double levels[TLY_BRAVO_NQ] = {0.25, 0.5, 0.75, 0.9, 0.95,
                                            0.99};

double tly_bravo_quantile_level(size_t i)
{
  return i < TLY_BRAVO_NQ ? levels[i] : 0;
}

/*---- Random streams ------------------------------------------------------
 * xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", 2021), seeded per (seed, trial) through SplitMix64 (Steele,
 * Lea and Flood 2014): each trial has its own stream, so a result depends
 * on the seed alone. The state lives on the caller's stack. */

typedef struct {
  uint64_t s[4];
} stream;

static uint64_t splitmix(uint64_t *x)
{
  uint64_t z = (*x += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

static void stream_seed(stream *r, uint64_t seed, uint64_t trial)
{
  uint64_t x = seed;
  uint64_t mix = splitmix(&x) ^ (trial * 0xd1342543de82ef95u);
  for (int i = 0; i < 4; i++)
    r->s[i] = splitmix(&mix);
  if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0)
    r->s[0] = 1; /* the one forbidden state */
}

static inline uint64_t rotl(uint64_t x, int k)
{
  return (x << k) | (x >> (64 - k));
}

static inline uint64_t stream_next(stream *r)
{
  uint64_t *s = r->s;
  uint64_t out = rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return out;
}

static int cmp_i64(const void *a, const void *b)
{
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

/* One simulated audit: draws ballots (winner with probability p_w, loser
 * p_l, other otherwise, compared on 53-bit integers) until the SPRT stops
 * or max_sample ballots are drawn; returns the ballots drawn, or -1 when
 * it escalated to a full hand count. */
static int64_t one_audit(stream *r, uint64_t tw, uint64_t tl, double lw,
                         double ll, double target, int64_t max_sample)
{
  double t = 0; /* the log likelihood ratio so far */
  for (int64_t drawn = 1; drawn <= max_sample; drawn++) {
    uint64_t x = stream_next(r) >> 11;
    if (x < tw)
      t += lw;
    else if (x < tl)
      t += ll;
    else
      continue; /* a ballot for neither: counted, no evidence */
    if (t >= target)
      return drawn;
  }
  return -1;
}

/* Each trial draws about min(ASN, max_sample) ballots. */
static double per_trial(double asn, int64_t max_sample)
{
  return asn < (double)max_sample ? asn : (double)max_sample;
}

int64_t tly_bravo_max_trials(const tly_bravo_opts *o)
{
  double asn;
  if (o->max_sample < 1 ||
      tly_bravo_asn(o->risk, o->p_winner, o->p_loser, &asn, NULL) != TLY_OK)
    return 0;
  double fit = floor((double)DRAW_BUDGET / per_trial(asn, o->max_sample));
  return fit > (double)MAX_TRIALS ? MAX_TRIALS : (int64_t)fit;
}

tly_status tly_bravo_simulate(const tly_bravo_opts *o, tly_bravo_result *out,
                              tly_error *err)
{
  tly_bravo_result r;
  memset(&r, 0, sizeof r);
  tly_status s = tly_bravo_asn(o->risk, o->p_winner, o->p_loser, &r.asn,
                               err);
  if (s != TLY_OK)
    return s;
  if (o->trials < 1 || o->trials > MAX_TRIALS)
    return tly__fail(err, TLY_EINVAL, "trials %lld must be 1 to %lld",
                     (long long)o->trials, (long long)MAX_TRIALS);
  if (o->max_sample < 1 || o->ballots < 0)
    return tly__fail(err, TLY_EINVAL, "max sample %lld must be at least 1",
                     (long long)o->max_sample);
  r.s_winner = o->p_winner / (o->p_winner + o->p_loser);
  for (size_t i = 0; i < TLY_BRAVO_NQ; i++)
    r.quantiles[i] = -1;
  /* [U] A polling audit whose expected sample reaches the cap (the ballots
   * cast, by default) cannot be expected to stop before a full count. */
  r.practical = r.asn < (double)o->max_sample &&
                (o->ballots == 0 || r.asn < (double)o->ballots);
  if (!r.practical) {
    *out = r;
    return TLY_OK;
  }
  int64_t fit = tly_bravo_max_trials(o);
  if (o->trials > fit) {
    char b1[32], b2[32], b3[32], b4[32];
    tly_format_count(o->trials, b1, sizeof b1);
    tly_format_count((int64_t)ceil(per_trial(r.asn, o->max_sample)), b2,
                     sizeof b2);
    tly_format_count(DRAW_BUDGET, b3, sizeof b3);
    tly_format_count(fit, b4, sizeof b4);
    if (fit < 1)
      return tly__fail(err, TLY_ERANGE,
                       "one simulated audit would draw about %s ballots, "
                       "over the limit of %s in all",
                       b2, b3);
    return tly__fail(err, TLY_ERANGE,
                     "%s simulated audits of about %s ballots each would "
                     "draw more than the limit of %s ballots in all: ask "
                     "for at most %s trials",
                     b1, b2, b3, b4);
  }
  const tly_allocator *a = tly__alloc_or_default(o->alloc);
  size_t bytes = (size_t)o->trials * sizeof(int64_t);
  int64_t *stop = tly__malloc(a, bytes);
  if (stop == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  double pw = o->p_winner, pl = o->p_loser;
  double tot = pw + pl > 1 ? 1 : pw + pl;
  uint64_t tw = (uint64_t)ldexp(pw, 53);
  uint64_t tl = (uint64_t)ldexp(tot, 53);
  double lw = log(2 * r.s_winner), ll = log(2 - 2 * r.s_winner);
  double target = log(1 / o->risk);
  int64_t drawn = 0;
  double sum = 0;
  int64_t done = 0;
  for (int64_t t = 0; t < o->trials; t++) {
    if (drawn >= DRAW_HARD_CAP) {
      tly__free(a, stop, bytes);
      char b1[32], b2[32];
      return tly__fail(err, TLY_ERANGE,
                       "the simulated audits drew %s ballots before %s of "
                       "them finished: ask for fewer trials",
                       tly_format_count(drawn, b1, sizeof b1),
                       tly_format_count(o->trials, b2, sizeof b2));
    }
    stream rng;
    stream_seed(&rng, o->seed, (uint64_t)t);
    int64_t n = one_audit(&rng, tw, tl, lw, ll, target, o->max_sample);
    if (n < 0) {
      r.escalated++;
      drawn += o->max_sample;
      sum += (double)o->max_sample;
      stop[done++] = INT64_MAX; /* sorts last */
    } else {
      drawn += n;
      sum += (double)n;
      stop[done++] = n;
    }
  }
  r.trials = done;
  r.mean = sum / (double)done;
  qsort(stop, (size_t)done, sizeof *stop, cmp_i64);
  /* The q-quantile: the least n by which at least q of the trials stopped,
   * element ceil(q T) - 1 of the sorted stops; -1 when that trial had
   * escalated. */
  for (size_t i = 0; i < TLY_BRAVO_NQ; i++) {
    int64_t idx = (int64_t)ceil(levels[i] * (double)done) - 1;
    if (idx < 0)
      idx = 0;
    int64_t v = stop[idx];
    r.quantiles[i] = v == INT64_MAX ? -1 : v;
  }
  tly__free(a, stop, bytes);
  *out = r;
  return TLY_OK;
}

/*---- A state's contest, the defaults and the k_min ladder ----------------
 * What the CLI's `audit` and the bindings share: which two candidates are
 * audited, the options a caller leaves 0, and where k_min is shown. */

/* Whether candidate c of e is the aggregate of the minor candidates. */
static bool is_others(const tly_election *e, size_t c)
{
  const tly_candidate *k = tly_election_candidate(e, c);
  return strcmp(k->name, "Others") == 0 && k->party[0] == '\0';
}

tly_status tly_bravo_contest_find(const tly_election *e, const char *state,
                                  tly_bravo_opts *o, tly_bravo_contest *c,
                                  tly_error *err)
{
  int32_t unit = tly_election_find_unit(e, state);
  if (unit < 0 || tly_election_unit(e, (size_t)unit)->parent >= 0 ||
      !tly_election_unit(e, (size_t)unit)->has_votes)
    return tly__fail(err, TLY_ENOTFOUND, "unknown state '%s'", state);
  size_t u = (size_t)unit;
  /* The top two by votes; on equal votes the earlier candidate ranks
   * first. */
  int32_t w = -1, l = -1;
  size_t n_cands = tly_election_n_candidates(e);
  for (size_t i = 0; i < n_cands; i++) {
    if (is_others(e, i))
      continue;
    int64_t v = tly_election_votes(e, u, i);
    if (w < 0 || v > tly_election_votes(e, u, (size_t)w)) {
      l = w;
      w = (int32_t)i;
    } else if (l < 0 || v > tly_election_votes(e, u, (size_t)l)) {
      l = (int32_t)i;
    }
  }
  int64_t total = tly_election_unit_total(e, u);
  int64_t vw = w >= 0 ? tly_election_votes(e, u, (size_t)w) : 0;
  int64_t vl = l >= 0 ? tly_election_votes(e, u, (size_t)l) : 0;
  if (l < 0 || vl == 0 || vw == vl || total <= 0) {
    char b[32];
    return tly__fail(err, TLY_EINVAL,
                     "%s: the top two are %s: no ballot-polling audit can "
                     "confirm a winner; a full hand count is needed",
                     state,
                     vw == vl ? "tied" : tly_format_count(vw - vl, b,
                                                          sizeof b));
  }
  /* [U] The ballots cast are the votes for the office: ballots without a
   * presidential vote are not in the data. Shares are probabilities. */
  o->p_winner = (double)vw / (double)total;
  o->p_loser = (double)vl / (double)total;
  o->ballots = total;
  if (c != NULL) {
    c->unit = unit;
    c->winner = w;
    c->loser = l;
    c->winner_votes = vw;
    c->loser_votes = vl;
    c->total_votes = total;
  }
  return TLY_OK;
}

bool tly_bravo_defaults(tly_bravo_opts *o)
{
  if (o->max_sample == 0)
    o->max_sample = o->ballots > 0 ? o->ballots : TLY_BRAVO_MAX_SAMPLE;
  if (o->trials != 0)
    return false;
  o->trials = TLY_BRAVO_TRIALS;
  int64_t fit = tly_bravo_max_trials(o);
  if (fit >= 1 && o->trials > fit) {
    o->trials = fit;
    return true;
  }
  return false;
}

/* 10, 20, 50, 100, ...: p steps by tens while it fits an int64_t (the
 * ladder ends long before: upto is at most max_sample). */
size_t tly_bravo_ladder(const tly_bravo_opts *o, const tly_bravo_result *r,
                        int64_t *n_at, size_t cap)
{
  static const int step[3] = {1, 2, 5};
  double upto = 4 * r->asn * (o->p_winner + o->p_loser);
  if (upto > (double)o->max_sample)
    upto = (double)o->max_sample;
  size_t k = 0;
  for (int64_t p = 10; k < cap && p <= INT64_MAX / 50; p *= 10) {
    for (int i = 0; i < 3 && k < cap; i++) {
      n_at[k++] = p * step[i];
      if ((double)(p * step[i]) >= upto)
        return k;
    }
  }
  return k;
}

tly_status tly_json_bravo(const tly_bravo_opts *o, const tly_bravo_result *r,
                          const int64_t *n_at, size_t n_k,
                          const tly_election *e, int32_t unit, tly_writer w,
                          void *ud, tly_error *err)
{
  json_t *kmin = json_array();
  for (size_t i = 0; kmin != NULL && i < n_k; i++) {
    int64_t k;
    tly_status s = tly_bravo_kmin(o->risk, r->s_winner, n_at[i], &k, err);
    if (s != TLY_OK) {
      json_decref(kmin);
      return s;
    }
    json_t *row = json_pack("{s:I, s:I}", "n", (json_int_t)n_at[i], "k",
                            (json_int_t)k);
    if (row == NULL || json_array_append_new(kmin, row) != 0) {
      json_decref(kmin);
      kmin = NULL;
    }
  }
  json_t *q = json_object();
  for (size_t i = 0; q != NULL && i < TLY_BRAVO_NQ; i++) {
    char key[8];
    snprintf(key, sizeof key, "p%02d", (int)lround(levels[i] * 100));
    json_t *v = r->practical && r->quantiles[i] >= 0
                    ? json_integer((json_int_t)r->quantiles[i])
                    : json_null();
    if (v == NULL || json_object_set_new(q, key, v) != 0) {
      json_decref(q);
      q = NULL;
    }
  }
  if (kmin == NULL || q == NULL) {
    json_decref(kmin);
    json_decref(q);
    return tly__json_write(NULL, w, ud, err);
  }
  json_t *root = json_pack(
      "{s:f, s:f, s:f, s:f, s:f, s:b, s:I, s:I, s:I, s:I, s:o, s:o}",
      "risk", o->risk, "p_winner", o->p_winner, "p_loser", o->p_loser,
      "s_winner", r->s_winner, "asn", r->asn, "practical", (int)r->practical,
      "seed", (json_int_t)(o->seed & 0x7fffffffffffffffu), "trials",
      (json_int_t)r->trials, "escalated", (json_int_t)r->escalated,
      "max_sample", (json_int_t)o->max_sample, "k_min", kmin, "quantiles",
      q);
  if (root != NULL && r->practical &&
      json_object_set_new(root, "mean", json_real(r->mean)) != 0) {
    json_decref(root);
    root = NULL;
  }
  if (root != NULL && e != NULL && unit >= 0) {
    const tly_unit *u = tly_election_unit(e, (size_t)unit);
    json_t *ctx = json_pack("{s:s, s:i, s:s, s:I}", "state", u->code,
                            "year", tly_election_year(e), "source",
                            tly_election_source_name(e), "ballots",
                            (json_int_t)o->ballots);
    if (ctx == NULL || json_object_update(root, ctx) != 0) {
      json_decref(root);
      root = NULL;
    }
    json_decref(ctx);
  }
  return tly__json_write(root, w, ud, err);
}
