"""Stage: does the trial take stage IV / metastatic / advanced / recurrent disease, or only early,
resectable, perioperative or stage III disease ("Stage II/III non-operable disease" leaves stage IV out;
"stage IIIB/IV" takes it)? A limit on the number of metastases (oligometastatic) is unknown for a profile.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN
from trialmatch.criteria.rules.disease.cancer import another_cancer_only
from trialmatch.criteria.rules.disease.words import PRIOR_CONTEXT, mask, one_group, scope_json, vocab
from trialmatch.criteria.rules.performance_status import one_part
from trialmatch.criteria.rules.prefilter import AnyOf, guarded, translator
from trialmatch.criteria.rules.reader.vocabulary import SHUT_OUT
from trialmatch.criteria.text import Criterion, TrialText, quote

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_UNICODE_ROMAN = str.maketrans({"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "～": "~"})
_plain_roman = translator(_UNICODE_ROMAN)
_STAGE_ITEM = r"(?:[IV]{1,4}|[1-4])(?:\s?[ABC](?![A-Za-z0-9])|[ABC]?[12]?(?![A-Za-z0-9]))"  # "IIIB", "III B", "IA2"
# Between two stages: "-", "/", ",", "to", "or", and the serial comma's ", or" / ", and" / "and/or" ("stage II, III,
# or IV": without them the list stopped at III and read as early stage only).
_STAGE_JOIN = r"(?:,?\s*(?:and/or|or|and)\b|[-–—~/,&]|to|through)"
STAGE = guarded(
    rf"\bstages?\s*(?:is\s+|of\s+|:\s*|=\s*)?(?:(?P<cmp>[≥≤]|[<>]=?)\s*)?(?P<body>{_STAGE_ITEM}"
    rf"(?:\s*{_STAGE_JOIN}\s*(?:stage\s*)?(?:{_STAGE_ITEM}|[ABC](?![A-Za-z0-9])))*)",
    re.I,
)
_STAGE_VALUE = re.compile(r"(?<![A-Za-z0-9])(?:[IV]{1,4}|[1-4])", re.I)
_M1 = guarded(r"\bM1[abc]?\b")
_M0 = guarded(r"(?<![A-Za-z])M0\b")  # "T2-4 N0-3 M0", "T1N0M0"
# "cT1-2 N0", "T1N0 or T2N0": tumour and node categories of stage I-II disease, written without an M category.
_EARLY_TN = guarded(
    r"(?<![A-Za-z])[cp]?T[12][a-c]?(?:\s*(?:-|–|/|or|to)\s*[cp]?T?[12][a-c]?)?\s*,?\s*[cp]?N[01]"
    r"(?:\s*(?:-|–|/|or)\s*N?[01])?(?![\d-])"
)
# "chemo(radio)therapy for stage I-III NSCLC": a stage someone was treated for, not one enrolled.
_TREATED_FOR = re.compile(
    r"(?:therap\w*|treat\w*|surgery|resection|chemo\w*|radiation|radiotherapy)\)?\s+(?:for|of)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?$",
    re.I,
)
_LOOKBACK = 60
# An early phrase in these sentences is treatment someone had, not the disease enrolled.
_EARLIER_TREATMENT = guarded(
    r"\b(?:prior|previous(?:ly)?|received|receiving|history of|relapse\w*|recurrence|recurred|progress\w*"
    r"|underwent|undergone|allowed|permitted|eligible if|completion|completed)\b",
    re.I,
)
# "non-" ends in a hyphen: "non-metastatic" names metastases only as absent.
_NEGATED_BEFORE = re.compile(
    r"(?<!with or )(?<!with/)\b(?:no|not|without|non|absence of|free of)\b(?:\s+[\w-]+){0,3}[\s-]*$", re.I
)
_SITE_BEFORE = re.compile(
    r"\b(?:brain|cns|central nervous system|meningeal|leptomeningeal|lepto-meningeal|bone|liver|hepatic|spinal"
    r"|adrenal|pleural|pulmonary|nodal|visceral|symptomatic|uncontrolled|untreated|active)\W*$",
    re.I,
)
# "metastases in the brainstem, midbrain, pons ...", "metastases within 5 mm of the optic chiasm": metastases of one
# site, a rule on where they are (a brain or organ rule), not on metastatic disease as a stage.
_SITE_AFTER = re.compile(
    r"\s*(?:in|to|of|involving|within\s+\d+(?:\.\d+)?\s*(?:mm|cm)\s+of)\s+(?:the\s+)?"
    r"(?:brain|cns|central|bone|liver|spine|spinal|lepto|midbrain|pons|medulla|optic|cerebell|posterior\s+fossa"
    r"|hepatic|adrenal|meninge|eye|orbit|skin|heart|pericardi)",
    re.I,
)
# A metastatic-disease exclusion with a count or condition limits which metastatic disease, not all of it.
_QUALIFIED = re.compile(
    r"[>≥]|\b(?:more than|greater than|at least|exceed\w*|or more|not amenable|amenable|requir\w*|number of"
    r"|symptomatic|uncontrolled|progress\w*|other than)\b"
    r"|\b(?:\d+|two|three|four|five|multiple|several)\s+(?:[\w-]+\s+){0,2}(?:sites?|organs?|lesions?|metasta\w*)",
    re.I,
)
# Of the qualifiers above, the ones that count metastases or let some in ("more than 3 metastatic sites", "other than
# brain"): these open stage IV to some patients. The rest ("with life expectancy < 12 months", "symptomatic") only
# add a condition to metastatic disease the inclusions may not take at all.
_COUNTED = re.compile(
    r"[>≥]|\b(?:more than|greater than|at least|exceed\w*|or more|number of|other than|except\w*|unless)\b"
    r"|\b(?:\d+|two|three|four|five|multiple|several)\s+(?:[\w-]+\s+){0,2}(?:sites?|organs?|lesions?|metasta\w*)",
    re.I,
)
# "stage IIIB or higher": every stage from there on, stage IV included.
_OR_HIGHER = re.compile(
    r"\s*(?:\)\s*)?(?:or|and|and/or)\s+(?:higher|above|greater|beyond|later|more advanced|worse)\b|\s*\+", re.I
)
# What may follow "distant metastases" in a bullet that excludes all of it: "(M1)", "at diagnosis", "on PET-CT or
# brain MRI". Anything else ("with an actionable driver", "confined to bone", "that is not measurable") qualifies it.
_PLAIN_TAIL = re.compile(
    r"(?:\s+(?:disease|spread|cancer|lesions?|sites?|tumou?rs?|involvement))?"
    r"\s*(?:\([^()]{0,40}\))?\s*(?:(?:at|on|by|per|as|in|of|from|to|outside|beyond|anywhere|confirmed|detected"
    r"|documented|diagnosed|seen|present|evident|identified|according to)\b[^;]{0,80}?)?\s*(?:\([^()]{0,40}\))?"
    r"[.;]?\s*$",
    re.I,
)
# Relapse or a first diagnosis: a stage named with it is where the disease started.
_RELAPSED = guarded(r"\b(?:relaps\w*|recurr\w*|initially|originally|at (?:initial )?diagnosis)\b", re.I)
_EXCLUSION_NOISE = guarded(
    r"\b(?:therapy|treatment|chemotherapy|regimen|prior|previous|received|malignan\w*|history|allowed"
    r"|permitted|unless|except|lesions?|target)\b",
    re.I,
)


# Stage IV's sub-stages: "IVA" / "IVB" (AJCC 8), M1a-b (IVA) and M1c (IVB).
_STAGE_TOKEN = re.compile(
    r"(?<![A-Za-z0-9])(?:(?P<num>[IV]{1,4}|[1-4])\s?(?P<sub>[ABC])?|(?P<bare>[ABC]))(?![A-Za-z0-9])", re.I
)
_RANGE_MARK = re.compile(r"[-–—~]|\bto\b|\bthrough\b", re.I)
_M1_PART = guarded(r"\bM1\s?(?P<sub>[abc])\b", re.I)
_ONLY = re.compile(r"\b(?:only|exclusively|limited to|restricted to)\b", re.I)
_ONLY_REACH = 30
# An exclusion of part of stage IV: "extrathoracic metastases", "M1c disease", "stage IVB" (a stage IV patient
# may have intrathoracic M1a disease only).
_PART_OF_STAGE_IV = guarded(
    r"\bextra-?\s?thoracic\b|\boutside (?:of )?the (?:chest|thorax)\b|\bM1\s?[bc]\b|\bstage\s*IV\s?B\b|\bIVB\b", re.I
)


def _stage_iv_parts(body: str) -> tuple[set[str], bool]:
    """The sub-stages of stage IV a stage body names ("" = stage IV as a whole), and whether a range ends at
    one ("IIIB-IVA": stage IVB left out)."""
    parts: set[str] = set()
    last, range_top = 0, False
    previous_end = 0
    for token in _STAGE_TOKEN.finditer(body):
        if token.group("bare"):
            if last == 4:
                parts.add(token.group("bare").upper())
            continue
        value = _ROMAN.get(token.group("num").upper(), 0)
        if value == 4:
            sub = (token.group("sub") or "").upper()
            parts.add(sub)
            if sub and 0 < last < 4 and _RANGE_MARK.search(body, previous_end, token.start()):
                if sub == "A":
                    range_top = True  # "IIIB-IVA": stage IVB is left out
                else:
                    parts.add("")  # "IIIB-IVB": the range runs through every part of stage IV
        last, previous_end = value, token.end()
    return parts, range_top


def _part_of_stage_iv(sentence: str, match: re.Match[str]) -> bool:
    """An inclusion that takes only part of stage IV: "stage IVA only", "stage IIIB-IVA", "stage IV (M1a, M1b
    only)". A sub-stage named plainly ("stage IVB NSCLC", "stage IVA or IVB") is read as stage IV."""
    parts, range_top = _stage_iv_parts(match.group("body"))
    near = sentence[max(0, match.start() - _ONLY_REACH):match.end() + _ONLY_REACH]
    if parts and "" not in parts and not {"A", "B"} <= parts:
        return range_top or bool(_ONLY.search(near))
    m1 = {m.group("sub").lower() for m in _M1_PART.finditer(near)}
    if _M1_RANGE.search(near):
        return False  # "M1a-M1c": every part of stage IV
    return bool(m1) and m1 != {"a", "b", "c"} and bool(_ONLY.search(near))


