"""Criteria for a LATER step of the study (reader/steps.py) are no entry rules, in any dimension.

"STEP 2: REGISTRATION (AT FIRST PROGRESSION)" over "* ECOG 0, 1 or 2", a bullet "For randomization to maintenance:
patients must have completed 4 cycles of X induction ...", "Maintenance phase:" after "Induction phase:": rules on
patients already on study. Their wider ECOG range does not widen the entry limit, and the treatment they name is given
on study, so it is no earlier treatment to ask for. A title's "Following Induction Treatment With X" is the study's own
first step when the criteria ask for no earlier treatment. Near-misses keep their verdict: "Step 1" / "Randomization:"
as the entry step, "prior to randomization" as an ordinary time window, a maintenance trial that enrols after
first-line treatment given elsewhere.
"""

from __future__ import annotations

import pytest
from invented import invented_trial

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.rules import performance_status, prior_therapy
from trialmatch.criteria.rules.reader.steps import heading_step, later_prefix
from trialmatch.criteria.text import split_criteria
from trialmatch.matching.profile import Profile

NAIVE = stage_iv_profile(id="naive", tested_negative=["EGFR", "ALK", "ROS1"], pdl1_tps=10)
ECOG2 = stage_iv_profile(id="ecog2", ecog=2)
CHEMO = stage_iv_profile(id="chemo", prior_therapies=["carboplatin", "pemetrexed"], prior_lines=1)


def _prior(profile: Profile, inclusion: str, title: str = "A study of drug X in advanced NSCLC") -> str:
    rules = prior_therapy.parse(invented_trial(inclusion, "* Pregnancy", title))
    return str(prior_therapy.check(rules, profile).verdict)


def _ps(profile: Profile, inclusion: str) -> str:
    rules = performance_status.parse(invented_trial(inclusion, "* Pregnancy"))
    return str(performance_status.check(rules, profile).verdict)


# Every slot varied: the step's name (numbered step, second registration, re-randomization, maintenance after an
# induction heading), its layout (a bullet heading, a plain heading, a heading with sub-bullets), the wider range.
LATER_PS = [
    "* STEP 1: REGISTRATION\n* Stage IV NSCLC\n* ECOG performance status 0-1\n"
    "* STEP 2: REGISTRATION (ARM B ONLY, AT PROGRESSION)\n* ECOG performance status of 0, 1 or 2\n",
    "* Stage IV NSCLC\n* ECOG 0 or 1\n* Step 2 (crossover at progression)\n* Zubrod performance status 0-2\n",
    "* Advanced NSCLC\n* WHO performance status 0-1\n\nSecond registration (after 4 cycles):\n\n"
    "* WHO performance status 0 to 2\n",
    "Induction phase:\n\n* Stage IV NSCLC\n* ECOG PS 0-1\n\nMaintenance phase:\n\n* ECOG PS 0-2\n",
    "* Metastatic NSCLC\n* ECOG performance status 0 or 1\n* Re-randomization:\n  * ECOG performance status <= 2\n",
    "* Stage IV NSCLC\n* ECOG 0-1\n* For randomization to the maintenance phase: ECOG performance status 0-2 and "
    "stable disease or better\n",
]


@pytest.mark.parametrize("inclusion", LATER_PS)
def test_a_later_steps_wider_ecog_range_is_no_entry_range(inclusion: str) -> None:
    assert _ps(ECOG2, inclusion) == "excluded"


LATER_PRIOR = [
    "* No prior chemotherapy for advanced NSCLC\n* For randomization to maintenance: patients must have completed "
    "4 cycles of carboplatin-pemetrexed induction with a response or stable disease\n",
    "* Chemotherapy-naive stage IV NSCLC\n* Prior to randomization (after induction): completion of 4 cycles of "
    "cisplatin and gemcitabine without progression\n",
    "* Untreated advanced NSCLC\n* For re-registration: must have received 3 cycles of carboplatin, paclitaxel and "
    "bevacizumab\n",
    "* No prior systemic therapy\n* STEP 2: REGISTRATION\n* Must have progressed on pembrolizumab given on Step 1\n",
    "* No previous chemotherapy\n* Registration to Step 2: patients must have received 2 cycles of docetaxel\n",
    "* Treatment-naive metastatic NSCLC\n\nRandomisation into the consolidation phase:\n\n"
    "* Completed 4 cycles of cisplatin plus vinorelbine\n",
]


