"""Why a criterion mentions a treatment or a marker when it is not a rule about the patient's cancer.

"Adverse events from prior immunotherapy must have resolved to grade 1" names immunotherapy, but
it asks about recovery, not about which treatment the patient had; "no chemotherapy within 21
days" is a washout, assumed met (labelling rule: time windows never exclude). A dimension skips a
sentence whose purpose is not its own. Each purpose is one guarded pattern: a cheap substring test
first, the regex only when the sentence can hold it.
"""

from __future__ import annotations

import re
from typing import Literal

Purpose = Literal["washout", "toxicity_recovery", "contraception", "logistics", "hypersensitivity",
                  "concomitant", "other_cancer"]

_NUMBER = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|ten|twelve|fourteen|twenty[\s-]?one|twenty[\s-]?eight)"
_UNIT = r"(?:days?|weeks?|wks?|months?|hours?|half[\s-]?lives|half[\s-]?life)"

# (purpose, substrings one of which the sentence must hold, pattern)
_PURPOSES: tuple[tuple[Purpose, tuple[str, ...], re.Pattern[str]], ...] = (
    ("contraception", ("contracep", "pregnan", "childbearing", "child-bearing", "breast", "lactat", "birth control"),
     re.compile(r"\b(?:contracepti\w+|pregnan\w+|child[\s-]?bearing|breast[\s-]?feeding|lactat\w+|birth control)\b",
                re.I)),
    ("toxicity_recovery", ("toxic", "adverse", "side effect", "recover", "resolv", "grade", "aes", "irae"), re.compile(
        r"\b(?:toxicit(?:y|ies)|adverse (?:events?|effects?|reactions?)|AEs?|irAEs?|side[\s-]effects?)\b"
        r"[^.;]{0,120}\b(?:resolved?|recovered|recovery|return(?:ed)? to|improved? to|grade\s*[≤<=]*\s*[0-2]|"
        r"baseline|≤\s*grade|CTCAE)"
        r"|\b(?:recover(?:ed|y)?|resolution)\s+(?:from|of)\s+(?:all\s+|any\s+)?(?:the\s+)?(?:acute\s+|reversible\s+)?"
        r"(?:toxic|adverse|side|effects)"
        r"|\b(?:unresolved|persistent|ongoing|residual)\s+(?:toxicit|adverse|AEs?\b|irAEs?\b|side)"
        r"|\b(?:toxicit(?:y|ies)|adverse events?)\s+(?:from|of|due to|related to|attributed to|caused by)\s+"
        r"(?:any\s+)?(?:prior|previous|earlier)\b",
        re.I)),
    # (Not "contraindicated": "progressed on X or have it contraindicated" is a way into the trial.)
    ("hypersensitivity", ("allerg", "hypersensitiv", "anaphyla", "intoleran"), re.compile(
        r"\b(?:hypersensitivity|allerg\w+|anaphyla\w+)\b"
        r"|\bintoleran\w+\s+to\s+(?:any\s+)?(?:of\s+)?(?:the\s+)?(?:study|investigational|trial)\b",
        re.I)),
    ("other_cancer", ("malignan", "cancer", "primary", "tumor", "tumour"), re.compile(
        r"\b(?:other|another|second|secondary|additional|concurrent|history\s+of\s+(?:an)?other)\s+"
        r"(?:active\s+|invasive\s+|primary\s+)?(?:malignan\w+|cancers?|primary\s+tumou?rs?|neoplasms?)\b"
        # "prior malignancy", but not "prior cancer therapy": that is the patient's own treatment.
        r"|\b(?:prior|previous)\s+(?:active\s+|invasive\s+|primary\s+)?(?:malignan\w+|cancers?|neoplasms?)\b"
        r"(?!\s+(?:therap|treat|regimen|drug|medic|surgery|chemo|immuno|directed|systemic))"
        r"|\bsecond\s+primary\b",
        re.I)),
    ("concomitant", ("concomitant", "concurrent", "cyp3a", "inhibitors of cyp", "strong inducer", "strong inhibitor"),
     # (Not "no concomitant driver mutations": a finding in the tumour, not a medicine.)
     re.compile(r"\b(?:(?:concomitant|concurrent)\s+(?:use|medications?|medicines?|drugs?|treatments?|therap\w+|"
                r"administration|anti-?cancer|systemic)|concurrent(?:ly)?\s+(?:receiving|treated)|"
                r"strong\s+(?:cyp\w*\s+)?(?:inhibitors?|inducers?)|cyp3a4?)\b", re.I)),
    ("washout", ("within", "since", "prior to", "before", "wash", "elapsed", "half", "last dose", "interval",
                 "time between"),
     re.compile(
        rf"\bwithin\s+(?:the\s+)?(?:last\s+|past\s+|previous\s+|preceding\s+)?{_NUMBER}\s*{_UNIT}"
        rf"|\b(?:at\s+least|minimum\s+of|≥|>=|more\s+than|a\s+minimum\s+of)\s*{_NUMBER}\s*{_UNIT}\s+"
        r"(?:since|from|after|before|prior\s+to|must\s+have\s+(?:elapsed|passed))"
        rf"|\b{_NUMBER}\s*{_UNIT}\s+(?:of|before|prior\s+to|preceding)\s+(?:the\s+)?(?:first|start|initiation|"
        r"randomi[sz]ation|enrol?lment|registration|day\s*1|c1d1|study\s+(?:drug|treatment|entry))"
        r"|\bwash[\s-]?out\b|\bhalf[\s-]?lives\b"
        # A table of windows: "Time between prior anticancer therapy and first dose of X as below:".
        r"|\b(?:time|interval)\s+(?:elapsed\s+)?(?:between|since|from)\s+(?:the\s+)?(?:last\s+(?:dose\s+of\s+)?)?"
        r"(?:prior|previous|last|any)\b",
        re.I)),
    ("logistics", ("archiv", "tissue", "sample", "specimen", "consent", "willing", "comply", "block"), re.compile(
        r"\b(?:archival|tumou?r\s+tissue\s+(?:sample|specimen|block)|(?:tissue|tumou?r)\s+(?:samples?|specimens?|"
        r"blocks?|slides?)|informed\s+consent|willing(?:ness)?\s+(?:and\s+able\s+)?to|able\s+to\s+comply)\b",
        re.I)),
)


# "progressed on or within 6 months of platinum", "relapse within 12 months of adjuvant therapy": the
# window dates the disease's course, it is no washout. Nor is a plan: "surgery planned within 6
# weeks", "diagnosed within the last 3 months", "expected to start chemotherapy within 2 weeks".
_COURSE_WINDOW = re.compile(r"\b(?:progress\w*|relaps\w*|recurr\w*|recurrence|refractory|resistan\w*|diagnos\w*|"
                            r"planned|scheduled|expected|intend\w*|(?:to|will)\s+(?:start|begin|receive|undergo))\b"
                            r"[^.;]{0,40}?\bwithin\b", re.I)


def _shows(purpose: Purpose, needles: tuple[str, ...], pattern: re.Pattern[str], sentence: str, lowered: str) -> bool:
    if not any(n in lowered for n in needles) or not pattern.search(sentence):
        return False
    return purpose != "washout" or not ("within" in lowered and _COURSE_WINDOW.search(sentence))


def purpose_of(sentence: str) -> Purpose | None:
    """The first purpose a sentence shows, in the order of _PURPOSES: a contraception or recovery
    sentence often holds a time window too, and is not a washout."""
    lowered = sentence.lower()
    for purpose, needles, pattern in _PURPOSES:
        if _shows(purpose, needles, pattern, sentence, lowered):
            return purpose
    return None
