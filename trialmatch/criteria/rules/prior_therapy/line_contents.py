"""Either untreated, or one earlier line whose contents a list after a colon spells out.

"Patients are either treatment-naive (i.e., no prior systemic therapy in the metastatic setting) or have received
one prior line of treatment in the metastatic setting. The prior line must have consisted of:" over sub-bullets
("Platinum-based chemotherapy, or" / "Anti-PD-1/PD-L1 inhibitor given alone, or" / ...). The list narrows the
second way in only: the untreated patient fits the first, the patient with one line fits when that line held one
of the items. Read as separate bullets the list is lost (any single line let through) or the untreated way is.

The lead-in and its items are folded into the bullet as one sentence, which naive_or_class.described_line reads.
"""

from __future__ import annotations

import re
from dataclasses import replace

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy.lines import spelt_ranges
from trialmatch.criteria.rules.prior_therapy.terms import normalize
from trialmatch.criteria.text import Criterion, sub_bullets

# "The prior line must have consisted of:", "This line of therapy should have included:", closing the bullet.
_LEAD = guarded(
    r"(?:^|(?<=[.;])\s+)(?P<lead>(?:the|this|that|such a|such)\s+(?:(?:prior|previous|earlier|one)\s+)?"
    r"(?:lines?|regimens?)(?:\s+of\s+(?:systemic\s+)?(?:therapy|treatment))?\s+(?:must|should|shall|has to|needs? to)"
    r"\s+(?:have\s+)?(?:consisted\s+of|comprised|included|contained|been)(?:\s+(?:one\s+)?of\s+the\s+following)?"
    r"\s*:)\s*$", re.I)
# What the bullet says before the lead-in: two ways in, none or up to N lines ("0-1" once spelt_ranges read it).
_NONE_OR_COUNT = re.compile(r"\b0-[12]\s+(?:prior\s+|previous\s+)?lines?\b")


def fold_line_contents(criteria: list[Criterion]) -> list[Criterion]:
    """The criteria with each "either untreated or N line(s). The prior line must have consisted of:" bullet
    holding its sub-bullets as one sentence (they are then not read again on their own)."""
    out: list[Criterion] = []
    skip = 0
    for index, crit in enumerate(criteria):
        if skip:
            skip -= 1
            continue
        lead = _LEAD.search(crit.text) if crit.section == "inclusion" and crit.text.endswith(":") else None
        items = sub_bullets(criteria, index) if lead else []
        if lead is None or not items or not _NONE_OR_COUNT.search(spelt_ranges(normalize(crit.text[:lead.start()]))):
            out.append(crit)
            continue
        # One sentence: the count, then what the line held (", the prior line must have consisted of: A, or B").
        head = crit.text[:lead.start()].rstrip(" .")
        listed = " ".join(item.text.rstrip(" .") for item in items)
        out.append(replace(crit, text=f"{head}, {lead.group('lead')[0].lower()}{lead.group('lead')[1:]} {listed}."))
        skip = len(items)
    return out