_M1_RANGE = re.compile(r"\bM1\s?a\s*(?:[-–—~]|to|through)\s*(?:M1\s?)?c\b", re.I)


def _another_tumour_only(body: str) -> bool:
    """The exclusion is about another tumour's metastatic disease ("Neuroendocrine large cell carcinoma or atypical
    carcinoids with metastatic disease", "Metastatic small cell lung cancer"), and names no NSCLC: the stage of the
    NSCLC enrolled is not limited by it."""
    words = vocab()
    if words["nsclc"].search(body):
        return False
    return bool(_NEUROENDOCRINE.search(body) or words["sclc"].search(body) or words["other_cancers"].search(body)
                or words["other_organs"].search(body))


# "A gap of > 120 days between metastatic NSCLC diagnosis and the index date", "metastatic disease diagnosed more
# than 6 months ago": a time window around the diagnosis, never a stage limit (time windows never exclude).
_TIME_WINDOW = guarded(
    r"\bdiagnos\w*[^.;]{0,80}?\b\d+\s*(?:days?|weeks?|months?|years?)\b"
    r"|\b\d+\s*(?:days?|weeks?|months?|years?)\b[^.;]{0,80}?\bdiagnos\w*",
    re.I,
)
_NEUROENDOCRINE = guarded(r"\bneuro-?\s?endocrine\b|\bcarcinoids?\b|\blcnec\b", re.I)


def _stage_values(body: str) -> list[int]:
    return [_ROMAN[v.upper()] for v in _STAGE_VALUE.findall(body) if v.upper() in _ROMAN]


# "Stage IIIB (with pleural effusion) or IV", "stage IIIB with malignant effusion, or stage IV": a qualifier of one
# stage, then more stages of the same list. The stage after it is a roman numeral or says "stage" ("with 1-4
# nodes" names no stage).
_QUALIFIED_THEN_MORE = re.compile(
    rf"\s*(?:\([^()]{{1,80}}\)|,?\s*with\s+[^().;,]{{1,60}}?)\s*{_STAGE_JOIN}\s*"
    rf"(?P<more>stage\s*{_STAGE_ITEM}|[IV]{{1,4}}(?:\s?[ABC])?(?![A-Za-z0-9]))",
    re.I,
)


