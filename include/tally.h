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
  XX(EUNSUPPORTED, 9, "not supported for this input")                       \
  XX(ECANCELED, 10, "cancelled by the caller")                               \
  XX(ELIMIT, 11, "over a limit the caller set")

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
 * allocator pointer anywhere in this API means the C library's. A call
 * that runs on several threads (a county or precinct file read with
 * tly_load_opts.threads other than 1) calls it from them at once: it must
 * then be thread-safe, as the C library's is. */
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
  TLY_SOURCE_FILE = 2,  /* a file the caller loaded */
  TLY_SOURCE_HISTORY = 3 /* the historical record, 1789-1972: electoral
                            votes and popular votes from UCSB's American
                            Presidency Project (to 1920) and the Clerk of
                            the House (from 1924); see data/README.md */
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
  bool has_votes;          /* false: a district whose returns are missing,
                              or a state without a popular vote */
  int32_t recorded_winner; /* !has_votes: winner per the electors as cast */
  bool by_record;          /* historical: the electors are as the record
                              has them, not decided by the popular vote
                              (a legislature chose them, or the slate was
                              split: districts, unpledged electors) */
  bool not_counted;        /* historical: voted, but Congress counted none
                              of its electoral votes (1872 AR, LA) */
} tly_unit;

/* An elector who voted otherwise than pledged (faithless) or abstained. */
typedef struct tly_cast_record {
  int32_t unit;     /* the state whose elector it was */
  int32_t pledged;  /* candidate index the elector was pledged to */
  int32_t cast;     /* candidate index voted for; -1 = abstained */
  int32_t electors; /* how many electors did so */
  bool not_counted; /* Congress did not count these votes (1872: three
                       Georgia votes for Greeley, who had died) */
} tly_cast_record;

/* Options for loading a file. */
typedef struct tly_load_opts {
  int year; /* the election to take from a multi-year file; 0 = the only
               (required for a MEDSL precinct file, which has no year) */
  int threads; /* MEDSL county and precinct files: parser threads, 0 = 2 */
  /* Called after each block of a MEDSL county or precinct file (from the
   * calling thread) with the bytes of the file read so far and its size
   * (0 when unknown); NULL for none. */
  void (*progress)(void *ud, int64_t done, int64_t size);
  void *progress_ud;
} tly_load_opts;

/* The built-in elections' years, ascending, into years[0..cap); returns how
 * many there are (which may exceed cap): every election 1789-2024. */
TLY_API size_t tly_builtin_years(int *years, size_t cap);
/* The default source of a built-in year: TLY_SOURCE_MEDSL where MEDSL has
 * it (1976-2024), TLY_SOURCE_HISTORY before. */
TLY_API tly_source tly_builtin_source(int year);
/* Whether `source` has the built-in year `year`. */
TLY_API bool tly_builtin_has(int year, tly_source source);
/* What the built-in data has for one election year. */
typedef struct tly_year_info {
  int year;
  int census;   /* the census whose apportionment set its electors */
  bool has[4];  /* by tly_source: has[TLY_SOURCE_MEDSL], has[TLY_SOURCE_FEC],
                   has[TLY_SOURCE_HISTORY] (has[TLY_SOURCE_FILE] is false) */
} tly_year_info;

/* The built-in sources of `year` and its census, as the loader has them
 * (tly_election_builtin). TLY_ENODATA when no source has the year. */
TLY_API tly_status tly_builtin_year_info(int year, const tly_allocator *a,
                                         tly_year_info *out, tly_error *err);

/* Writes every built-in year as a JSON array, one object a line:
 * [{"census": 2010, "sources": ["medsl", "fec"], "year": 2016}, ...]
 * (census 0 for 1789: the Constitution's own allocation; sources among
 * "medsl", "fec", "history"), for `tally years --json` and /api/years. */
TLY_API tly_status tly_json_years(const tly_allocator *a, tly_writer w,
                                  void *ud, tly_error *err);

/* Makes the built-in election of `year` from `source`. TLY_ENODATA when the
 * source has no such year (FEC: 2004-2020; MEDSL 1976-2024; HISTORY
 * 1789-1972). `a` may be NULL (libc). */
TLY_API tly_status tly_election_builtin(int year, tly_source source,
                                        const tly_allocator *a,
                                        tly_election **out, tly_error *err);

/* Loads an election from a CSV file in the MEDSL layout or tally's own
 * layout (README, "File formats"), detected from the header; MEDSL county
 * and precinct files (plain or gzip, from a path or "-") are read as a
 * stream in parallel and aggregated by the mode rule (tly_areas_load).
 * Errors carry FILE:LINE:COL. opts may be NULL. `path` "-" reads standard
 * input (named "<stdin>" in messages). A file in the other layouts larger
 * than 256 MiB is refused (TLY_ERANGE) before more than that is read. */
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
/* The candidate matching `key` (case-insensitive): a full name; else
 * "D"/"R" for the Democratic/Republican nominee, a party name or a last
 * name, each meaning the matching candidate with the most votes nationally
 * ("Harris" in 2024: Kamala Harris, not Sharon E Harris); -1 when none
 * matches. */
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
/* Whether faithless-elector record i of e (tly_election_cast_record) is
 * counted in o: false when a what-if (a forced state, a swing, another
 * rule) gave the state's electors pledged to that candidate to someone
 * else, so the recorded votes of those electors no longer happen; false
 * for i out of range. e must be the election o was computed from. */
TLY_API bool tly_outcome_cast_applies(const tly_election *e,
                                      const tly_outcome *o, size_t i);
/* Electoral votes not cast (abstentions) and electors left undecided by
 * ties. */
TLY_API int64_t tly_outcome_abstained(const tly_outcome *o);
TLY_API int64_t tly_outcome_undecided(const tly_outcome *o);
/* National popular vote of c (states and DC only) and of all candidates. */
TLY_API int64_t tly_outcome_votes(const tly_outcome *o, size_t c);
TLY_API int64_t tly_outcome_total_votes(const tly_outcome *o);
/* Electoral votes cast but not counted by Congress (1872: 3). */
TLY_API int64_t tly_outcome_not_counted(const tly_outcome *o);
/* Before the 12th Amendment (1789-1800): the runner-up, who became Vice
 * President, when the President was chosen by the electors; else -1. */
TLY_API int32_t tly_outcome_vice_president(const tly_outcome *o);
/* States (and DC) whose electoral votes were counted, and how many of
 * them had a popular vote in the national count (the national popular
 * vote is the sum over the states that voted). */
TLY_API size_t tly_outcome_n_states(const tly_outcome *o);
TLY_API size_t tly_outcome_n_voted(const tly_outcome *o);

TLY_API size_t tly_outcome_n_awards(const tly_outcome *o);
TLY_API const tly_award *tly_outcome_award(const tly_outcome *o, size_t i);
/* Electors of award i pledged to candidate c (all of them for the winner
 * under winner-take-all; a share under a proportional rule). */
TLY_API int32_t tly_outcome_award_electors(const tly_outcome *o, size_t i,
                                           size_t c);

/*==== The contingent election, decided =====================================
 * When no candidate has a majority of the electors appointed, the House
 * chooses the President among the three highest, one vote per state
 * delegation, a majority of the states needed; the Senate the Vice
 * President between the two highest, a majority of the whole Senate (12th
 * Amendment). Since the 20th Amendment the Congress seated after the
 * election votes: the delegations are those at its convening
 * (data/congress.csv, elections 1976-2024). A delegation votes for the
 * nominee of its majority party (more members than all the others); a tied
 * or split one casts no vote; DC has no delegation. The running mates are
 * data/running_mates.csv: each elector is taken to vote for the running
 * mate of the ticket voted for, so the Vice-Presidential list is the
 * Presidential one's. If no one has a majority of the states, the House
 * votes again, and meanwhile the Vice President-elect acts as President
 * (20th Amendment, section 3). */

typedef enum tly_delegation {
  TLY_DELEGATION_UNKNOWN = 0, /* not in the data, nor given */
  TLY_DELEGATION_R = 1,       /* a Republican majority */
  TLY_DELEGATION_D = 2,       /* a Democratic majority */
  TLY_DELEGATION_SPLIT = 3    /* tied, or no party with a majority */
} tly_delegation;

#define TLY_HOUSE_MAX_STATES 64

/* One state's delegation in the House's vote. */
typedef struct tly_house_state {
  char code[8];
  tly_delegation delegation;
  bool given;      /* set by a what-if (--delegation), not from the data */
  int32_t house_r, house_d, house_other; /* members at convening; -1 when
                                            not from the data */
  int32_t vote;    /* candidate the state votes for; -1: no vote */
} tly_house_state;

/* The House's and the Senate's votes, as computed. */
typedef struct tly_contingent {
  int congress;            /* 117 */
  int convened;            /* the year it convened, 2021 */
  size_t n_top;            /* the House chooses among top[0..n_top) */
  int32_t top[3];
  int64_t state_votes[3];  /* states voting for top[i] */
  size_t n_states;         /* states (delegations) in the election */
  int64_t states_needed;   /* n_states / 2 + 1 */
  size_t n_split;          /* tied or split: no vote */
  size_t n_unknown;        /* delegation unknown: no vote */
  size_t n_elsewhere;      /* majority party's nominee not among top */
  int32_t president;       /* chosen by the House; -1 when no majority */
  tly_house_state states[TLY_HOUSE_MAX_STATES]; /* in the election's order */
  /* The Senate between the two highest tickets. */
  size_t n_vp;
  int32_t vp_ticket[2];    /* the candidate whose running mate it is */
  char vp_name[2][64];     /* "" when the data has no running mate */
  int64_t senate_votes[2];
  int64_t senators;        /* the whole Senate: two per state */
  int64_t senate_r, senate_d, senate_other, senate_unknown; /* seated at
                              convening (unknown: states not in the data) */
  int64_t senate_needed;   /* senators / 2 + 1 */
  int32_t vice_president;  /* 0 or 1 (vp_*[i]); -1 when no majority */
} tly_contingent;

/* Decides the contingent election of e (o = tly_college(e)) into *out.
 * TLY_EINVAL when o has a winner (nothing to decide); TLY_ENODATA when no
 * delegations are built in for e's year (before 1976, or after 2024) or
 * e is counted by two votes per elector; TLY_ERANGE for more than
 * TLY_HOUSE_MAX_STATES states. */
TLY_API tly_status tly_contingent_decide(const tly_election *e,
                                         const tly_outcome *o,
                                         tly_contingent *out,
                                         tly_error *err);

/* Sets the delegation of state `code` of `in` (a what-if: --delegation
 * ST=R|D|split) into a new election. TLY_ENOTFOUND when the state is not
 * in the election; TLY_EINVAL for DC (no delegation) or a district. */
TLY_API tly_status tly_whatif_delegation(const tly_election *in,
                                         const char *code, tly_delegation d,
                                         tly_election **out, tly_error *err);

/*==== History: every election 1789-2024 and the rules as they stood ========
 * Built-in years before 1976 come from the historical record
 * (TLY_SOURCE_HISTORY). Each is counted by the rule of its time: before
 * the 12th Amendment (1789-1800) every elector cast two undistinguished
 * votes, the candidate with the most, if a majority of the electors, became
 * President and the runner-up Vice President (a tie, or no majority, went
 * to the House); from 1804 separate votes, a majority of the electors, else
 * the House among the top three. The electors counted are those who voted
 * (the record gives votes cast, not electors appointed). */

/* Whether e is counted by the original rule of art. II (two votes per
 * elector, 1789-1800). */
TLY_API bool tly_election_two_votes(const tly_election *e);
/* The rule in force in `year`, in words ("art. II: two votes per elector",
 * "12th Amendment", "12th and 23rd Amendments (DC votes)"); static. */
TLY_API const char *tly_rule_of_year(int year);

/* A contingent election as the record has it (House or Senate Journal). */
typedef struct tly_contingent_record {
  const char *office;  /* "President", "Vice President" */
  const char *chamber; /* "House", "Senate" */
  const char *chosen;  /* the person chosen */
  int32_t ballot;      /* the ballot that decided it (1 = the first) */
  const char *note;    /* the record in words */
} tly_contingent_record;

TLY_API size_t tly_election_n_contingent_records(const tly_election *e);
TLY_API const tly_contingent_record *
tly_election_contingent_record(const tly_election *e, size_t i);

/* One election of the record, as tally counts it. */
typedef struct tly_history_row {
  int year;
  char source[64];       /* the source's name, as tly_election_source_name */
  char rule[64];         /* tly_rule_of_year */
  char president[64];    /* who became President (the College's majority,
                            or the House's choice as recorded) */
  bool by_house;         /* the House chose the President */
  int64_t president_ev;  /* electoral votes cast for the President */
  char runner_up[64];    /* the most electoral votes among the others */
  int64_t runner_up_ev;
  int64_t electors;      /* electors counted (voting) */
  int64_t majority;
  size_t n_states;       /* states (and DC) whose electors were counted */
  size_t n_voted;        /* of them, with a popular vote */
  int64_t total_votes;   /* national popular vote (the states that voted) */
  char pv_leader[64];    /* most popular votes; "" without a popular vote */
  int64_t pv_leader_votes;
  int64_t pv_margin;     /* the leader's votes minus the second's */
  bool pv_leader_lost;   /* the popular-vote leader did not become
                            President */
} tly_history_row;

typedef struct tly_history tly_history;

/* Every built-in election from `from` to `to` (inclusive; 0 = no bound),
 * each from its default source (tly_builtin_source) counted by
 * tly_college. TLY_ENODATA when no election is in the range. */
TLY_API tly_status tly_history_compute(int from, int to,
                                       const tly_allocator *a,
                                       tly_history **out, tly_error *err);
