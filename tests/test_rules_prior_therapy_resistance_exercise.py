"""Supportive-care trials: "aerobic and resistance exercise", "resistance training", "resistance-band program". The
word "resistance" was read as a cancer's resistance to treatment, so a title such as "... Aerobic and Resistance
Exercise ... in Patients Receiving Systemic Therapy" asked for an earlier line and shut out every untreated patient.
It is muscle work. "Receiving" / "undergoing" / "starting" therapy in a title describes the current or planned
treatment, never an earlier one: no exclusion either.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE = {"prior_therapies": [], "prior_lines": 0}
OSIMERTINIB = {"prior_therapies": ["osimertinib"], "prior_lines": 1}

TITLES = [
    "A Randomized Trial of Supervised Aerobic and Resistance Exercise in Patients With Advanced NSCLC Receiving "
    "Systemic Anticancer Therapy",
    "Home-Based Resistance Training During Chemotherapy for Metastatic Lung Cancer",
    "Resistance-Band Program Versus Usual Care in Patients With Stage IV NSCLC Undergoing Immunotherapy",
    "Combined Resistance and Aerobic Exercise for Fatigue in Advanced Lung Cancer Patients Starting Targeted Therapy",
    "High-Intensity Resistance Exercise Sessions in Advanced NSCLC Receiving First- or Later-Line Treatment",
    "Nutrition and Resistance Workout Support for Patients With Lung Cancer on Systemic Treatment",
]


@pytest.mark.parametrize("title", TITLES)
def test_exercise_title_sets_no_prior_therapy_rule(title: str) -> None:
    assert prior_verdict(NAIVE, title=title) != "excluded"
    assert prior_verdict(OSIMERTINIB, title=title) != "excluded"


@pytest.mark.parametrize("inclusion", [
    "Able to perform resistance exercise twice weekly",
    "No contraindication to resistance training or aerobic exercise",
])
def test_exercise_criterion_sets_no_prior_therapy_rule(inclusion: str) -> None:
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", inclusion]) == "eligible"


@pytest.mark.parametrize("title", [
    # Drug resistance keeps its reading: these ask for earlier treatment.
    "Amivantamab in Patients With Osimertinib Resistance",
    "A Study of X in NSCLC With Acquired Resistance to EGFR TKIs",
    "X for EGFR-TKI Resistance and Brain Metastases in NSCLC",
])
def test_near_miss_drug_resistance_title_still_asks_for_the_drug(title: str) -> None:
    assert prior_verdict(NAIVE, title=title) == "excluded"
