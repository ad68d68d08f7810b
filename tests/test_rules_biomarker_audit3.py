"""Biomarker kinds found by readers auditing unlabelled trials with invented profiles (round 3).

1. A hedge about OTHER alterations ("(for other alterations, eligibility is decided case by case)") keeps the named
   list and leaves an unlisted driver a question.
2. "Activating" / "sensitising" EGFR mutation: G719X, L861Q and S768I are such mutations; exon 20 insertion is not
   "sensitising", T790M alone is a resistance change.
3. Spelt-out gene names and a bare "(ROS1-)" in a negative gene list.
4. A marker joined to an HLA tissue type the profile cannot settle.
5. A closed list of EGFR changes per cohort (labels listed inside a sentence too); an open list stays a question.
6. A driver rule met by an NRG1 fusion names it in the reason.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, trial, verdict

from trialmatch.criteria.rules import biomarker

G719X = patient("EGFR:G719X", lines=0)
L861Q = patient("EGFR:L861Q", lines=0)
S768I = patient("EGFR:S768I", lines=0)
EX19 = patient("EGFR:exon 19 deletion", lines=0)
EX20 = patient("EGFR:exon 20 insertion", lines=0)
T790M_ALONE = patient("EGFR:T790M", drugs=("erlotinib",), lines=1)
ALK = patient("ALK:EML4-ALK fusion", lines=0)
KRAS_G12C = patient("KRAS:G12C", lines=0)
KRAS_G12D = patient("KRAS:G12D", lines=0)
KRAS_G12V = patient("KRAS:G12V", lines=0)
NRG1 = patient("NRG1:CD74-NRG1 fusion", lines=0)
NRG1_PARTLY = patient("NRG1:fusion", negative=["EGFR", "ALK"])
MET_AMP = patient("MET:amplification", lines=0)
HER2_AMP = patient("ERBB2:amplification", lines=0)
NO_DRIVER = patient(pdl1=60, lines=0)
EGFR_ALK_NEGATIVE = patient(negative=["EGFR", "ALK"])
UNTESTED = patient(negative=[])


# ---- kind 1: a hedge about other alterations --------------------------------------------------------------------

HEDGED = [
    exc("Known presence of sensitizing mutations in EGFR, ALK fusions, ROS1 fusions, BRAF V600E mutations, or MET "
        "exon 14 skipping mutations (for other genetic alterations, eligibility will be determined by the "
        "Biomarker Committee on a case-by-case basis)."),
    exc("Tumours with an ALK rearrangement, a ROS1 fusion or a sensitising EGFR mutation (patients with other "
        "oncogenic drivers may be considered after discussion with the medical monitor)"),
    exc("Known EGFR sensitising mutation, ALK or ROS1 fusion, or BRAF V600E; for any other driver alterations, "
        "eligibility is decided case by case with the sponsor"),
    exc("Documented ROS1 fusion, ALK fusion or EGFR activating mutation (other molecular alterations: eligibility "
        "on an individual basis)"),
]


@pytest.mark.parametrize("criteria", HEDGED, ids=["committee", "medical-monitor", "semicolon", "individual"])
def test_hedge_about_other_alterations_keeps_the_named_list(criteria: str) -> None:
    assert verdict(criteria, EX19) == "excluded"
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"
    for other in (KRAS_G12C, KRAS_G12D, NRG1, MET_AMP, HER2_AMP):
        # An unlisted driver: case by case (a hedge in a sentence of its own leaves it as the list reads).
        assert verdict(criteria, other) == ("eligible" if "; for any" in criteria else "unknown")
    # "Known ..." / "Documented ..." shuts out found changes only: an untested tumour has none known
    # (test_rules_biomarker_known_findings, test_rules_biomarker_known_documented_ban)
    assert verdict(criteria, UNTESTED) == ("eligible" if "Known" in criteria or "Documented" in criteria else "unknown")


def test_hedge_in_an_inclusion_list_adds_a_question_not_a_way_out() -> None:
    criteria = inc("Tumour with an EGFR, ALK or ROS1 alteration (other alterations may be considered after "
                   "discussion with the sponsor)")
    assert verdict(criteria, EX19) == "eligible"
    assert verdict(criteria, KRAS_G12C) == "unknown"
    assert verdict(criteria, NO_DRIVER) == "excluded"


@pytest.mark.parametrize("criteria", [
    # Not a hedge: the aside widens the list ("or other ... as determined by the investigator").
    exc("EGFR, ALK, or ROS1 alterations (or other actionable alterations as determined by the investigator)"),
    # "other than" spares a gene; nothing is decided case by case.
    exc("Any known driver alteration other than KRAS; such patients are not eligible"),
], ids=["widening-aside", "other-than"])
def test_near_misses_of_the_hedge_read_as_before(criteria: str) -> None:
    assert verdict(criteria, EX19) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"


def test_hedge_reason_names_the_unlisted_driver_as_case_by_case() -> None:
    rules = biomarker.parse(trial(HEDGED[0]))
    finding = biomarker.check(rules, KRAS_G12C)
    assert "another driver alteration (decided case by case)" in finding.reason


# ---- kind 2: activating / sensitising EGFR mutation -------------------------------------------------------------

@pytest.mark.parametrize("criteria", [
    inc("Documented activating EGFR mutation"),
    inc("Tumour harbours an EGFR sensitising mutation"),
    inc("NSCLC with EGFR-TKI sensitive mutation confirmed by a local laboratory"),
    inc("Cohort 3: documented EGFR or HER2 activating mutations"),
], ids=["activating", "sensitising", "tki-sensitive", "cohort"])
def test_uncommon_sensitising_mutations_meet_activating_or_sensitising(criteria: str) -> None:
    for carrier in (G719X, L861Q, S768I, EX19):
        assert verdict(criteria, carrier) == "eligible"
    assert verdict(criteria, T790M_ALONE) == "unknown"  # the primary change under it is not named


@pytest.mark.parametrize("criteria", [
    exc("Patients with known somatic activating mutations of EGFR"),
    exc("Known EGFR sensitizing mutation, ALK fusion or ROS1 rearrangement"),
    inc("Subjects without EGFR sensitive mutation, ALK fusion or ROS1 fusion"),
], ids=["activating", "sensitizing", "without"])
def test_uncommon_sensitising_mutations_are_excluded_where_the_class_is(criteria: str) -> None:
    for carrier in (G719X, L861Q, S768I):
        assert verdict(criteria, carrier) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"


def test_exon20_insertion_is_not_called_sensitising_and_only_maybe_activating() -> None:
    assert verdict(inc("EGFR sensitising mutation"), EX20) == "excluded"
    assert verdict(inc("Activating EGFR mutation"), EX20) == "unknown"
    # a ban on activating EGFR mutations counts the insertion (session 26, set Q and R label convention)
    assert verdict(exc("Known activating EGFR mutation"), EX20) == "excluded"


def test_a_class_narrowed_by_its_list_still_excludes_what_it_does_not_name() -> None:
    criteria = inc("Activating EGFR mutation (exon 19 deletion or L858R)")
    assert verdict(criteria, G719X) == "excluded"
    assert verdict(criteria, EX19) == "eligible"


# ---- kind 3: spelt-out gene names, "(ROS1-)" ----------------------------------------------------------------------

@pytest.mark.parametrize("criteria", [
    inc("Confirmation per local test report that epidermal growth factor receptor negative (EGFR-), anaplastic "
        "lymphoma kinase negative (ALK-), or c ros oncogene 1 negative (ROS1-) directed therapy is not indicated"),
    inc("EGFR-, ALK-, or c-ros oncogene 1 negative (ROS1-) directed therapy is not indicated as primary therapy"),
    inc("Tumour negative for anaplastic lymphoma kinase (ALK-), epidermal growth factor receptor (EGFR-) and "
        "ROS proto-oncogene 1 (ROS1-)"),
], ids=["spelt-out", "suspended", "negative-for"])
def test_every_gene_of_a_negative_list_counts(criteria: str) -> None:
    assert verdict(criteria, patient("ROS1:CD74-ROS1 fusion", lines=0)) == "excluded"
    assert verdict(criteria, EX19) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, EGFR_ALK_NEGATIVE) == "unknown"  # ROS1 untested


@pytest.mark.parametrize(("criteria", "carrier"), [
    (inc("v-raf murine sarcoma viral oncogene homolog B1 (BRAF) V600E mutation"), patient("BRAF:V600E")),
    (inc("erb-b2 receptor tyrosine kinase 2 activating mutation"), patient("ERBB2:exon 20 insertion")),
    (inc("mesenchymal-epithelial transition exon 14 skipping"), patient("MET:exon 14 skipping")),
    (inc("Neurotrophic tyrosine kinase receptor gene fusion"), patient("NTRK2:fusion")),
    (inc("Kirsten rat sarcoma viral oncogene (KRAS) G12D mutation"), KRAS_G12D),
], ids=["braf", "erbb2", "met", "ntrk", "kras"])
def test_spelt_out_gene_names(criteria: str, carrier: object) -> None:
    assert verdict(criteria, carrier) == "eligible"  # type: ignore[arg-type]
    assert verdict(criteria, NO_DRIVER) == "excluded"


def test_suspended_hyphen_is_not_read_as_negative() -> None:
    criteria = inc("EGFR- or ALK-positive NSCLC")  # "EGFR-positive or ALK-positive"
    assert verdict(criteria, NO_DRIVER) != "eligible"
    assert verdict(criteria, ALK) == "eligible"


# ---- kind 4: a marker joined to an HLA type ---------------------------------------------------------------------

@pytest.mark.parametrize("criteria", [
    inc("Tumors must harbor a KRAS G12D mutation and subject must be HLA-C*08:02 positive or HLA-A*11:01 positive"),
    inc("KRAS G12D-mutant NSCLC; patients must carry HLA-A*11:01 in at least one allele"),
    inc("KRAS G12D mutation", "HLA-A*02:01 positive by central typing"),
], ids=["and", "semicolon", "own-bullet"])
def test_marker_with_a_tissue_type_is_a_question_for_carriers(criteria: str) -> None:
    assert verdict(criteria, KRAS_G12D) == "unknown"
    assert verdict(criteria, KRAS_G12V) == "excluded"  # still not the marker asked for
    assert verdict(criteria, NO_DRIVER) == "excluded"


@pytest.mark.parametrize("criteria", [
    inc("KRAS G12D mutation; eligible regardless of HLA type"),
    inc("KRAS G12D mutation; HLA typing will be performed at screening"),
    inc("KRAS G12D mutation") + exc("Known HLA-B*58:01 carrier (allopurinol hypersensitivity)"),
], ids=["regardless", "typing-only", "exclusion"])
def test_hla_near_misses_leave_the_marker_rule_alone(criteria: str) -> None:
    assert verdict(criteria, KRAS_G12D) == "eligible"


# ---- kind 5: a closed list of EGFR changes per cohort ----------------------------------------------------------

@pytest.mark.parametrize("criteria", [
    inc("Cohort A: EGFR exon 19 deletion or exon 21 L858R mutation", "Cohort B: EGFR exon 20 insertion"),
    inc("Confirmed metastatic NSCLC. Additional cohort specific requirements include: Cohorts 1, 3 and 5: EGFR "
        "exon 19 deletion or Exon 21 L858R mutation; Cohort 2: EGFR Exon 20ins mutation."),
    inc("Documented EGFR mutation:", "Arm 1: EGFR Ex19del or L858R", "Arm 2: EGFR exon 20 insertion"),
], ids=["two-bullets", "labels-in-a-sentence", "under-a-heading"])
def test_closed_cohort_lists_exclude_a_change_neither_names(criteria: str) -> None:
    assert verdict(criteria, G719X) == "excluded"
    assert verdict(criteria, EX19) == "eligible"
    assert verdict(criteria, EX20) == "eligible"


@pytest.mark.parametrize("criteria", [
    inc("Cohort A: EGFR sensitising mutation such as exon 19 deletion or L858R", "Cohort B: EGFR exon 20 insertion"),
    inc("Cohort A: EGFR mutations including exon 19 deletion or L858R", "Cohort B: EGFR exon 20 insertion"),
    inc("Cohort A: EGFR exon 19 deletion, L858R or other sensitising mutation", "Cohort B: EGFR exon 20 insertion"),
], ids=["such-as", "including", "or-other"])
def test_open_cohort_lists_take_the_uncommon_change(criteria: str) -> None:
    assert verdict(criteria, G719X) != "excluded"


def test_a_cohort_without_a_marker_rule_lets_the_change_in() -> None:
    criteria = inc("Cohorts 1 and 3: EGFR exon 19 deletion or L858R; Cohort 2: EGFR exon 20 insertion.",
                   "Cohort 4: participants currently treated with the study drug", "Documented EGFR mutation")
    assert verdict(criteria, G719X) == "eligible"  # cohort 4 asks only for an EGFR mutation


# ---- kind 6: NRG1 fusion as a driver ----------------------------------------------------------------------------

@pytest.mark.parametrize("criteria", [
    exc("Known other oncogenic driver alterations"),
    exc("Any known major driver gene alterations other than RET"),
    inc("No known driver mutation"),
], ids=["other-drivers", "other-than-ret", "no-driver"])
def test_nrg1_fusion_is_a_driver_and_the_reason_names_it(criteria: str) -> None:
    for profile in (NRG1, NRG1_PARTLY):
        finding = biomarker.check(biomarker.parse(trial(criteria)), profile)
        assert finding.verdict == "excluded"
        assert "NRG1" in finding.reason


def test_nrg1_is_not_in_a_named_gene_list() -> None:
    criteria = exc("Known driver alterations in EGFR, ALK, ROS1, BRAF, MET, RET or KRAS")
    assert verdict(criteria, NRG1) == "eligible"
