"""Disease: two kinds of basket sentence read since session 26.

- An exclusion that is only lung cancer sent to another group of the same trial ("NSCLC (enrolled in Cohort B)",
  "Lung cancer (these patients are enrolled in Part 2)"): NSCLC is not shut out. Eligible when the trial describes
  that group elsewhere, unknown when it does not. Before, the bare-bullet path read "people without lung cancer"
  (excluded). A bare "NSCLC", one sent to another study, or one excluded in every group stays excluded.
- An inclusion that takes a solid malignancy and leaves lung cancer out ("Advanced solid malignancy excluding lung
  cancer", "any solid malignancy other than NSCLC"): excluded, as "solid tumour excluding lung cancer" already was.
  Before, the word "malignancy" was read as history wording (eligible). History sentences ("no prior malignancy other
  than NSCLC", "other malignancy excluding non-melanoma skin cancer") keep their verdict.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile

_BASKET_INCLUSION = "Histologically confirmed advanced solid tumour refractory to standard therapy"


def verdict(inclusion: str, exclusion: str = "Pregnancy or breast-feeding", histology: str = "adenocarcinoma",
            title: str = "A first-in-human study of XYZ-901 in advanced solid tumours") -> str:
    text = invented_trial(inclusion, exclusion, title=title, conditions=("Advanced Solid Tumors",))
    return str(disease.check(disease.parse(text), Profile(histology=histology, stage="IV")).verdict)


# ---------------------------------------------------------------- kind 1: sent to another group
SENT_UNDESCRIBED = [
    "NSCLC (enrolled in Cohort B)",
    "Non-small cell lung cancer (these patients are enrolled in Part 2)",
    "Known lung cancer (eligible for Arm C instead)",
    "Non-small-cell lung carcinoma - such participants will be assigned to Module 4",
    "NSCLC (see Cohort 2)",
    "Lung cancer (will be enrolled in expansion cohort E1 or E2)",
    "Known NSCLC (to be enrolled in Part B, C or D only)",
    "NSCLC, who are enrolled in Group 3",
]


@pytest.mark.parametrize("exclusion", SENT_UNDESCRIBED)
def test_lung_cancer_sent_to_an_undescribed_group_is_a_question(exclusion: str) -> None:
    assert verdict(f"* {_BASKET_INCLUSION}\n", f"* {exclusion}\n") == "unknown"
    assert verdict(f"* {_BASKET_INCLUSION}\n", f"* {exclusion}\n", histology="squamous") == "unknown"


_DESCRIBED_GROUPS = ("* Cohort B: at least one measurable lesion\n* Part 2: prior platinum-based chemotherapy\n"
                     "* Arm C: ECOG performance status 0-1\n* Module 4: no prior KRAS inhibitor\n"
                     "* Cohort 2: tissue available\n* Expansion cohort E1: measurable disease\n"
                     "* Group 3: adequate organ function\n* Part B: HER2 amplification\n")


@pytest.mark.parametrize("exclusion", SENT_UNDESCRIBED)
def test_lung_cancer_sent_to_a_described_group_is_eligible(exclusion: str) -> None:
    assert verdict(f"* {_BASKET_INCLUSION}\n{_DESCRIBED_GROUPS}", f"* {exclusion}\n") == "eligible"


STILL_EXCLUDED = [
    "NSCLC",
    "Non-small cell lung cancer",
    "NSCLC (enrolled in a separate study)",
    "Lung cancer (all cohorts)",
    "NSCLC (not eligible for any cohort)",
    "Non-small cell lung cancer or breast cancer (enrolled in separate studies)",
]


@pytest.mark.parametrize("exclusion", STILL_EXCLUDED)
def test_lung_cancer_shut_out_of_a_basket_stays_excluded(exclusion: str) -> None:
    assert verdict(f"* {_BASKET_INCLUSION}\n", f"* {exclusion}\n") == "excluded"


@pytest.mark.parametrize("exclusion", [
    "History of another malignancy: NSCLC (enrolled in Cohort B) treated more than 3 years ago is allowed",
    "History of another malignancy within 2 years, except NSCLC",
])
def test_history_lead_ins_keep_their_verdict(exclusion: str) -> None:
    assert verdict(f"* {_BASKET_INCLUSION}\n", f"* {exclusion}\n") == "eligible"


def test_an_nsclc_trial_sending_a_histology_elsewhere_is_unchanged() -> None:
    text = "* Stage IV non-small cell lung cancer\n"
    assert verdict(text, "* Squamous NSCLC (enrolled in Cohort B)\n", title="A study of XYZ-901 in NSCLC") \
        == verdict(text, "* Pregnancy\n", title="A study of XYZ-901 in NSCLC")


# ---------------------------------------------------------------- kind 2: solid malignancy leaving lung cancer out
MALIGNANCY_LEFT_OUT = [
    "Advanced solid malignancy excluding lung cancer",
    "Any solid malignancy other than NSCLC",
    "Histologically confirmed metastatic or unresectable solid malignancies, except non-small cell lung cancer",
    "Locally advanced or metastatic solid malignancy other than lung carcinoma",
    "Patients with an advanced malignancy other than NSCLC, refractory to standard therapy",
    "Recurrent solid malignancy, with the exception of non-small-cell lung cancer",
    "Refractory solid malignancies apart from lung cancer",
]


@pytest.mark.parametrize("inclusion", MALIGNANCY_LEFT_OUT)
def test_solid_malignancy_leaving_lung_cancer_out_excludes(inclusion: str) -> None:
    assert verdict(f"* {inclusion}\n") == "excluded"
    assert verdict(f"* {inclusion}\n", histology="squamous") == "excluded"


HISTORY_NEAR_MISSES = [
    "No prior malignancy other than NSCLC",
    "No other solid malignancy other than NSCLC",
    "Advanced solid tumour with no second malignancy except NSCLC",
    "Advanced solid tumour; no malignancy other than NSCLC within 3 years",
    "Advanced solid malignancy; no active malignancy other than lung cancer",
]


@pytest.mark.parametrize("inclusion", HISTORY_NEAR_MISSES)
def test_history_of_malignancy_keeps_its_verdict(inclusion: str) -> None:
    assert verdict(f"* {inclusion}\n") == "eligible"


def test_another_cancer_named_in_a_history_clause_keeps_its_question() -> None:
    # (the skin cancer named beside the basket makes it a question, before and after)
    assert verdict("* Advanced solid tumour; other malignancy excluding non-melanoma skin cancer is not allowed\n") \
        == "unknown"


def test_solid_tumour_excluding_lung_cancer_still_excludes() -> None:
    assert verdict("* Advanced solid tumour excluding lung cancer\n") == "excluded"
