"""Brain: trials whose population is brain metastases (session 26, P kind 5; sentences invented).

An inclusion bullet whose subject is new / enlarging / untreated / progressing brain metastases, a count of brain
lesions, or radiographic CNS progression asks every patient to have them: a patient without brain metastases is out,
and so is one whose metastases are treated and stable (the bullet asks for active ones). A count or size the profile
does not give leaves an active patient a question at most. Three misreadings hid this:
- a bare "New or enlarging brain metastases" was read as one permitted kind, not the trial's population;
- an "or" in the clause naming the metastases' origin after other words of the mention ("2 - 10 brain lesions on
  MRI, confirmed by MRI, from a confirmed primary or metastatic NSCLC"), or closing the list of drugs the progression
  came on ("while on alectinib, brigatinib or ceritinib"), was taken for another way into the trial;
- "Radiographic CNS progression with at least one measurable lesion" named no brain metastases at all.
Mirror (near-misses): a bullet that only includes or allows brain metastases sets no requirement."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, NO_RULE, UN, brain, brain_verdicts, bullets

# none, treated and stable, active, not given
ACTIVE_REQUIRED = (EX, EX, EL, UN)
ACTIVE_COUNTED = (EX, EX, UN, UN)

POPULATION = [
    ("Radiological intracranial progression (new or growing brain metastases, with at least one measurable untreated "
     "lesion >= 10 mm) while receiving osimertinib, lazertinib or gefitinib", ACTIVE_REQUIRED),
    ("Patients with new or progressing intracranial metastases", ACTIVE_REQUIRED),
    ("Enlarging or new CNS metastases on MRI, with extracranial disease controlled", ACTIVE_REQUIRED),
    ("Progressive brain metastases after prior radiosurgery", ACTIVE_REQUIRED),
    ("Untreated brain metastases measuring >= 5 mm", ACTIVE_COUNTED),
    ("Newly diagnosed 1 to 5 brain metastases on MRI, from a cytologically or histologically confirmed primary or "
     "metastatic NSCLC", ACTIVE_COUNTED),
    ("New diagnosis of 1 unresectable brain metastasis or 2 - 8 brain lesions on MRI, confirmed by gadolinium MRI, "
     "from a pathologically confirmed primary or recurrent NSCLC", ACTIVE_COUNTED),
    ("Documented isolated CNS progression on a third-generation EGFR TKI, with at least one measurable intracranial "
     "lesion", ACTIVE_COUNTED),
    ("Radiographic CNS progression with at least one measurable lesion", ACTIVE_REQUIRED),
]


@pytest.mark.parametrize(("inclusion", "expected"), POPULATION)
def test_active_brain_metastases_are_the_population(inclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=inclusion) == expected


def test_title_requirement_does_not_weaken_the_criteria() -> None:
    got = brain_verdicts(bullets("New or enlarging brain metastases on MRI"), "",
                         title="A drug for patients with NSCLC and brain metastases")
    assert got == ACTIVE_REQUIRED


@pytest.mark.parametrize("inclusion", [
    "Radiographic CNS progression (new brain metastases) while on alectinib, brigatinib, or ceritinib",
    "Progressing brain metastases during treatment with lorlatinib, brigatinib or alectinib",
])
def test_drug_list_of_the_progression_is_no_other_way_in(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[:2] == (EX, EX)


@pytest.mark.parametrize(("inclusion", "expected"), [
    # the mirror: brain metastases included, allowed or permitted on terms, never required
    ("NSCLC, including patients with brain metastases", NO_RULE),
    ("Brain metastases allowed", NO_RULE),
    ("Patients with new brain metastases are eligible if asymptomatic", (EL, EL, UN, UN)),
    ("Untreated brain metastases are allowed if asymptomatic", (EL, EL, UN, UN)),
    ("Radiographic CNS progression is allowed", NO_RULE),
    # the mention's own terms of a permitted kind
    ("Untreated brain metastases not requiring urgent local treatment", (EL, UN, UN, UN)),
    # negated or conditional
    ("No new or progressing brain metastases", (EL, EL, EX, UN)),
    ("If present, new brain metastases must be treated", (EL, EL, UN, UN)),
    # another way in that is not about the brain
    ("Patients with untreated brain metastases from NSCLC, or one measurable extracranial lesion", (UN, UN, EL, UN)),
])
def test_near_miss_not_a_population(inclusion: str, expected: tuple[str, ...]) -> None:
    assert brain(inclusion=inclusion) == expected


@pytest.mark.parametrize("exclusion", [
    "New or enlarging brain metastases",
    "Radiographic CNS progression",
])
def test_near_miss_exclusion_keeps_its_reading(exclusion: str) -> None:
    assert brain(exclusion=exclusion)[0] == EL


@pytest.mark.parametrize("inclusion", [
    # the "or" after a drug list opens another way in when what follows is a condition, not a drug
    "Progressing brain metastases during treatment with lorlatinib, or one measurable extracranial lesion",
    "Progressing brain metastases during treatment with lorlatinib, or leptomeningeal disease",
])
def test_near_miss_or_after_the_drug_still_opens_a_way_in(inclusion: str) -> None:
    assert brain(inclusion=inclusion)[1] == UN
