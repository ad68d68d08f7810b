"""'one prior second-generation ALK TKI': the generation narrows the ALK class. Read as any ALK TKI, crizotinib
(first generation) met a requirement for a second-generation drug, and a ban on third-generation ALK TKIs banned
every ALK TKI."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict


def had(*drugs: str) -> dict[str, Any]:
    return {"prior_therapies": list(drugs), "prior_lines": len(drugs)}


CRIZOTINIB = had("crizotinib")
ALECTINIB = had("alectinib")
BRIGATINIB = had("brigatinib", "carboplatin")
LORLATINIB = had("alectinib", "lorlatinib")

SECOND_GEN_REQUIRED = [
    "One prior second-generation ALK TKI, no prior lorlatinib.",
    "Must have progressed on a 2nd-generation ALK inhibitor.",
    "Disease progression after treatment with at least one second generation ALK tyrosine kinase inhibitor",
    "Prior therapy with a second-generation ALK TKI is required.",
    "Participants must have received one second- or third-generation ALK TKI.",
    "Progression on prior 2nd gen ALK-TKI therapy (any line)",
]


@pytest.mark.parametrize("sentence", SECOND_GEN_REQUIRED)
def test_crizotinib_does_not_meet_a_second_generation_requirement(sentence: str) -> None:
    assert prior_verdict(CRIZOTINIB, inclusion=[sentence]) == "excluded"


@pytest.mark.parametrize("sentence", SECOND_GEN_REQUIRED)
@pytest.mark.parametrize("patient", [ALECTINIB, BRIGATINIB])
def test_a_second_generation_drug_meets_it(sentence: str, patient: dict[str, Any]) -> None:
    assert prior_verdict(patient, inclusion=[sentence]) == "eligible"


THIRD_GEN_BANNED = [
    "Prior treatment with a third-generation ALK TKI.",
    "Previous 3rd-generation ALK inhibitor therapy",
]


@pytest.mark.parametrize("sentence", THIRD_GEN_BANNED)
def test_a_third_generation_ban_leaves_earlier_generations(sentence: str) -> None:
    assert prior_verdict(ALECTINIB, exclusion=[sentence]) == "eligible"
    assert prior_verdict(CRIZOTINIB, exclusion=[sentence]) == "eligible"
    assert prior_verdict(LORLATINIB, exclusion=[sentence]) == "excluded"


# Near-misses: the ALK class with no generation, and EGFR generations, keep their reading.
@pytest.mark.parametrize(("sentence", "patient", "expected", "section"), [
    ("Must have progressed on at least one prior ALK TKI.", CRIZOTINIB, "eligible", "inclusion"),
    ("Prior ALK inhibitor therapy.", CRIZOTINIB, "excluded", "exclusion"),
    ("Prior ALK inhibitor therapy.", LORLATINIB, "excluded", "exclusion"),
    ("Progression on a first- or second-generation EGFR TKI.", had("gefitinib"), "eligible", "inclusion"),
    ("Progression on a third-generation EGFR TKI.", had("gefitinib"), "excluded", "inclusion"),
])
def test_near_misses_keep_their_reading(sentence: str, patient: dict[str, Any], expected: str, section: str) -> None:
    assert prior_verdict(patient, **{section: [sentence]}) == expected


# "X, no prior Y" (a comma alone before the ban): Y is banned, never another way to meet X.
COMMA_BANS = [
    ("One prior second-generation ALK TKI, no prior lorlatinib.", had("lorlatinib"), had("alectinib")),
    ("Prior platinum-based chemotherapy, no prior docetaxel.", had("carboplatin", "docetaxel"), had("cisplatin")),
    ("Progressed on osimertinib, no prior amivantamab", had("osimertinib", "amivantamab"), had("osimertinib")),
    ("At least one prior line of therapy, no previous immunotherapy.", had("carboplatin", "nivolumab"),
     had("carboplatin")),
    ("Received a prior KRAS G12C inhibitor, no prior docetaxel", had("sotorasib", "docetaxel"), had("adagrasib")),
    ("Prior crizotinib, no previous lorlatinib.", had("crizotinib", "lorlatinib"), had("crizotinib")),
]


@pytest.mark.parametrize(("sentence", "banned", "kept"), COMMA_BANS)
def test_a_comma_ban_bans_and_the_requirement_holds(sentence: str, banned: dict[str, Any],
                                                     kept: dict[str, Any]) -> None:
    assert prior_verdict(banned, inclusion=[sentence]) == "excluded"
    assert prior_verdict(kept, inclusion=[sentence]) == "eligible"


def test_a_comma_before_an_untreated_setting_stays_naive() -> None:
    assert prior_verdict(had("carboplatin"), inclusion=["Metastatic NSCLC, no prior systemic therapy."]) == "excluded"
    assert prior_verdict(had(), inclusion=["Metastatic NSCLC, no prior systemic therapy."]) == "eligible"
