"""Biomarker rules that a treatment history lifts, on invented sentences of each kind.

Kind 1: "X ... not eligible unless they have progressed on (all) standard targeted therapy".
Kind 2: "no X aberrations" beside "patients with X aberrations should have progressed on approved therapy".
A carrier treated with a drug for the gene passes; an untreated one with a known history is excluded; a
patient without the alteration is untouched; an unknown history (or an unreadable condition) is a question.
"""

from __future__ import annotations

from functools import partial

import pytest
from biomarker_cases import exc, inc, verdict
from biomarker_cases import patient as any_patient

from trialmatch.criteria.rules import biomarker
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile

# This file's patients, unless a test says otherwise:
patient = partial(any_patient, pdl1=50)





EX19_OSI = patient("EGFR:exon 19 deletion", drugs=("osimertinib",), lines=1)
EX19_GEF = patient("EGFR:exon 19 deletion", drugs=("gefitinib",), lines=1)
L858R_NAIVE = patient("EGFR:L858R", lines=0)
L858R_CHEMO = patient("EGFR:L858R", drugs=("carboplatin", "pemetrexed"), lines=1)
L858R_NO_HISTORY = patient("EGFR:L858R")
L858R_ODD_DRUG = patient("EGFR:L858R", drugs=("study drug XYZ-123",), lines=1)
T790M_GEF = patient("EGFR:exon 19 deletion", "EGFR:T790M", drugs=("gefitinib",), lines=1)
T790M_OSI = patient("EGFR:exon 19 deletion", "EGFR:T790M", drugs=("gefitinib", "osimertinib"), lines=2)
ALK_NAIVE = patient("ALK:fusion", lines=0)
ALK_ALECTINIB = patient("ALK:fusion", drugs=("Alecensa",), lines=1)
ALK_OSI = patient("ALK:fusion", drugs=("osimertinib",), lines=1)  # a drug, but not one for ALK
ROS1_CRIZOTINIB = patient("ROS1:fusion", drugs=("crizotinib",), lines=1)
KRAS_CHEMO_IO = patient("KRAS:G12C", drugs=("carboplatin", "pembrolizumab"), lines=1)
NO_DRIVER_NAIVE = patient(lines=0)
UNTESTED_NAIVE = patient(negative=[], lines=0)








# ---- kind 1: "... are not eligible unless they have progressed on targeted therapy" ---------------------------

UNLESS_KIND = [
    inc("Patients with known sensitising EGFR mutations or ALK rearrangements are not eligible unless they have "
        "progressed on prior targeted therapy."),
    exc("Known EGFR activating mutation, ALK fusion or ROS1 rearrangement, unless the patient has previously received "
        "an approved tyrosine kinase inhibitor"),
    exc("Tumours harbouring an ALK fusion or an EGFR mutation (unless they have progressed following at least one "
        "line of appropriate targeted therapy)"),
    exc("EGFR-mutant or ALK-positive NSCLC, except for patients who have had disease progression on targeted agents "
        "for these alterations"),
    exc("Documented EGFR or ALK alterations (patients with these alterations who have progressed on targeted therapy "
        "are allowed)"),
    inc("No EGFR, ALK or ROS1 alteration, unless previously treated with appropriate TKI(s)"),
]
UNLESS_IDS = ["not-eligible-unless", "unless-received-tki", "parenthesis-one-line", "except-for-patients-who",
              "patients-who-are-allowed", "inclusion-no-unless-treated"]


@pytest.mark.parametrize("criteria", UNLESS_KIND, ids=UNLESS_IDS)
@pytest.mark.parametrize("profile", [EX19_OSI, EX19_GEF, ALK_ALECTINIB, T790M_GEF],
                         ids=["ex19-osimertinib", "ex19-gefitinib", "alk-alectinib-brand", "t790m-gefitinib"])
def test_carrier_treated_for_the_gene_passes(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) == "eligible"


@pytest.mark.parametrize("criteria", UNLESS_KIND, ids=UNLESS_IDS)
@pytest.mark.parametrize("profile", [L858R_NAIVE, L858R_CHEMO, ALK_NAIVE, ALK_OSI],
                         ids=["l858r-naive", "l858r-chemo-only", "alk-naive", "alk-other-gene-drug"])
