"""tally for Python: the U.S. presidential election system, exactly.

A thin binding over libtally (cffi, ABI mode). Every number comes from the
C library, through the same JSON writers as ``tally ... --json``; this
package only converts them to Python objects. Nothing prints and nothing
exits: a failure raises :class:`TallyError`.

>>> import tally
>>> tally.result(2016).winner
'Donald Trump'
"""
from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from ._lib import ffi, lib, WRITER, LIBPATH, BUF, BUF_WRITER

__all__ = [
    "TallyError", "Candidate", "Unit", "Faithless", "Result", "WhatIf",
    "Table", "years", "result", "load", "whatif", "apportion", "flip",
    "tipping", "power", "forecast", "Forecast", "LIBPATH", "Areas",
    "history", "amend", "recount", "audit", "initiative", "polls",
]

_SOURCES = {"medsl": 0, "fec": 1, "history": 3}
_SOURCE_NAMES = {v: k for k, v in _SOURCES.items()}


class TallyError(ValueError):
    """A failure reported by libtally: ``str(e)`` is the library's message
    (``FILE:LINE:COL: what is wrong`` for a file), ``.status`` its status
    name (``"TLY_EPARSE"``), and ``.file``, ``.line``, ``.col`` the place in
    an input file (``None`` when they do not apply)."""

    def __init__(self, message: str, status: str = "",
                 file: Optional[str] = None, line: Optional[int] = None,
                 col: Optional[int] = None) -> None:
        self.message = message
        self.status = status
        self.file = file
        self.line = line
        self.col = col
        where = ""
        if file:
            where = file
            if line:
                where += f":{line}"
                if col:
                    where += f":{col}"
            where += ": "
        super().__init__(where + message)


def _raise(err: Any) -> None:
    msg = ffi.string(err.msg).decode("utf-8", "replace")
    f = ffi.string(err.file).decode("utf-8", "replace") or None
    st = ffi.string(lib.tly_status_name(err.status)).decode()
    raise TallyError(msg, st, f, int(err.line) or None, int(err.col) or None)


def _check(status: int, err: Any) -> None:
    if status != 0:
        _raise(err)


def _json(fn, *args) -> Any:
    """Calls a tly_json_* writer and parses what it wrote."""
    err = ffi.new("tly_error *")
    if BUF is not None:
        buf = ffi.new("tlypy_buf *")
        try:
            _check(fn(*args, BUF_WRITER, buf, err), err)
            return json.loads(ffi.buffer(buf.data, buf.len)[:]
                              if buf.len else b"")
        finally:
            BUF.tlypy_buf_free(buf)
    chunks: List[bytes] = []
    h = ffi.new_handle(chunks)
    err = ffi.new("tly_error *")
    _check(fn(*args, WRITER, h, err), err)
    return json.loads(b"".join(chunks))


def _b(s: str) -> bytes:
    return str(s).encode("utf-8")


# ---------------------------------------------------------------- tables

class Table(list):
    """A list of dicts (one per row) with ``.to_frame()`` (pandas)."""

    def to_frame(self):
        """The rows as a pandas DataFrame (needs pandas)."""
        import pandas as pd
        return pd.DataFrame(list(self))


def _table(rows: Iterable[Mapping[str, Any]]) -> Table:
    return Table(dict(r) for r in rows)


# ---------------------------------------------------------------- elections

class _Election:
    """Owns a tly_election pointer."""

    def __init__(self, ptr: Any) -> None:
        self.ptr = ffi.gc(ptr, lib.tly_election_free)


@functools.lru_cache(maxsize=64)
def _builtin(year: int, source: str) -> _Election:
    """A built-in election, made once per (year, source): elections are
    immutable once made (tally.h), so every call may share it."""
    if source not in _SOURCES:
        raise TallyError(f"source is medsl, fec or history, not "
                         f"\"{source}\"",
                         "TLY_EINVAL")
    out = ffi.new("tly_election **")
    err = ffi.new("tly_error *")
    _check(lib.tly_election_builtin(int(year), _SOURCES[source], ffi.NULL,
                                    out, err), err)
    return _Election(out[0])


