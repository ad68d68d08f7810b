"""Brain: two lesion-property kinds (session 26, P kinds 10 and 12; sentences invented).

1. An inclusion asking for no evidence of disease that names brain imaging ("Has no evidence of disease (NED),
   including no new lesions on chest CT and brain imaging"): no brain metastases may show. Active ones are out;
   whether treated, stable ones count as disease left is a question, as is a patient whose status is not given.
   It set no brain rule, as it names no metastases.
2. A size or count limit on the treated metastases a permission lets in ("Patients with treated brain metastases are
   eligible only if all lesions are <= 1 cm, ..."): no profile gives the size, so a treated, stable patient is a
   question, not eligible."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, NO_RULE, UN, brain

# none, treated and stable, active, not given
NO_DISEASE = (EL, UN, EX, UN)

NED_WITH_BRAIN_IMAGING = [
    "Has no evidence of disease (NED) per the treating physician, including no new lesions on CT chest and brain "
    "imaging, before enrolment",
    "No evidence of disease on brain MRI and whole-body PET-CT after resection",
    "Must have no evidence of recurrence on chest CT and MRI of the brain within 28 days",
    "Rendered disease-free by surgery, confirmed by CT of the chest and MRI of the brain",
    "NED after definitive therapy, with a head CT or brain MRI showing no new lesions",
    "No radiological evidence of disease, including on cranial MRI, at screening",
]


@pytest.mark.parametrize("inclusion", NED_WITH_BRAIN_IMAGING)
def test_no_evidence_of_disease_on_brain_imaging(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == NO_DISEASE


@pytest.mark.parametrize("inclusion", [
    "Brain MRI at screening",
    "Patients with no evidence of disease on CT must have a brain MRI",
    "No evidence of disease after resection",  # brain imaging not named
    "If there is no evidence of disease on brain MRI, a repeat scan is not needed",
])
def test_near_miss_no_brain_rule(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == NO_RULE


def test_near_miss_ned_in_an_exclusion_sets_no_rule() -> None:
    assert brain(exclusion="No evidence of disease on brain MRI") == NO_RULE


TREATED_WITHIN_LIMITS = [
    "Untreated brain metastases. Patients with irradiated brain metastases are eligible only if all lesions are "
    "<= 1.5 cm, have been stable on MRI for >= 4 weeks and steroids have stopped.",
    "Untreated intracranial metastases. Patients with resected or irradiated intracranial metastases may enrol "
    "provided there are no more than 3 lesions, each smaller than 15 mm.",
    "Untreated brain metastases. Treated brain metastases are allowed if all lesions are under 10 mm.",
    "Active CNS metastases. Participants with previously treated CNS metastases are eligible if no lesion exceeds "
    "2 cm and they are off steroids.",
    "Untreated brain metastases. Subjects with previously treated brain metastases can participate only if there "
    "are at most 4 lesions, all stable for one month.",
    "Progressing brain metastases. Patients with radiosurgery-treated brain metastases are eligible if each "
    "lesion is less than 2 cm.",
]


@pytest.mark.parametrize("exclusion", TREATED_WITHIN_LIMITS)
def test_size_or_count_limit_on_treated_is_a_question(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, UN, EX, UN)


def test_size_limit_on_treated_in_an_inclusion() -> None:
    got = brain(inclusion="Patients with treated brain metastases are eligible only if all lesions measure up to "
                          "2 cm and are stable")
    assert got[:3] == (EL, UN, EX)


@pytest.mark.parametrize("exclusion", [
    # a stability or steroid window is no size: treated, stable ones meet it
    "Untreated brain metastases. Patients with treated brain metastases are eligible if stable for >= 4 weeks.",
    "Symptomatic brain metastases. Patients with irradiated brain metastases may enrol if off steroids for 14 days.",
])
def test_near_miss_time_window_keeps_treated_eligible(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:2] == (EL, EL)


def test_near_miss_size_of_another_group_does_not_bind_treated() -> None:
    inclusion = ("Prior treated asymptomatic brain metastases are eligible, provided all of the following hold: // "
                 "No ongoing need for steroids // Newly found brain metastases on the screening MRI must be under 1 cm")
    assert brain(inclusion)[:2] == (EL, EL)
