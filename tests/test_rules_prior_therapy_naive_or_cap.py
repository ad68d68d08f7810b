"""An inclusion that offers the untreated way in, then "or" and a cap on lines ("No prior systemic anti-tumour therapy
for advanced disease, or no more than one line of prior chemotherapy"), is two ways in: the untreated patient, or the
patient with up to that many lines of the class named. Before, the "no prior" ban stood beside the cap as a rule of
its own, so every pretreated patient was excluded. The cap may stand before the class ("at most one prior chemotherapy
regimen") or after the line ("one line of prior chemotherapy"); when it counts any therapy ("no more than one prior
line of therapy") the two ways are simply that many lines at most.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict


def _had(lines: int, *drugs: str) -> dict[str, object]:
    return {"prior_therapies": list(drugs), "prior_lines": lines}


# (sentence, a patient with one line of the class named, a patient whose one line was of another class)
CLASS_CASES = [
    ("No prior systemic anti-tumour therapy for advanced disease, or no more than one line of prior chemotherapy "
     "for advanced disease.", _had(1, "carboplatin", "pemetrexed"), _had(1, "capmatinib")),
    ("No prior systemic therapy for metastatic disease or at most one prior line of chemotherapy",
     _had(1, "cisplatin", "gemcitabine"), _had(1, "osimertinib")),
    ("Patients must have received no prior anticancer therapy in the metastatic setting, or up to one regimen of "
     "platinum-based chemotherapy", _had(1, "carboplatin", "paclitaxel"), _had(1, "alectinib")),
    ("Without prior systemic treatment for stage IV disease, or no more than 1 prior line of platinum doublet "
     "chemotherapy", _had(1, "cisplatin", "pemetrexed"), _had(1, "selpercatinib")),
    ("No prior treatment for advanced NSCLC, or not more than one prior immunotherapy regimen",
     _had(1, "pembrolizumab"), _had(1, "docetaxel")),
    ("Treatment-naive, or at most two prior lines of chemotherapy for recurrent disease",
     _had(2, "carboplatin", "pemetrexed", "docetaxel"), _had(1, "lorlatinib")),
]


@pytest.mark.parametrize(("sentence", "fits", "other"), CLASS_CASES)
def test_the_untreated_or_the_capped_class(sentence: str, fits: dict, other: dict) -> None:
    assert prior_verdict(_had(0), [sentence]) == "eligible"
    assert prior_verdict(fits, [sentence]) == "eligible"
    assert prior_verdict(other, [sentence]) == "excluded"


@pytest.mark.parametrize(("sentence", "fits", "other"), CLASS_CASES[:2])
def test_more_lines_than_the_cap_stay_out(sentence: str, fits: dict, other: dict) -> None:
    assert prior_verdict(_had(2, "carboplatin", "pemetrexed", "docetaxel"), [sentence]) == "excluded"


# A cap on any therapy: the untreated or up to N lines.
GENERIC = [
    ("No prior systemic treatment for advanced disease, or no more than one prior line of therapy", 1),
    ("No prior systemic therapy for metastatic disease, or at most one line of systemic therapy", 1),
    ("Without any prior therapy in the advanced setting, or up to two prior lines of anti-cancer therapy", 2),
]


@pytest.mark.parametrize(("sentence", "cap"), GENERIC)
def test_a_cap_on_any_therapy(sentence: str, cap: int) -> None:
    assert prior_verdict(_had(0), [sentence]) == "eligible"
    assert prior_verdict(_had(cap, "docetaxel"), [sentence]) == "eligible"
    assert prior_verdict(_had(cap + 1, "docetaxel"), [sentence]) == "excluded"


# Near-misses: a plain ban, and the ban beside a required count, keep their readings.
def test_a_plain_ban_still_excludes_the_treated() -> None:
    assert prior_verdict(_had(1, "carboplatin"), ["No prior systemic therapy for advanced disease"]) == "excluded"


def test_a_ban_with_another_name_outside_the_two_ways_is_not_read_as_them() -> None:
    sentence = ("No prior systemic therapy for advanced disease, or no more than one line of prior chemotherapy; "
                "no prior osimertinib")
    assert prior_verdict(_had(1, "osimertinib"), [sentence]) != "eligible"
