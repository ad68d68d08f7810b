"""Disease rules on one kind of wording, with invented sentences and near misses: a squamous exclusion limited to a
location or feature the profile does not give ("central squamous cell carcinoma", "squamous NSCLC with cavitation",
"squamous tumours invading major blood vessels", "squamous carcinoma along with haemoptysis") is a question for a
squamous patient (a bleeding risk to ask the doctor about), not a histology exclusion. A bare squamous exclusion
still shuts squamous out.
"""

from __future__ import annotations

import pytest
from disease_cases import EL, EX, UN, trial, verdicts

INCLUSION = "* Histologically confirmed stage IV non-small cell lung cancer"

QUALIFIED = {
    "central-before": "* Radiologically confirmed central squamous cell carcinoma of the lung.",
    "centrally-located": "* Centrally located squamous NSCLC",
    "central-after": "* Squamous cell carcinoma located centrally, close to the main bronchus",
    "with-cavitation": "* Squamous cell lung cancer with cavitation on baseline CT",
    "along-with-cavity": ("* Central lung squamous carcinoma along with a cavity, or NSCLC along with haemoptysis "
                          "(> 2.5 ml per day)"),
    "invading-vessels": "* Squamous NSCLC invading or abutting major blood vessels",
    "with-hemoptysis": "* Squamous cell carcinoma with ongoing hemoptysis of more than half a teaspoon a day",
}
BARE = {  # near misses: squamous itself is shut out
    "bare-histology": "* Squamous cell histology",
    "squamous-nsclc": "* Patients with squamous NSCLC",
    "cns-is-not-central": "* Squamous cell carcinoma or central nervous system metastases",
    "feature-in-another-sentence": "* Squamous NSCLC. Tumour cavitation on CT is allowed.",
}


@pytest.mark.parametrize("exclusion", QUALIFIED.values(), ids=QUALIFIED.keys())
def test_a_squamous_exclusion_limited_to_a_site_or_feature_is_a_question(exclusion: str) -> None:
    adeno, squamous, large, nos = verdicts(trial(INCLUSION, exclusion))
    assert (adeno, squamous, large) == (EL, UN, EL)
    assert nos != EX


@pytest.mark.parametrize("exclusion", BARE.values(), ids=BARE.keys())
def test_a_bare_squamous_exclusion_still_excludes(exclusion: str) -> None:
    adeno, squamous, large, _ = verdicts(trial(INCLUSION, exclusion))
    assert (adeno, squamous, large) == (EL, EX, EL)
