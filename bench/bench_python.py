"""bench_python.py -- the Python package against its targets (issue 13):
tally.result(2016) after import, median of 1,000 calls (target < 1 ms), and
tally.forecast's simulations per second as a ratio of the CLI's on the same
model, seed and threads, in the same run, medians of 5 interleaved runs
(target >= 90 %).

Usage: /usr/bin/python3 bench/bench_python.py [BUILD_DIR [SIMS [THREADS]]]
(run from the repository root; bench/bench_python.sh runs it)."""
import os
import statistics
import subprocess
import sys
import time

B = sys.argv[1] if len(sys.argv) > 1 else "build"
SIMS = int(sys.argv[2]) if len(sys.argv) > 2 else 2000000
THREADS = int(sys.argv[3]) if len(sys.argv) > 3 else 2
RUNS = 5
os.environ["TALLY_LIB"] = os.path.abspath(os.path.join(B, "libtally.so"))
sys.path.insert(0, os.path.abspath("python"))
import tally  # noqa: E402

MODEL = "tests/data/forecast_2024.csv"
print(f"libtally: {tally.LIBPATH}; JSON writer: "
      f"{'C buffer (_tallybuf.so)' if tally._lib.BUF is not None else 'Python callback (no _tallybuf.so: run make python)'}")

tally.result(2016)
times, cpu = [], []
for _ in range(1000):
    t0 = time.perf_counter()
    c0 = time.thread_time()
    tally.result(2016)
    cpu.append(time.thread_time() - c0)
    times.append(time.perf_counter() - t0)
med = statistics.median(times)
print(f"tally.result(2016): median {med * 1e3:.3f} ms over 1,000 calls, "
      f"{med / 1e-3 * 100:.0f} % of the 1 ms target "
      f"({'met' if med < 1e-3 else 'NOT met'}); CPU time of the calling "
      f"thread: median {statistics.median(cpu) * 1e3:.3f} ms")

args = dict(method="mc", sims=SIMS, seed=1, national_sd=0.03,
            threads=THREADS)
cli = [os.path.join(B, "tally"), "forecast", MODEL, "--method", "mc",
       "--sims", str(SIMS), "--seed", "1", "--national-sd", "0.03",
       "--threads", str(THREADS), "--json"]
py_t, cli_t = [], []
for _ in range(RUNS):  # interleaved, so that both see the same load
    t0 = time.perf_counter()
    tally.forecast(MODEL, **args)
    py_t.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    subprocess.run(cli, check=True, stdout=subprocess.DEVNULL)
    cli_t.append(time.perf_counter() - t0)
py_rate = SIMS / statistics.median(py_t)
cli_rate = SIMS / statistics.median(cli_t)
ratio = py_rate / cli_rate
print(f"forecast, {SIMS:,} simulations, {THREADS} threads, median of "
      f"{RUNS}: "
      f"Python {py_rate:,.0f}/s, CLI {cli_rate:,.0f}/s (whole process), "
      f"ratio {ratio * 100:.1f} % (target >= 90 %: "
      f"{'met' if ratio >= 0.9 else 'NOT met'})")
