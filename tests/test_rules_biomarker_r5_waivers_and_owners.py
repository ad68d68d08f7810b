"""Round-5 biomarker kinds (sets O and M): five wordings that lost or bent a marker rule.

1. A bracket waiving the test, "(testing is not mandatory for squamous histology)", after a ban on known drivers: it
   waives the test only. Carriers stay excluded, an untested tumour passes. Before, the whole ban was cut away.
2. "Both PD-L1 positive and PD-L1 negative patients are eligible": every value is covered, no PD-L1 rule. Before it
   was read as "PD-L1 >= 1% or < 1%", a question for every profile without a PD-L1 result.
3. "EGFR wild-type, and without other known drivers (ALK, ROS1, ...)": "known" scopes the list, so an untested gene
   in it passes; only the wild-type gene needs a result. Before, one unknown gene made the whole rule a question.
4. "activating HER2 mutation in the kinase domain (exon 19 or exon 20)": a bare exon belongs to the gene named
   before it, never to EGFR by default. Before, EGFR exon 19 deletion became a way in.
5. "absence of tumor-activating epidermal growth factor receptor (EGFR) mutations and the absence of anaplastic
   lymphoma kinase (ALK) ...": the spelled-out name is its symbol, "absence of" before it stays, and
   "tumor-activating" is "activating". Before, no rule was read (or ALK became a requirement).

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    EGFR_L858R,
    HER2_EX20,
    KRAS_G12C,
    MET_AMP,
    NO_DRIVER,
    NRG1,
    RET,
    ROS1,
    UNTESTED,
    exc,
    inc,
    patient,
    verdict,
)

# Tested for EGFR, ALK and ROS1 only, nothing found.
PARTLY_TESTED = patient(negative=["EGFR", "ALK", "ROS1"])
NO_PDL1 = patient()  # every panel gene negative, no PD-L1 result

# --- 1. test waiver in a bracket -------------------------------------------------------------------------------------
WAIVED_BANS = [
    ("Known EGFR sensitive mutation or ALK gene translocation (testing is not mandatory for squamous histology).",
     (EGFR_19, ALK), (NO_DRIVER, KRAS_G12C)),
    ("Known ALK rearrangement or ROS1 fusion (testing is not required for squamous tumours)",
     (ALK, ROS1), (NO_DRIVER, EGFR_L858R)),
    ("Known activating EGFR mutation (testing is not mandatory).", (EGFR_19, EGFR_L858R), (NO_DRIVER, ALK)),
    ("Known RET fusion or BRAF V600E mutation (molecular testing is not needed in squamous cases)",
     (RET, BRAF_V600E), (NO_DRIVER, ROS1)),
    ("Known EGFR mutation, ALK fusion or ROS1 rearrangement (testing for ALK is not required)",
     (EGFR_19, ALK, ROS1), (NO_DRIVER, KRAS_G12C)),
    ("Any known sensitising EGFR mutation (testing not mandatory for patients with squamous histology).",
     (EGFR_L858R,), (NO_DRIVER, MET_AMP)),
]


@pytest.mark.parametrize(("sentence", "carriers", "others"), WAIVED_BANS)
def test_test_waiver_keeps_the_ban(sentence: str, carriers: tuple, others: tuple) -> None:
    text = exc(sentence)
    for profile in carriers:
        assert verdict(text, profile) == "excluded", profile
    for profile in others:
        assert verdict(text, profile) == "eligible", profile
    assert verdict(text, UNTESTED) == "eligible"


def test_near_miss_unknown_word_keeps_untested_non_squamous_asked() -> None:
    # without "known", the waiver for squamous tumours leaves an untested adenocarcinoma a question, never a pass
    text = exc("Presence of a sensitising EGFR mutation (testing not mandatory for patients with squamous histology).")
    assert verdict(text, EGFR_L858R) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, UNTESTED) == "unknown"


def test_near_miss_not_required_sentence_still_waives_requirement() -> None:
    # a sentence (no bracket) saying the status is not required asks for nothing: unchanged
    text = inc("Stage IV NSCLC", "Documentation of EGFR or ALK status is not required")
    assert verdict(text, UNTESTED) == "eligible"
    assert verdict(text, EGFR_19) == "eligible"


# --- 2. both PD-L1 values eligible -----------------------------------------------------------------------------------
BOTH_PDL1 = [
    "Both PD-L1 positive and PD-L1 negative subjects are eligible.",
    "Patients with PD-L1-high as well as PD-L1-low tumours may enrol.",
    "PD-L1 negative and PD-L1 positive tumors are both allowed.",
    "Participants may be PD-L1 positive or negative.",
    "PD-L1 positive and negative patients can both take part.",
    "Both PD-L1 low and high expressers will be enrolled.",
]


@pytest.mark.parametrize("sentence", BOTH_PDL1)
def test_both_pdl1_values_set_no_rule(sentence: str) -> None:
    text = inc("Stage IV NSCLC", sentence)
    for profile in (NO_PDL1, UNTESTED, NO_DRIVER, EGFR_19):
        assert verdict(text, profile) == "eligible", profile


def test_near_miss_one_pdl1_value_still_required() -> None:
    text = inc("PD-L1 positive (TPS >= 1%)")
    assert verdict(text, NO_PDL1) == "unknown"
    assert verdict(text, NO_DRIVER) == "eligible"
    text = inc("PD-L1 high (TPS >= 50%); PD-L1 low patients are not eligible")
    assert verdict(text, NO_PDL1) == "unknown"


# --- 3. "known" scopes a list beside a wild-type gene ----------------------------------------------------------------
KNOWN_BESIDE_WILD_TYPE = [
    "EGFR wild-type, and without other known driver genes with approved targeted therapy (ALK, ROS1, BRAF V600E, "
    "RET, NTRK).",
    "EGFR wild-type and no known ALK, ROS1 or RET alterations.",
    "Tumour must be EGFR wild-type, without any known ALK, ROS1, BRAF or RET alterations",
    "EGFR-negative, and without other known oncogenic drivers (ALK, ROS1, NTRK, RET)",
    "Patients must be EGFR wild-type with no known ROS1, RET or BRAF alteration",
    "EGFR wild type; no known ALK fusion, ROS1 fusion or NTRK fusion",
]


@pytest.mark.parametrize("sentence", KNOWN_BESIDE_WILD_TYPE)
def test_known_list_lets_untested_genes_pass(sentence: str) -> None:
    text = inc("Stage IV NSCLC", sentence)
    assert verdict(text, PARTLY_TESTED) == "eligible"  # EGFR tested negative, the rest untested
    assert verdict(text, NRG1) == "eligible"
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"  # wild-type EGFR needs a result


def test_known_list_still_excludes_a_listed_carrier() -> None:
    text = inc("EGFR wild-type, and without other known driver genes (ALK, ROS1, RET)")
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, RET) == "excluded"


def test_near_miss_wild_type_list_without_known_needs_results() -> None:
    text = inc("EGFR, ALK and ROS1 wild-type")
    assert verdict(text, PARTLY_TESTED) == "eligible"
    text = inc("EGFR, ALK, RET and NTRK wild-type")
    assert verdict(text, PARTLY_TESTED) == "unknown"


# --- 4. a bare exon belongs to the gene before it --------------------------------------------------------------------
HER2_EXONS = [
    "Documented HER2 mutation: activating mutation in the HER2 tyrosine kinase domain (exon 19 or exon 20).",
    "Activating ERBB2 mutation located in the kinase domain (exon 19 or exon 20), by local testing",
    "HER2 mutation in exon 19 or exon 20.",
    "Known activating mutation of HER2 within its tyrosine kinase domain (exons 19 or 20)",
    "Tumour harbours an oncogenic HER2 mutation in the kinase region (exon 19, exon 20)",
    "HER2 (ERBB2) activating mutation, in the tyrosine kinase domain (exon 19 or exon 20), per local report",
]


@pytest.mark.parametrize("sentence", HER2_EXONS)
def test_her2_exons_are_not_egfr(sentence: str) -> None:
    text = inc("Stage IV NSCLC", sentence)
    assert verdict(text, HER2_EX20) == "eligible"
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, NO_DRIVER) == "excluded"


def test_near_miss_egfr_exons_stay_egfr() -> None:
    text = inc("EGFR mutation (exon 19 or exon 21)")
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, EGFR_L858R) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"
    text = inc("EGFR exon 19 deletion or HER2 mutation")
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, HER2_EX20) == "eligible"


# --- 5. spelled-out gene names after "absence of" --------------------------------------------------------------------
SPELLED_ABSENCE = [
    "If the tumor is of nonsquamous histology, documentation of the absence of tumor-activating epidermal growth "
    "factor receptor (EGFR) mutations and the absence of anaplastic lymphoma kinase (ALK) gene rearrangements",
    "Has documentation of the absence of anaplastic lymphoma kinase (ALK) gene rearrangements and of "
    "epidermal growth factor receptor (EGFR) sensitizing mutations",
    "Absence of tumour-activating EGFR mutations and absence of ALK gene fusions",
    "Documented absence of anaplastic lymphoma kinase (ALK) translocation and of activating epidermal growth factor "
    "receptor (EGFR) mutations",
    "Tumour without tumor-activating epidermal growth factor receptor (EGFR) mutation or anaplastic lymphoma kinase "
    "(ALK) rearrangement",
    "Must show the absence of anaplastic lymphoma kinase (ALK) fusion and the absence of tumor activating EGFR "
    "mutation",
]


@pytest.mark.parametrize("sentence", SPELLED_ABSENCE)
def test_spelled_out_absence_excludes_carriers(sentence: str) -> None:
    text = inc("Stage IV NSCLC", sentence)
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, KRAS_G12C) == "eligible"


def test_near_miss_spelled_out_requirement_stays_required() -> None:
    text = inc("Documented anaplastic lymphoma kinase (ALK) gene rearrangement")
    assert verdict(text, ALK) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"
