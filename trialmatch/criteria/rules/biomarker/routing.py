"""Allocation sentences: which module, sub-study or arm a patient goes to ("Module allocation is based on biomarker
status: matched group (e.g. STK11 alteration, MET amplification) or non-matched group (no relevant biomarker
identified)"). Routing is not eligibility: the markers named say where a patient goes, not who may join."""

from __future__ import annotations

import re

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.reader.vocabulary import ASSIGNED_NOUN

# "module", "sub-study", "basket" (the shared reader's words); "treatment arm", "study arm": a word before the noun.
_GROUP = ASSIGNED_NOUN
_BASIS = (r"(?:based\s+on|determined\s+by|according\s+to|dependent\s+on|depending\s+on|guided\s+by"
          r"|on\s+the\s+basis\s+of)")
_ALLOCATION = guarded(
    # "Module allocation is based on ...", "Assignment to a sub-study will be determined by ..."
    r"\b(?:(?:" + ASSIGNED_NOUN + r"|treatment)\s+)?(?:allocation|assignment)"
    r"(?:\s+(?:to|into)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?" + _GROUP + r")?\s+(?:is|will\s+be|are|shall\s+be)\s+" + _BASIS
    # "Patients will be assigned to a sub-study according to ...", "... allocated to one of the modules based on"
    + r"|\b(?:will\s+be|are|is|to\s+be|be)\s+(?:assigned|allocated|triaged|directed)\s+(?:in)?to\s+"
    r"(?:an?\s+|the\s+|one\s+of\s+the\s+)?(?:[\w\-]+\s+){0,2}?" + _GROUP + r"\s+" + _BASIS,
    re.I,
)
# A branch for patients with none of the markers: the routing takes everyone.
_NO_MARKER_BRANCH = re.compile(
    r"\bnon-?(?:matched|biomarker|selected)\b|\bunmatched\b|\bbiomarker-?negative\b|\ball[\s\-]comers?\b"
    r"|\b(?:no|absence\s+of|without)\s+(?:an?\s+|any\s+)?(?:\w+\s+){0,2}?"
    r"(?:biomarkers?|mechanisms?|alterations?|markers?|drivers?|aberrations?)\b",
    re.I,
)


def allocation_start(sentence: str) -> int | None:
    """Where an allocation phrase starts in the sentence, or None."""
    match = _ALLOCATION.search(sentence)
    return None if match is None else match.start()


def takes_everyone(allocation: str) -> bool:
    """Does the allocation text name a branch for patients with none of its markers?"""
    return _NO_MARKER_BRANCH.search(allocation) is not None
