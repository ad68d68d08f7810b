"""Study phases: which phase of the study a criterion is written for, read once for every dimension.

"Induction phase: * No prior systemic treatment ... Maintenance phase (randomization): * Completion of 4 cycles of
carboplatin, etoposide and atezolizumab during the induction phase": the first heading names the phase a patient
enters by, the second a later phase the patient reaches on study. A study phase is no group of patients (every
patient passes through the phases in turn), so it is not a `Scope` that `apply_scope` would turn into a question;
a dimension asks `phase_of` which criteria belong to a later phase or speak of treatment the study gives
("during the induction phase"), and reads them as it needs (prior therapy: no entry requirement on earlier
treatment). The criteria of a later step whose entry step the study treats in ("Induction phase:" then "Maintenance
phase:", "STEP 2: REGISTRATION", "For randomization to maintenance: ...") are left out of the criteria every dimension
reads in the first place (reader/steps.py, split_criteria); this module still answers for a text read whole, and for
the looser "Registration:" / "Screening:" then "Randomization:" layout, whose later bullets still bind every
dimension (prior therapy alone reads no requirement on earlier treatment from them). Anchored or word-bounded
patterns: linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.reader.steps import ENTRY_PHASE, LATER_PHASE_WORDS
from trialmatch.criteria.text import Criterion

StudyPhase = Literal["later", "during_entry"]

# "Induction phase:", "Chemotherapy run-in period:", "Step 1 (registration):": a heading for the entry phase.
_ENTRY_HEADING = re.compile(rf"\b(?:{ENTRY_PHASE}|registration|screening|pre-?registration|step\s*1|stage\s*1)\b",
                            re.I)
# "Maintenance phase (randomization):", "Randomization criteria:", "Crossover:": a heading for a later phase.
_LATER_HEADING = re.compile(rf"\b(?:{LATER_PHASE_WORDS}|step\s*2|stage\s*2)\b", re.I)
# "during the induction phase", "in the run-in period of this study": a course the study gives.
_DURING_PHASE = guarded(r"\b(?:during|in|on|within)\s+(?:the\s+)?(?:study(?:'s)?\s+|protocol\s+)?" + ENTRY_PHASE +
                        r"(?:\s+(?:phase|period|part|portion|stage))?(?P<own>\s+of\s+(?:this|the)\s+"
                        r"(?:study|trial|protocol))?", re.I)


def _heading(crit: Criterion) -> bool:
    text = crit.text.strip()
    return crit.depth == 0 and text.endswith(":") and len(text) < 80


def phase_of(criteria: Sequence[Criterion]) -> dict[int, StudyPhase]:
    """The study phase of each inclusion criterion (by its index) that has one: "later" when it is listed under a
    heading of a later study phase that follows an entry-phase heading; "during_entry" when it asks for treatment
    "during the induction phase" of this study (said so, or the text has a heading for that phase). Criteria of the
    entry phase, and those of a text with no study phases, have none."""
    found: dict[int, StudyPhase] = {}
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
        if later:
            found[crit.index] = "later"
            continue
        during = _DURING_PHASE.search(crit.text)
        if during and (during.group("own") or entry_named):
            found[crit.index] = "during_entry"
    return found
