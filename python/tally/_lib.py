"""The C declarations tally's binding uses (cffi, ABI mode) and the loaded
library. Written by hand from include/tally.h; only what the package calls."""
from __future__ import annotations

import os

import cffi

CDEF = """
typedef int tly_status;
typedef struct tly_error {
  tly_status status;
  char msg[256];
  char file[256];
  int64_t line;
  int64_t col;
} tly_error;
typedef struct tly_allocator tly_allocator;
typedef int (*tly_writer)(void *ud, const char *p, size_t n);

typedef struct tly_election tly_election;
typedef struct tly_outcome tly_outcome;
typedef struct tly_candidate { const char *name; const char *party; } tly_candidate;
typedef struct tly_unit {
  char code[8];
  int32_t parent;
  int32_t electors;
  bool has_votes;
  int32_t recorded_winner;
  bool by_record;
  bool not_counted;
} tly_unit;
typedef struct tly_cast_record {
  int32_t unit; int32_t pledged; int32_t cast; int32_t electors;
  bool not_counted;
} tly_cast_record;
typedef struct tly_load_opts {
  int year;
  int threads;
  void (*progress)(void *ud, int64_t done, int64_t size);
  void *progress_ud;
} tly_load_opts;

const char *tly_status_name(tly_status s);
size_t tly_builtin_years(int *years, size_t cap);
int tly_builtin_source(int year);
tly_status tly_json_years(const tly_allocator *a, tly_writer w, void *ud,
                          tly_error *err);
tly_status tly_election_builtin(int year, int source, const tly_allocator *a,
                                tly_election **out, tly_error *err);
tly_status tly_election_load(const char *path, const tly_load_opts *opts,
                             const tly_allocator *a, tly_election **out,
                             tly_error *err);
tly_status tly_election_parse(const char *name, const char *data, size_t len,
                              const tly_load_opts *opts,
                              const tly_allocator *a, tly_election **out,
                              tly_error *err);
void tly_election_free(tly_election *e);
int tly_election_year(const tly_election *e);
const char *tly_election_source_name(const tly_election *e);
size_t tly_election_n_units(const tly_election *e);
const tly_unit *tly_election_unit(const tly_election *e, size_t i);
int32_t tly_election_find_unit(const tly_election *e, const char *code);
int32_t tly_election_find_candidate(const tly_election *e, const char *key);
size_t tly_election_n_candidates(const tly_election *e);
const tly_candidate *tly_election_candidate(const tly_election *e, size_t i);
size_t tly_election_n_cast_records(const tly_election *e);
const tly_cast_record *tly_election_cast_record(const tly_election *e,
                                                size_t i);
const char *tly_state_name(const char *code);

tly_status tly_college(const tly_election *e, tly_outcome **out,
                       tly_error *err);
void tly_outcome_free(tly_outcome *o);
bool tly_outcome_cast_applies(const tly_election *e, const tly_outcome *o,
                              size_t i);
tly_status tly_json_result(const tly_election *e, const tly_outcome *o,
                           tly_writer w, void *ud, tly_error *err);

typedef struct tly_whatif_spec tly_whatif_spec;
tly_status tly_whatif_spec_new(const tly_allocator *a, tly_whatif_spec **out,
                               tly_error *err);
void tly_whatif_spec_free(tly_whatif_spec *s);
tly_status tly_whatif_spec_set(tly_whatif_spec *s, const char *key,
                               const char *text, tly_error *err);
tly_status tly_whatif_spec_check(const tly_whatif_spec *s, tly_error *err);
tly_status tly_whatif_spec_apply(const tly_election *in,
                                 const tly_whatif_spec *s,
                                 tly_election **out, tly_error *err);
void tly_whatif_spec_describe(const tly_whatif_spec *s, char *buf,
                              size_t size);
tly_status tly_json_whatif(const tly_election *base, const tly_outcome *ob,
                           const tly_election *wi, const tly_outcome *ow,
                           tly_writer w, void *ud, tly_error *err);

typedef struct tly_apportionment tly_apportionment;
tly_status tly_method_from_name(const char *name, int *out, tly_error *err);
tly_status tly_apportion_census(int census, int64_t seats, int m,
                                const char *const *without, size_t n_without,
                                const tly_allocator *a,
                                tly_apportionment **out, tly_error *err);
void tly_apportionment_free(tly_apportionment *r);
tly_status tly_json_apportionment(const tly_apportionment *r, int census,
                                  size_t n_next, bool with_priority,
                                  tly_writer w, void *ud, tly_error *err);

typedef struct tly_flip_opts { int target; int32_t to; } tly_flip_opts;
typedef struct tly_flip tly_flip;
tly_status tly_flip_compute(const tly_election *e, const tly_flip_opts *opts,
                            tly_flip **out, tly_error *err);
void tly_flip_free(tly_flip *f);
tly_status tly_json_flip(const tly_election *e, const tly_flip *f,
                         tly_writer w, void *ud, tly_error *err);

typedef struct tly_tipping tly_tipping;
tly_status tly_tipping_compute(const tly_election *e, tly_tipping **out,
                               tly_error *err);
void tly_tipping_free(tly_tipping *t);
tly_status tly_json_tipping(const tly_election *e, const tly_tipping *t,
                            tly_writer w, void *ud, tly_error *err);

typedef struct tly_power tly_power;
tly_status tly_power_election(const tly_election *e, int index, int units,
                              tly_power **out, tly_error *err);
tly_status tly_power_census(int census, int index, int units,
                            const tly_allocator *a, tly_power **out,
                            tly_error *err);
void tly_power_free(tly_power *p);
tly_status tly_json_power(const tly_power *p, tly_writer w, void *ud,
                          tly_error *err);

typedef struct tly_forecast_model tly_forecast_model;
typedef struct tly_forecast tly_forecast;
typedef struct tly_forecast_setup tly_forecast_setup;
typedef void (*tly_progress)(void *ud, uint64_t done, uint64_t total);
typedef struct tly_forecast_opts {
  int method;
  double national_sd;
  double region_sd;
  double df;
  uint64_t sims;
  uint64_t seed;
  int threads;
  const int8_t *given;
  tly_writer draws;
  void *draws_ud;
  tly_progress progress;
  void *progress_ud;
  bool (*cancel)(void *ud);
  void *cancel_ud;
  double max_cost;
} tly_forecast_opts;
tly_status tly_forecast_setup_new(const tly_allocator *a,
                                  tly_forecast_setup **out, tly_error *err);
void tly_forecast_setup_free(tly_forecast_setup *s);
tly_status tly_forecast_setup_set(tly_forecast_setup *s, const char *key,
                                  const char *value, tly_error *err);
tly_status tly_forecast_setup_build(tly_forecast_setup *s, const char *name,
                                    const char *data, size_t len,
                                    tly_forecast_model **model,
                                    tly_forecast_opts *o, double *moved,
                                    tly_error *err);
void tly_forecast_model_free(tly_forecast_model *m);
tly_status tly_forecast_run(const tly_forecast_model *m,
                            const tly_forecast_opts *o, tly_forecast **out,
                            tly_error *err);
void tly_forecast_free(tly_forecast *f);
tly_status tly_json_forecast(const tly_forecast_model *m,
                             const tly_forecast *f, tly_writer w, void *ud,
                             tly_error *err);
"""

