"""Driver groups told by a list: 'Patients with a known actionable genomic alteration (EGFR, ALK, ROS1, BRAF V600E,
MET exon 14 skipping, RET or NTRK) must have progressed on approved targeted therapy for that alteration' binds the
carriers of the genes in brackets only (a KRAS G12C or HER2 carrier is not in it; read as the whole driver panel,
they were excluded). Examples ('e.g.', 'such as') keep the words as wide as they are. With it: a count's aside that
says what is counted ('a targeted therapy counts as a line') asks for nothing, and 'Patients whose tumours do not
harbour any of the alterations listed in (b)' is a group of patients without a driver."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import FULL_PANEL, prior_verdict


def carrier(gene: str, alteration: str, *drugs: str) -> dict[str, Any]:
    return {"biomarkers": [{"gene": gene, "alteration": alteration}], "prior_therapies": list(drugs),
            "prior_lines": 1, "tested_negative": [g for g in FULL_PANEL if g != gene]}


KRAS_CHEMO_IO = carrier("KRAS", "G12C", "carboplatin", "pemetrexed", "pembrolizumab")
HER2_CHEMO_IO = carrier("ERBB2", "exon 20 insertion", "cisplatin", "pemetrexed", "nivolumab")
ALK_CHEMO_IO = carrier("ALK", "fusion", "carboplatin", "pemetrexed", "pembrolizumab")
ALK_AFTER_TKI = carrier("ALK", "fusion", "alectinib")

LISTED = [
    "Patients with a known actionable genomic alteration (EGFR, ALK, ROS1, BRAF V600E, MET exon 14 skipping, RET or "
    "NTRK) must additionally have progressed on, or been intolerant of, at least one approved targeted therapy for "
    "that alteration.",
    "Participants with an actionable driver alteration (EGFR, ALK or ROS1) must have received prior approved targeted "
    "therapy.",
    "Subjects with targetable oncogenic drivers (ALK, ROS1, RET, NTRK) must have progressed on an approved targeted "
    "agent for that driver.",
    "Patients with a known driver mutation (EGFR, ALK, BRAF, MET) must have received approved targeted therapy.",
    "Patients harbouring an actionable alteration (ALK/ROS1/RET) must have progressed on prior approved targeted "
    "therapy.",
    "Those with druggable genomic alterations (ALK, ROS1, BRAF V600E or NTRK) must have been treated with an approved "
    "targeted therapy.",
]


@pytest.mark.parametrize("sentence", LISTED)
@pytest.mark.parametrize("patient", [KRAS_CHEMO_IO, HER2_CHEMO_IO])
def test_a_carrier_of_a_gene_outside_the_list_is_not_bound(sentence: str, patient: dict[str, Any]) -> None:
    assert prior_verdict(patient, [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", LISTED)
def test_a_listed_carrier_without_the_drug_is_still_out(sentence: str) -> None:
    assert prior_verdict(ALK_CHEMO_IO, [sentence]) == "excluded"
    assert prior_verdict(ALK_AFTER_TKI, [sentence]) == "eligible"


# Near-miss: without a list (or with one left open by "or other"), the words are wide, so a treated KRAS G12C
# carrier is still asked for its drug.
@pytest.mark.parametrize("sentence", [
    "Patients with an actionable genomic alteration (e.g., EGFR, ALK, ROS1, or others) must have received approved "
    "targeted therapy for that alteration.",
    "Patients with EGFR, ALK or other actionable genomic alterations must have received approved targeted therapy "
    "for that alteration.",
    "Patients with an actionable genomic alteration must have received approved targeted therapy for that "
    "alteration.",
])
def test_examples_keep_the_driver_words_wide(sentence: str) -> None:
    assert prior_verdict(KRAS_CHEMO_IO, [sentence]) == "excluded"


# Examples that leave a later-line driver out ("e.g., EGFR, ALK, ROS1") do not plainly mean it: a KRAS G12C carrier
# without sotorasib is a question, not excluded (pt6; the real TROPION-Lung01 wording "AGA such as EGFR, ALK, ROS1,
# NTRK, BRAF, MET exon 14 skipping, and RET" is adjudicated eligible/unknown for KRAS G12C and HER2).
@pytest.mark.parametrize("sentence", [
    "Patients with an actionable genomic alteration (e.g., EGFR, ALK, ROS1) must have received approved targeted "
    "therapy for that alteration.",
    "Patients with an actionable genomic alteration (such as EGFR or ALK) must have received approved targeted "
    "therapy for that alteration.",
])
def test_closed_examples_leave_a_later_line_driver_a_question(sentence: str) -> None:
    assert prior_verdict(KRAS_CHEMO_IO, [sentence]) == "unknown"


@pytest.mark.parametrize("sentence", [
    "No more than 2 prior lines of systemic therapy for advanced disease (a targeted therapy counts as a line; "
    "maintenance does not count as a separate line).",
    "At most two prior regimens; immunotherapy given as maintenance is counted as a separate line.",
    "Up to 3 prior lines (an EGFR TKI counts as one line).",
    "No more than one prior regimen for metastatic disease (chemoradiation is considered a line).",
])
def test_what_a_count_counts_is_not_asked_for(sentence: str) -> None:
    assert prior_verdict(KRAS_CHEMO_IO, [sentence]) == "eligible"


def test_a_count_with_an_aside_still_counts() -> None:
    two = {"prior_therapies": ["carboplatin", "pemetrexed", "docetaxel", "osimertinib"], "prior_lines": 3}
    assert prior_verdict(two, ["No more than 2 prior lines (a targeted therapy counts as a line)."]) == "excluded"


def test_a_count_not_counting_a_drug_keeps_its_reading() -> None:
    two = {"prior_therapies": ["carboplatin", "pemetrexed", "osimertinib"], "prior_lines": 2}
    assert prior_verdict(two, ["At most 1 prior line (EGFR TKIs do not count as a line)."]) == "unknown"


EGFR_EX20_CHEMO = carrier("EGFR", "exon 20 insertion", "carboplatin", "pemetrexed", "amivantamab")


@pytest.mark.parametrize("sentence", [
    "Patients whose tumours do not harbour any of the alterations listed in (b): must have received platinum-based "
    "chemotherapy and an anti-PD-1/PD-L1 monoclonal antibody.",
    "Participants whose tumors do not have any of the alterations listed below must have received platinum-based "
    "chemotherapy and a PD-1 inhibitor.",
    "Patients without any of the driver alterations listed above must have progressed on an anti-PD-(L)1 antibody.",
])
def test_a_group_without_the_listed_alterations_leaves_a_carrier_out(sentence: str) -> None:
    assert prior_verdict(EGFR_EX20_CHEMO, [sentence]) == "eligible"
    no_driver = {"prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1, "tested_negative": FULL_PANEL}
    assert prior_verdict(no_driver, [sentence]) == "excluded"


# A gene list with an aside that takes an alteration in ("EGFR (including exon 20 insertion), ALK, ...") names every
# gene listed, and the aside does not narrow EGFR to that alteration.
EGFR_EX19_TKI_ONLY = carrier("EGFR", "exon 19 deletion", "osimertinib")
ROS1_TKI_ONLY = carrier("ROS1", "fusion", "crizotinib")
GENE_LISTS = [
    "Patients with a known EGFR (including exon 20 insertion), ALK, ROS1, BRAF V600E, MET exon 14 skipping, RET or "
    "NTRK alteration: must have received at least one approved targeted therapy for that alteration and "
    "platinum-based chemotherapy.",
    "Participants with EGFR (including uncommon mutations), ALK or ROS1 alterations must have received platinum-based "
    "chemotherapy.",
    "Patients with EGFR (incl. exon 20 insertions), ROS1 or RET alterations: prior platinum-based chemotherapy is "
    "required.",
]


@pytest.mark.parametrize("sentence", GENE_LISTS)
@pytest.mark.parametrize("patient", [EGFR_EX19_TKI_ONLY, ROS1_TKI_ONLY])
def test_every_listed_carrier_is_bound(sentence: str, patient: dict[str, Any]) -> None:
    assert prior_verdict(patient, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", GENE_LISTS)
def test_a_carrier_outside_the_list_is_not_bound(sentence: str) -> None:
    assert prior_verdict(carrier("KRAS", "G12C", "sotorasib"), [sentence]) == "eligible"


def test_an_alteration_named_without_including_still_narrows() -> None:
    sentence = "Patients with EGFR exon 20 insertion must have received platinum-based chemotherapy."
    assert prior_verdict(EGFR_EX19_TKI_ONLY, [sentence]) == "eligible"
