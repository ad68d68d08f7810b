"""Prior-therapy sentence kinds read too strictly on a fifth blind set: a requirement with an intolerance way in
worded oddly ("or cannot suffer", "or could not bear it"), ... None of them may exclude on what the profile
cannot show."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS", "NRG1"]
PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "naive-egfr": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "prior_therapies": [], "prior_lines": 0},
    "untested-naive": {"prior_therapies": [], "prior_lines": 0},
    "osimertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                    "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "kras-chemo": {"biomarkers": [{"gene": "KRAS", "alteration": "G12D"}],
                   "prior_therapies": ["cisplatin", "gemcitabine"], "prior_lines": 1},
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None, **extra: Any) -> str:
    return prior_verdict({**PATIENTS[who], **extra}, inclusion or [], exclusion or [])


# --- 1. an intolerance way in worded oddly --------------------------------------------------------------------

CANNOT_BEAR = [
    "at least two systematic chemotherapy with upwards of 1-line treatments or cannot suffer",
    "At least two prior lines of systemic chemotherapy, or could not bear it",
    "Failed at least one platinum-based chemotherapy or could not endure it",
    "Relapse after first-line platinum doublet chemotherapy, or can't stand it",
    "Progressed after a platinum-containing regimen or not fit for chemotherapy",
    "Disease progression after docetaxel or unable to withstand further cytotoxic treatment",
]


@pytest.mark.parametrize("sentence", CANNOT_BEAR)
@pytest.mark.parametrize("who", ["naive", "naive-egfr", "untested-naive", "osimertinib"])
def test_cannot_bear_the_treatment_is_a_way_in_the_profile_cannot_show(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", CANNOT_BEAR[2:5])
def test_cannot_bear_the_treatment_still_lets_the_treated_in(sentence: str) -> None:
    assert verdict("chemo-io", [sentence]) == "eligible"


NOT_A_WAY_IN = [
    # No "or": the bearing words do not offer another way in.
    "Progressed after at least one platinum doublet; patients who cannot stand unaided are not excluded",
    "Progression after platinum-based chemotherapy, and able to tolerate oral medication",
]


@pytest.mark.parametrize("sentence", NOT_A_WAY_IN)
def test_near_miss_bearing_words_without_an_alternative_keep_the_requirement(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"
    assert verdict("chemo-io", [sentence]) == "eligible"
