"""A title's rule on earlier treatment is a question, not an exclusion, when the criteria speak of earlier treatment.

A title is a summary whose scope a reader cannot check. Sealed sets of real trials showed the kinds: the treatment a
title names is the study's own ("Local Therapy After Nivolumab and Ipilimumab"), it is another disease's line
("First-Line ... in Pleural Mesothelioma"), or the title says loosely what the criteria say exactly ("Who Have Not
Been Treated With a TKI" over criteria that allow a chemotherapy line). The criteria decide; a title decides alone
only when the criteria are silent, and a named class ("TKI-naive") or a floor beside a ceiling still stands.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.invented import invented_trial
from tests.prior_therapy_cases import BASE, prior_verdict
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import profile_from_dict

NAIVE: dict[str, Any] = {"prior_therapies": [], "prior_lines": 0}
CHEMO_IO: dict[str, Any] = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}
TKI_LINE: dict[str, Any] = {"prior_therapies": ["osimertinib"], "prior_lines": 1,
                            "biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}]}

# (title, a criteria sentence on earlier treatment that does not say what the title seems to, patient)
TITLE_OVER_CRITERIA = [
    # the title names the study's own first step
    ("Consolidative Radiotherapy After Nivolumab Plus Ipilimumab in Immunotherapy-naive Metastatic NSCLC",
     "Patients must be immunotherapy-naive; prior chemotherapy for metastatic disease is allowed", TKI_LINE),
    ("Consolidation Radiotherapy After Durvalumab Plus Tremelimumab in Immunotherapy-naive NSCLC",
     "Patients must not have received prior anti-PD-1 or anti-PD-L1 therapy", TKI_LINE),
    ("Surgery After Neoadjuvant Nivolumab and Chemotherapy in Stage IV Oligometastatic NSCLC",
     "No prior immune checkpoint inhibitor", TKI_LINE),
    # the title's line belongs to another disease
    ("Pembrolizumab as First-line Treatment for Advanced Pleural Mesothelioma: a Phase 2 Study",
     "No prior systemic chemotherapy or immunotherapy for mesothelioma", TKI_LINE),
    ("First-line Chemo-immunotherapy for Thymic Carcinoma", "No prior chemotherapy for thymic carcinoma", CHEMO_IO),
    ("Chemotherapy as First-line Treatment of Thymic Epithelial Tumours",
     "No prior chemotherapy for thymoma or thymic carcinoma", TKI_LINE),
    # the title says loosely what the criteria say exactly (a TKI line is no chemotherapy or immunotherapy)
    ("A Study of Drug C as First-line Therapy in Advanced NSCLC",
     "No prior chemotherapy or immunotherapy for advanced disease.", TKI_LINE),
]


@pytest.mark.parametrize(("title", "sentence", "patient"), TITLE_OVER_CRITERIA)
def test_a_title_is_a_question_when_the_criteria_speak(title: str, sentence: str, patient: dict[str, Any]) -> None:
    assert prior_verdict(patient, [sentence], title=title) == "unknown"


@pytest.mark.parametrize(("title", "patient"), [
    ("A Study of Drug C as First-line Therapy in Advanced NSCLC", TKI_LINE),
    ("Durvalumab Plus Chemotherapy as First-Line Treatment in Advanced NSCLC", CHEMO_IO),
    ("Drug D in Previously Treated Advanced NSCLC", NAIVE),
])
def test_a_title_alone_still_decides_when_the_criteria_are_silent(title: str, patient: dict[str, Any]) -> None:
    assert prior_verdict(patient, ["Stage IV NSCLC"], title=title) == "excluded"


@pytest.mark.parametrize(("title", "sentence", "patient"), [
    ("Drug E in Chemotherapy-naive Advanced NSCLC", "No prior EGFR TKI", CHEMO_IO),
    ("Drug F in TKI-naive EGFR-mutant NSCLC", "At most one prior line of chemotherapy", TKI_LINE),
])
def test_a_named_class_in_a_title_still_bans(title: str, sentence: str, patient: dict[str, Any]) -> None:
    # "X-naive" names exactly what is barred; no scope is left to guess.
    assert prior_verdict(patient, ["Stage IV NSCLC"], [sentence], title=title) == "excluded"


def test_the_criteria_still_exclude_under_a_softened_title() -> None:
    # Softening the title's rule never softens the criteria's own.
    title = "A Study of Drug G as First-line Therapy in Advanced NSCLC"
    assert prior_verdict(CHEMO_IO, ["No prior systemic therapy for advanced disease"], title=title) == "excluded"


def test_a_title_question_says_the_title_is_its_source() -> None:
    # The patient reads why it is a question: the title, not a way in the criteria leave open.
    text = invented_trial("* No prior chemotherapy or immunotherapy for advanced disease.\n", "* Pregnancy\n",
                          title="A Study of Drug C as First-line Therapy in Advanced NSCLC")
    found = prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**BASE, **TKI_LINE}))
    assert found.verdict == "unknown"
    assert "title" in found.reason
    assert "declining" not in found.reason
