"""Prior-therapy kinds from the sentence audits S7 and S8 (invented sentences of each kind, and near misses).

False exclusions first: a driver note written with long gene names and [bracketed] symbols, another condition
"that has required systemic treatment", a first-line history or response that only picks out a group, "first/second
line" ranges, a stage sentence with an "or chemotherapy-intolerant patients" way in, ...
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import named_verdict, prior_verdict

CHEMO_IO = ["carboplatin", "pemetrexed", "pembrolizumab"]
PATIENTS: dict[str, dict[str, Any]] = {
    "kras_chemo_io": {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "tested_negative": ["EGFR", "ALK"],
                      "prior_therapies": CHEMO_IO, "prior_lines": 1},
    "squamous_chemo_io": {"histology": "squamous", "tested_negative": ["EGFR", "ALK", "ROS1"],
                          "prior_therapies": ["carboplatin", "paclitaxel", "pembrolizumab"], "prior_lines": 1},
    "driver_negative_naive": {"tested_negative": ["EGFR", "ALK", "ROS1", "BRAF", "KRAS", "MET", "RET"],
                              "prior_therapies": [], "prior_lines": 0},
    "egfr_naive": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "prior_therapies": [], "prior_lines": 0},
    "egfr_post_osimertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                              "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "alk_naive": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "prior_therapies": [], "prior_lines": 0},
    "braf_naive": {"biomarkers": [{"gene": "BRAF", "alteration": "V600E"}], "prior_therapies": [], "prior_lines": 0},
    "ret_post_selpercatinib": {"biomarkers": [{"gene": "RET", "alteration": "fusion"}],
                               "prior_therapies": ["selpercatinib"], "prior_lines": 1},
    "chemo_doublet": {"tested_negative": ["EGFR", "ALK"], "prior_therapies": ["carboplatin", "pemetrexed"],
                      "prior_lines": 1},
    "two_lines": {"tested_negative": ["EGFR", "ALK"], "prior_lines": 2,
                  "prior_therapies": ["cisplatin", "pemetrexed", "docetaxel"]},
    "adjuvant_relapse": {"tested_negative": ["EGFR", "ALK"], "prior_therapies": ["cisplatin", "vinorelbine"],
                         "prior_lines": 0},
}
NO_DRIVER = ("kras_chemo_io", "squamous_chemo_io", "driver_negative_naive", "chemo_doublet")
PRETREATED = ("kras_chemo_io", "squamous_chemo_io", "egfr_post_osimertinib", "ret_post_selpercatinib",
              "chemo_doublet", "two_lines")
NAIVE = ("driver_negative_naive", "egfr_naive", "alk_naive", "braf_naive")


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None, **extra: Any) -> str:
    return named_verdict(PATIENTS, who, inclusion, exclusion, **extra)


# --- 1. A driver note with long gene names and [bracketed] symbols binds only the carriers ----------------------

LONG_NAME_NOTES = [
    "Note: patients who have actionable molecular targets (e.g., epidermal growth factor receptor [EGFR], anaplastic "
    "lymphoma kinase [ALK], c-ros oncogene 1[ROS1] mutations) must have received (when indicated) prior appropriate "
    "targeted therapy using FDA-approved agents.",
    "Note: subjects with oncogenic driver alterations (e.g., anaplastic lymphoma kinase [ALK], rearranged during "
    "transfection [RET]) must have been treated with the corresponding targeted therapy (when available).",
    "Participants whose tumour carries a v-raf murine sarcoma viral oncogene homolog B [BRAF] V600E or c-ros oncogene "
    "1 [ROS1] alteration must have progressed on an approved targeted agent.",
    "Patients who have actionable molecular targets (e.g., epidermal growth factor receptor [EGFR], anaplastic "
    "lymphoma kinase [ALK], c-ros oncogene 1 [ROS1] mutations) must have received prior appropriate targeted therapy.",
    "Patients who harbour a sensitizing epidermal growth factor receptor [EGFR] mutation or a B-Raf proto-oncogene "
    "[BRAF] V600E mutation must have progressed on an approved targeted therapy.",
]


@pytest.mark.parametrize("sentence", LONG_NAME_NOTES)
@pytest.mark.parametrize("who", NO_DRIVER)
def test_long_name_driver_note_leaves_patients_without_the_driver(sentence: str, who: str) -> None:
    # KRAS G12C is "actionable" too, with a drug approved after first line: a question at most.
    expected = ("eligible", "unknown") if who == "kras_chemo_io" and "e.g." in sentence else ("eligible",)
    assert verdict(who, [sentence]) in expected


@pytest.mark.parametrize("sentence", LONG_NAME_NOTES)
def test_long_name_driver_note_never_excludes_a_treated_carrier(sentence: str) -> None:
    assert verdict("egfr_post_osimertinib", [sentence]) == "eligible"
    assert verdict("ret_post_selpercatinib", [sentence]) == "eligible"


def test_long_name_driver_note_still_binds_an_untreated_carrier() -> None:
    sentence = LONG_NAME_NOTES[3]
    assert verdict("egfr_naive", [sentence]) == "excluded"
    assert verdict("alk_naive", [sentence]) == "excluded"
    assert verdict("braf_naive", [LONG_NAME_NOTES[2]]) == "excluded"
    # "(when indicated)": whether the drug was indicated is a question, never an exclusion.
    assert verdict("egfr_naive", [LONG_NAME_NOTES[0]]) == "unknown"


@pytest.mark.parametrize("who", ["kras_chemo_io", "squamous_chemo_io", "driver_negative_naive"])
def test_driver_note_near_misses_keep_their_verdicts(who: str) -> None:
    scoped = ("Note: participants whose tumours harbour a sensitising EGFR mutation or an ALK rearrangement must "
              "previously have received an approved tyrosine kinase inhibitor.")
    everyone = "Note: all patients must have received prior targeted therapy with an EGFR tyrosine kinase inhibitor."
    assert verdict(who, [scoped]) == "eligible"
    assert verdict("egfr_naive", [scoped]) == "excluded"
    assert verdict(who, [everyone]) == "excluded"


# --- 2. "<another condition> that has required systemic treatment" is no rule on cancer therapy ------------------

COMORBID_INCLUSIONS = [
    "Patients must not have an active autoimmune disease that has required systemic treatment in past two years "
    "(i.e., with use of disease modifying agents, corticosteroids or immunosuppressive drugs).",
    "Participants must not have an autoimmune disorder that has required systemic treatment over the past 24 months.",
    "Must not have psoriasis that has required systemic treatment during the last 2 years.",
    "No history of interstitial lung disease that has required systemic treatment.",
    "No active infection requiring systemic therapy.",
    "Must not have inflammatory bowel disease which needed systemic medication.",
]


@pytest.mark.parametrize("sentence", COMORBID_INCLUSIONS)
@pytest.mark.parametrize("who", PRETREATED + ("adjuvant_relapse", "driver_negative_naive"))
def test_another_conditions_systemic_treatment_sets_no_rule(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"
    assert verdict(who, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients must not have received prior systemic treatment for advanced or metastatic disease.",
    "Patients must not have received prior systemic therapy (i.e., chemotherapy, immunotherapy or targeted therapy) "
    "for metastatic disease.",
    "No prior systemic therapy for metastatic disease (patients with an autoimmune disease are excluded).",
])
@pytest.mark.parametrize("who", ["kras_chemo_io", "chemo_doublet", "egfr_post_osimertinib"])
def test_a_ban_on_earlier_cancer_treatment_still_excludes(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "excluded"


# --- 3. A first-line history or response picks out a group; a refusal is a way in for the untreated --------------

REFUSAL_WAYS_IN = [
    "Patients who refuse any standard of care first line therapy, are eligible to receive study treatment as first "
    "line therapy, providing they explicitly consent to this effect.",
    "Patients who decline standard first-line chemotherapy are eligible to receive study treatment as first-line "
    "therapy.",
    "Participants who are unwilling to receive standard first-line treatment may be enrolled.",
]
LINE_ASKED = [
    "All other patients must have progressed after at least one prior line of systemic therapy.",
    "Patients who have previously consented to and received standard of care first line therapy must have completed "
    "all standard of care therapy. As a minimum patients must have failed one or more lines of treatment.",
]


@pytest.mark.parametrize("way_in", REFUSAL_WAYS_IN)
@pytest.mark.parametrize("asked", LINE_ASKED)
@pytest.mark.parametrize("who", NAIVE)
def test_refusing_first_line_is_a_way_in_for_the_untreated(way_in: str, asked: str, who: str) -> None:
    assert verdict(who, [way_in, asked]) == "unknown"


@pytest.mark.parametrize("sentence", [
    "Patients with no change at all in dimension of disease (i.e. true stability) after first line therapy will not "
    "be eligible.",
    "Patients whose best response to first-line chemotherapy was stable disease are not eligible.",
    "Participants whose best overall response to first-line platinum doublet was progressive disease are ineligible.",
])
def test_a_response_to_first_line_never_asks_for_a_line(sentence: str) -> None:
    for who in (*NAIVE, "adjuvant_relapse"):
        assert verdict(who, [sentence]) == "eligible"
    for who in ("kras_chemo_io", "chemo_doublet", "two_lines"):
        assert verdict(who, [sentence]) in ("unknown", "eligible")


@pytest.mark.parametrize("sentence", [
    "Patients whose best response to prior platinum-based chemotherapy was progressive disease.",
    "Complete response to prior anti-PD-1 therapy.",
])
def test_an_exclusion_by_response_is_a_question_for_the_treated(sentence: str) -> None:
    assert verdict("driver_negative_naive", exclusion=[sentence]) == "eligible"
    assert verdict("kras_chemo_io", exclusion=[sentence]) == "unknown"


def test_first_line_near_misses_keep_their_verdicts() -> None:
    assert verdict("driver_negative_naive", ["Patients must have progressed after first-line platinum-based "
                                             "chemotherapy."]) == "excluded"
    assert verdict("driver_negative_naive", ["Patients who have previously received standard first line therapy must "
                                             "have failed one or more lines of treatment."]) == "unknown"
    assert verdict("kras_chemo_io", ["Participants who had disease progression within 3 months of starting "
                                     "first-line treatment are not eligible."]) == "eligible"
    assert verdict("kras_chemo_io", exclusion=["Prior platinum-based chemotherapy, regardless of best response."]) \
        == "excluded"


# --- 4. "first/second line": either line is enough ----------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Patients who failed first/second line systemic therapy for advanced disease.",
    "Disease progression after 1st/2nd line chemotherapy.",
    "Progressed on first- / second-line platinum-based treatment.",
    "Disease progression after first or second line chemotherapy.",
    "Documented progression on first- or second-line systemic therapy.",
])
def test_either_of_two_lines_asks_for_one(sentence: str) -> None:
    assert verdict("chemo_doublet", [sentence]) == "eligible"
    assert verdict("two_lines", [sentence]) == "eligible"
    assert verdict("driver_negative_naive", [sentence]) == "excluded"


def test_second_or_third_line_asks_for_two() -> None:
    sentence = "Patients who have failed second/third line treatment."
    assert verdict("two_lines", [sentence]) == "eligible"
    assert verdict("chemo_doublet", [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Disease progression after both first-line and second-line systemic therapy.",
    "Disease progression after first line and second line chemotherapy.",
    "Disease progression after first and second line chemotherapy.",
])
def test_both_lines_still_ask_for_two(sentence: str) -> None:
    assert verdict("chemo_doublet", [sentence]) == "excluded"
    assert verdict("two_lines", [sentence]) == "eligible"


# --- 5. A stage sentence with an "or chemotherapy-intolerant patients" way in ------------------------------------

@pytest.mark.parametrize("sentence", [
    "Stage IIIB-IV (AJCC 8th edition) or recurrent/progressive disease after multidisciplinary treatment for local "
    "advanced disease or chemotherapy intolerant patients",
    "Stage IIIB/IV, or recurrent disease, or patients intolerant to chemotherapy.",
    "Advanced NSCLC (stage IIIB-IV) or chemotherapy-intolerant elderly patients.",
    "Metastatic non-small cell lung cancer or elderly patients intolerant of platinum chemotherapy.",
])
@pytest.mark.parametrize("who", ["egfr_naive", "driver_negative_naive", "ret_post_selpercatinib",
                                 "egfr_post_osimertinib"])
def test_intolerance_beside_a_stage_asks_for_no_chemotherapy(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


def test_intolerance_near_misses_keep_their_verdicts() -> None:
    assert verdict("driver_negative_naive", ["Patients must be intolerant to platinum-based chemotherapy."]) \
        == "excluded"
    assert verdict("driver_negative_naive", ["Stage IV NSCLC, or recurrence after surgery, or patients who cannot "
                                             "tolerate chemotherapy."]) == "eligible"
    assert verdict("driver_negative_naive", ["Stage IV NSCLC after failure of platinum chemotherapy or chemotherapy "
                                             "intolerant patients."]) == "excluded"


def test_invented_profile_through_a_basket_of_these_kinds() -> None:
    """An NRG1-fusion patient after afatinib with unknown lines, on a trial of several of these kinds at once (an
    NRG1 fusion is "actionable" with no approved drug the engine knows: a question, never an exclusion)."""
    patient = {"biomarkers": [{"gene": "NRG1", "alteration": "fusion"}], "tested_negative": ["EGFR", "ALK", "ROS1"],
               "prior_therapies": ["afatinib"], "prior_lines": None}
    inclusion = [LONG_NAME_NOTES[0], COMORBID_INCLUSIONS[0], "Stage IIIB/IV, or recurrent disease, or patients "
                 "intolerant to chemotherapy."]
    assert prior_verdict(patient, inclusion) == "unknown"
    assert prior_verdict({**patient, "biomarkers": [], "tested_negative": ["EGFR", "ALK", "ROS1", "NRG1"]},
                         inclusion) == "eligible"


# --- 6. A banned class narrowed to a way of giving it -------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Patients who have received single-agent chemotherapy treatment;",
    "Had received single drug chemotherapy in the past.",
    "Prior oral chemotherapy such as capecitabine or S-1.",
    "Previous chemotherapy as a single agent.",
    "Prior metronomic chemotherapy.",
])
@pytest.mark.parametrize("who", ["chemo_doublet", "kras_chemo_io", "squamous_chemo_io"])
def test_a_narrowed_chemotherapy_ban_is_a_question_for_a_doublet(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "unknown"
    assert verdict("egfr_post_osimertinib", exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Have not received systemic intravenous anti-tumor therapy before.",
    "No prior intravenous systemic therapy for advanced disease.",
])
def test_no_intravenous_therapy_leaves_oral_targeted_drugs(sentence: str) -> None:
    assert verdict("egfr_post_osimertinib", [sentence]) == "eligible"
    assert verdict("ret_post_selpercatinib", [sentence]) == "eligible"
    assert verdict("chemo_doublet", [sentence]) == "excluded"
    assert verdict("kras_chemo_io", [sentence], prior_therapies=["sotorasib"]) == "eligible"
    assert verdict("egfr_post_osimertinib", [sentence], prior_therapies=["amivantamab"]) == "excluded"


def test_narrowed_ban_near_misses_keep_their_verdicts() -> None:
    assert verdict("chemo_doublet", exclusion=["Patients who have received intravenous chemotherapy."]) == "excluded"
    assert verdict("two_lines", exclusion=["Previously treated with docetaxel monotherapy."]) == "excluded"
    assert verdict("chemo_doublet", exclusion=["Prior chemotherapy for advanced disease."]) == "excluded"


# --- 7. A title "After <drug> Induction" names the study's own first step ---------------------------------------

@pytest.mark.parametrize("title", [
    "Dynamic MRD Guided Treatment After Aumolertinib Induction Therapy of EGFR-mutation-positive Stage III NSCLC",
    "Local Consolidative Radiotherapy After Furmonertinib Induction Therapy for EGFR-mutant Oligometastatic NSCLC",
    "Dynamic ctDNA-guided Treatment After Aumolertinib Induction in EGFR-mutant Advanced NSCLC",
    "Local Therapy Following Alectinib Induction Treatment for ALK-positive Oligometastatic NSCLC",
])
@pytest.mark.parametrize("who", ["egfr_naive", "alk_naive", "egfr_post_osimertinib"])
def test_induction_in_a_title_never_excludes(title: str, who: str) -> None:
    assert prior_verdict(PATIENTS[who], title=title) in ("eligible", "unknown")


def test_progression_in_a_title_still_asks_for_the_drug() -> None:
    title = "Furmonertinib in EGFR-mutant NSCLC After Progression on Osimertinib"
    assert prior_verdict(PATIENTS["egfr_naive"], title=title) == "excluded"
    assert prior_verdict(PATIENTS["egfr_post_osimertinib"], title=title) == "eligible"


# --- 8. "First-line treatment failure"; "not limited" is a permission; "immune targeted drugs" are immunotherapy ---

@pytest.mark.parametrize("sentence", [
    "First-line treatment failure.",
    "Patients with first-line chemotherapy failure.",
    "First-line treatment failure (including platinum-based chemotherapy or EGFR-TKI).",
    "Advanced NSCLC with first-line systemic therapy progression.",
])
def test_first_line_failure_as_a_noun_asks_for_one_line(sentence: str) -> None:
    assert verdict("chemo_doublet", [sentence]) == "eligible"
    assert verdict("kras_chemo_io", [sentence]) == "eligible"
    assert verdict("driver_negative_naive", [sentence]) == "excluded"


def test_first_line_failure_near_misses() -> None:
    assert verdict("chemo_doublet", ["After failure of first-line standard treatment."]) == "eligible"
    assert verdict("chemo_doublet", ["First-line treatment of advanced NSCLC (no prior systemic therapy)."]) \
        == "excluded"
    assert verdict("egfr_post_osimertinib", ["First-line EGFR-TKI treatment failure (gefitinib, erlotinib, icotinib "
                                             "or osimertinib)."]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Previous chemotherapy regimens are not limited.",
    "Prior anti-PD-1/PD-L1 therapy: unlimited.",
    "Previous use of PD-1 inhibitors is not restricted.",
    "Prior systemic treatment is not limited.",
    "There is no restriction on prior chemotherapy.",
    "No limit on the number of prior lines of immunotherapy.",
])
@pytest.mark.parametrize("who", ["driver_negative_naive", "chemo_doublet", "kras_chemo_io", "egfr_post_osimertinib"])
def test_not_limited_is_a_permission(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"
    assert verdict(who, exclusion=[sentence]) == "eligible"


def test_not_limited_near_misses() -> None:
    assert verdict("driver_negative_naive", ["Prior immunotherapy is required."]) == "excluded"
    assert verdict("driver_negative_naive", ["Prior systemic therapy, including but not limited to chemotherapy or "
                                             "immunotherapy, is required."]) == "excluded"
    assert verdict("kras_chemo_io", exclusion=["Prior anti-PD-1 therapy (including but not limited to "
                                               "pembrolizumab)."]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Previous use of immune targeted drugs (PD-1/PD-L1 monoclonal antibody).",
    "Prior immune-targeted drug therapy such as camrelizumab, sintilimab or tislelizumab.",
    "Has used other anti-angiogenic drugs and immunologically targeted drugs.",
])
def test_immune_targeted_drugs_are_immunotherapy(sentence: str) -> None:
    assert verdict("kras_chemo_io", exclusion=[sentence]) == "excluded"
    assert verdict("egfr_post_osimertinib", exclusion=[sentence]) == "eligible"
    assert verdict("chemo_doublet", exclusion=[sentence]) == "eligible"
