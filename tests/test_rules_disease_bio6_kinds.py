"""Disease kind of helper round bio6 (invented sentences only).

A title that negates a drug before its population ("Pemetrexed With or Without VTX-22 in Non-Squamous NSCLC",
"Docetaxel Without Ramucirumab for Squamous NSCLC") names the histology the trial is for: the negation ends at the
preposition that starts the population. It was read as "without ... non-squamous", which shut the non-squamous
histologies out; beside an exclusion of squamous histology nothing was left, so the histology was a question for
everyone. The negation of a histology itself ("no squamous component", "not predominantly squamous") reads as before.
"""

from __future__ import annotations

import pytest
from disease_cases import EL, EX, UN, trial, verdicts

NON_SQUAMOUS_TITLES = [
    "Pemetrexed Maintenance With or Without VTX-22 in Non-Squamous NSCLC",
    "Carboplatin and Pemetrexed With or Without AB-101 for Nonsquamous Non-Small Cell Lung Cancer",
    "Pembrolizumab Without Chemotherapy in Non-squamous NSCLC",
    "Chemotherapy With or Without Drug Q Among Patients With Non-Squamous Non-Small Cell Lung Cancer",
    "Maintenance Pemetrexed Plus or Without ZX-9 Following Induction in Non-Squamous NSCLC",
    "Docetaxel Versus No Treatment in Non-Squamous Non-Small Cell Lung Cancer",
]


@pytest.mark.parametrize("title", NON_SQUAMOUS_TITLES)
def test_a_negated_drug_before_the_population_leaves_its_histology_asked(title: str) -> None:
    text = trial("* Stage IV non-small cell lung cancer\n", "* Predominantly squamous histology\n", title=title)
    assert verdicts(text) == (EL, EX, EL, UN)


@pytest.mark.parametrize("title", [
    "Docetaxel With or Without Ramucirumab in Squamous NSCLC",
    "Gemcitabine Without Cisplatin for Squamous Cell Lung Cancer",
])
def test_a_negated_drug_before_a_squamous_population(title: str) -> None:
    assert verdicts(trial("* Stage IV non-small cell lung cancer\n", title=title)) == (EX, EL, EX, UN)


@pytest.mark.parametrize(("inclusion", "title"), [
    # a histology negated itself: a soft limit, as before (squamous a question)
    ("* NSCLC, not predominantly squamous\n", ""),
    ("* NSCLC without squamous histology\n", ""),
    ("* Stage IV non-small cell lung cancer\n", "Drug Q in NSCLC Without Squamous Histology"),
])
def test_a_negated_histology_still_shuts_it_out(inclusion: str, title: str) -> None:
    assert verdicts(trial(inclusion, title=title)) == (EL, UN, EL, UN)
