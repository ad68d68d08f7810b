"""Biomarker structures from blind17 and blind15 (session 20, round 2; invented sentences and profiles only).

a. The exon's number written before the word ("19Exon del", "21 exon L858R", "18-exon G719X"): "19Exon del" was a bare
   EGFR mutation, and "21Exon L858R" inside a "without" list cut the list, so the genes after it became required.
b. A "+" glued to a gene whose protein is stained ("c-Met+ NSCLC by IHC", "HER2+ tumour"): the lexer finds words at
   word starts, so the "+" went unseen and the gene stood alone ("any MET alteration": every other driver barred, exon
   14 admitted). It now says what "-positive" says: copies or protein.
c. "Documented negative test results for EGFR and ALK", "a negative result for", "negative testing for": the test words
   made it a test asked for (no rule); it is the finding "negative for".
d. "... by local test" after bare genes under a negation, or after a driver class ("actionable genomic alterations by
   local test"), says how the finding was made; and "local test", "local laboratory", "locally advanced" are not a
   "locally approved" treatment (which leaves recent approvals in doubt).
e. "KRAS:G12C", "EGFR:L858R": a colon glued between a gene and its change is notation, not a list's colon ("any KRAS
   mutation, e.g. G12C" let G12D in).
f. A marker read from the trial's header says where it was read: the title, the list of conditions, or both (the reason
   said "from the trial's title" for a marker only the conditions named).
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_EX20,
    EGFR_G719X,
    EGFR_L858R,
    HER2_AMP,
    HER2_EX20,
    HER2_OVER,
    KRAS_G12D,
    KRAS_G12V,
    MET_AMP,
    MET_EX14,
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
from invented import invented_trial

from trialmatch.criteria.rules import biomarker
from trialmatch.matching.profile import profile_from_dict


def invented(biomarkers: list[tuple[str, str]], negative: list[str], **fields: object) -> object:
    """An invented patient in the hidden set's schema."""
    base = {"id": "invented", "age": 66, "sex": "female", "histology": "adenocarcinoma", "stage": "IV",
            "biomarkers": [{"gene": g, "alteration": a} for g, a in biomarkers], "tested_negative": negative,
            "pdl1_tps": None, "prior_therapies": [], "prior_lines": 0, "ecog": 1, "brain_metastases": "none"}
    base.update(fields)
    return profile_from_dict(base)


# --- a. the exon's number before the word -----------------------------------------------------------------------------

NUMBER_FIRST_REQUIRED = [
    ("Documented EGFR 19Exon del or 21Exon L858R mutation", {EGFR_19, EGFR_L858R}),
    ("EGFR mutation (19 exon deletion or 21 exon L858R) confirmed in tissue", {EGFR_19, EGFR_L858R}),
    ("Tumour harbouring an EGFR 19-exon deletion", {EGFR_19}),
    ("EGFR 21Exon L858R point mutation detected in tumour tissue", {EGFR_L858R}),
    ("EGFR 18 exon G719X mutation documented by a certified laboratory", {EGFR_G719X}),
    ("Confirmed EGFR 20Exon insertion by next generation sequencing", {EGFR_EX20}),
    ("NSCLC with 21-exon L858R or 19Exon deletion of EGFR", {EGFR_19, EGFR_L858R}),
    ("EGFR 19exon del positive, as reported by the central laboratory", {EGFR_19}),
]


@pytest.mark.parametrize(("sentence", "carriers"), NUMBER_FIRST_REQUIRED)
def test_number_before_exon_names_that_exon(sentence: str, carriers: set[object]) -> None:
    for profile in (EGFR_19, EGFR_L858R, EGFR_G719X, EGFR_EX20):
        assert verdict(inc(sentence), profile) == ("eligible" if profile in carriers else "excluded"), profile
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"
    assert verdict(inc(sentence), UNTESTED) == "unknown"


NUMBER_FIRST_WITHOUT = [
    "Without EGFR-sensitive mutation (19Exon del/21Exon L858R), ALK, ROS1 gene rearrangement or fusion",
    "No EGFR sensitising mutation (19 exon del or 21 exon L858R), ALK or ROS1 rearrangement",
    "Absence of EGFR-sensitising mutations (19Exon deletion / 21Exon L858R), ROS1 or ALK fusions",
    "Negative for EGFR sensitive mutation (19-exon del, 21-exon L858R) and for ALK and ROS1 rearrangement",
    "Without 19Exon del or 21Exon L858R of EGFR, nor ALK or ROS1 fusion",
    "Free of EGFR sensitive mutations (21Exon L858R/19Exon del), ALK and ROS1 translocations",
    "Tumour must be without EGFR-sensitive mutation (19Exon del/21Exon L858R), ROS1 or ALK rearrangement",
    "Lacking EGFR-sensitive mutation (19Exon del or 21Exon L858R), ALK fusion and ROS1 fusion",
]


