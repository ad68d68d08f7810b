"""The page's form as data: answers -> Profile and filters, and a loaded profile -> answers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from trialmatch.errors import ProfileError
from trialmatch.matching.profile import load_profile, profile_from_dict
from trialmatch.present import form


def answers(**values: Any) -> dict[str, Any]:
    state = form.default_widgets()
    state.update(values)
    return state


@pytest.mark.parametrize(
    ("egfr", "biomarkers", "negative"),
    [
        ([], [], []),
        ([form.NOT_TESTED], [], []),
        ([form.TESTED_NEGATIVE], [], ["EGFR"]),
        (["exon 19 deletion", "T790M"], [("EGFR", "exon 19 deletion"), ("EGFR", "T790M")], []),
    ],
    ids=["blank-is-unknown", "not-tested-is-unknown", "tested-negative-is-negative", "two-changes-both-kept"],
)
def test_each_biomarker_answer_maps_to_the_profile(
    egfr: list[str], biomarkers: list[tuple[str, str]], negative: list[str]
) -> None:
    profile = form.profile_from_widgets(answers(bio_EGFR=egfr))
    assert [(b.gene, b.alteration) for b in profile.biomarkers] == biomarkers
    assert list(profile.tested_negative) == negative
    assert profile.gene_status("EGFR") == ("positive" if biomarkers else "negative" if negative else "unknown")


@pytest.mark.parametrize(
    "egfr",
    [[form.TESTED_NEGATIVE, "L858R"], [form.NOT_TESTED, form.TESTED_NEGATIVE], [form.NOT_TESTED, "T790M"]],
    ids=["negative-and-a-change", "not-tested-and-negative", "not-tested-and-a-change"],
)
def test_contradictory_biomarker_answers_are_refused_naming_the_gene(egfr: list[str]) -> None:
    with pytest.raises(ProfileError, match="EGFR: choose either"):
        form.profile_from_widgets(answers(bio_EGFR=egfr))


def test_blank_answers_stay_unknown_never_assumed() -> None:
    profile = form.profile_from_widgets(answers(stage=""))
    assert (profile.age, profile.sex, profile.ecog, profile.pdl1_tps, profile.brain_metastases) == (None,) * 5
    assert profile.stage is None and profile.location is None


def test_out_of_range_answers_raise_a_profile_error_naming_the_field() -> None:
    with pytest.raises(ProfileError, match="pdl1_tps"):
        form.profile_from_widgets(answers(pdl1=140.0))


@pytest.mark.shared
def test_every_shared_profile_survives_load_into_the_form_and_back(shared_dir: Path) -> None:
    for data in json.loads((shared_dir / "eval" / "profiles.json").read_text()):
        profile = profile_from_dict(data)
        values, extra, negative = form.widgets_from_profile(profile)
        again = form.profile_from_widgets(values, extra_biomarkers=extra, extra_negative=negative,
                                          identity={"id": profile.id, "summary": profile.summary})
        assert again == profile, profile.id


def test_genes_the_form_has_no_widget_for_are_kept_not_lost() -> None:
    profile = profile_from_dict({"biomarkers": [{"gene": "PIK3CA", "alteration": "E545K"},
                                                {"gene": "KRAS", "alteration": "G13C"}],
                                 "tested_negative": ["STK11", "ALK"]})
    values, extra, negative = form.widgets_from_profile(profile)
    assert [(b.gene, b.alteration) for b in extra] == [("PIK3CA", "E545K")]
    assert negative == ("STK11",)
    assert values["bio_KRAS"] == ["G13C"] and "G13C" in form.biomarker_options("KRAS", values["bio_KRAS"])
    assert values["bio_ALK"] == [form.TESTED_NEGATIVE]
    again = form.profile_from_widgets(values, extra_biomarkers=extra, extra_negative=negative)
    assert set(again.biomarkers) == set(profile.biomarkers)
    assert set(again.tested_negative) == set(profile.tested_negative)


def test_brand_names_in_a_loaded_file_become_the_generic_names_offered() -> None:
    values, _, _ = form.widgets_from_profile(profile_from_dict({"prior_therapies": ["Tagrisso", "mystery-drug"]}))
    assert values[form.PRIOR_THERAPIES] == ["osimertinib", "mystery-drug"]
    choices = form.drug_choices(values[form.PRIOR_THERAPIES])
    assert "EGFR" in choices["osimertinib"] and choices["mystery-drug"] == "not in our drug list"


def test_saved_profile_json_is_what_the_cli_loads(tmp_path: Path) -> None:
    profile = form.profile_from_widgets(answers(age=64, ecog="1", bio_ALK=["fusion"], location="Denver, CO",
                                                max_miles=150.0, prior_therapies=["alectinib"]))
    saved = tmp_path / "me.json"
    saved.write_text(form.profile_json(profile), encoding="utf-8")
    assert load_profile(saved) == profile


def test_filters_follow_the_answers_and_always_keep_excluded_for_why_not() -> None:
    filters = form.filters_from_widgets(
        answers(statuses=["RECRUITING"], phases=["PHASE3"], interventional_only=True, new_since=date(2025, 1, 1)),
        origin=(42.3, -71.1), max_miles=100.0)
    assert filters.statuses == ("RECRUITING",) and filters.phases == ("PHASE3",)
    assert filters.interventional_only and filters.new_since == date(2025, 1, 1)
    assert filters.origin == (42.3, -71.1) and filters.max_distance_miles == 100.0
    assert filters.include_excluded
    assert form.filters_from_widgets(answers(), origin=None, max_miles=100.0).max_distance_miles is None
