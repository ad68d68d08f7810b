"""Biomarker kinds found on a third blind set of real trials (invented sentences only).

1. Genes said absent and genes said present, joined by "or" ("EGFR and ALK-negative or KRAS-positive", "wild-type
   for EGFR and ALK, or with a KRAS mutation"): one requirement met either way, not "KRAS required" beside "no EGFR".
   A comma list of absent genes ("EGFR negative, ALK negative, or KRAS positive") and a closing "negative" after a
   named change ("KRAS G12C mutation or EGFR/ALK negative") are open to two readings: questions, never exclusions.
2. A gene symbol in brackets after its spelt-out name counts as the gene, even where the name is wrong or unknown
   ("alkaline phosphatase (ALK)", "proto-oncogene receptor tyrosine kinase (ROS1)"), and a bare "ROS" in a list of
   driver genes is ROS1: "no EGFR, ALK or ROS aberrations" is a list of absent genes.
3. "... with EGFR sensitive mutation, ... and had to be eligible for second-line treatment": an obligation or the
   fitness for a line of treatment does not make the sentence a mere permission.
4. A driver word spelt out after a colon ("Activating driver mutation: EGFR, ALK, ROS1") names the whole rule, and a
   negated head ("No actionable alterations: EGFR, ALK") makes the list absent, not required.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

NO_DRIVER = patient(pdl1=80)
EGFR_ALK_NEGATIVE_ONLY = patient(negative=["EGFR", "ALK"])
UNTESTED = patient(negative=[])
L858R = patient("EGFR:L858R")
EX19 = patient("EGFR:exon 19 deletion")
G719X = patient("EGFR:G719X")
EX20 = patient("EGFR:exon 20 insertion")
ALK = patient("ALK:fusion")
ROS1 = patient("ROS1:fusion")
G12C = patient("KRAS:G12C")
G12D = patient("KRAS:G12D")
G12D_EGFR_ALK_UNTESTED = patient("KRAS:G12D", negative=[])
MET_AMP = patient("MET:amplification", negative=["EGFR", "ALK"])
NRG1 = patient("NRG1:fusion")
ERBB2_AMP = patient("ERBB2:amplification")
SQUAMOUS_THREE_TESTED = patient(negative=["EGFR", "ALK", "ROS1"], histology="squamous", pdl1=5)

# ---- kind 1: absent genes or present genes -------------------------------------------------------------------------

ABSENT_OR_PRESENT = [
    "Epidermal growth factor receptor (EGFR) and Anaplastic lymphoma kinase (ALK)-negative or Kirsten rat sarcoma "
    "viral oncogene homolog (KRAS)-positive",
    "EGFR and ALK wild-type, or KRAS mutant",
    "Negative for EGFR and ALK, or positive for KRAS",
    "Wild-type for EGFR and ALK or with a KRAS mutation",
    "Without EGFR or ALK alterations, or with a KRAS mutation",
    "Tumour harbouring a KRAS mutation, or wild-type for EGFR and ALK",
    "KRAS-positive or EGFR/ALK-negative",
    "Tumours must be EGFR- and ALK-negative, or KRAS-mutated",
]


@pytest.mark.parametrize("sentence", ABSENT_OR_PRESENT)
def test_absent_or_present_is_one_requirement(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, NO_DRIVER) == "eligible"  # the absent side lets in
    assert verdict(criteria, EGFR_ALK_NEGATIVE_ONLY) == "eligible"  # KRAS need not be tested then
    assert verdict(criteria, SQUAMOUS_THREE_TESTED) == "eligible"
    assert verdict(criteria, MET_AMP) == "eligible"  # another driver: EGFR and ALK are still negative
    assert verdict(criteria, G12C) == "eligible"  # the present side lets in
    assert verdict(criteria, G12D_EGFR_ALK_UNTESTED) == "eligible"  # KRAS alone is enough
    assert verdict(criteria, L858R) == "excluded"  # EGFR found and no KRAS change: neither side
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, UNTESTED) == "unknown"


def test_absent_or_named_variant() -> None:
    criteria = inc("EGFR, ALK and ROS1 wild-type, or harbouring a KRAS G12C mutation")
    assert verdict(criteria, G12C) == "eligible"
    assert verdict(criteria, G12D) == "eligible"  # no EGFR, ALK or ROS1 change
    assert verdict(criteria, ROS1) == "excluded"
    assert verdict(criteria, patient("KRAS:G12D", negative=["EGFR"])) == "unknown"  # ALK, ROS1 untested


def test_one_absent_gene_or_another_gene() -> None:
    criteria = inc("EGFR-negative or ALK-positive")
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, ALK) == "eligible"
    assert verdict(criteria, EX20) == "excluded"
    assert verdict(criteria, UNTESTED) == "unknown"


@pytest.mark.parametrize("sentence", [
    "EGFR and ALK-negative and KRAS-positive",
    "Negative for EGFR and ALK, and positive for KRAS",
])
def test_absent_and_present_are_both_required(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, G12C) == "eligible"
    assert verdict(criteria, NO_DRIVER) == "excluded"  # KRAS is required too
    assert verdict(criteria, L858R) == "excluded"


def test_separate_sentences_stay_two_requirements() -> None:
    criteria = inc("EGFR and ALK negative.", "KRAS mutation-positive.")
    assert verdict(criteria, G12C) == "eligible"
    assert verdict(criteria, NO_DRIVER) == "excluded"


@pytest.mark.parametrize("sentence", [
    "EGFR negative, ALK negative, or KRAS positive",  # three alternatives, or two groups?
    "KRAS G12C mutation or EGFR/ALK negative",  # "negative" may close the whole list
])
def test_two_readings_never_exclude(sentence: str) -> None:
    criteria = inc(sentence)
    for profile in (G12C, NO_DRIVER, L858R, ALK, G12D):
        assert verdict(criteria, profile) != "excluded", profile


def test_closing_negative_over_one_gene_still_excludes() -> None:
    # The same gene on both sides of "or": the closing word reaches back over it, as before.
    criteria = inc("EGFR exon 19 deletion or L858R negative")
    assert verdict(criteria, EX19) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"


def test_same_gene_both_ways_is_no_rule_on_it() -> None:
    criteria = inc("EGFR wild-type or EGFR exon 20 insertion")
    assert verdict(criteria, L858R) != "excluded"


def test_prefix_negation_still_covers_a_plain_list() -> None:
    criteria = inc("No EGFR or ALK mutation or KRAS mutation")
    assert verdict(criteria, G12C) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"


def test_or_unknown_waiver_unchanged() -> None:
    assert verdict(inc("EGFR-negative or unknown"), UNTESTED) == "eligible"


def test_exclusion_section_is_not_joined() -> None:
    # In the exclusions, "EGFR or ALK positive" is a plain list of what is refused.
    criteria = exc("EGFR- or ALK-positive tumours")
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"


# ---- kind 2: names before bracketed symbols; ROS in a list -------------------------------------------------------

NEGATED_LISTS = [
    "Treatment-naive metastatic NSCLC with high PD-L1 expression (tumor proportion score >= 50%) and no epidermal "
    "growth factor receptor (EGFR), alkaline phosphatase (ALK), or ROS activating genomic tumor aberrations",
    "PD-L1 TPS of 50% or more, without EGFR, ALK or ROS activating aberrations",
    "PD-L1 >= 50%; no epidermal growth factor (EGFR), activin receptor-like kinase (ALK) or ROS rearrangements",
    "High PD-L1 (TPS >= 50%) and no sensitising epidermal growth factor receptor (EGFR) mutation, anaplastic "
    "lymphoma kinase (ALK) fusion, or c-ros oncogene (ROS) rearrangement",
]


@pytest.mark.parametrize("sentence", NEGATED_LISTS)
def test_negated_list_with_spelt_names(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, patient("KRAS:G12C", negative=["EGFR", "ALK", "ROS1"], pdl1=60)) == "eligible"
    assert verdict(criteria, patient("ALK:fusion", pdl1=80)) == "excluded"
    assert verdict(criteria, patient("ROS1:fusion", pdl1=80)) == "excluded"
    assert verdict(criteria, patient("EGFR:L858R", pdl1=80)) == "excluded"
    assert verdict(criteria, patient(pdl1=10)) == "excluded"  # the score still counts
    assert verdict(criteria, patient(negative=["EGFR", "ALK"], pdl1=80)) == "unknown"  # ROS1 untested


def test_wrong_name_in_exclusion_list() -> None:
    criteria = exc("Known alterations of epidermal growth factor receptor (EGFR), alkaline phosphatase (ALK) or "
                   "proto-oncogene receptor tyrosine kinase (ROS1)")
    assert verdict(criteria, ROS1) == "excluded"
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, G12C) == "eligible"


def test_reactive_oxygen_species_is_not_a_gene() -> None:
    criteria = inc("Elevated reactive oxygen species (ROS) levels in plasma")
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, ROS1) == "eligible"


def test_drug_before_bracketed_gene_is_not_a_name() -> None:
    # "tyrosine kinase inhibitor (EGFR)" ends in a drug word: the bracket stays a drug target, not a finding.
    criteria = inc("Prior treatment with a tyrosine kinase inhibitor (EGFR) is allowed")
    assert verdict(criteria, NO_DRIVER) == "eligible"


def test_high_before_spelt_pdl1_is_kept() -> None:
    criteria = inc("High programmed death ligand 1 (PD-L1) expression")
    assert verdict(criteria, patient(pdl1=80)) == "eligible"
    assert verdict(criteria, patient(pdl1=10)) == "excluded"


# ---- kind 3: a requirement beside an obligation ------------------------------------------------------------------

SENSITISING_REQUIREMENTS = [
    "Locally advanced or metastatic lung squamous cell carcinoma (LSQC) with EGFR sensitive mutation patients, whom "
    "previously untreated or received platinum-based doublet chemotherapy, and had to be eligible for second-line "
    "treatment.",
    "Stage IV NSCLC with an EGFR sensitising mutation; patients have to be eligible for first-line therapy",
    "Metastatic NSCLC harbouring an activating EGFR mutation, and must be eligible for second line treatment",
    "Advanced NSCLC with EGFR sensitizing mutation who need to be eligible for 2nd-line treatment",
]


@pytest.mark.parametrize("sentence", SENSITISING_REQUIREMENTS)
def test_sensitising_requirement_beside_an_obligation(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, L858R) == "eligible"
    assert verdict(criteria, EX19) == "eligible"
    assert verdict(criteria, patient("EGFR:exon 19 deletion", "EGFR:T790M")) == "eligible"
    assert verdict(criteria, NO_DRIVER) == "excluded"
    assert verdict(criteria, G12C) == "excluded"
    assert verdict(criteria, UNTESTED) == "unknown"
    assert verdict(criteria, patient(negative=[], histology="squamous")) == "unknown"


def test_uncommon_mutation_against_sensitising_requirement_is_not_excluded() -> None:
    criteria = inc(SENSITISING_REQUIREMENTS[0])
    assert verdict(criteria, G719X) != "excluded"  # an uncommon sensitising change


@pytest.mark.parametrize("sentence", [
    "Patients with EGFR exon 20 insertion are also eligible.",
    "Patients with a KRAS G12C mutation may be enrolled.",
])
def test_permission_alone_still_sets_no_rule(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, L858R) == "eligible"


# ---- kind 4: a driver word spelt out after a colon ---------------------------------------------------------------

CLOSED_DRIVER_LISTS = [
    "Activating driver mutation: epidermal growth factor receptor (EGFR), anaplastic lymphoma kinase (ALK), "
    "proto-oncogene receptor tyrosine kinase (ROS1)",
    "Known oncogenic driver alterations: EGFR mutation, ALK fusion or ROS1 rearrangement.",
    "Driver gene alterations: EGFR, ALK, ROS1",
]


@pytest.mark.parametrize("sentence", CLOSED_DRIVER_LISTS)
def test_closed_driver_list_names_the_whole_rule(sentence: str) -> None:
    criteria = exc(sentence)
    for other in (G12C, patient("MET:exon 14 skipping"), patient("ERBB2:exon 20 insertion"), patient("RET:fusion"),
                  NRG1, ERBB2_AMP):
        assert verdict(criteria, other) == "eligible", other
    assert verdict(criteria, L858R) == "excluded"
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, ROS1) == "excluded"
    assert verdict(criteria, patient("KRAS:G12C", negative=["EGFR", "ALK"])) == "unknown"  # ROS1 untested


@pytest.mark.parametrize("sentence", [
    "Driver mutations: EGFR, ALK, ROS1, or others",
    "Driver mutations, including: EGFR, ALK, ROS1",
    "Driver mutations such as: EGFR, ALK, ROS1",
])
def test_open_driver_list_keeps_the_doubt(sentence: str) -> None:
    criteria = exc(sentence)
    assert verdict(criteria, G12C) == "unknown"  # another driver may be meant
    assert verdict(criteria, L858R) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"


@pytest.mark.parametrize("sentence", [
    "No actionable genomic alterations: EGFR, ALK, ROS1, BRAF",
    "Patients must not have driver mutations: EGFR, ALK or ROS1.",
    "Driver gene negative: EGFR, ALK, ROS1",
])
def test_negated_driver_head_makes_the_list_absent(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, NO_DRIVER) == "eligible"  # was read as "EGFR, ALK ... required"
    assert verdict(criteria, G12D) == "eligible"
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, L858R) == "excluded"


def test_negated_open_driver_list_stays_wide() -> None:
    criteria = inc("No driver mutations, including: EGFR, ALK")
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, G12C) != "eligible"  # another driver: a question


def test_no_known_spelt_list_lets_untested_in() -> None:
    criteria = inc("No known epidermal growth factor (EGFR), activin receptor-like kinase (ALK) or ROS rearrangements")
    assert verdict(criteria, UNTESTED) == "eligible"  # "no known": an untested tumour has none known
    assert verdict(criteria, ROS1) == "excluded"
