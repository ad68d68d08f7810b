"""Prior-therapy rules on real criteria sentences (copied from the shared ClinicalTrials.gov records).

Each row: where the sentence sits, the sentence, a patient, the verdict a careful reader gives.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

NEGATIVE = ["ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3"]
PROFILES: dict[str, dict[str, Any]] = {
    "naive-egfr": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "tested_negative": NEGATIVE,
                   "prior_therapies": [], "prior_lines": 0},
    "naive-untested": {"prior_therapies": [], "prior_lines": 0},
    "post-osimertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                         "tested_negative": NEGATIVE, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "post-gefitinib-t790m": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"},
                                            {"gene": "EGFR", "alteration": "T790M"}],
                             "tested_negative": NEGATIVE, "prior_therapies": ["gefitinib"], "prior_lines": 1},
    "post-gefitinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                       "tested_negative": NEGATIVE, "prior_therapies": ["gefitinib"], "prior_lines": 1},
    "post-chemo-io": {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "tested_negative": ["EGFR", "ALK"],
                      "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1},
    "post-docetaxel": {"tested_negative": ["EGFR", "ALK", "ROS1"], "prior_lines": 2,
                       "prior_therapies": ["carboplatin", "paclitaxel", "pembrolizumab", "docetaxel"]},
    "four-lines": {"tested_negative": ["EGFR", "ALK"], "prior_lines": 4,
                   "prior_therapies": ["cisplatin", "pemetrexed", "nivolumab", "docetaxel", "gemcitabine"]},
    "post-capmatinib": {"biomarkers": [{"gene": "MET", "alteration": "exon 14 skipping"}],
                        "prior_therapies": ["capmatinib"], "prior_lines": 1},
    "post-alectinib": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "tested_negative": ["EGFR"],
                       "prior_therapies": ["alectinib"], "prior_lines": 1},
    "adjuvant-cisplatin-only": {"prior_therapies": ["cisplatin", "vinorelbine"], "prior_lines": 0},
    "history-not-given": {},
    "said-immunotherapy": {"prior_therapies": ["immunotherapy"], "prior_lines": 1},
    "said-chemotherapy": {"prior_therapies": ["platinum doublet chemotherapy"], "prior_lines": 1},
    "unlisted-drug": {"prior_therapies": ["xq-4411"], "prior_lines": 1},
    "no-driver-post-chemo": {"tested_negative": ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "NTRK1", "NTRK2",
                                                 "NTRK3", "ERBB2", "KRAS"],
                             "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1},
}


def profile(name: str) -> Profile:
    return profile_from_dict(PROFILES[name])


def trial(inclusion: list[str] | None = None, exclusion: list[str] | None = None, title: str = "A study") -> TrialText:
    md = "Inclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in inclusion or ["Adults"])
    if exclusion:
        md += "\nExclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in exclusion)
    return TrialText(nct_id="NCT00000000", title=title, criteria=tuple(split_criteria(md)))


def verdict(text: TrialText, who: str) -> str:
    return prior_therapy.check(prior_therapy.parse(text), profile(who)).verdict


INC, EXC = "inclusion", "exclusion"

ROWS = [
    # Chemotherapy bans do not touch targeted therapy.
    (INC, "No prior systemic chemotherapy for lung cancer", "post-chemo-io", "excluded",
     "no-prior-chemotherapy-excludes-carboplatin"),
    (INC, "No prior systemic chemotherapy for lung cancer", "post-osimertinib", "eligible",
     "no-prior-chemotherapy-keeps-tki-only-patient"),
    # EGFR TKI generations, brand names, resistance wording.
    (INC, "Progressed after receiving first or second generation EGFR-TKI treatment, T790M positive.",
     "post-gefitinib-t790m", "eligible", "progressed-on-first-generation-tki-met-by-gefitinib"),
    (INC, "Progressed after receiving first or second generation EGFR-TKI treatment, T790M positive.",
     "post-osimertinib", "excluded", "first-or-second-generation-required-excludes-osimertinib-only"),
    (INC, "Progressed after receiving first or second generation EGFR-TKI treatment, T790M positive.",
     "naive-egfr", "excluded", "progressed-on-tki-required-excludes-naive"),
    (INC, "EGFR-TKI resistance, confirmed by RECIST v1.1.", "post-osimertinib", "eligible",
     "tki-resistance-met-by-osimertinib"),
    (INC, "EGFR-TKI resistance, confirmed by RECIST v1.1.", "naive-egfr", "excluded",
     "tki-resistance-required-excludes-naive"),
    (INC, "Prior therapy: Patient with recurrent and/or metastatic EGFR mutant NSCLC, that has progressed on "
          "osimertinib as most recent line of treatment, and the primary doctor intends to continue with "
          "osimertinib treatment.", "post-gefitinib", "excluded",
     "progressed-on-osimertinib-required-excludes-gefitinib"),
    (INC, "Radiographic disease progression while on Tagrisso (AZD9291) as the most recent therapy",
     "post-osimertinib", "eligible", "brand-and-code-name-tagrisso-azd9291-mean-osimertinib"),
    (EXC, "Previously treated by other third-generation epidermal growth factor receptor tyrosine kinase "
          "inhibitor(EGFR-TKI) for T790M (for example Osimertinib).", "post-gefitinib-t790m", "eligible",
     "third-generation-ban-keeps-gefitinib"),
    (EXC, "Previously treated by other third-generation epidermal growth factor receptor tyrosine kinase "
          "inhibitor(EGFR-TKI) for T790M (for example Osimertinib).", "post-osimertinib", "excluded",
     "third-generation-ban-excludes-osimertinib"),
    (EXC, "Have previously received systemic anti-tumor treatment other than EGFR-TKI for advanced "
          "non-squamous NSCLC.", "post-osimertinib", "eligible", "treatment-other-than-tki-banned-keeps-tki-only"),
    (EXC, "Have previously received systemic anti-tumor treatment other than EGFR-TKI for advanced "
          "non-squamous NSCLC.", "post-chemo-io", "excluded", "treatment-other-than-tki-banned-excludes-chemo"),
    (EXC, "Prior treatment with any EGFR-targeting agents (e.g., EGFR tyrosine kinase inhibitors [TKIs], "
          "monoclonal antibodies, or bispecific antibodies).", "post-chemo-io", "eligible",
     "examples-of-egfr-agents-do-not-ban-every-antibody"),
    (EXC, "Prior treatment with any EGFR-targeting agents (e.g., EGFR tyrosine kinase inhibitors [TKIs], "
          "monoclonal antibodies, or bispecific antibodies).", "post-gefitinib", "excluded",
     "egfr-targeting-agents-ban-excludes-gefitinib"),
    (INC, "Tyrosine Kinase Inhibitor (TKI) treatment naïve.", "post-osimertinib", "excluded",
     "tki-naive-required-excludes-osimertinib"),
    (INC, "Tyrosine Kinase Inhibitor (TKI) treatment naïve.", "post-chemo-io", "eligible",
     "tki-naive-required-keeps-chemo-patient"),
    (INC, "Immunotherapy naïve metastatic/advanced/recurrent NSCLC patients", "post-chemo-io", "excluded",
     "immunotherapy-naive-excludes-pembrolizumab"),
    # Platinum and immunotherapy.
    (INC, "Documented radiologic progression on or after prior platinum-based chemotherapy (with or without "
          "anti-PD1/PD-L1 agents) in the locally advanced or metastatic setting", "post-chemo-io", "eligible",
     "progressed-on-platinum-met-by-carboplatin"),
    (INC, "Documented radiologic progression on or after prior platinum-based chemotherapy (with or without "
          "anti-PD1/PD-L1 agents) in the locally advanced or metastatic setting", "post-capmatinib", "excluded",
     "progressed-on-platinum-required-excludes-targeted-only"),
    (INC, "Documented radiologic progression on or after prior platinum-based chemotherapy (with or without "
          "anti-PD1/PD-L1 agents) in the locally advanced or metastatic setting", "adjuvant-cisplatin-only",
     "unknown", "platinum-with-no-advanced-line-a-question-when-the-setting-takes-in-locally-advanced"),
    (INC, "Documented radiologic progression on or after prior platinum-based chemotherapy in the metastatic "
          "setting", "adjuvant-cisplatin-only", "excluded", "platinum-for-metastatic-disease-not-met-by-adjuvant"),
    (EXC, "Previous therapy with any checkpoint inhibitor", "post-chemo-io", "excluded",
     "checkpoint-inhibitor-ban-excludes-pembrolizumab"),
    (EXC, "Previous therapy with any checkpoint inhibitor", "post-osimertinib", "eligible",
     "checkpoint-inhibitor-ban-keeps-tki-patient"),
    (INC, "Patients must have progressed on at most a PD-1/L1 inhibitor and a platinum-based chemotherapy "
          "(combined or sequential, regardless of sequence), and at least two cycles of PD-1/L1 inhibitor "
          "(combined or non-combined chemotherapy) with clinical benefits (PFS ≥ 3 months)", "post-chemo-io",
     "unknown", "required-io-met-but-benefit-unknown"),
    (INC, "Patients must have progressed on at most a PD-1/L1 inhibitor and a platinum-based chemotherapy "
          "(combined or sequential, regardless of sequence), and at least two cycles of PD-1/L1 inhibitor "
          "(combined or non-combined chemotherapy) with clinical benefits (PFS ≥ 3 months)", "post-osimertinib",
     "excluded", "required-io-and-platinum-excludes-tki-only"),
    (EXC, "Patients who had previously received docetaxel treatment were excluded", "post-docetaxel", "excluded",
     "docetaxel-ban-excludes-docetaxel"),
    (EXC, "Patients who had previously received docetaxel treatment were excluded", "post-chemo-io", "eligible",
     "docetaxel-ban-keeps-other-chemo"),
    # Lines of treatment.
    (INC, "Disease progression after standard second-line therapy, and more than 2 weeks since the end of the "
          "last antitumor treatment", "post-chemo-io", "excluded", "after-second-line-excludes-one-line"),
    (INC, "Disease progression after standard second-line therapy, and more than 2 weeks since the end of the "
          "last antitumor treatment", "post-docetaxel", "eligible", "after-second-line-met-by-two-lines"),
    (EXC, "More than 3 prior systemic anticancer therapy regimens for locally advanced or metastatic NSCLC",
     "four-lines", "excluded", "more-than-three-regimens-excludes-four-lines"),
    (EXC, "More than 3 prior systemic anticancer therapy regimens for locally advanced or metastatic NSCLC",
     "post-docetaxel", "eligible", "more-than-three-regimens-keeps-two-lines"),
    (INC, "Patient has had at least one prior systemic treatment for NSCLC, but no more than three prior "
          "systemic therapy", "naive-untested", "excluded", "at-least-one-prior-line-excludes-naive"),
    (INC, "Patient has had at least one prior systemic treatment for NSCLC, but no more than three prior "
          "systemic therapy", "four-lines", "excluded", "no-more-than-three-lines-excludes-four"),
    (INC, "Documented disease progression after at least one line of prior SoC therapy", "post-chemo-io",
     "eligible", "at-least-one-line-met-by-one-line"),
    (INC, "The number of previous chemotherapy regimens does not exceed 2 (a. replacement of platinum drugs for "
          "drug toxicity reasons is counted as a regimen; b. postoperative adjuvant chemotherapy, from the end of "
          "treatment to recurrence > 6 months is not counted as a previous chemotherapy regimen);",
     "post-capmatinib", "eligible", "chemotherapy-regimen-cap-does-not-require-platinum"),
    # Treatment-naive trials.
    (INC, "Previously untreated, histologically confirmed resectable stage IB-IIIA NSCLC (AJCC 9th edition "
          "staging);", "naive-egfr", "eligible", "previously-untreated-keeps-naive"),
    (INC, "Previously untreated, histologically confirmed resectable stage IB-IIIA NSCLC (AJCC 9th edition "
          "staging);", "post-chemo-io", "excluded", "previously-untreated-excludes-one-line"),
    (INC, "No prior systemic therapy for advanced stage disease.", "adjuvant-cisplatin-only", "eligible",
     "no-therapy-for-advanced-disease-keeps-adjuvant-only"),
    (EXC, "Received any systemic or local treatment before surgery.", "post-chemo-io", "unknown",
     "treatment-before-surgery-cannot-be-told-from-profile"),
    (EXC, "Received any systemic or local treatment before surgery.", "naive-egfr", "eligible",
     "treatment-before-surgery-ban-keeps-naive"),
    # Washouts, allowances and sentences about something else never exclude.
    (EXC, "Anti-cancer therapy including chemotherapy, radiotherapy, endocrine therapy, immunotherapy or use of "
          "other investigational agents within the 3 weeks prior to start of therapy", "post-chemo-io", "eligible",
     "washout-within-three-weeks-never-excludes"),
    (INC, "At least two weeks after the chemotherapy", "naive-untested", "eligible",
     "washout-after-chemotherapy-is-not-a-chemotherapy-requirement"),
    (EXC, "Refractory nausea and vomiting, chronic gastrointestinal diseases, inability to swallow the formulated "
          "product, or previous significant bowel resection that would preclude adequate absorption of "
          "Osimertinib or Gefitinib", "post-osimertinib", "eligible", "absorption-of-study-drug-is-not-a-ban"),
    (EXC, "Participants with malignant pleural effusion underwent intrapleural injection chemotherapy",
     "post-chemo-io", "eligible", "intrapleural-chemotherapy-is-not-systemic-chemotherapy"),
    (EXC, "Previously treatment with any kind of EGFR TKI (Previously chemotherapy treated patients is allowed)",
     "post-chemo-io", "eligible", "chemotherapy-allowed-aside-keeps-chemo-patient"),
    (EXC, "Previously treatment with any kind of EGFR TKI (Previously chemotherapy treated patients is allowed)",
     "post-gefitinib", "excluded", "any-kind-of-egfr-tki-ban-excludes-gefitinib"),
    (EXC, "Patients, selected for sequential chemoradiotherapy, are excluded if no disease control (all responses "
          "except progression) is obtained after induction chemotherapy.", "post-chemo-io", "eligible",
     "response-to-induction-chemotherapy-is-not-a-chemotherapy-ban"),
    (INC, "Patients with locally advanced (stage IIIb/IIIc), metastatic, or recurrent (stage IV) NSCLC confirmed "
          "by histology or cytology, who are not eligible for curative surgery and cannot undergo definitive "
          "radiotherapy/chemotherapy", "post-chemo-io", "eligible", "cannot-undergo-chemotherapy-is-not-a-ban"),
    (EXC, "Documented KRAS G12C mutation and previously untreated with sotorasib", "post-chemo-io", "eligible",
     "double-negative-exclusion-never-excludes"),
    (INC, "Patients to be treated with PD-1 / PD-L1 inhibitors;", "naive-untested", "eligible",
     "planned-treatment-is-not-a-prior-treatment-requirement"),
    (EXC, "Patients who had previously been treated with ALK-TKI, but who had previously only been treated with "
          "ALK-TKI as neoadjuvant and/or adjunctive treatment could be enrolled.", "naive-untested", "eligible",
     "alk-tki-ban-keeps-naive"),
    # Biomarker-conditional rules.
    (INC, "Patients with EGFR mutation must have progressed on prior EGFR TKI therapy", "post-chemo-io",
     "eligible", "egfr-conditional-requirement-skips-egfr-negative"),
    (INC, "Patients with EGFR mutation must have progressed on prior EGFR TKI therapy", "naive-egfr",
     "excluded", "egfr-conditional-requirement-applies-to-egfr-positive"),
    (INC, "Have undergone failure 1-2 prior EGFR-TKI (Osimertinib exposure required for T790M+)",
     "post-gefitinib-t790m", "excluded", "osimertinib-required-for-t790m-excludes-gefitinib-only"),
    (INC, "Have undergone failure 1-2 prior EGFR-TKI (Osimertinib exposure required for T790M+)",
     "post-gefitinib", "eligible", "osimertinib-for-t790m-does-not-apply-without-t790m"),
    (INC, "Prior treatment with EGFR TKI therapy is required for patients with EGFR sensitizing mutations",
     "post-chemo-io", "eligible", "requirement-for-egfr-patients-written-last-skips-egfr-negative"),
    (INC, "Patients with known EGFR, ALK, ROS1 or BRAF alterations must have received appropriate targeted therapy",
     "post-alectinib", "eligible", "gene-list-condition-applies-to-alk-and-is-met-by-alectinib"),
    # Counts and allowances written the other way round.
    (INC, "Must not have received more than 2 prior lines of therapy", "post-docetaxel", "eligible",
     "not-more-than-two-lines-keeps-two-lines"),
    (INC, "Must not have received more than 2 prior lines of therapy", "four-lines", "excluded",
     "not-more-than-two-lines-excludes-four"),
    (EXC, "Any prior systemic therapy for metastatic NSCLC (prior EGFR TKI is permitted)", "post-osimertinib",
     "eligible", "permitted-egfr-tki-aside-is-an-exception-to-the-ban"),
    (EXC, "Any prior systemic therapy for metastatic NSCLC (prior EGFR TKI is permitted)", "post-chemo-io",
     "excluded", "prior-systemic-therapy-ban-excludes-chemo"),
    (INC, "Previously treated with platinum-based chemotherapy (patients who declined or were ineligible for "
          "chemotherapy are eligible)", "post-osimertinib", "unknown",
     "requirement-with-allowance-for-decliners-is-not-certain"),
    (EXC, "Previous treatment to inhibit the human epidermal growth factor receptor (EGFR) (e.g. erlotinib, "
          "gefitinib, cetuximab, trastuzumab, etc.)", "post-chemo-io", "eligible",
     "previous-treatment-to-inhibit-egfr-is-not-a-ban-on-all-treatment"),
    (INC, "EGFR-mutant NSCLC treated with first-line osimertinib", "post-osimertinib", "eligible",
     "treated-with-first-line-osimertinib-is-history-not-a-first-line-trial"),
    (INC, "Prior treatment with platinum-based chemotherapy is required (for cohort B only)", "post-osimertinib",
     "eligible", "requirement-for-one-named-cohort-leaves-the-others-open"),
    (INC, "Patients who have failed the first-line standard treatment (platinum-containing double drug "
          "chemotherapy)", "post-osimertinib", "excluded", "aside-naming-the-standard-treatment-is-required"),
    # Allowances, definitions and present use are not rules on earlier treatment.
    (INC, "Treatment-naive or previously treated patients are eligible", "post-chemo-io", "eligible",
     "naive-or-treated-are-eligible-is-an-allowance"),
    (INC, "Patients who relapsed after adjuvant chemotherapy within 6 months are considered to have received "
          "first-line therapy", "naive-untested", "eligible", "definition-of-first-line-is-not-a-requirement"),
    (EXC, "Use of any anticancer therapy, including chemotherapy, targeted therapy or immunotherapy, at the time "
          "of enrollment", "post-chemo-io", "eligible", "treatment-at-enrollment-is-present-not-prior"),
    (EXC, "Received EGFR TKI as part of a clinical trial", "post-osimertinib", "unknown",
     "tki-in-a-clinical-trial-cannot-be-told-from-profile"),
    (INC, "Patients must have received platinum-based chemotherapy, unless ineligible or refused",
     "post-osimertinib", "unknown", "platinum-required-unless-ineligible-is-uncertain"),
    (INC, "Patients with disease progression following at least one prior chemotherapy regimen, or who refused "
          "chemotherapy", "naive-untested", "unknown", "chemotherapy-or-refused-it-is-uncertain-for-naive"),
    # What the profile does not say stays unknown.
    (EXC, "Previous therapy with any checkpoint inhibitor", "history-not-given", "unknown",
     "no-treatment-history-is-unknown-not-excluded"),
    (EXC, "Previous therapy with any checkpoint inhibitor", "unlisted-drug", "unknown",
     "unlisted-drug-might-be-a-checkpoint-inhibitor"),
    (EXC, "Previous therapy with any checkpoint inhibitor", "said-immunotherapy", "unknown",
     "immunotherapy-written-as-a-class-might-be-a-checkpoint-inhibitor"),
    (EXC, "Prior exposure to any ALK inhibitor", "said-immunotherapy", "eligible",
     "immunotherapy-written-as-a-class-is-not-an-alk-inhibitor"),
    (INC, "No prior systemic chemotherapy for lung cancer", "said-chemotherapy", "excluded",
     "platinum-doublet-written-as-a-class-is-chemotherapy"),
]


@pytest.mark.parametrize(("section", "sentence", "who", "expected"),
                         [pytest.param(*row[:4], id=row[4]) for row in ROWS])
def test_sentence_verdict(section: str, sentence: str, who: str, expected: str) -> None:
    text = trial(inclusion=[sentence]) if section == INC else trial(exclusion=[sentence])
    assert verdict(text, who) == expected


@pytest.mark.parametrize(
    ("title", "who", "expected"),
    [
        pytest.param("Docetaxel Combined With Carboplatin Plus Anlotinib as First Line Treatment in NSCLC",
                     "post-chemo-io", "excluded", id="first-line-title-excludes-treated-patient"),
        pytest.param("Docetaxel Combined With Carboplatin Plus Anlotinib as First Line Treatment in NSCLC",
                     "naive-untested", "eligible", id="first-line-title-keeps-naive"),
        pytest.param("A Trial of Sintilimab Plus Anlotinib For Metastatic NSCLC After First-Line PD-1 Inhibitor",
                     "naive-untested", "excluded", id="after-first-line-pd1-title-excludes-naive"),
        pytest.param("RC108 Combine With Furmonertinib With/Without Toripalimab in Patients With EGFR-mutated NSCLC",
                     "post-chemo-io", "eligible", id="with-without-in-title-is-not-a-ban"),
        pytest.param("Afatinib in Pretreated Patients With Advanced NSCLC Harbouring HER2 Exon 20 Mutations",
                     "naive-untested", "excluded", id="pretreated-title-excludes-naive"),
    ],
)
def test_title_sets_the_line_when_criteria_are_silent(title: str, who: str, expected: str) -> None:
    assert verdict(trial(title=title), who) == expected


@pytest.mark.parametrize("who", sorted(PROFILES))
def test_every_finding_explains_itself_in_words(who: str) -> None:
    for section, sentence, *_ in ROWS:
        text = trial(inclusion=[sentence]) if section == INC else trial(exclusion=[sentence])
        finding = prior_therapy.check(prior_therapy.parse(text), profile(who))
        assert finding.reason.strip(), (sentence, who)
        assert "c:" not in finding.reason and "d:" not in finding.reason, finding.reason


# Phrasings common in NSCLC trials beyond the shared records (sub-population headings, lead-ins).
def test_sub_population_headings_are_alternative_ways_in() -> None:
    text = trial(inclusion=[
        "Subjects without actionable genomic alterations: has been previously treated with 1 or 2 prior lines of "
        "therapy, including platinum-based chemotherapy and an anti-PD-1/PD-L1 mAb, either in combination or "
        "sequentially",
        "Subjects with actionable genomic alterations (EGFR, ALK, ROS1, NTRK, BRAF, RET, MET): must have received "
        "at least one approved targeted therapy and platinum-based chemotherapy",
    ])
    assert verdict(text, "post-chemo-io") == "eligible"
    assert verdict(text, "naive-egfr") == "excluded"


def test_requirement_after_a_biomarker_lead_in_applies_to_that_group_only() -> None:
    text = trial(inclusion=[
        "Failure of prior EGFR-TKI treatment: for subjects who received first- or second-generation EGFR-TKI as "
        "first-line treatment and were T790M-positive, third-generation EGFR-TKI treatment must have been "
        "received and failed",
    ])
    assert verdict(text, "post-gefitinib") == "eligible"
    assert verdict(text, "post-gefitinib-t790m") == "excluded"
    assert verdict(text, "naive-egfr") == "excluded"


def test_dose_escalation_and_expansion_are_alternative_parts() -> None:
    text = trial(inclusion=["Dose escalation: patients who have failed or are intolerant to standard therapy",
                            "Dose expansion: treatment-naive patients with advanced NSCLC"])
    assert verdict(text, "naive-untested") == "eligible"
    assert verdict(text, "post-chemo-io") == "eligible"


def test_either_naive_or_treated_accepts_both() -> None:
    text = trial(inclusion=["Patients must be either treatment-naive or have progressed after platinum-based "
                            "chemotherapy"])
    assert verdict(text, "naive-untested") == "eligible"
    assert verdict(text, "post-chemo-io") == "eligible"
    assert verdict(text, "post-osimertinib") == "excluded"


@pytest.mark.parametrize("sentence", [
    pytest.param("History of ICI-related pneumonitis", id="side-effect-of-checkpoint-inhibitor-is-not-a-ban"),
    pytest.param("Prior checkpoint inhibitor-associated colitis of grade 3 or higher", id="associated-colitis"),
    pytest.param("Known hypersensitivity to pembrolizumab or any of its excipients", id="hypersensitivity"),
])
def test_side_effects_and_allergies_never_exclude(sentence: str) -> None:
    assert verdict(trial(exclusion=[sentence]), "post-chemo-io") == "eligible"


def test_generation_without_egfr_in_the_sentence_means_egfr_tki_in_an_egfr_trial() -> None:
    text = trial(inclusion=["Progression after third-generation TKI treatment"],
                 title="A Study of X in EGFR-mutated NSCLC")
    assert verdict(text, "post-osimertinib") == "eligible"
    assert verdict(text, "post-gefitinib") == "excluded"


def test_criteria_line_rules_win_over_the_title() -> None:
    text = trial(inclusion=["Previously treated NSCLC (for phase I part)", "No prior chemotherapy (for phase II part)"],
                 title="Carboplatin/Gemcitabine Combination as First Line Treatment")
    assert verdict(text, "post-osimertinib") == "eligible"


def test_fitting_any_cohort_is_enough() -> None:
    text = trial(
        inclusion=[
            "Prior systemic antitumor therapy allowed are listed as follows:",
            "  * Cohort 1: Subjects who are on the treatment of Furmonertinib as the first-line treatment setting.",
            "  * Cohort 2: Subjects failed in third-generation EGFR-TKI treatment and also failed in or were "
            "intolerant to 1-2 lines of chemotherapy.",
            "  * Cohort 3: subjects who haven't accepted any systemic therapy before.",
        ],
        exclusion=["Cohort 3 only: Has received the treatment of EGFR-TKI."],
    )
    assert verdict(text, "naive-egfr") == "eligible"
    assert verdict(text, "post-osimertinib") == "excluded"


def test_ban_named_for_some_cohorts_leaves_the_others_open() -> None:
    text = trial(exclusion=["Prior use of PD-1/L1 inhibitors is inadmissible to Cohort 2 and Cohort 4."])
    assert verdict(text, "post-chemo-io") == "eligible"


def test_phase_specific_requirements_are_alternatives() -> None:
    text = trial(
        inclusion=["Prior treatment status:", "  * Phase 1: Patient with refractory NSCLC to available standard "
                   "therapies", "  * Phase 2: Progression after at least one systemic therapy for locally advanced "
                   "or metastatic disease"],
        exclusion=["Phase 2 : Patient has had previous treatment with poziotinib."],
    )
    assert verdict(text, "naive-untested") == "excluded"
    assert verdict(text, "post-osimertinib") == "eligible"


def test_trial_that_requires_a_drug_does_not_ban_it_through_a_wider_class() -> None:
    text = trial(
        inclusion=["the disease has progressed after receiving PD-1 antibody treatment in the past."],
        exclusion=["Previously received Anlotinib hydrochloride treatment and other immunotherapy"],
    )
    assert verdict(text, "post-chemo-io") == "eligible"


def test_no_rules_means_eligible_with_no_evidence() -> None:
    finding = prior_therapy.check(prior_therapy.parse(trial(inclusion=["Age 18 or older"])), profile("post-chemo-io"))
    assert (finding.verdict, finding.evidence) == ("eligible", "")


def test_finding_quotes_the_deciding_sentence_and_explains_it() -> None:
    sentence = "Previous therapy with any checkpoint inhibitor"
    finding = prior_therapy.check(prior_therapy.parse(trial(exclusion=[sentence])), profile("post-chemo-io"))
    assert finding.evidence == sentence
    assert "pembrolizumab" in finding.reason


def test_parse_output_is_json_and_check_reads_it_back() -> None:
    rules = prior_therapy.parse(trial(inclusion=["EGFR-TKI resistance, confirmed by RECIST v1.1."]))
    restored = json.loads(json.dumps(rules))
    assert prior_therapy.check(restored, profile("post-osimertinib")).verdict == "eligible"


# Speed on these inputs (each parse under 1 s, a huge sentence under 2 s) is bench/bench_guards.py's to measure, on
# the same strategies and sentences; here each parse ends (the timeouts stop a backtracking hang) with usable rules.
ARBITRARY_TEXT = st.text(max_size=3000)
SALAD_WORDS = [
    "prior ", "no ", "not ", "(", ")", "[", ";", ":", ", ", " or ", " and ", "osimertinib", "EGFR-TKI", "PD-1",
    "first-", "generation ", "line ", "at least ", "2 ", "more than ", "cohort 2: ", "within 4 weeks ",
    "chemotherapy", "naive", "progressed on ", "except ", "e.g. ", "-", " ", "\\>=", "≥",
]
WORD_SALAD = st.lists(st.sampled_from(SALAD_WORDS), max_size=400)
HUGE_SENTENCES = {
    "thousands-of-bracketed-names": "prior " + "(osimertinib) " * 3000,
    "thousands-of-alternatives": "no prior " + "chemotherapy or " * 3000,
    "thousands-of-clauses": "Cohort 1: prior osimertinib; " * 2000,
}


@pytest.mark.timeout(600)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARBITRARY_TEXT)
def test_parse_never_raises_on_arbitrary_text(text: str) -> None:
    parsed = prior_therapy.parse(TrialText(nct_id="NCT0", title=text[:200], criteria=tuple(split_criteria(text))))
    json.dumps(parsed)
    prior_therapy.check(parsed, profile("post-chemo-io"))


@pytest.mark.timeout(600)
@settings(max_examples=60, deadline=None)
@given(WORD_SALAD)
def test_parse_ends_on_adversarial_word_salad(words: list[str]) -> None:
    text = "".join(words)
    rules = prior_therapy.parse(trial(inclusion=[text], exclusion=[text]))
    assert json.loads(json.dumps(rules)) == rules
    assert prior_therapy.check(rules, profile("post-chemo-io")).verdict in {"eligible", "excluded", "unknown"}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("sentence", HUGE_SENTENCES.values(), ids=HUGE_SENTENCES.keys())
def test_parse_ends_on_huge_sentences(sentence: str) -> None:
    rules = prior_therapy.parse(trial(inclusion=[sentence], exclusion=[sentence], title=sentence))
    assert json.loads(json.dumps(rules)) == rules
    assert prior_therapy.check(rules, profile("post-chemo-io")).verdict in {"eligible", "excluded", "unknown"}


@pytest.mark.shared
def test_every_shared_record_parses_to_json(shared_records: list[dict[str, Any]]) -> None:
    for record in shared_records:
        parsed = prior_therapy.parse(TrialText.from_record(record))
        json.dumps(parsed)
        for rule in parsed["rules"]:
            assert rule["evidence"], rule
            assert rule["kind"] != "forbid" or rule["items"], rule
            assert rule["kind"] != "require" or all(rule["groups"]), rule


# Kinds of sentence that are not a rule on earlier treatment, or only a condition or an alternative.
# Invented wordings (not copied from any trial): each row a kind, several phrasings per kind.
KIND_ROWS = [
    # Permissions: "need not", "optional", "not required", "could have", "may include".
    (INC, "Prior anti-PD-1 therapy need not be the last treatment given.", "naive-untested", "eligible",
     "need-not-is-no-rule"),
    (INC, "Previous exposure to a VEGF inhibitor is optional.", "naive-untested", "eligible",
     "optional-exposure-is-no-rule"),
    (INC, "Earlier platinum chemotherapy is not required.", "naive-untested", "eligible",
     "not-required-is-no-rule"),
    (INC, "Participants could have received adjuvant chemotherapy.", "post-osimertinib", "eligible",
     "could-have-is-an-allowance"),
    (INC, "Control of brain lesions may include surgery, radiotherapy or a response to earlier systemic therapy.",
     "naive-untested", "eligible", "may-include-is-no-rule"),
    # Contraindications are about the study drugs.
    (EXC, "Contra-indication to any of the chemotherapy or anti-EGFR partner drugs of this study",
     "post-chemo-io", "eligible", "hyphenated-contraindication-is-not-a-ban"),
    # "anti-PD (L)-1" written with spaces means PD-1 or PD-L1.
    (INC, "Radiological progression after an anti-PD (L)-1 antibody", "post-chemo-io", "eligible",
     "spaced-pd-l-1-counts-pembrolizumab"),
    (INC, "Progression following anti-PD (L) 1 based treatment", "post-docetaxel", "eligible",
     "spaced-pd-l-1-without-dash-counts-pembrolizumab"),
    # Wash-out sentences are timing, whatever they name.
    (INC, "Patients who had earlier systemic therapy must observe a wash-out of 3 weeks before dosing:",
     "naive-untested", "eligible", "washout-sentence-is-no-requirement"),
    (INC, "Any earlier chemotherapy must be washed out before the first study dose", "naive-untested", "eligible",
     "washed-out-is-no-requirement"),
    (EXC, "Prior EGFR TKI without a washout of five half-lives", "post-osimertinib", "eligible",
     "washout-in-exclusion-is-no-ban"),
    # "Patients who received X must ...": X picks out the patients, it is not asked of everyone.
    (INC, "Participants who received prior osimertinib must provide a tissue sample taken at progression.",
     "naive-egfr", "eligible", "received-x-lead-in-is-a-condition"),
    (INC, "Subjects previously treated with immunotherapy must give the date of their last infusion.",
     "naive-untested", "eligible", "previously-treated-lead-in-is-a-condition"),
    (INC, "Patients receiving pemetrexed maintenance should be able to take folic acid.", "post-osimertinib",
     "eligible", "receiving-x-lead-in-is-a-condition"),
    # Counts of the study's planned treatment are not counts of earlier lines.
    (INC, "Patients must be planned to receive a regimen containing at least one platinum agent.",
     "naive-untested", "eligible", "planned-regimen-count-is-not-lines"),
    (INC, "Scheduled for treatment with at least 2 cytotoxic drugs.", "naive-untested", "eligible",
     "scheduled-count-is-not-lines"),
    # "Naive or treated": the negation does not reach across "or".
    (INC, "Either chemotherapy-naive or having received any prior systemic therapy for metastatic disease",
     "post-chemo-io", "eligible", "naive-or-treated-keeps-treated"),
    (INC, "Either chemotherapy-naive or having received any prior systemic therapy for metastatic disease",
     "naive-untested", "eligible", "naive-or-treated-keeps-naive"),
    # "or for which no standard therapy exists" is no way in for an untreated NSCLC patient: first-line
    # standard therapy exists (tests/test_rules_prior_therapy_kinds.py has the kind).
    (INC, "Disease resistant to standard therapy or for which no standard therapy exists", "naive-untested",
     "excluded", "or-for-which-no-standard-keeps-requirement"),
    # (A contraindication no profile states is no way in: the requirement stands, s27 convention.)
    (INC, "Progressed on platinum-based chemotherapy or have it contraindicated", "naive-untested", "excluded",
     "or-contraindicated-keeps-requirement"),
    (INC, "Must have progressed after docetaxel, or be ineligible for it", "post-chemo-io", "unknown",
     "or-ineligible-softens-requirement"),
    # "Previously treated" inside an exception is not a requirement.
    (INC, "Any KRAS variant except previously treated G12C", "naive-untested", "eligible",
     "except-previously-treated-is-no-requirement"),
    (INC, "Any NSCLC subtype other than pretreated squamous disease", "naive-untested", "eligible",
     "other-than-pretreated-is-no-requirement"),
    # "Patients with actionable / driver alterations must ...": a condition on those patients.
    (INC, "Patients with actionable genomic alterations must have progressed on an approved targeted therapy.",
     "no-driver-post-chemo", "eligible", "actionable-condition-spares-driver-negative"),
    (INC, "Patients with actionable genomic alterations must have progressed on an approved targeted therapy.",
     # No driver known: the condition is on patients known to have one (the labellers' reading).
     "post-docetaxel", "eligible", "actionable-condition-spares-patient-with-no-known-driver"),
    (INC, "Patients with actionable genomic alterations must have progressed on an approved targeted therapy.",
     "post-osimertinib", "eligible", "actionable-condition-met-by-tki"),
    (INC, "If a driver mutation is present, the patient must have failed the matching targeted agent.",
     "no-driver-post-chemo", "eligible", "if-driver-condition-spares-driver-negative"),
    (INC, "Subjects whose tumours harbour a targetable alteration should have received an approved TKI.",
     "no-driver-post-chemo", "eligible", "whose-tumours-harbour-condition"),
    (INC, "Subjects whose tumours harbour a targetable alteration should have received an approved TKI.",
     "naive-egfr", "excluded", "whose-tumours-harbour-condition-applies-to-driver-positive"),
    # "Alterations that can be treated with ..." describes the tumour, not the treatment history.
    (INC, "No driver alteration that can be treated with an approved targeted drug", "post-osimertinib", "eligible",
     "can-be-treated-is-not-exposure"),
    (INC, "Tumours without alterations amenable to targeted therapy", "post-docetaxel", "eligible",
     "amenable-to-is-not-exposure"),
    # "Prior therapy targeting X": a class the vocabulary does not know, not every treatment.
    (EXC, "Has received prior therapy targeting the XYZ1 pathway", "post-chemo-io", "eligible",
     "prior-therapy-targeting-unknown-class-is-not-naive"),
    (EXC, "Previous treatment directed against CD47", "post-chemo-io", "eligible",
     "prior-treatment-directed-against-unknown-class-is-not-naive"),
    # "During" / "under" speak of the present, unless a progression word comes first.
    (INC, "A relative who supports the patient during cancer treatment", "naive-untested", "eligible",
     "during-treatment-is-not-earlier-treatment"),
    (INC, "Willing to keep a symptom diary under chemotherapy", "naive-untested", "eligible",
     "under-chemotherapy-is-not-earlier-treatment"),
    (INC, "Tumour progressed during osimertinib", "naive-egfr", "excluded", "progressed-during-still-requires"),
]


@pytest.mark.parametrize(("section", "sentence", "who", "expected"),
                         [pytest.param(*row[:4], id=row[4]) for row in KIND_ROWS])
def test_sentence_kind_verdict(section: str, sentence: str, who: str, expected: str) -> None:
    text = trial(inclusion=[sentence]) if section == INC else trial(exclusion=[sentence])
    assert verdict(text, who) == expected


@pytest.mark.parametrize(("bullet", "who", "expected"), [
    pytest.param("Cohort A: no prior systemic therapy for metastatic disease. Cohort B: must have progressed on "
                 "osimertinib. Osimertinib must have been given as first-line treatment.", "naive-egfr", "eligible",
                 id="later-sentence-keeps-cohort-naive-fits-a"),
    pytest.param("Cohort A: no prior systemic therapy for metastatic disease. Cohort B: must have progressed on "
                 "osimertinib. Osimertinib must have been given as first-line treatment.", "post-osimertinib",
                 "eligible", id="later-sentence-keeps-cohort-treated-fits-b"),
    pytest.param("Cohort A: no prior systemic therapy for metastatic disease. Cohort B: must have progressed on "
                 "osimertinib. Osimertinib must have been given as first-line treatment.", "post-chemo-io",
                 "excluded", id="later-sentence-keeps-cohort-neither-fits"),
    pytest.param("Cohorts 1and2: must not have received systemic therapy for advanced disease. Cohort 3: must have "
                 "progressed on a platinum doublet.", "naive-untested", "eligible", id="glued-cohort-labels"),
    pytest.param("Arms 2and3: must not have received systemic therapy for advanced disease. Arm 4: must have "
                 "progressed on a platinum doublet.", "post-chemo-io", "eligible", id="glued-arm-labels"),
])
def test_sentences_of_one_bullet_keep_its_cohort(bullet: str, who: str, expected: str) -> None:
    assert verdict(trial(inclusion=[bullet]), who) == expected


# Who a rule is about: the shared reader's scope, and the openings this module reads on top of it.
@pytest.mark.parametrize(("inclusion", "who", "expected"), [
    # A bullet that opens with another cancer's diagnosis sets rules for that cancer only.
    pytest.param(["Part 3 (Combination) Histologically confirmed metastatic castration-resistant prostate cancer. "
                  "Participants must have progressed after an androgen receptor inhibitor and docetaxel."],
                 "post-chemo-io", "eligible", id="bullet-opening-with-prostate-diagnosis"),
    pytest.param(["Cytologically confirmed advanced ovarian cancer; must have received a taxane."],
                 "naive-untested", "eligible", id="bullet-opening-with-ovarian-diagnosis"),
    pytest.param(["Histologically confirmed NSCLC. Must have progressed after a platinum doublet."],
                 "naive-untested", "excluded", id="bullet-opening-with-nsclc-diagnosis-still-binds"),
    # A short group name before a colon.
    pytest.param(["Pancreatic cancer (2L): Participants must have progressed on gemcitabine."], "post-chemo-io",
                 "eligible", id="cancer-name-before-colon"),
    pytest.param(["CRC (3L+): must have received oxaliplatin and irinotecan."], "post-docetaxel", "eligible",
                 id="abbreviated-cancer-before-colon"),
    # A list of indications: each bullet that opens with another cancer sets that cancer's rule.
    pytest.param(["Any of these indications:", "  * Hepatocellular carcinoma previously treated with sorafenib",
                  "  * NSCLC after platinum-based chemotherapy"], "post-chemo-io", "eligible",
                 id="indication-list-other-cancer-item"),
    pytest.param(["Metastatic colorectal cancer (mCRC, MSI-H) that progressed after oxaliplatin and irinotecan"],
                 "post-docetaxel", "eligible", id="bullet-opening-with-colorectal-cancer"),
    pytest.param(["Renal cell carcinoma patients who have received an anti-angiogenic agent"], "naive-untested",
                 "eligible", id="bullet-opening-with-rcc-patients"),
    pytest.param(["Non-small cell lung cancer with progression after platinum-based chemotherapy"],
                 "naive-untested", "excluded", id="bullet-opening-with-nsclc-binds"),
    # A group named by a word the vocabulary does not place: a question, not an exclusion.
    pytest.param(["XYZ participants must have received at least one prior line of platinum chemotherapy."],
                 "naive-untested", "unknown", id="unplaced-group-name-is-a-question"),
    pytest.param(["Cluster-2 patients must have had prior docetaxel."], "post-chemo-io", "unknown",
                 id="unplaced-hyphenated-group-name-is-a-question"),
    # A group heading written at the end of the bullet before opens the next bullets' group.
    pytest.param(["For NSCLC:", "  * PD-L1 TPS of 1% or more. Melanoma:", "  * As first-line treatment for melanoma"],
                 "post-chemo-io", "eligible", id="heading-at-end-of-bullet-scopes-next"),
    pytest.param(["For NSCLC:", "  * PD-L1 TPS of 1% or more. Urothelial carcinoma:",
                  "  * Must have progressed on enfortumab vedotin"], "post-docetaxel", "eligible",
                 id="heading-at-end-of-bullet-urothelial"),
    # A drug that qualifies another cancer ("platinum-resistant ovarian cancer") is not asked of anyone.
    pytest.param(["Advanced solid tumours including breast cancer, platinum-resistant ovarian cancer or NSCLC"],
                 "naive-untested", "eligible", id="platinum-resistant-ovarian-is-a-tumour-type"),
    pytest.param(["Solid tumours such as BRAF inhibitor-refractory melanoma or lung cancer"],
                 "naive-untested", "eligible", id="inhibitor-refractory-melanoma-is-a-tumour-type"),
    # Another cohort's heading (shared reader): a patient fitting another part is not excluded.
    pytest.param(["Mesothelioma cohort: must have progressed after platinum and pemetrexed."],
                 "naive-untested", "eligible", id="other-cancer-cohort-rule-spares-nsclc"),
    pytest.param(["Part B (dose expansion, HNSCC): prior cetuximab is required."],
                 "naive-untested", "eligible", id="other-cancer-part-rule-spares-nsclc"),
    # "(Arms 2 and 3 only)": the other arms exist without the rule.
    pytest.param(["Must have progressed on osimertinib (Arms 2 and 3 only)."],
                 "naive-untested", "eligible", id="arm-only-rule-leaves-other-arms-open"),
    pytest.param(["Must have progressed on osimertinib (Arms 2 and 3 only).", "Arm 1: no prior systemic therapy."],
                 "post-chemo-io", "excluded", id="arms-named-everywhere-are-all-the-ways-in"),
])
def test_rules_apply_to_the_group_they_name(inclusion: list[str], who: str, expected: str) -> None:
    assert verdict(trial(inclusion=inclusion), who) == expected


@pytest.mark.parametrize("sentence", [
    "Side effects of earlier immunotherapy must have returned to grade 1 or baseline",
    "Archival tumour tissue obtained before first-line chemotherapy must be available",
    "Willing to stop any concomitant medication that interacts with carboplatin",
])
def test_sentences_with_another_purpose_set_no_rule(sentence: str) -> None:
    assert verdict(trial(inclusion=[sentence]), "naive-untested") == "eligible"


# Clear, fully read rules that do exclude (kept from being lost to a look-alike of another kind).
@pytest.mark.parametrize(("section", "sentence", "who", "expected"), [
    # "Previously treated brain metastases" is about the lesion, not earlier lines.
    pytest.param(INC, "Previously treated brain metastases that are stable", "naive-untested", "eligible",
                 id="previously-treated-brain-metastases-is-not-lines"),
    pytest.param(INC, "Pretreated and stable CNS lesions are allowed", "naive-untested", "eligible",
                 id="pretreated-cns-lesions-is-not-lines"),
    pytest.param(INC, "Previously treated, advanced NSCLC", "naive-untested", "excluded",
                 id="previously-treated-disease-still-needs-a-line"),
    # "Ever ... prior to enrolment" is a ban, not a washout window.
    pytest.param(EXC, "Ever received an ALK inhibitor prior to enrolment", "post-alectinib", "excluded",
                 id="ever-before-enrolment-is-a-ban"),
    pytest.param(EXC, "Use of any EGFR TKI at any time before randomisation", "post-gefitinib", "excluded",
                 id="at-any-time-before-randomisation-is-a-ban"),
    pytest.param(EXC, "Any EGFR TKI within 14 days prior to enrolment", "post-gefitinib", "eligible",
                 id="window-before-enrolment-is-still-a-washout"),
    # The words after "for" restate what the named drug was for; they are no wider ban.
    pytest.param(EXC, "Ever used an EGFR TKI for anti-tumour therapy", "post-chemo-io", "eligible",
                 id="for-anti-tumour-therapy-restates-purpose"),
    pytest.param(EXC, "Ever used an EGFR TKI for anti-tumour therapy", "post-gefitinib", "excluded",
                 id="for-anti-tumour-therapy-keeps-the-named-ban"),
    pytest.param(EXC, "Prior pemetrexed as a systemic treatment", "post-osimertinib", "eligible",
                 id="as-systemic-treatment-restates-purpose"),
    # A definition of the disease does not hide the line count in the same sentence.
    pytest.param(INC, "Advanced solid tumour, defined as metastatic disease after at least 1 line of standard "
                      "therapy", "naive-untested", "excluded", id="disease-definition-keeps-line-count"),
    pytest.param(INC, "Patients who received adjuvant chemotherapy are considered to have had one prior line",
                 "naive-untested", "eligible", id="treatment-definition-sets-no-rule"),
])
def test_clear_rules_still_decide(section: str, sentence: str, who: str, expected: str) -> None:
    text = trial(inclusion=[sentence]) if section == INC else trial(exclusion=[sentence])
    assert verdict(text, who) == expected


# Parts of a trial: a part for another cancer is no way in; a part the reader names is one alternative.
@pytest.mark.parametrize(("inclusion", "who", "expected"), [
    pytest.param(["Part A (dose escalation): NSCLC that progressed on standard therapy or for which none exists.",
                  "Part B (melanoma): Histologically confirmed melanoma. Must have had no prior systemic therapy."],
                 "naive-untested", "unknown", id="other-cancer-part-is-no-way-in"),
    pytest.param(["Part A (dose escalation): NSCLC that progressed after a platinum doublet.",
                  "Part B (melanoma): Histologically confirmed melanoma. Must have had no prior systemic therapy."],
                 "naive-untested", "excluded", id="other-cancer-part-leaves-nsclc-part-binding"),
    pytest.param(["Must have progressed after platinum-based chemotherapy (Phase 1a only).",
                  "Phase 1b: PD-L1 TPS of at least 1%."],
                 "naive-untested", "eligible", id="rule-for-one-phase-leaves-the-other-open"),
])
def test_parts_of_a_trial(inclusion: list[str], who: str, expected: str) -> None:
    assert verdict(trial(inclusion=inclusion), who) == expected


# Samples and histology changes name a treatment for their timing: a failure is a question.
@pytest.mark.parametrize(("sentence", "who"), [
    pytest.param("Tumour biopsy obtained after progression on the most recent therapy", "naive-untested",
                 id="biopsy-after-progression"),
    pytest.param("Archival specimen collected before the start of first-line chemotherapy", "post-osimertinib",
                 id="specimen-before-first-line"),
    pytest.param("NSCLC with squamous histology or transformation to small cell after an EGFR TKI", "naive-untested",
                 id="transformation-after-tki"),
    pytest.param("Tissue or plasma must be collected after progression on osimertinib", "naive-egfr",
                 id="tissue-collected-after-progression"),
])
def test_sample_and_histology_timing_never_excludes(sentence: str, who: str) -> None:
    assert verdict(trial(inclusion=[sentence]), who) != "excluded"


def test_tissue_confirmation_keeps_the_requirement() -> None:
    text = trial(inclusion=["Must have progressed on an EGFR TKI, with tissue confirmation of the EGFR mutation"])
    assert verdict(text, "naive-egfr") == "excluded"


def test_unplaced_group_heading_scopes_its_sub_bullets() -> None:
    md = ("Inclusion Criteria:\n\n* QRS participants must have received:\n"
          "  * at least one line of platinum chemotherapy\n")
    text = TrialText(nct_id="NCT00000000", title="A study", criteria=tuple(split_criteria(md)))
    assert verdict(text, "naive-untested") == "unknown"


def test_other_cancer_rule_is_no_question_when_history_is_not_given() -> None:
    text = trial(inclusion=["Melanoma cohort: must have progressed on a BRAF inhibitor"])
    assert verdict(text, "history-not-given") == "eligible"


@pytest.mark.parametrize("heading", [
    "Basket cohort (solid tumours other than NSCLC): must have progressed on standard therapy",
    "Cohort C (any solid tumour except lung cancer): must have progressed on standard therapy",
    "Part 3 (advanced cancers excluding NSCLC): must have progressed on standard therapy",
])
def test_group_that_leaves_nsclc_out_is_not_an_nsclc_group(heading: str) -> None:
    assert verdict(trial(inclusion=[heading]), "naive-untested") != "excluded"


def test_small_cell_cohort_is_not_an_nsclc_group() -> None:
    text = trial(inclusion=["Small cell lung cancer cohort: progressed after platinum-etoposide"])
    assert verdict(text, "naive-untested") == "eligible"
    text = trial(inclusion=["SCLC cohort: must have received lurbinectedin"])
    assert verdict(text, "post-chemo-io") == "eligible"


# Alternatives and conditions written other ways round (kind 3), and washouts in inclusions (kind 2).
@pytest.mark.parametrize(("section", "sentence", "who", "expected"), [
    # The refusal first, then "or progressed": a patient who had nothing may have declined.
    pytest.param(INC, "Patients who declined chemotherapy or whose disease progressed after chemotherapy",
                 "naive-untested", "unknown", id="declined-or-progressed-is-open"),
    pytest.param(INC, "Ineligible for platinum doublet or relapsed after a platinum doublet", "naive-untested",
                 "unknown", id="ineligible-or-relapsed-is-open"),
    pytest.param(INC, "Refused docetaxel or progressed on docetaxel", "post-chemo-io", "unknown",
                 id="refused-or-progressed-is-open"),
    # A group named by its marker: "The T790M cohort must ...".
    pytest.param(INC, "The T790M cohort must have received prior osimertinib", "post-chemo-io", "eligible",
                 id="marker-cohort-spares-other-patients"),
    pytest.param(INC, "The T790M cohort must have received prior osimertinib", "post-gefitinib-t790m", "excluded",
                 id="marker-cohort-binds-its-carriers"),
    pytest.param(INC, "EGFR-mutant arm: must have progressed on an EGFR TKI", "post-chemo-io", "eligible",
                 id="mutant-arm-spares-other-patients"),
    # "At least 3 weeks since prior X" in an inclusion: a washout, not a requirement to have had X.
    pytest.param(INC, "At least 3 weeks since prior chemotherapy", "naive-untested", "eligible",
                 id="weeks-since-prior-is-a-washout"),
    pytest.param(INC, "Previous immunotherapy must have ended 28 days or more before the first dose",
                 "naive-untested", "eligible", id="previous-x-ended-days-before-is-a-washout"),
    pytest.param(INC, "Must have received prior platinum chemotherapy, the last dose at least 4 weeks before "
                      "enrolment", "post-osimertinib", "excluded", id="must-have-received-keeps-requirement"),
    pytest.param(INC, "Time between prior anticancer therapy including investigational agents and first dose of "
                      "study drug as below:", "naive-untested", "eligible", id="time-between-table-is-a-washout"),
    pytest.param(INC, "Interval since the last dose of prior systemic therapy of at least 3 weeks",
                 "naive-untested", "eligible", id="interval-since-last-dose-is-a-washout"),
    pytest.param(INC, "Progressed within 6 months of platinum-based chemotherapy", "post-osimertinib", "excluded",
                 id="progressed-within-months-keeps-requirement"),
    # An exception for a part of the trial leaves that part open.
    pytest.param(EXC, "Received prior immunotherapy, except patients enrolled in cohort B", "post-chemo-io",
                 "unknown", id="except-cohort-leaves-a-way-in"),
])
def test_alternatives_conditions_and_washouts(section: str, sentence: str, who: str, expected: str) -> None:
    text = trial(inclusion=[sentence]) if section == INC else trial(exclusion=[sentence])
    assert verdict(text, who) == expected


# "Patients with X must ...; others must ...": the second rule is for the patients the condition leaves out
# (the reader cuts the criterion there and scopes "others" to patients without X): an EGFR patient
# treated with osimertinib meets the first and is not bound by the second.
@pytest.mark.parametrize(("sentence", "who", "expected"), [
    pytest.param("Patients with EGFR or ALK alterations must have had prior targeted therapy; others must have had "
                 "platinum chemotherapy", "post-osimertinib", "eligible", id="others-rule-does-not-bind-the-group"),
    pytest.param("Patients with EGFR or ALK alterations must have had prior targeted therapy; others must have had "
                 "platinum chemotherapy", "naive-egfr", "excluded", id="group-rule-still-binds-the-group"),
    pytest.param("Subjects with a KRAS G12C mutation must have received sotorasib. All other subjects must have "
                 "received docetaxel.", "post-osimertinib", "unknown", id="all-other-subjects-is-a-question"),
    # Both ways in said together: no rule.
    pytest.param("Treatment-naive patients and those previously treated with chemotherapy are both eligible",
                 "naive-untested", "eligible", id="both-eligible-keeps-naive"),
    pytest.param("Treatment-naive patients and those previously treated with chemotherapy are both eligible",
                 "post-chemo-io", "eligible", id="both-eligible-keeps-treated"),
    # "... or ineligible for it" opens the requirement.
    pytest.param("Relapsed after or refractory to at least one platinum-containing regimen, or ineligible for "
                 "platinum", "naive-untested", "unknown", id="or-ineligible-opens-line-count"),
    pytest.param("Had disease progression during or after their last treatment", "naive-untested", "excluded",
                 id="progression-after-their-last-treatment-needs-a-line"),
])
def test_groups_left_out_and_open_ways_in(sentence: str, who: str, expected: str) -> None:
    assert verdict(trial(inclusion=[sentence]), who) == expected


@pytest.mark.parametrize(("sentence", "who", "expected"), [
    pytest.param("All patients must have received prior platinum chemotherapy", "post-osimertinib", "excluded",
                 id="all-patients-is-everyone"),
    pytest.param("Adult participants must have progressed on a PD-1 inhibitor", "naive-untested", "excluded",
                 id="adult-participants-is-everyone"),
    pytest.param("mXYZ patients must have received oxaliplatin", "post-chemo-io", "unknown",
                 id="abbreviated-group-is-a-question"),
    # "mCRC": metastatic colorectal cancer, another cancer's group: not the lung cancer patient's rule.
    pytest.param("mCRC patients must have received oxaliplatin", "post-chemo-io", "eligible",
                 id="metastatic-abbreviation-names-another-cancer"),
    pytest.param("EGFR-mutant patients must have progressed on osimertinib", "post-gefitinib", "excluded",
                 id="marker-named-group-binds-its-carriers"),
])
def test_plain_words_before_patients_name_everyone(sentence: str, who: str, expected: str) -> None:
    assert verdict(trial(inclusion=[sentence]), who) == expected


def test_a_repeated_bullet_is_read_in_its_own_place() -> None:
    """The parse reads each distinct bullet and sentence once (parse cost): the same words under another
    cohort heading, or in the other section, still make that place's rule."""
    text = trial(inclusion=["Cohort A:", "  * Must have progressed on osimertinib.",
                            "Cohort B:", "  * Must have progressed on osimertinib."],
                 exclusion=["Prior osimertinib.", "Must have progressed on osimertinib."])
    rules = prior_therapy.parse(text)["rules"]
    assert [(r["kind"], r["section"], r["cohorts"]) for r in rules] == [
        ("require", "inclusion", ["cohort a"]), ("require", "inclusion", ["cohort b"]),
        ("forbid", "exclusion", [])]
    assert verdict(text, "naive-untested") == "excluded"