TLY_API void tly_history_free(tly_history *h);
TLY_API size_t tly_history_n_rows(const tly_history *h);
TLY_API const tly_history_row *tly_history_row_at(const tly_history *h,
                                                  size_t i);
/* How 1960 is counted, in words (Alabama's convention). */
TLY_API const char *tly_history_1960_note(void);
/* The same with the margins under both conventions, computed from the
 * data, when 1960 is in h; "" otherwise. */
TLY_API const char *tly_history_note_1960(const tly_history *h);
/* Where the historical record (Clerk of the House) differs from MEDSL, the
 * source used for 1976-2020: one note per such year in h ("2020: the Clerk
 * of the House's record differs from MEDSL (the source used) in 5 states:
 * GA Donald Trump 2,461,837 (MEDSL 2,461,854), ..."), in year order; the
 * i-th, or NULL past the end. */
TLY_API size_t tly_history_n_checks(const tly_history *h);
TLY_API const char *tly_history_check(const tly_history *h, size_t i);
/* [{year, source, rule, president, by_house, president_ev, runner_up,
 * runner_up_ev, electors, majority, states, states_voted, total_votes,
 * pv_leader (null without a popular vote), pv_leader_votes, pv_margin,
 * pv_leader_lost}] inside {elections, notes}; notes: the 1960 note, then
 * the differences from the record (tly_history_check). */
TLY_API tly_status tly_json_history(const tly_history *h, tly_writer w,
                                    void *ud, tly_error *err);

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
  int64_t dc_population; /* DC's, for its electors (23rd Amendment);
                            0: unknown, DC counts as entitled to 1 seat */
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
/* DC's electors (23rd Amendment): those it would have as a state (its
 * seats in the same apportionment with DC among the states, + 2; 3 when
 * its population is unknown), but no more than the least populous
 * state's electors. */
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

/*---- The record: every census's apportionment, 1790-2020 ----*/

/* What the record says of one census's apportionment. */
typedef struct tly_census_record {
  int census;
  int64_t seats;      /* the House apportioned: the states' seats summed */
  size_t n_states;    /* the states in the census's column of the table */
  tly_method method;  /* the apportionment act's method: Jefferson
                         1790-1830, Webster 1840, 1910 and 1930, Hamilton
                         (Vinton) 1850-1900, Huntington-Hill from 1940 */
  bool resident_base; /* the populations are resident counts, not the
                         apportionment base of the time (1790-1930) */
  const char *source; /* names the table (static storage) */
} tly_census_record;

/* Every census with an apportionment of record (1790, 1800, ..., 1910,
 * 1930, ..., 2020: none after 1920), ascending, into years[0..cap);
 * returns how many there are (which may exceed cap). */
TLY_API size_t tly_census_record_years(int *years, size_t cap);

/* The states of census `census` as apportioned, ordered by code, into
 * rows[0..cap) (population: the resident count before 1970, overseas -1;
 * from 1970 the rows of tly_census_builtin) and what the record says in
 * *info; *n_rows is the number of rows (info->seats is set only when they
 * fit). TLY_ENODATA for a year without an apportionment ("no
 * apportionment after the 1920 census ..."), TLY_ERANGE when cap <
 * *n_rows. */
TLY_API tly_status tly_census_record_rows(int census, const tly_allocator *a,
                                          tly_census_record *info,
                                          tly_census_row *rows, size_t cap,
                                          size_t *n_rows, tly_error *err);

/* Recomputes census `census`'s apportionment by method m from its built-in
 * population (before 1970 the resident count: see tly_census_record_note)
 * with a House of `seats` (0: the House of record), the states in
 * without[0..n_without) left out, at least one seat each. From 1970 it is
 * tly_apportion_census. Errors as tly_census_record_rows and
 * tly_apportion; TLY_ENOTFOUND for a code not among the census's states.
 * DC's electors of the result mean nothing before the 1960 census. */
TLY_API tly_status tly_apportion_record(int census, int64_t seats,
                                        tly_method m,
                                        const char *const *without,
                                        size_t n_without,
                                        const tly_allocator *a,
                                        tly_apportionment **out,
                                        tly_error *err);

/* Why a recomputation of info's census may differ from the record for its
 * population alone (1790-1930: resident counts, not the base of the time),
 * or NULL when the population is the apportionment population. Static. */
TLY_API const char *tly_census_record_note(const tly_census_record *info);

/* Writes census `census`'s record as JSON (keys sorted): {census, source,
 * population ("resident" or "apportionment"), note (or null),
 * method_of_record, seats_of_record, method, seats and states_differ (null
 * without r), states: [{code, population, seats_of_record, and with r:
 * seats and change (null for a state r left out)}]}. r, when not NULL, is
 * a recomputation of the same census (tly_apportion_record). */
TLY_API tly_status tly_json_census_record(int census,
                                          const tly_apportionment *r,
                                          tly_writer w, void *ud,
                                          tly_error *err);

/* @@API-APPORTION@@ */

/*==== What-ifs ===============================================================
 * Pure transforms: each makes a new election from `in`, which is never
 * modified (the new one uses in's allocator); the College is recomputed
 * from the result with tly_college. Every what-if keeps the candidates and
 * their indices, so a baseline and a what-if compare candidate by
 * candidate; units that leave are removed and the rest keep their order.
 * tly_whatif_apply composes them in one documented order: without ->
 * reapportion -> drop -> swing -> set/tie -> rule -> delegation. Each
 * appends a line to the election's notes saying what it did. */

/* How the College allocates electors (tly_college reads it from the
 * election). */
typedef enum tly_rule {
  TLY_RULE_LAW = 0,           /* as in force: winner-take-all by plurality,
                                 Maine and Nebraska by district */
  TLY_RULE_WTA = 1,           /* every state's whole slate, ME and NE too,
                                 to its plurality winner */
  TLY_RULE_DISTRICT = 2,      /* 2 at large + 1 per district in every state
                                 (2008-2024: see tly_whatif_rule) */
  TLY_RULE_PROP_HAMILTON = 3, /* whole electors in proportion to the state's
                                 votes, largest remainders */
  TLY_RULE_PROP_DHONDT = 4,   /* ... by D'Hondt (divisors 1, 2, 3, ...) */
  TLY_RULE_PROP_WEBSTER = 5,  /* ... by Webster/Sainte-Lague (1, 3, 5, ...) */
  TLY_RULE_NPV = 6            /* the National Popular Vote compact */
} tly_rule;

/* "law", "wta", "district", "proportional" (= Hamilton),
 * "proportional-hamilton", "proportional-dhondt", "proportional-webster",
 * "npv" (case-insensitive) into *out; TLY_ENOTFOUND naming them otherwise. */
TLY_API tly_status tly_rule_from_name(const char *name, tly_rule *out,
                                      tly_error *err);
/* The canonical name ("proportional-hamilton"); "unknown" outside the enum. */
TLY_API const char *tly_rule_name(tly_rule r);
/* The rule an election is to be counted by (TLY_RULE_LAW as loaded). */
TLY_API tly_rule tly_election_rule(const tly_election *e);
/* Whether under rule r each unit's own votes decide its electors whole
 * (law, wta, district): what tly_flip_compute and tly_tipping_compute
 * need; they refuse any other rule with TLY_EUNSUPPORTED. */
TLY_API bool tly_rule_units_decide(tly_rule r);

/* The states in codes[0..n) (postal codes, case-insensitive; repeats
 * allowed; "DC" too) leave: their units, districts included, their votes
 * and their electors (and any faithless-elector records) are removed, so
 * the national count and the electors appointed shrink and the majority is
 * recomputed. TLY_ENOTFOUND for a code that is not a state or DC of `in`
 * ("unknown state \"XX\""); TLY_EINVAL for a district code (a state leaves
 * whole) or when no unit would remain. */
TLY_API tly_status tly_whatif_without(const tly_election *in,
                                      const char *const *codes, size_t n,
                                      tly_election **out, tly_error *err);

/* Reapportions a House of `seats` (0 means 435) by method m among the
 * states present in `in` with the built-in census `census` (0 means the one
 * that set in's electors, tly_election_census), and sets every state's
 * electors to seats + 2 and DC's to min(3, the least populous state's).
 * A state whose districts are units (ME, NE) keeps them: its at-large
 * electors become the new slate less its districts. When it gets fewer
 * seats than it has districts, its districts cannot stand: they are
 * dropped and its whole slate is chosen statewide (a note says so); with
 * more seats than districts the extra seats are counted at large (noted).
 * TLY_ENODATA when the census is unknown or not built in; errors of
 * tly_apportion_electors otherwise. */
TLY_API tly_status tly_whatif_reapportion(const tly_election *in, int census,
                                          int64_t seats, tly_method m,
                                          tly_election **out, tly_error *err);

/* A uniform swing of X = num/den points (den > 0, |X| <= 100) in the
 * two-party margin toward the Democratic nominee (X < 0: toward the
 * Republican), made by moving votes between the two nominees unit by unit:
 * in a unit with D and R votes, k = round-half-even(X * (D + R) / 200)
 * votes move from R to D (the margin (D - R)/(D + R) moves by 2k/(D + R)),
 * capped so that no count goes negative; totals are conserved exactly. A
 * state whose districts have returns moves the sum of its districts' k and
 * the k of its votes outside any district (Maine's UOCAVA ballots), so
 * state and districts stay consistent (the state's k may then differ from
 * its own rounding by under one vote a part); districts without returns
 * keep their recorded winner (noted). X = 0 is the identity.
 * TLY_ERANGE when |X| > 100 or den <= 0; TLY_ENOTFOUND when the election
 * has no Democratic or no Republican nominee. */
TLY_API tly_status tly_whatif_swing(const tly_election *in, int64_t num,
                                    int64_t den, tly_election **out,
                                    tly_error *err);

/* Forces unit `code` ("TX", or a district "NE-2") to `candidate` (a name,
 * last name, party or "D"/"R"): its electors go to that candidate whatever
 * the votes and the rule. Forcing a state forces its districts too.
 * TLY_ENOTFOUND for an unknown unit or candidate. */
TLY_API tly_status tly_whatif_set(const tly_election *in, const char *code,
                                  const char *candidate, tly_election **out,
                                  tly_error *err);

/* Counts the election by `rule`. TLY_RULE_NPV takes the compact's members
 * as of the election's year (see tly_whatif_npv). TLY_RULE_DISTRICT makes
 * every congressional district of a state of more than one House seat a
 * unit of 1 elector (the state keeps 2 at large), with the D and R votes
 * of the built-in district results of the election's year (The Downballot,
 * tly_areas_districts; the total includes the others' votes); a state's
 * own district units are kept, those without returns filled from the same
 * table; the districts inherit the state's forced candidate; a note names
 * the source (approximate for 2016 and 2020). In an election whose
 * multi-seat states all have district units with returns nothing is added.
 * TLY_EUNSUPPORTED for a year outside 2008-2024 or a state whose electors
 * are not its districts + 2 (e.g. after reapportioning: tly_whatif_apply
 * refuses rule district with reapportion, TLY_EINVAL); TLY_ENOTFOUND
 * without a Democratic or Republican nominee. */
TLY_API tly_status tly_whatif_rule(const tly_election *in, tly_rule rule,
                                   tly_election **out, tly_error *err);

/* Who belongs to the National Popular Vote compact in a what-if. */
typedef enum tly_npv_which {
  TLY_NPV_ELECTION_YEAR = 0, /* members that had enacted it by the
                                election's year (built-in data/npv.csv) */
  TLY_NPV_YEAR = 1,          /* members that had enacted it by `year` */
  TLY_NPV_ALL = 2,           /* every state and DC of the election */
  TLY_NPV_NONE = 3,          /* no one */
  TLY_NPV_LIST = 4           /* codes[0..n_codes) */
} tly_npv_which;

typedef struct tly_npv_members {
  tly_npv_which which;
  int year;                 /* TLY_NPV_YEAR */
  const char *const *codes; /* TLY_NPV_LIST: states or DC */
  size_t n_codes;
} tly_npv_members;

/* The compact's members (built-in, from ../shared/reference/npv-compact.md)
 * that had enacted it by `year` (0: all of them), in code order, into
 * codes[0..cap); *n is how many (call with cap 0 to ask). TLY_ERANGE when
 * cap < *n. */
TLY_API tly_status tly_npv_compact(int year, char (*codes)[8], size_t cap,
                                   size_t *n, tly_error *err);

/* Counts the election by the compact (Agreement Among the States to Elect
 * the President by National Popular Vote, art. III): when its members (m,
 * NULL = as of the election's year) hold a majority of the electors
 * appointed (floor(n/2) + 1 or more), every member state's whole slate goes
 * to the national popular-vote winner (of the states and DC in the
 * election); otherwise, or when the national vote is tied, members choose
 * their electors as their states' law does. Members that are not in the
 * election (they left) are ignored for year-based sets. TLY_ENOTFOUND for
 * an unknown code in a list; TLY_EINVAL for a listed state not in the
 * election. */
TLY_API tly_status tly_whatif_npv(const tly_election *in,
                                  const tly_npv_members *m,
                                  tly_election **out, tly_error *err);
/* Whether unit u is a member of the compact in e (a district: its state). */
TLY_API bool tly_election_npv_member(const tly_election *e, size_t u);

/* How the compact worked out in an outcome. */
typedef struct tly_npv_info {
  bool applies;            /* the election is counted by TLY_RULE_NPV */
  bool in_force;           /* members hold a majority and the national
                              vote has a winner */
  int64_t member_electors; /* electors of the member states */
  int64_t needed;          /* the majority of electors appointed */
  int32_t national_winner; /* national popular-vote winner, -1 on a tie */
} tly_npv_info;

