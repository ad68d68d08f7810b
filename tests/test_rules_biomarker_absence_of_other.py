"""An exclusion of a change "in the absence of other [gene] mutations" (session 25, round 2, kind 3 of set R).

"Tumour harbouring an EGFR exon 20 insertion, or EGFR T790M in the absence of other EGFR mutations sensitive to the
study drug": the qualifier was dropped, so every T790M profile was banned, also one with exon 19 deletion beside it.
It is read as "T790M alone": a profile with another change of that gene is not shut out; T790M with nothing else
listed still is (or is a question when a primary change is implied); the other item of the list ("exon 20
insertion") still bans. The phrase's tail and bracket ("sensitive to ...", "(e.g. exon 19 deletion, L858R)") are
not read as changes of their own. Near-misses: "without prior [drug]" and a plain "without an EGFR mutation" are
no such qualifier; a ban with no qualifier still bans the pair.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_19_T790M,
    EGFR_EX20,
    EGFR_L858R,
    L858R_C797S,
    L858R_T790M,
    exc,
    patient,
    verdict,
)

T790M_ONLY = patient("EGFR:T790M")
C797S_ONLY = patient("EGFR:C797S")

# (exclusion, a profile with the change and another of its gene (not banned), a profile with the change alone)
ABSENCE = [
    ("Tumour harbouring an EGFR exon 20 insertion mutation, or EGFR T790M mutation in the absence of other EGFR "
     "mutations sensitive to the investigational agent", EGFR_19_T790M, T790M_ONLY),
    ("EGFR C797S mutation without another activating EGFR mutation (e.g. exon 19 deletion, L858R)",
     L858R_C797S, C797S_ONLY),
    ("Documented T790M with no concurrent sensitising EGFR mutation, known to respond to the study drug",
     L858R_T790M, T790M_ONLY),
    ("Patients whose tumours carry EGFR T790M in the absence of any other EGFR mutation", EGFR_19_T790M, T790M_ONLY),
    ("Acquired C797S in the absence of additional sensitizing mutations", L858R_C797S, C797S_ONLY),
    ("Tumours with a T790M mutation and no other EGFR alteration that is sensitive to osimertinib (such as L858R)",
     L858R_T790M, T790M_ONLY),
]


@pytest.mark.parametrize(("sentence", "with_other", "alone"), ABSENCE)
def test_absence_of_other_bans_the_change_alone(sentence: str, with_other: object, alone: object) -> None:
    criteria = exc(sentence)
    assert verdict(criteria, with_other) == "eligible"
    assert verdict(criteria, alone) != "eligible"
    # the examples and the tail's class are no ban of their own
    assert verdict(criteria, EGFR_19) == "eligible"
    assert verdict(criteria, EGFR_L858R) == "eligible"
    assert verdict(criteria, ALK) == "eligible"


def test_other_item_of_the_list_still_bans() -> None:
    criteria = exc(ABSENCE[0][0])
    assert verdict(criteria, EGFR_EX20) == "excluded"


NEAR_MISSES = [
    ("EGFR T790M mutation detected in tumour tissue", EGFR_19_T790M),
    ("EGFR T790M mutation without prior osimertinib treatment", EGFR_19_T790M),
    ("EGFR C797S mutation, with or without other EGFR mutations", L858R_C797S),
]


@pytest.mark.parametrize(("sentence", "profile"), NEAR_MISSES)
def test_without_qualifier_still_bans(sentence: str, profile: object) -> None:
    assert verdict(exc(sentence), profile) == "excluded"
