"""Disease rules on kinds of wording met in a blind set, with invented sentences and near misses.

- A list of lung cancers joined by "or" is a list of alternatives: "non-small cell adenocarcinoma or squamous cell
  carcinoma, or small cell lung cancer" takes adenocarcinoma and squamous patients (small cell lung cancer is the
  lung's own, not another organ's cancer that would make the histology words someone else's).
- An exclusion of another tumour's metastatic disease ("neuroendocrine carcinoma or carcinoids with metastatic
  disease") does not limit the stage of the NSCLC enrolled.
"""

from __future__ import annotations

import pytest
from disease_cases import ALL_EX, EL, EX, UN, trial, verdicts

# ---------------------------------------------------------------- 1. alternatives joined by "or"
ALTERNATIVES = {
    "adeno-squamous-or-sclc": ("* Stage IIIB and IV non-small cell adenocarcinoma or squamous cell carcinoma, or small "
                               "cell lung cancer with advanced disease receiving systemic treatment"),
    "large-cell-left-out": ("* Stage IV non-small cell adenocarcinoma or squamous cell carcinoma, or small cell lung "
                            "cancer"),
    "sclc-first": "* Small cell lung cancer, or metastatic non-small cell adenocarcinoma or squamous cell carcinoma",
    "sclc-abbrev": "* Metastatic non-small cell adenocarcinoma, squamous cell carcinoma or SCLC on palliative therapy",
    "carcinoma-word": ("* Advanced non-small cell squamous carcinoma or adenocarcinoma, or small-cell lung cancer, "
                       "currently on chemotherapy"),
}


@pytest.mark.parametrize("inclusion", ALTERNATIVES.values(), ids=ALTERNATIVES.keys())
def test_histologies_joined_by_or_beside_small_cell_are_alternatives(inclusion: str) -> None:
    adeno, squamous, _, nos = verdicts(trial(inclusion))
    assert (adeno, squamous) == (EL, EL)
    assert nos != EX


def test_large_cell_is_not_among_the_alternatives() -> None:
    assert verdicts(trial(ALTERNATIVES["large-cell-left-out"]))[2] == EX


OTHER_ORGAN = {  # near misses: a histology word that belongs to another organ's cancer is still not the lung's
    "pancreas": "* Metastatic pancreatic adenocarcinoma, or squamous cell carcinoma of the lung",
    "head-neck": "* Advanced head and neck squamous cell carcinoma or lung adenocarcinoma",
}


def test_another_organs_histology_is_still_its_own() -> None:
    assert verdicts(trial(OTHER_ORGAN["pancreas"]))[1] == EL
    adeno, squamous, _, _ = verdicts(trial(OTHER_ORGAN["head-neck"]))
    assert (adeno, squamous) == (EL, EX)


# ---------------------------------------------------------------- 1b. another tumour's metastatic disease
ANOTHER_TUMOUR = {
    "neuroendocrine-carcinoids": "* Neuroendocrine large cell carcinoma or atypical carcinoids with metastatic disease",
    "sclc-metastatic": "* Small cell lung cancer with distant metastases",
    "lcnec": "* LCNEC with metastatic disease",
    "carcinoid": "* Metastatic disease from a typical or atypical carcinoid",
}
INCLUSION = "* Stage IIIB-IV non-small cell lung cancer receiving systemic therapy"


@pytest.mark.parametrize("exclusion", ANOTHER_TUMOUR.values(), ids=ANOTHER_TUMOUR.keys())
def test_another_tumours_metastatic_disease_does_not_limit_the_stage(exclusion: str) -> None:
    assert verdicts(trial(INCLUSION, exclusion))[:2] == (EL, EL)


NSCLC_METASTATIC = {  # near misses: the exclusion is about the NSCLC enrolled
    "metastatic-nsclc": "* Metastatic NSCLC",
    "distant-metastases": "* Distant metastases",
    "stage-iv-nsclc": "* Stage IV non-small cell lung cancer",
}


