"""Cancer type: does the trial take NSCLC (named, as lung cancer in general, or in a solid-tumour basket),
small cell lung cancer only, or another cancer only?"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN
from trialmatch.criteria.rules.disease.banned import ban_lead, banned_clause, sent_to_group, without_bans
from trialmatch.criteria.rules.disease.lists import FLAT_ITEMS as _FLAT_ITEMS
from trialmatch.criteria.rules.disease.lists import list_items
from trialmatch.criteria.rules.disease.words import LEFT_OUT_LIST_BEFORE, mask, one_group, other_disease, vocab
from trialmatch.criteria.rules.prefilter import Guarded, guarded
from trialmatch.criteria.rules.reader.vocabulary import SHUT_OUT
from trialmatch.criteria.text import Criterion, TrialText, quote

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
# "pancreatic cancer, cholangiocarcinoma or other solid tumours": the list names examples of an open door.
_OTHER_OR_ANY = guarded(r"\b(?:other|any|all)\s+(?:[\w-]+\s+){0,2}?(?:cancers?|tumou?rs?|malignanc\w*)\b", re.I)
_HISTORY = guarded(r"\b(?:history|prior|previous|second|malignanc\w*|within \d+ years?)\b", re.I)
# "Advanced solid malignancy", "any metastatic malignancy": the cancer taken, named with the word a history rule uses
# ("no prior malignancy other than NSCLC", "other malignancy excluding skin cancer"); nothing before it may put it
# beside or before the one treated ("no other solid malignancy", "a second advanced malignancy").
_TAKEN_MALIGNANCY = re.compile(
    r"^(?:(?!\b(?:no|not|without|free|other|another|additional|concurrent|active|coexisting|second|prior"
    r"|previous|history)\b).)*?\b(?:solid|(?:locally\s+)?advanced|metastatic|unresectable|recurrent|refractory)"
    r"(?:\s*(?:,|/|or|and)?\s*(?:solid|(?:locally\s+)?advanced|metastatic|unresectable|recurrent|refractory))*"
    r"\s+malignanc(?:y|ies)\b",
    re.I,
)


def _history_words(sentence: str) -> bool:
    """The sentence speaks of a malignancy of the patient's past or beside the one treated, not of the cancer the
    trial takes ("Advanced solid malignancy excluding lung cancer" names its basket with the word "malignancy")."""
    taken = _TAKEN_MALIGNANCY.match(sentence)
    if taken is not None:
        sentence = sentence[:taken.start()] + " " * (taken.end() - taken.start()) + sentence[taken.end():]
    return _HISTORY.search(sentence) is not None


def _left_out(sentence: str, start: int) -> bool:
    """A tumour list that names lung cancer at `start` only to leave it out ("solid tumours other than NSCLC",
    "other solid tumours, excluding breast cancer, non-small cell lung cancer and gastric cancer"), not a history rule
    ("no prior malignancy other than NSCLC")."""
    if _HISTOLOGY_BEFORE.search(sentence, max(0, start - 30), start):
        return False  # "excluding non-squamous NSCLC": one histology left out, not every NSCLC
    return bool((_LEFT_OUT_BEFORE.search(sentence, max(0, start - 40), start)
                 or LEFT_OUT_LIST_BEFORE.search(sentence, max(0, start - 120), start))
                and _ANY_CANCER.search(sentence) and not _history_words(sentence))


# A histology word right before the lung cancer named ("non-squamous NSCLC", "squamous cell lung cancer").
_HISTOLOGY_BEFORE = re.compile(r"\b(?:non-?\s?squamous|squamous(?:\s+cell)?|adeno\w*|large[\s-]cell)[\s-]+$", re.I)


# "breast/lung/esophagogastric/colorectal cancer", "breast, lung, or ovarian carcinoma": organs before one cancer word.
_LUNG_IN_ORGAN_LIST = guarded(
    r"(?<![\w-])lung\s*(?:/|,|\band/or\b|\bor\b|\band\b)\s*(?:(?:and|or)\s+)?"
    r"(?:[a-z-]+\s*(?:/|,|\band/or\b|\bor\b|\band\b)\s*(?:(?:and|or)\s+)?){0,5}[a-z-]+\s+"
    r"(?:cancers?|carcinomas?|tumou?rs?|malignanc(?:y|ies)|neoplasms?)\b",
    re.I,
)


def _lung_in_organ_list(sentence: str) -> bool:
    """The lung named among organs that share the cancer word after them, and not left out ("other than lung")."""
    found = _LUNG_IN_ORGAN_LIST.search(sentence)
    return bool(found and not _left_out(sentence, found.start()) and not _HISTORY.search(sentence))


# A trial for cancers spread TO the lung names their primary as not the lung's: "a non-lung primary", "of any
# non-pulmonary primary", "extrapulmonary primary tumour", "primary tumour other than lung", "(not primary lung
# cancer)", "excluding primary lung cancer". The lung cancer named there is the one left out.
_CANCER_WORD = r"(?:cancers?|carcinomas?|tumou?rs?|malignanc(?:y|ies)|neoplasms?)"
_NON_LUNG_PRIMARY = guarded(
    r"\b(?:non|extra)[\s-]?(?:lung|pulmonary|thoracic)\s+(?:(?:solid\s+)?(?:primar(?:y|ies)|origin)\b"
    r"|(?:primary\s+)?(?:solid\s+)?" + _CANCER_WORD + r"\b)"
    r"|\bprimary\s+(?:(?:tumou?r|cancer|malignancy|site|disease)s?\s+)?(?:other\s+than|outside(?:\s+of)?)\s+"
    r"(?:the\s+)?lungs?\b"
    r"|\b(?:not|excluding|except(?:\s+for)?|other\s+than|but\s+not)\s+(?:an?\s+)?(?:(?:primary\s+lung|lung\s+primary"
    r"|primary\s+pulmonary|pulmonary\s+primary)\b(?:\s+" + _CANCER_WORD + r"\b)?"
    r"(?:\s*\([^()]{0,40}\))?)",
    re.I,
)
# Where the trial says it treats disease spread to the lung: "pulmonary oligometastases", "metastases to the lung".
_LUNG_METASTASES = guarded(
    r"\b(?:lung|pulmonary)\s+(?:oligo-?)?metasta\w*|\bmetasta\w*\s+(?:to|in|of|within)\s+(?:the\s+)?lungs?\b"
    r"|\bmetastatic\s+to\s+(?:the\s+)?lungs?\b",
    re.I,
)
_PAST = guarded(r"\b(?:history|second|concurrent|synchronous|within \d+ years?)\b", re.I)


def _non_lung_primary(sources: list[str]) -> tuple[list[str], str]:
    """In a trial that treats disease spread to the lung, the sources with every phrase naming the primary as not the
    lung's blanked out, and the first sentence holding one ("" when none, or when the trial speaks of no lung
    metastases: "a primary tumour other than lung" may then be a history rule's)."""
    if not any(_LUNG_METASTASES.search(s) for s in sources):
        return sources, ""
    found = next((s for s in sources if _NON_LUNG_PRIMARY.search(s) and not _PAST.search(s)), "")
    if not found:
        return sources, ""
    return [mask(s, _NON_LUNG_PRIMARY) for s in sources], found


