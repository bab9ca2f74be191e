/*
 * forecast_mc.c -- the Monte Carlo method: xoshiro256++ streams seeded per
 * block of simulations (so the thread count never changes a result), the
 * ziggurat's normals, and tallies of integers only; 8 simulations per
 * vector, with an AVX-512 variant chosen at run time.
 */
#include "forecast.h"
#include "buf.h"
#include "rng.h"

#include <math.h>
#include "thread.h"
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#define BLOCK 4096

/*---- Monte Carlo -------------------------------------------------------*/

/* The kernel runs 8 simulations at once, one per lane of GCC's vector
 * extensions: two sets of 8 xoshiro256++ streams alternate draws (for
 * instruction-level parallelism), unit by unit. It is compiled for
 * AVX-512 and for the x86-64 baseline and chosen at run time; every lane
 * does the same IEEE operations in both (ISO C mode contracts nothing into
 * FMA), so the choice never changes a result. */
typedef uint64_t u64x8 __attribute__((vector_size(64), aligned(8)));
typedef int64_t i64x8 __attribute__((vector_size(64), aligned(8)));
typedef double f64x8 __attribute__((vector_size(64), aligned(8)));

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define TLY_X86 1
#include <immintrin.h>
#endif

/* Vector helpers are macros: a function returning a 64-byte vector would
 * have a different ABI in each compiled variant. */
#define ROTL8(x, k) (((x) << (k)) | ((x) >> (64 - (k))))

/* Eight xoshiro256++ streams, one per lane. */
typedef struct lanes {
  u64x8 s0, s1, s2, s3;
} lanes;

/* out = the next 64 bits of each lane's stream. */
#define LANES_NEXT(l, out)                                                   \
  do {                                                                       \
    (out) = ROTL8((l)->s0 + (l)->s3, 23) + (l)->s0;                          \
    u64x8 t_ = (l)->s1 << 17;                                                \
    (l)->s2 ^= (l)->s0;                                                      \
    (l)->s3 ^= (l)->s1;                                                      \
    (l)->s1 ^= (l)->s2;                                                      \
    (l)->s0 ^= (l)->s3;                                                      \
    (l)->s2 ^= t_;                                                           \
    (l)->s3 = ROTL8((l)->s3, 45);                                            \
  } while (0)

/* Lane-wise mask ? a : b (mask lanes all ones or all zeros). */
#define VSEL(mask, a, b)                                                     \
  ((f64x8)((((i64x8)(a)) & (mask)) | (((i64x8)(b)) & ~(mask))))

/* The lanes of v permuted: lane q of the result is lane iq of v. GCC
 * spells it __builtin_shuffle, clang __builtin_shufflevector. */
#if defined(__clang__)
#define SHUF8(v, i0, i1, i2, i3, i4, i5, i6, i7)                             \
  __builtin_shufflevector((v), (v), i0, i1, i2, i3, i4, i5, i6, i7)
#else
#define SHUF8(v, i0, i1, i2, i3, i4, i5, i6, i7)                             \
  __builtin_shuffle((v), (i64x8){i0, i1, i2, i3, i4, i5, i6, i7})
#endif

#define VBROADCAST(x) ((f64x8){(x), (x), (x), (x), (x), (x), (x), (x)})

/* The ziggurat's fast path on 8 lanes (the 52-bit position becomes a
 * double exactly by the 2^52 exponent trick); *rej gets the lanes that
 * need the slow path. */
#define ZIG8(bits, kk, ww, x)                                                \
  do {                                                                       \
    u64x8 j_ = (bits) >> 12;                                                 \
    u64x8 e_ = j_ | 0x4330000000000000u;                                     \
    (x) = ((f64x8)e_ - 0x1.0p52) * (ww);                                     \
    (x) = (f64x8)((u64x8)(x) ^ (((bits) & 0x400) << 53));                    \
    rej = (i64x8)j_ >= (i64x8)(kk); /* both below 2^52: signed is exact */  \
  } while (0)

/* Finishes the lanes of one vector the fast path rejected (about 1.2 % of
 * draws) from the side stream, in lane order. */
static void zig_fixup(double *out, const uint64_t *bits, const int64_t *rej,
                      tly__rng *side, const tly__zig *z)
{
  for (int q = 0; q < 8; q++)
    if (rej[q] != 0)
      out[q] = tly__rng_normal_slow(side, z, bits[q]);
}

#ifdef TLY_X86
/* The same with AVX-512 for 8 lanes at once (the table lookups as 16-byte
 * loads of (k, w) pairs, which cost less than gathers on the processors
 * measured): the same integer and IEEE operations, so the same bits. */
__attribute__((target("avx512f"))) static void
fill_gather512(lanes *l, tly__rng *side, const tly__zig *z, f64x8 *out,
               size_t count, uint64_t *qb, uint64_t *qp)
{
  const __m512i lane = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
  const __m512i expo = _mm512_set1_epi64(0x4330000000000000);
  const __m512d two52 = _mm512_set1_pd(0x1.0p52);
  const __m512i mlay = _mm512_set1_epi64(TLY__ZIG_LAYERS - 1);
  const __m512i msign = _mm512_set1_epi64(0x400);
  const __m512i evens = _mm512_set_epi64(14, 12, 10, 8, 6, 4, 2, 0);
  const __m512i odds = _mm512_set_epi64(15, 13, 11, 9, 7, 5, 3, 1);
  const char *kwb = (const char *)z->kw;
  size_t nq = 0;
  /* Both lane sets live in registers; vector k comes from set k % 2. */
  __m512i a0 = _mm512_loadu_si512(&l[0].s0), a1 = _mm512_loadu_si512(&l[0].s1);
  __m512i a2 = _mm512_loadu_si512(&l[0].s2), a3 = _mm512_loadu_si512(&l[0].s3);
  __m512i b0 = _mm512_loadu_si512(&l[1].s0), b1 = _mm512_loadu_si512(&l[1].s1);
  __m512i b2 = _mm512_loadu_si512(&l[1].s2), b3 = _mm512_loadu_si512(&l[1].s3);
#define XOSHIRO512(s0, s1, s2, s3, out)                                      \
  do {                                                                       \
    (out) = _mm512_add_epi64(_mm512_rol_epi64(_mm512_add_epi64(s0, s3), 23), \
                             s0);                                            \
    __m512i u_ = _mm512_slli_epi64(s1, 17);                                  \
    s2 = _mm512_xor_si512(s2, s0);                                           \
    s3 = _mm512_xor_si512(s3, s1);                                           \
    s1 = _mm512_xor_si512(s1, s2);                                           \
    s0 = _mm512_xor_si512(s0, s3);                                           \
    s2 = _mm512_xor_si512(s2, u_);                                           \
    s3 = _mm512_rol_epi64(s3, 45);                                           \
  } while (0)
#define KW_PAIR(off) _mm_loadu_si128((const __m128i *)(kwb + (off)))
#define ZIG512(bits, kpos)                                                   \
  do {                                                                       \
    /* The (k, w) pairs of the 8 lanes' layers: 16-byte loads, then    \
     * k and w apart (two permutes): cheaper than two gathers. */       \
    uint64_t ix_[8];                                                         \
    _mm512_storeu_si512(ix_, _mm512_slli_epi64(_mm512_and_si512(bits, mlay), \
                                               4));                          \
    __m512i p0_ = _mm512_castsi128_si512(KW_PAIR(ix_[0]));                   \
    p0_ = _mm512_inserti32x4(p0_, KW_PAIR(ix_[1]), 1);                       \
    p0_ = _mm512_inserti32x4(p0_, KW_PAIR(ix_[2]), 2);                       \
    p0_ = _mm512_inserti32x4(p0_, KW_PAIR(ix_[3]), 3);                       \
    __m512i p1_ = _mm512_castsi128_si512(KW_PAIR(ix_[4]));                   \
    p1_ = _mm512_inserti32x4(p1_, KW_PAIR(ix_[5]), 1);                       \
    p1_ = _mm512_inserti32x4(p1_, KW_PAIR(ix_[6]), 2);                       \
    p1_ = _mm512_inserti32x4(p1_, KW_PAIR(ix_[7]), 3);                       \
    __m512i kk_ = _mm512_permutex2var_epi64(p0_, evens, p1_);                \
    __m512d ww_ = _mm512_castsi512_pd(                                       \
        _mm512_permutex2var_epi64(p0_, odds, p1_));                          \
    __m512i j_ = _mm512_srli_epi64(bits, 12);                                \
    __m512d x_ = _mm512_mul_pd(                                              \
        _mm512_sub_pd(_mm512_castsi512_pd(_mm512_or_si512(j_, expo)), two52), \
        ww_);                                                                \
    __m512i sg_ = _mm512_slli_epi64(_mm512_and_si512(bits, msign), 53);      \
    x_ = _mm512_castsi512_pd(_mm512_xor_si512(_mm512_castpd_si512(x_), sg_)); \
    _mm512_storeu_pd((double *)&out[kpos], x_);                            \
    /* Rejected lanes (about 3 % of vectors have one) go to a queue,     \
     * finished afterwards in the same order as lane by lane. */         \
    __mmask8 rej_ = _mm512_cmpge_epu64_mask(j_, kk_);                        \
    if (rej_ != 0) {                                                         \
      __m512i pos_ = _mm512_add_epi64(                                       \
          lane, _mm512_set1_epi64((long long)(8 * (kpos))));               \
      _mm512_storeu_si512(qb + nq, _mm512_maskz_compress_epi64(rej_, bits)); \
      _mm512_storeu_si512(qp + nq, _mm512_maskz_compress_epi64(rej_, pos_)); \
      nq += (size_t)__builtin_popcount(rej_);                                \
    }                                                                        \
  } while (0)
  size_t k = 0;
  for (; k + 2 <= count; k += 2) {
    __m512i ba, bb;
    XOSHIRO512(a0, a1, a2, a3, ba);
    XOSHIRO512(b0, b1, b2, b3, bb);
    ZIG512(ba, k);
    ZIG512(bb, k + 1);
  }
  if (k < count) {
    __m512i ba;
    XOSHIRO512(a0, a1, a2, a3, ba);
    ZIG512(ba, k);
  }
#undef XOSHIRO512
#undef ZIG512
#undef KW_PAIR
  double *flat = (double *)out;
  for (size_t q = 0; q < nq; q++)
    flat[qp[q]] = tly__rng_normal_slow(side, z, qb[q]);
  _mm512_storeu_si512(&l[0].s0, a0);
  _mm512_storeu_si512(&l[0].s1, a1);
  _mm512_storeu_si512(&l[0].s2, a2);
  _mm512_storeu_si512(&l[0].s3, a3);
  _mm512_storeu_si512(&l[1].s0, b0);
  _mm512_storeu_si512(&l[1].s1, b1);
  _mm512_storeu_si512(&l[1].s2, b2);
  _mm512_storeu_si512(&l[1].s3, b3);
}
#endif

