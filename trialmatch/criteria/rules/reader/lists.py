"""Scopes over a list of criteria: what a heading, a parent bullet or a trailing heading passes on."""

from __future__ import annotations

import re
from dataclasses import replace

from trialmatch.criteria.rules.reader.cohort_codes import coded_group_line, group_list_kind
from trialmatch.criteria.rules.reader.design_parts import design_lead, design_part
from trialmatch.criteria.rules.reader.scope import (
    GROUP_LINE_MARK,
    HEADING_MARK,
    Scope,
    cancer_name_only,
    ends_scope,
    group_heading,
    heading_scope,
    merge,
    read_scope,
    the_others,
)

# "PD-L1 TPS of 1% or more. Melanoma:": a heading written at the end of a bullet, over the bullets after it.
_TRAILING_HEADING = re.compile(r"[.;]\s+(?P<head>[^.;:]{2,60}:)\s*$")


def _named_cancer(scope: Scope | None, text: str) -> Scope | None:
    """The scope a parent bullet passes on when its whole text is a cancer's name: that cancer, inside the group it
    sits in. Under "Patients with one of the following solid tumours:" it says which of them, so "solid" goes."""
    cancer = cancer_name_only(text)
    if cancer is None:
        return scope
    if scope is not None and "solid" in scope.diseases:
        scope = replace(scope, diseases=tuple(d for d in scope.diseases if d != "solid"))
    return merge(scope, cancer)


def trailing_heading(text: str) -> Scope | None:
    """The group a bullet names at its end for the bullets after it, if it does."""
    if not text.endswith(":"):
        return None
    match = _TRAILING_HEADING.search(text)
    return heading_scope(match.group("head")) if match else None


def _design_parts(lines: list[tuple[str, str, int, bool]]) -> dict[int, Scope]:
    """The part each design lead-in beside named sibling parts names (see design_parts), by position."""
    rows = [(text, section, depth) for text, section, depth, _ in lines]
    found = {position: design_part(rows, position) for position, row in enumerate(rows) if design_lead(row[0])}
    return {position: scope for position, scope in found.items() if scope is not None}


def read_scopes(lines: list[tuple[str, str, int, bool]]) -> list[Scope | None]:
    """The scope of each criterion, given as (text, section, depth, written as a bullet).

    A heading that only names a group ("Phase 1: (dose escalation)", "Cohort B (SCLC):") scopes
    its sub-bullets when it has some; otherwise everything after it in the section, up to the next
    section, "All patients:", or the next plain line (a paragraph, not a bullet): any plain line
    after a bullet heading, a plain line that opens a list (ends with a colon) after a plain one.
    A heading at the end of a bullet ("... Melanoma:") scopes the bullets after it at its depth.
    A criterion's own words ("Part 2A (breast cancer) ...", "... (Arms 2 and 3 only)", "Patients
    with EGFR mutation must ...") add to the scope it inherits.
    A section heading that names a group ("Inclusion Criteria - Cohort 1:", "Phase 2 Inclusion Criteria:",
    given as a line that opens with HEADING_MARK) scopes its whole section, up to the next section heading.
    """
    scopes: list[Scope | None] = []
    section_group: tuple[Scope, str] | None = None  # a section heading's group, and its section
    flat: tuple[Scope, str, bool] | None = None  # a heading's scope over the list after it, its section, bullet?
    nested: dict[int, Scope | None] = {}  # the scope each depth passes to its sub-bullets
    trailing: dict[int, Scope] = {}  # a trailing heading's scope over the later bullets of its depth
    before: tuple[int, Scope | None] = (-1, None)  # the last criterion's depth and own scope
    # The kind of group a parent names over its sub-bullets ("Part 2 cohorts (...):" gives "cohort"): a sub-bullet
    # that opens with a bare code ("2A:", "C1:", "B2 -") is that group, as "Cohort 2A:" is.
    kinds: dict[int, str] = {}
    designs = _design_parts(lines)
    for position, (text, section, depth, is_bullet) in enumerate(lines):
        if text.startswith(HEADING_MARK):
            group = group_heading(text[1:])
            section_group = (group, section) if group is not None else None
            flat, before = None, (-1, None)
            nested.clear()
            trailing.clear()
            scopes.append(group)
            continue
        text = text.removeprefix(GROUP_LINE_MARK)
        if section_group is not None and (section_group[1] != section or ends_scope(text)):
            section_group = None
        if flat is not None and (flat[1] != section or ends_scope(text)
                                 or (not is_bullet and (flat[2] or text.rstrip().endswith(":")))):
            flat = None
        below = position + 1 < len(lines) and lines[position + 1][2] > depth
        inherited = nested.get(depth - 1) if depth else None
        if nested:  # (most lines have neither: no list to build)
            for level in [d for d in nested if d >= depth]:
                del nested[level]
        kind = kinds.get(depth - 1) if depth else None
        if kinds:
            for level in [d for d in kinds if d >= depth]:
                del kinds[level]
        if below and (lead_kind := group_list_kind(text)) is not None:
            kinds[depth] = lead_kind
        if trailing:
            for level in [d for d in trailing if d > depth]:
                del trailing[level]
        if depth in trailing:
            inherited = trailing[depth]  # a sibling heading replaces the parent's group
        # A section heading's group holds over everything in its section (a parent's scope already has it).
        outer = section_group[0] if section_group and inherited is None else None
        base = merge(outer, merge(flat[0] if flat else None, inherited))
        coded = coded_group_line(kind, text) if kind is not None else None
        heading, own = read_scope(coded or text)
        if own is None and heading is None and position in designs:
            own = designs[position]  # "Escalation and backfill cohorts: ..." beside "Part B (NSCLC): ..."
        if own is None and before[0] == depth:
            own = the_others(text, before[1])  # "All other patients must ..." after "Patients with EGFR ..."
        before = (depth, own)
        if heading is not None:
            if flat is not None and depth == 0 and flat[0].kind == heading.kind:
                base = merge(outer, inherited)  # "Part B:" after "Part A:" replaces it; under "Phase 2:" it adds
            elif depth in trailing:  # a sibling sub-heading replaces the one before it, under the same parent
                base = merge(outer, merge(flat[0] if flat else None, nested.get(depth - 1)))
            scope = merge(base, heading)
            if below:
                nested[depth] = scope
            elif depth == 0:
                flat = (merge(inherited, heading) or heading, section, is_bullet)
            else:  # a sub-heading among sibling bullets ("Part B (Dose Expansion):"): over the later siblings
                trailing[depth] = merge(nested.get(depth - 1), heading) or heading
        else:
            scope = merge(base, own)
            if below:
                # "5. Classical Hodgkin Lymphoma (HL)" over its sub-bullets: a cancer's name alone heads them, as
                # "Classical Hodgkin Lymphoma (HL):" does (the line itself keeps its own reading).
                nested[depth] = scope if own is not None else _named_cancer(scope, text)
            later = trailing_heading(text)
            if later is not None and depth == 0:
                flat = (later, section, is_bullet)  # a top-level list: the new heading takes the old one's place
            elif later is not None:
                trailing[depth] = later
        scopes.append(scope)
    return scopes
