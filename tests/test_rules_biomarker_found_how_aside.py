"""A bracket right after a named finding that only says how or where it was found ("EGFR exon 19 deletion or exon
21 L858R mutation (tissue, local test)", "ALK fusion (central test)") does not turn the finding into a mere test:
the sentence still asks for the change. A bracket after a bare gene or a status ("EGFR status (local test)") names
no finding and still asks for nothing.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, EGFR_EX20, KRAS_G12C, MET_EX14, NO_DRIVER, RET, UNTESTED, inc, verdict

FOUND_HOW = [
    ("Tumour harbouring EGFR exon 19 deletion or exon 21 L858R mutation (tissue, local test)", EGFR_19, EGFR_EX20),
    ("Documented ALK fusion (central test)", ALK, RET),
    ("KRAS G12C mutation (plasma or tissue NGS test)", KRAS_G12C, NO_DRIVER),
    ("RET fusion-positive NSCLC (locally approved assay)", RET, ALK),
    ("MET exon 14 skipping mutation (ctDNA or tissue, CLIA-certified laboratory testing)", MET_EX14, KRAS_G12C),
    ("Confirmed EGFR exon 20 insertion (local PCR test)", EGFR_EX20, EGFR_19),
]


@pytest.mark.parametrize(("sentence", "carrier", "other"), FOUND_HOW)
def test_a_how_aside_keeps_the_finding(sentence: str, carrier: object, other: object) -> None:
    text = inc(sentence)
    assert verdict(text, carrier) == "eligible"  # type: ignore[arg-type]
    assert verdict(text, other) == "excluded"  # type: ignore[arg-type]
    assert verdict(text, UNTESTED) == "unknown"


@pytest.mark.parametrize("sentence", [
    "EGFR status (local test)",
    "Available tissue for EGFR (local test)",
])
def test_a_bare_gene_with_a_how_aside_asks_nothing(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"
