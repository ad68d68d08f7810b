"""Alternatives where the second excludes the first only to sort patients into groups ("MET exon 14 skipping (Cohort
A) or MET amplification without MET exon 14 skipping (Cohort B)"): X or (Y and not X) is X or Y. Before, the
"without X" beside the asked X read as a sentence at odds with itself and the whole requirement was dropped, so a
patient with neither change was left a question (or let in by the title alone).

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_EX20,
    HER2_EX20,
    L858R_C797S,
    MET_AMP,
    MET_EX14,
    NO_DRIVER,
    ROS1,
    inc,
    verdict,
)

from trialmatch.matching.profile import Profile

CASES = [
    ("Participants with MET exon 14 skipping alterations in plasma and/or tissue (Cohort A and Cohort C) or MET "
     "amplification without MET exon 14 skipping alterations (Cohort B), by central testing", MET_EX14, MET_AMP),
    ("METex14 skipping mutation (Arm 1) or MET amplification without METex14 (Arm 2)", MET_EX14, MET_AMP),
    ("EGFR exon 20 insertion (cohort 1) or HER2 exon 20 insertion without an EGFR exon 20 insertion (cohort 2)",
     EGFR_EX20, HER2_EX20),
    ("ALK rearrangement (Group A), or ROS1 fusion without ALK rearrangement (Group B)", ALK, ROS1),
    ("Documented ROS1 fusion, or ALK fusion in the absence of a ROS1 fusion", ROS1, ALK),
    ("Tumour with MET amplification (Part 1) or with MET exon 14 skipping but without MET amplification (Part 2)",
     MET_AMP, MET_EX14),
]


@pytest.mark.parametrize(("bullet", "first", "second"), CASES)
def test_either_group_s_change_lets_in(bullet: str, first: Profile, second: Profile) -> None:
    text = inc(bullet)
    assert verdict(text, first) == "eligible"
    assert verdict(text, second) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, EGFR_19 if first is not EGFR_EX20 else ALK) == "excluded"


def test_a_lone_without_still_shuts_the_change_out() -> None:
    # Near-miss: one asked change only; "without MET exon 14 skipping" is a rule of its own.
    text = inc("MET amplification without MET exon 14 skipping")
    assert verdict(text, MET_AMP) == "eligible"
    assert verdict(text, MET_EX14) == "excluded"


def test_changes_asked_together_keep_their_reading() -> None:
    # Near-miss: "T790M and C797S (Cohort 1), C797S without T790M (Cohort 2)": T790M alone is no way in, so
    # the rewrite does not apply; the sentence stays unread as before (no rule from it).
    text = inc("Osimertinib resistance with T790M and C797S (Cohort 1), or C797S without T790M (Cohort 2)")
    assert verdict(text, L858R_C797S) == "eligible"
    assert verdict(text, NO_DRIVER) == "eligible"
