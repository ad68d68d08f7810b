"""A ban on "[X or] other [gene] mutations not (known to be) sensitive to [drug] (as the only [gene] mutation)"
(session 26, P kind 3).

"EGFR exon 20 insertion or other EGFR mutations not known to be sensitive to osimertinib as the only EGFR mutation":
the qualifier was dropped, so the second item became a bare "EGFR mutation" and every EGFR-mutant profile was
excluded from an EGFR-mutant trial. The qualifier names the complement of the sensitising class: a profile whose
change is sensitising (exon 19 deletion, L858R) is never banned by it; the named item (exon 20 insertion) still
bans. Near-misses: a ban without the qualifier still bans every EGFR mutation; "sensitive to" without "not" names
the sensitising class itself.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, EGFR_19_T790M, EGFR_EX20, EGFR_L858R, KRAS_G12C, exc, verdict

COMPLEMENT = [
    "EGFR exon 20 insertion or other EGFR mutations not known to be sensitive to osimertinib as the only EGFR "
    "mutation",
    "Exon 20 insertions, or any other EGFR alteration not sensitive to the study TKI, as the sole EGFR alteration",
    "Tumours harbouring EGFR exon 20 insertion or other EGFR variants that are not known to be responsive to "
    "erlotinib",
    "EGFR mutations not shown to be sensitive to gefitinib or afatinib alone (e.g. exon 20 insertions)",
    "Patients with EGFR ex20ins or other EGFR mutations which are not sensitive to lazertinib",
    "Other EGFR mutations not known to be sensitizing to third-generation EGFR TKIs; exon 20 insertion",
]


@pytest.mark.parametrize("sentence", COMPLEMENT)
def test_sensitising_profiles_are_not_banned(sentence: str) -> None:
    criteria = exc(sentence)
    for profile in (EGFR_19, EGFR_L858R, ALK, KRAS_G12C):
        assert verdict(criteria, profile) == "eligible", profile
    assert verdict(criteria, EGFR_EX20) != "eligible"


def test_named_item_still_bans() -> None:
    assert verdict(exc(COMPLEMENT[0]), EGFR_EX20) == "excluded"


def test_sensitising_pair_not_banned_as_the_only_mutation() -> None:
    assert verdict(exc(COMPLEMENT[0]), EGFR_19_T790M) == "eligible"


NEAR_MISSES = [
    ("EGFR exon 20 insertion or other EGFR mutations", EGFR_19, "excluded"),
    ("EGFR mutations sensitive to osimertinib", EGFR_L858R, "excluded"),
]


@pytest.mark.parametrize(("sentence", "profile", "expected"), NEAR_MISSES)
def test_near_misses_keep_their_verdict(sentence: str, profile: object, expected: str) -> None:
    assert verdict(exc(sentence), profile) == expected
