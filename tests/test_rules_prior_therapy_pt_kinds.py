"""Prior-therapy sentence kinds from the open invented set (synthA), each a missed or a wrong exclusion:

1. A requirement followed by a negated course of the disease ("Must have received X ... and have not progressed
   since"): "have not" negates the progression, never the treatment, so X stays required (it was read as a ban).
2. Routes by marker group as sibling bullets: "Participants with EGFR/ALK ... must have progressed on an approved
   TKI" then "All other participants must have received platinum and an anti-PD-(L)1": the others are the patients
   without those markers (the shared reader names them), so their route is firm for a tested patient, not a
   question.
3. A driver clause that asks the carriers for more than their targeted drug ("... must have progressed on an
   approved TKI for that alteration and on platinum-based chemotherapy"): the chemotherapy is asked of the carriers
   too (it was dropped with the driver's words).
4. A ban on all systemic therapy whose only exception is adjuvant ("... for NSCLC other than platinum-based adjuvant
   chemotherapy"): a line for advanced disease is banned; the setting word belongs to the exception, not the ban.
5. A ban on part of the class an inclusion requires ("progression on an EGFR TKI, e.g. gefitinib" beside "no prior
   third-generation EGFR TKI (e.g. osimertinib)"): the requirement lifts the ban for the class, but the part the ban
   names stays banned (before, osimertinib was allowed as an EGFR TKI).
6. Sub-cohorts named by a bare code at a bullet's head under a part heading ("B1 (monotherapy): previously treated
   ...", "B3 (combination): previously untreated ..."): each is a way in of its own, not one cohort asking for both.
7. "All other participants" after a group of sensitising EGFR (ALK, ROS1) carriers: an EGFR finding clearly outside
   the sensitising class (an exon 20 insertion) is among the others, so their route binds it.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from tests.invented import invented_trial
from tests.prior_therapy_cases import BASE, named_verdict
from tests.prior_therapy_cases import FULL_PANEL as GENES
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import profile_from_dict

PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "chemo": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1},
    "cis-etoposide": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "etoposide"], "prior_lines": None},
}

verdict = partial(named_verdict, PATIENTS)


# --- 1. "have not progressed" after a requirement ---------------------------------------------------------------

NOT_PROGRESSED = [
    "Must have received at least 2 cycles of platinum-based chemotherapy concurrent with definitive radiation "
    "therapy (54-66 Gy), and have not progressed following chemoradiation.",
    "Participants must have received two or more cycles of cisplatin or carboplatin given with thoracic "
    "radiotherapy and have not progressed since.",
    "Subjects must have completed platinum-based concurrent chemoradiotherapy and has not had disease progression.",
    "Have received 4 cycles of a platinum doublet as induction and have not yet progressed.",
    "Patients who have received platinum-containing chemoradiation and have not relapsed.",
    "Must have had at least one dose of carboplatin or cisplatin with radiation, and have not had radiographic "
    "progression after it.",
]


@pytest.mark.parametrize("sentence", NOT_PROGRESSED)
def test_not_progressed_negates_the_course_not_the_treatment(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"
    assert verdict("cis-etoposide", [sentence]) != "excluded"
    if "chemorad" not in sentence and "concurrent" not in sentence:
        # Platinum named as chemoradiation is the early (local) setting, which a profile's line for advanced
        # disease does not meet (test_rules_prior_therapy_early_setting_requirement.py).
        assert verdict("chemo", [sentence]) != "excluded"


STILL_BANS = [
    "Patients must have not received prior platinum-based chemotherapy.",
    "Subjects have not received carboplatin or cisplatin before.",
    "Participants who have not been treated with platinum are eligible; those who have are not.",
]


@pytest.mark.parametrize("sentence", STILL_BANS)
def test_a_negated_treatment_still_bans(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "eligible"
    assert verdict("chemo", [sentence]) != "eligible"


# --- 2. "All other participants must ..." after a bullet on a marker group ---------------------------------------

def _two_routes(lead: str, carriers: str, others: str, patient: dict[str, Any]) -> str:
    """The verdict on a trial whose inclusion lists the carriers' route and the others' route as sibling bullets."""
    inclusion = f"* {lead}\n  * {carriers}\n  * {others}\n"
    text = invented_trial(inclusion, "* Pregnancy\n")
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**BASE, **patient})).verdict


ROUTES = [
    ("Prior therapy requirements:",
     "Participants whose tumours harbour an EGFR sensitizing mutation or an ALK rearrangement must have progressed "
     "on at least one approved tyrosine kinase inhibitor for that alteration.",
     "All other participants must have received a platinum-based doublet chemotherapy and an anti-PD-1 or anti-PD-L1 "
     "monoclonal antibody, given either in combination or sequentially."),
    ("Previous treatment:",
     "Patients with EGFR or ALK alterations must have had disease progression on approved targeted therapy.",
     "All other patients must have received prior platinum-based chemotherapy and a checkpoint inhibitor."),
    ("Earlier therapy for advanced disease:",
     "Subjects with a ROS1 or ALK fusion must have progressed after an approved TKI for it.",
     "Remaining subjects must have been treated with carboplatin or cisplatin and with pembrolizumab, nivolumab or "
     "atezolizumab."),
    ("Required prior treatment",
     "Participants with an EGFR mutation must have progressed on osimertinib.",
     "All other participants must have progressed on platinum-based chemotherapy and a PD-(L)1 inhibitor."),
    ("Treatment history:",
     "Patients whose tumour carries an ALK, ROS1 or EGFR alteration must have failed an approved targeted therapy.",
     "All other patients must have had a platinum doublet and anti-PD-1 or anti-PD-L1 therapy."),
    ("Prior lines:",
     "Participants with EGFR or ALK genomic alterations must have received approved tyrosine kinase inhibitor "
     "therapy.",
     "The remaining participants must have received a prior platinum-containing regimen and an immune checkpoint "
     "inhibitor."),
]
# No driver, tested: in the others' route. Had chemotherapy without a PD-(L)1 drug, or a targeted drug only.
CHEMO_ONLY = {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}
MET_TKI_ONLY = {"biomarkers": [{"gene": "MET", "alteration": "exon 14 skipping"}],
                "tested_negative": [g for g in GENES if g != "MET"], "prior_therapies": ["capmatinib"],
                "prior_lines": 1}
CHEMO_IO = {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
            "prior_lines": 1}
UNTESTED_CHEMO_IO = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}


@pytest.mark.parametrize("route", ROUTES)
def test_the_others_route_binds_the_patients_without_the_markers(route: tuple[str, str, str]) -> None:
    assert _two_routes(*route, CHEMO_ONLY) == "excluded"
    assert _two_routes(*route, MET_TKI_ONLY) == "excluded"
    assert _two_routes(*route, CHEMO_IO) == "eligible"


@pytest.mark.parametrize("route", ROUTES)
def test_the_others_route_is_a_question_for_the_untested(route: tuple[str, str, str]) -> None:
    assert _two_routes(*route, UNTESTED_CHEMO_IO) != "excluded"


def test_others_alone_is_still_a_question() -> None:
    """With no marker group before it, who "all other participants" are is not told: a question, as before."""
    sentence = "All other participants must have received platinum-based chemotherapy and a PD-1 inhibitor."
    assert verdict("chemo", [sentence]) == "unknown"


# --- 3. a driver clause that asks the carriers for more than their drug ------------------------------------------

CARRIERS_MORE = [
    "Participants whose tumours harbour an EGFR sensitizing mutation, an ALK rearrangement or a ROS1 rearrangement "
    "must have progressed on at least one approved tyrosine kinase inhibitor for that alteration and on "
    "platinum-based chemotherapy.",
    "Patients with EGFR or ALK alterations must have progressed on approved targeted therapy and platinum-based "
    "chemotherapy.",
    "Subjects harbouring an activating EGFR mutation must have failed an approved EGFR TKI and a platinum doublet.",
    "Participants with a sensitising EGFR mutation or ALK fusion must have received approved targeted therapy as "
    "well as platinum-containing chemotherapy.",
    "Patients with EGFR, ALK or ROS1 alterations should have progressed after approved TKI therapy plus "
    "platinum-based chemotherapy.",
    "Patients with ALK or EGFR alterations must have been treated with an approved tyrosine kinase inhibitor "
    "and with platinum-based chemotherapy.",
]
TKI_ONLY = {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
            "tested_negative": [g for g in GENES if g != "EGFR"], "prior_therapies": ["osimertinib"], "prior_lines": 1}
TKI_AND_PLATINUM = {**TKI_ONLY, "prior_therapies": ["osimertinib", "carboplatin", "pemetrexed"], "prior_lines": 2}
EX20_PLATINUM = {"biomarkers": [{"gene": "EGFR", "alteration": "exon 20 insertion"}],
                 "tested_negative": [g for g in GENES if g != "EGFR"], "prior_lines": 1,
                 "prior_therapies": ["carboplatin", "pemetrexed", "amivantamab"]}


@pytest.mark.parametrize("sentence", CARRIERS_MORE)
def test_the_carriers_need_the_chemotherapy_too(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "eligible"  # no driver: not in the group
    assert named_verdict({"p": TKI_ONLY}, "p", [sentence]) == "excluded"
    assert named_verdict({"p": TKI_AND_PLATINUM}, "p", [sentence]) == "eligible"


def test_a_sensitising_group_does_not_bind_an_exon_20_insertion() -> None:
    assert named_verdict({"p": EX20_PLATINUM}, "p", [CARRIERS_MORE[0]]) != "excluded"
    assert named_verdict({"p": EX20_PLATINUM}, "p", [CARRIERS_MORE[2]]) != "excluded"


@pytest.mark.parametrize("sentence", [
    "Patients with EGFR or ALK alterations must have progressed on approved targeted therapy.",
    # "driver alterations" widens the group to every driver: the chemotherapy is not asked of a guessed group.
    "Patients with EGFR or other driver alterations must have progressed on approved targeted therapy and "
    "platinum-based chemotherapy.",
])
def test_the_targeted_drug_alone_still_reads_as_before(sentence: str) -> None:
    assert named_verdict({"p": TKI_ONLY}, "p", [sentence]) == "eligible"


# --- 4. a ban on systemic therapy whose only exception is adjuvant treatment ------------------------------------

ADJUVANT_ONLY = [
    "Treatment with any prior systemic anticancer therapy for NSCLC other than platinum-based adjuvant chemotherapy "
    "(including neoadjuvant therapy).",
    "Any prior systemic therapy for lung cancer other than adjuvant chemotherapy.",
    "Prior systemic anti-cancer treatment, except neoadjuvant or adjuvant platinum doublet chemotherapy.",
    "Previous systemic therapy for NSCLC with the exception of perioperative cisplatin-based chemotherapy.",
    "Any previous systemic treatment for non-small cell lung cancer apart from adjuvant chemotherapy.",
    "Received prior systemic anticancer therapy for NSCLC, excluding adjuvant carboplatin- or cisplatin-based "
    "chemotherapy.",
]
ONE_LINE_CHEMO = {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}
NO_LINE_CHEMO = {"tested_negative": GENES, "prior_therapies": ["cisplatin", "vinorelbine"], "prior_lines": 0}


@pytest.mark.parametrize("sentence", ADJUVANT_ONLY)
def test_a_line_for_advanced_disease_is_no_adjuvant_exception(sentence: str) -> None:
    assert named_verdict({"p": ONE_LINE_CHEMO}, "p", [], [sentence]) == "excluded"
    assert named_verdict({"p": NO_LINE_CHEMO}, "p", [], [sentence]) != "excluded"
    assert verdict("naive", [], [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Prior systemic treatment other than chemotherapy.",  # the exception names no setting
    "Any prior systemic therapy for advanced disease other than adjuvant chemotherapy.",  # the ban's own setting
])
def test_an_exception_without_the_early_setting_reads_as_before(sentence: str) -> None:
    assert named_verdict({"p": ONE_LINE_CHEMO}, "p", [], [sentence]) != "excluded"


# --- 5. a ban on part of the class the trial requires ------------------------------------------------------------

PART_OF_REQUIRED = [
    ("Radiological documentation of disease progression while on a previous continuous treatment with an EGFR TKI, "
     "e.g. gefitinib, erlotinib or afatinib.",
     "Previous treatment with a third generation EGFR TKI (e.g. osimertinib, rociletinib, olmutinib)."),
    ("Must have progressed on prior EGFR tyrosine kinase inhibitor therapy.",
     "Prior osimertinib or any other third-generation EGFR inhibitor."),
    ("Documented progression after at least one EGFR-TKI (first or second generation).",
     "Any previous treatment with osimertinib, lazertinib or aumolertinib."),
    ("Patients must have received an EGFR TKI and had disease progression on it.",
     "Prior exposure to third-generation EGFR tyrosine kinase inhibitors."),
    ("Progressive disease on or after treatment with an approved EGFR TKI.",
     "Previous therapy with osimertinib."),
    ("Prior treatment with an EGFR TKI (gefitinib, erlotinib, icotinib or afatinib) with progression.",
     "Has received a third-generation EGFR TKI such as osimertinib or furmonertinib."),
]
EGFR_PATIENTS: dict[str, dict[str, Any]] = {
    "osimertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                    "tested_negative": [g for g in GENES if g != "EGFR"], "prior_therapies": ["osimertinib"],
                    "prior_lines": 1},
    "gefitinib": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}],
                  "tested_negative": [g for g in GENES if g != "EGFR"], "prior_therapies": ["gefitinib"],
                  "prior_lines": 1},
    "afatinib-then-osimertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                                  "tested_negative": [g for g in GENES if g != "EGFR"],
                                  "prior_therapies": ["afatinib", "osimertinib"], "prior_lines": 2},
}


@pytest.mark.parametrize(("need", "ban"), PART_OF_REQUIRED)
def test_a_banned_part_of_the_required_class_stays_banned(need: str, ban: str) -> None:
    assert named_verdict(EGFR_PATIENTS, "osimertinib", [need], [ban]) == "excluded"
    assert named_verdict(EGFR_PATIENTS, "afatinib-then-osimertinib", [need], [ban]) == "excluded"
    assert named_verdict(EGFR_PATIENTS, "gefitinib", [need], [ban]) == "eligible"


def test_a_ban_of_the_required_drug_itself_is_still_lifted() -> None:
    """"Must have progressed on osimertinib" beside "no prior third-generation EGFR TKI": the drug asked for is
    allowed (the ban is not narrower than it), as before."""
    need, ban = "Must have progressed on osimertinib.", "Prior third-generation EGFR TKI."
    assert named_verdict(EGFR_PATIENTS, "osimertinib", [need], [ban]) == "eligible"


# --- 6. sub-cohorts named by a bare code under a part heading ------------------------------------------------------

def _parts(lead: str, codes: list[str], patient: dict[str, Any]) -> str:
    inclusion = f"* Advanced NSCLC.\n\n{lead}\n\n" + "".join(f"* {code}\n" for code in codes)
    text = invented_trial(inclusion, "* Pregnancy\n")
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**BASE, **patient})).verdict


CODED = [
    ("Part B (NSCLC expansion):",
     ["B1 (monotherapy): NSCLC previously treated with at least 1 systemic regimen for advanced disease.",
      "B2 (monotherapy): NSCLC that progressed on sotorasib or adagrasib.",
      "B3 (combination with pembrolizumab): previously untreated advanced NSCLC."]),
    ("Expansion part:",
     ["A1: at least one prior line of platinum-based chemotherapy for metastatic disease.",
      "A2: no prior systemic therapy for advanced disease."]),
    ("Part C:",
     ["C1 (combination): treatment-naive for metastatic NSCLC.",
      "C2 (monotherapy): progressed after platinum-based chemotherapy and a PD-1 inhibitor."]),
    ("Part D (dose expansion):",
     ["D1a: previously untreated for advanced disease.",
      "D1b: must have received at least 1 prior line of systemic therapy."]),
    ("Expansion cohorts:",
     ["E1 (first line): no prior systemic anticancer therapy in the metastatic setting.",
      "E2 (second line): progression on one prior platinum-containing regimen."]),
    ("Part 2:",
     ["B1 (chemo-naive): no prior chemotherapy for advanced NSCLC.",
      "B2 (pre-treated): progressed after at least one line of platinum-based chemotherapy."]),
]
UNTREATED = {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0}


@pytest.mark.parametrize(("lead", "codes"), CODED)
def test_each_coded_sub_cohort_is_a_way_in_of_its_own(lead: str, codes: list[str]) -> None:
    assert _parts(lead, codes, UNTREATED) == "eligible"
    assert _parts(lead, codes, CHEMO_IO) != "excluded"


def test_a_code_inside_the_sentence_is_no_heading() -> None:
    """Only a code at the bullet's head names a cohort: a stage or a vitamin later in the text does not."""
    codes = ["Previously untreated for advanced disease; T4: tumours invading the mediastinum are allowed.",
             "Must have received at least one prior line of platinum-based chemotherapy."]
    assert _parts("Eligibility:", codes, UNTREATED) == "excluded"


