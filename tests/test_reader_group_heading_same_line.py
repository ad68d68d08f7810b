"""Reader: a group's name before a colon, with the group's rule on the same line, binds only that group.

- a class of drivers alone before the colon, no "patients": "Non-AGA: must have progressed on ...", "Driver-negative:
  ..." (was everyone's rule: every EGFR carrier without platinum was excluded by the other group's requirement);
- the class's genes spelt out in brackets after the colon ("Without AGA: (EGFR, ALK) must have ...") or before it
  ("No AGA (EGFR, ALK, ROS1): ...") are the group's name, not a marker rule;
- near-misses stay the marker rule itself: "No actionable alterations: EGFR, ALK, ROS1", "AGA-negative: confirmed by
  tissue NGS; ...".
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import invented_patient as _p
from tests.prior_therapy_cases import prior_verdict
from trialmatch.criteria.rules.reader import heading_scope

EGFR_OSIMERTINIB = _p([("EGFR", "exon 19 deletion")], ["osimertinib"], 1)
ALK_NAIVE = _p([("ALK", "fusion")], [], 0)
NO_DRIVER_NAIVE = _p([], [], 0)
NO_DRIVER_CHEMO = _p([], ["carboplatin", "pemetrexed"], 1)
UNTESTED_NAIVE = _p([], [], 0, negative=[])

GROUP_RULES = [
    "Non-AGA: must have progressed on platinum-based chemotherapy.",
    "Driver-negative: must have received prior platinum-based chemotherapy.",
    "AGA-negative: disease progression after platinum-containing chemotherapy is required.",
    "Without AGA: (EGFR, ALK) must have progressed on platinum-based chemotherapy.",
    "Non-AGA: (EGFR, ALK, ROS1 wild-type) must have progressed on prior platinum-based chemotherapy.",
    "No AGA (EGFR, ALK, ROS1): prior platinum-based chemotherapy required.",
    "No actionable genomic alterations (EGFR, ALK): must have received platinum-based chemotherapy.",
]


@pytest.mark.parametrize("line", GROUP_RULES)
def test_a_group_named_before_a_colon_binds_only_that_group(line: str) -> None:
    # The driver carriers are not in the group: its platinum rule does not bind them.
    assert prior_verdict(EGFR_OSIMERTINIB, inclusion=[line]) == "eligible"
    assert prior_verdict(ALK_NAIVE, inclusion=[line]) == "eligible"
    # The group's own patients are held to it; an untested patient may be in it.
    assert prior_verdict(NO_DRIVER_CHEMO, inclusion=[line]) == "eligible"
    assert prior_verdict(NO_DRIVER_NAIVE, inclusion=[line]) == "excluded"
    assert prior_verdict(UNTESTED_NAIVE, inclusion=[line]) == "unknown"


@pytest.mark.parametrize("line", [
    "AGA-negative: confirmed by tissue NGS; must have progressed on platinum-based chemotherapy.",
    "Driver-negative: documented by a validated assay, and progression after platinum-based chemotherapy.",
])
def test_a_heading_followed_by_its_marker_test_stays_everyones_rule(line: str) -> None:
    assert prior_verdict(EGFR_OSIMERTINIB, inclusion=[line]) == "excluded"
    assert prior_verdict(NO_DRIVER_CHEMO, inclusion=[line]) == "eligible"


# "MET alteration documented in tissue or plasma, according to cohort:" is a rule whose details vary by cohort, not a
# group named "MET alteration ... cohort": the criteria after its list (performance status, line limits) are
# everyone's (they had become rules for "patients with MET changes", a question for every other patient).
@pytest.mark.parametrize("lead", [
    "MET alteration documented in tissue or plasma, according to cohort:",
    "EGFR mutation confirmed by local testing, by cohort:",
    "RET fusion as follows, depending on the cohort:",
    "KRAS G12C mutation per assigned cohort:",
    "Documented ALK rearrangement, according to the arm:",
    "HER2 alteration, for each cohort:",
])
def test_a_rule_detailed_by_group_names_no_group(lead: str) -> None:
    assert heading_scope(lead) is None


def test_a_cancer_cohort_heading_still_names_its_group() -> None:
    scope = heading_scope("EGFR-mutant NSCLC cohort:")
    assert scope is not None and "EGFR" in scope.genes
