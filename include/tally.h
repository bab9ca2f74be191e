/*
 * tally.h -- the public API of libtally, the U.S. presidential election
 * system computed exactly: results, the Electoral College, what-ifs,
 * apportionment, analysis, forecasts and the processes around an election.
 *
 * THE OWNERSHIP RULE (nothing in this header breaks it): arguments are
 * borrowed; whatever a function returns through `**out` is new and owned by
 * the caller, freed with the matching `_free`; `const` pointers returned by
 * getters belong to the handle and stay valid until it is freed.
 *
 * Every function that can fail returns tly_status; detail goes into the
 * caller's tly_error (NULL allowed). On failure `*out` is NULL, inputs are
 * unchanged and nothing leaks. The library never prints, exits or reads the
 * clock or the environment; it is thread-safe on distinct handles.
 */
#ifndef TALLY_H
#define TALLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define TLY_API __attribute__((visibility("default")))
#else
#define TLY_API
#endif

#define TLY_VERSION_MAJOR 0
#define TLY_VERSION_MINOR 1
#define TLY_VERSION_PATCH 0

/* The library's version as "MAJOR.MINOR.PATCH"; a static string. */
TLY_API const char *tly_version(void);

/*==== Status codes ========================================================
 * Append-only: never renumber or reuse a code; a retired code stays as
 * TLY_EOBSOLETEnn. XX(name, value, description). */
#define TLY_STATUS_MAP(XX)                                                   \
  XX(OK, 0, "success")                                                       \
  XX(ENOMEM, 1, "out of memory")                                             \
  XX(EINVAL, 2, "invalid argument")                                          \
  XX(EPARSE, 3, "malformed input")                                           \
  XX(EOVERFLOW, 4, "arithmetic overflow")                                    \
  XX(ERANGE, 5, "value out of range")                                        \
  XX(EIO, 6, "input/output error")                                           \
  XX(ENOTFOUND, 7, "not found")                                              \
  XX(ENODATA, 8, "no data for that request")                                 \
  XX(EUNSUPPORTED, 9, "not supported for this input")

typedef enum tly_status {
#define TLY_XX(name, value, desc) TLY_##name = value,
  TLY_STATUS_MAP(TLY_XX)
#undef TLY_XX
} tly_status;

/* "TLY_EPARSE" for TLY_EPARSE; "TLY_UNKNOWN" for a value not in the map. */
TLY_API const char *tly_status_name(tly_status s);
/* "malformed input" for TLY_EPARSE; "unknown status" otherwise. */
TLY_API const char *tly_status_str(tly_status s);

/* Detail of a failure, filled by the library when the caller passes one.
 * `file` is the name the caller gave for the input (or empty); `line` and
 * `col` are 1-based positions in it, 0 when they do not apply. `msg` is
 * lower-case, without a final period, and quotes the offending value. */
typedef struct tly_error {
  tly_status status;
  char msg[256];
  char file[256];
  int64_t line;
  int64_t col;
} tly_error;

/* A caller-supplied allocator: realloc(ud, p, old, new) behaves like
 * realloc(p, new) when new > 0 and frees p (returning NULL) when new == 0.
 * `old` is the size p was allocated with (0 when p is NULL). A NULL
 * allocator pointer anywhere in this API means the C library's. */
typedef struct tly_allocator {
  void *(*realloc)(void *ud, void *p, size_t old_size, size_t new_size);
  void *ud;
} tly_allocator;

/* Output sink: writes n bytes at p; returns 0 on success, non-zero on
 * failure (the library then stops and returns TLY_EIO). */
typedef int (*tly_writer)(void *ud, const char *p, size_t n);

/*==== Numbers ==============================================================
 * Exact formatting of counts and shares; no floating point touches a count. */

/* Formats v with thousands separators ("65,853,581") into buf (at least 28
 * bytes); returns buf. */
TLY_API char *tly_format_count(int64_t v, char *buf, size_t size);

/* Formats 100 * num / den with `digits` decimals, rounded half to even at
 * the last printed digit, computed in exact integers ("61.73" for
 * 8753788/14181595, 2 digits). den <= 0 or num < 0 gives "-". Returns buf. */
TLY_API char *tly_format_percent(int64_t num, int64_t den, int digits,
                                 char *buf, size_t size);

/*==== Elections: results by unit and candidate ============================
 * An election is immutable once made: year, source, candidates (people, not
 * ballot lines), units (states, DC, and Maine/Nebraska congressional
 * districts) and an int64 vote count for every unit x candidate. What-ifs
 * make new elections from old ones (see the what-if section). */

