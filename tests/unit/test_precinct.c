/*
 * test_precinct.c -- precinct.c: MEDSL county and precinct files (the
 * excerpts in tests/data, real rows of MEDSL's files), the mode rule, the
 * same result on any number of threads, plain or gzip, and out-of-memory
 * behaviour.
 */
#include "testutil.h"

#include "precinct.h"

#include <stdio.h>
#include <unistd.h>

#define EXCERPT "tests/data/precinct_2016_excerpt.csv"
#define COUNTYPRES "tests/data/countypres_excerpt.csv"

static tly_areas *areas(const char *path, int year, int threads,
                        const char *st)
{
  tly_areas *t = NULL;
  tly_error err = {0};
  tly_load_opts o = {.year = year, .threads = threads};
  cr_assert_eq(tly_areas_load(path, &o, st, NULL, &t, &err), TLY_OK, "%s",
               err.msg);
  return t;
}

static const tly_area *find(const tly_areas *t, const char *code)
{
  for (size_t i = 0; i < tly_areas_n(t); i++)
    if (strcmp(tly_areas_row(t, i)->code, code) == 0)
      return tly_areas_row(t, i);
  return NULL;
}

/* A new temporary file (its name into path, "/tmp/tally_precinct_XXXXXX")
 * opened for writing, with the 2016 precinct header written. */
static FILE *precinct_tmp(char *path)
{
  int fd = mkstemp(path);
  cr_assert(fd >= 0);
  FILE *fp = fdopen(fd, "w");
  cr_assert_not_null(fp);
  fprintf(fp, "state_po,county_fips,county_name,jurisdiction,precinct,"
              "candidate,party,writein,mode,votes\n");
  return fp;
}

/* The county table of a 2016 file read by th threads, cut into windows
 * of `block` bytes (0: the default). */
static tly_status areas_cut(const char *path, int th, size_t block,
                            tly_areas **t, tly_error *err)
{
  tly_load_opts o = {.year = 2016, .threads = th};
  *t = NULL;
  return tly__areas_load_block(path, &o, NULL, block, NULL, t, err);
}

/* The mode rule: TOTAL where present, else the modes; never both. */
Test(precinct, mode_rule)
{
  int64_t v;
  bool mixed;
  tly__mode_votes(100, 1, 0, 0, &v, &mixed);
  cr_assert_eq(v, 100);
  cr_assert(!mixed);
  tly__mode_votes(0, 0, 70, 3, &v, &mixed);
  cr_assert_eq(v, 70);
  cr_assert(!mixed);
  tly__mode_votes(100, 1, 100, 2, &v, &mixed); /* the modes are its parts */
  cr_assert_eq(v, 100);
  cr_assert(!mixed);
  tly__mode_votes(100, 1, 60, 1, &v, &mixed); /* a partial breakdown */
  cr_assert_eq(v, 100);
  cr_assert(!mixed);
  tly__mode_votes(100, 1, 101, 2, &v, &mixed); /* not its parts */
  cr_assert(mixed);
}

/* MEDSL 2016 precinct rows: Appling County GA, 1 precinct by 4 modes
 * (Clinton 742, Trump 427); Kansas City (29380) in Jackson County MO
 * (Clinton 1,282, Trump 314); Maine's 23099 and UOCAVA rows in ME's
 * no-county row; Wisconsin's 10-digit 5500100000 in Adams County 55001. */
Test(precinct, counties_2016_excerpt)
{
  tly_areas *t = areas(EXCERPT, 2016, 2, NULL);
  cr_assert_eq(tly_areas_n(t), 12);
  const tly_area *ga = find(t, "13001");
  cr_assert_not_null(ga);
  cr_assert_eq(ga->votes[TLY_AREA_DEM], 742);
  cr_assert_eq(ga->votes[TLY_AREA_REP], 427);
  const tly_area *mo = find(t, "29095");
  cr_assert_not_null(mo);
  cr_assert_eq(mo->votes[TLY_AREA_DEM], 1282);
  cr_assert_eq(mo->votes[TLY_AREA_REP], 314);
  cr_assert_not_null(find(t, "23000"));
  cr_assert_not_null(find(t, "55001"));
  cr_assert_not_null(find(t, "02000"));
  cr_assert_str_eq(tly_areas_candidate(t, TLY_AREA_DEM), "Hillary Clinton");
  cr_assert_eq(tly_areas_census(t), 0);
  tly_areas_free(t);
}

