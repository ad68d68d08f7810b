"""Sub-items under one lead-in that name the same change once as present and once as absent ("failed EGFR-TKI,
specifically: a. T790M-negative after a first-generation TKI; b. T790M-positive, then progressed on osimertinib")
are routes in, one per status of that change: together they take every patient, so neither binds. Before, the
"-negative" item was read as a rule shutting the change out and the "-positive" item as a rule asking for it, and
every EGFR patient failed one of the two.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, EGFR_19_T790M, EGFR_L858R, L858R_C797S, NO_DRIVER, verdict

CASES = [
    "Inclusion Criteria:\n\n* EGFR exon 19 deletion or L858R\n* Subjects who have failed EGFR-TKI treatment, "
    "specifically:\n  * received a first- or second-generation EGFR-TKI and were T790M-negative after progression;\n"
    "  * received a first- or second-generation EGFR-TKI, were T790M-positive, and progressed on osimertinib;\n"
    "  * progressed after first-line osimertinib.\n",
    "Inclusion Criteria:\n\n* Activating EGFR mutation\n* Progression on prior EGFR TKI as one of the following:\n"
    "  * T790M negative tumour after gefitinib, erlotinib or afatinib\n"
    "  * T790M positive tumour after a third-generation TKI\n",
    "Inclusion Criteria:\n\n* Sensitising EGFR mutation\n* Resistance defined by:\n"
    "  - documented EGFR C797S mutation after osimertinib\n"
    "  - C797S-negative disease after osimertinib and chemotherapy\n",
    "Inclusion Criteria:\n\n1. EGFR exon 19 deletion or exon 21 L858R.\n2. Prior TKI history, one of:\n"
    "   a. T790M-negative after 1st/2nd generation TKI;\n"
    "   b. T790M-positive after 1st/2nd generation TKI, then progressed on 3rd generation TKI.\n",
    "Inclusion Criteria:\n\n* EGFR mutation-positive NSCLC\n* Patients must fit one route:\n"
    "  * Route 1: plasma or tissue T790M detected, osimertinib-naive\n"
    "  * Route 2: T790M not detected after first-line erlotinib\n",
    "Inclusion Criteria:\n\n* EGFR-mutant NSCLC\n* Acquired resistance to osimertinib, either:\n"
    "  * with MET amplification detected after progression, or\n  * without MET amplification at progression\n",
]


@pytest.mark.parametrize("text", CASES)
def test_routes_for_each_status_set_no_rule_on_that_change(text: str) -> None:
    for carrier in (EGFR_19, EGFR_19_T790M, EGFR_L858R, L858R_C797S):
        assert verdict(text, carrier) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"  # the shared EGFR requirement still binds


def test_routes_asking_for_different_changes_stay_alternatives() -> None:
    # Near-miss: both items ask for a change (T790M or C797S): one of them is needed.
    text = ("Inclusion Criteria:\n\n* EGFR-mutant NSCLC\n* Resistance to osimertinib, one of:\n"
            "  * acquired T790M\n  * acquired C797S\n")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, EGFR_19_T790M) == "eligible"
    assert verdict(text, L858R_C797S) == "eligible"


def test_a_lone_negative_item_keeps_its_rule() -> None:
    # Near-miss: no sibling asks for T790M, so "T790M-negative" still shuts it out.
    text = ("Inclusion Criteria:\n\n* EGFR-mutant NSCLC\n* Prior EGFR TKI, specifically:\n"
            "  * T790M-negative after first-generation TKI\n  * measurable disease\n")
    assert verdict(text, EGFR_19_T790M) == "excluded"
    assert verdict(text, EGFR_19) == "eligible"


def test_a_requirement_and_an_exclusion_in_different_sections_are_not_routes() -> None:
    # Near-miss: the inclusion asks for T790M for everyone; the exclusion is a separate sentence.
    text = ("Inclusion Criteria:\n\n* EGFR-mutant NSCLC\n* T790M-positive tumour\n\n"
            "Exclusion Criteria:\n\n* T790M-negative after gefitinib\n")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, EGFR_19_T790M) == "eligible"
