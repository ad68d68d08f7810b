"""Brain-metastasis inclusions stated as a finding on a scan (invented sentences only).

a. "Brain metastases on contrast-enhanced MRI": a few words between "on"/"by" and the scan ("contrast-enhanced",
   "gadolinium-enhanced brain") still state the disease as a documented finding, so a patient without brain
   metastases is out (it had been read as a condition on metastases, letting such a patient in).
b. "..., none previously treated", "none of which has been irradiated": every lesion untreated, so treated, stable
   metastases are out too (they had been let in).
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

# none, treated_stable, active, not given
REQUIRED = (EX, EL, EL, UN)
UNTREATED_REQUIRED = (EX, EX, EL, UN)


@pytest.mark.parametrize("line", [
    "Brain metastases on contrast-enhanced MRI",
    "Brain metastases on gadolinium-enhanced brain MRI within 28 days of enrolment",
    "Brain metastases seen by contrast enhanced cranial CT",
    "Parenchymal brain metastases on T1 post-contrast MRI, at least one >= 5 mm",
    "Intracranial metastases on contrast-enhanced brain imaging performed at screening",
    "CNS metastases by gadolinium MRI of the head",
])
def test_a_brain_metastases_on_a_named_scan_are_required(line: str) -> None:
    assert brain(inclusion=line) == REQUIRED


@pytest.mark.parametrize("line", [
    "Brain metastases on contrast-enhanced MRI, none previously treated",
    "Brain metastases on gadolinium MRI, none of them previously irradiated",
    "At least one brain metastasis on contrast-enhanced MRI, none of which has been treated",
    "Intracranial metastases by enhanced MRI within 21 days, none previously resected",
    "Brain metastases on MRI, none of these yet irradiated",
    "CNS metastases on contrast-enhanced CT, none of the lesions previously treated",
])
def test_b_none_previously_treated_requires_untreated_ones(line: str) -> None:
    assert brain(inclusion=line) == UNTREATED_REQUIRED


@pytest.mark.parametrize("line, expected", [
    # Near misses: a permission or a condition on any present metastases sets no requirement.
    ("Brain metastases on MRI are allowed if treated and stable", (EL, EL, EX, UN)),
    ("Brain metastases on contrast-enhanced MRI, if present, must be treated", (EL, EL, EX, UN)),
])
def test_near_misses_keep_their_reading(line: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=line) == expected


def test_near_miss_an_exclusion_is_unchanged() -> None:
    assert brain(exclusion="Brain metastases on contrast-enhanced MRI, none previously treated")[0] == EL