@pytest.mark.parametrize("sentence", NUMBER_FIRST_WITHOUT)
def test_number_before_exon_keeps_a_without_list_whole(sentence: str) -> None:
    for barred in (EGFR_19, EGFR_L858R, ALK, ROS1):
        assert verdict(inc(sentence), barred) == "excluded", barred
    # Not in the list: nothing bars them (the genes after the bracket were once read as required).
    for free in (EGFR_EX20, MET_EX14, RET, KRAS_G12D, NO_DRIVER, NRG1):
        assert verdict(inc(sentence), free) == "eligible", free


@pytest.mark.parametrize("sentence", [
    "Age 19 or older with an exon 20 insertion of EGFR",  # a number before other words: no exon
    "At least 21 days since the last dose; EGFR exon 20 insertion",
    "EGFR exon 20 insertion confirmed within 18 months",
])
def test_other_numbers_stay_numbers(sentence: str) -> None:
    assert verdict(inc(sentence), EGFR_EX20) == "eligible"
    assert verdict(inc(sentence), EGFR_19) == "excluded"


def test_number_before_exon_on_an_invented_exon20_profile() -> None:
    ex20_after_platinum = invented([("EGFR", "exon 20 insertion")], ["ALK", "ROS1"], pdl1_tps=0,
                                   prior_therapies=["carboplatin", "pemetrexed", "amivantamab"], prior_lines=1)
    sentence = "Without EGFR-sensitive mutation (19Exon del/21Exon L858R), ALK, ROS1 gene rearrangement or fusion"
    assert verdict(inc(sentence), ex20_after_platinum) == "eligible"  # type: ignore[arg-type]
    assert verdict(exc("EGFR 19Exon del or 21Exon L858R mutation"), ex20_after_platinum) == "eligible"  # type: ignore[arg-type]


# --- b. a "+" glued to a stained gene ---------------------------------------------------------------------------------

MET_PLUS = [
    "Have c-Met+ NSCLC as assessed by a sponsor-designated immunohistochemistry (IHC) laboratory",
    "c-Met+ non-small cell lung cancer confirmed centrally",
    "MET+ tumour by immunohistochemistry",
    "Documented cMET+ disease on archival tissue",
    "Participants must have c-MET+ advanced NSCLC",
    "Tumour tissue c-Met+ per central IHC assay",
    "Locally advanced or metastatic c-Met+ NSCLC after at least one prior line",
    "Subjects with MET+ squamous or non-squamous NSCLC",
]


@pytest.mark.parametrize("sentence", MET_PLUS)
def test_met_plus_is_protein_or_copies_not_any_change(sentence: str) -> None:
    # No profile carries a MET stain: a driver elsewhere, or none found, is no answer to it.
    for profile in (ALK, KRAS_G12D, NO_DRIVER, RET, EGFR_19, MET_EX14, MET_AMP, UNTESTED):
        assert verdict(inc(sentence), profile) == "unknown", profile


HER2_PLUS = [
    "HER2+ advanced NSCLC",
    "Documented ERBB2+ tumour on the latest biopsy",
    "HER-2+ non-small cell lung cancer per local pathology",
    "Subjects with HER2+ solid tumours including NSCLC",
    "NSCLC that is HER2+ on the most recent biopsy",
    "Confirmed HER2+ disease by a central laboratory",
    "Metastatic HER2+ lung adenocarcinoma",
    "Tumour tissue ERBB2+ as reported by the sponsor's laboratory",
]


@pytest.mark.parametrize("sentence", HER2_PLUS)
def test_her2_plus_reads_as_her2_positive(sentence: str) -> None:
    assert verdict(inc(sentence), ALK) == "excluded"  # tested negative for ERBB2, as before
    assert verdict(inc(sentence), HER2_AMP) == "eligible"
    assert verdict(inc(sentence), HER2_OVER) == "eligible"
    assert verdict(inc(sentence), HER2_EX20) == "unknown"  # a mutation may or may not come with the protein
    assert verdict(inc(sentence), UNTESTED) == "unknown"


def test_her2_plus_by_a_stain_asks_for_the_protein() -> None:
    sentence = "HER2+ tumour by immunohistochemistry"
    assert verdict(inc(sentence), HER2_OVER) == "eligible"
    assert verdict(inc(sentence), HER2_AMP) == "unknown"


