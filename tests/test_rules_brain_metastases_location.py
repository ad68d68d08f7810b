"""Brain metastases: an exclusion of the metastases at one site ("within 5 mm of the optic chiasm", "abutting the
optic nerves", "in an eloquent area") narrows which metastases are meant, as "brainstem metastases" does; it is not an
exclusion of every brain metastasis. The profile gives no site, so (as for the brainstem) it sets no rule."""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

SITES = [
    "Brain metastasis within 5 mm of the optic chiasm or optic nerves that cannot be treated with SRS",
    "CNS metastases located within 3 mm of the optic apparatus",
    "Intracranial metastases abutting the optic nerve",
    "Brain metastases adjacent to the chiasm",
    "Brain metastases in an eloquent area not amenable to radiosurgery",
    "Any brain metastasis less than 2 mm from the optic pathway",
    "Cerebral metastases involving the optic tracts",
]


@pytest.mark.parametrize("exclusion", SITES)
def test_a_site_excludes_no_one_known(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == (EL, EL, EL, UN)


# Near-misses: the metastases themselves, or their state, still exclude.
NEAR = {
    "Known brain metastases": (EL, EX, EX, UN),
    "Untreated brain metastases": (EL, EL, EX, UN),
    "Brain metastases // Optic neuritis": (EL, EX, EX, UN),
}


@pytest.mark.parametrize("exclusion", NEAR)
def test_near_misses_keep_their_verdict(exclusion: str) -> None:
    assert brain(exclusion=exclusion) == NEAR[exclusion]
