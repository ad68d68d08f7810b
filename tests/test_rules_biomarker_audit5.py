"""Audit 5 (invented sentences and profiles): a variant taken only untreated ("any KRAS variant except
previously treated G12C"), and the one NSCLC group of a trial whose other groups are other cancers."""

from __future__ import annotations

from typing import Any

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import biomarker
from trialmatch.matching.profile import profile_from_dict


def _profile(**fields: Any) -> Any:
    base: dict[str, Any] = {"id": "p", "histology": "adenocarcinoma", "ecog": 1, "prior_lines": 0,
                            "prior_therapies": []}
    return profile_from_dict({**base, **fields})


def _kras(alteration: str, drugs: list[str], **fields: Any) -> Any:
    return _profile(biomarkers=[{"gene": "KRAS", "alteration": alteration}], tested_negative=["EGFR", "ALK"],
                    prior_therapies=drugs, prior_lines=len(drugs) and 1, **fields)


G12C_SOTORASIB = _kras("G12C", ["carboplatin", "pemetrexed", "pembrolizumab", "sotorasib"])
G12C_ADAGRASIB = _kras("G12C", ["adagrasib"])
G12C_CHEMO = _kras("G12C", ["carboplatin", "pemetrexed", "pembrolizumab"])
G12C_NAIVE = _kras("G12C", [])
G12D_SOTORASIB = _kras("G12D", ["sotorasib"])
G12V_CHEMO = _kras("G12V", ["docetaxel"])
G12C_HISTORY_UNKNOWN = _profile(biomarkers=[{"gene": "KRAS", "alteration": "G12C"}], prior_lines=None)

EXCEPT_TREATED = [
    "Confirmed KRAS mutation, any variant except previously treated G12C",
    "Documented KRAS mutation of any type, excluding G12C mutations previously treated with a G12C inhibitor",
    "KRAS-mutant NSCLC (any variant other than pretreated KRAS G12C)",
    "Tumour harbouring a KRAS mutation (any KRAS variant except previously-treated G12C)",
]


def _verdict(inclusion: str, profile: Any, exclusion: str = "") -> str:
    rules = biomarker.parse(invented_trial(inclusion, exclusion, "A Study of Drug X in NSCLC", ("NSCLC",)))
    return biomarker.check(rules, profile).verdict


@pytest.mark.parametrize("sentence", EXCEPT_TREATED)
def test_treated_variant_is_refused(sentence: str) -> None:
    assert _verdict(sentence, G12C_SOTORASIB) == "excluded"
    assert _verdict(sentence, G12C_ADAGRASIB) == "excluded"


@pytest.mark.parametrize("sentence", EXCEPT_TREATED)
def test_untreated_variant_and_other_variants_are_taken(sentence: str) -> None:
    for profile in (G12C_CHEMO, G12C_NAIVE, G12D_SOTORASIB, G12V_CHEMO):
        assert _verdict(sentence, profile) == "eligible"


@pytest.mark.parametrize("sentence", EXCEPT_TREATED)
def test_unknown_history_is_a_question(sentence: str) -> None:
    assert _verdict(sentence, G12C_HISTORY_UNKNOWN) == "unknown"


@pytest.mark.parametrize("sentence", [
    "KRAS mutation, any variant except G12C",
    "KRAS mutation other than G12C",
])
def test_near_miss_plain_exception_still_refuses_every_g12c(sentence: str) -> None:
    # Without "previously treated" the variant is out whatever the history (the rule as before).
    assert _verdict(sentence, G12C_NAIVE) == "excluded"
    assert _verdict(sentence, G12V_CHEMO) == "eligible"


def test_near_miss_treated_variant_named_only_is_not_split() -> None:
    # No wider KRAS requirement beside it: nothing to split, the G12C requirement stands as written.
    assert _verdict("KRAS G12C mutation previously treated with a G12C inhibitor", G12C_NAIVE) == "eligible"


def test_reads_the_treatment_history() -> None:
    rules = biomarker.parse(invented_trial(EXCEPT_TREATED[0], "", "A Study", ("NSCLC",)))
    assert "prior_therapies" in biomarker.reads(rules)


# ---- the one NSCLC group beside other cancers' groups -------------------------------------------------

PDL1_0_SQUAMOUS = _profile(histology="squamous", pdl1_tps=0)
PDL1_0_NEGATIVE = _profile(histology="squamous", pdl1_tps=0, tested_negative=["EGFR", "ALK"])
PDL1_5_NEGATIVE = _profile(histology="squamous", pdl1_tps=5, tested_negative=["EGFR", "ALK"])
PDL1_NULL = _profile(histology="squamous", pdl1_tps=None)

NSCLC_GROUP = [
    ("For squamous non-small cell lung cancer (NSCLC):\n  * Tumor expressing PD-L1 (TPS >= 1%) as determined by an "
     "FDA-approved test, with no EGFR or ALK genomic tumor aberrations\n"
     "For head and neck squamous cell carcinoma (HNSCC):\n  * Tumors expressing PD-L1 (CPS >= 1)"),
    ("For NSCLC:\n  * PD-L1 tumor proportion score of 1% or more, and no known EGFR mutation or ALK "
     "rearrangement\nFor urothelial carcinoma:\n  * Progression after platinum chemotherapy"),
    ("Non-small cell lung cancer:\n  * PD-L1 expression >= 1% (22C3), no EGFR or ALK alteration\n"
     "Melanoma:\n  * BRAF V600 status known"),
]


@pytest.mark.parametrize("text", NSCLC_GROUP)
def test_failed_score_in_the_only_nsclc_group_excludes(text: str) -> None:
    # The EGFR/ALK part is unknown for the untested patient; the failed PD-L1 part decides (AND).
    assert _verdict(f"- {text}", PDL1_0_SQUAMOUS) == "excluded"
    assert _verdict(f"- {text}", PDL1_0_NEGATIVE) == "excluded"


@pytest.mark.parametrize("text", NSCLC_GROUP)
def test_met_score_in_the_only_nsclc_group(text: str) -> None:
    assert _verdict(f"- {text}", PDL1_5_NEGATIVE) == "eligible"
    assert _verdict(f"- {text}", PDL1_NULL) == "unknown"


@pytest.mark.parametrize("text", [
    # Two groups could take NSCLC: the one that fails may not be the patient's.
    ("For squamous NSCLC:\n  * PD-L1 TPS >= 1%\nFor non-squamous NSCLC:\n  * Any PD-L1 expression"),
    # A part with no cancer named may take the patient too.
    ("Part A:\n  * PD-L1 TPS >= 1%\nPart B:\n  * Any PD-L1 expression"),
])
def test_near_miss_other_ways_in_stay_open(text: str) -> None:
    assert _verdict(f"- {text}", PDL1_0_NEGATIVE) != "excluded"


def test_near_miss_or_keeps_the_score_open() -> None:
    # "PD-L1 >= 1% or an EGFR mutation": failing the score alone does not exclude a patient untested for EGFR.
    text = ("- For NSCLC:\n  * PD-L1 TPS >= 1% or a sensitising EGFR mutation\n"
            "- For urothelial carcinoma:\n  * Progression after platinum")
    assert _verdict(text, PDL1_0_SQUAMOUS) == "unknown"
    assert _verdict(text, PDL1_0_NEGATIVE) == "excluded"  # neither way in: the score fails, EGFR tested negative
    assert _verdict(text, PDL1_5_NEGATIVE) == "eligible"
