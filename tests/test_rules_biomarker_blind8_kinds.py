"""Biomarker kinds found on the eighth blind set: a marker group named in broken English ("patients who positive
in EGFR&ALK, must ...") or marker first ("EGFR positive patients should ...") is a condition, not a requirement.

Every sentence is invented. Each kind is tried in several wordings, beside near-miss kinds that must stay put.
"""

from __future__ import annotations

from functools import partial

import pytest
from biomarker_cases import exc, inc, verdict
from biomarker_cases import patient as any_patient

from trialmatch.criteria.rules.reader.scope import condition_scope, group_clauses

patient = partial(any_patient, lines=1)

EGFR = patient("EGFR:L858R")
ALK = patient("ALK:EML4-ALK fusion")
KRAS = patient("KRAS:G12D")
NO_DRIVER = patient()
MET_AMP = patient("MET:amplification")


# ---- kind: a marker group named by its test result, in any word order, is a condition --------------------------

GROUP_RULES = [
    "Patients who positive in EGFR&ALK, must have treatment with relative targeted drugs, then after chemotherapy",
    "Patients who are positive for EGFR or ALK should have therapy with a matching TKI before entry",
    "Patients positive in ROS1/ALK, must receive targeted therapy first",
    "Subjects who tested positive for EGFR must provide the report of the local test",
    "EGFR positive patients should have treatment with gefitinib or erlotinib first",
    "ALK-rearranged patients must have had crizotinib or alectinib",
    "For EGFR-mutant patients, one prior TKI is required",
    "Note: EGFR or ALK positive participants must show progression on a targeted drug",
]


@pytest.mark.parametrize("sentence", GROUP_RULES)
def test_a_marker_group_is_a_condition_not_a_requirement(sentence: str) -> None:
    for profile in (NO_DRIVER, KRAS, MET_AMP):
        assert verdict(inc(sentence), profile) == "eligible", profile
    assert condition_scope(sentence) is not None


NEGATIVE_GROUPS = [
    "Patients who negative in EGFR&ALK can participate after systematic chemotherapy, and no docetaxel before",
    "Patients who are negative for EGFR and ALK must have received platinum doublet",
    "EGFR-negative patients should have had one platinum regimen",
    "ALK wild-type participants must have progressed on chemotherapy",
]


@pytest.mark.parametrize("sentence", NEGATIVE_GROUPS)
def test_a_negative_group_binds_only_those_without_the_marker(sentence: str) -> None:
    scope = condition_scope(sentence)
    assert scope is not None and scope.absent and scope.genes
    assert verdict(inc(sentence), EGFR) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"


def test_two_groups_joined_without_a_space_are_cut_apart() -> None:
    text = ("Patients who negative in EGFR&ALK can participate after chemotherapy;Patients who positive in EGFR&ALK, "
            "must have treatment with relative targeted drugs")
    assert len(group_clauses(text)) == 2
    for profile in (NO_DRIVER, KRAS, EGFR, ALK):
        assert verdict(inc(text), profile) == "eligible"


# Near misses: a requirement, or a group that is itself shut out, stays as it was.
def test_a_bare_positive_requirement_still_excludes() -> None:
    assert verdict(inc("Patients who positive in EGFR"), KRAS) == "excluded"
    assert verdict(inc("Patients must be EGFR positive"), KRAS) == "excluded"
    assert verdict(inc("EGFR-positive or ALK-positive"), NO_DRIVER) == "excluded"


@pytest.mark.parametrize("sentence", [
    "EGFR-positive patients must not be enrolled",
    "EGFR-positive patients are excluded",
    "EGFR positive patients are not eligible",
])
def test_a_group_that_is_the_rule_is_not_a_condition(sentence: str) -> None:
    assert condition_scope(sentence) is None
    listed = exc(sentence) if "must not" in sentence else inc(sentence)
    assert verdict(listed, EGFR) == "excluded"
    assert verdict(listed, NO_DRIVER) == "eligible"


def test_a_group_named_by_no_gene_is_no_marker_condition() -> None:
    assert condition_scope("Squamous patients must have received platinum") is None
    assert condition_scope("Elderly positive patients must consent") is None


# ---- kind: "dysregulation" of a gene is a gene change or protein overexpression: a negative gene test leaves it open

MET_EX14 = patient("MET:exon 14 skipping")
ERBB2_NEG = patient("KRAS:G12C")  # every other panel gene, ERBB2 included, tested negative

