"""A group named by a gene's change said negative ("Cohort 2 (ROS1 fusion-negative NSCLC)", "EGFR mutation-negative
cohort:", "Arm B (ALK rearrangement negative)") is the patients WITHOUT that gene's change, as "EGFR-negative" is.
It had been read as a group of carriers: a rule written for it bound EGFR-positive patients and let the tested-negative
patients it was written for go free. Invented sentences only."""

from __future__ import annotations

import pytest
from invented import invented_trial, whole_parse_verdict

from trialmatch.criteria.rules.reader import criterion_scope
from trialmatch.matching.profile import profile_from_dict

# (criterion, genes said negative): the change word, the joining dash or space and the group word vary.
NEGATIVE_GROUPS = [
    ("Cohort 2 (ROS1 fusion-negative NSCLC): progressed on platinum-based chemotherapy", ("ROS1",)),
    ("EGFR mutation-negative cohort: patients who progressed after platinum", ("EGFR",)),
    ("Cohort B (EGFR mutation negative): ECOG 0-1", ("EGFR",)),
    ("Arm 2 (ALK rearrangement-negative): at least one prior line of therapy", ("ALK",)),
    ("Part B (KRAS gene mutation-negative NSCLC): prior anti-PD-1 therapy", ("KRAS",)),
    ("Cohort 3 (EGFR/ALK mutation-negative): after chemo-immunotherapy", ("EGFR", "ALK")),
    ("Group C (MET amplification-negative): measurable disease per RECIST 1.1", ("MET",)),
    ("Cohort 4 (RET fusion neg): prior platinum doublet", ("RET",)),
]


@pytest.mark.parametrize("text,genes", NEGATIVE_GROUPS)
def test_a_change_said_negative_names_the_patients_without_it(text: str, genes: tuple[str, ...]) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.absent, scope
    assert set(genes) <= set(scope.genes), scope


# Near-misses: a change said positive, a change with no sign, and "negative for" another finding after the change
# keep naming carriers.
CARRIER_GROUPS = [
    ("Cohort 1 (EGFR mutation-positive): progressed on osimertinib", "EGFR"),
    ("Cohort 2 (ROS1 fusion): TKI naive", "ROS1"),
    ("Arm A (ALK rearrangement positive): after alectinib", "ALK"),
    ("Cohort 1 (EGFR mutation negative for T790M): progressed on gefitinib", "EGFR"),
    ("Part A (KRAS G12C mutation): after platinum", "KRAS"),
]


@pytest.mark.parametrize("text,gene", CARRIER_GROUPS)
def test_a_change_not_said_negative_names_carriers(text: str, gene: str) -> None:
    scope = criterion_scope(text)
    assert scope is not None and not scope.absent and gene in scope.genes, scope


def _profile(found: list[tuple[str, str]], negative: list[str], drugs: list[str]) -> object:
    return profile_from_dict({"biomarkers": [{"gene": g, "alteration": a} for g, a in found],
                              "tested_negative": negative, "prior_therapies": drugs, "prior_lines": len(drugs),
                              "histology": "adenocarcinoma"})


PANEL = ["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2"]
EGFR_NO_CHEMO = _profile([("EGFR", "exon 19 deletion")], [g for g in PANEL if g != "EGFR"], ["osimertinib"])


@pytest.mark.parametrize("label", ["Cohort 1 (EGFR mutation-negative)", "Cohort 1 (EGFR mutation negative NSCLC)",
                                   "EGFR mutation-negative cohort", "Cohort 1 (EGFR gene mutation-negative)",
                                   "Arm A (EGFR mutation-neg)"])
def test_a_rule_of_the_negative_group_does_not_bind_a_carrier(label: str) -> None:
    text = invented_trial(f"* Stage IV NSCLC\n* {label}: must have progressed on prior platinum-based chemotherapy\n"
                          "* Cohort 2 (KRAS G12C): any number of prior lines")
    assert whole_parse_verdict(text, "prior_therapy", EGFR_NO_CHEMO) == "eligible"
