"""Brain: a bullet that lets some brain metastases in and plainly bans untreated ones in a clause of its own (session
26 round 2, kind 2; sentences invented).

1. "Brain metastases are allowed if treated; untreated ones are not allowed": the permission was read and the
   closing clause lost, so an active patient was a question (or, in an inclusion or after "once treated", no rule
   at all). The clause, after a turn (";", "but", a new sentence), has untreated ones as its subject and a verb that
   shuts them out, with nothing after it: an active patient is out.
2. "Symptomatic brain metastases are excluded; asymptomatic ones are allowed only after radiosurgery": the ones with
   symptoms are out, and the ones without are let in only once treated, so untreated ones are out whatever their
   symptoms.
Near-misses keep their verdict: a ban with a turn after it ("not allowed unless asymptomatic"), a permission of
untreated ones, "only after radiosurgery or if under 1 cm", a negated ban ("are not excluded")."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

from trialmatch.criteria.rules.brain_metastases import phrases

# none, treated and stable, active, not given
UNTREATED_OUT = (EL, EL, EX, UN)
ACTIVE_ASKED = (EL, EL, UN, UN)

BANNED_CLAUSE = [
    "CNS metastases are allowed once treated and stable; untreated CNS metastases are not permitted",
    "Treated brain metastases are allowed, but untreated ones are not",
    "Patients with brain metastases may enrol if these were treated; patients with untreated brain metastases may not",
    "Intracranial metastases are eligible after local therapy; untreated intracranial lesions are ineligible",
    "Brain metastases are permitted if previously irradiated; untreated brain metastases are excluded",
    "Brain metastases are acceptable once resected or irradiated. Untreated ones will not be eligible.",
]


@pytest.mark.parametrize("exclusion", BANNED_CLAUSE)
def test_untreated_banned_in_a_clause_of_its_own(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == UNTREATED_OUT


@pytest.mark.parametrize("inclusion", [
    "Brain metastases are allowed if treated; untreated ones are not allowed",
    "Treated CNS metastases are permitted; untreated CNS metastases are not permitted",
    "Participants with irradiated brain metastases can enrol, whereas those with untreated brain metastases cannot "
    "be enrolled",
])
def test_untreated_banned_clause_in_an_inclusion(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[:3] == (EL, EL, EX)


ONLY_AFTER_TREATMENT = [
    "Symptomatic brain metastases are excluded; asymptomatic ones are allowed only after radiosurgery",
    "Symptomatic CNS metastases; asymptomatic CNS metastases are permitted only if previously irradiated",
    "Neurologically symptomatic intracranial metastases; asymptomatic ones are eligible only once they have been "
    "resected",
    "Symptomatic brain metastases are not allowed; asymptomatic brain metastases are eligible only following local "
    "therapy",
    "Symptomatic brain metastases; asymptomatic lesions may be included only after SRS and 2 weeks off steroids",
    "Symptomatic cerebral metastases are excluded; asymptomatic ones are acceptable only when treated",
]


@pytest.mark.parametrize("exclusion", ONLY_AFTER_TREATMENT)
def test_asymptomatic_only_after_treatment_shuts_untreated_out(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == UNTREATED_OUT


@pytest.mark.parametrize("exclusion", [
    "Symptomatic brain metastases are excluded; asymptomatic ones are allowed",
    "Symptomatic brain metastases are excluded; asymptomatic ones are allowed only after radiosurgery or if under 1 cm",
    "Symptomatic brain metastases are excluded; asymptomatic ones are allowed only if stable",
    "Brain metastases are allowed if treated; untreated ones are allowed if asymptomatic",
    "Treated brain metastases are allowed; untreated ones are not excluded",
])
def test_near_miss_untreated_left_a_question(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[2] == UN


@pytest.mark.parametrize("text", [
    "Brain metastases are allowed if treated; untreated ones are not allowed unless asymptomatic",
    "Brain metastases are allowed if treated; untreated ones are not allowed to exceed 1 cm",
    "Treated brain metastases are allowed; untreated ones are not excluded",
    "Brain metastases are allowed if treated; treated ones are not required to be stable",
])
def test_near_miss_a_clause_with_a_turn_is_no_plain_ban(text: str) -> None:
    assert phrases.UNTREATED_BANNED.search(text) is None
