/*
 * history.h -- the historical elections inside the library (history.c):
 * the years the record holds and the loader tly_election_builtin calls.
 */
#ifndef TLY_HISTORY_H
#define TLY_HISTORY_H

#include "internal.h"

/* The years of the historical record (data/history_units.csv), ascending,
 * into years[0..cap); returns how many. */
size_t tly__history_years(int *years, size_t cap);
/* Whether the record holds an election in `year`. */
bool tly__history_has(int year);
/* The census that set the electors of the record's `year` into *census,
 * without loading the election (history.c). */
tly_status tly__history_census(const tly_allocator *a, int year, int *census,
                               tly_error *err);
/* "UCSB American Presidency Project" (to 1920) or the Clerk of the House. */
const char *tly__history_source_name(int year);
/* The election of `year` from the record (TLY_SOURCE_HISTORY). */
tly_status tly__history_load(int year, const tly_allocator *a,
                             tly_election **out, tly_error *err);

#endif
