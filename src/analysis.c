/*
 * analysis.c -- how close the College was: the fewest voters whose switch
 * would have changed the outcome (an exact 0/1 knapsack over the units of
 * the College, by dynamic programming over electors: Martello and Toth,
 * "Knapsack Problems", 1990, ch. 2), and the tipping-point unit (the unit
 * that carries the winner past the majority when the winner's units are
 * ordered by margin, as in Silver's FiveThirtyEight "tipping-point state").
 */
#include "json.h"
#include "results.h"

#include "arith.h"

#include <string.h>

/*---- Common: who holds each award ----------------------------------------*/

/* The candidate holding all of award i's electors, -1 for a tied (or
 * unawarded) unit; false when its electors are split among candidates
 * (a proportional what-if), which neither analysis models. */
static bool holder_of(const tly_outcome *o, size_t i, size_t n_cands,
                      int32_t *holder)
{
  const tly_award *w = tly_outcome_award(o, i);
  *holder = -1;
  for (size_t c = 0; c < n_cands; c++) {
    int32_t k = tly_outcome_award_electors(o, i, c);
    if (k == 0)
      continue;
    if (k != w->electors || *holder >= 0)
      return false;
    *holder = (int32_t)c;
  }
  return true;
}

/* The candidate with the most electors pledged other than `except` (-1
 * for none), ties to the lower index (more national votes); -1 when there
 * is no other candidate. */
static int32_t most_pledged(const tly_outcome *o, size_t n_cands,
                            int32_t except)
{
  int32_t best = -1;
  for (size_t c = 0; c < n_cands; c++) {
    if ((int32_t)c == except)
      continue;
    if (best < 0 || tly_outcome_pledged(o, c) >
                        tly_outcome_pledged(o, (size_t)best))
      best = (int32_t)c;
  }
  return best;
}

/* Both analyses assume that each award follows its own unit's votes: true
 * as the law stands, under winner-take-all and under the district rule,
 * but not under a proportional rule or the National Popular Vote compact
 * (whose member states follow the national vote). */
bool tly_rule_units_decide(tly_rule r)
{
  return r == TLY_RULE_LAW || r == TLY_RULE_WTA || r == TLY_RULE_DISTRICT;
}

static tly_status check_rule(const tly_election *e, const char *what,
                             tly_error *err)
{
  tly_rule r = tly_election_rule(e);
  if (tly_election_two_votes(e))
    return tly__fail(err, TLY_EUNSUPPORTED,
                     "%s counts electors, and in %d every elector cast two "
                     "votes (art. II, before the 12th Amendment)",
                     what, tly_election_year(e));
  if (tly_rule_units_decide(r))
    return TLY_OK;
  return tly__fail(err, TLY_EUNSUPPORTED,
                   "%s needs units decided by their own votes, not the rule "
                   "\"%s\"", what, tly_rule_name(r));
}

/*---- Fewest votes to flip --------------------------------------------------*/

struct tly_flip {
  tly_allocator alloc;
  tly_flip_target target;
  int32_t from, to;
  int64_t electors, majority, voters, margin_sum;
  size_t n_units;
  tly_flip_unit *units;
  size_t n_cands;
  int64_t *before, *after; /* per candidate */
};

void tly_flip_free(tly_flip *f)
{
  if (f == NULL)
    return;
  tly_allocator a = f->alloc;
  tly__free(&a, f->units, (f->n_units + 1) * sizeof *f->units);
  tly__free(&a, f->before, (f->n_cands + 1) * sizeof *f->before);
  tly__free(&a, f->after, (f->n_cands + 1) * sizeof *f->after);
  tly__free(&a, f, sizeof *f);
}

/* The fewest voters k who, switching from other candidates to t in unit u,
 * make t's count strictly greater than every other's. Switchers are taken
 * from whoever is ahead, so after k switches each other candidate must be
 * at most v_t + k - 1, which needs sum_c max(0, v_c - (v_t + k - 1)) <= k
 * voters; the left side falls and the right side rises with k, so the
 * least such k is found by bisection. With one candidate ahead by m and
 * the rest behind t this is floor(m / 2) + 1. Sums are of one unit's votes,
 * whose total the election already computed without overflow. */
