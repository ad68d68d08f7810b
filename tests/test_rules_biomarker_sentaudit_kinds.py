"""Biomarker kinds found by two sentence audits on criteria nobody had read.

- A gene's long name in brackets ("B isoform of rapidly accelerated fibrosarcoma (BRAF)", "epidermal growth factor
  receptor- (EGFR-)") is that gene: "<genes>-directed therapy is not indicated" keeps out carriers of those genes
  only, never asks for one.
- "No alteration for which EGFR or ROS1 inhibitors are indicated" names EGFR and ROS1, not every actionable driver.
- A rule under a heading for one group only ("Part B (first-line cohort) only:") cannot exclude a patient who may
  join another group.
- "In case of non-squamous histology, EGFR wild type": a condition on histology, then a marker rule for it.
- "Actionable driver mutation testing results are required": a test, not a driver requirement.

Every sentence is invented. Each kind is tried in several wordings, beside near-miss kinds that must stay put.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

from trialmatch.criteria.rules.biomarker.cues import normalise

NO_DRIVER = patient()
EGFR = patient("EGFR:L858R")
EGFR_G719X = patient("EGFR:G719X")
ALK = patient("ALK:EML4-ALK fusion")
ROS1 = patient("ROS1:CD74-ROS1 fusion")
RET = patient("RET:KIF5B-RET fusion")
BRAF = patient("BRAF:V600E")
KRAS_G12C = patient("KRAS:G12C")
KRAS_G12V = patient("KRAS:G12V", lines=2)
MET_AMP = patient("MET:amplification")
ERBB2_AMP = patient("ERBB2:amplification")
NRG1 = patient("NRG1:CD74-NRG1 fusion", negative=["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2", "NTRK1",
                                                  "NTRK2", "NTRK3"])
UNTESTED = patient(negative=[])
SQUAMOUS_EGFR = patient("EGFR:exon 19 deletion", histology="squamous")
NOS_EGFR = patient("EGFR:exon 19 deletion", histology="nsclc-nos")
LARGE_CELL_ALK = patient("ALK:EML4-ALK fusion", histology="large cell")
OTHERS = (NO_DRIVER, KRAS_G12C, KRAS_G12V, MET_AMP, ERBB2_AMP, NRG1)


# ---- kind A: a long gene name in brackets is the gene -----------------------------------------------------------

def test_long_names_in_brackets_read_as_their_symbols() -> None:
    assert normalise("No B isoform of rapidly accelerated fibrosarcoma (BRAF) V600E mutation.") == (
        "No BRAF V600E mutation.")
    assert normalise("human epidermal growth factor receptor 2 (HER2) mutation") == "HER2 mutation"
    # A suspended hyphen inside the brackets after a name is the list's, not a negative result.
    assert "negative" not in normalise("epidermal growth factor receptor- (EGFR-), anaplastic lymphoma kinase- "
                                       "(ALK-) or ROS1-directed therapy is not indicated")
    # Near misses: a negative result in brackets stays one; a stop word ends a name.
    assert "negative" in normalise("c-ros oncogene 1 negative (ROS1-)")
    assert normalise("No Braf isoform (BRAF) mutation") == "No Braf isoform (BRAF) mutation"


DIRECTED_NOT_INDICATED = [
    ("Have confirmation that epidermal growth factor receptor- (EGFR-), anaplastic lymphoma kinase- (ALK-), c-ros "
     "oncogene 1 (ROS1), or B isoform of rapidly accelerated fibrosarcoma (BRAF) directed therapy is not indicated as "
     "primary therapy.", (EGFR, EGFR_G719X, ALK, ROS1, BRAF)),
    ("Documentation that ROS1 or B isoform of rapidly accelerated fibrosarcoma (BRAF) directed therapy is not "
     "indicated as first-line therapy.", (ROS1, BRAF)),
    ("epidermal growth factor receptor (EGFR) or anaplastic lymphoma kinase (ALK) directed therapy is not indicated",
     (EGFR, ALK)),
    ("Targeted therapy directed at c-ros oncogene 1 (ROS1) or v-raf murine sarcoma viral oncogene homolog B (BRAF) is "
     "not indicated as first-line treatment.", (ROS1, BRAF)),
    ("Treatment targeting anaplastic lymphoma kinase (ALK) or epidermal growth factor receptor (EGFR) is not "
     "appropriate for the patient.", (ALK, EGFR)),
    ("Patients for whom rearranged during transfection (RET) or neurotrophic tropomyosin receptor kinase (NTRK) "
     "targeted therapy is not indicated.", (RET,)),
]


@pytest.mark.parametrize(("sentence", "carriers"), DIRECTED_NOT_INDICATED)
def test_therapy_not_indicated_for_long_named_genes_keeps_out_their_carriers_only(
        sentence: str, carriers: tuple[object, ...]) -> None:
    for profile in OTHERS:
        assert verdict(inc(sentence), profile) == "eligible", profile
    for profile in carriers:
        assert verdict(inc(sentence), profile) == "excluded", profile
    assert verdict(inc(sentence), UNTESTED) == "unknown"


def test_a_negated_long_named_mutation_is_an_absence() -> None:
    sentence = "No B isoform of rapidly accelerated fibrosarcoma (BRAF) V600E mutation."
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"
    assert verdict(inc(sentence), KRAS_G12C) == "eligible"
    assert verdict(inc(sentence), BRAF) == "excluded"
    other = "Absence of a Kirsten rat sarcoma viral oncogene homolog (KRAS) G12C mutation."
    assert verdict(inc(other), KRAS_G12C) == "excluded"
    assert verdict(inc(other), KRAS_G12V) == "eligible"


def test_long_named_requirements_and_exclusions_keep_their_sense() -> None:
    assert verdict(inc("Tumour must harbour a B isoform of rapidly accelerated fibrosarcoma (BRAF) V600E mutation."),
                   NO_DRIVER) == "excluded"
    assert verdict(inc("Tumour must harbour a B isoform of rapidly accelerated fibrosarcoma (BRAF) V600E mutation."),
                   BRAF) == "eligible"
    assert verdict(inc("Have confirmation that c-ros oncogene 1 (ROS1) rearrangement is present."),
                   NO_DRIVER) == "excluded"
    assert verdict(inc("Neurotrophic tropomyosin receptor kinase (NTRK) gene fusion."), NO_DRIVER) == "excluded"
    banned = ("Tumours with a known v-raf murine sarcoma viral oncogene homolog B (BRAF) V600E mutation are not "
              "eligible.")
    assert verdict(exc(banned), NO_DRIVER) == "eligible"
    assert verdict(exc(banned), BRAF) == "excluded"
    # The short form reads as before.
    short = "Have confirmation that EGFR-, ALK-, ROS1, or BRAF directed therapy is not indicated as primary therapy."
    assert verdict(inc(short), EGFR) == "excluded"
    assert verdict(inc(short), KRAS_G12C) == "eligible"


# ---- "an alteration for which <gene> inhibitors are indicated" names those genes ----------------------------------

FOR_WHICH = [
    ("No sensitizing alteration for which epidermal growth factor receptor (EGFR) or c-ros oncogene 1 (ROS1) "
     "inhibitors are indicated.", (EGFR, ROS1), (ALK, BRAF)),
    ("No sensitizing alteration for which EGFR or ROS1 inhibitors are indicated.", (EGFR, ROS1), (ALK,)),
    ("Without a genomic alteration for which an ALK or ROS1 TKI is approved.", (ALK, ROS1), (EGFR, BRAF)),
    ("Tumour must not harbour a mutation for which EGFR tyrosine kinase inhibitors are recommended.", (EGFR,),
     (ALK, ROS1)),
]


@pytest.mark.parametrize(("sentence", "out", "inside"), FOR_WHICH)
def test_an_alteration_for_which_named_inhibitors_are_indicated_names_those_genes_only(
        sentence: str, out: tuple[object, ...], inside: tuple[object, ...]) -> None:
    for profile in out:
        assert verdict(inc(sentence), profile) == "excluded", profile
    for profile in (*inside, *OTHERS):
        assert verdict(inc(sentence), profile) == "eligible", profile


def test_an_alteration_with_any_approved_therapy_is_still_every_actionable_driver() -> None:
    sentence = "No actionable driver alteration for which approved targeted therapy exists."
    assert verdict(inc(sentence), KRAS_G12C) == "excluded"
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"
    assert verdict(exc("Sensitizing alteration for which EGFR or ROS1 inhibitors are indicated."), EGFR) == "excluded"
    assert verdict(exc("Sensitizing alteration for which EGFR or ROS1 inhibitors are indicated."),
                   KRAS_G12C) == "eligible"


# ---- W4: a heading for one group only scopes the rules under it ------------------------------------------------

ONLY_HEADINGS = [
    ("Phase 2 - Cohort 1 (only) exclusion criteria:",
     "Subjects have tumors that have actionable genomic alterations with approved targeted therapy in first line "
     "setting are not eligible to participate."),
    ("Part B (first-line cohort) only:",
     "Known EGFR mutation or ALK rearrangement for which approved targeted therapy is available."),
    ("Exclusion criteria applying to Arm C only:", "Tumours harbouring an EGFR L858R or ALK fusion."),
    ("Expansion cohort only:", "Known sensitising EGFR mutation or ALK fusion."),
]


@pytest.mark.parametrize(("heading", "rule"), ONLY_HEADINGS)
@pytest.mark.parametrize("with_inclusions", [False, True])
def test_a_rule_under_a_heading_for_one_group_only_cannot_exclude(heading: str, rule: str,
                                                                    with_inclusions: bool) -> None:
    text = exc(heading, rule, "Prior systemic therapy for metastatic disease.", "Known active hepatitis B.")
    if with_inclusions:
        text = inc("Histologically confirmed stage IV NSCLC.", "ECOG 0-1.") + "\n" + text
    for profile in (EGFR, ALK):
        assert verdict(text, profile) == "unknown", profile
    assert verdict(text, NO_DRIVER) == "eligible"


def test_the_same_rule_without_the_heading_or_under_a_plain_heading_still_excludes() -> None:
    rule = "Known EGFR mutation or ALK rearrangement for which approved targeted therapy is available."
    assert verdict(exc(rule), EGFR) == "excluded"
    plain = exc("Phase 2 exclusion criteria:", rule, "Prior systemic therapy for metastatic disease.",
                "Known active hepatitis B.")
    assert verdict(plain, EGFR) == "excluded"
    assert verdict(plain, NO_DRIVER) == "eligible"


# ---- a condition on histology alone, then its marker rule --------------------------------------------------------

HISTOLOGY_LEAD = [
    ("In case of non-squamous histology, EGFR wild type", (EGFR, EGFR_G719X), (ALK,)),
    ("If non-squamous: no EGFR mutation or ALK rearrangement", (EGFR, ALK), (BRAF,)),
    ("When the tumour is of non-squamous histology, absence of EGFR sensitising mutation and ALK fusion.",
     (EGFR, ALK), ()),
    ("In case of adenocarcinoma: ALK negative.", (ALK,), (EGFR,)),
]


@pytest.mark.parametrize(("sentence", "out", "inside"), HISTOLOGY_LEAD)
def test_a_marker_rule_after_a_histology_condition_binds_that_histology(
        sentence: str, out: tuple[object, ...], inside: tuple[object, ...]) -> None:
    for profile in out:
        assert verdict(inc(sentence), profile) == "excluded", profile
    for profile in (*inside, NO_DRIVER, KRAS_G12C, SQUAMOUS_EGFR):
        assert verdict(inc(sentence), profile) == "eligible", profile


@pytest.mark.parametrize("sentence", [s for s, out, _ in HISTOLOGY_LEAD if EGFR in out])
def test_a_carrier_whose_histology_is_not_given_is_a_question(sentence: str) -> None:
    assert verdict(inc(sentence), NOS_EGFR) == "unknown"


def test_a_large_cell_carrier_is_bound_by_a_non_squamous_condition() -> None:
    assert verdict(inc("If non-squamous: no EGFR mutation or ALK rearrangement"), LARGE_CELL_ALK) == "excluded"


@pytest.mark.parametrize("sentence", [
    "In case of EGFR mutation, prior EGFR TKI is required.",
    "If EGFR mutation positive: progression on osimertinib.",
    "When ALK rearranged, at least one prior ALK inhibitor.",
])
def test_a_condition_on_a_marker_is_still_no_marker_rule(sentence: str) -> None:
    for profile in (NO_DRIVER, EGFR, ALK, KRAS_G12C):
        assert verdict(inc(sentence), profile) == "eligible", profile


# ---- a test of drivers asks for no driver -----------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Actionable driver mutation testing results are required before randomization.",
    "Driver mutation testing is required before randomization.",
    "Actionable driver testing results must be available.",
    "For patients with non-squamous histology, actionable driver mutation testing results are required.",
])
@pytest.mark.parametrize("section", [inc, exc])
def test_a_test_of_driver_genes_asks_for_no_result(sentence: str, section: object) -> None:
    for profile in (NO_DRIVER, EGFR, KRAS_G12C, UNTESTED):
        assert verdict(section(sentence), profile) == "eligible", profile  # type: ignore[operator]


def test_a_driver_result_said_in_so_many_words_still_counts() -> None:
    assert verdict(inc("Actionable driver mutation status negative."), EGFR) == "excluded"
    assert verdict(inc("Driver mutation-positive status."), NO_DRIVER) == "excluded"
