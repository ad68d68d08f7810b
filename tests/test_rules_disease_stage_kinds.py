"""Disease rules on three more kinds of stage and histology wording, each with invented sentences and near misses:

- a non-squamous (or other histology) inclusion whose disease is "not eligible for curative resection": the
  words describe the disease enrolled, they do not shut the histology out;
- an inclusion that lists stages I-III only beside an exclusion of metastatic disease with a condition that counts
  nothing ("with life expectancy < 12 months"): stage IV is out;
- a title and conditions that say early stage only, with a nodule for resection that may be "lung cancer or
  oligometastatic disease": stage IV is out.
"""

from __future__ import annotations

import pytest
from disease_cases import ALL_EX, ALL_UN, EL, EX, UN, trial, verdicts

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile, profile_from_dict

# ---------------------------------------------------------------- histology: "not eligible for curative ..."
NON_SQ = (EL, EX, EL, UN)  # large cell is a non-squamous NSCLC; an unspecified subtype is a question
ADENO = (EL, EX, EX, UN)
SQ = (EX, EL, EX, UN)
NOT_CURABLE = {
    "nonsquamous-stage-iii-not-for-resection-or-stage-iv": (
        "* Has nonsquamous NSCLC (Stage IIIB, Stage IIIC) not eligible for curative resection or chemoradiation "
        "or Stage IV: M1a, M1b, or M1c", NON_SQ),
    "non-squamous-not-for-definitive-chemoradiotherapy": (
        "* Non-squamous NSCLC, locally advanced and not eligible for definitive chemoradiotherapy, or metastatic "
        "disease",
        NON_SQ),
    "non-squamous-ineligible-for-radical-surgery": (
        "* Non-squamous non-small cell lung cancer that is ineligible for radical surgery, or stage IV disease",
        NON_SQ),
    "adenocarcinoma-not-for-local-therapy": (
        "* Lung adenocarcinoma not eligible for local therapy with curative intent, or metastatic", ADENO),
    "squamous-not-for-concurrent-chemoradiation": (
        "* Squamous NSCLC (stage IIIB-IIIC) not eligible for concurrent chemoradiation, or stage IV", SQ),
}
STILL_SHUT = {  # the histology itself is what is not eligible
    "squamous-histology-not-eligible": ("* Stage IV NSCLC; squamous histology is not eligible", (EL, EX, EL, UN)),
    "squamous-not-eligible-for-this-study": (
        "* Metastatic NSCLC. Squamous cell carcinoma is not eligible for this study", (EL, EX, EL, UN)),
    "squamous-not-eligible-for-enrolment": (
        "* Advanced NSCLC; squamous NSCLC is not eligible for enrolment", (EL, EX, EL, UN)),
    "squamous-excluded": ("* Stage IV NSCLC. Squamous NSCLC are excluded", (EL, EX, EL, UN)),
}


@pytest.mark.parametrize(("inclusion", "expected"), NOT_CURABLE.values(), ids=NOT_CURABLE.keys())
def test_not_curable_wording_does_not_shut_the_histology_out(inclusion: str, expected: tuple[str, ...]) -> None:
    assert verdicts(trial(inclusion)) == expected


@pytest.mark.parametrize(("inclusion", "expected"), STILL_SHUT.values(), ids=STILL_SHUT.keys())
def test_a_histology_that_is_not_eligible_stays_shut_out(inclusion: str, expected: tuple[str, ...]) -> None:
    assert verdicts(trial(inclusion)) == expected


def test_non_squamous_title_and_not_curable_inclusion_agree() -> None:
    text = trial("* Non-squamous NSCLC not eligible for curative surgery, or stage IV",
                 title="Drug X Plus Chemotherapy in Advanced or Metastatic Non-squamous NSCLC",
                 conditions=("Non-small Cell Lung Cancer",))
    assert verdicts(text) == NON_SQ


# ---------------- stages I-III listed, metastatic exclusion with a condition
LISTED_EARLY = {
    "stage-iiia-iiib-iiic-life-expectancy": (
        "* Stage IIIA, IIIB, or IIIC non-operable NSCLC\n* Definitive course of fractionated radiotherapy planned",
        "* Definitive clinical or radiologic evidence of metastatic disease with life expectancy <12 months"),
    "stage-ii-iii-requiring-systemic-therapy": (
        "* Histologically confirmed stage II-III NSCLC", "* Metastatic disease requiring systemic therapy"),
    "stage-iii-symptomatic": (
        "* Stage III NSCLC (AJCC 8th edition) planned for radiotherapy", "* Distant metastases with symptoms"),
    "thoracic-cancers-list": (
        "* Participants with one of the following:\n  * Stage III inoperable non-small cell lung cancer\n"
        "  * Stage I-III oesophageal cancer\n  * Other cancers in the thoracic region meeting dosimetric criteria",
        "* Radiologic evidence of metastatic disease with expected survival below one year"),
}
LISTED_EARLY_NEAR_MISSES = {  # a count, no stage list, or stage IV listed too: a question
    "stage-iii-with-a-count": ("* Stage III NSCLC", "* Metastatic disease at more than 3 sites", ALL_UN),
    "stage-iii-other-than-brain": ("* Stage III NSCLC", "* Metastatic disease other than brain metastases", ALL_UN),
    "no-stage-list": ("* Histologically confirmed NSCLC",
                      "* Metastatic disease with life expectancy < 12 months", ALL_UN),
    "resectable-no-stage-list": ("* Resectable NSCLC", "* Metastatic disease requiring radiotherapy", ALL_UN),
    "stage-iiib-to-iv": ("* Stage IIIB-IV NSCLC", "* Metastatic disease with life expectancy < 3 months", ALL_UN),
    "stage-iii-relapsed": ("* NSCLC relapsed after treatment for stage I-III disease",
                           "* Metastatic disease with life expectancy < 3 months", ALL_UN),
}