def _lung_cancer_taken(sources: list[str]) -> bool:
    """Some sentence names lung cancer without leaving it out."""
    pattern = vocab()["lung_cancer"]
    for sentence in sources:
        match = pattern.search(sentence)
        if match and not _left_out(sentence, match.start()):
            return True
    return False


_LUNG = guarded(r"\blungs?\b", re.I)
# The lung named as a tumour type without a cancer word ("any solid tumour other than lung", "excluding lung and
# breast"), never as a site ("excluding lung metastases", "other than lung lesions").
_BARE_LUNG = guarded(
    r"\blungs?\b(?=\s*(?:$|[,;.)/]|(?:and|or|nor|and/or|origin|(?:primar|tumou?r|cancer)\w*)\b))", re.I)


_LUNG_CANCER = r"(?:non-?\s?small[\s-]cell lung (?:cancer|carcinoma)|nsclc|lung (?:cancer|carcinoma|malignancy))"
# Screening and prevention studies enrol people without lung cancer: "No prior history of lung cancer" in the
# inclusions, a bullet that is only "Known or suspected lung cancer" in the exclusions.
# Diagnostic studies enrol people before their lung cancer is diagnosed: "No histological or cytological diagnosis of
# lung cancer obtained at the time of inclusion", "without a confirmed pathological diagnosis of NSCLC", "lung cancer
# not yet confirmed by biopsy".
_NO_LUNG_CANCER = guarded(
    r"\b(?:no|without|free of|never)\s+(?:(?:a|any|prior|previous|personal|known|current|history|of|diagnosis"
    r"|diagnosed|with|been|evidence|histological(?:ly)?|cytological(?:ly)?|pathological(?:ly)?|histologic|cytologic"
    r"|pathologic|tissue|confirmed|established|definitive|definite|proven|confirmation|or|and|yet)\s+){0,7}"
    + _LUNG_CANCER + r"(?![\w-])(?!\s+(?:surgery|resection|treatment|therapy))"
    + r"|" + _LUNG_CANCER + r"\s+(?:(?:has|have|is|was)\s+)?(?:not\s+yet|yet\s+to\s+be|not\s+(?:been\s+)?"
    r"(?:yet\s+)?)(?:been\s+)?(?:histologically\s+|cytologically\s+|pathologically\s+)?(?:confirmed|diagnosed|proven"
    r"|established)\b",
    re.I,
)
_LUNG_ADJECTIVES = r"(?:(?:primary|advanced|early|new|pulmonary|peripheral)\s+)*"  # "suspected primary lung cancer"
_NOT_DIAGNOSED = guarded(r"\b(?:confirm\w*|histolog\w*|cytolog\w*|patholog\w*|biops\w*|not\s+yet|yet\s+to)\b", re.I)
# A population whose lung cancer is only suspected ("radiological suspicion of lung cancer", "suspected NSCLC
# referred for diagnostic bronchoscopy"); "suspected or confirmed NSCLC" takes diagnosed patients too.
_SUSPECTED = guarded(
    r"\b(?:suspicion\s+of|suspected(?!\s+(?:or|and/or)\b)|suspicious\s+(?:for|of))\s+(?:having\s+)?(?:an?\s+)?"
    + _LUNG_ADJECTIVES + _LUNG_CANCER + r"(?![\w-])(?!\s+(?:recurrence|relapse|progression))"
    r"(?![^.;]{0,20}\bor\s+(?:confirmed|known|proven|diagnosed))",
    re.I,
)
_LUNG_CANCER_BULLET = re.compile(
    r"\W*(?:(?:a|any|known|suspected|current|prior|previous|personal|active|or|and|/|history|of|diagnosis"
    r"|diagnosed|with|confirmed|existing)\s+)*" + _LUNG_CANCER
    + r"\s*(?:\([^()]{0,80}\))?\s*(?:within [^.;]{0,30})?[.;]?\s*$",
    re.I,
)


# "At high risk for lung cancer due to tobacco use": people who do not have it yet (a screening population).
# ("... risk of lung cancer recurrence" is a patient's.)
_NOT_RETURN = r"(?![\w-])(?!\s+(?:recurrence|relapse|progression|death|mortality))"
_AT_RISK = guarded(r"\b(?:high|increased|elevated)\s+risk\s+(?:for|of)\s+(?:developing\s+)?" + _LUNG_CANCER
                   + _NOT_RETURN, re.I)
# Mentions that take nobody with lung cancer: a risk of it, symptoms or findings suggesting it, screening or
# prevention of it, procedures a study of it may need ("no condition that would preclude procedures for lung cancer").
# Someone else's lung cancer is no case either: "family history of lung cancer", "a first-degree relative with NSCLC",
# "mother or sister diagnosed with lung cancer", "spouse of a lung cancer patient", "caregivers of patients with lung
# cancer", "lung cancer in a first-degree relative". ("Patients with NSCLC and their caregivers" takes patients.)
_KIN = (r"(?:(?:first|second|third|1st|2nd|3rd)[\s-]degree\s+)?(?:relatives?|family\s+members?|kin|parents?|mother"
        r"|father|siblings?|brothers?|sisters?|children|child|sons?|daughters?|spouses?|partners?|husband|wife"
        r"|household\s+members?|caregivers?|care-givers?|carers?)")
