"""One gene's changes listed with "or", another gene joined with "and", then a closing "negative" ("For non-squamous
NSCLC, EGFR sensitive mutation (exon 19 deletion or exon 21 L858R) and ALK fusion must be negative"). The "or" lists
one gene's changes (L858R is EGFR's), so it is no turn from a required change to genes said absent ("KRAS G12C or
EGFR/ALK negative", which stays a question): every listed change must be absent, and its carriers are excluded.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_EX20,
    EGFR_L858R,
    KRAS_G12C,
    NO_DRIVER,
    ROS1,
    UNTESTED,
    inc,
    patient,
    verdict,
)

LISTS = [
    ("For non-squamous NSCLC, EGFR sensitive mutation (exon 19 deletion or exon 21 L858R) and ALK fusion must be "
     "negative (by tissue NGS or PCR); squamous cell carcinoma is not required to be tested.", (EGFR_19, ALK)),
    ("EGFR exon 19 deletion or L858R and ROS1 rearrangement must be negative", (EGFR_L858R, ROS1)),
    ("EGFR sensitising mutations (19del or L858R) and ALK/ROS1 fusions are required to be negative",
     (EGFR_19, ALK, ROS1)),
    ("Patients whose EGFR exon 19 deletion or exon 21 L858R and ALK translocation are confirmed negative",
     (EGFR_L858R, ALK)),
    ("KRAS G12C or G12D and ALK fusion must be negative", (KRAS_G12C, ALK)),
    ("Tumour EGFR ex19del or L858R and ROS1 fusion should be negative by local testing", (EGFR_19, ROS1)),
]


@pytest.mark.parametrize(("line", "carriers"), LISTS)
def test_one_genes_or_list_then_another_gene_then_negative(line: str, carriers: tuple) -> None:
    text = inc(line)
    for carrier in carriers:
        assert verdict(text, carrier) == "excluded", carrier
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, UNTESTED) == "unknown"


def test_an_unlisted_change_of_the_gene_passes() -> None:
    text = inc("EGFR exon 19 deletion or L858R and ALK fusion must be negative")
    assert verdict(text, EGFR_EX20) == "eligible"


def test_histology_conditioned_rule_with_unknown_histology_is_a_question() -> None:
    # The rule binds non-squamous NSCLC only: a carrier whose histology is not given may be outside it.
    text = inc("For non-squamous NSCLC, EGFR exon 19 deletion or L858R and ALK fusion must be negative")
    assert verdict(text, patient("EGFR:exon 19 deletion", histology="nsclc-nos")) == "unknown"
    assert verdict(text, patient("EGFR:exon 19 deletion", histology="squamous")) == "eligible"


@pytest.mark.parametrize("line", [
    "KRAS G12C mutation or EGFR/ALK negative",
    "KRAS G12C or G12D mutation, or EGFR and ALK negative",
])
def test_a_turn_from_a_change_to_genes_said_absent_stays_a_question(line: str) -> None:
    # Near-miss: the "or" turns from a required change to other genes said absent.
    text = inc(line)
    assert verdict(text, EGFR_19) == "unknown"
    assert verdict(text, NO_DRIVER) == "eligible"


@pytest.mark.parametrize("line", [
    "EGFR mutation and ALK fusion are required to be negative",
    "EGFR, ALK and ROS1 are required to be negative by tissue testing",
    "The EGFR gene is required to be wild-type and ALK must be negative",
])
def test_required_to_be_negative_says_absent(line: str) -> None:
    # "are required to be negative" was read upside down: the genes were asked for.
    text = inc(line)
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, NO_DRIVER) == "eligible"


@pytest.mark.parametrize("line", [
    "EGFR and ALK must be tested",
    "EGFR, ALK and ROS1 are required to be tested before enrolment",
    "ROS1 and RET should have been evaluated by NGS",
    "EGFR/ALK status needs to be assessed locally",
    "KRAS and BRAF have to be determined on tumour tissue",
    "EGFR and ALK shall be analysed at screening",
])
def test_a_test_that_must_be_done_is_no_finding(line: str) -> None:
    # Read as a finding, "must be tested" asked every patient for one of the genes (a false exclusion).
    text = inc(line)
    for profile in (KRAS_G12C, NO_DRIVER, EGFR_19, ALK):
        assert verdict(text, profile) != "excluded", profile


def test_a_test_with_its_result_is_a_finding() -> None:
    # Near-miss: a result follows the test.
    text = inc("EGFR and ALK must be tested negative")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"
