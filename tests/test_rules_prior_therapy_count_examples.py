"""A count of lines of any therapy followed by examples, "at least one prior systemic therapy (e.g., platinum-based
chemotherapy and/or an immune checkpoint inhibitor)": the examples are examples, not required drugs. Before, the
examples became a required drug and a targeted-only patient was excluded (set Z kind 2). "including" may say what the
line must hold, and stays a requirement (as terms._line_examples reads it). "i.e." defines the line, and a class as
the head noun ("platinum-based regimen (e.g., ...)") keeps the class required.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

_TARGETED = {"prior_therapies": ["osimertinib"], "prior_lines": 1}
_NAIVE = {"prior_therapies": [], "prior_lines": 0}

EXAMPLES = [
    "Received at least one prior systemic therapy for advanced disease (e.g., platinum-based chemotherapy and/or "
    "immune checkpoint inhibitor)",
    "At least one prior systemic therapy, such as platinum-based chemotherapy or immunotherapy, for metastatic NSCLC",
    "One or more prior lines of anticancer treatment (for example docetaxel, pemetrexed or an anti-PD-1 antibody)",
    "Patients must have received >= 1 prior regimen [such as carboplatin plus pemetrexed] for stage IV disease",
    "Progressed after at least 1 previous line of therapy in the advanced setting (eg, chemotherapy, ICI)",
    "Has had a minimum of one prior treatment for recurrent disease, e.g. cisplatin-based doublet or nivolumab",
    "Subjects who received at least one prior anti-tumour therapy (e.g. pembrolizumab or atezolizumab) can be enrolled",
]


@pytest.mark.parametrize("sentence", EXAMPLES)
def test_a_targeted_only_line_counts(sentence: str) -> None:
    assert prior_verdict(_TARGETED, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", EXAMPLES[:6])
def test_the_count_still_binds(sentence: str) -> None:
    assert prior_verdict(_NAIVE, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "At least one prior systemic therapy (i.e., platinum-based chemotherapy)",
    "At least one prior platinum-based regimen (e.g., carboplatin/pemetrexed)",
    "Progressed after at least one prior line of therapy including platinum-based chemotherapy",
    "At least one prior line of therapy, including a platinum doublet",
    "One or more prior systemic therapies (including platinum-based chemotherapy)",
])
def test_a_definition_or_a_class_stays_required(sentence: str) -> None:
    assert prior_verdict(_TARGETED, [sentence]) == "excluded"
