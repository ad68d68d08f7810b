"""Brain: three leftovers of the example-list kind (session 27, round 4; sentences invented).

1. A bare brain site as an item of a wider spread ban's example list borrows "metastases" from the head: "Any distant
   metastasis, including CNS", "No distant metastases (e.g. brain, liver, bone)", "No extracranial or intracranial
   spread, e.g. to the brain". Was no rule (a missed exclusion). Near-misses: an item with a noun of its own ("brain
   MRI", "CNS disorders", "brain biopsy"), a treatment's sites, another cancer, a population.
2. An inclusion's spread ban with an exception after the list: "No distant metastases, including untreated brain
   metastases, unless treated and stable" set no rule; now active ones are out, treated and stable ones in.
3. An inclusion's population example: "Metastatic NSCLC (e.g. with brain metastases)" read as asking for brain
   metastases (treated and active a question); it widens the population and sets no rule.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, NO_RULE, UN, brain

# none, treated and stable, active, not given
ALL_BANNED = (EL, EX, EX, UN)
ACTIVE_BANNED = (EL, EL, EX, UN)

BORROWED_EXCLUSIONS = [
    "Any distant metastasis, including CNS",
    "Known extrathoracic metastases, including to the brain, bone or liver.",
    "Evidence of metastatic disease in particular to the central nervous system or adrenal glands",
    "Known M1 disease (e.g., adrenal, brain)",
    "Distant metastatic disease such as liver, bone or intracranial",
    "Patients with distant metastasis (such as brain, liver) are not allowed to be enrolled",
    "Part B1: metastases outside the thorax, for example to the brain",
]


@pytest.mark.parametrize("exclusion", BORROWED_EXCLUSIONS)
def test_bare_site_item_of_an_exclusions_spread_list_is_a_ban(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] in ((EL, EX, EX), (EL, UN, UN))  # (a part's heading leaves a question)


def test_unheaded_exclusion_bans_all() -> None:
    assert brain(exclusion="Any distant metastasis, including CNS") == ALL_BANNED


BORROWED_INCLUSIONS = [
    "No distant metastases (e.g. brain, liver, bone)",
    "No extracranial or intracranial spread, e.g. to the brain",
    "Must have no evidence of distant metastases, such as brain or bone",
    "Free of distant metastases (e.g. CNS, liver, bone) on PET-CT",
    "Patients without distant metastasis (e.g. brain, bone) can be enrolled",
    "Distant metastases (e.g. brain, bone, adrenal) cannot be included",
    "Absence of extrathoracic metastases (including intracranial and hepatic)",
]


@pytest.mark.parametrize("inclusion", BORROWED_INCLUSIONS)
def test_bare_site_item_of_an_inclusions_spread_ban_is_a_ban(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == ALL_BANNED


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    # near-misses: an item with a noun of its own, a treatment's sites, another cancer, history, a population
    ("", "Any distant metastasis, including brain MRI findings"),
    ("", "Any distant metastases, including CNS disorders"),
    ("", "Distant metastases (e.g. liver, bone or brain biopsy)"),
    ("", "Metastases needing brain imaging, e.g. brain MRI"),
    ("", "Prior radiotherapy to metastatic sites, e.g. brain"),
    ("", "Metastatic disease requiring radiotherapy, e.g. brain"),
    ("", "Another malignancy with distant metastases (e.g. brain)"),
    ("", "History of metastatic disease, such as to the CNS, within 5 years"),
    ("", "Symptomatic distant metastases (e.g. brain or spinal cord)"),
    ("", "Untreated distant metastases, such as brain"),
    ("", "Distant metastases, e.g. brain, requiring steroids"),
    ("", "Metastatic disease (e.g. brain) that requires immediate radiotherapy"),
    ("", "Metastases to other sites (e.g. brain, liver) are allowed"),
    ("No progressive metastases, e.g. brain", ""),
    ("Metastatic disease (e.g. brain, liver, bone)", ""),
    ("Stage IV NSCLC, including brain", ""),
    ("Patients with distant metastases (e.g. brain, liver) can be enrolled", ""),
])
def test_near_misses_keep_no_rule(inclusion: str, exclusion: str) -> None:
    assert brain(inclusion=inclusion, exclusion=exclusion) == NO_RULE


def test_exclusions_list_with_an_exception_lets_treated_in() -> None:
    assert brain(exclusion="Distant metastases (e.g. brain, liver) unless treated and stable") == ACTIVE_BANNED


EXCEPTED_INCLUSIONS = [
    "No distant metastases, including untreated brain metastases, unless treated and stable",
    "Absence of distant metastases, including untreated CNS metastases, unless previously irradiated and stable",
    "No extrathoracic metastatic disease, in particular no brain metastases, except if treated and stable for 4 weeks",
    "Patients must have no distant metastasis (e.g. active brain metastases) unless previously treated and stable",
    "No evidence of M1 disease, such as brain metastases, unless they were resected and are stable",
    "No metastatic spread, including brain metastases, unless irradiated and stable; patients can be enrolled",
]


@pytest.mark.parametrize("inclusion", EXCEPTED_INCLUSIONS)
def test_inclusions_spread_ban_with_an_exception(inclusion: str) -> None:
    verdicts = brain(inclusion=inclusion)
    assert verdicts[0] == EL and verdicts[1] == EL and verdicts[2] == EX


@pytest.mark.parametrize("inclusion", [
    # an exception it cannot read, or one for untreated ones: a question, never an exclusion of treated ones
    "No distant metastases, including brain metastases, unless approved by the sponsor",
    "No distant metastases, including brain metastases, unless untreated and asymptomatic",
])
def test_unread_exception_leaves_treated_a_question(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[1] == UN


POPULATION_EXAMPLES = [
    "Metastatic NSCLC (e.g. with brain metastases)",
    "Stage IV NSCLC (e.g. with brain metastases)",
    "Advanced NSCLC, such as patients with brain metastases",
    "Recurrent or metastatic NSCLC (for example having asymptomatic CNS metastases)",
    "Cohort 2a - stage IIIB/IV non-squamous NSCLC, in particular those with intracranial metastases",
    "Locally advanced or metastatic EGFRm NSCLC, e.g. subjects with treated brain metastases, can be enrolled",
]


@pytest.mark.parametrize("inclusion", POPULATION_EXAMPLES)
def test_population_example_sets_no_rule(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == NO_RULE


@pytest.mark.parametrize(("inclusion", "expected"), [
    # near-misses: a rule the example hangs from keeps its reading
    ("Patients with CNS disease (e.g. brain metastases) must be treated and stable", ACTIVE_BANNED),
    ("No active CNS disease (e.g. with untreated brain metastases)", ACTIVE_BANNED),
    ("Advanced NSCLC (e.g. with treated brain metastases) // No active brain metastases", ACTIVE_BANNED),
])
def test_rules_beside_an_example_keep_their_reading(inclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=inclusion) == expected
