"""A therapy class named by a gene list of any length ("treated with a targeted therapy (e.g. EGFR, ALK, ROS1, BRAF,
MET, RET, KRAS, HER2 inhibitors)", "agents targeting EGFR mutations, ALK fusions, ..., or NTRK fusions"): the genes
are the drugs' targets, not the tumour's. Before, a list of more than five genes (or ten words after "targeting")
was not taken as a drug class, and its first genes were read as a required marker, so every patient without them was
excluded. The kind is the drug noun after the list, not the list's length.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, RET, UNTESTED, exc, inc, verdict

LONG_DRUG_LISTS = [
    "Patient treated with a targeted therapy (e.g. EGFR, ALK, ROS1, BRAF, MET, RET, KRAS, HER2 inhibitors) or an "
    "immune checkpoint inhibitor",
    "Documented progression on a targeted therapy (for example EGFR, ALK, ROS1, BRAF, MET, RET, NTRK, KRAS or HER2 "
    "TKIs)",
    "Resistant to prior EGFR/ALK/ROS1/BRAF/MET/RET/KRAS G12C/HER2-targeted agents",
    "Previously treated with targeted therapies such as EGFR, ALK, ROS1, RET, MET, BRAF V600E, and NTRK inhibitors, "
    "or with anti-PD-(L)1 antibodies",
    "Patients who progressed on EGFR-, ALK-, ROS1-, RET-, MET-, BRAF-, NTRK- or KRAS-directed therapy can be enrolled",
    "Acquired resistance after agents targeting EGFR mutations, ALK fusions, ROS1 fusions, RET fusions, MET exon 14 "
    "skipping, BRAF V600E or NTRK fusions",
    "Progression on at least one prior line including EGFR, ALK, ROS1, MET, RET, BRAF, NTRK, and HER2 tyrosine kinase "
    "inhibitors",
]


@pytest.mark.parametrize("sentence", LONG_DRUG_LISTS)
def test_a_long_gene_list_before_a_drug_noun_sets_no_marker(sentence: str) -> None:
    text = inc(sentence)
    for patient in (NO_DRIVER, KRAS_G12C, RET, EGFR_19, UNTESTED):
        assert verdict(text, patient) == "eligible"


def test_the_same_list_as_a_prior_drug_ban_bans_no_marker() -> None:
    text = exc("Prior treatment with EGFR, ALK, ROS1, BRAF, MET, RET, NTRK, KRAS G12C or HER2 inhibitors")
    assert verdict(text, ALK) == "eligible"
    assert verdict(text, NO_DRIVER) == "eligible"


# ---- near-misses: the same long list before a change word is a marker rule ---------------------------------------

def test_a_long_gene_list_before_alterations_stays_a_requirement() -> None:
    text = inc("Tumours with EGFR, ALK, ROS1, BRAF, MET, RET, NTRK, KRAS or HER2 alterations")
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, ALK) == "eligible"


def test_a_long_gene_list_before_alterations_in_exclusion_stays_a_ban() -> None:
    text = exc("Tumours harbouring EGFR, ALK, ROS1, BRAF, MET, RET, NTRK or KRAS alterations")
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"


def test_point_changes_before_a_change_word_stay_markers() -> None:
    text = inc("Tumour with BRAF V600E or KRAS G12C mutation")
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, NO_DRIVER) == "excluded"
