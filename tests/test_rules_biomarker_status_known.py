"""A testing rule ("EGFR gene mutation status is known", "ALK and ROS1 status must be documented", "Known KRAS
mutation status") takes any result, positive or negative; an untested tumour is a question. Before, the sentence
set no rule, so a profile with no test was eligible.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, ROS1, UNTESTED, inc, patient, verdict

ONLY_EGFR_TESTED = patient(negative=["EGFR"])

# (sentence, genes asked about)
CASES = [
    ("EGFR gene mutation status is known.", ("EGFR",)),
    ("ALK and ROS1 rearrangement status must be documented", ("ALK", "ROS1")),
    ("Known KRAS mutation status", ("KRAS",)),
    ("EGFR status should be determined before enrolment", ("EGFR",)),
    ("The tumour's BRAF V600 status has been assessed", ("BRAF",)),
    ("MET exon 14 and RET fusion status known at registration", ("MET", "RET")),
    ("Documented EGFR status (local test acceptable)", ("EGFR",)),
]


@pytest.mark.parametrize(("sentence", "genes"), CASES)
def test_any_result_passes_and_untested_is_a_question(sentence: str, genes: tuple[str, ...]) -> None:
    text = inc("Stage IV NSCLC", sentence)
    for profile in (NO_DRIVER, EGFR_19, ALK, ROS1, KRAS_G12C):
        assert verdict(text, profile) == "eligible"
    assert verdict(text, UNTESTED) == "unknown"
    partly = verdict(text, ONLY_EGFR_TESTED)
    assert partly == ("eligible" if genes == ("EGFR",) else "unknown")


def test_with_a_carrier_rule_beside_it() -> None:
    text = inc("EGFR mutation status is known. Patients with an EGFR mutation are not eligible.")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, UNTESTED) == "unknown"


def test_near_miss_known_and_negative_stays_a_negative_requirement() -> None:
    text = inc("EGFR mutation status must be known and negative")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"


def test_near_miss_pending_or_not_required_asks_no_test() -> None:
    for sentence in ("EGFR status known or pending", "EGFR status need not be known",
                     "EGFR status is not required"):
        assert verdict(inc(sentence), UNTESTED) == "eligible"


def test_near_miss_status_as_a_stratum_is_no_rule() -> None:
    text = inc("Randomisation will be stratified by EGFR status")
    assert verdict(text, UNTESTED) == "eligible"
