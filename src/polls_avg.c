/*
 * polls_avg.c -- per-unit polling averages by a stated method (one value
 * per poll, a window, each pollster's latest poll, equal weights), uniform
 * swing from the last election (built-in MEDSL results) where a unit has
 * no polls, the forecast input, and the backtest against the certified
 * results (FEC, Federal Elections 2016 and 2020) beside 538's own final
 * averages (FiveThirtyEight, CC BY 4.0).
 */
#include "csv.h"
#include "json.h"
#include "polls.h"
#include "process.h"
#include "scan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_UNITS 64

struct tly_polls_average {
  tly_allocator al;
  int32_t cycle, last_cycle;
  tly_polls_avg_opts o;
  tly_polls_calib calib;
  size_t n;
  tly_polls_unit u[MAX_UNITS];
  double swing;
  int32_t n_national;
  int32_t n_ignored; /* polls of units not in the list */
  int32_t n_no_size; /* polls averaged without a sample size */
  double w[MAX_UNITS];  /* pollster weight of each unit's average */
  double sv[MAX_UNITS]; /* its sampling variance (share^2) */
  double oth[MAX_UNITS]; /* its polls' mean share for neither candidate */
  char method[3072];
};

static int64_t days(tly_date d)
{
  return tly__days_from_civil(d.year, d.month, d.day);
}

static char *fmt_date(tly_date d, char *buf)
{
  return tly_date_format(d, buf, 11);
}

void tly_polls_avg_opts_init(tly_polls_avg_opts *o)
{
  memset(o, 0, sizeof *o);
  o->window_days = 21;
  snprintf(o->populations, sizeof o->populations, "lv,rv,v,a");
  o->dedupe = TLY_POLLS_DEDUPE_LATEST;
}

/* "lv,rv,v,a" into rank[4] (lv, rv, v, a): preference order, -1 if not
 * listed. */
static tly_status parse_pops(const char *s, int rank[4], tly_error *err)
{
  static const char *const names[4] = {"lv", "rv", "v", "a"};
  for (int i = 0; i < 4; i++)
    rank[i] = -1;
  int r = 0;
  const char *p = s;
  while (*p != '\0') {
    size_t n = strcspn(p, ",");
    int k = -1;
    for (int i = 0; i < 4; i++)
      if (strlen(names[i]) == n && memcmp(p, names[i], n) == 0)
        k = i;
    if (k < 0 || rank[k] >= 0)
      return tly__fail(err, TLY_EINVAL,
                       "populations \"%s\": each of lv, rv, v, a at most "
                       "once, comma-separated",
                       s);
    rank[k] = r++;
    p += n;
    if (*p == ',' && *++p == '\0')
      return tly__fail(err, TLY_EINVAL, "populations \"%s\" ends in a comma",
                       s);
  }
  if (r == 0)
    return tly__fail(err, TLY_EINVAL, "no population given");
  return TLY_OK;
}

static int pop_index(const char *pop)
{
  return strcmp(pop, "lv") == 0   ? 0
         : strcmp(pop, "rv") == 0 ? 1
         : strcmp(pop, "v") == 0  ? 2
                                  : 3;
}

/* Sorting context for qsort_r-free sorting: entries carry their keys. */
typedef struct {
  const tly_poll *q;
  int rank;
} entry;

static int cmp_poll(const void *a, const void *b)
{
  const entry *x = a, *y = b;
  int c = strcmp(x->q->unit, y->q->unit);
  if (c != 0)
    return c;
  if (x->q->poll_id != y->q->poll_id)
    return x->q->poll_id < y->q->poll_id ? -1 : 1;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->q->question != y->q->question)
    return x->q->question < y->q->question ? -1 : 1;
  return 0;
}

/* Unit, pollster, then the latest end date first (ties: the highest poll
 * id, the later release). */
static int cmp_latest(const void *a, const void *b)
{
  const entry *x = a, *y = b;
  int c = strcmp(x->q->unit, y->q->unit);
  if (c != 0)
    return c;
  if (x->q->pollster != y->q->pollster)
    return x->q->pollster < y->q->pollster ? -1 : 1;
  int64_t dx = days(x->q->end), dy = days(y->q->end);
  if (dx != dy)
    return dx > dy ? -1 : 1;
  if (x->q->poll_id != y->q->poll_id)
    return x->q->poll_id > y->q->poll_id ? -1 : 1;
  return 0;
}

static double share_of(const tly_poll *q)
{
  return q->dem / (q->dem + q->rep);
}

/* Whether every district of state st (an index into cur) has returns in
 * prev; *nd gets their number. */
static bool districts_ok(const tly_election *prev, const tly_election *cur,
                         size_t st, int32_t *nd)
{
  bool ok = true;
  *nd = 0;
  for (size_t j = 0; j < tly_election_n_units(cur); j++) {
    const tly_unit *d = tly_election_unit(cur, j);
    if (d->parent != (int32_t)st)
      continue;
    (*nd)++;
    int32_t k = tly_election_find_unit(prev, d->code);
    if (k < 0 || !tly_election_unit(prev, (size_t)k)->has_votes)
      ok = false;
  }
  return ok;
}

/* The units: the cycle's College (built-in results of the cycle, else the
 * last election's); a state's districts only when the last election has
 * returns for all of them (else the state is one unit). */
