"""The shared reader's group nouns (reader/vocabulary.py): one list every dimension's pattern is built from."""

from __future__ import annotations

import re

import pytest

from trialmatch.criteria.rules.biomarker.arm_tags import without_arm_tags
from trialmatch.criteria.rules.biomarker.part_tags import part_labels
from trialmatch.criteria.rules.biomarker.routing import allocation_start
from trialmatch.criteria.rules.prior_therapy.assigned_agent import assigned_agent_ban
from trialmatch.criteria.rules.reader.vocabulary import ASSIGNED_NOUN, GROUP_NOUN, GROUP_WORD, group_nouns


def test_group_nouns_builds_one_alternation() -> None:
    assert group_nouns("arm", "part") == "(?:arms?|parts?)"
    assert group_nouns() == GROUP_NOUN


@pytest.mark.parametrize("word", ["arm", "arms", "cohort", "cohorts", "group", "groups", "module", "modules",
                                  "sub-study", "substudies", "stratum", "strata", "basket", "baskets"])
def test_assigned_nouns_in_both_numbers(word: str) -> None:
    assert re.fullmatch(ASSIGNED_NOUN, word)
    assert re.fullmatch(GROUP_NOUN, word)
    assert GROUP_WORD.search(word)


@pytest.mark.parametrize("word", ["part", "parts", "phase", "phases", "portion", "portions", "sub-protocol",
                                  "subprotocols"])
def test_design_portions_are_group_nouns_but_not_assigned(word: str) -> None:
    assert re.fullmatch(GROUP_NOUN, word)
    assert not re.fullmatch(ASSIGNED_NOUN, word)
    assert GROUP_WORD.search(word)


@pytest.mark.parametrize("word", ["armed", "pharma", "partial", "participant", "department", "farm"])
def test_words_that_only_hold_a_noun_are_none(word: str) -> None:
    assert not GROUP_WORD.search(word)


def test_every_caller_reads_the_shared_nouns() -> None:
    # An arm tag, a routing sentence, a part tag and an arm-agent ban, each with a noun of the shared list.
    assert without_arm_tags("LVEF below 50% (HER2 stratum)") == ("LVEF below 50%", True)
    assert allocation_start("Patients will be assigned to a basket based on their tumour's alteration") is not None
    assert part_labels("Baskets A and B") == {"cohort a", "cohort b"}
    assert part_labels("cohorts 1 and 2") == {"cohort 1", "cohort 2"}
    assert assigned_agent_ban("Prior treatment with the assigned study drug (e.g., prior anti-HER2 therapy for the "
                              "HER2 group)") == [("anti-HER2 therapy", "HER2")]


def test_near_misses_keep_no_group() -> None:
    assert without_arm_tags("LVEF below 50% (HER2 testing)") == ("LVEF below 50% (HER2 testing)", False)
    assert part_labels("participants A and B, partial response") == set()
    assert assigned_agent_ban("Prior treatment with the assigned study drug") is None


@pytest.mark.parametrize("text", ["are excluded", "is not eligible", "will be ineligible", "shall not be permitted",
                                  "would be exclusionary", "are not included", "be not allowed", "is not be eligible"])
def test_shut_out_said_after_the_group(text: str) -> None:
    from trialmatch.criteria.rules.reader.vocabulary import SHUT_OUT

    assert re.fullmatch(SHUT_OUT, text)


@pytest.mark.parametrize("text", ["are eligible", "is not required", "was excluded", "are not counted",
                                  "is allowed"])
def test_near_misses_are_no_shut_out(text: str) -> None:
    from trialmatch.criteria.rules.reader.vocabulary import SHUT_OUT

    assert not re.fullmatch(SHUT_OUT, text)


@pytest.mark.parametrize("word", ["allowed", "permitted", "permissible", "acceptable", "accepted"])
def test_allow_words(word: str) -> None:
    from trialmatch.criteria.rules.reader.vocabulary import ALLOW_WORD, SHUT_WORD

    assert re.fullmatch(ALLOW_WORD, word)
    assert not re.fullmatch(SHUT_WORD, word)


def test_callers_read_the_shared_shut_words() -> None:
    from trialmatch.criteria.rules.biomarker.notes import note_apart

    # notes: a dash note whose copula is one of the shared ones, and a shut word it did not list before.
    assert note_apart("PD-L1 TPS >= 50% (patients with EGFR or ALK alterations would be excluded)") == (
        "PD-L1 TPS >= 50%; patients with EGFR or ALK alterations would be excluded")
    assert note_apart("PD-L1 TPS >= 1% (patients with ROS1 fusions are not included)") == (
        "PD-L1 TPS >= 1%; patients with ROS1 fusions are not included")
    assert note_apart("PD-L1 TPS >= 1% (patients with ROS1 fusions are included)") == (
        "PD-L1 TPS >= 1% (patients with ROS1 fusions are included)")
