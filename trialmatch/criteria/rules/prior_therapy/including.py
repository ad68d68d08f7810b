"""Required parts of earlier treatment listed in sub-bullets after "including:".

"Has received at least 1 but no more than 4 prior lines of therapy in the metastatic setting, including:" over
sub-bullets ("Platinum-based chemotherapy" / "An anti-PD-1 or anti-PD-L1 antibody") asks for every item: the list
is joined by AND. Read as separate bullets the items say nothing (a bare noun phrase is no requirement), so only the
count was kept and a patient without the listed treatments passed.

The lead-in and its items are folded into the bullet as one sentence ("..., including A and B."), which the sentence
reader already reads as a requirement of each. The folded sub-bullets are left empty in place (the criteria keep
their indexes, which the alternatives structure refers to). A list whose items are joined by "or", a "Note:" item
(a remark of its own, read on its own), or a lead-in that is no earlier treatment ("including:" after a disease or a
test) is left as it was.
"""

from __future__ import annotations

import re
from dataclasses import replace

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy.alternatives import names_one_treatment, names_patient_kind
from trialmatch.criteria.rules.prior_therapy.terms import normalize
from trialmatch.criteria.text import Criterion, sub_bullets

# The lead-in closes the bullet: "..., including:", "which must include:", "including all of the following:".
_INCLUDING = guarded(
    r"(?:,?\s*(?:including|which\s+(?:must|should)\s+(?:have\s+)?include[sd]?|that\s+(?:must|should)\s+(?:have\s+)?"
    r"include[sd]?)(?:\s+(?:all|both|each)\s+of\s+the\s+following|\s+the\s+following|\s+both)?\s*:\s*)$", re.I)
# The words before it are about earlier treatment had: a count of lines or a treatment received.
_HAD = re.compile(r"\b(?:received|prior|previous\w*|pre-?treated|treated|progress\w*|lines?\s+of\s+(?:systemic\s+)?"
                  r"(?:therapy|treatment)|regimens?)\b")
# Items that are alternatives, not parts: "Platinum-based chemotherapy, or", "or an anti-PD-1 antibody".
_OR_ITEM = re.compile(r"(?:\bor|\band/or)\W*$|^\W*(?:or|and/or)\b", re.I)
_NOTE = re.compile(r"^\W*(?:note|n\.?b\.?|please\s+note)\b", re.I)
# "targeted therapy that is approved for the participant's alteration at the time of screening": the words date the
# approval; left inside the joined sentence they read as a time window over the items after them.
_DATED = re.compile(r",?\s+(?:at|by)\s+(?:the\s+)?time\s+of\s+(?:screening|enrol+ment|study\s+entry|consent"
                    r"|registration|randomi[sz]ation)\s*$", re.I)


def fold_including(criteria: list[Criterion]) -> list[Criterion]:
    """The criteria with each inclusion "... prior lines ..., including:" bullet holding its sub-bullets as one
    sentence joined by "and"; the folded sub-bullets are left empty (and "Note:" items as they are)."""
    out = list(criteria)
    for index, crit in enumerate(criteria):
        if crit.section != "inclusion" or not crit.text.rstrip().endswith(":"):
            continue
        lead = _INCLUDING.search(crit.text.rstrip())
        if lead is None or not _HAD.search(normalize(crit.text[:lead.start()])):
            continue
        below = sub_bullets(criteria, index)  # the criteria right after it, in order
        parts = [(index + 1 + k, c) for k, c in enumerate(below) if not _NOTE.match(c.text)]
        if len(parts) < 2 or any(c.depth != crit.depth + 1 or _OR_ITEM.search(c.text.rstrip(" .;")) for c in below):
            continue  # one item, alternatives, or items with lists of their own: left as written
        if all(names_patient_kind(normalize(c.text)) for _, c in parts):
            continue  # "Subjects who ...", "Patients with ...": kinds of patient, each a way in (alternatives.py)
        head = crit.text[:lead.start()].rstrip(" .,")
        # "Progression after ALK-targeted therapy, including: * second-generation ALK TKIs * lorlatinib": kinds of
        # the one treatment named, any of which counts; under a count of lines ("2 prior lines, including: *
        # platinum * a PD-1 inhibitor") the parts add up.
        joint = " or " if names_one_treatment(normalize(head)) else " and "
        listed = joint.join(_DATED.sub("", c.text.rstrip(" .;,")) for _, c in parts)
        out[index] = replace(crit, text=f"{head}, including {listed}.")
        for position, c in parts:
            out[position] = replace(c, text="")
    return out
