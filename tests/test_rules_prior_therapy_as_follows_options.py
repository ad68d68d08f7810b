"""A lead-in that introduces alternatives ("... as follows:", "..., specifically:", "... defined as:", "either of the
following:", "meeting one of these:") over lettered, numbered or bulleted sub-items that each describe one treatment
history ("a. Prior first- or second-generation EGFR TKI without T790M at progression", "b. Prior osimertinib as
first-line therapy"): any one item is a way in. Read as all required, a patient who had first-line osimertinib was
excluded for lacking a first-generation TKI (a false exclusion). Items joined by "; or" across bullets ("a. Prior
gefitinib; or" / "b. Prior osimertinib") are one criterion whose item marks no longer cut it into sentences.

Near-misses keep every item binding: "all of the following:", items joined by "and", a single item, lists of
another topic ("Adequate organ function as follows: ANC ..., platelets ..."), and an item said to be allowed
("... are eligible regardless of T790M status"), which asks for nothing and so would open the way to everyone.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile


def _patient(gene: str, alteration: str, therapies: list[str], lines: int) -> Profile:
    return stage_iv_profile(age=61, biomarkers=[{"gene": gene, "alteration": alteration}],
                            tested_negative=["KRAS", "ROS1"], pdl1_tps=5, prior_therapies=therapies, prior_lines=lines)


OSIMERTINIB = _patient("EGFR", "exon 19 deletion", ["osimertinib"], 1)
GEFITINIB = _patient("EGFR", "L858R", ["gefitinib"], 1)
ERLOTINIB = _patient("EGFR", "exon 19 deletion", ["erlotinib"], 1)
CHEMO = _patient("EGFR", "L858R", ["carboplatin", "pemetrexed"], 1)
NAIVE = _patient("EGFR", "L858R", [], 0)
CRIZOTINIB = _patient("ALK", "fusion", ["crizotinib"], 1)
ALECTINIB = _patient("ALK", "fusion", ["alectinib"], 1)


def verdict(profile: Profile, inclusion: str, marker: str = "EGFR exon 19 deletion or L858R mutation") -> str:
    rules = prior_therapy.parse(invented_trial(f"* Stage IV NSCLC with {marker}\n{inclusion}", "* Pregnancy",
                                               "Drug Y in advanced NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


# (inclusion, one patient per option)
EGFR_OPTIONS = [
    ("* Progression on prior EGFR TKI therapy as follows:\n"
     "  * a. Prior first- or second-generation EGFR TKI (gefitinib, erlotinib, afatinib) without T790M at progression\n"
     "  * b. Prior osimertinib as first-line therapy\n", (GEFITINIB, OSIMERTINIB)),
    ("* Documented disease progression on EGFR-directed therapy, as follows:\n"
     "  1. Progressed on erlotinib or gefitinib\n"
     "  2. Progressed on osimertinib given in the first-line setting\n", (ERLOTINIB, OSIMERTINIB)),
    ("* Prior targeted therapy for advanced disease, specifically:\n"
     "  - Received gefitinib, erlotinib or dacomitinib as first-line therapy\n"
     "  - Received osimertinib as first-line therapy\n", (GEFITINIB, OSIMERTINIB)),
    ("* Treatment history meeting one of these:\n"
     "  * a) Failure of a first-generation EGFR TKI such as erlotinib\n"
     "  * b) Failure of osimertinib\n", (ERLOTINIB, OSIMERTINIB)),
    ("* Has progressed on prior EGFR TKI therapy as follows:\n"
     "  * a. Prior gefitinib or icotinib; or\n"
     "  * b. Prior osimertinib\n", (GEFITINIB, OSIMERTINIB)),
    ("* EGFR TKI pretreatment, either of the following:\n"
     "  * Previous osimertinib or lazertinib\n"
     "  * Previous erlotinib or afatinib\n", (OSIMERTINIB, ERLOTINIB)),
]

ALK_OPTIONS = [
    ("* Prior ALK inhibitor treatment defined as:\n"
     "  * (i) Progression after crizotinib\n"
     "  * (ii) Progression after alectinib or brigatinib\n", (CRIZOTINIB, ALECTINIB)),
    ("* Progressed on ALK-directed therapy as follows:\n"
     "  1) Patients who received crizotinib as the only ALK inhibitor\n"
     "  2) Patients who received alectinib or ceritinib first line\n", (CRIZOTINIB, ALECTINIB)),
]


@pytest.mark.parametrize(("inclusion", "patients"), EGFR_OPTIONS)
def test_each_treatment_history_is_a_way_in(inclusion: str, patients: tuple[Profile, ...]) -> None:
    for patient in patients:
        assert verdict(patient, inclusion) == "eligible"


@pytest.mark.parametrize(("inclusion", "patients"), ALK_OPTIONS)
def test_each_alk_history_is_a_way_in(inclusion: str, patients: tuple[Profile, ...]) -> None:
    for patient in patients:
        assert verdict(patient, inclusion, "ALK rearrangement") == "eligible"


@pytest.mark.parametrize(("inclusion", "patients"), EGFR_OPTIONS)
def test_near_miss_a_patient_fitting_no_option_is_still_held(inclusion: str, patients: tuple[Profile, ...]) -> None:
    assert verdict(CHEMO, inclusion) != "eligible"
    assert verdict(NAIVE, inclusion) != "eligible"


EVERY_ITEM = [
    "* Prior EGFR TKI therapy, all of the following:\n  * a. Prior gefitinib\n  * b. Prior osimertinib\n",
    "* Progression on prior EGFR TKI therapy as follows:\n  * a. Prior gefitinib; and\n  * b. Prior osimertinib\n",
    "* Progression on prior EGFR TKI therapy as follows:\n  * a. Prior gefitinib as first-line therapy\n",
    "* Prior therapy, each of the following:\n  1. Received erlotinib\n  2. Received osimertinib\n",
]


@pytest.mark.parametrize("inclusion", EVERY_ITEM)
def test_near_miss_every_item_still_binds(inclusion: str) -> None:
    assert verdict(OSIMERTINIB, inclusion) != "eligible"


def test_near_miss_organ_function_list_asks_no_treatment() -> None:
    inclusion = ("* Adequate organ function as follows:\n  * a. ANC >= 1.5 x 10^9/L\n"
                 "  * b. Platelets >= 100 x 10^9/L\n  * c. Creatinine clearance >= 50 mL/min\n")
    assert verdict(NAIVE, inclusion) == "eligible"
    assert verdict(OSIMERTINIB, inclusion) == "eligible"


def test_near_miss_an_allowed_item_keeps_the_old_reading() -> None:
    # The second item reads as a permission (no rule): as a way in it would let anyone with an EGFR TKI in.
    inclusion = ("* Must have progressed on EGFR TKI therapy as follows:\n"
                 "  * Participants who received erlotinib first line must have progressed on osimertinib second line\n"
                 "  * Participants who received osimertinib first line are eligible\n")
    assert verdict(ERLOTINIB, inclusion) != "eligible"


ADDING_UP = [
    # a bare lead-in: the histories are requirements that add up
    "* Prior therapy as follows:\n  * a. Prior osimertinib\n  * b. Prior platinum-based chemotherapy\n",
    # a lead-in naming two treatments
    "* Prior chemotherapy and immunotherapy as follows:\n  * Prior carboplatin or cisplatin\n"
    "  * Prior pembrolizumab or atezolizumab\n",
]


@pytest.mark.parametrize("inclusion", ADDING_UP)
def test_near_miss_histories_that_add_up_still_bind(inclusion: str) -> None:
    assert verdict(OSIMERTINIB, inclusion) != "eligible"
    assert verdict(CHEMO, inclusion) != "eligible"
