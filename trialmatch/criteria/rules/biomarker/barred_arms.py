"""Arms barred to NSCLC: "Participants whose cancer type is one for which the assigned agent is already approved are
not eligible for that arm (e.g., NSCLC is not eligible for the EGFR, ALK and TMB-high arms)". An arm listed there
is no way in for an NSCLC patient, so the sub-bullet naming that arm's marker ("EGFR (erlotinib): activating EGFR
mutation") sets no way in; the sentence itself names arms, not a marker the tumour must have.

Flat alternations and bounded windows only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trialmatch.criteria.text import Criterion

_NSCLC = r"(?:NSCLC|non-?\s?small[\s-]+cell\s+lung\s+(?:cancer|carcinoma)|lung\s+cancer)"
_GROUP = r"(?:arms?|cohorts?|modules?|baskets?|sub-?studies|sub-?study)"
# "NSCLC is not eligible for the EGFR, ALK and TMB-high arms", "patients with NSCLC are excluded from the ALK cohort"
_BARRED = re.compile(
    r"\b" + _NSCLC + r"\s+(?:patients\s+|participants\s+)?(?:is|are)\s+(?:also\s+)?"
    r"(?:not\s+eligible|ineligible|excluded|not\s+allowed)\s+(?:for|from|in(?:to)?)\s+(?:the\s+)?"
    r"(?P<arms>[\w\-+/, ]{1,80}?)\s+" + _GROUP + r"\b",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,|/|\band\b|\bor\b)\s*", re.I)
# A sub-bullet that opens on its arm's name: "EGFR (erlotinib): ...", "TMB-high (atezolizumab): ...".
_ARM_LABEL = re.compile(r"^\s*(?P<name>[\w\-+/ ]{1,30}?)\s*(?:\([^()]{0,60}\))?\s*:")


def _key(name: str) -> str:
    return re.sub(r"[\s\-]+", "", name).lower()


def barred_arms(texts: Iterable[str]) -> frozenset[str]:
    """The arm names the criteria close to NSCLC (normalised: "tmbhigh", "egfr")."""
    arms: set[str] = set()
    for text in texts:
        if "arm" not in text.lower() and "cohort" not in text.lower() and "module" not in text.lower():
            continue
        for found in _BARRED.finditer(text):
            arms.update(_key(a) for a in _SPLIT.split(found.group("arms")) if a.strip())
    arms.discard("")
    return frozenset(arms)


def is_bar(text: str) -> bool:
    """Whether the criterion is the bar itself (it names arms closed to NSCLC, no marker of the patient's)."""
    return _BARRED.search(text) is not None


def barred_label(text: str, arms: frozenset[str]) -> bool:
    """A sub-bullet labelled with one of the barred arms' names."""
    label = _ARM_LABEL.match(text)
    return bool(arms) and label is not None and _key(label.group("name")) in arms


def barred_skips(criteria: Sequence[Criterion]) -> set[int]:
    """Positions of the inclusion criteria to leave unread: the bar itself and the barred arms' sub-bullets. When
    every arm under one lead-in is barred, nothing of that list is left out (no way in at all is not read here)."""
    arms = barred_arms(c.text for c in criteria if c.section == "inclusion")
    if not arms:
        return set()
    skip: set[int] = set()
    by_parent: dict[str, list[int]] = {}
    for position, criterion in enumerate(criteria):
        if criterion.section != "inclusion":
            continue
        if is_bar(criterion.text):
            skip.add(position)
        elif criterion.depth > 0:
            by_parent.setdefault(criterion.parent, []).append(position)
    for positions in by_parent.values():
        closed = [p for p in positions if barred_label(criteria[p].text, arms)]
        if closed and len(closed) < len(positions):
            skip.update(closed)
    return skip
