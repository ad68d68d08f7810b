"""A group label that names its marker in brackets, then a permission about the group's patients ("Part B1 (EGFR
exon 20 insertion), patients who progressed on prior platinum can be enrolled") defines that group by the marker, as
"Part B1 (EGFR exon 20 insertion): patients who progressed on prior platinum" does. Read whole as a permission it had
set no rule, and a patient without the marker was eligible for the group. Invented sentences only."""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, EGFR_EX20, HER2_EX20, KRAS_G12C, MET_EX14, NO_DRIVER, ROS1, inc, verdict

# (label sentence, a carrier of its marker, a patient without it)
LABELLED = [
    ("Part B1 (EGFR exon 20 insertion), patients who progressed on prior platinum can be enrolled", EGFR_EX20, EGFR_19),
    ("Cohort 2 (KRAS G12C): patients previously treated with a PD-1 inhibitor are eligible", KRAS_G12C, NO_DRIVER),
    ("Arm A (ALK-positive) - patients who progressed after alectinib may enroll", ALK, ROS1),
    ("Cohort 3 (MET exon 14 skipping): both treatment-naive and pretreated patients may be enrolled", MET_EX14, ALK),
    ("Part 2 (HER2 exon 20 insertion), patients with stable brain metastases are allowed", HER2_EX20, EGFR_EX20),
    ("Cohort B (ROS1 fusion): patients with one prior line of chemotherapy are also eligible", ROS1, ALK),
]


@pytest.mark.parametrize("text,carrier,other", LABELLED)
def test_the_label_defines_its_group(text: str, carrier: object, other: object) -> None:
    criteria = inc("Stage IV NSCLC", text)
    assert verdict(criteria, carrier) == "eligible"  # type: ignore[arg-type]
    # one group is shown; another may take the patient: a question, never a plain eligible
    assert verdict(criteria, other) == "unknown"  # type: ignore[arg-type]


def test_two_labelled_groups_are_the_ways_in() -> None:
    criteria = inc("Stage IV NSCLC",
                   "Part B1 (EGFR exon 20 insertion), patients who progressed on prior platinum can be enrolled",
                   "Part B2 (HER2 exon 20 insertion), patients who progressed on prior platinum can be enrolled")
    assert verdict(criteria, EGFR_EX20) == "eligible"
    assert verdict(criteria, HER2_EX20) == "eligible"
    assert verdict(criteria, EGFR_19) == "excluded"


# Near-misses: a bracket naming a treatment or a setting (not a marker), and a permission with no label, stay
# permissions that set no rule.
@pytest.mark.parametrize("text", [
    "Cohort 2 (prior EGFR TKI): patients with EGFR mutation can be enrolled",
    "Arm A (ALK inhibitor-naive), patients with ALK rearrangement may enroll",
    "Part C (post-osimertinib): patients with a MET amplification are eligible",
    "Patients with EGFR exon 20 insertion who progressed on platinum can be enrolled",
    "Cohort 4 (dose expansion): patients with KRAS G12C are eligible",
])
def test_no_marker_label_stays_a_permission(text: str) -> None:
    criteria = inc("Stage IV NSCLC", text)
    for profile in (EGFR_19, NO_DRIVER, KRAS_G12C):
        assert verdict(criteria, profile) == "eligible", (text, profile)
