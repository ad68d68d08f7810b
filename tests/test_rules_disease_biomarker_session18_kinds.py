"""Disease and biomarker kinds left alone last session (invented sentences and profiles only).

a. A group lead-in ("In patients with non-squamous NSCLC, ...", "Among subjects with adenocarcinoma histology, ...",
   "Within the adenocarcinoma subgroup, ...", "In case of non-squamous histology: ...") is a condition on that group,
   as "For ..." was: the disease dimension sets no histology limit from it, and a marker rule after it binds that
   histology alone (another histology eligible on it, NSCLC NOS a question). A histology list cut by the comma
   ("In patients with adenocarcinoma, large cell carcinoma or NSCLC NOS"; so too "for patients with adenocarcinoma
   or large cell carcinoma", which read as a condition on adenocarcinoma alone) and a lead-in with no group word
   ("In addition to adenocarcinoma, ...") are not lead-ins.
b. "Stage IIIB with (malignant) pleural or pericardial effusion", "wet stage IIIB": in the staging before 2010 this
   is what is now M1a, stage IV. Alone it takes part of stage IV (a question for stage IV, never excluded); beside
   stage IV or metastatic wording stage IV is taken. "Stage IIIB without pleural effusion" stays stage III.
c. "Driver-negative NSCLC; patients with a driver (EGFR, ALK ...) may enrol after exhausting / progressing on approved
   targeted therapy": the allowance opens the door. A driver patient treated for it is eligible, one whose history
   does not show it is a question; a patient without a driver is untouched. When the allowance names genes ("EGFR or
   ALK carriers are eligible if ..."), a driver it does not name stays shut out.
d. "PD-L1 TPS does not exceed 49%" was dropped as a cap on enrolment (a bare percentage after a measure is its
   value, not a share of patients); "does not fall below 1%" was read as "below 1%".
"""

from __future__ import annotations

import pytest
from biomarker_cases import exc, inc, patient, verdict
from disease_cases import ALL_EL, ALL_EX, ALL_UN, EL, EX, UN, trial, verdicts

from trialmatch.criteria.rules.reader.purpose import without_design
from trialmatch.criteria.text import split_criteria

# ---------------------------------------------------------------- a. group lead-ins

LEAD_INS = [
    "In patients with non-squamous NSCLC, documented absence of EGFR mutation and ALK rearrangement",
    "Among patients with non-squamous histology, absence of an ALK fusion",
    "Among participants with non-squamous NSCLC, no known EGFR, ALK or ROS1 alteration",
    "In the non-squamous NSCLC population, EGFR wild type",
    "In patients with known adenocarcinoma histology, EGFR wild type",
    "In participants whose tumours are of non-squamous histology, absence of EGFR mutations",
    "Within the adenocarcinoma subgroup, negative EGFR testing",
    "Amongst those with adenocarcinoma, tissue must be available for EGFR testing",
    "In case of non-squamous histology: absence of ROS1 rearrangement by local testing",
]


@pytest.mark.parametrize("sentence", LEAD_INS)
def test_a_histology_in_a_group_lead_in_sets_no_histology_limit(sentence: str) -> None:
    assert verdicts(trial(f"* Stage IV NSCLC\n* {sentence}\n")) == ALL_EL


NOT_LEAD_INS = {  # the histology is what the trial takes
    "list-after-comma": "* In patients with adenocarcinoma, large cell carcinoma or NSCLC NOS histology",
    "or-list": "* For patients with adenocarcinoma or large cell carcinoma",
    "no-group-word": "* In addition to adenocarcinoma, large cell carcinoma is eligible",
    "plain": "* Patients with adenocarcinoma or large cell carcinoma of the lung",
    "after-lead-in": "* In patients with stage IV disease, adenocarcinoma or large cell histology",
}


@pytest.mark.parametrize("inclusion", NOT_LEAD_INS.values(), ids=NOT_LEAD_INS.keys())
def test_a_histology_that_is_not_a_lead_in_still_limits(inclusion: str) -> None:
    adeno, squamous, large, _ = verdicts(trial(inclusion))
    assert (adeno, squamous, large) == (EL, EX, EL)


MARKER_LEAD_INS = [
    ("Among patients with non-squamous histology, absence of an EGFR mutation or ALK fusion", "non-squamous"),
    ("In the non-squamous NSCLC population, EGFR wild type and ALK negative", "non-squamous"),
    ("Within the non-squamous subgroup, EGFR and ALK negative", "non-squamous"),
    ("In subjects with adenocarcinoma histology, negative EGFR and ALK results", "adenocarcinoma"),
    ("Among those with squamous histology: no EGFR mutation or ALK rearrangement", "squamous"),
]


