"""The inline form of "[drug], given as first-line or as second-line treatment following [other drug]": the clause
says when the drug was given; the drug before it stays required and the other drug is a context, never an
alternative to it. Read as "osimertinib or a 1st/2nd-generation TKI", a gefitinib-only patient passed. (The nested
"received as:" form is tests/test_rules_prior_therapy_given_as.py.)"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

EGFR = [{"gene": "EGFR", "alteration": "exon 19 deletion"}]
NO_DRUG: dict[str, Any] = {"prior_therapies": ["gefitinib"], "prior_lines": 1, "biomarkers": EGFR}

INLINE = [
    ("Radiological progression on osimertinib, given as either first-line treatment or second-line treatment "
     "following a first- or second-generation EGFR-TKI.", "osimertinib"),
    ("Progression on lorlatinib, received as first-line therapy or as second-line therapy after alectinib or "
     "brigatinib.", "lorlatinib"),
    ("Documented progression after osimertinib administered as first or second line treatment following erlotinib, "
     "gefitinib or afatinib.", "osimertinib"),
    ("Disease progression on aumolertinib given as 1st line or 2nd line following a first-generation EGFR TKI.",
     "aumolertinib"),
    ("Must have progressed on furmonertinib, used as either frontline therapy or second-line therapy after "
     "erlotinib.", "furmonertinib"),
    ("Progressed on alectinib, taken as first-line treatment or second-line treatment after crizotinib.",
     "alectinib"),
]


@pytest.mark.parametrize(("sentence", "drug"), INLINE)
def test_the_other_drug_alone_does_not_fit(sentence: str, drug: str) -> None:
    assert prior_verdict(NO_DRUG, [sentence]) == "excluded"


@pytest.mark.parametrize(("sentence", "drug"), INLINE)
def test_near_miss_the_drug_first_line_fits(sentence: str, drug: str) -> None:
    assert prior_verdict({**NO_DRUG, "prior_therapies": [drug]}, [sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "drug"), INLINE)
def test_near_miss_the_drug_second_line_fits(sentence: str, drug: str) -> None:
    patient = {**NO_DRUG, "prior_therapies": ["gefitinib", drug], "prior_lines": 2}
    assert prior_verdict(patient, [sentence]) == "eligible"


def test_near_miss_a_real_alternative_still_lets_the_other_drug_in() -> None:
    assert prior_verdict(NO_DRUG, ["Progression on osimertinib or on a first-generation EGFR TKI."]) == "eligible"
