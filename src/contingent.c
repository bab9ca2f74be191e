/*
 * contingent.c -- the contingent election decided: U.S. Const. amend. XII
 * (the House chooses the President among the three highest, one vote per
 * state, a majority of the states; the Senate the Vice President between
 * the two highest, a majority of the whole number of senators) and amend.
 * XX §§ 1, 3 (the Congress seated after the election votes; without a
 * President chosen, the Vice President-elect acts as President). The
 * delegations are data/congress.csv; the running mates running_mates.csv.
 */
#include "results.h"

#include "csv.h"
#include "json.h"
#include "scan.h"

#include <stdio.h>
#include <string.h>

#define MAX_FIELD 256
#define MAX_FIELDS 16

/*==== Delegations set by what-ifs ==========================================*/

tly_status tly__election_set_delegation(tly_election *e, const char *code,
                                        tly_delegation d, tly_error *err)
{
  for (size_t i = 0; i < e->n_delegations; i++) {
    if (strcmp(e->delegations[i].code, code) == 0) {
      e->delegations[i].d = d;
      return TLY_OK;
    }
  }
  if (e->n_delegations == TLY__MAX_DELEGATIONS)
    return tly__fail(err, TLY_ERANGE, "delegation: at most %d states",
                     TLY__MAX_DELEGATIONS);
  tly__delegation *x = &e->delegations[e->n_delegations++];
  memset(x, 0, sizeof *x);
  snprintf(x->code, sizeof x->code, "%s", code);
  x->d = d;
  return TLY_OK;
}

/* Whether a what-if (--admit DC) made DC a state, with a delegation. */
static bool dc_admitted(const tly_election *e)
{
  for (size_t k = 0; k < tly_election_n_redrawn(e); k++)
    if (tly_election_redrawn(e, k)->admitted &&
        strcmp(tly_election_redrawn(e, k)->code, "DC") == 0)
      return true;
  return false;
}

tly_status tly_whatif_delegation(const tly_election *in, const char *code,
                                 tly_delegation d, tly_election **out,
                                 tly_error *err)
{
  *out = NULL;
  int32_t u = tly_election_find_unit(in, code);
  if (u >= 0 && in->units[u].parent >= 0)
    return tly__fail(err, TLY_EINVAL,
                     "delegation: \"%s\" is a district: a state votes whole "
                     "in the House",
                     code);
  if (u >= 0 && strcmp(in->units[u].code, "DC") == 0 && !dc_admitted(in))
    return tly__fail(err, TLY_EINVAL,
                     "delegation: DC has no delegation in the House");
  if (u < 0 && tly__state_index(code, strlen(code)) >= 0)
    return tly__fail(err, TLY_ENOTFOUND,
                     "delegation: %s is not in this election",
                     tly_state_name(code));
  if (u < 0)
    return tly__fail(err, TLY_ENOTFOUND,
                     "delegation: unknown state \"%.16s\"", code);
  tly_election *e = NULL;
  tly_status s = tly__election_clone(in, &e, err);
  if (s == TLY_OK)
    s = tly__election_set_delegation(e, in->units[u].code, d, err);
  if (s != TLY_OK) {
    tly_election_free(e);
    return s;
  }
  *out = e;
  return TLY_OK;
}

/*==== The built-in tables ==================================================*/

static bool field_int(const tly__csv_field *f, int64_t *v)
{
  return tly__scan_i64(f->p, f->n, 0, 1000000, v) == TLY_OK;
}

static bool field_is(const tly__csv_field *f, const char *s)
{
  return f->n == strlen(s) && memcmp(f->p, s, f->n) == 0;
}

/* The delegations and senators of the Congress seated after the election
 * of e->year into c->states (for the states of e; others left as they
 * are), and c->congress. TLY_ENODATA when the table has no such year. */
