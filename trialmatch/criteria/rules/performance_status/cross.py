"""A performance score joined to a fact of another dimension in one sentence (brain metastases, a marker, earlier
treatment): "If ECOG 2, patients must not have brain metastases", "ECOG 0-1, or ECOG 2 in patients without brain
metastases", "Patients with brain metastases must have ECOG 0-1", "EGFR-mutant patients with ECOG >= 2" (an
exclusion). Each dimension sees only its own half of such a sentence: read alone, that half would exclude patients
the whole sentence lets in. These patterns tell both readers (performance status and brain metastases) when a
sentence is built so; each then makes its half a question, never an exclusion.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.prefilter import guarded

# A performance score with its value ("ECOG 2", "ECOG PS >= 2", "performance status of 0-1", "KPS < 70").
SCORE = guarded(
    r"\b(?:ECOG|WHO|Zubrod|Karnofsky|KPS|performance\s+status|PS)\b(?:\s+(?:performance\s+)?(?:status|score|PS))?"
    r"\s*(?:of\s+|is\s+|=\s*|:\s*)?(?:[<>≤≥]=?\s*|(?:at\s+least|at\s+most|greater\s+than|less\s+than)\s+)?\d{1,3}"
    r"(?:\s*(?:-|–|to|or)\s*\d{1,3})?(?:\s+or\s+(?:more|higher|greater|above|less|lower))?",
    re.I,
)
# Facts the performance-status check cannot see: brain or CNS disease, a marker (gene names in capitals: "met" is a
# verb), earlier treatment.
_BRAIN = r"\b(?:brain|cns|central\s+nervous\s+system|intracranial|leptomening\w*)\b"
_MARKER = (r"\b(?-i:EGFR|ALK|ROS1|KRAS|BRAF|MET|RET|HER2|ERBB2|NTRK[1-3]?|NRG1)(?:[\s-]+(?:mutant|mutated|mutation"
           r"|positive|altered|rearranged|fusion|amplified|driven))?\b")
_PRIOR = (r"\b(?:prior|previous|earlier)\s+(?:lines?|therap\w+|treatments?|regimens?|chemotherapy|systemic)\b"
          r"|\blines?\s+of\s+(?:systemic\s+)?(?:therapy|treatment|chemotherapy)\b|\bpre-?treated\b")
_PDL1 = r"\bPD-?L1\b|\bTPS\b|\btumou?r\s+proportion\s+score\b"
OTHER_FACT = guarded(rf"{_BRAIN}|{_MARKER}|{_PRIOR}|{_PDL1}", re.I)
MARKER = re.compile(_MARKER, re.I)
_BRAIN_WORD = re.compile(_BRAIN, re.I)
# Words that join two facts into one group ("EGFR-mutant NSCLC with untreated brain metastases"), and those that
# list them as separate ways out ("EGFR mutation, or brain metastases").
_JOIN = re.compile(r"\b(?:with|in|among|who|whose|having|harbou?ring)\b", re.I)
_LIST = re.compile(r"\b(?:or|and)\b|[,;:/]", re.I)
# Between a group and the score, in an inclusion: the group's own rule ("Patients with brain metastases must have
# ECOG 0-1"), not a list of everyone's ("Patients with EGFR-mutant NSCLC and ECOG 0-1").
_GROUP_RULE = re.compile(r"\b(?:must|should|need|needs|required|will\s+need|can|may|only)\b|:", re.I)

_GROUP = r"(?:patients?|participants?|subjects?|those|pts|individuals|people)"
# The score opens its clause as a condition: "If ECOG 2,", "For patients with ECOG 2:", "In participants with a
# performance status of 2,", "When WHO PS is 2".
_CONDITION_HEAD = re.compile(
    rf"(?:if|when|whenever|where|for|among|in)\s+(?:(?:the\s+)?{_GROUP}\s+)?"
    r"(?:(?:with|having|who\s+(?:have|has|are)|whose)\s+)?(?:(?:an?|the)\s+)?(?:\w+\s+){0,2}",
    re.I,
)
# ... and something follows it ("If ECOG 2, ...", "For ECOG 2: ...", "ECOG 2 patients must ...").
_CONDITION_TAIL = re.compile(rf"\s*(?:[,:]|\bthen\b|{_GROUP}\b)\s*\S", re.I)
# A group named before the score by a fact of another dimension: "Patients with brain metastases must have ECOG 0-1",
# "EGFR-mutant patients with ECOG PS >= 2", "Brain metastases in patients with ECOG >= 2".
_GROUP_LINK = re.compile(
    rf"\b(?:{_GROUP}\s+(?:with|without|who|whose|having|harbou?ring)|(?:mutant|mutated|positive|rearranged)\s+{_GROUP}"
    rf"|{_GROUP}\s+(?:must|should|need|needs|are\s+required|will\s+need|can|may))\b",
    re.I,
)
_CLAUSE_REACH = 160  # how far back a clause's group is looked for
_CLAUSE_END = re.compile(r".*[;.]\s", re.S)


def _clause_head(sentence: str, start: int) -> tuple[int, str]:
    """Where the clause holding `start` begins (after the last ";" or ". " before it, at most _CLAUSE_REACH back),
    and its words up to `start`."""
    low = max(0, start - _CLAUSE_REACH)
    cut = _CLAUSE_END.match(sentence, low, start)
    begin = cut.end() if cut else low
    return begin, sentence[begin:start]


# After the score, the group it is for or a further condition: "ECOG 2 in patients without brain metastases",
# "ECOG 2 patients who have received more than one prior line".
_GROUP_AFTER = re.compile(
    rf"\s*(?:,\s*)?(?:(?:in|for|among)\s+(?:the\s+)?{_GROUP}\s+|{_GROUP}\s+)?(?:with|without|who|whose|having|if|when"
    r"|provided|harbou?ring)\b[^;.]{0,80}",
    re.I,
)


# The score that opens its clause is let in on a condition: "ECOG 2 patients are eligible only if PD-L1 >= 50%",
# "PS 2 allowed only for patients with EGFR mutation", "ECOG 2 is acceptable provided no brain metastases".
_LET_IN_IF = re.compile(
    rf"\s*(?:{_GROUP}\s+)?(?:(?:are|is|will\s+be|may\s+be|can\s+be)\s+)?(?:also\s+)?(?:only\s+)?"
    r"(?:eligible|allowed|permitted|acceptable|accepted|included|enrolled)\s+(?:only\s+)?"
    r"(?:if|when|provided|as\s+long\s+as|for|in|among)\b",
    re.I,
)
# A fact of another dimension let in on the score: "EGFR-mutant NSCLC with asymptomatic brain metastases allowed if
# ECOG 0-1", "Patients with PD-L1 < 1% are eligible only when PS is 0".
_ALLOWED_IF_END = re.compile(
    r"\b(?:eligible|allowed|permitted|acceptable|accepted|included|enrolled)\s+(?:only\s+)?"
    rf"(?:if|when|provided(?:\s+that)?|as\s+long\s+as)\s+(?:(?:the\s+)?{_GROUP}\s+(?:has|have|is|are)\s+)?"
    r"(?:(?:an?|the|their)\s+)?$",
    re.I,
)


_NUMBER = re.compile(r"\d+")


def score_is_condition(sentence: str, start: int, end: int) -> bool:
    """The score at [start, end) opens its clause as a condition on what follows ("If ECOG 2, no brain
    metastases", "ECOG 2 patients are eligible only if PD-L1 >= 50%"): it sets no limit on the score itself."""
    head = _clause_head(sentence, start)[1].strip()
    if not head:  # one score opens the clause ("0 or 1 (2 accepted for ...)" is a limit with its exception)
        return len(_NUMBER.findall(sentence, start, end)) == 1 and _LET_IN_IF.match(sentence, end) is not None
    return _CONDITION_HEAD.fullmatch(head + " ") is not None and _CONDITION_TAIL.match(sentence, end) is not None


def joined_before(sentence: str, start: int, exclusion: bool = True) -> bool:
    """A fact of another dimension names, before the score, the group the score is for or joins it ("Patients with
    brain metastases must have ECOG 0-1", "EGFR-mutant patients with ECOG >= 2"). In an inclusion only a group
    given its own rule counts ("must", ":"): "Patients with EGFR-mutant NSCLC and ECOG 0-1" asks both of all."""
    begin, head = _clause_head(sentence, start)
    fact = OTHER_FACT.search(head)
    if fact is not None and _ALLOWED_IF_END.search(head, fact.end()) is not None:
        return True  # "... with brain metastases allowed if ECOG 0-1": the score's rule is that group's
    if fact is None or _GROUP_LINK.search(head) is None:
        return False
    return exclusion or _GROUP_RULE.search(head, fact.end()) is not None


def joined_after(sentence: str, end: int) -> bool:
    """After the score, a group or condition named by a fact of another dimension ("ECOG 2 in patients without
    brain metastases", "ECOG 2 patients who have received more than one prior line")."""
    after = _GROUP_AFTER.match(sentence, end)
    return after is not None and OTHER_FACT.search(after.group(0)) is not None


def crosses_score(sentence: str, exclusion: bool) -> bool:
    """A sentence about another dimension made conditional on, or joined to, a performance score: "If ECOG 2, no
    brain metastases", "ECOG 0-1, or ECOG 2 in patients without brain metastases", "brain metastases in patients
    with ECOG >= 2"."""
    for score in SCORE.finditer(sentence):
        if score_is_condition(sentence, score.start(), score.end()) or joined_after(sentence, score.end()) \
                or joined_before(sentence, score.start(), exclusion):
            return True
    return False


def marker_joins_brain(sentence: str) -> bool:
    """A marker joined to brain disease in one group ("EGFR-mutant NSCLC with untreated brain metastases",
    "symptomatic brain metastases in EGFR-mutant patients"): the brain reader cannot see the marker."""
    for marker in MARKER.finditer(sentence):
        for brain in _BRAIN_WORD.finditer(sentence):
            low, high = sorted((marker.end(), brain.start()) if marker.start() < brain.start()
                               else (brain.end(), marker.start()))
            between = sentence[low:high]
            if len(between) <= 60 and _JOIN.search(between) and not _LIST.search(between):
                return True
    return False
