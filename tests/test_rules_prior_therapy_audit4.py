"""Prior-therapy kinds of sentence found by a fourth audit with invented profiles, on invented criteria.

Kinds:
- a completion condition ("must have completed / stopped / recovered from prior X at least 4 weeks before
  enrollment"): a condition on those who had X, not a requirement to have had it;
- standard therapy had ("progressed on standard of care treatment", "after the last systemic therapy") with
  no line count: drugs with an early-stage use (cisplatin, vinorelbine) may all have been adjuvant, a question
  as with no line at all; a drug only given for advanced disease (tepotinib) or the whole standard sequence
  shows a line was had;
- a rule for those who had a treatment ("For patients treated with consolidation anti-PD-1 therapy for stage III
  disease, progression on it must ..."): a patient who had none of the lead-in's treatment is not one of them;
- a sentence repeated under other cancers' parts and once as a bullet of its own (its part's heading lost): the
  bullet takes their scope, so a breast-cancer line limit never binds an NSCLC patient;
- untreated early-stage disease ("Untreated stage II-III NSCLC", "previously untreated resectable stage IB-IIIA"):
  untreated at all, so any anticancer drug (adjuvant, consolidation, count unknown) is a treatment; a stage
  range reaching IV or metastatic disease still counts lines for advanced disease.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS", "NRG1"]


def _with(gene: str, alteration: str, drugs: list[str], lines: int | None) -> dict[str, Any]:
    return {"biomarkers": [{"gene": gene, "alteration": alteration}],
            "tested_negative": [g for g in GENES if g != gene], "prior_therapies": drugs, "prior_lines": lines}


PROFILES: dict[str, dict[str, Any]] = {
    "naive-large-cell": {"histology": "large cell", "tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "naive-lines-null": {"histology": "nsclc-nos", "prior_therapies": [], "prior_lines": None},
    "kras-g12d-naive-ecog2": {**_with("KRAS", "G12D", [], 0), "ecog": 2},
    "nrg1-cis-vinorelbine-lines-null": _with("NRG1", "fusion", ["cisplatin", "vinorelbine"], None),
    "adjuvant-cis-vinorelbine-0": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "vinorelbine"],
                                   "prior_lines": 0},
    "carbo-gemcitabine-1": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "gemcitabine"],
                            "prior_lines": 1},
    "sq-carbo-nabpac-tislelizumab-1": {"histology": "squamous", "tested_negative": GENES,
                                       "prior_therapies": ["carboplatin", "nab-paclitaxel", "tislelizumab"],
                                       "prior_lines": 1},
    "durvalumab-consolidation-0": {"tested_negative": GENES,
                                   "prior_therapies": ["cisplatin", "etoposide", "durvalumab"], "prior_lines": 0},
    "egfr-g719x-post-afatinib-chemo-2": _with("EGFR", "G719X", ["afatinib", "carboplatin", "pemetrexed"], 2),
    "egfr-l861q-post-osimertinib": _with("EGFR", "L861Q", ["osimertinib"], 1),
    "met-amp-tepotinib-lines-null": _with("MET", "amplification", ["tepotinib"], None),
    "her2-amp-chemo-io-tdxd-3": _with("ERBB2", "amplification",
                                      ["carboplatin", "pemetrexed", "cemiplimab", "trastuzumab deruxtecan"], 3),
}


def verdict(who: str, inclusion: list[str] = (), exclusion: list[str] = (),  # type: ignore[assignment]
            title: str = "A trial", conditions: tuple[str, ...] = ()) -> str:
    return prior_verdict(PROFILES[who], inclusion, exclusion, title, conditions)


# --- a completion condition is no requirement ------------------------------------------------------------

COMPLETIONS = [
    "Patients must have completed prior chemotherapy before enrollment",
    "Patients must have completed prior chemotherapy at least 4 weeks before enrollment.",
    "Participants must have completed any prior systemic anticancer therapy ≥ 21 days prior to randomization",
    "Subjects should have completed all previous chemotherapy and radiotherapy before registration.",
    "Must have stopped previous EGFR-TKI therapy at least 8 days prior to the first dose of study treatment",
    "Patients must have discontinued prior immunotherapy at least 4 weeks before study entry.",
    "Must have recovered from prior platinum-based chemotherapy before the start of study treatment.",
    "Prior chemotherapy must have been completed at least 3 weeks prior to the first dose of study drug.",
]


@pytest.mark.parametrize("sentence", COMPLETIONS)
@pytest.mark.parametrize("who", ["naive-large-cell", "naive-lines-null", "kras-g12d-naive-ecog2",
                                 "nrg1-cis-vinorelbine-lines-null", "egfr-l861q-post-osimertinib"])
def test_a_completion_condition_asks_for_no_treatment(sentence: str, who: str) -> None:
    assert verdict(who, inclusion=[sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "who", "expected"), [
    # Near misses: a count of cycles, a "received ... completed" or a completion with no study start still ask.
    ("Must have completed at least two cycles of platinum-based chemotherapy.", "naive-large-cell", "excluded"),
    ("Must have completed at least two cycles of platinum-based chemotherapy.", "carbo-gemcitabine-1", "eligible"),
    ("Must have received prior platinum chemotherapy, completed at least 4 weeks before enrollment.",
     "naive-large-cell", "excluded"),
    ("Must have received prior platinum chemotherapy, completed at least 4 weeks before enrollment.",
     "egfr-l861q-post-osimertinib", "excluded"),
    ("Must have completed prior chemotherapy before enrollment and progressed on osimertinib",
     "egfr-l861q-post-osimertinib", "eligible"),
    ("Must have completed prior chemotherapy before enrollment and progressed on osimertinib",
     "carbo-gemcitabine-1", "excluded"),
])
def test_completion_near_misses_still_ask(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, inclusion=[sentence]) == expected


# --- standard therapy had: a count not given leaves drugs of early use a question ----------------------------

STANDARD_HAD = [
    "Progressed on or refractory to standard of care treatment",
    "Have progression of disease after the last systemic therapy, or be intolerant of last systemic therapy",
    "Solid tumour for which standard of care therapy does not exist, no longer provides benefit, or is not tolerated",
    "Received and progressed or been intolerant to prior standard therapy appropriate for tumour type and stage",
    "Must have failed available standard treatments",
]


@pytest.mark.parametrize("sentence", STANDARD_HAD)
@pytest.mark.parametrize(("who", "expected"), [
    # Cisplatin and vinorelbine with no line count: maybe adjuvant only, as with no line at all.
    ("nrg1-cis-vinorelbine-lines-null", "unknown"), ("adjuvant-cis-vinorelbine-0", "unknown"),
    # A drug with no use before the disease is advanced: a line for advanced disease was had.
    ("met-amp-tepotinib-lines-null", "eligible"),
    ("carbo-gemcitabine-1", "eligible"), ("egfr-g719x-post-afatinib-chemo-2", "eligible"),
    ("naive-large-cell", "excluded"), ("naive-lines-null", "unknown"),
])
def test_standard_therapy_had_with_the_count_unknown(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, inclusion=[sentence]) == expected


# --- a rule for those who had a treatment the lead-in names ------------------------------------------------

IF_HAD = [
    "For patients treated with consolidation anti-PD-1 or anti-PD-L1 therapy for Stage III disease, disease "
    "progression on consolidation anti-PD-1 or anti-PD-L1 therapy must have occurred within one year from its start.",
    "For participants who received consolidation durvalumab, progression on durvalumab must be documented.",
    "For patients previously treated with an EGFR TKI, progression on the EGFR TKI must be radiologically confirmed.",
]


@pytest.mark.parametrize("sentence", IF_HAD)
@pytest.mark.parametrize(("who", "expected"), [
    # None of the lead-in's treatment: not one of those patients.
    ("carbo-gemcitabine-1", "eligible"), ("nrg1-cis-vinorelbine-lines-null", "eligible"),
    ("naive-large-cell", "eligible"), ("met-amp-tepotinib-lines-null", "eligible"),
    ("naive-lines-null", "unknown"),  # nothing said about earlier treatment
])
def test_a_rule_for_those_who_had_a_treatment(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, inclusion=[sentence]) == expected


def test_those_who_had_it_are_still_judged() -> None:
    # Had the lead-in's treatment: the rule is theirs, and it stays what it was (a question where it asks more).
    assert verdict("durvalumab-consolidation-0", inclusion=[IF_HAD[0]]) != "excluded"
    assert verdict("egfr-l861q-post-osimertinib", inclusion=[IF_HAD[2]]) == "eligible"
    # A lead-in on any earlier therapy reads no history: the rule is a question as before.
    stage_iv = ("For patients whose prior therapy was for Stage IV disease, the patient must have received at least "
                "one line of platinum-based chemotherapy or anti-PD-1/PD-L1 therapy")
    assert verdict("carbo-gemcitabine-1", inclusion=[stage_iv]) == "eligible"
    assert verdict("naive-large-cell", inclusion=[stage_iv]) == "unknown"


# --- a sentence repeated under other cancers' parts ---------------------------------------------------------

def _parts_trial(limit: str, other: str, nsclc_part: str = "Part 1 (NSCLC): Metastatic NSCLC after standard "
                 "therapy.") -> list[str]:
    return [
        nsclc_part,
        f"Part 2 ({other} 2-4L, combination with drug X): Advanced {other}. Must have progressed after 1 prior "
        f"line of endocrine therapy. {limit}",
        # The part's heading and diagnosis, then its limit as a bullet of its own: no heading above the limit.
        f"Part 3 ({other}, combination with drug Y): Histological diagnosis of advanced {other}.",
        limit,
        f"Part 4 ({other}, combination with drug Z): Advanced {other}; {limit}",
    ]


@pytest.mark.parametrize(("limit", "other"), [
    ("Participants must not have received more than 3 lines of systemic therapies including up to 1 line of "
     "cytotoxic chemotherapy in the metastatic setting", "ER+HER2- breast cancer"),
    ("No more than 2 prior lines of systemic therapy for advanced disease", "castration-resistant prostate cancer"),
    ("Up to 1 prior line of chemotherapy is allowed", "ovarian cancer"),
])
@pytest.mark.parametrize("who", ["her2-amp-chemo-io-tdxd-3", "egfr-g719x-post-afatinib-chemo-2",
                                 "sq-carbo-nabpac-tislelizumab-1"])
def test_a_limit_repeated_under_other_cancers_parts_is_theirs(limit: str, other: str, who: str) -> None:
    assert verdict(who, inclusion=_parts_trial(limit, other)) == "eligible"


def test_a_repeated_limit_stays_when_a_copy_is_for_nsclc() -> None:
    limit = "No more than 2 prior lines of systemic therapy for advanced disease"
    nsclc = f"Part 1 (NSCLC): Metastatic NSCLC after standard therapy. {limit}"
    assert verdict("her2-amp-chemo-io-tdxd-3", inclusion=_parts_trial(limit, "ovarian cancer", nsclc)) == "excluded"
    # Said once only, with no part: every patient's rule.
    assert verdict("her2-amp-chemo-io-tdxd-3", inclusion=["Metastatic NSCLC", limit]) == "excluded"


# --- untreated early-stage disease: untreated at all ------------------------------------------------------

UNTREATED_EARLY = [
    "Untreated stage II-III (AJCC 8th edition) NSCLC with operable and resectable disease",
    "Previously untreated, histologically confirmed resectable stage II, IIIA, IIIB (N2) NSCLC",
    "Treatment-naive, completely resectable stage IB-IIIA non-small cell lung cancer",
    "Previously untreated stage III unresectable NSCLC suitable for chemoradiotherapy",
]


@pytest.mark.parametrize("sentence", UNTREATED_EARLY)
@pytest.mark.parametrize(("who", "expected"), [
    ("naive-large-cell", "eligible"), ("kras-g12d-naive-ecog2", "eligible"),
    ("naive-lines-null", "unknown"),
    # Any anticancer drug, in any setting or with no line count, is a treatment of the disease.
    ("adjuvant-cis-vinorelbine-0", "excluded"), ("nrg1-cis-vinorelbine-lines-null", "excluded"),
    ("durvalumab-consolidation-0", "excluded"), ("met-amp-tepotinib-lines-null", "excluded"),
    ("egfr-l861q-post-osimertinib", "excluded"),
])
def test_untreated_early_disease_means_no_treatment_at_all(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, inclusion=[sentence]) == expected


@pytest.mark.parametrize(("sentence", "no_advanced_line"), [
    # Locally advanced (stage III) disease named: drugs with no line for advanced disease may have been for it.
    ("Previously untreated stage IIIB-IV NSCLC", "unknown"),
    ("Untreated stage III or IV non-small cell lung cancer", "unknown"),
    ("Previously untreated, locally advanced or metastatic NSCLC", "unknown"),
    # Only metastatic or recurrent disease named: such drugs were given before it (adjuvant), and do not count.
    ("Previously untreated stage IV or recurrent NSCLC", "eligible"),
])
def test_untreated_advanced_disease_still_counts_lines(sentence: str, no_advanced_line: str) -> None:
    assert verdict("adjuvant-cis-vinorelbine-0", inclusion=[sentence]) == no_advanced_line
    assert verdict("nrg1-cis-vinorelbine-lines-null", inclusion=[sentence]) == "unknown"
    assert verdict("carbo-gemcitabine-1", inclusion=[sentence]) == "excluded"
