"""Prior-therapy sentence kinds of session 18, each a false exclusion (or a count read the wrong way round):

1. A driver told by the therapy that exists for it ("absence of genomic aberrations for which first-line targeted
   therapy is standard of care") is a biomarker condition: the targeted therapy there is no ban on having had it.
2. Line counts with a negated or spelt-out comparison ("must not be more than 2", "does not exceed two", "no fewer
   than two", "exceeding 2", "in excess of 2"), an inclusion's count that the sentence bans ("more than 2 prior lines
   are not allowed"), and a count after its treatment ("prior therapy in excess of 2 lines"): read in the right
   direction, with a patient whose line count is not given never excluded.
3. A way in for driver carriers beside the trial's own requirement ("driver-positive patients may enrol after
   exhausting approved targeted therapy"): a carrier who had their driver's approved drug is not shut out by the
   requirement the others must meet; an untreated driver-negative patient is not touched by it.
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
    "chemo": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1},
    "chemo-io-docetaxel": {"tested_negative": GENES, "prior_lines": 2,
                           "prior_therapies": ["cisplatin", "pemetrexed", "nivolumab", "docetaxel"]},
    "three-lines": {"tested_negative": GENES, "prior_lines": 3,
                    "prior_therapies": ["carboplatin", "paclitaxel", "cemiplimab", "docetaxel", "gemcitabine"]},
    "four-lines": {"tested_negative": GENES, "prior_lines": 4, "prior_therapies": [
        "carboplatin", "pemetrexed", "pembrolizumab", "docetaxel", "ramucirumab", "vinorelbine"]},
    "lines-unknown": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "gemcitabine"], "prior_lines": None},
    "osimertinib": {"biomarkers": EGFR, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "egfr-naive": {"biomarkers": EGFR, "prior_therapies": [], "prior_lines": 0},
    "alk-two-tkis": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}],
                     "prior_therapies": ["brigatinib", "lorlatinib"], "prior_lines": 2},
    "ros1-entrectinib": {"biomarkers": [{"gene": "ROS1", "alteration": "fusion"}],
                         "prior_therapies": ["entrectinib"], "prior_lines": 1},
}

verdict = partial(named_verdict, PATIENTS)
DRIVER_TREATED = ["osimertinib", "alk-two-tkis", "ros1-entrectinib"]


# --- 1. a driver told by the therapy that exists for it ----------------------------------------------------------

BIOMARKER_CONDITIONS = [
    "Absence of genomic aberrations for which first line targeted therapy is standard of care",
    "No actionable driver alteration with an approved first-line targeted therapy.",
    "No actionable driver alterations for which an approved first-line targeted therapy exists.",
    "Tumours must lack any oncogenic driver for which targeted therapy is approved in the first-line setting.",
    "Absence of known actionable genomic alterations (e.g., EGFR, ALK, ROS1) with approved targeted therapies.",
    "No known sensitizing EGFR mutation or ALK rearrangement for which first-line targeted therapy is indicated.",
    "Patients must not harbour a genomic alteration for which a targeted therapy is standard first-line care.",
]
DRIVER_EXCLUSIONS = [
    "Presence of a genomic aberration for which first line targeted therapy is standard of care.",
    "Known driver alteration with an approved first-line targeted therapy.",
    "Tumours harbouring actionable alterations for which approved targeted therapy is available.",
]


@pytest.mark.parametrize("sentence", BIOMARKER_CONDITIONS)
@pytest.mark.parametrize("who", [*DRIVER_TREATED, "naive", "chemo", "egfr-naive", "lines-unknown"])
def test_driver_told_by_its_therapy_sets_no_prior_therapy_rule(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", DRIVER_EXCLUSIONS)
@pytest.mark.parametrize("who", [*DRIVER_TREATED, "naive", "chemo"])
def test_driver_exclusion_told_by_its_therapy_sets_no_prior_therapy_rule(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "section"), [
    ("No prior targeted therapy.", "inclusion"),
    ("Absence of prior targeted therapy for advanced disease.", "inclusion"),
    ("Prior first-line targeted therapy.", "exclusion"),
    ("Mutations for which the patient received prior targeted therapy.", "exclusion"),
    ("Prior treatment with an approved targeted therapy for a driver alteration.", "exclusion"),
])
def test_a_ban_on_targeted_therapy_had_still_bans(sentence: str, section: str) -> None:
    inclusion, exclusion = ([sentence], None) if section == "inclusion" else (None, [sentence])
    assert verdict("osimertinib", inclusion, exclusion) == "excluded"
    assert verdict("chemo", inclusion, exclusion) == "eligible"


def test_a_driver_condition_on_treated_carriers_still_asks_for_their_drug() -> None:
    sentence = "Patients with EGFR or ALK aberrations must have progressed on approved therapy for these aberrations."
    assert verdict("egfr-naive", [sentence]) == "excluded"
    assert verdict("osimertinib", [sentence]) == "eligible"


# --- 2. line counts read in the right direction ------------------------------------------------------------------

AT_MOST_TWO = [
    ("No more than 2 prior lines of systemic therapy for advanced disease.", "inclusion"),
    ("Number of prior lines of therapy does not exceed 2.", "inclusion"),
    ("Prior treatment lines must not exceed 2.", "inclusion"),
    ("Number of prior regimens must not be more than 2.", "inclusion"),
    ("Prior regimens must not number more than two.", "inclusion"),
    ("Prior regimens should be no more than 2.", "inclusion"),
    ("Patients must have received not more than two prior regimens.", "inclusion"),
    ("Fewer than 3 prior lines of therapy.", "inclusion"),
    ("A maximum of 2 prior lines of systemic treatment.", "inclusion"),
    ("Up to 2 prior lines of therapy for advanced NSCLC.", "inclusion"),
    ("Prior systemic therapy not exceeding two lines for metastatic disease.", "inclusion"),
    ("Prior therapy lines shall not exceed two.", "inclusion"),
    ("More than 2 prior lines of therapy are not allowed.", "inclusion"),
    ("Patients with more than two prior regimens are not eligible.", "inclusion"),
    ("Prior lines exceeding 2 are not permitted.", "inclusion"),
    ("More than 2 prior lines of therapy.", "exclusion"),
    ("Prior lines of treatment exceeding 2.", "exclusion"),
    ("Prior therapy in excess of 2 lines.", "exclusion"),
    ("More than two lines of previous treatment.", "exclusion"),
    ("Patients who have received prior systemic treatment exceeding two lines.", "exclusion"),
    ("Received not less than 3 prior lines of systemic therapy.", "exclusion"),
    ("No fewer than 3 prior regimens for metastatic disease.", "exclusion"),
]


def _sections(sentence: str, section: str) -> tuple[list[str] | None, list[str] | None]:
    return ([sentence], None) if section == "inclusion" else (None, [sentence])


@pytest.mark.parametrize(("sentence", "section"), AT_MOST_TWO)
def test_at_most_two_lines(sentence: str, section: str) -> None:
    inclusion, exclusion = _sections(sentence, section)
    for who in ("naive", "chemo", "chemo-io-docetaxel", "osimertinib", "alk-two-tkis"):
        assert verdict(who, inclusion, exclusion) == "eligible", who
    for who in ("three-lines", "four-lines"):
        assert verdict(who, inclusion, exclusion) == "excluded", who
    assert verdict("lines-unknown", inclusion, exclusion) == "unknown"


AT_LEAST_TWO = [
    ("No fewer than two prior lines of therapy.", "inclusion"),
    ("Received no fewer than 2 prior regimens.", "inclusion"),
    ("Not less than 2 prior lines of systemic therapy.", "inclusion"),
    ("Prior lines of therapy must not be fewer than 2.", "inclusion"),
    ("Fewer than 2 prior lines of therapy.", "exclusion"),
    ("Prior regimens not exceeding one.", "exclusion"),
]


@pytest.mark.parametrize(("sentence", "section"), AT_LEAST_TWO)
def test_at_least_two_lines(sentence: str, section: str) -> None:
    inclusion, exclusion = _sections(sentence, section)
    for who in ("naive", "chemo", "osimertinib"):
        assert verdict(who, inclusion, exclusion) == "excluded", who
    for who in ("chemo-io-docetaxel", "three-lines", "four-lines", "alk-two-tkis"):
        assert verdict(who, inclusion, exclusion) == "eligible", who
    assert verdict("lines-unknown", inclusion, exclusion) == "unknown"


@pytest.mark.parametrize("sentence", [
    "Not less than 1 prior line of systemic therapy.",
    "Must have had not less than one prior systemic regimen for advanced disease.",
    "At least 1 prior line of therapy (patients who refused chemotherapy are not eligible).",
    "At least one prior line of therapy; patients with untreated brain metastases are not eligible.",
])
def test_at_least_one_line_with_a_negation_elsewhere(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "excluded"
    for who in ("chemo", "chemo-io-docetaxel", "four-lines", "osimertinib"):
        assert verdict(who, [sentence]) == "eligible", who
    assert verdict("lines-unknown", [sentence]) == "unknown"


def test_a_ban_on_another_group_leaves_the_cap_alone() -> None:
    sentence = "No more than 2 prior lines of therapy, and patients with active infection are not eligible."
    assert verdict("naive", [sentence]) == "eligible"
    assert verdict("three-lines", [sentence]) == "excluded"


def test_a_treatment_had_before_its_cap_is_still_asked_for() -> None:
    # "Having received" asks for the treatment: the cap does not take the requirement away.
    sentence = "Having received prior systemic therapy, not exceeding two lines."
    assert verdict("naive", [sentence]) == "excluded"
    assert verdict("chemo", [sentence]) == "eligible"
    assert verdict("three-lines", [sentence]) == "excluded"


def test_a_cap_on_one_class_after_its_name_counts_that_class() -> None:
    sentence = "Prior chemotherapy not exceeding 2 regimens."
    assert verdict("osimertinib", [sentence]) != "excluded"
    assert verdict("chemo", [sentence]) == "eligible"
    assert verdict("naive", exclusion=["Prior chemotherapy exceeding 2 regimens."]) == "eligible"
    assert verdict("chemo", exclusion=["Prior chemotherapy exceeding 2 regimens."]) == "eligible"


# --- 3. a way in for driver carriers beside the trial's own requirement -----------------------------------------

ROUTES = [
    "Driver-positive patients may enrol after exhausting approved targeted therapy.",
    "Patients with a driver mutation may enroll after progression on approved targeted therapy.",
    "Participants with known actionable alterations are eligible after exhausting standard targeted therapy.",
    "Patients with an oncogenic driver can participate after they have progressed on approved targeted agents.",
    "Patients whose tumours harbour a targetable alteration may be included once approved targeted therapies have "
    "been exhausted.",
    "Patients with EGFR, ALK or ROS1 alterations may also be enrolled after progressing on approved targeted therapy.",
]
REQUIREMENTS = [
    "Progression on or after platinum-based chemotherapy.",
    "Progressed on platinum-based chemotherapy and a PD-1 inhibitor.",
    "At least one prior line of systemic therapy for metastatic disease.",
]


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("requirement", REQUIREMENTS)
def test_a_driver_way_in_lets_treated_carriers_in(route: str, requirement: str) -> None:
    for who in DRIVER_TREATED:
        assert verdict(who, [requirement, route]) == "eligible", who
    assert verdict("chemo-io-docetaxel", [requirement, route]) == "eligible"
    # The requirement still binds the others, and an untreated carrier met neither way in.
    assert verdict("naive", [requirement, route]) == "excluded"
    assert verdict("egfr-naive", [requirement, route]) == "excluded"


@pytest.mark.parametrize("route", ROUTES[:3])
def test_a_driver_way_in_beside_a_treatment_naive_trial(route: str) -> None:
    inclusion = ["No prior systemic therapy for advanced disease.", route]
    assert verdict("osimertinib", inclusion) == "eligible"
    assert verdict("naive", inclusion) == "eligible"
    assert verdict("egfr-naive", inclusion) == "eligible"
    assert verdict("chemo", inclusion) == "excluded"


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("who", ["naive", "chemo", "lines-unknown", *DRIVER_TREATED])
def test_a_driver_way_in_alone_excludes_nobody(route: str, who: str) -> None:
    assert verdict(who, ["Stage IV NSCLC without an actionable genomic alteration", route]) != "excluded"


def test_the_way_in_in_the_same_bullet() -> None:
    sentence = ("Progression on or after platinum-based chemotherapy; patients with a driver alteration may instead "
                "enrol after progression on approved targeted therapy.")
    assert verdict("osimertinib", [sentence]) == "eligible"
    assert verdict("naive", [sentence]) == "excluded"


@pytest.mark.parametrize("route", [
    # A condition, not a way in: the carriers must meet both.
    "Patients with a driver alteration must have progressed on approved targeted therapy.",
    # The carriers' way in asks for chemotherapy too.
    "Driver-positive patients may enrol after exhausting approved targeted therapy and platinum-based chemotherapy.",
])
def test_near_miss_routes_keep_the_requirement(route: str) -> None:
    assert verdict("osimertinib", [REQUIREMENTS[0], route]) == "excluded"


def test_a_way_in_for_one_gene_leaves_the_other_carriers_to_the_requirement() -> None:
    inclusion = ["Progressed after platinum doublet.", "Patients with EGFR sensitizing mutations are eligible after "
                                                         "progression on approved EGFR TKI therapy."]
    assert verdict("osimertinib", inclusion) == "eligible"
    assert verdict("alk-two-tkis", inclusion) == "excluded"
