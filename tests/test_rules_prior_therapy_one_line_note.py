""""... with both regimens considered as one line of treatment" is a note on how lines are counted, not an escape clause
("considered unsuitable"): it never turns a required-drug rule into a question."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import one_bullet_verdict as _verdict
from trialmatch.matching.profile import profile_from_dict


def _profile(drugs: list[str], lines: int) -> Any:
    return profile_from_dict({"id": f"cn-{drugs}-{lines}", "age": 60, "histology": "adenocarcinoma", "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": ["EGFR", "ALK"],
                              "prior_therapies": drugs, "prior_lines": lines})


TKI = _profile(["alectinib"], 1)
CHEMO_ONLY = _profile(["cisplatin", "gemcitabine"], 1)

SENTENCES = [
    ("Patients must have received in first line a PD-1 inhibitor with platinum chemotherapy, or sequentially "
     "(chemotherapy followed by the PD-1 inhibitor) with both regimens considered as one line of treatment",
     _profile(["carboplatin", "pemetrexed", "pembrolizumab"], 1)),
    ("Must have had nivolumab in the first line, with chemotherapy lead-in and nivolumab considered a single line",
     _profile(["carboplatin", "paclitaxel", "nivolumab"], 1)),
    ("Must have progressed on first-line anti-PD-L1 therapy, with induction and maintenance considered one regimen",
     _profile(["atezolizumab"], 1)),
    ("Prior immune checkpoint inhibitor required (chemotherapy and a later checkpoint inhibitor are considered the "
     "same line)", _profile(["carboplatin", "pemetrexed", "durvalumab"], 1)),
    ("Received a platinum doublet followed by a PD-1 antibody, the two considered as 1 line of therapy",
     _profile(["cisplatin", "pemetrexed", "cemiplimab"], 1)),
    ("Prior anti-PD-1 antibody in the first-line setting; switch maintenance is considered to be one treatment line",
     _profile(["pembrolizumab"], 1)),
]


@pytest.mark.parametrize(("text", "met"), SENTENCES)
def test_requirement_stays_firm(text: str, met: Any) -> None:
    assert _verdict(text, TKI) == "excluded"
    assert _verdict(text, CHEMO_ONLY) == "excluded"


@pytest.mark.parametrize(("text", "met"), SENTENCES)
def test_requirement_met(text: str, met: Any) -> None:
    assert _verdict(text, met) == "eligible"


# Near-miss: "considered unsuitable / not a candidate" is an escape clause and still hedges.
def test_judgement_still_hedges() -> None:
    text = "Must have received a PD-1 inhibitor, unless considered unsuitable for immunotherapy by the investigator"
    assert _verdict(text, TKI) == "unknown"
