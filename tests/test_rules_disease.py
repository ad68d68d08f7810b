"""Disease rules: stage scope, histology and cancer type, on real title and criteria sentences."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile

HISTOLOGIES = ("adenocarcinoma", "squamous", "large cell", "nsclc-nos")
EL, UN, EX = "eligible", "unknown", "excluded"


def trial(inclusion: str = "", exclusion: str = "", title: str = "A study in NSCLC",
          conditions: tuple[str, ...] = ("NSCLC",)) -> TrialText:
    return invented_trial(inclusion, exclusion, title, conditions)


def verdicts(text: TrialText) -> tuple[str, ...]:
    """Verdicts for stage IV adenocarcinoma, squamous, large cell and NSCLC-NOS, in that order."""
    rules = disease.parse(text)
    return tuple(disease.check(rules, Profile(stage="IV", histology=h)).verdict for h in HISTOLOGIES)


ALL_EL, ALL_EX = (EL, EL, EL, EL), (EX, EX, EX, EX)
NON_SQUAMOUS = (EL, EX, EL, UN)

# id -> (inclusion, exclusion, title or "", expected for adenocarcinoma, squamous, large cell, nsclc-nos)
CASES = {
    "stage-ii-iii-non-operable-excludes-stage-iv": (
        "* Histologically or cytologically confirmed diagnosis of NSCLC\n"
        "* Stage II/III non-operable disease, without malignant pleural effusion", "",
        "Olaparib Dose Escalating Trial + Concurrent RT With or Without Cisplatin in Locally Advanced NSCLC", ALL_EX),
    "tnm-m0-stage-ii-or-iii-excludes-stage-iv": (
        "* Cytologically or histologically proven NSCLC\n* T2-4 N0-3 M0 disease (stage II or III, inoperable)", "",
        "PET Response During Chemoradiation of Lung Cancer", ALL_EX),
    "locally-recurrent-stage-iii-is-not-metastatic": (
        "* Patients must have histologically or cytologically documented diagnosis of NSCLC with a locally advanced, "
        "or locally recurrent, unresectable (stage III) disease", "", "", ALL_EX),
    "resectable-stage-ib-iiia-excludes-stage-iv": (
        "* Previously untreated, histologically confirmed resectable stage IB-IIIA NSCLC (AJCC 9th edition staging);",
        "* Presence of locally advanced unresectable or metastatic disease;",
        "Tislelizumab Combined With Thoracic Radiotherapy as Neoadjuvant Therapy for Resectable NSCLC", ALL_EX),
    "unicode-numerals-stage-ia2-ii-resected-excludes": (
        "* Stage IA2-II non-small cell cancer patients who after complete resection.", "",
        "Adaptive Therapy for Resected Stage ⅠA2-Ⅱ NSCLC Patients With Undetectable MRD", ALL_EX),
    "stage-iiib-or-iv-takes-stage-iv": (
        "* Histologically or cytologically confirmed non-small cell lung cancer, stage IIIB or IV", "", "", ALL_EL),
    "stage-iii-b-slash-iv-with-space-takes-stage-iv": (
        "* Histologically confirmed Stage III B/IV NSCLC", "", "", ALL_EL),
    "operable-after-discussion-is-early": (
        "* histological diagnosis of NSCLC technically operable following multidisciplinary discussion", "", "",
        ALL_EX),
    "stage-iiib-c-or-iv-letter-list-takes-stage-iv": (
        "* Have histologically- or cytologically-confirmed diagnosis of StageIIIB/C or IV NSCLC.", "", "", ALL_EL),
    "unicode-stage-iiib-to-iv-non-squamous": (
        "* Histological/cytological confirmed unresectable stage ⅢB～Ⅳ non-squamous NSCLC", "", "", NON_SQUAMOUS),
    "locally-advanced-or-metastatic-takes-stage-iv": (
        "* Histologically or cytologically confirmed locally advanced or metastatic NSCLC, who is not suitable for "
        "radical surgery or radiotherapy.", "", "", ALL_EL),
    "not-amenable-to-curative-surgery-is-not-early": (
        "* Histologically or cytologically documented, locally advanced or metastatic NSCLC not amenable to curative "
        "surgery or radiotherapy", "", "", ALL_EL),
    "prior-adjuvant-therapy-allowed-is-not-early": (
        "* Stage IV NSCLC;\n* Prior adjuvant and neo-adjuvant therapy is permitted if performed more than 12 months "
        "before registration;", "", "", ALL_EL),
    "treated-for-stage-i-iii-is-not-the-enrolled-stage": (
        "* Stage IIIB or IV NSCLC\n* Disease relapse within 6 months after adjuvant platinum-based chemotherapy for "
        "stage I-III NSCLC", "", "", ALL_EL),
    "oligometastatic-count-is-unknown": (
        "* Stage IV metastatic disease\n* Patients with 1 to 5 metastases in total, in no more than 3 organs", "", "",
        (UN, UN, UN, UN)),
    "oligometastatic-consolidation-is-stage-iv-not-early": (
        "* Oligometastatic NSCLC", "", "Local Consolidative Therapy for Oligometastatic NSCLC", (UN, UN, UN, UN)),
    "with-or-without-distant-metastases-is-not-a-limit": (
        "* NSCLC with or without distant metastases", "", "", ALL_EL),
    "no-stage-stated-is-eligible": (
        "* Histologically or cytologically confirmed diagnosis of NSCLC", "", "", ALL_EL),
    "metastatic-excluded-in-exclusions": (
        "* Histologically confirmed NSCLC", "* Evidence of distant metastases", "", ALL_EX),
    "brain-metastatic-disease-exclusion-is-not-stage": (
        "* Stage IV NSCLC", "* Known uncontrolled or symptomatic central nervous system metastatic disease.", "",
        ALL_EL),
    "liver-metastases-lab-limit-is-not-stage": (
        "* Stage IV NSCLC\n* ALT ≤2.5 × ULN in patients without liver metastases", "", "", ALL_EL),
    "non-squamous-inclusion-excludes-squamous": (
        "* Histologically or cytologically confirmed diagnosis of non-squamous-cell non-small cell lung cancer "
        "(NSCLC) Stage IV", "", "", NON_SQUAMOUS),
    "squamous-exclusion-excludes-squamous": (
        "* Pathologically diagnosed late (stage IIIB, stage IV) non-squamous non-small cell lung cancer",
        "* 1. Squamous cell carcinoma (including adenosquamous carcinoma); Small cell lung carcinoma", "",
        NON_SQUAMOUS),
    "squamous-over-ten-percent-excluded": (
        "* Stage IV NSCLC", "* Squamous cell > 10%. If small cell types are present, the subject is not eligible.", "",
        NON_SQUAMOUS),
    "skin-squamous-cancer-bullet-is-not-histology": (
        "* Stage IV NSCLC", "* Any previous malignancy except adequately treated basal or squamous cell carcinoma of "
        "the skin", "", ALL_EL),
    "adenocarcinoma-title-only-excludes-squamous": (
        "", "", "A Retrospective Study in Patients With Advanced Non Small Cell Lung Cancer (NSCLC) of "
        "Adenocarcinoma Histology", (EL, EX, EX, UN)),
    "squamous-only-trial-excludes-adenocarcinoma": (
        "* Stage IV squamous cell carcinoma of the lung", "", "", (EX, EL, EX, UN)),
    "squamous-or-non-squamous-is-any-histology": (
        "* Stage IV squamous or non-squamous NSCLC", "", "", ALL_EL),
    "non-squamous-testing-rule-is-not-a-limit": (
        "* Stage IV NSCLC\n* Participants with nonsquamous tumors were required to have available genetic testing "
        "to confirm without EGFR, ALK, or ROS1 driver mutations;", "", "", ALL_EL),
    # One cohort's histology in a trial taking NSCLC of any histology: cohort B is open to squamous and NOS disease
    # (tests/test_rules_disease_histology_one_group.py); the test id is kept from when this was a question.
    "cohort-only-histology-limit-is-unknown": (
        "* Stage IV NSCLC\n* Cohort A: non-squamous NSCLC\n* Cohort B: NSCLC with EGFR mutation", "", "",
        ALL_EL),
    "small-cell-lung-cancer-only-trial-excluded": (
        "* Histologically confirmed extensive-stage SCLC", "", "Study in Extensive-Stage Small Cell Lung Cancer",
        ALL_EX),
    "solid-tumour-basket-takes-nsclc": (
        "* Advanced or metastatic solid tumor", "", "Drug X in Advanced Solid Tumors", ALL_EL),
}

UN_ALL = (UN, UN, UN, UN)
SQUAMOUS_ONLY = (EX, EL, EX, UN)
SQUAMOUS_UNSURE = (EL, UN, EL, UN)

# Kinds of sentence first misread on unseen trials; every case is invented wording of its kind.
KINDS = {
    # Stage I-III written as a range, and metastatic disease named in the exclusions.
    "stage-ib-to-iiia-range": ("* Completely resected stage IB to IIIA NSCLC", "", "", ALL_EX),
    "stages-ii-iiib-range": ("* Pathologically confirmed stages II-IIIB non-small cell lung cancer", "", "", ALL_EX),
    "stage-i-en-dash-iiia": ("* Stage I–IIIA NSCLC eligible for lobectomy", "", "", ALL_EX),
    "stage-iia-through-iiib": ("* Clinical stage IIA through IIIB NSCLC", "", "", ALL_EX),
    "stage-arabic-1-3": ("* Newly diagnosed NSCLC, stage 1-3, planned for surgery", "", "", ALL_EX),
    "known-distant-metastasis-excluded": ("* Histologically confirmed NSCLC", "* Known distant metastasis", "", ALL_EX),
    "distant-metastases-on-imaging-excluded": (
        "* Histologically confirmed NSCLC", "* Known distant metastases on PET-CT or brain MRI", "", ALL_EX),
    "metastatic-disease-m1-excluded": ("* Histologically confirmed NSCLC", "* Metastatic disease (M1)", "", ALL_EX),
    "distant-metastases-at-any-site-excluded": (
        "* Histologically confirmed NSCLC", "* Distant metastatic disease (M1) at any site", "", ALL_EX),
    # Metastases outside the chest are only part of stage IV (M1a disease stays inside it): a question.
    "distant-metastases-outside-the-thorax-asks": (
        "* Histologically confirmed NSCLC", "* Presence of distant metastases outside the thorax", "", UN_ALL),
    "metastatic-disease-not-measurable-is-a-question": (
        "* Histologically confirmed NSCLC", "* Metastatic disease that is not measurable", "", UN_ALL),
    "metastatic-disease-confined-to-bone-is-a-question": (
        "* Histologically confirmed NSCLC", "* Metastatic disease confined to bone only", "", UN_ALL),
    "metastatic-nsclc-with-a-driver-is-a-question": (
        "* Histologically confirmed NSCLC", "* Metastatic NSCLC with an actionable driver", "", UN_ALL),
    "metastatic-disease-at-surgery-excluded": (
        "* Histologically confirmed NSCLC", "* Metastatic disease at the time of surgery", "", ALL_EX),
    "extrathoracic-metastatic-spread-asks": (
        "* Histologically confirmed NSCLC", "* Evidence of extrathoracic metastatic spread", "", UN_ALL),
    # Curative or early wording turned away earlier in the clause, or "... is not possible" after it.
    "not-amenable-to-treatment-with-curative-intent": (
        "* NSCLC not amenable to treatment with curative intent", "", "", ALL_EL),
    "no-longer-candidates-for-curative-intent": (
        "* NSCLC, no longer candidates for curative-intent therapy", "", "", ALL_EL),
    "not-suitable-for-a-list-of-curative-options": (
        "* Disease not suitable for curative surgery, radiotherapy or chemoradiotherapy", "", "", ALL_EL),
    "curative-treatment-not-an-option": ("* NSCLC for whom curative treatment is not an option", "", "", ALL_EL),
    "curative-radiotherapy-not-possible": (
        "* Unresectable NSCLC where surgery or radiotherapy with curative intent is not possible", "", "", ALL_EL),
    "refused-surgery": ("* NSCLC in patients who refused or are not candidates for surgery", "", "", ALL_EL),
    "after-failure-of-consolidation": ("* NSCLC after failure of consolidation therapy", "", "", ALL_EL),
    "unresectable-for-concurrent-chemoradiotherapy-is-early": (
        "* Unresectable, locally advanced NSCLC eligible for concurrent chemoradiotherapy", "", "", ALL_EX),
    "untreated-locally-advanced-for-chemoradiation-is-early": (
        "* Untreated locally advanced NSCLC, not yet staged by PET, planned for definitive chemoradiation", "", "",
        ALL_EX),
    # Criteria whose purpose is not the disease enrolled (the shared reader): washouts, samples, other cancers.
    "washout-since-resection-is-not-early": (
        "* Histologically confirmed NSCLC\n* At least 4 weeks since surgical resection", "", "", ALL_EL),
    "washout-no-resection-within-weeks": (
        "* Histologically confirmed NSCLC\n* No surgical resection within 4 weeks before enrolment", "", "", ALL_EL),
    "tissue-from-a-resected-specimen-is-not-early": (
        "* Histologically confirmed NSCLC\n* Tumour tissue from a resected specimen or a core biopsy must be "
        "available", "", "", ALL_EL),
    "exclusion-section-permission-is-not-an-exclusion": (
        "* Histologically confirmed NSCLC", "* Tumours with a squamous cell component of up to 10% are eligible", "",
        ALL_EL),
    "archival-sample-from-resection-is-not-early": (
        "* Histologically confirmed NSCLC\n* Archival tissue from the resected primary tumour, or a fresh biopsy", "",
        "", ALL_EL),
    "another-malignancy-stage-is-not-the-enrolled-stage": (
        "* Histologically confirmed NSCLC\n* Another malignancy, stage I-II, treated with curative intent is "
        "allowed", "", "", ALL_EL),
    "second-primary-with-distant-metastases-is-not-stage": (
        "* Histologically confirmed NSCLC", "* Second primary cancer with distant metastases", "", ALL_EL),
    "second-primary-adenocarcinoma-is-not-histology": (
        "* Stage IV NSCLC\n* A second primary adenocarcinoma treated with curative intent is allowed", "", "",
        ALL_EL),
    "adjuvant-radiotherapy-of-metastases-is-not-early": (
        "* Histologically confirmed NSCLC\n* Able to undergo adjuvant radiotherapy of bone metastases", "", "",
        ALL_EL),
    "stage-range-with-a-surgery-window-is-still-early": (
        "* Completely resected stage IB-IIIA NSCLC, surgery within 4 to 12 weeks before randomisation", "", "",
        ALL_EX),
    # "or higher": every stage from there on.
    "stage-iiib-or-higher": ("* NSCLC stage IIIB or higher", "", "", ALL_EL),
    "stage-iii-and-above": ("* Clinical stage III and above non-small cell lung cancer", "", "", ALL_EL),
    "stage-iiib-plus": ("* Stage IIIB+ NSCLC", "", "", ALL_EL),
    # A stage named with a relapse or a first diagnosis is where the disease started, not the stage enrolled.
    "relapse-after-stage-i-iii": ("* Relapse after stage I-III NSCLC treated with curative intent", "", "", ALL_EL),
    "recurrent-after-stage-ib-iiia": (
        "* Recurrent disease following surgery for stage IB-IIIA non-small cell lung cancer", "", "", ALL_EL),
    "initially-diagnosed-stage-ii-iii": (
        "* Patients initially diagnosed with stage II-III disease who have since progressed", "", "", ALL_EL),
    "previously-untreated-stage-ii-iii-is-still-early": (
        "* Previously untreated stage II-IIIA NSCLC", "", "", ALL_EX),
    # A metastatic exclusion with a count or a condition limits which metastatic disease: a question.
    "exclusion-more-than-n-metastatic-sites": (
        "* Histologically confirmed NSCLC", "* Stage IV disease with more than 5 metastatic sites", "", UN_ALL),
    "exclusion-at-least-n-distant-metastases": (
        "* Histologically confirmed NSCLC", "* Patients with ≥ 4 distant metastases", "", UN_ALL),
    "exclusion-distant-metastases-not-amenable": (
        "* Histologically confirmed NSCLC", "* Distant metastases not amenable to SBRT", "", UN_ALL),
    "exclusion-metastases-in-several-organs": (
        "* Histologically confirmed NSCLC", "* Distant metastatic disease in three or more organs", "", UN_ALL),
    # A title's "oligometastatic" says whom the study has in mind; only a criterion limits the count.
    "oligometastatic-title-only-is-stage-iv": (
        "* Stage IV NSCLC", "", "Ablative Radiotherapy for Oligometastatic Non-Small Cell Lung Cancer", ALL_EL),
    "oligometastatic-title-with-count-in-criteria": (
        "* Stage IV NSCLC\n* No more than 3 metastatic lesions", "", "Radiotherapy in Oligometastatic NSCLC", UN_ALL),
    "title-adjuvant-still-early": ("* Histologically confirmed NSCLC", "", "Adjuvant Drug V in Resected NSCLC", ALL_EX),
    # Small cell lung cancer only, under a title that says "lung cancer".
    "sclc-inclusion-under-lung-cancer-title": (
        "* Histologically confirmed small cell lung cancer", "", "A Study of Drug X in Lung Cancer", ALL_EX),
    "extensive-stage-sclc-under-lung-cancer-title": (
        "* Extensive-stage small-cell lung carcinoma after one line of platinum", "", "Lung Cancer Trial", ALL_EX),
    "es-sclc-abbreviation-only": ("* Measurable ES-SCLC", "", "Maintenance Therapy in Lung Cancer", ALL_EX),
    "sclc-cohort-beside-an-unnamed-cohort-is-a-question": (
        "* Cohort A: tumours with an NRG1 fusion\n* Cohort B (SCLC): extensive-stage small cell lung cancer", "",
        "Drug Z in Lung Cancer", UN_ALL),
    "lung-cancer-small-or-non-small-is-nsclc": (
        "* Stage IV lung cancer (small cell or non-small cell)", "", "Lung Cancer Exercise Study", ALL_EL),
    "lung-cancer-in-inclusion-is-not-sclc-only": (
        "* Any lung cancer\n* Small cell lung cancer patients must have completed chemotherapy", "",
        "Symptom Study in Lung Cancer", ALL_EL),
    "nsclc-transformed-to-small-cell-is-a-question": (
        "* SCLC, or NSCLC with transformation to small cell lung cancer", "", "Drug Y in Lung Cancer", UN_ALL),
    "no-transformation-is-plain-nsclc": (
        "* Histologically confirmed NSCLC without evidence of transformation to small cell lung cancer", "", "",
        ALL_EL),
    "transformation-mentioned-in-an-nsclc-trial": (
        "* Metastatic NSCLC, including NSCLC with mixed squamous histology or transformation to small cell", "", "",
        ALL_EL),
    # Baskets: a tumour list that leaves NSCLC out may or may not take it; one that names it takes it.
    "basket-listing-other-cancers-only": (
        "* Advanced solid tumours including breast, ovarian and endometrial cancers", "",
        "Drug X in Advanced Solid Tumors", UN_ALL),
    "basket-such-as-other-cancers": (
        "* Metastatic solid tumour such as melanoma, renal cell carcinoma or sarcoma", "",
        "A First-in-Human Study of Z in Solid Tumours", UN_ALL),
    "basket-excluding-lung-cancer": (
        "* Advanced solid tumours, excluding lung cancer", "", "Drug X in Solid Tumours", ALL_EX),
    "basket-other-than-nsclc": ("* Any solid tumour type other than NSCLC", "", "Drug X in Solid Tumours", ALL_EX),
    "basket-other-than-nsclc-beside-an-nsclc-cohort": (
        "* Advanced solid tumours other than NSCLC\n* Cohort B: NSCLC with EGFR mutation", "",
        "Drug X in Solid Tumours", ALL_EL),
    "malignancy-history-other-than-lung-cancer-is-not-a-list": (
        "* Lung cancer\n* No malignancy other than lung cancer within 5 years", "", "Exercise in Lung Cancer",
        ALL_EL),
    "basket-with-no-list-takes-nsclc": ("* Advanced solid tumor", "", "Drug X in Advanced Solid Tumors", ALL_EL),
    "basket-list-naming-lung-cancer": (
        "* Advanced solid tumours including breast, lung and ovarian cancers", "", "Drug X in Solid Tumors", ALL_EL),
    # A histology word of another organ's cancer says nothing about the lung.
    "other-organ-histologies-in-a-tumour-list": (
        "* Eligible tumour types: NSCLC, breast cancer, head and neck squamous cell carcinoma or prostate "
        "adenocarcinoma", "", "", ALL_EL),
    "other-organ-histology-after-of-the": (
        "* Advanced NSCLC\n* Cohort C: squamous cell carcinoma of the oesophagus after one line", "", "", ALL_EL),
    "other-organ-cohort-sentence": (
        "* Advanced NSCLC\n* Arm 4: metastatic pancreatic ductal adenocarcinoma after gemcitabine", "", "", ALL_EL),
    "escaped-ampersand-head-neck": (
        "* Tumour types: NSCLC, Head \\& Neck Squamous Cell Carcinoma, colorectal cancer", "", "", ALL_EL),
    "lung-histology-examples-in-a-list-of-cancers": (
        "* One of: melanoma, colorectal cancer, or non-small cell lung cancer (e.g. adenocarcinoma, squamous cell "
        "carcinoma, large cell carcinoma)", "", "", ALL_EL),
    "lung-histology-in-a-list-of-cancers-still-counts": (
        "* Metastatic squamous NSCLC or metastatic head and neck cancer", "", "", SQUAMOUS_ONLY),
    "organ-word-that-is-not-a-cancer": (
        "* Stage IV disease\n* Non-squamous histology and able to take oral medication", "", "", NON_SQUAMOUS),
    "organ-function-beside-a-histology": (
        "* Stage IV disease\n* Adenocarcinoma histology with liver function tests within normal limits", "", "",
        (EL, EX, EX, UN)),
    "example-histology-is-not-a-limit": ("* Stage IV NSCLC (for example adenocarcinoma)", "", "", ALL_EL),
    "reference-to-another-protocol-title": (
        "* Stage IV NSCLC\n* Patients must meet all criteria as described in the umbrella protocol: Biomarker "
        "Study for Squamous Cell Lung Cancer", "", "", ALL_EL),
    "master-protocol-reference": (
        "* Recurrent NSCLC registered to the master protocol for previously treated non-squamous NSCLC", "", "",
        ALL_EL),
    # Conditions of a multi-cancer trial: only a condition that names the lung speaks for its histology.
    "basket-condition-other-organ-adenocarcinoma": (
        "* Advanced NSCLC, melanoma or gastric cancer", "", "", ALL_EL),
    # A histology naming the group a condition is set for is not a limit on everyone.
    "subjects-with-squamous-histology-must": (
        "* Stage IV NSCLC\n* Subjects with squamous histology must have PD-L1 TPS ≥ 1%", "", "", ALL_EL),
    "participants-having-adenocarcinoma-should": (
        "* Stage IV NSCLC\n* Participants having adenocarcinoma should have a known KRAS status", "", "", ALL_EL),
    "non-squamous-patients-heading": (
        "* Stage IV NSCLC\n* Non-squamous patients: EGFR and ALK wild-type", "", "", ALL_EL),
    "squamous-patients-must": (
        "* Metastatic NSCLC\n* Squamous NSCLC patients must have received a platinum doublet", "", "", ALL_EL),
    "large-cell-named-bare": (
        "* Metastatic NSCLC of adenocarcinoma, large cell or NOS histology", "", "", (EL, EX, EL, EL)),
    "large-cell-neuroendocrine-is-not-large-cell": (
        "* Non-squamous NSCLC; large cell neuroendocrine carcinoma is not eligible", "", "", NON_SQUAMOUS),
    "bare-squamous-in-a-histology-list": (
        "* Stage IV disease\n* Histologically confirmed NSCLC (adenocarcinoma, squamous or large cell)", "", "",
        ALL_EL),
    "histology-component-is-not-a-limit": ("* Stage IV disease\n* NSCLC with an adenocarcinoma component", "", "",
                                           ALL_EL),
    "other-histologies-eligible-widens": (
        "* Stage IV disease\n* Adenocarcinoma of lung origin; other histologies eligible after sponsor approval",
        "", "", ALL_EL),
    "non-predominant-squamous-with-a-share": (
        "* Stage IV NSCLC\n* Non-predominant squamous subtype (<50% squamous cells)", "", "", NON_SQUAMOUS),
    "squamous-only-bare-word": ("* Metastatic NSCLC of squamous histology only", "", "", SQUAMOUS_ONLY),
    # Polarity: a histology the inclusion list shuts out, or lets in as well.
    "inclusion-histology-not-eligible": (
        "* Advanced NSCLC; squamous cell carcinoma is not eligible", "", "", NON_SQUAMOUS),
    "inclusion-any-histology-except": (
        "* Advanced NSCLC of any histology except squamous cell carcinoma", "", "", NON_SQUAMOUS),
    "inclusion-histology-will-be-excluded": (
        "* Metastatic NSCLC. Adenocarcinoma histology will be excluded.", "", "", (EX, EL, EL, UN)),
    "inclusion-histology-shut-out-for-some-cohorts": (
        "* Metastatic NSCLC\n* Cohorts 2 and 5 only: squamous tumours are not allowed", "", "", ALL_EL),
    "inclusion-mixed-histology-allowed": (
        "* Advanced NSCLC; mixed adenosquamous or squamous cell histology is allowed", "", "", ALL_EL),
    "inclusion-squamous-also-permitted": (
        "* Advanced NSCLC. Squamous cell carcinoma is also permitted.", "", "", ALL_EL),
    # Exclusions that name the histologies taken ("other than ...") or only a mixed component.
    "exclusion-histology-other-than-two": (
        "* Stage IV NSCLC", "* Tumours of a histology other than adenocarcinoma or squamous cell carcinoma", "",
        (EL, EL, EX, UN)),
    "exclusion-histology-besides-one": (
        "* Stage IV NSCLC", "* Histological subtypes besides adenocarcinoma (e.g. squamous, large cell)", "",
        (EL, EX, EX, UN)),
    "exclusion-other-than-with-any-histology-inclusion": (
        "* Stage IV NSCLC\n* NOTE: squamous or non-squamous disease may enrol",
        "* NSCLC histologies other than squamous and/or adenocarcinoma, including large cell", "", (EL, EL, EX, UN)),
    "exclusion-mixed-squamous-is-not-pure-squamous": (
        "* Stage IV NSCLC", "* NSCLC with mixed squamous histology or transformation to small cell", "",
        SQUAMOUS_UNSURE),
    "exclusion-mixed-squamous-component": (
        "* Metastatic NSCLC", "* Mixed histology with a squamous component", "", SQUAMOUS_UNSURE),
    "exclusion-mixed-squamous-beside-a-firm-inclusion": (
        "* Stage IV squamous cell carcinoma or adenocarcinoma of the lung",
        "* Tumours with mixed squamous histology", "", (EL, UN, EX, UN)),
    "exclusion-pure-squamous-still-excludes": (
        "* Metastatic NSCLC", "* Squamous cell histology", "", NON_SQUAMOUS),
    "exclusion-other-organ-squamous-is-not-lung": (
        "* Metastatic NSCLC", "* Squamous cell carcinoma of the head and neck", "", ALL_EL),
    "inclusion-negated-histology-is-a-question": (
        "* Advanced NSCLC without squamous cell histology", "", "", SQUAMOUS_UNSURE),
    # Screening and prevention: people without lung cancer; never a study that also takes patients with it.
    "screening-no-history-of-lung-cancer": (
        "* Adults aged 50-80 with at least 20 pack-years\n* No prior history of lung cancer", "",
        "Low-Dose CT Screening for Lung Cancer", ALL_EX),
    "screening-without-a-diagnosis-of-nsclc": (
        "* Healthy adults without a diagnosis of NSCLC", "", "Breath Test Study", ALL_EX),
    "screening-exclusion-known-or-suspected": (
        "* Current or former smokers aged 55-77", "* Known or suspected lung cancer", "Blood Test for Early Detection",
        ALL_EX),
    "screening-exclusion-history-within-years": (
        "* Current or former smokers", "* History of lung cancer within the past 5 years", "", ALL_EX),
    "cases-and-controls-are-not-screening": (
        "* NSCLC patients\n* Patients without NSCLC", "", "Channel Expression in NSCLC", ALL_EL),
    "another-primary-lung-cancer-is-not-screening": (
        "* Stage IV NSCLC", "* History of another primary lung cancer within 3 years", "", ALL_EL),
    "malignancy-other-than-lung-cancer-is-not-screening": (
        "* Stage IV NSCLC", "* Prior malignancy other than lung cancer", "", ALL_EL),
    "lung-cancer-surgery-history-is-not-screening": (
        "* Advanced solid tumour\n* No prior lung cancer surgery within 4 weeks", "", "", ALL_EL),
    "lung-cancer-with-a-marker-exclusion-is-not-screening": (
        "* Advanced solid tumours", "* NSCLC with an EGFR mutation", "", ALL_EL),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "title", "expected"), KINDS.values(), ids=KINDS.keys())
def test_disease_kind(inclusion: str, exclusion: str, title: str, expected: tuple[str, ...]) -> None:
    text = trial(inclusion, exclusion, title, (title,)) if title else trial(inclusion, exclusion)
    assert verdicts(text) == expected


# Scope (the shared reader's): another cancer's cohort is not read; one part's stage limit is a question.
SCOPES = {
    "other-cancer-part-early-stage-not-read": (
        "* Part 1A: metastatic NSCLC\n* Part 1B (ER+ breast cancer): resected early-stage disease after adjuvant "
        "therapy", "", ALL_EL),
    "other-cancer-condition-histology-not-read": (
        "* Advanced NSCLC\n* Patients with head and neck cancer must have squamous cell carcinoma histology", "",
        ALL_EL),
    "glioblastoma-cohort-resection-not-read": (
        "* Stage IV NSCLC\n* Participants with glioblastoma must have undergone surgical resection", "", ALL_EL),
    "one-arm-stage-range-is-a-question": (
        "* Histologically confirmed NSCLC\n* Stage IB-IIIA NSCLC (Arm 2 only)", "", UN_ALL),
    "one-part-metastasis-exclusion-is-a-question": (
        "* Histologically confirmed NSCLC", "* Distant metastases (Part B only)", UN_ALL),
    "dose-escalation-heading-resectable-is-a-question": (
        "* Dose escalation: resectable stage II-III NSCLC", "", UN_ALL),
    "marker-group-stage-limit-is-a-question": (
        "* Histologically confirmed NSCLC\n* Patients with EGFR mutation must have completely resected stage "
        "II-IIIA disease", "", UN_ALL),
    "another-phase-takes-metastatic-disease": (
        "* Phase 1b: resectable stage II-III NSCLC\n* Phase 2: metastatic NSCLC", "", ALL_EL),
    "sclc-cohort-beside-a-lung-cancer-cohort": (
        "* Cohort B (SCLC): extensive-stage small cell lung cancer\n* Cohort A: lung cancer with EGFR mutation", "",
        ALL_EL),
    "condition-naming-nsclc-is-about-everyone": (
        "* Patients with NSCLC must have non-squamous histology", "", NON_SQUAMOUS),
    "marker-group-histology-limit-is-a-question": (
        "* Stage IV NSCLC\n* Patients with EGFR mutation must have adenocarcinoma histology", "", (EL, UN, UN, UN)),
    "one-cohort-histology-limit-is-a-question": (
        "* Cohort 1 (sarcoma): any histology\n* Cohort 2: non-squamous NSCLC", "", (EL, UN, EL, UN)),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "expected"), SCOPES.values(), ids=SCOPES.keys())
def test_disease_scope(inclusion: str, exclusion: str, expected: tuple[str, ...]) -> None:
    assert verdicts(trial(inclusion, exclusion)) == expected


def test_a_part_scoped_stage_limit_says_which_part() -> None:
    rules = disease.parse(trial("* Histologically confirmed NSCLC\n* Stage IB-IIIA NSCLC (Arm 2 only)"))
    finding = disease.check(rules, Profile(stage="IV", histology="adenocarcinoma"))
    assert finding.verdict == UN
    assert finding.evidence == "Stage IB-IIIA NSCLC (Arm 2 only)"
    assert "Arm 2" in finding.reason

# (title, conditions, expected): a basket's conditions name several cancers, each with its own histology.
HEADERS = {
    "gastric-adenocarcinoma-condition": (
        "Anti-PD-1 Therapy in Solid Tumours", ("Melanoma", "NSCLC", "Gastric Adenocarcinoma"), ALL_EL),
    "bare-squamous-condition-in-a-basket": (
        "Drug W for Brain Metastases of Solid Tumours",
        ("Glioblastoma", "Non-small Cell Lung Cancer", "Squamous Cell Carcinoma", "Melanoma"), ALL_EL),
    "pdac-condition": ("KO-1 in Advanced Solid Tumors", ("NSCLC", "Pancreatic Ductal Adenocarcinoma (PDAC)"),
                       ALL_EL),
    "organ-word-in-title-is-not-a-basket": (
        "Oral Drug T in Lung Cancer", ("Adenocarcinoma",), (EL, EX, EX, UN)),
    "title-after-progression-on-adjuvant": (
        "Drug Y After Progression on Adjuvant Osimertinib", ("Non-small Cell Lung Cancer",), ALL_EL),
    "title-metastatic-cohorts-beside-perioperative": (
        "Perioperative and Metastatic Cohorts of Drug W in NSCLC", ("NSCLC",), ALL_EL),
    "squamous-lung-condition-still-counts": (
        "Drug V in Squamous NSCLC", ("Squamous Non-small Cell Lung Cancer",), SQUAMOUS_ONLY),
    "sclc-condition-under-lung-cancer-title-is-a-question": (
        "Consolidative Radiotherapy in Lung Cancer", ("Small Cell Lung Cancer", "Lung Cancer"), UN_ALL),
    "lung-cancer-conditions-naming-both-take-nsclc": (
        "Exercise in Lung Cancer", ("Small Cell Lung Cancer", "Non-small Cell Lung Cancer"), ALL_EL),
    "any-cancer-study-listing-other-cancers": (
        "Exercise for People With Any Cancer", ("Breast Cancer", "Colorectal Cancer", "Prostate Cancer"), UN_ALL),
    "other-cancers-only": ("Drug X in Breast and Prostate Cancer", ("Breast Cancer", "Prostate Cancer"), ALL_EX),
    "adenocarcinoma-condition-beside-plain-nsclc-is-a-question": (
        "Drug S in EGFR-mutant Lung Cancer", ("Non-small Cell Lung Cancer", "Lung Adenocarcinoma"), (EL, UN, UN, UN)),
    "adenocarcinoma-condition-alone-still-limits": (
        "Drug S in EGFR-mutant Lung Cancer", ("Lung Adenocarcinoma",), (EL, EX, EX, UN)),
    "title-in-squamous-nsclc-limits": ("Drug Q in Squamous NSCLC", ("Non-small Cell Lung Cancer",), SQUAMOUS_ONLY),
    "title-for-non-squamous-limits": (
        "A Trial of Drug P for Non-squamous NSCLC", ("Non-small Cell Lung Cancer",), NON_SQUAMOUS),
    "title-histology-with-a-basket-is-a-question": (
        "Drug R in Non-squamous NSCLC and Other Solid Tumours", ("Solid Tumor",), (EL, UN, EL, UN)),
    "basket-conditions-leave-nsclc-out": (
        "Drug U in Advanced Solid Tumors", ("Breast Cancer", "Small Cell Lung Cancer", "Ovarian Cancer"), UN_ALL),
}


@pytest.mark.parametrize(("title", "conditions", "expected"), HEADERS.values(), ids=HEADERS.keys())
def test_disease_header(title: str, conditions: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert verdicts(trial("* Advanced or metastatic disease", "", title, conditions)) == expected


@pytest.mark.parametrize(("inclusion", "exclusion", "title", "expected"), CASES.values(), ids=CASES.keys())
def test_disease_rule(inclusion: str, exclusion: str, title: str, expected: tuple[str, ...]) -> None:
    # The registry's condition list usually repeats the title's disease; NSCLC when no title is given.
    text = trial(inclusion, exclusion, title, (title,)) if title else trial(inclusion, exclusion)
    assert verdicts(text) == expected


def test_missing_histology_is_unknown_for_a_histology_limit() -> None:
    rules = disease.parse(trial("* Stage IV non-squamous NSCLC"))
    assert disease.check(rules, Profile(stage="IV", histology=None)).verdict == UN


def test_finding_quotes_the_sentence_and_explains() -> None:
    rules = disease.parse(trial("* Stage II/III non-operable disease"))
    finding = disease.check(rules, Profile(stage="IV", histology="adenocarcinoma"))
    assert finding.verdict == EX
    assert finding.evidence == "Stage II/III non-operable disease"
    assert "stage IV" in finding.reason


def test_rules_survive_a_json_round_trip() -> None:
    rules = disease.parse(trial("* Stage IIIB/IV non-squamous NSCLC", "* Squamous cell histology"))
    assert json.loads(json.dumps(rules)) == rules


# Speed on these inputs (each parse under 0.5 s, 60,000 characters of one repeated sentence under 3 s) is
# bench/bench_guards.py's to measure, on the same strategies and sentences; here each parse ends (the timeouts stop
# a backtracking hang) with rules that are stored and checked as any other.
ARBITRARY_BODY, ARBITRARY_TITLE = st.text(max_size=2000), st.text(max_size=200)
WORDS = ["stage", " IV", " III", "B", "/", "-", " or", " non", "-squamous", " squamous", " metastatic", " advanced",
         " locally", " resectable", " not", " no", " M0", " cell", " small", " lung cancer", " NSCLC", ",", ". ", " "]
NOISE = st.lists(st.sampled_from(WORDS), max_size=600)
REPEATED_SENTENCES = [
    "metastatic ", "no metastatic disease ", "stage I-", "non-squamous resectable ",
    "gastric - / ", "NSCLC other than squamous and ", "not amenable to curative ", "patients with squamous ",
    "no history of lung cancer ", "relapse after stage I-", "solid tumours excluding lung cancer ",
    "e.g. adenocarcinoma, ", "NSCLC, breast cancer, adenocarcinoma ", "small cell lung cancer transformed ",
]


def checked_by_every_histology(rules: dict[str, Any]) -> None:
    assert json.loads(json.dumps(rules)) == rules
    for histology in (*HISTOLOGIES, None):
        assert disease.check(rules, Profile(stage="IV", histology=histology)).verdict in {EX, UN, "eligible"}


@pytest.mark.timeout(600)
@settings(max_examples=200, deadline=None)
@given(ARBITRARY_BODY, ARBITRARY_TITLE)
def test_parse_never_raises(body: str, title: str) -> None:
    text = TrialText(nct_id="X", title=title, conditions=(title[:50],), criteria=tuple(split_criteria(body)))
    rules = disease.parse(text)
    json.dumps(rules)
    for histology in (*HISTOLOGIES, None):
        disease.check(rules, Profile(stage="IV", histology=histology))


@pytest.mark.timeout(600)
@settings(max_examples=100, deadline=None)
@given(NOISE)
def test_parse_survives_long_stage_like_noise(tokens: list[str]) -> None:
    body = "".join(tokens)
    checked_by_every_histology(disease.parse(trial(body, body, body[:300])))


@pytest.mark.timeout(120)
@pytest.mark.parametrize("sentence", REPEATED_SENTENCES)
def test_parse_ends_on_long_repetitive_criteria(sentence: str) -> None:
    body = sentence * (60_000 // len(sentence))
    checked_by_every_histology(disease.parse(trial(f"* {body}", f"* {body}", body[:2000])))


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("* Non-squamous NSCLC", "* NSCLC other than squamous cell carcinoma"),
    ("* Squamous NSCLC only", "* Squamous cell histology"),
])
def test_histology_asked_for_and_shut_out_is_a_question_never_an_exclusion(inclusion: str, exclusion: str) -> None:
    # Every histology the inclusion asks for is also shut out: something was misread, so nobody is excluded on it.
    found = verdicts(trial(inclusion, exclusion))
    assert EX not in found and UN in found
