"""Prior-therapy kinds from the opened set AH, each in invented sentences of its kind plus near-misses.

1. A progression clause said of another cancer a later alternative names ("NSCLC of any histology, or SCLC
   progressing after chemotherapy") does not bind the NSCLC patient (cues.other_cancer_history).
2. A ban's "including ..., or neoadjuvant therapy" list names one more case of the ban; it does not narrow the ban to
   the early setting (sentence._ADJUVANT_TOO).
3. A requirement followed in its criterion by "Exception: ... treatment-naive patients may enrol ..." lets the
   untreated in as a question, and the pretreated meet it (cues.NAIVE_WAY_IN).
"""

from __future__ import annotations

import pytest

from tests.prior_therapy_cases import invented_patient, prior_verdict

NAIVE = invented_patient([], [], 0)
OSI = invented_patient([("EGFR", "exon 19 deletion")], ["osimertinib"], 1)
CHEMO_IO = invented_patient([("KRAS", "G12C")], ["carboplatin", "pemetrexed", "pembrolizumab"], 1)
CHEMO = invented_patient([], ["carboplatin", "pemetrexed"], 1)
ALL = {"naive": NAIVE, "osimertinib": OSI, "chemo-io": CHEMO_IO, "chemo": CHEMO}

OTHER_CANCER_HISTORY = [
    "Histologically verified lung cancer (NSCLC of any histology, or SCLC progressing after chemotherapy).",
    "Advanced NSCLC of any line, or small cell lung cancer that has progressed after platinum-based chemotherapy.",
    "Metastatic NSCLC (treatment-naive or pretreated), or malignant pleural mesothelioma progressing on or after "
    "platinum and pemetrexed.",
    "Locally advanced or metastatic NSCLC, or extensive-stage SCLC relapsed after first-line platinum-etoposide.",
    "Histologically confirmed NSCLC; or SCLC refractory to platinum-based chemotherapy.",
]


@pytest.mark.parametrize("sentence", OTHER_CANCER_HISTORY)
@pytest.mark.parametrize("who", sorted(ALL))
def test_other_cancer_history_binds_no_nsclc_patient(sentence: str, who: str) -> None:
    assert prior_verdict(ALL[who], [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Stage IV NSCLC progressing after platinum-based chemotherapy.",
    "NSCLC or SCLC, progressing after chemotherapy.",  # the clause after the list binds both
    "SCLC or NSCLC progressing after prior chemotherapy.",  # the cancer before it is NSCLC
])
def test_progression_said_of_nsclc_still_binds(sentence: str) -> None:
    assert prior_verdict(NAIVE, [sentence]) == "excluded"
    assert prior_verdict(CHEMO, [sentence]) == "eligible"


INCLUDING_EARLY_LAST = [
    "Prior systemic anticancer therapy for NSCLC other than adjuvant platinum-based chemotherapy, including any "
    "EGFR-TKI, immunotherapy or neoadjuvant therapy.",
    "Prior systemic anticancer therapy for NSCLC, including any EGFR-TKI, immunotherapy or neoadjuvant therapy.",
    "Any previous systemic treatment for lung cancer, including targeted agents, checkpoint inhibitors or adjuvant "
    "chemotherapy.",
    "Prior anticancer drug therapy, including tyrosine kinase inhibitors, antibodies and perioperative treatment.",
    "Previous systemic therapy for NSCLC, including chemotherapy, immunotherapy, targeted therapy or prior "
    "neoadjuvant treatment.",
]


@pytest.mark.parametrize("sentence", INCLUDING_EARLY_LAST)
def test_early_setting_last_in_an_including_list_widens_the_ban(sentence: str) -> None:
    assert prior_verdict(OSI, exclusion=[sentence]) == "excluded"
    assert prior_verdict(CHEMO_IO, exclusion=[sentence]) == "excluded"
    assert prior_verdict(NAIVE, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Prior neoadjuvant or adjuvant chemotherapy.",  # an early-setting ban: a metastatic line is not it
    "Prior chemotherapy in the neoadjuvant setting, including cisplatin or carboplatin.",
])
def test_early_only_ban_stays_early(sentence: str) -> None:
    assert prior_verdict(CHEMO, exclusion=[sentence]) != "excluded"


REQUIREMENT = "Relapsed or refractory to at least one prior systemic therapy for advanced disease."
NAIVE_WAYS = [
    "Exception: in Cohort 2 only, treatment-naive patients may enrol if they are considered unsuitable for "
    "platinum-based chemotherapy or decline it after documented counselling.",
    "Exception: treatment-naive patients may enrol.",
    "Exception: in Part B, previously untreated participants may be included if they decline chemotherapy.",
    "Exceptions: for the expansion cohort only, untreated patients are eligible if unfit for platinum doublets.",
    "Exception: in Arm C, treatment-naive subjects can also be enrolled.",
]


@pytest.mark.parametrize("way", NAIVE_WAYS)
def test_naive_way_in_after_a_requirement(way: str) -> None:
    text = f"{REQUIREMENT} {way}"
    for who in ("osimertinib", "chemo-io", "chemo"):
        assert prior_verdict(ALL[who], [text]) == "eligible", who
    assert prior_verdict(NAIVE, [text]) == "unknown"


@pytest.mark.parametrize("sentence", [
    REQUIREMENT,
    f"{REQUIREMENT} Exception: treatment-naive patients may not enrol in any cohort.",  # a ban, no way in
    f"{REQUIREMENT} Exception: treatment-naive patients are not eligible.",
])
def test_requirement_without_a_naive_way_keeps_its_exclusion(sentence: str) -> None:
    assert prior_verdict(NAIVE, [sentence]) == "excluded"


REFUSED_UNTREATED = [
    "Treatment-naive patients are not eligible.",
    "Previously untreated patients are excluded.",
    "Treatment-naive participants will not be enrolled in this cohort.",
    "Untreated patients will not be considered for enrolment.",
    "Previously untreated patients cannot be included.",
]


@pytest.mark.parametrize("sentence", REFUSED_UNTREATED)
@pytest.mark.parametrize("who", ["osimertinib", "chemo-io", "chemo"])
def test_untreated_refused_never_shuts_out_the_treated(sentence: str, who: str) -> None:
    # Read as "must be treatment-naive" it excluded every treated patient: the polarity was the opposite.
    assert prior_verdict(ALL[who], [sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Patients must be treatment-naive for advanced disease.",
    "Previously untreated stage IV NSCLC.",
    "Treatment-naive patients with metastatic NSCLC.",
])
def test_untreated_required_still_excludes_the_treated(sentence: str) -> None:
    assert prior_verdict(OSI, [sentence]) == "excluded"
    assert prior_verdict(NAIVE, [sentence]) == "eligible"