@functools.lru_cache(maxsize=256)
def _default_source(year: int) -> str:
    """The library's default source of a built-in year, asked once per
    year (the answer depends on the built-in data only, and asking scans
    the historical table: about 0.1 ms)."""
    return _SOURCE_NAMES.get(lib.tly_builtin_source(int(year)), "medsl")


def _load(path: Any, year: Optional[int]) -> _Election:
    out = ffi.new("tly_election **")
    err = ffi.new("tly_error *")
    opts = ffi.new("tly_load_opts *", {"year": int(year or 0)})
    if hasattr(path, "read"):
        data = path.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        name = getattr(path, "name", "<stream>")
        _check(lib.tly_election_parse(_b(name), data, len(data), opts,
                                      ffi.NULL, out, err), err)
    else:
        _check(lib.tly_election_load(_b(os.fspath(path)), opts, ffi.NULL,
                                     out, err), err)
    return _Election(out[0])


def _election(election: Any, source: Optional[str], year: Optional[int]
              ) -> _Election:
    """A year (built-in, from `source`), a path or file, or a Result."""
    if isinstance(election, Result):
        return election._e
    if isinstance(election, int):
        if year is not None and year != election:
            raise TallyError(f"year {year} contradicts the election "
                             f"{election}", "TLY_EINVAL")
        if source is None:  # the year's own source, as the CLI's default
            source = _default_source(election)
        return _builtin(election, source)
    if source is not None:
        raise TallyError("source applies to built-in years, not to a file",
                         "TLY_EINVAL")
    return _load(election, year)


def _college(e: _Election) -> Any:
    out = ffi.new("tly_outcome **")
    err = ffi.new("tly_error *")
    _check(lib.tly_college(e.ptr, out, err), err)
    return ffi.gc(out[0], lib.tly_outcome_free)


# ---------------------------------------------------------------- results

@dataclass
class Candidate:
    """A candidate's national result (``votes`` exact; ``share`` a percent
    string as the CLI prints it)."""
    name: str
    party: str
    votes: int
    share: Any
    ev_pledged: int
    ev_cast: int


@dataclass
class Unit:
    """A unit of the College as counted: a state, DC, Maine's or
    Nebraska's at-large electors ("ME") or one of their districts
    ("ME-2"); ``level`` is "state" or "district"."""
    code: str
    level: str
    electors: int
    winner: Optional[str]
    votes: Dict[str, int]


@dataclass
class Faithless:
    """Electors of ``state`` pledged to ``pledged`` who voted for ``cast``
    (``None``: abstained); ``counted`` is False when a what-if gave that
    state's electors to someone else."""
    state: str
    pledged: str
    cast: Optional[str]
    electors: int
    counted: bool


@dataclass
class Result:
    """The College's result for one election (``tally result --json``)."""
    year: int
    source: str
    winner: Optional[str]
    electors: int
    majority: int
    contingent: List[str]
    candidates: List[Candidate]
    units: List[Unit]
    faithless: List[Faithless]
    notes: List[str]
    json: Dict[str, Any] = field(repr=False)
    _e: Any = field(repr=False, default=None)

    def to_frame(self):
        """The units as a pandas DataFrame: columns code, level, electors,
        winner, then one int64 column of votes per candidate."""
        import pandas as pd
        names = [c.name for c in self.candidates]
        rows = []
        for u in self.units:
            r = {"code": u.code, "level": u.level, "electors": u.electors,
                 "winner": u.winner}
            for n in names:
                r[n] = int(u.votes.get(n, 0))
            rows.append(r)
        df = pd.DataFrame(rows, columns=["code", "level", "electors",
                                         "winner"] + names)
        for n in ["electors"] + names:
            df[n] = df[n].astype("int64")
        return df

    def candidates_frame(self):
        """The candidates as a pandas DataFrame."""
        import pandas as pd
        return pd.DataFrame([c.__dict__ for c in self.candidates])


def _cname(e: _Election, i: int) -> Optional[str]:
    if i < 0:
        return None
    return ffi.string(lib.tly_election_candidate(e.ptr, i).name).decode()


