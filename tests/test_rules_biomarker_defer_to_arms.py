"""Umbrella trials: "tumour shows an actionable genetic change matching one of the open arms" beside arm-specific
criteria that list each arm's markers ("Arm A: FGFR1-3 amplification, mutation or fusion", "Arm E: MET amplification
or exon 14 skipping", "Arm H: no actionable genetic change"). Which changes count is the arms' own rules: the
trial-wide sentence (and its "patients with no actionable change may be allocated to arm H") is left to them. Before,
it stayed a doubtful trial-wide driver requirement and every profile came out `unknown`, a KRAS carrier with a KRAS arm
too. Now a carrier of a listed arm's marker is eligible, a driver-negative full panel fits the no-change arm, and a
profile whose change no arm names, with untested genes other arms ask for, stays `unknown`.

Near-misses keep their verdict: the same sentence beside arms that list no markers reads as it did alone.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, KRAS_G12C, MET_AMP, NO_DRIVER, RET, UNTESTED, verdict

from trialmatch.criteria.rules.biomarker.cues import defers_to_groups

LEADS = [
    "Tumour tissue profiled centrally and showing an actionable genetic change matching one of the open arms",
    "A molecular alteration that qualifies for one of the listed treatment arms, per the central NGS report",
    "Presence of a genomic aberration matching an open cohort (see cohort-specific criteria)",
    "Documented actionable mutation eligible for one of the following arms",
    "Profiling shows a biomarker matching one of the available sub-studies; patients with no actionable change may "
    "be allocated to the immunotherapy arm",
    "Genetic alteration matching an active module of the platform",
]

ARMS = [
    "Arm-specific criteria:",
    "Arm A (drug one): FGFR1, FGFR2 or FGFR3 amplification or fusion",
    "Arm B (drug two): MET amplification or MET exon 14 skipping",
    "Arm C (drug three): KRAS mutation",
    "Arm D (drug four): RET fusion",
    "Arm E (drug five): no actionable genetic change on the panel",
]


def _criteria(lead: str, arms: list[str]) -> str:
    return "Inclusion Criteria:\n\n1. Stage IV NSCLC\n2. " + lead + "\n3. ECOG 0-1\n\n" + "\n".join(
        f"* {arm}" if i else arm for i, arm in enumerate(arms))


@pytest.mark.parametrize("lead", LEADS)
def test_the_listed_arms_decide(lead: str) -> None:
    assert defers_to_groups(lead)
    text = _criteria(lead, ARMS)
    for profile in (KRAS_G12C, MET_AMP, RET, NO_DRIVER):
        assert verdict(text, profile) == "eligible", (lead, profile)
    for profile in (UNTESTED, ALK):
        assert verdict(text, profile) == "unknown", (lead, profile)


@pytest.mark.parametrize("lead", LEADS[:3])
def test_without_arms_listing_markers_the_sentence_reads_as_before(lead: str) -> None:
    alone = "Inclusion Criteria:\n\n1. Stage IV NSCLC\n2. " + lead + "\n3. ECOG 0-1\n"
    text = _criteria(lead, ["Arm-specific criteria:", "Arm A (drug one): no prior docetaxel"])
    for profile in (KRAS_G12C, NO_DRIVER, UNTESTED, ALK):
        assert verdict(text, profile) == verdict(alone, profile), (lead, profile)
