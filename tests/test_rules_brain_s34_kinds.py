"""Brain: kinds of sentence from session 34 (set AH).

- "Brain metastases, with the following allowances:" over sub-bullets ("untreated, asymptomatic ones <= 1 cm are
  allowed", "treated ones are allowed if stable"): a ban whose own lead says the list under it holds its exceptions.
  Each sub-bullet is a way back in (not a rule of its own), so the ban is read with all of them: one letting some
  untreated ones in leaves an active patient a question, and a treated-only permission among them no longer shuts
  untreated ones out alone.
- "Previously treated brain metastases are allowed in all cohorts if stable" (a treated-only permission) beside a
  cohort that requires an untreated brain metastasis: the trial takes some untreated ones, so the permission cannot
  keep all of them out; an active patient is a question.
Invented sentences only; near-misses keep their verdicts."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, NO_RULE, UN, brain


@pytest.mark.parametrize("exclusion", [
    "Brain metastases, with the following allowances: >> Untreated, asymptomatic brain metastases each <= 1 cm that "
    "do not require immediate local therapy are allowed. >> Previously treated brain metastases are allowed provided "
    "that the patient is neurologically stable for at least 2 weeks after radiotherapy or surgery.",
    "CNS metastases, except for the following: >> Asymptomatic, untreated lesions < 10 mm not requiring steroids. "
    ">> Lesions treated with SRS or surgery and stable on MRI for 4 weeks.",
    "Known brain metastases, with these exceptions: >> patients with small (< 5 mm) untreated metastases without "
    "symptoms may enrol >> patients whose metastases were irradiated and are stable may enrol",
    "Active brain metastases, with the following exemptions: >> Untreated brain metastases < 1 cm without oedema are "
    "permitted. >> Irradiated lesions stable for 28 days are permitted.",
    "Brain metastases, subject to the following allowances: >> Treated brain metastases that are clinically stable "
    "for 4 weeks are allowed. >> Untreated asymptomatic brain metastases <= 2 cm may be included.",
    "Metastases to the brain, except as follows: >> Subjects with previously treated brain metastases may participate "
    "if stable for 2 weeks. >> Subjects with untreated brain metastases that are asymptomatic and under 5 mm may "
    "participate.",
])
def test_a_ban_read_with_its_listed_allowances(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, EL, UN, UN)


@pytest.mark.parametrize(("exclusion", "expected"), [
    # every listed exception is a treated one: untreated, active ones stay out
    ("Brain metastases, with the following exceptions: >> Treated brain metastases stable for 4 weeks off steroids.",
     (EL, EL, EX, UN)),
    ("Brain metastases, with the following exceptions: >> Previously treated brain metastases are allowed provided "
     "that the patient is neurologically stable.", (EL, EL, EX, UN)),
    ("CNS metastases, except for the following: >> Lesions treated with SRS and stable on MRI for 4 weeks. >> Lesions "
     "resected more than 4 weeks before enrolment.", (EL, EL, EX, UN)),
    # only small untreated ones are let back in: treated ones are a question (as before)
    ("Brain metastases, with the following allowances: >> Untreated, asymptomatic brain metastases each <= 1 cm are "
     "allowed.", (EL, UN, UN, UN)),
    # a lead about something else: its list is not a brain ban's exceptions
    ("Prior radiotherapy, with the following exceptions: >> palliative radiotherapy to brain metastases completed 2 "
     "weeks before the first dose.", NO_RULE),
    # written flat, the list's end is not shown: read as before
    ("Brain metastases, with the following exceptions: // Treated brain metastases stable for 4 weeks are allowed. "
     "// Pregnancy.", (EL, EL, EX, UN)),
])
def test_near_misses_of_listed_allowances(exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=exclusion) == expected


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("Part 2 cohorts: >> 2A: progressed on or after selpercatinib. >> 2D (CNS cohort): at least one measurable, "
     "untreated brain metastasis >= 5 mm that does not require immediate local therapy; participants may be "
     "asymptomatic or on a stable dose of dexamethasone <= 2 mg/day.",
     "Previously treated brain metastases are allowed in all cohorts if stable."),
    ("Part 2 expansion: >> Cohort 2A: KRAS G12C after chemotherapy. >> Cohort 2C (CNS): at least one untreated, "
     "measurable brain metastasis.", "Brain metastases are allowed only if treated and stable."),
    ("Dose expansion: >> 1A: ALK-positive NSCLC after alectinib. >> 1B (intracranial cohort): at least one untreated "
     "brain lesion >= 5 mm.", "Subjects with treated brain metastases are allowed if neurologically stable for 4 "
     "weeks."),
    ("Part B cohorts: >> B1: no prior RET inhibitor. >> B2 (CNS cohort): measurable untreated brain metastases; "
     "patients may be on stable steroids.", "Irradiated brain metastases are permitted provided they are "
     "radiologically stable."),
    ("Cohort A: progressed on a prior EGFR TKI. // Cohort B: untreated brain metastases >= 5 mm not needing local "
     "therapy.", "Previously treated brain metastases are allowed in all cohorts if stable."),
    ("Arm A: chemotherapy-naive. // Arm C: patients with untreated, asymptomatic brain metastases.",
     "Patients with irradiated brain metastases may enrol if stable for 4 weeks."),
])
def test_a_treated_only_permission_beside_a_cohort_of_untreated_ones(inclusion: str, exclusion: str) -> None:
    assert brain(inclusion, exclusion)[2] == UN


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    # no group asks for untreated ones: the permission of treated ones keeps active ones out
    ("", "Previously treated brain metastases are allowed in all cohorts if stable."),
    ("Cohort 1: no prior therapy. // Cohort 3: previously irradiated brain metastases that are stable.",
     "Previously treated brain metastases are allowed if stable."),
    ("Cohort 1: no prior therapy. // Cohort 3: at least one measurable brain lesion >= 5 mm.",
     "Previously treated brain metastases are allowed if stable."),
    ("Cohort 1: no prior therapy. // Cohort 3: patients with brain metastases.",
     "Previously treated brain metastases are allowed if stable."),
])
def test_near_misses_without_a_cohort_of_untreated_ones(inclusion: str, exclusion: str) -> None:
    assert brain(inclusion, exclusion)[2] == EX
