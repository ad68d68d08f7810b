"""Disease: clauses that name histologies without changing whom the trial takes. Invented sentences only.

- A mixed-histology proviso ("tumors of mixed histology (i.e., non-squamous and squamous) are eligible if the major
  histological component appears to be non-squamous") says which histology a mixed tumour counts as under the
  trial's limit: the limit stands (squamous out, an unknown subtype a question), whether the proviso is a bullet of
  its own or an aside of the limit's sentence.
- A testing rule for a histology's patients ("All patients with non-squamous histology must have been tested for
  EGFR"; "patients with squamous histology who have never smoked must also be tested") is no histology limit, in an
  inclusion or an exclusion.
With the testing clause out, a squamous exclusion beside it ("Squamous histology; patients with non-squamous histology
must be tested for EGFR") now excludes squamous. Near-misses keep their verdicts: a plain non-squamous limit with no
proviso, "mixed histology is allowed" with no major-component condition (a widening, as before).
"""

from __future__ import annotations

import pytest

from trialmatch.criteria.parse import DIMENSIONS
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict


def _profile(histology: str | None) -> Profile:
    return profile_from_dict({"id": "invented", "age": 70, "sex": "female", "histology": histology, "stage": "IV",
                              "ecog": 1, "biomarkers": [], "tested_negative": [], "pdl1_tps": None,
                              "brain_metastases": "none", "prior_therapies": [], "prior_lines": 0})


SQUAMOUS, ADENO, NOS = _profile("squamous"), _profile("adenocarcinoma"), _profile(None)


def _verdict(inclusion: list[str], exclusion: list[str], patient: Profile) -> str:
    markdown = ("Inclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in inclusion)
                + "\nExclusion Criteria:\n\n" + "".join(f"* {line}\n" for line in exclusion))
    trial = TrialText(nct_id="NCT00000000", title="An invented study of drug Q in advanced lung cancer",
                      conditions=("Non-small Cell Lung Cancer",), criteria=tuple(split_criteria(markdown)))
    dim = DIMENSIONS["disease"]
    return dim.check(dim.parse(trial), patient).verdict


MIXED_PROVISOS = {
    "bullet, i.e. aside, major": (
        ["Histologically confirmed stage IV non-squamous NSCLC",
         "Participants with tumors of mixed histology (i.e., non-squamous and squamous) are eligible if the major "
         "histological component appears to be non-squamous"]),
    "aside of the limit, predominant": (
        ["Stage IV NSCLC with adenocarcinoma histology (mixed histology is acceptable if adenocarcinoma is the "
         "predominant component)"]),
    "bullet, allowed provided, main": (
        ["Metastatic non-squamous non-small cell lung cancer",
         "Mixed tumours are allowed provided the main component is non-squamous"]),
    "bullet, permitted as long as, dominant": (
        ["Advanced nonsquamous NSCLC",
         "Tumors with mixed adenosquamous histology are permitted as long as the dominant histology is "
         "adenocarcinoma"]),
    "bullet, included only if, majority": (
        ["Non-squamous NSCLC, stage IV",
         "Patients with mixed histology will be included only if the majority of the tumour is non-squamous"]),
    "bullet, eligible when, predominant": (
        ["Recurrent or metastatic non-squamous NSCLC",
         "Mixed squamous/non-squamous tumors are eligible when the predominant histology is non-squamous"]),
}


@pytest.mark.parametrize("inclusion", MIXED_PROVISOS.values(), ids=MIXED_PROVISOS.keys())
def test_a_mixed_histology_proviso_keeps_the_limit(inclusion: list[str]) -> None:
    assert _verdict(inclusion, ["Pregnancy"], SQUAMOUS) == EXCLUDED
    assert _verdict(inclusion, ["Pregnancy"], ADENO) == ELIGIBLE
    assert _verdict(inclusion, ["Pregnancy"], NOS) == UNKNOWN


TESTING_RULES = {
    "exclusion, never smoked must also be tested": (
        ["Histologically confirmed stage IV NSCLC"],
        ["Tumours positive for EGFR or ALK. All patients with non-squamous histology must have been tested for EGFR "
         "and ALK; patients with squamous histology who have never smoked must also be tested."]),
    "exclusion, should be screened": (
        ["Stage IV NSCLC"],
        ["Known ROS1 fusion. Subjects with squamous histology and a light smoking history should be screened for "
         "ROS1."]),
    "inclusion, are required to be genotyped": (
        ["Advanced NSCLC. Participants with adenocarcinoma are required to be genotyped for KRAS."], ["Pregnancy"]),
    "inclusion, must have been assessed": (
        ["Metastatic NSCLC of any stage IV subtype",
         "Patients with non-squamous NSCLC must have been assessed for EGFR mutation status"], ["Pregnancy"]),
    "exclusion, need to be tested": (
        ["Stage IV NSCLC"],
        ["EGFR sensitising mutation; patients with squamous cell carcinoma need to be tested only if never-smokers"]),
    "exclusion, will be sequenced": (
        ["Stage IV NSCLC"],
        ["Known BRAF V600E. Tumours of large cell histology will be sequenced centrally."]),
}


@pytest.mark.parametrize("inclusion,exclusion", TESTING_RULES.values(), ids=TESTING_RULES.keys())
def test_a_testing_rule_for_a_histology_is_no_limit(inclusion: list[str], exclusion: list[str]) -> None:
    assert _verdict(inclusion, exclusion, SQUAMOUS) == ELIGIBLE
    assert _verdict(inclusion, exclusion, NOS) == ELIGIBLE


def test_near_miss_a_plain_limit_still_excludes_squamous() -> None:
    assert _verdict(["Histologically confirmed stage IV non-squamous NSCLC"], ["Pregnancy"], SQUAMOUS) == EXCLUDED


def test_a_squamous_exclusion_beside_a_testing_rule_excludes() -> None:
    # (Before, the testing clause made the exclusion read as a condition: squamous was only a question.)
    exclusion = ["Squamous histology; patients with non-squamous histology must be tested for EGFR."]
    assert _verdict(["Stage IV NSCLC"], exclusion, SQUAMOUS) == EXCLUDED
    assert _verdict(["Stage IV NSCLC"], exclusion, ADENO) == ELIGIBLE


def test_near_miss_mixed_histology_allowed_without_a_condition_widens_as_before() -> None:
    inclusion = ["Stage IV non-squamous NSCLC; mixed squamous and non-squamous histology is allowed"]
    assert _verdict(inclusion, ["Pregnancy"], SQUAMOUS) != EXCLUDED
