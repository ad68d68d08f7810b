"""Kinds of performance-status and brain sentences an invented-sentence probe found read wrongly.

1. A negation just before a comparison word reverses it ("Karnofsky no lower than 70" is KPS >= 70, "ECOG must not be
   greater than 1" is ECOG <= 1, "does not exceed 1"): the reader handles "no/not/must not be ..." before any
   comparator, not a list of negated phrases.
2. "Performance status: 0-1 (ECOG) for Part A; 0-2 for Part B": a value per part across ";" with the scale in
   brackets after the first value; the patient may join the part with the wider limit.
3. Brain: telegraphic and plain words for untreated ("untx'd", "not yet treated", "not tx'd") read as untreated, "tx'd"
   as treated; a recent-treatment window ("treated within 14 days", "tx'd < 2 wks prior") is timing the profile does
   not give, never an exclusion of treated, stable metastases; "Brain metastases: active, or ..." reads the kinds
   after the colon as alternatives.
"""

from __future__ import annotations

import pytest

from tests.brain_cases import EL, EX, UN, brain_verdicts
from tests.invented import invented_trial
from trialmatch.criteria.rules import brain_metastases, performance_status
from trialmatch.matching.profile import Profile, profile_from_dict


def ps_verdicts(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    """The performance-status verdict for ECOG 0-4 on a trial of these criteria."""
    text = invented_trial(f"* Stage IV NSCLC\n* {inclusion}\n" if inclusion else "* Stage IV NSCLC\n",
                          f"* {exclusion}\n" if exclusion else "* Pregnancy\n")
    rules = performance_status.parse(text)
    return tuple(performance_status.check(rules, Profile(ecog=e)).verdict for e in range(5))


# --- 1. negated comparators ------------------------------------------------------------------------------------
# Each allows ECOG 0-1 (or Karnofsky 70 and more, which is the same).
NEGATED_UP_TO_1 = [
    "Karnofsky performance status no lower than 70",
    "Karnofsky performance status not lower than 70",
    "KPS not less than 70%",
    "Karnofsky score must not be below 70",
    "Karnofsky index no worse than 70",
    "ECOG no worse than 1",
    "Zubrod PS no worse than 1",
    "ECOG PS not above 1",
    "ECOG performance status must not be greater than 1",
    "WHO performance status should not be higher than 1",
    "ECOG not exceeding 1",
    "ECOG performance status does not exceed 1",
    "ECOG no higher than 1",
    "ECOG score no more than 1",
    "Performance status (ECOG) not over 1",
]


@pytest.mark.parametrize("sentence", NEGATED_UP_TO_1)
def test_negated_comparator_allows_the_fit_scores(sentence: str) -> None:
    assert ps_verdicts(inclusion=sentence) == (EL, EL, EX, EX, EX)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("ECOG performance status not worse than 2", (EL, EL, EL, EX, EX)),
    ("Karnofsky index no lower than 60 points", (EL, EL, UN, EX, EX)),
    ("Karnofsky score not lower than 80", (EL, UN, EX, EX, EX)),
    ("ECOG PS no less than 1", (EX, EL, EL, EL, EL)),
    ("ECOG performance status not better than 1", (EX, EL, EL, EL, EL)),
])
def test_negated_comparator_other_thresholds(sentence: str, expected: tuple[str, ...]) -> None:
    assert ps_verdicts(inclusion=sentence) == expected


# Near misses: the plain comparator keeps its own direction.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("ECOG lower than 2", (EL, EL, EX, EX, EX)),
    ("Karnofsky above 60", (EL, EL, EX, EX, EX)),
    ("ECOG worse than 1", (EX, EX, EL, EL, EL)),
    ("ECOG exceeding 1", (EX, EX, EL, EL, EL)),
    ("ECOG 0-1", (EL, EL, EX, EX, EX)),
])
def test_plain_comparator_is_unchanged(sentence: str, expected: tuple[str, ...]) -> None:
    assert ps_verdicts(inclusion=sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("ECOG PS not lower than 2", (EL, EL, EX, EX, EX)),
    ("ECOG performance status not less than 2", (EL, EL, EX, EX, EX)),
    ("Karnofsky must not be higher than 50", (EL, EL, UN, EX, EX)),
    ("Karnofsky not greater than 60", (EL, EL, EX, EX, EX)),
])
def test_negated_comparator_in_an_exclusion_keeps_out_the_reversed_range(sentence: str,
                                                                        expected: tuple[str, ...]) -> None:
    assert ps_verdicts(exclusion=sentence) == expected


def test_invented_fit_profile_is_not_hidden_by_a_negated_karnofsky_floor() -> None:
    text = invented_trial("* Stage IV NSCLC\n* Karnofsky performance status no lower than 70\n", "* Pregnancy\n")
    rules = performance_status.parse(text)
    patient = profile_from_dict({"id": "kras-g12v-ecog0", "age": 58, "histology": "adenocarcinoma", "ecog": 0,
                                 "biomarkers": [{"gene": "KRAS", "alteration": "G12V"}], "prior_lines": 0})
    assert performance_status.check(rules, patient).verdict == EL