def _listed_stages(match: re.Match[str], sentence: str) -> list[int]:
    """The stages a stage match lets in: "stage IIIB or higher" and "stage ≥ IIIB" reach stage IV, "stage < IV"
    stops before it; "stage IIIB (with pleural effusion) or IV" goes on past the qualifier."""
    values = _stage_values(match.group("body"))
    more = _QUALIFIED_THEN_MORE.match(sentence, match.end())
    if more:
        values += _stage_values(re.sub(r"(?i)^stage\s*", "", more.group("more")))
    bound = match.group("cmp") or ""
    if bound.startswith(("≥", ">")) or _OR_HIGHER.match(sentence, match.end()):
        return [*values, 4]
    if bound == "<":
        return [min(value, 3) for value in values]
    return values


def _advanced_evidence(sentence: str, local: bool = False) -> bool:
    """Does the sentence describe the disease as metastatic, advanced, recurrent or stage IV? Beside "locally
    advanced" (`local`), "not amenable to curative treatment" describes that locally advanced disease."""
    words = vocab()
    text = mask(sentence, words["stage_iii_only"])
    if (not local and words["advanced_phrases"].search(text)) or _M1.search(text):
        return True
    for match in words["advanced_words"].finditer(text):
        if _NEGATED_BEFORE.search(text[max(0, match.start() - _LOOKBACK):match.start()]):
            continue
        following = re.findall(r"[\w-]+", text[match.end():match.end() + 80])[:5]
        if any(word.lower().startswith(words["disease_words"]) for word in following):
            return True
    return False


# "Locoregional recurrence after surgery for NSCLC, without distant metastases": the recurrence is the disease
# enrolled, and the absence of distant disease is its own (the earlier treatment only says where it recurred). Not
# "... without distant metastases at diagnosis" (the first disease's), nor "with or without distant metastases".
_RECURRENCE_WITHOUT_DISTANT = guarded(
    r"\b(?:loco-?\s?regional(?:ly)?|local(?:ly)?|regional(?:ly)?|nodal|mediastinal|hilar|isolated|in-field"
    r"|intra-?thoracic)\s+(?:[\w-]+\s+){0,2}?(?:recurren\w*|relaps\w*)\b[^.;]{0,160}?"
    r"(?<!with or )(?<!with/)\b(?:no|without|absence of|free of)\s+(?:(?:evidence|signs?|sign)\s+of\s+)?(?:any\s+)?"
    r"(?:distant|extra-?thoracic|systemic)\s+(?:metasta\w*|disease|spread|recurrence|relapse)"
    r"(?!\s+(?:at|on|by)\s+(?:the\s+)?(?:time\s+of\s+)?(?:initial\s+|first\s+|original\s+)?diagnosis)",
    re.I,
)


def _recurrence_without_distant(sentence: str) -> bool:
    """A recurrence enrolled without distant disease, and no metastatic or stage IV disease named as another way
    in ("Stage IV NSCLC, or locoregional recurrence without distant metastases" takes stage IV)."""
    found = _RECURRENCE_WITHOUT_DISTANT.search(sentence)
    if found is None or _EXCEPT_AFTER.match(sentence, found.end()) or _STAGE_IV_NAMED.search(sentence):
        return False
    return not any(not _NEGATED_BEFORE.search(sentence[max(0, m.start() - _LOOKBACK):m.start()])
                   for m in _METASTA.finditer(sentence))


_STAGE_IV_NAMED = re.compile(r"\b(?:stage\s*)?IV[ABC]?\b|\bstage\s*4\b|\bM1[abc]?\b", re.I)


def _negated_metastatic(sentence: str) -> bool:
    """ "No distant metastasis", "without metastatic disease" in the inclusion criteria (not the "non-metastatic" of
    "metastatic or non-metastatic")."""
    if _METASTATIC_BOTH_WAYS.search(sentence):
        sentence = mask(sentence, _METASTATIC_BOTH_WAYS)
    if PRIOR_CONTEXT.search(sentence):
        return _recurrence_without_distant(sentence)
    for match in _METASTA.finditer(sentence):
        before = sentence[max(0, match.start() - _LOOKBACK):match.start()]
        if _NEGATED_BEFORE.search(before) and not _SITE_BEFORE.search(before) and not _EXCEPT_AFTER.match(
                sentence, match.end()) and not _SITE_AFTER.match(sentence, match.end()):
            return True
    return False


# "No distant metastasis other than brain", "no metastatic disease except a pleural effusion": some metastatic
# disease is let in.
_EXCEPT_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:other than|except|excepting|apart from|besides|unless|with the exception)\b", re.I
)
# "Metastatic or non-metastatic", "localized (non-metastatic) or metastatic", "metastatic as well as non-metastatic":
# both ways in, every stage. Its "non-metastatic" is no exclusion of metastases.
_BOTH_JOIN = r"\s*\)?\s*(?:,?\s*(?:or|and|and/or|as well as|as well|plus|together with)\b|/)\s*(?:[\w-]+\s+)?"
_METASTATIC_BOTH_WAYS = guarded(
    rf"\bnon[\s-]?metasta\w*{_BOTH_JOIN}metasta\w*|(?<![\w-])metasta\w*{_BOTH_JOIN}non[\s-]?metasta\w*", re.I
)
# "Any stage", "all stages", "regardless of stage": stage IV is let in.
_ANY_STAGE = guarded(
    rf"{_METASTATIC_BOTH_WAYS.pattern.pattern}"
    r"|\b(?:any|all|every)\s+(?:(?:clinical|disease|tumou?r|TNM|AJCC)\s+)?stages?\b"
    r"|\b(?:regardless|irrespective)\s+of\s+(?:(?:the|their|disease|tumou?r|clinical)\s+)?stage\b",
    re.I,
)
# "Resectable or unresectable", "operable or inoperable", "with or without surgery": both ways.
_BOTH_WAYS = guarded(
    r"\b(?:resectable|operable)\s*(?:or|and|and/or|/)\s*(?:un|non-?\s?|in|ir)(?:resectable|operable)\b"
    r"|\b(?:un|non-?\s?|in|ir)(?:resectable|operable)\s*(?:or|and|and/or|/)\s*(?:resectable|operable)\b"
    r"|\bwith or without (?:surgery|surgical|resection)",
    re.I,
)
# "Candidates for surgery or palliative systemic therapy": the early wording is one of two doors.
_OR_PALLIATIVE_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:or|and/or)\s+(?:[\w-]+\s+)?(?:palliative|systemic|first-line|second-line|later-line)\b",
    re.I,
)


