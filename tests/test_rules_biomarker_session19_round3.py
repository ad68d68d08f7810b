"""Structures behind the biomarker false exclusions of a freshly opened set, round 3 (invented sentences and profiles).

1. A list of genes closed by a word that makes them absent (negative, wild-type, not detected, absent), whatever the
   genes' spelt-out names hold: "<name> (EGFR), <name> (ALK), and ROS1, <description with commas> (ROS-1) negative".
   The unknown words of a name beside its bracketed symbol cut the list, so the first genes were read as REQUIRED.
   "not detected" after a marker was read as "detected" (a requirement) too.
2. A condition on a group named by its tumour ("Tumors that harbor an EGFR mutation must have received a TKI",
   "Cancers with ...", "Those whose tumour carries ..."): the shared reader knew only people as the subject.
3. Alternatives: "Must have either <marker>, or must be <a state the engine cannot check>": the marker is one way in,
   so a non-carrier is a question, never excluded.
4. Cohort headings without a colon, named by the class of treatment ("Immunotherapy Cohort - Blood Draw Only",
   "Targeted Therapy Cohort"); markers the conditions list ("EGFR Gene Mutation") beside a cohort for tumours without
   a driver describe the trial's groups, not a rule for everyone.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, trial, verdict

from trialmatch.criteria.rules import biomarker
from trialmatch.criteria.rules.reader import criterion_scope, heading_scope
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import profile_from_dict

NO_DRIVER = patient(pdl1=60)
EGFR_L858R = patient("EGFR:L858R")
EGFR_G719X = patient("EGFR:G719X", drugs=("afatinib",), lines=1)
EGFR_EX20 = patient("EGFR:exon 20 insertion")
ALK = patient("ALK:fusion")
ROS1 = patient("ROS1:fusion")
KRAS_G12D = patient("KRAS:G12D")
KRAS_G12V = patient("KRAS:G12V", pdl1=49)
NRG1 = patient("NRG1:fusion")
MET_AMP = patient("MET:amplification")
HER2_AMP = patient("ERBB2:amplification")
RET = patient("RET:fusion")
UNTESTED = patient(negative=[])
NON_CARRIERS = [NO_DRIVER, KRAS_G12D, KRAS_G12V, NRG1, MET_AMP, HER2_AMP]

# --- 1. a list of genes closed by an absent-word, over their spelt-out names ---------------------------------------

CLOSED_LISTS = [
    ("Epidermal growth factor receptor (EGFR), anaplastic lymphoma kinase (ALK), and c-ros oncogene 1, receptor "
     "tyrosine kinase of the insulin receptor family (ROS-1) negative", ("EGFR", "ALK", "ROS1")),
    ("ALK (anaplastic lymphoma kinase), EGFR (epidermal growth factor receptor) and ROS1 (c-ros oncogene 1, a member "
     "of the insulin receptor family) wild-type", ("EGFR", "ALK", "ROS1")),
    ("EGFR (HER1, ErbB-1), ALK (CD246) and RET (rearranged during transfection) status negative",
     ("EGFR", "ALK", "RET")),
    ("EGFR, ALK, ROS1 not detected", ("EGFR", "ALK", "ROS1")),
    ("Tumour EGFR and ALK alterations not found", ("EGFR", "ALK")),
    ("EGFR, ALK and ROS1, a kinase of the insulin receptor family (ROS1), all negative", ("EGFR", "ALK", "ROS1")),
    ("Kirsten rat sarcoma viral oncogene homolog (KRAS), B-Raf proto-oncogene, serine/threonine kinase (BRAF) "
     "wild-type", ("KRAS", "BRAF")),
    ("EGFR mutation was not detected", ("EGFR",)),
    ("EGFR (a transmembrane glycoprotein, the first of its family) and ALK (a receptor tyrosine kinase of the insulin "
     "receptor superfamily) negative", ("EGFR", "ALK")),
]
CARRIER_OF = {"EGFR": EGFR_L858R, "ALK": ALK, "ROS1": ROS1, "KRAS": KRAS_G12D, "BRAF": patient("BRAF:V600E"),
              "RET": RET}


@pytest.mark.parametrize(("sentence", "genes"), CLOSED_LISTS)
def test_1_a_closed_list_never_requires_its_genes(sentence: str, genes: tuple[str, ...]) -> None:
    outside = [p for p in (NO_DRIVER, NRG1, MET_AMP, HER2_AMP) if not any(p.has_gene(g) for g in genes)]
    for profile in outside:
        assert verdict(inc(sentence), profile) == "eligible", profile.biomarkers


@pytest.mark.parametrize(("sentence", "genes"), CLOSED_LISTS)
def test_1_a_closed_list_bans_every_gene_it_names(sentence: str, genes: tuple[str, ...]) -> None:
    for gene in genes:
        assert verdict(inc(sentence), CARRIER_OF[gene]) == "excluded", gene


@pytest.mark.parametrize("sentence", [
    "EGFR mutation detected",  # no absent-word: a requirement, as before
    "EGFR (epidermal growth factor receptor) mutation positive",
    "Epidermal growth factor receptor (EGFR) exon 19 deletion or L858R, confirmed by a certified laboratory",
])
def test_1_near_misses_still_require_the_gene(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"
    assert verdict(inc(sentence), EGFR_L858R) == "eligible"


def test_1_a_clause_between_genes_still_cuts_the_list() -> None:
    """A gap with a clause of its own (a patient, a treatment) is no name: the closer does not reach back over it."""
    sentence = "EGFR mutation (patients previously treated with a TKI) and ALK negative"
    assert verdict(inc(sentence), ALK) == "excluded"
    assert verdict(inc(sentence), EGFR_L858R) == "eligible"  # the EGFR mutation stays asked for
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"


# --- 2. a condition on a group named by its tumour --------------------------------------------------------------

TUMOUR_CONDITIONS = [
    ("Tumors that harbor an EGFR exon 19 or exon 21 mutation must have received one or more TKIs", "EGFR"),
    ("Cancers with an ALK rearrangement must have progressed on alectinib or lorlatinib", "ALK"),
    ("Those whose tumour carries a KRAS G12C mutation must have received sotorasib", "KRAS"),
    ("Tumours bearing ROS1 fusions should have been treated with crizotinib or entrectinib", "ROS1"),
    ("Cancers harbouring BRAF V600E must have had dabrafenib plus trametinib", "BRAF"),
    ("Anyone whose cancer has a MET exon 14 skipping mutation must have received a MET inhibitor", "MET"),
    ("Lesions with an EGFR T790M mutation must have progressed on osimertinib", "EGFR"),
    ("Subjects whose tumors are ALK-positive must have progressed after at least one ALK inhibitor", "ALK"),
    ("Tumors which carry a RET fusion must have progressed on selpercatinib", "RET"),
    ("Tumours containing an NTRK fusion: prior larotrectinib required", "NTRK"),
]


@pytest.mark.parametrize(("sentence", "gene"), TUMOUR_CONDITIONS)
def test_2_a_tumour_named_group_is_a_condition_on_its_carriers(sentence: str, gene: str) -> None:
    scope = criterion_scope(sentence)
    assert scope is not None and scope.kind == "condition" and not scope.absent
    assert any(g.startswith(gene) for g in scope.genes)


@pytest.mark.parametrize(("sentence", "gene"), TUMOUR_CONDITIONS)
def test_2_a_tumour_named_group_requires_no_marker_of_anyone(sentence: str, gene: str) -> None:
    for profile in [NO_DRIVER, KRAS_G12V, NRG1, UNTESTED]:
        assert verdict(inc(sentence), profile) != "excluded"


def test_2_a_tumour_named_group_without_the_marker() -> None:
    scope = criterion_scope("Tumours that do not harbour an EGFR mutation must have PD-L1 of at least 50%")
    assert scope is not None and scope.absent and scope.genes == ("EGFR",)


@pytest.mark.parametrize("sentence", [
    "Tumors must harbor an EGFR mutation",  # the tumour is what must hold the marker: everyone's rule
    "Tumor tissue must be available for EGFR testing",
    "Tumors with EGFR mutation must not be enrolled",  # the group is the rule
    "Tumour with an EGFR, ALK or ROS1 alteration (other alterations may be considered)",  # the verb is an aside's
    "Tumour harbouring a BRAF V600E mutation. Other BRAF mutations may be discussed",  # the next sentence's verb
    "Tumors that are EGFR wild-type must have received platinum",  # a negative result names no carrier group
])
def test_2_near_misses_name_no_carrier_group(sentence: str) -> None:
    scope = criterion_scope(sentence)
    assert scope is None or not scope.genes or scope.absent


def test_2_near_miss_requirement_with_a_tumour_subject_still_requires() -> None:
    assert verdict(inc("Tumors must harbor an EGFR mutation"), NO_DRIVER) == "excluded"
    assert verdict(inc("Tumour with an EGFR, ALK or ROS1 alteration (other alterations may be considered)"),
                   EGFR_L858R) == "eligible"


# --- 3. alternatives: a second way in the marker reading cannot check ----------------------------------------------

ALTERNATIVES = [
    "Must have either tumours that harbour an EGFR mutation in exon 19 or exon 21, or must be never smokers",
    "EGFR mutation or never smoker",
    "Tumours with an ALK rearrangement, or patients who never smoked",
    "ROS1 fusion, or must have progressed after platinum-based chemotherapy",
    "Either a KRAS G12C mutation, or prior treatment with docetaxel",
    "Never smokers, or patients whose tumour harbours an EGFR mutation",
    "Documented RET fusion; or participants older than 75 years",
    "Must have a HER2 mutation or should be a light former smoker",
    "Either BRAF V600E positive disease, or they must have declined chemotherapy",
]


@pytest.mark.parametrize("sentence", ALTERNATIVES)
def test_3_a_second_way_in_makes_non_carriers_a_question(sentence: str) -> None:
    for profile in NON_CARRIERS:
        assert verdict(inc(sentence), profile) == "unknown", profile.biomarkers


@pytest.mark.parametrize("sentence", [
    "EGFR mutation detected in tissue or plasma",  # one way in, tested two ways
    "EGFR exon 19 deletion or L858R mutation",  # both sides are markers
    "EGFR mutation by a local test, or by a central laboratory",
    "ALK rearrangement (by FISH or IHC)",
    "Patients with EGFR mutation who have progressed on a TKI, or who are intolerant to it",
])
def test_3_near_misses_keep_the_requirement(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"


def test_3_an_alternative_in_an_exclusion_still_excludes() -> None:
    """Among exclusions, "or" joins reasons to exclude, each enough alone."""
    assert verdict(exc("EGFR mutation, or patients who received prior osimertinib"), EGFR_L858R) == "excluded"


# --- 4. cohort headings without a colon, and a header beside a cohort without drivers ------------------------------

HEADINGS = [
    "Immunotherapy Cohort - Blood Draw Only",
    "Targeted Therapy Cohort",
    "Targetable Oncogene - Biopsy Cohort (includes blood draw)",
    "Targetable Oncogene - Blood Draw Only Cohort",
    "Chemotherapy Arm",
    "Chemo-immunotherapy cohort \u2013 tissue optional",
    "Actionable Driver Cohort",
    "TKI cohort",
]


@pytest.mark.parametrize("line", HEADINGS)
def test_4_a_cohort_named_by_its_treatment_is_a_group_heading(line: str) -> None:
    scope = heading_scope(f"{line}:")
    assert scope is not None and scope.kind == "cohort"


@pytest.mark.parametrize("line", [
    "Combination cohort",  # the sponsor's assignment: often the one group, binding everyone
    "Patients must have",
    "All patients",
])
def test_4_near_miss_lines_are_no_group_heading(line: str) -> None:
    assert heading_scope(f"{line}:") is None


def _cohort_text(targeted: str, immuno: str) -> str:
    return "\n".join([
        "Inclusion Criteria:", "", targeted, "",
        "1. Stage IV NSCLC", "2. NSCLC harboring an activating mutation responsive to targeted therapy",
        "3. ECOG 0-2", "", immuno, "",
        "1. Stage IV NSCLC without a treatable activating mutation, planned for first-line immunotherapy",
        "2. ECOG 0-2", "",
    ])


COHORT_TEXTS = [
    _cohort_text("Targetable Oncogene - Biopsy Cohort", "Immunotherapy Cohort - Blood Draw Only"),
    _cohort_text("Targeted Therapy Cohort", "Immunotherapy Cohort"),
    _cohort_text("Targeted therapy arm", "Chemo-immunotherapy arm"),
]


def _record_trial(criteria: str, conditions: tuple[str, ...]) -> TrialText:
    return TrialText(nct_id="NCT00000000", title="Rebiopsy study in lung cancer",
                     criteria=tuple(split_criteria(criteria)), conditions=conditions)


@pytest.mark.parametrize("criteria", COHORT_TEXTS)
@pytest.mark.parametrize("profile", [NO_DRIVER, EGFR_L858R, ALK, KRAS_G12D, NRG1, MET_AMP, HER2_AMP, EGFR_EX20])
def test_4_conditions_listing_markers_bind_no_one_beside_a_cohort_without_drivers(criteria: str,
                                                                                  profile: object) -> None:
    text = _record_trial(criteria, ("Non-Small Cell Lung Cancer", "EGFR Gene Mutation", "ALK Gene Mutation",
                                    "BRAF V600E"))
    assert biomarker.check(biomarker.parse(text), profile).verdict != "excluded"  # type: ignore[arg-type]


def test_4_the_cohorts_still_decide_for_a_clear_patient() -> None:
    text = _record_trial(COHORT_TEXTS[0], ("EGFR Gene Mutation", "ALK Gene Mutation"))
    rules = biomarker.parse(text)
    assert biomarker.check(rules, NO_DRIVER).verdict == "eligible"  # the immunotherapy cohort
    assert biomarker.check(rules, EGFR_L858R).verdict == "eligible"  # a targetable cohort


def test_4_near_miss_conditions_still_bind_without_such_a_cohort() -> None:
    text = TrialText(nct_id="NCT00000000", title="A study in lung cancer",
                     criteria=tuple(split_criteria(inc("Stage IV NSCLC", "ECOG 0-1"))),
                     conditions=("EGFR Gene Mutation",))
    assert biomarker.check(biomarker.parse(text), NO_DRIVER).verdict == "excluded"


# --- invented profiles beyond the usual set ------------------------------------------------------------------------

def test_invented_profiles_across_the_structures() -> None:
    """A G719X patient after afatinib, an S768I patient, a large-cell tumour with no driver, an untested NOS tumour."""
    s768i = profile_from_dict({"biomarkers": [{"gene": "EGFR", "alteration": "S768I"}],
                               "tested_negative": ["ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2"],
                               "histology": "adenocarcinoma", "pdl1_tps": 1})
    large_cell = profile_from_dict({"biomarkers": [], "histology": "large cell", "pdl1_tps": 50,
                                    "tested_negative": ["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2"]})
    nos_untested = profile_from_dict({"biomarkers": [], "tested_negative": [], "histology": "nsclc-nos",
                                      "pdl1_tps": None})
    closed = inc(CLOSED_LISTS[0][0])
    assert verdict(closed, s768i) == "excluded"
    assert verdict(closed, EGFR_G719X) == "excluded"
    assert verdict(closed, large_cell) == "eligible"
    assert verdict(closed, nos_untested) == "unknown"
    either = inc(ALTERNATIVES[0])
    assert verdict(either, large_cell) == "unknown"
    assert verdict(either, s768i) != "excluded"
    assert verdict(inc(TUMOUR_CONDITIONS[0][0]), large_cell) != "excluded"
    assert trial(COHORT_TEXTS[1]).criteria
    assert verdict(COHORT_TEXTS[1], large_cell) != "excluded"  # the immunotherapy cohort (NTRK untested: a question)
    assert verdict(COHORT_TEXTS[1], s768i) != "excluded"


# --- 5. a noun-phrase negation far before its marker ---------------------------------------------------------------

FAR_NEGATIONS = [
    "Absence of documented tumour genomic mutation results from tests done as part of standard local practice in any "
    "actionable driver oncogenes for which there are approved first-line therapies",
    "Without any documented evidence from tissue sequencing reports performed at the local site of an actionable "
    "driver alteration",
    "Absence of documented results from local molecular testing showing a targetable driver mutation",
    "Free of reported findings from routine local next generation sequencing panels of an oncogenic driver",
    "Lacking documented test results from the central laboratory showing a druggable alteration",
    "Absence of documented local test findings under standard institutional practice of any actionable gene",
    "Without documented results of tissue testing done by local standard practice for EGFR",
    "Absence of reported local sequencing results of clinical relevance in ALK",
]


@pytest.mark.parametrize("sentence", FAR_NEGATIONS)
def test_5_a_far_noun_phrase_negation_never_requires_its_marker(sentence: str) -> None:
    for profile in (NO_DRIVER, KRAS_G12V, NRG1):
        assert verdict(inc(sentence), profile) != "excluded"


@pytest.mark.parametrize("sentence", [
    "No prior therapy received at any local site for metastatic disease; documented EGFR mutation",  # a stop between
    "Documented results of local testing showing an EGFR mutation",  # no negation at all
])
def test_5_near_misses_keep_the_requirement(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"
