"""A tumour change of a gene the vocabulary does not know ("Arm C: SMO or PTCH1 mutation", "CCNE1 amplification",
"a deleterious alteration in ATM, CDK12 or another DNA damage response gene", "PSMA uptake on PET"). No marker rule is
read from it, so the sentence set no rule at all and let everyone in. A patient qualifies only if the tumour has that
change, which no profile lists: a question for everyone (unknown), never a bar and never an open door.

Only a gene-like symbol (capitals and digits, the shape of the vocabulary's own symbols) beside a word of change or
of a result counts, and only when the sentence gave no marker rule of its own; common capitalised words of the trial
text (NSCLC, ECOG, TKI, IHC, ALT, ANC) and the stains that type a histology (TTF1, CK7) are not genes. A protein
named with a hyphen ("PD-L2", "B7-H4") counts as a measured result only ("PD-L2 expression >= 1% by IHC").
"""

from __future__ import annotations

import re
from functools import lru_cache

from trialmatch.criteria.rules import marker_vocab as vocab
from trialmatch.criteria.rules.biomarker.cues import normalise, unlisted_waived
from trialmatch.criteria.rules.biomarker.phrases import names_marker

# A gene-like symbol: the shape of the vocabulary's symbols (EGFR, SMARCA4, NTRK1), no hyphenated lab code after it.
_GENE_CORE = r"[A-Z][A-Z0-9]{2,7}"
_GENE_SHAPE = rf"{_GENE_CORE}(?![\w\-])"
_CHANGE = (r"(?:mutations?|mutated|mutant|altered|deficien(?:t|cy)|fusions?|rearrangements?|alterations?"
           r"|amplifications?|amplified|deletions?|deleted|loss(?:-of-function)?|variants?|insertions?|inactivating"
           r"|inactivation)\b")
_SYMBOL = re.compile(
    rf"(?<![\w\-/])(?P<name>{_GENE_SHAPE})"
    rf"(?=(?P<rest>(?:\s*(?:/|,|or|and|and/or)\s*{_GENE_SHAPE})*\s+(?:[\w\-]+\s+){{0,2}}?{_CHANGE}))",
)
# "a deleterious alteration in ATM", "loss of PTEN", "amplification of CCNE1", "mutations in one of: ATM, PALB2".
_CHANGE_OF = re.compile(
    r"(?i:\b(?:mutations?|alterations?|amplifications?|deletions?|loss|fusions?|rearrangements?|variants?"
    r"|inactivation|over-?expression)\s+(?:in|of|affecting|involving|within)\s+)"
    rf"(?:[a-z][a-z\-]*\s+|:\s*){{0,5}}?(?P<name>{_GENE_SHAPE})",
)
# A protein named with a hyphen before its number ("PD-L2", "B7-H4", "SIRP-A1"): no gene symbol has that shape, but a
# target's name does. Only as a measured result (below); a bare number after the hyphen is no such name ("TTF-1").
_HYPHEN_PROTEIN = r"[A-Z][A-Z0-9]{0,3}-[A-Z]{1,2}\d{1,2}(?![\w\-])"
# Where the protein is measured, between its name and "expression" / "staining": "AXL membrane expression", "CD47
# cell-surface expression", "GPNMB protein expression", "SEZ6 membranous staining".
_WHERE = r"(?:(?:\s+|-)(?i:membran\w*|(?:cell[\s-]+)?surface|protein|cytoplasmic|tumou?r(?:[\s-]+cell)?))?"
# "CD38-positive", "positive for CDX2", "SLFN11 expression by IHC (H-score >= 50)", "FOLH1 overexpression", "AXL
# membrane expression (TmPS >= 1%)", "SEZ6 staining in >= 1% of tumour cells": a result. An expression or staining
# counts with a score, a level or the test beside it (a sample "for CD47 expression analysis" is waived below).
# Not a blood cell count or an immune cell ("CD4+ T-cell count >= 200", "CD8-positive lymphocytes").
_RESULT = re.compile(
    rf"(?<![\w\-/])(?P<name>{_GENE_CORE}|{_HYPHEN_PROTEIN}){_WHERE}(?:(?:\s+|-)(?i:positiv\w*|over-?express\w*"
    r"|mutant|mutated|altered|amplified|deleted|deficient|null|(?:express\w*|stain\w*)(?=[^.;]{0,40}?(?:\bIHC\b"
    r"|immunohisto|H-?score|T[mP]PS|≥|>=|>|%|positiv|\bhigh\b|\b[123]\+)))|\+(?!\w))"
    r"(?!\s*(?i:T[\s-]?cells?|cells?|lymphocytes?|counts?|T[\s-]?lymph))"
    rf"|(?i:\bpositive\s+for\s+|\b(?:over-?)?express(?:es|ing)?\s+|\bexpression\s+of\s+)(?P<name2>{_GENE_SHAPE})"
    # "high AXL expression", "elevated CD47 membrane expression": the level is before the name
    rf"|(?i:\b(?:high|elevated|strong|positive)\s+)(?P<name3>{_GENE_CORE}|{_HYPHEN_PROTEIN}){_WHERE}(?:\s+|-)"
    r"(?i:express\w*|stain\w*)",
)
# "PSMA uptake on PET", "avid on SSTR PET/CT", "FAP-avid lesions": a target seen on imaging, a marker of its own.
_UPTAKE = re.compile(r"(?i:\b(?:uptake|avid\w*)\b)[^.;]{0,60}?(?i:\b(?:PET|SPECT|scintigraph\w*|imaging|scan)\b)"
                     r"|(?i:\b(?:PET|SPECT|imaging|scan))[^.;]{0,40}?(?i:\b(?:uptake|avid\w*)\b)")
