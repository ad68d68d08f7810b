"""Biomarker kinds found by readers auditing unlabelled trials with invented profiles (round 4).

1. "EGFR-, ALK- or ROS1-directed therapy is not indicated", "not a candidate for EGFR/ALK targeted therapy": the
   tumour must NOT carry a change such a drug is given for. Never a requirement for the gene.
2. "EGFR mutation, or PD-L1 TPS >= 50%": a gene and a PD-L1 level joined by "or" are one requirement met by either.
3. "Known other oncogenic driver alterations (eg, MET amplification) or histological transformation (eg, to SCLC)":
   the histology beside it does not hide the marker rule, and the examples do not narrow "other drivers".
4. Short forms of an exon 20 insertion: "Exon 20ins", "ex20ins", "20ins", "e20ins".
5. A broad word an aside defines: "EGFR mutagenesis [EGFR sensitive mutations include ...]": the aside's class
   decides, a change outside it is a question.
6. Official full gene names with their tail ("B-Raf proto-oncogene, serine/threonine kinase (BRAF) V600E") leave no
   bare gene behind that would widen the named change.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, trial, verdict

from trialmatch.criteria.rules import biomarker

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
    # other genes untested: a question, unless the class goes on from known examples ("Other known driver
    # alterations such as ...", "Known other oncogenic drivers, including ..."): an untested gene has no known change
    # (changed reading, session 27: synthX NCT98900009's label; see test_rules_biomarker_known_other_class.py)
    known_examples = sentence.startswith(("Other known driver alterations such as", "Known other oncogenic drivers,"))
    assert verdict(criteria, EGFR_ALONE_PARTLY) == ("eligible" if known_examples else "unknown")
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


# ---- kind 4: short forms of an exon 20 insertion --------------------------------------------------------------

EX20 = patient("EGFR:exon 20 insertion", lines=0)
EX20_SHORT = patient("EGFR:ex20ins", lines=0)
HER2_EX20 = patient("ERBB2:exon 20 insertion", lines=0)


@pytest.mark.parametrize("wording", ["EGFR Exon 20ins mutation", "EGFR ex20ins", "EGFR exon20ins", "EGFR 20ins",
                                     "EGFR e20ins", "EGFR exon 20ins-positive"])
def test_short_forms_of_exon_20_insertion(wording: str) -> None:
    criteria = inc(f"Locally advanced or metastatic NSCLC with {wording}")
    assert verdict(criteria, EX20) == "eligible"
    assert verdict(criteria, EX20_SHORT) == "eligible"
    assert verdict(criteria, L858R) == "excluded"
    assert verdict(criteria, HER2_EX20) == "excluded"


def test_exon_20_insertion_cohort_beside_another() -> None:
    criteria = inc("Cohort 1: EGFR exon 19 deletion or L858R.", "Cohort 2: EGFR Exon 20ins mutation.")
    assert verdict(criteria, EX20) == "eligible"
    assert verdict(criteria, L858R) == "eligible"
    assert verdict(criteria, ALK) == "excluded"


# ---- kind 5: a broad word an aside defines --------------------------------------------------------------------

T790M_ALONE = patient("EGFR:T790M", drugs=("erlotinib",), lines=1)
C797S_ALONE = patient("EGFR:C797S", drugs=("osimertinib",), lines=2)
G719X = patient("EGFR:G719X", lines=0)

DEFINED = [
    exc("EGFR mutagenesis [EGFR sensitive mutations include G719X, exon 19 deletion, L858R, L861Q]"),
    exc("Known EGFR mutation (EGFR sensitizing mutations include exon 19 deletion, L858R, G719X and L861Q)"),
    exc("Tumour with an EGFR alteration [activating EGFR mutations include G719X, exon 19 deletions and L858R]"),
]


@pytest.mark.parametrize("criteria", DEFINED, ids=["mutagenesis-brackets", "sensitizing-parentheses", "activating"])
def test_aside_defines_the_broad_word(criteria: str) -> None:
    for sensitising in (L858R, EX19, G719X):
        assert verdict(criteria, sensitising) == "excluded"
    for outside in (EX20, T790M_ALONE, C797S_ALONE):
        assert verdict(criteria, outside) == "unknown"
    assert verdict(criteria, NO_DRIVER_HIGH) == "eligible"
    # "Known EGFR mutation (...)": an untested tumour has none known (test_rules_biomarker_known_findings)
    assert verdict(criteria, UNTESTED) == ("eligible" if "Known" in criteria else "unknown")


@pytest.mark.parametrize("criteria", [
    exc("Known EGFR mutation (including exon 20 insertion)"),  # examples that widen, not a definition
    exc("Known EGFR mutation; sensitizing EGFR mutations include exon 19 deletion and L858R"),  # not an aside
], ids=["including", "separate-sentence"])
def test_near_misses_keep_the_broad_word(criteria: str) -> None:
    assert verdict(criteria, EX20) == "excluded"
    assert verdict(criteria, L858R) == "excluded"


# ---- kind 6: official full gene names -------------------------------------------------------------------------

@pytest.mark.parametrize("criteria", [
    inc("B-Raf proto-oncogene, serine/threonine kinase (BRAF) V600E mutation"),
    inc("Documented B-Raf proto-oncogene, serine/threonine kinase (BRAF) V600E-mutant NSCLC"),
], ids=["name-first", "documented"])
def test_official_braf_name_keeps_v600e(criteria: str) -> None:
    rules = biomarker.parse(trial(criteria))
    assert [(a["gene"], a["kind"]) for c in rules["clauses"] for a in c["atoms"]] == [("BRAF", "V600E")]
    assert verdict(criteria, BRAF) == "eligible"
    assert verdict(criteria, NO_DRIVER_HIGH) == "excluded"


def test_official_names_of_other_genes() -> None:
    criteria = inc("MET proto-oncogene, receptor tyrosine kinase (MET) exon 14 skipping, or KRAS proto-oncogene, "
                   "GTPase (KRAS) G12C")
    assert verdict(criteria, patient("MET:exon 14 skipping", lines=0)) == "eligible"
    assert verdict(criteria, patient("KRAS:G12C", lines=0)) == "eligible"
    assert verdict(criteria, KRAS_G12D) == "excluded"
    assert verdict(criteria, patient("MET:amplification", lines=0)) == "excluded"
