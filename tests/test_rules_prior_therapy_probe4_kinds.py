"""Prior-therapy sentence kinds from a fourth invented-sentence probe, each a false exclusion before: a lab
threshold that names a prior drug, a toxicity or ECG finding "in patients previously treated with X", ...
A drug named there only picks whom a condition applies to; none of them may exclude on what the profile cannot
show."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS", "NRG1"]
EGFR = [{"gene": "EGFR", "alteration": "exon 19 deletion"}]
ALK = [{"gene": "ALK", "alteration": "fusion"}]
PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "null-lines": {"biomarkers": [{"gene": "NRG1", "alteration": "fusion"}], "prior_therapies": ["afatinib"],
                   "prior_lines": None},
    "osimertinib": {"biomarkers": EGFR, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "afatinib": {"biomarkers": [{"gene": "EGFR", "alteration": "G719X"}], "prior_therapies": ["afatinib"],
                 "prior_lines": 1},
    "dacomitinib": {"biomarkers": [{"gene": "EGFR", "alteration": "L861Q"}], "prior_therapies": ["dacomitinib"],
                    "prior_lines": 1},
    "gefitinib": {"biomarkers": EGFR, "prior_therapies": ["gefitinib"], "prior_lines": 1},
    "alectinib": {"biomarkers": ALK, "prior_therapies": ["alectinib"], "prior_lines": 1},
    "alk-two": {"biomarkers": ALK, "prior_therapies": ["alectinib", "lorlatinib"], "prior_lines": 2},
    "alk-naive": {"biomarkers": ALK, "prior_therapies": [], "prior_lines": 0},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "cisplatin": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "pemetrexed"], "prior_lines": 1},
    "paclitaxel": {"histology": "squamous", "tested_negative": ["EGFR", "ALK"], "prior_lines": 1,
                   "prior_therapies": ["carboplatin", "paclitaxel"]},
    "chemo-io-docetaxel": {"tested_negative": GENES, "prior_lines": 2,
                           "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"]},
    "stage3-chemoradiation": {"histology": "large cell", "tested_negative": ["EGFR", "ALK", "ROS1"],
                              "prior_therapies": ["cisplatin", "etoposide", "durvalumab"], "prior_lines": 0},
}
EVERYONE = list(PATIENTS)


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None) -> str:
    return prior_verdict(PATIENTS[who], inclusion or [], exclusion or [])


# --- 1. a lab or organ-function threshold that names a prior drug -------------------------------------------

LAB_THRESHOLDS = [
    "ANC \u2265 1,500/\u00b5L; patients previously treated with docetaxel require ANC \u2265 2,000/\u00b5L",
    "Absolute neutrophil count \u2265 1.5 \u00d7 10^9/L (\u2265 1.0 for patients previously treated with docetaxel)",
    "Creatinine clearance \u2265 45 mL/min; \u2265 60 mL/min for patients who previously received cisplatin",
    "CrCl >= 60 mL/min (>= 45 for patients who previously received cisplatin)",
    "Neutrophils \u2265 1.5 \u00d7 10^9/L (\u2265 1.0 \u00d7 10^9/L in patients with prior pemetrexed)",
    "Lymphocytes \u2265 0.5 \u00d7 10^9/L (prior immunotherapy patients: \u2265 0.8)",
    "Platelets \u2265 100 \u00d7 10^9/L (\u2265 75 \u00d7 10^9/L for patients who received prior carboplatin)",
    "Adequate bone marrow function (patients with prior chemotherapy: platelets \u2265 75,000/mm3)",
    "Hemoglobin >= 9 g/dL, or >= 8 g/dL in subjects previously treated with paclitaxel",
    "Total bilirubin \u2264 1.5 \u00d7 ULN (\u2264 3 \u00d7 ULN for participants who had prior pembrolizumab)",
    "LVEF \u2265 50% for patients previously treated with trastuzumab deruxtecan",
    "Creatinine clearance \u2265 60 mL/min for patients receiving cisplatin (\u2265 45 if carboplatin)",
    "Platelet count of at least 100,000/mm3; patients pretreated with gemcitabine need at least 75,000/mm3",
]


@pytest.mark.parametrize("sentence", LAB_THRESHOLDS)
@pytest.mark.parametrize("who", EVERYONE)
def test_a_lab_threshold_naming_a_prior_drug_sets_no_prior_therapy_rule(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


ECG_EXCLUSIONS = [
    "QTcF > 480 ms; > 500 ms for patients previously treated with osimertinib",
    "Corrected QT interval > 470 ms in patients previously treated with osimertinib",
    "QTc > 470 ms in patients who received prior osimertinib",
]


@pytest.mark.parametrize("sentence", ECG_EXCLUSIONS)
def test_an_ecg_finding_in_patients_who_had_a_drug_is_a_question_for_them(sentence: str) -> None:
    assert verdict("osimertinib", exclusion=[sentence]) == "unknown"
    assert verdict("naive", exclusion=[sentence]) == "eligible"
    assert verdict("gefitinib", exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "who", "expected"), [
    # The drug is asked for outright; the lab value is a second requirement.
    ("Prior treatment with docetaxel; ANC \u2265 1,500/\u00b5L", "naive", "excluded"),
    ("Prior treatment with docetaxel; ANC \u2265 1,500/\u00b5L", "chemo-io-docetaxel", "eligible"),
    ("Must have received prior platinum chemotherapy and have adequate bone marrow function (ANC \u2265 1.5 "
     "\u00d7 10^9/L)", "naive", "excluded"),
    ("Patients must have received prior platinum chemotherapy and have adequate bone marrow function "
     "(ANC \u2265 1.5 \u00d7 10^9/L)", "cisplatin", "eligible"),
    ("Patients previously treated with docetaxel", "naive", "excluded"),
])
def test_near_misses_of_lab_thresholds_still_ask_for_the_drug(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected


def test_an_exclusion_of_the_drug_beside_a_lab_value_still_bans_it() -> None:
    sentence = "Prior docetaxel or ANC < 1,500/\u00b5L"
    assert verdict("chemo-io-docetaxel", exclusion=[sentence]) == "excluded"
    assert verdict("chemo-io", exclusion=[sentence]) == "eligible"


# --- 6. a toxicity or ECG finding from a prior drug ----------------------------------------------------------

TOXICITY_FROM_DRUG = [
    "Neuropathy grade \u2265 2 from prior paclitaxel",
    "Peripheral neuropathy grade 2 or higher caused by prior taxane therapy",
    "Sensory neuropathy of grade >= 2 induced by prior paclitaxel",
    "Peripheral neuropathy CTCAE grade > 1 due to previous paclitaxel",
]


@pytest.mark.parametrize("sentence", TOXICITY_FROM_DRUG)
def test_a_graded_toxicity_from_a_prior_drug_is_a_question_never_a_ban(sentence: str) -> None:
    assert verdict("paclitaxel", exclusion=[sentence]) == "unknown"
    assert verdict("naive", exclusion=[sentence]) == "eligible"
    assert verdict("osimertinib", exclusion=[sentence]) == "eligible"


def test_a_drug_beside_a_toxicity_in_its_own_option_is_still_banned() -> None:
    assert verdict("paclitaxel", exclusion=["Prior paclitaxel, or neuropathy grade \u2265 2"]) == "excluded"


# --- 2. a gene-scoped "fewer than N" with the tumour as the subject ------------------------------------------

TUMOUR_SUBJECT_ALK = [
    "ALK-positive NSCLC previously treated with fewer than two ALK TKIs",
    "For ALK-positive disease: fewer than two prior ALK TKIs",
    "Known ALK fusion treated with fewer than two ALK TKIs",
    "ALK-rearranged tumours that have received fewer than 2 ALK inhibitors",
    "ALK-positive metastatic NSCLC pretreated with less than two ALK tyrosine kinase inhibitors",
]


@pytest.mark.parametrize("sentence", TUMOUR_SUBJECT_ALK)
def test_a_tumour_subject_binds_a_count_of_its_drugs_to_its_carriers(sentence: str) -> None:
    assert verdict("alectinib", exclusion=[sentence]) == "excluded"
    assert verdict("alk-naive", exclusion=[sentence]) == "excluded"
    # Read as the "ALK-positive patients who received ..." form is.
    patients_form = "ALK-positive patients who received fewer than two ALK inhibitors"
    assert verdict("alk-two", exclusion=[sentence]) == verdict("alk-two", exclusion=[patients_form]) != "excluded"
    for who in ("naive", "chemo-io", "cisplatin", "chemo-io-docetaxel"):
        assert verdict(who, exclusion=[sentence]) == "eligible", who
    for who in ("osimertinib", "afatinib"):  # ALK untested
        assert verdict(who, exclusion=[sentence]) != "excluded", who


def test_an_egfr_tumour_subject_binds_only_egfr_carriers() -> None:
    sentence = "EGFR mutation treated with fewer than two EGFR TKIs"
    assert verdict("osimertinib", exclusion=[sentence]) == "excluded"
    for who in ("naive", "chemo-io"):
        assert verdict(who, exclusion=[sentence]) == "eligible", who
    assert verdict("alectinib", exclusion=[sentence]) != "excluded"  # EGFR untested


def test_a_count_of_lines_with_nsclc_as_the_subject_still_binds_everyone() -> None:
    # "NSCLC" names no marker group: the count is everyone's.
    sentence = "NSCLC previously treated with fewer than two lines of chemotherapy"
    assert verdict("naive", exclusion=[sentence]) == "excluded"
    assert verdict("alectinib", exclusion=[sentence]) == "excluded"


# --- 4. "first-generation or second-generation EGFR-TKI" -------------------------------------------------------

FIRST_OR_SECOND = [
    "Progression after a first-generation or second-generation EGFR-TKI",
    "Previously received first-generation or second-generation EGFR-TKI treatment and then progressed",
    "Progression on a first generation or second generation EGFR TKI",
    "Progression after 1st- or 2nd-generation EGFR TKI",
    "Progression on a first/second generation EGFR TKI",
    "Disease progression on 1st-generation and 2nd-generation EGFR tyrosine kinase inhibitors",
]


@pytest.mark.parametrize("sentence", FIRST_OR_SECOND)
@pytest.mark.parametrize("who", ["gefitinib", "afatinib", "dacomitinib"])
def test_each_written_out_generation_counts(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", FIRST_OR_SECOND)
def test_a_third_generation_tki_is_not_a_first_or_second(sentence: str) -> None:
    assert verdict("osimertinib", [sentence]) == "excluded"


def test_one_generation_alone_stays_that_generation() -> None:
    assert verdict("afatinib", ["Progression on a first-generation EGFR-TKI"]) == "excluded"
    assert verdict("gefitinib", ["Progression on a second-generation or third-generation EGFR TKI"]) == "excluded"
    assert verdict("osimertinib", ["Progression on a second-generation or third-generation EGFR TKI"]) == "eligible"
