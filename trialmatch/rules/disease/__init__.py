"""Disease: does the trial enrol stage IV NSCLC of the patient's histology?

Three questions, each answered at parse time from the title, conditions, keywords and criteria:

- stage: stage IV / metastatic / advanced / recurrent, or only early, resectable, perioperative
  or stage III disease ("Stage II/III non-operable disease" leaves stage IV out; "stage IIIB/IV"
  takes it); a limit on the number of metastases (oligometastatic) is unknown for a profile;
- histology: non-squamous, squamous or adenocarcinoma only, and squamous exclusions;
- cancer type: NSCLC, a solid-tumour basket that includes it, or another cancer only.

The phrases live in data/vocab/disease.json; the patterns here only say how they combine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from trialmatch.profile import Profile
from trialmatch.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding, Verdict
from trialmatch.rules.prefilter import AnyOf, Guarded, guarded, translator
from trialmatch.text import TrialText, quote
from trialmatch.vocab import load

NAME = "disease"

HISTOLOGIES = ("adenocarcinoma", "squamous", "large cell")
_SEVERITY = {ELIGIBLE: 0, UNKNOWN: 1, EXCLUDED: 2}


def _phrase_pattern(phrases: Iterable[str]) -> Guarded:
    """One case-insensitive pattern for a phrase list; a space or hyphen matches either or none.

    Behind a substring pre-check (Guarded): most sentences hold none of a list's phrases."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        escaped = re.escape(phrase.lower())
        escaped = escaped.replace(r"\ ", r"[\s-]?").replace(r"\-", r"[\s-]?").replace(" ", r"[\s-]?")
        parts.append(escaped)
    return Guarded(re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w])", re.I))


