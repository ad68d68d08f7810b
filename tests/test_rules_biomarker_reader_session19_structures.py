"""Structures behind the biomarker false exclusions of a fresh unseen set (invented sentences and profiles only).

a. A group heading named by a CLASS of driver changes, not a gene: "<subject noun> with/without <actionable /
   targetable / driver / oncogenic / genomic alterations (AGAs)>" + colon (or a dash), over indented items. The shared
   reader only knew groups named by a gene, so the items under "without" were read as everyone's rules. It is now a
   group (Scope.drivers): a patient tested negative on the whole panel is inside a "without" group and outside a
   "with" one; a carrier of any change is a question for either group (whether the change is of the class is
   wording); the marker reading takes each such group as a way into the trial, so a patient fits one or the other.
b. A negation with unread words before the marker ("without targetable/oncogene driven mutations (i.e., EGFR ...)",
   "No other known AGAs, such as ROS1 ...", "without a treatable driver"): the marker was read as REQUIRED. A
   negation's reach now counts class qualifiers (treatable, druggable, oncogenic, clinically relevant) as filler, a
   class qualifier is no treatment word, and where the words between stay unread the marker is never required.
"""

from __future__ import annotations

import pytest
from biomarker_cases import inc, patient, verdict

from trialmatch.criteria.rules.base import EXCLUDED, Finding
from trialmatch.criteria.rules.reader import apply_scope, criterion_scope, heading_scope
from trialmatch.matching.profile import profile_from_dict

NO_DRIVER = patient(pdl1=60)
EGFR_L858R = patient("EGFR:L858R")
EGFR_G719X = patient("EGFR:G719X", drugs=("afatinib",), lines=1)
ALK = patient("ALK:fusion")
ROS1 = patient("ROS1:fusion")
KRAS_G12D = patient("KRAS:G12D")
KRAS_G12V = patient("KRAS:G12V", pdl1=49)
NRG1 = patient("NRG1:fusion")
MET_AMP = patient("MET:amplification")
UNTESTED = patient(negative=[])
CARRIERS = [EGFR_L858R, EGFR_G719X, ALK, ROS1, KRAS_G12D, KRAS_G12V, NRG1, MET_AMP]

# --- a. group headings named by a class of driver changes --------------------------------------------------------

WITHOUT_HEADINGS = [
    "Subjects without actionable genomic alterations (AGAs):",
    "Patients without a targetable driver alteration:",
    "Participants lacking known oncogenic drivers:",
    "Those without driver mutations -",
    "For patients with no actionable molecular alterations:",
    "Individuals who do not have a druggable driver:",
    "Patients negative for actionable alterations:",
    "Subjects without genomic aberrations:",
]
WITH_HEADINGS = [
    "Subjects with AGAs:",
    "Patients with a targetable driver alteration:",
    "Participants harbouring known oncogenic drivers:",
    "Those with driver mutations -",
    "For patients with actionable molecular alterations:",
    "Individuals whose tumours harbor a druggable driver:",
    "Patients positive for actionable alterations:",
    "Subjects carrying oncogene-driven tumours:",
]


@pytest.mark.parametrize("line", WITHOUT_HEADINGS)
def test_a_without_class_heading_is_a_driver_group_of_those_without(line: str) -> None:
    scope = heading_scope(line) if line.endswith(":") else criterion_scope(line + " must have PD-L1 >= 50%")
    assert scope is not None and scope.drivers and scope.absent
    assert "EGFR" in scope.genes and "ALK" in scope.genes


@pytest.mark.parametrize("line", WITH_HEADINGS)
def test_a_with_class_heading_is_a_driver_group_of_carriers(line: str) -> None:
    scope = heading_scope(line) if line.endswith(":") else criterion_scope(line + " must have had targeted therapy")
    assert scope is not None and scope.drivers and not scope.absent


