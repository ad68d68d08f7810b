"""A group heading written as a paragraph ("Phase 2 (NSCLC only):") with its labelled groups as numbered items at the
same depth ("7. Cohort 1: ...", "8. Cohort 2: ..."): the heading is those groups together, not one more group with
no marker rule. Before, only sub-bullets nested under the heading were seen as its groups; with flat numbering the
heading stood as an extra group open to everyone, so a patient without any of the groups' changes came out eligible.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, EGFR_G719X, KRAS_G12C, NO_DRIVER, RET, verdict

from trialmatch.matching.profile import Profile


def _text(first: str, heading: str, groups: list[str]) -> str:
    numbered = "".join(f"{i}. {g}\n" for i, g in enumerate(groups, 3))
    return (f"Inclusion Criteria\n\n{first}\n\n1. ECOG performance status 0-1.\n"
            f"2. Locally advanced or metastatic NSCLC with documented {{marker}}.\n\n{heading}\n\n{numbered}\n"
            "Exclusion Criteria\n\n1. Pregnant or breastfeeding.\n")


# (text, a carrier who fits a group, a patient who fits none)
CASES = [
    (_text("Phase 1 Dose Escalation (NSCLC):", "Phase 2 (NSCLC only):",
           ["Cohort 1: acquired EGFR resistance mutation (e.g., C797S) after osimertinib.",
            "Cohort 2: Non-classical EGFR mutation (e.g., G719X, L861Q), treatment-naive.",
            "Cohort 3: Non-classical EGFR mutation, previously treated."]).format(marker="EGFR mutation(s)"),
     EGFR_G719X, ALK),
    (_text("Part A - dose escalation:", "Part B - Dose Expansion:",
           ["Arm B1: RET fusion-positive NSCLC, RET inhibitor naive.",
            "Arm B2: RET fusion-positive NSCLC after a prior selective RET inhibitor."]).format(
        marker="RET gene fusion"), RET, KRAS_G12C),
    (_text("Stage 1:", "Stage 2 (expansion):",
           ["Cohort 2a - KRAS G12C mutation, no prior G12C inhibitor.",
            "Cohort 2b - KRAS G12C mutation, prior G12C inhibitor allowed."]).format(marker="KRAS G12C mutation"),
     KRAS_G12C, EGFR_19),
    (_text("Part 1 (dose escalation):", "Part 2 (dose expansion):",
           ["Group A: ALK rearrangement confirmed by FISH, progressed on alectinib.",
            "Group B: patients with ALK rearrangement who are ALK-TKI naive."]).format(marker="ALK fusion"),
     ALK, NO_DRIVER),
    (_text("Part 1:", "Part 2-",
           ["Cohort 1: EGFR exon 19 deletion or exon 21 L858R.",
            "Cohort 2: EGFR uncommon mutation (G719X, S768I)."]).format(marker="activating EGFR mutation"),
     EGFR_19, RET),
    (_text("Phase Ib:", "Phase II (randomised):",
           ["Arm A: EGFRm NSCLC (exon 19 deletion), study drug plus osimertinib.",
            "Arm B: EGFRm NSCLC (exon 19 deletion), osimertinib alone."]).format(marker="EGFR exon 19 deletion"),
     EGFR_19, ALK),
]


@pytest.mark.parametrize(("text", "carrier", "outsider"), CASES)
def test_a_flat_heading_is_its_groups(text: str, carrier: Profile, outsider: Profile) -> None:
    assert verdict(text, outsider) == "excluded"
    assert verdict(text, carrier) != "excluded"


def test_a_heading_with_an_unlabelled_item_stays_a_group() -> None:
    # Near-miss: under the heading, an item with no group label of its own: the heading is a group with its own
    # rules (here none on markers), so an outsider is not shut out by the labelled items alone.
    text = ("Inclusion Criteria\n\nPart A:\n\n1. NSCLC with documented ALK fusion.\n\nPart B:\n\n"
            "2. Any NSCLC after platinum chemotherapy.\n3. Cohort B1: RET fusion.\n\n"
            "Exclusion Criteria\n\n1. Pregnant.\n")
    assert verdict(text, KRAS_G12C) != "excluded"
