/*
 * apportion.c -- the House among the states (U.S. Const. art. I, sec. 2;
 * 2 U.S.C. 2a): Huntington-Hill as the Census Bureau computes it ("Computing
 * Apportionment": one seat each, then by priority value), the divisor
 * methods of Webster, Jefferson, Adams and Dean in the same priority form
 * (Balinski and Young, "Fair Representation", 2001), and Hamilton's largest
 * remainders. Priorities are compared exactly in 128-bit integers.
 */
#include "arith.h"
#include "csv.h"
#include "internal.h"
#include "json.h"
#include "scan.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned __int128 u128;

struct tly_apportionment {
  tly_allocator alloc;
  tly_method method;
  int64_t house;
  size_t n_states;
  char (*codes)[8];
  int64_t *pops;
  int64_t *seats;
  size_t n_priority;
  tly_priority_entry *priority;
  size_t n_next;
  tly_next_in_line *next;
  bool tied;
  int64_t dc_electors;
};

/*==== Methods ===============================================================*/

static const char *const method_names[] = {
    [TLY_METHOD_HUNTINGTON_HILL] = "huntington-hill",
    [TLY_METHOD_WEBSTER] = "webster",
    [TLY_METHOD_JEFFERSON] = "jefferson",
    [TLY_METHOD_ADAMS] = "adams",
    [TLY_METHOD_DEAN] = "dean",
    [TLY_METHOD_HAMILTON] = "hamilton",
};
_Static_assert(sizeof method_names / sizeof method_names[0] ==
                   TLY_METHOD_HAMILTON + 1,
               "one name per method");

static bool same_ci(const char *a, const char *b)
{
  for (; *a != '\0' && *b != '\0'; a++, b++) {
    char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a - 'A' + 'a') : *a;
    char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b - 'A' + 'a') : *b;
    if (x != y)
      return false;
  }
  return *a == *b;
}

tly_status tly_method_from_name(const char *name, tly_method *out,
                                tly_error *err)
{
  for (size_t i = 0; i < sizeof method_names / sizeof method_names[0]; i++) {
    if (same_ci(name, method_names[i])) {
      *out = (tly_method)i;
      return TLY_OK;
    }
  }
  if (same_ci(name, "hh")) {
    *out = TLY_METHOD_HUNTINGTON_HILL;
    return TLY_OK;
  }
  return tly__fail(err, TLY_ENOTFOUND,
                   "unknown method \"%s\"; have huntington-hill, webster, "
                   "jefferson, adams, dean, hamilton",
                   name);
}

const char *tly_method_name(tly_method m)
{
  if ((unsigned)m > (unsigned)TLY_METHOD_HAMILTON)
    return "unknown";
  return method_names[m];
}

/*==== Exact priorities =======================================================
 * A divisor method gives a state of population p holding n seats the
 * priority P = p / d(n) for its seat n + 1. Each d is written so that
 *   P^k = p^k * num(n) / den(n)      (k = 2 for Huntington-Hill, else 1)
 * with integer num > 0 and den >= 0, den = 0 meaning infinite priority (a
 * state's first seat under Adams, Dean and Huntington-Hill):
 *   Huntington-Hill d = sqrt(n(n+1))      k 2, num 1,      den n(n+1)
 *   Webster         d = n + 1/2           k 1, num 2,      den 2n + 1
 *   Jefferson       d = n + 1             k 1, num 1,      den n + 1
 *   Adams           d = n                 k 1, num 1,      den n
 *   Dean            d = 2n(n+1)/(2n+1)    k 1, num 2n + 1, den 2n(n+1)
 * Pa > Pb exactly when pa^k num(na) den(nb) > pb^k num(nb) den(na): both
 * sides are integers. Bound: p < 2^40 and n <= 100000, so num <= 2^18,
 * den < 2^35, and p^2 den (Huntington-Hill) < 2^80 * 2^34 = 2^114, p num
 * den (Dean) < 2^40 * 2^18 * 2^35 = 2^93: every product fits in 128 bits.
 */

static int power_of(tly_method m)
{
  return m == TLY_METHOD_HUNTINGTON_HILL ? 2 : 1;
}

static void divisor(tly_method m, int64_t n, u128 *num, u128 *den)
{
  u128 un = (u128)n;
  switch (m) {
  case TLY_METHOD_HUNTINGTON_HILL:
    *num = 1;
    *den = un * (un + 1);
    return;
  case TLY_METHOD_WEBSTER:
    *num = 2;
    *den = 2 * un + 1;
    return;
  case TLY_METHOD_JEFFERSON:
    *num = 1;
    *den = un + 1;
    return;
  case TLY_METHOD_ADAMS:
    *num = 1;
    *den = un;
    return;
  case TLY_METHOD_DEAN:
  case TLY_METHOD_HAMILTON: /* not a divisor method; never asked */
    *num = 2 * un + 1;
    *den = 2 * un * (un + 1);
    return;
  }
  *num = 1;
  *den = 1;
}

static u128 pow_k(int64_t p, int k)
{
  u128 v = (u128)p;
  return k == 2 ? v * v : v;
}

