"""The shared reader on a closing scope sentence inside a bullet: invented sentences only.

"Does not apply to the dose escalation portion of the study.", "This criterion applies to Part B only.", "Not
applicable for the expansion cohorts": the sentence says whose rule the whole bullet is, for every dimension.
"Applies (only) to X" scopes it to X; "does not apply to X" to the trial's other groups, so a patient may join X
where it does not bind (a part without the rule that takes the patient makes them eligible). Near-misses: a sentence
naming no group ("not applicable to palliative radiotherapy"), another cancer's group (the rule binds NSCLC as
written), and the same rule without the sentence keep their verdicts.
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN
from trialmatch.criteria.rules.reader import criterion_scope
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

_BASE = {"age": 61, "sex": "male", "histology": "adenocarcinoma", "stage": "IV", "ecog": 1, "biomarkers": [],
         "tested_negative": [], "pdl1_tps": None, "brain_metastases": "none", "prior_therapies": [],
         "prior_lines": 0}
_ALL = ["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "NRG1"]


def _profile(**facts: object) -> Profile:
    return profile_from_dict({**_BASE, "id": "invented", **facts})


MET_AFTER_TEPOTINIB = _profile(biomarkers=[{"gene": "MET", "alteration": "exon 14 skipping"}],
                               tested_negative=[g for g in _ALL if g != "MET"], prior_therapies=["tepotinib"],
                               prior_lines=1)
ECOG2 = _profile(tested_negative=_ALL, ecog=2, prior_therapies=["carboplatin", "pemetrexed"], prior_lines=1)
ACTIVE_BRAIN = _profile(tested_negative=_ALL, brain_metastases="active", prior_therapies=["cisplatin", "docetaxel"],
                        prior_lines=1)


def _trial(inclusion: list[str], exclusion: list[str]) -> TrialText:
    markdown = ("Inclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in inclusion)
                + "\nExclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in exclusion))
    return TrialText(nct_id="NCT00000000", title="An invented phase 1 study of drug Q in advanced solid tumours",
                     conditions=("Solid Tumor", "Non-small Cell Lung Cancer"),
                     criteria=tuple(split_criteria(markdown)))


def _verdict(trial: TrialText, dimension: str, patient: Profile) -> str:
    dim = DIMENSIONS[dimension]
    return dim.check(dim.parse(trial), patient).verdict


# --- the sentence as the bullet's scope -------------------------------------------------------------------------

EXEMPTIONS = {
    "does not apply, portion of the study": (
        "Prior therapy with a MET inhibitor. Does not apply to the dose escalation portion of the study.",
        "dose escalation"),
    "this criterion, part": ("ECOG 0 or 1. This criterion does not apply to Part A.", "Part A"),
    "not applicable for, cohorts": ("Measurable disease per RECIST 1.1. Not applicable for the expansion cohorts.",
                                    "expansion cohorts"),
    "aside": ("Prior docetaxel (does not apply to Cohort 3).", "Cohort 3"),
    "dash and patients": ("Untreated brain metastases - does not apply to Arm B patients", "Arm B"),
    "is not applicable, lower case": ("PD-L1 TPS >= 50%; this requirement is not applicable to the safety run-in.",
                                      "run-in"),
    "will not apply, phase": ("No prior anti-PD-1 antibody. This exclusion will not apply in Phase 1b.", "Phase 1b"),
}


@pytest.mark.parametrize("text,group", EXEMPTIONS.values(), ids=EXEMPTIONS.keys())
def test_an_exemption_scopes_the_bullet_to_the_other_groups(text: str, group: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None
    assert scope.label.startswith("groups other than") and group.lower() in scope.label.lower()
    assert scope.kind == "part" and not scope.genes and not scope.diseases


ONLY = {
    "applies to, only": ("Prior platinum doublet. This criterion applies to Part B only.", "Part B"),
    "applies only to": ("ECOG 0-2. Applies only to Cohort 2.", "Cohort 2"),
    "only applicable to": ("At least one prior line of therapy. Only applicable to the dose expansion phase.",
                           "expansion"),
    "aside only applies": ("No prior taxane (only applies to Arm C)", "Arm C"),
    "is applicable only for": ("Asymptomatic brain metastases allowed. This rule is applicable only for Part 2.",
                               "Part 2"),
    "apply to group only, participants": ("Archival tissue required. These criteria apply to Group 4 participants "
                                          "only.", "Group 4"),
}


@pytest.mark.parametrize("text,group", ONLY.values(), ids=ONLY.keys())
def test_an_only_sentence_scopes_the_bullet_to_its_group(text: str, group: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None
    assert group.lower() in scope.label.lower() and "other than" not in scope.label


def test_an_exemption_of_a_marker_group_leaves_the_patients_without_the_marker() -> None:
    scope = criterion_scope("Prior EGFR tyrosine kinase inhibitor. Does not apply to patients with EGFR mutations.")
    assert scope is not None and scope.genes == ("EGFR",) and scope.absent


NEAR_MISSES = {
    "no group, treatment": "Radiotherapy within 2 weeks (not applicable to palliative radiotherapy).",
    "no group, patients who": "Washout of 4 weeks. Does not apply to patients who received only hormonal therapy.",
    "another cancer's cohort": "ECOG 0-1. Not applicable to the breast cancer cohort.",
    "closed part": "Prior docetaxel. Does not apply to Part A (closed to enrollment).",
    "mid-sentence": "The washout does not apply to Part A if the drug was stopped for toxicity, and ECOG 0-1.",
    "no sentence": "Prior therapy with a MET inhibitor.",
}


@pytest.mark.parametrize("text", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_near_misses_set_no_scope(text: str) -> None:
    assert criterion_scope(text) is None


# --- what the dimensions make of it --------------------------------------------------------------------------------

_ESCALATION = "Advanced solid tumour refractory to standard therapy (dose escalation portion)."
_EXPANSION = "For the expansion cohorts, patients must have NSCLC with a MET exon 14 skipping alteration."
_BAN = "Prior treatment with any MET inhibitor (e.g. capmatinib, tepotinib)."


def test_a_ban_exempting_an_open_escalation_part_lets_a_treated_patient_in() -> None:
    exempt = _trial([_ESCALATION, _EXPANSION], [f"{_BAN} Does not apply to the dose escalation portion of the study."])
    assert _verdict(exempt, "prior_therapy", MET_AFTER_TEPOTINIB) == ELIGIBLE
    # near-miss: the same ban with no exemption binds everyone
    binding = _trial([_ESCALATION, _EXPANSION], [_BAN])
    assert _verdict(binding, "prior_therapy", MET_AFTER_TEPOTINIB) == EXCLUDED


@pytest.mark.parametrize("sentence", ["Not applicable for Part A.", "This criterion does not apply to Cohort 1.",
                                      "(Does not apply to the safety run-in.)"])
def test_a_performance_limit_for_other_groups_is_a_question(sentence: str) -> None:
    trial = _trial([f"ECOG performance status 0 or 1. {sentence}"], ["Pregnancy"])
    assert _verdict(trial, "performance_status", ECOG2) == UNKNOWN
    assert _verdict(_trial(["ECOG performance status 0 or 1."], ["Pregnancy"]), "performance_status",
                    ECOG2) == EXCLUDED


def test_a_ban_exempting_another_cancers_cohort_still_binds() -> None:
    trial = _trial(["Histologically confirmed NSCLC."],
                   ["Prior docetaxel. Not applicable to the breast cancer cohort."])
    assert _verdict(trial, "prior_therapy", ACTIVE_BRAIN) == EXCLUDED


def test_a_brain_ban_for_other_parts_is_a_question() -> None:
    trial = _trial(["Histologically confirmed NSCLC."],
                   ["Active or untreated brain metastases. This exclusion does not apply to the Phase 1 cohorts."])
    assert _verdict(trial, "brain_metastases", ACTIVE_BRAIN) == UNKNOWN
