"""bio30c's two leftovers that were false exclusions, each as a kind (invented sentences only):

1. a ban on a gene's every change with a bracket (or "other than") naming a whole class of its changes: "No HER2
   alteration (HER2 mutations are allowed)", "... other than mutations", "(mutations are allowed)" lets the class in
   (text._SPARED_CLASSES); the mutations were banned, or the whole gene with them;
2. a requirement of a copy change (amplification) of a gene the patient carries another change of, its copies not
   given: "HER2 gene amplification by FISH" beside a HER2 exon 20 insertion is a question, not an exclusion
   (verdicts._copies_unsaid)."""

from __future__ import annotations

import pytest
from biomarker_cases import (
    EGFR_19,
    EGFR_EX20,
    HER2_AMP,
    HER2_EX20,
    KRAS_G12C,
    MET_AMP,
    MET_EX14,
    NO_DRIVER,
    exc,
    inc,
    verdict,
)

SPARED_CLASS_IN_BAN = [
    ("No HER2 alteration (HER2 mutations are allowed)", HER2_EX20, HER2_AMP),
    ("No known HER2 alteration (mutations are allowed)", HER2_EX20, HER2_AMP),
    ("No HER2 alteration other than HER2 mutations", HER2_EX20, HER2_AMP),
    ("No HER2 alteration other than mutations", HER2_EX20, HER2_AMP),
    ("Absence of any HER2 alteration (HER2 mutations are acceptable)", HER2_EX20, HER2_AMP),
    ("No HER2 alteration (HER2 activating mutations are allowed)", HER2_EX20, HER2_AMP),
    ("No MET alteration (MET mutations are permitted)", MET_EX14, MET_AMP),
    ("No known MET alteration (mutations are allowed)", MET_EX14, MET_AMP),
    ("No HER2 alteration (amplification is permitted)", HER2_AMP, HER2_EX20),
]


@pytest.mark.parametrize(("text", "spared", "banned"), SPARED_CLASS_IN_BAN)
def test_spared_class_in_ban_is_let_in(text: str, spared: object, banned: object) -> None:
    criteria = inc("Stage IV NSCLC", text)
    assert verdict(criteria, spared) == "eligible", text  # type: ignore[arg-type]
    assert verdict(criteria, banned) == "excluded", text  # type: ignore[arg-type]
    assert verdict(criteria, NO_DRIVER) == "eligible", text
    assert verdict(criteria, EGFR_19) == "eligible", text


def test_spared_class_in_exclusion_section() -> None:
    for text in ("Known HER2 alteration (HER2 mutations are allowed)", "HER2 alteration other than mutation"):
        criteria = exc(text)
        assert verdict(criteria, HER2_EX20) == "eligible", text
        assert verdict(criteria, HER2_AMP) == "excluded", text


# Near-misses: no bracket, a plain mutation ban, a requirement of the gene's other changes.
def test_plain_bans_and_requirement_unchanged() -> None:
    assert verdict(inc("Stage IV NSCLC", "No HER2 alteration"), HER2_EX20) == "excluded"
    assert verdict(inc("Stage IV NSCLC", "No HER2 alteration"), HER2_AMP) == "excluded"
    assert verdict(inc("Stage IV NSCLC", "No HER2 mutation"), HER2_EX20) == "excluded"
    assert verdict(inc("Stage IV NSCLC", "No HER2 mutation"), HER2_AMP) == "eligible"
    criteria = inc("Stage IV NSCLC", "HER2 alteration other than mutation")
    assert verdict(criteria, HER2_AMP) == "eligible"
    assert verdict(criteria, HER2_EX20) == "excluded"


AMPLIFICATION_ASKED = [
    ("HER2 gene amplification by FISH", HER2_AMP, HER2_EX20),
    ("Documented ERBB2 (HER2) amplification", HER2_AMP, HER2_EX20),
    ("MET amplification detected by NGS or FISH", MET_AMP, MET_EX14),
    ("Tumour with MET gene amplification", MET_AMP, MET_EX14),
    ("EGFR amplification confirmed by a central laboratory", None, EGFR_19),
    ("Tumour harbouring EGFR gene amplification", None, EGFR_EX20),
]


@pytest.mark.parametrize(("text", "amplified", "other_change"), AMPLIFICATION_ASKED)
def test_other_change_of_asked_gene_leaves_amplification_a_question(text: str, amplified: object,
                                                                    other_change: object) -> None:
    criteria = inc("Stage IV NSCLC", text)
    assert verdict(criteria, other_change) == "unknown", text  # type: ignore[arg-type]
    if amplified is not None:
        assert verdict(criteria, amplified) == "eligible", text  # type: ignore[arg-type]
    # the gene tested without a driver, or only another gene's change: still excluded
    assert verdict(criteria, NO_DRIVER) == "excluded", text
    assert verdict(criteria, KRAS_G12C) == "excluded", text


# Near-misses: a ban on amplification lets a carrier of another change through; a sequence change asked is not
# widened; amplification asked of another gene than the patient's.
def test_amplification_ban_and_other_requirements_unchanged() -> None:
    assert verdict(exc("MET amplification"), MET_EX14) == "eligible"
    assert verdict(exc("MET amplification"), MET_AMP) == "excluded"
    assert verdict(inc("Stage IV NSCLC", "No HER2 amplification"), HER2_EX20) == "eligible"
    assert verdict(inc("Stage IV NSCLC", "MET exon 14 skipping mutation"), MET_AMP) == "excluded"
    assert verdict(inc("Stage IV NSCLC", "EGFR exon 19 deletion"), EGFR_EX20) == "excluded"
    assert verdict(inc("Stage IV NSCLC", "HER2 gene amplification"), MET_EX14) == "excluded"
