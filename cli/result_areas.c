/*
 * result_areas.c -- `tally result YEAR --counties|--districts`: one row per
 * county or congressional district from the built-in tables (county.c),
 * with the source named and each state whose sum differs from the state
 * returns.
 */
#include "result_areas.h"

#include <string.h>

typedef struct {
  const cli_opts *o;
  const tly_election *e;
  const tly_areas *t;
  bool districts;
} job;

static void margin_cell(char *buf, size_t size, const tly_area *r)
{
  char b[32];
  int64_t d = r->votes[TLY_AREA_DEM], rep = r->votes[TLY_AREA_REP];
  if (d == rep)
    snprintf(buf, size, "tie");
  else
    snprintf(buf, size, "%s+%s", d > rep ? "D" : "R",
             tly_format_count(d > rep ? d - rep : rep - d, b, sizeof b));
}

/* Others: every column after D and R the source has, summed. */
static int64_t others(const tly_area *r)
{
  int64_t s = 0;
  for (size_t c = TLY_AREA_LIB; c < TLY_AREA_COLS; c++)
    if (r->votes[c] > 0)
      s += r->votes[c]; /* at most the total: cannot overflow */
  return s;
}

static void print_diffs(FILE *fp, const job *j)
{
  if (j->e == NULL) {
    fprintf(fp, "\nNo built-in state returns of %d to compare with.\n",
            tly_areas_year(j->t));
    return;
  }
  tly_area_diff d[64];
  size_t n = 0;
  tly_error err = {0};
  if (tly_areas_diffs(j->t, j->e, d, 64, &n, &err) != TLY_OK) {
    fprintf(fp, "\nNo comparison with the state returns: %s\n", err.msg);
    return;
  }
  const char *what = j->districts ? "District" : "County";
  if (n == 0) {
    fprintf(fp, "\n%s sums equal the state returns (%s) in every state "
                "shown.\n", what, tly_election_source_name(j->e));
    return;
  }
  fprintf(fp, "\n%s sums that differ from the state returns (%s), "
              "%s minus state:\n", what, tly_election_source_name(j->e),
          j->districts ? "districts" : "counties");
  for (size_t i = 0; i < n && i < 64; i++) {
    fprintf(fp, "  %s  %s %+lld  %s %+lld\n", d[i].state,
            tly_areas_candidate(j->t, TLY_AREA_DEM),
            (long long)(d[i].areas[0] - d[i].state_votes[0]),
            tly_areas_candidate(j->t, TLY_AREA_REP),
            (long long)(d[i].areas[1] - d[i].state_votes[1]));
  }
}

static void print_text(FILE *fp, const job *j)
{
  const tly_areas *t = j->t;
  char b1[32], b2[32], m[40];
  fprintf(fp, "%s, %d\nSource: %s\n", j->districts ? "Congressional districts"
                                                   : "Counties",
          tly_areas_year(t), tly_areas_source(t));
  if (tly_areas_approx(t))
    fprintf(fp, "Approximate counts: rebuilt from rounded two-party shares; "
                "each district's D and R may be off by a few hundred votes.\n");
  fprintf(fp, "D = %s, R = %s\n\n", tly_areas_candidate(t, TLY_AREA_DEM),
          tly_areas_candidate(t, TLY_AREA_REP));
  fprintf(fp, "%-6s %-26s %-2s %11s %11s %10s %11s %-11s %7s %7s\n",
          j->districts ? "Code" : "FIPS", j->districts ? "District" : "County",
          "St", "D", "R", "Others", "Total", "Margin", "D %", "R %");
  for (size_t i = 0; i < tly_areas_n(t); i++) {
    const tly_area *r = tly_areas_row(t, i);
    fprintf(fp, "%-6s %-26.26s %-2s ", r->code, r->name, r->state);
    cli_count_cell(fp, r->votes[TLY_AREA_DEM], 11);
    fputc(' ', fp);
    cli_count_cell(fp, r->votes[TLY_AREA_REP], 11);
    fputc(' ', fp);
    cli_count_cell(fp, others(r), 10);
    fputc(' ', fp);
    cli_count_cell(fp, r->total, 11);
    margin_cell(m, sizeof m, r);
    fprintf(fp, " %-11s %7s %7s\n", m,
            tly_format_percent(r->votes[TLY_AREA_DEM], r->total, 2, b1,
                               sizeof b1),
            tly_format_percent(r->votes[TLY_AREA_REP], r->total, 2, b2,
                               sizeof b2));
  }
  size_t n = tly_areas_n(t);
  fprintf(fp, "%zu %s\n", n,
          j->districts ? (n == 1 ? "district" : "districts")
                       : (n == 1 ? "county" : "counties"));
  print_diffs(fp, j);
}

/* CSV: one row per area; a column per candidate the source has (headed by
 * the candidate's name; empty where the source has no such column for the
 * area's state, never 0), then total, margin and shares, and the source. */