def _early_evidence(sentence: str, header: bool) -> bool:
    """Early, resectable or curative-intent wording that describes the disease enrolled ("adjuvant
    radiotherapy of bone metastases" treats metastatic disease)."""
    words = vocab()
    if not header and _CONSOLIDATION.search(sentence):
        return True  # "without progression after concurrent chemoradiotherapy": consolidation of stage III
    if _metastatic_named(sentence) or (not header and _EARLIER_TREATMENT.search(sentence)):
        return False  # a title's "adjuvant radiotherapy for bone metastases" treats metastatic disease too
    if _BOTH_WAYS.search(sentence):
        return False
    for match in words["early"].finditer(sentence):
        before = sentence[max(0, match.start() - 40):match.start()]
        tail = " ".join(before.split()[-3:])
        if words["early_negators"].search(tail):  # "not amenable to surgery", "non operable"
            continue
        if _SAMPLE_NEAR.search(sentence, max(0, match.start() - 30), match.end() + 30):
            continue  # "tissue from a resected specimen": where a sample comes from, not the disease enrolled
        clause = _CLAUSE_START.split(sentence[max(0, match.start() - _LOOKBACK):match.start()])[-1]
        if header and _AFTER_EARLIER.search(clause):
            continue  # a title's "after progression on adjuvant osimertinib": treatment someone had
        if _TURNED_AWAY.search(clause) or _NOT_POSSIBLE_AFTER.match(sentence, match.end()):
            continue  # "not amenable to treatment with curative intent", "curative treatment is not an option"
        if _OR_PALLIATIVE_AFTER.match(sentence, match.end()):
            continue
        if _EXCEPTION_WORD.search(clause):
            continue  # "any lung cancer except stage IA disease cured by resection": the early disease is left out
        return True
    return False


_AFTER_EARLIER = re.compile(r"\b(?:after|following|progress\w*|relaps\w*|recurr\w*|post|failure|failed)\b", re.I)
_SAMPLE_NEAR = re.compile(r"\b(?:specimens?|samples?|tissue|material|blocks?|slides?)\b", re.I)
# Earlier in the clause, a word that turns curative or early wording away from the disease enrolled.
_CLAUSE_START = re.compile(r"[.;]")
_TURNED_AWAY = re.compile(
    r"\b(?:not|no longer|never)\s+(?:[\w-]+\s+)?(?:amenable|eligible|suitable|candidates?|fit|appropriate"
    r"|considered|a candidate)\b|\b(?:ineligible|unsuitable|unfit|unable|cannot|refus\w*|declin\w*|fail\w*)\b",
    re.I,
)
_NOT_POSSIBLE_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:(?:is|are|was|were)\s+)?(?:not|no longer)\s+(?:possible|feasible|an option|indicated"
    r"|appropriate|suitable|planned|recommended)\b",
    re.I,
)
_METASTA = guarded(r"\bmetasta\w*", re.I)  # what _negated_metastatic looks for
# Disease that has not progressed after chemoradiotherapy: the stage III consolidation setting.
_CONSOLIDATION = guarded(
    r"\b(?:not|no|without|absence of)\s+(?:[\w-]+\s+){0,3}?progress\w*[^.;]{0,60}?\b(?:chemo-?\s?radi\w*"
    r"|radio-?\s?chemo\w*|concurrent|definitive)",
    re.I,
)
# Locally advanced disease that cannot be operated on: stage III by definition.
_UNRESECTABLE = re.compile(
    r"\b(?:unresectable|non-?\s?resectable|inoperable|non-?\s?operable|not (?:surgically )?(?:resectable|operable)"
    r"|not amenable to (?:surgical )?(?:resection|surgery))\b",
    re.I,
)


def _metastatic_named(sentence: str) -> bool:
    """Metastases named, and not as something absent ("without distant metastases")."""
    match = _METASTA.search(sentence)
    return bool(match and not _NEGATED_BEFORE.search(sentence[max(0, match.start() - _LOOKBACK):match.start()]))


def _every_metastasis_negated(sentence: str) -> bool:
    """Every "metasta..." word of the sentence has a negation before it. With _negated_metastatic: "Locally advanced
    NSCLC not amenable to curative surgery, without distant metastases" names only absent metastases, so its other
    advanced wording describes non-metastatic disease (stage_rule asks both, _negated_metastatic once for its uses)."""
    return not any(not _NEGATED_BEFORE.search(sentence[max(0, m.start() - _LOOKBACK):m.start()])
                   for m in _METASTA.finditer(sentence))


def _local_evidence(sentence: str, header: bool) -> bool:
    """ "Locally advanced" describing the disease enrolled, not disease someone was treated for earlier
    ("progressed after chemoradiotherapy for locally advanced NSCLC")."""
    if not vocab()["stage_iii_only"].search(sentence):
        return False
    return not (_AFTER_EARLIER if header else _EARLIER_TREATMENT).search(sentence)


def _aside(criterion: Criterion | None, purpose: str = "") -> bool:
    """A criterion about something other than the disease enrolled (the shared reader's purpose, or only
    the one named): a washout ("4 weeks since surgical resection"), a tissue sample, another cancer
    ("another malignancy, stage I-II, treated with curative intent")."""
    if criterion is None or criterion.purpose is None:
        return False
    return not purpose or criterion.purpose == purpose


@cache
def _stage_words() -> AnyOf:
    """Every pattern by which a sentence adds to the stage rule: one check skips the rest (most sentences)."""
    words = vocab()
    return AnyOf(STAGE, _M0, _EARLY_TN, words["early"], _METASTA, words["oligo"], words["oligo_count"], _CONSOLIDATION,
                 _ANY_STAGE,
                 masked=(words["advanced_phrases"], _M1, words["advanced_words"], words["stage_iii_only"]))


Evidence = tuple[str, Criterion | None]  # a sentence, and its criterion (None: the title or conditions)


def _decided(found: list[Evidence]) -> tuple[str, dict[str, Any] | None]:
    """The evidence to quote, and the scope it holds for: none when any sentence applies to everyone."""
    unscoped = next((sentence for sentence, criterion in found if criterion is None or not one_group(criterion)), None)
    if unscoped is not None:
        return unscoped, None
    sentence, criterion = found[0]
    return sentence, scope_json(criterion) if criterion is not None else None


def _label(criterion: Criterion | None) -> str | None:
    scope = getattr(criterion, "scope", None)
    return None if criterion is None or not one_group(criterion) or scope is None else scope.label


