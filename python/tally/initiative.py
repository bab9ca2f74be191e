"""A California initiative by the rules as written (tally.h, "Initiative"):
the signatures it needs (Cal. Const. art. II §8(b)), the Secretary of
State's random-sample projection (Elections Code §9030; Cal. Code Regs.
tit. 2 §§20530-20532) and its deadlines (EC §9014; art. II §8), as
``tally initiative requirement|sample|deadline --json``. Every figure and
decision is the library's; this module only converts arguments and
results."""
from __future__ import annotations

import datetime
import os
from typing import Any, Dict, Iterable, Mapping, Optional, Sequence, Union

from ._lib import ffi, lib
from . import Table, TallyError, _b, _check, _json

_KINDS = {"statute": 0, "amendment": 1}
_FIELDS = ("name", "raw", "sample", "valid", "duplicates")

County = Union[Mapping[str, Any], Sequence[Any]]
Counties = Union[str, os.PathLike, Any, Iterable[County]]
Date = Union[str, datetime.date]


def requirement(governor_votes: int, kind: str = "amendment"
                ) -> Dict[str, Any]:
    """Signatures required: 5 % ("statute") or 8 % ("amendment", the
    default as in the CLI) of the
    votes for Governor at the last gubernatorial election, rounded up; a
    dict with "governor_votes", "percent" and "required"."""
    if kind not in _KINDS:
        raise TallyError(f"kind is statute or amendment, not \"{kind}\"",
                           "TLY_EINVAL")
    req = ffi.new("int64_t *")
    err = ffi.new("tly_error *")
    _check(lib.tly_initiative_requirement(int(governor_votes),
                                            _KINDS[kind], req, err), err)
    return _json(lib.tly_json_initiative_requirement, int(governor_votes),
                   _KINDS[kind], req[0])


def _county_list(counties: Any) -> Any:
    """A path or an open file read by the library's county reader (errors
    carry FILE:LINE:COL); the list is freed with the returned handle."""
    out = ffi.new("tly_county_list **")
    err = ffi.new("tly_error *")
    if hasattr(counties, "read"):
        data = counties.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        name = getattr(counties, "name", "<stream>")
        _check(lib.tly_county_list_parse(_b(name), data, len(data),
                                         ffi.NULL, out, err), err)
    else:
        _check(lib.tly_county_list_load(_b(os.fspath(counties)), ffi.NULL,
                                        out, err), err)
    return ffi.gc(out[0], lib.tly_county_list_free)


def _rows(counties: Any) -> Iterable[County]:
    """The rows of a pandas DataFrame, or the iterable itself."""
    if hasattr(counties, "to_dict") and hasattr(counties, "columns"):
        return counties.to_dict("records")
    return counties


def _county_array(counties: Any):
    """An array of tly_county_sample from dicts (keys name, raw, sample,
    valid, duplicates) or 5-tuples in that order; the names' buffers are
    returned too, to be kept alive while the array is used."""
    rows = list(_rows(counties))
    arr = ffi.new("tly_county_sample[]", max(len(rows), 1))
    keep = []
    for i, row in enumerate(rows):
        if isinstance(row, Mapping):
            missing = [k for k in _FIELDS if k not in row]
            if missing:
                raise TallyError(f"county {i + 1} has no "
                                 f"{', '.join(missing)}", "TLY_EINVAL")
            vals = [row[k] for k in _FIELDS]
        else:
            vals = list(row)
            if len(vals) != 5:
                raise TallyError(f"county {i + 1}: give name, raw, sample, "
                                 f"valid, duplicates (5 values), not "
                                 f"{len(vals)}", "TLY_EINVAL")
        name = ffi.new("char[]", _b(vals[0]))
        keep.append(name)
        arr[i].name = name
        arr[i].raw, arr[i].sample, arr[i].valid, arr[i].duplicates = (
            int(v) for v in vals[1:])
    return arr, len(rows), keep


