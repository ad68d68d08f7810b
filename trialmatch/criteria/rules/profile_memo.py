"""Answers kept for one profile while a whole index is checked against it.

The same rule ("no prior EGFR TKI", "sensitising EGFR mutation") recurs in thousands of trials,
so a check asks the profile once and keeps the answer here, under a key naming the rule's content.
Entries hold the profile itself and are used only for that very object, so an answer can never
leak to another patient; only the last few profiles are kept.
"""

from __future__ import annotations

from typing import Any

from trialmatch.criteria.rules.patient import Patient

_MEMO: dict[int, tuple[Patient, dict[str, dict[Any, Any]]]] = {}
_MEMO_PROFILES = 16
# The last profile asked about per space: an index is checked one profile at a time, so this
# answers almost every call (it runs once per trial) without the lookups below.
_LAST: dict[str, tuple[Patient, dict[Any, Any]]] = {}


def memo_for(profile: Patient, space: str) -> dict[Any, Any]:
    """The answers kept for `profile` in one dimension's `space`."""
    last = _LAST.get(space)
    if last is not None and last[0] is profile:
        return last[1]
    answers = _answers(profile, space)
    _LAST[space] = (profile, answers)
    return answers


def _answers(profile: Patient, space: str) -> dict[Any, Any]:
    entry = _MEMO.get(id(profile))
    if entry is None or entry[0] is not profile:
        if len(_MEMO) >= _MEMO_PROFILES:
            _MEMO.clear()
        entry = _MEMO[id(profile)] = (profile, {})
    spaces = entry[1]
    answers = spaces.get(space)
    if answers is None:
        answers = spaces[space] = {}
    return answers


def clear() -> None:
    """Forget every answer (tests start from nothing with it)."""
    _MEMO.clear()
    _LAST.clear()
