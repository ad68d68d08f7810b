"""Disease rules on kinds of trial text that generalise beyond the labelled trials: early-stage and
curative-intent trials, stage III only trials, trials for another cancer, and histology variants.

Every sentence here is invented wording of its kind; near misses of each kind must stay eligible or unknown.
"""

from __future__ import annotations

import pytest
from disease_cases import ALL_EL, ALL_EX, ALL_UN, EL, EX, UN, trial, verdicts

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile

# (inclusion, exclusion, title): every one of them leaves stage IV out.
EARLY = {
    "candidate-for-curative-surgery": ("* Patients who are candidates for curative surgery", "", ""),
    "candidate-for-lobectomy-or-segmentectomy": ("* NSCLC, candidate for lobectomy or segmentectomy", "", ""),
    "scheduled-for-lobectomy": ("* Patients scheduled to undergo lobectomy for lung cancer", "", ""),
    "planned-segmentectomy": ("* Histologically confirmed NSCLC planned for anatomical segmentectomy", "", ""),
    "planned-for-surgery": ("* Suspected or confirmed early lung cancer, planned for surgery", "", ""),
    "surgical-candidate": ("* Confirmed NSCLC in a surgical candidate per the thoracic surgeon", "", ""),
    "pre-operative-treatment": ("* NSCLC due for pre-operative systemic treatment", "", ""),
    "curative-resection-planned": ("* Curative resection of the primary tumour is planned", "", ""),
    "stage-ii-iiia-or-iiib-n2": ("* Stage II, IIIA or IIIB (N2) NSCLC", "", ""),
    "stage-i-to-iiia-hyphen": ("* Stage I-IIIA NSCLC", "", ""),
    "stage-ib-to-iiia-words": ("* Completely resected (R0) stage IB to IIIA NSCLC", "", ""),
    "pathologic-stage-range-with-tnm": ("* Pathologic stage IIA-IIIB (T3-4N2) NSCLC per AJCC 8th edition", "", ""),
    "tnm-m0": ("* cT1-4 N0-2 M0 non-small cell lung cancer", "", ""),
    "neoadjuvant-title": ("* Histologically confirmed NSCLC", "", "Neoadjuvant Drug X Plus Chemotherapy in NSCLC"),
    "adjuvant-title": ("* Histologically confirmed NSCLC", "", "Drug Y Versus Placebo as Adjuvant Therapy in NSCLC"),
    "early-stage-title": ("* Histologically confirmed lung cancer", "", "Radiomics for Early-Stage Lung Cancer"),
    "no-distant-metastasis": ("* Histologically confirmed NSCLC\n* No distant metastasis", "", ""),
    "no-evidence-of-distant-metastatic-disease": (
        "* Histologically confirmed NSCLC\n* No evidence of distant metastatic disease on PET-CT", "", ""),
    "non-metastatic-inclusion": ("* Non-metastatic NSCLC", "", ""),
    "non-metastatic-resectable": ("* Non-metastatic, resectable NSCLC", "", ""),
    "known-distant-metastasis-exclusion": ("* Histologically confirmed NSCLC", "* Known distant metastasis", ""),
    "stage-iv-exclusion": ("* Histologically confirmed NSCLC", "* Stage IV disease", ""),
    "metastatic-disease-stage-iv-exclusion": (
        "* Histologically confirmed NSCLC", "* Metastatic disease (stage IV)", ""),
    "patients-with-distant-metastases-exclusion": (
        "* Histologically confirmed NSCLC", "* Patients with distant metastases", ""),
    "amenable-to-radical-resection": ("* NSCLC amenable to radical resection", "", ""),
    "eligible-for-curative-intent-treatment": ("* Patients eligible for curative-intent treatment", "", ""),
    "early-stage-for-sbrt": ("* Medically inoperable early stage NSCLC, eligible for SBRT", "", ""),
    "no-progression-after-chemoradiotherapy": (
        "* Histologically confirmed NSCLC\n* No evidence of disease progression after concurrent chemoradiotherapy",
        "", ""),
    "not-progressed-after-definitive-radiochemotherapy": (
        "* NSCLC that has not progressed following definitive radiochemotherapy", "", ""),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "title"), EARLY.values(), ids=EARLY.keys())
def test_early_or_curative_trial_leaves_stage_iv_out(inclusion: str, exclusion: str, title: str) -> None:
    text = trial(inclusion, exclusion, title)
    assert verdicts(text) == ALL_EX
    assert verdicts(text, stage="III") == ALL_UN  # whether a stage III cancer fits is for the study team
    assert verdicts(text, stage=None) == ALL_UN


