"""Brain-metastasis structures of session 20 (a freshly opened blind set and the kinds the last session left).

The principle: a rule for a subgroup of brain metastases (the ones without symptoms) or for one of two groups a
permission names is not a ban on untreated ones; an untreated patient whose symptoms the profile does not give is
a question, never an exclusion.

- "<asymptomatic> brain metastases must be / are allowed if <stable>": the subgroup without symptoms, which an
  untreated metastasis may belong to and be stable in (was active excluded). A condition that asks for treatment
  ("must have been treated and be stable") still leaves untreated ones out.
- "<patients> with <asymptomatic> CNS metastases or with <previously treated> brain metastases may participate ...":
  two groups joined by "or" before the verb; the verb is a permission for both (was read as an exclusion of the first
  group, its subject too long for the permission's reach), so untreated ones are let in on the conditions.
- "treated ... (if applicable / if indicated / where needed)": treatment asked only of those who needed it, no
  condition an untreated metastasis fails by being untreated.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

# none, treated_stable, active, not given
SUBGROUP = (EL, EL, UN, UN)
TREATED_ONLY = (EL, EL, EX, UN)


@pytest.mark.parametrize("line", [
    "Asymptomatic brain metastases must be stable.",
    "Patients with asymptomatic brain metastases must be radiologically stable for at least 4 weeks.",
    "Asymptomatic CNS metastases are allowed if stable on imaging.",
    "Participants with asymptomatic intracranial metastases may enrol provided the lesions are stable on MRI.",
    "Subjects with non-symptomatic brain metastases are eligible as long as they show radiographic stability.",
    "Symptom-free cerebral metastases must have been stable for 6 weeks before the first dose.",
    "Patients with brain metastases without neurological symptoms can be included if the metastases are stable.",
    "Asymptomatic CNS metastases must remain stable on two consecutive scans.",
    "Asymptomatic brain mets are permitted provided stable for >= 2 weeks.",
])
def test_a_stability_rule_for_the_asymptomatic_leaves_active_a_question(line: str) -> None:
    assert brain(inclusion=line) == SUBGROUP


@pytest.mark.parametrize("line", [
    "Asymptomatic brain metastases must be stable.",
    "Patients with asymptomatic brain metastases are allowed provided they are radiologically stable.",
])
def test_the_subgroup_rule_in_the_exclusions_after_a_symptomatic_ban(line: str) -> None:
    assert brain(exclusion=f"Symptomatic brain metastases. {line}") == SUBGROUP


@pytest.mark.parametrize("line", [
    # Near misses: no subgroup, or a condition that asks for treatment.
    "Brain metastases must be stable.",
    "Patients with brain metastases are allowed if radiologically stable for 4 weeks.",
    "Asymptomatic brain metastases must have been treated and be stable.",
    "Asymptomatic CNS metastases are allowed provided they were irradiated and are stable.",
    "Patients with treated brain metastases are eligible provided they are radiologically stable.",
])
def test_stability_for_all_or_treatment_asked_still_leaves_active_out(line: str) -> None:
    assert brain(inclusion=line) == TREATED_ONLY


@pytest.mark.parametrize("line", [
    "Subjects with asymptomatic CNS metastases or with previously treated brain metastases may participate provided"
    " they are radiologically stable.",
    "Patients with asymptomatic brain metastases or with treated brain metastases are eligible if they are stable.",
    "Participants with treated brain metastases or with asymptomatic brain metastases are eligible provided they are"
    " radiologically stable.",
    "Patients with irradiated brain metastases or asymptomatic cerebral metastases may enrol if stable for 4 weeks.",
    "Subjects with asymptomatic CNS metastases or with previously resected brain metastases may participate provided"
    " they are off steroids.",
    "Patients with asymptomatic brain metastases or with treated brain metastases may join if radiologically stable.",
    "Subjects with treated CNS metastases or with asymptomatic brain metastases can take part provided they are"
    " stable on MRI.",
])
def test_two_groups_joined_by_or_before_the_verb_let_untreated_ones_in(line: str) -> None:
    assert brain(inclusion=line) == SUBGROUP


@pytest.mark.parametrize("line", [
    "Subjects with asymptomatic CNS metastases or with previously treated brain metastases may participate provided"
    " they were treated before randomization (if applicable) and are neurologically stable.",
    "Patients with asymptomatic brain metastases or with treated brain metastases may enrol provided they have been"
    " irradiated (if indicated) and do not require steroids.",
    "Participants with asymptomatic CNS metastases or with resected brain metastases are eligible if they were treated"
    " at least 14 days earlier (where needed) and remain neurologically stable.",
])
def test_the_permission_after_a_symptomatic_ban_in_the_same_bullet(line: str) -> None:
    assert brain(exclusion=f"Has symptomatic central nervous system metastases. {line}") == SUBGROUP


@pytest.mark.parametrize("line", [
    "Brain metastases are allowed provided they were treated (if applicable) and are clinically stable.",
    "Patients with brain metastases may enrol provided they have been treated, if indicated, and are off steroids.",
    "CNS metastases are permitted if irradiated (where applicable) and neurologically stable.",
])
def test_treatment_if_applicable_is_no_condition_untreated_ones_fail(line: str) -> None:
    assert brain(inclusion=line)[2] == UN


@pytest.mark.parametrize("line", [
    # Near misses: the treatment is asked plainly.
    "Brain metastases are allowed provided they were treated and are clinically stable.",
    "Brain metastases are permitted if irradiated and stable for 4 weeks.",
])
def test_treatment_asked_plainly_still_leaves_active_out(line: str) -> None:
    assert brain(inclusion=line)[2] == EX


@pytest.mark.parametrize("exclusion", [
    "Active brain metastases. Subjects with previously treated brain metastases may participate.",
    "Symptomatic or untreated brain metastases.",
])
def test_plain_exclusions_of_untreated_ones_keep_excluding(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[2] == EX


def test_an_invented_patient_with_active_metastases_is_a_question_not_excluded() -> None:
    from invented import invented_trial

    from trialmatch.criteria.parse import DIMENSIONS, parse_text
    from trialmatch.matching.profile import profile_from_dict
    patient = profile_from_dict({
        "id": "invented-kras-g12v-active-brain", "age": 58, "sex": "female", "histology": "adenocarcinoma",
        "stage": "IV", "biomarkers": [{"gene": "KRAS", "alteration": "G12V"}], "tested_negative": ["EGFR", "ALK"],
        "pdl1_tps": 5, "prior_therapies": ["carboplatin", "pemetrexed", "tislelizumab"], "prior_lines": 1, "ecog": 1,
        "brain_metastases": "active"})
    trial = invented_trial(exclusion="* Known symptomatic CNS metastases. Participants with asymptomatic brain"
                                     " metastases or with irradiated brain metastases may join provided they were"
                                     " treated before enrolment (if applicable) and are off steroids.\n")
    rules = parse_text(trial)["brain_metastases"]
    assert DIMENSIONS["brain_metastases"].check(rules, patient).verdict == UN
