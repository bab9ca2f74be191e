/*
 * bench_forecast.c -- times `tally forecast` (through the library) on the
 * 56 units of tests/data/forecast_2024.csv and runs the numpy peer
 * (bench/peers/forecast_numpy.py) on the same input in the same run:
 * Monte Carlo simulations per second with a national factor, and with
 * national + 4 regional factors, the ratio to numpy, and the time of the
 * exact method. Medians of several runs (after libuv's benchmark-*.c).
 * Besides wall-clock rates it prints simulations per CPU-second, which
 * other programs sharing the cores do not distort.
 * Usage: bench_forecast [THREADS] [SIMS]   (defaults 2 and 20,000,000)
 */
#include "tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define INPUT "tests/data/forecast_2024.csv"
#define PEER "bench/peers/forecast_numpy.py"

static double clock_s(clockid_t c)
{
  struct timespec ts;
  clock_gettime(c, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now(void)
{
  return clock_s(CLOCK_MONOTONIC);
}

/* CPU seconds of the whole process (all threads): unlike wall time, not
 * inflated when other programs share the cores. */
static double cpu(void)
{
  return clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, int n)
{
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Wall seconds for one run of the forecast with options o; its CPU
 * seconds in *cpu_s when not NULL. */
static double run_once(const tly_forecast_model *m, const tly_forecast_opts *o,
                       double *p_d, double *cpu_s)
{
  tly_forecast *f = NULL;
  tly_error err;
  double c0 = cpu();
  double t0 = now();
  if (tly_forecast_run(m, o, &f, &err) != TLY_OK) {
    fprintf(stderr, "bench_forecast: %s\n", err.msg);
    exit(1);
  }
  double dt = now() - t0;
  if (cpu_s != NULL)
    *cpu_s = cpu() - c0;
  if (p_d != NULL)
    *p_d = tly_forecast_p_win(f, 'D');
  tly_forecast_free(f);
  return dt;
}

/* The numpy peer's simulations per second (0 when it cannot run), and
 * per CPU-second in *per_cpu. */
static double peer(long sims, double national_sd, double region_sd,
                   double *p_d, double *per_cpu)
{
  char cmd[512];
  snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s %s %ld %g %g 2>&1", PEER,
           INPUT, sims, national_sd, region_sd);
  FILE *p = popen(cmd, "r");
  if (p == NULL)
    return 0;
  char line[512] = "";
  double rate = 0;
  while (fgets(line, sizeof line, p) != NULL) {
    double r, d, c;
    if (sscanf(line, "sims_per_second=%lf sims_per_cpu_second=%lf p_d=%lf",
               &r, &c, &d) == 3) {
      rate = r;
      *per_cpu = c;
      *p_d = d;
    } else {
      fprintf(stderr, "  numpy peer: %s", line);
    }
  }
  pclose(p);
  return rate;
}

int main(int argc, char **argv)
{
  int threads = argc > 1 ? atoi(argv[1]) : 2;
  long sims = argc > 2 ? atol(argv[2]) : 20000000L;
  tly_forecast_model *m = NULL;
  tly_error err;
  if (tly_forecast_model_load(INPUT, NULL, &m, &err) != TLY_OK ||
      tly_forecast_model_regions_builtin(m, "census4", &err) != TLY_OK) {
    fprintf(stderr, "bench_forecast: %s: %s\n", INPUT, err.msg);
    return 1;
  }
  printf("forecast: %s, %zu units; %d threads; tally %s\n", INPUT,
         tly_forecast_model_n_units(m), threads, tly_version());

  /* The exact method, national factor: median of 31 runs. */
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.national_sd = 0.03;
  o.sims = 0;
  double t[31], pd_exact = 0;
  for (int i = 0; i < 31; i++)
    t[i] = run_once(m, &o, &pd_exact, NULL);
  printf("  exact, national sd 0.03:            %8.2f ms   P(D) %.6f\n",
         1e3 * median(t, 31), pd_exact);
  o.region_sd = 0.02;
  for (int i = 0; i < 5; i++)
    t[i] = run_once(m, &o, &pd_exact, NULL);
  printf("  exact, national + 4 regions:        %8.2f ms   P(D) %.6f\n",
         1e3 * median(t, 5), pd_exact);

  static const struct {
    const char *name;
    double region_sd;
  } cases[2] = {{"national sd 0.03", 0.0},
                {"national 0.03 + 4 regions 0.02", 0.02}};
  for (int c = 0; c < 2; c++) {
    tly_forecast_opts_init(&o);
    o.method = TLY_FORECAST_MC;
    o.national_sd = 0.03;
    o.region_sd = cases[c].region_sd;
    o.sims = (uint64_t)sims;
    o.threads = threads;
    double rates[3], per_cpu[3], pd = 0;
    for (int i = 0; i < 3; i++) {
      double cs;
      rates[i] = (double)sims / run_once(m, &o, &pd, &cs);
      per_cpu[i] = (double)sims / cs;
    }
    double r = median(rates, 3);
    double rc = median(per_cpu, 3);
    double pd_np = 0, np_cpu = 0;
    double np = peer(sims / 40 > 200000 ? sims / 40 : 200000, 0.03,
                     cases[c].region_sd, &pd_np, &np_cpu);
    printf("  mc, %s:\n"
           "    tally %6.2f M sims/s (P(D) %.4f), %5.2f M per CPU-second\n"
           "    numpy %6.3f M sims/s (P(D) %.4f), %5.3f M per CPU-second\n"
           "    ratio %.0fx (wall), %.0fx (per CPU-second)\n",
           cases[c].name, r / 1e6, pd, rc / 1e6, np / 1e6, pd_np,
           np_cpu / 1e6, np > 0 ? r / np : 0.0,
           np_cpu > 0 ? rc / np_cpu : 0.0);
  }
  tly_forecast_model_free(m);
  return 0;
}
