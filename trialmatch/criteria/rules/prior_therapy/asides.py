"""Clauses a sentence adds beside its rule, read before and after the sentence itself (sentence.reading_rules):
what a line count leaves out (not_counted.py), a toxicity on a treatment, a chemotherapy modality no profile
lists, "(unless contraindicated)" (toxicity.py), a drug that only picks whom a
lab threshold applies to (lab_scoped.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from trialmatch.criteria.rules.prior_therapy import not_counted, toxicity
from trialmatch.criteria.rules.prior_therapy.early_relapse import early_maybe, early_relapse_counts
from trialmatch.criteria.rules.prior_therapy.lab_scoped import lab_conditioned_mentions
from trialmatch.criteria.rules.prior_therapy.names import without_spans

if TYPE_CHECKING:
    from trialmatch.criteria.rules.prior_therapy.first_read import FirstRead


class Asides(NamedTuple):
    uncounted: tuple[str, ...] = ()
    question: bool = False  # every failure of the sentence's rules is a question
    count_stands: bool = False  # ... but for a count of lines of any therapy (the question is the named drugs')


NONE = Asides()


def before(read: FirstRead, section: str) -> tuple[FirstRead | None, Asides]:
    """The sentence to read without its asides (None: nothing left), and what the asides say."""
    rest = toxicity.without_modality(read)
    if rest is None:
        return None, NONE
    rest, uncounted = not_counted.split_off(rest)
    conditioned = lab_conditioned_mentions(rest.norm, rest.mentions)
    if conditioned:
        # A drug that only picks whom a lab value applies to (lab_scoped.py): an exclusion of patients who had it
        # is a question for them; anywhere else the drug sets no rule.
        if section == "exclusion" and len(conditioned) == len(rest.mentions) and not rest.limits:
            return rest, Asides(uncounted, True)
        spans = [(m.start, m.end) for m in conditioned]
        # ">= 45 if carboplatin" is read as a count of carboplatin too: it goes with the name.
        spans += [(lim.start, lim.end) for lim in rest.limits if any(lim.start <= a < lim.end for a, _ in spans)]
        rest = without_spans(rest, spans)
        if rest is None:
            return None, NONE
    question = (section == "exclusion" and toxicity.toxicity_only(rest)) or (
        section == "inclusion" and toxicity.unless_unfit(rest.norm))
    count_stands = question and section == "inclusion" and bool(rest.limits) \
        and toxicity.unless_unfit_names_only(rest.norm, rest.mentions)
    return rest, Asides(uncounted, question, count_stands) if uncounted or question else NONE


def after(rules: list[dict[str, Any]], asides: Asides) -> list[dict[str, Any]]:
    """The sentence's rules with what its asides say."""
    if asides is NONE or not rules:
        return rules
    rules = not_counted.marked(rules, asides.uncounted)
    if asides.count_stands:
        return toxicity.as_question_but_count(rules)
    return toxicity.as_question(rules) if asides.question else rules


def criterion_asides(text: str, pieces: tuple[str, ...], rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A criterion's rules with what its other sentences add: "...; EGFR or ALK TKIs are not counted as lines"
    after a count, "adjuvant therapy counts as a line if relapse within 12 months" beside a requirement."""
    if len(pieces) > 1 and any(rule.get("kind") == "lines" for rule in rules):
        items = not_counted.later_clauses(pieces[1:])
        if items:
            rules = [{**rule, "uncounted": list(dict.fromkeys([*(rule.get("uncounted") or ()), *items]))}
                     if rule.get("kind") == "lines" else rule for rule in rules]
    if early_relapse_counts(text):
        rules = early_maybe(rules)
    return rules