static int64_t switch_cost(const tly_election *e, size_t u, size_t t)
{
  const int64_t *v = &e->votes[u * e->n_cands];
  int64_t others = e->totals[u] - v[t];
  int64_t lo = 0;
  int64_t hi = others; /* every other vote switched: t alone has votes */
  while (lo < hi) {
    int64_t k = lo + (hi - lo) / 2;
    int64_t need = 0;
    for (size_t c = 0; c < e->n_cands; c++) {
      if (c != t && !tly__cand_is_line(&e->cands[c]) && v[c] > v[t] + k - 1)
        need += v[c] - (v[t] + k - 1);
    }
    if (need <= k)
      hi = k;
    else
      lo = k + 1;
  }
  return lo;
}

/* The best other candidate's votes minus t's in unit u. */
static int64_t lead_over(const tly_election *e, size_t u, size_t t)
{
  const int64_t *v = &e->votes[u * e->n_cands];
  int64_t best = 0;
  for (size_t c = 0; c < e->n_cands; c++) {
    if (c != t && !tly__cand_is_line(&e->cands[c]) && v[c] > best)
      best = v[c];
  }
  return best - v[t];
}

typedef struct {
  size_t award;
  int32_t holder;
  int32_t electors;
  int64_t cost;
} item;

tly_status tly_flip_compute(const tly_election *e, const tly_flip_opts *opts,
                            tly_flip **out, tly_error *err)
{
  *out = NULL;
  tly_flip_opts def = {TLY_FLIP_WIN, -1};
  if (opts == NULL)
    opts = &def;
  if (opts->target != TLY_FLIP_WIN && opts->target != TLY_FLIP_TIE)
    return tly__fail(err, TLY_EINVAL, "unknown flip target %d",
                     (int)opts->target);
  tly_status s = check_rule(e, "flip", err);
  if (s != TLY_OK)
    return s;
  const tly_allocator *a = &e->alloc;
  tly_outcome *o = NULL;
  tly_flip *f = NULL;
  item *items = NULL;
  int64_t *dp = NULL;
  unsigned char *take = NULL;
  size_t n_items = 0, width = 0;
  s = tly_college(e, &o, err);
  if (s != TLY_OK)
    return s;
  size_t na = tly_outcome_n_awards(o);
  size_t nc = e->n_cands;
  int32_t from = tly_outcome_winner(o);
  if (from < 0)
    from = most_pledged(o, nc, -1);
  int32_t to = opts->to >= 0 ? opts->to : most_pledged(o, nc, from);
  if (from < 0 || to < 0 || (size_t)to >= nc) {
    s = tly__fail(err, TLY_EINVAL, "no candidate to flip toward");
    goto fail;
  }
  if (tly__cand_is_line(&e->cands[to])) {
    s = tly__fail(err, TLY_EINVAL, "\"%s\" is a ballot line, not a "
                  "candidate: it elects no one", e->cands[to].name);
    goto fail;
  }
  if (to == from) {
    s = tly__fail(err, TLY_EINVAL, "%s already %s",
                  e->cands[to].name,
                  tly_outcome_winner(o) == to ? "wins" : "leads");
    goto fail;
  }
  f = tly__calloc(a, 1, sizeof *f);
  if (f == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto fail;
  }
  f->alloc = e->alloc;
  f->target = opts->target;
  f->from = from;
  f->to = to;
  f->n_cands = nc;
  f->electors = tly_outcome_electors(o);
  f->majority = tly_outcome_majority(o);
  f->before = tly__calloc(a, nc + 1, sizeof *f->before);
  f->after = tly__calloc(a, nc + 1, sizeof *f->after);
  items = tly__calloc(a, na + 1, sizeof *items);
  if (f->before == NULL || f->after == NULL || items == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto fail;
  }
  for (size_t c = 0; c < nc; c++)
    f->before[c] = f->after[c] = tly_outcome_pledged(o, c);

  /* Items: the units the target does not hold and whose returns exist. */
  int64_t all_weight = 0;
  for (size_t i = 0; i < na; i++) {
    const tly_award *w = tly_outcome_award(o, i);
    int32_t h;
    if (!holder_of(o, i, nc, &h) && w->by_record)
      continue; /* split as the record has it: cannot move */
    if (!holder_of(o, i, nc, &h)) {
      s = tly__fail(err, TLY_EUNSUPPORTED,
                    "unit %s splits its electors: flip needs each unit's "
                    "electors to go to one candidate", w->code);
      goto fail;
    }
    if (h == to || w->by_record || w->electors <= 0 ||
        !e->units[w->unit].has_votes || e->forced[w->unit] >= 0)
      continue; /* held already, or not moved by votes (no returns, or
                   forced by a what-if) */
    items[n_items].award = i;
    items[n_items].holder = h;
    items[n_items].electors = w->electors;
    items[n_items].cost = switch_cost(e, (size_t)w->unit, (size_t)to);
    all_weight += w->electors;
    n_items++;
  }

  /* The electors the target must gain: at least `need` (win) or exactly
   * `need` (tie). */
  int64_t need;
  if (opts->target == TLY_FLIP_WIN) {
    need = f->majority - f->before[to];
  } else {
    if (f->electors % 2 != 0) {
      s = tly__fail(err, TLY_EUNSUPPORTED,
                    "no tie is possible with %lld electors (an odd number)",
                    (long long)f->electors);
      goto fail;
    }
    need = f->electors / 2 - f->before[to];
    if (need < 0) {
      s = tly__fail(err, TLY_ENOTFOUND,
                    "%s already has more than half of the electors",
                    e->cands[to].name);
      goto fail;
    }
  }
  if (need > all_weight) {
    s = tly__fail(err, TLY_ENOTFOUND,
                  "%s cannot reach %lld electors by flipping units",
                  e->cands[to].name, (long long)(f->before[to] + need));
    goto fail;
  }
  if (need < 0)
    need = 0;

  /* dp[w] = the fewest voters that gain exactly w electors (-1: none);
   * take[i * width + w] records that item i improved dp[w] when it was
   * added, so the set is recovered backwards (the 0/1 knapsack's standard
   * reconstruction). The table has n_items x (W + 1) bytes, W <= the
   * electors appointed. */
  width = (size_t)all_weight + 1;
  dp = tly__calloc(a, width, sizeof *dp);
  take = tly__calloc(a, n_items * width + 1, 1);
  if (dp == NULL || take == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto fail;
  }
  for (size_t w = 1; w < width; w++)
    dp[w] = -1;
  for (size_t i = 0; i < n_items; i++) {
    size_t wt = (size_t)items[i].electors;
    for (size_t w = width - 1; w >= wt; w--) {
      if (dp[w - wt] < 0)
        continue;
      int64_t c;
      if (!tly__add_i64(dp[w - wt], items[i].cost, &c)) {
        s = tly__fail(err, TLY_EOVERFLOW, "votes to move overflow");
        goto fail;
      }
      if (dp[w] < 0 || c < dp[w]) {
        dp[w] = c;
        take[i * width + w] = 1;
      }
    }
  }
  size_t best = (size_t)need;
  if (opts->target == TLY_FLIP_WIN) {
    for (size_t w = (size_t)need; w < width; w++) {
      if (dp[w] >= 0 && (dp[best] < 0 || dp[w] < dp[best]))
        best = w; /* strict: equal costs keep the fewer electors */
    }
  }
  if (dp[best] < 0) {
    s = tly__fail(err, TLY_ENOTFOUND,
                  "no set of units gives %s exactly %lld electors",
                  e->cands[to].name, (long long)(f->before[to] + need));
    goto fail;
  }
  f->voters = dp[best];

  /* Recover the set, then list it in the College's order. */
  size_t n_sel = 0;
  size_t w = best;
  for (size_t i = n_items; i-- > 0;) {
    if (take[i * width + w]) {
      items[i].electors = -items[i].electors; /* mark as chosen */
      w -= (size_t)(-items[i].electors);
      n_sel++;
    }
  }
  TLY_ASSERT(w == 0);
  f->units = tly__calloc(a, n_sel + 1, sizeof *f->units);
  if (f->units == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto fail;
  }
  for (size_t i = 0; i < n_items; i++) {
    if (items[i].electors >= 0)
      continue;
    const tly_award *aw = tly_outcome_award(o, items[i].award);
    tly_flip_unit *fu = &f->units[f->n_units++];
    memcpy(fu->code, aw->code, sizeof fu->code);
    fu->award = (int32_t)items[i].award;
    fu->electors = -items[i].electors;
    fu->holder = items[i].holder;
    fu->margin = lead_over(e, (size_t)aw->unit, (size_t)to);
    fu->votes_to_move = items[i].cost;
    if (!tly__add_i64(f->margin_sum, fu->margin, &f->margin_sum)) {
      s = tly__fail(err, TLY_EOVERFLOW, "margin sum overflows");
      goto fail;
    }
    if (fu->holder >= 0)
      f->after[fu->holder] -= fu->electors;
    f->after[to] += fu->electors;
  }
  tly__free(a, take, n_items * width + 1);
  tly__free(a, dp, width * sizeof *dp);
  tly__free(a, items, (na + 1) * sizeof *items);
  tly_outcome_free(o);
  *out = f;
  return TLY_OK;
fail:
  tly__free(a, take, n_items * width + 1);
  tly__free(a, dp, width * sizeof *dp);
  tly__free(a, items, (na + 1) * sizeof *items);
  tly_flip_free(f);
  tly_outcome_free(o);
  return s;
}

