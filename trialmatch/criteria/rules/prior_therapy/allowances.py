"""Allowances that lift part of a ban stated elsewhere: "Prior systemic chemotherapy. Note: first-line platinum
doublet given with pembrolizumab is allowed"; "More than one line; Except: EGFR-TKI treatment is not counted";
"No prior systemic therapy" over "One prior line of EGFR-TKI therapy is allowed"; an inclusion "Prior anti-PD-1
therapy is permitted" beside the exclusion "Prior immunotherapy".

The allowed treatments become the ban's `excepted` items. A patient whose banned treatments are all excepted is
not excluded by it; one who had an excepted treatment and others the ban names is a question (the allowance may
be worded more narrowly than its classes: a line, a setting, a partner drug). A ban never gets stricter here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy import cues
from trialmatch.criteria.rules.prior_therapy.terms import find_mentions, normalize
from trialmatch.criteria.rules.reader.scope import INCLUDES_NSCLC, cancers_named
from trialmatch.criteria.rules.reader.vocabulary import ALLOW_WORD

# "is allowed", "are eligible", "is not counted as a line", "may participate": the clause lets a treatment in.
_ALLOWED = guarded(
    r"\b(?:(?:is|are|be|was|were|remains?)\s+(?:also\s+|still\s+)?(?:" + ALLOW_WORD +
    r"|(?<!to be )eligible(?!\s+(?:for|to)\b))"
    r"|(?:is|are|be)\s+not\s+(?:counted|considered)(?:\s+as\s+(?:an?\s+)?(?:prior\s+)?(?:line|regimen|therapy))?"
    r"|(?:may|can)\s+(?:also\s+)?(?:be\s+)?(?:participate|enrolled|enroll|enrol|included)"
    r"|(?<!not )(?:allowed|permitted)\s*$)")
# Where the allowing clause starts: a stop, a colon, or a capital letter opening a clause joined without one
# ("No prior systemic therapy One prior line of EGFR-TKI therapy is allowed"). Read on the original text.
_CLAUSE_START = re.compile(r"[.;:(\[]\s*|(?<=[a-z0-9)\]])\s+(?=[A-Z][a-z])")
_SENTENCE_STOP = re.compile(r"[.;]\s")
# "No X is allowed", "X not allowed": a ban, not an allowance.
_NEGATION = re.compile(r"\b(?:no|not|never|none|without|nor|neither)\b|n't\b")
# "allowed if / provided / only ...": a condition the profile cannot check.
_CONDITION = re.compile(r"\b(?:if|provided|providing|as long as|unless|only|when|where|after|within|at least|up to"
                        r"|at most|maximum|no more than|cycles?|doses?|weeks?|months?)\b")
_BAN_KINDS = ("forbid", "naive", "lines")
# "chemotherapy for a different cancer is allowed", "... for another malignancy": treatment of another disease, which
# a ban on this cancer's treatment never took in.
_OTHER_CANCER = re.compile(
    r"\bfor\s+(?:an?\s+|the\s+)?(?:different|another|other|separate|unrelated|non-?lung|second|prior|previous|earlier"
    r"|past)\s+(?:\w+\s+)?(?:cancers?|malignanc\w+|tumou?rs?|primar(?:y|ies)|neoplasms?|diseases?|melanomas?"
    r"|lymphomas?|leuk(?:a)?emias?|sarcomas?)\b")


# "chemotherapy for breast cancer is allowed", "immunotherapy for melanoma is permitted": another cancer after "for".
_FOR_NAMED = re.compile(r"\bfor\s+(?:an?\s+|the\s+)?(?P<what>[^,;:.()\[\]]{2,60})", re.I)


def _for_named_other_cancer(clause: str) -> bool:
    """Whether the allowing clause says its treatment was for a named cancer other than lung cancer."""
    for found in _FOR_NAMED.finditer(clause):
        named = cancers_named(found.group("what"))
        if named and not INCLUDES_NSCLC.intersection(named):
            return True
    return False


class Allowance(NamedTuple):
    items: tuple[str, ...]
    conditional: bool  # "allowed if ...": the allowance is a question, never a yes
    # Said of treatment before the disease was advanced only ("for localized or locally advanced disease"): it
    # cannot cover a line for advanced disease.
    early: bool = False
    # A short course only ("up to 8 weeks of osimertinib before enrollment is allowed"): a run-in while awaiting
    # the study, which a whole line for advanced disease (the drug progressed on) is longer than.
    run_in: bool = False


# The settings before advanced disease an allowance may name ("chemotherapy for localized or locally advanced NSCLC
# is allowed"), and the words that show it takes in advanced disease too ("... for localized or metastatic disease").
_EARLY_SETTING = re.compile(
    r"\b(?:locali[sz]ed|locally advanced|early[- ]stage|resect(?:ed|able|ion)|stage\s*(?:i{1,3}|[1-3])[abc]?"
    r"|non-?metastatic|curative(?:[- ]intent)?|neo-?\s*/?\s*adjuvant|adjuvant|perioperative|peri-operative"
    r"|chemoradi\w*|consolidation|definitive)\b")
_ADVANCED_SETTING = re.compile(
    r"(?<!locally )(?<!locally-)\badvanced\b|(?<!non-)(?<!non )\bmetasta(?:tic|sis|ses)\b|\brecurrent\b"
    r"|\bstage\s*(?:iv|4)\b|\bstage\s*(?:iii|3)\s*b\b|\b(?:first|1st|second|2nd)[- ]line\b|\bpalliative\b"
    r"|\blines?\b|\bunresectable\s+(?!stage\s*(?:iii|3)\b)")


# "up to 8 weeks of X", "no more than 14 days of X", "a maximum of 2 weeks": a bound in days or weeks.
_SHORT_COURSE = re.compile(r"(?:\b(?:up\s+to|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|maximum\s+of"
                           r"|at\s+most|less\s+than|fewer\s+than)\s+|(?:<=|\u2264|<)\s*)"
                           rf"{cues.N_WORD}\s*(?:days?|weeks?)\b")


def _early_only(clause: str, rest: str) -> bool:
    """Whether an allowance names only settings before advanced disease."""
    said = f"{clause} {rest}"
    return bool(_EARLY_SETTING.search(said)) and not _ADVANCED_SETTING.search(said)


@lru_cache(maxsize=2048)
def allowance(text: str, whole: bool = False, egfr: bool = False) -> Allowance | None:
    """The treatments the last allowing clause of `text` lets in, or None. With `whole`, the clause must be the
    whole text (a bullet that only allows: "Prior anti-PD-1/PD-L1 therapy is permitted")."""
    found = _ALLOWED.search(text.lower())
    if found is None:
        return None
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, found.start())]
    if whole and starts:
        return None
    if not whole and not starts:
        return None  # the allowance is the whole sentence: nothing before it to lift
    start = starts[-1] if starts else 0
    clause = normalize(text[start:found.start()])
    if _NEGATION.search(clause) or cues.BAN.search(normalize(text[start:])):
        return None
    sentence = max((m.end() for m in _SENTENCE_STOP.finditer(text, 0, found.start())), default=0)
    if cues.ADJUVANT.search(normalize(text[sentence:])):
        return None  # "adjuvant chemotherapy is allowed": a setting the ban's own setting already reads
    if _OTHER_CANCER.search(clause) or _OTHER_CANCER.search(normalize(text[found.end():found.end() + 80])) \
            or _for_named_other_cancer(text[start:found.end() + 80]):
        return None  # "(prior chemotherapy for a different cancer is allowed)": the ban is on this cancer's treatment
    # In an EGFR trial "first-generation TKIs" are EGFR TKIs of that generation, as the sentence reader reads them.
    # "participants who had a chemotherapy-free interval >= 90 days may be eligible": the time since the line had
    # tells who is let in, not a treatment let in beside the line (a cap on lines stays whole).
    clause = cues.TREATMENT_INTERVAL.sub(lambda m: " " * len(m.group()), clause)
    items = [i for m in find_mentions(clause, egfr or "egfr" in text.lower()) for i in m.items]
    if not items:
        return None
    rest = normalize(text[found.end():])
    stop = _SENTENCE_STOP.search(text, found.end())
    told = normalize(text[found.end():stop.start() if stop else len(text)])
    return Allowance(tuple(dict.fromkeys(items)), bool(_CONDITION.search(rest) or _CONDITION.search(clause)),
                     _early_only(clause, told), bool(_SHORT_COURSE.search(clause)))


def excepted(rule: dict[str, Any], allowed: Allowance) -> dict[str, Any]:
    """The ban with the allowed treatments excepted (a conditional allowance only ever makes a question)."""
    if rule["kind"] not in _BAN_KINDS or rule.get("section") == "title":
        return rule
    if rule["kind"] == "lines" and not rule.get("max") and rule.get("max") != 0:
        return rule  # a minimum count is a requirement, not a ban
    items = list(dict.fromkeys([*(rule.get("excepted") or ()), *allowed.items]))
    out = {**rule, "excepted": items}
    if allowed.conditional:
        out["excepted_if"] = True
    # "No prior systemic therapy (for advanced disease); chemotherapy for localized disease is allowed": a line for
    # advanced disease is still banned. Kept only while every allowance on the ban is of that kind.
    early = allowed.early and rule["kind"] == "naive" and (not rule.get("excepted") or rule.get("excepted_early"))
    if early:
        out["excepted_early"] = True
    else:
        out.pop("excepted_early", None)
    # Kept only while every allowance on the ban is a short run-in.
    if allowed.run_in and (not rule.get("excepted") or rule.get("excepted_runin")):
        out["excepted_runin"] = True
    else:
        out.pop("excepted_runin", None)
    return out


def lift_within(rules: list[dict[str, Any]], spans: dict[int, tuple[int, int]], pieces: tuple[str, ...],
                egfr: bool) -> None:
    """The bans of one criterion with what its later pieces allow excepted (in place): "Prior chemotherapy.
    Note: platinum doublet with pembrolizumab is allowed". A piece's own earlier clause counts too."""
    for k, piece in enumerate(pieces):
        allowed = allowance(piece, egfr=egfr) or (allowance(piece, whole=True, egfr=egfr) if k else None)
        if allowed is None:
            continue
        for j, (low, high) in spans.items():
            if j <= k:
                rules[low:high] = [excepted(rule, allowed) for rule in rules[low:high]]


