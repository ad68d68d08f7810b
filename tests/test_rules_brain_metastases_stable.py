"""Brain metastases: permissions limited to stable metastases, and an exclusion whose second alternative is any
brain disease seen on imaging. Invented sentences of each kind and of near-miss kinds, per profile state."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import brain_metastases
from trialmatch.criteria.text import TrialText
from trialmatch.matching.profile import Profile, profile_from_dict

EL, UN, EX = "eligible", "unknown", "excluded"
STATES = ("none", "treated_stable", "active", None)


def _trial(inclusion: str = "", exclusion: str = "") -> TrialText:
    return invented_trial(inclusion, exclusion, "An invented trial in metastatic NSCLC")


def _verdicts(inclusion: str = "", exclusion: str = "") -> tuple[str, ...]:
    rules = brain_metastases.parse(_trial(inclusion, exclusion))
    return tuple(brain_metastases.check(rules, Profile(brain_metastases=s)).verdict for s in STATES)


# A permission limited to stable metastases: an active (untreated or progressing) one is not stable.
STABLE_ONLY = {
    "were-only-enrolled-if-stable": "* Participants with CNS metastases were only enrolled if the metastases were "
                                    "stable.",
    "allowed-only-if-stable": "* Brain metastases are allowed only if stable.",
    "provided-they-are-stable": "* Subjects with intracranial metastases are permitted provided they are stable.",
    "stable-with-definition-and-steroids": (
        "* Patients with brain metastases may enrol provided they are radiologically stable (no progression on two "
        "MRI scans at least 4 weeks apart or on CT) and have been off dexamethasone for 10 days."),
    "stable-asymptomatic-off-steroids": "* CNS metastases are permitted if stable, asymptomatic and off steroids.",
    "stable-brain-metastases-are-eligible": "* Patients with stable brain metastases are eligible.",
    "as-long-as-stable-for-weeks": "* Brain metastases are acceptable as long as they have been stable for 6 weeks.",
}


@pytest.mark.parametrize("inclusion", STABLE_ONLY.values(), ids=STABLE_ONLY.keys())
def test_permission_limited_to_stable_excludes_active(inclusion: str) -> None:
    assert _verdicts(inclusion=inclusion) == (EL, EL, EX, UN)


STABLE_EXCEPTIONS = {
    "exception-in-next-sentence": "* Spinal cord compression or CNS metastases. Patients with stable CNS metastases "
                                  "may be included.",
    "unless-radiologically-stable": "* Known brain metastases, unless radiologically stable for at least 4 weeks",
    "active-with-stable-aside": "* Active brain metastases (participants with stable brain metastases may be enrolled)",
    "except-if-stable": "* Intracranial metastases, except if stable on repeat imaging",
}


@pytest.mark.parametrize("exclusion", STABLE_EXCEPTIONS.values(), ids=STABLE_EXCEPTIONS.keys())
def test_exclusion_excepting_stable_ones_excludes_active(exclusion: str) -> None:
    assert _verdicts(exclusion=exclusion) == (EL, EL, EX, UN)


# Near misses: a condition an untreated metastasis may meet, another way in, or untreated ones let in.
STABLE_NEAR_MISSES = {
    "clinically-stable": ("* Brain metastases are allowed, given they are clinically stable and without "
                          "neurologic symptoms.", ""),
    "neurologically-stable": ("* CNS metastases are permitted if neurologically stable.", ""),
    "asymptomatic-only": ("* Brain metastases are allowed if asymptomatic.", ""),
    "stable-dose-of-steroids": ("* Brain metastases are allowed if on a stable dose of corticosteroids.", ""),
    "stable-or-decreasing-steroids": (
        "* Brain metastases are allowed if on a stable or decreasing dose of dexamethasone.", ""),
    "stable-or-not-needing-treatment": ("* Brain metastases are allowed if stable or not requiring treatment.", ""),
    "stable-or-asymptomatic": ("* Brain metastases are allowed if stable, or asymptomatic.", ""),
    "patient-condition-stable": ("* Brain metastases may be allowed if the patient's condition is stable.", ""),
    "untreated-allowed-if-stable": ("* Untreated brain metastases are allowed if stable.", ""),
    "treated-or-untreated-if-stable": ("* Treated or untreated brain metastases are eligible if stable.", ""),
    "untreated-unless-stable": ("", "* Untreated brain metastases, unless stable for 4 weeks"),
    "untreated-then-stable-permission": ("", "* Non-irradiated brain metastases. Patients with stable brain "
                                             "metastases may participate."),
}


@pytest.mark.parametrize(("inclusion", "exclusion"), STABLE_NEAR_MISSES.values(), ids=STABLE_NEAR_MISSES.keys())
def test_stable_near_misses_leave_active_open(inclusion: str, exclusion: str) -> None:
    assert _verdicts(inclusion, exclusion)[2] != EX


# An exclusion whose first alternative is a conjunction ("active and symptomatic") and whose second names any brain
# disease seen on imaging: untreated ones are out, and only the exception lets treated, stable ones back in.
IMAGED = {
    "pia-mater-on-ct-or-mri": (
        "* Active and symptomatic brain metastases, or brain or pia mater disease found on CT or MRI during "
        "screening (patients with treated and stable metastases may be enrolled)"),
    "with-list-before": (
        "* Participants with symptomatic and progressive CNS metastases, carcinomatous meningitis, spinal cord "
        "compression, or with brain or meningeal lesions detected by MRI at screening (those who completed local "
        "therapy and are stable for 4 weeks may be included)."),
    "intracranial-lesions-seen-on-imaging": (
        "* Symptomatic untreated brain metastases, or any intracranial lesions seen on baseline imaging, unless "
        "treated and stable."),
    "imaging-screening-for-disease": (
        "* Symptomatic brain metastases, or MRI screening for brain or pia mater disease (patients who have "
        "completed radiotherapy and are stable may be enrolled)"),
}


@pytest.mark.parametrize("exclusion", IMAGED.values(), ids=IMAGED.keys())
def test_imaged_brain_disease_alternative_excludes_active(exclusion: str) -> None:
    assert _verdicts(exclusion=exclusion) == (EL, EL, EX, UN)


def test_imaged_alternative_without_exception_leaves_treated_open() -> None:
    assert _verdicts(exclusion="* Symptomatic brain metastases, or CNS disease detected on MRI at screening") == (
        EL, UN, EX, UN)


IMAGED_NEAR_MISSES = {
    "second-alternative-qualified": "* Symptomatic brain metastases, or brain disease requiring steroids",
    "asymptomatic-exception": ("* Symptomatic brain metastases, or brain disease on screening MRI (patients with "
                               "asymptomatic metastases may be enrolled)"),
    "hemorrhage-on-ct": "* Symptomatic brain metastases, or intracranial haemorrhage on CT",
    "spinal-cord-on-mri": "* Symptomatic brain metastases, or spinal cord compression seen on MRI",
    "conjunction-alone": "* Active and symptomatic brain metastases (treated and stable metastases are allowed)",
}


@pytest.mark.parametrize("exclusion", IMAGED_NEAR_MISSES.values(), ids=IMAGED_NEAR_MISSES.keys())
def test_imaged_near_misses_leave_active_open(exclusion: str) -> None:
    assert _verdicts(exclusion=exclusion)[2] == UN


def test_imaged_alternative_in_negated_inclusion_is_not_read() -> None:
    # "No ... or with brain metastases seen on MRI that are treated": an alternative way in, not an exclusion.
    got = _verdicts(inclusion="* No symptomatic brain metastases, or with brain metastases seen on MRI that are "
                              "treated and stable")
    assert got[2] != EX


def _profile(pid: str, brain: str | None, **extra: object) -> Profile:
    base: dict[str, object] = {"id": pid, "age": 66, "sex": "female", "histology": "large cell", "stage": "IV",
                               "biomarkers": [], "tested_negative": [], "pdl1_tps": None, "prior_therapies": [],
                               "prior_lines": None, "ecog": 2, "brain_metastases": brain}
    return profile_from_dict({**base, **extra})


PROFILES = (
    _profile("nrg1-no-brain", "none", biomarkers=[{"gene": "NRG1", "alteration": "fusion"}]),
    _profile("egfr-g719x-treated-brain", "treated_stable", biomarkers=[{"gene": "EGFR", "alteration": "G719X"}],
             prior_therapies=["afatinib"], prior_lines=1),
    _profile("kras-g12d-active-brain", "active", biomarkers=[{"gene": "KRAS", "alteration": "G12D"}], pdl1_tps=50,
             prior_therapies=["cemiplimab", "carboplatin"], prior_lines=1),
    _profile("met-amp-brain-unknown", None, biomarkers=[{"gene": "MET", "alteration": "amplification"}]),
)


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("* Patients with brain metastases are eligible only if the metastases are stable.", ""),
    ("", "* Active and symptomatic CNS metastases, or brain or pia mater disease found on MRI during screening "
         "(patients with treated and stable metastases may be enrolled)"),
])
def test_invented_profiles(inclusion: str, exclusion: str) -> None:
    rules = brain_metastases.parse(_trial(inclusion, exclusion))
    assert tuple(brain_metastases.check(rules, p).verdict for p in PROFILES) == (EL, EL, EX, UN)