/* Compares the priorities of (pa, na) and (pb, nb): -1, 0 or 1. */
static int cmp_priority(tly_method m, int64_t pa, int64_t na, int64_t pb,
                        int64_t nb)
{
  u128 num_a, den_a, num_b, den_b;
  divisor(m, na, &num_a, &den_a);
  divisor(m, nb, &num_b, &den_b);
  if (den_a == 0 || den_b == 0) /* infinite priorities: equal if both */
    return (den_a == 0) - (den_b == 0);
  int k = power_of(m);
  u128 lhs = pow_k(pa, k) * num_a * den_b;
  u128 rhs = pow_k(pb, k) * num_b * den_a;
  return (lhs > rhs) - (lhs < rhs);
}

/* The priority as a double, for display only (infinite for den 0). */
static double priority_value(tly_method m, int64_t p, int64_t n)
{
  double dp = (double)p;
  double dn = (double)n;
  switch (m) {
  case TLY_METHOD_HUNTINGTON_HILL:
    return dp / sqrt(dn * (dn + 1));
  case TLY_METHOD_WEBSTER:
    return dp / (dn + 0.5);
  case TLY_METHOD_JEFFERSON:
    return dp / (dn + 1);
  case TLY_METHOD_ADAMS:
    return dp / dn;
  case TLY_METHOD_DEAN:
  case TLY_METHOD_HAMILTON:
    return dp * (2 * dn + 1) / (2 * dn * (dn + 1));
  }
  return 0;
}

/* floor(sqrt(v)), digit by digit (exact; no floating point). */
static u128 isqrt128(u128 v)
{
  u128 res = 0;
  u128 bit = (u128)1 << 126;
  while (bit > v)
    bit >>= 2;
  while (bit != 0) {
    if (v >= res + bit) {
      v -= res + bit;
      res = (res >> 1) + bit;
    } else {
      res >>= 1;
    }
    bit >>= 2;
  }
  return res;
}

/* The smallest x with P(x, n) > P(pl, nl), exactly: x^k num(n) den(nl) >
 * pl^k num(nl) den(n), i.e. x^k > floor(R / M) with R the right side and
 * M = num(n) den(nl) > 0 (x^k is an integer). For k = 1 that is
 * floor(R / M) + 1; for k = 2, isqrt(floor(R / M)) + 1, since isqrt(q)^2 <=
 * q < (isqrt(q) + 1)^2. R < 2^114 (bound above), so x < 2^58. */
static u128 least_winning_pop(tly_method m, int64_t n, int64_t pl,
                              int64_t nl)
{
  u128 num, den, num_l, den_l;
  divisor(m, n, &num, &den);
  divisor(m, nl, &num_l, &den_l);
  int k = power_of(m);
  u128 r = pow_k(pl, k) * num_l * den;
  u128 q = r / (num * den_l);
  return (k == 2 ? isqrt128(q) : q) + 1;
}

/*==== Divisor methods by priority ===========================================*/

typedef struct {
  tly_method m;
  const int64_t *pops;
  const int64_t *seats;
  size_t *heap; /* state indices; heap[0] has the highest priority */
  size_t n;
} pq;

/* Whether state a goes before state b: higher priority, then lower index. */
static bool before(const pq *q, size_t a, size_t b)
{
  int c = cmp_priority(q->m, q->pops[a], q->seats[a], q->pops[b],
                       q->seats[b]);
  return c > 0 || (c == 0 && a < b);
}

static void sift_down(pq *q, size_t i)
{
  for (;;) {
    size_t l = 2 * i + 1;
    size_t r = l + 1;
    size_t best = i;
    if (l < q->n && before(q, q->heap[l], q->heap[best]))
      best = l;
    if (r < q->n && before(q, q->heap[r], q->heap[best]))
      best = r;
    if (best == i)
      return;
    size_t t = q->heap[i];
    q->heap[i] = q->heap[best];
    q->heap[best] = t;
    i = best;
  }
}

/* Removes and returns the state with the highest priority (q->n > 0). */
static size_t pq_pop(pq *q)
{
  size_t top = q->heap[0];
  q->heap[0] = q->heap[--q->n];
  sift_down(q, 0);
  return top;
}

/* Awards the seats after the automatic ones by priority; fills r's
 * priority list and next-in-line. */
