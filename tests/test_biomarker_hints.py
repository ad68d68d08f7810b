"""The cheap looks in front of biomarker rewrites and searches never hide a match of the pattern they stand for."""

from __future__ import annotations

import pytest

from trialmatch.criteria.rules.biomarker import cues
from trialmatch.criteria.rules.prefilter import folded

SENTENCES = [
    "Tumour must overexpress B7-H3 (IHC 2+ or more)",
    "TROP2 expression by IHC, H-score >= 100",
    "trop-2 positive by central testing",
    "FRα-positive tumour; FR-alpha high",
    "FR\u0391 high expression",  # capital alpha
    "1 or 2 EGFR pathway markers positive",
    "Claudin 18.2 positive in >= 75% of tumour cells",
    "NY-ESO-1 and MAGE-A4 expressing tumours",
    "Tissue factor expression",
    "free of liver metastases; tissue available for testing",
    "HER2overexpression, EGFRmutation, ALKfusion, KRASamplification",
    "EGFR sensitive mutations negetive, ALK NEGTIVE, nagative",
    "EGFR negative; mutation-negative",
    "\u212aRAS mutation (Kelvin sign); ROS1 rearrangement",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_unlisted_protein_finder_finds_every_name_the_guarded_pattern_finds(sentence: str) -> None:
    assert cues._PROTEIN_FINDER is not None
    low = folded(sentence)
    if cues._UNLISTED_NAMED.search(sentence) is not None:
        assert "pathway" in low or cues._PROTEIN_FINDER.search(" " + low) is not None


@pytest.mark.parametrize("sentence", SENTENCES)
def test_normalise_hints_hold_wherever_their_rewrite_would_change_the_text(sentence: str) -> None:
    if cues._GLUED_KIND.search(sentence):
        assert cues._GLUED_HINT.search(sentence)
    if cues._NEGATIVE_SLIP.search(sentence):
        assert cues._NEGATIVE_SLIP_HINT.search(folded(sentence))


def test_glued_and_misspelt_words_are_still_rewritten() -> None:
    assert "HER2 overexpression" in cues.normalise("HER2overexpression by IHC")
    assert "negative" in cues.normalise("ALK negtive")
    assert cues.unlisted_marker("Tumour must overexpress B7-H3") == "B7-H3"
    assert cues.unlisted_marker("free of liver metastases") is None
