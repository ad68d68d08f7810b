"""The disease vocabulary (data/vocab/disease.json) compiled once into guarded patterns, and the small
text helpers the stage, histology and cancer-type readers share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from trialmatch.criteria.rules.prefilter import Guarded, guarded
from trialmatch.criteria.text import Criterion, TrialText
from trialmatch.criteria.vocab import load


def phrase_pattern(phrases: Iterable[str]) -> Guarded:
    """One case-insensitive pattern for a phrase list; a space or hyphen matches either or none.

    Behind a substring pre-check (Guarded): most sentences hold none of a list's phrases."""
    parts = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):  # fixed order, whatever the hash seed
        escaped = re.escape(phrase.lower())
        escaped = escaped.replace(r"\ ", r"[\s-]?").replace(r"\-", r"[\s-]?").replace(" ", r"[\s-]?")
        parts.append(escaped)
    return Guarded(re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w])", re.I))


def _with_exact(names: Guarded, exact: Iterable[str]) -> Guarded:
    """`names` and case-sensitive abbreviations, one pattern."""
    words = "|".join(re.escape(word) for word in sorted(set(exact), key=lambda w: (-len(w), w)))
    return Guarded(re.compile(rf"{names.pattern.pattern}|(?-i:(?<![\w-])(?:{words})(?![\w-]))", re.I))


def _not_a_ruler_name(names: Guarded) -> Guarded:
    """`names` where they are not the end of a response ruler's name: "Response Evaluation Criteria in Solid Tumors
    (RECIST)", "immune-related response criteria for solid tumours" measure a lesion in any cancer; they do not
    say the trial takes solid tumours in general (read so, an SCLC-only trial turned into a basket)."""
    return Guarded(re.compile(rf"(?<!criteria in )(?<!criteria for )(?:{names.pattern.pattern})", re.I))


# An organ word in its other sense names no cancer: "oral" as a route ("the Oral TRK Inhibitor", "oral medication",
# "oral TKI"), and any organ's function, feeding or metastases ("liver and renal function", "breast-feeding", "liver
# metastases": the lung cancer's own spread). "Oral" names the site only beside the mouth's or a cancer's words
# ("oral squamous cell carcinoma", "oral cancer", "oral or oropharyngeal", "oral mucosa"; "oral cavity" is a phrase).
_ORAL_SITE_AFTER = (r"(?=[\s/,&-]+(?:(?:and|or)\s+)?(?:cavity|cavities|mucosa\w*|tongue|lips?|gums?|gingiva\w*|squamous"
                    r"|cell|cancers?|carcinomas?|adenocarcinomas?|tumou?rs?|neoplasms?|malignan\w*|(?:pre-?)?malignan\w*"
                    r"|lesions?|leukoplakia|sites?|oro\w*|pharyn\w*|laryn\w*|hypopharyn\w*|nasopharyn\w*|head)\b)")
_NOT_A_SITE_AFTER = (r"(?![\s-]+(?:functions?|feeding|fed|metasta\w*|lesions?\s+(?:from|of)\s+(?:the\s+)?(?:nsclc|lung)"
                     r"|impairment|insufficiency|failure|dysfunction|toxicit\w*|rash\w*|enzymes?|tests?|clearance"
                     r"|transplant\w*|involvement|replacement)\b)")


def _sites_only(organs: Guarded) -> Guarded:
    """`organs` where the word names a body site that may have a cancer, not a route, a function or a metastasis."""
    pattern = organs.pattern.pattern.replace("|oral|", "|oral" + _ORAL_SITE_AFTER + "|", 1)
    if pattern == organs.pattern.pattern:
        raise ValueError("the organ list has no plain 'oral' to qualify")
    return Guarded(re.compile(pattern + _NOT_A_SITE_AFTER, re.I))


