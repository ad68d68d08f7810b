"""Performance status: "Karnofsky >= 50 for patients >= 16 years of age" (often beside "Lansky >= 50 for patients
< 16 years") was read as a limit for a subgroup the check cannot place the patient in, so an ECOG 3 patient was a
question. An age group whose lower bound is at or under 18 takes every adult: the limit is everyone's. Seen when
set AE was opened (session 30); invented sentences only. Near-misses: an older age group stays a subgroup."""

from __future__ import annotations

import pytest
from brain_cases import ecog

EL, UN, EX = "eligible", "unknown", "excluded"


@pytest.mark.parametrize("inclusion", [
    "Karnofsky ≥ 50 for patients ≥ 16 years of age.",
    "Performance status: Karnofsky ≥ 50 for patients ≥ 16 years of age; Lansky ≥ 50 for patients < 16 years.",
    "KPS ≥ 50 for subjects over 12 years.",
    "Karnofsky performance status of at least 50% for participants aged 16 and older.",
    "ECOG 0-2 for patients aged 18 years or older.",
])
def test_an_age_group_of_every_adult_is_everyones_limit(inclusion: str) -> None:
    assert ecog(inclusion)[2:] == (EL, EX, EX)


def test_an_older_age_group_stays_a_subgroup() -> None:
    assert ecog("ECOG 0-1 for patients aged 70 and older.")[3] == UN
