"""What the page shows, without Streamlit: marked criteria, chart counts, new trials, site tables."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from trialmatch.cache.models import Site, Trial
from trialmatch.criteria.rules.base import Finding
from trialmatch.matching.match import Candidate, TrialMatch
from trialmatch.present import trial_view

CRITERIA = """Inclusion Criteria:

* Histologically confirmed NSCLC with EGFR exon 19 deletion or L858R
* ECOG performance status 0-1
  * Karnofsky 70 or more is also accepted

Exclusion Criteria:

* Symptomatic <b>brain</b> metastases [see protocol](javascript:alert(1))
"""


def test_the_sentences_behind_a_verdict_are_marked_and_others_are_not() -> None:
    findings = {
        "biomarker": Finding("eligible", "Histologically confirmed NSCLC with EGFR exon 19 deletion or L858R", "ok"),
        "performance_status": Finding("unknown", "ECOG performance status 0-1", "?"),
        "brain_metastases": Finding("eligible", "Symptomatic <b>brain</b> metastases [see …", "ok"),
        "prior_therapy": Finding("eligible", "", "no requirement"),
    }
    marked = trial_view.marked_criteria(CRITERIA, findings)
    assert [m.decided for m in marked] == [("biomarker",), ("performance_status",), (), ("brain_metastases",)]
    assert [m.criterion.section for m in marked] == ["inclusion", "inclusion", "inclusion", "exclusion"]


def test_criteria_markdown_keeps_structure_but_never_live_html_or_links() -> None:
    findings = {"performance_status": Finding("unknown", "ECOG performance status 0-1", "?")}
    text = trial_view.criteria_markdown(trial_view.marked_criteria(CRITERIA, findings))
    assert "**Who can join**" in text and "**Who cannot join**" in text
    assert f"- {trial_view.DECIDING_MARK} **ECOG performance status 0\\-1**" in text
    assert "  - Karnofsky 70 or more is also accepted" in text  # the sub-bullet stays indented
    assert "<b>" not in text and "](javascript" not in text
    assert "\\<b\\>brain\\<" in text


@pytest.mark.parametrize(
    ("nct_id", "url"),
    [("NCT01234567", "https://clinicaltrials.gov/study/NCT01234567"), ("NCT0123", None),
     ("javascript:alert(1)", None), ("NCT01234567/../../evil", None)],
    ids=["valid", "too-short", "script-url", "path-traversal"],
)
def test_links_are_only_built_from_well_formed_nct_ids(nct_id: str, url: str | None) -> None:
    assert trial_view.trial_url(nct_id) == url


def _candidate(nct_id: str, title: str, status: str = "RECRUITING", phases: tuple[str, ...] = ("PHASE2",),
               conditions: tuple[str, ...] = (), first_seen: datetime | None = None) -> Candidate:
    return Candidate(nct_id, title, status, phases, conditions=conditions, first_seen=first_seen)


INDEX = [
    _candidate("NCT00000001", "Osimertinib in EGFR-mutant NSCLC", phases=("PHASE3",)),
    _candidate("NCT00000002", "Sotorasib for KRAS G12C", conditions=("KRAS G12C Mutation", "PD-L1 high")),
    _candidate("NCT00000003", "HER2 exon 20 and EGFR exon 20", phases=("PHASE1", "PHASE2")),
    _candidate("NCT00000004", "Chemotherapy for everyone", phases=()),
    _candidate("NCT00000005", "EGFR but closed", status="COMPLETED"),
    _candidate("NCT00000006", "A METhod of IMPROVEMENT trial in RETirees"),  # words containing gene names
]


def test_recruiting_trials_by_biomarker_count_names_in_title_and_conditions() -> None:
    assert trial_view.recruiting_by_biomarker(INDEX) == {"EGFR": 2, "KRAS": 1, "PD-L1": 1, "ERBB2": 1}


def test_recruiting_trials_by_phase_count_each_phase_and_none() -> None:
    assert trial_view.recruiting_by_phase(INDEX) == {"NA": 1, "PHASE1": 1, "PHASE2": 3, "PHASE3": 1}


def test_new_trials_are_those_first_seen_in_the_latest_sync_newest_first() -> None:
    sync_start = datetime(2025, 12, 10, 8, 0, tzinfo=UTC)
    index = [
        _candidate("NCT00000001", "old", first_seen=datetime(2025, 11, 1)),
        _candidate("NCT00000002", "new", first_seen=datetime(2025, 12, 10, 8, 5)),  # naive, as SQLite returns
        _candidate("NCT00000003", "newer", first_seen=datetime(2025, 12, 10, 9, 0, tzinfo=UTC)),
        _candidate("NCT00000004", "unknown"),
    ]
    assert [c.title for c in trial_view.new_since(index, sync_start)] == ["newer", "new"]
    assert trial_view.new_since(index, None) == []


def test_results_split_into_possible_and_excluded_with_plain_reasons() -> None:
    keep = TrialMatch(INDEX[0], "possible", {"age": Finding("eligible", "", "")})
    drop = TrialMatch(INDEX[1], "excluded", {"sex": Finding("excluded", "Female only", "The trial is for women.")})
    possible, excluded = trial_view.split_results([keep, drop])
    assert possible == [keep] and excluded == [drop]
    assert trial_view.exclusion_reasons(drop) == ["Sex: The trial is for women."]


def test_site_rows_are_nearest_first_with_contacts_in_one_line() -> None:
    sites = [
        Site(nct_id="NCT00000001", facility="Far", city="Los Angeles", state="California", country="United States",
             latitude=34.05, longitude=-118.24, status="RECRUITING"),
        Site(nct_id="NCT00000001", facility="Near", city="Boston", country="United States", latitude=42.34,
             longitude=-71.10, status="NOT_YET_RECRUITING",
             contacts=[{"name": "Nurse", "phone": "617-555-0100", "phone_ext": "12", "email": "n@example.org"},
                       {"name": "Doctor"}]),
    ]
    rows = trial_view.site_rows(sites, (42.35, -71.06))
    assert [r["Site"] for r in rows] == ["Near", "Far"]
    assert rows[0]["Contact"] == "Nurse, 617-555-0100 ext 12, n@example.org; Doctor"
    assert rows[0]["Status"] == "Not yet recruiting" and rows[0]["Miles"] == 2
    assert rows[1]["Place"] == "Los Angeles, California, United States"


def test_arms_show_their_drugs_or_fall_back_to_interventions() -> None:
    with_arms = Trial(nct_id="NCT00000001", arms=[{"label": "Arm A", "description": "Daily",
                                                   "interventions": ["Drug: osimertinib"]}])
    assert trial_view.arms_lines(with_arms) == [("Arm A", "Drug: osimertinib — Daily")]
    without = Trial(nct_id="NCT00000001", interventions=[{"name": "Pembrolizumab", "description": "IV"}])
    assert trial_view.arms_lines(without) == [("Pembrolizumab", "IV")]
