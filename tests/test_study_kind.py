"""What kind of study a record is, from its design fields or, without them, its plain words.

Invented titles and interventions, table by table: the registry's design fields first, then the
fallback a reshaped record without designInfo gets, and "not stated" when nothing fits.
"""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.cache.records import trial_rows
from trialmatch.criteria.study_kind import (
    BASKET,
    GROUPS,
    KINDS,
    LUNG,
    NOT_STATED,
    OBSERVATIONAL,
    OTHER_INTERVENTIONAL,
    SOLID,
    TREATMENT,
    classify,
    disease_scope,
    groups_of,
    kind_of,
)

# (study type, primary purpose, intervention types, intervention names, title, phases) -> kind
WITH_DESIGN_INFO = [
    ("INTERVENTIONAL", "TREATMENT", ["DRUG"], ["Zorbatinib"], "Zorbatinib in EGFR NSCLC", ["PHASE2"], "treatment_drug"),
    ("INTERVENTIONAL", "TREATMENT", ["BIOLOGICAL"], ["XYZ vaccine"], "A vaccine for lung cancer", ["PHASE1"],
     "treatment_biological"),
    ("INTERVENTIONAL", "TREATMENT", ["RADIATION"], ["SBRT"], "SBRT to the primary", ["NA"], "treatment_radiation"),
    # A drug with radiation is named after the drug; surgery alone after the procedure.
    ("INTERVENTIONAL", "TREATMENT", ["RADIATION", "DRUG"], ["SBRT", "Cisplatin"], "Chemoradiation", [],
     "treatment_drug"),
    ("INTERVENTIONAL", "TREATMENT", ["PROCEDURE"], ["Lobectomy"], "Robotic lobectomy", ["NA"], "treatment_procedure"),
    ("INTERVENTIONAL", "TREATMENT", ["DEVICE"], ["Tumour treating fields"], "TTFields", ["NA"], "treatment_device"),
    ("INTERVENTIONAL", "TREATMENT", ["BEHAVIORAL"], ["Walking plan"], "Walking plan", ["NA"],
     "treatment_behavioural"),
    # Types that say nothing: the names decide (a known drug), else a plain treatment study.
    ("INTERVENTIONAL", "TREATMENT", ["OTHER"], ["Pembrolizumab"], "Schedules compared", [], "treatment_drug"),
    ("INTERVENTIONAL", "TREATMENT", ["OTHER"], ["Standard care"], "Care compared", ["NA"], "treatment_other"),
    ("INTERVENTIONAL", "DIAGNOSTIC", ["DIAGNOSTIC_TEST"], ["New tracer"], "A new PET tracer in NSCLC", ["PHASE1"],
     "imaging"),
    ("INTERVENTIONAL", "DIAGNOSTIC", ["DIAGNOSTIC_TEST"], ["Blood test"], "A blood test for EGFR", ["NA"],
     "diagnostic"),
    ("INTERVENTIONAL", "SCREENING", ["OTHER"], ["Low-dose CT"], "Lung cancer screening", ["NA"], "screening"),
    ("INTERVENTIONAL", "SUPPORTIVE_CARE", ["DRUG"], ["Olanzapine"], "Nausea during chemotherapy", ["PHASE3"],
     "supportive_care"),
    ("INTERVENTIONAL", "PREVENTION", ["DRUG"], ["Aspirin"], "Preventing brain metastases", ["PHASE2"], "prevention"),
    ("INTERVENTIONAL", "HEALTH_SERVICES_RESEARCH", ["OTHER"], ["Navigator"], "Nurse navigation", ["NA"],
     "health_services"),
    ("INTERVENTIONAL", "BASIC_SCIENCE", ["OTHER"], ["Blood draw"], "Immune cells in blood", ["NA"], "basic_science"),
    ("INTERVENTIONAL", "OTHER", ["OTHER"], ["Thing"], "Something else", ["NA"], "other_interventional"),
    ("EXPANDED_ACCESS", None, ["DRUG"], ["Zorbatinib"], "Expanded access to zorbatinib", [], "expanded_access"),
]

