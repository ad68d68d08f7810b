"""Brain: two kinds met in a radiosurgery trial for 5-15 brain metastases.

1. "Brain metastases from small cell lung cancer, germ cell tumours, lymphoma, leukaemia or multiple myeloma" (an
   exclusion) was read as a ban on every brain metastasis, so an untreated profile was excluded from a trial made for
   it. The words after the mention name the primary tumour the metastases come from; when every primary named is
   another cancer, an NSCLC patient's metastases are not the ones meant, and the sentence sets no brain rule.
2. "Prior radiotherapy to the brain, including prior stereotactic radiosurgery or whole brain radiotherapy" was taken
   for a whole-brain-only rule (which the labels read as no limit), because "whole brain" stood in the sentence. Listed
   after "including" / "such as" beside radiosurgery, whole-brain radiotherapy is one example of any brain
   radiotherapy, as in a bracket: a treated, stable patient's treatment may be it (a question), and in a trial for
   brain metastases it is (excluded, as for any plain prior-brain-radiotherapy ban)."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, NO_RULE, UN, brain

OTHER_PRIMARY_ORIGIN = [
    "Brain metastases from melanoma, renal cell carcinoma or choriocarcinoma",
    "CNS metastases arising from small cell lung cancer or lymphoma",
    "Brain metastases secondary to germ cell tumour, leukaemia or multiple myeloma",
    "Intracranial metastases originating from SCLC or breast cancer",
    "Brain metastases from a primary lymphoma",
    "Brain metastases from small-cell lung carcinoma, germ cell tumors, leukemia, or myeloma",
]


@pytest.mark.parametrize("exclusion", OTHER_PRIMARY_ORIGIN)
def test_metastases_of_other_primaries_set_no_brain_rule(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == NO_RULE


@pytest.mark.parametrize("exclusion", OTHER_PRIMARY_ORIGIN[:3])
def test_in_a_brain_trial_an_untreated_profile_is_not_excluded(exclusion: str) -> None:
    got = brain(inclusion="Patients with 4 to 12 brain metastases on a contrast-enhanced MRI", exclusion=exclusion)
    assert got[0] == EX and got[2] != EX


@pytest.mark.parametrize("exclusion", [
    "Brain metastases from NSCLC",
    "Brain metastases from any solid tumour",
    "Brain metastases from lung cancer",
    "Brain metastases from NSCLC or melanoma",
])
def test_near_miss_origin_taking_in_the_patients_cancer_still_bans(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, EX, EX, UN)


def test_near_miss_plain_untreated_ban_unchanged() -> None:
    assert brain(exclusion="Untreated brain metastases")[2] == EX


ANY_BRAIN_RT_EXAMPLES = [
    "Prior radiotherapy to the brain, including prior stereotactic radiosurgery or whole brain radiotherapy",
    "Previous cranial irradiation, such as WBRT or SRS",
    "Prior brain radiotherapy, e.g. radiosurgery or whole-brain radiotherapy",
    "History of brain irradiation, including whole brain radiation therapy or gamma knife radiosurgery",
    "Received prior CNS radiotherapy, including stereotactic or whole-brain techniques",
    "Prior radiation therapy to the head, including SRS or WBRT",
]


@pytest.mark.parametrize("exclusion", ANY_BRAIN_RT_EXAMPLES)
def test_whole_brain_listed_as_an_example_is_any_brain_radiotherapy(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, UN, EL, UN)


@pytest.mark.parametrize("exclusion", ANY_BRAIN_RT_EXAMPLES[:3])
def test_in_a_brain_trial_treated_profile_is_excluded(exclusion: str) -> None:
    got = brain(inclusion="Patients with 4 to 12 brain metastases on a contrast-enhanced MRI", exclusion=exclusion)
    assert got[1] == EX and got[2] != EX


@pytest.mark.parametrize("exclusion", [
    "Prior whole brain radiotherapy", "Previous WBRT, including hippocampal-avoidant techniques"])
def test_near_miss_whole_brain_only_unchanged(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == NO_RULE
