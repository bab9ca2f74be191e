/*
 * results.h -- the election data model inside the library: the private
 * layout of tly_election and the builder the loaders use to make one.
 */
#ifndef TLY_RESULTS_H
#define TLY_RESULTS_H

#include "internal.h"

/* Allocation rules of the College (what-ifs set them; see college.c). */
typedef enum tly__rule {
  TLY__RULE_LAW = 0, /* as in force: winner-take-all, ME/NE by district */
  TLY__RULE_WTA,     /* every state's whole slate to its plurality winner */
  TLY__RULE_DISTRICT,
  TLY__RULE_PROP_HAMILTON,
  TLY__RULE_PROP_DHONDT,
  TLY__RULE_PROP_WEBSTER,
  TLY__RULE_NPV
} tly__rule;

/* Electors of a by-record unit for one candidate (historical elections),
 * keyed by the unit's code so that what-ifs that drop units keep them. */
typedef struct tly__record {
  char code[8];
  int32_t cand;
  int32_t electors; /* before the 12th Amendment: votes, two per elector */
} tly__record;

/* A contingent election as recorded (see tly_contingent_record). */
typedef struct tly__contingent {
  char office[32], chamber[16], chosen[64], note[320];
  int32_t ballot;
} tly__contingent;

#define TLY__MAX_CONTINGENT 4

/* A state's House delegation set by a what-if (contingent.c). */
typedef struct tly__delegation {
  char code[8];
  tly_delegation d;
} tly__delegation;

#define TLY__MAX_DELEGATIONS 64
/* States redrawn by county (redraw.c): kept with the election so that its
 * outputs can name each new state's counties, population and seats. */
typedef struct tly__redraw_info tly__redraw_info;
/* A copy of r (NULL for NULL, or when out of memory: *ok false). */
tly__redraw_info *tly__redraw_info_copy(const tly_allocator *a,
                                        const tly__redraw_info *r, bool *ok);
void tly__redraw_info_free(const tly_allocator *a, tly__redraw_info *r);

struct tly_election {
  tly_allocator alloc;
  int year;
  tly_source source;
  char source_name[256];
  int census;
  char *notes; /* "" or lines ending in '\n' */
  size_t n_cands;
  tly_candidate *cands; /* names and parties owned (tly__strdup) */
  size_t n_units;
  tly_unit *units;
  int64_t *votes;  /* n_units x n_cands, row-major */
  int64_t *totals; /* per unit */
  size_t n_cast;
  tly_cast_record *cast;
  /* What-if state: all -1 / LAW in an election as loaded. */
  int32_t *forced;    /* per unit: candidate forced by --set, or -1 */
  int32_t *tie_break; /* per unit: candidate that wins a tie, or -1 */
  tly__rule rule;
  bool *npv_member;   /* per unit (NPV rule): a member of the compact */
  bool districts_apart; /* district units counted apart from the state
                           returns (district.c): a swing moves each unit
                           on its own count */
  /* Historical elections (history.c); all zero otherwise. */
  bool two_votes;          /* art. II before the 12th Amendment */
  size_t n_record;
  tly__record *record;     /* electors of by-record units */
  size_t n_contingent;
  tly__contingent contingent[TLY__MAX_CONTINGENT];
  tly_contingent_record contingent_pub[TLY__MAX_CONTINGENT];
  /* Delegations set by what-ifs (contingent.c); the rest from the data. */
  size_t n_delegations;
  tly__delegation delegations[TLY__MAX_DELEGATIONS];
  tly__redraw_info *redraw; /* NULL unless states were redrawn */
};

/* Sets the House delegation of unit `code` in e (replacing an earlier
 * one): what a what-if uses for a state whose delegation it changes, e.g.
 * TLY_DELEGATION_UNKNOWN for a state whose territory changed.
 * TLY_ERANGE when TLY__MAX_DELEGATIONS states are set already. */
tly_status tly__election_set_delegation(tly_election *e, const char *code,
                                        tly_delegation d, tly_error *err);

/* Points e->contingent_pub at e->contingent (after a copy). */
void tly__election_contingent_sync(tly_election *e);

/* The per-unit arrays of an election that a what-if adding, dropping or
 * reordering units (whatif.c, district.c, redraw.c) builds for its new
 * election: n rows, and by unit of the source election the row it went to
 * (map, -1 while none). */
typedef struct tly__rows {
  const tly_allocator *a;
  size_t n, nc, n_src;
  int32_t *map;
  tly_unit *units;
  int64_t *votes; /* n x nc */
  int64_t *totals;
  int32_t *forced, *tie_break;
  bool *npv;
} tly__rows;

