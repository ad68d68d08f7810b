"""Biomarker structures from the freshest unseen trials (session 20; invented sentences and profiles only).

a. A gene symbol glued to its protein change ("KRASG12C", "EGFRL858R", "BRAFV600E") was no marker at all, so a
   requirement went unread (eligible for everyone). The symbol and the change are now read apart.
b. "One of: pancreatic cancer, NSCLC, breast carcinoma (HR+ and HER2-negative)": a marker in the brackets that open
   right after another cancer's name qualifies that cancer, not the NSCLC patient (it banned HER2 for everyone).
c. Conditions that list every cancer ("Advanced Solid Tumor", "Cancer") beside a bare gene ("EGFR", "KRAS G12C") are
   the trial's keywords, not one population: a marker only they name is a question, never a bar.
d. "Part 1: solid tumours with KRAS G12C" beside "Part 1 (combination) & Part 2: colorectal cancer ...": every other
   group named is for another cancer, so the one group is an NSCLC patient's only way in and its rule binds. Never
   when the criteria name a part the labels missed ("dose escalation", "Phase 1").
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    EGFR_G719X,
    EGFR_L858R,
    HER2_AMP,
    HER2_EX20,
    HER2_OVER,
    KRAS_G12C,
    KRAS_G12D,
    KRAS_G12V,
    MET_AMP,
    NO_DRIVER,
    NRG1,
    UNTESTED,
    inc,
    patient,
    verdict,
)
from invented import invented_trial

from trialmatch.criteria.rules import biomarker
from trialmatch.matching.profile import profile_from_dict

# An invented patient in the hidden set's schema: large cell, KRAS G12V, PD-L1 exactly 50%, prior lines unknown.
LARGE_CELL_G12V = profile_from_dict({
    "id": "invented-large-cell-g12v", "age": 71, "sex": "male", "histology": "large cell", "stage": "IV",
    "biomarkers": [{"gene": "KRAS", "alteration": "G12V"}], "tested_negative": ["EGFR", "ALK", "ROS1", "ERBB2"],
    "pdl1_tps": 50, "prior_therapies": ["carboplatin", "nab-paclitaxel"], "prior_lines": None, "ecog": 2,
    "brain_metastases": "treated_stable"})


def with_conditions(inclusion: str, conditions: Sequence[str], title: str = "A first-in-human study of XY-101",
                    profile_: object = None) -> str:
    rules = biomarker.parse(invented_trial(inclusion, "", title, conditions))
    json.dumps(rules)
    return biomarker.check(rules, profile_).verdict  # type: ignore[arg-type]


# --- a. gene glued to its change ------------------------------------------------------------------------------------

GLUED = [
    ("The tumour must show evidence of a KRASG12C mutation", "KRAS", KRAS_G12C, EGFR_19),
    ("Documented KRASG12C-mutant advanced NSCLC", "KRAS", KRAS_G12C, ALK),
    ("Tumour tissue or plasma positive for KRASG12D by a certified assay", "KRAS", KRAS_G12D, KRAS_G12C),
    ("Confirmed EGFRL858R or exon 19 deletion", "EGFR", EGFR_L858R, NO_DRIVER),
    ("Presence of an EGFRL858R substitution in tumour tissue", "EGFR", EGFR_L858R, EGFR_19),
    ("BRAFV600E-positive non-small cell lung cancer", "BRAF", BRAF_V600E, NO_DRIVER),
    ("NSCLC harbouring a BRAFV600E mutation per local testing", "BRAF", BRAF_V600E, KRAS_G12C),
    ("Locally advanced or metastatic NSCLC with KRASG12V detected in tissue", "KRAS", KRAS_G12V, KRAS_G12D),
    ("Subjects with an EGFRG719X mutation", "EGFR", EGFR_G719X, EGFR_19),
]


@pytest.mark.parametrize(("sentence", "gene", "carrier", "other"), GLUED)
def test_gene_glued_to_its_change_is_a_requirement(sentence: str, gene: str, carrier: object, other: object) -> None:
    assert verdict(inc(sentence), carrier) == "eligible"  # type: ignore[arg-type]
    assert verdict(inc(sentence), other) == "excluded"  # type: ignore[arg-type]
    assert verdict(inc(sentence), UNTESTED) == "unknown"


@pytest.mark.parametrize("sentence", [
    "Participants with a known KRASG12C mutation are excluded",
    "No documented BRAFV600E mutation",
])
def test_glued_change_in_a_ban(sentence: str) -> None:
    criteria = inc(sentence) if sentence.startswith("No ") else "Exclusion Criteria:\n\n* " + sentence + "\n"
    carrier = KRAS_G12C if "KRAS" in sentence else BRAF_V600E
    assert verdict(criteria, carrier) == "excluded"
    assert verdict(criteria, EGFR_19) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Ability to swallow METFORMIN-free tablets",  # a word that starts like a gene symbol
    "RETAIN consent for the optional biopsy",
    "Prior ALKA1 antibody therapy is allowed",
    "Adequate organ function per protocol section EGFR2 of the appendix",  # a symbol and a digit, no change
])
def test_near_miss_words_that_start_like_a_gene_set_no_rule(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"
    assert verdict(inc(sentence), UNTESTED) == "eligible"


def test_invented_large_cell_patient_against_a_glued_requirement() -> None:
    assert verdict(inc("Tumour must carry a KRASG12V or KRASG12D mutation"), LARGE_CELL_G12V) == "eligible"
    assert verdict(inc("Tumour must carry a KRASG12C mutation"), LARGE_CELL_G12V) == "excluded"


# --- b. a marker in brackets after another cancer's name ------------------------------------------------------------

OTHER_CANCERS_BRACKETS = [
    "One of the following advanced tumours: pancreatic adenocarcinoma, NSCLC, breast carcinoma (HER2 negative).",
    "One of the following: ovarian cancer, non-small cell lung cancer, breast cancer (hormone receptor-positive "
    "[HR+] and human epidermal growth factor receptor 2 negative [HER2-]) after a CDK4/6 inhibitor.",
    "Confirmed diagnosis of one of: triple negative adenocarcinoma of the breast (HER2-/ER-/PR-), colorectal "
    "adenocarcinoma, melanoma, or NSCLC.",
    "Histologically confirmed NSCLC, gastric cancer (HER2-positive), or urothelial carcinoma.",
    "Advanced solid tumour of one of these types: NSCLC, gastric or gastro-oesophageal junction adenocarcinoma "
    "(HER2 amplified), or head and neck cancer.",
    "Eligible tumours: breast cancer (BC) (ERBB2 overexpressing), lung cancer, or prostate cancer.",
    "Tumour types: colorectal cancer (KRAS wild-type), NSCLC, pancreatic cancer.",
    "One of: breast carcinoma [HER2-low, IHC 1+ or 2+/ISH negative], endometrial carcinoma, or NSCLC.",
]


@pytest.mark.parametrize("sentence", OTHER_CANCERS_BRACKETS)
def test_marker_in_brackets_after_another_cancer_binds_no_nsclc_patient(sentence: str) -> None:
    for profile_ in (HER2_EX20, HER2_AMP, HER2_OVER, NO_DRIVER, KRAS_G12C, UNTESTED):
        assert verdict(inc(sentence), profile_) == "eligible", profile_.biomarkers


@pytest.mark.parametrize(("sentence", "carrier", "other"), [
    # The brackets after lung cancer's own name bind the NSCLC patient.
    ("Non-small cell lung cancer (with EGFR exon 19 deletion or L858R), any line", EGFR_L858R, HER2_EX20),
    ("NSCLC (HER2 exon 20 insertion) or breast cancer", HER2_EX20, EGFR_19),
    ("Lung adenocarcinoma (KRAS G12C mutated)", KRAS_G12C, KRAS_G12D),
])
def test_near_miss_brackets_after_lung_cancer_still_bind(sentence: str, carrier: object, other: object) -> None:
    assert verdict(inc(sentence), carrier) == "eligible"  # type: ignore[arg-type]
    assert verdict(inc(sentence), other) in {"excluded", "unknown"}  # type: ignore[arg-type]


def test_near_miss_marker_before_the_other_cancer_still_reads_as_before() -> None:
    sentence = "NSCLC with HER2 exon 20 insertion, or HER2-positive breast cancer"
    assert verdict(inc(sentence), HER2_EX20) == "eligible"
    assert verdict(inc(sentence), EGFR_19) == "excluded"


# --- c. every-cancer conditions beside a bare gene ------------------------------------------------------------------

PAN_TUMOUR_CONDITIONS = [
    ("Advanced Solid Tumor", "NSCLC", "EGFR", "KRAS G12C"),
    ("Cancer", "Non-small Cell Lung Cancer", "EGFR"),
    ("Solid Tumor, Adult", "KRAS G12C", "Squamous Cell Lung Cancer"),
    ("Neoplasms", "EGFR Mutation"),
    ("Metastatic Cancer", "NSCLC", "ALK"),
    ("Solid Tumors", "HER2"),
    ("Malignant Neoplasm", "KRAS G12D", "Pancreatic Cancer"),
    ("Advanced Malignancies", "NRG1 Fusion", "NSCLC"),
    ("Locally Advanced Solid Tumor", "MET Amplification"),
]


@pytest.mark.parametrize("conditions", PAN_TUMOUR_CONDITIONS)
def test_bare_gene_beside_an_every_cancer_condition_is_a_question(conditions: tuple[str, ...]) -> None:
    sentence = "* Advanced solid tumour refractory to standard therapy\n* ECOG 0 or 1"
    for profile_ in (NO_DRIVER, ALK, KRAS_G12V, MET_AMP, NRG1, LARGE_CELL_G12V):
        assert with_conditions(sentence, conditions, profile_=profile_) != "excluded", (conditions, profile_.biomarkers)


def test_pan_tumour_conditions_still_let_the_carrier_in() -> None:
    sentence = "* Advanced solid tumour refractory to standard therapy"
    conditions = ("Advanced Solid Tumor", "NSCLC", "EGFR", "KRAS G12C")
    assert with_conditions(sentence, conditions, profile_=EGFR_19) == "eligible"
    assert with_conditions(sentence, conditions, profile_=KRAS_G12C) == "eligible"


@pytest.mark.parametrize(("conditions", "title", "other"), [
    # No every-cancer condition: the conditions describe one population, as before.
    (("Non-small Cell Lung Cancer", "EGFR Exon 19 Deletion"), "A study of XY-101", NO_DRIVER),
    # The title states the marker: the every-cancer condition does not soften it.
    (("Solid Tumor",), "A Phase 1 Study of XY-202 in Participants With Solid Tumours With KRAS G12D Mutation",
     KRAS_G12C),
])
def test_near_miss_header_markers_still_bind(conditions: tuple[str, ...], title: str, other: object) -> None:
    sentence = "* Advanced disease\n* ECOG 0 or 1"
    assert with_conditions(sentence, conditions, title, other) == "excluded"


# --- d. the one group open to NSCLC ---------------------------------------------------------------------------------

ONLY_WAY_IN = [
    ("* Part 1 (monotherapy): solid tumour with a KRAS G12C or KRAS G12S mutation.\n"
     "* Part 1 (combination) & Part 2: adenocarcinoma of the colon or rectum with a KRAS G12C mutation.",
     KRAS_G12C, EGFR_19),
    ("* Part 1 (monotherapy): solid tumour with a KRAS G12C or KRAS G12S mutation.\n"
     "* Part 1 (combination) \\& Part 2: adenocarcinoma of the colon or rectum with a KRAS G12C mutation.",
     KRAS_G12C, NO_DRIVER),
    ("* Cohort A: NSCLC with a MET amplification.\n* Cohort B: gastric cancer with a MET amplification.",
     MET_AMP, KRAS_G12C),
    ("* Arm 1: metastatic NSCLC harbouring an NRG1 fusion.\n* Arm 2: pancreatic cancer harbouring an NRG1 fusion.\n"
     "* Arm 3: breast cancer with an NRG1 fusion.", NRG1, patient("ALK:fusion", negative=["NRG1", "EGFR"])),
    ("* Cohort 1: advanced solid tumour with HER2 amplification or overexpression.\n"
     "* Cohort 2 and Cohort 3: HER2-positive breast cancer.", HER2_AMP, EGFR_19),
    ("* Cohort A: solid tumours with BRAF V600E.\n* Cohort B (closed): colorectal cancer with BRAF V600E.",
     BRAF_V600E, KRAS_G12D),
    ("* Group 1: NSCLC with an EGFR G719X, L861Q or S768I mutation.\n* Group 2: head and neck cancer.",
     EGFR_G719X, EGFR_19),
    ("* Part A: lung cancer with a KRAS G12D mutation.\n* Part B: pancreatic adenocarcinoma with KRAS G12D.",
     KRAS_G12D, LARGE_CELL_G12V),
]


@pytest.mark.parametrize(("criteria", "carrier", "other"), ONLY_WAY_IN)
def test_the_one_group_open_to_nsclc_binds(criteria: str, carrier: object, other: object) -> None:
    text = "Inclusion Criteria:\n\n" + criteria + "\n"
    assert verdict(text, carrier) == "eligible"  # type: ignore[arg-type]
    assert verdict(text, other) == "excluded"  # type: ignore[arg-type]
    assert verdict(text, UNTESTED) == "unknown"


@pytest.mark.parametrize("criteria", [
    # A part named by what it does may take any tumour.
    "* Dose escalation: any advanced solid tumour.\n* Cohort A: NSCLC with KRAS G12C.\n* Cohort B: colorectal cancer.",
    # A phase the labels do not read as a group of ours.
    "* Progression after standard therapy. Phase 1 - any advanced malignancy.\n  Arm A - melanoma.\n"
    "  Arm E - NSCLC with a KRAS G12C mutation.",
    # A second group that names no cancer.
    "* Cohort A: NSCLC with KRAS G12C.\n* Cohort B: any solid tumour.\n* Cohort C: colorectal cancer.",
    # Only one group, none for another cancer.
    "* Cohort A: NSCLC with KRAS G12C.",
    # A group mentioned in passing that the labels do not hold.
    "* Cohort A: NSCLC with KRAS G12C.\n* Cohort B: colorectal cancer.\n* Patients from Cohort C may cross over.",
])
def test_near_miss_another_way_in_keeps_the_question(criteria: str) -> None:
    text = "Inclusion Criteria:\n\n" + criteria + "\n"
    assert verdict(text, EGFR_19) in {"unknown", "eligible"}  # another way in: a question or an open door
    assert verdict(text, KRAS_G12C) == "eligible"