def lift_parent(rules: list[dict[str, Any]], span: tuple[int, int], text: str, egfr: bool) -> None:
    """The bans of a bullet with what one of its sub-bullets allows excepted (in place): "No prior systemic
    therapy" over "One prior line of EGFR-TKI therapy is allowed"."""
    allowed = allowance(text.rstrip(" ."), whole=True, egfr=egfr)
    if allowed is not None:
        low, high = span
        rules[low:high] = [excepted(rule, allowed) for rule in rules[low:high]]


def lift_across(rules: list[dict[str, Any]], allowed: list[Allowance], covered: Any) -> list[dict[str, Any]]:
    """Exclusion bans with what another bullet allows excepted, where the ban takes that treatment in: an
    inclusion "Prior anti-PD-1 therapy is permitted" lifts "Prior immunotherapy" for anti-PD-1 drugs only."""
    if not allowed:
        return rules
    out = []
    for rule in rules:
        if rule["section"] == "exclusion" and rule["kind"] in ("forbid", "naive") and not rule["cohorts"]:
            banned = set(rule.get("items") or ()) if rule["kind"] == "forbid" else {"c:systemic"}
            for allow in allowed:
                # "Prior systemic therapy is allowed" beside a ban on it says nothing the ban can use.
                inside = tuple(i for i in allow.items if covered(i, banned) and i != "c:systemic")
                if inside:
                    rule = excepted(rule, Allowance(inside, allow.conditional, allow.early, allow.run_in))
        out.append(rule)
    return out


def allowing_bullets(criteria: list[Any], egfr: bool) -> list[Allowance]:
    """The bullets that only allow a treatment ("Prior anti-PD-1/PD-L1 therapy is permitted"), for every patient."""
    found = []
    for crit in criteria:
        if crit.depth > 0 or crit.scope is not None or len(crit.text) > 200:
            continue
        allowed = allowance(crit.text.rstrip(" ."), whole=True, egfr=egfr)
        if allowed is not None and crit.purpose is None:  # the purpose is read only for the few that allow
            found.append(allowed)
    return found