def test_untreated_carrier_with_known_history_is_excluded(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) == "excluded"


@pytest.mark.parametrize("criteria", UNLESS_KIND, ids=UNLESS_IDS)
@pytest.mark.parametrize("profile", [L858R_NO_HISTORY, L858R_ODD_DRUG], ids=["no-history", "unplaced-drug"])
def test_carrier_with_unknown_history_is_a_question(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) == "unknown"


@pytest.mark.parametrize("criteria", UNLESS_KIND, ids=UNLESS_IDS)
@pytest.mark.parametrize("profile", [NO_DRIVER_NAIVE, KRAS_CHEMO_IO], ids=["no-driver", "kras"])
def test_patient_without_the_alteration_is_untouched(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) == "eligible"


def test_untested_patient_stays_a_question() -> None:
    # "Patients with known ... are not eligible": an untested tumour has none known (known_findings kind)
    assert verdict(UNLESS_KIND[0], UNTESTED_NAIVE) == "eligible"
    assert verdict(UNLESS_KIND[2], UNTESTED_NAIVE) == "unknown"  # no "known": the question stays


# "All standard targeted therapy": T790M's standard drug is a third-generation TKI, so gefitinib alone is not all.
@pytest.mark.parametrize("criteria", [
    inc("Patients with known EGFR sensitizing mutations, EGFR T790M, or ALK fusion are not eligible unless they have "
        "progressed following all standard of care targeted therapy."),
    exc("EGFR mutation (including T790M) or ROS1 fusion, unless they have progressed on all approved targeted "
        "therapies"),
    exc("Presence of an oncogenic driver alteration (EGFR, ALK, ROS1, RET, MET, BRAF) unless the patient has "
        "progressed on all approved targeted therapies for it"),
], ids=["all-standard-of-care", "all-approved", "driver-list-for-it"])
def test_all_standard_therapy_reads_the_alteration(criteria: str) -> None:
    assert verdict(criteria, T790M_GEF) == "excluded"
    assert verdict(criteria, T790M_OSI) == "eligible"
    assert verdict(criteria, EX19_GEF) == "eligible"  # no T790M: a first-generation TKI is its standard


# "Unless progressed on an EGFR TKI": only that gene's drugs count, and another gene's carrier is not decided by it.
def test_condition_naming_one_genes_drug() -> None:
    criteria = exc("Known EGFR mutation or ALK rearrangement, unless the patient has progressed on an EGFR TKI")
    assert verdict(criteria, EX19_OSI) == "eligible"
    assert verdict(criteria, L858R_NAIVE) == "excluded"
    assert verdict(criteria, ALK_ALECTINIB) == "unknown"


# "... or have it contraindicated": an untreated carrier may be one of those, so only treatment settles it.
def test_condition_with_an_alternative_the_profile_cannot_rule_out() -> None:
    criteria = exc("Known EGFR or ALK driver alterations unless they have progressed on appropriate targeted therapy "
                   "or have it contraindicated")
    assert verdict(criteria, EX19_OSI) == "eligible"
    assert verdict(criteria, L858R_NAIVE) == "unknown"


# Near misses: a condition asking more than targeted therapy, or something else, stays a question.
@pytest.mark.parametrize("criteria", [
    exc("Known EGFR mutation or ALK fusion unless they have progressed on osimertinib and platinum chemotherapy"),
    exc("Known EGFR mutation or ALK fusion unless they have progressed on at least two lines of targeted therapy"),
    exc("Known EGFR mutation or ALK fusion unless they have progressed on targeted therapy and platinum-based "
        "chemotherapy"),
    exc("Known EGFR mutation or ALK fusion, unless confirmed as T790M on re-biopsy after progression"),
], ids=["named-drugs-and-chemo", "two-lines", "targeted-and-chemo", "re-biopsy"])
@pytest.mark.parametrize("profile", [L858R_NAIVE, EX19_OSI], ids=["naive", "treated"])
def test_unread_conditions_never_exclude(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) != "excluded"


# ---- kind 2: "no EGFR/ALK aberrations" with a carrier rule that lets treated carriers in ----------------------