/* Allocates n zeroed rows for a what-if of `in` (map all -1);
 * TLY_ENOMEM with nothing allocated. */
tly_status tly__rows_alloc(const tly_election *in, size_t n, tly__rows *r,
                           tly_error *err);
/* Copies unit u of `in` to row k: map[u] = k, and its parent to its
 * parent's row (a parent goes before its districts). */
void tly__rows_copy(tly__rows *r, const tly_election *in, size_t u,
                    size_t k);
/* Gives e the rows (freeing e's old arrays) and the faithless-elector
 * records of `in` whose unit has a row, moved to it (freeing e's);
 * *n_dropped (may be NULL) counts the others. r is freed either way;
 * TLY_ENOMEM leaves e as it was. */
tly_status tly__rows_install(tly__rows *r, tly_election *e,
                             const tly_election *in, size_t *n_dropped,
                             tly_error *err);
/* Frees the rows (after a failure; tly__rows_install frees them itself). */
void tly__rows_free(tly__rows *r);

/* Appends a line (printf-style) to e's notes: what a what-if did or
 * assumed (whatif.c, district.c, redraw.c). */
tly_status tly__election_note(tly_election *e, tly_error *err,
                              const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Whether candidate k is a ballot line rather than a person: Nevada's
 * "None of these candidates" (NRS 293.269), whose votes count in the
 * total and the shares but which elects no one, so it never wins a unit,
 * is never its runner-up, and takes no part in any split of electors. */
bool tly__cand_is_line(const tly_candidate *k);

/* Index of a state or DC postal code in the 51-entry table (alphabetical
 * by code), or -1. */
int tly__state_index(const char *code, size_t n);
/* Postal code of state table entry i (0..50). */
const char *tly__state_code(int i);
/* Whether code (n bytes) names a unit tally knows: a state, DC, or a
 * Maine/Nebraska district ME-1, ME-2, NE-1, NE-2, NE-3. */
bool tly__unit_code_valid(const char *code, size_t n);

/*---- Builder ----*/
typedef struct tly__builder tly__builder;

tly_status tly__builder_new(const tly_allocator *a, tly__builder **out,
                            tly_error *err);
void tly__builder_free(tly__builder *b);
/* Adds votes for candidate `name` (party) in unit `code`; repeated
 * (unit, name) pairs are summed with overflow checks. The party of the
 * first row with a non-empty party wins. */
tly_status tly__builder_add(tly__builder *b, const char *code,
                            const char *name, const char *party,
                            int64_t votes, tly_error *err);
/* Sets a unit's electors (a state's whole slate). */
tly_status tly__builder_electors(tly__builder *b, const char *code,
                                 int32_t electors, tly_error *err);
/* Declares a district unit without returns, settled by the record. */
tly_status tly__builder_record(tly__builder *b, const char *code,
                               const char *winner, tly_error *err);
/* Records electors of state `code` who voted for `cast` ("" = abstained)
 * though pledged to `pledged`. */
tly_status tly__builder_cast(tly__builder *b, const char *code,
                             const char *pledged, const char *cast,
                             int32_t electors, tly_error *err);
/* Declares candidate `name` (party) without votes, with `electors` toward
 * its order among candidates of equal votes (historical elections). */
tly_status tly__builder_candidate(tly__builder *b, const char *name,
                                  const char *party, int64_t electors,
                                  tly_error *err);
/* Marks unit `code` as decided by the record and/or not counted. */
tly_status tly__builder_unit_flags(tly__builder *b, const char *code,
                                   bool by_record, bool not_counted,
                                   tly_error *err);
/* Marks the last cast record as votes Congress did not count. */
void tly__builder_cast_not_counted(tly__builder *b);
/* Appends a line to the election's notes. */
tly_status tly__builder_note(tly__builder *b, const char *line,
                             tly_error *err);
/* Whether the builder has a unit with this code. */
bool tly__builder_has_unit(const tly__builder *b, const char *code);
/* Makes the election: units ordered by code with districts after their
 * state; candidates by national votes, descending. Every unit must have
 * electors (TLY_EINVAL naming it otherwise). The builder stays valid and
 * must still be freed. */
tly_status tly__builder_finish(tly__builder *b, int year, tly_source source,
                               const char *source_name, int census,
                               tly_election **out, tly_error *err);

/* Allocates an election with the same dimensions as e and copies it. */
tly_status tly__election_clone(const tly_election *e, tly_election **out,
                               tly_error *err);

#endif
