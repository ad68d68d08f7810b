"""A broad marker in the title ("... in Patients With EGFR Positive Mutation") beside an
inclusion that narrows it to named exons, and "... and T790M mutation status" (a status to know, not a finding).

Every sentence and title is invented. Each kind is tried in several wordings, beside near-miss kinds that must stay
unknown or eligible.
"""

from __future__ import annotations

from functools import partial

import pytest
from biomarker_cases import inc, verdict
from biomarker_cases import patient as any_patient

# This file's patients, unless a test says otherwise:
patient = partial(any_patient, lines=1)





EX19 = patient("EGFR:exon 19 deletion", drugs=("osimertinib",))
L858R = patient("EGFR:L858R", lines=0)
L858R_T790M = patient("EGFR:L858R", "EGFR:T790M", drugs=("gefitinib",))
G719X = patient("EGFR:G719X", drugs=("afatinib",))
S768I = patient("EGFR:S768I", lines=0)
L861Q = patient("EGFR:L861Q", histology="large cell", lines=None)
EX20INS = patient("EGFR:exon 20 insertion", histology="nsclc-nos", negative=[])
G719X_S768I = patient("EGFR:G719X", "EGFR:S768I", lines=0)
ALK = patient("ALK:fusion")
NRG1 = patient("NRG1:fusion", negative=["EGFR", "ALK"])
UNCOMMON = [G719X, S768I, EX20INS, G719X_S768I]

BROAD_TITLES = [
    "A Study of Drug QX-11 in Advanced NSCLC Patients With EGFR Positive Mutation",
    "Drug RB-7 Tablets for EGFR-Mutant Non-small Cell Lung Cancer",
    "Phase II Trial of Agent Z in EGFR Mutation-Positive Advanced NSCLC",
]






# ---- kind: the criteria list exons the broad title does not: the criteria decide ----------------------------------

EXON_LISTS = [
    "Patients must have confirmation of tumour EGFR activating mutations (exon 19 del, or exon 21) and T790M "
    "mutation status",
    "Documented EGFR exon 19 deletion or exon 21 L858R mutation",
    "Tumour harbours an EGFR sensitising mutation (exon 19 deletion or L858R)",
    "Histologically confirmed NSCLC with EGFR exon 19 del, or exon 21 L858R",
    "Known EGFR L858R or exon 19 deletion, and EGFR T790M status",
]


@pytest.mark.parametrize("title", BROAD_TITLES)
@pytest.mark.parametrize("sentence", EXON_LISTS)
def test_listed_exons_narrow_a_broad_title(sentence: str, title: str) -> None:
    criteria = inc("Age 18 years or older", sentence)
    assert verdict(criteria, EX19, title) == "eligible"
    assert verdict(criteria, L858R, title) == "eligible"
    assert verdict(criteria, L858R_T790M, title) == "eligible"
    for profile in UNCOMMON:
        assert verdict(criteria, profile, title) == "excluded"


def test_exon_21_without_a_named_change_leaves_l861q_open() -> None:
    """"exon 21" holds L861Q too; "activating" makes it a question rather than a certainty, never an exclusion."""
    criteria = inc("Confirmation of tumour EGFR activating mutations (exon 19 del, or exon 21)")
    assert verdict(criteria, L861Q, BROAD_TITLES[0]) in {"eligible", "unknown"}
    assert verdict(criteria, patient("EGFR:L861Q"), BROAD_TITLES[1]) in {"eligible", "unknown"}


COMMON_WORDINGS = [
    "Tumour carrying one of the common EGFR mutations",
    "Common EGFR mutation (Ex19del or L858R) confirmed by tissue testing",
]


@pytest.mark.parametrize("sentence", COMMON_WORDINGS)
def test_common_egfr_mutations_narrow_a_broad_title(sentence: str) -> None:
    for title in BROAD_TITLES:
        assert verdict(inc(sentence), EX19, title) == "eligible"
        assert verdict(inc(sentence), EX20INS, title) == "excluded"
        assert verdict(inc(sentence), G719X, title) in {"excluded", "unknown"}


# ---- kind: "... and T790M mutation status": a status to be known, not a requirement to have T790M ---------------

STATUS_TAILS = [
    "EGFR activating mutation (exon 19 deletion or L858R) and T790M mutation status",
    "Documented EGFR sensitising mutation (exon 19 deletion or exon 21 L858R), and T790M status known",
    "Confirmed EGFR exon 19 deletion or L858R and T790M mutation status",
]


@pytest.mark.parametrize("sentence", STATUS_TAILS)
def test_t790m_status_asks_for_no_t790m(sentence: str) -> None:
    assert verdict(inc(sentence), EX19) == "eligible"  # T790M not found (tested negative here): still eligible
    assert verdict(inc(sentence), L858R) == "eligible"
    assert verdict(inc(sentence), L858R_T790M) == "eligible"
    assert verdict(inc(sentence), S768I) == "excluded"


