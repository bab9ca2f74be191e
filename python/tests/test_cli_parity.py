"""Every figure the package returns equals the CLI's --json for the same
arguments: the two are the library's one JSON writer, reached two ways."""
import os

import pytest

import tally
from conftest import ROOT, cli_json, cli_error


def test_years():
    assert list(tally.years()) == cli_json("years")


RESULTS = [(2016, "medsl"), (2016, "fec"), (2020, "medsl"), (2020, "fec"),
           (2000, "medsl"), (1976, "medsl"), (2024, "medsl"),
           (2004, "fec"), (2008, "medsl"), (1992, "medsl"),
           (1800, "history"), (1824, "history"), (1960, "history")]


@pytest.mark.parametrize("year,source", RESULTS)
def test_result(year, source):
    r = tally.result(year, source=source)
    j = cli_json("result", year, "--source", source)
    assert r.json == j
    assert r.winner == j["winner"]
    assert r.electors == j["electors"]
    assert r.majority == j["majority"]
    assert [c.name for c in r.candidates] == [c["name"] for c in
                                              j["candidates"]]
    assert [u.code for u in r.units] == [u["code"] for u in
                                         j["jurisdictions"]]


def test_result_default_source():
    assert tally.result(1876).json == cli_json("result", 1876)
    assert tally.result(1876).source == cli_json("result", 1876)["source"]


def test_result_2016_official():
    # FEC certified totals and the electors as cast (Congress, 2017).
    r = tally.result(2016, source="fec")
    assert r.winner == "Donald Trump"
    assert (r.electors, r.majority) == (538, 270)
    trump = next(c for c in r.candidates if c.name == "Donald Trump")
    assert (trump.ev_pledged, trump.ev_cast) == (306, 304)
    assert sum(f.electors for f in r.faithless) == 7
    levels = {u.code: u.level for u in r.units}
    assert levels["ME-2"] == "district" and levels["CA"] == "state"


def test_load_file():
    p = os.path.join(ROOT, "tests", "data", "medsl_2016_excerpt.csv")
    assert tally.load(p).json == cli_json("result", p)
    with open(p) as f:
        assert tally.load(f).json == cli_json("result", p)


WHATIFS = [
    (2016, dict(without=["CA"]), ["--without", "CA"]),
    (2016, dict(without=["CA"], reapportion=True),
     ["--without", "CA", "--reapportion"]),
    (2016, dict(without="TX,FL", reapportion=2010, seats=500,
                method="webster"),
     ["--without", "TX,FL", "--reapportion", "2010", "--seats", "500",
      "--apportion-method", "webster"]),
    (2016, dict(swing=1.5), ["--swing", "1.5"]),
    (2020, dict(swing="-2.25"), ["--swing", "-2.25"]),
    (2016, dict(set={"WI": "D", "MI": "Clinton"}),
     ["--set", "WI=D", "--set", "MI=Clinton"]),
    (2016, dict(rule="proportional"), ["--rule", "proportional"]),
    (2020, dict(rule="proportional-dhondt"), ["--rule", "proportional-dhondt"]),
    (2012, dict(rule="wta"), ["--rule", "wta"]),
    (2016, dict(rule="npv", npv="all"), ["--rule", "npv", "--npv-members",
                                         "all"]),
    (2000, dict(set=["FL=Gore"]), ["--set", "FL=Gore"]),
    (2024, dict(without="DC"), ["--without", "DC"]),
    (2000, dict(drop={"Nader": "D:45,R:20"}), ["--drop", "Nader=D:45,R:20"]),
    (2020, dict(set={"AZ": "Trump", "GA": "Trump", "WI": "Trump"},
                delegation={"TX": "split"}),
     ["--set", "AZ=Trump", "--set", "GA=Trump", "--set", "WI=Trump",
      "--delegation", "TX=split"]),
    (2016, dict(split="cal3", reapportion=True),
     ["--split", "cal3", "--reapportion"]),
    (2020, dict(move="greater-idaho", reapportion=True),
     ["--move", "greater-idaho", "--reapportion"]),
    (2020, dict(admit="DC", reapportion=True), ["--admit", "DC",
                                                 "--reapportion"]),
    (2016, dict(merge="ND,SD=DAK", without="06037"),
     ["--merge", "ND,SD=DAK", "--without", "06037"]),
    (2024, dict(rule="district"), ["--rule", "district"]),
]


@pytest.mark.parametrize("year,kw,args", WHATIFS)
def test_whatif(year, kw, args):
    w = tally.whatif(year, **kw)
    j = cli_json("whatif", year, *args)
    assert w.json == j
    assert w.whatif.winner == j["whatif"]["winner"]
    assert list(w.changes) == j["changes"]


