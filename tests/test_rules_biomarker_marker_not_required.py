"""A marker said NOT to be asked for ("..., no actionable driver required", "no EGFR mutation is needed",
"Documentation of EGFR or ALK status not required") sets no rule. Before, "no X" was read as "X must be absent"
(excluding every carrier), and "EGFR or ALK status" as a requirement of EGFR or ALK (excluding a KRAS patient).
The rest of the sentence is still read.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, UNTESTED, inc, patient, verdict

CASES = [
    "Advanced NSCLC after standard therapy, no actionable driver required",
    "Any NSCLC histology; no EGFR mutation required",
    "No KRAS mutation required for the escalation part",
    "Documentation of EGFR or ALK status not required",
    "Measurable disease, no specific oncogenic alteration needed",
    "Confirmation of ROS1 or ALK rearrangement status is not mandatory",
]


@pytest.mark.parametrize("bullet", CASES)
def test_a_marker_not_asked_for_sets_no_rule(bullet: str) -> None:
    for profile in (EGFR_19, ALK, KRAS_G12C, NO_DRIVER, UNTESTED):
        assert verdict(inc(bullet), profile) == "eligible"


def test_the_rest_of_the_sentence_is_still_read() -> None:
    text = inc("PD-L1 TPS >= 50%, no actionable genomic alteration required")
    assert verdict(text, patient(pdl1=80)) == "eligible"
    assert verdict(text, patient(pdl1=10)) == "excluded"
    text = inc("KRAS G12C mutation, no PD-L1 result needed")
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, EGFR_19) == "excluded"


def test_no_marker_without_required_still_asks_for_its_absence() -> None:
    # Near-miss: "No EGFR mutation or ALK rearrangement" asks that they be absent.
    text = inc("No EGFR mutation or ALK rearrangement")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"
    # Near-miss: "required" asks for the marker when nothing negates it.
    assert verdict(inc("An activating EGFR mutation is required"), KRAS_G12C) == "excluded"