/* Every thread count, and gzip or plain, give the same table. */
Test(precinct, threads_and_gzip_agree)
{
  tly_areas *ref = areas(EXCERPT, 2016, 1, NULL);
  for (int th = 1; th <= 9; th++) {
    for (int gz = 0; gz < 2; gz++) {
      tly_areas *t = areas(gz ? EXCERPT ".gz" : EXCERPT, 2016, th, NULL);
      cr_assert_eq(tly_areas_n(t), tly_areas_n(ref));
      for (size_t i = 0; i < tly_areas_n(t); i++) {
        const tly_area *a = tly_areas_row(t, i), *b = tly_areas_row(ref, i);
        cr_assert_str_eq(a->code, b->code);
        cr_assert_eq(a->total, b->total, "%s, %d threads", a->code, th);
        for (size_t c = 0; c < TLY_AREA_COLS; c++)
          cr_assert_eq(a->votes[c], b->votes[c]);
      }
      tly_areas_free(t);
    }
  }
  tly_areas_free(ref);
}

/* The state result equals the county sums; 2 threads and 1 agree. */
Test(precinct, election_2016_excerpt)
{
  tly_election *e[2] = {NULL, NULL};
  for (int k = 0; k < 2; k++) {
    tly_error err = {0};
    tly_load_opts o = {.year = 2016, .threads = k + 1};
    cr_assert_eq(tly_election_load(EXCERPT ".gz", &o, NULL, &e[k], &err),
                 TLY_OK, "%s", err.msg);
  }
  int32_t ga = tly_election_find_unit(e[0], "GA");
  int32_t d = tly_election_find_candidate(e[0], "D");
  int32_t r = tly_election_find_candidate(e[0], "R");
  cr_assert(ga >= 0 && d >= 0 && r >= 0);
  cr_assert_eq(tly_election_votes(e[0], (size_t)ga, (size_t)d), 742);
  cr_assert_eq(tly_election_votes(e[0], (size_t)ga, (size_t)r), 427);
  cr_assert_eq(tly_election_n_units(e[0]), tly_election_n_units(e[1]));
  for (size_t u = 0; u < tly_election_n_units(e[0]); u++)
    for (size_t c = 0; c < tly_election_n_candidates(e[0]); c++)
      cr_assert_eq(tly_election_votes(e[0], u, c),
                   tly_election_votes(e[1], u, c));
  tly_election_free(e[0]);
  tly_election_free(e[1]);
}

/* MEDSL county file: 2020 Appling County GA by mode rows only (Biden
 * 1,779, Trump 6,526), Kansas City 2938000 folded into Jackson County
 * (Biden 92,182 + 107,660 = 199,842), Autauga's 4-digit 1001. */
Test(precinct, countypres_2020)
{
  tly_areas *t = areas(COUNTYPRES, 2020, 2, NULL);
  const tly_area *ga = find(t, "13001");
  cr_assert_eq(ga->votes[TLY_AREA_DEM], 1779);
  cr_assert_eq(ga->votes[TLY_AREA_REP], 6526);
  cr_assert_eq(find(t, "29095")->votes[TLY_AREA_DEM], 199842);
  cr_assert_eq(find(t, "01001")->votes[TLY_AREA_REP], 19838);
  tly_areas_free(t);
  tly_error err = {0};
  tly_load_opts o = {0};
  cr_assert_eq(tly_areas_load(COUNTYPRES, &o, NULL, NULL, &t, &err),
               TLY_EINVAL);
  cr_assert_null(t);
  cr_assert(strstr(err.msg, "choose one with --year") != NULL);
}

/* A unit's rows in separate runs: summed when of one kind; refused when
 * one run is TOTAL rows and another mode rows. Quoted fields with a
 * newline inside, split anywhere among threads. */
