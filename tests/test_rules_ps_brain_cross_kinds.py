"""Kinds of sentence that mix a purpose or a second dimension into a performance-status or brain rule.

- Toxicity recovery in plainer or translated wording ("non remissive toxic reactions derived from previous
  therapies, over level 1 in CTC AE") is no rule about earlier treatment: the shared reader gives it the
  toxicity_recovery purpose, so the prior-therapy dimension skips it.
- A performance score joined to a fact of another dimension ("If ECOG 2, no brain metastases", "ECOG 0-1, or ECOG 2
  in patients without brain metastases", "Patients with brain metastases must have ECOG 0-1", "EGFR-mutant patients
  with ECOG >= 2" as an exclusion): neither dimension excludes on its own half; each half becomes a question.
"""

from __future__ import annotations

import pytest

from tests.brain_cases import EL, EX, NO_RULE, UN, brain_verdicts
from tests.invented import invented_trial
from tests.prior_therapy_cases import prior_verdict
from trialmatch.criteria.rules import brain_metastases, performance_status
from trialmatch.criteria.rules.reader import purpose_of
from trialmatch.matching.profile import Profile

CHEMO = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}
UNTREATED = {"prior_therapies": [], "prior_lines": 0}

# --- 1. toxicity recovery in unusual wording -----------------------------------------------------------------
RECOVERY = [
    "Have got non remissive toxic reactions derived from previous therapies, which is over level 1 in CTC AE (4.0), "
    "alopecia NOT included",
    "Toxicities caused by previous therapies above grade 1 (CTCAE v5), except alopecia",
    "Toxic reactions resulting from prior anticancer therapy that have not remitted to level 1 or lower",
    "Non-resolved adverse reactions from earlier treatments, greater than grade 1 per CTCAE",
    "Toxic effects of previous chemotherapy exceeding grade 1, except alopecia and grade 2 neuropathy",
    "Unrecovered toxic reactions induced by prior immunotherapy (over grade 1)",
    "Ongoing toxicity derived from previous treatment with an EGFR TKI, above level 1",
    "Non-remitted toxicities secondary to previous systemic therapy of grade > 1 (CTC AE version 5.0)",
]
# Near misses: a rule about earlier treatment, or a toxicity on a named drug (a question for its carriers).
NOT_RECOVERY = [
    "Prior therapy with docetaxel",
    "Discontinued pembrolizumab due to toxicity",
    "Patients who experienced grade >= 3 rash on prior afatinib",
    "Toxic reactions to prior osimertinib requiring permanent discontinuation",
    "Received at least one previous line of therapy, including an EGFR TKI",
    "No previous systemic therapy for advanced disease at level of the trial",
]


@pytest.mark.parametrize("sentence", RECOVERY)
def test_unusual_recovery_wording_has_the_toxicity_purpose(sentence: str) -> None:
    assert purpose_of(sentence) == "toxicity_recovery"


@pytest.mark.parametrize("sentence", NOT_RECOVERY)
def test_near_misses_keep_their_meaning(sentence: str) -> None:
    assert purpose_of(sentence) != "toxicity_recovery"


@pytest.mark.parametrize("sentence", RECOVERY)
def test_recovery_exclusion_excludes_no_treated_patient(sentence: str) -> None:
    assert prior_verdict(CHEMO, exclusion=[sentence]) == "eligible"
    assert prior_verdict(UNTREATED, exclusion=[sentence]) == "eligible"


def test_prior_docetaxel_exclusion_still_excludes() -> None:
    docetaxel = {"prior_therapies": ["docetaxel"], "prior_lines": 2}
    assert prior_verdict(docetaxel, exclusion=["Prior therapy with docetaxel"]) == "excluded"
    assert prior_verdict(CHEMO, exclusion=["Prior therapy with docetaxel"]) == "eligible"


def test_discontinued_for_toxicity_never_excludes() -> None:
    sentence = "Discontinued pembrolizumab due to toxicity"
    assert prior_verdict({"prior_therapies": ["pembrolizumab"], "prior_lines": 1}, exclusion=[sentence]) != "excluded"
    assert prior_verdict(CHEMO, exclusion=[sentence]) == "eligible"


