"""A bare heading naming a part over its labelled cohorts ("* Phase 2 cohorts:" over "Cohort 2A: RET fusion ...",
"Cohort 2B: ...") and a later line of that part ("* Phase 2: at least one measurable lesion"): the later line is the
cohorts' rule, not one more group with no marker rule. Before, "Phase 2" became a way in of its own, so a patient
with none of the cohorts' markers (RET tested negative) was eligible (bio32, invented layouts only)."""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, KRAS_G12C, NO_DRIVER, RET, ROS1, UNTESTED, verdict


def layout(heading: str, first: str, second: str, later: str, part1: str = "Phase 1") -> str:
    return ("Inclusion Criteria:\n\n* Age >= 18 years.\n"
            f"* {part1} (dose escalation): advanced solid tumour with a {first} alteration.\n"
            f"* {heading}\n\n  * {second}\n  * Cohort 2B: {first} fusion-positive NSCLC, treatment-naive.\n"
            f"* {later}\n\nExclusion Criteria:\n\n* Pregnancy.\n")


LAYOUTS = [
    (layout("Phase 2 cohorts:", "RET", "Cohort 2A: RET fusion-positive NSCLC after selpercatinib.",
            "Phase 2: at least one measurable lesion per RECIST v1.1."), RET),
    (layout("Phase 2:", "RET", "Cohort 2A: RET fusion-positive NSCLC after pralsetinib.",
            "Phase 2: ECOG 0, 1 or 2."), RET),
    (layout("Part B cohorts:", "ROS1", "Cohort B1: ROS1 fusion-positive NSCLC after crizotinib.",
            "Part B: measurable disease per RECIST 1.1.", part1="Part A").replace("Cohort 2B", "Cohort B2"), ROS1),
    (layout("Phase 2 expansion cohorts:", "ROS1", "Cohort 2A: ROS1-rearranged NSCLC after one ROS1 TKI.",
            "Phase 2: measurable disease is required."), ROS1),
    (layout("Part 2 (expansion), by cohort:", "RET", "Cohort 2A: RET fusion-positive NSCLC after chemotherapy.",
            "Part 2: adequate archival tumour tissue.", part1="Part 1"), RET),
]


@pytest.mark.parametrize(("criteria", "carrier"), LAYOUTS)
def test_later_part_line_is_the_cohorts_rule(criteria: str, carrier: object) -> None:
    assert verdict(criteria, carrier) == "eligible", criteria  # type: ignore[arg-type]
    assert verdict(criteria, NO_DRIVER) == "excluded", criteria
    assert verdict(criteria, KRAS_G12C) == "excluded", criteria
    assert verdict(criteria, UNTESTED) == "unknown", criteria


# Near-misses: a cohort under the heading with no marker rule is a way in; without the heading a lone "Phase 2:" line
# beside "Phase 1: ..." names a part we cannot see the marker rules of (never excluded).
def test_cohort_without_marker_under_heading_lets_in() -> None:
    criteria = layout("Phase 2 cohorts:", "RET", "Cohort 2A: NSCLC after platinum chemotherapy, any molecular status.",
                      "Phase 2: at least one measurable lesion.")
    assert verdict(criteria, NO_DRIVER) != "excluded"
    assert verdict(criteria, EGFR_19) != "excluded"


def test_lone_part_line_without_heading_unchanged() -> None:
    criteria = ("Inclusion Criteria:\n\n* Phase 1: advanced solid tumour with a RET alteration.\n"
                "* Phase 2: at least one measurable lesion per RECIST v1.1.\n")
    assert verdict(criteria, NO_DRIVER) != "excluded"
    assert verdict(criteria, RET) == "eligible"
