"""A treatment asked only "if there is" a marker ("must have received platinum chemotherapy and ICI, and targeted
therapy if there is other actionable driver gene") makes the marker that treatment's condition: it asks nothing of
the tumour. Beside the trial's own rule (KRAS G12D) a KRAS G12D patient without another driver stays eligible.
"Only if there is ..." is the way in and stays a rule.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_19, KRAS_G12C, KRAS_G12D, UNTESTED, inc, verdict

MAIN = [
    "Locally advanced or metastatic solid tumour with KRAS G12D mutation (tissue or blood, NGS or PCR)",
    "Documented KRAS p.G12D mutation",
]

CONDITIONAL = [
    "For NSCLC subjects, must have received platinum-containing chemotherapy and immune checkpoint inhibitor "
    "(concurrently or sequentially), and targeted therapy if there is other actionable driver gene.",
    "Must have failed standard therapy, including an approved targeted agent where there is an actionable "
    "alteration.",
    "Prior anti-PD-1 therapy required, plus a matched TKI when there are other oncogenic drivers.",
    "Patients must have progressed on chemotherapy and, if there was an EGFR mutation, on an EGFR TKI.",
    "Previous treatment must include docetaxel and targeted treatment if there exists a targetable driver "
    "alteration.",
    "Subjects should have received all standard treatments (including targeted drugs if there is also an ALK or "
    "ROS1 fusion).",
]


@pytest.mark.parametrize("line", CONDITIONAL)
@pytest.mark.parametrize("main", MAIN)
def test_a_treatment_asked_if_there_is_a_marker_is_no_requirement(main: str, line: str) -> None:
    text = inc(main, line)
    assert verdict(text, KRAS_G12D) == "eligible"
    assert verdict(text, KRAS_G12C) == "excluded"  # the main line still binds
    assert verdict(text, UNTESTED) == "unknown"


@pytest.mark.parametrize("line", [
    "Eligible only if there is a documented EGFR exon 19 deletion",
    "Patients are enrolled only when there is a confirmed EGFR exon 19 deletion",
])
def test_only_if_there_is_stays_a_rule(line: str) -> None:
    # Near-miss: "only if" makes the marker the way in.
    text = inc(line)
    assert verdict(text, KRAS_G12D) == "excluded"
    assert verdict(text, EGFR_19) == "eligible"