# Early wording beside a stage IV door, or early wording that is about treatment someone had.
EARLY_NEAR_MISSES = {
    "resectable-cohort-beside-stage-iv-cohort": (
        "* Cohort A: resectable stage II-III NSCLC\n* Cohort B: stage IV NSCLC", "", "", ALL_EL),
    "neoadjuvant-part-beside-metastatic-part": (
        "* Part 1: metastatic NSCLC\n* Part 2: neoadjuvant treatment of resectable NSCLC", "", "", ALL_EL),
    "stage-iv-or-resectable-cohort": ("* Stage IV NSCLC, or resectable stage IB-IIIA NSCLC (cohort 2)", "", "", ALL_EL),
    "one-cohort-without-metastases-beside-a-stage-iv-cohort": (
        "* Cohort A: resectable stage II-IIIA NSCLC, no distant metastases\n* Cohort B: stage IV NSCLC", "", "",
        ALL_EL),
    "one-cohort-metastasis-exclusion-beside-a-metastatic-cohort": (
        "* Cohort B: metastatic NSCLC", "* Cohort A: distant metastases", "", ALL_EL),
    "one-cohort-without-metastases-and-nothing-else-is-a-question": (
        "* Histologically confirmed NSCLC\n* Cohort A: no distant metastases", "", "", ALL_UN),
    "prior-adjuvant-allowed": (
        "* Metastatic NSCLC\n* Prior adjuvant chemotherapy is allowed if completed ≥ 6 months earlier", "", "", ALL_EL),
    "recurrence-after-resection": ("* Recurrence after complete resection of NSCLC", "", "", ALL_EL),
    "not-candidates-for-curative-surgery": ("* NSCLC, not candidates for curative surgery", "", "", ALL_EL),
    "not-candidate-for-lobectomy": ("* NSCLC in patients who are not candidates for lobectomy", "", "", ALL_EL),
    "resected-brain-metastases-allowed": ("* Stage IV NSCLC\n* Resected brain metastases are allowed", "", "", ALL_EL),
    "stage-iiib-iv-or-recurrent-after-surgery": ("* Stage IIIB-IV NSCLC or recurrent after surgery", "", "", ALL_EL),
    "adjuvant-radiotherapy-of-bone-metastases-title": (
        "* Histologically confirmed NSCLC", "", "Adjuvant Radiotherapy for Bone Metastases of NSCLC", ALL_EL),
    "neoadjuvant-title-for-stage-iv": (
        "* Stage IV NSCLC", "", "Neoadjuvant Drug X for Stage IV NSCLC With Oligometastases", ALL_EL),
    "early-or-metastatic": ("* Early-stage or metastatic NSCLC", "", "", ALL_EL),
    "any-stage-i-iv": ("* NSCLC stage I-IV", "", "", ALL_EL),
    "prior-lobectomy": ("* Advanced NSCLC\n* Prior lobectomy for the primary tumour is allowed", "", "", ALL_EL),
    "any-stage-with-surgery": ("* Patients with NSCLC of any stage, including those scheduled for surgery", "", "",
                               ALL_EL),
    "regardless-of-stage-preoperative-sample": (
        "* NSCLC regardless of stage\n* Preoperative blood sample available", "", "", ALL_EL),
    "any-stage-under-an-early-title": (
        "* Newly diagnosed lung cancer of any stage", "", "Preoperative Exercise and Early Lung Cancer", ALL_EL),
    "resectable-or-unresectable": ("* Resectable or unresectable NSCLC", "", "", ALL_EL),
    "operable-or-inoperable": ("* Operable or inoperable NSCLC", "", "", ALL_EL),
    "surgery-or-systemic-therapy": ("* NSCLC, candidates for surgery or systemic therapy", "", "", ALL_EL),
    "chemoradiation-or-palliative-chemotherapy": (
        "* NSCLC, candidate for definitive chemoradiation or palliative chemotherapy", "", "", ALL_EL),
    "no-distant-metastasis-other-than-brain": ("* NSCLC with no distant metastasis other than brain", "", "", ALL_EL),
    "no-metastatic-disease-except-effusion": (
        "* NSCLC; no metastatic disease outside the thorax except pleural effusion", "", "", ALL_EL),
    "no-progression-after-first-line-chemotherapy": (
        "* NSCLC without progression after 4 cycles of platinum-based chemotherapy", "", "", ALL_EL),
    "surgery-of-the-primary-in-stage-iv-title": (
        "* Histologically confirmed NSCLC", "", "Surgery of the Primary Tumour in Stage IV NSCLC", ALL_EL),
    "pre-operative-title-for-brain-metastases": (
        "* Histologically confirmed NSCLC", "", "Pre-operative Imaging of Brain Metastases", ALL_EL),
    "distant-metastases-needing-urgent-radiotherapy-exclusion": (
        "* Histologically confirmed NSCLC", "* Distant metastases requiring urgent palliative radiotherapy", "",
        ALL_UN),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "title", "expected"), EARLY_NEAR_MISSES.values(),
                         ids=EARLY_NEAR_MISSES.keys())
