"""Biomarker and reader kinds found by a sentence audit of cancer-centre trial pages.

- "No prior treatment with agents targeting EGFR mutation or ALK rearrangement": every gene after "targeting" /
  "directed at" is the drug's target, change words and all; the second one became a requirement (false exclusions).
- "Stable disease allowed provided 1 of the following criteria is met:" / items: the items are one group's condition,
  not requirements for everyone (a question at most); "any of the following:" makes a PD-L1 item one more way in.
- A lone "OR" bullet after a lead-in's items ends that list: the bullet after it is no item of the list.
- "EGFR-mutant NSCLC ... and acquired EGFR C797S", "... whose tumour acquired MET amplification": the acquired change
  is asked for beside the primary one (it had been one more alternative, so any EGFR mutation passed).

Every sentence and profile is invented. Each kind is tried in several wordings, beside near-miss kinds that must stay
put.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

from trialmatch.criteria.rules.reader.continuations import conditional_lead_in
from trialmatch.criteria.text import split_criteria

L858R = patient("EGFR:L858R")
EX19_AFTER_OSI = patient("EGFR:exon 19 deletion", drugs=("osimertinib",), lines=1)
EX19_C797S = patient("EGFR:exon 19 deletion", "EGFR:C797S", drugs=("osimertinib",), lines=1)
EX19_MET_AMP = patient("EGFR:exon 19 deletion", "MET:amplification", drugs=("osimertinib",), lines=1)
ALK = patient("ALK:EML4-ALK fusion")
ROS1 = patient("ROS1:CD74-ROS1 fusion")
RET = patient("RET:KIF5B-RET fusion", drugs=("selpercatinib",), lines=1)
NTRK = patient("NTRK1:TPM3-NTRK1 fusion")
KRAS_G12C = patient("KRAS:G12C", drugs=("carboplatin", "pemetrexed", "pembrolizumab"), lines=1)
KRAS_G12D = patient("KRAS:G12D", lines=0)
BRAF = patient("BRAF:V600E")
MET_AMP = patient("MET:amplification")
HER2 = patient("ERBB2:exon 20 insertion")
NO_DRIVER_HIGH = patient(pdl1=80.0)
NO_DRIVER_LOW = patient(pdl1=5.0)
UNTESTED = patient(negative=[])

EVERYONE = (L858R, EX19_AFTER_OSI, ALK, ROS1, RET, NTRK, KRAS_G12C, KRAS_G12D, BRAF, MET_AMP, HER2, NO_DRIVER_HIGH)


# ---- kind 1: "agents targeting <gene A change> or <gene B change>" -----------------------------------------------

TARGETING_TWO = [
    "No prior treatment with agents targeting EGFR mutation or ALK rearrangement",
    "No prior therapy with drugs targeting KRAS mutation or ROS1 rearrangement",
    "Patients must not have received agents targeting RET fusion or NTRK fusion",
    "No prior therapy with inhibitors targeting BRAF V600E or ALK fusion",
    "Previous treatment with a drug directed at MET amplification or HER2 mutation",
    "No previous therapy aimed at ALK-rearranged or ROS1 fusion-positive disease",
    "Prior treatment with agents targeting EGFR exon 20 insertion, HER2 mutation or KRAS G12C is not allowed",
]


@pytest.mark.parametrize("sentence", TARGETING_TWO)
@pytest.mark.parametrize("section", [inc, exc])
def test_drug_targets_set_no_marker_rule(sentence: str, section) -> None:  # type: ignore[no-untyped-def]
    for profile in EVERYONE:
        assert verdict(section(sentence), profile) == "eligible", profile


def test_targeting_near_misses_keep_their_marker_rule() -> None:
    both = "Tumour harbouring an EGFR mutation or ALK rearrangement"
    assert verdict(inc(both), KRAS_G12C) == "excluded"
    assert verdict(inc(both), ALK) == "eligible"
    assert verdict(inc(both), L858R) == "eligible"
    assert verdict(exc("Known EGFR mutation or ALK rearrangement"), L858R) == "excluded"
    assert verdict(exc("Known EGFR mutation or ALK rearrangement"), KRAS_G12C) == "eligible"
    # The tumour's marker beside a drug's target: the marker is still asked for.
    sentence = "ALK-rearranged NSCLC with no prior treatment with agents targeting ALK or ROS1 fusion"
    assert verdict(inc(sentence), KRAS_G12C) == "excluded"
    assert verdict(inc(sentence), ALK) == "eligible"


# ---- kind 2: items under a conditional or "one of" lead-in ----------------------------------------------------

CONDITIONAL_LISTS = [
    ("Stable disease allowed provided 1 of the following criteria is met:", "EGFR mutation (exon 19 or 21)"),
    ("Patients with stable disease may enrol only if one of the following applies:", "KRAS G12C mutation",
     "PD-L1 tumour proportion score of 50% or more"),
    ("Prior immunotherapy is permitted if any of the following criteria are met:", "ALK rearrangement",
     "ROS1 fusion"),
    ("Patients older than 75 years are eligible provided at least one of the following is true:",
     "BRAF V600E mutation", "MET exon 14 skipping"),
    ("If the tumour progressed within 6 months of chemotherapy, one of the following:", "RET fusion",
     "NTRK fusion"),
]


@pytest.mark.parametrize("items", CONDITIONAL_LISTS)
def test_conditional_list_binds_only_its_group(items: tuple[str, ...]) -> None:
    text = inc("Stage IV non-small cell lung cancer", *items, "ECOG 0-1")
    for profile in EVERYONE:
        assert verdict(text, profile) != "excluded", profile
    assert conditional_lead_in(items[0])


def test_conditional_list_carriers_stay_eligible() -> None:
    text = inc("Stage IV NSCLC", *CONDITIONAL_LISTS[0])
    assert verdict(text, L858R) == "eligible"
    text = inc(*CONDITIONAL_LISTS[2])
    assert verdict(text, ALK) == "eligible"
    assert verdict(text, ROS1) == "eligible"


@pytest.mark.parametrize("lead", [
    "Tumour must carry one of the following:",
    "Must meet one of the following:",
    "Patients are eligible if they meet one of the following:",
    "Participants will be eligible if any one of the following is present:",
])
def test_plain_one_of_lead_in_still_decides(lead: str) -> None:
    text = inc(lead, "EGFR mutation (exon 19 or 21)", "ALK rearrangement")
    assert verdict(text, KRAS_G12C) == "excluded"
    assert verdict(text, ROS1) == "excluded"
    assert verdict(text, L858R) == "eligible"
    assert verdict(text, ALK) == "eligible"
    assert not conditional_lead_in(lead)


@pytest.mark.parametrize("lead", ["Patients must have any of the following:", "Tumour must show 1 of the following:"])
def test_pdl1_item_under_one_of_is_another_way_in(lead: str) -> None:
    text = inc(lead, "KRAS G12C mutation", "PD-L1 TPS >= 50%")
    assert verdict(text, KRAS_G12C) == "eligible"
    assert verdict(text, NO_DRIVER_HIGH) == "eligible"
    assert verdict(text, NO_DRIVER_LOW) == "excluded"
    assert verdict(text, L858R) == "unknown"  # no PD-L1 result


def test_all_of_lead_in_keeps_every_item() -> None:
    text = inc("Patients must meet all of the following:", "KRAS G12C mutation", "PD-L1 TPS >= 50%")
    assert verdict(text, NO_DRIVER_HIGH) == "excluded"


# ---- kind 3: a lone "OR" ends a lead-in's list -----------------------------------------------------------------

def test_lone_or_ends_the_list_it_closes() -> None:
    text = (
        "Inclusion Criteria:\n\n"
        "* Patients must have been either non-responders or have recurred after standard therapy, specifically:\n"
        "* Patients with colorectal cancer must have had at least two chemotherapy regimens.\n"
        "* Patients with NSCLC must have had platinum-based chemotherapy.\n"
        "* Patients with ovarian cancer must have had first-line chemotherapy.\n"
        "* OR\n"
        "* declined standard treatment.\n"
        "* Patients with 3 or fewer treated brain metastases are eligible.\n"
        "* ECOG 0-1\n"
    )
    criteria = split_criteria(text)
    depth = {c.text[:20]: c.depth for c in criteria}
    assert depth["Patients with colore"] == 1
    assert depth["OR declined standard"] == 1
    assert depth["Patients with 3 or f"] == 0  # no other item of the list


def test_or_between_items_still_joins() -> None:
    text = inc("Must have one of the following:", "EGFR exon 19 deletion", "OR", "ALK rearrangement")
    assert verdict(text, ALK) == "eligible"
    assert verdict(text, L858R) == "excluded"  # exon 21, not exon 19
    assert verdict(text, KRAS_G12C) == "excluded"


# ---- kind 4: the acquired change beside the primary one ---------------------------------------------------------

ACQUIRED_C797S = [
    "EGFR-mutant NSCLC with progression on osimertinib and acquired EGFR C797S mutation.",
    "EGFR exon 19 deletion or L858R with an acquired C797S mutation after osimertinib.",
    "Sensitising EGFR mutation, with acquired EGFR C797S detected after third-generation TKI.",
]


@pytest.mark.parametrize("sentence", ACQUIRED_C797S)
def test_acquired_change_is_asked_beside_the_primary(sentence: str) -> None:
    assert verdict(inc(sentence), EX19_C797S) == "eligible"
    assert verdict(inc(sentence), EX19_AFTER_OSI) == "unknown"  # whether it was acquired since: a question
    assert verdict(inc(sentence), KRAS_G12C) == "excluded"
    assert verdict(inc(sentence), ALK) == "excluded"


ACQUIRED_MET = [
    "Patients with EGFR exon 19 deletion or L858R whose tumour acquired MET amplification after osimertinib.",
    "EGFR-mutant NSCLC with acquired MET amplification as the mechanism of resistance.",
    "EGFR-mutated NSCLC and acquired MET amplification following an EGFR TKI.",
]


@pytest.mark.parametrize("sentence", ACQUIRED_MET)
def test_acquired_met_amplification_is_asked_beside_egfr(sentence: str) -> None:
    assert verdict(inc(sentence), EX19_MET_AMP) == "eligible"
    assert verdict(inc(sentence), EX19_AFTER_OSI) == "unknown"  # tested MET-negative, maybe before the TKI
    assert verdict(inc(sentence), MET_AMP) == "excluded"  # no EGFR mutation
    assert verdict(inc(sentence), KRAS_G12C) == "excluded"


def test_acquired_near_misses() -> None:
    # One change named, no primary beside it: read as before.
    assert verdict(inc("Tumour with an acquired EGFR C797S mutation after osimertinib."), EX19_C797S) == "eligible"
    assert verdict(inc("Tumour with an acquired EGFR C797S mutation after osimertinib."), KRAS_G12C) == "excluded"
    # "and MET amplification" without "acquired": left as it was read.
    sentence = "EGFR mutation (exon 19 deletion or L858R) and MET amplification detected after an EGFR TKI."
    assert verdict(inc(sentence), KRAS_G12C) == "excluded"
    # An exclusion keeps its reading.
    assert verdict(exc("EGFR mutation and acquired C797S"), KRAS_G12C) == "eligible"
