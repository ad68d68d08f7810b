"""A flattened criteria list whose line breaks were lost ("DISEASE CHARACTERISTICS: * Stage IV NSCLC * No known
brain metastases PATIENT CHARACTERISTICS: * ECOG 0-2 * ANC >= 1,500/mm^3") is read as one criterion per bullet. Read
as one long criterion, "ECOG 0-2 * ANC >= 1,500" became "ECOG 0-2 or >= 1" and the list's "No ..." bullets negated the
performance status: every patient was excluded."""

from __future__ import annotations

import pytest

from trialmatch.criteria.rules import performance_status
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile

FLAT = ("DISEASE CHARACTERISTICS: * Histologically confirmed stage IV non-small cell lung cancer * No known brain "
        "metastases * No tumor invading major blood vessels PATIENT CHARACTERISTICS: * Age 70 and over * {ps} "
        "* ANC >= 1,500/mm^3 * Platelet count >= 100,000/mm^3 * No uncontrolled hypertension PRIOR CONCURRENT "
        "THERAPY: * No prior chemotherapy for advanced disease * More than 28 days since prior major surgery")


def test_a_flattened_list_is_one_criterion_per_bullet() -> None:
    texts = [c.text for c in split_criteria(FLAT.format(ps="ECOG performance status 0-2"))]
    assert "ECOG performance status 0-2" in texts
    assert "ANC >= 1,500/mm^3" in texts
    assert "PATIENT CHARACTERISTICS:" in texts
    assert "No prior chemotherapy for advanced disease" in texts


@pytest.mark.parametrize(("ps", "allowed"), [
    ("ECOG performance status 0-2", (0, 1, 2)),
    ("WHO performance status 0 or 1", (0, 1)),
    ("Zubrod performance status 0-1", (0, 1)),
    ("ECOG 0-2", (0, 1, 2)),
    ("Performance status ECOG 2", (2,)),
    ("ECOG performance status <= 1", (0, 1)),
])
def test_the_performance_status_of_a_flattened_list_is_read_alone(ps: str, allowed: tuple[int, ...]) -> None:
    text = TrialText(nct_id="NCT00000000", title="A trial", criteria=tuple(split_criteria(FLAT.format(ps=ps))))
    rules = performance_status.parse(text)
    for score in range(5):
        verdict = performance_status.check(rules, Profile(ecog=score)).verdict
        assert verdict == ("eligible" if score in allowed else "excluded"), (ps, score)


@pytest.mark.parametrize("line", [
    "Creatinine <= 1.5 * ULN and bilirubin <= 2 * ULN",  # products, not bullets
    "AST * ALT * bilirubin within normal limits",  # two marks only
])
def test_a_line_with_few_or_lower_case_marks_stays_one_criterion(line: str) -> None:
    assert [c.text for c in split_criteria(line)] == [line]
