"""Two ways in on one class, the first said with "not been treated with": "Subjects have not been treated with an
EGFR TKI, or have progressed on an EGFR TKI", "Must not have been treated with an EGFR TKI, or must have received an
EGFR TKI and progressed".

Before, "have not been treated" was read as untreated (no treatment at all) though a class follows it, so a patient
after chemo-immunotherapy was excluded; and "must not have been treated with X, or must have received X" kept the
negation over the second way (both names banned). Now "not been treated with <a class>" bans that class only (as
"naive to treatment with X" already did), and a second way with a verb of its own after "or" ends the negation.
Near-misses: the same negation over a list, and "not been treated with any systemic therapy", keep their bans.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict


def _had(lines: int, *drugs: str) -> dict[str, object]:
    return {"prior_therapies": list(drugs), "prior_lines": lines}


NAIVE = _had(0)
CHEMO_IO = _had(1, "carboplatin", "pemetrexed", "pembrolizumab")
OSI = _had(1, "osimertinib")
DOCETAXEL = _had(2, "carboplatin", "paclitaxel", "docetaxel")

BOTH_WAYS = [
    ("Subjects have not been treated with an EGFR TKI, or have progressed on an EGFR TKI", OSI),
    ("Must not have been treated with an EGFR TKI, or must have received an EGFR TKI and progressed", OSI),
    ("Patients have not been previously treated with a PD-1 inhibitor, or have relapsed after a PD-1 inhibitor",
     CHEMO_IO),
    ("Participants must not have been treated with docetaxel, or must have been intolerant to docetaxel", DOCETAXEL),
    ("Has not been treated with a KRAS G12C inhibitor, or has progressed on a KRAS G12C inhibitor",
     _had(1, "sotorasib")),
    ("Must not have received osimertinib, or must have progressed on osimertinib", OSI),
]


@pytest.mark.parametrize(("sentence", "had_it"), BOTH_WAYS)
def test_not_treated_with_x_or_had_x(sentence: str, had_it: dict) -> None:
    assert prior_verdict(NAIVE, [sentence]) == "eligible"
    assert prior_verdict(had_it, [sentence]) == "eligible"
    assert prior_verdict(_had(1, "capmatinib"), [sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "patient", "expected"), [
    # "not been treated with <a class>" alone bans the class, not all treatment.
    ("Patients have not been treated with a PD-1 inhibitor", CHEMO_IO, "excluded"),
    ("Patients have not been treated with a PD-1 inhibitor", OSI, "eligible"),
    ("Subjects have not been treated with an EGFR TKI", OSI, "excluded"),
    ("Subjects have not been treated with an EGFR TKI", CHEMO_IO, "eligible"),
    # ... but with any systemic therapy it is untreated.
    ("Have not been treated with any systemic therapy for advanced disease", OSI, "excluded"),
    ("Have not been treated with any systemic therapy for advanced disease", NAIVE, "eligible"),
    # A list under one negation, joined without a verb of its own: both banned.
    ("Patients must not have been treated with chemotherapy or been treated with pembrolizumab", CHEMO_IO,
     "excluded"),
    ("Must not have been treated with osimertinib or gefitinib", OSI, "excluded"),
    # "or have not ..." is a second negation.
    ("Patients have not been treated with docetaxel, or have not received pembrolizumab", NAIVE, "eligible"),
])
def test_near_misses(sentence: str, patient: dict, expected: str) -> None:
    assert prior_verdict(patient, [sentence]) == expected
