"""Cohorts that cover both states of one gene (session 25, round 2, biomarker part of kind 14 of set R).

"Cohort 1 (EGFR wild-type): ..." beside "Cohort 2 (EGFR-mutant): ...": a patient whose tumour was not tested for
EGFR fits one of them either way, so the marker leaves them open (eligible), when nothing else of either cohort
bars them. Carriers and tested-negative profiles keep their verdicts. Near-misses: a single cohort for one state,
or two cohorts for two different genes, leave the untested profile a question.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, inc, patient, verdict

UNTESTED = patient(negative=[])

# (cohort lines, a carrier of the gene, a profile tested negative for it)
BOTH = [
    (("NSCLC cohort 1 (EGFR wild-type): progressed on a PD-1 inhibitor and platinum chemotherapy",
      "NSCLC cohort 2 (EGFR-mutant): progressed on an EGFR TKI"), EGFR_19, ALK),
    (("Cohort A: KRAS wild-type tumours", "Cohort B: KRAS-mutant tumours"), KRAS_G12C, EGFR_19),
    (("Arm 1 (ALK-positive): after an ALK inhibitor", "Arm 2 (ALK-negative): after chemotherapy"), ALK, EGFR_19),
    (("Cohort 1: EGFR mutation-negative NSCLC", "Cohort 2: EGFR mutation-positive NSCLC"), EGFR_19, KRAS_G12C),
    (("Group A: tumours without a KRAS mutation", "Group B: tumours with a KRAS mutation"), KRAS_G12C, ALK),
    (("Part 2 Cohort 1 (EGFR-mutant): any number of prior lines",
      "Part 2 Cohort 2 (EGFR wild-type): one prior line"), EGFR_19, ALK),
]


@pytest.mark.parametrize(("cohorts", "carrier", "negative"), BOTH)
def test_untested_fits_one_state_either_way(cohorts: tuple[str, ...], carrier: object, negative: object) -> None:
    criteria = inc(*cohorts)
    assert verdict(criteria, UNTESTED) == "eligible"
    assert verdict(criteria, carrier) == "eligible"
    assert verdict(criteria, negative) == "eligible"


NEAR_MISSES = [
    inc("Cohort 1 (EGFR-mutant): progressed on an EGFR TKI", "Cohort 2 (ALK-positive): after an ALK inhibitor"),
    inc("Cohort A: KRAS-mutant tumours", "Cohort B: KRAS G12C-mutant tumours"),
    inc("EGFR-mutant NSCLC"),
]


@pytest.mark.parametrize("criteria", NEAR_MISSES)
def test_untested_stays_a_question(criteria: str) -> None:
    assert verdict(criteria, UNTESTED) == "unknown"


# Session 31, round 3 (AH): both states of one SET of genes ("without an EGFR, ALK or ROS1 alteration" beside "EGFR,
# ALK or ROS1 alteration"): a patient untested for any of them fits one cohort either way.
SET_PAIRS = [
    ("Cohort A (without an EGFR, ALK or ROS1 alteration): after platinum and a PD-1 inhibitor",
     "Cohort B (EGFR, ALK or ROS1 alteration): after first-line targeted therapy"),
    ("Arm 1 (no EGFR or ALK alteration): after chemo-immunotherapy", "Arm 2 (EGFR or ALK alteration): after a TKI"),
    ("Group A: tumours with no EGFR, KRAS or BRAF mutation", "Group B: tumours with an EGFR, KRAS or BRAF mutation"),
    ("Cohort 1 (EGFR/ALK-negative NSCLC): after a PD-1 inhibitor", "Cohort 2 (EGFR/ALK-positive NSCLC): after a TKI"),
    ("Cohort 1: KRAS or BRAF mutation-negative tumours", "Cohort 2: KRAS or BRAF mutation-positive tumours"),
    # A label's bracket longer than 80 characters is still the label (it was lost, leaving one cohort only).
    ("Arm A (participants whose tumours carry no EGFR or ALK alteration, including those with other oncogenic drivers "
     "such as KRAS): after chemo-immunotherapy", "Arm B (EGFR or ALK alteration): after first-line targeted therapy"),
]


@pytest.mark.parametrize("cohorts", SET_PAIRS)
def test_untested_fits_one_state_of_a_gene_set(cohorts: tuple[str, str]) -> None:
    assert verdict(inc(*cohorts), UNTESTED) == "eligible"
    assert verdict(inc(*cohorts), patient(negative=["EGFR"])) == "eligible"  # partly tested


SET_NEAR_MISSES = [
    inc("Cohort A (without an EGFR or ALK alteration): after platinum", "Cohort B (EGFR, ALK or ROS1 alteration): TKI"),
    inc("Cohort A (EGFR or ALK alteration): after a TKI", "Cohort B (ROS1 or RET fusion): after a TKI"),
]


@pytest.mark.parametrize("criteria", SET_NEAR_MISSES)
def test_different_gene_sets_stay_a_question(criteria: str) -> None:
    assert verdict(criteria, UNTESTED) == "unknown"
