"""A sub-bullet labelled by a group named for its markers, then what that group must have had ("Subjects without
actionable genomic alterations (AGA): progression on or after platinum-based chemotherapy and an anti-PD-1
antibody"; "Subjects with AGA (EGFR, ALK, ROS1): must have received approved targeted therapy") is a treatment path
for that group, not a marker rule: no patient is held to having, or lacking, the markers. A group label followed by
a marker level ("Patients without driver alterations: PD-L1 TPS >= 50%") is read as before.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, EGFR_19, KRAS_G12C, NO_DRIVER, UNTESTED, inc, patient, verdict

PATHS = [
    ("Subjects without actionable genomic alterations (AGA): progression on or after platinum-based chemotherapy and "
     "an anti-PD-1/PD-L1 monoclonal antibody, given in combination or sequentially",
     "Subjects with AGA (EGFR, ALK, ROS1, NTRK, BRAF, RET, MET ex14): must have received 1 or 2 lines of approved "
     "targeted therapy for that alteration AND platinum-based chemotherapy"),
    ("Patients without a targetable driver: disease progression after platinum doublet and immunotherapy",
     "Patients with EGFR or ALK alterations: must have progressed on an approved TKI"),
    ("Participants lacking oncogenic drivers: progressed on chemo-immunotherapy",
     "Participants harbouring EGFR, ALK or ROS1 changes: received at least one approved targeted agent"),
    ("Those without actionable mutations (driver-negative): documented progression following a PD-(L)1 inhibitor",
     "Those with a known driver (e.g. KRAS G12C, BRAF V600E): have previously received matched targeted therapy"),
]


@pytest.mark.parametrize(("without", "with_"), PATHS)
def test_group_labelled_treatment_paths_set_no_marker_rule(without: str, with_: str) -> None:
    text = inc("Prior treatment for advanced disease as follows:") + f"  * {without}\n  * {with_}\n"
    for profile in (NO_DRIVER, EGFR_19, ALK, KRAS_G12C, UNTESTED):
        assert verdict(text, profile) == "eligible"


@pytest.mark.parametrize("line", [
    "Patients without driver alterations: PD-L1 TPS >= 50%",
    "Subjects lacking actionable alterations: PD-L1 tumour proportion score of at least 50%",
])
def test_a_group_label_followed_by_a_marker_level_is_read(line: str) -> None:
    # Near-miss: after the colon comes a marker rule, not a treatment history.
    text = inc(line)
    assert verdict(text, patient(pdl1=10)) != "eligible"  # the level is read (a question under the group label)
    assert verdict(text, NO_DRIVER) == "eligible"
