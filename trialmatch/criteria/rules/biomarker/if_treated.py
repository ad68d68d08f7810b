"""A marker asked only of patients treated with named drugs: "Patients may be EGFR TKI naive, OR have received a
first- or second-generation EGFR TKI provided they have a documented T790M mutation", "Patients previously treated
with erlotinib or gefitinib must have an EGFR T790M mutation". The marker binds the treated branch alone: a patient
who never had those drugs need not have it (the other branch, or no branch at all, takes them); one who had them
needs it as written.

Read only when the words before the condition name no marker of their own (a carrier rule, "EGFR-mutant patients
who received ...", is read elsewhere) and the words after it do.
"""

from __future__ import annotations

import re

from trialmatch.criteria import drugs
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Verdict
from trialmatch.criteria.rules.biomarker.cues import normalise
from trialmatch.criteria.rules.biomarker.phrases import names_marker
from trialmatch.criteria.rules.patient import Patient
from trialmatch.criteria.rules.prior_therapy.terms import GENERIC_CLASSES, find_mentions, normalize

# "(have) received / been treated with / progressed on ... DRUGS ... provided (that) / only if / must": the drugs of
# the treated branch, then the word that makes what follows its condition.
_TREATED_THEN = re.compile(
    r"\b(?:received|treated\s+with|progressed\s+(?:on|after|following)|exposed\s+to|pre-?treated\s+with"
    r"|(?:prior|previous|earlier)\s+(?:treatment|therapy)\s+with)\b"
    r"(?P<drugs>(?:e\.g\.|i\.e\.|[^.;]){1,200}?)"
    r"(?:\bprovided(?:\s+that)?|\bonly\s+if|\bif|\bas\s+long\s+as|\bmust|\bshould|\bneed\s+to|\bare\s+required\s+to)\b",
    re.I,
)
TREATED, UNTREATED, OPEN = "treated", "untreated", "open"


def marker_if_treated(sentence: str) -> list[str] | None:
    """The drug and class items ("d:gefitinib", "c:egfr_tki_1g") whose takers alone the sentence's marker binds;
    None when the sentence is not of that shape."""
    found = _TREATED_THEN.search(sentence)
    if found is None:
        return None
    head, tail = sentence[:found.end("drugs")], sentence[found.end("drugs"):]
    if names_marker(normalise(head)) or not names_marker(normalise(tail)):
        return None
    items = [item for mention in find_mentions(normalize(found.group("drugs")), egfr_trial=True)
             for item in mention.items if item not in GENERIC_CLASSES]
    return list(dict.fromkeys(items)) or None


def treated_with(profile: Patient, items: list[str]) -> str:
    """Has the profile had one of these drugs or classes? TREATED / UNTREATED / OPEN (a drug we cannot place, or no
    history)."""
    wanted = set(items)
    open_drug = False
    for name in profile.prior_therapies:
        generic = drugs.canonical_drug(name)
        classes = drugs.classes_of(name)
        if f"d:{generic}" in wanted or any(f"c:{c}" in wanted for c in classes):
            return TREATED
        open_drug = open_drug or (generic is None and not classes)
    if open_drug or not (profile.prior_therapies or profile.prior_lines == 0):
        return OPEN
    return UNTREATED


def if_treated_verdict(verdict: Verdict, items: list[str], profile: Patient) -> Verdict:
    """The clause's verdict when it binds only takers of `items`: an untreated patient passes, an open history
    never excludes."""
    state = treated_with(profile, items)
    if state == UNTREATED:
        return ELIGIBLE
    if state == OPEN and verdict == EXCLUDED:
        return UNKNOWN
    return verdict
