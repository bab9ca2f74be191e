/*
 * results.h -- what the two results-file harnesses (fuzz_medsl.c,
 * fuzz_tally.c) share: parse the file with tly_election_parse, check the
 * election it makes, compute its College and write its JSON, which must
 * parse. Static, so each harness includes it once.
 */
#ifndef TALLY_FUZZ_RESULTS_H
#define TALLY_FUZZ_RESULTS_H

#include "fuzz.h"


/* The election's shape is consistent: codes terminated, districts under a
 * state, counts not negative. */
static void check_election(const tly_election *e)
{
  size_t nu = tly_election_n_units(e);
  size_t nc = tly_election_n_candidates(e);
  FZ_CHECK(nu >= 1 && nc >= 1, "%zu units, %zu candidates", nu, nc);
  for (size_t u = 0; u < nu; u++) {
    const tly_unit *x = tly_election_unit(e, u);
    FZ_CHECK(memchr(x->code, 0, sizeof x->code) != NULL,
             "unit %zu's code not terminated", u);
    FZ_CHECK(tly_election_find_unit(e, x->code) == (int32_t)u,
             "unit %s not found by its code", x->code);
    FZ_CHECK(x->parent == -1 ||
                 (x->parent >= 0 && (size_t)x->parent < nu &&
                  tly_election_unit(e, (size_t)x->parent)->parent == -1),
             "unit %s has parent %d", x->code, (int)x->parent);
    FZ_CHECK(x->electors >= 0, "unit %s has %d electors", x->code,
             (int)x->electors);
    for (size_t c = 0; c < nc; c++)
      FZ_CHECK(tly_election_votes(e, u, c) >= 0, "negative votes in %s",
               x->code);
    FZ_CHECK(tly_election_unit_total(e, u) >= 0, "negative total in %s",
             x->code);
  }
  for (size_t c = 0; c < nc; c++) {
    const tly_candidate *k = tly_election_candidate(e, c);
    FZ_CHECK(k->name != NULL && k->party != NULL, "candidate %zu", c);
  }
}

/* Parses data as a results file and uses the election; returns the first
 * status that is not TLY_OK (or TLY_OK). */
static tly_status results_run(const tly_allocator *a, const char *data,
                              size_t len, int year)
{
  tly_election *e = NULL;
  tly_error err;
  memset(&err, 0, sizeof err);
  tly_load_opts opts = {.year = year};
  tly_status s = tly_election_parse("in.csv", data, len, &opts, a, &e, &err);
  fz_check_error(&err, s);
  if (s != TLY_OK) {
    FZ_CHECK(e == NULL, "a failed parse returned an election");
    return s;
  }
  check_election(e);
  tly_outcome *o = NULL;
  s = tly_college(e, &o, &err);
  fz_check_error(&err, s);
  if (s == TLY_OK) {
    FZ_CHECK(tly_outcome_majority(o) <= tly_outcome_electors(o) ||
                 tly_outcome_electors(o) == 0,
             "majority %lld of %lld electors",
             (long long)tly_outcome_majority(o),
             (long long)tly_outcome_electors(o));
    fz_out out = {0};
    s = tly_json_result(e, o, fz_out_write, &out, &err);
    fz_check_error(&err, s);
    char why[300];
    if (s == TLY_OK)
      FZ_CHECK(fz_json_ok(out.p, out.len, why, sizeof why),
               "the result's JSON does not parse: %s", why);
    free(out.p);
    tly_outcome_free(o);
  }
  tly_election_free(e);
  return s;
}

/* Runs data through results_run, first prefixed with `header` and a line
 * end unless its first line already contains `key` (so that mutations of
 * the header do not stop the rows from being read). */
static tly_status results_with_header(const tly_allocator *a,
                                      const uint8_t *d, size_t n,
                                      const char *key, const char *header)
{
  const uint8_t *eol = memchr(d, '\n', n);
  size_t first = eol != NULL ? (size_t)(eol - d) : n;
  bool has = false;
  size_t kl = strlen(key);
  for (size_t i = 0; i + kl <= first && !has; i++)
    has = memcmp(d + i, key, kl) == 0;
  static const int years[4] = {0, 0, 2016, 2020};
  int year = years[fz_hash(d, n) >> 62];
  if (has)
    return results_run(a, (const char *)d, n, year);
  size_t hl = strlen(header);
  char *buf = malloc(hl + 1 + n);
  FZ_CHECK(buf != NULL, "harness out of memory");
  memcpy(buf, header, hl);
  buf[hl] = '\n';
  if (n > 0)
    memcpy(buf + hl + 1, d, n);
  tly_status s = results_run(a, buf, hl + 1 + n, year);
  free(buf);
  return s;
}

#endif
