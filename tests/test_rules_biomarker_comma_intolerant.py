"""An exclusion of carriers lifted for those treated, whose alternative is set off by commas ("... are not eligible
unless they have progressed on, or are intolerant of, an appropriate TKI"), is read as the same condition written
without them: an untreated carrier is excluded, a treated one is not. Before, the commas left the condition unread,
so every carrier was a question.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import NO_DRIVER, inc, patient, verdict

from trialmatch.criteria.rules.biomarker.treated import unless_treated
from trialmatch.matching.profile import Profile

# Untreated carriers: no line of treatment yet, so no drug for the change either.
EGFR_L858R = patient("EGFR:L858R", lines=0)
ALK = patient("ALK:fusion", lines=0)
ROS1 = patient("ROS1:fusion", lines=0)
KRAS_G12C = patient("KRAS:G12C", lines=0)

# (bullet, an untreated carrier, the same carrier after a drug for it)
CASES = [
    ("Patients with a known EGFR sensitising mutation or ALK rearrangement are not eligible unless they have "
     "progressed on, or are intolerant of, an appropriate TKI.", EGFR_L858R,
     patient("EGFR:L858R", drugs=("osimertinib",))),
    ("Subjects whose tumour carries an ALK fusion are excluded unless they progressed on, or were intolerant to, "
     "an ALK tyrosine kinase inhibitor", ALK, patient("ALK:fusion", drugs=("alectinib",))),
    ("Patients with ROS1-rearranged NSCLC are ineligible unless they have progressed on, or are intolerant of, "
     "approved targeted therapy", ROS1, patient("ROS1:fusion", drugs=("crizotinib",))),
    ("Participants with a KRAS G12C mutation are not eligible unless they have had disease progression on, or been "
     "intolerant to, a KRAS G12C inhibitor.", KRAS_G12C, patient("KRAS:G12C", drugs=("sotorasib",))),
    ("EGFR-mutant disease is excluded unless the patient has progressed on, or is intolerant of, a standard EGFR "
     "tyrosine kinase inhibitor", EGFR_L858R, patient("EGFR:L858R", drugs=("gefitinib",))),
    ("Patients with an actionable ALK or ROS1 alteration are not eligible unless they have failed, or are "
     "intolerant of, the corresponding targeted therapy", ALK, patient("ALK:fusion", drugs=("lorlatinib",))),
]


@pytest.mark.parametrize(("bullet", "untreated", "treated"), CASES)
def test_commas_around_the_intolerance_keep_the_condition(bullet: str, untreated: Profile, treated: Profile) -> None:
    text = inc(bullet)
    assert verdict(text, untreated) == "excluded"
    assert verdict(text, treated) == "eligible"
    assert verdict(text, NO_DRIVER) == "eligible"


@pytest.mark.parametrize("sentence", [
    # Near-misses: the condition asks for something other than a targeted drug, so it stays unread.
    "Patients with EGFR mutation are not eligible unless they have progressed on, or are intolerant of, chemotherapy.",
    "Patients with ALK fusion are excluded unless they have progressed on, or are intolerant of, two prior lines.",
])
def test_other_conditions_stay_unread(sentence: str) -> None:
    assert unless_treated(sentence) is None