typedef struct tly_election tly_election;

/* Where the counts come from. Every output names it. */
typedef enum tly_source {
  TLY_SOURCE_MEDSL = 0, /* MIT Election Data + Science Lab, 1976-2024 */
  TLY_SOURCE_FEC = 1,   /* FEC "Federal Elections" certified, 2004-2020 */
  TLY_SOURCE_FILE = 2   /* a file the caller loaded */
} tly_source;

/* A candidate: a person, whatever ballot lines carried them. */
typedef struct tly_candidate {
  const char *name;  /* display name, "Hillary Clinton" */
  const char *party; /* "Democratic", "Republican", ... or "" */
} tly_candidate;

/* A unit of the election: a state or DC (parent -1), or a congressional
 * district of Maine or Nebraska (parent = index of its state). A state's
 * `electors` is its whole slate (ME 4); a district's is 1. Where a state's
 * districts are units, its at-large electors are its slate minus theirs. */
typedef struct tly_unit {
  char code[8];            /* "CA", "DC", "ME-2" */
  int32_t parent;          /* index of the state for a district, else -1 */
  int32_t electors;        /* electors chosen by this unit (see above) */
  bool has_votes;          /* false: a district whose returns are missing */
  int32_t recorded_winner; /* !has_votes: winner per the electors as cast */
} tly_unit;

/* An elector who voted otherwise than pledged (faithless) or abstained. */
typedef struct tly_cast_record {
  int32_t unit;     /* the state whose elector it was */
  int32_t pledged;  /* candidate index the elector was pledged to */
  int32_t cast;     /* candidate index voted for; -1 = abstained */
  int32_t electors; /* how many electors did so */
} tly_cast_record;

/* Options for loading a file. */
typedef struct tly_load_opts {
  int year; /* the election to take from a multi-year file; 0 = the only */
} tly_load_opts;

/* The built-in elections' years, ascending, into years[0..cap); returns how
 * many there are (which may exceed cap). */
TLY_API size_t tly_builtin_years(int *years, size_t cap);

/* Makes the built-in election of `year` from `source`. TLY_ENODATA when the
 * source has no such year (FEC: 2004-2020). `a` may be NULL (libc). */
TLY_API tly_status tly_election_builtin(int year, tly_source source,
                                        const tly_allocator *a,
                                        tly_election **out, tly_error *err);

/* Loads an election from a CSV file in the MEDSL layout or tally's own
 * layout (README, "File formats"), detected from the header. Errors carry
 * FILE:LINE:COL. opts may be NULL. */
TLY_API tly_status tly_election_load(const char *path,
                                     const tly_load_opts *opts,
                                     const tly_allocator *a,
                                     tly_election **out, tly_error *err);

/* As tly_election_load, from len bytes in memory; `name` is used in error
 * locations. */
TLY_API tly_status tly_election_parse(const char *name, const char *data,
                                      size_t len, const tly_load_opts *opts,
                                      const tly_allocator *a,
                                      tly_election **out, tly_error *err);

/* Frees e; NULL is a no-op. */
TLY_API void tly_election_free(tly_election *e);

/* Makes an independent copy of e (what-ifs start from one). */
TLY_API tly_status tly_election_copy(const tly_election *e,
                                     tly_election **out, tly_error *err);

TLY_API int tly_election_year(const tly_election *e);
TLY_API tly_source tly_election_source(const tly_election *e);
/* "MEDSL", "FEC", or the loaded file's name. */
TLY_API const char *tly_election_source_name(const tly_election *e);
/* The census whose apportionment set this election's electors (2010 for
 * 2012-2020), or 0 when unknown (a file for a year without built-in data). */
TLY_API int tly_election_census(const tly_election *e);
/* Notes about the data a reader should see (e.g. "Nebraska's district
 * returns are missing; its districts are settled by the electors as
 * cast"), one per line; "" when none. */
TLY_API const char *tly_election_notes(const tly_election *e);

TLY_API size_t tly_election_n_candidates(const tly_election *e);
TLY_API const tly_candidate *tly_election_candidate(const tly_election *e,
                                                    size_t i);
/* The candidate matching `key`: a full name, a last name, a party name, or
 * "D"/"R" for the Democratic/Republican nominee (case-insensitive); -1 when
 * none or more than one match. */
TLY_API int32_t tly_election_find_candidate(const tly_election *e,
                                            const char *key);

