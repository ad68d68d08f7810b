"""Biomarker structures of session 20, round 5 (invented sentences and profiles only).

1. "EGFR mutations other than (the) common / classic / typical / sensitising ones": the class after "other than" is
   the one spared (it was read as the class asked for, so the uncommon changes the trial wants were excluded). A
   bracket that spells the class out ("(exon 19 deletion, L858R)") is spared with it; one that names changes outside
   it ("(e.g. G719X, L861Q)") gives examples of what is left.
2. "Ex19del or L858R, alone or in combination with other EGFR mutations (e.g. T790M, G719X, S7681 and L861Q)": the
   changes that may come beside the asked one are no way in, also after a word the reader does not know ("S7681"),
   after a gene-less noun ("other genomic alterations, which may include EGFR T790M"), after "with or without"
   (not a negation) and after "alone or together with" (not a second requirement).
3. An open list of rare drivers ("rare mutations including EGFR rare mutations, ALK fusion, ..., NTRK fusion,
   etc."): a driver-negative profile is unknown unless every listed gene was tested.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    EGFR_EX20,
    EGFR_G719X,
    EGFR_L858R,
    EGFR_L861Q,
    EGFR_S768I,
    KRAS_G12C,
    MET_AMP,
    NO_DRIVER,
    PANEL,
    ROS1,
    UNTESTED,
    exc,
    inc,
    patient,
    verdict,
)

EGFR_19_T790M = patient("EGFR:exon 19 deletion", "EGFR:T790M")
L858R_T790M = patient("EGFR:L858R", "EGFR:T790M")
UNCOMMON = (EGFR_G719X, EGFR_L861Q, EGFR_S768I)
COMMON = (EGFR_19, EGFR_L858R)


# --- 1. "other than the common ones": the common class is spared ----------------------------------------------------

OTHER_THAN_COMMON = [
    "EGFR mutations other than common mutations",
    "Patients with EGFR mutations other than the common ones (exon 19 deletion, L858R)",
    "Documented EGFR mutation other than classic mutations",
    "EGFR mutation other than the classical activating mutations (Ex19del or L858R)",
    "Tumour harbouring an EGFR alteration other than the typical ones",
    "EGFR-mutant NSCLC other than the common ones",
    "EGFR-mutated lung cancer other than canonical sensitising mutations (i.e. exon 19 deletion or L858R)",
    "Presence of EGFR variants other than common mutations, e.g. G719X or L861Q",
    "EGFR mutations other than common mutations (e.g., G719X, L861Q, S768I)",
    "EGFR gene mutations other than the classical ones (exon 19 deletions and exon 21 L858R)",
]


@pytest.mark.parametrize("sentence", OTHER_THAN_COMMON)
def test_other_than_common_spares_the_common_class_in_an_inclusion(sentence: str) -> None:
    for rare in (*UNCOMMON, EGFR_EX20):
        assert verdict(inc(sentence), rare) == "eligible", rare
    for common in COMMON:
        assert verdict(inc(sentence), common) == "excluded", common
    assert verdict(inc(sentence), ALK) == "excluded"
    assert verdict(inc(sentence), UNTESTED) == "unknown"
    # a common change beside a second one: whether the second counts is not said
    assert verdict(inc(sentence), EGFR_19_T790M) != "excluded"


@pytest.mark.parametrize("sentence", OTHER_THAN_COMMON)
def test_other_than_common_spares_the_common_class_in_an_exclusion(sentence: str) -> None:
    for common in COMMON:
        assert verdict(exc(sentence), common) == "eligible", common
    for rare in (*UNCOMMON, EGFR_EX20):
        assert verdict(exc(sentence), rare) == "excluded", rare
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"


OTHER_THAN_SENSITISING = [
    "EGFR mutations other than sensitizing mutations",
    "EGFR mutation other than TKI-sensitising mutations",
    "EGFR alterations other than activating mutations",
    "EGFR mutations other than sensitising ones, such as exon 20 insertion",
]


@pytest.mark.parametrize("sentence", OTHER_THAN_SENSITISING)
def test_other_than_sensitising_spares_every_sensitising_change(sentence: str) -> None:
    assert verdict(inc(sentence), EGFR_EX20) != "excluded"
    for sensitising in (*COMMON, EGFR_G719X):
        assert verdict(inc(sentence), sensitising) != "eligible", sensitising
        assert verdict(exc(sentence), sensitising) != "excluded", sensitising


OTHER_THAN_NEAR_MISSES = [
    # the spared changes named: only they are spared (as before)
    ("EGFR mutations other than exon 19 deletion or L858R", inc, {EGFR_G719X: "eligible", EGFR_19: "excluded"}),
    ("EGFR mutation other than exon 20 insertion", inc, {EGFR_19: "eligible", EGFR_EX20: "excluded"}),
    # "common" asked for, no "other than"
    ("Common EGFR mutation (exon 19 deletion or L858R)", inc, {EGFR_19: "eligible", EGFR_G719X: "excluded"}),
    ("Uncommon EGFR mutations such as G719X or L861Q", inc, {EGFR_L861Q: "eligible", EGFR_L858R: "excluded"}),
    # a driver class other than a gene: the gene is spared
    ("Actionable alterations other than EGFR", exc, {EGFR_19: "eligible", ALK: "excluded"}),
    # sensitising changes spelt out: the list is what is spared
    ("EGFR mutations other than sensitising mutations (exon 19 deletion, L858R)", inc,
     {EGFR_G719X: "eligible", EGFR_19: "excluded"}),
]


@pytest.mark.parametrize(("sentence", "section", "expected"), OTHER_THAN_NEAR_MISSES)
def test_other_than_near_misses_keep_their_reading(sentence: str, section: object, expected: dict) -> None:
    for profile, wanted in expected.items():
        assert verdict(section(sentence), profile) == wanted, (sentence, profile)  # type: ignore[operator]


# --- 2. what may come beside the asked change is no way in ---------------------------------------------------------

BESIDE_THE_ASKED_CHANGE = [
    "Ex19del or L858R, either alone or in combination with other EGFR mutations (e.g. T790M, G719X, S7681 and L861Q)",
    "A tumour carrying exon 19 deletion or L858R, alone or with other EGFR mutations such as T790M, G719X, S7681 "
    "and L861Q",
    "Exon 19 deletion or exon 21 L858R, either alone or in combination with other genomic alterations, which may "
    "include EGFR L861Q",
    "Del19 or L858R, with or without additional mutations such as EGFR T790M or L861Q",
    "EGFR exon 19 deletion or L858R, alone or together with other alterations (e.g. L861Q, MET amplification)",
    "Ex19del or L858R either alone or together with other EGFR mutations including L861Q",
    "Documented L858R or exon 19 deletion, alone or co-occurring with other EGFR mutations (for example S7681, "
    "L861Q)",
    "EGFR exon 19 deletion or L858R, either alone or coexisting with other gene alterations including L861Q",
]


@pytest.mark.parametrize("sentence", BESIDE_THE_ASKED_CHANGE)
def test_changes_that_may_come_beside_the_asked_one_are_no_way_in(sentence: str) -> None:
    for asked in (*COMMON, EGFR_19_T790M, L858R_T790M):
        assert verdict(inc(sentence), asked) == "eligible", asked
    for other in (EGFR_L861Q, EGFR_G719X, EGFR_EX20, MET_AMP, ALK, KRAS_G12C):
        assert verdict(inc(sentence), other) == "excluded", other
    assert verdict(inc(sentence), UNTESTED) == "unknown"


BESIDE_NEAR_MISSES = [
    # an alternative way in after the list, with its own gene: still a way in
    ("Exon 19 deletion or L858R, alone or with other EGFR mutations (e.g. T790M), or a ROS1 fusion", ROS1, "eligible"),
    # examples of what is asked, not of what may come beside it
    ("EGFR mutation (e.g. exon 19 deletion, G719X, L861Q)", EGFR_L861Q, "eligible"),
    ("Exon 19 deletion, L858R, G719X or L861Q", EGFR_L861Q, "eligible"),
    # a second requirement after "together with" (no "alone or")
    ("EGFR exon 19 deletion together with MET amplification", EGFR_19, "excluded"),
    ("EGFR exon 19 deletion together with MET amplification", patient("EGFR:exon 19 deletion", "MET:amplification"),
     "eligible"),
    # "without" that negates (not "with or without")
    ("Exon 19 deletion or L858R without T790M", EGFR_19_T790M, "excluded"),
]


@pytest.mark.parametrize(("sentence", "profile", "expected"), BESIDE_NEAR_MISSES)
def test_beside_near_misses_keep_their_reading(sentence: str, profile: object, expected: str) -> None:
    assert verdict(inc(sentence), profile) == expected  # type: ignore[arg-type]


# --- 3. an open list of rare drivers: a gene not tested is unknown --------------------------------------------------

RARE_LISTS = [
    "NSCLC with rare mutations including EGFR rare mutations, ALK fusion, ROS1 fusion, BRAF V600E, MET exon 14 "
    "skipping, KRAS G12C, RET fusion, NTRK fusion, etc.",
    "Rare oncogenic alterations including ALK fusion, ROS1 fusion, RET fusion, BRAF V600E, NTRK fusion, etc.",
    "Tumour with a rare driver: ROS1 fusion, RET fusion, BRAF V600E, MET exon 14 skipping or NTRK fusion, etc.",
    "Rare genomic alterations such as ROS1 rearrangement, BRAF V600E, RET fusion, NTRK fusion etc.",
    "Uncommon driver alterations, including ALK, ROS1, RET and NTRK fusions, BRAF V600E, etc.",
    "Patients with rare mutations (e.g., ROS1 fusion, RET fusion, NTRK fusion, BRAF V600E, etc.)",
    "Presence of rare molecular alterations including but not limited to ROS1, RET or NTRK fusions, BRAF V600E, etc.",
    "Rare targetable mutations including MET exon 14 skipping, RET fusion, ROS1 fusion, NTRK fusion, BRAF V600E etc.",
]


def _without(*genes: str) -> object:
    return patient(negative=[g for g in PANEL if g not in genes])


@pytest.mark.parametrize("sentence", RARE_LISTS)
def test_open_rare_list_unknown_unless_every_listed_gene_was_tested(sentence: str) -> None:
    for untested in ("NTRK2", "RET", "ROS1"):
        assert verdict(inc(sentence), _without(untested)) == "unknown", untested  # type: ignore[arg-type]
        assert verdict(exc(sentence), _without(untested)) == "unknown", untested  # type: ignore[arg-type]
    assert verdict(inc(sentence), patient(negative=["EGFR", "ALK"])) == "unknown"
    assert verdict(inc(sentence), UNTESTED) == "unknown"
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER) != "eligible"
    for carrier in (ROS1, BRAF_V600E):
        assert verdict(inc(sentence), carrier) != "excluded", carrier
        assert verdict(exc(sentence), carrier) != "eligible", carrier
