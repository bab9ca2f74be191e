/*
 * college.c -- the Electoral College: U.S. Const. art. II §1 and the 12th
 * Amendment (a majority of the whole number of electors appointed, else the
 * House chooses among the top three), 3 U.S.C. §§ 3-15; plurality winner-
 * take-all by state law, and the district method of Maine (since 1972) and
 * Nebraska (since 1992): 2 at-large electors + 1 per district. What-if
 * rules: whole slates, proportional splits in whole electors (Hamilton's
 * largest remainders, D'Hondt, Webster/Sainte-Lague) and the National
 * Popular Vote compact (art. III of the Agreement). Historical elections
 * (1789-1972): units whose electors the popular vote does not decide (a
 * legislature chose them, or the slate was split) are counted as the record
 * has them, states whose votes Congress rejected are not counted, and
 * 1789-1800 go by article2.c.
 */
#include "results.h"

#include "arith.h"
#include "article2.h"

#include <string.h>

struct tly_outcome {
  tly_allocator alloc;
  size_t n_cands;
  int64_t electors, majority, abstained, undecided, total_votes;
  int64_t not_counted;
  int32_t winner, vice;
  size_t n_states, n_voted;
  size_t n_top;
  int32_t top[3];
  int64_t *pledged, *cast, *votes; /* per candidate */
  size_t n_awards;
  tly_award *awards;
  int32_t *award_electors; /* n_awards x n_cands */
  size_t cap_c, cap_a;      /* allocated lengths: n_cands + 1, n_units + 1 */
  tly_npv_info npv;         /* how the compact worked out (rule NPV) */
};

bool tly_outcome_cast_applies(const tly_election *e, const tly_outcome *o,
                              size_t i)
{
  if (i >= e->n_cast)
    return false;
  const tly_cast_record *r = &e->cast[i];
  if (r->unit < 0 || r->pledged < 0)
    return true; /* a record of no unit or pledge: kept as recorded */
  /* The electors of the record's state (its districts too) that went to
   * the candidate they were pledged to in this outcome: fewer than the
   * record names means a what-if gave them to someone else. */
  int64_t won = 0;
  for (size_t k = 0; k < o->n_awards; k++) {
    int32_t u = o->awards[k].unit;
    if (u == r->unit || e->units[u].parent == r->unit)
      won += o->award_electors[k * o->n_cands + (size_t)r->pledged];
  }
  return won >= r->electors;
}

void tly_outcome_free(tly_outcome *o)
{
  if (o == NULL)
    return;
  tly_allocator a = o->alloc;
  tly__free(&a, o->pledged, o->cap_c * sizeof *o->pledged);
  tly__free(&a, o->cast, o->cap_c * sizeof *o->cast);
  tly__free(&a, o->votes, o->cap_c * sizeof *o->votes);
  tly__free(&a, o->awards, o->cap_a * sizeof *o->awards);
  tly__free(&a, o->award_electors,
            o->cap_a * o->cap_c * sizeof *o->award_electors);
  tly__free(&a, o, sizeof *o);
}

/* Top two candidates of unit u by votes: ties for first are reported by
 * the caller comparing first_votes and second_votes. Ties in order are
 * broken by candidate index (national order) so output is deterministic. */
static void top_two(const tly_election *e, size_t u, tly_award *w)
{
  w->first = w->second = -1;
  w->first_votes = w->second_votes = 0;
  for (size_t c = 0; c < e->n_cands; c++) {
    int64_t v = e->votes[u * e->n_cands + c];
    if (tly__cand_is_line(&e->cands[c]))
      continue; /* counted in the total, elects no one */
    if (w->first < 0 || v > w->first_votes) {
      w->second = w->first;
      w->second_votes = w->first_votes;
      w->first = (int32_t)c;
      w->first_votes = v;
    } else if (w->second < 0 || v > w->second_votes) {
      w->second = (int32_t)c;
      w->second_votes = v;
    }
  }
  w->total_votes = e->totals[u];
}

