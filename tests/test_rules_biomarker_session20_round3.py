"""Biomarker structures from blind17 and blind15 (session 20, round 3; invented sentences and profiles only).

a. A gene-less change noun followed by its treatment ("genetic abnormalities with approved targeted drug therapy",
   "gene variants amenable to targeted therapy", "mutations with an approved targeted agent") names the actionable
   driver class, as "actionable alterations" does; the same profile facts decide. A noun after a gene is that gene's
   change ("EGFR mutation with an approved targeted agent"), unless "other" turns it to the rest of the class.
b. A group of people without cancer ("No cancer diagnosis (Arm 2 - health control)", "Cohort B (healthy
   volunteers):") is no way in for a patient: the cancer group's marker rule binds (it was a question, or for a
   labelled cohort no rule at all).
d. A marker in the brackets right after lung cancer's name binds NSCLC ("Metastatic NSCLC (EGFR+), or breast
   carcinoma": the EGFR rule was dropped as the breast cancer's); one in the brackets after another cancer's name is
   that cancer's ("NSCLC (EGFR+), or breast carcinoma (HER2+)": HER2 was read as an NSCLC alternative).
e. What the reason shows: a driver class "other than" the trial's genes comes last, its genes joined by "and"
   ("MET amplification or a driver gene alteration other than EGFR and ERBB2"); it said "... other than EGFR,
   ERBB2 or MET amplification; your profile lists MET amplification", as if the trial's example were spared.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    BRAF_V600E,
    EGFR_19,
    EGFR_EX20,
    HER2_EX20,
    KRAS_G12C,
    KRAS_G12D,
    MET_AMP,
    MET_EX14,
    NO_DRIVER,
    NRG1,
    RET,
    ROS1,
    UNTESTED,
    exc,
    inc,
    verdict,
)

from trialmatch.criteria.rules import biomarker

BRAF = BRAF_V600E


# --- a. a change noun and its treatment: the actionable driver class --------------------------------------------------

NOUN_WITH_TREATMENT = [
    "Subjects known to carry genetic abnormalities with approved targeted drug therapy",
    "Known gene alterations with an approved targeted agent",
    "Patients whose tumours harbour genomic aberrations with approved targeted drugs",
    "Tumour with mutations for which an approved targeted treatment exists",
    "Documented genetic alterations with available targeted therapies",
    "Presence of gene mutations that have approved targeted therapies in lung cancer",
    "Activating mutations with approved molecularly targeted agents",
    "Known genetic variants having approved targeted treatments",
    "Molecular abnormalities with targeted drugs available",
    "EGFR, ALK or other genomic alterations with approved targeted therapies",
]


@pytest.mark.parametrize("sentence", NOUN_WITH_TREATMENT)
def test_change_noun_with_its_treatment_excludes_actionable_drivers(sentence: str) -> None:
    for carrier in (EGFR_19, EGFR_EX20, ALK, ROS1, RET, KRAS_G12C, MET_EX14, HER2_EX20, BRAF):
        assert verdict(exc(sentence), carrier) == "excluded", carrier
    assert verdict(exc(sentence), NO_DRIVER) == "eligible"
    assert verdict(exc(sentence), UNTESTED) == "unknown"
    for doubtful in (KRAS_G12D, MET_AMP, NRG1):  # a driver whose approved drug depends on where and when
        assert verdict(exc(sentence), doubtful) != "excluded", doubtful


NOUN_WITH_TREATMENT_NEAR_MISSES = [
    # a gene's own change, with its treatment: that gene only
    ("EGFR mutation with an approved targeted agent", {EGFR_19, EGFR_EX20}),
    ("ALK rearrangement with approved targeted drugs available", {ALK}),
    # treatment history, not a change noun with its treatment
    ("Patients previously treated with approved targeted drugs", set()),
    ("Prior therapy with an approved targeted agent within 14 days", set()),
    # a change noun with no treatment after it
    ("Known genetic abnormalities of the bone marrow", set()),
    # "positive" is no change noun
    ("Positive with approved targeted therapy by the investigator", set()),
    # a deletion / insertion is a change of a gene, not the class
    ("Deletion with an approved targeted therapy", set()),
]


@pytest.mark.parametrize(("sentence", "barred"), NOUN_WITH_TREATMENT_NEAR_MISSES)
def test_change_noun_near_misses_keep_their_reading(sentence: str, barred: set[object]) -> None:
    for profile in (EGFR_19, EGFR_EX20, ALK, KRAS_G12C, BRAF, NO_DRIVER):
        assert (verdict(exc(sentence), profile) == "excluded") == (profile in barred), profile


def test_change_noun_with_its_treatment_as_inclusion_requires_the_class() -> None:
    sentence = "Patients with genetic abnormalities with approved targeted drug therapy who progressed on it"
    assert verdict(inc(sentence), EGFR_19) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"


# --- b. healthy controls are no way in -------------------------------------------------------------------------------

def _two_groups(patients: str, controls: str) -> str:
    return inc("Aged 18 years or older", patients, controls)


SUFFIX_GROUPS = [
    ("Diagnosed with EGFR positive lung cancer (Arm 1-Cancer group)", "No cancer diagnosis (Arm 2-health control)",
     {EGFR_19, EGFR_EX20}),
    ("Confirmed ALK-rearranged NSCLC (cohort A, patients)", "Healthy volunteers of matching age (cohort B)", {ALK}),
    ("KRAS G12C mutated non-small cell lung cancer (patient group)", "Cancer-free adults (control group)",
     {KRAS_G12C}),
    ("Lung adenocarcinoma with a ROS1 fusion (Group 1)", "Never been diagnosed with cancer (Group 2)", {ROS1}),
    ("RET fusion-positive NSCLC (arm A)", "Healthy controls without any illness (arm B)", {RET}),
    ("NSCLC harbouring MET exon 14 skipping (study arm)", "No malignancy diagnosis (healthy arm)", {MET_EX14}),
    ("Metastatic NSCLC with BRAF V600E (Part 1 - patients)", "Non-cancer participants (Part 2)", {BRAF}),
    ("EGFR-mutant lung cancer (Arm I: cancer)", "Not diagnosed with any cancer (Arm II: health controls)",
     {EGFR_19, EGFR_EX20}),
]


@pytest.mark.parametrize(("patients", "controls", "carriers"), SUFFIX_GROUPS)
def test_cancer_group_beside_healthy_controls_binds(patients: str, controls: str, carriers: set[object]) -> None:
    text = _two_groups(patients, controls)
    for profile in (EGFR_19, EGFR_EX20, ALK, ROS1, RET, KRAS_G12C, MET_EX14, BRAF):
        assert verdict(text, profile) == ("eligible" if profile in carriers else "excluded"), profile
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, UNTESTED) == "unknown"
    # the controls' group alone, in either order, is no reason for doubt
    assert verdict(inc(controls, patients), NO_DRIVER) == "excluded"


SUFFIX_NEAR_MISSES = [
    # the other group is one of patients too: either may take a patient
    ("EGFR positive lung cancer (Arm 1)", "EGFR wild-type lung cancer (Arm 2)"),
    ("EGFR positive lung cancer (Arm 1 - targeted)", "Any NSCLC previously treated with chemotherapy (Arm 2)"),
    # a third group beside the controls
    ("EGFR positive lung cancer (Arm 1)", "Healthy volunteers (Arm 2)\n* Patients with lung nodules (Arm 3)"),
    # "no history of cancer" is said of patients' other cancers, not of a control group
    ("EGFR positive lung cancer (Arm 1)", "No history of other cancer within 5 years (Arm 2)"),
]


@pytest.mark.parametrize(("patients", "controls"), SUFFIX_NEAR_MISSES)
def test_cancer_group_beside_other_patient_groups_stays_a_question(patients: str, controls: str) -> None:
    text = _two_groups(patients, controls)
    assert verdict(text, NO_DRIVER) != "excluded"
    assert verdict(text, ALK) != "excluded"
    assert verdict(text, EGFR_19) == "eligible"


LABELLED_GROUPS = [
    "* Cohort 1 (lung cancer patients):\n  * EGFR mutation-positive NSCLC\n* Cohort 2 (healthy volunteers):\n"
    "  * No history of cancer\n",
    "* Cohort 1: NSCLC with an EGFR mutation\n* Cohort 2: healthy volunteers aged 40 to 80\n",
    "* Arm A (patients): EGFR-mutant lung adenocarcinoma\n* Arm B (cancer-free controls): smokers without nodules\n",
    "* Cohort 2 (healthy controls): adults with no cancer diagnosis\n* Cohort 1: advanced NSCLC with EGFR mutation\n",
]


@pytest.mark.parametrize("groups", LABELLED_GROUPS)
def test_labelled_cohort_of_healthy_people_is_no_way_in(groups: str) -> None:
    text = "Inclusion Criteria:\n\n* Adults\n" + groups
    assert verdict(text, NO_DRIVER) == "excluded"
    assert verdict(text, ALK) == "excluded"
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, UNTESTED) == "unknown"


def test_labelled_cohort_beside_another_patient_cohort_is_a_way_in() -> None:
    text = ("Inclusion Criteria:\n\n* Adults\n* Cohort 1: NSCLC with an EGFR mutation\n"
            "* Cohort 2: any NSCLC after platinum chemotherapy\n")
    assert verdict(text, ALK) != "excluded"
    assert verdict(text, EGFR_19) == "eligible"


def test_healthy_control_reason_names_the_cancer_groups_marker() -> None:
    text = _two_groups(*SUFFIX_GROUPS[0][:2])
    from biomarker_cases import trial
    finding = biomarker.check(biomarker.parse(trial(text)), NO_DRIVER)
    assert "EGFR" in finding.reason and finding.evidence.startswith("Diagnosed with EGFR")


# --- d. whose brackets a marker stands in -----------------------------------------------------------------------------

LUNG_BRACKETS = [
    ("Metastatic NSCLC (EGFR+), or breast carcinoma", {EGFR_19, EGFR_EX20}),
    ("NSCLC (EGFR+), or breast carcinoma (HER2+)", {EGFR_19, EGFR_EX20}),
    ("Advanced breast cancer (HER2-positive) or NSCLC (EGFR mutant)", {EGFR_19, EGFR_EX20}),
    ("Non-small cell lung cancer (ALK-positive) or gastric cancer", {ALK}),
    ("Lung adenocarcinoma (ROS1 fusion), or colorectal cancer (BRAF V600E)", {ROS1}),
    ("NSCLC (KRAS G12C), pancreatic cancer (KRAS G12D) or colorectal cancer", {KRAS_G12C}),
    ("Ovarian cancer (BRCA mutated), or NSCLC (RET fusion)", {RET}),
    ("Lung cancer (MET exon 14 skipping) or renal cell carcinoma", {MET_EX14}),
    ("Recurrent NSCLC (BRAF V600E), or melanoma (BRAF V600E or V600K)", {BRAF}),
]


@pytest.mark.parametrize(("sentence", "carriers"), LUNG_BRACKETS)
def test_marker_in_lung_cancers_brackets_binds_nsclc(sentence: str, carriers: set[object]) -> None:
    for profile in (EGFR_19, EGFR_EX20, ALK, ROS1, RET, KRAS_G12C, KRAS_G12D, MET_EX14, HER2_EX20, BRAF):
        assert verdict(inc(sentence), profile) == ("eligible" if profile in carriers else "excluded"), profile
    assert verdict(inc(sentence), NO_DRIVER) == "excluded"
    assert verdict(inc(sentence), UNTESTED) == "unknown"


OTHER_BRACKETS_ONLY = [
    "NSCLC, or breast carcinoma (HER2+)",
    "Non-small cell lung cancer or gastric adenocarcinoma (HER2 amplified)",
    "Colorectal cancer (KRAS G12C mutated) or lung cancer",
]


@pytest.mark.parametrize("sentence", OTHER_BRACKETS_ONLY)
def test_marker_in_other_cancers_brackets_binds_no_nsclc_patient(sentence: str) -> None:
    for profile in (EGFR_19, ALK, KRAS_G12D, NO_DRIVER, UNTESTED):
        assert verdict(inc(sentence), profile) == "eligible", profile


# --- e. the reason for a driver class other than the trial's genes ---------------------------------------------------

OTHER_DRIVERS_WITH_EXAMPLE = [
    ("NSCLC with EGFR or HER2 mutations", "Known other oncogenic driver alterations (eg, high MET amplification)",
     MET_AMP, "MET amplification"),
    ("NSCLC with an EGFR mutation", "Other driver mutations (e.g. KRAS G12D) are excluded", KRAS_G12D, "KRAS"),
    ("KRAS G12C mutated NSCLC", "Known additional oncogenic drivers, such as an ALK fusion", ALK, "ALK"),
    ("ALK-positive NSCLC", "Any other known driver alteration (for example ROS1 fusion)", ROS1, "ROS1"),
    ("RET fusion-positive NSCLC", "Concurrent other driver alterations (e.g., BRAF V600E)", BRAF, "BRAF"),
    ("EGFR-mutant NSCLC", "Known other oncogenic drivers (eg, MET exon 14 skipping)", MET_EX14, "MET"),
    ("ERBB2-mutant NSCLC", "Additional driver alterations, for instance a RET fusion", RET, "RET"),
    ("NSCLC with EGFR or ALK alterations", "Other driver gene alterations (e.g. NRG1 fusion)", NRG1, "NRG1"),
]


@pytest.mark.parametrize(("required", "barred", "profile", "example"), OTHER_DRIVERS_WITH_EXAMPLE)
def test_reason_never_lists_the_example_among_the_spared_genes(required: str, barred: str, profile: object,
                                                               example: str) -> None:
    from biomarker_cases import trial
    rules = biomarker.parse(trial(inc(required) + "\n" + exc(barred)))
    for clause in rules["clauses"]:
        spared = clause["wanted"].split("other than", 1)[1] if "other than" in clause["wanted"] else ""
        assert example not in spared, clause["wanted"]
        assert " or " not in spared, clause["wanted"]
    assert biomarker.check(rules, profile).verdict != "eligible"
