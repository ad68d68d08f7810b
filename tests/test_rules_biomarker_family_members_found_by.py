"""A gene family named with its change, its members in brackets, then how it was found ("Documented RAS mutation
(KRAS, NRAS or HRAS) at codon 12, 13 or 61 per local assessment of tumour tissue or blood"). "RAS mutation" is one
gene word that already says the change, so the test after the members says how the change was found: the family's
mutation is asked for (a KRAS carrier passes; another driver's carrier, whose NRAS/HRAS is not reported, is a
question), never a mere test of the genes. Bare genes before a test ("KRAS and NRAS status by local testing") stay
a test.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, KRAS_G12D, NO_DRIVER, RET, UNTESTED, exc, inc, verdict

FAMILY = [
    "Documented RAS mutation (KRAS, NRAS or HRAS) at codon 12, 13 or 61 per local assessment of tumour tissue",
    "RAS-mutant tumour (KRAS/NRAS/HRAS) by local testing",
    "Pan-RAS mutation (K-RAS, N-RAS, H-RAS) confirmed by a CLIA-certified laboratory",
    "Tumour harbouring a RAS mutation (KRAS, NRAS, HRAS) at codons 12/13/61, using an approved test",
    "Patients with RAS-mutated NSCLC (KRAS or NRAS) via local NGS",
    "RAS alteration (KRAS, NRAS or HRAS) as determined by plasma ctDNA testing",
]


@pytest.mark.parametrize("line", FAMILY)
def test_family_change_with_members_and_test_is_required(line: str) -> None:
    text = inc(line)
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, KRAS_G12D) == "eligible"
    for other in (EGFR_19, ALK, RET, UNTESTED):
        assert verdict(text, other) == "unknown", other  # NRAS/HRAS are not in the profile


@pytest.mark.parametrize("line", [
    "KRAS and NRAS status by local testing",
    "EGFR and ALK by local testing",
])
def test_bare_genes_before_a_test_stay_a_test(line: str) -> None:
    # Near-miss: no change is named, only genes that are tested.
    text = inc(line)
    for profile in (NO_DRIVER, EGFR_19, KRAS_G12C):
        assert verdict(text, profile) == "eligible"


def test_family_change_found_by_a_test_in_an_exclusion_is_read() -> None:
    text = exc("RAS mutation (KRAS, NRAS or HRAS) by local testing")
    assert verdict(text, KRAS_G12C) == "excluded"
    assert verdict(text, EGFR_19) != "excluded"
