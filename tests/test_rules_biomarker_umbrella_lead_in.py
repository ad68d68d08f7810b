"""An umbrella lead-in over its colon list (session 25, round 2, kind 1 of set R; invented sentences only).

"Confirmed advanced NSCLC with [GENE] alterations, as described in the protocol:" over "* [change], OR * [change],
OR * [GENE] protein overexpression by IHC": the lead-in only introduces the list; the list is the rule. Read as a
rule of its own it asked for a gene-level change, so every profile whose panel found nothing in the gene was
excluded, although the IHC item is a protein test no gene panel settles (a question: unknown). Carriers of a listed
change stay eligible. Near-misses keep their verdict: a list of gene-level changes only still excludes a
gene-negative profile, and a lead-in over a list of OTHER genes still binds its own gene.
"""

from __future__ import annotations

import pytest
from biomarker_cases import (
    ALK,
    EGFR_19,
    EGFR_EX20,
    HER2_AMP,
    KRAS_G12C,
    MET_AMP,
    MET_EX14,
    NO_DRIVER,
    RET,
    UNTESTED,
    verdict,
)


def _listed(lead: str, *items: str, joiner: str = ", OR") -> str:
    body = "".join(f"  * {item}{joiner if n < len(items) - 1 else ''}\n" for n, item in enumerate(items))
    return f"Inclusion Criteria:\n\n* {lead}\n{body}* ECOG performance status 0-1\n"


# (lead-in, items, a carrier of a listed change, a profile negative for the gene)
UMBRELLAS = [
    ("Histologically confirmed metastatic NSCLC with MET alterations, as described in the protocol:",
     ("MET exon 14 skipping mutation", "MET gene amplification (by NGS or FISH)",
      "MET protein overexpression by immunohistochemistry (IHC)"), MET_EX14, EGFR_19),
    ("Advanced non-small cell lung cancer harbouring a MET alteration as defined below:",
     ("MET amplification by FISH", "c-Met overexpression (IHC 3+)"), MET_AMP, KRAS_G12C),
    ("Confirmed NSCLC with MET or HER2 alterations, as described in the protocol:",
     ("MET amplification", "HER2 (ERBB2) amplification", "MET protein overexpression (IHC 3+)"), HER2_AMP, ALK),
    ("Documented MET alterations per local testing:",
     ("MET exon 14 skipping", "high-level MET amplification", "MET overexpression by IHC (central)"),
     MET_EX14, RET),
    ("Stage IV NSCLC with MET alteration(s) as defined in the protocol:",
     ("MET amplification by FISH or NGS", "c-MET overexpression by immunohistochemistry"), MET_AMP, EGFR_EX20),
    ("Advanced solid tumour with a MET alteration, as follows:",
     ("MET amplification (NGS)", "MET protein overexpression by IHC"), MET_AMP, NO_DRIVER),
]


@pytest.mark.parametrize(("lead", "items", "carrier", "negative"), UMBRELLAS)
def test_umbrella_lead_in_leaves_its_list_the_rule(lead: str, items: tuple[str, ...], carrier: object,
                                                    negative: object) -> None:
    criteria = _listed(lead, *items)
    assert verdict(criteria, negative) == "unknown"  # the IHC item is a question for a gene-negative panel
    assert verdict(criteria, carrier) == "eligible"
    assert verdict(criteria, UNTESTED) == "unknown"


def test_umbrella_with_or_on_its_own_line() -> None:
    criteria = _listed("Advanced NSCLC with MET alterations, as described in the protocol:",
                       "MET exon 14 skipping mutation", "MET protein overexpression by IHC", joiner="; or")
    assert verdict(criteria, EGFR_19) == "unknown"
    assert verdict(criteria, MET_EX14) == "eligible"


# Near-misses that keep excluding a gene-negative profile.
GENE_LEVEL_LISTS = [
    ("Advanced NSCLC with MET alterations, as described in the protocol:",
     ("MET exon 14 skipping mutation", "MET gene amplification")),
    ("Documented MET alterations per local testing:", ("MET exon 14 skipping", "MET amplification by FISH")),
]


@pytest.mark.parametrize(("lead", "items"), GENE_LEVEL_LISTS)
def test_list_of_gene_changes_still_excludes(lead: str, items: tuple[str, ...]) -> None:
    criteria = _listed(lead, *items)
    assert verdict(criteria, EGFR_19) == "excluded"


def test_lead_in_over_other_genes_still_binds() -> None:
    # The list names co-changes of other genes: the lead-in's own gene is still asked for.
    criteria = _listed("Advanced NSCLC with an EGFR mutation, and one of the following:",
                       "MET amplification", "MET overexpression by IHC")
    assert verdict(criteria, KRAS_G12C) == "excluded"


def test_lead_in_without_list_still_binds() -> None:
    criteria = "Inclusion Criteria:\n\n* Advanced NSCLC with MET alterations, as described in the protocol\n"
    assert verdict(criteria, EGFR_19) == "excluded"
    assert verdict(criteria, MET_AMP) == "eligible"