/* Decides award w (its top two set) by plurality, the what-if overrides
 * (forced winner, tie-break) or, without returns, the record. */
static void decide(const tly_election *e, size_t u, tly_award *w)
{
  const tly_unit *un = &e->units[u];
  w->winner = -1;
  w->tie = false;
  w->by_record = false;
  if (e->forced[u] >= 0) {
    w->winner = e->forced[u];
    return;
  }
  if (!un->has_votes) {
    w->winner = un->recorded_winner;
    w->by_record = true;
    return;
  }
  if (w->first < 0 || w->first_votes == 0)
    return; /* no votes: electors undecided */
  if (w->second >= 0 && w->first_votes == w->second_votes) {
    if (e->tie_break[u] >= 0) {
      w->winner = e->tie_break[u];
      return;
    }
    w->tie = true;
    return;
  }
  w->winner = w->first;
}

/* The electors of by-record unit u for each candidate into ae (zeroed by
 * the caller), from the election's record; the award's winner is the one
 * candidate with all of them. Before the 12th Amendment the record holds
 * votes, two per elector, and there is no single winner. */
static void from_record(const tly_election *e, size_t u, tly_award *w,
                        int32_t *ae)
{
  const char *code = e->units[u].code;
  for (size_t i = 0; i < e->n_record; i++) {
    const tly__record *r = &e->record[i];
    if (strcmp(r->code, code) == 0 && r->cand >= 0 &&
        (size_t)r->cand < e->n_cands)
      ae[r->cand] += r->electors;
  }
  w->winner = -1;
  w->tie = false;
  w->by_record = true;
  for (size_t c = 0; c < e->n_cands && !e->two_votes; c++) {
    if (ae[c] == w->electors && w->electors > 0)
      w->winner = (int32_t)c;
  }
}

/* Whether rule r can count election e: a rule other than the law
 * re-decides every unit from its popular vote, so it needs one in every
 * unit, and cannot apply to the two votes per elector of 1789-1800. */
static tly_status rule_applies(const tly_election *e, tly_error *err)
{
  if (e->rule == TLY__RULE_LAW)
    return TLY_OK;
  if (e->two_votes)
    return tly__fail(err, TLY_EUNSUPPORTED,
                     "%d was counted by two votes per elector (art. II, "
                     "before the 12th Amendment): a rule other than the law "
                     "cannot re-count it",
                     e->year);
  char list[160] = "";
  size_t n = 0;
  size_t len = 0;
  for (size_t u = 0; u < e->n_units; u++) {
    if (e->units[u].has_votes || e->units[u].parent >= 0)
      continue;
    if (n < 8 && len + 5 < sizeof list) {
      memcpy(list + len, n ? ", " : "", n ? 2 : 0);
      len += n ? 2 : 0;
      memcpy(list + len, e->units[u].code, 2);
      len += 2;
      list[len] = '\0';
    }
    n++;
  }
  if (n == 0)
    return TLY_OK;
  return tly__fail(err, TLY_EUNSUPPORTED,
                   "%d: %zu state%s had no popular vote (%s%s): a rule "
                   "other than the law needs one in every state",
                   e->year, n, n == 1 ? "" : "s", list, n > 8 ? ", ..." : "");
}

/*---- Proportional splits in whole electors ----*/

typedef unsigned __int128 u128;

/* Whether candidate c takes part in a proportional split: a person with
 * votes in the unit (the unnamed "Others" row is not a candidate). */
static bool eligible(const tly_election *e, size_t u, size_t c)
{
  const tly_candidate *k = &e->cands[c];
  if (e->votes[u * e->n_cands + c] <= 0 || tly__cand_is_line(k))
    return false;
  return !(strcmp(k->name, "Others") == 0 && k->party[0] == '\0');
}

