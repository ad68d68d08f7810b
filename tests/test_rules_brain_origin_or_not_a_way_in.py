"""Brain: a long requirement "New diagnosis of brain metastases from a histologically or cytologically confirmed
primary or metastatic NSCLC tumor within 5 years" read softly (treated and no-brain profiles unknown) where the short
form excludes them: the "or" inside the clause naming where the metastases come from, or joining two adverbs, was
taken for another way into the trial. Neither is one."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

NEW_BRAIN_METS_WITH_ORIGIN = [
    "New diagnosis of brain metastases from a histologically or cytologically confirmed primary or metastatic "
    "NSCLC tumour within 3 years of enrolment",
    "Newly diagnosed brain metastases arising from a pathologically or radiologically confirmed primary or "
    "recurrent non-small cell lung cancer",
    "A new diagnosis of brain metastases from a biopsy-proven primary or metastatic lung adenocarcinoma",
    "Newly diagnosed intracranial metastases originating from a primary or recurrent NSCLC",
    "New diagnosis of CNS metastases secondary to a cytologically or histologically proven NSCLC within 2 years",
    "Newly diagnosed brain metastases from a confirmed primary or secondary lung tumour",
]


@pytest.mark.parametrize("inclusion", NEW_BRAIN_METS_WITH_ORIGIN)
def test_or_inside_the_origin_clause_keeps_the_requirement(inclusion: str) -> None:
    assert brain(inclusion=inclusion) == (EX, EX, EL, UN)


def test_near_miss_comma_or_opens_another_way_in() -> None:
    got = brain(inclusion="Patients with untreated brain metastases from NSCLC, or one measurable extracranial lesion")
    assert got[0] != EX and got[1] != EX


def test_near_miss_lepto_alternative_still_loosens() -> None:
    assert brain(inclusion="Untreated brain metastases >= 5 mm, or leptomeningeal disease")[1:3] == (UN, UN)