_SOMEONE_ELSES = (
    r"family\s+(?:history|hx)\s+(?:of\s+|with\s+)?(?:[\w-]+\s+){0,2}?"
    rf"|{_KIN}(?:\s+(?:or|and|and/or|/)\s+{_KIN})*\s*(?:\([^()]{{0,40}}\)\s*)?(?:who\s+(?:has|have|had)\s+(?:been\s+)?"
    r"|with\s+(?:a\s+)?(?:history\s+of\s+)?|(?:previously\s+)?diagnosed\s+with\s+|affected\s+by\s+|of\s+(?:an?\s+|the\s+)?"
    r"(?:(?:patients?|persons?|people|individuals?)\s+(?:with|diagnosed\s+with|suffering\s+from)\s+)?)"
    r"(?:diagnosed\s+with\s+)?(?:an?\s+)?"
)
_NOT_A_CASE = guarded(
    r"\b(?:risk\s+(?:for|of)\s+(?:developing\s+)?|suggestive\s+of\s+|suspicious\s+(?:for|of)\s+|suspicion\s+of\s+"
    r"|suspected\s+|screening\s+(?:for|of)\s+|prevention\s+of\s+|procedures\s+for\s+|" + _SOMEONE_ELSES + r")"
    + _LUNG_ADJECTIVES + _LUNG_CANCER + r"(?:\s+(?:patients?|survivors?))?" + _NOT_RETURN
    + r"|\b" + _LUNG_CANCER + r"\s+(?:in|of|among)\s+(?:an?\s+|one\s+|their\s+|his\s+|her\s+|the\s+)?" + _KIN,
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
        cases = _NOT_A_CASE.sub(" ", criterion.text)
        # ("Suspected lung cancer scheduled for biopsy, OR biopsy-proven lung cancer for restaging": cases too)
        suspected = _SUSPECTED.search(criterion.text) and not (
            v["nsclc"].search(cases) or v["lung_cancer"].search(cases))
        if _NO_LUNG_CANCER.search(criterion.text) or _AT_RISK.search(criterion.text) or suspected:
            negated = negated or criterion.text
            continue
        if v["nsclc"].search(cases) or v["lung_cancer"].search(cases):
            return ""
    if negated:
        return negated
    treats_cancer: bool | None = None  # asked once, of the first history-worded bullet only
    for criterion in text.exclusion:
        if criterion.scope is None and len(criterion.text) < 160 and _LUNG_CANCER_BULLET.match(criterion.text) \
                and not sent_to_group(criterion.text)[0]:  # "NSCLC (enrolled in Cohort B)": sent there, not shut out
            if _history_words(criterion.text):
                # "History of NSCLC (NSCLC) within 3 years" in a trial treating solid tumours: a rule on a cancer
                # of the patient's past, beside the one treated, not a study of people without lung cancer.
                if treats_cancer is None:
                    treats_cancer = _treats_a_cancer(text)
                if treats_cancer:
                    continue
            return criterion.text
    return ""


def _treats_a_cancer(text: TrialText) -> bool:
    """Some inclusion (for everyone) takes patients with a cancer ("Advanced solid tumour with an NTRK fusion",
    "Metastatic colorectal cancer"), not people without one (a screening study's "Current or former smokers")."""
    return any(criterion.scope is None and _ANY_CANCER.search(criterion.text)
               and not _NO_LUNG_CANCER.search(criterion.text) and not _history_words(criterion.text)
               for criterion in text.inclusion)


_FIRST_LABEL = re.compile(r"(?:\s*(?:,|/|\bor\b|\band\b)\s*[A-Z0-9][A-Za-z0-9.]{0,4})+$")


def _sent_elsewhere(text: TrialText) -> dict[str, Any] | None:
    """An exclusion that is only lung cancer sent to another group of the trial ("NSCLC (these patients are enrolled
    in Part 2)"): NSCLC is taken there, so eligible when the trial describes that group anywhere else, a question
    when it does not. None when no exclusion says so."""
    routed: dict[str, tuple[str, int]] = {}  # per distinct text: a long text repeats its bullets
    for criterion in text.exclusion:
        if criterion.scope is not None or len(criterion.text) >= 160:
            continue
        if criterion.text not in routed:
            routed[criterion.text] = sent_to_group(criterion.text)
        group, start = routed[criterion.text]
        # "NSCLC (enrolled in Cohort B)", or "NSCLC - these patients enrol in Part 2": lung cancer, then the routing
        if not group or not (_LUNG_CANCER_BULLET.match(criterion.text)
                             or _LUNG_CANCER_BULLET.match(criterion.text[:start])):
            continue
        first = _FIRST_LABEL.sub("", group)  # "cohort E1 or E2": E1 named anywhere describes it
        named = re.compile(r"(?<![\w-])" + re.escape(first) + r"(?![\w-])", re.I)
        elsewhere = [text.summary, *text.arms, *(c.text for c in text.criteria if c is not criterion),
                     *(c.parent for c in text.criteria), *(c.scope.label for c in text.criteria if c.scope)]
        if any(named.search(part) for part in elsewhere):
            return _rule(ELIGIBLE, criterion.text)
        return _rule(UNKNOWN, criterion.text, "sent to another group")
    return None


def _rule(verdict: str, evidence: str = "", other: str = "", ask: tuple[str, ...] = ()) -> dict[str, Any]:
    """`ask`: histologies for which an exclusion is a question (a large cell NSCLC may be neuroendocrine)."""
    rule: dict[str, Any] = {"verdict": verdict, "evidence": quote(evidence) if evidence else "", "other": other}
    if ask:
        rule["ask"] = list(ask)
    return rule


# Large cell neuroendocrine carcinoma was filed under large cell carcinoma, an NSCLC, until 2015: a large cell or
# unspecified NSCLC may be one, an adenocarcinoma or squamous cell carcinoma is not.
_NEUROENDOCRINE = guarded(r"\bneuro-?\s?endocrine\b|\blcnec\b|\bhigh-grade neuroendocrine", re.I)
_MAY_BE_NEUROENDOCRINE = ("large cell", "nsclc-nos")


# "a neuroendocrine carcinoma of the lung with small cell features": the small cell kind, closed to large cell NSCLC.
_WITH_SMALL_CELL_FEATURES = guarded(
    r"\bneuro-?\s?endocrine\s+(?:(?:lung|pulmonary)\s+)?(?:carcinoma|cancer|tumou?r|neoplasm|malignanc(?:y|ie))s?"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?lungs?)?"
    r"\s*,?\s+(?:with|showing|having|of)\s+(?:predominantly\s+)?small[\s-]cell\s+"
    r"(?:features|morphology|histology|differentiation|type|component)",
    re.I,
)


def _neuroendocrine(parts: list[str]) -> tuple[str, ...]:
    # "Small cell neuroendocrine carcinoma" is small cell lung cancer: no door for a large cell NSCLC.
    small_cell = vocab()["sclc"]
    return _MAY_BE_NEUROENDOCRINE if any(
        _NEUROENDOCRINE.search(mask(_WITH_SMALL_CELL_FEATURES.sub(" ", part), small_cell)) for part in parts) else ()


# Words that may stand between an organ and a cancer word: "Pancreatic Ductal Adenocarcinoma", "Head and Neck
# Squamous Cell Carcinoma", "Triple-Negative Breast Cancer" ("Cervical Spine Tumours" is not a cancer of the cervix).
# Separators and words never overlap, so the match stays linear.
_CANCER_AFTER_ORGAN = re.compile(
    r"(?:[\s/-]+(?:squamous|cell|ductal|lobular|junction|serous|clear|papillary|epithelial|mucinous|transitional"
    r"|duct|tract|cavity|gland|invasive|metastatic|advanced|recurrent|primary|unresectable))"
    r"{0,2}[\s/-]+(?:cancers?|carcinomas?|adenocarcinomas?|neoplasms?|tumou?rs?|malignanc\w*)\b",
    re.I,
)
_BARE_CANCER = guarded(r"\b(?:cancers?|carcinomas?|adenocarcinomas?|neoplasms?|tumou?rs?|malignanc\w*)\b", re.I)
_PERMITTED = guarded(r"\b(?:eligible|allowed|permitted|may)\b", re.I)
_DIAGNOSIS = guarded(r"\b(?:histolog\w*|cytolog\w*|patholog\w*|confirmed|diagnos\w*|documented|proven)\b", re.I)


def _disease_bullet(position: int, sentence: str) -> bool:
    """One of the first inclusion bullets naming the disease in a few words, with no word of diagnosis ("Pleural
    mesothelioma or thymic carcinoma.", "Advanced HER2-positive breast or gastric cancer."): the disease taken, as
    "Histologically confirmed ..." would say."""
    return position < 3 and len(_WORD.findall(sentence)) <= 10


_WORD = re.compile(r"[\w-]+")


def _organ_cancers(part: str) -> list[tuple[int, int]]:
    """Where a cancer of another organ is named ("Gastric or GEJ Adenocarcinoma")."""
    v = vocab()
    plain = mask(part, v["nsclc"])
    spans = []
    for organ in v["other_organs"].finditer(plain):
        after = _CANCER_AFTER_ORGAN.match(plain, organ.end())
        if after:
            spans.append((organ.start(), after.end()))
    return spans


def _organ_cancer(part: str) -> str:
    spans = _organ_cancers(part)
    return part[spans[0][0]:spans[0][1]] if spans else ""