@pytest.mark.parametrize("line", [
    "Patients with EGFR mutations:",  # a gene names the group: a gene group, as before
    "Patients without ALK rearrangement:",
    "Patients with measurable disease:",  # no marker at all: no group
    "Participants with adequate organ function:",
])
def test_a_near_miss_headings_keep_their_reading(line: str) -> None:
    scope = heading_scope(line)
    assert scope is None or not scope.drivers


def test_a_driver_group_scope_per_patient() -> None:
    ban = Finding(EXCLUDED, "x", "y")
    without = heading_scope("Subjects without actionable alterations:")
    with_ = heading_scope("Subjects with actionable alterations:")
    assert without is not None and with_ is not None
    assert apply_scope(ban, without.to_json(), NO_DRIVER).verdict == "excluded"  # inside: the rule binds
    assert apply_scope(ban, with_.to_json(), NO_DRIVER).verdict == "eligible"  # outside
    for carrier in (EGFR_L858R, ALK, ROS1):  # surely actionable (an approved targeted therapy): in the "with" group
        assert apply_scope(ban, without.to_json(), carrier).verdict == "eligible"
        assert apply_scope(ban, with_.to_json(), carrier).verdict == "excluded"
    for carrier in (KRAS_G12D, KRAS_G12V, NRG1, MET_AMP):  # whether the change is of the class is wording
        assert apply_scope(ban, without.to_json(), carrier).verdict == "unknown"
        assert apply_scope(ban, with_.to_json(), carrier).verdict == "unknown"
    assert apply_scope(ban, without.to_json(), UNTESTED).verdict == "unknown"


@pytest.mark.parametrize(("heading", "absent"), [
    ("Subjects with negative AGA:", True),  # a "with" that names what the group lacks
    ("Participants with no known actionable alteration:", True),
    ("Patients with positive AGA:", False),
])
def test_with_negative_names_the_group_without(heading: str, absent: bool) -> None:
    scope = heading_scope(heading)
    assert scope is not None and scope.drivers and scope.absent is absent


@pytest.mark.parametrize("line", [
    "Patients without known genomic alterations or with unknown alteration status:",
    "Subjects without an oncogenic driver, or whose driver status is unknown, must have received a PD-1 inhibitor",
])
def test_a_group_that_takes_the_untested_too_is_left_to_the_dimension(line: str) -> None:
    scope = heading_scope(line) if line.endswith(":") else criterion_scope(line)
    assert scope is None or not scope.drivers


def _two_groups(without: str, with_: str, without_items: tuple[str, ...], with_items: tuple[str, ...]) -> str:
    lines = ["Inclusion Criteria:", "", "* Advanced NSCLC meeting one of the following:", "",
             f"  1. {without}", ""]
    lines += [f"     * {item}" for item in without_items]
    lines += ["", f"  2. {with_}", ""]
    lines += [f"     * {item}" for item in with_items]
    lines += ["", "* ECOG 0-1", ""]
    return "\n".join(lines)


TWO_GROUP_TEXTS = [
    _two_groups("Subjects without actionable genomic alterations (AGAs):", "Subjects with AGAs:",
                ("Non-squamous tumours must have negative EGFR and ALK results.",
                 "No other known AGAs, such as ROS1, NTRK, BRAF, MET exon 14 skipping and RET;"),
                ("Prior test results confirming one or more AGAs;", "Progression after targeted therapy;")),
    _two_groups("Patients without a targetable driver alteration:", "Patients with a targetable driver alteration:",
                ("No EGFR mutation, ALK or ROS1 fusion.",),
                ("Documented EGFR, ALK, ROS1, RET or BRAF V600E alteration.",)),
    _two_groups("Participants lacking known oncogenic drivers:", "Participants harbouring an oncogenic driver:",
                ("Negative for EGFR and ALK.", "PD-L1 TPS of 1% or more."),
                ("Progressed on at least one approved targeted agent.",)),
]


@pytest.mark.parametrize("criteria", TWO_GROUP_TEXTS)
@pytest.mark.parametrize("profile", [NO_DRIVER, EGFR_L858R, EGFR_G719X, ALK, ROS1, KRAS_G12D, KRAS_G12V, NRG1,
                                     MET_AMP])
