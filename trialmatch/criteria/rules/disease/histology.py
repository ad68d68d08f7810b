"""Histology: the NSCLC histologies a trial admits (non-squamous, squamous, adenocarcinoma or large cell
only), read from the title, conditions and inclusion sentences, and from histology exclusions.

A histology word counts only when it describes the lung cancer enrolled: not next to another organ
("gastric adenocarcinoma", "head and neck squamous cell carcinoma"), not in a condition of a
multi-cancer basket that names no lung, not in another cohort's or another document's text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from trialmatch.criteria.rules.biomarker.crossed import histology_crossed
from trialmatch.criteria.rules.biomarker.histology import lead_in_end
from trialmatch.criteria.rules.biomarker.notes import note_apart
from trialmatch.criteria.rules.disease.lists import listed_ways_in
from trialmatch.criteria.rules.disease.words import (
    LEFT_OUT_LIST_BEFORE,
    PRIOR_CONTEXT,
    mask,
    one_group,
    own_words,
    vocab,
)
from trialmatch.criteria.rules.prefilter import AnyOf, guarded
from trialmatch.criteria.rules.reader.vocabulary import SHUT_OUT
from trialmatch.criteria.text import Criterion, TrialText, quote

HISTOLOGIES = ("adenocarcinoma", "squamous", "large cell")
NOT_SHUT, SOFT, FIRM = "asked for", "soft", "firm"  # how a mention shuts its histologies out
IF_ASKED = "asked for under a condition"  # "or squamous histology in patients who have never smoked": a question
# "Squamous histology is eligible provided that the exon 20 insertion has been confirmed on tissue": a permission that
# lets a histology in under a proviso widens the trial, never limits it; beside a limit to others it is a question.
PERMITTED_IF = "let in under a condition"

_CONDITIONAL_BEFORE = re.compile(
    r"\b(?:if|for|in|when)\s+(?:(?:patients?|subjects?|participants?|those)\s+)?(?:with\s+)?(?:a\s+)?$", re.I
)
# The histology names a group that a condition is set for, not the patients the trial takes.
_SUBJECT_BEFORE = re.compile(
    r"\b(?:patients?|subjects?|participants?|those|individuals)\s+(?:with|who have|having)\s+(?:a\s+|an\s+)?"
    r"(?:known\s+|confirmed\s+)?$",
    re.I,
)
_GROUP_HEADING_AFTER = re.compile(
    r"\s*(?:nsclc\s+|histology\s+|disease\s+)?(?:(?:patients?|subjects?|participants?|population)\s*[:\u2013-]\s"
    # "Adenocarcinoma patients may be consented before their EGFR status is known": a rule for that group.
    r"|(?:patients?|subjects?|participants?)\s+(?:must|should|are required|need|will need|may|can|will|shall)\b)",
    re.I,
)
# "In patients with adenocarcinoma, large cell carcinoma or NSCLC NOS": the histology after "in patients with" heads a
# list of histologies taken, not one group a condition is set for.
_LIST_GOES_ON = re.compile(
    r"(?:[\s-]+(?:cell|carcinoma|histology|nsclc))*\s*(?:,|/|\bor\b|\band/or\b|\band\b)\s*"
    r"(?:(?:pure|mixed|predominantly)\s+)?(?:non-?\s?squamous|squamous|adeno\w*|large[\s-]cell|nsclc\s+nos|nos\b"
    r"|not\s+otherwise)",
    re.I,
)
# A histology asked for only under a condition on something the profile does not record (smoking) or on a marker:
# "non-squamous histology, or squamous histology in patients who have never smoked", "adenocarcinoma, or squamous NSCLC
# only if EGFR-mutant", "squamous cell carcinoma in never-smokers", "squamous tumours provided an ALK fusion is found".
# Its patients are a question, not taken and not left out.
_ASKED_IF_AFTER = re.compile(
    r"^(?:[\s-]+(?:cell|nsclc|histology|histologies|carcinomas?|cancers?|lung|non-small|tumou?rs?|disease|type))*"
    r"\s*\)?\s*,?\s*(?:(?:is|are)\s+(?:also\s+)?(?:eligible|allowed|permitted|acceptable)\s+)?(?:only\s+)?"
    # (what the condition is about: smoking, a driver or a marker)
    r"(?=[^.;]{0,80}?(?:smok\w*|tobacco|pack[\s-]?years?|cigarettes?|drivers?|mutations?|mutated|mutant|fusions?"
    r"|rearrange\w*|EGFR|ALK|ROS-?1|KRAS|BRAF|MET|RET|HER2|ERBB2|NTRK\d?|positive|negative))"
    r"(?:(?:in|among|for|from)\s+(?:(?:patients?|subjects?|participants?|those|people|individuals|cases)\s+"
    r"(?:who|that|with|whose|having)\b|(?:never|non|light|former|ex)[\s-]?smok\w*)"
    r"|if\b|provided\b|when\b|as\s+long\s+as\b|on\s+condition\b|with\s+(?:an?\s+)?(?:never|light|minimal|no)[\s-]?"
    r"smok\w*)",
    re.I,
)
# A permission verb then a proviso, straight after the histology: "Squamous histology is eligible provided ...",
# "squamous NSCLC may be enrolled as long as ...", "Tumours of squamous histology are acceptable only if ...". Whatever
# the proviso is about (a marker, a test, smoking), the sentence says who else may join, not who alone may.
_PERMITTED_IF_AFTER = re.compile(
    r"^(?:[\s-]+(?:cell|nsclc|histology|histologies|carcinomas?|cancers?|lung|non-small|tumou?rs?|disease|type"
    r"|patients?|subjects?|participants?|cases?))*"
    r"\s*\)?\s*,?\s*(?:(?:is|are)\s+(?:also\s+)?(?:eligible|allowed|permitted|acceptable|accepted|included)"
    r"|(?:may|can|could)\s+(?:also\s+)?(?:be\s+)?(?:enrol\w*|enroll\w*|included|eligible|accepted|allowed|permitted"
    r"|participate|join))\s*,?\s*(?:but\s+)?(?:only\s+)?(?:if|provided|when|as\s+long\s+as|on\s+(?:the\s+)?condition"
    r"|subject\s+to|in\s+case)\b",
    re.I,
)
_ONLY_BEFORE = re.compile(r"\bonly\s+(?:[\w-]+\s+){0,3}$", re.I)
_CONDITIONAL_AFTER = re.compile(r"\b(?:must|should|required|require|requires|need|needs)\b", re.I)
# A histology heading a marker or testing condition with a colon or dash: "Patients with non-squamous histology: no
# EGFR sensitizing mutation", "Non-squamous NSCLC: EGFR and ALK wild-type", "Adenocarcinoma (incl. NOS) - ALK negative".
# The histology is the group the condition is set for; "Non-squamous NSCLC: stage IV" (no marker) still asks for it.
_HEADING_BEFORE = re.compile(
    r"^\W*(?:(?:for|in|among)\s+)?(?:(?:all\s+)?(?:patients?|subjects?|participants?|those|tumou?rs?|cases?)\s+"
    r"(?:with|of|having)\s+(?:an?\s+)?)?(?:(?:pure|predominantly|known)\s+)?$",
    re.I,
)
_MARKER_HEADING_AFTER = re.compile(
    r"(?:[\s/,-]+(?:or|and|and/or|mixed|cell|nsclc|histology|histologies|histologic|carcinomas?|cancers?|disease"
    r"|tumou?rs?|non-small|lung|type|subtype|patients?|subjects?|participants?|cases?|people|population|only|predominant\w*"
    r"|adeno-?squamous|large|nos))*(?:\s*\([^()]{0,30}\))?\s*(?::|\s[\u2013\u2014-])\s*"
    r"(?=[^.;]{0,80}?\b(?:EGFR\w*|ALK|ROS-?1|KRAS|BRAF|MET|RET|HER2|ERBB2|NTRK\d?|drivers?|mutations?|mutated|mutant"
    r"|rearrange\w*|fusions?|wild[\s-]?type|WT|negative|positive|test\w*|genotyp\w*|biomarkers?|PD-?L1|TPS"
    r"|alterations?|molecular|genomic)\b)",
    re.I,
)
# "(patients with non-squamous NSCLC have no EGFR, ALK or ROS1 mutation)": the group is the subject of its own
# statement, a verb straight after it; "patients with non-squamous NSCLC who have ..." describes whom the trial takes.
_SUBJECT_VERB_AFTER = re.compile(
    r"^(?:[\s-]+(?:cell|nsclc|histology|carcinoma|cancer|disease|tumou?rs?|non-small[\s-]cell|lung))*"
    r"\s*,?\s+(?:have|has|must|should|shall|need|needs|are\s+required|is\s+required|cannot|can\s+not|do|does)\b",
    re.I,
)
_TESTING = re.compile(
    r"\b(?:EGFR|ALK|ROS1|driver|genetic|mutation|testing|tested|genotyp\w*|biomarker|pemetrexed|bevacizumab)\b",
    re.I,
)
COHORT = guarded(r"\b(?:cohorts?|arms?|parts?|groups?|stratum|substudy|sub-study)\s*[A-Z0-9]{1,3}\b", re.I)
_CONDITIONAL_DRUG = guarded(
    r"\b(?:if|for|when|in case of)\b[^.;]{0,60}\b(?:pemetrexed|bevacizumab|receiving|treated with)\b", re.I
)
# "Squamous histology and is planned to receive pemetrexed", "squamous NSCLC for whom the investigator's choice is
# pemetrexed", "squamous tumours if assigned to the pemetrexed arm": the histology is shut out only together with a
# treatment choice the profile does not make, so it shuts no histology out.
_TREATMENT_PLAN = guarded(
    r"\b(?:and|who|whom|if|when|whose|that)\b[^.;]{0,60}?\b(?:planned|plans?|scheduled|intend\w*|assigned|allocated"
    r"|randomi[sz]ed|selected|chosen|choice|to receive|will (?:be )?(?:receive|receiving|treated|given)"
    r"|candidates? for|eligible for)\b",
    re.I,
)
_KIND_WORDS = r"(?:[\s-]cell)?(?: (?:carcinoma|histology|nsclc|type))?"
_ANY_HISTOLOGY = guarded(
    r"\b(?:any|all|regardless of|irrespective of)\s+(?:\w+\s+)?histolog\w*"
    # "squamous or non-squamous", "squamous cell or non-squamous cell carcinoma": both sides, so every histology
    rf"|\bsquamous{_KIND_WORDS} (?:or|and|and/or|/) non-?\s?squamous"
    rf"|\bnon-?\s?squamous{_KIND_WORDS} (?:or|and|and/or|/) squamous"
    r"|\bother histolog\w* (?:are |is |may be |will be )?(?:also )?(?:eligible|allowed|permitted|considered|accepted)",
    re.I,
)
# "Squamous NSCLC are excluded" in the inclusion list: the histology is shut out, not required. "Non-squamous NSCLC
# not eligible for curative resection" describes the disease asked for (no cure is possible), not a histology left out.
# "(except squamous) in the pemetrexed arm", "for Cohort B", "in patients assigned to bevacizumab": the group of the
# trial a histology is left out of.
_GROUP_SCOPE_AFTER = re.compile(
    r"^(?:[\s-]+(?:cell|nsclc|histology|carcinoma|cancer))*\s*,?\s*\(?(?:only\s+)?(?:in|for|within)\s+(?:the\s+)?"
    r"(?!(?:all|both|every|each|any)\b)(?:(?:[\w-]+\s+){0,3}(?:arms?|cohorts?|parts?|groups?)\b|(?:arm|cohort|part|group)\s+[\w-]+"
    r"|patients?\s+(?:receiving|assigned|treated|randomi[sz]ed|allocated)\b)",
    re.I,
)
_SHUT_OUT_AFTER = re.compile(
    r"^[^.;]{0,80}?\b(?:" + SHUT_OUT +
    r"|not (?:eligible|allowed|permitted))\b"
    r"(?!\s+for\s+(?:[\w-]+\s+){0,2}?(?:curative|radical|definitive|resection|surgery|surgical|operation"
    r"|chemo-?\s?radi\w*|radio-?\s?chemo\w*|radiotherapy|radiation|local|loco-?regional|multimodal\w*"
    r"|concurrent|transplant\w*)\b)",
    re.I,
)
# "(squamous cohort closed to accrual)", "(enrolment of squamous histology has completed)", "squamous arm no longer
# enrolling": the group of that histology takes no one now, so the histology is shut out like "are excluded".
_CLOSED_AFTER = re.compile(
    r"^(?:[\s-]+(?:cell|nsclc|histology|carcinoma|cancer))*\s*(?:(?:cohort|arm|group|stratum|subgroup|part)\s+)?"
    r"(?:\((?:[^()]{0,30})\)\s*)?(?:(?:is|are|has|have|had)\s+)?(?:(?:been|now)\s+)?(?:"
    r"(?:closed|completed?|full(?:y\s+enrol+ed)?)\b(?!\s+(?:at\s+least|\d|one|two|three|first|prior|previous))"
    r"|no\s+longer\s+(?:open|enrol+ing|recruiting|accept\w*|available))",
    re.I,
)
_CLOSED_BEFORE = re.compile(
    r"\b(?:enrol+ment|accrual|recruitment|registration)\s+(?:of|for|in|to|into)\s+(?:the\s+)?"
    r"(?:(?:patients?|participants?|subjects?)\s+with\s+)?$",
    re.I,
)
# "NSCLC except squamous", "other than adenocarcinoma": the histology named is the one left out.
_EXCEPT_BEFORE = re.compile(r"\b(?:except(?: for)?|excluding|other than|but not)\s+(?:[\w-]+\s+){0,2}$", re.I)
# "no squamous component", "not predominantly squamous"; not across a preposition that starts the population ("With
# or Without VTX-22 in Non-Squamous NSCLC": the drug is what is negated, the histology is whom the trial is for).
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|without)\s+(?:(?!(?:in|for|among|with|versus|vs|plus|after|following)\b)[\w-]+\s+){0,2}$", re.I)
# An exclusion whose histology is negated ("does not have (predominantly) squamous ...", "tumours lacking squamous
# differentiation"): two negatives, a requirement at most; the histology named is not one it shuts out.
_NEGATED_SUBJECT = re.compile(
    r"\b(?:not|no|without|lack(?:s|ing)?(?:\s+of)?|absence\s+of|absent|free\s+of|never)\s+"
    r"(?:(?!(?:and|or|but|with|who|that|which)\b)[\w-]+\s+){0,4}$",
    re.I,
)
# "histologies other than squamous and/or adenocarcinoma" in the exclusions: the ones named are the ones taken.
_OTHER_THAN = guarded(r"\b(?:other than|except(?: for)?|besides)\b", re.I)
_TAIL_END = re.compile(r"\b(?:includ\w*|such as|e\.g\.?|i\.e\.?|for example)\b|[(:]", re.I)
_BARE_HISTOLOGY = (
    (("squamous",), re.compile(r"(?<![\w-])(?<!non )squamous", re.I)),
    (("adenocarcinoma", "large cell"), re.compile(r"\bnon[\s-]?squamous", re.I)),
    (("adenocarcinoma",), re.compile(r"\badenocarcinoma", re.I)),
    (("large cell",), re.compile(r"\blarge[\s-]cell\b(?![\s-]neuroendocrine)", re.I)),
)
_EXAMPLE_BEFORE = re.compile(r"\b(?:e\.\s?g\.?|such as|for example|for instance)[^;()]{0,120}$", re.I)
_WIDENING_BEFORE = re.compile(r"\b(?:mixed|including|includes|incl\.?|as well as)\b[^.;]{0,40}$", re.I)
_PERMITTED_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:(?:is|are)\s+(?:also\s+)?(?:allowed|permitted)|(?:is|are)\s+not\s+required"
    # "Squamous histology is also eligible": "also" adds it to the others
    r"|(?:is|are)\s+also\s+(?:eligible|acceptable|accepted|included))\b"
    r"|^\s*(?:cell\s+)?(?:histology\s+)?components?\b",
    re.I,
)
_PERMISSION = re.compile(
    r"\b(?:are|is)\s+(?:also\s+)?(?:eligible|allowed|permitted)\b|\bmay\s+(?:be\s+)?(?:enrol\w*|included|eligible"
    r"|participate)\b",
    re.I,
)
_ONLY = re.compile(r"\bonly\b", re.I)
# Exclusion bullets that are nothing but a histology: "Non-squamous histology", "Tumours of non-squamous NSCLC".
_NON_SQUAMOUS_BULLET = re.compile(
    r"\W*(?:(?:tumou?rs?|patients?|subjects?|participants?|nsclc)\s+(?:of|with)\s+(?:an?\s+)?)?"
    r"non-?\s?squamous(?:[\s-]+cell)?(?:\s+(?:histology|nsclc|non-small[\s-]cell lung (?:cancer|carcinoma)"
    r"|carcinoma|cancer|disease|histological (?:sub)?type))?\s*[.;]?\s*$",
    re.I,
)
# "Squamous or mixed adenosquamous histology", "Squamous, adenosquamous or sarcomatoid carcinoma".
_SQUAMOUS_FIRST = re.compile(
    r"\W*(?:pure\s+)?squamous(?:[\s-]+cell)?\s*(?:,|or|and/or|/)\s*(?:mixed\s+)?(?:adeno-?squamous|sarcomatoid"
    r"|large[\s-]cell|neuroendocrine|small[\s-]cell)\b",
    re.I,
)
_MIXED_BEFORE = re.compile(r"\bmixed\b[^.;]{0,30}$", re.I)
# "(predominantly) squamous cell histology NSCLC with (a) mixed small cell lung cancer component", "squamous carcinoma
# containing small cell elements", "mixed squamous/small cell histology": the tumour shut out is a mixture with small
# cell lung cancer; the histology word only qualifies it and is no histology shut out.
_SMALL_CELL_PART = (r"(?:small[\s-]cell|sclc)\b(?:[\s-]+(?:lung|cancer|carcinoma|neuro-?\s?endocrine|histology))*"
                    r"[\s-]+(?:components?|elements?|features?|differentiation|areas?|parts?|transformation)\b")
_SMALL_CELL_MIX_AFTER = re.compile(
    r"(?:[\s-]+(?:cell|histology|histologic|type|nsclc|non-?\s?small|lung|cancer|carcinomas?|tumou?rs?|disease|of|the))*"
    r"\s*,?\s+(?:with|containing|having|showing|and\s+(?:an?\s+)?(?:mixed|combined))\s+(?:an?\s+|any\s+|some\s+)?"
    rf"(?:(?:mixed|combined|minor|focal|concurrent|coexisting|co-existing)\s+)?{_SMALL_CELL_PART}",
    re.I,
)
_SMALL_CELL_MIXED_AFTER = re.compile(
    r"(?:[\s-]+(?:cell|carcinoma|nsclc|non-?\s?small[\s-]cell))*\s*(?:/|-|\band\b|\bplus\b)\s*(?:small[\s-]cell|sclc)\b",
    re.I,
)
_SMALL_CELL_MIXED_BEFORE = re.compile(
    r"\b(?:mixed|combined)\s+(?:small[\s-]cell|sclc)\b[^.;]{0,25}?(?:/|-|\band\b|\bplus\b|\bwith\b)\s*(?:an?\s+)?$",
    re.I)


def _mixture_with_small_cell(text: str, start: int, end: int) -> bool:
    """The histology word at [start, end) names one part of a tumour mixed with small cell lung cancer."""
    if _SMALL_CELL_MIX_AFTER.match(text, end) or _SMALL_CELL_MIXED_BEFORE.search(text, max(0, start - 50), start):
        return True
    mixed = _MIXED_BEFORE.search(text, max(0, start - 40), start)
    return mixed is not None and _SMALL_CELL_MIXED_AFTER.match(text, end) is not None


# "Central squamous cell carcinoma", "squamous NSCLC with cavitation", "squamous tumours invading major blood vessels",
# "squamous carcinoma along with haemoptysis": a squamous exclusion limited to a location or feature the profile does
# not give (a bleeding risk) leaves squamous patients a question, not out.
_SITE_BEFORE = re.compile(
    r"\b(?:central(?:ly)?|hilar|perihilar|cavit\w*|cavitary|cavernous)(?![\s-]+nervous)"
    r"(?:[\s-]+(?:located|type|lung|pulmonary|airway|lesions?|tumou?rs?|cell))*[\s-]+$",
    re.I,
)
_FEATURE_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:cavit\w*|cavum|cavity|cavities|cavern\w*|ha?emoptysis|necro\w*|central(?:ly)?(?![\s-]+nervous)"
    r"|(?:major|large|great|big|main)\s+(?:blood\s+)?vessels?|vascular\s+(?:invasion|involvement|encasement))\b",
    re.I,
)
# NSCLC not otherwise specified named as a histology ("adenocarcinoma or NSCLC NOS"): "NOS" in capitals only. Plainer
# words for it ("a non-specified tumor type", "unclassified NSCLC", "histology not determined") count only beside a
# histology noun: "PD-L1 status may be undetermined" says nothing of the histology.
_UNSPECIFIED = r"(?:non|un|not)[\s-]?(?:specified|classified|classifiable|determined)"
_HISTOLOGY_NOUN = (r"(?:histolog\w*|(?:sub)?types?|nsclc|carcinomas?|tumou?rs?"
                   r"|non-small[\s-]cell lung (?:cancer|carcinoma))")
_NOS = guarded(
    r"(?<![\w-])(?:NOS|[Nn]ot [Oo]therwise [Ss]pecified)(?![\w-])"
    rf"|(?i:\b{_UNSPECIFIED}\s+(?:[\w-]+\s+)?{_HISTOLOGY_NOUN}\b"
    rf"|\b{_HISTOLOGY_NOUN}\s+(?:(?:is|was|are|were|that is|remains?)\s+)?{_UNSPECIFIED}\b)"
)
# An exclusion bullet that is only a list of histologies ("Large cell carcinoma", "Squamous cell or large cell
# carcinoma histology", "Patients with sarcomatoid or large-cell carcinoma"): each one named is shut out.
_HISTOLOGY_ITEM = (
    r"(?:pure\s+)?(?:squamous(?:[\s-]+cell)?|large[\s-]+cell(?:[\s-]+neuro-?endocrine)?|adeno-?squamous|sarcomatoid"
    r"|small[\s-]+cell|pleomorphic|spindle[\s-]+cell|giant[\s-]+cell|carcinoid|neuro-?endocrine|LCNEC|SCLC)"
    r"(?:\s+(?:lung\s+)?(?:carcinomas?|cancers?|histology|histologies|nsclc|tumou?rs?))?(?:\s*\([A-Za-z]{2,6}\))?"
)
_HISTOLOGY_LIST = re.compile(
    r"\W*(?:(?:patients?|subjects?|participants?)\s+(?:with|having)\s+)?"
    r"(?:(?:known|documented|confirmed|diagnosis of|presence of|histologically|cytologically|or|and)\s+){0,4}"
    rf"(?:an?\s+)?{_HISTOLOGY_ITEM}(?:\s*(?:,\s*(?:or\s+|and\s+|and/or\s+)?|\s+or\s+|\s+and/or\s+|\s+and\s+|\s*/\s*)"
    rf"{_HISTOLOGY_ITEM}){{0,6}}"
    r"(?:\s+(?:histology|histologies|histological (?:sub)?types?|of the lung|nsclc|lung cancer"
    r"|non-small[\s-]cell lung (?:cancer|carcinoma)))?\s*[.;]?\s*",
    re.I,
)
# "Stage IIIB with malignant pleural effusion": the lung cancer's own spread, not another malignancy's history.
# "no prior solid tumour", "solid tumours other than NSCLC": not the cancers the trial takes.
_NOT_TAKEN_BEFORE = re.compile(
    r"\b(?:history of|prior|previous|second|no|without|other than|except(?: for)?|excluding)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_LEFT_OUT_AFTER = re.compile(r"[^.;]{0,30}?\b(?:other than|except|excluding|but not)\b", re.I)
_OWN_MALIGNANT = re.compile(r"\bmalignant\s+(?:(?:pleural|pericardial)\s+(?:or\s+pericardial\s+)?)?effusions?\b", re.I)
_LARGE_CELL = re.compile(r"\blarge[\s-]+cell\b(?![\s-]*neuro)", re.I)
_LUNG = guarded(r"\blung\b|\bnsclc\b|\bpulmonary\b|\bbronch", re.I)
# A cancer word within two words after an organ ("gastric adenocarcinoma", "pancreatic ductal
# adenocarcinoma", "head and neck squamous cell carcinoma"), or an abbreviation that is one ("(PDAC)").
# Separators and words never overlap, so the match stays linear.
_CANCER_WORD = re.compile(
    r"(?:[\s/&]+[\w-]+){0,2}?[\s/&]+(?:cancers?|carcinomas?|adenocarcinomas?|tumou?rs?|malignanc\w*|neoplasm\w*"
    r"|squamous|adenosquamous)\b|\s?\)|\s?$|\s?[,;:(]",
    re.I,
)
_PART_AFTER = re.compile(r"[\s-]+(?:cells?|components?|features?|differentiation|elements?|areas?)\b", re.I)
_AMOUNT_BEFORE = re.compile(r"(?:[<>≤≥%]|\bmixed|\bminor|\bfocal)[^,;()]{0,12}$", re.I)
_NEUROENDOCRINE_AFTER = re.compile(r"[\s-]*(?:neuro[\s-]?endocrine|NEC\b|LCNEC\b)", re.I)
# "(adenocarcinoma, squamous or large cell neuroendocrine carcinoma)": a large cell NSCLC may be one.
_NEUROENDOCRINE_ASKED = re.compile(r"\blarge[\s-]+cell[\s-]+neuro-?\s?endocrine|\bLCNEC\b", re.I)
_ORGAN_AFTER = re.compile(r"\s*(?:cell\s+)?(?:carcinoma\s+|cancer\s+)?(?:of|in)\s+(?:the\s+)?", re.I)


def _without_own_malignancy(lowered: str) -> str:
    """The sentence without the lung cancer's own malignant effusion, whose "malignan" names no other cancer."""
    return _OWN_MALIGNANT.sub(" ", lowered) if "malignant" in lowered else lowered


