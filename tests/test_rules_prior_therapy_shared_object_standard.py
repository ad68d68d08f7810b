"""Two verbs sharing one object, "all standard therapies": "Progressed on or after, or are intolerant of, all
standard of care therapies known to confer clinical benefit", "must have progressed after or be intolerant to all
available standard therapies". The "or" joins the verbs, not two ways in: the progression is on ALL standard
therapy, so a patient with some treatment may still have standard options left (a question) and an untreated one
has not used any up (excluded). Before, the "or" was read as progression offered as a way in of its own, and every
patient with one line was eligible (set Y kind 9, set X kind 7).

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

_NAIVE = {"prior_therapies": [], "prior_lines": 0}
_ONE_TKI = {"prior_therapies": ["osimertinib"], "prior_lines": 1}
_CHEMO_IO = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}

SENTENCES = [
    "Progressed on or after, or are intolerant of, all standard of care therapies known to confer clinical benefit",
    "Patients must have progressed after or be intolerant to all available standard therapies",
    "Tumour refractory to, or intolerant of, every approved therapy for advanced NSCLC",
    "Disease that relapsed after, or was refractory to, all standard treatments (including targeted therapy)",
    "Failed, or did not tolerate, all established standard-of-care regimens (NSCLC)",
    "Has progressed during, or is intolerant to, all available approved therapies for stage IV disease",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_one_line_does_not_show_all_standard_therapy_used_up(sentence: str) -> None:
    assert prior_verdict(_ONE_TKI, [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", SENTENCES)
def test_an_untreated_patient_used_none_up(sentence: str) -> None:
    assert prior_verdict(_NAIVE, [sentence]) == "excluded"


@pytest.mark.parametrize(("sentence", "patient", "verdict"), [
    # Progression on one named treatment offered as a way in of its own.
    ("Progressed on prior platinum-based chemotherapy, or is intolerant of all available standard therapies",
     _CHEMO_IO, "eligible"),
    ("Progressed on at least one prior therapy, or for whom no standard therapy exists", _ONE_TKI, "eligible"),
    # Used up, said with one verb: unchanged.
    ("Has exhausted all available standard therapies", _ONE_TKI, "unknown"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, object], verdict: str) -> None:
    assert prior_verdict(patient, [sentence]) == verdict
