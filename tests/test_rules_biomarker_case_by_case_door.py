"""A door left open case by case sets no marker rule: "Rarer drivers may also be considered when no matched drug is
reimbursed (i.e., MET exon 14 skipping or RET fusion)", "Exceptions can be discussed (i.e., ERBB2 mutation or NTRK
fusion) before screening". Read as requirements, they excluded driver-negative patients (a false exclusion on main,
seen in bio32). "may be considered positive" (a definition) and a requirement beside such a note keep their verdicts.
Invented sentences only."""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, EGFR_L861Q, MET_AMP, NO_DRIVER, RET, inc, verdict

DOORS = [
    "Rarer drivers may also be considered when no matched drug is reimbursed (i.e., MET exon 14 skipping or RET "
    "fusion) with approval of the medical monitor.",
    "Exceptions can be discussed (i.e., ERBB2 mutation or NTRK fusion) before screening.",
    "Patients with other drivers (e.g., KRAS G12C, BRAF V600E) may be considered on a case-by-case basis.",
    "Uncommon EGFR mutations (G719X, L861Q) may also be considered after discussion with the sponsor.",
    "Tumours with MET amplification could be considered for enrollment.",
    "ROS1 or NTRK fusions can also be discussed with the medical monitor.",
]


@pytest.mark.parametrize("text", DOORS)
def test_case_by_case_door_sets_no_rule(text: str) -> None:
    for profile in (NO_DRIVER, MET_AMP, RET, EGFR_19, EGFR_L861Q):
        assert verdict(inc("Stage IV NSCLC", text), profile) == "eligible", (text, profile)


def test_definitions_and_requirements_beside_keep_their_verdicts() -> None:
    definition = inc("A tumour may be considered EGFR-positive if an exon 19 deletion or L858R is found.")
    assert verdict(definition, NO_DRIVER) == "excluded"
    assert verdict(definition, EGFR_19) == "eligible"
    required = inc("Tumour must harbour a RET fusion; co-occurring alterations may be discussed with the sponsor.")
    assert verdict(required, RET) == "eligible"
    assert verdict(required, NO_DRIVER) == "excluded"
    assert verdict(required, EGFR_19) == "excluded"
