"""Biomarker and disease kinds found on a fifth blind set of real trials (invented sentences only).

1. A marker group named at the end of a sentence about something else ("No further therapy is allowed in the
   metastatic setting for individuals with no actionable genomic alterations"): the group only says whom another rule
   is for, so no biomarker rule comes from it; the same group as the subject of a marker rule still counts.
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict

L858R = patient("EGFR:L858R")
ALK = patient("ALK:fusion")
G12C = patient("KRAS:G12C")
MET = patient("MET:exon 14 skipping")
RET = patient("RET:fusion")
NO_DRIVER = patient(pdl1=80)
UNTESTED = patient(negative=[])
CARRIERS = [L858R, ALK, G12C, MET, RET]

# ---- kind 1: a marker group that only says whom another rule is for ----------------------------------------------

GROUP_AT_THE_END = [
    "No additional treatments are allowed in the recurrent/metastatic setting for individuals with no actionable "
    "genomic alterations.",
    "Prior platinum doublet is required for patients without actionable genomic alterations",
    "At most one prior line of systemic therapy is permitted for participants with no targetable driver mutation",
    "Previous immunotherapy is mandatory for those who do not have a known oncogenic driver",
    "Only one prior regimen in the advanced setting for persons lacking an actionable alteration",
]


@pytest.mark.parametrize("sentence", GROUP_AT_THE_END)
def test_group_named_for_another_rule_sets_no_marker_rule(sentence: str) -> None:
    for profile in [*CARRIERS, NO_DRIVER, UNTESTED]:
        assert verdict(inc(sentence), profile) == "eligible", profile
        assert verdict(exc(sentence), profile) == "eligible", profile


@pytest.mark.parametrize("sentence", [
    "Patients with no actionable genomic alterations",
    "No actionable genomic alterations (EGFR, ALK, ROS1)",
    "Tumour without a targetable driver mutation",
])
def test_near_miss_group_as_the_requirement_itself_still_excludes_carriers(sentence: str) -> None:
    assert verdict(inc(sentence), L858R) == "excluded"
    assert verdict(inc(sentence), ALK) == "excluded"
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"


def test_near_miss_exclusion_of_the_group_itself_still_excludes_carriers() -> None:
    assert verdict(exc("Patients with actionable genomic alterations"), L858R) == "excluded"
    assert verdict(exc("Known EGFR mutation or ALK fusion"), ALK) == "excluded"
