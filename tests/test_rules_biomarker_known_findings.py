"""An exclusion of KNOWN findings ("Known EGFR, ALK, ROS1, BRAF V600E, RET or NTRK alterations", "Patients with a
known EGFR sensitizing mutation ... are not eligible", "tumours known to harbour an ALK fusion") shuts out only what
has been found: a tumour never tested for a listed gene has nothing known there, so the patient is not held back by
it. Before, the untested (or partly tested) patient was left a question. A trial that tests the tumour itself
("testing will be performed centrally", "must have the EGFR and ALK status known") keeps the question.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, RET, UNTESTED, exc, inc, patient, verdict

SQUAMOUS_PARTLY = patient(negative=["EGFR", "ALK", "ROS1"], histology="squamous")  # BRAF, RET, NTRK never tested
NRG1_PARTLY = patient("NRG1:fusion", negative=["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET"])

CASES = [
    exc("Known EGFR, ALK, ROS1, BRAF V600E, RET, NTRK or MET exon 14 skipping alterations"),
    exc("Patients with known EGFR sensitising mutations or ALK rearrangements"),
    inc("Patients with a known EGFR sensitizing mutation, ALK fusion, ROS1 fusion, BRAF V600E mutation or RET fusion "
        "are not eligible for this protocol"),
    exc("Tumours known to harbour an ALK fusion, a ROS1 rearrangement or an activating EGFR mutation"),
    exc("Participants with known activating EGFR mutations or ALK translocations which are sensitive to approved "
        "TKIs are excluded"),
    exc("Subject has a known ROS1, RET or ALK gene rearrangement or EGFR exon 19 deletion / L858R"),
]


@pytest.mark.parametrize("text", CASES)
def test_an_untested_tumour_has_no_known_finding(text: str) -> None:
    assert verdict(text, UNTESTED) == "eligible"
    assert verdict(text, SQUAMOUS_PARTLY) == "eligible"
    assert verdict(text, NRG1_PARTLY) == "eligible"


@pytest.mark.parametrize("text", CASES)
def test_a_known_carrier_is_still_excluded(text: str) -> None:
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, EGFR_19) == "excluded"


def test_without_known_the_untested_tumour_stays_a_question() -> None:
    # Near-miss: "EGFR mutation or ALK rearrangement" with no "known": a tumour must be clear of them.
    text = exc("Tumours with an EGFR mutation or ALK rearrangement")
    assert verdict(text, UNTESTED) == "unknown"
    assert verdict(text, ALK) == "excluded"


def test_a_trial_that_tests_the_tumour_keeps_the_question() -> None:
    # Near-miss: the same "known" exclusion beside a demand that the status be known.
    text = inc("Non-squamous NSCLC must have the EGFR mutation status and ALK rearrangement status known before "
               "randomization") + exc("Known EGFR mutation or ALK fusion")
    assert verdict(text, UNTESTED) == "unknown"
    text = exc("Patients with known EGFR mutations; detection of EGFR mutations will be performed centrally")
    assert verdict(text, UNTESTED) == "unknown"


def test_negative_for_known_mutations_asks_for_a_test() -> None:
    # Near-miss: "negative for known ... mutations" asks for a negative result, not for no finding.
    text = inc("Tumour negative for known EGFR activating mutations")
    assert verdict(text, UNTESTED) == "unknown"
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, RET) == "eligible"