PAIRED_KIND = [
    inc("PD-L1 tumour proportion score of 1% or more, with no EGFR or ALK genomic tumour aberrations",
        "Subjects with EGFR or ALK genomic tumour aberrations should have disease progression on FDA-approved therapy "
        "for these aberrations"),
    exc("Known EGFR mutation or ALK rearrangement") + inc(
        "Participants with an EGFR mutation or ALK fusion must have progressed on targeted therapy"),
    inc("Patients with EGFR or ALK alterations are eligible only if they have progressed on an approved tyrosine "
        "kinase inhibitor", "No EGFR sensitising mutation or ALK rearrangement"),
]
PAIRED_IDS = ["pdl1-sentence-and-note", "exclusion-and-carrier-rule", "carrier-rule-first"]


@pytest.mark.parametrize("criteria", PAIRED_KIND, ids=PAIRED_IDS)
def test_no_untreated_aberration(criteria: str) -> None:
    assert verdict(criteria, EX19_OSI) == "eligible"
    assert verdict(criteria, ALK_ALECTINIB) == "eligible"
    assert verdict(criteria, L858R_NAIVE) == "excluded"
    assert verdict(criteria, ALK_NAIVE) == "excluded"
    assert verdict(criteria, L858R_NO_HISTORY) == "unknown"  # never exclude without the history
    assert verdict(criteria, NO_DRIVER_NAIVE) == "eligible"


def test_paired_pdl1_still_decides() -> None:
    criteria = PAIRED_KIND[0]
    no_score = patient("EGFR:exon 19 deletion", drugs=("osimertinib",), lines=1, pdl1=None)
    assert verdict(criteria, no_score) == "unknown"
    assert verdict(criteria, patient(lines=0, pdl1=0)) == "excluded"


# Near misses: a carrier rule asking for a named drug or more than targeted therapy leaves the shut-out a question.
@pytest.mark.parametrize("criteria", [
    exc("Known EGFR mutation or ALK rearrangement") + inc(
        "Patients with EGFR mutation or ALK fusion must have received osimertinib or alectinib"),
    exc("Known EGFR mutation or ALK rearrangement") + inc(
        "Patients with EGFR or ALK alterations must have progressed on a TKI and on platinum-based chemotherapy"),
], ids=["named-drugs", "tki-and-chemo"])
@pytest.mark.parametrize("profile", [L858R_NAIVE, ALK_NAIVE, EX19_OSI], ids=["egfr-naive", "alk-naive", "treated"])
def test_unread_carrier_conditions_never_exclude(criteria: str, profile: Profile) -> None:
    assert verdict(criteria, profile) == "unknown"


def test_reads_history_only_where_it_decides() -> None:
    lifted = biomarker.parse(TrialText(nct_id="NCT00000000", title="t", criteria=tuple(split_criteria(UNLESS_KIND[0]))))
    plain = biomarker.parse(TrialText(nct_id="NCT00000000", title="t",
                                      criteria=tuple(split_criteria(exc("Known EGFR mutation or ALK fusion")))))
    assert {"prior_therapies", "prior_lines"} <= biomarker.reads(lifted)
    assert "prior_therapies" not in biomarker.reads(plain)


# ---- kind: "candidates for targeted therapy (EGFR, ALK ...)" excluded -----------------------------------------

@pytest.mark.parametrize("criteria", [
    exc("Confirmed candidate (per investigator) for alternative systemic therapy (i.e. mEGFR, ALK or ROS1 "
        "alterations). Testing not required for enrollment"),
    exc("Patients suitable for first-line targeted therapy (e.g. EGFR mutation, ALK or ROS1 fusion)"),
    inc("Not a candidate for targeted therapy: no EGFR mutation, ALK fusion or ROS1 fusion"),
], ids=["alternative-systemic-i-e", "suitable-for-first-line-targeted", "not-a-candidate"])
def test_candidates_for_targeted_therapy(criteria: str) -> None:
    assert verdict(criteria, L858R_NAIVE) == "excluded"
    assert verdict(criteria, ALK_NAIVE) == "excluded"
    assert verdict(criteria, T790M_GEF) == "excluded"  # a third-generation TKI is still open to them
    assert verdict(criteria, EX19_OSI) == "unknown"  # treated: whether a next drug makes them a candidate
    assert verdict(criteria, ALK_ALECTINIB) == "unknown"
    assert verdict(criteria, NO_DRIVER_NAIVE) == "eligible"
    assert verdict(criteria, KRAS_CHEMO_IO) == "eligible"