TLY_API void tly_outcome_npv(const tly_outcome *o, tly_npv_info *out);

/* Electors pledged to candidate c by state `code` ("ME": its at-large and
 * district electors together); 0 when the state is not in the outcome. */
TLY_API int64_t tly_outcome_state_electors(const tly_election *e,
                                           const tly_outcome *o,
                                           const char *code, size_t c);

/* A state (or DC) whose electors or winner differ between a baseline and a
 * what-if made from it. */
typedef struct tly_whatif_change {
  char code[8];           /* "CA", "DC" */
  bool left;              /* in the baseline, not in the what-if */
  bool joined;            /* in the what-if, not in the baseline */
  int64_t electors_before; /* the state's whole slate (0 when absent) */
  int64_t electors_after;
  int32_t winner_before;  /* the candidate the state's own award went to;
                             -1 when split, tied, undecided or absent */
  int32_t winner_after;
} tly_whatif_change;

/* The states and DC whose slate, winner or electors by candidate differ
 * between (base, ob) and (wi, ow), in code order, into ch[0..cap); *n is
 * how many (at most 51 plus the states a redraw made). base and wi must have the same candidates (any
 * what-if of base does). TLY_ERANGE when cap < *n; TLY_EINVAL when the
 * candidates differ. */
TLY_API tly_status tly_whatif_changes(const tly_election *base,
                                      const tly_outcome *ob,
                                      const tly_election *wi,
                                      const tly_outcome *ow,
                                      tly_whatif_change *ch, size_t cap,
                                      size_t *n, tly_error *err);

/* A candidate dropped (--drop CANDIDATE[=D:P,R:Q]): shares of their votes
 * in percent x 10^9 (45 % is 45000000000) to the Democratic and the
 * Republican nominee; the rest abstain. */
typedef struct tly_drop {
  const char *candidate;
  int64_t d_share, r_share; /* each 0..100 x 10^9, together at most that */
} tly_drop;
#define TLY_DROP_SHARE_ONE INT64_C(1000000000) /* 1 % */

/* Candidate `candidate` (a name, last name or party) leaves the ballot
 * everywhere: in every unit its v votes go, round-half-even(v x P / 100)
 * to the Democratic nominee, round-half-even(v x (P + Q) / 100) less that
 * to the Republican (so the two never exceed v), the rest abstaining (the
 * unit's total falls by them); P = d_share / TLY_DROP_SHARE_ONE, Q the
 * same of r_share. A state with district returns moves the sum of its
 * districts' and its other votes' moves, as the swing. Every count stays
 * conserved: before = after + abstained, exactly. TLY_ENOTFOUND for an
 * unknown candidate or a share to a nominee the election lacks; TLY_ERANGE
 * for shares outside 0..100 % or over 100 % together; TLY_EINVAL for a
 * share to the dropped candidate itself. */
TLY_API tly_status tly_whatif_drop(const tly_election *in,
                                   const char *candidate, int64_t d_share,
                                   int64_t r_share, tly_election **out,
                                   tly_error *err);

/* A state's House delegation set by a what-if (--delegation ST=R). */
typedef struct tly_delegation_assign {
  const char *code;
  tly_delegation d;
} tly_delegation_assign;

/* A state's or candidate's choice, as --set ST=CANDIDATE and --tie. */
typedef struct tly_assign {
  const char *code;
  const char *candidate;
} tly_assign;

/* Everything tly_whatif_apply can do; zero-initialized means nothing. */
typedef struct tly_whatif_opts {
  const char *const *without; /* states leaving */
  size_t n_without;
  bool reapportion;
  int census;        /* 0: the election's */
  int64_t seats;     /* 0: 435 */
  tly_method method; /* TLY_METHOD_HUNTINGTON_HILL by default */
  bool swing;
  int64_t swing_num, swing_den; /* X = num / den points */
  const tly_assign *set;
  size_t n_set;
  const tly_assign *tie;
  size_t n_tie;
  tly_rule rule;               /* TLY_RULE_LAW: leave as is */
  tly_npv_members npv;         /* for TLY_RULE_NPV */
  /* Candidates dropped (after reapportion, before the swing) and House
   * delegations set (last): issue 12's contingent election. */
  const tly_drop *drop;
  size_t n_drop;
  const tly_delegation_assign *delegation;
  size_t n_delegation;
  /* Redrawn by county (redraw.c), as the spec keys of the same names:
   * counties leaving (FIPS), split, move, merge and admit texts. */
  const char *const *without_counties;
  size_t n_without_counties;
  const char *const *split;
  size_t n_split;
  const char *const *move;
  size_t n_move;
  const char *const *merge;
  size_t n_merge;
  const char *const *admit;
  size_t n_admit;
} tly_whatif_opts;

/* Applies o to in, in the order without (states) -> the redraw (counties
 * leaving, split, move, merge, admit) -> reapportion -> drop -> swing ->
 * set and tie -> rule -> delegation, into a new election. With a redraw,
 * reapportion is done by it, among all states as they then stand. Errors
 * as the single transforms, and TLY_EINVAL for reapportion without anyone
 * leaving or any redraw (the census's own apportionment would come back). */
TLY_API tly_status tly_whatif_apply(const tly_election *in,
                                    const tly_whatif_opts *o,
                                    tly_election **out, tly_error *err);

/* The what-if o in words, as the CLI and the page title it ("without CA ·
 * reapportioned · swing +2 · rule npv (members: all)"); "" when o asks for
 * nothing. Writes at most size bytes, NUL-terminated (truncated if need
 * be). */
TLY_API void tly_whatif_describe(const tly_whatif_opts *o, char *buf,
                                 size_t size);

/* A what-if specification: the one place what-if options are read,
 * checked and applied. Front ends map their spelling (a CLI flag, an API
 * field) to a key and hand over the value as text; they parse nothing, so
 * a mistake gets one message wherever it is made. The keys:
 *   without      ST[,ST...] states (or DC) that leave; given again: adds
 *   reapportion  true or false ("" and 1/0 too)
 *   census       the census to reapportion on (a year such as 2010)
 *   seats        the House size, 1..TLY_APPORTION_MAX_SEATS
 *   method       an apportionment method (tly_method_from_name)
 *   swing        points as an exact decimal [+-]D[.D], at most 9 decimals,
 *                |X| <= 100 (tly_whatif_swing)
 *   set, tie     ST=CANDIDATE (tly_whatif_set, tly_whatif_tie); given
 *                again: adds
 *   rule         a rule (tly_rule_from_name)
 *   npv          all, none, YEAR or ST[,ST...] (tly_npv_members)
 *   drop         CANDIDATE[=D:P,R:Q][,CANDIDATE...] (tly_whatif_drop; P
 *                and Q percentages, at most 9 decimals); given again: adds
 *   delegation   ST=R, ST=D or ST=split (tly_whatif_delegation); given
 *                again: adds
 *   split        ST=CODE[/Name]:FIPS,...;CODE[/Name]:FIPS,... or cal3: a
 *                state becomes several (each county in exactly one part;
 *                a part may keep the state's code)
 *   move         FIPS,...=ST or greater-idaho: counties change state
 *   merge        ST,ST[,...]=CODE[/Name]: states become one
 *   admit        CODE[/Name][:POPULATION]: DC as a state, or a new state
 *                with a population and no votes
 * `without` also takes 5-digit county FIPS codes (counties leaving). New
 * codes are 2 or 3 capital letters. split, move, merge, admit and county
 * FIPS need the built-in county results (2000-2024). Given again: adds.
 * Otherwise a key given again replaces its value. */
typedef struct tly_whatif_spec tly_whatif_spec;

/* An empty specification (asks for nothing); `a` may be NULL (libc). */
TLY_API tly_status tly_whatif_spec_new(const tly_allocator *a,
                                       tly_whatif_spec **out,
                                       tly_error *err);
/* Frees s; NULL is a no-op. */
TLY_API void tly_whatif_spec_free(tly_whatif_spec *s);
/* The i-th key (from 0), NULL past the last: what a front end may map. */
TLY_API const char *tly_whatif_spec_key(size_t i);
/* Sets option `key` from `text`. TLY_ENOTFOUND for an unknown key,
 * TLY_EINVAL or TLY_ERANGE for a bad value, with a message naming the key
 * and quoting the text (`seats takes a House size from 1 to 100000, not
 * "0"`); on failure s is unchanged. Names of states and candidates in set
 * and tie are checked against the election by tly_whatif_spec_apply. */
TLY_API tly_status tly_whatif_spec_set(tly_whatif_spec *s, const char *key,
                                       const char *text, tly_error *err);
/* Whether option `key` is given and in effect ("reapportion": false is
 * not). */
TLY_API bool tly_whatif_spec_has(const tly_whatif_spec *s, const char *key);
/* The options taken together: TLY_EINVAL for census, seats or method
 * without reapportion ("seats applies only with reapportion"), reapportion
 * without anyone leaving, npv without rule npv. */
TLY_API tly_status tly_whatif_spec_check(const tly_whatif_spec *s,
                                         tly_error *err);
/* tly_whatif_spec_check, then tly_whatif_apply: a new election in *out
 * (a copy of `in` when s asks for nothing). */
TLY_API tly_status tly_whatif_spec_apply(const tly_election *in,
                                         const tly_whatif_spec *s,
                                         tly_election **out,
                                         tly_error *err);
/* s in words, as tly_whatif_describe. */
TLY_API void tly_whatif_spec_describe(const tly_whatif_spec *s, char *buf,
                                      size_t size);

/* Writes {baseline, whatif, changes} (keys sorted, counts exact): baseline
 * and whatif are result objects (tly_json_result) with "rule" and, under
 * the compact, "npv": {members, member_electors, needed, in_force,
 * national_winner} added; changes: [{code, left, before: {electors,
 * winner, electors_by_candidate} or null, after: the same or null}]. */
TLY_API tly_status tly_json_whatif(const tly_election *base,
                                   const tly_outcome *ob,
                                   const tly_election *wi,
                                   const tly_outcome *ow, tly_writer w,
                                   void *ud, tly_error *err);

/* A state made or changed by a redraw (split, move, merge, counties
 * leaving, admit): its figures as the what-if has them. */
typedef struct tly_redrawn {
  const char *code;   /* "NCA" */
  const char *name;   /* "Northern California" (the code when none given) */
  const char *from;   /* the states its counties came from, "CA", "OR+ID";
                         "" for a state admitted without counties */
  int census;         /* the census of the populations */
  int64_t resident;   /* its counties' resident population (or as given) */
  int64_t overseas;   /* its share of its parents' overseas population */
  int64_t population; /* apportionment population = resident + overseas */
  int64_t seats;      /* House seats */
  int64_t electors;   /* seats + 2 */
  size_t n_counties;  /* county FIPS codes: tly_election_redrawn_county */
  bool admitted;
} tly_redrawn;

/* How many states e's redraw made or changed (0 without one), in the order
 * of the states before it, then new ones as made. */
TLY_API size_t tly_election_n_redrawn(const tly_election *e);
/* The i-th, or NULL past the last; owned by e. */
TLY_API const tly_redrawn *tly_election_redrawn(const tly_election *e,
                                                size_t i);
/* The k-th county FIPS code of the i-th (ascending), or NULL. */
TLY_API const char *tly_election_redrawn_county(const tly_election *e,
                                                size_t i, size_t k);

/* @@API-WHATIF@@ */

/*==== Analysis: the fewest votes to flip, the tipping point ================
 * Exact combinatorics on the units of the College as counted (the awards of
 * tly_college: Maine's and Nebraska's at-large electors and each of their
 * districts are units of their own). Electors are those pledged by the
 * popular vote; faithless electors are not part of either analysis. */

typedef enum tly_flip_target {
  TLY_FLIP_WIN = 0, /* the target candidate reaches a majority */
  TLY_FLIP_TIE = 1  /* the target ends with exactly half of the electors,
                       so no one has a majority (269-269) */
} tly_flip_target;

typedef struct tly_flip_opts {
  tly_flip_target target;
  int32_t to; /* candidate index to flip toward; -1 = the runner-up (the
                 candidate with the most electors pledged after the
                 winner) */
} tly_flip_opts;

/* A unit the flip moves to the target. */
typedef struct tly_flip_unit {
  char code[8];          /* "WI", "ME-2" */
  int32_t award;         /* index of the award in tly_college's outcome */
  int32_t electors;      /* electors the unit decides */
  int32_t holder;        /* candidate who held it; -1 for a tied unit */
  int64_t margin;        /* leader's votes minus the target's */
  int64_t votes_to_move; /* voters who switch to the target: the fewest
                            that give it the unit outright (for a
                            two-way lead, floor(margin / 2) + 1) */
} tly_flip_unit;

typedef struct tly_flip tly_flip;

/* The fewest voters who, switching to the target, would have given it the
 * outcome opts->target: an exact 0/1 knapsack over the units it does not
 * hold (cost = votes_to_move, weight = electors) by dynamic programming
 * over electors, O(units x electors). `from` is the College's winner (or,
 * with no majority, the candidate with the most electors pledged). Units
 * without returns (settled by the record) or forced by tly_whatif_set
 * cannot move. Among sets of equal cost the one with the fewest electors
 * is taken. opts NULL = {WIN, -1}. Works on any what-if whose awards follow
 * their units' votes. TLY_EINVAL when the target is the winner or not a
 * candidate; TLY_EUNSUPPORTED under a proportional rule or the NPV
 * compact, or when a tie is impossible (an odd number of electors);
 * TLY_ENOTFOUND when
 * no set of units reaches the target; TLY_EOVERFLOW; TLY_ENOMEM. */
