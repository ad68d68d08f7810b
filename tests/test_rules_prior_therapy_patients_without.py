""""Patients without prior systemic therapy": a group word before "without" does not make it a group.

"without" after "patients" usually names a group ("Patients without these alterations must have received
platinum"), so it was no negation there; followed by "prior"/"previous"/"earlier" it says what the patients
have not had, as it does at the start of a sentence. It shut out every untreated patient and let every
treated one in.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

NAIVE = {"prior_therapies": [], "prior_lines": 0}
CHEMO_IO = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
OSIMERTINIB = {"prior_therapies": ["osimertinib"], "prior_lines": 1}


@pytest.mark.parametrize("sentence", [
    "Patients without prior systemic therapy.",
    "Patients without prior systemic therapy for advanced disease",
    "Participants without any prior systemic therapy for metastatic NSCLC",
    "Subjects without previous anticancer treatment",
    "Those without earlier systemic treatment for stage IV disease",
])
def test_patients_without_prior_therapy_are_the_untreated(sentence: str) -> None:
    assert prior_verdict(NAIVE, [sentence]) == "eligible"
    assert prior_verdict(CHEMO_IO, [sentence]) == "excluded"
    assert prior_verdict(OSIMERTINIB, [sentence]) == "excluded"


def test_patients_without_prior_exposure_to_a_drug_ban_that_drug() -> None:
    sentence = "Patients without prior exposure to osimertinib"
    assert prior_verdict(OSIMERTINIB, [sentence]) == "excluded"
    assert prior_verdict(CHEMO_IO, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients without these alterations must have received platinum-based chemotherapy",
    "Patients without EGFR mutations must have received prior platinum-based chemotherapy",
])
def test_patients_without_a_marker_still_name_a_group(sentence: str) -> None:
    # a rule for the driver-negative group: the untreated patient tested negative for everything fails it,
    # the treated one meets it
    assert prior_verdict(CHEMO_IO, [sentence]) == "eligible"
