"""Biomarker kinds found by readers auditing unlabelled trials with invented profiles (round 4).

1. "EGFR-, ALK- or ROS1-directed therapy is not indicated", "not a candidate for EGFR/ALK targeted therapy": the
   tumour must NOT carry a change such a drug is given for. Never a requirement for the gene.
2. "EGFR mutation, or PD-L1 TPS >= 50%": a gene and a PD-L1 level joined by "or" are one requirement met by either.
3. "Known other oncogenic driver alterations (eg, MET amplification) or histological transformation (eg, to SCLC)":
   the histology beside it does not hide the marker rule, and the examples do not narrow "other drivers".
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

EX19 = patient("EGFR:exon 19 deletion", lines=0)
L858R = patient("EGFR:L858R", lines=0)
ALK = patient("ALK:EML4-ALK fusion", lines=0)
ROS1 = patient("ROS1:CD74-ROS1 fusion", lines=0)
BRAF = patient("BRAF:V600E", pdl1=30, lines=0)
KRAS_G12D = patient("KRAS:G12D", pdl1=10, lines=0)
NO_DRIVER_HIGH = patient(pdl1=80, lines=0)
NO_DRIVER_LOW = patient(pdl1=5, lines=0)
NO_DRIVER_NO_SCORE = patient(lines=0)
UNTESTED = patient(negative=[], lines=0)
EGFR_ALK_NEGATIVE = patient(negative=["EGFR", "ALK"], lines=0)


# ---- kind 1: therapy against the gene is not indicated --------------------------------------------------------

NOT_INDICATED = [
    inc("Confirmation that EGFR-, ALK-, or ROS1- directed therapy is not indicated as primary therapy"),
    inc("EGFR-, ALK- or ROS1-targeted therapy is not indicated"),
    inc("Patient is not a candidate for EGFR/ALK/ROS1 targeted therapy"),
    inc("Participants for whom EGFR, ALK or ROS1 tyrosine kinase inhibitors are not clinically indicated"),
    inc("Not eligible for EGFR-, ALK-, or ROS1-directed treatment"),
    exc("Patients who are candidates for EGFR, ALK or ROS1 targeted therapy"),
]


@pytest.mark.parametrize("criteria", NOT_INDICATED,
                         ids=["bare-hyphens", "targeted", "candidate", "tki-for-whom", "not-eligible", "exclusion"])
def test_directed_therapy_not_indicated_shuts_out_carriers_only(criteria: str) -> None:
    for carrier in (EX19, L858R, ALK, ROS1):
        assert verdict(criteria, carrier) == "excluded"
    for other in (NO_DRIVER_HIGH, BRAF, KRAS_G12D):
        assert verdict(criteria, other) == "eligible"
    assert verdict(criteria, UNTESTED) == "unknown"
    assert verdict(criteria, EGFR_ALK_NEGATIVE) == "unknown"  # ROS1 not tested


def test_two_genes_named_leave_the_third_alone() -> None:
    criteria = inc("Not a candidate for EGFR/ALK targeted therapy")
    assert verdict(criteria, ROS1) == "eligible"
    assert verdict(criteria, EGFR_ALK_NEGATIVE) == "eligible"
    assert verdict(criteria, ALK) == "excluded"


@pytest.mark.parametrize("criteria", [
    # Carriers are meant: the gene is named as a finding, the drug only as what they cannot take.
    inc("Patients with EGFR mutation who are not candidates for EGFR TKI therapy"),
    inc("ALK-positive NSCLC for which ALK inhibitors are not indicated"),
], ids=["egfr-carriers", "alk-carriers"])
def test_carriers_who_cannot_take_the_drug_still_need_the_gene(criteria: str) -> None:
    gene = L858R if "EGFR" in criteria else ALK
    assert verdict(criteria, gene) == "eligible"
    assert verdict(criteria, NO_DRIVER_HIGH) == "excluded"


def test_not_indicated_or_treated_before_is_a_question_for_carriers() -> None:
    criteria = inc("EGFR/ALK-directed therapy is not indicated, or the patient has progressed on it")
    assert verdict(criteria, L858R) == "unknown"
    assert verdict(criteria, ALK) == "unknown"
    assert verdict(criteria, NO_DRIVER_HIGH) == "eligible"


def test_spelt_out_negative_list_still_reads_right() -> None:
    criteria = inc("Confirmation per local test report that epidermal growth factor receptor negative (EGFR-), "
                   "anaplastic lymphoma kinase negative (ALK-), or c ros oncogene 1 negative (ROS1-) directed "
                   "therapy is not indicated as primary therapy")
    assert verdict(criteria, NO_DRIVER_HIGH) == "eligible"
    assert verdict(criteria, BRAF) == "eligible"
    for carrier in (L858R, ALK, ROS1):
        assert verdict(criteria, carrier) == "excluded"


def test_a_drug_list_with_suspended_hyphens_is_one_drug_class() -> None:
    # Prior EGFR-, ALK- or ROS1-directed therapy is a treatment rule: no marker requirement.
    criteria = inc("Prior EGFR-, ALK-, or ROS1-directed therapy is allowed")
    assert verdict(criteria, NO_DRIVER_HIGH) == "eligible"
    assert verdict(criteria, L858R) == "eligible"


# ---- kind 2: a gene or a PD-L1 level ------------------------------------------------------------------------

GENE_OR_SCORE = [
    inc("EGFR mutation, or PD-L1 TPS >= 50%"),
    inc("PD-L1 TPS >= 50% or EGFR mutation"),
    inc("Tumour harbouring an EGFR mutation or ALK rearrangement, or with PD-L1 expression >= 50% (22C3)"),
    inc("EGFR/ALK positive or PD-L1 high"),
]


@pytest.mark.parametrize("criteria", GENE_OR_SCORE, ids=["gene-first", "score-first", "two-genes", "positive-high"])
def test_gene_or_score_is_one_requirement(criteria: str) -> None:
    assert verdict(criteria, NO_DRIVER_HIGH) == "eligible"
    assert verdict(criteria, L858R) == "eligible"
    assert verdict(criteria, NO_DRIVER_LOW) == "excluded"
    assert verdict(criteria, NO_DRIVER_NO_SCORE) == "unknown"


def test_gene_and_score_are_both_required() -> None:
    criteria = inc("EGFR mutation and PD-L1 TPS >= 50%")
    assert verdict(criteria, NO_DRIVER_HIGH) == "excluded"
    assert verdict(criteria, L858R) == "unknown"  # no PD-L1 result


def test_absent_gene_or_score_never_excludes_on_one_side() -> None:
    criteria = inc("EGFR wild-type or PD-L1 >= 50%")
    assert verdict(criteria, NO_DRIVER_HIGH) == "eligible"
    assert verdict(criteria, NO_DRIVER_LOW) == "unknown"  # EGFR wild-type: the first way in
    assert verdict(criteria, patient("EGFR:L858R", pdl1=80, lines=0)) == "unknown"


def test_cohorts_with_a_gene_and_a_score_stay_apart() -> None:
    criteria = inc("Cohort A: EGFR mutation.", "Cohort B: PD-L1 TPS >= 50%.")
    assert verdict(criteria, NO_DRIVER_HIGH) == "eligible"
    assert verdict(criteria, L858R) == "eligible"
    assert verdict(criteria, NO_DRIVER_LOW) == "excluded"


def test_a_levels_own_or_joins_no_gene() -> None:
    criteria = inc("PD-L1 TPS of 50% or greater, and an EGFR mutation")
    assert verdict(criteria, NO_DRIVER_HIGH) == "excluded"
    criteria = inc("PD-L1 expression of 1% or higher without EGFR or ALK alterations")
    assert verdict(criteria, L858R) == "excluded"
    assert verdict(criteria, NO_DRIVER_HIGH) == "eligible"


# ---- kind 3: other drivers beside a histology change ----------------------------------------------------------

EGFR_TRIAL = "Histologically confirmed NSCLC with an EGFR exon 19 deletion or L858R mutation"
EGFR_MET = patient("EGFR:L858R", "EGFR:C797S", "MET:amplification", drugs=("osimertinib",), lines=1)
EGFR_RET = patient("EGFR:exon 19 deletion", "RET:KIF5B-RET fusion", drugs=("osimertinib",), lines=1)
EGFR_ONLY = patient("EGFR:exon 19 deletion", drugs=("osimertinib",), lines=1)
EGFR_ALONE_PARTLY = patient("EGFR:L858R", negative=["ALK", "ROS1"], lines=0)

OTHER_DRIVERS = [
    "Known other oncogenic driver alterations (eg, moderate or high MET amplification) or histological "
    "transformation (eg, to small cell carcinoma, etc.).",
    "Other known driver alterations such as ALK fusion or MET amplification, or transformation to SCLC",
    "Presence of other actionable drivers (e.g., RET, ALK) and/or evidence of small-cell transformation",
    "Known other oncogenic drivers, including MET amplification",
]


@pytest.mark.parametrize("sentence", OTHER_DRIVERS, ids=["eg-moderate-high", "such-as", "and-or-sclc", "including"])
def test_other_drivers_beside_a_histology_change(sentence: str) -> None:
    criteria = inc(EGFR_TRIAL) + exc(sentence)
    assert verdict(criteria, EGFR_RET) == "excluded"  # a second driver, not named among the examples
    assert verdict(criteria, EGFR_ONLY) == "eligible"  # the trial's own driver is not an "other" one
    assert verdict(criteria, EGFR_ALONE_PARTLY) == "unknown"  # other genes untested
    if "MET" in sentence:
        assert verdict(criteria, EGFR_MET) == "excluded"


@pytest.mark.parametrize("sentence", [
    "EGFR-mutant NSCLC that has transformed to small cell lung cancer",
    "Small cell transformation of an EGFR-mutant tumour",
], ids=["transformed-to", "small-cell-first"])
def test_a_histology_change_alone_is_no_marker_rule(sentence: str) -> None:
    criteria = inc(EGFR_TRIAL) + exc(sentence)
    assert verdict(criteria, EGFR_ONLY) == "eligible"
    assert verdict(criteria, EGFR_RET) == "eligible"
