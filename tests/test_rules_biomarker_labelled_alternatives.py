"""A required marker list whose alternatives each carry a group label in brackets ("EGFR exon 20 insertion (Cohort 1)
or HER2 exon 20 insertion (Cohort 2)"): the list is every named group's way in, so a patient tested negative for
every named gene (or holding another change in it) fits none of them and is excluded. A gene left untested is a
question. A bracket naming one group alone, a group named outside brackets, or a trial naming another group of the
same kind elsewhere keeps the old doubt.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_EX20,
    HER2_EX20,
    KRAS_G12C,
    MET_EX14,
    NO_DRIVER,
    RET,
    ROS1,
    UNTESTED,
    inc,
    patient,
    verdict,
)

from trialmatch.criteria.rules.biomarker.groups import labelled_alternatives, names_every_group

# (sentence, a patient who fits one alternative, a patient who fits none with every named gene tested)
LABELLED = [
    ("Documented EGFR exon 20 insertion mutation (Cohort 1) or HER2 (ERBB2) exon 20 insertion mutation (Cohort 2) "
     "by local testing of tumour tissue or plasma", HER2_EX20, EGFR_19),
    ("Tumour harbouring a RET fusion (Arm A) or a MET exon 14 skipping mutation (Arm B), confirmed centrally",
     MET_EX14, KRAS_G12C),
    ("Solid tumour with a ROS1 gene fusion (NSCLC cohorts) or an NTRK1, NTRK2 or NTRK3 gene fusion (any solid "
     "tumour type), as determined by a local test", ROS1, ALK),
    ("ALK rearrangement (Part 1), ROS1 rearrangement (Part 2) or RET rearrangement (Part 3) by an approved assay",
     RET, NO_DRIVER),
    ("Presence of KRAS G12C (Group A) and/or BRAF V600E (Group B) documented in the pathology report",
     KRAS_G12C, EGFR_EX20),
    ("Known EGFR exon 20 insertion (expansion cohort 1), or HER2 exon 20 insertion (expansion cohort 2)",
     EGFR_EX20, MET_EX14),
]


@pytest.mark.parametrize(("sentence", "fits", "fits_none"), LABELLED)
def test_a_labelled_list_excludes_one_who_fits_no_alternative(sentence: str, fits: object, fits_none: object) -> None:
    assert labelled_alternatives(sentence)
    assert verdict(inc(sentence), fits) == "eligible"  # type: ignore[arg-type]
    assert verdict(inc(sentence), fits_none) == "excluded"  # type: ignore[arg-type]
    assert verdict(inc(sentence), UNTESTED) == "unknown"


def test_an_untested_named_gene_is_a_question() -> None:
    sentence = "Documented EGFR exon 20 insertion (Cohort 1) or HER2 exon 20 insertion (Cohort 2)"
    egfr_only_tested = patient("EGFR:exon 19 deletion", negative=[])
    assert verdict(inc(sentence), egfr_only_tested) == "unknown"


# ---- near misses: the old doubt stays ----------------------------------------------------------------------------

ONE_GROUP_ONLY = [
    "Documented EGFR exon 20 insertion mutation (Cohort 1)",
    "RET fusion or MET exon 14 skipping in the expansion cohort",
    "ROS1 or NTRK fusion for patients in Part B",
    "KRAS G12C mutation (dose expansion) confirmed by local test",
]


@pytest.mark.parametrize("sentence", ONE_GROUP_ONLY)
def test_one_group_rule_never_excludes(sentence: str) -> None:
    assert not names_every_group(sentence, set())
    assert verdict(inc(sentence), NO_DRIVER) == "unknown"


def test_another_marked_group_elsewhere_keeps_the_doubt() -> None:
    text = inc("Documented EGFR exon 20 insertion (Cohort 1) or HER2 exon 20 insertion (Cohort 2)",
               "Cohort 3: any NSCLC without a known driver, after platinum chemotherapy")
    assert verdict(text, EGFR_19) != "excluded"


def test_groups_of_another_kind_elsewhere_do_not_matter() -> None:
    assert names_every_group("ROS1 fusion (Cohort A) or NTRK fusion (Cohort B)", {("phase", "1"), ("cohort", "a")})
    assert not names_every_group("ROS1 fusion (Cohort A) or NTRK fusion (Cohort B)", {("cohort", "c")})
