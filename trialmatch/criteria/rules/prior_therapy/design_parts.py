"""A lead-in naming parts of a phase 1/2 design by their design words only, beside lines naming other parts.

"* Prior therapy:" over "* Dose escalation and monotherapy expansion: progressed after standard therapy" and
"* Part B (NSCLC, drug X plus chemotherapy): no prior systemic therapy": the first line is the rule of the parts it
names, not of every patient (an untreated patient fits Part B). No code the cohort reader turns into a group
("Phase 1a dose escalation and Phase 1b monotherapy cohorts:", "Escalation and backfill cohorts:") is in it, so
the line names a group of its own, but only when a sibling under the same heading names another part: a lone
"Dose escalation: ..." line may be the whole trial's rule and keeps binding everyone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from trialmatch.criteria.rules.prior_therapy.terms import normalize
from trialmatch.criteria.text import Criterion

# The words that name a part by how it is run; at least one of them must be in the lead-in.
_DESIGN = (r"escalation|dose[\s-]+finding|finding|backfill|back[\s-]+fill|expansion|extension|exploration"
           r"|optimi[sz]ation|run[\s-]+in|lead[\s-]+in|monotherapy|mono[\s-]?therapy|single[\s-]+agent")
# Words that may stand beside them: kinds of part, their phase labels, joining words. Nothing naming a disease, a
# marker or a treatment history: such a lead-in is a group the other readers name (or a condition).
_FILLER = (r"dose|safety|combination|combo|randomi[sz]ed|optional|initial|cohorts?|parts?|phases?|stages?|periods?"
           r"|portions?|arms?|groups?|the|all|both|and|or|for|in|[1-3][ab]?|i{1,2}[ab]?")
_WORD = rf"(?:{_DESIGN}|{_FILLER})"
_LEAD = re.compile(rf"^\W{{0,3}}(?P<lead>{_WORD}(?:\s*(?:,|&|/|\s)\s*{_WORD}){{0,11}})\s*:(?!\S)")
_HAS_DESIGN = re.compile(rf"\b(?:{_DESIGN})\b")


def design_lead(text: str) -> str | None:
    """The lead-in's words when a criterion opens with design words only ("dose escalation and monotherapy
    expansion"), else None."""
    match = _LEAD.match(normalize(text))
    if match is None or not _HAS_DESIGN.search(match.group("lead")):
        return None
    return re.sub(r"\s+", " ", match.group("lead").strip())


def _siblings(criteria: list[Criterion], index: int) -> list[int]:
    """The other criteria at the same level under the same lead (the same section, for a top-level bullet)."""
    crit = criteria[index]
    out = []
    for step in (-1, 1):
        k = index + step
        while 0 <= k < len(criteria):
            other = criteria[k]
            if other.section != crit.section or other.depth < crit.depth:
                break
            if other.depth == crit.depth:
                out.append(k)
            k += step
    return out


def design_part(criteria: list[Criterion], index: int, names_part: Callable[[int], bool]) -> tuple[str, ...]:
    """("part: dose escalation and monotherapy expansion",) when criteria[index] opens with a design lead-in and a
    sibling names another part (names_part: the cohort reader found a group in that sibling); () otherwise."""
    lead = design_lead(criteria[index].text)
    if lead is None:
        return ()
    if not any(names_part(k) for k in _siblings(criteria, index)):
        return ()
    return (f"part: {lead}",)