TLY_API size_t tly_election_n_units(const tly_election *e);
TLY_API const tly_unit *tly_election_unit(const tly_election *e, size_t i);
/* Index of the unit with this code ("CA", "ME-2", case-insensitive), or -1. */
TLY_API int32_t tly_election_find_unit(const tly_election *e,
                                       const char *code);
/* Votes of candidate c in unit u (0 when !has_votes). */
TLY_API int64_t tly_election_votes(const tly_election *e, size_t u, size_t c);
/* All votes for the office in unit u (sum over candidates, checked). */
TLY_API int64_t tly_election_unit_total(const tly_election *e, size_t u);

TLY_API size_t tly_election_n_cast_records(const tly_election *e);
TLY_API const tly_cast_record *tly_election_cast_record(const tly_election *e,
                                                        size_t i);

/* The full name of a state from its postal code ("California"), or NULL. */
TLY_API const char *tly_state_name(const char *code);

/* Decides a tie in unit `code` for candidate `candidate` (a name, last
 * name, party or "D"/"R"), as state law would by lot: a new election in
 * *out. TLY_ENOTFOUND for an unknown unit or candidate. */
TLY_API tly_status tly_whatif_tie(const tly_election *in, const char *code,
                                  const char *candidate, tly_election **out,
                                  tly_error *err);

/*==== The Electoral College ===============================================
 * From an election to electors and a President: winner-take-all by
 * plurality; Maine (since 1972) and Nebraska (since 1992) by district (2
 * at-large + 1 per district); faithless electors as recorded; majority =
 * floor(electors appointed / 2) + 1; a tie in a unit is reported and its
 * electors unawarded unless decided; no majority means a contingent
 * election in the House among the top three. */

typedef struct tly_outcome tly_outcome;

/* A unit of the College as counted: "ME" here is Maine's 2 at-large
 * electors when its districts are counted apart, or its whole slate. */
typedef struct tly_award {
  char code[8];           /* "CA", "ME", "ME-2" */
  int32_t unit;           /* index of the election's unit */
  int32_t electors;       /* electors this award decides */
  int32_t winner;         /* candidate with all of them; -1 if split/tie */
  bool tie;               /* top two tied and not decided */
  bool by_record;         /* settled by the electors as cast (no returns) */
  int32_t first, second;  /* top two candidates by votes (-1 if none) */
  int64_t first_votes, second_votes, total_votes;
} tly_award;

/* Computes the College for e. TLY_EOVERFLOW if a sum overflows. */
TLY_API tly_status tly_college(const tly_election *e, tly_outcome **out,
                               tly_error *err);
TLY_API void tly_outcome_free(tly_outcome *o);

/* Electors appointed (awarded or tied) and the majority needed. */
TLY_API int64_t tly_outcome_electors(const tly_outcome *o);
TLY_API int64_t tly_outcome_majority(const tly_outcome *o);
/* The candidate with a majority of electoral votes cast, or -1. */
TLY_API int32_t tly_outcome_winner(const tly_outcome *o);
/* When no one has a majority: the (up to 3) candidates the House chooses
 * among, by electoral votes cast; returns how many, writing them to top. */
TLY_API size_t tly_outcome_contingent(const tly_outcome *o, int32_t top[3]);
/* Electors pledged to candidate c (won by the popular vote) and electoral
 * votes cast for c (after faithless electors). */
TLY_API int64_t tly_outcome_pledged(const tly_outcome *o, size_t c);
TLY_API int64_t tly_outcome_cast(const tly_outcome *o, size_t c);
/* Electoral votes not cast (abstentions) and electors left undecided by
 * ties. */
TLY_API int64_t tly_outcome_abstained(const tly_outcome *o);
TLY_API int64_t tly_outcome_undecided(const tly_outcome *o);
/* National popular vote of c (states and DC only) and of all candidates. */
TLY_API int64_t tly_outcome_votes(const tly_outcome *o, size_t c);
TLY_API int64_t tly_outcome_total_votes(const tly_outcome *o);

TLY_API size_t tly_outcome_n_awards(const tly_outcome *o);
TLY_API const tly_award *tly_outcome_award(const tly_outcome *o, size_t i);
/* Electors of award i pledged to candidate c (all of them for the winner
 * under winner-take-all; a share under a proportional rule). */
TLY_API int32_t tly_outcome_award_electors(const tly_outcome *o, size_t i,
                                           size_t c);

/*==== JSON ===================================================================
 * The JSON the CLI prints with --json and the server returns; keys sorted,
 * counts exact integers. */