def test_a_two_class_groups_never_exclude_a_patient_one_of_them_takes(criteria: str, profile: object) -> None:
    assert verdict(criteria, profile) != "excluded"  # type: ignore[arg-type]


def test_a_no_driver_patient_is_eligible_by_markers_with_two_class_groups() -> None:
    assert verdict(TWO_GROUP_TEXTS[0], NO_DRIVER) == "eligible"
    assert verdict(TWO_GROUP_TEXTS[0], EGFR_L858R) == "eligible"


def test_a_one_class_group_alone_is_a_question_for_a_carrier() -> None:
    text = inc("Patients without actionable alterations:") + "  * No EGFR mutation or ALK fusion\n"
    assert verdict(text, EGFR_L858R) != "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"


# --- b. a negation whose words before the marker are qualifiers or unread -----------------------------------------

NEGATED_CLASSES = [
    "NSCLC without targetable/oncogene driven mutations (i.e., EGFR mutations, ALK rearrangement, ROS1 fusion)",
    "Advanced NSCLC without a treatable driver alteration",
    "No druggable oncogenic alterations (for example EGFR, ALK)",
    "Tumour without clinically relevant EGFR mutation or ALK rearrangement",
    "NSCLC without druggable oncogenic changes, such as EGFR or ALK",
    "No other known AGAs, such as EGFR, ALK, ROS1, BRAF or RET",
    "Metastatic NSCLC lacking druggable drivers (e.g. EGFR, ALK)",
    "Without a treatable driver (EGFR, ALK, ROS1) in the tumour",
]


@pytest.mark.parametrize("sentence", NEGATED_CLASSES)
def test_b_a_negated_class_never_requires_its_markers(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) != "excluded"
    assert verdict(inc(sentence), KRAS_G12D) != "excluded"


@pytest.mark.parametrize("sentence", [
    "NSCLC without targetable/oncogene driven mutations (i.e., EGFR mutations, ALK rearrangement)",
    "Advanced NSCLC without a treatable driver alteration",
    "Tumour without clinically relevant EGFR mutation or ALK rearrangement",
    "Metastatic NSCLC lacking druggable drivers (e.g. EGFR, ALK)",
])
def test_b_a_negated_class_still_bans_its_named_carriers(sentence: str) -> None:
    assert verdict(inc(sentence), EGFR_L858R) == "excluded"
    assert verdict(inc(sentence), ALK) == "excluded"


@pytest.mark.parametrize("sentence", [
    "NSCLC with an EGFR activating mutation",  # no negation: a requirement, as before
    "No prior chemotherapy, EGFR mutation positive",  # the negation's reach ends at the comma and treatment
    "Documented EGFR exon 19 deletion or L858R",
])
def test_b_near_misses_keep_their_requirement(sentence: str) -> None:
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"
    assert verdict(inc(sentence), EGFR_L858R) == "eligible"


def test_b_invented_profiles_with_uncommon_findings() -> None:
    """Invented profiles beyond the usual set: an S768I patient, a large-cell tumour with no driver."""
    s768i = profile_from_dict({"biomarkers": [{"gene": "EGFR", "alteration": "S768I"}],
                               "tested_negative": ["ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2"],
                               "histology": "adenocarcinoma", "pdl1_tps": 50})
    large_cell = profile_from_dict({"biomarkers": [], "histology": "large cell", "pdl1_tps": 1,
                                    "tested_negative": ["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2",
                                                        "NTRK1", "NTRK2", "NTRK3"]})
    text = inc("NSCLC without targetable/oncogene driven mutations (i.e., EGFR mutations, ALK rearrangement)")
    assert verdict(text, s768i) == "excluded"
    assert verdict(text, large_cell) == "eligible"
    assert verdict(TWO_GROUP_TEXTS[1], s768i) != "excluded"
    assert verdict(TWO_GROUP_TEXTS[1], large_cell) == "eligible"