def _organ_named(sentence: str) -> bool:
    """Another organ's cancer is named: small cell lung cancer is the lung's own ("non-small cell adenocarcinoma or
    squamous cell carcinoma, or small cell lung cancer" lists alternatives of one lung cancer)."""
    v = vocab()
    return bool(v["other_organs"].search(sentence)
                or v["other_cancers"].search(mask(mask(sentence, v["nsclc"]), v["sclc"])))


def _cancer_of_organ_named(sentence: str) -> bool:
    """Another cancer is named, not just an organ ("able to take oral medication", "liver function"):
    an organ word with a cancer word just after it, or another cancer's own name."""
    v = vocab()
    if v["other_cancers"].search(mask(sentence, v["nsclc"])):
        return True
    return any(_CANCER_WORD.match(sentence, organ.end()) for organ in v["other_organs"].finditer(sentence))


# Where one item of a list of cancers ends: a comma, semicolon, colon, slash, bracket or "or".
_ITEM_CUT = re.compile(r"[,;:/()]|\bor\b", re.I)


def _other_organs(sentence: str, start: int, end: int) -> bool:
    """The histology word at [start, end) belongs to another organ: "pancreatic ductal adenocarcinoma",
    "squamous cell carcinoma of the head and neck"."""
    organs = vocab()["other_organs"]
    # Only the words of the same list item: in "melanoma, ovarian carcinoma, squamous NSCLC" the ovary is the item
    # before, not squamous's organ.
    before = _ITEM_CUT.split(sentence[max(0, start - 40):start])[-1]
    before = " ".join(before.split()[-3:])
    if organs.search(before) and not _LUNG.search(" ".join(before.split()[-1:])):
        return True
    after = _ORGAN_AFTER.match(sentence, end)
    return bool(after and organs.match(sentence, after.end()))


