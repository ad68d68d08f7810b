"""Prior-therapy kinds found by the sentence audits of targeted-therapy trials and of studies that are not classic
drug trials: each kind with invented sentences and the near-misses that must keep their verdict.

- "Prior X is allowed; prior Y is not." bans Y (the second clause leaves out its verb), never asks for it;
- "X alone does not qualify / is not sufficient" neither asks for nor bans X: it narrows the class asked for
  beside it, as "an ALK TKI other than crizotinib" does;
- "patients treated with X in routine practice / as part of standard care / according to the label" (or in an
  observational study) names the course the study follows: a patient about to start it is a question;
- a title about resistance or response to a first-line drug ("Mechanism of Primary Resistance to ... as First-line
  Treatment") asks for no earlier line;
- recall: "cannot / may not have received more than N prior lines" is a cap, "No prior first line therapy" asks
  for none.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from tests.invented import invented_trial
from tests.prior_therapy_cases import EGFR_EX19, FULL_PANEL, named_verdict
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import profile_from_dict

ALK = [{"gene": "ALK", "alteration": "fusion"}]
G12C = [{"gene": "KRAS", "alteration": "G12C"}]
NO_EGFR = [g for g in FULL_PANEL if g != "EGFR"]
NO_ALK = [g for g in FULL_PANEL if g != "ALK"]
NO_KRAS = [g for g in FULL_PANEL if g != "KRAS"]
CHEMO_IO = ["carboplatin", "pemetrexed", "pembrolizumab"]

PATIENTS: dict[str, dict[str, Any]] = {
    "nodriver-naive": {"tested_negative": FULL_PANEL, "prior_therapies": [], "prior_lines": 0},
    "nodriver-chemo-io": {"tested_negative": FULL_PANEL, "prior_therapies": CHEMO_IO, "prior_lines": 1},
    "two-lines": {"tested_negative": FULL_PANEL, "prior_therapies": [*CHEMO_IO, "docetaxel"], "prior_lines": 2},
    "three-lines": {"tested_negative": FULL_PANEL, "prior_therapies": [*CHEMO_IO, "docetaxel", "gemcitabine"],
                    "prior_lines": 3},
    "egfr-naive": {"biomarkers": EGFR_EX19, "tested_negative": NO_EGFR, "prior_therapies": [], "prior_lines": 0},
    "egfr-post-osimertinib": {"biomarkers": EGFR_EX19, "tested_negative": NO_EGFR,
                              "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "egfr-post-gefitinib": {"biomarkers": EGFR_EX19, "tested_negative": NO_EGFR,
                            "prior_therapies": ["gefitinib"], "prior_lines": 1},
    "alk-naive": {"biomarkers": ALK, "tested_negative": NO_ALK, "prior_therapies": [], "prior_lines": 0},
    "alk-post-crizotinib": {"biomarkers": ALK, "tested_negative": NO_ALK, "prior_therapies": ["crizotinib"],
                            "prior_lines": 1},
    "alk-post-alectinib-lorlatinib": {"biomarkers": ALK, "tested_negative": NO_ALK,
                                      "prior_therapies": ["alectinib", "lorlatinib"], "prior_lines": 2},
    "alk-post-crizotinib-brigatinib": {"biomarkers": ALK, "tested_negative": NO_ALK,
                                       "prior_therapies": ["crizotinib", "brigatinib"], "prior_lines": 2},
    "g12c-post-chemo-io": {"biomarkers": G12C, "tested_negative": NO_KRAS, "prior_therapies": CHEMO_IO,
                           "prior_lines": 1},
    "g12c-post-divarasib": {"biomarkers": G12C, "tested_negative": NO_KRAS, "prior_therapies": [*CHEMO_IO, "divarasib"],
                            "prior_lines": 2},
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None, **extra: Any) -> str:
    return named_verdict(PATIENTS, who, inclusion, exclusion, **extra)


def study_verdict(who: str, inclusion: list[str], title: str = "A study", study_type: str = "") -> str:
    """The verdict on an invented study with this title and study type."""
    text = invented_trial("".join(f"* {line}\n" for line in inclusion), "* Pregnancy\n", title=title)
    text = dataclasses.replace(text, study_type=study_type)
    base = {"age": 60, "histology": "adenocarcinoma", "stage": "IV", "ecog": 1, "biomarkers": [],
            "tested_negative": [], "pdl1_tps": None, "brain_metastases": "none"}
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**base, **PATIENTS[who]})).verdict


# 1. "Prior X is allowed; prior Y is not.": a ban on Y.
@pytest.mark.parametrize(("sentence", "had_y", "without_y"), [
    ("Prior chemotherapy is allowed; prior docetaxel is not.", "two-lines", "nodriver-chemo-io"),
    ("Prior chemotherapy is allowed, prior docetaxel is not allowed.", "two-lines", "nodriver-chemo-io"),
    ("Prior treatment with sotorasib or adagrasib is permitted; prior divarasib is not.", "g12c-post-divarasib",
     "g12c-post-chemo-io"),
    ("Prior crizotinib is allowed; prior lorlatinib is not.", "alk-post-alectinib-lorlatinib", "alk-post-crizotinib"),
    ("Prior crizotinib is acceptable, but prior lorlatinib is not.", "alk-post-alectinib-lorlatinib", "alk-naive"),
    ("Prior platinum chemotherapy, immunotherapy or first-generation EGFR TKIs are permitted; prior osimertinib is "
     "not.", "egfr-post-osimertinib", "egfr-post-gefitinib"),
])
@pytest.mark.parametrize("section", ["inclusion", "exclusion"])
def test_an_allowance_then_an_elliptical_not_bans_the_second(sentence: str, had_y: str, without_y: str,
                                                              section: str) -> None:
    bullets: dict[str, list[str]] = {section: [sentence]}
    assert verdict(had_y, **bullets) == "excluded"
    assert verdict(without_y, **bullets) == "eligible"
    assert verdict("nodriver-naive", **bullets) == "eligible"


def test_a_plain_ban_and_a_spelt_out_allowance_keep_their_verdicts() -> None:
    assert verdict("egfr-post-osimertinib", exclusion=["Prior treatment with osimertinib."]) == "excluded"
    assert verdict("egfr-post-gefitinib", exclusion=["Prior treatment with osimertinib."]) == "eligible"
    sentence = "Up to one prior chemotherapy regimen is allowed; prior ALK tyrosine kinase inhibitors are not allowed."
    assert verdict("alk-post-crizotinib", [sentence]) == "excluded"
    assert verdict("nodriver-chemo-io", [sentence]) == "eligible"


# 2. "X alone does not qualify": X is not enough by itself, neither asked for nor banned.
@pytest.mark.parametrize("sentence", [
    "Must have progressed on a next-generation ALK inhibitor; crizotinib alone does not qualify.",
    "Prior ALK inhibitor therapy is required; crizotinib alone is not sufficient.",
    "Progressed on at least one prior ALK TKI other than crizotinib.",
    "Must have received an ALK tyrosine kinase inhibitor other than crizotinib.",
    "Documented progression on an ALK inhibitor (crizotinib alone is insufficient).",
])
def test_a_drug_that_alone_does_not_qualify_narrows_the_class(sentence: str) -> None:
    assert verdict("alk-post-alectinib-lorlatinib", [sentence]) == "eligible"
    assert verdict("alk-post-crizotinib-brigatinib", [sentence]) == "eligible"
    assert verdict("alk-post-crizotinib", [sentence]) == "excluded"
    assert verdict("alk-naive", [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Must have progressed on osimertinib; progression on gefitinib, erlotinib or afatinib alone does not qualify.",
    "Disease progression on osimertinib is required; prior erlotinib or afatinib alone will not count.",
])
def test_the_drugs_that_alone_do_not_qualify_are_no_requirement(sentence: str) -> None:
    assert verdict("egfr-post-osimertinib", [sentence]) == "eligible"
    assert verdict("egfr-post-gefitinib", [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Crizotinib alone does not qualify as prior ALK inhibitor therapy.",
    "Prior docetaxel alone does not count as a line of therapy for this study.",
    "Immunotherapy alone does not count as a prior line of therapy.",
])
@pytest.mark.parametrize("section", ["inclusion", "exclusion"])
def test_a_lone_does_not_qualify_sentence_sets_no_rule(sentence: str, section: str) -> None:
    bullets: dict[str, list[str]] = {section: [sentence]}
    for who in ("alk-post-alectinib-lorlatinib", "alk-post-crizotinib", "two-lines", "nodriver-chemo-io"):
        assert verdict(who, **bullets) == "eligible"


def test_other_than_in_a_ban_still_spares_the_excepted_drug() -> None:
    sentence = "Prior treatment with any ALK inhibitor other than crizotinib."
    assert verdict("alk-post-crizotinib", exclusion=[sentence]) == "eligible"
    assert verdict("alk-post-alectinib-lorlatinib", exclusion=[sentence]) == "excluded"


def test_a_first_or_second_generation_tki_alone_still_falls_short() -> None:
    sentence = ("Documented progression on a third-generation EGFR TKI; first- or second-generation EGFR TKI alone is "
                "not sufficient.")
    assert verdict("egfr-post-osimertinib", [sentence]) == "eligible"
    assert verdict("egfr-post-gefitinib", [sentence]) == "excluded"


# 3. "Patients treated with X in routine practice": the course the study follows.
@pytest.mark.parametrize(("sentence", "naive", "treated"), [
    ("Patients with EGFR-mutated advanced NSCLC treated with osimertinib in routine practice.", "egfr-naive",
     "egfr-post-osimertinib"),
    ("Adults with advanced NSCLC treated with a PD-1 or PD-L1 inhibitor as part of standard care.", "nodriver-naive",
     "nodriver-chemo-io"),
    ("Adult patients with ALK-positive advanced NSCLC treated with brigatinib according to the local label.",
     "alk-naive", "alk-post-crizotinib-brigatinib"),
    ("The study population will comprise patients treated with ALK-TKIs for ALK-positive advanced NSCLC.",
     "alk-naive", "alk-post-crizotinib"),
])
def test_patients_treated_with_a_drug_in_routine_care_are_the_cohort_followed(sentence: str, naive: str,
                                                                              treated: str) -> None:
    assert verdict(naive, [sentence]) == "unknown"
    assert verdict(treated, [sentence]) == "eligible"


def test_patients_receiving_a_drug_in_clinical_practice_are_never_excluded() -> None:
    sentence = "Patients with EGFR-mutant NSCLC receiving amivantamab in clinical practice."
    assert verdict("egfr-naive", [sentence]) != "excluded"


def test_in_an_observational_study_patients_treated_with_a_drug_are_the_cohort_followed() -> None:
    sentence = "Patients with ALK-positive advanced NSCLC treated with ALK-TKIs."
    assert study_verdict("alk-naive", [sentence], study_type="OBSERVATIONAL") == "unknown"
    assert study_verdict("alk-naive", [sentence], study_type="INTERVENTIONAL") == "excluded"


@pytest.mark.parametrize("sentence", [
    "Patients must have been previously treated with at least one ALK-TKI and progressed.",
    "Patients with ALK-positive NSCLC treated with an ALK inhibitor who have progressed.",
    "Patients treated with an ALK inhibitor in routine practice whose disease progressed on it.",
])
def test_treated_and_progressed_stays_a_requirement(sentence: str) -> None:
    assert verdict("alk-naive", [sentence]) == "excluded"
    assert study_verdict("alk-naive", [sentence], study_type="OBSERVATIONAL") == "excluded"


# 4. A title about resistance or response to a first-line drug.
@pytest.mark.parametrize("title", [
    "Exploring the Mechanism of Primary Resistance to Third-generation EGFR-TKIs as First-line Treatment in "
    "EGFR-positive Advanced NSCLC",
    "Biomarkers of Response and Resistance to First-line Pembrolizumab in Advanced NSCLC",
    "Circulating Tumour DNA to Predict Resistance to First-line Alectinib in ALK-positive NSCLC",
    "Early Predictors of Progression on Front-line Osimertinib: a Liquid Biopsy Study",
])
def test_a_title_about_resistance_to_a_first_line_drug_asks_for_no_line(title: str) -> None:
    for who in ("egfr-naive", "alk-naive", "nodriver-naive"):
        assert study_verdict(who, ["Advanced NSCLC."], title=title) == "eligible"


@pytest.mark.parametrize("title", [
    "Drug X in EGFR-mutant NSCLC After Resistance to First-line Osimertinib",
    "Mechanisms of Resistance in Patients Progressing After First-line Osimertinib",
])
def test_a_title_after_resistance_still_asks_for_the_line(title: str) -> None:
    assert study_verdict("egfr-naive", ["Advanced NSCLC."], title=title) == "excluded"
    assert study_verdict("egfr-post-osimertinib", ["Advanced NSCLC."], title=title) == "eligible"


# 5. Recall.
@pytest.mark.parametrize("sentence", [
    "Patients cannot have received more than 2 prior lines of systemic therapy.",
    "Participants may not have had more than two prior systemic regimens for advanced disease.",
    "They can't have received more than 2 prior regimens for metastatic disease.",
])
def test_a_modal_cap_on_lines_excludes_beyond_it(sentence: str) -> None:
    assert verdict("three-lines", [sentence]) == "excluded"
    assert verdict("two-lines", [sentence]) == "eligible"


def test_a_modal_about_what_may_come_is_no_cap() -> None:
    assert verdict("three-lines", ["Patients who cannot receive more than 2 cycles of chemotherapy are eligible."]) \
        != "excluded"


@pytest.mark.parametrize("sentence", [
    "No prior first line therapy.",
    "Patients must have had no previous first-line treatment for metastatic NSCLC.",
    "Without any prior 1st-line systemic therapy.",
])
def test_no_prior_first_line_therapy_asks_for_none(sentence: str) -> None:
    assert verdict("nodriver-chemo-io", [sentence]) == "excluded"
    assert verdict("nodriver-naive", [sentence]) == "eligible"


def test_no_prior_first_line_therapy_with_a_drug_is_the_drugs_rule() -> None:
    sentence = "No prior first-line therapy with osimertinib."
    assert verdict("nodriver-chemo-io", [sentence]) == "eligible"
