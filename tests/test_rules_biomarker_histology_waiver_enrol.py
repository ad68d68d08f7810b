"""A testing waiver for one histology written as enrolment ("squamous patients with unknown status can be enrolled",
"Patients with squamous histology and untested EGFR are eligible"): it spares untested squamous patients only.
Before, the "unknown status ... can be enrolled" wording was read as "no test needed" for everyone, so an untested
adenocarcinoma or NOS patient was let in past a marker ban.

Every sentence is invented.
"""

from __future__ import annotations

import pytest
from biomarker_cases import ALK, KRAS_G12C, inc, patient, verdict

SQUAMOUS_UNTESTED = patient(histology="squamous", negative=[])
ADENO_UNTESTED = patient(histology="adenocarcinoma", negative=[])
NOS_UNTESTED = patient(histology="nsclc-nos", negative=[])

HISTOLOGY_WAIVERS = [
    "EGFR sensitising mutation, ALK fusion and ROS1 fusion negative (non-squamous patients must have gene testing; "
    "squamous patients with unknown status can be enrolled);",
    "No EGFR mutation or ALK fusion; patients with squamous histology and unknown EGFR status are eligible",
    "EGFR and ALK wild-type. Untested status is acceptable for patients with squamous NSCLC",
    "EGFR and ALK wild-type (squamous cell carcinoma patients without genetic testing may participate)",
    "Negative for EGFR and ALK; never-smokers with squamous histology and missing EGFR results can be included",
    "EGFR/ALK/ROS1 negative. Squamous NSCLC subjects whose driver status is undetermined are allowed to enrol",
]


@pytest.mark.parametrize("sentence", HISTOLOGY_WAIVERS)
def test_the_waiver_spares_untested_squamous_patients_only(sentence: str) -> None:
    text = inc(sentence)
    assert verdict(text, SQUAMOUS_UNTESTED) == "eligible"
    assert verdict(text, ADENO_UNTESTED) == "unknown"
    assert verdict(text, NOS_UNTESTED) == "unknown"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, KRAS_G12C) == "eligible"


# ---- near-misses ---------------------------------------------------------------------------------------------------

def test_a_waiver_for_everyone_still_lets_every_untested_patient_in() -> None:
    text = inc("EGFR and ALK wild-type; patients with unknown status can be enrolled")
    assert verdict(text, ADENO_UNTESTED) == "eligible"
    assert verdict(text, NOS_UNTESTED) == "eligible"


def test_no_waiver_leaves_every_untested_patient_a_question() -> None:
    text = inc("EGFR and ALK wild-type")
    assert verdict(text, SQUAMOUS_UNTESTED) == "unknown"
    assert verdict(text, ADENO_UNTESTED) == "unknown"


def test_a_non_squamous_waiver_is_not_a_squamous_one() -> None:
    text = inc("EGFR and ALK wild-type; non-squamous patients with unknown status can be enrolled")
    assert verdict(text, ADENO_UNTESTED) == "eligible"
