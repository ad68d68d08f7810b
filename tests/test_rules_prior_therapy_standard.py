"""Prior-therapy kinds of sentence about standard therapy and drivers, on invented criteria and invented profiles.

Kinds:
- standard therapy used up or absent ("for which no standard therapy exists", "has received all standard
  therapies", "no available treatment options with confirmed benefit"): an untreated patient is outside, a
  treated one is a question (options may remain), unless they had the whole standard sequence (platinum,
  PD-1/PD-L1, docetaxel, and their driver's approved drug);
- progression on standard therapy offered as a way in of its own ("progressed on ..., or for which no standard
  therapy exists", "... no longer provides benefit"): any earlier line is enough;
- a condition on driver patients: KRAS G12C and HER2 drugs, approved after a first line, are due once a line
  has been had when the sentence asks for "approved" therapy; "or have them contraindicated" leaves only the
  untreated carrier a question; EGFR exon 20 insertions have their own drugs.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.invented import invented_trial
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import profile_from_dict

GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS"]


def _neg(*positive: str) -> list[str]:
    return [g for g in GENES if g not in positive]


def _with(gene: str, alteration: str, drugs: list[str], lines: int | None, **more: Any) -> dict[str, Any]:
    return {"biomarkers": [{"gene": gene, "alteration": alteration}], "tested_negative": _neg(gene),
            "prior_therapies": drugs, "prior_lines": lines, **more}


CHEMO_IO = ["carboplatin", "pemetrexed", "pembrolizumab"]
PROFILES: dict[str, dict[str, Any]] = {
    "naive-no-driver-pdl1-50": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0, "pdl1_tps": 50},
    "naive-large-cell-ecog2": {"histology": "large cell", "tested_negative": GENES, "prior_therapies": [],
                               "prior_lines": 0, "ecog": 2},
    "naive-untested-lines-null": {"histology": "nsclc-nos", "prior_therapies": [], "prior_lines": None},
    "naive-egfr-l861q": _with("EGFR", "L861Q", [], 0),
    "naive-kras-g12c": _with("KRAS", "G12C", [], 0),
    "egfr-g719x-post-afatinib": _with("EGFR", "G719X", ["afatinib"], 1),
    "egfr-t790m-post-erlotinib": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"},
                                                 {"gene": "EGFR", "alteration": "T790M"}],
                                  "tested_negative": _neg("EGFR"), "prior_therapies": ["erlotinib"], "prior_lines": 1},
    "egfr-ex20ins-post-chemo": _with("EGFR", "exon 20 insertion", ["cisplatin", "pemetrexed"], 1),
    "egfr-ex20ins-post-amivantamab": _with("EGFR", "exon 20 insertion", ["carboplatin", "pemetrexed", "amivantamab"],
                                           1),
    "egfr-ex20ins-post-osimertinib": _with("EGFR", "exon 20 insertion", ["osimertinib"], 1),
    "kras-g12c-post-chemo-io": _with("KRAS", "G12C", CHEMO_IO, 1),
    "kras-g12c-post-adagrasib": _with("KRAS", "G12C", [*CHEMO_IO, "adagrasib"], 2),
    "kras-g12d-post-chemo-io-lines-null-ecog2": _with("KRAS", "G12D", CHEMO_IO, None, ecog=2),
    "kras-g12v-post-chemo-io-docetaxel": _with("KRAS", "G12V", [*CHEMO_IO, "docetaxel"], 2),
    "her2-mutant-post-chemo-io": _with("ERBB2", "exon 20 insertion", ["cisplatin", "gemcitabine", "atezolizumab"], 1),
    "her2-mutant-post-tdxd": _with("ERBB2", "exon 20 insertion", [*CHEMO_IO, "trastuzumab deruxtecan"], 2),
    "her2-amplified-post-chemo-io": _with("ERBB2", "amplification", CHEMO_IO, 1),
    "braf-v600e-post-chemo-io": _with("BRAF", "V600E", CHEMO_IO, 1),
    "ret-post-pralsetinib": _with("RET", "fusion", ["pralsetinib"], 1),
    "met14-post-tepotinib": _with("MET", "exon 14 skipping", ["tepotinib"], 1),
    "nrg1-post-chemo-io": {"biomarkers": [{"gene": "NRG1", "alteration": "fusion"}], "tested_negative": GENES,
                           "prior_therapies": CHEMO_IO, "prior_lines": 1},
    "squamous-post-chemo-io-docetaxel": {"histology": "squamous", "tested_negative": ["EGFR", "ALK", "ROS1"],
                                         "prior_therapies": ["carboplatin", "nab-paclitaxel", "tislelizumab",
                                                             "docetaxel", "ramucirumab"], "prior_lines": 2},
    "no-driver-post-chemo-io-docetaxel-lines-null": {"tested_negative": GENES, "prior_lines": None,
                                                     "prior_therapies": ["cisplatin", "pemetrexed", "durvalumab",
                                                                         "docetaxel"]},
    "no-driver-post-chemo-io": {"tested_negative": GENES, "prior_therapies": CHEMO_IO, "prior_lines": 1},
    "adjuvant-only": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "vinorelbine"], "prior_lines": 0},
    "history-not-given": {"tested_negative": GENES},
}


def verdict(inclusion: list[str], who: str, title: str = "A study") -> str:
    text = invented_trial("".join(f"* {line}\n" for line in inclusion), "* Pregnancy", title=title)
    base = {"age": 60, "histology": "adenocarcinoma", "stage": "IV", "ecog": 1, "biomarkers": [],
            "tested_negative": [], "pdl1_tps": None, "brain_metastases": "none"}
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**base, **PROFILES[who]})).verdict


# --- standard therapy used up or absent ------------------------------------------------------------

USED_UP = [
    "Advanced solid tumour for which no standard therapy exists.",
    "Metastatic solid tumours that have no standard therapeutic option or are intolerant to the therapies.",
    "Participant has received all standard therapies for which they were deemed an appropriate candidate by the "
    "treating investigator; or there is no standard therapy available for the disease.",
    "Patients who have progressed following at least 1 prior systemic treatment for metastatic disease and have no "
    "available treatment options that have confirmed benefit.",
    "Recurrent or metastatic cancer after the patient has exhausted all available standard therapies.",
    "Relapsed or refractory solid tumour for which no further effective standard treatment is available.",
    "Subjects must have progressed on or after all available standard-of-care therapies.",
    "Refractory to or intolerant of all approved standard treatment options.",
    "Disease that has progressed on standard treatment(s) for which no additional, effective therapy is available.",
]


@pytest.mark.parametrize("sentence", USED_UP)
@pytest.mark.parametrize(("who", "expected"), [
    # Untreated: standard first-line treatment exists for every stage IV NSCLC.
    ("naive-no-driver-pdl1-50", "excluded"), ("naive-egfr-l861q", "excluded"), ("naive-large-cell-ecog2", "excluded"),
    # Treated, with standard options that may remain: for the doctor.
    ("egfr-g719x-post-afatinib", "unknown"), ("ret-post-pralsetinib", "unknown"), ("met14-post-tepotinib", "unknown"),
    ("kras-g12c-post-chemo-io", "unknown"), ("no-driver-post-chemo-io", "unknown"),
    ("kras-g12d-post-chemo-io-lines-null-ecog2", "unknown"),
    # The whole standard sequence had (and the driver's approved drug, where there is one).
    ("squamous-post-chemo-io-docetaxel", "eligible"), ("kras-g12v-post-chemo-io-docetaxel", "eligible"),
    ("no-driver-post-chemo-io-docetaxel-lines-null", "eligible"),
    ("history-not-given", "unknown"), ("naive-untested-lines-null", "unknown"),
])
def test_standard_used_up(sentence: str, who: str, expected: str) -> None:
    if who.endswith("lines-null") and "metastatic disease and" in sentence:
        expected = "unknown"  # lines "for metastatic disease" not given
    assert verdict([sentence], who) == expected


def test_standard_used_up_still_asks_for_the_drivers_drug() -> None:
    sentence = "Metastatic solid tumour for which no standard therapy is available."
    profile = {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "tested_negative": _neg("KRAS"),
               "prior_therapies": ["carboplatin", "paclitaxel", "pembrolizumab", "docetaxel"], "prior_lines": 2}
    PROFILES["kras-g12c-full-sequence-no-sotorasib"] = profile
    assert verdict([sentence], "kras-g12c-full-sequence-no-sotorasib") == "unknown"
    PROFILES["kras-g12c-full-sequence"] = {**profile, "prior_therapies": [*profile["prior_therapies"], "sotorasib"],
                                           "prior_lines": 3}
    assert verdict([sentence], "kras-g12c-full-sequence") == "eligible"


@pytest.mark.parametrize("sentence", [
    "Advanced solid tumour for which no standard therapy exists, or who refuse standard therapy.",
    "Metastatic cancer with no standard treatment option available, or the patient is not a candidate for it.",
    "Solid tumours that have exhausted all standard therapies or are unsuitable for them.",
])
def test_standard_used_up_or_refused_leaves_the_untreated_a_question(sentence: str) -> None:
    assert verdict([sentence], "naive-no-driver-pdl1-50") == "unknown"
    assert verdict([sentence], "squamous-post-chemo-io-docetaxel") == "eligible"


# --- progression on standard therapy is a way in of its own ----------------------------------------

PROGRESSION_OR_NONE = [
    "Patients have progressed on, rejected, or are intolerant of standard therapy, or for whom no standard "
    "therapy exists.",
    "NSCLC that is intolerant or resistant to standard therapy or for which no standard therapy is available.",
    "Solid tumour for which standard of care therapy does not exist, no longer provides benefit, or is not "
    "tolerated.",
    "Disease progression after at least one prior regimen, or no standard therapy available.",
    "No standard treatment exists, or the disease progressed after at least one line of therapy.",
    "Tumours for which standard treatment no longer provides clinical benefit.",
]


@pytest.mark.parametrize("sentence", PROGRESSION_OR_NONE)
@pytest.mark.parametrize("who", ["egfr-g719x-post-afatinib", "kras-g12c-post-chemo-io", "met14-post-tepotinib",
                                 "squamous-post-chemo-io-docetaxel"])
def test_progression_on_standard_therapy_is_enough(sentence: str, who: str) -> None:
    assert verdict([sentence], who) == "eligible"


@pytest.mark.parametrize("sentence", PROGRESSION_OR_NONE)
def test_progression_or_none_still_needs_a_line(sentence: str) -> None:
    assert verdict([sentence], "naive-no-driver-pdl1-50") != "eligible"


def test_used_up_heading_spelt_out_for_nsclc_asks_no_more() -> None:
    # The sub-bullet says what standard treatment is for NSCLC: having had it is enough.
    inclusion = ["Part 1: Participants must have progressed on standard treatment(s) for which no additional "
                 "effective therapy is available.",
                 "  1. NSCLC: Participants must have progressed on platinum-based chemotherapy and a checkpoint "
                 "inhibitor.",
                 "  2. Colorectal cancer: Participants must have received oxaliplatin and irinotecan."]
    text = invented_trial("".join(f"{line}\n" if line.startswith(" ") else f"* {line}\n" for line in inclusion),
                          "* Pregnancy")
    base = {"age": 60, "histology": "adenocarcinoma", "stage": "IV", "ecog": 1, "pdl1_tps": None,
            "brain_metastases": "none"}
    rules = prior_therapy.parse(text)
    assert not any(rule.get("exhausted") for rule in rules["rules"])
    found = prior_therapy.check(rules, profile_from_dict({**base, **PROFILES["no-driver-post-chemo-io"]}))
    assert found.verdict == "eligible"


@pytest.mark.parametrize("sentence", [
    "Stage IV NSCLC with no curative treatment options.",
    "There is no standard dose adjustment for hepatic impairment.",
    "Patients must have progressed on all prior therapies.",
    "All patients must agree to receive standard therapy after the study.",
])
def test_near_misses_are_not_used_up(sentence: str) -> None:
    rules = prior_therapy.parse(invented_trial(f"* {sentence}\n", "* Pregnancy")).get("rules") or []
    assert not any(rule.get("exhausted") for rule in rules)


# --- a condition on driver patients ----------------------------------------------------------------

APPROVED_FOR_DRIVERS = [
    "Patients with tumours harbouring actionable mutations should have progressed on all approved targeted "
    "therapies.",
    "For participants with EGFR, ALK, or other genomic alterations, participants must have progressed on approved "
    "therapy for these alterations.",
    "Subjects with a known driver alteration must have received FDA-approved targeted therapy.",
]


@pytest.mark.parametrize("sentence", APPROVED_FOR_DRIVERS)
@pytest.mark.parametrize(("who", "expected"), [
    # The drug is due after a first line: not had, outside.
    ("kras-g12c-post-chemo-io", "excluded"), ("her2-mutant-post-chemo-io", "excluded"),
    ("braf-v600e-post-chemo-io", "excluded"), ("egfr-ex20ins-post-chemo", "excluded"),
    ("kras-g12c-post-adagrasib", "eligible"), ("her2-mutant-post-tdxd", "eligible"),
    ("egfr-ex20ins-post-amivantamab", "eligible"),
    # Another EGFR drug for an exon 20 insertion: whether it counts is for the doctor.
    ("egfr-ex20ins-post-osimertinib", "unknown"),
    # Untreated: a KRAS G12C drug is not yet due.
    ("naive-kras-g12c", "unknown"),
    # No approved drug for the finding, or a gene the rule does not list: a question, never an exclusion.
    ("kras-g12d-post-chemo-io-lines-null-ecog2", "unknown"), ("her2-amplified-post-chemo-io", "unknown"),
    ("nrg1-post-chemo-io", "unknown"),
    ("no-driver-post-chemo-io", "eligible"), ("squamous-post-chemo-io-docetaxel", "eligible"),
])
def test_approved_therapy_for_every_driver(sentence: str, who: str, expected: str) -> None:
    assert verdict([sentence], who) == expected


def test_all_approved_for_t790m_needs_a_third_generation_tki() -> None:
    assert verdict([APPROVED_FOR_DRIVERS[0]], "egfr-t790m-post-erlotinib") == "excluded"


@pytest.mark.parametrize("sentence", [
    "Patients with known oncogenic drivers must have received and progressed past driver-specific therapy.",
    "If driver mutation, must have failed precision medicine therapy.",
])
def test_driver_specific_therapy_leaves_later_line_drivers_a_question(sentence: str) -> None:
    assert verdict([sentence], "kras-g12c-post-chemo-io") == "unknown"
    assert verdict([sentence], "her2-mutant-post-chemo-io") == "unknown"
    assert verdict([sentence], "ret-post-pralsetinib") == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients with actionable mutations should have progressed on all approved targeted therapies or have them "
    "contraindicated.",
    "Patients with a driver alteration must have received approved targeted therapy, or such therapy is "
    "contra-indicated.",
])
def test_contraindicated_alternative_leaves_only_the_untreated_a_question(sentence: str) -> None:
    assert verdict([sentence], "kras-g12c-post-chemo-io") == "excluded"
    assert verdict([sentence], "braf-v600e-post-chemo-io") == "excluded"
    # Since s27 a contraindication no profile states is no way in ("have them contraindicated", and since round 4
    # "or such therapy is contra-indicated").
    assert verdict([sentence], "naive-egfr-l861q") == "excluded"
    assert verdict([sentence], "egfr-g719x-post-afatinib") == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients with actionable mutations must have received approved targeted therapy, if available.",
    "Patients with actionable mutations must have received approved targeted therapy unless they declined it.",
    "Patients with actionable alterations must have progressed on approved targeted therapy where locally "
    "available.",
])
def test_driver_condition_with_a_condition_is_a_question(sentence: str) -> None:
    assert verdict([sentence], "kras-g12c-post-chemo-io") == "unknown"
    assert verdict([sentence], "naive-egfr-l861q") == "unknown"


@pytest.mark.parametrize("sentence", [
    "Patients with known EGFR sensitizing mutations, ALK fusion or BRAF V600E mutation are not eligible unless they "
    "have progressed following all standard of care targeted therapy.",
    "Patients with sensitising EGFR mutations or ALK rearrangements must have progressed on approved targeted "
    "therapy.",
    "Subjects with an activating EGFR mutation must have received an approved EGFR TKI.",
])
def test_egfr_sensitizing_condition_leaves_out_exon_20_insertions(sentence: str) -> None:
    assert verdict([sentence], "egfr-ex20ins-post-chemo") == "eligible"
    assert verdict([sentence], "naive-egfr-l861q") == "excluded"
    assert verdict([sentence], "egfr-g719x-post-afatinib") == "eligible"


@pytest.mark.parametrize("sentence", [
    "Metastatic solid tumour after at least one prior line. Prior HER2-targeted therapy is not permitted "
    "(Cohort 1 only).",
    "Advanced cancer after at least one line of treatment. No prior HER2-directed therapy (for Cohort A only).",
])
def test_closing_cohort_aside_scopes_its_sentence(sentence: str) -> None:
    # Another cohort may take a patient treated with trastuzumab deruxtecan: not everyone's ban.
    assert verdict([sentence], "her2-mutant-post-tdxd") != "excluded"
    assert verdict([sentence], "no-driver-post-chemo-io") == "eligible"


@pytest.mark.parametrize("inclusion", [
    ["Advanced solid tumours including HR+ breast cancer, platinum resistant serous ovarian cancer (PROC), and others. "
     "Prior standard-of-care systemic therapies for advanced disease are required.",
     "PROC participants must have received at least 1 line of platinum-containing chemotherapy."],
    ["Metastatic solid tumours such as castration-resistant prostate cancer (mCRPC) or NSCLC after at least one "
     "prior line of therapy.",
     "mCRPC participants must have received docetaxel."],
])
def test_group_spelt_out_as_another_cancer_binds_only_that_cancer(inclusion: list[str]) -> None:
    for who in ("ret-post-pralsetinib", "egfr-g719x-post-afatinib", "met14-post-tepotinib"):
        assert verdict(inclusion, who) == "eligible"
    assert verdict(inclusion, "naive-no-driver-pdl1-50") == "excluded"


def test_group_abbreviation_not_spelt_out_stays_a_question() -> None:
    inclusion = ["Advanced solid tumours after at least one prior line of therapy.",
                 "PROC participants must have received platinum-containing chemotherapy."]
    assert verdict(inclusion, "ret-post-pralsetinib") == "unknown"