static void print_csv(FILE *fp, const job *j)
{
  const tly_areas *t = j->t;
  char b[32];
  fprintf(fp, "year,%s,name,state", j->districts ? "district" : "fips");
  for (size_t c = 0; c < TLY_AREA_COLS; c++)
    if (tly_areas_candidate(t, c) != NULL) {
      fputc(',', fp);
      cli_csv_field(fp, tly_areas_candidate(t, c));
    }
  fprintf(fp, ",total,margin_dem_minus_rep,dem_pct,rep_pct,source\n");
  for (size_t i = 0; i < tly_areas_n(t); i++) {
    const tly_area *r = tly_areas_row(t, i);
    fprintf(fp, "%d,%s,", tly_areas_year(t), r->code);
    cli_csv_field(fp, r->name);
    fprintf(fp, ",%s", r->state);
    for (size_t c = 0; c < TLY_AREA_COLS; c++)
      if (tly_areas_candidate(t, c) == NULL)
        continue;
      else if (r->votes[c] < 0)
        fputc(',', fp); /* the source has no such column here: empty */
      else
        fprintf(fp, ",%lld", (long long)r->votes[c]);
    fprintf(fp, ",%lld,%lld,", (long long)r->total,
            (long long)(r->votes[TLY_AREA_DEM] - r->votes[TLY_AREA_REP]));
    fprintf(fp, "%s,", tly_format_percent(r->votes[TLY_AREA_DEM], r->total,
                                          2, b, sizeof b));
    fprintf(fp, "%s,", tly_format_percent(r->votes[TLY_AREA_REP], r->total,
                                          2, b, sizeof b));
    cli_csv_field(fp, tly_areas_source(t));
    fputc('\n', fp);
  }
}

static int write_areas(FILE *fp, void *ud)
{
  const job *j = ud;
  tly_error err = {0};
  if (j->o->json)
    return cli_check(tly_json_areas(j->t, j->e, cli_file_writer, fp, &err),
                     &err);
  if (j->o->csv)
    print_csv(fp, j);
  else
    print_text(fp, j);
  return CLI_OK;
}

int cli_result_areas(const cli_opts *o, const tly_election *e,
                     const char *state, bool districts)
{
  /* e NULL: standard input, read once, here (its year from --year or the
   * file's year column). */
  bool file = e == NULL || tly_election_source(e) == TLY_SOURCE_FILE;
  if (file && districts)
    return cli_usage(o->sub, "--districts needs a built-in YEAR, not a "
                             "file");
  if (e == NULL && o->source_given)
    return cli_usage(o->sub, "--source applies to built-in years, not to a "
                             "file");
  if (e == NULL && state != NULL &&
      (strlen(state) != 2 || tly_state_name(state) == NULL))
    return cli_usage(o->sub, "unknown state '%s'", state);
  tly_error err = {0};
  tly_areas *t = NULL;
  int year = e != NULL ? tly_election_year(e) : o->year;
  tly_election *builtin = NULL;
  tly_status s;
  if (file) {
    /* A MEDSL county or precinct file's counties (read again by county,
     * or once from standard input), compared with the built-in state
     * returns of its year if any. */
    cli_progress pr;
    cli_progress_start(&pr, o->arg);
    tly_load_opts lo = {.year = year, .progress = cli_progress_cb,
                        .progress_ud = &pr};
    s = tly_areas_load(o->arg, &lo, state, NULL, &t, &err);
    cli_progress_end(&pr);
    if (s == TLY_OK)
      year = tly_areas_year(t);
    if (s == TLY_OK && tly_builtin_has(year, tly_builtin_source(year)) &&
        tly_election_builtin(year, tly_builtin_source(year), NULL, &builtin,
                             &err) != TLY_OK)
      builtin = NULL;
    e = builtin;
  } else {
    s = districts ? tly_areas_districts(year, state, NULL, &t, &err)
                  : tly_areas_counties(year, state, NULL, &t, &err);
  }
  if (s != TLY_OK)
    return cli_report(&err);
  job j = {o, e, t, districts};
  int rc = cli_write(o->out, write_areas, &j);
  if (rc == CLI_OK && o->csv && e != NULL) {
    /* The CSV holds areas only: the differences go to stderr as notes. */
    tly_area_diff d[64];
    size_t n = 0;
    if (tly_areas_diffs(t, e, d, 64, &n, &err) == TLY_OK)
      for (size_t i = 0; i < n && i < 64; i++)
        fprintf(stderr,
                "tally: note: %s %s sum differs from the state return (%s): "
                "D %+lld, R %+lld\n",
                d[i].state, districts ? "district" : "county",
                tly_election_source_name(e),
                (long long)(d[i].areas[0] - d[i].state_votes[0]),
                (long long)(d[i].areas[1] - d[i].state_votes[1]));
  }
  tly_areas_free(t);
  tly_election_free(builtin);
  return rc;
}
