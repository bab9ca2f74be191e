/*
 * process.h -- what the process modules (initiative.c, amend.c, recount.c,
 * audit.c) share inside the library: civil-date arithmetic. Their JSON
 * goes through json.h's writer, like every module's.
 */
#ifndef TLY_PROCESS_H
#define TLY_PROCESS_H

#include "internal.h"
#include "json.h"

/* Days from 1970-01-01 to the proleptic Gregorian date y-m-d (negative
 * before), after H. Hinnant's days_from_civil. m in 1..12, d in 1..31. */
int64_t tly__days_from_civil(int64_t y, int m, int d);
/* The date `days` after 1970-01-01 (the inverse of the above). */
tly_date tly__civil_from_days(int64_t days);
/* Day of the week of a day number: 0 = Sunday ... 6 = Saturday. */
int tly__weekday(int64_t days);

#endif
