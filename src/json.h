/*
 * json.h -- the library's JSON writers (jansson), shared by every module so
 * that the CLI's --json and the server's answers are the same bytes.
 */
#ifndef TLY_JSON_H
#define TLY_JSON_H

#include "internal.h"

#include <jansson.h>

/* The result object of the foundation's JSON contract for e and its
 * College o; NULL on out of memory. */
json_t *tly__json_result_obj(const tly_election *e, const tly_outcome *o);
/* The contingent election decided (contingent.c): {congress, convened,
 * house, senate, acting_president}, or JSON null when o has a winner or
 * no delegations are built in for e's year; NULL with *ok false on out
 * of memory. */
json_t *tly__json_contingent(const tly_election *e, const tly_outcome *o,
                             bool *ok);
/* Writes v (consumed: its reference is stolen) through w with sorted keys,
 * 2-space indentation and a final newline. TLY_ENOMEM when v is NULL,
 * TLY_EIO when the writer fails. */
tly_status tly__json_write(json_t *v, tly_writer w, void *ud, tly_error *err);
/* Writes v (consumed) through w with jansson's dump `flags` and no final
 * newline; errors as tly__json_write. */
tly_status tly__json_dump(json_t *v, size_t flags, tly_writer w, void *ud,
                          tly_error *err);
/* A JSON number for 100 * num / den rounded half-even to `digits`
 * decimals (from the exact decimal string), or null when den <= 0. */
json_t *tly__json_percent(int64_t num, int64_t den, int digits);

#endif
