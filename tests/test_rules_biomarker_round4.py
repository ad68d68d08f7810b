"""Biomarker kinds from probe 3: an exclusion note inside an inclusion bullet ("(X are excluded)", "- X are not
eligible", ", X patients not eligible") shuts out only the group it names, the main clause stays a requirement;
"including uncommon mutations" adds to the class named before it; "common or uncommon" narrows nothing."""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

from trialmatch.criteria.rules.biomarker.notes import note_apart

NO_DRIVER_HIGH = patient(pdl1=80)
NO_DRIVER_60 = patient(pdl1=60)
NO_DRIVER_50 = patient(pdl1=50)
NO_DRIVER_30 = patient(pdl1=30)
NO_DRIVER_5 = patient(pdl1=5)
NO_DRIVER_0 = patient(pdl1=0)
EGFR_EX19_HIGH = patient("EGFR:exon 19 deletion", pdl1=70)
EGFR_EX19 = patient("EGFR:exon 19 deletion")
EGFR_L858R = patient("EGFR:L858R")
EGFR_T790M = patient("EGFR:exon 19 deletion", "EGFR:T790M")
EGFR_G719X = patient("EGFR:G719X")
EGFR_L861Q = patient("EGFR:L861Q")
EGFR_EX20 = patient("EGFR:exon 20 insertion")
ALK = patient("ALK:fusion")
ALK_HIGH = patient("ALK:fusion", pdl1=90)
ROS1 = patient("ROS1:fusion")
KRAS_G12C = patient("KRAS:G12C")
KRAS_G12C_POST = patient("KRAS:G12C", drugs=("carboplatin", "pemetrexed", "sotorasib"), lines=2)
KRAS_G12D = patient("KRAS:G12D")
RET = patient("RET:fusion")
MET_EX14 = patient("MET:exon 14 skipping")
UNTESTED = patient(negative=[])


# ---- kind 1: a bracketed / dashed / comma exclusion note in an inclusion bullet ---------------------------------

@pytest.mark.parametrize("sentence", [
    "PD-L1 TPS ≥ 50% (patients with EGFR or ALK alterations are excluded)",
    "PD-L1 tumour proportion score of 50% or higher (subjects with known EGFR mutations or ALK fusions are not "
    "eligible)",
    "High PD-L1 expression, TPS ≥ 50% by 22C3 - patients with EGFR or ALK genomic aberrations are ineligible",
])
def test_pdl1_high_with_a_driver_note_takes_the_driver_negative_high_expresser(sentence: str) -> None:
    text = inc(sentence)
    assert verdict(text, NO_DRIVER_HIGH) == "eligible"
    assert verdict(text, NO_DRIVER_60) == "eligible"
    assert verdict(text, NO_DRIVER_30) == "excluded"  # the main clause still binds
    assert verdict(text, EGFR_EX19_HIGH) == "excluded"  # the note shuts the carriers out
    assert verdict(text, ALK_HIGH) == "excluded"


@pytest.mark.parametrize("sentence", [
    "PD-L1 TPS 1-49% (TPS ≥ 50% is excluded)",
    "PD-L1 expression between 1% and 49% (a TPS of 50% or more is not eligible)",
])
def test_pdl1_low_band_with_a_high_band_note(sentence: str) -> None:
    text = inc(sentence)
    for profile in (NO_DRIVER_5, NO_DRIVER_30):
        assert verdict(text, profile) == "eligible"
    for profile in (NO_DRIVER_50, NO_DRIVER_HIGH, NO_DRIVER_0):
        assert verdict(text, profile) == "excluded"


@pytest.mark.parametrize("sentence", [
    "PD-L1 positive (TPS ≥ 1%) - PD-L1 negative patients are not eligible",
    "PD-L1 expression ≥ 1% (patients with PD-L1-negative tumours are excluded)",
])
def test_pdl1_positive_with_a_negative_note(sentence: str) -> None:
    text = inc(sentence)
    for profile in (NO_DRIVER_5, NO_DRIVER_50, NO_DRIVER_HIGH):
        assert verdict(text, profile) == "eligible"
    assert verdict(text, NO_DRIVER_0) == "excluded"


@pytest.mark.parametrize("sentence", [
    "KRAS G12C mutation (patients with prior sotorasib are excluded)",
    "Documented KRAS G12C mutation (prior treatment with a KRAS G12C inhibitor is not allowed)",
])
def test_kras_g12c_with_a_prior_drug_note_keeps_the_carrier(sentence: str) -> None:
    text = inc(sentence)
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, KRAS_G12D) == "excluded"
    assert verdict(text, EGFR_EX19) == "excluded"


@pytest.mark.parametrize("sentence, wanted, shut_out", [
    ("ALK rearrangement by FISH or NGS (ROS1 fusions are not eligible)", ALK, ROS1),
    ("Confirmed ROS1 fusion (patients with concurrent ALK rearrangement are ineligible)", ROS1, ALK),
    ("RET fusion-positive NSCLC (patients with a KRAS mutation are excluded)", RET, KRAS_G12C),
    ("ALK-positive NSCLC, ROS1-positive patients not eligible", ALK, ROS1),
    ("RET-rearranged NSCLC - MET exon 14 skipping is not allowed", RET, MET_EX14),
])
def test_fusion_with_an_other_gene_note(sentence: str, wanted: object, shut_out: object) -> None:
    text = inc(sentence)
    assert verdict(text, wanted) == "eligible"  # type: ignore[arg-type]
    assert verdict(text, shut_out) == "excluded"  # type: ignore[arg-type]


