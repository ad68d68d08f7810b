"""An exclusion of a treatment had or to come: "Prior or planned chemotherapy", "Previous or scheduled radiotherapy",
"Received, or is scheduled to receive, a PD-1 inhibitor". The nearer word, "planned", made the sentence read as about
the study's present, so nothing was banned and every pretreated patient was let through. What was had is banned all
the same; the plan is one more case of it. In an inclusion the plan is a way in for the untreated: left as it was.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

CHEMO_IO = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
OSIMERTINIB = {"prior_therapies": ["osimertinib"], "prior_lines": 1}
NAIVE = {"prior_therapies": [], "prior_lines": 0}

# (exclusion, a patient who had the banned treatment, a treated patient who did not)
BANS = [
    ("Prior or planned chemotherapy", CHEMO_IO, OSIMERTINIB),
    ("Previous or scheduled systemic chemotherapy for NSCLC (including adjuvant)", CHEMO_IO, OSIMERTINIB),
    ("Received, or is scheduled to receive, an anti-PD-1 antibody", CHEMO_IO, OSIMERTINIB),
    ("Prior/planned treatment with an EGFR TKI (e.g., osimertinib, gefitinib)", OSIMERTINIB, CHEMO_IO),
    ("Patients who have received or are expected to receive platinum-based chemotherapy are not allowed to be "
     "enrolled", CHEMO_IO, OSIMERTINIB),
    ("Prior and/or planned immune checkpoint inhibitor (ICI) therapy", CHEMO_IO, OSIMERTINIB),
    ("Previous or intended treatment with third-generation EGFR-TKIs cannot be included", OSIMERTINIB, CHEMO_IO),
]


@pytest.mark.parametrize(("exclusion", "had", "other"), BANS)
def test_the_treatment_had_is_banned(exclusion: str, had: dict[str, object], other: dict[str, object]) -> None:
    assert prior_verdict(had, exclusion=[exclusion]) == "excluded"


@pytest.mark.parametrize(("exclusion", "had", "other"), BANS)
def test_other_treatments_and_none_pass(exclusion: str, had: dict[str, object], other: dict[str, object]) -> None:
    assert prior_verdict(other, exclusion=[exclusion]) == "eligible"
    assert prior_verdict(NAIVE, exclusion=[exclusion]) == "eligible"


@pytest.mark.parametrize("exclusion", [
    "Planned chemotherapy during the study",
    "Concurrent or planned radiotherapy to the chest",
    "Patients scheduled to receive any other anticancer treatment while on study",
])
def test_near_miss_a_plan_alone_bans_nothing_had(exclusion: str) -> None:
    assert prior_verdict(CHEMO_IO, exclusion=[exclusion]) == "eligible"
