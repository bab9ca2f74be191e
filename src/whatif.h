/*
 * whatif.h -- internal helpers of the what-if transforms (whatif.c), shared
 * with the unit tests: the exact rounding kernel of the uniform swing.
 */
#ifndef TLY_WHATIF_H
#define TLY_WHATIF_H

#include "internal.h"

/* round-half-even(p / q) for q > 0, exact: floor(p / q) (toward minus
 * infinity, unlike C's truncating `/`), plus one when the remainder is
 * more than half of q, or exactly half and the floor is odd. Callers keep
 * |p| < 2^126. */
__int128 tly__round_half_even(__int128 p, __int128 q);

/* The votes moved from R to D in a unit with d and r votes by a swing of
 * num/den points: round-half-even(num * (d + r) / (200 * den)), capped to
 * [-d, r] so that no count goes negative. d, r >= 0; den > 0; |num| <=
 * 100 * den <= 10^17 (so the product stays below 2^126). */
int64_t tly__swing_moved(int64_t d, int64_t r, int64_t num, int64_t den);

/* A copy of `in` whose states (and DC) have the electors of er[0..n_er)
 * (every state and DC of `in` needs a row, matched by code), with the note
 * saying that a House of `seats` (0: 435) was reapportioned by m on
 * `census` among n_states states. A state with districts (ME, NE) whose
 * seats fall below its districts loses them (the whole slate is chosen
 * statewide); more seats than districts are counted at large. Errors:
 * TLY_EINVAL for a state without a row, TLY_ENOMEM. */
tly_status tly__whatif_set_electors(const tly_election *in,
                                    const tly_electors_row *er, size_t n_er,
                                    int census, int64_t seats, tly_method m,
                                    size_t n_states, tly_election **out,
                                    tly_error *err);

/*---- redraw.c ----*/

/* Checks the text of redraw option `key` (without with county FIPS codes,
 * split, move, merge, admit) for its form alone: TLY_EINVAL with one line
 * saying what is wrong. The states and counties it names are checked when
 * it is applied. */
tly_status tly__redraw_check(const char *key, const char *text,
                             tly_error *err);
/* The JSON array of e's redrawn states: [{code, name, from, census,
 * resident, overseas, population, seats, electors, admitted, counties
 * [FIPS...]}]; NULL when out of memory. */
struct json_t *tly__redraw_json(const tly_election *e);
/* Whether o asks for any redraw. */
bool tly__redraw_asked(const tly_whatif_opts *o);
/* Applies o's redraw (counties leaving, then split, move, merge, admit, in
 * the order given within each) to in, and then its electors: with
 * o->reapportion the House is reapportioned among all states as they now
 * stand; otherwise each redrawn state's seats are shared among its parts.
 * A new election in *out; TLY_EINVAL/TLY_ENOTFOUND with one line for a
 * bad county, part or code; TLY_ENODATA without county results or
 * populations for the year or census. */
tly_status tly__redraw_apply(const tly_election *in,
                             const tly_whatif_opts *o, tly_election **out,
                             tly_error *err);

#endif
