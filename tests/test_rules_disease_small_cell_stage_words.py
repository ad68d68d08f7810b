"""Disease: a small cell lung cancer trial that says so only by SCLC's own (Veterans Administration) stages.

"Extensive-stage disease per VA staging" in the inclusions, or "Extensive-Stage Lung Cancer" in the title: no NSCLC
is staged as extensive or limited disease, so a trial whose title says "lung cancer" and whose criteria ask for
extensive-stage disease is a small cell trial (before: eligible, or a question when the title named the stage).
Near-misses: the stage as a treatment's or history's ("no prior therapy for extensive-stage disease"), NSCLC named
beside it, another cancer's limited-stage disease."""

from __future__ import annotations

import pytest
from invented import invented_trial

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile


def verdict(inclusion: str, title: str, conditions: tuple[str, ...] = ("Lung Cancer",),
            histology: str = "adenocarcinoma") -> str:
    text = invented_trial(f"{inclusion}\n* Measurable disease per RECIST 1.1\n", "* Pregnancy\n", title=title,
                          conditions=conditions)
    return str(disease.check(disease.parse(text), Profile(histology=histology, stage="IV")).verdict)


SMALL_CELL = [
    ("* Extensive-stage disease (ES) per VA staging", "A Study of PQ-5 in Extensive-Stage Lung Cancer"),
    ("* Extensive-stage disease at diagnosis, previously untreated", "PQ-5 plus chemotherapy in lung cancer"),
    ("* Limited-stage disease (LD) suitable for concurrent chemoradiotherapy", "Consolidation PQ-5 in Lung Cancer"),
    ("* Histologically confirmed extensive stage disease", "PQ-5 in Limited- or Extensive-Stage Lung Cancer"),
    ("* Newly diagnosed extensive disease (VA staging)", "PQ-5 maintenance in lung cancer"),
    ("* Patients with extensive-stage disease not amenable to radiotherapy", "PQ-5 in Lung Carcinoma"),
]


@pytest.mark.parametrize(("inclusion", "title"), SMALL_CELL)
def test_small_cell_stages_make_a_small_cell_trial(inclusion: str, title: str) -> None:
    assert verdict(inclusion, title) == "excluded"
    assert verdict(inclusion, title, histology="squamous") == "excluded"


def test_small_cell_stage_in_title_alone_stays_a_question() -> None:
    # The conditions say lung cancer and the criteria name no disease: a question, as for a title naming SCLC.
    assert verdict("* Adequate organ function", "PQ-5 in Extensive-Stage Lung Cancer") == "unknown"


NEAR = [
    ("* Stage IV NSCLC or extensive-stage disease", "PQ-5 in lung cancer"),
    ("* No prior systemic therapy for extensive-stage disease\n* Stage IV lung cancer", "PQ-5 in lung cancer"),
    ("* Advanced solid tumour; extensive-stage disease is allowed", "PQ-5 in solid tumours"),
    ("* Metastatic non-small cell lung cancer", "PQ-5 in advanced lung cancer"),
]


@pytest.mark.parametrize(("inclusion", "title"), NEAR)
def test_nsclc_or_a_history_keeps_its_verdict(inclusion: str, title: str) -> None:
    assert verdict(inclusion, title) == "eligible"
