"""Sub-bullets that split every patient into a driver group and a no-driver group.

"Prior therapy, by molecular subgroup:" over "No actionable driver (including KRAS-mutant tumours): progression on
platinum and a PD-(L)1 antibody" and "Actionable driver (EGFR, ALK, ROS1 ...): progression on a targeted therapy":
the two labels under one parent name a group and its complement. Every patient is in
one of them (the trial's own definition of which drivers count, "including KRAS-mutant", says where a carrier goes),
so the labels ask for no marker; only the rule after each colon is that group's. Read as rules, the no-driver label
banned its own "including" list trial-wide and the driver label asked for its list, so a KRAS carrier fitted neither.
"""

from __future__ import annotations

import re
from collections import defaultdict

from trialmatch.criteria.rules.reader.scope import driver_class_sign
from trialmatch.criteria.text import Criterion

# A sub-bullet that opens with its group's name and a colon: "No actionable driver (including ...): ...".
_HEAD = re.compile(r"^\W{0,3}(?P<label>[^:;.]{2,160}?)\s*:\s*(?=\S)")
# A name that holds a rule of its own is no bare group name ("Patients with a driver must have: ...").
_RULE_WORD = re.compile(r"\b(?:must|should|shall|required?|excluded|eligible|allowed|permitted|progress\w*|receiv\w*"
                        r"|treated|prior|previous|tested|confirmed|documented)\b", re.I)


def _head(text: str) -> tuple[str, bool] | None:
    """(the group name before the colon, whether it is the no-driver group) of a sub-bullet, or None."""
    match = _HEAD.match(text)
    if match is None or _RULE_WORD.search(match.group("label")):
        return None
    sign = driver_class_sign(match.group("label"))
    return None if sign is None else (match.group("label"), sign)


def complementary_heads(criteria: tuple[Criterion, ...]) -> dict[int, str]:
    """Positions of sub-bullets whose driver-class names, under one parent bullet ("..., by subgroup:", "Prior
    therapy:"), cover both the group with a driver and the group without one: to each, its text after the name
    (that group's own rule). Siblings that are two states of one class take every patient whatever the lead-in."""
    siblings: dict[tuple[str, str], list[tuple[int, str, bool]]] = defaultdict(list)
    for position, criterion in enumerate(criteria):
        if not criterion.depth or not criterion.parent:
            continue
        head = _head(criterion.text)
        if head is not None:
            siblings[(criterion.section, criterion.parent)].append((position, head[0], head[1]))
    out: dict[int, str] = {}
    for heads in siblings.values():
        if {sign for _, _, sign in heads} != {True, False}:
            continue  # one state only: its name may be a rule for that group alone
        for position, _label, _sign in heads:
            text = criteria[position].text
            out[position] = text[_HEAD.match(text).end():]  # type: ignore[union-attr]
    return out