typedef struct mc_shared {
  const prep *p;
  tly__zig zig;
  uint64_t seed, sims, n_blocks;
  atomic_uint_fast64_t next_block;
  atomic_uint_fast64_t done;
  tly_progress progress;
  void *progress_ud;
  bool (*cancel)(void *ud);
  void *cancel_ud;
  atomic_bool stop; /* the cancel hook fired */
  bool draws;
  bool avx512;
  size_t n_shared;  /* normal vectors per chunk before the units' */
  size_t per_chunk; /* normal vectors per chunk of 8 simulations */
  double *evc;      /* per unit: 2048 ev + 1 (electors and a count) */
  double *evdbl;    /* per unit: electors as a double */
  double *code;     /* per unit: 4096 ev + index (both below 4096) */
  int32_t *evc32;   /* per unit: 2048 ev + 1, as an int */
  int32_t *code32;  /* per unit: 4096 ev + index, as an int */
  double turn_sum;
} mc_shared;

/* What a chunk of 8 simulations leaves for its tipping points and
 * tallies. */
typedef struct chunk_state {
  f64x8 evd, pv, excess;            /* the Democrat's electors, popular
                                       margin, winner's surplus */
  i64x8 keep, dwin, rwin, small, want; /* lane masks */
  uint64_t first;                   /* the simulation of lane 0 */
} chunk_state;

typedef struct mc_worker {
  char gap_[128]; /* keeps two workers' counters off one cache line */
  mc_shared *sh;
  int id;
  uint64_t *hist, *tip;
  int64_t *win;     /* per unit x lane, counted down by -1 masks */
  uint64_t kept, pv_loses;
  f64x8 *mv;        /* two chunks x units: the simulations' margins */
  f64x8 *kv;        /* two chunks x units: tipping keys */
  float *kf;        /* units x 16 lanes (both chunks): the keys in float */
  chunk_state cs[2];
  f64x8 *ev;        /* the chunk's normals */
  uint64_t *qb, *qp; /* the slow path's queue: bits and positions */
  f64x8 *fr;        /* per group: the shared error */
  f64x8 *y;         /* correlated draws */
  f64x8 *eu;        /* per unit: its state's correlated draw */
  double *tk;       /* tie fallback scratch: keys */
  int32_t *ti;      /* tie fallback scratch: units */
  char *buf;        /* draws of the current block */
  size_t buf_len, buf_cap;
  bool buf_fail;
  uint64_t block;   /* for draws: the block to run this round */
  bool live;        /* for draws: a thread runs it this round */
  char gap2_[128];
} mc_worker;

/* The tipping point of lane q, one unit at a time: ordered by the
 * winner's margin, the unit whose electors carry the winner to the
 * majority; ties in margin count the higher index as weaker. Used when
 * the vector search cannot settle it (equal margins, or a surplus of at
 * least the majority, possible only in small Colleges). */
static int32_t tipping_scalar(mc_worker *w, int set, int q, bool dwin,
                              int64_t win_ev)
{
  const prep *p = w->sh->p;
  size_t k = 0;
  for (size_t i = 0; i < p->n; i++) {
    double m = w->mv[(size_t)set * p->n + i][q];
    if (dwin ? m > 0.0 : !(m > 0.0)) {
      w->tk[k] = dwin ? m : -m;
      w->ti[k] = (int32_t)i;
      k++;
    }
  }
  /* Strongest first: larger margin, then lower index. */
  int64_t cum = 0;
  while (k > 0) {
    size_t b = 0;
    for (size_t j = 1; j < k; j++)
      if (w->tk[j] > w->tk[b] || (w->tk[j] == w->tk[b] && w->ti[j] < w->ti[b]))
        b = j;
    cum += p->ev[w->ti[b]];
    if (cum >= p->maj)
      return w->ti[b];
    k--;
    w->tk[b] = w->tk[k];
    w->ti[b] = w->ti[k];
  }
  (void)win_ev;
  return -1;
}

/* Appends one simulation's draws line to the worker's buffer. */
static void draws_line(mc_worker *w, const prep *p, int set, int q,
                       uint64_t sim, int64_t evd, double pv)
{
  size_t need = 64 + p->n * 12;
  if (w->buf_len + need > w->buf_cap) {
    w->buf_fail = true;
    return;
  }
  char *s = w->buf + w->buf_len;
  double ts = w->sh->turn_sum;
  int k = p->has_pv
              ? tly__snprintf_c(s, need, "%llu,%lld,%.6f", (unsigned long long)sim,
                         (long long)evd, ts > 0.0 ? 0.5 + pv / ts : 0.5)
              : snprintf(s, need, "%llu,%lld,", (unsigned long long)sim,
                         (long long)evd);
  size_t len = (size_t)k;
  for (size_t i = 0; i < p->n; i++)
    len += (size_t)tly__snprintf_c(s + len, need - len, ",%.6f",
                            0.5 + w->mv[(size_t)set * p->n + i][q]);
  s[len++] = '\n';
  w->buf_len += len;
}

/* floor(x / 2048) for 0 <= x < 2^50 whose remainder is below 1024, by
 * rounding x / 2048 - 1/4 to the nearest integer with the 2^52 trick. */
#define FLOOR2048(x)                                                         \
  (((x) * (1.0 / 2048.0) - 0.25 + 0x1.0p52) - 0x1.0p52)

/* mid = the next cut of the tipping search in [lo, hi): where the
 * electors below would reach th were they spread evenly over the interval
 * (al, ah: the counts below lo and hi), kept in the middle half of the
 * interval so that each pass at least quarters it. */
