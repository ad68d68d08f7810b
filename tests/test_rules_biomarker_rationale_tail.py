"""A trailing reason for a marker ban ("..., since these patients are generally treated with targeted therapy")
(session 26, P kind 9).

The reason sets no condition: the ban stays hard. Read as part of the rule it made the ban a question for every
carrier. Near-misses: a real condition ("unless they have progressed on ...") and a "since" that dates something
("since diagnosis") keep their reading.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, EGFR_L858R, KRAS_G12C, NO_DRIVER, RET, ROS1, exc, inc, patient, verdict

RATIONALE = [
    ("Tumours with an ALK fusion or ROS1 rearrangement, since these patients are usually treated with a TKI", ALK),
    ("Known EGFR exon 19 deletion or L858R, because such patients are typically offered osimertinib first (see the "
     "companion protocol)", EGFR_19),
    ("Patients whose tumours carry a RET fusion; since those participants generally receive selpercatinib", RET),
    ("Sensitizing EGFR mutation or ALK rearrangement, as these patients should receive approved targeted therapy",
     EGFR_L858R),
    ("ROS1-positive NSCLC, since they are generally treated with crizotinib or entrectinib", ROS1),
    ("Presence of an ALK rearrangement, because these tumours are usually managed with alectinib (they may join "
     "the sister study)", ALK),
]


@pytest.mark.parametrize(("sentence", "carrier"), RATIONALE)
def test_reason_tail_leaves_the_ban_hard(sentence: str, carrier: object) -> None:
    criteria = exc(sentence)
    assert verdict(criteria, carrier) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, KRAS_G12C) == "eligible"


def test_real_condition_keeps_its_reading() -> None:
    treated = patient("ALK:fusion", drugs=("alectinib",), lines=1)
    criteria = exc("ALK fusion, unless they have progressed on approved targeted therapy")
    assert verdict(criteria, treated) == "eligible"


def test_requirement_with_reason_stays_a_requirement() -> None:
    criteria = inc("Documented ALK fusion, since these patients are the target population of the study drug")
    assert verdict(criteria, ALK) == "eligible"
    assert verdict(criteria, NO_DRIVER) == "excluded"
