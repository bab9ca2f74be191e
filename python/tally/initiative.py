"""A California initiative by the rules as written (Cal. Const. art. II
§8(b)): the signatures it needs, as ``tally initiative requirement
--json``."""
from __future__ import annotations

from typing import Any, Dict

from ._lib import ffi, lib
from . import TallyError, _check, _json

_KINDS = {"statute": 0, "amendment": 1}


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
