"""A bracket after a required finding that only says how or where it is tested, even per group ("Documented EGFR
exon 20 insertion or HER2 exon 20 insertion (tissue or blood, local NGS report acceptable for dose escalation, central
confirmation for expansion)"), does not make the finding one group's rule: the groups differ in the test, not in the
marker. A patient without the finding is excluded, as with no bracket. A bracket that names a group's marker rule
("(expansion cohort only)", "(for the dose escalation part)") still leaves the finding a question.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, EGFR_EX20, KRAS_G12C, NO_DRIVER, UNTESTED, inc, verdict

LINES = [
    "Documented EGFR exon 20 insertion mutation or HER2 exon 20 insertion mutation (tissue or blood, local NGS report "
    "acceptable for dose escalation, central confirmation for expansion).",
    "EGFR exon 20 insertion (local test accepted in Part A, central laboratory confirmation required in Part B)",
    "Confirmed EGFR ex20ins by tissue NGS (archival sample allowed for the escalation cohort, fresh biopsy for the "
    "expansion cohort)",
    "Tumour harbours an EGFR exon 20 insertion (plasma ctDNA acceptable for phase 1, tissue PCR for phase 2)",
    "EGFR exon 20 insertion mutation (by local report for Arm 1, centrally tested for Arm 2)",
    "Known EGFR exon 20 insertions (FISH or NGS; local laboratory results for the run-in group)",
]


@pytest.mark.parametrize("line", LINES)
def test_a_testing_aside_naming_groups_keeps_the_finding_a_rule(line: str) -> None:
    text = inc(line)
    assert verdict(text, EGFR_EX20) == "eligible"
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, KRAS_G12C) == "excluded"
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"


@pytest.mark.parametrize("line", [
    "EGFR exon 20 insertion (expansion cohort only)",
    "EGFR exon 20 insertion (for the dose escalation part, any NSCLC is allowed)",
])
def test_a_bracket_naming_a_groups_rule_leaves_a_question(line: str) -> None:
    # Near-miss: the bracket says the finding is one group's rule, not how it is tested.
    text = inc(line)
    assert verdict(text, EGFR_19) != "excluded"
