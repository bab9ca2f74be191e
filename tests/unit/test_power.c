/*
 * test_power.c -- Banzhaf and Shapley-Shubik indices (src/power.c): games
 * with known indices, brute force over every coalition and every order of
 * small random games, and the College of the 2020 census with California's
 * Banzhaf value recomputed here independently (a forward count over the
 * other 50 units, no deconvolution).
 */
#include "power.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* [6; 4,3,2,1]: swings 5, 3, 3, 1 of 12 (Felsenthal and Machover, "The
 * Measurement of Voting Power", 1998, the textbook example); Shapley-
 * Shubik 10, 6, 6, 2 of 24 orders. */
Test(power, known_game_6_4321)
{
  int64_t w[] = {4, 3, 2, 1};
  double v[4];
  uint64_t sw[4];
  cr_assert_eq(tly_power_game(w, 4, 6, TLY_POWER_BANZHAF, NULL, v, sw, NULL),
               TLY_OK);
  uint64_t want[] = {5, 3, 3, 1};
  for (int i = 0; i < 4; i++) {
    cr_expect_eq(sw[i], want[i]);
    cr_expect_float_eq(v[i], (double)want[i] / 12.0, 1e-15);
  }
  tly__big num[4], den;
  cr_assert_eq(tly__power_shapley_counts(w, 4, 6, NULL, num, &den, NULL),
               TLY_OK);
  uint64_t ss[] = {10, 6, 6, 2};
  cr_expect_eq(den.limb[0], 24);
  for (int i = 0; i < 4; i++)
    cr_expect_eq(num[i].limb[0], ss[i]);
  cr_assert_eq(tly_power_game(w, 4, 6, TLY_POWER_SHAPLEY, NULL, v, NULL,
                              NULL),
               TLY_OK);
  cr_expect_float_eq(v[0], 5.0 / 12.0, 1e-15);
  cr_expect_float_eq(v[3], 1.0 / 12.0, 1e-15);
}

/* The Council of the EEC, 1958 (Treaty of Rome art. 148): France, Germany,
 * Italy 4; Belgium, Netherlands 2; Luxembourg 1; quota 12. Luxembourg is
 * never decisive: 0 under both indices. Banzhaf 5/21 and 3/21. */
Test(power, eec_1958_luxembourg)
{
  int64_t w[] = {4, 4, 4, 2, 2, 1};
  double v[6];
  uint64_t sw[6];
  cr_assert_eq(tly_power_game(w, 6, 12, TLY_POWER_BANZHAF, NULL, v, sw,
                              NULL),
               TLY_OK);
  cr_expect_eq(sw[5], 0);
  cr_expect_eq(v[5], 0.0);
  cr_expect_float_eq(v[0], 5.0 / 21.0, 1e-15);
  cr_expect_float_eq(v[3], 3.0 / 21.0, 1e-15);
  cr_assert_eq(tly_power_game(w, 6, 12, TLY_POWER_SHAPLEY, NULL, v, NULL,
                              NULL),
               TLY_OK);
  cr_expect_eq(v[5], 0.0);
  /* Shapley-Shubik of the EEC 1958: 14/60 each for the large, 9/60 for
   * Belgium and the Netherlands (Felsenthal and Machover 1998). */
  cr_expect_float_eq(v[0], 14.0 / 60.0, 1e-15);
  cr_expect_float_eq(v[3], 9.0 / 60.0, 1e-15);
}

static uint64_t lcg(uint64_t *s)
{
  *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
  return *s >> 33;
}

