"""Disease rules on two kinds of wording, each with invented sentences and near misses:

- a stage list that names stage IV after a serial comma or a comparison ("stage II, III, or IV", "stages IIB, III,
  and IV", "stage ≥ IIIB"): stage IV is let in, where the list used to stop at III and read as early stage only;
- a histology limit that takes NSCLC not otherwise specified in plain words ("including those with a non-specified
  tumor type", "or unclassified NSCLC"): an NSCLC-NOS patient fits, where before the subtype was a question.
"""

from __future__ import annotations

import pytest
from disease_cases import ALL_EL, ALL_EX, ALL_UN, EL, EX, UN, trial, verdicts

from trialmatch.criteria.rules import disease
from trialmatch.matching.profile import Profile, profile_from_dict

# ---------------------------------------------------------------- stage lists that reach stage IV
STAGE_IV_LISTED = {
    "serial-comma-or": "* Classified as stage II, III, or IV according to the AJCC TNM staging system (9th edition);",
    "serial-comma-or-arabic": "* NSCLC of clinical stage 2, 3, or 4",
    "serial-comma-and": "* Patients with stages IIB, III, and IV non-small cell lung cancer",
    "serial-comma-and-or": "* Stage II, III, and/or IV NSCLC (8th edition AJCC)",
    "sub-stages-then-iv": "* Histologically confirmed NSCLC of stage IIIB, IIIC, or IV",
    "no-serial-comma": "* Stages IIB, III or IV NSCLC",
    "plain-range": "* NSCLC, stage II-IV",
    "i-to-iv": "* Non-small cell lung cancer, stage I to IV",
    "iii-or-iv": "* Stage III or IV NSCLC",
    "stage-repeated": "* AJCC stage II, stage III, or stage IV non-small cell lung cancer",
    "through": "* Stage IB through IV NSCLC, any line of therapy",
    "any-stage": "* Confirmed NSCLC of any stage",
    "at-least": "* NSCLC of stage ≥ IIIB",
    "at-least-ascii": "* TNM stage >= IIB non-small cell lung cancer",
    "or-higher": "* NSCLC stage IIIB or higher",
}
STAGE_IV_LEFT_OUT = {  # near misses: no stage IV in the list
    "serial-comma-early": "* Stage I, II, or III NSCLC",
    "serial-comma-early-sub-stages": "* Resected stage IB, II, or IIIA NSCLC",
    "serial-comma-and-early": "* Stage IIA, IIB, and IIIA NSCLC",
    "ii-or-iii": "* Stage II or III NSCLC",
    "at-most": "* NSCLC stage ≤ IIIA",
    "below-iv": "* NSCLC of stage < IV",
}


@pytest.mark.parametrize("inclusion", STAGE_IV_LISTED.values(), ids=STAGE_IV_LISTED.keys())
def test_a_stage_list_that_names_stage_iv_takes_it(inclusion: str) -> None:
    assert verdicts(trial(f"* Histologically or cytologically confirmed NSCLC\n{inclusion}")) == ALL_EL


@pytest.mark.parametrize("inclusion", STAGE_IV_LEFT_OUT.values(), ids=STAGE_IV_LEFT_OUT.keys())
def test_a_stage_list_without_stage_iv_leaves_it_out(inclusion: str) -> None:
    assert verdicts(trial(inclusion)) == ALL_EX


def test_a_serial_list_ending_in_a_stage_iv_sub_stage_only_is_a_question() -> None:
    assert verdicts(trial("* Stage II, III, or IVA NSCLC only")) == ALL_UN


def test_a_serial_list_with_stage_iv_is_a_question_for_other_stages_not_an_exclusion() -> None:
    rules = disease.parse(trial("* Classified as stage II, III, or IV (AJCC 9th edition)"))
    assert disease.check(rules, Profile(stage="III", histology="squamous")).verdict == UN
    assert rules["stage"]["IV"] == EL


def test_a_serial_list_of_stages_at_diagnosis_before_relapse_is_not_the_disease_enrolled() -> None:
    # "Relapsed after stage I, II, or III" names where the disease began: the relapse may be metastatic.
    assert verdicts(trial("* NSCLC relapsed after curative treatment of stage I, II, or III disease")) == ALL_EL


