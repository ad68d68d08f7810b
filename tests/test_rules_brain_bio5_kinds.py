"""Brain-metastasis kinds of helper round bio5 (invented sentences only).

1. "Brain metastases must not have been previously treated: no prior radiosurgery, ...", "CNS metastases should never
   have been irradiated": a negated treatment with its auxiliaries ("not have been", "never have been", "not have
   received") says the metastases must be untreated. Only "not (been) treated" was known, so the treatment word was
   read alone and the rule asked for treated metastases: active ones were excluded, treated ones let in.
2. "Symptomatic or progressing brain metastases. Patients with asymptomatic, untreated brain metastases < 1 cm that
   do not require corticosteroids are eligible, as are patients with treated brain metastases that have been stable":
   the permission's verb after a relative clause of plain states ("< 1 cm that do not require ... are eligible") is a
   permission, and ", as are patients with ..." starts a second group. The untreated group's way back in was lost,
   so active metastases (symptoms not given) were excluded instead of a question.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

# --------------------------------------------------------------- 1. "must not have been treated": untreated ones
NOT_TREATED = [
    "Brain metastases must not have been previously treated: no prior radiosurgery, whole brain radiotherapy or "
    "surgical resection.",
    "CNS metastases should never have been irradiated.",
    "Intracranial metastases must not have been treated with radiotherapy or surgery",
    "Brain metastases must not have received prior radiotherapy",
    "Metastases to the brain must not have been previously treated",
    "Brain metastases must not have undergone any prior radiosurgery or resection",
]


@pytest.mark.parametrize("sentence", NOT_TREATED)
def test_metastases_that_must_not_have_been_treated_leave_out_treated_ones(sentence: str) -> None:
    # untreated ones meet the condition; whether they meet the trial's other terms is not said here
    assert brain(inclusion=sentence) == (EL, EX, UN, UN)


@pytest.mark.parametrize("inclusion", [
    "5 to 10 brain metastases on MRI // Brain metastases must not have been previously treated: no prior "
    "radiosurgery or whole brain radiotherapy",
    "Between 4 and 15 brain metastases on contrast MRI // CNS metastases must not have received prior radiotherapy",
])
def test_a_count_trial_of_untreated_metastases_asks_the_count_of_active_ones(inclusion: str) -> None:
    none, treated, active, unknown = brain(inclusion=inclusion)
    assert (treated, active, unknown) == (EX, UN, UN)
    assert none in (EL, EX)  # (whether the count is read as a requirement is another kind)


NOT_TREATED_NEAR_MISSES = [
    # treatment asked for: treated ones in, active ones out (as before)
    ("Brain metastases must have been previously treated", (EL, EL, EX, UN)),
    ("Brain metastases must have received radiotherapy and be stable", (EL, EL, EX, UN)),
    ("Brain metastases must have been treated and not progressed", (EL, EL, EX, UN)),
    # a requirement of untreated metastases, as before
    ("At least one brain metastasis that has not yet been treated", (EX, EX, EL, UN)),
]


@pytest.mark.parametrize(("sentence", "expected"), NOT_TREATED_NEAR_MISSES)
def test_not_treated_near_misses_keep_their_reading(sentence: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=sentence) == expected


# --------------------------------------------------------------- 2. the untreated group's way back in
WAY_BACK_IN = [
    "Spinal cord compression, or symptomatic or progressing brain metastases. Patients with asymptomatic, untreated "
    "brain metastases < 1 cm that do not require corticosteroids or local treatment are eligible, as are patients "
    "with treated brain metastases that have been stable for at least 2 weeks.",
    "Symptomatic or progressing brain metastases. Patients with asymptomatic, untreated brain metastases < 1 cm that "
    "do not require corticosteroids are eligible.",
    "Active brain metastases. Subjects with untreated brain metastases < 5 mm that need no steroids are eligible, as "
    "are subjects with irradiated metastases stable for 4 weeks.",
    "Progressing CNS metastases. Participants with untreated CNS metastases that cause no symptoms are allowed, as "
    "well as participants with treated, stable CNS metastases.",
    "Symptomatic or growing brain metastases; patients with asymptomatic untreated brain metastases that are smaller "
    "than 10 mm are eligible, as are those with previously irradiated stable lesions.",
    "Symptomatic CNS metastases; participants with asymptomatic untreated CNS metastases that are under 1 cm are "
    "allowed, as well as participants with treated stable ones.",
]


@pytest.mark.parametrize("sentence", WAY_BACK_IN)
def test_an_untreated_groups_way_back_in_makes_active_ones_a_question(sentence: str) -> None:
    assert brain(exclusion=sentence) == (EL, EL, UN, UN)


WAY_BACK_NEAR_MISSES = [
    # no way back in for untreated ones: still excluded
    ("Symptomatic or progressing brain metastases.", (EL, EL, EX, UN)),
    ("Active brain metastases. Patients with treated brain metastases that are stable are eligible.", (EL, EL, EX, UN)),
    # a relative clause with a modal is a condition the permission does not settle (as before)
    ("Participants with brain metastases that can be managed with surgery and/or stereotactic radiosurgery are "
     "allowed.", (EL, EL, UN, UN)),
]


@pytest.mark.parametrize(("sentence", "expected"), WAY_BACK_NEAR_MISSES)
def test_way_back_near_misses_keep_their_reading(sentence: str, expected: tuple[str, ...]) -> None:
    section = "inclusion" if sentence.startswith("Participants") else "exclusion"
    assert brain(**{section: sentence}) == expected
