"""Speed helpers that stand in for a slower pattern give the pattern's own answers, over invented texts."""

from __future__ import annotations

import random

import pytest

from trialmatch.criteria.rules.brain_metastases import _defined_as_brain, phrases

_PIECES = [
    "brain metastases (BM)", "Brain Metastasis (BMs)", "cerebral metastatic disease (BM)",
    "intracranial metastases  (BM)",
    "(BM)", "bone marrow (BM)", "(BMs)", "brain metastases(BM", "brain (BM)", "Patients with BM are eligible", "(",
    ")", "brain", "metastases", "abrain metastases (BM)", "brain\nmetastases\t(BM)", "(BM(BM)", "brain metastases (bm)",
    "intracranial metastasesxyz (BM)", "RANO-BM", "untreated BM",
]


@pytest.mark.parametrize("text", [
    "Known brain metastases (BM) must be treated. Patients with BM that are stable are eligible.",
    "Bone marrow (BM) biopsy; brain metastases (BMs) allowed if stable; cerebral metastases (BM)",
    "No brain metastases (BM",
    "",
])
def test_brain_defined_count_matches_the_pattern(text: str) -> None:
    assert _defined_as_brain(text) == len(phrases.BM_DEFINED.findall(text))


def test_brain_defined_count_matches_the_pattern_on_random_joins() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) + rng.choice(["", " ", "(", ", ", "-"]) for _ in range(rng.randint(0, 10)))
        assert _defined_as_brain(text) == len(phrases.BM_DEFINED.findall(text)), text


def test_every_token_a_gene_starts_with_is_a_gene_start() -> None:
    """_suffix_lists tries a list only at a token in _gene_starts(): each token _gene_at finds a gene at is one."""
    from trialmatch.criteria.rules.prior_therapy import terms
    from trialmatch.criteria.vocab import gene_aliases

    spellings = sorted(gene_aliases())
    targets = [" ".join(key) for key in terms._gene_verbs()[1]]
    rng = random.Random(11)
    pieces = [*(s.lower() for s in spellings), *targets, "or", "and", "inhibitor", "1", "2", "4/6", "-", "prior", "x"]
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        toks = terms.tokens(terms.normalize(text))
        words = [t for t, _, _ in toks]
        for i in range(len(words)):
            if terms._gene_at(words, text, toks, i, {}):
                assert words[i] in terms._gene_starts(), (text, words[i])


def test_arm_word_gate_keeps_every_arm_example() -> None:
    """assigned_agent_ban runs _ARM_EXAMPLE only where _ARM_WORD is: every text the pattern matches in holds it."""
    from trialmatch.criteria.rules.prior_therapy import assigned_agent

    pieces = ["prior", "anti-HER2 therapy", "for", "in", "the", "HER2", "BRAF/MEK", "arm", "ARM", "Cohort", "module",
              "sub-study", "substudy", "Sub-Study", "armed", "pharma", "farm", "(", ")", ",", ";", "e.g.",
              "the assigned",
              "study drug", "mechanism of action", "\n", "\t"]
    rng = random.Random(13)
    for _ in range(5000):
        text = rng.choice(["", " "]).join(rng.choice(pieces) + rng.choice([" ", "  ", "", "\n"])
                                          for _ in range(rng.randint(0, 12)))
        if assigned_agent._ARM_EXAMPLE.search(text):
            assert assigned_agent._ARM_WORD.search(text), text