# Records without designInfo (reshaped exports): study type, phases and words.
WITHOUT_DESIGN_INFO = [
    # A named drug, a drug code or a numbered phase makes a treatment study.
    ("INTERVENTIONAL", [], ["Osimertinib"], "A study in EGFR NSCLC", [], "treatment_drug"),
    ("INTERVENTIONAL", [], ["QX-12345"], "First-in-human study of QX-12345", [], "treatment_drug"),
    ("INTERVENTIONAL", [], ["Honeybark extract"], "Honeybark extract for resected NSCLC", ["PHASE1"], "treatment_drug"),
    ("INTERVENTIONAL", [], ["Stereotactic body radiation therapy"], "Ablative radiotherapy for oligometastases",
     ["NA"], "treatment_radiation"),
    ("INTERVENTIONAL", [], ["Cryoablation"], "Cryoablation for the treatment of small tumours", ["NA"],
     "treatment_procedure"),
    ("INTERVENTIONAL", [], ["Personal neoantigen vaccine"], "A vaccine trial", [], "treatment_biological"),
    # Reshaped records call every intervention a drug: the type alone must not make a treatment study.
    ("INTERVENTIONAL", ["DRUG"], ["FDG"], "PET imaging of tumour metabolism", ["NA"], "imaging"),
    ("INTERVENTIONAL", ["DRUG"], ["Tracer"], "A novel tracer for lung nodules", [], "imaging"),
    # "PET-guided radiotherapy" is a treatment: radiation in the title outweighs imaging.
    ("INTERVENTIONAL", [], ["Radiotherapy"], "PET-guided radiotherapy", ["NA"], "treatment_radiation"),
    ("INTERVENTIONAL", ["DRUG"], ["Yoga"], "Yoga and quality of life", ["NA"], "supportive_care"),
    ("INTERVENTIONAL", [], ["Program"], "Exercise during treatment", ["NA"], "supportive_care"),
    ("INTERVENTIONAL", [], ["Blood draw"], "Liquid biopsy diagnosis of NSCLC", ["NA"], "diagnostic"),
    ("INTERVENTIONAL", [], ["Low-dose CT"], "Lung cancer screening in smokers", ["NA"], "screening"),
    # A master protocol's "screening platform" is not a screening study.
    ("INTERVENTIONAL", [], ["Screening Platform"], "Master protocol of biomarker-driven therapies", ["PHASE2"],
     "treatment_drug"),
    # Only the intervention names speak: all of them non-treatment.
    ("INTERVENTIONAL", [], ["Questionnaire", "Symptom diary"], "The ABC study", ["NA"], "supportive_care"),
    # Nothing fits: not stated, never guessed.
    ("INTERVENTIONAL", [], ["iNUDGE"], "The iNUDGE study", ["NA"], NOT_STATED),
    ("INTERVENTIONAL", [], [], "The ABC study", [], NOT_STATED),
    (None, [], [], "The ABC study", [], NOT_STATED),
    # Observational: a registry, a sample collection, or a plain observational study.
    ("OBSERVATIONAL", [], [], "A national registry of ALK-positive NSCLC", [], "registry"),
    ("OBSERVATIONAL", [], [], "Biospecimen collection from patients", [], "biobank"),
    ("OBSERVATIONAL", ["DRUG"], ["Osimertinib"], "Real-world outcomes of osimertinib", [], "observational"),
]


@pytest.mark.parametrize(("study_type", "purpose", "types", "names", "title", "phases", "kind"), WITH_DESIGN_INFO)
def test_design_fields_decide_the_kind(study_type: str, purpose: str | None, types: list[str], names: list[str],
                                       title: str, phases: list[str], kind: str) -> None:
    assert classify(study_type=study_type, primary_purpose=purpose, intervention_types=types,
                    intervention_names=names, titles=[title], phases=phases) == kind


@pytest.mark.parametrize(("study_type", "types", "names", "title", "phases", "kind"), WITHOUT_DESIGN_INFO)
def test_without_design_info_plain_words_decide_or_the_kind_is_not_stated(
        study_type: str | None, types: list[str], names: list[str], title: str, phases: list[str], kind: str) -> None:
    assert classify(study_type=study_type, primary_purpose=None, intervention_types=types,
                    intervention_names=names, titles=[title], phases=phases) == kind