def _other_group_takes_metastatic(excludes: list[Evidence], metastatic: list[Evidence]) -> bool:
    """Every metastasis exclusion is one group's, and metastatic disease is named for another group or for
    everyone: a cohort the patient fits is enough."""
    if not excludes or not all(criterion is not None and one_group(criterion) for _, criterion in excludes):
        return False
    excluding = {_label(criterion) for _, criterion in excludes}
    return any(_label(criterion) not in excluding for _, criterion in metastatic)


def _each_names_a_part(found: list[Evidence]) -> bool:
    """Every sentence is from a criterion the reader left unscoped that names one part, arm or cohort
    ("Metastatic disease in the neoadjuvant cohort", "Resectable stage II-III NSCLC (surgical arm)"): each
    may be that part's rule, and another part may take stage IV."""
    return bool(found) and all(
        criterion is not None and criterion.scope is None and one_part(criterion.text) is not None
        for _, criterion in found)


def _early_decides(text: TrialText, early: list[Evidence], advanced: list[Evidence],
                   oligo_words: list[Evidence]) -> bool:
    """The title and every condition say early stage ("Early-Stage Lung Cancer"; "Stage I Lung Cancer", "Stage II
    Lung Cancer"), an inclusion agrees (a resection, a stage I-III list), and the criteria's only advanced wording is
    "oligometastatic" with no count: the header's early stage decides."""
    if not oligo_words or not text.conditions or any(e not in oligo_words for e in advanced):
        return False
    if not all((part, None) in early for part in (text.title, *text.conditions)):
        return False
    return any(criterion is not None for _, criterion in early)


# The pure, per-sentence parts of stage_rule's reading (stage_rule asks each once per distinct sentence).

def _stage_text(sentence: str, stage_words: AnyOf) -> str | None:
    """The sentence with Unicode roman numerals spelt out; None when no stage wording can be in it."""
    plain = _plain_roman(sentence)
    return plain if stage_words.possible(plain) else None


# "Stage IIIB with (malignant) pleural effusion", "wet stage IIIB", "stage IIIB (wet)": in the staging before 2010 the
# lung cancer's own effusion was stage IIIB; it is now M1a, stage IV. The effusion follows the stage within a clause.
_EFFUSION_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:(?:malignant\s+)?(?:pleural|pericardial)(?:\s*(?:or|and|and/or|/)\s*(?:pleural|pericardial))?"
    r"\s+(?:effusions?|fluid)|malignant\s+effusions?|(?:due\s+to|because\s+of|by)\s+(?:an?\s+)?effusions?"
    r"|pleural\s+(?:dissemination|seeding|nodules?|metasta\w*))\b"
    r"|\s*\(?\s*wet\b",
    re.I,
)
_WET_BEFORE = re.compile(r"\bwet\s+(?:stage\s*)?$", re.I)
_NO_EFFUSION = re.compile(r"\b(?:no|not|without|absence|free|excluding|except)\b", re.I)


def _wet_iiib(plain: str, match: re.Match[str], values: list[int]) -> bool:
    """A stage III phrase that, with the effusion named after it, is what is now stage IV (M1a)."""
    if not values or max(values) != 3 or "B" not in match.group("body").upper():
        return False
    if _WET_BEFORE.search(plain, max(0, match.start() - 12), match.start()):
        return True
    effusion = _EFFUSION_AFTER.match(plain, match.end())
    return bool(effusion and not _NO_EFFUSION.search(effusion.group(0)))


# Before an early stage or early wording in its clause: the words that leave it out ("excluding those with stage I
# disease", "any lung cancer except stage IA disease cured by resection", "other than completely resected stage I").
_EXCEPTION_WORD = guarded(
    r"\b(?:excluding|except(?:ing)?|other than|apart from|with the exception of|not including|but not|save for)\b",
    re.I,
)
_EXCEPTED_REACH = 80
_CLAUSE_BREAK = re.compile(r"[.;:]")


def _excepted(plain: str, start: int) -> bool:
    """An exception word earlier in the clause, within reach, leaves out what starts at `start`."""
    head = _CLAUSE_BREAK.split(plain[max(0, start - _EXCEPTED_REACH):start])[-1]
    return _EXCEPTION_WORD.search(head) is not None


def _stage_lists(plain: str, is_header: bool) -> tuple[list[list[int]], bool, bool]:
    """The stages each stage phrase lists (not those someone was treated for); whether one names part of stage IV;
    whether a stage IIIB with an effusion (now M1a, part of stage IV) is the only way one reaches stage IV."""
    matches = [m for m in STAGE.finditer(plain)
               if not _TREATED_FOR.search(plain[max(0, m.start() - 60):m.start()])]
    stages = [_listed_stages(m, plain) for m in matches]
    if any(values and max(values) <= 3 for values in stages) and _EXCEPTION_WORD.search(plain):
        # "Lung cancer, excluding those with stage I disease treated by surgery alone": the early stages listed are
        # the ones left out, not the only ones taken.
        kept = [(m, values) for m, values in zip(matches, stages, strict=True)
                if not (values and max(values) <= 3 and _excepted(plain, m.start()))]
        matches, stages = [m for m, _ in kept], [values for _, values in kept]
    part_of_stage_iv = any(_part_of_stage_iv(plain, m) for m in matches)
    wet = [_wet_iiib(plain, m, values) for m, values in zip(matches, stages, strict=True)]
    stages = [[*values, 4] if is_wet else values for values, is_wet in zip(stages, wet, strict=True)]
    only_wet = any(wet) and not any(4 in values for values, is_wet in zip(stages, wet, strict=True) if not is_wet)
    if stages and not is_header and _RELAPSED.search(mask(plain, vocab()["stage_iii_only"])):
        # "Relapse after stage I-III NSCLC": the stage at diagnosis, not the disease enrolled.
        stages = [values for values in stages if values and max(values) == 4]
    return stages, part_of_stage_iv, only_wet