@pytest.mark.parametrize(("sentence", "carrier", "other"), [
    ("ALK+ NSCLC", ALK, ROS1),  # a fusion gene: "+" is the fusion, as before
    ("EGFR+ NSCLC", EGFR_19, ALK),
    ("ROS1+ tumour by FISH", ROS1, ALK),
    ("HER2+/mutant NSCLC", HER2_EX20, ALK),  # the slash form keeps its own reading
])
def test_plus_on_other_genes_unchanged(sentence: str, carrier: object, other: object) -> None:
    assert verdict(inc(sentence), carrier) == "eligible"  # type: ignore[arg-type]
    assert verdict(inc(sentence), other) == "excluded"  # type: ignore[arg-type]


def test_met_plus_on_an_invented_large_cell_profile() -> None:
    large_cell_amp = invented([("MET", "amplification")], ["EGFR", "ALK"], histology="large cell", pdl1_tps=30,
                              prior_lines=3, ecog=2)
    ros1_profile = invented([("ROS1", "fusion")], ["EGFR", "ALK", "MET"], pdl1_tps=1)
    assert verdict(inc("c-Met+ NSCLC by IHC"), large_cell_amp) == "unknown"  # type: ignore[arg-type]
    assert verdict(inc("c-Met+ NSCLC by IHC"), ros1_profile) == "unknown"  # type: ignore[arg-type]


# --- c. "negative test results for" -----------------------------------------------------------------------------------

NEGATIVE_RESULTS_FOR = [
    "Documented negative test results for EGFR and ALK",
    "A negative result for EGFR and ALK on tumour tissue",
    "Negative testing for EGFR mutation and ALK rearrangement",
    "Has documented negative genomic test results for ALK, EGFR and ROS1",
    "Negative test result for EGFR and ALK genomic alterations",
    "Must have negative results for ALK and EGFR",
    "Negative molecular testing for EGFR and ALK alterations",
    "Documented negative findings for EGFR and ALK by next generation sequencing",
]


@pytest.mark.parametrize("sentence", NEGATIVE_RESULTS_FOR)
def test_negative_results_for_genes_bars_them(sentence: str) -> None:
    for barred in (EGFR_19, EGFR_L858R, EGFR_G719X, ALK):
        assert verdict(inc(sentence), barred) == "excluded", barred
    for free in (KRAS_G12D, MET_EX14, NO_DRIVER, NRG1):
        assert verdict(inc(sentence), free) == "eligible", free
    assert verdict(inc(sentence), UNTESTED) == "unknown"


@pytest.mark.parametrize("sentence", [
    "EGFR and ALK test results must be available",  # a test asked for, no finding
    "Test results for EGFR and ALK must be provided before enrolment",
    "Tumour must be tested for EGFR and ALK by local test",
    "Results of EGFR testing, positive or negative, are to be recorded",
])
def test_test_results_asked_for_set_no_rule(sentence: str) -> None:
    for profile in (EGFR_19, ALK, NO_DRIVER):
        assert verdict(inc(sentence), profile) == "eligible", profile
    # Session 29: a test demanded of everyone leaves only a patient with no result in question (the labels of the
    # open sets: "testing mandatory" -> untested unknown); never excluded.
    assert verdict(inc(sentence), UNTESTED) != "excluded"


def test_negative_results_on_an_invented_untested_squamous_profile() -> None:
    squamous_partial = invented([], ["EGFR", "ALK"], histology="squamous", pdl1_tps=50)
    nos_untested = invented([], [], histology="nsclc-nos", prior_lines=None)
    sentence = "Documented negative test results for EGFR, ALK and ROS1"
    assert verdict(inc(sentence), squamous_partial) == "unknown"  # type: ignore[arg-type]
    assert verdict(inc(sentence), nos_untested) == "unknown"  # type: ignore[arg-type]
    assert verdict(inc("Documented negative test results for EGFR and ALK"), squamous_partial) == "eligible"  # type: ignore[arg-type]


# --- d. "by local test": how a finding was made, not where a drug is approved -----------------------------------------

BY_LOCAL_TEST = [
    "Documented negative test results for EGFR and ALK actionable genomic alterations by local test",
    "Negative for EGFR and ALK actionable genomic alterations by local testing",
    "Without EGFR and ALK actionable alterations by central test",
    "No known EGFR or ALK actionable genomic alterations per local laboratory",
    "Absence of actionable EGFR and ALK alterations by local sequencing",
    "No EGFR or ALK actionable alterations as shown by local NGS report",
    "Negative for ALK and EGFR actionable genomic alterations by a local assay",
    "Without actionable genomic alterations in EGFR or ALK by local tissue testing",
]


@pytest.mark.parametrize("sentence", BY_LOCAL_TEST)
def test_negative_actionable_genes_by_local_test(sentence: str) -> None:
    for barred in (EGFR_19, EGFR_L858R, ALK, EGFR_EX20):
        assert verdict(inc(sentence), barred) == "excluded", barred
    for free in (KRAS_G12D, MET_EX14, NO_DRIVER, RET):
        assert verdict(inc(sentence), free) == "eligible", free


