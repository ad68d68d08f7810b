"""Prior-therapy kinds of sentence found by a sixth audit, on invented criteria.

Kind: a treatment condition and being untreated joined by "or" ("Subjects who have completed first-line
chemotherapy or are treatment-naive", "either untreated or progressed after one line"): either one is enough.
An untreated patient is eligible; a patient with one first-line treatment of the named kind is eligible (or a
question); more lines are decided by the rest of the text. Near misses: the treatment condition alone still closes
the trial to the untreated, and "brain metastases that are untreated or progressed" is about a lesion.
"""

from __future__ import annotations

import pytest

from tests.test_rules_prior_therapy_audit5 import verdict

TREATED_OR_NAIVE = [
    "Subjects who have completed first-line chemotherapy or are treatment-naive",
    "Patients must have completed first-line platinum-based chemotherapy or be previously untreated for metastatic "
    "disease",
    "Completed first-line chemotherapy, or patients who are treatment naive for advanced NSCLC",
    "Participants must have received first-line chemotherapy or have had no prior systemic therapy",
    "Treatment-naive or have completed first-line platinum doublet chemotherapy",
    "Patients who have progressed after one line of chemotherapy or who are previously untreated",
]


@pytest.mark.parametrize("sentence", TREATED_OR_NAIVE)
def test_treated_or_naive_lets_either_in(sentence: str) -> None:
    assert verdict("naive-0", [sentence]) == "eligible"
    assert verdict("chemo-io-1", [sentence]) in {"eligible", "unknown"}
    assert verdict("chemo-io-null", [sentence]) != "excluded"
    assert verdict("naive-null", [sentence]) != "excluded"
    assert verdict("chemo-io-docetaxel-2", [sentence]) != "excluded"  # "completed first line" then more: the text
    # Immunotherapy alone is neither chemotherapy nor no treatment.
    assert verdict("io-alone-1", [sentence]) == "excluded"


UNTREATED_OR_PROGRESSED = [
    "Either untreated or progressed after one line of systemic therapy",
    "Untreated or relapsed after one prior platinum-based regimen",
    "Patients who are untreated or have progressed on first-line platinum chemotherapy",
    "Patients must be either untreated or have failed one prior line of therapy for advanced disease",
]


@pytest.mark.parametrize("sentence", UNTREATED_OR_PROGRESSED)
def test_untreated_or_progressed_lets_either_in(sentence: str) -> None:
    assert verdict("naive-0", [sentence]) == "eligible"
    assert verdict("chemo-io-1", [sentence]) in {"eligible", "unknown"}
    assert verdict("chemo-io-null", [sentence]) != "excluded"
    assert verdict("naive-null", [sentence]) != "excluded"


def test_untreated_or_progressed_after_platinum_still_needs_platinum_when_treated() -> None:
    sentence = "Patients who are untreated or have progressed on first-line platinum chemotherapy"
    assert verdict("io-alone-1", [sentence]) == "excluded"


TREATED_ONLY = [
    "Must have completed first-line chemotherapy",
    "Subjects must have completed first-line platinum-based chemotherapy for metastatic disease",
    "Patients who have progressed after one line of chemotherapy",
]


@pytest.mark.parametrize("sentence", TREATED_ONLY)
def test_treatment_condition_alone_still_closes_to_the_untreated(sentence: str) -> None:
    assert verdict("naive-0", [sentence]) == "excluded"
    assert verdict("chemo-io-1", [sentence]) == "eligible"


LESION_NEAR_MISSES = [
    "Brain metastases that are untreated or progressed after radiotherapy",
    "Patients with untreated or previously treated brain metastases are eligible",
    "Known untreated or progressing CNS metastases",
]


@pytest.mark.parametrize("sentence", LESION_NEAR_MISSES)
def test_untreated_lesions_are_not_an_untreated_patient(sentence: str) -> None:
    for who in ("naive-0", "chemo-io-1", "chemo-io-docetaxel-2", "io-alone-1"):
        assert verdict(who, [sentence]) != "excluded"


# ---- "other" as the adjective of a list's last item is no rule for "the others" ----------------------------------

@pytest.mark.parametrize("ban", [
    "The patient has received immune checkpoint inhibitors such as anti-PD-1, PD-L1 or CTLA-4, other immunotherapy",
    "Prior PD-1 or PD-L1 antibodies, other checkpoint inhibitors",
    "Previous treatment with anti-PD-1 antibodies; other immunotherapy is allowed only in the adjuvant setting.",
])
def test_a_ban_ending_in_other_drugs_binds_the_patient_who_had_them(ban: str) -> None:
    assert verdict("chemo-io-1", exclusion=[ban]) == "excluded"
    assert verdict("naive-0", exclusion=[ban]) == "eligible"


@pytest.mark.parametrize("rule", [
    "Patients with EGFR mutation must have had osimertinib; others must have had platinum-based chemotherapy",
    "EGFR-mutant patients: prior osimertinib required. Other patients: prior platinum-based chemotherapy required",
])
def test_a_rule_for_the_others_still_binds_the_others(rule: str) -> None:
    # The shared reader names "the others" (those without the EGFR mutation): a patient tested negative for it is
    # one of them, so their requirement is firm (it was a question before the reader's group was used).
    assert verdict("naive-0", [rule]) == "excluded"
    assert verdict("chemo-io-1", [rule]) != "excluded"