def _said_of_lung(sentence: str, start: int, end: int) -> bool:
    """In a list of several cancers: the histology at [start, end) is the lung's ("squamous NSCLC", "NSCLC
    (adenocarcinoma, squamous cell carcinoma ...)"), not that of a cancer named in between."""
    if _LUNG.search(sentence, start, end + 25):  # "squamous NSCLC", "adenocarcinoma of the lung"
        return True
    last_lung = -1
    for lung in _LUNG.finditer(sentence, 0, start):
        last_lung = lung.end()
    return last_lung >= 0 and not _organ_named(sentence[last_lung:start])


def _mentions(sentence: str, title: bool = False) -> list[tuple[tuple[str, ...], str]]:
    """The histology groups a sentence names for the lung cancer enrolled, each as (the histologies the
    group admits, how it is shut out): FIRM when the sentence leaves the group out ("squamous NSCLC are
    excluded", "NSCLC except squamous"), SOFT when it only negates it ("no squamous component"), NOT_SHUT
    when it asks for it. In a list of several cancers only a histology said of the lung counts."""
    v = vocab()
    text = sentence
    several = _organ_named(sentence) and bool(_LUNG.search(sentence))
    # "For non-squamous NSCLCs, no known EGFR mutation", "Among patients with adenocarcinoma histology, ...": the
    # histologies of a group lead-in are the condition of the rule that follows, not histologies the trial requires.
    lead_end = lead_in_end(sentence) if not title else 0
    found: list[tuple[tuple[str, ...], str]] = []
    for name in ("non_squamous", "adenosquamous", "large_cell", "squamous", "adenocarcinoma"):
        pattern, allows = v["groups"][name]
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 40):match.start()]
            after = text[match.end():match.end() + 100]
            if _other_organs(text, match.start(), match.end()) or _NEUROENDOCRINE_AFTER.match(text, match.end()):
                continue  # "pancreatic adenocarcinoma"; "large cell neuroendocrine carcinoma" is another tumour
            if match.group(0).lower() == "squamous" and (
                    _PART_AFTER.match(text, match.end()) or _AMOUNT_BEFORE.search(before)):
                continue  # "(<50% squamous cells)", "squamous features": a share of the tumour, not its type
            if several and not _said_of_lung(text, match.start(), match.end()):
                continue
            if match.end() < lead_end:
                continue  # "For non-squamous NSCLCs, no known EGFR mutation": the condition of the rule that follows
            if _EXAMPLE_BEFORE.search(text, max(0, match.start() - 120), match.start()):
                continue  # "NSCLC (e.g. adenocarcinoma, ...)": an example, not a limit
            if not title and _PERMITTED_IF_AFTER.match(after) and not _ONLY_BEFORE.search(before):
                found.append((allows, PERMITTED_IF))  # "squamous histology is eligible provided ...": a widening
                break
            if _WIDENING_BEFORE.search(before) or (_PERMITTED_AFTER.match(after) and not _ONLY.search(sentence)):
                continue  # "including NSCLC with mixed squamous histology", "adenosquamous is allowed": no limit
            if not title and _HEADING_BEFORE.match(text[:match.start()]) and _MARKER_HEADING_AFTER.match(
                    text, match.end()):
                continue  # "Patients with non-squamous histology: no EGFR mutation": the group a condition is set for
            if _EXCEPT_BEFORE.search(before) and _GROUP_SCOPE_AFTER.match(after):
                continue  # "any histology, except squamous in the pemetrexed arm": one arm's limit; others take it
            # ("excluding breast, non-squamous NSCLC and colorectal cancer": left out as one item of a list)
            if _EXCEPT_BEFORE.search(before) or _SHUT_OUT_AFTER.match(after) or LEFT_OUT_LIST_BEFORE.search(
                    text, max(0, match.start() - 120), match.start()) or _closed(before, after):
                found.append((allows, FIRM))
                break
            if _NEGATED_BEFORE.search(before):  # "no squamous component": pure squamous disease is likely out
                found.append((allows, SOFT))
                break
            if (not title and _CONDITIONAL_BEFORE.search(before)
                                  and not _LIST_GOES_ON.match(sentence, match.end())) or \
                    _GROUP_HEADING_AFTER.match(after) or (
                    _SUBJECT_BEFORE.search(before) and (
                        _CONDITIONAL_AFTER.search(after) or _SUBJECT_VERB_AFTER.match(after))):
                continue  # "subjects with squamous histology must ...", "non-squamous patients: ...": a condition
            if _CONDITIONAL_AFTER.search(after) and _TESTING.search(after):
                continue
            if not title and _ASKED_IF_AFTER.match(after):
                found.append((allows, IF_ASKED))  # "or squamous histology in patients who have never smoked"
                break
            found.append((allows, NOT_SHUT))
            break
        text = mask(text, pattern)
    return found