@cache
def vocab() -> dict[str, Any]:
    data = load("disease")
    hist = data["histology"]
    # Cancers written as abbreviations ("LUSC", "HCC", "UC"): see the vocabulary's "abbreviations" section.
    short = data["abbreviations"]
    return {
        "advanced_words": phrase_pattern(data["advanced"]["words"]),
        # Words after "metastatic" / "advanced" that name the disease, the NSCLC abbreviations among them.
        "disease_words": tuple(w.lower() for w in [*data["advanced"]["disease_words"], *short["nsclc"]]),
        "advanced_phrases": phrase_pattern(data["advanced"]["phrases"]),
        "stage_iii_only": phrase_pattern(data["stage_iii_only"]["phrases"]),
        "early": phrase_pattern(data["early"]["phrases"]),
        "early_negators": re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in data["early_negators"]["words"] if len(w) > 2) + r")\b", re.I
        ),
        "metastatic_excluded": phrase_pattern(data["metastatic_excluded"]["phrases"]),
        "oligo": phrase_pattern(data["oligometastatic"]["phrases"]),
        "oligo_count": guarded(
            r"(?:≤|<=|</=|=<|no more than|not more than|up to|at most|maximum of|less than|fewer than"
            r"|\b1 to|\b1-|\bone to)\s*(?:\d+|two|three|four|five)\s*(?:"
            + "|".join(re.escape(w) for w in data["oligometastatic"]["count_pattern_words"])
            + r")|\b(?:\d+|two|three|four|five) (?:metastatic )?(?:lesions|metastases|sites) or (?:less|fewer)\b"
            # A window on the count: "Total number of metastases 4-10", "between 2 and 5 metastatic lesions"
            r"|\bnumber of (?:metastatic )?(?:lesions|metastases|sites)(?: of (?:metastatic )?disease)?\s*"
            r"(?:of|is|must be|:|=)?\s*(?:between\s+)?\d+\s*(?:-|–|to|and)\s*\d+\b"
            r"|\b(?:between\s+)?\d+\s*(?:-|–|to|and)\s*\d+\s+(?:metastatic\s+)?(?:lesions|metastases|oligometastases"
            r"|sites of (?:metastatic )?disease)\b",
            re.I,
        ),
        "groups": {
            name: (phrase_pattern([*group["phrases"], *short["histology"].get(name, ())]), tuple(group["allows"]))
            for name, group in hist.items() if not name.startswith("_")
        },
        "squamous_excluded": phrase_pattern(data["squamous_excluded"]["phrases"]),
        "other_cancer_context": tuple(w.lower() for w in data["squamous_excluded"]["other_cancer_context"]),
        "nsclc": phrase_pattern([*data["nsclc_names"], *short["nsclc"]]),
        "lung_cancer": phrase_pattern(data["lung_cancer_generic"]),
        "basket": _not_a_ruler_name(phrase_pattern(data["basket"])),
        "other_cancers": _with_exact(phrase_pattern([*data["other_cancers"], *short["other_cancers"]]),
                                     short["other_cancers_exact_case"]),
        "other_organs": _sites_only(phrase_pattern(data["other_organs"]["words"])),
        "sclc": _with_small_cell_neuroendocrine(phrase_pattern(data["sclc_names"]["phrases"])),
    }


# "High grade small cell neuroendocrine carcinoma", "SCNEC": small cell carcinoma under its neuroendocrine name, not
# large cell neuroendocrine carcinoma ("non-small cell neuroendocrine" stays out: no word or hyphen before it).
_SMALL_CELL_NEUROENDOCRINE = (r"(?<![\w-])small[\s-]?cell[\s-]+neuro-?\s?endocrine[\s-]+"
                              r"(?:carcinomas?|cancers?|tumou?rs?|neoplasms?)(?:\s+of\s+(?:the\s+)?lungs?)?|\bscnec\b")


def _with_small_cell_neuroendocrine(names: Guarded) -> Guarded:
    return Guarded(re.compile(rf"{names.pattern.pattern}|{_SMALL_CELL_NEUROENDOCRINE}", re.I))


def mask(text: str, pattern: Guarded) -> str:
    """Blank out a pattern's matches so a shorter phrase inside them is not found again."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def scope_json(criterion: Criterion) -> dict[str, Any] | None:
    """The criterion's scope as stored JSON, or None (every patient, or a reader that gives none)."""
    scope = getattr(criterion, "scope", None)
    return None if scope is None else dict(scope.to_json())


def other_disease(criterion: Criterion) -> bool:
    """The criterion is for another cancer's cohort ("Part 1B: ER+ breast cancer ..."): not about NSCLC."""
    scope = getattr(criterion, "scope", None)
    return bool(scope is not None and scope.other_disease)


def one_group(criterion: Criterion) -> bool:
    """The criterion holds for one cohort, part, arm or marker group only: as the shared reader's
    apply_scope reads a scope, one that names NSCLC ("Patients with NSCLC must ...") is about everyone."""
    scope = getattr(criterion, "scope", None)
    return scope is not None and (bool(scope.genes) or not scope.diseases)


def sentences(text: TrialText, section: str) -> list[str]:
    return [s for c in text.criteria if c.section == section for s in c.sentences()]


# "excluding breast cancer, gastric cancer and ": the left-out word heads a list of cancers, NSCLC one of its items.
# Only the join right before NSCLC may be "and"/"or": "other than CRC or pancreatic cancer, or NSCLC with ..." may
# close the list before NSCLC, which is then taken.
LEFT_OUT_LIST_BEFORE = re.compile(
    r"\b(?:excluding|except(?: for)?|other than|but not|apart from|with the exception of)\s+"
    r"(?:(?!(?:including|includes|such|e\.g|for|with|in|who|which|that|are|is|and|or|nor|and/or)\b)[\w-]+"
    r"(?:\s*[,/]\s*|\s+)){1,12}(?:(?:and/or|and|or)\s+(?:[\w-]+\s+){0,2})?$",
    re.I,
)


# Treatment or history wording: a disease word in such a sentence is what someone had, not what is enrolled.
PRIOR_CONTEXT = guarded(
    r"\b(?:prior|previous(?:ly)?|received|receiving|history|relapsed? after|recurrence|recurred|progress\w*"
    r"|after|following|underwent|undergone|had been|allowed|permitted|eligible if|at least \d+ months)\b",
    re.I,
)
# "as specified in S1234: Master Protocol for Squamous Cell Lung Cancer": what follows names another document.
_REFERENCE = guarded(
    r"\b(?:as (?:specified|defined|described|outlined|detailed|listed|set out) (?:in|by)|master protocol)\b", re.I
)


def own_words(sentence: str) -> str:
    """The sentence up to a reference to another document, whose title says nothing about this trial."""
    if "\\" in sentence:  # an escape the criteria splitter leaves ("Head \\& Neck")
        sentence = sentence.replace("\\", "")
    match = _REFERENCE.search(sentence)
    return sentence[:match.start()] if match else sentence
