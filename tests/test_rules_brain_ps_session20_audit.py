"""Brain-metastasis and performance-status kinds from the session-20 audit: invented profiles (ECOG 0-4 or not
given, brain metastases none / treated and stable / active / not given) over every open record, each exclusion read.

Two brain-metastasis kinds were wrong, both an untreated patient shut out by words that do not say so:
- "<another condition> or symptomatic active CNS metastases": the "or" joins two conditions, not two qualifiers, so
  the mention's own qualifiers ("symptomatic active") must all hold, as they do when the mention stands alone. An
  untreated patient whose symptoms the profile does not give is a question (was excluded, the "or" read as
  "symptomatic or active").
- "<brain metastases ban>, with exceptions per protocol" / "(exceptions apply)": exceptions the text does not spell
  out may let the patient in, like "except as allowed by the protocol" already did (was excluded: "with exceptions"
  was not read as an exception, only "with the exception").

The performance-status exclusions all held (ECOG limits, Karnofsky per the label rules' table, scoped parts, ages):
the tests at the end keep those edges.
"""

from __future__ import annotations

import pytest
from brain_cases import EL, EX, UN, brain, ecog
from invented import invented_trial

from trialmatch.criteria.rules import brain_metastases, performance_status
from trialmatch.matching.profile import Profile, profile_from_dict

# none, treated_stable, active, not given
QUESTION_FOR_ACTIVE = (EL, EL, UN, UN)
ACTIVE_OUT = (EL, EL, EX, UN)
ANY_OUT = (EL, EX, EX, UN)


@pytest.mark.parametrize("line", [
    "Leptomeningeal disease or symptomatic active CNS metastases.",
    "Primary CNS malignancy, leptomeningeal disease, or symptomatic active central nervous system metastases.",
    "Carcinomatous meningitis or symptomatic progressing brain metastases.",
    "Known leptomeningeal carcinomatosis, or untreated symptomatic brain metastases.",
    "Primary brain tumour or symptomatic untreated intracranial metastases.",
    "Meningeal carcinomatosis and/or symptomatic active brain metastases.",
    "Leptomeningeal spread or untreated brain metastases with neurological symptoms.",
    "Glioblastoma, leptomeningeal metastases, or active symptomatic cerebral metastases.",
])
def test_another_condition_or_symptomatic_active_metastases_leaves_untreated_a_question(line: str) -> None:
    assert brain(exclusion=line) == QUESTION_FOR_ACTIVE


@pytest.mark.parametrize("line", [
    # Near misses: one qualifier that an untreated metastasis meets, or two joined by "or" (either is enough).
    "Leptomeningeal disease or active CNS metastases.",
    "Leptomeningeal carcinomatosis or untreated brain metastases.",
    "Symptomatic or untreated brain metastases.",
    "Carcinomatous meningitis, or symptomatic or untreated brain metastases.",
    "Active, or untreated, brain metastases.",
    "Primary CNS tumour, leptomeningeal disease or progressing brain metastases.",
])
def test_one_qualifier_or_qualifiers_joined_by_or_still_exclude_active(line: str) -> None:
    assert brain(exclusion=line) == ACTIVE_OUT


@pytest.mark.parametrize("line", [
    "Untreated brain metastases, with exceptions per protocol.",
    "Active CNS metastases, with exceptions per study protocol.",
    "Active brain metastases (exceptions apply, see protocol).",
    "Uncontrolled central nervous system metastases, with some exceptions as described in the protocol.",
    "Known active brain metastases; exceptions may apply per the investigator brochure.",
    "Progressive intracranial metastases, with certain exceptions defined in the study manual.",
    "Symptomatic active CNS metastases, with exceptions per study protocol.",
    "Newly diagnosed untreated brain metastases with a few exceptions listed in section 5.",
])
def test_a_ban_with_exceptions_it_does_not_spell_out_is_a_question_for_active(line: str) -> None:
    assert brain(exclusion=line) == QUESTION_FOR_ACTIVE