@cache
def _vocab() -> dict[str, Any]:
    data = load("disease")
    hist = data["histology"]
    return {
        "advanced_words": _phrase_pattern(data["advanced"]["words"]),
        "disease_words": tuple(w.lower() for w in data["advanced"]["disease_words"]),
        "advanced_phrases": _phrase_pattern(data["advanced"]["phrases"]),
        "stage_iii_only": _phrase_pattern(data["stage_iii_only"]["phrases"]),
        "early": _phrase_pattern(data["early"]["phrases"]),
        "early_negators": re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in data["early_negators"]["words"] if len(w) > 2) + r")\b", re.I
        ),
        "metastatic_excluded": _phrase_pattern(data["metastatic_excluded"]["phrases"]),
        "oligo": _phrase_pattern(data["oligometastatic"]["phrases"]),
        "oligo_count": guarded(
            r"(?:≤|<=|</=|=<|no more than|not more than|up to|at most|maximum of|less than|fewer than"
            r"|\b1 to|\b1-|\bone to)\s*(?:\d+|two|three|four|five)\s*(?:"
            + "|".join(re.escape(w) for w in data["oligometastatic"]["count_pattern_words"])
            + r")|\b(?:\d+|two|three|four|five) (?:metastatic )?(?:lesions|metastases|sites) or (?:less|fewer)\b",
            re.I,
        ),
        "groups": {
            name: (_phrase_pattern(group["phrases"]), tuple(group["allows"]))
            for name, group in hist.items() if not name.startswith("_")
        },
        "squamous_excluded": _phrase_pattern(data["squamous_excluded"]["phrases"]),
        "other_cancer_context": tuple(w.lower() for w in data["squamous_excluded"]["other_cancer_context"]),
        "nsclc": _phrase_pattern(data["nsclc_names"]),
        "lung_cancer": _phrase_pattern(data["lung_cancer_generic"]),
        "basket": _phrase_pattern(data["basket"]),
        "other_cancers": _phrase_pattern(data["other_cancers"]),
    }


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_UNICODE_ROMAN = str.maketrans({"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "～": "~"})
_plain_roman = translator(_UNICODE_ROMAN)
_STAGE_ITEM = r"(?:[IV]{1,4}|[1-4])(?:\s?[ABC](?![A-Za-z0-9])|[ABC]?[12]?(?![A-Za-z0-9]))"  # "IIIB", "III B", "IA2"
STAGE = guarded(
    rf"\bstages?\s*(?:is\s+|of\s+|:\s*|=\s*)?(?P<body>{_STAGE_ITEM}"
    rf"(?:\s*(?:[-–—~/,&]|to|or|and|through)\s*(?:stage\s*)?(?:{_STAGE_ITEM}|[ABC](?![A-Za-z0-9])))*)",
    re.I,
)
_STAGE_VALUE = re.compile(r"(?<![A-Za-z0-9])(?:[IV]{1,4}|[1-4])", re.I)
_M1 = guarded(r"\bM1[abc]?\b")
_M0 = guarded(r"(?<![A-Za-z])M0\b")  # "T2-4 N0-3 M0", "T1N0M0"
# "chemo(radio)therapy for stage I-III NSCLC": a stage someone was treated for, not one enrolled.
_TREATED_FOR = re.compile(
    r"(?:therap\w*|treat\w*|surgery|resection|chemo\w*|radiation|radiotherapy)\)?\s+(?:for|of)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?$",
    re.I,
)
_PRIOR_CONTEXT = guarded(
    r"\b(?:prior|previous(?:ly)?|received|receiving|history|relapsed? after|recurrence|recurred|progress\w*"
    r"|after|following|underwent|undergone|had been|allowed|permitted|eligible if|at least \d+ months)\b",
    re.I,
)
# How far back a negation or qualifier is looked for: bounded, so long texts stay linear.
_LOOKBACK = 60
# An early phrase in these sentences is treatment someone had, not the disease enrolled.
_EARLIER_TREATMENT = guarded(
    r"\b(?:prior|previous(?:ly)?|received|receiving|history of|relapse\w*|recurrence|recurred|progress\w*"
    r"|underwent|undergone|allowed|permitted|eligible if|completion|completed)\b",
    re.I,
)
_NEGATED_BEFORE = re.compile(
    r"(?<!with or )(?<!with/)\b(?:no|not|without|non|absence of|free of)\b(?:\s+[\w-]+){0,3}\s*$", re.I
)
_SITE_BEFORE = re.compile(
    r"\b(?:brain|cns|central nervous system|meningeal|leptomeningeal|lepto-meningeal|bone|liver|hepatic|spinal"
    r"|adrenal|pleural|pulmonary|nodal|visceral|symptomatic|uncontrolled|untreated|active)\W*$",
    re.I,
)
_SITE_AFTER = re.compile(
    r"\s*(?:in|to|of|involving)\s+(?:the\s+)?(?:brain|cns|central|bone|liver|spine|spinal|lepto)", re.I
)
_EXCLUSION_NOISE = re.compile(
    r"\b(?:therapy|treatment|chemotherapy|regimen|prior|previous|received|malignan\w*|history|allowed"
    r"|permitted|unless|except|lesions?|target)\b",
    re.I,
)
_CONDITIONAL_BEFORE = re.compile(
    r"\b(?:if|for|in|when)\s+(?:(?:patients?|subjects?|participants?|those)\s+)?(?:with\s+)?(?:a\s+)?$", re.I
)
_CONDITIONAL_AFTER = re.compile(r"\b(?:must|should|required|require|requires|need|needs)\b", re.I)
_TESTING = re.compile(
    r"\b(?:EGFR|ALK|ROS1|driver|genetic|mutation|testing|tested|genotyp\w*|biomarker|pemetrexed|bevacizumab)\b",
    re.I,
)
_COHORT = guarded(r"\b(?:cohorts?|arms?|parts?|groups?|stratum|substudy|sub-study)\s*[A-Z0-9]{1,3}\b", re.I)
_CONDITIONAL_DRUG = guarded(
    r"\b(?:if|for|when|in case of)\b[^.;]{0,60}\b(?:pemetrexed|bevacizumab|receiving|treated with)\b", re.I
)
_ANY_HISTOLOGY = guarded(
    r"\b(?:any|all|regardless of|irrespective of)\s+(?:\w+\s+)?histolog\w*"
    r"|\bsquamous (?:or|and|and/or|/) non-?\s?squamous|\bnon-?\s?squamous (?:or|and|and/or|/) squamous",
    re.I,
)


def _most(verdicts: Iterable[Verdict]) -> Verdict:
    return max(verdicts, key=_SEVERITY.__getitem__)


def _mask(text: str, pattern: Guarded) -> str:
    """Blank out a pattern's matches so a shorter phrase inside them is not found again."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _sentences(text: TrialText, section: str) -> list[str]:
    return [s for c in text.criteria if c.section == section for s in c.sentences()]


# ---------------------------------------------------------------- stage
def _stage_values(body: str) -> list[int]:
    return [_ROMAN[v.upper()] for v in _STAGE_VALUE.findall(body) if v.upper() in _ROMAN]


def _advanced_evidence(sentence: str) -> bool:
    """Does the sentence describe the disease as metastatic, advanced, recurrent or stage IV?"""
    vocab = _vocab()
    text = _mask(sentence, vocab["stage_iii_only"])
    if vocab["advanced_phrases"].search(text) or _M1.search(text):
        return True
    for match in vocab["advanced_words"].finditer(text):
        if _NEGATED_BEFORE.search(text[max(0, match.start() - _LOOKBACK):match.start()]):
            continue
        following = re.findall(r"[\w-]+", text[match.end():match.end() + 80])[:5]
        if any(word.lower().startswith(vocab["disease_words"]) for word in following):
            return True
    return False


def _negated_metastatic(sentence: str) -> bool:
    """ "No distant metastasis", "without metastatic disease" in the inclusion criteria."""
    if _PRIOR_CONTEXT.search(sentence):
        return False
    for match in _METASTA.finditer(sentence):
        before = sentence[max(0, match.start() - _LOOKBACK):match.start()]
        if _NEGATED_BEFORE.search(before) and not _SITE_BEFORE.search(before):
            return True
    return False


def _early_evidence(sentence: str, header: bool) -> bool:
    """Early, resectable or curative-intent wording that describes the disease enrolled."""
    vocab = _vocab()
    if not header and _EARLIER_TREATMENT.search(sentence):
        return False
    for match in vocab["early"].finditer(sentence):
        before = sentence[max(0, match.start() - 40):match.start()]
        tail = " ".join(before.split()[-3:])
        if vocab["early_negators"].search(tail):  # "not amenable to surgery", "non operable"
            continue
        return True
    return False


_METASTA = guarded(r"\bmetasta\w*", re.I)  # what _negated_metastatic looks for


@cache
def _stage_words() -> AnyOf:
    """Every pattern by which a sentence adds to the stage rule: one check skips the rest (most sentences)."""
    vocab = _vocab()
    return AnyOf(STAGE, _M0, vocab["early"], _METASTA, vocab["oligo"], vocab["oligo_count"],
                 masked=(vocab["advanced_phrases"], _M1, vocab["advanced_words"]))


def _stage_rule(text: TrialText) -> dict[str, Any]:
    vocab = _vocab()
    stage_words = _stage_words()
    header = [text.title, *text.conditions, *text.keywords]
    inclusion = _sentences(text, "inclusion")
    advanced: list[str] = []
    early: list[str] = []
    excludes_metastatic: list[str] = []
    oligo: list[str] = []
    for is_header, sentences in ((True, header), (False, inclusion)):
        for sentence in sentences:
            plain = _plain_roman(sentence)
            if not stage_words.possible(plain):
                continue
            stages = [
                _stage_values(m.group("body")) for m in STAGE.finditer(plain)
                if not _TREATED_FOR.search(plain[max(0, m.start() - 60):m.start()])
            ]
            if any(4 in values for values in stages) or _advanced_evidence(plain):
                advanced.append(sentence)
            elif (any(values and max(values) <= 3 for values in stages) or _M0.search(plain)
                  or _early_evidence(plain, is_header)):
                early.append(sentence)
            if not is_header and _negated_metastatic(plain):
                excludes_metastatic.append(sentence)
            if vocab["oligo"].search(plain) or vocab["oligo_count"].search(plain):
                oligo.append(sentence)  # a limited number of metastases is still stage IV
                advanced.append(sentence)
    for criterion in text.exclusion:
        body = criterion.text
        if len(body) > 220 or not vocab["metastatic_excluded"].possible(body) or _EXCLUSION_NOISE.search(body):
            continue
        for match in vocab["metastatic_excluded"].finditer(body):
            if not _SITE_BEFORE.search(body[max(0, match.start() - 30):match.start()]) and not _SITE_AFTER.match(
                body, match.end()
            ):
                excludes_metastatic.append(body)
                break

    if excludes_metastatic:
        verdict, why, evidence = (UNKNOWN if advanced else EXCLUDED), "metastatic_excluded", excludes_metastatic[0]
    elif early and not advanced:
        verdict, why, evidence = EXCLUDED, "early_only", early[0]
    elif oligo:
        verdict, why, evidence = UNKNOWN, "oligometastatic", oligo[0]
    elif advanced:
        verdict, why, evidence = ELIGIBLE, "advanced", advanced[0]
    else:
        verdict, why, evidence = ELIGIBLE, "none", ""
    stated = bool(advanced or early or excludes_metastatic or oligo)
    return {"IV": verdict, "other": UNKNOWN if stated else ELIGIBLE, "why": why,
            "evidence": quote(evidence) if evidence else ""}


# ---------------------------------------------------------------- histology
def _histology_mentions(sentence: str) -> list[tuple[str, ...]]:
    """The histology groups a sentence restricts to, each as the histologies it admits."""
    vocab = _vocab()
    text = sentence
    found: list[tuple[str, ...]] = []
    for name in ("non_squamous", "large_cell", "squamous", "adenocarcinoma"):
        pattern, allows = vocab["groups"][name]
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 40):match.start()]
            after = text[match.end():match.end() + 100]
            if _CONDITIONAL_BEFORE.search(before):
                continue
            if _CONDITIONAL_AFTER.search(after) and _TESTING.search(after):
                continue
            found.append(allows)
            break
        text = _mask(text, pattern)
    return found


@cache
def _histology_words() -> AnyOf:
    """The histology groups' patterns: _histology_mentions finds nothing where none can match (its masks
    only blank out text)."""
    return AnyOf(masked=tuple(pattern for pattern, _ in _vocab()["groups"].values()))


def _squamous_excluded(sentence: str) -> bool:
    vocab = _vocab()
    lowered = sentence.lower()
    if any(word in lowered for word in vocab["other_cancer_context"]) or _PRIOR_CONTEXT.search(sentence):
        return False
    if _COHORT.search(sentence):  # a limit for one cohort leaves the others open
        return False
    text = _mask(sentence, vocab["groups"]["non_squamous"][0])
    return bool(vocab["squamous_excluded"].search(text))


def _histology_rule(text: TrialText) -> dict[str, Any]:
    """The histologies the trial admits; "firm" unless the limit is stated for one cohort only."""
    # (sentence, its parent bullet or None for the title and conditions)
    sources = [(part, None) for part in (text.title, *text.conditions)] + [
        (sentence, criterion.parent) for criterion in text.inclusion for sentence in criterion.sentences()
    ]
    allowed: set[str] | None = None
    firm = False
    evidence = ""
    other_cancer = _vocab()["other_cancer_context"]
    histology_words = _histology_words()
    for sentence, parent in sources:
        if _ANY_HISTOLOGY.search(sentence):
            return {"allowed": None, "firm": False, "evidence": ""}
        if not histology_words.possible(sentence):
            continue  # names no histology (most sentences): nothing below can find one
        lowered = sentence.lower()
        if any(word in lowered for word in other_cancer) or _CONDITIONAL_DRUG.search(sentence):
            continue  # "... squamous cell carcinoma of the skin"; "for patients receiving pemetrexed"
        mentions = _histology_mentions(sentence)
        cohort_only = parent is not None and bool(_COHORT.search(sentence) or _COHORT.search(parent))
        for allows in mentions:
            allowed = (allowed or set()) | set(allows)
            firm = firm or not cohort_only
            evidence = evidence or sentence
    excluded_squamous = next((s for s in _sentences(text, "exclusion") if _squamous_excluded(s)), "")
    if excluded_squamous:
        allowed = (set(HISTOLOGIES) if allowed is None else allowed) - {"squamous"}
        firm = True
        evidence = evidence or excluded_squamous
    if allowed is None or allowed >= set(HISTOLOGIES):
        return {"allowed": None, "firm": False, "evidence": ""}
    return {"allowed": sorted(allowed), "firm": firm, "evidence": quote(evidence)}


# ---------------------------------------------------------------- cancer type
def _cancer_rule(text: TrialText) -> dict[str, Any]:
    vocab = _vocab()
    sources = [text.title, *text.conditions, *text.keywords, *_sentences(text, "inclusion")]
    for sentence in sources:
        # "lung cancer" counts once "small cell lung cancer" is blanked out.
        if vocab["nsclc"].search(sentence) or vocab["lung_cancer"].search(_mask(sentence, vocab["other_cancers"])):
            return {"verdict": ELIGIBLE, "evidence": "", "other": ""}
    for sentence in sources:
        if vocab["basket"].search(sentence):
            return {"verdict": ELIGIBLE, "evidence": quote(sentence), "other": ""}
    header = " | ".join([text.title, *text.conditions])
    other = vocab["other_cancers"].search(_mask(header, vocab["nsclc"]))
    if other:
        return {"verdict": EXCLUDED, "evidence": quote(header), "other": other.group(0)}
    return {"verdict": ELIGIBLE, "evidence": "", "other": ""}


def parse(text: TrialText) -> dict[str, Any]:
    return {"stage": _stage_rule(text), "histology": _histology_rule(text), "cancer": _cancer_rule(text)}


# ---------------------------------------------------------------- check
_STAGE_REASON = {
    "metastatic_excluded": "The trial does not take metastatic (stage IV) disease",
    "early_only": "The trial is for early, resectable or locally advanced (stage I-III) disease only",
    "oligometastatic": "The trial limits how many metastases a patient may have",
    "advanced": "The trial takes advanced or metastatic NSCLC",
}


def _stage_finding(rule: dict[str, Any], profile: Profile) -> Finding:
    verdict: Verdict = rule["IV"] if profile.stage == "IV" else rule["other"]
    base = _STAGE_REASON.get(rule["why"], "The trial sets no stage limit")
    if profile.stage is None and rule["why"] != "none":
        return Finding(UNKNOWN, rule["evidence"], f"{base}; your stage was not given.")
    if profile.stage != "IV":
        return Finding(verdict, rule["evidence"], f"{base}; check with the study team for stage {profile.stage}.")
    if verdict == EXCLUDED:
        return Finding(verdict, rule["evidence"], f"{base}; your cancer is stage IV.")
    if verdict == UNKNOWN:
        return Finding(verdict, rule["evidence"], f"{base}; ask the study team whether yours qualifies.")
    return Finding(verdict, rule["evidence"], f"{base}; your cancer is stage IV.")


def _histology_finding(rule: dict[str, Any], profile: Profile) -> Finding:
    allowed = rule["allowed"]
    if allowed is None:
        return Finding(ELIGIBLE, "", "The trial sets no histology limit.")
    names = " or ".join(allowed)
    if profile.histology is None:
        return Finding(UNKNOWN, rule["evidence"], f"The trial takes {names} histology only; yours was not given.")
    if profile.histology == "nsclc-nos":
        return Finding(UNKNOWN, rule["evidence"],
                       f"The trial takes {names} histology only; your NSCLC subtype is not specified.")
    if profile.histology in allowed:
        return Finding(ELIGIBLE, rule["evidence"], f"The trial takes {names} histology; yours is {profile.histology}.")
    if not rule["firm"]:
        return Finding(UNKNOWN, rule["evidence"],
                       f"One part of the trial takes {names} histology only; yours is {profile.histology}: "
                       "ask whether another part fits.")
    return Finding(EXCLUDED, rule["evidence"],
                   f"The trial takes {names} histology only; yours is {profile.histology}.")


def check(rules: dict[str, Any], profile: Profile) -> Finding:
    if not rules:
        return Finding(ELIGIBLE, "", "The trial text sets no requirement on the disease.")
    cancer = rules["cancer"]
    if cancer["verdict"] == EXCLUDED:
        return Finding(EXCLUDED, cancer["evidence"],
                       f"The trial is for {cancer['other']} only, not non-small cell lung cancer.")
    findings = [_stage_finding(rules["stage"], profile), _histology_finding(rules["histology"], profile)]
    worst = _most(f.verdict for f in findings)
    if worst != ELIGIBLE:
        return next(f for f in findings if f.verdict == worst)
    evidence = next((f.evidence for f in findings if f.evidence), cancer["evidence"])
    return Finding(ELIGIBLE, evidence, " ".join(f.reason for f in findings))