def _only_other_cancers(sentence: str) -> bool:
    """The sentence names other cancers as the ones taken, and no cancer in general: not "a diagnosis of cancer;
    prostate cancer on hormone therapy is allowed", not "any cancer excluding non-melanoma skin cancer"."""
    if not _other_cancer(sentence) or _LEFT_OUT_WORD.search(sentence) or _PERMITTED.search(sentence):
        return False
    # Organ cancers first: "head and neck squamous cell carcinoma" is one name, not "head and neck" and a bare one.
    rest = sentence
    for start, end in _organ_cancers(rest):
        rest = rest[:start] + " " * (end - start) + rest[end:]
    rest = mask(rest, vocab()["other_cancers"])
    for start, end in _organ_cancers(rest):
        rest = rest[:start] + " " * (end - start) + rest[end:]
    return not _BARE_CANCER.search(rest)


def _other_cancer(sentence: str) -> str:
    other = vocab()["other_cancers"].search(mask(sentence, vocab()["nsclc"]))
    return other.group(0) if other else _organ_cancer(sentence)


# A list of cancers that says which ones the trial takes, and no others: after a colon, "one of the following",
# "limited to"; never one that gives examples ("including", "such as") or leaves room ("other", "any").
_CLOSED_INTRO = guarded(
    r"\b(?:tumou?r types?|cancer types?|cancers?|tumou?rs?|malignanc\w*|indications?)\s*(?::|\(?\s*limited to"
    r"|\(?\s*restricted to|of the following)|\bone of the following\b",
    re.I,
)
_OPEN_LIST = guarded(
    r"\b(?:includ\w*|incl|such as|e\.?\s?g|for example|for instance|not limited|among others|and others|other"
    r"|others|etc|any|all|or more|at least)\b",
    re.I,
)


# "any of these tumour types:", "one of the following": which of a closed list, not an open door ("any tumour").
_ONE_OF = re.compile(r"\b(?:any|one|either)\s+of\s+(?:these|those|the\s+following|the\s+below)\b", re.I)


def _closed_list(text: TrialText, sources: list[str]) -> str:
    """An inclusion sentence for everyone that lists the cancers taken, none of them lung cancer ("Histologically
    confirmed melanoma, renal cell carcinoma or urothelial carcinoma"), in a trial that names the lung nowhere
    and offers no open door ("any advanced solid tumour")."""
    v = vocab()
    if _lung_named(sources):
        return ""
    closed = ""
    for criterion in text.inclusion:
        # A heading that names solid tumours ("Advanced solid tumours: breast, ...") speaks for everyone.
        if one_group(criterion) or other_disease(criterion) or criterion.purpose is not None:
            continue
        for sentence in criterion.sentences():
            listed = _CLOSED_INTRO.search(sentence)
            if v["basket"].search(sentence) and not listed:
                return ""  # "advanced solid tumour for which no standard therapy exists": open to NSCLC
            if closed or _OPEN_LIST.search(_ONE_OF.sub(" ", sentence)) or _HISTORY.search(sentence):
                continue
            if listed and not _LEFT_OUT_WORD.search(sentence) and (
                    _other_cancer(sentence) or v["other_organs"].search(sentence)):
                closed = sentence  # "one of the following tumour types: colorectal, gastric, pancreatic"
            elif _DIAGNOSIS.search(sentence) and not v["basket"].search(sentence) and _only_other_cancers(sentence):
                closed = sentence  # "histologically confirmed melanoma, renal cell carcinoma or urothelial carcinoma"
    return closed


# A lead-in whose items are the cancers taken: "Histologically confirmed advanced cancer:", "one of the following
# tumour types:" (not a condition's or a history's: those name what someone had, or a subgroup).
_ITEMS_LEAD = guarded(r"(?:\b(?:cancers?|tumou?rs?|malignanc(?:y|ies)|carcinomas?|neoplasms?|types?|histolog(?:y|ies)"
                      r"|indications?|cohorts?|diseases?)|\bone of the following)\W*:\s*$", re.I)
# An open door the list would not close: a dose-escalation part of any tumour, an agnostic or basket sentence.
_ESCALATION = guarded(r"\b(?:escalation|dose[\s-]finding|all[\s-]comers)\b", re.I)


def _group_items(text: TrialText) -> tuple[list[str], list[int]]:
    """The disease sentences of the trial's listed groups or items: "Cohort 1: metastatic colorectal cancer" (the
    group label cut off), or the items under a lead-in "Histologically confirmed cancer of one of the following
    types:"; and the positions, among the inclusions, of the criteria they come from (one bullet may hold several
    criteria, so its index is no name)."""
    items: list[str] = []
    used: set[int] = set()
    criteria = list(text.inclusion)
    for position, criterion in enumerate(criteria):
        if position in used:
            continue
        label = _PART_LABEL.match(criterion.text)
        if label:
            items.append(criterion.text[label.end():])
            used.add(position)
        elif _ITEMS_LEAD.search(criterion.text) and not _HISTORY.search(criterion.text):
            for offset, item in enumerate(list_items(criteria, position), start=position + 1):
                if not _BARE_CANCER.search(item.text) and not _other_cancer(item.text):
                    break  # a flat list ends where the bullets stop naming cancers ("ECOG 0-1")
                if not _PART_LABEL.match(item.text):  # a labelled item is read as a group above
                    items.append(item.text)
                    used.add(offset)
    return items, sorted(used)


def _listed_groups(text: TrialText, sources: list[str]) -> str:
    """Every group or listed item of the inclusions names another cancer, and nothing else ("Cohort 1: HER2-positive
    gastric cancer", "Cohort 2: ovarian cancer", "Cohort 3: urothelial carcinoma"), in a trial that names the lung
    nowhere and has no sentence for everyone open to any tumour: the groups are the cancers taken. The first group's
    sentence, or ""."""
    v = vocab()
    if _lung_named(sources):
        return ""
    items, used = _group_items(text)
    if len(items) < 2 or not all(_only_other_cancers(item) and not _OPEN_LIST.search(item) for item in items):
        return ""
    for position, criterion in enumerate(text.inclusion):
        if position in used or criterion.text.rstrip().endswith(":"):
            continue
        for sentence in criterion.sentences():
            if v["basket"].search(sentence) or _AGNOSTIC.search(sentence) or _ESCALATION.search(sentence):
                return ""  # "Dose escalation: any advanced solid tumour": open to NSCLC
    return items[0]


# A neuroendocrine cancer "of the lung" ("neuroendocrine lung cancer") is not lung cancer in the sense of NSCLC.
_NEUROENDOCRINE_OF_LUNG = guarded(
    r"\b(?:(?:lung|pulmonary)\s+)?(?:large[\s-]cell\s+)?neuro-?\s?endocrine\s+(?:(?:lung|pulmonary)\s+)?"
    r"(?:carcinomas?|cancers?|tumou?rs?|neoplasms?|malignanc(?:y|ies))"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?lungs?)?|\blcnec\b",
    re.I,
)


# Small cell and neuroendocrine lung cancers, and SCLC's own stage words: a lung cancer a large cell or unspecified
# NSCLC may be, so never "another cancer" for the stage reader.
_SCLC_STAGE = guarded(r"\b(?:extensive|limited)[\s-]stage\b", re.I)


