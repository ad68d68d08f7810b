"""Brain metastases: an allowance, exception or requirement that sits apart from the clause it changes.

Verdicts are per profile state (none, treated and stable, active, not given). Kinds:

- an allowance in another criterion (inclusion, sub-bullet, "Note:", "Except:", "unless ..." bullet) loosens a bare
  exclusion ("Brain metastases", "Known CNS metastases", NCI "No known brain metastases"): treated, stable patients
  are not excluded; active ones stay excluded unless the allowance may cover them;
- a washout naming the brain as an example ("Prior radiotherapy (e.g., to brain metastases) within 2 weeks"): no rule;
- "Patients are excluded unless brain metastases are treated": the mention is inside the exception;
- trials asking for brain metastases in wordings read apart ("CNS involvement", "not previously irradiated",
  "must have either: untreated brain metastases, or leptomeningeal disease").
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, NO_RULE, UN
from brain_cases import brain_verdicts as _verdicts
from invented import invented_trial

from trialmatch.criteria.rules import brain_metastases
from trialmatch.matching.profile import profile_from_dict

# ---------------------------------------------------------------- an allowance elsewhere loosens a bare exclusion
TREATED_ALLOWED = (EL, EL, EX, UN)
ALLOWANCES = {
    "inclusion-eligible": ("* Patients with treated and stable brain metastases are eligible", "* Brain metastases"),
    "inclusion-allowed": ("* Treated brain metastases allowed", "* Known CNS metastases"),
    "may-participate-provided": (
        "* Participants with previously treated brain metastases may participate provided they are stable for 4 weeks",
        "* Known brain metastases"),
    "eligible-if-treated": (
        "* Patients with brain metastases are eligible if they have been treated and are clinically stable",
        "* CNS metastases"),
    "permitted": ("* Stable, treated brain metastases are permitted", "* Presence of brain metastases"),
    "must-be-treated": (
        "* Brain metastases must have been treated and be stable for at least 2 weeks", "* Brain metastases"),
    "nci-no-known": (
        "* No known brain metastases\n"
        "* Previously treated CNS metastases allowed provided patient is off steroids", ""),
    "see-inclusion": (
        "* Patients with treated and stable brain metastases are eligible",
        "* Known brain metastases (see inclusion criterion 2 for exceptions)"),
    "sub-bullet": ("", "* Brain metastases or spinal cord compression\n"
                       "    * Patients with treated brain metastases off steroids for 2 weeks are eligible"),
    "note-bullet": ("", "* Known CNS metastases.\n"
                        "* Note: Patients with previously treated brain metastases that are stable on MRI may "
                        "participate."),
    "note-after-list": ("", "* Untreated CNS metastases\n* Brain metastases.\n* Leptomeningeal disease\n"
                            "* Note: Patients with previously treated brain metastases that are stable may enrol."),
    "except-bullet": ("", "* Patients with brain metastases;\n* Except: patients with brain metastases that have "
                          "been treated locally and are stable for more than 4 weeks"),
    "exception-bullet": (
        "", "* Brain metastases\n* Exception: treated brain metastases stable for 4 weeks are allowed"),
    "unless-bullet": ("", "* Known CNS metastases\n* Unless previously treated and stable off corticosteroids"),
}


@pytest.mark.parametrize(("inclusion", "exclusion"), ALLOWANCES.values(), ids=ALLOWANCES.keys())
def test_an_allowance_elsewhere_lets_treated_stable_patients_in(inclusion: str, exclusion: str) -> None:
    assert _verdicts(inclusion, exclusion) == TREATED_ALLOWED


ALLOWANCE_NEAR_MISSES = {
    "asymptomatic-may-cover-active": (
        "* Subjects with asymptomatic brain metastases may be enrolled", "* Brain metastases", (EL, EL, UN, UN)),
    "untreated-asymptomatic-allowed": (
        "* Patients with untreated asymptomatic brain metastases are eligible", "* Brain metastases",
        (EL, UN, UN, UN)),
    "another-cohort's-allowance": (
        "* Cohort B: patients with treated brain metastases are eligible", "* Brain metastases", (EL, UN, EX, UN)),
    "no-allowance": ("* ECOG 0-1", "* Brain metastases", (EL, EX, EX, UN)),
    "not-eligible-is-no-allowance": (
        "* Patients with brain metastases are not eligible", "* Brain metastases", (EL, EX, EX, UN)),
    "leptomeningeal-allowance-only": (
        "* Patients with treated leptomeningeal disease are eligible", "* Brain metastases", (EL, EX, EX, UN)),
    "unless-bullet-of-another-rule": (
        "", "* Prior chemotherapy\n* unless given as adjuvant therapy\n* Brain metastases", (EL, EX, EX, UN)),
    "qualified-exclusion-unchanged": (
        "* Patients with treated brain metastases are eligible", "* Active or untreated brain metastases",
        (EL, EL, EX, UN)),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), ALLOWANCE_NEAR_MISSES.values(),
                         ids=ALLOWANCE_NEAR_MISSES.keys())
def test_allowance_near_misses(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion, exclusion) == expected


# ---------------------------------------------------------------- a washout naming the brain as an example
@pytest.mark.parametrize("exclusion", [
    "* Prior radiotherapy (e.g., to brain metastases) within 2 weeks",
    "* Radiation therapy (for example to the brain for metastases) within 14 days",
    "* Palliative radiotherapy, e.g. for brain metastases, within two weeks of the first dose",
    "* Prior radiotherapy (i.e., whole-brain for CNS metastases) within 4 weeks before randomisation",
    "* Radiotherapy within 14 days, including whole brain radiotherapy for brain metastases",
    "* Stereotactic radiosurgery for brain metastases within 7 days prior to first dose",
])
def test_a_washout_with_the_brain_as_example_sets_no_rule(exclusion: str) -> None:
    assert _verdicts(exclusion=exclusion) == NO_RULE


def test_an_example_without_a_time_window_is_still_a_rule() -> None:
    assert _verdicts(exclusion="* Metastases to critical sites (e.g., brain metastases)") == (EL, EX, EX, UN)


# ---------------------------------------------------------------- "excluded unless" before the mention
@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), [
    ("", "* Patients are excluded unless brain metastases are treated", TREATED_ALLOWED),
    ("", "* Patients will be excluded unless their brain metastases have been treated and are stable",
     TREATED_ALLOWED),
    ("* Patients are not eligible unless brain metastases are resected or irradiated and stable", "",
     TREATED_ALLOWED),
    ("", "* Subjects are ineligible unless CNS metastases are asymptomatic", (EL, EL, UN, UN)),
    ("", "* Patients are excluded unless they have no brain metastases", (EL, EX, EX, UN)),
])
def test_excluded_unless_reads_the_exception(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion, exclusion) == expected


# ---------------------------------------------------------------- trials asking for brain metastases
@pytest.mark.parametrize(("inclusion", "expected"), [
    ("* Brain metastases that have not been previously irradiated", (EX, EX, UN, UN)),
    ("* Patients with brain metastases that have not been treated with radiotherapy", (EX, EX, UN, UN)),
    ("* At least one brain metastasis that has not been previously irradiated", (EX, EX, EL, UN)),
    ("* Stage IV NSCLC with CNS involvement (brain parenchymal or leptomeningeal)", (EX, EL, EL, UN)),
    ("* Metastatic NSCLC with central nervous system involvement", (EX, EL, EL, UN)),
    ("* Patients must have either:\n* untreated brain metastases >= 5 mm, or\n* leptomeningeal disease",
     (EX, UN, UN, UN)),
    ("* Patients must have either:\n    * untreated brain metastases >= 5 mm, or\n    * leptomeningeal disease",
     (EX, UN, UN, UN)),
    ("* Must have one of the following:\n    * newly diagnosed brain metastases\n    * leptomeningeal carcinomatosis",
     (EX, UN, EL, UN)),
    ("* Patients with 1-10 brain metastases planned for stereotactic radiosurgery", (EX, UN, UN, UN)),
])
def test_a_trial_asking_for_brain_metastases_leaves_out_patients_without(inclusion: str,
                                                                         expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion=inclusion) == expected


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), [
    ("", "* CNS involvement", (EL, EX, EX, UN)),  # an exclusion, not a requirement
    ("* One of the following:\n* No brain metastases\n* Treated brain metastases stable for >= 4 weeks", "",
     (EL, EL, EX, UN)),
    ("* Untreated brain metastases are allowed", "", (EL, EL, EL, EL)),  # a permission, not a need
])
def test_requirement_near_misses(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    assert _verdicts(inclusion, exclusion) == expected


# ---------------------------------------------------------------- invented profiles
def test_invented_profiles_with_an_allowance_elsewhere() -> None:
    text = invented_trial("* Subjects with treated, stable brain metastases are eligible",
                          "* Known brain metastases", "An invented trial in metastatic NSCLC")
    rules = brain_metastases.parse(text)
    base = {"age": 58, "histology": "large cell", "stage": "IV", "ecog": 2, "prior_therapies": ["docetaxel"]}
    verdicts = {state: brain_metastases.check(rules, profile_from_dict({**base, "brain_metastases": state})).verdict
                for state in ("none", "treated_stable", "active", None)}
    assert verdicts == {"none": EL, "treated_stable": EL, "active": EX, None: UN}
