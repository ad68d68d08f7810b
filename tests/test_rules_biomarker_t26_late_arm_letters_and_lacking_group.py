"""Two kinds of umbrella-trial sentence (session 26, set T).

1. Arm labels past H ("Arm N (drug): RET fusion", "Cohort K: ..."): a list of arms, each with its own change, is a
   list of alternatives. Before, a letter past H was no label, so that arm's change was a requirement for the whole
   trial and every patient without it was excluded.
2. "<requirement>; patients with no <marker> may be allocated to the <drug> arm": the rule is one group's and the
   patients lacking the marker have an unlabelled group of their own: a question, never a bar.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    KRAS_G12C,
    MET_EX14,
    NO_DRIVER,
    RET,
    ROS1,
    inc,
    verdict,
)

from trialmatch.matching.profile import Profile

# (arm bullets, a patient matching the late-lettered arm, a patient matching an early arm)
ARM_LISTS = [
    (["Arm A (drug one): ALK fusion", "Arm B (drug two): BRAF V600E mutation", "Arm N (drug three): RET fusion"],
     RET, ALK),
    (["Cohort C: ROS1 rearrangement", "Cohort K: KRAS G12C mutation"], KRAS_G12C, ROS1),
    (["Arm D (tepotinib): MET exon 14 skipping", "Arm M (selpercatinib): RET rearrangement, no prior RET inhibitor"],
     RET, MET_EX14),
    (["Module A: BRAF V600E", "Module P: KRAS G12C mutation; no prior sotorasib"], KRAS_G12C, BRAF_V600E),
    (["Group B (crizotinib): ROS1 fusion", "Group X (alectinib): ALK rearrangement"], ALK, ROS1),
    (["Arm E: MET exon 14 skipping mutation", "Arm S (osimertinib): EGFR exon 19 deletion"], EGFR_19, MET_EX14),
]


@pytest.mark.parametrize(("arms", "late", "early"), ARM_LISTS)
def test_a_late_lettered_arm_is_one_alternative(arms: list[str], late: Profile, early: Profile) -> None:
    text = inc("Histologically confirmed NSCLC", *arms)
    assert verdict(text, late) == "eligible"
    assert verdict(text, early) == "eligible"
    assert verdict(text, NO_DRIVER) != "eligible"


@pytest.mark.parametrize("bullet", [
    "Arms: KRAS G12C mutation",  # "arms" is no "arm s"
    "Arm N/A: KRAS G12C mutation",  # not a letter on its own
    "Arm Nx: KRAS G12C mutation",
])
def test_near_misses_keep_their_reading(bullet: str) -> None:
    # one bullet alone: a requirement as before, whether read as a label or not
    text = inc("Histologically confirmed NSCLC", bullet)
    assert verdict(text, KRAS_G12C) == "eligible"


def test_a_lone_late_lettered_arm_still_asks_its_change() -> None:
    text = inc("Histologically confirmed NSCLC", "Arm N (drug): RET fusion",
               "Arm Q (drug): RET fusion, after a RET TKI")
    assert verdict(text, RET) == "eligible"
    assert verdict(text, EGFR_19) == "excluded"


LACKING = [
    "Tumour shows an actionable genomic alteration matching an open arm; patients with no actionable alteration may be "
    "allocated to the immunotherapy arm",
    "Documented EGFR activating mutation; participants without an EGFR mutation can enrol in the chemotherapy cohort",
    "Known oncogenic driver (EGFR, ALK, ROS1); EGFR, ALK and ROS1 wild-type patients are eligible for the control arm",
    "Presence of a targetable driver alteration; subjects lacking a targetable driver will be assigned to the "
    "pembrolizumab group",
    "KRAS G12C mutation by central testing; patients negative for KRAS G12C may instead be enrolled in the docetaxel "
    "stratum",
    "Actionable molecular alteration by NGS. Tumours without an actionable alteration are eligible for a separate "
    "basket",
]


@pytest.mark.parametrize("bullet", LACKING)
def test_a_group_for_those_lacking_the_marker_is_no_bar(bullet: str) -> None:
    assert verdict(inc("Histologically confirmed NSCLC", bullet), NO_DRIVER) != "excluded"


@pytest.mark.parametrize("bullet", [
    # no group for those who lack it: the requirement stands
    "Documented EGFR activating mutation; participants without an EGFR mutation are not eligible",
    "Documented EGFR activating mutation; patients without an EGFR mutation must have received chemotherapy",
    "Documented EGFR activating mutation",
])
def test_near_misses_still_exclude(bullet: str) -> None:
    assert verdict(inc("Histologically confirmed NSCLC", bullet), NO_DRIVER) == "excluded"


def test_the_positive_side_still_passes() -> None:
    text = inc("Documented EGFR activating mutation; participants without an EGFR mutation can enrol in the "
               "chemotherapy cohort")
    assert verdict(text, EGFR_19) == "eligible"
