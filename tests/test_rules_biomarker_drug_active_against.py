"""A drug described by the change it acts on ("any EGFR or HER2 TKI (TKI) with activity against exon 20 insertions",
"an inhibitor that targets the T790M mutation") names the drug's target, not the tumour's. Before, the change after
"with activity against" / "active against" / "targets" stood alone in an exclusion and was read as a marker the
trial shuts out, so an EGFR exon 20 (or T790M) patient was excluded by a prior-drug sentence.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19_T790M, EGFR_EX20, HER2_EX20, KRAS_G12C, exc, inc, verdict

from trialmatch.matching.profile import Profile

CASES = [
    ("Received prior treatment with any EGFR or HER2 tyrosine kinase inhibitor (TKI) with activity against exon 20 "
     "insertions (for example, poziotinib)", EGFR_EX20),
    ("Prior tyrosine kinase inhibitor with activity against exon 20 insertions", EGFR_EX20),
    ("Previous treatment with a HER2 TKI active against exon 20 insertion mutations, such as poziotinib or pyrotinib",
     HER2_EX20),
    ("Prior exposure to an EGFR inhibitor that targets the T790M mutation", EGFR_19_T790M),
    ("Prior therapy with agents targeting exon 20 insertion mutations within 4 weeks", EGFR_EX20),
    ("Any previous drug with known activity in G12C-mutated tumours", KRAS_G12C),
    ("Treatment with an investigational compound that is active against T790M or C797S within 14 days",
     EGFR_19_T790M),
    ("Prior treatment with an ADC directed against exon 20 insertions", HER2_EX20),
]


@pytest.mark.parametrize(("bullet", "carrier"), CASES)
def test_the_change_a_drug_acts_on_sets_no_marker_rule(bullet: str, carrier: Profile) -> None:
    assert verdict(exc(bullet), carrier) == "eligible"


def test_a_tumour_change_in_an_exclusion_still_excludes() -> None:
    # Near-miss: the change is the tumour's ("tumours with"), no drug word before it.
    assert verdict(exc("Tumours with EGFR exon 20 insertions"), EGFR_EX20) == "excluded"
    assert verdict(exc("Known EGFR T790M mutation"), EGFR_19_T790M) == "excluded"


def test_a_required_change_beside_a_drug_sentence_keeps_its_rule() -> None:
    # Near-miss: the requirement names the tumour's change; only the drug's description is dropped.
    text = inc("Documented EGFR exon 20 insertion mutation") + exc(
        "Prior TKI with activity against exon 20 insertions")
    assert verdict(text, EGFR_EX20) == "eligible"
    assert verdict(text, HER2_EX20) == "excluded"
