"""history, the apportionments of record, counties and districts, and the
processes (initiative, amend, recount, audit): each equal to the CLI's
--json for the same arguments."""
import json
import os
import subprocess

import pytest

import tally
from conftest import CLI, ROOT, cli_json


def cli_json_any(*args):
    """--json whatever the exit status (amend exits 3 when it fails)."""
    out = subprocess.run([CLI, *[str(a) for a in args], "--json"],
                         capture_output=True, cwd=ROOT)
    assert out.returncode in (0, 3), out.stderr
    return json.loads(out.stdout)


@pytest.mark.parametrize("span", [(None, None), (1824, 1892), (1976, 2024)])
def test_history(span):
    args = ["history"]
    if span[0]:
        args += ["--from", span[0], "--to", span[1]]
    h = tally.history(*span)
    assert h == cli_json(*args)
    assert isinstance(h["elections"], tally.Table)


def test_history_lost_and_notes():
    h = tally.history()
    assert [r["year"] for r in h["elections"] if r["pv_leader_lost"]] == [
        1824, 1876, 1888, 2000, 2016]
    assert len(h["elections"]) == 60
    # The record (Clerk of the House) against MEDSL: 2020 differs in 5.
    assert any(n.startswith("2020: ") and "in 5 states" in n
               for n in h["notes"])
    df = h["elections"].to_frame()
    assert df["year"].dtype == "int64" and len(df) == 60


APPORTION = [
    (1790, {}, []),
    (1790, dict(method="jefferson"), ["--method", "jefferson"]),
    (1850, dict(method="hamilton"), ["--method", "hamilton"]),
    (1910, dict(method="webster", seats=433), ["--method", "webster",
                                               "--seats", "433"]),
    (1960, dict(method="huntington-hill"), ["--method", "hh"]),
    (1880, dict(without=["NY"]), ["--without", "NY"]),
]


@pytest.mark.parametrize("census,kw,args", APPORTION)
def test_apportion_record(census, kw, args):
    j = tally.apportion(census, **kw)
    assert j == cli_json("apportion", census, *args)


def test_apportion_record_figures():
    # Census Bureau: 105 seats in 1790 (Virginia 19); Huntington-Hill on
    # the 1950 populations gives every state its seats of record.
    j = tally.apportion(1790)
    assert j["seats_of_record"] == 105 and j["method_of_record"] == "jefferson"
    assert next(s for s in j["states"] if s["code"] == "VA")[
        "seats_of_record"] == 19
    assert j["population"] == "resident" and j["note"]
    assert tally.apportion(1950, method="huntington-hill")[
        "states_differ"] == 0
    with pytest.raises(tally.TallyError) as e:
        tally.apportion(1920)
    assert "1920" in str(e.value)


COUNTIES = [
    (2020, dict(counties=True, state="PA"), ["--counties", "--state", "PA"]),
    (2016, dict(counties=True, state="WI"), ["--counties", "--state", "WI"]),
    (2024, dict(districts=True, state="NE"), ["--districts", "--state",
                                              "NE"]),
    (2008, dict(districts=True), ["--districts"]),
]


@pytest.mark.parametrize("year,kw,args", COUNTIES)
def test_result_areas(year, kw, args):
    a = tally.result(year, **kw)
    assert isinstance(a, tally.Areas)
    assert a == cli_json("result", year, *args)


def test_areas_frame():
    # MEDSL county returns, Pennsylvania 2020: 67 counties.
    df = tally.result(2020, counties=True, state="PA").to_frame()
    assert len(df) == 67
    assert list(df.columns[:3]) == ["code", "state", "name"]
    assert df["dem"].dtype == "int64" and df["total"].dtype == "int64"
    # MEDSL's 2020 county file has no Green or other rows for Pennsylvania:
    # missing (<NA>), not 0.
    assert df["grn"].dtype == "Int64" and df["grn"].isna().all()
    with pytest.raises(tally.TallyError):
        tally.result(2020, counties=True, districts=True)


@pytest.mark.parametrize("kw,args", [
    (dict(governor_votes=7317581), ["--governor-votes", "7317581"]),
    (dict(governor_votes=7317581, kind="amendment"),
     ["--governor-votes", "7317581", "--kind", "amendment"]),
])
def test_initiative_requirement(kw, args):
    j = tally.initiative.requirement(**kw)
    assert j == cli_json("initiative", "requirement", *args)


def test_initiative_requirement_figures():
    # California SoS, 2014 governor vote 7,317,581: 365,880 and 585,407.
    assert tally.initiative.requirement(7317581, "statute")[
        "required"] == 365880
    assert tally.initiative.requirement(7317581)["required"] == 585407
    with pytest.raises(tally.TallyError):
        tally.initiative.requirement(0)


