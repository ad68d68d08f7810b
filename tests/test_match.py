"""Combining findings into a verdict, filtering, distance to the nearest open site, ranking."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from trialmatch.cache.distance import haversine_miles
from trialmatch.criteria.parse import parse_text
from trialmatch.criteria.rules.structured import check_age, check_sex
from trialmatch.criteria.text import TrialText
from trialmatch.matching.match import Candidate, MatchFilters, SiteInfo, match_profile, nearest_open_site
from trialmatch.matching.profile import profile_from_dict

BOSTON = (42.3601, -71.0589)
NEW_YORK = (40.7128, -74.0060)
CHICAGO = (41.8781, -87.6298)


def _site(city: str, where: tuple[float, float], status: str = "RECRUITING") -> SiteInfo:
    return SiteInfo(f"{city} Cancer Center", city, None, "United States", where[0], where[1], status)


def _candidate(nct_id: str, **kw: object) -> Candidate:
    rules = parse_text(TrialText(nct_id=nct_id, title="Advanced NSCLC study"))
    defaults: dict[str, object] = {"title": "Advanced NSCLC study", "status": "RECRUITING", "rules": rules}
    return Candidate(nct_id=nct_id, **{**defaults, **kw})  # type: ignore[arg-type]


PROFILE = profile_from_dict({"age": 64, "sex": "female", "ecog": 1})


def test_haversine_boston_to_new_york_is_about_190_miles() -> None:
    assert haversine_miles(*BOSTON, *NEW_YORK) == pytest.approx(190, abs=5)


@pytest.mark.parametrize(
    ("minimum", "maximum", "age", "verdict"),
    [
        (18, None, 64, "eligible"),
        (18, 75, 80, "excluded"),
        (18, None, 16, "excluded"),
        (None, None, None, "eligible"),
        (18, None, None, "unknown"),
    ],
    ids=["adult-64-fits", "80-over-max-75", "16-under-min-18", "no-limits", "age-not-given-is-unknown"],
)
def test_age_limits(minimum: float | None, maximum: float | None, age: int | None, verdict: str) -> None:
    profile = profile_from_dict({"age": age})
    assert check_age(minimum, maximum, profile).verdict == verdict


@pytest.mark.parametrize(
    ("trial_sex", "sex", "verdict"),
    [("ALL", "male", "eligible"), ("FEMALE", "male", "excluded"), ("FEMALE", None, "unknown"),
     ("MALE", "male", "eligible")],
    ids=["all-sexes", "women-only-excludes-man", "women-only-sex-unknown", "men-only-man"],
)
def test_sex_limits(trial_sex: str, sex: str | None, verdict: str) -> None:
    assert check_sex(trial_sex, profile_from_dict({"sex": sex})).verdict == verdict


def test_nearest_site_ignores_closed_sites() -> None:
    sites = [_site("New York", NEW_YORK, status="COMPLETED"), _site("Chicago", CHICAGO)]
    nearest = nearest_open_site(sites, BOSTON)
    assert nearest is not None and nearest.site.city == "Chicago"


def test_an_age_exclusion_makes_the_trial_excluded_and_hidden_by_default() -> None:
    young_only = _candidate("NCT00000001", maximum_age_years=60)
    assert match_profile([young_only], PROFILE) == []
    shown = match_profile([young_only], PROFILE, MatchFilters(include_excluded=True))
    assert [m.verdict for m in shown] == ["excluded"]
    assert shown[0].exclusions == ["age"]


def test_closed_trials_are_filtered_unless_asked_for() -> None:
    closed = _candidate("NCT00000002", status="COMPLETED")
    assert match_profile([closed], PROFILE) == []
    assert len(match_profile([closed], PROFILE, MatchFilters(statuses=()))) == 1


def test_filters_on_phase_type_and_newness() -> None:
    old = _candidate("NCT00000003", phases=("PHASE3",), study_type="INTERVENTIONAL",
                     first_seen=datetime(2026, 1, 1))
    new = _candidate("NCT00000004", phases=("PHASE1",), study_type="OBSERVATIONAL",
                     first_seen=datetime(2026, 11, 1))
    ids = lambda f: [m.candidate.nct_id for m in match_profile([old, new], PROFILE, f)]  # noqa: E731
    assert ids(MatchFilters(phases=("PHASE3",))) == ["NCT00000003"]
    assert ids(MatchFilters(interventional_only=True)) == ["NCT00000003"]
    assert ids(MatchFilters(new_since=date(2026, 10, 1))) == ["NCT00000004"]


def test_recruiting_ranks_before_not_yet_recruiting_and_nearer_first() -> None:
    far = _candidate("NCT00000005", sites=(_site("Chicago", CHICAGO),))
    near = _candidate("NCT00000006", sites=(_site("New York", NEW_YORK),))
    soon = _candidate("NCT00000007", status="NOT_YET_RECRUITING", sites=(_site("Boston", BOSTON),))
    ranked = match_profile([soon, far, near], PROFILE, MatchFilters(origin=BOSTON))
    assert [m.candidate.nct_id for m in ranked] == ["NCT00000006", "NCT00000005", "NCT00000007"]
    assert any("miles" in reason for reason in ranked[0].rank_reasons)


def test_max_distance_drops_trials_without_a_near_open_site() -> None:
    far = _candidate("NCT00000008", sites=(_site("Chicago", CHICAGO),))
    near = _candidate("NCT00000009", sites=(_site("New York", NEW_YORK),))
    ranked = match_profile([far, near], PROFILE, MatchFilters(origin=BOSTON, max_distance_miles=300))
    assert [m.candidate.nct_id for m in ranked] == ["NCT00000009"]


def test_json_has_the_shape_the_eval_scores() -> None:
    m = match_profile([_candidate("NCT00000010")], PROFILE)[0]
    out = m.to_json()
    assert out["nct_id"] == "NCT00000010" and out["verdict"] in ("possible", "excluded")
    for dim in ("disease", "biomarker", "prior_therapy", "performance_status", "brain_metastases"):
        assert set(out["dimensions"][dim]) >= {"verdict", "evidence"}


def _trial(nct_id: str, criteria: str, title: str = "Advanced NSCLC study") -> Candidate:
    from trialmatch.criteria.text import split_criteria

    text = TrialText(nct_id=nct_id, title=title, criteria=tuple(split_criteria(criteria)))
    return Candidate(nct_id=nct_id, title=title, status="RECRUITING", rules=parse_text(text))


def test_a_trial_asking_for_the_patients_marker_ranks_before_generic_ones() -> None:
    patient = profile_from_dict({"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}],
                                 "tested_negative": ["EGFR", "ALK"], "ecog": 1})
    generic = _trial("NCT00000011", "Inclusion Criteria:\n* ECOG 0-1")
    wild_type = _trial("NCT00000012", "Inclusion Criteria:\n* EGFR and ALK wild-type tumours")
    specific = _trial("NCT00000013", "Inclusion Criteria:\n* Documented KRAS G12C mutation")
    ranked = match_profile([generic, wild_type, specific], patient)
    assert ranked[0].candidate.nct_id == "NCT00000013"
    assert "it asks for a tumour marker your profile has" in ranked[0].rank_reasons
    assert not ranked[1].dimensions["biomarker"].specific


def test_fewer_things_to_check_rank_first() -> None:
    patient = profile_from_dict({"ecog": 1})  # brain metastases unknown
    brain_rule = _trial("NCT00000014", "Exclusion Criteria:\n* Active brain metastases")
    no_rule = _trial("NCT00000015", "Inclusion Criteria:\n* ECOG 0-1")
    ranked = match_profile([brain_rule, no_rule], patient)
    assert [m.candidate.nct_id for m in ranked] == ["NCT00000015", "NCT00000014"]
    assert "brain_metastases" in ranked[1].unknowns and "brain_metastases" not in ranked[0].unknowns
