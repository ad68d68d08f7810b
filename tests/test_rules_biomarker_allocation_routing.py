"""Kind 11 (synthK): an allocation sentence read as a requirement. "Module allocation is based on biomarker status:
biomarker-matched group (e.g. STK11 alteration, HER2 mutation, MET amplification) or non-matched group (no relevant
biomarker identified)", "module assignment is based on the resistance profile (e.g. MET amplification, EGFR C797X)
or absence of a detectable mechanism": the markers say which module a patient goes to, not who may join. They were
read as required (unknown or excluded for everyone without them).

Routing is not eligibility: with a branch for patients with none of the markers it takes everyone (no rule); without
one, which markers lead to a group is the study's matter, so it is a question, never a bar.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    HER2_EX20,
    KRAS_G12C,
    KRAS_G12D,
    MET_AMP,
    NO_DRIVER,
    RET,
    UNTESTED,
    exc,
    inc,
    verdict,
)

from trialmatch.matching.profile import Profile

EVERYONE = (NO_DRIVER, UNTESTED, EGFR_19, ALK, KRAS_G12C, KRAS_G12D, RET, HER2_EX20, MET_AMP)

ALL_COMERS = [
    "Module allocation is based on biomarker status from the most recent tumour sample: biomarker-matched group "
    "(e.g. STK11/LKB1 alteration, HER2 expression or mutation, MET amplification/overexpression) or non-matched group "
    "(no relevant biomarker identified)",
    "Willing to provide a biopsy at progression; module assignment is based on the genomic resistance profile "
    "(e.g. MET amplification, EGFR C797S, other) or absence of a detectable mechanism",
    "Patients will be assigned to a sub-study according to central testing for KRAS G12C, BRAF V600E or RET fusion; "
    "those without any of these alterations go to the non-matched sub-study",
    "Arm assignment will be determined by NGS results: matched arms for HER2 mutation or MET exon 14 skipping, and an "
    "unmatched arm for all other patients",
    "Participants are allocated to one of the treatment cohorts based on tumour profiling (ALK fusion, ROS1 fusion, "
    "NTRK fusion) or to the all-comers cohort",
    "Cohort allocation will be guided by biomarker results: KRAS-mutant cohort, EGFR-mutant cohort, or "
    "biomarker-negative cohort",
]


@pytest.mark.parametrize("sentence", ALL_COMERS)
def test_routing_with_a_branch_for_no_marker_takes_everyone(sentence: str) -> None:
    text = inc(sentence)
    for profile in EVERYONE:
        assert verdict(text, profile) == "eligible", (sentence, profile)


ROUTING_ONLY = [
    "Patients will be allocated to one of the treatment arms based on the alteration found: KRAS G12C mutation, "
    "BRAF V600E mutation or HER2 mutation",
    "Assignment to a module is determined by the central result: MET amplification, HER2 mutation or KRAS G12C",
]


@pytest.mark.parametrize("sentence", ROUTING_ONLY)
def test_routing_without_such_a_branch_is_a_question_never_a_bar(sentence: str) -> None:
    text = inc(sentence)
    assert verdict(text, KRAS_G12C) == "eligible"
    for profile in (NO_DRIVER, EGFR_19, ALK, RET):
        assert verdict(text, profile) == "unknown", (sentence, profile)


NEAR_MISSES = [
    # A requirement stays a requirement, and an exclusion an exclusion.
    (inc("Participants must have an EGFR mutation"), NO_DRIVER, "excluded"),
    (exc("Patients with EGFR mutation are excluded"), EGFR_19, "excluded"),
    (inc("Documented KRAS G12C mutation by a validated test"), KRAS_G12D, "excluded"),
    # A requirement beside the routing sentence still binds.
    (inc("Documented EGFR exon 19 deletion or L858R",
         "Module assignment is based on the resistance profile (e.g. MET amplification) or absence of a detectable "
         "mechanism"), NO_DRIVER, "excluded"),
    (inc("Documented EGFR exon 19 deletion or L858R",
         "Module assignment is based on the resistance profile (e.g. MET amplification) or absence of a detectable "
         "mechanism"), EGFR_19, "eligible"),
    # Randomisation stratified by a marker is no routing rule either way: unchanged.
    (inc("ALK rearrangement; randomisation is stratified by PD-L1 level"), NO_DRIVER, "excluded"),
]


@pytest.mark.parametrize(("text", "profile", "expected"), NEAR_MISSES)
def test_near_misses_keep_their_verdict(text: str, profile: Profile, expected: str) -> None:
    assert verdict(text, profile) == expected
