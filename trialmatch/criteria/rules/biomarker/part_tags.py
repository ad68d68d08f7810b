"""Part tags that cover the whole trial: "EGFR exon 19 deletion or L858R (Phase 1 and Expansion Cohorts A, B and D)
or an uncommon EGFR mutation (Expansion Cohort C)". Each alternative carries the parts it is for; when the tags
together name every part the trial labels, the union of the alternatives binds every patient (a part defined only
by its treatment bullets is no marker-free part)."""

from __future__ import annotations

import re

from trialmatch.criteria.rules.reader.vocabulary import ASSIGNED, MARK_JOINER, group_nouns, mark_id
from trialmatch.criteria.text import Criterion

_TAG = re.compile(r"\(([^()]{2,120})\)")
_NUMBERED = re.compile(r"\b(phase|part|stage)" + MARK_JOINER + r"(\d+[a-z]?|[IVX]+|[A-Z])\b", re.I)
# "Cohorts A, B and D", "Expansion Cohort C", "Arms 1 and 2": a group word (the shared reader's, in any case), then
# its marks.
_MARKS = r"(?:\d{1,2}[a-z]?|[A-H]\d{1,2}[a-z]?|[A-Z])"  # "1", "2b", "B1", "A": a capital letter alone, never a word
_LISTED = re.compile(
    r"\b(?i:" + group_nouns(*ASSIGNED, "part") + r")(?:\s+|-(?=\d|[A-Z]))(" + _MARKS + r"\b(?:\s*(?:,|and|&|/|or)\s*"
    + _MARKS + r"\b)*)")
_MARK = re.compile(r"\b" + _MARKS + r"\b")
_KIND = {"part": "cohort", "phase": "phase", "stage": "phase"}
_JOINERS = frozenset({"and", "or"})


def part_labels(tag: str) -> set[str]:
    """The part labels one bracket names, spelled as the cohort reader spells them ("phase 1", "cohort a")."""
    found: set[str] = set()
    for kind, mark in _NUMBERED.findall(tag):
        found.add(f"{_KIND[kind.lower()]} {mark_id(mark)}")
    for marks in _LISTED.findall(tag):
        for mark in _MARK.findall(marks):
            if mark.lower() not in _JOINERS:
                found.add(f"cohort {mark_id(mark)}")  # (the cohort reader spells every such group a cohort)
    return found


def tags_cover_every_part(text: str, trial_labels: frozenset[str]) -> bool:
    """Two or more bracketed part tags in `text` that together name every part label of the trial (at least two)."""
    if len(trial_labels) < 2 or text.count("(") < 2:
        return False
    tags = [labels for labels in map(part_labels, _TAG.findall(text)) if labels]
    return len(tags) >= 2 and trial_labels <= set().union(*tags)


_PART_KINDS = frozenset({"part", "phase", "cohort", "arm"})


def trial_parts(criteria: tuple[Criterion, ...], bullet_cohorts: list[tuple[str, ...]]) -> frozenset[str]:
    """Every part label the trial gives: its bullets' own labels and the parts its criteria open with."""
    found = {label for labels in bullet_cohorts for label in labels}
    for criterion in criteria:
        scope = criterion.scope
        if scope is not None and scope.kind in _PART_KINDS and criterion.text.startswith(scope.label):
            found |= part_labels(scope.label)
    return frozenset(found)