static tly_status by_divisor(tly_apportionment *r, size_t *heap,
                             int64_t n_auto, tly_error *err)
{
  pq q = {r->method, r->pops, r->seats, heap, r->n_states};
  for (size_t i = 0; i < q.n; i++)
    heap[i] = i;
  for (size_t i = q.n / 2; i-- > 0;)
    sift_down(&q, i);
  int64_t seat = n_auto;
  while (seat < r->house) {
    size_t s = heap[0];
    r->seats[s]++;
    seat++;
    tly_priority_entry *e = &r->priority[r->n_priority++];
    e->seat = seat;
    e->state = (int32_t)s;
    e->n = r->seats[s];
    e->priority = priority_value(r->method, r->pops[s], r->seats[s] - 1);
    sift_down(&q, 0);
  }
  /* A state gains a seat, all else equal, when its priority for it rises
   * above the lowest priority seated among the other states: seat N's,
   * unless seat N is its own; then the last seat by priority held by
   * another state (none: the others hold only first seats, which no
   * priority beats, so short_by stays -1). */
  const tly_priority_entry *last =
      r->n_priority > 0 ? &r->priority[r->n_priority - 1] : NULL;
  const tly_priority_entry *last_other = NULL;
  for (size_t k = r->n_priority; last != NULL && k-- > 0;) {
    if (r->priority[k].state != last->state) {
      last_other = &r->priority[k];
      break;
    }
  }
  while (q.n > 0) {
    size_t s = pq_pop(&q);
    tly_next_in_line *x = &r->next[r->n_next++];
    x->state = (int32_t)s;
    x->n = r->seats[s] + 1;
    x->priority = priority_value(r->method, r->pops[s], r->seats[s]);
    x->short_by = -1;
    if (r->n_next == 1 && last != NULL)
      r->tied = cmp_priority(r->method, r->pops[s], r->seats[s],
                             r->pops[last->state], last->n - 1) == 0;
    const tly_priority_entry *t =
        last != NULL && (size_t)last->state == s ? last_other : last;
    if (t == NULL)
      continue;
    int64_t pl = r->pops[t->state];
    int64_t nl = t->n - 1;
    u128 x_min = least_winning_pop(r->method, r->seats[s], pl, nl);
    if (x_min > (u128)INT64_MAX)
      return tly__fail(err, TLY_EOVERFLOW, "short-by count overflows");
    /* A state in line never outranks the last seat, so x_min > its pop. */
    TLY_ASSERT((int64_t)x_min > r->pops[s]);
    x->short_by = (int64_t)x_min - r->pops[s];
  }
  return TLY_OK;
}

/*==== Hamilton ==============================================================
 * Quota q_i = p_i S / T for the S seats and T people in the count; each
 * state gets floor(q_i), and the S - sum floor(q_i) seats left go one each
 * to the largest remainders p_i S mod T (an integer over the common
 * denominator T, so compared exactly; p_i S < 2^40 * 2^17 fits int64).
 * Equal remainders: the state first in the input. This is the method that
 * shows the Alabama paradox (1880: Alabama 8 seats in a House of 299, 7 in
 * one of 300), which is computed as is, not corrected.
 */

typedef struct {
  int64_t rem;
  size_t state;
} rem_entry;

static int cmp_remainder(const void *pa, const void *pb)
{
  const rem_entry *a = pa;
  const rem_entry *b = pb;
  if (a->rem != b->rem)
    return a->rem > b->rem ? -1 : 1;
  return (a->state > b->state) - (a->state < b->state);
}

static tly_status by_hamilton(tly_apportionment *r, bool min_one,
                              rem_entry *rems, bool *fixed, tly_error *err)
{
  size_t n = r->n_states;
  int64_t seats_left = r->house;
  int64_t people = 0;
  for (size_t i = 0; i < n; i++) {
    fixed[i] = false;
    if (!tly__add_i64(people, r->pops[i], &people))
      return tly__fail(err, TLY_EOVERFLOW, "total population overflows");
  }
  if (people == 0)
    return tly__fail(err, TLY_EINVAL,
                     "hamilton needs a total population above 0");
  int64_t n_fixed = 0;
  /* With one seat each required: a quota below 1 (p S < T) means a seat
   * given, and the state leaves the count; repeat until none is below 1.
   * It ends with states left: while S >= (states left), the quotas sum to
   * S, so one of them is at least 1. */
  for (bool again = min_one; again;) {
    again = false;
    int64_t drop_seats = 0;
    int64_t drop_people = 0;
    for (size_t i = 0; i < n; i++) {
      if (fixed[i])
        continue;
      if ((u128)r->pops[i] * (u128)seats_left < (u128)people) {
        fixed[i] = true;
        r->seats[i] = 1;
        drop_seats++;
        drop_people += r->pops[i];
        again = true;
      }
    }
    seats_left -= drop_seats;
    people -= drop_people;
    n_fixed += drop_seats;
  }
  size_t n_rems = 0;
  int64_t given = n_fixed;
  for (size_t i = 0; i < n; i++) {
    if (fixed[i])
      continue;
    int64_t prod = r->pops[i] * seats_left; /* < 2^57: see bound above */
    r->seats[i] = prod / people;
    given += r->seats[i];
    rems[n_rems].rem = prod % people;
    rems[n_rems].state = i;
    n_rems++;
  }
  qsort(rems, n_rems, sizeof *rems, cmp_remainder);
  int64_t extra = r->house - given; /* 0 <= extra < n_rems */
  r->n_next = 0;
  for (size_t k = 0; k < n_rems; k++) {
    size_t s = rems[k].state;
    double frac = (double)rems[k].rem / (double)people;
    if ((int64_t)k < extra) {
      r->seats[s]++;
      tly_priority_entry *e = &r->priority[r->n_priority++];
      e->seat = given + (int64_t)k + 1;
      e->state = (int32_t)s;
      e->n = r->seats[s];
      e->priority = frac;
    } else {
      if ((int64_t)k == extra && extra > 0)
        r->tied = rems[k].rem == rems[k - 1].rem;
      tly_next_in_line *x = &r->next[r->n_next++];
      x->state = (int32_t)s;
      x->n = r->seats[s] + 1;
      x->priority = frac;
      x->short_by = -1;
    }
  }
  return TLY_OK;
}