static tly_status make_units(tly_polls_average *v, const tly_election *prev,
                             const tly_election *cur, tly_error *err)
{
  for (size_t i = 0; i < tly_election_n_units(cur); i++) {
    const tly_unit *u = tly_election_unit(cur, i);
    int32_t nd = 0;
    bool ok = districts_ok(prev, cur, u->parent >= 0 ? (size_t)u->parent : i,
                           &nd);
    if (u->parent >= 0 && !ok)
      continue;
    if (v->n == MAX_UNITS)
      return tly__fail(err, TLY_ERANGE, "more than %d units", MAX_UNITS);
    tly_polls_unit *pu = &v->u[v->n++];
    memset(pu, 0, sizeof *pu);
    snprintf(pu->code, sizeof pu->code, "%s", u->code);
    pu->electors = u->electors - (u->parent < 0 && ok ? nd : 0);
    int32_t k = tly_election_find_unit(prev, u->code);
    pu->last_share = k < 0 ? NAN : tly__polls_two_party(prev, (size_t)k);
  }
  return TLY_OK;
}

static int32_t find(const tly_polls_average *v, const char *code)
{
  for (size_t i = 0; i < v->n; i++)
    if (strcmp(v->u[i].code, code) == 0)
      return (int32_t)i;
  return -1;
}

static void describe(tly_polls_average *v, const tly_polls *p)
{
  char a[11], b[11];
  tly_date lo = tly__civil_from_days(days(v->o.as_of) - v->o.window_days + 1);
  const tly_polls_calib *c = &v->calib;
  char swing[256], ign[96] = "";
  if (v->n_ignored > 0)
    snprintf(ign, sizeof ign,
             "; %d polls of districts without last-election returns left "
             "out",
             (int)v->n_ignored);
  if (v->n_national > 0)
    snprintf(swing, sizeof swing,
             "the average of %d national polls minus %d's national "
             "two-party share",
             (int)v->n_national, (int)v->last_cycle);
  else
    snprintf(swing, sizeof swing,
             "no national polls: the polled states' mean swing from %d, "
             "weighted by their %d two-party vote",
             (int)v->last_cycle, (int)v->last_cycle);
  snprintf(
      v->method, sizeof v->method,
      "Source: FiveThirtyEight poll data (CC BY 4.0), %s.\n"
      "Polls: those ending in the %d days %s to %s; one value per poll: its "
      "question of the most preferred population (%s), of several the "
      "lowest question id; the other candidates dropped: the Democrat's "
      "two-party share dem / (dem + rep).\n"
      "Dedupe: %s.\n"
      "Average: equal weights%s.\n"
      "No polls: %d's two-party share (MEDSL) moved by the national swing "
      "%+.2f points (%s).\n"
      "Error: own sd %.2f points (presidential state averages' error "
      "about their cycle's bias, raw-polls %d-%d, %d state averages); "
      "national: one cycle-wide bias shared by all units, Student-t with "
      "df %d and scale %.2f points (root mean square about 0 of the mean "
      "error of all statewide races, president by state, Senate and "
      "governor, in each of the %d even years %d-%d, %d races), sd %.2f "
      "points; uniform-swing units sd %.2f points (state swing about the "
      "national swing, MEDSL %d-%d). Probabilities and intervals: normal "
      "with sd = sqrt(own^2 + national sd^2) (for 2016 and 2020 within "
      "0.07 points of the t-plus-normal sum's quantiles up to 99.5 %%; "
      "tally forecast --national-sd, normal errors).\n"
      "Own sd by polls (in the JSON and the backtest, not used): "
      "sqrt(%.2f^2 + %.2f^2 w + s), w the sum over a unit's pollsters of "
      "their share of its polls squared, s its average's sampling variance "
      "(p (1 - p) / n2 per poll, n2 = sample size x (dem + rep) / 100, / "
      "polls^2; %d polls without a sample size counted at raw-polls' mean "
      "%.2f points^2), fitted on the same raw-polls averages.\n"
      "Other share (in the JSON and the backtest, not used: raw-polls' "
      "earlier cycles do not support it): a poll's share for neither "
      "nominee, 100 - dem - rep (undecided and third parties).",
      tly_polls_layout_name(tly_polls_layout_of(p)), (int)v->o.window_days,
      fmt_date(lo, a), fmt_date(v->o.as_of, b), v->o.populations,
      v->o.dedupe == TLY_POLLS_DEDUPE_LATEST
          ? "each pollster's latest poll in a unit (latest end date, then "
            "the highest poll id)"
          : "none: every poll counts",
      ign, (int)v->last_cycle, 100.0 * v->swing, swing,
      100.0 * c->state_sd,
      (int)c->first_cycle, (int)c->last_cycle, (int)c->n_state_cycles,
      (int)c->df, 100.0 * c->national_scale, (int)c->n_shared_cycles,
      (int)c->shared_first, (int)c->shared_last, (int)c->n_races,
      100.0 * c->national_sd, 100.0 * c->swing_sd, (int)c->swing_first,
      (int)c->swing_last, 100.0 * c->common_sd, 100.0 * c->pollster_sd,
      (int)v->n_no_size, 1e4 * c->poll_sampling_var);
}

