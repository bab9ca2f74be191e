/*
 * map_geo.h -- `tally map YEAR --geo` and `--counties` (cmd_map.c
 * dispatches here): the geographic maps of svg_geo.c.
 */
#ifndef TALLY_CLI_MAP_GEO_H
#define TALLY_CLI_MAP_GEO_H

#include "cli.h"

/* Writes the College o of e on the map of the states to fp (title and
 * note may be NULL). Returns the exit code. */
int cli_map_geo(FILE *fp, const tly_election *e, const tly_outcome *o,
                const char *title, const char *note);

/* Writes the county map of e's year to o->out: the built-in county returns
 * (a usage error for a file). Returns the exit code. */
int cli_map_counties(const cli_opts *o, const tly_election *e,
                     const char *title);

#endif