def _closed(before: str, after: str) -> bool:
    """ "(squamous cohort closed)", "(enrolment of squamous histology has completed)": that histology's group is shut.
    """
    if _CLOSED_BEFORE.search(before):
        return bool(re.match(r"^[^.;]{0,60}?\b(?:closed|completed?|full)\b", after, re.I))
    return bool(_CLOSED_AFTER.match(after))


def _nos_taken(sentence: str) -> bool:
    """ "Adenocarcinoma or NSCLC NOS", "(adenocarcinoma, large cell or not otherwise specified)": NSCLC NOS is one
    of the histologies asked for, not an example, an exception or one shut out."""
    for match in _NOS.finditer(sentence):
        before = sentence[max(0, match.start() - 40):match.start()]
        if _EXAMPLE_BEFORE.search(sentence, max(0, match.start() - 120), match.start()):
            continue
        if _EXCEPT_BEFORE.search(before) or _NEGATED_BEFORE.search(before) or _SHUT_OUT_AFTER.match(
                sentence[match.end():match.end() + 100]):
            continue
        return True
    return False


@cache
def _histology_words() -> AnyOf:
    """The histology groups' patterns: _mentions finds nothing where none can match (its masks only
    blank out text)."""
    return AnyOf(masked=tuple(pattern for pattern, _ in vocab()["groups"].values()))


