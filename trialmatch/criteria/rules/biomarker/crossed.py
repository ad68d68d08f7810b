"""A marker joined to a fact of another dimension ("EGFR-mutant NSCLC with untreated brain metastases", "Patients
with PD-L1 >= 50% who have received prior chemotherapy", "PD-L1 >= 50% in patients with ECOG 0-1").

The biomarker dimension reads only the marker half. Among exclusions the sentence shuts out carriers who ALSO have the
other fact; among inclusions "in patients with ECOG 2" or "Patients aged >= 70 ... must have" makes the marker rule
binding for that group alone. Either way the marker alone never excludes: such a rule is a question at most. Facts
joined by "or" are alternatives (each alone excludes) and stay as they are.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.biomarker.cues import normalise
from trialmatch.criteria.rules.biomarker.phrases import tokens

_BRAIN = (r"\b(?:brain|cns|central nervous system|intracranial|cerebral|leptomeningeal|meningeal)"
          r"(?:\s+(?:metasta\w*|mets|disease|lesions?|involvement|spread))?\b")
_PERFORMANCE = r"\b(?:ecog|performance status|karnofsky|kps|who ps|who performance)\b"
_AGE = (r"\b(?:aged?\s*(?:[<>≥≤=]|of\b|over\b|under\b|older\b|younger\b|\d)"
        r"|\d+\s*years?\s+(?:of age|or older|and older))")
_THERAPY = (
    r"\b(?:received|receiving|pretreated|pre-treated|treated\s+with"
    r"|progressed\s+(?:on|after|during|following)|progression\s+(?:on|after|during|following)|exposed\s+to"
    r"|(?:prior|previous|previously)\s+(?:[\w-]+\s+){0,3}?(?:treatment|therapy|therapies|chemotherapy|chemo"
    r"|immunotherapy|regimens?|lines?|tki|tkis|inhibitors?|systemic|exposure|sotorasib|adagrasib|osimertinib))\b"
)
_HISTOLOGY = r"(?:\bnon-?\s?squamous\b|\bnonsquamous\b|(?<![\w-])squamous\b|\badenocarcinoma\b|\blarge[\s-]cell\b)"
_OTHER_FACT = re.compile("|".join((_BRAIN, _PERFORMANCE, _AGE, _THERAPY)), re.I)
_HISTOLOGY_FACT = re.compile(_HISTOLOGY, re.I)
# What separates alternatives: "EGFR mutation, or untreated brain metastases" excludes on either.
# "50% or more", "75 years or older" compare a number; they join no alternatives. A bracket sets an aside apart:
# "EGFR or ALK (non-squamous subjects must be tested)" joins no histology to the markers.
_ALTERNATIVE = re.compile(
    r"\bor\b(?!\s+(?:more|greater|higher|above|older|less|lower|below|younger|equal)\b)|[;()\[\]]|\.\s", re.I)
# "PD-L1 >= 50% in patients with ECOG 0-1", "EGFR mutation for subjects aged 70 or older": the group a rule is for.
_GROUP_FRAME = re.compile(
    r"\b(?:in|for|among)\s+(?:(?:the|all)\s+)?(?:patients?|subjects?|participants?|individuals?|those|people)\s+"
    r"(?:with|aged|who|whose|of|having)\b",
    re.I,
)
# "Patients aged >= 70 or with ECOG 2 must have ...": the group first, then what it must have. So too "ECOG 2 patients
# are eligible only if PD-L1 >= 50%", "ECOG 0-1, or 2 if PD-L1 >= 50%": the marker is asked of that group alone.
_MODAL = re.compile(
    r"\b(?:must|should|shall|need to|needs to|are required to|is required to|if|when|provided|unless)\b", re.I)
_MARKER_TYPES = frozenset({"gene", "alt", "driver", "pdl1"})


def _marker_spans(sentence: str) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in tokens(sentence) if t.type in _MARKER_TYPES]


# "EGFR mutation positive and no prior chemotherapy", "never treated with a TKI": an untreated carrier, read by the
# treatment-history rules (treated.py), not a crossed fact here.
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|never|without|nor)\s+(?:[\w-]+\s+)?$", re.I)


def _facts(sentence: str, facts: re.Pattern[str]) -> list[re.Match[str]]:
    return [m for m in facts.finditer(sentence) if not _NEGATED_BEFORE.search(sentence, max(0, m.start() - 20),
                                                                              m.start())]


def _gap(text: str, a: tuple[int, int], b: tuple[int, int]) -> str:
    """The text between two spans, whichever comes first."""
    return text[a[1]:b[0]] if a[1] <= b[0] else text[b[1]:a[0]]


def _joined(sentence: str, facts: re.Pattern[str]) -> bool:
    """A marker and another dimension's fact in one statement: no "or" or sentence break between them."""
    found = _facts(sentence, facts)
    if not found:
        return False
    return any(not _ALTERNATIVE.search(_gap(sentence, span, fact.span()))
               for span in _marker_spans(sentence) for fact in found)


def crossed_exclusion(sentence: str) -> bool:
    """An exclusion that joins a marker with a fact of another dimension ("ALK fusion and active brain
    metastases"): the marker alone does not exclude."""
    return crossed_exclusion_in(normalise(sentence))


def crossed_exclusion_in(text: str) -> bool:
    """crossed_exclusion of a sentence already normalised (cues.normalise), for a caller that has it."""
    return _joined(text, _OTHER_FACT)


_NON_SQUAMOUS = re.compile(r"\bnon-?\s?squamous\b|\bnonsquamous\b", re.I)
_LARGE_CELL = re.compile(r"\blarge[\s-]cell\b", re.I)


