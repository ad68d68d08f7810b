"""Biomarker kinds from a second red-team probe: negation words read as the opposite, group permissions and cohort
labels that name an alteration, per-tumour pieces for other cancers, and "TPS 0%". Invented sentences only."""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

EGFR = patient("EGFR:exon 19 deletion")
EGFR_L858R = patient("EGFR:L858R")
ALK = patient("ALK:fusion")
ROS1 = patient("ROS1:fusion")
RET = patient("RET:fusion")
G12C = patient("KRAS:G12C")
G12D = patient("KRAS:G12D")
MET14 = patient("MET:exon 14 skipping")
MET_AMP = patient("MET:amplification")
HER2_EX20 = patient("ERBB2:exon 20 insertion")
HER2_AMP = patient("ERBB2:amplification")
NRG1 = patient("NRG1:fusion")
NONE_FOUND = patient()  # every panel gene tested negative
UNTESTED = patient(negative=[])


# ---- negation words: driver-negative patients are the ones these trials want ---------------------------------------

@pytest.mark.parametrize("sentence", [
    "Not known to harbour an EGFR, ALK or ROS1 alteration",
    "Patients not known to have EGFR-mutant or ALK-positive disease",
    "Tumour not known to carry an EGFR mutation or an ALK rearrangement",
    "Not known to harbor EGFR or ALK genomic aberrations",
])
def test_not_known_to_have_is_absence_and_untested_passes(sentence: str) -> None:
    text = inc(sentence)
    for carrier in (EGFR, ALK):
        assert verdict(text, carrier) == "excluded"
    for other in (G12C, NONE_FOUND, MET14):
        assert verdict(text, other) == "eligible"
    assert verdict(text, UNTESTED) == "eligible"  # not known to have it: untested tumours qualify


@pytest.mark.parametrize("sentence, carriers, others", [
    ("None of the following genomic alterations: EGFR, ALK, ROS1, RET", (EGFR, ALK, ROS1, RET), (G12C, MET14)),
    ("None of the following: EGFR mutation, ALK fusion or ROS1 fusion", (EGFR, ALK, ROS1), (G12C, RET)),
    ("None of the following driver alterations: EGFR exon 19 deletion, EGFR L858R, ALK fusion",
     (EGFR, EGFR_L858R, ALK), (G12C, ROS1)),
    ("Devoid of EGFR/ALK/ROS1 driver alterations", (EGFR, ALK, ROS1), (G12C, RET, MET14)),
    ("Tumour devoid of EGFR mutation", (EGFR,), (ALK, G12C)),
    ("Absent EGFR mutation and ALK fusion", (EGFR, ALK), (G12C, ROS1)),
    ("Absent ALK rearrangement and absent ROS1 rearrangement", (ALK, ROS1), (EGFR, G12C)),
    ("Lack of a targetable driver alteration for which approved therapy exists (EGFR, ALK, ROS1, BRAF, MET, RET, "
     "NTRK)", (EGFR, ALK, ROS1, MET14, RET), (G12D, NONE_FOUND)),
    ("Lack of a genomic driver alteration that has an approved targeted drug (EGFR, ALK, ROS1)",
     (EGFR, ALK, ROS1), (G12D, NONE_FOUND)),
    ("Lack of an actionable driver alteration (EGFR, ALK, ROS1)", (EGFR, ALK, ROS1), (G12D, NONE_FOUND)),
])
def test_negation_words_mean_absent(sentence: str, carriers: tuple[object, ...], others: tuple[object, ...]) -> None:
    text = inc(sentence)
    for carrier in carriers:
        assert verdict(text, carrier) == "excluded", carrier  # type: ignore[arg-type]
    for other in others:
        assert verdict(text, other) == "eligible", other  # type: ignore[arg-type]
    assert verdict(text, UNTESTED) != "excluded"  # type: ignore[arg-type]


