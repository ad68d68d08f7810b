"""'Solid tumor for which life-prolonging therapies do not exist or available therapies are intolerable or no longer
effective': standard therapy said without "standard" (life-prolonging / available / approved / effective). It set
no rule, so an untreated patient read eligible; standard first-line therapy exists for every stage IV NSCLC, so it
asks for earlier treatment, and "available therapies ... no longer effective" is every option used up (a question
after one line), not progression on one as a way in."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
ONE_TKI: dict[str, Any] = {"prior_therapies": ["osimertinib"], "prior_lines": 1}
THREE_LINES: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel",
                                                   "ramucirumab", "crizotinib"], "prior_lines": 3}

NO_LIFE_PROLONGING = [
    "Subjects with a solid tumor for which life-prolonging therapies do not exist or available therapies are "
    "intolerable or no longer effective.",
    "Advanced solid tumour (e.g. NSCLC) for which no life-prolonging therapy exists.",
    "Patients with a malignancy (NSCLC) for whom approved therapies are not available or are no longer effective.",
    "Effective therapies do not exist, or available treatments are intolerable.",
    "Advanced NSCLC for which established therapies are non-existent or have failed.",
    "Patients with solid tumors for whom available therapies are intolerable or no longer effective.",
]


@pytest.mark.parametrize("sentence", NO_LIFE_PROLONGING)
def test_untreated_patient_is_excluded(sentence: str) -> None:
    assert prior_verdict(NAIVE, inclusion=[sentence]) == "excluded"


@pytest.mark.parametrize("sentence", NO_LIFE_PROLONGING)
def test_treated_patients_are_never_excluded(sentence: str) -> None:
    assert prior_verdict(ONE_TKI, inclusion=[sentence]) != "excluded"
    assert prior_verdict(THREE_LINES, inclusion=[sentence]) != "excluded"


@pytest.mark.parametrize("sentence", NO_LIFE_PROLONGING[:1] + NO_LIFE_PROLONGING[2:3] + NO_LIFE_PROLONGING[5:])
def test_every_option_used_up_is_a_question_after_one_line(sentence: str) -> None:
    assert prior_verdict(ONE_TKI, inclusion=[sentence]) == "unknown"


# Under a part's heading beside another part that asks for earlier platinum: no part takes an untreated patient;
# the part's 3-line patient is in.
PARTS = [
    ("Dose-Escalation Cohorts: Subjects with a solid tumor for which life-prolonging therapies do not exist or "
     "available therapies are intolerable or no longer effective."),
    ("Expansion Cohort (NSCLC): progressed on or after one prior platinum-based chemotherapy and one prior "
     "anti-PD-(L)1 therapy."),
]
PARTS_2 = [
    "Part A1: advanced solid tumour (e.g. NSCLC) for which no life-prolonging therapy exists.",
    "Part B-2: patients who progressed after platinum doublet chemotherapy.",
]


@pytest.mark.parametrize("parts", [PARTS, PARTS_2])
def test_parts_under_headings(parts: list[str]) -> None:
    assert prior_verdict(NAIVE, inclusion=parts) == "excluded"
    assert prior_verdict(THREE_LINES, inclusion=parts) == "eligible"


# Near-misses: curative therapy (none for stage IV disease) asks nothing; progression on standard therapy offered
# beside its absence stays a way in after one line.
@pytest.mark.parametrize(("sentence", "patient", "expected"), [
    ("Solid tumor for which curative therapies do not exist.", NAIVE, "eligible"),
    ("Progressed on standard therapy, or for which no standard therapy exists.", ONE_TKI, "eligible"),
    ("Standard therapies do not exist or have been intolerable", NAIVE, "excluded"),
    ("No prior therapy for advanced disease.", NAIVE, "eligible"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, inclusion=[sentence]) == expected
