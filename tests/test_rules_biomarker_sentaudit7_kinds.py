"""Biomarker kinds from two sentence audits of full-text trials (all were false exclusions).

1. A group opened by its markers, a relative clause, then the group's treatment rule ("Patients with activating EGFR
   mutation or ALK rearrangement which is expected to respond to available TKI therapy, must have been previously
   treated with an applicable TKI"): the markers name who the rule is for; nobody must carry them.
2. An exception that opens a cohort to a marker group ("An exception to this is NSCLC patients with PD-L1 TPS 1-49%
   who may enter Cohort C3"): one more way in, no marker rule for anyone else.
3. A labelled sub-bullet on carriers ("BRAF mutation: patients who refused BRAF+MEK inhibitor") is a condition on
   those carriers; a waiver ("HER2 positivity requirement is excluded in DL1 and DL2") excludes nobody and leaves the
   rule beside it a question.
4. "IHC: For ALK NSCLC only using the ALK D5F3 antibody" names the accepted assay, not a requirement.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

NO_DRIVER = patient(pdl1=80, lines=0)
G12C = patient("KRAS:G12C", pdl1=30, lines=1)
G12D = patient("KRAS:G12D", pdl1=30, lines=1)
L858R = patient("EGFR:L858R", lines=0)
ALK = patient("ALK:EML4-ALK fusion", lines=0)
ROS1 = patient("ROS1:CD74-ROS1 fusion", lines=0)
RET = patient("RET:KIF5B-RET fusion", lines=0)
ERBB2_AMP = patient("ERBB2:amplification", pdl1=5, lines=1)
PD30 = patient(pdl1=30, lines=0)
PD0 = patient(pdl1=0, lines=0)

# ---- kind 1: markers name the group, a relative clause, then its treatment rule ----------------------------------

CARRIER_RULES = [
    "Patients with activating EGFR mutation or ALK rearrangement which is expected to be responsive to available "
    "tyrosine kinase inhibitor therapy, must have been previously treated with an applicable tyrosine kinase "
    "inhibitor.",
    "Patients with sensitizing EGFR mutation or ALK fusion that is expected to respond to available targeted therapy "
    "must have been previously treated with an applicable TKI.",
    "Participants known to harbor an ALK or ROS1 fusion for which treatment is available must have received at least "
    "one approved TKI.",
    "Participants with NSCLC known to harbor a genomic alteration(s) other than EGFR mutation(s) (eg, ALK or ROS1 "
    "fusion) for which treatment is available must have also received prior treatment with at least 1 "
    "genotype-directed therapy.",
    "Subjects whose tumours harbour a RET fusion, which is considered sensitive to an approved inhibitor, should have "
    "progressed on selpercatinib or pralsetinib.",
]


@pytest.mark.parametrize("sentence", CARRIER_RULES, ids=["which-expected", "that-expected", "known-to-harbor",
                                                         "other-than", "whose-tumours"])
def test_carrier_group_rule_requires_no_marker(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, G12C) == "eligible"


def test_carrier_rule_on_one_variant_says_nothing_of_another() -> None:
    for sentence in ("Subjects with KRAS G12C-mutant disease must have been previously treated with sotorasib.",
                     "Patients with activating KRAS G12C mutation which is expected to be responsive to available "
                     "inhibitor therapy, must have been previously treated with sotorasib or adagrasib."):
        assert verdict(inc(sentence), G12D) == "eligible"
        assert verdict(inc(sentence), L858R) == "eligible"


def test_carrier_rule_near_misses_stay_requirements() -> None:
    assert verdict(inc("Patients must have an activating EGFR mutation or ALK rearrangement."), G12C) == "excluded"
    # the modal comes before the marker: the marker is what the patient must have
    assert verdict(inc("Patients must have an EGFR mutation which was previously treated with a TKI."),
                   G12C) == "excluded"
    assert verdict(inc("Patients with NSCLC must harbour an ALK fusion that is expected to respond to lorlatinib."),
                   ROS1) == "excluded"


# ---- kind 2: an exception opens a cohort to a marker group ---------------------------------------------------------

EXCEPTIONS = [
    ("An exception to this is metastatic NSCLC patients expressing PD-L1 with a Tumor Proportion Score (TPS) >=1% "
     "and <=49% who may enter Phase 2 pembrolizumab Combination Therapy Cohort C3.", [NO_DRIVER, PD0]),
    ("Exception: NSCLC patients with PD-L1 TPS >=50% may enter Cohort 4 as first-line therapy.", [PD30, PD0]),
    ("As an exception, first-line NSCLC patients whose PD-L1 TPS is below 50% may join Cohort B.", [NO_DRIVER]),
    ("Must have exhausted standard therapy, except that patients with PD-L1 TPS < 1% may join the "
     "chemotherapy-combination cohort as first-line treatment.", [NO_DRIVER, PD30]),
    ("The only exception is EGFR-mutant NSCLC patients, who may enter Cohort E after progression on osimertinib.",
     [NO_DRIVER, G12C]),
]


@pytest.mark.parametrize(("sentence", "others"), EXCEPTIONS,
                         ids=["band-c3", "exception-colon", "as-an-exception", "except-that", "only-exception"])
def test_exception_entry_sets_no_marker_rule(sentence: str, others: list[object]) -> None:
    criteria = inc("Advanced solid tumour with no standard therapy available.", sentence)
    for other in others:
        assert verdict(criteria, other) == "eligible"


def test_rule_before_an_exception_is_only_a_question() -> None:
    criteria = inc("PD-L1 TPS >= 50% required, except that patients with TPS 1-49% may enter Cohort B after review.")
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, PD30) == "unknown"


def test_exception_near_misses_keep_their_rule() -> None:
    assert verdict(inc("NSCLC patients must have PD-L1 TPS >= 50%."), PD30) == "excluded"
    assert verdict(inc("PD-L1 TPS >= 50% required. Exceptions to this rule are not allowed."), PD30) == "excluded"
    assert verdict(inc("Patients with NSCLC and PD-L1 TPS of 1-49% may also be enrolled in the combination arm."),
                   PD0) != "excluded"


# ---- kind 3: a labelled condition on carriers; a waived requirement ------------------------------------------------

LABELLED = [
    ("BRAF mutation: patients who refused BRAF+MEK inhibitor", G12C),
    ("EGFR mutation: patients who refused osimertinib", NO_DRIVER),
    ("ALK fusion: patients who declined alectinib or lorlatinib", L858R),
    ("BRAF V600E: patients who declined dabrafenib plus trametinib", G12C),
    ("KRAS G12C: participants who were intolerant to sotorasib", G12D),
]


@pytest.mark.parametrize(("sentence", "other"), LABELLED, ids=["braf-refused", "egfr-refused", "alk-declined",
                                                                "v600e-declined", "g12c-intolerant"])
def test_labelled_carrier_condition_requires_no_marker(sentence: str, other: object) -> None:
    assert verdict(inc("Cutaneous melanoma after PD-1 therapy:", sentence), other) == "eligible"
    assert verdict(inc(sentence), other) == "eligible"


def test_labelled_marker_requirement_stays() -> None:
    assert verdict(inc("NSCLC: BRAF V600E mutation confirmed by local testing"), G12C) == "excluded"


WAIVERS = [
    ("HER2 positivity is defined as >=2+ by IHC (HER2 positivity requirement is excluded in DL1 and DL2 as HER2 "
     "targeted agents are not used).", ERBB2_AMP),
    ("EGFR mutation requirement is excluded in the dose-escalation cohorts", L858R),
    ("KRAS G12C requirement is excluded for backfill patients", G12C),
    ("The HER2 IHC 3+ requirement is waived for Part A participants.", ERBB2_AMP),
    ("ALK rearrangement requirement does not apply to the safety run-in.", ALK),
]


@pytest.mark.parametrize(("sentence", "carrier"), WAIVERS, ids=["her2-bracket", "egfr", "g12c", "waived", "not-apply"])
def test_waived_requirement_excludes_no_carrier(sentence: str, carrier: object) -> None:
    assert verdict(inc(sentence), carrier) == "eligible"


def test_rule_beside_a_waiver_is_a_question() -> None:
    criteria = inc("HER2 positivity is defined as >=2+ by IHC (HER2 positivity requirement is excluded in DL1 "
                   "and DL2).")
    assert verdict(criteria, G12C) == "unknown"


def test_waiver_near_misses() -> None:
    assert verdict(exc("HER2-positive tumours are excluded in DL1 and DL2."), ERBB2_AMP) == "excluded"
    assert verdict(inc("HER2 positivity (IHC 3+) is required."), G12C) == "excluded"


# ---- kind 4: the assay accepted for one marker's patients ---------------------------------------------------------

ASSAYS = [
    ("IHC: For ALK NSCLC only using the ALK D5F3 antibody", [ROS1, RET]),
    ("IHC: For ROS1 NSCLC only using the ROS1 D4D6 antibody", [ALK, RET]),
    ("Break-apart FISH: For ROS1 NSCLC only using the ROS1 probe set", [ALK, RET]),
    ("RT-PCR: for RET-positive tumours only with a validated kit", [ALK, ROS1]),
]


@pytest.mark.parametrize(("sentence", "others"), ASSAYS, ids=["ihc-alk", "ihc-ros1", "fish-ros1", "pcr-ret"])
def test_assay_for_one_marker_is_no_requirement(sentence: str, others: list[object]) -> None:
    criteria = inc("Documented ALK, ROS1 or RET fusion.", sentence)
    for other in others:
        assert verdict(criteria, other) == "eligible"
    assert verdict(criteria, G12C) == "excluded"  # the fusion requirement itself stands


def test_marker_only_without_assay_stays() -> None:
    assert verdict(inc("ALK-positive NSCLC only."), ROS1) == "excluded"


# ---- kind 5: gene names, "+/mutant", a second finding absent, a threshold that bends ---------------------------

KRAS_PROTO = [
    "Known KRAS proto-oncogene G12C mutation.",
    "Patients with a KRAS proto-oncogene G12C alteration.",
    "Tumors harboring epidermal growth factor receptor (EGFR), KRAS proto-oncogene G12C (KRAS G12C).",
    "KRAS proto-oncogene GTPase G12C mutation.",
]


@pytest.mark.parametrize("sentence", KRAS_PROTO, ids=["known", "alteration", "list", "gtpase"])
def test_kras_full_name_keeps_its_variant(sentence: str) -> None:
    assert verdict(exc(sentence), G12D) == "eligible"
    assert verdict(exc(sentence), patient("KRAS:G12V", lines=1)) == "eligible"
    assert verdict(exc(sentence), G12C) == "excluded"


PLUS_MUTANT = [
    ("HER2+/mutant NSCLC.", ERBB2_AMP),
    ("Patients with HER2+ / mutated lung cancer", ERBB2_AMP),
    ("MET+/mutant NSCLC (amplified or exon 14 skipping).", patient("MET:amplification", lines=1)),
    ("HER2+/amplified tumours", ERBB2_AMP),
]


@pytest.mark.parametrize(("sentence", "carrier"), PLUS_MUTANT, ids=["her2", "spaced", "met", "amplified"])
def test_plus_slash_mutant_takes_copies_and_protein(sentence: str, carrier: object) -> None:
    assert verdict(inc(sentence), carrier) == "eligible"


def test_plus_slash_near_misses() -> None:
    assert verdict(inc("HER2-mutant NSCLC."), ERBB2_AMP) == "excluded"
    assert verdict(inc("HER2+/mutant NSCLC."), G12C) == "excluded"
    assert verdict(inc("HER2+/mutant NSCLC."), patient("ERBB2:exon 20 insertion", lines=1)) == "eligible"


ABSENT_SECOND = [
    ("Participants with ERBB2-activating mutations or ERBB2 gene amplification in the absence of HER2 positivity "
     "are considered ineligible.", ERBB2_AMP),
    ("Patients with MET amplification in the absence of MET protein overexpression are ineligible.",
     patient("MET:amplification", lines=1)),
    ("Tumours with ERBB2 amplification but without HER2 protein overexpression (IHC 3+).", ERBB2_AMP),
    ("EGFR mutations without documented sensitivity to osimertinib.", L858R),
    ("MET amplification not accompanied by c-Met protein expression.", patient("MET:amplification", lines=1)),
]


@pytest.mark.parametrize(("sentence", "carrier"), ABSENT_SECOND,
                         ids=["erbb2-positivity", "met-protein", "but-without", "sensitivity", "not-accompanied"])
def test_exclusion_needing_a_second_finding_absent_is_a_question(sentence: str, carrier: object) -> None:
    assert verdict(exc(sentence), carrier) == "unknown"


def test_ineligible_group_among_inclusions_needing_a_second_finding_is_a_question() -> None:
    criteria = inc("Solid tumour with HER2 expression. Note: participants must have HER2 positivity, defined as IHC 3+ "
                   "or IHC 2+/ISH+. Participants with ERBB2 gene amplification in the absence of HER2 positivity are "
                   "considered ineligible.")
    assert verdict(criteria, ERBB2_AMP) == "unknown"


def test_plain_amplification_exclusion_stays() -> None:
    assert verdict(exc("Participants with ERBB2 gene amplification are ineligible."), ERBB2_AMP) == "excluded"
    assert verdict(exc("Known HER2 amplification or HER2 overexpression."), ERBB2_AMP) == "excluded"


BENDS = [
    "Tumour PD-L1 expression of at least 50%; patients with lower expression may be enrolled with sponsor approval.",
    "PD-L1 TPS >= 50% by 22C3. Patients with TPS 1-49% may be considered after discussion with the medical monitor.",
    "PD-L1 TPS >= 50% (patients with TPS 1-49% may be enrolled on a case-by-case basis after sponsor review).",
    "PD-L1 TPS of 50% or more. Participants with lower PD-L1 scores may be eligible following discussion with the "
    "study chair.",
]


@pytest.mark.parametrize("sentence", BENDS, ids=["approval", "discussion", "case-by-case", "study-chair"])
def test_threshold_that_bends_is_a_question_below_it(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, PD30) == "unknown"
    assert verdict(criteria, NO_DRIVER) == "eligible"  # 80%: the discretionary band is no requirement


def test_threshold_near_misses() -> None:
    assert verdict(inc("PD-L1 TPS >= 50% by 22C3 assay."), PD30) == "excluded"
    # widening to other mutations of the same gene does not bend the gene rule for other genes
    criteria = inc("Documented EGFR exon 19 deletion or L858R. Participants with other EGFR-activating mutations may "
                   "be eligible following discussion with the Sponsor.")
    assert verdict(criteria, G12C) == "excluded"
