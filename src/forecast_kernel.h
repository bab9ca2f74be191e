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

/* Tipping points of the lanes in `want` (-1 lanes), winners in dmask
 * (-1: the Democrat), surplus over the majority in excess. Taking the
 * winner's units from the weakest, the tipping unit is the first at which
 * their electors exceed the surplus: bisect the margin per lane, counting
 * electors and units below the midpoint over all units in one vector pass
 * (evc = 2048 ev + 1 carries both, exactly), until one unit is left
 * between the bounds. The first cut is at 4 points, where most tipping
 * margins lie. */
K_ATTR static void K(tipping8)(mc_worker *w, const i64x8 *want_p,
                                const i64x8 *dmask_p, const f64x8 *excess_p,
                                int32_t *out)
{
  i64x8 want = *want_p, dmask = *dmask_p;
  f64x8 excess = *excess_p;
  const mc_shared *sh = w->sh;
  const prep *p = sh->p;
  size_t n = p->n;
  const f64x8 zero = VBROADCAST(0.0);
  const f64x8 inf = VBROADCAST(INFINITY);
  f64x8 kmax = zero, acc_hi = zero;
  for (size_t i = 0; i < n; i++) {
    f64x8 m = w->mv[i];
    i64x8 dw = (i64x8)(m > zero);
    f64x8 k = VSEL(dmask, VSEL(dw, m, inf), VSEL(dw, inf, -m));
    w->kv[i] = k;
    i64x8 fin = (i64x8)(k < inf);
    kmax = VSEL(fin & (i64x8)(k > kmax), k, kmax);
    acc_hi += (f64x8)((i64x8)VBROADCAST(sh->evc[i]) & fin);
  }
  /* Electors below a cut exceed the surplus iff acc >= 2048 (excess+1). */
  f64x8 thr = (excess + 1.0) * 2048.0;
  f64x8 lo = zero, hi = kmax + 1.0, acc_lo = zero;
  f64x8 mid = VSEL((i64x8)(hi > 0.08), VBROADCAST(0.04), hi * 0.5);
  for (int it = 0; it < 80; it++) {
    f64x8 d = acc_hi - acc_lo;
    f64x8 cnt = d - FLOOR2048(d) * 2048.0; /* units in [lo, hi) */
    i64x8 open = want & (i64x8)(cnt > 1.0) & (i64x8)(mid > lo) &
                 (i64x8)(mid < hi);
    uint64_t any = 0;
    for (int q = 0; q < 8; q++)
      any |= (uint64_t)open[q];
    if (any == 0)
      break;
    f64x8 a0 = zero, a1 = zero, a2 = zero, a3 = zero;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
      a0 += (f64x8)((i64x8)VBROADCAST(sh->evc[i]) & (i64x8)(w->kv[i] < mid));
      a1 += (f64x8)((i64x8)VBROADCAST(sh->evc[i + 1]) &
                    (i64x8)(w->kv[i + 1] < mid));
      a2 += (f64x8)((i64x8)VBROADCAST(sh->evc[i + 2]) &
                    (i64x8)(w->kv[i + 2] < mid));
      a3 += (f64x8)((i64x8)VBROADCAST(sh->evc[i + 3]) &
                    (i64x8)(w->kv[i + 3] < mid));
    }
    for (; i < n; i++)
      a0 += (f64x8)((i64x8)VBROADCAST(sh->evc[i]) & (i64x8)(w->kv[i] < mid));
    f64x8 acc = (a0 + a1) + (a2 + a3); /* integers: exact */
    i64x8 up = open & (i64x8)(acc >= thr); /* the unit is below mid */
    i64x8 down = open & ~up;               /* at or above mid */
    hi = VSEL(up, mid, hi);
    acc_hi = VSEL(up, acc, acc_hi);
    lo = VSEL(down, mid, lo);
    acc_lo = VSEL(down, acc, acc_lo);
    mid = lo + (hi - lo) * 0.5;
  }
  /* The one unit with lo <= key < hi. */
  f64x8 idx = VBROADCAST(-1.0);
  for (size_t i = 0; i < n; i++) {
    f64x8 k = w->kv[i];
    i64x8 in = (i64x8)(k >= lo) & (i64x8)(k < hi);
    idx = VSEL(in, VBROADCAST((double)i), idx);
  }
  f64x8 d = acc_hi - acc_lo;
  f64x8 cnt = d - FLOOR2048(d) * 2048.0;
  for (int q = 0; q < 8; q++) {
    if (want[q] == 0)
      continue;
    out[q] = cnt[q] == 1.0 ? (int32_t)idx[q] : -2; /* -2: ties, one by one */
  }
}

