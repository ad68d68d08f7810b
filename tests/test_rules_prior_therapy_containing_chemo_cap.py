"""A cap on lines of a chemotherapy named by what it holds, "More than one prior line of cytotoxic-containing
chemotherapy": one chemotherapy, counted. Before, "cytotoxic" and "chemotherapy" were two mentions and the second
became a ban on any chemotherapy, so a patient with ONE chemotherapy line was excluded (set Z kind 10, latent).

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

_ONE_LINE = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}

CAPS = [
    "More than one prior line of cytotoxic-containing chemotherapy",
    "Received more than 1 line of cytotoxic-containing chemotherapy for advanced disease",
    "More than two prior regimens of taxane-based chemotherapy",
    "Patients who received > 1 prior line of platinum-containing chemotherapy are not allowed to be enrolled",
    "Prior treatment with two or more lines of cytotoxic based chemotherapy",
    "More than one line of cytotoxic-containing chemotherapy in the metastatic setting cannot be enrolled",
]


@pytest.mark.parametrize("sentence", CAPS)
def test_one_chemotherapy_line_is_under_the_cap(sentence: str) -> None:
    assert prior_verdict(_ONE_LINE, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Prior cytotoxic-containing chemotherapy",
    "Any prior platinum-containing chemotherapy",
])
def test_a_plain_ban_still_bans(sentence: str) -> None:
    assert prior_verdict(_ONE_LINE, exclusion=[sentence]) == "excluded"