@pytest.mark.parametrize(("sentence", "group"), MARKER_LEAD_INS)
def test_a_marker_rule_after_a_lead_in_binds_that_histology_alone(sentence: str, group: str) -> None:
    taken = {"non-squamous": {"adenocarcinoma", "large cell"}, "adenocarcinoma": {"adenocarcinoma"},
             "squamous": {"squamous"}}[group]
    for histology in ("adenocarcinoma", "squamous", "large cell"):
        for finding in ("EGFR:L858R", "ALK:fusion"):
            expected = "excluded" if histology in taken else "eligible"
            assert verdict(inc(sentence), patient(finding, histology=histology)) == expected, (histology, finding)
    assert verdict(inc(sentence), patient("EGFR:G719X", histology="nsclc-nos")) == "unknown"
    assert verdict(inc(sentence), patient(pdl1=5, histology="nsclc-nos")) == "eligible"


def test_a_marker_rule_without_a_lead_in_binds_every_histology() -> None:
    for histology in ("adenocarcinoma", "squamous", "large cell", "nsclc-nos"):
        assert verdict(inc("EGFR wild type and ALK negative"), patient("EGFR:L861Q", histology=histology)) == EX


# ---------------------------------------------------------------- b. stage IIIB with an effusion (now M1a)

WET_ALONE = [
    "* Stage IIIB with pleural effusion",
    "* Stage IIIB NSCLC with malignant pleural effusion",
    "* Stage IIIB with malignant pleural or pericardial effusion",
    "* Stage IIIB (with pleural effusion) NSCLC",
    "* Stage IIIB with pleural effusion or pericardial effusion",
    "* Wet stage IIIB non-small cell lung cancer",
    "* NSCLC, stage IIIB (wet)",
    "* Stage IIIB (T4 due to effusion) NSCLC",
]


@pytest.mark.parametrize("inclusion", WET_ALONE)
def test_a_wet_stage_iiib_alone_is_a_question_for_stage_iv(inclusion: str) -> None:
    assert verdicts(trial(inclusion)) == ALL_UN


@pytest.mark.parametrize("inclusion", [
    "* Stage IIIB with malignant pleural effusion, stage IV, or recurrent disease",
    "* Stage IIIB with pleural effusion\n* or stage IV NSCLC",
    "* Stage IIIB with pericardial effusion\n* Metastatic NSCLC is also eligible",
])
def test_a_wet_stage_iiib_beside_stage_iv_takes_stage_iv(inclusion: str) -> None:
    assert verdicts(trial(inclusion)) == ALL_EL


def test_a_wet_stage_iiib_under_a_metastatic_title_takes_stage_iv() -> None:
    assert verdicts(trial("* Stage IIIB with malignant pleural effusion", title="Drug X in Metastatic NSCLC")) == ALL_EL


def test_a_wet_stage_iiib_shut_out_never_excludes_stage_iv() -> None:
    assert EX not in verdicts(trial("* Patients with stage IIIB with malignant pleural effusion are excluded"))


@pytest.mark.parametrize("inclusion", [
    "* Stage IIIB without pleural effusion",
    "* Stage IIIB NSCLC, no malignant pleural effusion",
    "* Stage IIIA or IIIB NSCLC",
    "* Stage IIIA with pleural effusion",
])
def test_stage_iii_without_an_effusion_stays_stage_iii(inclusion: str) -> None:
    assert verdicts(trial(inclusion)) == ALL_EX


def test_a_wet_stage_iiib_leaves_a_patient_of_unknown_stage_a_question() -> None:
    assert verdicts(trial("* Stage IIIB with pleural effusion"), stage=None) == ALL_UN


# ---------------------------------------------------------------- c. a driver may enrol after targeted therapy

EGFR_TREATED = patient("EGFR:exon 19 deletion", drugs=("osimertinib",), lines=1)
EGFR_S768I_TREATED = patient("EGFR:S768I", drugs=("afatinib",), lines=1)
ALK_TREATED = patient("ALK:fusion", drugs=("alectinib", "lorlatinib"), lines=2)
EGFR_UNTREATED = patient("EGFR:L858R", lines=0)
EGFR_HISTORY_UNKNOWN = patient("EGFR:G719X", lines=None)
EGFR_CHEMO_ONLY = patient("EGFR:L861Q", drugs=("carboplatin", "pemetrexed"), lines=1)
NRG1_UNKNOWN = patient("NRG1:fusion", lines=None)
NO_DRIVER = patient(pdl1=80)
NO_DRIVER_UNTESTED = patient(negative=[], pdl1=1)

DRIVER_ALLOWANCES = [
    "Driver-negative NSCLC; patients with a driver alteration (EGFR, ALK, ROS1) may enrol after exhausting approved "
    "targeted therapy",
    "No known driver mutation (EGFR, ALK, ROS1, RET). Patients with an actionable alteration may be enrolled after "
    "progression on approved targeted therapy.",
    "Patients must not have a known targetable driver; those with such a driver may participate after exhausting "
    "standard targeted treatment",
    "Negative for EGFR, ALK and ROS1 alterations (patients with these alterations are eligible after progression on "
    "all available targeted therapies)",
    "Absence of an oncogenic driver. Subjects with an oncogenic driver can enrol once they have progressed on "
    "approved targeted therapy.",
]


