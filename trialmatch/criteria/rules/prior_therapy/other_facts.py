"""A prior-therapy rule conditioned on a fact this dimension does not read.

"Patients with PD-L1 >= 50% who have received prior chemotherapy", "ECOG 2 patients with more than one prior
line", "Patients aged 70 or older must have had platinum", "Patients with brain metastases must have received
prior radiotherapy", "Patients who are never smokers must be treatment-naive", "For squamous NSCLC: prior platinum;
for non-squamous NSCLC: prior platinum and pemetrexed":
the rule binds only the patients with that PD-L1 score, performance status, age, brain disease, histology or smoking.
prior_therapy reads none of those (matching.compiled.DIMENSION_READS), so such a rule can only raise a question:
it is soft (unknown where it would exclude), never an exclusion on a condition nobody checked.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.prefilter import guarded

# A fact that names a group of patients (with a value, so "prior anti-PD-L1 therapy" names no group).
_FACT = (
    r"pd-?l1\s*(?:\(?(?:tps|cps|expression|score|status|level)\)?\s*)*(?:>=|=>|=<|<=|[<>=≥≤]|of|at least|above"
    r"|below|greater than|less than|over|under)\s*\d"
    r"|pd-?l1[\s-]+(?:high|low|positive|negative|expressing|expression\s+(?:>=|[<>≥≤]|of|at least)\s*\d)"
    r"|(?:tps|tumou?r proportion score)\s*(?:>=|=>|=<|<=|[<>=≥≤]|of|at least)\s*\d"
    r"|(?:ecog|who|zubrod)\s*(?:performance\s+status\s*|ps\s*)?(?:score\s*)?(?:of\s*|=\s*|:\s*)?(?:>=|≥|>)?\s*[0-4]\b"
    r"|performance status\s*(?:score\s*)?(?:of\s*|=\s*|:\s*)?(?:>=|≥|>)?\s*[0-4]\b"
    r"|\bps\s*(?:>=|≥|>|=|of)?\s*[0-4]\b"
    r"|\baged?\s*(?:>=|=>|[>≥<≤]|of|over|above|under|below|at least|older than|younger than)?\s*\d{2}\b"
    r"|\b\d{2}\s*(?:(?:years?|yrs?)(?:\s+of\s+age)?\s+)?(?:or|and)\s+(?:older|over|above|younger|below|under)"
    r"|\belderly\b"
    r"|(?:brain|cns|cerebral|intracranial|leptomeningeal)\s+(?:metastas[ie]s|mets|lesions?|disease)"
    r"|(?:non-?\s?)?squamous(?:\s+(?:cell\s+)?(?:nsclc|histology|carcinoma|patients|disease|tumou?rs?))?"
    # Smoking history: "never smokers", "former/current smokers", "non-smoking patients" (no profile fact at all).
    r"|(?:never|non|ex|former|current|heavy|light|life-?long)[\s-]?smok(?:ers?|ing)\b"
)
# The fact as the group's own words: "patients with X", "X patients", "for/in/if X", "who are/have X".
_WHO = r"(?:patients|subjects|participants|individuals|people|those|cases|pts)"
_CONDITION = guarded(
    rf"\b{_WHO}\s+(?:with|aged|who\s+(?:are|have)|whose\s+(?:tumou?rs?\s+)?(?:have|has|show|express))\s+"
    rf"(?:an?\s+|the\s+)?(?:(?:tumou?r|known|untreated|treated|stable|active|cell)\s+)*(?:{_FACT})"
    rf"|\b{_WHO}\s+(?:{_FACT})"
    rf"|\b(?:for|in|if|when|among)\s+(?:{_WHO}\s+with\s+)?(?:an?\s+|the\s+)?(?:{_FACT})"
    rf"|^\W*(?:[a-z0-9]{{1,2}}[.)]\s+)?(?:{_FACT})[^.;:]{{0,40}}?\b(?:{_WHO}|cohort|group)\b"
    # The smokers are the group themselves: "Former smokers must be chemotherapy-naive".
    r"|^\W*(?:[a-z0-9]{1,2}[.)]\s+)?(?:(?:for|in|among)\s+)?(?:all\s+)?(?:never|non|ex|former|current|heavy|light)"
    r"[\s-]?smokers\b"
    # ... wherever they are named, after their tumour's words too: "EGFR/ALK wild-type never-smokers must be
    # treatment-naive" (smoking is no profile fact, so the rule is a question whoever it binds).
    r"|\b(?:never|non|ex|former|current|heavy|light|life-?long)[\s-]?smokers\b"
)


# "Patients aged 18 years or older who progressed on ...", "Patients 18 years of age or older who ...", "aged >= 18":
# the adult age floor every trial of this tool's patients sets names no subgroup (all of them are adults), unlike
# "patients aged 75 or older must ...".
_ADULT_FLOOR = re.compile(
    r"\baged?\s*(?:(?:>=|=>|[>\u2265]|at least|over|above|older than)\s*)?(?:1[89]|2[01])\b"
    r"(?:\s*(?:years?|yrs?)(?:\s+of\s+age)?)?(?:\s+(?:or|and)\s+(?:older|over|above))?"
    r"(?!\s*(?:-|to|or\s+younger|and\s+younger|or\s+under|or\s+below)\b)"
    r"|\b(?:1[89]|2[01])\s*(?:(?:years?|yrs?)(?:\s+of\s+age)?\s+)?(?:or|and)\s+(?:older|over|above)\b")
_FLOOR_WORDS = ("age", "older", "over", "above")


# "Patients with squamous or non-squamous NSCLC", "(non-)squamous and squamous histology": both histologies, so no
# subgroup at all.
_EVERY_HISTOLOGY = re.compile(r"\b(?:non-?\s?)?squamous\s*(?:or|and|and/or|/|,)\s*(?:non-?\s?)?squamous\b")


# "without known EGFR or ALK alterations (documented by tissue testing for non-squamous histology)", "(testing required
# only in non-squamous NSCLC)": the histology says who must be tested for the drivers, not whom the therapy rule binds.
_TESTED_FOR_HISTOLOGY = re.compile(
    r"\b(?:test\w*|document\w*|determin\w*|assess\w*|screen\w*|genotyp\w*|sequenc\w*)\b[^.;:()]{0,60}?"
    r"\b(?:for|in|if|among)\s+(?:patients\s+with\s+|participants\s+with\s+)?(?:non-?\s?)?squamous"
    r"(?:\s+(?:cell\s+)?(?:nsclc|histology|carcinoma|patients|disease|tumou?rs?))?")


def conditioned_on_other_fact(norm: str) -> bool:
    """Whether the sentence's rule is for a group named by a fact prior_therapy does not read."""
    if any(w in norm for w in _FLOOR_WORDS):
        norm = _ADULT_FLOOR.sub("", norm)
    if "squamous" in norm:
        norm = _EVERY_HISTOLOGY.sub("nsclc", norm)
        norm = _TESTED_FOR_HISTOLOGY.sub("testing", norm)
    return bool(_CONDITION.search(norm))
