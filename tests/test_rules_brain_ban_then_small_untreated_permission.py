"""Brain: "Known active or untreated CNS metastases. Patients with previously treated brain metastases are eligible if
stable. Patients with asymptomatic, untreated brain metastases <= 1 cm that do not require immediate local therapy may
be enrolled after discussion with the Medical Monitor" excluded the active (untreated) profile: with a size before the
relative clause, the permission's verb was not found, so the last sentence was read as one more exclusion and the
ban stood. The permission of a subset of untreated lesions (small, asymptomatic, needing no local therapy) loosens
the ban: an untreated profile may or may not be in that subset, so it is a question; treated, stable ones stay in."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

BAN_THEN_SMALL_UNTREATED_PERMITTED = [
    "Known active or untreated CNS metastases or leptomeningeal disease. Patients with previously treated brain "
    "metastases are eligible if stable and off steroids for 14 days. Patients with asymptomatic, untreated brain "
    "metastases ≤1 cm that do not require immediate local therapy may be enrolled after discussion with the sponsor",
    "Active or untreated brain metastases. Subjects with irradiated, stable brain metastases are eligible. Subjects "
    "with untreated asymptomatic brain metastases < 5 mm that need no urgent radiotherapy may be enrolled after "
    "approval by the medical monitor",
    "Untreated or progressing CNS metastases. Participants with previously treated CNS metastases may participate if "
    "neurologically stable. Participants with asymptomatic, untreated brain metastases ≤ 10 mm which do not require "
    "steroids may participate at the investigator's discretion",
    "Known untreated or active brain metastases. Patients with untreated, asymptomatic brain metastases ≤2 cm that "
    "do not need local treatment can be included after discussion with the study physician",
    "Active CNS metastases. Patients with treated, stable CNS metastases are eligible. Patients with asymptomatic "
    "untreated brain metastases ≤ 1.5 cm that are not expected to need radiotherapy during the first cycle can be "
    "enrolled",
    "Known active or untreated brain metastases. Subjects with previously resected brain metastases are eligible if "
    "stable for 4 weeks. Subjects with clinically silent, untreated brain metastases <1 cm which require no "
    "corticosteroids may be enrolled with sponsor agreement",
]


@pytest.mark.parametrize("exclusion", BAN_THEN_SMALL_UNTREATED_PERMITTED)
def test_small_untreated_permission_after_ban_makes_active_a_question(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, EL, UN, UN)


def test_near_miss_ban_then_treated_permission_only_still_excludes_active() -> None:
    exclusion = ("Known active or untreated CNS metastases. Patients with previously treated brain metastases are "
                 "eligible if stable and off steroids for 14 days.")
    assert brain(exclusion=exclusion) == (EL, EL, EX, UN)


def test_near_miss_ban_then_small_untreated_lesions_excluded_still_excludes() -> None:
    exclusion = ("Known active or untreated CNS metastases. Untreated brain metastases ≤1 cm that do not require "
                 "local therapy are also excluded.")
    assert brain(exclusion=exclusion) == (EL, EL, EX, UN)


def test_near_miss_ban_then_size_with_modal_of_treatment_not_a_permission() -> None:
    exclusion = ("Known active or untreated brain metastases. Untreated brain metastases ≤1 cm that may need "
                 "radiotherapy within 4 weeks.")
    assert brain(exclusion=exclusion)[2] == EX
