""""Patients may be receiving ... X, or may be on no active anticancer treatment" / "may or may not be receiving X":
both states are let in, so the clause sets no prior-therapy rule (never "no earlier systemic treatment")."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.matching.profile import profile_from_dict


def _profile(drugs: list[str], lines: int) -> Any:
    return profile_from_dict({"id": f"bs-{drugs}-{lines}", "age": 60, "histology": "adenocarcinoma", "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": ["EGFR", "ALK"],
                              "prior_therapies": drugs, "prior_lines": lines})


def _verdict(text: str, profile: Any, section: str = "inclusion") -> str:
    body = (f"Inclusion Criteria:\n\n* Stage IV NSCLC\n* {text}\n\nExclusion Criteria:\n\n* Pregnancy"
            if section == "inclusion"
            else f"Inclusion Criteria:\n\n* Stage IV NSCLC\n\nExclusion Criteria:\n\n* {text}")
    rec = {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A study"},
           "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
           "statusModule": {"overallStatus": "RECRUITING"},
           "eligibilityModule": {"eligibilityCriteria": body}}}
    return DIMENSIONS["prior_therapy"].check(parse_record(rec)["prior_therapy"], profile).verdict


PROFILES = [_profile([], 0), _profile(["carboplatin", "pemetrexed", "pembrolizumab"], 1),
            _profile(["osimertinib"], 1), _profile(["cisplatin", "etoposide", "docetaxel", "nivolumab"], 3)]

SENTENCES = [
    "Patients may be receiving or planning to receive chemotherapy, targeted therapy, immunotherapy and/or "
    "radiotherapy, or may be on no active anticancer treatment",
    "Participants may be on systemic therapy of any kind (chemotherapy, TKIs or checkpoint inhibitors) or may be on "
    "no current cancer treatment",
    "Subjects may be currently receiving immunotherapy or targeted agents, or receiving no systemic therapy",
    "Patients may or may not be receiving anticancer therapy at the time of enrolment",
    "Individuals may be undergoing chemotherapy or radiotherapy or may be on no active oncologic treatment",
    "Participants may or may not have received prior chemotherapy or immunotherapy",
]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("profile", PROFILES)
def test_both_states_set_no_rule(text: str, profile: Any) -> None:
    assert _verdict(text, profile) == "eligible"


# Near-misses that keep their rules.
def test_receiving_required_without_the_none_branch() -> None:
    text = "Patients must be currently receiving first-line pembrolizumab"
    assert _verdict(text, _profile([], 0)) == "excluded"


def test_ban_after_both_states_still_read() -> None:
    text = ("Patients may be receiving chemotherapy or may be on no active treatment; prior docetaxel is not "
            "permitted")
    assert _verdict(text, _profile(["cisplatin", "etoposide", "docetaxel", "nivolumab"], 3)) == "excluded"
    assert _verdict(text, _profile(["osimertinib"], 1)) == "eligible"
