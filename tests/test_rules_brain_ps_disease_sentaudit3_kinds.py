"""Kinds found by a sentence audit of lung cancer studies that are not classic drug trials (cohorts, registries,
supportive care, exercise), and by its invented probes.

Performance status:
- a range with the scale's own description in brackets after each end ("ranging from 0 (asymptomatic) to 2
  (symptomatic but in bed less than 50% of time)") is the whole range, not its two ends (excluded ECOG 1);
- scores sent to another study ("ECOG 2 or 3 (patients with ECOG 0-1 are eligible for the companion study)") are no
  way into this one;
- "ECOG 0-1 for patients under 70; patients aged 70 or older are excluded" reads ECOG 0-1 (the age is not the
  score's business); it was read as a reversed limit.
Disease:
- "metastatic or non-metastatic" and its variants take every stage (was read as non-metastatic only);
- an early subgroup left out ("excluding those with stage I disease treated by surgery alone") is no early-only rule.
Brain metastases:
- "Brain metastases, symptomatic or requiring steroids": the qualifiers after the comma are the metastases' own;
- "Contraindication to MRI, unless brain metastases are already documented": a scan rule, no brain rule;
- "Brain metastases or leptomeningeal disease that, in the investigator's judgement, make exercise unsafe": a
  judgement over both, a question.
"""

from __future__ import annotations

import pytest

from tests.brain_cases import brain_verdicts
from tests.invented import invented_trial
from trialmatch.criteria.rules import brain_metastases, disease, performance_status
from trialmatch.matching.profile import Profile, profile_from_dict

EL, UN, EX = "eligible", "unknown", "excluded"


def ps(inclusion: str, age: int | None = 60, exclusion: str = "Pregnancy") -> tuple[str, ...]:
    """Verdicts for ECOG 0..4 at one age."""
    rules = performance_status.parse(invented_trial(inclusion and f"* {inclusion}\n", f"* {exclusion}\n"))
    return tuple(performance_status.check(rules, Profile(ecog=e, age=age)).verdict for e in range(5))


def brain(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    """Verdicts for none, treated_stable, active, unknown on a trial of one inclusion and one exclusion bullet."""
    return brain_verdicts(inclusion and f"* {inclusion}\n", exclusion and f"* {exclusion}\n", title="A trial")


def stage_iv(sentence: str, conditions: tuple[str, ...] = ("Lung Cancer",), histology: str = "adenocarcinoma") -> str:
    text = invented_trial(f"* {sentence}\n", "* Pregnancy\n", title="A prospective cohort study", conditions=conditions)
    return str(disease.check(disease.parse(text), Profile(histology=histology, stage="IV")).verdict)


# ---------------------------------------------------------------- performance status: described range ends
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Must have an ECOG performance status ranging from 0 (asymptomatic) to 2 (symptomatic but in bed less than 50% "
     "of the time)", (EL, EL, EL, EX, EX)),
    ("ECOG performance status between 0 (fully active) and 2 (ambulatory, capable of all self-care)",
     (EL, EL, EL, EX, EX)),
    ("Performance status of 0 (no symptoms) through 2 (up and about more than half the day) on the ECOG scale",
     (EL, EL, EL, EX, EX)),
    ("WHO performance status from 0 (normal activity) to 3 (capable of only limited self-care)",
     (EL, EL, EL, EL, EX)),
    ("Zubrod performance status 0 [asymptomatic] - 2 [symptomatic, < 50% of the day in bed]", (EL, EL, EL, EX, EX)),
    ("ECOG performance status of 0 (fully active, able to carry on all pre-disease activity without restriction) "
     "to 1", (EL, EL, EX, EX, EX)),
])
def test_a_range_with_described_ends_is_the_whole_range(sentence: str, expected: tuple[str, ...]) -> None:
    assert ps(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # an enumeration of described values stays an enumeration
    ("ECOG performance status 0 (fully active) or 1 (restricted in strenuous activity)", (EL, EL, EX, EX, EX)),
    ("ECOG 0 (fully active), 1 (restricted in strenuous activity) or 2 (ambulatory)", (EL, EL, EL, EX, EX)),
    # a plain range, and a bracket that names a part, keep today's reading
    ("ECOG performance status ranging from 0 to 2", (EL, EL, EL, EX, EX)),
    ("ECOG 0-1 (Part A) or 2 (Part B)", (EL, EL, EL, EX, EX)),
])
def test_near_misses_of_described_range_ends(sentence: str, expected: tuple[str, ...]) -> None:
    assert ps(sentence) == expected


