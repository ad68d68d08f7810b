"""Prior-therapy and shared-reader scope kinds of multi-group trials (invented sentences and near misses):

- S1 (shared reader) a heading naming a study part's groups without a label of each ("Part 2 dose-expansion groups
  (population):", "Treatment arms (histology, prior therapy):") heads the coded group lines under it: each line is
  one group's way in, and the other part still takes its own patients;
- S2 "Group without targetable alterations:" over a sub-bullet: the "without" names the group (as "Patients
  without ..." does), it bans nothing; the sub-bullet is that group's requirement;
- S3 "Expansion cohort, one of the following:" over marker-group options: the options are that cohort's, so an
  exclusion "for the expansion cohort only" binds the cohort, not a way in of its own.
"""

from __future__ import annotations

import pytest

from tests.test_rules_prior_therapy_pt7_kinds import raw_verdict
from trialmatch.criteria.rules.reader.scope import heading_scope

# --- S1: a heading over a part's groups, with no label of each ---------------------------------------------------

PART_GROUPS = [
    "* Part 1: relapsed after at least one prior systemic therapy\n\nPart 2 dose-expansion groups (population):\n"
    "* X1 - NSCLC previously treated with platinum-based chemotherapy\n"
    "* X2 - NSCLC previously treated with docetaxel\n",
    "* Arm 0: at least one prior line for advanced disease\n\nTreatment arms (histology, prior therapy):\n"
    "* A1 - squamous NSCLC, after a platinum doublet\n* A2 - non-squamous NSCLC, after a platinum doublet\n",
    "* Escalation: progression on at least one earlier systemic regimen\n\nDose expansion arms (prior treatment):\n"
    "* E1 - after docetaxel\n* E2 - after a KRAS G12C inhibitor\n",
    "* Part A: one or more prior lines of standard therapy\n\nStudy cohorts (tumour / earlier therapy):\n"
    "* C1 \u2013 NSCLC / after pemetrexed-based chemotherapy\n* C2 \u2013 NSCLC / after docetaxel\n",
    "* Phase 1: at least one prior systemic treatment\n\nPhase 2 expansion groups (setting):\n"
    "* G1 - NSCLC after gemcitabine\n* G2 - NSCLC after paclitaxel\n",
    "* Part 1: relapsed after one or more earlier systemic therapies\n\nRandomised arms (histology / prior therapy):\n"
    "* R1 \u2014 squamous NSCLC / after docetaxel\n* R2 \u2014 non-squamous NSCLC / after docetaxel\n",
]


@pytest.mark.parametrize("inclusion", PART_GROUPS)
def test_the_other_part_takes_a_patient_no_listed_group_takes(inclusion: str) -> None:
    # Each of these patients has had a line, so Part 1 / Arm 0 / Escalation / Part A / Phase 1 takes them.
    assert raw_verdict("egfr-osimertinib", inclusion) == "eligible"
    assert raw_verdict("chemo-only", inclusion) == "eligible"


@pytest.mark.parametrize("inclusion", PART_GROUPS)
def test_a_patient_no_part_takes_is_still_excluded(inclusion: str) -> None:
    assert raw_verdict("naive", inclusion) == "excluded"


@pytest.mark.parametrize("line", ["Part 2 dose-expansion groups (population):", "Treatment arms (histology, prior "
                                  "therapy):", "Dose expansion arms (prior treatment):", "Study cohorts (tumour):"])
def test_the_heading_reads_as_a_group(line: str) -> None:
    assert heading_scope(line) is not None


@pytest.mark.parametrize("line", ["Treatment arms:", "Treatment arms: Arm A receives drug X", "Treatment arm (A) "
                                  "must have had platinum:"])
def test_near_miss_a_bare_arms_heading_or_a_rule_is_no_group(line: str) -> None:
    assert heading_scope(line) is None


def test_near_miss_every_listed_arm_asks_the_same() -> None:
    inclusion = ("* Stage IV NSCLC\n\nTreatment arms (histology, prior therapy):\n* A1 - squamous NSCLC, after a "
                 "platinum doublet\n* A2 - non-squamous NSCLC, after a platinum doublet\n")
    assert raw_verdict("egfr-osimertinib", inclusion) == "excluded"  # no other part: both arms ask for platinum
    assert raw_verdict("chemo-only", inclusion) == "eligible"


# --- S2: "Group without ...:" names a group, bans nothing -----------------------------------------------------------