def test_absence_of_a_driver_class_with_examples_binds_the_class() -> None:
    text = inc("Absence of a driver alteration for which targeted therapy is approved (e.g., EGFR, ALK)")
    for carrier in (EGFR, ALK, ROS1):  # ROS1 is such a driver too: the genes are examples
        assert verdict(text, carrier) == "excluded"
    assert verdict(text, NONE_FOUND) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Actionable driver alteration (e.g., EGFR, ALK)",
    "Driver alteration for which targeted therapy is approved (such as EGFR, ALK)",
])
def test_required_driver_class_with_examples_lets_other_drivers_in(sentence: str) -> None:
    text = inc(sentence)
    for carrier in (EGFR, ALK, ROS1):
        assert verdict(text, carrier) == "eligible"
    assert verdict(text, NONE_FOUND) == "excluded"


# Near misses: the same words in a positive or treatment sense keep their reading.
def test_known_to_harbour_without_not_is_a_requirement() -> None:
    text = inc("Known to harbour an EGFR exon 19 deletion or L858R mutation")
    assert verdict(text, EGFR) == "eligible"
    assert verdict(text, ALK) == "excluded"


def test_driver_with_approved_therapy_in_exclusions_still_excludes_carriers() -> None:
    text = exc("Known driver alteration for which an approved targeted therapy is available (EGFR, ALK, ROS1)")
    for carrier in (EGFR, ALK, ROS1):
        assert verdict(text, carrier) == "excluded"
    assert verdict(text, NONE_FOUND) == "eligible"


def test_none_of_the_following_for_treatments_is_no_marker_rule() -> None:
    text = inc("EGFR exon 19 deletion or L858R mutation", "None of the following prior treatments: docetaxel")
    assert verdict(text, EGFR) == "eligible"
    assert verdict(text, ALK) == "excluded"


def test_absent_brain_metastases_beside_a_marker_is_not_negated() -> None:
    text = inc("Absent or treated brain metastases; documented KRAS G12C mutation")
    assert verdict(text, G12C) == "eligible"
    assert verdict(text, G12D) == "excluded"


# ---- a permitted group that names the same marker: either way in --------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "PD-L1 positive (TPS >= 1%); PD-L1-negative patients are eligible for Cohort 2",
    "PD-L1 TPS of 1% or more; patients with PD-L1 TPS < 1% may be enrolled in Arm B",
    "PD-L1 expression >= 1%; PD-L1 negative participants are allowed in Part 2",
])
def test_pdl1_requirement_with_a_group_for_the_rest(sentence: str) -> None:
    text = inc(sentence)
    for tps in (0, 1, 50):
        assert verdict(text, patient(pdl1=tps)) == "eligible", tps
    assert verdict(text, patient()) == "unknown"


def test_gene_requirement_with_a_group_for_wild_type() -> None:
    text = inc("KRAS G12C mutation; KRAS wild-type patients are eligible for Cohort C")
    assert verdict(text, G12C) == "eligible"
    assert verdict(text, NONE_FOUND) == "eligible"


def test_group_let_in_on_another_ground_leaves_the_marker_rule() -> None:
    text = inc("PD-L1 TPS >= 50%; patients with treated brain metastases are eligible for Cohort 2")
    assert verdict(text, patient(pdl1=10)) == "excluded"
    assert verdict(text, patient(pdl1=60)) == "eligible"


# ---- cohort labels that name an alteration ------------------------------------------------------------------------

@pytest.mark.parametrize("label_one, label_two, fits_one, fits_two", [
    ("Cohort 1 (MET exon 14)", "Cohort 2 (MET amplification)", MET14, MET_AMP),
    ("Arm A (HER2 exon 20 insertion)", "Arm B (HER2 amplification)", HER2_EX20, HER2_AMP),
    ("Cohort A (KRAS G12D)", "Cohort B (KRAS G12C)", G12D, G12C),
])
def test_label_named_only_in_exclusions_still_opens_its_cohort(label_one: str, label_two: str, fits_one: object,
                                                               fits_two: object) -> None:
    text = (inc(f"{label_two}: untreated brain metastases allowed")
            + exc(f"{label_one}: prior therapy with a drug against that alteration"))
    assert verdict(text, fits_one) == "eligible"  # type: ignore[arg-type]
    assert verdict(text, fits_two) == "eligible"  # type: ignore[arg-type]
    # (A label naming a gene binds that gene's carriers only, as the shared reader scopes it: no-driver tumours
    # are not decided here.)


