"""Criteria for a LATER step of the study: who may go on, not who may enter.

"STEP 2: REGISTRATION (ARM A AND ARM C ONLY, AT FIRST PROGRESSION)" over "* ECOG performance status of 0, 1 or 2",
"Maintenance phase (randomization):" after "Induction phase:", a bullet opening "For randomization to maintenance:
patients must have completed 4 cycles of pemetrexed-cisplatin induction ...": these are rules on patients already on
study. The treatment they name was given on study (not earlier treatment), and their limits (a wider ECOG range, a
response) are not entry rules. Every dimension reads the entry rules only, so such criteria get a "step" scope here
and are left out of the criteria the dimensions read (trialmatch/criteria/text.py).

A heading naming randomization, maintenance or crossover is a later step only after a heading for an entry step in
which the study treats (induction, run-in, step 1): in most randomized trials "Randomization:" is the entry itself,
and after "Registration:" or "Screening:" it is the same entry's second look.
All patterns are anchored and bounded: linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.reader.scope import MARKS, Scope, ScopeKind, ends_scope

# The entry steps in which the study itself treats ("induction", "run-in"); reader/study_phase.py reads them too.
ENTRY_PHASE = r"(?:induction|run[\s-]?in|lead[\s-]?in|initial\s+treatment|first\s+treatment)"
# "STEP 2", "Step II", "STEP 3 (RE-REGISTRATION)": a numbered step of the study (1 is the entry).
_STEP = re.compile(r"^\W{0,3}step\s*(?P<n>\d|i{1,3}|iv)\b", re.I)
# "Second registration", "Re-registration", "Re-randomization", "Registration to Step 2", "Randomization to
# maintenance", "Randomisation into the consolidation phase": a later step whatever came before.
_LATER_ALWAYS = (r"(?:second|2nd|subsequent)\s+(?:registration|randomi[sz]ation|enrol?lment)|re-?registration"
                 r"|re-?randomi[sz]ation|re-?enrol?lment|(?:registration|randomi[sz]ation|enrol?lment|entry)\s+"
                 r"(?:to|into|onto|for|in|on)\s+(?:the\s+)?(?:step\s*(?:[2-9]|ii|iii|iv)\b|maintenance|consolidation"
                 r"|continuation|cross-?over|second\s+(?:step|phase|part))"
                 r"|randomi[sz]ation\s*\(?\s*(?:after|following|post|upon\s+completion\s+of)\s+(?:the\s+)?"
                 + ENTRY_PHASE)
# "Maintenance phase (randomization):", "Randomization criteria:", "Crossover:": later only after an entry heading.
# (reader/study_phase.py reads them too, with "step 2" / "stage 2".)
LATER_PHASE_WORDS = (r"maintenance|randomi[sz]ation|randomi[sz]ed\s+phase|continuation|cross-?over"
                     r"|consolidation\s+phase")
_LATER_HEAD = guarded(rf"\b(?:{_LATER_ALWAYS})\b", re.I)
_LATER_WORDS = re.compile(rf"\b(?:{LATER_PHASE_WORDS})\b", re.I)
# "Induction phase:", "Run-in period:", "Registration (Step 1):": a heading for an entry step in which the study itself
# treats. ("Registration:" or "Screening:" then "Randomization:" are two looks at the same entry: both bind.)
_ENTRY_HEAD = re.compile(rf"\b(?:{ENTRY_PHASE}|step\s*[01])\b", re.I)
# A bullet that opens with a later step's name before its rule: "For randomization to maintenance: patients must
# ...", "Prior to randomization (after induction): ...", "At re-registration, ...", "For Step 2 registration: ...".
_LATER_PREFIX = re.compile(
    rf"^\W{{0,3}}(?:(?:for|at|before|prior\s+to|upon|on)\s+(?:the\s+)?)?(?:(?:{_LATER_ALWAYS})\b|step\s*(?:[2-9]"
    rf"|ii|iii|iv)\b(?:\s+(?:registration|randomi[sz]ation|enrol?lment|eligibility))?)[^:;,.]{{0,60}}?"
    r"(?:\s*\([^()]{0,80}\))?\s*[:,\-\u2013\u2014]", re.I)
# What a heading does not hold: a rule's own verbs.
_RULE_WORDS = guarded(r"\b(?:must|should|shall|have|has|had|received?|will|may|can|no|not|without)\b", re.I)
_STEP_KIND: ScopeKind = "step"


def _step_number(text: str) -> int | None:
    match = _STEP.match(text)
    if match is None:
        return None
    label = match.group("n").lower()
    return int(label) if label.isdigit() else {"i": 1, "ii": 2, "iii": 3, "iv": 4}[label]


def _heading_like(text: str) -> bool:
    """A line that only names a step: short, no rule verbs (its colon is optional: "STEP 2: REGISTRATION (...)")."""
    head = text.rstrip().rstrip(":")
    return len(head) <= 120 and not _RULE_WORDS.search(head.split(":", 1)[-1] if _STEP.match(head) else head)


def heading_step(text: str, entry_seen: bool) -> str | None:
    """"later" or "entry" for a heading naming a step of the study, else None."""
    text = text.lstrip("".join(MARKS)).strip()
    if not _heading_like(text):
        return None
    number = _step_number(text)
    if number is not None:
        return "entry" if number <= 1 else "later"  # "Step 0" is a pre-screening step
    if _LATER_HEAD.search(text):
        return "later"
    if not text.endswith(":"):
        return None
    if entry_seen and _LATER_WORDS.search(text):
        return "later"
    return "entry" if _ENTRY_HEAD.search(text) else None


def _plain_heading(text: str) -> bool:
    head = text.strip()
    return head.endswith(":") and len(head) <= 80 and not _RULE_WORDS.search(head)


def later_prefix(text: str) -> bool:
    """Whether a criterion opens by naming a later step it is for ("For randomization to maintenance: ...")."""
    return _LATER_PREFIX.match(text) is not None


def later_steps(lines: Sequence[tuple[str, str, int]]) -> dict[int, Scope]:
    """The later-step scope of each criterion (text, section, depth) written for a later step of the study, by
    position: the lines under a later step's heading (its sub-bullets, or the lines after it in its section up to
    the next heading, "All patients:" or section), and a criterion that names the later step it is for."""
    found: dict[int, Scope] = {}
    entry_seen = False
    open_step: tuple[Scope, str, int] | None = None  # a later step's scope, its section, its heading's depth
    # A long text repeats its lines word for word: what a line's own words say is read once per call.
    steps: dict[tuple[str, bool], str | None] = {}  # heading_step's answer per line and entry_seen
    ends: dict[str, bool] = {}  # ends_scope's per line
    for position, (text, section, depth) in enumerate(lines):
        if open_step is not None and (open_step[1] != section or depth < open_step[2]
                                      or (depth == open_step[2] and text.startswith(MARKS))):
            open_step = None
        step = None
        if len(text) <= 160:
            key = (text, entry_seen)
            if key not in steps:
                steps[key] = heading_step(text, entry_seen)
            step = steps[key]
        if step == "entry" or (step is None and text.startswith(MARKS)) or _ends(ends, text):
            entry_seen = entry_seen or step == "entry"
            open_step = None
            continue
        if step is None and open_step is not None and _plain_heading(text):
            open_step = None  # "Cohort B:" after the later step's lines: another group's heading ends it
            continue
        if step == "later":
            scope = Scope(text.lstrip("".join(MARKS)).strip().rstrip(":")[:120], _STEP_KIND)
            found[position] = scope
            below = position + 1 < len(lines) and lines[position + 1][2] > depth
            open_step = (scope, section, depth + 1 if below else depth)
            continue
        if open_step is not None:
            found[position] = open_step[0]
        elif (prefix := _LATER_PREFIX.match(text)) is not None:  # later_prefix(text), with the words it matched
            scope = Scope(prefix.group(0).strip(" :,-\u2013\u2014"), _STEP_KIND)
            found[position] = scope
            if position + 1 < len(lines) and lines[position + 1][2] > depth and text.rstrip().endswith(":"):
                open_step = (scope, section, depth + 1)
    return found


def _ends(ends: dict[str, bool], text: str) -> bool:
    """ends_scope of the line without its marks, through later_steps' memo."""
    ended = ends.get(text)
    if ended is None:
        ended = ends[text] = ends_scope(text.lstrip("".join(MARKS)))
    return ended


def is_later_step(scope: Scope | None) -> bool:
    """Whether a criterion's scope is a later step of the study (no entry rule)."""
    return scope is not None and scope.kind == _STEP_KIND
