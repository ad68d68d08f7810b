"""Reader: marker groups the session-20 prior-therapy helper found unscoped (invented sentences only; every slot
varied, near-misses kept). Since the prior-therapy rules exclude a patient who fails every one of two complementary
groups, a group read as everyone's rule is a false exclusion waiting for an unseen trial.

- a group named by a class of drivers through its abbreviation or before its people: "AGA subjects:", "Non-AGA
  participants must ...", "With AGA:", "No AGA:", "AGA-negative patients:", "Driver-negative patients:", "For non-AGA
  patients, ...", "Non-AGA NSCLC:" (was no scope, or an NSCLC subgroup): a driver-class scope, with or without;
- a group named by a negative marker: "EGFR wild-type NSCLC:", "Cohort 2 (EGFR/ALK-negative NSCLC)", "Patients with
  EGFR/ALK wild-type NSCLC must ..." (a negative word after a gene list negates the whole list: "EGFR/ALK wild-type"
  had named EGFR as PRESENT, binding the EGFR carriers to the wild-type group's rule): the genes, absent;
- "Participants without ALK rearrangement: <rule>" on one line: a marker group with the gene absent (prior therapy had
  read it as one cohort among the trial's ways in);
- "Patients without an EGFR mutation must ...": a marker group, not "the other patients" (was soft);
- "Patients with actionable alterations must have received targeted therapy": the driver-class group's rule.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import invented_patient as _p
from tests.prior_therapy_cases import prior_verdict
from trialmatch.criteria.rules.reader import criterion_scope, heading_scope
from trialmatch.criteria.rules.reader.scope import genes_named, genes_negated

EL, UN, EX = "eligible", "unknown", "excluded"
NO_DRIVER_NAIVE = _p([], [], 0)
NO_DRIVER_CHEMO_IO = _p([], ["carboplatin", "pemetrexed", "pembrolizumab"], 1)
NO_DRIVER_DOCETAXEL = _p([], ["cisplatin", "gemcitabine", "nivolumab", "docetaxel"], 2, histology="squamous")
EGFR_OSIMERTINIB = _p([("EGFR", "exon 19 deletion")], ["osimertinib"], 1)
EGFR_NAIVE = _p([("EGFR", "L858R")], [], 0)
ALK_LORLATINIB = _p([("ALK", "fusion")], ["lorlatinib"], 1)
ROS1_ENTRECTINIB = _p([("ROS1", "fusion")], ["entrectinib"], 1)
KRAS_G12V_CHEMO_IO = _p([("KRAS", "G12V")], ["carboplatin", "paclitaxel", "atezolizumab"], 1)


# ---------------------------------------------------------------- a driver-class group by its abbreviation
@pytest.mark.parametrize(("line", "absent"), [
    ("AGA subjects:", False),
    ("Non-AGA subjects:", True),
    ("With AGA:", False),
    ("With AGAs:", False),
    ("No AGA:", True),
    ("Without AGAs:", True),
    ("AGA-positive participants:", False),
    ("AGA-negative patients:", True),
    ("Driver-negative patients:", True),
    ("Driver-positive participants:", False),
    ("Non-AGA NSCLC:", True),
    ("NSCLC with AGA:", False),
    ("Patients with non-AGA NSCLC:", True),
    ("Subjects with actionable genomic alteration (AGA):", False),
    ("No actionable genomic alterations:", True),
    ("With an actionable driver mutation:", False),
    ("Non-AGA cohort:", True),
])
def test_a_heading_naming_a_class_of_drivers_is_a_driver_group(line: str, absent: bool) -> None:
    scope = heading_scope(line)
    assert scope is not None and scope.drivers and scope.absent is absent and "EGFR" in scope.genes


@pytest.mark.parametrize(("line", "absent"), [
    ("Non-AGA participants must have received platinum-based chemotherapy", True),
    ("AGA participants must have progressed on an approved tyrosine kinase inhibitor", False),
    ("For non-AGA patients, prior anti-PD-1 therapy is required", True),
    ("For AGA-positive subjects, progression on targeted therapy is required", False),
    ("Driver-negative subjects should have had one prior platinum doublet", True),
    ("No AGA: must have progressed on chemotherapy and a PD-L1 inhibitor", True),
    ("With AGA: progression on at least one targeted agent", False),
    ("Without AGAs: one or two prior regimens including docetaxel", True),
])
def test_a_sentence_naming_a_class_of_drivers_is_that_groups_rule(line: str, absent: bool) -> None:
    scope = criterion_scope(line)
    assert scope is not None and scope.drivers and scope.absent is absent


@pytest.mark.parametrize("line", [
    "No actionable genomic alterations: EGFR, ALK, ROS1, BRAF",  # the class spelt out: a marker rule
    "No known driver mutations: patients with EGFR or ALK changes are excluded",
    "No AGA: confirmed by tissue NGS",
    "Treatment-naive patients:",
    "With measurable disease:",
    "No prior therapy:",
    "Previously treated patients must have progressed on platinum",
    "Eligible patients must have an ECOG of 0 or 1",
])
def test_near_misses_name_no_driver_group(line: str) -> None:
    scope = criterion_scope(line) or heading_scope(line)
    assert scope is None or not scope.drivers


@pytest.mark.parametrize("line", [
    "Targetable Oncogene - Biopsy Cohort (includes blood draw):",  # a cohort by its treatment: one of the parts
    "Actionable driver cohort:",
    "Cohort B (NSCLC with treatable brain metastases):",
])
def test_a_cohort_named_by_its_treatment_or_a_finding_stays_a_part(line: str) -> None:
    scope = heading_scope(line)
    assert scope is not None and not scope.drivers and not scope.genes


def _pair(with_group: str, without_group: str) -> list[str]:
    return ["Stage IV NSCLC", with_group, without_group]


AGA_PAIRS = [
    _pair("AGA subjects: >= 1 prior line including targeted therapy",
          "Non-AGA subjects: >= 1 prior line of platinum chemotherapy and anti-PD-1"),
    _pair("With AGA: progressed on targeted therapy", "No AGA: progressed on platinum-based chemotherapy"),
    _pair("AGA-positive participants must have progressed on a tyrosine kinase inhibitor",
          "AGA-negative participants must have progressed on platinum-based chemotherapy"),
    _pair("For AGA patients, prior targeted therapy is required",
          "For non-AGA patients, prior platinum-based chemotherapy is required"),
    _pair("Driver-positive patients: prior approved targeted therapy",
          "Driver-negative patients: prior platinum doublet"),
    _pair("NSCLC with AGA: progression on targeted therapy", "NSCLC without AGA: progression on platinum doublet"),
    _pair("With AGAs: at least one targeted agent", "Without AGAs: at least one platinum-containing regimen"),
    _pair("AGA participants should have received targeted therapy",
          "Non-AGA participants should have received platinum-based chemotherapy"),
]


@pytest.mark.parametrize("inclusion", AGA_PAIRS)
def test_complementary_aga_groups_bind_each_patient_by_their_findings(inclusion: list[str]) -> None:
    # The driver-negative patient after platinum is in the "without" group, whose rule they meet: the targeted-therapy
    # rule is another group's (before: every patient was bound by both, and excluded).
    assert prior_verdict(NO_DRIVER_CHEMO_IO, inclusion) == EL
    assert prior_verdict(NO_DRIVER_DOCETAXEL, inclusion) == EL
    assert prior_verdict(EGFR_OSIMERTINIB, inclusion) == EL
    assert prior_verdict(ALK_LORLATINIB, inclusion) == EL
    assert prior_verdict(ROS1_ENTRECTINIB, inclusion) == EL
    # Untreated patients fail their own group's rule.
    assert prior_verdict(NO_DRIVER_NAIVE, inclusion) == EX
    assert prior_verdict(EGFR_NAIVE, inclusion) == EX


# ---------------------------------------------------------------- a group named by a negative marker
@pytest.mark.parametrize(("text", "named", "negated"), [
    ("EGFR wild-type NSCLC", (), ("EGFR",)),
    ("EGFR/ALK wild-type NSCLC", (), ("EGFR", "ALK")),
    ("EGFR and ALK negative tumours", (), ("EGFR", "ALK")),
    ("EGFR, ALK, ROS1 negative", (), ("EGFR", "ALK", "ROS1")),
    ("KRAS or BRAF wild type", (), ("KRAS", "BRAF")),
    ("wild-type EGFR", (), ("EGFR",)),
    ("non-mutated KRAS", (), ("KRAS",)),
    ("negative for EGFR and ALK", (), ("EGFR", "ALK")),
    ("negative for EGFR, ALK or ROS1 alterations", (), ("EGFR", "ALK", "ROS1")),
    # near misses: a gene with its own positive sign, a gene before a negative one that is not joined to it
    ("EGFR-mutant, ALK-negative", ("EGFR",), ("ALK",)),
    ("EGFR mutation and ALK negative", ("EGFR",), ("ALK",)),
    ("negative for EGFR and ALK-positive", ("ALK",), ("EGFR",)),
    ("HER2-positive", ("ERBB2",), ()),
    ("EGFR, ALK or ROS1 alterations", ("EGFR", "ALK", "ROS1"), ()),
])
def test_a_negative_word_after_a_gene_list_negates_the_list(text: str, named: tuple[str, ...],
                                                             negated: tuple[str, ...]) -> None:
    assert genes_named(text) == named
    assert genes_negated(text) == negated


@pytest.mark.parametrize(("line", "genes"), [
    ("EGFR wild-type NSCLC:", ("EGFR",)),
    ("EGFR/ALK wild-type NSCLC:", ("EGFR", "ALK")),
    ("ALK-negative NSCLC:", ("ALK",)),
    ("Cohort 2 (EGFR/ALK-negative NSCLC):", ("EGFR", "ALK")),
    ("Part B (KRAS wild-type non-small cell lung cancer):", ("KRAS",)),
    ("Patients with EGFR/ALK wild-type NSCLC must have received platinum", ("EGFR", "ALK")),
    ("Participants with EGFR and ALK negative tumours must have had chemotherapy", ("EGFR", "ALK")),
    ("EGFR/ALK wild-type patients must have received a platinum doublet", ("EGFR", "ALK")),
    ("Participants without ALK rearrangement:", ("ALK",)),
    ("Without EGFR mutation:", ("EGFR",)),
])
def test_a_group_named_by_a_negative_marker_is_those_without(line: str, genes: tuple[str, ...]) -> None:
    scope = criterion_scope(line) or heading_scope(line)
    assert scope is not None and scope.absent and scope.genes == genes and not scope.drivers


@pytest.mark.parametrize("line", [
    "Part 2 (HER2-negative breast cancer):",  # another cancer's marker: no NSCLC group
    "Cohort A (ER+ HER2- breast cancer):",
    "No EGFR mutation:",  # may state the rule itself
])
def test_near_misses_name_no_group_without(line: str) -> None:
    scope = criterion_scope(line) or heading_scope(line)
    assert scope is None or not scope.absent


def test_a_negative_marker_group_narrowed_further_is_a_question() -> None:
    inclusion = ["Stage IV NSCLC", "Cohort 2 (EGFR wild-type NSCLC with untreated brain metastases): progressed on "
                 "platinum-based chemotherapy"]
    assert prior_verdict(NO_DRIVER_NAIVE, inclusion) != EX


@pytest.mark.parametrize("wild_type", [
    "Patients with EGFR/ALK wild-type NSCLC must have received platinum-based chemotherapy",
    "Participants with EGFR and ALK negative tumours must have had a platinum doublet",
    "EGFR/ALK wild-type patients must have received prior platinum-based chemotherapy",
    "Patients with EGFR or ALK wild-type disease must have progressed on platinum-based chemotherapy",
    "For patients negative for EGFR and ALK, prior platinum-based chemotherapy is required",
    "Subjects with wild-type EGFR and ALK must have progressed after platinum-based chemotherapy",
    "Participants with EGFR/ALK/ROS1-negative NSCLC must have received a platinum-containing regimen",
    "Patients with EGFR, ALK and ROS1 negative NSCLC should have progressed on platinum-based chemotherapy",
])
def test_a_wild_type_groups_rule_never_binds_a_carrier(wild_type: str) -> None:
    inclusion = ["Stage IV NSCLC", wild_type]
    assert prior_verdict(EGFR_OSIMERTINIB, inclusion) == EL  # a carrier is outside the wild-type group
    assert prior_verdict(ALK_LORLATINIB, inclusion) == EL
    assert prior_verdict(NO_DRIVER_CHEMO_IO, inclusion) == EL


@pytest.mark.parametrize(("mutant", "wild_type"), [
    ("EGFR-mutant NSCLC: progressed on osimertinib", "EGFR wild-type NSCLC: progressed on platinum-based chemotherapy"),
    ("ALK-positive NSCLC: progressed on an ALK inhibitor", "ALK-negative NSCLC: progressed on a platinum doublet"),
    ("Participants with ALK rearrangement: progressed on an ALK inhibitor",
     "Participants without ALK rearrangement: progressed on platinum-based chemotherapy"),
    ("With EGFR mutation: progressed on an EGFR TKI",
     "Without EGFR mutation: progressed on platinum-based chemotherapy"),
    ("Patients with an EGFR mutation must have progressed on an EGFR TKI",
     "Patients without an EGFR mutation must have progressed on platinum-based chemotherapy"),
    ("Patients with a KRAS mutation must have received a platinum doublet",
     "Patients without a KRAS mutation must have received platinum-based chemotherapy and immunotherapy"),
    ("Subjects with ROS1 fusion must have progressed on crizotinib or entrectinib",
     "Subjects without ROS1 fusion must have progressed on platinum-based chemotherapy"),
    ("Participants with EGFR mutation: progression on osimertinib",
     "Participants without EGFR mutation: progression on platinum-based chemotherapy"),
])
def test_complementary_marker_groups_exclude_the_untreated(mutant: str, wild_type: str) -> None:
    inclusion = ["Stage IV NSCLC", mutant, wild_type]
    # The untreated patient tested negative is in the group without the marker and fails its rule.
    assert prior_verdict(NO_DRIVER_NAIVE, inclusion) == EX
    assert prior_verdict(NO_DRIVER_CHEMO_IO, inclusion) == EL


# ---------------------------------------------------------------- "patients without an <marker>" is a group
@pytest.mark.parametrize("line", [
    "Patients without an EGFR mutation must have progressed on platinum-based chemotherapy",
    "Participants without an ALK fusion must have received a platinum doublet",
    "Subjects without a KRAS G12C mutation must have received platinum-based chemotherapy",
    "Patients without a known driver mutation must have had platinum-based chemotherapy",
    "Patients without an actionable alteration must have received platinum-based chemotherapy",
    "Those without a targetable driver must have progressed on a platinum doublet",
    "Participants without an oncogenic driver must have received platinum-containing chemotherapy",
    "Patients without a ROS1 rearrangement should have received platinum-based chemotherapy",
])
def test_patients_without_a_named_marker_are_a_group_not_the_others(line: str) -> None:
    inclusion = ["Stage IV NSCLC", line]
    assert prior_verdict(NO_DRIVER_NAIVE, inclusion) == EX  # in the group, and without its treatment
    assert prior_verdict(NO_DRIVER_CHEMO_IO, inclusion) == EL


@pytest.mark.parametrize("line", [
    "Patients with EGFR or ALK changes must have had targeted therapy; patients without such alterations must have "
    "had platinum-based chemotherapy",
    "Patients with EGFR or ALK alterations must have had prior targeted therapy; others must have had platinum",
])
def test_the_others_after_a_marker_group_stay_a_question(line: str) -> None:
    # "such alterations", "others": who they are depends on the clause before; never a firm exclusion of the untreated
    # driver-negative patient when the clause's scope is not read.
    inclusion = ["Stage IV NSCLC", line]
    assert prior_verdict(EGFR_OSIMERTINIB, inclusion) == EL


# ---------------------------------------------------------------- the driver-class group's own rule
@pytest.mark.parametrize("line", [
    "Patients with actionable alterations must have received targeted therapy",
    "Participants with actionable genomic alterations must have progressed on appropriate targeted therapy",
    "Subjects with a targetable driver must have received an approved targeted agent",
    "Patients with AGAs must have had at least one targeted therapy",
])
def test_a_rule_for_patients_with_actionable_alterations_binds_only_them(line: str) -> None:
    inclusion = ["Stage IV NSCLC", line]
    assert criterion_scope(line) is not None and criterion_scope(line).drivers  # type: ignore[union-attr]
    assert prior_verdict(NO_DRIVER_NAIVE, inclusion) == EL
    assert prior_verdict(NO_DRIVER_CHEMO_IO, inclusion) == EL
    assert prior_verdict(EGFR_OSIMERTINIB, inclusion) == EL
    assert prior_verdict(EGFR_NAIVE, inclusion) == EX
    assert prior_verdict(KRAS_G12V_CHEMO_IO, inclusion) != EX  # not an actionable change