@pytest.mark.parametrize("exclusion", NSCLC_METASTATIC.values(), ids=NSCLC_METASTATIC.keys())
def test_a_metastatic_nsclc_exclusion_still_counts(exclusion: str) -> None:
    early = "* Histologically confirmed stage IIIA-IIIB non-small cell lung cancer, unresectable"
    assert verdicts(trial(early, exclusion)) == ALL_EX
    assert UN in verdicts(trial("* Advanced non-small cell lung cancer", exclusion)) or verdicts(
        trial("* Advanced non-small cell lung cancer", exclusion)) == ALL_EX


# ---------------------------------------------------------------- 2. a stage range ending in a sub-stage
THROUGH_STAGE_IV = {
    "dash": "* Histologically or cytologically confirmed Stage IIIB-IVB NSCLC",
    "to": "* Stage IIIB to IVB non-small cell lung cancer",
    "through": "* NSCLC of stage IIIC through IVB (AJCC 8th edition)",
    "from-iii": "* Patients with stage III-IVB NSCLC not amenable to curative treatment",
    "iva-ivb": "* Confirmed stage IVA-IVB non-small cell lung cancer",
    "m1-range": "* Stage IV (M1a-M1c) non-small cell lung cancer",
}
PART_OF_STAGE_IV = {  # near misses: the range stops inside stage IV
    "to-iva": "* Histologically confirmed stage IIIB-IVA NSCLC",
    "through-iva": "* NSCLC of stage IIIC through IVA",
    "iva-only": "* Stage IVA NSCLC only",
}


@pytest.mark.parametrize("inclusion", THROUGH_STAGE_IV.values(), ids=THROUGH_STAGE_IV.keys())
def test_a_range_through_the_last_sub_stage_takes_stage_iv(inclusion: str) -> None:
    assert verdicts(trial(inclusion)) == (EL,) * 4


@pytest.mark.parametrize("inclusion", PART_OF_STAGE_IV.values(), ids=PART_OF_STAGE_IV.keys())
def test_a_range_stopping_at_stage_iva_is_a_question(inclusion: str) -> None:
    assert verdicts(trial(inclusion)) == (UN,) * 4


# ---------------------------------------------------------------- 4. a time window around the diagnosis
TIME_WINDOWS = {
    "gap-between": "* Have a gap of > 120 days between metastatic NSCLC diagnosis and index date",
    "diagnosed-ago": "* Metastatic disease diagnosed more than 6 months before enrolment",
    "interval": "* An interval of over 90 days from diagnosis of stage IV NSCLC to the start of first-line therapy",
    "weeks-since": "* More than 8 weeks since the diagnosis of distant metastases",
}
ADVANCED = "* Confirmed diagnosis of advanced or metastatic non-small cell lung cancer (stage IIIB-IV)"


@pytest.mark.parametrize("exclusion", TIME_WINDOWS.values(), ids=TIME_WINDOWS.keys())
def test_a_time_window_around_the_diagnosis_is_no_stage_rule(exclusion: str) -> None:
    assert verdicts(trial(ADVANCED, exclusion)) == (EL,) * 4


def test_a_metastatic_exclusion_without_a_time_window_still_counts() -> None:
    early = "* Histologically confirmed stage II-IIIA NSCLC planned for lobectomy"
    assert verdicts(trial(early, "* Metastatic disease")) == ALL_EX
    assert verdicts(trial(early, "* Metastatic disease diagnosed on PET-CT")) == ALL_EX


