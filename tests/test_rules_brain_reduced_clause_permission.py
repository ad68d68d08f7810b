"""Brain: a permission whose metastases are described by a reduced clause ("brain metastases stable without need of
steroid for at least 2 weeks may be enrolled", no "that are") was not read as a permission. Beside a bare ban
("Known brain metastases.") it left a treated, stable patient excluded, and as an exclusion bullet of its own it was
read as a ban. The same with a second state joined by ", or": "asymptomatic brain metastases, or stable after
treatment ..., may be enrolled". Now the clause's state words start the subject's own clause, as "that are" would:
the ban is loosened for treated, stable metastases, and untreated ones stay a question. Invented sentences only.

Near-misses keep their verdicts: "may not be enrolled" is still a ban, a permission with no state says nothing of
whom it leaves out, and a ban without a permission beside it still excludes treated ones."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

REDUCED_CLAUSE_PERMISSIONS = [
    "Patients with brain metastases stable without need of steroid for at least 2 weeks may be enrolled.",
    "Patients with brain metastases stable after treatment for at least 2 weeks may be enrolled.",
    "Brain metastases treated with radiosurgery and off steroids for 14 days may be included.",
    "Subjects with CNS metastases clinically stable for 4 weeks after radiotherapy can be enrolled.",
    "Participants with brain metastases previously irradiated and not requiring corticosteroids may participate.",
    "Patients with asymptomatic brain metastases, or stable after treatment without need of steroid for at least "
    "2 weeks, may be enrolled.",
    "Patients with untreated asymptomatic brain metastases, or treated and stable for 4 weeks, can take part.",
]


@pytest.mark.parametrize("permission", REDUCED_CLAUSE_PERMISSIONS)
def test_a_reduced_clause_permission_loosens_a_bare_ban_for_treated_stable_metastases(permission: str) -> None:
    none, treated, active, _ = brain(exclusion=f"Known brain metastases. // {permission}")
    assert (none, treated) == (EL, EL)
    assert active in (UN, EX)


@pytest.mark.parametrize("permission", REDUCED_CLAUSE_PERMISSIONS)
def test_the_same_permission_in_the_same_bullet_as_the_ban_loosens_it(permission: str) -> None:
    assert brain(exclusion=f"Known brain metastases. {permission}")[:2] == (EL, EL)


@pytest.mark.parametrize("permission", REDUCED_CLAUSE_PERMISSIONS)
def test_the_permission_alone_in_either_section_excludes_no_one(permission: str) -> None:
    for verdicts in (brain(exclusion=permission), brain(inclusion=permission)):
        assert EX not in verdicts
        assert verdicts[:2] == (EL, EL)


@pytest.mark.parametrize("permission", [
    "Patients with brain metastases that are stable may be enrolled.",
    "Brain metastases stable for at least 2 weeks may be enrolled.",
])
def test_a_permission_of_stable_ones_alone_leaves_untreated_ones_a_question(permission: str) -> None:
    assert brain(exclusion=permission) == (EL, EL, UN, UN)


def test_a_denied_permission_is_still_a_ban() -> None:
    assert brain(exclusion="Known brain metastases. // Brain metastases stable for 4 weeks may not be enrolled.")[
        :3] == (EL, EX, EX)


def test_a_bare_ban_alone_still_excludes_treated_metastases() -> None:
    assert brain(exclusion="Known brain metastases.")[:3] == (EL, EX, EX)


def test_a_permission_naming_no_state_sets_no_rule() -> None:
    assert brain(exclusion="Patients with brain metastases may be enrolled.") == (EL, EL, EL, EL)
