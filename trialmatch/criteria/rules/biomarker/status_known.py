"""A testing rule: "EGFR gene mutation status is known", "ALK and ROS1 status must be documented", "Known EGFR
mutation status". Any result passes (positive or negative); only an untested tumour fails it, and then the profile
may simply not list the test: a question, never a bar. Read as nothing before, so an untested profile was eligible.

Not "status must be known and negative" (a negative requirement, read elsewhere), nor "status known or pending",
"if known", "need not be known" (no test asked for).
"""

from __future__ import annotations

import re
from typing import Any

from trialmatch.criteria.rules.biomarker.cues import normalise
from trialmatch.criteria.rules.biomarker.phrases import tokens
from trialmatch.criteria.rules.marker_vocab import expand_gene

_KNOWN_WORD = r"(?:known|documented|available|determined|confirmed|assessed|tested)"
# "EGFR (gene) (mutation) status is/must be/should be/has been known", "EGFR status known", "known EGFR status".
_STATUS_KNOWN = re.compile(
    r"\bstatus(?:es)?\s+(?:(?:is|are|must|should|shall|has|have|needs?\s+to|to)\s+)?(?:been\s+|be\s+)?"
    + _KNOWN_WORD + r"\b"
    r"|\b(?:known|documented|available)\s+(?P<lead>[\w\-/ ,]{2,60}?)\s+status\b",
    re.I,
)
# What turns the sentence into another rule: a result it must show, a way round the test, or a negation.
_NOT_A_TEST_RULE = re.compile(
    r"\b(?:and|but)\s+(?:must\s+be\s+|be\s+)?(?:negative|positive|wild[\s\-]?type|mutated|mutant)\b"
    r"|\bor\s+(?:pending|unknown|not\s+(?:known|available|tested))\b|\bif\s+(?:known|available|tested)\b"
    r"|\bnot\s+(?:be\s+)?(?:required|needed|necessary|mandatory)\b|\bneed\s+not\b|\bunknown\b"
    r"|\b(?:no|not)\s+(?:need|required)\b",
    re.I,
)


# A test demanded in so many words: "EGFR and ALK must be tested", "ROS1 is required to be assessed", "Testing for EGFR
# and ALK is mandatory", "EGFR/ALK testing is required", "Results of EGFR and ALK testing must be available", "Tumours
# must have been tested for EGFR and ALK". As "status must be known", any result passes and only an untested tumour is
# in question (the labels: "testing mandatory" -> untested unknown). The genes are the demand's clause's own.
_DEMAND = (r"(?:must|should|shall|needs?\s+to|ha(?:s|ve)\s+to|(?:is|are)\s+(?:required|mandated)\s+to)\s+"
           r"(?:have\s+)?be(?:en)?\s+")
_TEST_DEMANDED = re.compile(
    _DEMAND + r"(?:tested|assessed|determined|evaluated|analy[sz]ed|sequenced)\b(?!\s+(?:by|with)\s+the\s+sponsor)"
    r"|\b(?:testing|tests?|test\s+results?|results?\s+of\s+[^.;:]{2,60}?\s+(?:testing|tests?))\s+"
    r"(?:(?:for|of|on)\s+[^.;:]{2,60}?\s+)?(?:(?:is|are)\s+|must\s+be\s+|should\s+be\s+|(?:must|should)\s+have\s+been\s+)"
    r"(?:required|mandatory|compulsory|obligatory|needed|available|done|performed|documented|provided|submitted)\b",
    re.I,
)
# Whose test it is, or what it must show: a carrier group ("patients with EGFR mutation must be tested for T790M"),
# a histology ("for non-squamous histology": the squamous need no test), a condition.
_NOT_EVERYONE = re.compile(
    r"\b(?:with|harbou?r\w*|carr(?:y|ies|ying)|positive|negative|wild[\s-]?type|if|when|unless|whose|who"
    r"|squamous|non[\s-]?squamous|adenocarcinoma|histolog\w*|except|prior\s+to\s+(?:receiving|treatment\s+with))\b",
    re.I,
)