def _groups(without: str, with_: str) -> str:
    return (f"* Stage IV NSCLC\n* {without}\n  * Progression after platinum-based chemotherapy and an anti-PD-1 "
            f"antibody\n* {with_}\n  * Progression after a tyrosine kinase inhibitor approved for the alteration\n")


WITHOUT_GROUPS = [
    _groups("Group without targetable alterations:", "Group with targetable alterations (EGFR, ALK, ROS1, RET):"),
    _groups("Cohort without actionable driver alterations:", "Cohort with actionable driver alterations:"),
    _groups("Arm without AGA:", "Arm with AGA:"),
    _groups("Population without targetable mutations:", "Population with targetable mutations:"),
    _groups("Group without EGFR/ALK alterations:", "Group with EGFR/ALK alterations:"),
    _groups("Subgroup without actionable genomic alterations:", "Subgroup with actionable genomic alterations:"),
]


@pytest.mark.parametrize("inclusion", WITHOUT_GROUPS)
def test_the_without_groups_sub_bullet_is_its_requirement(inclusion: str) -> None:
    assert raw_verdict("naive", inclusion) == "excluded"
    assert raw_verdict("chemo-only", inclusion) == "excluded"  # no anti-PD-1
    assert raw_verdict("chemo-io", inclusion) == "eligible"


@pytest.mark.parametrize("inclusion", WITHOUT_GROUPS)
def test_near_miss_a_carrier_is_held_to_the_with_group(inclusion: str) -> None:
    assert raw_verdict("egfr-osimertinib", inclusion) == "eligible"
    assert raw_verdict("egfr-naive", inclusion) == "excluded"


def test_near_miss_a_real_ban_lead_in_still_bans() -> None:
    inclusion = "* Stage IV NSCLC\n* Without any of the following:\n  * Prior docetaxel\n"
    assert raw_verdict("chemo-io-docetaxel", inclusion) == "excluded"
    assert raw_verdict("chemo-io", inclusion) == "eligible"


# --- S3: "<group>, one of the following:" ties its options to the group ---------------------------------------------

def _options(part: str, lead: str) -> str:
    return (f"* {part}\n* {lead}\n   * Participants without actionable alterations: prior platinum doublet and "
            "anti-PD-1/PD-L1 antibody\n   * Participants with actionable alterations (EGFR, ALK, RET, MET): prior "
            "approved targeted therapy\n")


OPTIONS = [
    (_options("Escalation cohort: at least one prior systemic therapy for advanced disease",
              "Expansion cohort, one of the following:"), "* Expansion cohort only: prior docetaxel\n"),
    (_options("Dose escalation: at least one prior line of therapy", "Dose expansion, any of the following:"),
     "* Prior docetaxel (dose expansion only)\n"),
    (_options("Part A: at least one earlier systemic regimen", "Part B (Expansion), either of the following:"),
     "* Part B only: previous docetaxel\n"),
    (_options("Escalation part: one or more prior lines", "Expansion part, one of the following criteria:"),
     "* [Expansion part only] earlier docetaxel\n"),
    (_options("Escalation phase: at least one prior systemic treatment", "Expansion phase, any one of the following:"),
     "* Expansion phase only: prior treatment with docetaxel\n"),
    (_options("Phase 1: relapsed after one prior systemic therapy", "Phase 2, one of the following:"),
     "* Phase 2 only: prior docetaxel\n"),
]


@pytest.mark.parametrize(("inclusion", "exclusion"), OPTIONS)
def test_a_group_only_exclusion_makes_no_way_in_of_its_own(inclusion: str, exclusion: str) -> None:
    assert raw_verdict("naive", inclusion, exclusion) == "excluded"


@pytest.mark.parametrize(("inclusion", "exclusion"), OPTIONS)
def test_near_miss_the_other_group_still_takes_its_patients(inclusion: str, exclusion: str) -> None:
    assert raw_verdict("chemo-io-docetaxel", inclusion, exclusion) == "eligible"  # the first group takes them
    assert raw_verdict("chemo-only", inclusion) == "eligible"
    assert raw_verdict("naive", inclusion) == "excluded"


@pytest.mark.parametrize("line", ["Expansion cohort, one of the following:", "Arm B, any of the following:"])
def test_the_lead_in_names_its_group_only(line: str) -> None:
    scope = heading_scope(line)
    assert scope is not None and "following" not in scope.label
