"""Kinds of prior-therapy sentence found on synth E and F (messy, translated, older registry styles; complex cohort
designs), each read wrongly into a false exclusion before:

- a driver group whose alterations are spelt out in a bracket ("Patients with NSCLC harbouring an EGFR sensitizing
  mutation (exon 19 deletion or L858R) or ALK rearrangement must have progressed on ... a TKI") was too long to be
  read as a group: the TKI was asked of every patient;
- a label whose tail only lets the treatment in ("Prior TRK or ROS1 TKI: allowed only in cohorts 3 and 4") was read
  as a requirement;
- a progression the study is to predict or detect ("ctDNA to Predict Progression in Patients Starting a New Line of
  Systemic Therapy") was read as a progression the patient must have had;
- "Treatment-naive, or one prior line for metastatic disease (chemotherapy and/or immunotherapy)": the bracket says
  what the one line may be, and asked it of the untreated too;
- a title's "First-Line X" over criteria that ban some treatment for advanced disease and let another in ("No prior
  chemotherapy or immunotherapy for advanced disease. Prior TKI therapy is allowed") shut out the TKI-treated;
- "Phase 2: Cohort 2a - ... treated with X" and "Cohort 2b - naive to X": the dash heading names the cohort, not the
  whole phase (the two cohorts' rules were one group no one fits).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
CHEMO_IO: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
EGFR_NAIVE: dict[str, Any] = {**NAIVE, "biomarkers": [{"gene": "EGFR", "alteration": "L858R"}]}
EGFR_OSI: dict[str, Any] = {"prior_therapies": ["osimertinib"], "prior_lines": 1,
                            "biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}]}
ALK_NAIVE: dict[str, Any] = {**NAIVE, "biomarkers": [{"gene": "ALK", "alteration": "fusion"}]}
KRAS_NAIVE: dict[str, Any] = {**NAIVE, "biomarkers": [{"gene": "KRAS", "alteration": "G12D"}],
                              "tested_negative": ["EGFR", "ALK", "ROS1"]}
TKI_LINE: dict[str, Any] = {"prior_therapies": ["osimertinib"], "prior_lines": 1,
                            "biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}]}
THREE_TKIS: dict[str, Any] = {"prior_therapies": ["crizotinib", "entrectinib", "lorlatinib"], "prior_lines": 3,
                              "biomarkers": [{"gene": "ROS1", "alteration": "fusion"}]}


# 1. A driver group with its alterations spelt out in a bracket: a condition on the carriers only.
BRACKETED_GROUPS = [
    "Patients with NSCLC harbouring an EGFR sensitizing mutation (exon 19 deletion or L858R) or ALK rearrangement "
    "must have progressed intracranially on, or be intolerant of, a CNS-penetrant TKI before enrolment",
    "Participants whose tumours carry a common EGFR mutation (exon 19 deletion, L858R) or an ALK fusion (any partner) "
    "must have received a tyrosine kinase inhibitor",
    "Patients with lung adenocarcinoma harbouring an activating EGFR mutation (Ex19del or L858R) or ALK translocation "
    "should have progressed on a targeted agent",
    "Subjects with NSCLC carrying an EGFR mutation (exon 19 deletion or exon 21 L858R substitution) or ALK gene "
    "rearrangement must have failed a TKI",
    "Patients with non-squamous NSCLC harbouring an ALK rearrangement (by FISH or IHC) or EGFR sensitising mutation "
    "(exon 19 deletion or L858R) must have progressed on an appropriate TKI",
    "Patients with metastatic NSCLC harbouring an EGFR sensitizing mutation (exon 19 del / L858R) or an ALK fusion "
    "need to have progressed on a TKI",
]


@pytest.mark.parametrize("sentence", BRACKETED_GROUPS)
def test_bracketed_driver_group_binds_only_its_carriers(sentence: str) -> None:
    assert prior_verdict(KRAS_NAIVE, inclusion=[sentence]) == "eligible"
    assert prior_verdict(CHEMO_IO, inclusion=[sentence]) != "excluded"


@pytest.mark.parametrize("sentence", BRACKETED_GROUPS)
def test_bracketed_driver_group_still_binds_its_carriers(sentence: str) -> None:
    assert prior_verdict(EGFR_NAIVE, inclusion=[sentence]) == "excluded"
    assert prior_verdict(ALK_NAIVE, inclusion=[sentence]) == "excluded"
    assert prior_verdict(EGFR_OSI, inclusion=[sentence]) == "eligible"


# 2. A label whose tail only lets the treatment in.
PERMIT_LABELS = [
    "Prior TRK or ROS1 TKI: allowed only in cohorts 3 and 4 (maximum of 2 prior TKIs)",
    "Prior ROS1 inhibitor: permitted",
    "Previous EGFR TKI: allowed",
    "Prior anti-PD-1/PD-L1 antibody: acceptable in Part B only",
    "Prior platinum-based chemotherapy: is allowed (adjuvant or metastatic)",
    "Earlier ALK inhibitor therapy: also permitted in the expansion cohort",
]


@pytest.mark.parametrize("sentence", PERMIT_LABELS)
def test_permit_label_asks_nothing(sentence: str) -> None:
    assert prior_verdict(NAIVE, inclusion=[sentence]) == "eligible"
    assert prior_verdict(CHEMO_IO, inclusion=[sentence]) == "eligible"


def test_permit_label_keeps_its_ceiling() -> None:
    assert prior_verdict(THREE_TKIS, inclusion=[PERMIT_LABELS[0]]) != "eligible"


@pytest.mark.parametrize(("sentence", "patient", "expected"), [
    ("Prior EGFR TKI: required", NAIVE, "excluded"),
    ("Prior EGFR TKI: required", TKI_LINE, "eligible"),
    ("Prior ROS1 TKI: not allowed", THREE_TKIS, "excluded"),
])
def test_permit_label_near_misses(sentence: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, inclusion=[sentence]) == expected


def test_a_label_that_asks_before_it_allows_is_no_allowance() -> None:
    assert prior_verdict(NAIVE, inclusion=["Prior EGFR TKI: required, chemotherapy allowed"]) != "eligible"


# 2b. A label whose tail opens with a ban, in the inclusion list: a ban, not a requirement.
BAN_LABELS = [
    "Prior EGFR TKI: not allowed",
    "Previous ROS1 inhibitor: excluded",
    "Prior anti-PD-1 or anti-PD-L1 antibody: not permitted",
    "Prior treatment with a KRAS G12C inhibitor (sotorasib, adagrasib): prohibited",
    "Earlier docetaxel: not eligible",
    "Any prior ALK TKI: not acceptable",
]
BAN_HITS = [
    {"prior_therapies": ["osimertinib"], "prior_lines": 1},
    {"prior_therapies": ["crizotinib"], "prior_lines": 1},
    {"prior_therapies": ["carboplatin", "pembrolizumab"], "prior_lines": 1},
    {"prior_therapies": ["sotorasib"], "prior_lines": 1},
    {"prior_therapies": ["docetaxel"], "prior_lines": 2},
    {"prior_therapies": ["alectinib"], "prior_lines": 1},
]


@pytest.mark.parametrize(("sentence", "hit"), list(zip(BAN_LABELS, BAN_HITS, strict=True)))
def test_ban_label_bans(sentence: str, hit: dict[str, Any]) -> None:
    assert prior_verdict(NAIVE, inclusion=[sentence]) == "eligible"
    assert prior_verdict(hit, inclusion=[sentence]) == "excluded"


def test_ban_label_near_miss_no_prior() -> None:
    # "No prior X: ..." is not a treatment label; left as it was read.
    assert prior_verdict(NAIVE, inclusion=["No prior EGFR TKI"]) == "eligible"


# 3. A progression the study is to predict or detect: an outcome, not a history.
OUTCOME_TITLES = [
    "A Prospective Observational Study of Serial ctDNA Analysis to Predict Progression in Patients With Advanced NSCLC "
    "Starting a New Line of Systemic Therapy",
    "Liquid Biopsy for Early Detection of Disease Progression in Patients Starting Systemic Therapy for NSCLC",
    "Monitoring for Radiological Progression With Circulating Tumour Cells in Patients on a Line of Systemic Therapy",
    "Detecting Progression Early: Plasma Genotyping in NSCLC Patients Beginning Systemic Treatment",
    "A Blood Test to Forecast Relapse in Patients Starting Any Line of Systemic Therapy for Lung Cancer",
    "Exercise to Delay Progression in Patients With Stage IV NSCLC Starting a Line of Systemic Therapy",
]


@pytest.mark.parametrize("title", OUTCOME_TITLES)
def test_outcome_progression_in_title_asks_no_line(title: str) -> None:
    assert prior_verdict(NAIVE, title=title) == "eligible"


@pytest.mark.parametrize(("title", "patient", "expected"), [
    ("Drug X in Patients With NSCLC After Progression on a Line of Systemic Therapy", NAIVE, "excluded"),
    ("Drug X After Progression on Platinum-Based Chemotherapy in NSCLC", NAIVE, "excluded"),
    ("Drug X After Progression on Platinum-Based Chemotherapy in NSCLC", CHEMO_IO, "eligible"),
    ("Drug X in NSCLC After Disease Progression on Prior Systemic Therapy", NAIVE, "excluded"),
])
def test_outcome_progression_near_misses(title: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, title=title) == expected


# 4. Untreated, or one line whose kind a bracket gives: the bracket is not asked of the untreated.
NAIVE_OR_ONE = [
    "Treatment-naive, or received one prior line of systemic therapy for metastatic disease (chemotherapy and/or "
    "immunotherapy); patients may have had 0 or 1 prior regimens",
    "Treatment-naïve, or received one prior line of systemic therapy (chemotherapy or immunotherapy)",
    "Previously untreated, or no more than one prior line of therapy for advanced disease (platinum doublet, "
    "immunotherapy or both)",
    "Up to one prior line of therapy (chemotherapy or immune checkpoint inhibitor)",
    "Untreated or 1 prior systemic regimen in the metastatic setting (cytotoxic chemotherapy and/or anti-PD-1)",
    "Systemic therapy naive, or received one prior line for advanced NSCLC (chemotherapy with or without "
    "pembrolizumab)",
]


@pytest.mark.parametrize("sentence", NAIVE_OR_ONE)
def test_naive_or_one_line_lets_the_untreated_in(sentence: str) -> None:
    assert prior_verdict(NAIVE, inclusion=[sentence]) == "eligible"
    assert prior_verdict(CHEMO_IO, inclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", NAIVE_OR_ONE)
def test_naive_or_one_line_still_caps(sentence: str) -> None:
    two = {"prior_therapies": ["carboplatin", "pemetrexed", "docetaxel"], "prior_lines": 2}
    assert prior_verdict(two, inclusion=[sentence]) == "excluded"


def test_one_required_line_keeps_its_kind() -> None:
    sentence = "Exactly one prior line of systemic therapy (chemotherapy and/or immunotherapy)"
    assert prior_verdict(NAIVE, inclusion=[sentence]) == "excluded"


# 5. A first-line title over criteria that ban some treatment for advanced disease and let another in.
FIRST_LINE_TITLES = [
    ("First-Line Atezolizumab Versus Carboplatin Doublet in Advanced NSCLC and ECOG 2",
     "No prior chemotherapy or immunotherapy for advanced disease. Prior tyrosine kinase inhibitor therapy is "
     "allowed."),
    ("A Phase III Trial of First-Line Pembrolizumab in Metastatic NSCLC",
     "No prior systemic chemotherapy or immunotherapy for metastatic disease; prior targeted therapy is permitted."),
    ("First-line Chemo-immunotherapy in Stage IV NSCLC",
     "No prior immune checkpoint inhibitor or chemotherapy for advanced NSCLC. Prior EGFR TKI is allowed."),
    ("Frontline Durvalumab Plus Chemotherapy for Advanced Lung Cancer",
     "No previous chemotherapy or immunotherapy for advanced disease (prior TKI therapy is acceptable)"),
    ("First-Line Nivolumab in Advanced NSCLC",
     "No prior systemic chemotherapy for advanced disease. Prior TKIs are allowed."),
    ("1st-Line Cemiplimab in NSCLC",
     "No prior chemotherapy or anti-PD-1 therapy for metastatic disease. Prior tyrosine kinase inhibitors are "
     "permitted."),
]


@pytest.mark.parametrize(("title", "sentence"), FIRST_LINE_TITLES)
def test_first_line_title_yields_to_the_criteria_allowance(title: str, sentence: str) -> None:
    assert prior_verdict(TKI_LINE, inclusion=[sentence], title=title) == "eligible"
    assert prior_verdict(NAIVE, inclusion=[sentence], title=title) == "eligible"
    assert prior_verdict(CHEMO_IO, inclusion=[sentence], title=title) == "excluded"


@pytest.mark.parametrize(("title", "sentence", "expected"), [
    # criteria that speak of earlier treatment leave the title's "first line" a question
    # (tests/test_rules_prior_therapy_title_question.py)
    ("First-Line Atezolizumab in Advanced NSCLC", "No prior chemotherapy or immunotherapy for advanced disease.",
     "unknown"),
    ("First-Line Atezolizumab in Advanced NSCLC", "Stage IV NSCLC", "excluded"),
])
def test_first_line_title_without_an_allowance_stands(title: str, sentence: str, expected: str) -> None:
    assert prior_verdict(TKI_LINE, inclusion=[sentence], title=title) == expected


# 6. A cohort heading closed by a dash under a part's heading.
DASH_COHORTS = [
    ("Phase 2: Cohort 2a - RET fusion-positive NSCLC previously treated with selpercatinib and/or pralsetinib",
     "Phase 2: Cohort 2b - RET fusion-positive NSCLC naive to selective RET inhibitors; treatment-naive patients "
     "allowed"),
    ("Part B: Arm 1 - EGFR-mutant NSCLC previously treated with osimertinib",
     "Part B: Arm 2 - EGFR-mutant NSCLC with no prior EGFR TKI"),
    ("Expansion: Cohort A \u2013 progressed on prior ALK inhibitor (alectinib or lorlatinib)",
     "Expansion: Cohort B \u2013 ALK inhibitor naive"),
    ("Phase 1b: Group 3 - prior treatment with a KRAS G12C inhibitor (sotorasib or adagrasib)",
     "Phase 1b: Group 4 - no prior KRAS G12C inhibitor"),
    ("Stage 2: Cohort 1 - after pembrolizumab", "Stage 2: Cohort 2 - no prior anti-PD-1/PD-L1 therapy"),
    ("Phase II: Cohort C - previously treated with capmatinib or tepotinib",
     "Phase II: Cohort D - MET inhibitor-naive"),
]


@pytest.mark.parametrize(("treated", "naive"), DASH_COHORTS)
def test_dash_cohorts_are_two_ways_in(treated: str, naive: str) -> None:
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", treated, naive]) == "eligible"


def test_dash_cohorts_still_ask_one_of_them() -> None:
    gefitinib = {"prior_therapies": ["gefitinib"], "prior_lines": 1,
                 "biomarkers": [{"gene": "EGFR", "alteration": "L858R"}]}
    assert prior_verdict(gefitinib, inclusion=["Stage IV NSCLC", *DASH_COHORTS[1]]) == "excluded"
    assert prior_verdict(EGFR_OSI, inclusion=["Stage IV NSCLC", *DASH_COHORTS[1]]) == "eligible"


# 7. Carriers let off a treatment another inclusion asks of everyone: "...; for these participants prior anti-PD-(L)1
# therapy is not required".
EVERYONE_CHEMO_IO = "Progression on or after platinum-based chemotherapy and an anti-PD-1/PD-L1 antibody"
EXEMPTING = [
    "Participants with a known actionable genomic alteration (EGFR, ALK, ROS1, BRAF V600E, RET, MET exon 14 skipping, "
    "NTRK) must have received at least one approved targeted therapy for that alteration and a platinum doublet; for "
    "these participants prior anti-PD-(L)1 therapy is not required",
    "Patients with EGFR or ALK alterations must have received an approved TKI and platinum chemotherapy; prior "
    "immunotherapy is not required for these patients",
    "Subjects with an EGFR mutation must have progressed on an approved EGFR TKI and platinum-based chemotherapy; for "
    "such subjects, prior checkpoint inhibitor therapy is not mandatory",
    "Patients harbouring an EGFR alteration should have received appropriate targeted therapy and a platinum doublet. "
    "For these patients an anti-PD-1/PD-L1 antibody is not required.",
    "Participants with EGFR, ALK or ROS1 alterations must have received approved targeted therapy and platinum "
    "chemotherapy, for them prior immune checkpoint inhibitors are not necessary",
    "Patients with a targetable EGFR alteration must have failed approved targeted therapy and platinum-based "
    "chemotherapy; prior PD-1 or PD-L1 inhibitor is not needed for these patients",
]
EX20_AMI: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "amivantamab"], "prior_lines": 1,
                            "biomarkers": [{"gene": "EGFR", "alteration": "exon 20 insertion"}]}
EGFR_OSI_CHEMO: dict[str, Any] = {"prior_therapies": ["osimertinib", "carboplatin", "pemetrexed"], "prior_lines": 2,
                                  "biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}]}
NO_DRIVER_CHEMO: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1,
                                   "tested_negative": ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "KRAS"]}


@pytest.mark.parametrize("sentence", EXEMPTING)
def test_carriers_let_off_the_shared_treatment(sentence: str) -> None:
    assert prior_verdict(EGFR_OSI_CHEMO, inclusion=[EVERYONE_CHEMO_IO, sentence]) == "eligible"


@pytest.mark.parametrize("sentence", EXEMPTING)
def test_the_others_still_need_it(sentence: str) -> None:
    assert prior_verdict(NO_DRIVER_CHEMO, inclusion=[EVERYONE_CHEMO_IO, sentence]) == "excluded"
    assert prior_verdict(EGFR_OSI, inclusion=[EVERYONE_CHEMO_IO, sentence]) == "excluded"  # no platinum


def test_the_bracketed_list_case_lets_ex20_after_amivantamab_in() -> None:
    assert prior_verdict(EX20_AMI, inclusion=[EVERYONE_CHEMO_IO, EXEMPTING[0]]) == "eligible"


def test_without_the_exemption_the_shared_treatment_binds_carriers() -> None:
    sentence = "Patients with EGFR or ALK alterations must have received an approved TKI and platinum chemotherapy"
    assert prior_verdict(EGFR_OSI_CHEMO, inclusion=[EVERYONE_CHEMO_IO, sentence]) == "excluded"


# 8. A condition told after the last name binds that name only: "must have received platinum-containing chemotherapy
# and ICI therapy, and targeted therapy if there is other actionable driver gene" (the whole requirement had become a
# question: the untreated and the chemotherapy-only patient were let through).
IF_AFTER = [
    "For NSCLC subjects, must have received platinum-containing chemotherapy and immune checkpoint inhibitor (ICI) "
    "therapy (concurrently or sequentially), and targeted therapy if there is other actionable driver gene.",
    "Must have received platinum-based chemotherapy and an anti-PD-1/PD-L1 antibody, and a TKI where an EGFR mutation "
    "is present",
    "Prior platinum doublet and checkpoint inhibitor are required, plus targeted therapy if the tumour harbours an "
    "actionable alteration",
    "Patients must have progressed on platinum chemotherapy and anti-PD-(L)1 therapy, and on an approved targeted "
    "agent when there is a known driver mutation",
    "Must have had platinum-containing chemotherapy and pembrolizumab or nivolumab, and an ALK inhibitor in case of "
    "ALK rearrangement",
    "Received prior platinum-based chemotherapy and immunotherapy, as well as targeted therapy (if an actionable "
    "driver is present)",
]
CHEMO_ONLY: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}


@pytest.mark.parametrize("sentence", IF_AFTER)
def test_condition_after_the_last_name_binds_it_only(sentence: str) -> None:
    assert prior_verdict(NAIVE, inclusion=[sentence]) == "excluded"
    assert prior_verdict(CHEMO_ONLY, inclusion=[sentence]) == "excluded"
    assert prior_verdict(CHEMO_IO, inclusion=[sentence]) != "excluded"


def test_a_condition_on_the_whole_sentence_still_softens_it() -> None:
    sentence = "Must have received platinum-based chemotherapy and an anti-PD-1 antibody if eligible for them"
    assert prior_verdict(NAIVE, inclusion=[sentence]) != "excluded"


# 9. An "unless" that points back to the treatments named just before it ("... unless the patient was ineligible for
# or had a contraindication to these"): they become a question; the count of lines beside them stays firm.
BACK_UNLESS = [
    "Received at least one prior systemic therapy for advanced disease, including platinum-based chemotherapy and an "
    "anti-PD-(L)1 antibody unless the patient was ineligible for or had a contraindication to these; no more than 3 "
    "prior lines.",
    "At least one prior line of therapy for metastatic disease, which must include a platinum doublet and a checkpoint "
    "inhibitor unless ineligible for them",
    "Must have had at least 1 prior regimen for advanced NSCLC, including platinum chemotherapy and immunotherapy, "
    "unless either was not tolerated",
    "Progression after at least one prior line, with prior carboplatin or cisplatin and pembrolizumab unless the "
    "investigator judged both unsuitable",
    "At least one prior systemic treatment in the advanced setting, including docetaxel and ramucirumab unless such "
    "agents were contraindicated",
    "Minimum of one prior line for advanced disease, including an anti-PD-1 antibody unless this therapy was not "
    "indicated",
]


@pytest.mark.parametrize("sentence", BACK_UNLESS)
def test_back_referring_unless_keeps_the_count_firm(sentence: str) -> None:
    assert prior_verdict(NAIVE, inclusion=[sentence]) == "excluded"
    assert prior_verdict(TKI_LINE, inclusion=[sentence]) != "excluded"


@pytest.mark.parametrize("sentence", [
    "At least one prior line of therapy including a platinum doublet, unless the patient refused treatment",
    "At least one prior line of therapy including a platinum doublet unless declined",
])
def test_unless_without_back_reference_keeps_its_reading(sentence: str) -> None:
    assert prior_verdict(NAIVE, inclusion=[sentence]) == "excluded"
    assert prior_verdict(TKI_LINE, inclusion=[sentence]) != "excluded"
