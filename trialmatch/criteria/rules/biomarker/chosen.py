"""A treatment rule whose marker only chooses which treatment it asks for.

"At least one EGFR TKI, which must include a third-generation TKI (eg, osimertinib) unless the tumour lacked
the T790M mutation after a first-generation TKI", "Prior therapy must include an ALK inhibitor unless the tumour
was ALK-negative", "Prior treatment with a KRAS G12D inhibitor, unless KRAS G12D was confirmed after it": the
sentence asks about earlier treatment (the prior-therapy dimension's question); the marker after "unless" only
picks the treatment a patient must (or must not) have had. It asks for no marker and bars none.

Read only when the part before the condition names a treatment and no marker of its own (a drug class such as
"EGFR TKI" is a drug, not a marker: normalise makes it DRUG): "EGFR mutation unless treated with a TKI" is a marker
rule with a treatment exception (treated.py), and stays one.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.biomarker.cues import normalise
from trialmatch.criteria.rules.biomarker.pdl1 import names_score
from trialmatch.criteria.rules.biomarker.phrases import names_marker
from trialmatch.criteria.rules.marker_vocab import mentions_marker
from trialmatch.criteria.rules.prefilter import guarded

# The condition that follows the treatment: "unless", "except if/when/where", "except in case".
_TRIGGER = guarded(r"\b(?:unless|except\s+(?:if|when|where|in\s+(?:the\s+)?case))\b", re.I)
# What makes the head a treatment rule: a drug (normalised DRUG), a treatment word, or a received/progressed verb.
_TREATMENT = re.compile(
    r"\bDRUG\b|\b(?:therap(?:y|ies)|treatments?|treated|regimens?|chemotherapy|agents?|inhibitors?|TKIs?"
    r"|received|receiving|progress(?:ed|ion)\s+on|[a-z]{3,}(?:inib|mab))\b",
    re.I,
)


def marker_chooses_treatment(sentence: str) -> bool:
    """Is the sentence a treatment rule whose only marker words sit in its "unless ..." condition?"""
    trigger = _TRIGGER.search(sentence)
    if trigger is None:
        return False
    head, tail = sentence[: trigger.start()], sentence[trigger.end():]
    if not _TREATMENT.search(normalise(head)) or not mentions_marker(tail):
        return False
    norm = normalise(head)
    return not names_marker(norm) and not names_score(norm)
