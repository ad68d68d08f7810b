"""A labelled group for one histology with no marker rule, beside marker groups ("Cohort 1: squamous NSCLC. ...;
Cohort 2: non-squamous NSCLC with EGFR, ALK and ROS1 wild-type; Cohort 3: non-squamous NSCLC with EGFR exon 19
deletion or L858R"). The histology group is a way in for patients of that histology only: a carrier of another
(known) histology whom every marker group refuses is excluded; a squamous carrier passes through the histology group;
a patient whose histology is not given keeps that way open (never excluded on a guess).

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, EGFR_EX20, KRAS_G12C, ROS1, patient, verdict

LAYOUTS = [
    ("Cohort 1: squamous NSCLC. Progressed after platinum chemotherapy and anti-PD-1 antibody.",
     "Cohort 2: non-squamous NSCLC with EGFR, ALK and ROS1 wild-type. Progressed after chemo-immunotherapy.",
     "Cohort 3: non-squamous NSCLC with EGFR sensitive mutation (exon 19 deletion or exon 21 L858R)."),
    ("Arm A: squamous cell carcinoma of the lung, after one prior line",
     "Arm B: non-squamous NSCLC without EGFR, ALK or ROS1 alterations, after one prior line",
     "Arm C: non-squamous NSCLC with an EGFR exon 19 deletion or L858R mutation, after osimertinib"),
    ("Part B1: Patients with squamous NSCLC who progressed on immunotherapy",
     "Part B2: Patients with non-squamous NSCLC, EGFR/ALK/ROS1 negative",
     "Part B3: Patients with non-squamous NSCLC harbouring EGFR exon 19 deletion or L858R"),
    ("Cohort A: Metastatic squamous NSCLC, any PD-L1",
     "Cohort B: Metastatic non-squamous NSCLC with no EGFR, ALK or ROS1 alteration",
     "Cohort C: Metastatic non-squamous NSCLC with EGFR exon 19 deletion or exon 21 L858R"),
    ("Substudy-01: squamous histology; prior platinum doublet",
     "Substudy-02: non-squamous histology, EGFR, ALK and ROS1 wild-type",
     "Substudy-03: non-squamous histology with an EGFR exon 19 deletion or L858R"),
    ("Cohort 2a: Participants with squamous NSCLC (sqNSCLC) after failure of chemo-immunotherapy",
     "Cohort 2b: Participants with non-squamous NSCLC (nsqNSCLC) with EGFR, ALK and ROS1 wild-type",
     "Cohort 2c: Participants with non-squamous NSCLC with EGFR sensitive mutation (19del or L858R)"),
]


def _text(first: str, second: str, third: str) -> str:
    return ("Inclusion Criteria:\n\n* Age 18 or older\n* Meet the requirements of one of the following cohorts:\n"
            f"  * {first}\n  * {second}\n  * {third}\n* ECOG 0-1\n\nExclusion Criteria:\n\n* Pregnancy\n")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_histology_group_is_a_way_in_for_that_histology_only(layout: tuple[str, str, str]) -> None:
    text = _text(*layout)
    assert verdict(text, ALK) == "excluded"  # adenocarcinoma: not group 1, not wild-type, not EGFR-mutant
    assert verdict(text, patient("ALK:fusion", histology="squamous")) == "eligible"  # group 1
    assert verdict(text, EGFR_19) == "eligible"  # group 3
    assert verdict(text, KRAS_G12C) == "eligible"  # group 2
    assert verdict(text, patient("ALK:fusion", histology="nsclc-nos")) != "excluded"  # group 1 may be open


def test_without_a_histology_group_nothing_changes() -> None:
    # Near-miss: the first group names no histology; it is a way in for everyone, as before.
    text = _text("Cohort 1: previously treated NSCLC", "Cohort 2: EGFR, ALK and ROS1 wild-type",
                 "Cohort 3: EGFR exon 19 deletion or L858R")
    assert verdict(text, ALK) == "eligible"
    assert verdict(text, EGFR_EX20) == "eligible"


def test_both_histologies_named_is_no_histology_group() -> None:
    # Near-miss: "non-squamous or squamous" takes every histology.
    text = _text("Cohort 1: non-squamous or squamous NSCLC after chemo-immunotherapy",
                 "Cohort 2: non-squamous NSCLC with EGFR, ALK and ROS1 wild-type",
                 "Cohort 3: non-squamous NSCLC with EGFR exon 19 deletion or L858R")
    assert verdict(text, ALK) == "eligible"
    assert verdict(text, ROS1) == "eligible"
