"""A parse runs with the cycle collector paused, and leaves it as it found it."""

from __future__ import annotations

import gc

import pytest

from trialmatch.criteria.collector import collector_paused
from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.text import TrialText, split_criteria


@collector_paused
def _state() -> bool:
    return gc.isenabled()


@collector_paused
def _fails() -> None:
    raise ValueError("unreadable")


@collector_paused
def _nested() -> tuple[bool, bool]:
    return _state(), gc.isenabled()


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    assert gc.isenabled()
    assert _state() is False
    assert gc.isenabled()


def test_an_error_inside_turns_the_collector_back_on() -> None:
    with pytest.raises(ValueError, match="unreadable"):
        _fails()
    assert gc.isenabled()


def test_a_paused_call_inside_another_leaves_the_switch_to_the_outer_one() -> None:
    assert _nested() == (False, False)
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        assert _state() is False
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_every_dimension_and_the_split_run_paused() -> None:
    seen: list[bool] = []
    criteria = tuple(split_criteria("Inclusion Criteria:\n\n* ECOG 0-1\n* EGFR mutation\n\nExclusion Criteria:\n\n"
                                    "* Active brain metastases"))
    text = TrialText(nct_id="NCT00000001", title="Study", criteria=criteria)
    for module in DIMENSIONS.values():
        assert getattr(module.parse, "__wrapped__", None) is not None  # collector_paused keeps the function
        module.parse(text)
        seen.append(gc.isenabled())
    assert all(seen)
    assert getattr(split_criteria, "__wrapped__", None) is not None