def _result(e: _Election, o: Any, j: Dict[str, Any]) -> Result:
    units = []
    for u in j.get("jurisdictions", []):
        code = u["code"]
        level = "district" if "-" in code else "state"
        i = lib.tly_election_find_unit(e.ptr, _b(code))
        if i >= 0:
            level = ("district" if lib.tly_election_unit(e.ptr, i).parent
                     >= 0 else "state")
        units.append(Unit(code, level, u["electors"], u.get("winner"),
                          dict(u.get("votes", {}))))
    faithless = []
    for i in range(lib.tly_election_n_cast_records(e.ptr)):
        r = lib.tly_election_cast_record(e.ptr, i)
        faithless.append(Faithless(
            ffi.string(lib.tly_election_unit(e.ptr, r.unit).code).decode(),
            _cname(e, r.pledged), _cname(e, r.cast), int(r.electors),
            bool(lib.tly_outcome_cast_applies(e.ptr, o, i))))
    notes = j.get("notes") or []
    if isinstance(notes, str):
        notes = [n for n in notes.split("\n") if n]
    cands = [Candidate(c["name"], c.get("party", ""), c["votes"],
                       c.get("share"), c["ev_pledged"], c["ev_cast"])
             for c in j.get("candidates", [])]
    return Result(j["year"], j["source"], j.get("winner"), j["electors"],
                  j["majority"], list(j.get("contingent") or []), cands,
                  units, faithless, list(notes), j, e)


def years() -> Table:
    """The built-in elections: [{"year", "census", "sources"}], as
    ``tally years --json``."""
    return _table(_json(lib.tly_json_years, ffi.NULL))


class Areas(dict):
    """Counties or congressional districts of a built-in year (``tally
    result YEAR --counties|--districts --json``): the keys of the CLI's
    JSON, with "areas" a :class:`Table`; ``.to_frame()`` gives one row per
    area with the vote columns flattened ("dem", "rep", ... as int64)."""

    def to_frame(self):
        """The areas as a pandas DataFrame: code, state, name, one int64
        column per vote column of the source (nullable Int64, <NA> where
        the source lacks the column in a state), total,
        margin_dem_minus_rep, dem_pct, rep_pct, population."""
        import pandas as pd
        cols = list(self.get("candidates", {}).keys())
        rows = []
        for a in self["areas"]:
            r = {"code": a["code"], "state": a["state"], "name": a["name"]}
            for k in cols:
                r[k] = a["votes"].get(k)
            for k in ("total", "margin_dem_minus_rep", "dem_pct", "rep_pct",
                      "population"):
                r[k] = a.get(k)
            rows.append(r)
        df = pd.DataFrame(rows, columns=["code", "state", "name"] + cols +
                          ["total", "margin_dem_minus_rep", "dem_pct",
                           "rep_pct", "population"])
        for k in cols + ["total", "margin_dem_minus_rep"]:
            # A column the source lacks in a state is null (CSV: empty):
            # pandas' nullable Int64 with <NA> there, int64 otherwise.
            df[k] = df[k].astype("Int64" if df[k].isna().any() else "int64")
        return df


def _areas(e: _Election, state: Optional[str], districts: bool) -> Areas:
    out = ffi.new("tly_areas **")
    err = ffi.new("tly_error *")
    st = _b(state) if state is not None else ffi.NULL
    fn = lib.tly_areas_districts if districts else lib.tly_areas_counties
    _check(fn(lib.tly_election_year(e.ptr), st, ffi.NULL, out, err), err)
    t = ffi.gc(out[0], lib.tly_areas_free)
    j = Areas(_json(lib.tly_json_areas, t, e.ptr))
    j["areas"] = _table(j.get("areas", []))
    return j


