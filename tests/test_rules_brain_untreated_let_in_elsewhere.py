"""Brain: a trial that lets some untreated brain metastases in ("asymptomatic untreated lesions <= 1 cm are
allowed", "untreated ones are not allowed unless < 5 mm and asymptomatic") leaves an active (untreated or
progressing) patient a question, whatever its ban of others says; five kinds that excluded them (or, the last, every
patient), seen when sealed set AE was opened in session 30. Invented sentences of each kind; near-misses keep their
verdicts.

1. A ban of "symptomatic or progressing" (or "untreated or progressing") ones beside a permission of small or
   asymptomatic untreated ones in another bullet.
2. "Treated ones may enrol if stable; untreated brain metastases are not allowed unless < 5 mm and asymptomatic":
   the clause after the semicolon, with its own subject, was not read.
3. "Untreated brain metastases are excluded, unless asymptomatic ...; patients with treated brain metastases must be
   stable": the other group's clause was read as part of the exception.
4. "eligible if the metastases are asymptomatic, or have been treated and are stable": "or have been treated" was not
   read as a second way in.
5. "... must have had them treated and be asymptomatic. Patients with untreated brain metastases are not eligible."
   in one inclusion bullet: the refusal was read as a demand for an untreated lesion, excluding everyone.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

SMALL_UNTREATED_ALLOWED = [
    "Asymptomatic untreated brain metastases ≤ 1 cm that need no local therapy are eligible.",
    "Patients with untreated, asymptomatic brain metastases < 1.5 cm may enrol if no local therapy is planned.",
    "Untreated brain metastases up to 10 mm without symptoms are allowed.",
]
PROGRESSION_BANS = [
    "Symptomatic or progressing brain metastases, or brain metastases needing steroids above 10 mg prednisone daily.",
    "Symptomatic or progressing brain metastases, or leptomeningeal disease.",
    "Untreated or progressing brain metastases.",
    "Progressive CNS metastases.",
]


@pytest.mark.parametrize("ban", PROGRESSION_BANS)
@pytest.mark.parametrize("permission", SMALL_UNTREATED_ALLOWED)
def test_a_ban_beside_a_permission_of_some_untreated_ones_leaves_active_a_question(ban: str, permission: str) -> None:
    for verdicts in (brain(inclusion=permission, exclusion=ban), brain(exclusion=f"{ban} // {permission}")):
        assert verdicts[0] == EL
        assert verdicts[1] != EX
        assert verdicts[2] == UN


@pytest.mark.parametrize("ban", PROGRESSION_BANS)
def test_the_ban_alone_still_excludes_active_ones(ban: str) -> None:
    assert brain(exclusion=ban)[:3] == (EL, EL, EX)


@pytest.mark.parametrize("inclusion", [
    "Patients with treated brain metastases may enrol if stable on MRI for 4 weeks after local therapy and off "
    "steroids; untreated brain metastases are not allowed unless all lesions are < 5 mm and asymptomatic.",
    "Treated brain metastases are allowed if stable for 2 weeks; untreated CNS metastases are excluded unless "
    "smaller than 1 cm and without symptoms.",
    "Subjects with previously irradiated brain metastases may participate if stable; patients with untreated brain "
    "metastases are ineligible unless asymptomatic and under 5 mm.",
])
def test_a_semicolon_clause_with_its_own_subject_is_its_own_rule(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[:3] == (EL, EL, UN)


@pytest.mark.parametrize("inclusion", [
    "Patients with treated brain metastases may enrol if stable for 4 weeks; untreated brain metastases are not "
    "allowed.",
    "Treated brain metastases are allowed if stable; untreated CNS metastases are excluded.",
])
def test_a_semicolon_clause_without_an_exception_still_shuts_untreated_ones_out(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[:3] == (EL, EL, EX)


@pytest.mark.parametrize("exclusion", [
    "Untreated brain metastases are excluded, unless asymptomatic and not requiring local therapy per the "
    "investigator; patients with treated brain metastases must be clinically stable.",
    "Untreated CNS metastases, unless asymptomatic; participants with treated brain metastases must be off steroids.",
    "Untreated brain metastases are not allowed, unless smaller than 1 cm; subjects with treated lesions must be "
    "stable for 4 weeks.",
])
def test_another_groups_clause_is_not_part_of_the_exception(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[:3] == (EL, EL, UN)


@pytest.mark.parametrize("inclusion", [
    "Patients with brain metastases may enrol if the metastases are asymptomatic, or have been treated and are "
    "stable for at least 4 weeks, and if no steroids are needed.",
    "Brain metastases are allowed if asymptomatic, or have been irradiated and are stable.",
    "Participants with CNS metastases are eligible if they are asymptomatic or have been resected and remain stable.",
])
def test_or_have_been_treated_is_a_second_way_in(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[:3] == (EL, EL, UN)


@pytest.mark.parametrize("inclusion", [
    "Patients with known brain metastases must have had them treated (surgery, SRS or WBRT) and be asymptomatic, "
    "with no steroid requirement for at least 7 days. Patients with untreated brain metastases are not eligible.",
    "Known brain metastases must have been treated with radiotherapy and be stable. Untreated brain metastases are "
    "excluded.",
    "Participants with brain metastases must have completed local therapy and be neurologically stable. "
    "Participants with untreated brain metastases cannot be enrolled.",
])
def test_a_refusal_of_untreated_ones_is_no_demand_for_an_untreated_lesion(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[:3] == (EL, EL, EX)