def test_status_of_every_gene_stays_a_test() -> None:
    """Near misses: the test word covers the whole list when nothing before it says what was found."""
    for sentence in ("EGFR and ALK status must be known",
                     "EGFR mutation and T790M status available",
                     "EGFR exon 19 deletion or L858R or T790M status",
                     "Tumour EGFR, ALK and ROS1 status documented"):
        for profile in (EX19, G719X, ALK, NRG1):
            if profile is NRG1 and "ROS1" in sentence:
                # NRG1's profile has no ROS1 result: a status asked for and not known is a question (set N kind 21)
                assert verdict(inc(sentence), profile) == "unknown", (sentence, profile)
                continue
            assert verdict(inc(sentence), profile) == "eligible", (sentence, profile)


def test_status_tail_of_another_gene_stays_a_test() -> None:
    """Near miss: "EGFR activating mutation and ALK status": the status names another gene, so the whole phrase
    is read as before (a test), never as an EGFR requirement."""
    sentence = "EGFR activating mutation and ALK status"
    assert verdict(inc(sentence), G719X) != "excluded"
    assert verdict(inc(sentence), ALK) != "excluded"


# ---- near misses: criteria broader than the title, or about another gene -------------------------------------------

def test_criteria_broader_than_title_never_exclude() -> None:
    title = "Drug QX-11 in NSCLC With EGFR Exon 19 Deletion or L858R"
    for sentence in ("Documented EGFR mutation", "EGFR mutation-positive NSCLC by local testing"):
        assert verdict(inc(sentence), EX19, title) == "eligible"
        for profile in UNCOMMON:
            assert verdict(inc(sentence), profile, title) in {"eligible", "unknown"}


@pytest.mark.parametrize("title", BROAD_TITLES)
def test_criteria_on_another_gene_leave_the_broad_title(title: str) -> None:
    """Criteria about ALK or KRAS do not narrow the title's EGFR: every EGFR mutation still fits."""
    for sentence in ("No known ALK rearrangement", "KRAS wild-type by local testing"):
        for profile in (EX19, G719X, S768I, G719X_S768I):
            assert verdict(inc(sentence), profile, title) == "eligible", (sentence, profile)
    assert verdict(inc("KRAS wild-type by local testing"), EX20INS, title) == "unknown"  # KRAS untested
    assert verdict(inc("No known ALK rearrangement"), ALK, title) == "excluded"


@pytest.mark.parametrize("title", BROAD_TITLES)
def test_broad_title_alone_takes_every_egfr_mutation(title: str) -> None:
    for profile in (EX19, *UNCOMMON):
        assert verdict(inc("ECOG 0-1"), profile, title) == "eligible"
    assert verdict(inc("ECOG 0-1"), ALK, title) == "excluded"  # EGFR tested negative


def test_qualified_finding_then_status_of_one_change() -> None:
    """"EGFR activating mutation and T790M status": the class is asked for, T790M only tested."""
    for sentence in ("Documented EGFR activating mutation and T790M mutation status",
                     "Sensitizing EGFR mutation, and EGFR T790M status by plasma or tissue"):
        assert verdict(inc(sentence), EX19) == "eligible"
        assert verdict(inc(sentence), L858R_T790M) == "eligible"
        assert verdict(inc(sentence), ALK) == "excluded"  # EGFR tested negative
        assert verdict(inc(sentence), EX20INS) != "eligible"


# ---- kind: a plain class narrowed by what follows ("limited to", ":", "only ... are eligible") ----------------------

NARROWED = [
    "Documented EGFR mutation limited to exon 19 deletion or exon 21 L858R",
    "EGFR mutations restricted to exon 19 deletions and exon 21 L858R substitution",
    "Patients must have an EGFR mutation: exon 19 deletion or L858R",
    "Only patients with EGFR 19del or 21 L858R are eligible",
    "Only EGFR exon 19 deletion or L858R mutations are allowed",
]


@pytest.mark.parametrize("sentence", NARROWED)
def test_plain_class_narrowed_to_named_changes(sentence: str) -> None:
    for title in BROAD_TITLES:
        assert verdict(inc(sentence), EX19, title) == "eligible"
        assert verdict(inc(sentence), L858R, title) == "eligible"
        for profile in UNCOMMON:
            assert verdict(inc(sentence), profile, title) == "excluded"


def test_examples_or_qualified_lists_do_not_narrow() -> None:
    """Near misses: an open list, "including", a list after a qualifier that may hold more, or a permission."""
    for sentence in ("EGFR mutation: exon 19 deletion, L858R, or other",
                     "EGFR mutation: exon 19 deletion, L858R, G719X etc.",
                     "EGFR mutation, including exon 19 deletion or L858R",
                     "EGFR mutations (not limited to exon 19 deletion or L858R)",
                     "Only patients with EGFR mutation are eligible",
                     "Patients with EGFR T790M are also eligible"):
        for profile in (EX19, G719X, S768I, EX20INS):
            assert verdict(inc(sentence), profile, BROAD_TITLES[0]) == "eligible", (sentence, profile)
    # A qualified class with a list after a colon: a change the class may hold but the list misses is a question.
    qualified = "Must have at least one EGFR-sensitive mutation: exon 19 deletion, L858R, G719X or S768I"
    assert verdict(inc(qualified), L861Q) == "unknown"
    assert verdict(inc(qualified), G719X) == "eligible"
    uncommon = "Uncommon EGFR mutations: G719X, S768I or L861Q"
    assert verdict(inc(uncommon), EX20INS) != "excluded"