@pytest.mark.parametrize("sentence", [
    "Documented EGFR mutation (patients with exon 20 insertions are excluded)",
    "EGFR-mutant NSCLC (EGFR exon 20 insertion mutations are not eligible)",
])
def test_egfr_with_an_exon_20_note(sentence: str) -> None:
    text = inc(sentence)
    for profile in (EGFR_EX19, EGFR_L858R, EGFR_T790M, EGFR_G719X):
        assert verdict(text, profile) == "eligible"
    assert verdict(text, EGFR_EX20) == "excluded"
    assert verdict(text, NO_DRIVER_HIGH) == "excluded"


@pytest.mark.parametrize("sentence", [
    "PD-L1 TPS ≥ 50%; patients with EGFR or ALK alterations are excluded",  # the path the note now takes
    "PD-L1 TPS ≥ 50%. Patients with EGFR or ALK alterations are excluded.",
])
def test_the_same_note_as_its_own_clause_reads_the_same(sentence: str) -> None:
    text = inc(sentence)
    assert verdict(text, NO_DRIVER_HIGH) == "eligible"
    assert verdict(text, EGFR_EX19_HIGH) == "excluded"


# ---- near misses: the whole bullet is an exclusion, or the note has no subject of its own ----------------------

@pytest.mark.parametrize("sentence", [
    "Patients with EGFR mutation (exon 19 deletion or L858R) are excluded",
    "EGFR or ALK alterations (if present, are excluded)",
    "Known EGFR mutations (such patients are not eligible)",
])
def test_a_bullet_that_excludes_its_own_subject_still_excludes(sentence: str) -> None:
    text = inc(sentence)
    assert verdict(text, EGFR_EX19) == "excluded"
    assert verdict(text, NO_DRIVER_HIGH) == "eligible"


def test_a_comma_list_of_genes_is_not_split() -> None:
    text = inc("EGFR-mutant, ALK-positive patients are not eligible")
    assert verdict(text, EGFR_EX19) == "excluded"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"


def test_a_permission_note_is_no_exclusion() -> None:
    text = inc("EGFR mutation (exon 20 insertions are allowed)")
    assert verdict(text, EGFR_EX20) != "excluded"
    assert verdict(text, EGFR_EX19) == "eligible"


def test_the_note_in_an_exclusion_bullet_is_left_alone() -> None:
    text = exc("Known EGFR mutation (patients with exon 20 insertions are excluded)")
    assert verdict(text, EGFR_EX19) == "excluded"
    assert verdict(text, NO_DRIVER_HIGH) == "eligible"


@pytest.mark.parametrize("text, expected", [
    ("PD-L1 TPS ≥ 50% (patients with EGFR or ALK alterations are excluded)",
     "PD-L1 TPS ≥ 50%; patients with EGFR or ALK alterations are excluded"),
    ("KRAS G12C mutation (prior sotorasib is excluded) confirmed centrally.",
     "KRAS G12C mutation confirmed centrally; prior sotorasib is excluded"),
    ("ALK-positive NSCLC, ROS1-positive patients not eligible",
     "ALK-positive NSCLC; ROS1-positive patients are not eligible"),
    ("Non-squamous NSCLC - squamous histology excluded", "Non-squamous NSCLC; squamous histology is excluded"),
    ("EGFR or ALK alterations (if present, are excluded)", None),
    ("Patients with squamous NSCLC (are excluded)", None),
    ("PD-L1 TPS ≥ 50% (by 22C3) - see the laboratory manual", None),
    ("EGFR-mutant, ALK-positive patients are not eligible", None),
    ("Patients with EGFR mutation, ALK-positive patients are not eligible", None),
    ("Stage IV NSCLC (see section 5 for patients who are excluded)", None),
])
def test_note_apart(text: str, expected: str | None) -> None:
    assert note_apart(text) == (expected or text)


# ---- kind 2: "including uncommon mutations" adds; "common or uncommon" narrows nothing ---------------------------

@pytest.mark.parametrize("sentence", [
    "EGFR mutation positive, including uncommon mutations such as G719X, L861Q or S768I",
    "EGFR mutation positive, including uncommon mutations such as G719X, L861Q or S768I, but excluding exon 20 "
    "insertions",
    "Documented EGFR mutation (including uncommon mutations)",
    "EGFR-mutant NSCLC, including rare mutations (e.g. G719X or L861Q)",
    "Activating EGFR mutation (common or uncommon)",
    "Sensitising EGFR mutation, including uncommon sensitising mutations",
    "EGFR mutation, classical or atypical",
])
def test_uncommon_mutations_are_added_to_the_common_ones(sentence: str) -> None:
    text = inc(sentence)
    for profile in (EGFR_EX19, EGFR_L858R, EGFR_G719X, EGFR_L861Q):
        assert verdict(text, profile) == "eligible"
    for profile in (NO_DRIVER_HIGH, ALK, KRAS_G12C):
        assert verdict(text, profile) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"


@pytest.mark.parametrize("sentence", [
    "Uncommon EGFR mutation (e.g. G719X, L861Q or S768I)",
    "Rare EGFR mutations, including G719X or L861Q",
])
def test_an_uncommon_only_trial_still_asks_for_an_uncommon_mutation(sentence: str) -> None:
    text = inc(sentence)
    assert verdict(text, EGFR_G719X) == "eligible"
    assert verdict(text, EGFR_EX19) != "eligible"
    assert verdict(text, NO_DRIVER_HIGH) == "excluded"


def test_common_mutation_only_is_unchanged() -> None:
    text = inc("Common EGFR mutation (exon 19 deletion or L858R)")
    assert verdict(text, EGFR_EX19) == "eligible"
    assert verdict(text, EGFR_G719X) == "excluded"