ffi = cffi.FFI()
# Every text given to ffi.cdef, in order: tests/test_cdef.py checks each
# declaration against include/tally.h.
CDEFS = []


def _cdef(text: str) -> None:
    CDEFS.append(text)
    ffi.cdef(text)


_cdef(CDEF)


def _find() -> str:
    env = os.environ.get("TALLY_LIB")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    bundled = os.path.join(here, "libtally.so")
    if os.path.exists(bundled):
        return bundled
    # An in-tree checkout without `make python`: the Makefile's library.
    tree = os.path.join(here, "..", "..", "build", "libtally.so")
    if os.path.exists(tree):
        return os.path.normpath(tree)
    raise ImportError("tally: libtally.so not found (run `make python`, or "
                      "set TALLY_LIB to its path)")


LIBPATH = _find()
lib = ffi.dlopen(LIBPATH)


@ffi.callback("int(void *, const char *, size_t)")
def _collect(ud, p, n):
    ffi.from_handle(ud).append(ffi.buffer(p, n)[:])
    return 0


WRITER = _collect

# The C buffer writer (_buf.c), when built: no Python call per write.
_cdef("""
typedef struct tlypy_buf { char *data; size_t len; size_t cap; } tlypy_buf;
int tlypy_buf_write(void *ud, const char *p, size_t n);
void tlypy_buf_free(tlypy_buf *b);
""")
_bufso = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "_tallybuf.so")
BUF = ffi.dlopen(_bufso) if os.path.exists(_bufso) else None
BUF_WRITER = (ffi.cast("tly_writer", BUF.tlypy_buf_write)
              if BUF is not None else None)