def test_candidates_who_may_have_refused_are_a_question() -> None:
    criteria = exc("Candidate for approved targeted therapy (EGFR, ALK or ROS1 alterations) who has not refused it")
    assert verdict(criteria, L858R_NAIVE) == "unknown"
    assert verdict(criteria, NO_DRIVER_NAIVE) == "eligible"


def test_testing_not_required_without_a_verb_lets_untested_in() -> None:
    criteria = exc("Known EGFR mutation or ALK fusion. Testing not required for enrollment")
    assert verdict(criteria, UNTESTED_NAIVE) == "eligible"
    assert verdict(criteria, L858R_NAIVE) == "excluded"


@pytest.mark.parametrize("criteria", [
    exc("mEGFR NSCLC"),
    inc("Histologically confirmed NSCLC without mEGFR or ALK rearrangement"),
], ids=["exclusion", "without"])
def test_m_prefix_means_mutant(criteria: str) -> None:
    assert verdict(criteria, L858R_NAIVE) == "excluded"
    assert verdict(criteria, NO_DRIVER_NAIVE) == "eligible"


# ---- kind: a trial's own gene is not among the "targetable alterations" it shuts out ---------------------------

@pytest.mark.parametrize("criteria", [
    inc("Documented HER2 mutation in the tyrosine kinase domain") + exc(
        "Tumours with targetable alterations with approved available therapy"),
    inc("KRAS G12C mutation confirmed by a local test") + exc(
        "Known actionable genomic alteration for which an approved targeted therapy exists"),
    inc("Cohort 1: MET exon 14 skipping", "Cohort 2: MET amplification") + exc(
        "Actionable driver alterations with approved targeted drugs"),
], ids=["her2", "kras-g12c", "met-cohorts"])
def test_required_gene_is_spared_by_actionable_exclusion(criteria: str) -> None:
    own = {"her2": patient("ERBB2:exon 20 insertion", drugs=("carboplatin",), lines=1),
           "kras": patient("KRAS:G12C", lines=0), "met": patient("MET:exon 14 skipping", lines=0)}
    key = "her2" if "HER2" in criteria else "kras" if "KRAS" in criteria else "met"
    assert verdict(criteria, own[key]) == "eligible"
    assert verdict(criteria, patient("EGFR:L858R", lines=0)) == "excluded"  # another gene's driver still excludes


# ---- kind: a resistance alteration that arises only under a drug ----------------------------------------------

@pytest.mark.parametrize("criteria", [
    exc("NSCLC patients with EGFR Cys797Ser (C797S) mutation."),
    exc("Known EGFR C797S resistance mutation"),
], ids=["cys797ser", "c797s"])
def test_resistance_alteration_without_the_drug(criteria: str) -> None:
    assert verdict(criteria, UNTESTED_NAIVE) == "eligible"  # never had an EGFR TKI: no C797S
    # "Known EGFR C797S": an untested tumour has none known, whatever the history (known_findings kind)
    untested_verdict = "eligible" if criteria.startswith(exc("Known")[:-2]) else "unknown"
    assert verdict(criteria, patient(negative=[], drugs=("osimertinib",), lines=1)) == untested_verdict
    assert verdict(criteria, patient(negative=[])) == untested_verdict  # history unknown
    assert verdict(criteria, patient("EGFR:C797S", drugs=("osimertinib",), lines=1)) == "excluded"


def test_untreated_untested_patient_still_asked_about_other_genes() -> None:
    assert verdict(exc("EGFR T790M mutation"), UNTESTED_NAIVE) == "unknown"  # T790M can be there untreated
    assert verdict(exc("Known EGFR T790M mutation"), UNTESTED_NAIVE) == "eligible"  # none known (known_findings)
