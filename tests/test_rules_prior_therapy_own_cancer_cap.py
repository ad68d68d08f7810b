"""'More than one prior line of cytotoxic chemotherapy for SCLC' in a trial for SCLC only: "for SCLC" is the trial's own
cancer, not another group of patients. Read as a condition, the cap bound nobody and every pretreated profile passed
it; per dimension, the cap counts the patient's lines."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

SCLC = {"title": "Drug X versus topotecan in small cell lung cancer after one platinum line",
        "conditions": ["Small Cell Lung Cancer"]}
BASKET = {"title": "Drug X in advanced solid tumours (NSCLC, SCLC, mesothelioma)",
          "conditions": ["Non-small Cell Lung Cancer", "Small Cell Lung Cancer"]}


def had(lines: int, *drugs: str) -> dict[str, Any]:
    return {"prior_therapies": ["carboplatin", "etoposide", *drugs], "prior_lines": lines}


CAPS = [
    ("More than two prior lines of systemic therapy for SCLC.", had(3, "docetaxel", "atezolizumab")),
    ("Received more than 2 prior regimens for small cell lung cancer", had(3, "lurbinectedin", "irinotecan")),
    ("Has received > 1 prior line of therapy for extensive-stage SCLC", had(2, "topotecan")),
    ("More than one previous line of systemic treatment for ES-SCLC.", had(2, "paclitaxel")),
    ("Patients who have had more than two lines of treatment for SCLC", had(3, "docetaxel", "durvalumab")),
    ("More than 3 prior systemic regimens for small-cell lung cancer.", had(4, "docetaxel", "gemcitabine")),
]


@pytest.mark.parametrize(("sentence", "patient"), CAPS)
def test_the_cap_counts_the_patients_lines_in_an_own_cancer_trial(sentence: str, patient: dict[str, Any]) -> None:
    assert prior_verdict(patient, exclusion=[sentence], **SCLC) == "excluded"


@pytest.mark.parametrize(("sentence", "patient"), CAPS)
def test_one_line_is_within_it(sentence: str, patient: dict[str, Any]) -> None:
    assert prior_verdict(had(1), exclusion=[sentence], **SCLC) == "eligible"


# Near-misses: a basket that names NSCLC beside SCLC keeps "for SCLC" as another group's rule, and a chemotherapy-only
# cap stays a question when the line structure is not told.
@pytest.mark.parametrize(("sentence", "patient", "trial", "expected"), [
    ("More than two prior lines of systemic therapy for SCLC.", had(3, "docetaxel"), BASKET, "eligible"),
    ("More than one prior line of cytotoxic chemotherapy for SCLC.", had(2, "docetaxel"), SCLC, "unknown"),
    ("More than one prior line of cytotoxic chemotherapy for SCLC.", had(1, "atezolizumab"), SCLC, "eligible"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], trial: dict[str, Any],
                                        expected: str) -> None:
    assert prior_verdict(patient, exclusion=[sentence], **trial) == expected