APPORTION = [
    (2020, {}, []),
    (2010, dict(without=["CA"]), ["--without", "CA"]),
    (2020, dict(method="webster", seats=600),
     ["--method", "webster", "--seats", "600"]),
    (1990, dict(method="hamilton"), ["--method", "hamilton"]),
    (2020, dict(priority=True, next=3), ["--priority", "--next", "3"]),
    (1970, dict(method="jefferson", seats=100),
     ["--method", "jefferson", "--seats", "100"]),
]


@pytest.mark.parametrize("census,kw,args", APPORTION)
def test_apportion(census, kw, args):
    assert tally.apportion(census, **kw) == cli_json("apportion", census,
                                                     *args)


FLIPS = [
    (2016, {}, []),
    (2020, dict(target="tie"), ["--target", "tie"]),
    (2000, {}, []),
    (2016, dict(source="fec"), ["--source", "fec"]),
    (2020, dict(swing=1), ["--swing", "1"]),
    (2016, dict(without=["CA"]), ["--without", "CA"]),
]


@pytest.mark.parametrize("year,kw,args", FLIPS)
def test_flip(year, kw, args):
    assert tally.flip(year, **kw) == cli_json("flip", year, *args)


TIPPING = [(2020, {}, []), (2016, {}, []), (2012, {}, []),
           (2016, dict(source="fec"), ["--source", "fec"]),
           (2020, dict(set={"PA": "R"}), ["--set", "PA=R"])]


@pytest.mark.parametrize("year,kw,args", TIPPING)
def test_tipping(year, kw, args):
    assert tally.tipping(year, **kw) == cli_json("tipping", year, *args)


POWER = [
    (2020, {}, []),
    (2020, dict(index="shapley"), ["--index", "shapley"]),
    (2016, dict(units="districts"), ["--units", "districts"]),
    (None, dict(census=2010), ["--census", "2010"]),
    (None, dict(census=1980, index="shapley"),
     ["--census", "1980", "--index", "shapley"]),
]


@pytest.mark.parametrize("year,kw,args", POWER)
def test_power(year, kw, args):
    cli_args = ([year] if year else []) + args
    got = tally.power(year, **kw) if year else tally.power(**kw)
    assert got == cli_json("power", *cli_args)


BAD = ["duplicate_row.csv", "bad_year.csv", "district_without_state.csv",
       "electors_negative.csv"]


@pytest.mark.parametrize("name", BAD)
def test_bad_file_location(name):
    p = os.path.join("tests", "bad", name)
    msg = cli_error("result", p)
    with pytest.raises(tally.TallyError) as ei:
        tally.load(os.path.join(ROOT, p))
    e = ei.value
    assert isinstance(e, ValueError)
    # The CLI's "tally: FILE:LINE:COL: message" and the exception agree.
    assert msg == f"tally: {p}:{e.line}:{e.col}: {e.message}"
    assert e.file.endswith(name)


def test_whatif_errors():
    with pytest.raises(tally.TallyError, match="seats"):
        tally.whatif(2016, without="CA", reapportion=True, seats=0)
    with pytest.raises(tally.TallyError):
        tally.whatif(2016, set={"XX": "D"})
    with pytest.raises(tally.TallyError) as ei:
        tally.result(2024, source="fec")
    assert ei.value.status == "TLY_ENODATA"
    with pytest.raises(tally.TallyError):
        tally.flip(2016, rule="proportional")
    with pytest.raises(tally.TallyError):
        tally.apportion(2020, method="nope")


def test_python_writer_fallback(monkeypatch):
    # Without the C buffer writer (_tallybuf.so), the Python callback
    # gives the same figures.
    j = cli_json("result", 2000)
    monkeypatch.setattr(tally, "BUF", None)
    assert tally.result(2000).json == j
    assert tally.flip(2000) == cli_json("flip", 2000)


def test_frames():
    pd = pytest.importorskip("pandas")
    r = tally.result(2020)
    df = r.to_frame()
    assert isinstance(df, pd.DataFrame)
    names = [c.name for c in r.candidates]
    assert list(df.columns) == ["code", "level", "electors", "winner"] + names
    assert str(df["electors"].dtype) == "int64"
    assert all(str(df[n].dtype) == "int64" for n in names)
    assert set(df["level"]) == {"state", "district"}
    assert int(df["electors"].sum()) == r.electors == 538
    # States and DC add up to the national count (districts are within).
    states = df[df["level"] == "state"]
    assert int(states["Joe Biden"].sum()) == next(
        c.votes for c in r.candidates if c.name == "Joe Biden")
    st = tally.apportion(2020)["states"].to_frame()
    assert list(st.columns) == ["code", "electors", "population", "seats"]
    assert int(st["seats"].sum()) == 435
    assert str(st["seats"].dtype) == "int64"
