"""A trial of two or more other cancers ("renal cell carcinoma and ovarian tumours") whose rule names ONE of them as a
group ("RCC subjects must have received at least one prior anti-PD-1/PD-L1 and a VEGF-targeting TKI") states that
group's rule: an NSCLC patient is in neither group and is not held to it. Session 26's own-cancer setting (a required
therapy "for [the trial's only cancer]") took it as the whole trial's setting, and every pretreated NSCLC profile was
excluded (a false exclusion on set T's renal/ovarian trial, where the trial-wide "relapsed/refractory to standard
treatment" is what the label reads). A trial of that one cancer only keeps the own-cancer setting.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import prior_verdict

_TREATED = {"prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1}

# (group rule, title, conditions): the rule names one of the trial's cancers
CASES = [
    ("RCC subjects must have received at least one prior anti-PD-1/PD-L1 and at least one prior VEGF-targeting TKI",
     "Drug Q in Advanced Renal Cell Carcinoma and Ovarian Tumors", ["Renal Cell Carcinoma", "Ovarian Cancer"]),
    ("Participants with melanoma must have progressed on prior nivolumab or pembrolizumab",
     "First-in-human Study of Z in Melanoma and Hepatocellular Carcinoma", ["Melanoma", "Hepatocellular Carcinoma"]),
    ("Breast cancer patients must have received prior trastuzumab and a taxane",
     "A Phase 1 Trial of R in Breast and Gastric Cancer", ["Breast Cancer", "Gastric Cancer"]),
    ("Patients with hepatocellular carcinoma must have received prior sorafenib or lenvatinib",
     "Study of K in Hepatocellular Carcinoma and Renal Cell Carcinoma",
     ["Hepatocellular Carcinoma", "Renal Cell Carcinoma"]),
    ("Ovarian cancer subjects must be platinum-resistant and must have received prior bevacizumab",
     "W in Renal Cell Carcinoma and Ovarian Cancer", ["Ovarian Cancer", "Kidney Cancer"]),
    ("Subjects with SCLC must have received at least one prior platinum-based regimen",
     "Drug V in Small Cell Lung Cancer and Melanoma", ["Small Cell Lung Cancer", "Melanoma"]),
]


@pytest.mark.parametrize(("sentence", "title", "conditions"), CASES)
def test_one_of_the_trials_cancers_names_a_group(sentence: str, title: str, conditions: list[str]) -> None:
    assert prior_verdict(_TREATED, [sentence], title=title, conditions=conditions) != "excluded"


@pytest.mark.parametrize(("sentence", "title", "conditions"), CASES)
def test_near_miss_a_trial_of_that_cancer_only_keeps_the_setting(sentence: str, title: str,
                                                                 conditions: list[str]) -> None:
    # the named cancer is the whole trial's: the requirement is its setting, never met without the drugs
    only = conditions[0]
    naive = {"prior_therapies": [], "prior_lines": 0}
    assert prior_verdict(naive, [sentence], title=f"A Study of Drug X in {only}", conditions=[only]) == "excluded"
