"""Failed standard treatment in other words: "Patient who has failed (progression or intolerance) conventional
treatment", "progressed on established therapies", "refractory to usual treatment". Like "failed standard therapy" it
asks for at least one earlier line, so an untreated patient is outside it (set T kind: the trial read as setting no
rule). An aside in brackets between the verb and the treatment says how it failed and changes nothing; an escape
after it ("or who is not amenable to standard therapies") still leaves a way in (unknown).

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

_NAIVE = {"prior_therapies": [], "prior_lines": 0}
_TREATED = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}

SENTENCES = [
    "Patient who has failed (progression or intolerance) conventional treatment",
    "Subjects whose disease progressed on conventional therapy",
    "Participants must be refractory to established therapies",
    "Tumour that has relapsed after usual treatment for advanced disease",
    "Patients who failed (due to toxicity or progression) prior conventional systemic therapies",
    "Disease progression following established treatment regimens",
    "Patient has failed (intolerance or disease progression) standard treatment",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_failed_conventional_treatment_asks_for_a_line(sentence: str) -> None:
    assert prior_verdict(_NAIVE, [sentence]) == "excluded"
    assert prior_verdict(_TREATED, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", SENTENCES[:4])
def test_near_miss_an_escape_leaves_a_way_in(sentence: str) -> None:
    escaped = f"{sentence}, or who is not amenable to standard therapies"
    assert prior_verdict(_NAIVE, [escaped]) == "unknown"


@pytest.mark.parametrize("sentence", [
    "Conventional treatment options were discussed with the patient",
    "Patients eligible for established therapies are allowed",
    "Has a condition (e.g. diabetes) requiring conventional treatment",
])
def test_near_miss_no_failure_no_rule(sentence: str) -> None:
    assert prior_verdict(_NAIVE, [sentence]) == "eligible"
