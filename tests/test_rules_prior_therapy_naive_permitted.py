"""Two readings of "naive" sentences. (1) A permission: "Patients may be treatment-naive", "can be either untreated
or previously treated": a state let in, no requirement (before, "treatment-naive" was a soft naive rule, unknown for
every treated patient). (2) "Patients with squamous or non-squamous NSCLC ... who received no prior systemic
treatment for metastatic NSCLC": both histologies name no subgroup, so the ban is firm (before, a histology read as a
condition the dimension cannot check made it a question)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
TKI: dict[str, Any] = {"prior_therapies": ["osimertinib"], "prior_lines": 1}
CHEMO_IO: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}


@pytest.mark.parametrize("text", [
    "Any number of prior therapies, including prior EGFR TKIs and chemotherapy, are allowed. Patients may be "
    "treatment-naive.",
    "Patients may be treatment naive (NSCLC)",
    "Participants can be either untreated or previously treated for metastatic disease",
    "Subjects could also be chemotherapy-naive",
    "Patients with prior lines of therapy are allowed; patients may also be systemic-naive",
    "Patients who may be previously untreated can be enrolled",
])
def test_naive_permitted_is_no_rule(text: str) -> None:
    for patient in (NAIVE, TKI, CHEMO_IO):
        assert prior_verdict(patient, [text]) == "eligible"


def test_naive_required_still_excludes() -> None:
    assert prior_verdict(TKI, ["Patients must be treatment-naive for advanced NSCLC"]) == "excluded"


@pytest.mark.parametrize("text", [
    "Patients with squamous or non-squamous NSCLC who received no prior systemic treatment for metastatic NSCLC",
    "Participants with non-squamous or squamous histology must be treatment-naive for advanced disease",
    "Subjects with squamous and non-squamous NSCLC (stage IV) with no previous systemic therapy for advanced disease",
    "Patients with squamous/non-squamous NSCLC who have received no prior systemic therapy for recurrent or "
    "metastatic NSCLC",
    "Patients with stage IIIB NSCLC who are not candidates for surgical resection or definitive chemoradiation, or "
    "stage IV, who received no prior systemic treatment for metastatic NSCLC",
    "Patients with squamous or non-squamous NSCLC, stage IIIC not amenable to radical treatment or stage IV, who are "
    "treatment-naive for metastatic disease",
])
def test_both_histologies_name_no_group(text: str) -> None:
    assert prior_verdict(NAIVE, [text]) == "eligible"
    assert prior_verdict(TKI, [text]) == "excluded"
    assert prior_verdict(CHEMO_IO, [text]) == "excluded"


def test_one_histology_is_still_a_group() -> None:
    text = "Patients with squamous NSCLC must have received no prior systemic treatment for metastatic NSCLC"
    assert prior_verdict(TKI, [text]) != "excluded"
