"""A KRAS change other than G12C has no targeted drug approved anywhere. An exclusion of "actionable alterations for
which an approved (locally, first-line) targeted therapy is available" does not shut out a KRAS G12D or G12V
patient, and since kind 22 (sets K and L label convention) neither does a bare "actionable alteration" that names
no gene; where the text names KRAS as actionable, any KRAS change stays a question. KRAS G12C (with approved drugs,
"locally approved") stays a question; under "first-line" it is not actionable (approved after prior therapy only).

Every sentence is invented.
"""

from __future__ import annotations

import re

import pytest
from biomarker_cases import KRAS_G12C, KRAS_G12D, KRAS_G12V, exc, inc, verdict

APPROVED = [
    exc("Tumors known to harbor another actionable alteration for which approved first-line targeted therapy is "
        "available (e.g., ROS1 rearrangement, BRAF V600E, RET fusion)"),
    inc("No known genomic aberration for which a locally approved targeted therapy is available"),
    exc("Any oncogenic driver with a locally approved targeted treatment"),
    exc("Actionable driver alteration for which a first-line targeted agent is approved in the country of enrolment"),
    inc("Absence of any alteration for which an approved first-line targeted therapy exists"),
    exc("Known targetable alteration with a targeted therapy approved locally as front-line treatment"),
]


@pytest.mark.parametrize("text", APPROVED)
def test_an_unapproved_kras_change_is_not_shut_out(text: str) -> None:
    assert verdict(text, KRAS_G12D) == "eligible"
    assert verdict(text, KRAS_G12V) == "eligible"
    if re.search(r"first-line|front-line", text):
        # its drugs are approved after prior therapy only: no first-line targeted therapy (session 26, Q kind 9)
        assert verdict(text, KRAS_G12C) == "eligible"
    else:
        assert verdict(text, KRAS_G12C) != "eligible"  # approved drugs; whether locally depends on the country


def test_a_bare_actionable_alteration_is_not_a_kras_g12d() -> None:
    # No approval asked for, no gene named: a change with no approved drug anywhere is not actionable (kind 22).
    assert verdict(exc("Known actionable genomic alteration"), KRAS_G12D) == "eligible"
    # The text names KRAS as actionable: it may count any KRAS change, so a question.
    assert verdict(exc("Known actionable KRAS alteration"), KRAS_G12D) == "unknown"


@pytest.mark.parametrize("sentence", [
    "No actionable alterations with approved therapy (e.g. EGFR, ALK, ROS1)",
    "Absence of actionable alterations with approved therapies (such as EGFR or ALK)",
    "Absence of actionable alterations with approved first-line targeted therapy (EGFR, ALK, ROS1)",
    "No actionable alteration for which an approved first-line targeted therapy exists (EGFR, ALK)",
])
def test_genes_after_an_approved_therapy_tail_are_its_examples(sentence: str) -> None:
    # "with approved therapy" is the actionable tail: the genes in brackets are examples of what is absent, never a
    # requirement (before, the bracket was read as required genes and excluded everyone without them).
    assert verdict(inc(sentence), KRAS_G12D) != "excluded"
