"""Markers a disease noun takes in with "including / also / (X allowed) / (X eligible)" (session 26, P kind 1).

"Solid tumour (expansion cohort: NSCLC of any histology, including EGFR-mutant or ALK-rearranged disease)": the
list widens the population the disease names; it was read as a requirement, and every profile without EGFR or ALK
was excluded. Near-misses: the examples of an asked marker class ("... with an actionable alteration, including
EGFR") and a marker asked before the disease noun ("EGFR-mutant NSCLC") keep their requirement; an exclusion keeps
its ban.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, RET, ROS1, UNTESTED, exc, inc, verdict

WIDENING = [
    "Histologically confirmed solid malignancy (dose expansion: NSCLC of any histology, including ALK-positive or "
    "EGFR-mutated disease)",
    "Advanced non-small cell lung cancer including KRAS G12C mutation or ROS1 rearrangement",
    "Metastatic NSCLC (EGFR-mutant, ALK-positive or RET-rearranged disease allowed)",
    "Stage IIIB-IV lung adenocarcinoma (patients with ROS1 fusion eligible) with measurable disease",
    "Any advanced solid tumour, also including NSCLC, including tumours with EGFR or KRAS mutations",
    "Locally advanced or metastatic carcinoma of the lung of all subtypes, including those with an ALK fusion",
    "NSCLC of any histology (including RET fusion-positive tumours) after at least one prior line",
]


@pytest.mark.parametrize("sentence", WIDENING)
def test_marker_list_taken_in_by_disease_is_no_requirement(sentence: str) -> None:
    criteria = inc(sentence)
    for profile in (NO_DRIVER, KRAS_G12C, ALK, EGFR_19, RET, ROS1):
        assert verdict(criteria, profile) == "eligible", profile
    assert verdict(criteria, UNTESTED) == "eligible"


NEAR_MISSES = [
    # the examples of an asked class: the class is still asked
    ("Advanced NSCLC with an actionable alteration, including EGFR mutation or ALK rearrangement", NO_DRIVER),
    # the marker stands before the disease noun: a requirement
    ("EGFR-mutant NSCLC, including exon 19 deletion or L858R", NO_DRIVER),
    ("Documented ALK rearrangement", KRAS_G12C),
]


@pytest.mark.parametrize(("sentence", "profile"), NEAR_MISSES)
def test_asked_marker_stays_asked(sentence: str, profile: object) -> None:
    assert verdict(inc(sentence), profile) != "eligible"


def test_near_miss_requirement_still_lets_carrier_in() -> None:
    assert verdict(inc("EGFR-mutant NSCLC, including exon 19 deletion or L858R"), EGFR_19) == "eligible"


def test_exclusion_keeps_its_ban() -> None:
    assert verdict(exc("NSCLC harbouring an EGFR mutation or ALK rearrangement"), ALK) == "excluded"