#define NEXT_CUT(mid, lo, hi, al, ah, th)                                    \
  do {                                                                       \
    f64x8 d_ = (ah) - (al);                                                  \
    d_ = VSEL((i64x8)(d_ < 1.0), VBROADCAST(1.0), d_);                       \
    f64x8 f_ = ((th) - (al)) / d_;                                           \
    f_ = VSEL((i64x8)(f_ < 0.25), VBROADCAST(0.25), f_);                     \
    f_ = VSEL((i64x8)(f_ > 0.75), VBROADCAST(0.75), f_);                     \
    (mid) = (lo) + ((hi) - (lo)) * f_;                                       \
  } while (0)

/* floor(x / 4096) for 0 <= x < 2^50 whose remainder is below 3072. */
#define FLOOR4096(x)                                                         \
  (((x) * (1.0 / 4096.0) - 0.25 + 0x1.0p52) - 0x1.0p52)

/* res = the tipping units (as doubles; -2 where the search left the lane
 * to tipping_scalar, or the lane wants none) from the counts below lo and
 * hi (al, ah: 2048 electors + units), the winner's surplus, and the codes
 * (4096 ev + index) of the weakest (wc) and strongest (sc) of the at most
 * 3 units in [lo, hi) and their sum: taken from the weakest, the first
 * whose electors carry those below lo past the surplus. */
#define TIPPING_PICK(res, want, al, ah, excess, wc, sc, sum)                 \
  do {                                                                       \
    f64x8 d_ = (ah) - (al);                                                  \
    f64x8 cnt_ = d_ - FLOOR2048(d_) * 2048.0;                                \
    f64x8 eb_ = FLOOR2048(al) + FLOOR4096(wc); /* with the weakest */        \
    f64x8 mc_ = (sum) - (wc) - (sc);           /* the middle one of 3 */     \
    f64x8 c_ = VSEL((i64x8)(cnt_ == 2.0), (sum) - (wc),                      \
                    VSEL((i64x8)(eb_ + FLOOR4096(mc_) > (excess)), mc_,      \
                         (sc)));                                             \
    c_ = VSEL((i64x8)(eb_ > (excess)), (wc), c_);                            \
    c_ -= FLOOR4096(c_) * 4096.0;                                            \
    (res) = VSEL((want) & (i64x8)(cnt_ < 4.0), c_, VBROADCAST(-2.0));        \
  } while (0)

/* The kernel, twice: for AVX-512 (chosen at run time when the processor
 * has it) and for the baseline. */
#ifdef TLY_X86
#define K(name) name##_avx512
#define K_ATTR __attribute__((target("avx512f")))
/* x clipped to [-1/2, 1/2] (the same value as the portable VSELs). */
#define CLIP_HALF(x)                                                         \
  ((f64x8)_mm512_min_pd(_mm512_max_pd((__m512d)(x), _mm512_set1_pd(-0.5)),   \
                        _mm512_set1_pd(0.5)))
/* acc += e in the lanes where k < cut: one masked add. */
#define ADD_IF_LT(acc, k, cut, e)                                            \
  ((acc) = (f64x8)_mm512_mask_add_pd(                                        \
       (__m512d)(acc),                                                       \
       _mm512_cmp_pd_mask((__m512d)(k), (__m512d)(cut), _CMP_LT_OQ),         \
       (__m512d)(acc), (__m512d)(e)))
/* One unit of one chunk: its key (the margin of the lane's winner if it
 * won the unit, else +inf) into kout, the largest such key into kmx, and
 * its count into ah where it is finite; rlanes: the lanes the Republican
 * wins. */
#define KEY_STEP(m, rlanes, e, kout, kmx, ah)                                \
  do {                                                                       \
    __m512d m_ = (__m512d)(m);                                               \
    __mmask8 w_ =                                                            \
        (__mmask8)(_mm512_cmp_pd_mask(m_, _mm512_setzero_pd(), _CMP_GT_OQ) ^ \
                   _mm512_test_epi64_mask((__m512i)(rlanes),               \
                                          (__m512i)(rlanes)));             \
    __m512d a_ = _mm512_castsi512_pd(_mm512_andnot_si512(                    \
        _mm512_set1_epi64((long long)0x8000000000000000u),                   \
        _mm512_castpd_si512(m_)));                                           \
    (kout) = (f64x8)_mm512_mask_blend_pd(w_, _mm512_set1_pd(INFINITY), a_);  \
    (kmx) = (f64x8)_mm512_mask_max_pd((__m512d)(kmx), w_, (__m512d)(kmx),    \
                                      a_);                                   \
    (ah) = (f64x8)_mm512_mask_add_pd((__m512d)(ah), w_, (__m512d)(ah),       \
                                     (__m512d)(e));                          \
  } while (0)
/* One unit of one chunk in the last pass of the tipping search: if
 * lo <= k < hi, it may become the weakest (wk, wc) or the strongest
 * (sk, sc), and its code c is added to sum. */
#define FINISH_STEP(k, c, lo, hi, wk, wc, sk, sc, sum)                       \
  do {                                                                       \
    __m512d k_ = (__m512d)(k);                                               \
    __mmask8 in_ = _mm512_mask_cmp_pd_mask(                                  \
        _mm512_cmp_pd_mask(k_, (__m512d)(lo), _CMP_GE_OQ), k_,               \
        (__m512d)(hi), _CMP_LT_OQ);                                          \
    __mmask8 wm_ = _mm512_mask_cmp_pd_mask(in_, k_, (__m512d)(wk),           \
                                           _CMP_LE_OQ);                      \
    __mmask8 sm_ = _mm512_mask_cmp_pd_mask(in_, k_, (__m512d)(sk),           \
                                           _CMP_GT_OQ);                      \
    (wk) = (f64x8)_mm512_mask_mov_pd((__m512d)(wk), wm_, k_);                \
    (wc) = (f64x8)_mm512_mask_mov_pd((__m512d)(wc), wm_, (__m512d)(c));      \
    (sk) = (f64x8)_mm512_mask_mov_pd((__m512d)(sk), sm_, k_);                \
    (sc) = (f64x8)_mm512_mask_mov_pd((__m512d)(sc), sm_, (__m512d)(c));      \
    (sum) = (f64x8)_mm512_mask_add_pd((__m512d)(sum), in_, (__m512d)(sum),   \
                                      (__m512d)(c));                         \
  } while (0)
#include "forecast_kernel.h"
#undef K
#undef K_ATTR
#undef ADD_IF_LT
#undef CLIP_HALF
#undef KEY_STEP
#undef FINISH_STEP
#endif
#define K(name) name##_base
#define K_ATTR
#define CLIP_HALF(x)                                                         \
  VSEL((i64x8)((x) > 0.5), VBROADCAST(0.5),                                  \
       VSEL((i64x8)((x) < -0.5), VBROADCAST(-0.5), (x)))
#define ADD_IF_LT(acc, k, cut, e)                                            \
  ((acc) += (f64x8)((i64x8)(e) & (i64x8)((k) < (cut))))
#define KEY_STEP(m, rlanes, e, kout, kmx, ah)                                \
  do {                                                                       \
    f64x8 m_ = (m);                                                          \
    i64x8 w_ = (i64x8)(m_ > 0.0) ^ (rlanes);                                 \
    f64x8 a_ = (f64x8)((i64x8)m_ & INT64_MAX);                               \
    (kout) = VSEL(w_, a_, VBROADCAST(INFINITY));                             \
    (kmx) = VSEL(w_ & (i64x8)(a_ > (kmx)), a_, (kmx));                       \
    (ah) += (f64x8)((i64x8)(e) & w_);                                        \
  } while (0)
#define FINISH_STEP(k, c, lo, hi, wk, wc, sk, sc, sum)                       \
  do {                                                                       \
    f64x8 k_ = (k);                                                          \
    i64x8 in_ = (i64x8)(k_ >= (lo)) & (i64x8)(k_ < (hi));                    \
    i64x8 wm_ = in_ & (i64x8)(k_ <= (wk)), sm_ = in_ & (i64x8)(k_ > (sk));   \
    (wk) = VSEL(wm_, k_, (wk));                                              \
    (wc) = VSEL(wm_, (c), (wc));                                             \
    (sk) = VSEL(sm_, k_, (sk));                                              \
    (sc) = VSEL(sm_, (c), (sc));                                             \
    (sum) += (f64x8)((i64x8)(c) & in_);                                      \
  } while (0)
