"""Prior-therapy sentence kinds of round pt30a (an invented survey of 130 criteria against the 12 shared profiles):

1. Two ways in sharing one object, the first left bare: "Naive to, or progressed on, prior anti-PD-1/PD-L1 therapy".
   The object was read as the second way's only (required), so every patient naive to it was excluded. Now it is
   said after "naive to" too (cues.shared_object_naive). Not when a requirement of its own follows ("... and have
   received at least one prior line"): the restated sentence would join it to the second way only.
2. The same two ways each with a verb: "Patients have not received prior anti-PD-1 therapy, or have progressed on
   prior anti-PD-1 therapy". The clause-wide "have not" reached the second name and banned it too; it is over once
   "or have <had> ..." starts (cues.late_negation_over).
3. A bare "TKI" after a checkpoint inhibitor in a list: "History of chemotherapy, ICI or TKI". It was dropped as if it
   restated the ICI's kind (as "HER2 antibody or TKI" does); no TKI blocks an immune checkpoint, so it is a class of
   its own, and a patient who had a TKI is excluded.

Every sentence is invented.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from tests.prior_therapy_cases import EGFR_EX19 as EGFR
from tests.prior_therapy_cases import FULL_PANEL as GENES
from tests.prior_therapy_cases import named_verdict

PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "chemo-io": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"],
                 "prior_lines": 1},
    "osimertinib": {"biomarkers": EGFR, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "capmatinib": {"biomarkers": [{"gene": "MET", "alteration": "exon 14 skipping"}],
                   "prior_therapies": ["capmatinib"], "prior_lines": 1},
    "docetaxel": {"tested_negative": GENES, "prior_therapies": ["docetaxel"], "prior_lines": 1},
}
verdict = partial(named_verdict, PATIENTS)
EVERYONE = list(PATIENTS)


# --- 1. "naive to, or <had> X" -------------------------------------------------------------------------------------

NAIVE_TO_OR_HAD = [
    "Naive to or progressed on prior anti-PD-1/PD-L1 therapy",
    "Patients must be naive to, or have progressed on or after, anti-PD-(L)1 therapy (e.g. pembrolizumab)",
    "Naive to, or previously treated with, an EGFR TKI",
    "Participants may be naive to or have received a prior KRAS G12C inhibitor",
    "Naïve to or intolerant of platinum-based chemotherapy",
    "Subjects must be naive to or refractory to prior MET inhibitor therapy",
    "Naive to, or relapsed after, docetaxel for metastatic disease",
]


@pytest.mark.parametrize("sentence", NAIVE_TO_OR_HAD)
@pytest.mark.parametrize("who", EVERYONE)
def test_naive_to_or_had_lets_both_ways_in(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "who", "expected"), [
    # Near misses: one way only keeps its reading.
    ("Progressed on prior anti-PD-1/PD-L1 therapy", "naive", "excluded"),
    ("Progressed on prior anti-PD-1/PD-L1 therapy", "chemo-io", "eligible"),
    ("Naive to prior anti-PD-1/PD-L1 therapy", "chemo-io", "excluded"),
    ("Naive to prior anti-PD-1/PD-L1 therapy", "osimertinib", "eligible"),
    # "Treatment-naive or progressed on X" names two things (no treatment at all, or X): X had is no way in for a
    # patient who had something else.
    ("Treatment-naive or progressed on platinum-based chemotherapy", "osimertinib", "excluded"),
    ("Treatment-naive or progressed on platinum-based chemotherapy", "naive", "eligible"),
    ("Treatment-naive or progressed on platinum-based chemotherapy", "chemo-io", "eligible"),
    # The object named after both ways already: unchanged.
    ("Either PD-1 inhibitor-naive or pretreated with a PD-1 inhibitor", "naive", "eligible"),
    ("Either PD-1 inhibitor-naive or pretreated with a PD-1 inhibitor", "chemo-io", "eligible"),
])
def test_naive_to_or_had_near_misses(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected


def test_naive_to_or_had_with_a_requirement_after_is_left_as_it_was() -> None:
    # The line count after "and" is no part of either way: not restated (the naive patient is not let in).
    sentence = ("Patients must be naive to or refractory to prior MET inhibitor and have received at least one prior "
                "line")
    assert verdict("naive", [sentence]) == "excluded"


# --- 2. "have not received X, or have <had> X" ---------------------------------------------------------------------

NOT_RECEIVED_OR_HAD = [
    "Patients have not received prior anti-PD-1 therapy, or have progressed on prior anti-PD-1 therapy",
    "Patients must have not received prior anti-PD-1 therapy or have progressed on prior anti-PD-1 therapy",
    "Participants have not received a KRAS G12C inhibitor, or have progressed on a KRAS G12C inhibitor",
    "Subjects have not received docetaxel, or have been intolerant to docetaxel",
    "Patients have not previously received immune checkpoint inhibitors, or have relapsed after immune checkpoint "
    "inhibitors",
]


@pytest.mark.parametrize("sentence", NOT_RECEIVED_OR_HAD)
@pytest.mark.parametrize("who", EVERYONE)
def test_not_received_or_had_lets_both_ways_in(sentence: str, who: str) -> None:
    assert verdict(who, [sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "who", "expected"), [
    # Near misses: a list after one "have not" stays banned, name by name.
    ("Patients have not received prior anti-PD-1 therapy or docetaxel", "chemo-io", "excluded"),
    ("Patients have not received prior anti-PD-1 therapy or docetaxel", "docetaxel", "excluded"),
    ("Patients have not received prior anti-PD-1 therapy or docetaxel", "osimertinib", "eligible"),
    ("Patients have not received prior anti-PD-1 therapy", "chemo-io", "excluded"),
    # "or have not ..." is a second negation, not a way in.
    ("Patients have not received prior anti-PD-1 therapy, or have not received docetaxel", "naive", "eligible"),
])
def test_not_received_or_had_near_misses(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, [sentence]) == expected


# --- 3. a bare "TKI" after a checkpoint inhibitor ------------------------------------------------------------------

CLASS_LISTS = [
    "History of chemotherapy, ICI or TKI",
    "History of chemotherapy, immune checkpoint inhibitor or TKI treatment",
    "Previous treatment with chemotherapy, ICIs, or TKIs",
    "Prior treatment with chemotherapy, ICI, or TKIs for advanced disease",
    "Prior anti-PD-1 antibody or TKI therapy",
    "Any prior immune checkpoint inhibitor or tyrosine kinase inhibitor",
]


@pytest.mark.parametrize("sentence", CLASS_LISTS)
@pytest.mark.parametrize("who", ["osimertinib", "capmatinib", "chemo-io"])
def test_tki_after_checkpoint_inhibitor_is_banned(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "excluded"


@pytest.mark.parametrize("sentence", CLASS_LISTS)
def test_tki_after_checkpoint_inhibitor_lets_the_untreated_in(sentence: str) -> None:
    assert verdict("naive", exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "who", "expected"), [
    # Near misses: "or other TKI" after a gene-targeted class widens it to every TKI, as before.
    ("Prior ALK inhibitor or other TKI", "osimertinib", "excluded"),
    ("Prior ALK inhibitor or other TKI", "chemo-io", "eligible"),
    # "Antibody" after a checkpoint inhibitor restates its kind: no other antibody is banned.
    ("Prior anti-PD-1 or anti-PD-L1 antibody", "osimertinib", "eligible"),
    ("Prior anti-PD-1 or anti-PD-L1 antibody", "chemo-io", "excluded"),
])
def test_tki_after_targeted_class_near_misses(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, exclusion=[sentence]) == expected
