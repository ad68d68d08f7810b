"""Prior therapy: "X in RET-Altered Solid Tumors, Including Patients Previously Treated With Selpercatinib" (a title),
"RET fusion-positive NSCLC, including those who have received pralsetinib" (a criterion): the clause widens who is
taken (the treated come too) and asks nothing of the others. Read as "previously treated with X" it required X and
hid the trial from every patient without it. A title or criterion that asks for X plainly ("... Previously Treated
With Osimertinib"), a count with a treatment in it ("at least 2 lines, including an anti-PD-1") and an exclusion's
"including" (which widens the ban) keep their readings."""

from __future__ import annotations

import pytest
from prior_therapy_cases import prior_verdict

NAIVE: dict[str, object] = {"prior_therapies": [], "prior_lines": 0}
CHEMO_IO: dict[str, object] = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
SELPERCATINIB: dict[str, object] = {"prior_therapies": ["selpercatinib"], "prior_lines": 1}

TITLES = [
    "KTX-1 in RET-Altered Solid Tumors, Including Patients Previously Treated With Selpercatinib or Pralsetinib",
    "ABC-22 for EGFR-Mutant NSCLC, Including Participants Who Have Received Osimertinib",
    "A Study of Drug Q in Advanced NSCLC Including Patients Pretreated With Immune Checkpoint Inhibitors",
    "Drug Z in HER2-Mutant Solid Tumours, Including Those Previously Treated With Trastuzumab Deruxtecan",
    "Drug M in KRAS G12C NSCLC, as Well as Patients Who Progressed on Sotorasib or Adagrasib",
]
CRITERIA = [
    "Advanced RET fusion-positive NSCLC, including patients previously treated with selpercatinib or pralsetinib",
    "Metastatic NSCLC, including those who have received prior pembrolizumab or nivolumab",
    "Stage IV disease of any line, including subjects who were previously treated with docetaxel.",
    "Locally advanced or metastatic NSCLC, and also patients who progressed on carboplatin-based chemotherapy",
    "Measurable stage IV NSCLC, including individuals already treated with a PD-1 inhibitor",
]


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("patient", [NAIVE, CHEMO_IO, SELPERCATINIB], ids=["naive", "chemo-io", "selpercatinib"])
def test_including_treated_patients_in_a_title_asks_nothing(title: str, patient: dict[str, object]) -> None:
    assert prior_verdict(patient, title=title) == "eligible"


@pytest.mark.parametrize("sentence", CRITERIA)
@pytest.mark.parametrize("patient", [NAIVE, CHEMO_IO, SELPERCATINIB], ids=["naive", "chemo-io", "selpercatinib"])
def test_including_treated_patients_in_a_criterion_asks_nothing(sentence: str, patient: dict[str, object]) -> None:
    assert prior_verdict(patient, inclusion=[sentence]) == "eligible"


def test_plain_previously_treated_title_still_asks() -> None:
    title = "Drug X for RET Fusion NSCLC Previously Treated With Selpercatinib"
    assert prior_verdict(NAIVE, title=title) != "eligible"
    assert prior_verdict(SELPERCATINIB, title=title) == "eligible"


def test_count_including_a_treatment_still_asks_for_it() -> None:
    sentence = "At least 2 prior lines of systemic therapy for metastatic disease, including an anti-PD-1 antibody"
    assert prior_verdict(NAIVE, inclusion=[sentence]) == "excluded"


def test_prior_therapies_including_those_targeting_still_bans() -> None:
    sentence = "Prior selective RET inhibitor therapy, including those targeting RET in other trials"
    assert prior_verdict(SELPERCATINIB, exclusion=[sentence]) == "excluded"


def test_head_requirement_before_the_widening_stands() -> None:
    sentence = ("Progression on prior platinum-based chemotherapy, including patients who received it as adjuvant"
                " therapy")
    assert prior_verdict(NAIVE, inclusion=[sentence]) == "excluded"
    assert prior_verdict(CHEMO_IO, inclusion=[sentence]) == "eligible"