def test_early_near_misses_keep_stage_iv(inclusion: str, exclusion: str, title: str,
                                         expected: tuple[str, ...]) -> None:
    assert verdicts(trial(inclusion, exclusion, title)) == expected


# Locally advanced (stage III) disease only.
STAGE_III = {
    "unresectable-stage-iii": ("* Unresectable stage III NSCLC", "", "", ALL_EX),
    "consolidation-after-chemoradiation": (
        "* Locally advanced, unresectable stage III NSCLC that has not progressed after concurrent platinum-based "
        "chemoradiation", "", "", ALL_EX),
    "consolidation-title": (
        "* Histologically confirmed NSCLC", "", "Consolidation Drug X After Chemoradiotherapy in Stage III NSCLC",
        ALL_EX),
    "stage-iii-not-amenable-to-surgery": ("* Stage III disease not amenable to surgical resection", "", "", ALL_EX),
    "not-amenable-to-curative-surgery-without-distant-metastases": (
        "* Locally advanced NSCLC not amenable to curative surgery, without distant metastases", "", "", ALL_EX),
    "not-amenable-to-curative-treatment-no-metastatic-disease": (
        "* Locally advanced NSCLC not amenable to curative treatment; no metastatic disease", "", "", ALL_EX),
    "inoperable-locally-advanced": ("* Inoperable locally advanced NSCLC", "", "", ALL_EX),
    "unresectable-locally-advanced-title": (
        "* Histologically confirmed NSCLC", "", "Drug X With Radiotherapy in Unresectable Locally Advanced NSCLC",
        ALL_EX),
    "stage-iiia-to-iiic": ("* Stage IIIA-IIIC NSCLC", "", "", ALL_EX),
    "definitive-chemoradiotherapy": ("* Histologically confirmed NSCLC eligible for definitive chemoradiotherapy",
                                     "", "", ALL_EX),
    # "Advanced" or "not curable" wording beside a metastasis exclusion: the trial means locally advanced disease.
    "not-curable-with-m1-exclusion": (
        "* Unresectable NSCLC not amenable to curative treatment", "* Distant metastases (M1)", "", ALL_EX),
    "advanced-with-distant-metastasis-exclusion": ("* Advanced NSCLC", "* Known distant metastases", "", ALL_EX),
    "advanced-title-with-distant-metastasis-exclusion": (
        "* Histologically confirmed NSCLC", "* Distant metastases", "Drug X in Advanced NSCLC", ALL_EX),
    "locoregional-recurrence-with-distant-metastasis-exclusion": (
        "* Recurrent NSCLC after chemoradiation", "* Distant metastases", "", ALL_EX),
    "advanced-with-no-distant-metastases-inclusion": ("* Advanced NSCLC\n* No distant metastases", "", "", ALL_EX),
    # Metastatic wording beside a metastasis exclusion: something was misread, so it is a question.
    "metastatic-inclusion-with-metastasis-exclusion": (
        "* Advanced or metastatic NSCLC", "* Distant metastases", "", ALL_UN),
    "stage-iv-inclusion-with-metastatic-exclusion": ("* Stage IIIB-IV NSCLC", "* Metastatic disease", "", ALL_UN),
    "oligometastatic-with-distant-metastasis-exclusion": (
        "* Oligometastatic NSCLC", "* Distant metastases", "", ALL_UN),
    "brain-metastases-with-extracranial-exclusion": (
        "* NSCLC with brain metastases", "* Extracranial distant metastases", "", ALL_UN),
    # "Locally advanced" alone: most such trials are for stage III, but the words alone do not settle it.
    "locally-advanced-alone-is-a-question": ("* Locally advanced NSCLC", "", "", ALL_UN),
    "locally-advanced-title-alone-is-a-question": (
        "* Histologically confirmed NSCLC", "", "Drug X in Locally Advanced NSCLC", ALL_UN),
    "locally-advanced-not-curable-is-a-question": (
        "* Locally advanced NSCLC not amenable to curative treatment", "", "", ALL_UN),
    "locally-advanced-title-with-metastatic-exclusion": (
        "* Histologically confirmed NSCLC", "* Metastatic disease", "Drug X in Locally Advanced NSCLC", ALL_EX),
}
STAGE_III_NEAR_MISSES = {
    "locally-advanced-or-metastatic": ("* Locally advanced or metastatic NSCLC", "", ""),
    "stage-iiib-iiic-or-iv-in-brackets": (
        "* Locally advanced (stage IIIB/IIIC) or metastatic (stage IV) NSCLC", "", ""),
    "unresectable-stage-iii-or-metastatic": ("* Unresectable stage III or metastatic NSCLC", "", ""),
    "stage-iii-not-for-chemoradiation-or-stage-iv": (
        "* Unresectable stage III NSCLC not eligible for chemoradiation, or stage IV", "", ""),
    "locally-advanced-not-curable-or-metastatic": (
        "* Locally advanced NSCLC not amenable to curative treatment, or metastatic NSCLC", "", ""),
    "locally-advanced-or-metastatic-title": (
        "* Histologically confirmed NSCLC", "", "Drug X in Locally Advanced or Metastatic NSCLC"),
    "locally-advanced-title-advanced-criteria": (
        "* Advanced NSCLC (stage IIIB-IV)", "", "Drug X in Locally Advanced NSCLC"),
    "locally-advanced-or-recurrent": ("* Locally advanced or recurrent NSCLC", "", ""),
    "locally-advanced-cohort-and-metastatic-cohort": (
        "* Cohort 1: locally advanced unresectable NSCLC\n* Cohort 2: metastatic NSCLC", "", ""),
    "locally-advanced-or-disseminated": ("* Locally advanced or disseminated NSCLC", "", ""),
    "locally-advanced-that-progressed": ("* Locally advanced NSCLC that progressed on prior therapy", "", ""),
    "locally-advanced-stage-iv-also-eligible": (
        "* Locally advanced NSCLC; patients with stage IV disease are also eligible", "", ""),
    "locally-advanced-without-brain-metastases": (
        "* Locally advanced or metastatic NSCLC without brain metastases", "", ""),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "title", "expected"), STAGE_III.values(), ids=STAGE_III.keys())
