"""Two exclusion kinds that lost part of the ban.

1. A gene named once before two forms joined by "or" ("Prior EGFR antibody or TKI", "anti-EGFR monoclonal antibody
   and/or tyrosine kinase inhibitor"): the bare TKI is the gene's TKI. Dropped as a generic after the antibody class,
   an osimertinib patient passed a ban that names EGFR TKIs.
2. A class "alone or in combination with" a partner ("Prior PD-1 inhibitor alone or in combination with a CTLA-4
   inhibitor", "as monotherapy or combined with chemotherapy"): both ways of giving it are said, so the class had in
   any regimen is banned. Read as narrowed to monotherapy, a chemotherapy + pembrolizumab patient was a question.

Near-misses: a bare TKI after a class with no gene stays every TKI; "X alone" / "X monotherapy" with no "or" keeps its
narrowing (a question for a patient who had X in a doublet)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import EGFR_EX19, prior_verdict

OSI: dict[str, Any] = {"prior_therapies": ["osimertinib"], "prior_lines": 1, "biomarkers": EGFR_EX19}
GEFITINIB: dict[str, Any] = {"prior_therapies": ["gefitinib"], "prior_lines": 1, "biomarkers": EGFR_EX19}
CETUXIMAB: dict[str, Any] = {"prior_therapies": ["cetuximab"], "prior_lines": 1}
ALECTINIB: dict[str, Any] = {"prior_therapies": ["alectinib"], "prior_lines": 1,
                             "biomarkers": [{"gene": "ALK", "alteration": "fusion"}]}
CHEMO: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}
CHEMO_PEMBRO: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
NIVO_IPI: dict[str, Any] = {"prior_therapies": ["nivolumab", "ipilimumab"], "prior_lines": 1}

GENE_FORMS = [
    "Prior EGFR antibody or TKI.",
    "Previous treatment with an anti-EGFR antibody or TKI.",
    "Prior EGFR monoclonal antibody and/or tyrosine kinase inhibitor therapy.",
    "Any prior EGFR-directed antibody or TKI for advanced disease.",
    "Received an EGFR antibody, or TKI, at any time.",
]


@pytest.mark.parametrize("sentence", GENE_FORMS)
def test_the_gene_carries_to_the_bare_tki(sentence: str) -> None:
    assert prior_verdict(OSI, exclusion=[sentence]) == "excluded"
    assert prior_verdict(GEFITINIB, exclusion=[sentence]) == "excluded"


@pytest.mark.parametrize("sentence", GENE_FORMS)
def test_the_antibody_half_still_bans_and_others_pass(sentence: str) -> None:
    assert prior_verdict(CETUXIMAB, exclusion=[sentence]) == "excluded"
    assert prior_verdict(CHEMO, exclusion=[sentence]) == "eligible"
    assert prior_verdict(ALECTINIB, exclusion=[sentence]) == "eligible"  # another gene's TKI


def test_a_bare_tki_after_no_gene_is_every_tki() -> None:
    assert prior_verdict(ALECTINIB, exclusion=["Prior chemotherapy or TKI."]) == "excluded"


BOTH_WAYS = [
    "Prior PD-1 inhibitor alone or in combination with a CTLA-4 inhibitor.",
    "Prior anti-PD-1 or anti-PD-L1 antibody, as monotherapy or combined with chemotherapy.",
    "Previous treatment with a PD-1 inhibitor as a single agent or in combination with chemotherapy.",
    "Prior immune checkpoint inhibitor therapy, alone or with other agents.",
    "Prior anti-PD-1 therapy given alone, or in combination with another drug.",
]


@pytest.mark.parametrize("sentence", BOTH_WAYS)
def test_alone_or_combined_bans_the_class_in_any_regimen(sentence: str) -> None:
    assert prior_verdict(CHEMO_PEMBRO, exclusion=[sentence]) == "excluded"
    assert prior_verdict(NIVO_IPI, exclusion=[sentence]) == "excluded"
    assert prior_verdict(CHEMO, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", ["Prior PD-1 inhibitor alone.", "Prior anti-PD-1 monotherapy.",
                                      "Prior PD-1 inhibitor as a single agent."])
def test_alone_without_or_keeps_its_narrowing(sentence: str) -> None:
    assert prior_verdict(CHEMO_PEMBRO, exclusion=[sentence]) == "unknown"
