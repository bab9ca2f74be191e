"""tally.audit and tally.initiative.sample/deadline against the CLI: the
same --json for the same arguments, the same error messages; every rule
(the audited pair, the defaults, the projection, the dates) is the
library's."""
import datetime
import io
import os
import subprocess

import pytest

import tally
from conftest import CLI, ROOT, cli_json


def cli_stderr(*args):
    """The CLI's error line without "tally: ", and its exit status."""
    out = subprocess.run([CLI, *[str(a) for a in args]],
                         capture_output=True, cwd=ROOT)
    assert out.returncode != 0
    err = out.stderr.decode().strip()
    return err[len("tally: "):] if err.startswith("tally: ") else err


# ---------------------------------------------------------------- audit

AUDIT = [
    # Florida 2000 (MEDSL): a margin of 537 votes, far too small for
    # ballot polling; nothing simulated.
    (dict(election=2000, state="FL"), [2000, "--state", "FL"]),
    (dict(election=2016, state="WI", max_sample=5000, trials=50),
     [2016, "--state", "WI", "--max-sample", 5000, "--trials", 50]),
    (dict(election=2016, state="pa", source="fec", trials=30),
     [2016, "--state", "pa", "--source", "fec", "--trials", 30]),
    (dict(election=1992, state="CO", trials=20, seed=0),
     [1992, "--state", "CO", "--trials", 20, "--seed", 0]),
    (dict(shares=(0.55, 0.45), max_sample=300, seed=0),
     ["--shares", "0.55,0.45", "--max-sample", 300, "--seed", 0]),
    (dict(shares=(0.5001, 0.4999)), ["--shares", "0.5001,0.4999"]),
    (dict(shares=(0.5001, 0.4999), ballots=1000000),
     ["--shares", "0.5001,0.4999", "--ballots", 1000000]),
    (dict(shares=(0.52, 0.46), risk=0.01, trials=40),
     ["--shares", "0.52,0.46", "--risk", 0.01, "--trials", 40]),
]


@pytest.mark.parametrize("kw,args", AUDIT)
def test_audit_parity(kw, args):
    assert tally.audit(**kw) == cli_json("audit", *args)


def test_audit_file(tmp_path):
    """An election read from a file, audited in a state of it."""
    f = tmp_path / "e.csv"
    f.write_text("year,unit,candidate,party,votes\n"
                 "2016,DE,Ann,A,600\n2016,DE,Bob,B,400\n"
                 "2016,DE,Others,,500\n")
    j = tally.audit(str(f), state="DE", trials=100)
    assert j == cli_json("audit", f, "--state", "DE", "--trials", 100)
    # The aggregate "Others" (500) is not the runner-up; the ballots are
    # all 1,500 votes for the office (JSON reals have 12 digits).
    assert j["ballots"] == 1500 and abs(j["p_loser"] - 400 / 1500) < 1e-12


def test_audit_default_trials_lowered():
    """Michigan 2016 without trials: 875 of the default 1,000 fit the
    budget, as the CLI (golden audit_default_trials_fit); not simulated
    here (about 10^9 ballots), only the options the library fills."""
    o = tally._lib.ffi.new("tly_bravo_opts *")
    e = tally._election(2016, None, None)
    err = tally._lib.ffi.new("tly_error *")
    o.risk = 0.05
    tally._check(tally._lib.lib.tly_bravo_contest_find(
        e.ptr, b"MI", o, tally._lib.ffi.NULL, err), err)
    assert tally._lib.lib.tly_bravo_defaults(o)
    assert o.trials == 875 and o.max_sample == o.ballots == 4799284


@pytest.mark.parametrize("kw,args", [
    (dict(shares=(0.5, 0.5)), ["--shares", "0.5,0.5"]),
    (dict(shares=(0.45, 0.55)), ["--shares", "0.45,0.55"]),
    (dict(shares=(0.51, 0.49), trials=10000000),
     ["--shares", "0.51,0.49", "--trials", 10000000]),
])
def test_audit_error_parity(kw, args):
    with pytest.raises(tally.TallyError) as e:
        tally.audit(**kw)
    assert e.value.message == cli_stderr("audit", *args)


def test_audit_state_errors(tmp_path):
    with pytest.raises(tally.TallyError) as e:
        tally.audit(2016, state="XX")
    assert e.value.status == "TLY_ENOTFOUND"
    assert e.value.message == "unknown state 'XX'"
    f = tmp_path / "tie.csv"
    f.write_text("year,unit,candidate,party,votes\n"
                 "2016,DE,Ann,A,100\n2016,DE,Bob,B,100\n")
    with pytest.raises(tally.TallyError) as e:
        tally.audit(str(f), state="DE")
    assert e.value.message == cli_stderr("audit", f, "--state", "DE")
    assert "tied" in e.value.message
    with pytest.raises(tally.TallyError):
        tally.audit(2016, state="WI", ballots=10)


# ---------------------------------------------------------------- sample

# Cal. Code Regs. tit. 2 §20540's example county: 24,034 raw, a sample of
# 722 with 516 valid and 2 duplicates projects 15,028 valid.
SOS = ("Example", 24034, 722, 516, 2)
THREE = [SOS, ("Alpine, CA", 300, 300, 200, 0), ("D", 1000, 500, 400, 1)]


def _county_args(rows):
    out = []
    for r in rows:
        out += ["--county", ",".join(str(v) for v in r)]
    return out