def test_stage_iii_only(inclusion: str, exclusion: str, title: str, expected: tuple[str, ...]) -> None:
    assert verdicts(trial(inclusion, exclusion, title)) == expected


@pytest.mark.parametrize(("inclusion", "exclusion", "title"), STAGE_III_NEAR_MISSES.values(),
                         ids=STAGE_III_NEAR_MISSES.keys())
def test_stage_iii_near_misses_take_stage_iv(inclusion: str, exclusion: str, title: str) -> None:
    assert verdicts(trial(inclusion, exclusion, title)) == ALL_EL


NEUROENDOCRINE = (EX, EX, UN, UN)  # a large cell or unspecified NSCLC may be neuroendocrine; adeno or squamous is not

# (title, conditions, inclusion, expected): a trial for another cancer only.
OTHER_CANCER = {
    "gastric-adenocarcinoma-condition": (
        "Drug X in Gastric Adenocarcinoma", ("Gastric Adenocarcinoma",), "* Measurable disease", ALL_EX),
    "gej-adenocarcinoma-title": (
        "Drug X for Gastric or Gastroesophageal Junction Adenocarcinoma", ("Stomach Neoplasms",),
        "* Measurable disease", ALL_EX),
    "pancreatic-ductal-adenocarcinoma": (
        "Drug Y in Metastatic Pancreatic Ductal Adenocarcinoma", ("Pancreatic Ductal Adenocarcinoma",),
        "* Metastatic disease", ALL_EX),
    "oesophageal-squamous-cell-carcinoma": (
        "Drug V in Oesophageal Squamous Cell Carcinoma", ("Esophageal Squamous Cell Carcinoma",),
        "* Advanced disease", ALL_EX),
    "small-cell-title-and-condition-only": (
        "Drug Z for Extensive-Stage Small Cell Lung Cancer", ("Small Cell Lung Cancer",), "* Measurable disease",
        ALL_EX),
    "small-cell-abbreviation-title-and-condition": ("Drug Z in SCLC", ("SCLC",), "* Measurable disease", ALL_EX),
    "small-cell-registry-style-condition": (
        "Drug Z Maintenance Study", ("Lung Cancer, Small Cell",), "* Measurable disease", ALL_EX),
    "mesothelioma-title": ("Drug W in Malignant Pleural Mesothelioma", ("Mesothelioma",), "* Measurable disease",
                           ALL_EX),
    "mesothelioma-inclusion-only": (
        "Drug W Phase 2 Study", ("Drug W",), "* Histologically confirmed malignant pleural mesothelioma", ALL_EX),
    "gastric-inclusion-only": (
        "A Phase 2 Study of Drug X", ("Drug X",), "* Histologically confirmed gastric or gastroesophageal junction "
        "adenocarcinoma", ALL_EX),
    "melanoma-renal-urothelial-diagnosis": (
        "Drug X in Advanced Cancers", ("Advanced Cancer",), "* Histologically confirmed advanced melanoma, renal "
        "cell carcinoma or urothelial carcinoma", ALL_EX),
    "lcnec-title": (
        "Drug V in Large Cell Neuroendocrine Carcinoma of the Lung", ("LCNEC",), "* Measurable disease",
        NEUROENDOCRINE),
    "lcnec-inclusion": (
        "Drug V in LCNEC", ("Carcinoma, Neuroendocrine",), "* Pathologically confirmed pulmonary large cell "
        "neuroendocrine carcinoma", NEUROENDOCRINE),
    "sclc-or-lcnec-inclusion": (
        "Drug V in High-Grade Neuroendocrine Lung Cancers", ("Small Cell Lung Cancer",),
        "* Histologically confirmed small cell lung cancer or large cell neuroendocrine carcinoma", NEUROENDOCRINE),
}
# Near misses: lung cancer named somewhere, an organ word that is not a cancer, an open basket.
OTHER_CANCER_NEAR_MISSES = {
    "oral-drug-title": ("Oral Drug Y in Patients With Cancer", ("Cancer",), "* Advanced disease", ALL_EL),
    "skin-toxicity-title": ("Skin Toxicity of Drug Y", ("Rash",), "* Receiving an EGFR inhibitor", ALL_EL),
    "liver-metastases-title": (
        "Radiotherapy for Liver Metastases", ("Liver Metastases",), "* Histologically confirmed cancer", ALL_EL),
    "survivors-of-several-cancers-with-lung": (
        "Exercise for Breast, Lung and Colorectal Cancer Survivors", ("Breast Cancer", "Lung Cancer"),
        "* Completed treatment", ALL_EL),
    "sclc-title-with-lung-cancer-condition": (
        "Drug Z in Small Cell Lung Cancer", ("Small Cell Lung Cancer", "Lung Cancer"), "* Measurable disease", ALL_UN),
    "registry-style-non-small-cell-condition": (
        "Drug Z Study", ("Carcinoma, Non-Small-Cell Lung",), "* Measurable disease", ALL_EL),
    "registry-style-both-lung-cancers": (
        "Drug Z Study", ("Lung Cancer, Small Cell", "Lung Cancer, Non-Small Cell"), "* Measurable disease", ALL_EL),
    "mesothelioma-and-nsclc": ("Drug W in Thoracic Cancers", ("Mesothelioma", "NSCLC"), "* Measurable disease",
                               ALL_EL),
    "any-solid-tumour": ("Drug X in Solid Tumors", ("Solid Tumor",), "* Any advanced solid tumour", ALL_EL),
    "solid-tumour-without-standard-therapy": (
        "Drug X", ("Neoplasms",), "* Advanced solid tumor for which no standard therapy exists", ALL_EL),
    "list-naming-nsclc": (
        "Drug X", ("Neoplasms",), "* Advanced solid tumours of the following types: NSCLC, melanoma, RCC", ALL_EL),
    "list-naming-the-lung": ("Drug X in Solid Tumors", ("Solid Tumor",), "* Tumour types: breast, lung, ovarian",
                             ALL_EL),
    "list-with-examples-is-a-question": (
        "Drug X in Solid Tumors", ("Solid Tumor",), "* Advanced solid tumors, including but not limited to breast "
        "and ovarian cancer", ALL_UN),
    "list-with-other-solid-tumours-is-open": (
        "Drug X in Solid Tumors", ("Solid Tumor",), "* Pancreatic cancer, cholangiocarcinoma or other solid tumours "
        "with an NRG1 fusion", ALL_EL),
    "cohort-of-another-cancer-beside-a-marker-cohort": (
        "Drug X in NRG1 Fusion-Positive Tumours", ("NRG1 Fusion",),
        "* Cohort A: histologically confirmed melanoma\n* Cohort B: any tumour with an NRG1 fusion", ALL_EL),
    "any-cancer-excluding-skin-cancer": (
        "Exercise During Chemotherapy", ("Cancer",), "* Adults with a diagnosis of cancer, excluding non-melanoma "
        "skin cancer", ALL_EL),
    "any-cancer-with-another-allowed": (
        "Fatigue Study", ("Fatigue",), "* Histologically confirmed diagnosis of cancer; prostate cancer on hormone "
        "therapy is allowed", ALL_EL),
    "malignancy-other-than-breast": (
        "Symptom Study", ("Symptoms",), "* Histologically confirmed malignancy other than breast cancer", ALL_EL),
    "spine-tumours-are-not-a-cervix-cancer": (
        "Radiosurgery for Cervical Spine Tumours", ("Spinal Metastases",), "* Imaging-confirmed spinal metastasis",
        ALL_EL),
    "closed-list-with-an-exception-is-open": (
        "Drug X in Solid Tumors", ("Solid Tumor",), "* Tumour types: any except colorectal", ALL_EL),
    "earlier-other-cancer-is-history": (
        "Drug X Study", ("Drug X",), "* Histologically confirmed diagnosis of the disease under study\n"
        "* Prior breast cancer treated more than 5 years ago is allowed", ALL_EL),
}
# A closed list of the cancers taken, none of them NSCLC, in a trial that names the lung nowhere.
CLOSED_LISTS = {
    "solid-tumours-colon-list": "* Advanced solid tumours: breast, ovarian, prostate or pancreatic cancer",
    "one-of-the-following-organs": "* One of the following tumour types: colorectal, gastric, pancreatic",
    "limited-to": "* Metastatic cancers limited to melanoma or renal cell carcinoma",
    "diagnosis-of-one-of-three": (
        "* Documented diagnosis of urothelial carcinoma, cervical cancer or endometrial cancer"),
}


