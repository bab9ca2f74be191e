/*
 * recount.c -- statewide recount triggers for a presidential contest (there
 * is no national recount: each state recounts its own electors' race) and
 * which of them an election's margins met. The table is process-facts.md
 * §4.1-4.2 (NCSL, Ballotpedia, statutes, Politico 2016); each row cites its
 * source and carries the facts' mark: V verified, P partial, U inferred.
 */
#include "arith.h"
#include "process.h"
#include "results.h"

#include <string.h>

/*---- The trigger table ---------------------------------------------------
 * first_year..last_year are the years the sources attest a rule in force,
 * not its enactment: where a source gives no start year, first_year is the
 * year of the source that describes it ([U]: the rule may well be older;
 * `tally recount` names the rows it leaves out of an earlier year). A
 * denominator the sources do not name is taken as all votes for the office
 * [U]. Percentages are exact ratios: 0.5 % = 5/1000. */

#define NOW 9999 /* no known end */

#define PCT(n, d) .pct_num = (n), .pct_den = (d)
#define NO_VOTES .votes = -1

static const tly_recount_trigger triggers[] = {
    /* Ballotpedia, "Vote margins required for election recounts, 2020". */
    {.state = "AL", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOTAL, PCT(5, 1000), NO_VOTES,
     .first_year = 2020, .last_year = NOW,
     .rule = "margin <= 0.5 % of the votes cast for the office",
     .mark = "V",
     .source = "Ballotpedia, Vote margins required for election recounts, "
               "2020"},
    {.state = "AK", .label = "tie", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_NONE, .votes = 0, .first_year = 2020,
     .last_year = NOW, .rule = "a tie", .mark = "V",
     .source = "Ballotpedia, Vote margins required for election recounts, "
               "2020"},
    /* A.R.S. §16-661 before SB 1008 (2022): the lesser of 0.1 % of the
     * top two's votes and 200 votes for a statewide office. */
    {.state = "AZ", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOP_TWO, PCT(1, 1000), .votes = 200,
     .combine = TLY_COMBINE_LESSER, .first_year = 2020, .last_year = 2021,
     .rule = "margin <= the lesser of 0.1 % of the top two's votes and 200 "
             "votes (before SB 1008)",
     .mark = "V",
     .source = "Axios Phoenix 2022-11-02, New Arizona law means more "
               "recounts; KTAR 5345835"},
    {.state = "AZ", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOP_TWO, PCT(5, 1000), NO_VOTES,
     .first_year = 2022, .last_year = NOW,
     .rule = "margin <= 0.5 % of the top two's votes (SB 1008, 2022)",
     .mark = "V",
     .source = "Axios Phoenix 2022-11-02; KTAR 5345835"},
    {.state = "CO", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_WINNER, PCT(5, 1000), NO_VOTES,
     .first_year = 2020, .last_year = NOW,
     .rule = "margin <= 0.5 % of the winner's votes", .mark = "V",
     .source = "C.R.S. quoted at willrabbe.com; Ballotpedia 2020"},
    {.state = "CT", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOTAL, PCT(5, 1000), .pct_strict = true,
     .votes = 2000, .combine = TLY_COMBINE_LESSER, .first_year = 2020,
     .last_year = NOW,
     .rule = "margin < 0.5 % and not more than 2,000 votes", .mark = "P",
     .source = "Ballotpedia 2020 (truncated); Nexstar/NCSL list 2024"},
    {.state = "DE", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOTAL, PCT(5, 1000), .votes = 1000,
     .votes_strict = true, .combine = TLY_COMBINE_LESSER,
     .first_year = 2024, .last_year = NOW,
     .rule = "margin <= 0.5 % or < 1,000 votes, whichever is smaller",
     .mark = "P", .source = "Nexstar/NCSL list 2024"},
    {.state = "DC", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOTAL, PCT(1, 100), .pct_strict = true, NO_VOTES,
     .first_year = 2024, .last_year = NOW, .rule = "margin < 1 %",
     .mark = "P", .source = "Nexstar/NCSL list 2024"},
    /* Florida's 2000 machine recount ran under this rule: Bush led by
     * 1,784 votes, under 0.5 % (Wikipedia, "2000 United States
     * presidential election recount in Florida"). */
    {.state = "FL", .label = "machine recount",
     .kind = TLY_RECOUNT_AUTOMATIC, .base = TLY_BASE_TOTAL, PCT(5, 1000),
     NO_VOTES, .first_year = 2000, .last_year = NOW,
     .rule = "margin <= 0.5 % of the votes cast for the office",
     .mark = "V",
     .source = "Fla. Stat. §102.141 quoted at willrabbe.com; Politico "
               "2016; the 2000 recount"},
    {.state = "FL", .label = "manual review of over/undervotes",
     .kind = TLY_RECOUNT_AUTOMATIC, .base = TLY_BASE_TOTAL, PCT(25, 10000),
     NO_VOTES, .first_year = 2016, .last_year = NOW,
     .rule = "margin <= 0.25 % of the votes cast for the office, after "
             "the machine recount",
     .mark = "V",
     .source = "Politico 2016, Recount rules in battleground states"},
    {.state = "HI", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOTAL, PCT(25, 10000), .votes = 100,
     .combine = TLY_COMBINE_GREATER, .first_year = 2024, .last_year = NOW,
     .rule = "margin <= 100 votes or 0.25 %, whichever is larger",
     .mark = "P", .source = "Nexstar/NCSL list 2024"},
    {.state = "KY", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOTAL, PCT(5, 1000), NO_VOTES, .first_year = 2024,
     .last_year = NOW, .rule = "margin <= 0.5 %", .mark = "P",
     .source = "Nexstar/NCSL list 2024"},
    {.state = "MI", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_NONE, .votes = 2000, .first_year = 2016,
     .last_year = 2024,
     .rule = "margin <= 2,000 votes between the top two", .mark = "V",
     .source = "verifiedvoting.org/recountlaw/michigan; Politico 2016"},
    /* PA 74 of 2024 (SB 603), effective 2025. */
    {.state = "MI", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOP_TWO, PCT(5, 1000), NO_VOTES, .first_year = 2025,
     .last_year = NOW,
     .rule = "margin <= 0.5 % of the top two's votes (PA 74 of 2024)",
     .mark = "P",
     .source = "swingwatch recount.md; Senate Fiscal Agency analysis of "
               "SB 603 (2023-24)"},
    {.state = "MT", .label = "tie", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_NONE, .votes = 0, .first_year = 2024,
     .last_year = NOW, .rule = "a tie", .mark = "P",
     .source = "Nexstar/NCSL list 2024"},
    {.state = "NE", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_WINNER, PCT(1, 100), NO_VOTES, .first_year = 2020,
     .last_year = NOW,
     .rule = "margin <= 1 % of the winner's votes (more than 500 votes "
             "cast)",
     .mark = "V",
     .source = "CEIMN recount summary; Ballotpedia (mirror) Recount laws "
               "in Nebraska"},
    {.state = "NM", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOTAL, PCT(25, 10000), .pct_strict = true, NO_VOTES,
     .first_year = 2024, .last_year = NOW, .rule = "margin < 0.25 %",
     .mark = "P", .source = "Nexstar/NCSL list 2024"},
    {.state = "ND", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_WINNER, PCT(5, 1000), NO_VOTES, .first_year = 2024,
     .last_year = NOW,
     .rule = "margin <= 0.5 % of the highest vote for the office",
     .mark = "P", .source = "Nexstar/NCSL list 2024"},
    {.state = "OH", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOTAL, PCT(25, 10000), .pct_strict = true, NO_VOTES,
     .first_year = 2012, .last_year = NOW,
     .rule = "margin < 0.25 % of the total vote (statewide office)",
     .mark = "V",
     .source = "NCSL, Recount rules: the how-tos in battleground states "
               "(2012); willrabbe.com"},
    {.state = "OR", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOTAL, PCT(2, 1000), NO_VOTES, .first_year = 2024,
     .last_year = NOW,
     .rule = "a tie or margin <= 0.2 % of the total votes", .mark = "P",
     .source = "Nexstar/NCSL list 2024"},
    {.state = "PA", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOTAL, PCT(5, 1000), NO_VOTES, .first_year = 2016,
     .last_year = NOW,
     .rule = "margin <= 0.5 % of the votes for all candidates for the "
             "office",
     .mark = "V",
     .source = "Politico 2016, Recount rules in battleground states; "
               "swingwatch recount.md (25 P.S.)"},
    {.state = "SC", .label = "", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_TOTAL, PCT(1, 100), .pct_strict = true, NO_VOTES,
     .first_year = 2024, .last_year = NOW, .rule = "margin < 1 %",
     .mark = "P", .source = "Nexstar/NCSL list 2024"},
    {.state = "SD", .label = "tie", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_NONE, .votes = 0, .first_year = 2024,
     .last_year = NOW, .rule = "a tie", .mark = "P",
     .source = "Nexstar/NCSL list 2024"},
    {.state = "TX", .label = "tie", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_NONE, .votes = 0, .first_year = 2024,
     .last_year = NOW, .rule = "a tie", .mark = "P",
     .source = "Nexstar/NCSL list 2024"},
    {.state = "UT", .label = "tie", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_NONE, .votes = 0, .first_year = 2024,
     .last_year = NOW, .rule = "a tie", .mark = "P",
     .source = "Nexstar/NCSL list 2024"},
    {.state = "VT", .label = "tie", .kind = TLY_RECOUNT_AUTOMATIC,
     .base = TLY_BASE_NONE, .votes = 0, .first_year = 2024,
     .last_year = NOW, .rule = "a tie", .mark = "P",
     .source = "Nexstar/NCSL list 2024"},
    /* RCW 29A.64.021: both conditions. */
    {.state = "WA", .label = "machine recount",
     .kind = TLY_RECOUNT_AUTOMATIC, .base = TLY_BASE_TOP_TWO,
     PCT(5, 1000), .pct_strict = true, .votes = 2000, .votes_strict = true,
     .combine = TLY_COMBINE_LESSER, .first_year = 2020, .last_year = NOW,
     .rule = "margin < 2,000 votes and < 0.5 % of the top two's votes",
     .mark = "V", .source = "RCW 29A.64.021 (MRSC text)"},
    {.state = "WA", .label = "manual recount",
     .kind = TLY_RECOUNT_AUTOMATIC, .base = TLY_BASE_TOP_TWO,
     PCT(25, 10000), .pct_strict = true, .votes = 1000,
     .votes_strict = true, .combine = TLY_COMBINE_LESSER,
     .first_year = 2020, .last_year = NOW,
     .rule = "statewide: margin < 1,000 votes and < 0.25 % of the top "
             "two's votes",
     .mark = "V", .source = "RCW 29A.64.021 (MRSC text)"},
    /* Requested recounts (facts §4.2). */
    {.state = "GA", .label = "on request", .kind = TLY_RECOUNT_REQUESTED,
     .base = TLY_BASE_TOTAL, PCT(5, 1000), NO_VOTES, .first_year = 2020,
     .last_year = NOW,
     .rule = "a candidate may request one if margin <= 0.5 %", .mark = "V",
     .source = "WTSP recount-process explainer; swingwatch recount.md"},
    {.state = "NC", .label = "on request", .kind = TLY_RECOUNT_REQUESTED,
     .base = TLY_BASE_TOTAL, PCT(5, 1000), .votes = 10000,
     .combine = TLY_COMBINE_LESSER, .first_year = 2016, .last_year = NOW,
     .rule = "on request if margin <= 0.5 % or 10,000 votes, whichever is "
             "less",
     .mark = "V", .source = "Politico 2016; swingwatch recount.md"},
    {.state = "NV", .label = "on request", .kind = TLY_RECOUNT_REQUESTED,
     .base = TLY_BASE_NONE, NO_VOTES, .any_margin = true,
     .first_year = 2016, .last_year = NOW,
     .rule = "any defeated candidate may demand one, whatever the margin, "
             "and pays for it",
     .mark = "V", .source = "Politico 2016"},
    {.state = "VA", .label = "on request", .kind = TLY_RECOUNT_REQUESTED,
     .base = TLY_BASE_TOP_TWO, PCT(1, 100), NO_VOTES, .first_year = 2020,
     .last_year = NOW,
     .rule = "on request if margin <= 1 % of the top two's votes",
     .mark = "P", .source = "Va. Code quoted at willrabbe.com"},
    /* Stein petitioned from 4th place in 2016; 2017 Wisconsin Act 85
     * then limited petitions to candidates within 1 point. */
    {.state = "WI", .label = "on request", .kind = TLY_RECOUNT_REQUESTED,
     .base = TLY_BASE_NONE, NO_VOTES, .any_margin = true,
     .first_year = 2016, .last_year = 2016,
     .rule = "any candidate may petition, whatever the margin", .mark = "V",
     .source = "Governing (TNS), Walker signs recount bill, 2017; "
               "Milwaukee Journal Sentinel 2018-11-07"},
    {.state = "WI", .label = "free on request",
     .kind = TLY_RECOUNT_REQUESTED, .base = TLY_BASE_TOTAL, PCT(25, 10000),
     NO_VOTES, .first_year = 2016, .last_year = 2016,
     .rule = "the petitioner pays nothing if margin <= 0.25 %",
     .mark = "V",
     .source = "Governing (TNS) 2017; Seehafer News 2017-12-04"},
    {.state = "WI", .label = "on request", .kind = TLY_RECOUNT_REQUESTED,
     .base = TLY_BASE_TOTAL, PCT(1, 100), NO_VOTES, .first_year = 2018,
     .last_year = NOW,
     .rule = "only a candidate within 1 point of the winner may petition "
             "(2017 Wisconsin Act 85)",
     .mark = "V", .source = "Governing (TNS) 2017; Seehafer News "
                            "2017-12-04"},
};

