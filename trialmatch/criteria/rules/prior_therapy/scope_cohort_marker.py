"""A cohort defined by a marker and a therapy state on one line: "Cohort 1: MET exon 14 skipping mutation, MET TKI
naive", "Cohort 2: NSCLC with a non-classical EGFR driver mutation, treatment-naive", "Arm B - ALK fusion, after
one ALK inhibitor". The therapy state is that cohort's way in, and only for patients who could be in the cohort:
a patient whose reported findings shut the marker out (tested negative for the gene, or another alteration of it
than the one named) does not get the therapy state credited through it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from trialmatch.criteria.rules.patient import Patient
from trialmatch.criteria.rules.prefilter import word_start_first
from trialmatch.criteria.rules.prior_therapy.marker_groups import group_alterations, in_group
from trialmatch.criteria.rules.prior_therapy.terms import normalize
from trialmatch.criteria.rules.reader.scope import genes_named

# "Cohort 1:", "Cohort 2a (expansion):", "Arm B -": the cohort's tag, then its description.
_TAG = re.compile(r"^\W{0,3}(?:(?:phase|part|stage)\s*[0-9a-z]{1,3}\s+)?(?:cohort|arm|group|module|sub-?cohort)"
                  r"\s*#?[0-9a-z]{1,3}\b(?:\s*\([^()]{0,40}\))?\s*(?::|\s[-\u2013\u2014]\s)", re.I)
# The first clause after the tag: what the cohort's patients carry. An optional subject before it: "NSCLC with a ...",
# "patients harbouring ...".
_SUBJECT = re.compile(r"^\s*(?:(?:advanced|metastatic|locally\s+advanced|non-squamous|squamous)\s+)*"
                      # ("with\b": "NSCLC without EGFR" keeps its negation for _NOT_MARKER_ONLY to see)
                      r"(?:nsclc|patients|participants|subjects|tumou?rs?|disease)?\s*(?:with\b|harbou?ring|carrying)?"
                      r"\s*(?:an?\s+|the\s+|documented\s+|confirmed\s+|known\s+)*", re.I)
# A clause that is not a genomic finding alone: a therapy word (then the clause is the cohort's rule, read as it
# was), a protein test a reported gene-level negative does not rule out ("MET overexpression by IHC"), or a negation
# ("without EGFR mutation": the cohort is the gene's negatives).
_NOT_MARKER_ONLY = re.compile(
    r"\b(?:treated|treatment|therap(?:y|ies)|prior|previous(?:ly)?|naive|na\u00efve|received|progress\w*|line|lines"
    r"|tki|tkis|inhibitors?|chemo\w*|refractory|resistant|relapsed|after|following|overexpress\w*|express\w*"
    # ("a driver other than EGFR", "any alteration except KRAS": the gene named is the one left out)
    r"|ihc|immunohisto\w*|protein|h-?score|(?<!with or )(?<!with and )(?<!with/)without|negative|wild[\s-]?type"
    r"|wt|no|not|lack\w*|absence|or|and"
    r"|other|except\w*|besides"
    r"|pd-?l1|tps|cps)\b", re.I)
# The therapy state after the marker clause: the line must set one for the cohort to matter here.
_THERAPY_STATE = re.compile(r"\b(?:treated|treatment|therap|prior|previous|naive|na\u00efve|received|progress|line"
                            r"|tki|inhibitor|chemo|refractory|resistant|relapsed|after|following)", re.I)


def _first_comma(text: str) -> tuple[str, str, str]:
    """str.partition(",") at the first comma outside brackets: "a driver other than EGFR (ALK, ROS1 or RET), with
    progression on ...": the bracket's list is the marker clause's own."""
    depth = 0
    for i, char in enumerate(text):
        depth += (char in "([") - (char in ")]")
        if char == "," and depth <= 0:
            return text[:i], ",", text[i + 1:]
    return text, "", ""


@lru_cache(maxsize=2048)
def cohort_marker(text: str) -> dict[str, Any] | None:
    """{"genes": [...], "marker": {gene: [kinds]}} for "Cohort X: <marker>, <therapy state>", else None."""
    tag = _TAG.match(text)
    if tag is None:
        return None
    rest = text[tag.end():]
    clause, comma, state = _first_comma(rest)
    if not comma or not _THERAPY_STATE.search(state):
        return None
    clause = clause[_SUBJECT.match(clause).end():]  # type: ignore[union-attr]  # (_SUBJECT matches every string)
    if not clause.strip() or _NOT_MARKER_ONLY.search(clause):
        return None
    genes = genes_named(clause)
    if not genes:
        return None
    return {"genes": list(genes), "marker": group_alterations(normalize(clause), tuple(genes))}


def outside_cohort_marker(found: dict[str, Any] | None, profile: Patient) -> bool:
    """Whether the patient's reported findings shut them out of the cohort's marker: tested negative for every gene
    it names, or carrying in those genes only alterations other than the ones named. Untested: not shut."""
    if not found:
        return False
    if all(profile.gene_status(gene) == "negative" for gene in found["genes"]):
        return True
    return bool(found["marker"]) and in_group(found["marker"], profile) is False


# A cohort's words that do not make it a carriers-only group: a protein test ("MET overexpression by IHC"), or the
# gene's negatives ("EGFR wild-type", "without ALK"). "With or without T790M" is no negation: the cohort's carriers
# of the driver named before it, either way.
# (word_start_first: a check of the first letter in front, the same matches found sooner)
_NOT_CARRIERS = word_start_first(re.compile(
    r"\b(?:overexpress\w*|express\w*|ihc|immunohisto\w*|protein|h-?score"
    r"|(?<!with or )(?<!with and )(?<!with/)(?<!with and/or )without|negative"
    r"|wild[\s-]?type|wt|lack\w*|absence|non[\s-]?mutated)\b|\bno\s+\w+\s+(?:mutation|alteration)", re.I))


# Any group's tag before a cohort line's words: "Phase 1:", "Part B -", "Cohort 2a:".
_ANY_TAG = re.compile(r"^\W{0,3}(?:(?:phase|part|stage|cohort|arm|group|module|sub-?cohort)\s*#?[0-9a-z]{1,3}\b\s*)+"
                      r"(?:\([^()]{0,40}\))?\s*(?::|\s[-\u2013\u2014]\s)", re.I)


def cohort_genes(text: str) -> list[str]:
    """The genes a cohort line names as its carriers' marker when it is not read as marker plus state ("Cohort 2:
    ROS1 fusion-positive NSCLC with progression on a ROS1 TKI"); [] when none or a protein test or negation."""
    if _NOT_CARRIERS.search(text):
        return []
    tag = _ANY_TAG.match(text)
    return list(genes_named(text[tag.end():] if tag else text))


def marker_sibling_open(rule: dict[str, Any], profile: Patient) -> bool:
    """Whether a cohort's rule names a gene-level marker group the patient tested negative for (cohort_genes)."""
    genes: list[str] = rule.get("cohort_genes") or []
    return bool(genes) and all(profile.gene_status(gene) == "negative" for gene in genes)


def cohort_takes_negatives(text: str) -> list[str]:
    """The genes whose negatives a cohort line takes in outright: a protein test or a negation beside the gene
    ("Cohort 4: MET overexpression without MET exon 14 skipping or amplification, ..."). A trial with such a cohort
    admits patients without the gene's alterations, so its marker-plus-state cohorts are real alternatives."""
    return list(genes_named(text)) if _TAG.match(text) and _NOT_CARRIERS.search(text) else []
