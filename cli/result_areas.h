/*
 * result_areas.h -- `tally result YEAR --counties|--districts` (cmd_result.c
 * dispatches here).
 */
#ifndef TALLY_CLI_RESULT_AREAS_H
#define TALLY_CLI_RESULT_AREAS_H

#include "cli.h"

/* Prints the counties (or districts) of e's year, one state's when `state`
 * is not NULL, as text, CSV (o->csv) or JSON (o->json) to o->out, with the
 * states whose sums differ from e's state returns. e NULL: o->arg is "-",
 * a county or precinct file on standard input not read yet. Returns the
 * exit code. */
int cli_result_areas(const cli_opts *o, const tly_election *e,
                     const char *state, bool districts);

#endif
