"""Shared-reader kind (invented sentences and near misses): a heading naming its group by a bare group noun and the
markers' sign or what it carries ("Group negative for EGFR, ALK and ROS1:", "Cohort positive for EGFR or ALK:", "Arm
harbouring an EGFR or ALK alteration:", "Population lacking EGFR or ALK alterations:") heads its sub-bullets as that
group's rule, as "Group without ...:" and "Patients negative for ...:" do. Both groups' sub-bullets had bound every
patient: a carrier after a TKI and a driver-negative patient after chemo-immunotherapy were both excluded.
"""

from __future__ import annotations

import pytest

from tests.test_rules_prior_therapy_pt7_kinds import raw_verdict
from trialmatch.criteria.rules.reader.scope import heading_scope

_CHEMO_IO = "Progression after platinum-based chemotherapy and an anti-PD-1 or anti-PD-L1 antibody"
_CHEMO_PEMBRO = "Prior platinum doublet and pembrolizumab"
_TKI = "Progression on at least one approved tyrosine kinase inhibitor"
_NAMED_TKI = "Disease progression on osimertinib, alectinib or lorlatinib"


def _groups(first: str, first_rule: str, second: str, second_rule: str) -> str:
    return f"* Stage IV NSCLC\n* {first}\n  * {first_rule}\n* {second}\n  * {second_rule}\n"


# (criteria, a carrier of a listed marker who had its TKI)
LAYOUTS = [
    _groups("Group negative for EGFR, ALK and ROS1:", _CHEMO_IO, "Group positive for EGFR, ALK or ROS1:", _TKI),
    _groups("Cohort harbouring an EGFR or ALK alteration:", _NAMED_TKI, "Cohort negative for EGFR and ALK:",
            _CHEMO_PEMBRO),
    _groups("Arm without EGFR, ALK or ROS1 alterations:", _CHEMO_IO, "Arm positive for EGFR, ALK or ROS1:", _NAMED_TKI),
    _groups("Patients positive for EGFR/ALK:", _TKI, "Patients negative for EGFR/ALK:", _CHEMO_PEMBRO),
    _groups("Population lacking EGFR or ALK alterations:", _CHEMO_PEMBRO,
            "Population carrying an EGFR mutation or ALK fusion:", _TKI),
    _groups("Subgroup negative for actionable alterations (EGFR, ALK, ROS1):", _CHEMO_IO,
            "Subgroup positive for actionable alterations (EGFR, ALK, ROS1):", _TKI),
    _groups("The cohort positive in EGFR, ALK or ROS1:", _NAMED_TKI, "The cohort negative in EGFR, ALK and ROS1:",
            _CHEMO_IO),
    _groups("Stratum negative for EGFR and ALK:", _CHEMO_PEMBRO, "Stratum harboring EGFR or ALK:", _NAMED_TKI),
]


@pytest.mark.parametrize("inclusion", LAYOUTS)
def test_each_group_takes_its_own_patients(inclusion: str) -> None:
    assert raw_verdict("egfr-osimertinib", inclusion) == "eligible"
    assert raw_verdict("alk-alectinib", inclusion) == "eligible"
    assert raw_verdict("chemo-io", inclusion) == "eligible"


@pytest.mark.parametrize("inclusion", LAYOUTS)
def test_near_miss_a_patient_outside_both_groups_rules_is_still_excluded(inclusion: str) -> None:
    assert raw_verdict("naive", inclusion) == "excluded"
    assert raw_verdict("egfr-naive", inclusion) == "excluded"
    assert raw_verdict("egfr-chemo-only", inclusion) == "excluded"  # a carrier held to the TKI group's rule


@pytest.mark.parametrize(("line", "genes", "absent"), [
    ("Group negative for EGFR, ALK and ROS1:", ("EGFR", "ALK", "ROS1"), True),
    ("Group positive for EGFR, ALK or ROS1:", ("EGFR", "ALK", "ROS1"), False),
    ("Cohort positive for KRAS G12C:", ("KRAS",), False),
    ("Arm harbouring a RET fusion:", ("RET",), False),
    ("Population lacking MET or HER2 alterations:", ("MET", "ERBB2"), True),
    ("The cohort negative in BRAF and KRAS:", ("BRAF", "KRAS"), True),
])
def test_the_heading_names_a_marker_group(line: str, genes: tuple[str, ...], absent: bool) -> None:
    scope = heading_scope(line)
    assert scope is not None and scope.genes == genes and scope.absent is absent


@pytest.mark.parametrize("line", [
    "Negative for EGFR, ALK and ROS1:",  # no group noun: may be the marker rule itself
    "Harbouring an EGFR or ALK alteration:",
    "Group no EGFR:",
    "Group negative for EGFR must have received platinum-based chemotherapy",  # a rule, not a heading
    "Cohort positive for ALK: confirmed by FISH",  # the marker rule after the colon
])
def test_near_miss_no_heading(line: str) -> None:
    assert heading_scope(line) is None


SENTENCES = [
    "* Stage IV NSCLC\n* Patients negative for EGFR must have received platinum-based chemotherapy\n",
    "* Stage IV NSCLC\n* Patients negative for EGFR, ALK and ROS1 must have progressed on an anti-PD-1 antibody\n",
    "* Stage IV NSCLC\n* Participants negative for ALK and ROS1 should have had a platinum doublet\n",
]


@pytest.mark.parametrize("inclusion", SENTENCES)
def test_near_miss_a_sentence_naming_its_group_is_still_that_groups_rule(inclusion: str) -> None:
    assert raw_verdict("naive", inclusion) == "excluded"
    assert raw_verdict("chemo-io", inclusion) == "eligible"


def test_near_miss_a_positive_groups_sentence_binds_its_carriers() -> None:
    inclusion = "* Stage IV NSCLC\n* Participants positive for EGFR must have progressed on osimertinib\n"
    assert raw_verdict("egfr-naive", inclusion) == "excluded"
    assert raw_verdict("egfr-osimertinib", inclusion) == "eligible"
    assert raw_verdict("chemo-io", inclusion) == "eligible"  # not the group's


def test_near_miss_a_signed_lead_in_without_a_group_noun_reads_as_before() -> None:
    inclusion = f"* Stage IV NSCLC\n* Negative for EGFR, ALK and ROS1:\n  * {_CHEMO_IO}\n"
    assert raw_verdict("naive", inclusion) == "excluded"
    assert raw_verdict("chemo-io", inclusion) == "eligible"
