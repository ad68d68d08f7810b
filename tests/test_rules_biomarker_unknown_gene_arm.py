"""An arm or cohort whose way in is a change of a gene the vocabulary does not know ("Arm C: SMO or PTCH1 mutation").
Before, no rule was read from it, so that group had no marker rule and took every patient: the trial's other arms
(KRAS G12C, BRAF V600E) stopped binding anyone. A patient without the other arms' markers may join only if the
tumour has the unknown change, which no profile lists: `unknown`, never `excluded`, never `eligible`.

Near-misses: an arm named by a known gene keeps its rule; capitalised words that are no gene (NSCLC, ECOG, TKI) add
nothing.

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
    KRAS_G12D,
    NO_DRIVER,
    RET,
    inc,
    verdict,
)

from trialmatch.criteria.rules.biomarker.unknown_genes import unknown_gene_asked
from trialmatch.matching.profile import Profile

# (criteria bullets, a carrier of a known arm's marker)
CASES = [
    (("Arm A: KRAS G12C mutation", "Arm B: BRAF V600E mutation", "Arm C: SMO or PTCH1 mutation"), KRAS_G12C),
    (("Cohort 1: EGFR exon 20 insertion", "Cohort 2: HER2 exon 20 insertion", "Cohort 3: NF1 loss-of-function "
      "mutation"), HER2_EX20),
    (("Cohort A: RET fusion", "Cohort B: NOTCH1 or FBXW7 alteration"), RET),
    (("Part 1: BRAF V600E", "Part 2: ARID1A deletion"), BRAF_V600E),
    (("Arm 1: ALK rearrangement", "Arm 2: SMARCA4 inactivating mutation"), ALK),
    (("Group A: EGFR exon 20 insertion", "Group B: CDKN2A loss"), EGFR_EX20),
]


@pytest.mark.parametrize(("bullets", "carrier"), CASES)
def test_an_arm_of_an_unknown_gene_is_a_question(bullets: tuple[str, ...], carrier: Profile) -> None:
    text = inc(*bullets)
    assert verdict(text, carrier) == "eligible"
    for profile in (NO_DRIVER, KRAS_G12D, EGFR_19):
        if profile is not carrier:
            assert verdict(text, profile) == "unknown", profile


@pytest.mark.parametrize("sentence", [
    # Near-misses: a known gene, capitalised words that are no gene, no change word.
    "Arm B: KRAS G12C mutation",
    "Cohort 2: NSCLC with TKI resistance mutation",
    "Part 2: ECOG 0-1 and measurable disease",
    "Cohort 3: PIK3CA activating mutation",
    "Arm C: FGFR2/FGFR3 fusion",
    "Arm D: patients with CNS metastases",
])
def test_no_unknown_gene_is_read(sentence: str) -> None:
    assert unknown_gene_asked(sentence) is None


def test_an_unlabelled_sentence_is_a_question_too() -> None:
    # Round 2 (test_rules_biomarker_unknown_marker_required.py): a trial-wide requirement is the same question.
    text = inc("SMO or PTCH1 mutation")
    assert verdict(text, NO_DRIVER) == "unknown"


def test_known_arms_alone_keep_their_bars() -> None:
    text = inc("Arm A: KRAS G12C mutation", "Arm B: BRAF V600E mutation")
    assert verdict(text, KRAS_G12D) == "excluded"
    assert verdict(text, BRAF_V600E) == "eligible"
