"""A marker that only names what a treatment is given for ("(e.g. pembrolizumab for tumors with PD-L1 TPS >= 50%)"
in one option of an either/or first-line regimen, "Prior osimertinib for T790M-positive disease is allowed", the
exclusion "Prior selpercatinib for RET fusion-positive NSCLC") sets no rule on who may join. Before, the PD-L1 level
of a therapy example became a trial-wide PD-L1 requirement, and a drug ban named with its indication barred the
marker's carriers.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, BRAF_V600E, EGFR_19, EGFR_19_T790M, NO_DRIVER, RET, exc, inc, patient, verdict

from trialmatch.criteria.rules.biomarker.indication import without_indications

PDL1_10 = patient(pdl1=10)
PDL1_NONE = patient()
EGFR_EX20 = patient("EGFR:exon 20 insertion")

# (criteria, profiles that must not be excluded on biomarker)
CASES = [
    ("Inclusion Criteria:\n\n* Must have completed first-line therapy consisting of one of:\n"
     "  * 4 cycles of platinum doublet chemotherapy with or without an anti-PD-1 antibody; OR\n"
     "  * at least 2 cycles of a checkpoint inhibitor alone (e.g. pembrolizumab for tumours with PD-L1 TPS >= 50%)\n",
     (PDL1_10, PDL1_NONE, NO_DRIVER)),
    ("Inclusion Criteria:\n\n* Induction with either carboplatin-pemetrexed, OR single-agent immunotherapy "
     "(such as cemiplimab in patients whose tumours express PD-L1 in at least 50% of cells)\n",
     (PDL1_10, PDL1_NONE)),
    (inc("Prior osimertinib for EGFR T790M-positive disease is allowed"), (EGFR_19, NO_DRIVER)),
    (inc("Previous targeted therapy (for example crizotinib in ALK-positive patients) is permitted"),
     (NO_DRIVER, EGFR_19)),
    (exc("Prior treatment with selpercatinib for RET fusion-positive NSCLC"), (RET, NO_DRIVER)),
    (exc("Received amivantamab given for tumours harbouring EGFR exon 20 insertion within 28 days"),
     (EGFR_EX20, NO_DRIVER)),
    (inc("Progression after standard therapy (e.g. dabrafenib plus trametinib for BRAF V600E-mutant tumours)"),
     (NO_DRIVER, BRAF_V600E)),
]


@pytest.mark.parametrize(("text", "kept"), CASES)
def test_marker_of_a_treatment_indication_sets_no_rule(text: str, kept: tuple) -> None:
    for profile in kept:
        assert verdict(text, profile) == "eligible"


def test_the_trial_own_marker_rule_still_binds() -> None:
    # The EGFR/ALK exclusion beside the regimen options still binds; the PD-L1 example does not.
    text = ("Inclusion Criteria:\n\n* First-line therapy, one of:\n  * platinum doublet; OR\n"
            "  * immunotherapy alone (e.g. atezolizumab for tumours with PD-L1 TC3 or IC3)\n\n"
            "Exclusion Criteria:\n\n* Known sensitising EGFR mutation or ALK rearrangement\n")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, PDL1_10) == "eligible"


def test_near_miss_a_pdl1_requirement_with_an_assay_example() -> None:
    text = inc("PD-L1 TPS >= 50% (e.g. by the 22C3 assay)")
    assert verdict(text, PDL1_10) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"


def test_near_miss_a_future_treatment_keeps_its_marker() -> None:
    # A treatment the trial plans, not one had: the marker may be the entry rule.
    text = inc("Must be a candidate for first-line pembrolizumab for tumours with PD-L1 TPS >= 50%")
    assert verdict(text, PDL1_10) != "eligible"


def test_near_miss_received_treatment_required_among_inclusions_keeps_its_marker() -> None:
    # "must have progressed on osimertinib given for T790M" among inclusions may ask for the T790M history.
    sentence = "Must have progressed on prior osimertinib for EGFR T790M-positive disease"
    assert without_indications(sentence, "inclusion") == (sentence, False)
    assert without_indications(sentence, "exclusion")[1]
    assert verdict(inc(sentence), EGFR_19_T790M) == "eligible"


def test_near_miss_exclusion_of_a_marker_stays() -> None:
    text = exc("Known EGFR mutation in exon 19 or exon 21")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"
