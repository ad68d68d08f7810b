"""Kinds found by sentence audits of translated Chinese investigator-initiated trials and of umbrella / platform
sub-studies, and the missed exclusions a previous round left.

Brain metastases:
- "must not have leptomeningeal disease, spinal cord compression or brain metastases unless: (1) treated ... AND (2)
  ..." in an inclusion: the negation reaches the mention across the list of other CNS conditions (was a question
  for active metastases);
- "brain transfer", "intracranial transfer" (metastasis, translated) name brain metastases;
- "Brain metastases, with or without symptoms": what "with or without" leaves open is the metastases' own status, so
  the exclusion is of any of them (the sentence was read past);
- a brain requirement ("≥ 3 brain lesions; or 1-2 brain lesions not suitable for or refuse local therapy") has no
  other way in at an "or" between two verbs of one clause: a patient without brain metastases is out (was a question);
- "unless they have been treated, or are asymptomatic": the verb repeated in the second alternative still splits it.
Disease:
- stage IV left out by an exception in an inclusion ("Lung cancer, excluding those with metastatic disease", "any
  NSCLC except stage IV") excludes stage IV; a qualified part of it ("... at diagnosis", "except stage IVB") is a
  question, and a treatment's exception ("no treatment except for metastatic disease") is no stage rule.
"""

from __future__ import annotations

import pytest

from tests.brain_cases import brain_verdicts
from tests.invented import invented_trial
from trialmatch.criteria.rules import brain_metastases, disease, performance_status
from trialmatch.matching.profile import Profile, profile_from_dict

EL, UN, EX = "eligible", "unknown", "excluded"


def brain(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    """Verdicts for none, treated_stable, active, unknown on a trial of one inclusion and one exclusion bullet."""
    return brain_verdicts(inclusion and f"* {inclusion}\n", exclusion and f"* {exclusion}\n", title="A trial")


def stage_iv(sentence: str, conditions: tuple[str, ...] = ("Lung Cancer",)) -> str:
    text = invented_trial(f"* {sentence}\n", "* Pregnancy\n", title="A study", conditions=conditions)
    return str(disease.check(disease.parse(text), Profile(histology="adenocarcinoma", stage="IV")).verdict)


# ---------------------------------------------------------------- brain: a negation across other CNS conditions
@pytest.mark.parametrize("sentence", [
    "Participants must not have leptomeningeal disease, spinal cord compression or brain metastases unless: (1) "
    "metastases have been locally treated and have remained clinically controlled and asymptomatic for at least 14 "
    "days, AND (2) participant has no residual neurological dysfunction and has been off corticosteroids for 24 hours",
    "Participants must not have spinal cord compression, carcinomatous meningitis or CNS metastases unless: (1) "
    "treated locally and asymptomatic for 14 days, AND (2) off corticosteroids.",
    "Patients must not have leptomeningeal disease, cord compression or brain metastases unless: (1) the metastases "
    "were irradiated and have been stable for 4 weeks AND (2) no steroids are needed.",
    "Must not have meningeal carcinomatosis, spinal cord compression or untreated brain metastases unless (1) treated "
    "and stable and (2) asymptomatic.",
    "Subjects must not have carcinomatous meningitis, epidural disease or CNS metastases unless they are treated and "
    "stable for 4 weeks",
    "Must not have cord compression or intracranial metastases, unless previously irradiated and off steroids",
])
def test_a_negation_reaches_brain_metastases_across_other_cns_conditions(sentence: str) -> None:
    assert brain(inclusion=sentence) == (EL, EL, EX, UN)


def test_the_negated_list_without_an_exception_leaves_out_any_brain_metastases() -> None:
    sentence = "Participants must not have leptomeningeal metastases, spinal cord compression or brain metastases"
    assert brain(inclusion=sentence) == (EL, EX, EX, UN)


@pytest.mark.parametrize(("sentence", "expected"), [
    # the mention's own qualifier still decides
    ("Patients must not have leptomeningeal disease, spinal cord compression or symptomatic brain metastases",
     (EL, EL, UN, UN)),
    # a negated list, then a requirement joined by "with": not negated
    ("Patients without leptomeningeal disease but with untreated brain metastases", (EL, UN, UN, UN)),
    ("Patients without leptomeningeal disease or spinal cord compression, and with untreated brain metastases",
     (EL, UN, UN, UN)),
    # a permission of the same list is not a negation
    ("Patients with leptomeningeal disease, spinal cord compression or brain metastases are eligible",
     (EL, EL, EL, EL)),
])
def test_near_misses_of_a_negation_across_other_cns_conditions(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=sentence) == expected


# ---------------------------------------------------------------- brain: "brain transfer" (translated)
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Patients with brain transfer.", (EL, EX, EX, UN)),
    ("Brain transfers", (EL, EX, EX, UN)),
    ("Intracranial transfer with clinical symptoms.", (EL, EL, UN, UN)),
    ("Symptomatic brain transfer or brain transfer needing dehydration treatment.", (EL, EL, UN, UN)),
    ("Untreated intracranial transfers", (EL, EL, EX, UN)),
    ("Brain transfer, untreated or symptomatic", (EL, EL, EX, UN)),
])
def test_brain_transfer_is_brain_metastases(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Patients transferred from another hospital",
    "Brain transfer of the patient to another centre",
])
def test_a_patients_transfer_is_no_brain_rule(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, EL, EL, EL)


