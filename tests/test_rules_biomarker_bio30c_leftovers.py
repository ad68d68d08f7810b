"""bio30b's leftovers that were false exclusions, each as a kind (invented sentences only):

1. a gene said negative, then the changes it is negative for or the one it is not: "EGFR negative for exon 19
   deletion or L858R", "EGFR wild-type (exon 19 deletion or L858R)", "EGFR wild-type (except exon 20 insertion)".
   "negative" closed the gene and the changes were read on their own: required, or banned with the rest
   (text.negative_gene_spelled says them the way the reading knows);
2. "other than" a kind that is one change of its own: "No HER2 alteration other than (HER2) amplification", "(HER2
   amplification is allowed)": the spared kind was banned (text._SPARED_KINDS);
3. a rule on other studies: "Patients with ROS1 fusion may not take part in another clinical study at the same time"
   was read as a ROS1 requirement (cues._OTHER_STUDY now knows "take part", "concurrently enrolled")."""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_EX20,
    EGFR_G719X,
    EGFR_L858R,
    HER2_AMP,
    HER2_EX20,
    KRAS_G12C,
    KRAS_G12D,
    MET_AMP,
    MET_EX14,
    NO_DRIVER,
    ROS1,
    inc,
    verdict,
)

NEGATIVE_FOR_CHANGES = [
    "EGFR negative for exon 19 deletion or L858R",
    "EGFR wild-type (exon 19 deletion or L858R)",
    "Tumour EGFR wild type (exon 19 del / L858R) and ALK negative",
    "EGFR-negative for exon 19 deletion and L858R by a validated test",
    "EGFR wild type for exon 19 deletions or exon 21 L858R",
]


@pytest.mark.parametrize("text", NEGATIVE_FOR_CHANGES)
def test_negative_for_named_changes_bans_them_only(text: str) -> None:
    criteria = inc("Stage IV NSCLC", text)
    assert verdict(criteria, EGFR_19) == "excluded", text
    assert verdict(criteria, EGFR_L858R) == "excluded", text
    assert verdict(criteria, NO_DRIVER) == "eligible", text
    assert verdict(criteria, KRAS_G12C) == "eligible", text
    assert verdict(criteria, EGFR_EX20) != "excluded", text


EXCEPT_IN_BRACKET = [
    "EGFR wild-type (except exon 20 insertion)",
    "EGFR wild-type (other than exon 20 insertion)",
    "EGFR-negative (excluding exon 20 insertions)",
    "EGFR WT (apart from exon 20 insertion mutations)",
    "Documented EGFR wild-type (except exon 20 insertions)",
]


@pytest.mark.parametrize("text", EXCEPT_IN_BRACKET)
def test_excepted_change_in_bracket_is_let_in(text: str) -> None:
    criteria = inc("Stage IV NSCLC", text)
    assert verdict(criteria, EGFR_EX20) == "eligible", text
    assert verdict(criteria, NO_DRIVER) == "eligible", text
    assert verdict(criteria, EGFR_19) == "excluded", text
    assert verdict(criteria, EGFR_G719X) == "excluded", text


def test_negative_for_a_class_and_fusion() -> None:
    assert verdict(inc("Stage IV NSCLC", "EGFR negative for sensitizing mutations"), EGFR_19) == "excluded"
    assert verdict(inc("Stage IV NSCLC", "EGFR negative for sensitizing mutations"), NO_DRIVER) == "eligible"
    assert verdict(inc("Stage IV NSCLC", "ALK negative for rearrangement"), ALK) == "excluded"
    assert verdict(inc("Stage IV NSCLC", "ALK negative for rearrangement"), NO_DRIVER) == "eligible"


# Near-misses: a plain wild-type, a bracket on how it was tested, another gene in the bracket.
def test_plain_and_method_brackets_unchanged() -> None:
    for text in ("EGFR wild-type", "EGFR wild-type (by NGS)"):
        criteria = inc("Stage IV NSCLC", text)
        assert verdict(criteria, EGFR_EX20) == "excluded", text
        assert verdict(criteria, NO_DRIVER) == "eligible", text


SPARED_KIND = [
    ("No HER2 alteration other than HER2 amplification", HER2_AMP, HER2_EX20),
    ("No HER2 alteration other than amplification", HER2_AMP, HER2_EX20),
    ("No HER2 alteration (HER2 amplification is allowed)", HER2_AMP, HER2_EX20),
    ("No MET alteration other than MET amplification", MET_AMP, MET_EX14),
    ("No known MET alteration (MET amplification is permitted)", MET_AMP, MET_EX14),
]


@pytest.mark.parametrize(("text", "spared", "banned"), SPARED_KIND)
def test_spared_kind_is_let_in(text: str, spared: object, banned: object) -> None:
    criteria = inc("Stage IV NSCLC", text)
    assert verdict(criteria, spared) == "eligible", text  # type: ignore[arg-type]
    assert verdict(criteria, banned) == "excluded", text  # type: ignore[arg-type]
    assert verdict(criteria, NO_DRIVER) == "eligible", text


def test_spared_kind_beside_requirement() -> None:
    criteria = inc("Stage IV NSCLC", "HER2 alteration other than amplification")
    assert verdict(criteria, HER2_EX20) == "eligible"
    assert verdict(criteria, HER2_AMP) == "excluded"


OTHER_STUDY = [
    "Patients with ROS1 fusion may not take part in another clinical study at the same time",
    "Patients with ALK rearrangement must not take part in any other interventional trial",
    "Participants with KRAS G12C mutation cannot be concurrently enrolled in another clinical trial",
    "Patients with ROS1 fusion may not participate in another clinical study",
    "Patients with EGFR mutation may not take part in any other study of an EGFR inhibitor",
]


@pytest.mark.parametrize("text", OTHER_STUDY)
def test_other_study_rule_sets_no_marker_rule(text: str) -> None:
    criteria = inc("Stage IV NSCLC", text)
    for patient in (NO_DRIVER, ROS1, ALK, KRAS_G12D, EGFR_19):
        assert verdict(criteria, patient) == "eligible", text


def test_marker_group_without_other_study_still_binds() -> None:
    assert verdict(inc("Stage IV NSCLC", "Patients with ROS1 fusion"), ALK) == "excluded"
