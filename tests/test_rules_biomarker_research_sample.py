"""A sample asked for, or kept, for research sets no marker requirement (session 31, round 3, AH).

"A tumour tissue or plasma sample collected after progression ... is requested for exploratory HER3 and
resistance-mechanism analysis": the trial asks for a sample to study later, not for an ERBB3 result; read as an ERBB3
requirement, every EGFR carrier the trial asks for became a question. Near-misses: a marker result asked for, and a
sample to confirm the trial's own marker, keep their verdicts.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, KRAS_G12C, UNTESTED, verdict

EGFR_RULE = "EGFR exon 19 deletion or exon 21 L858R mutation."


def inc(*bullets: str) -> str:
    return "Inclusion Criteria:\n\n" + "".join(f"* {b}\n" for b in bullets)


SAMPLES = [
    "A tumour tissue or plasma sample collected after progression on the most recent EGFR-TKI is requested for "
    "exploratory HER3 and resistance-mechanism analysis; if a biopsy is not feasible, archival tissue is acceptable.",
    "A fresh biopsy at progression is requested for exploratory MET amplification and HER3 expression analyses.",
    "Archival tumour tissue will be collected for translational research on ERBB3 and AXL.",
    "Plasma samples are requested at baseline for exploratory ctDNA analysis of KRAS and TP53.",
    "Tumour blocks are also requested for exploratory assessment of HER3 and PD-L1 expression.",
    "Tumour samples will be used for exploratory HER3 biomarker research.",
]


@pytest.mark.parametrize("sentence", SAMPLES)
def test_research_sample_asks_for_no_result(sentence: str) -> None:
    criteria = inc(EGFR_RULE, sentence)
    assert verdict(criteria, EGFR_19) == "eligible"
    assert verdict(criteria, UNTESTED) == "unknown"
    assert verdict(criteria, KRAS_G12C) == "excluded"  # the trial's own EGFR rule still binds


def test_marker_result_still_asked() -> None:
    assert verdict(inc(EGFR_RULE, "Documented HER3 overexpression by IHC."), EGFR_19) == "unknown"


def test_sample_to_confirm_the_trials_marker_keeps_its_rule() -> None:
    criteria = inc(EGFR_RULE, "Tumour tissue is required to confirm KRAS G12C mutation centrally.")
    assert verdict(criteria, EGFR_19) == "excluded"
