"""'Must have received, be intolerant of, or be ineligible for standard of care therapy, including platinum and an
anti-PD-(L)1 agent unless contraindicated': one rule on standard therapy with three ways to meet it. The
"ineligible for" made the whole sentence read as a future treatment, so it set no rule at all. Read as
"received ... or ineligible for it" is read: a patient who had the named treatments meets it; one who had none of
them, or only some, may be intolerant or ineligible (a profile never says so): unknown, never excluded."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

BOTH = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
BOTH_OTHER = {"prior_therapies": ["cisplatin", "gemcitabine", "atezolizumab"], "prior_lines": 2}
NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
PLATINUM_ONLY = {"prior_therapies": ["cisplatin", "pemetrexed"], "prior_lines": 1}

# The escape list with the standard therapy's named parts.
NAMED = [
    "Participants must have received, be intolerant to, or be ineligible for standard-of-care treatment, including "
    "platinum doublet chemotherapy and a PD-1 or PD-L1 inhibitor, unless contraindicated.",
    "Patients who have progressed on, are intolerant to, or are not candidates for approved therapies, including "
    "platinum-based chemotherapy and immunotherapy unless medically contraindicated",
    "Has received, or is ineligible for, standard therapy including a carboplatin or cisplatin doublet and an immune "
    "checkpoint inhibitor",
    "Subjects must have failed, be intolerant of, or be unsuitable for standard therapy, including platinum "
    "chemotherapy and checkpoint inhibitor therapy",
    "Disease progression on, intolerance of, or ineligibility for standard therapy, including a platinum-containing "
    "regimen and an anti-PD-(L)1 antibody",
    "Should have received, or be not eligible for, standard treatment, including platinum-based chemotherapy "
    "and a PD-(L)1 inhibitor unless contraindicated",
]

# The escape list with no treatment named: at least one earlier line, or a way in an untreated patient may take.
UNNAMED = [
    "Must have received, be intolerant of, or be ineligible for standard of care therapy.",
    "Progressed on, intolerant to, or unsuitable for approved therapies",
    "Patients who have failed, are intolerant of, or are not candidates for available standard treatment options",
    "Disease progression on, intolerance to, or ineligibility for standard systemic therapy",
    "Has received, or is not eligible for, standard-of-care therapy for metastatic disease",
    "Treated with, or unfit for, standard first-line therapy",
]


@pytest.mark.parametrize("sentence", NAMED)
@pytest.mark.parametrize("patient", [BOTH, BOTH_OTHER])
def test_named_standard_therapy_had_meets_it(sentence: str, patient: dict[str, Any]) -> None:
    assert prior_verdict(patient, inclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", NAMED)
@pytest.mark.parametrize("patient", [NAIVE, PLATINUM_ONLY])
def test_named_standard_therapy_missing_is_a_question(sentence: str, patient: dict[str, Any]) -> None:
    assert prior_verdict(patient, inclusion=[sentence]) == "unknown"


@pytest.mark.parametrize("sentence", UNNAMED)
def test_unnamed_standard_therapy_had_meets_it(sentence: str) -> None:
    assert prior_verdict(PLATINUM_ONLY, inclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", UNNAMED)
def test_unnamed_standard_therapy_untreated_is_a_question(sentence: str) -> None:
    assert prior_verdict(NAIVE, inclusion=[sentence]) == "unknown"


# Near-misses: without the ineligibility the rule stays firm; "ineligible for" alone, or in an exclusion, is about
# the treatment to come; "intolerant of" still means it was had.
@pytest.mark.parametrize(("sentence", "patient", "expected"), [
    ("Must have received platinum-based chemotherapy and an anti-PD-1 antibody", NAIVE, "excluded"),
    ("Must have received platinum-based chemotherapy and an anti-PD-1 antibody", BOTH, "eligible"),
    ("Must have received standard of care therapy", NAIVE, "excluded"),
    ("Must have progressed on or be intolerant of standard therapy", NAIVE, "excluded"),
    ("Must have received or be intolerant of platinum-based chemotherapy", NAIVE, "excluded"),
    ("Must have received platinum-based chemotherapy or be ineligible for it", NAIVE, "unknown"),
    ("Patients ineligible for platinum-based chemotherapy", BOTH, "eligible"),
    # A refusal in the same list keeps the refusal's reading: the line rule stays, a question for the untreated.
    ("Progressed on, declined, or are ineligible for standard first-line therapy", NAIVE, "unknown"),
    ("Progression after, refusal of, or ineligibility for standard chemotherapy", NAIVE, "unknown"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], expected: str) -> None:
    assert prior_verdict(patient, inclusion=[sentence]) == expected


@pytest.mark.parametrize("patient", [NAIVE, BOTH])
def test_ineligibility_in_an_exclusion_bans_nothing(patient: dict[str, Any]) -> None:
    assert prior_verdict(patient, exclusion=["Patients ineligible for platinum-based chemotherapy"]) == "eligible"