TLY_API tly_status tly_flip_compute(const tly_election *e,
                                    const tly_flip_opts *opts,
                                    tly_flip **out, tly_error *err);
/* Frees f; NULL is a no-op. */
TLY_API void tly_flip_free(tly_flip *f);

TLY_API tly_flip_target tly_flip_target_of(const tly_flip *f);
TLY_API int32_t tly_flip_from(const tly_flip *f);
TLY_API int32_t tly_flip_to(const tly_flip *f);
/* Electors appointed and the majority of them. */
TLY_API int64_t tly_flip_electors(const tly_flip *f);
TLY_API int64_t tly_flip_majority(const tly_flip *f);
/* The minimum: voters who switch, summed over the flipped units. */
TLY_API int64_t tly_flip_voters(const tly_flip *f);
/* The other convention, for the same units: the sum of their margins. */
TLY_API int64_t tly_flip_margin_sum(const tly_flip *f);
/* The flipped units, in the College's order. */
TLY_API size_t tly_flip_n_units(const tly_flip *f);
TLY_API const tly_flip_unit *tly_flip_unit_at(const tly_flip *f, size_t i);
/* Electors pledged to candidate c before and after the flip (0 for an
 * index out of range). */
TLY_API int64_t tly_flip_electors_before(const tly_flip *f, size_t c);
TLY_API int64_t tly_flip_electors_after(const tly_flip *f, size_t c);

/* {year, source, target ("win"|"tie"), from, to, majority, voters,
 * margin_sum, units: [{code, electors, margin, votes_to_move}],
 * electors_after: {name: n}} (candidates with electors before or after). */
TLY_API tly_status tly_json_flip(const tly_election *e, const tly_flip *f,
                                 tly_writer w, void *ud, tly_error *err);

/* A unit the College's winner carried, in tipping order. */
typedef struct tly_tipping_row {
  char code[8];
  int32_t award;       /* index of the award in tly_college's outcome */
  int32_t electors;
  bool by_record;      /* no returns, or forced by a what-if: no margin */
  bool forced;         /* by_record because a what-if set its winner:
                          certain, first in the order */
  int64_t lead;        /* winner's votes minus the best other's */
  int64_t total_votes; /* all votes in the unit */
  int64_t cumulative;  /* the winner's electors from rows 0..this one */
} tly_tipping_row;

typedef struct tly_tipping tly_tipping;

/* The tipping point: the winner's units ordered by margin (lead /
 * total_votes, exact comparison; equal margins by code), largest first;
 * the unit whose electors carry the cumulative count to the majority.
 * A unit whose winner a what-if set is certain: first in the order (by
 * code), with no margin. A unit without returns has no margin and cannot
 * be placed: it is left out of the order and listed after it (rows
 * n_ordered..n_rows-1, by code), its electors counted for the winner after
 * every ordered unit's.
 * Margins are signed toward the winner (positive: the winner leads); the
 * national margin is the winner's national votes minus the runner-up's
 * (the candidate with the most electors pledged after the winner), and the
 * tilt is the tipping unit's margin minus the national one, exactly.
 * TLY_EUNSUPPORTED when no candidate has a majority of electors pledged,
 * when the winner's units with returns do not reach the majority, or
 * under a proportional rule or the NPV compact; TLY_EOVERFLOW;
 * TLY_ENOMEM. */
TLY_API tly_status tly_tipping_compute(const tly_election *e,
                                       tly_tipping **out, tly_error *err);
TLY_API void tly_tipping_free(tly_tipping *t);

TLY_API int32_t tly_tipping_winner(const tly_tipping *t);
TLY_API int32_t tly_tipping_runner_up(const tly_tipping *t);
TLY_API int64_t tly_tipping_majority(const tly_tipping *t);
TLY_API size_t tly_tipping_n_rows(const tly_tipping *t);
/* Rows 0..n_ordered-1 are the order (each with a margin); the rest have
 * none. */
TLY_API size_t tly_tipping_n_ordered(const tly_tipping *t);
TLY_API const tly_tipping_row *tly_tipping_row_at(const tly_tipping *t,
                                                  size_t i);
/* Index of the tipping unit among the rows. */
TLY_API size_t tly_tipping_point(const tly_tipping *t);
/* The national margin as a fraction: (winner - runner-up) / all votes. */
TLY_API int64_t tly_tipping_national_lead(const tly_tipping *t);
TLY_API int64_t tly_tipping_national_total(const tly_tipping *t);
/* The tilt as an exact fraction num / den (den > 0; num < 0 when the
 * tipping unit is less favourable to the winner than the nation). */
TLY_API int64_t tly_tipping_tilt_num(const tly_tipping *t);
TLY_API int64_t tly_tipping_tilt_den(const tly_tipping *t);

/* {year, source, winner, winner_party, runner_up, runner_up_party (for
 * labels such as "R+3.83"), unit, margin_pct, national_margin_pct,
 * tilt_pct, order: [{code, electors, margin_pct (null: set by a what-if),
 * cumulative}], no_margin: [{code, electors, reason ("no returns")}]}:
 * percentages (two decimals, half to even) signed toward the winner. */
TLY_API tly_status tly_json_tipping(const tly_election *e,
                                    const tly_tipping *t, tly_writer w,
                                    void *ud, tly_error *err);

/*==== Voting power: Banzhaf and Shapley-Shubik =============================
 * Exact indices of weighted voting games [quota; w1, ..., wn] by dynamic
 * programming over coalition weights, O(n^2 W) at most. Counts are exact:
 * Banzhaf swings in 64-bit integers (n <= 64, each count < 2^63),
 * Shapley-Shubik numerators in 320-bit integers (each at most n! < 2^297);
 * only the final ratio is rounded to a double (within 1 ulp). */

typedef enum tly_power_index {
  TLY_POWER_BANZHAF = 0, /* normalized: swings / all swings */
  TLY_POWER_SHAPLEY = 1  /* Shapley-Shubik: pivotal orders / n! */
} tly_power_index;

/* Largest game accepted by tly_power_game: players and the sum of weights.
 * tly_power_election and tly_power_census take up to 1000 units under the
 * Banzhaf index (exact 1088-bit counts; swings then 0 in rows, null in
 * JSON) and refuse Shapley-Shubik beyond 64 with TLY_EUNSUPPORTED. */
#define TLY_POWER_MAX_PLAYERS 64
#define TLY_POWER_MAX_WEIGHT 100000

/* The index of each of the n players of [quota; weights] into values[0..n)
 * and, for Banzhaf, each player's swings (coalitions of the others it
 * turns from losing to winning) into swings[0..n) when swings is not NULL.
 * A game with no swing at all (quota above the total) gives zeros.
 * TLY_EINVAL for n = 0 or above TLY_POWER_MAX_PLAYERS, a weight < 0, a
 * quota < 1 or weights summing above TLY_POWER_MAX_WEIGHT; TLY_ENOMEM. */
TLY_API tly_status tly_power_game(const int64_t *weights, size_t n,
                                  int64_t quota, tly_power_index index,
                                  const tly_allocator *a,
                                  double *values /* OUT */,
                                  uint64_t *swings /* OUT */,
                                  tly_error *err);

typedef enum tly_power_units {
  TLY_POWER_STATES = 0,   /* Maine and Nebraska each one block */
  TLY_POWER_DISTRICTS = 1 /* their at-large electors and districts apart */
} tly_power_units;

/* One unit of the College game. */
typedef struct tly_power_row {
  char code[8];       /* "CA", "ME", "ME-2" */
  int32_t parent;     /* districts mode: row of the district's at-large
                         award, else -1 */
  int64_t electors;
  int64_t turnout;    /* votes cast (an election) or apportionment
                         population (a census); 0 when unknown */
  double value;       /* the index */
  double per_elector; /* value per elector relative to an equal share:
                         value / (electors / all electors); 1 is the
                         average, the same in the table, CSV and JSON */
  double voter;       /* Banzhaf: Penrose power of one voter, value /
                         sqrt(turnout), scaled so that the mean over all
                         voters is 1 (a district's voter also counts the
                         at-large award); NaN when not defined */
  uint64_t swings;    /* Banzhaf: exact swings; 0 for Shapley-Shubik and
                         in a game of more than TLY_POWER_MAX_PLAYERS
                         units (counts beyond 64 bits) */
} tly_power_row;

typedef struct tly_power tly_power;

/* The College game of election e: units from its electors as pledged
 * (states and DC whole, or tly_college's awards for districts), quota the
 * majority of them. Errors as tly_power_game, TLY_EOVERFLOW. */
TLY_API tly_status tly_power_election(const tly_election *e,
                                      tly_power_index index,
                                      tly_power_units units,
                                      tly_power **out, tly_error *err);
/* The College game of the built-in census `census` apportioned by
 * Huntington-Hill (tly_apportion_electors: 435 seats, DC 3). Districts
 * mode splits Maine and Nebraska into 2 at-large electors and one per
 * House seat, each district with an equal share of the state's
 * population (an assumption: the census tables give none). Errors as
 * tly_apportion_electors and tly_power_game. `a` may be NULL. */
TLY_API tly_status tly_power_census(int census, tly_power_index index,
                                    tly_power_units units,
                                    const tly_allocator *a,
                                    tly_power **out, tly_error *err);
TLY_API void tly_power_free(tly_power *p);

TLY_API tly_power_index tly_power_index_of(const tly_power *p);
TLY_API int64_t tly_power_electors(const tly_power *p);
TLY_API int64_t tly_power_majority(const tly_power *p);
TLY_API size_t tly_power_n_rows(const tly_power *p);
TLY_API const tly_power_row *tly_power_row_at(const tly_power *p, size_t i);

/* {index ("banzhaf"|"shapley"), majority, electors, units: [{code,
 * electors, value, per_elector, swings (Banzhaf), voter (Banzhaf; null
 * when not defined)}]}; year and source, or census, name the game. */
TLY_API tly_status tly_json_power(const tly_power *p, tly_writer w, void *ud,
                                  tly_error *err);

/* @@API-ANALYSIS@@ */

/*==== Forecast ===============================================================
 * From each unit's expected two-party share and its uncertainty to the
 * probability of every outcome. A unit's share is
 *   mean + g * (national_sd * Zn + region_sd * Zr + sd * e)
 * with Zn, Zr (one per region) and e (one per unit) independent standard
 * normals, or with e correlated across units by a given matrix; g = 1, or
 * g = sqrt((df - 2) / W) with W ~ chi-square(df), shared by all units, for
 * multivariate Student-t errors with the same standard deviations. The
 * Democrat wins a unit when its share exceeds 1/2. The exact method
 * convolves the units' win probabilities given the shared factors and
 * integrates the factors by Gauss quadrature; Monte Carlo is seeded and
 * gives the same bytes whatever the thread count. */

/* A unit of a forecast: a state or DC, a Maine/Nebraska district
 * ("ME-2"), or "ME"/"NE" for the two at-large electors when that state's
 * districts are units of their own. */
typedef struct tly_forecast_unit {
  char code[8];     /* upper case: "PA", "ME-2" */
  double mean;      /* the Democrat's expected two-party share, [0, 1] */
  double sd;        /* the unit's own standard deviation, [0, 1] */
  int32_t electors; /* > 0; 0 = not known yet */
  int64_t turnout;  /* two-party votes for the popular vote; -1 unknown */
  int64_t line;     /* 1-based line of its row in the file; 0 if none */
} tly_forecast_unit;

/* The units and their error structure (regions, correlation). */
typedef struct tly_forecast_model tly_forecast_model;

/* Reads a forecast CSV: header `code,mean,sd` plus optional `electors`
 * and `turnout` columns (any order), one row per unit. Errors carry
 * FILE:LINE:COL: an unknown or duplicated unit, a share outside [0, 1], a
 * negative sd, a malformed number. `a` may be NULL (libc). */
TLY_API tly_status tly_forecast_model_load(const char *path,
                                           const tly_allocator *a,
                                           tly_forecast_model **out,
                                           tly_error *err);
/* As tly_forecast_model_load, from len bytes in memory named `name`. */
TLY_API tly_status tly_forecast_model_parse(const char *name,
                                            const char *data, size_t len,
                                            const tly_allocator *a,
                                            tly_forecast_model **out,
                                            tly_error *err);
/* A model from n units given directly (copied), checked as a file is. */
TLY_API tly_status tly_forecast_model_new(const tly_forecast_unit *units,
                                          size_t n, const tly_allocator *a,
                                          tly_forecast_model **out,
                                          tly_error *err);
/* Frees m; NULL is a no-op. */
TLY_API void tly_forecast_model_free(tly_forecast_model *m);

TLY_API size_t tly_forecast_model_n_units(const tly_forecast_model *m);
TLY_API const tly_forecast_unit *
tly_forecast_model_unit(const tly_forecast_model *m, size_t i);
/* Index of the unit with this code (case-insensitive), or -1. */
TLY_API int32_t tly_forecast_model_find_unit(const tly_forecast_model *m,
                                             const char *code);

/* Takes what the model lacks from election e. With `electors`, every
 * unit's electors come from e's College: a state whose districts are
 * units of the model gets its at-large electors (slate minus districts);
 * every state and DC of e must be a unit (else TLY_ENOTFOUND naming the
 * missing one), and so must all of a state's districts when any is; a
 * unit e lacks, or an electors column that disagrees, is an error at its
 * row. In all cases a unit with unknown turnout gets e's two-party vote
 * there (the at-large row: the statewide vote). On failure m is unchanged. */
TLY_API tly_status tly_forecast_model_use_election(tly_forecast_model *m,
                                                   const tly_election *e,
                                                   bool electors,
                                                   tly_error *err);