def joined_histology(sentence: str) -> list[str] | None:
    """The histologies an exclusion joins to its marker ("Squamous histology with PD-L1 TPS < 1%": squamous), so
    the marker rule binds them alone; [] when it names several groups (a question); None when it joins none."""
    return joined_histology_in(normalise(sentence))


def joined_histology_in(text: str) -> list[str] | None:
    """joined_histology of a sentence already normalised (cues.normalise)."""
    if not _joined(text, _HISTOLOGY_FACT):
        return None
    named = {m.group(0).lower() for m in _HISTOLOGY_FACT.finditer(text)}
    groups: set[tuple[str, ...]] = set()
    for word in named:
        if _NON_SQUAMOUS.fullmatch(word):
            groups.add(("adenocarcinoma", "large cell"))
        elif _LARGE_CELL.fullmatch(word):
            groups.add(("large cell",))
        elif word == "squamous":
            groups.add(("squamous",))
        else:
            groups.add(("adenocarcinoma",))
    return list(groups.pop()) if len(groups) == 1 else []


def conditional_inclusion(sentence: str) -> bool:
    """An inclusion whose marker rule is for a group set by another dimension's fact ("PD-L1 >= 50% in patients
    with ECOG 0-1", "Patients aged >= 70 or with ECOG 2 must have PD-L1 >= 50%")."""
    return conditional_inclusion_in(normalise(sentence))


def conditional_inclusion_in(text: str) -> bool:
    """conditional_inclusion of a sentence already normalised (cues.normalise)."""
    facts = _facts(text, _OTHER_FACT)
    if not facts:
        return False
    for frame in _GROUP_FRAME.finditer(text):
        if any(0 <= fact.start() - frame.end() <= 60 for fact in facts):
            return True
    modal = _MODAL.search(text)
    if modal is None:
        return False
    markers = _marker_spans(text)
    return any(f.end() <= modal.start() for f in facts) and any(s >= modal.end() for s, _ in markers) and not any(
        e <= modal.start() for _, e in markers)


def histology_crossed(sentence: str) -> bool:
    """A histology exclusion joined to a marker or another dimension's fact ("Squamous histology with PD-L1 TPS < 1%",
    "Non-squamous NSCLC with untreated brain metastases"): histology alone does not exclude."""
    text = normalise(sentence)
    if joined_histology(text) is not None:
        return True
    facts = _facts(text, _OTHER_FACT)
    return any(not _ALTERNATIVE.search(_gap(text, histology.span(), fact.span()))
               for histology in _HISTOLOGY_FACT.finditer(text) for fact in facts)


# "Must have either tumours that harbour an EGFR mutation in exon 19 or 21, or must be never smoker wild-types", "ALK-
# positive NSCLC, or patients who never smoked": the marker is one way in, the words after the "or" another, which
# the marker reading cannot check. The "or" opens a way of its own when a modal or a subject follows it (or with
# "either" before the marker); the other way names no marker and no test ("EGFR mutation in tissue, or by a plasma
# assay" is one way, tested two ways).
_EITHER = re.compile(r"\beither\b", re.I)
_WAY_OR = re.compile(
    r"(?:[,;]\s*|\s)(?:and/)?or\s+(?:else\s+)?(?=(?:must|should|shall|will|may|can|patients?|participants?|subjects?"
    r"|individuals?|those|people|persons|anyone|they|never|former|current|light|non-?smok\w*|smok\w*)\b)",
    re.I,
)
_EITHER_OR = re.compile(r"[,;]\s*(?:and/)?or\s+", re.I)
_TEST_WORDS = re.compile(
    r"\b(?:test\w*|assay\w*|detect\w*|confirm\w*|document\w*|plasma|tissue|blood|biops\w*|samples?|specimens?|ngs"
    r"|pcr|fish|ihc|sequencing|laborator\w*|lab|reports?|results?|status)\b",
    re.I,
)


# "EGFR exon 20 insertion, with disease that has progressed on standard therapy, or patient is intolerant of, or has
# declined, standard therapy": a treatment state follows the marker and the "or" offers another treatment state, so
# it is an alternative within that condition (another dimension's), not a second way past the marker.
_THERAPY_STATE = re.compile(
    r"\b(?:progress\w*|intoleran\w*|declin\w*|refus\w*|ineligible|unsuitable|therap(?:y|ies)|treatments?|treated"
    r"|chemotherapy|regimens?|DRUG)\b",
    re.I,
)


def unread_alternative(sentence: str) -> bool:
    """An inclusion whose marker rule is one of two ways in, the other a state the marker reading cannot check."""
    if " or " not in sentence and ",or " not in sentence:
        return False
    text = normalise(sentence)
    markers = _marker_spans(text)
    if not markers:
        return False
    cuts = list(_WAY_OR.finditer(text))
    either = _EITHER.search(text)
    if either is not None and either.start() < markers[0][0]:
        cuts += [m for m in _EITHER_OR.finditer(text) if m.start() > markers[0][1]]
    for cut in cuts:
        if _inside_brackets(text, cut.start()):
            continue
        before = [s for s in markers if s[1] <= cut.start()]
        after = [s for s in markers if s[0] >= cut.end()]
        rest = text[cut.end():]
        if before and not after and len(rest.split()) >= 2 and not _TEST_WORDS.search(rest) and not (
                _THERAPY_STATE.search(text, before[-1][1], cut.start()) and _THERAPY_STATE.search(rest)):
            return True
        lead = text[:cut.start()]
        if after and not before and len(lead.split()) >= 2 and not _TEST_WORDS.search(lead):
            return True
    return False


def _inside_brackets(text: str, index: int) -> bool:
    return text.count("(", 0, index) > text.count(")", 0, index)
