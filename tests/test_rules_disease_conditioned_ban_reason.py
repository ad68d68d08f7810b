"""Disease reason: a histology limit with a condition ("Squamous cell carcinoma with cavitation" as an exclusion) shuts
out no histology outright, so a patient whose subtype is not given is told it applies to one part or with a condition,
not that the trial "takes adenocarcinoma or large cell histology only" (which would send them away for nothing)."""

from __future__ import annotations

import pytest
from brain_cases import bullets
from disease_cases import trial

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile

CONDITIONED_BANS = [
    "Squamous cell carcinoma with cavitation, or tumour invading major blood vessels",
    "Predominantly squamous cell histology with tumour cavitation",
    "Tumours of squamous histology that abut or encase the great vessels",
    "Squamous NSCLC with central cavitating lesions",
]


@pytest.mark.parametrize("exclusion", CONDITIONED_BANS)
def test_a_conditioned_ban_is_not_called_a_limit_to_other_histologies(exclusion: str) -> None:
    rules = disease.parse(trial(bullets("Stage IV NSCLC"), bullets(exclusion)))
    for histology in ("nsclc-nos", None):
        finding = disease.check(rules, Profile(stage="IV", histology=histology))
        assert finding.verdict == "unknown"
        assert "for one part of it or with a condition" in finding.reason
        assert "histology only" not in finding.reason


def test_an_outright_ban_still_says_only() -> None:
    rules = disease.parse(trial(bullets("Stage IV NSCLC"), bullets("Squamous cell histology")))
    finding = disease.check(rules, Profile(stage="IV", histology="nsclc-nos"))
    assert finding.verdict == "unknown"
    assert "histology only" in finding.reason
