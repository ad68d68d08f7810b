"""Brain: "Symptomatic CNS metastases. Subjects with asymptomatic brain metastases or brain metastases that are stable
after treatment may participate if they do not require corticosteroids" excluded the active (untreated) profile: the
second group's words stand in a relative clause after its mention ("brain metastases that are stable after
treatment"), which was not read as whom it names, so the permission was taken for the treated group's alone and its
condition for a demand that every patient be treated. The joined group's relative clause now names it as words before
it would: asymptomatic OR treated is both groups, and an untreated profile (symptoms not given) is a question."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

ASYMPTOMATIC_OR_TREATED_RELATIVE = [
    "Symptomatic CNS metastases. Patients with asymptomatic brain metastases or brain metastases that are stable "
    "after treatment may participate if they do not require steroids within 14 days before dosing.",
    "Symptomatic brain metastases. Subjects with asymptomatic brain metastases, or with brain metastases that have "
    "been irradiated and are stable, may be enrolled provided that: no anticonvulsants are needed; and no brain "
    "radiotherapy within 21 days before the first dose.",
    "Symptomatic central nervous system metastases. Participants with asymptomatic CNS metastases or CNS metastases "
    "which were previously treated can enroll if they are off corticosteroids for 7 days.",
    "Neurologically symptomatic brain metastases. Patients with clinically silent brain metastases or brain "
    "metastases that remain stable following radiotherapy are eligible provided they need no dexamethasone.",
    "Symptomatic intracranial disease. Patients with asymptomatic brain metastases, or with brain metastases that "
    "are stable after local therapy, will be allowed if there is measurable disease outside the brain.",
    "Symptomatic CNS metastases. Patients with asymptomatic brain metastases or brain metastases which have been "
    "resected and are stable may take part if corticosteroids were stopped 2 weeks before randomisation.",
]


@pytest.mark.parametrize("exclusion", ASYMPTOMATIC_OR_TREATED_RELATIVE)
def test_asymptomatic_branch_kept_when_treated_group_is_a_relative_clause(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, EL, UN, UN)


def test_near_miss_treated_relative_clause_alone_still_excludes_untreated() -> None:
    exclusion = ("Symptomatic CNS metastases. Patients with brain metastases that are stable after treatment may "
                 "participate if they do not require steroids within 14 days before dosing.")
    assert brain(exclusion=exclusion) == (EL, EL, EX, UN)


def test_near_miss_joined_group_named_before_its_mention_unchanged() -> None:
    exclusion = ("Symptomatic CNS metastases. Patients with asymptomatic brain metastases or with previously treated "
                 "brain metastases may participate if they do not require steroids.")
    assert brain(exclusion=exclusion) == (EL, EL, UN, UN)


def test_near_miss_untreated_ban_then_treated_relative_permission_still_excludes() -> None:
    exclusion = ("Untreated brain metastases. Patients with brain metastases which were irradiated and are stable "
                 "may enrol.")
    assert brain(exclusion=exclusion) == (EL, EL, EX, UN)