# --- 2. a performance score joined to a fact of another dimension ----------------------------------------------
def ps_verdicts(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    """The performance-status verdict for ECOG 0-4 on a trial of these criteria."""
    text = invented_trial(f"* Stage IV NSCLC\n* {inclusion}\n" if inclusion else "* Stage IV NSCLC\n",
                          f"* {exclusion}\n" if exclusion else "* Pregnancy\n")
    rules = performance_status.parse(text)
    return tuple(performance_status.check(rules, Profile(ecog=e)).verdict for e in range(5))


# The score is a condition on something else: no limit on the score, its own scores a question.
SCORE_AS_CONDITION = [
    "If ECOG 2, patients must not have brain metastases",
    "For patients with ECOG 2: no brain metastases",
    "In participants with an ECOG performance status of 2, brain metastases must be excluded by MRI",
    "If WHO PS 2, no prior lines of therapy for metastatic disease",
    "For subjects with ECOG PS 2, EGFR mutation must be confirmed centrally",
]


@pytest.mark.parametrize("sentence", SCORE_AS_CONDITION)
def test_score_as_a_condition_sets_no_limit(sentence: str) -> None:
    assert ps_verdicts(inclusion=sentence) == (EL, EL, UN, EL, EL)


@pytest.mark.parametrize("sentence", SCORE_AS_CONDITION[:3])
def test_brain_rule_on_a_score_condition_is_a_question(sentence: str) -> None:
    assert EX not in brain_verdicts(inclusion=sentence)


@pytest.mark.parametrize("sentence", [
    "ECOG 0-1, or ECOG 2 in patients without brain metastases",
    "ECOG performance status 0 or 1, or 2 for participants without CNS metastases",
    "ECOG 0-1, or ECOG 2 in patients who have not received prior lines of therapy",
    "WHO performance status 0-1 or 2 in patients with EGFR-mutant disease",
])
def test_score_open_to_a_group_of_another_dimension_is_a_question(sentence: str) -> None:
    assert ps_verdicts(inclusion=sentence) == (EL, EL, UN, EX, EX)


def test_brain_does_not_exclude_on_a_score_alternative() -> None:
    assert brain_verdicts(inclusion="ECOG 0-1, or ECOG 2 in patients without brain metastases") == (EL, UN, UN, UN)


@pytest.mark.parametrize("sentence", [
    "Patients with brain metastases must have ECOG 0-1",
    "Participants with CNS metastases should have an ECOG performance status of 0 or 1",
    "Patients with EGFR-mutant disease: ECOG 0-1",
])
def test_a_groups_limit_named_by_another_dimension_is_a_question(sentence: str) -> None:
    assert ps_verdicts(inclusion=sentence)[:2] == (EL, EL)
    assert EX not in ps_verdicts(inclusion=sentence)
    assert brain_verdicts(inclusion=sentence) == NO_RULE


@pytest.mark.parametrize("sentence", [
    "Brain metastases in patients with ECOG >= 2",
    "EGFR-mutant patients with ECOG performance status >= 2",
    "ECOG 2 patients who have received more than one prior line",
    "Patients with ECOG PS of 2 or more who have leptomeningeal disease",
    "ALK-positive participants with a performance status of 2 or higher",
])
def test_exclusion_of_a_score_joined_to_another_fact_is_a_question(sentence: str) -> None:
    verdicts = ps_verdicts(exclusion=sentence)
    assert EX not in verdicts
    assert verdicts[:2] == (EL, EL)


@pytest.mark.parametrize("sentence", [
    "EGFR-mutant NSCLC with untreated brain metastases",
    "Symptomatic brain metastases in EGFR-mutant patients",
    "Active CNS metastases in patients harboring an ALK rearrangement",
    "Brain metastases in patients with ECOG >= 2",
])
def test_brain_exclusion_joined_to_another_fact_never_excludes(sentence: str) -> None:
    assert EX not in brain_verdicts(exclusion=sentence)


# Near misses: one dimension's own rule, or two rules listed side by side, keep their reading.
@pytest.mark.parametrize(("inclusion", "exclusion", "ps", "brain"), [
    ("ECOG performance status 0-1", "", (EL, EL, EX, EX, EX), NO_RULE),
    ("Patients with brain metastases must be stable for 4 weeks", "", NO_RULE + (EL,), (EL, EL, EX, UN)),
    ("ECOG 0-1 and no active brain metastases", "", (EL, EL, EX, EX, EX), (EL, EL, EX, UN)),
    ("Patients with EGFR-mutant NSCLC and ECOG 0-1", "", (EL, EL, EX, EX, EX), NO_RULE),
    ("", "ECOG >= 2", (EL, EL, EX, EX, EX), NO_RULE),
    ("", "Active brain metastases", NO_RULE + (EL,), (EL, EL, EX, UN)),
    ("", "ECOG >= 2, or active brain metastases", (EL, EL, EX, EX, EX), (EL, EL, EX, UN)),
    ("", "EGFR mutation, or untreated brain metastases", NO_RULE + (EL,), (EL, EL, EX, UN)),
])
def test_near_misses_keep_their_reading(inclusion: str, exclusion: str, ps: tuple[str, ...],
                                        brain: tuple[str, ...]) -> None:
    assert ps_verdicts(inclusion, exclusion) == ps
    assert brain_verdicts(inclusion, exclusion) == brain


def test_part_b_allowance_keeps_its_reading() -> None:
    assert ps_verdicts(inclusion="ECOG 0-1 (ECOG 2 allowed in Part B)") == (EL, EL, EL, EX, EX)


@pytest.mark.parametrize(("ecog", "brain", "ps_verdict", "brain_verdict"), [
    (1, "active", EL, UN), (2, "none", UN, EL), (2, "active", UN, UN), (3, "none", EX, EL),
])
def test_invented_profiles_on_a_cross_criterion(ecog: int, brain: str, ps_verdict: str, brain_verdict: str) -> None:
    text = invented_trial("* Stage IV NSCLC\n* ECOG 0-1, or ECOG 2 in patients without brain metastases\n",
                          "* Pregnancy\n")
    patient = Profile(ecog=ecog, brain_metastases=brain)
    assert performance_status.check(performance_status.parse(text), patient).verdict == ps_verdict
    assert brain_metastases.check(brain_metastases.parse(text), patient).verdict == brain_verdict
