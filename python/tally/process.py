"""The processes around an election (tally.h, "Processes"): Article V
(:func:`amend`), state recount triggers (:func:`recount`) and BRAVO
risk-limiting audits (:func:`audit`). Each returns the dict of the CLI's
``--json`` for the same arguments, written by the library."""
from __future__ import annotations

import os
from typing import Any, Dict, Optional, Tuple, Union

from ._lib import ffi, lib
from . import TallyError, _b, _check, _election, _json, _table

_AMEND_STEPS = ("passes", "house", "senate", "states")


def amend(*, house_yeas: int, house_nays: int, senate_yeas: int,
          senate_nays: int, ratified: int, states: int = 50,
          house_members: int = 435,
          senate_members: Optional[int] = None) -> Dict[str, Any]:
    """Whether an amendment to the Constitution clears Article V, as
    ``tally amend --json``: two-thirds of the members present and voting in
    each House (a quorum present), then three-fourths of ``states``.
    ``senate_members`` defaults to 2 a state. The dict has "passes",
    "failed_step" (None, "house", "senate" or "states"), "house",
    "senate" and "states"."""
    v = ffi.new("tly_amend_votes *", {
        "house_yeas": int(house_yeas), "house_nays": int(house_nays),
        "house_members": int(house_members),
        "senate_yeas": int(senate_yeas), "senate_nays": int(senate_nays),
        "senate_members": int(senate_members or 0),
        "ratified": int(ratified), "states": int(states)})
    r = ffi.new("tly_amend_result *")
    err = ffi.new("tly_error *")
    _check(lib.tly_amend_check(v, r, err), err)
    return _json(lib.tly_json_amend, r)


def recount(election: Union[int, str, os.PathLike] = 2024, *,
            state: Optional[str] = None, source: Optional[str] = None,
            year: Optional[int] = None) -> Dict[str, Any]:
    """Which states' margins fell within their recount thresholds (the
    built-in trigger table, each rule with its source), as ``tally recount
    --json``; ``state`` limits it to one state. "recounts" is a
    :class:`tally.Table`."""
    e = _election(election, source, year)
    cap = lib.tly_recount_n_triggers()
    rows = ffi.new("tly_recount_check[]", max(cap, 1))
    n = ffi.new("size_t *")
    err = ffi.new("tly_error *")
    st = _b(state) if state is not None else ffi.NULL
    _check(lib.tly_recount_check_election(e.ptr, st, rows, cap, n, err),
             err)
    j = _json(lib.tly_json_recount, e.ptr, rows, n[0])
    j["recounts"] = _table(j.get("recounts", []))
    return j


def audit(election: Union[int, str, os.PathLike, None] = None, *,
          state: Optional[str] = None,
          shares: Optional[Tuple[float, float]] = None,
          ballots: int = 0, risk: float = 0.05,
          seed: int = lib.TLY_BRAVO_SEED, trials: int = 0,
          max_sample: int = 0, source: Optional[str] = None,
          year: Optional[int] = None) -> Dict[str, Any]:
    """A BRAVO ballot-polling audit (Lindeman, Stark and Yates 2012), as
    ``tally audit --json``: either an election and ``state`` (the library
    takes the top two candidates' shares of the state's votes, and the
    votes as the ballots cast) or ``shares=(W, L)``, the winner's and
    loser's shares of all ballots, with optional ``ballots``. ``trials``
    0 is the default, 1,000 (fewer when more would not fit the library's
    budget of ballots drawn; a number given is run whole or refused);
    ``max_sample`` 0 is the ballots cast (1,000,000 when unknown); ``seed``
    defaults to the CLI's, 20121108."""
    if (shares is not None) == (election is not None or state is not None):
        raise TallyError("give an election and state, or shares (one of "
                         "them)", "TLY_EINVAL")
    o = ffi.new("tly_bravo_opts *")
    o.risk = float(risk)
    o.seed = int(seed)
    o.trials = int(trials)
    o.max_sample = int(max_sample)
    err = ffi.new("tly_error *")
    e = None
    unit = -1
    if shares is not None:
        o.p_winner, o.p_loser = float(shares[0]), float(shares[1])
        o.ballots = int(ballots)
    else:
        if state is None:
            raise TallyError("which state? (state=...)", "TLY_EINVAL")
        if ballots:
            raise TallyError("ballots goes with shares (a state's ballots "
                             "come from its results)", "TLY_EINVAL")
        e = _election(election, source, year)
        c = ffi.new("tly_bravo_contest *")
        _check(lib.tly_bravo_contest_find(e.ptr, _b(state), o, c, err), err)
        unit = c.unit
    lib.tly_bravo_defaults(o)
    r = ffi.new("tly_bravo_result *")
    _check(lib.tly_bravo_simulate(o, r, err), err)
    n_at = ffi.new("int64_t[]", 16)
    n_k = lib.tly_bravo_ladder(o, r, n_at, 16)
    return _json(lib.tly_json_bravo, o, r, n_at, n_k,
                 e.ptr if e is not None else ffi.NULL, unit)
