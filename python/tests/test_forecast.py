"""tally.forecast equals `tally forecast --json` for the same model and
options; the same seed gives the same numbers for 1 and 2 threads."""
import csv
import os
import subprocess
import threading
import time

import pytest

import tally
from conftest import CLI, ROOT, cli_json

MODEL = os.path.join(ROOT, "tests", "data", "forecast_2024.csv")
SMALL = os.path.join(ROOT, "tests", "data", "forecast_small.csv")

CASES = [
    (dict(national_sd=0.03), ["--national-sd", "0.03"]),
    (dict(national_sd=0.03, regions="census4", region_sd=0.02),
     ["--national-sd", "0.03", "--regions", "census4", "--region-sd",
      "0.02"]),
    (dict(national_sd=0.02, df=5, sims=0),
     ["--national-sd", "0.02", "--df", "5", "--sims", "0"]),
    (dict(method="mc", sims=20000, seed=7, national_sd=0.03, threads=1),
     ["--method", "mc", "--sims", "20000", "--seed", "7", "--national-sd",
      "0.03", "--threads", "1"]),
    (dict(method="mc", sims=20000, seed=7, national_sd=0.03, threads=2),
     ["--method", "mc", "--sims", "20000", "--seed", "7", "--national-sd",
      "0.03", "--threads", "2"]),
    (dict(method="mc", sims=10000, seed=3, national_sd=0.03,
          given={"PA": "D"}),
     ["--method", "mc", "--sims", "10000", "--seed", "3", "--national-sd",
      "0.03", "--given", "PA=D"]),
    (dict(national_sd=0.03, given="PA=D,WI=R", sims=0),
     ["--national-sd", "0.03", "--given", "PA=D,WI=R", "--sims", "0"]),
]


@pytest.mark.parametrize("kw,args", CASES)
def test_forecast_equals_cli(kw, args):
    f = tally.forecast(MODEL, **kw)
    j = cli_json("forecast", MODEL, *args)
    assert f.json == j
    assert f.p_win == j["p_win"]
    assert list(f.ev_histogram) == j["ev_histogram"]
    assert [u["code"] for u in f.units] == [u["code"] for u in j["units"]]


def test_forecast_threads_same_numbers():
    a = tally.forecast(MODEL, method="mc", sims=30000, seed=11,
                       national_sd=0.03, threads=1)
    b = tally.forecast(MODEL, method="mc", sims=30000, seed=11,
                       national_sd=0.03, threads=2)
    assert a.json == b.json


def test_forecast_dataframe_and_rows():
    pd = pytest.importorskip("pandas")
    j = cli_json("forecast", SMALL)
    assert tally.forecast(pd.read_csv(SMALL)).json == j
    with open(SMALL) as fh:
        rows = list(csv.DictReader(fh))
    assert tally.forecast(rows).json == j
    with open(SMALL) as fh:
        assert tally.forecast(list(csv.reader(fh))).json == j


def test_forecast_draws_equal_cli(tmp_path):
    np = pytest.importorskip("numpy")
    out = tmp_path / "draws.csv"
    subprocess.run([CLI, "forecast", MODEL, "--method", "mc", "--sims",
                    "5000", "--seed", "5", "--national-sd", "0.03",
                    "--draws", str(out)], check=True, capture_output=True)
    with open(out) as fh:
        ev = [int(r["ev_D"]) for r in csv.DictReader(fh)]
    f = tally.forecast(MODEL, method="mc", sims=5000, seed=5,
                       national_sd=0.03, draws=True)
    assert isinstance(f.draws, np.ndarray) and f.draws.dtype == np.int64
    assert f.draws.tolist() == ev


def test_forecast_errors():
    with pytest.raises(tally.TallyError, match="national_sd"):
        tally.forecast(MODEL, national_sd=2.0)
    with pytest.raises(tally.TallyError) as ei:
        tally.forecast(os.path.join(ROOT, "tests", "data",
                                    "forecast_bad_share.csv"))
    assert ei.value.line is not None and ei.value.col is not None


def test_forecast_releases_gil():
    # While a forecast runs in a thread, the main thread keeps running.
    ticks = []
    done = threading.Event()

    def run():
        tally.forecast(MODEL, method="mc", sims=400000, seed=1,
                       national_sd=0.03)
        done.set()

    t = threading.Thread(target=run)
    t.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    t.join()
    assert len(ticks) > 5