/* Writes the result object of the foundation's JSON contract: year, source,
 * electors, majority, winner (name or null), contingent, candidates [{name,
 * party, votes, share, ev_pledged, ev_cast}], jurisdictions [{code,
 * electors, winner, votes: {name: count}}], notes. */
TLY_API tly_status tly_json_result(const tly_election *e,
                                   const tly_outcome *o, tly_writer w,
                                   void *ud, tly_error *err);


/*==== Apportionment =========================================================
 * The House of Representatives among the states (U.S. Const. art. I, sec. 2;
 * 2 U.S.C. 2a): Huntington-Hill, the method of law since 1941, with the
 * Census Bureau's priority list, and the methods of Webster, Jefferson,
 * Adams, Dean and Hamilton. Every comparison of priorities is exact integer
 * arithmetic; doubles appear only as display values. Electors = seats + 2;
 * DC has 3, and never more than the least populous state (23rd Amendment). */

typedef enum tly_method {
  TLY_METHOD_HUNTINGTON_HILL = 0, /* P = pop / sqrt(n(n+1)), law since 1941 */
  TLY_METHOD_WEBSTER = 1,         /* P = pop / (n + 1/2) */
  TLY_METHOD_JEFFERSON = 2,       /* P = pop / (n + 1) */
  TLY_METHOD_ADAMS = 3,           /* P = pop / n */
  TLY_METHOD_DEAN = 4,            /* P = pop / (2n(n+1)/(2n+1)) */
  TLY_METHOD_HAMILTON = 5         /* lower quotas, then largest remainders */
} tly_method;

/* The largest House and the largest state population accepted; they bound
 * the exact comparisons (pop < 2^40, n(n+1) < 2^34: products < 2^114). */
#define TLY_APPORTION_MAX_SEATS 100000
#define TLY_APPORTION_MAX_POP INT64_C(1099511627775) /* 2^40 - 1 */

/* The method named `name` ("huntington-hill", "webster", "jefferson",
 * "adams", "dean", "hamilton"; case-insensitive; "hh" also works) into
 * *out; TLY_ENOTFOUND naming the known methods otherwise. */
TLY_API tly_status tly_method_from_name(const char *name, tly_method *out,
                                        tly_error *err);
/* "huntington-hill" etc.; "unknown" for a value not in the enum. */
TLY_API const char *tly_method_name(tly_method m);

/* What to apportion. n_states populations (each 0..TLY_APPORTION_MAX_POP)
 * and codes (each up to 7 bytes; codes may be NULL), a House of `seats`
 * (1..TLY_APPORTION_MAX_SEATS) and a method. Unless allow_zero, every state
 * gets at least one seat (the Constitution's rule), so seats >= n_states;
 * with allow_zero the textbook Jefferson, Webster and Hamilton may give a
 * state none (Adams, Dean and Huntington-Hill always give one). */
typedef struct tly_apportion_input {
  size_t n_states;
  const char *const *codes;
  const int64_t *populations;
  int64_t seats;
  tly_method method;
  bool allow_zero;
} tly_apportion_input;

/* A seat awarded by priority: House seat number `seat` (1-based; the seats
 * every state gets first are 1..k and are not listed, as in the Census
 * Bureau's list, which starts at seat 51) went to input state `state` as
 * its n-th seat. `priority` is for display only (Hamilton: the remainder
 * of the state's quota, 0..1). */
typedef struct tly_priority_entry {
  int64_t seat;
  int32_t state;
  int64_t n;
  double priority;
} tly_priority_entry;

/* A state in line for the seat after the last one: it would win its n-th
 * seat with `priority` (display only). short_by is the smallest increase
 * of its population, all else equal, that would have put that priority
 * strictly above the last seat's (so that it would have won seat N), exact;
 * for the state that won seat N, above the last seat won by another state.
 * (At exactly equal priority the tie rule decides.) -1 when not defined:
 * Hamilton, whose quotas all move with any population, or no seat by
 * priority to beat. */
typedef struct tly_next_in_line {
  int32_t state;
  int64_t n;
  double priority;
  int64_t short_by;
} tly_next_in_line;

typedef struct tly_apportionment tly_apportionment;

