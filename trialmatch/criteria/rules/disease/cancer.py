"""Cancer type: does the trial take NSCLC (named, as lung cancer in general, or in a solid-tumour basket),
small cell lung cancer only, or another cancer only?"""

from __future__ import annotations

import re
from typing import Any

from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN
from trialmatch.criteria.rules.disease.words import mask, sentences, vocab
from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.text import TrialText, quote

# "NSCLC with transformation to small cell": an SCLC trial's door for one kind of NSCLC, not for NSCLC.
_TRANSFORMED = guarded(r"\btransform\w*", re.I)
_NOT_TRANSFORMED = re.compile(r"\b(?:without|no|not|excluding|except)\b[^.;]{0,40}\btransform", re.I)
_LEFT_OUT_BEFORE = re.compile(
    r"\b(?:excluding|except(?: for)?|other than|but not|apart from|with the exception of)\s+(?:[\w-]+\s+){0,2}$", re.I
)
_LEFT_OUT_WORD = guarded(r"\b(?:excluding|except|other than|but not|apart from|exception)\b", re.I)
_ANY_CANCER = guarded(
    r"\b(?:solid|any|all|other|advanced|metastatic)\s+(?:\w+\s+)?(?:cancers?|tumou?rs?|malignanc\w*)"
    r"|\btumou?r types?\b",
    re.I,
)
_HISTORY = guarded(r"\b(?:history|prior|previous|second|malignanc\w*|within \d+ years?)\b", re.I)


def _left_out(sentence: str, start: int) -> bool:
    """A tumour list that names lung cancer at `start` only to leave it out ("solid tumours other than NSCLC"),
    not a history rule ("no prior malignancy other than NSCLC")."""
    return bool(_LEFT_OUT_BEFORE.search(sentence, max(0, start - 40), start) and _ANY_CANCER.search(sentence)
                and not _HISTORY.search(sentence))


def _lung_cancer_taken(sources: list[str]) -> bool:
    """Some sentence names lung cancer without leaving it out."""
    pattern = vocab()["lung_cancer"]
    for sentence in sources:
        match = pattern.search(sentence)
        if match and not _left_out(sentence, match.start()):
            return True
    return False


_LUNG = guarded(r"\blungs?\b", re.I)


_LUNG_CANCER = r"(?:non-?\s?small[\s-]cell lung (?:cancer|carcinoma)|nsclc|lung (?:cancer|carcinoma|malignancy))"
# Screening and prevention studies enrol people without lung cancer: "No prior history of lung cancer" in the
# inclusions, a bullet that is only "Known or suspected lung cancer" in the exclusions.
_NO_LUNG_CANCER = guarded(
    r"\b(?:no|without|free of|never)\s+(?:(?:a|any|prior|previous|personal|known|current|history|of|diagnosis"
    r"|diagnosed|with|been|evidence)\s+){0,4}" + _LUNG_CANCER
    + r"(?![\w-])(?!\s+(?:surgery|resection|treatment|therapy))",
    re.I,
)
_LUNG_CANCER_BULLET = re.compile(
    r"\W*(?:(?:a|any|known|suspected|current|prior|previous|personal|active|or|and|/|history|of|diagnosis"
    r"|diagnosed|with|confirmed|existing)\s+)*" + _LUNG_CANCER
    + r"\s*(?:\([^()]{0,80}\))?\s*(?:within [^.;]{0,30})?[.;]?\s*$",
    re.I,
)


def _without_lung_cancer(text: TrialText) -> str:
    """The criterion saying the trial is for people without lung cancer, or "": never when an inclusion
    criterion also takes people with it ("NSCLC patients" beside "Patients without NSCLC": cases and controls)."""
    v = vocab()
    negated = ""
    for criterion in text.inclusion:
        if criterion.scope is not None:
            continue  # one group's rule (healthy volunteers, a cohort) does not speak for the whole study
        if _NO_LUNG_CANCER.search(criterion.text):
            negated = negated or criterion.text
        elif v["nsclc"].search(criterion.text) or v["lung_cancer"].search(criterion.text):
            return ""
    if negated:
        return negated
    for criterion in text.exclusion:
        if criterion.scope is None and len(criterion.text) < 160 and _LUNG_CANCER_BULLET.match(criterion.text):
            return criterion.text
    return ""


