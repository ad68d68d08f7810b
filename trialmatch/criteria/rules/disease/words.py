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



# A limit on how many metastases the whole body may hold (oligometastatic), in any of the ways registry text counts:
# "with 3 or fewer metastatic lesions", "≤ 5 distant metastases", "no more than three sites of metastatic disease",
# "a maximum of 4 extracranial metastases", "metastatic lesions ≤ 3", "the number of metastatic lesions is not more
# than 5", "1-3 metastases", "more than 3 metastatic sites" (an exclusion). Not one organ's count ("up to 3 brain
# metastases", "metastases to the brain ≤ 3"), a size ("metastases ≤ 3 cm") or lines of therapy.
_COUNT_NUMBER = (r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)(?![\d.,]|\s*(?:cm|mm|%|months?|weeks?"
                 r"|days?|years?|gy|fractions?|lines?|cycles?|x)\b)")
_COUNT_AT_MOST = (r"(?:≤|<=|</=|=<|<|no\s+more\s+than|not\s+more\s+than|up\s+to|at\s+most|(?:a\s+)?maximum\s+(?:of\s+)?"
                  r"|max\.?|less\s+than(?:\s+or\s+equal\s+to)?|fewer\s+than|not\s+exceed\w*|(?:do|does|should|must|may)"
                  r"\s+not\s+exceed|limited\s+to|\b1\s*(?:-|–|to)|one\s+to|between\s+\d+\s+and)")
_COUNT_AT_LEAST = r"(?:>|≥|>=|more\s+than|greater\s+than|in\s+excess\s+of|at\s+least)"
# Between the number and what it counts: "distant", "extracranial", "synchronous" ... never an organ ("brain").
_COUNT_KIND = (r"(?:(?:total|distant|extra-?cranial|extra-?thoracic|extra-?pulmonary|synchronous|metachronous|visible"
               r"|discrete|separate|active|residual|oligo-?metastatic|metastatic|radiographic(?:ally)?|sites?\s+of|foci\s+of"
               r"|non-?(?:cns|brain))[\s-]+){0,2}")
_COUNT_SITE_AFTER = (r"(?![\s-]+(?:to|in|of|within|involving)\s+(?:the\s+)?(?:brain|cns|central|liver|hepatic|bones?"
                     r"|lungs?|adrenal|spine|skull)\b)")
# What every count above counts holds one of these (its own needles, "disease", "less", "number", are in most
# sentences: the stage reader's one needle check would let nearly every sentence through).
_COUNTED_NEEDLES = frozenset((piece, True) for piece in ("metasta", "mestasta", "lesion", "site", "foci", "mets"))
_COUNT_ORGAN_BEFORE = "".join(rf"(?<!{word} )" for word in (
    "brain", "cerebral", "intracranial", "cns", "bone", "osseous", "liver", "hepatic", "lung", "adrenal", "spinal"))


def _count_thing(things: Iterable[str]) -> str:
    """What a count of metastases counts, with the words allowed before it; `things` are the vocabulary's nouns."""
    nouns = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(things), key=lambda w: (-len(w), w)))
    thing = (rf"(?:{nouns}|metastatic\s+(?:lesions|sites|foci|deposits|organs)|sites\s+of\s+(?:metastatic\s+)?"
             rf"(?:disease|metastas[ei]s|spread)|(?:distant|extra-?cranial)\s+(?:lesions|sites|foci)"
             rf"|oligometastases|mets)\b{_COUNT_SITE_AFTER}")
    return rf"{_COUNT_KIND}{thing}"


# The letters a counted thing ("number of", _COUNT_KIND's words, the nouns) can start with: a count that names the
# thing first is tried only where one may start (the regex has no literal to skip ahead to). It changes no match.
_THING_START = "[tdesmvrafon]"
_COUNT_MARK = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)


class _Counted(Guarded):
    """A count of metastases: besides a counted thing (its needles), every match holds a number. The regex has no
    literal to skip ahead to, and most sentences about metastases give no count: they are spared it."""

    def possible(self, text: str) -> bool:
        return super().possible(text) and _COUNT_MARK.search(text) is not None


def _count_limit(things: Iterable[str]) -> Guarded:
    """The pattern of a cap on the number of metastases, or a window on it (see above)."""
    ahead = _count_thing(things)
    between = rf"\b(?:between\s+)?\d+\s*(?:-|–|to|and)\s*\d+\s+{ahead}"  # "1-3 metastases", "between 2 and 5 ..."
    return _Counted(re.compile(
        rf"{_COUNT_AT_MOST}\s*{_COUNT_NUMBER}\s*{ahead}"  # "≤ 5 distant metastases", "up to three metastatic sites"
        rf"|\b{_COUNT_NUMBER}\s+or\s+(?:fewer|less)\s+{ahead}"  # "3 or fewer metastatic lesions"
        rf"|\b{_COUNT_NUMBER}\s+{ahead}\s+(?:or\s+(?:fewer|less)|at\s+(?:the\s+)?most|maximum)\b"
        # "metastatic lesions ≤ 3", "(the) number of metastases (is / must be) no more than 5", "metastases: 1-3"
        rf"|\b(?={_THING_START}){_COUNT_ORGAN_BEFORE}(?:number\s+of\s+)?{ahead}\s*(?:\(\w+\)\s*)?(?:number\s*)?(?:count\s*)?"
        rf"(?:(?:is|are|must\s+be|should\s+be|of|:|=)\s*)?{_COUNT_AT_MOST}\s*{_COUNT_NUMBER}"
        rf"|\bnumber\s+of\s+{ahead}\s*(?:is\s+|must\s+be\s+|of\s+|:\s*|=\s*)?(?:between\s+)?\d+\s*(?:-|–|to|and)\s*\d+\b"
        rf"|{between}",
        re.I), _COUNTED_NEEDLES)


def _count_floor(things: Iterable[str]) -> Guarded:
    """A floor on the number of metastases ("more than 3 metastatic lesions", "6 or more metastases"): in an exclusion,
    a cap. (In an inclusion, "at least two metastatic lesions: one for SBRT, one to measure" asks for what nearly any
    stage IV patient has: not read.)"""
    ahead = _count_thing(things)
    return _Counted(re.compile(
        rf"{_COUNT_AT_LEAST}\s*(?:[2-9]|1\d|two|three|four|five|six|seven|eight|nine|ten)\b\s*{ahead}"  # "> 3 lesions"
        rf"|\b{_COUNT_NUMBER}\s+or\s+more\s+{ahead}|\b{_COUNT_NUMBER}\s+{ahead}\s+or\s+more\b"
        rf"|\b(?={_THING_START}){_COUNT_ORGAN_BEFORE}(?:number\s+of\s+)?{ahead}\s*(?:\(\w+\)\s*)?(?:number\s*)?(?:count\s*)?"
        rf"(?:(?:is|are|of|:|=)\s*)?{_COUNT_AT_LEAST}\s*{_COUNT_NUMBER}",
        re.I), _COUNTED_NEEDLES)


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
        "oligo_count": _count_limit(data["oligometastatic"]["count_pattern_words"]),
        "many_count": _count_floor(data["oligometastatic"]["count_pattern_words"]),
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
