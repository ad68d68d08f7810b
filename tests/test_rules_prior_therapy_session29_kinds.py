"""Prior-therapy sentence kinds of session 29 (from the real-registry-style set AA):

1. Two entry times, the first before any treatment: "Patients can be registered either before the start of first-line
   systemic treatment, or after completion of 2-4 cycles of first-line X". The untreated patient enters the first
   way; what the second asks (the induction had, no progression since) is asked of the treated only. Read before as
   a washout point (no untreated way) and a count of at least one line: every untreated patient falsely excluded.
2. A plan added to a ban of treatment had: "Previous systemic anticancer therapy for lung cancer, including planned
   neoadjuvant treatment". The "planned" made the whole exclusion read as about the study's present (no rule, every
   pretreated patient let through); what was had is banned all the same, in every setting.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from tests.prior_therapy_cases import EGFR_EX19 as EGFR
from tests.prior_therapy_cases import FULL_PANEL as GENES
from tests.prior_therapy_cases import named_verdict

PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "egfr-naive": {"biomarkers": EGFR, "prior_therapies": [], "prior_lines": 0},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "chemo-io-docetaxel": {"tested_negative": GENES, "prior_lines": 2,
                           "prior_therapies": ["cisplatin", "pemetrexed", "nivolumab", "docetaxel"]},
    "osimertinib": {"biomarkers": EGFR, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "lines-unknown": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "gemcitabine"], "prior_lines": None},
}

verdict = partial(named_verdict, PATIENTS)
UNTREATED = ["naive", "egfr-naive"]


# --- 1. two entry times, the first before any treatment -----------------------------------------------------------

ENTRY_TIMES = [
    "Patients can be registered either before the start of first-line systemic treatment, or after completion of "
    "2-4 cycles of first-line platinum doublet chemotherapy combined with a PD-1/PD-L1 inhibitor without progressive "
    "disease on restaging; randomisation takes place after induction in both cases",
    "Patients may be enrolled prior to initiation of first-line therapy or after completion of 4 cycles of first-line "
    "chemotherapy without progression",
    "Enrolment is possible either before first-line treatment or after up to 4 cycles of first-line "
    "chemo-immunotherapy (CT-IO)",
    "Registration may occur before starting systemic therapy or after 2 to 4 cycles of induction chemotherapy",
    "Patients can be enrolled before the beginning of any systemic anticancer treatment, or upon completion of "
    "three cycles of carboplatin-based induction.",
    "Subjects are registered prior to starting 1L treatment or, for Cohort 2a, following 4 cycles of induction "
    "pembrolizumab plus pemetrexed and platinum",
    "Participants can be included ahead of their first-line palliative therapy, or having completed 2 cycles of "
    "platinum doublet chemotherapy with no progression",
]


@pytest.mark.parametrize("sentence", ENTRY_TIMES)
@pytest.mark.parametrize("who", UNTREATED)
def test_entry_before_any_treatment_lets_the_untreated_in(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


# (ENTRY_TIMES[4:] set no rule for the treated at all: lenient, left as it was.)
@pytest.mark.parametrize("sentence", ENTRY_TIMES[:4])
def test_entry_before_any_treatment_still_shuts_two_lines(sentence: str) -> None:
    # A second line is neither "before first-line treatment" nor a first-line induction (never eligible).
    assert verdict("chemo-io-docetaxel", [sentence]) != "eligible"


@pytest.mark.parametrize(("sentence", "who", "expected"), [
    # Near misses: one entry time only keeps its old reading.
    ("Patients must have completed 4 cycles of first-line platinum chemotherapy without disease progression",
     "naive", "excluded"),
    ("No prior systemic treatment; enrolment takes place before the start of first-line therapy", "chemo-io",
     "excluded"),
    # A washout point before the study's own treatment is no entry time.
    ("Prior chemotherapy must have ended at least 3 weeks before the start of study treatment, or after 5 "
     "half-lives", "naive", "eligible"),
])
def test_one_entry_time_keeps_its_reading(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected


# --- 2. a plan added to a ban of treatment had ---------------------------------------------------------------------

PLANNED_TOO = [
    "Previous systemic anticancer therapy (chemotherapy, immunotherapy or targeted therapy) or thoracic radiotherapy "
    "for lung cancer, including planned neoadjuvant treatment",
    "Any prior anticancer drug treatment for NSCLC, including planned neoadjuvant chemotherapy or immunotherapy",
    "Prior systemic treatment for lung cancer (including any planned adjuvant therapy)",
    "Patients who have received chemotherapy, targeted therapy or immunotherapy for the current lung cancer, "
    "including scheduled neoadjuvant therapy, are not allowed to be enrolled",
    "Receipt of any previous anti-tumour treatment, as well as planned perioperative systemic therapy",
    "History of systemic therapy (e.g. chemotherapy, TKI, ICI) for lung cancer, incl. planned neoadjuvant therapy",
]
PRETREATED = ["chemo-io", "chemo-io-docetaxel", "osimertinib"]


@pytest.mark.parametrize("sentence", PLANNED_TOO)
@pytest.mark.parametrize("who", PRETREATED)
def test_ban_with_a_plan_added_still_bans_what_was_had(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "excluded"


@pytest.mark.parametrize("sentence", PLANNED_TOO)
@pytest.mark.parametrize("who", UNTREATED)
def test_ban_with_a_plan_added_lets_the_untreated_in(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    # Near misses: the plan alone, or the study's present, sets no rule on earlier treatment.
    "Planned neoadjuvant chemotherapy before surgery",
    "Patients planned to receive concurrent radiotherapy during the study",
    "Planned major surgery during the study period",
    "Any other anticancer therapy planned during the study, including planned adjuvant chemotherapy",
])
@pytest.mark.parametrize("who", ["chemo-io", "osimertinib", "naive"])
def test_plan_alone_sets_no_rule(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "eligible"


# --- 3. a first-line cohort beside a "must have received" of the pretreated cohorts ------------------------------
# "Phase 1b monotherapy cohorts: * NSCLC must have received platinum and/or anti-PD-1" beside "Phase 1b NSCLC
# combination cohort: * previously untreated NSCLC": the cohort labels share their phase, so the requirement was read
# into the untreated cohort's group too, which no one can then meet. Which rule is whose is a question for the
# untreated patient, never an exclusion; a pretreated patient keeps the reading of the pretreated cohorts.

NAIVE_COHORT_TRIALS = [
    ["Phase 1a dose escalation and Phase 1b monotherapy cohorts:\n  * Have received at least 1 prior line of standard "
     "systemic therapy\n  * Participants with NSCLC must have received a platinum-based chemotherapy regimen and/or "
     "an anti-PD-1 or anti-PD-L1 antibody",
     "Phase 1b NSCLC combination cohort (study drug plus pembrolizumab):\n  * Have previously untreated locally "
     "advanced or metastatic NSCLC"],
    ["Part A and Part B monotherapy:\n  * Patients with NSCLC (non-small cell lung cancer) must have progressed on "
     "platinum-based chemotherapy",
     "Part B combination cohort:\n  * Treatment-naive metastatic NSCLC"],
    ["Dose escalation (Part 1) and Cohort 2a monotherapy expansion:\n  * NSCLC patients must have been treated with "
     "an anti-PD-1/PD-L1 antibody, e.g. pembrolizumab",
     "Cohort 2b first-line combination:\n  * No prior systemic therapy for metastatic NSCLC"],
]


@pytest.mark.parametrize("trial", NAIVE_COHORT_TRIALS)
@pytest.mark.parametrize("who", UNTREATED)
def test_first_line_cohort_keeps_the_untreated_from_exclusion(trial: list[str], who: str) -> None:
    assert verdict(who, trial) != "excluded"


@pytest.mark.parametrize("trial", NAIVE_COHORT_TRIALS)
def test_first_line_cohort_keeps_the_pretreated_reading(trial: list[str]) -> None:
    assert verdict("chemo-io", trial) == "eligible"


def test_no_first_line_cohort_still_excludes_the_untreated() -> None:
    assert verdict("naive", NAIVE_COHORT_TRIALS[0][:1]) == "excluded"


# --- 4. conditions by driver group under a "Prior therapy:" lead-in -------------------------------------------------
# "NSCLC without one of the alterations listed below: must have received ... anti-PD-1" beside "NSCLC with an EGFR,
# ALK, ... alteration: must have received ... targeted therapy for that alteration": the group named by its disease
# and a list given elsewhere is the driver-negative group; its rule binds those without the listed drivers only.

def _groups(without: str, need_io: str, carriers: str, need_tki: str) -> list[str]:
    return [f"Prior therapy:\n  * {without}: {need_io}\n  * {carriers}: {need_tki}"]


GROUP_CONDITIONS = [
    _groups("NSCLC without one of the alterations listed below",
            "must have received and progressed on or after an anti-PD-1 or anti-PD-L1 containing regimen",
            "NSCLC with an EGFR, ALK, ROS1, RET, BRAF V600E, MET exon 14 skipping or NTRK alteration",
            "must have received and progressed on at least one approved targeted therapy for that alteration"),
    _groups("Non-squamous NSCLC without any of the alterations listed below",
            "must have progressed after a PD-(L)1 inhibitor (e.g. pembrolizumab, atezolizumab)",
            "NSCLC with EGFR, ALK or ROS1 alterations",
            "must have progressed on at least one approved TKI for that alteration"),
    _groups("Tumours without one of the genomic alterations listed below",
            "prior treatment with an immune checkpoint inhibitor (anti-PD-1/PD-L1) is required",
            "Tumours with an EGFR, ALK, RET or MET exon 14 alteration",
            "must have received approved targeted therapy for that alteration"),
]


@pytest.mark.parametrize("trial", GROUP_CONDITIONS)
def test_driver_negative_group_rule_binds_the_driver_negative(trial: list[str]) -> None:
    assert verdict("naive", trial) == "excluded"
    assert verdict("chemo-io", trial) == "eligible"


@pytest.mark.parametrize("trial", GROUP_CONDITIONS)
def test_driver_negative_group_rule_leaves_carriers_to_their_own(trial: list[str]) -> None:
    assert verdict("osimertinib", trial) == "eligible"
    assert verdict("egfr-naive", trial) != "eligible"
