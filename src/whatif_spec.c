/*
 * whatif_spec.c -- the one what-if specification: every what-if option,
 * set by key and text (the CLI's flags and the API's fields map onto these
 * keys and parse nothing themselves), read exactly (swings are decimals,
 * never doubles), checked once with one message per mistake, and applied
 * by tly_whatif_apply in its documented order. A new option is a row in
 * `keys` below, its setter, and its step in tly_whatif_apply.
 */
#include "district.h"
#include "results.h"
#include "scan.h"
#include "whatif.h"

#include <stdio.h>
#include <string.h>

#define MAX_LIST 64     /* values of one list key (states, assignments) */
#define POOL_SIZE 8192  /* bytes of all the codes and names kept */
#define MAX_DROP 8      /* candidates dropped */

struct tly_whatif_spec {
  tly_allocator alloc;
  tly_whatif_opts o;      /* what tly_whatif_apply gets */
  uint32_t given;         /* bit k: keys[k] is given and in effect */
  const char *without[MAX_LIST];
  tly_assign set[MAX_LIST], tie[MAX_LIST];
  const char *npv_codes[MAX_LIST];
  tly_drop drop[MAX_DROP];
  tly_delegation_assign delegation[MAX_LIST];
  /* The redraw's texts (redraw.c reads them when applied). */
  const char *without_counties[MAX_LIST];
  const char *split[MAX_LIST], *move[MAX_LIST], *merge[MAX_LIST],
      *admit[MAX_LIST];
  char pool[POOL_SIZE];   /* NUL-terminated copies the arrays point to */
  size_t pool_len;
};

/*==== Reading values =======================================================*/

/* A NUL-terminated copy of the n bytes at p in s's pool; NULL when full. */
static const char *keep(tly_whatif_spec *s, const char *p, size_t n)
{
  if (n + 1 > POOL_SIZE - s->pool_len)
    return NULL;
  char *q = s->pool + s->pool_len;
  memcpy(q, p, n);
  q[n] = '\0';
  s->pool_len += n + 1;
  return q;
}

static tly_status pool_full(tly_error *err)
{
  return tly__fail(err, TLY_ERANGE,
                   "what-if values too long (at most %d bytes in all)",
                   POOL_SIZE);
}

/* Splits the comma list `text` of state codes (or DC) into list[*n..),
 * copied into the pool. On failure the pool and *n are as they were. */
static tly_status codes(tly_whatif_spec *s, const char *key, const char *text,
                        const char **list, size_t *n, tly_error *err)
{
  size_t pool_len = s->pool_len;
  size_t n0 = *n;
  tly_status st = TLY_OK;
  const char *p = text;
  for (;;) {
    const char *c = strchr(p, ',');
    size_t len = c != NULL ? (size_t)(c - p) : strlen(p);
    if (len == 0) {
      st = tly__fail(err, TLY_EINVAL, "%s needs state codes, not \"%s\"",
                     key, text);
      break;
    }
    if (len == 4 && tly__unit_code_valid(p, len)) {
      st = tly__fail(err, TLY_EINVAL,
                     "%s: \"%.4s\" is a district: a state counts whole",
                     key, p);
      break;
    }
    if (tly__state_index(p, len) < 0) {
      st = tly__fail(err, TLY_EINVAL, "%s: unknown state \"%.*s\"", key,
                     (int)(len > 32 ? 32 : len), p);
      break;
    }
    if (*n == MAX_LIST) {
      st = tly__fail(err, TLY_ERANGE, "%s: at most %d states", key,
                     MAX_LIST);
      break;
    }
    const char *code = keep(s, p, len);
    if (code == NULL) {
      st = pool_full(err);
      break;
    }
    list[(*n)++] = code;
    if (c == NULL)
      return TLY_OK;
    p = c + 1;
  }
  s->pool_len = pool_len;
  *n = n0;
  return st;
}