# Added for history, apportionments of record, the processes (initiative,
# amend, recount, audit) and counties/districts.
_cdef("""
tly_status tly_apportion_record(int census, int64_t seats, int m,
                                const char *const *without, size_t n_without,
                                const tly_allocator *a,
                                tly_apportionment **out, tly_error *err);
tly_status tly_json_census_record(int census, const tly_apportionment *r,
                                  tly_writer w, void *ud, tly_error *err);
size_t tly_census_years(int *years, size_t cap);

typedef struct tly_history tly_history;
tly_status tly_history_compute(int from, int to, const tly_allocator *a,
                               tly_history **out, tly_error *err);
void tly_history_free(tly_history *h);
tly_status tly_json_history(const tly_history *h, tly_writer w, void *ud,
                            tly_error *err);

tly_status tly_initiative_requirement(int64_t governor_votes, int kind,
                                      int64_t *required, tly_error *err);
tly_status tly_json_initiative_requirement(int64_t governor_votes, int kind,
                                           int64_t required, tly_writer w,
                                           void *ud, tly_error *err);

typedef struct tly_amend_votes {
  int64_t house_yeas, house_nays;
  int64_t house_members;
  int64_t senate_yeas, senate_nays;
  int64_t senate_members;
  int64_t ratified;
  int64_t states;
} tly_amend_votes;
typedef struct tly_chamber_vote {
  int64_t yeas, nays, present, members;
  int64_t quorum;
  int64_t needed;
  bool quorum_met;
  bool passes;
  int64_t short_by;
} tly_chamber_vote;
typedef struct tly_amend_result {
  tly_chamber_vote house, senate;
  int64_t ratified, states;
  int64_t states_needed;
  bool states_pass;
  int64_t states_short;
  int failed;
} tly_amend_result;
tly_status tly_amend_check(const tly_amend_votes *v, tly_amend_result *out,
                           tly_error *err);
tly_status tly_json_amend(const tly_amend_result *r, tly_writer w, void *ud,
                          tly_error *err);

typedef struct tly_recount_trigger tly_recount_trigger;
typedef struct tly_recount_check {
  const tly_recount_trigger *trigger;
  int32_t unit;
  int32_t first, second;
  int64_t first_votes, second_votes, total_votes;
  int64_t margin;
  int64_t threshold;
  bool met;
} tly_recount_check;
size_t tly_recount_n_triggers(void);
tly_status tly_recount_check_election(const tly_election *e,
                                      const char *state,
                                      tly_recount_check *rows, size_t cap,
                                      size_t *n, tly_error *err);
tly_status tly_json_recount(const tly_election *e,
                            const tly_recount_check *rows, size_t n,
                            tly_writer w, void *ud, tly_error *err);

typedef struct tly_bravo_opts {
  double risk;
  double p_winner, p_loser;
  int64_t ballots;
  uint64_t seed;
  int64_t trials;
  int64_t max_sample;
  const tly_allocator *alloc;
} tly_bravo_opts;
typedef struct tly_bravo_result {
  double s_winner;
  double asn;
  bool practical;
  int64_t trials;
  int64_t escalated;
  double mean;
  int64_t quantiles[6];
} tly_bravo_result;
int64_t tly_bravo_max_trials(const tly_bravo_opts *o);
tly_status tly_bravo_simulate(const tly_bravo_opts *o, tly_bravo_result *out,
                              tly_error *err);
tly_status tly_json_bravo(const tly_bravo_opts *o, const tly_bravo_result *r,
                          const int64_t *n_at, size_t n_k,
                          const tly_election *e, int32_t unit, tly_writer w,
                          void *ud, tly_error *err);
#define TLY_BRAVO_SEED 20121108
#define TLY_BRAVO_TRIALS 1000
#define TLY_BRAVO_MAX_SAMPLE 1000000
typedef struct tly_bravo_contest {
  int32_t unit;
  int32_t winner, loser;
  int64_t winner_votes, loser_votes;
  int64_t total_votes;
} tly_bravo_contest;
tly_status tly_bravo_contest_find(const tly_election *e, const char *state,
                                  tly_bravo_opts *o, tly_bravo_contest *c,
                                  tly_error *err);
bool tly_bravo_defaults(tly_bravo_opts *o);
size_t tly_bravo_ladder(const tly_bravo_opts *o, const tly_bravo_result *r,
                        int64_t *n_at, size_t cap);
int64_t tly_election_votes(const tly_election *e, size_t unit, size_t cand);
int64_t tly_election_unit_total(const tly_election *e, size_t unit);

typedef struct tly_areas tly_areas;
tly_status tly_areas_counties(int year, const char *state,
                              const tly_allocator *a, tly_areas **out,
                              tly_error *err);
tly_status tly_areas_districts(int year, const char *state,
                               const tly_allocator *a, tly_areas **out,
                               tly_error *err);
void tly_areas_free(tly_areas *t);
tly_status tly_json_areas(const tly_areas *t, const tly_election *e,
                          tly_writer w, void *ud, tly_error *err);
""")

