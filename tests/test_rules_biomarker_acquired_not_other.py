"""Two kinds that excluded a patient with the asked sensitising change plus an acquired T790M:

1. A drug named after two targets joined by a hyphen or an "x" ("any other EGFR-MET bispecific antibody",
   "EGFR x MET bispecifics") is a drug class: "other EGFR" there is no "other EGFR mutation".
2. "EGFR exon 19 deletion or L858R" asked and "other EGFR mutations" excluded: an acquired change (T790M, C797S)
   that arose on the asked one is not clearly "another" mutation, so it is a question, not an exclusion. A text
   that names T790M among the excluded changes still excludes it; a different primary change is still excluded.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, EGFR_EX20, EGFR_L858R, exc, patient, verdict

T790M_ALSO = patient("EGFR:exon 19 deletion", "EGFR:T790M")
C797S_ALSO = patient("EGFR:L858R", "EGFR:C797S")

ASKED = "Inclusion Criteria:\n\n* Documented EGFR exon 19 deletion or exon 21 L858R mutation\n\n"

BISPECIFIC = [
    "Prior treatment with amivantamab or any other EGFR-MET bispecific antibody",
    "Previous exposure to other EGFR-MET bispecific antibodies",
    "Any prior EGFR x MET bispecific agent",
    "Earlier therapy with an EGFR-HER3 bispecific ADC or another EGFR-MET antibody",
    "Received any other EGFR/MET bispecific drug",
    "Prior treatment with other EGFR-cMET bispecific antibodies within 6 months",
]


@pytest.mark.parametrize("sentence", BISPECIFIC)
def test_a_two_target_drug_class_is_no_marker(sentence: str) -> None:
    text = ASKED + exc(sentence)
    assert verdict(text, T790M_ALSO) == "eligible"
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, EGFR_EX20) == "excluded"  # by the asked line


OTHER = [
    "Other EGFR mutations",
    "Tumours harbouring any other EGFR mutation",
    "Presence of an additional EGFR mutation",
    "Known EGFR mutations other than the ones listed above",
    "Any other activating EGFR alteration",
    "Patients whose tumour carries a different EGFR mutation",
]


def _text(sentence: str) -> str:
    return ASKED + "Exclusion Criteria:\n\n* " + sentence


@pytest.mark.parametrize("sentence", OTHER)
def test_an_acquired_change_on_the_asked_one_is_not_clearly_another(sentence: str) -> None:
    text = _text(sentence)
    assert verdict(text, T790M_ALSO) != "excluded"
    assert verdict(text, C797S_ALSO) != "excluded"
    assert verdict(text, EGFR_L858R) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Any other EGFR mutation, including T790M",
    "Other EGFR mutations (e.g. T790M or exon 20 insertion)",
    "Known EGFR T790M mutation",
])
def test_a_named_acquired_change_is_still_excluded(sentence: str) -> None:
    assert verdict(_text(sentence), T790M_ALSO) == "excluded"


def test_another_primary_change_is_still_excluded() -> None:
    both = patient("EGFR:exon 19 deletion", "EGFR:exon 20 insertion")
    assert verdict(_text("Other EGFR mutations"), both) == "excluded"