def test_described_range_ends_in_an_exclusion_keep_out_the_range() -> None:
    verdicts = ps("", exclusion="ECOG performance status from 3 (capable of only limited self-care) to 4 "
                                "(completely disabled)")
    assert verdicts == (EL, EL, EL, EX, EX)


# ---------------------------------------------------------------- performance status: another study's scores
@pytest.mark.parametrize("sentence", [
    "ECOG performance status 2 or 3 (patients with ECOG 0-1 are eligible for the companion study)",
    "WHO PS 2-3; participants with PS 0-1 will be enrolled in the parallel trial",
    "ECOG 2 or 3 (ECOG 0-1 patients are referred to a separate study)",
])
def test_scores_sent_to_another_study_are_no_door(sentence: str) -> None:
    assert ps(sentence) == (EX, EX, EL, EL, EX)


def test_scores_for_a_cohort_of_this_trial_stay_a_door() -> None:
    assert ps("ECOG 2 or 3 (patients with ECOG 0-1 are eligible for cohort B)")[:2] == (EL, EL)


# ---------------------------------------------------------------- performance status: other age group left out
@pytest.mark.parametrize("sentence", [
    "ECOG 0-1 for patients under 70 years; patients aged 70 or older are excluded",
    "ECOG 0-1 in patients younger than 75 (patients 75 years or older are not eligible)",
    "ECOG PS 0 or 1 for patients below 65; older patients are excluded",
])
@pytest.mark.parametrize("age", [45, 80, None])
def test_a_limit_whose_other_age_group_is_left_out_is_everyones(sentence: str, age: int | None) -> None:
    assert ps(sentence, age=age) == (EL, EL, EX, EX, EX)


@pytest.mark.parametrize(("sentence", "expected"), [
    # the age group alone: a subgroup's limit, questions only
    ("ECOG 0-1 for patients under 70 years", (EL, EL, UN, UN, UN)),
    # a group by another fact, with an age clause beside it: still that group's limit
    ("ECOG 0-1 for patients with brain metastases; patients aged 70 or older are excluded", (EL, EL, UN, UN, UN)),
    ("ECOG 0-2; patients aged 70 or older are excluded", (EL, EL, EL, EX, EX)),
])
def test_near_misses_of_the_other_age_group(sentence: str, expected: tuple[str, ...]) -> None:
    assert ps(sentence) == expected


# ---------------------------------------------------------------- disease: metastatic or non-metastatic
@pytest.mark.parametrize("sentence", [
    "Recently or newly diagnosed metastatic or non-metastatic gastric, colon or lung cancer.",
    "Patients with non-metastatic or metastatic non-small cell lung cancer of any histology.",
    "Diagnosis of lung cancer, either localized (non-metastatic) or metastatic.",
    "NSCLC at any stage, metastatic as well as non-metastatic.",
    "Lung cancer, metastatic or nonmetastatic, confirmed by pathology.",
    "Non-metastatic and metastatic NSCLC are both eligible.",
    "Adults with metastatic or non metastatic NSCLC starting treatment at the centre.",
])
def test_metastatic_or_non_metastatic_takes_every_stage(sentence: str) -> None:
    assert stage_iv(sentence) == EL


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Newly diagnosed non-metastatic non-small cell lung cancer scheduled for surgery.", EX),
    ("Non-metastatic (stage I-III) NSCLC.", EX),
    ("Completely resected stage IB-IIIA NSCLC.", EX),
    # a metastatic door on a condition stays a question
    ("Non-metastatic NSCLC, or metastatic NSCLC with oligometastatic disease.", UN),
])
def test_near_misses_of_metastatic_or_non_metastatic(sentence: str, expected: str) -> None:
    assert stage_iv(sentence) == expected


# ---------------------------------------------------------------- disease: an early subgroup left out
@pytest.mark.parametrize("sentence", [
    "Patients with lung cancer, excluding those with stage I disease treated by surgery alone.",
    "Any lung cancer except stage IA disease cured by resection.",
    "Patients with NSCLC, excluding patients with stage I-II disease amenable to surgery.",
    "Lung cancer of any stage, except early-stage disease treated with curative surgery only.",
    "Adults with NSCLC other than completely resected stage I disease.",
    "All lung cancers, with the exception of stage IA tumours removed by lobectomy.",
])
def test_an_early_subgroup_left_out_is_no_early_only_rule(sentence: str) -> None:
    assert stage_iv(sentence) == EL