def _kept_histologies(tail: str) -> set[str]:
    """The histologies named right after "other than" (bare words count: "squamous and/or adenocarcinoma"),
    up to the examples of what is left out ("including small cell, large cell ...")."""
    tail = _TAIL_END.split(tail[:120], 1)[0]
    return {histology for histologies, word in _BARE_HISTOLOGY if word.search(tail) for histology in histologies}


def _excluded_histologies(sentence: str) -> tuple[set[str], bool] | None:
    """The histologies an exclusion sentence shuts out, and whether firmly ("mixed squamous histology"
    is not pure squamous disease: not firm)."""
    found = _excluded_by_name(sentence)
    if len(sentence) < 200 and _LARGE_CELL.search(sentence) and _HISTOLOGY_LIST.fullmatch(sentence):
        # "Large cell carcinoma", "Squamous or large cell carcinoma": large cell itself (not large cell
        # neuroendocrine carcinoma, another tumour) is shut out.
        if found is None:
            return {"large cell"}, True
        return found[0] | {"large cell"}, found[1]
    return found


# "Histological transformation to small cell or squamous cell carcinoma", "squamous cell transformation after an EGFR
# TKI", "transformed squamous histology": the histology an earlier tumour changed into (a resistance finding), not the
# histology a patient was diagnosed with. The profile records no transformation, so it shuts no histology out.
_TRANSFORMED_INTO_BEFORE = re.compile(
    r"\b(?:transform\w*|convert\w*|conversion|switch\w*|transdifferentiat\w*)\s+(?:(?:in)?to|towards)\s+(?:an?\s+)?"
    r"(?:(?:[\w-]+|,|/)\s*){0,6}$"
    r"|\btransformed\s+(?:to\s+|into\s+)?$",
    re.I,
)
_TRANSFORMED_INTO_AFTER = re.compile(
    r"(?:[\s-]+(?:cell|carcinoma|cancer|histology|histologic|histological|lung|nsclc))*[\s-]+"
    r"(?:transformation|transdifferentiation|conversion|switch)\b",
    re.I,
)


def _transformed_into(text: str, start: int, end: int) -> bool:
    """The histology word at [start, end) names what a tumour turned into, not what it was at diagnosis."""
    before = text[max(0, start - 60):start]
    if _TRANSFORMED_INTO_BEFORE.search(before) and not re.search(r"[.;]", before[-40:]):
        return True
    return _TRANSFORMED_INTO_AFTER.match(text, end) is not None


def _site_or_feature(sentence: str) -> bool:
    """The first squamous named is limited to a location or feature ("central", "with cavitation")."""
    match = _BARE_HISTOLOGY[0][1].search(sentence)
    if match is None:
        return False
    return bool(_SITE_BEFORE.search(sentence[max(0, match.start() - 40):match.start()])
                or _FEATURE_AFTER.match(sentence, match.end()))


def _excluded_by_name(sentence: str) -> tuple[set[str], bool] | None:
    """_excluded_histologies without the large cell list bullets."""
    found = _named_out(sentence)
    if found is not None and histology_crossed(sentence):
        return found[0], False  # "Squamous histology with PD-L1 TPS < 1%": the histology alone does not exclude
    if found is not None and "squamous" in found[0] and _site_or_feature(sentence):
        return found[0], False
    return found


_HEADING_HISTOLOGY = re.compile(r"(?:non-?\s?squamous|squamous|adeno\w*|large[\s-]cell)\b", re.I)


def _marker_heading(sentence: str) -> bool:
    """The sentence opens with a histology heading a marker condition ("Squamous NSCLC: known EGFR mutation")."""
    found = _HEADING_HISTOLOGY.search(sentence)
    return bool(found and _HEADING_BEFORE.match(sentence[:found.start()])
                and _MARKER_HEADING_AFTER.match(sentence, found.end()))


