"""A requirement that the tumour takes up a targeted tracer on imaging, the target named only inside the tracer's
name ("Positive uptake on 68Ga-FAP-2286 PET", "avid on FAPI-46 PET", "uptake on 64Cu-DOTATATE PET/CT"). The
imaging-uptake reading already made "PSMA uptake on PET" a question (a marker no profile reports), but a target
written with a radionuclide before it or a compound number after it was refused by the gene shape (hyphens), so the
sentence set no rule and the trial took everyone. Now the tracer's target is read: `unknown` for every profile,
never `excluded`.

Near-misses keep their verdict: FDG and other tracers of metabolism (no target), a radioligand named as a prior
treatment among exclusions, imaging without uptake, a tracer named in lower case only (an antibody name).

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, UNTESTED, exc, inc, verdict

from trialmatch.criteria.rules.biomarker.unknown_genes import unknown_marker_asked

ASKED = [
    ("Positive tumour uptake on 68Ga-FAP-2286 PET, per central imaging review", "FAP"),
    ("PSMA-expressing disease with uptake on [68Ga]Ga-PSMA-11 PET greater than liver", "PSMA"),
    ("Tumour uptake on 64Cu-DOTATATE PET/CT at least equal to normal liver in all target lesions", "DOTATATE"),
    ("At least one measurable lesion avid on FAPI-46 PET (SUVmax of 10 or more)", "FAPI"),
    ("Somatostatin receptor-positive disease: uptake on 68Ga-DOTATOC scan", "DOTATOC"),
    ("Lesions must show uptake on 18F-DCFPyL imaging above blood pool", "DCFPyL"),
    ("Target lesion avid on a CXCR4-directed scan (68Ga-pentixafor excluded) with [18F]-FAPI-74 PET", "FAPI"),
]


@pytest.mark.parametrize(("sentence", "target"), ASKED)
def test_a_tracer_target_asked_for_is_a_question(sentence: str, target: str) -> None:
    found = unknown_marker_asked(sentence)
    assert found is not None and target in found
    for profile in (NO_DRIVER, UNTESTED, EGFR_19, KRAS_G12C, ALK):
        assert verdict(inc(sentence), profile) == "unknown", (sentence, profile)


@pytest.mark.parametrize("sentence", [
    "At least one FDG-avid lesion on 18F-FDG PET/CT",
    "Baseline 18F-FDG PET scan showing uptake in at least one lesion",
    "Uptake on 18F-FLT PET is measured at baseline and week 6",
    "Measurable disease on CT scan per RECIST 1.1",
    "Measurable disease with uptake on 89Zr-girentuximab PET imaging",
])
def test_near_misses_ask_nothing(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Prior 177Lu-PSMA-617 therapy",
    "Previous treatment with a radiopharmaceutical (e.g. 177Lu-DOTATATE, 223Ra)",
])
def test_a_radioligand_among_exclusions_is_no_marker(sentence: str) -> None:
    assert verdict(inc("ECOG 0-1") + "\n\n" + exc(sentence), NO_DRIVER) == "eligible"
