"""Biomarker kinds found by auditing invented profiles: TKI-sensitivity wording, example genes of an
"other driver" exclusion, assay-specific PD-L1 cut-offs, and the SP142 levels.

Every sentence is invented. Each kind is tried in several wordings, beside near-miss kinds that must stay put.
"""

from __future__ import annotations

from functools import partial

import pytest
from biomarker_cases import exc, inc, verdict
from biomarker_cases import patient as any_patient

# This file's patients, unless a test says otherwise:
patient = partial(any_patient, lines=1)





EX19 = patient("EGFR:exon 19 deletion")
L858R = patient("EGFR:L858R")
G719X = patient("EGFR:G719X")
EX20INS = patient("EGFR:exon 20 insertion")
KRAS_G12D = patient("KRAS:G12D")
BRAF = patient("BRAF:V600E")
NO_DRIVER = patient()








# ---- kind: "EGFR mutation associated with TKI sensitivity" names the sensitising class -----------------------------

SENSITIVITY_WORDINGS = [
    "Documented EGFR mutation known to be associated with EGFR-TKI sensitivity, including exon 19 deletion or L858R",
    "Tumour carries an EGFR mutation associated with sensitivity to EGFR tyrosine kinase inhibitors",
    "An EGFR alteration that confers sensitivity to EGFR TKIs (for example Del19 or L858R)",
    "EGFR variants known to confer TKI sensitivity, such as exon 19 deletions",
    "Presence of an EGFR mutation predictive of response to EGFR-TKI",
]


@pytest.mark.parametrize("sentence", SENSITIVITY_WORDINGS)
def test_tki_sensitivity_wording_is_the_sensitising_class(sentence: str) -> None:
    assert verdict(inc(sentence), EX19) == "eligible"
    assert verdict(inc(sentence), L858R) == "eligible"
    # Exon 20 insertions are the textbook TKI-insensitive change: never met by "associated with sensitivity".
    assert verdict(inc(sentence), EX20INS) in {"excluded", "unknown"}
    assert verdict(inc(sentence), G719X) == "eligible"  # uncommon but sensitising (changed reading, audit round 3)
    assert verdict(inc(sentence), KRAS_G12D) == "excluded"  # EGFR tested negative


def test_plain_egfr_mutation_still_takes_exon_20_insertion() -> None:
    """Near miss: without the sensitivity wording any EGFR mutation will do."""
    assert verdict(inc("Documented EGFR mutation, including exon 19 deletion or L858R"), EX20INS) == "eligible"
    assert verdict(inc("EGFR mutation associated with resistance to prior therapy"), EX20INS) == "eligible"


# ---- kind: "driver alterations other than EGFR (e.g. KRAS, ALK)": the examples are excluded, not spared ------------

OTHER_DRIVER_EXAMPLES = [
    "Co-existing driver alterations other than EGFR (e.g. KRAS, ALK, ROS1)",
    "Known oncogenic driver mutations other than EGFR, such as ALK, ROS1 or KRAS",
    "Concomitant driver gene alterations other than EGFR, including KRAS, BRAF and MET",
    "Any actionable driver alteration other than EGFR (for example ALK fusion or KRAS mutation)",
]


@pytest.mark.parametrize("sentence", OTHER_DRIVER_EXAMPLES)
def test_example_genes_of_an_other_driver_exclusion_are_excluded(sentence: str) -> None:
    assert verdict(exc(sentence), KRAS_G12D) == "excluded"
    assert verdict(exc(sentence), EX19) == "eligible"  # the spared gene
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"
    # others untested: a question, unless the class is of KNOWN changes (changed reading, session 27: synthX
    # NCT98900009's label; an untested gene has no known change)
    partly = "eligible" if sentence.startswith("Known") else "unknown"
    assert verdict(exc(sentence), patient("EGFR:L858R", negative=["KRAS"])) == partly


