""""Patients with [named genes]-altered tumours must have received targeted therapy for that alteration" is met by a
drug aimed at the patient's gene even when it is a multi-target TKI with no approval for that finding (crizotinib for a
MET amplification), read from the drug vocabulary's gene targets. A patient with no drug aimed at the gene stays a
question; so does "therapy approved for the participant's alteration" when the sentence names no gene."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import one_bullet_verdict as _verdict
from trialmatch.matching.profile import profile_from_dict


def _profile(drugs: list[str], gene: str, kind: str) -> Any:
    return profile_from_dict({"id": f"mt-{drugs}-{gene}", "age": 60, "histology": "adenocarcinoma", "stage": "IV",
                              "ecog": 1, "biomarkers": [{"gene": gene, "alteration": kind}],
                              "tested_negative": ["EGFR", "ALK", "ROS1"], "prior_therapies": drugs, "prior_lines": 2})


MET_AMP_CRIZOTINIB = _profile(["carboplatin", "pemetrexed", "crizotinib"], "MET", "amplification")
MET_AMP_CABOZANTINIB = _profile(["cisplatin", "gemcitabine", "cabozantinib"], "MET", "amplification")
MET_AMP_CHEMO = _profile(["carboplatin", "pemetrexed", "docetaxel"], "MET", "amplification")

SENTENCES = [
    "Patients with EGFR-, ALK-, ROS1-, BRAF-, MET-, RET-altered tumors must have received at least one FDA-approved "
    "targeted therapy for that alteration",
    "Patients whose tumors harbor EGFR, ALK, MET or other targetable alterations must have progressed on or been "
    "intolerant of at least one appropriate targeted agent",
    "Participants with a known MET or ROS1 alteration must have received prior targeted therapy for that alteration",
    "Subjects with tumours carrying ALK, MET or RET alterations must have had at least one targeted therapy "
    "directed at the alteration",
    "If the tumour harbours an ALK, ROS1 or MET alteration, treatment with a matching targeted agent is required",
    "Patients with EGFR, ALK, ROS1 or MET alterations must have progressed after targeted therapy for that driver",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_multi_target_drug_aimed_at_the_gene_counts(text: str) -> None:
    assert _verdict(text, MET_AMP_CRIZOTINIB) == "eligible"
    assert _verdict(text, MET_AMP_CABOZANTINIB) == "eligible"


@pytest.mark.parametrize("text", SENTENCES)
def test_no_drug_aimed_at_the_gene_is_not_eligible(text: str) -> None:
    assert _verdict(text, MET_AMP_CHEMO) != "eligible"


# Near-miss: no gene named, "approved for the participant's alteration": crizotinib has no approval for a MET
# amplification, so still a question.
def test_unnamed_gene_approved_therapy_stays_a_question() -> None:
    text = ("Patients with actionable genomic alterations must have received targeted therapy that is approved for "
            "the participant's genomic alteration")
    assert _verdict(text, MET_AMP_CRIZOTINIB) == "unknown"
