"""A bracket of examples after a line or regimen of therapy ("Has received first-line therapy (including chemotherapy,
immunotherapy, chemotherapy combined with targeted therapy, etc.)", "at least one prior line of systemic therapy
(e.g., chemotherapy or immunotherapy)"): the classes in it illustrate the line. They were read as the only
treatment that counts, so a patient whose first line was a TKI was excluded. Now the line is asked (any systemic
therapy). Near-misses keep their reading: "(including a platinum-based doublet)" with no "etc." says what the
regimens must include, and a class named outside the bracket is still asked.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile


def _patient(drugs: list[str], lines: int) -> Profile:
    return stage_iv_profile(age=66, biomarkers=[{"gene": "KRAS", "alteration": "G12V"}],
                            tested_negative=["EGFR", "ALK", "ROS1"], pdl1_tps=1,
                            prior_therapies=drugs, prior_lines=lines)


OTHER_LINE = _patient(["bevacizumab", "vinorelbine"], 1)
NAIVE = _patient([], 0)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(f"* Stage IV NSCLC\n* {inclusion}\n", "* Pregnancy",
                                               "A study of drug X in NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


EXAMPLES = [
    "Has received first-line therapy (including platinum doublet, immunotherapy, chemotherapy combined with "
    "immunotherapy, etc.), with stable disease",
    "Received at least one prior line of systemic therapy (e.g., platinum chemotherapy or immunotherapy) for "
    "advanced disease",
    "Received one prior regimen for metastatic disease (including cisplatin, PD-1 inhibitors, etc.)",
    "Progressed on at least 1 line of treatment (such as docetaxel or an anti-PD-L1 antibody) in the metastatic "
    "setting",
    "Must have had a first-line regimen (for example pembrolizumab, or carboplatin with pemetrexed) for stage IV "
    "disease",
    "Has progressed after at least one prior line of anticancer therapy (eg, carboplatin-based chemotherapy, immune "
    "checkpoint inhibitors, etc) for advanced NSCLC",
]


@pytest.mark.parametrize("inclusion", EXAMPLES)
def test_examples_of_a_line_are_not_the_only_line_that_counts(inclusion: str) -> None:
    assert verdict(OTHER_LINE, inclusion) != "excluded"
    assert verdict(NAIVE, inclusion) == "excluded"


def test_near_miss_what_the_regimens_must_include_is_still_asked() -> None:
    inclusion = "Received at least one, and no more than two, prior regimens (including a platinum-based doublet)"
    assert verdict(OTHER_LINE, inclusion) == "excluded"


def test_near_miss_a_class_named_before_the_bracket_is_still_asked() -> None:
    inclusion = "Received at least one prior line of platinum-based chemotherapy (e.g., cisplatin or carboplatin)"
    assert verdict(OTHER_LINE, inclusion) == "excluded"
