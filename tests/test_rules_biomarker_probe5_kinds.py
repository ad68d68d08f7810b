"""Biomarker kinds found by probe 5: negated PD-L1 comparison words, negated "any of the following" lists,
every PD-L1 level listed as eligible, exclusions that need two alterations at once, and notes that set no rule.

Every sentence is invented. Each kind is tried in several wordings, beside near-miss kinds that must stay put.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

TPS0 = patient(pdl1=0)
TPS1 = patient(pdl1=1)
TPS30 = patient(pdl1=30)
TPS49 = patient(pdl1=49)
TPS50 = patient(pdl1=50)
TPS80 = patient(pdl1=80)


# ---- kind: a negation before a PD-L1 comparison word reverses it ---------------------------------------------------

# (sentence, lowest allowed TPS, highest allowed TPS)
NEGATED_COMPARISONS = [
    ("PD-L1 TPS not lower than 1%", 1, 100),
    ("PD-L1 tumour proportion score no lower than 50%", 50, 100),
    ("PD-L1 expression must not be below 50% (22C3)", 50, 100),
    ("PD-L1 TPS should not be under 1 percent", 1, 100),
    ("PD-L1 TPS not exceeding 49%", 0, 49),
    ("PD-L1 TPS no greater than 49%", 0, 49),
    ("PD-L1 tumour proportion score must not be greater than 49%", 0, 49),
    ("PD-L1 TPS must not be above 49%", 0, 49),
    ("PD-L1 TPS no higher than 49 percent", 0, 49),
]


@pytest.mark.parametrize(("sentence", "low", "high"), NEGATED_COMPARISONS)
def test_negated_pdl1_comparison_is_reversed(sentence: str, low: int, high: int) -> None:
    for tps, profile in ((0, TPS0), (1, TPS1), (30, TPS30), (49, TPS49), (50, TPS50), (80, TPS80)):
        expected = "eligible" if low <= tps <= high else "excluded"
        assert verdict(inc(sentence), profile) == expected, (sentence, tps)


@pytest.mark.parametrize("sentence", [
    "PD-L1 TPS lower than 1%",
    "PD-L1 TPS below 1 percent",
    "PD-L1 tumour proportion score under 1%",
])
def test_plain_comparison_is_not_reversed(sentence: str) -> None:
    """Near miss: without the negation the comparison stands."""
    assert verdict(inc(sentence), TPS0) == "eligible"
    assert verdict(inc(sentence), TPS50) == "excluded"


@pytest.mark.parametrize("sentence", [
    "PD-L1 TPS no less than 50%",
    "PD-L1 TPS not less than 50%",
    "PD-L1 TPS of at least 50%",
])
def test_listed_at_least_wordings_still_read(sentence: str) -> None:
    assert verdict(inc(sentence), TPS80) == "eligible"
    assert verdict(inc(sentence), TPS30) == "excluded"


def test_negated_comparison_in_an_exclusion() -> None:
    """"PD-L1 TPS not lower than 50%" as an exclusion keeps out the high expressers only."""
    assert verdict(exc("Known PD-L1 TPS not lower than 50%"), TPS80) == "excluded"
    assert verdict(exc("Known PD-L1 TPS not lower than 50%"), TPS30) == "eligible"


# ---- kind: a negated lead-in ("do not harbour any of the following:") governs every item of its list ----------------

NO_DRIVER = patient()
EGFR_EX19 = patient("EGFR:exon 19 deletion")
ALK_FUSION = patient("ALK:fusion")
ROS1_FUSION = patient("ROS1:fusion")

NEGATED_LISTS = [
    "Patients whose tumours do not harbour any of the following: EGFR activating mutations, ALK or ROS1 rearrangements",
    "Tumour must not harbor any of the following alterations: EGFR, ALK, ROS1",
    "Participants without any of the following: ROS1 fusion, EGFR mutation or ALK rearrangement",
    "Absence of all of the following: ALK fusion, EGFR sensitising mutation, ROS1 fusion",
    "Negative for each of the following: EGFR, ALK, ROS1, BRAF V600E",
    "Does not have any of these: EGFR mutation, ALK fusion, ROS1 rearrangement",
]


@pytest.mark.parametrize("sentence", NEGATED_LISTS)
def test_negated_lead_in_bans_each_listed_driver(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"
    for carrier in (EGFR_EX19, ALK_FUSION, ROS1_FUSION):
        assert verdict(inc(sentence), carrier) == "excluded", sentence


@pytest.mark.parametrize("sentence", [
    "Tumour harbouring any of the following: EGFR mutation, ALK fusion, ROS1 fusion",
    "Patients with any of these: EGFR mutation, ALK fusion, ROS1 rearrangement",
])
def test_plain_lead_in_still_asks_for_one_of_the_list(sentence: str) -> None:
    """Near miss: without the negation the list is what the trial asks for."""
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"
    assert verdict(inc(sentence), ALK_FUSION) == "eligible"


def test_negated_lead_in_about_treatment_is_not_a_marker_ban() -> None:
    """Near miss: "must not have received any of the following: EGFR TKI, ALK TKI" is about drugs, not the tumour."""
    sentence = "Must not have received any of the following: EGFR TKI, ALK inhibitor"
    assert verdict(inc(sentence), EGFR_EX19) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"


# ---- kind: every PD-L1 level listed, each eligible: no PD-L1 rule -------------------------------------------------

EVERY_LEVEL = [
    "PD-L1 high (>=50%), low (1-49%) or negative (<1%) - all eligible; stratified",
    "PD-L1 strong (≥ 50%), weak (1-49%) or none (< 1%): all are eligible",
    "Patients with PD-L1 TPS ≥50%, 1-49% or <1% may all participate",
    "PD-L1 any level (≥50%, 1-49%, <1%) is acceptable",
    "PD-L1 TPS < 1%, 1 to 49% and >= 50% are all eligible",
    "PD-L1 tumour proportion score high (>= 50%), low (1-49%) or negative (< 1%)",
]


@pytest.mark.parametrize("sentence", EVERY_LEVEL)
def test_every_pdl1_level_listed_is_no_rule(sentence: str) -> None:
    for profile in (TPS0, TPS1, TPS30, TPS50, TPS80):
        assert verdict(inc(sentence), profile) == "eligible", sentence


def test_two_levels_listed_take_their_union() -> None:
    """"high (>= 50%) and low (1-49%)": either level will do; below 1% is outside both."""
    sentence = "PD-L1 expression: high (≥ 50%), low (1-49%)"
    assert verdict(inc(sentence), TPS80) == "eligible"
    assert verdict(inc(sentence), TPS30) == "eligible"
    assert verdict(inc(sentence), TPS0) == "excluded"


@pytest.mark.parametrize("sentence", [
    "PD-L1 TPS 1-49%",
    "PD-L1 TPS 1-49% and life expectancy ≥ 12 weeks",
    "PD-L1 TPS between 1% and 49% (22C3)",
])
def test_one_range_is_still_a_rule(sentence: str) -> None:
    """Near miss: one range, or a range beside another measure, stays a PD-L1 rule."""
    assert verdict(inc(sentence), TPS30) == "eligible"
    assert verdict(inc(sentence), TPS80) == "excluded"
    assert verdict(inc(sentence), TPS0) == "excluded"


# ---- kind: an exclusion of two changes found together binds only a patient with both ---------------------------------

EGFR_AND_KRAS = patient("EGFR:exon 19 deletion", "KRAS:G12C")
KRAS_G12C = patient("KRAS:G12C")
EGFR_AND_ALK = patient("EGFR:L858R", "ALK:fusion")
EGFR_AND_MET = patient("EGFR:L858R", "MET:amplification")
MET_AMP = patient("MET:amplification")
EX19_T790M = patient("EGFR:exon 19 deletion", "EGFR:T790M")
C797S_T790M = patient("EGFR:exon 19 deletion", "EGFR:T790M", "EGFR:C797S")
L858R_C797S = patient("EGFR:L858R", "EGFR:C797S")

# (sentence, patients with both, patients with one of the two)
TOGETHER = [
    ("KRAS G12C co-mutation with EGFR", [EGFR_AND_KRAS], [EGFR_EX19, KRAS_G12C]),
    ("EGFR-mutant tumours co-mutated with KRAS G12C", [EGFR_AND_KRAS], [EGFR_EX19, KRAS_G12C]),
    ("Co-occurring ALK rearrangement in patients with EGFR mutation", [EGFR_AND_ALK], [EGFR_EX19, ALK_FUSION]),
    ("Patients with EGFR mutation plus concurrent MET amplification", [EGFR_AND_MET], [EGFR_EX19, MET_AMP]),
    ("Tumours harbouring both an ALK fusion and an EGFR mutation", [EGFR_AND_ALK], [EGFR_EX19, ALK_FUSION]),
    ("EGFR C797S mutation in cis with T790M", [C797S_T790M], [EX19_T790M, L858R_C797S]),
]


@pytest.mark.parametrize(("sentence", "both", "one"), TOGETHER)
def test_co_occurrence_exclusion_needs_both(sentence: str, both: list, one: list) -> None:
    for profile in both:
        assert verdict(exc(sentence), profile) == "excluded", sentence
    for profile in one:
        assert verdict(exc(sentence), profile) == "eligible", sentence
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"


@pytest.mark.parametrize("sentence", [
    "EGFR mutation or ALK rearrangement",
    "Known EGFR mutation, ALK fusion or KRAS G12C",
    "Concurrent EGFR mutation or ALK rearrangement",
])
def test_alternatives_still_exclude_each(sentence: str) -> None:
    """Near miss: changes joined by "or" are each excluded."""
    assert verdict(exc(sentence), EGFR_EX19) == "excluded"
    assert verdict(exc(sentence), ALK_FUSION) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Tumours with only a T790M mutation and no sensitising EGFR mutation",
    "Tumours with only an EGFR T790M mutation without a sensitising mutation",
    "Patients whose tumour has only a T790M alteration with no activating EGFR mutation",
])
def test_only_a_change_without_another_spares_a_patient_with_both(sentence: str) -> None:
    assert verdict(exc(sentence), EX19_T790M) == "eligible"
    assert verdict(exc(sentence), EGFR_EX19) == "eligible"
    assert verdict(exc(sentence), patient("EGFR:T790M")) != "eligible"


def test_plain_t790m_exclusion_still_excludes() -> None:
    """Near miss: without "only ... without" a T790M carrier is shut out."""
    assert verdict(exc("EGFR T790M mutation"), EX19_T790M) == "excluded"


# ---- kind: a note that a marker does not matter sets no rule --------------------------------------------------------

UNTESTED = patient(negative=[])

NO_RULE_NOTES = [
    "EGFR mutation is neither required nor prohibited",
    "KRAS G12C mutation: neither required nor exclusionary",
    "A known ALK fusion is not a requirement",
    "ROS1 rearrangement: permitted, not required",
    "Enrolment irrespective of EGFR mutation status",
    "PD-L1 TPS >= 50% is neither required nor exclusionary",
    "PD-L1 expression of at least 1% is not a requirement",
]


@pytest.mark.parametrize("sentence", NO_RULE_NOTES)
def test_marker_that_does_not_matter_is_no_rule(sentence: str) -> None:
    for profile in (NO_DRIVER, EGFR_EX19, ALK_FUSION, KRAS_G12C, UNTESTED, TPS0, TPS80):
        assert verdict(inc(sentence), profile) == "eligible", sentence


@pytest.mark.parametrize("sentence", [
    "EGFR wild type; other driver status may be unknown",
    "EGFR wild-type tumour; the status of other genes can be unknown",
])
def test_unknown_status_note_leaves_the_named_rule(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"
    assert verdict(inc(sentence), KRAS_G12C) == "eligible"
    assert verdict(inc(sentence), EGFR_EX19) == "excluded"


@pytest.mark.parametrize("sentence", [
    "EGFR mutation required",
    "A documented ALK fusion is required",
    "PD-L1 TPS >= 50% required",
])
def test_a_requirement_still_requires(sentence: str) -> None:
    """Near miss: "required" without "neither ... nor" / "not" stays a requirement."""
    profile = TPS0 if "PD-L1" in sentence else NO_DRIVER
    assert verdict(inc(sentence), profile) == "excluded"


@pytest.mark.parametrize("sentence", [
    "EGFR mutation other than exon 19 deletion or L858R as the only EGFR alteration",
    "An EGFR mutation other than L858R or exon 19 deletion as the sole EGFR mutation",
])
def test_uncommon_change_as_the_only_one_spares_a_common_one_beside_it(sentence: str) -> None:
    """The excepted common change beside an uncommon one is another change: the patient is not shut out."""
    assert verdict(exc(sentence), EX19_T790M) == "eligible"
    assert verdict(exc(sentence), L858R_C797S) == "eligible"
    assert verdict(exc(sentence), EGFR_EX19) == "eligible"
    assert verdict(exc(sentence), patient("EGFR:G719X")) == "excluded"
