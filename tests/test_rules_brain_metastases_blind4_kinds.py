"""Brain metastases, one kind of sentence, with invented sentences and near misses per profile state (none, treated
and stable, active, not given): an exclusion of brain metastases whose exception lets patients in with words of
entering ("... treated and stable for 4 weeks can enter the group", "may join the study", the translated "can into
the group") is loosened like one that says "may be enrolled": treated, stable metastases are in.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, NO_RULE, UN
from brain_cases import brain_verdicts as _verdicts

ENTERING = {
    "can-enter-the-group": (
        "* Known brain metastases or leptomeningeal disease (patients whose brain metastases were treated at least "
        "4 weeks earlier and are stable can enter the group)"),
    "may-join-the-study": (
        "* Brain metastases; patients with treated brain metastases that are stable for 2 weeks may join the study"),
    "translated-can-into": (
        "* Patients with CNS metastases, including meningeal disease, or imaging showing brain disease (treatment "
        "completed 21 days before randomisation and symptoms stable can into the group, but need a brain MRI to rule "
        "out bleeding)"),
    "may-enter-into-the-trial": (
        "* Brain metastases, including leptomeningeal disease (those treated and stable for 4 weeks may enter into "
        "the trial)"),
}
NEAR_MISSES = {
    "cannot-enter": ("* Untreated brain metastases (such patients cannot enter the group)", (EL, EL, EX, UN)),
    "bare-exclusion": ("* Known brain or leptomeningeal metastases", (EL, EX, EX, UN)),
}


@pytest.mark.parametrize("exclusion", ENTERING.values(), ids=ENTERING.keys())
def test_an_exception_in_words_of_entering_lets_treated_stable_in(exclusion: str) -> None:
    assert _verdicts(exclusion=exclusion) == (EL, EL, EX, UN)


@pytest.mark.parametrize(("exclusion", "expected"), NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_near_misses_keep_their_verdicts(exclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(exclusion=exclusion) == expected


def test_entering_words_outside_a_brain_rule_set_none() -> None:
    assert _verdicts(exclusion="* Patients can enter the study only after a 2 week washout of prior therapy") == NO_RULE
