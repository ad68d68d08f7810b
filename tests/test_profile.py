"""Profiles: the eval's JSON loads as-is; bad values are refused with the field named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trialmatch.errors import ProfileError
from trialmatch.matching.profile import load_profile, profile_from_dict

GOOD = {
    "id": "p1",
    "age": 64,
    "sex": "female",
    "histology": "adenocarcinoma",
    "stage": "IV",
    "biomarkers": [{"gene": "HER2", "alteration": "exon 20 insertion"}],
    "tested_negative": ["EGFR", "alk"],
    "pdl1_tps": 10,
    "prior_therapies": ["Osimertinib "],
    "prior_lines": 1,
    "ecog": 1,
    "brain_metastases": "none",
}


def test_aliases_become_gene_symbols_and_drugs_are_tidied() -> None:
    profile = profile_from_dict(GOOD)
    assert profile.biomarkers[0].gene == "ERBB2"
    assert profile.tested_negative == ("EGFR", "ALK")
    assert profile.prior_therapies == ("osimertinib",)


def test_a_gene_in_neither_list_is_unknown_not_negative() -> None:
    profile = profile_from_dict(GOOD)
    assert profile.gene_status("ERBB2") == "positive"
    assert profile.gene_status("EGFR") == "negative"
    assert profile.gene_status("KRAS") == "unknown"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ecog": 7}, "ecog"),
        ({"pdl1_tps": 140}, "pdl1_tps"),
        ({"biomarkers": [{"gene": "FOO1", "alteration": "x"}]}, "biomarkers.0.gene"),
        ({"tested_negative": ["NOTAGENE"]}, "tested_negative"),
        ({"age": "sixty"}, "age"),
        ({"brain_metastases": "some"}, "brain_metastases"),
        ({"histology": "small cell"}, "histology"),
    ],
    ids=["ecog-7", "pdl1-140-percent", "unknown-gene", "unknown-negative-gene", "age-text", "brain-mets-word",
         "histology-sclc"],
)
def test_bad_values_name_the_field(change: dict[str, object], field: str) -> None:
    with pytest.raises(ProfileError) as info:
        profile_from_dict({**GOOD, **change})
    assert info.value.field == field
    assert field in str(info.value)


def test_non_json_file_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text("{not json")
    with pytest.raises(ProfileError, match="not valid JSON"):
        load_profile(path)


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(" " * 2_000_000)
    with pytest.raises(ProfileError, match="small JSON file"):
        load_profile(path)


def test_a_list_is_not_a_profile(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps([GOOD]))
    with pytest.raises(ProfileError, match="JSON object"):
        load_profile(path)


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="cannot read profile file"):
        load_profile(tmp_path / "absent.json")
