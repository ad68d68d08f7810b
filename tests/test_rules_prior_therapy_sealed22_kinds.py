"""Two prior-therapy kinds found on this session's sealed sets, after they were measured once (session 22).

1. A trial whose parts are named for NSCLC beside a part this reader does not name as a group ("Phase 1a dose
   escalation and Phase 1b monotherapy cohorts: progressed on standard therapy, or declined it" over "Phase 1b Part B
   (NSCLC, drug + pembrolizumab): no prior systemic therapy"): failing every named part is no proof that no part takes
   the patient, so it is a question, not an exclusion (every profile had been excluded).
2. A list of genes sharing one class word and narrowed after it ("any EGFR or HER2 TKI with activity against exon 20
   insertions"): only the drugs of that activity are banned, not every EGFR TKI (osimertinib had been banned).
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile, profile_from_dict


def _egfr_patient(**changes: object) -> Profile:
    facts: dict[str, object] = {
        "id": "egfr", "age": 64, "histology": "adenocarcinoma", "stage": "IV",
        "biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
        "tested_negative": ["ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2"], "pdl1_tps": 10,
        "prior_therapies": ["osimertinib"], "prior_lines": 1, "ecog": 1, "brain_metastases": "none"}
    return profile_from_dict({**facts, **changes})


OSIMERTINIB = _egfr_patient()
NAIVE = _egfr_patient(prior_therapies=[], prior_lines=0)
GEFITINIB = _egfr_patient(prior_therapies=["gefitinib"])


def verdict(profile: Profile, inclusion: str = "", exclusion: str = "") -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, exclusion, "A study of drug X in NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


UNNAMED_BESIDE_NAMED = [
    "* Prior Systemic Therapy Criteria:\n"
    "  * Phase 1a dose escalation and Phase 1b monotherapy cohorts: have progressed on at least one standard systemic "
    "therapy, or have declined standard therapy\n"
    "  * Phase 1b Part B (NSCLC, drug X + pembrolizumab): must not have received prior systemic therapy for advanced "
    "disease\n"
    "  * Phase 1b Part D (previously treated with a KRAS G12C inhibitor): progressed after sotorasib or adagrasib\n",
    "* Prior therapy requirements:\n"
    "  * Dose escalation and monotherapy cohorts: progressed on at least one standard therapy, or declined it\n"
    "  * Part B (NSCLC, drug X + pembrolizumab): no prior systemic therapy for metastatic disease\n"
    "  * Part C (KRAS G12C inhibitor-pretreated): progressed after sotorasib\n",
    "* Prior anticancer therapy:\n"
    "  * Escalation and backfill cohorts: received and progressed on at least one standard regimen, or refused it\n"
    "  * Expansion Part 2 (NSCLC, drug X + carboplatin + pemetrexed): treatment-naive for advanced disease\n"
    "  * Expansion Part 3 (after a KRAS G12C inhibitor): progression after adagrasib or sotorasib\n",
    "* Prior Therapy Criteria:\n"
    "  * Phase 1 monotherapy cohorts: progressed on, or ineligible for, at least one standard systemic therapy\n"
    "  * Phase 1b Part B (NSCLC, drug X plus pembrolizumab): no prior systemic treatment for advanced disease\n"
    "  * Phase 1b Part D (prior KRAS G12C inhibitor): progressed on sotorasib or adagrasib\n",
    "* Prior systemic treatment criteria:\n"
    "  * Dose-finding cohorts: at least one prior standard regimen, or declined standard therapy\n"
    "  * Part B (NSCLC, first-line, drug X + pembrolizumab): no prior systemic therapy for metastatic NSCLC\n"
    "  * Part D (previously treated with a G12C inhibitor): progressed after sotorasib or adagrasib\n",
    "* Prior Systemic Therapy Criteria:\n"
    "  * Phase 1a and Phase 1b monotherapy cohorts: progressed on or intolerant of at least one standard therapy, "
    "or declined standard therapy\n"
    "  * Phase 1b Part C (NSCLC, drug X + platinum + pemetrexed): no prior systemic therapy for advanced disease\n"
    "  * Phase 1b Part E (KRAS G12C inhibitor pretreated): progressed after sotorasib or adagrasib\n",
]


@pytest.mark.parametrize("inclusion", UNNAMED_BESIDE_NAMED)
def test_failing_every_named_nsclc_part_beside_an_unnamed_one_is_no_exclusion(inclusion: str) -> None:
    assert verdict(OSIMERTINIB, inclusion) != "excluded"


def test_near_miss_an_untreated_patient_still_fits_the_first_line_part() -> None:
    assert verdict(NAIVE, UNNAMED_BESIDE_NAMED[0]) != "excluded"


@pytest.mark.parametrize("line", [
    "Received prior treatment with any EGFR or HER2 tyrosine kinase inhibitor (TKI) with activity against exon 20 "
    "insertions (for example, poziotinib)",
    "Prior EGFR or HER2 TKIs active against exon 20 insertion mutations",
    "Previous EGFR or HER2 inhibitors targeting exon 20 insertions",
    "Any prior EGFR or ERBB2 TKI selective for exon 20 insertions",
    "Prior treatment with EGFR or HER2 kinase inhibitors that target exon 20 insertions",
    "Prior EGFR or HER2 TKI with known activity against exon 20 insertions, such as mobocertinib or poziotinib",
])
def test_a_class_list_narrowed_after_its_class_word_bans_no_other_tki(line: str) -> None:
    assert verdict(OSIMERTINIB, "* NSCLC", f"* {line}") == "eligible"
    assert verdict(GEFITINIB, "* NSCLC", f"* {line}") == "eligible"


@pytest.mark.parametrize("line", [
    "Prior treatment with EGFR or ALK inhibitors",
    "Previous EGFR or HER2 tyrosine kinase inhibitors",
])
def test_near_miss_an_unnarrowed_class_list_still_bans_every_member(line: str) -> None:
    assert verdict(OSIMERTINIB, "* NSCLC", f"* {line}") == "excluded"