/* Every coalition, every order. */
Test(power, random_games_brute_force)
{
  uint64_t seed = 2024;
  for (int trial = 0; trial < 300; trial++) {
    size_t n = 1 + lcg(&seed) % 7;
    int64_t w[7], total = 0;
    for (size_t i = 0; i < n; i++) {
      w[i] = (int64_t)(lcg(&seed) % 8); /* zeros included */
      total += w[i];
    }
    int64_t q = 1 + (int64_t)(lcg(&seed) % (uint64_t)(total + 2));
    /* Banzhaf: swings over all subsets of the others. */
    uint64_t want[7] = {0};
    for (unsigned s = 0; s < (1u << n); s++) {
      int64_t ws = 0;
      for (size_t i = 0; i < n; i++)
        ws += (s >> i) & 1u ? w[i] : 0;
      for (size_t i = 0; i < n; i++) {
        if (!((s >> i) & 1u) && ws < q && ws + w[i] >= q)
          want[i]++;
      }
    }
    uint64_t sw[7];
    double v[7];
    cr_assert_eq(tly_power_game(w, n, q, TLY_POWER_BANZHAF, NULL, v, sw,
                                NULL),
                 TLY_OK);
    for (size_t i = 0; i < n; i++)
      cr_expect_eq(sw[i], want[i], "trial %d player %zu", trial, i);
    /* Shapley-Shubik: every order of the players of non-zero weight. */
    size_t idx[7], m = 0;
    for (size_t i = 0; i < n; i++) {
      if (w[i] > 0)
        idx[m++] = i;
    }
    uint64_t piv[7] = {0}, orders = 0;
    size_t perm[7];
    for (size_t i = 0; i < m; i++)
      perm[i] = i;
    /* Heap's algorithm, iterative. */
    size_t cnt[7] = {0};
    for (;;) {
      orders++;
      int64_t acc = 0;
      for (size_t k = 0; k < m; k++) {
        int64_t before = acc;
        acc += w[idx[perm[k]]];
        if (before < q && acc >= q) {
          piv[idx[perm[k]]]++;
          break;
        }
      }
      size_t i = 1;
      while (i < m && cnt[i] >= i) {
        cnt[i] = 0;
        i++;
      }
      if (i >= m)
        break;
      size_t j = i % 2 ? cnt[i] : 0;
      size_t t = perm[j];
      perm[j] = perm[i];
      perm[i] = t;
      cnt[i]++;
    }
    tly__big num[7], den;
    cr_assert_eq(tly__power_shapley_counts(w, n, q, NULL, num, &den, NULL),
                 TLY_OK);
    cr_expect_eq(den.limb[0], orders, "trial %d", trial);
    for (size_t i = 0; i < n; i++)
      cr_expect_eq(num[i].limb[0], piv[i], "trial %d player %zu", trial, i);
  }
}

/* Electors of the 2020 census's apportionment (Census Bureau, 2020
 * Census Apportionment Results, Table 1: seats + 2; DC 3), for the
 * elections of 2024 and 2028, in census order with DC last. */
static const struct {
  const char *code;
  int64_t electors;
} ev2020[51] = {
    {"AK", 3},  {"AL", 9},  {"AR", 6},  {"AZ", 11}, {"CA", 54}, {"CO", 10},
    {"CT", 7},  {"DE", 3},  {"FL", 30}, {"GA", 16}, {"HI", 4},  {"IA", 6},
    {"ID", 4},  {"IL", 19}, {"IN", 11}, {"KS", 6},  {"KY", 8},  {"LA", 8},
    {"MA", 11}, {"MD", 10}, {"ME", 4},  {"MI", 15}, {"MN", 10}, {"MO", 10},
    {"MS", 6},  {"MT", 4},  {"NC", 16}, {"ND", 3},  {"NE", 5},  {"NH", 4},
    {"NJ", 14}, {"NM", 5},  {"NV", 6},  {"NY", 28}, {"OH", 17}, {"OK", 7},
    {"OR", 8},  {"PA", 19}, {"RI", 4},  {"SC", 9},  {"SD", 3},  {"TN", 11},
    {"TX", 40}, {"UT", 6},  {"VA", 13}, {"VT", 3},  {"WA", 12}, {"WI", 10},
    {"WV", 4},  {"WY", 3},  {"DC", 3},
};

/* Swings of unit i, counted forward over the others only: the number of
 * coalitions of the other 50 with weight in [q - w_i, q). 128-bit counts. */
