"""A basket trial's arms, one sub-bullet each ("EGFR (erlotinib): activating EGFR mutation"), with a bar on the arms
whose agent is already approved for the patient's cancer ("NSCLC is not eligible for the EGFR, ALK and TMB-high
arms"): a barred arm's marker is no way in for an NSCLC patient, and the bar names arms, not a marker the tumour
must have. Before, the barred arms still let carriers in, and "TMB-high arms" in the bar (like the TMB-high arm
itself) made every patient a question.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, BRAF_V600E, EGFR_19, HER2_EX20, NO_DRIVER, RET, ROS1, UNTESTED, verdict

LEAD = ("Evidence of a tumour alteration predicted to respond to one of the study regimens. "
        "Eligible alterations per arm:")


def _text(arms: list[str], bar: str) -> str:
    return ("Inclusion Criteria:\n\n* Advanced solid tumour\n* " + LEAD + "\n"
            + "".join(f"  * {a}\n" for a in arms) + f"* {bar}\n\nExclusion Criteria:\n\n* Pregnancy\n")


# (arm sub-bullets, bar sentence, carriers of a barred arm, carriers of an open arm)
CASES = [
    (["HER2 (trastuzumab + pertuzumab): HER2 amplification or activating mutation",
      "EGFR (erlotinib): activating EGFR mutation", "TMB-high (atezolizumab): TMB >= 10 mutations/megabase"],
     "Participants whose cancer type is one for which the assigned agent is already approved are not eligible for "
     "that arm (e.g., NSCLC is not eligible for the EGFR and TMB-high arms)", (EGFR_19,), (HER2_EX20,)),
    (["BRAF (dabrafenib + trametinib): BRAF V600E mutation", "ALK (lorlatinib): ALK fusion",
      "RET (selpercatinib): RET fusion"],
     "Patients whose tumour type already has an approval for the arm's drug are excluded from that arm; for example "
     "non-small cell lung cancer is not eligible for the ALK and RET arms", (ALK, RET), (BRAF_V600E,)),
    (["ROS1 (entrectinib): ROS1 rearrangement", "HER2 (T-DXd): HER2 activating mutation",
      "EGFR (osimertinib): EGFR exon 19 deletion or L858R"],
     "Lung cancer is not eligible for the ROS1 / EGFR arms (agents approved there)", (ROS1, EGFR_19), (HER2_EX20,)),
    (["ALK (alectinib): ALK rearrangement", "BRAF (vemurafenib): BRAF V600 mutation"],
     "NSCLC patients are not eligible for the ALK arm because alectinib is approved in NSCLC", (ALK,), (BRAF_V600E,)),
    (["EGFR (gefitinib): sensitising EGFR mutation", "RET (pralsetinib): RET fusion",
      "HER2 (zongertinib): HER2 mutation"],
     "Cancer types with an approved use of the arm's agent are excluded from that arm (NSCLC is ineligible for the "
     "EGFR and RET cohorts)", (EGFR_19, RET), (HER2_EX20,)),
    (["BRAF (encorafenib + binimetinib): BRAF V600E", "ROS1 (crizotinib): ROS1 fusion",
      "HER2 (trastuzumab deruxtecan): HER2 mutation"],
     "NSCLC is excluded from the BRAF and ROS1 arms", (BRAF_V600E, ROS1), (HER2_EX20,)),
]


@pytest.mark.parametrize(("arms", "bar", "barred", "open_"), CASES)
def test_barred_arm_is_no_way_in(arms: list[str], bar: str, barred: tuple, open_: tuple) -> None:
    text = _text(arms, bar)
    for profile in barred:
        assert verdict(text, profile) != "eligible", profile
    for profile in open_:
        assert verdict(text, profile) == "eligible", profile
    assert verdict(text, NO_DRIVER) != "eligible"
    assert verdict(text, UNTESTED) != "eligible"


def test_tmb_arm_barred_no_longer_makes_everyone_a_question() -> None:
    text = _text(CASES[0][0], CASES[0][1])
    assert verdict(text, HER2_EX20) == "eligible"


def test_near_miss_without_bar_every_arm_is_a_way_in() -> None:
    text = _text(["EGFR (erlotinib): activating EGFR mutation", "ALK (alectinib): ALK rearrangement"],
                 "Measurable disease per RECIST v1.1")
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, ALK) == "eligible"


def test_near_miss_bar_for_another_cancer_keeps_nsclc_arms() -> None:
    # the bar names breast cancer only: the NSCLC patient keeps the HER2 arm
    text = _text(["HER2 (trastuzumab + pertuzumab): HER2 amplification or activating mutation",
                  "EGFR (erlotinib): activating EGFR mutation"],
                 "HER2-positive breast cancer is not eligible for the HER2 arm")
    assert verdict(text, HER2_EX20) == "eligible"
    assert verdict(text, EGFR_19) == "eligible"


def test_near_miss_every_arm_barred_keeps_the_old_reading() -> None:
    # no open arm at all is not read as "no marker rule": the arms stay as written
    text = _text(["BRAF (encorafenib + binimetinib): BRAF V600E", "ROS1 (crizotinib): ROS1 fusion"],
                 "NSCLC is excluded from the BRAF and ROS1 arms")
    assert verdict(text, NO_DRIVER) != "eligible"
