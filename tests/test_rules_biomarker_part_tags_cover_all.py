"""Kind 12 (synthK): a marker requirement tagged by part, where the tags together cover every part. "EGFR exon 19
deletion or L858R (Phase 1 and Expansion Cohorts A, B and D) or an uncommon EGFR mutation (Expansion Cohort C)",
beside bullets that define each part only by its treatment ("Expansion Cohort A: progressed on osimertinib ..."):
the whole requirement went to the last tag's group, so the other parts looked marker-free and everyone was
eligible. When the tags name every part the trial labels, the union of the alternatives is trial-wide; a part
defined only by a therapy bullet is no marker-free part.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_G719X,
    EGFR_L858R,
    KRAS_G12C,
    KRAS_G12D,
    MET_EX14,
    NO_DRIVER,
    RET,
    UNTESTED,
    inc,
    verdict,
)

from trialmatch.matching.profile import Profile

PARTS_AB = [
    "Part A: at least one prior platinum-based chemotherapy",
    "Part B: no prior systemic therapy for advanced disease",
]
COHORTS_123 = [
    "Cohort 1: progressed on osimertinib as the most recent line",
    "Cohort 2: treatment-naive in the metastatic setting",
    "Cohort 3: progressed after first- or second-generation EGFR TKI",
]

# (requirement, the part bullets, a carrier who fits, a carrier of the other alternative who fits too)
COVERING = [
    ("Participant must have either an EGFR exon 19 deletion or L858R mutation (Phase 1 and Expansion Cohorts A and "
     "B) or an uncommon EGFR mutation such as G719X (Expansion Cohort C)",
     ["Phase 1 (dose escalation): progressed after standard therapy",
      "Expansion Cohort A: progressed on osimertinib and platinum chemotherapy",
      "Expansion Cohort B: chemotherapy-naive after osimertinib",
      "Expansion Cohort C: treatment-naive or one prior first-generation TKI"], EGFR_19, EGFR_G719X),
    ("Documented KRAS G12C mutation (Part A) or KRAS G12D mutation (Part B)", PARTS_AB, KRAS_G12C, KRAS_G12D),
    ("ALK rearrangement (Cohorts 1 and 2) or ROS1 rearrangement (Cohort 3)", COHORTS_123, ALK,
     None),
    ("Tumour harbouring a RET fusion (Part A) or a MET exon 14 skipping mutation (Part B), by local NGS", PARTS_AB,
     RET, MET_EX14),
    ("EGFR L858R (Cohort 1), exon 19 deletion (Cohort 2) or G719X (Cohort 3)", COHORTS_123, EGFR_L858R, EGFR_G719X),
    ("Presence of an EGFR sensitising mutation (Arms A and B) or an ALK fusion (Arm C)",
     ["Arm A: osimertinib plus chemotherapy", "Arm B: osimertinib alone", "Arm C: alectinib"], EGFR_19, ALK),
]


@pytest.mark.parametrize(("requirement", "parts", "fits", "fits_too"), COVERING)
def test_tags_covering_every_part_make_the_union_trial_wide(requirement: str, parts: list[str], fits: Profile,
                                                            fits_too: Profile | None) -> None:
    text = inc("Advanced NSCLC", requirement, *parts)
    assert verdict(text, fits) == "eligible"
    if fits_too is not None:
        assert verdict(text, fits_too) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"


NEAR_MISSES = [
    # A part the tags leave out (Part C) may take anyone: a question, never excluded.
    (inc("Advanced NSCLC", "KRAS G12C mutation (Part A) or KRAS G12D mutation (Part B)", *PARTS_AB,
         "Part C: any solid tumour after standard therapy"), NO_DRIVER, "unknown"),
    # One tag only: that group's rule, as before.
    (inc("Advanced NSCLC", "KRAS G12C mutation (Part A)", *PARTS_AB), NO_DRIVER, "eligible"),
    # An untagged requirement stays trial-wide.
    (inc("Advanced NSCLC", "Documented ALK rearrangement", *COHORTS_123), NO_DRIVER, "excluded"),
    (inc("Advanced NSCLC", "Documented ALK rearrangement", *COHORTS_123), ALK, "eligible"),
]


@pytest.mark.parametrize(("text", "profile", "expected"), NEAR_MISSES)
def test_near_misses_keep_their_verdict(text: str, profile: Profile, expected: str) -> None:
    assert verdict(text, profile) == expected
