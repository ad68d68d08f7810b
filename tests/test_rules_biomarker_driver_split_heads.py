"""Sub-bullets that split every patient into a driver group and its complement (session 31, round 3, AH).

"Prior therapy, by molecular subgroup:" over "No actionable driver (including KRAS-mutant tumours): progression on
..." and "Actionable driver (EGFR, ALK ...): progression on ...": each name is one group, the two together every
patient, so the names ask for no marker; read as rules, a KRAS carrier fitted neither and was excluded. Near-misses:
one state alone, or a name that is a rule itself, keep their verdicts.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, ROS1, UNTESTED, patient, verdict

HER2 = patient("ERBB2:exon 20 insertion")
PATIENTS = [UNTESTED, KRAS_G12C, EGFR_19, NO_DRIVER, ROS1, ALK, HER2]


def subs(lead: str, *bullets: str) -> str:
    return "Inclusion Criteria:\n\n* Stage IV NSCLC.\n* " + lead + "\n\n" + "".join(f"  * {b}\n" for b in bullets)


SPLITS = [
    subs("Prior therapy, by molecular subgroup:",
         "No actionable driver (including KRAS-mutant and HER2-mutant tumours): progression on platinum-based "
         "chemotherapy and an anti-PD-(L)1 antibody.",
         "Actionable driver (EGFR, ALK, ROS1, RET or BRAF V600E): progression on at least one approved targeted "
         "therapy."),
    subs("Previous treatment according to driver status:",
         "Actionable genomic alteration (EGFR, ALK or ROS1): disease progression on a TKI for that alteration.",
         "No actionable genomic alteration (KRAS-mutant tumours are included here): one or two prior regimens."),
    subs("Prior systemic therapy, by cohort:",
         "Without an oncogenic driver: progressed on a PD-1 inhibitor given with platinum doublet chemotherapy.",
         "With an oncogenic driver (EGFR, ALK, ROS1, NTRK, MET exon 14 skipping): progressed on targeted therapy."),
    subs("Number of prior lines, per population:",
         "Driver-negative (including HER2-mutant): up to two prior lines.",
         "Driver-positive (EGFR, ALK, ROS1, RET): up to three prior lines including a TKI."),
    subs("Prior therapy:",
         "No targetable alteration (including KRAS G12C): after chemotherapy and immunotherapy, in either order.",
         "Targetable alteration (EGFR, ALK, ROS1, RET, BRAF, NTRK or MET): after the approved targeted agent."),
]


@pytest.mark.parametrize("criteria", SPLITS)
def test_two_states_of_a_class_take_every_patient(criteria: str) -> None:
    assert [verdict(criteria, p) for p in PATIENTS] == ["eligible"] * len(PATIENTS)


def test_one_state_alone_keeps_its_rule() -> None:
    criteria = subs("Prior therapy, by molecular subgroup:",
                    "No actionable driver: progression on platinum chemotherapy and an anti-PD-1 antibody.")
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, EGFR_19) != "eligible"
    assert verdict(criteria, UNTESTED) == "unknown"


def test_plain_ban_beside_a_driver_group_still_binds() -> None:
    # Both lines say the marker rule itself (no group name before a colon): EGFR carriers are excluded.
    criteria = subs("Molecular eligibility:", "No EGFR mutation or ALK rearrangement.", "PD-L1 TPS >= 1%.")
    assert verdict(criteria, EGFR_19) == "excluded"


def test_cohort_marker_labels_keep_their_rules() -> None:
    # Two gene-named cohorts are no split of every patient: a KRAS carrier fits neither.
    criteria = subs("Cohorts:", "Cohort 1 (EGFR-mutant): after osimertinib.", "Cohort 2 (ALK-positive): after an ALK "
                    "inhibitor.")
    assert verdict(criteria, KRAS_G12C) == "excluded"
