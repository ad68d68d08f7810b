"""API record -> cache rows: every quirk real records have, and all 100 shared records."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from trialmatch.cache.records import InvalidRecordError, age_in_years, record_hash, trial_rows


def record(**modules: Any) -> dict[str, Any]:
    ps: dict[str, Any] = {"identificationModule": {"nctId": "NCT01234567", "briefTitle": "A study"}}
    ps.update(modules)
    return {"protocolSection": ps}


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("18 Years", 18.0),
        ("1 Year", 1.0),
        ("6 Months", 0.5),
        ("2 Weeks", round(14 / 365.25, 4)),
        ("30 Days", round(30 / 365.25, 4)),
        ("75 years", 75.0),
        (None, None),
        ("", None),
        ("N/A", None),
        ("eighteen", None),
    ],
    ids=["years", "singular-year", "months", "weeks", "days", "lower-case", "absent", "empty", "n-a", "words"],
)
def test_age_text_becomes_years(text: str | None, years: float | None) -> None:
    assert age_in_years(text) == years


def test_a_record_with_only_an_id_loads_with_safe_defaults() -> None:
    rows = trial_rows({"protocolSection": {"identificationModule": {"nctId": "NCT01234567"}}})
    t = rows.trial
    assert t["nct_id"] == "NCT01234567" and t["brief_title"] == "NCT01234567"
    assert t["overall_status"] == "UNKNOWN" and t["sex"] == "ALL"
    assert t["phases"] == [] and t["conditions"] == [] and t["eligibility_criteria"] == ""
    assert t["minimum_age_years"] is None and t["maximum_age_years"] is None
    assert rows.sites == []


def test_missing_maximum_age_means_no_upper_limit() -> None:
    t = trial_rows(record(eligibilityModule={"minimumAge": "18 Years", "sex": "ALL"})).trial
    assert (t["minimum_age_years"], t["maximum_age_years"]) == (18.0, None)


def test_partial_dates_are_kept_as_the_registry_wrote_them() -> None:
    status = {
        "overallStatus": "RECRUITING",
        "startDateStruct": {"date": "2024-05", "type": "ACTUAL"},
        "studyFirstPostDateStruct": {"date": "2024-04-02"},
        "lastUpdatePostDateStruct": {"date": "2025-11-30"},
    }
    t = trial_rows(record(statusModule=status)).trial
    assert (t["start_date"], t["first_posted"], t["last_update_posted"]) == ("2024-05", "2024-04-02", "2025-11-30")


def test_criteria_that_read_nil_are_stored_as_written() -> None:
    t = trial_rows(record(eligibilityModule={"eligibilityCriteria": "Inclusion Criteria:\n\nNil"})).trial
    assert t["eligibility_criteria"] == "Inclusion Criteria:\n\nNil"


def test_sites_keep_contacts_and_tolerate_missing_coordinates() -> None:
    locations = [
        {"facility": "Mass General", "city": "Boston", "state": "Massachusetts", "zip": "02114",
         "country": "United States", "status": "RECRUITING", "geoPoint": {"lat": 42.36, "lon": -71.06},
         "contacts": [{"name": "Jo Doe", "role": "CONTACT", "phone": "617-555-0100", "phoneExt": "12"}]},
        {"facility": "Somewhere", "country": "France"},
    ]
    sites = trial_rows(record(contactsLocationsModule={"locations": locations})).sites
    assert [s["city"] for s in sites] == ["Boston", None]
    assert (sites[0]["latitude"], sites[0]["longitude"]) == (42.36, -71.06)
    assert sites[0]["contacts"] == [
        {"name": "Jo Doe", "role": "CONTACT", "phone": "617-555-0100", "phone_ext": "12", "email": None}
    ]
    assert sites[1]["latitude"] is None and sites[1]["contacts"] == []


def test_interventions_and_arms_keep_their_links() -> None:
    arms_mod = {
        "armGroups": [{"label": "A", "type": "EXPERIMENTAL", "interventionNames": ["Drug: osimertinib"]}],
        "interventions": [{"type": "DRUG", "name": "osimertinib", "otherNames": ["AZD9291"], "armGroupLabels": ["A"]}],
    }
    t = trial_rows(record(armsInterventionsModule=arms_mod)).trial
    assert t["interventions"][0]["other_names"] == ["AZD9291"] and t["interventions"][0]["arm_labels"] == ["A"]
    assert t["arms"][0]["interventions"] == ["Drug: osimertinib"]


@pytest.mark.parametrize(
    "broken",
    [
        {"statusModule": None},
        {"eligibilityModule": "not a module"},
        {"designModule": {"phases": "PHASE2"}},
        {"contactsLocationsModule": {"locations": [None, "x", {"geoPoint": {"lat": "n/a"}}]}},
        {"armsInterventionsModule": {"interventions": [None], "armGroups": "A"}},
        {"conditionsModule": {"conditions": [None, "", "NSCLC"]}},
    ],
    ids=["null-module", "module-is-a-string", "phases-not-a-list", "junk-locations", "junk-arms", "blank-conditions"],
)
def test_malformed_modules_never_crash_the_conversion(broken: dict[str, Any]) -> None:
    rows = trial_rows(record(**broken))
    assert rows.nct_id == "NCT01234567"
    if "conditionsModule" in broken:
        assert rows.trial["conditions"] == ["NSCLC"]


@pytest.mark.parametrize(
    "bad",
    [[], {"protocolSection": {}}, record(identificationModule={"nctId": "12345"}), {"protocolSection": None}],
    ids=["not-an-object", "no-identification", "malformed-id", "null-protocol"],
)
def test_a_record_without_a_valid_nct_id_is_refused(bad: Any) -> None:
    with pytest.raises(InvalidRecordError):
        trial_rows(bad)


def test_record_hash_ignores_key_order_but_not_content() -> None:
    a = record(statusModule={"overallStatus": "RECRUITING", "lastKnownStatus": None})
    b = {"protocolSection": dict(reversed(list(a["protocolSection"].items())))}
    assert record_hash(a) == record_hash(b)
    c = copy.deepcopy(a)
    c["protocolSection"]["statusModule"]["overallStatus"] = "COMPLETED"
    assert record_hash(a) != record_hash(c)


@pytest.mark.shared
def test_every_shared_record_converts(shared_records: list[dict[str, Any]]) -> None:
    converted = [trial_rows(r) for r in shared_records]
    assert len({c.nct_id for c in converted}) == 100
    for rec, rows in zip(shared_records, converted, strict=True):
        locations = rec["protocolSection"].get("contactsLocationsModule", {}).get("locations", [])
        assert len(rows.sites) == len(locations)
        assert rows.trial["brief_title"]
        elig = rec["protocolSection"].get("eligibilityModule", {})
        if "maximumAge" not in elig:
            assert rows.trial["maximum_age_years"] is None
    assert any(len(c.trial["start_date"] or "") == 7 for c in converted), "some start dates are yyyy-MM"
    assert any(c.trial["eligibility_criteria"].strip().endswith("Nil") for c in converted)
    assert max(len(c.sites) for c in converted) >= 200
