"""A basket trial lists the tumour types it takes plus "any other solid tumour with <marker>" ("Endometrial cancer;
cholangiocarcinoma; any other solid tumour with documented FGFR2 fusion", "pancreatic cancer, or other solid tumours
harbouring an NRG1 fusion"). Where the trial names no lung cancer as one of its own diseases, that item is an NSCLC
patient's only way in, so its marker is the patient's requirement: a marker no profile reports is `unknown` for
everyone, a known gene decides as usual (a carrier eligible). Before, the words "other solid tumours" read the whole
sentence as another cancer's way in (no rule: everyone eligible), and a part labelled twice ("Phase 1 (Dose
Escalation), XY-101 monotherapy:" over the list, "Phase 1:" on a later bullet) opened a second, rule-free Phase 1.
An aside sparing cancers ("other solid tumours (excluding breast and gastric cancer) with HER2 amplification") names
who is not meant, no other cancer's rule.

Near-misses keep their verdict: the list names NSCLC itself (the marker is then the other tumours' rule), the title
or conditions name lung cancer, "non-lung tumours", "other tumours" with no marker after the words, and "other solid
tumours" in an exclusion (a history of other cancers).

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, NRG1, UNTESTED, exc, inc, patient, verdict

BASKET = "A phase 1/2 study of XY-101 in advanced solid tumours"
FGFR2 = patient("FGFR2:fusion")
EVERYONE = (NO_DRIVER, UNTESTED, EGFR_19, KRAS_G12C, ALK)

UNREPORTED = [
    inc("Histologically confirmed advanced tumour of one of the following types:",
        "Urothelial carcinoma after platinum", "Any other solid tumour with documented CCNE1 amplification"),
    inc("Mesothelioma, glioblastoma, or any other solid tumor with homozygous MTAP deletion (MTAP loss) by NGS or IHC"),
    inc("Dose Expansion: patients must have one of:", "Mesothelioma", "Glioblastoma",
        "Any other advanced solid tumour with loss of MTAP protein on immunohistochemistry"),
    inc("Solid tumours such as ovarian or endometrial cancer, or any other solid tumour with a biallelic CDK12 "
        "alteration"),
    inc("Part A (dose escalation), AB-12 monotherapy: metastatic solid tumour of one of the following types:",
        "Breast cancer that progressed on a CDK4/6 inhibitor", "Endometrial cancer",
        "Any other solid tumour with documented CCNE1 amplification by local testing",
        "Part A: relapsed after, or intolerant of, standard therapy",
        "Part B and Part C: breast cancer only"),
    inc("Age 18 years or older", "Phase 1 (Dose Escalation), XY-101 combination: one of the following:",
        "Cholangiocarcinoma (iCCA)",
        "Other solid tumours harbouring an FGFR2 fusion or rearrangement (FGFR2-r)",
        "Phase 1: no standard therapy left"),
    inc("Age 18 or older", "Advanced solid tumours, including cholangiocarcinoma (CCA), urothelial carcinoma (UC) and "
        "other solid tumours with FGFR2 alterations (fusion, rearrangement or amplification)"),
    inc("Advanced cancer of one of these types: mesothelioma (MPM), glioblastoma (GBM), or other solid tumours with "
        "MTAP-deleted status (MTAP loss)"),
    inc("Age 18 or older", "Expansion Cohort 3: other solid tumors (excluding breast and gastric cancer) with HER2 "
        "amplification by ISH", "Expansion Cohort 1: HER2-positive breast cancer",
        "Expansion Cohort 2: HER2-positive gastric cancer"),
]


@pytest.mark.parametrize("criteria", UNREPORTED)
def test_the_other_tumours_marker_binds_an_nsclc_patient(criteria: str) -> None:
    for profile in EVERYONE:
        assert verdict(criteria, profile, BASKET) == "unknown", (criteria, profile)


@pytest.mark.parametrize("criteria", [
    inc("Pancreatic cancer, cholangiocarcinoma, or other solid tumors harboring an NRG1 gene fusion"),
    inc("Advanced solid tumour: gastric cancer (HER2-positive) or any other solid tumour with an NRG1 fusion [NRG1+] "
        "by RNA sequencing"),
])
def test_a_known_gene_decides_as_usual(criteria: str) -> None:
    assert verdict(criteria, NRG1, BASKET) == "eligible"
    assert verdict(criteria, UNTESTED, BASKET) == "unknown"
    assert verdict(criteria, EGFR_19, BASKET) != "eligible"


@pytest.mark.parametrize("criteria", [
    # NSCLC is a listed type of its own: the marker is the other tumours' rule.
    inc("Phase 1 (Dose Escalation), AB-12 monotherapy: metastatic solid tumour of one of the following types:",
        "Breast cancer", "Non-small cell lung cancer",
        "Any other solid tumour with documented CCNE1 amplification by local testing",
        "Phase 1: relapsed after standard therapy"),
    inc("Cohort 1: urothelial carcinoma or NSCLC", "Cohort 2: other solid tumours with an FGFR2 fusion"),
    # No marker after "other tumours".
    inc("Breast cancer, endometrial cancer or other solid tumours refractory to standard therapy"),
])
def test_near_misses_set_no_rule_for_nsclc(criteria: str) -> None:
    assert verdict(criteria, NO_DRIVER, BASKET) == "eligible"


def test_a_lung_title_keeps_other_tumours_for_other_cancers() -> None:
    criteria = inc("Cohort 1: adenocarcinoma of the lung", "Cohort 2: any other solid tumour with an FGFR2 fusion")
    assert verdict(criteria, NO_DRIVER, "XY-101 in NSCLC and other solid tumours") == "eligible"
    assert verdict(criteria, FGFR2, "XY-101 in NSCLC and other solid tumours") == "eligible"


def test_an_exclusion_of_other_tumours_is_no_requirement() -> None:
    criteria = inc("Any advanced solid tumour") + "\n\n" + exc(
        "History of other solid tumours with BRCA1 mutation within 3 years")
    assert verdict(criteria, NO_DRIVER, BASKET) == "eligible"
