"""EGFR exon 20 insertion against a ban on (or a required absence of) "activating EGFR mutations" (session 26, Q kind
13 / R kind 17).

An exon 20 insertion is an activating EGFR mutation, though not a sensitising one (labels of sets Q and R): a ban on
activating EGFR mutations excludes it, where it was a question. Only where the trial does not name EGFR exon 20
itself (title, requirement, exception, cohort): a trial FOR exon 20 ("activating mutations including exon 20
insertions", "Other activating EGFR mutation" beside an exon 20 requirement) says what it does with the insertion,
and must never shut out its own patients. Near-misses: a requirement of "activating EGFR mutation" keeps ex20 a
question; a "sensitising" ban still lets ex20 through.
"""

from __future__ import annotations

import pytest
from biomarker_cases import EGFR_EX20, EGFR_L858R, HER2_EX20, NO_DRIVER, exc, inc, verdict

BANS = [
    exc("Activating EGFR mutation"),
    exc("Known somatic activating mutations of EGFR or ALK"),
    inc("Documentation of absence of tumour activating EGFR mutations and of ALK rearrangement"),
    exc("Tumours harbouring an activating EGFR mutation or a ROS1 fusion"),
    inc("No activating EGFR mutation, ALK or ROS1 rearrangement, or presence of a KRAS mutation"),
    exc("Patients whose NSCLC carries EGFR activating mutations"),
]


@pytest.mark.parametrize("criteria", BANS)
def test_exon20_insertion_is_activating_in_a_ban(criteria: str) -> None:
    assert verdict(criteria, EGFR_EX20) == "excluded"
    assert verdict(criteria, EGFR_L858R) == "excluded"
    assert verdict(criteria, HER2_EX20) == "eligible"


FOR_EX20 = [
    "Inclusion Criteria:\n\n* EGFR exon 20 insertion mutation\n\nExclusion Criteria:\n\n* Other activating EGFR "
    "mutation",
    "Inclusion Criteria:\n\n* Activating EGFR mutations including exon 20 insertions\n\nExclusion Criteria:\n\n* "
    "Co-occurring activating EGFR mutation (e.g. L858R)",
    "Inclusion Criteria:\n\n* Stage IV NSCLC\n\nExclusion Criteria:\n\n* Activating EGFR mutation other than exon 20 "
    "insertion",
]


@pytest.mark.parametrize("criteria", FOR_EX20)
def test_trial_naming_exon20_never_bans_it_by_activating(criteria: str) -> None:
    assert verdict(criteria, EGFR_EX20) != "excluded"


def test_title_for_exon20_keeps_the_question() -> None:
    criteria = exc("Co-occurring activating EGFR mutation")
    assert verdict(criteria, EGFR_EX20, title="A study of drug X in NSCLC with EGFR exon 20 insertion") != "excluded"


def test_requirement_of_activating_keeps_exon20_a_question() -> None:
    assert verdict(inc("Activating EGFR mutation"), EGFR_EX20) == "unknown"
    assert verdict(inc("Activating EGFR mutation"), NO_DRIVER) == "excluded"


def test_sensitising_ban_lets_exon20_through() -> None:
    assert verdict(exc("Sensitising EGFR mutation"), EGFR_EX20) == "eligible"


# A ban whose criterion explains itself by EGFR TKI treatment is about the mutations a TKI treats: an exon 20
# insertion, which the older TKIs do not treat, stays a question there (never excluded); the common mutations stay out.
TKI_EXPLAINED = [
    exc("Known activating EGFR mutation, as these patients should receive an EGFR tyrosine kinase inhibitor first"),
    exc("Activating mutations of EGFR, because such patients are to be offered EGFR-TKI therapy in first line"),
    exc("Tumours with activating EGFR mutations responsive to gefitinib or erlotinib"),
    inc("No activating EGFR mutation (patients with one should be treated with an EGFR TKI)"),
    exc("Somatic activating EGFR mutation; these patients are candidates for TKIs and are not eligible"),
    exc("Patients carrying an activating EGFR mutation sensitive to approved inhibitors"),
]


@pytest.mark.parametrize("criteria", TKI_EXPLAINED)
def test_ban_explained_by_tki_treatment_leaves_exon20_a_question(criteria: str) -> None:
    assert verdict(criteria, EGFR_EX20) != "excluded"
    assert verdict(criteria, EGFR_L858R) == "excluded"
    assert verdict(criteria, HER2_EX20) == "eligible"
