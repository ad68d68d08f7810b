"""Kind 5 (synthL): "Documentation of no known actionable alterations for which first-line targeted therapy is
approved, such as EGFR, ALK ..." The examples trail a relative clause that ends on its verb ("is approved", "are
available") behind a comma; they were read as genes of their own and, in an inclusion, as a REQUIRED list (EGFR
carriers eligible, driver-negative patients excluded). They are the excluded class's examples, read as
"... is approved (such as EGFR, ALK)" already was.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, EGFR_L858R, NO_DRIVER, RET, exc, inc, verdict

from trialmatch.matching.profile import Profile

SENTENCES = [
    "Documentation of no known actionable genomic alterations for which first-line targeted therapy is approved, "
    "such as EGFR mutations, ALK rearrangements and RET fusions",
    "No actionable oncogenic drivers for which targeted treatments are available, including EGFR, ALK and RET",
    "Absence of any genomic aberration for which a targeted agent is approved, e.g. EGFR mutation, ALK fusion, "
    "RET fusion",
    "Tumour without a known driver alteration for which approved targeted therapy is currently available, for "
    "example EGFR, ALK or RET",
    "Patients must have no known genomic alterations for which a targeted therapy is locally approved, such as "
    "sensitising EGFR mutations, ALK translocations or RET rearrangements; testing per local practice",
    "Documented absence of actionable alterations which are approved for targeted treatment in first line, such as "
    "EGFR, ALK and RET.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_examples_after_the_clause_are_what_is_excluded(sentence: str) -> None:
    text = inc(sentence)
    for carrier in (EGFR_19, EGFR_L858R, ALK, RET):
        assert verdict(text, carrier) == "excluded", carrier
    assert verdict(text, NO_DRIVER) == "eligible"


NEAR_MISSES = [
    # Already read as an exclusion list: unchanged.
    (inc("No known actionable alterations (EGFR, ALK, RET)"), EGFR_19, "excluded"),
    (inc("Documented absence of EGFR mutation and ALK rearrangement"), NO_DRIVER, "eligible"),
    (inc("Negative for EGFR and ALK"), ALK, "excluded"),
    # Examples in brackets after the clause: unchanged.
    (inc("No actionable alterations for which targeted therapy is approved (e.g. EGFR, ALK, RET)"), RET, "excluded"),
    # A positive requirement naming its genes directly: still a requirement.
    (inc("Documented EGFR exon 19 deletion or L858R mutation"), NO_DRIVER, "excluded"),
    # Among exclusions, the same sentence shuts carriers out.
    (exc("Known alterations for which targeted therapy is approved, such as EGFR or ALK"), ALK, "excluded"),
]


@pytest.mark.parametrize(("text", "profile", "expected"), NEAR_MISSES)
def test_near_misses_keep_their_verdict(text: str, profile: Profile, expected: str) -> None:
    assert verdict(text, profile) == expected