AMEND = [
    (dict(house_yeas=300, house_nays=100, senate_yeas=70, senate_nays=30,
          ratified=38),
     ["--house-yeas", 300, "--house-nays", 100, "--senate-yeas", 70,
      "--senate-nays", 30, "--ratified", 38]),
    (dict(house_yeas=280, house_nays=150, senate_yeas=70, senate_nays=30,
          ratified=40),
     ["--house-yeas", 280, "--house-nays", 150, "--senate-yeas", 70,
      "--senate-nays", 30, "--ratified", 40]),
    (dict(house_yeas=300, house_nays=100, senate_yeas=66, senate_nays=30,
          ratified=37, states=49, senate_members=98),
     ["--house-yeas", 300, "--house-nays", 100, "--senate-yeas", 66,
      "--senate-nays", 30, "--ratified", 37, "--states", 49,
      "--senate-members", 98]),
]


@pytest.mark.parametrize("kw,args", AMEND)
def test_amend(kw, args):
    assert tally.amend(**kw) == cli_json_any("amend", *args)


def test_amend_error():
    with pytest.raises(tally.TallyError):
        tally.amend(house_yeas=500, house_nays=0, senate_yeas=70,
                    senate_nays=30, ratified=38)


@pytest.mark.parametrize("year,kw,args", [
    (2016, {}, []),
    (2000, dict(state="FL"), ["--state", "FL"]),
    (2020, dict(source="fec"), ["--source", "fec"]),
])
def test_recount(year, kw, args):
    j = tally.recount(year, **kw)
    assert j == cli_json("recount", year, *args)


def test_recount_florida_2000():
    # Florida 2000: Bush's margin of 537 votes (MEDSL), an automatic
    # machine recount.
    j = tally.recount(2000, state="FL")
    assert j["recounts"][0]["margin"] == 537 and j["recounts"][0]["met"]


@pytest.mark.parametrize("kw,args", [
    (dict(election=2020, state="GA"), [2020, "--state", "GA"]),
    (dict(election=2016, state="WI", risk=0.1, seed=7, trials=200),
     [2016, "--state", "WI", "--risk", "0.1", "--seed", 7, "--trials",
      200]),
    (dict(shares=(0.55, 0.45)), ["--shares", "0.55,0.45"]),
    (dict(shares=(0.6, 0.38), ballots=100000, trials=300),
     ["--shares", "0.6,0.38", "--ballots", 100000, "--trials", 300]),
])
def test_audit(kw, args):
    assert tally.audit(**kw) == cli_json("audit", *args)


def test_audit_errors():
    with pytest.raises(tally.TallyError):
        tally.audit(shares=(0.5, 0.5))
    with pytest.raises(tally.TallyError):
        tally.audit(2020, state="XX")


POLLS = "tests/data/polls_538_subset_2020.csv"


@pytest.mark.parametrize("kw,args", [
    ({}, []),
    (dict(window=14, dedupe="none"), ["--window", 14, "--dedupe", "none"]),
    (dict(as_of="2020-11-01", population="rv,lv"),
     ["--as-of", "2020-11-01", "--population", "rv,lv"]),
])
def test_polls(kw, args):
    j = tally.polls(os.path.join(ROOT, POLLS), **kw)
    assert j == cli_json("polls", POLLS, *args)
    assert isinstance(j["units"], tally.Table)


def test_polls_backtest():
    assert tally.polls(backtest=2020) == cli_json("polls", "--backtest",
                                                  2020)


@pytest.mark.parametrize("kw,args", [
    (dict(sims=0), ["--sims", 0]),
    (dict(method="mc", sims=2000, seed=3, threads=2),
     ["--method", "mc", "--sims", 2000, "--seed", 3, "--threads", 2]),
    (dict(national_sd=0.02, sims=0), ["--national-sd", "0.02", "--sims", 0]),
])
def test_forecast_polls(kw, args):
    f = tally.forecast(polls=os.path.join(ROOT, POLLS), **kw)
    assert f.json == cli_json("forecast", "--polls", POLLS, *args)


def test_polls_errors():
    with pytest.raises(tally.TallyError) as e:
        tally.polls(os.path.join(ROOT, POLLS), as_of="2020-02-30")
    assert "2020-02-30" in str(e.value)
    with pytest.raises(tally.TallyError):
        tally.forecast([{"code": "CA", "mean": 0.6, "sd": 0}],
                       polls=os.path.join(ROOT, POLLS))
