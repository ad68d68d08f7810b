"""A required marker list whose alternatives each carry a group label in brackets ("EGFR exon 20 insertion (Cohort 1)
or HER2 exon 20 insertion (Cohort 2)"): the list is every named group's way in, so a patient tested negative for
every named gene (or holding another change in it) fits none of them and is excluded. A gene left untested is a
question. A bracket naming one group alone, a group named outside brackets, or a trial naming another group of the
same kind elsewhere keeps the old doubt.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    EGFR_EX20,
    HER2_EX20,
    KRAS_G12C,
    MET_EX14,
    NO_DRIVER,
    RET,
    ROS1,
    UNTESTED,
    exc,
    inc,
    patient,
    verdict,
)

from trialmatch.criteria.rules.biomarker.groups import labelled_alternatives, names_every_group, requires_negative

# (sentence, a patient who fits one alternative, a patient who fits none with every named gene tested)
LABELLED = [
    ("Documented EGFR exon 20 insertion mutation (Cohort 1) or HER2 (ERBB2) exon 20 insertion mutation (Cohort 2) "
     "by local testing of tumour tissue or plasma", HER2_EX20, EGFR_19),
    ("Tumour harbouring a RET fusion (Arm A) or a MET exon 14 skipping mutation (Arm B), confirmed centrally",
     MET_EX14, KRAS_G12C),
    ("Solid tumour with a ROS1 gene fusion (NSCLC cohorts) or an NTRK1, NTRK2 or NTRK3 gene fusion (any solid "
     "tumour type), as determined by a local test", ROS1, ALK),
    ("ALK rearrangement (Part 1), ROS1 rearrangement (Part 2) or RET rearrangement (Part 3) by an approved assay",
     RET, NO_DRIVER),
    ("Presence of KRAS G12C (Group A) and/or BRAF V600E (Group B) documented in the pathology report",
     KRAS_G12C, EGFR_EX20),
    ("Known EGFR exon 20 insertion (expansion cohort 1), or HER2 exon 20 insertion (expansion cohort 2)",
     EGFR_EX20, MET_EX14),
]


@pytest.mark.parametrize(("sentence", "fits", "fits_none"), LABELLED)
def test_a_labelled_list_excludes_one_who_fits_no_alternative(sentence: str, fits: object, fits_none: object) -> None:
    assert labelled_alternatives(sentence)
    assert verdict(inc(sentence), fits) == "eligible"  # type: ignore[arg-type]
    assert verdict(inc(sentence), fits_none) == "excluded"  # type: ignore[arg-type]
    assert verdict(inc(sentence), UNTESTED) == "unknown"


def test_an_untested_named_gene_is_a_question() -> None:
    sentence = "Documented EGFR exon 20 insertion (Cohort 1) or HER2 exon 20 insertion (Cohort 2)"
    egfr_only_tested = patient("EGFR:exon 19 deletion", negative=[])
    assert verdict(inc(sentence), egfr_only_tested) == "unknown"


# ---- near misses: the old doubt stays ----------------------------------------------------------------------------

ONE_GROUP_ONLY = [
    "Documented EGFR exon 20 insertion mutation (Cohort 1)",
    "RET fusion or MET exon 14 skipping in the expansion cohort",
    "ROS1 or NTRK fusion for patients in Part B",
    "KRAS G12C mutation (dose expansion) confirmed by local test",
]


@pytest.mark.parametrize("sentence", ONE_GROUP_ONLY)
def test_one_group_rule_never_excludes(sentence: str) -> None:
    assert not names_every_group(sentence, set())
    assert verdict(inc(sentence), NO_DRIVER) == "unknown"


def test_another_marked_group_elsewhere_keeps_the_doubt() -> None:
    text = inc("Documented EGFR exon 20 insertion (Cohort 1) or HER2 exon 20 insertion (Cohort 2)",
               "Cohort 3: any NSCLC without a known driver, after platinum chemotherapy")
    assert verdict(text, EGFR_19) != "excluded"


def test_groups_of_another_kind_elsewhere_do_not_matter() -> None:
    assert names_every_group("ROS1 fusion (Cohort A) or NTRK fusion (Cohort B)", {("phase", "1"), ("cohort", "a")})
    assert not names_every_group("ROS1 fusion (Cohort A) or NTRK fusion (Cohort B)", {("cohort", "c")})


# ---- kind: a bare heading over sub-bullets that each name their own group is no group of its own -----------------

def _headed(heading: str, *items: str, before: str = "") -> str:
    text = "Inclusion Criteria:\n\n"
    if before:
        text += f"1. {before}\n"
    text += f"2. {heading}\n\n" + "".join(f"   * {item}\n" for item in items)
    return text + "3. ECOG performance status 0-1.\n"


HEADED = [
    _headed("Phase 2:", "Cohort 1: RET fusion-positive NSCLC after platinum chemotherapy.",
            "Cohort 2: RET fusion-positive NSCLC, treatment-naive.",
            before="Phase 1: advanced solid tumour with an activating RET alteration."),
    _headed("Part B:", "Arm 1: KRAS G12C mutant NSCLC after one line.", "Arm 2: KRAS G12C mutant NSCLC, untreated."),
    _headed("Module 3:", "Cohort A: tumour with a MET exon 14 skipping mutation.",
            "Cohort B: tumour with MET amplification (copy number >= 10)."),
    _headed("Stratum B -", "Group 1: ALK-rearranged NSCLC previously treated with alectinib.",
            "Group 2: ROS1-rearranged NSCLC previously treated with crizotinib."),
    _headed("Stage 2:", "Cohort 1: EGFR exon 20 insertion", "Cohort 2: HER2 exon 20 insertion"),
    _headed("Phase II", "Cohort 1 - BRAF V600E mutant NSCLC", "Cohort 2 - BRAF non-V600E mutant NSCLC"),
]


@pytest.mark.parametrize("text", HEADED)
def test_a_bare_heading_over_labelled_groups_is_no_way_in(text: str) -> None:
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"


def test_an_unmarked_heading_stays_a_question() -> None:
    # "Expansion:" names no mark of its own: left to the shared reader, which keeps it a question.
    text = _headed("Expansion:", "Cohort A: MET exon 14 skipping mutation.", "Cohort B: MET amplification.")
    assert verdict(text, NO_DRIVER) == "unknown"


def test_a_heading_with_its_own_rule_stays_a_group() -> None:
    # "Phase 2: any advanced NSCLC" is a way in by itself: the sub-bullets' markers bind only their cohorts.
    text = _headed("Phase 2: any advanced NSCLC after standard therapy.", "Cohort 1: RET fusion-positive NSCLC.",
                   "Cohort 2: RET-mutant thyroid cancer.")
    assert verdict(text, NO_DRIVER) != "excluded"


def test_a_heading_over_unlabelled_items_keeps_its_label() -> None:
    text = _headed("Cohort 2:", "KRAS G12C mutant NSCLC", "one prior line of platinum chemotherapy",
                   before="Cohort 1: any NSCLC without a known driver after chemotherapy.")
    assert verdict(text, NO_DRIVER) != "excluded"


# ---- kind: a primary change and one that arises on top of it, asked on two lines, are asked together ---------------

T790M_ALSO = patient("EGFR:exon 19 deletion", "EGFR:T790M")
C797S_ALSO = patient("EGFR:L858R", "EGFR:C797S")
L858R_ONLY = patient("EGFR:L858R")

STACKED = [
    ("Confirmation that the tumour harbours an EGFR mutation known to be associated with EGFR TKI sensitivity",
     "Central confirmation of tumour T790M mutation positive status", T790M_ALSO),
    ("Documented EGFR exon 19 deletion or L858R mutation", "EGFR T790M mutation detected in a tissue biopsy",
     T790M_ALSO),
    ("NSCLC with a sensitising EGFR mutation (exon 19 deletion, L858R, G719X or L861Q)",
     "Presence of the EGFR C797S mutation in plasma ctDNA", C797S_ALSO),
    ("Activating EGFR mutation", "Tumour positive for T790M by an approved assay", T790M_ALSO),
    ("An EGFR mutation of exon 19 or exon 21", "C797S-positive status confirmed centrally", C797S_ALSO),
    ("Known common EGFR mutation", "Documented EGFR T790M", T790M_ALSO),
]


@pytest.mark.parametrize(("primary", "acquired", "both"), STACKED)
def test_a_primary_change_without_the_acquired_one_is_excluded(primary: str, acquired: str, both: object) -> None:
    text = inc(primary, acquired)
    assert verdict(text, both) == "eligible"  # type: ignore[arg-type]
    assert verdict(text, EGFR_19 if "C797S" not in acquired else L858R_ONLY) == "excluded"
    assert verdict(text, KRAS_G12C) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"


@pytest.mark.parametrize(("first", "second", "fits_one"), [
    ("KRAS G12C mutation", "KRAS mutation other than G12C", KRAS_G12C),
    ("EGFR exon 20 insertion", "EGFR L858R mutation", EGFR_EX20),
    ("EGFR exon 19 deletion", "EGFR L858R", EGFR_19),
])
def test_changes_that_do_not_stack_stay_rivals(first: str, second: str, fits_one: object) -> None:
    # Two groups the text did not name: fitting one of them is not failing the trial.
    assert verdict(inc(first, second), fits_one) != "excluded"  # type: ignore[arg-type]


# ---- kind: an exclusion's sentence that requires a negative result in its own words reads as written --------------

REQUIRED_NEGATIVE = [
    "Patients with non-squamous histology must have documented negative EGFR and ALK testing",
    "All participants must have a wild-type KRAS status",
    "Subjects should have negative ROS1 and ALK results documented before enrolment",
    "Negative EGFR mutation testing is required for adenocarcinoma",
    "Patients must be EGFR wild-type and ALK negative",
    "Documented wild-type BRAF status is mandatory",
]


@pytest.mark.parametrize("sentence", REQUIRED_NEGATIVE)
def test_a_required_negative_result_among_exclusions_reads_as_written(sentence: str) -> None:
    text = exc(sentence)
    assert verdict(text, NO_DRIVER) == "eligible"  # every gene tested negative, as asked
    assert verdict(text, UNTESTED) == "unknown"
    carrier = {"EGFR": EGFR_19, "KRAS": KRAS_G12C, "ALK": ALK, "ROS1": ROS1, "BRAF": BRAF_V600E}
    gene = next(g for g in carrier if g in sentence)
    assert verdict(text, carrier[gene]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "EGFR-sensitising mutation or ALK rearrangement",
    "Tumour with a known KRAS G12C mutation",
    "KRAS mutation; testing is not required for squamous histology",
    "Known BRAF V600E mutation; negative testing is not needed for squamous tumours",
])
def test_ordinary_exclusions_stay_exclusions(sentence: str) -> None:
    text = exc(sentence)
    assert verdict(text, NO_DRIVER) == "eligible"
    carrier = {"EGFR": EGFR_19, "KRAS": KRAS_G12C, "BRAF": BRAF_V600E}
    gene = next(g for g in carrier if g in sentence)
    assert verdict(text, carrier[gene]) == "excluded"


# ---- kind: a note of further accepted changes widens the requirement before it ------------------------------------

G719X = patient("EGFR:G719X")
S768I = patient("EGFR:S768I")

WIDENED = [
    ("EGFR exon 19 deletion or exon 21 L858R mutation detected in tissue or plasma (uncommon sensitising mutations "
     "such as G719X, L861Q or S768I are also accepted)", G719X),
    ("Documented EGFR exon 19 deletion or L858R; G719X and S768I are also eligible", S768I),
    ("Tumour with a common EGFR mutation (G719X mutations are also allowed)", G719X),
    ("KRAS G12C mutation by NGS (KRAS G12D is also acceptable)", patient("KRAS:G12D")),
    ("ALK rearrangement confirmed by FISH or IHC. ROS1 rearrangements are also eligible", ROS1),
    ("An EGFR L858R mutation (exon 19 deletions are also permitted)", EGFR_19),
]


@pytest.mark.parametrize(("sentence", "added"), WIDENED)
def test_an_also_accepted_note_adds_alternatives(sentence: str, added: object) -> None:
    text = inc(sentence)
    assert verdict(text, added) == "eligible"  # type: ignore[arg-type]
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"


@pytest.mark.parametrize("sentence", [
    "EGFR exon 19 deletion or L858R by tissue test (plasma samples are also accepted)",
    "EGFR exon 19 deletion or L858R; archival tissue is also acceptable",
])
def test_a_note_on_samples_adds_no_change(sentence: str) -> None:
    assert verdict(inc(sentence), G719X) == "excluded"
    assert verdict(inc(sentence), EGFR_19) == "eligible"


# ---- kind: an amplification with a level the profile does not give is a question --------------------------------

MET_AMP = patient("MET:amplification")
HER2_AMP = patient("ERBB2:amplification")

LEVELLED = [
    ("High-level MET amplification, defined as MET gene copy number >= 10 or MET/CEP7 ratio >= 5", MET_AMP),
    ("MET amplification with GCN ≥ 6 by FISH", MET_AMP),
    ("HER2 (ERBB2) amplification, copy number of at least 8, by NGS", HER2_AMP),
    ("ERBB2 gene amplification (ratio > 2.0)", HER2_AMP),
    ("MET amplified tumour (>= 5 copies)", MET_AMP),
    ("High level amplification of MET by a validated test", MET_AMP),
]


@pytest.mark.parametrize(("sentence", "carrier"), LEVELLED)
def test_an_unlevelled_amplification_meets_a_levelled_rule_only_maybe(sentence: str, carrier: object) -> None:
    assert verdict(inc(sentence), carrier) == "unknown"  # type: ignore[arg-type]
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"  # no amplification at all still fails
    assert verdict(exc(sentence), carrier) == "unknown"  # type: ignore[arg-type]
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"


@pytest.mark.parametrize("sentence", ["MET amplification by FISH", "Documented HER2 or MET amplification"])
def test_an_amplification_without_a_level_still_matches(sentence: str) -> None:
    assert verdict(inc(sentence), MET_AMP) == "eligible"
    assert verdict(exc(sentence), MET_AMP) == "excluded"


# "must not have <marker>" among exclusions states its rule whole: carriers are out, as the writer meant (before, the
# section flipped it into a doubtful requirement that let carriers in).
MUST_NOT_HAVE = [
    ("Patients must not have an EGFR mutation", EGFR_19),
    ("Subjects should not harbour ALK or ROS1 rearrangements", ALK),
    ("Must not carry a KRAS G12C mutation", KRAS_G12C),
    ("Participants must not be positive for ROS1 fusion", ROS1),
    ("Tumours must not have a BRAF V600E mutation by local testing", BRAF_V600E),
    ("Patients shall not have documented EGFR exon 19 deletion or L858R", EGFR_19),
]


@pytest.mark.parametrize(("sentence", "carrier"), MUST_NOT_HAVE)
def test_must_not_have_a_marker_among_exclusions_forbids_it(sentence: str, carrier: object) -> None:
    assert verdict(exc(sentence), carrier) == "excluded"  # type: ignore[arg-type]
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients with EGFR mutation must not have received osimertinib",
    "EGFR-mutant patients must not have progressed on osimertinib",
])
def test_a_carrier_groups_treatment_rule_is_not_read_as_a_marker_rule(sentence: str) -> None:
    assert not requires_negative(sentence)


def test_the_reason_names_the_missing_level() -> None:
    from biomarker_cases import trial

    from trialmatch.criteria.rules import biomarker

    rules = biomarker.parse(trial(inc("MET amplification with GCN >= 6 by FISH")))
    reason = biomarker.check(rules, MET_AMP).reason
    assert "level" in reason and "MET amplification" in reason