_ANY_SYMBOL = re.compile(rf"(?<![\w\-/])(?P<name>{_GENE_SHAPE})")
# The target of a tracer's name: "68Ga-FAP-2286", "[68Ga]Ga-PSMA-11", "64Cu-SAR-bisPSMA", "FAPI-46", "18F-DCFPyL":
# a radionuclide before, or a compound number after, the target. The gene shape above refuses the hyphens.
_TRACER = re.compile(
    r"(?:\[?\b\d{2,3}\s?(?:Ga|F|Cu|Zr|In|Tc|Lu|I)\]?(?:Ga|Cu|Zr)?-)(?P<name>[A-Z][A-Za-z0-9]{1,10})(?![a-z])"
    r"|(?<![\w\-/])(?P<name2>[A-Z][A-Z0-9]{1,7})-\d{1,5}\b"
)
# "another DNA damage response gene", "a homologous recombination repair (HRR) gene mutation": a gene family.
_FAMILY = re.compile(
    r"\b(?:DNA[\s-]+damage[\s-]+(?:response|repair)|DDR|homologous[\s-]+recombination(?:[\s-]+repair)?|HRR)"
    r"(?:\s*\([A-Z]+\))?(?:\s+pathway)?\s+genes?\b",
    re.I,
)
_FAMILY_CHANGE = re.compile(r"\b(?:mutat|alteration|variant|deleterious|pathogenic|loss|deficien)", re.I)
# Capitalised words of trial text that are no gene (tests, labs, scales, viruses, tracers of metabolism).
_NOT_GENES = frozenset(
    "NSCLC SCLC TKI TKIS IHC FISH NGS PCR DNA RNA ECOG CNS HIV HBV HCV LVEF QTC FDA EMA WHO AJCC TNM RECIST MRI PET "
    "TPS CPS TMB MSI MMR HLA ADC AND NOT WITH ANY ALL THE CTDNA CFDNA ORR PFS DLT MTD RP2D SOC AGA AGAS LOF GOF "
    "IIIA IIIB IIIC IVA IVB ALT AST ANC ULN INR APTT GFR CRCL LDH FDG SPECT COVID SARS NOS AIDS HBSAG ECG EKG CTCAE "
    "NCI CLIA CAP FFPE IRB WBC PLT HGB KPS TTF1 CK5 CK7 CK20".split())


@lru_cache(maxsize=1024)  # a symbol, not a sentence: the same few recur in every trial, and normalise is not cheap
def _gene_like(name: str) -> bool:
    """A symbol of gene shape that is no common word of trial text, no marker the vocabulary reads itself and no
    family or short form of its genes ("RAS or RAF mutations", "EGFR, ALK, ROS, MET alterations")."""
    if "-" in name:  # "PD-L2", "B7-H4": its prefix is no common word, and unhyphenated it is no known marker
        return name.split("-")[0].upper() not in _NOT_GENES and name.upper() != "PD-L1" and _gene_like(
            name.replace("-", ""))
    return (name.upper() not in _NOT_GENES and not names_marker(normalise(name))
            and not vocab.part_of_gene_name(name))


