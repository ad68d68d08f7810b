"""Bans on the agent of the patient's own arm.

(Treatment given on study in an earlier phase, "Completion of 4 cycles of carboplatin, etoposide and atezolizumab
during the induction phase", is the shared reader's: reader/study_phase.py, asked by prior_therapy/reading.py.)

"Previous treatment with the assigned targeted therapy or another drug with a similar mechanism of action (e.g.,
prior anti-HER2 therapy for the HER2 arm, ...)": a ban bound to each arm's own agent, not a trial-wide ban on the
generic words it uses ("targeted therapy"); assigned_agent_ban tells such a sentence.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.reader.vocabulary import ASSIGNED_NOUN

# "the assigned targeted therapy", "the allocated study drug", "the investigational agent of the arm", "another drug
# with a similar mechanism of action": the ban names the patient's own arm's agent, not a class of its own.
_ASSIGNED = guarded(r"\b(?:the|their|his/her|the\s+participant's|the\s+patient's)\s+(?:assigned|allocated"
                       r"|matched|study|investigational|protocol)\s+(?:[\w-]+\s+){0,2}?(?:agents?|drugs?|therapy"
                       r"|therapies|treatments?|regimens?|compounds?|medications?)\b"
                       r"|\b(?:similar|same)\s+mechanisms?\s+of\s+action\b", re.I)
# "prior anti-HER2 therapy for the HER2 arm", "a BRAF or MEK inhibitor (BRAF arm)": one example per arm.
_ARM_EXAMPLE = re.compile(r"(?:prior\s+|previous\s+)?(?P<drug>[^,;()]+?)\s+(?:for|in)\s+(?:the\s+)?"
                          r"(?P<arm>[\w/+-]+(?:\s+[\w/+-]+)?)\s+" + ASSIGNED_NOUN + r"\b", re.I)
# The tail every _ARM_EXAMPLE match ends with (a space, then the arm word), under the same flags: where it is absent the
# pattern cannot match. Looking for it is linear; the pattern's lazy drug span re-scans from every position (most
# sentences that pass _ASSIGNED name no arm word at all).
_ARM_WORD = re.compile(r"\s" + ASSIGNED_NOUN + r"\b", re.I)

_LEAD = re.compile(r"^(?:(?:for example|e\.g\.|such as|including|prior|previous|a|an|any)[\s,:]+)+", re.I)


def assigned_agent_ban(text: str) -> list[tuple[str, str]] | None:
    """For a ban on the agent of the patient's assigned arm, its (drug, arm) examples ("anti-HER2 therapy",
    "HER2"); None when the sentence is not such a ban. Without an example bound to an arm, "prior treatment
    with the study drug or any KRAS G12C inhibitor" is a single-arm trial's own ban, read as usual."""
    if not _ASSIGNED.search(text) or not _ARM_WORD.search(text):
        return None  # (no arm word: no example bound to an arm, so None as below)
    examples = [(_LEAD.sub("", m.group("drug").strip()), m.group("arm").strip()) for m in _ARM_EXAMPLE.finditer(text)]
    return examples or None