static unsigned __int128 forward_swings(size_t i, int64_t q)
{
  unsigned __int128 c[600] = {0};
  c[0] = 1;
  for (size_t j = 0; j < 51; j++) {
    if (j == i)
      continue;
    int64_t wj = ev2020[j].electors;
    for (int64_t s = 599; s >= wj; s--)
      c[s] += c[s - wj];
  }
  unsigned __int128 sw = 0;
  for (int64_t s = q - ev2020[i].electors; s < q; s++)
    sw += c[s];
  return sw;
}

Test(power, census_2020_california)
{
  tly_power *p = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_power_census(2020, TLY_POWER_BANZHAF, TLY_POWER_STATES,
                                NULL, &p, &err),
               TLY_OK, "%s", err.msg);
  cr_assert_eq(tly_power_n_rows(p), 51);
  cr_expect_eq(tly_power_electors(p), 538);
  cr_expect_eq(tly_power_majority(p), 270);
  double sum = 0.0;
  for (size_t i = 0; i < 51; i++) {
    const tly_power_row *r = tly_power_row_at(p, i);
    cr_expect_str_eq(r->code, ev2020[i].code);
    cr_expect_eq(r->electors, ev2020[i].electors, "%s", r->code);
    sum += r->value;
  }
  cr_expect_float_eq(sum, 1.0, 1e-12);
  /* The independent computation: all 51 swing counts forward. */
  unsigned __int128 total = 0, ca = 0;
  for (size_t i = 0; i < 51; i++) {
    unsigned __int128 s = forward_swings(i, 270);
    total += s;
    if (strcmp(ev2020[i].code, "CA") == 0)
      ca = s;
    cr_expect(s == tly_power_row_at(p, i)->swings, "%s", ev2020[i].code);
  }
  const tly_power_row *r = tly_power_row_at(p, 4);
  cr_assert_str_eq(r->code, "CA");
  cr_expect(ca == r->swings);
  cr_expect_float_eq(r->value, (double)ca / (double)total, 1e-15);
  /* The value itself, rounded: 0.110796 (this computation, 6 digits). */
  cr_expect_float_eq(r->value, 0.110796, 5e-7);
  tly_power_free(p);
}

/* Shapley-Shubik of the 56-unit College (districts): the numerators are
 * exact, so they sum to exactly 56!. */
Test(power, census_2020_shapley_exact)
{
  tly_power *p = NULL;
  cr_assert_eq(tly_power_census(2020, TLY_POWER_SHAPLEY, TLY_POWER_DISTRICTS,
                                NULL, &p, NULL),
               TLY_OK);
  size_t n = tly_power_n_rows(p);
  cr_assert_eq(n, 56); /* 50 states, DC, ME-1..2, NE-1..3 */
  int64_t w[64];
  double sum = 0.0;
  for (size_t i = 0; i < n; i++) {
    w[i] = tly_power_row_at(p, i)->electors;
    sum += tly_power_row_at(p, i)->value;
  }
  cr_expect_float_eq(sum, 1.0, 1e-12);
  tly__big num[64], den, acc = {{0}};
  cr_assert_eq(tly__power_shapley_counts(w, n, 270, NULL, num, &den, NULL),
               TLY_OK);
  for (size_t i = 0; i < n; i++)
    cr_assert(tly__big_add(&acc, &num[i], &acc));
  cr_expect(tly__big_eq(&acc, &den), "numerators sum to 56!");
  /* 56! = 7.109985878048635e74. */
  cr_expect_float_eq((double)tly__big_to_ld(&den), 7.109985878048635e74,
                     1e60);
  tly_power_free(p);
}

