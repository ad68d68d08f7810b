"""A marker rule written for one histology only ("patients with non-squamous NSCLC have no EGFR or ALK mutation",
"For squamous histology, PD-L1 >= 1% is required"): it binds patients of that histology alone.

The histology is the subject of the condition, not a requirement of the trial: a squamous patient is outside a rule
for non-squamous tumours (eligible on it), and a tumour whose histology is not given is a question, never excluded.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Verdict
from trialmatch.criteria.rules.biomarker.phrases import tokens
from trialmatch.criteria.rules.patient import Patient
from trialmatch.criteria.rules.prefilter import guarded

_NON_SQUAMOUS = ("adenocarcinoma", "large cell")
_HISTOLOGY = r"(?:non-?\s?squamous|nonsquamous|(?<![\w-])squamous)"
_NON = re.compile(r"\bnon-?\s?squamous", re.I)
# Words that may follow the histology inside its noun phrase ("non-squamous cell NSCLC histology").
_NOUNS = r"(?:[\s-]+(?:cell|nsclc|histology|carcinoma|cancer|disease|tumou?rs?|lung|non-small|subtype))*"
_GROUP = r"(?:patients?|subjects?|participants?|individuals?|those|people|cases?)"
# Guarded: every match holds "squamous", which most sentences do not.
_HISTOLOGY_CONDITION = guarded(
    # "For non-squamous histology, ...", "In squamous patients: ...", "if patients with squamous NSCLC, ..."
    rf"\b(?:for|in|if|when)\s+(?:(?:the\s+|all\s+)?{_GROUP}\s+)?(?:with\s+)?(?:an?\s+)?{_HISTOLOGY}{_NOUNS}"
    rf"(?:\s+{_GROUP})?\s*[,:]"
    # "(patients with non-squamous NSCLC have no EGFR ...)", "Subjects with squamous histology must ..."
    rf"|\b{_GROUP}\s+with\s+(?:an?\s+)?{_HISTOLOGY}{_NOUNS}\s*,?\s+"
    r"(?:have|has|must|should|shall|need|needs|are\s+required|is\s+required|do|does|cannot)\b"
    # "Non-squamous patients must ...", "Squamous NSCLC participants: ..."
    rf"|{_HISTOLOGY}{_NOUNS}\s+{_GROUP}\s*(?::|must\b|should\b|need\b|needs\b|are\s+required\b)"
    # "EGFR and ALK negative for non-squamous NSCLC", "ROS1 wild-type in patients with non-squamous histology": a
    # marker state closed by its own word, then the group it is asked of
    rf"|\b(?:negative|wild[\s-]?types?|WT|non-?mutated|unmutated)\s+(?:for|in|among|within)\s+(?:(?:the|all)\s+)?"
    rf"(?:{_GROUP}\s+with\s+)?(?:an?\s+)?{_HISTOLOGY}",
    re.I,
)


# "In patients with non-squamous NSCLC, ...", "Among those with adenocarcinoma, ...", "In case of squamous histology:
# ...", "Within the adenocarcinoma subgroup, ...": a lead-in up to the first comma or colon that names a group the
# rule after it is for. It names a group word (not "In addition to adenocarcinoma, ..."), and a histology or "or"
# straight after the comma continues a list of histologies ("For adenocarcinoma, squamous or large cell carcinoma").
_LEAD_WORD = r"(?:for|in|among|amongst|within|if|when|in\s+(?:the\s+)?case\s+of)"
# "If the pathological type is adenocarcinoma, ...": the tumour's type names the group too.
_GROUP_WORD = (r"(?:nsclcs?|tumou?rs?|histolog\w*|carcinomas?|cancers?|disease|patients?|subjects?|participants?"
               r"|individuals?|those|people|cases?|population|sub-?groups?|subsets?|types?|histotypes?|patholog\w*)")
_HISTOLOGY_WORD = r"(?:non-?\s?squamous|nonsquamous|squamous|adeno\w*|large[\s-]cell|nos\b|not\s+otherwise)"
GROUP_LEAD_IN = re.compile(
    rf"^\W*{_LEAD_WORD}\s+(?=[^,;:.]{{0,160}}?\b{_GROUP_WORD}\b)[^,;:.]{{1,160}}[,:]"
    rf"(?!\s*(?:or|and|and/or|nor)\b|\s*(?:[\w-]+\s+)?{_HISTOLOGY_WORD})",
    re.I,
)
# The histologies a lead-in names, each with those it covers; "non-squamous" is masked before "squamous" is sought.
_LEAD_HISTOLOGIES = (
    (re.compile(r"\bnon-?\s?squamous|\bnonsquamous", re.I), _NON_SQUAMOUS),
    (re.compile(r"(?<![\w-])squamous", re.I), ("squamous",)),
    (re.compile(r"\badenocarcinomas?\b", re.I), ("adenocarcinoma",)),
    (re.compile(r"\blarge[\s-]cell\b(?![\s-]*neuro)", re.I), ("large cell",)),
)


def lead_in_end(sentence: str) -> int:
    """Where a group lead-in ("In patients with non-squamous NSCLC, ...") ends, or 0 when the sentence has none."""
    match = GROUP_LEAD_IN.match(sentence)
    return match.end() if match else 0


def _lead_in_histologies(sentence: str) -> list[str] | None:
    """The histologies a group lead-in names ("Among subjects with adenocarcinoma histology, ..."), or None."""
    end = lead_in_end(sentence)
    if not end:
        return None
    lead, named = sentence[:end], set[str]()
    for pattern, covers in _LEAD_HISTOLOGIES:
        if pattern.search(lead):
            named.update(covers)
            lead = pattern.sub(" ", lead)
    if not named or named >= {"adenocarcinoma", "squamous", "large cell"}:
        return None
    return [h for h in ("adenocarcinoma", "large cell", "squamous") if h in named]


# "For patients with NSCLC", "In all participants with advanced non-small cell lung cancer (NSCLC)", "NSCLC
# cohorts": a group named by the trial's own cancer alone, every NSCLC patient. A label that narrows NSCLC ("1L
# NSCLC", "squamous NSCLC", "NSCLC with EGFR mutation") is not. Stage words only restate the trial's setting.
_STAGE_IV = r"stage\s+(?:III[ABC]?|IV[AB]?)(?:\s*(?:or|/|-|to)\s*(?:III[ABC]?|IV[AB]?))?"
# "non-squamous or squamous NSCLC": both histologies, every NSCLC patient
_EVERY_HISTOLOGY = (r"(?:non-?\s?squamous\s+(?:or|and|and/or)\s+squamous"
                    r"|squamous\s+(?:or|and|and/or)\s+non-?\s?squamous)")
_NSCLC_AS_SUCH = re.compile(
    r"\W*(?:(?:for|in|among|amongst)\s+)?(?:(?:all|the|any)\s+)?(?:(?:patients|participants|subjects)\s+with\s+)?"
    rf"(?:(?:(?:locally\s+)?advanced|metastatic|recurrent|unresectable|inoperable|{_STAGE_IV}|{_EVERY_HISTOLOGY}"
    r"|and|or|and/or|/|,)\s*)*"
    r"(?:nsclc|non[\s\-]?small[\s\-]?cell\s+lung\s+(?:cancer|carcinoma)(?:\s*\(nsclc\))?|lung\s+(?:cancer|carcinoma))"
    r"(?:\s+(?:patients|participants|subjects|cohorts?|only))?\W*",
    re.I,
)


def names_nsclc_as_such(label: str) -> bool:
    return _NSCLC_AS_SUCH.fullmatch(label) is not None


# "For patients with NSCLC - EGFR mutation ...": a dash between spaces ends a lead-in as a colon does.
_DASH_LEAD_IN = re.compile(r"^\W*(?:for|in|among)\s[^,;:.()]{1,120}?\s[-\u2013\u2014]\s", re.I)


def nsclc_lead_end(sentence: str) -> int:
    """Where a lead-in naming every NSCLC patient ends ("For patients with NSCLC: ...", "For participants with NSCLC,
    ...", "For patients with stage IV NSCLC - ..."), or 0. The criterion's scope says whom it binds (the shared
    reader): the rule after it is read as any rule."""
    for end in (lead_in_end(sentence), (match := _DASH_LEAD_IN.match(sentence)) and match.end()):
        if end and names_nsclc_as_such(sentence[:end]):
            return end
    return 0


_PUNCTUATION = " \t*-\u2022.:;,()[]"  # what may open a bullet before its first word


def histology_lead_end(sentence: str) -> int:
    """Where a leading condition on histology alone ends ("In case of non-squamous histology, ...", "If non-squamous:
    ...", "For squamous patients, ..."), or 0: the rule after it is read as any rule, for that histology."""
    if _lead_in_histologies(sentence):
        return lead_in_end(sentence)
    match = _HISTOLOGY_CONDITION.search(sentence)
    if match is None or sentence[:match.start()].strip(_PUNCTUATION) or match.group(0).rstrip()[-1:] not in ",:":
        return 0
    return match.end()


_ASIDE = re.compile(r"\([^()]*\)")
_MARKER_TYPES = frozenset({"gene", "alt", "driver", "pdl1"})


def histology_condition(sentence: str) -> list[str] | None:
    """The histologies a sentence's marker rules are written for, or None when it names no such condition.

    A condition in brackets binds the rules of the brackets only: "EGFR mutation or ALK fusion (non-squamous
    subjects must have confirmed EGFR/ALK status)" excludes carriers of every histology."""
    match = _HISTOLOGY_CONDITION.search(sentence)
    if match is None:
        return _lead_in_histologies(sentence)
    aside = next((a for a in _ASIDE.finditer(sentence) if a.start() < match.start() < a.end()), None)
    if aside is not None:
        outside = sentence[:aside.start()] + " " + sentence[aside.end():]
        if any(t.type in _MARKER_TYPES for t in tokens(outside)):
            return None
    return list(_NON_SQUAMOUS) if _NON.search(match.group(0)) else ["squamous"]


def names_histology_condition(sentence: str) -> bool:
    """The sentence sets a condition on a histology group somewhere (perhaps only in an aside)."""
    return _HISTOLOGY_CONDITION.search(sentence) is not None or _lead_in_histologies(sentence) is not None


def for_histology(verdict: Verdict, histologies: list[str], profile: Patient) -> Verdict:
    """The verdict of a rule written for `histologies` only, as it stands for this patient."""
    if verdict == ELIGIBLE:
        return verdict
    if profile.histology in histologies:
        return verdict
    if profile.histology in {"adenocarcinoma", "squamous", "large cell"}:
        return ELIGIBLE  # another histology: the rule is not about this patient
    return UNKNOWN if verdict == EXCLUDED else verdict  # histology not given: whether it applies is a question


def outside(histologies: list[str], profile: Patient) -> bool:
    """The patient's histology is known and is not one the rule is for."""
    return profile.histology in {"adenocarcinoma", "squamous", "large cell"} and profile.histology not in histologies


def described(histologies: list[str]) -> str:
    if list(histologies) == list(_NON_SQUAMOUS):
        return "non-squamous"
    return " or ".join(histologies)


# "Cohort 1: squamous NSCLC. Previously received ...", "Cohort B (patients with non-squamous NSCLC with EGFR ...)": a
# group whose own text opens with one histology takes patients of that histology only. Not "non-squamous or squamous".
_COHORT_HISTOLOGY = re.compile(
    r"^\W*[^:()]{1,40}?(?::|\()\s*(?:(?:patients?|subjects?|participants?)\s+with\s+)?"
    r"(?:(?:histologically\s+(?:or\s+cytologically\s+)?confirmed|locally\s+advanced|advanced|metastatic|recurrent"
    r"|stage\s+IV)\s+(?:or\s+metastatic\s+)?)*"
    # "sqNSCLC", "nsqNSCLC", "SqCC": the abbreviations name the histology too
    r"(?P<h>non-?\s?squamous|nonsquamous|squamous|adenocarcinoma|nsq(?:NSCLC)?|sq(?:NSCLC|CC|LC))\b"
    r"(?![\w\s-]{0,25}?(?:\bor\b|\band\b|/)\s*(?:non-?\s?)?(?:squamous|adenocarcinoma|large))",
    re.I,
)


def cohort_histology(text: str) -> list[str] | None:
    """The histologies a labelled group's own text takes (see _COHORT_HISTOLOGY), or None."""
    match = _COHORT_HISTOLOGY.match(text)
    if match is None:
        return None
    named = match.group("h").lower()
    if _NON.match(named) or named.startswith(("nonsq", "nsq")):
        return list(_NON_SQUAMOUS)
    return ["adenocarcinoma"] if named.startswith("adeno") else ["squamous"]