def unknown_gene_asked(sentence: str) -> str | None:
    """The change of a gene-like name the sentence asks for, when the vocabulary knows no marker by it; else None."""
    for match in _SYMBOL.finditer(sentence):
        listed = [match.group("name"), *_ANY_SYMBOL.findall(match.group("rest"))]
        if all(_gene_like(name) for name in listed):  # a list with a known gene in it is the vocabulary's to read
            return f"{match.group('name')}{match.group('rest')}"  # "SMO or PTCH1 mutation": the change asked for
    return None


def _tracer_targets(sentence: str) -> list[str]:
    """The targets named by tracers ("68Ga-FAP-2286" -> FAP); not FDG or another tracer of metabolism."""
    names = [m.group("name") or m.group("name2") for m in _TRACER.finditer(sentence)]
    return [name for name in names if name.upper() not in _NOT_GENES and name.upper() not in _METABOLIC]


# Tracers of metabolism or blood flow, no target: fluorodeoxyglucose, thymidine, choline, methionine, water.
_METABOLIC = frozenset("FDG FLT FCH FET FMISO CHOLINE MET H2O".split())


# "Patients with an ATM mutation must have received a PARP inhibitor": what carriers must also meet, not a change
# asked of everyone.
_CARRIER_MODAL = re.compile(
    r"\b(?:patients|participants|subjects|people|individuals|those)\s+(?:with|whose|harbou?ring|carrying)\b"
    r"[^.;]{0,200}?\b(?:must|should|shall|needs?\s+to|are\s+required\s+to)\b",
    re.I,
)


def _condition_on_carriers(sentence: str, found: str) -> bool:
    """Is the change named before the modal of a rule on its carriers?"""
    modal = _CARRIER_MODAL.search(sentence)
    if modal is None:
        return False
    symbol = _ANY_SYMBOL.search(found)
    return 0 <= sentence.find(symbol.group(0) if symbol else found) < modal.end()


# Every name the patterns above can take: the gene shape at a word start with no word character after it (_SYMBOL,
# _CHANGE_OF, _ANY_SYMBOL and _RESULT's name2 also bar a hyphen after it; _RESULT's name is followed by a space, a
# hyphen or "+"). A superset, so a sentence without a gene-like one among them has no finding but a gene family's.
_CANDIDATE = re.compile(rf"(?<![\w\-/])(?:{_GENE_CORE}(?!\w)|{_HYPHEN_PROTEIN})")


def _may_ask(sentence: str) -> bool:
    """Could unknown_marker_asked find anything here? Every finding but a gene family's (which needs _FAMILY_CHANGE)
    or a tracer's target (which needs _TRACER and _UPTAKE) is a gene-like name. Asked of every inclusion sentence
    without a marker rule, where most name none, so the five scans below are skipped."""
    return (any(_gene_like(name) for name in _CANDIDATE.findall(sentence))
            or _FAMILY_CHANGE.search(sentence) is not None
            or (_TRACER.search(sentence) is not None and _UPTAKE.search(sentence) is not None))  # "68Ga-FAP-2286"


def unknown_marker_asked(sentence: str) -> str | None:
    """A tumour feature the sentence asks for that no profile lists: a change or result of a gene the vocabulary does
    not know, a gene family's change, or a target's uptake on imaging. None when the sentence waives it (a test, a
    sample, a permission, another cancer's way in)."""
    return _asked(sentence) if _may_ask(sentence) else None


def _asked(sentence: str) -> str | None:
    """unknown_marker_asked without its gate."""
    found = unknown_gene_asked(sentence)
    if found is None:
        for pattern in (_CHANGE_OF, _RESULT):
            for match in pattern.finditer(sentence):
                name = (match.group("name") or match.group("name2") or match.group("name3") if pattern is _RESULT
                        else match.group("name"))
                if _gene_like(name):
                    found = match.group(0).strip()
                    break
            if found:
                break
    if found is None and _FAMILY_CHANGE.search(sentence):
        family = _FAMILY.search(sentence)
        found = family.group(0) if family else None
    if found is None:
        uptake = _UPTAKE.search(sentence)
        if uptake:
            names = [m.group("name") for m in _ANY_SYMBOL.finditer(sentence) if _gene_like(m.group("name"))]
            names = names or _tracer_targets(sentence)
            found = f"{names[0]} uptake on imaging" if names else None
    if found is None or unlisted_waived(sentence) or _condition_on_carriers(sentence, found):
        return None
    return " ".join(found.split())
