"""A marker that only names the indication of a treatment: "(e.g. pembrolizumab for tumors with PD-L1 tumor
proportion score >= 50%)", "Prior osimertinib for T790M-positive disease is allowed", "no prior crizotinib given
for ALK-positive NSCLC". The marker says what the drug is given for; it sets no rule on who may join. Read as
written, "... for tumors with PD-L1 >= 50%" inside one option of an either/or first-line regimen became a
trial-wide PD-L1 requirement.

Cut only where the treatment is an example (after "e.g." / "such as"), an allowance ("is allowed"), or, among
exclusions, a treatment received ("prior", "received", "cycles of"): there the sentence is about treatment. "Must
be a candidate for pembrolizumab for PD-L1 >= 50% tumours" (a future treatment the trial plans) keeps its marker.

Every regex here is a bounded window (linear in the sentence length).
"""

from __future__ import annotations

import re

from trialmatch.criteria.drugs import canonical_drug
from trialmatch.criteria.rules.biomarker.cues import normalise
from trialmatch.criteria.rules.biomarker.pdl1 import names_score
from trialmatch.criteria.rules.biomarker.phrases import names_marker
from trialmatch.criteria.rules.prefilter import guarded

# The words a drug or treatment may end with before its indication ("pembrolizumab", "an EGFR TKI", "osimertinib
# monotherapy"). A drug name is checked against the drug vocabulary (or an -inib / -mab / -tinib stem).
_THERAPY_WORD = guarded(
    r"(?:therap(?:y|ies)|treatments?|regimens?|chemotherapy|immunotherapy|agents?|inhibitors?|TKIs?|blockade"
    r"|[a-z]{3,}(?:inib|mab|nib))$",
    re.I,
)
# "[drug] (alone|monotherapy) for/in (the treatment of) (patients|tumours|...) (whose tumours) with [marker]", or
# "[drug] for [marker]-positive disease". Found at each "for" / "in"; the word before it is checked to be a treatment.
_FOR = re.compile(r"\s(?:(?:given|administered|approved|indicated)\s+)?(?:for(?!\s+(?:example|instance)\b)|in)\s", re.I)
_DRUG_BEFORE = guarded(r"(?P<drug>\b[\w\-]{3,40})(?:\s+(?:alone|monotherapy|as\s+monotherapy))?\s*,?$")
# The marker runs to a bracket, semicolon, colon, sentence end, an upper-case OR or a main verb.
_MARKER_AFTER = re.compile(
    r"(?:the\s+treatment\s+of\s+)?(?P<marker>[^();:]{2,90}?)"
    r"(?=\s*(?:[();:]|$|\bOR\b|\b(?:is|are|was|were|must|may|will|should|can|could|has|have|and\s+(?:is|are|must"
    r"|may|will|should|has|have))\b))",
)
# The indication's noun: who or what the drug is for.
_FOR_WHOM = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:[^\s]+\s+){0,6}?(?:patients?|subjects?|participants?|those|people|tumou?rs?|cancers?"
    r"|disease|NSCLC|carcinoma)\b",
    re.I,
)
# The treatment is an example of a class the sentence names: "(e.g. pembrolizumab for ...)".
_EXAMPLE_BEFORE = re.compile(
    r"\b(?:e\.?g|eg|such\s+as|for\s+example|for\s+instance|including|i\.?e)\b[.,]?[^();]{0,50}$", re.I)
# The sentence is about treatment had or being had, or allowed.
_RECEIVED = re.compile(
    r"\b(?:prior|previous(?:ly)?|received|receiving|completed|cycles?\s+of|treated\s+with|treatment\s+with|exposure\s+to"
    r"|had|administration\s+of|on\s+treatment\s+with)\b",
    re.I,
)
_ALLOWED = re.compile(r"\b(?:allowed|permitted|acceptable|eligible)\b", re.I)


def _is_treatment(word: str) -> bool:
    return bool(_THERAPY_WORD.search(word)) or canonical_drug(word) is not None


def without_indications(sentence: str, section: str) -> tuple[str, bool]:
    """The sentence without the indication clauses of the treatments it names, and whether one was cut.

    Among inclusions a treatment that was had ("prior osimertinib for T790M-positive disease") and is neither an
    example nor an allowance may be asked for, marker and all: it keeps its marker there."""
    cut = False
    pieces: list[str] = []
    last = 0
    for found in _FOR.finditer(sentence):
        if found.start() < last:
            continue
        before = sentence[last: found.start()]
        drug_match = _DRUG_BEFORE.search(before)
        marker_match = _MARKER_AFTER.match(sentence, found.end())
        if drug_match is None or marker_match is None:
            continue
        drug, marker = drug_match.group("drug"), marker_match.group("marker")
        if not _is_treatment(drug) or _FOR_WHOM.match(marker) is None:
            continue
        norm = normalise(marker)
        if not names_marker(norm) and not names_score(norm):
            continue
        head = sentence[: found.start()]
        aside = _EXAMPLE_BEFORE.search(head) or _ALLOWED.search(sentence[marker_match.end():])
        if not aside and not (section == "exclusion" and _RECEIVED.search(head)):
            continue
        pieces.append(sentence[last: found.start()].rstrip(" ,"))
        last = marker_match.end()
        cut = True
    if not cut:
        return sentence, False
    pieces.append(sentence[last:])
    text = " ".join(p.strip() for p in pieces if p.strip()).strip(" ,;")
    return (text, True) if names_marker(normalise(text)) or names_score(normalise(text)) else ("", True)
