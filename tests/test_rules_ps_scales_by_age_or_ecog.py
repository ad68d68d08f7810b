"""'Karnofsky >= 50% (subjects >= 16 years), Lansky >= 50% (subjects < 16 years), or ECOG 0-2': the age groups before
"or" say which patients each other scale is for; they are no other way in beside the ECOG range. Read as one, an
ECOG 3 patient got unknown; an ECOG profile is judged by the ECOG range given."""

from __future__ import annotations

import pytest

from tests.brain_cases import ecog

E, U, X = "eligible", "unknown", "excluded"

SCALES_OR_ECOG = [
    ("Performance status: Karnofsky \u2265 50% (subjects \u2265 16 years of age), Lansky \u2265 50% (subjects < 16 "
     "years of age), or ECOG 0-2", (E, E, E, X, X)),
    ("Karnofsky performance status >= 50% for patients > 16 years of age, Lansky >= 50% for patients <= 16 years, "
     "or ECOG 0-2.", (E, E, E, X, X)),
    ("KPS >= 70 (participants aged 18 years or over), Lansky >= 70 (participants under 18 years), or ECOG 0-1",
     (E, E, X, X, X)),
    ("Karnofsky \u2265 50% for subjects older than 16 years, Lansky \u2265 50% for those up to 16 years, or ECOG "
     "performance status 0 to 2", (E, E, E, X, X)),
    ("Lansky play score >= 50 (children < 12 years), or Karnofsky >= 50 (12 years and older) or ECOG <= 2",
     (E, E, E, X, X)),
    ("Performance status: KPS \u2265 70% (age \u2265 16 yrs), Lansky \u2265 70% (age < 16 yrs), or ECOG \u2264 1.",
     (E, E, X, X, X)),
]


@pytest.mark.parametrize(("sentence", "expected"), SCALES_OR_ECOG)
def test_an_ecog_profile_is_judged_by_the_ecog_range(sentence: str, expected: tuple[str, ...]) -> None:
    assert ecog(inclusion=sentence) == expected


# Near-misses: a way in on another fact ("age >= 70 or ECOG 0-1") stays a question for the scores it leaves out, and
# an ECOG limit for an age group stays that group's.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Age >= 70 or ECOG 0-1.", (E, E, U, U, U)),
    ("ECOG 0-1 for patients older than 70 years.", (E, E, U, U, U)),
    ("Karnofsky >= 50% or ECOG 0-2.", (E, E, E, X, X)),
])
def test_near_misses_keep_their_reading(sentence: str, expected: tuple[str, ...]) -> None:
    assert ecog(inclusion=sentence) == expected
