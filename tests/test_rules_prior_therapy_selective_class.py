"""'Prior treatment with an EGFR exon 20-selective tyrosine kinase inhibitor (e.g., mobocertinib, sunvozertinib)':
the qualifier narrows the class to the drugs selective for that target. Read without it, the exclusion banned every
TKI (osimertinib, capmatinib, selpercatinib patients excluded)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict


def had(*drugs: str) -> dict[str, Any]:
    return {"prior_therapies": list(drugs), "prior_lines": 1}


SENTENCES = [
    ("Prior treatment with an EGFR exon 20-selective tyrosine kinase inhibitor (e.g., mobocertinib, sunvozertinib, "
     "zipalertinib)", "mobocertinib"),
    ("Previous therapy with any exon 20 insertion-selective TKI, such as sunvozertinib or zipalertinib",
     "sunvozertinib"),
    ("Received a mutant-selective tyrosine kinase inhibitor (for example mobocertinib)", "mobocertinib"),
    ("Prior exposure to an EGFR exon20-specific TKI (e.g. zipalertinib)", "zipalertinib"),
    ("Patients previously treated with an exon 20 insertion-specific tyrosine kinase inhibitor including "
     "mobocertinib", "mobocertinib"),
    ("Any prior EGFR ex20ins-selective TKI (such as sunvozertinib, mobocertinib).", "sunvozertinib"),
]


@pytest.mark.parametrize(("sentence", "example"), SENTENCES)
@pytest.mark.parametrize("other", ["osimertinib", "capmatinib", "selpercatinib", "gefitinib"])
def test_another_tki_is_not_the_narrowed_class(sentence: str, example: str, other: str) -> None:
    assert prior_verdict(had(other), exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "example"), SENTENCES)
def test_the_examples_are_still_banned(sentence: str, example: str) -> None:
    assert prior_verdict(had(example), exclusion=[sentence]) == "excluded"


# Near-misses: a class with no qualifier, and one whose qualifier names a class the vocabulary knows, keep their ban.
@pytest.mark.parametrize(("sentence", "drug", "expected"), [
    ("Prior treatment with any tyrosine kinase inhibitor.", "capmatinib", "excluded"),
    ("Prior treatment with an EGFR tyrosine kinase inhibitor.", "osimertinib", "excluded"),
    ("Prior treatment with an EGFR-selective tyrosine kinase inhibitor.", "gefitinib", "excluded"),
    ("Prior treatment with an EGFR-selective tyrosine kinase inhibitor.", "capmatinib", "eligible"),
    ("Prior treatment with a non-selective tyrosine kinase inhibitor.", "capmatinib", "excluded"),
])
def test_near_misses_keep_their_ban(sentence: str, drug: str, expected: str) -> None:
    assert prior_verdict(had(drug), exclusion=[sentence]) == expected