def _rule(verdict: str, evidence: str = "", other: str = "") -> dict[str, Any]:
    return {"verdict": verdict, "evidence": quote(evidence) if evidence else "", "other": other}


def _names_other_cancer(part: str) -> bool:
    v = vocab()
    plain = mask(mask(part, v["nsclc"]), v["basket"])
    return bool(v["other_cancers"].search(plain) or v["other_organs"].search(plain))


def cancer_rule(text: TrialText) -> dict[str, Any]:
    v = vocab()
    without = _without_lung_cancer(text)
    if without:
        return _rule(EXCLUDED, without, "people without lung cancer")
    header = [text.title, *text.conditions, *text.keywords]
    inclusion = sentences(text, "inclusion")
    sources = [*header, *inclusion]
    nsclc: list[str] = []  # sentences naming NSCLC only as transformed to small cell
    left_out = ""  # "solid tumours other than lung cancer"
    for sentence in sources:
        named = v["nsclc"].search(sentence)
        if named and _left_out(sentence, named.start()):
            left_out = left_out or sentence
        elif named:
            if not _TRANSFORMED.search(sentence) or _NOT_TRANSFORMED.search(sentence):
                return _rule(ELIGIBLE)  # most trials: NSCLC named, nothing more to read
            nsclc.append(sentence)
        elif _LEFT_OUT_WORD.search(sentence):
            lung_named = v["lung_cancer"].search(sentence)
            if lung_named and _left_out(sentence, lung_named.start()):
                left_out = left_out or sentence
    if left_out and not nsclc and not _lung_cancer_taken(sources):
        return _rule(EXCLUDED, left_out, "cancers other than lung cancer")
    # Lung cancer in general counts once small cell lung cancer is blanked out.
    generic = [s for s in sources if v["lung_cancer"].search(mask(mask(s, v["sclc"]), v["other_cancers"]))]
    baskets = [s for s in sources if v["basket"].search(s)]
    basket = baskets[0] if baskets else ""
    small_cell = next(((s, c) for c in text.inclusion for s in c.sentences() if v["sclc"].search(s)), None)
    if small_cell and not basket and not any(s in inclusion for s in generic):
        if nsclc:  # "SCLC, or NSCLC transformed to small cell": whether yours has transformed is not known
            return _rule(UNKNOWN, nsclc[0], "transformed")
        if small_cell[1].scope is not None:  # "Cohort B (SCLC): ...": other cohorts may take other cancers
            return _rule(UNKNOWN, small_cell[0], "small cell named")
        # The inclusion names small cell lung cancer and never NSCLC: a title's "lung cancer" means SCLC.
        return _rule(EXCLUDED, small_cell[0], "small cell lung cancer")
    if nsclc:
        return _rule(ELIGIBLE)
    small_cell_header = next((s for s in header if v["sclc"].search(s)), "")
    if small_cell_header and not basket and not any(s in inclusion for s in generic):
        return _rule(UNKNOWN, small_cell_header, "small cell named")  # conditions say SCLC, the criteria nothing
    if generic:
        return _rule(ELIGIBLE)
    if basket:
        # A basket whose listed cancers leave NSCLC (and the lung) out may or may not take it.
        listed = [*text.conditions, *baskets]
        lung = any(_LUNG.search(mask(part, v["sclc"])) for part in listed)  # "breast, lung and ovarian cancers"
        if not lung and any(_names_other_cancer(part) for part in listed):
            return _rule(UNKNOWN, basket, "basket")
        return _rule(ELIGIBLE, basket)
    header_text = " | ".join([text.title, *text.conditions])
    other = v["other_cancers"].search(mask(header_text, v["nsclc"]))
    if other:
        return _rule(EXCLUDED, header_text, other.group(0))
    return _rule(ELIGIBLE)
