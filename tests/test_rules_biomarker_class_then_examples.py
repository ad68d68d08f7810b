"""An exclusion that names a class of drivers, then a colon and only the changes it means ("Tumours harbouring a
targetable driver for which an approved therapy exists: EGFR sensitizing mutation, ALK, ROS1 ... or BRAF V600E"),
excludes those changes on every patient. Before, the shared reader took the class before the colon for a group of
patients ("Subjects with actionable alterations:"), so the listed changes bound only that group, carriers were let
through and the group opened a way in for everyone. A colon followed by a rule of its own ("...: must have progressed
on ...") still names a group.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_L858R, KRAS_G12C, MET_EX14, NO_DRIVER, RET, ROS1, exc, inc, verdict

from trialmatch.criteria.rules.biomarker.reading import _class_then_examples
from trialmatch.matching.profile import Profile

CASES = [
    ("Tumours harbouring a targetable driver for which an approved therapy exists: EGFR sensitizing mutation, ALK, "
     "ROS1, RET or NTRK fusion, MET exon 14 skipping, or BRAF V600E.", EGFR_L858R),
    ("Known actionable genomic alterations: EGFR exon 19 deletion or L858R, ALK rearrangement", ALK),
    ("Oncogenic driver alterations with an approved targeted therapy: ALK fusion, ROS1 fusion or RET fusion", RET),
    ("Patients whose tumours carry a driver mutation: EGFR, ALK, ROS1 or BRAF V600E", ROS1),
    ("Actionable molecular alterations as follows: EGFR-sensitising mutation, ALK or ROS1 rearrangement", EGFR_L858R),
    ("Any targetable oncogenic driver: MET exon 14 skipping, RET fusion, NTRK1/2/3 fusion", MET_EX14),
    ("Subjects with an actionable oncogenic alteration: EGFR exon 19 deletion or L858R, ALK rearrangement", ALK),
    ("Participants harbouring a known driver alteration: ALK fusion, ROS1 fusion or RET fusion", RET),
    ("Tumors with a targetable genomic alteration: MET exon 14 skipping, RET fusion, NTRK1/2/3 fusion", MET_EX14),
    ("Patients with oncogene-driven NSCLC: EGFR-sensitising mutation, ALK or ROS1 rearrangement", EGFR_L858R),
]


@pytest.mark.parametrize(("bullet", "carrier"), CASES)
def test_the_listed_changes_are_excluded_for_everyone(bullet: str, carrier: Profile) -> None:
    text = inc("Advanced NSCLC after platinum-based chemotherapy") + "\n" + exc(bullet)
    assert _class_then_examples(bullet)
    assert verdict(text, carrier) == "excluded"
    # Not excluded by a listed change; where the class wording goes beyond its list ("a targetable driver for which
    # an approved therapy exists"), an untested or unlisted change may leave a question.
    assert verdict(text, NO_DRIVER) != "excluded"
    assert verdict(text, KRAS_G12C) != "excluded"


@pytest.mark.parametrize("bullet", [
    # Near-misses: after the colon comes a rule of the group, not a list of changes.
    "Patients with an actionable driver alteration: must have progressed on at least one approved targeted therapy",
    "Subjects with a known oncogenic driver: prior EGFR or ALK TKI required",
    "Tumours with a targetable alteration: eligible only if treated with the matching inhibitor",
    "Driver-positive disease: no standard therapy remaining",
])
def test_a_rule_after_the_colon_keeps_the_group(bullet: str) -> None:
    assert not _class_then_examples(bullet)
