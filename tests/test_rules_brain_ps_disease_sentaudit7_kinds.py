"""Kinds found by a sentence audit of full-text basket and immunotherapy trials, and left by the last round.

Brain metastases:
- a permission after an exclusion whose subject's own clause runs long before its verb ("Patients whose brain
  metastases have been irradiated and are stable for 4 weeks may enroll"), or whose conditions include "no
  radiological evidence of new or enlarging brain metastases" (a stability condition, not a mention of new ones),
  lets treated, stable ones in (both had excluded them);
- "Asymptomatic brain metastases must meet ALL criteria of the following:" over sub-items that name treatment and
  stability: only those meeting them may join (active ones were a question; written flat they were out);
- "measurable intracranial disease" is a lesion the patient must have; "Patients with measurable brain metastases
  must ..." is a rule for those who have them, not a need (was a requirement);
- "Patients are eligible only if they have no brain metastases" listed as an exclusion is the inclusion it says.
Performance status:
- the same limit stated for every part the trial names ("Dose Escalation and Expansion: ECOG 0 or 1", "Cohort 5:
  ECOG 0 or 1") holds whichever part a patient joins (was a question).
Disease:
- criteria that take solid tumours in general, naming no histology, win over a histology in the conditions ("Lung
  Adenocarcinoma" beside "Solid Tumor"); the lung among organs sharing one cancer word ("breast/lung/colorectal
  cancer") is lung cancer taken, whatever the conditions say (both had excluded);
- stage III at diagnosis with progression after chemoradiation or consolidation durvalumab is the disease enrolled;
  a stage IV patient fits when the progression may be distant, else it is a question (was stage I-III only).
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain, ecog
from brain_cases import bullets as _bullets

from tests.invented import invented_trial
from trialmatch.criteria.rules import brain_metastases, disease, performance_status
from trialmatch.matching.profile import Profile, profile_from_dict

HISTOLOGIES = ("adenocarcinoma", "squamous", "large cell")


def histology(inclusion: str, conditions: tuple[str, ...], title: str = "A phase 1 study") -> tuple[str, ...]:
    """Disease verdicts for stage IV adenocarcinoma, squamous and large cell."""
    rules = disease.parse(invented_trial(_bullets(inclusion), "* Pregnancy\n", title=title, conditions=conditions))
    return tuple(disease.check(rules, Profile(histology=h, stage="IV")).verdict for h in HISTOLOGIES)


def stage_iv(inclusion: str, title: str = "A study") -> str:
    rules = disease.parse(invented_trial(_bullets(inclusion), "* Pregnancy\n", title=title,
                                         conditions=("Non-small Cell Lung Cancer",)))
    return disease.check(rules, Profile(histology="adenocarcinoma", stage="IV")).verdict


# ---------------------------------------------------------------- brain: a permission after an exclusion
@pytest.mark.parametrize("exclusion", [
    "Known brain metastases. Patients whose brain metastases have been irradiated and are stable for 4 weeks may "
    "enroll.",
    "Known CNS metastases. Those whose CNS metastases have been resected or treated with radiosurgery and remain "
    "stable can be enrolled.",
    "Brain metastases. Patients with brain metastases that have been irradiated and are stable for 4 weeks may "
    "enroll.",
    "Subject has a known active CNS primary tumor or metastases. Subjects with previously treated brain metastases "
    "may participate provided they are clinically stable for at least 4 weeks prior to study entry, have no "
    "radiological evidence of new or enlarging brain metastases, and are off steroids or on a stable dose up to an "
    "equivalent of prednisone 10 mg/day for at least 15 days prior to first dose.",
    "Active CNS disease; patients with previously treated brain metastases may take part provided they have been "
    "stable for 28 days, show no new or enlarging lesions, and are off steroids or on ≤ 10 mg prednisone for 14 days.",
    "Untreated CNS metastases. >> Patients are eligible if brain metastases have been adequately treated and they are "
    "neurologically stable for at least 4 weeks.",
    "Symptomatic brain metastases. Participants with irradiated brain metastases may be included provided there is no "
    "imaging evidence of progressive brain metastases for 4 weeks.",
])
def test_permission_after_an_exclusion_lets_treated_stable_in(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, EL, EX, UN)


@pytest.mark.parametrize("exclusion", [
    "Patients whose brain metastases have been irradiated and are stable for 4 weeks may enroll.",
    "Those whose CNS metastases were resected and remain radiologically stable can be enrolled.",
])
def test_a_late_permission_alone_leaves_active_a_question(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, EL, UN, UN)


@pytest.mark.parametrize(("exclusion", "expected"), [
    ("Known brain metastases.", (EL, EX, EX, UN)),
    # a turn or another group inside the clause: no permission of the mention's own
    ("Known brain metastases. Patients whose brain metastases have been irradiated may not enroll.",
     (EL, EX, EX, UN)),
    ("Known brain metastases. Participants whose brain metastases were treated cannot be enrolled.",
     (EL, EX, EX, UN)),
    ("Known active CNS metastases and/or carcinomatous meningitis. Subjects with previously treated brain "
     "metastases may participate provided they are radiologically stable.", (EL, EL, EX, UN)),
])
def test_near_misses_of_a_late_permission(exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=exclusion) == expected


def test_uncontrolled_with_a_permission_of_asymptomatic_ones_is_left_alone() -> None:
    # "can be enrolled" belongs to another group written after a dash, not to the uncontrolled metastases
    sentence = ("Uncontrolled central nervous system metastases- patient with asymptomatic brain metastases or CNS "
                "symptom manageable with TKI and evaluated by investigator can be enrolled.")
    assert brain(exclusion=sentence)[2] == UN


# ---------------------------------------------------------------- brain: "must meet ALL of the following"
@pytest.mark.parametrize("inclusion", [
    "Asymptomatic brain metastases must meet ALL criteria of the following (a-d): >> No history of seizures in the "
    "preceding six months. >> Definitive treatment must be completed ≥21 days. >> Must be off steroids for ≥7 days. "
    ">> Post-treatment imaging must demonstrate stability or regression of the brain metastases.",
    "Brain metastases must satisfy all of the following: >> treated with SRS or surgery ≥ 14 days before >> stable "
    "on follow-up imaging",
    "CNS metastases must meet each criterion below: >> definitively treated >> radiologically stable for 4 weeks",
    "Patients with brain metastases must fulfil all of the following: >> Completed radiotherapy at least 14 days "
    "before >> Off steroids for 7 days >> Radiologically stable",
])
def test_all_of_a_list_of_treatment_and_stability(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == (EL, EL, EX, UN)


@pytest.mark.parametrize("inclusion", [
    "Brain metastases must meet one of the following: >> untreated and asymptomatic, not requiring steroids >> "
    "previously treated and radiologically stable",
    "Brain metastases must meet either of the following criteria: >> untreated and asymptomatic >> treated and "
    "stable for 4 weeks",
    "Patients with brain metastases must meet the following: >> a brain MRI within 28 days of enrolment >> a "
    "neurologic exam at screening",
    "Patients with untreated asymptomatic brain metastases are eligible.",
])
def test_near_misses_of_all_of_a_list_never_exclude_active(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[2] != EX


# ---------------------------------------------------------------- brain: measurable intracranial disease
@pytest.mark.parametrize("inclusion", [
    "Patients must have measurable intracranial disease (at least one lesion >=10 mm) per RANO-BM.",
    "Measurable CNS disease per RANO-BM is required.",
    "Subjects must have measurable intracranial disease as defined by RANO-BM.",
    "Participants must have measurable brain disease on MRI.",
])
def test_measurable_intracranial_disease_is_required(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == (EX, UN, UN, UN)


@pytest.mark.parametrize("inclusion", [
    "If present, measurable intracranial disease will be assessed per RANO-BM.",
    "Measurable extracranial disease per RECIST 1.1.",
    "Measurable disease per RECIST 1.1; measurable intracranial disease is not required.",
    "Patients with measurable intracranial disease must have at least one lesion >=10 mm.",
    "Patients with measurable brain metastases must have at least one lesion >= 10 mm.",
    "Participants with at least one measurable brain lesion must have it confirmed by MRI.",
])
def test_measurable_intracranial_disease_near_misses_need_nothing(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[0] == EL


# ---------------------------------------------------------------- brain: "eligible only if no brain metastases"
@pytest.mark.parametrize(("exclusion", "expected"), [
    ("Patients are eligible only if they have no brain metastases.", (EL, EX, EX, UN)),
    ("Participants are eligible only if they have no known CNS metastases.", (EL, EX, EX, UN)),
    ("Patients may enrol only if they do not have brain metastases.", (EL, EX, EX, UN)),
    ("Patients are eligible only if they have no active brain metastases.", (EL, EL, EX, UN)),
    ("Subjects are eligible only if they have no untreated brain metastases.", (EL, EL, EX, UN)),
])
def test_eligible_only_if_none_listed_as_an_exclusion(exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=exclusion) == expected


def test_eligible_if_none_of_a_kind_the_profile_cannot_settle() -> None:
    assert brain(exclusion="Patients are eligible if they have no symptomatic brain metastases.")[1] == EL


# ---------------------------------------------------------------- performance status: the same limit in every part
@pytest.mark.parametrize("inclusion", [
    "Dose Escalation and Expansion: >> ECOG 0 or 1 // Cohort 5: >> ECOG 0 or 1",
    "Dose Escalation and Expansion: >> ECOG performance status of 0 or 1 >> Adequate organ function // Cohort 5: >> "
    "ECOG PS 0 or 1 at the time of Screening. >> Prior platinum",
    "Part A: ECOG 0-1 // Part B: ECOG 0-1",
    "ECOG 0-1 in Part A // ECOG performance status 0 or 1 in Part B",
])
def test_the_same_limit_in_every_part_holds(inclusion: str) -> None:
    assert ecog(inclusion) == (EL, EL, EX, EX, EX)


@pytest.mark.parametrize(("inclusion", "expected"), [
    # A score every named part keeps out (3, 4) fails whichever part a patient joins (session 19, round 3).
    ("Part A: >> ECOG 0-1 // Part B: >> ECOG 0-2", (EL, EL, EL, EX, EX)),
    ("Part A: ECOG 0-1", (EL, EL, UN, UN, UN)),
    ("ECOG 0-1 in Part A // ECOG 0-2 in Part B", (EL, EL, EL, EX, EX)),
])
def test_different_limits_or_one_part_stay_questions(inclusion: str, expected: tuple[str, ...]) -> None:
    assert ecog(inclusion) == expected


# ---------------------------------------------------------------- disease: the criteria over the conditions
@pytest.mark.parametrize(("inclusion", "conditions"), [
    ("Other metastatic, non-CNS solid tumor relapsed or refractory after all standard-of-care systemic therapies.",
     ("Metastatic Melanoma", "Lung Adenocarcinoma", "Solid Tumor")),
    ("Any metastatic solid tumour refractory to standard therapy.", ("Solid Tumor", "Lung Adenocarcinoma")),
    ("Histologically confirmed locally advanced or metastatic solid tumor with an STK11 mutation.",
     ("Non Small Cell Lung Cancer", "Lung Adenocarcinoma")),
    ("Advanced solid tumours of any histology after standard therapy, including squamous carcinomas.",
     ("Lung Adenocarcinoma", "Pancreatic Adenocarcinoma")),
])
def test_a_solid_tumour_basket_in_the_criteria_wins_over_a_histology_condition(
        inclusion: str, conditions: tuple[str, ...]) -> None:
    assert histology(inclusion, conditions) == (EL, EL, EL)


@pytest.mark.parametrize(("inclusion", "conditions", "expected"), [
    # the criteria name the histology themselves (for each part): the conditions' histology still counts
    ("Relapsed or metastatic solid tumours after standard therapy. // Cohort B5 (Squamous Non-Small Cell Lung "
     "Cancer): histologically confirmed squamous NSCLC.", ("Breast Cancer", "Squamous Non-Small Cell Lung Cancer"),
     (EX, EL, EX)),
    ("Histologically confirmed lung adenocarcinoma.", ("Lung Adenocarcinoma",), (EL, EX, EX)),
    # a solid tumour named only as history, or left out: no basket
    ("Stage IV NSCLC. No prior solid tumour within 3 years.", ("Lung Adenocarcinoma",), (EL, EX, EX)),
    ("Stage IV NSCLC; solid tumours other than lung cancer are excluded.", ("Lung Adenocarcinoma",), (EL, EX, EX)),
])
def test_criteria_that_name_no_basket_or_a_histology_keep_the_condition(
        inclusion: str, conditions: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert histology(inclusion, conditions) == expected


@pytest.mark.parametrize("inclusion", [
    "Patients with HER2 overexpressed/amplified/mutant metastatic breast/lung/esophagogastric/colorectal cancer.",
    "Metastatic breast, lung or colorectal cancer with KRAS G12C mutation.",
    "Advanced breast, lung, or ovarian carcinoma with a BRCA alteration.",
    "Histologically confirmed gastric/lung/pancreatic tumours expressing claudin 18.2.",
])
def test_the_lung_among_organs_sharing_a_cancer_word_is_taken(inclusion: str) -> None:
    assert histology(inclusion, ("Metastatic Breast Cancer",), title="Drug Y for HER2+ Brain Metastases") == (
        EL, EL, EL)


@pytest.mark.parametrize("inclusion", [
    "Metastatic breast or colorectal cancer with KRAS G12C mutation.",
    "Solid tumours other than lung cancer, such as breast or colorectal cancer.",
    "Patients with lung or liver metastases from breast cancer.",
])
def test_near_misses_of_a_lung_organ_list_do_not_take_lung_cancer(inclusion: str) -> None:
    assert histology(inclusion, ("Metastatic Breast Cancer",), title="A breast cancer study")[0] != EL


# ---------------------------------------------------------------- disease: stage III at diagnosis, relapsed
@pytest.mark.parametrize(("title", "inclusion"), [
    ("LCT and Durvalumab for Oligoprogressive Stage III NSCLC After Chemoradiation and Anti-PD-L1 Therapy",
     "Stage III NSCLC patients who received chemoradiation followed by durvalumab with progressive disease (local, "
     "distant, or both)"),
    ("Radiotherapy for Polyprogressive Stage III NSCLC After Chemoradiation",
     "Stage III NSCLC who received standard chemoradiation followed by durvalumab therapy with either progressive "
     "disease or persistent disease. // Cohort A: 3 or fewer lesions of progression (sites can be local, distant, or "
     "both)."),
    ("A study", "Patients initially diagnosed with stage III NSCLC who relapsed with metastatic disease after "
                "chemoradiation and consolidation durvalumab."),
    ("A study", "Unresectable stage IIIB NSCLC with recurrence after definitive chemoradiotherapy and consolidation "
                "immunotherapy, at local or distant sites."),
])
def test_a_distant_relapse_after_stage_iii_treatment_takes_stage_iv(title: str, inclusion: str) -> None:
    assert stage_iv(inclusion, title) == EL


@pytest.mark.parametrize("inclusion", [
    "Stage III NSCLC that progressed during consolidation durvalumab.",
    "Stage III NSCLC with progression after chemoradiation and durvalumab, limited to the thorax.",
])
def test_a_relapse_after_stage_iii_treatment_with_no_site_is_a_question(inclusion: str) -> None:
    assert stage_iv(inclusion) == UN


@pytest.mark.parametrize(("title", "inclusion"), [
    ("A study", "Unresectable stage III NSCLC, planned for concurrent chemoradiation."),
    ("Durvalumab after chemoradiation in stage III NSCLC",
     "Unresectable stage III NSCLC without progression after definitive chemoradiation."),
    ("A study", "Stage III NSCLC after chemoradiation; patients with progression after chemoradiation are excluded."),
    ("A study", "Stage III NSCLC who completed chemoradiation with no evidence of progression."),
])
def test_stage_iii_without_a_relapse_stays_stage_i_iii(title: str, inclusion: str) -> None:
    assert stage_iv(inclusion, title) == EX


# ---------------------------------------------------------------- invented profiles over these kinds
def test_invented_profiles_over_the_kinds() -> None:
    large_cell = profile_from_dict({
        "id": "lc", "histology": "large cell", "stage": "IV", "ecog": 2, "brain_metastases": "treated_stable",
        "biomarkers": [], "pdl1_tps": None, "prior_lines": 0, "prior_therapies": ["cisplatin", "etoposide",
                                                                            "durvalumab"]})
    trial = invented_trial(
        _bullets("Stage III NSCLC who received chemoradiation followed by durvalumab with progressive disease (local, "
                 "distant, or both) // Dose Escalation: >> ECOG 0 or 1 // Cohort 2: >> ECOG 0 or 1"),
        _bullets("Known brain metastases. Patients whose brain metastases were irradiated and are stable for 4 "
                 "weeks may enroll."),
        title="Durvalumab and SBRT for progressive stage III NSCLC after chemoradiation",
        conditions=("Stage III Lung Cancer", "Non-small Cell Lung Cancer"))
    assert disease.check(disease.parse(trial), large_cell).verdict == EL
    assert brain_metastases.check(brain_metastases.parse(trial), large_cell).verdict == EL
    assert performance_status.check(performance_status.parse(trial), large_cell).verdict == EX