/* Groups the units into regions for the regional factors: "census4" (the
 * Census Bureau's 4 regions) or "census9" (its 9 divisions), built in; a
 * district or at-large row takes its state's region. TLY_EINVAL for any
 * other name. Replaces earlier regions. */
TLY_API tly_status tly_forecast_model_regions_builtin(tly_forecast_model *m,
                                                      const char *name,
                                                      tly_error *err);
/* Regions from a CSV `unit,region` (a header, then one row per state or
 * unit; a district without a row takes its state's). Every unit needs one
 * (TLY_ENOTFOUND). */
TLY_API tly_status tly_forecast_model_regions_load(tly_forecast_model *m,
                                                   const char *path,
                                                   tly_error *err);
TLY_API tly_status tly_forecast_model_regions_parse(tly_forecast_model *m,
                                                    const char *name,
                                                    const char *data,
                                                    size_t len,
                                                    tly_error *err);
/* Number of regions (0 when none) and a region's name. */
TLY_API size_t tly_forecast_model_n_regions(const tly_forecast_model *m);
TLY_API const char *tly_forecast_model_region_name(
    const tly_forecast_model *m, size_t r);
/* The region of unit i, or -1. */
TLY_API int32_t tly_forecast_model_unit_region(const tly_forecast_model *m,
                                               size_t i);

/* A correlation matrix for the units' own errors, in the layout The
 * Economist published for 2020: a header row of state codes ("KA" is read
 * as Kansas), then one row of numbers per code in the same order, with or
 * without a leading label column. Districts and at-large rows take their
 * state's row (perfectly correlated with it). Refused (TLY_ERANGE, at the
 * cell where it applies): not square, not symmetric (to 1e-6), a diagonal
 * other than 1, an entry outside [-1, 1], not positive definite (naming
 * the smallest eigenvalue). With `repair`, a matrix that is not positive
 * definite is replaced by the nearest correlation matrix (Higham 2002) and
 * *moved is the Frobenius distance moved (0 when nothing was repaired);
 * moved may be NULL. A state of the model without a row: TLY_ENOTFOUND. */
TLY_API tly_status tly_forecast_model_corr_load(tly_forecast_model *m,
                                                const char *path,
                                                bool repair, double *moved,
                                                tly_error *err);
TLY_API tly_status tly_forecast_model_corr_parse(tly_forecast_model *m,
                                                 const char *name,
                                                 const char *data,
                                                 size_t len, bool repair,
                                                 double *moved,
                                                 tly_error *err);

typedef enum tly_forecast_method {
  TLY_FORECAST_AUTO = 0,  /* exact unless a correlation matrix is set */
  TLY_FORECAST_EXACT = 1, /* convolution + quadrature over the factors */
  TLY_FORECAST_MC = 2     /* Monte Carlo */
} tly_forecast_method;

/* Called with the simulations done so far and the total, from one worker
 * thread at a time, after each block of simulations. */
typedef void (*tly_progress)(void *ud, uint64_t done, uint64_t total);

typedef struct tly_forecast_opts {
  tly_forecast_method method;
  double national_sd; /* sd of the national factor, >= 0 */
  double region_sd;   /* sd of each regional factor, >= 0 (needs regions) */
  double df;          /* 0: normal errors; > 2: Student-t, df degrees */
  uint64_t sims;      /* MC simulations; with the exact method, those run
                         for tipping points and the popular vote (0: none) */
  uint64_t seed;      /* the random stream; same seed, same answer */
  int threads;        /* worker threads, 1..256 */
  const int8_t *given; /* NULL, or per unit 0 free, 1 the Democrat wins
                          it, -1 the Republican: condition on these */
  tly_writer draws;   /* if set: every kept simulation as a CSV row */
  void *draws_ud;
  tly_progress progress; /* may be NULL */
  void *progress_ud;
  /* May be NULL. Called now and then from any of the run's threads (at
   * the same time from several: it must be thread-safe, e.g. read an
   * atomic flag); when it returns true the run stops with TLY_ECANCELED. */
  bool (*cancel)(void *ud);
  void *cancel_ud;
  double max_cost; /* > 0: refuse (TLY_ELIMIT) a run whose
                      tly_forecast_cost is higher, before running it */
} tly_forecast_opts;

/* Defaults: AUTO, no factors, normal errors, 1,000,000 simulations, seed
 * 1, one thread, nothing given, no draws, no progress, no cancel hook, no
 * cost limit. */
TLY_API void tly_forecast_opts_init(tly_forecast_opts *o);

/* An upper bound on the work of tly_forecast_run(m, o), known before
 * running it, in operations (about a nanosecond each on one core): for
 * the exact method, the multiply-adds of its convolutions at the largest
 * rules its refinement may reach (units x electors x the nodes of the
 * national, regional and Student-t factors, which its own work bound
 * caps); for Monte Carlo and the exact method's simulations, units x
 * simulations. A heavy exact forecast (51 units of 1,000 electors, census9,
 * df 3) is about 4e11; the 2024 map with census4 about 8e9. */
TLY_API double tly_forecast_cost(const tly_forecast_model *m,
                                 const tly_forecast_opts *o);

/* Parses "PA=D,WI=R" (D/R or Democrat/Republican, case-insensitive) into
 * given[n_units] (zeroed first). TLY_EINVAL naming the bad or unknown
 * part. */
TLY_API tly_status tly_forecast_parse_given(const tly_forecast_model *m,
                                            const char *spec, int8_t *given,
                                            tly_error *err);

/* The outcome distribution. */
typedef struct tly_forecast tly_forecast;

/* Runs the forecast of m with options o (NULL: defaults). TLY_EINVAL for
 * bad options (the message says which), TLY_EUNSUPPORTED for the exact
 * method with a correlation matrix, TLY_ENODATA when a unit has no
 * electors or no simulation satisfies `given`, TLY_ERANGE when the given
 * outcomes have probability 0; TLY_EIO when the draws writer fails. */
TLY_API tly_status tly_forecast_run(const tly_forecast_model *m,
                                    const tly_forecast_opts *o,
                                    tly_forecast **out, tly_error *err);
/* Frees f; NULL is a no-op. */
TLY_API void tly_forecast_free(tly_forecast *f);

/* TLY_FORECAST_EXACT or TLY_FORECAST_MC: the method that was used. */
TLY_API tly_forecast_method tly_forecast_method_used(const tly_forecast *f);
/* Simulations run, and those kept (that satisfied `given`; all when
 * nothing was given). 0 for the exact method without simulations. */
TLY_API uint64_t tly_forecast_simulations(const tly_forecast *f);
TLY_API uint64_t tly_forecast_kept(const tly_forecast *f);
/* Exact method: quadrature nodes per factor, and the estimated absolute
 * error (the largest change from the previous number of nodes). */
TLY_API size_t tly_forecast_nodes(const tly_forecast *f);
TLY_API double tly_forecast_quadrature_error(const tly_forecast *f);
/* Electors in all and the majority, floor(electors / 2) + 1. */
TLY_API int64_t tly_forecast_electors(const tly_forecast *f);
TLY_API int64_t tly_forecast_majority(const tly_forecast *f);
/* P(a majority for the Democrat) with party 'D', for the Republican 'R';
 * P(no majority: an electoral-vote tie). */
TLY_API double tly_forecast_p_win(const tly_forecast *f, char party);
TLY_API double tly_forecast_p_no_majority(const tly_forecast *f);
/* The Democrat's electoral votes: mean, the smallest k with P(EV <= k) >=
 * percent / 100 (percent in 1..99; counts compared exactly for Monte
 * Carlo), and P(EV = k) for k = 0..electors (*len = electors + 1). */
TLY_API double tly_forecast_ev_mean(const tly_forecast *f);
TLY_API int64_t tly_forecast_ev_quantile(const tly_forecast *f,
                                         int percent);
TLY_API const double *tly_forecast_ev_histogram(const tly_forecast *f,
                                                size_t *len);
/* Per unit (the model's order): P(the Democrat wins it) and P(it is the
 * tipping point: ordered by the winner's margin, the unit that gives the
 * winner a majority). Tipping is NaN when no simulation was run. */
TLY_API double tly_forecast_unit_p_win(const tly_forecast *f, size_t i);
TLY_API double tly_forecast_unit_p_tipping(const tly_forecast *f,
                                           size_t i);
/* P(the national popular-vote winner loses the College to a majority for
 * the other), from the units' turnout; NaN when a state's turnout is
 * unknown or no simulation was run. */
TLY_API double tly_forecast_p_popular_winner_loses(const tly_forecast *f);

/* The JSON object {method, simulations, p_win: {D, R}, p_no_majority,
 * ev_mean, ev_quantiles: {"5", "25", "50", "75", "95"}, ev_histogram,
 * units: [{code, p_win, p_tipping}], p_popular_winner_loses, electors,
 * majority, ...} (README, "Forecast"). */
TLY_API tly_status tly_json_forecast(const tly_forecast_model *m,
                                     const tly_forecast *f, tly_writer w,
                                     void *ud, tly_error *err);
/* The histogram as CSV: `ev_D,probability,cumulative`, one row per k. */
TLY_API tly_status tly_forecast_write_histogram(const tly_forecast *f,
                                                tly_writer w, void *ud,
                                                tly_error *err);

/* A forecast's setup: everything between a front end's flags or keys and
 * a model with its options, set key by key from text and validated once
 * here (one message per mistake), so the CLI and the server only map
 * their names to these keys. Keys (values are text):
 *   electors     a built-in year: every unit's electors from its College
 *   national_sd  region_sd  numbers in [0, 1]
 *   regions      census4, census9 or (with files) a CSV file unit,region
 *   df           0 (normal) or a number above 2 (Student-t), at most 1e6
 *   method       auto, exact or mc
 *   sims         0..max_sims      seed  0..2^63-1     threads  1..256
 *   given        UNIT=D,UNIT=R (checked against the model when built)
 *   corr         (with files) a correlation matrix file; needs method mc
 *                or auto
 *   corr_repair  yes or no
 * and the front end's limits: files (yes or no, default no: whether
 * regions and corr may name files), max_sims (default 2^46), max_cost
 * (default 0, none; see tly_forecast_cost). Each unit's missing turnout
 * comes from the last built-in election's two-party vote. */
typedef struct tly_forecast_setup tly_forecast_setup;

TLY_API tly_status tly_forecast_setup_new(const tly_allocator *a,
                                          tly_forecast_setup **out,
                                          tly_error *err);
/* Frees s (and the given outcomes its options pointed to); NULL: no-op. */
TLY_API void tly_forecast_setup_free(tly_forecast_setup *s);
/* Sets key to value. TLY_EINVAL for an unknown key ("unknown forecast
 * key \"x\"") or a bad value (`national_sd "2" is not a number in [0,
 * 1]`); s is then unchanged. */
TLY_API tly_status tly_forecast_setup_set(tly_forecast_setup *s,
                                          const char *key, const char *value,
                                          tly_error *err);
/* The value set for key (as given), or NULL. */
TLY_API const char *tly_forecast_setup_get(const tly_forecast_setup *s,
                                           const char *key);
/* Builds the model from the CSV file at `name` (data NULL) or from len
 * bytes of data named `name`, applies the setup (electors, turnout,
 * regions, correlation, given) and fills *o: every option of the setup,
 * with o->given pointing into s (valid until s is freed); draws, progress
 * and cancel are left for the caller. Combinations are checked first:
 * "region_sd needs regions", "regions needs region_sd", "corr_repair needs
 * corr", "corr needs method mc", "method mc needs sims of at least 1"
 * (TLY_EINVAL). *moved gets the correlation repair's distance (0 when
 * none; moved may be NULL). On failure *model is NULL. */
TLY_API tly_status tly_forecast_setup_build(tly_forecast_setup *s,
                                            const char *name,
                                            const char *data, size_t len,
                                            tly_forecast_model **model,
                                            tly_forecast_opts *o,
                                            double *moved, tly_error *err);

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
/* The day of the week of d, "Sunday" ... "Saturday" (proleptic Gregorian);
 * "" for a month or day out of range. */
TLY_API const char *tly_date_weekday(tly_date d);

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

/*---- Recounts: statewide triggers for a presidential contest ----*/
typedef enum tly_recount_kind {
  TLY_RECOUNT_AUTOMATIC = 0, /* held without a request */
  TLY_RECOUNT_REQUESTED = 1  /* a candidate may petition */
} tly_recount_kind;

/* What a percentage threshold is a share of. */
typedef enum tly_recount_base {
  TLY_BASE_NONE = 0,    /* no percentage part */
  TLY_BASE_TOTAL = 1,   /* all votes for the office */
  TLY_BASE_TOP_TWO = 2, /* the top two candidates' votes combined */
  TLY_BASE_WINNER = 3   /* the winner's votes */
} tly_recount_base;

/* How a percentage part and a vote part combine. */
typedef enum tly_recount_combine {
  TLY_COMBINE_ONE = 0,    /* only one part is set */
  TLY_COMBINE_LESSER = 1, /* both must hold (the lesser of the two) */
  TLY_COMBINE_GREATER = 2 /* either suffices (the greater) */
} tly_recount_combine;

/* A row of the built-in trigger table: the margin triggers a recount when
 * it is within pct_num/pct_den of the base (strictly below when
 * pct_strict) and/or within `votes` votes, as `combine` says. A tie-only
 * rule is votes = 0; any_margin means any margin may be recounted. */