def result(election: Union[int, str, os.PathLike, Any] = 2024, *,
           source: Optional[str] = None,
           year: Optional[int] = None, counties: bool = False,
           districts: bool = False,
           state: Optional[str] = None) -> Union[Result, Areas]:
    """The College's result of a built-in year (``source`` "medsl",
    "fec" or "history"; by default the year's own: MEDSL from 1976, the
    historical record before) or of a file tally reads (``year`` picks one
    election of a multi-year file), as ``tally result ... --json``. With
    ``counties=True`` (2000-2024) or ``districts=True`` (2008-2024) the
    built-in year's counties or congressional districts instead, as
    :class:`Areas` (``state`` limits them to one state), with each state
    whose sum differs from its state return."""
    if counties or districts:
        if counties and districts:
            raise TallyError("counties and districts exclude each other",
                             "TLY_EINVAL")
        if not isinstance(election, int):
            raise TallyError("counties and districts need a built-in year",
                             "TLY_EINVAL")
        return _areas(_election(election, source, year), state, districts)
    if state is not None:
        raise TallyError("state applies to counties and districts here; "
                         "a state's row is in .units", "TLY_EINVAL")
    e = _election(election, source, year)
    o = _college(e)
    return _result(e, o, _json(lib.tly_json_result, e.ptr, o))


def load(path_or_file: Union[str, os.PathLike, Any],
         year: Optional[int] = None) -> Result:
    """Loads any election file tally reads (a path or an open file) and
    counts its College: ``TallyError`` with ``.file``, ``.line``, ``.col``
    on bad input."""
    return result(path_or_file, year=year)


# ---------------------------------------------------------------- what-ifs

def _spec(without=None, reapportion=None, census=None, seats=None,
          method=None, swing=None, set=None, tie=None, rule=None, npv=None,
          drop=None, delegation=None, split=None, move=None, merge=None,
          admit=None):
    sp = ffi.new("tly_whatif_spec **")
    err = ffi.new("tly_error *")
    _check(lib.tly_whatif_spec_new(ffi.NULL, sp, err), err)
    s = ffi.gc(sp[0], lib.tly_whatif_spec_free)
    pairs = []

    def lst(v):
        return [v] if isinstance(v, (str, int)) else list(v)

    def mapping(v):
        if isinstance(v, Mapping):
            return [f"{k}={c}" for k, c in v.items()]
        return lst(v)

    if without is not None:
        pairs.append(("without", ",".join(str(x) for x in lst(without))))
    if reapportion is not None and reapportion is not False:
        pairs.append(("reapportion", "true"))
        if not isinstance(reapportion, bool):
            pairs.append(("census", str(reapportion)))
    if census is not None:
        pairs.append(("census", str(census)))
    if seats is not None:
        pairs.append(("seats", str(seats)))
    if method is not None:
        pairs.append(("method", str(method)))
    if swing is not None:
        pairs.append(("swing", swing if isinstance(swing, str)
                      else repr(swing)))
    if set is not None:
        pairs += [("set", x) for x in mapping(set)]
    if tie is not None:
        pairs += [("tie", x) for x in mapping(tie)]
    if rule is not None:
        pairs.append(("rule", str(rule)))
    if npv is not None:
        pairs.append(("npv", ",".join(str(x) for x in lst(npv))))
    if drop is not None:
        pairs += [("drop", x) for x in mapping(drop)]
    if delegation is not None:
        pairs += [("delegation", x) for x in mapping(delegation)]
    for key, v in (("split", split), ("move", move), ("merge", merge),
                   ("admit", admit)):
        if v is not None:
            pairs += [(key, x) for x in lst(v)]
    for k, v in pairs:
        _check(lib.tly_whatif_spec_set(s, _b(k), _b(v), err), err)
    _check(lib.tly_whatif_spec_check(s, err), err)
    return s, bool(pairs)


def _apply(e: _Election, spec) -> _Election:
    out = ffi.new("tly_election **")
    err = ffi.new("tly_error *")
    _check(lib.tly_whatif_spec_apply(e.ptr, spec, out, err), err)
    return _Election(out[0])


@dataclass
class WhatIf:
    """A what-if beside its baseline (``tally whatif --json``): both
    :class:`Result`, the ``changes`` by unit and the what-if in words."""
    baseline: Result
    whatif: Result
    changes: Table
    description: str
    json: Dict[str, Any] = field(repr=False)