# The histology words of _NOT_EVERYONE: a demand made of one histology ("Non-squamous tumours must be tested for EGFR
# and ALK") is that histology's test rule (histology_test_genes), not nobody's.
_HISTOLOGY_WORD = re.compile(r"\b(?:(?P<non>non[\s-]?)?squamous|(?P<adeno>adenocarcinoma)|histolog\w*)\b", re.I)
# "Patients with non-squamous NSCLC": "with" naming the histology, not a carrier group
_WITH_HISTOLOGY = re.compile(r"\bwith\s+(?:an?\s+)?(?=(?:non[\s-]?)?squamous\b|adenocarcinoma\b)", re.I)
# ", with results available before randomization": when the result is due, not whose test it is (its "with" is no
# carrier group)
_RESULT_DUE = re.compile(r"\s*[,;]?\s*with\s+(?:the\s+)?results?\s+(?:available|known|obtained|reported)\b[^.;]*", re.I)


def _demand_clause(sentence: str) -> str | None:
    """The clause of a "must be tested" demand, or None when the sentence makes none."""
    match = _TEST_DEMANDED.search(sentence)
    if match is None:
        return None
    start = max(sentence.rfind(sep, 0, match.start()) for sep in (".", ";", ":")) + 1
    ends = [i for i in (sentence.find(sep, match.end()) for sep in (". ", ";", ":")) if i >= 0]
    return sentence[start: min(ends) if ends else len(sentence)]


def _demanded_genes(sentence: str) -> list[str]:
    """The genes a "must be tested" demand names in its own clause; [] when there is none or it is not everyone's."""
    clause = _demand_clause(sentence)
    if clause is None or _NOT_EVERYONE.search(clause):
        return []
    return _genes_in(clause)


def histology_test_genes(sentence: str) -> tuple[list[str], list[str]]:
    """The genes a "must be tested" demand names when only a histology limits whose test it is ("Non-squamous
    tumours must be tested for EGFR mutations and ALK rearrangement", "Adenocarcinoma tumours must have been tested
    for EGFR and ALK"), and that histology; ([], []) otherwise (a bare "histology" names none)."""
    if _NOT_A_TEST_RULE.search(sentence):
        return [], []
    clause = _demand_clause(_RESULT_DUE.sub("", sentence))
    if clause is None:
        return [], []
    words = list(_HISTOLOGY_WORD.finditer(clause))
    if any(m.group("non") for m in words):
        histologies = ["adenocarcinoma", "large cell"]
    elif any(m.group("adeno") for m in words):
        histologies = ["adenocarcinoma"]
    elif any("squamous" in m.group(0).lower() for m in words):
        histologies = ["squamous"]
    else:
        return [], []
    # every other "not everyone" word (a carrier group, a condition) still makes it no test rule of ours
    if _NOT_EVERYONE.search(_HISTOLOGY_WORD.sub(" ", _WITH_HISTOLOGY.sub(" ", clause))):
        return [], []
    return _genes_in(clause), histologies


def _genes_in(span: str) -> list[str]:
    genes: list[str] = []
    for tok in tokens(normalise(span)):
        if tok.type == "gene":
            genes.extend(g for g in expand_gene(tok.key) if g not in genes)
    return genes


def status_known_genes(sentence: str) -> list[str]:
    """The genes whose test result the sentence asks to be known; [] when it asks none."""
    if _NOT_A_TEST_RULE.search(sentence):
        return []
    match = _STATUS_KNOWN.search(sentence)
    if match is None:
        return _demanded_genes(sentence)
    # the genes are those named before "status" in the same clause (or between "known" and "status")
    if match.group("lead"):
        span = match.group("lead")
    else:
        clause_start = max(sentence.rfind(sep, 0, match.start()) for sep in (".", ";", ":"))
        span = sentence[clause_start + 1: match.start()]
    return _genes_in(span)


def status_clauses(genes: list[str], evidence: str, cohorts: list[str]) -> list[dict[str, Any]]:
    """One requirement per gene, met by any result: the gene changed, or tested without a change."""
    clauses = []
    for gene in genes:
        found = {"t": "alt", "gene": gene, "kind": "any"}
        clauses.append({"mode": "require", "atoms": [found, {"t": "absent", "atoms": [dict(found)]}],
                        "cohorts": list(cohorts), "evidence": evidence, "source": "inclusion", "status": gene})
    return clauses