# "Lung cancer, excluding those with metastatic disease", "any NSCLC except stage IV", "other than stage IV": stage IV
# named right after an exception word is left out. Not "other than for metastatic disease" (a treatment's setting),
# nor "except metastatic NSCLC" (the disease enrolled named as another cancer's exception).
_EXCEPTED_STAGE_IV = guarded(
    r"\b(?:excluding|except(?:ing)?(?:\s+for)?|other\s+than|apart\s+from|with\s+the\s+exception\s+of|not\s+including"
    r"|but\s+not|save\s+for)\s+"
    r"(?:(?:those|patients?|participants?|subjects?|people|persons|cases|individuals)\s+(?:with|who\s+have|having)\s+)?"
    r"(?:(?:any|a|an|the|known|confirmed|documented|evidence\s+of|distant|systemic|extra-?thoracic)\s+){0,3}"
    r"(?P<what>metasta\w*|(?:AJCC\s+|TNM\s+)?stages?\s*(?:IV|4)(?P<sub>\s?[ABC])?(?![A-Za-z0-9])|M1(?P<m1>\s?[abc])?\b)"
    r"(?P<tail>(?:\s+(?:disease|cancer|NSCLC|lung|carcinoma|tumou?rs?|spread|lesions?))?"
    r"(?:\s+(?:patients?|participants?|subjects?|cases))?)",
    re.I,
)
_CANCER_TAIL = re.compile(r"\s+(?:cancer|NSCLC|lung|carcinoma|tumou?rs?)", re.I)
# What may follow the stage IV left out for it to be all of it: the clause ends ("excluding stage IV.", "except
# metastatic disease, ..."). Anything else qualifies which stage IV patients are meant ("... who received prior
# immunotherapy", "... at diagnosis"): a question.
_PLAIN_END = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:$|[,;.)])")
_TREATMENT_BEFORE = re.compile(
    r"\b(?:treat\w*|therap\w*|chemo\w*|radi\w*|surg\w*|resect\w*|regimens?|drugs?|agents?|lines?)\b", re.I)


def _excepted_stage_iv(plain: str) -> tuple[str, str] | None:
    """Stage IV left out by an exception in an inclusion: ("all", text) for the whole of it, ("part", text) for a
    sub-stage ("except stage IVB", "other than M1c disease"); None when no such exception is named."""
    found = _EXCEPTED_STAGE_IV.search(plain)
    if found is None or _CANCER_TAIL.match(found.group("tail")) or _SITE_AFTER.match(plain, found.end("what")):
        return None  # "except metastatic NSCLC", "other than metastases to the brain"
    head = _CLAUSE_BREAK.split(plain[:found.start()])[-1]
    if PRIOR_CONTEXT.search(head) or _TREATMENT_BEFORE.search(head):
        return None  # "no prior therapy other than for ...", "no systemic treatment except for metastatic disease"
    masked = plain[:found.start()] + " " * (found.end() - found.start()) + plain[found.end():]
    whole = not (found.group("sub") or found.group("m1")) and _PLAIN_END.match(plain, found.end())
    return ("all" if whole else "part"), masked


# "Primary tumour >= 3 cm (for all clinical stages)", "tissue is required across all stages", "applies to every
# stage": "all stages" says for whom another requirement holds, and lets no stage in; unless the words before make
# it a permission ("patients are eligible for all stages").
_FOR_EVERY_STAGE_BEFORE = re.compile(r"\b(?:for|across|(?:applies|apply|applicable|applying)\s+to)\s+$", re.I)
_PERMISSION_BEFORE = re.compile(
    r"\b(?:eligible|eligibility|open|enrol\w*|enroll\w*|includ\w*|allowed|permitted|accepted|welcome|qualif\w*)\b",
    re.I,
)


def _qualifies_another_requirement(plain: str, match: re.Match[str]) -> bool:
    before = plain[:match.start()]
    if not _FOR_EVERY_STAGE_BEFORE.search(before[-30:]):
        return False
    return not _PERMISSION_BEFORE.search(before)


def _every_stage(plain: str, is_header: bool) -> bool:
    if not is_header and _EARLIER_TREATMENT.search(plain):
        return False
    return any(not _qualifies_another_requirement(plain, m) for m in _ANY_STAGE.finditer(plain))


def _metastatic_or_m1(plain: str) -> bool:
    return bool(_M1.search(plain) or _metastatic_named(plain))


def _names_m0(plain: str) -> bool:
    return _M0.search(plain) is not None or _early_tn(plain)


def _early_tn(plain: str) -> bool:
    """ "cT1-2 N0 peripheral lung cancer": the disease enrolled is stage I-II by its T and N categories, though no M0
    is written. Not when the sentence names metastases, or the categories are of disease someone was treated for or
    relapsed from ("recurrence after resection of T1N0 NSCLC")."""
    return (_EARLY_TN.search(plain) is not None and not _metastatic_or_m1(plain)
            and not _EARLIER_TREATMENT.search(plain) and not _RELAPSED.search(plain)
            and not _METASTA.search(plain))


def _names_unresectable(plain: str) -> bool:
    return _UNRESECTABLE.search(plain) is not None


def _counts_metastases(criterion: Criterion, once: Callable[..., Any]) -> bool:
    """An exclusion sentence that limits the number of metastases ("more than 3 metastatic sites"), not another
    cancer's, nor a washout's or a sample's. (Each distinct sentence is read once, through stage_rule's `once`.)"""
    if _aside(criterion):
        return False
    return any(once(_counts_in, sentence) for sentence in criterion.sentences())


def _counts_in(sentence: str) -> bool:
    """_counts_metastases for one sentence: a limit on the number of metastases, not another cancer's."""
    words = vocab()
    return bool((words["oligo_count"].search(sentence) or words["many_count"].search(sentence))
                and not another_cancer_only(sentence))


def _exclusion_says(body: str) -> tuple[bool, str | None]:
    """What an exclusion's own words say of the stage (stage_rule reads each distinct one once, then asks its
    purpose): whether it names part of stage IV ("Extrathoracic metastases", "M1c disease", not negated), and what
    its ban of metastatic disease is: "excludes" (plain), "limited" (with a condition that counts nothing),
    "counted" (a limit on the count: "more than 5 metastatic sites"), None (none, another tumour's, a time window)."""
    if len(body) > 220 or _EXCLUSION_NOISE.search(body):
        return False, None
    part = _PART_OF_STAGE_IV.search(body)
    part_named = bool(part and not _NEGATED_BEFORE.search(body[max(0, part.start() - 40):part.start()]))
    words = vocab()
    if not words["metastatic_excluded"].possible(body) or _another_tumour_only(body) or _TIME_WINDOW.search(body):
        return part_named, None
    for match in words["metastatic_excluded"].finditer(body):
        if not _SITE_BEFORE.search(body[max(0, match.start() - 30):match.start()]) and not _SITE_AFTER.match(
            body, match.end()
        ):
            if _QUALIFIED.search(body) or not _PLAIN_TAIL.match(body, match.end()):
                # "more than 5 metastatic sites", "not amenable to SBRT": a limit the profile cannot settle
                return part_named, "counted" if _COUNTED.search(body) else "limited"
            return part_named, "excludes"
    return part_named, None