@pytest.mark.parametrize(("title", "conditions", "inclusion", "expected"), OTHER_CANCER.values(),
                         ids=OTHER_CANCER.keys())
def test_another_cancer_only(title: str, conditions: tuple[str, ...], inclusion: str,
                             expected: tuple[str, ...]) -> None:
    assert verdicts(trial(inclusion, "", title, conditions)) == expected


@pytest.mark.parametrize(("title", "conditions", "inclusion", "expected"), OTHER_CANCER_NEAR_MISSES.values(),
                         ids=OTHER_CANCER_NEAR_MISSES.keys())
def test_another_cancer_near_misses(title: str, conditions: tuple[str, ...], inclusion: str,
                                    expected: tuple[str, ...]) -> None:
    assert verdicts(trial(inclusion, "", title, conditions)) == expected


@pytest.mark.parametrize("inclusion", CLOSED_LISTS.values(), ids=CLOSED_LISTS.keys())
def test_closed_list_of_other_cancers(inclusion: str) -> None:
    assert verdicts(trial(inclusion, "", "Drug X in Solid Tumors", ("Solid Tumor",))) == ALL_EX


def test_neuroendocrine_question_for_unknown_histology() -> None:
    rules = disease.parse(trial("* Measurable disease", "", "Drug V in LCNEC", ("LCNEC",)))
    finding = disease.check(rules, Profile(stage="IV", histology=None))
    assert finding.verdict == UN
    assert "neuroendocrine" in finding.reason


