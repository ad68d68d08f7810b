"""Brain metastases: permissions conditioned on "asymptomatic" / "no increasing steroids", and plain bans after a
semicolon. Invented sentences only.

Label convention: "active / untreated" does not mean symptomatic, so a permission of asymptomatic ones (treated or
untreated) leaves an active profile a question, never excluded. What used to exclude it, wrongly:
- a washout for the ones that had local treatment ("prior radiotherapy to CNS lesions must have been completed at
  least 14 days before"), read as a demand that they be treated;
- a treatment they may get ("Asymptomatic lesions may be treated at the investigator's discretion"), read the same;
- "asymptomatic CNS metastases or CNS metastases treated with radiation that are clinically stable may be eligible":
  the second group (the site said again) was read as the only way in.
Explicit bans still exclude: "...; new or progressing brain metastases at screening" after another exclusion is an
exclusion of its own. Near-misses keep their verdicts: a permission of treated, stable ones only (a washout beside
it or not), "all other untreated brain metastases are excluded" after a permission of small ones.
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

_BASE = {"age": 58, "sex": "female", "histology": "adenocarcinoma", "stage": "IV", "ecog": 1, "biomarkers": [],
         "tested_negative": [], "pdl1_tps": None, "prior_therapies": [], "prior_lines": 0}


def _profile(state: str | None) -> Profile:
    return profile_from_dict({**_BASE, "id": "invented", "brain_metastases": state})


ACTIVE, TREATED, NONE = _profile("active"), _profile("treated_stable"), _profile("none")


def _verdict(inclusion: str, exclusion: str, patient: Profile) -> str:
    markdown = f"Inclusion Criteria:\n\n* Stage IV NSCLC\n* {inclusion}\n\nExclusion Criteria:\n\n* {exclusion}\n"
    trial = TrialText(nct_id="NCT00000000", title="An invented study in advanced NSCLC",
                      conditions=("Non-small Cell Lung Cancer",), criteria=tuple(split_criteria(markdown)))
    dim = DIMENSIONS["brain_metastases"]
    return dim.check(dim.parse(trial), patient).verdict


# --- a permission of asymptomatic ones, with a washout or an optional treatment beside it ---------------------------

ASYMPTOMATIC_PERMISSIONS = {
    "treated or untreated, washout in days": (
        "Participants with asymptomatic CNS metastases (treated or untreated) are eligible; prior radiotherapy for "
        "CNS lesions must have been completed at least 14 days before enrollment.", "Pregnancy"),
    "allowed if asymptomatic and no rising steroids, washout in weeks": (
        "Patients with brain metastases are allowed if they are asymptomatic and do not require increasing doses of "
        "steroids; prior radiation to brain metastases must have been completed at least 2 weeks before.",
        "Pregnancy"),
    "eligible, SRS washout, must be completed": (
        "Subjects with asymptomatic brain metastases are eligible; stereotactic radiosurgery to the brain must be "
        "completed at least 7 days prior to the first dose.", "Pregnancy"),
    "optional treatment at the investigator's discretion": (
        "Prior brain or leptomeningeal metastases allowed if asymptomatic (e.g., found at screening). Asymptomatic "
        "CNS lesions may be treated at the discretion of the investigator as per local practice.", "Pregnancy"),
    "optional radiotherapy, can receive": (
        "Brain metastases are permitted if asymptomatic. Lesions can receive radiotherapy before the first dose.",
        "Pregnancy"),
    "permission after an exclusion, site said again after or": (
        "Measurable disease",
        "CNS metastases that are associated with progressive neurological symptoms or require increasing doses of "
        "corticosteroids. Participants with asymptomatic CNS metastases or CNS metastases treated with radiation or "
        "surgery that are clinically stable may be eligible"),
    "bare exclusion, asymptomatic or irradiated brain lesions": (
        "Measurable disease",
        "Brain metastases. Patients with asymptomatic brain metastases or brain metastases previously irradiated "
        "that are stable are eligible."),
}


@pytest.mark.parametrize("inclusion,exclusion", ASYMPTOMATIC_PERMISSIONS.values(),
                         ids=ASYMPTOMATIC_PERMISSIONS.keys())
def test_a_permission_of_asymptomatic_ones_leaves_active_ones_a_question(inclusion: str, exclusion: str) -> None:
    assert _verdict(inclusion, exclusion, ACTIVE) == UNKNOWN
    assert _verdict(inclusion, exclusion, TREATED) == ELIGIBLE
    assert _verdict(inclusion, exclusion, NONE) == ELIGIBLE


TREATED_ONLY = {
    "treated and stable, washout beside it": (
        "Patients with brain metastases are allowed if they are treated and stable; prior radiation to brain "
        "metastases must have been completed at least 2 weeks before.", "Pregnancy"),
    "washout is the only condition": (
        "Patients with brain metastases are allowed if radiotherapy to the brain must have been completed at least 2 "
        "weeks before.", "Pregnancy"),
    "treated stable, optional treatment sentence": (
        "Brain metastases allowed if treated and stable. Lesions may be irradiated before study entry.", "Pregnancy"),
    "bare exclusion, treated ones may be eligible": (
        "Measurable disease",
        "CNS metastases. Participants with CNS metastases treated with radiation or surgery that are clinically "
        "stable may be eligible"),
}


@pytest.mark.parametrize("inclusion,exclusion", TREATED_ONLY.values(), ids=TREATED_ONLY.keys())
def test_near_miss_a_permission_of_treated_ones_only_still_excludes_active_ones(inclusion: str,
                                                                              exclusion: str) -> None:
    assert _verdict(inclusion, exclusion, ACTIVE) == EXCLUDED
    assert _verdict(inclusion, exclusion, TREATED) == ELIGIBLE


# --- a plain ban after a semicolon -------------------------------------------------------------------------------

LATER_BANS = {
    "new or progressing at screening": "Spinal cord compression or symptomatic and unstable brain metastases or "
                                       "leptomeningeal disease; new or progressing brain metastases at screening",
    "untreated after symptomatic": "Symptomatic CNS metastases; untreated CNS metastases",
    "active after lepto": "Leptomeningeal carcinomatosis; active brain metastases",
    "progressive, three clauses": "Uncontrolled seizures; symptomatic brain lesions; progressive brain metastases",
    "newly diagnosed": "Unstable brain metastases; new brain metastases found on the screening MRI",
    "not previously irradiated": "Symptomatic brain metastases; brain metastases that have not been treated",
}


@pytest.mark.parametrize("exclusion", LATER_BANS.values(), ids=LATER_BANS.keys())
def test_a_plain_ban_after_a_semicolon_excludes_active_ones(exclusion: str) -> None:
    assert _verdict("Measurable disease", exclusion, ACTIVE) == EXCLUDED
    assert _verdict("Measurable disease", exclusion, TREATED) == ELIGIBLE


LATER_NEAR_MISSES = {
    "all other after a permission": (
        "Patients with stable, previously treated brain metastases are allowed. Untreated, asymptomatic brain "
        "metastases < 1 cm are also permitted; all other untreated brain metastases are excluded.", "Pregnancy"),
    "second clause is a permission": (
        "Measurable disease", "Symptomatic brain metastases; asymptomatic brain metastases are allowed"),
    "first clause only symptomatic, second about another site": (
        "Measurable disease", "Symptomatic brain metastases; active hepatitis B infection"),
}


@pytest.mark.parametrize("inclusion,exclusion", LATER_NEAR_MISSES.values(), ids=LATER_NEAR_MISSES.keys())
def test_near_miss_clauses_that_are_no_plain_ban_leave_active_ones_a_question(inclusion: str,
                                                                             exclusion: str) -> None:
    assert _verdict(inclusion, exclusion, ACTIVE) == UNKNOWN
