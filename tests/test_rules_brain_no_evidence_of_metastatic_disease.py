"""Brain: a clean brain scan asked for as "no evidence of metastatic disease" / "without evidence of metastases" (an
early-stage or consolidation trial's inclusion) is the "no evidence of disease on brain imaging" kind: active brain
metastases fail it, treated stable ones are a question (they may or may not show), and no metastases pass. Before,
only "no evidence of disease / recurrence" was read, and "... is required" after the phrase was taken for a scan asked
of a group, so these set no rule. A scan asked of a group ("Patients with no evidence of disease on CT must have a
brain MRI") still sets none."""

from __future__ import annotations

import pytest
from brain_cases import brain

CLEAN_SCAN = [
    "Brain MRI at screening that shows no evidence of metastatic disease",
    "A head CT or MRI without evidence of metastatic disease is required",
    "Brain MRI with no evidence of metastases within 28 days of registration",
    "No radiological evidence of metastatic disease on contrast-enhanced brain MRI",
    "Cranial imaging without evidence of metastatic lesions is required before randomisation",
]


@pytest.mark.parametrize("inclusion", CLEAN_SCAN)
def test_a_clean_brain_scan_shuts_out_active_metastases(inclusion: str) -> None:
    assert brain(inclusion) == ("eligible", "unknown", "excluded", "unknown")


SCAN_FOR_A_GROUP = [
    "Patients with no evidence of disease on CT must have a brain MRI",
    "Patients without evidence of metastatic disease on CT will undergo brain MRI",
    "Participants without evidence of metastases on PET should also be imaged with brain MRI",
]


@pytest.mark.parametrize("inclusion", SCAN_FOR_A_GROUP)
def test_a_scan_asked_of_a_group_sets_no_rule(inclusion: str) -> None:
    assert brain(inclusion) == ("eligible", "eligible", "eligible", "eligible")