@pytest.mark.parametrize("inclusion", LATER_PRIOR)
def test_treatment_given_in_an_earlier_step_is_no_earlier_treatment(inclusion: str) -> None:
    assert _prior(NAIVE, inclusion) == "eligible"


INDUCTION_TITLES = [
    "A Phase 3 Study of Drug X Versus Placebo Immediately Following Induction Treatment With Pemetrexed Plus "
    "Cisplatin for Advanced Nonsquamous NSCLC",
    "Maintenance Gemcitabine After Induction Therapy With Cisplatin and Gemcitabine in Stage IV NSCLC",
    "Switch Maintenance With Docetaxel Following Induction Chemotherapy With Carboplatin and Paclitaxel",
]


@pytest.mark.parametrize("title", INDUCTION_TITLES)
def test_an_induction_title_is_no_requirement_when_entry_is_treatment_naive(title: str) -> None:
    assert _prior(NAIVE, "* No prior systemic chemotherapy for lung cancer\n", title) == "eligible"
    assert _prior(CHEMO, "* No prior systemic chemotherapy for lung cancer\n", title) == "excluded"


@pytest.mark.parametrize("title", INDUCTION_TITLES)
def test_an_induction_title_alone_is_a_question(title: str) -> None:
    assert _prior(NAIVE, "* Stage IV NSCLC\n", title) == "unknown"


# Near-misses: the entry step itself, a time window, a maintenance trial entering after first line elsewhere.
ENTRY_PS = [
    "* STEP 1: RANDOMIZATION\n* Stage IV NSCLC\n* ECOG performance status 0-2\n",
    "Randomization:\n\n* Stage IV NSCLC\n* ECOG 0-2\n",
    "* Stage IV NSCLC\n* ECOG 0-2 within 14 days prior to randomization\n",
    "Maintenance phase:\n\n* Completed first-line chemotherapy\n* ECOG 0-2\n",
    "Registration:\n\n* Stage IV NSCLC\n\nRandomization:\n\n* ECOG 0-2\n",
    "Screening:\n\n* Stage IV NSCLC\n\nRandomization:\n\n* WHO performance status 0-2\n",
]


@pytest.mark.parametrize("inclusion", ENTRY_PS)
def test_entry_step_rules_still_bind(inclusion: str) -> None:
    assert _ps(ECOG2, inclusion) == "eligible"
    assert _ps(stage_iv_profile(id="ecog3", ecog=3), inclusion) == "excluded"


def test_a_maintenance_trial_entering_after_first_line_still_requires_it() -> None:
    inclusion = "* Must have completed 4 cycles of platinum-based chemotherapy without progression\n"
    assert _prior(NAIVE, inclusion) == "excluded"


def test_a_later_step_ends_at_another_groups_heading_and_at_the_section() -> None:
    markdown = ("Inclusion Criteria:\n\n* STEP 1: REGISTRATION\n* Stage IV NSCLC\n* STEP 2: REGISTRATION\n"
                "* ECOG 0-2\n\nAll patients:\n\n* Age >= 18\n\nExclusion Criteria:\n\n* Pregnancy\n")
    texts = [c.text for c in split_criteria(markdown)]
    assert "ECOG 0-2" not in texts
    assert "Age >= 18" in texts and "Pregnancy" in texts
    kept = [c for c in split_criteria(markdown, entry_only=False) if c.text == "ECOG 0-2"]
    assert kept and kept[0].scope is not None and kept[0].scope.kind == "step"


@pytest.mark.parametrize(("text", "entry_seen", "expected"), [
    ("STEP 2: REGISTRATION (ARM A ONLY)", False, "later"),
    ("Step II:", False, "later"),
    ("STEP 1: RANDOMIZATION", False, "entry"),
    ("Randomization criteria:", False, None),
    ("Randomization criteria:", True, "later"),
    ("Re-registration:", False, "later"),
    ("Step 0:", False, "entry"),
    ("Registration:", False, None),  # "Randomization:" after it is the same entry
    ("Step 2: patients must have progressed", False, None),  # a rule, read by later_prefix
])
def test_heading_step(text: str, entry_seen: bool, expected: str | None) -> None:
    assert heading_step(text, entry_seen) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("For randomization to maintenance: patients must have completed 4 cycles", True),
    ("Step 2: patients must have progressed", True),
    ("At re-registration, ECOG 0-2", True),
    ("For randomization: ECOG 0-1", False),
    ("Measurable disease within 28 days prior to randomization", False),
    ("Prior to registration, patients must sign consent", False),
])
def test_later_prefix(text: str, expected: bool) -> None:
    assert later_prefix(text) is expected
