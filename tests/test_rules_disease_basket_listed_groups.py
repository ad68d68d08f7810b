"""Disease: a basket whose groups or listed items are the cancers it takes, none of them lung cancer.

- labelled groups, one per cancer ("Cohort 1: metastatic colorectal cancer; Cohort 2: pancreatic ductal
  adenocarcinoma; Cohort 3: cholangiocarcinoma", or as sub-bullets of "Histologically confirmed advanced cancer:");
- items under a lead-in ("one of the following histologically confirmed cancers:" then a bullet per cancer);
- "any of these tumour types: a) gastric b) pancreatic c) biliary": "any of these" picks from a closed list.

Before, these read as open to NSCLC (the groups were each one group's rule). A group or item that opens the door
("other solid tumours with ...", "any advanced solid tumour", a dose-escalation part) or names the lung keeps NSCLC
in, as does a sentence for everyone naming a basket."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile


def verdict(inclusion: str, title: str = "A phase 1b study of XY-77 in advanced solid tumours",
            conditions: tuple[str, ...] = ("Solid Tumor",)) -> str:
    text = invented_trial(f"{inclusion}\n* ECOG performance status 0-1\n", "* Pregnancy\n", title=title,
                          conditions=conditions)
    return str(disease.check(disease.parse(text), Profile(histology="adenocarcinoma", stage="IV")).verdict)


CLOSED = [
    "* Cohort 1: metastatic colorectal cancer; Cohort 2: pancreatic ductal adenocarcinoma; Cohort 3: "
    "cholangiocarcinoma",
    "* Histologically confirmed advanced cancer:\n  * Cohort 1: HER2-positive gastric cancer\n  * Cohort 2: ovarian "
    "cancer\n  * Cohort 3: urothelial carcinoma",
    "* Cohort A: unresectable hepatocellular carcinoma\n* Cohort B: recurrent glioblastoma",
    "* Arm 1: triple-negative breast cancer after two lines\n* Arm 2: castration-resistant prostate cancer",
    "* Patients must have one of the following histologically confirmed cancers:\n  * Hepatocellular carcinoma\n"
    "  * Gastric cancer\n  * Mesothelioma",
    "* Advanced solid tumour of any of these tumour types: a) gastric b) pancreatic c) biliary",
    "* Part A: endometrial cancer; Part B: cervical cancer; Part C: head and neck squamous cell carcinoma",
]


@pytest.mark.parametrize("inclusion", CLOSED)
def test_groups_naming_other_cancers_only_exclude(inclusion: str) -> None:
    assert verdict(inclusion) == "excluded"


OPEN = [
    "* Cohort 1: gastric cancer; Cohort 2: NSCLC; Cohort 3: other solid tumours",
    "* Cohort A: advanced gastric cancer\n* Cohort B: solid tumour with HER2 amplification",
    "* Dose escalation: patients with advanced cancer refractory to standard therapy\n* Cohort 1: gastric cancer\n"
    "* Cohort 2: pancreatic cancer",
    "* Cohort 1: gastric cancer\n* Cohort 2: pancreatic cancer\n* Histologically confirmed advanced solid tumour",
    "* Histologically confirmed advanced cancer:\n  * Cohort 1: gastric cancer\n  * Cohort 2: any other solid tumour "
    "with an FGFR2 fusion",
    "* Tumour types: a) gastric b) pancreatic c) other solid tumours with HER2 amplification",
    "* Cohort 1: gastric cancer\n* Cohort 2: patients previously treated with a PD-1 inhibitor",
    "* Cohort 1: squamous lung cancer; Cohort 2: head and neck cancer",
]


@pytest.mark.parametrize("inclusion", OPEN)
def test_an_open_group_or_the_lung_keeps_nsclc(inclusion: str) -> None:
    assert verdict(inclusion) != "excluded"


def test_title_naming_lung_cancer_keeps_the_groups_open() -> None:
    inclusion = "* Cohort 1: gastric cancer\n* Cohort 2: pancreatic cancer"
    assert verdict(inclusion, title="XY-77 in lung, gastric and pancreatic cancer") != "excluded"


def test_one_group_alone_is_not_a_list() -> None:
    assert verdict("* Cohort 1: gastric cancer\n* Measurable disease per RECIST 1.1") == "eligible"