tly_flip_target tly_flip_target_of(const tly_flip *f) { return f->target; }
int32_t tly_flip_from(const tly_flip *f) { return f->from; }
int32_t tly_flip_to(const tly_flip *f) { return f->to; }
int64_t tly_flip_electors(const tly_flip *f) { return f->electors; }
int64_t tly_flip_majority(const tly_flip *f) { return f->majority; }
int64_t tly_flip_voters(const tly_flip *f) { return f->voters; }
int64_t tly_flip_margin_sum(const tly_flip *f) { return f->margin_sum; }
size_t tly_flip_n_units(const tly_flip *f) { return f->n_units; }

const tly_flip_unit *tly_flip_unit_at(const tly_flip *f, size_t i)
{
  return i < f->n_units ? &f->units[i] : NULL;
}

int64_t tly_flip_electors_before(const tly_flip *f, size_t c)
{
  return c < f->n_cands ? f->before[c] : 0;
}

int64_t tly_flip_electors_after(const tly_flip *f, size_t c)
{
  return c < f->n_cands ? f->after[c] : 0;
}

/* json_object_set_new that records failure in *ok. */
static void put(json_t *obj, const char *key, json_t *v, bool *ok)
{
  if (v == NULL || json_object_set_new(obj, key, v) != 0)
    *ok = false;
}

