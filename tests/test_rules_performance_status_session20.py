"""Performance-status structure of session 20: a limit stated with no score.

"Adequate performance and laboratory parameters", "good performance status", "overall good general condition" (an
inclusion) or "poor general condition" (an exclusion), in a trial that gives no ECOG or Karnofsky score: the fit
(ECOG 0-1) meet it; ECOG 2 and worse are the study team's call, a question, never an exclusion (was no rule, so
every score was eligible). A trial that states a score keeps it.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, ecog

from tests.invented import invented_trial
from trialmatch.criteria.rules import performance_status
from trialmatch.matching.profile import profile_from_dict

VAGUE = (EL, EL, UN, UN, UN)


@pytest.mark.parametrize("line", [
    "Adequate performance and laboratory parameters.",
    "Good performance status.",
    "Patients who have overall good general conditions.",
    "Satisfactory general condition, in the opinion of the investigator.",
    "Acceptable performance status and adequate bone marrow function.",
    "Participants must be in adequate general health and have a life expectancy of 3 months.",
    "Sufficient functional status to receive chemotherapy.",
    "Good clinical condition allowing systemic treatment.",
])
def test_a_good_performance_with_no_score_is_a_question_from_ecog_2(line: str) -> None:
    assert ecog(inclusion=line) == VAGUE


@pytest.mark.parametrize("line", [
    "Poor general condition.",
    "Poor performance status in the investigator's judgement.",
    "Inadequate physical condition for study treatment.",
    "Impaired general health precluding systemic therapy.",
])
def test_a_poor_performance_exclusion_with_no_score(line: str) -> None:
    assert ecog(exclusion=line) == VAGUE


@pytest.mark.parametrize("inclusion, exclusion, expected", [
    # Near misses: a score stated anywhere decides; organ function and lab values are no performance limit; a
    # negated phrase is not read.
    ("Good performance status (ECOG 0-2).", "", (EL, EL, EL, EX, EX)),
    ("Adequate performance status. ECOG 0 or 1.", "", (EL, EL, EX, EX, EX)),
    ("Adequate organ function and laboratory parameters.", "", (EL, EL, EL, EL, EL)),
    ("", "Patients not in good general condition.", (EL, EL, EL, EL, EL)),
    ("Good compliance and adequate hepatic function.", "", (EL, EL, EL, EL, EL)),
])
def test_near_misses(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    assert ecog(inclusion=inclusion, exclusion=exclusion) == expected


def test_invented_patients_on_a_vague_limit() -> None:
    rules = performance_status.parse(invented_trial("* Adequate performance and organ function.\n"))
    base = {"age": 77, "histology": "large cell", "stage": "IV", "biomarkers": [], "tested_negative": [],
            "pdl1_tps": None, "prior_therapies": ["durvalumab"], "prior_lines": 0, "brain_metastases": None}
    verdicts = {e: performance_status.check(rules, profile_from_dict({**base, "ecog": e})).verdict
                for e in (None, 0, 1, 2, 3, 4)}
    assert verdicts == {None: UN, 0: EL, 1: EL, 2: UN, 3: UN, 4: UN}
