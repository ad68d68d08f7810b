"""Brain-metastasis kinds of helper round bio6 (invented sentences only).

1. A trial for patients with brain metastases that rules out their earlier local treatment ("Brain metastases not
   suitable for surgery or radiosurgery" with "No prior brain radiotherapy"; "One to three brain metastases" with "No
   prior resection or radiotherapy of brain metastases"; an exclusion "Prior cranial radiotherapy (WBRT or SRS) or
   prior surgical resection of brain metastases") wants metastases not yet treated: treated, stable ones are out.
   Before, such a rule was a question for them (which treatment they had is not given), and the inclusion forms
   ("No prior ...", the negation before the treatment, not the mention) and the bracketed "(WBRT or SRS)" (taken for
   a whole-brain-only rule) were not read at all, so treated patients were let in. Outside a brain-metastasis trial,
   with an exception, beside a permission of treated ones, or for a group the sentence names ("Patients with
   recurrent brain metastases ..."), the rule stays a question.
2. A count of brain metastases in words up to twenty, with the figures in brackets ("Five to fifteen (5-15) brain
   metastases"), is a count; and a count that is a range or more than one ("5 to 15 brain metastases, none of which
   has been treated") no longer gives way to the untreated requirement of the same criterion: an active patient may
   have too few or too many, a question (only "at least one untreated brain metastasis" is met by any active one).
3. An exclusion of metastatic spread whose examples name brain metastases ("Any evidence of distant metastatic disease,
   including brain metastases on MRI"): brain metastases of any state are out. "including" before the mention was
   read past (as in a permission's or a treatment's list), so the trial set no brain rule at all.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain

# --------------------------------------------------------------- 1. a brain trial ruling out earlier treatment
BRAIN_TRIAL_NO_PRIOR = [
    ("NSCLC with newly diagnosed brain metastases", "Previous radiotherapy or surgery for brain metastases"),
    ("Patients with brain metastases confirmed by MRI // Must not have received prior cranial irradiation", ""),
    ("Intracranial metastases confirmed by MRI", "Prior radiation therapy to the brain"),
    ("Brain metastases confirmed by MRI // No prior resection or irradiation of brain metastases", ""),
    ("NSCLC with MRI-proven brain metastases", "Prior treatment of brain metastases"),
]


def test_a_brain_trial_for_lesions_unfit_for_local_treatment_leaves_out_treated_ones() -> None:
    # (whether an active patient's lesions are "not suitable for resection or radiosurgery" no profile says: a
    # question, see test_rules_brain_s25_leftovers.py kind 4)
    inclusion = ("Brain metastases, as diagnosed by CT or MRI >> Not suitable for surgical resection or stereotactic "
                 "radiosurgery // No prior brain radiotherapy")
    assert brain(inclusion, "") == (EX, EX, UN, UN)


@pytest.mark.parametrize(("inclusion", "exclusion"), BRAIN_TRIAL_NO_PRIOR)
def test_a_brain_trial_ruling_out_earlier_treatment_leaves_out_treated_ones(inclusion: str, exclusion: str) -> None:
    assert brain(inclusion, exclusion) == (EX, EX, EL, UN)


COUNTED_NO_PRIOR = [
    ("One to three brain metastases, each < 3 cm, on MRI // No prior resection or radiotherapy of brain metastases",
     ""),
    ("Two to ten brain metastases on MRI",
     "Prior cranial radiotherapy (WBRT or SRS) or prior surgical resection of brain metastases"),
    ("4-10 brain metastases on MRI", "Prior brain-directed radiotherapy (whole brain radiotherapy or radiosurgery)"),
    ("Five to fifteen (5-15) brain metastases on MRI within 21 days",
     "Prior brain radiotherapy, including whole brain radiotherapy or radiosurgery, or prior resection of a brain "
     "metastasis"),
]


@pytest.mark.parametrize(("inclusion", "exclusion"), COUNTED_NO_PRIOR)
def test_a_counted_brain_trial_ruling_out_earlier_treatment_leaves_out_treated_ones(inclusion: str,
                                                                                    exclusion: str) -> None:
    # untreated ones: whether the patient has that many is not given
    assert brain(inclusion, exclusion) == (EX, EX, UN, UN)


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("Stage IV NSCLC // No prior brain radiotherapy", ""),  # not a brain-metastasis trial
    ("Stage IV NSCLC", "Prior resection or radiotherapy of brain metastases"),
    ("Stage IV NSCLC", "Prior cranial radiotherapy (WBRT or SRS)"),
    ("Brain metastases on MRI", "Prior brain radiotherapy, unless the irradiated lesions have progressed"),
    ("Brain metastases on MRI", "Patients with recurrent brain metastases have previously received brain radiation "
                                "therapy"),
    ("Brain metastases on MRI // No prior systemic therapy for brain metastases", ""),  # a drug, not local treatment
    ("Brain metastases on MRI", "Prior chemotherapy or radiotherapy for brain metastases"),
])
def test_earlier_treatment_stays_a_question_outside_that_kind(inclusion: str, exclusion: str) -> None:
    assert brain(inclusion, exclusion)[1] == UN


@pytest.mark.parametrize(("inclusion", "exclusion"), [
    ("Brain metastases on MRI", "Prior whole brain radiotherapy"),  # whole-brain only: radiosurgery may be theirs
    ("Brain metastases on MRI", "Prior brain radiotherapy within 4 weeks before enrolment"),  # a washout
])
def test_whole_brain_only_or_a_washout_still_lets_treated_ones_in(inclusion: str, exclusion: str) -> None:
    assert brain(inclusion, exclusion)[1] == EL


def test_a_permission_of_treated_ones_keeps_the_question() -> None:
    verdicts = brain("Brain metastases on MRI // Previously treated brain metastases are allowed if stable for 4 "
                     "weeks", "Prior brain radiotherapy")
    assert verdicts[1] == UN


# --------------------------------------------------------------- 2. counts in words; a range beside "untreated"
@pytest.mark.parametrize("inclusion", [
    "Five to fifteen (5-15) brain metastases on MRI",
    "Three to twelve brain metastases on contrast-enhanced MRI",
    "Two to twenty (2-20) brain metastases, largest < 3 cm",
])
def test_a_count_in_words_is_a_count(inclusion: str) -> None:
    assert brain(inclusion) == (EX, UN, UN, UN)


@pytest.mark.parametrize("inclusion", [
    "5 to 15 brain metastases on contrast MRI, none of which has been treated before",
    "1-3 untreated brain metastases on MRI",
    "Five to fifteen brain metastases on MRI; all lesions must be untreated",
    "At least 2 untreated brain metastases on MRI",
])
def test_a_range_of_untreated_metastases_is_a_question_for_active_ones(inclusion: str) -> None:
    assert brain(inclusion) == (EX, EX, UN, UN)


@pytest.mark.parametrize("inclusion", [
    "At least one untreated brain metastasis >= 5 mm",
    "At least one measurable brain metastasis that has not been previously irradiated",
])
def test_one_untreated_metastasis_is_met_by_active_ones(inclusion: str) -> None:
    assert brain(inclusion) == (EX, EX, EL, UN)


# --------------------------------------------------------------- 3. brain metastases as an example of excluded spread
@pytest.mark.parametrize("exclusion", [
    "Any evidence of distant metastatic disease, including brain metastases on MRI",
    "Distant metastases, including brain metastases",
    "Extrathoracic metastatic disease (including CNS metastases)",
    "Stage IV disease, including brain or liver metastases",
    "M1 disease, including intracranial metastases",
    "Metastatic spread beyond the thorax, including brain metastases",
])
def test_brain_metastases_as_an_example_of_excluded_spread_are_out(exclusion: str) -> None:
    assert brain("Stage III NSCLC", exclusion) == (EL, EX, EX, UN)


@pytest.mark.parametrize("exclusion", [
    "Prior radiotherapy, including radiotherapy to brain metastases",  # a treatment's object
    "Metastatic disease including brain metastases is allowed",  # a permission
    "Other malignancy, including brain metastases from another cancer",  # no spread word before "including"
])
def test_including_brain_metastases_elsewhere_sets_no_bar(exclusion: str) -> None:
    assert brain("Stage IV NSCLC", exclusion)[1:3] == (EL, EL)
