"""A line that states a rule and then says it varies by group ("MET alteration documented in tissue or plasma,
according to cohort:", "EGFR mutation confirmed centrally, per cohort:") binds every patient; the group word
says the list under it gives each group's form of the rule, not that the line is one group's (marker carriers').
Read as a carriers' group, it let every patient without the marker in (a missed exclusion).

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, EGFR_L858R, KRAS_G12C, MET_EX14, NO_DRIVER, RET, ROS1, UNTESTED, verdict

from trialmatch.criteria.rules.reader.scope import read_scope

HEADINGS = [
    ("MET alteration documented in tissue or plasma, according to cohort:",
     ["Cohort A: MET exon 14 skipping alteration; MET inhibitor-naive",
      "Cohort B: MET exon 14 skipping alteration; after a MET TKI"], MET_EX14),
    ("EGFR mutation confirmed centrally, per cohort:",
     ["Cohort 1: EGFR exon 19 deletion", "Cohort 2: EGFR L858R"], EGFR_L858R),
    ("RET fusion detected by NGS, as specified for each arm:",
     ["Arm A: RET fusion, treatment-naive", "Arm B: RET fusion, after chemotherapy"], RET),
    ("KRAS G12C mutation by a local test, depending on the part:",
     ["Part 1: KRAS G12C, any line", "Part 2: KRAS G12C, after one line"], KRAS_G12C),
    ("ROS1 rearrangement documented, by cohort:",
     ["Cohort A: ROS1 fusion, TKI-naive", "Cohort B: ROS1 fusion, after crizotinib"], ROS1),
    ("Sensitising EGFR mutation in tumour tissue, specific to each group:",
     ["Group 1: EGFR exon 19 deletion", "Group 2: EGFR exon 19 deletion with T790M"], EGFR_19),
]


def _flat(heading: str, items: list[str]) -> str:
    return ("Inclusion Criteria:\n- Age >= 18 years\n- Advanced NSCLC\n- " + heading + "\n"
            + "".join(f"- {item}\n" for item in items) + "- ECOG 0-2\n")


@pytest.mark.parametrize(("heading", "items", "carrier"), HEADINGS)
def test_a_rule_that_varies_by_group_binds_everyone(heading: str, items: list[str], carrier: object) -> None:
    assert read_scope(heading)[0] is None
    text = _flat(heading, items)
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, carrier) == "eligible"  # type: ignore[arg-type]
    assert verdict(text, UNTESTED) == "unknown"


@pytest.mark.parametrize("heading", [
    "Cohort A (EGFR-mutant NSCLC):",
    "EGFR-mutant cohort:",
    "KRAS G12C arm:",
])
def test_a_group_named_by_its_marker_is_still_a_group(heading: str) -> None:
    # Near-misses: the group word names the group, so the line is that group's heading.
    scope = read_scope(heading)[0]
    assert scope is not None and scope.genes
