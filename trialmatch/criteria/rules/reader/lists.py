"""Scopes over a list of criteria: what a heading, a parent bullet or a trailing heading passes on."""

from __future__ import annotations

import re

from trialmatch.criteria.rules.reader.scope import Scope, ends_scope, heading_scope, merge, read_scope, the_others

# "PD-L1 TPS of 1% or more. Melanoma:": a heading written at the end of a bullet, over the bullets after it.
_TRAILING_HEADING = re.compile(r"[.;]\s+(?P<head>[^.;:]{2,60}:)\s*$")


def trailing_heading(text: str) -> Scope | None:
    """The group a bullet names at its end for the bullets after it, if it does."""
    if not text.endswith(":"):
        return None
    match = _TRAILING_HEADING.search(text)
    return heading_scope(match.group("head")) if match else None


def read_scopes(lines: list[tuple[str, str, int, bool]]) -> list[Scope | None]:
    """The scope of each criterion, given as (text, section, depth, written as a bullet).

    A heading that only names a group ("Phase 1: (dose escalation)", "Cohort B (SCLC):") scopes
    its sub-bullets when it has some; otherwise everything after it in the section, up to the next
    section, "All patients:", or the next plain line (a paragraph, not a bullet): any plain line
    after a bullet heading, a plain line that opens a list (ends with a colon) after a plain one.
    A heading at the end of a bullet ("... Melanoma:") scopes the bullets after it at its depth.
    A criterion's own words ("Part 2A (breast cancer) ...", "... (Arms 2 and 3 only)", "Patients
    with EGFR mutation must ...") add to the scope it inherits.
    """
    scopes: list[Scope | None] = []
    flat: tuple[Scope, str, bool] | None = None  # a heading's scope over the list after it, its section, bullet?
    nested: dict[int, Scope | None] = {}  # the scope each depth passes to its sub-bullets
    trailing: dict[int, Scope] = {}  # a trailing heading's scope over the later bullets of its depth
    before: tuple[int, Scope | None] = (-1, None)  # the last criterion's depth and own scope
    for position, (text, section, depth, is_bullet) in enumerate(lines):
        if flat is not None and (flat[1] != section or ends_scope(text)
                                 or (not is_bullet and (flat[2] or text.rstrip().endswith(":")))):
            flat = None
        below = position + 1 < len(lines) and lines[position + 1][2] > depth
        inherited = nested.get(depth - 1) if depth else None
        for level in [d for d in nested if d >= depth]:
            del nested[level]
        for level in [d for d in trailing if d > depth]:
            del trailing[level]
        if depth in trailing:
            inherited = trailing[depth]  # a sibling heading replaces the parent's group
        base = merge(flat[0] if flat else None, inherited)
        heading, own = read_scope(text)
        if own is None and before[0] == depth:
            own = the_others(text, before[1])  # "All other patients must ..." after "Patients with EGFR ..."
        before = (depth, own)
        if heading is not None:
            if flat is not None and depth == 0 and flat[0].kind == heading.kind:
                base = inherited  # "Part B:" after "Part A:" replaces it; "Cohort 1:" under "Phase 2:" adds
            elif depth in trailing:  # a sibling sub-heading replaces the one before it, under the same parent
                base = merge(flat[0] if flat else None, nested.get(depth - 1))
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
                nested[depth] = scope
            later = trailing_heading(text)
            if later is not None and depth == 0:
                flat = (later, section, is_bullet)  # a top-level list: the new heading takes the old one's place
            elif later is not None:
                trailing[depth] = later
        scopes.append(scope)
    return scopes
