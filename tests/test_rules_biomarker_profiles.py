"""Biomarker rules read against profiles unlike the shared ones: uncommon and acquired EGFR changes, KRAS G12D/V,
MET amplification, HER2 amplification/overexpression, NRG1 fusion, PD-L1 at its thresholds, partial testing.

Every sentence is invented. Each kind is tried in several wordings, beside near-miss kinds that must stay put.
"""

from __future__ import annotations

from functools import partial

import pytest
from biomarker_cases import exc, inc, verdict
from biomarker_cases import patient as any_patient

from trialmatch.matching.profile import Profile

# This file's patients, unless a test says otherwise:
patient = partial(any_patient, lines=1)





G719X = patient("EGFR:G719X")
L861Q = patient("EGFR:L861Q")
S768I = patient("EGFR:S768I")
EX20INS = patient("EGFR:exon 20 insertion")
L858R = patient("EGFR:L858R")
EX19 = patient("EGFR:exon 19 deletion")
C797S_ALONE = patient("EGFR:C797S")
T790M_ALONE = patient("EGFR:T790M")
EX19_C797S = patient("EGFR:exon 19 deletion", "EGFR:C797S")
MET_AMP = patient("MET:amplification")
MET_EX14 = patient("MET:exon 14 skipping")
L858R_MET_AMP = patient("EGFR:L858R", "MET:amplification")
HER2_AMP = patient("ERBB2:amplification")
HER2_OVER = patient("ERBB2:overexpression")
HER2_EX20 = patient("ERBB2:exon 20 insertion")
KRAS_G12D = patient("KRAS:G12D")
NRG1 = patient("NRG1:fusion")
NO_DRIVER = patient()








# ---- kind: a list or range of EGFR exons ("exon 19 or 21", "exons 18-21") names every exon in it -----------------

EXON_LIST_INCLUSIONS = [
    "Documented EGFR exon 19 or 21 mutation",
    "EGFR mutation in exons 19/21",
    "Tumour with an EGFR mutation in exon 18, 19 or 21",
    "EGFR exon 18-21 mutation confirmed by NGS",
    "Activating EGFR mutation located in exons 18 to 21",
]


@pytest.mark.parametrize("sentence", EXON_LIST_INCLUSIONS)
def test_every_exon_of_a_list_counts(sentence: str) -> None:
    assert verdict(inc(sentence), L858R) == "eligible"  # exon 21: was read as exon 19 (or 18) alone
    assert verdict(inc(sentence), EX19) == "eligible"
    assert verdict(inc(sentence), KRAS_G12D) == "excluded"  # EGFR tested negative


def test_an_exon_list_leaves_out_the_exons_it_does_not_name() -> None:
    assert verdict(inc("EGFR exon 19 or 21 mutation"), EX20INS) == "excluded"
    assert verdict(exc("EGFR mutations in exons 18, 19 or 21"), EX20INS) == "eligible"
    assert verdict(exc("Known EGFR exon 19 or exon 21 mutation"), L861Q) == "excluded"


def test_a_qualifier_narrows_the_exons_it_goes_with() -> None:
    # Exon 20 insertions are in exon 20, but whether they count as "activating" there depends on the wording.
    assert verdict(exc("EGFR exon 18-21 activating mutations"), EX20INS) == "unknown"
    assert verdict(exc("EGFR exon 18-21 activating mutations"), L858R) == "excluded"
    # G719X is a sensitising mutation in exon 18 (changed reading, audit round 3: it was a question).
    assert verdict(inc("EGFR sensitising mutation in exon 18, 19 or 21"), G719X) == "eligible"


def test_single_exons_and_named_changes_are_unchanged() -> None:
    assert verdict(inc("EGFR exon 19 deletion or exon 21 L858R mutation"), L861Q) == "excluded"
    assert verdict(inc("EGFR exon 21 L858R mutation"), EX19) == "excluded"
    assert verdict(inc("EGFR exon 20 insertion mutation"), EX20INS) == "eligible"
    assert verdict(inc("EGFR exon 18 G719X or exon 21 L861Q mutation"), L861Q) == "eligible"