static tly_status read_congress(const tly_election *e, tly_contingent *c,
                                bool *found, tly_error *err)
{
  static const char *const cols[] = {
      "election", "congress", "state",    "house_r",     "house_d",
      "house_other", "senate_r", "senate_d", "senate_other"};
  int idx[9];
  tly__table t;
  tly_status s = tly__table_open(&e->alloc, "congress.csv", MAX_FIELD,
                                 MAX_FIELDS, cols, 9, &t, idx, err);
  bool any = false;
  while (s == TLY_OK) {
    bool eof = false;
    size_t n = 0;
    s = tly__csv_next(t.c, &t.f, &n, &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t v[9];
    if (n != t.width) {
      s = tly__fail(err, TLY_EPARSE, "built-in congress.csv is malformed");
      break;
    }
    bool ok = field_int(&t.f[idx[0]], &v[0]);
    if (ok && v[0] != e->year)
      continue;
    for (int k = 1; k < 9 && ok; k++)
      ok = k == 2 || field_int(&t.f[idx[k]], &v[k]);
    if (!ok) {
      s = tly__fail(err, TLY_EPARSE, "built-in congress.csv is malformed");
      break;
    }
    any = true;
    c->congress = (int)v[1];
    c->convened = e->year + 1;
    for (size_t i = 0; i < c->n_states; i++) {
      tly_house_state *h = &c->states[i];
      if (!field_is(&t.f[idx[2]], h->code))
        continue;
      found[i] = true;
      h->house_r = (int32_t)v[3];
      h->house_d = (int32_t)v[4];
      h->house_other = (int32_t)v[5];
      if (!h->given) {
        if (v[3] > v[4] + v[5])
          h->delegation = TLY_DELEGATION_R;
        else if (v[4] > v[3] + v[5])
          h->delegation = TLY_DELEGATION_D;
        else
          h->delegation = TLY_DELEGATION_SPLIT;
      }
      c->senate_r += v[6];
      c->senate_d += v[7];
      c->senate_other += v[8];
    }
  }
  tly__csv_free(t.c);
  if (s == TLY_OK && !any)
    s = tly__fail(err, TLY_ENODATA,
                  "no House delegations are built in for %d (only for the "
                  "elections 1976-2024)",
                  e->year);
  return s;
}

/* The running mate of candidate `cand` in e->year into buf ("" when the
 * table has none). */
static tly_status read_running_mate(const tly_election *e, int32_t cand,
                                    char *buf, size_t size, tly_error *err)
{
  static const char *const cols[] = {"year", "candidate", "running_mate"};
  int idx[3];
  tly__table t;
  buf[0] = '\0';
  tly_status s = tly__table_open(&e->alloc, "running_mates.csv", MAX_FIELD,
                                 MAX_FIELDS, cols, 3, &t, idx, err);
  const char *name = e->cands[cand].name;
  while (s == TLY_OK) {
    bool eof = false;
    size_t n = 0;
    s = tly__csv_next(t.c, &t.f, &n, &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t y;
    if (n != t.width || !field_int(&t.f[idx[0]], &y)) {
      s = tly__fail(err, TLY_EPARSE,
                    "built-in running_mates.csv is malformed");
      break;
    }
    const tly__csv_field *m = &t.f[idx[2]];
    if (y == e->year && field_is(&t.f[idx[1]], name)) {
      snprintf(buf, size, "%.*s", (int)(m->n < size ? m->n : size - 1),
               m->p);
      break;
    }
  }
  tly__csv_free(t.c);
  return s;
}

/*==== The decision =========================================================*/

/* The candidate a delegation (or senator) of party d votes for: its
 * party's nominee when among top[0..n); -1 otherwise (*elsewhere set when
 * the party has a nominee who is not among them). */
static int32_t party_vote(const tly_election *e, tly_delegation d,
                          const int32_t *top, size_t n, bool *elsewhere)
{
  *elsewhere = false;
  if (d != TLY_DELEGATION_R && d != TLY_DELEGATION_D)
    return -1;
  int32_t nominee = tly_election_find_candidate(e, d == TLY_DELEGATION_R
                                                       ? "R"
                                                       : "D");
  if (nominee < 0)
    return -1;
  for (size_t i = 0; i < n; i++) {
    if (top[i] == nominee)
      return nominee;
  }
  *elsewhere = true;
  return -1;
}

tly_status tly_contingent_decide(const tly_election *e, const tly_outcome *o,
                                 tly_contingent *out, tly_error *err)
{
  memset(out, 0, sizeof *out);
  out->president = -1;
  out->vice_president = -1;
  if (tly_outcome_winner(o) >= 0)
    return tly__fail(err, TLY_EINVAL,
                     "no contingent election: %s has a majority of the "
                     "electors",
                     e->cands[tly_outcome_winner(o)].name);
  if (e->two_votes)
    return tly__fail(err, TLY_ENODATA,
                     "%d was counted by two votes per elector: the House's "
                     "choice is the record's",
                     e->year);
  out->n_top = tly_outcome_contingent(o, out->top);
  /* The states of the election, DC aside (23rd Amendment: electors only)
   * unless a what-if admitted it as a state. */
  bool dc_state = dc_admitted(e);
  for (size_t u = 0; u < e->n_units; u++) {
    const tly_unit *un = &e->units[u];
    if (un->parent >= 0 || (strcmp(un->code, "DC") == 0 && !dc_state))
      continue;
    if (out->n_states == TLY_HOUSE_MAX_STATES)
      return tly__fail(err, TLY_ERANGE,
                       "more than %d states: too many for the House's vote",
                       TLY_HOUSE_MAX_STATES);
    tly_house_state *h = &out->states[out->n_states++];
    memcpy(h->code, un->code, sizeof h->code);
    h->house_r = h->house_d = h->house_other = -1;
    h->vote = -1;
    for (size_t i = 0; i < e->n_delegations; i++) {
      if (strcmp(e->delegations[i].code, h->code) == 0) {
        h->delegation = e->delegations[i].d;
        h->given = true;
      }
    }
  }
  bool found[TLY_HOUSE_MAX_STATES] = {false};
  tly_status s = read_congress(e, out, found, err);
  if (s != TLY_OK)
    return s;
  /* A state the data does not have (a new state) votes only when given,
   * and its senators are not known. A state a redraw changed (its
   * territory, hence its districts: tly_election_redrawn) has an unknown
   * delegation too unless given, and keeps its senators as seated (they
   * are elected statewide and the state goes on). */
  for (size_t i = 0; i < out->n_states; i++) {
    tly_house_state *h = &out->states[i];
    if (!found[i])
      out->senate_unknown += 2;
    if (h->given && h->delegation == TLY_DELEGATION_UNKNOWN)
      h->given = false; /* unknown is not a choice someone made */
    bool changed = false;
    for (size_t k = 0; k < tly_election_n_redrawn(e) && !changed; k++)
      changed = strcmp(tly_election_redrawn(e, k)->code, h->code) == 0;
    if ((!found[i] || changed) && !h->given)
      h->delegation = TLY_DELEGATION_UNKNOWN;
    bool elsewhere;
    h->vote = party_vote(e, h->delegation, out->top, out->n_top, &elsewhere);
    if (h->vote >= 0) {
      for (size_t k = 0; k < out->n_top; k++)
        out->state_votes[k] += out->top[k] == h->vote;
    } else if (elsewhere) {
      out->n_elsewhere++;
    } else if (h->delegation == TLY_DELEGATION_UNKNOWN) {
      out->n_unknown++;
    } else {
      out->n_split++;
    }
  }
  /* A majority of the states: floor(n / 2) + 1 (26 of 50). */
  out->states_needed = (int64_t)(out->n_states / 2 + 1);
  for (size_t k = 0; k < out->n_top; k++) {
    if (out->state_votes[k] >= out->states_needed)
      out->president = out->top[k];
  }
  /* The Senate: the two highest tickets; every senator of a party votes
   * for its nominee's running mate when that ticket is one of the two. A
   * majority of the whole number of senators (two per state). */
  out->n_vp = out->n_top < 2 ? out->n_top : 2;
  for (size_t k = 0; k < out->n_vp; k++) {
    out->vp_ticket[k] = out->top[k];
    s = read_running_mate(e, out->top[k], out->vp_name[k],
                          sizeof out->vp_name[k], err);
    if (s != TLY_OK)
      return s;
  }
  out->senators = 2 * (int64_t)out->n_states;
  out->senate_needed = out->senators / 2 + 1;
  for (int p = 0; p < 2; p++) {
    tly_delegation d = p == 0 ? TLY_DELEGATION_R : TLY_DELEGATION_D;
    bool elsewhere;
    int32_t c = party_vote(e, d, out->vp_ticket, out->n_vp, &elsewhere);
    for (size_t k = 0; k < out->n_vp && c >= 0; k++) {
      if (out->vp_ticket[k] == c && out->vp_name[k][0] != '\0')
        out->senate_votes[k] += p == 0 ? out->senate_r : out->senate_d;
    }
  }
  for (size_t k = 0; k < out->n_vp; k++) {
    if (out->senate_votes[k] >= out->senate_needed)
      out->vice_president = (int32_t)k;
  }
  return TLY_OK;
}

/*==== JSON =================================================================*/

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

static const char *delegation_name(tly_delegation d)
{
  switch (d) {
  case TLY_DELEGATION_R:
    return "R";
  case TLY_DELEGATION_D:
    return "D";
  case TLY_DELEGATION_SPLIT:
    return "split";
  default:
    return "unknown";
  }
}

json_t *tly__json_contingent(const tly_election *e, const tly_outcome *o,
                             bool *ok)
{
  tly_contingent c;
  tly_status s = tly_contingent_decide(e, o, &c, NULL);
  if (s == TLY_ENODATA || s == TLY_EINVAL)
    return json_null();
  if (s != TLY_OK) {
    *ok = false;
    return NULL;
  }
  json_t *root = json_object();
  json_t *house = json_object();
  json_t *votes = json_object();
  json_t *dels = json_object();
  json_t *senate = json_object();
  json_t *seated = json_object();
  json_t *vp = json_array();
  if (root == NULL || house == NULL || votes == NULL || dels == NULL ||
      senate == NULL || seated == NULL || vp == NULL) {
    json_decref(root);
    json_decref(house);
    json_decref(votes);
    json_decref(dels);
    json_decref(senate);
    json_decref(seated);
    json_decref(vp);
    *ok = false;
    return NULL;
  }
  put(root, "congress", json_integer(c.congress), ok);
  put(root, "convened", json_integer(c.convened), ok);
  put(house, "states", json_integer((json_int_t)c.n_states), ok);
  put(house, "needed", json_integer(c.states_needed), ok);
  for (size_t k = 0; k < c.n_top; k++)
    put(votes, e->cands[c.top[k]].name, json_integer(c.state_votes[k]), ok);
  put(house, "votes", votes, ok);
  for (size_t i = 0; i < c.n_states; i++) {
    const tly_house_state *h = &c.states[i];
    json_t *x = json_object();
    if (x == NULL) {
      *ok = false;
      break;
    }
    put(x, "delegation", json_string(delegation_name(h->delegation)), ok);
    put(x, "given", json_boolean(h->given), ok);
    put(x, "vote", h->vote >= 0 ? json_string(e->cands[h->vote].name)
                                : json_null(),
        ok);
    put(dels, h->code, x, ok);
  }
  put(house, "delegations", dels, ok);
  put(house, "no_vote_split", json_integer((json_int_t)c.n_split), ok);
  put(house, "no_vote_unknown", json_integer((json_int_t)c.n_unknown), ok);
  put(house, "no_vote_nominee_not_among",
      json_integer((json_int_t)c.n_elsewhere), ok);
  put(house, "chosen",
      c.president >= 0 ? json_string(e->cands[c.president].name)
                       : json_null(),
      ok);
  put(root, "house", house, ok);
  put(seated, "R", json_integer(c.senate_r), ok);
  put(seated, "D", json_integer(c.senate_d), ok);
  put(seated, "other", json_integer(c.senate_other), ok);
  put(seated, "unknown", json_integer(c.senate_unknown), ok);
  put(senate, "seated", seated, ok);
  put(senate, "senators", json_integer(c.senators), ok);
  put(senate, "needed", json_integer(c.senate_needed), ok);
  for (size_t k = 0; k < c.n_vp; k++) {
    json_t *x = json_object();
    if (x == NULL) {
      *ok = false;
      break;
    }
    put(x, "ticket", json_string(e->cands[c.vp_ticket[k]].name), ok);
    put(x, "running_mate",
        c.vp_name[k][0] ? json_string(c.vp_name[k]) : json_null(), ok);
    put(x, "votes", json_integer(c.senate_votes[k]), ok);
    push(vp, x, ok);
  }
  put(senate, "candidates", vp, ok);
  const char *chosen =
      c.vice_president >= 0 ? c.vp_name[c.vice_president] : NULL;
  put(senate, "chosen", chosen ? json_string(chosen) : json_null(), ok);
  put(root, "senate", senate, ok);
  put(root, "acting_president",
      c.president < 0 && chosen ? json_string(chosen) : json_null(), ok);
  return root;
}