typedef struct tly_recount_trigger {
  const char *state;     /* "MI" */
  const char *label;     /* "machine recount", "" */
  tly_recount_kind kind;
  tly_recount_base base;
  int64_t pct_num, pct_den; /* 5/1000 = 0.5 %; pct_den 0 = no part */
  bool pct_strict;
  int64_t votes;            /* -1 = no vote part */
  bool votes_strict;
  tly_recount_combine combine;
  bool any_margin;
  int32_t first_year, last_year; /* years the sources attest it in force */
  const char *rule;   /* the rule in words */
  const char *mark;   /* "V", "P" or "U" as in the facts */
  const char *source; /* where it comes from */
} tly_recount_trigger;

/* The built-in table: row i of n (NULL past the end). */
TLY_API size_t tly_recount_n_triggers(void);
TLY_API const tly_recount_trigger *tly_recount_trigger_at(size_t i);

/* The largest margin (in votes) that triggers t, given the contest's
 * total votes for the office, the winner's and the runner-up's votes;
 * INT64_MAX for any_margin. TLY_EOVERFLOW, TLY_EINVAL on negative input. */
TLY_API tly_status tly_recount_threshold(const tly_recount_trigger *t,
                                         int64_t total, int64_t first,
                                         int64_t second,
                                         int64_t *max_margin /* OUT */,
                                         tly_error *err);

/* A trigger checked against an election. */
typedef struct tly_recount_check {
  const tly_recount_trigger *trigger;
  int32_t unit;          /* the state's unit in the election */
  int32_t first, second; /* top two candidates by votes (second -1 if
                            none) */
  int64_t first_votes, second_votes, total_votes;
  int64_t margin;        /* first_votes - second_votes */
  int64_t threshold;     /* the largest margin that triggers */
  bool met;              /* margin <= threshold */
} tly_recount_check;

/* Checks every trigger in force in e's year (first_year <= year <=
 * last_year) for the state `state` (NULL = every state), writing up to
 * cap rows into rows (cap >= tly_recount_n_triggers() is always enough)
 * and their number into *n. A state absent from e is skipped.
 * TLY_ENOTFOUND when `state` is not a state code; TLY_EOVERFLOW. */
TLY_API tly_status tly_recount_check_election(const tly_election *e,
                                              const char *state,
                                              tly_recount_check *rows,
                                              size_t cap, size_t *n,
                                              tly_error *err);
/* {year, source, recounts: [{state, kind, label, rule, base, winner,
 * runner_up, winner_votes, runner_up_votes, total_votes, margin, threshold
 * (null for any margin), met, mark, source}]}. */
TLY_API tly_status tly_json_recount(const tly_election *e,
                                    const tly_recount_check *rows, size_t n,
                                    tly_writer w, void *ud, tly_error *err);

/*---- Risk-limiting audits: BRAVO ballot polling (Lindeman, Stark and
 * Yates, EVT/WOTE 2012), two candidates, sampling with replacement ----*/

/* BRAVO's expected sample size (ballots, all ballots counted) from the
 * winner's and loser's shares of all ballots, Stark's formula:
 * [ln(1/a) + ln(2s)/2] / [p_w ln(2s) + p_l ln(2 - 2s)], s = p_w/(p_w+p_l).
 * TLY_EINVAL unless 0 < risk < 1, p_w > p_l > 0 and p_w + p_l <= 1. */
TLY_API tly_status tly_bravo_asn(double risk, double p_winner,
                                 double p_loser, double *asn /* OUT */,
                                 tly_error *err);
/* k_min(n): the fewest winner ballots among n ballots for the winner or
 * the loser that confirm the outcome, ceil(ln(1/a)/ln(s/(1-s)) + n
 * ln(1/(2-2s))/ln(s/(1-s))), s = the winner's share of the pair (s > .5);
 * may exceed n (the audit cannot stop yet). */
TLY_API tly_status tly_bravo_kmin(double risk, double s_winner, int64_t n,
                                  int64_t *k /* OUT */, tly_error *err);

typedef struct tly_bravo_opts {
  double risk;          /* the risk limit a, 0 < a < 1 */
  double p_winner, p_loser; /* shares of all ballots */
  int64_t ballots;      /* ballots cast, or 0 when unknown */
  uint64_t seed;        /* the simulation's seed (never the clock) */
  int64_t trials;       /* simulated audits, >= 1 */
  int64_t max_sample;   /* a trial that has drawn this many ballots stops
                           and counts as a full hand count, >= 1 */
  const tly_allocator *alloc; /* for the stopping samples; NULL = libc */
} tly_bravo_opts;

/* Quantiles reported of the stopping sample. */
#define TLY_BRAVO_NQ 6
TLY_API double tly_bravo_quantile_level(size_t i); /* .25 .5 .75 .9 .95 .99 */

typedef struct tly_bravo_result {
  double s_winner;      /* p_w / (p_w + p_l) */
  double asn;           /* tly_bravo_asn */
  bool practical;       /* false: asn >= max_sample or >= ballots: a
                           ballot-polling audit cannot be expected to stop;
                           no simulation was run (see the CLI's advice) */
  int64_t trials;       /* trials simulated: all asked (0 when
                           !practical) */
  int64_t escalated;    /* trials that reached max_sample unstopped */
  double mean;          /* mean stopping sample over all trials (an
                           escalated trial counts max_sample) */
  int64_t quantiles[TLY_BRAVO_NQ]; /* -1 when the quantile escalated */
} tly_bravo_result;

/* Runs BRAVO's SPRT on o->trials simulated audits of ballots drawn with
 * replacement from the reported shares (winner, loser, other), each trial
 * from its own stream derived from (seed, trial), and summarizes the
 * stopping sample. Runs every trial asked, or none: TLY_ERANGE (naming
 * the most trials that fit) when trials * min(ASN, max_sample) exceeds
 * 10^9 ballots drawn in all, or when the run draws 4 * 10^9 before it
 * ends. TLY_EINVAL as tly_bravo_asn, or for trials/max_sample < 1. */
/* The most trials tly_bravo_simulate runs for these options (all but
 * `trials`): those expected to draw at most 10^9 ballots in all, at most
 * 10,000,000; 0 when the shares or max_sample are invalid. */
TLY_API int64_t tly_bravo_max_trials(const tly_bravo_opts *o);
TLY_API tly_status tly_bravo_simulate(const tly_bravo_opts *o,
                                      tly_bravo_result *out /* OUT */,
                                      tly_error *err);
/* {risk, p_winner, p_loser, s_winner, asn, practical, seed, trials,
 * escalated, max_sample, mean (when practical), k_min: [{n, k}] at
 * n_at[0..n_k), quantiles: {"p25": n, "p50", "p75", "p90", "p95", "p99"}
 * (null when escalated or not simulated)}, plus {state, year, source,
 * ballots} when e is not NULL (unit: the audited state's unit). */
TLY_API tly_status tly_json_bravo(const tly_bravo_opts *o,
                                  const tly_bravo_result *r,
                                  const int64_t *n_at, size_t n_k,
                                  const tly_election *e, int32_t unit,
                                  tly_writer w, void *ud, tly_error *err);

/* The defaults of `tally audit` and the bindings: a fixed seed (never the
 * clock), the simulated audits, and a simulated audit's cap on ballots
 * drawn when the ballots cast are unknown. */
#define TLY_BRAVO_SEED 20121108
#define TLY_BRAVO_TRIALS 1000
#define TLY_BRAVO_MAX_SAMPLE 1000000

/* The contest audited in one state of an election. */
typedef struct tly_bravo_contest {
  int32_t unit;           /* the state's unit */
  int32_t winner, loser;  /* candidates: the top two by votes */
  int64_t winner_votes, loser_votes;
  int64_t total_votes;    /* all votes for the office in the state */
} tly_bravo_contest;

/* Sets o->p_winner and o->p_loser to the top two candidates' shares of all
 * votes for the office in `state` (the aggregate "Others" is not a
 * candidate; on equal votes the earlier candidate ranks first), and
 * o->ballots to that total [assumed: ballots without a presidential vote
 * are not in the data]; c (may be NULL) gets the contest. TLY_ENOTFOUND
 * ("unknown state 'XX'") when state is not a state of e with votes;
 * TLY_EINVAL when the top two are tied or the runner-up has no votes. On
 * failure *o and *c are unchanged. */
TLY_API tly_status tly_bravo_contest_find(const tly_election *e,
                                          const char *state,
                                          tly_bravo_opts *o,
                                          tly_bravo_contest *c /* OUT */,
                                          tly_error *err);

/* Fills the options left 0 with the defaults, max_sample first: the
 * ballots cast, or TLY_BRAVO_MAX_SAMPLE when unknown; then trials:
 * TLY_BRAVO_TRIALS, or tly_bravo_max_trials(o) when fewer fit (and at
 * least one does). Returns true when trials was so lowered. A seed of 0 is
 * a seed, not a default. Other fields are left as they are. */
TLY_API bool tly_bravo_defaults(tly_bravo_opts *o);

/* The sample sizes n at which k_min(n) is shown: 10, 20, 50, 100, 200,
 * 500, ... up to the first at or past min(4 ASN (p_w + p_l), max_sample),
 * about four times the expected ballots for the two, at most cap of them,
 * into n_at; returns how many. */
TLY_API size_t tly_bravo_ladder(const tly_bravo_opts *o,
                                const tly_bravo_result *r, int64_t *n_at,
                                size_t cap);

/* @@API-PROCESS@@ */

/*==== Pictures: SVG 1.1 =====================================================
 * A tile-grid map of the United States (one equal square per state and DC
 * in the familiar grid; Maine and Nebraska split into at-large and district
 * cells), a bar of electors with the majority line and a histogram of
 * electoral votes. Every picture is a standalone, valid SVG 1.1 document
 * with a <title> and a <desc> that say in words what it shows, and is
 * readable without colour: the winner's letter (D, R, or an initial) is on
 * every tile and Republican tiles are hatched. Written through w in one
 * call; TLY_ENOMEM, TLY_EIO when w fails. */

typedef struct tly_svg_opts {
  const char *title; /* NULL: a title naming the election ("2016
                        presidential election") */
  const char *note;  /* a line under the subtitle (e.g. the what-if), or
                        NULL for none */
  const char *labels[2]; /* histogram and probability map: the two sides'
                            names; NULL: "Democrat", "Republican" */
  const tly_allocator *alloc; /* for the picture's buffer; NULL: libc */
} tly_svg_opts;

/* The map of the College o of e: each tile coloured by its winner (blue
 * D, red R, purple any other) and shaded by the margin in points (< 5,
 * 5-15, 15 and more; computed exactly), with its code, electors and the
 * winner's letter; a split award (a proportional rule) in stripes by
 * electors; a tie grey; a state of the grid that e lacks (it left the
 * Union in a what-if) a dashed outline. Above the map the subtitle names
 * the source and the winner, then the bar of electors; a legend sits in
 * the grid's empty corner. opts may be NULL. */
TLY_API tly_status tly_svg_map(const tly_election *e, const tly_outcome *o,
                               const tly_svg_opts *opts, tly_writer w,
                               void *ud, tly_error *err);

/* The bar of electors pledged alone: the Democrat from the left, the
 * Republican from the right, others and undecided electors between, and
 * the majority line at the middle (a majority is more than half). */
TLY_API tly_status tly_svg_bar(const tly_election *e, const tly_outcome *o,
                               const tly_svg_opts *opts, tly_writer w,
                               void *ud, tly_error *err);

/* The histogram of electoral votes for a forecast: p[k] is the probability
 * that the first side (labels[0]) wins exactly k electors, k = 0..n-1, so
 * the College has n - 1 electors and a majority is (n - 1) / 2 + 1. Bars
 * at or past the majority are the first side's colour, bars where the
 * second side has a majority its colour, a tie grey; the subtitle gives
 * both sides' probabilities of a majority (sums of p). TLY_EINVAL when
 * n < 2 or n > 100001, or a p[k] is not a finite number in [0, 1]. */
TLY_API tly_status tly_svg_histogram(const double *p, size_t n,
                                     const tly_svg_opts *opts, tly_writer w,
                                     void *ud, tly_error *err);

/* The map of a forecast: n units (codes "CA", "ME-2", as in the grid),
 * their electors and the probability p_first[i] that the first side wins
 * each; tiles coloured by the favourite and shaded by its probability
 * (< 65 %, 65-95 %, 95 % and more), with that probability written on the
 * tile. TLY_EINVAL for a code outside the grid, a negative elector count or
 * a probability outside [0, 1]. */
TLY_API tly_status tly_svg_prob_map(const char *const *codes,
                                    const int32_t *electors,
                                    const double *p_first, size_t n,
                                    const tly_svg_opts *opts, tly_writer w,
                                    void *ud, tly_error *err);

/* @@API-SVG@@ */

/*---- Counties and congressional districts (county.c) ----*/

/* Built-in results below the state: counties (MEDSL county returns
 * 2000-2020; 2024 from the tonmcg county file, D, R and total only) and
 * congressional districts (The Downballot, 2008-2024; 2016 and 2020 rebuilt
 * from rounded shares). These are different sources from the state returns:
 * compare them with tly_areas_diffs, never mix them silently. */
typedef struct tly_areas tly_areas;

/* Vote columns of an area: the Democratic, Republican, Libertarian and Green
 * candidates and all others. */
enum { TLY_AREA_DEM = 0, TLY_AREA_REP, TLY_AREA_LIB, TLY_AREA_GRN,
       TLY_AREA_OTH, TLY_AREA_COLS };

typedef struct tly_area {
  char code[8];   /* county: 5-digit FIPS ("42101"; "SS000" is a statewide
                     unit: Alaska, or votes that belong to no county);
                     district: "PA-7" */
  char state[4];  /* postal code */
  const char *name;            /* "Philadelphia County", "PA-7" */
  int64_t votes[TLY_AREA_COLS]; /* -1 where the source has no such column
                                   (for the whole table, or for this
                                   area's state: PA 2020 Green) */
  int64_t total;               /* all votes for President */
  int64_t pop;     /* county: resident population at the census of
                      tly_areas_census (-1 when that census lacks it) */
} tly_area;