# ---- kind: "MET exon 14 skipping or amplification": a class after the alteration is another alternative ---------

MET_EITHER = [
    "MET alteration (exon 14 skipping or amplification)",
    "MET exon 14 skipping or amplification",
    "MET dysregulation (METex14, amplification or overexpression)",
    "c-MET exon 14 skipping mutation or amplification detected by NGS",
]


@pytest.mark.parametrize("sentence", MET_EITHER)
def test_met_amplification_after_exon_14_is_an_alternative(sentence: str) -> None:
    assert verdict(inc(sentence), MET_AMP) == "eligible"
    assert verdict(inc(sentence), MET_EX14) == "eligible"
    # MET tested negative: settled, unless overexpression (protein) is one of the ways in
    assert verdict(inc(sentence), L858R) == ("unknown" if "overexpression" in sentence else "excluded")


def test_her2_mutation_or_amplification_lets_both_in() -> None:
    assert verdict(inc("HER2 exon 20 insertion or amplification"), HER2_AMP) == "eligible"
    assert verdict(exc("Known MET exon 14 skipping or amplification"), L858R_MET_AMP) == "excluded"


def test_met_exon_14_alone_still_leaves_amplification_out() -> None:
    assert verdict(inc("MET exon 14 skipping mutation"), MET_AMP) == "excluded"
    assert verdict(exc("MET exon 14 skipping mutation"), MET_AMP) == "eligible"
    # an exon 14 skipping says nothing of MET's copies: amplification asked is a question (bio30d), not a bar
    assert verdict(inc("MET amplification"), MET_EX14) == "unknown"


# ---- kind: "HER2-positive" names protein or gene copies, not clearly a mutation ---------------------------------

HER2_POSITIVE = [
    "HER2-positive NSCLC",
    "Known HER2 positive status",
    "Tumours that are HER2+",
    "ERBB2 positive disease by local testing",
]


@pytest.mark.parametrize("sentence", HER2_POSITIVE)
def test_her2_positive_exclusion_leaves_a_mutation_open(sentence: str) -> None:
    assert verdict(exc(sentence), HER2_EX20) == "unknown"
    assert verdict(exc(sentence), HER2_AMP) == "excluded"
    assert verdict(exc(sentence), HER2_OVER) == "excluded"
    assert verdict(exc(sentence), KRAS_G12D) != "excluded"


@pytest.mark.parametrize("sentence", HER2_POSITIVE)
def test_her2_positive_inclusion_takes_amplified_and_overexpressing(sentence: str) -> None:
    assert verdict(inc(sentence), HER2_AMP) == "eligible"
    assert verdict(inc(sentence), HER2_OVER) == "eligible"
    assert verdict(inc(sentence), HER2_EX20) == "unknown"


def test_her2_words_with_a_class_are_unchanged() -> None:
    assert verdict(inc("HER2 mutation-positive NSCLC"), HER2_EX20) == "eligible"
    assert verdict(inc("HER2 mutation"), HER2_AMP) == "excluded"
    assert verdict(exc("HER2 exon 20 insertion"), HER2_AMP) == "eligible"
    assert verdict(inc("ALK-positive NSCLC"), NO_DRIVER) == "excluded"
    assert verdict(exc("EGFR mutation-positive or ALK-positive tumours"), L858R) == "excluded"


# ---- kind: a resistance change alone (C797S, T790M) leaves the sensitising change it arose on unnamed ----------

COMMON_ONLY = [
    "EGFR exon 19 deletion or L858R mutation",
    "Common EGFR mutation (Ex19del or L858R)",
    "Sensitising EGFR mutation, either exon 19 deletion or L858R",
]