def _named_out(sentence: str) -> tuple[set[str], bool] | None:
    """The histologies an exclusion names as shut out, before any location or feature limit."""
    v = vocab()
    lowered = _without_own_malignancy(sentence.lower())
    if any(word in lowered for word in v["other_cancer_context"]) or PRIOR_CONTEXT.search(sentence):
        return None
    if COHORT.search(sentence) or _PERMISSION.search(sentence):  # one cohort's limit; "... are eligible"
        return None
    if _marker_heading(sentence):
        return None  # "Squamous NSCLC: known EGFR mutation": the marker is shut out for that group, not the histology
    other_than = _OTHER_THAN.search(sentence)
    kept = _kept_histologies(sentence[other_than.end():]) if other_than else set()
    if kept:
        return set(HISTOLOGIES) - kept, True
    if _NON_SQUAMOUS_BULLET.match(sentence):
        return {"adenocarcinoma", "large cell"}, True  # the bullet is only "Non-squamous histology"
    if _SQUAMOUS_FIRST.match(sentence):
        return {"squamous"}, True  # "Squamous or mixed adenosquamous histology": pure squamous is named first
    if _ANY_HISTOLOGY.search(sentence):
        return None  # "does not have predominantly squamous or non-squamous histology": not one histology shut out
    text = mask(sentence, v["groups"]["non_squamous"][0])
    match = v["squamous_excluded"].search(text)
    if not match or _other_organs(text, match.start(), match.end()):
        return None
    if _NEGATED_SUBJECT.search(text, max(0, match.start() - 60), match.start()):
        return None  # "Does not have squamous histology" as an exclusion asks for it, if anything: never shuts it out
    if _transformed_into(text, match.start(), match.end()):
        return None  # "Histologic transformation to squamous cell carcinoma": not the histology at diagnosis
    if _mixture_with_small_cell(text, match.start(), match.end()):
        return None  # "squamous NSCLC with a mixed small cell component": the mixture is shut out, not squamous
    return {"squamous"}, not _MIXED_BEFORE.search(text[:match.start()])


@cache
def _history_words() -> tuple[str, ...]:
    """The words of another cancer's history ("in situ", "prior cancer"), without the organs: in a sentence
    that names the lung too, an organ is told apart per histology word (_other_organs, _said_of_lung)."""
    organs = vocab()["other_organs"]
    return tuple(word for word in vocab()["other_cancer_context"] if not organs.search(word))


def _header_parts(text: TrialText) -> list[str]:
    """Title and conditions that can speak for the lung cancer enrolled: in a header that names other
    cancers too (a basket), only the parts that name the lung."""
    parts = [text.title, *text.conditions]
    basket = vocab()["basket"]
    if not any(_cancer_of_organ_named(part) or basket.search(part) for part in parts):
        return parts
    return [part for part in parts if _LUNG.search(part)]


def _qualified_header(text: TrialText, parts: list[str], others: tuple[Criterion, ...]) -> set[str]:
    """Header parts whose histology is not a limit on everyone: a condition beside another condition that
    names lung cancer with no histology ("NSCLC" beside "Lung Adenocarcinoma"), or a title that adds a basket
    ("Non-squamous NSCLC and Other Solid Tumours")."""
    basket = vocab()["basket"]
    words = _histology_words()
    plain_lung = any(_LUNG.search(c) and not words.possible(c) for c in text.conditions)
    # "Squamous Non-small Cell Lung Cancer" beside "Advanced Solid Malignancies", in a trial whose criteria list cohorts
    # of several cancers: one of the cancers studied (a basket whose every part names it keeps it as a limit)
    in_basket = _header_is_basket(text) and any(_cohort_among_cancers(text, c, others) for c in text.inclusion)
    return {part for part in parts
            if basket.search(part) or ((plain_lung or in_basket) and part in text.conditions and part != text.title)}


def _header_is_basket(text: TrialText) -> bool:
    """The title or a condition names solid tumours in general ("Advanced Solid Malignancies"): every condition
    is then one of the cancers studied, not a limit on them."""
    basket = vocab()["basket"]
    return any(basket.search(part) for part in (text.title, *text.conditions))


def _other_cancer_item(criterion: Criterion) -> bool:
    """The criterion names another organ's cancer and no lung ("melanoma previously treated or untreated")."""
    return not _LUNG.search(criterion.text) and _cancer_of_organ_named(criterion.text)


def _cohort_among_cancers(text: TrialText, criterion: Criterion, others: tuple[Criterion, ...]) -> bool:
    """The criterion is one item of a list of cohorts for several cancers: a sub-bullet whose siblings, or a labelled
    group ("Cohort 2:", "Part B1 -") whose fellow groups, name other cancers ("- squamous NSCLC after anti-PD-1 ...;
    - melanoma ...; - colorectal cancer ..."). Its histology is that cohort's. `others`: the other cancers' group
    inclusions that disease.parse left out of the NSCLC text, still siblings in the list."""
    return any(_other_cancer_item(sibling) for sibling in _siblings(text, criterion, others))


def _siblings(text: TrialText, criterion: Criterion, others: tuple[Criterion, ...]) -> list[Criterion]:
    """The other items of the criterion's list: sub-bullets of its parent, or its fellow labelled groups."""
    inclusion = [*text.inclusion, *others]
    if criterion.depth > 0:
        siblings = [c for c in inclusion if c.depth == criterion.depth and c.parent == criterion.parent]
    elif _labelled(criterion):
        siblings = [c for c in inclusion if c.depth == 0 and _labelled(c)]
    else:
        return []
    return [sibling for sibling in siblings if sibling.index != criterion.index]


def _sole_lung_way_in(text: TrialText, criterion: Criterion, others: tuple[Criterion, ...]) -> bool:
    """The mirror of _cohort_among_cancers: the lung item of a list ("one of the following tumor types: * ovarian ...
    * endometrial ... * NSCLC of adenocarcinoma histology ...") whose every other item names another organ's cancer,
    in a trial no other inclusion of which takes NSCLC of any histology (no "other solid tumours" item, no all-comer
    escalation part). For an NSCLC patient that item is the only way in, so its histology is a limit, not one part's."""
    siblings = _siblings(text, criterion, others)
    if not siblings or not all(_other_cancer_item(sibling) for sibling in siblings):
        return False
    lead_ins = {c.index for c in text.inclusion if c.text.rstrip().endswith(":")}  # the list's own lead-in
    return not any(index != criterion.index and index not in lead_ins for index in _open_inclusions(text))


def _labelled(criterion: Criterion) -> bool:
    """A group's criterion ("Cohort 2: ...", "Part B1 - ..."), whichever disease its scope names."""
    return one_group(criterion) or bool(criterion.scope is not None and criterion.scope.label)


def _criteria_take_solid_tumours(text: TrialText, others: tuple[Criterion, ...]) -> bool:
    """An inclusion taking solid tumours in general ("Other metastatic, non-CNS solid tumor relapsed or refractory
    to standard therapy"): the criteria say which cancers enrol, so a histology in the title or conditions ("Lung
    Adenocarcinoma" beside "Solid Tumor") is one the trial studies, not a limit on the lung cancers it takes. A
    histology the criteria name themselves still counts, and then so does the header's (the criteria may name it
    for each of their parts: "Cohort B5 (Squamous NSCLC)")."""
    basket = vocab()["basket"]
    words = _histology_words()
    # (in a basket's header, a histology the criteria name only for one cohort of a list of cancers is that cohort's)
    cohort_of_basket = _header_is_basket(text)
    if any(words.possible(criterion.text) and any(_mentions(sentence) for sentence in criterion.sentences())
           and not (cohort_of_basket and _cohort_among_cancers(text, criterion, others))
           for criterion in text.inclusion):
        return False
    for criterion in text.inclusion:
        if criterion.purpose is not None:  # (another cancer's criteria were dropped before)
            continue
        for found in basket.finditer(criterion.text):
            if not (_NOT_TAKEN_BEFORE.search(criterion.text, max(0, found.start() - 40), found.start())
                    or _LEFT_OUT_AFTER.match(criterion.text, found.end())):
                return True
    return False


