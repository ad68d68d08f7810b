"""A part's heading closed by the code of one of its cohorts ("Phase 2 EXP-1: ROS1-positive NSCLC", "Part B ESC-2:",
"Phase 1b Expansion 3:", "Part 2 COH-4 (monotherapy):") names that cohort: each such bullet is one group's way in,
not a rule on every patient. Before, written flat the heading was read as no label at all, so every group's marker
was required together and a carrier of one group's change was excluded for lacking the others' (the same heading
over sub-bullets was missed too). A code that is a gene written with a hyphen ("Phase 2 HER-2:") or a drug's target
("Phase 2 PD-1:") is no cohort's code, and a plain "Phase 2:" is read as before.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_L858R,
    HER2_EX20,
    KRAS_G12C,
    MET_EX14,
    NO_DRIVER,
    RET,
    ROS1,
    patient,
    verdict,
)

from trialmatch.criteria.rules.biomarker.cohorts import bullet_labels
from trialmatch.matching.profile import Profile

NTRK1 = patient("NTRK1:fusion")

# (an opening line shared by every group or "", the part, its cohorts' codes, their changes, a carrier of the first
# group's change, a carrier of the last's)
CASES = [
    ("Metastatic solid tumour with a ROS1, NTRK1-3 fusion", "Phase 2", ("EXP-1", "EXP-2"),
     ("ROS1-positive NSCLC", "NTRK fusion-positive tumour"), ROS1, NTRK1),
    ("Advanced or metastatic NSCLC", "Part B", ("ESC-2", "ESC-3"),
     ("KRAS G12C-mutant NSCLC", "MET exon 14 skipping alteration, MET inhibitor naive"), KRAS_G12C, MET_EX14),
    ("", "Phase 1b", ("Expansion 3", "Expansion 4 (combination)"),
     ("EGFR L858R mutation confirmed locally", "RET-rearranged non-squamous NSCLC"), EGFR_L858R, RET),
    ("Stage IV NSCLC with a driver named below", "Part 2", ("COH-4 (monotherapy)", "COH-5", "COH-6"),
     ("HER2 exon 20 insertion mutation", "ALK fusion by FISH or NGS", "BRAF V600E mutant tumour"), HER2_EX20,
     BRAF_V600E),
    ("", "Phase II", ("EXP 2a", "EXP 2b"),
     ("documented ALK rearrangement", "KRAS G12C mutation by tissue or plasma NGS"), ALK, KRAS_G12C),
    ("Solid tumour with one of the alterations listed", "Stage 1", ("ARM-1", "ARM-2"),
     ("NTRK1, NTRK2 or NTRK3 gene fusion", "ROS1 rearrangement, no prior ROS1 inhibitor"), NTRK1, ROS1),
]


def _text(opening: str, part: str, codes: tuple[str, ...], changes: tuple[str, ...], nested: bool) -> str:
    """The groups flat ("* Phase 2 EXP-1: change") or each change under its heading ("* Phase 2 EXP-1:" then
    "  * change")."""
    lines = ["Inclusion Criteria:", ""] + ([f"* {opening}"] if opening else [])
    for code, change in zip(codes, changes, strict=True):
        lines += [f"* {part} {code}:", f"  * {change}"] if nested else [f"* {part} {code}: {change}"]
    return "\n".join(lines + ["* ECOG performance status 0-1", "", "Exclusion Criteria:", "", "* Pregnancy", ""])


@pytest.mark.parametrize("nested", [False, True])
@pytest.mark.parametrize(("opening", "part", "codes", "changes", "first", "last"), CASES)
def test_a_part_heading_closed_by_a_cohort_code_names_one_group(
        opening: str, part: str, codes: tuple[str, ...], changes: tuple[str, ...], first: Profile, last: Profile,
        nested: bool) -> None:
    text = _text(opening, part, codes, changes, nested)
    assert verdict(text, first) == "eligible"
    assert verdict(text, last) == "eligible"  # was excluded for the other groups' changes
    assert verdict(text, NO_DRIVER) == "excluded"  # the groups together still bind a patient fitting none


@pytest.mark.parametrize(("heading", "label"), [
    ("Phase 2 EXP-1: ROS1-positive NSCLC", "cohort exp-1"),
    ("Part B ESC-2: KRAS G12C", "cohort esc-2"),
    ("Phase 1b Expansion 3: EGFR L858R", "cohort exp-3"),
    ("Phase 1b EXP-3: EGFR L858R", "cohort exp-3"),  # one cohort however its code is spelled
    ("Part 2 COH-4 (monotherapy): HER2 mutation", "cohort coh-4"),
    ("phase ii exp 2a: ALK fusion", "cohort exp-2a"),
])
def test_the_code_is_the_groups_name(heading: str, label: str) -> None:
    assert bullet_labels(heading, "") == (label,)


@pytest.mark.parametrize("heading", [
    "Phase 2 HER-2: HER2 exon 20 insertion",  # a gene written with a hyphen
    "Part B MET-1: MET exon 14 skipping",
    "Phase 2 PD-1: PD-L1 TPS of at least 1%",  # a drug's target
    "Phase 2 EGFR: EGFR L858R",  # no code at all
])
def test_a_gene_or_target_is_no_cohort_code(heading: str) -> None:
    assert not any(label.startswith("cohort") for label in bullet_labels(heading, ""))


def test_near_misses_keep_their_verdicts() -> None:
    # "Phase 2 HER-2:" beside "Phase 2 EGFR:" names no cohorts: both changes are still required together.
    gene_heads = ("Inclusion Criteria:\n\n* Advanced NSCLC\n* Phase 2 HER-2: HER2 exon 20 insertion\n"
                  "* Phase 2 EGFR: EGFR L858R\n")
    assert verdict(gene_heads, HER2_EX20) == "excluded"
    assert verdict(gene_heads, EGFR_L858R) == "excluded"
    # A plain "Phase 2:" heading is one part of the trial, as before.
    plain = "Inclusion Criteria:\n\n* Advanced NSCLC\n* Phase 2: EGFR L858R mutation\n* ECOG 0-1\n"
    assert verdict(plain, EGFR_L858R) == "eligible"
    assert verdict(plain, KRAS_G12C) == "unknown"
    assert bullet_labels("Phase 2: EGFR L858R mutation", "") == ("phase 2",)


def test_an_exclusion_under_a_coded_cohort_binds_that_cohort_alone() -> None:
    text = ("Inclusion Criteria:\n\n* Phase 2 EXP-1: ROS1 fusion\n* Phase 2 EXP-2: ALK fusion\n\n"
            "Exclusion Criteria:\n\n* Phase 2 EXP-2: KRAS mutation\n")
    assert verdict(text, ROS1) == "eligible"
    assert verdict(text, ALK) == "eligible"