@pytest.mark.parametrize("sentence", COMMON_ONLY)
@pytest.mark.parametrize("profile", [C797S_ALONE, T790M_ALONE], ids=["C797S", "T790M"])
def test_a_resistance_change_alone_leaves_the_common_mutation_open(sentence: str, profile: Profile) -> None:
    assert verdict(inc(sentence), profile) == "unknown"
    assert verdict(exc(sentence), profile) == "unknown"


def test_with_its_sensitising_change_named_the_resistance_change_adds_nothing() -> None:
    assert verdict(inc("EGFR L858R mutation"), EX19_C797S) == "excluded"
    assert verdict(inc("EGFR exon 19 deletion"), EX19_C797S) == "eligible"
    assert verdict(exc("Known sensitising EGFR mutation"), EX19_C797S) == "excluded"


def test_a_resistance_change_is_still_an_egfr_mutation_and_not_another_one() -> None:
    assert verdict(inc("EGFR mutation"), C797S_ALONE) == "eligible"
    assert verdict(exc("Known EGFR mutation"), C797S_ALONE) == "excluded"
    assert verdict(inc("EGFR C797S mutation"), C797S_ALONE) == "eligible"
    assert verdict(inc("EGFR exon 20 insertion"), C797S_ALONE) == "excluded"
    assert verdict(inc("EGFR T790M mutation"), C797S_ALONE) == "excluded"


# ---- uncommon EGFR, exon 20 insertion, KRAS, NRG1 against the usual wordings (guards, no change) ---------------

@pytest.mark.parametrize(("sentence", "profile", "expected"), [
    (inc("Documented sensitising EGFR mutation"), G719X, "eligible"),  # sensitising (audit round 3)
    (inc("Activating EGFR mutation"), EX20INS, "unknown"),
    (exc("Known activating EGFR mutation"), EX20INS, "excluded"),  # a ban counts the insertion (session 26)
    (exc("Known sensitizing EGFR mutation"), L861Q, "excluded"),  # sensitising (audit round 3)
    (inc("Uncommon EGFR mutation (G719X, L861Q or S768I)"), S768I, "eligible"),
    (inc("Atypical EGFR mutations"), EX20INS, "unknown"),
    (inc("Common EGFR mutation (exon 19 deletion or L858R)"), G719X, "excluded"),
    (exc("Uncommon EGFR mutations"), L858R, "eligible"),
    (exc("EGFR mutation (except exon 20 insertion)"), EX20INS, "eligible"),
    (exc("EGFR mutation"), EX20INS, "excluded"),
    (inc("KRAS G12C mutation"), KRAS_G12D, "excluded"),
    (inc("KRAS mutation"), KRAS_G12D, "eligible"),
    (inc("KRAS mutation other than G12C"), KRAS_G12D, "eligible"),
    (exc("Known KRAS G12C mutation"), KRAS_G12D, "eligible"),
    (inc("NRG1 gene fusion"), NRG1, "eligible"),
    (inc("Driver gene negative NSCLC"), NRG1, "excluded"),
    (exc("Known oncogenic driver alteration"), MET_AMP, "unknown"),
    (inc("HER2 mutation"), HER2_OVER, "excluded"),
    (inc("HER2 overexpression (IHC 3+)"), HER2_AMP, "unknown"),
])
def test_uncommon_findings_against_usual_wordings(sentence: str, profile: Profile, expected: str) -> None:
    assert verdict(sentence, profile) == expected


# ---- PD-L1 at the thresholds ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "scores"), [
    (inc("PD-L1 TPS >= 1%"), {0: "excluded", 1: "eligible", 49: "eligible", 50: "eligible", None: "unknown"}),
    (inc("PD-L1 high (TPS of at least 50%)"), {1: "excluded", 49: "excluded", 50: "eligible", 80: "eligible"}),
    (inc("PD-L1 negative (<1%)"), {0: "eligible", 1: "excluded", None: "unknown"}),
    (inc("PD-L1 TPS 1-49%"), {0: "excluded", 1: "eligible", 49: "eligible", 50: "excluded"}),
    (inc("Any PD-L1 expression level"), {0: "eligible", 80: "eligible", None: "eligible"}),
    (exc("PD-L1 TPS of 50% or more"), {49: "eligible", 50: "excluded", None: "unknown"}),
    (inc("PD-L1 CPS >= 10"), {0: "unknown", 50: "eligible"}),
])
def test_pdl1_thresholds(sentence: str, scores: dict[float | None, str]) -> None:
    for score, expected in scores.items():
        assert verdict(sentence, patient(pdl1=score)) == expected, score


