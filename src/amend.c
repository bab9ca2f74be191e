/*
 * amend.c -- Article V of the U.S. Constitution: an amendment proposed by
 * two-thirds of both Houses and ratified by three-fourths of the states.
 * "Two-thirds of both Houses" is two-thirds of the members present and
 * voting, a quorum being present (Missouri Pacific R. Co. v. Kansas, 248
 * U.S. 276 (1919); Cannon's Precedents vol. 8 §3503); a quorum is a
 * majority of the members (Art. I §5). Facts: process-facts.md §3.
 */
#include "arith.h"
#include "process.h"

#include <string.h>

/* Two-thirds of those present and voting, rounded up: yeas >= needed iff
 * 3 * yeas >= 2 * present (present = 434 -> 290, since 289 * 3 < 868).
 * A majority of the members: floor(members / 2) + 1 (435 -> 218). */
static tly_status chamber(const char *house, int64_t yeas, int64_t nays,
                          int64_t members, tly_chamber_vote *out,
                          tly_error *err)
{
  if (yeas < 0 || nays < 0)
    return tly__fail(err, TLY_EINVAL, "%s: votes must not be negative",
                     house);
  if (members < 1)
    return tly__fail(err, TLY_EINVAL, "%s: members %lld must be at least 1",
                     house, (long long)members);
  tly_chamber_vote c;
  memset(&c, 0, sizeof c);
  c.yeas = yeas;
  c.nays = nays;
  c.members = members;
  if (!tly__add_i64(yeas, nays, &c.present) || c.present > members)
    return tly__fail(err, TLY_EINVAL,
                     "%s: %lld yeas + %lld nays exceed its %lld members",
                     house, (long long)yeas, (long long)nays,
                     (long long)members);
  c.quorum = members / 2 + 1;
  c.needed = tly__ceildiv_i64(2 * c.present, 3); /* present <= members */
  c.quorum_met = c.present >= c.quorum;
  if (!c.quorum_met)
    c.short_by = c.quorum - c.present;
  else if (yeas < c.needed)
    c.short_by = c.needed - yeas;
  c.passes = c.quorum_met && yeas >= c.needed;
  *out = c;
  return TLY_OK;
}

tly_status tly_amend_check(const tly_amend_votes *v, tly_amend_result *out,
                           tly_error *err)
{
  tly_amend_result r;
  memset(&r, 0, sizeof r);
  r.states = v->states != 0 ? v->states : 50;
  /* INT64_MAX / 3 keeps 3 * states and 2 * members exact. */
  if (r.states < 1 || r.states > INT64_MAX / 4)
    return tly__fail(err, TLY_EINVAL, "states %lld must be at least 1",
                     (long long)v->states);
  int64_t house_n = v->house_members != 0 ? v->house_members : 435;
  int64_t senate_n = v->senate_members != 0 ? v->senate_members
                                            : 2 * r.states;
  if (house_n > INT64_MAX / 4 || senate_n > INT64_MAX / 4)
    return tly__fail(err, TLY_EINVAL, "too many members");
  tly_status s = chamber("house", v->house_yeas, v->house_nays, house_n,
                         &r.house, err);
  if (s == TLY_OK)
    s = chamber("senate", v->senate_yeas, v->senate_nays, senate_n,
                &r.senate, err);
  if (s != TLY_OK)
    return s;
  if (v->ratified < 0 || v->ratified > r.states)
    return tly__fail(err, TLY_EINVAL,
                     "ratified %lld must be between 0 and the %lld states",
                     (long long)v->ratified, (long long)r.states);
  r.ratified = v->ratified;
  /* Three-fourths of the states, rounded up: 50 -> 38 (37.5). */
  r.states_needed = tly__ceildiv_i64(3 * r.states, 4);
  r.states_pass = r.ratified >= r.states_needed;
  r.states_short = r.states_pass ? 0 : r.states_needed - r.ratified;
  if (!r.house.passes)
    r.failed = TLY_AMEND_HOUSE;
  else if (!r.senate.passes)
    r.failed = TLY_AMEND_SENATE;
  else if (!r.states_pass)
    r.failed = TLY_AMEND_STATES;
  else
    r.failed = TLY_AMEND_PASSES;
  *out = r;
  return TLY_OK;
}

const char *tly_amend_step_name(tly_amend_step s)
{
  switch (s) {
  case TLY_AMEND_PASSES:
    return "passes";
  case TLY_AMEND_HOUSE:
    return "house";
  case TLY_AMEND_SENATE:
    return "senate";
  case TLY_AMEND_STATES:
    return "states";
  }
  return "unknown";
}

static json_t *chamber_json(const tly_chamber_vote *c)
{
  return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:b, s:b, s:I}", "yeas",
                   (json_int_t)c->yeas, "nays", (json_int_t)c->nays,
                   "present", (json_int_t)c->present, "members",
                   (json_int_t)c->members, "quorum", (json_int_t)c->quorum,
                   "needed", (json_int_t)c->needed, "quorum_met",
                   (int)c->quorum_met, "passes", (int)c->passes, "short_by",
                   (json_int_t)c->short_by);
}

tly_status tly_json_amend(const tly_amend_result *r, tly_writer w, void *ud,
                          tly_error *err)
{
  json_t *o = json_pack(
      "{s:b, s:s?, s:o, s:o, s:{s:I, s:I, s:I, s:b, s:I}}", "passes",
      (int)(r->failed == TLY_AMEND_PASSES), "failed_step",
      r->failed == TLY_AMEND_PASSES ? NULL : tly_amend_step_name(r->failed),
      "house", chamber_json(&r->house), "senate", chamber_json(&r->senate),
      "states", "ratified", (json_int_t)r->ratified, "states",
      (json_int_t)r->states, "needed", (json_int_t)r->states_needed,
      "passes", (int)r->states_pass, "short_by",
      (json_int_t)r->states_short);
  return tly__json_write(o, w, ud, err);
}
