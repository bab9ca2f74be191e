/*
 * json.c -- JSON writers over jansson (exact 64-bit integers, sorted keys):
 * the result object of the JSON contract (README, "JSON") that later
 * modules and the server build on.
 */
#include "json.h"

#include "buf.h"

#include "results.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  tly_writer w;
  void *ud;
  bool failed;
} sink;

static int dump_cb(const char *buffer, size_t size, void *data)
{
  sink *k = data;
  if (k->w(k->ud, buffer, size) != 0) {
    k->failed = true;
    return -1;
  }
  return 0;
}

tly_status tly__json_dump(json_t *v, size_t flags, tly_writer w, void *ud,
                          tly_error *err)
{
  if (v == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  sink k = {w, ud, false};
  int r = json_dump_callback(v, dump_cb, &k, flags);
  json_decref(v);
  if (r != 0 || k.failed) /* else jansson's own allocation failed */
    return tly__fail(err, k.failed ? TLY_EIO : TLY_ENOMEM,
                     k.failed ? "write error" : "out of memory");
  return TLY_OK;
}

tly_status tly__json_write(json_t *v, tly_writer w, void *ud, tly_error *err)
{
  tly_status s = tly__json_dump(
      v, JSON_SORT_KEYS | JSON_INDENT(2) | JSON_REAL_PRECISION(12), w, ud,
      err);
  if (s == TLY_OK && w(ud, "\n", 1) != 0)
    return tly__fail(err, TLY_EIO, "write error");
  return s;
}

json_t *tly__json_percent(int64_t num, int64_t den, int digits)
{
  if (den <= 0)
    return json_null();
  char buf[48];
  tly_format_percent(num, den, digits, buf, sizeof buf);
  /* strtod of the exact decimal string: the nearest double, which jansson
   * prints back as the same short decimal (12 significant digits). */
  return json_real(tly__strtod_c(buf, NULL)); /* "C": never "48,18" */
}

/* json_object_set_new that records failure in *ok. */
static void put(json_t *obj, const char *key, json_t *v, bool *ok)
{
  if (v == NULL || json_object_set_new(obj, key, v) != 0)
    *ok = false;
}

static void push(json_t *arr, json_t *v, bool *ok)
{
  if (v == NULL || json_array_append_new(arr, v) != 0)
    *ok = false;
}

static json_t *name_or_null(const tly_election *e, int32_t c)
{
  return c >= 0 ? json_string(e->cands[c].name) : json_null();
}

json_t *tly__json_result_obj(const tly_election *e, const tly_outcome *o)
{
  bool ok = true;
  json_t *root = json_object();
  if (root == NULL)
    return NULL;
  put(root, "year", json_integer(e->year), &ok);
  put(root, "source", json_string(e->source_name), &ok);
  put(root, "census", e->census ? json_integer(e->census) : json_null(), &ok);
  put(root, "electors", json_integer(tly_outcome_electors(o)), &ok);
  put(root, "majority", json_integer(tly_outcome_majority(o)), &ok);
  put(root, "winner", name_or_null(e, tly_outcome_winner(o)), &ok);
  put(root, "abstained", json_integer(tly_outcome_abstained(o)), &ok);
  put(root, "undecided", json_integer(tly_outcome_undecided(o)), &ok);
  int32_t top[3];
  size_t nt = tly_outcome_contingent(o, top);
  if (tly_outcome_winner(o) < 0) {
    json_t *ct = json_array();
    for (size_t i = 0; i < nt && ct != NULL; i++)
      push(ct, name_or_null(e, top[i]), &ok);
    put(root, "contingent", ct, &ok);
    put(root, "contingent_election", tly__json_contingent(e, o, &ok), &ok);
  } else {
    put(root, "contingent", json_null(), &ok);
  }
  int64_t total = tly_outcome_total_votes(o);
  put(root, "total_votes", json_integer(total), &ok);
  json_t *cands = json_array();
  for (size_t c = 0; c < e->n_cands && cands != NULL; c++) {
    int64_t v = tly_outcome_votes(o, c);
    int64_t p = tly_outcome_pledged(o, c);
    int64_t k = tly_outcome_cast(o, c);
    if (v == 0 && p == 0 && k == 0)
      continue;
    json_t *x = json_object();
    if (x == NULL) {
      ok = false;
      break;
    }
    put(x, "name", json_string(e->cands[c].name), &ok);
    put(x, "party", json_string(e->cands[c].party), &ok);
    put(x, "votes", json_integer(v), &ok);
    put(x, "share", tly__json_percent(v, total, 2), &ok);
    put(x, "ev_pledged", json_integer(p), &ok);
    put(x, "ev_cast", json_integer(k), &ok);
    push(cands, x, &ok);
  }
  put(root, "candidates", cands, &ok);
  json_t *juris = json_array();
  for (size_t i = 0; i < tly_outcome_n_awards(o) && juris != NULL; i++) {
    const tly_award *w = tly_outcome_award(o, i);
    json_t *x = json_object();
    json_t *votes = json_object();
    if (x == NULL || votes == NULL) {
      json_decref(x);
      json_decref(votes);
      ok = false;
      break;
    }
    put(x, "code", json_string(w->code), &ok);
    put(x, "electors", json_integer(w->electors), &ok);
    put(x, "winner", name_or_null(e, w->winner), &ok);
    put(x, "tie", json_boolean(w->tie), &ok);
    put(x, "by_record", json_boolean(w->by_record), &ok);
    put(x, "total_votes", json_integer(w->total_votes), &ok);
    size_t u = (size_t)w->unit;
    for (size_t c = 0; c < e->n_cands; c++) {
      int64_t v = e->votes[u * e->n_cands + c];
      if (v != 0)
        put(votes, e->cands[c].name, json_integer(v), &ok);
    }
    put(x, "votes", votes, &ok);
    bool split = false;
    for (size_t c = 0; c < e->n_cands; c++) {
      int32_t n = tly_outcome_award_electors(o, i, c);
      split = split || (n != 0 && n != w->electors);
    }
    if (split) {
      json_t *ev = json_object();
      for (size_t c = 0; c < e->n_cands && ev != NULL; c++) {
        int32_t n = tly_outcome_award_electors(o, i, c);
        if (n != 0)
          put(ev, e->cands[c].name, json_integer(n), &ok);
      }
      put(x, "electors_by_candidate", ev, &ok);
    }
    push(juris, x, &ok);
  }
  put(root, "jurisdictions", juris, &ok);
  json_t *notes = json_array();
  const char *p = e->notes;
  while (notes != NULL && *p != '\0') {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    push(notes, json_stringn(p, n), &ok);
    p += n + (nl ? 1 : 0);
  }
  put(root, "notes", notes, &ok);
  json_t *faith = json_array();
  for (size_t i = 0; i < e->n_cast && faith != NULL; i++) {
    const tly_cast_record *r = &e->cast[i];
    if (!tly_outcome_cast_applies(e, o, i))
      continue; /* a what-if moved these electors elsewhere */
    json_t *x = json_object();
    if (x == NULL) {
      ok = false;
      break;
    }
    put(x, "code", json_string(r->unit >= 0 ? e->units[r->unit].code : ""),
        &ok);
    put(x, "pledged", name_or_null(e, r->pledged), &ok);
    put(x, "cast", name_or_null(e, r->cast), &ok);
    put(x, "electors", json_integer(r->electors), &ok);
    push(faith, x, &ok);
  }
  put(root, "faithless", faith, &ok);
  if (e->source == TLY_SOURCE_HISTORY) {
    /* The historical record: the rule of the year, how many states voted,
     * the contingent elections as recorded. */
    json_t *h = json_object();
    json_t *ct = json_array();
    for (size_t i = 0; i < e->n_contingent && ct != NULL; i++) {
      const tly__contingent *k = &e->contingent[i];
      json_t *x = json_object();
      if (x == NULL) {
        ok = false;
        break;
      }
      put(x, "office", json_string(k->office), &ok);
      put(x, "chamber", json_string(k->chamber), &ok);
      put(x, "chosen", json_string(k->chosen), &ok);
      put(x, "ballot", json_integer(k->ballot), &ok);
      put(x, "note", json_string(k->note), &ok);
      push(ct, x, &ok);
    }
    if (h != NULL) {
      put(h, "rule", json_string(tly_rule_of_year(e->year)), &ok);
      put(h, "two_votes_per_elector", json_boolean(e->two_votes), &ok);
      put(h, "states", json_integer((json_int_t)tly_outcome_n_states(o)),
          &ok);
      put(h, "states_voted",
          json_integer((json_int_t)tly_outcome_n_voted(o)), &ok);
      put(h, "not_counted", json_integer(tly_outcome_not_counted(o)), &ok);
      put(h, "vice_president",
          name_or_null(e, tly_outcome_vice_president(o)), &ok);
      put(h, "contingent_record", ct, &ok);
    } else {
      json_decref(ct);
    }
    put(root, "history", h, &ok);
  }
  if (!ok) {
    json_decref(root);
    return NULL;
  }
  return root;
}

tly_status tly_json_result(const tly_election *e, const tly_outcome *o,
                           tly_writer w, void *ud, tly_error *err)
{
  return tly__json_write(tly__json_result_obj(e, o), w, ud, err);
}
