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



def _language(items: list[tuple[object, object]]) -> set[str]:
    """Every string a finite regex (literals, classes of literals, alternatives, groups, bounded repeats) matches."""
    from re import _constants as op  # type: ignore[attr-defined]

    out = {""}
    for kind, value in items:
        if kind is op.LITERAL:
            options = {chr(value)}  # type: ignore[arg-type]
        elif kind is op.IN:
            options = {chr(v) for k, v in value if k is op.LITERAL}  # type: ignore[attr-defined]
            assert len(options) == len(value), value  # type: ignore[arg-type]
        elif kind is op.BRANCH:
            options = set().union(*(_language(list(b)) for b in value[1]))  # type: ignore[index]
        elif kind is op.SUBPATTERN:
            options = _language(list(value[-1]))  # type: ignore[index]
        elif kind in (op.MAX_REPEAT, op.MIN_REPEAT):
            low, high, sub = value  # type: ignore[misc]
            one = _language(list(sub))
            options = set()
            for count in range(low, high + 1):
                grown = {""}
                for _ in range(count):
                    grown = {a + b for a in grown for b in one}
                options |= grown
        else:
            raise AssertionError(kind)
        out = {a + b for a in out for b in options}
    return out


def test_every_group_noun_holds_a_gate_needle() -> None:
    """without_arm_tags skips its substitutions when no GROUP_NOUN_NEEDLES word is in the folded sentence: every
    word _GROUP_NOUN matches (any case) holds one, and each tag pattern holds _GROUP_NOUN."""
    from re import _parser  # type: ignore[attr-defined]

    from trialmatch.criteria.rules.biomarker import arm_tags

    words = _language(list(_parser.parse(arm_tags._GROUP_NOUN, 0)))
    assert {"arm", "cohorts", "sub-studies", "substudy", "stratum", "strata", "baskets"} <= words
    for word in words:
        assert any(needle in word.lower() for needle in arm_tags.GROUP_NOUN_NEEDLES), word
    for tag in (arm_tags._BRACKETED_TAG, arm_tags._BARE_TAG):
        assert arm_tags._GROUP_NOUN in tag.pattern


def test_arm_tag_gate_keeps_every_answer() -> None:
    """The gate leaves without_arm_tags' answer as the two substitutions give it, on random joins of tag pieces."""
    from trialmatch.criteria.rules.biomarker import arm_tags

    def ungated(sentence: str) -> tuple[str, bool]:
        saved = arm_tags.GROUP_NOUN_NEEDLES
        arm_tags.GROUP_NOUN_NEEDLES = ("",)  # every sentence passes
        try:
            return arm_tags.without_arm_tags(sentence)
        finally:
            arm_tags.GROUP_NOUN_NEEDLES = saved

    pieces = ["LVEF below 50%", "QTc > 470 ms", "(", ")", "for", "in", "the", "HER2", "RET", "EGFR-mutant", "ALK",
              "arm", "ARMS", "Cohort", "groups", "module", "Sub-Study", "substudies", "STRATUM", "strata", "basket",
              "only", "applies to", "study", "administration", "pharmacy", "patients in the", ",", ";"]
    rng = random.Random(29)
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert arm_tags.without_arm_tags(text) == ungated(text), text


def test_unknown_marker_gate_keeps_every_answer() -> None:
    """unknown_marker_asked asks _may_ask first (a gene-like name among _CANDIDATE's, or a family's change word): every
    name the finding patterns capture is among _CANDIDATE's, and the gated and ungated answers agree on random joins."""
    from trialmatch.criteria.rules.biomarker import unknown_genes as ug

    pieces = ["SMO", "PTCH1", "CCNE1", "CD38", "EGFR", "KRAS", "NSCLC", "ECOG", "ATM", "CDX2", "SLFN11", "FOLH1",
              "PSMA", "FAP", "SSTR", "CD4", "mutation", "mutations", "amplification", "loss of", "alteration in",
              "-positive", "positive", "+", "+ T-cells", "positive for", "overexpression", "expression of", "by IHC",
              "H-score >= 50", "DNA damage response gene", "HRR gene", "deleterious", "uptake on PET", "avid on",
              "scan", "or", "and", ",", "/", "-", "(", ")", ":", "Arm C:", "must have", "tumour harbours", "a",
              "ABCDEFGHIJ", "Xy1", "T790M", "ex20ins", "is required", "testing", "may be enrolled"]
    rng = random.Random(27)
    for _ in range(4000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.3:
            text = text.replace(" -", "-").replace(" +", "+")
        candidates = set(ug._CANDIDATE.findall(text))
        for pattern in (ug._SYMBOL, ug._CHANGE_OF, ug._RESULT, ug._ANY_SYMBOL):
            for match in pattern.finditer(text):
                for group in ("name", "name2"):
                    name = match.groupdict().get(group)
                    if name:
                        assert name in candidates, (text, pattern.pattern[:40], name)
        assert ug.unknown_marker_asked(text) == ug._asked(text), text
