"""An exclusion the text says binds one group alone ("Known EGFR mutations or ALK translocations (Nivolumab +
Ipilimumab arm only)"): "only" says the trial has other groups that do not bar the change, so it shuts no patient out
of the trial. Before, the aside made the bar a question (unknown) for every carrier. Without "only" the group aside
still leaves a question; a bar for every group still excludes.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, BRAF_V600E, EGFR_19, KRAS_G12C, NO_DRIVER, ROS1, exc, verdict

from trialmatch.matching.profile import Profile

CASES = [
    ("Patients with known EGFR mutations or ALK translocations (Nivolumab + Ipilimumab arm only).", EGFR_19),
    ("Known activating EGFR mutation in NSCLC (Arm 2 only)", EGFR_19),
    ("Documented ROS1 rearrangement, which applies to Part B only", ROS1),
    ("Tumour harbours a KRAS G12C mutation, in the chemotherapy-combination cohort only", KRAS_G12C),
    ("Patients with ALK fusion-positive disease are not allowed to be enrolled (only for the Arm B).", ALK),
    ("BRAF V600E mutated NSCLC (exclusion applicable to the dose-expansion cohorts only)", BRAF_V600E),
]


@pytest.mark.parametrize(("bullet", "carrier"), CASES)
def test_a_bar_for_one_group_only_shuts_no_one_out(bullet: str, carrier: Profile) -> None:
    assert verdict(exc(bullet), carrier) == "eligible"
    assert verdict(exc(bullet), NO_DRIVER) == "eligible"


def test_a_group_aside_without_only_stays_a_question() -> None:
    # Near-miss: no "only": which groups the bar binds is not said.
    text = exc("Known EGFR mutations or ALK translocations (Nivolumab + Ipilimumab arm).")
    assert verdict(text, EGFR_19) == "unknown"


@pytest.mark.parametrize("bullet", [
    "Known EGFR mutation (all arms)",
    "Known EGFR sensitising mutation; only patients with EGFR wild-type tumours are eligible",
    "EGFR mutation, which only the osimertinib arm could treat",
])
def test_a_bar_for_every_group_still_excludes(bullet: str) -> None:
    # Near-miss: "all arms", "only" about patients or a drug, not a group.
    assert verdict(exc(bullet), EGFR_19) == "excluded"


def test_a_one_group_bar_stays_where_groups_state_their_markers() -> None:
    # Near-miss: the groups ask for their own changes: the bar is not dropped but joined to the group it names
    # ("(Cohort B only)" is Cohort B's), so the T790M carrier is not let in by a group of its own.
    from biomarker_cases import EGFR_19_T790M
    text = ("Inclusion Criteria:\n\n* Cohort A: KRAS G12C mutation\n* Cohort B: EGFR exon 19 deletion or L858R\n\n"
            "Exclusion Criteria:\n\n* EGFR T790M mutation (Cohort B only)\n")
    assert verdict(text, EGFR_19_T790M) != "eligible"


def test_a_one_group_bar_opens_no_group_of_its_own() -> None:
    # Near-miss: the arms ask for amplifications; "(Arm 2 only)" is Arm 2's bar, not a third group without a
    # requirement (which let every patient in).
    from biomarker_cases import ALK, MET_AMP
    text = ("Inclusion Criteria:\n\n* Tumour gene amplification found by a local NGS assay:\n"
            "  * Arm 1: amplification of any oncogene (e.g., MET, ERBB2, MYC)\n  * Arm 2: ERBB2 amplification\n\n"
            "Exclusion Criteria:\n\n* Known ALK rearrangement (Arm 2 only)\n")
    assert verdict(text, ALK) != "eligible"
    assert verdict(text, MET_AMP) == "eligible"