Test(power, election_units)
{
  tly_election *e = NULL;
  cr_assert_eq(tly_election_builtin(2016, TLY_SOURCE_MEDSL, NULL, &e, NULL),
               TLY_OK);
  tly_power *p = NULL;
  cr_assert_eq(tly_power_election(e, TLY_POWER_BANZHAF, TLY_POWER_STATES, &p,
                                  NULL),
               TLY_OK);
  cr_expect_eq(tly_power_n_rows(p), 51);
  cr_expect_eq(tly_power_electors(p), 538);
  /* The mean voter is 1: sum of turnout x voter over all turnout. */
  double mass = 0.0, voters = 0.0;
  for (size_t i = 0; i < tly_power_n_rows(p); i++) {
    const tly_power_row *r = tly_power_row_at(p, i);
    mass += (double)r->turnout * r->voter;
    voters += (double)r->turnout;
  }
  cr_expect_float_eq(mass / voters, 1.0, 1e-12);
  /* Issue 10: per_elector is relative to an equal share (1 the average):
   * value / (electors / 538), and its electors-weighted mean is 1. */
  double wsum = 0.0;
  for (size_t i = 0; i < tly_power_n_rows(p); i++) {
    const tly_power_row *r = tly_power_row_at(p, i);
    cr_expect_float_eq(r->per_elector,
                       r->value * 538.0 / (double)r->electors, 1e-12);
    wsum += r->per_elector * (double)r->electors / 538.0;
  }
  cr_expect_float_eq(wsum, 1.0, 1e-12);
  tly_power_free(p);
  cr_assert_eq(tly_power_election(e, TLY_POWER_BANZHAF, TLY_POWER_DISTRICTS,
                                  &p, NULL),
               TLY_OK);
  cr_expect_eq(tly_power_n_rows(p), 56);
  double sum = 0.0;
  for (size_t i = 0; i < tly_power_n_rows(p); i++) {
    const tly_power_row *r = tly_power_row_at(p, i);
    sum += r->value;
    if (strcmp(r->code, "ME-2") == 0) {
      cr_expect_geq(r->parent, 0);
      cr_expect_str_eq(tly_power_row_at(p, (size_t)r->parent)->code, "ME");
      cr_expect_eq(r->electors, 1);
    }
  }
  cr_expect_float_eq(sum, 1.0, 1e-12);
  tly_power_free(p);
  tly_election_free(e);
}

Test(power, refusals)
{
  int64_t w[] = {1, -2};
  double v[2];
  tly_error err = {0};
  cr_expect_eq(tly_power_game(w, 2, 1, TLY_POWER_BANZHAF, NULL, v, NULL,
                              &err),
               TLY_EINVAL);
  cr_expect_str_eq(err.msg, "weight -2 is negative");
  cr_expect_eq(tly_power_game(w, 0, 1, TLY_POWER_BANZHAF, NULL, v, NULL,
                              NULL),
               TLY_EINVAL);
  int64_t big[] = {TLY_POWER_MAX_WEIGHT, 1};
  cr_expect_eq(tly_power_game(big, 2, 1, TLY_POWER_SHAPLEY, NULL, v, NULL,
                              NULL),
               TLY_EINVAL);
  /* A quota above every weight: no one has power. */
  int64_t ok[] = {1, 2};
  cr_expect_eq(tly_power_game(ok, 2, 4, TLY_POWER_BANZHAF, NULL, v, NULL,
                              NULL),
               TLY_OK);
  cr_expect_eq(v[0], 0.0);
  cr_expect_eq(v[1], 0.0);
  tly_power *p = NULL;
  cr_expect_eq(tly_power_census(1960, TLY_POWER_BANZHAF, TLY_POWER_STATES,
                                NULL, &p, NULL),
               TLY_ENODATA);
  cr_expect_null(p);
}

/*---- out of memory ----*/

/* The 2020 census's districts, by the index *ud. */
static tly_status power_2020(const tly_allocator *a, void *ud)
{
  tly_power *p = NULL;
  tly_status s = tly_power_census(2020, *(const tly_power_index *)ud,
                                  TLY_POWER_DISTRICTS, a, &p, NULL);
  if (s != TLY_OK)
    cr_assert_null(p);
  tly_power_free(p);
  return s;
}

Test(power, out_of_memory)
{
  for (int idx = 0; idx < 2; idx++) {
    tly_power_index index = (tly_power_index)idx;
    tu_each_failure(power_2020, &index, 1000, true);
  }
}

/*==== Games of more than 64 units (power_wide.c) ===========================*/

