"""A marker rule opened by a lead-in naming every NSCLC patient ("For patients with NSCLC: EGFR mutation or ALK
rearrangement", "For participants with NSCLC, known EGFR ...") is read as the rule after the lead-in. "For patients
..." opens a condition; a condition on histology was read, one on the trial's own cancer dropped the sentence, so
the ban was lost. The criterion's scope (the shared reader) still says whom it binds; a lead-in naming a marker
group ("For patients with EGFR mutation: ...") or a narrower group stays a condition."""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.parse import DIMENSIONS, parse_record
from trialmatch.matching.profile import profile_from_dict


def _record(ban: str, section: str = "exclusion") -> dict[str, Any]:
    inclusion = "* Advanced or metastatic solid tumour\n* ECOG 0-1\n"
    exclusion = "* Pregnancy\n"
    if section == "exclusion":
        exclusion = f"* {ban}\n{exclusion}"
    else:
        inclusion = f"{inclusion}* {ban}\n"
    text = f"Inclusion Criteria:\n\n{inclusion}\nExclusion Criteria:\n\n{exclusion}"
    ident = {"nctId": "NCT99999999", "briefTitle": "QZ-7 in advanced solid tumours"}
    return {"protocolSection": {"identificationModule": ident,
            "conditionsModule": {"conditions": ["Solid Tumor", "Non-small Cell Lung Cancer"]},
            "statusModule": {"overallStatus": "RECRUITING"},
            "eligibilityModule": {"eligibilityCriteria": text}}}


def _profile(biomarkers: list[tuple[str, str]], negative: list[str]) -> Any:
    return profile_from_dict({"id": "p", "age": 61, "sex": "male", "histology": "adenocarcinoma", "stage": "IV",
                              "biomarkers": [{"gene": g, "alteration": a} for g, a in biomarkers],
                              "tested_negative": negative, "pdl1_tps": 5,
                              "prior_therapies": ["carboplatin", "pemetrexed"], "prior_lines": 1,
                              "ecog": 1, "brain_metastases": "none"})


def _verdict(text: str, profile: Any, section: str = "exclusion") -> str:
    rules = parse_record(_record(text, section))["biomarker"]
    return DIMENSIONS["biomarker"].check(rules, profile).verdict


BANS = [
    "For patients with NSCLC: EGFR mutation or ALK rearrangement",
    "For participants with NSCLC, known EGFR sensitising mutation or ALK fusion",
    "For subjects with non-small cell lung cancer (NSCLC): tumours harbouring an EGFR activating mutation, ALK or "
    "ROS1 rearrangement",
    "For all patients with advanced NSCLC: documented EGFRm or ALK-positive disease",
    "For the participants with metastatic non-small cell lung cancer, EGFR exon 19 deletion or L858R, or ALK "
    "translocation are not allowed to be enrolled",
    "For patients with non-small-cell lung cancer: presence of a known ALK fusion or EGFR mutation",
    "For patients with NSCLC - EGFR sensitizing mutation (exon 19 deletion or L858R) or ALK fusion",
    "For participants with stage IIIB-IV NSCLC: EGFRm or ALK+ tumours are not allowed to be enrolled",
    "In patients with lung cancer, known EGFR mutation, ALK rearrangement or ROS1 rearrangement",
]


@pytest.mark.parametrize("ban", BANS)
def test_nsclc_lead_in_ban_binds(ban: str) -> None:
    carrier = "exon 19 deletion" if "19" in ban else "L858R"
    assert _verdict(ban, _profile([("EGFR", carrier)], ["ALK", "ROS1"])) == "excluded"
    assert _verdict(ban, _profile([("KRAS", "G12C")], ["EGFR", "ALK", "ROS1"])) == "eligible"


@pytest.mark.parametrize("ban", BANS[:3])
def test_nsclc_lead_in_ban_in_words_already_read(ban: str) -> None:
    # the "In patients with NSCLC:" twin was read before: both agree
    twin = "In" + ban[3:]
    egfr = _profile([("EGFR", "L858R")], ["ALK", "ROS1"])
    assert _verdict(twin, egfr) == _verdict(ban, egfr) == "excluded"


def test_nsclc_lead_in_requirement_among_inclusions() -> None:
    rule = "For patients with NSCLC: documented activating EGFR mutation (exon 19 deletion or L858R)"
    assert _verdict(rule, _profile([("EGFR", "L858R")], ["ALK"]), "inclusion") == "eligible"
    assert _verdict(rule, _profile([("KRAS", "G12C")], ["EGFR", "ALK"]), "inclusion") == "excluded"


@pytest.mark.parametrize("text", [
    # a lead-in naming a marker group is a condition on those carriers: their treatment, no ban
    "For patients with EGFR mutation: must have progressed on osimertinib",
    "For participants with ALK-positive NSCLC, prior treatment with at least one ALK inhibitor is required",
    # a narrower group than NSCLC as such (a line of therapy, brain metastases): the lead-in is no plain NSCLC one
    "For patients with NSCLC who received no prior TKI: EGFR mutation",
])
def test_marker_or_narrow_lead_ins_stay_conditions(text: str) -> None:
    assert _verdict(text, _profile([("EGFR", "L858R")], ["ALK"])) != "excluded"


def test_histology_lead_in_keeps_its_reading() -> None:
    # a lead-in for one histology binds that histology alone: an adenocarcinoma patient is outside it
    text = "For patients with squamous NSCLC: EGFR mutation or ALK rearrangement"
    assert _verdict(text, _profile([("EGFR", "L858R")], ["ALK"])) == "eligible"
