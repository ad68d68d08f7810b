"""A lead-in naming parts of a phase 1/2 design by their design words only, beside lines naming other parts.

"* Prior therapy:" over "* Dose escalation and monotherapy expansion: progressed after standard therapy" and
"* Part B (NSCLC, drug X plus chemotherapy): no prior systemic therapy": the first line is the rule of the parts it
names, not of every patient (an untreated patient fits Part B). The scope reader finds no labelled group in it
("Phase 1a dose escalation and Phase 1b monotherapy cohorts:", "Escalation and backfill cohorts:"), so the line names
a group of its own, but only when a sibling under the same heading names another group: a lone "Dose escalation and
expansion: ..." line may be the whole trial's rule and keeps binding everyone. (Moved here from prior_therapy, so
every dimension reads the same part: a performance-status or brain-metastasis rule under such a lead-in binds its
parts alone.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trialmatch.criteria.rules.reader.scope import GROUP_LINE_MARK, HEADING_MARK, Scope, read_scope

# The words that name a part by how it is run; at least one of them must be in the lead-in.
_DESIGN = (r"escalation|dose[\s-]+finding|finding|backfill|back[\s-]+fill|expansion|extension|exploration"
           r"|optimi[sz]ation|run[\s-]+in|lead[\s-]+in|monotherapy|mono[\s-]?therapy|single[\s-]+agent")
# Words that may stand beside them: kinds of part, their phase labels, joining words. Nothing naming a disease, a
# marker or a treatment history: such a lead-in is a group the other readers name (or a condition).
_FILLER = (r"dose|safety|combination|combo|randomi[sz]ed|optional|initial|cohorts?|parts?|phases?|stages?|periods?"
           r"|portions?|arms?|groups?|the|all|both|and|or|for|in|[1-3][ab]?|i{1,2}[ab]?")
_WORD = rf"(?:{_DESIGN}|{_FILLER})"
_LEAD = re.compile(rf"^\W{{0,3}}(?P<lead>{_WORD}(?:\s*(?:,|&|/|\s)\s*{_WORD}){{0,11}})\s*[:\uff1a](?!\S)", re.I)
_HAS_DESIGN = re.compile(rf"\b(?:{_DESIGN})\b", re.I)
# A cheap look before the pattern: every lead-in holds one of these stems (most lines hold none).
_STEMS = ("escalat", "finding", "fill", "expan", "extens", "explor", "optimi", "run", "lead", "mono", "single")
# The kinds of group a sibling may name: a condition on patients or a region is no other part of the design.
_GROUP_KINDS = frozenset({"cohort", "part", "arm", "phase"})


def design_lead(text: str) -> str | None:
    """The lead-in's words, lower case, when a criterion opens with design words only ("dose escalation and
    monotherapy expansion"), else None."""
    head = text[:160].lower()
    if ":" not in head and "\uff1a" not in head or not any(stem in head for stem in _STEMS):
        return None
    match = _LEAD.match(head)
    if match is None or not _HAS_DESIGN.search(match.group("lead")):
        return None
    return re.sub(r"\s+", " ", match.group("lead").strip())


def names_group(text: str) -> bool:
    """Whether a line's own words name a cohort, part, arm or phase ("Part B (NSCLC, first-line): ...")."""
    own = read_scope(text.removeprefix(GROUP_LINE_MARK))[1]
    return own is not None and own.kind in _GROUP_KINDS


def _siblings(rows: Sequence[tuple[str, str, int]], index: int) -> list[int]:
    """The other rows (text, section, depth) at the same level under the same lead (the same section, for a
    top-level line); a section heading bounds them."""
    _, section, depth = rows[index]
    out = []
    for step in (-1, 1):
        k = index + step
        while 0 <= k < len(rows):
            text, other_section, other_depth = rows[k]
            if other_section != section or other_depth < depth or text.startswith(HEADING_MARK):
                break
            if other_depth == depth:
                out.append(k)
            k += step
    return out


def design_part(rows: Sequence[tuple[str, str, int]], index: int) -> Scope | None:
    """The part rows[index] names when it opens with a design lead-in and a sibling's own words name another group;
    None otherwise. The label is the lead-in's words, lower case ("dose escalation and monotherapy expansion")."""
    lead = design_lead(rows[index][0])
    if lead is None:
        return None
    if not any(names_group(rows[k][0]) for k in _siblings(rows, index)):
        return None
    return Scope(lead, "part")