#define N_TRIGGERS (sizeof triggers / sizeof triggers[0])

size_t tly_recount_n_triggers(void)
{
  return N_TRIGGERS;
}

const tly_recount_trigger *tly_recount_trigger_at(size_t i)
{
  return i < N_TRIGGERS ? &triggers[i] : NULL;
}

/* The largest margin m that meets t. A percentage part "m <= base * p"
 * gives floor(base * num / den); "m < base * p" gives ceil(base * num /
 * den) - 1 (the same as floor when not exact, one less when exact). A vote
 * part "m <= v" gives v, "m < v" gives v - 1. Both parts (LESSER) take the
 * smaller bound, either part (GREATER) the larger. base * num is exact
 * (checked) in int64. */
tly_status tly_recount_threshold(const tly_recount_trigger *t, int64_t total,
                                 int64_t first, int64_t second,
                                 int64_t *max_margin, tly_error *err)
{
  if (total < 0 || first < 0 || second < 0)
    return tly__fail(err, TLY_EINVAL, "votes must not be negative");
  if (t->any_margin) {
    *max_margin = INT64_MAX;
    return TLY_OK;
  }
  bool has_pct = t->pct_den > 0 && t->base != TLY_BASE_NONE;
  int64_t p = 0;
  if (has_pct) {
    int64_t base = total;
    if (t->base == TLY_BASE_WINNER)
      base = first;
    else if (t->base == TLY_BASE_TOP_TWO && !tly__add_i64(first, second,
                                                          &base))
      return tly__fail(err, TLY_EOVERFLOW, "top two votes overflow");
    int64_t prod;
    if (!tly__mul_i64(base, t->pct_num, &prod))
      return tly__fail(err, TLY_EOVERFLOW, "threshold overflows");
    p = t->pct_strict ? tly__ceildiv_i64(prod, t->pct_den) - 1
                      : prod / t->pct_den;
  }
  bool has_votes = t->votes >= 0;
  int64_t v = has_votes ? t->votes - (t->votes_strict ? 1 : 0) : 0;
  int64_t m;
  if (has_pct && has_votes)
    m = t->combine == TLY_COMBINE_GREATER ? (p > v ? p : v) : (p < v ? p : v);
  else if (has_pct)
    m = p;
  else
    m = v;
  *max_margin = m;
  return TLY_OK;
}