Test(precinct, runs_and_quotes)
{
  char path[] = "/tmp/tally_precinct_XXXXXX";
  FILE *fp = precinct_tmp(path);
  for (int i = 0; i < 200; i++)
    fprintf(fp, "DE,10001,Kent County,Kent,\"P%d\nsecond line, too\","
                "Hillary Clinton,democratic,FALSE,total,%d\n"
                "DE,10001,Kent County,Kent,\"P%d\nsecond line, too\","
                "Donald Trump,republican,FALSE,total,1\n", i % 150, i, i % 150);
  fclose(fp);
  for (int th = 1; th <= 4; th++) {
    tly_areas *t = areas(path, 2016, th, NULL);
    cr_assert_eq(tly_areas_n(t), 1);
    cr_assert_eq(tly_areas_row(t, 0)->votes[TLY_AREA_DEM], 199 * 200 / 2);
    cr_assert_eq(tly_areas_row(t, 0)->votes[TLY_AREA_REP], 200);
    tly_areas_free(t);
  }
  fp = fopen(path, "a");
  fprintf(fp, "DE,10001,Kent County,Kent,\"P0\nsecond line, too\","
              "Donald Trump,republican,FALSE,absentee,1\n");
  fclose(fp);
  tly_areas *t = NULL;
  tly_error err = {0};
  tly_load_opts o = {.year = 2016};
  cr_assert_eq(tly_areas_load(path, &o, NULL, NULL, &t, &err), TLY_EPARSE);
  cr_assert_eq(err.line, 802, "%lld: %s", (long long)err.line, err.msg);
  cr_assert(strstr(err.msg, "mix TOTAL and mode rows") != NULL, "%s",
            err.msg);
  unlink(path);
}

/* A negative adjustment row is counted (MEDSL MI 2016 "Statistical
 * Adjustments"); a county summing below zero is refused. */
Test(precinct, adjustments)
{
  char path[] = "/tmp/tally_precinct_XXXXXX";
  FILE *fp = precinct_tmp(path);
  fprintf(fp, "MI,26063,Huron County,HURON,P1,Donald Trump,republican,FALSE,"
              "total,10\n"
              "MI,26063,Huron County,HURON,Statistical Adjustments,"
              "Donald Trump,republican,FALSE,total,-1\n");
  fclose(fp);
  tly_areas *t = areas(path, 2016, 2, NULL);
  cr_assert_eq(tly_areas_row(t, 0)->votes[TLY_AREA_REP], 9);
  tly_areas_free(t);
  fp = fopen(path, "a");
  fprintf(fp, "MI,26063,Huron County,HURON,P2,Donald Trump,republican,FALSE,"
              "total,-20\n");
  fclose(fp);
  tly_error err = {0};
  tly_load_opts o = {.year = 2016};
  cr_assert_eq(tly_areas_load(path, &o, NULL, NULL, &t, &err), TLY_ERANGE);
  cr_assert(strstr(err.msg, "sum to -11") != NULL, "%s", err.msg);
  unlink(path);
}

static tly_status run_areas(const tly_allocator *a, void *ud)
{
  tly_areas *t = NULL;
  tly_load_opts o = {.year = 2016, .threads = *(int *)ud};
  tly_status s = tly_areas_load(EXCERPT, &o, NULL, a, &t, NULL);
  if (s == TLY_OK)
    cr_assert_eq(tly_areas_n(t), 12);
  else
    cr_assert_null(t);
  tly_areas_free(t);
  return s;
}

static tly_status run_election(const tly_allocator *a, void *ud)
{
  tly_election *e = NULL;
  tly_load_opts o = {.year = 2016, .threads = *(int *)ud};
  tly_status s = tly_election_load(EXCERPT ".gz", &o, a, &e, NULL);
  if (s != TLY_OK)
    cr_assert_null(e);
  tly_election_free(e);
  return s;
}

Test(precinct, out_of_memory)
{
  int one = 1, two = 2;
  tu_each_failure(run_areas, &one, 400, true);
  tu_each_failure(run_areas, &two, 400, true);
  tu_each_failure(run_election, &two, 600, true);
}

/* The result does not depend on how the file is cut: 1 to 3 threads,
 * rounds of a few hundred bytes or the whole file. A candidate on lines
 * spelled differently ("Other Party", "other", "OTHER PARTY": MEDSL's
 * Maryland 2016 has the first two) gets the same party label however the
 * threads and rounds met the spellings. */
