"""A treatment named only to pick which lab, organ-function or ECG threshold applies.

"ANC >= 1,500/uL; patients previously treated with docetaxel require ANC >= 2,000/uL", "CrCl >= 45 mL/min
(>= 60 for patients who previously received cisplatin)", "Lymphocytes >= 0.5 (prior immunotherapy patients:
>= 0.8)", "QTc > 470 ms in patients previously treated with osimertinib": the requirement is the lab value, the
drug only says for whom. No profile records lab values, so such a name sets no prior-therapy rule (an
exclusion of this kind is a question for the patients who had the drug, as a toxicity on it is).
"Must have received prior platinum and have adequate bone marrow function (ANC >= 1.5)" still asks for
platinum: the drug is not under a "for patients who ..." condition there.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy.terms import Mention

# A lab, organ-function or ECG value: the sentence must name one for any drug in it to be read as a condition.
_LAB = guarded(
    r"\b(?:anc|absolute neutrophil\w*|neutrophil\w*|platelets?|plt|ha?emoglobin|hgb|hb|lymphocyt\w*|leukocyt\w*"
    r"|wbc|white blood cells?|creatinine|crcl|clearance|bilirubin|ast|alt|sgot|sgpt|transaminases?"
    r"|alkaline phosphatase|albumin|inr|aptt|qtc?f?|qt interval|lvef|ejection fraction|tsh|bone marrow"
    r"|(?:renal|hepatic|liver|organ|marrow|cardiac|kidney|thyroid) function|magnesium|potassium|amylase|lipase"
    r"|uln|mg/dl|g/dl|g/l|ml/min|/(?:\u00b5|u|m)l|10\^?9|mm3|msec|ms)\b"
)
# A comparison with a number: "\u2265 2,000", ">= 1.0", "< 470".
_VALUE = re.compile(r"(?:[<>\u2264\u2265]=?|=<|=>|\bat least|\bno (?:less|more) than|\bgreater than|\bbelow"
                    r"|\babove)\s*\d")
_CLAUSE_START = re.compile(r"[;(\[]")
_CLAUSE_END = re.compile(r"[;)\]]")
# "for patients who previously received", "in subjects with prior", "among those treated with".
_FOR_PATIENTS = re.compile(r"\b(?:for|in|among)\s+(?:the\s+)?(?:those|patients|subjects|participants|individuals"
                           r"|persons|people|cases)\b[^;()<>\u2264\u2265]{0,60}$")
# "patients previously treated with ... [drug] require", "patients with prior ... [drug]:".
_PATIENTS_WHO = re.compile(r"\b(?:patients|subjects|participants|those|individuals)\s+(?:who|that|with|previously"
                           r"|pre-?treated|treated|having|exposed|receiving)\b[^;()<>\u2264\u2265]{0,60}$")
# "prior immunotherapy patients: ...": the drug names the patients.
_NAMES_PATIENTS = re.compile(r"[\s-]{1,3}(?:[a-z-]+\s+){0,2}?(?:patients|subjects|participants)\b")
# "(>= 45 if carboplatin)", ">= 8 g/dL with prior paclitaxel": a value, then the drug it holds for.
_VALUE_IF = re.compile(r"(?:[<>\u2264\u2265]=?|=<|=>)\s*\d[^;()a-z]{0,20}(?:[a-z/%\u00b5^]+\s*){0,2}?"
                       r"\s(?:if|for|with|in|when|after)\s+(?:(?:prior|previous|the|an?)\s+)?$")
_THEN_VALUE = re.compile(r"[^;()]{0,25}?(?:\brequire\w*|\bmust\b|\bshould\b|\bmay\b|\bneed\w*|\bcan\b|:)")


def _clause(norm: str, mention: Mention) -> tuple[int, int]:
    start = max((m.end() for m in _CLAUSE_START.finditer(norm, 0, mention.start)), default=0)
    found = _CLAUSE_END.search(norm, mention.end)
    return start, found.start() if found else len(norm)


def _names_a_value(text: str) -> bool:
    return _VALUE.search(text) is not None or _LAB.search(text) is not None


def lab_conditioned(norm: str, mention: Mention) -> bool:
    """Whether this name only picks the patients a lab, organ or ECG threshold of the same clause applies to."""
    start, end = _clause(norm, mention)
    before, after = norm[start:mention.start], norm[mention.end:end]
    if _VALUE_IF.search(before):
        return True
    if _FOR_PATIENTS.search(before):
        # "(>= 60 mL/min for patients who previously received cisplatin)": the value is in the clause.
        return _names_a_value(norm[start:end])
    if _PATIENTS_WHO.search(before) or _NAMES_PATIENTS.match(after):
        # "patients previously treated with docetaxel require ANC >= 2,000": a value follows what they need.
        then = _THEN_VALUE.match(after)
        return then is not None and _names_a_value(after[then.end():])
    return False


def lab_conditioned_mentions(norm: str, mentions: list[Mention]) -> list[Mention]:
    """The names of a sentence that only pick whom a lab value applies to (none unless a lab value is named)."""
    if not mentions or _LAB.search(norm) is None:
        return []
    return [mention for mention in mentions if lab_conditioned(norm, mention)]