DYSREGULATION_WORDINGS = [
    "Must have evidence of c-MET dysregulation from either local data or the results of molecular pre-screening",
    "Documented MET deregulation (amplification, exon 14 skipping or overexpression)",
    "Tumour with dysregulated MET as assessed by the central laboratory",
    "HGFR/MET dysregulation confirmed by local testing",
]


@pytest.mark.parametrize("sentence", DYSREGULATION_WORDINGS)
def test_dysregulation_is_open_for_a_gene_tested_negative(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "unknown"  # MET tested negative: overexpression not ruled out
    assert verdict(inc(sentence), KRAS) == "unknown"
    assert verdict(inc(sentence), MET_EX14) == "eligible"
    assert verdict(inc(sentence), MET_AMP) == "eligible"


def test_her2_dysregulation_is_open_but_a_scored_overexpression_is_not() -> None:
    assert verdict(inc("Tumour with HER2 dysregulation"), ERBB2_NEG) == "unknown"
    assert verdict(inc("Tumour with HER2 dysregulation"), patient("ERBB2:amplification")) == "eligible"
    # Near miss: the profile's ERBB2 negative covers overexpression (the eval README's profile rule).
    assert verdict(inc("HER2 overexpression (IHC 3+)"), ERBB2_NEG) == "excluded"
    assert verdict(inc("HER2 overexpression (IHC 3+)"), patient("ERBB2:overexpression")) == "eligible"


def test_dysregulation_among_exclusions_shuts_out_carriers_only() -> None:
    assert verdict(exc("Known MET dysregulation"), MET_EX14) == "excluded"
    assert verdict(exc("Known MET dysregulation"), NO_DRIVER) != "excluded"
    # Near miss: a plain MET alteration requirement stays settled by a negative test.
    assert verdict(inc("MET exon 14 skipping mutation"), NO_DRIVER) == "excluded"


# ---- kind: a misspelt "negative" ("negetive", "negtive", "nagative") is still a negative result required ---------

EX19 = patient("EGFR:exon 19 deletion")

SLIP_WORDINGS = [
    "Epidermal growth factor receptor (EGFR) sensitive mutations negetive, confirmed by tissue or blood test",
    "EGFR sensitising mutation negtive",
    "EGFR activating mutation NAGATIVE by a validated assay",
    "Tumour EGFR-mutation negitive",
]


@pytest.mark.parametrize("sentence", SLIP_WORDINGS)
def test_a_misspelt_negative_requires_the_marker_absent(sentence: str) -> None:
    assert verdict(inc(sentence), EX19) == "excluded"
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"
    assert verdict(inc(sentence), patient(negative=[])) == "unknown"


def test_words_near_negative_are_left_alone() -> None:
    # Near misses: "negotiate" and "navigate" are no results; the EGFR requirement stays a requirement.
    assert verdict(inc("EGFR sensitising mutation; able to negotiate the study visits"), EX19) == "eligible"
    assert verdict(inc("EGFR sensitising mutation, able to navigate the clinic"), NO_DRIVER) == "excluded"


# ---- kind: a marker level asked only of a group another dimension sets ("ECOG 2 ... only if PD-L1 >= 50%") ---------

LOW_PDL1 = patient(pdl1=10)
HIGH_PDL1 = patient(pdl1=80)

GROUP_IF_WORDINGS = [
    "ECOG 2 patients are eligible only if PD-L1 >= 50%",
    "Patients with ECOG performance status 2 may enrol only when PD-L1 TPS is at least 50%",
    "ECOG performance status 0-1, or 2 if PD-L1 tumour proportion score >= 50%",
    "Patients aged 75 years or older are allowed provided PD-L1 TPS is 50% or more",
]


@pytest.mark.parametrize("sentence", GROUP_IF_WORDINGS)
def test_a_marker_asked_of_another_dimensions_group_never_excludes(sentence: str) -> None:
    assert verdict(inc(sentence), LOW_PDL1) == "unknown"  # the patient may not be in that group
    assert verdict(inc(sentence), HIGH_PDL1) != "excluded"


def test_a_marker_level_for_everyone_still_excludes() -> None:
    # Near misses: no group is named, so the level binds every patient.
    assert verdict(inc("PD-L1 TPS >= 50%"), LOW_PDL1) == "excluded"
    assert verdict(inc("PD-L1 TPS >= 50% if available"), LOW_PDL1) == "excluded"
    assert verdict(inc("PD-L1 expression >= 50% by 22C3; ECOG 0-1"), LOW_PDL1) == "excluded"


# ---- kind: a marker no profile lists, asked for as a result, is a question for everyone -------------------------

UNLISTED_WORDINGS = [
    "Tumour must overexpress B7-H3 by immunohistochemistry",
    "TROP2 expression by IHC on archival or fresh tumour",
    "Tumours positive for CEACAM5 (at least 50% of cells with 2+ staining)",
    "1 or 2 epithelial growth factor receptor (EGFR) pathway markers positive at screening",
    "High folate receptor alpha expression (H-score >= 100)",
]


@pytest.mark.parametrize("sentence", UNLISTED_WORDINGS)
def test_an_unlisted_marker_requirement_is_a_question(sentence: str) -> None:
    for profile in (NO_DRIVER, EGFR, KRAS, patient(negative=[])):
        assert verdict(inc(sentence), profile) == "unknown", profile


@pytest.mark.parametrize("sentence", [
    "Tumour tissue available for retrospective TROP2 testing",
    "Regardless of B7-H3 expression level",
    "Archival tissue block for exploratory mesothelin analysis",
])
def test_a_test_or_a_waiver_of_an_unlisted_marker_asks_nothing(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"


def test_an_unlisted_marker_among_exclusions_is_not_read_as_required() -> None:
    assert verdict(exc("Known B7-H3 overexpression"), NO_DRIVER) == "eligible"


# ---- kind: "Known PD-L1 status" asks for a result of any level ---------------------------------------------------

KNOWN_PDL1_WORDINGS = [
    "Known PD-L1 status as determined by an immunohistochemistry assay on archival tumour tissue",
    "Documented PD-L1 expression status prior to randomisation",
    "PD-L1 result must be available before enrolment",
    "Confirmed tumour PD-L1 status",
]


@pytest.mark.parametrize("sentence", KNOWN_PDL1_WORDINGS)
def test_known_pdl1_status_is_a_question_only_without_a_result(sentence: str) -> None:
    assert verdict(inc(sentence), patient(pdl1=None)) == "unknown"
    assert verdict(inc(sentence), patient(pdl1=0)) == "eligible"
    assert verdict(inc(sentence), patient(pdl1=75)) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Tumour tissue available for PD-L1 testing",
    "PD-L1 status known or unknown",
    "Archived tissue may be acceptable or PD-L1 status known",
    "Regardless of PD-L1 status",
    "PD-L1 status is not required for enrolment",
])
def test_pdl1_testing_or_a_waived_status_asks_no_result(sentence: str) -> None:
    assert verdict(inc(sentence), patient(pdl1=None)) == "eligible"


