"""Biomarker kinds a red-team probe found: alternative lists cut at semicolons, lists under a banning lead-in,
an exception's own permission, and "must be (known) wild-type" said apart from the genes. Invented sentences only."""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

from trialmatch.criteria.rules.biomarker.cues import sentences

EGFR = patient("EGFR:exon 19 deletion")
ALK = patient("ALK:fusion")
ROS1 = patient("ROS1:fusion")
BRAF = patient("BRAF:V600E")
G12C = patient("KRAS:G12C")
G12D = patient("KRAS:G12D")
NRG1 = patient("NRG1:fusion", negative=[g for g in ("EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2")])
MET_AMP = patient("MET:amplification")
HER2_OE = patient("ERBB2:overexpression")
NONE_FOUND = patient()  # every panel gene tested negative
UNTESTED = patient(negative=[])


# ---- "A; B; C; or D": one list of alternatives, not four requirements ----------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Must have an actionable alteration: EGFR mutation; ALK rearrangement; ROS1 rearrangement; or BRAF V600E",
    "Tumour harbours one of: EGFR exon 19 deletion; ALK fusion; ROS1 fusion; or BRAF V600E mutation.",
    "Documented ALK rearrangement; EGFR activating mutation; BRAF V600E; or ROS1 fusion",
])
def test_semicolon_list_closed_by_or_is_one_set_of_alternatives(sentence: str) -> None:
    for carrier in (EGFR, ALK, ROS1, BRAF):
        assert verdict(inc(sentence), carrier) == "eligible"
    assert verdict(inc(sentence), NONE_FOUND) == "excluded"
    assert verdict(inc(sentence), UNTESTED) == "unknown"


def test_semicolon_list_of_uncommon_drivers() -> None:
    text = inc("Documented KRAS G12D mutation; NRG1 fusion; MET amplification; or HER2 overexpression")
    for carrier in (G12D, NRG1, MET_AMP, HER2_OE):
        assert verdict(text, carrier) == "eligible"
    assert verdict(text, EGFR) == "unknown"  # NRG1 was never tested: it may still be there


@pytest.mark.parametrize("sentence", [
    "EGFR wild-type; ECOG 0-1; measurable disease",
    "No EGFR mutation; adequate organ function; life expectancy of 12 weeks or more",
])
def test_semicolons_without_or_still_cut_requirements(sentence: str) -> None:
    assert sentences(sentence)[0].startswith(("EGFR wild-type", "No EGFR mutation"))
    assert len(sentences(sentence)) == 3
    assert verdict(inc(sentence), EGFR) == "excluded"
    assert verdict(inc(sentence), ALK) == "eligible"


def test_sentence_split_keeps_the_list_and_cuts_after_it() -> None:
    assert sentences("A; B; or C; D") == ["A; B; or C", "D"]
    assert sentences("EGFR-mutant NSCLC. Or ALK-positive NSCLC.") == ["EGFR-mutant NSCLC. Or ALK-positive NSCLC."]


# ---- alternatives the shared reader joins across bullets -----------------------------------------------------------

@pytest.mark.parametrize("bullets, carriers", [
    (("Presence of a KRAS G12D mutation, or", "a BRAF V600E mutation"), (G12D, BRAF)),
    (("Patients with KRAS G12D-mutant NSCLC.", "Or patients with BRAF V600E-mutant NSCLC."), (G12D, BRAF)),
    (("Documented MET amplification; or", "documented ERBB2 overexpression"), (MET_AMP, HER2_OE)),
    (("Either:", "KRAS G12D mutation", "BRAF V600E mutation", "Age 18 or older"), (G12D, BRAF)),
    (("Tumour must harbour at least one of the following:", "MET amplification", "HER2 overexpression (IHC 3+)"),
     (MET_AMP, HER2_OE)),
])
def test_alternatives_across_bullets(bullets: tuple[str, ...], carriers: tuple[object, ...]) -> None:
    text = inc(*bullets)
    for carrier in carriers:
        assert verdict(text, carrier) == "eligible"  # type: ignore[arg-type]
    assert verdict(text, NONE_FOUND) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"


