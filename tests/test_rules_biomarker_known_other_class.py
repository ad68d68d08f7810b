"""An exclusion of KNOWN changes whose list goes on to an open class ("Known other driver gene mutations such as ALK,
ROS1, RET", "Documented ALK, ROS1 or BRAF alterations, or other known driver mutations"): the class is known as
the named examples are, so a gene the profile left untested has no known change and does not hold the patient back.
Before, the open class asked for a result of every untested driver gene (unknown).

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, RET, exc, patient, verdict

EX20_PARTLY_TESTED = patient("EGFR:exon 20 insertion", negative=["ALK", "ROS1", "MET", "RET", "BRAF", "KRAS"])
HER2_FOUND = patient("ERBB2:exon 20 insertion")
UNTESTED = patient(negative=[])
EX20_TITLE = "A study of drug Q in NSCLC with EGFR exon 20 insertion"

KNOWN_OPEN_CLASSES = [
    "Known other driver gene mutations such as ALK, ROS1, MET exon 14 skipping, RET, BRAF V600E;",
    "Known driver gene alterations, for example ALK, ROS1 or RET rearrangement",
    "Patients with known other oncogenic drivers (e.g. ALK fusion, ROS1 fusion, BRAF V600E) cannot be enrolled",
    "Documented other actionable driver mutations, including ALK, ROS1, RET and BRAF",
    "Known co-occurring driver alterations such as ALK, ROS1 or RET fusions are not allowed",
    "Other known driver gene mutations such as ALK, ROS1, RET",
]


@pytest.mark.parametrize("sentence", KNOWN_OPEN_CLASSES)
def test_untested_genes_of_a_known_class_do_not_hold_the_patient_back(sentence: str) -> None:
    text = exc(sentence)
    assert verdict(text, EX20_PARTLY_TESTED, EX20_TITLE) == "eligible"
    assert verdict(text, ALK, EX20_TITLE) == "excluded"


# ---- near-misses ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Known actionable driver alterations",  # a class alone still asks which genes were tested
    "Driver gene mutations such as ALK, ROS1, RET, or other drivers",  # no "known"
])
def test_a_class_without_known_examples_stays_a_question_for_the_untested(sentence: str) -> None:
    assert verdict(exc(sentence), UNTESTED) == "unknown"


def test_a_found_change_of_the_class_is_still_shut_out() -> None:
    text = exc("Known other driver gene mutations such as ALK, ROS1, RET")
    assert verdict(text, HER2_FOUND) == "excluded"
    assert verdict(text, RET) == "excluded"