/* The counties of `year` (2000-2024, every 4 years), in FIPS order; `state`
 * a postal code or NULL for all. TLY_ENODATA for another year,
 * TLY_ENOTFOUND for an unknown state. On failure *out is NULL. */
TLY_API tly_status tly_areas_counties(int year, const char *state,
                                      const tly_allocator *a,
                                      tly_areas **out, tly_error *err);
/* The 435 congressional districts of `year` (2008-2024, every 4 years), on
 * the plan the election was held under, by state and number; `state` as
 * above. Errors as tly_areas_counties. */
TLY_API tly_status tly_areas_districts(int year, const char *state,
                                       const tly_allocator *a,
                                       tly_areas **out, tly_error *err);
/* The counties of a MEDSL county ("countypres") or precinct file (plain
 * or gzip; "-" reads standard input), aggregated by MEDSL's mode rule (a unit's TOTAL rows
 * where present, else the sum of its mode rows; README, "County and
 * precinct files"), for opts->year (required when the file has no year
 * column or several years), `state` a postal code or NULL for all. Columns
 * by party (a candidate's column is the party line with most of his
 * votes); votes of no county (Alaska, towns without a FIPS code) are the
 * state's "SS000" row. Errors carry FILE:LINE:COL; TLY_EINVAL for another
 * layout. No population (census 0). */
TLY_API tly_status tly_areas_load(const char *path,
                                  const tly_load_opts *opts,
                                  const char *state, const tly_allocator *a,
                                  tly_areas **out, tly_error *err);
/* Frees t; NULL is a no-op. */
TLY_API void tly_areas_free(tly_areas *t);
TLY_API int tly_areas_year(const tly_areas *t);
TLY_API size_t tly_areas_n(const tly_areas *t);
TLY_API const tly_area *tly_areas_row(const tly_areas *t, size_t i);
/* The candidate behind vote column col ("Joe Biden", "Others"), or NULL
 * when the source has no such column. */
TLY_API const char *tly_areas_candidate(const tly_areas *t, size_t col);
/* The source, named for output ("MEDSL county returns 2000-2020 ..."). */
TLY_API const char *tly_areas_source(const tly_areas *t);
/* True when the counts are approximate (districts 2016 and 2020: rebuilt
 * from rounded two-party shares); every output must then say so. */
TLY_API bool tly_areas_approx(const tly_areas *t);
/* The census year of the populations (2000 for 2000-2008, ...), 0 when
 * the table has none (districts). */
TLY_API int tly_areas_census(const tly_areas *t);

/* A state whose areas' sum differs from its state return. */
typedef struct tly_area_diff {
  char state[4];
  int64_t areas[2]; /* the areas' sum for the D and R nominees */
  int64_t state_votes[2]; /* the state return of e for the same */
} tly_area_diff;

/* Compares t's per-state sums of the D and R columns with the state
 * returns of e (same year; its Democratic and Republican nominees) and
 * writes each state that differs into out[0..cap), *n = how many differ
 * (may exceed cap). Only states present in t are compared. TLY_EINVAL when
 * the years differ or e lacks a D or R nominee; TLY_EOVERFLOW. */
TLY_API tly_status tly_areas_diffs(const tly_areas *t, const tly_election *e,
                                   tly_area_diff *out, size_t cap,
                                   size_t *n, tly_error *err);

/* The JSON of t through w: {year, source, approximate, candidates {dem, rep,
 * ...}, population_census (counties), areas [{code, state, name, votes {dem,
 * rep, ...: the source's columns only}, total, margin_dem_minus_rep,
 * dem_pct, rep_pct, population}], and, when e (the state returns of the
 * same year) is not NULL, state_differences {state_source, states [{state,
 * areas_dem, areas_rep, state_dem, state_rep}]}}. Errors as
 * tly_areas_diffs; TLY_EIO when w fails. */
TLY_API tly_status tly_json_areas(const tly_areas *t, const tly_election *e,
                                  tly_writer w, void *ud, tly_error *err);

/*---- Maps: state and county shapes (geo.c, svg_geo.c) ----*/

/* The states and counties as shapes for a geographic map: us-atlas 3.0.1
 * (Mike Bostock, ISC licence), the Census Bureau's cartographic boundary
 * files, 2017 edition, projected by d3.geoAlbersUsa (Alaska and Hawaii
 * moved below the 48 states) into a 975 x 610 pixel frame, simplified by
 * data/mkdata.py (data/README.md). Coordinates are integers in tenths of a
 * pixel: x to the right, y down, within TLY_GEO_WIDTH x TLY_GEO_HEIGHT
 * (but Alaska's westernmost Aleutians, to x = -577, as in the atlas). */
#define TLY_GEO_WIDTH 9750
#define TLY_GEO_HEIGHT 6100

typedef struct tly_geo tly_geo;

typedef enum tly_geo_layer {
  TLY_GEO_STATES = 0,  /* the 50 states and DC, by postal code */
  TLY_GEO_COUNTIES = 1 /* counties and county equivalents by 5-digit FIPS
                          ("06037"); Alaska is one shape "02000", as the
                          county returns have it */
} tly_geo_layer;

typedef struct tly_geo_shape {
  char code[8];     /* "CA"; "06037" */
  char state[4];    /* postal code of the state */
  const char *name; /* "California"; "Los Angeles" (the atlas's name) */
  int32_t box[4];   /* bounding box: x0, y0, x1, y1 */
  int32_t label[2]; /* a point inside, away from the edges (states); the
                       box's centre (counties) */
} tly_geo_shape;

/* The shapes of `layer`, in code order. TLY_EINVAL for another layer;
 * TLY_ENOMEM. On failure *out is NULL. */
TLY_API tly_status tly_geo_load(tly_geo_layer layer, const tly_allocator *a,
                                tly_geo **out, tly_error *err);
/* Frees g; NULL is a no-op. */
TLY_API void tly_geo_free(tly_geo *g);
TLY_API size_t tly_geo_n(const tly_geo *g);
TLY_API const tly_geo_shape *tly_geo_shape_at(const tly_geo *g, size_t i);
/* The index of the shape with code `code` (case-insensitive), or -1. */
TLY_API int32_t tly_geo_find(const tly_geo *g, const char *code);
/* The source line every map must show: "us-atlas 3.0.1 (Census Bureau
 * cartographic boundaries)". */
TLY_API const char *tly_geo_source(void);
/* Writes the SVG path data of shape i through w: one subpath per ring
 * ("M x y l dx dy ... z"), to be filled with fill-rule evenodd (holes are
 * rings too). Neighbours share their borders point for point. TLY_EINVAL
 * when i is out of range; TLY_ENOMEM; TLY_EIO when w fails. */
TLY_API tly_status tly_geo_path(const tly_geo *g, size_t i, tly_writer w,
                                void *ud, tly_error *err);
/* The JSON of g through w: {source, licence, layer ("states" or
 * "counties"), width, height, unit ("0.1 px"), shapes [{code, state,
 * name, box [x0, y0, x1, y1], label [x, y], path}]} (path as
 * tly_geo_path). TLY_ENOMEM; TLY_EIO when w fails. */
TLY_API tly_status tly_json_geo(const tly_geo *g, tly_writer w, void *ud,
                                tly_error *err);

/* Options of the geographic maps. */
typedef struct tly_svg_geo_opts {
  const char *title; /* NULL: "YEAR presidential election" (states) or
                        "YEAR presidential election by county" */
  const char *note;  /* a line under the subtitle, or NULL */
  const tly_allocator *alloc; /* NULL: libc */
} tly_svg_geo_opts;

/* The College o of e on the map of the states: each state coloured by its
 * winner and shaded by the margin as tly_svg_map does (hatched when
 * Republican, the winner's letter and electors on it or beside it for the
 * small states of the Northeast); Maine's and Nebraska's district winners
 * as small labelled squares by the state; a state that left the Union in
 * a what-if grey with a dashed outline; a state a redraw made or changed
 * (tly_election_redrawn) drawn from its counties' shapes with a dark
 * outline, its counties that left grey, a state with no county shape (an
 * admitted PR) a labelled box; the bar of electors, a legend, a title and a
 * source line naming e's source and tly_geo_source(). Errors as
 * tly_svg_map. */
TLY_API tly_status tly_svg_geo_map(const tly_election *e,
                                   const tly_outcome *o,
                                   const tly_svg_geo_opts *opts,
                                   tly_writer w, void *ud, tly_error *err);

/* Every county of t (tly_areas_counties of one year, all states) shaded by
 * the margin of the Democratic over the Republican candidate in points, on
 * a diverging ten-class scale (ColorBrewer RdBu, safe for colour-blind
 * readers; bins compared exactly in integers), with the state borders
 * over them, a legend, a title and a source line naming t's source and
 * tly_geo_source(). A state whose returns are not by the shapes' counties
 * (Alaska, one unit; Connecticut in 2024, by planning region) is one shape
 * shaded by the sum of its rows; a county without returns is grey and
 * counted in the legend; rows that belong to no county ("SS000" beside
 * counties) are left out of the shading. TLY_EINVAL for NULL t or w. */
TLY_API tly_status tly_svg_geo_counties(const tly_areas *t,
                                        const tly_svg_geo_opts *opts,
                                        tly_writer w, void *ud,
                                        tly_error *err);
/*==== Polls: from FiveThirtyEight's poll files to a forecast input ========
 * Reads the poll layouts FiveThirtyEight published (CC BY 4.0: attribute
 * "FiveThirtyEight"), keeps one value per poll, averages each unit's
 * polls by a stated method, fills units without polls by uniform swing,
 * and attaches an error model calibrated on 538's raw-polls (state
 * averages of the final 21 days, 2000-2020). README, "Polls". */

/* The layouts, told apart by their header. */
typedef enum tly_polls_layout {
  TLY_POLLS_538_LONG = 1,  /* 2020/2024 president_polls.csv: one row per
                              answer, question_id, candidate party */
  TLY_POLLS_538_SUBSET = 2, /* the final 2020 file's column subset: no
                               question_id; a question is a run of rows */
  TLY_POLLS_538_WIDE = 3,   /* one row per question, Biden and Trump
                               columns */
  TLY_POLLS_538_2016 = 4,   /* president_general_polls_2016.csv */
  TLY_POLLS_TALLY = 5       /* tally's own: cycle,unit,poll_id,question,
                               pollster,start_date,end_date,population,
                               sample_size,dem,rep (the built-in tables) */
} tly_polls_layout;

/* One poll question asking both major-party nominees. */
typedef struct tly_poll {
  char unit[8];         /* "PA", "ME-2", or "US" for a national poll */
  int32_t pollster;     /* index: tly_polls_pollster(p, k) */
  int32_t cycle;        /* election year */
  int64_t poll_id;      /* the file's poll id */
  int64_t question;     /* question id (or its number within the poll) */
  tly_date start, end;  /* field dates */
  char population[4];   /* "lv", "rv", "v" or "a" */
  int64_t sample_size;  /* -1 when not given */
  double dem, rep;      /* the nominees' percentages as printed */
  int64_t line;         /* line of the question's first row */
} tly_poll;

/* The polls of one cycle read from a file. */
typedef struct tly_polls tly_polls;

typedef struct tly_polls_read_opts {
  int32_t cycle; /* 0: the file's only cycle; a file mixing cycles then
                    fails (TLY_EINVAL at the first row of a second one) */
} tly_polls_read_opts;

/* Reads a poll file (plain or gzip-compressed) in one of the layouts.
 * Strict: a date that is not m/d/yy, m/d/yyyy or YYYY-MM-DD and a real
 * day, a share outside [0, 100], a population other than lv/rv/v/a, an
 * unknown state, a question id seen apart from its other rows: TLY_EPARSE
 * at FILE:LINE:COL. Questions without both nominees (the Democrat and the
 * Republican of the built-in results of that cycle) are left out and
 * counted. An unknown header is TLY_EPARSE at line 1. opts may be NULL. */
TLY_API tly_status tly_polls_load(const char *path,
                                  const tly_polls_read_opts *opts,
                                  const tly_allocator *a, tly_polls **out,
                                  tly_error *err);
/* As tly_polls_load, from len bytes (not compressed) named `name`. */
TLY_API tly_status tly_polls_parse(const char *name, const char *data,
                                   size_t len,
                                   const tly_polls_read_opts *opts,
                                   const tly_allocator *a, tly_polls **out,
                                   tly_error *err);
/* The built-in table of `cycle` (2016, 2020); TLY_ENODATA otherwise. */
TLY_API tly_status tly_polls_builtin(int cycle, const tly_allocator *a,
                                     tly_polls **out, tly_error *err);
/* Frees p; NULL is a no-op. */
TLY_API void tly_polls_free(tly_polls *p);

TLY_API tly_polls_layout tly_polls_layout_of(const tly_polls *p);
/* "538 president_polls (2020/2024 layout)", ... */
TLY_API const char *tly_polls_layout_name(tly_polls_layout l);
TLY_API int32_t tly_polls_cycle(const tly_polls *p);
TLY_API size_t tly_polls_n(const tly_polls *p);
TLY_API const tly_poll *tly_polls_get(const tly_polls *p, size_t i);
TLY_API const char *tly_polls_pollster(const tly_polls *p, int32_t k);
/* Questions left out: without both nominees; of another cycle. */
TLY_API size_t tly_polls_n_skipped(const tly_polls *p);
TLY_API size_t tly_polls_n_other_cycle(const tly_polls *p);
/* The latest end date of any poll. */
TLY_API tly_date tly_polls_last_date(const tly_polls *p);

