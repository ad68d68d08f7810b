"""An escape said of the FURTHER therapy after a count: "progressed after at least one prior line of systemic
therapy and for which there is no further standard therapy likely to confer benefit, or the patient declines it".
Declining is a way around the further (next) therapy, not around the line already asked for: an untreated patient
is outside it (excluded), while a treated one stays a question (further standard therapy may exist). Before, any
escape in the sentence softened the count, and every untreated patient was left at unknown (set T kind).
An escape that offers a way around the count itself ("at least one prior line, or who declined standard therapy")
keeps its unknown.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

_NAIVE = {"prior_therapies": [], "prior_lines": 0}

SENTENCES = [
    "Solid tumour that has progressed after at least one prior line of systemic therapy for advanced disease and for "
    "which there is no further standard therapy likely to confer clinical benefit, or the patient declines it",
    "Progression after >= 1 prior systemic regimen for metastatic disease, with no further standard treatment "
    "available, or the subject refuses such treatment",
    "Has received at least 2 prior lines of therapy and has no additional approved option, or is unwilling to "
    "receive it",
    "Relapsed following at least one prior regimen with no subsequent standard therapy left, or has declined it",
    "Refractory to at least one line of treatment in the advanced setting without any next-line standard therapy "
    "of proven benefit, or the participant declines that therapy",
    "Must have had at least one earlier systemic regimen, and no further effective therapy exists or the patient "
    "declined it",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_escape_is_the_further_therapys(sentence: str) -> None:
    assert prior_verdict(_NAIVE, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Progressed after at least one prior line of systemic therapy, or declined standard therapy",
    "At least one prior regimen for advanced disease, or patients who refused chemotherapy",
    "Received at least one line of treatment or are ineligible for standard therapy",
])
def test_near_miss_an_escape_around_the_count_keeps_unknown(sentence: str) -> None:
    assert prior_verdict(_NAIVE, [sentence]) == "unknown"
