"""Brain: two precision kinds (session 26 round 3; sentences invented).

1. A ban on metastases in a STATE the profile gives, narrowed to a SITE (or a need) it does not give: "Active brain
   metastases in the brainstem", "Untreated CNS metastases within 5 mm of the optic chiasm", "Progressing brain
   metastases requiring surgery within 4 weeks". Treated, stable ones are outside the state (eligible); an active
   patient's metastases may or may not sit there: a question, not "eligible" (the site used to read as no rule at
   all). A site alone ("Brain metastases in the brainstem") or beside another lesion property ("... that cannot be
   treated with SRS") still sets no rule (tests/test_rules_brain_metastases_location.py pins that on purpose).
2. A double negative: "untreated ones are not excluded", "are not an exclusion", "do not exclude the patient" lets
   them in. Beside "Brain metastases are allowed if treated" (same clause, after a comma, a new sentence or another
   bullet) an active patient is no longer excluded: a question (the permission of untreated ones may have terms).
   A plain "Untreated brain metastases are not excluded" excludes no one.
Near-misses keep their verdict: plain "Active brain metastases", "untreated ones are not allowed / are excluded",
"Brain metastases treated within 14 days" (a recent treatment, not a need)."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

# none, treated and stable, active, not given
ACTIVE_ASKED = (EL, EL, UN, UN)

STATE_AT_A_SITE = [
    "Active brain metastases in the brainstem",
    "Untreated CNS metastases located in the cerebellum",
    "Progressing intracranial metastases involving the pons or medulla",
    "Symptomatic brain metastases in the posterior fossa",
    "Newly diagnosed untreated brain lesions within 5 mm of the optic chiasm",
    "Symptomatic or untreated cerebral metastases adjacent to the optic nerves",
    "Active CNS metastases in an eloquent area",
]


@pytest.mark.parametrize("exclusion", STATE_AT_A_SITE)
def test_a_state_ban_at_a_site_leaves_active_a_question(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == ACTIVE_ASKED


STATE_WITH_A_NEED = [
    "Active brain metastases requiring surgery within 4 weeks",
    "Untreated brain metastases requiring radiotherapy within the next 2 weeks",
    "Progressive CNS metastases needing surgery within 14 days of enrolment",
    "Brain metastases requiring immediate surgery within 7 days",
    "Untreated intracranial lesions needing radiotherapy within 3 weeks",
    "Active brain metastases that require urgent surgery within 10 days",
]


@pytest.mark.parametrize("exclusion", STATE_WITH_A_NEED)
def test_a_treatment_still_needed_is_no_recent_treatment(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == ACTIVE_ASKED


SITE_NEAR = {
    "Active brain metastases": (EL, EL, EX, UN),
    "Untreated CNS metastases": (EL, EL, EX, UN),
    "Brain metastases in the brainstem": (EL, EL, EL, UN),
    "Large or multiple brain metastases in the brainstem": (EL, EL, EL, UN),
    "Brain metastases treated within 14 days": (EL, UN, EL, UN),
    "CNS metastases irradiated within the last 4 weeks": (EL, UN, EL, UN),
    "Known active CNS metastases; metastases in the brainstem are excluded regardless of treatment": (EL, EL, EX, UN),
}


@pytest.mark.parametrize("exclusion", SITE_NEAR)
def test_site_near_misses_keep_their_verdict(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == SITE_NEAR[exclusion]


TREATED_ALLOWED_UNTREATED_NOT_EXCLUDED = [
    "Brain metastases are allowed if treated; untreated ones are not excluded",
    "CNS metastases are permitted once irradiated; untreated CNS lesions are not an exclusion",
    "Brain metastases are acceptable after local therapy, but untreated ones are not excluded",
    "Intracranial metastases are eligible if previously resected, and untreated ones do not exclude the patient",
    "Brain metastases are allowed if treated, while untreated brain lesions are not a reason for exclusion",
    "Brain metastases are allowed if treated. Untreated brain metastases are not exclusionary.",
    "Cerebral metastases are permitted provided they were irradiated // Untreated cerebral metastases will not be "
    "excluded",
]


@pytest.mark.parametrize("exclusion", TREATED_ALLOWED_UNTREATED_NOT_EXCLUDED)
def test_untreated_not_excluded_beside_a_treated_permission(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] in ((EL, EL, UN), (EL, EL, EL))


@pytest.mark.parametrize("text", [
    "Untreated brain metastases are not excluded",
    "Brain metastases are not excluded",
    "Active CNS metastases are not an exclusion criterion",
    "Untreated CNS lesions do not exclude the patient",
])
def test_a_plain_denied_ban_excludes_no_one(text: str) -> None:
    assert brain(exclusion=text)[:3] == (EL, EL, EL)
    assert brain(inclusion=text)[:3] == (EL, EL, EL)


@pytest.mark.parametrize("exclusion", [
    "Asymptomatic untreated brain metastases do not exclude the patient",
    "Asymptomatic untreated CNS metastases are not excluded",
])
def test_a_denied_ban_of_some_untreated_ones_reads_as_their_permission(exclusion: str) -> None:
    # as "Asymptomatic untreated brain metastases are allowed": the profile gives no symptoms
    assert brain(exclusion=exclusion)[:3] == (EL, EL, UN)


@pytest.mark.parametrize("exclusion", [
    "Brain metastases are allowed if treated; untreated ones are not allowed",
    "Brain metastases are allowed if treated, but untreated ones are excluded",
    "Brain metastases are allowed if treated, but untreated ones are not allowed",
    "Brain metastases are allowed if treated",
])
def test_double_negative_near_misses_still_exclude_active(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, EX)
