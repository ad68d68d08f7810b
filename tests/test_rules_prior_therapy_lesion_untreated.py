"""A sentence whose "has not been previously treated" is said of a lesion, named before a relative "that/which"
with its size, imaging and place in between ("at least 1 brain metastasis >= 5 mm in longest dimension on
contrast-enhanced MRI that has not been previously treated"), is about that lesion (the brain and
measurable-disease rules), not the patient's earlier lines: it sets no prior-therapy rule. Read as the patient's,
every pretreated patient was excluded (a false exclusion).

Near-misses keep their reading: the patient as subject ("Patients who have not been previously treated with
systemic therapy", "patients with brain metastases who ..."), "Untreated stage IV NSCLC", a disease rather than a
lesion before "that" ("stage IV NSCLC that has not been previously treated").
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

CHEMO_IO = stage_iv_profile(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)
OSIMERTINIB = stage_iv_profile(biomarkers=[{"gene": "EGFR", "alteration": "L858R"}], prior_therapies=["osimertinib"],
                               prior_lines=1)
DOCETAXEL = stage_iv_profile(age=70, histology="squamous",
                             prior_therapies=["carboplatin", "paclitaxel", "docetaxel"], prior_lines=2)
NAIVE = stage_iv_profile()


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(f"* Stage IV NSCLC\n* {inclusion}\n", "* Pregnancy",
                                               "Drug Z in advanced NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


LESION_SENTENCES = [
    "Patients must have at least 1 brain metastasis >= 5 mm in longest dimension on contrast-enhanced MRI that has"
    " not been previously treated",
    "At least one measurable intracranial lesion of 10 mm or more on gadolinium MRI which has not been previously"
    " treated",
    "Subjects must have one or more target lesions per RECIST 1.1, located outside any prior radiation field, that"
    " have not been previously treated",
    "Participants must have at least one tumour site amenable to core biopsy that has not been treated previously",
    "Presence of at least two CNS metastases measuring 0.5 cm or more on T1 post-contrast imaging which have not"
    " been previously treated",
    "Evaluable disease: one or more lesions, at least 1 cm by CT scan within 28 days of enrolment, that have not"
    " been treated",
]


@pytest.mark.parametrize("sentence", LESION_SENTENCES)
@pytest.mark.parametrize("profile", [CHEMO_IO, OSIMERTINIB, DOCETAXEL, NAIVE])
def test_lesion_not_previously_treated_sets_no_prior_therapy_rule(sentence: str, profile: Profile) -> None:
    assert verdict(profile, sentence) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients who have not been previously treated with systemic therapy",
    "Patients who have not been previously treated for metastatic disease",
    "Untreated stage IV NSCLC",
    "Stage IV NSCLC that has not been previously treated",
])
def test_patient_not_previously_treated_still_asks_for_no_line(sentence: str) -> None:
    assert verdict(CHEMO_IO, sentence) == "excluded"
    assert verdict(NAIVE, sentence) == "eligible"


def test_patients_with_brain_metastases_who_were_not_treated_is_said_of_the_patients() -> None:
    # "who" after the lesion: the patients are the subject (the reading stays what it was, never eligible).
    sentence = "Patients with brain metastases who have not been previously treated for advanced disease"
    assert verdict(CHEMO_IO, sentence) != "eligible"


def test_no_prior_radiotherapy_to_the_target_lesion_sets_no_rule() -> None:
    assert verdict(CHEMO_IO, "No prior radiotherapy to the target lesion") == "eligible"
