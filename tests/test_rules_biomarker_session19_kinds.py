"""Biomarker kinds from the freshest unseen trials (invented sentences and profiles only).

a. "No EGFR sensitising mutation (including but not limited to exon 19 deletion, L858R), ALK or ROS1": the "not" of
   "but not limited to" was read as a negation that cut the example list off its negated head, so the examples and
   the genes after them became a requirement. The whole list is now one ban.
b. "(testing for alterations besides EGFR, ALK and ROS1 is not required)": the genes after "besides" are spared, as
   after "other than", never required.
c. A marker phrase that names a treatment ("oncogenic driver mutation-based first-line therapy", "EGFR
   alteration-directed treatment") sets no requirement for the marker; "not amenable to / not a candidate for" such
   a treatment bans the driver loosely: a question for a carrier, never a bar, and a patient without one eligible.
d. "Exception: KRAS mutations are not excluded." is a permission, not a ban on KRAS.
e. A piece of a sentence that starts inside a bracket the sentence split cut ("KRAS G12C and BRAF mutations) after
   the sponsor's agreement.") is a question, never a requirement that excludes.
f. "Cohort A* (closed): ... PD-L1 TPS >= 1%": a footnote mark after a cohort label keeps the label, so the rule binds
   that cohort alone.
g. "Exclusion Criteria (a long note about when each screening happens ...):" is a heading: the bans under it are
   exclusions, not requirements.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

from trialmatch.criteria.rules.biomarker.cues import normalise
from trialmatch.criteria.rules.biomarker.text import read_sentence
from trialmatch.criteria.text import split_criteria

NO_DRIVER = patient()
NO_DRIVER_PDL1_0 = patient(pdl1=0)
EGFR_L858R = patient("EGFR:L858R")
EGFR_G719X = patient("EGFR:G719X")
EGFR_S768I = patient("EGFR:S768I")
ALK = patient("ALK:fusion")
ROS1 = patient("ROS1:fusion")
KRAS_G12C = patient("KRAS:G12C")
KRAS_G12V = patient("KRAS:G12V")
KRAS_G12D = patient("KRAS:G12D")
MET_AMP = patient("MET:amplification")
ERBB2_AMP = patient("ERBB2:amplification")
NTRK1 = patient("NTRK1:fusion")
NRG1 = patient("NRG1:fusion")
UNTESTED = patient(negative=[])
SQUAMOUS_UNTESTED = patient(negative=[], histology="squamous")
LARGE_CELL_PARTIAL = patient(negative=["EGFR", "ALK", "ROS1"], histology="large cell", pdl1=0)
NOS_LINES_NULL = patient(negative=["EGFR", "ALK"], histology="nsclc-nos", pdl1=None, lines=None)

# ---------------------------------------------------------------- a. "including but not limited to" in a ban

NEGATED_EXAMPLE_LISTS = [
    "Patients must have no EGFR sensitising mutation (including but not limited to exon 19 deletion, L858R, G719X or "
    "S768I), ALK rearrangement, or ROS1 fusion",
    "Tumour should harbour no activating EGFR mutation (including, but not limited to, exon 19 deletions or exon 21 "
    "L858R), no ALK fusion and no ROS1 fusion",
    "No EGFR mutations (including but not limited to L861Q, G719X or exon 19 deletion) or ALK gene rearrangement",
    "Participants have no known EGFR mutation (including but not limited to L858R and exon 19 deletion) and no "
    "ROS1 or ALK rearrangement",
    "Without EGFR sensitizing alterations (including but not limited to exon 19 del, L858R), ALK or ROS1 fusions",
]


@pytest.mark.parametrize("sentence", NEGATED_EXAMPLE_LISTS)
def test_a_an_example_list_in_a_ban_is_banned_with_its_head(sentence: str) -> None:
    for profile in (NO_DRIVER, KRAS_G12C, KRAS_G12V, MET_AMP, ERBB2_AMP, NTRK1, LARGE_CELL_PARTIAL):
        assert verdict(inc(sentence), profile) == "eligible", profile
    for profile in (EGFR_L858R, ALK):
        assert verdict(inc(sentence), profile) == "excluded", profile


@pytest.mark.parametrize("sentence", NEGATED_EXAMPLE_LISTS)
def test_a_the_list_sets_no_requirement(sentence: str) -> None:
    statements = read_sentence(normalise(sentence), "inclusion")
    assert statements and all(s.polarity == "-" for s in statements)


REQUIRED_EXAMPLE_LISTS = [  # near misses: a requirement with the same example list stays a requirement
    "Documented activating EGFR mutation (including but not limited to exon 19 deletion or L858R)",
    "Tumour harbours a sensitising EGFR mutation (including, but not limited to, G719X, S768I or L861Q)",
    "Known ALK or ROS1 rearrangement (including but not limited to EML4-ALK)",
]


@pytest.mark.parametrize("sentence", REQUIRED_EXAMPLE_LISTS)
def test_a_a_required_example_list_still_requires(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"
    assert verdict(inc(sentence), KRAS_G12D) == "excluded"


def test_a_the_example_list_still_lets_its_members_in() -> None:
    sentence = inc(REQUIRED_EXAMPLE_LISTS[0])
    assert verdict(sentence, EGFR_L858R) == "eligible"
    assert verdict(sentence, EGFR_G719X) != "excluded"  # activating, if not listed


def test_a_a_plain_negation_after_the_list_still_negates() -> None:
    criteria = inc("EGFR mutation (including L858R); not ALK rearranged")
    assert verdict(criteria, ALK) == "excluded"


# ---------------------------------------------------------------- b. "besides"

BESIDES = [
    "No known actionable alterations in BRAF, RET, MET, NTRK or other actionable drivers (testing for alterations "
    "besides EGFR, ALK and ROS1 is not required before enrolment)",
    "No known targetable alterations in RET, BRAF or other drivers with approved therapy (tests besides EGFR and ALK "
    "are optional)",
    "Has no actionable NTRK, MET or BRAF alteration or other actionable oncogenic driver (testing for genes besides "
    "EGFR, ALK, ROS1 is not mandatory)",
    "No other actionable genomic alteration besides KRAS G12C",
]


@pytest.mark.parametrize("sentence", BESIDES)
def test_b_genes_after_besides_are_never_required(sentence: str) -> None:
    for profile in (NO_DRIVER, NO_DRIVER_PDL1_0, LARGE_CELL_PARTIAL, KRAS_G12D):
        assert verdict(inc(sentence), profile) != "excluded", profile


def test_b_the_genes_banned_before_besides_stay_banned() -> None:
    ret = patient("RET:fusion")
    assert verdict(inc(BESIDES[0]), ret) == "excluded"
    assert verdict(inc(BESIDES[1]), ret) == "excluded"
    assert verdict(inc(BESIDES[2]), NTRK1) != "eligible"  # not read whole ("... driver (testing"): never a pass


def test_b_besides_in_a_requirement_names_no_requirement_of_its_genes() -> None:
    statements = read_sentence(normalise(BESIDES[0]), "inclusion")
    required = {a.get("gene") for s in statements if s.polarity == "+" for a in s.atoms}
    assert not required & {"EGFR", "ALK", "ROS1"}


# ---------------------------------------------------------------- c. a marker phrase that names a treatment

NOT_AMENABLE = [
    "Advanced NSCLC not amenable to curative treatment or locally available oncogenic driver mutation-based "
    "first-line therapy",
    "Metastatic NSCLC not eligible for EGFR alteration-directed treatment",
    "Patients who are not candidates for driver alteration-based targeted therapy",
    "Stage IV disease, ineligible for oncogene-driven targeted therapy or surgery",
    "Not a candidate for actionable driver mutation-directed therapy per local standards",
]


@pytest.mark.parametrize("sentence", NOT_AMENABLE)
def test_c_not_amenable_to_a_driver_treatment_never_requires_a_driver(sentence: str) -> None:
    for profile in (NO_DRIVER, NO_DRIVER_PDL1_0, LARGE_CELL_PARTIAL, UNTESTED, NOS_LINES_NULL):
        assert verdict(inc(sentence), profile) != "excluded", profile


@pytest.mark.parametrize("sentence", NOT_AMENABLE)
def test_c_and_it_bans_a_driver_only_loosely(sentence: str) -> None:
    for profile in (EGFR_L858R, ALK, KRAS_G12C, MET_AMP):
        assert verdict(inc(sentence), profile) != "excluded", profile


NAMED_TREATMENTS = [  # near misses: a treatment named by its marker, without "not amenable", is no rule at all
    "Prior driver mutation-based targeted therapy is allowed",
    "Patients may have received EGFR mutation-directed treatment in the adjuvant setting",
]


@pytest.mark.parametrize("sentence", NAMED_TREATMENTS)
def test_c_a_named_treatment_alone_requires_nothing(sentence: str) -> None:
    for profile in (NO_DRIVER, KRAS_G12V, ROS1):
        assert verdict(inc(sentence), profile) != "excluded", profile


STILL_DRIVER_RULES = [  # near misses: a driver ban or requirement written plainly
    ("NSCLC without an actionable oncogenic driver mutation", ALK, "excluded"),
    ("NSCLC without an actionable oncogenic driver mutation", NO_DRIVER, "eligible"),
    ("Tumour with a documented EGFR mutation", NO_DRIVER, "excluded"),
    ("Molecular alterations for which targeted therapy is approved as first-line treatment", NO_DRIVER, "eligible"),
]


@pytest.mark.parametrize(("sentence", "profile", "expected"), STILL_DRIVER_RULES)
def test_c_plain_driver_rules_keep_their_verdict(sentence: str, profile: object, expected: str) -> None:
    criteria = exc(sentence) if sentence.startswith("Molecular") else inc(sentence)
    assert verdict(criteria, profile) == expected  # type: ignore[arg-type]


# ---------------------------------------------------------------- d. "... are not excluded"

NOT_EXCLUDED = [
    "Exception: KRAS mutations are not excluded.",
    "Note: patients with KRAS G12C are not excluded.",
    "BRAF non-V600 mutations are not excluded",
    "Participants whose tumours carry a HER2 amplification are not excluded from the study.",
]


@pytest.mark.parametrize("sentence", NOT_EXCLUDED)
def test_d_not_excluded_is_a_permission(sentence: str) -> None:
    for profile in (KRAS_G12C, KRAS_G12D, KRAS_G12V, ERBB2_AMP, NO_DRIVER):
        assert verdict(exc(sentence), profile) != "excluded", profile


def test_d_the_ban_before_the_exception_stands() -> None:
    criteria = exc("Documented actionable alterations in EGFR, ALK, ROS1, MET, RET or NTRK. "
                   "Exception: KRAS mutations are not excluded.")
    assert verdict(criteria, KRAS_G12V) == "eligible"
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, NTRK1) == "excluded"


def test_d_a_ban_that_is_excluded_still_bans() -> None:  # near miss: "excluded" without "not"
    assert verdict(exc("Patients with KRAS mutations are excluded"), KRAS_G12D) == "excluded"


# ---------------------------------------------------------------- e. a piece cut out of a bracket

CUT_BRACKETS = [
    "Other drivers may be eligible where no targeted therapy is available locally (i.e.; KRAS G12C and BRAF "
    "mutations) after sponsor agreement.",
    "Rarer drivers may also be considered when no matched drug is reimbursed (i.e.; MET exon 14 skipping or RET "
    "fusion) with approval of the medical monitor.",
    "Exceptions can be discussed (i.e.; ERBB2 mutation or NTRK fusion) before screening.",
]


@pytest.mark.parametrize("criteria", CUT_BRACKETS)
def test_e_a_piece_cut_from_a_bracket_never_excludes(criteria: str) -> None:
    pieces = [c.text for c in split_criteria(inc(criteria))]
    for profile in (NO_DRIVER, MET_AMP, NRG1, KRAS_G12D, EGFR_S768I, SQUAMOUS_UNTESTED):
        assert verdict(inc(criteria), profile) != "excluded", (profile, pieces)


def test_e_a_whole_bracket_requirement_still_requires() -> None:  # near miss: the bracket is whole
    assert verdict(inc("Tumour harbouring an actionable driver (KRAS G12C or BRAF V600E)"), NO_DRIVER) == "excluded"


# ---------------------------------------------------------------- f. a footnote mark after a cohort label

FOOTNOTED = [
    "* Cohort A* (closed): untreated NSCLC with PD-L1 TPS >= 1%\n* Cohort B: untreated NSCLC with PD-L1 TPS < 50%\n",
    "* Cohort 1* (enrolment complete): PD-L1 TPS of 50% or more\n* Cohort 2: PD-L1 TPS below 50%\n",
    "* Arm A\u2020: PD-L1 TPS >= 1%\n* Arm B: PD-L1 TPS < 50%\n",
]


@pytest.mark.parametrize("bullets", FOOTNOTED)
def test_f_a_footnoted_cohort_rule_binds_that_cohort_alone(bullets: str) -> None:
    criteria = "Inclusion Criteria:\n\n" + bullets
    for profile in (NO_DRIVER_PDL1_0, LARGE_CELL_PARTIAL, patient(pdl1=0, histology="squamous")):
        assert verdict(criteria, profile) != "excluded"


def test_f_a_rule_for_every_cohort_still_binds() -> None:  # near miss: no cohort label
    criteria = "Inclusion Criteria:\n\n* PD-L1 TPS >= 1% (all cohorts)\n* Cohort B: EGFR wild type\n"
    assert verdict(criteria, NO_DRIVER_PDL1_0) == "excluded"


# ---------------------------------------------------------------- g. a heading with a long bracket

LONG_HEADINGS = [
    "Exclusion Criteria (first screening before the biopsy - see below for the checks repeated before dosing):",
    "Exclusion criteria (assessed at the pre-screening visit, then again before the first infusion of the product):",
]


@pytest.mark.parametrize("heading", LONG_HEADINGS)
def test_g_bans_under_a_long_heading_are_exclusions(heading: str) -> None:
    criteria = (f"Inclusion Criteria:\n\n* Metastatic NSCLC\n\n{heading}\n\n"
                "* Known oncogenic driver alterations (e.g. EGFR, ALK, KRAS G12C) sensitive to approved therapies\n")
    for profile in (NO_DRIVER, NO_DRIVER_PDL1_0, UNTESTED, LARGE_CELL_PARTIAL):
        assert verdict(criteria, profile) != "excluded", profile
    assert verdict(criteria, ALK) == "excluded"
    assert [c.section for c in split_criteria(criteria)][-1] == "exclusion"


# A treatment named after its marker that the sentence says is DUE ("... mutation directed therapy is indicated"): the
# phrase is about the carriers' tumours after all, as "alterations for which targeted therapy is indicated" is. Found
# after the session's last sealed set was measured: the named-treatment reading above had dropped a whole exclusion.
DIRECTED_THERAPY_DUE = [
    "EGFR sensitising mutation and/or ALK translocation and/or BRAF V600 mutation directed therapy is indicated",
    "ALK rearrangement or ROS1 fusion directed therapy is indicated or planned",
    "EGFR mutation, ALK fusion or RET fusion-directed therapy is recommended as first-line treatment",
    "ROS1 and/or ALK rearrangement targeted therapy is locally approved and available",
    "Known EGFR, ALK or ROS1 alteration based therapy is currently indicated",
    "EGFR exon 19 deletion or L858R mutation directed treatment is warranted",
    "ALK or ROS1 gene rearrangement matched therapy is available",
    "Tumour with an EGFR or ALK alteration guided therapy are indicated",
]


@pytest.mark.parametrize("sentence", DIRECTED_THERAPY_DUE)
def test_c_a_directed_therapy_that_is_due_bans_its_carriers(sentence: str) -> None:
    carrier = ALK if "ALK" in sentence else EGFR_L858R
    assert verdict(exc(sentence), carrier) == "excluded"
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Not amenable to EGFR or ALK mutation-directed therapy is indicated",  # "not amenable" still wins: a question
    "Not a candidate for ALK rearrangement directed therapy, which is indicated elsewhere",
])
def test_c_not_amenable_to_a_due_therapy_is_still_loose(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) != "excluded"
