"""An allowance about part of the course of a drug the sentence asks for ("completed 4 to 6 cycles of platinum-etoposide
and durvalumab (1 cycle may have been without durvalumab)") is not another way in: a profile whose drugs include none
of the named ones is excluded, not told to check with a doctor. An allowance for patients who never had the drug
("patients who did not receive platinum because of contraindication are allowed") still hedges."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import one_bullet_verdict as _verdict
from trialmatch.matching.profile import profile_from_dict


def _profile(drugs: list[str], lines: int) -> Any:
    return profile_from_dict({"id": f"cd-{drugs}-{lines}", "age": 60, "histology": "adenocarcinoma", "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": ["EGFR", "ALK"],
                              "prior_therapies": drugs, "prior_lines": lines})


TKI = _profile(["lorlatinib"], 1)
OTHER_CHEMO_IO = _profile(["cisplatin", "pemetrexed", "nivolumab"], 1)

SENTENCES = [
    ("Must have completed 4 to 6 cycles of first-line carboplatin-etoposide and atezolizumab (one cycle may have "
     "been given without atezolizumab) without disease progression", ["carboplatin", "etoposide", "atezolizumab"]),
    ("Completed at least 4 cycles of induction cisplatin, etoposide and durvalumab; durvalumab may have been omitted "
     "in 1 cycle", ["cisplatin", "etoposide", "durvalumab"]),
    ("Received 4 cycles of carboplatin, paclitaxel and tislelizumab as first-line therapy (a single dose of "
     "tislelizumab may have been skipped)", ["carboplatin", "paclitaxel", "tislelizumab"]),
    ("Participants must have received first-line serplulimab with carboplatin-etoposide (2 cycles may have been "
     "delivered without serplulimab), with no progression", ["carboplatin", "etoposide", "serplulimab"]),
    ("Must have had induction with 4 cycles of etoposide plus platinum and durvalumab (one cycle of durvalumab may "
     "have been withheld) and be eligible for maintenance", ["cisplatin", "etoposide", "durvalumab"]),
    ("Completed first-line chemotherapy with cemiplimab for at least 4 cycles (cemiplimab may have been delayed for "
     "one cycle)", ["carboplatin", "pemetrexed", "cemiplimab"]),
]


@pytest.mark.parametrize(("text", "drugs"), SENTENCES)
def test_no_named_drug_is_excluded(text: str, drugs: list[str]) -> None:
    assert _verdict(text, TKI) == "excluded"


@pytest.mark.parametrize(("text", "drugs"), SENTENCES)
def test_named_regimen_is_not_excluded(text: str, drugs: list[str]) -> None:
    assert _verdict(text, _profile(drugs, 1)) != "excluded"


def test_other_checkpoint_antibody_lacks_the_named_one() -> None:
    assert _verdict(SENTENCES[0][0], OTHER_CHEMO_IO) == "excluded"


# Near-misses: the allowance is for patients who never had the drug, or lets in another drug: still a question.
NEAR_MISSES = [
    "Prior platinum-based chemotherapy is required (patients who did not receive platinum because of "
    "contraindication are allowed)",
    "Must have received first-line carboplatin-etoposide and atezolizumab (patients who received durvalumab instead "
    "may also be eligible)",
    "Must have received prior docetaxel (patients intolerant of docetaxel after one cycle are allowed)",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_way_in_for_others_still_hedges(text: str) -> None:
    assert _verdict(text, TKI) == "unknown"
