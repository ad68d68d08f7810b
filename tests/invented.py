"""Invented one-trial texts for the rule tests: criteria under the two usual headings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from trialmatch.criteria.parse import DIMENSIONS, parse_text
from trialmatch.criteria.text import TrialText, split_criteria


def invented_trial(inclusion: str = "", exclusion: str = "", title: str = "A trial",
                   conditions: Sequence[str] = ()) -> TrialText:
    """A trial whose criteria are `inclusion` and `exclusion` (markdown bullets) under their headings."""
    markdown = f"Inclusion Criteria:\n\n{inclusion}\n\nExclusion Criteria:\n\n{exclusion}\n"
    return TrialText(nct_id="NCT00000000", title=title, conditions=tuple(conditions),
                     criteria=tuple(split_criteria(markdown)))


def whole_parse_verdict(text: TrialText, dimension: str, patient: Any) -> str:
    """One dimension's verdict for `patient` on an invented trial read by the whole parse (every dimension at once,
    as a sync reads a record)."""
    rules = parse_text(text)
    return str(DIMENSIONS[dimension].check(rules[dimension], patient).verdict)
