"""A waiver that names PD-L1 alone ("Provide tissue for PD-L1 testing (a PD-L1 result is not required for
enrolment)") waives the PD-L1 test only. A gene rule elsewhere ("No sensitizing EGFR mutation, ALK translocation
or ROS1 rearrangement, as documented by local testing") still wants its test: an untested patient is a question,
not eligible. A waiver that names genes, or no marker at all beside its test words, is read as before.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, NO_DRIVER, UNTESTED, inc, verdict

GENE_RULES = [
    "No sensitizing EGFR mutation, ALK translocation or ROS1 rearrangement, as documented by local testing",
    "Tumour must be negative for EGFR mutations and ALK rearrangements",
    "Absence of EGFR-sensitising mutation and ALK fusion",
    "No known ALK fusion or EGFR activating mutation",
]

PDL1_WAIVERS = [
    "Provide an archival tumour sample for PD-L1 testing (PD-L1 result is not required for enrolment)",
    "Tissue must be submitted for PD-L1 testing; the PD-L1 result is not needed before randomisation",
    "PD-L1 testing is not mandatory at screening",
    "A PD-L1 test result is not required to enrol",
    "Patients without PD-L1 testing are eligible (PD-L1 testing is optional)",
    "PD-L1 expression testing not required",
]


@pytest.mark.parametrize("waiver", PDL1_WAIVERS)
def test_a_pdl1_waiver_leaves_a_gene_test_asked(waiver: str) -> None:
    text = inc(GENE_RULES[0], waiver)
    assert verdict(text, UNTESTED) == "unknown"
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, EGFR_19) == "excluded"


@pytest.mark.parametrize("rule", GENE_RULES[:3])
def test_each_gene_rule_beside_a_pdl1_waiver(rule: str) -> None:
    text = inc(rule, PDL1_WAIVERS[0])
    assert verdict(text, UNTESTED) == "unknown"
    assert verdict(text, ALK) == "excluded"


def test_no_known_change_needs_no_test_anyway() -> None:
    # Near-miss: "no known ..." is met by an untested tumour, waiver or not.
    text = inc(GENE_RULES[3], PDL1_WAIVERS[0])
    assert verdict(text, UNTESTED) == "eligible"
    assert verdict(text, ALK) == "excluded"


def test_a_gene_waiver_still_lets_the_untested_in() -> None:
    # Near-miss: the waiver names the genes, so the untested patient needs no result.
    text = inc(GENE_RULES[0], "EGFR and ALK testing is not required for enrolment")
    assert verdict(text, UNTESTED) == "eligible"