/* Apportions in->seats seats among the states of `in` by in->method.
 * Ties of priority (or of remainder, for Hamilton) go to the state that
 * comes first in the input, and tly_apportionment_tied() says when such a
 * tie decided the last seat. Hamilton, when every state must get a seat:
 * a state whose quota is below 1 gets 1 and leaves the count, and the
 * quotas of the rest are recomputed on the seats and people that remain,
 * until every quota is at least 1. TLY_EINVAL (message says why) on a House
 * too small or too large, a population out of range, no states, a Hamilton
 * total of 0 people; TLY_ENOMEM. `a` may be NULL (libc). */
TLY_API tly_status tly_apportion(const tly_apportion_input *in,
                                 const tly_allocator *a,
                                 tly_apportionment **out, tly_error *err);
/* Frees r; NULL is a no-op. */
TLY_API void tly_apportionment_free(tly_apportionment *r);

TLY_API tly_method tly_apportionment_method(const tly_apportionment *r);
/* The House size. */
TLY_API int64_t tly_apportionment_house(const tly_apportionment *r);
TLY_API size_t tly_apportionment_n_states(const tly_apportionment *r);
/* State i's code as given ("" when the input had none). */
TLY_API const char *tly_apportionment_code(const tly_apportionment *r,
                                           size_t i);
TLY_API int64_t tly_apportionment_population(const tly_apportionment *r,
                                             size_t i);
TLY_API int64_t tly_apportionment_seats(const tly_apportionment *r,
                                        size_t i);
/* seats + 2. */
TLY_API int64_t tly_apportionment_electors(const tly_apportionment *r,
                                           size_t i);
/* DC's electors: min(3, the least populous state's electors). */
TLY_API int64_t tly_apportionment_dc_electors(const tly_apportionment *r);

/* The seats awarded by priority, in order (House seats k+1..N). */
TLY_API size_t tly_apportionment_n_priority(const tly_apportionment *r);
TLY_API const tly_priority_entry *
tly_apportionment_priority(const tly_apportionment *r, size_t k);
/* The last seat awarded by priority (seat N), or NULL when none was. */
TLY_API const tly_priority_entry *
tly_apportionment_last_seat(const tly_apportionment *r);
/* Every state that could win one more seat, by priority for it, highest
 * first (Hamilton: the states without a remainder seat, by remainder). */
TLY_API size_t tly_apportionment_n_next(const tly_apportionment *r);
TLY_API const tly_next_in_line *
tly_apportionment_next(const tly_apportionment *r, size_t k);
/* True when the last seat and the first state in line had equal
 * priorities (the input order decided it). */
TLY_API bool tly_apportionment_tied(const tly_apportionment *r);

/* One state's row of a census's apportionment (Census Bureau, Table 1). */
typedef struct tly_census_row {
  char code[8];       /* "CA" */
  int64_t resident;   /* resident population */
  int64_t overseas;   /* federal employees overseas and dependents; -1
                         when not counted (1980) */
  int64_t population; /* apportionment population = resident + overseas */
  int64_t seats;      /* seats apportioned by the Census Bureau */
} tly_census_row;

/* The built-in censuses (1970, 1980, ..., 2020), ascending, into
 * years[0..cap); returns how many there are (which may exceed cap). */
TLY_API size_t tly_census_years(int *years, size_t cap);

/* The 50 states' rows of the built-in census `census`, ordered by code,
 * into rows[0..cap); *n_rows is set to the number of rows (call with cap 0
 * to ask). TLY_ENODATA ("no built-in census 1960; have 1970-2020");
 * TLY_ERANGE when cap < *n_rows (rows then unspecified). */
TLY_API tly_status tly_census_builtin(int census, const tly_allocator *a,
                                      tly_census_row *rows, size_t cap,
                                      size_t *n_rows, tly_error *err);

/* Apportions `seats` seats (0 means 435) by method m among the states of
 * the built-in census except those in without[0..n_without) (postal codes,
 * case-insensitive; repeats allowed; "DC" is accepted and ignored here),
 * with at least one seat each. Errors as tly_census_builtin and
 * tly_apportion, and TLY_ENOTFOUND for a code that is not one of the
 * census's states ("XX" is not a state of the 2020 census). */
TLY_API tly_status tly_apportion_census(int census, int64_t seats,
                                        tly_method m,
                                        const char *const *without,
                                        size_t n_without,
                                        const tly_allocator *a,
                                        tly_apportionment **out,
                                        tly_error *err);

/* A state's (or DC's) place in the College after an apportionment. */
typedef struct tly_electors_row {
  char code[8];       /* "CA"; DC's row comes last */
  int64_t population; /* apportionment population; 0 for DC */
  int64_t seats;      /* House seats; 0 for DC */
  int64_t electors;   /* seats + 2; DC: min(3, least populous state's) */
} tly_electors_row;

