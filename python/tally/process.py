"""The processes around an election (tally.h, "Processes"): Article V
(:func:`amend`), state recount triggers (:func:`recount`) and BRAVO
risk-limiting audits (:func:`audit`). Each returns the dict of the CLI's
``--json`` for the same arguments, written by the library."""
from __future__ import annotations

import os
from typing import Any, Dict, Optional, Sequence, Tuple, Union

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


_SEED = 20121108           # the CLI's default seed (cmd_audit.c)
_TRIALS = 1000             # the CLI's default number of simulated audits
_MAX_UNKNOWN = 1000000     # the cap when the ballots cast are unknown


def _ladder(upto: float) -> Sequence[int]:
    """The sample sizes at which k_min is shown, as the CLI: 10, 20, 50,
    100, ... up to the first at or past `upto` (16 at most)."""
    out = []
    p = 10
    while len(out) < 16:
        for s in (1, 2, 5):
            out.append(p * s)
            if p * s >= upto or len(out) == 16:
                return out
        p *= 10
    return out


def audit(election: Union[int, str, os.PathLike, None] = None, *,
          state: Optional[str] = None,
          shares: Optional[Tuple[float, float]] = None,
          ballots: int = 0, risk: float = 0.05, seed: int = _SEED,
          trials: Optional[int] = None, max_sample: int = 0,
          source: Optional[str] = None,
          year: Optional[int] = None) -> Dict[str, Any]:
    """A BRAVO ballot-polling audit (Lindeman, Stark and Yates 2012), as
    ``tally audit --json``: either an election and ``state`` (the shares
    are the top two candidates' shares of the state's votes) or
    ``shares=(W, L)`` with optional ``ballots``. ``trials`` defaults to
    1,000 (fewer when more would not fit the library's budget; an explicit
    number is run whole or refused), ``seed`` to the CLI's."""
    if (shares is not None) == (election is not None or state is not None):
        raise TallyError("give an election and state, or shares (one of "
                           "them)", "TLY_EINVAL")
    o = ffi.new("tly_bravo_opts *")
    o.risk = float(risk)
    o.seed = int(seed)
    o.trials = int(trials if trials is not None else _TRIALS)
    e = None
    unit = -1
    if shares is not None:
        o.p_winner, o.p_loser = float(shares[0]), float(shares[1])
        o.ballots = int(ballots)
        if o.p_winner == o.p_loser:
            raise TallyError("shares tied: no ballot-polling audit can "
                               "confirm a winner; a full hand count is "
                               "needed", "TLY_EINVAL")
    else:
        if state is None:
            raise TallyError("which state? (state=...)", "TLY_EINVAL")
        e = _election(election, source, year)
        unit = lib.tly_election_find_unit(e.ptr, _b(state))
        if (unit < 0 or lib.tly_election_unit(e.ptr, unit).parent >= 0
                or not lib.tly_election_unit(e.ptr, unit).has_votes):
            raise TallyError(f"unknown state '{state}'", "TLY_ENOTFOUND")
        # The top two by votes, the aggregate "Others" left out: as the CLI.
        w = l = -1
        for i in range(lib.tly_election_n_candidates(e.ptr)):
            k = lib.tly_election_candidate(e.ptr, i)
            if (ffi.string(k.name) == b"Others"
                    and ffi.string(k.party) == b""):
                continue
            v = lib.tly_election_votes(e.ptr, unit, i)
            if w < 0 or v > lib.tly_election_votes(e.ptr, unit, w):
                l, w = w, i
            elif l < 0 or v > lib.tly_election_votes(e.ptr, unit, l):
                l = i
        total = lib.tly_election_unit_total(e.ptr, unit)
        vw = lib.tly_election_votes(e.ptr, unit, w) if w >= 0 else 0
        vl = lib.tly_election_votes(e.ptr, unit, l) if l >= 0 else 0
        if l < 0 or vl == 0 or vw == vl or total <= 0:
            raise TallyError(f"{state}: the top two are tied or alone: no "
                               "ballot-polling audit can confirm a winner",
                               "TLY_EINVAL")
        o.p_winner = vw / total
        o.p_loser = vl / total
        o.ballots = total
    o.max_sample = (int(max_sample) if max_sample > 0
                    else o.ballots if o.ballots > 0 else _MAX_UNKNOWN)
    fit = lib.tly_bravo_max_trials(o)
    if trials is None and fit >= 1 and o.trials > fit:
        o.trials = fit
    r = ffi.new("tly_bravo_result *")
    err = ffi.new("tly_error *")
    _check(lib.tly_bravo_simulate(o, r, err), err)
    upto = min(4 * r.asn * (o.p_winner + o.p_loser), float(o.max_sample))
    n_at = list(_ladder(upto))
    arr = ffi.new("int64_t[]", n_at)
    return _json(lib.tly_json_bravo, o, r, arr, len(n_at),
                   e.ptr if e is not None else ffi.NULL, unit)