_cdef("""
typedef struct tly_census_row {
  char code[8];
  int64_t resident;
  int64_t overseas;
  int64_t population;
  int64_t seats;
} tly_census_row;
typedef struct tly_census_record {
  int census;
  int64_t seats;
  size_t n_states;
  int method;
  bool resident_base;
  const char *source;
} tly_census_record;
tly_status tly_census_record_rows(int census, const tly_allocator *a,
                                  tly_census_record *info,
                                  tly_census_row *rows, size_t cap,
                                  size_t *n_rows, tly_error *err);
""")

_cdef("""
typedef struct tly_date { int32_t year; int32_t month; int32_t day; } tly_date;
tly_status tly_date_parse(const char *s, tly_date *out, tly_error *err);
typedef struct tly_polls tly_polls;
typedef struct tly_polls_read_opts { int32_t cycle; } tly_polls_read_opts;
tly_status tly_polls_load(const char *path, const tly_polls_read_opts *opts,
                          const tly_allocator *a, tly_polls **out,
                          tly_error *err);
void tly_polls_free(tly_polls *p);
typedef struct tly_polls_avg_opts {
  tly_date as_of;
  int32_t window_days;
  char populations[16];
  int dedupe;
} tly_polls_avg_opts;
void tly_polls_avg_opts_init(tly_polls_avg_opts *o);
typedef struct tly_polls_calib {
  int32_t first_cycle, last_cycle, n_cycles;
  int32_t n_state_cycles;
  double state_sd;
  double bias[8];
  int32_t shared_first, shared_last, n_shared_cycles;
  int32_t n_races;
  double shared_bias[16];
  double national_scale;
  double df;
  double national_sd;
  double shared_half80, shared_half95;
  int32_t shared_checked;
  int32_t shared_held80, shared_held95;
  double swing_sd;
  int32_t swing_first, swing_last;
  double common_sd;
  double pollster_sd;
  double poll_sampling_var;
  double raw_sampling_sd;
  int32_t n_own_fit;
  int32_t own_check_first, own_check_last, own_checked;
  int32_t pooled_held80, pooled_held95;
  int32_t by_polls_held80, by_polls_held95;
  double pooled_nll, by_polls_nll;
  int32_t pooled_total80, pooled_total95;
  int32_t by_polls_total80, by_polls_total95;
} tly_polls_calib;
typedef struct tly_polls_average tly_polls_average;
tly_status tly_polls_average_run(const tly_polls *p,
                                 const tly_polls_avg_opts *o,
                                 tly_polls_average **out, tly_error *err);
void tly_polls_average_free(tly_polls_average *v);
const tly_polls_calib *tly_polls_average_calib(const tly_polls_average *v);
tly_status tly_polls_write_model(const tly_polls_average *v, tly_writer w,
                                 void *ud, tly_error *err);
tly_status tly_json_polls(const tly_polls_average *v, tly_writer w, void *ud,
                          tly_error *err);
typedef struct tly_polls_backtest tly_polls_backtest;
tly_status tly_polls_backtest_run(const tly_polls *p, int cycle,
                                  const tly_polls_avg_opts *o,
                                  tly_polls_backtest **out, tly_error *err);
void tly_polls_backtest_free(tly_polls_backtest *b);
tly_status tly_json_polls_backtest(const tly_polls_backtest *b, tly_writer w,
                                   void *ud, tly_error *err);
""")