/*==== Apportioning ==========================================================*/

void tly_apportionment_free(tly_apportionment *r)
{
  if (r == NULL)
    return;
  const tly_allocator *a = &r->alloc;
  size_t n = r->n_states;
  tly__free(a, r->codes, n * sizeof *r->codes);
  tly__free(a, r->pops, n * sizeof *r->pops);
  tly__free(a, r->seats, n * sizeof *r->seats);
  tly__free(a, r->priority, (size_t)r->house * sizeof *r->priority);
  tly__free(a, r->next, n * sizeof *r->next);
  tly__free(a, r, sizeof *r);
}

static tly_status check_input(const tly_apportion_input *in, tly_error *err)
{
  if ((unsigned)in->method > (unsigned)TLY_METHOD_HAMILTON)
    return tly__fail(err, TLY_EINVAL, "unknown method %d", (int)in->method);
  if (in->n_states == 0)
    return tly__fail(err, TLY_EINVAL, "no states to apportion among");
  if (in->n_states > (size_t)INT32_MAX)
    return tly__fail(err, TLY_EINVAL, "too many states (%zu)", in->n_states);
  if (in->seats < 1 || in->seats > TLY_APPORTION_MAX_SEATS)
    return tly__fail(err, TLY_EINVAL,
                     "a House of %lld seats is out of range (1 to %d)",
                     (long long)in->seats, TLY_APPORTION_MAX_SEATS);
  if (in->dc_population < 0 || in->dc_population > TLY_APPORTION_MAX_POP)
    return tly__fail(err, TLY_EINVAL,
                     "DC's population %lld is out of range (0 to %lld)",
                     (long long)in->dc_population,
                     (long long)TLY_APPORTION_MAX_POP);
  for (size_t i = 0; i < in->n_states; i++) {
    int64_t p = in->populations[i];
    if (p < 0 || p > TLY_APPORTION_MAX_POP)
      return tly__fail(err, TLY_EINVAL,
                       "population %lld of state %zu is out of range (0 to "
                       "%lld)",
                       (long long)p, i + 1,
                       (long long)TLY_APPORTION_MAX_POP);
    if (in->codes != NULL && strlen(in->codes[i]) >= 8)
      return tly__fail(err, TLY_EINVAL, "state code \"%s\" is too long",
                       in->codes[i]);
  }
  /* Adams, Dean and Huntington-Hill give every state a first seat by an
   * infinite priority; the Constitution does so for every method. */
  bool one_each = !in->allow_zero || in->method == TLY_METHOD_ADAMS ||
                  in->method == TLY_METHOD_DEAN ||
                  in->method == TLY_METHOD_HUNTINGTON_HILL;
  if (one_each && (uint64_t)in->seats < (uint64_t)in->n_states)
    return tly__fail(err, TLY_EINVAL,
                     "a House of %lld seats is too small: each of the %zu "
                     "states gets one",
                     (long long)in->seats, in->n_states);
  return TLY_OK;
}

/* The 23rd Amendment: DC has "a number of electors ... equal to the whole
 * number of Senators and Representatives in Congress to which the District
 * would be entitled if it were a State, but in no event more than the
 * least populous State". Its seats as a state are those it gets when the
 * same House is apportioned by the same method among the states and DC
 * (1 when its population is unknown, or when that House is too small to
 * give each of them one); the cap is the electors of the state with the
 * fewest people (ties: the fewest electors). Sets r->dc_electors. */
static tly_status dc_electors(const tly_apportion_input *in,
                              const tly_allocator *a, tly_apportionment *r,
                              tly_error *err)
{
  size_t n = in->n_states;
  size_t least = 0;
  for (size_t i = 1; i < n; i++) {
    if (r->pops[i] < r->pops[least] ||
        (r->pops[i] == r->pops[least] && r->seats[i] < r->seats[least]))
      least = i;
  }
  int64_t cap = r->seats[least] + 2;
  int64_t dc_seats = 1;
  bool one_each = !in->allow_zero || in->method == TLY_METHOD_ADAMS ||
                  in->method == TLY_METHOD_DEAN ||
                  in->method == TLY_METHOD_HUNTINGTON_HILL;
  bool fits = !one_each || (uint64_t)in->seats > (uint64_t)n;
  if (in->dc_population > 0 && fits && n < (size_t)INT32_MAX) {
    int64_t *pops = tly__calloc(a, n + 1, sizeof *pops);
    if (pops == NULL)
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    memcpy(pops, in->populations, n * sizeof *pops);
    pops[n] = in->dc_population;
    tly_apportion_input with = {.n_states = n + 1, .populations = pops,
                                .seats = in->seats, .method = in->method,
                                .allow_zero = in->allow_zero};
    tly_apportionment *w = NULL;
    tly_status st = tly_apportion(&with, a, &w, err);
    tly__free(a, pops, (n + 1) * sizeof *pops);
    if (st != TLY_OK)
      return st;
    dc_seats = w->seats[n];
    tly_apportionment_free(w);
  }
  r->dc_electors = dc_seats + 2 < cap ? dc_seats + 2 : cap;
  return TLY_OK;
}

