"""A group of patients named by one ALTERATION of a gene, not the whole gene.

"Patients with an EGFR exon 20 insertion must have progressed on platinum", "EGFR L858R cohort: no prior EGFR
TKI", "For HER2-amplified patients: prior trastuzumab deruxtecan is required": the rule binds the carriers of that
alteration (or class of alterations: common, sensitising, uncommon ...), and a patient whose finding in the gene is
another one is not in the group. The words are read with the biomarker vocabulary (the same spellings and the same
membership table the biomarker dimension uses), so "exon 19 del" and "Ex19del" agree with a profile's "exon 19
deletion", and "common EGFR mutation" takes in exon 19 deletion and L858R but not an exon 20 insertion.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from trialmatch.criteria.rules import marker_vocab as vocab
from trialmatch.criteria.rules.patient import Patient

# Class words that narrow a gene to some of its alterations ("mutation", "alteration", "positive" do not).
_NARROWING_KINDS = frozenset({"sensitizing", "activating", "common", "uncommon", "pacc", "acquired", "amplification",
                              "overexpression"})
# The words of a sentence that may name its group: up to where the rule itself starts.
_GROUP_END = (":", ",", ";", " must ", " should ", " shall ", " need ", " are ", " is ", " have ", " has ", " who ",
              " require", " will ")
_MAX_GROUP_WORDS = 100
# Who the group is (a closed list of nouns: the patients, or their tumour) and how they hold the marker ("with",
# "harbouring", "who/that/which carry", "whose tumour has", "positive for"): shared with scope.py's recognisers.
SUBJECT = (r"(?:(?:all|any)\s+)?(?:patients?|subjects?|participants?|individuals|people|persons|anyone|those|pts"
           r"|cases|nsclc|tumou?rs?|cancers?)")
_THE_TUMOUR = r"(?:tumou?rs?|cancers?|disease|nsclc|biops(?:y|ies)|samples?)"
HOLDING = (
    r"(?:with|harbou?ring|carrying|bearing|having|positive\s+for"
    r"|(?:who|that|which)\s+(?:(?:is|are)\s+positive\s+for|tested\s+positive\s+for|have|has|harbou?rs?|carry|carries"
    r"|bears?|contains?|are|is)"
    rf"|whose\s+{_THE_TUMOUR}\s+(?:(?:is|are)\s+positive\s+for|tested\s+positive\s+for|have|has|harbou?rs?|carry"
    r"|carries|bears?|contains?|shows?|is|are))"
)
# The subject and its verb at the start of a sentence: the group's words begin after them ("tumours that have ...").
_HOLDER = re.compile(rf"^\W*(?:[a-z0-9]{{1,2}}[.)]\s+)?(?:for\s+|in\s+)?{SUBJECT}\s+{HOLDING}\s+")


def sentence_group(norm: str) -> str:
    """The opening words of a sentence that name its group ("patients with kras g12c mutation", "tumours that
    harbour an egfr exon 19 deletion")."""
    head = norm[:_MAX_GROUP_WORDS]
    holder = _HOLDER.match(head)
    start = holder.end() - 1 if holder else 0
    cut = min((pos for end in _GROUP_END if (pos := head.find(end, start)) > 0), default=len(head))
    return head[:cut]


_TAKEN_IN = re.compile(r"\((?:\s*(?:including|incl\.?|inclusive\s+of|as\s+well\s+as|also|and\s+also))\b[^()]*\)?")


@lru_cache(maxsize=2048)
def group_alterations(text: str, genes: tuple[str, ...]) -> dict[str, list[str]]:
    """Per gene of `genes`, the alterations or classes of alteration the words name for it ({} when none
    narrow it: "EGFR-mutant patients" is every EGFR finding). Several genes named: only alterations that
    belong to one gene are placed (a class word could be any gene's)."""
    if not genes:
        return {}
    if "(" in text:
        # "EGFR (including exon 20 insertion)": an aside that takes an alteration in widens the group, not narrows it.
        text = _TAKEN_IN.sub(" ", text)
    keys = vocab.group_keys()
    named: list[str] = []
    alterations: list[str] = []
    kinds: list[str] = []
    for match in vocab.lex(text):
        kind, key = keys.get(match.lastgroup or "", ("", ""))
        if kind == "gene":
            named.extend(vocab.expand_gene(key))
        elif kind == "alt":
            alterations.append(key)
        elif kind == "kind" and key in _NARROWING_KINDS:
            kinds.append(key)
    found: dict[str, list[str]] = {}
    for gene in genes:
        own = [key for key in alterations if gene in vocab.alteration_genes(key)]
        if len(set(named) | {gene}) == 1:
            own += kinds
        if own:
            found[gene] = list(dict.fromkeys(own))
    return found


def in_group(groups: Mapping[str, Sequence[str]], profile: Patient) -> bool | None:
    """Whether the patient is in a group named by alterations: True (one of their findings is named), False
    (every finding they have in the named genes is clearly another one), None (unclear, or no finding in those
    genes: the gene-level reading decides that)."""
    answers: list[bool | None] = []
    for gene, kinds in groups.items():
        found = profile.alterations(gene)
        if not found:
            continue
        keys = [vocab.profile_alteration_key(gene, a) for a in found]
        if vocab.implied_primary(gene, keys):
            keys.append(vocab.PRIMARY)
        answers.extend(vocab.membership(gene, kind, key) for kind in kinds for key in keys)
    if not answers:
        return None
    if any(answer is True for answer in answers):
        return True
    return False if all(answer is False for answer in answers) else None