# ---------------------------------------------------------------- NSCLC not otherwise specified, in plain words
NON_SQ_WITH_NOS = (EL, EX, EL, EL)
NON_SQ = (EL, EX, EL, UN)
NOS_TAKEN = {
    "non-specified-tumor-type": "* Non squamous tumor type (including those with a non-specified tumor type).",
    "not-otherwise-specified": "* Non-squamous histology, including NSCLC not otherwise specified",
    "unspecified-histology": "* Nonsquamous NSCLC (adenocarcinoma, large cell or unspecified histology)",
    "histology-not-specified": "* Non-squamous NSCLC, or NSCLC whose histology is not specified",
    "unclassified": "* Non-squamous cell carcinoma of the lung, including unclassified NSCLC",
    "subtype-undetermined": "* Non-squamous NSCLC, including tumours with histological subtype undetermined",
}
NOS_NOT_TAKEN = {  # near misses: the words are about something else, an example, or shut the NOS tumours out
    "marker-undetermined": "* Non-squamous NSCLC; PD-L1 status may be undetermined",
    "nos-not-eligible": "* Non-squamous NSCLC; unspecified histology is not eligible",
    "except-nos": "* Non-squamous NSCLC, except tumours of unspecified histology",
    "nos-as-example": "* Non-squamous NSCLC (e.g. adenocarcinoma, large cell, unclassified carcinoma)",
    "nos-negated": "* Non-squamous NSCLC; the tumour must not be of undetermined type",
    "no-nos-words": "* Non-squamous NSCLC",
}


@pytest.mark.parametrize("inclusion", NOS_TAKEN.values(), ids=NOS_TAKEN.keys())
def test_a_histology_limit_that_names_unspecified_nsclc_takes_it(inclusion: str) -> None:
    assert verdicts(trial(f"* Stage IV NSCLC\n{inclusion}")) == NON_SQ_WITH_NOS


@pytest.mark.parametrize("inclusion", NOS_NOT_TAKEN.values(), ids=NOS_NOT_TAKEN.keys())
def test_unspecified_words_that_do_not_take_nos(inclusion: str) -> None:
    assert verdicts(trial(f"* Stage IV NSCLC\n{inclusion}")) == NON_SQ


def test_an_adenocarcinoma_limit_with_unspecified_nsclc_takes_nos_but_not_squamous() -> None:
    text = trial("* Metastatic lung adenocarcinoma (NSCLC of an unspecified histological type may also enrol)")
    assert verdicts(text) == (EL, EX, EX, EL)


def _profile(pid: str, histology: str | None, stage: str | None = "IV") -> Profile:
    return profile_from_dict({
        "id": pid, "age": 71, "sex": "male", "histology": histology, "stage": stage,
        "biomarkers": [{"gene": "KRAS", "alteration": "G12D"}], "tested_negative": ["EGFR", "ALK"], "pdl1_tps": 1,
        "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"], "prior_lines": 1, "ecog": 2,
        "brain_metastases": None})


def test_invented_profiles_on_a_serial_stage_list_and_an_unspecified_histology() -> None:
    text = trial("* Confirmed NSCLC, stage IIB, III, or IV (AJCC 9th edition)\n"
                 "* Non-squamous histology (NSCLC with a non-specified tumour type is eligible)")
    rules = disease.parse(text)
    got = {pid: disease.check(rules, p).verdict for pid, p in {
        "nos-kras-g12d": _profile("nos-kras-g12d", "nsclc-nos"),
        "large-cell": _profile("large-cell", "large cell"),
        "squamous": _profile("squamous", "squamous"),
        "histology-unknown": _profile("histology-unknown", None),
        "nos-stage-unknown": _profile("nos-stage-unknown", "nsclc-nos", stage=None),
    }.items()}
    assert got == {"nos-kras-g12d": EL, "large-cell": EL, "squamous": EX, "histology-unknown": UN,
                   "nos-stage-unknown": UN}
