""""Either treatment-naive (i.e., no prior systemic therapy in the metastatic setting) or have received one prior
line ... . The prior line must have consisted of:" over sub-bullets ("Platinum-based chemotherapy, or" /
"Anti-PD-1/PD-L1 inhibitor given alone, or" / ...) is a disjunction: the untreated patient fits the first way, the
patient with one line fits the second when that line held one of the items. Only the first way had been kept (every
pretreated patient excluded, a false exclusion), because the aside in brackets hid the "or" from the count.

Near-misses: two lines are still too many; a line of none of the items is excluded when every item is a known
treatment; without a colon list the count alone (0-1 lines) decides.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

NAIVE = stage_iv_profile()
CHEMO_IO = stage_iv_profile(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)
CHEMO = stage_iv_profile(prior_therapies=["cisplatin", "gemcitabine"], prior_lines=1)
TKI = stage_iv_profile(biomarkers=[{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                       prior_therapies=["osimertinib"], prior_lines=1)
TWO_LINES = stage_iv_profile(prior_therapies=["carboplatin", "paclitaxel", "docetaxel"], prior_lines=2)


def verdict(profile: Profile, inclusion: str) -> str:
    rules = prior_therapy.parse(invented_trial(f"* Stage IV NSCLC\n{inclusion}", "* Pregnancy",
                                               "Drug W in advanced NSCLC"))
    return str(prior_therapy.check(rules, profile).verdict)


CASES = [
    "* Patients are either treatment-naive (i.e., no prior systemic therapy in the metastatic setting) or have"
    " received one prior line of treatment in the metastatic setting. The prior line must have consisted of:\n"
    "  * Platinum-based chemotherapy, or\n  * Anti-PD-1/PD-L1 inhibitor given alone, or\n"
    "  * Platinum-based chemotherapy in combination with an anti-PD-1/PD-L1 inhibitor.\n",
    "* Participants must be either therapy-naive (no earlier systemic treatment for advanced disease) or have had"
    " one prior line of therapy for advanced disease. This line should have included:\n"
    "  * a platinum doublet, or\n  * pembrolizumab, nivolumab or atezolizumab monotherapy\n",
    "* Subjects are either previously untreated (e.g. no systemic therapy for recurrent disease) or have received"
    " a single prior line of systemic therapy. The prior regimen must have comprised:\n"
    "  * Cisplatin- or carboplatin-based chemotherapy, or\n  * an immune checkpoint inhibitor, or\n"
    "  * both combined.\n",
    "* Patients are either treatment naïve (i.e., have not received systemic therapy for stage IV disease) or have"
    " received one prior line of treatment for stage IV disease. The prior line must have been:\n"
    "  * platinum-based chemotherapy, or\n  * an anti-PD-1 or anti-PD-L1 antibody, or\n"
    "  * chemoimmunotherapy (platinum plus anti-PD-1/PD-L1)\n",
    "* Patients are either systemic therapy-naive (i.e., no prior systemic therapy in the metastatic setting) or have"
    " received one prior line of therapy in the metastatic setting. The prior line must have consisted of:\n"
    "  * Platinum-based chemotherapy, or\n  * Anti-PD-1/PD-L1 inhibitor given alone\n",
    "* Patients are either treatment-naive (i.e. no earlier anticancer treatment for metastatic NSCLC) or have"
    " received one prior line of treatment for metastatic NSCLC. The prior line must have consisted of:\n"
    "  * Platinum-based chemotherapy, or\n  * Platinum-based chemotherapy in combination with an anti-PD-1/PD-L1"
    " inhibitor\n",
]


@pytest.mark.parametrize("inclusion", CASES)
def test_untreated_and_one_listed_line_both_fit(inclusion: str) -> None:
    assert verdict(NAIVE, inclusion) == "eligible"
    assert verdict(CHEMO_IO, inclusion) == "eligible"
    assert verdict(CHEMO, inclusion) == "eligible"


@pytest.mark.parametrize("inclusion", CASES)
def test_two_lines_are_too_many(inclusion: str) -> None:
    assert verdict(TWO_LINES, inclusion) == "excluded"


@pytest.mark.parametrize("inclusion", CASES)
def test_a_line_outside_the_list_is_never_eligible(inclusion: str) -> None:
    assert verdict(TKI, inclusion) != "eligible"


def test_known_list_excludes_a_targeted_only_line() -> None:
    assert verdict(TKI, CASES[0]) == "excluded"


def test_without_a_list_the_count_decides() -> None:
    inclusion = ("* Patients are either treatment-naive (i.e., no prior systemic therapy in the metastatic setting)"
                 " or have received one prior line of treatment in the metastatic setting.\n")
    assert verdict(NAIVE, inclusion) == "eligible"
    assert verdict(TKI, inclusion) == "eligible"
    assert verdict(TWO_LINES, inclusion) == "excluded"
