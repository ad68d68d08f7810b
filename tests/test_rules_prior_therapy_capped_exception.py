""""X is not permitted, with the exception of up to N prior line(s) of Y [condition]": lines made only of Y, up to N,
pass the ban; more lines of Y, or any other drug, do not. A condition on the exception that a drug list cannot show
("initiated before ALK status was known") makes the patient who used the exception a question, never excluded.
Under Exclusion the exception's count is the same cap (not a count that bans)."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.matching.profile import profile_from_dict


def _profile(drugs: list[str], lines: int) -> Any:
    return profile_from_dict({"id": f"ce-{drugs}-{lines}", "age": 60, "histology": "adenocarcinoma", "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": ["EGFR", "ALK", "ROS1"],
                              "prior_therapies": drugs, "prior_lines": lines})


def _verdict(section: str, text: str, profile: Any) -> str:
    body = (f"Inclusion Criteria:\n\n* Stage IV NSCLC\n* {text}\n\nExclusion Criteria:\n\n* Pregnancy"
            if section == "inclusion" else
            f"Inclusion Criteria:\n\n* Stage IV NSCLC\n\nExclusion Criteria:\n\n* {text}")
    rec = {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A study"},
           "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
           "statusModule": {"overallStatus": "RECRUITING"},
           "eligibilityModule": {"eligibilityCriteria": body}}}
    return DIMENSIONS["prior_therapy"].check(parse_record(rec)["prior_therapy"], profile).verdict


NAIVE = _profile([], 0)
CHEMO_1 = _profile(["carboplatin", "pemetrexed"], 1)
CHEMO_2 = _profile(["cisplatin", "pemetrexed", "docetaxel"], 2)
TKI_1 = _profile(["osimertinib"], 1)

# (section, sentence, a one-line profile made only of the excepted treatment)
CASES = [
    ("inclusion", "Prior systemic therapy for metastatic disease is not permitted, with the exception of up to 1 prior "
                  "line of chemotherapy", CHEMO_1),
    ("inclusion", "No previous systemic treatment for advanced NSCLC, except for at most one prior regimen of "
                  "platinum-based chemotherapy", CHEMO_1),
    ("inclusion", "Earlier anticancer therapy in the recurrent setting is not allowed, other than up to 1 line of "
                  "cytotoxic chemotherapy and/or immunotherapy", _profile(["carboplatin", "pembrolizumab"], 1)),
    ("exclusion", "Prior systemic therapy for advanced disease, with the exception of up to one prior line of "
                  "chemotherapy", CHEMO_1),
    ("exclusion", "Any previous anticancer drug therapy in the metastatic setting, except no more than 1 prior "
                  "regimen of chemotherapy or a PD-1 inhibitor", _profile(["nivolumab"], 1)),
    ("inclusion", "Systemic therapy for stage IV disease is not permitted, apart from up to 1 prior line of "
                  "platinum doublet chemotherapy", CHEMO_1),
]


@pytest.mark.parametrize(("section", "text", "within"), CASES)
def test_lines_of_the_exception_pass(section: str, text: str, within: Any) -> None:
    assert _verdict(section, text, within) == "eligible"


@pytest.mark.parametrize(("section", "text", "within"), CASES)
def test_untreated_pass(section: str, text: str, within: Any) -> None:
    assert _verdict(section, text, NAIVE) == "eligible"


@pytest.mark.parametrize(("section", "text", "within"), CASES)
def test_other_drug_banned(section: str, text: str, within: Any) -> None:
    assert _verdict(section, text, TKI_1) == "excluded"


@pytest.mark.parametrize(("section", "text", "within"), CASES[:4])
def test_more_lines_than_the_cap_banned(section: str, text: str, within: Any) -> None:
    assert _verdict(section, text, CHEMO_2) == "excluded"


@pytest.mark.parametrize("text", [
    "Prior systemic therapy in the advanced setting is not permitted, with the exception of up to 1 prior line of "
    "chemotherapy and/or immunotherapy initiated before EGFR status was known",
    "No prior systemic therapy for metastatic disease, except one prior line of chemotherapy started before the "
    "molecular results were available",
])
def test_condition_on_exception_is_a_question(text: str) -> None:
    assert _verdict("inclusion", text, CHEMO_1) == "unknown"
    assert _verdict("inclusion", text, NAIVE) == "eligible"
    assert _verdict("inclusion", text, TKI_1) == "excluded"


# Near-misses that keep their verdicts.
def test_plain_cap_in_exclusion_keeps_its_reading() -> None:
    # (a class cap stays a question when the line structure is not told: test_rules_prior_therapy_own_cancer_cap)
    assert _verdict("exclusion", "More than 1 prior line of chemotherapy", CHEMO_2) == "unknown"
    assert _verdict("exclusion", "More than 1 prior line of chemotherapy", CHEMO_1) == "eligible"


def test_plain_ban_without_exception() -> None:
    text = "Prior systemic therapy for metastatic disease is not permitted"
    assert _verdict("inclusion", text, CHEMO_1) == "excluded"
    assert _verdict("inclusion", text, NAIVE) == "eligible"
