"""Treatment given on study in an earlier phase, and bans on the agent of the patient's own arm.

"Induction phase: * No prior systemic treatment ... Maintenance phase (randomization): * Completion of 4 cycles of
carboplatin, etoposide and atezolizumab during the induction phase": the four cycles are given by the study
itself, so the maintenance bullet is no entry requirement on earlier treatment (on_study_criteria).

"Previous treatment with the assigned targeted therapy or another drug with a similar mechanism of action (e.g.,
prior anti-HER2 therapy for the HER2 arm, ...)": a ban bound to each arm's own agent, not a trial-wide ban on the
generic words it uses ("targeted therapy"); assigned_agent_ban tells such a sentence.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.text import Criterion

_PHASE = r"(?:induction|run[\s-]?in|lead[\s-]?in|initial\s+treatment|first\s+treatment)"
# "Induction phase:", "Chemotherapy run-in period:", "Step 1 (registration):": a heading for the entry phase.
_ENTRY_HEADING = re.compile(rf"\b(?:{_PHASE}|registration|screening|pre-?registration|step\s*1|stage\s*1)\b", re.I)
# "Maintenance phase (randomization):", "Randomization criteria:", "Crossover:": a heading for a later phase.
_LATER_HEADING = re.compile(r"\b(?:maintenance|randomi[sz]ation|randomi[sz]ed\s+phase|continuation|cross-?over"
                            r"|consolidation\s+phase|step\s*2|stage\s*2)\b", re.I)
# "during the induction phase", "in the run-in period of this study": a course the study gives.
_DURING_PHASE = guarded(rf"\b(?:during|in|on|within)\s+(?:the\s+)?(?:study(?:'s)?\s+|protocol\s+)?{_PHASE}"
                           rf"(?:\s+(?:phase|period|part|portion|stage))?(?P<own>\s+of\s+(?:this|the)\s+"
                           rf"(?:study|trial|protocol))?", re.I)


def _heading(crit: Criterion) -> bool:
    text = crit.text.strip()
    return crit.depth == 0 and text.endswith(":") and len(text) < 80


def on_study_criteria(criteria: list[Criterion]) -> frozenset[int]:
    """Indexes of inclusion criteria whose treatment is given on study: listed under a heading of a later study
    phase that follows an entry-phase heading, or asking for treatment "during the induction phase" of this study
    (said so, or the text has a heading for that phase). Their requirements are no entry rules."""
    found: set[int] = set()
    entry_seen = False
    later = False
    entry_named = any(_heading(c) and _ENTRY_HEADING.search(c.text) for c in criteria)
    for crit in criteria:
        if crit.section != "inclusion":
            later = False
            continue
        if _heading(crit):
            is_later = bool(_LATER_HEADING.search(crit.text))
            later = is_later and entry_seen
            entry_seen = entry_seen or (not is_later and bool(_ENTRY_HEADING.search(crit.text)))
            continue
        during = _DURING_PHASE.search(crit.text)
        if later or (during and (during.group("own") or entry_named)):
            found.add(crit.index)
    return frozenset(found)


# "the assigned targeted therapy", "the allocated study drug", "the investigational agent of the arm", "another drug
# with a similar mechanism of action": the ban names the patient's own arm's agent, not a class of its own.
_ASSIGNED = guarded(r"\b(?:the|their|his/her|the\s+participant's|the\s+patient's)\s+(?:assigned|allocated"
                       r"|matched|study|investigational|protocol)\s+(?:[\w-]+\s+){0,2}?(?:agents?|drugs?|therapy"
                       r"|therapies|treatments?|regimens?|compounds?|medications?)\b"
                       r"|\b(?:similar|same)\s+mechanisms?\s+of\s+action\b", re.I)
# "prior anti-HER2 therapy for the HER2 arm", "a BRAF or MEK inhibitor (BRAF arm)": one example per arm.
_ARM_EXAMPLE = re.compile(r"(?:prior\s+|previous\s+)?(?P<drug>[^,;()]+?)\s+(?:for|in)\s+(?:the\s+)?"
                          r"(?P<arm>[\w/+-]+(?:\s+[\w/+-]+)?)\s+(?:arm|cohort|module|sub-?study)\b", re.I)
# The tail every _ARM_EXAMPLE match ends with (a space, then the arm word), under the same flags: where it is absent the
# pattern cannot match. Looking for it is linear; the pattern's lazy drug span re-scans from every position (most
# sentences that pass _ASSIGNED name no arm word at all).
_ARM_WORD = re.compile(r"\s(?:arm|cohort|module|sub-?study)\b", re.I)

_LEAD = re.compile(r"^(?:(?:for example|e\.g\.|such as|including|prior|previous|a|an|any)[\s,:]+)+", re.I)


def assigned_agent_ban(text: str) -> list[tuple[str, str]] | None:
    """For a ban on the agent of the patient's assigned arm, its (drug, arm) examples ("anti-HER2 therapy",
    "HER2"); None when the sentence is not such a ban. Without an example bound to an arm, "prior treatment
    with the study drug or any KRAS G12C inhibitor" is a single-arm trial's own ban, read as usual."""
    if not _ASSIGNED.search(text) or not _ARM_WORD.search(text):
        return None  # (no arm word: no example bound to an arm, so None as below)
    examples = [(_LEAD.sub("", m.group("drug").strip()), m.group("arm").strip()) for m in _ARM_EXAMPLE.finditer(text)]
    return examples or None