def test_a_patient_registry_flag_makes_a_registry() -> None:
    assert classify(study_type="OBSERVATIONAL", primary_purpose=None, patient_registry=True,
                    titles=["Outcomes of lung cancer care"]) == "registry"


@pytest.mark.parametrize(("conditions", "scope"), [
    (["Non-small Cell Lung Cancer"], LUNG),
    (["NSCLC", "Lung Adenocarcinoma", "KRAS G12C", "Brain Metastases"], LUNG),
    (["Carcinoma, Non-Small-Cell Lung", "Small-cell Lung Cancer"], LUNG),
    (["NSCLC", "Colorectal Cancer", "Melanoma"], BASKET),
    (["Advanced Solid Tumor", "Non Small Cell Lung Cancer"], BASKET),
    (["Advanced Solid Tumors"], SOLID),
    (["Lymphoma"], SOLID),
    (["Unipolar Depression"], None),
    ([], None),
])
def test_disease_scope_tells_trials_made_for_lung_cancer_from_baskets(conditions: list[str], scope: str) -> None:
    assert disease_scope(conditions) == scope


def test_every_kind_has_plain_words_that_never_promise_eligibility() -> None:
    for kind in KINDS.values():
        assert kind.words and kind.reason
        assert "eligible" not in kind.words.lower() and "eligible" not in kind.reason.lower()
    assert KINDS["registry"].words == "Registry: collects information, gives no treatment"
    assert KINDS["treatment_drug"].words == "Treatment study: a new drug"
    assert kind_of(None) is kind_of("no-such-code") is KINDS[NOT_STATED]


def test_treatment_studies_rank_before_every_other_kind() -> None:
    treatment = [k.tier for k in KINDS.values() if k.group == TREATMENT]
    others = [k.tier for k in KINDS.values() if k.group != TREATMENT]
    assert max(treatment) < min(others)
    drugs = [KINDS[c].tier for c in ("treatment_drug", "treatment_biological", "treatment_radiation")]
    assert max(drugs) < min(k.tier for k in KINDS.values() if k.code not in
                             ("treatment_drug", "treatment_biological", "treatment_radiation"))


def test_a_kind_not_stated_stays_under_every_filter_it_could_belong_to() -> None:
    assert groups_of("treatment_drug", "INTERVENTIONAL") == {TREATMENT}
    assert groups_of("registry", "OBSERVATIONAL") == {OBSERVATIONAL}
    assert groups_of(NOT_STATED, "INTERVENTIONAL") == {TREATMENT, OTHER_INTERVENTIONAL}
    assert groups_of(None, None) == set(GROUPS)


def _record(design: dict[str, Any], interventions: list[dict[str, Any]], conditions: list[str]) -> dict[str, Any]:
    return {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999999", "briefTitle": "A study", "officialTitle": "A study of X"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "conditionsModule": {"conditions": conditions},
        "designModule": design,
        "armsInterventionsModule": {"interventions": interventions},
    }}


def test_the_cache_row_keeps_the_design_fields_and_the_kind() -> None:
    record = _record({"studyType": "INTERVENTIONAL", "phases": ["PHASE1"],
                      "designInfo": {"primaryPurpose": "TREATMENT"}},
                     [{"name": "QX-1", "type": "DRUG"}, {"name": "QX-2", "type": "BIOLOGICAL"}],
                     ["NSCLC", "Melanoma"])
    trial = trial_rows(record).trial
    assert trial["primary_purpose"] == "TREATMENT"
    assert trial["intervention_types"] == ["BIOLOGICAL", "DRUG"]
    assert trial["study_kind"] == "treatment_drug"
    assert trial["disease_scope"] == BASKET
    observational = trial_rows(_record({"studyType": "OBSERVATIONAL", "patientRegistry": True,
                                        "designInfo": {"observationalModel": "COHORT"}}, [], ["Lung Cancer"])).trial
    assert observational["observational_model"] == "COHORT" and observational["study_kind"] == "registry"
    # Odd shapes are read as absent, never a crash.
    odd = trial_rows(_record({"designInfo": "TREATMENT", "studyType": 3}, [{"name": None, "type": 7}], [])).trial
    assert odd["study_kind"] == NOT_STATED and odd["primary_purpose"] is None