def whatif(election: Union[int, str, os.PathLike] = 2024, *,
           source: Optional[str] = None, year: Optional[int] = None,
           without: Optional[Union[str, Sequence[str]]] = None,
           reapportion: Union[bool, int, None] = None,
           census: Optional[int] = None, seats: Optional[int] = None,
           method: Optional[str] = None,
           swing: Union[float, str, None] = None,
           set: Union[Mapping[str, str], Sequence[str], None] = None,
           tie: Union[Mapping[str, str], Sequence[str], None] = None,
           rule: Optional[str] = None,
           npv: Union[str, int, Sequence[str], None] = None,
           drop: Union[Mapping[str, str], Sequence[str], str, None] = None,
           delegation: Union[Mapping[str, str], Sequence[str], None] = None,
           split: Union[str, Sequence[str], None] = None,
           move: Union[str, Sequence[str], None] = None,
           merge: Union[str, Sequence[str], None] = None,
           admit: Union[str, Sequence[str], None] = None) -> WhatIf:
    """The election under the what-if options of ``tally whatif`` (the
    library's what-if specification: without (states, or county FIPS),
    reapportion (True or a census year), census, seats, method, swing
    (points toward the Democrat; a string is taken exactly), set/tie
    ({"WI": "D"} or ["WI=D"]), rule, npv, drop ({"Nader": "D:45,R:20"} or
    ["Nader=D:45,R:20"]), delegation ({"TX": "split"}), split ("cal3" or
    "ST=CODE:FIPS,...;CODE:FIPS,..."), move ("greater-idaho" or
    "FIPS,...=ST"), merge ("ND,SD=DAK"), admit ("DC" or "PR:3200000")),
    applied in the library's order; a contingent election, when no one has
    a majority, is in ``.json["whatif"]``."""
    e = _election(election, source, year)
    spec, _ = _spec(without, reapportion, census, seats, method, swing, set,
                    tie, rule, npv, drop, delegation, split, move, merge,
                    admit)
    w = _apply(e, spec)
    ob, ow = _college(e), _college(w)
    j = _json(lib.tly_json_whatif, e.ptr, ob, w.ptr, ow)
    buf = ffi.new("char[1024]")
    lib.tly_whatif_spec_describe(spec, buf, 1024)
    return WhatIf(_result(e, ob, j["baseline"]), _result(w, ow, j["whatif"]),
                  _table(j.get("changes", [])),
                  ffi.string(buf).decode(), j)


def _maybe_whatif(election, source, year, wi: Dict[str, Any]) -> _Election:
    e = _election(election, source, year)
    spec, any_ = _spec(**wi)
    return _apply(e, spec) if any_ else e


# ---------------------------------------------------------------- analyses

def _census_years() -> List[int]:
    n = lib.tly_census_years(ffi.NULL, 0)
    ys = ffi.new("int[]", max(n, 1))
    lib.tly_census_years(ys, n)
    return [int(ys[i]) for i in range(n)]


