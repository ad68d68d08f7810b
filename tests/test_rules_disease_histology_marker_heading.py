"""Disease: a histology heading a marker condition with a colon or dash is the group the condition is set for, not a
histology limit. Invented sentences only.

"Patients with non-squamous histology: no EGFR sensitizing mutation and no ALK rearrangement" in a trial for NSCLC
of any histology sets a marker rule for non-squamous patients: a squamous patient is not excluded by it. Slots
varied: the histology ("non-squamous", "adenocarcinoma", "non-squamous or mixed"), the head noun (histology,
NSCLC, tumours, cases, none), a bracket after it, colon or dash, the condition (marker negatives, testing, PD-L1,
KRAS), the negation at the end ("are not allowed to be enrolled"), and the exclusion list. Near-misses keep the
limit: a colon heading over no marker ("Non-squamous NSCLC: stage IIIB-IV", "... : tumour tissue available"), a
histology after the colon ("Histology: non-squamous NSCLC"), and a histology with a marker but no heading
("Non-squamous NSCLC with EGFR mutation").
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict


def _profile(histology: str | None) -> Profile:
    return profile_from_dict({"id": "invented", "age": 66, "sex": "male", "histology": histology, "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": [], "pdl1_tps": None,
                              "brain_metastases": "none", "prior_therapies": [], "prior_lines": 0})


PROFILES = (_profile("squamous"), _profile("adenocarcinoma"), _profile(None))


def _verdicts(inclusion: list[str], exclusion: list[str]) -> tuple[str, ...]:
    markdown = ("Inclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in inclusion)
                + "\nExclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in exclusion))
    trial = TrialText(nct_id="NCT00000000", title="An invented study of drug Q in advanced lung cancer",
                      conditions=("Non-small Cell Lung Cancer",), criteria=tuple(split_criteria(markdown)))
    dim = DIMENSIONS["disease"]
    rule = dim.parse(trial)
    return tuple(dim.check(rule, patient).verdict for patient in PROFILES)


HEADINGS = [
    "Non-squamous NSCLC: EGFR and ALK wild-type",
    "Adenocarcinoma (including NSCLC NOS) - ALK and ROS1 negative",
    "Non-squamous or mixed histology: must have been tested for EGFR, ALK and ROS1 with negative results",
    "In patients with adenocarcinoma histology: absence of EGFR mutation is required",
    "Patients with non-squamous tumours: PD-L1 TPS >= 1% by local testing",
    "For subjects with non-squamous NSCLC: KRAS G12C mutation not required",
    "Non-squamous cases: EGFR-sensitising mutations (exon 19 deletion / L858R) are not allowed to be enrolled",
    "Patients with nonsquamous histology: no BRAF V600E or MET exon 14 alteration",
]


@pytest.mark.parametrize("sentence", HEADINGS)
def test_a_histology_heading_over_a_marker_rule_is_no_limit(sentence: str) -> None:
    assert _verdicts(["Stage IV NSCLC", sentence], ["Pregnancy"]) == ("eligible", "eligible", "eligible")


def test_a_squamous_heading_in_the_exclusions_shuts_no_histology_out() -> None:
    assert _verdicts(["Stage IV NSCLC"], ["Squamous NSCLC: known EGFR sensitizing mutation or ALK fusion"]) == (
        "eligible", "eligible", "eligible")


NEAR_MISSES = [
    "Non-squamous NSCLC: stage IIIB-IV",
    "Histology: non-squamous NSCLC",
    "Stage IV non-squamous NSCLC: tumour tissue available",
    "Non-squamous NSCLC with EGFR mutation",
]


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_a_histology_limit_stays(sentence: str) -> None:
    assert _verdicts(["Stage IV NSCLC", sentence], ["Pregnancy"]) == ("excluded", "eligible", "unknown")
