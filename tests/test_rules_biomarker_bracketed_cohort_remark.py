"""An exclusion with a bracketed remark for one group ("Concomitant EGFR sensitising mutation or ALK/ROS1 fusion
(Cohort C: EGFR-mutant patients after osimertinib are NOT eligible for this study and should be referred to the
EGFR/MET combination study)") holds two rules: the line's own, on everyone, and the bracket's, on that group only.
The genes that name the other study the patient is sent to ("the EGFR/MET combination study") are no rule at all:
a MET-amplified patient, who can only join the group that takes amplification, stays eligible.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, exc, inc, patient, verdict

MET_AMP = patient("MET:amplification")
MET_14 = patient("MET:exon 14 skipping")

COHORTS = inc(
    "MET alteration documented by a certified laboratory:",
    "Cohort A: MET exon 14 skipping, no prior MET inhibitor",
    "Cohort B: MET exon 14 skipping after one prior MET TKI",
    "Cohort C: MET amplification (GCN >= 10 or MET/CEP7 >= 5) regardless of prior MET TKI",
)

REMARKS = [
    "Concomitant EGFR sensitising mutation or ALK/ROS1 fusion (Cohort C: EGFR-mutant patients after osimertinib are "
    "NOT eligible for this study and should be referred to the EGFR/MET combination study).",
    "Known ALK rearrangement or sensitising EGFR mutation (Cohort C: patients with EGFR mutation after a third-"
    "generation TKI should instead be offered the MET/EGFR sub-study)",
    "ALK or ROS1 fusion, or EGFR exon 19 deletion / L858R (Cohort C: EGFR-mutated subjects progressing on "
    "osimertinib are not eligible; they may be considered for the amivantamab MET combination trial).",
    "EGFR activating mutation or ALK fusion (Cohort C: EGFR mutant NSCLC after prior osimertinib is excluded and "
    "should be referred to the EGFR-MET trial)",
    "Co-existing sensitising EGFR mutation, ALK or ROS1 fusion (Cohort C: EGFR-positive patients previously on "
    "lazertinib are to be screened for the separate MET amplification study instead)",
    "Sensitising EGFR mutation or ALK gene rearrangement (Cohort C: EGFR-mutant patients after osimertinib are not "
    "eligible and should be directed to the MET-EGFR combination protocol).",
]


@pytest.mark.parametrize("remark", REMARKS)
def test_a_bracketed_group_remark_keeps_its_other_study_out(remark: str) -> None:
    text = COHORTS + "\n" + exc(remark)
    assert verdict(text, MET_AMP) == "eligible"
    assert verdict(text, MET_14) == "eligible"
    assert verdict(text, KRAS_G12C) == "excluded"  # no MET alteration
    both = patient("MET:exon 14 skipping", "ALK:fusion")
    assert verdict(text, both) == "excluded"  # the line's own rule still binds everyone


def test_a_study_name_alone_names_no_gene() -> None:
    text = inc("Documented MET exon 14 skipping or MET amplification") + "\n" + exc(
        "Patients with EGFR mutations should be referred to the EGFR/MET combination study")
    assert verdict(text, MET_AMP) == "eligible"


@pytest.mark.parametrize("line", [
    "MET alteration, or EGFR mutation (Cohort C)",
    "Known MET amplification (patients should be referred to another study)",
])
def test_a_marker_not_naming_a_study_still_binds(line: str) -> None:
    # Near-miss: the gene is not the name of the study the patient is sent to.
    text = inc("Documented ALK fusion or MET exon 14 skipping") + "\n" + exc(line)
    assert verdict(text, ALK) == "eligible"
    assert verdict(text, MET_AMP) == "excluded"
    assert verdict(text, EGFR_19) == "excluded"
