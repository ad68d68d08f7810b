"""A counted course completed and named a few words on ("Completed 4 cycles of induction therapy with carboplatin
or cisplatin plus etoposide", "Completion of at least 2 courses of first-line chemotherapy consisting of cisplatin
and pemetrexed"): "completed" was a weak cue, read only within a few words of the drug, so the longer wordings
set no rule at all and a patient who never had the regimen fit. A completed count of cycles is a course had,
as "received" is. Near-misses keep their reading: a bare "completed" far from a drug (radiotherapy completed
before a drug), a completion timed to the study (a washout), and a course not completed.
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, age=61, biomarkers=[{"gene": "KRAS", "alteration": "G12D"}],
                   tested_negative=["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET"], pdl1_tps=10)


NAIVE = _patient()
TKI_ONLY = _patient(biomarkers=[{"gene": "EGFR", "alteration": "L858R"}], tested_negative=["ALK", "ROS1"],
                    prior_therapies=["osimertinib"], prior_lines=1)


def verdict(profile: Profile, inclusion: str, exclusion: str = "* Pregnancy") -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, exclusion, "A maintenance study of drug X"))
    return str(prior_therapy.check(rules, profile).verdict)


# (sentence, a history that meets it)
COMPLETED = [
    ("Completed 4 cycles of induction therapy with carboplatin or cisplatin plus etoposide plus atezolizumab "
     "or durvalumab, with no progression at the end of induction.",
     ["carboplatin", "etoposide", "atezolizumab"]),
    ("Has completed exactly 4 cycles of first-line platinum-based chemotherapy combined with pemetrexed, without "
     "disease progression.", ["cisplatin", "pemetrexed"]),
    ("Completion of at least 2 courses of standard induction chemotherapy consisting of cisplatin and gemcitabine.",
     ["cisplatin", "gemcitabine"]),
    ("Patients must have completed 4-6 cycles of frontline doublet chemotherapy containing carboplatin and "
     "paclitaxel with stable disease or better.", ["carboplatin", "paclitaxel"]),
    ("Completed three cycles of an induction regimen made up of cisplatin, etoposide and durvalumab.",
     ["cisplatin", "etoposide", "durvalumab"]),
    ("Completed a minimum of 4 courses of first-line chemo-immunotherapy regimen with carboplatin, nab-paclitaxel "
     "and pembrolizumab.", ["carboplatin", "nab-paclitaxel", "pembrolizumab"]),
]


@pytest.mark.parametrize(("sentence", "had"), COMPLETED)
def test_a_completed_course_named_far_on_is_required(sentence: str, had: list[str]) -> None:
    assert verdict(NAIVE, f"* Stage IV NSCLC\n* {sentence}\n") == "excluded"
    assert verdict(TKI_ONLY, f"* Stage IV NSCLC\n* {sentence}\n") == "excluded"
    assert verdict(_patient(prior_therapies=had, prior_lines=1), f"* Stage IV NSCLC\n* {sentence}\n") != "excluded"


NEAR_MISSES = [
    # A completion timed to the study: a washout, not a requirement.
    "Completed 4 cycles of adjuvant chemotherapy with cisplatin and vinorelbine at least 6 months before "
    "enrollment, if given.",
    # A course not completed, or radiotherapy completed before a drug is named.
    "Patients who have not completed 4 cycles of induction therapy with carboplatin plus etoposide may enter.",
    "Completed thoracic radiotherapy at least 2 weeks before the first dose; prior osimertinib is allowed.",
]


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_near_miss_keeps_its_reading(sentence: str) -> None:
    assert verdict(NAIVE, f"* Stage IV NSCLC\n* {sentence}\n") != "excluded"


def test_near_miss_examples_in_brackets_after_a_general_line_stay_a_line() -> None:
    # Classes given as examples of "first-line therapy" in brackets: the line is asked, not the examples.
    sentence = ("Has completed 2-4 cycles of first-line therapy (including chemotherapy, immunotherapy, chemotherapy "
                "combined with targeted therapy, etc.), with stable disease")
    assert verdict(TKI_ONLY, f"* Stage IV NSCLC\n* {sentence}\n") == "eligible"
