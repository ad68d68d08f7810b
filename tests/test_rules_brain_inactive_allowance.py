"""'Clinically active CNS metastases, defined as untreated or symptomatic. Subjects with clinically inactive brain
metastases may be included': "inactive" is "not active" in one word. Unread, the permission let brain metastases of
any state in, and an active (untreated) patient got unknown instead of excluded."""

from __future__ import annotations

import pytest

from tests.brain_cases import brain

E, U, X = "eligible", "unknown", "excluded"

BANS_WITH_INACTIVE = [
    "Clinically active central nervous system metastases, defined as untreated or symptomatic. Subjects with "
    "clinically inactive brain metastases may be included",
    "Active brain metastases (untreated or symptomatic); patients with inactive brain metastases are eligible.",
    "Clinically active CNS disease, i.e. untreated or progressing lesions. Participants with radiologically inactive "
    "CNS metastases can be enrolled.",
    "Known active brain metastases (untreated, symptomatic or requiring steroids). Inactive brain metastases are "
    "allowed.",
    "Spinal cord compression or clinically active brain metastases, defined as untreated or symptomatic. Subjects "
    "with clinically inactive brain metastases are permitted.",
    "Untreated or symptomatic CNS metastases; clinically inactive CNS metastases are allowed.",
]


@pytest.mark.parametrize("sentence", BANS_WITH_INACTIVE)
def test_active_metastases_stay_excluded_beside_an_inactive_permission(sentence: str) -> None:
    assert brain(exclusion=sentence) == (E, E, X, U)


# Near-misses: a permission of untreated ones still lets the active patient in (a question), and a ban without a
# permission keeps its reading.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Clinically active brain metastases, defined as untreated or symptomatic.", (E, E, X, U)),
    ("Symptomatic brain metastases. Patients with untreated asymptomatic brain metastases are eligible.",
     (E, E, U, U)),
])
def test_near_misses_keep_their_reading(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=sentence) == expected
