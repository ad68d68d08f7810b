"""Umbrella lead-ins: "NSCLC with MET alterations, as described in the protocol:" over a list of the changes.

The lead-in's generic "[gene] alteration(s)" only introduces its list; the list is the rule. Read as a rule of its
own it asks for a gene-level change, so a patient whose panel found none in that gene is shut out even when one
item of the list is a protein test ("MET overexpression by IHC") that a gene panel does not settle.
"""

from __future__ import annotations

from typing import Any

from trialmatch.criteria.text import Criterion, sub_bullets

# Kinds that name no particular change of the gene: "MET alterations", "EGFR mutation", "any ALK change".
_GENERIC = frozenset({"any", "alteration", "mutation"})
# Kinds a protein test decides, which a gene panel's "no change found" does not settle ("MET overexpression by IHC").
_PROTEIN = frozenset({"overexpression", "expression", "low", "positive", "dysregulation"})


def _generic_require(clause: dict[str, Any]) -> set[str] | None:
    """The genes of a requirement that names only generic changes of them, or None for any other clause."""
    atoms = clause["atoms"]
    if clause["mode"] != "require" or not atoms or clause["source"] != "inclusion":
        return None
    if any(a["t"] != "alt" or a.get("kind") not in _GENERIC or a.get("within") for a in atoms):
        return None
    return {a["gene"] for a in atoms}


def umbrella_clauses(criteria: tuple[Criterion, ...], found_at: dict[int, list[dict[str, Any]]]) -> set[int]:
    """ids of lead-in clauses that only introduce their colon list, where the list names every gene the lead-in
    names and lets in a protein test of one.

    "with MET alterations as follows:" over "* MET exon 14 skipping, OR * MET amplification, OR * MET
    overexpression by IHC": the list decides, and its IHC item leaves a MET-negative panel a question. Where every
    item is a gene change the lead-in says nothing the list does not, and it stays (it still binds when the items
    are read only in part: "BRAF class II mutation (e.g. ...)"). A lead-in over a list of other genes ("EGFR
    mutation, with one of the following: ... MET overexpression") binds as written.
    """
    dropped: set[int] = set()
    for position, clauses in found_at.items():
        criterion = criteria[position]
        if criterion.section != "inclusion" or not criterion.text.rstrip(" *_").endswith(":"):
            continue
        below = range(position + 1, position + 1 + len(sub_bullets(criteria, position)))
        if not below:
            continue
        items = [a for p in below for c in found_at.get(p, ())
                 if c["mode"] == "require" and c["source"] == "inclusion" for a in c["atoms"] if a["t"] == "alt"]
        listed = {a["gene"] for a in items}
        protein = {a["gene"] for a in items if a.get("kind") in _PROTEIN}
        for clause in clauses:
            genes = _generic_require(clause)
            if genes and genes <= listed and genes & protein:
                dropped.add(id(clause))
    return dropped
