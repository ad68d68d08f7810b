"""Kind 14 (sets K/L diagnosis): a minimum course on a REQUIRED earlier treatment that the profile cannot settle.

"Must have completed at least 4 cycles of platinum-based doublet chemotherapy", "must have received the anti-PD-1
therapy for at least 84 days and progression at least 84 days after its initiation", "progression on a checkpoint
inhibitor following a period of clinical benefit, defined as continuous treatment for >= 4 months prior to
progression": a patient who had the drug is a question (unknown), not eligible; one who never had it is excluded.

Near-misses keep their verdict: a small floor ("at least 2 courses") is met by anyone who went on with the
treatment; washouts stay washouts ("at least 4 weeks since prior chemotherapy", "no chemotherapy for at least 4 weeks
prior to randomization") and ask for nothing; a definition of a disease ("... disease, defined as ...") sets no rule.
"""

from __future__ import annotations

import pytest
from invented import invented_trial, whole_parse_verdict

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.matching.profile import Profile

NAIVE = stage_iv_profile()
CHEMO_IO = stage_iv_profile(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)
CHEMO = stage_iv_profile(prior_therapies=["cisplatin", "gemcitabine"], prior_lines=1)
OSI = stage_iv_profile(biomarkers=[{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                       prior_therapies=["osimertinib"], prior_lines=1)


def verdict(profile: Profile, inclusion: str) -> str:
    return whole_parse_verdict(invented_trial(f"* Stage IV NSCLC\n* {inclusion}", "* Pregnancy",
                                              "Drug W in advanced NSCLC"), "prior_therapy", profile)


PLATINUM_COURSE = [
    "Patients must have completed at least 4 cycles of platinum-based doublet chemotherapy as first line therapy for"
    " stage IIIB or IV NSCLC and progressed thereafter",
    "Must have received a minimum of 4 cycles of cisplatin or carboplatin doublet for metastatic disease",
    "Completed >= 4 courses of a platinum-containing regimen in the first-line setting",
    "Participants must have had at least six cycles of platinum doublet chemotherapy for advanced NSCLC",
    "Prior treatment with at least 4 cycles of carboplatin-based chemotherapy for stage IV disease",
    "Subjects must have received at least 5 cycles of platinum chemotherapy for recurrent disease",
]


@pytest.mark.parametrize("inclusion", PLATINUM_COURSE)
def test_full_course_floor_is_a_question_once_the_drug_is_had(inclusion: str) -> None:
    assert verdict(CHEMO, inclusion) == "unknown"
    assert verdict(OSI, inclusion) == "excluded"  # no platinum at all


PD1_LENGTH = [
    "Participants must have received the anti-PD-1 or anti-PD-L1 therapy for at least 84 days and the date of"
    " progression must be at least 84 days after initiation of anti-PD-1 or anti-PD-L1 therapy",
    "Radiographic disease progression on or after checkpoint inhibitor therapy following a period of clinical"
    " benefit, defined as continuous treatment with the checkpoint inhibitor for >= 4 months prior to progression",
    "Must have received pembrolizumab, nivolumab or atezolizumab for at least 12 weeks",
    "Progression on a PD-1 or PD-L1 antibody after durable clinical benefit (CR, PR or SD >= 6 months)",
    "Patients must have been treated with an immune checkpoint inhibitor for more than 3 months and progressed at"
    " least 12 weeks after the start of that therapy",
    "Disease progression after anti-PD-(L)1 therapy given for >= 16 weeks before progression",
]


@pytest.mark.parametrize("inclusion", PD1_LENGTH)
def test_length_or_benefit_on_a_required_drug_is_a_question(inclusion: str) -> None:
    assert verdict(CHEMO_IO, inclusion) == "unknown"
    assert verdict(NAIVE, inclusion) == "excluded"


# Near-misses.
def test_small_floor_is_assumed_met() -> None:
    assert verdict(CHEMO_IO, "Received at least 2 courses of immunotherapy") == "eligible"
    assert verdict(CHEMO, "Must have received at least 2 cycles of platinum-based chemotherapy") == "eligible"


@pytest.mark.parametrize("inclusion", [
    "At least 4 weeks since prior chemotherapy",
    "No chemotherapy for at least 4 weeks prior to randomization",
    "Must not have received any anticancer treatment for at least 21 days before the first dose",
])
def test_washouts_stay_washouts(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) == "eligible"
    assert verdict(CHEMO, inclusion) == "eligible"


def test_disease_definition_sets_no_rule() -> None:
    inclusion = "Advanced disease, defined as stage IIIB not amenable to curative therapy or stage IV"
    assert verdict(NAIVE, inclusion) == "eligible"