/* For what-ifs: reapportions as tly_apportion_census and writes each
 * remaining state's row in census order, then DC's (unless "DC" is in
 * without), into rows[0..cap); *n_rows is the number of rows (at most 51).
 * TLY_ERANGE when cap is too small; other errors as tly_apportion_census. */
TLY_API tly_status tly_apportion_electors(int census, int64_t seats,
                                          tly_method m,
                                          const char *const *without,
                                          size_t n_without,
                                          const tly_allocator *a,
                                          tly_electors_row *rows, size_t cap,
                                          size_t *n_rows, tly_error *err);

/* Writes r as JSON (keys sorted, integers exact): {census (null when 0),
 * seats, method, tied, states: [{code, population, seats, electors}] with
 * DC last (population null, seats 0), last_seat: {seat, code, n, priority}
 * or null, next_in_line: the first n_next [{code, n, priority, short_by
 * (null when not defined)}], and with_priority: priority: [{seat, code, n,
 * priority}]}. */
TLY_API tly_status tly_json_apportionment(const tly_apportionment *r,
                                          int census, size_t n_next,
                                          bool with_priority, tly_writer w,
                                          void *ud, tly_error *err);

/* @@API-APPORTION@@ */

/* @@API-WHATIF@@ */

/* @@API-ANALYSIS@@ */

/* @@API-FORECAST@@ */

/*==== The processes around an election =====================================
 * A California initiative's signatures and deadlines, Article V, recount
 * triggers and BRAVO ballot-polling audits, by the rules as written. Facts,
 * formulas and sources: reference/process-facts.md; every rule that source
 * marks [U] (inferred) is a documented assumption here and in --help. */

/*---- Dates (proleptic Gregorian, no time zone) ----*/
typedef struct tly_date {
  int32_t year;
  int32_t month; /* 1..12 */
  int32_t day;   /* 1..31 */
} tly_date;

/* Parses "YYYY-MM-DD" (exactly; years 1900-2199) into *out. TLY_EPARSE
 * with a message quoting s when it is not a real date ("2017-02-30"). */
TLY_API tly_status tly_date_parse(const char *s, tly_date *out,
                                  tly_error *err);
/* Formats d as "YYYY-MM-DD" into buf (at least 11 bytes); returns buf. */
TLY_API char *tly_date_format(tly_date d, char *buf, size_t size);

/* Whether d is a California state holiday under Gov. Code §6700 as in
 * force that year, with the observed days of §6701 (a Sunday holiday's
 * Monday; a Saturday Veterans Day's Friday). Every Sunday is one. *name
 * (may be NULL) gets the holiday's name or NULL. TLY_EUNSUPPORTED outside
 * 2007-2035, the years whose lists are tabulated (Lunar New Year, a
 * holiday from 2023, follows the lunar calendar). */
TLY_API tly_status tly_ca_holiday(tly_date d, bool *holiday /* OUT */,
                                  const char **name /* OUT */,
                                  tly_error *err);

/*---- Initiative: signatures (Cal. Const. art. II §8(b)) ----*/
typedef enum tly_initiative_kind {
  TLY_INITIATIVE_STATUTE = 0,  /* 5 % of the last governor vote */
  TLY_INITIATIVE_AMENDMENT = 1 /* 8 % (also amendment and statute) */
} tly_initiative_kind;

/* The percentage for a kind: 5 or 8. */
TLY_API int tly_initiative_percent(tly_initiative_kind kind);

/* Signatures required: ceil(governor_votes * percent / 100) in exact
 * integers (the Secretary of State rounds up: 7,317,581 -> 365,880 and
 * 585,407). TLY_EINVAL when governor_votes < 1, TLY_EOVERFLOW. */
TLY_API tly_status tly_initiative_requirement(int64_t governor_votes,
                                              tly_initiative_kind kind,
                                              int64_t *required /* OUT */,
                                              tly_error *err);

/* The random sample a county must draw from `raw` signatures (Elections
 * Code §9030(d)): all of them up to 500, else the greater of 500 and 3 %,
 * rounded up (24,034 -> 722). TLY_EINVAL when raw < 0. */
TLY_API tly_status tly_initiative_sample_size(int64_t raw,
                                              int64_t *sample /* OUT */,
                                              tly_error *err);

