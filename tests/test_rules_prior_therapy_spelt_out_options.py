"""A lead-in that goes on to spell itself out ("Subjects who have failed EGFR-TKI treatment, specifically:", "...,
namely:", "..., defined as:") over sub-bullets that each name a kind of patient ("a. Subjects who received a
first-generation TKI ...", "b. Subjects who progressed after ..."): each sub-bullet is one way to be what the lead-in
says, not a rule on every patient. Read as all required, a patient who progressed on first-line osimertinib was
asked for a first-generation TKI too (a false exclusion). Sub-bullets that are plain requirements, or a lead-in that
does not spell itself out, keep every item binding.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile


def _patient(therapies: list[str], lines: int) -> Profile:
    return stage_iv_profile(id="egfr", age=58, biomarkers=[{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                            tested_negative=["ALK", "ROS1", "KRAS"], pdl1_tps=10, prior_therapies=therapies,
                            prior_lines=lines)


OSIMERTINIB = _patient(["osimertinib"], 1)
GEFITINIB = _patient(["gefitinib"], 1)
CHEMO = _patient(["carboplatin", "pemetrexed"], 1)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(f"* EGFR exon 19 deletion or L858R\n{inclusion}", "* Pregnancy",
                                               "Drug X in EGFR-mutant NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


SPELT_OUT = [
    "* Subjects who have failed EGFR-TKI treatment, specifically:\n"
    "  a. Subjects who received first- or second-generation EGFR-TKI as first-line treatment;\n"
    "  b. Subjects who progressed after first-line treatment with third-generation EGFR-TKI.\n",
    "* Patients must have progressed on EGFR TKI therapy, namely:\n"
    "  * Patients who progressed on osimertinib given first-line\n"
    "  * Patients who progressed on gefitinib, erlotinib or afatinib\n",
    "* Prior EGFR TKI failure, defined as:\n"
    "  1. Participants who progressed after a third-generation EGFR TKI\n"
    "  2. Participants who progressed after a first-generation EGFR TKI\n",
    "* Resistance to targeted therapy, i.e.:\n"
    "  * Patients with progression on osimertinib\n"
    "  * Patients with progression on gefitinib or erlotinib\n",
    "* Failure of prior EGFR TKI, that is:\n"
    "  * Subjects whose disease progressed on a first- or second-generation EGFR TKI\n"
    "  * Subjects whose disease progressed on a third-generation EGFR TKI\n",
    "* Progression on an EGFR inhibitor, meaning:\n"
    "  * those who received osimertinib first-line\n"
    "  * those who received gefitinib, erlotinib, afatinib or dacomitinib\n",
]


@pytest.mark.parametrize("inclusion", SPELT_OUT)
def test_each_kind_of_patient_is_a_way_in(inclusion: str) -> None:
    assert verdict(OSIMERTINIB, inclusion) == "eligible"
    assert verdict(GEFITINIB, inclusion) == "eligible"


@pytest.mark.parametrize("inclusion", SPELT_OUT)
def test_near_miss_a_patient_fitting_no_kind_is_still_held(inclusion: str) -> None:
    assert verdict(CHEMO, inclusion) != "eligible"


NOT_SPELT_OUT = [
    # plain requirements under the lead-in, not kinds of patient: both bind
    "* Prior therapy, specifically:\n"
    "  * progressed on osimertinib\n"
    "  * received prior gefitinib\n",
    # no spelling-out word: a list of requirements
    "* Subjects who have failed EGFR-TKI treatment:\n"
    "  * Subjects who received first-generation EGFR-TKI\n"
    "  * Subjects who received third-generation EGFR-TKI\n",
]


@pytest.mark.parametrize("inclusion", NOT_SPELT_OUT)
def test_near_miss_other_lists_keep_every_item(inclusion: str) -> None:
    assert verdict(OSIMERTINIB, inclusion) != "eligible"
