"""A section heading for the whole study written with a word before it ("Master Protocol Exclusion Criteria:", "Core
Study Exclusion Criteria", "Common Inclusion Criteria:") opens that section: before, it was no heading, so every
exclusion under it stayed in the inclusion section above and read as a requirement ("Previous treatment with
osimertinib" asked every patient for osimertinib). A heading naming a group ("Part B Exclusion Criteria") keeps its
group.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.text import TrialText
from trialmatch.matching.profile import Profile


def _patient(therapies: list[str]) -> Profile:
    return stage_iv_profile(age=66, biomarkers=[{"gene": "EGFR", "alteration": "L858R"}],
                            tested_negative=["ALK", "ROS1"], pdl1_tps=5,
                            prior_therapies=therapies, prior_lines=1 if therapies else 0)


NAIVE = _patient([])
OSIMERTINIB = _patient(["osimertinib"])


def _text(criteria: str) -> TrialText:
    record = {"protocolSection": {
        "identificationModule": {"nctId": "NCT00000001", "briefTitle": "Drug X in advanced NSCLC"},
        "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
        "eligibilityModule": {"eligibilityCriteria": criteria}}}
    return TrialText.from_record(record)


def verdict(profile: Profile, criteria: str) -> str:
    return str(prior_therapy.check(prior_therapy.parse(_text(criteria)), profile).verdict)


HEADINGS = [
    "Master Protocol Exclusion Criteria:",
    "Core Study Exclusion Criteria",
    "Main Study Exclusion Criteria:",
    "Parent Protocol Exclusion Criteria:",
    "Study-wide Exclusion Criteria",
    "Common Exclusion Criteria:",
    "Overall Trial Exclusion Criteria:",
]
BANS = ["Previous treatment with osimertinib", "Prior osimertinib therapy", "Received osimertinib before",
        "Any prior treatment with osimertinib", "Prior third-generation EGFR TKI (osimertinib)",
        "Has received prior osimertinib", "Prior treatment with osimertinib at any time"]


@pytest.mark.parametrize(("heading", "ban"), list(zip(HEADINGS, BANS, strict=True)))
def test_a_study_wide_exclusion_heading_opens_the_exclusions(heading: str, ban: str) -> None:
    criteria = f"Master Protocol Inclusion Criteria:\n\n* Stage IV NSCLC\n\n{heading}\n\n* {ban}\n"
    assert verdict(NAIVE, criteria) == "eligible"
    assert verdict(OSIMERTINIB, criteria) == "excluded"


def test_near_miss_a_heading_naming_a_part_keeps_its_group() -> None:
    criteria = ("Inclusion Criteria:\n\n* Stage IV NSCLC\n\nPart B Exclusion Criteria:\n\n"
                "* Previous treatment with osimertinib\n")
    # the part's ban: a question or no bar for a patient who may join another part, never everyone's exclusion
    assert verdict(OSIMERTINIB, criteria) != "excluded"
    assert verdict(NAIVE, criteria) == "eligible"


def test_near_miss_a_sentence_ending_in_criteria_is_no_heading() -> None:
    criteria = ("Inclusion Criteria:\n\n* Previous treatment with osimertinib, as defined in the study-specific "
                "inclusion criteria\n\nExclusion Criteria:\n\n* Pregnancy\n")
    assert verdict(OSIMERTINIB, criteria) == "eligible"