#include "forecast_kernel.h"
#undef K
#undef K_ATTR
#undef ADD_IF_LT
#undef CLIP_HALF
#undef KEY_STEP
#undef FINISH_STEP

#ifdef TLY_X86
/* The tipping search of K(tipping16) for AVX-512 with both chunks in one
 * vector: the keys rounded to float (16 lanes) and the counts as int32
 * (2048 ev + 1 per unit: below 2^31 for any College of at most 10^6
 * electors). Rounding is monotone, so the units whose float keys lie in
 * [lo, hi) are a run of the exact order, and all those below lo are
 * weaker than all of them: the counts stay exact, and the last pass
 * orders the (at most 3) units left by their double keys. Keys the
 * float cannot tell apart (more than 3 in one float) leave the lane to
 * tipping_scalar, as equal keys do. */
__attribute__((target("avx512f"))) static void tipping16f_avx512(mc_worker *w,
                                                                int32_t *out)
{
  const mc_shared *sh = w->sh;
  size_t n = sh->p->n;
  const chunk_state *A = &w->cs[0], *B = &w->cs[1];
  float *kf = w->kf;
  /* Locals: the stores through kf (may_alias) would reload the fields. */
  const f64x8 *mv = w->mv;
  const int32_t *evc32 = sh->evc32;
  const __m512d zero = _mm512_setzero_pd();
  const __m512d big = _mm512_set1_pd(1e30);
  const __m512 finf = _mm512_set1_ps(INFINITY);
  const __m512i absm = _mm512_set1_epi64(INT64_MAX);
  __m512i dwa = (__m512i)A->dwin, dwb = (__m512i)B->dwin;
  __m512i wva = (__m512i)A->want, wvb = (__m512i)B->want;
  /* Lanes the Republican wins (or none). */
  __mmask8 ra = (__mmask8)~_mm512_test_epi64_mask(dwa, dwa);
  __mmask8 rb = (__mmask8)~_mm512_test_epi64_mask(dwb, dwb);
  __mmask16 want =
      (__mmask16)((unsigned)_mm512_test_epi64_mask(wva, wva) |
                  ((unsigned)_mm512_test_epi64_mask(wvb, wvb) << 8));
  /* Keys (the winner's margin in float, +inf where the winner lost), the
   * largest and the counts of the units the winner won. */
  __m512 km0 = _mm512_setzero_ps(), km1 = km0;
  __m512i ah0 = _mm512_setzero_si512(), ah1 = ah0;
  /* The counts below two fixed cuts, 3 and 8 points, around where most
   * tipping margins lie: a first three-way split of the search for a
   * compare and an add more a unit (passes for 16 lanes, 2024 input,
   * national sd 0.03: 6.1 -> 4.2 on average). */
  const __m512 cut1 = _mm512_set1_ps(0.03f), cut2 = _mm512_set1_ps(0.08f);
  __m512i b10 = ah0, b11 = ah0, b20 = ah0, b21 = ah0;
#define KEY16(ii, KM, AH, B1, B2)                                            \
  do {                                                                       \
    __m512d ma_ = (__m512d)mv[ii], mb_ = (__m512d)mv[n + (ii)];              \
    __mmask8 wa_ =                                                           \
        (__mmask8)(_mm512_cmp_pd_mask(ma_, zero, _CMP_GT_OQ) ^ ra);          \
    __mmask8 wb_ =                                                           \
        (__mmask8)(_mm512_cmp_pd_mask(mb_, zero, _CMP_GT_OQ) ^ rb);          \
    __m512d aa_ = _mm512_castsi512_pd(                                       \
        _mm512_and_si512(_mm512_castpd_si512(ma_), absm));                   \
    __m512d ab_ = _mm512_castsi512_pd(                                       \
        _mm512_and_si512(_mm512_castpd_si512(mb_), absm));                   \
    __m256 fa_ = _mm512_cvtpd_ps(_mm512_min_pd(aa_, big));                   \
    __m256 fb_ = _mm512_cvtpd_ps(_mm512_min_pd(ab_, big));                   \
    __m512 f_ = _mm512_castpd_ps(_mm512_insertf64x4(                         \
        _mm512_castpd256_pd512(_mm256_castps_pd(fa_)),                       \
        _mm256_castps_pd(fb_), 1));                                          \
    __mmask16 won_ = (__mmask16)((unsigned)wa_ | ((unsigned)wb_ << 8));      \
    f_ = _mm512_mask_blend_ps(won_, finf, f_);                               \
    _mm512_storeu_ps(kf + 16 * (ii), f_);                                    \
    KM = _mm512_mask_max_ps(KM, won_, KM, f_);                               \
    __m512i e_ = _mm512_set1_epi32(evc32[ii]);                               \
    AH = _mm512_mask_add_epi32(AH, won_, AH, e_);                            \
    B1 = _mm512_mask_add_epi32(B1, _mm512_cmp_ps_mask(f_, cut1, _CMP_LT_OQ), \
                               B1, e_);                                      \
    B2 = _mm512_mask_add_epi32(B2, _mm512_cmp_ps_mask(f_, cut2, _CMP_LT_OQ), \
                               B2, e_);                                      \
  } while (0)
  size_t i = 0;
  for (; i + 2 <= n; i += 2) {
    KEY16(i, km0, ah0, b10, b20);
    KEY16(i + 1, km1, ah1, b11, b21);
  }
  if (i < n)
    KEY16(i, km0, ah0, b10, b20);
#undef KEY16
  __m512 km = _mm512_max_ps(km0, km1);
  __m512i ah = _mm512_add_epi32(ah0, ah1);
  /* Electors below a cut exceed the surplus iff count >= th. */
  __m256i ta = _mm512_cvtpd_epi32(
      _mm512_mul_pd(_mm512_add_pd((__m512d)A->excess, _mm512_set1_pd(1.0)),
                    _mm512_set1_pd(2048.0)));
  __m256i tb = _mm512_cvtpd_epi32(
      _mm512_mul_pd(_mm512_add_pd((__m512d)B->excess, _mm512_set1_pd(1.0)),
                    _mm512_set1_pd(2048.0)));
  __m512i th = _mm512_inserti64x4(_mm512_castsi256_si512(ta), tb, 1);
  __m512 lo = _mm512_setzero_ps();
  __m512 hi = _mm512_castsi512_ps(
      _mm512_add_epi32(_mm512_castps_si512(km), _mm512_set1_epi32(1)));
  __m512i al = _mm512_setzero_si512();
  const __m512i one = _mm512_set1_epi32(1), three = _mm512_set1_epi32(3);
  const __m512i m2047 = _mm512_set1_epi32(2047);
  /* The fixed cuts, where they lie inside [lo, hi). */
#define FIXED16(CUT, B)                                                      \
  do {                                                                       \
    __mmask16 op_ = _mm512_mask_cmp_ps_mask(                                 \
        _mm512_cmp_ps_mask(CUT, lo, _CMP_GT_OQ), CUT, hi, _CMP_LT_OQ);       \
    __mmask16 up_ = _mm512_mask_cmpge_epi32_mask(op_, B, th);                \
    __mmask16 down_ = (__mmask16)(op_ & ~up_);                               \
    hi = _mm512_mask_mov_ps(hi, up_, CUT);                                   \
    ah = _mm512_mask_mov_epi32(ah, up_, B);                                  \
    lo = _mm512_mask_mov_ps(lo, down_, CUT);                                 \
    al = _mm512_mask_mov_epi32(al, down_, B);                                \
  } while (0)
  FIXED16(cut1, _mm512_add_epi32(b10, b11));
  FIXED16(cut2, _mm512_add_epi32(b20, b21));
#undef FIXED16
  /* The cut where the counts would reach th, spread evenly over [lo, hi),
   * kept in its middle half. */
#define CUT16(MID)                                                           \
  do {                                                                       \
    __m512 d_ = _mm512_cvtepi32_ps(                                          \
        _mm512_max_epi32(_mm512_sub_epi32(ah, al), one));                    \
    __m512 f_ = _mm512_div_ps(                                               \
        _mm512_cvtepi32_ps(_mm512_sub_epi32(th, al)), d_);                   \
    f_ = _mm512_min_ps(_mm512_max_ps(f_, _mm512_set1_ps(0.25f)),             \
                       _mm512_set1_ps(0.75f));                               \
    MID = _mm512_add_ps(lo, _mm512_mul_ps(_mm512_sub_ps(hi, lo), f_));       \
  } while (0)
  __m512 mid;
  CUT16(mid);
  for (int it = 0; it < 80; it++) {
    __m512i cnt = _mm512_and_si512(_mm512_sub_epi32(ah, al), m2047);
    __mmask16 op = _mm512_mask_cmpgt_epi32_mask(want, cnt, three);
    op = _mm512_mask_cmp_ps_mask(op, mid, lo, _CMP_GT_OQ);
    op = _mm512_mask_cmp_ps_mask(op, mid, hi, _CMP_LT_OQ);
    if (op == 0)
      break;
    __m512i c0 = _mm512_setzero_si512(), c1 = c0, c2 = c0, c3 = c0;
#define CNT16(C, ii)                                                         \
  C = _mm512_mask_add_epi32(                                                 \
      C, _mm512_cmp_ps_mask(_mm512_loadu_ps(kf + 16 * (ii)), mid,            \
                            _CMP_LT_OQ),                                     \
      C, _mm512_set1_epi32(evc32[ii]))
    for (i = 0; i + 4 <= n; i += 4) {
      CNT16(c0, i);
      CNT16(c1, i + 1);
      CNT16(c2, i + 2);
      CNT16(c3, i + 3);
    }
    for (; i < n; i++)
      CNT16(c0, i);
#undef CNT16
    __m512i acc = _mm512_add_epi32(_mm512_add_epi32(c0, c1),
                                   _mm512_add_epi32(c2, c3));
    __mmask16 up = _mm512_mask_cmpge_epi32_mask(op, acc, th);
    __mmask16 down = (__mmask16)(op & ~up);
    hi = _mm512_mask_mov_ps(hi, up, mid);
    ah = _mm512_mask_mov_epi32(ah, up, acc);
    lo = _mm512_mask_mov_ps(lo, down, mid);
    al = _mm512_mask_mov_epi32(al, down, acc);
    CUT16(mid);
  }
#undef CUT16
  /* The weakest and strongest of the units with lo <= key < hi (the
   * first of equal keys, which then leave the lane to tipping_scalar),
   * and the sum of the codes (4096 ev + index) of all of them; even and
   * odd units apart (two chains of compare and move, half as long). */
  __m512 wk0 = finf, sk0 = _mm512_set1_ps(-INFINITY), wk1 = wk0, sk1 = sk0;
  __m512i wc0 = _mm512_setzero_si512(), sc0 = wc0, sum0 = wc0;
  __m512i wc1 = wc0, sc1 = wc0, sum1 = wc0;
  __mmask16 tie0 = 0, tie1 = 0;
#define FIN16(ii, WK, WC, SK, SC, SUM, TIE)                                  \
  do {                                                                       \
    __m512 f_ = _mm512_loadu_ps(kf + 16 * (ii));                             \
    __mmask16 in_ = _mm512_mask_cmp_ps_mask(                                 \
        _mm512_cmp_ps_mask(f_, lo, _CMP_GE_OQ), f_, hi, _CMP_LT_OQ);         \
    __m512i c_ = _mm512_set1_epi32(code32[ii]);                              \
    TIE |= (__mmask16)(_mm512_mask_cmp_ps_mask(in_, f_, WK, _CMP_EQ_OQ) |    \
                       _mm512_mask_cmp_ps_mask(in_, f_, SK, _CMP_EQ_OQ));    \
    __mmask16 wm_ = _mm512_mask_cmp_ps_mask(in_, f_, WK, _CMP_LT_OQ);        \
    __mmask16 sm_ = _mm512_mask_cmp_ps_mask(in_, f_, SK, _CMP_GT_OQ);        \
    WK = _mm512_mask_mov_ps(WK, wm_, f_);                                    \
    WC = _mm512_mask_mov_epi32(WC, wm_, c_);                                 \
    SK = _mm512_mask_mov_ps(SK, sm_, f_);                                    \
    SC = _mm512_mask_mov_epi32(SC, sm_, c_);                                 \
    SUM = _mm512_mask_add_epi32(SUM, in_, SUM, c_);                          \
  } while (0)
  const int32_t *code32 = sh->code32;
  for (i = 0; i + 2 <= n; i += 2) {
    FIN16(i, wk0, wc0, sk0, sc0, sum0, tie0);
    FIN16(i + 1, wk1, wc1, sk1, sc1, sum1, tie1);
  }
  if (i < n)
    FIN16(i, wk0, wc0, sk0, sc0, sum0, tie0);
#undef FIN16
  /* Merged: with at most 3 units in all, a unit of one half meets one of
   * the other only where both halves hold at most 2, each then its
   * weakest or strongest, so equal keys across the halves are among
   * these four comparisons. */
  __mmask16 tie = (__mmask16)(
      tie0 | tie1 | _mm512_cmp_ps_mask(wk0, wk1, _CMP_EQ_OQ) |
      _mm512_cmp_ps_mask(wk0, sk1, _CMP_EQ_OQ) |
      _mm512_cmp_ps_mask(sk0, wk1, _CMP_EQ_OQ) |
      _mm512_cmp_ps_mask(sk0, sk1, _CMP_EQ_OQ));
  __mmask16 w1 = _mm512_cmp_ps_mask(wk1, wk0, _CMP_LT_OQ);
  __mmask16 s1 = _mm512_cmp_ps_mask(sk1, sk0, _CMP_GT_OQ);
  __m512i wc = _mm512_mask_mov_epi32(wc0, w1, wc1);
  __m512i sc = _mm512_mask_mov_epi32(sc0, s1, sc1);
  __m512i sum = _mm512_add_epi32(sum0, sum1);
  /* From the weakest up, the first whose electors carry those below lo
   * (al / 2048) past the surplus (th / 2048 - 1). */
  __m512i cnt = _mm512_and_si512(_mm512_sub_epi32(ah, al), m2047);
  __m512i x = _mm512_sub_epi32(_mm512_srai_epi32(th, 11), one);
  __m512i c1 = _mm512_add_epi32(_mm512_srai_epi32(al, 11),
                                _mm512_srai_epi32(wc, 12));
  __m512i mc = _mm512_sub_epi32(_mm512_sub_epi32(sum, wc), sc);
  __m512i c2 = _mm512_add_epi32(c1, _mm512_srai_epi32(mc, 12));
  __m512i r = _mm512_mask_mov_epi32(sc, _mm512_cmpgt_epi32_mask(c2, x), mc);
  r = _mm512_mask_mov_epi32(
      r, _mm512_cmpeq_epi32_mask(cnt, _mm512_set1_epi32(2)),
      _mm512_sub_epi32(sum, wc));
  r = _mm512_mask_mov_epi32(r, _mm512_cmpgt_epi32_mask(c1, x), wc);
  r = _mm512_and_si512(r, _mm512_set1_epi32(4095));
  __mmask16 ok =
      (__mmask16)(_mm512_mask_cmple_epi32_mask(want, cnt, three) & ~tie);
  _mm512_storeu_si512(out, _mm512_mask_mov_epi32(_mm512_set1_epi32(-2), ok,
                                                 r));
}
#endif

