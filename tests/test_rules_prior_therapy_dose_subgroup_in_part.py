"""Under a part heading ("Phase 1 (Dose Escalation):"), a line about some of the part's patients picked by their dose
("All patients treated at doses > 120 mg per day must have a RET-altered tumour") was read by the shared reader as
"All patients:", a general heading that closes the part's scope. The part's later lines, such as "Patient has
disease that has progressed following standard systemic therapy", then bound every patient, and an untreated
patient whom another part takes ("Phase 2 Group 2: not previously treated") was left with a question. Such a line
now stays inside the part; a real general line ("All patients:", "All participants must ...") still closes it.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.text import split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

NAIVE = profile_from_dict({
    "id": "p", "age": 55, "histology": "adenocarcinoma", "stage": "IV", "biomarkers": [{"gene": "RET",
                                                                                        "alteration": "fusion"}],
    "tested_negative": ["EGFR", "ALK", "ROS1"], "pdl1_tps": 10, "prior_therapies": [], "prior_lines": 0, "ecog": 1,
    "brain_metastases": "none"})


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy", "A study of drug X in solid tumours"))
    return str(prior_therapy.check(rules, profile).verdict)


def _layout(heading: str, subgroup: str, rule: str, second: str) -> str:
    return (f"{heading}\n\n* Advanced solid tumour\n* {subgroup}\n* {rule}\n\n{second}\n\n"
            "* Advanced solid tumour with the alteration:\n"
            "  * Group A - NSCLC previously treated with platinum-based chemotherapy\n"
            "  * Group B - NSCLC not previously treated with systemic therapy\n")


LAYOUTS = [
    _layout("Phase 1 (Dose Escalation):", "All patients treated at doses > 120 mg per day must have a RET-altered "
            "tumour", "Patient has disease that has progressed following standard systemic therapy, or is unable to "
            "tolerate it, or for whom no standard therapy exists", "Phase 2 (Dose Expansion):"),
    _layout("Part 1 (dose escalation):", "All participants dosed above 200 mg must have a documented fusion",
            "Progression on all available standard therapies", "Part 2 (expansion):"),
    _layout("Dose Escalation Phase:", "All subjects receiving 400 mg or more must have measurable disease",
            "Must have received at least one prior systemic therapy for advanced disease", "Dose Expansion Phase:"),
    _layout("Phase 1a:", "All patients enrolled at dose level 3 or higher must provide a fresh biopsy",
            "Disease progression after standard treatment", "Phase 1b:"),
    _layout("Part A - Dose Finding:", "All patients treated with doses of 80 mg twice daily or higher must have "
            "adequate cardiac function", "Refractory to or intolerant of standard systemic therapy",
            "Part B - Expansion:"),
    _layout("Phase I:", "All participants treated at the two highest dose levels must have a RET fusion",
            "Previously treated with at least 1 line of systemic therapy", "Phase II:"),
]


@pytest.mark.parametrize("inclusion", LAYOUTS)
def test_an_untreated_patient_has_the_other_parts_way_in(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) == "eligible"


@pytest.mark.parametrize("inclusion", LAYOUTS)
def test_the_dose_subgroup_line_keeps_the_parts_scope(inclusion: str) -> None:
    criteria = split_criteria(f"Inclusion Criteria:\n\n{inclusion}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert criteria[2].scope is not None and criteria[3].scope is not None


NEAR_MISSES = [
    # a real general line closes the part: the rule after it binds everyone
    "Phase 1:\n\n* Advanced solid tumour\n\nAll patients:\n\n* Must have received at least one prior systemic therapy "
    "for advanced disease\n\nPhase 2:\n\n* Group B - NSCLC not previously treated with systemic therapy\n",
    "Phase 1:\n\n* Advanced solid tumour\n* All participants must have received at least one prior systemic therapy "
    "for advanced disease\n\nPhase 2:\n\n* NSCLC not previously treated with systemic therapy\n",
]


@pytest.mark.parametrize("inclusion", NEAR_MISSES)
def test_a_general_line_still_closes_the_part(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) != "eligible"
