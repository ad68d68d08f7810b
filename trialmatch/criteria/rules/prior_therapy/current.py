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


# "No radiological progression at any time since start of immunotherapy", "without disease progression on first-line
# X": the line the trial asks for is still working. A profile's listed lines are lines it has had (and moved past).
_NO_PROGRESSION = guarded(
    r"\b(?:no|without)\s+(?:evidence\s+of\s+)?(?:(?:radiological|radiographic|clinical|confirmed|documented|objective)"
    r"\s+)?(?:disease\s+)?progression\b(?P<gap>[^;()]{0,60}?)\b(?:since|during|on|while\s+(?:on|receiving))\s+"
    r"(?:the\s+)?(?:(?:start|initiation|beginning|commencement)\s+of\s+|starting\s+|initiating\s+)?"
    r"(?P<what>[^.;()]{3,80})"
)


_WINDOW_OF_COURSE = re.compile(r"(?:the\s+)?(?:first|initial|last)\s+\S+\s+(?:days?|weeks?|months?|cycles?)\b")


def no_progression_rules(text: TrialText) -> list[dict[str, Any]]:
    """A ban on having moved past the named treatment, for an inclusion asking for no progression since its start
    (verdicts._forbid: "progressed_on")."""
    out: list[dict[str, Any]] = []
    for crit in text.criteria:
        if crit.section != "inclusion" or crit.scope is not None or "progression" not in crit.text.lower():
            continue
        low = normalize(crit.text)
        found = _NO_PROGRESSION.search(low)
        if found is None or "prior to" in found.group("gap") or "before" in found.group("gap") \
                or _WINDOW_OF_COURSE.match(found.group("what")):
            continue  # "no progression during the first 3 months of X": a late way in for those starting X now
        items = [i for m in find_mentions(found.group("what")) if not m.systemic for i in m.items]
        if not items:
            continue
        out.append({"soft": False, "genes": [], "alteration": None, "cohorts": [], "evidence": quote(crit.text),
                    "section": "inclusion", "kind": "forbid", "items": list(dict.fromkeys(items)), "allow": [],
                    "progressed_on": True, "setting": "any"})
    return out
