"""Biomarker kinds of helper round bio6 (invented sentences and profiles only).

1. "X or Y, without a secondary / acquired / concurrent Z": a word saying how Z came (or beside what) may stand between
   "without" and Z, as "known" or "co-occurring" already could; it was not a negation's filler, so Z was not read at
   all and a carrier of X with Z on top was let in.
2. "X or Y without Z", Z of another gene ("EGFR exon 19 deletion or L858R without MET amplification"): the "or"
   inside the first side was taken for the turn between an absent and a present side, so the sentence read
   "X or Y or (no Z)" and everyone without Z (ALK, KRAS, no driver) was let in, while a patient with X and Z was too.
3. "X with a co-occurring / concurrent / concomitant Y" (also "and a co-existing Y", "plus a concomitant Y"): Y is
   asked for beside X, not as another way in. Near-misses keep Y allowed: "with or without a co-occurring Y",
   "either alone or with a concomitant Y", "(a co-existing Y is allowed)"; in an exclusion both must be present
   (read before this round).
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_19_MET_AMP,
    EGFR_19_T790M,
    EGFR_EX20,
    EGFR_L858R,
    KRAS_G12C,
    L858R_C797S,
    L858R_T790M,
    MET_AMP,
    NO_DRIVER,
    ROS1,
    UNTESTED,
    exc,
    inc,
    patient,
    verdict,
)

L858R_MET_AMP = patient("EGFR:L858R", "MET:amplification")
ALK_MET_AMP = patient("ALK:fusion", "MET:amplification")
ALK_EGFR = patient("ALK:fusion", "EGFR:L858R")
ROS1_KRAS = patient("ROS1:fusion", "KRAS:G12C")
ALK_KRAS = patient("ALK:fusion", "KRAS:G12C")


# --- 1. "without a secondary / acquired / concurrent Z", Z of the same gene --------------------------------------

WITHOUT_QUALIFIED = [
    ("Documented EGFR exon 19 deletion or L858R, without a secondary T790M mutation", L858R_T790M),
    ("EGFR exon 19 deletion or exon 21 L858R mutation without acquired EGFR T790M", EGFR_19_T790M),
    ("Sensitising EGFR mutation (exon 19 deletion or L858R), without a concurrent C797S mutation", L858R_C797S),
    ("L858R or exon 19 deletion in EGFR, with no secondary T790M", L858R_T790M),
    ("Tumour harbouring an EGFR exon 19 deletion or L858R without coexistent T790M", EGFR_19_T790M),
    ("Exon 19 del or L858R EGFR-mutant NSCLC without an accompanying C797S mutation", L858R_C797S),
]


@pytest.mark.parametrize(("sentence", "carrier"), WITHOUT_QUALIFIED)
def test_a_qualified_change_after_without_is_shut_out(sentence: str, carrier: object) -> None:
    text = inc(sentence)
    assert verdict(text, carrier) == "excluded"  # type: ignore[arg-type]
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, EGFR_L858R) == "eligible"
    assert verdict(text, ALK) == "excluded"


@pytest.mark.parametrize("sentence", [
    "EGFR exon 19 deletion or L858R, with or without a secondary T790M mutation",
    "EGFR exon 19 deletion or L858R, with or without acquired T790M",
    "EGFR exon 19 deletion or L858R (a co-existing T790M mutation is allowed)",
])
def test_with_or_without_a_qualified_change_still_allows_it(sentence: str) -> None:
    assert verdict(inc(sentence), L858R_T790M) == "eligible"
    assert verdict(inc(sentence), EGFR_19_T790M) == "eligible"


# --- 2. "X or Y without Z", Z of another gene ----------------------------------------------------------------------

WITHOUT_OTHER_GENE = [
    ("EGFR exon 19 deletion or L858R mutation without MET amplification", EGFR_19, EGFR_19_MET_AMP, KRAS_G12C),
    ("Exon 19 deletion or L858R EGFR mutation, without MET amplification or MET exon 14 skipping", EGFR_L858R,
     L858R_MET_AMP, ALK),
    ("ALK rearrangement or ROS1 fusion, without a concurrent EGFR mutation", ALK, ALK_EGFR, EGFR_19),
    ("ALK or ROS1 rearrangement without co-existing KRAS mutation", ROS1, ROS1_KRAS, KRAS_G12C),
    ("ROS1 fusion or ALK fusion without any KRAS mutation", ALK, ALK_KRAS, NO_DRIVER),
    ("L858R or exon 19 deletion of EGFR, with no MET amplification", EGFR_L858R, L858R_MET_AMP, MET_AMP),
]


@pytest.mark.parametrize(("sentence", "asked", "both", "neither"), WITHOUT_OTHER_GENE)
def test_an_or_inside_the_asked_side_is_no_turn_to_the_absent_side(sentence: str, asked: object, both: object,
                                                                    neither: object) -> None:
    text = inc(sentence)
    assert verdict(text, asked) == "eligible"  # type: ignore[arg-type]
    assert verdict(text, both) == "excluded"  # type: ignore[arg-type]
    assert verdict(text, neither) == "excluded"  # type: ignore[arg-type]
    assert verdict(text, UNTESTED) == "unknown"


@pytest.mark.parametrize("sentence", [
    "EGFR and ALK wild-type, or with a KRAS G12C mutation",
    "Negative for EGFR and ALK, or positive for KRAS G12C",
])
def test_absent_or_present_sides_still_join(sentence: str) -> None:
    # (no EGFR and no ALK change) or a KRAS change: a KRAS carrier and a driver-free patient both fit
    assert verdict(inc(sentence), KRAS_G12C) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"
    assert verdict(inc(sentence), EGFR_19) == "excluded"


# --- 3. "X with a co-occurring Y": both asked ----------------------------------------------------------------------

BESIDE = [
    ("EGFR exon 19 deletion with a co-occurring MET amplification", EGFR_19_MET_AMP, EGFR_19),
    ("EGFR L858R or exon 19 deletion with concurrent MET amplification", L858R_MET_AMP, EGFR_L858R),
    ("ALK fusion and a co-existing MET amplification", ALK_MET_AMP, ALK),
    ("Activating EGFR mutation (exon 19 deletion or L858R) plus a concomitant MET amplification", EGFR_19_MET_AMP,
     EGFR_19),
    ("EGFR exon 19 deletion or L858R mutation with a concurrent T790M mutation", L858R_T790M, EGFR_L858R),
    ("ROS1 rearrangement with a coexisting KRAS G12C mutation", ROS1_KRAS, ROS1),
]


@pytest.mark.parametrize(("sentence", "both", "first_only"), BESIDE)
def test_a_change_asked_beside_another_is_asked_for_too(sentence: str, both: object, first_only: object) -> None:
    text = inc(sentence)
    assert verdict(text, both) == "eligible"  # type: ignore[arg-type]
    assert verdict(text, first_only) == "excluded"  # type: ignore[arg-type]
    assert verdict(text, MET_AMP if "MET" in sentence else KRAS_G12C) == "excluded"
    assert verdict(text, EGFR_EX20) == "excluded"


@pytest.mark.parametrize("sentence", [
    "EGFR exon 19 deletion or L858R, with or without a co-occurring MET amplification",
    "EGFR exon 19 deletion or L858R, either alone or with a concomitant MET amplification",
    "EGFR exon 19 deletion or L858R alone or with a coexisting MET amplification",
])
def test_a_change_allowed_beside_another_is_not_asked_for(sentence: str) -> None:
    assert verdict(inc(sentence), EGFR_19) == "eligible"
    assert verdict(inc(sentence), EGFR_19_MET_AMP) == "eligible"
    assert verdict(inc(sentence), MET_AMP) == "excluded"


def test_an_exclusion_of_two_changes_together_binds_only_both() -> None:
    text = inc("Stage IV NSCLC") + exc("EGFR mutation with a co-occurring MET amplification")
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, MET_AMP) == "eligible"
    assert verdict(text, EGFR_19_MET_AMP) == "excluded"
