"""API v2 study record -> the cache's Trial and Site rows. Pure: no I/O, no session.

Every key is read with `.get`, because real records leave out almost anything: `maximumAge`
(no upper limit), `phases` (observational studies), locations or their `geoPoint`, whole
modules. Partial dates stay as the API writes them ("2024-05"). Criteria text is stored as
given (markdown with backslash escapes, or just "Nil"); trialmatch.criteria.text cleans it for parsing.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

import orjson

from trialmatch.cache.geo import place_site
from trialmatch.criteria.record_values import as_dict, as_list, as_strings, as_text
from trialmatch.criteria.study_kind import design_columns

NCT_ID = re.compile(r"^NCT\d{8}$")
_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\s*$", re.I)
_YEARS_PER_UNIT = {
    "year": 1.0,
    "month": 1 / 12,
    "week": 7 / 365.25,
    "day": 1 / 365.25,
    "hour": 1 / (365.25 * 24),
    "minute": 1 / (365.25 * 24 * 60),
}


class InvalidRecordError(ValueError):
    """A study record without a usable NCT id: it cannot be cached, only skipped."""


@dataclass(frozen=True)
class TrialRows:
    """What one record becomes: column values for `trial` (raw and hash included) and its `sites`."""

    nct_id: str
    trial: dict[str, Any]
    sites: list[dict[str, Any]]

    @property
    def status(self) -> str:
        return str(self.trial["overall_status"])


def _float(value: Any) -> float | None:
    kind = type(value)
    if kind is float or kind is int:
        return float(value)
    if value is None or kind is bool:
        return None
    try:
        return float(str(value))
    except (TypeError, ValueError):
        return None


def age_in_years(text: Any) -> float | None:
    """ "18 Years" -> 18.0, "6 Months" -> 0.5, "1 Year" -> 1.0; absent or unreadable -> None (no limit)."""
    match = _AGE.match(str(text)) if text is not None else None
    if match is None:
        return None
    years = float(match.group(1)) * _YEARS_PER_UNIT[match.group(2).lower()]
    return round(years, 4)


def record_hash(record: dict[str, Any]) -> str:
    """sha256 of the record in canonical JSON (sorted keys): equal hashes mean nothing to rewrite."""
    try:
        canonical = orjson.dumps(record, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # orjson.JSONEncodeError: e.g. an integer wider than 64 bits
        canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(canonical).hexdigest()


def _contacts(items: Any) -> list[dict[str, Any]]:
    out = []
    for c in as_list(items):
        if type(c) is not dict:
            continue
        contact = {
            "name": as_text(c.get("name")),
            "role": as_text(c.get("role")),
            "phone": as_text(c.get("phone")),
            "phone_ext": as_text(c.get("phoneExt")),
            "email": as_text(c.get("email")),
        }
        if any(contact.values()):
            out.append(contact)
    return out


def site_rows(nct_id: str, locations: Any) -> list[dict[str, Any]]:
    """One row per listed location. Coordinates are the registry's geoPoint (a city's centre), or
    when it gives none, the packaged gazetteer's for the city (geo.place_site); else None."""
    rows = []
    for loc in as_list(locations):
        if type(loc) is not dict:
            loc = {}
        geo = as_dict(loc.get("geoPoint"))
        lat, lon = _float(geo.get("lat")), _float(geo.get("lon"))
        if lat is None or lon is None:
            lat, lon = place_site(as_text(loc.get("city")), as_text(loc.get("state")),
                                  as_text(loc.get("country"))) or (None, None)
        contacts = loc.get("contacts")
        rows.append(
            {
                "nct_id": nct_id,
                "facility": as_text(loc.get("facility")),
                "city": as_text(loc.get("city")),
                "state": as_text(loc.get("state")),
                "zip": as_text(loc.get("zip")),
                "country": as_text(loc.get("country")),
                "latitude": lat,
                "longitude": lon,
                "status": as_text(loc.get("status")),
                "contacts": _contacts(contacts) if contacts else [],
            }
        )
    return rows


def _date(struct: Any) -> str | None:
    return as_text(as_dict(struct).get("date"))


