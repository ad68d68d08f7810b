"""Product rules that must hold on every real trial, whatever its wording."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.matching.profile import profile_from_dict

GENES = ["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NRG1"]
ALTERATIONS = ["exon 19 deletion", "L858R", "T790M", "exon 20 insertion", "fusion", "G12C", "G12D", "V600E",
               "exon 14 skipping", "amplification", "overexpression", ""]
DRUGS = ["osimertinib", "gefitinib", "carboplatin", "cisplatin", "pemetrexed", "pembrolizumab", "nivolumab",
         "docetaxel", "alectinib", "sotorasib", "selpercatinib", "capmatinib", "trastuzumab deruxtecan"]


@pytest.fixture(scope="module")
def parsed(shared_records: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [(r["protocolSection"]["identificationModule"]["nctId"], parse_record(r)) for r in shared_records]


def test_a_profile_that_says_nothing_is_never_excluded(parsed: list[tuple[str, dict[str, Any]]]) -> None:
    """Unknown is not excluded: with no facts, every trial stays possible on every dimension."""
    blank = profile_from_dict({"id": "blank", "stage": None})
    excluded = [(nct, dim) for nct, rules in parsed for dim, module in DIMENSIONS.items()
                if module.check(rules[dim], blank).verdict == "excluded"]
    assert excluded == []


def test_an_exclusion_always_quotes_the_trial(parsed: list[tuple[str, dict[str, Any]]]) -> None:
    """Whoever reads 'does not fit' must be able to see the sentence that says so."""
    profile = profile_from_dict({"age": 80, "sex": "male", "histology": "squamous", "ecog": 3,
                                 "brain_metastases": "active", "prior_lines": 4, "pdl1_tps": 0,
                                 "prior_therapies": DRUGS, "biomarkers": [{"gene": "EGFR", "alteration": "L858R"}]})
    for nct, rules in parsed:
        for dim, module in DIMENSIONS.items():
            finding = module.check(rules[dim], profile)
            if finding.verdict == "excluded":
                assert finding.evidence.strip() and finding.reason.strip(), (nct, dim)


profiles = st.fixed_dictionaries(
    {},
    optional={
        "age": st.integers(18, 99),
        "sex": st.sampled_from(["female", "male"]),
        "histology": st.sampled_from(["adenocarcinoma", "squamous", "large cell", "nsclc-nos"]),
        "biomarkers": st.lists(st.fixed_dictionaries({"gene": st.sampled_from(GENES),
                                                      "alteration": st.sampled_from(ALTERATIONS)}), max_size=2),
        "tested_negative": st.lists(st.sampled_from(GENES), max_size=5, unique=True),
        "pdl1_tps": st.one_of(st.none(), st.integers(0, 100)),
        "prior_therapies": st.lists(st.sampled_from(DRUGS), max_size=4, unique=True),
        "prior_lines": st.one_of(st.none(), st.integers(0, 5)),
        "ecog": st.one_of(st.none(), st.integers(0, 4)),
        "brain_metastases": st.sampled_from([None, "none", "treated_stable", "active"]),
    },
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=profiles)
def test_any_valid_profile_gets_a_verdict_on_every_trial(parsed: list[tuple[str, dict[str, Any]]],
                                                          data: dict[str, Any]) -> None:
    profile = profile_from_dict({"id": "p", **data})
    for _, rules in parsed:
        for dim, module in DIMENSIONS.items():
            assert module.check(rules[dim], profile).verdict in ("eligible", "excluded", "unknown")