# "malignancy with a KRAS p.G12C mutation", "a diagnosis of cancer": cancer of any kind, so NSCLC of any histology.
_ANY_CANCER = re.compile(r"\b(?:malignanc(?:y|ies)|cancers?|neoplasms?)\b", re.I)


@cache
def _open_inclusions(text: TrialText) -> tuple[int, ...]:
    """The inclusions (their indices) taking NSCLC, solid tumours or cancer in general and naming no histology
    ("Stage IV NSCLC", "Phase Ia: advanced solid tumour with a HER2 aberration", "malignancy with KRAS G12C")."""
    basket = vocab()["basket"]
    return tuple(criterion.index for criterion in text.inclusion if criterion.purpose is None and any(
        (_LUNG.search(sentence) or basket.search(sentence)
         or _ANY_CANCER.search(sentence) and not _cancer_of_organ_named(sentence))
        and not _mentions(sentence) for sentence in criterion.sentences()))


def _cohort_of_open_trial(text: TrialText, criterion: Criterion, mentions: list[Any]) -> bool:
    """ "Arm C: non-squamous histology" in a trial another of whose inclusions (for everyone, or another group) takes
    NSCLC of any histology: the histology is one cohort's, part's or arm's (not a marker group's: "Patients with EGFR
    mutation must have adenocarcinoma" is a question for a carrier), and the others are open to every histology."""
    scope = getattr(criterion, "scope", None)
    if scope is not None and scope.genes and scope.kind == "condition":
        return False  # (a labelled cohort that also names markers, "Cohort 3 (oncogene-driven): ...", is one group)
    return bool(mentions) and any(index != criterion.index for index in _open_inclusions(text))


# "All patients with non-squamous histology must have been tested for EGFR mutations", "patients with squamous
# histology who have never smoked must also be tested": a testing rule for a histology's patients, not a limit on it.
# So is its waiver ("squamous patients with unknown status can be enrolled", "Patients with squamous histology and
# unknown EGFR status are eligible", "squamous NSCLC patients may enrol without EGFR/ALK testing", "squamous cases need
# not be tested"), whichever way it ends ("... with unknown gene status cannot be enrolled" asks them for a result).
_HISTOLOGY_GROUP = (
    r"(?:\b(?:patients?|subjects?|participants?|those|tumou?rs?|cases?|people|individuals|(?:never|non|ex)[\s-]?smokers?)"
    r"\s+(?:with|of|having)\s+(?:an?\s+)?"
    r"(?:known\s+|confirmed\s+)?(?:pure\s+)?(?:non-?\s?squamous|squamous|adenocarcinoma|large[\s-]cell)\b"
    # the histology as the adjective of the patients: "squamous patients", "non-squamous NSCLC subjects"
    r"|\b(?:non-?\s?squamous|squamous|adenocarcinoma|large[\s-]cell)(?:[\s-]+(?:cell|nsclc|histology|carcinoma|lung"
    r"|cancer|non-small|tumou?r))*[\s-]+(?:patients?|subjects?|participants?|cases?|tumou?rs?|people)\b)"
)
_MARKER_WORD = (r"(?:status|results?|test\w*|genotyp\w*|mutations?|genes?|drivers?|biomarkers?|molecular|genomic"
                r"|genetic|EGFR|ALK|ROS1|KRAS|BRAF|MET|RET|HER2|NTRK|PD-?L1)")
_UNKNOWN = (r"(?:unknown|untested|missing|unavailable|undetermined|indeterminate|not\s+(?:yet\s+)?(?:known|available"
            r"|determined|tested|assessed|done|performed))")
_NO_RESULT = (
    rf"\b{_UNKNOWN}\s+(?:[\w/-]+\s+){{0,4}}?{_MARKER_WORD}\b"  # "with unknown (EGFR) status"
    # "whose EGFR status is not known"
    rf"|\b{_MARKER_WORD}\s+(?:[\w/(),-]+\s+){{0,4}}?(?:is\s+|are\s+|was\s+|remains?\s+)?{_UNKNOWN}\b"
    r"|\b(?:not|never)\s+(?:(?:yet|been|be)\s+){0,2}(?:tested|genotyped|screened|sequenced|profiled)\b"
    r"|\b(?:without|no)\s+(?:[\w/-]+\s+){0,3}?(?:test\w*|genotyp\w*|results?|sequencing)\b"
)
# ... said of the group's enrolment, either way round ("can be enrolled", "are eligible", "cannot be included"): a
# missing result alone ("non-squamous NSCLC patients with EGFR wild-type or unknown status") may describe whom it takes.
_ENROLMENT = r"\b(?:enrol\w*|enroll\w*|eligible|included|allowed|permitted|accept\w*|participat\w*|admitted|join)\b"
_NOT_NEEDED = (  # "need not be tested", "do not need a gene test", "are not required to have EGFR testing"
    r"\b(?:need\s+not|do(?:es)?\s+not\s+(?:need|require|have)|don't\s+need|(?:is|are)\s+not\s+(?:required|obliged"
    r"|mandated|needed)|not\s+required|no\s+need)\b[^.;]{0,40}?\b(?:test\w*|genotyp\w*|results?|status|sequenc\w*"
    r"|profil\w*|screen\w*)"
)
_WAIVED = rf"(?:(?=[^.;]{{0,120}}?(?:{_NO_RESULT}))(?=[^.;]{{0,140}}?{_ENROLMENT})|[^.;]{{0,80}}?{_NOT_NEEDED})"
_TESTING_RULE = guarded(
    rf"{_HISTOLOGY_GROUP}[^.;]{{0,80}}?(?:\b(?:must|should|shall|need\s+to"
    r"|needs\s+to|are\s+required\s+to|is\s+required\s+to|will)\s+(?:also\s+)?(?:have\s+)?(?:been\s+|be\s+)?"
    rf"(?:tested|screened|genotyped|assessed|evaluated|profiled|sequenced)\b)[^.;]*|{_HISTOLOGY_GROUP}{_WAIVED}[^.;]*",
    re.I,
)
# "Participants with tumors of mixed histology (i.e., non-squamous and squamous) are eligible if the major histological
# component appears to be non-squamous": which histology a mixed tumour counts as, under the trial's limit; it neither
# asks for nor widens to the histologies it names.
_MIXED_PROVISO = re.compile(
    r"\b(?:tumou?rs?\s+(?:of|with)\s+)?mixed\b(?:[^.;()]|\([^()]{0,80}\)){0,120}?"
    r"\b(?:eligible|allowed|permitted|included|acceptable)\b[^.;()]{0,40}?"
    r"\b(?:if|provided|when|as\s+long\s+as|only\s+if)\b[^.;()]{0,60}?"
    r"\b(?:major|main|predominant|dominant|principal|majority|primary|prevailing)\b[^.;()]*",
    re.I,
)


def _gate(sentence: str, histology_words: AnyOf) -> bool | None:
    """None when the sentence lets every histology in ("any histology"); else whether it may name one."""
    if _ANY_HISTOLOGY.search(sentence) and not _OTHER_THAN.search(sentence):
        return None
    return histology_words.possible(sentence)