@pytest.mark.parametrize(("inclusion", "exclusion"), LISTED_EARLY.values(), ids=LISTED_EARLY.keys())
def test_listed_early_stages_decide_over_a_conditioned_metastatic_exclusion(inclusion: str, exclusion: str) -> None:
    assert verdicts(trial(inclusion, exclusion)) == ALL_EX


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), LISTED_EARLY_NEAR_MISSES.values(),
                         ids=LISTED_EARLY_NEAR_MISSES.keys())
def test_listed_early_near_misses(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    assert verdicts(trial(inclusion, exclusion)) == expected


# ---------------------------------------------------------------- early header, nodule for resection
EARLY_HEADER = {
    "frozen-section-nodule": (
        "Ablation of Early-Stage Lung Cancer", ("Stage I Lung Cancer", "Stage II Lung Cancer"),
        "* A single lung nodule of 2 cm or less, malignant on frozen section (primary lung cancer or oligometastatic "
        "disease), scheduled for surgical resection"),
    "solitary-nodule-before-lobectomy": (
        "Navigation Bronchoscopy Marking in Early Stage NSCLC", ("Stage IA Non-small Cell Lung Cancer",),
        "* Solitary peripheral nodule, primary lung cancer or an oligometastasis, planned for lobectomy"),
    "nodule-awaiting-resection": (
        "Dye Marking Before Sublobar Resection of Early Lung Cancer", ("Early-stage Lung Cancer",),
        "* Peripheral nodule proven to be lung cancer or oligometastatic disease\n"
        "* Patients deemed fit for surgical resection"),
}
EARLY_HEADER_NEAR_MISSES = {  # the header or the criteria also open stage IV, or nothing in the criteria agrees
    "oligometastatic-in-title": (
        "SBRT for Early-Stage NSCLC or Oligometastatic Disease", ("Stage I Lung Cancer",),
        "* Lung cancer or oligometastatic disease, planned for surgical resection"),
    "oligometastatic-condition": (
        "Ablation of Early-Stage Lung Cancer", ("Stage I Lung Cancer", "Oligometastatic Disease"),
        "* Lung cancer or oligometastatic disease, planned for surgical resection"),
    "counted-oligometastases": (
        "Surgery in Early-Stage Lung Cancer", ("Stage I Lung Cancer",),
        "* Oligometastatic NSCLC with up to 3 metastases, planned for surgical resection"),
    "stage-iv-named": (
        "Surgery in Early-Stage Lung Cancer", ("Stage I Lung Cancer",),
        "* Stage I-II NSCLC, or stage IV oligometastatic NSCLC, planned for resection"),
    "title-not-early": (
        "Cryoablation of Lung Nodules", ("Stage I Lung Cancer",),
        "* Lung cancer or oligometastatic disease, planned for surgical resection"),
    "no-early-criterion": (
        "Imaging of Early-Stage Lung Cancer", ("Stage I Lung Cancer",),
        "* Lung cancer or oligometastatic disease in the lung"),
}


@pytest.mark.parametrize(("title", "conditions", "inclusion"), EARLY_HEADER.values(), ids=EARLY_HEADER.keys())
def test_early_header_decides_over_an_oligometastatic_nodule(title: str, conditions: tuple[str, ...],
                                                             inclusion: str) -> None:
    assert verdicts(trial(inclusion, title=title, conditions=conditions)) == ALL_EX


@pytest.mark.parametrize(("title", "conditions", "inclusion"), EARLY_HEADER_NEAR_MISSES.values(),
                         ids=EARLY_HEADER_NEAR_MISSES.keys())
def test_early_header_near_misses_stay_a_question(title: str, conditions: tuple[str, ...], inclusion: str) -> None:
    assert verdicts(trial(inclusion, title=title, conditions=conditions)) == ALL_UN


def test_stage_iii_profile_stays_a_question_on_an_early_header() -> None:
    title, conditions, inclusion = EARLY_HEADER["frozen-section-nodule"]
    assert verdicts(trial(inclusion, title=title, conditions=conditions), stage="III") == ALL_UN


# ---------------------------------------------------------------- invented whole profiles
def _profile(histology: str | None, stage: str | None = "IV") -> Profile:
    return profile_from_dict({"id": "invented", "age": 66, "sex": "female", "histology": histology, "stage": stage,
                              "biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "tested_negative": ["EGFR"],
                              "pdl1_tps": 1, "prior_therapies": [], "prior_lines": 0, "ecog": 2,
                              "brain_metastases": None})


@pytest.mark.parametrize(("histology", "stage", "expected"), [
    ("large cell", "IV", EL), ("nsclc-nos", "IV", UN), ("squamous", "IV", EX), ("adenocarcinoma", "IV", EL),
    (None, "IV", UN), ("adenocarcinoma", None, UN),
])
def test_invented_profiles_on_a_not_curable_non_squamous_trial(histology: str | None, stage: str | None,
                                                                expected: str) -> None:
    text = trial("* Non-squamous NSCLC (stage IIIB/IIIC) not eligible for curative resection, or stage IV")
    assert disease.check(disease.parse(text), _profile(histology, stage)).verdict == expected


@pytest.mark.parametrize("histology", ["large cell", "nsclc-nos", "squamous", None])
def test_invented_profiles_on_a_stage_iii_list(histology: str | None) -> None:
    inclusion, exclusion = LISTED_EARLY["stage-iiia-iiib-iiic-life-expectancy"]
    rules = disease.parse(trial(inclusion, exclusion))
    assert disease.check(rules, _profile(histology)).verdict == EX
    assert disease.check(rules, _profile(histology, stage=None)).verdict == UN
