"""Disease, N kind 11: "Patients with stage IIIB disease with pleural effusion are not eligible" in a stage III trial
leaves a subset out (old wet IIIB, M1a today); it was read as taking that part of stage IV, which turned "stage IIIA
or IIIB only" into a question for stage IV. An exclusion of a subset never widens the stage limit. A stage list none
past III under a title that says only "advanced" is the trial's stage III limit too."""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import ALL_EX, ALL_UN, EX, trial, verdicts

WET_LEFT_OUT = [
    "Unresectable stage IIIA or IIIB NSCLC >> Patients with stage IIIB disease with pleural effusion are not eligible",
    "Stage III NSCLC // Stage IIIB with malignant pleural effusion is excluded",
    "Locally advanced stage IIIA/IIIB disease // Patients with wet stage IIIB are ineligible",
    "Newly diagnosed stage IIIB disease >> Those with stage IIIB due to a pericardial effusion will be excluded",
    "Inoperable stage IIIA-IIIB NSCLC // Stage IIIB disease with pleural fluid is not allowed",
    "Stage IIIA or IIIB NSCLC, unresectable >> Stage IIIB (wet) patients are not eligible",
]


@pytest.mark.parametrize("inclusion", WET_LEFT_OUT)
def test_a_wet_iiib_exclusion_keeps_stage_iv_out(inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion), title="Chemoradiation in Stage III NSCLC")) == ALL_EX


@pytest.mark.parametrize("inclusion", [
    "Newly diagnosed, unresectable stage IIIA or IIIB disease",
    "Unresectable stage IIIA or IIIB NSCLC not amenable to surgery",
])
def test_a_stage_iii_list_limits_an_advanced_title(inclusion: str) -> None:
    assert verdicts(trial(bullets(inclusion), title="Drug X in Advanced NSCLC")) == ALL_EX


def test_near_miss_wet_iiib_taken_is_still_part_of_stage_iv() -> None:
    # "Stage IIIB with pleural effusion" taken (not left out): the M1a part of stage IV, a question.
    inclusion = bullets("Stage IIIB with malignant pleural effusion")
    assert verdicts(trial(inclusion, title="Drug X in NSCLC")) == ALL_UN


def test_near_miss_a_metastatic_title_still_decides() -> None:
    inclusion = bullets("Stage IIIB disease with pleural effusion are not eligible // Stage IIIB or IV NSCLC")
    assert verdicts(trial(inclusion, title="Drug X in Metastatic NSCLC"))[0] != EX
