"""Brain: two leftovers of session 26's permission kinds (sentences invented).

1. A permission of treated metastases whose mention is followed by a short phrase of its treatment ("Patients with
   stable brain metastases after radiosurgery, or with small untreated asymptomatic ones, can participate"): the
   phrase hid the second group joined by "or" and the verb the two share, so the sentence was no permission and an
   active patient stayed out. The untreated group is let in on terms no profile gives: a question, never out.
2. A size or count limit on the treated metastases a permission lets in, in the same sentence as the ban ("Active
   CNS metastases; previously irradiated CNS metastases are allowed if no lesion exceeds 2 cm"): the ban left treated
   ones open, but the permission lets them in only within a limit no profile gives, so treated-stable is a question.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

# none, treated and stable, active, not given
WIDENED = (EL, EL, UN, UN)
ACTIVE_BANNED = (EL, EL, EX, UN)
TREATED_LIMITED = (EL, UN, EX, UN)

PHRASE_BEFORE_BRANCH = [
    "Active brain metastases. Patients with stable brain metastases after radiosurgery, or with small untreated "
    "asymptomatic ones, can participate.",
    "Active brain metastases. Patients with brain metastases treated with stereotactic radiosurgery at least 4 weeks "
    "ago, or with untreated asymptomatic lesions under 1 cm, may be eligible.",
    "Symptomatic CNS metastases. Subjects with intracranial metastases following surgical resection, or with "
    "untreated asymptomatic lesions up to 5 mm, may enrol.",
    "Progressing brain metastases. Participants with stable brain metastases post SRS, or with new asymptomatic ones "
    "not requiring steroids, are eligible.",
    "Active brain metastases (patients with brain metastases managed by whole brain radiotherapy, or with untreated "
    "asymptomatic ones below 1 cm, may join).",
    "Untreated brain metastases. Patients with CNS metastases irradiated more than 4 weeks ago, or with small "
    "untreated asymptomatic lesions, can be enrolled.",
    # the phrase holds an "or" of its own, or a stability window
    "Active brain metastases. Patients with stable brain metastases after radiosurgery or surgery, or with small "
    "untreated asymptomatic ones, can participate.",
    "Active CNS metastases. Patients with CNS metastases treated with SRS or WBRT, or with untreated asymptomatic "
    "lesions under 1 cm, may be eligible.",
    "Symptomatic brain metastases. Participants with stable brain metastases for at least 4 weeks after "
    "radiosurgery, or with small untreated asymptomatic ones, may take part.",
]


@pytest.mark.parametrize("exclusion", PHRASE_BEFORE_BRANCH)
def test_treatment_phrase_before_an_untreated_branch_widens_the_ban(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == WIDENED


@pytest.mark.parametrize("exclusion", [
    # no untreated branch: the ban on active ones stands
    "Active brain metastases. Patients with stable brain metastases after radiosurgery can participate.",
    "Active brain metastases. Patients with stable brain metastases after radiosurgery, or with liver lesions, can "
    "participate.",
    "Active brain metastases. Patients with brain metastases treated with radiosurgery, or with lesions in the spine,"
    " may be eligible.",
    "Symptomatic or progressing CNS metastases. Subjects with CNS metastases following resection are eligible.",
])
def test_near_miss_treated_only_keeps_active_out(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == ACTIVE_BANNED


LIMIT_IN_THE_BAN_SENTENCE = [
    "Active CNS metastases; previously irradiated CNS metastases are allowed if no lesion exceeds 2 cm",
    "Untreated brain metastases; treated brain metastases are permitted provided there are at most 3 lesions",
    "Active brain metastases, unless previously treated with SRS, stable for 4 weeks and smaller than 3 cm",
    "Symptomatic or growing intracranial metastases; resected intracranial metastases are acceptable if no more "
    "than 2 lesions remain",
    "Progressive brain metastases (irradiated brain metastases are allowed when each lesion is under 15 mm)",
    "Active brain metastases. Patients with treated brain metastases may enrol if all lesions are less than 1 cm.",
]


@pytest.mark.parametrize("exclusion", LIMIT_IN_THE_BAN_SENTENCE)
def test_size_or_count_limit_beside_the_ban_makes_treated_a_question(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == TREATED_LIMITED


@pytest.mark.parametrize("exclusion", [
    # a stability or steroid window is no size; a size of the untreated ones is theirs; an unread exception is none
    "Active CNS metastases; previously irradiated CNS metastases are allowed if stable for 4 weeks",
    "Active CNS metastases; treated ones are allowed",
    "Active CNS metastases; previously irradiated CNS metastases are allowed, and untreated lesions < 1 cm are also "
    "allowed",
    "Untreated brain metastases; treated brain metastases are permitted if off steroids for 2 weeks",
])
def test_near_miss_no_limit_on_treated_keeps_them_eligible(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:2] == (EL, EL)
