"""Prior-therapy sentence kinds from a fifth invented-sentence probe, each a false exclusion before:
"neither required nor prohibited" and its kin, an allowance for treated driver carriers, "naive or one
prior line", and gene labels ("EGFR pts: ...") that scope a rule to one group."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS", "NRG1"]
EGFR = [{"gene": "EGFR", "alteration": "exon 19 deletion"}]
ALK = [{"gene": "ALK", "alteration": "fusion"}]
PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "null-lines": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "paclitaxel"], "prior_lines": None},
    "osimertinib": {"biomarkers": EGFR, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "egfr-naive": {"biomarkers": EGFR, "prior_therapies": [], "prior_lines": 0},
    "alk-two": {"biomarkers": ALK, "prior_therapies": ["alectinib", "lorlatinib"], "prior_lines": 2},
    "alk-naive": {"biomarkers": ALK, "prior_therapies": [], "prior_lines": 0},
    "g12c-sotorasib": {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "prior_lines": 2,
                       "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "sotorasib"]},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "chemo-io-docetaxel": {"tested_negative": GENES, "prior_lines": 2,
                           "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"]},
    "g12d-chemo": {"biomarkers": [{"gene": "KRAS", "alteration": "G12D"}], "tested_negative": GENES[:-2],
                   "prior_therapies": ["cisplatin", "pemetrexed"], "prior_lines": 1},
}
EVERYONE = list(PATIENTS)


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None) -> str:
    return prior_verdict(PATIENTS[who], inclusion or [], exclusion or [])


# --- 1. "neither required nor prohibited": both ways said, so no rule -----------------------------------------

NO_RULE = [
    "Prior KRAS G12C inhibitor therapy is neither required nor exclusionary",
    "Prior sotorasib or adagrasib is not exclusionary and not required",
    "Prior osimertinib: neither required nor exclusionary",
    "Irrespective of prior osimertinib exposure",
    "Regardless of prior immunotherapy",
    "Prior anti-PD-1 therapy: permitted, not required",
    "Prior platinum-based chemotherapy is not a requirement",
    "Prior immunotherapy is neither required nor prohibited",
    "Prior docetaxel is neither mandatory nor excluded",
    "Previous treatment with a taxane is not a prerequisite",
    "Earlier ALK inhibitor therapy: neither mandatory nor prohibited",
]


@pytest.mark.parametrize("sentence", NO_RULE)
@pytest.mark.parametrize("who", EVERYONE)
def test_neither_required_nor_prohibited_sets_no_rule(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"
    assert verdict(who, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize(("inclusion", "exclusion", "who", "expected"), [
    # The rule beside the "regardless" / "not required" clause still holds.
    (["Must have progressed on platinum-based chemotherapy, regardless of prior immunotherapy"], [], "naive",
     "excluded"),
    (["Must have progressed on platinum-based chemotherapy, regardless of prior immunotherapy"], [], "chemo-io",
     "eligible"),
    (["Progression on osimertinib is required; prior chemotherapy is not required"], [], "chemo-io", "excluded"),
    (["Progression on osimertinib is required; prior chemotherapy is not required"], [], "osimertinib", "eligible"),
    (["Prior osimertinib: required"], [], "chemo-io", "excluded"),
    ([], ["Prior docetaxel: not permitted"], "chemo-io-docetaxel", "excluded"),
    ([], ["Prior anti-PD-1 therapy regardless of setting"], "chemo-io", "excluded"),
    (["Prior platinum chemotherapy is required; prior immunotherapy is neither required nor prohibited"], [],
     "naive", "excluded"),
    (["Prior platinum chemotherapy is required; prior immunotherapy is neither required nor prohibited"], [],
     "chemo-io", "eligible"),
])
def test_a_rule_beside_a_no_rule_clause_stands(inclusion: list[str], exclusion: list[str], who: str,
                                                expected: str) -> None:
    assert verdict(who, inclusion, exclusion) == expected
