"""Structures behind the brain and disease failures of a freshly opened blind set (session 19, round 2).

The principle: a sentence about patients WITH brain metastases never excludes a patient without them; nor does a
sentence that negates a histology exclude it.

Brain metastases:
- a permission whose subject joins another CNS condition before its verb ("<patients> with <brain metastases>
  [aside] and/or <leptomeningeal disease / cord compression / epidural disease> are eligible if ..."): the verb is
  the mention's too, so it stays a permission (was read as a requirement, beside a phase heading as a cohort's);
- a heading naming a phase ("Phase 1 Inclusion Criteria:") is no group defined by brain metastases;
- a rule for a subset with its own participle or relative clause before the modal ("<new / untreated> <brain
  metastases> <detected at screening / identified on MRI / that have been irradiated> must|should|need to ..."): a
  rule for those who have them, never a requirement (was "documented brain metastases", excluding patients without);
- "<brain metastases> not amenable to <any treatment>" (immunotherapy alone, osimertinib, chemotherapy): ones that
  treatment cannot control, which treated, stable ones are not (was any brain metastases);
- "<patients with brain metastases> must not / may not / cannot be enrolled": a plain exclusion in any section (was
  read as a "must" condition with nothing to say);
- "(irradiated or not)", "whether treated or not" inside a permission's conditions: a status left open, no condition.
Disease:
- an exclusion that negates its histology ("does not have predominantly squamous or non-squamous histology",
  "tumour lacking a squamous component"), or names squamous and non-squamous together: no histology shut out (was
  squamous excluded).
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, STATES, UN, brain
from brain_cases import bullets as _bullets

from tests.invented import invented_trial
from trialmatch.criteria.rules import brain_metastases, disease, performance_status
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

HISTOLOGIES = ("adenocarcinoma", "squamous", "large cell", "nsclc-nos")


def brain_under(heading: str, line: str) -> tuple[str, ...]:
    """Verdicts for an inclusion bullet under a group heading line of the inclusion section."""
    markdown = f"Inclusion Criteria:\n\n{heading}\n\n* {line}\n* ECOG 0-1\n\nExclusion Criteria:\n\n* Pregnancy\n"
    text = TrialText(nct_id="NCT00000000", title="An invented trial", conditions=(),
                     criteria=tuple(split_criteria(markdown)))
    rules = brain_metastases.parse(text)
    return tuple(brain_metastases.check(rules, Profile(brain_metastases=s)).verdict for s in STATES)


def histology(exclusion: str, inclusion: str = "Stage IV NSCLC") -> tuple[str, ...]:
    """Disease verdicts for stage IV adenocarcinoma, squamous, large cell and NSCLC NOS."""
    rules = disease.parse(invented_trial(_bullets(inclusion), _bullets(exclusion), title="A study in metastatic NSCLC",
                                         conditions=("Non-small Cell Lung Cancer",)))
    return tuple(disease.check(rules, Profile(histology=h, stage="IV")).verdict for h in HISTOLOGIES)


# ---------------------------------------------------------------- brain: a permission with a conjoined CNS condition
@pytest.mark.parametrize("inclusion", [
    "Patients with asymptomatic CNS metastases (untreated or treated) and/or asymptomatic leptomeningeal "
    "carcinomatosis are eligible to enrol if they meet the criteria in the protocol.",
    "Subjects with asymptomatic brain metastases, treated or untreated, or leptomeningeal disease may enrol provided "
    "they meet protocol requirements.",
    "Participants with stable brain metastases and/or spinal cord compression that has been treated are allowed on "
    "study.",
    "Patients with asymptomatic intracranial metastases or carcinomatous meningitis not requiring steroids will be "
    "permitted.",
    "Patients with brain metastases (irradiated or not) and leptomeningeal spread are allowed to participate when "
    "asymptomatic.",
    "Subjects with asymptomatic CNS metastases and/or asymptomatic leptomeningeal disease are eligible.",
    "Persons with asymptomatic brain metastases as well as meningeal carcinomatosis can be included if off steroids.",
    "Patients with asymptomatic brain metastases plus epidural disease may participate if neurologically stable.",
])
def test_permission_with_a_conjoined_cns_condition_is_no_requirement(inclusion: str) -> None:
    none, treated, active, _ = brain(inclusion)
    assert (none, treated) == (EL, EL)
    assert active == UN


@pytest.mark.parametrize("heading, line", [
    ("Phase 1 Inclusion Criteria:", "Patients with asymptomatic brain metastases (treated or untreated)."),
    ("Phase 2 portion:", "Subjects with stable brain metastases after radiosurgery"),
    ("PHASE 1b", "Participants with asymptomatic CNS metastases and/or leptomeningeal disease are eligible if they "
                 "satisfy the protocol criteria."),
])
def test_a_phase_heading_is_no_group_defined_by_brain_metastases(heading: str, line: str) -> None:
    assert brain_under(heading, line)[0] == EL


def test_near_miss_a_cohort_defined_by_its_brain_metastases_still_requires_them() -> None:
    assert brain_under("Cohort B:", "NSCLC with untreated brain metastases")[0] != EL


@pytest.mark.parametrize("inclusion, expected", [
    # The verb after the conjoined condition still decides: an exclusion or a requirement keeps its reading.
    ("Patients with brain metastases and/or leptomeningeal disease are excluded.", (EL, EX, EX)),
    ("Patients with untreated brain metastases and/or leptomeningeal disease are not eligible.", (EL, EL, EX)),
    ("Patients with brain metastases or leptomeningeal disease must not be enrolled.", (EL, EX, EX)),
])
def test_near_miss_conjoined_condition_with_an_exclusion_verb(inclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion)[:3] == expected


# ---------------------------------------------------------------- brain: a rule for a subset, clause before the modal
@pytest.mark.parametrize("inclusion", [
    "New asymptomatic CNS metastases detected at the screening scan must be <=1 cm in size with no prior radiation "
    "therapy.",
    "Untreated brain lesions identified on the baseline MRI must measure less than 10 mm and cause no symptoms.",
    "Any brain metastasis found during screening that has not been irradiated should be under 5 mm and asymptomatic.",
    "Newly diagnosed intracranial metastases discovered on the screening MRI need to be asymptomatic and below 1 cm.",
    "Small untreated CNS lesions seen on baseline imaging must not require corticosteroids.",
    "Active brain metastases observed at enrolment imaging are required to be smaller than 2 cm.",
    "Progressing brain metastases first noted after prior radiosurgery should be discussed with the medical monitor.",
    "Brain metastases that have been treated with radiotherapy should be stable and asymptomatic.",
    "CNS metastases that were resected or irradiated must be stable on MRI for 4 weeks.",
    "Intracranial metastases previously treated with stereotactic radiosurgery need to be stable for one month.",
])
def test_rule_for_a_subset_never_excludes_patients_without(inclusion: str) -> None:
    none, treated, active, _ = brain(inclusion)
    assert (none, treated) == (EL, EL)
    assert active in (EL, UN)


def test_subset_rule_after_a_treated_permission_lets_active_be_a_question() -> None:
    inclusion = ("Prior treated asymptomatic brain metastases are eligible, provided all of the following hold: // "
                 "No ongoing need for steroids // Newly found asymptomatic brain metastases seen on the screening MRI "
                 "must be under 1 cm with no prior radiotherapy")
    assert brain(inclusion)[:3] == (EL, EL, UN)


@pytest.mark.parametrize("inclusion, expected", [
    ("Brain metastases must be treated and stable for 4 weeks.", (EL, EL, EX)),
    ("Patients must have brain metastases detected on MRI.", (EX, EL, EL)),
    ("Documented brain metastases detected by contrast MRI.", (EX, EL, EL)),
])
def test_near_miss_plain_conditions_and_requirements_stay(inclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion)[:3] == expected


# ---------------------------------------------------------------- brain: not amenable to <any treatment>
@pytest.mark.parametrize("exclusion", [
    "Brain metastases not amenable to immunotherapy alone, resection or radiosurgery (i.e., brain metastases "
    "needing whole brain radiotherapy).",
    "CNS metastases not amenable to lorlatinib alone or to focal radiotherapy.",
    "Intracranial metastatic disease that is not amenable to systemic treatment with the study drug",
    "Patients with brain metastases not amendable to checkpoint inhibitor therapy or local ablation",
    "Metastases to the brain not amenable to chemotherapy",
    "Brain metastases no longer amenable to the investigational agent",
    "Known CNS metastases which are not amenable to pembrolizumab or SRS",
    "Brain metastases requiring whole brain radiotherapy",
])
def test_not_amenable_to_any_treatment_leaves_treated_stable_in(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, UN)


@pytest.mark.parametrize("exclusion, expected", [
    ("Untreated brain metastases", (EL, EL, EX)),
    ("Known brain metastases", (EL, EX, EX)),
    ("Brain metastases amenable to radiosurgery", (EL, UN, UN)),
])
def test_near_miss_brain_exclusions_stay(exclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=exclusion)[:3] == expected


# ---------------------------------------------------------------- brain: "must not be enrolled"
@pytest.mark.parametrize("inclusion, expected", [
    ("Brain metastases must not be present.", (EL, EX, EX)),
    ("Subjects with untreated CNS metastases may not participate.", (EL, EL, EX)),
    ("Patients with active brain metastases should not be enrolled unless treated and stable for 4 weeks.",
     (EL, EL, EX)),
    ("Patients with symptomatic brain metastases cannot be included.", (EL, EL, UN)),
])
def test_negated_modal_of_joining_is_an_exclusion(inclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion)[:3] == expected


def test_near_miss_negated_state_is_a_condition_not_an_exclusion() -> None:
    assert EX not in brain("Brain metastases must not be symptomatic.")[:2]


# ---------------------------------------------------------------- disease: a negated histology in an exclusion
@pytest.mark.parametrize("exclusion", [
    "does not have predominantly squamous cell or non-squamous cell histology NSCLC.",
    "Tumour without a predominant squamous or nonsquamous component; mixed tumours are classified by the main cell "
    "type.",
    "Participants whose cancer is not predominantly squamous or non-squamous carcinoma",
    "Patients lacking a predominantly squamous or non-squamous histology (e.g., undifferentiated tumours)",
    "Histology that cannot be classified as squamous or non-squamous NSCLC",
    "Does not have squamous histology",
    "Tumours lacking squamous differentiation on central review",
    "Squamous cell or non-squamous cell carcinoma not confirmed by pathology",
])
def test_negated_histology_exclusion_shuts_none_out(exclusion: str) -> None:
    assert EX not in histology(exclusion)


@pytest.mark.parametrize("exclusion, out", [
    ("Squamous cell histology", "squamous"),
    ("Predominantly squamous histology", "squamous"),
    ("Known squamous cell carcinoma of the lung", "squamous"),
])
def test_near_miss_histology_exclusions_stay(exclusion: str, out: str) -> None:
    assert histology(exclusion)[HISTOLOGIES.index(out)] == EX


def test_squamous_or_non_squamous_inclusion_takes_every_histology() -> None:
    assert histology("Pregnancy", "Metastatic squamous cell or non-squamous cell NSCLC") == (EL, EL, EL, EL)


# ---------------------------------------------------------------- invented profiles nobody tuned rules on
def _patient(**facts: object) -> object:
    base = {"id": "p", "age": 63, "sex": "female", "histology": "adenocarcinoma", "stage": "IV", "biomarkers": [],
            "tested_negative": [], "pdl1_tps": None, "prior_therapies": [], "prior_lines": None, "ecog": 1,
            "brain_metastases": None}
    return profile_from_dict({**base, **facts})


def test_invented_profiles_on_these_structures() -> None:
    nrg1_none = _patient(histology="nsclc-nos", ecog=0, brain_metastases="none",
                         biomarkers=[{"gene": "NRG1", "alteration": "fusion"}], prior_lines=0)
    g12d_treated = _patient(histology="squamous", ecog=2, age=81, brain_metastases="treated_stable",
                            biomarkers=[{"gene": "KRAS", "alteration": "G12D"}], prior_therapies=["docetaxel"],
                            prior_lines=2)
    ex20_active = _patient(histology="large cell", ecog=1, brain_metastases="active", pdl1_tps=1,
                           biomarkers=[{"gene": "EGFR", "alteration": "exon 20 insertion"}],
                           prior_therapies=["amivantamab"], prior_lines=1)
    trial = invented_trial(
        _bullets("Metastatic NSCLC // Subjects with asymptomatic CNS metastases (treated or untreated) and/or "
                 "leptomeningeal disease may enrol if they meet the protocol criteria. // New brain lesions seen at "
                 "screening must be under 1 cm // ECOG 0-2"),
        _bullets("Brain metastases not amenable to immunotherapy alone (i.e., needing whole brain radiotherapy) // "
                 "Tumour lacking a predominant squamous or non-squamous histology"),
        title="An invented trial in metastatic NSCLC", conditions=("Non-small Cell Lung Cancer",))
    # (Treated, stable ones: "if they meet the protocol criteria" is a condition not read, so a question at worst.)
    for dimension, patient, expected in [
        (brain_metastases, nrg1_none, {EL}), (brain_metastases, g12d_treated, {EL, UN}),
        (brain_metastases, ex20_active, {UN}), (disease, nrg1_none, {EL}), (disease, g12d_treated, {EL}),
        (disease, ex20_active, {EL}), (performance_status, g12d_treated, {EL}), (performance_status, nrg1_none, {EL}),
    ]:
        assert dimension.check(dimension.parse(trial), patient).verdict in expected, (dimension.NAME, patient)