/* Hands out `left` electors among the candidates flagged in tied[] (all
 * with the same claim to the next elector): all of them get one when there
 * are enough; otherwise the tie-break candidate (if tied) gets one and the
 * rest stay tied. Returns how many were handed out; sets *stuck when a tie
 * remains that the electors left cannot settle. */
static int64_t hand_out(const tly_election *e, size_t u, const bool *tied,
                        size_t n_tied, int64_t left, int32_t *ae,
                        bool *given, bool *stuck)
{
  if ((int64_t)n_tied <= left) {
    for (size_t c = 0; c < e->n_cands; c++) {
      if (tied[c]) {
        ae[c]++;
        given[c] = true;
      }
    }
    return (int64_t)n_tied;
  }
  int32_t tb = e->tie_break[u];
  if (tb >= 0 && tied[tb]) {
    ae[tb]++;
    given[tb] = true;
    return 1;
  }
  *stuck = true;
  return 0;
}

/* Splits the `electors` of unit u in proportion to its eligible votes by
 * the election's proportional rule, into ae[0..n_cands) (zeroed by the
 * caller); given[] is scratch of n_cands. Returns the electors left
 * undecided by a tie (equal remainders or quotients for fewer electors
 * than tied candidates, not decided by --tie), setting *tie.
 *
 * Hamilton: quota_c = E * v_c / V with V the eligible votes; each gets
 * floor(quota_c), then the largest remainders (E * v_c mod V, compared as
 * integers since they share the denominator V) one more each. D'Hondt and
 * Webster: elector by elector to the highest v_c / d(s_c), d(s) = s + 1
 * (D'Hondt) or 2s + 1 (Webster), compared exactly by cross-multiplying in
 * unsigned 128 bits (v < 2^63, d <= 2E + 1 < 2^33: products < 2^96). */
static int64_t split(const tly_election *e, size_t u, int64_t electors,
                     int32_t *ae, bool *given, bool *tied, bool *tie)
{
  size_t nc = e->n_cands;
  const int64_t *v = &e->votes[u * nc];
  u128 total = 0;
  for (size_t c = 0; c < nc; c++) {
    given[c] = false;
    if (eligible(e, u, c))
      total = total + (uint64_t)v[c]; /* v > 0 here */
  }
  *tie = false;
  if (total == 0 || electors <= 0)
    return electors;
  int64_t left = electors;
  bool stuck = false;
  if (e->rule == TLY__RULE_PROP_HAMILTON) {
    for (size_t c = 0; c < nc; c++) {
      if (!eligible(e, u, c))
        continue;
      u128 q = (u128)electors * (u128)v[c] / total; /* <= electors */
      ae[c] = (int32_t)q;
      left -= (int64_t)q;
    }
    while (left > 0 && !stuck) {
      u128 best = 0;
      bool any = false;
      for (size_t c = 0; c < nc; c++) {
        if (!eligible(e, u, c) || given[c])
          continue;
        u128 r = (u128)electors * (u128)v[c] % total;
        if (r > 0 && (!any || r > best)) {
          best = r;
          any = true;
        }
      }
      if (!any)
        break; /* cannot happen: the remainders sum to left * V */
      size_t n_tied = 0;
      for (size_t c = 0; c < nc; c++) {
        tied[c] = eligible(e, u, c) && !given[c] &&
                  (u128)electors * (u128)v[c] % total == best;
        n_tied += tied[c];
      }
      left -= hand_out(e, u, tied, n_tied, left, ae, given, &stuck);
    }
  } else {
    u128 step = e->rule == TLY__RULE_PROP_DHONDT ? 1 : 2;
    while (left > 0 && !stuck) {
      /* The best quotient so far is v[best] / d_best. */
      int32_t best = -1;
      u128 d_best = 1;
      for (size_t c = 0; c < nc; c++) {
        if (!eligible(e, u, c))
          continue;
        u128 d = (u128)ae[c] * step + 1;
        if (best < 0 || (u128)v[c] * d_best > (u128)v[best] * d) {
          best = (int32_t)c;
          d_best = d;
        }
      }
      size_t n_tied = 0;
      for (size_t c = 0; c < nc; c++) {
        u128 d = (u128)ae[c] * step + 1;
        tied[c] = eligible(e, u, c) &&
                  (u128)v[c] * d_best == (u128)v[best] * d;
        n_tied += tied[c];
        given[c] = false;
      }
      left -= hand_out(e, u, tied, n_tied, left, ae, given, &stuck);
    }
  }
  *tie = stuck;
  return left;
}

