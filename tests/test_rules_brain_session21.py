"""Brain-metastasis kinds of session 21 (found on an invented, independently labelled set).

- "Brain metastases that are untreated or symptomatic": a relative clause listing the mention's own kinds; either
  is enough, as in "untreated or symptomatic brain metastases" (was read as "all must hold", so an untreated
  metastasis became a question).
- "Active brain metastases or leptomeningeal disease; treated stable brain metastases are allowed": what stands before
  the semicolon is the excluded condition, not one of the permission's alternatives (the "or leptomeningeal disease"
  was read as a way back in nobody could check, so active ones became a question).
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain, bullets
from invented import invented_trial

from trialmatch.criteria.rules import brain_metastases
from trialmatch.matching.profile import Profile

# none, treated_stable, active, not given
UNTREATED_OUT = (EL, EL, EX, UN)


@pytest.mark.parametrize("line", [
    "Brain metastases that are untreated or symptomatic.",
    "CNS metastases which are symptomatic or untreated.",
    "Brain metastases that are untreated or symptomatic, or that required steroids within 4 weeks before first dose.",
    "Known brain metastases that are active or untreated.",
    "Intracranial metastases that are untreated or progressing.",
    "Cerebral metastases, which are symptomatic or untreated, are not allowed.",
])
def test_a_relative_clause_listing_kinds_excludes_each_kind(line: str) -> None:
    assert brain(exclusion=line) == UNTREATED_OUT


@pytest.mark.parametrize("line", [
    "Brain metastases that are symptomatic or require steroids.",  # no untreated kind named: a question
    "Brain metastases that are treated or untreated with symptoms.",
])
def test_a_relative_clause_without_an_untreated_kind_stays_a_question(line: str) -> None:
    assert brain(exclusion=line)[2] == UN


@pytest.mark.parametrize("line", [
    "Active CNS metastases and/or carcinomatous meningitis; patients with treated brain metastases that are stable "
    "for >= 4 weeks are eligible.",
    "Active brain metastases or leptomeningeal disease; treated stable brain metastases are allowed.",
    "Untreated brain metastases or spinal cord compression; previously irradiated, stable brain metastases are "
    "permitted.",
    "Active CNS metastases or leptomeningeal carcinomatosis; subjects with treated, stable CNS metastases may be "
    "enrolled.",
    "Progressive or untreated brain metastases and/or leptomeningeal disease; patients with brain metastases treated "
    "and stable for 28 days are eligible.",
    "Active brain metastases or meningeal carcinomatosis; treated brain metastases stable off steroids are allowed.",
])
def test_the_condition_before_a_semicolon_is_no_way_back_in(line: str) -> None:
    assert brain(exclusion=line) == UNTREATED_OUT


def test_a_permission_after_a_semicolon_still_lets_its_patients_in() -> None:
    # Near-miss: the permission itself names untreated ones without symptoms: those are a question, not out.
    assert brain(exclusion="Symptomatic brain metastases or spinal cord compression; patients with asymptomatic "
                           "untreated brain metastases are eligible.")[2] == UN


# "At least one measurable extracranial or intracranial lesion": a lesion anywhere will do, so the count asks nothing
# of the brain (was read as a measurable brain lesion required, excluding every patient without brain metastases).
@pytest.mark.parametrize("line", [
    "At least one measurable extracranial or intracranial lesion per RECIST 1.1.",
    "At least one measurable lesion (intracranial and/or extracranial) as defined by RECIST v1.1.",
    "At least one measurable intracranial or extracranial lesion.",
    "Measurable disease, extra- or intracranial, per RECIST 1.1.",
    "One or more measurable CNS or extracranial lesions.",
    "At least 1 measurable extracranial and/or intracranial target lesion.",
])
def test_a_lesion_anywhere_asks_nothing_of_the_brain(line: str) -> None:
    assert brain(inclusion=line)[0] == EL


def test_a_measurable_brain_lesion_alone_is_still_required() -> None:
    assert brain(inclusion="At least one measurable intracranial lesion.")[0] == EX


# ", including untreated ones," between brain metastases and "are eligible": the permission's reach, not a requirement
# of brain metastases (untreated or any), even in a trial whose condition list names brain metastases.
@pytest.mark.parametrize("line", [
    "Patients with brain metastases, including untreated or progressing lesions, are eligible.",
    "Brain metastases, including untreated ones, are allowed.",
    "Participants with CNS metastases, even if untreated, may be enrolled.",
    "Patients with brain metastases, whether treated or untreated, are eligible.",
    "Subjects with intracranial metastases, including newly diagnosed lesions, can participate.",
    "Patients with brain metastases, including those not previously irradiated, are permitted.",
])
@pytest.mark.parametrize("conditions", [(), ("RET Fusion-positive NSCLC", "Brain Metastases")])
def test_an_including_aside_before_a_permission_is_no_requirement(line: str, conditions: tuple[str, ...]) -> None:
    rules = brain_metastases.parse(invented_trial(bullets(line), bullets("Pregnancy"), conditions=conditions))
    for state in ("none", "treated_stable", "active"):
        assert brain_metastases.check(rules, Profile(brain_metastases=state)).verdict == EL, state


# ... and the aside is no condition of the permission: "Patients with CNS metastases, including untreated asymptomatic
# lesions, are eligible if neurologically stable" lets treated, stable ones in (the aside's "untreated" had been read
# as a condition they fail).
@pytest.mark.parametrize("line", [
    "Patients with CNS metastases, including untreated asymptomatic lesions, are eligible if neurologically stable "
    "and not requiring increasing doses of steroids.",
    "Patients with brain metastases, including untreated ones, may enrol provided they are asymptomatic.",
    "Subjects with brain metastases, including those not previously irradiated, are eligible if clinically stable.",
    "Participants with intracranial metastases, even if untreated, can be included if off steroids for 7 days.",
    "Patients with CNS metastases, including newly diagnosed lesions, are allowed if neurologically stable.",
    "Patients with brain metastases, whether treated or untreated, are eligible provided they are asymptomatic.",
])
def test_an_including_aside_is_no_condition_of_the_permission(line: str) -> None:
    verdicts = brain(inclusion=line)
    assert verdicts[:2] == (EL, EL) and verdicts[2] != EX


# "Previously treated brain metastases" as an exclusion: treated ones are meant, any way; an active patient's may be
# untreated (not meant) or progressing after treatment: a question, never an exclusion (was: any brain metastases).
@pytest.mark.parametrize("line", [
    "Patients whose brain metastases have previously been treated are not eligible.",
    "Patients with previously treated brain metastases are not eligible.",
    "Prior irradiated brain metastases.",
    "Brain metastases that have already been resected.",
    "Subjects with previously irradiated CNS metastases are excluded.",
    "Participants whose brain metastases were previously treated are ineligible.",
])
def test_an_exclusion_of_treated_metastases_leaves_untreated_ones_a_question(line: str) -> None:
    assert brain(exclusion=line)[:3] == (EL, EX, UN)


@pytest.mark.parametrize("line", [
    "Untreated brain metastases.",
    "Not previously treated brain metastases.",
    "Non-irradiated brain metastases.",
])
def test_an_exclusion_of_untreated_metastases_is_unchanged(line: str) -> None:
    assert brain(exclusion=line)[:3] == (EL, EL, EX)


# "Active brain metastases, defined as untreated and symptomatic": the definition says which are meant; an untreated
# metastasis whose symptoms the profile does not give is a question (was: excluded for the word "active").
@pytest.mark.parametrize(("line", "active"), [
    ("Clinically active CNS metastases, defined as untreated and symptomatic, or requiring corticosteroids to control "
     "symptoms.", UN),
    ("Active brain metastases, defined as untreated and symptomatic.", UN),
    ("Active brain metastases (defined as untreated and symptomatic).", UN),
    ("Active CNS disease, that is, symptomatic and untreated lesions.", UN),
    ("Active brain metastases, defined as untreated or symptomatic.", EX),
    ("Active brain metastases (i.e., progressing or requiring steroids).", EX),
])
def test_a_definition_decides_which_metastases_are_meant(line: str, active: str) -> None:
    assert brain(exclusion=line)[:3] == (EL, EL, active)


# An exception cue inside an aside about scans ("(CT or MRI of the brain required only if clinically indicated)") says
# when a scan is needed, not who may join: "No known brain metastases" stays a plain exclusion (was a question for
# every patient with brain metastases). An exception in an aside of its own still counts.
@pytest.mark.parametrize("line", [
    "No known brain metastases (CT scan or MRI of the brain required only if clinically indicated)",
    "No known brain metastases (brain MRI needed only if symptomatic)",
    "No known CNS metastases (head CT or MRI only if clinically indicated)",
    "No known brain metastases (imaging of the brain is required only if there are neurological symptoms)",
    "No known brain metastases (brain imaging not mandatory, except if clinically indicated)",
    "No known brain metastases (scans of the head are needed only if clinically indicated)",
])
def test_a_scan_aside_is_no_exception(line: str) -> None:
    assert brain(inclusion=line)[:3] == (EL, EX, EX)


def test_an_exception_in_its_own_aside_still_counts() -> None:
    assert brain(inclusion="No brain metastases (unless treated and stable)")[:3] == (EL, EL, EX)


# A later sentence of a bullet headed by its own group ("... allowed in Cohorts 1-3. Cohort 4: untreated brain
# metastases are excluded.") is that group's rule: it cannot keep out patients who may join another group.
@pytest.mark.parametrize("line", [
    "Symptomatic brain metastases; asymptomatic untreated brain metastases are allowed in Cohorts 1-3. Cohort 4: "
    "untreated brain metastases of any kind are excluded.",
    "Symptomatic CNS metastases. Part B: untreated brain metastases are not allowed.",
    "Brain metastases requiring steroids. Arm 2: any untreated brain metastases are excluded.",
    "Symptomatic brain metastases. Cohort C (EGFR): untreated CNS metastases are excluded.",
    "Unstable brain metastases. Group 3 - untreated brain metastases excluded.",
    "Symptomatic brain metastases. Phase 2: patients with untreated brain metastases are not eligible.",
])
def test_a_later_sentence_headed_by_its_group_cannot_exclude_everyone(line: str) -> None:
    assert brain(exclusion=line)[2] != EX


def test_a_later_sentence_without_a_group_head_is_still_everyones() -> None:
    assert brain(exclusion="Symptomatic brain metastases. Untreated brain metastases are excluded as well.")[2] == EX


# "5 to 15 brain metastases, none of which has been treated before": untreated ones are what the count asks for, so
# treated, stable metastases do not meet it (was a question).
@pytest.mark.parametrize("line", [
    "5 to 15 brain metastases on MRI, none of which has been treated before.",
    "At least one brain metastasis, none of which have been irradiated.",
    "Two to ten brain metastases, none of them has received local therapy.",
    "One to four brain metastases, none of the lesions has been previously treated.",
    "5-15 brain metastases; none of which have been resected.",
    "At least 3 brain metastases, none of which has undergone local treatment.",
])
def test_a_count_of_lesions_none_treated_leaves_treated_ones_out(line: str) -> None:
    verdicts = brain(inclusion=line)
    assert verdicts[0] == EX and verdicts[1] == EX and verdicts[2] != EX
