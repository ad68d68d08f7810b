"""Cancer types a basket names only to shut them out: "Non-small cell lung cancer or breast cancer (enrolled in
separate studies)" as an exclusion, "Common histologies are not eligible: NSCLC, breast, colorectal, prostate" or
"Any solid tumour; NSCLC and melanoma are excluded" or "Tumours of common histologies are not eligible, including
NSCLC of any histologic subtype, breast ..." in the inclusions. A cancer's abbreviation may follow its name
("non-small cell lung cancer (NSCLC) or breast cancer").

A clause is read as such a ban only when it is nothing but a list of cancers, with the words that say who has them
("patients with", "a diagnosis of"), that any histology counts ("of any histology"), that they are shut out ("are not
eligible", "Excluded tumour types:") and why ("(enrolled in separate studies)"). Any other word is a condition on
the cancer ("NSCLC with an EGFR mutation", "NSCLC patients who received docetaxel", "squamous NSCLC") or a scope
("NSCLC is enrolled in Part B only"), and the clause is left to the other readers.
"""

from __future__ import annotations

import re

from trialmatch.criteria.rules.disease.words import vocab
from trialmatch.criteria.rules.reader.vocabulary import GROUP_NOUN, SHUT_OUT
from trialmatch.criteria.text import NOT_ABBREVIATION

# Names become tokens: NSCLC or lung cancer in general (N), small cell lung cancer (S), another cancer or organ (O).
_N, _S, _O = "\u00a7N", "\u00a7S", "\u00a7O"
_LUNG_WORD = re.compile(r"\blungs?\b", re.I)
_CANCER_NOUN = r"(?:cancers?|carcinomas?|adenocarcinomas?|tumou?rs?|malignanc(?:y|ies)|neoplasms?)"
# "NSCLC of any histology", "(all histologies)", "any subtype": every kind of it.
_ANY_KIND = (r"(?:\s*\(?\s*(?:of\s+|with\s+)?(?:any|all)\s+"
             r"(?:histolog(?:y|ies|ic(?:al)?\s+(?:sub)?types?)|(?:sub)?types?)\s*\)?)?")
# One cancer of the list; another cancer may carry one word before it ("triple-negative breast cancer"), NSCLC none
# ("squamous NSCLC" is one histology of it, not NSCLC).
# A cancer's abbreviation after its name, "non-small cell lung cancer (NSCLC)", "renal cell carcinoma (RCC)": only a
# cancer name counts ("NSCLC (EGFR-mutant)" is a condition on it).
# The lung cancer's own kinds in brackets say the same: "primary lung cancer (NSCLC or SCLC)", "(non-small cell or small
# cell)", "(NSCLC, SCLC)".
_KIND_NAME = rf"(?:{_N}|{_S}|{_O}|non-?\s?small[\s-]cell|small[\s-]cell)"
_ABBREVIATION = (rf"(?:\s*\(\s*{_KIND_NAME}(?:\s*(?:,|/|\band/or\b|\bor\b|\band\b)\s*{_KIND_NAME})*"
                 r"\s*\))?")
# "(of) lung or breast primary", "lung (NSCLC) primary": the organ named as the primary tumour's.
_PRIMARY = r"(?:\s+(?:primar(?:y|ies)|origin))?"
_ITEM = (rf"(?:(?:(?:[\w+-]+\s+)?(?:{_S}|{_O}))|{_N})(?:\s+{_O})*(?:\s+{_CANCER_NOUN})?{_ABBREVIATION}{_PRIMARY}"
         rf"{_ANY_KIND}")
_SEP = r"\s*(?:,|/|;)?\s*(?:(?:and/or|and|or|nor|as\s+well\s+as)\s+)?"
_LIST = rf"(?:{_ITEM}(?:{_SEP}{_ITEM})*)"
# "are not allowed to be enrolled", "may not participate": translated wordings of the same ban.
_SHUT = (rf"(?:(?:{SHUT_OUT}|excluded|ineligible|not\s+(?:be\s+)?(?:eligible|allowed|permitted|enrol+ed|included)"
         r"|(?:can|may|will)\s*not\s+(?:be\s+)?(?:enrol+(?:ed)?|included|eligible)|cannot\s+(?:be\s+)?enrol+(?:ed)?)"
         r"(?:\s+to\s+(?:be\s+)?(?:enrol+(?:ed)?|included|participate|join))?"
         r"|(?:can|may|will)\s*not\s+(?:participate|join|enrol+))")
# Who has the cancer: "patients with", "participants with a known diagnosis of", "known".
_WHO = (r"(?:(?:patients?|participants?|subjects?|individuals?|people|persons?|those)\s+(?:with|having|who\s+have"
        r"|whose\s+(?:primary\s+)?(?:tumou?r|cancer)\s+is)\s+)?"
        r"(?:(?:a|an|known|confirmed|documented|histologically|cytologically|any|primary)\s+)*"
        r"(?:(?:primary\s+)?diagnos[ie]s\s+of\s+(?:a\s+|an\s+)?)?")
