"""The patients without actionable alterations, told by the list their sibling group gives.

"Subjects without AGA: progression after platinum and an anti-PD-(L)1" beside "Subjects with AGA (EGFR, ALK, ROS1,
NTRK, BRAF, RET, MET ex14): ...", or "Patients whose tumours do not harbour any of the alterations listed in (b)"
beside "(b) Patients with a known EGFR, ALK, ROS1 ... alteration": the two groups split the patients between them
by that one list, so a carrier of a driver outside it (NRG1, KRAS G12D) is one of the patients without, whatever
other trials call actionable. Only one list given for the "with" side is taken; with several (one cohort per gene),
"without actionable alterations" keeps its own meaning.
"""

from __future__ import annotations

import re
from typing import Any

# "... any of the alterations listed in (b)", "none of the alterations above": the group named by a list elsewhere.
_LISTED = re.compile(r"\b(?:listed|above|below|following|named|specified)\b", re.I)
_MIN_LIST = 3  # a list of drivers, not one cohort's gene


def _with_lists(rules: list[dict[str, Any]], by_rule_genes: bool) -> set[tuple[str, ...]]:
    """The gene lists the inclusions give their "with" group by (aga genes; or the rule's own, when asked)."""
    found: set[tuple[str, ...]] = set()
    for rule in rules:
        if rule["section"] != "inclusion":
            continue
        aga = rule.get("aga")
        if aga and aga["with"] and aga.get("genes"):
            found.add(tuple(sorted(aga["genes"])))
        elif by_rule_genes and not aga and len(rule.get("genes") or ()) >= _MIN_LIST:
            found.add(tuple(sorted(rule["genes"])))
    return found


def complement_groups(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rules with each "without" group's genes set to its sibling's one list, where it gives one."""
    out = []
    for rule in rules:
        aga = rule.get("aga")
        if aga and not aga["with"] and not aga.get("genes") and rule["section"] == "inclusion":
            lists = _with_lists(rules, bool(_LISTED.search(rule["evidence"])))
            if len(lists) == 1:
                rule = {**rule, "aga": {**aga, "genes": list(next(iter(lists)))}}
        out.append(rule)
    return out
