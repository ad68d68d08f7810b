"""A required change joined by "both" to a second pair of genes ("activating EGFR mutation and alterations in both TP53
and RB1", "KRAS G12C with loss of both STK11 and KEAP1") asks for the first change AND the others. Before, the whole
sentence was one list of alternatives, so a patient tested negative for the first gene was only a question (the other
genes were untested); now the first gene is its own requirement: a plain tested-negative result excludes, and a
carrier stays a question while the other genes are untested.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, BRAF_V600E, EGFR_19, EGFR_L858R, KRAS_G12C, NO_DRIVER, UNTESTED, exc, inc, verdict

from trialmatch.matching.profile import Profile

# (sentence, a carrier of the first change, a patient tested negative for the first gene)
CASES = [
    ("Somatic activating EGFR mutation (such as exon 19 deletion or L858R) and alterations in both TP53 and RB1 "
     "detected by a CLIA-certified NGS panel", EGFR_19, ALK),
    ("KRAS G12C mutation with loss of both STK11 and KEAP1 confirmed by tissue NGS", KRAS_G12C, NO_DRIVER),
    ("Documented ALK rearrangement (FISH or NGS) plus mutations of both TP53 and CDKN2A", ALK, KRAS_G12C),
    ("BRAF V600E mutated NSCLC and both TP53 and RB1 alterations", BRAF_V600E, EGFR_L858R),
    ("Patients who have EGFR-sensitizing mutation (19del/L858R) and have mutations in both TP53 and RB1 confirmed "
     "by NGS", EGFR_L858R, KRAS_G12C),
    ("Tumor harbors an EGFRm (e.g. exon 21 L858R) with co-alterations affecting both TP53 and RB1 on plasma ctDNA",
     EGFR_L858R, NO_DRIVER),
]


@pytest.mark.parametrize(("bullet", "carrier", "negative"), CASES)
def test_the_first_change_is_a_requirement_of_its_own(bullet: str, carrier: Profile, negative: Profile) -> None:
    assert verdict(inc(bullet), negative) == "excluded"
    assert verdict(inc(bullet), carrier) == "unknown"  # the other two genes are untested
    assert verdict(inc(bullet), UNTESTED) == "unknown"


def test_an_exclusion_of_the_pair_still_binds_only_both() -> None:
    # Near-miss: in an exclusion, "both" still means found together; a carrier of one change alone is not shut out.
    text = exc("EGFR mutation and alterations in both TP53 and RB1")
    assert verdict(text, EGFR_19) != "excluded"
    assert verdict(text, NO_DRIVER) == "eligible"


def test_a_list_of_alternatives_with_both_allowed_stays_one_requirement() -> None:
    # Near-miss: "(both are allowed)" is no second requirement: either change lets a patient in.
    text = inc("EGFR exon 19 deletion or L858R mutation (both are allowed)")
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, EGFR_L858R) == "eligible"
    assert verdict(text, ALK) == "excluded"