def another_cancer_only(sentence: str) -> bool:
    """The sentence names a cancer of another organ ("HCC", "gastric adenocarcinoma", "mCRC") and nothing of the lung
    or a basket: what it says of stage or curability ("Locally advanced and/or unresectable HCC not amenable to
    locoregional therapy") is that cancer's, not the lung cancer's. Small cell and neuroendocrine lung cancers are
    not other cancers here."""
    v = vocab()
    if not (v["other_cancers"].possible(sentence) or v["other_organs"].possible(sentence)):
        return False
    if v["nsclc"].search(sentence) or v["basket"].search(sentence) or _LUNG.search(sentence):
        return False
    rest = mask(mask(mask(sentence, v["sclc"]), _NEUROENDOCRINE_OF_LUNG), _SCLC_STAGE)
    return bool(v["other_cancers"].search(rest) or _organ_cancers(rest))


def _lung_named(sources: list[str]) -> bool:
    """Any word of the lung outside small cell and neuroendocrine lung cancers."""
    v = vocab()
    # (The lung as where another cancer spread, "colorectal cancer with lung metastases", names no lung cancer.)
    return any(_LUNG.search(mask(mask(mask(s, v["sclc"]), _NEUROENDOCRINE_OF_LUNG), _LUNG_METASTASES))
               for s in sources)


def _names_other_cancer(part: str, solid_basket: bool = False) -> bool:
    """Does the part name a cancer other than NSCLC? Beside a basket of any solid tumour, a blood cancer is no
    such name: "solid tumor, multiple myeloma, or B cell non-Hodgkin lymphoma" takes every solid tumour, and
    the blood cancers are more ways in, not a list of the solid tumours meant."""
    v = vocab()
    plain = mask(mask(part, v["nsclc"]), v["basket"])
    if solid_basket:
        plain = _BLOOD_CANCER.sub(lambda m: " " * len(m.group(0)), plain)
    return bool(v["other_cancers"].search(plain) or v["other_organs"].search(plain))


# Blood cancers, with the words that say which kind ("B cell non-Hodgkin lymphoma", "relapsed multiple myeloma").
_BLOOD_CANCER = re.compile(
    r"\b(?:(?:relapsed|refractory|multiple|B[\s-]cell|T[\s-]cell|NK[\s-]cell|non[\s-]?Hodgkin'?s?|Hodgkin'?s?|diffuse"
    r"|large|mantle\s+cell|follicular|chronic|acute|lymphocytic|lymphoblastic|myeloid|myelogenous|plasma\s+cell"
    r"|and|or|/|,)\s*)*(?:lymphomas?|leuka?emias?|myelomas?|myelodysplastic\s+syndromes?|hematologic(?:al)?"
    r"\s+(?:malignanc(?:y|ies)|cancers?)|haematologic(?:al)?\s+(?:malignanc(?:y|ies)|cancers?)|NHL|DLBCL|CLL|CML|AML|MDS)\b",
    re.I,
)
# A basket of every solid tumour: "solid tumor(s)", "solid malignancies", "advanced solid ...".
_SOLID_BASKET = re.compile(r"\bsolid\s+(?:tumou?rs?|malignanc(?:y|ies)|cancers?|neoplasms?)\b", re.I)


# "NSCLC that has transformed to small cell lung cancer", "small cell transformation of EGFR-mutant adenocarcinoma".
_TO_SMALL_CELL = guarded(
    r"\btransform\w*\s+(?:in)?to\s+(?:an?\s+)?(?:small[\s-]cell|sclc)\b|\b(?:small[\s-]cell|sclc)\s+transform\w*"
    r"|\btransformed\s+(?:small[\s-]cell|sclc)\b|\btransformation\s+to\s+(?:small[\s-]cell|sclc)\b"
    r"|\bhistologic(?:al)?\s+transformation\b",
    re.I,
)
# "... transformed to small cell are not eligible", "without small cell transformation": not what the trial asks for.
_SHUT_OUT = re.compile(r"\b" + SHUT_OUT + r"\b"
                       r"|\bnot (?:eligible|allowed|permitted)\b", re.I)
_MAY_WORDS = guarded(r"\b(?:lcnec|neuro-?\s?endocrine|transform\w*)", re.I)
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|without|excluding|except|other than)\b[^.;]{0,40}$", re.I)


def _asked(sentence: str, pattern: Guarded) -> re.Match[str] | None:
    """Where `pattern` names what the sentence asks for: not negated before it, not shut out after it."""
    found = pattern.search(sentence)
    if found is None or _NEGATED_BEFORE.search(sentence, max(0, found.start() - 40), found.start()):
        return None
    return None if _SHUT_OUT.search(sentence, found.end()) or _HISTORY.search(sentence[:found.start()]) else found


def _plain_nsclc(sentence: str) -> bool:
    """The sentence names NSCLC or lung cancer as such, once neuroendocrine, small cell and transformed disease
    are blanked out ("Stage IV NSCLC, including LCNEC": all NSCLC)."""
    v = vocab()
    rest = mask(mask(mask(sentence, _NEUROENDOCRINE_OF_LUNG), v["sclc"]), _TO_SMALL_CELL)
    if _TRANSFORMED.search(sentence) and not _WIDENED.search(sentence):
        return False  # "NSCLC that has transformed ..." names NSCLC only as what it was
    return bool(v["nsclc"].search(rest) or v["lung_cancer"].search(rest) or _HISTOLOGY_NAMED.search(rest))


# "EGFR-mutant NSCLC (small cell transformation allowed)", "NSCLC, including LCNEC": NSCLC with more let in.
_WIDENED = guarded(r"\b(?:eligible|allowed|permitted|acceptable|may|includ\w*|as well as|also)\b", re.I)
_HISTOLOGY_NAMED = guarded(r"\b(?:adenocarcinoma|squamous|non-?\s?squamous)\b", re.I)


def _special_lung_cancer(text: TrialText) -> dict[str, Any] | None:
    """A trial whose inclusions, for everyone, ask for a lung cancer that is not plain NSCLC, and never for NSCLC as
    such: large cell neuroendocrine carcinoma (adenocarcinoma and squamous are out; a large cell or unspecified NSCLC
    may be one), or NSCLC transformed to small cell (a question: the profile does not say whether it has). A header
    that says NSCLC does not widen it: the criteria say which NSCLC."""
    candidates = [c for c in text.inclusion if _MAY_WORDS.possible(c.text) and not one_group(c)
                  and not other_disease(c)]
    if not candidates:
        return None  # most trials: nothing below can match
    # Sentences for every patient that may ask for such a cancer (a history or washout is not what is asked for).
    own = [s for c in candidates if c.purpose is None for s in c.sentences() if _MAY_WORDS.search(s)]
    transformed = next((s for s in own if _asked(s, _TO_SMALL_CELL)), "")
    neuroendocrine = "" if transformed else next(
        (s for s in own if _DIAGNOSIS.search(s) and _asked(s, _NEUROENDOCRINE_OF_LUNG)
         and not vocab()["sclc"].search(s)), "")
    if not transformed and not neuroendocrine:
        return None
    if any(_plain_nsclc(s) for c in text.inclusion if not one_group(c) and not other_disease(c) for s in c.sentences()):
        return None  # "Stage IV NSCLC" beside it: every NSCLC is taken
    if transformed:
        return _rule(UNKNOWN, transformed, "transformed")
    return _rule(EXCLUDED, neuroendocrine, "large cell neuroendocrine carcinoma", _MAY_BE_NEUROENDOCRINE)


