"""The ongoing line an entry asks for: "Currently receiving X ... for at least N months prior to the
(oligo)progression" asks for X (its duration is a question, never a washout that drops the rule); "No progression at
any time since start of X" bans a patient whose list counts X in a line had (moved past it)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import one_bullet_verdict as _verdict
from trialmatch.matching.profile import profile_from_dict


def _profile(drugs: list[str], lines: int) -> Any:
    return profile_from_dict({"id": f"ol-{drugs}-{lines}", "age": 60, "histology": "adenocarcinoma", "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": ["EGFR", "ALK"],
                              "prior_therapies": drugs, "prior_lines": lines})


NAIVE = _profile([], 0)
TKI = _profile(["osimertinib"], 1)
CHEMO_IO = _profile(["carboplatin", "pemetrexed", "pembrolizumab"], 1)

CURRENT = [
    "Currently receiving an anti-PD-1 or anti-PD-L1 antibody, either as monotherapy or as maintenance, for at least 3 "
    "months prior to the oligoprogression",
    "Currently receiving pembrolizumab for at least 6 months before documented progression",
    "Currently treated with a PD-1 inhibitor for a minimum of 4 months prior to oligoprogression, with the intention "
    "to continue it",
    "Must be currently receiving immune checkpoint inhibitor therapy for at least 12 weeks prior to the progression",
    "Currently on nivolumab or pembrolizumab for >= 3 months prior to radiographic progression",
    "Currently receiving anti-PD-(L)1 therapy, for at least 2 months prior to the oligo-progression",
]


@pytest.mark.parametrize("text", CURRENT)
def test_current_drug_required(text: str) -> None:
    assert _verdict(text, NAIVE) == "excluded"
    assert _verdict(text, TKI) == "excluded"


@pytest.mark.parametrize("text", CURRENT)
def test_duration_is_a_question_for_those_who_had_it(text: str) -> None:
    assert _verdict(text, CHEMO_IO) in ("unknown", "eligible")
    assert _verdict(text, CHEMO_IO) != "excluded"


NO_PROGRESSION = [
    "No radiological progression per RECIST 1.1 at any time since start of immunotherapy",
    "No disease progression since initiation of pembrolizumab",
    "Without radiographic progression at any point during first-line PD-1 inhibitor therapy",
    "No documented progression while on pembrolizumab maintenance",
    "No evidence of disease progression since starting checkpoint inhibitor treatment",
    "No confirmed progression on the current anti-PD-1 antibody",
]


@pytest.mark.parametrize("text", NO_PROGRESSION)
def test_moved_past_the_line_is_excluded(text: str) -> None:
    assert _verdict(text, CHEMO_IO) == "excluded"
    assert _verdict(text, _profile(["carboplatin", "paclitaxel", "pembrolizumab", "docetaxel"], 2)) == "excluded"


# ("while on X" / "during X" / "on the current X" also read as asking for X, as before: only the "since start" forms
# set nothing for a patient who never had X.)
@pytest.mark.parametrize("text", [NO_PROGRESSION[0], NO_PROGRESSION[1],
                                  "No radiographic progression at any time since initiation of durvalumab"])
def test_no_progression_sets_nothing_for_others(text: str) -> None:
    assert _verdict(text, TKI) == "eligible"
    assert _verdict(text, NAIVE) == "eligible"


# Near-misses that keep their verdicts.
def test_washout_before_enrolment_still_a_washout() -> None:
    text = "At least 3 weeks since the last dose of chemotherapy prior to enrolment"
    assert _verdict(text, NAIVE) == "eligible"
    assert _verdict(text, CHEMO_IO) == "eligible"


def test_progression_before_start_is_no_ongoing_line() -> None:
    # "no progression within 6 months prior to X": a window before the drug, not its ongoing line.
    text = "No disease progression within 6 months prior to the start of pembrolizumab"
    assert _verdict(text, CHEMO_IO) != "excluded"