def sample(required: int, counties: Counties) -> Dict[str, Any]:
    """The random-sample verification of a petition, as ``tally initiative
    sample --json``: each county's projected valid signatures by the
    Secretary of State's formula, their sum, and the decision ("qualifies"
    above 110 % of ``required``, "full_count" from 95 % to 110 %, "fails"
    below 95 % or when the raw total is short of ``required``).

    ``counties`` is a CSV path or an open file with the header name, raw,
    sample, valid, duplicates (the CLI's ``--counties``), a pandas
    DataFrame with those columns, or a list of dicts with those keys or of
    tuples in that order (the CLI's ``--county NAME,RAW,...``).

    The dict has the CLI's keys ("required", "counties" as a
    :class:`tally.Table`, "projected_valid", "percent_of_required",
    "decision") and, from the library's structs, "raw_total" and
    "raw_short", and for each county "min_sample" (the sample the law
    requires), "uncorrected" (V), "duplicates_est" (C) and "examined_all"
    (every signature examined: a count, not a projection)."""
    if isinstance(counties, (str, os.PathLike)) or hasattr(counties,
                                                           "read"):
        lst = _county_list(counties)
        n = lib.tly_county_list_n(lst)
        rows = lib.tly_county_list_rows(lst)
        keep: Any = lst
    else:
        rows, n, keep = _county_array(counties)
    proj = ffi.new("tly_projection[]", max(n, 1))
    res = ffi.new("tly_petition_result *")
    err = ffi.new("tly_error *")
    _check(lib.tly_initiative_decide(int(required), rows, n, proj, res, err),
           err)
    j = _json(lib.tly_json_initiative_sample, res, rows, proj, n)
    del keep  # the names and rows are not used past the writer
    for c, p in zip(j["counties"], proj[0:n]):
        c["min_sample"] = int(p.min_sample)
        c["uncorrected"] = int(p.uncorrected)
        c["duplicates_est"] = int(p.duplicates_est)
        c["examined_all"] = bool(p.examined_all)
    j["counties"] = Table(j["counties"])
    j["raw_total"] = int(res.raw_total)
    j["raw_short"] = bool(res.raw_short)
    return j


def _date(d: Date, what: str) -> Any:
    """A tly_date parsed by the library from "YYYY-MM-DD" (or a date)."""
    s = d.isoformat() if isinstance(d, datetime.date) else str(d)
    out = ffi.new("tly_date *")
    err = ffi.new("tly_error *")
    if lib.tly_date_parse(_b(s), out, err) != 0:
        msg = ffi.string(err.msg).decode("utf-8", "replace")
        st = ffi.string(lib.tly_status_name(err.status)).decode()
        raise TallyError(f"{what}: {msg}", st)
    return out


def _fmt(d: Any) -> str:
    buf = ffi.new("char[16]")
    return ffi.string(lib.tly_date_format(d, buf, 16)).decode()


def deadline(summary_date: Date, election: Optional[Date] = None
             ) -> Dict[str, Any]:
    """The deadlines of an initiative whose official summary date is
    ``summary_date`` ("YYYY-MM-DD" or a :class:`datetime.date`), as
    ``tally initiative deadline --json``: "summary_date",
    "circulation_deadline" (180 days later, moved to the next business day
    past a weekend or California holiday) and "qualify_by" (E-131 of the
    November election ``election``; without it, the first general election
    whose E-131 falls on or after the deadline [assumed]). Also, from the
    library's struct: "day_180", "deadline_moved", "no_filing_fails" (the
    9th working day after the deadline), "election", "election_given" and
    "too_late" (the qualification date precedes the deadline). Dates are
    "YYYY-MM-DD" strings."""
    s = _date(summary_date, "summary_date")
    e = _date(election, "election") if election is not None else ffi.NULL
    d = ffi.new("tly_initiative_dates *")
    err = ffi.new("tly_error *")
    _check(lib.tly_initiative_deadline(s[0], e, d, err), err)
    j = _json(lib.tly_json_initiative_deadline, d)
    j["day_180"] = _fmt(d.day_180)
    j["deadline_moved"] = bool(d.deadline_moved)
    j["no_filing_fails"] = _fmt(d.no_filing_fails)
    j["election"] = _fmt(d.election)
    j["election_given"] = bool(d.election_given)
    j["too_late"] = bool(d.too_late)
    return j
