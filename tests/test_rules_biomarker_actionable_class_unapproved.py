"""Kind 22 (synthK/L): an "actionable / targetable driver" exclusion that names no genes, with a change no targeted
drug is approved for (KRAS G12D). The label convention: such a driver is not actionable. The vocabulary's table
already marks KRAS changes other than G12C "unapproved" (used for "approved / first-line" wording); a driver class
named without genes now uses it too, so KRAS G12D passes the exclusion. Where the text names the gene itself
("actionable KRAS mutation", "(EGFR, ALK, KRAS)") any change of it may count: still a question.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    KRAS_G12C,
    KRAS_G12D,
    KRAS_G12V,
    NO_DRIVER,
    NRG1,
    RET,
    UNTESTED,
    exc,
    inc,
    verdict,
)

from trialmatch.matching.profile import Profile

CLASS_EXCLUSIONS = [
    exc("Known actionable genomic alterations"),
    exc("Tumour harbouring a targetable oncogenic driver"),
    inc("No known actionable genomic alterations: documented negative test results for EGFR and ALK are required"),
    exc("Presence of an actionable driver mutation or fusion"),
    inc("Absence of any targetable driver alteration"),
    exc("Known druggable molecular alteration in the tumour"),
]


@pytest.mark.parametrize("text", CLASS_EXCLUSIONS)
def test_a_change_with_no_approved_drug_is_not_actionable(text: str) -> None:
    for unapproved in (KRAS_G12D, KRAS_G12V):
        assert verdict(text, unapproved) == "eligible", unapproved
    for actionable in (KRAS_G12C, EGFR_19, ALK, RET):
        assert verdict(text, actionable) != "eligible", actionable  # excluded, or a question where the text hedges
    assert verdict(text, NO_DRIVER) == "eligible"


NEAR_MISSES = [
    # A gene the text names as actionable counts any of its changes: a question.
    (exc("Known actionable KRAS mutation"), KRAS_G12D, "unknown"),
    (exc("Tumours with an actionable driver alteration (EGFR, ALK, ROS1, KRAS)"), KRAS_G12D, "unknown"),
    # A recent approval the table calls a question stays one.
    (exc("Known actionable genomic alterations"), NRG1, "unknown"),
    # An untested tumour stays a question; a plain KRAS exclusion stays an exclusion.
    (exc("Known actionable genomic alterations"), UNTESTED, "unknown"),
    (exc("Known KRAS mutation"), KRAS_G12D, "excluded"),
    # A required actionable class stays a question for KRAS G12D, never a bar.
    (inc("Tumour must harbour an actionable genomic alteration"), KRAS_G12D, "unknown"),
    # A requirement of a driver is untouched by the table for KRAS G12D ("driver", not "actionable").
    (inc("Tumour harbouring an oncogenic driver alteration"), KRAS_G12D, "eligible"),
]


@pytest.mark.parametrize(("text", "profile", "expected"), NEAR_MISSES)
def test_near_misses_keep_their_verdict(text: str, profile: Profile, expected: str) -> None:
    assert verdict(text, profile) == expected
