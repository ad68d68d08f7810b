"""A ban followed by its own NOTE sub-bullet that exempts another setting ("* Patient must not have received any prior
systemic therapy for advanced NSCLC / * NOTE: patients who received adjuvant chemotherapy ... are eligible if the last
dose was given >= 12 months prior"): the note is a sentence of its own (it was folded into the ban without a stop, and
its "eligible if ... 12 months" made the whole bullet a washout allowance: no rule at all). The ban stands for the
advanced setting.

"..., including durvalumab consolidation after chemoradiation" widens a ban to the stage III setting: it never narrows
the ban to that setting (which hedged every pembrolizumab-treated patient).
"""

from __future__ import annotations

from functools import partial

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile

_patient = partial(stage_iv_profile, id="p", age=59, tested_negative=["EGFR", "ALK"])
NAIVE = _patient()
CHEMO_IO = _patient(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)
NIVOLUMAB = _patient(prior_therapies=["nivolumab"], prior_lines=1)
TKI = _patient(prior_therapies=["osimertinib"], prior_lines=1)
DOUBLET = _patient(prior_therapies=["carboplatin", "pemetrexed"], prior_lines=1)


def verdict(profile: Profile, inclusion: str) -> str:
    trial = invented_trial(inclusion, "* Pregnancy", "A study of drug X in lung cancer")
    return str(prior_therapy.check(prior_therapy.parse(trial), profile).verdict)


NOTED = [
    "* Patient must not have received any prior systemic therapy for advanced NSCLC\n\n"
    "  * NOTE: Patients who received adjuvant chemotherapy for early stage disease are eligible if the last dose was "
    "given >= 12 months prior to randomization",
    "* No previous systemic treatment for metastatic disease\n\n"
    "  * Note: neoadjuvant or adjuvant platinum doublet is permitted if completed at least 6 months before enrolment",
    "* Participants must not have had any systemic anticancer therapy for recurrent or stage IV NSCLC\n\n"
    "  * NOTE: prior chemoradiation for stage III disease is acceptable if finished more than 12 months ago",
    "* No prior systemic therapy in the advanced setting\n\n"
    "  * N.B.: perioperative chemotherapy is allowed provided the last dose was >= 6 months before registration",
    "* Must be treatment-naive for advanced or metastatic disease\n\n"
    "  * NOTE: Patients treated with adjuvant cisplatin-based chemotherapy are eligible if it ended 12 months or more "
    "before study entry",
    "* Must not have received prior systemic therapy for locally advanced unresectable or metastatic NSCLC\n\n"
    "  * NOTE: adjuvant or neoadjuvant therapy for early stage disease is allowed if completed >= 12 months before",
]


@pytest.mark.parametrize("inclusion", NOTED)
def test_a_note_exempting_the_early_setting_keeps_the_ban(inclusion: str) -> None:
    assert verdict(CHEMO_IO, inclusion) == "excluded"
    assert verdict(TKI, inclusion) == "excluded"
    assert verdict(NAIVE, inclusion) == "eligible"


WIDENED = [
    "* Patient must not have received prior therapy with an anti-PD-1, anti-PD-L1 or anti-CTLA-4 agent, including "
    "durvalumab consolidation after chemoradiation",
    "* No prior PD-1 or PD-L1 inhibitor, including consolidation durvalumab following definitive chemoradiotherapy",
    "* No prior immune checkpoint inhibitor therapy, including durvalumab given after concurrent chemoradiation for "
    "stage III disease",
    "* No previous PD-1/PD-L1 blockade, including as maintenance after chemoradiotherapy",
    "* Must not have received anti-PD-1 or anti-PD-L1 antibodies, including consolidation after chemoradiation",
    "* No prior checkpoint blockade (PD-1, PD-L1), including durvalumab maintenance after chemoradiotherapy",
]


@pytest.mark.parametrize("inclusion", WIDENED)
def test_an_including_clause_widens_and_never_narrows(inclusion: str) -> None:
    assert verdict(CHEMO_IO, inclusion) == "excluded"
    assert verdict(NIVOLUMAB, inclusion) == "excluded"
    assert verdict(DOUBLET, inclusion) == "eligible"
    assert verdict(NAIVE, inclusion) == "eligible"


# Near-misses: a ban said of the early setting only keeps asking (a question for advanced-disease drugs).
def test_a_ban_of_the_adjuvant_setting_stays_narrow() -> None:
    assert verdict(NIVOLUMAB, "* No prior anti-PD-1 therapy in the adjuvant setting") == "unknown"
    assert verdict(DOUBLET, "* No prior anti-PD-1 therapy in the adjuvant setting") == "eligible"
