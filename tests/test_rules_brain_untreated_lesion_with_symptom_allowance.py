"""Brain: "Brain metastases confirmed by MRI, with at least one measurable intracranial lesion that has not received
local treatment. Asymptomatic patients, or patients with neurologically stable symptoms on a stable dose of steroids,
are allowed" left a treated, stable profile unknown: the symptom allowance's "stable" and "are allowed" were taken
for a permission of stable (treated) metastases, and the untreated-lesion requirement was dropped. A sentence of the
same bullet that names neither a site nor a treatment state is about symptoms or steroids: it says who may join among
those with such a lesion and lets no treated one in, so treated, stable profiles stay excluded; an active one meets
the requirement."""

from __future__ import annotations

import pytest
from brain_cases import EX, brain

UNTREATED_LESION_THEN_SYMPTOM_ALLOWANCE = [
    "Brain metastases confirmed by contrast MRI, with at least one measurable intracranial lesion (>= 10 mm) that has "
    "not received local treatment (radiotherapy or surgery). Asymptomatic patients, or patients with neurologically "
    "stable symptoms on a stable dose of steroids for >= 2 weeks, are allowed.",
    "At least one brain metastasis >= 5 mm that has not been irradiated. Patients without symptoms, or with stable "
    "neurological symptoms, may participate.",
    "Untreated brain metastases with at least one measurable lesion of 10 mm or more. Patients on stable or decreasing "
    "doses of dexamethasone are eligible.",
    "MRI-confirmed brain metastases, with at least one intracranial lesion that has not been irradiated or "
    "resected. Mildly symptomatic patients whose symptoms are stable for 7 days can be enrolled.",
    "Presence of at least one untreated measurable brain lesion. Asymptomatic or oligosymptomatic participants on a "
    "stable corticosteroid dose are permitted.",
    "At least one measurable CNS lesion that has not received prior radiotherapy. Neurologically stable patients are "
    "allowed; anticonvulsants are permitted.",
]


@pytest.mark.parametrize("inclusion", UNTREATED_LESION_THEN_SYMPTOM_ALLOWANCE)
def test_symptom_allowance_keeps_the_untreated_lesion_requirement(inclusion: str) -> None:
    requirement = inclusion.split(". ")[0] + "."
    got = brain(inclusion=inclusion)
    assert got == brain(inclusion=requirement)
    assert got[1] == EX and got[2] != EX


def test_near_miss_untreated_or_stable_alternative_not_excluded() -> None:
    inclusion = "At least one brain metastasis that is untreated or stable after radiotherapy"
    assert brain(inclusion=inclusion)[1] != EX


def test_near_miss_symptom_allowance_alone_sets_no_treated_ban() -> None:
    inclusion = ("Brain metastases confirmed by MRI. Asymptomatic patients, or patients with stable symptoms, are "
                 "allowed.")
    assert brain(inclusion=inclusion)[1] != EX