#if defined(__wasm_simd128__)
/*---- The tipping search on WebAssembly ----------------------------------*/
/* tipping16f_avx512 in clang's vector extensions, for WebAssembly SIMD128
 * (make web), where it halves the work of K(tipping16) (four float lanes
 * to an operation, not two doubles): the same float keys, int32 counts
 * and IEEE operations, so the same tipping points, and the same as the
 * double search (see tipping16f_avx512; make web's test compares the
 * module's Monte Carlo with the CLI's byte for byte). One chain of units
 * where the AVX-512 code keeps two: with at most 3 units left in a lane,
 * one chain meets every pair of equal keys, as its merge of the two
 * does. */
typedef float f32x16 __attribute__((vector_size(64), aligned(4)));
typedef int32_t i32x16 __attribute__((vector_size(64), aligned(4)));
#define FSEL16(m, a, b)                                                      \
  ((f32x16)((((i32x16)(a)) & (m)) | (((i32x16)(b)) & ~(m))))
#define ISEL16(m, a, b) ((((a)) & (m)) | (((b)) & ~(m)))
#define SPLAT16(T, x) ((T){(x), (x), (x), (x), (x), (x), (x), (x),           \
                           (x), (x), (x), (x), (x), (x), (x), (x)})

static void tipping16f_v(mc_worker *w, int32_t *out)
{
  const mc_shared *sh = w->sh;
  size_t n = sh->p->n;
  const chunk_state *A = &w->cs[0], *B = &w->cs[1];
  float *kf = w->kf;
  const f64x8 *mv = w->mv;
  const int32_t *evc32 = sh->evc32;
  const int32_t *code32 = sh->code32;
  /* Lane q < 8 is chunk A's lane q, lane 8 + q chunk B's. */
  i32x16 want, th;
  i64x8 ra = ~A->dwin, rb = ~B->dwin; /* lanes the Republican wins */
  for (int q = 0; q < 8; q++) {
    want[q] = A->want[q] != 0 ? -1 : 0;
    want[8 + q] = B->want[q] != 0 ? -1 : 0;
    /* Electors below a cut exceed the surplus iff count >= th (the
     * surplus is a whole number: exact). */
    th[q] = (int32_t)((A->excess[q] + 1.0) * 2048.0);
    th[8 + q] = (int32_t)((B->excess[q] + 1.0) * 2048.0);
  }
  const f32x16 finf = SPLAT16(f32x16, INFINITY);
  const f32x16 cut1 = SPLAT16(f32x16, 0.03f), cut2 = SPLAT16(f32x16, 0.08f);
  const f64x8 zero = VBROADCAST(0.0), big = VBROADCAST(1e30);
  f32x16 km = SPLAT16(f32x16, 0.0f);
  i32x16 ah = SPLAT16(i32x16, 0), b1 = ah, b2 = ah;
  for (size_t i = 0; i < n; i++) {
    i64x8 wa = (i64x8)(mv[i] > zero) ^ ra;
    i64x8 wb = (i64x8)(mv[n + i] > zero) ^ rb;
    f64x8 aa = (f64x8)((i64x8)mv[i] & INT64_MAX);
    f64x8 ab = (f64x8)((i64x8)mv[n + i] & INT64_MAX);
    aa = VSEL((i64x8)(aa < big), aa, big); /* _mm512_min_pd(a, big) */
    ab = VSEL((i64x8)(ab < big), ab, big);
    typedef float f32x8 __attribute__((vector_size(32), aligned(4)));
    typedef int32_t i32x8 __attribute__((vector_size(32), aligned(4)));
    f32x8 fa = __builtin_convertvector(aa, f32x8);
    f32x8 fb = __builtin_convertvector(ab, f32x8);
    i32x8 ma = __builtin_convertvector(wa, i32x8);
    i32x8 mb = __builtin_convertvector(wb, i32x8);
    f32x16 f = __builtin_shufflevector(fa, fb, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
                                       10, 11, 12, 13, 14, 15);
    i32x16 won = __builtin_shufflevector(ma, mb, 0, 1, 2, 3, 4, 5, 6, 7, 8,
                                         9, 10, 11, 12, 13, 14, 15);
    f = FSEL16(won, f, finf);
    memcpy(kf + 16 * i, &f, sizeof f);
    km = FSEL16(won & ~(i32x16)(km > f), f, km); /* max(km, f) */
    i32x16 e = SPLAT16(i32x16, evc32[i]);
    ah += e & won;
    b1 += e & (i32x16)(f < cut1);
    b2 += e & (i32x16)(f < cut2);
  }
  f32x16 lo = SPLAT16(f32x16, 0.0f);
  f32x16 hi = (f32x16)((i32x16)km + 1); /* the next float above */
  i32x16 al = SPLAT16(i32x16, 0);
  const i32x16 one = SPLAT16(i32x16, 1), three = SPLAT16(i32x16, 3);
  const i32x16 m2047 = SPLAT16(i32x16, 2047);
  /* The fixed cuts, where they lie inside [lo, hi). */
#define FIXED16V(CUT, B)                                                     \
  do {                                                                       \
    i32x16 op_ = (i32x16)((CUT) > lo) & (i32x16)((CUT) < hi);                \
    i32x16 up_ = op_ & (i32x16)((B) >= th);                                  \
    i32x16 down_ = op_ & ~up_;                                               \
    hi = FSEL16(up_, (CUT), hi);                                             \
    ah = ISEL16(up_, (B), ah);                                               \
    lo = FSEL16(down_, (CUT), lo);                                           \
    al = ISEL16(down_, (B), al);                                             \
  } while (0)
  FIXED16V(cut1, b1);
  FIXED16V(cut2, b2);
#undef FIXED16V
  /* The cut where the counts would reach th, spread evenly over [lo, hi),
   * kept in its middle half. */
#define CUT16V(MID)                                                          \
  do {                                                                       \
    i32x16 dn_ = ah - al;                                                    \
    dn_ = ISEL16((i32x16)(dn_ > one), dn_, one);                             \
    f32x16 d_ = __builtin_convertvector(dn_, f32x16);                        \
    f32x16 f_ = __builtin_convertvector(th - al, f32x16) / d_;               \
    f_ = FSEL16((i32x16)(f_ > 0.25f), f_, SPLAT16(f32x16, 0.25f));           \
    f_ = FSEL16((i32x16)(f_ < 0.75f), f_, SPLAT16(f32x16, 0.75f));           \
    (MID) = lo + (hi - lo) * f_;                                             \
  } while (0)
  f32x16 mid;
  CUT16V(mid);
  for (int it = 0; it < 80; it++) {
    i32x16 cnt = (ah - al) & m2047;
    i32x16 op = want & (i32x16)(cnt > three) & (i32x16)(mid > lo) &
                (i32x16)(mid < hi);
    i32x16 any = op;
    int32_t anyq = 0;
    for (int q = 0; q < 16; q++)
      anyq |= any[q];
    if (anyq == 0)
      break;
    i32x16 c0 = SPLAT16(i32x16, 0), c1 = c0, c2 = c0, c3 = c0;
#define CNT16V(C, ii)                                                        \
  do {                                                                       \
    f32x16 k_;                                                               \
    memcpy(&k_, kf + 16 * (ii), sizeof k_);                                  \
    (C) += SPLAT16(i32x16, evc32[ii]) & (i32x16)(k_ < mid);                  \
  } while (0)
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
      CNT16V(c0, i);
      CNT16V(c1, i + 1);
      CNT16V(c2, i + 2);
      CNT16V(c3, i + 3);
    }
    for (; i < n; i++)
      CNT16V(c0, i);
#undef CNT16V
    i32x16 acc = (c0 + c1) + (c2 + c3);
    i32x16 up = op & (i32x16)(acc >= th);
    i32x16 down = op & ~up;
    hi = FSEL16(up, mid, hi);
    ah = ISEL16(up, acc, ah);
    lo = FSEL16(down, mid, lo);
    al = ISEL16(down, acc, al);
    CUT16V(mid);
  }