def test_any_stage_takes_every_stage() -> None:
    text = trial("* Confirmed NSCLC diagnosis, all stages, seen for the first time in 2020")
    assert verdicts(text) == ALL_EL
    assert verdicts(text, stage="III") == ALL_EL
    assert verdicts(text, stage=None) == ALL_EL


def test_therapy_for_any_stage_is_not_an_any_stage_door() -> None:
    text = trial("* Stage IV or recurrent NSCLC\n* Received at least one line of systemic therapy for any stage of "
                 "disease (stages I-IV)")
    assert verdicts(text) == ALL_EL
    assert verdicts(text, stage="III") == ALL_UN


NON_SQUAMOUS, SQUAMOUS_ONLY = (EL, EX, EL, UN), (EX, EL, EX, UN)

# (inclusion, exclusion, expected): histology variants.
HISTOLOGY = {
    "predominantly-squamous-inclusion": ("* Stage IV NSCLC of predominantly squamous histology", "", SQUAMOUS_ONLY),
    "predominantly-non-squamous-inclusion": (
        "* Metastatic NSCLC with predominantly non-squamous histology", "", NON_SQUAMOUS),
    "mixed-tumours-by-predominant-type": (
        "* Stage IV non-squamous NSCLC; mixed tumours are classified by the predominant cell type", "", NON_SQUAMOUS),
    "predominantly-squamous-exclusion": ("* Stage IV NSCLC", "* Predominantly squamous cell histology", NON_SQUAMOUS),
    "predominant-squamous-component-exclusion": (
        "* Stage IV NSCLC", "* Tumours with a predominant squamous component", NON_SQUAMOUS),
    "adenosquamous-only-is-a-question": ("* Stage IV adenosquamous carcinoma of the lung", "", ALL_UN),
    "adeno-squamous-only-hyphen-is-a-question": ("* Metastatic adeno-squamous NSCLC", "", ALL_UN),
    "adenocarcinoma-or-adenosquamous": (
        "* Metastatic lung adenocarcinoma or adenosquamous carcinoma", "", (EL, EX, EX, UN)),
    "squamous-or-adenosquamous": ("* Stage IV NSCLC of squamous or adenosquamous histology", "", SQUAMOUS_ONLY),
    "including-adenosquamous-widens": (
        "* Metastatic NSCLC of any histology, including adenosquamous", "", ALL_EL),
    "adenosquamous-exclusion-is-not-a-profile": ("* Stage IV NSCLC", "* Adenosquamous carcinoma", ALL_EL),
    "mixed-histology-exclusion-is-not-a-profile": ("* Stage IV NSCLC", "* Tumours of mixed histology", ALL_EL),
    "mixed-histology-allowed": ("* Stage IV NSCLC (mixed histology allowed)", "", ALL_EL),
    "squamous-or-mixed-adenosquamous-exclusion": (
        "* Stage IV NSCLC", "* Squamous or mixed adenosquamous histology", NON_SQUAMOUS),
    "squamous-sarcomatoid-exclusion": (
        "* Stage IV NSCLC", "* Squamous, sarcomatoid or large cell neuroendocrine carcinoma", NON_SQUAMOUS),
    "non-squamous-exclusion-bullet": ("* Stage IV NSCLC", "* Non-squamous histology", SQUAMOUS_ONLY),
    "non-squamous-nsclc-exclusion-bullet": ("* Stage IV NSCLC", "* Patients with non-squamous NSCLC.", SQUAMOUS_ONLY),
    "non-squamous-with-a-condition-is-not-a-bullet": (
        "* Stage IV NSCLC", "* Non-squamous histology with unknown EGFR status", ALL_EL),
    "non-squamous-who-received-pemetrexed": (
        "* Stage IV NSCLC", "* Non-squamous patients who received pemetrexed maintenance", ALL_EL),
    "lcnec-exclusion-is-not-large-cell": ("* Stage IV NSCLC", "* Large cell neuroendocrine carcinoma", ALL_EL),
    # NSCLC not otherwise specified named among the histologies taken lets an unspecified NSCLC in.
    "adenocarcinoma-or-nsclc-nos": ("* Stage IV adenocarcinoma or NSCLC NOS", "", (EL, EX, EX, EL)),
    "non-squamous-list-with-not-otherwise-specified": (
        "* Metastatic non-squamous NSCLC (adenocarcinoma, large cell or NSCLC not otherwise specified)", "",
        (EL, EX, EL, EL)),
    "squamous-or-nos-histology": ("* Advanced NSCLC of squamous or not otherwise specified histology", "",
                                  (EX, EL, EX, EL)),
    "exclusion-keeps-adenocarcinoma-and-nos": (
        "* Stage IV NSCLC", "* Histologies other than adenocarcinoma or NSCLC NOS", (EL, EX, EX, EL)),
    # Near misses: NOS as an example, shut out, or not named ("non-squamous" alone) settles nothing for it.
    "nos-as-an-example": ("* Advanced NSCLC (e.g. adenocarcinoma, squamous, NOS)", "", ALL_EL),
    "nos-shut-out": ("* Stage IV adenocarcinoma. NSCLC NOS is not eligible.", "", (EL, EX, EX, UN)),
    "non-squamous-alone-leaves-nos-open": ("* Metastatic non-squamous NSCLC", "", NON_SQUAMOUS),
    # Large cell carcinoma named in an exclusion bullet of histologies shuts large cell out.
    "large-cell-carcinoma-exclusion": ("* Stage IV NSCLC", "* Large cell carcinoma", (EL, EL, EX, UN)),
    "large-cell-histology-exclusion": ("* Stage IV NSCLC", "* Large-cell carcinoma histology.", (EL, EL, EX, UN)),
    "squamous-or-large-cell-exclusion": (
        "* Stage IV NSCLC", "* Squamous cell or large cell carcinoma histology", (EL, EX, EX, UN)),
    "sarcomatoid-or-large-cell-exclusion": (
        "* Advanced NSCLC", "* Patients with sarcomatoid or large-cell carcinoma", (EL, EL, EX, UN)),
    # Near misses: the neuroendocrine tumour, a component, an earlier cancer or a permission is no large cell limit.
    "small-cell-or-lcnec-exclusion": ("* Stage IV NSCLC", "* Small cell or large cell neuroendocrine carcinoma",
                                      ALL_EL),
    "large-cell-component-exclusion": ("* Stage IV NSCLC", "* Mixed histology with a large cell component", ALL_EL),
    "prior-large-cell-exclusion": ("* Stage IV NSCLC", "* Prior large cell carcinoma of another organ", ALL_EL),
    "large-cell-with-a-condition": (
        "* Stage IV NSCLC", "* Large cell carcinoma without a known EGFR status", ALL_EL),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), HISTOLOGY.values(), ids=HISTOLOGY.keys())
