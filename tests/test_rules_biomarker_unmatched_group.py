"""Platform and umbrella trials: a group for tumours that none of the trial's marker-driven groups takes ("assignment
is based on central profiling (no matching biomarker-driven sub-study)", "not eligible for any open biomarker-matched
arm"). Which changes those groups take is not written, or is another protocol's list, so the profile cannot settle
it: `unknown` for every profile, never `excluded` and never "no requirement" (which took everyone before).

Near-misses keep their verdict: a routing sentence with a branch for every patient ("... or the non-matched group"),
a group merely named ("those without go to the non-matched sub-study"), a part that is not marker-driven ("not
eligible for the dose expansion cohort"), a match of something else ("no matching donor"), and the same words among
exclusions.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, MET_AMP, NO_DRIVER, UNTESTED, exc, inc, verdict

from trialmatch.criteria.rules.biomarker.cues import unmatched_group

EVERYONE = (NO_DRIVER, UNTESTED, EGFR_19, KRAS_G12C, ALK, MET_AMP)

UNMATCHED = [
    "Assigned to this sub-study by the coordinating centre on the basis of central genomic profiling (no matching "
    "biomarker-driven sub-study)",
    "Participants whose tumour did not match any targeted sub-study of the master protocol",
    "Not eligible for any open biomarker-matched arm of the platform, per the screening panel",
    "Enrolment after molecular screening showed no matching targeted arm",
    "Absence of a suitable biomarker-selected module after tumour profiling",
    "Tumour does not match an open genotype-directed cohort on the central NGS report",
    "Patients with squamous histology and no matching molecularly-defined sub-study (S1900 screening)",
]


@pytest.mark.parametrize("sentence", UNMATCHED)
def test_no_matching_marker_group_is_a_question(sentence: str) -> None:
    assert unmatched_group(sentence)
    for profile in EVERYONE:
        assert verdict(inc(sentence), profile) == "unknown", (sentence, profile)


@pytest.mark.parametrize("sentence", [
    "Module allocation is based on biomarker status: biomarker-matched group (e.g. ATM alteration) or non-matched "
    "group (no such alteration)",
    "Patients will be assigned to a sub-study according to central testing for KRAS G12C or RET fusion; those without "
    "any of these alterations go to the non-matched sub-study",
    "Patients not eligible for the dose expansion cohort may enrol in the escalation part",
    "No matching donor available for allogeneic transplant",
    "ECOG performance status 0-1",
])
def test_near_misses_keep_their_verdict(sentence: str) -> None:
    for profile in (NO_DRIVER, EGFR_19):
        assert verdict(inc(sentence), profile) == "eligible", (sentence, profile)


def test_among_exclusions_it_asks_nothing() -> None:
    text = inc("ECOG 0-1") + "\n\n" + exc("Eligible for an open biomarker-matched arm of the platform (no matching "
                                         "arm required)")
    assert verdict(text, NO_DRIVER) == "eligible"
