"""Biomarker structures from blind17 and blind15 (session 20, round 3; invented sentences and profiles only).

a. A gene-less change noun followed by its treatment ("genetic abnormalities with approved targeted drug therapy",
   "gene variants amenable to targeted therapy", "mutations with an approved targeted agent") names the actionable
   driver class, as "actionable alterations" does; the same profile facts decide. A noun after a gene is that gene's
   change ("EGFR mutation with an approved targeted agent"), unless "other" turns it to the rest of the class.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

NO_DRIVER = patient(pdl1=60)
UNTESTED = patient(negative=[])
EGFR_19 = patient("EGFR:exon 19 deletion")
EGFR_EX20 = patient("EGFR:exon 20 insertion")
ALK = patient("ALK:fusion")
ROS1 = patient("ROS1:fusion")
RET = patient("RET:fusion")
KRAS_G12C = patient("KRAS:G12C")
KRAS_G12D = patient("KRAS:G12D")
MET_EX14 = patient("MET:exon 14 skipping")
MET_AMP = patient("MET:amplification")
HER2_EX20 = patient("ERBB2:exon 20 insertion")
BRAF = patient("BRAF:V600E")
NRG1 = patient("NRG1:fusion")


# --- a. a change noun and its treatment: the actionable driver class --------------------------------------------------

NOUN_WITH_TREATMENT = [
    "Subjects known to carry genetic abnormalities with approved targeted drug therapy",
    "Known gene alterations with an approved targeted agent",
    "Patients whose tumours harbour genomic aberrations with approved targeted drugs",
    "Tumour with mutations for which an approved targeted treatment exists",
    "Documented genetic alterations with available targeted therapies",
    "Presence of gene mutations that have approved targeted therapies in lung cancer",
    "Activating mutations with approved molecularly targeted agents",
    "Known genetic variants having approved targeted treatments",
    "Molecular abnormalities with targeted drugs available",
    "EGFR, ALK or other genomic alterations with approved targeted therapies",
]


@pytest.mark.parametrize("sentence", NOUN_WITH_TREATMENT)
def test_change_noun_with_its_treatment_excludes_actionable_drivers(sentence: str) -> None:
    for carrier in (EGFR_19, EGFR_EX20, ALK, ROS1, RET, KRAS_G12C, MET_EX14, HER2_EX20, BRAF):
        assert verdict(exc(sentence), carrier) == "excluded", carrier
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"
    assert verdict(exc(sentence), UNTESTED) == "unknown"
    for doubtful in (KRAS_G12D, MET_AMP, NRG1):  # a driver whose approved drug depends on where and when
        assert verdict(exc(sentence), doubtful) != "excluded", doubtful


NOUN_WITH_TREATMENT_NEAR_MISSES = [
    # a gene's own change, with its treatment: that gene only
    ("EGFR mutation with an approved targeted agent", {EGFR_19, EGFR_EX20}),
    ("ALK rearrangement with approved targeted drugs available", {ALK}),
    # treatment history, not a change noun with its treatment
    ("Patients previously treated with approved targeted drugs", set()),
    ("Prior therapy with an approved targeted agent within 14 days", set()),
    # a change noun with no treatment after it
    ("Known genetic abnormalities of the bone marrow", set()),
    # "positive" is no change noun
    ("Positive with approved targeted therapy by the investigator", set()),
    # a deletion / insertion is a change of a gene, not the class
    ("Deletion with an approved targeted therapy", set()),
]


@pytest.mark.parametrize(("sentence", "barred"), NOUN_WITH_TREATMENT_NEAR_MISSES)
def test_change_noun_near_misses_keep_their_reading(sentence: str, barred: set[object]) -> None:
    for profile in (EGFR_19, EGFR_EX20, ALK, KRAS_G12C, BRAF, NO_DRIVER):
        assert (verdict(exc(sentence), profile) == "excluded") == (profile in barred), profile


def test_change_noun_with_its_treatment_as_inclusion_requires_the_class() -> None:
    sentence = "Patients with genetic abnormalities with approved targeted drug therapy who progressed on it"
    assert verdict(inc(sentence), EGFR_19) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"
