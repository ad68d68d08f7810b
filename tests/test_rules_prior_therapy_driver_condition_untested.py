"""A rule for the patients who have a driver ("Patients with actionable alterations must have received targeted
therapy for it") lets a patient without a known driver through, and its reason must not claim results a patient
does not have: an untested patient is told testing may change the answer."""

from __future__ import annotations

import pytest

from tests.invented import invented_trial
from tests.prior_therapy_cases import BASE, FULL_PANEL
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import profile_from_dict


@pytest.mark.parametrize("line", [
    "Patients with actionable genomic alterations must have received prior targeted therapy for that alteration.",
    "Participants whose tumours harbour an EGFR mutation or ALK rearrangement must have progressed on an approved "
    "tyrosine kinase inhibitor.",
    "Subjects with a known targetable driver alteration must have received at least one approved targeted agent.",
])
@pytest.mark.parametrize(("negative", "untested"), [([], True), (FULL_PANEL, False)])
def test_a_driver_condition_reason_fits_what_the_patient_was_tested_for(line: str, negative: list[str],
                                                                        untested: bool) -> None:
    text = invented_trial(f"* Stage IV NSCLC\n* {line}\n", "* Pregnancy\n")
    patient = profile_from_dict({**BASE, "prior_therapies": [], "prior_lines": 0, "tested_negative": negative})
    finding = prior_therapy.check(prior_therapy.parse(text), patient)
    assert finding.verdict == "eligible"
    assert ("no test results" in finding.reason) is untested
