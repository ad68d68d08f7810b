"""An inclusion that rules out known changes in a list of genes opened by a head ("No known mutations in the following
genes: EGFR, ALK", "absence of known alterations in these genes: ...") excludes carriers; a tumour with no driver, or
never tested, passes. Before, the colon between the head and the genes cut the negation off, so the genes were read
as REQUIRED: no-driver patients were excluded and EGFR carriers eligible.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    EGFR_L858R,
    KRAS_G12C,
    NO_DRIVER,
    NRG1,
    ROS1,
    UNTESTED,
    exc,
    inc,
    verdict,
)

# (sentence, carriers it excludes, profiles it lets through)
CASES = [
    ("No known mutations in the following genes: EGFR, ALK", (EGFR_19, ALK), (NO_DRIVER, KRAS_G12C, ROS1)),
    ("Absence of known activating mutations in the following genes: EGFR, ALK, ROS1",
     (EGFR_L858R, ALK, ROS1), (NO_DRIVER, KRAS_G12C, NRG1)),
    ("Patients without known sensitising alterations in these genes: EGFR, ROS1", (EGFR_19, ROS1),
     (NO_DRIVER, BRAF_V600E, ALK)),
    ("Tumour must have no known mutations in the following genes: EGFR or ALK", (EGFR_L858R, ALK),
     (NO_DRIVER, NRG1)),
    ("No known genomic alterations in the following genes: ALK, ROS1, BRAF", (ALK, ROS1, BRAF_V600E),
     (NO_DRIVER, EGFR_19, KRAS_G12C)),
    ("Without any known rearrangements in the following genes: ALK, ROS1", (ALK, ROS1), (NO_DRIVER, EGFR_19)),
    ("No known mutations affecting these genes: EGFR, BRAF", (EGFR_19, BRAF_V600E), (NO_DRIVER, ALK)),
]


@pytest.mark.parametrize(("sentence", "carriers", "others"), CASES)
def test_listed_genes_are_ruled_out_and_untested_passes(sentence: str, carriers: tuple, others: tuple) -> None:
    text = inc("Stage IV non-squamous NSCLC", sentence)
    for profile in carriers:
        assert verdict(text, profile) == "excluded", profile
    for profile in others:
        assert verdict(text, profile) == "eligible", profile
    assert verdict(text, UNTESTED) == "eligible"  # "no known": nothing known is enough


def test_plain_negation_head_still_asks_for_a_test() -> None:
    # without "known" the list must be negative: an untested tumour is a question
    text = inc("No mutations in the following genes: EGFR, ALK")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, UNTESTED) == "unknown"


def test_driver_class_head_never_requires_the_genes() -> None:
    text = inc("No documented driver alteration in any of the following genes: EGFR, ALK, ROS1, BRAF")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, KRAS_G12C) != "excluded"


def test_near_miss_known_list_in_inclusion_is_a_requirement() -> None:
    text = inc("Known activating mutation in one of the following genes: EGFR, ALK")
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, ALK) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"


def test_near_miss_known_list_in_exclusion_excludes_carriers_only() -> None:
    text = exc("Known mutations in the following genes: EGFR, ALK")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, UNTESTED) == "eligible"


def test_near_miss_inline_no_known_list_unchanged() -> None:
    text = inc("No known EGFR, ALK or ROS1 alteration")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, UNTESTED) == "eligible"
