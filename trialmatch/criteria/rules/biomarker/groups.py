"""Group labels set beside each alternative of a marker list.

"EGFR exon 20 insertion (Cohort 1) or HER2 exon 20 insertion (Cohort 2)", "a ROS1 fusion (NSCLC cohorts) or an
NTRK fusion (any solid tumour)": the brackets say which group each alternative is for, so the list as a whole is
every named group's way in. A patient with none of the alternatives fits no group the sentence names, which a
bracket naming one group alone ("EGFR exon 20 insertion (Cohort 1)") does not tell us.
"""

from __future__ import annotations

import re
from typing import Any

from trialmatch.criteria.rules.biomarker.cohorts import bullet_labels, label_at_start
from trialmatch.criteria.rules.biomarker.cues import ONE_GROUP, normalise
from trialmatch.criteria.rules.biomarker.phrases import names_marker
from trialmatch.criteria.rules.marker_vocab import mentions_marker
from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.text import Criterion

# A joining "or" between alternatives, right after a bracket or before the last alternative.
_OR_AFTER = re.compile(r"^\s*,?\s*(?:and/)?or\b", re.I)
_OR_BEFORE = re.compile(r"\b(?:and/)?or\b", re.I)
# A group named with its own mark ("Cohort 1", "Arm B", "Part 2a"): the kind word and the mark.
# Guarded: asked of every criterion, and most name no group word (the regex tries its words at every word start).
_GROUP_ID = guarded(r"\b(cohort|arm|part|group|stratum|module)\s+([A-Z]?\d+[a-z]?|[A-Z])\b", re.I)


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


# "Phase 2 (Dose Expansion), by cohort:", "Part B, by arm:": a short line that opens with a numbered part and only
# announces the list under it (a colon last, no marker, no rule word). A bare "Expansion:" names no group of its own.
_ANNOUNCING = re.compile(
    r"^\W*(?:phase|part|stage|module|stratum|step|period)\s*(?:\d+[a-z]?|[IVX]+|[A-Z])\b[^.;:]{0,70}:\s*$", re.I)
_RULE_WORD = re.compile(r"\b(?:must|should|shall|required|requires?|need|no|not|without|prior|previous|progress\w*)\b",
                        re.I)


def _bare_heading(text: str, labelled: bool) -> bool:
    """A heading with no rule of its own: a group label alone ("Phase 2:"), or a short announcing line."""
    match = label_at_start(text) if labelled else None
    if match is not None and not text[match.end():].strip(" :-–\t"):
        return True
    return (bool(_ANNOUNCING.match(text)) and len(text.split()) <= 10 and not _RULE_WORD.search(text)
            and not names_marker(normalise(text)))


def bare_headings(criteria: tuple[Criterion, ...], labels: list[tuple[str, ...]]) -> set[int]:
    """"Phase 2:" alone over "Cohort 1: ...", "Cohort 2: ...": a heading whose sub-bullets each name their own group
    is those groups together, not one more group with no rule of its own (which would let every patient in).
    The positions of such headings; `labels` are each criterion's bullet labels."""
    out: set[int] = set()
    for position, criterion in enumerate(criteria):
        if not _bare_heading(criterion.text, bool(labels[position])):
            continue  # a label with its own rule ("Phase 1: RET alteration ...") is a group
        below = [(c, own) for c, own in zip(criteria[position + 1:], labels[position + 1:], strict=True)
                 if c.depth > criterion.depth and c.parent == criterion.text]
        if not below:
            below = _nested_run(criteria, labels, position)
        if below and all(own and own != labels[position] and label_at_start(c.text) for c, own in below):
            out.add(position)
    return out


# The part a bare heading names at its start ("Phase 2 cohorts:", "Part B:", "Phase 2 (Dose Expansion), by cohort:").
_HEADING_PART = re.compile(r"^\W*(?P<kind>phase|part|stage|module|stratum)\s*(?P<mark>\d+[a-z]?|[IVX]+|[A-Z])\b", re.I)


def heading_parts(criteria: tuple[Criterion, ...], labels: list[tuple[str, ...]],
                  headings: set[int]) -> dict[str, tuple[str, ...]]:
    """"Phase 2 cohorts:" (or "Phase 2:") over "Cohort 2A: ...", "Cohort 2B: ...": the part the bare heading names
    (as bullet_labels spells it, "phase 2") and the cohorts under it. A later line of that part ("Phase 2: at least
    one measurable lesion") is those cohorts' rule, not one more group with no marker rule (which let a patient with
    none of the cohorts' markers in)."""
    out: dict[str, tuple[str, ...]] = {}
    for position in sorted(headings):
        criterion = criteria[position]
        match = _HEADING_PART.match(criterion.text)
        if match is None:
            continue
        named = bullet_labels(f"{match.group('kind')} {match.group('mark')}: x", "")
        below = [c for c, own in zip(criteria[position + 1:], labels[position + 1:], strict=True)
                 if c.depth > criterion.depth and c.parent == criterion.text and own]
        children = tuple(dict.fromkeys(label for c, own in zip(criteria[position + 1:], labels[position + 1:],
                                                                strict=True) if c in below for label in own))
        if len(named) == 1 and children and named[0] not in children:
            out[named[0]] = children
    return out


