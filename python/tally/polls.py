"""Polling averages from FiveThirtyEight's poll files (tally.h, "Polls";
FiveThirtyEight data, CC BY 4.0), as ``tally polls --json``, and the
forecast model they make (``tally forecast --polls``)."""
from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Tuple, Union

from ._lib import ffi, lib, WRITER
from . import TallyError, _b, _check, _json, _table

_DEDUPE = {"latest-per-pollster": 0, "none": 1}


def _load(path: Union[str, os.PathLike], cycle: Optional[int]) -> Any:
    out = ffi.new("tly_polls **")
    err = ffi.new("tly_error *")
    ro = ffi.new("tly_polls_read_opts *", {"cycle": int(cycle or 0)})
    _check(lib.tly_polls_load(_b(os.fspath(path)), ro, ffi.NULL, out, err),
           err)
    return ffi.gc(out[0], lib.tly_polls_free)


def _opts(as_of: Optional[str], window: Optional[int],
          population: Optional[str], dedupe: Optional[str]) -> Any:
    o = ffi.new("tly_polls_avg_opts *")
    lib.tly_polls_avg_opts_init(o)
    err = ffi.new("tly_error *")
    if as_of is not None:
        _check(lib.tly_date_parse(_b(as_of), ffi.addressof(o, "as_of"),
                                  err), err)
    if window is not None:
        if not 1 <= int(window) <= 3660:
            raise TallyError(f"window needs 1 to 3660 days, not {window}",
                             "TLY_EINVAL")
        o.window_days = int(window)
    if population is not None:
        p = _b(population)
        if len(p) >= 16:
            raise TallyError(f"population '{population}' is too long",
                             "TLY_EINVAL")
        o.populations = p
    if dedupe is not None:
        if dedupe not in _DEDUPE:
            raise TallyError("dedupe is latest-per-pollster or none, not "
                             f"'{dedupe}'", "TLY_EINVAL")
        o.dedupe = _DEDUPE[dedupe]
    return o


def polls(path: Union[str, os.PathLike, None] = None, *,
          cycle: Optional[int] = None, as_of: Optional[str] = None,
          window: Optional[int] = None, population: Optional[str] = None,
          dedupe: Optional[str] = None,
          backtest: Optional[int] = None) -> Dict[str, Any]:
    """Per-state polling averages of a poll file (plain or gzip), as
    ``tally polls FILE --json``: the options are the CLI's (cycle, as_of
    "YYYY-MM-DD", window days, population order "lv,rv,v,a", dedupe
    "latest-per-pollster" or "none"); "units" is a :class:`tally.Table`.
    ``backtest=2016`` or ``2020`` scores the averages as of the day before
    that election against the certified results (the built-in table when
    ``path`` is None), as ``tally polls --backtest``."""
    o = _opts(as_of, window, population, dedupe)
    err = ffi.new("tly_error *")
    if backtest is not None:
        if backtest not in (2016, 2020):
            raise TallyError(f"backtest is 2016 or 2020, not {backtest}",
                             "TLY_EINVAL")
        if as_of is not None:
            raise TallyError("backtest sets the date (the day before the "
                             "election): drop as_of", "TLY_EINVAL")
        if cycle is not None and cycle != backtest:
            raise TallyError("cycle and backtest disagree", "TLY_EINVAL")
        p = _load(path, backtest) if path is not None else ffi.NULL
        out = ffi.new("tly_polls_backtest **")
        _check(lib.tly_polls_backtest_run(p, int(backtest), o, out, err),
               err)
        b = ffi.gc(out[0], lib.tly_polls_backtest_free)
        return _json(lib.tly_json_polls_backtest, b)
    if path is None:
        raise TallyError("missing the poll file", "TLY_EINVAL")
    v = _average(_load(path, cycle), o)
    j = _json(lib.tly_json_polls, v)
    if isinstance(j.get("units"), list):
        j["units"] = _table(j["units"])
    return j


def _average(p: Any, o: Any) -> Any:
    out = ffi.new("tly_polls_average **")
    err = ffi.new("tly_error *")
    _check(lib.tly_polls_average_run(p, o, out, err), err)
    return ffi.gc(out[0], lib.tly_polls_average_free)


def model_csv(path: Union[str, os.PathLike]) -> Tuple[bytes, float]:
    """The forecast input ``code,mean,sd,electors`` that ``tally polls
    FILE --model`` writes (default averaging), and the national sd its
    error model recommends."""
    v = _average(_load(path, None), ffi.NULL)
    chunks: List[bytes] = []
    h = ffi.new_handle(chunks)
    err = ffi.new("tly_error *")
    _check(lib.tly_polls_write_model(v, WRITER, h, err), err)
    return b"".join(chunks), float(lib.tly_polls_average_calib(v).national_sd)
