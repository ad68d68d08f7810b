"""The page: each card says what kind of study it is and why it ranks there; the "Kinds of study"
filter; a distance limit keeps (and marks) trials whose sites cannot be placed."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from test_app import fill, page, study, submit, texts, unescape  # noqa: F401  (page is a fixture)
from test_ranking import _everything_template, everything_engine  # noqa: F401  (fixtures)

from trialmatch.criteria.study_kind import OBSERVATIONAL, OTHER_INTERVENTIONAL


def _kinded(nct_id: str, title: str, design: dict[str, Any], *, country_only: bool = False) -> dict[str, Any]:
    record = copy.deepcopy(study(nct_id, title))
    record["protocolSection"]["designModule"] = design
    if country_only:
        record["protocolSection"]["contactsLocationsModule"] = {"locations": [{"country": "Germany"}]}
    return record


TREATMENT = {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"], "designInfo": {"primaryPurpose": "TREATMENT"}}
IMAGING = {"studyType": "INTERVENTIONAL", "phases": ["NA"], "designInfo": {"primaryPurpose": "DIAGNOSTIC"}}
REGISTRY = {"studyType": "OBSERVATIONAL", "patientRegistry": True}
RECORDS = [
    _kinded("NCT00000011", "A registry of lung cancer care", REGISTRY),
    _kinded("NCT00000012", "PET imaging with a new tracer", IMAGING),
    _kinded("NCT00000013", "Zorbatinib for advanced NSCLC", TREATMENT),
    _kinded("NCT00000014", "Zorbatinib in Germany", TREATMENT, country_only=True),
]


def _cards(at: Any) -> list[str]:
    return [unescape(m.value) for m in at.markdown if m.value.startswith("**") and ". " in m.value[:8]]


def test_cards_say_the_kind_of_study_and_treatment_studies_come_first(page: Any, engine: Engine) -> None:  # noqa: F811
    fill(engine, RECORDS)
    at = submit(page(engine), age=64)
    shown = unescape(texts(at))
    titles = _cards(at)
    assert [t.split(". ", 1)[1].rstrip("*") for t in titles] == [
        "Zorbatinib for advanced NSCLC", "Zorbatinib in Germany", "PET imaging with a new tracer",
        "A registry of lung cancer care"]
    assert "**Treatment study: a new drug**" in shown
    assert "**Imaging study: tests a scan or tracer, gives no treatment**" in shown
    assert "**Registry: collects information, gives no treatment**" in shown
    assert "Why it ranks here: a treatment study of a drug" in shown
    assert "Why it ranks here: a registry: listed after treatment studies" in shown


def test_kinds_of_study_filter(page: Any, engine: Engine) -> None:  # noqa: F811
    fill(engine, RECORDS)
    at = page(engine)
    at.multiselect(key="kinds").set_value([OBSERVATIONAL])
    at = submit(at, age=64)
    titles = _cards(at)
    assert len(titles) == 1 and "A registry of lung cancer care" in titles[0]


def test_a_distance_limit_keeps_trials_whose_sites_cannot_be_placed(page: Any, engine: Engine) -> None:  # noqa: F811
    fill(engine, RECORDS)
    at = page(engine)
    at.number_input(key="max_miles").set_value(100.0)
    at = submit(at, age=64, location="02115")
    shown = unescape(texts(at))
    assert "**4 possible match(es)**" in shown
    assert "distance unknown: sites in Germany" in shown
    # Known to be within the limit first, then the trial of unknown distance.
    titles = [t.split(". ", 1)[1].rstrip("*") for t in _cards(at)]
    assert titles[-1] == "Zorbatinib in Germany"


@pytest.mark.shared
def test_real_imaging_study_and_registry_carry_their_kind_on_the_card(
        page: Any, everything_engine: Engine) -> None:  # noqa: F811
    """Both shared sets (164 trials), an EGFR exon 19 patient after osimertinib: the first five
    cards are treatment studies; the imaging study and the registry say what they are."""
    at = submit(page(everything_engine), age=64, ecog="1", biomarkers={"EGFR": ["exon 19 deletion"]})
    kinds = [unescape(m.value) for m in at.markdown if m.value.startswith("**") and ("study" in m.value
             or "Registry" in m.value or "Sample" in m.value or "Kind" in m.value) and ". " not in m.value[:8]]
    assert len(kinds) >= 5 and all(k.startswith("**Treatment study") for k in kinds[:5]), kinds[:5]
    at.multiselect(key="kinds").set_value([OTHER_INTERVENTIONAL, OBSERVATIONAL])
    at = submit(at)
    shown = unescape(texts(at))
    assert any("99mTc-H7ND SPECT/CT Imaging" in card for card in _cards(at))
    assert "**Imaging study: tests a scan or tracer, gives no treatment**" in shown
    assert "**Registry: collects information, gives no treatment**" in shown
