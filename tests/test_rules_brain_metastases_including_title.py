"""Brain metastases, N kind 3: a title, condition list or part tag that only LETS patients with brain or
leptomeningeal metastases in is no requirement for them.

- "..., Including Patients With Brain or Leptomeningeal Metastases" in a title widens the population: the
  leptomeningeal words were read as "the trial is for patients with leptomeningeal disease", excluding everyone
  without brain metastases (a false exclusion). The brain words were already read so.
- A short condition list naming "Brain Metastases" makes a brain-metastasis trial, unless the title only includes
  such patients or an inclusion takes patients "with or without brain metastases".
- A bracketed part tag or a heading naming a brain-metastasis group ("(Part A and Part B, BM cohort)", "Drug Y brain
  metastases cohort (Part C):") names whom the sentence binds; it asks for nothing.
- Requirements stated in several parts stay each part's when another part takes patients either way ("Part A:
  patients with or without brain metastases may be enrolled").
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, bullets
from invented import invented_trial

from trialmatch.criteria.rules import brain_metastases
from trialmatch.matching.profile import Profile

STATES = ("none", "treated_stable", "active", None)


def verdicts(inclusion: str = "", exclusion: str = "", title: str = "A trial",
             conditions: tuple[str, ...] = ()) -> tuple[str, ...]:
    text = invented_trial(inclusion, exclusion, title, conditions)
    rules = brain_metastases.parse(text)
    return tuple(brain_metastases.check(rules, Profile(brain_metastases=s)).verdict for s in STATES)


INCLUDING_TITLES = [
    "Drug AB-12 Phase I Study in EGFR Mutant NSCLC, Including Patients With Brain or Leptomeningeal Metastases",
    "A Study of XY-301 in ALK-Positive Lung Cancer Including Patients With Leptomeningeal Metastases",
    "Tucatinib-like Agent in HER2 NSCLC, Also Including Patients With Leptomeningeal Disease",
    "RET Inhibitor Study in Solid Tumours, Including Subjects With CNS or Leptomeningeal Metastases",
    "Open-label Trial of ZZ-9 in KRAS G12C NSCLC, Even in Patients With Leptomeningeal Carcinomatosis",
    "Phase 2 of Compound Q in Advanced NSCLC Including Those With Brain and Leptomeningeal Metastases",
]


@pytest.mark.parametrize("title", INCLUDING_TITLES)
def test_an_including_title_sets_no_requirement(title: str) -> None:
    assert verdicts(bullets("Age 18 or older"), bullets("Pregnancy"), title=title) == (EL, EL, EL, EL)


LEPTO_TITLES = [
    "Drug AB-12 in NSCLC Patients With Leptomeningeal Metastases",
    "A Study of XY-301 for Leptomeningeal Carcinomatosis From Lung Cancer",
]


@pytest.mark.parametrize("title", LEPTO_TITLES)
def test_near_miss_a_leptomeningeal_trial_still_requires_them(title: str) -> None:
    assert verdicts(bullets("Age 18 or older"), bullets("Pregnancy"), title=title)[0] == EX


TAGS = [
    "WHO performance status 0-1 (Part A and Part B, AZD-like BM cohort)",
    "ECOG performance status 0-1 (dose escalation and brain metastases cohort)",
    "Life expectancy of 12 weeks or more (CNS metastases arm only)",
    "Adequate organ function (all parts, including the brain metastasis expansion)",
    "ECOG 0-2 (intracranial metastases cohort only)",
    "Measurable disease per RECIST 1.1 (Part B, brain metastases group)",
]


@pytest.mark.parametrize("inclusion", TAGS)
def test_a_group_named_in_a_tag_asks_for_nothing(inclusion: str) -> None:
    assert verdicts(bullets(inclusion)) == (EL, EL, EL, EL)


HEADINGS = [
    "Drug Y brain metastases cohort (Part C):",
    "XY-301 CNS metastases arm (Cohort 3):",
    "Brain metastasis expansion (Part B):",
]


@pytest.mark.parametrize("heading", HEADINGS)
def test_a_group_named_as_a_heading_asks_for_nothing(heading: str) -> None:
    assert verdicts(bullets(heading)) == (EL, EL, EL, EL)


def test_near_miss_a_tag_that_sets_a_state_still_counts() -> None:
    # The brackets hold a rule, not a group's name.
    assert verdicts(bullets("Stable disease (untreated brain metastases are not allowed)"))[:3] == (EL, EL, EX)


CONDITIONS = ("Non-Small Cell Lung Cancer", "Brain Metastases")
PARTS = ("Part A (escalation): >> Patients with or without brain metastases may be enrolled // "
         "Part B (expansion): >> At least one brain metastasis of 5 mm or more that has not been irradiated // "
         "Part C (leptomeningeal cohort): >> Leptomeningeal metastases confirmed by CSF cytology")


def test_parts_requiring_them_beside_a_part_taking_either_stay_their_parts() -> None:
    assert verdicts(bullets(PARTS))[:2] == (EL, EL)


def test_with_conditions_naming_brain_metastases_too() -> None:
    assert verdicts(bullets(PARTS), conditions=CONDITIONS)[:2] == (EL, EL)


def test_near_miss_every_part_asking_for_them_is_the_trials_rule() -> None:
    every = ("Part A (escalation): >> At least one untreated brain metastasis // "
             "Part B (expansion): >> At least one brain metastasis of 5 mm or more that has not been irradiated")
    assert verdicts(bullets(every))[0] == EX


def test_near_miss_one_part_asking_for_them_leaves_the_others() -> None:
    one = ("Part A (escalation): >> Prior platinum chemotherapy // "
           "Part B (expansion): >> At least one brain metastasis of 5 mm or more that has not been irradiated")
    assert verdicts(bullets(one))[0] == EL


@pytest.mark.parametrize("title", [
    "Drug Q in NSCLC, Including Patients With Brain Metastases",
    "An invented trial in metastatic NSCLC",
])
def test_a_condition_entry_beside_an_including_title_or_either_way_part(title: str) -> None:
    # "Patients with or without brain metastases may join" read beside a condition entry: they are allowed.
    inclusion = bullets("Patients with or without brain metastases may join // Brain metastases must be stable")
    assert verdicts(inclusion, title=title, conditions=CONDITIONS)[0] == EL


def test_near_miss_a_plain_condition_entry_still_makes_a_brain_trial() -> None:
    inclusion = bullets("Brain metastases must be untreated")
    assert verdicts(inclusion, title="An invented trial in metastatic NSCLC", conditions=CONDITIONS)[0] in (EX, UN)
