"""A bracketed note that testing is required, after a list of genes ruled out or asked for ("No mutations in the
following genes: EGFR, ALK (testing required)"), says how the finding is known. It keeps the rule (carriers are
excluded, other drivers pass) and makes an untested tumour a question. Before, the test word in the bracket joined the
gene list, which was read as a test mention: the whole rule vanished and everyone was eligible.

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
    RET,
    ROS1,
    UNTESTED,
    exc,
    inc,
    verdict,
)

# (sentence, carriers it excludes, profiles it lets through)
RULED_OUT = [
    ("No mutations in the following genes: EGFR, ALK (testing required)", (EGFR_19, ALK), (NO_DRIVER, KRAS_G12C)),
    ("Absence of alterations in these genes: ROS1, BRAF, RET (local NGS testing mandatory)",
     (ROS1, BRAF_V600E, RET), (NO_DRIVER, EGFR_L858R)),
    ("No EGFR, ROS1 or BRAF alterations (tissue testing required)", (EGFR_19, ROS1, BRAF_V600E), (NO_DRIVER, ALK)),
    ("Tumour must be EGFR and ALK wild-type (central testing is required)", (EGFR_L858R, ALK), (NO_DRIVER, NRG1)),
    ("Without activating mutations in any of the following genes: EGFR, BRAF (test results required)",
     (EGFR_19, BRAF_V600E), (NO_DRIVER, KRAS_G12C)),
    ("No rearrangements in the following genes: ALK, ROS1, RET (testing needed for all patients)",
     (ALK, ROS1, RET), (NO_DRIVER, EGFR_19)),
    ("Negative for EGFR mutation and ALK fusion (testing mandatory)", (EGFR_L858R, ALK), (NO_DRIVER, ROS1)),
]


@pytest.mark.parametrize(("sentence", "carriers", "others"), RULED_OUT)
def test_rule_kept_and_untested_asked(sentence: str, carriers: tuple, others: tuple) -> None:
    text = inc("Stage IV NSCLC", sentence)
    for profile in carriers:
        assert verdict(text, profile) == "excluded", profile
    for profile in others:
        assert verdict(text, profile) == "eligible", profile
    assert verdict(text, UNTESTED) == "unknown"


def test_known_head_with_testing_required_asks_the_untested() -> None:
    # "no known" alone lets an untested tumour pass; a note that testing is required takes that back
    text = inc("No known mutations in the following genes: EGFR, ALK (testing required)")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, UNTESTED) == "unknown"


def test_exclusion_known_list_with_testing_required_asks_the_untested() -> None:
    text = exc("Known mutations in any of the following genes: EGFR, ALK, ROS1 (testing required)")
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, UNTESTED) == "unknown"


def test_near_miss_without_note_unchanged() -> None:
    text = inc("No known mutations in the following genes: EGFR, ALK")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, UNTESTED) == "eligible"


def test_near_miss_required_marker_with_assay_note_unchanged() -> None:
    text = inc("Documented activating EGFR mutation (testing by an approved assay)")
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"


def test_near_miss_bare_genes_with_note_set_no_rule() -> None:
    # no change is said of the genes: "EGFR and ALK (testing required)" is about the test, not a finding
    text = inc("EGFR and ALK (testing required)")
    assert verdict(text, KRAS_G12C) != "excluded"
    assert verdict(text, NO_DRIVER) != "excluded"
