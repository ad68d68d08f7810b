"""Invented one-trial texts for the rule tests: criteria under the two usual headings."""

from __future__ import annotations

from collections.abc import Sequence

from trialmatch.criteria.text import TrialText, split_criteria


def invented_trial(inclusion: str = "", exclusion: str = "", title: str = "A trial",
                   conditions: Sequence[str] = ()) -> TrialText:
    """A trial whose criteria are `inclusion` and `exclusion` (markdown bullets) under their headings."""
    markdown = f"Inclusion Criteria:\n\n{inclusion}\n\nExclusion Criteria:\n\n{exclusion}\n"
    return TrialText(nct_id="NCT00000000", title=title, conditions=tuple(conditions),
                     criteria=tuple(split_criteria(markdown)))