def test_rules_remembered_within_a_parse_are_not_shared_with_the_next() -> None:
    """Rules remembered for repeated sentences are per parse and copied: changing one parse's answer
    changes neither another rule of it nor the next parse."""
    repeated = "Part 1: must have progressed on osimertinib."
    text = trial(inclusion=[repeated, repeated, "Must have progressed on osimertinib."])
    expected = json.dumps(prior_therapy.parse(text), sort_keys=True)
    first = prior_therapy.parse(text)
    for rule in first["rules"]:
        rule["cohorts"].append("changed")
        rule["kind"] = "changed"
    assert json.dumps(prior_therapy.parse(text), sort_keys=True) == expected


# "Patients without these alterations must have received X": "without" names the group, it does not
# negate the treatment (read as "must not have received X", it excluded the patients who had it).
@pytest.mark.parametrize(("sentence", "who", "expected"), [
    pytest.param("Participants with EGFR or ALK alterations must have progressed on a TKI; participants without "
                 "these alterations must have received platinum chemotherapy and a PD-1 inhibitor",
                 "no-driver-post-chemo", "eligible", id="without-group-had-both"),
    pytest.param("Patients with an ALK fusion must have had alectinib; patients without ALK fusion must have "
                 "received platinum-based chemotherapy", "no-driver-post-chemo", "eligible",
                 id="without-named-gene-had-it"),
    pytest.param("Subjects with EGFR mutations must have had osimertinib; subjects without EGFR mutations must "
                 "have received a PD-1 inhibitor", "post-osimertinib", "eligible", id="without-group-spares-carrier"),
])
def test_a_without_group_is_no_negation(sentence: str, who: str, expected: str) -> None:
    assert verdict(trial(inclusion=[sentence]), who) == expected


# "PD-1 antibody required" beside "no other immunotherapy": a PD-L1 antibody is the required class's
# sibling; whether the trial counts it as "other" is a question, never an exclusion.
@pytest.mark.parametrize(("exclusion", "drugs", "expected"), [
    ("Previously received other immunotherapy, including but not limited to anti-CTLA-4 antibody",
     ["carboplatin", "pemetrexed", "atezolizumab"], "unknown"),
    ("Prior immunotherapy other than a PD-1 inhibitor", ["durvalumab"], "unknown"),
    ("Previously received other immunotherapy, including but not limited to anti-CTLA-4 antibody",
     ["nivolumab", "ipilimumab"], "excluded"),
    ("Prior immunotherapy other than a PD-1 inhibitor", ["pembrolizumab"], "eligible"),
])
def test_the_sibling_of_an_allowed_class_is_a_question(exclusion: str, drugs: list[str], expected: str) -> None:
    text = trial(inclusion=["Disease progressed after receiving PD-1 antibody treatment"], exclusion=[exclusion])
    patient = profile_from_dict({"prior_therapies": drugs, "prior_lines": 1})
    assert prior_therapy.check(prior_therapy.parse(text), patient).verdict == expected
