"""'Progression on or after osimertinib, received as:' over 'first-line treatment, or' / 'second-line treatment
following a first- or second-generation EGFR TKI': the sub-bullets say which line the drug above was. They set no
line position for the study, and the TKI before it is one alternative only (read as required, it excluded every
patient who had osimertinib first line)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

EGFR = [{"gene": "EGFR", "alteration": "exon 19 deletion"}]
OSI_FIRST: dict[str, Any] = {"prior_therapies": ["osimertinib"], "prior_lines": 1, "biomarkers": EGFR}
OSI_SECOND: dict[str, Any] = {"prior_therapies": ["gefitinib", "osimertinib"], "prior_lines": 2, "biomarkers": EGFR}
NO_OSI: dict[str, Any] = {"prior_therapies": ["gefitinib"], "prior_lines": 1, "biomarkers": EGFR}

NESTED = [
    ("Radiographic disease progression on or after osimertinib, received as:",
     "first-line treatment, or", "second-line treatment following a first- or second-generation EGFR TKI (in "
     "participants with an acquired T790M mutation).", "osimertinib"),
    ("Progression on lorlatinib, given as:", "first-line therapy, or",
     "second-line therapy after alectinib or brigatinib.", "lorlatinib"),
    ("Documented progression after osimertinib administered as:", "first line treatment; or",
     "second line treatment after erlotinib, gefitinib or afatinib.", "osimertinib"),
    ("Prior aumolertinib, used as either:", "first-line therapy, or",
     "second-line therapy following a first-generation EGFR TKI.", "aumolertinib"),
    ("Disease progression on osimertinib, received as:", "1st line treatment, or",
     "2nd line treatment following gefitinib.", "osimertinib"),
    ("Progressed on furmonertinib, taken as:", "first-line therapy or",
     "second-line therapy after a first-generation EGFR tyrosine kinase inhibitor.", "furmonertinib"),
]


def _nested(parent: str, first: str, second: str) -> list[str]:
    return [f"{parent}\n  * {first}\n  * {second}"]


@pytest.mark.parametrize(("parent", "first", "second", "drug"), NESTED)
def test_the_drug_first_line_fits(parent: str, first: str, second: str, drug: str) -> None:
    patient = {**OSI_FIRST, "prior_therapies": [drug]}
    assert prior_verdict(patient, _nested(parent, first, second)) == "eligible"


@pytest.mark.parametrize(("parent", "first", "second", "drug"), NESTED)
def test_the_drug_second_line_fits(parent: str, first: str, second: str, drug: str) -> None:
    patient = {**OSI_SECOND, "prior_therapies": ["gefitinib", drug]}
    assert prior_verdict(patient, _nested(parent, first, second)) == "eligible"


@pytest.mark.parametrize(("parent", "first", "second", "drug"), NESTED)
def test_without_the_drug_still_out(parent: str, first: str, second: str, drug: str) -> None:
    assert prior_verdict(NO_OSI, _nested(parent, first, second)) == "excluded"


# Near-misses: without the "received as:" lead-in the positions are the study's; a lone sub-bullet with its
# requirement keeps it.
def test_a_lead_in_of_another_kind_keeps_its_reading() -> None:
    lines = ["Prior therapy:\n  * second-line treatment following a first-generation EGFR TKI."]
    assert prior_verdict({"prior_therapies": [], "prior_lines": 0, "biomarkers": EGFR}, lines) == "excluded"


def test_a_single_position_keeps_its_requirement() -> None:
    lines = ["Progression on osimertinib, received as:\n  * second-line treatment following gefitinib."]
    assert prior_verdict(OSI_FIRST, lines) == "excluded"


# "..., given as follows:" leads the same sub-bullets, joined by "; or" / "or": the positions are the drug's (or the
# class's: "a third-generation EGFR-TKI (e.g., osimertinib, ...)"), and each one is a way in.
AS_FOLLOWS = [
    ("Radiological progression during or after a third-generation EGFR-TKI (e.g., osimertinib, almonertinib, "
     "furmonertinib), given as follows:", "as first-line therapy for advanced disease; or",
     "as second-line therapy after a first- or second-generation EGFR-TKI (gefitinib, erlotinib, afatinib) with "
     "T790M-positive progression.", "osimertinib", "gefitinib"),
    ("Documented progression on lorlatinib, given as follows:", "as first-line treatment for metastatic disease; or",
     "as second-line treatment after alectinib or brigatinib.", "lorlatinib", "alectinib"),
    ("Disease progression on a third-generation EGFR TKI, administered as follows:", "first-line therapy, or",
     "second-line therapy following erlotinib or gefitinib.", "lazertinib", "erlotinib"),
    ("Progressed on aumolertinib, received as follows:", "as 1st line treatment; or",
     "as 2nd line treatment after a first-generation EGFR TKI.", "aumolertinib", "icotinib"),
    ("Progression after furmonertinib, taken as follows:", "as first-line therapy in the advanced setting or",
     "as second-line therapy following dacomitinib or afatinib.", "furmonertinib", "afatinib"),
    ("Radiographic progression on osimertinib, used as follows:", "as first-line therapy for stage IV disease; or",
     "as second-line therapy after gefitinib in patients with T790M.", "osimertinib", "gefitinib"),
]


@pytest.mark.parametrize(("parent", "first", "second", "drug", "before"), AS_FOLLOWS)
def test_as_follows_first_line_fits(parent: str, first: str, second: str, drug: str, before: str) -> None:
    assert prior_verdict({**OSI_FIRST, "prior_therapies": [drug]}, _nested(parent, first, second)) == "eligible"


@pytest.mark.parametrize(("parent", "first", "second", "drug", "before"), AS_FOLLOWS)
def test_as_follows_second_line_fits(parent: str, first: str, second: str, drug: str, before: str) -> None:
    patient = {**OSI_SECOND, "prior_therapies": [before, drug]}
    assert prior_verdict(patient, _nested(parent, first, second)) == "eligible"


@pytest.mark.parametrize(("parent", "first", "second", "drug", "before"), AS_FOLLOWS)
def test_as_follows_without_the_drug_still_out(parent: str, first: str, second: str, drug: str, before: str) -> None:
    patient = {**NO_OSI, "prior_therapies": [before]}
    assert prior_verdict(patient, _nested(parent, first, second)) == "excluded"


# Near-misses: "as follows" after no verb of giving is no "received as"; a lone position keeps its requirement.
def test_prior_therapy_as_follows_keeps_the_requirement() -> None:
    lines = ["Prior therapy as follows:\n  * second-line treatment following a first-generation EGFR TKI."]
    assert prior_verdict({"prior_therapies": [], "prior_lines": 0, "biomarkers": EGFR}, lines) == "excluded"


def test_a_single_position_as_follows_keeps_its_requirement() -> None:
    lines = ["Progression on osimertinib, given as follows:\n  * as second-line treatment following gefitinib."]
    assert prior_verdict(OSI_FIRST, lines) == "excluded"