Test(precinct, same_result_however_cut)
{
  char path[] = "/tmp/tally_precinct_XXXXXX";
  FILE *fp = precinct_tmp(path);
  static const char *const party[] = {NULL, "other", "Other Party", NULL,
                                      "OTHER PARTY"};
  for (int i = 0; i < 300; i++) {
    fprintf(fp, "MD,24003,Anne Arundel County,Anne Arundel,P%03d,"
                "Hillary Clinton,democratic,FALSE,total,%d\n"
                "MD,24003,Anne Arundel County,Anne Arundel,P%03d,"
                "Donald Trump,republican,FALSE,total,%d\n",
            i, 100 + i, i, 90 + i % 7);
    const char *p = party[(i * i * 7 + 3) % 5];
    if (p != NULL)
      fprintf(fp, "MD,24003,Anne Arundel County,Anne Arundel,P%03d,"
                  "Emidio Soltysik,%s,FALSE,total,%d\n",
              i, p, i % 3);
  }
  fclose(fp);
  tly_election *ref = NULL;
  tly_error err = {0};
  tly_load_opts o = {.year = 2016, .threads = 1};
  cr_assert_eq(tly__precinct_election_block(path, NULL, &o, 0, NULL, &ref,
                                            &err),
               TLY_OK, "%s", err.msg);
  static const size_t blocks[] = {0, 150, 700, 4096};
  for (int th = 1; th <= 3; th++) {
    for (size_t b = 0; b < sizeof blocks / sizeof blocks[0]; b++) {
      tly_election *e = NULL;
      o.threads = th;
      cr_assert_eq(tly__precinct_election_block(path, NULL, &o, blocks[b],
                                                NULL, &e, &err),
                   TLY_OK, "%s", err.msg);
      cr_assert_eq(tly_election_n_candidates(e),
                   tly_election_n_candidates(ref));
      for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
        const tly_candidate *x = tly_election_candidate(e, c);
        const tly_candidate *y = tly_election_candidate(ref, c);
        cr_assert_str_eq(x->name, y->name);
        cr_assert_str_eq(x->party, y->party, "%s: %d threads, block %zu",
                         x->name, th, blocks[b]);
        for (size_t u = 0; u < tly_election_n_units(e); u++)
          cr_assert_eq(tly_election_votes(e, u, c),
                       tly_election_votes(ref, u, c));
      }
      tly_election_free(e);
      tly_areas *t = NULL;
      cr_assert_eq(tly__areas_load_block(path, &o, NULL, blocks[b], NULL, &t,
                                         &err),
                   TLY_OK, "%s", err.msg);
      cr_assert_eq(tly_areas_n(t), 1);
      cr_assert_eq(tly_areas_row(t, 0)->votes[TLY_AREA_DEM],
                   300 * 100 + 299 * 300 / 2);
      tly_areas_free(t);
    }
  }
  tly_election_free(ref);
  unlink(path);
}

/* Precinct names with newlines inside quotes, the file cut anywhere
 * (windows of a few hundred bytes, 1 to 4 threads): a worker's share may
 * start at a newline inside a quoted field, which must not count as a
 * record start (a mapped file's guessed cuts are checked, and the file
 * read again with exact cuts when one was wrong). */
Test(precinct, quoted_newlines_cut_anywhere)
{
  char path[] = "/tmp/tally_precinct_XXXXXX";
  FILE *fp = precinct_tmp(path);
  int64_t dem = 0;
  for (int i = 0; i < 120; i++) {
    fprintf(fp, "DE,10001,Kent County,Kent,\"P%d\nDE,10001,x\n\n\","
                "Hillary Clinton,democratic,FALSE,total,%d\n"
                "DE,10001,Kent County,Kent,\"P%d\nDE,10001,x\n\n\","
                "Donald Trump,republican,FALSE,total,1\n", i, i, i);
    dem += i;
  }
  fclose(fp);
  static const size_t blocks[] = {0, 97, 300, 1000};
  for (int th = 1; th <= 4; th++)
    for (size_t b = 0; b < sizeof blocks / sizeof blocks[0]; b++) {
      tly_areas *t;
      tly_error err = {0};
      cr_assert_eq(areas_cut(path, th, blocks[b], &t, &err), TLY_OK,
                   "%d threads, block %zu: %s", th, blocks[b], err.msg);
      cr_assert_eq(tly_areas_n(t), 1);
      cr_assert_eq(tly_areas_row(t, 0)->votes[TLY_AREA_DEM], dem);
      cr_assert_eq(tly_areas_row(t, 0)->votes[TLY_AREA_REP], 120);
      tly_areas_free(t);
    }
  unlink(path);
}

/* The file's first error is the one told: runs of a unit that mix TOTAL
 * and mode rows (line 5) come before a bad vote count (line 7), however
 * the file is cut. */
