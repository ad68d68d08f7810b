"""Brain: a heading over a list of sub-bullets, in two kinds the reader joined wrongly (session 30 survey).

- "Brain metastases. Note: the following are allowed:" over groups ("asymptomatic untreated lesions <= 1 cm",
  "treated and stable lesions"): each item is a group let back in, and the permission had no word "metastases" of
  its own, so the ban stood for treated, stable ones (a false exclusion). The items are now alternatives that loosen
  the ban.
- "Brain metastases, if any of the following apply:" over conditions ("symptomatic", "require steroids",
  "progressing since treatment"): the list says which metastases are meant; the heading alone read as a ban of all of
  them (a false exclusion of treated, stable ones). "any of" makes each item enough, "all of" needs all.
Invented sentences only."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain


@pytest.mark.parametrize("exclusion", [
    "Brain metastases. Note: the following are allowed: >> asymptomatic untreated lesions ≤ 1 cm >> treated and "
    "stable lesions",
    "Known brain metastases. The following are permitted: >> previously irradiated lesions that are stable >> small "
    "asymptomatic lesions",
    "CNS metastases. The following are eligible: >> treated brain metastases stable for 4 weeks >> asymptomatic "
    "untreated lesions not requiring steroids",
    "Brain metastases. The following are allowed: >> lesions treated with SRS and stable for 4 weeks",
    "Known CNS metastases. The following are also allowed: >> resected brain metastases without recurrence",
])
def test_a_list_of_groups_let_in_loosens_the_ban(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:2] == (EL, EL)


@pytest.mark.parametrize(("exclusion", "active"), [
    ("Brain metastases, if any of the following apply: >> symptomatic >> require steroids >> progressing since "
     "treatment", EX),
    ("Brain metastases that meet any of the following: >> untreated >> symptomatic", EX),
    ("CNS metastases, if all of the following apply: >> untreated >> symptomatic", UN),
    ("Brain metastases with any of the following: >> progression on imaging >> need for steroids >> neurological "
     "symptoms", UN),
    ("Brain metastases, when one of the following applies: >> symptomatic >> requiring corticosteroids", UN),
])
def test_a_list_of_conditions_says_which_metastases_are_banned(exclusion: str, active: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, active)


def test_a_bare_ban_over_no_list_still_excludes_treated_ones() -> None:
    assert brain(exclusion="Brain metastases.")[:3] == (EL, EX, EX)