def apportion(census: int = 2020, *, method: Optional[str] = None,
              seats: Optional[int] = None,
              without: Optional[Sequence[str]] = None,
              priority: bool = False, next: int = 5) -> Dict[str, Any]:
    """The House apportioned on a census (``tally apportion --json``).
    1970-2020: a dict with "states" (a :class:`Table`), "last_seat",
    "next_in_line" and, with ``priority``, the "priority" list (method
    default "huntington-hill", seats 435). 1790-1960: the seats as
    apportioned ("seats_of_record", "method_of_record", "source",
    "population" and its "note"), and with ``method``, ``seats`` (default:
    the House of record), ``without`` or ``priority`` the census recomputed
    from its population, each state's "seats" and "change"."""
    err = ffi.new("tly_error *")
    m = ffi.new("int *")
    ws = [_b(w) for w in (without or [])]
    keep = [ffi.new("char[]", w) for w in ws]
    arr = ffi.new("const char *[]", keep) if keep else ffi.NULL
    out = ffi.new("tly_apportionment **")
    if int(census) not in _census_years():
        info = ffi.new("tly_census_record *")
        n = ffi.new("size_t *")
        rows = ffi.new("tly_census_row[]", 64)
        _check(lib.tly_census_record_rows(int(census), ffi.NULL, info, rows,
                                          64, n, err), err)
        r = ffi.NULL
        if method is not None or seats is not None or keep or priority:
            if method is not None:
                _check(lib.tly_method_from_name(_b(method), m, err), err)
            else:
                m[0] = info.method
            _check(lib.tly_apportion_record(int(census), int(seats or 0),
                                            m[0], arr, len(keep), ffi.NULL,
                                            out, err), err)
            r = ffi.gc(out[0], lib.tly_apportionment_free)
        j = _json(lib.tly_json_census_record, int(census), r)
        j["states"] = _table(j["states"])
        return j
    _check(lib.tly_method_from_name(_b(method or "huntington-hill"), m,
                                    err), err)
    _check(lib.tly_apportion_census(int(census), int(seats or 435), m[0],
                                    arr, len(keep), ffi.NULL, out, err),
           err)
    r = ffi.gc(out[0], lib.tly_apportionment_free)
    j = _json(lib.tly_json_apportionment, r, int(census), int(next),
              bool(priority))
    for k in ("states", "next_in_line", "priority"):
        if k in j and isinstance(j[k], list):
            j[k] = _table(j[k])
    return j


_WI_KEYS = ("without", "reapportion", "census", "seats", "method", "swing",
            "set", "tie", "rule", "npv", "drop", "delegation", "split",
            "move", "merge", "admit")


def _split(kw: Dict[str, Any]) -> Dict[str, Any]:
    bad = [k for k in kw if k not in _WI_KEYS]
    if bad:
        raise TypeError(f"unknown option {bad[0]!r}")
    return kw


def flip(election: Union[int, str, os.PathLike] = 2024, *,
         target: str = "win", to: Optional[str] = None,
         source: Optional[str] = None, year: Optional[int] = None,
         **whatif_options: Any) -> Dict[str, Any]:
    """The fewest voters whose switch would have given the runner-up (or
    ``to``) the Presidency (``target="win"``) or a tie, as ``tally flip
    --json``; what-if options as :func:`whatif`. "units" is a
    :class:`Table`."""
    e = _maybe_whatif(election, source, year, _split(whatif_options))
    if target not in ("win", "tie"):
        raise TallyError(f"target is win or tie, not \"{target}\"",
                         "TLY_EINVAL")
    t = -1
    if to is not None:
        t = lib.tly_election_find_candidate(e.ptr, _b(to))
        if t < 0:
            raise TallyError(f"to '{to}' matches no single candidate",
                             "TLY_ENOTFOUND")
    opts = ffi.new("tly_flip_opts *", {"target": 0 if target == "win" else 1,
                                        "to": t})
    out = ffi.new("tly_flip **")
    err = ffi.new("tly_error *")
    _check(lib.tly_flip_compute(e.ptr, opts, out, err), err)
    f = ffi.gc(out[0], lib.tly_flip_free)
    j = _json(lib.tly_json_flip, e.ptr, f)
    j["units"] = _table(j.get("units", []))
    return j


def tipping(election: Union[int, str, os.PathLike] = 2024, *,
            source: Optional[str] = None, year: Optional[int] = None,
            **whatif_options: Any) -> Dict[str, Any]:
    """The tipping-point unit, as ``tally tipping --json``; "order" is a
    :class:`Table`. What-if options as :func:`whatif`."""
    e = _maybe_whatif(election, source, year, _split(whatif_options))
    out = ffi.new("tly_tipping **")
    err = ffi.new("tly_error *")
    _check(lib.tly_tipping_compute(e.ptr, out, err), err)
    t = ffi.gc(out[0], lib.tly_tipping_free)
    j = _json(lib.tly_json_tipping, e.ptr, t)
    j["order"] = _table(j.get("order", []))
    j["no_margin"] = _table(j.get("no_margin", []))
    return j


_INDEX = {"banzhaf": 0, "shapley": 1}
_UNITS = {"states": 0, "districts": 1}