# --- 7. "all other participants" after a sensitising EGFR group: a non-sensitising EGFR finding is one of them --

SENSITISING_ROUTES = [
    ("Prior therapy requirements:",
     "Participants whose tumours harbour an EGFR sensitizing mutation, an ALK rearrangement or a ROS1 rearrangement "
     "must have progressed on at least one approved tyrosine kinase inhibitor for that alteration.",
     "All other participants must have received a platinum-based doublet chemotherapy and an anti-PD-1 or anti-PD-L1 "
     "monoclonal antibody."),
    ("Previous treatment:",
     "Patients with an activating EGFR mutation or ALK fusion must have progressed on approved targeted therapy.",
     "All other patients must have received prior platinum-based chemotherapy and a checkpoint inhibitor."),
    ("Earlier therapy:",
     "Subjects with sensitising EGFR mutations must have had disease progression on an approved EGFR TKI.",
     "Remaining subjects must have been treated with a platinum doublet and with pembrolizumab, nivolumab or "
     "atezolizumab."),
    ("Required prior treatment:",
     "Participants with a common EGFR mutation (exon 19 deletion or L858R) must have progressed on approved EGFR "
     "TKI therapy.",
     "All other participants must have progressed on platinum-based chemotherapy and a PD-(L)1 inhibitor."),
    ("Treatment history:",
     "Patients whose tumour carries an EGFR sensitizing mutation or ROS1 fusion must have failed an approved "
     "targeted therapy.",
     "All other patients must have had a platinum doublet and anti-PD-1 or anti-PD-L1 therapy."),
    ("Prior lines:",
     "Participants with classical EGFR sensitizing mutations must have received approved tyrosine kinase inhibitor "
     "therapy.",
     "The remaining participants must have received a prior platinum-containing regimen and an immune checkpoint "
     "inhibitor."),
]
EX20_CHEMO_IO = {**EX20_PLATINUM, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"]}


@pytest.mark.parametrize("route", SENSITISING_ROUTES)
def test_a_non_sensitising_egfr_finding_is_among_the_others(route: tuple[str, str, str]) -> None:
    assert _two_routes(*route, EX20_PLATINUM) == "excluded"  # no PD-(L)1 drug: the others' route fails
    assert _two_routes(*route, EX20_CHEMO_IO) != "excluded"
    assert _two_routes(*route, TKI_ONLY) != "excluded"  # exon 19 deletion: the carriers' route


def test_an_egfr_group_not_narrowed_keeps_every_egfr_finding() -> None:
    route = ROUTES[1]  # "Patients with EGFR or ALK alterations ...": an exon 20 insertion is one of them
    assert _two_routes(*route, EX20_PLATINUM) != "excluded"
