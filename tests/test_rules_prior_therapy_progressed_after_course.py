""""Progression after at least N weeks of X" (and "secondary resistance to X defined as progression after at least N
weeks of X treatment (i.e. clinical benefit ...)") asks for X and for a length of treatment the profile cannot show:
unknown for a profile that had X, excluded for one that never had it. The duration is no washout that drops the
requirement, and the definition of the outcome is no mere definition of terms."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import one_bullet_verdict as _verdict
from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.matching.profile import profile_from_dict


def _profile(drugs: list[str], lines: int) -> Any:
    return profile_from_dict({"id": f"pc-{drugs}-{lines}", "age": 60, "histology": "adenocarcinoma", "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": ["EGFR", "ALK"],
                              "prior_therapies": drugs, "prior_lines": lines})


NAIVE = _profile([], 0)

SENTENCES = [
    ("Secondary resistance to ICI defined as radiological disease progression after at least 12 weeks of ICI "
     "treatment (i.e. documented clinical benefit of at least 12 weeks)",
     _profile(["carboplatin", "pemetrexed", "pembrolizumab"], 1), _profile(["erlotinib"], 1)),
    ("Acquired resistance to osimertinib, defined as progression after at least 6 months of osimertinib",
     _profile(["osimertinib"], 1), _profile(["carboplatin", "pemetrexed"], 1)),
    ("Disease progression after at least 12 weeks of nivolumab", _profile(["nivolumab"], 1),
     _profile(["docetaxel"], 1)),
    ("Radiographic progression following a minimum of 4 months of alectinib", _profile(["alectinib"], 1),
     _profile(["carboplatin", "gemcitabine"], 1)),
    ("Must have progressed after more than 3 months on an anti-PD-L1 antibody",
     _profile(["atezolizumab"], 1), _profile(["gefitinib"], 1)),
    ("Documented disease progression following >= 16 weeks of durvalumab consolidation or maintenance",
     _profile(["durvalumab"], 1), _profile(["crizotinib"], 1)),
]


@pytest.mark.parametrize(("text", "had", "other"), SENTENCES)
def test_had_the_drug_is_a_question(text: str, had: Any, other: Any) -> None:
    assert _verdict(text, had) == "unknown"


@pytest.mark.parametrize(("text", "had", "other"), SENTENCES)
def test_never_had_it_is_excluded(text: str, had: Any, other: Any) -> None:
    assert _verdict(text, other) == "excluded"
    assert _verdict(text, NAIVE) == "excluded"


# Near-misses: an exclusion's washout stays a washout; "primary resistance ... within" in an exclusion bans nothing
# for a profile without the drug.
def test_exclusion_window_is_still_a_washout() -> None:
    text = "Exclusion Criteria:\n\n* Received pembrolizumab within at least 4 weeks before the first dose"
    rec = {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A study"},
           "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
           "statusModule": {"overallStatus": "RECRUITING"},
           "eligibilityModule": {"eligibilityCriteria": f"Inclusion Criteria:\n\n* Stage IV NSCLC\n\n{text}"}}}
    rules = parse_record(rec)["prior_therapy"]
    assert DIMENSIONS["prior_therapy"].check(rules, _profile(["carboplatin", "pemetrexed"], 1)).verdict == "eligible"
