/*
 * forecast_kernel.h -- the Monte Carlo kernel of forecast.c: normals for
 * 8 simulations at once, a chunk of 8 simulations, and their tipping
 * points. Included twice by forecast.c only, with K(name) and K_ATTR set
 * for an AVX-512 variant and a baseline one (the same IEEE operations in
 * each, so the same results); not a header of its own.
 */

/* Fills out[0..count) with vectors of 8 standard normals; vector k comes
 * from lane set k % 2. This version looks the tables up lane by lane (the
 * AVX-512 build uses fill_gather512 instead). */
K_ATTR __attribute__((unused)) static void K(fill_normals)(lanes *l, tly__rng *side,
                                        const tly__zig *z, f64x8 *out,
                                        size_t count)
{
  for (size_t k = 0; k < count; k++) {
    u64x8 bits;
    LANES_NEXT(&l[k & 1], bits);
    u64x8 kk;
    f64x8 ww, x;
    for (int q = 0; q < 8; q++) {
      kk[q] = z->k[bits[q] & (TLY__ZIG_LAYERS - 1)];
      ww[q] = z->w[bits[q] & (TLY__ZIG_LAYERS - 1)];
    }
    i64x8 rej;
    ZIG8(bits, kk, ww, x);
    out[k] = x;
    uint64_t any = 0;
    for (int q = 0; q < 8; q++)
      any |= (uint64_t)rej[q];
    if (any != 0) {
      uint64_t b[8];
      int64_t r[8];
      memcpy(b, &bits, sizeof b);
      memcpy(r, &rej, sizeof r);
      zig_fixup((double *)&out[k], b, r, side, z);
    }
  }
}

/* Tipping points of two chunks at once (their lanes in cs[0].want and
 * cs[1].want), into out[0..8) and out[8..16): the two searches are
 * independent, so interleaving them hides the latency of each.
 * Taking the winner's units from the weakest, the tipping unit is the
 * first at which their electors exceed the winner's surplus over the
 * majority. Per lane, an interval [lo, hi) of margins holds it: counting
 * electors and units below a cut over all units in one vector pass (evc =
 * 2048 ev + 1 carries both, exactly) keeps the half that holds it. The
 * cut interpolates where the electors reach the surplus (kept within the
 * middle half of the interval), until at most 3 units are left; one last
 * pass finds the weakest and the strongest of them (the third is what the
 * sums leave), and the electors below lo pick the one. -2 marks a lane
 * left to tipping_scalar (equal margins, or a surplus too large). */
