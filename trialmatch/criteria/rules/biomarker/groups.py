"""Group labels set beside each alternative of a marker list.

"EGFR exon 20 insertion (Cohort 1) or HER2 exon 20 insertion (Cohort 2)", "a ROS1 fusion (NSCLC cohorts) or an
NTRK fusion (any solid tumour)": the brackets say which group each alternative is for, so the list as a whole is
every named group's way in. A patient with none of the alternatives fits no group the sentence names, which a
bracket naming one group alone ("EGFR exon 20 insertion (Cohort 1)") does not tell us.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.biomarker.cohorts import label_at_start
from trialmatch.criteria.rules.biomarker.cues import ONE_GROUP
from trialmatch.criteria.text import Criterion

# A joining "or" between alternatives, right after a bracket or before the last alternative.
_OR_AFTER = re.compile(r"^\s*,?\s*(?:and/)?or\b", re.I)
_OR_BEFORE = re.compile(r"\b(?:and/)?or\b", re.I)
# A group named with its own mark ("Cohort 1", "Arm B", "Part 2a"): the kind word and the mark.
_GROUP_ID = re.compile(r"\b(cohort|arm|part|group|stratum|module)\s+([A-Z]?\d+[a-z]?|[A-Z])\b", re.I)


def labelled_alternatives(sentence: str) -> bool:
    """Is every group the sentence names a bracket beside one alternative of an "or" list of markers?"""
    matches = list(ONE_GROUP.finditer(sentence))
    if not matches:
        return False
    start = 0
    for index, match in enumerate(matches):
        if not match.group(0).startswith("("):
            return False  # "... in the first-line cohort": a rule for one group, not a list of them
        after = sentence[match.end():]
        listed = index + 1 < len(matches) and after.lstrip().startswith(",")  # "A (Part 1), B (Part 2) or C"
        if not (listed or _OR_AFTER.search(after) or (start and _OR_BEFORE.search(sentence[start:match.start()]))):
            return False  # a bracket not joined to another alternative: one group's rule
        start = match.end()
    return True


def group_ids(text: str) -> set[tuple[str, str]]:
    """The marked groups a text names: ("cohort", "1"), ("arm", "b")."""
    return {(kind.lower(), mark.lower()) for kind, mark in _GROUP_ID.findall(text)}


def names_every_group(sentence: str, others: set[tuple[str, str]]) -> bool:
    """A labelled list ("... (Cohort 1) or ... (Cohort 2)") naming every marked group of its kind the trial names
    elsewhere (`others`): a "Cohort 3" named outside it may let in what the list does not."""
    if not labelled_alternatives(sentence):
        return False
    own = group_ids(sentence)
    kinds = {kind for kind, _ in own}
    return all(group in own for group in others if group[0] in kinds)


def bare_headings(criteria: tuple[Criterion, ...], labels: list[tuple[str, ...]]) -> set[int]:
    """"Phase 2:" alone over "Cohort 1: ...", "Cohort 2: ...": a heading whose sub-bullets each name their own group
    is those groups together, not one more group with no rule of its own (which would let every patient in).
    The positions of such headings; `labels` are each criterion's bullet labels."""
    out: set[int] = set()
    for position, criterion in enumerate(criteria):
        match = label_at_start(criterion.text) if labels[position] else None
        if match is None or criterion.text[match.end():].strip(" :-–\t"):
            continue  # a label with its own rule ("Phase 1: RET alteration ...") is a group
        below = [(c, own) for c, own in zip(criteria[position + 1:], labels[position + 1:], strict=True)
                 if c.depth > criterion.depth and c.parent == criterion.text]
        if below and all(own and own != labels[position] and label_at_start(c.text) for c, own in below):
            out.add(position)
    return out
