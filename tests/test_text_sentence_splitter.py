"""The one sentence splitter (criteria/text.py) and its variants: every cut shares the abbreviation rules."""

from __future__ import annotations

import pytest

from trialmatch.criteria.rules.biomarker.cues import sentences as marker_clauses
from trialmatch.criteria.text import CLAUSE_END, SENTENCE_END, Criterion


def _sentences(text: str) -> list[str]:
    return Criterion(text=text, section="inclusion").sentences()


@pytest.mark.parametrize("text", [
    "Prior PD-1 inhibitor (e.g. Nivolumab or Pembrolizumab) is allowed.",
    "ECOG as defined by Oken et al. 1982 of 0 or 1.",
    "Randomised vs. Docetaxel in the second line.",
    "KRAS p. G12C mutation in tumour tissue.",
    "Any EGFR TKI, i.e. Gefitinib, Erlotinib or Osimertinib.",
    "Documented ALK fusion (see Fig. 2 of the protocol).",
])
def test_an_abbreviation_ends_no_sentence(text: str) -> None:
    assert _sentences(text) == [text]
    assert len(marker_clauses(text)) == 1
    assert not CLAUSE_END.search(text.rstrip("."))


def test_sentence_cut_before_a_capital_or_a_bracket() -> None:
    assert SENTENCE_END.split("Stage IV NSCLC. Measurable disease.") == ["Stage IV NSCLC.", "Measurable disease."]
    assert SENTENCE_END.split("Stage IV NSCLC; (RECIST 1.1)") == ["Stage IV NSCLC;", "(RECIST 1.1)"]
    assert SENTENCE_END.split("Stage IV NSCLC. measurable disease") == ["Stage IV NSCLC. measurable disease"]


def test_clause_end_cuts_whatever_follows() -> None:
    assert CLAUSE_END.split("EGFR mutation. at least one lesion") == ["EGFR mutation.", "at least one lesion"]


def test_marker_clauses_cut_at_every_semicolon_but_before_or() -> None:
    assert marker_clauses("EGFR wild-type;ECOG 0-1; measurable disease") == [
        "EGFR wild-type", "ECOG 0-1", "measurable disease"]
    assert marker_clauses("EGFR mutation; ALK rearrangement; or ROS1 fusion") == [
        "EGFR mutation; ALK rearrangement; or ROS1 fusion"]
