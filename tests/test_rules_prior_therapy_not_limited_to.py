""""including but not limited to" (and "including, without limitation,", "e.g. but not limited to", "such as but not
restricted to") only says a list is open: the list and any class after it ("..., or any anti-EGFR monoclonal
antibody") stay part of the ban, as after a plain "including". Before, the hedge cut the list off, so a drug named
only in it (amivantamab under an "EGFR exon 20 insertion targeted drugs" ban) was not banned (set X kind 9).

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict


def _had(*drugs: str) -> dict[str, object]:
    return {"prior_therapies": list(drugs), "prior_lines": 1}


# (exclusion, a drug named only in the list or after it, a drug neither named nor of the classes)
CASES = [
    ("Previously received EGFR exon 20 insertion targeted drugs, including but not limited to amivantamab, "
     "mobocertinib or poziotinib, or any anti-EGFR monoclonal antibody", "amivantamab", "pembrolizumab"),
    ("Prior exon 20 insertion-directed therapy, including but not limited to sunvozertinib or furmonertinib, or any "
     "anti-EGFR antibody", "cetuximab", "docetaxel"),
    ("Prior KRAS G12C inhibitor, including, without limitation, sotorasib or adagrasib, or any MET inhibitor",
     "capmatinib", "osimertinib"),
    ("Prior ALK TKI (e.g. but not limited to alectinib, brigatinib), or any ROS1 inhibitor", "entrectinib",
     "pemetrexed"),
    ("Any prior TROP2-directed ADC, such as but not restricted to datopotamab deruxtecan, or any other "
     "topoisomerase I inhibitor", "irinotecan", "atezolizumab"),
    ("Prior treatment with PD-1 inhibitors including, but not limited to: nivolumab, pembrolizumab, or any anti-CTLA-4 "
     "antibody", "ipilimumab", "carboplatin"),
]


@pytest.mark.parametrize(("sentence", "named", "other"), CASES)
def test_the_list_and_what_follows_stay_banned(sentence: str, named: str, other: str) -> None:
    assert prior_verdict(_had(named), exclusion=[sentence]) == "excluded"


@pytest.mark.parametrize(("sentence", "named", "other"), CASES)
def test_a_drug_outside_the_ban_is_not_banned(sentence: str, named: str, other: str) -> None:
    assert prior_verdict(_had(other), exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "drug", "verdict"), [
    # A real exception keeps its reading.
    ("Prior EGFR TKI, but not gefitinib", "gefitinib", "eligible"),
    ("Prior chemotherapy other than platinum doublets", "carboplatin", "eligible"),
    # "not limited" as a permission keeps it.
    ("Prior lines of chemotherapy are not limited", "docetaxel", "eligible"),
])
def test_near_misses_keep_their_reading(sentence: str, drug: str, verdict: str) -> None:
    section = "exclusion" if "not limited" not in sentence else "inclusion"
    got = prior_verdict(_had(drug), exclusion=[sentence]) if section == "exclusion" \
        else prior_verdict(_had(drug), [sentence])
    assert got == verdict


@pytest.mark.parametrize("sentence", [
    "Has received at least 1 prior line of systemic therapy for metastatic NSCLC (including but not limited to "
    "targeted therapy), and is now considered for chemotherapy",
    "At least one earlier regimen for advanced disease, including, without limitation, immunotherapy or a TKI",
])
def test_an_open_list_in_an_inclusion_does_not_become_a_requirement(sentence: str) -> None:
    patient = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}
    assert prior_verdict(patient, [sentence]) == "eligible"
