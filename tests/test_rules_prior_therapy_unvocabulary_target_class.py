"""'Any prior therapy with an AXL-targeted agent': a target joined by a hyphen to "-targeted / -directed" names a
class of its own, against that target only. Read as the generic "targeted therapy", every TKI (crizotinib) or
antibody (ramucirumab) excluded the patient. A target outside the vocabulary matches no profile drug."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict


def had(*drugs: str) -> dict[str, Any]:
    return {"prior_therapies": ["carboplatin", "pemetrexed", *drugs], "prior_lines": 2}


TKI = had("crizotinib")
ANTIBODY = had("ramucirumab", "docetaxel")
EGFR_TKI = had("osimertinib")

TARGET_BANS = [
    "Any prior therapy with a vedotin-containing compound or an AXL-targeted agent.",
    "Previous treatment with a TIGIT-directed antibody.",
    "Prior exposure to any CEACAM5-targeted therapy.",
    "Has received a LIV1-targeted drug at any time",
    "Received prior mesothelin-directed therapy, including antibody or CAR-T",
    "Prior ROR1-targeted agents are not allowed.",
]


@pytest.mark.parametrize("sentence", TARGET_BANS)
@pytest.mark.parametrize("patient", [TKI, ANTIBODY, EGFR_TKI])
def test_a_target_outside_the_vocabulary_bans_no_profile_drug(sentence: str, patient: dict[str, Any]) -> None:
    assert prior_verdict(patient, exclusion=[sentence]) == "eligible"


# Near-misses: the generic class, and targets the vocabulary classes, keep their reading.
@pytest.mark.parametrize(("sentence", "patient", "expected"), [
    ("Any prior targeted agent.", TKI, "excluded"),
    ("Prior molecularly-targeted therapy.", TKI, "excluded"),
    ("Prior ALK-targeted agent.", TKI, "excluded"),
    ("Prior EGFR-directed therapy.", EGFR_TKI, "excluded"),
    ("Prior MET-targeted therapy.", TKI, "excluded"),
    ("Prior EGFR-directed therapy.", TKI, "eligible"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, exclusion=[sentence]) == expected
