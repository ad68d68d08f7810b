"""A PD-L1 line that asks for a result of any value ("Known PD-L1 result (any value, including <1%)") names a level
only as an example of what is allowed: it sets no bound. A patient with any PD-L1 score is eligible; one without a
result is a question. A line that bounds the score after the same words ("all PD-L1 levels >= 1% are eligible",
"TPS >= 50%") is read as before.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import inc, patient, verdict

NO_RESULT = patient()

ANY_VALUE = [
    "Known PD-L1 result (any value, including <1%)",
    "Documented PD-L1 TPS of any score, including TPS below 1%",
    "PD-L1 status available (any result, TPS < 1% allowed)",
    "PD-L1 expression by 22C3 must be known; all values, including TPS 0%, are accepted",
    "Available PD-L1 tumour proportion score - any category (<1%, 1-49%, >=50%)",
    "A PD-L1 test result is required, whatever the value (e.g. < 1 % or > 50 %)",
]


@pytest.mark.parametrize("line", ANY_VALUE)
def test_a_result_of_any_value_sets_no_bound(line: str) -> None:
    text = inc(line)
    for score in (0, 0.5, 1, 20, 49, 50, 90):
        assert verdict(text, patient(pdl1=score)) == "eligible", score
    assert verdict(text, NO_RESULT) != "excluded"


@pytest.mark.parametrize(("line", "low", "high"), [
    ("PD-L1 TPS >= 50% (22C3); all other PD-L1 values are excluded", 20, 60),
    ("PD-L1 expression >= 1%; all levels >= 1% are eligible", 0, 5),
    ("PD-L1 tumour proportion score less than 1% (any assay)", 30, 0),
])
def test_a_bound_beside_the_same_words_still_binds(line: str, low: float, high: float) -> None:
    # Near-miss: the level is a bound, so a patient on the wrong side of it is out.
    text = inc(line)
    assert verdict(text, patient(pdl1=low)) == "excluded"
    assert verdict(text, patient(pdl1=high)) == "eligible"
