"""Early relapse after (neo)adjuvant therapy counted as the line asked for: "Progressed on exactly one prior
regimen for metastatic disease; adjuvant chemotherapy is considered a line of therapy if disease recurred within
12 months", "patients who relapsed within 6 months of adjuvant platinum chemotherapy are eligible", "(adjuvant
therapy counts if relapse < 12 months)".

The profile lists drugs in any setting and counts lines for advanced disease only; when it had a drug and no
line, the drug may have been that early treatment, and when the relapse came is not recorded: a question, not
an exclusion. The criterion's required treatments and "at least one line" counts get `early_maybe`, which
verdicts.py already reads that way.
"""

from __future__ import annotations

from typing import Any

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy import cues
from trialmatch.criteria.rules.prior_therapy.terms import normalize

# A relapse, recurrence or progression within a few months: after the adjuvant therapy named in the criterion.
_EARLY_RELAPSE = guarded(
    r"\b(?:relaps\w*|recur\w*|progress\w*|failure)\b[^.;]{0,60}?(?:\bwithin\b|<|\u2264|<=|\bless than\b"
    r"|\bfewer than\b|\bup to\b)\s*(?:\d+|six|twelve|three|nine|eighteen)\s*months?\b"
    r"|\b(?:within|<|\u2264|<=|less than)\s*(?:\d+|six|twelve)\s*months?\s+(?:of|after|from|following)\b"
    r"[^.;]{0,60}?\b(?:neo-?\s*/?\s*adjuvant|adjuvant|perioperative)\b"
)


# "Progression or recurrence of disease during or following first-line platinum": a recurrence after the treatment
# (a relapse after adjuvant or consolidation platinum may be that first line; when, the profile does not say).
_RECURRENCE_AFTER_LINE = guarded(
    r"\b(?:recurr\w*|relaps\w*)\b[^.;]{0,80}?\b(?:during|after|following|on|post)\b[^.;]{0,40}?"
    r"\b(?:first|1st|front)[\s-]*line\b")


def early_relapse_counts(text: str) -> bool:
    """Whether a criterion counts an early relapse after (neo)adjuvant therapy as a line."""
    low = text.lower()
    if "month" not in low and "recur" not in low and "relaps" not in low:
        return False
    norm = normalize(text)
    if _RECURRENCE_AFTER_LINE.search(norm) is not None:
        return True
    return "month" in low and cues.ADJUVANT.search(norm) is not None and _EARLY_RELAPSE.search(norm) is not None


def early_maybe(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An inclusion's requirements, with a drug had before any line for advanced disease a possible way in."""
    out = []
    for rule in rules:
        if rule.get("section") == "inclusion" and (rule.get("kind") == "require" or (
                rule.get("kind") == "lines" and rule.get("min") == 1)):
            rule = {**rule, "early_maybe": True}
        out.append(rule)
    return out