def test_lone_label_with_an_alteration_never_excludes_the_other_alteration() -> None:
    text = inc("Cohort 2 (MET amplification): untreated brain metastases allowed",
               "MET exon 14 skipping or MET amplification")
    assert verdict(text, MET_AMP) == "eligible"
    assert verdict(text, MET14) != "excluded"
    assert verdict(text, NONE_FOUND) == "excluded"


def test_exclusion_after_a_label_still_excludes_in_that_cohort() -> None:
    text = (inc("Cohort 1: EGFR exon 19 deletion or L858R", "Cohort 2: KRAS G12C")
            + exc("Cohort 1 (EGFR): concurrent KRAS mutation"))
    assert verdict(text, EGFR) == "eligible"
    assert verdict(text, G12C) == "eligible"
    assert verdict(text, ALK) == "excluded"


# ---- one bullet of per-tumour pieces: "other solid tumours" are not lung cancer ------------------------------------

@pytest.mark.parametrize("sentence", [
    "NSCLC with HER2 exon 20 insertion; other solid tumours with HER2 amplification",
    "One of the following: breast cancer (HER2-low); gastric cancer (HER2-positive); NSCLC (HER2 mutation); "
    "other solid tumours with HER2 amplification",
    "Non-small cell lung cancer with HER2 exon 20 insertion; all other advanced solid tumour types with HER2 "
    "amplification",
])
def test_other_tumour_piece_does_not_bind_lung_cancer(sentence: str) -> None:
    text = inc(sentence)
    assert verdict(text, HER2_EX20) == "eligible"
    assert verdict(text, NONE_FOUND) == "excluded"


def test_nsclc_or_other_solid_tumours_binds_lung_cancer() -> None:
    text = inc("NSCLC or other solid tumours with a KRAS G12C mutation")
    assert verdict(text, G12C) == "eligible"
    assert verdict(text, G12D) == "excluded"


# ---- "TPS 0%": below 1% ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "PD-L1 IHC 22C3 TPS 0%",
    "PD-L1 expression of 0% by SP263",
    "Tumour PD-L1 TPS = 0%",
])
def test_tps_zero_is_required(sentence: str) -> None:
    text = inc(sentence)
    assert verdict(text, patient(pdl1=0)) == "eligible"
    for tps in (1, 49, 80):
        assert verdict(text, patient(pdl1=tps)) == "excluded"
    assert verdict(text, patient()) == "unknown"


@pytest.mark.parametrize("sentence, eligible, excluded", [
    ("PD-L1 TPS 0% - 49%", (0, 1, 49), (50,)),
    ("PD-L1 TPS 10% or more", (10, 50), (0, 1)),
    ("PD-L1 TPS 1.0% or higher", (1, 50), (0,)),
])
def test_zero_near_misses(sentence: str, eligible: tuple[int, ...], excluded: tuple[int, ...]) -> None:
    text = inc(sentence)
    for tps in eligible:
        assert verdict(text, patient(pdl1=tps)) == "eligible", tps
    for tps in excluded:
        assert verdict(text, patient(pdl1=tps)) == "excluded", tps


def test_tps_zero_among_exclusions() -> None:
    text = exc("PD-L1 TPS 0%")
    assert verdict(text, patient(pdl1=0)) == "excluded"
    assert verdict(text, patient(pdl1=5)) == "eligible"


def test_nrg1_profile_under_not_known_to_have() -> None:
    text = inc("Not known to harbour an EGFR, ALK or ROS1 alteration")
    assert verdict(text, NRG1) == "eligible"
