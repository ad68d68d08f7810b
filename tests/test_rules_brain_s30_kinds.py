"""Brain: four kinds of sentence found by a survey of invented exclusions and permissions (session 30).

- "Brain metastases not definitively treated" / "that have not been adequately treated": the adverb was not read, so
  the ban reached treated, stable metastases (a false exclusion) or left both states a question. The adverb is the
  treatment's; treated, stable metastases have had one, untreated ones are out.
- "Brain metastases (exception: treated lesions stable for >= 4 weeks)": an exception spelled out after a colon was
  not read as one, so the ban excluded treated, stable patients.
- "Stable brain metastases (treated or untreated) allowed": a permission that names both states lets untreated ones
  in if stable, so an active (untreated or progressing) patient is a question, not excluded.
- "Metastatic CNS disease" / "metastatic brain disease" was not read as brain metastases at all (a miss).
Invented sentences only; near-misses keep their verdicts."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain


@pytest.mark.parametrize("exclusion", [
    "Brain metastases not definitively treated.",
    "Brain metastases that have not been definitively treated.",
    "Metastatic disease to the brain that has not been definitively treated.",
    "CNS metastases not fully treated with radiotherapy or surgery.",
    "Brain metastases which have not been adequately treated with surgery or radiation.",
    "Known brain metastases that have not been appropriately treated.",
])
def test_not_definitively_treated_bans_untreated_ones_only(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, EX)


@pytest.mark.parametrize("exclusion", [
    "Brain metastases (exception: treated lesions stable for ≥ 4 weeks).",
    "Known CNS metastases (exceptions: patients with treated brain metastases that are stable for 4 weeks and off "
    "steroids).",
    "Brain metastases. Exception: patients with irradiated lesions stable on MRI for 4 weeks.",
    "Brain metastases (exception - previously resected or irradiated lesions without progression).",
    "CNS metastases (exception: treated and clinically stable brain metastases not requiring steroids).",
])
def test_an_exception_after_a_colon_lets_treated_stable_ones_back_in(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:2] == (EL, EL)


def test_an_exception_of_small_untreated_ones_leaves_active_ones_a_question() -> None:
    assert brain(exclusion="Active brain metastases (exception: asymptomatic untreated lesions < 1 cm).")[2] == UN


@pytest.mark.parametrize("inclusion", [
    "Stable brain metastases (treated or untreated) allowed.",
    "Stable brain metastases, whether treated or not, are allowed.",
    "Stable brain metastases (irradiated or not) are permitted.",
    "Brain metastases allowed if stable, whether treated or untreated.",
    "Radiologically stable brain metastases, treated or untreated, are eligible.",
])
def test_a_stable_permission_naming_both_states_leaves_active_ones_a_question(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[:3] == (EL, EL, UN)


def test_a_stable_permission_alone_still_leaves_active_ones_out() -> None:
    assert brain(inclusion="Stable brain metastases allowed.")[:3] == (EL, EL, EX)


@pytest.mark.parametrize(("exclusion", "expected"), [
    ("Metastatic CNS disease.", (EL, EX, EX)),
    ("Metastatic brain disease.", (EL, EX, EX)),
    ("Untreated metastatic CNS disease.", (EL, EL, EX)),
    ("Metastatic CNS disease, unless treated and stable for 4 weeks.", (EL, EL, EX)),
    ("Symptomatic metastatic brain disease.", (EL, EL, UN)),
    ("Metastatic CNS disease requiring radiation therapy or surgery at the time of enrollment.", (EL, EL, UN)),
])
def test_metastatic_cns_disease_is_brain_metastases(exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=exclusion)[:3] == expected


@pytest.mark.parametrize("exclusion", ["Primary CNS disease.", "CNS disease requiring anticonvulsants."])
def test_cns_disease_without_metastatic_is_no_brain_metastasis_rule(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, EL, EL, EL)


@pytest.mark.parametrize("exclusion", [
    "Brain metastases that have not been stable for 4 weeks.",
    "Brain metastases not stable for 28 days after local therapy.",
    "CNS metastases that have not been stable for 1 month.",
    "Brain metastases that have not been stable for at least 4 weeks.",
    "Known brain metastases not radiologically stable for 2 weeks.",
])
def test_a_stability_window_not_reached_bans_active_ones_only(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, EX)


@pytest.mark.parametrize("exclusion", [
    "Brain metastases with uncontrolled seizures.",
    "Brain metastases with a neurological deficit affecting gait, or seizures that are not controlled.",
    "Brain metastases with neurological deficits.",
    "CNS metastases associated with seizures.",
    "Brain metastases causing convulsions.",
])
def test_symptoms_by_name_ban_symptomatic_ones_only(exclusion: str) -> None:
    # "uncontrolled" is the seizures', not the metastases': an untreated one need have none (a question)
    assert brain(exclusion=exclusion)[:3] == (EL, EL, UN)


@pytest.mark.parametrize("exclusion", ["Uncontrolled brain metastases.", "Brain metastases that are not controlled."])
def test_uncontrolled_metastases_still_ban_active_ones(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, EX)


@pytest.mark.parametrize("inclusion", [
    "Brain metastases are allowed if asymptomatic. No other malignancy, except adequately treated carcinoma in situ.",
    "CNS metastases are permitted if asymptomatic. No other cancer within 3 years, except treated basal cell "
    "carcinoma.",
    "Brain metastases may enrol if asymptomatic. Prior malignancy allowed only if treated with curative intent.",
])
def test_another_cancers_rule_run_on_in_the_bullet_is_no_condition_of_the_permission(inclusion: str) -> None:
    # (its "treated" was read as the permission's condition, leaving active ones out: a false exclusion)
    assert brain(inclusion=inclusion)[:3] == (EL, EL, UN)
