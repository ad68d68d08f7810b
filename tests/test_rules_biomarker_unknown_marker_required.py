"""A requirement, trial-wide or of a group, that the tumour carries a molecular feature the profile does not report:
a change of a gene the vocabulary does not know ("CCNE1 amplification", "a deleterious alteration in ATM"), a loss
("loss of PTEN"), a result ("CD38-positive", "SLFN11 expression by IHC"), a gene family's change ("another DNA damage
response gene") or a target's uptake on imaging ("PSMA uptake on PET"). Before, no rule was read from such a sentence,
so the trial set "no requirement" and took everyone. Now it is a question for every profile (`unknown`), never
`excluded` and never `eligible`.

The gene-shape test is the unknown-gene reader's (capitals and digits, no word of trial text), widened by the
vocabulary: a symbol that is part of a gene spelling the vocabulary lists ("RAS" of KRAS, "ROS" of ROS1) is a
family of genes it knows, not an unknown one.

Near-misses keep their verdict: lab and washout lines with capitals (ALT, AST, ANC, HIV, HBV, QTc, LVEF, CYP3A4),
"known BRCA-associated hereditary syndrome" among exclusions, tumour-type names, ECOG, a sample for testing, a
permission, a condition on carriers, FDG uptake (metabolism, no target).

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    KRAS_G12C,
    NO_DRIVER,
    UNTESTED,
    exc,
    inc,
    verdict,
)

from trialmatch.criteria.rules.biomarker.unknown_genes import unknown_marker_asked

ASKED = [
    "Tumour carries a pathogenic alteration in PALB2, RAD51C or another homologous recombination repair gene",
    "CDK4 amplification (copy number >= 6) detected in archival tumour",
    "Documented loss of PTEN protein by immunohistochemistry",
    "Tumour must be CD70-positive on central review",
    "SLFN11 expression by IHC (H-score of at least 40)",
    "Biallelic inactivation of ARID1A confirmed by next-generation sequencing",
    "Participants must have a tumour with documented NOTCH1 truncating mutation",
    "Positive for SSTR2 on somatostatin receptor imaging",
    "At least one lesion with FAP uptake on FAPI PET/CT above liver background",
    "Tumours harbouring a deleterious mutation in a DNA damage repair gene (e.g. ATR, CHEK2)",
    "ATM-deficient tumour as shown by loss of ATM protein",
]


@pytest.mark.parametrize("sentence", ASKED)
def test_an_unreported_feature_asked_for_is_a_question(sentence: str) -> None:
    text = inc(sentence)
    for profile in (NO_DRIVER, UNTESTED, EGFR_19, KRAS_G12C, ALK):
        assert verdict(text, profile) == "unknown", (sentence, profile)


def test_beside_a_known_rule_it_stays_a_question() -> None:
    text = inc("Stage IV NSCLC", "Tumour harbours a CCNE1 amplification")
    assert verdict(text, EGFR_19) == "unknown"


@pytest.mark.parametrize("sentence", [
    "ALT and AST <= 2.5 x ULN; ANC >= 1.5 x 10^9/L",
    "HIV-positive participants are eligible if CD4 count is at least 350 cells/uL",
    "HBV DNA undetectable and HCV antibody negative",
    "QTcF <= 470 ms and LVEF >= 50%",
    "Washout of strong CYP3A4 inhibitors for at least 14 days before the first dose",
    "ECOG performance status of 0 or 1",
    "Histologically confirmed NSCLC, SCLC or mesothelioma",
    "Tissue must be available for CCNE1 amplification testing",
    "Patients with or without CDK12 alterations may enrol",
    "Patients with an ATM mutation must have received a prior PARP inhibitor",
    "At least one FDG-avid measurable lesion on PET",
    "Tumour with RAS or RAF mutations or alterations",
    "CD4+ T-cell count of at least 200 cells/uL",
    "No clinically significant ECG alterations at screening",
])
def test_near_misses_ask_nothing(sentence: str) -> None:
    assert unknown_marker_asked(sentence) is None
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"


@pytest.mark.parametrize("sentence", [
    # Routing to a module by marker is no requirement: every patient has a module.
    "Module allocation is based on biomarker status: biomarker-matched group (e.g. ATM alteration, CDK12 loss) or "
    "non-matched group (no such alteration)",
])
def test_routing_is_no_requirement(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"


def test_an_exclusion_is_not_read_as_a_requirement() -> None:
    text = inc("ECOG 0-1") + "\n\n" + exc("Known BRCA-associated hereditary cancer syndrome")
    assert verdict(text, NO_DRIVER) == "eligible"
