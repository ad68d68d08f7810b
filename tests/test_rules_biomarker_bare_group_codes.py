"""A list whose bullets open with a bare group code ("S1: FGFR1-3 amplification", "B2: NSCLC with HER2
overexpression") names one group per bullet, as "Cohort S1:" would: each bullet is one group's way in, not a rule
on every patient. Before, the codes were not read as labels, so every bullet's marker was required together and a
carrier of one group's change was excluded for lacking the others'. Codes are one capital letter and a number,
then a colon; a change written the same way ("T790M:", "G12C:", "V600E:") or a dosing word ("Q3W:") is no code.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, HER2_EX20, KRAS_G12C, MET_EX14, NO_DRIVER, RET, UNTESTED, patient, verdict

from trialmatch.criteria.rules.biomarker.cohorts import label_at_start
from trialmatch.matching.profile import Profile

# (heading, codes, the groups' changes, a carrier of the second group's change)
CASES = [
    ("Sub-study assignment (central NGS):", ("S1", "S2", "S3"),
     ("FGFR1-3 amplification, mutation or fusion", "MET exon 14 skipping alteration, no prior MET inhibitor",
      "PIK3CA activating mutation"), MET_EX14),
    ("Part B (dose expansion):", ("B1", "B2", "B3"),
     ("NSCLC with a documented ALK rearrangement after one ALK TKI", "NSCLC with a RET fusion, RET inhibitor-naive",
      "NSCLC with a ROS1 fusion"), RET),
    ("Expansion arms, by genotype:", ("A1", "A2", "A3"),
     ("BRAF V600E mutant NSCLC", "KRAS G12C mutation confirmed locally", "NRAS Q61 mutation"), KRAS_G12C),
    ("Molecular strata:", ("C1 (HER2)", "C2 (ALK)", "C3 (NTRK)"),
     ("HER2 (ERBB2) activating mutation, no prior HER2-directed therapy", "ALK fusion by FISH or NGS",
      "NTRK1-3 fusion"), ALK),
    ("Treatment groups:", ("D1", "D2", "D3"),
     ("MET exon 14 skipping", "HER2 exon 20 insertion mutation", "RET-rearranged tumour"), HER2_EX20),
    ("Biomarker-defined cohorts:", ("E1a", "E1b", "E2"),
     ("EGFR exon 19 deletion or L858R after osimertinib", "MET exon 14 skipping, MET TKI naive",
      "KRAS G12D mutation"), MET_EX14),
]


def _text(heading: str, codes: tuple[str, ...], changes: tuple[str, ...], word: str = "", nested: bool = False) -> str:
    """The codes as a list under a heading line of their own (as a flattened table gives them), or nested under a
    heading bullet."""
    mark, head = ("  *", f"* {heading}\n") if nested else ("-", f"\n{heading}\n\n")
    items = "".join(f"{mark} {word}{code}: {change}\n" for code, change in zip(codes, changes, strict=True))
    return f"Inclusion Criteria:\n\n* Stage IV or recurrent NSCLC\n{head}{items}\nExclusion Criteria:\n\n* Pregnancy\n"


@pytest.mark.parametrize("nested", [False, True])
@pytest.mark.parametrize(("heading", "codes", "changes", "carrier"), CASES)
def test_a_bare_code_names_one_group(heading: str, codes: tuple[str, ...], changes: tuple[str, ...],
                                     carrier: Profile, nested: bool) -> None:
    text = _text(heading, codes, changes, nested=nested)
    assert verdict(text, carrier) == "eligible"  # the second group is this patient's way in
    # The codes read as the same list with its kind word written out (a bracket after the code left out: after a
    # kind word it is read otherwise).
    written = _text(heading, tuple(code.split(" (")[0] for code in codes), changes, word="Cohort ",
                    nested=nested)
    for profile in (carrier, NO_DRIVER, UNTESTED):
        assert verdict(text, profile) == verdict(written, profile)


def test_a_catch_all_group_lets_others_in() -> None:
    # "S4 (non-match): patients not assigned to S1-S3": a group with no marker rule of its own.
    text = _text("Sub-study assignment:", ("S1", "S2", "S3", "S4 (non-match)"),
                 ("FGFR1-3 fusion", "PIK3CA activating mutation", "MET exon 14 skipping",
                  "patients not assigned to S1-S3"))
    assert verdict(text, KRAS_G12C) != "excluded"
    assert verdict(text, NO_DRIVER) != "excluded"


@pytest.mark.parametrize("opening", ["T790M: permitted if acquired", "G12C: confirmed centrally", "V600E: excluded",
                                     "Q3W: dosing in Part B", "s1: lower case is no code", "L858R: allowed"])
def test_a_change_or_word_with_a_colon_is_no_code(opening: str) -> None:
    assert label_at_start(opening) is None


def test_a_code_with_its_gene_in_brackets_is_one_group() -> None:
    text = _text("Molecular strata:", ("C1 (HER2)", "C2 (ALK)"), ("HER2 activating mutation", "ALK fusion"))
    assert verdict(text, ALK) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"  # neither group's change


def test_a_bullet_list_without_codes_still_binds_together() -> None:
    # Near-miss: unlabelled bullets under a heading line stay rules on every patient.
    text = ("Inclusion Criteria:\n\n* Stage IV NSCLC\n\nTumour molecular findings:\n\n- documented RET fusion\n"
            "- no prior selective RET inhibitor\n\nExclusion Criteria:\n\n* Pregnancy\n")
    assert verdict(text, RET) == "eligible"
    assert verdict(text, patient("KRAS:G12C")) == "excluded"
