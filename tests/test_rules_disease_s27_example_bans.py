"""Disease: a basket's list of histologies NOT taken, given as examples ("e.g.", "i.e.", "such as", "incl.").

"Common histologies are not eligible, e.g. NSCLC, breast, colorectal": before, the clause was cut at the full stop of
"e.g." and the list after it read as nothing (eligible). The abbreviations the shared splitter knows
(text.ABBREVIATIONS) no longer end a clause, and the example words may open the list after the shut-out words, inside
the lead noun's brackets, or between the lead noun and the list. Lists that leave NSCLC out, lists that are allowed,
and history rules keep their verdict.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile


def verdict(inclusion: str, exclusion: str = "Pregnancy or breast-feeding",
            title: str = "A first-in-human study of ABC-123 in rare solid tumours") -> str:
    text = invented_trial(f"* {inclusion}\n", f"* {exclusion}\n", title=title, conditions=("Solid Tumor",))
    return str(disease.check(disease.parse(text), Profile(histology="adenocarcinoma", stage="IV")).verdict)


BANNED = [
    "Rare solid tumour. Common histologies are not eligible, e.g. NSCLC, breast, colorectal, prostate",
    "Rare cancers only; common tumour types are excluded, i.e. non-small cell lung cancer, breast and colorectal",
    "Advanced rare tumour. Common histologies such as NSCLC, breast or prostate cancer are not eligible",
    "Rare tumour type (common histologies are not eligible, incl. lung, breast, colorectal)",
    "Ultra-rare malignancy. Common tumour types are ineligible: e.g. lung, prostate and/or breast cancer",
    "Rare solid tumor. Common histologies (e.g. NSCLC, ovarian, colorectal) are not eligible",
    "Orphan solid tumour; common cancers excluded, for instance non-small cell lung cancer or melanoma",
]


@pytest.mark.parametrize("inclusion", BANNED)
def test_examples_of_banned_histologies_exclude(inclusion: str) -> None:
    assert verdict(inclusion) == "excluded"


KEPT = [
    # The examples leave NSCLC out: nothing said about it.
    "Rare solid tumour. Common histologies are not eligible, e.g. breast, colorectal, prostate",
    # Examples of what is taken.
    "Rare solid tumour. Common histologies are eligible, e.g. NSCLC, breast",
    "Any solid tumour, e.g. sarcoma or NSCLC",
]


@pytest.mark.parametrize("inclusion", KEPT)
def test_examples_not_banning_nsclc_stay_eligible(inclusion: str) -> None:
    assert verdict(inclusion) == "eligible"


def test_history_examples_are_not_a_ban() -> None:
    exclusion = "History of another malignancy within 3 years, e.g. NSCLC, breast or colorectal cancer"
    assert verdict("Advanced solid tumour refractory to standard therapy", exclusion) == "eligible"
