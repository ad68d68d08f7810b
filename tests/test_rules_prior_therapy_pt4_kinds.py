"""Kinds of prior-therapy sentence found on synth D and G, each read wrongly into a false exclusion before:

- a topic heading over cohort bullets ("Previous anti-cancer therapy:" / "Cohort A: after platinum" / "Cohort C: no
  prior systemic therapy") was read as "at least one earlier line" for everyone, so the untreated fitted no cohort;
  in an exclusion list the same heading banned every systemic therapy;
- a part's heading closed by a cohort code ("Phase 2 EXP-1: ...", "Phase 2 EXP-3: ... any number of prior lines")
  made the whole part one group whose cohorts' rules no one fits together;
- "previously treated" denied ("Patients must not have been previously treated") or said of a lesion ("Brain
  metastases must not have been previously treated: no prior radiosurgery ...") was read as "at least one line";
- a ban on targeted classes bound to "the respective" alteration ("TRK, ROS1, or ALK inhibitors in patients who
  have tumors that harbor those respective gene rearrangements") banned crizotinib given for a MET amplification;
- cohorts named by a letter and a number in a list ("Cohort A1/C:", "(Part B1)") were not read as cohorts.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict
from trialmatch.criteria.rules.prior_therapy.scope import heading_cohorts

NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
CHEMO_IO: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
EGFR_OSI: dict[str, Any] = {"prior_therapies": ["osimertinib"], "prior_lines": 1,
                            "biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}]}


def _headed(heading: str, *bullets: str) -> str:
    return heading + "".join(f"\n  * {bullet}" for bullet in bullets)


# 1. A topic heading over cohort bullets asks for nothing itself.
TOPIC_HEADINGS = [
    _headed("Previous anti-cancer therapy:",
            "Cohort A and Cohort B: must have progressed after at least one prior platinum-based chemotherapy regimen "
            "for metastatic disease.",
            "Cohort C: no prior systemic anti-cancer therapy for advanced/metastatic disease."),
    _headed("Prior systemic therapy:",
            "Arm 1: progression on or after one platinum doublet for advanced disease.",
            "Arm 2: treatment-naive for metastatic disease."),
    _headed("Prior systemic treatment for advanced disease:",
            "Part A: at least one prior line of therapy, including a platinum doublet.",
            "Part B: no prior systemic therapy for advanced disease."),
    _headed("Previous anticancer treatment history:",
            "Cohort 1: previously untreated for stage IV disease.",
            "Cohort 2: must have received prior carboplatin-based chemotherapy."),
    _headed("Prior anti-tumour therapy requirements:",
            "Group 1: no prior systemic therapy in the metastatic setting.",
            "Group 2: progressed on prior cisplatin or carboplatin doublet."),
    _headed("Earlier systemic therapies:",
            "Module 1: at least one prior platinum regimen for advanced NSCLC.",
            "Module 2: previously untreated for advanced disease."),
]


@pytest.mark.parametrize("bullet", TOPIC_HEADINGS)
def test_topic_heading_leaves_the_untreated_cohort_open(bullet: str) -> None:
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", bullet]) == "eligible"
    assert prior_verdict(CHEMO_IO, inclusion=["Stage IV NSCLC", bullet]) == "eligible"


@pytest.mark.parametrize("bullet", TOPIC_HEADINGS)
def test_topic_heading_still_reads_its_cohorts(bullet: str) -> None:
    # A TKI line only: no platinum for the pretreated cohort, a line too many for the untreated one.
    assert prior_verdict(EGFR_OSI, inclusion=["Stage IV NSCLC", bullet]) == "excluded"


EXCLUSION_HEADINGS = [
    _headed("Prior systemic therapy:", "Docetaxel", "Any KRAS G12C inhibitor"),
    _headed("Previous anti-cancer treatment:", "docetaxel", "sotorasib or adagrasib"),
    _headed("Prior anticancer therapies:", "Docetaxel-containing regimen", "KRAS G12C inhibitors"),
]


@pytest.mark.parametrize("bullet", EXCLUSION_HEADINGS)
def test_exclusion_topic_heading_bans_only_its_bullets(bullet: str) -> None:
    assert prior_verdict(CHEMO_IO, exclusion=[bullet]) == "eligible"
    assert prior_verdict(EGFR_OSI, exclusion=[bullet]) == "eligible"
    docetaxel = {"prior_therapies": ["carboplatin", "pemetrexed", "docetaxel"], "prior_lines": 2}
    assert prior_verdict(docetaxel, exclusion=[bullet]) == "excluded"


def test_near_miss_heading_with_a_verb_still_asks() -> None:
    # "Must have received ..." says what everyone needs: not a topic.
    bullet = _headed("Must have received prior systemic therapy for advanced disease, as follows:",
                     "platinum-based chemotherapy", "an anti-PD-1 or anti-PD-L1 antibody")
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", bullet]) == "excluded"
    assert prior_verdict(CHEMO_IO, inclusion=["Stage IV NSCLC", bullet]) == "eligible"


def test_near_miss_bare_prior_therapy_without_colon_still_asks() -> None:
    assert prior_verdict(NAIVE, inclusion=["Prior systemic therapy for metastatic disease"]) == "excluded"


# 2. A part's heading closed by a cohort code: the cohort is the group.
CODED_COHORTS = [
    ["Phase 1: any solid tumour that has progressed on, or is intolerant of, standard therapy",
     "Phase 2 EXP-1: ROS1-positive NSCLC, naive to ROS1 TKIs; up to 1 prior platinum-based chemotherapy",
     "Phase 2 EXP-2: ROS1-positive NSCLC that progressed after 1 prior ROS1 TKI",
     "Phase 2 EXP-3: NTRK fusion-positive solid tumour, naive to TRK inhibitors, any number of prior lines"],
    ["Part A: progressed on at least one prior line of systemic therapy",
     "Part B ESC-1: must have received prior osimertinib",
     "Part B ESC-2: no prior systemic therapy for advanced disease"],
    ["Phase 1b Expansion 1: must have progressed after platinum-based chemotherapy",
     "Phase 1b Expansion 2: treatment-naive patients with metastatic disease"],
    ["Phase 2 COH-1: prior EGFR TKI required",
     "Phase 2 COH-2: no prior therapy for advanced disease"],
    ["Part 2 DE-1: must have had at least two prior lines",
     "Part 2 DE-2: previously untreated for advanced disease"],
    ["Phase 2 EXP-A1: at least 1 prior platinum doublet",
     "Phase 2 EXP-A2: no prior systemic therapy in the metastatic setting"],
]


@pytest.mark.parametrize("bullets", CODED_COHORTS)
def test_coded_cohort_under_a_part_is_its_own_way_in(bullets: list[str]) -> None:
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", *bullets]) == "eligible"


def test_near_miss_every_coded_cohort_needs_treatment() -> None:
    bullets = ["Phase 2 EXP-1: must have progressed after platinum-based chemotherapy",
               "Phase 2 EXP-2: must have progressed after a prior ROS1 TKI"]
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", *bullets]) == "excluded"
    assert prior_verdict(CHEMO_IO, inclusion=["Stage IV NSCLC", *bullets]) == "eligible"


def test_near_miss_gene_code_is_no_cohort() -> None:
    # "Phase 2 HER-2:" names a marker group, not a coded cohort: the heading names the phase, as before.
    assert heading_cohorts("Phase 2 HER-2: must have progressed after platinum-based chemotherapy") == ("phase 2",)
    assert heading_cohorts("Phase 2 EXP-1: must have progressed after platinum") == ("cohort exp-1",)
    assert heading_cohorts("Phase 1b Expansion 3: no prior therapy") == ("cohort exp-3",)


# 3. "Previously treated" denied, or said of a lesion: no line asked for.
LESION_SENTENCES = [
    "Brain metastases must not have been previously treated: no prior radiosurgery, whole brain radiotherapy or "
    "surgical resection of brain metastases.",
    "Brain metastases must have been previously treated with surgery or stereotactic radiosurgery.",
    "Brain lesions that have not been previously treated must be asymptomatic.",
    "Target lesions must not have been previously irradiated or treated.",
    "CNS metastases must have been previously treated and stable for 4 weeks.",
    "Measurable lesions that have not been previously treated with local therapy.",
    "Liver metastases should not have been pretreated with ablation.",
]


@pytest.mark.parametrize("sentence", LESION_SENTENCES)
def test_lesion_treatment_asks_no_line(sentence: str) -> None:
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", sentence]) == "eligible"
    assert prior_verdict(CHEMO_IO, inclusion=["Stage IV NSCLC", sentence]) == "eligible"


DENIED = [
    "Patients must not have been previously treated.",
    "Patients must not have been previously treated for metastatic disease.",
    "Subjects should not have been pretreated for advanced NSCLC.",
    "Participants who have not been previously treated for advanced disease.",
]


@pytest.mark.parametrize("sentence", DENIED)
def test_denied_treatment_is_the_untreated(sentence: str) -> None:
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", sentence]) == "eligible"
    assert prior_verdict(CHEMO_IO, inclusion=["Stage IV NSCLC", sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Patients must have been previously treated.",
    "Patients must have been previously treated for metastatic disease.",
    "Patients with brain metastases are allowed; patients must have been previously treated for advanced disease.",
])
def test_near_miss_treated_patients_still_asked(sentence: str) -> None:
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", sentence]) == "excluded"
    assert prior_verdict(CHEMO_IO, inclusion=["Stage IV NSCLC", sentence]) == "eligible"


# 4. A ban bound to "the respective" alteration binds each class to its gene's carriers.
MET_CRIZOTINIB: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "crizotinib"], "prior_lines": 2,
                                  "biomarkers": [{"gene": "MET", "alteration": "amplification"}],
                                  "tested_negative": ["EGFR", "ALK", "ROS1"]}
ALK_ALECTINIB: dict[str, Any] = {"prior_therapies": ["alectinib"], "prior_lines": 1,
                                 "biomarkers": [{"gene": "ALK", "alteration": "fusion"}]}
ROS1_CRIZOTINIB: dict[str, Any] = {"prior_therapies": ["crizotinib"], "prior_lines": 1,
                                   "biomarkers": [{"gene": "ROS1", "alteration": "fusion"}]}
RESPECTIVE = [
    "Prior treatment with approved or investigational TRK, ROS1, or ALK inhibitors in patients who have tumors that "
    "harbor those respective gene rearrangements",
    "Previous ALK or ROS1 tyrosine kinase inhibitors in subjects with the corresponding gene fusion",
    "Prior ROS1, ALK or RET inhibitor therapy in patients whose tumours carry the respective alteration",
    "Prior ALK, ROS1 or NTRK inhibitor therapy in a patient with the matching rearrangement",
    "Prior therapy with ALK TKIs or ROS1 TKIs in participants harbouring the respective fusions",
    "Previous treatment with ROS1 or ALK inhibitors for patients with their respective gene rearrangement",
]


@pytest.mark.parametrize("sentence", RESPECTIVE)
def test_respective_ban_spares_other_carriers(sentence: str) -> None:
    assert prior_verdict(MET_CRIZOTINIB, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", RESPECTIVE)
def test_respective_ban_still_binds_its_carriers(sentence: str) -> None:
    assert prior_verdict(ALK_ALECTINIB, exclusion=[sentence]) == "excluded"
    assert prior_verdict(ROS1_CRIZOTINIB, exclusion=[sentence]) == "excluded"


def test_near_miss_plain_class_ban_binds_everyone() -> None:
    assert prior_verdict(MET_CRIZOTINIB, exclusion=["Prior treatment with an ALK inhibitor"]) == "excluded"


def test_respective_ban_of_an_untargeted_drug_is_a_question() -> None:
    sentence = "Prior crizotinib or entrectinib in patients with the respective gene rearrangement"
    assert prior_verdict(MET_CRIZOTINIB, exclusion=[sentence]) == "unknown"


# 5. Cohorts named by a letter and a number, in lists.
def test_letter_number_cohort_lists_are_groups() -> None:
    bullet = _headed("Prior Systemic Therapy Criteria:",
                     "Cohort A1/C: must have received at least one prior platinum regimen for advanced disease",
                     "Cohort B1/B2: no prior systemic therapy for advanced disease")
    assert prior_verdict(NAIVE, inclusion=["Stage IV NSCLC", bullet]) == "eligible"
    assert prior_verdict(CHEMO_IO, inclusion=["Stage IV NSCLC", bullet]) == "eligible"
    assert prior_verdict(EGFR_OSI, inclusion=["Stage IV NSCLC", bullet]) == "excluded"


def test_cohort_of_another_cancer_in_a_list_is_no_way_in() -> None:
    inclusion = [_headed("Have one of the following solid tumours:",
                         "Cohort A1: non-small cell lung cancer or breast cancer",
                         "Cohort B2: urothelial carcinoma"),
                 _headed("Prior therapy:",
                         "Cohort A1: must have progressed after platinum-based chemotherapy",
                         "Cohort B2: no prior systemic therapy")]
    assert prior_verdict(NAIVE, inclusion=inclusion) == "excluded"
    assert prior_verdict(CHEMO_IO, inclusion=inclusion) == "eligible"
