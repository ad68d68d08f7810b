"""A ban on targeted drug classes bound, class by class, to the carriers of each class's own target.

"Prior treatment with TRK, ROS1, or ALK inhibitors in patients who have tumors that harbor those respective gene
rearrangements", "Previous EGFR or ALK TKIs in subjects with the corresponding alteration": an ALK inhibitor is
banned for ALK carriers only, so crizotinib given for a MET amplification is no exclusion. Each class becomes a ban
of its own for its gene's carriers; a name whose target the sentence does not tell (a drug, "TKIs") stays a
question rather than a ban on everyone. The classes come from the term reader, which gives every gene before a
shared class word its own class ("TRK, ROS1, or ALK inhibitors") and declines lists narrowed by what the drugs act on.
"""

from __future__ import annotations

import re
from typing import Any

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy.scope import genes_in

_RESPECTIVE = guarded(
    r"\b(?:respective|corresponding|matching)\s+(?:(?:gene|genomic|genetic|molecular|driver|oncogenic|target)\s+)?"
    r"(?:rearrangements?|alterations?|mutations?|fusions?|aberrations?|drivers?|targets?|genes?|translocations?)\b"
)
# The gene a class is aimed at, from its vocabulary key ("c:alk_tki" -> alk, "c:kras_g12c_inhibitor" -> kras).
_CLASS_GENE = re.compile(r"^c:(egfr|alk|ros1|ret|ntrk|met|her2|kras|braf)_")


def respective_bans(rule: dict[str, Any], norm: str) -> list[dict[str, Any]]:
    """The ban split per target gene when the sentence binds each class to "the respective" alteration; [rule]
    otherwise (or when the sentence already names its patients' gene)."""
    if rule["kind"] != "forbid" or rule.get("genes"):
        return [rule]
    respective = _RESPECTIVE.search(norm)
    if respective is None:
        return [rule]
    by_gene: dict[str, list[str]] = {}
    loose: list[str] = []
    for item in rule["items"]:
        aimed = _CLASS_GENE.match(item)
        if aimed:
            by_gene.setdefault(aimed.group(1), []).append(item)
        else:
            loose.append(item)
    rules = [{**rule, "items": items, "genes": genes_in(word)} for word, items in by_gene.items()]
    if loose:
        # Whose target a drug is, the sentence does not say: a question for those who had it.
        rules.append({**rule, "items": loose, "soft": True})
    return rules