def _names_oligo(plain: str) -> bool:
    words = vocab()
    return bool(words["oligo"].search(plain) or words["oligo_count"].search(plain))


# "Stage III NSCLC who received chemoradiation followed by durvalumab with progressive disease", "Oligoprogressive
# Stage III NSCLC After Chemoradiation": the stage is the one at diagnosis; the disease enrolled is its progression
# after that treatment, which may be distant (stage IV now). Not "without progression after chemoradiation".
_STAGE_III_TREATMENT = (r"(?:chemo-?\s?radi\w*|radio-?\s?chemo\w*|\bCRT\b|durvalumab|consolidati\w*|PACIFIC"
                        r"|definitive\s+(?:therapy|treatment|radi\w*))")
_PROGRESSION = r"(?:(?:oligo|poly)?progress\w*|relaps\w*|recurr\w*|persistent\s+disease)"
_RELAPSE_AFTER_TREATMENT = guarded(
    rf"\b{_PROGRESSION}\b[^.;]{{0,60}}?\b(?:after|following|during|on|post)\b[^.;]{{0,40}}?{_STAGE_III_TREATMENT}"
    rf"|{_STAGE_III_TREATMENT}[^.;]{{0,80}}?\b{_PROGRESSION}\b",
    re.I,
)
_PROGRESSION_WORD = re.compile(rf"\b{_PROGRESSION}\b", re.I)
_PROGRESSION_NEGATED = re.compile(
    r"\b(?:no|not|without|free of|absence of|prior to|before|rapidly|excluded|ineligible)\b(?:\s+[\w-]+){0,3}\s*$",
    re.I,
)
_SHUT_OUT = guarded(r"\b" + SHUT_OUT + r"\b",
                    re.I)
_SHUT_AFTER = re.compile(r"[^.;]{0,60}\b(?:are|is|will be)\s+(?:excluded|ineligible|not\s+eligible)\b", re.I)
# "sites can be local, distant, or both", "local or distant progression": a relapse that may be metastatic.
_DISTANT = guarded(r"\bdistant\b", re.I)


def _relapse_after_stage_iii_treatment(plain: str) -> bool:
    """A stage III sentence whose disease is its progression after chemoradiation or consolidation (see above)."""
    found = _RELAPSE_AFTER_TREATMENT.search(plain)
    if found is None or _SHUT_AFTER.match(plain, found.end()):
        return False
    word = _PROGRESSION_WORD.search(plain, found.start(), found.end())
    return word is not None and not _PROGRESSION_NEGATED.search(plain, max(0, word.start() - 40), word.start())


def _distant_relapse_named(text: TrialText) -> Evidence | None:
    """An inclusion that lets the progression be distant ("sites can be local, distant, or both")."""
    for criterion in text.inclusion:
        for found in _DISTANT.finditer(criterion.text):
            if not _NEGATED_BEFORE.search(criterion.text[max(0, found.start() - 30):found.start()]):
                return criterion.text, criterion
    return None