/* Whether candidate c is the aggregate of unnamed candidates ("Others",
 * made by the loaders) or a ballot line (Nevada's "None of these
 * candidates"): it is no candidate, so never first or second. */
static bool is_aggregate(const tly_candidate *c)
{
  return (strcmp(c->name, "Others") == 0 && c->party[0] == '\0') ||
         tly__cand_is_line(c);
}

tly_status tly_recount_check_election(const tly_election *e,
                                      const char *state,
                                      tly_recount_check *rows, size_t cap,
                                      size_t *n, tly_error *err)
{
  *n = 0;
  char st[3] = {0}; /* the state code in upper case */
  if (state != NULL) {
    size_t len = strlen(state);
    for (size_t i = 0; i < len && i < 2; i++)
      st[i] = (state[i] >= 'a' && state[i] <= 'z')
                  ? (char)(state[i] - 'a' + 'A')
                  : state[i];
    if (len != 2 || tly_state_name(st) == NULL)
      return tly__fail(err, TLY_ENOTFOUND, "\"%.20s\" is not a state code",
                       state);
  }
  int year = tly_election_year(e);
  size_t nc = tly_election_n_candidates(e);
  size_t k = 0;
  for (size_t i = 0; i < N_TRIGGERS; i++) {
    const tly_recount_trigger *t = &triggers[i];
    if (year < t->first_year || year > t->last_year)
      continue;
    if (state != NULL && strcmp(st, t->state) != 0)
      continue;
    int32_t u = tly_election_find_unit(e, t->state);
    if (u < 0 || !tly_election_unit(e, (size_t)u)->has_votes)
      continue;
    if (k == cap)
      return tly__fail(err, TLY_ERANGE, "more than %zu rows", cap);
    tly_recount_check r;
    memset(&r, 0, sizeof r);
    r.trigger = t;
    r.unit = u;
    r.first = -1;
    r.second = -1;
    for (size_t c = 0; c < nc; c++) {
      if (is_aggregate(tly_election_candidate(e, c)))
        continue;
      int64_t v = tly_election_votes(e, (size_t)u, c);
      if (r.first < 0 || v > r.first_votes) {
        r.second = r.first;
        r.second_votes = r.first_votes;
        r.first = (int32_t)c;
        r.first_votes = v;
      } else if (r.second < 0 || v > r.second_votes) {
        r.second = (int32_t)c;
        r.second_votes = v;
      }
    }
    r.total_votes = tly_election_unit_total(e, (size_t)u);
    r.margin = r.first_votes - r.second_votes; /* 0 <= margin <= first */
    tly_status s = tly_recount_threshold(t, r.total_votes, r.first_votes,
                                         r.second_votes, &r.threshold, err);
    if (s != TLY_OK)
      return s;
    r.met = r.margin <= r.threshold;
    rows[k++] = r;
  }
  *n = k;
  return TLY_OK;
}

