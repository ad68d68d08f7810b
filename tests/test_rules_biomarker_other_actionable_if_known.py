"""A soft generic ban "Other actionable tumor mutations should also not be present, if known" (session 26, Q kind 8).

"actionable tumor mutations" was no driver class in the vocabulary (only "actionable mutations"), so the sentence set
no rule and every driver passed. Read now with the vocabulary's one actionability table (KRAS G12C, MET exon 14,
RET: excluded; NRG1, MET amplification: a question), and "if known" makes it a rule on findings already made: a
tumour not tested for the other genes passes. Near-misses: without "if known" an untested tumour stays a question; a
requirement of an actionable tumour mutation is still a requirement.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, KRAS_G12C, MET_AMP, MET_EX14, NO_DRIVER, NRG1, RET, UNTESTED, exc, inc, verdict

SOFT = [
    inc("Other actionable tumor mutations should also not be present, if known"),
    inc("No EGFR sensitising mutation. Other targetable tumour alterations must not be present either, if known."),
    inc("Actionable tumour alterations should not be present (if known)"),
    exc("Other actionable tumor alterations, when known"),
    inc("ALK-negative. Additionally, targetable tumor mutations should be absent, where known"),
    exc("Known actionable tumour mutations, if known"),
]


@pytest.mark.parametrize("criteria", SOFT)
def test_soft_generic_ban_reads_the_table(criteria: str) -> None:
    assert verdict(criteria, KRAS_G12C) == "excluded"
    assert verdict(criteria, MET_EX14) == "excluded"
    assert verdict(criteria, RET) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, NRG1) != "excluded"
    assert verdict(criteria, MET_AMP) != "excluded"


@pytest.mark.parametrize("criteria", [SOFT[0], SOFT[2], SOFT[3]])
def test_if_known_lets_untested_in(criteria: str) -> None:
    assert verdict(criteria, UNTESTED) == "eligible"


def test_without_if_known_untested_is_a_question() -> None:
    assert verdict(inc("Other actionable tumor mutations must not be present"), UNTESTED) == "unknown"


def test_requirement_stays_a_requirement() -> None:
    criteria = inc("Presence of an actionable tumor mutation")
    assert verdict(criteria, NO_DRIVER) == "excluded"
    assert verdict(criteria, ALK) == "eligible"