/* One county's random-sample report. */
typedef struct tly_county_sample {
  const char *name; /* borrowed; used in error messages */
  int64_t raw;        /* R: signatures filed */
  int64_t sample;     /* n: signatures drawn and examined */
  int64_t valid;      /* s: valid signatures in the sample */
  int64_t duplicates; /* d: duplicates found in the sample */
} tly_county_sample;

/* The Secretary of State's projection for one county (Cal. Code Regs. tit.
 * 2 §§20530-20532), every step in exact integers. */
typedef struct tly_projection {
  int64_t min_sample;     /* the sample the law requires for raw */
  int64_t rate_bp;        /* r: s/n in hundredths of a percent (7147) */
  int64_t uncorrected;    /* V = ceil(R * r) */
  int64_t value_e4;       /* A = R/n to four decimals, times 10^4 */
  int64_t duplicates_est; /* C = ceil(d * A * (A - 1)) */
  int64_t projected_valid; /* V - C (never below 0) */
  bool examined_all;      /* sample == raw: a count, not a projection */
} tly_projection;

/* Projects c's valid signatures. TLY_EINVAL (naming the county) for a
 * negative count, sample > raw, valid > sample, valid + duplicates >
 * sample, or a sample smaller than the law requires; TLY_EOVERFLOW. */
TLY_API tly_status tly_initiative_project(const tly_county_sample *c,
                                          tly_projection *out /* OUT */,
                                          tly_error *err);

typedef enum tly_petition_decision {
  TLY_PETITION_QUALIFIES = 0, /* projected valid > 110 % of required */
  TLY_PETITION_FULL_COUNT = 1, /* 95 % <= projected <= 110 % */
  TLY_PETITION_FAILS = 2       /* < 95 %, or raw total < 100 % */
} tly_petition_decision;

/* "qualifies", "full_count" or "fails". */
TLY_API const char *tly_petition_decision_name(tly_petition_decision d);

typedef struct tly_petition_result {
  int64_t required;
  int64_t raw_total;       /* sum of the counties' raw counts */
  int64_t projected_valid; /* sum of the county projections */
  bool raw_short;          /* raw_total < required: fails at the raw count
                              (EC §9030(c)), before any sample */
  tly_petition_decision decision;
} tly_petition_result;

/* Projects each of the n counties (into proj[0..n) when proj is not
 * NULL), sums them (the statewide figure is the sum of the county
 * projections: an assumption, [U] in the facts) and decides: projected *
 * 100 > required * 110 qualifies; projected * 100 < required * 95 fails;
 * otherwise (both bounds included) a full count. Errors as
 * tly_initiative_project; TLY_EINVAL when required < 1 or n == 0. */
TLY_API tly_status tly_initiative_decide(int64_t required,
                                         const tly_county_sample *counties,
                                         size_t n,
                                         tly_projection *proj /* OUT */,
                                         tly_petition_result *out /* OUT */,
                                         tly_error *err);

/*---- Initiative: deadlines (EC §9014; Cal. Const. art. II §8) ----*/
typedef struct tly_initiative_dates {
  tly_date summary;              /* official summary date */
  tly_date day_180;              /* summary + 180 days */
  tly_date circulation_deadline; /* summary + 180 days, then the next
                                    business day (not Sat/Sun/holiday) */
  bool deadline_moved;           /* the 180th day was not a business day */
  tly_date no_filing_fails;      /* the 9th working day after the deadline:
                                    the measure fails then if no county
                                    reported signatures (SoS) */
  tly_date election;             /* the November general election */
  bool election_given;           /* false: tally chose it (see below) */
  tly_date qualify_by;           /* election - 131 days (art. II §8) */
  bool too_late;                 /* qualify_by precedes the deadline */
} tly_initiative_dates;

/* The deadlines of an initiative whose official summary date is `summary`.
 * `election` may be NULL: tally then takes the first statewide general
 * election (the Tuesday after the first Monday of November of an even
 * year) whose E-131 falls on or after the circulation deadline (an
 * assumption). TLY_EUNSUPPORTED when a date leaves the holiday table's
 * years; TLY_EINVAL when the election precedes the summary date. */
TLY_API tly_status tly_initiative_deadline(tly_date summary,
                                           const tly_date *election,
                                           tly_initiative_dates *out,
                                           tly_error *err);

/* JSON of the initiative subcommands (keys sorted, exact integers):
 * {governor_votes, percent, required}; {required, counties: [{name, raw,
 * sample, valid, duplicates, projected_valid}], projected_valid,
 * percent_of_required (a number, two decimals, half to even), decision};
 * {summary_date, circulation_deadline, qualify_by}. */