@pytest.mark.parametrize("sentence", [
    "Negative for EGFR and ALK by local test",
    "Without EGFR and ALK by central testing",
    "Free of EGFR and ALK per local laboratory testing",
])
def test_bare_genes_after_a_negation_by_a_test(sentence: str) -> None:
    assert verdict(inc(sentence), EGFR_19) == "excluded"
    assert verdict(inc(sentence), ALK) == "excluded"
    assert verdict(inc(sentence), KRAS_G12D) == "eligible"


@pytest.mark.parametrize("sentence", [
    "No actionable genomic alteration with a locally approved targeted therapy",
    "No actionable alterations for which a local standard of care is available as front-line therapy",
    "No actionable genomic alterations with a nationally approved targeted drug",
])
def test_local_approval_still_leaves_recent_approvals_in_doubt(sentence: str) -> None:
    assert verdict(inc(sentence), EGFR_19) == "excluded"
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"
    assert verdict(inc(sentence), EGFR_EX20) == "unknown"  # approved in some places, or for a later line


def test_by_local_test_on_an_invented_uncommon_egfr_profile() -> None:
    l861q = invented([("EGFR", "L861Q")], ["ALK", "ROS1", "KRAS"], pdl1_tps=1, prior_lines=None)
    s768i = invented([("EGFR", "S768I")], [], pdl1_tps=None)
    sentence = "Documented negative test results for EGFR and ALK actionable genomic alterations by local test"
    assert verdict(inc(sentence), l861q) == "excluded"  # type: ignore[arg-type]
    assert verdict(inc(sentence), s768i) == "excluded"  # type: ignore[arg-type]


# --- e. "KRAS:G12C" -------------------------------------------------------------------------------------------------

COLON_CHANGE = [
    ("KRAS:G12C mutation confirmed by a validated test", patient("KRAS:G12C"), KRAS_G12D),
    ("Documented KRAS:G12D in tumour tissue or plasma", KRAS_G12D, patient("KRAS:G12C")),
    ("NSCLC with KRAS:G12V", KRAS_G12V, KRAS_G12D),
    ("EGFR:L858R detected by local NGS", EGFR_L858R, EGFR_19),
    ("Presence of EGFR:L858R or EGFR:exon 19 deletion", EGFR_19, EGFR_G719X),
    ("BRAF:V600E positive non-small cell lung cancer", patient("BRAF:V600E"), patient("KRAS:G12C")),
    ("Tumour carrying EGFR:T790M after a first-generation inhibitor", patient("EGFR:T790M"), EGFR_19),
    ("Molecular report showing KRAS:G12C (any co-mutation allowed)", patient("KRAS:G12C"), KRAS_G12V),
]


@pytest.mark.parametrize(("sentence", "carrier", "other"), COLON_CHANGE)
def test_gene_colon_change_is_that_change(sentence: str, carrier: object, other: object) -> None:
    assert verdict(inc(sentence), carrier) == "eligible"  # type: ignore[arg-type]
    assert verdict(inc(sentence), other) == "excluded"  # type: ignore[arg-type]
    assert verdict(inc(sentence), UNTESTED) == "unknown"


def test_gene_colon_change_on_an_invented_kras_profile() -> None:
    g12d_naive = invented([("KRAS", "G12D")], ["EGFR", "ALK", "ROS1", "BRAF"], pdl1_tps=90)
    assert verdict(inc("KRAS:G12C mutation confirmed"), g12d_naive) == "excluded"  # type: ignore[arg-type]
    assert verdict(exc("KRAS:G12C mutation"), g12d_naive) == "eligible"  # type: ignore[arg-type]


# --- f. where a header marker was read ------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "conditions", "where"), [
    ("A study of XY-101", ["EGFR Mutation"], "(from the trial's list of conditions)"),
    ("A study of XY-101", ["Non-small Cell Lung Cancer", "KRAS G12C"], "(from the trial's list of conditions)"),
    ("XY-101 in EGFR-mutant NSCLC", [], "(from the trial's title)"),
    ("XY-101 in EGFR-mutant NSCLC", ["Lung Cancer"], "(from the trial's title)"),
    ("XY-101 in EGFR-mutant NSCLC", ["EGFR Mutation"], "(from the trial's title and list of conditions)"),
    ("XY-101 for ALK-positive NSCLC", ["ALK Rearrangement", "ROS1 Fusion"],
     "(from the trial's title and list of conditions)"),
])
def test_reason_names_where_the_marker_was_read(title: str, conditions: list[str], where: str) -> None:
    rules = biomarker.parse(invented_trial("* Age 18 or older", "", title, conditions))
    reason = biomarker.check(rules, NRG1).reason
    assert where in reason
    assert reason.count("(from the trial's") == 1
