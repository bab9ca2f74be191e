/*
 * district.h -- the district method in every state (district.c): the
 * units it needs, from the built-in results by congressional district.
 */
#ifndef TLY_DISTRICT_H
#define TLY_DISTRICT_H

#include "results.h"

/* A copy of `in` in which every state of more than one House seat has its
 * congressional districts as units (1 elector each; the state keeps 2 at
 * large): from the built-in district results of in's year (The Downballot,
 * 2008-2024) where it has none, and filling a Maine or Nebraska district
 * that has no returns. A state's districts inherit its forced candidate
 * and compact membership. In's own district units (Maine's and Nebraska's
 * returns) are kept. Adds a note naming the source (and, for 2016 and
 * 2020, that the counts are approximate). When every such state has
 * districts with returns already, the copy is plain. TLY_EUNSUPPORTED for
 * a year without district results, a historical election, or a state
 * whose electors are not its districts + 2 (a reapportioned House);
 * TLY_ENOTFOUND without a Democratic or Republican nominee; TLY_ENOMEM.
 * On failure *out is NULL. */
tly_status tly__district_units(const tly_election *in, tly_election **out,
                               tly_error *err);

/* Why the district method and a reapportioned House do not go together,
 * after the key name "rule " (one message for the library, the CLI and
 * the API). */
extern const char tly__district_reapportion_msg[];

#endif
