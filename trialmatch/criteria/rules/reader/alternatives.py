"""Alternatives written inside one criterion: one clause per group, so no group's rule binds the others.

- a lead-in naming groups, then a list: "Cohorts: (1) EGFR-mutant after osimertinib; (2) ALK-positive after an
  ALK TKI", "Cohort assignment: EGFR (osimertinib-pretreated); ALK (lorlatinib-pretreated)";
- labelled groups one after another: "Cohort A: EGFR-mutant; Cohort B: KRAS G12C";
- "X; otherwise Y", "Prior therapy: (a) a platinum doublet; or (b) an EGFR TKI": options a patient may fit one of;
- a markdown table of groups ("| Cohort | Marker | Prior therapy |" then "| A | EGFR ... | osimertinib |"): one
  line per row, "Cohort A: EGFR ...; osimertinib", as the same cohorts written as bullets read.

Each clause keeps the words that lead in to the list ("For patients with EGFR mutation: ..."), so it keeps the
criterion's own scope, and gets a group of its own (see text.py). Anchored patterns, no backtracking runs.
"""

from __future__ import annotations

import re

# The words a lead-in names groups with: "Cohorts:", "Eligible populations:", "Cohort assignment:", "Arms:".
_GROUPS_LEAD = re.compile(
    r"^\W{0,3}(?P<lead>(?:[\w-]+\s+){0,3}?(?P<kind>cohort|population|group|arm|part|sub-?stud(?:y|ie)|strat(?:um|a))"
    r"(?:s|\s+assignment|\s+allocation)?(?:\s+\([^()]{0,30}\))?)\s*:\s*(?P<items>.+)$",
    re.I,
)
_ITEM_MARK = re.compile(r"^\s*(?:\((?P<a>[a-z0-9]{1,3})\)|(?P<b>[a-z0-9]{1,3})\))\s*", re.I)
_SEMICOLON = re.compile(r";\s+(?:(?:and/)?or\s+)?")
# "Cohort A: ...; Cohort B: ...": where a labelled group opens after a semicolon.
# "Arm B (non-squamous, without EGFR or ALK alterations), after platinum" / "Cohort 2 (KRAS G12C) after sotorasib":
# the group's own words may stand in a bracket after its label, the rest of its rule after the bracket.
_GROUP_LABEL = (r"(?:cohort|arm|part|group|population|sub-?study|module|stratum)[\s-]*"
                r"(?:\d{1,2}[a-z]?|[a-h]\d?|[ivx]{1,4})\b")
_NEXT_LABELLED = re.compile(
    r";\s+(?:and\s+|or\s+)?(?=" + _GROUP_LABEL + r"\s*"
    r"(?:\([^()]{0,40}\)\s*[:\-\u2013]|\((?:[^()]|\([^()]{0,30}\)){2,120}\)\s*[,:\-\u2013]?\s*[\w(]|[:\-\u2013]))",
    re.I,
)
_OPENS_LABELLED = re.compile(r"^\W{0,3}" + _GROUP_LABEL, re.I)
# "X; otherwise Y", "X; otherwise, Y".
_OTHERWISE = re.compile(r";\s+otherwise\b,?\s*", re.I)
# "...: (a) X; or (b) Y; or (c) Z": options, each numbered, joined by "; or".
_OR_NUMBERED = re.compile(r";\s+or\s+(?=\((?:[a-h]|[1-9]|i{1,3}|iv|v)\)\s)", re.I)
_FIRST_NUMBERED = re.compile(r"\((?:a|1|i)\)\s+")
_LEAD = re.compile(r"^(?P<lead>[^:;()]{3,80}:)\s+")  # "For patients with EGFR mutation:", "Prior therapy:"


def alternative_clauses(text: str) -> list[tuple[str, str]] | None:
    """(clause, its group's label) for each alternative a criterion lists, or None when it lists none."""
    if ";" not in text:
        return None
    return _labelled(text) or _group_list(text) or _options(text)


def _labelled(text: str) -> list[tuple[str, str]] | None:
    if not _OPENS_LABELLED.match(text):
        return None
    pieces = [p.strip() for p in _NEXT_LABELLED.split(text) if p.strip()]
    if len(pieces) < 2:
        return None
    return [(piece.rstrip(";"), "") for piece in pieces]  # each names its own group


def _group_list(text: str) -> list[tuple[str, str]] | None:
    match = _GROUPS_LEAD.match(text)
    if match is None or _OPENS_LABELLED.match(text):
        return None
    items = [item.strip().rstrip(";.").strip() for item in _SEMICOLON.split(match.group("items"))]
    items = [item for item in items if item]
    if len(items) < 2:
        return None
    # The kinds the dimensions read as groups a patient may join one of ("Eligible populations:" -> "Cohort 1").
    kind = match.group("kind").lower()
    kind = kind if kind in {"cohort", "arm", "part", "group"} else "cohort"
    clauses = []
    for number, item in enumerate(items, start=1):
        mark = _ITEM_MARK.match(item)
        label = (mark.group("a") or mark.group("b")) if mark else str(number)
        clauses.append((item[mark.end():] if mark else item, f"{kind.capitalize()} {label}"))
    return clauses


def _options(text: str) -> list[tuple[str, str]] | None:
    if _OTHERWISE.search(text):
        pieces = _OTHERWISE.split(text)
    elif _OR_NUMBERED.search(text) and _FIRST_NUMBERED.search(text):
        pieces = _OR_NUMBERED.split(text)
    else:
        return None
    pieces = [p.strip().rstrip(";.").strip() for p in pieces if p.strip()]
    if len(pieces) < 2:
        return None
    lead = _LEAD.match(pieces[0])
    words = lead.group("lead") if lead else ""
    # Each option is a group a patient may fit ("Group 2 (one of the alternatives)").
    clauses = [(pieces[0], _OPTION.format(1))]
    clauses += [(f"{words} {piece}".strip(), _OPTION.format(n)) for n, piece in enumerate(pieces[1:], start=2)]
    return clauses


_OPTION = "Group {} (one of the alternatives)"


# A markdown table row: "| A | EGFR exon 19 deletion | progressed on osimertinib |".
_ROW = re.compile(r"^\s*\|(?P<cells>.*)\|\s*$")
_RULE_ROW = re.compile(r"^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$")
_GROUP_HEADER = re.compile(r"^\W{0,3}(?:cohort|arm|group|part|population|sub-?study|stratum)s?\W{0,3}$", re.I)


def table_rows(lines: list[str]) -> list[str] | None:
    """The lines of a markdown table of groups, one per row ("Cohort A: EGFR ...; progressed on osimertinib"),
    or None when the lines are no such table (a table whose first column is no group stays as it is)."""
    if len(lines) < 3 or not _RULE_ROW.match(lines[1]):
        return None
    first = _ROW.match(lines[0])
    header = [cell.strip() for cell in first.group("cells").split("|")] if first else []
    if not header or not _GROUP_HEADER.match(header[0]):
        return None
    kind = header[0].strip(" *_").rstrip("s").capitalize()
    rows = []
    for line in lines[2:]:
        match = _ROW.match(line)
        if match is None:
            return None
        cells = [cell.strip() for cell in match.group("cells").split("|")]
        if not cells[0]:
            return None
        label = cells[0] if cells[0].lower().startswith(kind.lower()) else f"{kind} {cells[0]}"
        rest = "; ".join(cell for cell in cells[1:] if cell and cell not in {"-", "\u2013"})
        rows.append(f"{label}: {rest}")
    return rows
