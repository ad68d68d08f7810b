"""Set O kind 1: a "must be negative" list read as a required marker. The polarity of a marker list is set once, by
its head, and holds for every item: a perfect tense ("have been tested and are negative:") does not change it, and a
noun inside an item ("ALK fusion oncogene", "KRAS oncogene mutation") does not end the list.

Every sentence is invented. Near-misses: a colon list under a positive head stays a requirement, and a lone item
with "oncogene" keeps its old reading.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    EGFR_EX20,
    EGFR_L858R,
    KRAS_G12C,
    KRAS_G12D,
    NO_DRIVER,
    RET,
    ROS1,
    exc,
    inc,
    verdict,
)

# ---- a lead-in whose colon opens the negated list, in any tense -------------------------------------------------

LEAD_INS = [
    "All of the following have been tested and are negative: EGFR mutation (exon 19 deletion or L858R), ALK fusion "
    "gene, ROS1 fusion gene and BRAF V600E mutation.",
    "For non-squamous histology, the following markers were tested and found negative: EGFR sensitising mutation, ALK "
    "rearrangement, ROS1 rearrangement, BRAF V600E.",
    "Each of the following has been assessed and is negative: EGFR exon 19 deletion or L858R, ALK fusion, ROS1 fusion.",
    "The genes below have been confirmed negative: EGFR (19del, L858R), ALK, ROS1 and BRAF V600E.",
    "Negative for the following: EGFR sensitizing mutation, ALK fusion oncogene, ROS1 rearrangement, or BRAF V600E.",
    "Tumour must be negative for all of the following: EGFR mutation, ALK translocation, ROS1 fusion and BRAF V600E.",
    "All of the following are negative: EGFR activating mutation, ALK gene fusion, ROS1 gene fusion, BRAF V600E.",
]


@pytest.mark.parametrize("sentence", LEAD_INS)
def test_negative_lead_in_bars_the_listed_drivers(sentence: str) -> None:
    for carrier in (EGFR_19, EGFR_L858R, ALK, ROS1):
        assert verdict(inc(sentence), carrier) == "excluded", carrier
    for other in (NO_DRIVER, KRAS_G12C, RET):
        assert verdict(inc(sentence), other) == "eligible", other


@pytest.mark.parametrize("sentence", LEAD_INS[:3])
def test_closed_sensitising_set_spares_exon20(sentence: str) -> None:
    assert verdict(inc(sentence), EGFR_EX20) == "eligible"


# ---- "have been tested negative" after the genes: the tense does not flip the list ------------------------------

TENSES = [
    "EGFR and ALK have been tested negative.",
    "EGFR, ALK and ROS1 have been tested and are negative.",
    "EGFR mutation and ALK fusion has been tested negative in the tumour.",
    "ALK and EGFR had been tested negative by NGS.",
    "EGFR and ALK were tested negative.",
    "EGFR/ALK have been confirmed negative.",
]


@pytest.mark.parametrize("sentence", TENSES)
def test_perfect_tense_keeps_negative(sentence: str) -> None:
    assert verdict(inc(sentence), EGFR_19) == "excluded"
    assert verdict(inc(sentence), ALK) == "excluded"
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"


# ---- "oncogene" inside a list item does not end the negation -----------------------------------------------------

ONCOGENE_LISTS = [
    "Absence of EGFR sensitizing mutation, anaplastic lymphoma kinase (ALK) fusion oncogene, BRAF V600E mutation, or "
    "ROS1 rearrangement",
    "Absence of ALK fusion oncogene, or ROS1 rearrangement, or BRAF V600E",
    "Absence of KRAS oncogene mutation or ALK fusion or ROS1 fusion or BRAF V600E",
    "No EGFR mutation, ALK fusion oncogene, ROS1 fusion or BRAF V600E mutation",
    "Without ALK oncogene rearrangement, ROS1 fusion oncogene or BRAF V600E",
    "Tumour free of ROS1 fusion oncogene, ALK fusion oncogene and BRAF V600E",
]


@pytest.mark.parametrize("sentence", ONCOGENE_LISTS)
def test_oncogene_noun_keeps_the_list_negated(sentence: str) -> None:
    for carrier in (ALK, ROS1, BRAF_V600E):
        assert verdict(inc(sentence), carrier) == "excluded", carrier
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"
    assert verdict(inc(sentence), RET) == "eligible"


def test_kras_oncogene_mutation_is_one_item() -> None:
    sentence = ONCOGENE_LISTS[2]
    assert verdict(inc(sentence), KRAS_G12D) == "excluded"


# ---- near-misses: a positive head stays a requirement; "oncogene" alone reads as before ---------------------------

def test_positive_colon_list_stays_required() -> None:
    sentence = "Tumour must harbour one of the following: EGFR exon 19 deletion, ALK fusion oncogene, or ROS1 fusion."
    assert verdict(inc(sentence), ALK) == "eligible"
    assert verdict(inc(sentence), ROS1) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"


def test_known_oncogene_list_in_exclusion_bars() -> None:
    sentence = "Known ALK fusion oncogene or ROS1 rearrangement"
    assert verdict(exc(sentence), ALK) == "excluded"
    assert verdict(exc(sentence), ROS1) == "excluded"
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"


def test_lone_oncogene_item_unchanged() -> None:
    assert verdict(inc("Absence of ALK fusion oncogene"), ALK) == "excluded"
    assert verdict(inc("Absence of ALK fusion oncogene"), ROS1) == "eligible"


def test_tested_without_result_is_not_negative() -> None:
    # a lead-in that says only "tested" asks no result: no carrier is barred by it
    sentence = "All of the following have been tested: EGFR, ALK, ROS1."
    assert verdict(inc(sentence), ALK) != "excluded"
