"""A required therapy that ends "for [cancer]" in a trial whose title and conditions name that cancer only ("at least
one prior platinum line ... for ES-SCLC" in an ES-SCLC trial) names the setting of the therapy, not another group of
the trial: the whole trial is that cancer's. No NSCLC history is treatment for it, so the requirement is not met, even
by a patient who had the drug (for NSCLC): excluded (set M/J label convention). Before, it read as "another group's
rule", and every patient was eligible. Bans ("No prior systemic treatment for ES-SCLC": an NSCLC patient's treatment was
not for it) and a group named by its past treatment ("Participants treated previously for limited-stage SCLC must ...")
keep the other-group reading, and so does a basket that names NSCLC, lung or solid tumours beside the other cancer.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict


def _had(*drugs: str) -> dict[str, object]:
    return {"prior_therapies": list(drugs), "prior_lines": 1 if drugs else 0}


# (requirement, title, condition, a patient who had the required drug, one who had something else)
CASES = [
    ("Has received at least one prior line of platinum-based chemotherapy and no more than two prior lines of "
     "systemic therapy for ES-SCLC.", "Drug X in Extensive-Stage Small Cell Lung Cancer", "Small Cell Lung Cancer",
     _had("carboplatin", "etoposide"), _had("osimertinib")),
    ("Progressed after one prior platinum-containing regimen given for extensive-stage disease",
     "A Phase 2 Study of Y in Relapsed Small-Cell Lung Carcinoma", "SCLC",
     _had("cisplatin", "etoposide"), _had("capmatinib")),
    ("Must have received prior trastuzumab for metastatic breast cancer", "Drug R in HER2-positive Breast Cancer",
     "Breast Cancer", _had("trastuzumab"), _had("selpercatinib")),
    ("Participants must have received prior sorafenib for unresectable hepatocellular carcinoma",
     "Second-line Study of Q in Hepatocellular Carcinoma", "Hepatocellular Carcinoma",
     _had("sorafenib"), _had("gefitinib")),
    ("Prior anti-PD-1 therapy for metastatic melanoma is required (nivolumab or pembrolizumab)",
     "W After PD-1 Failure in Melanoma", "Melanoma", _had("nivolumab"), _had("docetaxel")),
    ("Received at least 1 line of platinum chemotherapy for recurrent small cell lung cancer",
     "Trial of V in Small Cell Lung Cancer", "Small Cell Lung Carcinoma",
     _had("carboplatin"), _had("erlotinib")),
]


@pytest.mark.parametrize(("sentence", "title", "condition", "had", "other"), CASES)
def test_the_trials_own_cancer_is_the_setting(sentence: str, title: str, condition: str, had: dict,
                                               other: dict) -> None:
    assert prior_verdict(other, [sentence], title=title, conditions=[condition]) == "excluded"
    assert prior_verdict(had, [sentence], title=title, conditions=[condition]) == "excluded"
    assert prior_verdict(_had(), [sentence], title=title, conditions=[condition]) == "excluded"


# (ban or conditional group rule, title, condition, a patient it must not exclude)
KEPT = [
    ("No prior systemic treatment for ES-SCLC", "Drug X in Extensive-Stage Small Cell Lung Cancer",
     "Small Cell Lung Cancer", _had("osimertinib")),
    ("Participants treated previously for limited-stage SCLC with chemoradiotherapy must have had a treatment-free "
     "interval of at least 6 months since the last chemotherapy", "Drug Y in Extensive-Stage SCLC", "SCLC", _had()),
    ("Patients previously treated for localized melanoma with adjuvant nivolumab must have completed it 6 months "
     "before enrolment", "W in Advanced Melanoma", "Melanoma", _had("gefitinib")),
]


@pytest.mark.parametrize(("sentence", "title", "condition", "patient"), KEPT)
def test_near_miss_ban_or_group_keeps_the_other_group_reading(sentence: str, title: str, condition: str,
                                                              patient: dict) -> None:
    assert prior_verdict(patient, [sentence], title=title, conditions=[condition]) != "excluded"


@pytest.mark.parametrize(("sentence", "title", "condition", "had", "other"), CASES)
def test_near_miss_basket_with_nsclc_keeps_the_group(sentence: str, title: str, condition: str, had: dict,
                                                     other: dict) -> None:
    # a trial that names NSCLC (or solid tumours) too: the other cancer's rule is its cohort's, not the patient's
    assert prior_verdict(other, [sentence], title=f"{title} and Non-Small Cell Lung Cancer",
                         conditions=[condition, "Non-small Cell Lung Cancer"]) != "excluded"


def test_near_miss_another_cancer_than_the_trials() -> None:
    # an SCLC trial's rule about a melanoma treatment stays another group's (not the trial's own cancer)
    sentence = "Prior ipilimumab for metastatic melanoma is required"
    assert prior_verdict(_had("docetaxel"), [sentence], title="Drug X in Small Cell Lung Cancer",
                         conditions=["Small Cell Lung Cancer"]) != "excluded"
