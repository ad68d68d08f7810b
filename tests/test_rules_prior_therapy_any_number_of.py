"""Prior therapy: "Any number of prior systemic therapies" as a whole criterion is a count that includes none, so it
sets no floor: an untreated patient is not excluded. Before, the words after "any number of" were read as a
requirement of earlier treatment (every untreated patient excluded). A count beside a stated floor keeps the floor."""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

UNTREATED = {"prior_therapies": [], "prior_lines": 0}
TWO_LINES = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel"], "prior_lines": 2}

ANY_NUMBER = [
    "Any number of prior systemic therapies",
    "Any number of prior lines of therapy for advanced disease.",
    "any number of previous treatment regimens",
    "Prior therapy: any number of prior lines",
    "Any number of prior systemic anticancer therapies (including none)",
    "Any number of earlier chemotherapy regimens",
    "Any number of prior EGFR TKIs",
    "Any number of past anti-cancer agents in the metastatic setting",
]


@pytest.mark.parametrize("inclusion", ANY_NUMBER)
def test_any_number_of_prior_therapies_sets_no_floor(inclusion: str) -> None:
    assert prior_verdict(UNTREATED, ["Stage IV NSCLC", inclusion]) == "eligible"
    assert prior_verdict(TWO_LINES, ["Stage IV NSCLC", inclusion]) == "eligible"


# Near-misses: a floor said beside the count keeps excluding the untreated.
FLOORS = [
    "Any number of prior systemic therapies, including at least one platinum-based regimen",
    "Must have received at least one prior line of systemic therapy; any number of prior lines allowed",
]


@pytest.mark.parametrize("inclusion", FLOORS)
def test_a_floor_beside_the_count_still_excludes_the_untreated(inclusion: str) -> None:
    assert prior_verdict(UNTREATED, ["Stage IV NSCLC", inclusion]) == "excluded"