tly_status tly_college(const tly_election *e, tly_outcome **out,
                       tly_error *err)
{
  *out = NULL;
  const tly_allocator *a = &e->alloc;
  tly_status rs = rule_applies(e, err);
  if (rs != TLY_OK)
    return rs;
  tly_outcome *o = tly__calloc(a, 1, sizeof *o);
  if (o == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  o->alloc = e->alloc;
  o->n_cands = e->n_cands;
  o->n_awards = e->n_units;
  o->cap_c = e->n_cands + 1;
  o->cap_a = e->n_units + 1;
  o->pledged = tly__calloc(a, e->n_cands + 1, sizeof *o->pledged);
  o->cast = tly__calloc(a, e->n_cands + 1, sizeof *o->cast);
  o->votes = tly__calloc(a, e->n_cands + 1, sizeof *o->votes);
  o->awards = tly__calloc(a, e->n_units + 1, sizeof *o->awards);
  o->award_electors =
      tly__calloc(a, (e->n_units + 1) * (e->n_cands + 1),
                  sizeof *o->award_electors);
  tly_status s = TLY_OK;
  if (o->pledged == NULL || o->cast == NULL || o->votes == NULL ||
      o->awards == NULL || o->award_electors == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto fail;
  }
  /* National popular vote: states and DC; districts are inside them. */
  o->vice = -1;
  for (size_t u = 0; u < e->n_units; u++) {
    if (e->units[u].parent >= 0)
      continue;
    o->n_states++;
    o->n_voted += e->units[u].has_votes;
    for (size_t c = 0; c < e->n_cands; c++) {
      if (!tly__add_i64(o->votes[c], e->votes[u * e->n_cands + c],
                        &o->votes[c])) {
        s = tly__fail(err, TLY_EOVERFLOW, "national votes overflow");
        goto fail;
      }
    }
    if (!tly__add_i64(o->total_votes, e->totals[u], &o->total_votes)) {
      s = tly__fail(err, TLY_EOVERFLOW, "national votes overflow");
      goto fail;
    }
  }
  /* The compact (rule NPV): in force when its members hold a majority of
   * the electors appointed (every state's and DC's whole slate) and the
   * national vote has a single winner; then each member's whole slate goes
   * to that winner. Otherwise members choose electors by their own law. */
  o->npv.applies = e->rule == TLY__RULE_NPV;
  o->npv.national_winner = -1;
  if (o->npv.applies) {
    int64_t appointed = 0;
    for (size_t u = 0; u < e->n_units; u++) {
      if (e->units[u].parent >= 0)
        continue;
      appointed += e->units[u].electors; /* 51 slates < 2^31 each */
      if (e->npv_member[u])
        o->npv.member_electors += e->units[u].electors;
    }
    o->npv.needed = appointed / 2 + 1;
    int64_t best = 0;
    size_t n_best = 0;
    for (size_t c = 0; c < e->n_cands; c++) {
      if (tly__cand_is_line(&e->cands[c]))
        continue; /* elects no one */
      if (o->votes[c] > best) {
        best = o->votes[c];
        n_best = 0;
      }
      if (o->votes[c] == best && best > 0) {
        n_best++;
        o->npv.national_winner = (int32_t)c;
      }
    }
    if (n_best != 1)
      o->npv.national_winner = -1; /* a national tie (or no votes) */
    o->npv.in_force = o->npv.national_winner >= 0 &&
                      o->npv.member_electors >= o->npv.needed;
  }
  /* Awards: one per unit. Under the law, a state whose districts are
   * units keeps only its at-large electors; where its whole slate is
   * awarded at once (winner-take-all, proportional, a compact member when
   * the compact is in force) its districts' electors go back to the
   * statewide award. */
  bool *given = tly__calloc(a, e->n_cands + 1, sizeof *given);
  bool *tied = tly__calloc(a, e->n_cands + 1, sizeof *tied);
  if (given == NULL || tied == NULL) {
    tly__free(a, given, (e->n_cands + 1) * sizeof *given);
    tly__free(a, tied, (e->n_cands + 1) * sizeof *tied);
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto fail;
  }
  bool prop = e->rule == TLY__RULE_PROP_HAMILTON ||
              e->rule == TLY__RULE_PROP_DHONDT ||
              e->rule == TLY__RULE_PROP_WEBSTER;
  size_t na = 0;
  for (size_t u = 0; u < e->n_units; u++) {
    const tly_unit *un = &e->units[u];
    size_t state = un->parent >= 0 ? (size_t)un->parent : u;
    bool to_npv = o->npv.in_force && e->npv_member[state];
    bool whole = e->rule == TLY__RULE_WTA || prop || to_npv;
    if (un->parent >= 0 && whole)
      continue;
    tly_award *w = &o->awards[na];
    int32_t *ae = &o->award_electors[na * e->n_cands];
    memcpy(w->code, un->code, sizeof w->code);
    w->unit = (int32_t)u;
    w->electors = un->electors;
    if (un->parent < 0 && !whole) {
      for (size_t d = 0; d < e->n_units; d++) {
        if (e->units[d].parent == (int32_t)u)
          w->electors -= e->units[d].electors;
      }
    }
    top_two(e, u, w);
    decide(e, u, w);
    bool recorded = e->forced[u] < 0 && un->by_record &&
                    (e->rule == TLY__RULE_LAW || !un->has_votes);
    if (un->not_counted) {
      w->winner = -1;
      w->tie = false;
      w->by_record = true;
    } else if (recorded) {
      from_record(e, u, w, ae);
    }
    if (!tly__add_i64(o->electors, w->electors, &o->electors)) {
      s = tly__fail(err, TLY_EOVERFLOW, "electors overflow");
      break;
    }
    int64_t undecided = 0;
    if (un->not_counted || recorded) {
      /* electors as recorded (none for a state not counted) */
    } else if (e->forced[u] >= 0) {
      ae[w->winner] = w->electors;
    } else if (to_npv) {
      w->winner = o->npv.national_winner;
      w->tie = false;
      ae[w->winner] = w->electors;
    } else if (prop && un->has_votes) {
      undecided = split(e, u, w->electors, ae, given, tied, &w->tie);
      w->winner = -1;
      for (size_t c = 0; c < e->n_cands; c++) {
        if (ae[c] == w->electors && w->electors > 0)
          w->winner = (int32_t)c;
      }
    } else if (w->winner >= 0) {
      ae[w->winner] = w->electors;
    } else {
      undecided = w->electors;
    }
    for (size_t c = 0; c < e->n_cands; c++)
      o->pledged[c] += ae[c];
    o->undecided += undecided;
    na++;
  }
  tly__free(a, given, (e->n_cands + 1) * sizeof *given);
  tly__free(a, tied, (e->n_cands + 1) * sizeof *tied);
  if (s != TLY_OK)
    goto fail;
  o->n_awards = na;
  /* Electoral votes as cast: pledged, less the recorded faithless electors
   * of a state where the candidate they were pledged to won them. */
  memcpy(o->cast, o->pledged, e->n_cands * sizeof *o->cast);
  for (size_t i = 0; i < e->n_cast; i++) {
    const tly_cast_record *r = &e->cast[i];
    if (r->unit < 0 || r->pledged < 0 || !tly_outcome_cast_applies(e, o, i))
      continue;
    o->cast[r->pledged] -= r->electors;
    if (r->not_counted)
      o->not_counted += r->electors;
    else if (r->cast >= 0)
      o->cast[r->cast] += r->electors;
    else
      o->abstained += r->electors;
  }
  /* 12th Amendment: a majority of the whole number of electors appointed
   * (floor(n/2) + 1), else the House chooses among the top three. */
  o->majority = o->electors / 2 + 1;
  o->winner = -1;
  if (e->two_votes) {
    tly__art2_count(o->cast, e->n_cands, o->electors, &o->winner, &o->vice,
                    o->top, 3, &o->n_top);
    *out = o;
    return TLY_OK;
  }
  for (size_t c = 0; c < e->n_cands; c++) {
    if (o->cast[c] >= o->majority)
      o->winner = (int32_t)c;
  }
  if (o->winner < 0) {
    for (int k = 0; k < 3; k++) {
      int32_t best = -1;
      for (size_t c = 0; c < e->n_cands; c++) {
        bool taken = false;
        for (size_t j = 0; j < o->n_top; j++)
          taken = taken || o->top[j] == (int32_t)c;
        if (taken || o->cast[c] == 0)
          continue;
        if (best < 0 || o->cast[c] > o->cast[best])
          best = (int32_t)c;
      }
      if (best >= 0)
        o->top[o->n_top++] = best;
    }
  }
  *out = o;
  return TLY_OK;
fail:
  tly_outcome_free(o);
  return s;
}

int64_t tly_outcome_electors(const tly_outcome *o) { return o->electors; }
int64_t tly_outcome_majority(const tly_outcome *o) { return o->majority; }
int32_t tly_outcome_winner(const tly_outcome *o) { return o->winner; }

size_t tly_outcome_contingent(const tly_outcome *o, int32_t top[3])
{
  for (size_t i = 0; i < o->n_top; i++)
    top[i] = o->top[i];
  return o->n_top;
}

int64_t tly_outcome_pledged(const tly_outcome *o, size_t c)
{
  return c < o->n_cands ? o->pledged[c] : 0;
}

int64_t tly_outcome_cast(const tly_outcome *o, size_t c)
{
  return c < o->n_cands ? o->cast[c] : 0;
}

int64_t tly_outcome_abstained(const tly_outcome *o) { return o->abstained; }
int64_t tly_outcome_undecided(const tly_outcome *o) { return o->undecided; }

int64_t tly_outcome_votes(const tly_outcome *o, size_t c)
{
  return c < o->n_cands ? o->votes[c] : 0;
}

int64_t tly_outcome_total_votes(const tly_outcome *o)
{
  return o->total_votes;
}

int64_t tly_outcome_not_counted(const tly_outcome *o)
{
  return o->not_counted;
}

int32_t tly_outcome_vice_president(const tly_outcome *o) { return o->vice; }
size_t tly_outcome_n_states(const tly_outcome *o) { return o->n_states; }
size_t tly_outcome_n_voted(const tly_outcome *o) { return o->n_voted; }

void tly_outcome_npv(const tly_outcome *o, tly_npv_info *out)
{
  *out = o->npv;
}

size_t tly_outcome_n_awards(const tly_outcome *o) { return o->n_awards; }

const tly_award *tly_outcome_award(const tly_outcome *o, size_t i)
{
  return i < o->n_awards ? &o->awards[i] : NULL;
}

int32_t tly_outcome_award_electors(const tly_outcome *o, size_t i, size_t c)
{
  if (i >= o->n_awards || c >= o->n_cands)
    return 0;
  return o->award_electors[i * o->n_cands + c];
}
