"""A semicolon inside a bracket is no clause boundary: "a ROS1 gene fusion (NSCLC only; Cohorts A and B), or an NTRK
fusion (any solid tumour; Cohorts C and D)" is one list of ways in, its brackets notes. Cut at the semicolon, each
half lost its bracket's other end: the alternatives were read as doubtful pieces, and a patient tested negative for
every one was unknown instead of excluded (bio32, invented sentences only)."""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, KRAS_G12C, NO_DRIVER, RET, ROS1, UNTESTED, inc, verdict
from biomarker_cases import patient as make_patient

from trialmatch.criteria.rules.biomarker.cues import sentences

NTRK = make_patient("NTRK1:fusion")

DEFS = ("Cohort definitions:\n\n  * Cohort A: ROS1-positive NSCLC, TKI-naive.\n"
        "  * Cohort B: ROS1-positive NSCLC after crizotinib.\n  * Cohort C: NTRK fusion-positive tumour, TKI-naive.\n"
        "  * Cohort D: NTRK fusion-positive tumour after larotrectinib.")


def listed(first: str, second: str) -> str:
    return ("Inclusion Criteria:\n\n* Advanced solid tumour with one of the following, by NGS or FISH:\n\n"
            f"  * {first}\n  * {second}\n* {DEFS}\n")


LISTS = [
    listed("a ROS1 gene fusion (NSCLC only; Cohorts A and B), or",
           "an NTRK1, NTRK2 or NTRK3 gene fusion (any solid tumour; Cohorts C and D)."),
    listed("ROS1 rearrangement (lung cancer; Cohorts A and B), or",
           "NTRK fusion (any histology; Cohorts C and D)."),
    listed("ROS1 fusion (NSCLC; Cohorts A, B), or", "NTRK1/2/3 fusion (solid tumours; Cohorts C, D)."),
    listed("a ROS1 fusion (NSCLC only; tissue or plasma; Cohorts A and B), or",
           "an NTRK gene fusion (any tumour type; Cohorts C and D)."),
    listed("ROS1 gene rearrangement (NSCLC only; see Cohorts A and B), or",
           "NTRK gene fusion (any solid tumour; see Cohorts C and D)."),
]


@pytest.mark.parametrize("criteria", LISTS)
def test_bracketed_semicolon_keeps_the_list_whole(criteria: str) -> None:
    assert verdict(criteria, ROS1) == "eligible", criteria
    assert verdict(criteria, NTRK) == "eligible", criteria
    for other in (NO_DRIVER, EGFR_19, KRAS_G12C, RET):
        assert verdict(criteria, other) == "excluded", (criteria, other)
    assert verdict(criteria, UNTESTED) == "unknown", criteria


def test_sentences_keep_bracket_but_cut_outside() -> None:
    assert sentences("a ROS1 fusion (NSCLC only; Cohorts A and B), or an NTRK fusion") == [
        "a ROS1 fusion (NSCLC only; Cohorts A and B), or an NTRK fusion"]
    # Near-misses: a semicolon outside brackets still cuts; an unclosed bracket does not hold the cut back.
    assert sentences("EGFR wild-type (by NGS); ECOG 0-1") == ["EGFR wild-type (by NGS)", "ECOG 0-1"]
    assert sentences("EGFR wild-type (by NGS; ECOG 0-1") == ["EGFR wild-type (by NGS", "ECOG 0-1"]
    assert sentences("No EGFR mutation; no ALK fusion") == ["No EGFR mutation", "no ALK fusion"]


def test_semicolon_requirements_outside_brackets_still_both_bind() -> None:
    criteria = inc("Stage IV NSCLC", "EGFR wild-type (tissue testing); ALK negative (IHC or FISH)")
    assert verdict(criteria, EGFR_19) == "excluded"
    assert verdict(criteria, make_patient("ALK:fusion")) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"