#undef CUT16V
  /* The weakest and strongest of the units with lo <= key < hi (equal
   * keys leave the lane to tipping_scalar), and the sum of their codes
   * (4096 ev + index). */
  f32x16 wk = finf, sk = -finf;
  i32x16 wc = SPLAT16(i32x16, 0), sc = wc, sum = wc, tie = wc;
  for (size_t i = 0; i < n; i++) {
    f32x16 f;
    memcpy(&f, kf + 16 * i, sizeof f);
    i32x16 in = (i32x16)(f >= lo) & (i32x16)(f < hi);
    i32x16 c = SPLAT16(i32x16, code32[i]);
    tie |= in & ((i32x16)(f == wk) | (i32x16)(f == sk));
    i32x16 wm = in & (i32x16)(f < wk);
    i32x16 sm = in & (i32x16)(f > sk);
    wk = FSEL16(wm, f, wk);
    wc = ISEL16(wm, c, wc);
    sk = FSEL16(sm, f, sk);
    sc = ISEL16(sm, c, sc);
    sum += c & in;
  }
  /* From the weakest up, the first whose electors carry those below lo
   * (al / 2048) past the surplus (th / 2048 - 1). */
  i32x16 cnt = (ah - al) & m2047;
  i32x16 x = (th >> 11) - one;
  i32x16 c1 = (al >> 11) + (wc >> 12);
  i32x16 mc = (sum - wc) - sc;
  i32x16 c2 = c1 + (mc >> 12);
  i32x16 r = ISEL16((i32x16)(c2 > x), mc, sc);
  r = ISEL16((i32x16)(cnt == SPLAT16(i32x16, 2)), sum - wc, r);
  r = ISEL16((i32x16)(c1 > x), wc, r);
  r &= SPLAT16(i32x16, 4095);
  i32x16 ok = want & (i32x16)(cnt <= three) & ~tie;
  r = ISEL16(ok, r, SPLAT16(i32x16, -2));
  memcpy(out, &r, sizeof r);
}
#undef FSEL16
#undef ISEL16
#undef SPLAT16
#endif

