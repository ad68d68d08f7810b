"""A ban on "known / documented / co-occurring ... in [genes]" excludes reported positives only (session 26, Q kind 10).

"Known co-occurring activating mutation or rearrangement in ALK, ROS1, ...": the words between "known" and the
change ("co-occurring", "activating") cut the "known" off, and "whose tumours have a documented EGFR mutation" had
no "known" at all, so a profile that was not tested for a gene got unknown. A ban on findings already made lets an
untested tumour in. Near-misses: a bare ban ("EGFR mutation or ALK rearrangement") still asks about untested genes;
a reported positive is still excluded; "negative for known ..." and a requirement are untouched.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_L858R, NO_DRIVER, RET, ROS1, UNTESTED, exc, inc, patient, verdict

PARTLY_TESTED = patient("EGFR:exon 20 insertion", negative=["ALK", "ROS1", "KRAS", "BRAF", "MET", "RET"])

KNOWN_BANS = [
    ("Known concurrent oncogenic fusion or mutation in ALK, ROS1, RET or NTRK", ALK),
    ("Documented ROS1 rearrangement or RET fusion", ROS1),
    ("Participants whose tumours carry a documented ALK or RET fusion", RET),
    ("Known additional activating alteration of ALK, ROS1, BRAF, NTRK or RET", RET),
    ("Known co-existing sensitising alteration in ALK, ROS1 or NTRK", ROS1),
    ("Patients with a documented activating ALK rearrangement or ROS1 fusion", ALK),
]


@pytest.mark.parametrize(("sentence", "carrier"), KNOWN_BANS)
def test_known_ban_lets_untested_in(sentence: str, carrier: object) -> None:
    criteria = exc(sentence)
    assert verdict(criteria, UNTESTED) == "eligible"
    assert verdict(criteria, carrier) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"


def test_gene_left_untested_is_eligible() -> None:
    # NTRK not in the tested-negative list
    assert verdict(exc(KNOWN_BANS[0][0]), PARTLY_TESTED) == "eligible"


@pytest.mark.parametrize("sentence", ["EGFR mutation or ALK rearrangement", "Tumours harbouring an ALK fusion"])
def test_bare_ban_still_asks_untested(sentence: str) -> None:
    assert verdict(exc(sentence), UNTESTED) == "unknown"


def test_documented_requirement_still_asks() -> None:
    criteria = inc("Documented EGFR mutation")
    assert verdict(criteria, UNTESTED) == "unknown"
    assert verdict(criteria, EGFR_L858R) == "eligible"
    assert verdict(criteria, ALK) == "excluded"
