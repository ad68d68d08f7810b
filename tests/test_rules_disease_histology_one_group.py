"""Disease: a histology asked for by one arm, part or cohort only ("Arm C: no prior systemic therapy; non-squamous
histology") leaves the trial's other groups open, so it shuts no histology out of the trial: a squamous patient, or
one whose subtype is not given, may enrol in another group. Before, the limit was read as the whole trial's, with a
condition, and made both a question. A histology asked for by every patient still shuts the others out, and a
group's ask still widens a trial-wide one ("Non-squamous NSCLC" plus "Cohort B: squamous NSCLC": both taken). Where no
inclusion for everyone takes NSCLC of any histology (each cohort names its own disease), or the group is a marker's
("Patients with EGFR mutation must have adenocarcinoma"), the limit stays a question."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile

BASE = "* Histologically confirmed stage IV non-small cell lung cancer\n"


def verdict(inclusion: str, histology: str | None = "squamous") -> str:
    text = invented_trial(BASE + inclusion, "* Pregnancy\n", title="A multi-arm study of a drug in NSCLC")
    return str(disease.check(disease.parse(text), Profile(histology=histology, stage="IV")).verdict)


ONE_GROUP = [
    "* Arm C: no prior systemic therapy for advanced disease; non-squamous histology; any PD-L1 level.\n",
    "* Cohort 2 (drug + pemetrexed + carboplatin): participants with non-squamous NSCLC who are treatment-naive\n",
    "* Part B expansion: adenocarcinoma of the lung with a documented HER2 mutation\n",
    "* Sub-study H: patients with non-squamous histology and no prior systemic therapy\n",
    "* Arm 4 (with bevacizumab): non-squamous NSCLC only\n",
    "* Group D: predominantly adenocarcinoma histology, previously untreated\n",
]


@pytest.mark.parametrize("inclusion", ONE_GROUP)
@pytest.mark.parametrize("histology", ["squamous", None])
def test_one_groups_histology_shuts_no_one_out(inclusion: str, histology: str | None) -> None:
    assert verdict(inclusion, histology) == "eligible"


@pytest.mark.parametrize("inclusion", ONE_GROUP)
def test_the_asked_histology_stays_eligible(inclusion: str) -> None:
    assert verdict(inclusion, "adenocarcinoma") == "eligible"


NEAR = [
    ("* Non-squamous histology\n", "squamous", "excluded"),
    ("* Predominantly adenocarcinoma histology\n", "squamous", "excluded"),
    ("* Non-squamous NSCLC\n* Cohort B: squamous NSCLC after platinum\n", "squamous", "eligible"),
    ("* Non-squamous NSCLC\n* Cohort B: squamous NSCLC after platinum\n", "adenocarcinoma", "eligible"),
]


@pytest.mark.parametrize(("inclusion", "histology", "expected"), NEAR)
def test_near_misses_keep_their_verdict(inclusion: str, histology: str, expected: str) -> None:
    assert verdict(inclusion, histology) == expected


def test_cohorts_each_naming_their_disease_stay_a_question() -> None:
    text = invented_trial("* Cohort 1 (sarcoma): any histology\n* Cohort 2: non-squamous NSCLC\n", "* Pregnancy\n",
                          title="A study in NSCLC")
    assert str(disease.check(disease.parse(text), Profile(histology="squamous", stage="IV")).verdict) == "unknown"


def test_a_marker_groups_histology_stays_a_question() -> None:
    assert verdict("* Patients with EGFR mutation must have adenocarcinoma histology\n") == "unknown"


@pytest.mark.parametrize("inclusion", [
    "* Dose escalation: advanced solid tumour with a HER2 alteration after standard therapy\n"
    "* Dose expansion: metastatic non-squamous NSCLC with a HER2 mutation\n",
    "* Documented locally advanced or metastatic malignancy with a KRAS G12C mutation\n"
    "* Sub-protocol H: non-squamous NSCLC, no prior systemic therapy\n",
])
def test_another_group_or_any_cancer_leaves_the_histology_open(inclusion: str) -> None:
    text = invented_trial(inclusion, "* Pregnancy\n", title="A study")
    assert str(disease.check(disease.parse(text), Profile(histology="squamous", stage="IV")).verdict) == "eligible"
