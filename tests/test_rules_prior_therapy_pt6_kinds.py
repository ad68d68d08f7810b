"""Prior-therapy kinds found in the open real-trial set I (each with invented sentences and near misses):

- K1 a form (chemotherapy, ADC) narrowed by what it carries or targets ("any agent, including an ADC, containing a
  chemotherapeutic agent targeting topoisomerase I") bans that target's drugs, not every chemotherapy or ADC;
- K2 "actionable alterations such as EGFR, ALK, ROS1 ..." (a closed list of examples) does not ask a KRAS or HER2
  carrier for their drug (a question), while "EGFR, ALK or other alterations" still does;
- K3 a heading naming earlier treatment of NSCLC before a colon ("Prior treatment for advanced NSCLC: patients must
  have received ...") is a topic, not a group: its requirement binds everyone;
- K4 "patients may be pre-screened while receiving first-line X" is a permission, no first-line requirement;
- K5 a ban of early-setting treatment closed by "or any other prior systemic therapy" counts every setting.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import FULL_PANEL, invented_patient, prior_verdict

NO = FULL_PANEL
CHEMO_IO = ["carboplatin", "pemetrexed", "pembrolizumab"]

PATIENTS: dict[str, dict[str, Any]] = {
    "chemo-io": invented_patient([], CHEMO_IO, 1, negative=NO),
    "cis-gem": invented_patient([], ["cisplatin", "gemcitabine"], 1, negative=NO),
    "taxane-io": invented_patient([], ["carboplatin", "paclitaxel", "atezolizumab"], 1, negative=NO),
    "irinotecan": invented_patient([], ["carboplatin", "etoposide", "irinotecan"], 2, negative=NO),
    "t-dxd": invented_patient([("ERBB2", "exon 20 insertion")], [*CHEMO_IO, "trastuzumab deruxtecan"], 2,
                              negative=NO),
    "dato-dxd": invented_patient([], [*CHEMO_IO, "datopotamab deruxtecan"], 2, negative=NO),
    "t-dm1": invented_patient([("ERBB2", "exon 20 insertion")], [*CHEMO_IO, "trastuzumab emtansine"], 2,
                              negative=NO),
    "naive": invented_patient([], [], 0, negative=NO),
    "kras-g12c-chemo-io": invented_patient([("KRAS", "G12C")], CHEMO_IO, 1, negative=NO),
    "her2-chemo-io": invented_patient([("ERBB2", "exon 20 insertion")], CHEMO_IO, 1, negative=NO),
    "egfr-chemo-only": invented_patient([("EGFR", "exon 19 deletion")], ["cisplatin", "pemetrexed"], 1, negative=NO),
    "egfr-osi-chemo": invented_patient([("EGFR", "L858R")], ["osimertinib", "carboplatin", "pemetrexed"], 2,
                                       negative=NO),
    "alk-chemo-only": invented_patient([("ALK", "fusion")], ["carboplatin", "pemetrexed"], 1, negative=NO),
    "chemo-only": invented_patient([], ["carboplatin", "pemetrexed"], 1, negative=NO),
    "two-lines": invented_patient([], [*CHEMO_IO, "docetaxel"], 2, negative=NO),
    "egfr-osimertinib": invented_patient([("EGFR", "exon 19 deletion")], ["osimertinib"], 1, negative=NO),
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None) -> str:
    return prior_verdict(PATIENTS[who], inclusion or [], exclusion or [])


# --- K1: a form narrowed by what it carries or targets ----------------------------------------------------------

TOPO_AGENT = [
    "Has received prior treatment with any of the following:\n  * Docetaxel\n  * Any agent, including an antibody "
    "drug conjugate (ADC), containing a chemotherapeutic agent targeting topoisomerase I",
    "Prior therapy with any drug (such as an antibody-drug conjugate) that contains a topoisomerase I inhibitor",
    "Previous treatment with a cytotoxic agent directed against topoisomerase I, including as the payload of an "
    "antibody-drug conjugate",
    "Prior treatment with any chemotherapy targeting topoisomerase-1",
    "Received any compound, e.g. an ADC, carrying a topoisomerase I inhibitor",
    "Prior exposure to a chemotherapy drug aimed at topoisomerase I",
]


@pytest.mark.parametrize("exclusion", TOPO_AGENT)
def test_an_agent_narrowed_to_its_target_bans_that_target_only(exclusion: str) -> None:
    for who in ("chemo-io", "cis-gem", "taxane-io", "t-dm1"):
        assert verdict(who, exclusion=[exclusion]) == "eligible", who
    for who in ("irinotecan", "t-dxd", "dato-dxd"):  # (a camptothecin ADC carries such an agent)
        assert verdict(who, exclusion=[exclusion]) == "excluded", who


TOPO_ADC = [
    "Prior exposure to any ADC with a topoisomerase I inhibitor payload",
    "Received an antibody-drug conjugate carrying a topoisomerase I inhibitor",
    "Have previously received TROP2-targeted therapy or topoisomerase I inhibitor-containing antibody drug conjugate",
    "Previous treatment with an ADC conjugated to a topoisomerase-1 inhibitor",
    "Prior ADC bearing a topoisomerase I inhibitor",
    "Prior treatment with any of the following:\n  * an antibody-drug conjugate that contains a topoisomerase I "
    "inhibitor",
]


@pytest.mark.parametrize("exclusion", TOPO_ADC)
def test_an_adc_carrying_a_payload_bans_those_adcs_only(exclusion: str) -> None:
    for who in ("chemo-io", "cis-gem", "t-dm1", "irinotecan"):
        assert verdict(who, exclusion=[exclusion]) == "eligible", who
    for who in ("t-dxd", "dato-dxd"):
        assert verdict(who, exclusion=[exclusion]) == "excluded", who


def test_a_chemotherapy_containing_a_class_bans_that_class() -> None:
    for sentence in ("Prior chemotherapy containing a taxane", "Previous chemotherapy regimens that contain a taxane"):
        assert verdict("taxane-io", exclusion=[sentence]) == "excluded"
        assert verdict("chemo-io", exclusion=[sentence]) == "eligible"


NEAR_FORMS = [
    "Prior chemotherapy or any ADC",
    "Prior chemotherapy, including agents targeting topoisomerase I",
    "Prior chemotherapy with a PD-1 inhibitor",
    "Any prior cytotoxic chemotherapy for metastatic disease",
]


@pytest.mark.parametrize("exclusion", NEAR_FORMS)
def test_near_misses_still_ban_chemotherapy(exclusion: str) -> None:
    assert verdict("cis-gem", exclusion=[exclusion]) == "excluded"
    assert verdict("naive", exclusion=[exclusion]) == "eligible"


# --- K2: a closed list of example drivers -------------------------------------------------------------------

EXAMPLE_DRIVERS = [
    "Participants with known actionable genomic alterations (AGA) such as EGFR, ALK, ROS1, NTRK, BRAF, MET exon 14 "
    "skipping, and RET, must have received platinum-based chemotherapy and at least one prior approved targeted "
    "therapy for the alteration",
    "Patients with actionable driver alterations, e.g. EGFR, ALK, ROS1 or RET, must have received approved targeted "
    "therapy for that alteration",
    "Subjects with oncogenic drivers including EGFR mutation, ALK fusion and BRAF V600E must have progressed on "
    "approved targeted therapy for these alterations",
    "Patients with targetable alterations such as ALK, ROS1, MET or RET must have received an approved targeted "
    "therapy",
    "Participants with known driver mutations (for example EGFR, ALK, ROS1, BRAF) must have been treated with an "
    "approved targeted therapy for the alteration",
    "Patients harbouring actionable alterations like EGFR, ALK, ROS1, NTRK or BRAF must have received approved "
    "targeted agents for them",
]


@pytest.mark.parametrize("inclusion", EXAMPLE_DRIVERS)
def test_a_later_line_driver_left_out_of_the_examples_is_a_question(inclusion: str) -> None:
    for who in ("kras-g12c-chemo-io", "her2-chemo-io"):
        assert verdict(who, [inclusion]) != "excluded", who
    # a named carrier without their drug is still out
    who = "egfr-chemo-only" if "EGFR" in inclusion else "alk-chemo-only"
    assert verdict(who, [inclusion]) == "excluded"


OPEN_DRIVERS = [
    "For participants with EGFR, ALK, or other genomic tumor alterations, participants must have progressed on "
    "approved therapy for these alterations",
    "Patients with actionable alterations such as EGFR, ALK, ROS1 and others must have received approved targeted "
    "therapy for the alteration",
]


@pytest.mark.parametrize("inclusion", OPEN_DRIVERS)
def test_an_open_list_still_asks_a_treated_kras_carrier_for_their_drug(inclusion: str) -> None:
    assert verdict("kras-g12c-chemo-io", [inclusion]) == "excluded"


# --- K3: a heading naming earlier treatment of NSCLC --------------------------------------------------------

TOPIC_HEADINGS = [
    "Prior treatment for advanced/metastatic NSCLC: patients must have received prior treatment with a "
    "platinum-containing chemotherapy regimen and an immune checkpoint inhibitor",
    "Previous systemic therapy for metastatic non-small cell lung cancer: must have received platinum-based "
    "chemotherapy and an anti-PD-1 or anti-PD-L1 antibody",
    "Prior anticancer therapy in NSCLC: participants must have progressed after platinum doublet chemotherapy and "
    "a PD-(L)1 inhibitor",
    "Treatment history for stage IV NSCLC: must have received a platinum-based regimen and a checkpoint inhibitor, "
    "given together or in sequence",
    "Prior lines of therapy for advanced lung cancer: patients must have had platinum chemotherapy and immunotherapy "
    "with a PD-1 or PD-L1 inhibitor",
    "Previous treatments of locally advanced or metastatic NSCLC: subjects must have received a platinum agent and "
    "a checkpoint inhibitor",
]


@pytest.mark.parametrize("inclusion", TOPIC_HEADINGS)
def test_a_treatment_heading_binds_everyone(inclusion: str) -> None:
    for who in ("naive", "egfr-osimertinib", "chemo-only"):
        assert verdict(who, [inclusion]) == "excluded", who
    assert verdict("chemo-io", [inclusion]) == "eligible"


def test_a_treatment_heading_of_another_cancer_keeps_its_scope() -> None:
    inclusion = ("Prior therapy for breast cancer: must have received a CDK4/6 inhibitor and endocrine therapy")
    assert verdict("naive", [inclusion]) != "excluded"
    assert verdict("chemo-io", [inclusion]) != "excluded"


# --- K4: a permission to take a step while on a line -------------------------------------------------------

PERMITTED_DURING = [
    "PRE-SCREENING: patients may be pre-screened while receiving first-line platinum-based chemotherapy for stage "
    "IV or recurrent disease",
    "Patients can be registered for biomarker testing during first-line chemo-immunotherapy",
    "Participants may consent while still on their first-line treatment",
    "Subjects may be enrolled in the screening step while receiving second-line therapy",
    "Patients are allowed to sign the pre-screening consent during first line treatment for metastatic disease",
    "Patients may be pre-registered when on first-line platinum doublet",
]


@pytest.mark.parametrize("inclusion", PERMITTED_DURING)
def test_a_step_permitted_during_a_line_asks_no_line(inclusion: str) -> None:
    base = "Patients must have progressed after at least one line of platinum-based chemotherapy for stage IV disease"
    for who in ("chemo-io", "two-lines", "cis-gem"):
        assert verdict(who, [base, inclusion]) == "eligible", who
    assert verdict("naive", [base, inclusion]) == "excluded"


def test_currently_receiving_first_line_is_still_read() -> None:
    inclusion = "Patients must be currently receiving first-line platinum-based chemotherapy"
    assert verdict("two-lines", [inclusion]) == "excluded"


# --- K5: an early-setting ban closed by "any other" therapy ------------------------------------------------

ANY_OTHER = [
    "Treatment with neoadjuvant chemotherapy, neoadjuvant radiotherapy, or any other prior systemic anti-cancer "
    "therapy for NSCLC",
    "Prior adjuvant chemotherapy or any other systemic therapy for lung cancer",
    "Received neoadjuvant immunotherapy, and/or any other previous anticancer treatment",
    "Perioperative chemotherapy or other prior systemic treatment for NSCLC",
    "Prior neo-adjuvant targeted therapy, or any other anti-tumor therapy",
    "Prior adjuvant osimertinib or any other previous anticancer drugs",
]


@pytest.mark.parametrize("exclusion", ANY_OTHER)
def test_any_other_therapy_after_early_items_counts_every_setting(exclusion: str) -> None:
    for who in ("chemo-io", "egfr-osimertinib", "two-lines"):
        assert verdict(who, exclusion=[exclusion]) == "excluded", who
    assert verdict("naive", exclusion=[exclusion]) == "eligible"


NEAR_EARLY = [
    "Neoadjuvant chemotherapy or any other neoadjuvant therapy",
    "Prior adjuvant chemotherapy, or other adjuvant treatment",
]


@pytest.mark.parametrize("exclusion", NEAR_EARLY)
def test_an_early_only_ban_stays_early(exclusion: str) -> None:
    assert verdict("chemo-io", exclusion=[exclusion]) != "excluded"


# --- K6: a line label appended to a title names a later step of the study's plan ---------------------------


def title_verdict(who: str, title: str, inclusion: list[str] | None = None) -> str:
    return prior_verdict(PATIENTS[who], inclusion or ["Stage IV NSCLC"], [], title=title)


PLAN_TITLES = [
    "Randomized Phase III Trial Comparing Vinorelbine Monotherapy vs a Carboplatin Doublet in Elderly Patients With "
    "Advanced NSCLC. Second Line: Erlotinib",
    "Phase III Study of Two Chemotherapy Strategies in Patients Aged 70 or Over With Stage IV Lung Cancer; "
    "Second-Line: Pemetrexed",
    "Cisplatin-Gemcitabine Versus Carboplatin-Paclitaxel in Advanced Non-Small Cell Lung Cancer. 2nd Line: Docetaxel",
    "A Trial of Gemcitabine Alone or With Carboplatin in Frail Patients With NSCLC. Third line treatment: gefitinib",
    "Sequential Strategy in Advanced NSCLC With Platinum Doublets. Second line therapy: docetaxel or erlotinib",
    "Randomised Comparison of Two Doublets in Advanced NSCLC. Maintenance: Gemcitabine",
]


@pytest.mark.parametrize("title", PLAN_TITLES)
def test_a_line_label_after_the_title_asks_no_line(title: str) -> None:
    for who in ("naive", "chemo-io"):
        assert title_verdict(who, title) == "eligible", who


@pytest.mark.parametrize("title", [
    "Second Line: Docetaxel Versus Pemetrexed in Advanced NSCLC",
    "Docetaxel as Second-Line Treatment in Advanced NSCLC",
])
def test_a_title_about_a_line_still_asks_it(title: str) -> None:
    assert title_verdict("naive", title) != "eligible"


# --- K7: "no longer benefitting from standard treatment" is progression on it --------------------------------

NO_LONGER = [
    "Patients must have a metastatic solid tumor, no longer benefitting from standard anti-cancer treatment or for "
    "whom no such treatment is available",
    "Advanced cancer no longer responding to standard therapy",
    "Metastatic NSCLC no longer benefiting from prior systemic treatment",
    "Patients whose disease is no longer controlled by standard therapies",
    "Participants no longer benefitting from their most recent anticancer therapy",
    "Subjects must be no longer responding to previous treatment for advanced disease",
]


@pytest.mark.parametrize("inclusion", NO_LONGER)
def test_no_longer_benefitting_asks_for_earlier_treatment(inclusion: str) -> None:
    assert verdict("naive", [inclusion]) != "eligible"
    for who in ("chemo-io", "two-lines"):
        assert verdict(who, [inclusion]) == "eligible", who


def test_no_longer_said_of_something_else_asks_nothing() -> None:
    inclusion = "Patients no longer requiring corticosteroids for brain metastases"
    assert verdict("naive", [inclusion]) == "eligible"