/* "ST=CANDIDATE" appended to list[*n]. */
static tly_status assign(tly_whatif_spec *s, const char *key,
                         const char *text, tly_assign *list, size_t *n,
                         tly_error *err)
{
  const char *eq = strchr(text, '=');
  if (eq == NULL || eq == text || eq[1] == '\0')
    return tly__fail(err, TLY_EINVAL, "%s takes ST=CANDIDATE, not \"%s\"",
                     key, text);
  if (*n == MAX_LIST)
    return tly__fail(err, TLY_ERANGE, "%s: at most %d states", key,
                     MAX_LIST);
  size_t pool_len = s->pool_len;
  const char *code = keep(s, text, (size_t)(eq - text));
  const char *cand = keep(s, eq + 1, strlen(eq + 1));
  if (code == NULL || cand == NULL) {
    s->pool_len = pool_len;
    return pool_full(err);
  }
  list[*n].code = code;
  list[*n].candidate = cand;
  (*n)++;
  return TLY_OK;
}

/* An exact decimal "[+-]D[.D]" with at most 9 decimals as num / den (den =
 * 10^decimals): 0 when read, 1 when not a decimal, 2 when it has more than
 * 9 decimals. Digits beyond 10^14 are refused as not a swing at all. */
static int decimal(const char *t, int64_t *num, int64_t *den)
{
  const char *p = t;
  bool neg = false;
  if (*p == '+' || *p == '-')
    neg = *p++ == '-';
  int64_t v = 0;
  int64_t d = 1;
  int digits = 0;
  int decimals = -1;
  for (; *p != '\0'; p++) {
    if (*p == '.' && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (*p < '0' || *p > '9')
      return 1;
    if (decimals >= 0 && ++decimals > 9)
      return 2;
    if (v > INT64_C(100000000000000)) /* far beyond any valid swing */
      return 1;
    v = v * 10 + (*p - '0');
    digits++;
    if (decimals >= 0)
      d *= 10;
  }
  if (digits == 0)
    return 1;
  *num = neg ? -v : v;
  *den = d;
  return 0;
}

/* A whole number in [lo, hi], digits only. */
static bool whole(const char *t, int64_t lo, int64_t hi, int64_t *out)
{
  return tly__scan_i64(t, strlen(t), lo, hi, out) == TLY_OK;
}

/*==== The options ==========================================================*/

/* States by code, counties by 5-digit FIPS, in one comma list. */
static tly_status set_without(tly_whatif_spec *s, const char *t,
                              tly_error *err)
{
  size_t pool_len = s->pool_len;
  size_t n_states = s->o.n_without;
  size_t n_counties = s->o.n_without_counties;
  tly_status st = TLY_OK;
  const char *p = t;
  for (;;) {
    const char *c = strchr(p, ',');
    size_t len = c != NULL ? (size_t)(c - p) : strlen(p);
    char item[64];
    snprintf(item, sizeof item, "%.*s", (int)(len < 63 ? len : 63), p);
    if (len > 0 && len < 63 && *p >= '0' && *p <= '9') {
      st = tly__redraw_check("without", item, err);
      if (st == TLY_OK && s->o.n_without_counties == MAX_LIST)
        st = tly__fail(err, TLY_ERANGE, "without: at most %d counties",
                       MAX_LIST);
      const char *kept = st == TLY_OK ? keep(s, item, len) : NULL;
      if (st == TLY_OK && kept == NULL)
        st = pool_full(err);
      if (st == TLY_OK)
        s->without_counties[s->o.n_without_counties++] = kept;
    } else {
      st = len > 0 && len < 63
               ? codes(s, "without", item, s->without, &s->o.n_without, err)
               : codes(s, "without", t, s->without, &s->o.n_without, err);
    }
    if (st != TLY_OK || c == NULL)
      break;
    p = c + 1;
  }
  if (st != TLY_OK) {
    s->pool_len = pool_len;
    s->o.n_without = n_states;
    s->o.n_without_counties = n_counties;
  }
  return st;
}

/* A redraw text (split, move, merge, admit) checked and appended. */
static tly_status redraw_text(tly_whatif_spec *s, const char *key,
                              const char *t, const char **list, size_t *n,
                              tly_error *err)
{
  tly_status st = tly__redraw_check(key, t, err);
  if (st != TLY_OK)
    return st;
  if (*n == MAX_LIST)
    return tly__fail(err, TLY_ERANGE, "%s: at most %d", key, MAX_LIST);
  const char *kept = keep(s, t, strlen(t));
  if (kept == NULL)
    return pool_full(err);
  list[(*n)++] = kept;
  return TLY_OK;
}

static tly_status set_split(tly_whatif_spec *s, const char *t,
                            tly_error *err)
{
  return redraw_text(s, "split", t, s->split, &s->o.n_split, err);
}

static tly_status set_move(tly_whatif_spec *s, const char *t, tly_error *err)
{
  return redraw_text(s, "move", t, s->move, &s->o.n_move, err);
}

static tly_status set_merge(tly_whatif_spec *s, const char *t,
                            tly_error *err)
{
  return redraw_text(s, "merge", t, s->merge, &s->o.n_merge, err);
}

static tly_status set_admit(tly_whatif_spec *s, const char *t,
                            tly_error *err)
{
  return redraw_text(s, "admit", t, s->admit, &s->o.n_admit, err);
}

static tly_status set_reapportion(tly_whatif_spec *s, const char *t,
                                  tly_error *err)
{
  if (*t == '\0' || strcmp(t, "true") == 0 || strcmp(t, "1") == 0)
    s->o.reapportion = true;
  else if (strcmp(t, "false") == 0 || strcmp(t, "0") == 0)
    s->o.reapportion = false;
  else
    return tly__fail(err, TLY_EINVAL,
                     "reapportion takes true or false, not \"%s\"", t);
  return TLY_OK;
}

static tly_status set_census(tly_whatif_spec *s, const char *t,
                             tly_error *err)
{
  int64_t v;
  if (!whole(t, 1790, 9999, &v))
    return tly__fail(err, TLY_EINVAL,
                     "census takes a census year such as 2010, not \"%s\"",
                     t);
  s->o.census = (int)v;
  return TLY_OK;
}

static tly_status set_seats(tly_whatif_spec *s, const char *t, tly_error *err)
{
  int64_t v;
  if (!whole(t, 1, TLY_APPORTION_MAX_SEATS, &v))
    return tly__fail(err, TLY_EINVAL,
                     "seats takes a House size from 1 to %d, not \"%s\"",
                     TLY_APPORTION_MAX_SEATS, t);
  s->o.seats = v;
  return TLY_OK;
}

static tly_status set_method(tly_whatif_spec *s, const char *t,
                             tly_error *err)
{
  return tly_method_from_name(t, &s->o.method, err);
}

static tly_status set_rule(tly_whatif_spec *s, const char *t, tly_error *err)
{
  return tly_rule_from_name(t, &s->o.rule, err);
}

static tly_status set_npv(tly_whatif_spec *s, const char *t, tly_error *err)
{
  tly_npv_members m = {.which = TLY_NPV_LIST};
  int64_t v;
  if (strcmp(t, "all") == 0) {
    m.which = TLY_NPV_ALL;
  } else if (strcmp(t, "none") == 0) {
    m.which = TLY_NPV_NONE;
  } else if (*t >= '0' && *t <= '9') {
    if (!whole(t, 1776, 9999, &v))
      return tly__fail(err, TLY_EINVAL,
                       "npv takes all, none, a year or state codes, not "
                       "\"%s\"",
                       t);
    m.which = TLY_NPV_YEAR;
    m.year = (int)v;
  } else {
    size_t n = 0;
    const char *list[MAX_LIST];
    tly_status st = codes(s, "npv", t, list, &n, err);
    if (st != TLY_OK)
      return st;
    memcpy(s->npv_codes, list, n * sizeof *list);
    m.codes = s->npv_codes;
    m.n_codes = n;
  }
  s->o.npv = m; /* given again, the last set stands */
  return TLY_OK;
}

static tly_status set_swing(tly_whatif_spec *s, const char *t, tly_error *err)
{
  int64_t num, den;
  int r = decimal(t, &num, &den);
  if (r == 2)
    return tly__fail(err, TLY_EINVAL,
                     "swing \"%s\" has more than 9 decimals", t);
  if (r != 0)
    return tly__fail(err, TLY_EINVAL,
                     "swing takes points such as 2 or -1.5, not \"%s\"", t);
  if (num > 100 * den || num < -100 * den)
    return tly__fail(err, TLY_ERANGE,
                     "swing %s is beyond 100 points either way", t);
  s->o.swing = true;
  s->o.swing_num = num;
  s->o.swing_den = den;
  return TLY_OK;
}

static tly_status set_set(tly_whatif_spec *s, const char *t, tly_error *err)
{
  return assign(s, "set", t, s->set, &s->o.n_set, err);
}

static tly_status set_tie(tly_whatif_spec *s, const char *t, tly_error *err)
{
  return assign(s, "tie", t, s->tie, &s->o.n_tie, err);
}

/* A share in percent x 10^9 as an exact decimal ("45", "12.5"). */
static void percent(int64_t x, char *buf, size_t size)
{
  int64_t frac = x % TLY_DROP_SHARE_ONE;
  int digits = 9;
  while (frac != 0 && frac % 10 == 0) {
    frac /= 10;
    digits--;
  }
  if (frac == 0)
    snprintf(buf, size, "%lld", (long long)(x / TLY_DROP_SHARE_ONE));
  else
    snprintf(buf, size, "%lld.%0*lld", (long long)(x / TLY_DROP_SHARE_ONE),
             digits, (long long)frac);
}

/* "D:45" or "R:12.5" at t (n bytes) into *party and *share (percent x
 * 10^9); false when not a share. */
static bool share(const char *t, size_t n, char *party, int64_t *out,
                  const char **why)
{
  *why = NULL;
  if (n < 3 || t[1] != ':' || (t[0] != 'D' && t[0] != 'R'))
    return false;
  char num[32];
  if (n - 2 >= sizeof num) {
    *why = "is not a percentage";
    return true;
  }
  memcpy(num, t + 2, n - 2);
  num[n - 2] = '\0';
  int64_t v, den;
  int r = decimal(num, &v, &den);
  *party = t[0];
  if (r != 0 || num[0] == '-' || num[0] == '+') {
    *why = r == 2 ? "has more than 9 decimals" : "is not a percentage";
    return true;
  }
  if (v > 100 * den) {
    *why = "is over 100 %";
    return true;
  }
  *out = v * (TLY_DROP_SHARE_ONE / den); /* den divides 10^9 */
  return true;
}

/* CANDIDATE[=D:P,R:Q][,CANDIDATE...]: a share token ("R:20") belongs to
 * the candidate before it. */
static tly_status set_drop(tly_whatif_spec *s, const char *t, tly_error *err)
{
  size_t n0 = s->o.n_drop;
  size_t pool_len = s->pool_len;
  tly_status st = TLY_OK;
  bool seen_d = false, seen_r = false;
  const char *p = t;
  for (;;) {
    const char *c = strchr(p, ',');
    size_t len = c != NULL ? (size_t)(c - p) : strlen(p);
    const char *eq = memchr(p, '=', len);
    char party = 0;
    int64_t v = 0;
    const char *why = NULL;
    const char *sh = eq != NULL ? eq + 1 : p;
    size_t sh_len = eq != NULL ? len - (size_t)(eq + 1 - p) : len;
    bool is_share = share(sh, sh_len, &party, &v, &why);
    if (eq == NULL && !is_share) { /* a candidate without shares */
      if (len == 0) {
        st = tly__fail(err, TLY_EINVAL,
                       "drop takes CANDIDATE[=D:P,R:Q], not \"%s\"", t);
        break;
      }
    } else if (!is_share || (eq != NULL && eq == p) ||
               (eq == NULL && s->o.n_drop == n0)) {
      st = tly__fail(err, TLY_EINVAL,
                     "drop takes CANDIDATE[=D:P,R:Q], not \"%s\"", t);
      break;
    } else if (why != NULL) {
      st = tly__fail(err, TLY_ERANGE, "drop: share \"%.*s\" %s",
                     (int)(sh_len > 32 ? 32 : sh_len), sh, why);
      break;
    }
    if (eq != NULL || !is_share) {
      if (s->o.n_drop == MAX_DROP) {
        st = tly__fail(err, TLY_ERANGE, "drop: at most %d candidates",
                       MAX_DROP);
        break;
      }
      const char *name = keep(s, p, eq != NULL ? (size_t)(eq - p) : len);
      if (name == NULL) {
        st = pool_full(err);
        break;
      }
      s->drop[s->o.n_drop] = (tly_drop){.candidate = name};
      s->o.n_drop++;
      seen_d = seen_r = false;
    }
    if (is_share) {
      tly_drop *x = &s->drop[s->o.n_drop - 1];
      bool *seen = party == 'D' ? &seen_d : &seen_r;
      if (*seen) {
        st = tly__fail(err, TLY_EINVAL, "drop: %s: %c given twice",
                       x->candidate, party);
        break;
      }
      *seen = true;
      if (party == 'D')
        x->d_share = v;
      else
        x->r_share = v;
      if (x->d_share + x->r_share > 100 * TLY_DROP_SHARE_ONE) {
        char a[32], b[32];
        percent(x->d_share, a, sizeof a);
        percent(x->r_share, b, sizeof b);
        st = tly__fail(err, TLY_ERANGE,
                       "drop: %s's shares D %s %% + R %s %% are over 100 %%",
                       x->candidate, a, b);
        break;
      }
    }
    if (c == NULL)
      return TLY_OK;
    p = c + 1;
  }
  s->o.n_drop = n0;
  s->pool_len = pool_len;
  return st;
}

/* ST=R, ST=D or ST=split. */
static tly_status set_delegation(tly_whatif_spec *s, const char *t,
                                 tly_error *err)
{
  const char *eq = strchr(t, '=');
  tly_delegation d = TLY_DELEGATION_UNKNOWN;
  if (eq != NULL && strcmp(eq + 1, "R") == 0)
    d = TLY_DELEGATION_R;
  else if (eq != NULL && strcmp(eq + 1, "D") == 0)
    d = TLY_DELEGATION_D;
  else if (eq != NULL && strcmp(eq + 1, "split") == 0)
    d = TLY_DELEGATION_SPLIT;
  if (d == TLY_DELEGATION_UNKNOWN || eq == t)
    return tly__fail(err, TLY_EINVAL,
                     "delegation takes ST=R, ST=D or ST=split, not \"%s\"",
                     t);
  size_t len = (size_t)(eq - t);
  if (len == 4 && tly__unit_code_valid(t, len))
    return tly__fail(err, TLY_EINVAL,
                     "delegation: \"%.4s\" is a district: a state votes "
                     "whole in the House",
                     t);
  bool code = len >= 2 && len <= 3;
  for (size_t i = 0; i < len && code; i++)
    code = t[i] >= 'A' && t[i] <= 'Z';
  if (!code)
    return tly__fail(err, TLY_EINVAL,
                     "delegation: unknown state \"%.*s\"",
                     (int)(len > 32 ? 32 : len), t);
  if (s->o.n_delegation == MAX_LIST)
    return tly__fail(err, TLY_ERANGE, "delegation: at most %d states",
                     MAX_LIST);
  const char *k = keep(s, t, len);
  if (k == NULL)
    return pool_full(err);
  s->delegation[s->o.n_delegation].code = k;
  s->delegation[s->o.n_delegation].d = d;
  s->o.n_delegation++;
  return TLY_OK;
}

/* Cross-key checks: the mistake in words, or NULL. */
static const char *needs_reapportion(const tly_whatif_spec *s)
{
  return s->o.reapportion ? NULL : "applies only with reapportion";
}

static const char *needs_without(const tly_whatif_spec *s)
{
  return s->o.n_without > 0 || tly__redraw_asked(&s->o)
             ? NULL
             : "needs without (the states that leave) or a redraw: "
               "otherwise the census's own apportionment comes back";
}

static const char *district_fits(const tly_whatif_spec *s)
{
  return s->o.rule == TLY_RULE_DISTRICT && s->o.reapportion
             ? tly__district_reapportion_msg
             : NULL;
}

static const char *needs_npv_rule(const tly_whatif_spec *s)
{
  return s->o.rule == TLY_RULE_NPV ? NULL : "applies only with rule npv";
}

/* Every key, in the order the checks run and the API reads its fields. */
static const struct key {
  const char *name;
  tly_status (*set)(tly_whatif_spec *s, const char *text, tly_error *err);
  const char *(*check)(const tly_whatif_spec *s); /* NULL: always fine */
} keys[] = {
    {"without", set_without, NULL},
    {"reapportion", set_reapportion, needs_without},
    {"census", set_census, needs_reapportion},
    {"seats", set_seats, needs_reapportion},
    {"method", set_method, needs_reapportion},
    {"swing", set_swing, NULL},
    {"set", set_set, NULL},
    {"tie", set_tie, NULL},
    {"rule", set_rule, district_fits},
    {"npv", set_npv, needs_npv_rule},
    {"drop", set_drop, NULL},
    {"delegation", set_delegation, NULL},
    {"split", set_split, NULL},
    {"move", set_move, NULL},
    {"merge", set_merge, NULL},
    {"admit", set_admit, NULL},
};
#define N_KEYS (sizeof keys / sizeof keys[0])
_Static_assert(N_KEYS <= 32, "one bit of `given` per key");

/*==== The specification ====================================================*/

tly_status tly_whatif_spec_new(const tly_allocator *a, tly_whatif_spec **out,
                               tly_error *err)
{
  a = tly__alloc_or_default(a);
  *out = NULL;
  tly_whatif_spec *s = tly__calloc(a, 1, sizeof *s);
  if (s == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  s->alloc = *a;
  s->o.method = TLY_METHOD_HUNTINGTON_HILL;
  s->o.rule = TLY_RULE_LAW;
  s->o.without = s->without;
  s->o.set = s->set;
  s->o.tie = s->tie;
  s->o.npv.codes = s->npv_codes;
  s->o.drop = s->drop;
  s->o.delegation = s->delegation;
  s->o.without_counties = s->without_counties;
  s->o.split = s->split;
  s->o.move = s->move;
  s->o.merge = s->merge;
  s->o.admit = s->admit;
  *out = s;
  return TLY_OK;
}

void tly_whatif_spec_free(tly_whatif_spec *s)
{
  if (s == NULL)
    return;
  tly_allocator a = s->alloc;
  tly__free(&a, s, sizeof *s);
}

const char *tly_whatif_spec_key(size_t i)
{
  return i < N_KEYS ? keys[i].name : NULL;
}

static int key_index(const char *key)
{
  for (size_t k = 0; k < N_KEYS; k++)
    if (strcmp(keys[k].name, key) == 0)
      return (int)k;
  return -1;
}

tly_status tly_whatif_spec_set(tly_whatif_spec *s, const char *key,
                               const char *text, tly_error *err)
{
  int k = key_index(key);
  if (k < 0)
    return tly__fail(err, TLY_ENOTFOUND, "unknown what-if option \"%.64s\"",
                     key);
  tly_whatif_opts o = s->o; /* a failed set leaves s as it was */
  tly_status st = keys[k].set(s, text, err);
  if (st != TLY_OK) {
    s->o = o;
    return st;
  }
  if (keys[k].set == set_reapportion && !s->o.reapportion)
    s->given &= ~(UINT32_C(1) << k); /* "false" asks for nothing */
  else
    s->given |= UINT32_C(1) << k;
  return TLY_OK;
}

bool tly_whatif_spec_has(const tly_whatif_spec *s, const char *key)
{
  int k = key_index(key);
  return k >= 0 && (s->given & (UINT32_C(1) << k)) != 0;
}

tly_status tly_whatif_spec_check(const tly_whatif_spec *s, tly_error *err)
{
  for (size_t k = 0; k < N_KEYS; k++) {
    if ((s->given & (UINT32_C(1) << k)) == 0 || keys[k].check == NULL)
      continue;
    const char *why = keys[k].check(s);
    if (why != NULL)
      return tly__fail(err, TLY_EINVAL, "%s %s", keys[k].name, why);
  }
  return TLY_OK;
}

tly_status tly_whatif_spec_apply(const tly_election *in,
                                 const tly_whatif_spec *s,
                                 tly_election **out, tly_error *err)
{
  *out = NULL;
  tly_status st = tly_whatif_spec_check(s, err);
  if (st != TLY_OK)
    return st;
  return tly_whatif_apply(in, &s->o, out, err);
}

void tly_whatif_spec_describe(const tly_whatif_spec *s, char *buf,
                              size_t size)
{
  tly_whatif_describe(&s->o, buf, size);
}
