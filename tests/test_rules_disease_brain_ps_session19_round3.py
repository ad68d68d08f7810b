"""Structures behind the disease, brain and performance-status failures of a freshly opened blind set (session 19,
round 3). Every sentence here is invented.

Disease:
- "for all stages" qualifying another requirement ("Primary tumour >= 3 cm (for all clinical stages ...)", "a tumour
  block is required across all stages") says for whom that requirement holds and lets no stage in: beside an
  early-stage inclusion the trial stays early-stage only (was read as "every stage", eligible for stage IV). A
  permission ("NSCLC of any stage", "eligible for all stages") still lets every stage in; arabic stage ranges in a
  title ("Stage 1B-3A") are early stages.
Brain metastases:
- a rule on SYMPTOMATIC metastases ("Symptomatic CNS metastases must have been treated, be asymptomatic for >= 14
  days ...") says nothing sure of active (untreated or progressing) ones, which need have no symptoms: unknown (was
  excluded);
- an activity qualifier before two sites sharing one noun ("Active cerebral/meningeal disease", "untreated brain or
  leptomeningeal disease") names brain metastases (was no brain rule; cerebral = brain).
Performance status:
- a limit per part ("ECOG 0-2 for Phase 1", "ECOG 0 or 1 for Phase 2"): a score every named part keeps out fails
  whichever part a patient joins (was unknown); scores some part lets in, and a lone part's limit, stay as they were.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain, ecog
from brain_cases import bullets as _bullets

from tests.invented import invented_trial
from trialmatch.criteria.rules import brain_metastases, disease, performance_status
from trialmatch.matching.profile import Profile, profile_from_dict


def stage_iv(inclusion: str, exclusion: str = "", title: str = "An invented study") -> str:
    rules = disease.parse(invented_trial(_bullets(inclusion), _bullets(exclusion), title=title,
                                         conditions=("Non-small Cell Lung Cancer",)))
    return disease.check(rules, Profile(histology="adenocarcinoma", stage="IV")).verdict


def _invented(**facts: object) -> Profile:
    base: dict[str, object] = {
        "id": "invented", "age": 61, "sex": "male", "histology": "adenocarcinoma", "stage": "IV",
        "biomarkers": [], "tested_negative": ["EGFR", "ALK", "ROS1"], "pdl1_tps": 20, "prior_therapies": [],
        "prior_lines": 0, "ecog": 1, "brain_metastases": "none",
    }
    base.update(facts)
    return profile_from_dict(base)


# ---------------------------------------------------------------- disease: "for all stages" qualifies a requirement
_QUALIFIERS = [
    "Primary tumour of at least 2 cm in greatest dimension (for all clinical stages, to allow research biopsies).",
    "Tumour size >= 4 cm is required for all stages of disease.",
    "A tumour block must be available for all stages.",
    "Measurable disease per RECIST 1.1 applies to all stages.",
    "Fresh core biopsy is mandatory across all disease stages.",
    "Mediastinal staging by EBUS for every stage (PET-CT alone is not enough).",
    "Minimum nodule diameter of 15 mm for any stage to permit correlative research.",
    "PET-CT within 28 days, required for all TNM stages.",
]


@pytest.mark.parametrize("qualifier", _QUALIFIERS)
def test_for_all_stages_beside_an_early_stage_inclusion_lets_no_stage_iv_in(qualifier: str) -> None:
    assert stage_iv(f"Clinical stage IB-IIIA NSCLC amenable to surgical resection // {qualifier}") == EX


@pytest.mark.parametrize("qualifier", _QUALIFIERS)
def test_for_all_stages_beside_an_early_stage_title_lets_no_stage_iv_in(qualifier: str) -> None:
    assert stage_iv(f"Histologically confirmed NSCLC // {qualifier}", title="Neoadjuvant Y in Stage 2-3A NSCLC") == EX


@pytest.mark.parametrize("qualifier", _QUALIFIERS)
def test_for_all_stages_beside_a_stage_iv_inclusion_stays_eligible(qualifier: str) -> None:
    assert stage_iv(f"Stage IV NSCLC // {qualifier}") == EL


@pytest.mark.parametrize("qualifier", _QUALIFIERS[:4])
def test_for_all_stages_alone_sets_no_stage_limit(qualifier: str) -> None:
    assert stage_iv(f"Histologically confirmed NSCLC // {qualifier}") == EL


@pytest.mark.parametrize("permission", [
    "Histologically confirmed NSCLC of any stage.",
    "NSCLC, all stages (I-IV).",
    "Lung cancer regardless of stage.",
    "Patients are eligible for all stages of NSCLC.",
    "NSCLC at any stage of disease",
    "Open to patients with NSCLC of every stage.",
    "Any stage NSCLC, including metastatic.",
    "Participants with lung cancer qualify for all stages of the study.",
])
def test_a_stage_permission_still_lets_stage_iv_in(permission: str) -> None:
    assert stage_iv(permission) == EL


@pytest.mark.parametrize("title", [
    "Neoadjuvant Z Before Surgery in Stage 1B-3A Non-Small Cell Lung Cancer",
    "A Study of Z in Stage 1-3 NSCLC",
    "Perioperative Z for Stage 2A-3B Lung Cancer",
    "Z Plus Chemotherapy in Resectable Stage 2-3 NSCLC",
])
def test_arabic_early_stage_ranges_in_a_title_shut_stage_iv_out(title: str) -> None:
    assert stage_iv("Histologically confirmed NSCLC", title=title) == EX


@pytest.mark.parametrize("title", ["A Study of Z in Stage 1 to 4 NSCLC", "Z in Stage 3b/4 NSCLC"])
def test_arabic_ranges_reaching_stage_4_let_stage_iv_in(title: str) -> None:
    assert stage_iv("Histologically confirmed NSCLC", title=title) == EL


@pytest.mark.parametrize("histology", ["squamous", "large cell", "nsclc-nos"])
def test_invented_profiles_of_other_histologies_fail_an_early_trial_with_a_qualifier(histology: str) -> None:
    text = invented_trial(_bullets("Clinical stage II or III NSCLC, resectable // Tumour >= 3 cm (for all stages)."),
                          "* Pregnancy\n", conditions=("Non-small Cell Lung Cancer",))
    assert disease.check(disease.parse(text), _invented(histology=histology)).verdict == EX


# ---------------------------------------------------------------- brain: a rule on symptomatic metastases
@pytest.mark.parametrize("inclusion", [
    "Symptomatic CNS metastases must have been treated and be asymptomatic for at least 14 days before enrolment.",
    "Symptomatic brain metastases must have been irradiated or resected, with symptoms resolved for 2 weeks.",
    "Patients with symptomatic brain metastases must have received local therapy and be off steroids for 7 days.",
    "Participants with symptomatic intracranial metastases should have completed radiotherapy at least 4 weeks before "
    "the first dose and be neurologically stable.",
    "Subjects with neurologically symptomatic CNS metastases need to have been treated and be clinically stable for "
    ">= 28 days.",
    "Brain metastases that are symptomatic must have been treated with surgery or SRS and be stable on imaging.",
    "Symptomatic central nervous system metastases must be treated, stable for 4 weeks and meet all of the following: "
    "// No ongoing corticosteroids; // No leptomeningeal disease.",
    "Patients with symptomatic brain metastases are eligible if treated and stable for 2 weeks.",
])
def test_a_rule_on_symptomatic_ones_leaves_active_ones_a_question(inclusion: str) -> None:
    assert brain(inclusion) == (EL, EL, UN, UN)


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("Brain metastases must have been treated and be stable for 4 weeks.", ""),
    ("Patients with brain metastases must have completed radiotherapy and be off steroids.", ""),
    ("Patients with non-symptomatic brain metastases must have been irradiated and be stable.", ""),
    ("Symptomatic brain metastases must have been treated and be stable.", "Untreated brain metastases."),
    ("Symptomatic brain metastases must have been treated and be stable.", "Symptomatic or untreated brain metastases"),
])
def test_a_rule_on_all_brain_metastases_or_a_plain_exclusion_still_excludes_active(inclusion: str,
                                                                                    exclusion: str) -> None:
    assert brain(inclusion, exclusion) == (EL, EL, EX, UN)


def test_invented_profiles_with_active_brain_metastases_are_a_question_not_out() -> None:
    text = invented_trial(_bullets("Symptomatic CNS metastases must have been treated and be stable for 3 weeks."),
                          "* Pregnancy\n")
    rules = brain_metastases.parse(text)
    for facts in ({"ecog": 0}, {"ecog": 2, "histology": "squamous"}, {"ecog": 1, "prior_lines": None}):
        assert brain_metastases.check(rules, _invented(brain_metastases="active", **facts)).verdict == UN
    assert brain_metastases.check(rules, _invented(brain_metastases="treated_stable")).verdict == EL


# ---------------------------------------------------------------- brain: two sites sharing one noun
@pytest.mark.parametrize("exclusion", [
    "Active cerebral/meningeal disease due to the primary cancer.",
    "Active brain/meningeal disease related to the tumour.",
    "Untreated brain or leptomeningeal disease.",
    "Progressive CNS/leptomeningeal disease.",
    "Uncontrolled brain and/or spinal cord disease from the malignancy.",
    "Active intracranial or meningeal involvement by the cancer.",
    "Active brain, meningeal or spinal disease.",
    "Known active cerebral / meningeal lesions.",
    "Untreated central nervous system/leptomeningeal disease",
])
def test_an_activity_qualifier_over_two_sites_excludes_active_brain_metastases(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, EL, EX, UN)


def test_a_symptomatic_qualifier_over_two_sites_leaves_active_ones_a_question() -> None:
    assert brain(exclusion="Symptomatic brain/meningeal disease.") == (EL, EL, UN, UN)


@pytest.mark.parametrize(("exclusion", "expected"), [
    ("History of cerebral/meningeal disease.", (EL, EL, EL, UN)),
    ("Cerebral/meningeal disease.", (EL, EL, EL, UN)),
    ("Active brain/spinal lesions from a previous stroke.", (EL, EL, EL, EL)),
    ("Active infection of the brain or meninges.", (EL, EL, EL, EL)),
    ("Active cerebrovascular disease.", (EL, EL, EL, EL)),
])
def test_two_sites_without_an_activity_qualifier_or_of_another_cause_stay_as_they_were(
        exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=exclusion) == expected


def test_two_sites_with_a_treated_stable_allowance_after() -> None:
    exclusion = ("Active cerebral/meningeal disease from the cancer. Participants with a history of such disease are "
                 "allowed if it has been treated and they are clinically stable.")
    assert brain(exclusion=exclusion) == (EL, EL, EX, UN)


# ---------------------------------------------------------------- performance status: a score every part keeps out
@pytest.mark.parametrize("inclusion", [
    "ECOG performance status of 0-2 for Phase 1 // ECOG performance status of 0 or 1 for Phase 2",
    "ECOG 0 or 1 in the dose expansion // ECOG 0, 1 or 2 in the dose escalation",
    "Part A: ECOG performance status <= 2 // Part B: ECOG performance status <= 1",
    "WHO performance status 0-1 (Part 1) // WHO performance status 0-2 (Part 2)",
    "Phase Ib: ECOG PS of 0 to 2 // Phase II: ECOG PS of 0 to 1",
    "Arm 1: ECOG 0-1 // Arm 2: ECOG 0-2 // Arm 3: ECOG 0-1",
    "ECOG 0-1 in Part A // ECOG 0-2 in Part B",
    "Part 2: ECOG 0-1 // Part 1: ECOG 0-2 // Adequate organ function",
])
def test_a_score_every_part_keeps_out_is_excluded(inclusion: str) -> None:
    assert ecog(inclusion) == (EL, EL, EL, EX, EX)


@pytest.mark.parametrize(("inclusion", "expected"), [
    ("ECOG performance status of 0-2 for Phase 1", (EL, EL, EL, UN, UN)),  # one part: the other may take more
    ("Part A: ECOG 0-1", (EL, EL, UN, UN, UN)),
    ("Part A: ECOG 0-1 // Part B: ECOG 0-3", (EL, EL, EL, EL, EX)),  # some part lets 3 in
])
def test_a_lone_part_or_a_score_some_part_lets_in_keeps_its_verdict(inclusion: str,
                                                                    expected: tuple[str, ...]) -> None:
    assert ecog(inclusion) == expected


def test_invented_profiles_with_ecog_3_and_4_fail_every_part() -> None:
    text = invented_trial(_bullets("Phase 1: ECOG 0-2 // Phase 2: ECOG 0-1"), "* Pregnancy\n")
    rules = performance_status.parse(text)
    assert performance_status.check(rules, _invented(ecog=3)).verdict == EX
    assert performance_status.check(rules, _invented(ecog=4, brain_metastases="active")).verdict == EX
    assert performance_status.check(rules, _invented(ecog=2)).verdict == EL
    assert performance_status.check(rules, _invented(ecog=None)).verdict == UN