K_ATTR __attribute__((unused)) static void K(tipping16)(mc_worker *w,
                                                     int32_t *out)
{
  const mc_shared *sh = w->sh;
  size_t n = sh->p->n;
  const f64x8 zero = VBROADCAST(0.0);
  const f64x8 inf = VBROADCAST(INFINITY);
  const chunk_state *A = &w->cs[0], *B = &w->cs[1];
  f64x8 *kva = w->kv, *kvb = w->kv + n;
  i64x8 wa = A->want, wb = B->want;
  i64x8 da = A->dwin, db = B->dwin;
  /* Keys (the winner's margin, +inf where the winner lost), the largest
   * finite key and the electors with finite keys; even and odd units
   * apart, for shorter chains. */
  f64x8 kma = zero, kma1 = zero, kmb = zero, kmb1 = zero;
  f64x8 aha = zero, aha1 = zero, ahb = zero, ahb1 = zero;
  i64x8 ra = ~da, rb = ~db; /* lanes the Republican wins (or none) */
  size_t i = 0;
  for (; i + 2 <= n; i += 2) {
    f64x8 e = VBROADCAST(sh->evc[i]), e1 = VBROADCAST(sh->evc[i + 1]);
    KEY_STEP(w->mv[i], ra, e, kva[i], kma, aha);
    KEY_STEP(w->mv[n + i], rb, e, kvb[i], kmb, ahb);
    KEY_STEP(w->mv[i + 1], ra, e1, kva[i + 1], kma1, aha1);
    KEY_STEP(w->mv[n + i + 1], rb, e1, kvb[i + 1], kmb1, ahb1);
  }
  if (i < n) {
    f64x8 e = VBROADCAST(sh->evc[i]);
    KEY_STEP(w->mv[i], ra, e, kva[i], kma, aha);
    KEY_STEP(w->mv[n + i], rb, e, kvb[i], kmb, ahb);
  }
  aha += aha1; /* integers: exact */
  ahb += ahb1;
  kma = VSEL((i64x8)(kma1 > kma), kma1, kma);
  kmb = VSEL((i64x8)(kmb1 > kmb), kmb1, kmb);
  /* Electors below a cut exceed the surplus iff acc >= 2048 (excess+1).
   * hi starts at the next double above the largest key (keys are >= 0). */
  f64x8 tha = (A->excess + 1.0) * 2048.0, thb = (B->excess + 1.0) * 2048.0;
  f64x8 loa = zero, hia = (f64x8)((i64x8)kma + 1), ala = zero;
  f64x8 lob = zero, hib = (f64x8)((i64x8)kmb + 1), alb = zero;
  f64x8 mda, mdb;
  NEXT_CUT(mda, loa, hia, ala, aha, tha);
  NEXT_CUT(mdb, lob, hib, alb, ahb, thb);
  for (int it = 0; it < 80; it++) {
    f64x8 d = aha - ala;
    f64x8 cnt = d - FLOOR2048(d) * 2048.0; /* units in [lo, hi) */
    i64x8 opa = wa & (i64x8)(cnt > 3.0) & (i64x8)(mda > loa) &
                (i64x8)(mda < hia);
    d = ahb - alb;
    cnt = d - FLOOR2048(d) * 2048.0;
    i64x8 opb = wb & (i64x8)(cnt > 3.0) & (i64x8)(mdb > lob) &
                (i64x8)(mdb < hib);
    i64x8 o2 = opa | opb;
    o2 |= SHUF8(o2, 4, 5, 6, 7, 0, 1, 2, 3);
    o2 |= SHUF8(o2, 2, 3, 0, 1, 6, 7, 4, 5);
    if ((o2[0] | o2[1]) == 0)
      break;
    /* Four partial sums a chunk; all integers, so exact in any order. */
    f64x8 a0 = zero, a1 = zero, a2 = zero, a3 = zero;
    f64x8 b0 = zero, b1 = zero, b2 = zero, b3 = zero;
    i = 0;
    for (; i + 4 <= n; i += 4) {
      f64x8 e0 = VBROADCAST(sh->evc[i]), e1 = VBROADCAST(sh->evc[i + 1]);
      f64x8 e2 = VBROADCAST(sh->evc[i + 2]), e3 = VBROADCAST(sh->evc[i + 3]);
      ADD_IF_LT(a0, kva[i], mda, e0);
      ADD_IF_LT(b0, kvb[i], mdb, e0);
      ADD_IF_LT(a1, kva[i + 1], mda, e1);
      ADD_IF_LT(b1, kvb[i + 1], mdb, e1);
      ADD_IF_LT(a2, kva[i + 2], mda, e2);
      ADD_IF_LT(b2, kvb[i + 2], mdb, e2);
      ADD_IF_LT(a3, kva[i + 3], mda, e3);
      ADD_IF_LT(b3, kvb[i + 3], mdb, e3);
    }
    for (; i < n; i++) {
      f64x8 e0 = VBROADCAST(sh->evc[i]);
      ADD_IF_LT(a0, kva[i], mda, e0);
      ADD_IF_LT(b0, kvb[i], mdb, e0);
    }
    f64x8 acc = (a0 + a1) + (a2 + a3);
    i64x8 up = opa & (i64x8)(acc >= tha); /* the unit is below mid */
    i64x8 down = opa & ~up;               /* at or above mid */
    hia = VSEL(up, mda, hia);
    aha = VSEL(up, acc, aha);
    loa = VSEL(down, mda, loa);
    ala = VSEL(down, acc, ala);
    NEXT_CUT(mda, loa, hia, ala, aha, tha);
    acc = (b0 + b1) + (b2 + b3);
    up = opb & (i64x8)(acc >= thb);
    down = opb & ~up;
    hib = VSEL(up, mdb, hib);
    ahb = VSEL(up, acc, ahb);
    lob = VSEL(down, mdb, lob);
    alb = VSEL(down, acc, alb);
    NEXT_CUT(mdb, lob, hib, alb, ahb, thb);
  }
  /* The weakest (smallest key; of equal keys the higher index) and the
   * strongest (largest key; of equal keys the lower index) of the units
   * with lo <= key < hi, and the sum of their codes (4096 ev + index). */
  const f64x8 minf = -inf;
  f64x8 wka = inf, wca = zero, ska = minf, sca = zero, sma = zero;
  f64x8 wkb = inf, wcb = zero, skb = minf, scb = zero, smb = zero;
  for (i = 0; i < n; i++) {
    f64x8 c = VBROADCAST(sh->code[i]);
    FINISH_STEP(kva[i], c, loa, hia, wka, wca, ska, sca, sma);
    FINISH_STEP(kvb[i], c, lob, hib, wkb, wcb, skb, scb, smb);
  }
  f64x8 pa, pb;
  TIPPING_PICK(pa, wa, ala, aha, A->excess, wca, sca, sma);
  TIPPING_PICK(pb, wb, alb, ahb, B->excess, wcb, scb, smb);
  for (int q = 0; q < 8; q++) {
    out[q] = (int32_t)pa[q];
    out[8 + q] = (int32_t)pb[q];
  }
}

