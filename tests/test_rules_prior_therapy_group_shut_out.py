"""An inclusion bullet that names a group by its treatment history and shuts it out at the END of the sentence:
"Patients who have already progressed on first-line systemic treatment cannot be included", "Patients previously
treated with a PD-1 inhibitor are not allowed to be enrolled" (translated English often puts the verdict last). The
history is what the bullet bans, read as the same words under Exclusion would be; it is never a requirement to have
had that history. Before, the closing "cannot be included" / "will be excluded" / "may not enrol" was not read, so
the history became "at least 1 line" or "must have had a PD-1 inhibitor": untreated patients were falsely excluded
(set Y kind 4).

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict


def _had(drugs: list[str], lines: int) -> dict[str, object]:
    return {"prior_therapies": drugs, "prior_lines": lines}


_NAIVE = _had([], 0)

# (inclusion sentence, a patient with the history, that patient's verdict): the untreated patient is eligible.
CASES = [
    ("Patients who have already progressed on first-line systemic treatment cannot be included",
     _had(["carboplatin", "pemetrexed", "pembrolizumab"], 1), "excluded"),
    ("Patients who progressed on first-line chemotherapy (NSCLC) will be excluded",
     _had(["cisplatin", "pemetrexed"], 1), None),
    ("Participants who have progressed on second-line therapy may not participate in this study",
     _had(["carboplatin", "paclitaxel", "docetaxel"], 2), "excluded"),
    ("Patients previously treated with a PD-1 inhibitor (e.g. nivolumab, pembrolizumab) cannot be enrolled",
     _had(["carboplatin", "pemetrexed", "pembrolizumab"], 1), "excluded"),
    ("Subjects with prior exposure to osimertinib are not allowed to be enrolled",
     _had(["osimertinib"], 1), "excluded"),
    ("Patients who have received docetaxel, including as second-line treatment, are not eligible for this trial",
     _had(["carboplatin", "pemetrexed", "docetaxel"], 2), "excluded"),
    ("Patients who received more than one prior regimen for advanced disease are ineligible",
     _had(["carboplatin", "pemetrexed", "docetaxel"], 2), "excluded"),
    ("Those already treated with an ALK TKI such as alectinib or lorlatinib may not enrol",
     _had(["alectinib"], 1), "excluded"),
]


@pytest.mark.parametrize(("sentence", "treated", "verdict"), CASES)
def test_an_untreated_patient_is_not_shut_out(sentence: str, treated: dict[str, object], verdict: str | None) -> None:
    assert prior_verdict(_NAIVE, [sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "treated", "verdict"), CASES)
def test_the_group_with_the_history_is_shut_out(sentence: str, treated: dict[str, object],
                                                verdict: str | None) -> None:
    # (A first line named by its class, "first-line chemotherapy", is a question: whether the patient's first
    # line was that class is not read.)
    assert prior_verdict(treated, [sentence]) == (verdict or "unknown")


@pytest.mark.parametrize(("sentence", "patient", "verdict"), [
    # A requirement said before the tail is the sentence's own reading, not a group shut out.
    ("Patients must have progressed on first-line platinum-based chemotherapy", _NAIVE, "excluded"),
    # A group let in keeps its reading.
    ("Patients who have received prior docetaxel are eligible", _NAIVE, "eligible"),
    # A ban said in the ordinary way.
    ("Prior treatment with an ALK inhibitor is not allowed", _had(["alectinib"], 1), "excluded"),
    ("Prior treatment with an ALK inhibitor is not allowed", _NAIVE, "eligible"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, object], verdict: str) -> None:
    assert prior_verdict(patient, [sentence]) == verdict