# What the list is: "Tumour types", "Histologies excluded", "The following cancers are not eligible", "Excluded:".
_LEAD_NOUN = (r"(?:(?:the\s+)?(?:following\s+)?(?:common\s+)?(?:excluded\s+)?(?:tumou?r\s+|cancer\s+|primary\s+)?"
              r"(?:types?|histolog(?:y|ies)|indications?|cancers?|tumou?rs?)(?:\s*\(s\))?"
              # "Tumours of common histologies", "cancers of the following types"
              r"(?:\s+of\s+(?:the\s+following\s+|common\s+)?(?:histolog(?:y|ies)|(?:tumou?r\s+)?types?))?)")
_LEAD = rf"(?:{_LEAD_NOUN}\s*(?P<lead_shut>{_SHUT})?\s*:\s*|(?P<shut_lead>{_SHUT})\s*:\s*)"
# Why, when it is another study's: "(enrolled in separate studies)", ", as they are studied in another trial".
_ELSEWHERE = (r"(?:separate|other|another|different|dedicated|parallel|companion)\s+(?:\w+\s+)?"
              r"(?:stud(?:y|ies)|trials?|protocols?)")
_REASON = (rf"(?:\s*\((?:[^()]*\b{_ELSEWHERE}[^()]*)\)|\s*,?\s*(?:as\s+)?(?:they\s+are\s+|these\s+are\s+)?"
           rf"(?:enrol+ed|studied|evaluated|treated)\s+in\s+(?:a\s+)?{_ELSEWHERE})?")
# Words that give the list as examples: "e.g.", "i.e.", "such as", "incl." ("Common histologies are not eligible,
# e.g. NSCLC, breast, ..."): the cancers named are still the ones shut out.
_EXAMPLES = (r"(?:(?:including|incl\.?|such\s+as|namely|for\s+(?:example|instance)|e\.\s?g\.?|eg\."
             r"|i\.\s?e\.?|ie\.)\s*[,:]?\s*)")
_BAN = re.compile(
    rf"^\W*(?:{_LEAD}{_EXAMPLES}?)?{_WHO}(?P<list>{_LIST})\s*(?:\(\s*(?P<shut_paren>{_SHUT})\s*\)|(?P<shut_after>{_SHUT}))?"
    rf"{_REASON}\W*$"
    # "common cancers (lung, breast, colorectal) are not eligible"
    rf"|^\W*{_LEAD_NOUN}\s*\(\s*{_EXAMPLES}?(?P<paren_list>{_LIST})\s*\)\s*(?P<shut_noun>{_SHUT}){_REASON}\W*$"
    # "Tumours of common histologies are not eligible, including NSCLC of any subtype, breast and colorectal"
    rf"|^\W*{_LEAD_NOUN}\s*(?P<shut_including>{_SHUT})\s*[,:]?\s*{_EXAMPLES}"
    rf"(?P<including_list>{_LIST}){_REASON}\W*$"
    # "Common histologies such as NSCLC, breast or prostate cancer are not eligible"
    rf"|^\W*{_LEAD_NOUN}\s*,?\s*{_EXAMPLES}(?P<example_list>{_LIST})\s*,?\s*(?P<shut_examples>{_SHUT}){_REASON}\W*$",
    re.I,
)
# A cancer in the patient's past or beside the one treated is a history rule, not the tumour types taken.
_HISTORY = re.compile(r"\b(?:history|prior|previous(?:ly)?|second|another|concurrent|synchronous|within\s+\d+"
                      r"|treated|received)\b", re.I)
# A clause ends at a semicolon or a full stop, never at an abbreviation's ("e.g. NSCLC, breast" goes on).
_CLAUSE_CUT = re.compile(r";\s*|(?<=[a-z)]\.)" + NOT_ABBREVIATION + r"\s+")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")


def _tokens(clause: str) -> str:
    """The clause with every cancer name replaced by its token (NSCLC names before small cell ones: "non-small
    cell" holds "small cell")."""
    v = vocab()
    out = v["nsclc"].sub(f" {_N} ", clause)
    out = v["sclc"].sub(f" {_S} ", out)
    out = v["lung_cancer"].sub(f" {_N} ", out)
    out = _LUNG_WORD.sub(f" {_N} ", out)
    out = v["other_cancers"].sub(f" {_O} ", out)
    out = v["other_organs"].sub(f" {_O} ", out)
    return re.sub(r"\s+", " ", out).strip()


def _bans(clause: str, shut_needed: bool) -> bool:
    """The clause shuts out NSCLC as a tumour type: a bare list of cancers naming it, said to be shut out (or, in
    the exclusions, not: a bare list there is shut out by its place)."""
    if _HISTORY.search(clause):
        return False
    found = _BAN.match(_tokens(clause))
    if found is None:
        return False
    listed = (found.group("list") or found.group("paren_list") or found.group("including_list")
              or found.group("example_list") or "")
    if _N not in listed:
        return False
    shut = any(found.group(g) for g in ("lead_shut", "shut_lead", "shut_paren", "shut_after", "shut_noun",
                                        "shut_including", "shut_examples"))
    return shut or not shut_needed