Test(power_wide, agrees_with_the_64_bit_count)
{
  /* The 2016 College (51 units) both ways: the same exact counts, so the
   * same ratios to within the rounding of the last division. */
  int64_t w[51];
  tly_election *e = NULL;
  cr_assert_eq(tly_election_builtin(2016, TLY_SOURCE_MEDSL, NULL, &e, NULL),
               TLY_OK);
  size_t n = 0;
  for (size_t u = 0; u < tly_election_n_units(e); u++)
    if (tly_election_unit(e, u)->parent < 0)
      w[n++] = tly_election_unit(e, u)->electors;
  cr_assert_eq(n, 51);
  double v1[51], v2[51];
  uint64_t sw[51];
  cr_assert_eq(tly_power_game(w, n, 270, TLY_POWER_BANZHAF, NULL, v1, sw,
                              NULL),
               TLY_OK);
  cr_assert_eq(tly__power_banzhaf_wide(w, n, 270, NULL, v2, NULL), TLY_OK);
  for (size_t i = 0; i < n; i++)
    cr_expect_float_eq(v1[i], v2[i], 1e-15 * v1[i] + 1e-300, "%zu", i);
  tly_election_free(e);
}

Test(power_wide, symmetric_and_dictator_games)
{
  /* 999 players of weight 1, quota 500: each 1/999 (symmetry). */
  static int64_t w[999];
  static double v[999];
  for (size_t i = 0; i < 999; i++)
    w[i] = 1;
  cr_assert_eq(tly__power_banzhaf_wide(w, 999, 500, NULL, v, NULL), TLY_OK);
  for (size_t i = 0; i < 999; i++)
    cr_expect_float_eq(v[i], 1.0 / 999.0, 1e-15);
  /* A dictator (weight 600 of 700, quota 351) holds all the power; a null
   * player of weight 0 none. */
  w[0] = 600;
  w[1] = 0;
  cr_assert_eq(tly__power_banzhaf_wide(w, 101, 351, NULL, v, NULL), TLY_OK);
  cr_expect_float_eq(v[0], 1.0, 1e-15);
  for (size_t i = 1; i < 101; i++)
    cr_expect_eq(v[i], 0.0);
  /* Beyond 1000 players: refused. */
  static int64_t big[1001];
  static double vb[1001];
  cr_assert_eq(tly__power_banzhaf_wide(big, 1001, 1, NULL, vb, NULL),
               TLY_EINVAL);
}

static tly_status power_district(const tly_allocator *a, void *ud)
{
  (void)ud;
  tly_election *e = NULL;
  tly_status s = tly_election_builtin(2024, TLY_SOURCE_MEDSL, a, &e, NULL);
  tly_election *w = NULL;
  if (s == TLY_OK)
    s = tly_whatif_rule(e, TLY_RULE_DISTRICT, &w, NULL);
  tly_power *p = NULL;
  if (s == TLY_OK)
    s = tly_power_election(w, TLY_POWER_BANZHAF, TLY_POWER_DISTRICTS, &p,
                           NULL);
  if (s == TLY_OK) {
    cr_assert_eq(tly_power_n_rows(p), 480);
    cr_assert_eq(tly_power_row_at(p, 0)->swings, 0); /* beyond 64 bits */
  }
  tly_power_free(p);
  tly_election_free(w);
  tly_election_free(e);
  return s;
}

Test(power_wide, the_college_by_district_runs_out_of_memory_cleanly)
{
  /* Only the allocations after loading fail (loading has its own test):
   * a run with nothing failing first, then every failure in turn. */
  cr_assert_eq(power_district(NULL, NULL), TLY_OK);
  tu_alloc f = {0};
  tly_allocator a = {tu_realloc, &f};
  cr_assert_eq(power_district(&a, NULL), TLY_OK);
  long long total = f.count;
  for (long long k = total - 40; k <= total; k++) {
    tu_alloc g = {.fail_at = k};
    tly_allocator ag = {tu_realloc, &g};
    tly_status s = power_district(&ag, NULL);
    cr_assert(s == TLY_OK || s == TLY_ENOMEM, "%lld", k);
    cr_assert_eq(g.blocks, 0, "leak failing allocation %lld", k);
  }
}
