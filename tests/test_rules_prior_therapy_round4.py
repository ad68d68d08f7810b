"""Prior-therapy kinds from the third probe, each with invented wordings and near misses.

- A clause that leaves treatments out of a line count ("TKIs do not count towards this total", "not counting prior
  EGFR or ALK TKIs", "excluding EGFR/ALK TKIs") neither requires nor bans them; a patient who had them and whose
  raw count is over the limit is a question, not an exclusion.
- "Adjuvant therapy counts as a line if relapse within N months" beside "one prior regimen": a patient with only
  early (adjuvant) treatment is a question.
- A toxicity on a named treatment ("grade >= 3 rash on prior afatinib", "drug-induced ILD on prior EGFR TKI"): a
  question for those who had it, met by those who did not.
- High-dose or myeloablative chemotherapy, chemotherapy with stem cell rescue: not any chemotherapy.
- "(unless contraindicated)", "(unless medically unsuitable)" in brackets after a required treatment: a question for
  patients without it, as the same words outside brackets are.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict


def egfr(prior: list[str], lines: int | None) -> dict[str, Any]:
    return {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}], "prior_therapies": prior,
            "prior_lines": lines}


NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
CHEMO = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}
CHEMO_IO = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
DOCETAXEL = {"prior_therapies": ["carboplatin", "paclitaxel", "nivolumab", "docetaxel"], "prior_lines": 2}
THREE_CHEMO = {"prior_therapies": ["carboplatin", "pemetrexed", "docetaxel", "gemcitabine"], "prior_lines": 3}
OSI = egfr(["osimertinib"], 1)
OSI_CHEMO = egfr(["osimertinib", "carboplatin", "pemetrexed"], 2)
TKI_TKI_CHEMO = egfr(["gefitinib", "osimertinib", "carboplatin", "pemetrexed"], 3)
CRIZOTINIB = {"biomarkers": [{"gene": "ROS1", "alteration": "fusion"}], "prior_therapies": ["crizotinib"],
              "prior_lines": 1}
AFATINIB = {"biomarkers": [{"gene": "EGFR", "alteration": "G719X"}], "prior_therapies": ["afatinib"], "prior_lines": 1}
SOTORASIB = {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}],
             "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "sotorasib"], "prior_lines": 2}
ADJUVANT_ONLY = {"prior_therapies": ["cisplatin", "vinorelbine"], "prior_lines": 0}


# --- not-counted clauses in a line count ----------------------------------------------------------------------

@pytest.mark.parametrize("inclusion", [
    "Received 1 or 2 prior lines of systemic therapy for advanced disease (TKIs do not count towards this total)",
    "Received 1 or 2 prior lines of systemic therapy for advanced disease (EGFR/ALK TKIs do not count towards this "
    "total)",
    "1-2 prior lines of therapy for metastatic disease; EGFR or ALK inhibitors are not counted as lines",
    "Up to 2 prior systemic regimens for advanced NSCLC, not counting prior EGFR tyrosine kinase inhibitors",
])
def test_not_counted_tki_is_no_requirement(inclusion: str) -> None:
    # Patients with 1-2 lines and no TKI fit exactly: the clause asks for no TKI.
    assert prior_verdict(CHEMO_IO, [inclusion]) == "eligible"
    assert prior_verdict(DOCETAXEL, [inclusion]) == "eligible"
    # Over the limit only with the uncounted drugs: a question, never an exclusion.
    assert prior_verdict(TKI_TKI_CHEMO, [inclusion]) == "unknown"


@pytest.mark.parametrize("inclusion", [
    "Received <= 2 prior systemic therapies, not counting prior EGFR or ALK tyrosine kinase inhibitors",
    "No more than 2 prior lines of therapy (excluding EGFR/ALK TKIs)",
])
def test_not_counted_tki_is_no_ban(inclusion: str) -> None:
    assert prior_verdict(CRIZOTINIB, [inclusion]) == "eligible"
    assert prior_verdict(OSI, [inclusion]) == "eligible"
    assert prior_verdict(TKI_TKI_CHEMO, [inclusion]) == "unknown"
    # Without the uncounted drugs the raw count is the count.
    assert prior_verdict(THREE_CHEMO, [inclusion]) == "excluded"


@pytest.mark.parametrize("inclusion", [
    "Up to two prior cytotoxic regimens (prior pembrolizumab does not count toward the line limit)",
    "No more than 2 prior chemotherapy regimens; prior immune checkpoint inhibitors are not counted",
])
def test_not_counted_checkpoint_inhibitor_is_no_requirement(inclusion: str) -> None:
    assert prior_verdict(NAIVE, [inclusion]) == "eligible"
    assert prior_verdict(CHEMO, [inclusion]) == "eligible"
    assert prior_verdict(CHEMO_IO, [inclusion]) == "eligible"


@pytest.mark.parametrize("inclusion", [
    "At least 1 prior line of therapy for advanced disease (EGFR TKIs do not count)",
    "Received one or more prior lines of systemic therapy, not counting prior osimertinib",
])
def test_minimum_met_only_with_uncounted_lines_is_a_question(inclusion: str) -> None:
    assert prior_verdict(OSI, [inclusion]) == "unknown"
    assert prior_verdict(OSI_CHEMO, [inclusion]) == "eligible"
    assert prior_verdict(CHEMO, [inclusion]) == "eligible"
    assert prior_verdict(NAIVE, [inclusion]) == "excluded"


@pytest.mark.parametrize("exclusion", [
    "More than 2 prior lines of systemic therapy (EGFR TKIs do not count towards this total)",
    "Received three or more prior regimens for metastatic disease, not counting EGFR tyrosine kinase inhibitors",
])
def test_not_counted_in_an_exclusion(exclusion: str) -> None:
    assert prior_verdict(OSI, exclusion=[exclusion]) == "eligible"
    assert prior_verdict(OSI_CHEMO, exclusion=[exclusion]) == "eligible"
    assert prior_verdict(TKI_TKI_CHEMO, exclusion=[exclusion]) == "unknown"
    assert prior_verdict(THREE_CHEMO, exclusion=[exclusion]) == "excluded"


@pytest.mark.parametrize("exclusion", [
    # Near misses: no line count, so the clause stays what it was (a ban, an allowance).
    "Prior EGFR TKI",
    "Prior treatment with osimertinib",
])
def test_plain_bans_still_ban(exclusion: str) -> None:
    assert prior_verdict(OSI, exclusion=[exclusion]) == "excluded"
    assert prior_verdict(CHEMO, exclusion=[exclusion]) == "eligible"


ALK_TKIS_CHEMO = {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}],
                  "prior_therapies": ["crizotinib", "lorlatinib", "carboplatin", "pemetrexed"], "prior_lines": 3}


def test_not_counted_names_its_own_class_only() -> None:
    inclusion = "At most two prior regimens for advanced disease (prior ALK or ROS1 TKIs do not count toward this "\
                 "limit)"
    assert prior_verdict(CRIZOTINIB, [inclusion]) == "eligible"
    assert prior_verdict(ALK_TKIS_CHEMO, [inclusion]) == "unknown"
    # EGFR TKIs are counted here: three lines are three lines.
    assert prior_verdict(TKI_TKI_CHEMO, [inclusion]) == "excluded"


# --- adjuvant therapy counted when relapse came early ---------------------------------------------------------

@pytest.mark.parametrize("inclusion", [
    "Progressed on exactly one prior systemic regimen for metastatic disease; adjuvant/neoadjuvant chemotherapy is "
    "considered a line of therapy if disease recurred within 12 months",
    "Patients must have received one prior platinum-based regimen for metastatic disease; patients who relapsed "
    "within 6 months of adjuvant platinum chemotherapy are eligible",
    "Progression after one prior platinum-based regimen for advanced disease; progression within 6 months of "
    "adjuvant or neoadjuvant platinum chemotherapy also qualifies",
    "Second-line setting: one prior platinum-containing regimen (adjuvant therapy counts if relapse < 12 months)",
    "One prior line of platinum doublet for stage IV disease. Recurrence less than 6 months after perioperative "
    "chemotherapy counts as that line.",
])
def test_early_relapse_after_adjuvant_is_a_question(inclusion: str) -> None:
    assert prior_verdict(ADJUVANT_ONLY, [inclusion]) == "unknown"
    assert prior_verdict(NAIVE, [inclusion]) == "excluded"
    assert prior_verdict(CHEMO, [inclusion]) != "excluded"


@pytest.mark.parametrize("inclusion", [
    # Near misses: no early-relapse clause, so only treatment for metastatic disease counts.
    "Patients must have received one prior platinum-based regimen for metastatic disease",
    "Progression after one prior platinum-based regimen for advanced disease",
])
def test_without_the_clause_adjuvant_only_stays_excluded(inclusion: str) -> None:
    assert prior_verdict(ADJUVANT_ONLY, [inclusion]) == "excluded"
    assert prior_verdict(CHEMO, [inclusion]) == "eligible"


# --- toxicity on a named treatment ----------------------------------------------------------------------------

@pytest.mark.parametrize(("exclusion", "had"), [
    ("Patients who experienced grade >= 3 rash on prior afatinib", AFATINIB),
    ("Drug-induced interstitial lung disease on prior EGFR TKI", OSI),
    ("Patients with EGFR mutation who developed ILD on prior osimertinib", OSI),
    ("Grade 4 diarrhoea during previous treatment with afatinib", AFATINIB),
])
def test_toxicity_on_a_drug_is_a_question(exclusion: str, had: dict[str, Any]) -> None:
    assert prior_verdict(had, exclusion=[exclusion]) == "unknown"
    assert prior_verdict(CHEMO, exclusion=[exclusion]) == "eligible"
    assert prior_verdict(NAIVE, exclusion=[exclusion]) == "eligible"


@pytest.mark.parametrize("exclusion", [
    "EGFR-mutant patients who were intolerant to osimertinib",
    "Patients with KRAS G12C mutation who had hepatitis on prior sotorasib",
    "Grade >= 3 immune-related adverse event on prior PD-1 therapy",
    "History of severe hepatotoxicity attributed to sotorasib",
    "Osimertinib-related interstitial lung disease",
    "EGFR TKI-induced interstitial lung disease",
])
def test_toxicity_never_excludes(exclusion: str) -> None:
    for had in (OSI, SOTORASIB, CHEMO_IO, AFATINIB):
        assert prior_verdict(had, exclusion=[exclusion]) != "excluded"


@pytest.mark.parametrize("exclusion", [
    # Near misses: having had the drug, or the toxicity after the drug's own ban.
    "Patients who received prior afatinib",
    "Prior afatinib; grade 3 rash must have resolved",
    "Prior afatinib treatment (patients with rash are also excluded)",
])
def test_having_had_the_drug_still_bans(exclusion: str) -> None:
    assert prior_verdict(AFATINIB, exclusion=[exclusion]) == "excluded"


# --- qualified chemotherapy modalities ------------------------------------------------------------------------

@pytest.mark.parametrize("exclusion", [
    "Prior high-dose chemotherapy requiring stem cell rescue",
    "Prior myeloablative chemotherapy",
    "Prior chemotherapy requiring autologous stem cell support",
    "Previous high dose chemotherapy with autologous bone marrow transplant",
    "History of chemotherapy followed by haematopoietic stem cell rescue",
])
def test_high_dose_chemotherapy_is_not_any_chemotherapy(exclusion: str) -> None:
    for had in (CHEMO, CHEMO_IO, DOCETAXEL, ADJUVANT_ONLY, NAIVE):
        assert prior_verdict(had, exclusion=[exclusion]) == "eligible"


@pytest.mark.parametrize("exclusion", [
    "Prior chemotherapy",
    "Prior cytotoxic chemotherapy for metastatic disease",
])
def test_plain_chemotherapy_still_bans(exclusion: str) -> None:
    assert prior_verdict(CHEMO, exclusion=[exclusion]) == "excluded"


# --- "(unless contraindicated)" in brackets -------------------------------------------------------------------

@pytest.mark.parametrize("inclusion", [
    # (Since s27 "(unless contraindicated)" alone is no way in: tests/test_rules_prior_therapy_contra_only.py.)
    "Progression after platinum-based chemotherapy and an anti-PD-(L)1 antibody (unless contraindicated or ineligible)",
    "Must have received at least one platinum-containing regimen (unless medically unsuitable)",
    "Must have received at least one platinum-containing regimen, unless medically unsuitable",
    "Prior treatment with a PD-1 or PD-L1 inhibitor [unless not medically indicated]",
    "Disease progression on platinum doublet chemotherapy (unless ineligible)",
])
def test_unless_contraindicated_in_brackets_is_a_question(inclusion: str) -> None:
    assert prior_verdict(NAIVE, [inclusion]) == "unknown"
    assert prior_verdict(OSI, [inclusion]) == "unknown"
    assert prior_verdict(CHEMO_IO, [inclusion]) == "eligible"


@pytest.mark.parametrize("inclusion", [
    # Near miss: the exception names one treatment only; platinum stays required.
    "Progression after platinum-based chemotherapy and an anti-PD-1 antibody (unless not eligible for "
    "immunotherapy)",
    "Progression after platinum-based chemotherapy",
])
def test_named_exception_keeps_the_rest(inclusion: str) -> None:
    assert prior_verdict(NAIVE, [inclusion]) == "excluded"


@pytest.mark.parametrize("inclusion", [
    # Near misses: the clause leaves out a setting (adjuvant), which the profile's line count already leaves out.
    "No more than 2 prior chemotherapy regimens (postoperative adjuvant chemotherapy, with recurrence more than 6 "
    "months after its end, is not counted as a prior chemotherapy regimen)",
    "At most 2 prior lines for advanced disease, not counting neoadjuvant or adjuvant chemotherapy",
])
def test_not_counted_setting_keeps_the_count(inclusion: str) -> None:
    assert prior_verdict(CHEMO, [inclusion]) == "eligible"
    assert prior_verdict(THREE_CHEMO, [inclusion]) != "eligible"
