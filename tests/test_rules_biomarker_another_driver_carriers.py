"""A carrier rule for "another" driver: "No EGFR sensitising mutation and no ALK fusion" beside "Patients with another
actionable genomic alteration (ROS1, BRAF V600E, ...) must have received an approved targeted therapy for it". The
class after "another" is the drivers other than those the trial names elsewhere; read as the whole panel, it let
EGFR and ALK carriers in on a condition and made the ban a question (a miss: EGFR and ALK carriers stayed unknown).
Now it stands for the genes it lists, if any. Invented sentences only."""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, EGFR_L858R, KRAS_G12C, NO_DRIVER, ROS1, inc, verdict

BAN = "No EGFR sensitizing mutation and no ALK fusion"
ANOTHER = [
    "Patients with another actionable genomic alteration (ROS1, BRAF V600E, RET) must have received a targeted "
    "therapy approved for that alteration",
    "Patients with another actionable genomic alteration must have received an approved targeted therapy",
    "Participants with another known oncogenic driver must have progressed on an approved targeted agent",
    "Patients whose tumour has another actionable alteration must have received the approved targeted therapy",
    "Patients with other actionable alterations (e.g. ROS1, RET) must have been treated with an approved inhibitor",
]


@pytest.mark.parametrize("carrier_rule", ANOTHER)
def test_ban_stays_firm_beside_another_driver_route(carrier_rule: str) -> None:
    criteria = inc("Stage IV NSCLC", BAN, carrier_rule)
    assert verdict(criteria, EGFR_19) == "excluded", carrier_rule
    assert verdict(criteria, EGFR_L858R) == "excluded", carrier_rule
    assert verdict(criteria, ALK) == "excluded", carrier_rule
    assert verdict(criteria, NO_DRIVER) == "eligible", carrier_rule
    assert verdict(criteria, KRAS_G12C) == "eligible", carrier_rule


# Near-misses: a plain driver route still lets every carrier in on its condition (a question); a named one too.
def test_plain_driver_route_keeps_the_question() -> None:
    criteria = inc("Stage IV NSCLC", BAN, "Patients with an actionable genomic alteration must have received an "
                   "approved targeted therapy")
    assert verdict(criteria, EGFR_19) == "unknown"
    assert verdict(criteria, ALK) == "unknown"


def test_named_route_for_the_banned_gene_keeps_the_question() -> None:
    criteria = inc("Stage IV NSCLC", BAN, "Patients with EGFR or ALK alterations must have progressed on an approved "
                   "targeted therapy")
    assert verdict(criteria, EGFR_19) != "excluded"
    assert verdict(criteria, ROS1) == "eligible"
