"""Brain metastases, N kind 9: conditions on the lesions themselves are not the treated / untreated status.

- A need for surgery ("Dominant brain metastasis requiring surgical decompression") is a present need like "requiring
  steroids": treated, stable ones are taken not to have it; active ones are a question (it excluded both).
- "Recurrent brain metastases" came back after treatment: treated, stable ones are not, new untreated ones are not
  said to be (it excluded both).
- A measured size ("> 3 cm") is a lesion property no profile gives: treated, stable eligible, active a question.
- A permission on a treatment the lesions are fit for ("eligible if all brain lesions can be treated with
  radiosurgery") is no demand that they were treated already: active ones are a question, not excluded.
- "Palliative radiotherapy for bone metastasis or brain metastasis is allowed if ...": about the radiotherapy.
- "Brain metastases:" over sub-bullets each stating a whole rule ("Patients with treated brain metastases are
  eligible if ...") says nothing itself.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

PROPERTY_BANS = [
    "Dominant brain metastasis requiring surgical decompression",
    "CNS metastases needing neurosurgical resection",
    "Brain metastases requiring urgent decompression",
    "Recurrent brain metastases",
    "Relapsed CNS metastases after prior radiosurgery",
    "Any brain metastasis > 3 cm in size",
    "Brain metastases larger than 3 cm in diameter",
    "Intracranial metastasis exceeding 30 mm",
]


@pytest.mark.parametrize("exclusion", PROPERTY_BANS)
def test_a_lesion_property_ban_keeps_treated_stable_in(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, UN)


FIT_FOR_TREATMENT = [
    "Patients with brain metastases are eligible if all brain lesions can be treated with stereotactic radiosurgery",
    "Brain metastases are allowed if they can be safely managed with SRS",
    "Subjects with CNS metastases may enrol provided all lesions could be treated by gamma knife radiosurgery",
]


@pytest.mark.parametrize("inclusion", FIT_FOR_TREATMENT)
def test_fit_for_a_treatment_is_no_demand_of_one_given(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[:3] == (EL, EL, UN)


RADIOTHERAPY_ALLOWANCES = [
    "Palliative radiotherapy for bone metastasis or brain metastasis is allowed if finished at least 14 days before "
    "registration",
    "Radiation for spinal metastases or brain metastases is permitted if completed 7 days before day 1",
]


@pytest.mark.parametrize("inclusion", RADIOTHERAPY_ALLOWANCES)
def test_a_radiotherapy_allowance_sets_no_brain_rule(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == (EL, EL, EL, EL)


def test_a_topic_heading_over_whole_rules_says_nothing_itself() -> None:
    inclusion = ("Brain metastases: >> Patients with treated brain metastases are eligible if follow-up imaging shows "
                 "no progression >> Patients with untreated brain metastases are eligible only if asymptomatic and "
                 "no lesion is larger than 1 cm >> Patients with leptomeningeal disease are not eligible")
    assert brain(inclusion=inclusion)[:3] == (EL, EL, UN)


NEAR = {
    # The state itself still decides.
    "Untreated or symptomatic brain metastases": (EL, EL, EX),
    "Progressing brain metastases": (EL, EL, EX),
    "Brain metastases requiring steroids": (EL, EL, UN),
    "Known brain metastases": (EL, EX, EX),
}


@pytest.mark.parametrize("exclusion", NEAR)
def test_near_misses_keep_their_verdict(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == NEAR[exclusion]


def test_near_miss_treated_only_permission_still_leaves_active_out() -> None:
    assert brain(inclusion="Patients with brain metastases are eligible if they have been treated with "
                           "radiosurgery and are stable")[:3] == (EL, EL, EX)
