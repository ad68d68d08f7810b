"""A setting that takes in locally advanced (stage III) disease, for a patient whose drugs were given for stage III.

A patient whose cancer came back as stage IV after chemoradiation and consolidation durvalumab for stage III has
had no line for advanced (metastatic) disease, so the profile says prior_lines 0 and lists the drugs. A rule on
treatment "in the locally advanced or metastatic setting" or "for stage III or IV disease" takes in that stage III
treatment: whether it counts is a question for the doctor, never a reason to exclude, and never a clean pass for a
trial that wants untreated patients. A rule that names only metastatic disease still reads the drugs as early.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

GENES = ["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2"]
BASE = {"age": 66, "histology": "squamous", "stage": "IV", "ecog": 1, "biomarkers": [], "tested_negative": GENES,
        "pdl1_tps": 60, "brain_metastases": "none"}
PROFILES = {
    "relapse-after-chemoradiation-durvalumab": {"prior_therapies": ["cisplatin", "etoposide", "durvalumab"],
                                                "prior_lines": 0},
    "relapse-after-carboplatin-paclitaxel-radiation": {"prior_therapies": ["carboplatin", "paclitaxel"],
                                                       "prior_lines": 0},
    "untreated": {"prior_therapies": [], "prior_lines": 0},
    "one-line-for-metastatic": {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1},
}
STAGE_III = ["relapse-after-chemoradiation-durvalumab", "relapse-after-carboplatin-paclitaxel-radiation"]


def verdict(who: str, inclusion: str = "Stage IV NSCLC", exclusion: str = "Pregnancy") -> str:
    return prior_verdict({**BASE, **PROFILES[who]}, [inclusion], [exclusion], title="A Study of Drug X in NSCLC")


REQUIRED_IN_LOCAL_SETTING = [
    "Documented progression on or after prior platinum-based chemotherapy in the locally advanced or metastatic "
    "setting.",
    "Disease progression after platinum-based chemotherapy given for locally advanced or metastatic NSCLC",
    "Participants must have had at least one prior systemic treatment for locally-advanced or metastatic NSCLC.",
]


@pytest.mark.parametrize("who", STAGE_III)
@pytest.mark.parametrize("sentence", REQUIRED_IN_LOCAL_SETTING)
def test_stage_iii_treatment_is_a_question_against_a_requirement_that_takes_in_locally_advanced(
        sentence: str, who: str) -> None:
    assert verdict(who, inclusion=sentence) == "unknown"


@pytest.mark.parametrize("sentence", REQUIRED_IN_LOCAL_SETTING)
def test_the_same_requirement_still_excludes_the_untreated_and_takes_the_treated(sentence: str) -> None:
    assert verdict("untreated", inclusion=sentence) == "excluded"
    assert verdict("one-line-for-metastatic", inclusion=sentence) == "eligible"


@pytest.mark.parametrize("who", STAGE_III)
def test_a_count_of_regimens_in_any_setting_is_met_by_the_stage_iii_regimen(who: str) -> None:
    # Not a line for advanced disease, but a platinum regimen all the same: "0 lines in all" is no reason.
    sentence = "Must have received at least one prior platinum-containing regimen for stage III or IV disease."
    assert verdict(who, inclusion=sentence) == "eligible"
    assert verdict("untreated", inclusion=sentence) == "excluded"
    two = "Must have received at least two prior platinum-containing regimens."
    assert verdict(who, inclusion=two) == "unknown"


UNTREATED_IN_LOCAL_SETTING = [
    "No prior systemic anti-tumour therapy for locally advanced or metastatic NSCLC.",
    "Patients who have not received any systemic treatment for unresectable, locally advanced or metastatic disease",
    "Treatment-naive for locally advanced/metastatic NSCLC.",
]


@pytest.mark.parametrize("who", STAGE_III)
@pytest.mark.parametrize("sentence", UNTREATED_IN_LOCAL_SETTING)
def test_stage_iii_treatment_is_a_question_for_a_trial_of_the_untreated_that_takes_in_locally_advanced(
        sentence: str, who: str) -> None:
    assert verdict(who, inclusion=sentence) == "unknown"
    assert verdict("untreated", inclusion=sentence) == "eligible"


@pytest.mark.parametrize("sentence", [
    "No prior systemic therapy for metastatic NSCLC.",
    "Treatment-naive for metastatic disease.",
])
def test_a_setting_of_metastatic_disease_only_still_reads_stage_iii_drugs_as_early(sentence: str) -> None:
    assert verdict("relapse-after-chemoradiation-durvalumab", inclusion=sentence) == "eligible"


def test_a_ban_in_the_locally_advanced_setting_is_a_question_for_consolidation_durvalumab() -> None:
    ban = "Prior treatment with a PD-1 or PD-L1 inhibitor in the locally advanced or metastatic setting"
    assert verdict("relapse-after-chemoradiation-durvalumab", exclusion=ban) == "unknown"
    assert verdict("relapse-after-carboplatin-paclitaxel-radiation", exclusion=ban) == "eligible"
    assert verdict("one-line-for-metastatic", exclusion=ban) == "excluded"
