"""The patients without actionable alterations, told by the list their sibling group gives.

"Subjects without AGA: progression after platinum and an anti-PD-(L)1" beside "Subjects with AGA (EGFR, ALK, ROS1,
NTRK, BRAF, RET, MET ex14): ...", or "Patients whose tumours do not harbour any of the alterations listed in (b)"
beside "(b) Patients with a known EGFR, ALK, ROS1 ... alteration": the two groups split the patients between them
by that one list, so a carrier of a driver outside it (NRG1, KRAS G12D) is one of the patients without, whatever
other trials call actionable. Only one list given for the "with" side is taken; with several (one cohort per gene),
"without actionable alterations" keeps its own meaning.

The list may also be a criterion of its own under the group's heading: "For participants with actionable genomic
alterations: * Has documentation of one or more of the following actionable genomic alterations: EGFR, ALK, ROS1,
NTRK, BRAF, RET, or MET" (listed_groups).
"""

from __future__ import annotations

import re
from typing import Any

from trialmatch.criteria.rules.prior_therapy.scope import DRIVER_GENES
from trialmatch.criteria.rules.reader.scope import genes_named
from trialmatch.criteria.text import TrialText

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


# "Has documentation of one or more of the following actionable genomic alterations: EGFR, ALK, ...", "Documented
# presence of one of these alterations: ...": the list that says who the group's patients are.
_DOCUMENTED_LIST = re.compile(
    r"\b(?:documentation|documented|evidence|presence|known)\b[^:;.]{0,80}?\b(?:following|these|listed)\b[^:;.]{0,60}?"
    r"\b(?:alterations?|mutations?|aberrations?|drivers?|rearrangements?|variants?)\s*:\s*(?P<genes>[^;.]{3,160})",
    re.I)


def _documented_lists(text: TrialText) -> dict[str, tuple[str, ...]]:
    """Per "with" driver-class heading (its label), the genes a criterion under it documents."""
    found: dict[str, tuple[str, ...]] = {}
    for crit in text.criteria:
        scope = crit.scope
        if crit.section != "inclusion" or scope is None or not scope.drivers or scope.absent:
            continue
        match = _DOCUMENTED_LIST.search(crit.text)
        genes = tuple(g for g in genes_named(match.group("genes")) if g in DRIVER_GENES) if match else ()
        if len(genes) >= _MIN_LIST:
            found[scope.label] = genes
    return found


def listed_groups(text: TrialText, rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rules of driver-class groups (the shared reader's scope) told by the one list a criterion under the "with"
    heading documents: each rule of that group, and of the group without, gets the list as its group (aga)."""
    if not any((rule.get("scope") or {}).get("drivers") for rule in rules):
        return rules
    lists = _documented_lists(text)
    if len(set(lists.values())) != 1:
        return rules
    (label, genes), = list(lists.items())[:1]
    out = []
    for rule in rules:
        scope = rule.get("scope") or {}
        if scope.get("drivers") and not rule.get("aga") and rule["section"] == "inclusion" \
                and not scope.get("subgroup") and (scope.get("absent") or scope.get("label") == label):
            rule = {**rule, "aga": {"with": not scope.get("absent"), "strict": True, "genes": list(genes),
                                    "or_unknown": False}}
        out.append(rule)
    return out