# ---------------------------------------------------------------- 3. small cell lung cancer only
NSCLC_HEADER = "Non-Small Cell Lung Cancer"  # a generic condition: the criteria say which lung cancer
SMALL_CELL_ONLY = {
    "extensive-staging-system": ("* Patients with pathologically confirmed extensive stage small cell lung cancer "
                                 "(according to the VALG staging)"),
    "evaluable-extensive": "* Evaluable extensive small cell lung cancer, extensive disease.",
    "es-sclc": "* Histologically confirmed ES-SCLC with measurable disease",
    "limited-disease": "* Cytologically documented limited-stage small-cell lung carcinoma",
    "relapsed-after": "* Small cell lung cancer that relapsed after first-line platinum chemotherapy",
}
NEUROENDOCRINE_TOO = {
    "sclc-or-lcnec": ("* Histologically or cytologically confirmed SCLC (either limited or extensive disease) or "
                      "LCNEC, that has relapsed from the most current treatment or was refractory to treatment"),
    "neuroendocrine": "* Confirmed extensive-stage small cell lung cancer or large cell neuroendocrine carcinoma",
}


def _sclc_trial(inclusion: str, exclusion: str = "") -> tuple[str, ...]:
    return verdicts(trial(inclusion + "\n* ECOG 0-1", exclusion, title=" ", conditions=(NSCLC_HEADER,)))


@pytest.mark.parametrize("inclusion", SMALL_CELL_ONLY.values(), ids=SMALL_CELL_ONLY.keys())
def test_small_cell_lung_cancer_only_shuts_nsclc_out(inclusion: str) -> None:
    assert _sclc_trial(inclusion) == ALL_EX


@pytest.mark.parametrize("inclusion", NEUROENDOCRINE_TOO.values(), ids=NEUROENDOCRINE_TOO.keys())
def test_small_cell_or_lcnec_leaves_large_cell_a_question(inclusion: str) -> None:
    assert _sclc_trial(inclusion) == (EX, EX, UN, UN)


NOT_SMALL_CELL_ONLY = {  # near misses: NSCLC is taken too, or small cell lung cancer is not what is asked for
    "nsclc-or-sclc": "* Histologically confirmed NSCLC or SCLC, extensive disease",
    "lung-cancer": "* Advanced lung cancer (small cell or non-small cell)",
    "histology-named": "* Metastatic adenocarcinoma or small cell lung cancer",
    "excluded-in-inclusion": "* Stage IV lung cancer; small cell lung cancer excluded",
    "mixed": "* Mixed small cell/non-small cell histology is not allowed",
    "prior-therapy": "* No prior chemotherapy for small cell lung cancer",
    "transformed": "* EGFR-mutant NSCLC transformed to small cell lung cancer",
    "basket": "* Advanced solid tumours, including extensive-stage small cell lung cancer",
}


@pytest.mark.parametrize("inclusion", NOT_SMALL_CELL_ONLY.values(), ids=NOT_SMALL_CELL_ONLY.keys())
def test_near_misses_do_not_exclude_nsclc_for_small_cell(inclusion: str) -> None:
    adeno, squamous, _, _ = _sclc_trial(inclusion)
    assert EX not in (adeno, squamous) or inclusion == NOT_SMALL_CELL_ONLY["histology-named"] and adeno == EL


def test_small_cell_in_the_exclusions_is_no_small_cell_trial() -> None:
    assert _sclc_trial("* Stage IV non-small cell lung cancer", "* Small cell lung cancer or mixed histology") == (
        EL,) * 4


# ---------------------------------------------------------------- 5. early-stage-only trials stay closed to stage IV
EARLY_ONLY = {
    "resected-range": "* Completely resected stage IB-IIIA NSCLC",
    "tnm-m0": "* Clinical stage cT1aN0M0 peripheral NSCLC",
    "resectable-n2": "* Resectable stage II-IIIB N2 non-squamous NSCLC",
    "unresectable-iii": "* Unresectable stage III NSCLC",
    "operable": "* Patients with operable stage IA-IIIA NSCLC",
    "after-crt": "* Locally advanced, unresectable stage III NSCLC after concurrent chemoradiotherapy",
}


@pytest.mark.parametrize("inclusion", EARLY_ONLY.values(), ids=EARLY_ONLY.keys())
def test_early_stage_only_trials_exclude_stage_iv(inclusion: str) -> None:
    assert verdicts(trial(inclusion)) == ALL_EX
