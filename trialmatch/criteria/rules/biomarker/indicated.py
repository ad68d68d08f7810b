"""Therapy against a gene that is not indicated: "EGFR-, ALK- or ROS1-directed therapy is not indicated".

The sentence names the genes only inside a drug class, so the usual reading (which replaces drug classes by DRUG)
sees no marker. Its sense is that the tumour must NOT carry a change such a drug is given for: carriers are out,
tumours tested negative are in, untested ones are a question. Never a requirement for the gene.

Read on the sentence as written; flat alternations and bounded windows only.
"""

from __future__ import annotations

import re
from typing import Any

from trialmatch.criteria.rules import marker_vocab as vocab
from trialmatch.criteria.rules.biomarker.cues import names_as_symbols
from trialmatch.criteria.rules.biomarker.phrases import Statement
from trialmatch.criteria.rules.prefilter import guarded

_GENE = r"(?:EGFR|ALK|ROS-?1|KRAS|BRAF|c-?MET|MET|RET|HER-?2|ERBB-?2|NTRK[1-3]?|NRG-?1)"
# "EGFR-, ALK-, or ROS1-", "EGFR/ALK", "EGFR or ALK": a list of symbols, a suspended hyphen allowed after each.
_LIST = _GENE + r"(?:\s*-?\s*(?:/|,\s*(?:and/or|or|and)?|and/or|and|or)\s*" + _GENE + r"){0,5}"
_THERAPY = (r"\s*-?\s*(?:(?:directed|targeted|targeting|specific|matched)[\s\-]+)?"
            r"(?:therap(?:y|ies)|treatments?|TKIs?|tyrosine kinase inhibitors?|inhibitors?|agents?|drugs?)\b")
# "... therapy is not indicated", "for whom EGFR-targeted therapy is not appropriate"
_NOT_INDICATED_AFTER = (r"[^.;]{0,40}?\b(?:is|are|be|was|were)\s+not\s+(?:(?:currently|clinically|otherwise)\s+)?"
                        r"(?:indicated|appropriate|recommended)\b")
# "not a candidate for EGFR/ALK targeted therapy", "ineligible for ...", "no indication for ..."
_NOT_CANDIDATE_BEFORE = (r"\b(?:(?:not|neither)\s+(?:an?\s+)?(?:(?:suitable|appropriate)\s+)?"
                         r"(?:candidates?|eligible|suitable|appropriate|indicated)|ineligible|no\s+indication)"
                         r"\s+for\s+(?:(?:an?|any|the)\s+)?")
# The drug class named before its genes: "targeted therapy directed at ROS1 or BRAF", "treatment targeting EGFR".
_THERAPY_AT = (r"\b(?:(?:targeted|directed|specific)\s+)?(?:therap(?:y|ies)|treatments?|agents?|drugs?|inhibitors?)\s+"
               r"(?:directed\s+(?:at|against|to(?:wards?)?)|targeting|against)\s+(?:(?:an?|the)\s+)?")
