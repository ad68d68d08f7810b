"""A lead-in that says what earlier therapy must have contained, over sub-bullets ("Prior systemic therapy must have
included:" / "a platinum-based chemotherapy doublet, and" / "an immune checkpoint inhibitor (unless
contraindicated)"), also as the last sentence of a longer bullet: each sub-bullet is a requirement. A contraindication
as the only escape does not open the requirement to a patient who lacks the drug."""

from __future__ import annotations

from typing import Any

import pytest

from tests.invented import invented_trial
from tests.prior_therapy_cases import BASE
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import profile_from_dict

TKI: dict[str, Any] = {"prior_therapies": ["osimertinib"], "prior_lines": 1}
CHEMO_ONLY: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}
CHEMO_IO: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
CHEMO_THEN_IO: dict[str, Any] = {"prior_therapies": ["cisplatin", "gemcitabine", "nivolumab"], "prior_lines": 2}


def _verdict(inclusion: str, patient: dict[str, Any]) -> str:
    text = invented_trial(inclusion, "* Pregnancy\n")
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**BASE, **patient})).verdict


LEAD_INS = [
    "* Prior systemic therapy must have included:\n  - a platinum-based chemotherapy doublet, and\n"
    "  - an immune checkpoint inhibitor (ICI) (unless contraindicated), given in combination or sequentially.\n",
    "* Up to 3 prior regimens for metastatic NSCLC are allowed. Previous treatment must have included:\n"
    "  - platinum-containing chemotherapy; and\n"
    "  - an anti-PD-1 or anti-PD-L1 antibody (unless there is a contraindication)\n",
    "* Prior therapy should include all of the following:\n  - a PD-(L)1 inhibitor\n"
    "  - platinum-based doublet chemotherapy (cisplatin or carboplatin)\n",
    "* Patients must have had no more than two lines in the advanced setting (NSCLC). Prior anti-cancer therapy must "
    "include:\n  - Platinum doublet\n  - Checkpoint inhibitor (CPI), unless medically contraindicated\n",
    "* Prior treatment must have consisted of:\n  1. a platinum compound, and\n  2. anti-PD-1/PD-L1 therapy\n",
    "* Previous systemic therapy needs to have included both:\n  - a platinum agent\n"
    "  - a checkpoint inhibitor, given together or one after the other\n",
]


@pytest.mark.parametrize("text", LEAD_INS)
def test_each_sub_bullet_is_required(text: str) -> None:
    assert _verdict(text, TKI) == "excluded"
    assert _verdict(text, CHEMO_ONLY) == "excluded"
    assert _verdict(text, CHEMO_IO) == "eligible"
    assert _verdict(text, CHEMO_THEN_IO) == "eligible"


# Near-misses that keep their verdicts.
def test_a_list_of_alternatives_stays_an_or() -> None:
    text = "* Prior systemic therapy with any of the following:\n  - a platinum doublet\n  - an EGFR TKI\n"
    assert _verdict(text, TKI) != "excluded"


def test_a_banning_lead_in_still_bans() -> None:
    text = "* Must not have received any of the following:\n  - docetaxel\n  - a MET inhibitor\n"
    assert _verdict(text, CHEMO_IO) == "eligible"
    assert _verdict(text, {"prior_therapies": ["capmatinib"], "prior_lines": 1}) == "excluded"
