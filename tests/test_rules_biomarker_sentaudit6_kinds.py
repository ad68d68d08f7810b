"""Biomarker kinds about resistance and progression on targeted therapy.

- "EGFR mutation, with acquired resistance to osimertinib", "osimertinib-resistant EGFR-mutant NSCLC", "any resistance
  mechanism": resistance TO A DRUG is the treatment history, not a second (acquired) change of the gene (it had
  become "acquired EGFR mutation" and shut out every exon 19 deletion or L858R).
- "EGFR mutation (ex19del or L858R) and MET amplification detected after an EGFR TKI": the change found after the
  drug is asked BESIDE the primary one (it had been one more alternative); alone ("MET amplification detected after
  an EGFR TKI") it is doubtful, as a profile seldom says when the gene was tested.
- "EGFR mutation positive, T790M negative": the "negative" after a gene already closed as present is the later
  alteration's own (it had asked for T790M).
- Among exclusions, "EGFR mutation with (primary) resistance to osimertinib": a treatment rule for carriers, not a
  marker exclusion.

Every sentence and profile is invented. Each kind is tried in several wordings, beside near misses that must stay.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

EX19_AFTER_OSI = patient("EGFR:exon 19 deletion", drugs=("osimertinib",), lines=1)
EX19_NAIVE = patient("EGFR:exon 19 deletion", lines=0)
L858R_AFTER_GEF = patient("EGFR:L858R", drugs=("gefitinib",), lines=1)
EX19_T790M = patient("EGFR:exon 19 deletion", "EGFR:T790M", drugs=("erlotinib",), lines=1)
EX19_C797S = patient("EGFR:exon 19 deletion", "EGFR:C797S", drugs=("osimertinib",), lines=2)
EX19_MET_AMP = patient("EGFR:exon 19 deletion", "MET:amplification", drugs=("osimertinib",), lines=1)
ALK_AFTER_LOR = patient("ALK:EML4-ALK fusion", drugs=("alectinib", "lorlatinib"), lines=2)
ROS1_AFTER_CRIZ = patient("ROS1:CD74-ROS1 fusion", drugs=("crizotinib",), lines=1)
RET_AFTER_SELP = patient("RET:KIF5B-RET fusion", drugs=("selpercatinib",), lines=1)
G12C_AFTER_SOTO = patient("KRAS:G12C", drugs=("carboplatin", "pemetrexed", "pembrolizumab", "sotorasib"), lines=2)
MET14_AFTER_CAP = patient("MET:exon 14 skipping", drugs=("capmatinib",), lines=1)
HER2_AFTER_TDXD = patient("ERBB2:exon 20 insertion", drugs=("trastuzumab deruxtecan",), lines=1)
NO_DRIVER = patient(pdl1=60.0, drugs=("pembrolizumab",), lines=1)
UNTESTED = patient(negative=[])

EGFR_PRIMARY = (EX19_AFTER_OSI, EX19_NAIVE, L858R_AFTER_GEF, EX19_T790M, EX19_C797S, EX19_MET_AMP)
NOT_EGFR = (ALK_AFTER_LOR, ROS1_AFTER_CRIZ, RET_AFTER_SELP, G12C_AFTER_SOTO, MET14_AFTER_CAP, HER2_AFTER_TDXD,
            NO_DRIVER)


# ---- kind 1: resistance to a drug is history, not a change ----------------------------------------------------

EGFR_RESISTANT_TO_DRUG = [
    "EGFR mutation, with acquired resistance to osimertinib",
    "EGFR mutation and acquired resistance to osimertinib",
    "EGFR mutation [acquired resistance to osimertinib]",
    "EGFR mutation (acquired resistance to prior EGFR TKI)",
    "EGFR mutation, with documented resistance to a prior EGFR TKI",
    "Documented EGFR mutation, resistant to osimertinib",
    "EGFR mutation; resistance to prior EGFR TKI",
    "EGFR mutation after resistance to osimertinib",
    "Osimertinib-resistant EGFR-mutant NSCLC",
    "NSCLC with EGFR mutation, resistant or intolerant to osimertinib",
    "EGFR mutation, any resistance mechanism",
    "EGFR sensitizing mutation (with radiographic progression/acquired resistance on osimertinib)",
    "EGFR mutation with documented osimertinib resistance",
]


@pytest.mark.parametrize("sentence", EGFR_RESISTANT_TO_DRUG)
def test_resistance_to_a_drug_is_no_acquired_change(sentence: str) -> None:
    for profile in EGFR_PRIMARY:
        assert verdict(inc(sentence), profile) == "eligible", profile
    for profile in NOT_EGFR:
        assert verdict(inc(sentence), profile) == "excluded", profile
    assert verdict(inc(sentence), UNTESTED) == "unknown"


OTHER_GENES_RESISTANT = [
    ("ALK rearrangement, with acquired resistance to lorlatinib", ALK_AFTER_LOR),
    ("ALK fusion, and acquired resistance after alectinib", ALK_AFTER_LOR),
    ("ROS1 fusion, resistant to crizotinib", ROS1_AFTER_CRIZ),
    ("ROS1 rearrangement, resistance to crizotinib or entrectinib", ROS1_AFTER_CRIZ),
    ("RET fusion, with acquired resistance to selpercatinib or pralsetinib", RET_AFTER_SELP),
    ("KRAS G12C mutation, with acquired resistance to sotorasib or adagrasib", G12C_AFTER_SOTO),
    ("HER2 mutation, with resistance to trastuzumab deruxtecan", HER2_AFTER_TDXD),
    ("MET exon 14 skipping, resistant to capmatinib or tepotinib", MET14_AFTER_CAP),
]


@pytest.mark.parametrize(("sentence", "carrier"), OTHER_GENES_RESISTANT)
def test_resistance_to_a_drug_other_genes(sentence: str, carrier) -> None:  # type: ignore[no-untyped-def]
    assert verdict(inc(sentence), carrier) == "eligible"
    assert verdict(inc(sentence), EX19_NAIVE) == "excluded"
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"


def test_resistance_mutations_still_name_a_change() -> None:
    # "acquired C797S", "acquired resistance mutation T790M": a change is named and asked for.
    assert verdict(inc("Acquired EGFR C797S mutation"), EX19_C797S) == "eligible"
    assert verdict(inc("Acquired EGFR C797S mutation"), EX19_AFTER_OSI) == "excluded"
    assert verdict(inc("EGFR acquired resistance mutation"), EX19_T790M) == "eligible"
    assert verdict(inc("EGFR acquired resistance mutation"), EX19_NAIVE) == "excluded"
    assert verdict(inc("Osimertinib resistance mutation in EGFR"), EX19_C797S) == "eligible"
    assert verdict(inc("Osimertinib resistance mutation in EGFR"), EX19_NAIVE) == "excluded"
    assert verdict(inc("EGFR mutation with acquired resistance mutation T790M"), EX19_T790M) == "eligible"
    assert verdict(inc("EGFR mutation with acquired resistance mutation T790M"), ALK_AFTER_LOR) == "excluded"
    # "non-resistant" is no drug's name before a hyphen
    non = ("Evidence that the tumor carries a non-resistant uncommon EGFR mutation (tissue sample), including one or "
           "more of G719X, S768I and L861Q mutations, excluding any other EGFR sensitive mutation")
    assert verdict(inc(non), patient("EGFR:exon 20 insertion")) == "excluded"
    assert verdict(inc(non), patient("EGFR:G719X")) == "eligible"


# ---- kind 2: a change found after the drug is asked beside the primary one -----------------------------------

FOUND_AFTER = [
    "EGFR mutation (ex19del or L858R) and MET amplification detected after an EGFR TKI",
    "EGFR mutation (exon 19 deletion or L858R) and MET amplification after progression on osimertinib",
    "EGFR-mutant NSCLC (ex19del/L858R) with MET amplification identified after EGFR TKI",
    "Documented EGFR exon 19 deletion or L858R mutation and MET overexpression or amplification following osimertinib",
    "EGFR mutation plus MET amplification found at progression on osimertinib",
]


@pytest.mark.parametrize("sentence", FOUND_AFTER)
def test_change_found_after_drug_is_asked_beside(sentence: str) -> None:
    assert verdict(inc(sentence), EX19_MET_AMP) == "eligible"
    # MET tested negative, perhaps before the drug: a question, no longer a pass
    assert verdict(inc(sentence), EX19_AFTER_OSI) == "unknown"
    for profile in NOT_EGFR:
        assert verdict(inc(sentence), profile) == "excluded", profile


def test_found_after_near_misses() -> None:
    # Two driver groups after targeted therapy: alternatives, as before.
    groups = "EGFR mutation and ALK rearrangement after failure of targeted therapy"
    assert verdict(inc(groups), EX19_AFTER_OSI) == "eligible"
    assert verdict(inc(groups), ALK_AFTER_LOR) == "eligible"
    either = "ALK fusion or ROS1 fusion with progression after crizotinib"
    assert verdict(inc(either), ROS1_AFTER_CRIZ) == "eligible"
    assert verdict(inc(either), ALK_AFTER_LOR) == "eligible"
    plain_or = "EGFR mutation (exon 19 deletion or L858R) or MET amplification"
    assert verdict(inc(plain_or), EX19_NAIVE) == "eligible"
    assert verdict(inc(plain_or), patient("MET:amplification")) == "eligible"


HEADLESS_LATER = [
    "MET amplification detected after progression on prior EGFR TKI",
    "Acquired resistance to EGFR TKI with MET amplification",
    "MET amplification as the mechanism of resistance to osimertinib",
]


@pytest.mark.parametrize("sentence", HEADLESS_LATER)
def test_change_found_after_drug_alone_is_doubtful(sentence: str) -> None:
    assert verdict(inc(sentence), EX19_MET_AMP) == "eligible"
    assert verdict(inc(sentence), EX19_AFTER_OSI) == "unknown"


def test_change_after_chemotherapy_still_binds() -> None:
    sentence = "MET amplification, progressed after platinum-based chemotherapy"
    assert verdict(inc(sentence), patient("MET:amplification", drugs=("carboplatin",), lines=1)) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"


# ---- kind 3: "negative" after a gene closed as present -------------------------------------------------------

T790M_NEGATIVE = [
    "EGFR-mutant, T790M-negative",
    "EGFR mutation positive, T790M negative",
    "EGFR-mutant (exon 19 deletion or L858R), T790M-negative",
    "EGFR mutation positive (ex19del or L858R) and T790M negative",
    "EGFR-mutant NSCLC, T790M negative",
]


@pytest.mark.parametrize("sentence", T790M_NEGATIVE)
def test_negative_after_present_gene_is_the_later_change(sentence: str) -> None:
    assert verdict(inc(sentence), EX19_AFTER_OSI) == "eligible"
    assert verdict(inc(sentence), L858R_AFTER_GEF) == "eligible"
    assert verdict(inc(sentence), EX19_T790M) == "excluded"
    assert verdict(inc(sentence), ALK_AFTER_LOR) == "excluded"


def test_positive_after_present_gene_still_asks() -> None:
    for sentence in ("EGFR mutation positive, T790M positive", "EGFR-mutant, T790M-positive NSCLC"):
        assert verdict(inc(sentence), EX19_T790M) == "eligible"
        assert verdict(inc(sentence), EX19_NAIVE) == "excluded"
    assert verdict(inc("EGFR-mutant, ALK-negative"), EX19_NAIVE) == "eligible"
    assert verdict(inc("EGFR-mutant, ALK-negative"), ALK_AFTER_LOR) == "excluded"


# ---- kind 4: exclusions of carriers "with resistance to <drug>" ----------------------------------------------

EXCLUDED_IF_RESISTANT = [
    "Patients with EGFR mutation with resistance to osimertinib",
    "EGFR mutation with primary resistance to TKI",
    "EGFR-mutant NSCLC without prior resistance to osimertinib",
    "ALK-positive with resistance to lorlatinib",
    "ROS1 fusion and documented resistance to crizotinib",
]


@pytest.mark.parametrize("sentence", EXCLUDED_IF_RESISTANT)
def test_resistance_condition_in_exclusions_is_no_marker_ban(sentence: str) -> None:
    for profile in (*EGFR_PRIMARY, ALK_AFTER_LOR, ROS1_AFTER_CRIZ, NO_DRIVER):
        assert verdict(exc(sentence), profile) != "excluded", profile


def test_plain_marker_exclusions_still_exclude() -> None:
    assert verdict(exc("Known EGFR C797S resistance mutation"), EX19_C797S) == "excluded"
    assert verdict(exc("Known EGFR C797S resistance mutation"), EX19_AFTER_OSI) == "eligible"
    assert verdict(exc("Documented C797S mutation"), EX19_C797S) == "excluded"
    assert verdict(exc("Known EGFR mutation or ALK rearrangement"), ALK_AFTER_LOR) == "excluded"
