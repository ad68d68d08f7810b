"""Small API v2 study records for the change-time and digest tests (kept apart from test_app's,
which imports Streamlit)."""

from __future__ import annotations

import copy
from typing import Any

UPDATED = "2025-12-20"  # a LastUpdatePostDate an incremental sync after the first one asks for


def record(nct_id: str, title: str, *, criteria: str = "Inclusion Criteria:\n\n* Stage IV NSCLC",
           sex: str = "ALL", max_age: str | None = None, status: str = "RECRUITING",
           conditions: tuple[str, ...] = ("Non-small Cell Lung Cancer",)) -> dict[str, Any]:
    eligibility: dict[str, Any] = {"eligibilityCriteria": criteria, "minimumAge": "18 Years", "sex": sex}
    if max_age:
        eligibility["maximumAge"] = max_age
    return {"protocolSection": {
        "identificationModule": {"nctId": nct_id, "briefTitle": title},
        "statusModule": {"overallStatus": status, "lastUpdatePostDateStruct": {"date": "2025-11-03"}},
        "conditionsModule": {"conditions": list(conditions)},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"]},
        "eligibilityModule": eligibility,
        "contactsLocationsModule": {"locations": [{
            "facility": "Dana-Farber Cancer Institute", "city": "Boston", "state": "Massachusetts",
            "country": "United States", "status": "RECRUITING", "geoPoint": {"lat": 42.337, "lon": -71.108},
        }]},
    }}


def changed(original: dict[str, Any], **edits: Any) -> dict[str, Any]:
    """A copy of `original` posted as updated, with `status`, `criteria`, `max_age` or `facility` edited."""
    new = copy.deepcopy(original)
    ps = new["protocolSection"]
    ps["statusModule"]["lastUpdatePostDateStruct"] = {"date": UPDATED}
    if "status" in edits:
        ps["statusModule"]["overallStatus"] = edits["status"]
    if "criteria" in edits:
        ps["eligibilityModule"]["eligibilityCriteria"] = edits["criteria"]
    if "max_age" in edits:
        ps["eligibilityModule"]["maximumAge"] = edits["max_age"]
    if "facility" in edits:
        ps["contactsLocationsModule"]["locations"][0]["facility"] = edits["facility"]
    return new


def nct(rec: dict[str, Any]) -> str:
    return str(rec["protocolSection"]["identificationModule"]["nctId"])
