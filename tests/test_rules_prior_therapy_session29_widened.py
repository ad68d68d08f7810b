"""Session 29 round 3: the kinds fixed this session, written the way other sponsors write them, and three gaps.

The kinds of rounds 1 and 2 came out narrower than the way they are written elsewhere: a US cooperative group's
"Patients must have ...", a pharma "Participant has received ...", translated "Patients who ... can be enrolled", a
European "Prior treatment with ... is mandatory", a rule split over a heading and bullets, the time said in a bracket
after the treatment. Widened here:
1. Two entry times: "Patients who have not started first-line treatment, or who have completed 2-4 cycles of ..."
   (the untreated way in said as "have not started").
2. A plan added to a ban of treatment had: ", including treatment planned before surgery", ", planned neoadjuvant
   treatment included" (the plan neither empties the ban nor narrows it to the early setting).
3. A treated group spelt out under "such as:" by kinds of patient ("Participant who ..."), and the kinds of one drug
   class under "including:" ("Progression after ALK-targeted therapy, including: * second-generation ALK TKIs
   * lorlatinib"): any one counts (before, the items were all required: a false exclusion).
4. Treatment had or planned: "received or plan to receive", "prior and planned", "Chemotherapy (prior or planned)",
   "must not have received, and must not be planned to receive, X".
5. Translated entry rules: "who had disease progression after X can be included", "Patients with progression after X
   may be enrolled", "... experienced treatment failure with X are allowed to participate" ("... are eligible" stays
   a permission, as decided in test_rules_prior_therapy_line_starting_or_on).
6. Local treatment of every site: the verb after ("... must have been completed", "... is mandatory"), the sites
   first ("All sites of disease treated with definitive local therapy"), stereotactic radiotherapy or resection.
7. "Earlier treatment with X", "former therapy with X": "prior" in other words (set no rule before).
8. ", and B for patients with X" / "A and, for EGFR-mutant patients, B is mandatory" at a sentence's end: B is asked
   of the carriers only; A of everyone (before, the whole sentence was bound to the carriers, or B asked of all).

Every sentence is invented.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import EGFR_EX19, FULL_PANEL, prior_verdict


def _patient(drugs: list[str], lines: int | None = None, bio: list[dict[str, str]] | None = None) -> dict[str, Any]:
    findings = bio or []
    return {"biomarkers": findings, "tested_negative": [g for g in FULL_PANEL if all(f["gene"] != g for f in findings)],
            "prior_therapies": drugs, "prior_lines": (1 if drugs else 0) if lines is None else lines}


ALK = [{"gene": "ALK", "alteration": "EML4-ALK fusion"}]
KRAS = [{"gene": "KRAS", "alteration": "G12C"}]
NAIVE = _patient([])
CHEMO = _patient(["carboplatin", "pemetrexed"])
CHEMO_IO = _patient(["carboplatin", "pemetrexed", "pembrolizumab"])
TWO_LINES = _patient(["cisplatin", "pemetrexed", "nivolumab", "docetaxel"], 2)
OSIMERTINIB = _patient(["osimertinib"], bio=EGFR_EX19)
EGFR_NAIVE = _patient([], bio=EGFR_EX19)
ALK_NAIVE = _patient([], bio=ALK)
ALECTINIB = _patient(["alectinib"], bio=ALK)
KRAS_NAIVE = _patient([], bio=KRAS)
SOTORASIB = _patient(["carboplatin", "pemetrexed", "sotorasib"], 2, bio=KRAS)
PEMBROLIZUMAB = _patient(["pembrolizumab"])
DOCETAXEL = _patient(["docetaxel"])


# --- 1. two entry times, the first before any treatment -----------------------------------------------------------

ENTRY_TIMES = [
    "Patients must be enrolled either prior to starting first-line systemic therapy or after completing 4 cycles of "
    "platinum-based induction chemotherapy without progression",
    "Participant is either treatment-naive at registration or has completed 3 to 4 cycles of first-line "
    "chemo-immunotherapy with no evidence of disease progression",
    "Patients who have not started first-line treatment, or who have completed 2-4 cycles of first-line platinum "
    "doublet chemotherapy without progression, can be enrolled",
    "Patients who have not yet initiated 1L systemic therapy, or who completed 4 cycles of carboplatin plus "
    "pemetrexed (CP) with SD or better",
    "Timing of enrolment:\n  * before the start of first-line therapy, or\n  * after 4 cycles of first-line "
    "platinum-based chemotherapy (SD, PR or CR)",
    "Enrollment may take place prior to first-line systemic treatment or following completion of induction "
    "platinum-doublet chemotherapy (2-4 cycles)",
    "Patients may be registered at diagnosis (before first-line treatment) or after 2 to 4 cycles of first-line "
    "chemotherapy without disease progression",
]


@pytest.mark.parametrize("sentence", ENTRY_TIMES)
@pytest.mark.parametrize("who", [NAIVE, EGFR_NAIVE])
def test_entry_before_any_treatment_lets_the_untreated_in(sentence: str, who: dict[str, Any]) -> None:
    assert prior_verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", ENTRY_TIMES)
def test_entry_before_any_treatment_never_lets_two_lines_in(sentence: str) -> None:
    assert prior_verdict(TWO_LINES, [sentence]) != "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients who have not started any systemic therapy for advanced NSCLC",
    "Participant has not yet initiated first-line treatment",
])
def test_not_started_alone_is_the_untreated_requirement(sentence: str) -> None:
    # One way in only: a requirement to be untreated (before, "started" read as a course begun: at least 1 line,
    # every untreated patient falsely excluded).
    assert prior_verdict(CHEMO_IO, [sentence]) == "excluded"
    assert prior_verdict(NAIVE, [sentence]) == "eligible"


# --- 2. a plan added to a ban of treatment had ---------------------------------------------------------------------

PLANNED_TOO = [
    "Patients must not have received any prior systemic therapy for lung cancer, including planned neoadjuvant "
    "therapy",
    "Participant has received prior systemic anticancer therapy for NSCLC (including any planned perioperative "
    "treatment)",
    "Prior anti-cancer treatment [chemotherapy, targeted therapy, immunotherapy] for the current disease, including "
    "planned adjuvant therapy, is not permitted",
    "Patients who have received systemic antitumour therapy, including planned neoadjuvant therapy, for the current "
    "NSCLC are not allowed to be enrolled",
    "Any previous systemic treatment for NSCLC, including treatment planned before surgery",
    "Previous systemic therapy for lung cancer, planned neoadjuvant treatment included",
    "Prior treatment for NSCLC including planned neoadjuvant or adjuvant systemic therapy cannot be included",
]


@pytest.mark.parametrize("sentence", PLANNED_TOO)
@pytest.mark.parametrize("who", [CHEMO_IO, OSIMERTINIB])
def test_ban_with_a_plan_added_bans_what_was_had(sentence: str, who: dict[str, Any]) -> None:
    assert prior_verdict(who, exclusion=[sentence]) == "excluded"


@pytest.mark.parametrize("sentence", PLANNED_TOO)
def test_ban_with_a_plan_added_lets_the_untreated_in(sentence: str) -> None:
    assert prior_verdict(NAIVE, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Neoadjuvant chemotherapy planned before surgery",
    "Any systemic therapy planned during the study, including planned adjuvant chemotherapy",
])
def test_near_miss_a_plan_alone_bans_nothing_had(sentence: str) -> None:
    assert prior_verdict(CHEMO_IO, exclusion=[sentence]) == "eligible"


def test_near_miss_an_early_ban_with_a_plan_stays_early() -> None:
    # "Prior neoadjuvant chemotherapy" asks of the early setting, which a profile cannot tell: never an exclusion.
    sentence = "Prior neoadjuvant chemotherapy for NSCLC, including planned neoadjuvant treatment"
    assert prior_verdict(CHEMO_IO, exclusion=[sentence]) != "excluded"


# --- 3. a treated group spelt out ----------------------------------------------------------------------------------

# (inclusion, a patient who had one listed treatment, the untreated carrier)
SPELT_OUT = [
    ("Patients must have progressed after prior EGFR-TKI therapy, including:\n  * first- or second-generation EGFR "
     "TKI (gefitinib, erlotinib, afatinib)\n  * osimertinib", OSIMERTINIB, EGFR_NAIVE),
    ("Participant has disease progression on ALK inhibitor therapy, such as:\n  * Participant who progressed on "
     "alectinib\n  * Participant who progressed on lorlatinib", ALECTINIB, ALK_NAIVE),
    ("Patients who have failed EGFR-TKI treatment can be enrolled, including:\n  1. patients who progressed on "
     "osimertinib;\n  2. patients who progressed on aumolertinib.", OSIMERTINIB, EGFR_NAIVE),
    ("Subjects with resistance to KRAS G12C inhibitor therapy, e.g.:\n  * Subject who received sotorasib\n  "
     "* Subject who received adagrasib or divarasib", SOTORASIB, KRAS_NAIVE),
    ("Patients with disease progression following EGFR TKIs (including gefitinib, erlotinib, afatinib, dacomitinib "
     "or osimertinib)", OSIMERTINIB, EGFR_NAIVE),
    ("Documented progression on >=1 EGFR-TKI, including:\n  * Osimertinib (1L or 2L)\n  * Other 3rd-generation EGFR "
     "TKIs (aumolertinib, furmonertinib, lazertinib)", OSIMERTINIB, EGFR_NAIVE),
    ("Progression after ALK-targeted therapy, including:\n  * second-generation ALK TKIs (alectinib, brigatinib, "
     "ceritinib, ensartinib)\n  * lorlatinib", ALECTINIB, ALK_NAIVE),
    ("Prior platinum-based chemotherapy, including:\n  * cisplatin-based doublets\n  * carboplatin-based doublets",
     CHEMO, NAIVE),
]


@pytest.mark.parametrize(("inclusion", "had", "untreated"), SPELT_OUT)
def test_one_listed_history_is_enough(inclusion: str, had: dict[str, Any], untreated: dict[str, Any]) -> None:
    assert prior_verdict(had, [inclusion]) == "eligible"


@pytest.mark.parametrize(("inclusion", "had", "untreated"), SPELT_OUT)
def test_the_untreated_are_still_shut_out(inclusion: str, had: dict[str, Any], untreated: dict[str, Any]) -> None:
    assert prior_verdict(untreated, [inclusion]) == "excluded"
    assert prior_verdict(NAIVE, [inclusion]) == "excluded"


@pytest.mark.parametrize(("inclusion", "both"), [
    # Near misses: a count of lines, or two treatments in the lead-in: the listed parts add up.
    ("Has received at least 2 prior lines of therapy, including:\n  * platinum-based chemotherapy\n  * an anti-PD-1 "
     "or anti-PD-L1 antibody", TWO_LINES),
    ("Prior chemotherapy and immunotherapy, including:\n  * a platinum doublet\n  * a PD-1 inhibitor", CHEMO_IO),
])
def test_near_miss_counted_parts_still_add_up(inclusion: str, both: dict[str, Any]) -> None:
    assert prior_verdict(CHEMO, [inclusion]) == "excluded"
    assert prior_verdict(both, [inclusion]) == "eligible"


# --- 4. treatment had or planned -----------------------------------------------------------------------------------

# (exclusion, a patient who had the banned treatment, a treated patient who did not)
HAD_OR_PLANNED = [
    ("Participant has received or is planned to receive an anti-PD-1/PD-L1 antibody", CHEMO_IO, OSIMERTINIB),
    ("Prior or planned treatment with EGFR TKIs (gefitinib, erlotinib, osimertinib)", OSIMERTINIB, CHEMO_IO),
    ("Patients who have received or plan to receive immunotherapy are not allowed to be enrolled", CHEMO_IO,
     OSIMERTINIB),
    ("Previous or planned radiotherapy or chemotherapy for NSCLC", CHEMO_IO, OSIMERTINIB),
    ("Received prior, or is expected to receive, platinum-based chemotherapy", CHEMO_IO, OSIMERTINIB),
    ("Any prior or scheduled ICI (e.g. nivolumab, pembrolizumab, atezolizumab)", CHEMO_IO, OSIMERTINIB),
    ("Prior and planned third-generation EGFR-TKI therapy is not allowed", OSIMERTINIB, CHEMO_IO),
    ("Chemotherapy (prior or planned)", CHEMO_IO, OSIMERTINIB),
    ("Patients must not have received, and must not be planned to receive, chemotherapy", CHEMO_IO, OSIMERTINIB),
]


@pytest.mark.parametrize(("exclusion", "had", "other"), HAD_OR_PLANNED)
def test_what_was_had_is_banned(exclusion: str, had: dict[str, Any], other: dict[str, Any]) -> None:
    assert prior_verdict(had, exclusion=[exclusion]) == "excluded"
    assert prior_verdict(other, exclusion=[exclusion]) == "eligible"
    assert prior_verdict(NAIVE, exclusion=[exclusion]) == "eligible"


def test_the_plan_beside_a_ban_in_the_inclusion_list() -> None:
    sentence = "Patients must not have received, and must not be planned to receive, chemotherapy"
    assert prior_verdict(CHEMO_IO, [sentence]) == "excluded"
    assert prior_verdict(NAIVE, [sentence]) == "eligible"


@pytest.mark.parametrize("exclusion", [
    "Patients who plan to receive radiotherapy during the study",
    "Chemotherapy (planned during the study)",
    "Concurrent or planned anticancer therapy while on study",
])
def test_near_miss_a_plan_alone_bans_nothing(exclusion: str) -> None:
    assert prior_verdict(CHEMO_IO, exclusion=[exclusion]) == "eligible"


# --- 5. translated entry rules -------------------------------------------------------------------------------------

# (inclusion, a patient who had the failed treatment, a treated patient who did not)
ENTRY_RULES = [
    ("Patients who have progressed after platinum-based doublet chemotherapy can be enrolled in this study", CHEMO,
     OSIMERTINIB),
    ("Patients who had disease progression after treatment with osimertinib can be included", OSIMERTINIB, CHEMO),
    ("Subjects who failed or were intolerant to first-line platinum-containing chemotherapy are allowed to enrol",
     CHEMO, OSIMERTINIB),
    ("Patients whose disease has progressed on prior EGFR-TKI therapy can be enrolled in the trial", OSIMERTINIB,
     CHEMO),
    ("Patients who failed prior ALK-TKI therapy (such as crizotinib, alectinib) can be enrolled", ALECTINIB, CHEMO),
    ("Patients with progression after anti-PD-1/PD-L1 therapy (pembrolizumab, nivolumab, etc.) may be enrolled",
     PEMBROLIZUMAB, OSIMERTINIB),
    ("Patients who have experienced treatment failure with standard platinum-based first-line chemotherapy are "
     "allowed to participate", CHEMO, OSIMERTINIB),
    ("Those who progressed during or after EGFR-TKIs (gefitinib/erlotinib/icotinib/osimertinib) can be enrolled",
     OSIMERTINIB, CHEMO),
]


@pytest.mark.parametrize(("inclusion", "had", "other"), ENTRY_RULES)
def test_the_failed_treatment_is_required(inclusion: str, had: dict[str, Any], other: dict[str, Any]) -> None:
    assert prior_verdict(had, [inclusion]) == "eligible"
    assert prior_verdict(other, [inclusion]) == "excluded"
    assert prior_verdict(NAIVE, [inclusion]) == "excluded"


@pytest.mark.parametrize("inclusion", [
    # Allowances: an early setting, the brain, a condition, or the untreated let in beside.
    "Patients with relapse after adjuvant chemotherapy can be enrolled",
    "Patients with progression of brain metastases after radiotherapy may be enrolled",
    "Patients who had disease progression on prior therapy or are treatment-naive can be enrolled",
    "Patients with progression after chemotherapy can be enrolled if the last dose was more than 4 weeks ago",
])
def test_near_miss_allowances_ask_for_nothing(inclusion: str) -> None:
    assert prior_verdict(NAIVE, [inclusion]) == "eligible"


# --- 6. local treatment of every site done -------------------------------------------------------------------------

LOCAL_DONE = [
    "Patients must have completed definitive local therapy (surgery and/or radiotherapy) to all sites of disease",
    "Local ablative treatment (SBRT, surgery, RFA) of all known metastases must have been completed",
    "Patients who have completed radical treatment of all metastatic lesions can be enrolled",
    "All sites of disease treated with definitive local therapy (LCT) prior to registration",
    "Completed stereotactic radiotherapy or resection to all oligometastatic sites",
    "Prior local consolidative therapy to all sites of disease is mandatory",
    "Patients must have undergone local treatment (surgery, SBRT) of every residual lesion",
]


@pytest.mark.parametrize("sentence", LOCAL_DONE)
@pytest.mark.parametrize("who", [NAIVE, OSIMERTINIB, CHEMO_IO])
def test_local_treatment_of_every_site_is_a_question(sentence: str, who: dict[str, Any]) -> None:
    assert prior_verdict(who, [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", [
    "All sites of disease must be evaluable by CT or MRI",
    "Local ablative therapy to all sites of disease is planned after induction",
    "All lesions treated with stereotactic radiosurgery must be excluded from target lesions",
])
def test_near_miss_local_words_without_a_done_treatment(sentence: str) -> None:
    assert prior_verdict(NAIVE, [sentence]) == "eligible"


# --- 7. "earlier" and "former" treatment ---------------------------------------------------------------------------

EARLIER = [
    ("Earlier treatment with docetaxel", DOCETAXEL),
    ("Earlier therapy with immune checkpoint inhibitors", CHEMO_IO),
    ("Former treatment with docetaxel", DOCETAXEL),
    ("Participant has had earlier exposure to pembrolizumab, nivolumab or atezolizumab", CHEMO_IO),
    ("Patients with earlier systemic therapy with an EGFR TKI are not allowed to be enrolled", OSIMERTINIB),
    ("Earlier anticancer treatment with osimertinib (any line)", OSIMERTINIB),
]


@pytest.mark.parametrize(("exclusion", "had"), EARLIER)
def test_earlier_treatment_is_banned(exclusion: str, had: dict[str, Any]) -> None:
    assert prior_verdict(had, exclusion=[exclusion]) == "excluded"
    assert prior_verdict(CHEMO, exclusion=[exclusion]) == "eligible"
    assert prior_verdict(NAIVE, exclusion=[exclusion]) == "eligible"


def test_earlier_treatment_required() -> None:
    assert prior_verdict(OSIMERTINIB, ["Earlier treatment with an EGFR TKI is required"]) == "eligible"
    assert prior_verdict(NAIVE, ["Earlier treatment with an EGFR TKI is required"]) == "excluded"


@pytest.mark.parametrize("exclusion", [
    "Earlier stage disease treated with surgery alone more than 5 years ago",
    "Any earlier malignancy treated with docetaxel is allowed if disease-free for 3 years",
])
def test_near_miss_earlier_not_before_a_treatment(exclusion: str) -> None:
    assert prior_verdict(NAIVE, exclusion=[exclusion]) == "eligible"


# --- 8. a carriers' item at the sentence's end ---------------------------------------------------------------------

CARRIER_ITEMS = [
    ("Patients must have received prior platinum-based chemotherapy, and an EGFR TKI for patients with EGFR "
     "mutation", EGFR_NAIVE, _patient(["carboplatin", "pemetrexed", "osimertinib"], 2, bio=EGFR_EX19)),
    ("Prior treatment with platinum chemotherapy and, for EGFR-mutant patients, osimertinib is mandatory",
     EGFR_NAIVE, _patient(["cisplatin", "pemetrexed", "osimertinib"], 2, bio=EGFR_EX19)),
    ("Must have received a platinum regimen, plus an approved ALK inhibitor for patients with ALK rearrangement",
     ALK_NAIVE, _patient(["carboplatin", "pemetrexed", "alectinib"], 2, bio=ALK)),
    ("Participant has progressed on platinum doublet chemotherapy, and sotorasib or adagrasib in participants with "
     "KRAS G12C mutation", KRAS_NAIVE, SOTORASIB),
]


@pytest.mark.parametrize(("inclusion", "carrier_naive", "carrier_both"), CARRIER_ITEMS)
def test_the_first_part_binds_everyone(inclusion: str, carrier_naive: dict[str, Any],
                                       carrier_both: dict[str, Any]) -> None:
    assert prior_verdict(CHEMO, [inclusion]) == "eligible"
    assert prior_verdict(NAIVE, [inclusion]) == "excluded"


@pytest.mark.parametrize(("inclusion", "carrier_naive", "carrier_both"), CARRIER_ITEMS)
def test_the_carriers_need_both(inclusion: str, carrier_naive: dict[str, Any], carrier_both: dict[str, Any]) -> None:
    assert prior_verdict(carrier_naive, [inclusion]) == "excluded"
    assert prior_verdict(carrier_both, [inclusion]) == "eligible"


def test_near_miss_a_group_named_first_still_binds_the_sentence() -> None:
    inclusion = "For patients with EGFR mutation: prior platinum chemotherapy and osimertinib are required"
    assert prior_verdict(NAIVE, [inclusion]) == "eligible"


# --- 9. parts named by their marker group --------------------------------------------------------------------------

MARKER_PARTS = [
    (["Part B1 (KRAS G12C mutation): Participant has received prior sotorasib or adagrasib",
      "Part B2 (KRAS wild type): Participant has received prior platinum chemotherapy"], KRAS_NAIVE, SOTORASIB),
    (["Part 2a (ALK-positive NSCLC): prior treatment with at least one ALK inhibitor is mandatory",
      "Part 2b (ALK-negative NSCLC): prior treatment with platinum-based chemotherapy is mandatory"], ALK_NAIVE,
     ALECTINIB),
    (["Part A (EGFRm): patients who progressed on osimertinib can be enrolled",
      "Part B (EGFR wild-type): patients who progressed on platinum chemotherapy can be enrolled"], EGFR_NAIVE,
     OSIMERTINIB),
]


@pytest.mark.parametrize(("parts", "carrier_naive", "carrier_treated"), MARKER_PARTS)
def test_an_untreated_patient_fits_no_part(parts: list[str], carrier_naive: dict[str, Any],
                                           carrier_treated: dict[str, Any]) -> None:
    assert prior_verdict(carrier_naive, parts) == "excluded"
    assert prior_verdict(NAIVE, parts) == "excluded"


@pytest.mark.parametrize(("parts", "carrier_naive", "carrier_treated"), MARKER_PARTS)
def test_each_side_enters_its_own_part(parts: list[str], carrier_naive: dict[str, Any],
                                       carrier_treated: dict[str, Any]) -> None:
    assert prior_verdict(carrier_treated, parts) == "eligible"
    assert prior_verdict(CHEMO, parts) == "eligible"


def test_near_miss_a_part_named_by_its_drug_keeps_its_reading() -> None:
    parts = ["Part 1 (KRAS G12C inhibitor monotherapy): no prior systemic therapy for advanced NSCLC",
             "Part 2 (combination with docetaxel): progressed on platinum chemotherapy"]
    assert prior_verdict(KRAS_NAIVE, parts) == "eligible"


# --- 10. a maintenance phase "finished", or "must not have progressed during" it --------------------------------
# "Finished first-line chemotherapy (...) with no progression": the first line is the one had, as after "completed"
# (before, "first-line" read as the study's own line: every treated patient falsely excluded). "must not have
# progressed during first-line induction": the same entry (before, no rule: every treated patient let through). One
# convention: the untreated and a later line out, the one line a question.

FINISHED = [
    "Finished first-line chemotherapy (4 cycles of pemetrexed/cisplatin) with no radiological progression",
    "Patients who have finished 4-6 cycles of first-line platinum doublet chemotherapy without progression",
    "Participant underwent first-line platinum-based induction chemotherapy (4 cycles) without disease progression",
    "Patients must not have progressed during first-line induction (4 cycles of platinum-based chemotherapy)",
    "Participant has not progressed after front-line platinum doublet chemotherapy",
]


@pytest.mark.parametrize("sentence", FINISHED)
def test_finished_first_line_is_the_phase_had(sentence: str) -> None:
    assert prior_verdict(CHEMO, [sentence]) == "unknown"
    assert prior_verdict(NAIVE, [sentence]) == "excluded"
    assert prior_verdict(TWO_LINES, [sentence]) == "excluded"