def test_flat_list_naming_an_untested_gene_stays_a_question() -> None:
    text = inc("Meet any one of the following:", "NRG1 fusion", "MET amplification")
    assert verdict(text, NRG1) == "eligible"
    assert verdict(text, MET_AMP) == "eligible"
    assert verdict(text, EGFR) == "unknown"  # NRG1 untested


# ---- an inclusion lead-in that bans its items ----------------------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "Patients must not have any of the following:",
    "None of the following genomic alterations:",
    "Tumours must not harbour any of the following:",
])
def test_banned_sub_bullets_are_exclusions(lead: str) -> None:
    text = f"Inclusion Criteria:\n\n* {lead}\n    * EGFR sensitizing mutation\n    * ALK rearrangement\n"
    assert verdict(text, EGFR) == "excluded"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, G12D) == "eligible"
    assert verdict(text, NONE_FOUND) == "eligible"


def test_flat_banned_items_never_exclude_a_patient_without_them() -> None:
    text = inc("Histologically confirmed NSCLC", "None of the following genomic alterations:",
               "KRAS G12D mutation", "BRAF V600E mutation", "ECOG 0-1")
    assert verdict(text, NONE_FOUND) == "eligible"
    assert verdict(text, EGFR) == "eligible"
    assert verdict(text, G12D) in {"unknown", "excluded"}  # a flat list has no mark where it ends


def test_asking_lead_in_is_not_a_ban() -> None:
    text = "Inclusion Criteria:\n\n* Patients must have one of the following:\n    * EGFR mutation\n    * ALK fusion\n"
    assert verdict(text, EGFR) == "eligible"
    assert verdict(text, NONE_FOUND) == "excluded"


# ---- "except X which is allowed": the rule before the exception stands ---------------------------------------------

@pytest.mark.parametrize("sentence, spared, caught", [
    ("Known driver alteration (EGFR, ALK, ROS1, BRAF V600E), except KRAS G12C which is allowed", G12C,
     (EGFR, ALK, ROS1, BRAF)),
    ("Known actionable genomic alteration (EGFR, ALK, ROS1), except KRAS G12D which is permitted", G12D,
     (EGFR, ALK, ROS1)),
    ("Known oncogenic driver (EGFR or ALK), with the exception of MET amplification, which is eligible", MET_AMP,
     (EGFR, ALK)),
])
def test_exception_with_its_own_permission(sentence: str, spared: object, caught: tuple[object, ...]) -> None:
    for carrier in caught:
        assert verdict(exc(sentence), carrier) == "excluded"  # type: ignore[arg-type]
    assert verdict(exc(sentence), spared) == "eligible"  # type: ignore[arg-type]
    assert verdict(exc(sentence), NONE_FOUND) == "eligible"


@pytest.mark.parametrize("sentence", [
    "EGFR mutations other than exon 20 insertions are allowed",
    "Patients with EGFR exon 20 insertion are eligible",
    "Other than KRAS, patients with driver mutations are allowed",
])
def test_a_permission_that_is_the_sentence_point_sets_no_rule(sentence: str) -> None:
    assert verdict(exc(sentence), EGFR) == "eligible"
    assert verdict(exc(sentence), G12D) == "eligible"


# ---- "X and Y must be (known) wild-type / negative" ----------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "EGFR and ALK status must be known negative; patients with unknown status must be tested",
    "EGFR and ALK status must be known negative; patients with non-squamous histology and unknown status must be "
    "tested",
    "EGFR and ALK must be wild-type",
    "EGFR and ALK status should be documented as negative",
])
def test_required_negative_status_said_apart(sentence: str) -> None:
    assert verdict(inc(sentence), EGFR) == "excluded"
    assert verdict(inc(sentence), ALK) == "excluded"
    assert verdict(inc(sentence), G12D) == "eligible"
    assert verdict(inc(sentence), UNTESTED) == "unknown"


def test_wild_type_requirement_never_reads_as_a_mutation_requirement() -> None:
    text = inc("ROS1 and BRAF must be known wild-type.")
    assert verdict(text, ROS1) == "excluded"
    assert verdict(text, BRAF) == "excluded"
    assert verdict(text, EGFR) == "eligible"
    assert verdict(text, NONE_FOUND) == "eligible"


def test_negative_after_a_comma_is_another_clause() -> None:
    assert verdict(inc("EGFR mutation status must be tested, negative results are not required"), EGFR) != "excluded"