def test_histology_variants(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    assert verdicts(trial(inclusion, exclusion)) == expected


# A stage rule from a criterion that names one part, arm or cohort (the reader left it unscoped): that part's
# rule, so stage IV is a question. Near misses: the same rule for every part, or with a title that says it too.
PART_NAMED_STAGE = {
    "metastatic-excluded-in-the-neoadjuvant-cohort": ("", "* Metastatic disease in the neoadjuvant cohort", "",
                                                      ALL_UN),
    "distant-metastases-surgical-arm-only": ("", "* Distant metastases (surgical arm only)", "", ALL_UN),
    "resectable-stage-for-the-surgical-arm": ("* Resectable stage II-III NSCLC (surgical arm)", "", "", ALL_UN),
    "early-stage-in-part-a": ("* Stage I-IIIA NSCLC in Part A", "", "", ALL_UN),
    "metastatic-excluded-in-all-cohorts": ("", "* Distant metastases (all cohorts)", "", ALL_EX),
    "resectable-stage-in-all-arms": ("* Resectable stage II-III NSCLC (all arms)", "", "", ALL_EX),
    "part-named-but-title-is-neoadjuvant": (
        "* Stage II-IIIA NSCLC in Part A", "", "Neoadjuvant Drug X for Resectable Stage II-IIIA NSCLC", ALL_EX),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "title", "expected"), PART_NAMED_STAGE.values(),
                         ids=PART_NAMED_STAGE.keys())