def test_an_inclusion_of_brain_transfer_is_a_brain_requirement() -> None:
    assert brain(inclusion="Stage IV NSCLC with brain transfer")[0] == EX


# ---------------------------------------------------------------- brain: "with or without" the metastases' status
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Brain metastases, with or without symptoms", (EL, EX, EX, UN)),
    ("Brain metastases with or without symptoms", (EL, EX, EX, UN)),
    ("CNS metastases with or without symptoms", (EL, EX, EX, UN)),
    ("Known CNS metastases, with or without prior radiotherapy", (EL, EX, EX, UN)),
    ("Known brain metastases with/without neurological symptoms", (EL, EX, EX, UN)),
    ("Brain metastases with or without prior whole brain radiotherapy", (EL, EX, EX, UN)),
    ("Untreated brain metastases, with or without symptoms", (EL, EL, EX, UN)),
    ("Active brain metastases, with or without steroid use", (EL, EL, EX, UN)),
    ("Symptomatic brain metastases requiring steroids, with or without prior WBRT", (EL, EL, UN, UN)),
    ("Brain metastases with/without neurological symptoms, unless treated and stable for 4 weeks", (EL, EL, EX, UN)),
])
def test_with_or_without_after_the_mention_leaves_its_status_open(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=sentence) == expected


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("Patients with or without brain metastases", ""),
    ("Patients with or without symptomatic brain metastases are eligible", ""),
    ("NSCLC with or without treated brain metastases", ""),
    ("Patients with brain metastases, with or without symptoms, are eligible", ""),
    ("", "Prior radiotherapy to brain metastases with or without chemotherapy"),
    ("", "Prior whole brain radiotherapy"),
])
def test_near_misses_of_with_or_without(inclusion: str, exclusion: str) -> None:
    assert brain(inclusion=inclusion, exclusion=exclusion) == (EL, EL, EL, EL)


# ---------------------------------------------------------------- brain: a requirement's "or" between verbs
@pytest.mark.parametrize("sentence", [
    "Patients with MRI confirmed parenchymal brain metastases with ≥ 3 brain lesions; or patients with 1-2 brain "
    "lesions who are not suitable for or refuse local therapy",
    "Patients with at least 3 brain metastases, or with 1-2 brain metastases who refuse or are not candidates for "
    "local therapy",
    "Patients must have brain metastases (3 or more lesions, or 1-2 lesions not eligible for or declined radiosurgery)",
])
def test_an_or_between_verbs_is_no_other_way_into_a_brain_requirement(sentence: str) -> None:
    assert brain(inclusion=sentence)[0] == EX


@pytest.mark.parametrize(("sentence", "expected"), [
    # real other ways in stay open
    ("Patients must have brain metastases, or an extracranial lesion amenable to biopsy", UN),
    ("Patients must have brain metastases, or be unsuitable for chemotherapy", UN),
    ("Patients must have brain metastases, or refuse chemotherapy", UN),
])
def test_near_misses_of_an_or_between_verbs(sentence: str, expected: str) -> None:
    assert brain(inclusion=sentence)[0] == expected


# ---------------------------------------------------------------- brain: an exception's repeated verb
@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("", "Brain metastases, unless they have been treated, or are asymptomatic"),
    ("Patients must not have brain metastases unless they have been treated, or are asymptomatic", ""),
    ("", "Brain metastases unless treated or asymptomatic"),
])
def test_an_asymptomatic_alternative_with_its_verb_leaves_active_ones_a_question(inclusion: str, exclusion: str
                                                                                 ) -> None:
    assert brain(inclusion=inclusion, exclusion=exclusion) == (EL, EL, UN, UN)


# ---------------------------------------------------------------- disease: stage IV left out by an exception
@pytest.mark.parametrize("sentence", [
    "Patients with lung cancer, excluding those with metastatic disease",
    "Any NSCLC except stage IV",
    "Patients with lung cancer, excluding those with stage IV disease",
    "Non-small cell lung cancer of any stage except stage IV",
    "NSCLC of any stage other than stage IV",
    "Lung cancer patients, except those with distant metastases",
    "NSCLC, excluding metastatic disease; age 18 or older",
    "Adults with NSCLC, other than those with distant metastases",
    "Lung cancer of any stage, with the exception of stage IV",
    "NSCLC (any stage but not stage IV)",
    "Any stage of NSCLC, but not metastatic disease",
    "Patients with NSCLC, except stage IV patients.",
])
def test_stage_iv_left_out_by_an_exception_is_excluded(sentence: str) -> None:
    assert stage_iv(sentence) == EX


