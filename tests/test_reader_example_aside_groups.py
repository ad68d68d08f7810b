"""Reader: a group named by a class of drivers or a marker, with an aside of EXAMPLES after it ("No actionable driver
(including KRAS-mutant and HER2-mutant tumours):", "EGFR-mutant (e.g., exon 19 deletion or L858R):"): the aside says
who falls in the group and narrows nothing, so the heading still scopes its rule. Read as narrowing, the no-driver
group's rule ("progression on both platinum and an anti-PD-(L)1") lost its scope and bound driver carriers, who were
excluded after their targeted therapy. An aside that does narrow ("(with brain metastases)") keeps the group a
subgroup."""

from __future__ import annotations

import pytest
from prior_therapy_cases import BASE

from tests.invented import invented_trial
from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.rules.reader.scope import criterion_scope
from trialmatch.matching.profile import profile_from_dict

NO_DRIVER_HEADINGS = [
    "No actionable driver (including KRAS-mutant and HER2-mutant tumours): progression on or after platinum-based "
    "chemotherapy and an anti-PD-1 antibody",
    "Without an actionable genomic alteration (e.g., KRAS G12D or STK11 loss): prior platinum doublet and a PD-L1 "
    "inhibitor",
    "No targetable driver (such as KRAS non-G12C tumours): disease progression after platinum-based chemotherapy",
    "No actionable genomic alteration (including tumours with HER2 amplification): progression on platinum-based "
    "chemotherapy and immunotherapy",
    "Without actionable driver mutations (for example, KRAS G12V): must have received platinum and pembrolizumab",
]


@pytest.mark.parametrize("line", NO_DRIVER_HEADINGS)
def test_no_driver_heading_with_examples_scopes_its_rule(line: str) -> None:
    scope = criterion_scope(line)
    assert scope is not None and scope.drivers and scope.absent and not scope.subgroup


def test_marker_heading_with_examples_is_not_a_subgroup() -> None:
    scope = criterion_scope("With EGFR mutation (e.g., exon 19 deletion or L858R): progression on osimertinib")
    assert scope is not None and scope.genes == ("EGFR",) and not scope.subgroup


def test_narrowing_aside_is_still_a_narrowing() -> None:
    # A group narrowed by brain metastases is a different group: read as before (no scope of the driver class).
    scope = criterion_scope("No actionable driver (with untreated brain metastases): progression on platinum")
    assert scope is None or scope.subgroup


EGFR_AFTER_TKI: dict[str, object] = {
    "biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}], "tested_negative": ["ALK", "ROS1"],
    "prior_therapies": ["osimertinib"], "prior_lines": 1}
NO_DRIVER_NAIVE: dict[str, object] = {
    "tested_negative": ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS"],
    "prior_therapies": [], "prior_lines": 0}


@pytest.mark.parametrize("line", NO_DRIVER_HEADINGS)
def test_driver_carrier_after_tki_is_not_bound_by_the_no_driver_rule(line: str) -> None:
    inclusion = ("* Stage IV NSCLC\n* Prior therapy, by molecular subgroup:\n\n"
                 f"  * {line}\n  * Actionable driver (EGFR, ALK or ROS1): progression on at least one approved"
                 " targeted therapy\n")
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy\n"))
    assert prior_therapy.check(rules, profile_from_dict({**BASE, **EGFR_AFTER_TKI})).verdict != "excluded"
    # the no-driver patient without the group's treatment still fails it
    assert prior_therapy.check(rules, profile_from_dict({**BASE, **NO_DRIVER_NAIVE})).verdict == "excluded"