def stage_rule(text: TrialText) -> dict[str, Any]:
    words = vocab()
    stage_words = _stage_words()
    header: list[Evidence] = [(part, None) for part in (text.title, *text.conditions, *text.keywords)]
    inclusion: list[Evidence] = [
        (sentence, criterion) for criterion in text.inclusion for sentence in criterion.sentences()
    ]
    advanced: list[Evidence] = []
    metastatic: list[Evidence] = []  # the advanced evidence that names metastases or stage IV
    early: list[Evidence] = []
    excludes_metastatic: list[Evidence] = []
    oligo: list[Evidence] = []
    any_stage: list[Evidence] = []  # "all stages": every stage may join
    locally_advanced: list[Evidence] = []  # "locally advanced" with nothing saying stage III only or stage IV too
    substage: list[Evidence] = []  # only part of stage IV taken ("stage IVA only") or left out ("M1c disease")
    listed_early: list[Evidence] = []  # inclusions that list stages, none past III ("Stage IIIA, IIIB or IIIC")
    oligo_words: list[Evidence] = []  # inclusions whose only advanced wording is "oligometastatic"
    limited: list[Evidence] = []  # exclusions of metastatic disease with a condition that counts nothing
    wet: list[Evidence] = []  # "stage IIIB with pleural effusion": M1a today, only part of stage IV
    relapsed: list[Evidence] = []  # stage III at diagnosis, progressed after chemoradiation or consolidation
    # A long text repeats its sentences (the same criterion under several cohorts or parts): what a sentence's own
    # words say is worked out once per distinct sentence within this parse (the criterion's part stays per use).
    said: dict[tuple[Any, ...], Any] = {}

    def once(helper: Any, *args: Any) -> Any:
        key = (helper, *args)
        if key not in said:
            said[key] = helper(*args)
        return said[key]

    for is_header, sources in ((True, header), (False, inclusion)):
        for sentence, criterion in sources:
            plain = once(_stage_text, sentence, stage_words)
            if plain is None:
                continue
            all_but_iv = False
            if not is_header and (excepted := once(_excepted_stage_iv, plain)) is not None and not _aside(
                    criterion) and not once(another_cancer_only, plain):
                # "Any NSCLC except stage IV": stage IV is left out, and "any stage" means every other one; the rest of
                # the sentence is read without it.
                all_but_iv = excepted[0] == "all"
                (excludes_metastatic if all_but_iv else substage).append((sentence, criterion))
                plain = excepted[1]
            stages, part_of_stage_iv, only_wet = once(_stage_lists, plain, is_header)
            if only_wet and not is_header and _SHUT_OUT.search(plain):
                # "Patients with stage IIIB disease with pleural effusion are not eligible": a subset (M1a today) left
                # out of a stage III trial; it never widens the trial to stage IV.
                continue
            if part_of_stage_iv:
                substage.append((sentence, criterion))
            if only_wet:
                wet.append((sentence, criterion))
            local = once(_local_evidence, plain, is_header) and not _aside(criterion)
            every_stage = once(_every_stage, plain, is_header) and not all_but_iv
            if every_stage and not (criterion is not None and one_group(criterion)):
                any_stage.append((sentence, criterion))  # not "received therapy for any stage of disease"
            stage_iv = any(4 in values for values in stages) or every_stage
            # Only absent metastases named ("..., without distant metastases"): not advanced by its other words.
            if stage_iv or (not (not is_header and once(_negated_metastatic, plain)
                                 and once(_every_metastasis_negated, plain))
                            and once(_advanced_evidence, plain, local)):
                advanced.append((sentence, criterion))
                if stage_iv or once(_metastatic_or_m1, plain):
                    metastatic.append((sentence, criterion))
            elif (early_here := (((any(values and max(values) <= 3 for values in stages) or once(_names_m0, plain))
                                  and not _aside(criterion, "other_cancer"))
                                 or (once(_early_evidence, plain, is_header) and not _aside(criterion))
                                 or (local and once(_names_unresectable, plain)))) or local:
                # A stage range counts unless it is another cancer's; "resection" and the like also unless the
                # criterion is a washout or a sample ("at least 4 weeks since surgical resection"). "Locally advanced
                # and/or unresectable HCC not amenable to locoregional therapy" in an HCC and NSCLC basket: another
                # cancer's stage never narrows the lung cancer's (it may still say advanced disease).
                if once(another_cancer_only, plain):
                    pass
                elif early_here and once(_relapse_after_stage_iii_treatment, plain):
                    relapsed.append((sentence, criterion))
                elif early_here:
                    early.append((sentence, criterion))
                    if not is_header and any(values and max(values) <= 3 for values in stages) and not _aside(
                            criterion):
                        listed_early.append((sentence, criterion))
                else:
                    locally_advanced.append((sentence, criterion))
            if not is_header and once(_negated_metastatic, plain) and not _aside(criterion) and not once(
                    another_cancer_only, plain):
                excludes_metastatic.append((sentence, criterion))
            if once(_names_oligo, plain):
                # Still stage IV. Only a criterion sets a limit on the count: a title's "oligometastatic" says
                # whom the study has in mind, and the criteria say who may join.
                if not is_header:
                    oligo.append((sentence, criterion))
                    if (sentence, criterion) not in advanced and not words["oligo_count"].search(plain):
                        oligo_words.append((sentence, criterion))
                advanced.append((sentence, criterion))
                metastatic.append((sentence, criterion))
    for criterion in text.exclusion:
        body = criterion.text
        if _counts_metastases(criterion, once):
            # "More than 3 metastatic lesions", "patients with > 5 distant metastases are not allowed to be enrolled":
            # a limit on the count, which the profile does not record.
            oligo.append((body, criterion))
            advanced.append((body, criterion))
            metastatic.append((body, criterion))
            continue
        part_named, kind = once(_exclusion_says, body)
        if part_named and not _aside(criterion):
            substage.append((body, criterion))  # "Extrathoracic metastases", "M1c disease": a question for stage IV
            continue
        if kind is None or _aside(criterion):
            continue
        if kind == "limited":
            limited.append((body, criterion))  # "with life expectancy < 12 months": decided below
        elif kind == "counted":
            oligo.append((body, criterion))
            advanced.append((body, criterion))
            metastatic.append((body, criterion))
        else:
            excludes_metastatic.append((body, criterion))

    if _early_decides(text, early, advanced, oligo_words):
        # "Stage I Lung Cancer" / "Early-Stage Lung Cancer", a nodule for resection "(lung cancer or oligometastatic
        # disease)": the oligometastatic wording says what the nodule may be, not that stage IV NSCLC joins.
        advanced = [e for e in advanced if e not in oligo_words]
        oligo = [e for e in oligo if e not in oligo_words]
        metastatic = [e for e in metastatic if e not in oligo_words]
    if listed_early and advanced and all(criterion is None for _, criterion in advanced) and not metastatic:
        # "Unresectable stage IIIA or IIIB disease" under a title saying only "advanced NSCLC": the criteria's list of
        # stages, none past III, says which advanced disease is meant; the header never names stage IV.
        advanced = []
    if limited and not (listed_early and not advanced):
        # "Metastatic disease with life expectancy < 12 months": a condition on metastatic disease, a question,
        # unless the inclusions list stages I-III only (then stage IV is out whatever the exclusion adds).
        oligo += limited
        advanced += limited
        metastatic += limited
    if relapsed and not advanced:
        # Stage III at diagnosis, its progression enrolled: a stage IV patient fits if the relapse may be distant,
        # else it is a question; the title's and conditions' "Stage III" say the same diagnosis, nothing more.
        early = [e for e in early if e[1] is not None]
        distant = _distant_relapse_named(text)
        if distant is not None:
            advanced.append(relapsed[0] if relapsed[0][1] is not None else distant)
        elif not early:
            locally_advanced.append(relapsed[0])
    only_for: dict[str, Any] | None = None  # the scope of the deciding criterion
    if _other_group_takes_metastatic(excludes_metastatic, metastatic):
        excludes_metastatic = []  # "Neoadjuvant cohort: no distant metastases" beside "Cohort B: stage IV NSCLC"
    if excludes_metastatic:
        evidence, only_for = _decided(excludes_metastatic)
        # "Advanced NSCLC not amenable to curative treatment" beside "No distant metastases" is stage III; only
        # metastatic or stage IV wording in the same trial makes the exclusion a question.
        verdict = UNKNOWN if metastatic or _each_names_a_part(excludes_metastatic) else EXCLUDED
        why = "metastatic_excluded"
    elif early and not advanced:
        evidence, only_for = _decided(early)
        verdict, why = (UNKNOWN if _each_names_a_part(early) else EXCLUDED), "early_only"
    elif oligo:
        verdict, why, evidence = UNKNOWN, "oligometastatic", oligo[0][0]
    elif substage:
        verdict, why, evidence = UNKNOWN, "substage", substage[0][0]
    elif wet and all(e in wet for e in metastatic):
        # Only the old "stage IIIB with effusion" reaches stage IV: the M1a part of it, a question for stage IV.
        verdict, why, evidence = UNKNOWN, "substage", wet[0][0]
    elif any_stage:
        verdict, why, evidence = ELIGIBLE, "any_stage", any_stage[0][0]
    elif advanced:
        verdict, why, evidence = ELIGIBLE, "advanced", advanced[0][0]
    elif locally_advanced:
        verdict, why, evidence = UNKNOWN, "locally_advanced", locally_advanced[0][0]
    else:
        verdict, why, evidence = ELIGIBLE, "none", ""
    stated = bool(advanced or early or excludes_metastatic or oligo or locally_advanced or substage)
    rule: dict[str, Any] = {"IV": verdict, "other": UNKNOWN if stated and why != "any_stage" else ELIGIBLE, "why": why,
                            "evidence": quote(evidence) if evidence else ""}
    if only_for is not None:
        rule["scope"] = only_for
    return rule
