/*
 * test_process_amend.c -- src/amend.c: Article V's thresholds with the
 * quorum check (Missouri Pacific R. Co. v. Kansas, 248 U.S. 276 (1919)),
 * the acceptance cases and Cannon's Precedents vol. 8 §3503 (the
 * 17th Amendment passed the House 238-39 in 1912).
 */
#include "internal.h"

#include <criterion/criterion.h>

static tly_amend_result check(int64_t hy, int64_t hn, int64_t sy, int64_t sn,
                              int64_t rat, int64_t states)
{
  tly_amend_votes v = {.house_yeas = hy, .house_nays = hn,
                       .senate_yeas = sy, .senate_nays = sn,
                       .ratified = rat, .states = states};
  tly_amend_result r;
  tly_error err = {0};
  cr_assert_eq(tly_amend_check(&v, &r, &err), TLY_OK, "%s", err.msg);
  return r;
}

Test(process_amend, passes_290_67_38)
{
  tly_amend_result r = check(290, 145, 67, 33, 38, 0);
  cr_assert_eq(r.failed, TLY_AMEND_PASSES);
  cr_assert_eq(r.house.needed, 290);
  cr_assert_eq(r.house.quorum, 218);
  cr_assert_eq(r.senate.needed, 67);
  cr_assert_eq(r.senate.quorum, 51);
  cr_assert_eq(r.states_needed, 38);
}

/* Two-thirds of 434 present is 289.33 -> 290: 289 yeas fail by 1. */
Test(process_amend, fails_289_of_434)
{
  tly_amend_result r = check(289, 145, 67, 33, 38, 0);
  cr_assert_eq(r.failed, TLY_AMEND_HOUSE);
  cr_assert(r.house.quorum_met);
  cr_assert_eq(r.house.present, 434);
  cr_assert_eq(r.house.needed, 290);
  cr_assert_eq(r.house.short_by, 1);
}

/* 216 present is no quorum of 435 (218): 2 short, whatever the ratio. */
Test(process_amend, fails_without_quorum)
{
  tly_amend_result r = check(150, 66, 67, 33, 38, 0);
  cr_assert_eq(r.failed, TLY_AMEND_HOUSE);
  cr_assert(!r.house.quorum_met);
  cr_assert_eq(r.house.short_by, 2);
  cr_assert_eq(r.house.needed, 144); /* 150 would have been enough */
}

/* Cannon vol. 8 §3503: 238-39 was two-thirds of those voting. */
Test(process_amend, seventeenth_amendment_house)
{
  tly_amend_result r = check(238, 39, 67, 33, 38, 0);
  cr_assert(r.house.passes);
  cr_assert_eq(r.house.needed, 185);
}

/* Three-fourths recomputed: 37 of 50 fails by 1; 49 states need 37
 * (36.75); 13 states (1789) need 10 (9.75). */
Test(process_amend, states)
{
  tly_amend_result r = check(290, 145, 67, 33, 37, 0);
  cr_assert_eq(r.failed, TLY_AMEND_STATES);
  cr_assert_eq(r.states_short, 1);
  r = check(290, 145, 66, 32, 37, 49); /* Senate of 98 */
  cr_assert_eq(r.states_needed, 37);
  cr_assert_eq(r.senate.members, 98);
  cr_assert_eq(r.failed, TLY_AMEND_PASSES);
  r = check(50, 10, 20, 2, 10, 13);
  cr_assert_eq(r.states_needed, 10);
}

/* The Senate fails after the House passes; the first failing step wins. */
Test(process_amend, senate_step)
{
  tly_amend_result r = check(290, 145, 66, 34, 38, 0);
  cr_assert_eq(r.failed, TLY_AMEND_SENATE);
  cr_assert_eq(r.senate.short_by, 1);
  cr_assert_str_eq(tly_amend_step_name(r.failed), "senate");
}

Test(process_amend, errors)
{
  tly_amend_result r;
  tly_error err = {0};
  tly_amend_votes v = {.house_yeas = 300, .house_nays = 145,
                       .senate_yeas = 67, .senate_nays = 33, .ratified = 38};
  cr_assert_eq(tly_amend_check(&v, &r, &err), TLY_EINVAL);
  cr_assert_str_eq(err.msg, "house: 300 yeas + 145 nays exceed its 435 "
                            "members");
  v.house_yeas = -1;
  cr_assert_eq(tly_amend_check(&v, &r, &err), TLY_EINVAL);
  v.house_yeas = 290;
  v.ratified = 51;
  cr_assert_eq(tly_amend_check(&v, &r, &err), TLY_EINVAL);
}
