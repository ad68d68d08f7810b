"""Kinds of sentence found on the blind7 set, each tested with invented sentences and near misses."""

from __future__ import annotations

import pytest
from biomarker_cases import patient, verdict
from invented import invented_trial

from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.rules.reader import read_scope
from trialmatch.criteria.text import split_criteria
from trialmatch.matching.profile import profile_from_dict

# --- 1. a lead-in that hands its list to one sub-study, sub-cohort, part or arm ---------------------------------

# (line, the group's words, kind, genes it names)
LEAD_INS = {
    "sub-study with comma": ("For the treatment sub-study, patients must also meet the following criteria",
                             "treatment sub-study", "cohort", ()),
    "marker sub-study heading": ("For the ROS1 treatment sub-study:", "ROS1 treatment sub-study", "cohort",
                                 ("ROS1",)),
    "patients enrolled in a part": ("For patients enrolled in the expansion part, the following also apply:",
                                    "expansion part", "part", ()),
    "group then participants": ("Sub-study A participants must additionally:", "Sub-study A", "cohort", ()),
    "additional criteria for": ("Additional inclusion criteria for the KRAS-mutant sub-cohort:",
                                "KRAS-mutant sub-cohort", "cohort", ("KRAS",)),
    "patients in a sub-cohort": ("Patients in the biomarker sub-cohort must also fulfil the following criteria:",
                                 "biomarker sub-cohort", "cohort", ()),
    "in an arm": ("In Arm B, participants must meet the following additional criteria:", "Arm B", "arm", ()),
    "criteria apply": ("For the dose escalation part, the following criteria apply:", "dose escalation part",
                       "part", ()),
    "labelled part": ("For Part 2, subjects must additionally meet all of the following:", "Part 2", "part", ()),
}

NOT_LEAD_INS = {
    "everyone's list": "Patients must meet all of the following criteria:",
    "treatment of a site": "For the treatment of brain metastases, patients must have received radiotherapy",
    "every cohort": "For all cohorts, patients must meet the following criteria:",
    "the study is no group": "Patients in the study must meet the following criteria:",
    "a rule, not a lead-in": "For the treatment sub-study, patients must have received crizotinib",
    "each arm": "In each arm, participants must meet the following criteria:",
}


@pytest.mark.parametrize(("line", "words", "kind", "genes"), LEAD_INS.values(), ids=LEAD_INS.keys())
def test_a_lead_in_names_the_group_of_its_list(line: str, words: str, kind: str, genes: tuple[str, ...]) -> None:
    heading, own = read_scope(line)
    assert heading is not None and heading == own
    assert (heading.label, heading.kind, heading.genes) == (words, kind, genes)


@pytest.mark.parametrize("line", NOT_LEAD_INS.values(), ids=NOT_LEAD_INS.keys())
def test_a_near_miss_is_no_heading(line: str) -> None:
    assert read_scope(line)[0] is None


SUB_STUDIES = {
    "indented sub-bullets": (
        "* Advanced non-small cell lung cancer\n"
        "* Patients who will be tested for ALK rearrangement\n"
        "* For the treatment sub-study, patients must also meet the following criteria\n"
        "  * Confirmed ALK-positive tumour\n"
        "  * Patients treated with alectinib under routine clinical practice\n"),
    "plain heading over later bullets": (
        "* Advanced non-small cell lung cancer\n"
        "* Patients screened for ALK rearrangement\n\n"
        "Sub-study B participants must additionally:\n\n"
        "* Have an ALK-positive tumour confirmed by FISH\n"
        "* Have received brigatinib in routine care\n"),
    "for patients enrolled in a part": (
        "* Stage IV NSCLC\n"
        "* For patients enrolled in the expansion part, the following also apply:\n"
        "  * Documented ALK fusion\n"
        "  * Prior lorlatinib\n"),
}


@pytest.mark.parametrize("text", SUB_STUDIES.values(), ids=SUB_STUDIES.keys())
def test_a_sub_study_requirement_binds_its_sub_study_only(text: str) -> None:
    criteria = split_criteria("Inclusion Criteria:\n\n" + text)
    scoped = [c for c in criteria if "ALK" in c.text and ("positive" in c.text or "fusion" in c.text)]
    assert scoped and all(c.scope is not None for c in scoped)
    egfr = patient("EGFR:exon 19 deletion")
    assert verdict("Inclusion Criteria:\n\n" + text, egfr) != "excluded"
    assert verdict("Inclusion Criteria:\n\n" + text, patient("ALK:EML4-ALK fusion")) == "eligible"


def test_a_sub_study_drug_requirement_does_not_exclude_the_untreated() -> None:
    text = SUB_STUDIES["indented sub-bullets"]
    trial = invented_trial(text)
    rules = prior_therapy.parse(trial)
    naive = profile_from_dict({"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "prior_therapies": [],
                               "prior_lines": 0, "histology": "adenocarcinoma"})
    assert prior_therapy.check(rules, naive).verdict != "excluded"


@pytest.mark.parametrize("lead", [
    "Patients must meet all of the following criteria:",
    "For the treatment of advanced disease, patients must meet the following criteria:",
])
def test_a_list_for_everyone_still_excludes(lead: str) -> None:
    text = f"* {lead}\n  * Confirmed ALK-positive tumour\n  * Stage IV NSCLC\n"
    assert verdict("Inclusion Criteria:\n\n" + text, patient("EGFR:exon 19 deletion")) == "excluded"