def test_a_pdl1_level_beside_the_status_still_decides() -> None:
    text = inc("Known PD-L1 status; PD-L1 TPS >= 50%")
    assert verdict(text, patient(pdl1=10)) == "excluded"
    assert verdict(text, patient(pdl1=60)) == "eligible"


# ---- kind: an exclusion of a change "alone" / "as the sole mutation" spares it beside another change -------------

EX19_T790M = patient("EGFR:exon 19 deletion", "EGFR:T790M")
T790M_ONLY = patient("EGFR:T790M")
EX20INS = patient("EGFR:exon 20 insertion")
L858R_EX20INS = patient("EGFR:L858R", "EGFR:exon 20 insertion")

ALONE_WORDINGS = [
    "EGFR T790M mutation alone or exon 20 insertions as unique mutation",
    "T790M as the sole EGFR mutation",
    "Tumours with EGFR T790M in isolation",
    "EGFR T790M as the only EGFR alteration",
]


@pytest.mark.parametrize("sentence", ALONE_WORDINGS)
def test_a_change_alone_is_excluded_only_by_itself(sentence: str) -> None:
    assert verdict(exc(sentence), EX19_T790M) == "eligible"  # beside a sensitising change: not alone
    assert verdict(exc(sentence), T790M_ONLY) == "unknown"  # may sit on a primary change the profile leaves out
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"


def test_an_exon_20_insertion_alone_spares_one_beside_l858r() -> None:
    sentence = "Exon 20 insertion as the unique EGFR mutation"
    assert verdict(exc(sentence), EX20INS) == "excluded"
    assert verdict(exc(sentence), L858R_EX20INS) == "eligible"
    assert verdict(exc(sentence), EX19) == "eligible"  # "the unique EGFR mutation" names no EGFR mutation itself


def test_a_change_without_alone_still_excludes_every_carrier() -> None:
    # Near misses: no "alone" word, or "alone or in combination" (either way).
    assert verdict(exc("EGFR T790M mutation"), EX19_T790M) == "excluded"
    assert verdict(exc("EGFR T790M mutation, alone or in combination with other EGFR mutations"),
                   EX19_T790M) == "excluded"
    assert verdict(exc("Only patients with EGFR T790M mutation"), EX19_T790M) == "excluded"
