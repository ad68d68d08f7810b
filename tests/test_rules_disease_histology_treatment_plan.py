"""Disease: a histology exclusion tied to a treatment choice ("Has a tumor with squamous histology and is planned to
receive pemetrexed"). The histology is shut out only together with a plan (a drug, an arm, the investigator's choice)
the profile does not give, and a squamous patient would simply not be planned for that drug: no histology is shut
out. A bare histology exclusion, or one tied to a feature of the tumour, keeps its reading."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile


def verdict(exclusion: str, histology: str = "squamous") -> str:
    text = invented_trial("* Stage IV non-small cell lung cancer\n", f"* {exclusion}\n", title="A study")
    return str(disease.check(disease.parse(text), Profile(histology=histology, stage="IV")).verdict)


PLANNED = [
    "Has a tumor with squamous histology and is planned to receive pemetrexed",
    "Squamous cell carcinoma if the investigator's chosen chemotherapy is pemetrexed",
    "Predominantly squamous NSCLC and assigned to the bevacizumab arm",
    "Squamous histology, for whom treatment with pemetrexed-platinum is intended",
    "Tumours of squamous cell type who will receive pemetrexed maintenance",
    "Squamous non-small cell lung cancer when randomized to the pemetrexed group",
    "Patients with squamous histology that are selected for bevacizumab-containing therapy",
]


@pytest.mark.parametrize("exclusion", PLANNED)
def test_a_histology_tied_to_a_plan_shuts_no_one_out(exclusion: str) -> None:
    assert verdict(exclusion) == "eligible"


NEAR = [
    ("Squamous cell histology", "excluded"),
    ("Tumor with predominantly squamous histology", "excluded"),
    ("Squamous histology and prior pemetrexed", "eligible"),
]


@pytest.mark.parametrize(("exclusion", "expected"), NEAR)
def test_near_misses_keep_their_verdict(exclusion: str, expected: str) -> None:
    assert verdict(exclusion) == expected


def test_adenocarcinoma_is_untouched() -> None:
    assert verdict(PLANNED[0], histology="adenocarcinoma") == "eligible"
