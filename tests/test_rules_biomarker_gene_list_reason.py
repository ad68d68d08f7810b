"""A gene-list exclusion with a clause saying why the genes are listed ("Patients who are known to have somatic tumor
mutations in the following genes, for which targeted agents are available that directly affect the treatment of
brain metastases: ALK, EGFR, ROS1, BRAF") bars every change in a listed gene. The reason is no condition: read as
one, its "brain metastases" made the ban a question joined to a brain fact, so carriers got unknown. And "known to
have ... following genes:" is a rule on known findings: an untested tumour passes it.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    EGFR_EX20,
    KRAS_G12C,
    MET_EX14,
    NO_DRIVER,
    RET,
    ROS1,
    UNTESTED,
    exc,
    patient,
    verdict,
)

NTRK = patient("NTRK1:fusion")

# (sentence, carriers barred, carriers of another gene that pass)
CASES = [
    ("Patients who are known to have somatic tumour mutations in the following genes, for which targeted agents "
     "are available that directly affect the treatment of brain metastases: anaplastic lymphoma kinase (ALK), "
     "epidermal growth factor receptor (EGFR), ROS1, BRAF", (ALK, EGFR_19, EGFR_EX20, ROS1, BRAF_V600E), (KRAS_G12C,)),
    ("Participants known to carry alterations in the following genes, for which approved targeted drugs exist that "
     "control central nervous system disease: RET, MET", (RET, MET_EX14), (ALK, KRAS_G12C)),
    ("Subjects known to harbour genomic changes in these genes, for which licensed inhibitors with intracranial "
     "activity are available: KRAS, BRAF", (KRAS_G12C, BRAF_V600E), (EGFR_19,)),
    ("Known activating alterations in the following genes, for which effective targeted therapy is available for "
     "leptomeningeal disease: EGFR, ALK, NTRK", (EGFR_19, EGFR_EX20, ALK, NTRK), (ROS1, RET)),
    ("Patients known to have tumour mutations in any of the following genes, for which a targeted treatment is "
     "recommended: ROS1, RET, NTRK", (ROS1, RET, NTRK), (MET_EX14,)),
    ("Those known to carry mutations in the genes listed here, for which targeted agents penetrating the brain are "
     "indicated: ALK, MET", (ALK, MET_EX14), (BRAF_V600E,)),
]


@pytest.mark.parametrize(("sentence", "barred", "passing"), CASES)
def test_listed_genes_are_barred_whatever_the_reason_given(sentence: str, barred: tuple, passing: tuple) -> None:
    text = exc(sentence)
    for carrier in barred:
        assert verdict(text, carrier) == "excluded"
    for other in passing:
        assert verdict(text, other) == "eligible"
    assert verdict(text, NO_DRIVER) == "eligible"
    assert verdict(text, UNTESTED) == "eligible"  # "known to have": an untested tumour has none known


def test_near_miss_a_real_brain_fact_joined_to_the_marker_stays_a_question() -> None:
    text = exc("ALK rearrangement with untreated brain metastases")
    assert verdict(text, ALK) == "unknown"
    assert verdict(text, NO_DRIVER) == "eligible"


def test_near_miss_list_without_known_keeps_untested_a_question() -> None:
    text = exc("Mutations in the following genes: EGFR, ALK")
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"