# Initiative: the random-sample projection and the deadlines.
_cdef("""
char *tly_date_format(tly_date d, char *buf, size_t size);
typedef struct tly_county_sample {
  const char *name;
  int64_t raw;
  int64_t sample;
  int64_t valid;
  int64_t duplicates;
} tly_county_sample;
typedef struct tly_projection {
  int64_t min_sample;
  int64_t rate_bp;
  int64_t uncorrected;
  int64_t value_e4;
  int64_t duplicates_est;
  int64_t projected_valid;
  bool examined_all;
} tly_projection;
typedef struct tly_petition_result {
  int64_t required;
  int64_t raw_total;
  int64_t projected_valid;
  bool raw_short;
  int decision;
} tly_petition_result;
tly_status tly_initiative_decide(int64_t required,
                                 const tly_county_sample *counties, size_t n,
                                 tly_projection *proj,
                                 tly_petition_result *out, tly_error *err);
tly_status tly_json_initiative_sample(const tly_petition_result *r,
                                      const tly_county_sample *counties,
                                      const tly_projection *proj, size_t n,
                                      tly_writer w, void *ud, tly_error *err);
typedef struct tly_county_list tly_county_list;
tly_status tly_county_list_load(const char *path, const tly_allocator *a,
                                tly_county_list **out, tly_error *err);
tly_status tly_county_list_parse(const char *name, const char *data,
                                 size_t len, const tly_allocator *a,
                                 tly_county_list **out, tly_error *err);
void tly_county_list_free(tly_county_list *l);
size_t tly_county_list_n(const tly_county_list *l);
const tly_county_sample *tly_county_list_rows(const tly_county_list *l);
typedef struct tly_initiative_dates {
  tly_date summary;
  tly_date day_180;
  tly_date circulation_deadline;
  bool deadline_moved;
  tly_date no_filing_fails;
  tly_date election;
  bool election_given;
  tly_date qualify_by;
  bool too_late;
} tly_initiative_dates;
tly_status tly_initiative_deadline(tly_date summary, const tly_date *election,
                                   tly_initiative_dates *out, tly_error *err);
tly_status tly_json_initiative_deadline(const tly_initiative_dates *d,
                                        tly_writer w, void *ud,
                                        tly_error *err);
""")
