/*
 * precinct.h -- MEDSL county and precinct files (precinct.c): the mode
 * rule, the reader's entry points for load.c, and what county.c lends it
 * to build a county table from a file.
 */
#ifndef TLY_PRECINCT_H
#define TLY_PRECINCT_H

#include "internal.h"

#include <stdbool.h>

/* MEDSL's mode rule for one unit and candidate line: *votes is the sum of
 * the TOTAL rows when there are any (n_total > 0), else the sum of the
 * mode rows; *mixed when both kinds are present and the modes sum to more
 * than the TOTAL (they cannot be parts of it: refused as double counting).
 * data/mkdata_counties.py applies the same rule to the built-in counties.
 * Returns true (kept for callers that chain checks). */
bool tly__mode_votes(int64_t total, int64_t n_total, int64_t modes,
                     int64_t n_modes, int64_t *votes, bool *mixed);

/* The first bytes of standard input ("-"), read (up to TLY__STDIN_HEAD
 * of them, fewer at its end) to tell its layout before a reader takes
 * the rest: the readers below and load.c's start from them. */
#define TLY__STDIN_HEAD ((size_t)1 << 16)
typedef struct {
  unsigned char *p;
  size_t n;
} tly__stdin_head;
/* Frees what tly__precinct_sniff read into h; h may hold nothing. */
void tly__stdin_head_free(const tly_allocator *a, tly__stdin_head *h);

/* *yes when the file at path starts with the header of a MEDSL county or
 * precinct file (state_po and county_fips columns), plain or gzip (any
 * gzip file: the other readers take plain text only); false when it
 * cannot be read (the caller's reader reports that). For "-" it reads
 * standard input's first bytes into *head, which the caller hands to the
 * reader that takes the rest and then frees (tly__stdin_head_free; for a
 * path *head stays empty). TLY_ENOMEM, and TLY_EIO reading standard
 * input, are the only failures. */
tly_status tly__precinct_sniff(const char *path, const tly_allocator *a,
                               tly__stdin_head *head, bool *yes,
                               tly_error *err);

/* The state result of a MEDSL county or precinct file: read by
 * opts->threads threads (0: 2), aggregated to counties by the mode rule,
 * then to states, then made an election as a MEDSL state file would be
 * (load.c); for "-", head is what tly__precinct_sniff read of standard
 * input. Errors carry FILE:LINE:COL. */
tly_status tly__precinct_election(const char *path,
                                  const tly__stdin_head *head,
                                  const tly_load_opts *opts,
                                  const tly_allocator *a, tly_election **out,
                                  tly_error *err);

/* The two above with a regular plain file cut into parts of 4 `block`
 * bytes, each reader's buffer `block` bytes (0: parts of 4 MiB, buffers
 * of 2 MiB; a part grows its own when a unit is longer), and a stream read
 * in rounds of `block` bytes (0: 16 MiB; at least 64 KiB): tests and the
 * fuzz harness cut files into many windows. */
tly_status tly__precinct_election_block(const char *path,
                                        const tly__stdin_head *head,
                                        const tly_load_opts *opts,
                                        size_t block, const tly_allocator *a,
                                        tly_election **out, tly_error *err);
tly_status tly__areas_load_block(const char *path, const tly_load_opts *opts,
                                 const char *state, size_t block,
                                 const tly_allocator *a, tly_areas **out,
                                 tly_error *err);

/* load.c: whether a MEDSL candidate label is no vote for anyone (blank,
 * over- and undervotes): such rows are dropped. */
bool tly__medsl_not_a_vote(const char *p, size_t n);
/* load.c: whether a MEDSL candidate label names no one ("OTHER",
 * "SCATTERING", "WRITE-IN", empty). */
bool tly__medsl_unnamed(const char *p, size_t n);

/* county.c: a county table made from a file: new (empty, named source),
 * rows added in FIPS order, a column's candidate named, then finished
 * (after which rows' names are valid). */
tly_status tly__areas_make(const tly_allocator *a, int year,
                           const char *source, tly_areas **out,
                           tly_error *err);
tly_status tly__areas_add(tly_areas *t, const char *code, const char *state,
                          const char *name,
                          const int64_t votes[TLY_AREA_COLS], int64_t total,
                          tly_error *err);
tly_status tly__areas_name(tly_areas *t, size_t col, const char *name,
                           tly_error *err);
void tly__areas_done(tly_areas *t);

#endif
