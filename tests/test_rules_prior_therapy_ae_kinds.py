"""Prior-therapy sentence kinds seen when invented set AE (session 30) was opened: cohorts named by the drug class
they had or not ("Cohort 1 (ROS1 TKI-naive)": no marker group, so every patient may enter it), the "or" of a count
("one or two prior ROS1 TKIs, and one or two prior lines of chemotherapy": both are asked), a cohort for drivers
"other than EGFR (ALK, ROS1, RET, ...)" beside an untreated cohort (its treated carriers fit it), and "a new line of
therapy in any line, including first line" (an example of any line, not a first-line trial). Every sentence here
is invented in the registry's voice. A false exclusion is the worst error: open wording gives unknown."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from tests.prior_therapy_cases import EGFR_EX19 as EGFR
from tests.prior_therapy_cases import FULL_PANEL as GENES
from tests.prior_therapy_cases import named_verdict, prior_verdict

PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "naive-egfr": {"biomarkers": EGFR, "prior_therapies": [], "prior_lines": 0},
    "osimertinib": {"biomarkers": EGFR, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "chemo": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "gemcitabine"], "prior_lines": 1},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "chemo-io-docetaxel": {"tested_negative": GENES, "prior_lines": 2,
                           "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"]},
    "kras-chemo-io": {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "prior_lines": 1,
                      "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"]},
    "alectinib": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "prior_therapies": ["alectinib"],
                  "prior_lines": 1},
    "capmatinib": {"biomarkers": [{"gene": "MET", "alteration": "exon 14 skipping"}], "prior_lines": 1,
                   "prior_therapies": ["capmatinib"]},
    # Carriers with the rest of the panel tested negative: a cohort whose marker shuts them out is no way in.
    "met-capmatinib": {"biomarkers": [{"gene": "MET", "alteration": "exon 14 skipping"}], "prior_lines": 1,
                       "prior_therapies": ["capmatinib"], "tested_negative": [g for g in GENES if g != "MET"]},
    "ret-selpercatinib": {"biomarkers": [{"gene": "RET", "alteration": "fusion"}], "prior_lines": 1,
                          "prior_therapies": ["selpercatinib"], "tested_negative": [g for g in GENES if g != "RET"]},
}


verdict = partial(named_verdict, PATIENTS)


def _cohorts(lead: str, *items: str) -> list[str]:
    """One inclusion bullet: a lead-in over cohort sub-bullets."""
    return [lead + "".join(f"\n   * {item}" for item in items)]


# --- 1. a cohort named by the drug class it had or not -------------------------------------------------------
# The gene in "ROS1 TKI-naive", "EGFR-TKI pretreated", "KRAS G12C inhibitor-naive" is the drug's target: the cohort
# is no marker group, so a patient of any marker may enter it (the biomarker rules say who carries what). Read as a
# marker group, a patient without the gene fitted no cohort and was excluded by the others' drug demands.

# (bullet, patients who fit a class-named cohort, patients who fit none: two lines, no drug of the class)
CLASS_NAMED = [
    (_cohorts("Meet the prior treatment requirements of one of the following cohorts:",
              "Cohort 1 (ROS1 TKI-naive): no prior ROS1 TKI; up to one prior line of systemic therapy for advanced "
              "disease, not including a ROS1 TKI, is allowed.",
              "Cohort 2: exactly one prior ROS1 TKI (crizotinib, entrectinib, or taletrectinib)."),
     ["naive", "naive-egfr", "chemo", "chemo-io", "kras-chemo-io", "capmatinib"], ["chemo-io-docetaxel"]),
    (_cohorts("Patients must fit one of the following cohorts:",
              "Cohort A (EGFR-TKI pretreated): progression on osimertinib",
              "Cohort B (EGFR-TKI naive): no prior EGFR TKI and no more than one prior line of therapy"),
     ["naive", "osimertinib", "chemo", "chemo-io", "kras-chemo-io"], ["chemo-io-docetaxel"]),
    (_cohorts("Enrolment into one of these cohorts:",
              "Cohort 1 (RET inhibitor-naive): no prior selective RET inhibitor, 0-1 prior lines",
              "Cohort 2 (RET inhibitor-pretreated): prior selpercatinib or pralsetinib"),
     ["naive", "chemo", "chemo-io", "alectinib"], ["chemo-io-docetaxel"]),
    (_cohorts("Meet one of the following:",
              "Group 1 (ALK TKI-naive): no prior ALK TKI; up to one prior line of systemic therapy for advanced "
              "disease",
              "Group 2: exactly one prior ALK TKI (alectinib or brigatinib)"),
     ["naive", "chemo", "chemo-io", "alectinib", "osimertinib"], ["chemo-io-docetaxel"]),
    (_cohorts("Meet the prior treatment requirements of one of the following arms:",
              "Arm 1 (MET inhibitor-naive): no prior MET inhibitor; up to one prior line of therapy",
              "Arm 2 (MET TKI-pretreated): progression on capmatinib or tepotinib"),
     ["naive", "chemo", "chemo-io", "capmatinib"], ["chemo-io-docetaxel"]),
]


@pytest.mark.parametrize(("bullet", "fit", "unfit"), CLASS_NAMED)
def test_a_cohort_named_by_its_drug_class_takes_any_marker(bullet: list[str], fit: list[str],
                                                          unfit: list[str]) -> None:
    for who in fit:
        assert verdict(who, bullet) == "eligible", who
    for who in unfit:
        assert verdict(who, bullet) == "excluded", who


# Near-misses: a marker named for itself still makes a marker group ("ALK-positive", "EGFR TKI-sensitising
# mutation"): its rules bind only its carriers.
MARKER_NAMED = [
    _cohorts("Meet the prior treatment requirements of one of the following cohorts:",
             "Cohort 1 (ALK-positive): no prior ALK TKI; up to one prior line of chemotherapy",
             "Cohort 2 (ALK-positive): progression on alectinib"),
    ["Cohort 1 (EGFR TKI-sensitising mutation): progression on osimertinib",
     "Cohort 2 (KRAS G12C): prior chemo-immunotherapy"],
    _cohorts("Meet the prior treatment requirements of one of the following cohorts:",
             "Cohort 1 (EGFR-mutant): progression on osimertinib",
             "Cohort 2 (ALK-positive): progression on alectinib"),
]


@pytest.mark.parametrize("bullet", MARKER_NAMED)
@pytest.mark.parametrize("who", ["naive", "chemo-io", "chemo-io-docetaxel"])
def test_a_marker_named_cohort_binds_only_its_carriers(bullet: list[str], who: str) -> None:
    assert verdict(who, bullet) == "eligible"


# --- 2. the "or" of a count -----------------------------------------------------------------------------------
# "one or two prior ROS1 TKIs, and one or two prior lines of chemotherapy": the "or" joins two numbers; the "and"
# between the treatments asks for both. Read as "or", any one of them let a patient in.

BOTH_COUNTED = [
    ("Prior treatment with one or two ALK TKIs, and one or two prior lines of chemotherapy and/or immunotherapy",
     "alectinib"),
    ("Must have received 1 or 2 prior EGFR inhibitors and one or two lines of platinum-based chemotherapy",
     "osimertinib"),
    ("Received one or more EGFR TKIs and one or more platinum-based chemotherapy regimens", "osimertinib"),
    ("Received pembrolizumab or nivolumab and one or two cycles of platinum-based chemotherapy", "chemo"),
    ("Prior treatment with one or two MET inhibitors, and two or more lines of chemotherapy", "capmatinib"),
]


@pytest.mark.parametrize(("sentence", "one_only"), BOTH_COUNTED)
def test_treatments_joined_by_and_after_a_counted_or_are_both_asked(sentence: str, one_only: str) -> None:
    assert verdict(one_only, [sentence]) == "excluded"
    assert verdict("naive", [sentence]) == "excluded"


# Near-misses: a real "or" between the treatments still offers either.
EITHER = [
    "Prior osimertinib or one or two lines of chemotherapy",
    "Prior EGFR TKI or platinum-based chemotherapy",
    "Received one or two lines of chemotherapy, or osimertinib",
]


@pytest.mark.parametrize("sentence", EITHER)
@pytest.mark.parametrize("who", ["osimertinib", "chemo"])
def test_a_real_or_between_treatments_still_offers_either(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


# --- 3. a cohort for drivers "other than" a gene, with its list in brackets ---------------------------------------
# "Cohort D: an oncogenic driver other than EGFR (ALK, ROS1, RET, MET, ...), with progression on ... targeted therapy"
# beside "Cohort A: no prior systemic therapy ...; documented absence of EGFR ... and ALK ...". The marker clause ran
# to the first comma (inside the bracket) and read "other than EGFR (ALK" as an EGFR or ALK cohort: a treated RET or
# MET carrier tested negative for both was shut out of it and excluded by Cohort A. The clause now runs to the first
# comma outside brackets, and "other than" / "except" make it no carriers-only marker.

OTHER_THAN = [
    _cohorts("Meet the requirements of one of the following cohorts:",
             "Cohort 1: no prior systemic therapy for advanced disease; documented absence of EGFR mutations and "
             "ALK rearrangements",
             "Cohort 2: an oncogenic driver other than EGFR (ALK, ROS1, RET, MET, BRAF, HER2 or KRAS), with "
             "progression on or intolerance to at least one targeted therapy for that alteration."),
    _cohorts("Meet one of the following:",
             "Arm A: treatment-naive, without EGFR or ALK alterations",
             "Arm B: an actionable alteration other than ALK (EGFR, RET, MET, or BRAF), with progression after an "
             "approved targeted therapy"),
    _cohorts("Meet one of the following:",
             "Cohort 1: untreated for advanced disease; no EGFR mutation or ALK fusion",
             "Cohort 2: any driver alteration except EGFR (ALK, ROS1, RET, MET), after progression on a matched TKI"),
    _cohorts("Meet one of the following:",
             "Group 1: no prior systemic therapy, documented absence of EGFR and ALK alterations",
             "Group 2: a driver alteration other than EGFR (ALK, RET, MET or BRAF), with progression on a targeted "
             "therapy"),
    _cohorts("Patients must meet the requirements of one cohort:",
             "Cohort A: no prior therapy for metastatic disease; EGFR and ALK negative by local testing",
             "Cohort B: a targetable alteration besides EGFR (ALK, ROS1, RET, MET or NTRK), with disease progression "
             "on a matched targeted therapy"),
]


@pytest.mark.parametrize("bullet", OTHER_THAN)
def test_a_treated_carrier_of_a_listed_driver_fits_the_other_than_cohort(bullet: list[str]) -> None:
    for who in ("met-capmatinib", "ret-selpercatinib", "naive"):
        assert verdict(who, bullet) == "eligible", who
    assert verdict("chemo-io", bullet) == "excluded"  # treated, no driver: no cohort


# Near-miss: a cohort that names its one marker is still for its carriers: a treated MET or RET carrier tested
# negative for ALK fits neither cohort.
@pytest.mark.parametrize("who", ["met-capmatinib", "ret-selpercatinib", "chemo-io"])
def test_a_one_marker_cohort_beside_an_untreated_one_still_shuts_others(who: str) -> None:
    bullet = _cohorts("Meet one of the following:",
                      "Cohort 1: no prior therapy for advanced disease; without EGFR or ALK alterations",
                      "Cohort 2: ALK fusion, with progression on alectinib")
    assert verdict(who, bullet) == "excluded"
    assert verdict("alectinib", bullet) == "eligible"


# --- 4. "any line, including first line" ------------------------------------------------------------------------
# An observational study's "Planned start of a new line of systemic therapy ..., in any line, including first line":
# the ordinal is an example of "any line", not the trial's line. Read as "as first-line therapy" it excluded every
# treated patient.

ANY_LINE = [
    "Planned start of a new line of systemic therapy of any type (chemotherapy, immunotherapy or targeted therapy), in "
    "any line, including first line, as standard of care",
    "Scheduled to start a new line of systemic therapy in any line (first line included)",
    "About to start systemic anticancer treatment in any treatment line, including the first-line setting",
    "Initiating a new systemic treatment regardless of line of therapy, including first line",
    "Starting a new systemic therapy in any line, even first line, per routine care",
]


@pytest.mark.parametrize("sentence", ANY_LINE)
@pytest.mark.parametrize("who", ["naive", "osimertinib", "chemo-io", "chemo-io-docetaxel"])
def test_first_line_as_an_example_of_any_line_sets_no_line(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


# Near-misses: the first line itself, or "any line" said of something else, still makes a first-line trial.
FIRST_LINE = [
    "Planned start of first-line systemic therapy",
    "Planned start of a new line of systemic therapy as first line",
    "Eligible for first-line treatment with chemotherapy; any line of prior radiotherapy is allowed",
]


@pytest.mark.parametrize("sentence", FIRST_LINE)
def test_a_first_line_plan_still_caps_the_lines(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "eligible"
    assert verdict("chemo-io", [sentence]) == "excluded"


# The same study's title: "... to Predict Response and Resistance in Patients With Advanced NSCLC Starting a New Line
# of Systemic Therapy". The resistance is what the study looks into, not a way in: read as "resistant to systemic
# therapy", it asked every untreated patient for an earlier line.
STUDIED_IN_PATIENTS = [
    "Serial ctDNA Analysis to Predict Response and Resistance in Patients With Advanced NSCLC Starting a New Line of "
    "Systemic Therapy",
    "Biomarkers of Resistance in Patients With NSCLC Starting a New Line of Therapy",
    "Monitoring of Resistance in Participants With Metastatic NSCLC Starting a New Line of Systemic Therapy",
    "Plasma Markers of Progression in Patients With NSCLC Starting a New Systemic Treatment",
    "Predictors of Response and Progression in Subjects With NSCLC Beginning Any Line of Systemic Therapy",
]


@pytest.mark.parametrize("title", STUDIED_IN_PATIENTS)
@pytest.mark.parametrize("who", ["naive", "chemo-io"])
def test_resistance_studied_in_patients_asks_no_earlier_line(title: str, who: str) -> None:
    assert prior_verdict(PATIENTS[who], ["Stage IV NSCLC"], title=title) == "eligible"


# Near-misses: the patients entered after resistance, or after the drug, still need it.
ENTERED_AFTER = [
    "Drug X in Patients With Resistance to Osimertinib",
    "Predictors of Resistance in Patients Previously Treated With Osimertinib",
]


@pytest.mark.parametrize("title", ENTERED_AFTER)
def test_resistance_to_a_drug_had_still_asks_for_it(title: str) -> None:
    assert prior_verdict(PATIENTS["naive"], ["Stage IV NSCLC"], title=title) == "excluded"
    assert prior_verdict(PATIENTS["osimertinib"], ["Stage IV NSCLC"], title=title) == "eligible"


# --- 5. an NSCLC cohort beside a design part that sets no rule -----------------------------------------------------
# "Dose escalation: any solid tumour with KRAS G12C // NSCLC cohort: must have received prior platinum-based
# chemotherapy and an anti-PD-1/PD-L1 antibody": the NSCLC cohort's rule had no cohort label, so it was the one
# trial-wide group and bound every NSCLC patient, though the dose escalation takes them on no prior-therapy rule. Its
# name is now its label: patients who fail it may enter the other part (a question when that part is for a marker's
# carriers). A basket whose only NSCLC way in is that cohort still binds them.

NSCLC_COHORT_BESIDE_PART = [
    ["Dose escalation: any solid tumour with a KRAS G12C mutation",
     "NSCLC cohort: patients must have received prior platinum-based chemotherapy and an anti-PD-1/PD-L1 antibody"],
    ["Dose escalation: advanced solid tumours harbouring a KRAS G12C mutation",
     "NSCLC expansion: progression after platinum-based chemotherapy and an anti-PD-(L)1 antibody"],
    ["Dose escalation: any solid tumour with a KRAS G12C mutation",
     "NSCLC cohort: must have received prior platinum-based chemotherapy and an anti-PD-1/PD-L1 antibody",
     "Colorectal cancer cohort: prior fluoropyrimidine, oxaliplatin and irinotecan"],
    ["Dose escalation: solid tumours with an EGFR mutation",
     "NSCLC cohort: progression on osimertinib"],
    ["Dose escalation: any advanced solid tumour with a BRAF V600E mutation",
     "Lung cancer cohort: prior platinum-based chemotherapy and an immune checkpoint inhibitor"],
]


@pytest.mark.parametrize("bullets", NSCLC_COHORT_BESIDE_PART)
@pytest.mark.parametrize("who", ["naive", "capmatinib", "chemo"])
def test_an_nsclc_cohort_beside_an_unruled_design_part_is_one_way_in(bullets: list[str], who: str) -> None:
    assert verdict(who, bullets) in ("eligible", "unknown")


# Near-misses: without a design part, the NSCLC cohort is the NSCLC patients' only way in; a design part with a rule
# of its own still sets it.
NSCLC_COHORT_ONLY = [
    ["NSCLC cohort: patients must have received prior platinum-based chemotherapy and an anti-PD-1/PD-L1 antibody",
     "Colorectal cancer cohort: prior fluoropyrimidine, oxaliplatin and irinotecan"],
    ["NSCLC cohort: progression after platinum-based chemotherapy and an anti-PD-(L)1 antibody",
     "Breast cancer cohort: prior trastuzumab"],
]


@pytest.mark.parametrize("bullets", NSCLC_COHORT_ONLY)
def test_an_nsclc_cohort_that_is_the_only_way_in_still_binds(bullets: list[str]) -> None:
    assert verdict("naive", bullets) == "excluded"
    assert verdict("chemo-io", bullets) == "eligible"


# --- 6. an aside that lets the required treatment in with partners ------------------------------------------------
# "Disease progression on or after platinum-based chemotherapy ... (platinum given in combination with an
# anti-PD-(L)1 antibody or amivantamab is acceptable)": the aside says how the platinum may have been given, not
# another way in; read as an allowance it made the requirement a question for untreated patients.

PARTNERS_ACCEPTED = [
    "Disease progression on or after platinum-based chemotherapy for metastatic disease (platinum given in "
    "combination with an anti-PD-(L)1 antibody or amivantamab is acceptable)",
    "Progression on platinum-based chemotherapy (platinum combined with an anti-PD-1 antibody is acceptable)",
    "Progression after prior platinum-based chemotherapy (platinum administered with pembrolizumab is allowed)",
    "Must have progressed on platinum doublet chemotherapy (platinum doublet given together with an immune checkpoint "
    "inhibitor is permitted)",
    "Radiographic progression after platinum-based chemotherapy (platinum plus bevacizumab is acceptable)",
]


@pytest.mark.parametrize("sentence", PARTNERS_ACCEPTED)
def test_a_partner_aside_leaves_the_requirement_firm(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"
    assert verdict("osimertinib", [sentence]) == "excluded"
    assert verdict("chemo-io", [sentence]) == "eligible"
    assert verdict("chemo", [sentence]) == "eligible"


# Near-misses: an aside that lets another treatment, or another group, in still makes the requirement a question.
OTHER_WAY_ACCEPTED = [
    "Progression on platinum-based chemotherapy (pembrolizumab is acceptable)",
    "Progression on platinum-based chemotherapy (patients who declined chemotherapy are eligible)",
]


@pytest.mark.parametrize("sentence", OTHER_WAY_ACCEPTED)
def test_an_aside_naming_another_way_in_keeps_the_question(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "unknown"
