"""When a sample was taken ("Tissue obtained after the most recent systemic treatment is preferred but not mandatory",
"A tumour tissue or plasma sample collected after progression on the most recent EGFR-TKI is requested") is the
sample's logistics when the sample is asked for loosely (preferred, requested, if any, exploratory): it asks for no
treatment. Read as a rule it asked treatment-naive patients for a line, or patients without a TKI for one (unknowns
where the text sets nothing).

Near-misses: a finding required from a sample taken after a treatment keeps the treatment; a sentence that also
demands the treatment in words of its own keeps that demand; a ban in an exclusion is untouched."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import EGFR_EX19, prior_verdict

NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
NAIVE_EGFR: dict[str, Any] = {**NAIVE, "biomarkers": EGFR_EX19}
CHEMO: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1}

SAMPLES = [
    "Tissue obtained after the most recent systemic treatment is preferred but not mandatory.",
    "A tumour tissue or plasma sample collected after progression on the most recent EGFR-TKI is requested for "
    "exploratory resistance analyses.",
    "PD-L1 expression >= 1% assessed locally on a sample obtained after the last anticancer treatment, if any.",
    "Archival or fresh tumor specimen, preferably collected following progression on prior osimertinib, must be "
    "available for central testing.",
    "A blood sample drawn after progression on the most recent line of therapy will be collected for ctDNA analysis.",
    "Biopsy performed after the last dose of prior platinum-based chemotherapy is encouraged where feasible.",
    "Tumour blocks or slides acquired since the most recent anti-PD-1 therapy should be submitted if available.",
]


@pytest.mark.parametrize("sentence", SAMPLES)
def test_sample_timing_asks_nothing_of_the_naive(sentence: str) -> None:
    assert prior_verdict(NAIVE_EGFR, ["Stage IV NSCLC", sentence]) == "eligible"


@pytest.mark.parametrize("sentence", SAMPLES)
def test_sample_timing_asks_nothing_of_the_treated(sentence: str) -> None:
    assert prior_verdict(CHEMO, ["Stage IV NSCLC", sentence]) == "eligible"


# Near-misses: the treatment demanded in the sentence's own words, or in another sentence, still binds.
@pytest.mark.parametrize("sentence", [
    "Documented progression on osimertinib; a tissue sample collected after progression on osimertinib is required.",
    "Must have received at least one prior line of systemic therapy, and tissue obtained after the most recent "
    "treatment must be provided.",
    "Disease progression after platinum-based chemotherapy. A biopsy performed after progression is preferred.",
    "Progression on prior osimertinib. A tumour sample obtained before osimertinib is acceptable for testing.",
    "Prior treatment with an EGFR TKI is required; archival tissue obtained before EGFR-TKI treatment is acceptable.",
    # A sample the finding must come from: its timing is part of what is required.
    "EGFR T790M mutation detected in a tissue or liquid biopsy sample obtained after progression during first-line "
    "gefitinib, erlotinib or afatinib treatment.",
])
def test_a_demand_in_its_own_words_still_binds(sentence: str) -> None:
    assert prior_verdict(NAIVE_EGFR, ["Stage IV NSCLC", sentence]) == "excluded"


def test_an_exclusion_ban_is_untouched() -> None:
    exclusion = ["Prior platinum-based chemotherapy for advanced disease; tissue obtained after it may be used."]
    assert prior_verdict(CHEMO, exclusion=exclusion) == "excluded"
    assert prior_verdict(NAIVE, exclusion=exclusion) == "eligible"
