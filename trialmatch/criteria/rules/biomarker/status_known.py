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


def status_known_genes(sentence: str) -> list[str]:
    """The genes whose test result the sentence asks to be known; [] when it asks none."""
    match = _STATUS_KNOWN.search(sentence)
    if match is None or _NOT_A_TEST_RULE.search(sentence):
        return []
    # the genes are those named before "status" in the same clause (or between "known" and "status")
    if match.group("lead"):
        span = match.group("lead")
    else:
        clause_start = max(sentence.rfind(sep, 0, match.start()) for sep in (".", ";", ":"))
        span = sentence[clause_start + 1: match.start()]
    norm = normalise(span)
    genes: list[str] = []
    for tok in tokens(norm):
        if tok.type == "gene":
            genes.extend(g for g in expand_gene(tok.key) if g not in genes)
    return genes


def status_clauses(genes: list[str], evidence: str, cohorts: list[str]) -> list[dict[str, Any]]:
    """One requirement per gene, met by any result: the gene changed, or tested without a change."""
    clauses = []
    for gene in genes:
        found = {"t": "alt", "gene": gene, "kind": "any"}
        clauses.append({"mode": "require", "atoms": [found, {"t": "absent", "atoms": [dict(found)]}],
                        "cohorts": list(cohorts), "evidence": evidence, "source": "inclusion", "status": gene})
    return clauses
