"""Brain: two kinds of set Z (session 27, round 3; sentences invented).

3. A permission in the patients' own "who" clause of plain states with a plain verb ("Patients with treated brain
   metastases who are asymptomatic and without steroid requirement for at least 4 weeks are allowed"): only the
   modal form ("who ... may be eligible") and the "that/which" form were read, so the permission was dropped and a
   ban before it ("Known brain metastases") kept treated, stable metastases out (a false exclusion).
5. A brain ban inside the example list of a wider ban: "No evidence of extra-thoracic metastatic disease, including no
   brain metastases" as an inclusion (the earlier fix read only an exclusion's "including"), and the lists opened by
   "in particular", "e.g.", "such as", bracketed or not, in either section.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, NO_RULE, UN, brain

# none, treated and stable, active, not given
ACTIVE_BANNED = (EL, EL, EX, UN)
ACTIVE_OPEN = (EL, EL, UN, UN)
ALL_BANNED = (EL, EX, EX, UN)

WHO_PERMISSIONS = [
    "Known brain metastases. Patients with treated brain metastases who are asymptomatic and without a steroid "
    "requirement for at least 28 days are allowed.",
    "Known CNS involvement // Subjects with previously irradiated CNS metastases who are off corticosteroids for at "
    "least 2 weeks are eligible.",
    "Brain metastases. Participants with stable brain metastases who remain neurologically stable for >= 14 days and "
    "need no dexamethasone are permitted.",
    "Known CNS disease. Patients with resected or irradiated intracranial metastases who have been free of "
    "progression for 4 weeks are acceptable.",
    "Cohort 2a: known brain metastases. Patients with treated brain metastases who are clinically stable and "
    "steroid-free for 3 weeks are eligible to enroll.",
    "Known brain metastases; patients with radiosurgery-treated brain metastases who are asymptomatic for at least "
    "one month are allowed to participate.",
]


@pytest.mark.parametrize("exclusion", WHO_PERMISSIONS)
def test_who_clause_with_plain_verb_lets_treated_stable_in(exclusion: str) -> None:
    verdicts = brain(exclusion=exclusion)
    assert verdicts[1] == EL
    assert verdicts[2] in (EX, UN)


@pytest.mark.parametrize("exclusion", [
    # the modal and conjunction forms, read before, keep their reading
    "Known brain metastases. Patients with treated brain metastases can be enrolled if they are asymptomatic and off "
    "steroids for at least 4 weeks.",
    "Known brain metastases. Patients with treated brain metastases are allowed provided they are asymptomatic and "
    "off steroids for at least 4 weeks.",
    "Known brain metastases. Patients with treated brain metastases are eligible as long as they are stable for 4 "
    "weeks.",
])
def test_conjunction_and_modal_forms_still_read(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[1] == EL


@pytest.mark.parametrize("exclusion", [
    # near-misses: a "who" clause that shuts out
    "Known brain metastases. Patients with treated brain metastases who require steroids are not allowed.",
    "Known brain metastases. Patients with brain metastases who are symptomatic are not eligible.",
    "Known brain metastases. Patients with brain metastases who are on steroids cannot be enrolled.",
])
def test_who_clause_ban_keeps_treated_out(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[1] == EX


NEGATED_SPREAD_INCLUSIONS = [
    "No evidence of extra-thoracic metastatic disease on staging PET-CT, including no brain metastases",
    "No evidence of distant metastases, including no CNS metastases, on screening imaging",
    "No evidence of extracranial metastatic disease on PET-CT (or MRI where PET is not available), including no "
    "intracranial metastases",
    "Absence of extracranial metastatic disease (including brain metastases)",
    "Free of distant and intracranial metastases, in particular no brain metastases on MRI",
    "Patients must have no distant metastatic spread (e.g., brain metastases) on FDG-PET",
    "Must be free from extra-thoracic metastases, such as intracranial metastases",
    # translated: the patients' clause with the inclusion's own closing verb
    "Patients without distant metastasis (including brain metastasis) can be enrolled",
    "Patients who have no distant metastases, including no brain metastases, are eligible to participate in the study",
    "Without distant metastasis, especially without brain metastases",
]


@pytest.mark.parametrize("inclusion", NEGATED_SPREAD_INCLUSIONS)
def test_inclusion_ban_of_spread_with_brain_example(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == ALL_BANNED


SPREAD_EXCLUSIONS = [
    "Distant metastatic disease, including brain metastases",
    "Evidence of extrathoracic metastases (including CNS metastases)",
    "Extra-thoracic metastatic disease, e.g. brain metastases",
    "Metastatic disease outside the thorax, in particular brain metastases",
    "Stage IV disease, such as brain metastases or adrenal metastases",
    "Any M1 disease (for example intracranial metastases)",
]


@pytest.mark.parametrize("exclusion", SPREAD_EXCLUSIONS)
def test_exclusion_ban_of_spread_with_brain_example(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == ALL_BANNED


@pytest.mark.parametrize("inclusion", [
    # a population, not a ban: the list says whom the trial takes
    "Stage IV NSCLC, including patients with brain metastases",
    "Metastatic disease, including treated brain metastases",
    # another site's ban that leaves the brain out
    "No distant metastases other than brain metastases",
])
def test_inclusion_population_or_exception_sets_no_ban(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == NO_RULE


@pytest.mark.parametrize("exclusion", [
    # a treatment's object, not spread itself
    "Prior radiotherapy for metastatic disease, including brain metastases",
    "Prior radiotherapy to metastatic sites (e.g. brain metastases) within 2 weeks",
])
def test_treatment_object_is_no_spread_ban(exclusion: str) -> None:
    assert brain(exclusion=exclusion) != ALL_BANNED


def test_exception_after_the_list_never_shuts_treated_out() -> None:
    assert brain(inclusion="No distant metastases, including brain metastases, unless treated and stable for 4 "
                 "weeks")[1] != EX


def test_active_only_permission_kept() -> None:
    assert brain(exclusion="Known active brain metastases") == ACTIVE_BANNED
    assert brain(exclusion="Known active brain metastases. Patients with untreated brain metastases who are "
                 "asymptomatic are eligible.") == ACTIVE_OPEN
