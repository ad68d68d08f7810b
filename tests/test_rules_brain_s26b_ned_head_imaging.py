"""Brain: no evidence of disease on imaging of the head (session 26 round 2, kind 5; sentences invented).

An inclusion asking for no evidence of disease that names the imaging by the head ("head MRI", "cranial imaging",
"MRI of the head") names brain imaging, as "brain MRI" does: active metastases are out, treated, stable ones and a
patient not given are questions. The bullet named no site word the brain rule looks for, so it was skipped before
its words were read. The head and neck are not the brain; a scan alone, or a scan asked of the patients without
disease, is no limit; an exclusion of the same words sets no rule."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, NO_RULE, UN, brain

# none, treated and stable, active, not given
NO_DISEASE = (EL, UN, EX, UN)

NED_ON_HEAD_IMAGING = [
    "No evidence of disease on head MRI within 28 days",
    "Disease-free after resection, confirmed by CT of the chest and MRI of the head",
    "No radiological evidence of recurrence on chest CT and cranial imaging",
    "Must have no evidence of disease on whole-body PET-CT and head CT",
    "NED after definitive chemoradiation, with a cranial MRI showing no new lesions",
    "Free of disease on an MRI of the head and a CT of the chest, abdomen and pelvis at baseline",
]


@pytest.mark.parametrize("inclusion", NED_ON_HEAD_IMAGING)
def test_no_evidence_of_disease_on_head_imaging(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == NO_DISEASE


@pytest.mark.parametrize("inclusion", [
    "No evidence of disease on CT of the head and neck",
    "Head MRI at screening",
    "Patients with no evidence of disease on CT must have a head MRI",
    "Cranial imaging is required only if clinically indicated",
])
def test_near_miss_no_brain_rule(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == NO_RULE


def test_near_miss_ned_on_head_imaging_in_an_exclusion_sets_no_rule() -> None:
    assert brain(exclusion="No evidence of disease on head MRI") == NO_RULE
