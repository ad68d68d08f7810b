"""A shared requirement that, by the vocabulary, counts every change the cohorts ask for ("activating RET gene
alteration (fusion or mutation)" beside "Cohort 2A: RET fusion+ NSCLC ...") agrees with them: it binds, so a patient
tested negative for the gene is excluded, not a question. A shared rule narrower than a cohort's ("EGFR exon 20
insertion" beside a cohort for T790M) still disagrees and stays a question.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, NO_DRIVER, RET, UNTESTED, inc, patient, verdict

from trialmatch.matching.profile import Profile

CASES = [
    ("Solid tumour with an activating RET gene alteration (fusion or mutation) in tissue or blood",
     "Cohort 2A: RET fusion+ NSCLC after selpercatinib", "Cohort 2B: RET fusion+ NSCLC, RET inhibitor-naive", RET),
    ("Advanced NSCLC harbouring an oncogenic RET alteration",
     "Part A: RET fusion, pretreated", "Part B: RET fusion, treatment-naive", RET),
    ("Activating MET alteration documented locally",
     "Cohort 1: MET exon 14 skipping, no prior MET TKI", "Cohort 2: MET exon 14 skipping after a MET TKI",
     patient("MET:exon 14 skipping")),
    ("Documented activating KRAS mutation",
     "Arm A: KRAS G12C, after chemo-immunotherapy", "Arm B: KRAS G12C, first line", patient("KRAS:G12C")),
    ("Active EGFR mutation by NGS",
     "Cohort 1: EGFR exon 19 deletion, post-osimertinib", "Cohort 2: EGFR exon 19 deletion, TKI-naive", EGFR_19),
    ("Tumour with an activated RET gene (fusion or point mutation)",
     "Group 1: RET fusion NSCLC", "Group 2: RET fusion, other solid tumours", RET),
]


@pytest.mark.parametrize(("shared", "first", "second", "carrier"), CASES)
def test_a_shared_rule_covering_the_cohorts_binds(shared: str, first: str, second: str, carrier: Profile) -> None:
    # A part with no marker rule of its own ("Phase 1: ...") leaves the shared rule the only one on everyone.
    text = inc(shared, "Phase 1: progressed on, or intolerant of, available standard therapies", first, second)
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, carrier) == "eligible"
    assert verdict(text, UNTESTED) == "unknown"


def test_a_narrower_shared_rule_is_still_a_question() -> None:
    # Near-miss: the cohorts ask for changes the shared rule does not count.
    text = inc("NSCLC with EGFR exon 20 insertion", "Phase 1: any prior therapy", "Cohort 1: EGFR T790M",
               "Cohort 2: EGFR G719X")
    assert verdict(text, patient("EGFR:T790M")) != "excluded"
