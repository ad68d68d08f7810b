"""Brain metastasis rules: real criteria sentences, one row per rule, checked per profile state."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trialmatch.profile import Profile
from trialmatch.rules import brain_metastases
from trialmatch.text import TrialText, split_criteria

STATES = ("none", "treated_stable", "active", None)


def trial(inclusion: str = "", exclusion: str = "", title: str = "A trial in advanced NSCLC") -> TrialText:
    markdown = f"Inclusion Criteria:\n\n{inclusion}\n\nExclusion Criteria:\n\n{exclusion}\n"
    return TrialText(nct_id="NCT00000000", title=title, criteria=tuple(split_criteria(markdown)))


def verdicts(text: TrialText) -> tuple[str, ...]:
    """Verdicts for the states none, treated_stable, active, unknown, in that order."""
    rules = brain_metastases.parse(text)
    return tuple(brain_metastases.check(rules, Profile(brain_metastases=s)).verdict for s in STATES)


EL, UN, EX = "eligible", "unknown", "excluded"

# (inclusion bullet, exclusion bullet, title or "", expected (none, treated_stable, active, unknown))
CASES = {
    "any-cns-metastases-excludes-treated-too": (
        "", "* Central nervous system metastases", "", (EL, EX, EX, UN)),
    "presence-of-cerebral-metastases-excludes-treated": (
        "", "* Presence of cerebral metastases;", "", (EL, EX, EX, UN)),
    "active-brain-metastases-excludes-active-only": (
        "", "* Has known active central nervous system (CNS) metastases;", "", (EL, EL, EX, UN)),
    "symptomatic-only-leaves-active-unclear": (
        "", "* Symptomatic brain or meningeal metastasis;", "", (EL, EL, UN, UN)),
    "untreated-symptomatic-needs-both-so-unclear": (
        "", "* Untreated symptomatic central nervous system metastases", "", (EL, EL, UN, UN)),
    "symptomatic-or-untreated-excludes-active": (
        "", "* Symptomatic or untreated brain metastases", "", (EL, EL, EX, UN)),
    "active-and-uncontrolled-synonyms-exclude-active": (
        "", "* Active and uncontrolled CNS metastases (indicated by clinical symptoms, cerebral edema, "
            "corticosteroid and/or anticonvulsant requirement, or progressive disease)", "", (EL, EL, EX, UN)),
    "uncontrollable-is-unclear-for-active": (
        "", "* Patients with uncontrollable brain metastases;", "", (EL, EL, UN, UN)),
    "untreated-or-meningeal-still-excludes-active": (
        "", "* Untreated brain metastasis or accompanied by meningeal metastases, spinal cord compression;", "",
        (EL, EL, EX, UN)),
    "unless-completed-local-therapy-excludes-active": (
        "", "* Documented brain metastases unless the patient has completed successful local therapy for central "
            "nervous system metastases and has been off of corticosteroids for at least 4 weeks before enrollment. "
            "Brain imaging is required in symptomatic patients to rule out brain metastases", "", (EL, EL, EX, UN)),
    "except-asymptomatic-leaves-active-unclear": (
        "", "* Evidence of CNS metastases, except for the patients without any symptom or the patients with "
            "symptom but have stable disease for at least 28 days after treatment of CNS metastases.", "",
        (EL, EL, UN, UN)),
    "parenthetical-completed-treatment-keeps-treated": (
        "", "* Patients with active brain metastasis, carcinomatous meningitis, or spinal compression (patients who "
            "have completed the treatment and in a stable condition 21 days before screening could be included).",
        "", (EL, EL, EX, UN)),
    "follow-up-permission-lets-treated-back-in": (
        "", "* Presence of brain metastases and/or cancerous meningitis. Subjects who have been treated for brain "
            "metastases may be considered for participation in this study provided that the disease has been "
            "stable for at least 3 months.", "", (EL, EL, EX, UN)),
    "allowed-if-stable-leaves-active-unclear": (
        "* Brain metastases are allowed, given that are clinically stable and the patient does not present "
        "neurologic symptoms.", "", "", (EL, EL, UN, UN)),
    "allowed-when-treated-and-stable-excludes-active": (
        "* Subjects with asymptomatic brain metastases or brain metastases can be included in this study when the "
        "following conditions are met: brain metastases are treated and stable, no neurological symptoms and no "
        "need for corticosteroid therapy.", "", "", (EL, EL, EX, UN)),
    "no-active-cns-metastases-in-inclusion": (
        "* No active CNS metastases or spinal cord compression (i.e., progressing or requiring anticonvulsants or "
        "corticosteroids for symptomatic control);", "", "", (EL, EL, EX, UN)),
    "without-or-asymptomatic-alternative": (
        "* Patients without CNS metastases or asymptomatic patients with brain metastases.", "", "",
        (EL, EL, UN, UN)),
    "must-have-stable-status-after-local-therapy": (
        "", "* Patients with uncontrolled brain metastasis. Note: Patients with brain metastases must have stable "
            "neurologic status following local therapy (surgery or radiation) for at least 2 weeks", "",
        (EL, EL, EX, UN)),
    "permission-for-active-is-no-restriction": (
        "* Patients with active brain metastases and liver metastases could be enrolled.", "", "",
        (EL, EL, EL, EL)),
    "leptomeningeal-only-unclear-when-unknown": (
        "", "* Cancer meningitis in subjects", "", (EL, EL, EL, UN)),
    "brainstem-location-only-unclear-when-unknown": (
        "", "* Brain metastases in the brainstem", "", (EL, EL, EL, UN)),
    "target-lesion-rule-is-not-a-brain-rule": (
        "* Patient has measurable disease, as per RECIST 1.1. Metastatic lesions in CNS or in brain cannot be used "
        "for target lesions.", "", "", (EL, EL, EL, EL)),
    "radiosensitizer-mention-is-not-a-brain-rule": (
        "", "* Any prior systemic chemotherapy for the treatment of lung cancer. This includes systemic "
            "radiosensitizers used to treat brain metastases and any biologic agent.", "", (EL, EL, EL, EL)),
    "brain-metastasis-trial-requires-them": (
        "* histologically diagnosed as NSCLC, stage IVb, Brain metastasis", "",
        "Temozolomide and Whole Brain Radiotherapy in NSCLC Patients With Brain Metastases", (EX, EL, EL, UN)),
    "prior-brain-radiation-unclear-for-treated": (
        "* The patient with brain metastases confirmed by histopathology or imaging.",
        "* Patients with recurrent brain metastases have previously received brain radiation therapy",
        "Apatinib Combined With Radiotherapy in Patient With Brain Metastases From NSCLC", (EX, UN, EL, UN)),
    "untreated-target-lesion-excludes-treated": (
        "* According to RECIST1.1, the patient has at least 1 intracranial target lesion. The requirements for "
        "target lesions are: measurable lesions that have not undergone local treatment such as irradiation or "
        "have clearly progressed after local treatment.", "",
        "Almonertinib in Advanced NSCLC With Brain Metastases", (EX, EX, EL, UN)),
    "not-irradiated-lesion-rule-is-not-about-brain": (
        "* At least one lesion that is not irradiated; brain lesion is not included as measurable target lesion;",
        "", "", (EL, EL, EL, EL)),
    "with-or-without-brain-metastases-requires-nothing": (
        "", "", "Osimertinib in EGFR NSCLC With or Without Brain Metastases", (EL, EL, EL, EL)),
    "with-or-without-brain-metastases-is-not-a-rule": (
        "* Patients with NSCLC with or without brain metastases", "", "", (EL, EL, EL, EL)),
    "including-asymptomatic-brain-metastases-is-not-a-rule": (
        "* Stage IV NSCLC (including patients with asymptomatic brain metastases)", "", "", (EL, EL, EL, EL)),
    "whole-brain-radiotherapy-alone-sets-no-rule": (
        "", "* Prior whole brain radiotherapy (WBRT);", "", (EL, EL, EL, EL)),
}


@pytest.mark.parametrize(("inclusion", "exclusion", "title", "expected"), CASES.values(), ids=CASES.keys())
def test_brain_metastases_rule(inclusion: str, exclusion: str, title: str, expected: tuple[str, ...]) -> None:
    text = trial(inclusion, exclusion, title) if title else trial(inclusion, exclusion)
    assert verdicts(text) == expected


def test_finding_quotes_the_sentence_and_explains() -> None:
    rules = brain_metastases.parse(trial(exclusion="* Age over 90\n* Untreated brain metastasis;"))
    finding = brain_metastases.check(rules, Profile(brain_metastases="active"))
    assert finding.verdict == "excluded"
    assert finding.evidence == "Untreated brain metastasis;"
    assert "active or untreated" in finding.reason


def test_rules_survive_a_json_round_trip() -> None:
    rules = brain_metastases.parse(trial(exclusion="* Symptomatic or untreated brain metastases"))
    assert json.loads(json.dumps(rules)) == rules


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000), st.text(max_size=200))
def test_parse_never_raises_and_stays_fast(body: str, title: str) -> None:
    text = TrialText(nct_id="X", title=title, criteria=tuple(split_criteria(body)))
    started = time.perf_counter()
    rules = brain_metastases.parse(text)
    assert time.perf_counter() - started < 0.5
    json.dumps(rules)
    for state in STATES:
        brain_metastases.check(rules, Profile(brain_metastases=state))


WORDS = ["brain", " metastases", " untreated", " or", " and", " unless", " treated", " stable", " (", ")",
         " symptomatic", " no", " allowed", " if", " with", " leptomeningeal", ",", ";", ". ", " may be enrolled"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=600))
def test_parse_survives_long_brain_like_noise(tokens: list[str]) -> None:
    body = "".join(tokens)
    started = time.perf_counter()
    brain_metastases.parse(trial(body, body, body[:300]))
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("sentence", [
    "Brain metastases are allowed if stable. ",
    "Symptomatic brain metastases unless treated. Patients with treated brain metastases may participate. ",
    "(" * 40 + "brain metastases unless ",
])
def test_parse_is_linear_on_long_repetitive_criteria(sentence: str) -> None:
    body = sentence * (40_000 // len(sentence))
    started = time.perf_counter()
    brain_metastases.parse(trial(f"* {body}", f"* {body}"))
    assert time.perf_counter() - started < 3.0
