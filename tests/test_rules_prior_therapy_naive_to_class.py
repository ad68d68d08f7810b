""""Naive to (prior) treatment with [class or drug]": the patient must be naive to THAT class or drug, not to all
treatment. Before, the words "naive to treatment" were read as a total ban and the class after "with" was dropped
(set Z kind 1). A generic "naive to systemic treatment" stays a total ban.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

# Each sentence with a patient treated with other drugs (in) and one treated with the named class (out).
CLASS_BANS = [
    ("Patients must be naive to treatment with a KRAS G12C inhibitor",
     ["carboplatin", "pemetrexed", "pembrolizumab"], ["sotorasib"]),
    ("Must be naïve to prior treatment with an ALK inhibitor", ["carboplatin", "pemetrexed"], ["alectinib"]),
    ("Participants must be treatment-naive with respect to MET inhibitors (e.g., capmatinib, tepotinib)",
     ["osimertinib"], ["capmatinib"]),
    ("Subjects should be naive for therapy with osimertinib", ["gefitinib"], ["osimertinib"]),
    ("Patients must be naive to therapy using anti-PD-1 or anti-PD-L1 antibodies", ["carboplatin", "paclitaxel"],
     ["nivolumab"]),
    ("Naive to previous treatment by a RET inhibitor (selpercatinib or pralsetinib)", ["cisplatin", "pemetrexed"],
     ["selpercatinib"]),
    ("Patients who are naïve to treatment with docetaxel", ["carboplatin", "pemetrexed", "pembrolizumab"],
     ["docetaxel"]),
]


@pytest.mark.parametrize(("sentence", "other", "_named"), CLASS_BANS)
def test_other_treatment_is_not_banned(sentence: str, other: list[str], _named: list[str]) -> None:
    assert prior_verdict({"prior_therapies": other, "prior_lines": 1}, [sentence]) == "eligible"


@pytest.mark.parametrize(("sentence", "_other", "named"), CLASS_BANS)
def test_the_named_class_is_banned(sentence: str, _other: list[str], named: list[str]) -> None:
    assert prior_verdict({"prior_therapies": named, "prior_lines": 1}, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Patients must be naive to systemic treatment for advanced disease",
    "Patients must be treatment-naive (no prior therapy with any agent) for metastatic NSCLC",
    "Naïve to any prior anticancer therapy for stage IV disease",
])
def test_a_generic_naive_stays_a_total_ban(sentence: str) -> None:
    assert prior_verdict({"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1},
                         [sentence]) == "excluded"
