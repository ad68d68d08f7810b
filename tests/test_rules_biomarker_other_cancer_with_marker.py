"""A list of tumour types, each with its own change ("HR+/HER2- breast cancer with PIK3CA mutation, KRAS-mutant
colorectal cancer, or KRAS-mutant NSCLC"): the change named after another cancer and its "with" / "harbouring" is that
cancer's way in, not an NSCLC patient's. Before, "breast cancer with PIK3CA mutation" was read as one more way in for
everyone, so a lung patient without the lung item's change (PIK3CA untested) was a question instead of excluded, and a
lung patient with the other cancer's change was let in.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_EX20,
    HER2_EX20,
    KRAS_G12C,
    NO_DRIVER,
    UNTESTED,
    inc,
    patient,
    verdict,
)

from trialmatch.matching.profile import Profile

# (sentence, the lung item's carrier, a lung patient without it)
CASES = [
    ("Advanced HR+/HER2- breast cancer with PIK3CA mutation, KRAS-mutant colorectal "
     "cancer, or KRAS-mutant NSCLC", KRAS_G12C, ALK),
    ("Colorectal carcinoma harbouring a BRAF V600E mutation, or NSCLC with KRAS G12C",
     KRAS_G12C, BRAF_V600E),
    ("Ovarian cancer (HGSOC) carrying a PIK3CA hotspot mutation; melanoma; or non-small cell lung cancer with EGFR "
     "exon 20 insertion", EGFR_EX20, NO_DRIVER),
    ("Tumour types: gastric cancer with HER2 amplification (IHC 3+), pancreatic cancer with KRAS G12C mutation, or "
     "lung adenocarcinoma harboring HER2 exon 20 insertion", HER2_EX20, KRAS_G12C),
    ("Patients must have metastatic colorectal cancer with BRAF V600E, or metastatic NSCLC (non-small cell lung "
     "cancer) with KRAS G12C mutation", KRAS_G12C, BRAF_V600E),
    ("Endometrial cancer whose tumours have a PIK3CA mutation, or NSCLC with a documented ALK fusion",
     ALK, NO_DRIVER),
]


@pytest.mark.parametrize(("bullet", "carrier", "other"), CASES)
def test_another_cancers_change_is_no_way_in_for_lung(bullet: str, carrier: Profile, other: Profile) -> None:
    text = inc(bullet)
    assert verdict(text, carrier) == "eligible"
    assert verdict(text, other) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"


def test_lung_cancer_joined_to_the_other_cancer_shares_its_change() -> None:
    # Near-miss: "NSCLC or breast cancer with HER2 mutation": the change may be asked of both, it stays a way in.
    text = inc("NSCLC or breast cancer with HER2 mutation")
    assert verdict(text, HER2_EX20) == "eligible"


def test_lung_cancer_with_its_own_change_still_binds() -> None:
    # Near-miss: the "with" follows lung cancer's own name.
    text = inc("Breast cancer, or non-small cell lung cancer with PIK3CA mutation")
    assert verdict(text, patient("PIK3CA:mutation")) == "eligible"
    assert verdict(text, KRAS_G12C) != "eligible"