# Before small cell lung cancer: words that make it something someone had, was treated for, or is left out.
_NOT_ASKED_BEFORE = re.compile(
    r"\b(?:no|not|without|excluding|except|other than|mixed|prior|previous|previously|history|received|receiving"
    r"|treated|treatment|therapy|chemotherapy|regimens?|for|after|following)\b[^.;]{0,60}$",
    re.I,
)
_SMALL_CELL_DISEASE = guarded(r"\b(?:extensive|limited|stage|disease|relapsed|refractory|recurrent|metastatic"
                              r"|high[\s-]grade|poorly[\s-]differentiated)\b", re.I)


def _small_cell_asked(sentence: str) -> str:
    """The sentence asks for small cell lung cancer as the disease enrolled ("Pathologically confirmed extensive
    stage small cell lung cancer", "Evaluable extensive SCLC"), not as a history, a treatment or one shut out."""
    v = vocab()
    plain = mask(sentence, v["nsclc"])
    found = v["sclc"].search(plain)
    if found is None or _TO_SMALL_CELL.search(sentence) or _NOT_ASKED_BEFORE.search(plain, 0, found.start()):
        return ""
    clause_end = plain.find(";", found.end())  # "SCLC; mixed histology ... is not allowed": another clause's ban
    if _SHUT_OUT.search(plain, found.end(), clause_end if clause_end >= 0 else len(plain)) or not (
            _DIAGNOSIS.search(plain) or _SMALL_CELL_DISEASE.search(plain)):
        return ""
    return sentence


# "No prior systemic therapy for lung cancer", "previous treatment of lung cancer": the disease a treatment was for
# (in a small cell trial, the small cell cancer itself), not a cancer the trial enrols.
_TREATED_FOR = re.compile(
    r"\b(?:therap(?:y|ies)|treatments?|chemotherapy|chemoradiotherapy|immunotherapy|regimens?|agents?|drugs?"
    r"|surgery|radiotherapy|radiation)\b(?:\s*\([^()]{0,80}\))?\s+(?:given\s+)?(?:for|of|against)\s+(?:the\s+|their\s+)?"
    r"(?:(?:advanced|metastatic|recurrent|extensive|limited)[\s-]+(?:stage\s+)?)?lung\s+(?:cancer|carcinoma)s?\b",
    re.I)


# "mixed histology with a non-small cell component", "combined SCLC with NSCLC elements": a part of a small cell
# tumour (here, one left out), not NSCLC enrolled.
_NSCLC_COMPONENT = re.compile(
    r"\b(?:non-?\s?small[\s-]cell|nsclc)(?:\s+(?:lung\s+)?(?:cancer|carcinoma|histology))?\s+"
    r"(?:components?|elements?|features?|parts?)\b", re.I)


def _without_components(sentence: str) -> str:
    return _NSCLC_COMPONENT.sub(" ", sentence)


def _small_cell_named(sentence: str) -> bool:
    """Small cell lung cancer named as a cancer the sentence is about, not left out ("any primary malignancy, except
    for small cell carcinoma, germ cell tumour or lymphoma": every other cancer is taken), or asked for by its own
    stage ("Extensive-stage disease per VA staging")."""
    found = vocab()["sclc"].search(sentence)
    if found is None:
        return _small_cell_stage_asked(sentence)
    return not _LEFT_OUT_BEFORE_SC.search(sentence, max(0, found.start() - 60), found.start())


# "Extensive-stage disease (VA staging)", "limited-stage disease": the Veterans Administration stages, which only
# small cell lung cancer is given.
_SCLC_STAGE_DISEASE = guarded(r"\b(?:extensive|limited)[\s-]+stage\s+(?:disease|\((?:ES|LS|ED|LD|VA)\b)"
                              r"|\b(?:extensive|limited)[\s-]+disease\s+(?:\(?VA\b|\(?ED\b|\(?LD\b)", re.I)


def _small_cell_stage_asked(sentence: str) -> bool:
    """The sentence asks for extensive- or limited-stage disease, not as a treatment's or history's ("no prior
    therapy for extensive-stage disease"), and names no other cancer."""
    found = _SCLC_STAGE_DISEASE.search(sentence)
    if found is None or _NOT_ASKED_BEFORE.search(sentence, 0, found.start()):
        return False
    rest = mask(sentence, _SCLC_STAGE)  # ("extensive-stage" is among the other cancers' names, as SCLC's)
    return not (vocab()["nsclc"].search(rest) or _other_cancer(rest) or vocab()["basket"].search(rest))


# "except (for)", "excluding", "other than", "but not": the small cell cancer after it is the one left out.
_LEFT_OUT_BEFORE_SC = re.compile(
    r"\b(?:except(?:\s+for)?|excluding|other\s+than|but\s+not|apart\s+from|with\s+the\s+exception\s+of)\b"
    r"[^.;:]{0,40}$", re.I)


def _general_lung_words(sentence: str) -> str:
    """The sentence where it may name lung cancer in general: a cancer treated for, small cell lung cancer and a
    neuroendocrine cancer "of the lung" (a neuroendocrine cancer, not lung cancer in general) blanked out."""
    return mask(mask(_TREATED_FOR.sub(" ", sentence), vocab()["sclc"]), _NEUROENDOCRINE_OF_LUNG)


def _names_nsclc(sentence: str) -> bool:
    """NSCLC, lung cancer in general, an NSCLC histology or a basket named: more than small cell lung cancer."""
    v = vocab()
    sentence = _without_components(sentence)
    rest = _general_lung_words(sentence)
    return bool(v["nsclc"].search(sentence) or v["lung_cancer"].search(rest) or _HISTOLOGY_NAMED.search(rest)
                or v["basket"].search(sentence))


def _small_cell_criteria(text: TrialText) -> dict[str, Any] | None:
    """The inclusions, for everyone, ask for small cell lung cancer, and no inclusion names NSCLC, lung cancer in
    general or a basket: the criteria say SCLC only, whatever a generic header says ("SCLC (limited or extensive
    disease) or LCNEC": a large cell or unspecified NSCLC may be the neuroendocrine one, a question)."""
    nsclc = vocab()["nsclc"]
    if any(nsclc.search(_without_components(c.text)) for c in text.inclusion):
        return None  # most trials: NSCLC named, a quick way out
    own = [s for c in text.inclusion if c.scope is None and c.purpose is None for s in c.sentences()]
    asked = next((s for s in own if _small_cell_asked(s)), "")
    if not asked or any(_names_nsclc(s) for c in text.inclusion for s in c.sentences()):
        return None
    return _rule(EXCLUDED, asked, "small cell lung cancer", _neuroendocrine(own))


# A basket that points to a list elsewhere ("solid tumours of the types listed below", "as defined in Appendix B").
_LIST_ELSEWHERE = guarded(
    r"\b(?:listed|following|below|above|appendix|specified|selected|defined|outlined|indicated|types?|subtypes?)\b",
    re.I,
)
_HAD_BEFORE = guarded(r"\b(?:history|prior|previous(?:ly)?|second|within \d+ years?|other than)\b", re.I)
_GROUP_KINDS = frozenset({"cohort", "part", "arm", "phase"})
# "Phase Ia: ...", "PART 1 (monotherapy): ...": a sentence that opens with its group's name.
_PART_LABEL = re.compile(
    r"\W{0,3}(?:parts?|cohorts?|arms?|phases?|groups?|modules?)\s*[A-Za-z0-9]{1,4}(?:\s*\([^()]{0,40}\))?\s*:", re.I)