def nct_id_of(record: Any) -> str:
    """The record's NCT id, upper-cased; InvalidRecordError if it has none that is valid."""
    if not isinstance(record, dict):
        raise InvalidRecordError(f"a study record must be a JSON object, not {type(record).__name__}")
    ident = as_dict(as_dict(record.get("protocolSection")).get("identificationModule"))
    nct_id = (as_text(ident.get("nctId")) or "").upper()
    if not NCT_ID.match(nct_id):
        raise InvalidRecordError(f"study record without a valid NCT id ({ident.get('nctId')!r})")
    return nct_id


def trial_rows(record: dict[str, Any], *, digest: str | None = None) -> TrialRows:
    """Convert one API v2 study object (full, or trimmed by `fields=`) into cache rows.

    Raises InvalidRecordError when the record has no valid NCT id; anything else missing
    becomes None, "" or [] as the column allows. `digest`: the record_hash if already known.
    """
    nct_id = nct_id_of(record)
    ps = as_dict(record.get("protocolSection"))
    ident = as_dict(ps.get("identificationModule"))
    status = as_dict(ps.get("statusModule"))
    sponsor = as_dict(ps.get("sponsorCollaboratorsModule"))
    desc = as_dict(ps.get("descriptionModule"))
    cond = as_dict(ps.get("conditionsModule"))
    design = as_dict(ps.get("designModule"))
    arms_mod = as_dict(ps.get("armsInterventionsModule"))
    elig = as_dict(ps.get("eligibilityModule"))
    contacts = as_dict(ps.get("contactsLocationsModule"))
    healthy = elig.get("healthyVolunteers")
    brief_title = as_text(ident.get("briefTitle")) or as_text(ident.get("officialTitle")) or nct_id
    trial = {
        "nct_id": nct_id,
        "brief_title": brief_title,
        "official_title": as_text(ident.get("officialTitle")),
        "acronym": as_text(ident.get("acronym")),
        "brief_summary": as_text(desc.get("briefSummary")),
        "overall_status": (as_text(status.get("overallStatus")) or "UNKNOWN").upper(),
        "last_known_status": as_text(status.get("lastKnownStatus")),
        "phases": as_strings(design.get("phases")),
        "study_type": as_text(design.get("studyType")),
        **design_columns(ps, [brief_title, as_text(ident.get("officialTitle")) or ""]),
        "conditions": as_strings(cond.get("conditions")),
        "keywords": as_strings(cond.get("keywords")),
        "interventions": [
            {
                "name": as_text(i.get("name")),
                "type": as_text(i.get("type")),
                "description": as_text(i.get("description")),
                "other_names": as_strings(i.get("otherNames")),
                "arm_labels": as_strings(i.get("armGroupLabels")),
            }
            for i in map(as_dict, as_list(arms_mod.get("interventions")))
        ],
        "arms": [
            {
                "label": as_text(a.get("label")),
                "type": as_text(a.get("type")),
                "description": as_text(a.get("description")),
                "interventions": as_strings(a.get("interventionNames")),
            }
            for a in map(as_dict, as_list(arms_mod.get("armGroups")))
        ],
        "eligibility_criteria": str(elig.get("eligibilityCriteria") or ""),
        "minimum_age": as_text(elig.get("minimumAge")),
        "maximum_age": as_text(elig.get("maximumAge")),
        "minimum_age_years": age_in_years(elig.get("minimumAge")),
        "maximum_age_years": age_in_years(elig.get("maximumAge")),
        "sex": (as_text(elig.get("sex")) or "ALL").upper(),
        "healthy_volunteers": healthy if isinstance(healthy, bool) else None,
        "sponsor": as_text(as_dict(sponsor.get("leadSponsor")).get("name")),
        "central_contacts": _contacts(contacts.get("centralContacts")),
        "start_date": _date(status.get("startDateStruct")),
        "first_posted": _date(status.get("studyFirstPostDateStruct")),
        "last_update_posted": _date(status.get("lastUpdatePostDateStruct")),
        "record_hash": digest or record_hash(record),
        "raw": record,
    }
    return TrialRows(nct_id, trial, site_rows(nct_id, contacts.get("locations")))
