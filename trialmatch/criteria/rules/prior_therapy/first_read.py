"""What a sentence names before its context is asked (FirstRead), shared by the sentence reader and the helper
modules it calls (asides, names, not_counted, toxicity, marker_branch), which imported it back from sentence.py:
kept here, below them all, so no module of the package needs the sentence reader to describe its argument."""

from __future__ import annotations

from dataclasses import dataclass

from trialmatch.criteria.rules.prior_therapy.lines import LineLimit
from trialmatch.criteria.rules.prior_therapy.terms import Mention


@dataclass(frozen=True)
class FirstRead:
    """What a sentence names before its context is asked: the sentence says nothing without these."""

    sentence: str
    norm: str
    mentions: list[Mention]
    limits: list[LineLimit]
