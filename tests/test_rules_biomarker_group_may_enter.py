"""A sentence that lets a group named by its marker into one part of the trial ("Patients with ROS1+ NSCLC may enter
the TKI-naive cohort as first-line treatment") is a permission: it asks nothing of the other patients. Beside the
trial's own rule (an NTRK or ROS1 fusion) a patient with an NTRK fusion stays eligible. A line that only lets that
group in ("Only patients with ...", "must") is read as before.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import KRAS_G12C, ROS1, inc, patient, verdict

NTRK1 = patient("NTRK1:fusion")
RET_FUSION = patient("RET:fusion")

MAIN = [
    "Solid tumour harbouring an NTRK1, NTRK2, NTRK3, ROS1 or RET gene fusion by NGS or FISH",
    "Documented NTRK 1/2/3, ROS1 or RET rearrangement (tissue or plasma)",
]

MAY_ENTER = [
    "Patients must have progressed on prior standard therapy. Patients with ROS1+ NSCLC may enter the TKI-naive "
    "cohort as first-line treatment.",
    "Patients with ROS1-rearranged lung cancer can also join cohort 2 without prior therapy.",
    "Subjects whose tumours carry a ROS1 fusion may enrol into Arm B as first line.",
    "Treatment-naive participants with ROS1 positive NSCLC can enter the expansion part.",
    "Prior therapy is required; however ROS1 fusion-positive patients may be recruited to the first-line group.",
    "ROS1+ subjects may join Part C irrespective of earlier treatment.",
]


@pytest.mark.parametrize("line", MAY_ENTER)
@pytest.mark.parametrize("main", MAIN)
def test_a_group_let_into_a_part_is_no_requirement(main: str, line: str) -> None:
    text = inc(main, line)
    assert verdict(text, NTRK1) == "eligible"
    assert verdict(text, RET_FUSION) == "eligible"
    assert verdict(text, ROS1) == "eligible"
    assert verdict(text, KRAS_G12C) == "excluded"  # the main line still binds


@pytest.mark.parametrize("line", [
    "Only patients with ROS1+ NSCLC may enter this study.",
    "Patients must have a ROS1 fusion to enter the study.",
])
def test_a_line_letting_only_that_group_in_still_binds(line: str) -> None:
    # Near-miss: "only" / "must" make the marker the way in.
    text = inc(line)
    assert verdict(text, NTRK1) == "excluded"
    assert verdict(text, ROS1) == "eligible"