_GENE_WORD = r"(?:\s+(?:genes?|alterations?|mutations?|aberrations?|rearrangements?|fusions?|changes?))?"
NOT_INDICATED = re.compile(
    r"(?i:" + _NOT_CANDIDATE_BEFORE + ")(?P<before>" + _LIST + r")(?i:" + _THERAPY + ")"
    r"|(?P<after>" + _LIST + r")(?i:" + _THERAPY + _NOT_INDICATED_AFTER + ")"
    r"|(?i:" + _THERAPY_AT + ")(?P<at>" + _LIST + r")(?i:" + _GENE_WORD + _NOT_INDICATED_AFTER + ")"
)
_IS_INDICATED = r"[^.;]{0,40}?\b(?:is|are)\s+(?:(?:currently|clinically)\s+)?indicated\b"
# Among exclusions, the same thing said the other way: "patients who are candidates for EGFR-targeted therapy".
INDICATED = re.compile(
    r"(?i:\b(?:candidates?|indicated)\s+for\s+(?:(?:an?|any|the)\s+)?)(?P<before>" + _LIST + r")(?i:" + _THERAPY + ")"
    r"|(?P<after>" + _LIST + r")(?i:" + _THERAPY + _IS_INDICATED + ")"
    r"|(?i:" + _THERAPY_AT + ")(?P<at>" + _LIST + r")(?i:" + _GENE_WORD + _IS_INDICATED + ")"
)
# Among inclusions, a change that must be absent, qualified by the genes' drugs: "no sensitising alteration for which
# EGFR or ROS1 inhibitors are indicated", "without a mutation for which an EGFR TKI is approved". It names those genes
# only, not every actionable driver.
FOR_WHICH = re.compile(
    r"(?i:\b(?:no|without|lack(?:s|ing)?|free\s+of|not\s+(?:have|harbou?r|carry))\b[^.;]{0,60}?\bfor\s+which\s+"
    r"(?:(?:an?|any|approved)\s+)?)(?P<which>" + _LIST + r")(?i:" + _THERAPY
    + r"\s+(?:is|are)\s+(?:(?:currently|clinically)\s+)?(?:indicated|approved|available|recommended)\b)"
)
_GENE_TOKEN = re.compile(_GENE)
# "directed at ROS1", "targeting EGFR": the drug class before its genes (see _THERAPY_AT).
_AT_WORD = guarded(r"(?i:directed\s+(?:at|against|to)|targeting|against)\s+(?:(?:an?|the)\s+)?" + _GENE)
# Without their first letter, so no lower-casing is needed first ("Indicated", "Candidates").
_CUES = guarded(r"ndicat|andidate|ligible|ppropriate|ecommended|pproved|vailable")
_NEGATIONS = ("not ", "ineligible", "no indication", "no ", "without", "lack", "free of")
# A gene symbol right before a drug word, as every match has: "EGFR-directed", "ALK TKI", "ROS1- targeted".
_THERAPY_WORD = re.compile(_GENE + r"[\s\-]{0,3}(?i:[adimst])")
# "... is not indicated, or who progressed on it": carriers treated before come in too, so a carrier is a question.
_OR_TREATED = re.compile(
    r"\b(?:progress\w*|fail\w*|intoleran\w*|refractory|resistan\w*|declin\w*|refus\w*|unless|except)\b", re.I)
_SYMBOLS = {"ROS-1": "ROS1", "C-MET": "MET", "CMET": "MET", "HER2": "ERBB2", "HER-2": "ERBB2", "ERBB-2": "ERBB2",
            "NRG-1": "NRG1"}


def directed_therapy_statements(sentence: str, section: str) -> list[Statement]:
    """Statements of a "<genes>-directed therapy is not indicated" sentence (an inclusion), or of "candidates for
    <genes>-targeted therapy" (an exclusion): the genes' actionable changes must be absent."""
    if _CUES.search(sentence) is None:
        return []  # most sentences
    sentence = names_as_symbols(sentence)  # "anaplastic lymphoma kinase (ALK) directed therapy"
    if not _may_say(sentence, section):
        return []
    pattern = NOT_INDICATED if section == "inclusion" else INDICATED
    match = pattern.search(sentence)
    if match is None and section == "inclusion":
        match = FOR_WHICH.search(sentence)
    if match is None:
        return []
    genes = _genes(next((g for g in match.groups() if g), ""))
    if not genes:
        return []
    rest = sentence[: match.start()] + " " + sentence[match.end():]
    if any(g in _genes(rest) for g in genes):
        return []  # "patients with EGFR mutation who are not candidates for EGFR TKI": carriers are meant
    vague = _OR_TREATED.search(rest) is not None
    atoms: list[dict[str, Any]] = []
    for gene in genes:
        atom: dict[str, Any] = {"t": "alt", "gene": gene, "kind": "actionable", "directed": True}
        if vague:
            atom["vague"] = True
        atoms.append(atom)
    return [Statement("-" if section == "inclusion" else "+", atoms)]


def _may_say(sentence: str, section: str) -> bool:
    """Substring tests every match needs (most sentences have none): a cue word, and in an inclusion a negation."""
    if _CUES.search(sentence) is None or (_THERAPY_WORD.search(sentence) is None and _AT_WORD.search(sentence) is None):
        return False
    lowered = sentence.lower()
    return section != "inclusion" or any(neg in lowered for neg in _NEGATIONS)


def _genes(text: str) -> list[str]:
    found: list[str] = []
    for m in _GENE_TOKEN.finditer(text):
        symbol = m.group(0).upper()
        for gene in vocab.expand_gene(_SYMBOLS.get(symbol, symbol)):
            if gene not in found:
                found.append(gene)
    return found