def power(election: Union[int, str, os.PathLike, None] = 2024, *,
          index: str = "banzhaf", units: str = "states",
          census: Optional[int] = None, source: Optional[str] = None,
          year: Optional[int] = None) -> Dict[str, Any]:
    """Voting power of each unit in the College game (``tally power
    --json``): ``index`` "banzhaf" or "shapley", ``units`` "states" or
    "districts"; ``census=2020`` plays the game of a built-in census
    instead of an election. "units" is a :class:`Table`."""
    if index not in _INDEX:
        raise TallyError(f"index is banzhaf or shapley, not \"{index}\"",
                         "TLY_EINVAL")
    if units not in _UNITS:
        raise TallyError(f"units is states or districts, not \"{units}\"",
                         "TLY_EINVAL")
    out = ffi.new("tly_power **")
    err = ffi.new("tly_error *")
    if census is not None:
        _check(lib.tly_power_census(int(census), _INDEX[index],
                                    _UNITS[units], ffi.NULL, out, err), err)
    else:
        e = _election(election, source, year)
        _check(lib.tly_power_election(e.ptr, _INDEX[index], _UNITS[units],
                                      out, err), err)
    p = ffi.gc(out[0], lib.tly_power_free)
    j = _json(lib.tly_json_power, p)
    j["units"] = _table(j.get("units", []))
    return j


def history(from_: Optional[int] = None, to: Optional[int] = None
            ) -> Dict[str, Any]:
    """Every built-in election from ``from_`` to ``to`` (inclusive; None:
    no bound), one row each counted by the rules in force that year, as
    ``tally history --json``: "elections" (a :class:`Table`: year, source,
    rule, president, by_house, president_ev, runner_up, runner_up_ev,
    electors, majority, states, states_voted, total_votes, pv_leader,
    pv_leader_votes, pv_margin, pv_leader_lost) and "notes" (how 1960 is
    counted; where the historical record differs from MEDSL)."""
    out = ffi.new("tly_history **")
    err = ffi.new("tly_error *")
    _check(lib.tly_history_compute(int(from_ or 0), int(to or 0), ffi.NULL,
                                   out, err), err)
    h = ffi.gc(out[0], lib.tly_history_free)
    j = _json(lib.tly_json_history, h)
    j["elections"] = _table(j["elections"])
    return j


# ---------------------------------------------------------------- forecast

@dataclass
class Forecast:
    """A forecast's outcome distribution (``tally forecast --json``):
    P(win) by party ("D", "R"), P(no majority), the Democrat's electoral
    votes (``ev_histogram`` P(EV = k) for k = 0..electors, a numpy array
    when numpy is installed; ``ev_quantiles`` by percent), the units
    (P(win), P(tipping point)) as a :class:`Table`, and with
    ``draws=True`` the simulated Democratic EV totals."""
    p_win: Dict[str, float]
    p_no_majority: float
    ev_mean: float
    ev_quantiles: Dict[str, int]
    ev_histogram: Any
    units: Table
    electors: int
    majority: int
    json: Dict[str, Any] = field(repr=False)
    draws: Any = None


def _array(values: List[Any], dtype: str) -> Any:
    try:
        import numpy as np
    except ImportError:
        return list(values)
    return np.asarray(values, dtype=dtype)


def _model_csv(model: Any):
    """(name, bytes or None) of a model: a path, a DataFrame or rows."""
    if isinstance(model, (str, os.PathLike)):
        return os.fspath(model), None
    if hasattr(model, "to_csv"):
        return "<DataFrame>", model.to_csv(index=False).encode("utf-8")
    rows = list(model)
    if not rows:
        raise TallyError("the model has no rows", "TLY_EINVAL")
    if isinstance(rows[0], Mapping):
        cols = list(rows[0].keys())
        lines = [",".join(cols)]
        lines += [",".join(str(r[c]) for c in cols) for r in rows]
    else:
        lines = [",".join(str(x) for x in r) for r in rows]
    return "<rows>", ("\n".join(lines) + "\n").encode("utf-8")


