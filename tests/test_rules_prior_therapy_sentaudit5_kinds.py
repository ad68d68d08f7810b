"""Prior-therapy kinds from the sentence audits S5-S8 (invented sentences of each kind, and near misses).

False exclusions first: "driver-negative, or driver-positive after targeted therapy" (the negative way in was lost),
"X or X plus Y" (Y was asked for). Then recall: a heading "For patients with ALK: ..." on its own line, "are eligible
only after ...", a length of use ("currently receiving X for at least 1 month") that is no washout.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import named_verdict

PATIENTS: dict[str, dict[str, Any]] = {
    "driver_negative_naive": {"tested_negative": ["EGFR", "ALK", "ROS1", "BRAF", "KRAS", "MET", "RET"],
                              "prior_therapies": [], "prior_lines": 0},
    "chemo_doublet": {"tested_negative": ["EGFR", "ALK"], "prior_therapies": ["carboplatin", "pemetrexed"],
                      "prior_lines": 1},
    "chemo_bevacizumab": {"tested_negative": ["EGFR", "ALK"], "prior_lines": 1,
                          "prior_therapies": ["carboplatin", "paclitaxel", "bevacizumab"]},
    "kras_chemo_io": {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "tested_negative": ["EGFR", "ALK"],
                      "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1},
    "egfr_naive": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "tested_negative": ["ALK"],
                   "prior_therapies": [], "prior_lines": 0},
    "egfr_post_osimertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                              "tested_negative": ["ALK"], "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "egfr_post_gefitinib": {"biomarkers": [{"gene": "EGFR", "alteration": "G719X"}], "tested_negative": ["ALK"],
                            "prior_therapies": ["gefitinib"], "prior_lines": 1},
    "alk_naive": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "tested_negative": ["EGFR"],
                  "prior_therapies": [], "prior_lines": 0},
    "alk_chemo_only": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "tested_negative": ["EGFR"],
                       "prior_therapies": ["cisplatin", "pemetrexed"], "prior_lines": 1},
    "alk_post_alectinib": {"biomarkers": [{"gene": "ALK", "alteration": "rearrangement"}], "tested_negative": ["EGFR"],
                           "prior_therapies": ["alectinib"], "prior_lines": 1},
    "untested_naive": {"prior_therapies": [], "prior_lines": 0},
    "osimertinib_only_no_io": {"biomarkers": [{"gene": "EGFR", "alteration": "L861Q"}],
                               "prior_therapies": ["osimertinib"], "prior_lines": 1},
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None, **extra: Any) -> str:
    return named_verdict(PATIENTS, who, inclusion, exclusion, **extra)


# --- 1. "Driver-negative, or driver-positive after targeted therapy": the therapy binds only the carriers --------

NEGATIVE_OR_CARRIER = [
    "Driver gene negative, or driver gene positive but failed the corresponding targeted therapy.",
    "EGFR/ALK wild type, or EGFR/ALK mutant after failure of TKI treatment.",
    "Negative driver gene or positive driver gene with progression after targeted drugs.",
    "Patients without driver mutations, or with driver mutations after failure of targeted therapy.",
    "No EGFR or ALK alteration, or EGFR/ALK positive with progression on the corresponding TKI.",
    "EGFR and ALK wild-type, or EGFR-mutant / ALK-rearranged patients who have progressed on matched targeted therapy.",
]


@pytest.mark.parametrize("sentence", NEGATIVE_OR_CARRIER)
@pytest.mark.parametrize("who", ["driver_negative_naive", "chemo_doublet"])
def test_the_driver_negative_way_in_needs_no_targeted_therapy(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", NEGATIVE_OR_CARRIER)
def test_a_carrier_without_the_targeted_drug_is_still_excluded(sentence: str) -> None:
    assert verdict("egfr_naive", [sentence]) == "excluded"
    assert verdict("alk_chemo_only", [sentence]) == "excluded"
    assert verdict("egfr_post_osimertinib", [sentence]) == "eligible"
    assert verdict("alk_post_alectinib", [sentence]) == "eligible"


def test_a_carrier_with_no_approved_drug_named_by_driver_words_is_a_question() -> None:
    # KRAS G12C after chemo-immunotherapy: whether "driver gene positive" means KRAS is left open
    assert verdict("kras_chemo_io", [NEGATIVE_OR_CARRIER[0]]) != "excluded"


@pytest.mark.parametrize("sentence", [
    # near misses: no negative way in, so every patient needs the targeted therapy (unchanged)
    "Driver gene positive and failed the corresponding targeted therapy.",
    "EGFR mutant after failure of TKI treatment.",
])
def test_without_a_negative_way_in_the_targeted_therapy_is_asked(sentence: str) -> None:
    assert verdict("egfr_naive", [sentence]) == "excluded"
    assert verdict("egfr_post_osimertinib", [sentence]) == "eligible"


def test_without_prior_therapy_is_no_driver_absence() -> None:
    # "Without prior systemic therapy, or ...": the first way in is the untreated, not the driver-negative
    sentence = "Without prior systemic therapy, or EGFR mutant after failure of TKI treatment."
    assert verdict("chemo_doublet", [sentence]) == "excluded"
    assert verdict("driver_negative_naive", [sentence]) == "eligible"


# --- 2. "X or X plus Y": X alone is a way in ------------------------------------------------------------------

X_OR_X_PLUS_Y = [
    "Prior chemotherapy or chemotherapy plus bevacizumab.",
    "Received chemotherapy or combined chemotherapy and immunotherapy.",
    "Must have progressed on platinum-based chemotherapy, or platinum-based chemotherapy plus a PD-1 inhibitor.",
    "Previous platinum doublet or platinum doublet combined with PD-1 inhibitor.",
    "Prior cytotoxic chemotherapy or cytotoxic chemotherapy and ramucirumab for advanced disease.",
]


@pytest.mark.parametrize("sentence", X_OR_X_PLUS_Y)
def test_the_partner_of_a_restated_alternative_is_not_asked(sentence: str) -> None:
    assert verdict("chemo_doublet", [sentence]) == "eligible"
    assert verdict("chemo_bevacizumab", [sentence]) == "eligible"
    assert verdict("kras_chemo_io", [sentence]) == "eligible"
    assert verdict("driver_negative_naive", [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    # near misses: "X and Y", "X or Y and Z" ask for the partner
    "Prior chemotherapy and bevacizumab.",
    "Prior chemotherapy or bevacizumab and pembrolizumab.",
])
def test_a_partner_joined_by_and_is_still_asked(sentence: str) -> None:
    assert verdict("chemo_doublet", [sentence]) == "excluded"


def test_a_length_of_use_after_the_alternatives_is_no_washout() -> None:
    sentence = ("Received systemic chemotherapy or combined chemotherapy and immunotherapy for >= 4 weeks without "
                "progression;")
    assert verdict("chemo_doublet", [sentence]) == "unknown"  # had it; how long and how well is not in the profile
    assert verdict("egfr_post_osimertinib", [sentence]) == "excluded"
    assert verdict("driver_negative_naive", [sentence]) == "excluded"


# --- 3. A length of use is no washout: "currently receiving X for at least 1 month" asks for X ---------------------

@pytest.mark.parametrize("sentence", [
    "Patient is currently receiving maintenance immunotherapy for at least 1 month and planned for at least 3 "
    "additional months of therapy.",
    "Received pembrolizumab or atezolizumab for at least 6 weeks without progression.",
    "Currently on PD-1 inhibitor maintenance for more than 2 months.",
])
def test_a_length_of_use_asks_for_the_drug(sentence: str) -> None:
    assert verdict("driver_negative_naive", [sentence]) == "excluded"
    assert verdict("osimertinib_only_no_io", [sentence]) == "excluded"
    assert verdict("kras_chemo_io", [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", [
    # near misses: a washout, with a negation or a point in time
    "Must have not received any cancer treatment for at least 2 weeks.",
    "Must have received chemotherapy for at least 4 weeks before enrollment.",
    "No chemotherapy or immunotherapy for at least 3 weeks before the first dose.",
])
def test_a_washout_still_sets_no_requirement(sentence: str) -> None:
    assert verdict("kras_chemo_io", [sentence]) == "eligible"
    assert verdict("driver_negative_naive", [sentence]) != "excluded"


# --- 4. A carriers' heading and its rule in one sentence: a condition on the carriers ------------------------

CARRIER_HEADINGS = [
    "For patients with anaplastic lymphoma kinase (ALK) rearrangement: progression on at least one ALK inhibitor is "
    "required.",
    "For patients with ALK fusion: must have progressed on at least one prior ALK TKI.",
    "Patients with ALK rearrangement: prior treatment with an ALK inhibitor is required.",
]


@pytest.mark.parametrize("sentence", CARRIER_HEADINGS)
def test_a_carrier_heading_binds_its_carriers(sentence: str) -> None:
    assert verdict("alk_chemo_only", [sentence]) == "excluded"
    assert verdict("alk_naive", [sentence]) == "excluded"
    assert verdict("alk_post_alectinib", [sentence]) == "eligible"
    assert verdict("driver_negative_naive", [sentence]) == "eligible"
    assert verdict("chemo_doublet", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", CARRIER_HEADINGS)
def test_a_patient_with_no_finding_listed_is_in_another_group(sentence: str) -> None:
    # as when the heading was read as one way in beside others
    assert verdict("untested_naive", [sentence]) == "eligible"
    assert verdict("egfr_naive", [sentence]) == "eligible"


def test_a_heading_without_a_rule_after_it_stays_a_way_in() -> None:
    # near miss: "Subjects with actionable alterations (EGFR, ALK):" heading bullets are alternatives, read as before
    inclusion = ["Subjects with actionable genomic alterations (EGFR, ALK):",
                 "Must have progressed on an approved targeted therapy."]
    assert verdict("driver_negative_naive", inclusion) != "excluded"


# --- 5. "are eligible only after ...": a requirement in the words of a permission -----------------------------

@pytest.mark.parametrize("sentence", [
    "Patients with ALK fusion are eligible only after progression on, or intolerance to, at least one ALK inhibitor.",
    "ALK-positive participants are only eligible following progression on a prior ALK TKI.",
    "Patients with an ALK rearrangement will be eligible only after disease progression on alectinib, brigatinib or "
    "lorlatinib.",
])
def test_eligible_only_after_is_a_requirement(sentence: str) -> None:
    assert verdict("alk_naive", [sentence]) == "excluded"
    assert verdict("alk_chemo_only", [sentence]) == "excluded"
    assert verdict("alk_post_alectinib", [sentence]) == "eligible"
    assert verdict("driver_negative_naive", [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    # near misses: plain permissions
    "Patients with ALK fusion are eligible.",
    "Patients previously treated with an ALK inhibitor are eligible.",
    "Patients are eligible after prior chemotherapy.",
])
def test_a_plain_permission_sets_no_requirement(sentence: str) -> None:
    assert verdict("alk_naive", [sentence]) == "eligible"