def _nested_run(criteria: tuple[Criterion, ...], labels: list[tuple[str, ...]],
                position: int) -> list[tuple[Criterion, tuple[str, ...]]]:
    """"Phase 2 (NSCLC only):" as a paragraph, then "7. Cohort 1: ...", "8. Cohort 2: ..." at the same depth: the
    items the shared reader nested under the heading ("Phase 2 / Cohort 1"), up to the first that is not."""
    scope = criteria[position].scope
    if scope is None:
        return []
    prefix = scope.label + " / "
    run = []
    for criterion, own in zip(criteria[position + 1:], labels[position + 1:], strict=True):
        if criterion.scope is None or not criterion.scope.label.startswith(prefix):
            break
        run.append((criterion, own))
    # Only beside a sibling we can see ("Phase 1 ..." before "Phase 2:"): a lone "Part B" implies a Part A whose rules
    # are unseen, and is left as it was (see verdicts' unseen_sibling).
    kind = scope.label.split()[0].lower()
    siblings = {c.scope.label.split(" / ")[0] for c in criteria
                if c.scope is not None and c.scope.label.split()[0].lower() == kind}
    return run if len(siblings) > 1 else []


# "Patients with non-squamous histology must have documented negative EGFR and ALK testing", "wild-type KRAS status
# is required", among exclusions: the sentence states its own requirement (a negative result), so it reads as written,
# as an inclusion would; flipped by its section it would ask for the very changes it rules out.
_REQUIRED_NEGATIVE = guarded(
    r"\b(?:must|should|shall|need\s+to|are\s+required\s+to|is\s+required\s+to)\s+(?:have|be|show)\b"
    r"(?![^.;]{0,40}?\bnot\b)[^.;]{0,40}?\b(?:negative|wild[\s-]?type)\b"
    r"|\b(?:negative|wild[\s-]?type)\b[^.;]{0,60}?\b(?:is|are)\s+(?:required|mandatory|needed)\b",
    re.I,
)
_NOT_REQUIRED = re.compile(r"\bnot\s+(?:be\s+)?(?:required|mandatory|needed)\b", re.I)
# "Patients must not have an EGFR mutation": the rule is stated whole (forbid), whatever section holds it. Not a
# carrier group's treatment rule ("EGFR-mutant patients must not have received osimertinib"): the marker follows.
_MUST_NOT_HAVE = re.compile(
    r"^(?:(?:all\s+)?(?:patients?|subjects?|participants?|tumou?rs?)\s+)?(?:must|should|shall)\s+not\s+"
    r"(?:have|harbou?r|carry|be\s+positive\s+for)\s+(?!(?:received|had|been|progressed|undergone|taken|used)\b)"
    r"(?P<rest>.+)$",
    re.I,
)


def requires_negative(sentence: str) -> bool:
    """Does an exclusion's sentence require a negative marker result in its own words (see _REQUIRED_NEGATIVE)?"""
    low = sentence.lower()
    if "negative" not in low and "wild" not in low and "not" not in low:
        return False  # (most exclusions: none of the words either reading needs)
    if _NOT_REQUIRED.search(sentence):
        return False
    must_not = _MUST_NOT_HAVE.match(sentence.strip(" *-\t"))
    if must_not is not None and mentions_marker(must_not.group("rest")):
        return True
    return _REQUIRED_NEGATIVE.search(sentence) is not None


# "high-level MET amplification, defined as gene copy number >= 10 or MET/CEP7 ratio >= 5": a level the profile's
# bare "amplification" does not give, so having one is a question, not a match (nor, among exclusions, a bar).
_AMPLIFICATION_LEVEL = re.compile(
    r"\bhigh[\s-]*(?:level|grade)\b|\b(?:low|intermediate)[\s-]*level\b"
    r"|\b(?:copy[\s-]+number|GCN|CN|ratio|copies)\s*(?:\([^()]{0,20}\)\s*)?(?:>=|≥|>|=>|of\s+at\s+least|at\s+least"
    r"|greater\s+than|more\s+than|of\s+more\s+than)\s*\d"
    r"|(?:>=|≥|>)\s*\d+(?:\.\d+)?\s*(?:copies|fold)\b",
    re.I,
)


def amplification_level(sentence: str) -> bool:
    """Does the sentence set a level for an amplification ("high-level", "copy number >= 10")?"""
    return _AMPLIFICATION_LEVEL.search(sentence) is not None


def level_unread(clause: dict[str, Any]) -> None:
    """Make the clause's amplification atoms at most a question (see _AMPLIFICATION_LEVEL)."""
    clause["atoms"] = [{**a, "vague": True} if a.get("t") == "alt" and a.get("kind") == "amplification" else a
                       for a in clause["atoms"]]
