"""Items of a list whose lead-in makes them alternatives or a subgroup's conditions, not everyone's requirements.

- "Stable disease allowed provided 1 of the following criteria is met:", "Patients older than 75 are eligible if
  all of the following hold:": the items are conditions for that subgroup only (others join without them);
- "One of the following:", "Any of the following:", "at least one of the following", "Either:": each item is one
  way in, so a histology named there binds no one when another item names something else ("EGFR mutation").

The list is the lead-in's sub-bullets or, written flat, the next few bullets of its section at its depth (up to a
capitalised heading such as "PATIENT CHARACTERISTICS:"). Where a flat list ends is not written: a few items past it
may be read as part of it, which can only turn an exclusion into a question.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from trialmatch.criteria.text import Criterion, TrialText

_ONE_OF = re.compile(
    r"\b(?:(?:one|1|any|either)(?:\s+or\s+more)?|at\s+least\s+(?:one|1))\s+of\s+the\s+(?:following|below|criteria)\b"
    r"|\beither\s*:\s*$",
    re.I,
)
# A permission held on a condition: "allowed provided", "are eligible if", "may enrol only if".
_PERMITTED_IF = re.compile(
    r"\b(?:allowed|permitted|eligible|acceptable|accepted|included|enrol?led|may\s+(?:enrol\w*|participate|join"
    r"|be\s+(?:enrol?led|included|eligible|considered))|can\s+(?:enrol\w*|participate|be\s+(?:enrol?led|included)))"
    r"\b[^:;]{0,30}?\b(?:provided|providing|if|only\s+if|as\s+long\s+as|when|on\s+condition)\b",
    re.I,
)
# Whom a permission names when it is everyone: "Patients are eligible if ...", "Eligible if ...".
_EVERYONE = re.compile(
    r"^\W*(?:(?:all|the)\s+)?(?:(?:patients?|participants?|subjects?|individuals?|people|persons?)\s+)?"
    r"(?:(?:are|is|will\s+be|shall\s+be|must\s+be|may\s+be|to\s+be)\s+)?\W*$",
    re.I,
)
FLAT_ITEMS = 6  # "provided 1 of the following:" then EGFR, "2 of 3 factors:", female, never smoked, histology


def _lead_kind(text: str) -> str | None:
    """ "condition" for a subgroup's permission on conditions, "alternatives" for a list of ways in, else None."""
    if not text.rstrip().endswith(":"):
        return None
    permitted = _PERMITTED_IF.search(text)
    if permitted and not _EVERYONE.match(text[:permitted.start()]):
        return "condition"
    return "alternatives" if _ONE_OF.search(text) else None


def _heading(criterion: Criterion) -> bool:
    """ "PATIENT CHARACTERISTICS:": a heading that ends any list before it."""
    letters = [ch for ch in criterion.text if ch.isalpha()]
    return bool(letters) and criterion.text.rstrip().endswith(":") and all(ch.isupper() for ch in letters)


def _items(criteria: list[Criterion], position: int) -> list[Criterion]:
    head = criteria[position]
    items: list[Criterion] = []
    flat = 0
    for criterion in criteria[position + 1:]:
        if criterion.section != head.section or _heading(criterion) or criterion.depth < head.depth:
            break
        if criterion.depth == head.depth:
            flat += 1
            if flat > FLAT_ITEMS or (flat == 1 and items and len(items) > 1):
                break  # after sub-bullets, the next bullet at the head's level is a criterion of its own
        items.append(criterion)
    return items


def list_items(criteria: list[Criterion], position: int) -> list[Criterion]:
    """The items of the list criteria[position] leads in: its sub-bullets, or the next few flat bullets."""
    return _items(criteria, position)


def listed_ways_in(text: TrialText, names_it: Callable[[str], bool]) -> set[int]:
    """The inclusion criteria (by index) a conditional or alternatives lead-in makes no one's requirement, for a fact
    `names_it` finds: all items under a subgroup's condition; under "one of the following", only when another item
    names no such fact (a list of histologies alone is the set the trial takes)."""
    criteria = text.inclusion
    soft: set[int] = set()
    for position, criterion in enumerate(criteria):
        kind = _lead_kind(criterion.text)
        if kind is None:
            continue
        items = _items(criteria, position)
        named = [item for item in items if names_it(item.text)]
        if not named:
            continue
        if kind == "condition" or len(named) < len(items):
            soft.update(item.index for item in named)
    return soft
