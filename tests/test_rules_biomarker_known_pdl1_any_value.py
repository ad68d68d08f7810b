""""Known PD-L1 expression / tumour proportion score (any value)" asks for a PD-L1 result (session 26, P kind 11).

Only "known PD-L1 status / result / level / score" was read as a testing requirement; "known PD-L1 expression (any
value)" set no rule, so a profile without a PD-L1 result was eligible. Now it is unknown there, and any reported
value passes. Near-misses: a waiver ("if available", "regardless of PD-L1") and a bare "Known PD-L1 expression" (no
"any value": it might mean a positive one) keep their reading; a cut-off is still a cut-off.
"""

from __future__ import annotations

import pytest
from biomarker_cases import NO_DRIVER, inc, patient, verdict

NO_PDL1 = patient(negative=["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3"])
LOW_PDL1 = patient(pdl1=0)

KNOWN_ANY = [
    "Known PD-L1 expression (any value)",
    "Known PD-L1 tumour proportion score by 22C3 or SP263, any value",
    "Documented PD-L1 TPS (any level is acceptable)",
    "Available PD-L1 expression - any result allowed; TPS >= 50% is a stratification factor",
    "Known PD-L1 tumor proportion score (local assay) of any value",
    "Known PD-L1 CPS, any score",
]


@pytest.mark.parametrize("sentence", KNOWN_ANY)
def test_known_pdl1_any_value_asks_for_a_result(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, NO_PDL1) == "unknown"
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, LOW_PDL1) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Known PD-L1 expression, if available (any value)",
    "Any PD-L1 expression; known PD-L1 expression is not required",
    "Known PD-L1 expression",
])
def test_waived_or_bare_known_expression_sets_no_test(sentence: str) -> None:
    assert verdict(inc(sentence), NO_PDL1) == "eligible"


def test_cut_off_is_still_a_cut_off() -> None:
    assert verdict(inc("Known PD-L1 TPS >= 50%"), LOW_PDL1) == "excluded"