tly_status tly_apportion(const tly_apportion_input *in,
                         const tly_allocator *a, tly_apportionment **out,
                         tly_error *err)
{
  *out = NULL;
  tly_status st = check_input(in, err);
  if (st != TLY_OK)
    return st;
  a = tly__alloc_or_default(a);
  size_t n = in->n_states;
  size_t house = (size_t)in->seats;
  size_t *heap = NULL;
  rem_entry *rems = NULL;
  bool *fixed = NULL;
  tly_apportionment *r = tly__calloc(a, 1, sizeof *r);
  if (r == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  r->alloc = *a;
  r->method = in->method;
  r->house = in->seats;
  r->n_states = n;
  r->codes = tly__calloc(a, n, sizeof *r->codes);
  r->pops = tly__calloc(a, n, sizeof *r->pops);
  r->seats = tly__calloc(a, n, sizeof *r->seats);
  r->priority = tly__calloc(a, house, sizeof *r->priority);
  r->next = tly__calloc(a, n, sizeof *r->next);
  if (r->codes == NULL || r->pops == NULL || r->seats == NULL ||
      r->priority == NULL || r->next == NULL)
    goto nomem;
  for (size_t i = 0; i < n; i++) {
    r->pops[i] = in->populations[i];
    if (in->codes != NULL)
      memcpy(r->codes[i], in->codes[i], strlen(in->codes[i]) + 1);
  }
  if (in->method == TLY_METHOD_HAMILTON) {
    rems = tly__calloc(a, n, sizeof *rems);
    fixed = tly__calloc(a, n, sizeof *fixed);
    if (rems == NULL || fixed == NULL)
      goto nomem;
    st = by_hamilton(r, !in->allow_zero, rems, fixed, err);
  } else {
    heap = tly__calloc(a, n, sizeof *heap);
    if (heap == NULL)
      goto nomem;
    int64_t n_auto = 0;
    bool one_each = !in->allow_zero;
    for (size_t i = 0; i < n; i++) {
      u128 num, den;
      divisor(in->method, 0, &num, &den);
      if (one_each || den == 0) {
        r->seats[i] = 1;
        n_auto++;
      }
    }
    st = by_divisor(r, heap, n_auto, err);
  }
  if (st != TLY_OK)
    goto fail;
  st = dc_electors(in, a, r, err);
  if (st != TLY_OK)
    goto fail;
  tly__free(a, heap, n * sizeof *heap);
  tly__free(a, rems, n * sizeof *rems);
  tly__free(a, fixed, n * sizeof *fixed);
  *out = r;
  return TLY_OK;
nomem:
  st = tly__fail(err, TLY_ENOMEM, "out of memory");
fail:
  tly__free(a, heap, n * sizeof *heap);
  tly__free(a, rems, n * sizeof *rems);
  tly__free(a, fixed, n * sizeof *fixed);
  tly_apportionment_free(r);
  return st;
}

/*==== Getters ===============================================================*/

tly_method tly_apportionment_method(const tly_apportionment *r)
{
  return r->method;
}

int64_t tly_apportionment_house(const tly_apportionment *r)
{
  return r->house;
}

size_t tly_apportionment_n_states(const tly_apportionment *r)
{
  return r->n_states;
}

const char *tly_apportionment_code(const tly_apportionment *r, size_t i)
{
  return r->codes[i];
}

int64_t tly_apportionment_population(const tly_apportionment *r, size_t i)
{
  return r->pops[i];
}

int64_t tly_apportionment_seats(const tly_apportionment *r, size_t i)
{
  return r->seats[i];
}

int64_t tly_apportionment_electors(const tly_apportionment *r, size_t i)
{
  return r->seats[i] + 2; /* 2 for the Senators (art. II, sec. 1) */
}

int64_t tly_apportionment_dc_electors(const tly_apportionment *r)
{
  return r->dc_electors;
}

size_t tly_apportionment_n_priority(const tly_apportionment *r)
{
  return r->n_priority;
}

const tly_priority_entry *tly_apportionment_priority(
    const tly_apportionment *r, size_t k)
{
  return &r->priority[k];
}

const tly_priority_entry *tly_apportionment_last_seat(
    const tly_apportionment *r)
{
  return r->n_priority > 0 ? &r->priority[r->n_priority - 1] : NULL;
}

size_t tly_apportionment_n_next(const tly_apportionment *r)
{
  return r->n_next;
}

const tly_next_in_line *tly_apportionment_next(const tly_apportionment *r,
                                               size_t k)
{
  return &r->next[k];
}

bool tly_apportionment_tied(const tly_apportionment *r)
{
  return r->tied;
}

/*==== Built-in censuses =====================================================
 * data/census.csv (made by data/mkdata.py from the Census Bureau's
 * apportionment Table 1 of each census; see data/README.md): columns
 * census,unit,resident,overseas,population,seats, one row per state;
 * overseas is empty in 1980, when overseas federal employees were not
 * counted. Every row is checked: population = resident + overseas.
 */

#define CENSUS_MAX_YEARS 32

typedef struct {
  int want;             /* the census whose rows to keep */
  tly_census_row *rows; /* rows[0..cap) */
  size_t cap;
  size_t n_rows;
  int years[CENSUS_MAX_YEARS]; /* the censuses present, ascending */
  size_t n_years;
} census_scan;

static tly_status field_i64(const tly__csv *c, const tly__csv_field *f,
                            int64_t min, int64_t max, int64_t *v,
                            tly_error *err)
{
  if (tly__scan_i64(f->p, f->n, min, max, v) != TLY_OK)
    return tly__csv_fail(c, f, err, TLY_EPARSE,
                         "\"%s\" is not an integer in [%lld, %lld]", f->p,
                         (long long)min, (long long)max);
  return TLY_OK;
}

static void add_year(census_scan *cs, int year)
{
  size_t i = 0;
  while (i < cs->n_years && cs->years[i] < year)
    i++;
  if ((i < cs->n_years && cs->years[i] == year) ||
      cs->n_years == CENSUS_MAX_YEARS)
    return;
  memmove(&cs->years[i + 1], &cs->years[i],
          (cs->n_years - i) * sizeof cs->years[0]);
  cs->years[i] = year;
  cs->n_years++;
}

static tly_status census_row(const tly__csv *c, const tly__csv_field *f,
                             census_scan *cs, tly_error *err)
{
  static const int64_t max_pop = TLY_APPORTION_MAX_POP;
  int64_t year, resident, overseas = -1, pop, seats;
  tly_status st = field_i64(c, &f[0], 1790, 9999, &year, err);
  if (st == TLY_OK)
    st = field_i64(c, &f[2], 0, max_pop, &resident, err);
  if (st == TLY_OK && f[3].n > 0)
    st = field_i64(c, &f[3], 0, max_pop, &overseas, err);
  if (st == TLY_OK)
    st = field_i64(c, &f[4], 0, max_pop, &pop, err);
  if (st == TLY_OK)
    st = field_i64(c, &f[5], 1, TLY_APPORTION_MAX_SEATS, &seats, err);
  if (st != TLY_OK)
    return st;
  if (f[1].n < 1 || f[1].n > 7)
    return tly__csv_fail(c, &f[1], err, TLY_EPARSE, "bad state code \"%s\"",
                         f[1].p);
  if (pop != resident + (overseas < 0 ? 0 : overseas))
    return tly__csv_fail(c, &f[4], err, TLY_EPARSE,
                         "population %lld is not resident + overseas",
                         (long long)pop);
  add_year(cs, (int)year);
  if (year != cs->want)
    return TLY_OK;
  if (cs->n_rows < cs->cap) {
    tly_census_row *row = &cs->rows[cs->n_rows];
    memcpy(row->code, f[1].p, f[1].n + 1);
    row->resident = resident;
    row->overseas = overseas;
    row->population = pop;
    row->seats = seats;
  }
  cs->n_rows++;
  return TLY_OK;
}

/* Reads the built-in census table, keeping cs->want's rows. */
static tly_status scan_census(const tly_allocator *a, census_scan *cs,
                              tly_error *err)
{
  static const char *const header[] = {"census",     "resident",
                                       "overseas",   "population",
                                       "seats",      NULL};
  size_t len;
  const char *data = tly__data_file("census.csv", &len);
  if (data == NULL)
    return tly__fail(err, TLY_ENODATA, "no built-in census table");
  tly__csv *c;
  tly_status st = tly__csv_open(a, "census.csv", data, len, 64, 16, &c, err);
  if (st != TLY_OK)
    return st;
  bool first = true;
  for (;;) {
    const tly__csv_field *f;
    size_t nf;
    bool eof;
    st = tly__csv_next(c, &f, &nf, &eof, err);
    if (st != TLY_OK || eof)
      break;
    if (nf != 6) {
      st = tly__csv_fail(c, NULL, err, TLY_EPARSE,
                         "expected 6 fields, found %zu", nf);
      break;
    }
    if (first) {
      first = false;
      bool ok = strcmp(f[0].p, header[0]) == 0 && strcmp(f[1].p, "unit") == 0;
      for (size_t i = 1; ok && header[i] != NULL; i++)
        ok = strcmp(f[i + 1].p, header[i]) == 0;
      if (!ok) {
        st = tly__csv_fail(c, NULL, err, TLY_EPARSE,
                           "header is not census,unit,resident,overseas,"
                           "population,seats");
        break;
      }
      continue;
    }
    st = census_row(c, f, cs, err);
    if (st != TLY_OK)
      break;
  }
  tly__csv_free(c);
  return st;
}

size_t tly_census_years(int *years, size_t cap)
{
  census_scan cs = {.want = 0};
  if (scan_census(NULL, &cs, NULL) != TLY_OK)
    return 0;
  for (size_t i = 0; i < cs.n_years && i < cap; i++)
    years[i] = cs.years[i];
  return cs.n_years;
}

tly_status tly_census_builtin(int census, const tly_allocator *a,
                              tly_census_row *rows, size_t cap,
                              size_t *n_rows, tly_error *err)
{
  census_scan cs = {.want = census, .rows = rows, .cap = cap};
  *n_rows = 0;
  tly_status st = scan_census(a, &cs, err);
  if (st != TLY_OK)
    return st;
  *n_rows = cs.n_rows;
  if (cs.n_rows == 0) {
    if (cs.n_years == 0)
      return tly__fail(err, TLY_ENODATA, "no built-in census %d", census);
    return tly__fail(err, TLY_ENODATA, "no built-in census %d; have %d-%d",
                     census, cs.years[0], cs.years[cs.n_years - 1]);
  }
  if (cs.n_rows > cap)
    return tly__fail(err, TLY_ERANGE,
                     "census %d has %zu states; room for %zu", census,
                     cs.n_rows, cap);
  return TLY_OK;
}

/* DC's resident population at `census` from data/dc.csv (census,resident;
 * Census Bureau, historical apportionment table), or 0 when the table has
 * no row for it. */
static tly_status dc_population(const tly_allocator *a, int census,
                                int64_t *pop, tly_error *err)
{
  *pop = 0;
  size_t len;
  const char *data = tly__data_file("dc.csv", &len);
  if (data == NULL)
    return TLY_OK;
  tly__csv *c;
  tly_status st = tly__csv_open(a, "dc.csv", data, len, 64, 4, &c, err);
  if (st != TLY_OK)
    return st;
  bool first = true;
  for (;;) {
    const tly__csv_field *f;
    size_t nf;
    bool eof;
    st = tly__csv_next(c, &f, &nf, &eof, err);
    if (st != TLY_OK || eof)
      break;
    if (nf != 2) {
      st = tly__csv_fail(c, NULL, err, TLY_EPARSE,
                         "expected 2 fields, found %zu", nf);
      break;
    }
    if (first) {
      first = false;
      if (strcmp(f[0].p, "census") != 0 || strcmp(f[1].p, "resident") != 0) {
        st = tly__csv_fail(c, NULL, err, TLY_EPARSE,
                           "header is not census,resident");
        break;
      }
      continue;
    }
    int64_t year, p;
    st = field_i64(c, &f[0], 1790, 9999, &year, err);
    if (st == TLY_OK)
      st = field_i64(c, &f[1], 1, TLY_APPORTION_MAX_POP, &p, err);
    if (st != TLY_OK)
      break;
    if (year == census)
      *pop = p;
  }
  tly__csv_free(c);
  return st;
}

/*==== Apportioning a census =================================================*/

tly_status tly_apportion_census(int census, int64_t seats, tly_method m,
                                const char *const *without,
                                size_t n_without, const tly_allocator *a,
                                tly_apportionment **out, tly_error *err)
{
  *out = NULL;
  size_t n;
  tly_status st = tly_census_builtin(census, a, NULL, 0, &n, err);
  if (st != TLY_OK && st != TLY_ERANGE)
    return st;
  size_t cap = n; /* the arrays' length, whatever the second call sets */
  tly_census_row *rows = tly__calloc(a, cap, sizeof *rows);
  const char **codes = tly__calloc(a, cap, sizeof *codes);
  int64_t *pops = tly__calloc(a, cap, sizeof *pops);
  if (rows == NULL || codes == NULL || pops == NULL) {
    st = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  st = tly_census_builtin(census, a, rows, cap, &n, err);
  if (st != TLY_OK)
    goto done;
  size_t kept = 0;
  int64_t dc_pop = 0;
  bool with_dc = true;
  for (size_t i = 0; i < n_without; i++) {
    with_dc = with_dc && !same_ci(without[i], "DC");
    bool found = same_ci(without[i], "DC");
    for (size_t j = 0; j < n && !found; j++)
      found = same_ci(without[i], rows[j].code);
    if (!found) {
      st = tly__fail(err, TLY_ENOTFOUND, "\"%s\" is not a state of the %d "
                     "census", without[i], census);
      goto done;
    }
  }
  for (size_t j = 0; j < n; j++) {
    bool out_of_it = false;
    for (size_t i = 0; i < n_without && !out_of_it; i++)
      out_of_it = same_ci(without[i], rows[j].code);
    if (out_of_it)
      continue;
    codes[kept] = rows[j].code;
    pops[kept] = rows[j].population;
    kept++;
  }
  if (with_dc) {
    st = dc_population(a, census, &dc_pop, err);
    if (st != TLY_OK)
      goto done;
  }
  tly_apportion_input in = {.n_states = kept, .codes = codes,
                            .populations = pops,
                            .seats = seats == 0 ? 435 : seats, .method = m,
                            .dc_population = dc_pop};
  st = tly_apportion(&in, a, out, err);
done:
  tly__free(a, pops, cap * sizeof *pops);
  tly__free(a, codes, cap * sizeof *codes);
  tly__free(a, rows, cap * sizeof *rows);
  return st;
}

tly_status tly_apportion_electors(int census, int64_t seats, tly_method m,
                                  const char *const *without,
                                  size_t n_without, const tly_allocator *a,
                                  tly_electors_row *rows, size_t cap,
                                  size_t *n_rows, tly_error *err)
{
  *n_rows = 0;
  tly_apportionment *r;
  tly_status st =
      tly_apportion_census(census, seats, m, without, n_without, a, &r, err);
  if (st != TLY_OK)
    return st;
  bool with_dc = true;
  for (size_t i = 0; i < n_without; i++)
    with_dc = with_dc && !same_ci(without[i], "DC");
  size_t n = r->n_states + (with_dc ? 1 : 0);
  *n_rows = n;
  if (n > cap) {
    tly_apportionment_free(r);
    return tly__fail(err, TLY_ERANGE, "%zu rows; room for %zu", n, cap);
  }
  for (size_t i = 0; i < r->n_states; i++) {
    memcpy(rows[i].code, r->codes[i], sizeof rows[i].code);
    rows[i].population = r->pops[i];
    rows[i].seats = r->seats[i];
    rows[i].electors = r->seats[i] + 2;
  }
  if (with_dc) {
    tly_electors_row *dc = &rows[r->n_states];
    memset(dc, 0, sizeof *dc);
    memcpy(dc->code, "DC", 3);
    dc->electors = r->dc_electors;
  }
  tly_apportionment_free(r);
  return TLY_OK;
}

/*==== JSON ==================================================================*/

/* Sets o[key] = v (stealing v); false when v is NULL or on failure. */
static bool put(json_t *o, const char *key, json_t *v)
{
  return v != NULL && json_object_set_new(o, key, v) == 0;
}

static bool append(json_t *arr, json_t *v)
{
  return v != NULL && json_array_append_new(arr, v) == 0;
}

static json_t *json_entry(const tly_apportionment *r,
                          const tly_priority_entry *e)
{
  json_t *o = json_object();
  if (o == NULL)
    return NULL;
  bool ok = put(o, "seat", json_integer(e->seat)) &&
            put(o, "code", json_string(r->codes[e->state])) &&
            put(o, "n", json_integer(e->n)) &&
            put(o, "priority", json_real(e->priority));
  if (!ok) {
    json_decref(o);
    return NULL;
  }
  return o;
}

static json_t *json_states(const tly_apportionment *r)
{
  json_t *arr = json_array();
  bool ok = arr != NULL;
  for (size_t i = 0; ok && i <= r->n_states; i++) {
    json_t *o = json_object();
    bool dc = i == r->n_states;
    ok = o != NULL &&
         put(o, "code", json_string(dc ? "DC" : r->codes[i])) &&
         put(o, "population", dc ? json_null() : json_integer(r->pops[i])) &&
         put(o, "seats", json_integer(dc ? 0 : r->seats[i])) &&
         put(o, "electors",
             json_integer(dc ? r->dc_electors : r->seats[i] + 2));
    if (!ok)
      json_decref(o);
    else
      ok = append(arr, o);
  }
  if (!ok) {
    json_decref(arr);
    return NULL;
  }
  return arr;
}

static json_t *json_next(const tly_apportionment *r, size_t n_next)
{
  json_t *arr = json_array();
  bool ok = arr != NULL;
  for (size_t k = 0; ok && k < n_next && k < r->n_next; k++) {
    const tly_next_in_line *x = &r->next[k];
    json_t *o = json_object();
    ok = o != NULL && put(o, "code", json_string(r->codes[x->state])) &&
         put(o, "n", json_integer(x->n)) &&
         put(o, "priority", json_real(x->priority)) &&
         put(o, "short_by", x->short_by < 0 ? json_null()
                                            : json_integer(x->short_by));
    if (!ok)
      json_decref(o);
    else
      ok = append(arr, o);
  }
  if (!ok) {
    json_decref(arr);
    return NULL;
  }
  return arr;
}

tly_status tly_json_apportionment(const tly_apportionment *r, int census,
                                  size_t n_next, bool with_priority,
                                  tly_writer w, void *ud, tly_error *err)
{
  json_t *root = json_object();
  const tly_priority_entry *last = tly_apportionment_last_seat(r);
  bool ok = root != NULL &&
            put(root, "census",
                census == 0 ? json_null() : json_integer(census)) &&
            put(root, "seats", json_integer(r->house)) &&
            put(root, "method", json_string(tly_method_name(r->method))) &&
            put(root, "tied", json_boolean(r->tied)) &&
            put(root, "states", json_states(r)) &&
            put(root, "last_seat",
                last == NULL ? json_null() : json_entry(r, last)) &&
            put(root, "next_in_line", json_next(r, n_next));
  if (ok && with_priority) {
    json_t *arr = json_array();
    ok = arr != NULL;
    for (size_t k = 0; ok && k < r->n_priority; k++)
      ok = append(arr, json_entry(r, &r->priority[k]));
    if (ok)
      ok = put(root, "priority", arr);
    else
      json_decref(arr);
  }
  if (!ok) {
    json_decref(root);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return tly__json_dump(root, JSON_SORT_KEYS | JSON_INDENT(2), w, ud, err);
}