# ---------------------------------------------------------------- brain: qualifiers after a comma
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Brain metastases, symptomatic or requiring steroids", (EL, EL, UN, UN)),
    ("Brain metastases, if symptomatic or requiring steroids", (EL, EL, UN, UN)),
    ("CNS metastases, symptomatic or requiring an increase in corticosteroids", (EL, EL, UN, UN)),
    ("Brain metastases, untreated or symptomatic", (EL, EL, EX, UN)),
    ("Known brain metastases, active or requiring steroid treatment", (EL, EL, EX, UN)),
    ("Intracranial metastases, progressive or uncontrolled", (EL, EL, EX, UN)),
])
def test_qualifiers_after_a_comma_are_the_metastases_own(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Brain metastases, leptomeningeal disease or spinal cord compression",  # a list of conditions
    "Known brain metastases, symptomatic or not",
    "Brain metastases, treated or untreated",
    "Brain metastases, whether treated or not",
    "Known brain metastases.",
    "Brain metastases, as confirmed by MRI",
])
def test_near_misses_of_qualifiers_after_a_comma_stay_bare(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, EX, EX, UN)


# ---------------------------------------------------------------- brain: a scan rule's exception
@pytest.mark.parametrize("sentence", [
    "Contraindication to MRI (e.g., pacemaker), unless brain metastases have already been documented.",
    "Unable to undergo brain MRI, unless brain metastases are already known.",
    "Contraindication to contrast-enhanced MRI, unless brain metastases are known.",
    "Claustrophobia or other contraindication to MRI, unless the patient has documented brain metastases",
    "Allergy to gadolinium contrast, except in patients with known CNS metastases",
])
def test_a_scan_rule_whose_exception_names_known_metastases_sets_no_brain_rule(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, EL, EL, EL)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Brain metastases, unless treated and stable", (EL, EL, EX, UN)),
    ("Brain metastases detected on screening MRI", (EL, EX, EX, UN)),
])
def test_near_misses_of_a_scan_rule(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=sentence) == expected


# ---------------------------------------------------------------- brain: a judgement over an "or"
@pytest.mark.parametrize("sentence", [
    "Brain metastases or leptomeningeal disease that, in the investigator's judgement, make exercise unsafe.",
    "CNS metastases or spinal cord compression that, in the physician's opinion, make high-intensity exercise "
    "unsafe.",
    "Brain metastases or bone metastases which in the opinion of the investigator would make participation unsafe",
    "Brain metastases that, in the investigator's judgement, make exercise unsafe.",
])
def test_a_judgement_over_brain_metastases_or_another_condition_is_a_question(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, UN, UN, UN)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Brain metastases or leptomeningeal disease.", (EL, EX, EX, UN)),
    ("Brain metastases or leptomeningeal disease that are symptomatic", (EL, EL, UN, UN)),
    # another condition's own qualifier, no judgement: the brain exclusion is bare
    ("Intracranial metastasis or pleural effusion that requires drainage", (EL, EX, EX, UN)),
])
def test_near_misses_of_a_judgement_over_an_or(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=sentence) == expected


# ---------------------------------------------------------------- invented profiles through a whole trial
_TRIAL = invented_trial(
    "* Adults with metastatic or non-metastatic lung cancer, recently diagnosed.\n"
    "* ECOG performance status from 0 (fully active) to 2 (capable of self-care, up more than 50% of the day).\n",
    "* Brain metastases, symptomatic or requiring steroids.\n"
    "* Contraindication to MRI, unless brain metastases are already documented.\n",
    title="A supportive care study in lung cancer", conditions=("Lung Cancer",),
)


@pytest.mark.parametrize(("profile", "expected"), [
    ({"id": "large-cell-ecog2-treated-brain", "histology": "large cell", "stage": "IV", "ecog": 2, "age": 77,
      "brain_metastases": "treated_stable"}, (EL, EL, EL)),
    ({"id": "nos-ecog1-no-brain", "histology": "nsclc-nos", "stage": "IV", "ecog": 1, "age": 52,
      "brain_metastases": "none"}, (EL, EL, EL)),
    ({"id": "squamous-ecog3-active-brain", "histology": "squamous", "stage": "IV", "ecog": 3, "age": 68,
      "brain_metastases": "active"}, (EL, EX, UN)),
    ({"id": "adeno-ecog-unknown-brain-unknown", "histology": "adenocarcinoma", "stage": "IV", "ecog": None,
      "age": None, "brain_metastases": None}, (EL, UN, UN)),
])
def test_invented_profiles_through_a_supportive_care_trial(profile: dict[str, object],
                                                          expected: tuple[str, str, str]) -> None:
    patient = profile_from_dict(profile)
    found = tuple(module.check(module.parse(_TRIAL), patient).verdict
                  for module in (disease, performance_status, brain_metastases))
    assert found == expected
