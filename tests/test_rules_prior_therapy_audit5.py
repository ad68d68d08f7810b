"""Prior-therapy kinds of sentence found by a fifth audit with invented profiles, on invented criteria.

Kinds:
- a driver condition met by the patient's own approved targeted drug ("patients with a known oncogenic driver
  must have progressed on driver-specific therapy", KRAS G12C after sotorasib): met whether or not the trial's
  words bind that driver;
- first-line therapy completed as an entry condition ("has completed 4 cycles of first-line platinum doublet with
  stable disease"): a maintenance trial, closed to the untreated; unlike a completion condition ("must have
  completed prior chemotherapy before enrollment"), which is no requirement;
- the named drug as the most recent treatment in plain words ("osimertinib, which must have been the last treatment
  received"): settled only when it is the one drug listed and at most one line was had (the list's order is no
  promise).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS", "NRG1"]
CHEMO_IO = ["carboplatin", "pemetrexed", "pembrolizumab"]


def _with(gene: str, alteration: str, drugs: list[str], lines: int | None) -> dict[str, Any]:
    return {"biomarkers": [{"gene": gene, "alteration": alteration}],
            "tested_negative": [g for g in GENES if g != gene], "prior_therapies": drugs, "prior_lines": lines}


def _none(drugs: list[str], lines: int | None) -> dict[str, Any]:
    return {"tested_negative": GENES, "prior_therapies": drugs, "prior_lines": lines}


PROFILES: dict[str, dict[str, Any]] = {
    "kras-g12c-chemo-io-sotorasib-2": _with("KRAS", "G12C", [*CHEMO_IO, "sotorasib"], 2),
    "kras-g12c-adagrasib-lines-null": _with("KRAS", "G12C", ["adagrasib"], None),
    "kras-g12c-chemo-io-1": _with("KRAS", "G12C", CHEMO_IO, 1),
    "kras-g12d-chemo-io-1": _with("KRAS", "G12D", CHEMO_IO, 1),
    "her2-mut-chemo-tdxd-2": _with("ERBB2", "exon 20 insertion", ["carboplatin", "pemetrexed",
                                                                  "trastuzumab deruxtecan"], 2),
    "met-amp-chemo-1": _with("MET", "amplification", ["cisplatin", "pemetrexed"], 1),
    "naive-0": _none([], 0),
    "naive-null": _none([], None),
    "chemo-io-1": _none(CHEMO_IO, 1),
    "chemo-io-null": _none(CHEMO_IO, None),
    "chemo-io-docetaxel-2": _none([*CHEMO_IO, "docetaxel"], 2),
    "adjuvant-cis-vinorelbine-0": _none(["cisplatin", "vinorelbine"], 0),
    "io-alone-1": _none(["pembrolizumab"], 1),
    "egfr-osimertinib-1": _with("EGFR", "L858R", ["osimertinib"], 1),
    "egfr-osimertinib-lines-null": _with("EGFR", "exon 19 deletion", ["osimertinib"], None),
    "egfr-osimertinib-only-listed-2": _with("EGFR", "exon 19 deletion", ["osimertinib"], 2),
    "egfr-osimertinib-chemo-2": _with("EGFR", "L858R", ["osimertinib", "carboplatin", "pemetrexed"], 2),
    "egfr-chemo-then-osimertinib-2": _with("EGFR", "L858R", ["carboplatin", "pemetrexed", "osimertinib"], 2),
    "alk-alectinib-1": _with("ALK", "fusion", ["alectinib"], 1),
}


def verdict(who: str, inclusion: list[str] = (), exclusion: list[str] = (),  # type: ignore[assignment]
            title: str = "A trial") -> str:
    return prior_verdict(PROFILES[who], inclusion, exclusion, title)


# --- a driver condition met by the patient's own approved drug -------------------------------------------

DRIVER_CONDITIONS = [
    "Patients with known oncogenic driver (including but not limited to EGFR, ALK, ROS, MET alterations) must have "
    "received and progressed past driver-specific therapy",
    "Participants with an actionable genomic alteration must have progressed on matched targeted therapy",
    "If driver mutation, must have failed precision medicine therapy",
    "Patients with EGFR, ALK, ROS1, or other oncogenic driver alterations should have received appropriate "
    "targeted therapy",
]


@pytest.mark.parametrize("sentence", DRIVER_CONDITIONS)
@pytest.mark.parametrize("who", ["kras-g12c-chemo-io-sotorasib-2", "kras-g12c-adagrasib-lines-null",
                                 "her2-mut-chemo-tdxd-2"])
def test_driver_condition_met_by_own_approved_drug(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", DRIVER_CONDITIONS)
def test_driver_condition_without_the_drug_stays_a_question(sentence: str) -> None:
    # No sotorasib yet: whether "driver-specific therapy" binds a KRAS G12C carrier is the doctor's call.
    assert verdict("kras-g12c-chemo-io-1", [sentence]) in {"unknown", "excluded"}
    assert verdict("kras-g12d-chemo-io-1", [sentence]) == "unknown"  # no approved drug for G12D
    assert verdict("met-amp-chemo-1", [sentence]) == "unknown"  # none for MET amplification


def test_driver_condition_naming_other_genes_is_unchanged() -> None:
    sentence = "Patients with EGFR or ALK aberrations must have progressed on approved targeted therapy"
    assert verdict("kras-g12c-chemo-io-sotorasib-2", [sentence]) == "eligible"
    assert verdict("kras-g12c-chemo-io-1", [sentence]) == "eligible"


# --- first-line therapy completed as an entry condition ---------------------------------------------------

COMPLETED_FIRST_LINE = [
    "Has completed 2-4 cycles of first-line therapy (including chemotherapy, immunotherapy, or chemo-immunotherapy), "
    "and has SD assessed by RECIST 1.1",
    "Completion of frontline systemic therapy with stable disease or better",
    "Participants who completed at least 4 cycles of 1st-line therapy and achieved disease control",
    "Must have completed first line chemo-immunotherapy for metastatic disease",
]


@pytest.mark.parametrize("sentence", COMPLETED_FIRST_LINE)
def test_completed_first_line_closes_to_the_untreated(sentence: str) -> None:
    assert verdict("naive-0", [sentence]) == "excluded"
    assert verdict("naive-null", [sentence]) == "unknown"
    assert verdict("chemo-io-1", [sentence]) in {"eligible", "unknown"}
    assert verdict("chemo-io-docetaxel-2", [sentence]) == "unknown"  # a later line: maintenance or not, a question
    # Drugs with no line for advanced disease may be chemoradiation for stage III: a question, not a miss.
    if "metastatic" not in sentence:  # a setting named: drugs with no line were early, as elsewhere
        assert verdict("adjuvant-cis-vinorelbine-0", [sentence]) == "unknown"
    assert verdict("chemo-io-null", [sentence]) in {"eligible", "unknown"}


def test_completed_first_line_without_progression_closes_to_a_second_line() -> None:
    # "without disease progression" said outright: a second line means the first one ended, as in
    # test_rules_prior_therapy_first_line_course.py (current._stable_after_rules).
    sentence = "Patients must have completed 4 cycles of first-line treatment without disease progression"
    assert verdict("naive-0", [sentence]) == "excluded"
    assert verdict("naive-null", [sentence]) == "unknown"
    assert verdict("chemo-io-1", [sentence]) == "unknown"
    assert verdict("chemo-io-docetaxel-2", [sentence]) == "excluded"
    assert verdict("adjuvant-cis-vinorelbine-0", [sentence]) == "unknown"
    assert verdict("chemo-io-null", [sentence]) == "unknown"


NOT_A_COMPLETED_LINE = [
    # the study's start as the point: a washout, no requirement
    "Patients must have completed prior chemotherapy before enrollment",
    "Must have completed first-line treatment at least 4 weeks prior to enrollment",
    "Subjects must have completed front-line therapy before the first dose of study drug",
    # negated, or the untreated also let in
    "Patients must not have completed first-line therapy",
    "Patients who completed first-line therapy or who are previously untreated may enroll",
]


@pytest.mark.parametrize("sentence", NOT_A_COMPLETED_LINE)
def test_near_misses_do_not_close_to_the_untreated(sentence: str) -> None:
    assert verdict("naive-0", [sentence]) != "excluded"
    assert verdict("chemo-io-docetaxel-2", [sentence]) != "excluded"


def test_weeks_after_a_line_word_are_not_a_line_count() -> None:
    sentence = "Must have completed first-line treatment at least 4 weeks prior to enrollment"
    for who in ("naive-0", "chemo-io-1", "chemo-io-docetaxel-2"):
        assert verdict(who, [sentence]) == "eligible"
    # a real count after the unit is still read
    assert verdict("chemo-io-docetaxel-2", ["Prior lines of therapy must not exceed 1"]) == "excluded"


# --- the named drug as the most recent treatment ---------------------------------------------------------

LAST_TREATMENT = [
    "Must have progressed on osimertinib as the most recent line of therapy",
    "Disease progression on osimertinib, which must have been the last treatment received",
    "Radiological progression on osimertinib as the last prior therapy",
    "Documented progression while on osimertinib, this being the latest anticancer treatment",
]


@pytest.mark.parametrize("sentence", LAST_TREATMENT)
def test_last_treatment_settled_only_by_one_drug_and_one_line(sentence: str) -> None:
    assert verdict("egfr-osimertinib-1", [sentence]) == "eligible"
    assert verdict("egfr-osimertinib-lines-null", [sentence]) == "eligible"
    # another drug, in either order, or a line the list does not name: which came last is not known
    assert verdict("egfr-osimertinib-chemo-2", [sentence]) == "unknown"
    assert verdict("egfr-chemo-then-osimertinib-2", [sentence]) == "unknown"
    assert verdict("egfr-osimertinib-only-listed-2", [sentence]) == "unknown"
    assert verdict("alk-alectinib-1", [sentence]) == "excluded"


def test_last_words_without_a_named_drug_or_in_an_exclusion_set_no_order() -> None:
    # "the last treatment" with no drug before it, or an exclusion: no order rule
    assert verdict("egfr-osimertinib-chemo-2", ["Progression on osimertinib; prior chemotherapy is allowed"]) \
        == "eligible"
    assert verdict("egfr-osimertinib-chemo-2", exclusion=["Osimertinib as the last treatment"]) == "eligible"


# --- a cap on chemotherapy lines with a mixed history: left a question ------------------------------------

CHEMO_CAPS = [
    "NSCLC patients with <= 1 prior line of chemotherapy",
    "No more than one prior chemotherapy regimen for advanced disease",
    "Prior treatment with no more than 1 cytotoxic chemotherapy regimen",
]


@pytest.mark.parametrize("sentence", CHEMO_CAPS)
def test_chemotherapy_cap_with_a_mixed_history_is_a_question(sentence: str) -> None:
    # Chemo-immunotherapy then sotorasib: one chemotherapy line is likely, but pemetrexed may have been given
    # again, or carboplatin with a partner the list lacks; the profile does not say which line held which drug.
    assert verdict("kras-g12c-chemo-io-sotorasib-2", [sentence]) == "unknown"
    assert verdict("chemo-io-1", [sentence]) == "eligible"
    assert verdict("kras-g12c-adagrasib-lines-null", [sentence]) == "eligible"
    assert verdict("chemo-io-docetaxel-2", [sentence]) != "eligible"