@pytest.mark.parametrize(("sentence", "expected"), [
    # part of stage IV, or stage IV patients qualified: a question
    ("Stage IIIB-IV NSCLC, except stage IVB", UN),
    ("Lung cancer, excluding stage IVB", UN),
    ("All patients with lung cancer except those with metastatic disease at diagnosis", UN),
    ("Patients with NSCLC, except stage IV patients who have received prior immunotherapy", UN),
    # a treatment's exception, another cancer's, other sites, an early subgroup: no stage IV exclusion
    ("No systemic treatment except for metastatic disease", EL),
    ("Prior therapy: no treatment other than for metastatic disease", EL),
    ("Lung cancer patients, except those with metastatic NSCLC who are eligible for the companion trial", EL),
    ("Stage IV NSCLC, excluding those with brain metastases", EL),
    ("Metastatic NSCLC, excluding patients with liver metastases", EL),
    ("Patients with metastatic disease other than brain metastases", EL),
    ("Patients with lung cancer, excluding those with stage I disease treated by surgery alone", EL),
])
def test_near_misses_of_stage_iv_left_out(sentence: str, expected: str) -> None:
    assert stage_iv(sentence) == expected


# ---------------------------------------------------------------- invented profiles through two whole trials
_PLATFORM_SUB_STUDY = invented_trial(
    "* Participants with stage IV non-small cell lung cancer of any histology.\n"
    "* Participants must have a Zubrod performance status of 0-1.\n"
    "* Participants must not have carcinomatous meningitis, cord compression or CNS metastases unless: (1) treated "
    "locally and stable for 14 days, AND (2) off steroids for 24 hours.\n",
    "* Brain transfer with clinical symptoms.\n",
    title="A sub-study of a lung cancer master protocol", conditions=("Non-Small Cell Lung Cancer",),
)
_LOCAL_DISEASE_TRIAL = invented_trial(
    "* Patients with non-small cell lung cancer of any stage, excluding those with distant metastases.\n"
    "* ECOG 0-2.\n",
    "* Known brain metastases, with or without symptoms.\n",
    title="Radiotherapy for lung cancer", conditions=("Non-Small Cell Lung Cancer",),
)


@pytest.mark.parametrize(("profile", "expected"), [
    ({"id": "ret-fusion-ecog1-active-brain", "histology": "adenocarcinoma", "stage": "IV", "ecog": 1, "age": 61,
      "brain_metastases": "active"}, (EL, EL, EX)),
    ({"id": "large-cell-ecog0-treated-brain", "histology": "large cell", "stage": "IV", "ecog": 0, "age": 45,
      "brain_metastases": "treated_stable"}, (EL, EL, EL)),
    ({"id": "nos-ecog2-no-brain", "histology": "nsclc-nos", "stage": "IV", "ecog": 2, "age": 80,
      "brain_metastases": "none"}, (EL, EX, EL)),
    ({"id": "squamous-ecog-unknown-brain-unknown", "histology": "squamous", "stage": "IV", "ecog": None, "age": None,
      "brain_metastases": None}, (EL, UN, UN)),
])
def test_invented_profiles_through_a_platform_sub_study(profile: dict[str, object],
                                                        expected: tuple[str, str, str]) -> None:
    patient = profile_from_dict(profile)
    found = tuple(module.check(module.parse(_PLATFORM_SUB_STUDY), patient).verdict
                  for module in (disease, performance_status, brain_metastases))
    assert found == expected


@pytest.mark.parametrize(("profile", "expected"), [
    ({"id": "adeno-ecog1-no-brain", "histology": "adenocarcinoma", "stage": "IV", "ecog": 1, "age": 66,
      "brain_metastases": "none"}, (EX, EL, EL)),
    ({"id": "squamous-ecog2-treated-brain", "histology": "squamous", "stage": "IV", "ecog": 2, "age": 74,
      "brain_metastases": "treated_stable"}, (EX, EL, EX)),
    ({"id": "large-cell-ecog4-brain-unknown", "histology": "large cell", "stage": "IV", "ecog": 4, "age": 58,
      "brain_metastases": None}, (EX, EX, UN)),
])
def test_invented_profiles_through_a_trial_that_leaves_out_stage_iv(profile: dict[str, object],
                                                                     expected: tuple[str, str, str]) -> None:
    patient = profile_from_dict(profile)
    found = tuple(module.check(module.parse(_LOCAL_DISEASE_TRIAL), patient).verdict
                  for module in (disease, performance_status, brain_metastases))
    assert found == expected