TLY_API tly_status tly_json_initiative_requirement(int64_t governor_votes,
                                                   tly_initiative_kind kind,
                                                   int64_t required,
                                                   tly_writer w, void *ud,
                                                   tly_error *err);
TLY_API tly_status tly_json_initiative_sample(
    const tly_petition_result *r, const tly_county_sample *counties,
    const tly_projection *proj, size_t n, tly_writer w, void *ud,
    tly_error *err);
TLY_API tly_status tly_json_initiative_deadline(const tly_initiative_dates *d,
                                                tly_writer w, void *ud,
                                                tly_error *err);

/*---- Article V: proposal by two-thirds of both Houses, ratification by
 * three-fourths of the states ----*/
typedef struct tly_amend_votes {
  int64_t house_yeas, house_nays;
  int64_t house_members;  /* 435 when 0 */
  int64_t senate_yeas, senate_nays;
  int64_t senate_members; /* 2 x states when 0 */
  int64_t ratified;       /* states ratifying */
  int64_t states;         /* 50 when 0 */
} tly_amend_votes;

/* One House's vote. Present = yeas + nays (members present but not voting
 * are not known: an assumption). */
typedef struct tly_chamber_vote {
  int64_t yeas, nays, present, members;
  int64_t quorum;   /* a majority of the members: floor(members/2) + 1 */
  int64_t needed;   /* two-thirds of those present and voting, rounded up */
  bool quorum_met;  /* present >= quorum */
  bool passes;      /* quorum_met && yeas >= needed */
  int64_t short_by; /* members short of a quorum, else yeas short of
                       two-thirds; 0 when it passes */
} tly_chamber_vote;

typedef enum tly_amend_step {
  TLY_AMEND_PASSES = 0,
  TLY_AMEND_HOUSE = 1,  /* first failing step */
  TLY_AMEND_SENATE = 2,
  TLY_AMEND_STATES = 3
} tly_amend_step;

typedef struct tly_amend_result {
  tly_chamber_vote house, senate;
  int64_t ratified, states;
  int64_t states_needed;  /* ceil(3 * states / 4): 38 of 50 */
  bool states_pass;
  int64_t states_short;   /* states short of three-fourths, else 0 */
  tly_amend_step failed;  /* the first step that fails, or PASSES */
} tly_amend_result;

/* Checks an amendment's path: two-thirds of members present and voting in
 * each House, a quorum (a majority of members) being present (Missouri
 * Pacific R. Co. v. Kansas, 248 U.S. 276 (1919)), then three-fourths of
 * the states. TLY_EINVAL for a negative count, more votes than members,
 * or more ratifications than states. */
TLY_API tly_status tly_amend_check(const tly_amend_votes *v,
                                   tly_amend_result *out /* OUT */,
                                   tly_error *err);
/* "passes", "house", "senate" or "states". */
TLY_API const char *tly_amend_step_name(tly_amend_step s);
/* {passes, failed_step, house: {yeas, nays, present, members, quorum,
 * needed, quorum_met, passes, short_by}, senate: {...}, states: {ratified,
 * states, needed, passes, short_by}}. */
TLY_API tly_status tly_json_amend(const tly_amend_result *r, tly_writer w,
                                  void *ud, tly_error *err);

/* A list of county sample reports read from CSV: a header naming the
 * columns name, raw, sample, valid, duplicates (any order), one county a
 * row. Every row is checked as tly_initiative_project checks it; errors
 * carry FILE:LINE:COL. Free with tly_county_list_free (NULL is a no-op). */
typedef struct tly_county_list tly_county_list;
TLY_API tly_status tly_county_list_load(const char *path,
                                        const tly_allocator *a,
                                        tly_county_list **out,
                                        tly_error *err);
TLY_API tly_status tly_county_list_parse(const char *name, const char *data,
                                         size_t len, const tly_allocator *a,
                                         tly_county_list **out,
                                         tly_error *err);
TLY_API void tly_county_list_free(tly_county_list *l);
TLY_API size_t tly_county_list_n(const tly_county_list *l);
/* The rows, n of them; names belong to the list. */
TLY_API const tly_county_sample *tly_county_list_rows(
    const tly_county_list *l);
/* The 1-based line of row i in its file. */
TLY_API int64_t tly_county_list_line(const tly_county_list *l, size_t i);

/* @@API-PROCESS@@ */

/* @@API-SVG@@ */

#ifdef __cplusplus
}
#endif
#endif /* TALLY_H */