@pytest.mark.parametrize("sentence", DRIVER_ALLOWANCES)
def test_a_driver_allowance_opens_the_door_after_targeted_therapy(sentence: str) -> None:
    for profile in (EGFR_TREATED, EGFR_S768I_TREATED, ALK_TREATED):
        assert verdict(inc(sentence), profile) == "eligible", profile.biomarkers
    # Untreated, or a history that does not show targeted therapy: never let in, and never excluded on a history
    # that is not known.
    for profile in (EGFR_UNTREATED, EGFR_CHEMO_ONLY):
        assert verdict(inc(sentence), profile) in {"unknown", "excluded"}, profile.biomarkers
    assert verdict(inc(sentence), EGFR_HISTORY_UNKNOWN) == "unknown"
    assert verdict(inc(sentence), NRG1_UNKNOWN) != "excluded"
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER_UNTESTED) != "excluded"


def test_a_driver_allowance_never_requires_a_driver() -> None:
    sentence = DRIVER_ALLOWANCES[0]
    for profile in (NO_DRIVER, patient(pdl1=0, histology="squamous"), patient(pdl1=None, histology="large cell")):
        assert verdict(inc(sentence), profile) == "eligible"
    assert verdict(inc(sentence), NO_DRIVER_UNTESTED) == "unknown"  # untested: whether it has a driver is a question


def test_an_allowance_naming_genes_keeps_other_drivers_out() -> None:
    sentence = ("NSCLC without actionable genomic alterations; participants whose tumours harbour EGFR or ALK "
                "alterations are eligible if they have progressed on at least one approved targeted therapy")
    assert verdict(inc(sentence), EGFR_TREATED) == "eligible"
    assert verdict(inc(sentence), ALK_TREATED) == "eligible"
    assert verdict(inc(sentence), EGFR_CHEMO_ONLY) == "excluded"  # the history is known and holds no EGFR drug
    assert verdict(inc(sentence), patient("KRAS:G12C", drugs=("sotorasib",), lines=2)) == "excluded"
    assert verdict(inc(sentence), NO_DRIVER) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Driver-negative NSCLC",
    "No known driver mutation (EGFR, ALK, ROS1, RET)",
    "Driver-negative NSCLC; patients with a driver alteration must be discussed with the sponsor",
])
def test_near_miss_no_allowance_still_excludes_a_treated_driver(sentence: str) -> None:
    assert verdict(inc(sentence), EGFR_TREATED) in {"excluded", "unknown"}
    if "discussed" not in sentence:
        assert verdict(inc(sentence), EGFR_TREATED) == "excluded"


def test_an_allowance_never_touches_a_trial_that_asks_for_the_driver() -> None:
    assert verdict(inc("EGFR exon 19 deletion or L858R"), EGFR_TREATED) == "eligible"
    assert verdict(inc("EGFR exon 19 deletion or L858R"), NRG1_UNKNOWN) == "excluded"


# ---------------------------------------------------------------- d. PD-L1 upper limits and a dropped bullet

UPPER_49 = [
    "PD-L1 TPS does not exceed 49%",
    "PD-L1 tumour proportion score must not exceed 49%",
    "Tumor proportion score (TPS) does not exceed 49%",
    "PD-L1 TPS no greater than 49%",
    "PD-L1 expression not above 49%",
    "PD-L1 TPS below 50%",
    "PD-L1 expression should not rise above 49%",
]


@pytest.mark.parametrize("sentence", UPPER_49)
def test_a_pdl1_upper_limit_is_kept_and_read(sentence: str) -> None:
    assert [c.text for c in split_criteria(inc(sentence))] == [sentence]
    got = [verdict(inc(sentence), patient(pdl1=value)) for value in (0, 1, 49, 50, 80, None)]
    assert got == [EL, EL, EL, EX, EX, UN]
    got = [verdict(exc(sentence), patient(pdl1=value)) for value in (0, 49, 50, None)]
    assert got == [EX, EX, EL, UN]


@pytest.mark.parametrize("sentence", [
    "PD-L1 TPS does not fall below 1%",
    "PD-L1 TPS must not drop below 1%",
    "PD-L1 TPS not less than 1%",
])
def test_a_negated_fall_below_is_a_lower_limit(sentence: str) -> None:
    got = [verdict(inc(sentence), patient(pdl1=value)) for value in (0, 1, 49, 50, None)]
    assert got == [EX, EL, EL, EL, UN]


@pytest.mark.parametrize("sentence", [
    "PD-L1 TPS 1-49% will not exceed 30% of patients",
    "No more than 40% of participants may have a TPS of 1-49%",
    "Patients with brain metastases will not exceed 20%",
])
def test_near_miss_a_cap_on_enrolment_is_still_design(sentence: str) -> None:
    assert without_design(sentence) == ""


def test_near_miss_a_cap_aside_is_still_cut_from_its_rule() -> None:
    assert without_design("PD-L1 >= 1% (TPS 1-49% capped at 30%)") == "PD-L1 >= 1%"