def forecast(model: Any = None, *, electors: Optional[int] = None,
             national_sd: Optional[float] = None,
             regions: Optional[str] = None,
             region_sd: Optional[float] = None,
             df: Optional[float] = None, corr: Optional[str] = None,
             corr_repair: bool = False, method: Optional[str] = None,
             sims: Optional[int] = None, seed: Optional[int] = None,
             threads: int = 1,
             given: Union[Mapping[str, str], str, None] = None,
             draws: bool = False,
             polls: Union[str, os.PathLike, None] = None) -> Forecast:
    """The outcome distribution of a model (``tally forecast --json``):
    ``model`` is a CSV path, a pandas DataFrame or a list of rows (dicts,
    or lists with the header first) with code, mean, sd and optionally
    electors and turnout. The options are the CLI's (the library's forecast
    setup): electors (a year), national_sd, regions ("census4",
    "census9" or a file), region_sd, df, corr (a file), corr_repair, method
    ("auto", "exact", "mc"), sims, seed, threads (default 1), given
    ({"PA": "D"} or "PA=D,WI=R"). The run releases the GIL.
    ``polls=PATH`` (with ``model=None``) makes the model from a poll file
    as ``tally forecast --polls``: averaged as :func:`tally.polls` does by
    default, national_sd the error model's unless given."""
    sp = ffi.new("tly_forecast_setup **")
    err = ffi.new("tly_error *")
    _check(lib.tly_forecast_setup_new(ffi.NULL, sp, err), err)
    su = ffi.gc(sp[0], lib.tly_forecast_setup_free)
    if isinstance(given, Mapping):
        given = ",".join(f"{k}={v}" for k, v in given.items())
    keys = [("files", "yes"), ("threads", threads), ("electors", electors),
            ("national_sd", national_sd), ("regions", regions),
            ("region_sd", region_sd), ("df", df), ("corr", corr),
            ("corr_repair", "yes" if corr_repair else None),
            ("method", method), ("sims", sims), ("seed", seed),
            ("given", given)]
    for k, v in keys:
        if v is None:
            continue
        text = repr(v) if isinstance(v, float) else str(v)
        _check(lib.tly_forecast_setup_set(su, _b(k), _b(text), err), err)
    if polls is not None:
        if model is not None:
            raise TallyError("polls replaces the model: give one of them",
                             "TLY_EINVAL")
        from .polls import model_csv
        data, nsd = model_csv(polls)
        name = os.fspath(polls)
        if national_sd is None:
            _check(lib.tly_forecast_setup_set(su, b"national_sd",
                                              _b("%.17f" % nsd), err), err)
    elif model is None:
        raise TallyError("a model (path, DataFrame or rows) or polls is "
                         "needed", "TLY_EINVAL")
    else:
        name, data = _model_csv(model)
    mp = ffi.new("tly_forecast_model **")
    opts = ffi.new("tly_forecast_opts *")
    _check(lib.tly_forecast_setup_build(
        su, _b(name), data if data is not None else ffi.NULL,
        len(data) if data is not None else 0, mp, opts, ffi.NULL, err), err)
    m = ffi.gc(mp[0], lib.tly_forecast_model_free)
    chunks: List[bytes] = []
    h = ffi.new_handle(chunks)
    if draws:
        opts.draws = WRITER
        opts.draws_ud = h
    fp = ffi.new("tly_forecast **")
    _check(lib.tly_forecast_run(m, opts, fp, err), err)
    f = ffi.gc(fp[0], lib.tly_forecast_free)
    j = _json(lib.tly_json_forecast, m, f)
    ev = None
    if draws:
        text = b"".join(chunks).decode().splitlines()[1:]
        ev = _array([int(line.split(",", 2)[1]) for line in text], "int64")
    return Forecast(dict(j["p_win"]), j["p_no_majority"], j["ev_mean"],
                    dict(j["ev_quantiles"]),
                    _array(j["ev_histogram"], "float64"),
                    _table(j.get("units", [])), j["electors"], j["majority"],
                    j, ev)


from .process import amend, recount, audit  # noqa: E402
from . import initiative  # noqa: E402
from .polls import polls  # noqa: E402