/* Eight simulations (lanes) from the chunk's normals; `valid` masks the
 * lanes that are real simulations (the last chunk of a run may be
 * partial); first = the index of lane 0's simulation. */
K_ATTR static void K(run_chunk)(mc_worker *w, tly__rng *side,
                                 const i64x8 *valid_p, uint64_t first,
                                 int set)
{
  i64x8 valid = *valid_p;
  f64x8 *mvs = w->mv + (size_t)set * w->sh->p->n;
  mc_shared *sh = w->sh;
  const prep *p = sh->p;
  const tly__zig *z = &sh->zig;
  size_t n = p->n;
  size_t nreg = p->n_regions;
  const f64x8 zero = VBROADCAST(0.0);
  f64x8 g = VBROADCAST(1.0);
  if (p->df > 0.0) {
    for (int q = 0; q < 8; q++) {
      double chi2 = 2.0 * tly__rng_gamma(side, z, p->df / 2.0);
      g[q] = sqrt((p->df - 2.0) / chi2);
    }
  }
  const f64x8 *e = w->ev;
  f64x8 zn = zero;
  if (p->sn > 0.0)
    zn = *e++ * p->sn;
  for (size_t gi = 0; gi < nreg; gi++)
    w->fr[gi] = g * (zn + *e++ * p->sr);
  if (nreg == 0)
    w->fr[0] = g * zn;
  if (p->corr_l != NULL) {
    size_t k = p->corr_k;
    for (size_t a = 0; a < k; a++) { /* y = L e, row by row */
      f64x8 s = zero;
      const double *row = p->corr_l + a * k;
      for (size_t b = 0; b <= a; b++)
        s += e[b] * row[b];
      w->y[a] = s;
    }
  }
  bool fused = !p->any_given;
  const f64x8 *eus = e;
  if (p->corr_l != NULL) { /* each unit takes its state's correlated draw */
    for (size_t i = 0; i < n; i++)
      w->eu[i] = w->y[p->corr_row[i]];
    eus = w->eu;
  }
  const double *mu = p->mu, *sd = p->sd, *turn = p->turn, *evt = sh->evdbl;
  const int32_t *grp = p->grp;
  const f64x8 *fr = w->fr;
  f64x8 ev0 = zero, ev1 = zero, pv0 = zero, pv1 = zero;
  /* One unit's margin, electors won and clipped popular margin. */
#define UNIT_STEP(ii, EVACC, PVACC, FUSED, TDIST)                            \
  do {                                                                       \
    f64x8 x_ = eus[ii] * sd[ii];                                             \
    if (TDIST)                                                               \
      x_ = g * x_; /* else g is 1: the product would be x_ itself */         \
    f64x8 m_ = mu[ii] + fr[grp[ii]] + x_;                                    \
    mvs[ii] = m_;                                                            \
    ADD_IF_LT(EVACC, zero, m_, VBROADCAST(evt[ii]));                         \
    PVACC += CLIP_HALF(m_) * turn[ii];                                       \
    if (FUSED) {                                                             \
      i64x8 wv_;                                                             \
      memcpy(&wv_, w->win + 8 * (ii), sizeof wv_);                           \
      wv_ += (i64x8)(m_ > zero) & valid;                                     \
      memcpy(w->win + 8 * (ii), &wv_, sizeof wv_);                           \
    }                                                                        \
  } while (0)
#define UNIT_LOOP(FUSED, TDIST)                                              \
  do {                                                                       \
    size_t u = 0;                                                            \
    for (; u + 2 <= n; u += 2) {                                             \
      UNIT_STEP(u, ev0, pv0, FUSED, TDIST);                                  \
      UNIT_STEP(u + 1, ev1, pv1, FUSED, TDIST);                              \
    }                                                                        \
    if (u < n)                                                               \
      UNIT_STEP(u, ev0, pv0, FUSED, TDIST);                                  \
  } while (0)
  /* One loop for each case, so that none tests inside. */
  bool tdist = p->df > 0.0;
  if (fused && !tdist)
    UNIT_LOOP(1, 0);
  else if (fused)
    UNIT_LOOP(1, 1);
  else if (!tdist)
    UNIT_LOOP(0, 0);
  else
    UNIT_LOOP(0, 1);
#undef UNIT_LOOP
#undef UNIT_STEP
  f64x8 evd = ev0 + ev1; /* integers: exact */
  f64x8 pv = pv0 + pv1;  /* the same two partial sums every time */
  i64x8 keep = valid;
  if (!fused) {
    for (size_t i = 0; i < n; i++) {
      if (p->given[i] == 0)
        continue;
      i64x8 won = (i64x8)(mvs[i] > zero);
      keep &= p->given[i] > 0 ? won : ~won;
    }
    for (size_t i = 0; i < n; i++) {
      i64x8 wv;
      memcpy(&wv, w->win + 8 * i, sizeof wv);
      wv += (i64x8)(mvs[i] > zero) & keep;
      memcpy(w->win + 8 * i, &wv, sizeof wv);
    }
  }
  double total = (double)p->total, maj = (double)p->maj;
  chunk_state *cs = &w->cs[set];
  cs->evd = evd;
  cs->pv = pv;
  cs->keep = keep;
  cs->dwin = keep & (i64x8)(evd >= maj);
  cs->rwin = keep & (i64x8)(total - evd >= maj);
  cs->excess = VSEL(cs->dwin, evd, total - evd) - maj;
  cs->small = (i64x8)(cs->excess < maj);
  cs->want = (cs->dwin | cs->rwin) & cs->small;
  cs->first = first;
}

