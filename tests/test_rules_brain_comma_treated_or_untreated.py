"""Brain: a permission whose aside names both treatment states with a comma before the "or" ("Participants with brain
metastases are eligible if the metastases are asymptomatic (untreated, or treated and stable) ...") was read as
asking them to be treated: "untreated, or treated" was not seen as the "treated or untreated" that leaves the status
open, so an active patient (untreated; symptoms not given) was excluded. The comma joins the same two states: the
patient is a question (symptoms, stability, steroids). Near-misses: a ban of untreated ones, or a permission of
treated ones only, keeps excluding them. Invented sentences only."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain


@pytest.mark.parametrize("inclusion", [
    "Participants with brain metastases are eligible if the metastases are asymptomatic (untreated, or treated and "
    "stable) and they have not needed corticosteroids for at least 14 days before the first dose.",
    "Patients with CNS metastases may enroll provided the lesions are asymptomatic (untreated, or previously treated) "
    "and off steroids.",
    "Brain metastases are permitted if asymptomatic (treated, or untreated) and not requiring dexamethasone.",
    "Subjects with brain metastases are eligible if the metastases are asymptomatic, untreated, or irradiated and "
    "stable for 4 weeks.",
    "Participants with known brain metastases may participate if they are neurologically asymptomatic (non-treated, "
    "or treated and stable) and have not required steroids within 2 weeks before randomization.",
])
def test_both_treatment_states_named_with_a_comma_leave_the_status_open(inclusion: str) -> None:
    none, treated, active, unknown = brain(inclusion=inclusion)
    assert (none, treated, active, unknown) == (EL, EL, UN, UN)


@pytest.mark.parametrize(("inclusion", "exclusion", "active"), [
    # a comma inside the treatment's own aside names no untreated state
    ("Participants with brain metastases are eligible if the metastases were treated (surgery, or radiotherapy) and "
     "are stable.", "", EX),
    # only treated ones are let in
    ("Brain metastases are allowed only if treated and stable.", "", EX),
    ("Patients with brain metastases are eligible if they have been treated with radiotherapy and are stable.", "",
     EX),
    # an exclusion of active ones stays one
    ("", "Active brain metastases (untreated, or progressing after local therapy).", EX),
    ("", "Symptomatic brain metastases, treated or untreated.", UN),
    # a time window after the treated state: two states the ban lists, not the status left open
    ("", "Brain metastases: untreated, or irradiated within the last 3 weeks.", EX),
    ("", "CNS metastases that are untreated, or treated less than 14 days before the first dose.", EX),
])
def test_a_ban_of_untreated_ones_still_excludes(inclusion: str, exclusion: str, active: str) -> None:
    assert brain(inclusion=inclusion, exclusion=exclusion)[2] == active
