"""Offline geocoding: ZIP codes and cities from packaged data, clear errors for anything else."""

from __future__ import annotations

import pytest

from trialmatch.cache.geo import Place, by_distance, geocode, normalize, place_site
from trialmatch.cache.models import Site
from trialmatch.errors import ProfileError


@pytest.mark.parametrize(
    ("query", "label", "lat", "lon"),
    [
        ("02115", "Boston, MA 02115", 42.34, -71.09),
        ("02115-1234", "Boston, MA 02115", 42.34, -71.09),
        (" 10001 ", "New York, NY 10001", 40.75, -74.00),
        ("Boston, MA", "Boston, MA, US", 42.36, -71.06),
        ("boston, massachusetts", "Boston, MA, US", 42.36, -71.06),
        ("Portland", "Portland, OR, US", 45.52, -122.68),
        ("Portland, ME", "Portland, ME, US", 43.66, -70.26),
        ("Paris", "Paris, FR", 48.85, 2.35),
        ("Paris, TX", "Paris, TX, US", 33.66, -95.56),
        ("St. Louis", "St. Louis, MO, US", 38.63, -90.20),
        ("Saint Louis, Missouri", "St. Louis, MO, US", 38.63, -90.20),
        ("Sao Paulo", "São Paulo, BR", -23.55, -46.64),
        ("Lyon, France", "Lyon, FR", 45.75, 4.85),
        ("Bar Harbor, ME", "Bar Harbor, ME, US", 44.37, -68.24),
    ],
    ids=[
        "zip", "zip-plus-four", "zip-with-spaces", "city-and-state-code", "city-and-state-name-lowercase",
        "bare-us-city-picks-the-largest", "state-picks-the-smaller-namesake", "bare-name-prefers-the-big-city-abroad",
        "state-beats-population", "saint-abbreviated", "saint-spelled-out", "accents-optional",
        "city-and-country", "small-us-town-from-zip-data",
    ],
)
def test_places_resolve_to_coordinates_and_a_label_that_says_which_one(
    query: str, label: str, lat: float, lon: float
) -> None:
    place = geocode(query)
    assert place.label == label
    assert place.latitude == pytest.approx(lat, abs=0.05)
    assert place.longitude == pytest.approx(lon, abs=0.05)


def test_a_place_unpacks_as_lat_lon_label() -> None:
    lat, lon, label = geocode("02115")
    assert isinstance(geocode("02115"), Place) and label.startswith("Boston") and lat > 40 > lon


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "location is empty"),
        ("   ", "location is empty"),
        ("99999", "no US ZIP code 99999"),
        ("1234", "is not a US ZIP code"),
        ("123456", "is not a US ZIP code"),
        ("Xyzzyville", "no place called 'Xyzzyville'"),
        ("Boston, Narnia", "'Narnia' is not a US state or a country"),
        ("Springfield, WY", "no place called 'Springfield' in WY"),
        (", MA", "has no city name"),
        ("x" * 500, "too long"),
    ],
    ids=[
        "empty", "blank", "zip-not-in-the-list", "too-few-digits", "too-many-digits", "unknown-city",
        "unknown-state-or-country", "city-not-in-that-state", "no-city-name", "huge-input",
    ],
)
def test_unknown_places_raise_a_profile_error_naming_location(query: str, message: str) -> None:
    with pytest.raises(ProfileError) as raised:
        geocode(query)
    assert message in str(raised.value)
    assert raised.value.field == "location"


def test_a_small_town_in_several_states_asks_for_the_state() -> None:
    with pytest.raises(ProfileError, match="in several states"):
        geocode("Hardwick")


@pytest.mark.parametrize(
    ("raw", "key"),
    [("Saint-Étienne", "saint etienne"), ("St. Paul", "saint paul"), ("Ft. Worth", "fort worth"),
     ("  NEW   york ", "new york")],
    ids=["accents-and-hyphen", "st-dot", "ft-dot", "case-and-spaces"],
)
def test_names_compare_without_accents_case_or_abbreviations(raw: str, key: str) -> None:
    assert normalize(raw) == key


def test_sites_sort_nearest_first_with_unknown_distances_last() -> None:
    far = Site(nct_id="NCT00000001", facility="Far", latitude=34.05, longitude=-118.24)
    near = Site(nct_id="NCT00000001", facility="Near", latitude=42.34, longitude=-71.10)
    nowhere = Site(nct_id="NCT00000001", facility="Nowhere")
    ordered = by_distance([far, nowhere, near], (42.35, -71.06))
    assert [s.facility for s, _ in ordered] == ["Near", "Far", "Nowhere"]
    assert ordered[0][1] is not None and ordered[0][1] < 5
    assert ordered[2][1] is None
    assert [m for _, m in by_distance([far], None)] == [None]


@pytest.mark.parametrize(
    ("query", "label"),
    [("Denver CO", "Denver, CO, US"), ("Denver, CO", "Denver, CO, US"), ("Portland ME", "Portland, ME, US"),
     ("Kansas City MO", "Kansas City, MO, US"), ("Lyon France", "Lyon, FR"),
     ("Salt Lake City", "Salt Lake City, UT, US")],
    ids=["city-state-no-comma", "city-comma-state", "state-picks-the-namesake", "two-word-city", "city-country",
         "a-city-name-of-several-words-stays-whole"],
)
def test_the_comma_before_a_state_or_country_is_optional(query: str, label: str) -> None:
    assert geocode(query).label == label


def test_a_place_that_is_not_a_city_and_state_still_says_so_without_a_comma() -> None:
    with pytest.raises(ProfileError, match="no place called 'Xyzzyville' in CO"):
        geocode("Xyzzyville CO")


@pytest.mark.parametrize(
    ("city", "state", "country", "near"),
    [("Boston", "Massachusetts", "United States", (42.36, -71.06)),
     ("Lyon", None, "France", (45.75, 4.85)),
     ("Shanghai", "Shanghai Municipality", "China", (31.22, 121.46))],
)
def test_a_site_without_coordinates_is_placed_from_its_city_and_country(
        city: str, state: str | None, country: str, near: tuple[float, float]) -> None:
    placed = place_site(city, state, country)
    assert placed is not None and placed == pytest.approx(near, abs=0.1)


@pytest.mark.parametrize(
    ("city", "state", "country"),
    [(None, None, "Germany"), ("Springfield", None, "United States"), ("Xyzzyville", None, "France"),
     ("Paris", None, "Atlantis")],
    ids=["country-only", "namesakes-far-apart", "unknown-city", "unknown-country"],
)
def test_a_site_that_cannot_be_placed_surely_is_not_placed(city: str | None, state: str | None, country: str) -> None:
    assert place_site(city, state, country) is None
