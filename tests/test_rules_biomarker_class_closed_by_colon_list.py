"""Kind 21 (synthK/L): an activating / sensitising class closed by the list after its colon. "Has documentation of an
EGFR-activating mutation from tissue or blood: exon 19 deletion or L858R" was read as "activating EGFR mutation, or
exon 19 deletion, or L858R", so an EGFR exon 20 insertion (or any other EGFR change) was a question. The list says
which changes count: it closes the set, as the bracketed form "(exon 19 deletion or L858R)" already did. A list
that leaves room ("or other activating mutations", "e.g.") closes nothing.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_EX20,
    EGFR_G719X,
    EGFR_L858R,
    KRAS_G12C,
    NO_DRIVER,
    UNTESTED,
    inc,
    verdict,
)

from trialmatch.matching.profile import Profile

# (sentence, listed carrier, carrier of the class outside the list)
CLOSED = [
    ("Has documentation of an EGFR-activating mutation detected from tumour tissue or blood: exon 19 deletion or "
     "L858R", EGFR_19, EGFR_EX20),
    ("Documented evidence of an activating epidermal growth factor receptor (EGFR) mutation: an exon 19 deletion or "
     "exon 21 (L858R) substitution, as determined by a local laboratory.", EGFR_L858R, EGFR_G719X),
    ("Tumour harbours a sensitising EGFR mutation as follows: L858R or exon 19 deletion", EGFR_L858R, EGFR_EX20),
    ("Presence of a sensitizing EGFR mutation by tissue or plasma testing: exon 19 deletion, L858R", EGFR_19,
     EGFR_G719X),
    ("Tumour must carry a sensitising mutation in EGFR, confirmed centrally: exon 21 L858R or an exon 19 deletion",
     EGFR_L858R, EGFR_EX20),
    ("Participants must have an activating mutation of EGFR documented locally: Ex19del or L858R.", EGFR_L858R,
     EGFR_EX20),
]


@pytest.mark.parametrize(("sentence", "listed", "unlisted"), CLOSED)
def test_a_colon_list_closes_the_class(sentence: str, listed: Profile, unlisted: Profile) -> None:
    text = inc(sentence)
    assert verdict(text, listed) == "eligible"
    assert verdict(text, unlisted) == "excluded"
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"


NEAR_MISSES = [
    # A list that leaves room closes nothing: an exon 20 insertion stays a question.
    (inc("Activating EGFR mutation: exon 19 deletion, L858R or other activating mutations"), EGFR_EX20, "unknown"),
    (inc("Activating EGFR mutation: e.g. exon 19 deletion or L858R"), EGFR_EX20, "unknown"),
    # The bracketed form was closed already.
    (inc("Sensitising EGFR mutation (exon 19 deletion or L858R)"), EGFR_EX20, "excluded"),
    # A class with no list stays open to its members.
    (inc("Activating EGFR mutation"), EGFR_G719X, "eligible"),
    # An exclusion stays an exclusion; another gene is untouched.
    (inc("Documented ALK rearrangement"), ALK, "eligible"),
    (inc("Documented ALK rearrangement"), KRAS_G12C, "excluded"),
]


@pytest.mark.parametrize(("text", "profile", "expected"), NEAR_MISSES)
def test_near_misses_keep_their_verdict(text: str, profile: Profile, expected: str) -> None:
    assert verdict(text, profile) == expected