def test_bare_aside_after_other_than_is_a_question() -> None:
    """"other than EGFR (KRAS, ALK)": spared genes or examples? Unclear, so a KRAS patient is a question."""
    sentence = "Concomitant oncogenic driver other than EGFR (KRAS, ALK, ROS1)"
    assert verdict(exc(sentence), KRAS_G12D) == "unknown"
    assert verdict(exc(sentence), BRAF) == "excluded"  # a driver other than EGFR, named nowhere
    assert verdict(exc(sentence), EX19) == "eligible"


def test_genes_listed_after_other_than_stay_spared() -> None:
    """Near miss: "other than EGFR and ALK" spares both."""
    sentence = "Actionable driver alterations other than EGFR and ALK"
    assert verdict(exc(sentence), patient("ALK:fusion")) == "eligible"
    assert verdict(exc(sentence), EX19) == "eligible"
    assert verdict(exc(sentence), BRAF) == "excluded"


# ---- kind: PD-L1 cut-offs of several assays: a TPS from an unknown assay decides only where they all agree --------

ASSAY_CUTOFFS = [
    "PD-L1 TPS ≥50% (22C3) or ≥25% (SP263)",
    "PD-L1 expression of at least 25% by SP263 or at least 50% by 22C3",
    "High PD-L1: tumour cells ≥ 50% (Dako 22C3) or ≥ 25% (Ventana SP263)",
]


@pytest.mark.parametrize("sentence", ASSAY_CUTOFFS)
def test_assay_specific_cutoffs_decide_only_where_they_agree(sentence: str) -> None:
    assert verdict(inc(sentence), patient(pdl1=80)) == "eligible"
    assert verdict(inc(sentence), patient(pdl1=50)) == "eligible"
    assert verdict(inc(sentence), patient(pdl1=30)) == "unknown"  # meets one assay's cut-off, not the other's
    assert verdict(inc(sentence), patient(pdl1=10)) == "excluded"  # below every cut-off
    assert verdict(inc(sentence), patient(pdl1=None)) == "unknown"


def test_upper_cutoffs_of_several_assays() -> None:
    sentence = "PD-L1 TPS < 50% (22C3) or < 25% (SP263)"
    assert verdict(inc(sentence), patient(pdl1=10)) == "eligible"
    assert verdict(inc(sentence), patient(pdl1=30)) == "unknown"
    assert verdict(inc(sentence), patient(pdl1=60)) == "excluded"


def test_one_assay_or_cohort_bounds_still_widen() -> None:
    """Near misses: one assay's cut-off is a plain cut-off; bounds of two cohorts are alternatives."""
    assert verdict(inc("PD-L1 TPS ≥ 50% by 22C3 pharmDx"), patient(pdl1=30)) == "excluded"
    assert verdict(inc("PD-L1 TPS ≥ 50% (cohort A) or ≥ 1% (cohort B)"), patient(pdl1=30)) == "eligible"


# ---- kind: SP142 levels ("TC3 or IC3"): immune cells may meet what a TPS misses ------------------------------------

SP142_HIGH = [
    "PD-L1 high expression defined as TC3 or IC3 by the SP142 assay",
    "PD-L1 TC3 or IC3 (SP142)",
    "Tumour PD-L1 expression ≥ 50% of tumour cells by 22C3, or TC3/IC3 by SP142",
]


@pytest.mark.parametrize("sentence", SP142_HIGH)
def test_tc3_or_ic3_is_met_by_a_high_tps_and_open_below(sentence: str) -> None:
    assert verdict(inc(sentence), patient(pdl1=80)) == "eligible"
    assert verdict(inc(sentence), patient(pdl1=30)) == "unknown"  # IC3 may still hold: was excluded as "high"
    assert verdict(inc(sentence), patient(pdl1=0)) == "unknown"


