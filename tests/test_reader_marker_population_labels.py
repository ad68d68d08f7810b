"""Population labels that name a cancer by a marker state in an abbreviated form ("EGFRm NSCLC:", "KRASmut
NSCLC:", "EGFR WT NSCLC:", "ALK+ NSCLC (cohort A):", "HER2-mut NSCLC:") are marker groups, as "EGFR-mutant NSCLC:"
is: the lines after them are that population's, and a "one of the following populations" split over a mutant and a
wild-type label is two ways in, not a marker rule on everyone."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.criteria.rules.reader import criterion_scope
from trialmatch.matching.profile import profile_from_dict

# (criterion, gene, absent): the gene, its abbreviation, the state and the punctuation after the label all vary.
LABELLED = [
    ("EGFRm NSCLC: progressed on or after osimertinib and platinum-based chemotherapy", "EGFR", False),
    ("EGFRmut NSCLC: documented sensitising mutation, progressed on a third-generation TKI", "EGFR", False),
    ("KRASm NSCLC: progressed on sotorasib or adagrasib", "KRAS", False),
    ("KRAS G12C-mutated NSCLC: after at least one prior line", "KRAS", False),
    ("HER2mut NSCLC: after platinum-based chemotherapy", "ERBB2", False),
    ("ALK+ NSCLC (cohort A): after at least one ALK tyrosine kinase inhibitor", "ALK", False),
    ("ROS1-positive NSCLC: progressed on crizotinib or entrectinib", "ROS1", False),
    ("EGFR WT NSCLC: has received platinum-based chemotherapy and an anti-PD-(L)1 agent", "EGFR", True),
    ("EGFRwt NSCLC: after platinum doublet and immunotherapy", "EGFR", True),
    ("EGFR wild-type NSCLC: progressed after chemo-immunotherapy", "EGFR", True),
    ("ALK-negative NSCLC: after platinum-based chemotherapy", "ALK", True),
]


@pytest.mark.parametrize("text,gene,absent", LABELLED)
def test_label_is_a_marker_group(text: str, gene: str, absent: bool) -> None:
    scope = criterion_scope(text)
    assert scope is not None and scope.kind == "cohort", scope
    assert gene in scope.genes and scope.absent == absent, scope
    assert not scope.subgroup, scope


# Near-misses: a dash after a marker state states a rule ("RET-rearranged NSCLC - MET exon 14 skipping is not
# allowed"), as after a cancer or a marker alone; words that only look like a glued gene state name no gene.
NOT_POPULATIONS = [
    "NSCLC - stage IV or recurrent after chemoradiation",
    "EGFR mutation - exon 19 deletion or L858R by local test",
    "Non-small cell lung cancer (NSCLC) - histologically confirmed",
    "RET-rearranged NSCLC - MET exon 14 skipping is not allowed",
]


@pytest.mark.parametrize("text", NOT_POPULATIONS)
def test_no_marker_population(text: str) -> None:
    scope = criterion_scope(text)
    assert scope is None or not scope.genes, scope


def test_lookalike_words_name_no_gene() -> None:
    for text in ("ARM NSCLC: after platinum", "PEM NSCLC: after platinum", "TERM NSCLC: after platinum"):
        scope = criterion_scope(text)
        assert scope is None or not scope.genes, (text, scope)


def _record(text: str) -> dict[str, Any]:
    return {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A study"},
            "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
            "statusModule": {"overallStatus": "RECRUITING"},
            "eligibilityModule": {"eligibilityCriteria": text}}}


def _profile(biomarkers: list[dict[str, str]], negative: list[str]) -> Any:
    return profile_from_dict({"id": "p", "age": 60, "sex": "male", "histology": "adenocarcinoma", "stage": "IV",
                              "biomarkers": biomarkers, "tested_negative": negative, "pdl1_tps": 10,
                              "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1,
                              "ecog": 1, "brain_metastases": "none"})


SPLITS = [
    ("EGFRm NSCLC: documented EGFR sensitising mutation (Ex19del or L858R), progressed on osimertinib",
     "EGFR wild-type NSCLC: has received platinum-based chemotherapy and an anti-PD-(L)1 agent"),
    ("EGFRmut NSCLC: documented exon 19 deletion or L858R mutation after osimertinib",
     "EGFR WT NSCLC: after platinum-based chemotherapy and immunotherapy"),
    ("KRASm NSCLC: KRAS G12C mutation, progressed on sotorasib",
     "KRASwt NSCLC: progressed after platinum doublet and a PD-1 inhibitor"),
]


@pytest.mark.parametrize("mutant,wild", SPLITS)
def test_populations_are_two_ways_in(mutant: str, wild: str) -> None:
    text = ("Inclusion Criteria:\n\n* Module 1 (monotherapy):\n  * Non-squamous NSCLC of one of the following "
            f"populations:\n    * {mutant}\n    * {wild}\n* ECOG 0-1\n\nExclusion Criteria:\n\n* Pregnancy")
    rules = parse_record(_record(text))
    kras = _profile([{"gene": "KRAS", "alteration": "G12C"}], ["EGFR", "ALK", "ROS1"])
    egfr = _profile([{"gene": "EGFR", "alteration": "L858R"}], ["KRAS", "ALK", "ROS1"])
    assert DIMENSIONS["biomarker"].check(rules["biomarker"], kras).verdict == "eligible"
    assert DIMENSIONS["biomarker"].check(rules["biomarker"], egfr).verdict == "eligible"
