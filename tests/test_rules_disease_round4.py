"""Disease kinds from probe 3: an exclusion note inside an inclusion histology bullet ("(X are not eligible)",
"- X is excluded") shuts out only what it names; the histology asked for stays the requirement."""

from __future__ import annotations

import pytest
from disease_cases import ALL_EL, EL, EX, UN, trial, verdicts

# Verdicts are for adenocarcinoma, squamous, large cell and NSCLC-NOS, in that order.
ADENO_ONLY = (EL, EX, EX, UN)
NON_SQUAMOUS = (EL, EX, EL, UN)
SQUAMOUS_ONLY = (EX, EL, EX, UN)


@pytest.mark.parametrize("sentence", [
    "Histologically confirmed lung adenocarcinoma (mixed tumours with a small cell component are not eligible)",
    "Adenocarcinoma of the lung (NSCLC NOS is not eligible)",
    "Lung adenocarcinoma - tumours with any neuroendocrine component are excluded",
    "Metastatic adenocarcinoma of the lung (squamous and large cell tumours are not eligible)",
])
def test_adenocarcinoma_with_a_note(sentence: str) -> None:
    assert verdicts(trial(f"* Stage IV disease\n* {sentence}\n")) == ADENO_ONLY


@pytest.mark.parametrize("sentence", [
    "Non-squamous NSCLC (mixed tumours with small cell elements are excluded)",
    "Non-squamous NSCLC (squamous cell carcinoma is excluded)",
    "Non-squamous NSCLC - squamous histology is excluded",
    "Non-squamous non-small cell lung cancer (patients with a sarcomatoid component are ineligible)",
])
def test_non_squamous_with_a_note(sentence: str) -> None:
    assert verdicts(trial(f"* Stage IV disease\n* {sentence}\n")) == NON_SQUAMOUS


@pytest.mark.parametrize("sentence", [
    "Squamous NSCLC only (adenosquamous tumours are not eligible)",
    "Squamous cell carcinoma of the lung - adenosquamous histology is not allowed",
    "Histologically documented squamous NSCLC (mixed histologies are excluded)",
])
def test_squamous_with_a_note(sentence: str) -> None:
    assert verdicts(trial(f"* Stage IV disease\n* {sentence}\n")) == SQUAMOUS_ONLY


@pytest.mark.parametrize("sentence", [
    "Advanced NSCLC of any histology (small cell lung cancer is not eligible)",
    "Stage IV NSCLC (patients eligible for curative-intent surgery are excluded)",
])
def test_a_note_on_something_else_sets_no_histology_limit(sentence: str) -> None:
    assert verdicts(trial(f"* {sentence}\n")) == ALL_EL


@pytest.mark.parametrize("sentence", [
    "Patients with squamous NSCLC (are excluded)",  # no subject in the brackets: the bullet excludes squamous
    "Squamous NSCLC is excluded",
    "Patients with squamous histology are not eligible",
])
def test_a_bullet_that_shuts_out_its_own_histology_still_does(sentence: str) -> None:
    got = verdicts(trial(f"* Stage IV disease\n* {sentence}\n"))
    assert got[1] == EX
    assert got[0] == EL


def test_the_same_note_after_a_semicolon_reads_the_same() -> None:
    bracket = verdicts(trial("* Adenocarcinoma of the lung (NSCLC NOS is not eligible)\n"))
    semicolon = verdicts(trial("* Adenocarcinoma of the lung; NSCLC NOS is not eligible\n"))
    assert bracket == semicolon == ADENO_ONLY


def test_the_evidence_is_the_trial_s_own_words() -> None:
    from trialmatch.criteria.rules import disease
    from trialmatch.matching.profile import Profile

    text = trial("* Adenocarcinoma of the lung (NSCLC NOS is not eligible)\n")
    found = disease.check(disease.parse(text), Profile(stage="IV", histology="squamous"))
    assert found.verdict == EX
    assert found.evidence == "Adenocarcinoma of the lung (NSCLC NOS is not eligible)"