typedef enum tly_polls_dedupe {
  TLY_POLLS_DEDUPE_LATEST = 0, /* each pollster's latest poll in a unit */
  TLY_POLLS_DEDUPE_NONE = 1    /* every poll */
} tly_polls_dedupe;

typedef struct tly_polls_avg_opts {
  tly_date as_of;          /* year 0: the latest end date in the file */
  int32_t window_days;     /* polls ending in the window_days days up to
                              as_of, inclusive (1..3660) */
  char populations[16];    /* preference order, "lv,rv,v,a" */
  tly_polls_dedupe dedupe;
} tly_polls_avg_opts;

/* Defaults: the latest date, 21 days, "lv,rv,v,a", latest per pollster
 * (the choices the 2016 and 2020 backtests support; README, "Polls"). */
TLY_API void tly_polls_avg_opts_init(tly_polls_avg_opts *o);

/* The error model, calibrated from 538's raw-polls (built in), error =
 * poll two-party share minus the certified one. The state part: the
 * presidential state averages of the cycles first_cycle..last_cycle about
 * their cycle's bias (the mean over its states). The shared part: one
 * cycle-wide bias, the mean error of all statewide races of a cycle
 * (president by state, Senate, governor; even years shared_first..
 * shared_last), taken as Student-t with df = n_shared_cycles and scale
 * national_scale (the RMS of those biases about 0): the predictive of a
 * zero-mean normal bias whose variance is estimated from that many
 * cycles. national_sd is that t's sd: a unit's error, that t plus its own
 * normal part, is within 0.07 points of a normal with sd sqrt(state_sd^2
 * + national_sd^2) up to its 99.5 % quantile (2016 and 2020), which is
 * what the forecast (--national-sd, normal errors) and the backtest use. */
typedef struct tly_polls_calib {
  int32_t first_cycle, last_cycle, n_cycles; /* presidential cycles */
  int32_t n_state_cycles;   /* state averages behind state_sd */
  double state_sd;          /* sd of the errors about their cycle's bias */
  double bias[8];           /* each presidential cycle's bias, first_cycle
                               upward */
  int32_t shared_first, shared_last, n_shared_cycles; /* even years */
  int32_t n_races;          /* statewide races behind the cycle biases */
  double shared_bias[16];   /* each even year's bias, shared_first up */
  double national_scale;    /* RMS of the shared biases (t scale) */
  double df;                /* = n_shared_cycles */
  double national_sd;       /* national_scale * sqrt(df / (df - 2)) */
  double shared_half80, shared_half95; /* half-widths of the shared part's
                                          central 80 % / 95 % intervals */
  int32_t shared_checked;   /* cycles predicted from >= 3 before them */
  int32_t shared_held80, shared_held95; /* of those, inside the
                                           predictive 80 % / 95 % */
  double swing_sd;          /* sd of a state's two-party swing about the
                               national swing (built-in results) */
  int32_t swing_first, swing_last; /* the elections behind swing_sd */
  /* A polled unit's own sd: sqrt(common_sd^2 + pollster_sd^2 * w + sv),
   * w the sum over its pollsters of their share of its polls squared (1/m
   * for m pollsters with one poll each), sv its average's sampling
   * variance (sum of p (1 - p) / n2 over its polls, / m^2), fitted on the
   * n_own_fit presidential state averages behind state_sd. */
  double common_sd;         /* shared by all the polls of a unit */
  double pollster_sd;       /* one per pollster, beyond sampling */
  double poll_sampling_var; /* raw-polls' mean sampling variance of one
                               poll: used for a poll without a size */
  double raw_sampling_sd;   /* RMS sampling sd of raw-polls' averages */
  int32_t n_own_fit;
  /* Leave-future-out check of the state part on raw-polls: each
   * presidential cycle own_check_first..own_check_last (with 2 before it)
   * predicted by both own-sd models fitted on the cycles before it; of its
   * own_checked state averages, how many errors about the cycle's bias
   * fell inside the normal 80 % / 95 % intervals, and the mean negative
   * log density (share units; lower is better). */
  int32_t own_check_first, own_check_last, own_checked;
  int32_t pooled_held80, pooled_held95;     /* sd = state_sd */
  int32_t by_polls_held80, by_polls_held95; /* sd from w and sv */
  double pooled_nll, by_polls_nll;
  /* The same averages' errors (not about the bias) inside the whole
   * intervals, sd = sqrt(own^2 + national sd^2), the national sd from
   * the even years before each cycle: per state across cycles. */
  int32_t pooled_total80, pooled_total95;
  int32_t by_polls_total80, by_polls_total95;
} tly_polls_calib;

/* Calibrates on the cycles before `cycle` (raw-polls begins in 1998; the
 * state part needs the presidential cycles from 2000). TLY_ENODATA when
 * fewer than 2 presidential cycles are available. */
TLY_API tly_status tly_polls_calibrate(int cycle, tly_polls_calib *out,
                                       tly_error *err);

/* The share of the polls for neither major candidate (undecided and third
 * parties: 100 - cand1_pct - cand2_pct in raw-polls, the mean over an
 * average's polls), checked as a driver of the error on raw-polls before
 * `cycle`, leave-future-out (README, "Polls"); the error model does not
 * use it (the checks do not support it). The state part: own sd^2 =
 * base_sd^2 + (per_other * other)^2, fitted like the own sd by polls
 * (least squares of the squared residuals about each cycle's bias, both
 * terms >= 0) on n_fit presidential state averages; each presidential
 * cycle of tly_polls_calib's own_check predicted from the cycles before
 * it and scored the same way (checked, held80/95: the state part; total:
 * the whole interval with the model's national sd; nll: mean negative log
 * density, share units, lower is better). The shared part: an even year's
 * bias taken as a t (df = the k years before it) with scale
 * shared_per_other (the RMS of the earlier years' bias / mean other share)
 * times its own statewide races' mean other share; each year with >= 3
 * before it predicted (shared_checked, held in the 80 % / 95 %
 * intervals) and its mean negative log density beside the model's
 * (constant scale). And the shared scale of the presidential years alone:
 * each presidential year with >= 2 before it, from those only (pres_nll)
 * against the model's all even years (pres_nll_all). TLY_ENODATA without
 * 2 presidential cycles before `cycle`. */
typedef struct tly_polls_other_check {
  double base_sd;          /* share units */
  double per_other;        /* sd per unit of other share */
  double mean_other;       /* mean other share of the n_fit averages */
  int32_t n_fit;
  int32_t checked, held80, held95, total80, total95;
  double nll;
  double shared_per_other; /* RMS of (bias / other) over the even years */
  int32_t shared_checked, shared_held80, shared_held95;
  double shared_nll, shared_nll_const;
  int32_t pres_checked;
  double pres_nll, pres_nll_all;
} tly_polls_other_check;

TLY_API tly_status tly_polls_other_check_run(int cycle,
                                             tly_polls_other_check *out,
                                             tly_error *err);

/* A unit's average. */
typedef struct tly_polls_unit {
  char code[8];        /* "PA", "ME-2" */
  double share;        /* the Democrat's two-party share, [0, 1] */
  double sd;           /* the unit's own sd (calibrated) */
  int32_t n_polls;     /* polls averaged (0: uniform swing) */
  int32_t n_pollsters;
  tly_date first, last; /* earliest start and latest end of those polls */
  bool swing;          /* no polls: last election moved by the swing */
  double last_share;   /* the last election's two-party share; NaN if none */
  int32_t electors;    /* the unit's electors (at-large for ME/NE) */
} tly_polls_unit;

typedef struct tly_polls_average tly_polls_average;

/* Averages the polls of p by o (NULL: defaults): per unit (50 states, DC
 * and the ME/NE districts of the cycle's built-in results) one value per
 * poll (its question of the most preferred population; of several such,
 * the lowest question id), deduplicated as o says, equal weights. A unit
 * without polls gets the last election's share (cycle - 4, built-in
 * results) moved by the national swing: national polls' average minus the
 * last national two-party share, or without national polls the mean swing
 * of the polled states weighted by their last two-party vote. sd: the
 * calibration's state_sd, swing_sd for a swing unit. TLY_EINVAL for bad
 * options; TLY_ENODATA when no poll is in the window. */
TLY_API tly_status tly_polls_average_run(const tly_polls *p,
                                         const tly_polls_avg_opts *o,
                                         tly_polls_average **out,
                                         tly_error *err);
TLY_API void tly_polls_average_free(tly_polls_average *v);
TLY_API size_t tly_polls_average_n_units(const tly_polls_average *v);
TLY_API const tly_polls_unit *
tly_polls_average_unit(const tly_polls_average *v, size_t i);
/* The national swing used for units without polls (share points / 100),
 * and the number of national polls behind it (0: from the states). */
TLY_API double tly_polls_average_swing(const tly_polls_average *v,
                                       int32_t *n_national);
TLY_API const tly_polls_calib *
tly_polls_average_calib(const tly_polls_average *v);
TLY_API const tly_polls_avg_opts *
tly_polls_average_opts(const tly_polls_average *v);
TLY_API int32_t tly_polls_average_cycle(const tly_polls_average *v);
/* The method in words, one sentence per choice, '\n' between them. */
TLY_API const char *tly_polls_average_method(const tly_polls_average *v);

/* The forecast input `code,mean,sd,electors` (tally forecast reads it). */
TLY_API tly_status tly_polls_write_model(const tly_polls_average *v,
                                         tly_writer w, void *ud,
                                         tly_error *err);
/* The averages as CSV `code,share,sd,polls,pollsters,first,last,method`:
 * first = earliest start, last = latest end of the polls averaged (empty
 * for a uniform-swing unit), method "polls" or "uniform swing". */
TLY_API tly_status tly_polls_write_csv(const tly_polls_average *v,
                                       tly_writer w, void *ud,
                                       tly_error *err);
/* The JSON object {cycle, source, method: {...}, national_swing, units:
 * [...], calibration: {...}}. */
TLY_API tly_status tly_json_polls(const tly_polls_average *v, tly_writer w,
                                  void *ud, tly_error *err);
/* A forecast model of the average (units, means, sds, electors). */
TLY_API tly_status tly_polls_forecast_model(const tly_polls_average *v,
                                            const tly_allocator *a,
                                            tly_forecast_model **out,
                                            tly_error *err);

/* A backtest row: a state or DC. NaN where a figure is missing. */
typedef struct tly_polls_bt_unit {
  char code[8];
  double actual;     /* certified two-party share (FEC) */
  double ours, p_ours; /* our average and P(Democrat wins) */
  double fte, p_fte;   /* 538's final average and P under our sd */
  double sd;         /* total sd (own and national); probabilities and
                        intervals: normal */
  double own_sd;     /* the unit's own sd */
} tly_polls_bt_unit;

typedef struct tly_polls_bt_summary {
  int32_t n;            /* units scored */
  double bias, rmse;    /* mean and RMS of (estimate - actual), points */
  int32_t n_wrong;      /* leader called wrong */
  char wrong[160];      /* their codes, "FL NC" */
  double brier, log_loss;
  double cover80, cover95; /* share of actuals inside the intervals */
  double state80, state95; /* the same for the state part alone: errors
                              about this cycle's bias within the own sd */
  double expect80, expect95; /* what a calibrated state part would hold
                                given this cycle's shared miss (bias):
                                the mean of P(|bias + own sd * Z| <=
                                half-width), Z standard normal */
} tly_polls_bt_summary;

typedef struct tly_polls_backtest tly_polls_backtest;

/* Runs the pipeline on p (NULL: the built-in table of `cycle`; else p
 * must be of that cycle, TLY_EINVAL) with options o (NULL: defaults), as
 * of the day before that cycle's election or the file's last poll when it
 * ends earlier (o's as_of is replaced), against the certified (FEC)
 * two-party results of the 50 states and DC, beside 538's final averages
 * where built in (2020), scored with the same sds. */
TLY_API tly_status tly_polls_backtest_run(const tly_polls *p, int cycle,
                                          const tly_polls_avg_opts *o,
                                          tly_polls_backtest **out,
                                          tly_error *err);
TLY_API void tly_polls_backtest_free(tly_polls_backtest *b);
TLY_API size_t tly_polls_backtest_n(const tly_polls_backtest *b);
TLY_API const tly_polls_bt_unit *
tly_polls_backtest_unit(const tly_polls_backtest *b, size_t i);
/* which 0: ours; 1: 538's (n = 0 when not built in for that cycle); 2:
 * ours with each polled unit's own sd by its polls (tly_polls_calib:
 * common_sd, pollster_sd and the average's sampling variance) instead of
 * state_sd, the alternative the README's backtest table compares; 3:
 * ours with the own sd by other share (tly_polls_other_check). */
TLY_API const tly_polls_bt_summary *
tly_polls_backtest_summary(const tly_polls_backtest *b, int which);
/* The other-share check of the cycles before the backtest's (which 3 of
 * tly_polls_backtest_summary scores: each polled unit's own sd
 * sqrt(base_sd^2 + (per_other * other)^2), other its polls' mean share
 * for neither nominee, 1 - (dem + rep) / 100). */
TLY_API const tly_polls_other_check *
tly_polls_backtest_other_check(const tly_polls_backtest *b);
TLY_API const tly_polls_average *
tly_polls_backtest_average(const tly_polls_backtest *b);
TLY_API tly_status tly_json_polls_backtest(const tly_polls_backtest *b,
                                           tly_writer w, void *ud,
                                           tly_error *err);

/* @@API-POLLS@@ */

#ifdef __cplusplus
}
#endif
#endif /* TALLY_H */
