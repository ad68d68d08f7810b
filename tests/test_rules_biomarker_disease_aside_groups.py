"""A bracket that names a group only to widen the cancer it takes ("NSCLC (or other solid tumour for Cohort 2e)
with a documented ALK rearrangement") leaves the marker a rule on every patient: the group differs in the disease,
not the marker asked. Before, the group's name made the finding one unnamed group's rule, so a patient tested
negative for the gene was a question, not excluded. A bracket that names a marker of its own, or says the rule is
one group's ("(Cohort 2 only)"), still does.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, KRAS_G12C, MET_EX14, NO_DRIVER, RET, ROS1, inc, patient, verdict

from trialmatch.matching.profile import Profile

CASES = [
    ("Locally advanced or metastatic NSCLC (or other solid tumor for Cohort 2e) with a documented ALK rearrangement "
     "or activating ALK mutation", ALK),
    ("Metastatic non-small cell lung cancer (or any solid tumour in Part B) harbouring a RET fusion", RET),
    ("Unresectable NSCLC (other tumour types allowed in Arm C) with a ROS1 rearrangement by FISH or NGS", ROS1),
    ("Recurrent lung cancer (or another advanced carcinoma in Cohort 3) with MET exon 14 skipping", MET_EX14),
    ("Stage IV NSCLC (plus other cancers for Group 2) carrying a KRAS G12C mutation", KRAS_G12C),
    ("Advanced NSCLC (solid tumours of any histology for Cohort B) with an NTRK1, NTRK2 or NTRK3 gene fusion",
     patient("NTRK1:fusion")),
]


@pytest.mark.parametrize(("bullet", "carrier"), CASES)
def test_a_disease_aside_does_not_make_the_marker_one_groups(bullet: str, carrier: Profile) -> None:
    text = inc(bullet, "ECOG performance status 0-1")
    assert verdict(text, carrier) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"


@pytest.mark.parametrize("bullet", [
    # Near-misses: the bracket names a marker of its own, or says the rule is one group's.
    "Advanced NSCLC (or KRAS-mutant solid tumours for Cohort 2) with a documented ALK rearrangement",
    "Advanced NSCLC with a documented ALK rearrangement (Cohort 2 only)",
    "Advanced NSCLC with a documented ALK rearrangement (HER2-positive tumours in Arm B)",
])
def test_other_group_brackets_keep_the_doubt(bullet: str) -> None:
    text = inc(bullet, "ECOG performance status 0-1")
    assert verdict(text, NO_DRIVER) != "excluded"
    assert verdict(text, ALK) == "eligible"


@pytest.mark.parametrize("bullet", [
    # Near-misses: after the marker, a bracket that widens the cancer for a group may waive the marker there.
    "Documented RET fusion (any solid tumour is allowed in Part B)",
    "ALK rearrangement by FISH (for Cohort 3, any NSCLC histology is allowed)",
])
def test_a_disease_aside_after_the_marker_keeps_the_doubt(bullet: str) -> None:
    text = inc(bullet, "ECOG performance status 0-1")
    assert verdict(text, NO_DRIVER) != "excluded"