static void push(json_t *arr, json_t *v, bool *ok)
{
  if (v == NULL || json_array_append_new(arr, v) != 0)
    *ok = false;
}

tly_status tly_json_flip(const tly_election *e, const tly_flip *f,
                         tly_writer w, void *ud, tly_error *err)
{
  bool ok = true;
  json_t *root = json_object();
  if (root == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  put(root, "year", json_integer(e->year), &ok);
  put(root, "source", json_string(e->source_name), &ok);
  put(root, "target",
      json_string(f->target == TLY_FLIP_WIN ? "win" : "tie"), &ok);
  put(root, "from", json_string(e->cands[f->from].name), &ok);
  put(root, "to", json_string(e->cands[f->to].name), &ok);
  put(root, "majority", json_integer(f->majority), &ok);
  put(root, "voters", json_integer(f->voters), &ok);
  put(root, "margin_sum", json_integer(f->margin_sum), &ok);
  json_t *units = json_array();
  for (size_t i = 0; i < f->n_units && units != NULL; i++) {
    json_t *x = json_object();
    if (x == NULL) {
      ok = false;
      break;
    }
    put(x, "code", json_string(f->units[i].code), &ok);
    put(x, "electors", json_integer(f->units[i].electors), &ok);
    put(x, "margin", json_integer(f->units[i].margin), &ok);
    put(x, "votes_to_move", json_integer(f->units[i].votes_to_move), &ok);
    push(units, x, &ok);
  }
  put(root, "units", units, &ok);
  json_t *after = json_object();
  for (size_t c = 0; c < f->n_cands && after != NULL; c++) {
    if (f->before[c] == 0 && f->after[c] == 0)
      continue;
    put(after, e->cands[c].name, json_integer(f->after[c]), &ok);
  }
  put(root, "electors_after", after, &ok);
  if (!ok) {
    json_decref(root);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return tly__json_write(root, w, ud, err);
}

/*---- Tipping point ---------------------------------------------------------*/

struct tly_tipping {
  tly_allocator alloc;
  int32_t winner, runner_up;
  int64_t majority;
  size_t n_rows, n_ordered, point;
  tly_tipping_row *rows;
  int64_t national_lead, national_total;
  int64_t tilt_num, tilt_den;
};

void tly_tipping_free(tly_tipping *t)
{
  if (t == NULL)
    return;
  tly_allocator a = t->alloc;
  tly__free(&a, t->rows, (t->n_rows + 1) * sizeof *t->rows);
  tly__free(&a, t, sizeof *t);
}

/* A row's place: 0 set by the what-if (certain: first), 1 with a margin,
 * 2 without returns (no margin: after the order). */
static int rank_class(const tly_tipping_row *x)
{
  return x->forced ? 0 : x->by_record ? 2 : 1;
}

/* Whether row x comes before row y: by rank_class; rows with a margin by
 * the larger margin lead / total (exact: lead_x * total_y > lead_y *
 * total_x in 128 bits; |lead| <= total < 2^63, so each product is below
 * 2^126), then the code; the others by code. A unit with no votes counts
 * as margin 0. */
static bool before(const tly_tipping_row *x, const tly_tipping_row *y)
{
  if (rank_class(x) != rank_class(y))
    return rank_class(x) < rank_class(y);
  if (x->by_record)
    return strcmp(x->code, y->code) < 0;
  /* A unit without votes has lead 0 and counts as margin 0. */
  int64_t tx = x->total_votes > 0 ? x->total_votes : 1;
  int64_t ty = y->total_votes > 0 ? y->total_votes : 1;
  __int128 px = (__int128)x->lead * ty;
  __int128 py = (__int128)y->lead * tx;
  if (px != py)
    return px > py;
  return strcmp(x->code, y->code) < 0;
}

tly_status tly_tipping_compute(const tly_election *e, tly_tipping **out,
                               tly_error *err)
{
  *out = NULL;
  tly_status s = check_rule(e, "the tipping point", err);
  if (s != TLY_OK)
    return s;
  const tly_allocator *a = &e->alloc;
  tly_outcome *o = NULL;
  tly_tipping *t = NULL;
  s = tly_college(e, &o, err);
  if (s != TLY_OK)
    return s;
  size_t na = tly_outcome_n_awards(o);
  size_t nc = e->n_cands;
  /* The winner by electors pledged (faithless electors aside). */
  int32_t win = most_pledged(o, nc, -1);
  if (win < 0 ||
      tly_outcome_pledged(o, (size_t)win) < tly_outcome_majority(o)) {
    s = tly__fail(err, TLY_EUNSUPPORTED,
                  "no candidate has a majority of the electors pledged: "
                  "there is no tipping point");
    goto fail;
  }
  t = tly__calloc(a, 1, sizeof *t);
  if (t == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto fail;
  }
  t->alloc = e->alloc;
  t->winner = win;
  t->runner_up = most_pledged(o, nc, win);
  t->majority = tly_outcome_majority(o);
  t->rows = tly__calloc(a, na + 1, sizeof *t->rows);
  if (t->rows == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto fail;
  }
  for (size_t i = 0; i < na; i++) {
    const tly_award *w = tly_outcome_award(o, i);
    int32_t h;
    int32_t mine = w->electors;
    if (!holder_of(o, i, nc, &h) && w->by_record) {
      /* Split as the record has it: the winner's part, which no margin
       * decides. */
      h = win;
      mine = tly_outcome_award_electors(o, i, (size_t)win);
      if (mine == 0)
        continue;
    } else if (!holder_of(o, i, nc, &h)) {
      s = tly__fail(err, TLY_EUNSUPPORTED,
                    "unit %s splits its electors: the tipping point needs "
                    "each unit's electors to go to one candidate", w->code);
      goto fail;
    }
    if (h != win)
      continue;
    tly_tipping_row *r = &t->rows[t->n_rows++];
    memcpy(r->code, w->code, sizeof r->code);
    r->award = (int32_t)i;
    r->electors = mine;
    r->forced = e->forced[w->unit] >= 0;
    r->by_record = w->by_record || !e->units[w->unit].has_votes ||
                   r->forced; /* no margin decides it */
    r->total_votes = r->by_record ? 0 : w->total_votes;
    if (r->total_votes <= 0)
      r->lead = 0;
    else if (w->first == win && w->second >= 0)
      r->lead = w->first_votes - w->second_votes; /* the top two's gap */
    else
      r->lead = -lead_over(e, (size_t)w->unit, (size_t)win);
  }
  /* Insertion sort: at most a few dozen rows. */
  for (size_t i = 1; i < t->n_rows; i++) {
    tly_tipping_row x = t->rows[i];
    size_t j = i;
    while (j > 0 && before(&x, &t->rows[j - 1])) {
      t->rows[j] = t->rows[j - 1];
      j--;
    }
    t->rows[j] = x;
  }
  /* The units without returns cannot be placed in the order: their
   * electors count for the winner after every ordered unit's, so the
   * tipping point is a unit of the order that reaches the majority. */
  int64_t cum = 0;
  bool found = false;
  for (size_t i = 0; i < t->n_rows; i++) {
    bool ordered = rank_class(&t->rows[i]) < 2;
    cum += t->rows[i].electors; /* electors: a few hundred */
    t->rows[i].cumulative = cum;
    if (ordered)
      t->n_ordered = i + 1;
    if (!found && ordered && cum >= t->majority) {
      t->point = i;
      found = true;
    }
  }
  if (!found) {
    s = tly__fail(err, TLY_EUNSUPPORTED,
                  "%s's units with returns give %lld electors of the %lld "
                  "needed (the rest have none): there is no tipping point",
                  e->cands[win].name,
                  (long long)(t->n_ordered > 0
                                  ? t->rows[t->n_ordered - 1].cumulative
                                  : 0),
                  (long long)t->majority);
    goto fail;
  }
  t->national_total = tly_outcome_total_votes(o);
  int64_t vr = t->runner_up >= 0 ? tly_outcome_votes(o, (size_t)t->runner_up)
                                 : 0;
  t->national_lead = tly_outcome_votes(o, (size_t)win) - vr;
  /* Tilt = lead_u / total_u - lead_n / total_n as one exact fraction. */
  const tly_tipping_row *p = &t->rows[t->point];
  int64_t x, y, d;
  if (p->by_record || p->total_votes <= 0 || t->national_total <= 0) {
    t->tilt_num = 0;
    t->tilt_den = 0; /* not defined */
  } else if (!tly__mul_i64(p->lead, t->national_total, &x) ||
             !tly__mul_i64(t->national_lead, p->total_votes, &y) ||
             !tly__sub_i64(x, y, &t->tilt_num) ||
             !tly__mul_i64(p->total_votes, t->national_total, &d)) {
    s = tly__fail(err, TLY_EOVERFLOW, "tilt overflows");
    goto fail;
  } else {
    t->tilt_den = d;
  }
  tly_outcome_free(o);
  *out = t;
  return TLY_OK;
fail:
  tly_tipping_free(t);
  tly_outcome_free(o);
  return s;
}

int32_t tly_tipping_winner(const tly_tipping *t) { return t->winner; }
int32_t tly_tipping_runner_up(const tly_tipping *t) { return t->runner_up; }
int64_t tly_tipping_majority(const tly_tipping *t) { return t->majority; }
size_t tly_tipping_n_rows(const tly_tipping *t) { return t->n_rows; }
size_t tly_tipping_n_ordered(const tly_tipping *t) { return t->n_ordered; }
size_t tly_tipping_point(const tly_tipping *t) { return t->point; }

const tly_tipping_row *tly_tipping_row_at(const tly_tipping *t, size_t i)
{
  return i < t->n_rows ? &t->rows[i] : NULL;
}

int64_t tly_tipping_national_lead(const tly_tipping *t)
{
  return t->national_lead;
}

int64_t tly_tipping_national_total(const tly_tipping *t)
{
  return t->national_total;
}

int64_t tly_tipping_tilt_num(const tly_tipping *t) { return t->tilt_num; }
int64_t tly_tipping_tilt_den(const tly_tipping *t) { return t->tilt_den; }

/* A JSON number for the signed percentage 100 * num / den, rounded half
 * to even at `digits` decimals from the exact decimal of |num| / den (the
 * sign is applied after rounding, so it is symmetric); null when den <= 0. */
static json_t *signed_percent(int64_t num, int64_t den, int digits)
{
  if (den <= 0 || num == INT64_MIN)
    return json_null();
  json_t *v = tly__json_percent(num < 0 ? -num : num, den, digits);
  if (v != NULL && num < 0 && json_is_real(v))
    json_real_set(v, -json_real_value(v));
  return v;
}

tly_status tly_json_tipping(const tly_election *e, const tly_tipping *t,
                            tly_writer w, void *ud, tly_error *err)
{
  bool ok = true;
  json_t *root = json_object();
  if (root == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  const tly_tipping_row *p = &t->rows[t->point];
  put(root, "year", json_integer(e->year), &ok);
  put(root, "source", json_string(e->source_name), &ok);
  put(root, "winner", json_string(e->cands[t->winner].name), &ok);
  put(root, "winner_party", json_string(e->cands[t->winner].party), &ok);
  put(root, "runner_up",
      t->runner_up >= 0 ? json_string(e->cands[t->runner_up].name)
                        : json_null(),
      &ok);
  put(root, "runner_up_party",
      t->runner_up >= 0 ? json_string(e->cands[t->runner_up].party)
                        : json_null(),
      &ok);
  put(root, "unit", json_string(p->code), &ok);
  put(root, "margin_pct",
      p->by_record ? json_null() : signed_percent(p->lead, p->total_votes, 2),
      &ok);
  put(root, "national_margin_pct",
      signed_percent(t->national_lead, t->national_total, 2), &ok);
  put(root, "tilt_pct", signed_percent(t->tilt_num, t->tilt_den, 2), &ok);
  json_t *order = json_array();
  json_t *rest = json_array();
  for (size_t i = 0; i < t->n_rows && order != NULL && rest != NULL; i++) {
    const tly_tipping_row *r = &t->rows[i];
    json_t *x = json_object();
    if (x == NULL) {
      ok = false;
      break;
    }
    put(x, "code", json_string(r->code), &ok);
    put(x, "electors", json_integer(r->electors), &ok);
    if (r->by_record && !r->forced) {
      put(x, "reason", json_string("no returns"), &ok);
      push(rest, x, &ok);
      continue;
    }
    put(x, "margin_pct",
        r->by_record ? json_null()
                     : signed_percent(r->lead, r->total_votes, 2),
        &ok);
    put(x, "cumulative", json_integer(r->cumulative), &ok);
    push(order, x, &ok);
  }
  put(root, "order", order, &ok);
  put(root, "no_margin", rest, &ok);
  if (!ok) {
    json_decref(root);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return tly__json_write(root, w, ud, err);
}