tly_status tly_polls_average_run(const tly_polls *p,
                                 const tly_polls_avg_opts *opts,
                                 tly_polls_average **out, tly_error *err)
{
  *out = NULL;
  tly_polls_avg_opts o;
  if (opts == NULL)
    tly_polls_avg_opts_init(&o);
  else
    o = *opts;
  o.populations[sizeof o.populations - 1] = '\0';
  if (o.window_days < 1 || o.window_days > 3660)
    return tly__fail(err, TLY_EINVAL, "window of %d days: 1 to 3660",
                     (int)o.window_days);
  if (o.dedupe != TLY_POLLS_DEDUPE_LATEST && o.dedupe != TLY_POLLS_DEDUPE_NONE)
    return tly__fail(err, TLY_EINVAL, "unknown dedupe");
  int rank[4];
  tly_status s = parse_pops(o.populations, rank, err);
  if (s != TLY_OK)
    return s;
  if (o.as_of.year == 0)
    o.as_of = tly_polls_last_date(p);
  int32_t cycle = tly_polls_cycle(p);
  const tly_allocator *al = tly__alloc_or_default(NULL);
  tly_polls_average *v = tly__calloc(al, 1, sizeof *v);
  entry *e = NULL;
  size_t ne = 0, cap_e = tly_polls_n(p);
  tly_election *prev = NULL, *cur = NULL;
  if (v == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  v->al = *al;
  v->o = o;
  v->cycle = cycle;
  v->last_cycle = cycle - 4;
  s = tly_polls_calibrate(cycle, &v->calib, err);
  if (s != TLY_OK)
    goto fail;
  if (tly_election_builtin(cycle - 4, TLY_SOURCE_MEDSL, NULL, &prev, err) !=
      TLY_OK) {
    s = tly__fail(err, TLY_ENODATA,
                  "no built-in results for %d, the election before %d",
                  (int)(cycle - 4), (int)cycle);
    goto fail;
  }
  if (tly_election_builtin(cycle, TLY_SOURCE_MEDSL, NULL, &cur, NULL) !=
      TLY_OK)
    cur = NULL;
  s = make_units(v, prev, cur != NULL ? cur : prev, err);
  if (s != TLY_OK)
    goto fail;
  /* The questions in the window of a listed population. */
  e = tly__calloc(al, cap_e == 0 ? 1 : cap_e, sizeof *e);
  if (e == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto fail;
  }
  int64_t hi = days(o.as_of), lo = hi - o.window_days + 1;
  for (size_t i = 0; i < tly_polls_n(p); i++) {
    const tly_poll *q = tly_polls_get(p, i);
    int64_t d = days(q->end);
    int r = rank[pop_index(q->population)];
    if (d < lo || d > hi || r < 0)
      continue;
    e[ne].q = q;
    e[ne].rank = r;
    ne++;
  }
  /* One value per poll: the first of each (unit, poll) in rank order. */
  qsort(e, ne, sizeof *e, cmp_poll);
  size_t np = 0;
  for (size_t i = 0; i < ne; i++)
    if (np == 0 || strcmp(e[np - 1].q->unit, e[i].q->unit) != 0 ||
        e[np - 1].q->poll_id != e[i].q->poll_id)
      e[np++] = e[i];
  if (o.dedupe == TLY_POLLS_DEDUPE_LATEST) {
    qsort(e, np, sizeof *e, cmp_latest);
    size_t k = 0;
    for (size_t i = 0; i < np; i++)
      if (k == 0 || strcmp(e[k - 1].q->unit, e[i].q->unit) != 0 ||
          e[k - 1].q->pollster != e[i].q->pollster)
        e[k++] = e[i];
    np = k;
  }
  /* Averages; e is sorted by unit in both orders. */
  double nat_sum = 0;
  for (size_t i = 0; i < np;) {
    size_t j = i;
    double sum = 0;
    while (j < np && strcmp(e[j].q->unit, e[i].q->unit) == 0) {
      sum += share_of(e[j].q);
      j++;
    }
    if (strcmp(e[i].q->unit, "US") == 0) {
      nat_sum = sum;
      v->n_national = (int32_t)(j - i);
    } else {
      int32_t k = find(v, e[i].q->unit);
      if (k < 0) {
        v->n_ignored += (int32_t)(j - i);
      } else {
        tly_polls_unit *u = &v->u[k];
        u->share = sum / (double)(j - i);
        u->n_polls = (int32_t)(j - i);
        u->first = e[i].q->start;
        u->last = e[i].q->end;
        /* The own sd's terms: w = sum over pollsters of (their polls /
         * m)^2 = sum over polls of (their pollster's polls) / m^2; sv =
         * sum over polls of p (1 - p) / n2 / m^2, n2 the respondents
         * choosing one of the two (raw-polls' mean for a poll without a
         * sample size). */
        double m2n = (double)(j - i) * (double)(j - i), w = 0, sv = 0;
        double ot = 0;
        for (size_t m = i; m < j; m++) {
          const tly_poll *q = e[m].q;
          ot += fmax(100.0 - q->dem - q->rep, 0.0) / 100.0;
          double pq = share_of(q), n2 = (double)q->sample_size *
                                         (q->dem + q->rep) / 100.0;
          if (q->sample_size > 0 && n2 > 0) {
            sv += pq * (1.0 - pq) / n2;
          } else {
            sv += v->calib.poll_sampling_var;
            v->n_no_size++;
          }
          bool seen = false;
          for (size_t m2 = i; m2 < j; m2++)
            if (e[m2].q->pollster == q->pollster) {
              w += 1.0;
              seen = seen || m2 < m;
            }
          u->n_pollsters += !seen;
          if (days(e[m].q->start) < days(u->first))
            u->first = e[m].q->start;
          if (days(e[m].q->end) > days(u->last))
            u->last = e[m].q->end;
        }
        v->w[k] = w / m2n;
        v->sv[k] = sv / m2n;
        v->oth[k] = ot / (double)(j - i);
      }
    }
    i = j;
  }
  /* The national swing. */
  int64_t dsum = 0, rsum = 0;
  double wsum = 0, wsw = 0;
  for (size_t u = 0; u < tly_election_n_units(prev); u++) {
    if (tly_election_unit(prev, u)->parent >= 0)
      continue;
    int64_t d, r;
    tly__polls_dr_votes(prev, u, &d, &r);
    dsum += d; /* under 2^40 each: no overflow in 51 terms */
    rsum += r;
    int32_t k = find(v, tly_election_unit(prev, u)->code);
    if (k >= 0 && v->u[k].n_polls > 0 && d + r > 0) {
      wsum += (double)(d + r);
      wsw += (double)(d + r) * (v->u[k].share - v->u[k].last_share);
    }
  }
  if (v->n_national > 0 && dsum + rsum > 0) {
    v->swing = nat_sum / v->n_national -
               (double)dsum / (double)(dsum + rsum);
  } else if (wsum > 0) {
    v->swing = wsw / wsum;
  } else {
    char a[11];
    s = tly__fail(err, TLY_ENODATA,
                  "no poll of a state or the nation in the %d days to %s",
                  (int)o.window_days, fmt_date(o.as_of, a));
    goto fail;
  }
  for (size_t i = 0; i < v->n; i++) {
    tly_polls_unit *u = &v->u[i];
    if (u->n_polls > 0) {
      u->sd = v->calib.state_sd;
      continue;
    }
    if (isnan(u->last_share)) {
      s = tly__fail(err, TLY_ENODATA,
                    "%s has no polls and no %d result to swing from",
                    u->code, (int)v->last_cycle);
      goto fail;
    }
    u->swing = true;
    u->share = fmin(1.0, fmax(0.0, u->last_share + v->swing));
    u->sd = v->calib.swing_sd;
  }
  describe(v, p);
  tly__free(al, e, (cap_e == 0 ? 1 : cap_e) * sizeof *e);
  tly_election_free(prev);
  tly_election_free(cur);
  *out = v;
  return TLY_OK;
fail:
  if (e != NULL)
    tly__free(al, e, (cap_e == 0 ? 1 : cap_e) * sizeof *e);
  tly_election_free(prev);
  tly_election_free(cur);
  tly__free(al, v, sizeof *v);
  return s;
}

void tly_polls_average_free(tly_polls_average *v)
{
  if (v == NULL)
    return;
  tly_allocator al = v->al;
  tly__free(&al, v, sizeof *v);
}

size_t tly_polls_average_n_units(const tly_polls_average *v)
{
  return v->n;
}

const tly_polls_unit *tly_polls_average_unit(const tly_polls_average *v,
                                             size_t i)
{
  return i < v->n ? &v->u[i] : NULL;
}

double tly_polls_average_swing(const tly_polls_average *v,
                               int32_t *n_national)
{
  if (n_national != NULL)
    *n_national = v->n_national;
  return v->swing;
}

const tly_polls_calib *tly_polls_average_calib(const tly_polls_average *v)
{
  return &v->calib;
}

const tly_polls_avg_opts *tly_polls_average_opts(const tly_polls_average *v)
{
  return &v->o;
}

int32_t tly_polls_average_cycle(const tly_polls_average *v)
{
  return v->cycle;
}

const char *tly_polls_average_method(const tly_polls_average *v)
{
  return v->method;
}

/*---- Writers ------------------------------------------------------------*/

static tly_status put(tly_writer w, void *ud, const char *s, tly_error *err)
{
  if (w(ud, s, strlen(s)) != 0)
    return tly__fail(err, TLY_EIO, "write error");
  return TLY_OK;
}

tly_status tly_polls_write_model(const tly_polls_average *v, tly_writer w,
                                 void *ud, tly_error *err)
{
  tly_status s = put(w, ud, "code,mean,sd,electors\n", err);
  for (size_t i = 0; i < v->n && s == TLY_OK; i++) {
    char line[128];
    snprintf(line, sizeof line, "%s,%.4f,%.4f,%d\n", v->u[i].code,
             v->u[i].share, v->u[i].sd, (int)v->u[i].electors);
    s = put(w, ud, line, err);
  }
  return s;
}

tly_status tly_polls_write_csv(const tly_polls_average *v, tly_writer w,
                               void *ud, tly_error *err)
{
  tly_status s =
      put(w, ud, "code,share,sd,polls,pollsters,first,last,method\n", err);
  for (size_t i = 0; i < v->n && s == TLY_OK; i++) {
    const tly_polls_unit *u = &v->u[i];
    char line[256], a[11] = "", b[11] = "";
    if (!u->swing) {
      fmt_date(u->first, a);
      fmt_date(u->last, b);
    }
    snprintf(line, sizeof line, "%s,%.4f,%.4f,%d,%d,%s,%s,%s\n", u->code,
             u->share, u->sd, (int)u->n_polls, (int)u->n_pollsters, a, b,
             u->swing ? "uniform swing" : "polls");
    s = put(w, ud, line, err);
  }
  return s;
}

static void jput(json_t *o, const char *k, json_t *v, bool *ok)
{
  if (v == NULL || json_object_set_new(o, k, v) != 0)
    *ok = false;
}

static json_t *real_or_null(double v)
{
  return isnan(v) ? json_null() : json_real(v);
}

static json_t *calib_obj(const tly_polls_calib *c, bool *ok)
{
  json_t *o = json_object();
  if (o == NULL) {
    *ok = false;
    return NULL;
  }
  json_t *b = json_object();
  for (int i = 0; i < c->n_cycles && b != NULL; i++) {
    char k[8];
    snprintf(k, sizeof k, "%d", (int)(c->first_cycle + 4 * i));
    jput(b, k, json_real(c->bias[i]), ok);
  }
  json_t *sb = json_object();
  for (int i = 0; i < c->n_shared_cycles && sb != NULL; i++) {
    char k[8];
    snprintf(k, sizeof k, "%d", (int)(c->shared_first + 2 * i));
    jput(sb, k, json_real(c->shared_bias[i]), ok);
  }
  jput(o, "cycle_bias", b, ok);
  jput(o, "cycles", json_pack("[i,i]", (int)c->first_cycle,
                              (int)c->last_cycle), ok);
  jput(o, "n_state_averages", json_integer(c->n_state_cycles), ok);
  jput(o, "shared_cycle_bias", sb, ok);
  jput(o, "shared_cycles", json_pack("[i,i]", (int)c->shared_first,
                                     (int)c->shared_last), ok);
  jput(o, "n_races", json_integer(c->n_races), ok);
  jput(o, "df", json_real(c->df), ok);
  jput(o, "national_scale", json_real(c->national_scale), ok);
  jput(o, "shared_checked", json_integer(c->shared_checked), ok);
  jput(o, "shared_held_80", json_integer(c->shared_held80), ok);
  jput(o, "shared_held_95", json_integer(c->shared_held95), ok);
  jput(o, "national_sd", json_real(c->national_sd), ok);
  jput(o, "shared_half_80", json_real(c->shared_half80), ok);
  jput(o, "shared_half_95", json_real(c->shared_half95), ok);
  jput(o, "state_sd", json_real(c->state_sd), ok);
  jput(o, "own_sd_by_polls",
       json_pack("{s:f,s:f,s:f,s:f,s:i}", "common_sd", c->common_sd,
                 "pollster_sd", c->pollster_sd, "poll_sampling_var",
                 c->poll_sampling_var, "raw_sampling_sd", c->raw_sampling_sd,
                 "n_state_averages", (int)c->n_own_fit),
       ok);
  jput(o, "own_check",
       json_pack("{s:[i,i],s:i,s:{s:i,s:i,s:f,s:i,s:i},"
                 "s:{s:i,s:i,s:f,s:i,s:i}}",
                 "cycles", (int)c->own_check_first, (int)c->own_check_last,
                 "state_averages", (int)c->own_checked, "pooled", "held_80",
                 (int)c->pooled_held80, "held_95", (int)c->pooled_held95,
                 "neg_log_density", c->pooled_nll, "total_held_80",
                 (int)c->pooled_total80, "total_held_95",
                 (int)c->pooled_total95, "by_polls", "held_80",
                 (int)c->by_polls_held80, "held_95", (int)c->by_polls_held95,
                 "neg_log_density", c->by_polls_nll, "total_held_80",
                 (int)c->by_polls_total80, "total_held_95",
                 (int)c->by_polls_total95),
       ok);
  jput(o, "swing_sd", json_real(c->swing_sd), ok);
  jput(o, "swing_elections", json_pack("[i,i]", (int)c->swing_first,
                                       (int)c->swing_last), ok);
  jput(o, "source", json_string("FiveThirtyEight raw-polls (CC BY 4.0); "
                                "MEDSL results"), ok);
  return o;
}

static json_t *average_obj(const tly_polls_average *v, bool *ok)
{
  json_t *root = json_object();
  json_t *units = json_array();
  if (root == NULL || units == NULL) {
    json_decref(root);
    json_decref(units);
    *ok = false;
    return NULL;
  }
  for (size_t i = 0; i < v->n; i++) {
    const tly_polls_unit *u = &v->u[i];
    char a[11], b[11];
    json_t *x = json_object();
    if (x == NULL || json_array_append_new(units, x) != 0) {
      *ok = false;
      break;
    }
    jput(x, "code", json_string(u->code), ok);
    jput(x, "share", json_real(u->share), ok);
    jput(x, "sd", json_real(u->sd), ok);
    jput(x, "sd_by_polls",
         u->swing ? json_real(u->sd)
                  : json_real(tly__polls_own_sd(&v->calib, v->w[i], v->sv[i])),
         ok);
    jput(x, "sampling_sd", u->swing ? json_null() : json_real(sqrt(v->sv[i])),
         ok);
    jput(x, "other_share", u->swing ? json_null() : json_real(v->oth[i]),
         ok);
    jput(x, "polls", json_integer(u->n_polls), ok);
    jput(x, "pollsters", json_integer(u->n_pollsters), ok);
    jput(x, "first",
         u->swing ? json_null() : json_string(fmt_date(u->first, a)), ok);
    jput(x, "last",
         u->swing ? json_null() : json_string(fmt_date(u->last, b)), ok);
    jput(x, "method", json_string(u->swing ? "uniform swing" : "polls"), ok);
    jput(x, "last_share", real_or_null(u->last_share), ok);
    jput(x, "electors", json_integer(u->electors), ok);
  }
  jput(root, "units", units, ok);
  char a[11];
  jput(root, "cycle", json_integer(v->cycle), ok);
  jput(root, "as_of", json_string(fmt_date(v->o.as_of, a)), ok);
  jput(root, "method", json_string(v->method), ok);
  jput(root, "window_days", json_integer(v->o.window_days), ok);
  jput(root, "populations", json_string(v->o.populations), ok);
  jput(root, "dedupe", json_string(v->o.dedupe == TLY_POLLS_DEDUPE_LATEST
                                       ? "latest-per-pollster"
                                       : "none"),
       ok);
  jput(root, "national_swing", json_real(v->swing), ok);
  jput(root, "national_polls", json_integer(v->n_national), ok);
  jput(root, "calibration", calib_obj(&v->calib, ok), ok);
  jput(root, "source", json_string("FiveThirtyEight poll data, CC BY 4.0"),
       ok);
  return root;
}

tly_status tly_json_polls(const tly_polls_average *v, tly_writer w, void *ud,
                          tly_error *err)
{
  bool ok = true;
  json_t *root = average_obj(v, &ok);
  if (!ok) {
    json_decref(root);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return tly__json_write(root, w, ud, err);
}

tly_status tly_polls_forecast_model(const tly_polls_average *v,
                                    const tly_allocator *a,
                                    tly_forecast_model **out, tly_error *err)
{
  tly_forecast_unit fu[MAX_UNITS];
  for (size_t i = 0; i < v->n; i++) {
    memset(&fu[i], 0, sizeof fu[i]);
    snprintf(fu[i].code, sizeof fu[i].code, "%s", v->u[i].code);
    fu[i].mean = v->u[i].share;
    fu[i].sd = v->u[i].sd;
    fu[i].electors = v->u[i].electors;
    fu[i].turnout = -1;
  }
  return tly_forecast_model_new(fu, v->n, a, out, err);
}

/*---- Backtest -----------------------------------------------------------*/

struct tly_polls_backtest {
  tly_allocator al;
  tly_polls_average *avg;
  size_t n;
  tly_polls_bt_unit u[MAX_UNITS];
  /* The same units scored with the own sd by polls (README, "Polls"):
   * total sd, own sd, P(Democrat wins). */
  double sd2[MAX_UNITS], own2[MAX_UNITS], p2[MAX_UNITS];
  /* And with the own sd by other share (tly_polls_other_check). */
  double sd3[MAX_UNITS], own3[MAX_UNITS], p3[MAX_UNITS];
  tly_polls_other_check other;
  tly_polls_bt_summary sum[4];
};

/* Standard normal cdf. */
static double phi(double x)
{
  return 0.5 * erfc(-x / sqrt(2.0));
}

/* P(share > 1/2) for a normal share. */
static double p_above_half(double mean, double sd)
{
  return phi((mean - 0.5) / sd);
}

/* 538's final averages of `cycle` (built in for 2020): fills fte. */
static tly_status read_fte(int cycle, tly_polls_backtest *b, tly_error *err)
{
  char name[32];
  snprintf(name, sizeof name, "polls_538_%d.csv", cycle);
  size_t len = 0;
  const char *data = tly__data_file(name, &len);
  if (data == NULL)
    return TLY_OK;
  tly__csv *c = NULL;
  tly_status s = tly__csv_open(NULL, name, data, len, 64, 8, &c, err);
  bool eof = false;
  const tly__csv_field *f = NULL;
  size_t n = 0;
  if (s == TLY_OK)
    s = tly__csv_next(c, &f, &n, &eof, err);
  while (s == TLY_OK) {
    s = tly__csv_next(c, &f, &n, &eof, err);
    if (s != TLY_OK || eof)
      break;
    double d = 0, r = 0;
    if (n != 3 || tly__scan_double(f[1].p, f[1].n, &d) != TLY_OK ||
        tly__scan_double(f[2].p, f[2].n, &r) != TLY_OK || d + r <= 0) {
      s = tly__csv_fail(c, NULL, err, TLY_EPARSE, "malformed row");
      break;
    }
    for (size_t i = 0; i < b->n; i++)
      if (strcmp(b->u[i].code, f[0].p) == 0)
        b->u[i].fte = d / (d + r);
  }
  tly__csv_free(c);
  return s;
}

static void score(tly_polls_backtest *b, int which)
{
  tly_polls_bt_summary *m = &b->sum[which];
  memset(m, 0, sizeof *m);
  /* Two-sided normal quantiles: 1.2816 (80 %), 1.9600 (95 %). */
  const double q80 = 1.2815515655446004, q95 = 1.9599639845400540;
  double se = 0, sb = 0, br = 0, ll = 0;
  int c80 = 0, c95 = 0;
  for (size_t i = 0; i < b->n; i++) {
    const tly_polls_bt_unit *u = &b->u[i];
    double est = which == 1 ? u->fte : u->ours;
    double p = which == 0   ? u->p_ours
               : which == 1 ? u->p_fte
               : which == 2 ? b->p2[i]
                            : b->p3[i];
    double sd = which == 2 ? b->sd2[i] : which == 3 ? b->sd3[i] : u->sd;
    if (isnan(est) || isnan(u->actual))
      continue;
    m->n++;
    double e = est - u->actual;
    sb += e;
    se += e * e;
    bool dem = u->actual > 0.5;
    if ((est > 0.5) != dem && m->n_wrong < 30) {
      size_t len = strlen(m->wrong);
      snprintf(m->wrong + len, sizeof m->wrong - len, "%s%s",
               len > 0 ? " " : "", u->code);
      m->n_wrong++;
    }
    double y = dem ? 1.0 : 0.0;
    br += (p - y) * (p - y);
    double pc = fmin(fmax(p, 1e-15), 1.0 - 1e-15);
    ll -= y * log(pc) + (1.0 - y) * log(1.0 - pc);
    c80 += fabs(e) <= q80 * sd;
    c95 += fabs(e) <= q95 * sd;
  }
  if (m->n == 0)
    return;
  /* Given this cycle's shared miss (the mean error, sb / n), the share
   * of units a calibrated state part would keep inside the intervals:
   * the mean of P(|miss + own sd * Z| <= half-width), Z normal. */
  double miss = sb / m->n, x80 = 0, x95 = 0;
  int s80 = 0, s95 = 0;
  for (size_t i = 0; i < b->n; i++) {
    const tly_polls_bt_unit *u = &b->u[i];
    double est = which == 1 ? u->fte : u->ours;
    double sd = which == 2 ? b->sd2[i] : which == 3 ? b->sd3[i] : u->sd;
    double own = which == 2 ? b->own2[i] : which == 3 ? b->own3[i]
                                                      : u->own_sd;
    if (isnan(est) || isnan(u->actual))
      continue;
    double r = fabs(est - u->actual - sb / m->n);
    s80 += r <= q80 * own;
    s95 += r <= q95 * own;
    double h80 = q80 * sd, h95 = q95 * sd;
    x80 += phi((h80 - miss) / own) - phi((-h80 - miss) / own);
    x95 += phi((h95 - miss) / own) - phi((-h95 - miss) / own);
  }
  m->expect80 = x80 / m->n;
  m->expect95 = x95 / m->n;
  m->state80 = (double)s80 / m->n;
  m->state95 = (double)s95 / m->n;
  m->bias = 100.0 * sb / m->n;
  m->rmse = 100.0 * sqrt(se / m->n);
  m->brier = br / m->n;
  m->log_loss = ll / m->n;
  m->cover80 = (double)c80 / m->n;
  m->cover95 = (double)c95 / m->n;
}

tly_status tly_polls_backtest_run(const tly_polls *p, int cycle,
                                  const tly_polls_avg_opts *opts,
                                  tly_polls_backtest **out, tly_error *err)
{
  *out = NULL;
  tly_polls *own = NULL;
  tly_status s = TLY_OK;
  if (p == NULL) {
    s = tly_polls_builtin(cycle, NULL, &own, err);
    if (s != TLY_OK)
      return s;
    p = own;
  } else if (tly_polls_cycle(p) != cycle) {
    return tly__fail(err, TLY_EINVAL, "the file's polls are of %d, not %d",
                     (int)tly_polls_cycle(p), cycle);
  }
  tly_polls_avg_opts o;
  if (opts == NULL)
    tly_polls_avg_opts_init(&o);
  else
    o = *opts;
  /* The day before the election, or the file's last poll when it ends
   * earlier (the 2016 table is 538's snapshot of November 1). */
  int64_t eve = tly__polls_election_day(cycle) - 1;
  int64_t last = days(tly_polls_last_date(p));
  o.as_of = tly__civil_from_days(last < eve ? last : eve);
  const tly_allocator *al = tly__alloc_or_default(NULL);
  tly_polls_backtest *b = tly__calloc(al, 1, sizeof *b);
  tly_election *act = NULL;
  if (b == NULL) {
    tly_polls_free(own);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  b->al = *al;
  s = tly_polls_average_run(p, &o, &b->avg, err);
  if (s == TLY_OK)
    s = tly_polls_other_check_run(cycle, &b->other, err);
  if (s == TLY_OK &&
      tly_election_builtin(cycle, TLY_SOURCE_FEC, NULL, &act, err) != TLY_OK)
    s = tly__fail(err, TLY_ENODATA, "no certified (FEC) results for %d",
                  cycle);
  if (s == TLY_OK) {
    double nat = b->avg->calib.national_sd;
    for (size_t i = 0; i < b->avg->n; i++) {
      const tly_polls_unit *pu = &b->avg->u[i];
      if (strchr(pu->code, '-') != NULL) /* states and DC are scored */
        continue;
      tly_polls_bt_unit *u = &b->u[b->n++];
      snprintf(u->code, sizeof u->code, "%s", pu->code);
      int32_t k = tly_election_find_unit(act, pu->code);
      u->actual = k < 0 ? NAN : tly__polls_two_party(act, (size_t)k);
      u->ours = pu->share;
      u->sd = sqrt(pu->sd * pu->sd + nat * nat);
      u->own_sd = pu->sd;
      u->p_ours = p_above_half(u->ours, u->sd);
      size_t j = b->n - 1;
      b->own2[j] = pu->swing ? pu->sd
                             : tly__polls_own_sd(&b->avg->calib,
                                                 b->avg->w[i], b->avg->sv[i]);
      b->sd2[j] = sqrt(b->own2[j] * b->own2[j] + nat * nat);
      b->p2[j] = p_above_half(u->ours, b->sd2[j]);
      double bo = b->other.base_sd, po = b->other.per_other * b->avg->oth[i];
      b->own3[j] = pu->swing ? pu->sd : sqrt(bo * bo + po * po);
      b->sd3[j] = sqrt(b->own3[j] * b->own3[j] + nat * nat);
      b->p3[j] = p_above_half(u->ours, b->sd3[j]);
      u->fte = NAN;
      u->p_fte = NAN;
    }
    s = read_fte(cycle, b, err);
  }
  if (s == TLY_OK) {
    for (size_t i = 0; i < b->n; i++)
      if (!isnan(b->u[i].fte))
        b->u[i].p_fte = p_above_half(b->u[i].fte, b->u[i].sd);
    score(b, 0);
    score(b, 1);
    score(b, 2);
    score(b, 3);
  }
  tly_election_free(act);
  tly_polls_free(own);
  if (s != TLY_OK) {
    tly_polls_backtest_free(b);
    return s;
  }
  *out = b;
  return TLY_OK;
}

void tly_polls_backtest_free(tly_polls_backtest *b)
{
  if (b == NULL)
    return;
  tly_allocator al = b->al;
  tly_polls_average_free(b->avg);
  tly__free(&al, b, sizeof *b);
}

size_t tly_polls_backtest_n(const tly_polls_backtest *b)
{
  return b->n;
}

const tly_polls_bt_unit *tly_polls_backtest_unit(const tly_polls_backtest *b,
                                                 size_t i)
{
  return i < b->n ? &b->u[i] : NULL;
}

const tly_polls_bt_summary *
tly_polls_backtest_summary(const tly_polls_backtest *b, int which)
{
  return &b->sum[which == 0 ? 0 : which == 2 ? 2 : which == 3 ? 3 : 1];
}

const tly_polls_other_check *
tly_polls_backtest_other_check(const tly_polls_backtest *b)
{
  return &b->other;
}

const tly_polls_average *
tly_polls_backtest_average(const tly_polls_backtest *b)
{
  return b->avg;
}

static json_t *summary_obj(const tly_polls_bt_summary *m, bool *ok)
{
  json_t *o = json_object();
  if (o == NULL) {
    *ok = false;
    return NULL;
  }
  jput(o, "n", json_integer(m->n), ok);
  jput(o, "bias_points", json_real(m->bias), ok);
  jput(o, "rmse_points", json_real(m->rmse), ok);
  jput(o, "called_wrong", json_string(m->wrong), ok);
  jput(o, "brier", json_real(m->brier), ok);
  jput(o, "log_loss", json_real(m->log_loss), ok);
  jput(o, "coverage_80", json_real(m->cover80), ok);
  jput(o, "coverage_95", json_real(m->cover95), ok);
  jput(o, "state_part_coverage_80", json_real(m->state80), ok);
  jput(o, "state_part_coverage_95", json_real(m->state95), ok);
  jput(o, "expected_coverage_80_given_shared_miss", json_real(m->expect80),
       ok);
  jput(o, "expected_coverage_95_given_shared_miss", json_real(m->expect95),
       ok);
  return o;
}

/* The other-share check (tly_polls_other_check) as JSON. */
static json_t *other_obj(const tly_polls_other_check *x, bool *ok)
{
  json_t *o = json_pack(
      "{s:f,s:f,s:f,s:i,s:{s:i,s:i,s:i,s:i,s:i,s:f},"
      "s:{s:f,s:i,s:i,s:i,s:f,s:f},s:{s:i,s:f,s:f},s:b}",
      "base_sd", x->base_sd, "per_other", x->per_other, "mean_other",
      x->mean_other, "n_state_averages", (int)x->n_fit, "state_check",
      "state_averages", (int)x->checked, "held_80", (int)x->held80,
      "held_95", (int)x->held95, "total_held_80", (int)x->total80,
      "total_held_95", (int)x->total95, "neg_log_density", x->nll,
      "shared_check", "per_other", x->shared_per_other, "years",
      (int)x->shared_checked, "held_80", (int)x->shared_held80, "held_95",
      (int)x->shared_held95, "neg_log_density", x->shared_nll,
      "neg_log_density_constant", x->shared_nll_const,
      "presidential_years_alone", "years", (int)x->pres_checked,
      "neg_log_density", x->pres_nll, "neg_log_density_all_years",
      x->pres_nll_all, "used", 0);
  if (o == NULL)
    *ok = false;
  return o;
}

tly_status tly_json_polls_backtest(const tly_polls_backtest *b, tly_writer w,
                                   void *ud, tly_error *err)
{
  bool ok = true;
  json_t *root = json_object();
  json_t *units = json_array();
  if (root == NULL || units == NULL)
    ok = false;
  for (size_t i = 0; ok && i < b->n; i++) {
    const tly_polls_bt_unit *u = &b->u[i];
    json_t *x = json_object();
    if (x == NULL || json_array_append_new(units, x) != 0) {
      ok = false;
      break;
    }
    jput(x, "code", json_string(u->code), &ok);
    jput(x, "actual", real_or_null(u->actual), &ok);
    jput(x, "ours", json_real(u->ours), &ok);
    jput(x, "p_ours", json_real(u->p_ours), &ok);
    jput(x, "fte", real_or_null(u->fte), &ok);
    jput(x, "p_fte", real_or_null(u->p_fte), &ok);
    jput(x, "sd", json_real(u->sd), &ok);
    jput(x, "sd_by_polls", json_real(b->sd2[i]), &ok);
    jput(x, "sd_by_other_share", json_real(b->sd3[i]), &ok);
  }
  if (!ok) {
    json_decref(root);
    json_decref(units);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  jput(root, "units", units, &ok);
  jput(root, "ours", summary_obj(&b->sum[0], &ok), &ok);
  jput(root, "fte", b->sum[1].n > 0 ? summary_obj(&b->sum[1], &ok)
                                    : json_null(), &ok);
  jput(root, "ours_own_sd_by_polls", summary_obj(&b->sum[2], &ok), &ok);
  jput(root, "ours_own_sd_by_other_share", summary_obj(&b->sum[3], &ok),
       &ok);
  jput(root, "other_share_check", other_obj(&b->other, &ok), &ok);
  jput(root, "average", average_obj(b->avg, &ok), &ok);
  jput(root, "actual_source", json_string("FEC, Federal Elections (certified "
                                          "two-party results)"),
       &ok);
  if (!ok) {
    json_decref(root);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return tly__json_write(root, w, ud, err);
}