/* The tallies of one chunk's kept lanes, with tipping points tip[8]. */
K_ATTR static void K(tally_chunk)(mc_worker *w, int set, const int32_t *tip)
{
  const prep *p = w->sh->p;
  const chunk_state *cs = &w->cs[set];
  /* The popular-vote winner loses: counted without a branch a lane. */
  if (p->has_pv) {
    i64x8 loses = cs->keep & (((i64x8)(cs->pv > 0.0) & cs->rwin) |
                              ((i64x8)(cs->pv < 0.0) & cs->dwin));
    for (int q = 0; q < 8; q++)
      w->pv_loses += (uint64_t)(loses[q] & 1);
  }
  for (int q = 0; q < 8; q++) {
    if (cs->keep[q] == 0)
      continue;
    int64_t d = (int64_t)cs->evd[q];
    w->kept++;
    w->hist[d]++;
    /* tip[q] is -2 where the vector search left the lane (or the lane
     * wants none: a surplus of at least the majority, or no winner). */
    int32_t t = tip[q];
    if (t == -2 && (cs->dwin[q] != 0 || cs->rwin[q] != 0))
      t = tipping_scalar(w, set, q, cs->dwin[q] != 0, 0);
    if (t >= 0)
      w->tip[t]++;
    if (w->sh->draws)
      draws_line(w, p, set, q, cs->first + (uint64_t)q + 1, d, cs->pv[q]);
  }
}
