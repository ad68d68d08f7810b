"""A ban on two treatments given together ("Prior systemic therapy with a PD-1 inhibitor in combination with a CTLA-4
inhibitor", "prior nivolumab plus ipilimumab", "prior combination of an EGFR TKI and chemotherapy") bans the
combination, not each part. Before, the partner after "in combination with" was read as optional and "plus" as a
list, so a patient who had a PD-1 inhibitor alone was excluded. Now the head without a partner drug is let in; both
had is still excluded. Near-misses keep the head banned: "alone or in combination with", "as monotherapy or in
combination with", "with or without", a plain list.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict


def _had(lines: int, *drugs: str) -> dict[str, object]:
    return {"prior_therapies": list(drugs), "prior_lines": lines}


PEMBRO_ALONE = _had(1, "pembrolizumab")
CHEMO_IO = _had(1, "carboplatin", "pemetrexed", "pembrolizumab")
NIVO_IPI = _had(1, "nivolumab", "ipilimumab")
OSI_ALONE = _had(1, "osimertinib")
OSI_CHEMO = _had(1, "osimertinib", "carboplatin", "pemetrexed")

# (exclusion sentence, head alone: let in, head with partner: excluded)
COMBINATIONS = [
    ("Prior systemic therapy with a PD-1 inhibitor in combination with a CTLA-4 inhibitor", PEMBRO_ALONE, NIVO_IPI),
    ("Prior treatment with an anti-PD-1 antibody plus an anti-CTLA-4 antibody", CHEMO_IO, NIVO_IPI),
    ("Previous treatment with an anti-PD-1 or anti-PD-L1 antibody combined with an anti-CTLA-4 antibody",
     PEMBRO_ALONE, NIVO_IPI),
    ("Prior combination of a PD-1 inhibitor and a CTLA-4 inhibitor", CHEMO_IO, NIVO_IPI),
    ("Prior anti-PD-1/PD-L1 and anti-CTLA-4 combination therapy", PEMBRO_ALONE, NIVO_IPI),
    ("Prior EGFR TKI in combination with chemotherapy", OSI_ALONE, OSI_CHEMO),
    ("Received osimertinib together with platinum-based chemotherapy", OSI_ALONE, OSI_CHEMO),
    ("Previous pembrolizumab given in combination with chemotherapy", PEMBRO_ALONE, CHEMO_IO),
]


@pytest.mark.parametrize(("sentence", "alone", "both"), COMBINATIONS)
def test_a_combination_bans_both_together(sentence: str, alone: dict, both: dict) -> None:
    assert prior_verdict(alone, exclusion=[sentence]) == "eligible"
    assert prior_verdict(both, exclusion=[sentence]) == "excluded"
    assert prior_verdict(_had(0), exclusion=[sentence]) == "eligible"


def test_an_unplaced_drug_may_be_the_partner() -> None:
    patient = _had(1, "pembrolizumab", "zz-unknown-123")
    assert prior_verdict(patient, exclusion=[COMBINATIONS[0][0]]) == "unknown"


def test_a_drug_is_no_partner_of_itself() -> None:
    # "a PD-1 inhibitor in combination with another immunotherapy": pembrolizumab is both words, once.
    sentence = "Prior treatment with a PD-1 inhibitor in combination with another immune checkpoint inhibitor"
    assert prior_verdict(PEMBRO_ALONE, exclusion=[sentence]) == "eligible"
    assert prior_verdict(NIVO_IPI, exclusion=[sentence]) == "excluded"


def test_a_ban_beside_the_combination_stays() -> None:
    sentence = "Prior PD-1 inhibitor in combination with a CTLA-4 inhibitor, or prior docetaxel"
    assert prior_verdict(PEMBRO_ALONE, exclusion=[sentence]) == "eligible"
    assert prior_verdict(_had(2, "carboplatin", "pembrolizumab", "docetaxel"), exclusion=[sentence]) == "excluded"


# Near-misses: the head is offered alone too, or the names are a list: the head stays banned.
HEAD_BANNED = [
    "Prior anti-PD-1 therapy, as monotherapy or in combination with chemotherapy",
    "Prior treatment with a PD-1 inhibitor with or without a CTLA-4 inhibitor",
    "Prior treatment with an anti-PD-1, anti-PD-L1, or anti-CTLA-4 antibody",
    "Prior pembrolizumab or chemotherapy",
    "Prior PD-1 inhibitor, given alone or combined with chemotherapy",
]


@pytest.mark.parametrize("sentence", HEAD_BANNED)
def test_the_head_offered_alone_stays_banned(sentence: str) -> None:
    assert prior_verdict(PEMBRO_ALONE, exclusion=[sentence]) == "excluded"


def test_an_inclusion_requirement_is_unchanged() -> None:
    sentence = "Progressed on a PD-1 inhibitor in combination with platinum-based chemotherapy"
    assert prior_verdict(CHEMO_IO, [sentence]) == "eligible"
    assert prior_verdict(OSI_ALONE, [sentence]) == "excluded"