def _open_basket_part(text: TrialText) -> str:
    """"PART 1 (monotherapy): Histologically confirmed solid tumor malignancy with a KRAS G12C mutation" beside
    parts for colorectal cancer: a part whose own disease sentence names a basket and no cancer in it is open to
    NSCLC, whatever cancers the conditions list for the other parts. The sentence, or "" when none."""
    v = vocab()
    for criterion in text.inclusion:
        scope = criterion.scope
        scoped = scope is not None and scope.kind in _GROUP_KINDS and not scope.diseases and not scope.closed
        for sentence in criterion.sentences():
            if not (scoped or _PART_LABEL.match(sentence)):
                continue
            if (v["basket"].search(sentence) and _DIAGNOSIS.search(sentence) and not _names_other_cancer(sentence)
                    and not _LIST_ELSEWHERE.search(sentence) and not _HAD_BEFORE.search(sentence)):
                return sentence
    return ""


# A cancer of any type the inclusion asks for, advanced or metastatic: "a locally advanced or metastatic malignancy
# with an NTRK fusion", "any advanced solid tumour", "advanced solid tumors of any histology", "regardless of tumour
# type". (Not "a tumour lesion amenable to biopsy", nor a malignancy of the patient's past: see _EARLIER.)
_AGNOSTIC = guarded(
    r"\b(?:a|an|any)\s+(?:(?:histologically|cytologically|pathologically|confirmed|documented|incurable|or|and|/|,)\s*)*"
    r"(?:(?:locally[\s-]+)?advanced|metastatic|unresectable|recurrent|refractory|relapsed)\b"
    r"(?:\s*(?:,|/|or|and|locally|advanced|metastatic|unresectable|recurrent|refractory|relapsed|incurable)\b)*"
    r"\s+(?:solid\s+)?(?:malignanc(?:y|ies)|tumou?rs?|cancers?|neoplasms?)\b"
    r"(?!\s+(?:lesions?|tissue|samples?|specimens?|biops\w*|blocks?|markers?|size|burden))"
    r"|\b(?:solid\s+)?(?:tumou?rs?|malignanc(?:y|ies)|cancers?)\s+of\s+any\s+(?:histolog\w*|type|origin|primary|tumou?r\s+type)"
    r"|\bany\s+(?:(?:locally\s+)?advanced\s+|metastatic\s+|unresectable\s+)*solid\s+(?:tumou?rs?|malignanc(?:y|ies)|cancers?)"
    r"|\bregardless\s+of\s+(?:the\s+)?(?:tumou?r|cancer|primary|histolog\w*)(?:\s+(?:type|site|origin))?\b",
    re.I,
)
# Words that put a malignancy in the patient's past or beside the one treated: "history of a metastatic cancer".
_EARLIER = guarded(r"\b(?:history|prior|previous|previously|second|another|other|additional|concurrent"
                   r"|within \d+ years?)\b", re.I)


def _tumour_agnostic(text: TrialText) -> str:
    """The inclusion sentence that takes an advanced cancer of any type, naming no type ("Subjects with a locally
    advanced or metastatic malignancy with an NTRK1, NTRK2, or NTRK3 gene fusion"): NSCLC is one, whatever the
    conditions list says. "" when none does (one naming a cancer, or scoped to another cancer's group, does not)."""
    for criterion in text.inclusion:
        if criterion.purpose is not None or (criterion.scope is not None and criterion.scope.other_disease):
            continue
        for sentence in criterion.sentences():
            found = _AGNOSTIC.search(sentence)
            if found is None or _EARLIER.search(sentence, 0, found.start()) or _names_other_cancer(sentence, True):
                continue
            if _NEGATED_BEFORE.search(sentence, max(0, found.start() - 40), found.start()):
                continue
            return sentence
    return ""


def _lead_of(criteria: Sequence[Criterion], position: int) -> str:
    """The lead-in an item of a list speaks for: its parent bullet, or the nearest flat bullet ending with a colon a
    few bullets before ("History of the following within 5 years:" then "NSCLC"), or ""."""
    criterion = criteria[position]
    return criterion.parent or next((c.text for c in reversed(criteria[max(0, position - _FLAT_ITEMS):position])
                                     if c.text.rstrip().endswith(":")), "")


def _inclusion_without_bans(text: TrialText) -> tuple[list[str], str]:
    """The inclusion sentences, each with any clause that shuts NSCLC out as a tumour type blanked ("Rare solid
    tumour. Common histologies are not eligible: NSCLC, breast, colorectal", or a bare "NSCLC" under "The following
    tumour types are not eligible:"), and the first sentence holding one."""
    out: list[str] = []
    banned = ""
    inclusion = text.inclusion  # a property that builds its list on every call: once, not once per bullet
    # A long text repeats its sentences: each distinct one (under a ban's lead-in or not) is read once per parse.
    read: dict[tuple[str, bool], str | None] = {}
    for position, criterion in enumerate(inclusion):
        everyone = not one_group(criterion) and not other_disease(criterion)
        lead = _lead_of(inclusion, position) if everyone else ""
        under_ban = bool(lead) and ban_lead(lead, shut=True)
        for sentence in criterion.sentences():
            if everyone:
                key = (sentence, under_ban)
                if key not in read:
                    read[key] = _blanked(sentence, under_ban)
                blanked = read[key]
                if blanked is not None:
                    banned = banned or sentence
                    sentence = blanked
            out.append(sentence)
    return out, banned


def _blanked(sentence: str, under_ban: bool) -> str | None:
    """The sentence with the clauses shutting NSCLC out blanked (all of it under a ban's lead-in), or None when it
    holds none."""
    if not banned_clause(sentence, exclusion=under_ban):
        return None
    return " " * len(sentence) if under_ban else without_bans(sentence)


def _banned_by_exclusion(text: TrialText) -> str:
    """An exclusion, for everyone, that is only a list of cancers naming NSCLC ("Non-small cell lung cancer or breast
    cancer (enrolled in separate studies)", "Patients with NSCLC are not eligible"), or ""."""
    exclusion = text.exclusion
    for position, criterion in enumerate(exclusion):
        if one_group(criterion) or other_disease(criterion) or criterion.purpose is not None:
            continue
        lead = _lead_of(exclusion, position)
        if lead and not ban_lead(lead):
            continue  # an item of a history, a part's or a condition's list
        for sentence in criterion.sentences():
            if banned_clause(sentence, exclusion=True):
                return sentence
    return ""


# "SCLC on a biopsy after an EGFR TKI, in a participant with a previously documented EGFR-mutant NSCLC", "small cell
# lung cancer arising from a prior NSCLC", "SCLC in a patient originally diagnosed with NSCLC": NSCLC is named as the
# disease the small cell cancer came from, a transformation without the word; not NSCLC taken as such.
_EARLIER_NSCLC_BEFORE = re.compile(
    r"\b(?:previously\s+(?:documented|diagnosed|confirmed|known)|(?:prior|previous|earlier|original|initial)\s+"
    r"(?:diagnosis|history)|(?:originally|initially|first)\s+diagnosed|history\s+of|arising\s+(?:from|out\s+of)"
    r"|evolv\w*\s+from|derived\s+from|transformed\s+from|originat\w*\s+from)\b[^.;]{0,40}$",
    re.I,
)


