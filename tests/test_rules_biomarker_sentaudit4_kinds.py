"""Biomarker kinds found by sentence audits of investigator-initiated trials and of a marker-screening platform trial.

- "EGFR and ALK were confirmed to be negative", "... detected as negative", "... proved negative": the verb that would
  say present only leads to the word that says absent (false exclusions of driver-negative patients before).
- "EGFR and ALK status ..., which must be negative": a relative clause says what the tested result must be.
- "EGFR Wild" (no "-type"), in a title or a sentence: wild-type.
- "chemotherapy or EGFR TKI (whom with EGFR mutation)": a marker in brackets on one treatment route is that route's
  condition, not a rule on everyone.
- "c-MET immunohistochemistry positive (H-score >= 150)", "EGFR protein expression by IHC": the protein, which a gene
  test does not settle; IHC for a fusion gene ("ALK-positive by IHC") still stands for the fusion.
- "definite genetic testing results (EGFR/ALK/ROS1)": results asked for, not a change.
- "HER2 mutation other than exon 20 insertions": the exception is HER2's own exon 20 insertion, not EGFR's.

Every sentence and profile is invented. Each kind is tried in several wordings, beside near-miss kinds that must stay
put.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

L858R = patient("EGFR:L858R")
EX20 = patient("EGFR:exon 20 insertion")
T790M_AFTER_TKI = patient("EGFR:exon 19 deletion", "EGFR:T790M", drugs=("gefitinib",), lines=1)
ALK = patient("ALK:EML4-ALK fusion")
ALK_AFTER_ALECTINIB = patient("ALK:EML4-ALK fusion", drugs=("alectinib",), lines=1)
ROS1 = patient("ROS1:CD74-ROS1 fusion")
RET = patient("RET:KIF5B-RET fusion", drugs=("selpercatinib",), lines=1)
KRAS_G12C = patient("KRAS:G12C", drugs=("carboplatin", "pemetrexed", "pembrolizumab"), lines=1)
KRAS_G12D = patient("KRAS:G12D", lines=0)
BRAF_V600E = patient("BRAF:V600E")
MET_AMP = patient("MET:amplification")
MET_EX14 = patient("MET:exon 14 skipping", drugs=("capmatinib",), lines=1)
HER2_EX20 = patient("ERBB2:exon 20 insertion")
HER2_POINT = patient("ERBB2:S310F")
HER2_AMP = patient("ERBB2:amplification")
NRG1 = patient("NRG1:CD74-NRG1 fusion", negative=["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2"])
NO_DRIVER = patient(pdl1=80.0)
SQUAMOUS = patient(histology="squamous", drugs=("carboplatin", "paclitaxel", "pembrolizumab"), lines=1)
UNTESTED = patient(negative=[])

DRIVER_NEGATIVE = (NO_DRIVER, KRAS_G12C, KRAS_G12D, MET_AMP, SQUAMOUS, NRG1)


# ---- kind 1: "confirmed / detected (to be / as) negative" -----------------------------------------------------------

EGFR_ALK_CONFIRMED_NEGATIVE = [
    "EGFR mutation and ALK translocation status were confirmed to be negative at any time after the initial diagnosis.",
    "EGFR mutation and alk translocation status were confirmed to be negative.",
    "EGFR and ALK confirmed negative.",
    "EGFR and ALK were confirmed to be negative.",
    "Driver genes (EGFR, ALK) were confirmed to be negative.",
    "EGFR gene mutation and ALK fusion gene status detected as negative by NGS.",
    "EGFR mutation and ALK rearrangement status must be confirmed negative by tissue or blood testing.",
    "The EGFR gene mutation and ALK fusion gene status of the tumor tissue was proved negative.",
    "EGFR and ALK were both verified to be negative.",
]


@pytest.mark.parametrize("sentence", EGFR_ALK_CONFIRMED_NEGATIVE)
def test_confirmed_negative_spares_driver_negative_patients(sentence: str) -> None:
    for profile in DRIVER_NEGATIVE:
        assert verdict(inc(sentence), profile) == "eligible", profile
    for profile in (L858R, EX20, T790M_AFTER_TKI, ALK, ALK_AFTER_ALECTINIB):
        assert verdict(inc(sentence), profile) == "excluded", profile
    assert verdict(inc(sentence), UNTESTED) == "unknown"


@pytest.mark.parametrize("sentence", [
    "EGFR, ALK and ROS1 were all confirmed as negative by NGS.",
    "EGFR, ALK and ROS1 status were detected as negative.",
    "Confirmed negative for EGFR, ALK and ROS1 by an accredited laboratory.",
])
def test_three_genes_confirmed_negative(sentence: str) -> None:
    for profile in (L858R, ALK, ROS1):
        assert verdict(inc(sentence), profile) == "excluded", profile
    for profile in (NO_DRIVER, KRAS_G12C, RET, BRAF_V600E):
        assert verdict(inc(sentence), profile) == "eligible", profile


@pytest.mark.parametrize("sentence", [
    "ROS1 fusion and BRAF V600E mutation status were detected as negative.",
    "ROS1 and BRAF V600E were confirmed to be negative by PCR.",
])
def test_other_genes_confirmed_negative(sentence: str) -> None:
    assert verdict(inc(sentence), ROS1) == "excluded"
    assert verdict(inc(sentence), BRAF_V600E) == "excluded"
    for profile in (NO_DRIVER, L858R, ALK, KRAS_G12C):
        assert verdict(inc(sentence), profile) == "eligible", profile


@pytest.mark.parametrize("sentence", [
    "KRAS G12C mutation status was confirmed to be positive by a validated test.",
    "KRAS G12C mutation confirmed by central testing.",
    "Confirmed KRAS G12C mutation.",
    "KRAS G12C detected as positive in tissue or plasma.",
])
def test_near_miss_confirmed_positive_still_requires(sentence: str) -> None:
    assert verdict(inc(sentence), KRAS_G12C) == "eligible"
    for profile in (NO_DRIVER, KRAS_G12D, L858R):
        assert verdict(inc(sentence), profile) == "excluded", profile


@pytest.mark.parametrize("sentence", [
    "EGFR and ALK are negative.",
    "Tested negative for EGFR and ALK.",
    "EGFR and ALK detection results were negative.",
])
def test_near_miss_plain_negative_unchanged(sentence: str) -> None:
    assert verdict(inc(sentence), L858R) == "excluded"
    assert verdict(inc(sentence), ALK) == "excluded"
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"


def test_near_miss_one_gene_detected_another_negative() -> None:
    sentence = "EGFR mutation detected, ALK negative."
    assert verdict(inc(sentence), L858R) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"


def test_lower_case_alk_in_a_liver_test_is_not_a_gene() -> None:
    assert verdict(inc("Alk phos <= 2.5 x ULN."), ALK) == "eligible"
    assert verdict(inc("alk phosphatase within normal limits."), ALK) == "eligible"


# ---- kind 2: "status ..., which must be negative" ------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Study sites must be able to provide documentation of EGFR mutation and ALK fusion status of subjects which must "
    "be negative.",
    "EGFR/ALK gene test results, which should be negative, must be provided before enrollment.",
    "Documentation of EGFR and ALK status is required, which must be negative.",
    "Results of EGFR and ALK testing must be available, which should be negative.",
])
def test_status_which_must_be_negative(sentence: str) -> None:
    for profile in (L858R, ALK):
        assert verdict(inc(sentence), profile) == "excluded", profile
    for profile in (NO_DRIVER, KRAS_G12C, SQUAMOUS):
        assert verdict(inc(sentence), profile) == "eligible", profile


@pytest.mark.parametrize("sentence", [
    "EGFR and ALK status is required, which may be positive or negative.",
    "EGFR and ALK status must be known.",
    "EGFR and ALK status must be known, which must be positive.",
])
def test_near_miss_status_without_a_negative_result(sentence: str) -> None:
    for profile in (L858R, ALK, NO_DRIVER):
        assert verdict(inc(sentence), profile) != "excluded", profile


# ---- kind 3: "EGFR Wild" -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("title", [
    "Pemetrexed/Cisplatin Intercalating Gefitinib Treating EGFR Wild NSCLC",
    "Pemetrexed Plus Bevacizumab Maintenance in EGFR Wild Advanced Lung Adenocarcinoma",
    "Chemotherapy in EGFR-Wild Non-squamous NSCLC",
])
def test_egfr_wild_title(title: str) -> None:
    criteria = inc("Stage IV non-small cell lung cancer.")
    for profile in (NO_DRIVER, KRAS_G12C, ALK):
        assert verdict(criteria, profile, title) == "eligible", profile
    for profile in (L858R, T790M_AFTER_TKI):
        assert verdict(criteria, profile, title) == "excluded", profile


@pytest.mark.parametrize("sentence", [
    "Patients with EGFR wild non-small cell lung cancer confirmed by ARMS.",
    "EGFR wild and ALK wild advanced NSCLC.",
    "EGFR Wild, ALK Wild advanced lung adenocarcinoma.",
])
def test_egfr_wild_sentence(sentence: str) -> None:
    assert verdict(inc(sentence), L858R) == "excluded"
    for profile in (NO_DRIVER, KRAS_G12C):
        assert verdict(inc(sentence), profile) == "eligible", profile


def test_alk_wild_title() -> None:
    title = "Anlotinib Plus Docetaxel in ALK Wild Advanced NSCLC"
    criteria = inc("Stage IV non-small cell lung cancer.")
    assert verdict(criteria, ALK, title) == "excluded"
    assert verdict(criteria, NO_DRIVER, title) == "eligible"
    assert verdict(criteria, L858R, title) == "eligible"


def test_near_miss_wild_type_and_wild_words() -> None:
    assert verdict(inc("Patients with EGFR wild-type non-small cell lung cancer."), L858R) == "excluded"
    assert verdict(inc("Patients with EGFR wild-type non-small cell lung cancer."), NO_DRIVER) == "eligible"
    criteria = inc("Stage IV non-small cell lung cancer.")
    assert verdict(criteria, L858R, "Wild Ginseng Extract in Advanced NSCLC") == "eligible"


# ---- kind 4: a marker in brackets on one treatment route -----------------------------------------------------------

ROUTE_CONDITIONS = [
    "Previously received one line of chemotherapy, EGFR TKI or ALK inhibitor (whom with EGFR or ALK mutation but not "
    "with T790M positive) treatment before participating.",
    "Previously received chemotherapy or EGFR-TKI (whom with EGFR sensitive mutation) and progressed.",
    "Progressed after one line of platinum-based chemotherapy or ALK inhibitor (in patients with ALK rearrangement).",
    "Progression after first-line chemotherapy, or after EGFR-TKI (only patients harboring EGFR mutation).",
    "Prior treatment with platinum chemotherapy or crizotinib (for patients with ALK fusion), with progression.",
    "Failure of chemotherapy or osimertinib (in those harbouring EGFR T790M).",
    "Disease progression on docetaxel, or on a RET inhibitor (only for subjects whose tumours have a RET fusion).",
]


@pytest.mark.parametrize("sentence", ROUTE_CONDITIONS)
def test_marker_condition_on_one_treatment_route_binds_no_one(sentence: str) -> None:
    for profile in (NO_DRIVER, KRAS_G12C, SQUAMOUS, MET_AMP, L858R, ALK_AFTER_ALECTINIB):
        assert verdict(inc(sentence), profile) == "eligible", profile


def test_target_in_brackets_after_an_inhibitor_is_no_marker_rule() -> None:
    sentence = "A prior epidermal growth factor receptor tyrosine kinase inhibitor (EGFR-TK) antagonist is allowed."
    assert verdict(inc(sentence), KRAS_G12C) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Non-squamous NSCLC (patients with EGFR mutation).",
    "Stage IV NSCLC (with EGFR exon 19 deletion or L858R).",
    "Advanced NSCLC with EGFR mutation, previously treated with osimertinib.",
])
def test_near_miss_bracket_on_the_disease_still_requires(sentence: str) -> None:
    assert verdict(inc(sentence), L858R) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"


def test_near_miss_examples_of_who_suits_targeted_therapy_still_exclude() -> None:
    sentence = "Patients suitable for first-line targeted therapy (e.g. EGFR mutation, ALK or ROS1 fusion)."
    assert verdict(exc(sentence), patient("EGFR:L858R", lines=0)) == "excluded"
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"


# ---- kind 5: protein by immunohistochemistry -----------------------------------------------------------------------

PROTEIN_BY_IHC = [
    "c-Met Immunohistochemistry IHC positive based on a validated assay (H score >= 150).",
    "MET immunohistochemistry positive (H-score >= 150) by central laboratory.",
    "Tumour c-MET immunohistochemistry H-score of 150 or higher on archival tissue.",
    "EGFR protein expression detected by immunohistochemistry (H-score >= 200).",
    "EGFR protein expression detected by IHC (H-score >= 200).",
    "EGFR H-score of at least 200 by immunohistochemistry.",
    "KRAS protein expression by immunohistochemistry.",
]


@pytest.mark.parametrize("sentence", PROTEIN_BY_IHC)
def test_protein_by_ihc_is_not_settled_by_a_gene_test(sentence: str) -> None:
    for profile in (SQUAMOUS, NO_DRIVER, KRAS_G12C, L858R, MET_AMP, MET_EX14):
        assert verdict(inc(sentence), profile) == "unknown", profile


@pytest.mark.parametrize("sentence", [
    "ALK-positive by immunohistochemistry (Ventana D5F3 assay).",
    "ALK fusion confirmed by IHC or FISH.",
    "ALK IHC positive.",
])
def test_near_miss_ihc_for_a_fusion_gene_is_the_fusion(sentence: str) -> None:
    assert verdict(inc(sentence), ALK) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"


@pytest.mark.parametrize("sentence", [
    "EGFR mutation detected by PCR or IHC.",
    "MET exon 14 skipping mutation or MET amplification by NGS or IHC.",
    "MET amplification (gene copy number >= 10) by NGS.",
])
def test_near_miss_ihc_as_the_method_for_a_gene_change(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"
    assert verdict(inc(sentence), SQUAMOUS) == "excluded"


def test_near_miss_overexpression_stays_a_question() -> None:
    sentence = "c-Met protein overexpression (IHC 3+ in at least 50% of tumour cells)."
    for profile in (SQUAMOUS, MET_AMP, NO_DRIVER):
        assert verdict(inc(sentence), profile) == "unknown", profile


# ---- kind 6: results asked for -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "With definitely genetic testing results (EGFR/ALK/ROS1).",
    "Definite gene detection results (EGFR, ALK, ROS1) are required.",
    "Patients with genetic test results: EGFR, ALK.",
    "Genetic test results for EGFR/ALK/ROS1 are available.",
])
def test_results_asked_for_are_no_marker_rule(sentence: str) -> None:
    for profile in (NO_DRIVER, KRAS_G12C, L858R, ALK, ROS1):
        assert verdict(inc(sentence), profile) == "eligible", profile


@pytest.mark.parametrize("sentence", [
    "Molecular testing results showing EGFR mutation.",
    "Test results (EGFR mutation positive).",
    "NGS testing: EGFR L858R or exon 19 deletion.",
])
def test_near_miss_results_that_name_a_finding_still_require(sentence: str) -> None:
    assert verdict(inc(sentence), L858R) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"


# ---- kind 7: an exception that several genes may carry -------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "HER2-mutant NSCLC other than exon 20 insertions.",
    "ERBB2-mutant NSCLC other than exon 20 insertions.",
    "HER2 mutation other than exon 20 insertion.",
    "Activating HER2 mutation, other than exon 20 insertions.",
])
def test_her2_exception_is_her2s_own(sentence: str) -> None:
    # A HER2 change the vocabulary cannot place may be an exon 20 insertion: a question, never an exclusion.
    assert verdict(inc(sentence), HER2_POINT) == "unknown"
    assert verdict(inc(sentence), HER2_EX20) == "excluded"
    for profile in (EX20, L858R, NO_DRIVER):
        assert verdict(inc(sentence), profile) == "excluded", profile


def test_near_miss_egfr_exception_unchanged() -> None:
    sentence = "EGFR-mutant NSCLC other than exon 20 insertions."
    assert verdict(inc(sentence), L858R) == "eligible"
    assert verdict(inc(sentence), EX20) == "excluded"
    assert verdict(inc(sentence), HER2_EX20) == "excluded"