static const char *base_name(tly_recount_base b)
{
  switch (b) {
  case TLY_BASE_NONE:
    return "none";
  case TLY_BASE_TOTAL:
    return "total";
  case TLY_BASE_TOP_TWO:
    return "top_two";
  case TLY_BASE_WINNER:
    return "winner";
  }
  return "none";
}

tly_status tly_json_recount(const tly_election *e,
                            const tly_recount_check *rows, size_t n,
                            tly_writer w, void *ud, tly_error *err)
{
  json_t *arr = json_array();
  for (size_t i = 0; arr != NULL && i < n; i++) {
    const tly_recount_check *r = &rows[i];
    const tly_recount_trigger *t = r->trigger;
    json_t *thr = t->any_margin ? json_null()
                                : json_integer((json_int_t)r->threshold);
    json_t *o = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:s?, s:s?, s:I, s:I, s:I, s:I, s:o, "
        "s:b, s:s, s:s}",
        "state", t->state, "kind",
        t->kind == TLY_RECOUNT_AUTOMATIC ? "automatic" : "requested",
        "label", t->label, "rule", t->rule, "base", base_name(t->base),
        "winner",
        r->first >= 0 ? tly_election_candidate(e, (size_t)r->first)->name
                      : NULL,
        "runner_up",
        r->second >= 0 ? tly_election_candidate(e, (size_t)r->second)->name
                       : NULL,
        "winner_votes", (json_int_t)r->first_votes, "runner_up_votes",
        (json_int_t)r->second_votes, "total_votes",
        (json_int_t)r->total_votes, "margin", (json_int_t)r->margin,
        "threshold", thr, "met", (int)r->met, "mark", t->mark, "source",
        t->source);
    if (o == NULL || json_array_append_new(arr, o) != 0) {
      json_decref(arr);
      arr = NULL;
    }
  }
  if (arr == NULL)
    return tly__json_write(NULL, w, ud, err);
  json_t *root = json_pack("{s:i, s:s, s:o}", "year", tly_election_year(e),
                           "source", tly_election_source_name(e), "recounts",
                           arr);
  return tly__json_write(root, w, ud, err);
}