def _earlier_nsclc(sentence: str, named: re.Match[str]) -> bool:
    """The sentence asks for small cell lung cancer and names NSCLC, at `named`, as what the patient had before."""
    if not _EARLIER_NSCLC_BEFORE.search(sentence, max(0, named.start() - 80), named.start()):
        return False
    v = vocab()
    small_cell = v["sclc"].search(mask(sentence, v["nsclc"]))
    return small_cell is not None and not _NEGATED_BEFORE.search(sentence, max(0, small_cell.start() - 40),
                                                                  small_cell.start())


def cancer_rule(text: TrialText) -> dict[str, Any]:
    v = vocab()
    without = _without_lung_cancer(text)
    if without:
        undiagnosed = _SUSPECTED.search(without) or _NOT_DIAGNOSED.search(without)
        return _rule(EXCLUDED, without, "people not yet diagnosed" if undiagnosed else "people without lung cancer")
    sent = _sent_elsewhere(text)
    if sent:
        return sent
    special = _special_lung_cancer(text)
    if special:
        return special
    if any(v["sclc"].possible(c.text) for c in text.inclusion):
        small_cell_only = _small_cell_criteria(text)
        if small_cell_only:
            return small_cell_only
    header = [text.title, *text.conditions, *text.keywords]
    inclusion, banned = _inclusion_without_bans(text)
    sources = [*header, *inclusion]
    sources, left_out = _non_lung_primary(sources)  # "(not primary lung cancer)": the lung cancer left out
    inclusion = sources[len(header):]
    nsclc: list[str] = []  # sentences naming NSCLC only as transformed to small cell
    for sentence in sources:
        named = v["nsclc"].search(sentence)
        if named and _left_out(sentence, named.start()):
            left_out = left_out or sentence
        elif named and _earlier_nsclc(sentence, named):
            nsclc.append(sentence)  # "SCLC on re-biopsy in a patient with previously documented NSCLC"
        elif named:
            if not _TRANSFORMED.search(sentence) or _NOT_TRANSFORMED.search(sentence):
                return _rule(ELIGIBLE)  # most trials: NSCLC named, nothing more to read
            nsclc.append(sentence)
        elif _LEFT_OUT_WORD.search(sentence):
            # ("excluding small cell lung cancer" leaves out the small cell one, not lung cancer)
            blanked = mask(sentence, v["sclc"])
            lung_named = v["lung_cancer"].search(blanked) or _BARE_LUNG.search(blanked)
            if lung_named and _left_out(sentence, lung_named.start()):
                left_out = left_out or sentence
    banned = banned or _banned_by_exclusion(text)
    if (left_out or banned) and not nsclc and not _lung_cancer_taken(sources):
        return _rule(EXCLUDED, left_out or banned, "cancers other than lung cancer")
    # Lung cancer in general counts once small cell lung cancer is blanked out; so does the lung in a list of organs
    # sharing one cancer word ("metastatic breast/lung/colorectal cancer", "breast, lung or ovarian carcinoma").
    # (a sentence naming NSCLC only as what the small cell cancer came from names no lung cancer in general)
    generic = [s for s in sources if s not in nsclc and (
        v["lung_cancer"].search(mask(_general_lung_words(s), v["other_cancers"])) or _lung_in_organ_list(s))]
    baskets = [s for s in sources if v["basket"].search(s)]
    basket = baskets[0] if baskets else ""
    small_cell = next(((s, c) for c in text.inclusion for s in c.sentences() if _small_cell_named(s)), None)
    if small_cell and not basket and not any(s in inclusion for s in generic):
        if nsclc:  # "SCLC, or NSCLC transformed to small cell": whether yours has transformed is not known
            return _rule(UNKNOWN, nsclc[0], "transformed")
        if small_cell[1].scope is not None:  # "Cohort B (SCLC): ...": other cohorts may take other cancers
            return _rule(UNKNOWN, small_cell[0], "small cell named")
        # The inclusion names small cell lung cancer and never NSCLC: a title's "lung cancer" means SCLC.
        return _rule(EXCLUDED, small_cell[0], "small cell lung cancer", _neuroendocrine(sources))
    if nsclc:
        return _rule(ELIGIBLE)
    small_cell_header = next((s for s in header if v["sclc"].search(s)), "")
    if small_cell_header and not basket and not generic:
        # Title and conditions name small cell lung cancer, and nothing names NSCLC or lung cancer in general.
        return _rule(EXCLUDED, small_cell_header, "small cell lung cancer", _neuroendocrine(sources))
    if small_cell_header and not basket and not any(s in inclusion for s in generic):
        return _rule(UNKNOWN, small_cell_header, "small cell named")  # conditions say SCLC, the criteria nothing
    if generic:
        return _rule(ELIGIBLE)
    agnostic = _tumour_agnostic(text)
    if agnostic:
        return _rule(ELIGIBLE, agnostic)  # "a locally advanced or metastatic malignancy with an NTRK fusion"
    closed = _closed_list(text, sources) or _listed_groups(text, sources)
    if closed:
        return _rule(EXCLUDED, closed, "the cancers listed", _neuroendocrine([closed]))
    if basket:
        # A basket whose listed cancers leave NSCLC (and the lung) out may or may not take it.
        listed = [*text.conditions, *baskets]
        lung = any(_LUNG.search(mask(part, v["sclc"])) for part in listed)  # "breast, lung and ovarian cancers"
        open_door = any(_OTHER_OR_ANY.search(part) and not _HISTORY.search(part)
                        for part in baskets if part in inclusion)
        solid = any(_SOLID_BASKET.search(part) for part in baskets)
        if not lung and not open_door and any(_names_other_cancer(part, solid) for part in listed):
            open_part = _open_basket_part(text)
            if open_part:
                return _rule(ELIGIBLE, open_part)  # one part takes any solid tumour; the others name theirs
            return _rule(UNKNOWN, basket, "basket")
        return _rule(ELIGIBLE, basket)
    header_text = " | ".join([text.title, *text.conditions])
    other = v["other_cancers"].search(mask(header_text, v["nsclc"]))
    if other:
        return _rule(EXCLUDED, header_text, other.group(0), _neuroendocrine([header_text]))
    # "Gastric Adenocarcinoma", "Pancreatic Ductal Adenocarcinoma": an organ with a cancer word after it.
    organ = next((part for part in (text.title, *text.conditions) if _organ_cancer(part)), "")
    if organ:
        return _rule(EXCLUDED, header_text, _organ_cancer(organ))
    diagnosis = next((s for i, c in enumerate(text.inclusion) if c.scope is None and c.purpose is None
                      for s in c.sentences()
                      if (_DIAGNOSIS.search(s) or _disease_bullet(i, s)) and not _HISTORY.search(s)
                      and _only_other_cancers(s)), "")
    if diagnosis and not _lung_named(sources):
        # "Histologically confirmed malignant pleural mesothelioma", and no word of the lung anywhere.
        return _rule(EXCLUDED, diagnosis, _other_cancer(diagnosis), _neuroendocrine([diagnosis]))
    return _rule(ELIGIBLE)
