""""Actionable alterations for which a targeted therapy is approved in the first-line setting" (session 26, Q kind 9).

One table (data/vocab/biomarkers.json, membership -> actionable: "not_first_line") says which changes have their
approved targeted drugs only after prior therapy (KRAS G12C, NRG1 fusion, HER2 mutation, MET amplification or
overexpression). A ban on drivers with a FIRST-LINE targeted therapy does not count them (eligible), where it was a
question for every driver outside the named list. "No documented X" is said of findings already made: an untested
gene is no bar. Near-misses: a "locally approved" ban without "first-line" keeps KRAS G12C a question; named
drivers (ALK, RET, MET exon 14) are still excluded; EGFR exon 20 insertion under "locally" stays a question (the
label is debatable: amivantamab's first-line approval varies by country).
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_EX20,
    HER2_EX20,
    KRAS_G12C,
    MET_AMP,
    MET_EX14,
    NO_DRIVER,
    NRG1,
    RET,
    inc,
    patient,
    verdict,
)

NRG1_PART_TESTED = patient("NRG1:fusion", negative=["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET"])

FIRST_LINE = [
    "No known ALK, RET or other actionable genomic alterations for which a targeted therapy is approved in the "
    "first-line setting",
    "Absence of actionable driver alterations with an approved first-line targeted therapy (e.g. ALK, RET)",
    "No documented ALK fusion, RET fusion or other targetable alteration for which a targeted agent is approved "
    "locally as first-line treatment",
    "Tumour must not harbour an actionable alteration with approved front-line targeted therapy, such as ALK or RET",
    "Patients must not have a known targetable alteration (ALK, RET, or others) for which approved first line targeted "
    "therapy is available",
    "No other actionable genomic alterations, such as ALK or RET, with targeted therapy approved for 1st-line use",
]


@pytest.mark.parametrize("sentence", FIRST_LINE)
def test_later_line_drivers_are_not_first_line_actionable(sentence: str) -> None:
    criteria = inc(sentence)
    for profile in (KRAS_G12C, NRG1, MET_AMP, HER2_EX20, NO_DRIVER):
        assert verdict(criteria, profile) == "eligible", profile
    for profile in (ALK, RET):
        assert verdict(criteria, profile) == "excluded", profile


def test_first_line_driver_outside_the_list_still_excluded() -> None:
    assert verdict(inc(FIRST_LINE[0]), MET_EX14) == "excluded"


def test_no_documented_lets_untested_gene_in() -> None:
    assert verdict(inc(FIRST_LINE[2]), NRG1_PART_TESTED) == "eligible"


def test_locally_without_first_line_keeps_the_question() -> None:
    criteria = inc("No known ALK, RET or other actionable alterations for which a targeted therapy is approved locally")
    assert verdict(criteria, KRAS_G12C) == "unknown"
    assert verdict(criteria, EGFR_EX20) == "unknown"
    assert verdict(criteria, ALK) == "excluded"


# The examples after the class's therapy noun are the class's: with the negation, never a requirement (they were read
# as a phrase of their own, asked for, and a driver-free profile was excluded).
THERAPY_THEN_EXAMPLES = [
    "No actionable driver alterations with an approved targeted therapy (e.g. ALK, RET)",
    "Absence of targetable alterations with available targeted treatment, such as ALK or RET",
    "Must not have an actionable mutation with approved targeted agents (for example ALK, RET)",
]


@pytest.mark.parametrize("sentence", THERAPY_THEN_EXAMPLES)
def test_examples_after_therapy_noun_stay_negated(sentence: str) -> None:
    criteria = inc(sentence)
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, ALK) == "excluded"