# ---- partial testing: genes never tested stay open ----------------------------------------------------------------

def test_only_egfr_and_alk_tested() -> None:
    partial = patient(negative=["EGFR", "ALK"], pdl1=80)
    assert verdict(inc("EGFR and ALK wild-type"), partial) == "eligible"
    assert verdict(inc("No actionable genomic alterations"), partial) == "unknown"
    assert verdict(inc("KRAS G12C mutation"), partial) == "unknown"
    assert verdict(exc("ROS1 rearrangement"), partial) == "unknown"
    assert verdict(exc("Known ROS1 rearrangement"), partial) == "eligible"  # none known (known_findings kind)


# ---- kind: "EGFR sensitising mutation or exon 20 insertion": the class before "or" is an alternative of its own --

CLASS_OR_ALTERATION = [
    "EGFR sensitizing mutation or exon 20 insertion",
    "Documented EGFR activating mutations, or exon 20 insertion mutations",
    "Tumour harbouring an EGFR TKI-sensitising mutation and/or exon 20 insertion",
]


@pytest.mark.parametrize("sentence", CLASS_OR_ALTERATION)
def test_class_or_alteration_takes_both(sentence: str) -> None:
    assert verdict(inc(sentence), L858R) == "eligible"  # was read as "exon 20 insertion" alone
    assert verdict(inc(sentence), EX20INS) == "eligible"
    assert verdict(exc(sentence), L858R) == "excluded"
    assert verdict(inc(sentence), KRAS_G12D) == "excluded"


def test_uncommon_or_exon_20_insertion() -> None:
    assert verdict(inc("Uncommon EGFR mutation or exon 20 insertion"), G719X) == "eligible"
    assert verdict(inc("Uncommon EGFR mutation or exon 20 insertion"), L858R) == "excluded"


def test_a_class_defined_by_its_list_stays_narrow() -> None:
    assert verdict(inc("Sensitising EGFR mutations, either exon 19 deletion or L858R"), G719X) == "excluded"
    assert verdict(inc("EGFR mutation (exon 19 deletion or L858R)"), EX20INS) == "excluded"
    assert verdict(inc("EGFR mutation or KRAS G12C mutation"), KRAS_G12D) == "excluded"


# ---- kind: a PD-L1 range with another bound joined by "or" ("TPS < 1% or 1-49%") is two ranges -------------------

@pytest.mark.parametrize(("sentence", "scores"), [
    (inc("PD-L1 TPS <1% or 1-49%"), {0: "eligible", 49: "eligible", 50: "excluded"}),
    (inc("PD-L1 negative (< 1%) or low (1% to 49%)"), {0: "eligible", 30: "eligible", 80: "excluded"}),
    (inc("PD-L1 TPS 1-49% or ≥ 50%"), {0: "excluded", 1: "eligible", 80: "eligible"}),
    (inc("Tumour PD-L1 between 1% and 49% (TPS >= 1% and < 50%)"), {0: "excluded", 49: "eligible", 50: "excluded"}),
    (exc("PD-L1 expression of 1-49% or less than 1%"), {0: "excluded", 49: "excluded", 50: "eligible"}),
])
def test_pdl1_range_beside_another_bound(sentence: str, scores: dict[float | None, str]) -> None:
    for score, expected in scores.items():
        assert verdict(sentence, patient(pdl1=score)) == expected, score