def test_stage_rule_of_a_named_part(inclusion: str, exclusion: str, title: str, expected: tuple[str, ...]) -> None:
    assert verdicts(trial(inclusion, exclusion, title)) == expected


# Only part of stage IV taken or left out: a stage IV profile may be IVA (M1a-b) or IVB (M1c), so it is a question.
PART_OF_STAGE_IV = {
    "stage-iva-only": ("* Stage IVA NSCLC only", ""),
    "only-stage-ivb": ("* Only patients with stage IVB disease may enrol", ""),
    "range-up-to-iva": ("* Newly diagnosed stage IIIB-IVA non-small cell lung cancer", ""),
    "range-to-iva-in-words": ("* Stage III to IVA NSCLC (AJCC 8th edition)", ""),
    "m1a-m1b-only": ("* Metastatic NSCLC, stage IV (M1a or M1b only)", ""),
    "extrathoracic-exclusion": ("* Advanced NSCLC", "* Extrathoracic metastases"),
    "extra-thoracic-disease-exclusion": ("* Stage IV NSCLC", "* Known extra-thoracic metastatic disease"),
    "m1c-exclusion": ("* Metastatic NSCLC", "* M1c disease"),
    "stage-ivb-exclusion": ("* Advanced NSCLC", "* Stage IVB disease per AJCC 8"),
}
# Stage IV named whole, or by both sub-stages, or a sub-stage named plainly (read as stage IV), still takes it;
# an exclusion of all distant metastases beside an extrathoracic one still excludes.
WHOLE_STAGE_IV = {
    "range-to-iv": ("* Stage IIIB-IV NSCLC", "", ALL_EL),
    "slash-list-to-iv": ("* Stage IIIB/IIIC/IV NSCLC", "", ALL_EL),
    "iva-or-ivb": ("* Stage IVA or IVB NSCLC", "", ALL_EL),
    "iva-slash-b": ("* Stage IVA/B non-small cell lung cancer", "", ALL_EL),
    "plain-ivb": ("* Histologically confirmed NSCLC, stage IVb", "", ALL_EL),
    "all-m1-categories": ("* Stage IV NSCLC (M1a, M1b, M1c)", "", ALL_EL),
    "distant-and-extrathoracic": ("* NSCLC", "* Distant metastases\n* Extrathoracic metastases", ALL_EX),
    "no-extrathoracic-is-negated": ("* Advanced NSCLC", "* No measurable extrathoracic lesion is needed", ALL_EL),
}


@pytest.mark.parametrize(("inclusion", "exclusion"), PART_OF_STAGE_IV.values(), ids=PART_OF_STAGE_IV.keys())
def test_part_of_stage_iv_is_a_question(inclusion: str, exclusion: str) -> None:
    assert verdicts(trial(inclusion, exclusion)) == ALL_UN


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), WHOLE_STAGE_IV.values(), ids=WHOLE_STAGE_IV.keys())
def test_whole_stage_iv_is_read_as_before(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    assert verdicts(trial(inclusion, exclusion)) == expected
