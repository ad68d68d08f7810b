"""Prior therapy: "Chemotherapy-naive patients are not eligible", "Systemic therapy-naive subjects are not allowed":
the patients WITHOUT the class are refused. Read word by word, the class name took the clause's "not eligible" as its
own ban and excluded every patient who had had it (a false exclusion of exactly the patients the trial wants). The
span now sets no rule: at worst an untreated patient is a miss. The class asked for or banned in words of its own
("Chemotherapy-naive patients", "Must be chemotherapy-naive", "Prior chemotherapy; ...") keeps its reading."""

from __future__ import annotations

import pytest
from prior_therapy_cases import one_bullet_verdict, stage_iv_profile

NAIVE = stage_iv_profile()
TREATED = stage_iv_profile(prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"], prior_lines=1)

REFUSED = [
    "Systemic therapy-naive subjects are not allowed.",
    "Chemotherapy-naive patients are not eligible",
    "Systemic treatment-naive participants are excluded",
    "Immunotherapy-naive patients will not be enrolled",
    "Platinum-naive patients cannot participate",
    "Anti-PD-1-naive individuals are ineligible",
]


@pytest.mark.parametrize("sentence", REFUSED)
def test_a_refused_naive_class_never_bans_the_class(sentence: str) -> None:
    assert one_bullet_verdict(sentence, TREATED) == "eligible"
    assert one_bullet_verdict(sentence, NAIVE) != "excluded"


@pytest.mark.parametrize(("sentence", "naive", "treated"), [
    ("Chemotherapy-naive patients", "eligible", "excluded"),
    ("Must be chemotherapy-naive for advanced disease", "eligible", "excluded"),
    ("Prior chemotherapy; chemotherapy-naive patients are not eligible", "excluded", "eligible"),
])
def test_the_class_said_in_words_of_its_own_keeps_its_reading(sentence: str, naive: str, treated: str) -> None:
    assert (one_bullet_verdict(sentence, NAIVE), one_bullet_verdict(sentence, TREATED)) == (naive, treated)