Test(precinct, first_error_told)
{
  char path[] = "/tmp/tally_precinct_XXXXXX";
  FILE *fp = precinct_tmp(path);
  fprintf(fp, "DE,10001,Kent County,Kent,P1,Donald Trump,republican,FALSE,"
              "total,5\n"
              "DE,10001,Kent County,Kent,P2,Donald Trump,republican,FALSE,"
              "total,6\n"
              "DE,10001,Kent County,Kent,P3,Donald Trump,republican,FALSE,"
              "total,7\n"
              "DE,10001,Kent County,Kent,P1,Donald Trump,republican,FALSE,"
              "absentee,1\n"
              "DE,10001,Kent County,Kent,P4,Donald Trump,republican,FALSE,"
              "total,8\n"
              "DE,10001,Kent County,Kent,P5,Donald Trump,republican,FALSE,"
              "total,x\n");
  fclose(fp);
  static const size_t blocks[] = {0, 100, 300};
  for (int th = 1; th <= 3; th++)
    for (size_t b = 0; b < sizeof blocks / sizeof blocks[0]; b++) {
      tly_areas *t;
      tly_error err = {0};
      cr_assert_eq(areas_cut(path, th, blocks[b], &t, &err), TLY_EPARSE);
      cr_assert_eq(err.line, 5, "%d threads, block %zu: %lld: %s", th,
                   blocks[b], (long long)err.line, err.msg);
      cr_assert(strstr(err.msg, "appeared before at line 2") != NULL, "%s",
                err.msg);
    }
  unlink(path);
}

/* A bad row is told at its line however the file is cut into parts (a
 * part's cut may fall on it: the worker from there reports it), and so is
 * a unit longer than a worker's buffer (which grows). */
Test(precinct, bad_row_told_however_cut)
{
  char path[] = "/tmp/tally_precinct_XXXXXX";
  FILE *fp = precinct_tmp(path);
  for (int i = 0; i < 400; i++) {
    if (i == 250)
      fprintf(fp, "DE,10001,Kent County\n"); /* line 2 + 2 * 250 */
    fprintf(fp, "DE,10001,Kent County,Kent,P%03d,Hillary Clinton,"
                "democratic,FALSE,total,%d\n"
                "DE,10001,Kent County,Kent,P%03d,Donald Trump,republican,"
                "FALSE,total,1\n",
            i, i, i);
  }
  fclose(fp);
  static const size_t blocks[] = {0, 60, 150, 700, 4096};
  for (int th = 1; th <= 4; th++)
    for (size_t b = 0; b < sizeof blocks / sizeof blocks[0]; b++) {
      tly_areas *t;
      tly_error err = {0};
      cr_assert_eq(areas_cut(path, th, blocks[b], &t, &err), TLY_EPARSE,
                   "%d threads, block %zu", th, blocks[b]);
      cr_assert_eq(err.line, 502, "%d threads, block %zu: %lld: %s", th,
                   blocks[b], (long long)err.line, err.msg);
      cr_assert(strstr(err.msg, "3 fields where the header has 10") != NULL,
                "%s", err.msg);
      cr_assert_null(t);
    }
  unlink(path);
}

typedef struct {
  int64_t last, size;
  int calls;
  bool ordered;
} progress_seen;

static void on_progress(void *ud, int64_t done, int64_t size)
{
  progress_seen *p = ud;
  p->ordered = p->ordered && done >= p->last && done <= size;
  p->last = done;
  p->size = size;
  p->calls++;
}

/* A plain file read in many parts reports its progress in bytes, never
 * going back nor past the file's size, and gives the same counties. */
Test(precinct, progress_in_parts)
{
  tly_areas *ref = areas(EXCERPT, 2016, 1, NULL);
  for (int th = 1; th <= 3; th++) {
    progress_seen p = {.ordered = true};
    tly_load_opts o = {.year = 2016, .threads = th,
                       .progress = on_progress, .progress_ud = &p};
    tly_areas *t = NULL;
    tly_error err = {0};
    cr_assert_eq(tly__areas_load_block(EXCERPT, &o, NULL, 512, NULL, &t,
                                       &err),
                 TLY_OK, "%s", err.msg);
    cr_assert(p.calls >= 1 && p.ordered, "%d threads: %d calls", th,
              p.calls);
    FILE *fp = fopen(EXCERPT, "rb");
    fseek(fp, 0, SEEK_END);
    cr_assert_eq(p.size, ftell(fp));
    cr_assert_eq(p.last, p.size);
    fclose(fp);
    cr_assert_eq(tly_areas_n(t), tly_areas_n(ref));
    for (size_t i = 0; i < tly_areas_n(t); i++)
      cr_assert_eq(tly_areas_row(t, i)->total, tly_areas_row(ref, i)->total);
    tly_areas_free(t);
  }
  tly_areas_free(ref);
}
