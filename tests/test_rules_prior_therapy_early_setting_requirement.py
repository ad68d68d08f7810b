"""A requirement whose every treatment is qualified as given before the disease was advanced ("at least 1 and no more
than 4 cycles of adjuvant platinum-based chemotherapy", "platinum-based chemotherapy concurrent with radiation
therapy") is not met by the drugs a profile lists, which make up its lines for advanced disease: excluded, not "your
list does not say when you had it". A requirement that also takes advanced disease, or has an alternative of no
stated setting, keeps its old reading."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.matching.profile import profile_from_dict


def _profile(drugs: list[str], lines: int) -> Any:
    return profile_from_dict({"id": f"es-{drugs}-{lines}", "age": 60, "histology": "adenocarcinoma", "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": ["EGFR", "ALK"],
                              "prior_therapies": drugs, "prior_lines": lines})


def _verdict(text: str, profile: Any) -> str:
    rec = {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A study"},
           "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
           "statusModule": {"overallStatus": "RECRUITING"},
           "eligibilityModule": {"eligibilityCriteria": f"Inclusion Criteria:\n\n* Resected NSCLC\n* {text}\n\n"
                                                        "Exclusion Criteria:\n\n* Pregnancy"}}}
    return DIMENSIONS["prior_therapy"].check(parse_record(rec)["prior_therapy"], profile).verdict


ADVANCED_PLATINUM = [_profile(["carboplatin", "pemetrexed"], 1), _profile(["cisplatin", "gemcitabine", "docetaxel"], 2),
                     _profile(["carboplatin", "paclitaxel", "durvalumab"], 1)]
TKI = _profile(["alectinib"], 1)

SENTENCES = [
    "Has received at least 2 and no more than 4 cycles of adjuvant cisplatin-based chemotherapy",
    "Must have received adjuvant or neoadjuvant platinum-based chemotherapy",
    "Must have completed at least 2 cycles of platinum-based chemotherapy concurrent with radiation therapy",
    "Must have received at least two cycles of platinum doublet chemotherapy given concurrently with thoracic "
    "radiotherapy",
    "Prior perioperative platinum doublet chemotherapy is required",
    "Completed at least 3 cycles of adjuvant carboplatin or cisplatin doublet",
]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("profile", ADVANCED_PLATINUM)
def test_advanced_lines_do_not_meet_an_early_setting(text: str, profile: Any) -> None:
    assert _verdict(text, profile) == "excluded"


@pytest.mark.parametrize("text", SENTENCES)
def test_no_platinum_at_all_is_excluded(text: str) -> None:
    assert _verdict(text, TKI) == "excluded"


# Near-misses: advanced disease named too, an alternative of no stated setting, the early word on another name, or
# the early setting only in an allowance: never an exclusion of a platinum profile.
NEAR_MISSES = [
    "Must have received prior platinum-based chemotherapy, either concurrent with radiation or for metastatic disease",
    "Received prior platinum-based chemoradiation or chemotherapy",
    "Received cisplatin or adjuvant carboplatin",
    "Disease progression during or after platinum-based chemotherapy (patients who relapsed within 6 months of "
    "adjuvant platinum are eligible)",
    "Must have progressed after platinum-based chemotherapy given as adjuvant therapy or for recurrent disease",
    "Progression after one prior platinum regimen for advanced disease; relapse within 6 months of adjuvant platinum "
    "chemotherapy also qualifies",
    "Prior platinum doublet required (perioperative chemotherapy counts if relapse occurred within 12 months)",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_other_settings_are_not_excluded(text: str) -> None:
    assert _verdict(text, ADVANCED_PLATINUM[0]) != "excluded"
