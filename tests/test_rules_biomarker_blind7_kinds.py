"""Kinds of sentence found on the blind7 set, each tested with invented sentences and near misses."""

from __future__ import annotations

import pytest
from biomarker_cases import inc, patient, verdict
from invented import invented_trial

from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.rules.reader import read_scope
from trialmatch.criteria.text import split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

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


# --- 2. "lack" as the negation of a marker; "eg.," inside a list of allowed co-mutations ---------------------------

EGFR = patient("EGFR:exon 19 deletion")
ALK = patient("ALK:EML4-ALK fusion")
KRAS = patient("KRAS:G12C")
NO_DRIVER = patient()
EX20 = patient("EGFR:exon 20 insertion")
UNTESTED = patient(negative=[])

# A negation written after the markers (kind 3: "must be absent", "must not be present", "ruled out").
ABSENT_AFTER = [
    "EGFR and ALK alterations must be absent",
    "EGFR mutation and ALK rearrangement must not be present",
    "Sensitising EGFR mutations and ALK fusions are absent",
    "EGFR and ALK alterations must have been ruled out",
    "EGFR mutation and ALK translocation not present",
    "Activating EGFR mutation, ALK fusion: absent",
    "EGFR/ALK: negative",
]

LACKING = [
    "Patients must have tumors that lack activating EGFR mutations and ALK fusions.",
    "Tumours must lack sensitizing EGFR mutations or ALK rearrangements",
    "Participants whose tumour lacks an activating EGFR mutation and an ALK translocation",
    "Tumours devoid of EGFR activating mutations and ALK rearrangement",
    "NSCLC free of actionable EGFR mutation or ALK fusion",
    "Tumor lacking EGFR sensitizing mutations and ALK gene rearrangements",
]


# "lack" before the markers and "must be absent" after them say the same thing.
@pytest.mark.parametrize("text", LACKING + ABSENT_AFTER)
def test_a_tumour_that_lacks_a_marker_excludes_its_carriers(text: str) -> None:
    criteria = inc(text)
    assert verdict(criteria, EGFR) == "excluded"
    assert verdict(criteria, ALK) == "excluded"
    assert verdict(criteria, KRAS) == "eligible"
    assert verdict(criteria, NO_DRIVER) == "eligible"
    assert verdict(criteria, UNTESTED) == "unknown"


@pytest.mark.parametrize("text", [
    "Patients whose tumours lack ALK fusions",
    "Tumors that lack a ROS1 rearrangement",
])
def test_lacking_one_gene_spares_the_others(text: str) -> None:
    assert verdict(inc(text), EGFR) == "eligible"
    assert verdict(inc(text), KRAS) == "eligible"


COMMON_WITH_OTHERS = [
    "A tumour which harbours one of the 2 common EGFR mutations known to be associated with EGFR-TKI sensitivity "
    "(Ex19del, L858R), either alone or in combination with other EGFR mutations (eg., T790M, G719X, Exon20 "
    "insertions)",
    "Activating EGFR mutation (exon 19 deletion or L858R), alone or together with other EGFR mutations (eg. T790M, "
    "exon 20 insertion)",
    "Exon 19 deletion or L858R, with or without other EGFR alterations, eg., G719X or exon 20 insertion",
    "EGFR L858R or exon 19 deletion, alone or with other EGFR mutations (e.g., exon 20 insertion)",
]


@pytest.mark.parametrize("text", COMMON_WITH_OTHERS)
def test_other_mutations_are_allowed_only_beside_a_common_one(text: str) -> None:
    criteria = inc(text)
    assert verdict(criteria, EGFR) == "eligible"
    assert verdict(criteria, patient("EGFR:L858R", "EGFR:T790M")) == "eligible"
    assert verdict(criteria, EX20) == "excluded"
    assert verdict(criteria, NO_DRIVER) == "excluded"


@pytest.mark.parametrize("text", [
    "EGFR mutation including exon 20 insertion",
    "EGFR mutation, eg., exon 20 insertion or L861Q",
    "Activating EGFR mutations (eg. exon 19 deletion, L858R, exon 20 insertion)",
])
def test_an_example_list_keeps_its_examples_eligible(text: str) -> None:
    assert verdict(inc(text), EX20) == "eligible"


# --- 3. a negation written after the markers: "must be absent", "must not be present", "ruled out" -----------------

@pytest.mark.parametrize(("text", "carrier", "other"), [
    ("EGFR mutation must be present", EGFR, ALK),
    ("Absent ALK fusion and documented EGFR mutation", EGFR, ALK),
    ("Presence of an EGFR mutation; ALK fusion must be absent", EGFR, ALK),
])
def test_a_marker_required_beside_an_absent_one_still_binds(text: str, carrier: Profile, other: Profile) -> None:
    assert verdict(inc(text), carrier) == "eligible"
    assert verdict(inc(text), other) == "excluded"


def test_a_resistance_marker_said_absent_excludes_its_carrier() -> None:
    criteria = inc("EGFR exon 19 deletion or L858R present; T790M absent")
    assert verdict(criteria, EGFR) == "eligible"
    assert verdict(criteria, patient("EGFR:L858R", "EGFR:T790M")) == "excluded"
