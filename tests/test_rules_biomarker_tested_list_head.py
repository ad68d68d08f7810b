"""A list after a colon whose head says only that the genes were tested ("All of the following have been tested:
EGFR, ALK, ROS1", "Results must be available for all of the following genes: KRAS, BRAF"). It is a testing rule,
not a demand to HAVE one of the markers. Before, the listed genes were read as required alternatives, so every
patient without one of them was excluded (a false exclusion of most patients). "tested for EGFR and ALK" without a
colon was already read as a test.

Near-misses keep their reading: a head that says what the test found ("tested and are negative:", "test results
showing one of the following:", "harbouring ..., confirmed by local testing:") or an item that carries its own result.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, BRAF_V600E, EGFR_19, KRAS_G12C, KRAS_G12D, MET_EX14, NO_DRIVER, RET, exc, inc, verdict

from trialmatch.matching.profile import Profile

TESTED_LISTS = [
    "All of the following have been tested: EGFR, ALK, ROS1.",
    "The following genes must have been tested: KRAS, BRAF and MET",
    "Tumour tested for all of the following: EGFR, ALK, ROS1, RET",
    "Results must be available for all of the following genes: KRAS, BRAF, MET",
    "Patients must have been tested for the following: EGFR mutation, ALK rearrangement and ROS1 fusion",
    "Local NGS results are needed for each of these: BRAF V600E, KRAS G12C, RET fusion",
    "Genotyped for the following markers: HER2 exon 20 insertion, MET exon 14 skipping",
]


@pytest.mark.parametrize("bullet", TESTED_LISTS)
def test_a_tested_list_is_no_requirement_in_inclusions(bullet: str) -> None:
    text = inc(bullet)
    for profile in (NO_DRIVER, KRAS_G12D, RET, EGFR_19, ALK):
        assert verdict(text, profile) == "eligible", profile


@pytest.mark.parametrize("bullet", TESTED_LISTS[:4])
def test_a_tested_list_is_no_bar_in_exclusions(bullet: str) -> None:
    text = exc(bullet)
    for profile in (EGFR_19, ALK, KRAS_G12C, NO_DRIVER):
        assert verdict(text, profile) == "eligible", profile


def test_a_requirement_beside_the_tested_list_stands() -> None:
    text = inc("KRAS G12C mutation", "All of the following have been tested: EGFR, ALK, ROS1")
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, KRAS_G12D) == "excluded"


@pytest.mark.parametrize(("bullet", "carrier", "other"), [
    # Near-misses: the head says what was found, so the list is the rule.
    ("All of the following have been tested and are negative: EGFR mutation, ALK fusion, ROS1 fusion", EGFR_19,
     KRAS_G12D),
    ("The following were tested and found negative: ALK, RET", RET, KRAS_G12D),
])
def test_a_head_with_a_negative_result_still_excludes_carriers(bullet: str, carrier: Profile, other: Profile) -> None:
    text = inc(bullet)
    assert verdict(text, carrier) == "excluded"
    assert verdict(text, other) == "eligible"


@pytest.mark.parametrize(("bullet", "carrier"), [
    ("Test results showing one of the following: KRAS G12C, BRAF V600E", KRAS_G12C),
    ("Tumour harbouring one of the following, confirmed by local testing: BRAF V600E, MET exon 14 skipping", MET_EX14),
    ("Positive test result for one of the following: BRAF V600E, KRAS G12C", BRAF_V600E),
    ("Local sequencing results: BRAF V600E or KRAS G12C", KRAS_G12C),  # a bare test head: the finding follows
])
def test_a_head_that_names_a_finding_stays_a_requirement(bullet: str, carrier: Profile) -> None:
    text = inc(bullet)
    assert verdict(text, carrier) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"
