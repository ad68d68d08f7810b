"""A group's way in named by a gene the vocabulary does not know ("Arm C: SMO or PTCH1 mutation", "Cohort 4: NF1
loss-of-function alteration"). No marker rule is read from it, so the group had no rule at all and let everyone in.
A patient may belong to it only if the tumour has that change, which no profile lists: a question for everyone
(unknown), never a bar and never an open door.

Only a gene-like symbol (capitals and digits) right before a word of change counts, and only when the sentence gave
no marker rule of its own; common capitalised words of the trial text (NSCLC, ECOG, TKI, IHC) are not genes.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.biomarker.cues import normalise
from trialmatch.criteria.rules.biomarker.phrases import names_marker

_SYMBOL = re.compile(
    r"(?<![\w\-/])(?P<name>[A-Z][A-Z0-9]{2,7})(?![\w\-])"
    r"(?=(?P<rest>(?:\s*(?:/|,|or|and|and/or)\s*[A-Z][A-Z0-9]{2,7}(?![\w\-]))*\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:mutations?|mutated|fusions?|rearrangements?|alterations?|amplifications?|deletions?|loss(?:-of-function)?"
    r"|variants?|insertions?|inactivating|inactivation)\b))",
)
# Capitalised words of trial text that are no gene.
_NOT_GENES = frozenset(
    "NSCLC SCLC TKI TKIS IHC FISH NGS PCR DNA RNA ECOG CNS HIV HBV HCV LVEF QTC FDA EMA WHO AJCC TNM RECIST MRI PET "
    "TPS CPS TMB MSI MMR HLA ADC AND NOT WITH ANY ALL THE CTDNA CFDNA ORR PFS DLT MTD RP2D SOC AGA AGAS LOF GOF "
    "IIIA IIIB IIIC IVA IVB".split())


def unknown_gene_asked(sentence: str) -> str | None:
    """The change of a gene-like name the sentence asks for, when the vocabulary knows no marker by it; else None."""
    for match in _SYMBOL.finditer(sentence):
        name = match.group("name")
        if name.upper() in _NOT_GENES or names_marker(normalise(name)):
            continue
        return f"{name}{match.group('rest')}"  # "SMO or PTCH1 mutation": the change the group asks for
    return None
