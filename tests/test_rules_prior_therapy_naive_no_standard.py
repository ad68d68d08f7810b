"""An untreated way in that carries "no standard treatment": "Progression on at least one prior line of therapy, or
previously untreated disease for which no satisfactory standard treatment exists". For advanced NSCLC standard
first-line therapy always exists (cues.NO_STANDARD), so the untreated branch is no way in for an untreated NSCLC
patient, who is excluded by the count; the treated patient is in by the count. Before, the relative clause was
dropped and the branch read as a plain "previously untreated" way in (set Y kind 8).

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

_NAIVE = {"prior_therapies": [], "prior_lines": 0}
_TREATED = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}

SENTENCES = [
    "Disease progression on at least one prior line of systemic therapy, or previously untreated disease for which "
    "no satisfactory standard treatment exists, as determined by the investigator",
    "Progressed on >= 1 prior regimen, or treatment-naive patients for whom no standard therapy is available",
    "Relapsed after at least one prior systemic therapy (NSCLC), or untreated tumours where no effective standard "
    "of care exists",
    "Failure of at least 1 prior line of treatment, or treatment-naive disease with no approved standard therapy",
    "Patients who progressed after 1 or more prior lines, or previously untreated patients for whom there is no "
    "standard treatment",
    "Refractory to at least one previous line of therapy, or previously untreated disease for which no standard "
    "therapy is appropriate",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_an_untreated_nsclc_patient_has_no_way_in(sentence: str) -> None:
    assert prior_verdict(_NAIVE, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_treated_patient_is_in_by_the_count(sentence: str) -> None:
    assert prior_verdict(_TREATED, [sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "verdict"), [
    # A plain untreated way in keeps it.
    ("Previously untreated, or progressed after at least one prior therapy", "eligible"),
    ("Treatment-naive, or progressed on at least one prior line of therapy for which no further therapy exists",
     "eligible"),
])
def test_near_misses_keep_the_untreated_way_in(sentence: str, verdict: str) -> None:
    assert prior_verdict(_NAIVE, [sentence]) == verdict