def _clauses(sentence: str) -> list[tuple[str, bool]]:
    """The sentence's clauses, then the parentheses inside them, each with whether it is one of those insides."""
    pieces = [p for p in _CLAUSE_CUT.split(sentence) if p.strip()]
    inner = [m.group(1) for p in pieces for m in _PARENTHESIS.finditer(p)]
    split = set(_CLAUSE_CUT.split(sentence))  # once: asked per clause, a split each time was quadratic
    return [*((p, False) for p in pieces), *((i, i not in split) for i in inner)]


def banned_clause(sentence: str, exclusion: bool) -> str:
    """The clause of `sentence` that shuts NSCLC out as a tumour type, or "". In the inclusions, and inside
    parentheses, the clause must say it is shut out; a bare list of cancers in the exclusions is shut out by its
    place."""
    if not _LUNG_WORD.search(sentence) and not vocab()["nsclc"].possible(sentence):
        return ""  # most sentences: no lung cancer named, nothing to read
    for clause, inner in _clauses(sentence):
        if _bans(clause, shut_needed=not exclusion or inner):
            return clause
    return ""


_LEAD_ALONE = re.compile(rf"^\W*(?:{_LEAD})\W*$", re.I)


def ban_lead(text: str, shut: bool = False) -> bool:
    """A lead-in that says its items are tumour types ("Tumour types:") shut out ("Excluded tumour types:", "The
    following cancers are not eligible:"; with `shut`, it must say so), not a history or condition list ("History of
    any of the following:")."""
    found = _LEAD_ALONE.match(text.strip())
    if found is None or _HISTORY.search(text):
        return False
    return not shut or bool(found.group("lead_shut") or found.group("shut_lead"))


def without_bans(sentence: str) -> str:
    """The sentence with its banning clauses blanked: what is left may still take NSCLC ("Any solid tumour
    including NSCLC; NSCLC and melanoma of the skin ... are excluded" keeps its first clause)."""
    clause = banned_clause(sentence, exclusion=False)
    while clause:
        sentence = sentence.replace(clause, " " * len(clause), 1)
        clause = banned_clause(sentence, exclusion=False)
    return sentence


# A cancer sent to another group of the same trial, not shut out of it: "NSCLC (enrolled in Cohort B)", "Lung cancer
# (these patients are enrolled in Part 2)", "NSCLC - such participants will be assigned to the NSCLC expansion cohort",
# "NSCLC (eligible for Arm C instead)". The verb must say the patient goes there ("(not eligible for any cohort)",
# "(all cohorts)" and "(enrolled in a separate study)" send nobody).
_GROUP_NAMED = (rf"(?P<group>(?:(?:the|a|an|one\s+of\s+the)\s+)?(?:[\w+/-]+\s+){{0,3}}?{GROUP_NOUN}"
                r"(?:\s*#?\s*[A-Z0-9][A-Za-z0-9.]{0,4}\b(?<!\bor)(?<!\band)"
                r"(?:\s*(?:,|/|\bor\b|\band\b)\s*[A-Z0-9][A-Za-z0-9.]{0,4}\b)*)?)")
_SENT_TO_GROUP = re.compile(
    r"(?:\(|,|;|:|\s-+|\s–)\s*(?:(?:these|such|those|the(?:se)?)\s+(?:patients?|participants?|subjects?|"
    r"cancers?|tumou?rs?)\s+)?(?:(?:who|which)\s+)?(?:(?:are|is|will|may|can|should|must|would|to)\s+)?(?:be\s+)?"
    r"(?:instead\s+)?(?:enrol+(?:ed|s)?|included|assigned|allocated|treated|studied|evaluated|eligible|enter(?:ed|s)?"
    r"|join(?:ed|s)?|go(?:es)?|see|refer(?:red)?|directed)\s+(?:(?:in|into|for|to|under|on)\s+)?" + _GROUP_NAMED
    + r"(?:\s+(?:only|instead))?\s*\)?\W*$",
    re.I,
)


def sent_to_group(sentence: str) -> tuple[str, int]:
    """The group of this trial a cancer is sent to ("NSCLC (enrolled in Cohort B)" -> "Cohort B") and where the
    routing starts, or ("", -1): a routing, not a ban (another study's cancers are _REASON's)."""
    found = _SENT_TO_GROUP.search(sentence)
    if found is None or re.search(_ELSEWHERE, found.group(0), re.I):
        return "", -1
    group = re.sub(r"^(?:(?:the|a|an|one\s+of\s+the)\s+)", "", found.group("group"), flags=re.I).strip()
    return group, found.start()
