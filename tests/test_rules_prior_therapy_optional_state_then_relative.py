"""Prior therapy: "NSCLC with or without brain metastases that progressed on selpercatinib" makes the metastases
optional, not the drug. The "with or without" span (an optional partner: "pembrolizumab with or without chemotherapy")
ran to the clause's end and swallowed the relative clause with the drug, so the requirement was lost and an untreated
patient was eligible. The span now stops at a relative pronoun (that / which / who / whose); an optional partner drug
before one stays optional."""

from __future__ import annotations

import pytest
from prior_therapy_cases import one_bullet_verdict, stage_iv_profile

RET = [{"gene": "RET", "alteration": "fusion"}]
NAIVE = stage_iv_profile(biomarkers=RET)
AFTER_SELPERCATINIB = stage_iv_profile(biomarkers=RET, prior_therapies=["selpercatinib"], prior_lines=1)

STATE_THEN_DRUG = [
    "RET fusion-positive NSCLC with/without CNS involvement that progressed on selpercatinib",
    "RET fusion-positive NSCLC with or without brain metastases that progressed on selpercatinib or pralsetinib",
    "RET-rearranged NSCLC with or without measurable CNS disease which progressed after a selective RET inhibitor",
    "Patients with RET fusion-positive NSCLC with or without T790M who progressed on selpercatinib",
    "Advanced RET fusion NSCLC with or without leptomeningeal spread, whose disease progressed on selpercatinib",
    "RET fusion-positive disease ± bone metastases that has progressed on selpercatinib or pralsetinib",
]


@pytest.mark.parametrize("sentence", STATE_THEN_DRUG)
def test_the_drug_after_an_optional_state_is_required(sentence: str) -> None:
    assert one_bullet_verdict(sentence, NAIVE) == "excluded"
    assert one_bullet_verdict(sentence, AFTER_SELPERCATINIB) == "eligible"


@pytest.mark.parametrize("sentence", [
    "RET fusion-positive NSCLC with or without prior selpercatinib",
    "Stage IV RET fusion-positive NSCLC, treatment-naive or pretreated with or without selpercatinib",
])
def test_an_optional_drug_stays_optional(sentence: str) -> None:
    assert one_bullet_verdict(sentence, NAIVE) != "excluded"
