"""An arm's exception after a requirement ("Exception: for Arm A, patients with EGFR T790M mutation who progressed on a
prior 1st or 2nd generation EGFR TKI are eligible regardless of prior chemotherapy") lets that arm's marker carriers in
after the drug it names, instead of the requirement. It no longer makes the requirement that arm's own rule (which left
the other arms with no rule, so everyone was eligible): a patient without the marker, or with it but without the drug,
still needs what the requirement asks.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict


def _patient(drugs: list[str], gene: str = "", alteration: str = "") -> dict[str, object]:
    markers = [{"gene": gene, "alteration": alteration}] if gene else []
    return {"prior_therapies": drugs, "prior_lines": 1 if drugs else 0, "biomarkers": markers,
            "tested_negative": [g for g in ("EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET") if g != gene]}


T790M = {"gene": "EGFR", "alteration": "T790M"}

# (bullet, a carrier who had the exception's drug and nothing the requirement asks, a patient the requirement admits,
#  a drug the requirement does not take)
CASES = [
    ("Disease progression after at least one platinum-based doublet for advanced disease. Exception: for Arm A, "
     "patients with EGFR T790M mutation who progressed on a prior 1st or 2nd generation EGFR TKI are eligible "
     "regardless of prior chemotherapy.", (["gefitinib"], "EGFR", "T790M"), ["carboplatin", "pemetrexed"]),
    ("Must have progressed after platinum chemotherapy. However, for Cohort B, participants with ALK rearrangement "
     "who progressed on crizotinib are eligible irrespective of prior chemotherapy.",
     (["crizotinib"], "ALK", "fusion"), ["cisplatin", "gemcitabine"]),
    ("Prior treatment with a platinum-containing regimen is required; for Arm 2, subjects harbouring a ROS1 fusion "
     "that progressed on entrectinib are also eligible regardless of previous chemotherapy.",
     (["entrectinib"], "ROS1", "fusion"), ["carboplatin", "paclitaxel"]),
    ("At least one prior line of platinum-based chemotherapy. Exception: for Part C, patients with a RET fusion who "
     "received selpercatinib are eligible regardless of prior platinum therapy.",
     (["selpercatinib"], "RET", "fusion"), ["carboplatin", "etoposide"]),
    ("Progression on or after platinum doublet chemotherapy. Exception: for Group 1, patients with EGFR exon 19 "
     "deletion who progressed on erlotinib or afatinib are eligible regardless of prior chemotherapy.",
     (["afatinib"], "EGFR", "exon 19 deletion"), ["cisplatin", "pemetrexed"]),
    ("Patients must have received platinum-based chemotherapy for metastatic disease. Exception: for Arm D, "
     "patients with BRAF V600E mutation who progressed on dabrafenib are eligible regardless of prior chemotherapy.",
     (["dabrafenib", "trametinib"], "BRAF", "V600E"), ["carboplatin", "pemetrexed"]),
]


@pytest.mark.parametrize(("bullet", "carrier", "admitted"), CASES)
def test_carrier_after_the_named_drug_comes_in(bullet: str, carrier: tuple, admitted: list[str]) -> None:
    drugs, gene, alteration = carrier
    assert prior_verdict(_patient(drugs, gene, alteration), [bullet]) == "eligible"
    assert prior_verdict(_patient(admitted), [bullet]) == "eligible"


@pytest.mark.parametrize(("bullet", "carrier", "admitted"), CASES)
def test_everyone_else_still_needs_the_requirement(bullet: str, carrier: tuple, admitted: list[str]) -> None:
    drugs, gene, alteration = carrier
    assert prior_verdict(_patient([]), [bullet]) == "excluded"  # untreated, no marker
    assert prior_verdict(_patient(drugs), [bullet]) == "excluded"  # the drug without the marker
    assert prior_verdict(_patient([], gene, alteration), [bullet]) == "excluded"  # the marker without the drug


def test_another_egfr_finding_is_not_the_arms() -> None:
    bullet = CASES[0][0]
    assert prior_verdict(_patient(["gefitinib"], "EGFR", "exon 19 deletion"), [bullet]) == "excluded"


def test_near_miss_plain_arm_heading_keeps_its_scope() -> None:
    # a rule written for one arm only (no exception) stays that arm's: the other arms are a way in
    bullet = "For Arm B: at least one prior platinum-based chemotherapy regimen."
    assert prior_verdict(_patient([]), [bullet]) != "excluded"