@pytest.mark.parametrize(("line", "expected"), [
    # Near misses: exceptions spelled out are read; a bare ban with no exception stays a ban.
    ("Brain metastases, with the exception of treated, stable lesions.", ACTIVE_OUT),
    ("Brain metastases, with the exception of those treated and stable for 4 weeks.", ACTIVE_OUT),
    ("Untreated brain metastases.", ACTIVE_OUT),
    ("Known brain metastases.", ANY_OUT),
    ("Brain metastases or leptomeningeal disease.", ANY_OUT),
])
def test_spelled_out_exceptions_and_plain_bans_keep_their_verdicts(line: str, expected: tuple[str, ...]) -> None:
    assert brain(exclusion=line) == expected


def _profile(pid: str, brain_state: str | None, ecog_score: int | None, **extra: object) -> Profile:
    base: dict[str, object] = {"id": pid, "age": 67, "sex": "female", "histology": "large cell", "stage": "IV",
                               "biomarkers": [], "tested_negative": [], "pdl1_tps": None, "prior_therapies": [],
                               "prior_lines": None, "ecog": ecog_score, "brain_metastases": brain_state}
    return profile_from_dict({**base, **extra})


INVENTED = (
    _profile("nrg1-active-brain-ecog3", "active", 3, biomarkers=[{"gene": "NRG1", "alteration": "fusion"}],
             prior_therapies=["carboplatin", "pemetrexed"], prior_lines=1),
    _profile("kras-g12v-treated-brain-ecog2", "treated_stable", 2,
             biomarkers=[{"gene": "KRAS", "alteration": "G12V"}], pdl1_tps=50),
    _profile("egfr-s768i-no-brain-ecog0", "none", 0, biomarkers=[{"gene": "EGFR", "alteration": "S768I"}],
             prior_therapies=["afatinib"], prior_lines=1),
    _profile("nos-brain-and-ecog-unknown", None, None, histology="nsclc-nos"),
)


def _brain_for_invented(exclusion: str) -> tuple[str, ...]:
    rules = brain_metastases.parse(invented_trial("", exclusion, "An invented trial in advanced solid tumours"))
    return tuple(brain_metastases.check(rules, p).verdict for p in INVENTED)


def test_invented_profiles_on_the_two_brain_kinds() -> None:
    for line in ("* Primary CNS malignancy, leptomeningeal disease, or symptomatic active CNS metastases\n",
                 "* Active CNS metastases, with exceptions per study protocol\n"):
        assert _brain_for_invented(line) == (UN, EL, EL, UN)
    # Near miss: the plain ban still shuts the active patient out, and only her.
    assert _brain_for_invented("* Leptomeningeal disease or active CNS metastases\n") == (EX, EL, EL, UN)


def _ps_for_invented(inclusion: str) -> tuple[str, ...]:
    rules = performance_status.parse(invented_trial(inclusion, "", "An invented trial in advanced NSCLC"))
    return tuple(performance_status.check(rules, p).verdict for p in INVENTED)


@pytest.mark.parametrize(("line", "expected"), [
    # ECOG 3, 2, 0, not given. An ECOG not given is never excluded.
    ("* ECOG performance status 0 to 2\n", (EX, EL, EL, UN)),
    ("* ECOG performance status of 0 or 1\n", (EX, EX, EL, UN)),
    # Karnofsky per the label rules' table (70-80 = ECOG 1, 50-60 = ECOG 2): 60 is a question for ECOG 2.
    ("* Karnofsky performance status of at least 70\n", (EX, EX, EL, UN)),
    ("* Karnofsky performance status of 60 or more\n", (EX, UN, EL, UN)),
    # Parts with their own limits: the loosest part lets ECOG 2 in, none lets ECOG 3 in.
    ("* ECOG 0, 1 or 2 in dose escalation, and 0 or 1 in dose expansion\n", (EX, EL, EL, UN)),
    # A trial for the less fit.
    ("* WHO performance status 2 or 3\n", (EL, EL, EX, UN)),
])
def test_invented_profiles_on_performance_status_edges(line: str, expected: tuple[str, ...]) -> None:
    assert _ps_for_invented(line) == expected


@pytest.mark.parametrize("line", [
    "ECOG performance status 0-1, or 2 if the decline is due to the cancer, at the investigator's discretion.",
    "Aged 70 or older with ECOG 0-2, or aged 18-69 with ECOG 0-1.",
])
def test_a_conditional_ecog_2_stays_a_question(line: str) -> None:
    assert ecog(inclusion=line)[2] == UN
