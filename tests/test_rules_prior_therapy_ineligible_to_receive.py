""""Have received standard of care therapy or are intolerant or ineligible to receive approved therapies": being
ineligible to receive a therapy is about the future, as "ineligible for" is, not a ban on having had it. Read as a
ban, the sentence banned every systemic therapy ("no earlier systemic treatment"): a treated patient was a question
and an untreated one fit. Now it is a soft "at least one line". A group that is "ineligible" for the study itself
("Patients who received prior osimertinib are ineligible (to receive study drug)") is still a ban.
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.rules.prior_therapy.names import Context
from trialmatch.criteria.rules.prior_therapy.sentence import read_sentence, reading_rules


def kinds(sentence: str) -> list[tuple[str, bool]]:
    read = read_sentence(sentence, "inclusion")
    assert read is not None
    return [(rule["kind"], rule["soft"]) for rule in reading_rules(read, Context(section="inclusion"))]


FUTURE = [
    "Patients who have received standard of care therapy or are intolerant or ineligible to receive approved "
    "therapies",
    "Received prior standard therapy, or ineligible to receive standard therapy",
    "Must have progressed on standard treatment or be ineligible to receive available therapies",
    "Participants who have had standard systemic therapy or are ineligible to receive further standard therapy",
    "Progression after standard of care therapy or ineligible to be treated with approved therapies",
    "Previously treated with standard therapy, or intolerant or ineligible to receive other approved therapy",
]


@pytest.mark.parametrize("sentence", FUTURE)
def test_ineligible_to_receive_a_therapy_is_no_ban(sentence: str) -> None:
    found = kinds(sentence)
    assert ("naive", True) not in found and ("naive", False) not in found
    assert all(kind != "forbid" for kind, _ in found)


STUDY_BANS = [
    "Patients who received prior osimertinib are ineligible",
    "Patients who received prior osimertinib are ineligible to receive study drug",
]


@pytest.mark.parametrize("sentence", STUDY_BANS)
def test_near_miss_ineligible_for_the_study_is_still_a_ban(sentence: str) -> None:
    assert ("forbid", False) in kinds(sentence)
