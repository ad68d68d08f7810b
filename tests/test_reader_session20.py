"""Reader structures of session 20, round 2 (invented sentences only; every slot varied, near-misses kept).

- a washout named by its unit alone, with "from" / "after" and no "within", "since", "prior to" or "before":
  "at least 28 days from the previous immunotherapy" (was read as a requirement of immunotherapy); also "≥ 21 days
  from X" after a space (the pattern wanted a word boundary before "≥");
- a phase named by its bare label before a colon ("Ia: ...", "Ib: ...", "IIa: ...", "1b: ..."): the criterion is that
  phase's rule (was read as every patient's, and excluded treatment-naive patients from a basket's Phase Ia).
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import invented_patient as _p
from tests.prior_therapy_cases import prior_verdict
from trialmatch.criteria.rules.reader import criterion_scope, purpose_of

EL, UN, EX = "eligible", "unknown", "excluded"
NAIVE = _p([], [], 0)
CHEMO_ONLY = _p([], ["carboplatin", "pemetrexed"], 1)
EGFR_TKI = _p([("EGFR", "G719X")], ["afatinib"], 1)


# ---------------------------------------------------------------- a washout named by its unit
@pytest.mark.parametrize("line", [
    "At the first dose of study drug: at least 28 days from the previous immunotherapy or biological therapy",
    "A minimum of 3 weeks from prior cytotoxic chemotherapy, and 2 weeks from small-molecule targeted therapy",
    "More than 4 weeks after the previous anti-PD-1 antibody",
    "At least 14 days from the last administration of an EGFR tyrosine kinase inhibitor",
    "The following intervals must have been met: ≥ 21 days from major surgery, immunotherapy or radiotherapy",
    "at least two weeks after previous hormonal therapy or targeted agents",
    "A minimum of 5 days from previous tyrosine kinase inhibitor therapy",
    "At least 6 weeks from the previous nitrosourea or mitomycin C; at least 4 weeks from other chemotherapy",
])
def test_a_window_named_by_its_unit_is_a_washout(line: str) -> None:
    assert purpose_of(line) == "washout"
    for patient in (NAIVE, CHEMO_ONLY, EGFR_TKI):  # never a requirement of what it names
        assert prior_verdict(patient, [line]) == EL


@pytest.mark.parametrize("line", [
    "At least 6 months from the end of adjuvant chemotherapy to disease recurrence",
    "Relapse more than 12 months after completing platinum-based chemoradiation",
    "At least 1 prior line of platinum-based chemotherapy for metastatic disease",
    "Received at least 2 cycles of docetaxel",
    "Progression at least 3 months after the start of first-line immunotherapy",
])
def test_a_window_dating_the_disease_or_a_count_is_no_washout(line: str) -> None:
    assert purpose_of(line) != "washout"


def test_a_plain_washout_with_its_old_words_is_still_one() -> None:
    for line in ("No chemotherapy within 21 days before the first dose",
                 "At least 4 weeks since prior immunotherapy; patients who progressed on it are eligible"):
        assert purpose_of(line) == "washout"


# ---------------------------------------------------------------- a phase named by its bare label
@pytest.mark.parametrize("line", [
    "Ia: Subjects with advanced solid tumours that are refractory or intolerant to standard treatment",
    "Ib: Metastatic NSCLC that has progressed after at least one line of systemic therapy",
    "IIa: Participants must have received prior platinum-based chemotherapy",
    "IIb: Prior treatment with an anti-PD-1 antibody is required",
    "1a: Relapsed or refractory solid tumours after standard therapy",
    "1b: Patients who have failed at least two prior regimens",
    "IA: Advanced malignancies with no remaining standard option",
    "- Ib: Patients previously treated with docetaxel",
])
def test_a_bare_phase_label_before_a_colon_scopes_the_criterion(line: str) -> None:
    scope = criterion_scope(line.lstrip("- "))
    assert scope is not None and scope.kind == "phase" and scope.label.startswith("Phase ")
    # a rule for one phase: the patient may join the other one, so a failure is a question, never an exclusion
    assert prior_verdict(NAIVE, [line.lstrip("- ")]) != EX


@pytest.mark.parametrize("line", [
    "1: Stage IV NSCLC",  # a numbered list
    "B: Prior platinum-based chemotherapy",  # a lettered list
    "Ibrutinib: not allowed",  # a drug name
    "In: the opinion of the investigator",
    "Iab: a typo",
])
def test_a_list_number_or_a_word_before_a_colon_is_no_phase(line: str) -> None:
    scope = criterion_scope(line)
    assert scope is None or scope.kind != "phase"


def test_the_phase_rule_still_binds_when_it_is_the_only_phase_named() -> None:
    # an unscoped requirement beside it still decides
    assert prior_verdict(NAIVE, ["Ia: Prior anti-PD-1 therapy", "Must have received at least 1 prior line of "
                                 "platinum-based chemotherapy for metastatic disease"]) == EX