# --- 2. a value with its scale in brackets, one value per part ------------------------------------------------
# "0-1 (ECOG) for Part A; 0-2 for Part B": the ";" does not end the limit when a part is named on both sides, so ECOG 2
# fits the second part.
PER_PART_AFTER_SEMICOLON = [
    "Performance status: 0–1 (ECOG) for Part A; 0–2 for Part B",
    "Performance status: 0-1 (WHO) for dose escalation; 0-2 for expansion",
    "Performance status 0 or 1 (ECOG scale) in Part 1; 0 to 2 in Part 2",
    "Performance status ≤ 1 (Zubrod) for Arm A; ≤ 2 for Arm B",
    "ECOG 0-1 for the escalation part; 0-2 for the expansion part",
]


@pytest.mark.parametrize("sentence", PER_PART_AFTER_SEMICOLON)
def test_per_part_limits_after_a_semicolon_are_alternatives(sentence: str) -> None:
    verdicts = ps_verdicts(inclusion=sentence)
    assert verdicts[:3] == (EL, EL, EL)
    assert EX not in verdicts[:3]


# Near misses: after ";" a number of another kind is no second score.
@pytest.mark.parametrize("sentence", [
    "Performance status: 0–1 (ECOG)",
    "ECOG 0-1 for Part A; 2 prior lines allowed in Part B",
    "ECOG 0-1; 2 weeks since radiotherapy for Part B",
    "ECOG 0-1 for Part A; grade 2 neuropathy allowed in Part B",
])
def test_other_numbers_after_a_semicolon_stay_apart(sentence: str) -> None:
    verdicts = ps_verdicts(inclusion=sentence)
    assert verdicts[2] != EL
    assert EX not in verdicts[:2]


# --- 3. brain: telegraphic "untreated", recent-treatment windows, kinds after a colon ---------------------------
# States: none, treated_stable, active, not given.
UNTREATED_WORDS = [
    "Untx'd CNS mets",
    "Untx’d brain mets",
    "Brain mets not yet treated",
    "CNS metastases not tx'd",
    "Brain metastases that have not yet been treated",
    "Pts w/ untx'd brain mets",
    "Untx'd or progressing CNS mets",
    "Active CNS dz (pts w/ tx'd, stable brain mets OK)",
    "Brain metastases, unless tx'd and stable",
]


@pytest.mark.parametrize("sentence", UNTREATED_WORDS)
def test_untreated_in_other_words_excludes_only_active(sentence: str) -> None:
    assert brain_verdicts(exclusion=f"* {sentence}\n") == (EL, EL, EX, UN)


WINDOW_ALTERNATIVES = [
    "Brain metastases: active, or treated within 14 days prior",
    "Brain mets: active, or treated < 2 wks prior",
    "Brain metastases not yet treated or treated within the last 4 weeks",
    "CNS metastases: untreated, or irradiated in the last 3 weeks",
]


@pytest.mark.parametrize("sentence", WINDOW_ALTERNATIVES)
def test_window_after_treatment_never_excludes_treated_stable(sentence: str) -> None:
    assert brain_verdicts(exclusion=f"* {sentence}\n") == (EL, UN, EX, UN)


@pytest.mark.parametrize("sentence", [
    "Brain metastases treated within 14 days",
    "Brain mets tx'd within 2 wks",
    "Brain metastases recently treated with stereotactic radiosurgery",
])
def test_window_alone_is_a_question_for_treated(sentence: str) -> None:
    verdicts = brain_verdicts(exclusion=f"* {sentence}\n")
    assert verdicts[:2] == (EL, UN)
    assert EX not in verdicts


# Near misses: any brain metastases, the kinds after a colon joined by "or", a permission for treated ones.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Brain metastases", (EL, EX, EX, UN)),
    ("Brain metastases: active or symptomatic", (EL, EL, EX, UN)),
    ("Brain metastases: symptomatic", (EL, EL, UN, UN)),
    ("Active brain metastases (tx'd, stable mets allowed)", (EL, EL, EX, UN)),
    ("Brain metastases treated with whole brain radiotherapy", (EL, UN, EL, UN)),
])
def test_brain_near_misses(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain_verdicts(exclusion=f"* {sentence}\n") == expected


def test_treated_telegraphic_permission_lets_treated_in() -> None:
    assert brain_verdicts(inclusion="* Tx'd, stable brain mets allowed\n")[:3] == (EL, EL, EX)


def test_invented_treated_stable_profile_is_not_hidden_by_a_window() -> None:
    text = invented_trial("* Stage IV NSCLC\n", "* Brain mets: active, or treated < 2 wks prior\n")
    rules = brain_metastases.parse(text)
    patient = profile_from_dict({"id": "ros1-treated-brain", "age": 52, "histology": "adenocarcinoma", "ecog": 1,
                                 "biomarkers": [{"gene": "ROS1", "alteration": "fusion"}],
                                 "brain_metastases": "treated_stable", "prior_lines": 2})
    assert brain_metastases.check(rules, patient).verdict != EX
