"""One "or" alternative scoped to the carriers of a marker: "[count] prior line(s), which should have included a
platinum doublet or, for patients with an actionable driver mutation, at least one appropriate targeted agent".

The sentence asks its count of everyone, and (A OR (marker AND B)): the marker words bind only the alternative they
sit in, at its start ("or, for patients with X, B") or at its end ("or B in patients with X"). The rest is read
without that alternative (sentence.py); B becomes a way in for the carriers beside A (verdicts._by_route)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from trialmatch.criteria.rules.prior_therapy.drivers import SENSITIZING
from trialmatch.criteria.rules.prior_therapy.names import without_spans
from trialmatch.criteria.rules.prior_therapy.scope import biomarker_condition

if TYPE_CHECKING:
    from trialmatch.criteria.rules.prior_therapy.first_read import FirstRead

# ("for patients with EGFR, ALK, ROS1 or BRAF alterations": the genes may be listed with commas, each a short name.)
_WHO = (r"(?:for|in|among)\s+(?:(?:those|the)\s+)?(?:patients|participants|subjects|individuals|pts|those|people)\s+"
        r"(?:with|harbou?ring|carrying|whose\s+tumou?rs?\s+(?:have|harbou?rs?|carry|carries))\s+"
        r"(?:[a-z0-9-]{2,10}\s*,\s*){0,8}[^,;:()]{3,80}?")
_OR = r"(?:,\s*)?(?:and/)?or"
# "..., or, for patients with an EGFR mutation, an EGFR TKI": the scope opens the alternative, between commas.
_AT_START = re.compile(rf"{_OR}\s*,\s*(?P<who>{_WHO})\s*,\s*(?P<item>[^,;:()]{{3,80}}?)\s*(?=$|[;.])")
# "..., or at least one EGFR TKI for patients with an EGFR mutation": the scope closes a short alternative.
_AT_END = re.compile(rf"{_OR}\s+(?P<item>(?:at\s+least\s+(?:one|1)|one\s+or\s+more|an?|the|any)\s+[^,;:()]{{3,60}}?)"
                     rf"\s+(?P<who>{_WHO})\s*(?=$|[;.])")
# The alternative before it names a treatment as well ("should have included A or ..."), not a setting or a time.
_BEFORE = re.compile(r"\b(?:includ\w*|received|receive|had|treated\s+with"
                     r"|(?:prior|previous)\s+(?:treatment|therapy)\s+with|progress\w*\s+(?:on|after|following)"
                     r"|consist\w*\s+of|contain\w*)\b")


def marker_branch(read: FirstRead) -> tuple[FirstRead, dict[str, Any]] | None:
    """The sentence without its marker-scoped alternative, and the carriers' way in that alternative gives
    ({"genes", "every", "items", "branch"}); None when the sentence has no such alternative."""
    norm = read.norm
    if "or" not in norm or ("for " not in norm and "in " not in norm and "among " not in norm):
        return None
    found = _AT_START.search(norm) or _AT_END.search(norm)
    if found is None or not _BEFORE.search(norm, 0, found.start()):
        return None
    genes, alteration = biomarker_condition(found.group("who"))
    a, b = found.span("item")
    items = [i for m in read.mentions if a <= m.start < b for i in m.items]
    before = [m for m in read.mentions if m.end <= found.start()]
    if not genes or not items or not before:
        return None
    way = without_spans(read, [found.span()])
    if way is None:
        return None
    route: dict[str, Any] = {"genes": genes, "every": False, "items": list(dict.fromkeys(items)), "branch": True}
    findings = _egfr_findings(found.group("who"), alteration) if "EGFR" in genes else []
    if findings:
        route["egfr_findings"] = findings  # "for patients with T790M": an EGFR carrier without it is not bound
    return way, route


# EGFR findings a scope may name: the carriers of another EGFR finding are not its group.
_EGFR_NAMED = ("t790m", "c797s", "l858r", "exon 19", "exon 20")


def _egfr_findings(who: str, alteration: str | None) -> list[str]:
    named = [w for w in _EGFR_NAMED if w in who]
    if alteration and alteration not in named:
        named.append(alteration)
    if not named and re.search(r"\b(?:sensiti[sz]\w*|activating|common)\b", who):
        named = list(SENSITIZING)
    return named


def with_branch(rules: list[dict[str, Any]], route: dict[str, Any]) -> list[dict[str, Any]]:
    """The requirements read from the rest of the sentence, each also met by the carriers' alternative (counts and
    bans still bind everyone)."""
    return [{**rule, "driver_routes": [*(rule.get("driver_routes") or ()), route]}
            if rule.get("kind") in ("require", "any_of") and not rule.get("genes") else rule for rule in rules]


# "..., and a KRAS G12C inhibitor if KRAS G12C mutated and such therapy is available", "plus an approved EGFR TKI
# in case of EGFR-mutant disease", "as well as osimertinib when EGFR-mutated": one more item of the list,
# asked of a marker's carriers only (A AND (marker -> B)), at the sentence's end.
# Also "..., and an EGFR TKI for patients with EGFR mutation", "plus an ALK inhibitor in those with ALK
# rearrangement": the people named after the last item bind that item only, not the whole sentence.
_IF_WHO = (r"(?:if|when|where|in\s+case\s+of|(?:for|in|among)\s+(?:(?:those|the)\s+)?(?:patients|participants|subjects"
           r"|individuals|pts|people|those)\s+(?:with|harbou?ring|carrying))")
_CARRIER_ITEM = re.compile(
    r"(?:,\s*|\s+)(?:and|plus|as\s+well\s+as)\s+(?P<item>(?:(?:an?|the|any|prior|one|at\s+least\s+one)\s+)?"
    r"(?:[^,;:()]|\([^()]{1,40}\)){3,60}?)\s*,?\s+(?P<who>" + _IF_WHO + r"\s+[^,;:()]{3,60}?)"
    # "and such therapy is available / approved": whether it is for this patient is the investigator's to say.
    r"(?P<available>\s*,?\s+(?:and|if|where|when)\s+(?:such|this|that|the|an?)\s+(?:\w+\s+)?(?:therapy|treatment"
    r"|drug|agent|inhibitor)\s+(?:is|was|are|were)\s+(?:\w+\s+)?(?:available|approved|indicated|accessible))?"
    r"\s*(?=$|[;.])")
# "A and, for EGFR-mutant patients, osimertinib is mandatory": the carriers named between commas before the item.
_CARRIER_ITEM_AFTER_WHO = re.compile(
    r",?\s*(?:and|plus|as\s+well\s+as)\s*,\s*(?P<who>(?:for|in|among)\s+[^,;:()]{3,60}?)\s*,\s*"
    r"(?P<item>(?:(?:an?|the|any|prior|one|at\s+least\s+one)\s+)?[^,;:()]{3,60}?)"
    r"(?:\s+(?:is|are)\s+(?:also\s+)?(?:mandatory|required|needed))?\s*(?=$|[;.])")
_WHO_LEAD = re.compile(r"^(?:in\s+case\s+of|if|when|where|(?:for|in|among)\s+(?:(?:those|the)\s+)?\w+\s+\w+)\s+")
_VARIANT = re.compile(r"\b(?:[a-z]\d{2,4}[a-z](?:/[a-z])?|exon\s*\d{1,2})\b")


def carrier_item(read: FirstRead) -> tuple[tuple[int, int], list[str], list[str], str | None, bool] | None:
    """The span of a carriers-only item at the sentence's end, its items, the carriers' genes, the variant they
    are named by (None: any of the gene) and whether the item's availability is left open; None without one."""
    norm = read.norm
    if " if " not in norm and " when " not in norm and " where " not in norm and " case of " not in norm \
            and " with " not in norm and " harbo" not in norm and " carrying " not in norm and ", for " not in norm:
        return None
    found = _CARRIER_ITEM.search(norm) or _CARRIER_ITEM_AFTER_WHO.search(norm)
    if found is None or not _BEFORE.search(norm, 0, found.start()):
        return None
    who = _WHO_LEAD.sub("", found.group("who"))
    if who.startswith(("for ", "in ", "among ")):  # "for EGFR-mutant patients": the people named after the marker
        who = re.sub(r"^\w+\s+(?:(?:those|the)\s+)?", "", who)
    genes, alteration = biomarker_condition(f"patients with {who}")
    if not genes or len(genes) > 1:
        return None
    if alteration is None and (variant := _VARIANT.search(who)):
        alteration = variant.group().replace(" ", "") if not variant.group().startswith("exon") else None
    a, b = found.span("item")
    items = [i for m in read.mentions if a <= m.start < b for i in m.items]
    if not items or not any(m.end <= found.start() for m in read.mentions):
        return None
    available = "available" in found.groupdict() and found.group("available") is not None
    return found.span(), list(dict.fromkeys(items)), genes, alteration, available