@pytest.mark.parametrize("required,rows", [
    (585407, [SOS]),
    (14000, THREE),
    (16000, THREE),
    (17000, THREE),
    (1000, [("Small", 400, 400, 390, 3)]),
])
def test_sample_parity(required, rows):
    j = tally.initiative.sample(required, rows)
    want = cli_json("initiative", "sample", "--required", required,
                    *_county_args(rows))
    assert {k: j[k] for k in want} == {**want, "counties": j["counties"]}
    assert [{k: c[k] for k in w} for c, w in
            zip(j["counties"], want["counties"])] == want["counties"]
    assert isinstance(j["counties"], tally.Table)


def test_sample_figures():
    j = tally.initiative.sample(585407, [SOS])
    c = j["counties"][0]
    assert c["projected_valid"] == 15028 and c["min_sample"] == 722
    assert j["decision"] == "fails" and j["raw_short"]
    # A county examined in full is a count.
    j = tally.initiative.sample(100, [("Alpine", 300, 300, 200, 0)])
    assert j["counties"][0]["examined_all"]
    assert j["projected_valid"] == 200 and j["decision"] == "qualifies"


def test_sample_inputs_agree(tmp_path):
    """Tuples, dicts, a CSV path, an open file and a DataFrame give the
    same answer, and the path the CLI's --counties answer."""
    text = ("name,raw,sample,valid,duplicates\n" +
            "".join(f'"{r[0]}",{r[1]},{r[2]},{r[3]},{r[4]}\n'
                    for r in THREE))
    f = tmp_path / "c.csv"
    f.write_text(text)
    dicts = [dict(zip(("name", "raw", "sample", "valid", "duplicates"), r))
             for r in THREE]
    a = tally.initiative.sample(14000, THREE)
    assert tally.initiative.sample(14000, dicts) == a
    assert tally.initiative.sample(14000, str(f)) == a
    assert tally.initiative.sample(14000, io.StringIO(text)) == a
    want = cli_json("initiative", "sample", "--required", 14000,
                    "--counties", f)
    assert {k: a[k] for k in want if k != "counties"} == {
        k: v for k, v in want.items() if k != "counties"}
    pd = pytest.importorskip("pandas")
    assert tally.initiative.sample(14000, pd.DataFrame(dicts)) == a
    df = a["counties"].to_frame()
    assert list(df.columns[:6]) == ["duplicates", "name", "projected_valid",
                                    "raw", "sample", "valid"]
    assert str(df["projected_valid"].dtype) == "int64"


@pytest.mark.parametrize("rows,args", [
    ([("X", 24034, 722, 723, 0)], ["--county", "X,24034,722,723,0"]),
    ([("X", 24034, 600, 500, 0)], ["--county", "X,24034,600,500,0"]),
])
def test_sample_error_parity(rows, args):
    with pytest.raises(tally.TallyError) as e:
        tally.initiative.sample(1000, rows)
    assert e.value.message == cli_stderr("initiative", "sample",
                                         "--required", 1000, *args)


def test_sample_file_error_location(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("name,raw,sample,valid,duplicates\nA,24x34,722,516,2\n")
    with pytest.raises(tally.TallyError) as e:
        tally.initiative.sample(1000, str(f))
    assert (e.value.file, e.value.line, e.value.col) == (str(f), 2, 3)
    assert str(e.value) == cli_stderr("initiative", "sample", "--required",
                                      1000, "--counties", f)
    with pytest.raises(tally.TallyError) as e:
        tally.initiative.sample(1000, [("A", 1, 2)])
    with pytest.raises(tally.TallyError) as e:
        tally.initiative.sample(1000, [dict(name="A", raw=1)])


# ---------------------------------------------------------------- deadline

@pytest.mark.parametrize("kw,args", [
    # Calexit (SoS: summary 2017-01-26, deadline 2017-07-25).
    (dict(summary_date="2017-01-26"), ["--summary-date", "2017-01-26"]),
    (dict(summary_date="2015-09-14"), ["--summary-date", "2015-09-14"]),
    (dict(summary_date=datetime.date(2019, 6, 1), election="2020-11-03"),
     ["--summary-date", "2019-06-01", "--election", "2020-11-03"]),
    (dict(summary_date="2023-05-08"), ["--summary-date", "2023-05-08"]),
])
def test_deadline_parity(kw, args):
    j = tally.initiative.deadline(**kw)
    want = cli_json("initiative", "deadline", *args)
    assert {k: j[k] for k in want} == want
    assert j["day_180"] <= j["circulation_deadline"]
    assert j["deadline_moved"] == (j["day_180"] != j["circulation_deadline"])


def test_deadline_fields():
    # 2015-09-14 + 180 days is Saturday 2016-03-12: moved to Monday.
    j = tally.initiative.deadline("2015-09-14")
    assert j["day_180"] == "2016-03-12" and j["deadline_moved"]
    assert j["circulation_deadline"] == "2016-03-14"
    j = tally.initiative.deadline("2019-06-01", election="2020-11-03")
    assert j["election"] == "2020-11-03" and j["election_given"]


def test_deadline_errors():
    with pytest.raises(tally.TallyError) as e:
        tally.initiative.deadline("2017-02-30")
    assert e.value.status == "TLY_EPARSE"
    with pytest.raises(tally.TallyError) as e:
        tally.initiative.deadline("2040-01-02")
    assert e.value.message == cli_stderr("initiative", "deadline",
                                         "--summary-date", "2040-01-02")
