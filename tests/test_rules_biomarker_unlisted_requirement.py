"""Kind 9 (synthK/L): an inclusion that asks for a tumour finding outside the engine's vocabulary (a genomic
signature such as MSI-H, TMB-high or gLOH, a harmful BRCA change, a surface protein by IHC) is a question for every
profile ("ask your doctor"), never "no requirement" and never "excluded": no profile records it.
Near-misses keep their verdict: markers the engine knows, PD-L1, exclusions, sample logistics, tests done later,
permissions.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, UNTESTED, exc, inc, verdict

EVERYONE = [NO_DRIVER, EGFR_19, ALK, KRAS_G12C, UNTESTED]

ASKS = [
    "Tumour must be microsatellite instability-high (MSI-H) as determined by a validated PCR assay",
    "Documented mismatch repair deficient (dMMR) status by immunohistochemistry of MLH1, MSH2, MSH6 and PMS2",
    "TMB-high (at least 10 mutations/megabase) on a tissue NGS panel",
    "Participants must harbour a pathogenic germline or somatic BRCA2 mutation confirmed by next-generation "
    "sequencing",
    "Homologous recombination deficiency (HRD) positive tumour per the central genomic scar assay",
    "Genomic loss of heterozygosity high (LOH >= 14%) by central testing",
    "Tumour with CLDN18.2 positivity (>= 75% of tumour cells with moderate-to-strong membranous staining)",
    "Expression of folate receptor alpha in at least 25% of tumour cells by a central IHC assay",
    "Expression of CEACAM5 at 2+ intensity or more in half of the tumour cells, by central IHC",
    "B7-H3 positive disease on archival tissue (or a fresh biopsy if the archival block is not available)",
]


@pytest.mark.parametrize("text", ASKS)
def test_an_unlisted_finding_asked_for_is_a_question_for_everyone(text: str) -> None:
    for profile in EVERYONE:
        assert verdict(inc(text), profile) == "unknown"


NEAR_MISSES = [
    # Sample logistics and tests done later: no result asked for.
    (inc("Archival tumour tissue must be available for TMB and MSI testing"), "eligible"),
    (inc("MSI status will be collected from the local report where done"), "eligible"),
    (inc("Tumour tissue must be submitted for central HRD analysis"), "eligible"),
    # A permission: carriers may join, nobody must be one.
    (inc("Participants with a known BRCA1 mutation may enrol after discussion with the sponsor"), "eligible"),
    # Not required.
    (inc("TROP2 expression is not required for enrolment"), "eligible"),
    # Among exclusions: never read as a requirement.
    (exc("Known MSI-H or dMMR tumour"), "eligible"),
]


@pytest.mark.parametrize(("text", "expected"), NEAR_MISSES)
def test_sample_test_permission_and_exclusion_keep_their_verdict(text: str, expected: str) -> None:
    assert verdict(text, NO_DRIVER) == expected


def test_a_known_marker_keeps_its_reading() -> None:
    # EGFR is in the vocabulary: carriers pass and non-carriers are shut out, as before.
    text = inc("Documented EGFR exon 19 deletion by a validated PCR assay")
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"


def test_pdl1_keeps_its_reading() -> None:
    text = inc("PD-L1 high (TPS >= 50%) by the 22C3 assay")
    assert verdict(text, NO_DRIVER) == "eligible"


def test_a_signature_in_another_cancers_group_binds_no_lung_patient() -> None:
    # A basket: NSCLC enters group A with no marker rule; the MSI-H rule is group B's, for colorectal cancer.
    text = inc("Patients must have one of the following:",
               "Group A: stage IV non-small cell lung cancer after one prior line",
               "Group B: metastatic colorectal cancer that is MSI-H or dMMR")
    text = text.replace("* Group", "  * Group")
    assert verdict(text, NO_DRIVER) == "eligible"


def test_a_signature_group_that_is_the_only_way_in_is_a_question() -> None:
    text = inc("Patients must have one of the following tumour types:",
               "Cohort 1: small cell lung cancer",
               "Cohort 2: any advanced solid tumour, except colorectal, that is TMB-high by central testing")
    text = text.replace("* Cohort", "  * Cohort")
    assert verdict(text, NO_DRIVER) == "unknown"


@pytest.mark.parametrize("sentence", [
    "Metastatic colorectal cancer that is MSI-H or dMMR, progressing after fluoropyrimidine",
    "Advanced melanoma, NSCLC, renal cell carcinoma or MSI-high solid tumours after standard therapy",
    "TMB-high endometrial carcinoma after one prior platinum regimen",
])
def test_a_signature_that_names_another_cancer_sets_no_lung_requirement(sentence: str) -> None:
    # The signature describes another disease (its group or its list entry), not what a lung tumour must show.
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"
