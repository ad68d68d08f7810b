"""Brain: permissions after a ban that must only widen it (session 26, Q kinds 1 and 3, P kind 4; sentences invented).

1. A permission whose OR branch names the lesion by a bare noun ("Patients with treated, stable brain metastases, or
   with untreated asymptomatic lesions < 2 cm, may be eligible"): the branch's "lesions" / "ones" hid the shared
   verb, so the permission was read as a ban of its own and took treated, stable metastases out too. The bare noun
   is the first group's site; the permission widens what the ban ("active") leaves open.
2. A permission of untreated / asymptomatic metastases under conditions no profile reports (steroid-free for weeks,
   a size, "clinically stable"), with or without a treated branch, written as the patients' clause ("who are
   clinically stable and off steroids for 2 weeks may be eligible"), a short relative clause before the second
   group ("that are < 1.0 cm, or with previously treated ..."), a whole bracketed aside, or a branch opened by
   "new" / "small": an active profile of unstated symptoms is a question, never out.
3. A permission split by symptom state ("Asymptomatic brain metastases are allowed without local treatment ...;
   symptomatic ones must be treated and stable"): the second clause binds only the symptomatic ones, so it is no
   condition of the first permission; an active profile is a question."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

# none, treated and stable, active, not given
WIDENED = (EL, EL, UN, UN)
ACTIVE_BANNED = (EL, EL, EX, UN)

BARE_NOUN_BRANCH = [
    "Active brain metastases. Patients with previously irradiated, stable brain metastases, or with untreated "
    "asymptomatic lesions under 1 cm not needing local therapy, may be eligible.",
    "Active CNS metastases. Participants with treated and stable CNS metastases, or with untreated asymptomatic ones "
    "smaller than 1 cm, are eligible.",
    "Untreated or symptomatic intracranial metastases; subjects with resected, stable intracranial metastases or with "
    "asymptomatic untreated lesions <= 5 mm may be enrolled.",
    "Clinically active CNS metastases. Those with treated, stable CNS metastases, or with new asymptomatic lesions "
    "that need no steroids, may join.",
    "Known active brain metastases (patients with treated, stable ones, or with untreated asymptomatic ones below "
    "2 cm, are eligible).",
    "Active brain metastases. Participants with irradiated brain metastases that are stable, or with untreated "
    "asymptomatic lesions, may be eligible.",
    "Progressing brain metastases. Patients with radiosurgery-treated stable brain metastases, or with small "
    "untreated asymptomatic ones, can participate.",
]


@pytest.mark.parametrize("exclusion", BARE_NOUN_BRANCH)
def test_bare_noun_branch_widens_the_ban(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == WIDENED


@pytest.mark.parametrize("exclusion", [
    # the branch names another organ's lesions, or lesions placed elsewhere: nothing untreated in the brain is let in
    "Active brain metastases. Patients with previously treated, stable brain metastases, or with liver lesions, may "
    "be eligible.",
    "Active brain metastases. Patients with previously treated, stable brain metastases, or with adrenal lesions, may "
    "be eligible.",
    "Active brain metastases. Patients with previously treated, stable brain metastases, or with lesions in the spine,"
    " may be eligible.",
    "Known active brain metastases (patients with treated, stable brain metastases are eligible).",
    "Active CNS metastases.",
])
def test_near_miss_no_untreated_branch_keeps_active_out(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == ACTIVE_BANNED


UNTREATED_ON_CONDITIONS = [
    "Spinal cord compression or clinically active brain metastases. Participants with treated or untreated "
    "asymptomatic brain metastases who are clinically stable and not requiring steroids or anticonvulsants for at "
    "least 2 weeks prior to randomisation may be eligible.",
    "Active CNS metastases. Subjects with irradiated or untreated asymptomatic CNS metastases who have been off "
    "corticosteroids for 14 days can be enrolled.",
    "Active brain metastases or carcinomatous meningitis. Participants with untreated asymptomatic CNS metastases "
    "that are < 1.0 cm, or with previously treated brain metastases that are clinically and radiographically stable,"
    " are eligible provided no steroids are required",
    "Symptomatic or progressing intracranial metastases. Patients with untreated intracranial metastases that are "
    "smaller than 5 mm, or with resected intracranial metastases, are eligible if off steroids.",
    "Symptomatic or active intracranial metastases. Subjects with irradiated and stable intracranial metastases or "
    "with untreated, asymptomatic lesions up to 1 cm that need no immediate treatment can be enrolled.",
    "Active brain metastases. Patients with untreated, asymptomatic brain metastases who need no anticonvulsants may "
    "participate.",
]


@pytest.mark.parametrize("exclusion", UNTREATED_ON_CONDITIONS)
def test_untreated_permitted_on_unreported_conditions_is_a_question(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == WIDENED


@pytest.mark.parametrize("exclusion", [
    # only treated ones are let back in: the ban on active ones stands
    "Active brain metastases. Participants with treated brain metastases who are clinically stable and off steroids "
    "for 2 weeks may be eligible.",
    "Active CNS metastases. Subjects with irradiated CNS metastases that are < 1.0 cm, or with resected CNS "
    "metastases, are eligible if off steroids.",
])
def test_near_miss_treated_only_permission_keeps_active_out(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[2] == EX


SYMPTOM_SPLIT = [
    "Asymptomatic brain metastases are allowed without prior local treatment if they need no steroids (> 4 mg "
    "dexamethasone daily); symptomatic brain metastases must be treated and neurologically stable.",
    "Symptomatic CNS metastases must have been irradiated and be stable for 4 weeks; asymptomatic ones may be "
    "enrolled without local therapy.",
    "Asymptomatic brain metastases are allowed if stable; symptomatic ones must be treated.",
    "Asymptomatic brain lesions may enrol untreated when no corticosteroids are needed; patients with symptomatic "
    "brain lesions must have completed stereotactic radiosurgery.",
    "Asymptomatic CNS metastases are eligible without prior radiotherapy; symptomatic lesions must have been resected "
    "or irradiated and be stable.",
    "Symptomatic brain metastases should be treated and stable for 2 weeks; asymptomatic brain metastases can be "
    "enrolled without local treatment.",
    "Asymptomatic intracranial metastases are permitted untreated provided no corticosteroids are needed; patients "
    "with symptomatic intracranial metastases must have completed radiotherapy.",
]


@pytest.mark.parametrize("side", ["inclusion", "exclusion"])
@pytest.mark.parametrize("sentence", SYMPTOM_SPLIT)
def test_permission_split_by_symptom_state_is_a_question(sentence: str, side: str) -> None:
    assert brain(**{side: sentence}) == WIDENED


@pytest.mark.parametrize("inclusion", [
    # one group only, or both clauses about the same state: their own terms still bind
    "Brain metastases are allowed if treated; symptomatic ones must also be off steroids.",
    "Asymptomatic brain metastases are allowed if treated and stable; asymptomatic ones must be off steroids.",
])
def test_near_miss_no_symptom_split_keeps_treated_only(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[2] == EX