/* Runs the simulations of one block from its own streams: lane sets from
 * (seed, 17 block + 0..15), the side stream from (seed, 17 block + 16). */
static void run_block(mc_worker *w, uint64_t block)
{
  mc_shared *sh = w->sh;
  lanes l[2];
  for (int h = 0; h < 2; h++) {
    for (int q = 0; q < 8; q++) {
      tly__rng r;
      tly__rng_seed(&r, sh->seed, 17 * block + (uint64_t)(8 * h + q));
      l[h].s0[q] = r.s[0];
      l[h].s1[q] = r.s[1];
      l[h].s2[q] = r.s[2];
      l[h].s3[q] = r.s[3];
    }
  }
  tly__rng side;
  tly__rng_seed(&side, sh->seed, 17 * block + 16);
  uint64_t first = block * BLOCK;
  uint64_t end = first + BLOCK < sh->sims ? first + BLOCK : sh->sims;
  /* Chunks of 8 go in pairs, so the two tipping searches interleave; the
   * draws come in the same order as one chunk at a time. */
  for (uint64_t c0 = first; c0 < end; c0 += 16) {
    int32_t tip[16];
    for (int set = 0; set < 2; set++) {
      uint64_t c = c0 + 8 * (uint64_t)set;
      i64x8 valid;
      for (int q = 0; q < 8; q++)
        valid[q] = c + (uint64_t)q < end ? -1 : 0;
#ifdef TLY_X86
      if (sh->avx512) {
        fill_gather512(l, &side, &sh->zig, w->ev, sh->per_chunk, w->qb, w->qp);
        run_chunk_avx512(w, &side, &valid, c, set);
        continue;
      }
#endif
      fill_normals_base(l, &side, &sh->zig, w->ev, sh->per_chunk);
      run_chunk_base(w, &side, &valid, c, set);
    }
#ifdef TLY_X86
    if (sh->avx512) {
      tipping16f_avx512(w, tip);
      tally_chunk_avx512(w, 0, tip);
      tally_chunk_avx512(w, 1, tip + 8);
      continue;
    }
#endif
#if defined(__wasm_simd128__)
    tipping16f_v(w, tip);
#else
    tipping16_base(w, tip);
#endif
    tally_chunk_base(w, 0, tip);
    tally_chunk_base(w, 1, tip + 8);
  }
}

/* Whether the caller's cancel hook has fired (asked once a block). */
static bool stopped(mc_shared *sh)
{
  if (sh->cancel == NULL)
    return false;
  if (atomic_load(&sh->stop))
    return true;
  if (!sh->cancel(sh->cancel_ud))
    return false;
  atomic_store(&sh->stop, true);
  return true;
}

static void *worker_main(void *arg)
{
  mc_worker *w = arg;
  mc_shared *sh = w->sh;
  for (;;) {
    if (stopped(sh))
      break;
    uint64_t b = atomic_fetch_add(&sh->next_block, 1);
    if (b >= sh->n_blocks)
      break;
    run_block(w, b);
    uint64_t first = b * BLOCK;
    uint64_t cnt = first + BLOCK < sh->sims ? BLOCK : sh->sims - first;
    uint64_t done = atomic_fetch_add(&sh->done, cnt) + cnt;
    if (w->id == 0 && sh->progress != NULL)
      sh->progress(sh->progress_ud, done, sh->sims);
  }
  return NULL;
}

static void *worker_one(void *arg)
{
  mc_worker *w = arg;
  run_block(w, w->block);
  return NULL;
}

static void worker_free(const tly_allocator *al, mc_worker *w,
                        const mc_shared *sh)
{
  const prep *p = sh->p;
  size_t n = p->n;
  tly__free(al, w->hist, ((size_t)p->total + 1) * sizeof(uint64_t));
  tly__free(al, w->tip, n * sizeof(uint64_t));
  tly__free(al, w->win, 8 * n * sizeof(int64_t));
  tly__free(al, w->mv, 2 * n * sizeof(f64x8));
  tly__free(al, w->kv, 2 * n * sizeof(f64x8));
  tly__free(al, w->kf, 16 * n * sizeof(float));
  tly__free(al, w->ev, sh->per_chunk * sizeof(f64x8));
  tly__free(al, w->qb, (8 * sh->per_chunk + 8) * sizeof(uint64_t));
  tly__free(al, w->qp, (8 * sh->per_chunk + 8) * sizeof(uint64_t));
  tly__free(al, w->fr, (p->n_groups + 1) * sizeof(f64x8));
  tly__free(al, w->y, (p->corr_k + 1) * sizeof(f64x8));
  tly__free(al, w->eu, n * sizeof(f64x8));
  tly__free(al, w->tk, n * sizeof(double));
  tly__free(al, w->ti, n * sizeof(int32_t));
  tly__free(al, w->buf, w->buf_cap);
}

static bool worker_make(const tly_allocator *al, mc_worker *w,
                        const mc_shared *sh)
{
  const prep *p = sh->p;
  size_t n = p->n;
  memset(w, 0, sizeof *w);
  w->hist = tly__calloc(al, (size_t)p->total + 1, sizeof(uint64_t));
  w->tip = tly__calloc(al, n, sizeof(uint64_t));
  w->win = tly__calloc(al, 8 * n, sizeof(int64_t));
  w->mv = tly__calloc(al, 2 * n, sizeof(f64x8));
  w->kv = tly__calloc(al, 2 * n, sizeof(f64x8));
  w->kf = tly__calloc(al, 16 * n, sizeof(float));
  w->ev = tly__calloc(al, sh->per_chunk, sizeof(f64x8));
  w->qb = tly__calloc(al, 8 * sh->per_chunk + 8, sizeof(uint64_t));
  w->qp = tly__calloc(al, 8 * sh->per_chunk + 8, sizeof(uint64_t));
  w->fr = tly__calloc(al, p->n_groups + 1, sizeof(f64x8));
  w->y = tly__calloc(al, p->corr_k + 1, sizeof(f64x8));
  w->eu = tly__calloc(al, n, sizeof(f64x8));
  w->tk = tly__calloc(al, n, sizeof(double));
  w->ti = tly__calloc(al, n, sizeof(int32_t));
  if (sh->draws) {
    w->buf_cap = (size_t)BLOCK * (64 + n * 12);
    w->buf = tly__malloc(al, w->buf_cap);
  }
  return w->hist && w->tip && w->win && w->mv && w->kv && w->kf && w->ev &&
         w->qb &&
         w->qp && w->fr &&
         w->y && w->eu && w->tk && w->ti && (!sh->draws || w->buf);
}

static void shared_free(const tly_allocator *al, mc_shared *sh)
{
  if (sh == NULL)
    return;
  tly__free(al, sh->evc, sh->p->n * sizeof(double));
  tly__free(al, sh->evdbl, sh->p->n * sizeof(double));
  tly__free(al, sh->code, sh->p->n * sizeof(double));
  tly__free(al, sh->evc32, sh->p->n * sizeof(int32_t));
  tly__free(al, sh->code32, sh->p->n * sizeof(int32_t));
  tly__free(al, sh, sizeof *sh);
}

