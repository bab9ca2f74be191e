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
 * majority: bisect the margin per lane, counting electors and units below
 * the midpoint over all units in one vector pass (evc = 2048 ev + 1
 * carries both, exactly), until one unit is left between the bounds. The
 * first cut is at 4 points, where most tipping margins lie. -2 marks a
 * lane left to tipping_scalar (equal margins). */
K_ATTR static void K(tipping16)(mc_worker *w, int32_t *out)
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
   * finite key and the electors with finite keys. */
  f64x8 kma = zero, kmb = zero, aha = zero, ahb = zero;
  for (size_t i = 0; i < n; i++) {
    f64x8 e = VBROADCAST(sh->evc[i]);
    f64x8 m = w->mv[i];
    i64x8 dw = (i64x8)(m > zero);
    f64x8 k = VSEL(da, VSEL(dw, m, inf), VSEL(dw, inf, -m));
    kva[i] = k;
    i64x8 fin = (i64x8)(k < inf);
    f64x8 kf = (f64x8)((i64x8)k & fin);
    kma = VSEL((i64x8)(kf > kma), kf, kma);
    aha += (f64x8)((i64x8)e & fin);
    m = w->mv[n + i];
    dw = (i64x8)(m > zero);
    k = VSEL(db, VSEL(dw, m, inf), VSEL(dw, inf, -m));
    kvb[i] = k;
    fin = (i64x8)(k < inf);
    kf = (f64x8)((i64x8)k & fin);
    kmb = VSEL((i64x8)(kf > kmb), kf, kmb);
    ahb += (f64x8)((i64x8)e & fin);
  }
  /* Electors below a cut exceed the surplus iff acc >= 2048 (excess+1). */
  f64x8 tha = (A->excess + 1.0) * 2048.0, thb = (B->excess + 1.0) * 2048.0;
  f64x8 loa = zero, hia = kma + 1.0, ala = zero;
  f64x8 lob = zero, hib = kmb + 1.0, alb = zero;
  f64x8 mda = VSEL((i64x8)(hia > 0.08), VBROADCAST(0.04), hia * 0.5);
  f64x8 mdb = VSEL((i64x8)(hib > 0.08), VBROADCAST(0.04), hib * 0.5);
  for (int it = 0; it < 80; it++) {
    f64x8 d = aha - ala;
    f64x8 cnt = d - FLOOR2048(d) * 2048.0; /* units in [lo, hi) */
    i64x8 opa = wa & (i64x8)(cnt > 1.0) & (i64x8)(mda > loa) &
                (i64x8)(mda < hia);
    d = ahb - alb;
    cnt = d - FLOOR2048(d) * 2048.0;
    i64x8 opb = wb & (i64x8)(cnt > 1.0) & (i64x8)(mdb > lob) &
                (i64x8)(mdb < hib);
    i64x8 o2 = opa | opb;
    o2 |= __builtin_shuffle(o2, (i64x8){4, 5, 6, 7, 0, 1, 2, 3});
    o2 |= __builtin_shuffle(o2, (i64x8){2, 3, 0, 1, 6, 7, 4, 5});
    if ((o2[0] | o2[1]) == 0)
      break;
    f64x8 a0 = zero, a1 = zero, b0 = zero, b1 = zero;
    size_t i = 0;
    for (; i + 2 <= n; i += 2) {
      i64x8 e0 = (i64x8)VBROADCAST(sh->evc[i]);
      i64x8 e1 = (i64x8)VBROADCAST(sh->evc[i + 1]);
      a0 += (f64x8)(e0 & (i64x8)(kva[i] < mda));
      b0 += (f64x8)(e0 & (i64x8)(kvb[i] < mdb));
      a1 += (f64x8)(e1 & (i64x8)(kva[i + 1] < mda));
      b1 += (f64x8)(e1 & (i64x8)(kvb[i + 1] < mdb));
    }
    if (i < n) {
      i64x8 e0 = (i64x8)VBROADCAST(sh->evc[i]);
      a0 += (f64x8)(e0 & (i64x8)(kva[i] < mda));
      b0 += (f64x8)(e0 & (i64x8)(kvb[i] < mdb));
    }
    f64x8 acc = a0 + a1; /* integers: exact */
    i64x8 up = opa & (i64x8)(acc >= tha); /* the unit is below mid */
    i64x8 down = opa & ~up;               /* at or above mid */
    hia = VSEL(up, mda, hia);
    aha = VSEL(up, acc, aha);
    loa = VSEL(down, mda, loa);
    ala = VSEL(down, acc, ala);
    mda = loa + (hia - loa) * 0.5;
    acc = b0 + b1;
    up = opb & (i64x8)(acc >= thb);
    down = opb & ~up;
    hib = VSEL(up, mdb, hib);
    ahb = VSEL(up, acc, ahb);
    lob = VSEL(down, mdb, lob);
    alb = VSEL(down, acc, alb);
    mdb = lob + (hib - lob) * 0.5;
  }
  /* The one unit with lo <= key < hi. */
  f64x8 ia = VBROADCAST(-1.0), ib = ia;
  for (size_t i = 0; i < n; i++) {
    f64x8 x = VBROADCAST((double)i);
    ia = VSEL((i64x8)(kva[i] >= loa) & (i64x8)(kva[i] < hia), x, ia);
    ib = VSEL((i64x8)(kvb[i] >= lob) & (i64x8)(kvb[i] < hib), x, ib);
  }
  f64x8 d = aha - ala, cnt = d - FLOOR2048(d) * 2048.0;
  f64x8 db2 = ahb - alb, cntb = db2 - FLOOR2048(db2) * 2048.0;
  for (int q = 0; q < 8; q++) {
    out[q] = wa[q] != 0 && cnt[q] == 1.0 ? (int32_t)ia[q] : -2;
    out[8 + q] = wb[q] != 0 && cntb[q] == 1.0 ? (int32_t)ib[q] : -2;
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
#define UNIT_STEP(ii, EVACC, PVACC)                                          \
  do {                                                                       \
    f64x8 m_ = mu[ii] + fr[grp[ii]] + g * (eus[ii] * sd[ii]);                \
    mvs[ii] = m_;                                                            \
    i64x8 won_ = (i64x8)(m_ > zero);                                         \
    f64x8 cm_ = VSEL((i64x8)(m_ > 0.5), VBROADCAST(0.5),                     \
                     VSEL((i64x8)(m_ < -0.5), VBROADCAST(-0.5), m_));         \
    EVACC += (f64x8)((i64x8)VBROADCAST(evt[ii]) & won_);                     \
    PVACC += cm_ * turn[ii];                                                 \
    if (fused) {                                                             \
      i64x8 wv_;                                                             \
      memcpy(&wv_, w->win + 8 * (ii), sizeof wv_);                           \
      wv_ += won_ & valid;                                                   \
      memcpy(w->win + 8 * (ii), &wv_, sizeof wv_);                           \
    }                                                                        \
  } while (0)
  size_t u = 0;
  for (; u + 2 <= n; u += 2) {
    UNIT_STEP(u, ev0, pv0);
    UNIT_STEP(u + 1, ev1, pv1);
  }
  if (u < n)
    UNIT_STEP(u, ev0, pv0);
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
  for (int q = 0; q < 8; q++) {
    if (cs->keep[q] == 0)
      continue;
    int64_t d = (int64_t)cs->evd[q];
    w->kept++;
    w->hist[d]++;
    bool dw = cs->dwin[q] != 0, rw = cs->rwin[q] != 0;
    if (dw || rw) {
      int32_t t = cs->small[q] != 0 ? tip[q] : -2;
      if (t == -2)
        t = tipping_scalar(w, set, q, dw, 0);
      if (t >= 0)
        w->tip[t]++;
    }
    double pvq = cs->pv[q];
    if (p->has_pv && ((pvq > 0.0 && rw) || (pvq < 0.0 && dw)))
      w->pv_loses++;
    if (w->sh->draws)
      draws_line(w, p, set, q, cs->first + (uint64_t)q + 1, d, pvq);
  }
}

