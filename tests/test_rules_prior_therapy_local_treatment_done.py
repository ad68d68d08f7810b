"""An inclusion asking that every site of disease was already treated locally: "Completion of locally ablative therapy
(surgery, SBRT, ...) to all known sites of disease", "must have completed local consolidative therapy to all metastatic
sites". A profile lists systemic drugs, never local treatment, so it is a question for every patient (unknown), never an
exclusion. Read as nothing, every patient was let through (set U, 9 verdicts).

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

PATIENTS = [
    {"prior_therapies": [], "prior_lines": 0},
    {"prior_therapies": ["osimertinib"], "prior_lines": 1},
    {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1},
]

SENTENCES = [
    "Completion of locally ablative therapy (surgery, SBRT, or radiofrequency ablation) to all known sites of disease. "
    "Patients may have received systemic therapy before or with the ablative therapy.",
    "Must have completed local consolidative therapy (LCT) to all metastatic sites",
    "Has undergone definitive local treatment of all lesions (surgery or stereotactic radiotherapy)",
    "Completed radical radiotherapy or surgery to every site of disease",
    "Patients who completed local ablative treatment for each metastatic lesion can be enrolled",
    "Oligometastatic NSCLC (<= 5 lesions) after definitive locoregional therapy to all sites of disease",
]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("patient", PATIENTS)
def test_local_treatment_of_every_site_is_a_question(sentence: str, patient: dict[str, object]) -> None:
    assert prior_verdict(patient, [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", [
    "Definitive local therapy to all sites is planned after induction",  # still to come: the study's own plan
    "Prior local therapy to the primary tumour is allowed",  # an allowance, not every site
    "No prior radiotherapy to all sites of measurable disease",  # negated
])
def test_near_misses_set_no_question(sentence: str) -> None:
    assert prior_verdict(PATIENTS[0], [sentence]) == "eligible"


def test_near_miss_an_exclusion_elsewhere_still_excludes() -> None:
    inclusion = [SENTENCES[1], "No prior systemic therapy for metastatic disease"]
    assert prior_verdict(PATIENTS[1], inclusion) == "excluded"