/* The shared state: the normals' layout and constant tables. */
static mc_shared *shared_make(const tly_allocator *al, const prep *p,
                              const tly_forecast_opts *o, bool baseline)
{
  mc_shared *sh = tly__calloc(al, 1, sizeof *sh);
  if (sh == NULL)
    return NULL;
  sh->p = p;
  sh->evc = tly__calloc(al, p->n, sizeof(double));
  sh->evdbl = tly__calloc(al, p->n, sizeof(double));
  sh->code = tly__calloc(al, p->n, sizeof(double));
  sh->evc32 = tly__calloc(al, p->n, sizeof(int32_t));
  sh->code32 = tly__calloc(al, p->n, sizeof(int32_t));
  if (sh->evc == NULL || sh->evdbl == NULL || sh->code == NULL ||
      sh->evc32 == NULL || sh->code32 == NULL) {
    tly__free(al, sh->evc, p->n * sizeof(double));
    tly__free(al, sh->evdbl, p->n * sizeof(double));
    tly__free(al, sh->code, p->n * sizeof(double));
    tly__free(al, sh->evc32, p->n * sizeof(int32_t));
    tly__free(al, sh->code32, p->n * sizeof(int32_t));
    tly__free(al, sh, sizeof *sh);
    return NULL;
  }
  for (size_t i = 0; i < p->n; i++) {
    sh->evc[i] = 2048.0 * (double)p->ev[i] + 1.0;
    sh->evdbl[i] = (double)p->ev[i];
    sh->code[i] = 4096.0 * (double)p->ev[i] + (double)i;
    sh->evc32[i] = 2048 * p->ev[i] + 1; /* ev <= 1000 */
    sh->code32[i] = 4096 * p->ev[i] + (int32_t)i; /* i < 1000 */
    sh->turn_sum += p->turn[i];
  }
  tly__zig_init(&sh->zig);
  sh->seed = o->seed;
  sh->sims = o->sims;
  sh->n_blocks = o->sims / BLOCK + (o->sims % BLOCK != 0);
  atomic_init(&sh->next_block, 0);
  atomic_init(&sh->done, 0);
  sh->progress = o->progress;
  sh->progress_ud = o->progress_ud;
  sh->cancel = o->cancel;
  sh->cancel_ud = o->cancel_ud;
  atomic_init(&sh->stop, false);
  sh->draws = o->draws != NULL;
  sh->n_shared = (p->sn > 0.0 ? 1 : 0) + p->n_regions;
  sh->per_chunk = sh->n_shared + (p->corr_l != NULL ? p->corr_k : p->n);
  (void)baseline;
#ifdef TLY_X86
  __builtin_cpu_init();
  sh->avx512 = !baseline && __builtin_cpu_supports("avx512f");
#endif
  return sh;
}

/* Runs the simulations on `threads` threads into f's tallies. With a
 * draws writer, blocks run in rounds of one per thread and are written in
 * block order after each round, so the file is the same for any thread
 * count; otherwise threads take blocks as they finish them. */
tly_status tly__forecast_mc(const tly_forecast_model *m, const prep *p,
                            const tly_forecast_opts *o, tly_forecast *f,
                            bool tallies, bool baseline, tly_error *err)
{
  const tly_allocator *al = &m->al;
  size_t n = p->n;
  size_t t1 = (size_t)p->total + 1;
  int nt = o->threads;
  uint64_t n_blocks = o->sims / BLOCK + (o->sims % BLOCK != 0);
  if ((uint64_t)nt > n_blocks)
    nt = (int)(n_blocks > 0 ? n_blocks : 1);
  mc_shared *sh = shared_make(al, p, o, baseline);
  mc_worker *ws = tly__calloc(al, (size_t)nt, sizeof *ws);
  tly__thread *th = tly__calloc(al, (size_t)nt, sizeof *th);
  int made = 0;
  tly_status s = TLY_OK;
  if (sh == NULL || ws == NULL || th == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  for (; made < nt; made++) {
    if (!worker_make(al, &ws[made], sh)) {
      worker_free(al, &ws[made], sh);
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
      goto done;
    }
    ws[made].sh = sh;
    ws[made].id = made;
  }
  if (sh->draws) {
    static const char head[] = "draw,ev_D,popular_D";
    int rc = o->draws(o->draws_ud, head, sizeof head - 1);
    for (size_t i = 0; i < n && rc == 0; i++) {
      char col[16];
      int k = snprintf(col, sizeof col, ",%s", m->u[i].code);
      rc = o->draws(o->draws_ud, col, (size_t)k);
    }
    if (rc == 0)
      rc = o->draws(o->draws_ud, "\n", 1);
    for (uint64_t b0 = 0; b0 < n_blocks && rc == 0 && !stopped(sh);
         b0 += (uint64_t)nt) {
      int k = 0;
      for (; k < nt && b0 + (uint64_t)k < n_blocks; k++) {
        ws[k].block = b0 + (uint64_t)k;
        ws[k].buf_len = 0;
        ws[k].live = k > 0 &&
                     tly__thread_start(&th[k], worker_one, &ws[k]) == 0;
        if (k > 0 && !ws[k].live)
          worker_one(&ws[k]); /* no thread: run it here */
      }
      worker_one(&ws[0]);
      for (int j = 1; j < k; j++)
        if (ws[j].live)
          tly__thread_join(th[j]);
      for (int j = 0; j < k && rc == 0; j++) {
        if (ws[j].buf_fail) {
          rc = -1;
          break;
        }
        rc = o->draws(o->draws_ud, ws[j].buf, ws[j].buf_len);
      }
      uint64_t done_sims = (b0 + (uint64_t)k) * BLOCK;
      if (o->progress != NULL)
        o->progress(o->progress_ud,
                    done_sims < o->sims ? done_sims : o->sims, o->sims);
    }
    if (rc != 0) {
      s = tly__fail(err, TLY_EIO, "cannot write the draws");
      goto done;
    }
  } else if (nt == 1) {
    worker_main(&ws[0]);
  } else {
    int started = 0;
    for (int k = 1; k < nt; k++) {
      if (tly__thread_start(&th[k], worker_main, &ws[k]) != 0)
        break;
      started++;
    }
    worker_main(&ws[0]); /* the calling thread works too */
    for (int k = 1; k <= started; k++)
      tly__thread_join(th[k]);
  }
  if (sh->cancel != NULL && atomic_load(&sh->stop)) {
    s = tly__fail(err, TLY_ECANCELED, "the forecast was cancelled");
    goto done;
  }
  /* Integer tallies: their sums do not depend on who ran which block. */
  uint64_t kept = 0, pvl = 0;
  for (int k = 0; k < nt; k++) {
    kept += ws[k].kept;
    pvl += ws[k].pv_loses;
  }
  f->sims = o->sims;
  f->kept = kept;
  for (size_t i = 0; i < n; i++) {
    uint64_t tip = 0, win = 0;
    for (int k = 0; k < nt; k++) {
      tip += ws[k].tip[i];
      for (int q = 0; q < 8; q++)
        win += (uint64_t)(-ws[k].win[8 * i + (size_t)q]);
    }
    f->unit_tip[i] = kept > 0 ? (double)tip / (double)kept : NAN;
    if (tallies)
      f->unit_p[i] = kept > 0 ? (double)win / (double)kept : NAN;
  }
  f->p_pv_loses = p->has_pv && kept > 0 ? (double)pvl / (double)kept : NAN;
  if (tallies) {
    for (size_t k = 0; k < t1; k++) {
      uint64_t c = 0;
      for (int j = 0; j < nt; j++)
        c += ws[j].hist[k];
      f->hist_n[k] = c;
      f->hist[k] = kept > 0 ? (double)c / (double)kept : 0.0;
    }
  }
done:
  for (int k = 0; k < made; k++)
    worker_free(al, &ws[k], sh);
  tly__free(al, th, (size_t)(nt > 0 ? nt : 1) * sizeof *th);
  tly__free(al, ws, (size_t)(nt > 0 ? nt : 1) * sizeof *ws);
  shared_free(al, sh);
  return s;
}
