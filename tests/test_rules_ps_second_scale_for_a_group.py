"""'ECOG 0 - 2. Karnofsky >= 60% acceptable for patients whose PS is limited by neurological deficits': a second scale
offered to a named group (neurological deficit, brain metastases, CNS disease) is one more way in. It never takes
away a score the ECOG range lets in: an ECOG profile is judged by the ECOG range, and a score outside it is a question
only where the second scale could take it. Read as a condition, every in-range ECOG score became unknown."""

from __future__ import annotations

import pytest

from tests.brain_cases import ecog

E, U, X = "eligible", "unknown", "excluded"

SECOND_SCALE_DOORS = [
    # same bullet, next sentence
    ("WHO performance status 0 or 1. Karnofsky >= 70 is acceptable for participants whose performance status is "
     "limited by a neurological deficit.", (E, E, X, X, X)),
    # parentheses, a cause ("due to")
    ("ECOG PS 0-1 (KPS of 50 or more allowed if the performance status is reduced due to brain metastases)",
     (E, E, U, X, X)),
    # same bullet, the group before the second scale
    ("Zubrod performance status <= 2; for patients with symptomatic CNS disease, a Karnofsky score of at least 60 is "
     "acceptable", (E, E, E, X, X)),
    # Karnofsky first, ECOG as the group's door
    ("Karnofsky performance status >= 80%. ECOG 2 is also permitted for subjects with brain metastases.",
     (E, U, U, X, X)),
    # in a parenthesis, a subgroup "with CNS disease"
    ("Performance status ECOG <= 2 (Karnofsky >= 60% accepted in patients with CNS disease)", (E, E, E, X, X)),
    # long wording
    ("Eastern Cooperative Oncology Group performance status of 0 to 2. A KPS >= 60 may be allowed for individuals "
     "whose reduced performance is caused by intracranial lesions.", (E, E, E, X, X)),
]


@pytest.mark.parametrize(("sentence", "expected"), SECOND_SCALE_DOORS)
def test_a_second_scale_for_a_group_is_an_extra_way_in(sentence: str, expected: tuple[str, ...]) -> None:
    assert ecog(inclusion=sentence) == expected


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("ECOG 0-2", "Karnofsky >= 60% acceptable for patients whose PS is limited by neurological deficits",
     (E, E, E, X, X)),
    ("ECOG performance status 0-1", "KPS >= 50 is acceptable for patients with brain metastases", (E, E, U, X, X)),
])
def test_the_door_in_the_next_bullet(first: str, second: str, expected: tuple[str, ...]) -> None:
    assert ecog(inclusion=f"{first} // {second}") == expected


# Near-misses: a group's own stricter limit ("required", "only for") stays a question for the scores it may take
# away; a second scale for an age group keeps its reading; the same scale for a group stays a question.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("ECOG 0-2. KPS >= 70 required for patients with brain metastases.", (E, E, U, X, X)),
    ("ECOG 0-1. ECOG 2 acceptable for patients with brain metastases.", (E, E, U, X, X)),
    ("ECOG 0-2. ECOG 2 allowed only if PD-L1 >= 50%.", (E, E, U, X, X)),
    ("ECOG 0-1 (Lansky >= 60 acceptable for patients under 16)", (E, E, X, X, X)),
    ("ECOG 0-1 (KPS >= 70 acceptable for patients aged 75 or older)", (E, E, X, X, X)),
    ("Karnofsky >= 50% or ECOG 0-2.", (E, E, E, X, X)),
])
def test_near_misses_keep_their_reading(sentence: str, expected: tuple[str, ...]) -> None:
    assert ecog(inclusion=sentence) == expected