/* Eight simulations (lanes) from the chunk's normals; `valid` masks the
 * lanes that are real simulations (the last chunk of a run may be
 * partial); first = the index of lane 0's simulation. */
K_ATTR static void K(run_chunk)(mc_worker *w, tly__rng *side,
                                 const i64x8 *valid_p, uint64_t first)
{
  i64x8 valid = *valid_p;
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
  f64x8 ev0 = zero, ev1 = zero, pv0 = zero, pv1 = zero;
  for (size_t i = 0; i < n; i++) {
    f64x8 eu = p->corr_l != NULL ? w->y[p->corr_row[i]] : e[i];
    f64x8 m = p->mu[i] + w->fr[p->grp[i]] + g * (eu * p->sd[i]);
    w->mv[i] = m;
    i64x8 won = (i64x8)(m > zero);
    f64x8 cm = VSEL((i64x8)(m > 0.5), VBROADCAST(0.5),
                    VSEL((i64x8)(m < -0.5), VBROADCAST(-0.5), m));
    f64x8 evw = (f64x8)((i64x8)VBROADCAST((double)p->ev[i]) & won);
    if (i & 1) {
      ev1 += evw;
      pv1 += cm * p->turn[i];
    } else {
      ev0 += evw;
      pv0 += cm * p->turn[i];
    }
    if (fused) {
      i64x8 wv;
      memcpy(&wv, w->win + 8 * i, sizeof wv);
      wv += won & valid;
      memcpy(w->win + 8 * i, &wv, sizeof wv);
    }
  }
  f64x8 evd = ev0 + ev1; /* integers: exact */
  f64x8 pv = pv0 + pv1;  /* the same two partial sums every time */
  i64x8 keep = valid;
  if (!fused) {
    for (size_t i = 0; i < n; i++) {
      if (p->given[i] == 0)
        continue;
      i64x8 won = (i64x8)(w->mv[i] > zero);
      keep &= p->given[i] > 0 ? won : ~won;
    }
    for (size_t i = 0; i < n; i++) {
      i64x8 wv;
      memcpy(&wv, w->win + 8 * i, sizeof wv);
      wv += (i64x8)(w->mv[i] > zero) & keep;
      memcpy(w->win + 8 * i, &wv, sizeof wv);
    }
  }
  double total = (double)p->total, maj = (double)p->maj;
  i64x8 dwin = keep & (i64x8)(evd >= maj);
  i64x8 rwin = keep & (i64x8)(total - evd >= maj);
  f64x8 excess = VSEL(dwin, evd, total - evd) - maj;
  i64x8 small = (i64x8)(excess < maj);
  int32_t tip[8];
  i64x8 want = (dwin | rwin) & small;
  K(tipping8)(w, &want, &dwin, &excess, tip);
  for (int q = 0; q < 8; q++) {
    if (keep[q] == 0)
      continue;
    int64_t d = (int64_t)evd[q];
    w->kept++;
    w->hist[d]++;
    if (dwin[q] != 0 || rwin[q] != 0) {
      int32_t t = small[q] != 0 ? tip[q] : -2;
      if (t == -2)
        t = tipping_scalar(w, q, dwin[q] != 0, 0);
      if (t >= 0)
        w->tip[t]++;
    }
    if (p->has_pv && ((pv[q] > 0.0 && rwin[q] != 0) ||
                      (pv[q] < 0.0 && dwin[q] != 0)))
      w->pv_loses++;
    if (sh->draws)
      draws_line(w, p, q, first + (uint64_t)q + 1, d, pv[q]);
  }
}

