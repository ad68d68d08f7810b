"""A ban bound to "the respective" alteration whose gene list is narrowed by what the drugs act on ("an EGFR or HER2
TKI with activity against exon 20 insertions in patients with the respective alteration") bans those drugs only, not
every TKI of each gene: a patient with an exon 19 deletion treated with osimertinib or gefitinib is not excluded. An
unnarrowed list ("EGFR or ALK TKIs ... respective alteration") still bans each gene's whole class for its carriers."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from tests.prior_therapy_cases import EGFR_EX19 as EGFR
from tests.prior_therapy_cases import named_verdict

PATIENTS: dict[str, dict[str, Any]] = {
    "osimertinib": {"biomarkers": EGFR, "prior_therapies": ["osimertinib"], "prior_lines": 1},
    "gefitinib": {"biomarkers": EGFR, "prior_therapies": ["gefitinib"], "prior_lines": 1},
    "alectinib": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "prior_therapies": ["alectinib"],
                  "prior_lines": 1},
    "capmatinib": {"biomarkers": [{"gene": "MET", "alteration": "exon 14 skipping"}], "prior_lines": 1,
                   "prior_therapies": ["capmatinib"]},
}

verdict = partial(named_verdict, PATIENTS)

NARROWED = [
    "Prior treatment with an EGFR or HER2 TKI with activity against exon 20 insertions in patients whose tumours "
    "harbor the respective alteration",
    "Previous EGFR or HER2 tyrosine kinase inhibitors targeting exon 20 insertion mutations, in participants with "
    "the corresponding mutation",
    "Prior covalent EGFR or HER2 inhibitors active against exon 20 in patients harbouring the respective alterations",
    "Any EGFR or ERBB2 TKI with exon 20 insertion activity in subjects whose tumor carries the matching mutation",
    "Received an EGFR or HER2 inhibitor selective for exon 20 insertions, for patients with the respective "
    "insertion",
    "Treatment with EGFR or HER2 TKIs designed against exon 20 insertions in patients with the corresponding gene "
    "alteration",
]


@pytest.mark.parametrize("sentence", NARROWED)
def test_a_narrowed_list_under_respective_does_not_ban_every_tki_of_the_gene(sentence: str) -> None:
    for who in ("osimertinib", "gefitinib"):
        assert verdict(who, exclusion=[sentence]) != "excluded", who


@pytest.mark.parametrize(("sentence", "banned", "kept"), [
    ("Prior treatment with EGFR or ALK TKIs in patients with the respective alteration",
     ["osimertinib", "gefitinib", "alectinib"], ["capmatinib"]),
    ("Previous ALK or EGFR tyrosine kinase inhibitors in subjects whose tumours carry the corresponding "
     "rearrangement or mutation", ["alectinib", "gefitinib"], ["capmatinib"]),
])
def test_an_unnarrowed_list_under_respective_still_bans_each_class_for_its_carriers(
        sentence: str, banned: list[str], kept: list[str]) -> None:
    for who in banned:
        assert verdict(who, exclusion=[sentence]) == "excluded", who
    for who in kept:
        assert verdict(who, exclusion=[sentence]) == "eligible", who
