"""Brain metastases, three more kinds of wording, with invented sentences and near misses per profile state
(none, treated and stable, active, not given):

- an exception for stable metastases "controlled by radiotherapy or other treatment": the "or" lists the means of
  control, it is not another way in, so an active (untreated or progressing) metastasis stays out;
- a permission for treated metastases whose condition is recovery from the treatment's toxic effects, or being no
  longer symptomatic: a treated, stable patient fits it;
- "secondary (metastatic) cerebral neoplasm", "metastatic brain tumours": brain metastases by another name (a
  primary brain tumour is not).
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import brain_metastases
from trialmatch.matching.profile import Profile

EL, UN, EX = "eligible", "unknown", "excluded"
STATES = ("none", "treated_stable", "active", None)


def _verdicts(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    text = invented_trial(inclusion, exclusion, "An invented trial in metastatic NSCLC")
    rules = brain_metastases.parse(text)
    return tuple(brain_metastases.check(rules, Profile(brain_metastases=s)).verdict for s in STATES)


CONTROLLED_BY = {
    "controlled-by-radiotherapy-or-other-treatment": (
        "* Brain metastases or leptomeningeal spread (with exception of stable brain metastases controlled by "
        "radiotherapy or other treatment without need for steroid treatment)"),
    "controlled-by-surgery-or-radiosurgery": (
        "* CNS metastases, except stable metastases controlled by surgery or radiosurgery"),
    "unless-stable-after-local-therapy-or-wbrt": (
        "* Known brain metastases, unless stable and controlled with local therapy or whole-brain radiotherapy"),
}
CONTROLLED_BY_NEAR_MISSES = {  # an "or" that offers another way in: an active patient is a question
    "stable-or-not-requiring-treatment": (
        "* Brain metastases, except those that are stable or not requiring treatment", (EL, EL, UN, UN)),
    "stable-or-asymptomatic": ("* CNS metastases, unless stable or asymptomatic", (EL, EL, UN, UN)),
}


@pytest.mark.parametrize("exclusion", CONTROLLED_BY.values(), ids=CONTROLLED_BY.keys())
def test_stable_controlled_by_one_treatment_or_another_leaves_active_out(exclusion: str) -> None:
    assert _verdicts(exclusion=exclusion) == (EL, EL, EX, UN)


@pytest.mark.parametrize(("exclusion", "expected"), CONTROLLED_BY_NEAR_MISSES.values(),
                         ids=CONTROLLED_BY_NEAR_MISSES.keys())
def test_an_or_that_opens_another_way_stays_a_question(exclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(exclusion=exclusion) == expected


RECOVERED = {
    "recovered-from-acute-toxic-effect": (
        "* Participants with treated CNS metastases that are no longer symptomatic may be included if they recovered "
        "to grade 1 (CTCAE version 5.0) or baseline from the acute toxic effects of that treatment"),
    "recovered-from-adverse-events": (
        "* Patients with previously treated brain metastases are eligible if they have recovered from adverse events "
        "of radiotherapy"),
    "no-longer-symptomatic": (
        "* Subjects with treated brain metastases may participate if the metastases are no longer symptomatic"),
}


@pytest.mark.parametrize("inclusion", RECOVERED.values(), ids=RECOVERED.keys())
def test_treated_metastases_recovered_from_treatment_are_eligible(inclusion: str) -> None:
    exclusion = "* Untreated brain metastases"
    assert _verdicts(inclusion, exclusion) == (EL, EL, EX, UN)


def test_recovered_from_surgery_alone_is_not_read_as_stable() -> None:
    inclusion = "* Patients with treated brain metastases may be included if they recovered from surgery"
    assert _verdicts(inclusion)[1] == UN


SECONDARY = {
    "unstable-secondary-cerebral-neoplasm": (
        "* Unstable primary or secondary (e.g., metastatic) cerebral neoplasm", (EL, EL, UN, UN)),
    "metastatic-brain-tumours": ("* Known metastatic brain tumours", (EL, EX, EX, UN)),
    "untreated-secondary-brain-lesions": ("* Untreated secondary brain lesions", (EL, EL, EX, UN)),
}
SECONDARY_NEAR_MISSES = {  # a primary brain tumour is another disease
    "primary-brain-tumour": "* Primary brain tumour",
    "unstable-primary-cerebral-neoplasm": "* Unstable primary cerebral neoplasm",
}


@pytest.mark.parametrize(("exclusion", "expected"), SECONDARY.values(), ids=SECONDARY.keys())
def test_secondary_cerebral_neoplasm_is_brain_metastases(exclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(exclusion=exclusion) == expected


@pytest.mark.parametrize("exclusion", SECONDARY_NEAR_MISSES.values(), ids=SECONDARY_NEAR_MISSES.keys())
def test_a_primary_brain_tumour_sets_no_brain_metastasis_rule(exclusion: str) -> None:
    assert _verdicts(exclusion=exclusion) == (EL, EL, EL, EL)
