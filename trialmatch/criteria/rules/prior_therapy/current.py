"""Treatment going on now, with no drug named: "Patients in active medical treatment", "undergoing active
oncological treatment". A profile lists the drugs had, not whether one is being taken today, so such a
requirement is a question for every patient (unknown), never an exclusion. Named drugs ("currently receiving
a PD-1 inhibitor") are read by the sentence reader as usual.
"""

from __future__ import annotations

import re
from typing import Any

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy.terms import find_mentions, normalize
from trialmatch.criteria.text import TrialText, quote

# "in active medical treatment", "currently on active oncologic therapy", "undergoing ongoing anticancer treatment".
_CURRENT = guarded(
    r"\b(?:in|on|under|undergoing|receiving)\s+(?:an?\s+)?(?:active|ongoing)\s+"
    r"(?:(?:medical|oncologic(?:al)?|systemic|anti-?cancer|anti-?tumou?r|cancer|lung cancer|cancer-directed)\s+)?"
    r"(?:treatment|therapy)\b"
    r"|\bundergoing\s+(?:an?\s+)?(?:(?:medical|oncologic(?:al)?|anti-?cancer|cancer)\s+)?(?:treatment|therapy)\s+for\b"
)
# "Patients not in active treatment", "off active therapy", "no longer on active treatment": the opposite.
# "Progression on ongoing treatment": the course of it, read by the sentence reader.
_NEGATED = re.compile(r"\b(?:not|no|never|without|off|longer|neither|nor|completed|finished|after|progress\w*"
                      r"|relaps\w*|fail\w*|refractory|intoleran\w*)\W+(?:\w+\W+){0,2}$")


def current_treatment_rules(text: TrialText) -> list[dict[str, Any]]:
    """A question rule for an inclusion that asks for treatment going on now, naming no drug."""
    for crit in text.criteria:
        if crit.section != "inclusion" or crit.scope is not None:
            continue
        low = normalize(crit.text)
        # What every _CURRENT match holds ("active" or "ongoing", or "undergoing"; and "treatment" or "therapy"),
        # asked first: most bullets hold neither.
        if ("active" not in low and "ongoing" not in low and "undergoing" not in low) \
                or ("treatment" not in low and "therapy" not in low):
            continue
        found = _CURRENT.search(low)
        if found is None or _NEGATED.search(low, max(0, found.start() - 30), found.start()):
            continue
        if any(not m.systemic for m in find_mentions(low)):
            continue  # a drug or class named: the sentence reader's rule
        return [{"soft": True, "genes": [], "alteration": None, "cohorts": [], "evidence": quote(crit.text),
                 "section": "inclusion", "kind": "require", "groups": [["c:systemic"]], "met_unknown": True,
                 "current": True, "setting": "any"}]
    return []