def histology_rule(text: TrialText, other_groups: tuple[Criterion, ...] = ()) -> dict[str, Any]:
    """The histologies the trial admits ("allowed"), and of the others those it firmly leaves out ("out"):
    a limit stated for one cohort only, or a mixed component, makes the rest a question. `other_groups`: the
    criteria of other cancers' groups that disease.parse left out of `text` (siblings of a lung cohort in a
    basket's list of cohorts)."""
    others = tuple(c for c in other_groups if c.section == "inclusion")
    # (sentence, its criterion or None for the title and conditions)
    header = [] if _criteria_take_solid_tumours(text, others) else _header_parts(text)
    loose = _qualified_header(text, header, others)
    sources: list[tuple[str, Criterion | None]] = [(part, None) for part in header] + [
        (sentence, criterion) for criterion in text.inclusion for sentence in criterion.sentences()
    ]
    asked: set[str] | None = None  # the histologies the inclusions ask for
    asked_firm = False  # ... and whether for every patient
    # Asked for by one cohort's, part's or arm's criterion ("Arm C: non-squamous histology"): the other groups are left
    # open, so these narrow nothing by themselves, only widen what the trial asks of everyone.
    asked_by_group: set[str] = set()
    asked_if: set[str] = set()  # asked for only under a condition the profile may not meet: a question
    nos = False  # NSCLC not otherwise specified is named among those asked for
    neuroendocrine = False  # large cell neuroendocrine carcinoma is named among those asked for
    shut_firm: set[str] = set()
    shut_soft: set[str] = set()
    evidence = ""
    other_cancer = vocab()["other_cancer_context"]
    histology_words = _histology_words()
    gates: dict[str, bool | None] = {}  # per distinct sentence (a long text repeats them): _gate's answer
    # "Stable disease allowed provided 1 of the following: ... / Adenocarcinoma": one way in, or a subgroup's.
    listed = listed_ways_in(text, lambda item: histology_words.possible(item) and bool(_mentions(item)))
    for sentence, criterion in sources:
        if criterion is not None and "ixed" in sentence:
            # "mixed histology ... eligible if the major component is non-squamous": refines the limit, out of it
            sentence = _MIXED_PROVISO.sub(lambda m: " " * len(m.group(0)), sentence)
        if sentence not in gates:
            gates[sentence] = _gate(sentence, histology_words)
        gate = gates[sentence]
        if gate is None:
            asked, asked_firm, shut_firm, shut_soft, evidence = None, False, set(), set(), ""
            asked_by_group = set()
            break  # every histology may enrol: only the exclusions below can still narrow it
        if not gate:
            continue  # names no histology (most sentences): nothing below can find one
        loose_part = criterion is None and sentence in loose
        shown = sentence = own_words(sentence)
        if criterion is not None:  # "Adenocarcinoma (NSCLC NOS is not eligible)": the note shuts out only what it names
            sentence = note_apart(sentence)
        lowered = _without_own_malignancy(sentence.lower())
        context = other_cancer if not _LUNG.search(sentence) else _history_words()
        if any(word in lowered for word in context) or _CONDITIONAL_DRUG.search(sentence):
            continue  # "... squamous cell carcinoma of the skin"; "for patients receiving pemetrexed"
        if not _LUNG.search(sentence) and _cancer_of_organ_named(sentence):
            continue  # "Part 1D: colorectal adenocarcinoma ...": another cancer's histology
        if criterion is not None and criterion.purpose == "other_cancer":
            continue  # "a second primary adenocarcinoma treated with curative intent is allowed"
        sentence = _TESTING_RULE.sub(" ", sentence) if criterion is not None else sentence
        mentions = _mentions(sentence, title=criterion is None)  # a title's "in" / "for" names whom it takes
        # A criterion of one cohort, part or marker group (the shared reader's scope, or a cohort named in it
        # or its parent bullet) leaves the others open.
        cohort_only = loose_part if criterion is None else (
            one_group(criterion) or bool(mentions and COHORT.search(criterion.context)) or criterion.index in listed)
        if cohort_only and criterion is not None and criterion.index in listed and not one_group(criterion) \
                and _LUNG.search(sentence) and _sole_lung_way_in(text, criterion, others):
            cohort_only = False  # the lung item among other cancers' items: NSCLC's only way in
        by_group = (cohort_only and criterion is not None
                    and (criterion.index not in listed or _cohort_among_cancers(text, criterion, others))
                    and _cohort_of_open_trial(text, criterion, mentions))
        if any(shut == NOT_SHUT for _, shut in mentions) and _nos_taken(sentence):
            nos = True  # "adenocarcinoma, large cell or NSCLC not otherwise specified"
        if mentions and not cohort_only and _NEUROENDOCRINE_ASKED.search(sentence):
            neuroendocrine = True
        if not any(shut == NOT_SHUT for _, shut in mentions):
            # "Non-squamous NSCLC if EGFR-mutant": the condition is the marker rule's; only beside a histology taken
            # outright ("non-squamous, or squamous in never-smokers") is the conditioned one a question.
            mentions = [(allows, NOT_SHUT if shut == IF_ASKED else shut) for allows, shut in mentions]
        for allows, shut in mentions:
            if shut == PERMITTED_IF:
                asked_if.update(allows)  # no limit of its own: a question only where another sentence limits
            elif shut == IF_ASKED:
                asked = asked or set()  # a limit: the histologies asked for without the condition are the ones taken
                asked_if.update(allows)
            elif shut == NOT_SHUT and by_group:  # (one of a list of ways in stays a question: another way may hold)
                asked_by_group.update(allows)
            elif shut == NOT_SHUT:
                asked = (asked or set()) | set(allows)
                asked_firm = asked_firm or not cohort_only
            elif not cohort_only:
                (shut_firm if shut == FIRM else shut_soft).update(allows)
            evidence = evidence or shown
    for criterion in text.exclusion:
        lowered = criterion.text.lower()
        if "squamous" not in lowered and "large" not in lowered and not (
                "other than" in lowered or "except" in lowered or "besides" in lowered):
            continue  # every histology exclusion names squamous, large cell or the histologies kept (most name none)
        if one_group(criterion):
            continue
        for sentence in criterion.sentences():
            if _CONDITIONAL_DRUG.search(sentence) or _TREATMENT_PLAN.search(sentence):
                continue  # "Squamous histology and planned to receive pemetrexed": a treatment choice's limit
            # ("...; patients with squamous histology who have never smoked must also be tested": no limit)
            excluded = _excluded_histologies(own_words(_TESTING_RULE.sub(" ", sentence)).strip())
            if excluded:
                (shut_firm if excluded[1] else shut_soft).update(excluded[0])
                evidence = evidence or sentence
                other_than = _OTHER_THAN.search(sentence)
                nos = nos or bool(other_than and _NOS.search(_TAIL_END.split(sentence[other_than.end():][:120], 1)[0]))
    if asked is not None:
        asked |= asked_by_group
    allowed = (set(HISTOLOGIES) if asked is None else asked) - shut_firm - shut_soft
    if allowed >= set(HISTOLOGIES):
        return {"allowed": None, "out": [], "evidence": ""}
    if not allowed:
        # Every histology both asked for and shut out: the wording was misread somewhere, so no
        # histology can be excluded on it (check() makes it a question).
        return {"allowed": [], "out": [], "evidence": quote(evidence)}
    out = shut_firm | (set(HISTOLOGIES) - asked - asked_if if asked is not None and asked_firm else set())
    if neuroendocrine:
        out.discard("large cell")  # a large cell carcinoma may be the neuroendocrine one asked for: a question
    rule: dict[str, Any] = {"allowed": sorted(allowed), "out": sorted(out), "evidence": quote(evidence)}
    if nos:
        rule["nos"] = True  # NSCLC not otherwise specified is named among the histologies taken
    return rule
