"""Prior-therapy sentence kinds met on the sixth and ninth blind sets, each a false exclusion: an allowance told
with "is allowable" ("A prior EGFR tyrosine kinase inhibitor is allowable") read as a requirement; a sentence on
tumour genomics whose driver is qualified by "for which there are approved first-line therapies" read as a
first-line-only rule; and "without standard treatment options" (none left, a fact the profile cannot show) read as
"without earlier treatment". A false exclusion is the worst error: open wording gives unknown."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS", "NRG1"]
EGFR = [{"gene": "EGFR", "alteration": "exon 19 deletion"}]
PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "null-lines": {"biomarkers": [{"gene": "NRG1", "alteration": "fusion"}], "prior_therapies": [],
                   "prior_lines": None},
    "chemo": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "gemcitabine"], "prior_lines": 1},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "chemo-io-docetaxel": {"tested_negative": GENES, "prior_lines": 2,
                           "prior_therapies": ["carboplatin", "paclitaxel", "atezolizumab", "docetaxel"]},
    "erlotinib": {"biomarkers": EGFR, "prior_therapies": ["erlotinib"], "prior_lines": 1},
    "osimertinib": {"biomarkers": EGFR, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "io-only": {"tested_negative": GENES, "prior_therapies": ["nivolumab"], "prior_lines": 1},
    "kras-g12d": {"biomarkers": [{"gene": "KRAS", "alteration": "G12D"}], "prior_lines": 2,
                  "prior_therapies": ["carboplatin", "pemetrexed", "cemiplimab", "docetaxel", "ramucirumab"]},
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None, **extra: Any) -> str:
    return prior_verdict({**PATIENTS[who], **extra}, inclusion or [], exclusion or [])


# --- 1. an allowance told with "is allowable" ------------------------------------------------------------------

ALLOWABLE = [
    "A prior epidermal growth factor receptor tyrosine kinase inhibitor (EGFR-TK) antagonist is allowable (Phase II).",
    "A prior epidermal growth factor receptor tyrosine kinase inhibitor is allowable.",
    "Prior EGFR TKI therapy is allowable.",
    "Previous treatment with an anaplastic lymphoma kinase inhibitor (ALK TKI) is allowable (expansion part).",
    "Prior anti-PD-1 immunotherapy is also allowable.",
]
AFTER_CHEMO = "Stage IV NSCLC that failed a standard first line platinum-based chemotherapy regimen."


@pytest.mark.parametrize("sentence", ALLOWABLE)
@pytest.mark.parametrize("who", ["naive", "chemo", "chemo-io", "erlotinib", "io-only"])
def test_allowable_alone_sets_no_rule(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", ALLOWABLE)
@pytest.mark.parametrize("who", ["chemo", "chemo-io", "chemo-io-docetaxel", "kras-g12d"])
def test_allowable_beside_a_required_line_keeps_only_that_line(sentence: str, who: str) -> None:
    # In one bullet after the required chemotherapy: the allowance must not become a second requirement.
    assert verdict(who, [f"{AFTER_CHEMO} {sentence}"]) == "eligible"


def test_allowable_beside_a_required_line_still_asks_for_the_line() -> None:
    assert verdict("naive", [f"{AFTER_CHEMO} {ALLOWABLE[2]}"]) == "excluded"


@pytest.mark.parametrize("sentence", ["Prior EGFR TKI is not allowable.",
                                      "Previous epidermal growth factor receptor tyrosine kinase inhibitors are not"
                                      " allowable."])
def test_not_allowable_is_still_a_ban(sentence: str) -> None:
    assert verdict("erlotinib", [sentence]) == "excluded"
    assert verdict("chemo", [sentence]) == "eligible"


def test_required_tki_is_still_required() -> None:
    # Near miss: a requirement, not an allowance.
    sentence = "Must have progressed on a prior epidermal growth factor receptor tyrosine kinase inhibitor."
    assert verdict("chemo-io", [sentence]) == "excluded"
    assert verdict("osimertinib", [sentence]) == "eligible"
