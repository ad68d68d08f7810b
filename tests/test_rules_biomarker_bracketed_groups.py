"""Biomarker verdicts for labelled groups whose own words stand in a bracket after the label ("Arm A (squamous
NSCLC), after one prior line; Arm B (non-squamous, without EGFR, ALK or ROS1 alterations), after platinum";
"Cohort 1 (EGFR-mutant NSCLC) after osimertinib"), in one criterion or one per bullet.

- each group's rule binds its group alone (before, every arm's rule bound everyone: a squamous ALK patient was barred
  by the non-squamous arm's "without ALK");
- markers in a group's bracket are who the group is for: "Cohort 1 (EGFR-mutant NSCLC)" beside "Cohort 2 (KRAS G12C)"
  takes EGFR or KRAS G12C carriers (before, the bracket made the group a rule on EGFR carriers only, so an ALK
  patient passed every group).

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, ROS1, inc, patient, verdict

HISTOLOGY_LAYOUTS = [
    ("Arm A (squamous NSCLC), after one prior line",
     "Arm B (non-squamous, without EGFR, ALK or ROS1 alterations), after platinum chemotherapy"),
    ("Cohort 1 (squamous cell carcinoma) after progression on chemo-immunotherapy",
     "Cohort 2 (non-squamous NSCLC, EGFR/ALK/ROS1 wild-type) after progression on chemo-immunotherapy"),
    ("Part B1 (squamous histology), progressed on a PD-1 antibody",
     "Part B2 (non-squamous histology, no EGFR mutation or ALK rearrangement), progressed on a PD-1 antibody"),
    ("Substudy-01 (sqNSCLC) - after platinum doublet",
     "Substudy-02 (nsqNSCLC without EGFR, ALK and ROS1 alterations) - after platinum doublet"),
]


@pytest.mark.parametrize("first,second", HISTOLOGY_LAYOUTS)
@pytest.mark.parametrize("one_bullet", [True, False])
def test_each_arm_binds_its_own_patients(first: str, second: str, one_bullet: bool) -> None:
    text = inc("Stage IV NSCLC", f"{first}; {second}") if one_bullet else inc("Stage IV NSCLC", first, second)
    assert verdict(text, patient("ALK:fusion", histology="squamous")) == "eligible"  # the squamous arm
    assert verdict(text, KRAS_G12C) == "eligible"  # the non-squamous arm: none of the genes
    assert verdict(text, NO_DRIVER) == "eligible"
    # adenocarcinoma: not the squamous arm, refused by the other ("EGFR/ALK/ROS1 wild-type" in a bracket is read
    # as in doubt: unknown, never eligible)
    assert verdict(text, ALK) in {"excluded"} | ({"unknown"} if "wild-type" in second else set())
    assert verdict(text, EGFR_19) in {"excluded"} | ({"unknown"} if "wild-type" in second else set())
    assert verdict(text, patient("ALK:fusion", histology="nsclc-nos")) != "excluded"  # the squamous arm may be open


MARKER_LAYOUTS = [
    ("Cohort 1 (EGFR-mutant NSCLC) after osimertinib", "Cohort 2 (KRAS G12C-mutant NSCLC) after sotorasib"),
    ("Arm A (EGFRm), progressed on a third-generation TKI", "Arm B (KRAS G12C), progressed on a G12C inhibitor"),
    ("Substudy-01 (EGFR exon 19 deletion or L858R), after osimertinib",
     "Substudy-02 (KRAS p.G12C), after platinum chemotherapy and a PD-(L)1 antibody"),
]


@pytest.mark.parametrize("first,second", MARKER_LAYOUTS)
@pytest.mark.parametrize("one_bullet", [True, False])
def test_bracketed_markers_are_the_groups_way_in(first: str, second: str, one_bullet: bool) -> None:
    text = inc("Stage IV NSCLC", f"{first}; {second}") if one_bullet else inc("Stage IV NSCLC", first, second)
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, ROS1) == "excluded"


def test_unlabelled_marker_group_keeps_its_condition_reading() -> None:
    # Near-miss: "Patients with EGFR mutation (...)" is a rule on carriers, not a labelled group's way in.
    text = inc("Stage IV NSCLC", "Patients with an EGFR mutation (exon 19 deletion or L858R) must have received "
                                 "osimertinib")
    assert verdict(text, ALK) == "eligible"
    assert verdict(text, EGFR_19) == "eligible"
