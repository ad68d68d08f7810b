"""Arm tags: a marker that only names the arm a sentence binds ("LVEF below 50% (HER2 arm)", "QTc > 470 ms for the
RET cohort"). The tag gives the sentence a scope; the marker in it is the arm's name, not a rule on the tumour."""

from __future__ import annotations

import re

from trialmatch.criteria.rules.biomarker.cues import normalise
from trialmatch.criteria.rules.biomarker.phrases import names_marker
from trialmatch.criteria.rules.prefilter import folded
from trialmatch.criteria.rules.reader.vocabulary import ASSIGNED_NOUN

_GROUP_NOUN = ASSIGNED_NOUN  # "arm", "cohort", "sub-study", "stratum", "basket": the shared reader's words
# One of these is in every word _GROUP_NOUN matches, without case (tests/test_speed_equivalence.py spells out all
# of them): "substud" and "stratum", not "stud" and "strat", which "study" and "administration" hold.
GROUP_NOUN_NEEDLES = ("arm", "cohort", "group", "module", "sub-stud", "substud", "stratum", "strata", "basket")
# "(HER2 arm)", "(for the RET cohort)", "(EGFR-mutant cohort only)", "(in the ALK group)".
_BRACKETED_TAG = re.compile(
    r"\s*\(\s*(?:(?:for|in|applies\s+to)\s+(?:the\s+)?)?(?P<inner>[^()]{1,40}?)\s+" + _GROUP_NOUN
    + r"(?:\s+only)?\s*\)",
    re.I,
)
# "... for the RET cohort", "..., in the BRAF arm only": the same tag without brackets, after the sentence's content.
_BARE_TAG = re.compile(
    r"[\s,;]*\b(?:for|in)\s+(?:the\s+)?(?:patients?\s+in\s+the\s+)?(?P<inner>[\w\-+/ ]{1,30}?)\s+" + _GROUP_NOUN
    + r"(?:\s+only)?\b",
    re.I,
)
# The tag's inner words must be a group's name: no verb, no "with" ("for patients with EGFR mutation in the arm").
_NOT_A_NAME = re.compile(r"\b(?:with|without|who|whose|must|have|has|had|are|is|not|no|prior|previous)\b", re.I)


def without_arm_tags(sentence: str) -> tuple[str, bool]:
    """The sentence without the arm tags a marker names, and whether one was cut. A tag at the sentence's start
    ("For the HER2 arm: ...") is a label, read elsewhere, and stays."""
    low = folded(sentence)
    if not any(needle in low for needle in GROUP_NOUN_NEEDLES):
        # Every tag holds a group noun: a sentence with none (2,736 of 2,804 calls on the 1 MB real text) keeps its
        # text, as the two substitutions would leave it, without their lazy inner words tried after every "for"/"in".
        return sentence, False
    cut = False

    def drop(match: re.Match[str]) -> str:
        nonlocal cut
        inner = match.group("inner")
        if match.start() == 0 or _NOT_A_NAME.search(inner) or not names_marker(normalise(inner)):
            return match.group(0)
        cut = True
        return ""

    text = _BRACKETED_TAG.sub(drop, sentence)
    text = _BARE_TAG.sub(drop, text)
    return (text.strip(" ,;"), True) if cut else (sentence, False)