def test_sp142_level_lists_and_negatives() -> None:
    assert verdict(inc("PD-L1 TC2/3 or IC2/3"), patient(pdl1=10)) == "eligible"
    assert verdict(inc("PD-L1 TC2/3 or IC2/3"), patient(pdl1=2)) == "unknown"
    assert verdict(inc("PD-L1 TC1/2/3 by SP142"), patient(pdl1=0)) == "excluded"
    assert verdict(inc("PD-L1 IC2/3 by SP142"), patient(pdl1=80)) == "unknown"  # immune cells only
    assert verdict(inc("PD-L1 expression TC0 and IC0 (SP142)"), patient(pdl1=30)) == "excluded"
    assert verdict(inc("PD-L1 expression TC0 and IC0 (SP142)"), patient(pdl1=0)) == "unknown"


# ---- kind: rival requirements on one gene (written for groups the text did not name): failing all excludes -------

RIVALS = [
    ("Confirmed EGFR sensitising mutation (exon 19 deletion or L858R) in an earlier sample",
     "T790M mutation confirmed in a biopsy taken after progression on a first-generation EGFR TKI"),
    ("Documented KRAS G12C mutation", "Documented KRAS mutation other than G12C"),
    ("Tumour harbours an activating EGFR mutation", "EGFR exon 20 insertion confirmed by a local laboratory"),
]


@pytest.mark.parametrize(("first", "second"), RIVALS)
def test_failing_every_rival_requirement_excludes(first: str, second: str) -> None:
    criteria = f"Inclusion Criteria:\n\n* {first}\n* {second}\n"
    assert verdict(criteria, NO_DRIVER) == "excluded"  # the gene was tested: neither group takes the patient
    assert verdict(criteria, patient("ALK:fusion")) == "excluded"
    assert verdict(criteria, patient(negative=[])) == "unknown"  # untested: either may hold


def test_meeting_one_rival_requirement_stays_a_question_or_better() -> None:
    criteria = ("Inclusion Criteria:\n\n* Confirmed EGFR sensitising mutation in an earlier sample\n"
                "* T790M mutation confirmed in a biopsy taken after progression on gefitinib\n")
    # T790M arises on top of the sensitising change: the two are asked together of one tumour, not rivals
    # (test_rules_biomarker_labelled_alternatives); an exon 19 deletion without T790M fails the second.
    assert verdict(criteria, EX19) == "excluded"
    kras = "Inclusion Criteria:\n\n* Documented KRAS G12C mutation\n* Documented KRAS mutation other than G12C\n"
    assert verdict(kras, KRAS_G12D) != "excluded"
    assert verdict(kras, patient("KRAS:G12C")) != "excluded"


# ---- kind: "no known X" (inclusion): a rule on known findings; an untested tumour passes -----------------------------

NO_KNOWN = [
    "Metastatic NSCLC with no known EGFR, ALK mutation, or other genomic aberration for which targeted therapy exists",
    "No known EGFR mutation or ALK rearrangement",
    "Patients without known ROS1, ALK or EGFR alterations",
    "Non-squamous NSCLC without any known sensitising EGFR mutation",
]


@pytest.mark.parametrize("sentence", NO_KNOWN)
def test_no_known_lets_an_untested_tumour_pass(sentence: str) -> None:
    assert verdict(inc(sentence), patient(negative=[])) == "eligible"
    assert verdict(inc(sentence), EX19) == "excluded"  # a known finding still excludes
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"


def test_plain_negation_still_needs_a_result() -> None:
    """Near misses: "no EGFR mutation", "known EGFR mutation" (an exclusion), and a mixed sentence stay questions."""
    untested = patient(negative=[])
    assert verdict(inc("No EGFR mutation or ALK rearrangement"), untested) == "unknown"
    # "Known EGFR mutation ..." (an exclusion) lets an untested tumour through (test_rules_biomarker_known_findings)
    assert verdict(exc("Known EGFR mutation or ALK rearrangement"), untested) == "eligible"
    assert verdict(inc("No EGFR mutation and no known ALK rearrangement"), untested) == "unknown"
