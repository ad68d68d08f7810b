"""Brain metastases: what a trial says about brain / CNS metastases and leptomeningeal disease.

parse() reads each criterion sentence that names brain metastases and turns it into a verdict
for each profile state (none, treated_stable, active, unknown):

- exclusions ("active", "untreated", "symptomatic", "known brain metastases"), with their
  exceptions ("unless treated and stable", "asymptomatic patients may participate");
- conditional permissions ("brain metastases are allowed provided they are stable");
- requirements (a brain-metastasis trial: "NSCLC with brain metastases"; "untreated target lesion"; ">= 3 brain
  lesions on MRI"). One stated by an inclusion makes the trial a brain-metastasis trial, so its other plain
  inclusions ("asymptomatic brain metastases") are read as requirements too;
- leptomeningeal disease, location limits (brainstem) and prior brain radiotherapy.

Mentions that set no rule ("to rule out brain metastases", "cannot be used as target lesions",
"radiosensitizers used to treat brain metastases", CNS words only in an exception of a rule about earlier
treatment) are read past. An inclusion sentence that
neither requires nor permits, or a clause no qualifier reads ("with midline shift"), makes a
question, never an exclusion. "One of the following:" / "either:" sub-bullets (or flat bullets chained by "or")
are alternatives. An allowance in another criterion ("Patients with treated, stable brain metastases are eligible",
a "Note:" or "Except:" bullet) loosens a bare exclusion ("Brain metastases") elsewhere: see _apply_allowances.

Each statement keeps the shared reader's scope of its criterion (trialmatch/criteria/rules/reader/): a rule
for one part, arm or marker group is a question, another cancer's cohort's rule does not apply,
and a requirement stated for one cohort of several leaves the others open. All statements apply
together, so the most restrictive verdict per state wins; check() is a lookup.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from itertools import takewhile
from typing import Any, TypeVar

from trialmatch.criteria.collector import collector_paused
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding, Verdict, no_requirement
from trialmatch.criteria.rules.brain_metastases import phrases
from trialmatch.criteria.rules.disease.words import mask, vocab
from trialmatch.criteria.rules.patient import Patient
from trialmatch.criteria.rules.performance_status import cross, one_part
from trialmatch.criteria.rules.prefilter import AnyOf, guarded
from trialmatch.criteria.rules.reader import apply_scope, purpose_of
from trialmatch.criteria.rules.reader.continuations import asks_one_of
from trialmatch.criteria.rules.reader.scope import Scope, cancers_named, criterion_scope, labelled_sentence_scope, merge
from trialmatch.criteria.rules.reader.vocabulary import GROUP_WORD
from trialmatch.criteria.text import SENTENCE_END, Criterion, TrialText, quote, sub_bullets

NAME = "brain_metastases"

STATES = ("none", "treated_stable", "active", "unknown")
_SEVERITY = {ELIGIBLE: 0, UNKNOWN: 1, EXCLUDED: 2}
E, U, X = ELIGIBLE, UNKNOWN, EXCLUDED



def _most(verdicts: list[Verdict], restrictive: bool = True) -> Verdict:
    pick = max if restrictive else min
    return pick(verdicts, key=_SEVERITY.__getitem__)


def _statement(kind: str, sentence: str, none: Verdict, treated: Verdict, active: Verdict,
               unknown: Verdict = U) -> dict[str, Any]:
    return {"kind": kind, "evidence": quote(sentence),
            "none": none, "treated_stable": treated, "active": active, "unknown": unknown}


# ---------------------------------------------------------------- reading one mention
def _before_window(sentence: str, start: int) -> str:
    """The clause before a mention, where its qualifiers sit ("symptomatic, untreated ...")."""
    window = sentence[max(0, start - 70):start]
    # An aside before the mention ("Symptomatic (treated or untreated) brain metastases") is not a clause end.
    window = phrases.ASIDE.sub(lambda m: " " * len(m.group(0)), window)
    cut = max((m.end() for m in phrases.CLAUSE_END.finditer(window)), default=0)
    window = window[cut:]
    # "Part B - untreated or symptomatic brain metastases": a group's label with a dash ends no clause by itself, but
    # it names no condition either (as "Part B:" does not).
    label = _GROUP_LABEL_HEAD.match(window)
    if label is not None and not label.group(0).rstrip().endswith(":"):
        window = " " * label.end() + window[label.end():]
    # A comma ends the clause, unless what precedes it is one qualifier ("symptomatic, untreated"); "Active, or
    # untreated, brain metastases" is a list of them, each one (its "or" aside) kept.
    parts = window.split(",")
    keep = [parts[-1]]
    for part in reversed(parts[:-1]):
        if len(keep) == 3:
            break
        if not _is_qualifier_only(part):
            # "Participants with untreated, asymptomatic brain metastases": the list's first qualifier follows the
            # subject's "with"; it is the mention's as much as the ones after the comma.
            head = _WITH_QUALIFIER.search(part)
            if head is not None and (_is_qualifier_only(head.group(1)) or _is_treated_word(head.group(1))):
                keep.insert(0, " " + head.group(1))
            break
        keep.insert(0, part)
    return _own_qualifiers_before(",".join(keep))


_WITH_QUALIFIER = re.compile(r"\b(?:with|having|has|have)\s+(\S+)\s*$", re.I)
_LEADING_JOIN = re.compile(r"^\s*(?:and/or|or|and)\s+", re.I)


def _without_open_status(sentence: str) -> str:
    """The sentence with what "with or without" leaves open blanked out ("with or without prior radiotherapy")."""
    if "ithout" not in sentence:
        return sentence
    return phrases.OPEN_WITH_OR_WITHOUT.sub(lambda m: " " * len(m.group(0)), sentence)


# "No active, measurable CNS metastases": a negation before the first of the listed adjectives.
_LEADING_NEGATION = re.compile(r"^\s*(?:no|without|not have|free of|absence of)\s+", re.I)


def _is_treated_word(word: str) -> bool:
    """ "treated", "irradiated", "resected": a state the subject names ("Patients with treated, asymptomatic ...")."""
    found = phrases.TREATED.search(word)
    return found is not None and found.group(0) == word.strip() and not phrases.UNTREATED.search(word)


def _is_qualifier_only(text: str) -> bool:
    text = _LEADING_JOIN.sub("", text)
    text = _LEADING_NEGATION.sub("", text)
    words = text.split()
    return len(words) == 1 and any(p.search(text) for p, *_ in phrases.QUALIFIERS)


def _scan_reason(sentence: str, start: int, end: int) -> bool:
    """ "Must have a brain MRI ... due to the high rate of CNS metastasis": the mention gives the reason for a
    required scan (metastases are likely), not a disease the patient must have."""
    reason = phrases.REASON_BEFORE.search(sentence, max(0, start - phrases.LOOKBACK), start)
    if reason is None or not phrases.SCAN_WORD.search(sentence, 0, reason.start()):
        return False
    return bool(phrases.LIKELIHOOD.search(reason.group("gap")) or phrases.COMMON_AFTER.match(sentence, end))


def _without_other_disease_exception(sentence: str) -> str:
    """ "Except for the SCLC cohort, untreated or symptomatic brain metastases": the rule is everyone's but another
    cancer's group, an NSCLC patient's included; the lead-in blanked (offsets kept), the rest is read as it stands.
    A lead-in excepting an NSCLC group is left alone (that group may take the patient)."""
    if "xcept" not in sentence[:12] and "ther than" not in sentence[:12]:
        return sentence
    lead = phrases.EXCEPT_GROUP_LEAD.match(sentence)
    if lead is None:
        return sentence
    named = cancers_named(lead.group(0))
    if not named or "nsclc" in named:
        return sentence
    return " " * lead.end() + sentence[lead.end():]


def _scan_for_those_with(sentence: str, start: int) -> bool:
    """ "Patients must have a CT or MRI of the brain within 28 days if they have a history of brain metastases": a
    scan asked of those with them, no rule on which ones may join."""
    condition = phrases.SCAN_IF_THEY.search(sentence, 0, start)
    return condition is not None and bool(phrases.SCAN_WORD.search(sentence, 0, condition.start()))


def _if_patient_condition(sentence: str, start: int, end: int) -> dict[str, Any] | None:
    """ "If patients have brain metastasis with neurological symptom, they should be stabilized with prior
    radiotherapy or surgery": the main clause sets a condition on the metastases the if-clause names. Whether an
    active patient's are the ones meant (symptoms) or can meet it ("should") is a question; plainly ("If patients
    have brain metastases, they must have been treated and be stable") it leaves untreated, active ones out."""
    if not phrases.IF_PATIENT_BEFORE.search(sentence, max(0, start - 60), start):
        return None
    main = phrases.MAIN_MODAL.search(sentence, end)
    if main is None or not (_names_state(main.group("clause")) or phrases.STABILISED.search(main.group("clause"))):
        return None
    if_clause = sentence[max(0, start - 60):main.start()]
    if main.group("modal").lower() == "should" or phrases.SYMPTOMS.search(if_clause) or any(
            p.search(if_clause) for p, *_ in phrases.QUALIFIERS):
        return _statement("conditional", sentence, E, E, U)
    statement = _conditional(sentence, main.group("clause"), "any")
    return statement if statement["active"] != E else _statement("conditional", sentence, E, E, U)


_COLON_LIST = re.compile(r"\s{0,2}:\s*")
_OTHER_GROUP_CLAUSE = re.compile(r";\s*(?:patients?|participants?|subjects?|those)\s+(?:with|who)\b", re.I)
_CONDITIONS_LISTED = re.compile(
    r"\s*,?\s*(?:if|when|where|with|that|which|who)\b[^.;:]{0,40}?\b(?:any|one|all|either|each)\b[^.;:]{0,20}?"
    r"\bfollowing\b[^.;:]{0,20}:\s*$", re.I)


def _after_window(sentence: str, end: int) -> str:
    """What follows a mention up to the end of its clause, asides removed."""
    text = phrases.ASIDE.sub("", sentence[end:end + 400])[:120]
    listed = _COLON_LIST.match(text)
    if listed:  # "Brain metastases: active, or treated within 14 days": the colon introduces the kinds meant
        text = text[listed.end():]
    stop = re.search(r"[;.:]" if listed else r"[,;.:]", text)
    if stop and stop.group(0) == "," and (_qualifier_list(text[stop.end():])
                                          or _relative_qualifier_list(text[stop.start():])):
        # "Brain metastases, symptomatic or requiring steroids", "Brain metastases, which are untreated or ..."
        stop = _CLAUSE_STOP.search(text, stop.end())
    text = text[:stop.start()] if stop else text
    cue = phrases.EXCEPTION_CUE.search(text)
    text = text[:cue.start()] if cue else text
    joined = phrases.OR_NEXT.match(text)
    if joined and (judged := _judged_alternative(sentence, end, text, joined.end())):
        # "Brain metastases or leptomeningeal disease that, in the investigator's judgement, make exercise unsafe":
        # the judgement is over both conditions, a kind the profile cannot settle.
        return text[judged:]
    if joined and _other_condition(text[joined.end():]):
        return ""  # "Intracranial metastasis or symptomatic pleural effusion": the qualifier is the effusion's
    return text


# An alternative's noun phrase up to a relative clause ("or leptomeningeal disease that ...", "or spinal cord
# compression which ...").
_RELATIVE_AFTER_ALTERNATIVE = re.compile(r"(?:[\w-]+\s+){1,4}?(?=(?:that|which)\b)", re.I)


def _judged_alternative(sentence: str, end: int, text: str, start: int) -> int | None:
    """Where the relative clause after another condition begins, when that clause is the investigator's judgement
    ("or spinal cord compression that, in the physician's opinion, make exercise unsafe"); None otherwise."""
    relative = _RELATIVE_AFTER_ALTERNATIVE.match(text, start)
    if relative is None or phrases.BRAIN_METS.search(relative.group(0)):
        return None
    clause = phrases.ASIDE.sub("", sentence[end:end + 400])
    pronoun = _RELATIVE_PRONOUN.search(clause)
    if pronoun is None or not phrases.JUDGEMENT.search(clause, pronoun.start(), pronoun.start() + _JUDGEMENT_REACH):
        return None
    return relative.end()


_RELATIVE_PRONOUN = re.compile(r"\b(?:that|which)\b", re.I)
_JUDGEMENT_REACH = 160


_LIST_WORDS = frozenset({"if", "when", "either", "i", "e", "ie", "namely", "such", "as"})
_CLAUSE_STOP = re.compile(r"[;.:]")


def _comma_list(sentence: str, end: int) -> bool:
    """ "Brain metastases, untreated or symptomatic": after a comma, a list of the kinds meant (either is enough)."""
    comma = _COMMA.match(sentence, end)
    return comma is not None and _qualifier_list(phrases.ASIDE.sub("", sentence[comma.end():comma.end() + 400]))


_COMMA = re.compile(r"\s*,\s*")


def _qualifier_list(text: str) -> bool:
    """After a comma, the clause is a list of the mention's own qualifiers ("symptomatic or requiring steroids",
    "untreated or symptomatic", "if active"), not another condition ("leptomeningeal disease or spinal cord
    compression") nor both ways ("treated or untreated", "symptomatic or not")."""
    stop = _CLAUSE_STOP.search(text)
    clause = text[:stop.start()] if stop else text
    if (phrases.NEUTRAL_STATUS.search(clause) or phrases.WITH_OR_WITHOUT.search(clause)
            or phrases.RULE_SITE.search(clause) or phrases.LEPTO.search(clause)):
        return False  # "treated or untreated", "with or without symptoms", "leptomeningeal disease or ..."
    rest, found = clause, False
    for pattern, *_ in phrases.QUALIFIERS:
        rest, count = pattern.subn(" ", rest)
        found = found or count > 0
    return found and all(word.lower() in phrases.FILLER or word.lower() in _LIST_WORDS
                         for word in phrases.WORD.findall(rest))


def _other_condition(words: str) -> bool:
    """ "symptomatic pleural effusion requiring drainage", "active infection": an alternative beside the brain
    metastases that names a condition of its own (a word no qualifier or filler reads), outside the CNS. Its
    qualifiers are its own; "or untreated ones", "or leptomeningeal disease that is untreated" may be the mentions'."""
    if phrases.RULE_SITE.search(words) or phrases.LEPTO.search(words):
        return False
    rest = phrases.NEUTRAL_STATUS.sub(" ", words)
    states: list[Any] = [p for p, *_ in phrases.QUALIFIERS]
    for pattern in (*states, phrases.TREATED, phrases.FITS_TREATED_STABLE):
        rest = pattern.sub(" ", rest)  # "treated or untreated", "stable or progressing": states of the metastases
    return any(word.lower() not in phrases.FILLER for word in phrases.WORD.findall(rest))


def _own_qualifiers_before(before: str) -> str:
    """ "Active infection or brain metastases": what stands before the last "or" is another condition, whose
    qualifiers are not the mention's; "symptomatic or untreated brain metastases" keeps both."""
    joins = list(phrases.OR_JOIN.finditer(before))
    if joins and (_other_condition(before[:joins[-1].start()]) or _no_state(before[:joins[-1].start()])):
        return before[joins[-1].end():]
    return before


def _no_state(words: str) -> bool:
    """ "Leptomeningeal disease or symptomatic active CNS metastases", "..., or symptomatic active ...": what stands
    before the "or" names no state of the metastases, so the "or" joins two conditions, not two qualifiers, and the
    mention's own qualifiers ("symptomatic active") must all hold."""
    text = phrases.NEUTRAL_STATUS.sub(" ", words)
    states: list[Any] = [p for p, *_ in phrases.QUALIFIERS]
    return not any(p.search(text) for p in (*states, phrases.TREATED, phrases.UNTREATED, phrases.FITS_TREATED_STABLE))


def _qualified(before: str, after: str, listed: bool = False) -> tuple[Verdict, Verdict, list[str]]:
    """(treated_stable, active) verdicts for excluding the brain metastases these words describe; `listed` when
    `after` is a list after a colon ("Brain metastases: active or symptomatic")."""
    text = phrases.NEUTRAL_STATUS.sub(" ", f"{before} {after}")
    before = phrases.NEUTRAL_STATUS.sub(" ", before)
    found: list[tuple[str, Verdict, Verdict]] = []
    words: list[str] = []
    for pattern, family, treated, active in phrases.QUALIFIERS:
        for m in pattern.finditer(text):
            found.append((family, treated, active))
            words.append(m.group(0).lower())
    if phrases.LEPTO_WITH.search(after):
        found.append(("lepto", E, E))
        words.append("with leptomeningeal disease")
    if not found:
        after = phrases.NEUTRAL_STATUS.sub(" ", after)  # "brain metastases with or without symptoms": any of them
        if phrases.TREATED_BEFORE.search(before) or phrases.BEEN_TREATED_AFTER.match(after):
            # "previously treated brain metastases", "brain metastases that have previously been treated": treated
            # ones are meant, any way; an active one may be untreated, or progressing after treatment: a question.
            return X, U, []
        if phrases.TREATED_AFTER.match(after):
            return U, E, []  # "brain metastases treated with whole brain radiotherapy": the way is not given
        if phrases.RESTRICTIVE_AFTER.match(after):
            return U, U, []  # "brain metastases with midline shift": a kind the profile cannot settle
        return X, X, []  # any brain metastases
    pairs_t = [f[1] for f in found]
    pairs_a = [f[2] for f in found]
    # "symptomatic or untreated": either one is enough to exclude; so is "untreated, or treated within 14 days".
    either_after = listed or "recent" in {f[0] for f in found} or _relative_qualifier_list(after)
    if either_after and re.search(r"\bor\b", after):
        return _most(pairs_t), _most(pairs_a), words
    if re.search(r"\bor\b|/", before):
        narrowed = _narrowed_after(before, after)
        if narrowed is not None:  # "Symptomatic or progressing CNS metastases requiring immediate local therapy"
            return narrowed[0], narrowed[1], words
        return _most(pairs_t), _most(pairs_a), words
    # "untreated symptomatic": all must hold, so the loosest family decides; synonyms count as one.
    by_family: dict[str, tuple[Verdict, Verdict]] = {}
    for family, treated, active in found:
        old = by_family.get(family)
        by_family[family] = (
            (_most([old[0], treated]), _most([old[1], active])) if old else (treated, active)
        )
    _site_left_open(by_family, set(by_family))
    return (_most([v[0] for v in by_family.values()], restrictive=False),
            _most([v[1] for v in by_family.values()], restrictive=False), words)


def _site_left_open(by_family: dict[str, tuple[Verdict, Verdict]], families: set[str]) -> None:
    """ "Active brain metastases in the brainstem": a site alone sets no rule (no profile gives one), but beside a
    state it narrows a ban the profile's state meets, so an active patient's metastases may or may not sit there:
    a question, never "eligible". Treated, stable ones stay outside the state the ban names. Beside another lesion
    property only ("within 5 mm of the chiasm that cannot be treated with SRS") the site still sets no rule."""
    if "location" in by_family and _STATE_FAMILIES & families:
        by_family["location"] = (E, U)


# Qualifier families that name the metastases' state (which the profile gives), not a property of the lesion.
_STATE_FAMILIES = frozenset({"activity", "symptoms", "recent"})


def _found(text: str) -> list[tuple[str, Verdict, Verdict]]:
    return [(family, treated, active) for pattern, family, treated, active in phrases.QUALIFIERS
            for _ in pattern.finditer(text)]


# What may stand between a mention and a qualifier of its own ("CNS metastases requiring ...", "... that need ...").
_JOINED = re.compile(r"\b(?:and|or|nor|and/or|plus|as well as)\b|[,;(]", re.I)


def _narrowed_after(before: str, after: str) -> tuple[Verdict, Verdict] | None:
    """ "Symptomatic or progressing CNS metastases requiring immediate local therapy": the "or" list before the mention
    gives the kinds meant (either is enough), and a qualifier right after it narrows all of them (both must hold), so
    the looser of the two decides. None when nothing follows the mention straight away as its own qualifier."""
    after = phrases.NEUTRAL_STATUS.sub(" ", after)
    first = min((m.start() for pattern, *_ in phrases.QUALIFIERS if (m := pattern.search(after))), default=None)
    if first is None or _JOINED.search(after, 0, first) or phrases.LEPTO.search(after, 0, first):
        return None  # "... brain metastases and leptomeningeal disease requiring steroids": another condition's
    listed, narrowing = _found(phrases.NEUTRAL_STATUS.sub(" ", before)), _found(after)
    if not listed:
        return None
    by_family: dict[str, tuple[Verdict, Verdict]] = {"listed": (_most([f[1] for f in listed]),
                                                                _most([f[2] for f in listed]))}
    for family, treated, active in narrowing:
        old = by_family.get(family)
        by_family[family] = (_most([old[0], treated]), _most([old[1], active])) if old else (treated, active)
    _site_left_open(by_family, {f[0] for f in (*listed, *narrowing)})
    return (_most([v[0] for v in by_family.values()], restrictive=False),
            _most([v[1] for v in by_family.values()], restrictive=False))


# "Brain metastases that are untreated or symptomatic": a relative clause listing the mention's own kinds.
_RELATIVE_IS = re.compile(r"\s*,?\s*(?:that|which)\s+(?:are|is|were|was|remain|have\s+been|has\s+been)\s+", re.I)


def _relative_qualifier_list(after: str) -> bool:
    """ "that are untreated or symptomatic": either kind is enough, as in "untreated or symptomatic brain
    metastases" (not "all must hold", which let an untreated metastasis through as a question)."""
    relative = _RELATIVE_IS.match(after)
    return relative is not None and _qualifier_list(after[relative.end():].split(",", 1)[0])


def _permission_start(sentence: str, end: int, verb: int) -> int:
    """Where the permission whose verb is at `verb` begins: after the last semicolon between the mention and the
    verb ("Active brain metastases or leptomeningeal disease; treated stable ones are allowed": what precedes the
    semicolon is the excluded condition, not one of the permission's alternatives), else right after the mention."""
    semicolon = sentence.rfind(";", end, verb)
    # "... untreated or symptomatic (patients with treated, stable ones are eligible)": an aside holding the verb
    # is the permission; the words before it are the excluded condition, as before a semicolon.
    paren = sentence.rfind("(", end, verb)
    if paren > semicolon and ")" not in sentence[paren:verb]:
        return paren
    return semicolon + 1 if semicolon >= 0 else end


def _exception_cue(sentence: str, end: int) -> re.Match[str] | None:
    """The first exception cue after a mention, skipping one inside an aside about scans ("No known brain metastases
    (CT or MRI of the brain required only if clinically indicated)": when a scan is needed, not who may join)."""
    cue = phrases.EXCEPTION_CUE.search(sentence, end)
    while cue is not None and "(" in sentence:
        aside = next((a for a in phrases.ASIDE.finditer(sentence, end) if a.start() < cue.start() < a.end()), None)
        if aside is None or not phrases.SCAN_WORD.search(sentence, aside.start(), cue.start()):
            break  # (a scan named only after the cue is the exception's own condition: "... may join, but need MRI")
        cue = phrases.EXCEPTION_CUE.search(sentence, aside.end())
    return cue


def _defined(sentence: str, end: int) -> tuple[Verdict, Verdict, list[str]] | None:
    """ "Active brain metastases, defined as untreated and symptomatic, or requiring steroids": the definition, not
    the word it defines, says which metastases are meant; each alternative of it (", or ...") is enough, and within
    one, all its qualifiers must hold. None when there is no definition, or it names no qualifier we read."""
    definition = phrases.DEFINED_AS.match(sentence, end)
    if definition is None:
        return None
    options = [_qualified(part, "") for part in phrases.DEFINITION_OR.split(definition.group("words"))]
    read = [o for o in options if o[2]]
    if not read:
        return None
    if len(read) < len(options):
        read.append((U, U, []))  # an alternative we cannot read ("requiring a shunt"): it may take in anyone
    return _most([o[0] for o in read]), _most([o[1] for o in read]), [w for o in read for w in o[2]]


def _unbracketed(region: str) -> str:
    """The region with the brackets of an aside that holds all of it blanked ("(patients with treated ones, or with
    untreated ones < 1 cm, are eligible)"): its alternatives are the permission's own, not an aside's."""
    opened = len(region) - len(region.lstrip())
    close = region.rfind(")")
    if not region[opened:opened + 1] == "(" or close <= opened or "(" in region[opened + 1:close]:
        return region
    return f"{region[:opened]} {region[opened + 1:close]} {region[close + 1:]}"


def _alternatives(region: str) -> list[str]:
    """Split an exception into its alternatives at "or" that starts a new patient group."""
    flat = phrases.ASIDE.sub(lambda m: " " * len(m.group(0)), _unbracketed(region))
    cuts = [m.start() for m in phrases.STATUS_AFTER_OR.finditer(flat)]
    cuts += [m.end() - 3 for m in _LISTED_OR.finditer(flat)]  # "...; or Lesions treated with SRS": a listed exception
    if ";" in flat or "," in flat:  # "...; in Part B, asymptomatic untreated brain metastases are allowed"
        cuts = sorted({*cuts, *(m.start() + 1 for m in phrases.PERMITTING_CLAUSE.finditer(flat)
                                if not phrases.NOT_ALLOWED.search(flat, m.start(), m.start() + 160))})
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(region[last:cut])
        last = cut
    pieces.append(region[last:])
    return [p for p in pieces if p.strip(" ;,")]


_LISTED_OR = re.compile(r";\s*or\s")


def _stable_only(alternative: str) -> bool:
    """ "provided they are stable": a condition whose clause offers no other way in ("stable or not requiring
    treatment" does)."""
    for piece in phrases.CLAUSE_PIECE.finditer(alternative):
        if phrases.STABLE.search(piece.group(0)):
            return not phrases.OTHER_OR.search(piece.group(0)) and not phrases.PATIENT_STABLE.search(piece.group(0))
    return False


def _names_condition(text: str) -> bool:
    """Whether an exception's words, a washout taken out, still set a condition on the metastases."""
    return any(p.search(text) for p in (phrases.ASYMPTOMATIC, phrases.STABLE, phrases.TREATED, phrases.UNTREATED,
                                        phrases.NOT_ACTIVE, phrases.FITS_TREATED_STABLE))


def _alternative_verdicts(alternative: str, stable_rules_out_active: bool = True) -> tuple[Verdict, Verdict]:
    """Who an exception lets back in: (treated_stable, active) verdicts for one alternative.

    Only stable metastases ("allowed provided they are stable") leave out active ones, unless the rule is about
    untreated ones to begin with ("untreated brain metastases, unless stable": untreated, stable ones are in)."""
    # "(irradiated or not)", "whether treated or not": a status left open is no condition. It lets untreated ones in
    # too, so stability alone ("Stable brain metastases (treated or untreated) allowed") does not leave them out:
    # an untreated one may be stable.
    if phrases.TREATED_OR_NOT.search(alternative):
        stable_rules_out_active = False
    alternative = phrases.NEUTRAL_STATUS.sub(" ", alternative)
    if phrases.CAN_BE_TREATED.search(alternative):
        # "if all brain lesions can be treated with radiosurgery": fit for a treatment, a kind the profile does not
        # give; treated, stable ones are taken to be, active ones a question.
        alternative = phrases.CAN_BE_TREATED.sub(" ", alternative)
        if not (phrases.TREATED.search(alternative) or phrases.UNTREATED.search(alternative)
                or phrases.NOT_ACTIVE.search(alternative)):
            return E, U
    treated, active = _state_verdicts(alternative, stable_rules_out_active)
    if active != X:
        return treated, active
    # "...; prior radiotherapy to CNS lesions must have been completed 14 days before": a washout for those who had
    # it, which a treated one meets, not a demand that they be treated; "Asymptomatic lesions may be treated at the
    # investigator's discretion": a treatment they may get. The rest of the alternative says whether untreated ones
    # are in (when the rule is about asymptomatic ones, its subject is the condition: a question).
    without_washout = phrases.OPTIONAL_TREATMENT.sub(" ", phrases.WASHOUT_CLAUSE.sub(" ", alternative))
    if without_washout == alternative:
        return treated, active
    if _names_condition(without_washout):
        return treated, _state_verdicts(without_washout, stable_rules_out_active)[1]
    return treated, (active if stable_rules_out_active else U)


def _state_verdicts(alternative: str, stable_rules_out_active: bool) -> tuple[Verdict, Verdict]:
    """(treated_stable, active) for one alternative's words, read by the states they name."""
    requires_inactive = bool(phrases.NOT_ACTIVE.search(alternative))
    rest = phrases.NOT_ACTIVE.sub(" ", alternative)
    # "must not have been previously treated": the treatment word inside a negated one is no treated alternative
    treated = bool(phrases.TREATED.search(phrases.UNTREATED.sub(" ", rest)))
    untreated = bool(phrases.UNTREATED.search(rest))
    if untreated and not treated:
        return X, U
    if treated or requires_inactive:
        return E, X
    if stable_rules_out_active and _stable_only(rest):
        return E, X
    if phrases.FITS_TREATED_STABLE.search(rest):
        return E, U
    return U, U  # a condition we cannot read ("if approved by the sponsor")


def _loosen(statement: dict[str, Any], region: str, asymptomatic_subject: bool = False) -> None:
    """Apply an exception: its best alternative lets patients back in. `asymptomatic_subject`: the rule is about the
    ones without symptoms, which an untreated metastasis may be and still be stable ("Asymptomatic brain metastases
    must be stable"), so stability alone does not leave active ones out."""
    stable_rules_out_active = not statement.get("untreated_subject") and not asymptomatic_subject
    alternatives = _alternatives(region)
    options = [_alternative_verdicts(a, stable_rules_out_active) for a in alternatives]
    if not options:
        return
    # ("untreated brain metastases, unless < 5 mm": a limit on the untreated ones, not on treated ones)
    treated_banned = statement["treated_stable"] != E
    statement["treated_stable"] = _most(
        [statement["treated_stable"], *(o[0] for o in options)], restrictive=False)
    statement["active"] = _most([statement["active"], *(o[1] for o in options)], restrictive=False)
    treated_in = [a for a, o in zip(alternatives, options, strict=True) if o[0] == E]
    if treated_in and all(_treated_within_limit(a) for a in treated_in) and (
            treated_banned or any(phrases.TREATED.search(a) for a in treated_in)):
        # "Active CNS metastases; previously irradiated ones are allowed if no lesion exceeds 2 cm": treated ones are
        # let in only within a size or count no profile gives (whether or not the ban itself named them).
        statement["treated_stable"] = U
        statement["treated_limited"] = True


def _treated_within_limit(alternative: str) -> bool:
    """An alternative letting treated metastases in within a size or count ("if all lesions are < 2 cm"); not when
    untreated or new ones are named beside it, whose limit it may be ("..., and untreated lesions < 1 cm too")."""
    return _size_or_count_limit(alternative) and not phrases.UNTREATED_GROUP.search(alternative)


def _names_state(text: str) -> bool:
    states = (phrases.TREATED, phrases.UNTREATED, phrases.NOT_ACTIVE, phrases.FITS_TREATED_STABLE)
    return any(p.search(text) for p in states)


def _subject(before: str) -> str:
    """Whom a permission is about: "treated", "active" brain metastases, "both" or "any"."""
    rest = phrases.NOT_ACTIVE.sub(" ", before)
    treated = bool(phrases.TREATED.search(phrases.UNTREATED.sub(" ", rest)))
    untreated = bool(phrases.UNTREATED.search(rest))
    if treated and untreated:
        return "both"  # "treated or untreated asymptomatic brain metastases are eligible, provided ..."
    if treated and phrases.EITHER_TREATED.search(rest):
        return "both"  # "asymptomatic and/or treated brain metastases": untreated, asymptomatic ones are let in too
    if treated:
        return "treated"
    if untreated:
        return "active"
    return "any"


def _symptomatic_subject(before: str, after: str) -> bool:
    """ "Symptomatic CNS metastases must have been treated", "Brain metastases that are symptomatic must be
    irradiated": the rule's subject is the ones with symptoms (its words before the mention, or its own clause
    before the modal)."""
    if phrases.SYMPTOMATIC_SUBJECT.search(before) or phrases.SYMPTOMS_OF.search(before):
        return True
    modal = phrases.MUST_AFTER.search(after) or phrases.PERMIT_AFTER.search(after)
    return modal is not None and bool(phrases.SYMPTOMATIC_SUBJECT.search(after[:modal.end()]))


def _relative_subject(subject: str, after: str) -> str:
    """ "Patients whose brain metastases have been irradiated and are stable may enrol": the states named between the
    mention and the permission's verb say whom it is about, as words before the mention would."""
    if subject != "any" or not (verb := phrases.PERMIT_AFTER.search(after)):
        return subject
    return _subject(after[:verb.start() + len(verb.group(0))])


def _own_clause_before_verb(after: str) -> str:
    """ "... that are stable without need of steroid | may be enrolled": the mention's own words before its verb."""
    verb = phrases.EXCEPTION_CUE.search(after)
    return _without_open_status(after[:verb.start()]) if verb else ""  # ("with or without symptoms" names none)


def _qualified_permission(sentence: str, before: str, around: str, subject: str,
                          own_clause: str = "") -> dict[str, Any] | None:
    """ "Asymptomatic untreated brain metastases are allowed": the words before the mention say which
    ones are; active ones outside them (symptoms not given) are a question. Unqualified, no rule.
    `own_clause` is the mention's own words before the verb ("... that are stable", "... stable without need of
    steroid for 2 weeks"): stable ones are let in, of the others it says nothing plain."""
    limited = (phrases.FITS_TREATED_STABLE.search(before) or phrases.SIZE.search(before)
               or phrases.MEASURED_SIZE.search(before) or phrases.SMALL.search(around))
    if subject in ("active", "both"):
        return _statement("conditional", sentence, E, E, U) if limited else None
    if subject == "any" and limited:
        if phrases.TREATED_OR_NOT.search(sentence):
            # "Stable brain metastases (treated or untreated) allowed": untreated ones are let in if stable
            return _statement("conditional", sentence, E, E, U)
        return _conditional(sentence, before, subject)
    if subject == "any" and phrases.FITS_TREATED_STABLE.search(own_clause):
        return _statement("conditional", sentence, E, E, U)
    if subject == "treated":  # "treated brain metastases are allowed": untreated ones are a question
        return _statement("conditional", sentence, E, E, U)
    return None


# ---------------------------------------------------------------- reading one criterion
def _conditional(sentence: str, conditions: str, subject: str, permits: bool = False,
                 asymptomatic: bool = False) -> dict[str, Any]:
    """ "Brain metastases are allowed provided ...": only those meeting the conditions may join. `permits`: the
    sentence lets them in ("are allowed", "may enrol"), not only sets a condition ("must have completed ...").
    `asymptomatic`: the subject is the ones without symptoms (a subgroup, see _loosen)."""
    if subject == "active":
        return _statement("conditional", sentence, E, E, U)
    statement = _statement("conditional", sentence, E, X, X)
    _loosen(statement, conditions, asymptomatic and subject == "any")
    if subject == "treated":
        # "Subjects with treated brain metastases are allowed but should be neurologically stable", "Previously
        # irradiated CNS metastases are permitted provided they are radiologically stable": the sentence sets the
        # terms on which brain metastases may join, and only treated ones meet them; untreated, active ones are left
        # out (as the labels read "allowed only if treated and stable"). Conditions it cannot read (or none that an
        # active one fails) leave active ones a question.
        # A condition alone ("Patients with treated brain metastases must have completed radiotherapy 14 days before")
        # is about treated ones only and says nothing of untreated ones.
        if not permits:
            statement["active"] = E
        else:
            treated_in = statement["treated_stable"] == E or statement.get("treated_limited", False)
            statement["active"] = X if statement["active"] == X and treated_in else U
            if statement["active"] == X:
                statement["treated_only"] = True  # another criterion letting untreated ones in makes it a question
    elif subject == "both" and statement["active"] == X:
        statement["active"] = U  # untreated ones are let in too, on conditions of their own
    return statement


def _group_name_in_tag(sentence: str, start: int, end: int) -> bool:
    """Is the mention the name of a group, inside a bracketed scope tag ("(Part A and Part B, BM cohort)",
    "(brain metastases arm only)") or as a heading ("Drug X brain metastases (BM) cohort:")? It says whom the
    sentence or the bullets under it bind, not what they must have (those bullets say it)."""
    named = phrases.GROUP_NAME_AFTER.match(sentence, end)
    if named is None:
        return False
    opened = sentence.rfind("(", 0, start)
    return opened > sentence.rfind(")", 0, start) or phrases.HEADING_REST.match(sentence, named.end()) is not None


def _mention_statements(
    criterion: Criterion, index: int, sentences: list[str], header_requires: bool,
    last: dict[str, Any] | None, follow: str = "", alternative: bool = False, head_requires: bool = False,
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Statements from one sentence; `last` is the criterion's open exclusion, which a permission loosens.

    `follow` is the text of the criteria a sentence ending in a colon introduces ("eligible if they are:");
    `alternative` says the criterion is one of "one of the following:", where a bare state is what it asks;
    `head_requires` that its head asks for one of them ("Patients must have either:").
    """
    sentence = _without_other_disease_exception(sentences[index])
    exclusion = criterion.section == "exclusion"
    mention = phrases.BRAIN_METS.search(sentence)
    if mention and phrases.LAY_SPREAD.match(mention.group(0)) and not phrases.SPREAD_SUBJECT.search(
            sentence, max(0, mention.start() - 60), mention.start()):
        mention = None  # "infection spreading to the brain": not the cancer
    span = mention.span() if mention else None
    disease = phrases.SITE_WORDS.possible(sentence) and phrases.BRAIN_DISEASE.search(
        sentence, 0, span[0] if span else len(sentence))
    if disease and disease.group("site").lower().endswith(("lesion", "lesions")) and phrases.OTHER_CAUSE_AFTER.match(
            sentence, disease.end()):
        disease = None  # "untreated brain lesions from a prior stroke"
    if disease:
        span = disease.span("site")  # "symptomatic CNS disease": its qualifier stays before the mention
    elif span is None and "nvolvement" in sentence and (involvement := phrases.CNS_INVOLVEMENT.search(sentence)):
        span = involvement.span("site")  # "NSCLC with CNS involvement"
    shared_qualifier = ""
    if not disease and span is None and "etasta" in sentence and (
            shared := phrases.SHARED_SITE_METS.search(sentence)):
        # "Symptomatic CNS tumour, metastases or ...": the list's CNS metastases, with the list's qualifier
        span, shared_qualifier = shared.span("site"), shared.group("qualifier")
    if sentence.rstrip().endswith(":") and follow:
        sentence_and_list = f"{sentence} {follow}"
    else:
        sentence_and_list, follow = sentence, ""
    if span is None:
        if (borrowed := _borrowed_site_ban(sentence, exclusion)) is not None:
            return [borrowed], last  # "Any distant metastasis, including CNS": the list's "CNS" is CNS metastases
        if last is not None and (phrases.BARE_PERMIT.search(sentence) or (
                follow and phrases.FOLLOWING_ALLOWED.search(sentence))):
            # "Treated metastases ... will be allowed.", "Note: the following are allowed:" over a list
            _loosen(last, sentence_and_list)
        return [], last
    start, end = span
    if exclusion and criterion.parent and (phrases.FOLLOWING_ALLOWED.search(criterion.parent)
                                           or _lists_exceptions(criterion.parent)):
        # A sub-bullet of "Note: the following are allowed:" (or of "Brain metastases, with the following
        # allowances:") in the exclusions: a group let in, not one shut out. The ban above reads it as its exception.
        return [_allowance(sentence_and_list)], last
    if phrases.EXCEPTION_START.match(sentence):
        # "Except: patients with brain metastases that were treated and are stable": an exception to the exclusion
        # before it (in this criterion or, as a bullet of its own, the trial's), not a rule of its own.
        if last is not None:
            _loosen(last, sentence_and_list)
        return [_allowance(sentence_and_list)], last
    if ("rom" in sentence or "econdary" in sentence) and _other_primary_origin(sentence, end):
        return [], last  # "Brain metastases from small cell lung cancer or lymphoma": other cancers' metastases
    before = f"{shared_qualifier} " if shared_qualifier else _before_window(sentence, start)
    if "f " in sentence and (conditioned := _if_patient_condition(sentence, start, end)) is not None:
        return [conditioned], last
    if _scan_reason(sentence, start, end) or _scan_for_those_with(sentence, start):
        return [], last  # "must have a brain MRI because of the high risk of brain metastases"
    if _group_name_in_tag(sentence, start, end):
        return [], last  # "WHO performance status 0-1 (Part A and Part B, brain metastases cohort)": a part's name
    # "Symptomatic brain metastases, with or without prior WBRT": a status or treatment named only as left open is
    # neither a reason to read past the mention nor a rule of its own about earlier treatment.
    treatment_words = _without_open_status(sentence)
    near = treatment_words[max(0, start - 40):min(len(sentence), end + 40)]
    if (spread_ban := _example_of_excluded_spread(sentence, start, exclusion, end)) is not None:
        # "Any evidence of distant metastatic disease, including brain metastases on MRI": brain metastases are one
        # of the metastases excluded, whatever their state ("No distant metastases, including no brain metastases",
        # as an inclusion, the same; "..., unless treated and stable" lets those back in).
        return [spread_ban], last
    if (phrases.IGNORE_NEAR.search(near) or phrases.IF_PATIENT.search(sentence[max(0, start - 200):start])
            or phrases.ASSESSED_BY.match(sentence) or phrases.COUNTED_IN.match(sentence)
            or phrases.INCLUDING_BEFORE.search(sentence[max(0, start - 60):start])
            or (not exclusion and _population_example(sentence, start))
            or _only_in_exception(sentence, start)):
        return [], last
    if exclusion and _prior_brain_radiotherapy(treatment_words):
        return [], last  # read as its own rule
    if exclusion and phrases.PRIOR_WHOLE_BRAIN.search(treatment_words) and not phrases.EXCEPTION_CUE.search(sentence):
        # "Prior WBRT for brain metastases": an earlier treatment's kind, which the profile does not give and the
        # labels read as no limit on treated, stable metastases (like "Prior whole brain radiotherapy" alone).
        return [], last
    # "...allowed if asymptomatic; no other malignancy, except ...": two rules in one bullet; the mention's is read
    # alone (offsets kept: only the tail goes).
    sentence = sentence[:end] + _before_other_topic(sentence[end:])
    if purpose_of(sentence) == "other_cancer" and not phrases.LAY_SECONDARY.search(sentence):
        return [], last  # "another malignancy with brain metastases": not the patient's NSCLC
    if _example_in_washout(sentence, start):
        return [], last  # "Prior radiotherapy (e.g., to brain metastases) within 2 weeks"
    excepted = phrases.EXCEPTION_BEFORE.search(sentence, max(0, start - phrases.LOOKBACK), start)
    if excepted and (subject := _cns_rule_subject(sentence[:excepted.start()])):
        # "CNS disease other than treated, stable brain metastases": the mention is the exception's, not the rule's.
        return _excepted_from_cns_rule(sentence, excepted.start(), subject, exclusion), last
    garbled = phrases.DOUBLE_NEGATIVE.search(sentence, max(0, start - phrases.LOOKBACK), start)
    if garbled:  # "No absence or irradiated and stable CNS metastatic disease"
        return [_garbled(sentence, sentence[garbled.end():], "absen" in garbled.group(0).lower())], last
    unless = "nless" in sentence and phrases.EXCLUDED_UNLESS.search(sentence, max(0, start - phrases.LOOKBACK), start)
    if unless:  # "Patients are excluded unless (their) brain metastases are treated and stable"
        return _excluded_unless(sentence, start, unless.start("unless"))
    if absence_or := phrases.ABSENCE_OR_BEFORE.match(sentence, 0, start):
        if exclusion:  # "Absence or ..." as an exclusion contradicts itself: a question for everyone
            return [_statement("garbled", sentence, U, U, U)], last
        # "Absence or irradiated and stable CNS metastatic disease": none, or the states named; no one else.
        states = sentence[absence_or.start("states"):end]
        if not _names_state(states):
            return [], last  # "Absence or presence of brain metastases": no rule
        statement = _statement("exclusion", sentence, E, X, X)
        _loosen(statement, states)
        if statement["treated_stable"] == X:
            statement["treated_stable"] = U  # "none, or untreated asymptomatic ones": treated ones are not named
        return [statement], statement
    negated = _negated_before(sentence, start, exclusion)
    if exclusion and negated and phrases.ELIGIBLE_IF_NONE.search(sentence, max(0, start - phrases.LOOKBACK), start):
        exclusion = False  # "Patients are eligible only if they have no brain metastases", listed as an exclusion
    if exclusion and not negated and phrases.PERMIT_BEFORE.search(sentence, max(0, start - phrases.LOOKBACK), start):
        exclusion = False  # "Participants are eligible if CNS metastases are treated and ...", listed as an exclusion
    # Asides out before the window is cut: a long bracket ("who have been treated and are stable (no progression
    # for 4 weeks, ..., off steroids for 3 days) are allowed") would otherwise be cut open and hide the verb.
    after_text = _verb_side(phrases.ASIDE.sub("", phrases.INCLUDING_ASIDE.sub(" ", sentence[end:end + 400], 1))[:200])
    shut_out = bool(phrases.EXCLUDED_AFTER.match(after_text))
    if not exclusion and shut_out:
        exclusion = True  # "patients with active brain metastases are excluded", in any section
    permits = bool(phrases.PERMIT_AFTER.search(after_text)) and not phrases.NOT_ALLOWED.search(after_text[:60])
    must = bool(phrases.MUST_AFTER.search(after_text)) and not shut_out  # ("must not be enrolled" shuts them out)
    if not exclusion and not negated and not (permits or must):
        # "Patients with brain metastases only if treated and stable"; "Asymptomatic brain metastasis; must have
        # completed radiotherapy/radiosurgery and be off steroids": a permission whose conditions follow.
        permits = bool(phrases.ONLY_IF_AFTER.match(after_text))
        must = bool(phrases.MUST_NEXT.match(after_text))
    if not exclusion and not negated and phrases.REQUIRED_AFTER.match(after_text):
        # "Untreated brain metastases must be present", "Active brain metastases are required"
        return [_requirement(sentence, before, _after_window(sentence, end), sentence[end:])], last
    # Conditions of a permission may run on into the next few sentences of the same bullet.
    # (", including untreated ones," says which metastases the permission reaches, not a condition they must meet)
    rest_of_criterion = " ".join([phrases.INCLUDING_ASIDE.sub(" ", _before_other_topic(sentence[end:]), 1),
                                  *_condition_sentences(sentences, index), follow])

    window_start = max(0, start - phrases.LOOKBACK)
    object_of = phrases.OBJECT_BEFORE.search(sentence[window_start:start])
    if (permits or must) and object_of and phrases.TREATMENT_OBJECT.match(object_of.group(0)):
        return [], last  # "prior radiotherapy for brain metastases is allowed if ...": about the treatment

    if permits or must:
        subject = _subject(before)
        # "Asymptomatic brain metastases must be ...", "brain metastases without symptoms may enrol if ...".
        verb = phrases.PERMIT_AFTER.search(after_text) or phrases.MUST_AFTER.search(after_text)
        asymptomatic = subject == "any" and bool(phrases.ASYMPTOMATIC.search(
            f"{before} {after_text[:verb.end()] if verb else ''}"))  # (both verb patterns match from the start)
        if joined := _joined_group(phrases.ASIDE.sub("", sentence[end:end + 200])):
            subject = _either_subject(subject, before, joined)
        relative = False
        if must and not permits and subject == "any" and (modal := phrases.MUST_AFTER.search(after_text)):
            # "Brain metastases that have been treated with radiotherapy should be stable": the subject's own clause
            # says whom the rule is for, as words before the mention would; of the others it says nothing plain.
            subject = _subject(after_text[:modal.end()])
            relative = subject != "any"
        statements: list[dict[str, Any]] = []
        # "(untreated brain metastases are ineligible)": whom the permission leaves out, not one of its conditions.
        refused = phrases.NEGATIVE_ASIDE.search(sentence, end) if permits and "(" in sentence else None
        if refused:
            rest_of_criterion = phrases.NEGATIVE_ASIDE.sub(" ", rest_of_criterion)
            sentence_and_list = phrases.NEGATIVE_ASIDE.sub(" ", sentence_and_list)
        if permits or _names_state(sentence[end:]):
            # Whom it lets in also loosens a bare exclusion elsewhere in the trial ("Brain metastases").
            statements.append(_allowance(phrases.NEGATIVE_ASIDE.sub(" ", f"{before}{sentence[start:]} {follow}")))
        exception = last is not None and permits
        if last is not None and permits:  # "... Patients with treated brain metastases may participate"
            _loosen(last, sentence_and_list)
        # "must ..." only sets a brain rule when it names a state ("must be stable after local therapy"), itself or
        # in the list its colon opens ("must meet ALL of the following:" / "Post-treatment imaging shows stability").
        all_listed = bool(follow) and bool(phrases.ALL_OF.search(sentence, end)) and not phrases.ONE_OF.search(sentence)
        # A subject naming a state ("New asymptomatic brain metastases found at screening must be <= 1 cm") is a rule
        # for those, never a requirement: whom it leaves out of the others is _conditional's to say.
        if must and not permits and subject == "any" and not _names_state(
                f"{sentence[end:]} {follow if all_listed else ''}"):
            return statements, last
        if must or phrases.CONDITION.search(after_text):
            rest_of_criterion = _own_symptom_group(rest_of_criterion, asymptomatic,
                                                   _symptomatic_subject(before, after_text))
            if permits and subject == "any" and phrases.PERMITTED_UNTREATED.match(after_text):
                subject = "active"  # "... are allowed without prior local treatment": untreated ones are let in
            made = _conditional(sentence, rest_of_criterion, subject, permits, asymptomatic)
            if relative and made["active"] == E:
                made["active"] = U  # untreated ones are neither named nor let in: a question
            if subject == "any" and made["active"] == X and _symptomatic_subject(before, after_text):
                made["active"] = U  # a rule on symptomatic ones: untreated ones without symptoms are not named
            if refused and subject == "treated" and phrases.UNTREATED.search(refused.group(0)):
                made["active"] = X  # the aside says so plainly; another group's permission of untreated ones may not
                made["treated_only"] = True
            elif permits and subject == "any" and made["treated_stable"] == E and made["active"] == X:
                # "Brain metastases are allowed if treated. Untreated ones are not excluded.": a permission on the
                # condition of treatment beside one of untreated ones (_untreated_let_in) leaves them a question
                made["treated_only"] = True
            if exception:
                # After an exclusion, its exception adds only the limits it states plainly ("allowed if
                # previously treated"): a condition it does not spell out is the exclusion's to settle.
                for state in ("none", "treated_stable", "active"):
                    made[state] = E if made[state] == U else made[state]
            if subject == "treated" and made["treated_stable"] == E and _size_or_count_limit(sentence[end:]):
                # "Treated brain metastases are eligible only if all lesions are <= 1 cm": a limit no profile gives
                made["treated_stable"] = U
            statements.append(made)
        elif permits and not exception and (made_by_subject := _qualified_permission(
                sentence, before, sentence[max(0, start - 70):end + 20], _relative_subject(subject, after_text),
                _own_clause_before_verb(after_text))):
            statements.append(made_by_subject)
        return statements, last

    if object_of and not exclusion and not negated and phrases.TREATMENT_OBJECT.match(object_of.group(0)):
        # "No prior resection or radiotherapy of brain metastases" as an inclusion: the negation stands before the
        # treatment, further from the mention than one of the mention's own.
        negated = bool(phrases.NEGATED_BEFORE.search(sentence, max(0, window_start - phrases.LOOKBACK),
                                                     window_start + object_of.start()))
    if object_of:
        if not exclusion and not negated:
            return [], last
        if phrases.NEED_BEFORE.search(sentence[window_start:window_start + object_of.start()]):
            # "requiring immediate local therapy for brain metastases": treated, stable ones need none now.
            return [_statement("needs_treatment", sentence, E, E, U)], last
        if phrases.TREATMENT_OBJECT.match(object_of.group(0)):
            if phrases.TIME_WINDOW.search(sentence):
                return [], last
            return [_prior_statement("prior_treatment", sentence)], last
        return [_statement("exclusion", sentence, E, E, U)], last

    if exclusion and negated:  # "leptomeningeal disease but no evidence of brain metastasis"
        return [], last
    if exclusion or negated:
        after = _after_window(sentence, end)
        if sentence[start:end].lower().startswith("metasta"):
            after = f"{sentence[start:end]}{after}"  # "metastases in the brain stem": the site's own words qualify
        listed = bool(_COLON_LIST.match(sentence, end)) or _comma_list(sentence, end)
        if follow and _CONDITIONS_LISTED.match(sentence, end):
            # "Brain metastases, if any of the following apply:" over "symptomatic", "require steroids", ...: the
            # list says which metastases are meant (any one of them, or all, as the lead-in says)
            after, listed = f"{after} {follow}", bool(phrases.ONE_OF.search(sentence))
        treated, active, _ = _defined(sentence, end) or _qualified(before, after, listed)
        if exclusion and _imaged_alternative(sentence, end):
            treated, active = _most([treated, U]), X
        statement = _statement("exclusion", sentence, E, treated, active)
        if active == X:
            # Whether untreated ones are out depends on the trial's other words: a permission elsewhere of some
            # untreated ones ("asymptomatic untreated ones <= 1 cm are allowed") makes an active patient a question
            # (see _untreated_let_in), whatever this ban calls them ("uncontrolled", "progressing", "untreated").
            statement["shuts_out_active"] = True
        if treated == X and active == X:
            statement["bare"] = True  # any brain metastases: an allowance elsewhere may loosen it
            if phrases.SEE_EXCEPTIONS.search(sentence):
                statement["see_exceptions"] = True  # "(see inclusion criterion 2 for exceptions)"
        if phrases.UNTREATED_SUBJECT.search(phrases.NEUTRAL_STATUS.sub(" ", f"{before} {after}")):
            statement["untreated_subject"] = True
        region_start = end
        cue = _exception_cue(sentence, end)
        if negated and not exclusion and (alt := phrases.OR_WITH.search(sentence, end) or phrases.OR_STATE.search(
                sentence, end)):
            cue = alt if cue is None or alt.start() < cue.start() else cue
        if cue:
            region_start = cue.start() if cue.group(0).lower().split()[0] in (
                "unless", "except", "exception", "exceptions", "excluding", "other", "with", "however", "provided",
                "providing", "as", "only", "if", "or") else _permission_start(sentence, end, cue.start())
            region = f"{sentence[region_start:]} {follow}"  # "unless all of the following:" + list
            if (other := _OTHER_GROUP_CLAUSE.search(region)) and not phrases.PERMITTING_CLAUSE.match(
                    region, other.start()):
                # "..., unless asymptomatic; patients with treated brain metastases must be clinically stable": the
                # clause after the semicolon sets another group's terms, not the exception's
                region = region[:other.start()]
            _loosen(statement, region)
            if any(p.search(region) for p in (phrases.ASYMPTOMATIC, phrases.SIZE, phrases.MEASURED_SIZE,
                                              phrases.SMALL)):
                # a ban with an exception an untreated lesion can meet ("unless < 5 mm and asymptomatic"): see
                # _untreated_let_in
                statement["excepted"] = True
        return [statement], statement

    # Inclusion, stated plainly: a requirement in a brain-metastasis trial, else the sentence lists
    # which brain metastases are acceptable ("untreated asymptomatic ... or treated and stable").
    # "Patients must:" over sub-bullets that all hold (not "must meet one of the following:")
    parent_requires = index == 0 and bool(phrases.MUST_PARENT.search(criterion.parent)) and not _asks_one_of(
        criterion.parent)
    # "Cohort C: NSCLC with untreated brain metastases": a cohort defined by its brain metastases.
    # (A phase is not a group defined by its patients: "Phase 1: patients with brain metastases ..." sets a rule.)
    cohort_requires = (criterion.scope is not None and criterion.scope.kind not in ("condition", "phase")
                       and bool(phrases.WITH_BEFORE.search(sentence[max(0, start - 60):start])))
    # "New or enlarging brain metastases", "Radiographic CNS progression (new or growing brain metastases, ...)" as
    # a bullet of its own: the trial is for those, whoever else it may take.
    active_subject = index == 0 and not alternative and criterion.depth == 0 and _active_subject(sentence, start, end)
    requires = (header_requires or parent_requires or cohort_requires or active_subject
                or phrases.MUST_HAVE.search(sentence[:start])
                or _documented(sentence, start, end) or _lay_requirement(sentence, start)
                or _origin_requirement(sentence, start, end))
    if requires and not phrases.IF_ANY.search(sentence):  # "..., if present" is a condition, not a requirement
        made = _requirement(sentence, before, _after_window(sentence, end), sentence[end:])
        if active_subject and made["active"] == E and _sized(_own_clause(sentence, end)):
            made["active"] = U  # "Untreated brain metastases >= 5 mm": whether an active one is that large
        return [made], last
    statement = _statement("conditional", sentence, E, X, X)
    _loosen(statement, sentence)
    if head_requires and index == 0:
        # "Patients must have either: / untreated brain metastases >= 5 mm, or": one alternative of what every
        # patient must have; a patient without brain metastases does not have it, the others per its words.
        statement["none"] = X
    for state in () if alternative else ("treated_stable", "active"):
        # Neither a requirement nor a permission: "untreated brain metastases" in an inclusion list may be
        # one permitted alternative, "patients with treated brain metastases will need repeat imaging"
        # is about something else. Whom it leaves out is a question, not an exclusion.
        if statement[state] == X:
            statement[state] = U
    return [statement], last


def _own_symptom_group(conditions: str, asymptomatic: bool, symptomatic: bool) -> str:
    """A permission's conditions up to a clause about the other symptom state's metastases ("Asymptomatic brain
    metastases are allowed untreated; symptomatic ones must be treated and stable"): that clause binds only them, so
    an untreated metastasis of unstated symptoms stays a question, not out."""
    for clause in phrases.SYMPTOM_GROUP_CLAUSE.finditer(conditions):
        other_asymptomatic = clause.group("state").lower().lstrip().startswith(("a", "non"))
        if (asymptomatic and not other_asymptomatic) or (symptomatic and other_asymptomatic):
            return conditions[:clause.start()]
    return conditions


_LIMIT = re.compile(
    r"(?:[<≤]=?|\b(?:up\s+to|no\s+(?:more|larger|greater|bigger)\s+than|not\s+(?:more|larger|greater)\s+than|at\s+most"
    r"|smaller\s+than|less\s+than|under|maximum\s+of|a\s+maximum\s+of|fewer\s+than))\s*\d+(?:\.\d+)?\s*"
    r"(?:cm|mm|centimet\w*|millimet\w*|(?:brain\s+|cns\s+)?(?:lesions?|metastases|metastasis)\b)"
    r"|\b(?:no|none\s+of\s+the)\s+(?:lesions?|metastas[ie]s)\s+(?:exceeds?|larger\s+than|greater\s+than|over)\s*"
    r"\d+(?:\.\d+)?\s*(?:cm|mm)\b",
    re.I,
)


def _size_or_count_limit(conditions: str) -> bool:
    """A size or count the permitted metastases must keep within ("all lesions <= 1 cm", "up to 3 lesions")."""
    return bool(_LIMIT.search(conditions))


def _own_clause(sentence: str, end: int) -> str:
    """The mention's own words after it, up to the first comma, semicolon or aside."""
    return re.split(r"[,;(]", sentence[end:], maxsplit=1)[0]


def _sized(words: str) -> bool:
    """A measured size in the mention's own words ("untreated brain metastases >= 5 mm")."""
    return bool(phrases.MEASURED_SIZE.search(words) or re.search(r"[<>≤≥]=?\s*\d|\bup to \d", words))


def _active_subject(sentence: str, start: int, end: int) -> bool:
    """A bare inclusion whose subject is brain metastases in an active state ("New or enlarging brain metastases",
    "Patients with progressing CNS metastases"): the trial is for them. Not when the mention's own words read as
    the terms of a permitted kind ("Untreated brain metastases not requiring urgent local treatment")."""
    if not phrases.ACTIVE_SUBJECT_LEAD.match(sentence, 0, start):
        return False
    own = _own_clause(sentence, end)
    return not (phrases.FITS_TREATED_STABLE.search(own) or phrases.ASYMPTOMATIC.search(sentence))


def _verb_side(after: str) -> str:
    """What follows a mention, without another CNS condition joined to it as one more subject of the same verb
    ("... brain metastases and/or asymptomatic leptomeningeal disease are eligible"): the verb is the mention's too."""
    after = _past_own_relative(after)
    joined = phrases.CONJOINED_CNS.match(after)
    return after[joined.end():][:160] if joined else after[:160]


def _past_own_relative(after: str) -> str:
    """What follows the mention's own short relative clause ("that are < 1 cm") or phrase ("after radiosurgery or
    surgery"), when a second group joined by "or" comes next; else all of it."""
    relative = phrases.LEADING_RELATIVE.match(after)
    if relative and phrases.CONJOINED_CNS.match(after[relative.end():]):
        return after[relative.end():]
    for joint in phrases.OR_JOIN.finditer(after, 0, 100):
        if phrases.OWN_PHRASE.fullmatch(after, 0, joint.start()) and phrases.CONJOINED_CNS.match(after[joint.start():]):
            return after[joint.start():]
    return after


def _joined_group(after: str) -> str:
    """The words of a second group of brain metastases joined to the mention by "or" ("... CNS metastases or with
    previously treated brain metastases may participate" gives "with previously treated"), else ""."""
    after = _past_own_relative(after)
    joined = phrases.CONJOINED_CNS.match(after)
    if not joined:
        return ""
    # "asymptomatic brain metastases, or (with) brain metastases that are stable after treatment, may enrol": the
    # second group's own relative clause, up to the shared verb, says whom it names as words before it would.
    group = joined.group("group") if joined.group("group") is not None else joined.group("bare")
    relative = phrases.JOINED_RELATIVE.match(after, joined.end()) if group is not None else None
    return f"{group or ''} {relative.group('words') if relative else ''}".strip()


def _either_subject(subject: str, before: str, joined: str) -> str:
    """Whom a permission is about when it names two groups joined by "or": treated ones, or others without symptoms
    (untreated ones among them), is both; otherwise the wider of the two."""
    other = _subject(joined)
    pair = {subject, other}
    if "both" in pair or pair == {"treated", "active"}:
        return "both"
    if "treated" in pair and "any" in pair:
        words = before if subject == "any" else joined
        return "both" if phrases.ASYMPTOMATIC.search(words) else "any"
    return subject


def _condition_sentences(sentences: list[str], index: int) -> list[str]:
    """The sentences after a permission that may carry its conditions, up to one naming brain metastases again: that
    one sets its own rule, often for a subset ("Any untreated brain metastases must be <= 20 mm"), not the whole's."""
    following = []
    listed = bool(phrases.ALL_OF.search(sentences[index]))  # "provided they meet all of the following: ...; ..."
    for sentence in sentences[index + 1:index + 1 + phrases.CONDITION_SENTENCES]:
        if not listed and (phrases.BRAIN_METS.search(sentence) or phrases.INTRACRANIAL_LESION.search(sentence)):
            break
        if purpose_of(sentence) == "other_cancer":
            break  # "No other malignancy, except adequately treated carcinoma in situ.": another rule, run on
        following.append(sentence)
    return following


def _before_other_topic(text: str) -> str:
    """A permission's words up to a clause after a semicolon about another cancer ("...; no other malignancy, except
    adequately treated carcinoma in situ"), which is another rule run on in the same bullet."""
    if ";" not in text:
        return text
    kept: list[str] = []
    for clause in text.split(";"):
        if kept and (purpose_of(clause) == "other_cancer" or _other_negated_rule(clause)):
            break
        kept.append(clause)
    return ";".join(kept)


def _other_negated_rule(clause: str) -> bool:
    """ "no active infection", "no other malignancy" after a semicolon: another rule, not the metastases'."""
    head = phrases.NEGATED_CLAUSE_HEAD.match(clause)
    return head is not None and not phrases.METASTASIS_WORD.search(head.group(1))


# What may stand before the mention in a bare bullet: a few words that name whom, never a verb, negation or condition.
_BARE_LEAD = re.compile(
    r"^\W*(?:(?:patients?|subjects?|participants?|those|adults?)\s+(?:with|having)\s+)?"
    r"(?:(?!(?:no|not|without|if|when|unless|except|any|history|prior|previous\w*)\b)[\w-]+\s+){0,3}$",
    re.I)
# "lung" sharing the noun of a list ("from lung or breast cancer", "lung, renal and breast primaries"); not the "lung"
# of small cell lung cancer.
_DISTRIBUTED_LUNG = re.compile(r"(?<!small cell )(?<!small-cell )\blung\b(?=\s*(?:,|/|\band\b|\bor\b))", re.I)


def _other_primary_origin(sentence: str, end: int) -> bool:
    """ "Brain metastases from small cell lung cancer, germ cell tumours, lymphoma or leukaemia": the rule is about
    metastases of other cancers, which an NSCLC patient's are not; whatever their state, it sets no brain rule for
    them. Only when every primary named is another cancer (not NSCLC, lung cancer, "any solid tumour")."""
    origin = phrases.ORIGIN_AFTER.match(sentence, end)
    if origin is None:
        return False
    primaries = origin.group("primaries")
    v = vocab()
    if v["nsclc"].search(primaries) or phrases.ANY_PRIMARY.search(primaries):
        return False
    masked = mask(primaries, v["sclc"])
    if v["lung_cancer"].search(masked) or _DISTRIBUTED_LUNG.search(masked):
        return False  # "from lung cancer", "from lung or breast cancer": the patient's own may be meant
    return bool(v["other_cancers"].search(primaries))


def _origin_requirement(sentence: str, start: int, end: int) -> bool:
    """ "Brain metastases from lung or breast cancer" as an inclusion of its own: the bullet names the trial's
    population by where its brain metastases come from, so the patient must have them. Only when the origin clause
    ends the sentence and no more than a few plain words ("Patients with", "Known") come before the mention."""
    origin = phrases.ORIGIN_AFTER.match(sentence, end)
    if origin is None or sentence[origin.end():].strip(" .,"):
        return False
    lead = sentence[:start]
    # (a state before it, "newly diagnosed", "untreated", is left to the plain reading: which ones it lets in)
    return bool(_BARE_LEAD.match(lead)) and not _names_state(lead) and not phrases.STATE_WORD.search(lead)


def _lay_requirement(sentence: str, start: int) -> bool:
    """ "You have cancer that has spread to the brain", "Your cancer has spread to your brain": lay words asking for
    brain metastases (the mention "spread to the brain" after what the patient has)."""
    return (sentence[start:start + 6].lower() == "spread" or bool(phrases.LAY_SECONDARY.match(sentence, start))) and \
        bool(phrases.LAY_HAVE.search(sentence, 0, start))


def _negated_before(sentence: str, start: int, exclusion: bool) -> bool:
    """A negation before the mention: "No active brain metastases"; in an inclusion, also across a list of other CNS
    conditions ("must not have leptomeningeal disease, spinal cord compression or brain metastases unless ...")."""
    if phrases.NEGATED_BEFORE.search(sentence, max(0, start - phrases.LOOKBACK), start):
        return True
    if sentence[start:start + 6].lower() == "spread" and phrases.SPREAD_NEGATED.search(sentence, 0, start):
        return True  # "the cancer has not spread to the brain"
    if exclusion or not phrases.OTHER_CNS_CONDITION.search(sentence, 0, start):
        return False
    window = sentence[max(0, start - 2 * phrases.LOOKBACK):start]
    return bool(phrases.NEGATED_LIST_BEFORE.search(phrases.OTHER_CNS_CONDITION.sub("x", window)))


def _way_in(sentence: str) -> str | None:
    """The other way into a brain requirement that one sentence offers: "lepto" ("untreated brain metastases
    >= 5 mm, or leptomeningeal disease"; "untreated brain or leptomeningeal metastases"), "other" (an alternative
    that is not about the brain), or None (none, or one about brain metastases, read by the requirement itself)."""
    mention = phrases.BRAIN_METS.search(sentence)
    if mention is None:
        return None
    if phrases.LEPTO.search(mention.group(0)) and re.search(r"\bor\b|/", mention.group(0)):
        return "lepto"
    lepto_first = phrases.LEPTO_OR.search(sentence, 0, mention.start())
    if lepto_first and not phrases.BRAIN_METS.search(sentence, lepto_first.start(), mention.start()):
        return "lepto"
    flat = phrases.ASIDE.sub(lambda m: " " * len(m.group(0)), sentence)
    for way in phrases.OTHER_WAY_IN.finditer(flat, mention.end()):
        alternative = re.split(r"[;.]", flat[way.end():], maxsplit=1)[0]
        if _modifier_pair(flat, mention.end(), way):
            continue  # "from a primary or metastatic NSCLC", "histologically or cytologically": one way in
        if phrases.LEPTO.search(alternative) and not phrases.BRAIN_METS.search(alternative):
            return "lepto"
        if phrases.LOCAL_TREATMENT_START.match(alternative) and phrases.TREATED_WITH.search(
                flat, mention.end(), way.start()):
            continue  # "not treated with radiotherapy or surgery": two treatments of the same lesion
        elsewhere = phrases.OUTSIDE_BRAIN.search(alternative)  # "or 1 measurable lesion outside the brain"
        if not elsewhere and (phrases.SITE_WORDS.search(alternative) or phrases.STATE_WORD.search(alternative[:40])
                              or phrases.COUNTED_LESIONS.match(alternative)):
            continue  # "or brain metastases progressing after radiotherapy", "or stable treated ones"
        return "other"
    return None


# "brain metastases from a confirmed primary or metastatic NSCLC tumour": the cancer they come from, not a way in.
_ORIGIN_CLAUSE = re.compile(
    r"^\s*(?:that\s+(?:arise|originate)s?\s+|arising\s+|originating\s+|secondary\s+)?(?:from|to|of)\b[^,;.()]*$"
    # a list of primaries may run on with commas: "from lung, renal or breast primaries" (not "to the brain, spine or
    # meninges": sites, each a way in)
    r"|^\s*(?:that\s+(?:arise|originate)s?\s+|arising\s+|originating\s+)?from\b[^;.()]*$",
    re.I)
_ADVERB_PAIR = re.compile(r"\w+ly\s*$", re.I)
# "... while on alectinib, brigatinib or ceritinib": the "or" ends a list of the drugs the progression came on.
_THERAPY_LIST = re.compile(
    r"\b(?:while\s+(?:on|receiving|taking)|on\s+treatment\s+with|(?:during|despite)(?:\s+(?:treatment|therapy)\s+with)?)"
    r"\s+(?:[\w-]+\s*,\s*){0,5}[\w-]+\s*,?\s*$",
    re.I)
# ... and the list's last item: a name of a word or two, then the clause goes on or ends ("or ceritinib, with ...").
_LAST_DRUG = re.compile(
    r"(?!(?:[\w-]+\s+)?(?:disease|lesions?|metasta\w*|lepto\w*|meningeal|carcinomatosis|involvement|tumou?rs?|cancer)\b)"
    r"[\w-]+(?:\s+[\w-]+)?\s*(?:[,;.)]|$|\s+(?:with|while|and|after|before|for|in)\b)", re.I)


def _modifier_pair(flat: str, mention_end: int, way: re.Match[str]) -> bool:
    """The "or" joins two words of one phrase ("histologically or cytologically confirmed"), or sits in the
    clause naming where the metastases come from ("from a primary or metastatic NSCLC"): no other way in."""
    between = flat[mention_end:way.start()]
    if _THERAPY_LIST.search(between) and _LAST_DRUG.match(flat, way.end()):
        return True  # "progression while on alectinib, brigatinib or ceritinib": which drug, not another way in
    if "," in way.group(0):
        return False  # ", or ...": a new alternative
    if _ADVERB_PAIR.search(between) and re.match(r"\w+ly\b", flat[way.end():], re.I):
        return True
    # (the origin clause may follow other words of the mention's: "2 - 10 brain lesions per MRI, confirmed by
    # MRI, from a confirmed primary or metastatic NSCLC tumour")
    return bool(_ORIGIN_CLAUSE.match(between) or _ORIGIN_CLAUSE.match(between[between.rfind(",") + 1:]))


def _other_way_in(criterion: Criterion, statements: list[dict[str, Any]]) -> None:
    """A brain requirement with another way in ("Patients must have untreated brain metastases >= 5 mm, or
    leptomeningeal disease"): the qualifier on the brain metastases does not leave out patients the other
    alternative may take. Treated, stable (or active) patients may have leptomeningeal disease; patients without
    brain metastases have none of it, but may fit an alternative that is not about the CNS."""
    ways = {_way_in(sentence) for sentence in criterion.sentences()} - {None}
    if not ways:
        return
    loosened = ("treated_stable", "active") if ways == {"lepto"} else ("none", "treated_stable", "active")
    for statement in statements:
        if statement["kind"] == "exclusion" or statement["none"] != X:
            continue  # only what the trial asks every patient to have
        for state in loosened:
            statement[state] = U if statement[state] == X else statement[state]


def _only_in_exception(sentence: str, start: int) -> bool:
    """ "Prior chemotherapy or surgery for NSCLC (an exception is the resection of one CNS metastasis)": the CNS
    words sit in an exception, or an allowance in brackets, of a rule about treatment or other metastases that
    names no CNS site itself. The brain metastases are let off that rule; no brain rule is set."""
    openers = [m.start() for m in phrases.EXCEPT_OPENER.finditer(sentence, 0, start)][:1]
    openers += [m.start() for m in phrases.ASIDE.finditer(sentence, 0, len(sentence))
                if m.start() < start < m.end() and phrases.ALLOWANCE.search(m.group(0))]
    if not openers:
        return False
    rule = sentence[:min(openers)]
    if phrases.IMAGING_RULE.search(rule) and not phrases.BRAIN_METS.search(rule):
        # "Contraindication to MRI, unless brain metastases have already been documented", "Unable to undergo brain
        # MRI, unless brain metastases are already known": a rule about a scan, which known metastases are let off.
        return True
    return bool(phrases.RULE_SUBJECT.search(rule)) and not phrases.RULE_SITE.search(rule)


def _cns_rule_subject(rule: str) -> str | None:
    """What a rule before an exception naming brain metastases is about: "cns" (CNS disease, which takes in brain
    metastases of every kind), "neuro" (a neurological disorder, which may not) or None (something else)."""
    if phrases.CNS_RULE_SUBJECT.search(rule):
        return "cns"
    return "neuro" if phrases.NEURO_RULE_SUBJECT.search(rule) else None


def _excepted_from_cns_rule(sentence: str, opener: int, subject: str, exclusion: bool) -> list[dict[str, Any]]:
    """ "CNS disease other than stable and treated brain metastases" (or "No CNS disease other than ..." as an
    inclusion): the brain metastases the exception names are let in, the others are CNS disease and stay out. An
    exception naming no state ("CNS disease other than brain metastases") lets every one in: no brain rule. A
    neurological disorder may not take in brain metastases at all, so whom it leaves out is a question."""
    exception = sentence[opener:]
    if not (exclusion or phrases.SUBJECT_NEGATED.search(sentence[:opener])) or not _names_state(exception):
        return []
    out = X if subject == "cns" else U
    statement = _statement("exclusion", sentence, E, out, out)
    _loosen(statement, exception)
    return [statement]


def _example_in_washout(sentence: str, start: int) -> bool:
    """ "Prior radiotherapy (e.g., to brain metastases) within 2 weeks": the brain is an example of where a treatment
    with a time window was given. A washout, which treated, stable metastases are past."""
    example = phrases.EXAMPLE_BEFORE.search(sentence, max(0, start - 50), start)
    return bool(example and phrases.TIME_WINDOW.search(sentence)
                and phrases.WASHOUT_TREATMENT.search(sentence, 0, example.start()))


def _garbled(sentence: str, conditions: str, absence: bool) -> dict[str, Any]:
    """A sentence whose negations contradict each other ("No absence or irradiated and stable CNS metastatic
    disease", in either section): not understood in full, so it excludes no one. What it plainly lets in (no brain
    metastases; "irradiated and stable" ones) is read as eligible; whom it leaves out is a question."""
    statement = _conditional(sentence, conditions, "any")
    statement["kind"] = "garbled"
    for state in STATES:
        statement[state] = U if statement[state] == X else statement[state]
    if not (absence and phrases.ABSENCE_OR.match(conditions)):
        statement["none"] = U  # "not without brain metastases": whether none is meant to be fine is not clear
    return statement


def _excluded_unless(sentence: str, start: int, unless_at: int) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """ "Patients are excluded unless brain metastases are treated and stable": the mention is inside the exception,
    which says who is let in; "excluded unless they have no brain metastases" lets in only those without."""
    statement = _statement("exclusion", sentence, E, X, X)
    if not phrases.NEGATED_BEFORE.search(sentence[max(0, start - phrases.LOOKBACK):start]):
        _loosen(statement, sentence[unless_at:])
    return [statement], statement


def _allowance(text: str) -> dict[str, Any]:
    """A permission's words, kept to loosen bare exclusions in other criteria (see _apply_allowances); it sets no
    verdict of its own and is dropped before the rules are kept."""
    statement = _statement("allowance", text, E, E, E, E)
    statement["text"] = text
    return statement


def _untreated_let_in(statements: list[dict[str, Any]]) -> None:
    """ "Uncontrolled CNS metastases" (or "progressing", or "untreated") excluded beside "Untreated asymptomatic brain
    metastases ..." as an inclusion or permission, or beside a ban of untreated ones with an exception: the trial
    takes some untreated ones, so an untreated (active) patient is not shut out by that ban alone; a question. So
    too a permission of treated ones only ("Subjects with treated brain metastases are allowed if stable") beside
    one of untreated ones, or beside a requirement of them (a cohort for untreated brain metastases)."""
    # (a ban of untreated ones with an exception, "... unless < 5 mm and asymptomatic", lets some in)
    excepted = {id(s) for s in statements if s.pop("excepted", False) and s.get("untreated_subject")}
    flagged = [s for s in statements if s.pop("shuts_out_active", False) | s.pop("treated_only", False)]
    if not flagged:
        return

    def lets_untreated_in(other: dict[str, Any]) -> bool:
        if other.get("scope") and Scope.from_json(other["scope"]).other_disease:
            return False  # (another cancer's group letting untreated ones in says nothing of NSCLC's)
        if other["kind"] in ("requires_active", "requires_untreated"):
            # "Cohort D: at least one untreated brain metastasis >= 5 mm": a group the trial takes for its untreated
            # ones; a ban or a treated-only permission elsewhere cannot keep all untreated ones out.
            return other["active"] != X
        if other["kind"] == "allowance":
            words = other["text"]
        elif other["kind"] in ("conditional", "alternatives", "requires") or id(other) in excepted:
            words = other["evidence"]
        else:
            return False
        words = phrases.NOT_ACTIVE.sub(" ", words)
        # "Asymptomatic brain metastases are allowed": untreated ones without symptoms are among them (unless it names
        # treated ones only: "treated, asymptomatic ones are allowed").
        if not phrases.UNTREATED.search(words) and not (
                phrases.ASYMPTOMATIC.search(words) and not phrases.TREATED.search(words)):
            return False
        # (an allowance's verdicts are placeholders: whom its words let in)
        active = _allowance_lets_in(words)[1] if other["kind"] == "allowance" else other["active"]
        return active != X

    # Each statement is asked once (the trial's permissions are few; its bans may be many).
    letting_in = [other["evidence"] for other in statements if lets_untreated_in(other)]
    for statement in flagged:
        if any(evidence != statement["evidence"] for evidence in letting_in):
            statement["active"] = U


def _apply_allowances(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "Patients with treated and stable brain metastases are eligible" beside a bare exclusion "Brain metastases"
    (or "No known brain metastases") in another criterion: the exclusion does not reach the metastases the trial
    lets in. Only exclusions of any brain metastases are loosened, by allowances of the same scope."""
    allowances = [s for s in statements if s["kind"] == "allowance"]
    kept = [s for s in statements if s["kind"] != "allowance"]
    lets_in: dict[int, tuple[Verdict, Verdict]] = {}  # by allowance: read once, however many exclusions it loosens
    for statement in kept:
        see_exceptions = statement.pop("see_exceptions", False)
        if not statement.pop("bare", False) or statement["treated_stable"] != X:
            continue
        if see_exceptions and not any(statement.get("scope") in (None, a.get("scope")) for a in allowances):
            # It points at exceptions we did not find: whom they let back in is a question.
            statement["treated_stable"], statement["active"] = U, U
            continue
        for allowance in allowances:
            if statement.get("scope") not in (None, allowance.get("scope")):
                continue  # another group's exclusion
            if id(allowance) not in lets_in:
                lets_in[id(allowance)] = _allowance_lets_in(allowance["text"])
            treated, active = lets_in[id(allowance)]
            if treated == X and active != X:
                treated = U  # "untreated asymptomatic ones are eligible": treated, stable ones are a question
            if allowance.get("scope") != statement.get("scope"):
                # "Cohort B: treated brain metastases are eligible": the patient may fit that group, or not.
                treated, active = (_most([v, U]) for v in (treated, active))
            statement["treated_stable"] = _most([statement["treated_stable"], treated], restrictive=False)
            statement["active"] = _most([statement["active"], active], restrictive=False)
    return kept


def _allowance_lets_in(text: str) -> tuple[Verdict, Verdict]:
    """(treated_stable, active): whom an allowance's best alternative lets in."""
    options = [_alternative_verdicts(a) for a in _alternatives(text)]
    return _most([o[0] for o in options], restrictive=False), _most([o[1] for o in options], restrictive=False)


def _lesion_requirement(criterion: Criterion, sentence: str) -> list[dict[str, Any]]:
    """An inclusion counting brain lesions from one up or asking for a measurable one ("MRI showing >= 3 brain
    lesions", "at least one measurable intracranial lesion"): a patient without brain metastases is out; whether
    treated or active ones are enough lesions, or measurable, the profile does not say."""
    if criterion.section != "inclusion" or not phrases.LESION_SITE.possible(sentence):
        return []
    found = phrases.BRAIN_LESION_COUNT.search(sentence)
    if found is None:
        return []
    before = sentence[:found.start()]
    after = phrases.ASIDE.sub("", sentence[found.end():found.end() + 160])
    if phrases.ANY_SITE_LESION.search(sentence, max(0, found.start() - 40), found.end() + 60):
        return []  # "at least one measurable extracranial or intracranial lesion": anywhere will do
    if (phrases.LESION_CONDITION.search(before) or phrases.IF_ANY.search(sentence)
            or phrases.NEGATED_BEFORE.search(before[-phrases.LOOKBACK:]) or phrases.PERMIT_AFTER.search(after)
            or phrases.EXCLUDED_AFTER.match(after) or phrases.NOT_ALLOWED.search(after[:60])
            or phrases.NOT_REQUIRED_AFTER.match(after)):
        return []  # "if present, ...", "patients with 1-3 brain metastases are eligible": a condition or permission
    if phrases.WITH_SUBJECT.search(before) and phrases.MUST_AFTER.search(after):
        return []  # "Patients with measurable brain metastases must have one lesion >= 10 mm": a rule for those who do
    if _recording_rule(after):
        return []
    statement = _statement("requires_lesions", sentence, X, U, U)
    statement["one_lesion"] = bool(phrases.ONE_LESION.match(found.group(0)))
    return [statement]


def _progression_requirement(criterion: Criterion, sentence: str) -> list[dict[str, Any]]:
    """ "Radiographic CNS progression with at least one measurable lesion" as an inclusion of its own: the trial is for
    brain disease that is progressing; a patient without brain metastases, or with treated, stable ones, is out."""
    if criterion.section != "inclusion" or criterion.depth or not phrases.CNS_PROGRESSION_LEAD.match(sentence):
        return []
    if phrases.IF_ANY.search(sentence) or phrases.PERMIT_AFTER.search(sentence) or phrases.CONDITION.search(
            sentence, 0, 80):
        return []
    return [_statement("requires_active", sentence, X, X, E)]


def _no_disease_on_brain_imaging(criterion: Criterion, sentence: str) -> list[dict[str, Any]]:
    """ "Has no evidence of disease, including no new lesions on chest CT and brain imaging" as an inclusion: no
    brain metastases may show. Active ones are out; treated, stable ones may or may not count as disease left (a
    question); a patient not imaged is a question."""
    if criterion.section != "inclusion" or phrases.BRAIN_METS.search(sentence):
        return []
    found = phrases.NO_EVIDENCE_OF_DISEASE.search(sentence)
    if found is None or phrases.IF_ANY.search(sentence) or phrases.LESION_CONDITION.search(sentence, 0, found.start()):
        return []
    modal = _LATER_MODAL.search(sentence, found.end())
    if modal and _SCAN_ASKED.search(sentence, modal.end(), modal.end() + 60):
        return []  # "Patients with no evidence of disease on CT must have a brain MRI": a scan for them, not a limit
    return [_statement("no_disease", sentence, E, U, X)]


_LATER_MODAL = re.compile(r"\b(?:must|should|will|shall|(?:is|are)\s+required|needs?\s+to|may)\b", re.I)
# ... when a scan follows the modal: "A head CT or MRI without evidence of metastatic disease is required" asks for
# the clean scan itself (a limit), "... must have a brain MRI" asks for a scan.
_SCAN_ASKED = re.compile(r"\b(?:MRI|MR|CT|PET|imaging|scans?|scanned|imaged)\b", re.I)


def _recording_rule(after: str) -> bool:
    """ "Measurable CNS lesions >= 10 mm must be captured as intracranial target lesions": how lesions are recorded
    if a patient has them, not who may enrol. Not when the recording sits in a relative clause of a need ("a lesion
    that can be followed as a target lesion is required")."""
    found = phrases.RECORDING_AFTER.match(after)
    if found is None:
        return False
    return not phrases.RELATIVE_OR_NEED.search(after[:found.end()]) and not phrases.RELATIVE_OR_NEED.search(
        after[found.end():found.end() + 60])


def _imaged_alternative(sentence: str, end: int) -> bool:
    """ "Active and symptomatic brain metastases, or brain or pia mater disease found on CT or MRI during
    screening": besides the qualified mention, an alternative excludes any brain disease imaging shows, active
    ones included (treated ones are for the sentence's exception to settle)."""
    cue = phrases.EXCEPTION_CUE.search(sentence, end)
    region = phrases.ASIDE.sub(lambda m: " " * len(m.group(0)), sentence[end:cue.start() if cue else len(sentence)])
    return bool(phrases.IMAGED_ALTERNATIVE.search(region))


def _documented(sentence: str, start: int, end: int) -> bool:
    """An inclusion stating the disease as a fact to document ("Documented brain metastases (treated or
    untreated)", "Leptomeningeal metastases confirmed by CSF cytology"): a requirement for everyone it applies to."""
    prefix = sentence[:start]
    if not phrases.PLAIN_PREFIX.fullmatch(prefix):
        return False
    noun = phrases.MENTION_NOUN.match(sentence, end)  # "leptomeningeal| metastases confirmed by ..."
    after = noun.end() if noun else end
    return bool(phrases.DOCUMENTED.search(prefix) or phrases.DOCUMENTED_AFTER.match(sentence, after)
                or phrases.CANCER_WITH.search(prefix))


def _requirement(sentence: str, before: str, after: str, rest_of_sentence: str = "") -> dict[str, Any]:
    """A trial for patients with brain metastases; "uncontrolled" or "untreated" ones leave out treated, stable
    ones, unless the sentence names them as an alternative ("active, or stable treated, brain metastases")."""
    text = phrases.NEUTRAL_STATUS.sub(" ", f"{before} {after}")
    rest = phrases.NOT_ACTIVE.sub(" ", text)
    active_named = bool(phrases.STRONG_ACTIVE.search(rest) or phrases.WEAK_ACTIVE.search(rest)
                        or phrases.UNCONTROLLED.search(rest))
    # "NSCLC with asymptomatic (or stable, treated) brain metastases": whether active ones qualify is a question.
    limited = bool(phrases.FITS_TREATED_STABLE.search(rest) or phrases.TREATED.search(rest))
    if phrases.OR_ALTERNATIVE_STATE.search(phrases.ASIDE.sub(" ", rest_of_sentence)):
        # "active, or stable treated, brain metastases"; "asymptomatic ones, or ones clinically stable": the second
        # lets treated ones in, the first says whether active ones are.
        return _statement("requires", sentence, X, E, E if active_named or not limited else U)
    if phrases.LOCAL_SUITABILITY.search(rest_of_sentence):
        # "brain metastases not suitable for surgery or radiosurgery": which ones fit is not in any profile
        statement = _requirement(sentence, before, after, "")
        _unsettled_by_suitability(statement)
        return statement
    if active_named:
        return _statement("requires_active", sentence, X, X, E)
    if limited:
        return _statement("requires", sentence, X, E, U)
    if phrases.SYMPTOMS.search(rest):  # "with symptomatic brain metastases": treated, stable ones may have none
        return _statement("requires", sentence, X, U, E)
    return _statement("requires", sentence, X, E, E)


def _untreated_target_required(criterion: Criterion, brain_trial: bool) -> bool:
    """An inclusion criterion asking for a brain lesion that has not been treated.

    In a brain-metastasis trial the two may sit in different sentences of the criterion;
    elsewhere they must be said together ("one brain metastasis not previously irradiated").
    """
    if criterion.section != "inclusion" or not _names_untreated_lesion(criterion.context, brain_trial):
        return False
    # "Documented brain metastases (treated or untreated)" leaves the treatment open; "Brain metastases, including
    # untreated ones, are allowed" lets untreated ones in, asking for none; "Patients with untreated brain
    # metastases are not eligible" shuts them out.
    text = phrases.NEUTRAL_STATUS.sub(" ", phrases.INCLUDING_ASIDE.sub(" ", _without_symptom_allowances(
        " ".join(part for part in SENTENCE_END.split(criterion.context) if not phrases.NOT_ALLOWED.search(part)
                 and not phrases.EXCLUDED_AFTER.search(part)))))
    if re.search(r"\bstable\b", text, re.I) or phrases.PERMIT_AFTER.search(text):
        return False
    return _names_untreated_lesion(text, brain_trial)


def _without_symptom_allowances(text: str) -> str:
    """The criterion without its sentences that name neither a site nor a treatment state: "Asymptomatic patients, or
    patients with neurologically stable symptoms on steroids, are allowed" after "at least one brain lesion that has
    not received local treatment" adds who may join among those with such a lesion; it lets no treated one in."""
    kept = [part for part in SENTENCE_END.split(text)
            if phrases.LESION_SITE.search(part) or _names_treatment(part)]
    return " ".join(kept)


def _names_treatment(text: str) -> bool:
    return any(p.search(text) for p in (phrases.TREATED, phrases.UNTREATED, phrases.NOT_ACTIVE))


def _names_untreated_lesion(text: str, brain_trial: bool) -> bool:
    if not phrases.LESION_SITE.possible(text):
        return False  # both patterns need a site word ("brain", "CNS", ...): most criteria have none
    if brain_trial:
        return bool(phrases.INTRACRANIAL_LESION.search(text)) and bool(phrases.UNTREATED_TARGET.search(text))
    return bool(phrases.UNTREATED_LESION.search(text))


def _example_of_excluded_spread(sentence: str, start: int, exclusion: bool = True,
                                end: int | None = None) -> dict[str, Any] | None:
    """An exclusion of metastatic disease whose examples name brain metastases ("Distant metastases, including
    brain metastases", "(e.g. brain metastases)"), or the same ban as an inclusion ("No evidence of extra-thoracic
    metastatic disease, including no brain metastases"); not a treatment's object ("Prior radiotherapy, including to
    brain metastases") nor an exclusion with an exception or a permission. The ban's statement, or None."""
    including = phrases.EXAMPLES_BEFORE.search(sentence, max(0, start - 60), start)
    if including is None:
        return None
    # After "including" the mention has no reading of its own (it is skipped as an example), so an exclusion's
    # exception ("Extrathoracic metastases, including brain metastases, unless treated and stable") is read here.
    own_reading = not phrases.INCLUDING_BEFORE.search(sentence[max(0, start - 60):start])
    return _spread_ban(sentence, sentence[:including.start()], start if end is None else end, exclusion, own_reading)


def _spread_ban(sentence: str, head: str, end: int, exclusion: bool, own_reading: bool = True,
                ) -> dict[str, Any] | None:
    """The ban of a wider spread ("distant metastases") whose example list, ending at `end`, names the brain: all
    brain metastases out; in an inclusion, an exception after the list ("No distant metastases, including untreated
    brain metastases, unless treated and stable") lets in whom it names, and so does an exclusion's when the mention
    has no reading of its own (`own_reading`: "Distant metastases (e.g. brain, liver) unless treated and stable").
    None when the head is no ban of spread."""
    # "Distant metastases (e.g. brain, bone) cannot be included": an inclusion that says it shuts its head out.
    banned_tail = None if exclusion else phrases.BANNED_TAIL.search(sentence, end)
    if banned_tail is not None:
        exclusion, own_reading, sentence = True, False, sentence[:banned_tail.start()]
    # (closed asides out first: "metastatic disease on FDG-PET (or CT for non-avid tumours), including ...")
    head = _CLOSED_ASIDE.sub(" ", head)
    spread = phrases.SPREAD_HEAD.search(head)
    if spread is None or phrases.RULE_SUBJECT_TREATMENT.search(head):
        return None
    # An inclusion's list is a ban only under a negated head ("No distant metastases, including ..."); without one it
    # describes whom the trial takes ("Metastatic NSCLC, including patients with brain metastases").
    if not exclusion and not phrases.SPREAD_NEGATED_HEAD.search(head, 0, spread.start()):
        return None
    # (an inclusion's own closing verb, "Patients without distant metastases (including brain) can be enrolled", is
    # no exception)
    rest = sentence if exclusion else phrases.PLAIN_PERMIT_TAIL.sub("", sentence)
    cue = phrases.EXCEPTION_CUE.search(rest)
    statement = _statement("exclusion", sentence, E, X, X)
    if cue is None:
        return statement
    if exclusion and own_reading or cue.start() < end:
        return None  # (an exclusion's exception is read by the mention's own reading; one before the list, unread)
    # "No distant metastases, including untreated brain metastases, unless treated and stable": an inclusion's ban
    # with its exception, which the mention's own reading (an inclusion naming brain metastases) does not take.
    region = rest[cue.start():]
    if exclusion and phrases.PERMISSION_VERB.match(cue.group(0)):
        # A permission's verb comes after whom it lets in ("(treated, stable ones are allowed)"): read from the
        # list's end; with no one named in between ("Metastatic disease including brain metastases is allowed") the
        # whole exclusion is a permission, no ban.
        if not _names_state(rest[end:cue.start()]):
            return None
        region = rest[end:]
    _loosen(statement, region)
    if statement["treated_stable"] == X:
        statement["treated_stable"] = U  # an exception we could not read may well let them in
    return statement


def _borrowed_site_ban(sentence: str, exclusion: bool) -> dict[str, Any] | None:
    """A bare brain site as an item of a spread ban's example list ("Any distant metastasis, including CNS", "No
    distant metastases (e.g. brain, liver, bone)", "No extracranial or intracranial spread, e.g. to the brain"): the
    item borrows "metastases" from the head, so it bans brain metastases. Not an item with a noun of its own ("brain
    MRI", "CNS disorders", "brain biopsy"), nor a list of another cancer's spread."""
    if not any(word in sentence for word in ("etasta", "pread", "issemin", "tage", "M1", "m1")):
        return None
    for found in phrases.BORROWED_SITE_LIST.finditer(sentence):
        items = phrases.BORROWED_ITEM_SEP.split(found.group("list"))
        if not any(phrases.BARE_SITE_ITEM.match(item) for item in items if item.strip()):
            continue
        list_end = found.end("list")
        if found.group("open") and not sentence[list_end:list_end + 1] == ")":
            continue  # (a bracket that does not close on the list: not read)
        head = sentence[:found.start("opener")]
        after = _without_closing_verb(sentence, list_end, exclusion)
        if _names_state_or_lepto(f"{head} {found.group('list')}") or not phrases.BORROWED_LIST_AFTER.match(after):
            # "Symptomatic distant metastases (e.g. brain)", "Distant metastases (e.g. brain) that need radiotherapy":
            # a state or condition the bare item leaves unread
            return None
        if purpose_of(sentence) == "other_cancer":
            return None  # "Another malignancy with distant metastases (e.g. brain)"
        return _spread_ban(sentence, head, list_end, exclusion, own_reading=False)
    return None


def _names_state_or_lepto(words: str) -> bool:
    """Whether the head of a spread list names a state ("untreated", "symptomatic", "progressive") or the meninges."""
    return _names_condition(words) or any(p.search(words) for p in (
        phrases.STRONG_ACTIVE, phrases.WEAK_ACTIVE, phrases.SYMPTOMS, phrases.UNCONTROLLED, phrases.LEPTO))


def _without_closing_verb(sentence: str, list_end: int, exclusion: bool) -> str:
    """The words after a list with a closing verb that only restates the section ("... can be enrolled", "... cannot
    be included", an exclusion's "... are not allowed to be enrolled") taken off."""
    rest = sentence[list_end:]
    if not exclusion:
        rest = phrases.PLAIN_PERMIT_TAIL.sub("", rest)
    return phrases.BANNED_TAIL.sub("", rest)


def _population_example(sentence: str, start: int) -> bool:
    """An inclusion's example of whom it takes ("Metastatic NSCLC (e.g. with brain metastases)", "Stage IV NSCLC,
    such as patients with CNS metastases"): it widens the population and sets no brain rule, unless the head before
    it is negated ("No distant metastases, e.g. with brain involvement" is read as a ban elsewhere)."""
    example = phrases.POPULATION_EXAMPLE_BEFORE.search(sentence, max(0, start - 60), start)
    return example is not None and not phrases.SPREAD_NEGATED_HEAD.search(sentence, 0, example.start())


_CLOSED_ASIDE = re.compile(r"\s*\([^()]*\)")


def _prior_brain_radiotherapy(sentence: str) -> bool:
    """ "Previously received brain radiation therapy": whole-brain-only rules and time windows aside. An aside
    naming whole-brain radiotherapy beside radiosurgery ("Prior cranial radiotherapy (WBRT or SRS)") gives examples
    of any brain radiotherapy, not a whole-brain-only rule."""
    if not phrases.PRIOR_BRAIN_RT.search(sentence) or phrases.TIME_WINDOW.search(sentence):
        return False
    return not phrases.WHOLE_BRAIN.search(phrases.ANY_RT_ASIDE.sub(" ", sentence))


def _no_prior_brain_radiotherapy(sentence: str) -> bool:
    """ "No prior brain radiotherapy", "Must not have received cranial irradiation" as an inclusion: the same rule
    as "Prior brain radiotherapy" in the exclusions."""
    return bool(phrases.NO_PRIOR_BRAIN_RT.search(sentence)) and _prior_brain_radiotherapy(
        phrases.NO_PRIOR_BRAIN_RT.sub(" prior brain radiotherapy ", sentence, 1))


def _prior_statement(kind: str, sentence: str) -> dict[str, Any]:
    """A rule against earlier treatment of brain metastases. Whether a treated, stable patient's treatment was the
    one named is a question, unless the trial asks for brain metastases (see _untreated_wanted); "plain" says the
    sentence lets no treatment back in ("unless", "allowed", "provided") and names no drug treatment ("No prior
    systemic therapy for brain metastases": treated, stable ones were most often treated locally)."""
    statement = _statement(kind, sentence, E, U, E)
    if (not phrases.EXCEPTION_CUE.search(sentence) and not phrases.ALLOWANCE.search(sentence)
            and not phrases.SYSTEMIC_TREATMENT.search(sentence)
            and all(_treated_object(sentence, m.start()) for m in phrases.BRAIN_METS.finditer(sentence))):
        statement["plain"] = True
    return statement


def _treated_object(sentence: str, start: int) -> bool:
    """Is the mention at `start` what a treatment was given for ("resection or radiotherapy of brain metastases")?
    Elsewhere it names whom the rule is for ("Patients with recurrent brain metastases have received brain
    radiotherapy"): a group, of which a treated, stable patient may not be one."""
    found = phrases.OBJECT_BEFORE.search(sentence, max(0, start - phrases.LOOKBACK), start)
    return found is not None and bool(phrases.TREATMENT_OBJECT.match(found.group(0)))


def _untreated_wanted(statements: list[dict[str, Any]]) -> None:
    """A trial for patients with brain metastases that rules out their earlier radiotherapy or resection ("Brain
    metastases not suitable for surgery or radiosurgery" with "No prior brain radiotherapy"; "One to three brain
    metastases" with "No prior resection or radiotherapy of brain metastases") is for metastases not yet treated:
    treated, stable ones were treated so, and are out. Not when the trial lets treated ones in anywhere, nor for a
    rule with an exception or of one group only."""
    if any(s["kind"] in ("conditional", "alternatives") and s["treated_stable"] == E for s in statements) or any(
            s["kind"] == "allowance" and _allowance_lets_in(s["text"])[0] != X for s in statements):
        return
    for statement in statements:
        if statement.pop("plain", False) and "scope" not in statement and statement["treated_stable"] == U:
            statement["treated_stable"] = X


def _lepto_statements(criterion: Criterion, sentence: str, header_lepto: bool) -> list[dict[str, Any]]:
    mention = phrases.LEPTO.search(sentence)
    if mention is None or phrases.BRAIN_METS.search(sentence) or _only_in_exception(sentence, mention.start()):
        return []
    after = phrases.ASIDE.sub("", sentence[mention.end():mention.end() + 120])
    if phrases.PERMIT_AFTER.search(after) and not phrases.NOT_ALLOWED.search(after[:60]):
        return []
    negated = bool(phrases.NEGATED_BEFORE.search(sentence[max(0, mention.start() - phrases.LOOKBACK):mention.start()]))
    if criterion.section == "exclusion" or negated:
        return [_statement("leptomeningeal", sentence, E, E, E)]
    if header_lepto or phrases.MUST_HAVE.search(sentence[:mention.start()]) or (
            _documented(sentence, mention.start(), mention.end()) and not phrases.IF_ANY.search(sentence)):
        # "must have leptomeningeal ...", "Leptomeningeal metastases confirmed by CSF cytology"
        return [_statement("requires_leptomeningeal", sentence, X, U, U)]
    return []


def _header_requirement(text: TrialText) -> tuple[bool, bool]:
    """Does the title or condition list make this a brain (or leptomeningeal) metastasis trial?"""
    title = text.title
    if phrases.WITH_OR_WITHOUT.search(title):
        return False, False
    requirement = phrases.HEADER_REQUIRES.search(title)
    lepto_requirement = phrases.HEADER_LEPTO.search(title)
    requires = (requirement is not None and not phrases.PREVENTION.search(requirement.group(0))
                and not _widened(title, requirement))
    # "..., Including Patients With Brain or Leptomeningeal Metastases": the title lets them in, as for brain ones
    lepto = (lepto_requirement is not None and not phrases.PREVENTION.search(lepto_requirement.group(0))
             and not _widened(title, lepto_requirement))
    return requires, lepto


def _widened(title: str, mention: re.Match[str]) -> bool:
    """Does "including / also / even ... with" before the title's mention say those patients may join too?"""
    return phrases.ALSO_BEFORE.search(title, max(0, mention.start() - 40), mention.end()) is not None


def _conditions_name_brain_trial(text: TrialText) -> bool:
    """A short condition list naming brain metastases makes a brain-metastasis trial, unless the title only lets
    such patients in ("..., Including Patients With Brain or Leptomeningeal Metastases") or a criterion takes
    patients "with or without brain metastases": then the entry names who may join, not who must."""
    if len(text.conditions) > CONDITIONS_OF_A_BRAIN_TRIAL:
        return False  # one entry among a basket trial's many cancers may be one cohort's, or only allowed
    if not any(phrases.CONDITION_NAME.match(c) for c in text.conditions):
        return False
    title_mention = phrases.HEADER_REQUIRES.search(text.title) or phrases.HEADER_LEPTO.search(text.title)
    if title_mention is not None and _widened(text.title, title_mention):
        return False
    return not any(phrases.EITHER_STATE_TAKEN.search(c.text) for c in text.criteria
                   if c.section != "exclusion")


@cache
def _sentence_words() -> AnyOf:
    """A sentence adds a statement only when one of these matches in it: a criterion (whose sentences
    are parts of its text) none of which can match is skipped whole."""
    # BRAIN_LESION_COUNT names no needle of its own: its site words are BRAIN_METS's and SITE_WORDS's.
    # (BRAIN_IMAGING: "No evidence of disease on head MRI" names no site word of the others)
    return AnyOf(phrases.BRAIN_METS, phrases.SITE_WORDS, phrases.LEPTO, phrases.PRIOR_BRAIN_RT, phrases.BRAIN_IMAGING)


@cache
def _site_words() -> AnyOf:
    """A narrower check, asked after _sentence_words: BRAIN_METS's own needles ("met") are in most criteria, but
    each of its matches (and BRAIN_DISEASE's, CNS_INVOLVEMENT's, BRAIN_LESION_COUNT's) also holds a site word of
    LESION_SITE. A criterion without those, leptomeningeal words or radiotherapy words makes no statement."""
    return AnyOf(phrases.LESION_SITE, phrases.LEPTO, phrases.PRIOR_BRAIN_RT, phrases.BRAIN_IMAGING)


CONDITIONS_OF_A_BRAIN_TRIAL = 4
FOLLOW_ITEMS = 8  # a list introduced by "eligible if they are:" is read up to this many items
FLAT_ITEMS = 4  # ... or this many when it was written at the same level as its heading


def _own_clauses(sentences: list[str]) -> list[str]:
    """Sentences with a clause after a semicolon that names brain metastases again as its own subject and says
    whether they may join cut in two ("treated ones may enrol if stable; untreated brain metastases are not
    allowed unless < 5 mm and asymptomatic"): each clause is a rule of its own, read from its own mention."""
    if not any(";" in sentence for sentence in sentences):
        return sentences
    clauses: list[str] = []
    for sentence in sentences:
        cut = _SEMICOLON_SUBJECT.search(sentence)
        if cut and phrases.BRAIN_METS.search(sentence, 0, cut.start()) and (
                verb := phrases.EXCLUDED_AFTER.search(sentence, cut.end()) or phrases.NOT_ALLOWED.search(
                    sentence, cut.end())) and verb.start() - cut.end() < 80:
            clauses += [sentence[:cut.start()].rstrip() + ".", sentence[cut.start() + 1:].strip()]
        else:
            clauses.append(sentence)
    return clauses


# "; untreated brain metastases ...", "; patients with untreated CNS metastases ...": a clause with its own subject
_SEMICOLON_SUBJECT = re.compile(
    r";\s*(?=(?:(?:patients?|participants?|subjects?)\s+with\s+)?(?:\w+\s+){0,3}?"
    r"(?:brain|cns|central nervous system|intracranial)\s+(?:metasta\w*|lesions?|disease)\b)", re.I)


def _follow_on(criteria: tuple[Criterion, ...], position: int) -> str:
    """The criteria a criterion ending in a colon introduces: its sub-bullets or, when the list was
    written flat, the next few criteria of its section. They are conditions that all hold, unless the heading
    offers them as alternatives ("any of the following:", "the following are allowed:")."""
    here = criteria[position]
    following = criteria[position + 1:position + 1 + FOLLOW_ITEMS]
    if not here.text.rstrip().endswith(":") or not following or following[0].section != here.section:
        return ""
    if following[0].depth > here.depth:  # sub-bullets
        items = [c.text for c in takewhile(lambda c: c.depth > here.depth and c.section == here.section, following)]
    else:
        items = [c.text for c in takewhile(lambda c: c.depth == here.depth and c.section == here.section,
                                            following[:FLAT_ITEMS])]
    if following[0].depth > here.depth and _lists_exceptions(here.text):
        # Each exception under the ban is a way back in of its own, whatever its words ("Lesions treated with SRS
        # ..."): the semicolon before "or" cuts them apart (see _alternatives). (Written flat, the list's end is not
        # shown: the bullets after it are read as before, each on its own.)
        return _ITEM_OR.join(item.rstrip(" .;") for item in items)
    either = phrases.ONE_OF.search(here.text) or phrases.FOLLOWING_ALLOWED.search(here.text)
    return (" or " if either else " and ").join(items)


_ITEM_OR = "; or "


def _lists_exceptions(head: str) -> bool:
    """ "Brain metastases, with the following allowances:", "CNS metastases, except the following:": a ban of brain
    metastases whose lead says the list under it holds its exceptions (each one enough to be let back in). A lead
    about something else ("Prior radiotherapy, with the following exceptions:") keeps its list's own reading."""
    lead = phrases.FOLLOWING_EXCEPTIONS.search(head)
    if lead is None:
        return False
    before = head[:lead.start()]
    return bool(phrases.BRAIN_METS.search(before) or phrases.BRAIN_DISEASE.search(before))


_BARE_HEADING = guarded(r"^\W{0,3}(?:[\w-]+\s+){0,3}[\w-]+\s*(?:\([^()]{0,30}\))?\s*:\s*$")


def _group_rules_heading(criteria: tuple[Criterion, ...], position: int) -> bool:
    """ "Brain metastases:" over sub-bullets that each give one group's rule ("Arms A and B: asymptomatic untreated
    brain metastases are allowed", "Part 1 - untreated brain metastases are excluded"): the heading names the topic,
    the sub-bullets are the rules. Read alone it was a bare exclusion of every brain metastasis, which the groups'
    permissions could only turn into a question. Not a heading over a list of kinds ("Brain metastases:" then
    "symptomatic", "untreated"): there the heading and its list are one rule."""
    here = criteria[position]
    if not _BARE_HEADING.match(here.text):
        return False
    items = sub_bullets(criteria, position)
    return bool(items) and all(_about_brain(c.text) for c in items) and any(
        c.scope is not None and c.scope.kind != "condition" or _GROUP_LABEL_HEAD.match(c.text) for c in items)


_RULE_VERB = re.compile(
    r"\b(?:are|is)\s+(?:not\s+)?(?:eligible|ineligible|allowed|permitted|excluded)\b|\bmay\s+(?:be\s+)?(?:enrol|"
    r"participate|join|included|eligible)|\bmust\b", re.I)
_STATE_SUBJECT = re.compile(r"^\W{0,3}(?:patients?|subjects?|participants?|those)\s+(?:with|who)\b", re.I)


def _topic_heading(criteria: tuple[Criterion, ...], position: int) -> bool:
    """ "Brain metastases:" over sub-bullets that each state a whole rule for the patients they name ("Patients with
    treated brain metastases are eligible if ...", "Patients with untreated brain metastases are eligible only if
    ...", "Patients with leptomeningeal disease are not eligible"): the heading names the topic and says nothing
    itself; read with its list as one condition it made treated, stable ones a question."""
    here = criteria[position]
    if not _BARE_HEADING.match(here.text):
        return False
    items = sub_bullets(criteria, position)
    return len(items) >= 2 and all(_about_brain(c.text) and _STATE_SUBJECT.match(c.text)
                                   and _RULE_VERB.search(c.text) for c in items)


def _suitability_sub_bullet(criteria: tuple[Criterion, ...], position: int,
                            chunks: dict[int, list[dict[str, Any]]]) -> None:
    """ "Brain metastases on MRI" / sub-bullet "Not suitable for resection or radiosurgery": the sub-bullet says which
    metastases the requirement above it asks for, by whether they fit a local treatment, which no profile says.
    Treated or active ones meet it or not: a question (a patient without any still fails the requirement)."""
    depth = criteria[position].depth
    parent = next((p for p in range(position - 1, -1, -1) if criteria[p].depth < depth), None)
    if parent is None:
        return
    for statement in chunks.get(parent, []):
        if statement["kind"].startswith("requires"):
            _unsettled_by_suitability(statement)


def _unsettled_by_suitability(statement: dict[str, Any]) -> None:
    for state in ("treated_stable", "active"):
        statement[state] = U if statement[state] == E else statement[state]


def _exception_bullet(criterion: Criterion, before: list[dict[str, Any]]) -> None:
    """ "Known brain metastases," then a bullet "unless treated and neurologically stable": the bullet is the
    exception of the exclusion just before it (the same section, at most as deep)."""
    for statement in before:
        if statement.get("bare") and criterion.section == "exclusion":
            _loosen(statement, criterion.text)


def _later_exclusion_clauses(sentence: str) -> list[str]:
    """The clauses after the first "; " of an exclusion sentence that name brain metastases again, each a plain
    exclusion of its own (no exception, permission or condition in it: those belong to the clause before)."""
    flat = phrases.ASIDE.sub(lambda m: " " * len(m.group(0)), sentence)
    cuts = [m.start() for m in re.finditer(r";\s", flat)]
    if not cuts or not _plain_clause(sentence[:cuts[0]]):
        return []  # ("Untreated ones < 1 cm are permitted; all other untreated ones are excluded": one rule)
    clauses = [sentence[a + 1:b].strip() for a, b in zip(cuts, [*cuts[1:], len(sentence)], strict=True)]
    return [clause for clause in clauses
            if phrases.BRAIN_METS.search(clause) and _plain_clause(clause) and not _RESIDUAL.match(clause)]


# "all other untreated brain metastases", "any remaining lesions": a clause about the ones the clause before left.
_RESIDUAL = re.compile(r"\W{0,3}(?:all\s+|any\s+|the\s+)?(?:other|others|remaining|rest)\b", re.I)


def _plain_clause(clause: str) -> bool:
    """A clause with no exception, permission or refusal of its own in it."""
    return not (phrases.EXCEPTION_CUE.search(clause) or phrases.BARE_PERMIT.search(clause)
                or phrases.PERMIT_AFTER.search(clause) or phrases.NOT_ALLOWED.search(clause))


def _about_brain(text: str) -> bool:
    return bool(phrases.SITE_WORDS.search(text) or phrases.LEPTO.search(text))


class _Alternatives:
    """ "Must have one of the following:" over sub-bullets: a patient who fits any one sub-bullet is in."""

    def __init__(self, head: Criterion) -> None:
        self.head = head
        self.children: list[list[dict[str, Any]]] = []
        self.requires = bool(phrases.MUST_PARENT.search(head.text))  # "Patients must have either:"
        self.flat: list[Criterion] = []  # items written at the head's level

    def holds(self, criterion: Criterion) -> bool:
        if criterion.section != self.head.section:
            return False
        if criterion.depth > self.head.depth and not self.flat:
            return True
        if criterion.depth != self.head.depth or len(self.flat) >= FLAT_ITEMS or len(self.children) > len(self.flat):
            return False  # after sub-bullets, the next bullet at the head's level is a criterion of its own
        # A flat list runs on while its items chain with "or" ("..., or" / "or ..."), or while every item so far,
        # this one too, is about the brain or meninges (a list of brain states after "one of the following:").
        chained = not self.flat or phrases.ENDS_WITH_OR.search(self.flat[-1].text) or phrases.STARTS_WITH_OR.match(
            criterion.text)
        about_brain = all(_about_brain(c.text) for c in (*self.flat, criterion))
        if chained or about_brain:
            self.flat.append(criterion)
            return True
        return False

    def child(self, criterion: Criterion) -> list[dict[str, Any]]:
        self.children.append([])
        return self.children[-1]

    def combined(self) -> list[dict[str, Any]]:
        if not any(self.children):
            return []
        evidence = " ".join([self.head.text, *(s["evidence"] for c in self.children for s in c)])
        statement = _statement("alternatives", evidence, E, E, E, E)
        for state in STATES:
            # A sub-bullet without a brain rule lets everyone in; otherwise its strictest statement holds.
            statement[state] = _most([_most([s[state] for s in c]) if c else E for c in self.children],
                                     restrictive=False)
        _set_scope([statement], self.head)
        return [statement]


# A sentence that opens with a group's label and a colon or dash: "Cohort 4: ...", "Part B - ...", "Arm 2: ...".
_GROUP_LABEL_HEAD = re.compile(
    r"\W{0,3}(?:cohorts?|parts?|arms?|groups?|phases?|modules?)\s*[A-Za-z]?\d{0,2}[a-z]?\s*(?:\([^()]{0,40}\))?"
    r"\s*(?::|-\s|\u2013|\u2014)", re.I)


def _set_scope(statements: list[dict[str, Any]], criterion: Criterion) -> None:
    """Keep the reader's scope with each statement made from a scoped criterion (checked per patient). A later
    sentence that opens with its own group's label ("Cohorts 1-3: measurable disease per RECIST v1.1. Cohort 4:
    measurable intracranial disease per RANO-BM.") is that group's rule, not the group's the criterion opened with."""
    scope = criterion.scope.to_json() if criterion.scope is not None else None
    for statement in statements:
        own = _sentence_group(statement["evidence"], criterion)
        if own is not None:
            statement["scope"] = own
        elif scope is not None:
            statement["scope"] = scope


def _sentence_group(evidence: str, criterion: Criterion) -> dict[str, Any] | None:
    """The scope of a statement read from a sentence after the criterion's first that opens with a group's label,
    inside what a heading over the criterion scopes (a criterion that opens with a label of its own is one of the
    groups listed side by side: the sentence's group replaces it)."""
    if ":" not in evidence[:60] or criterion.text.startswith(evidence.rstrip(".")[:40]):
        return None
    group = labelled_sentence_scope(evidence)
    if group is None:
        return None
    outer = None if criterion_scope(criterion.text) is not None else criterion.scope
    merged = merge(outer, group)
    return merged.to_json() if merged is not None else None


def _crossed(statements: list[dict[str, Any]], sentence: str, exclusion: bool) -> None:
    """A brain rule joined to a fact this check cannot see: a performance score ("If ECOG 2, no brain metastases",
    "ECOG 0-1, or ECOG 2 in patients without brain metastases") or, in an exclusion, a marker ("EGFR-mutant NSCLC
    with untreated brain metastases"). It holds only for patients with that fact, so whom it leaves out is a
    question."""
    if not cross.crosses_score(sentence, exclusion) and not (exclusion and cross.marker_joins_brain(sentence)):
        return
    for statement in statements:
        for state in STATES:
            statement[state] = U if statement[state] == X else statement[state]


def _uncapped(statements: list[dict[str, Any]]) -> None:
    """A sentence whose negations contradict each other ("... that are not without prior radiotherapy") is not
    understood in full: whom it leaves out is a question."""
    for statement in statements:
        for state in STATES:
            statement[state] = U if statement[state] == X else statement[state]


def _named_part(statements: list[dict[str, Any]], criterion: Criterion) -> None:
    """A part, arm or cohort named inside a criterion the reader left unscoped ("brain metastases in the EGFR
    cohort", "(Part 1 only)"): its rule may be that part's only, so whom it leaves out is a question."""
    if criterion.scope is not None or not statements or one_part(criterion.text) is None:
        return
    for statement in statements:
        for state in STATES:
            statement[state] = U if statement[state] == X else statement[state]


_ASIDES = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")


def _group_name(label: str) -> str:
    """A group's label without its asides, for telling groups apart: "Cohort 4 (CNS cohort)" is "cohort 4"."""
    return " ".join(_ASIDES.sub("", label).lower().strip(" :*").split()) or label.lower()


def _read_requirement_scopes(statements: list[dict[str, Any]], parts: set[str], open_parts: set[str]) -> None:
    """A requirement for brain metastases stated in one part of a trial that has others is that part's
    ("Cohort 3: NSCLC with active brain metastases"); stated in several parts, it is the trial's, unless a part
    of the trial takes patients either way (`open_parts`: "Part A: patients with or without brain metastases may be
    enrolled" beside "Part B: at least one brain metastasis" and "LM cohort: leptomeningeal metastases"): then each
    stays its part's. A part that says nothing of them is no such part (the parts may all ask for them)."""
    scoped = [s for s in statements if s["kind"] in _REQUIREMENTS and "scope" in s
              and s["scope"]["kind"] != "condition" and not s["scope"]["genes"]]
    # "Cohort 4 (CNS cohort)" over the cohort's bullet and "Cohort 4:" opening a later sentence are one group: two
    # statements of its requirement are not two groups asking for brain metastases.
    parts = {_group_name(label) for label in parts}
    open_parts = {_group_name(label) for label in open_parts}
    labels = {_group_name(s["scope"]["label"]) for s in scoped}
    # "NSCLC with brain metastases: 3 or more lesions, or ...": the only group the trial names is the requirement's
    # own words (the reader took the lead-in for a cohort), so it is everyone's.
    # A label that names its group ("Cohort C (NSCLC with untreated brain metastases)", "Part B") implies other
    # groups the criteria do not list: its requirement stays that group's.
    own_words = not parts - labels and all(phrases.BRAIN_METS.search(s["scope"]["label"])
                                           and not GROUP_WORD.search(s["scope"]["label"].lower()) for s in scoped)
    # A part whose statements let patients without brain metastases in ("Part A: patients with or without brain
    # metastases may be enrolled; brain metastases, if present, must be ...") is open, as are the caller's.
    open_parts = open_parts | {_group_name(s["scope"]["label"]) for s in statements if "scope" in s
                               and s["kind"] not in _REQUIREMENTS and s["scope"]["kind"] != "condition"
                               and s["none"] == E}
    for statement in scoped:
        if own_words or len(labels) > 1 and not open_parts - labels:
            del statement["scope"]
        elif parts - labels:
            statement["one_part"] = True


def _requires_brain_metastases(chunks: dict[int, list[dict[str, Any]]]) -> bool:
    """An inclusion for the whole trial asks for brain metastases ("MRI-confirmed brain metastases", ">= 3 brain
    lesions"): the trial is a brain-metastasis trial, whatever its title says."""
    return any(s["kind"] in _TRIAL_REQUIREMENTS and "scope" not in s and s["none"] == X
               for statements in chunks.values() for s in statements)


def _reread_as_brain_trial(criteria: tuple[Criterion, ...], chunks: dict[int, list[dict[str, Any]]],
                           heads: dict[int, int], sited: set[int]) -> frozenset[int]:
    """The inclusion criteria whose reading depends on whether the trial is a brain-metastasis trial: those that
    made a conditional statement (a plain mention becomes a requirement) and those naming an untreated intracranial
    lesion. A member of a "one of the following:" group is re-read with its whole group, from its head.
    `sited`: the inclusions whose words (with their parent's) name a site, the only ones that can name a lesion."""
    wanted = {p for p, statements in chunks.items() if statements and criteria[p].section == "inclusion"
              and any(s["kind"] in _PLAIN_KINDS for s in statements)}
    wanted |= {p for p in sited if _untreated_target_required(criteria[p], True)}
    return frozenset(heads.get(p, p) for p in wanted)


_SPELLED = "brain metastases (BM)"


def _spell_out_bm(words: str, defined: bool) -> str:
    """ "asymptomatic BM" -> "asymptomatic brain metastases (BM)"; a bare "BM" too in a trial that defines it so."""
    words = phrases.BM_QUALIFIED.sub(lambda m: f"{m.group('status')} {_SPELLED}", words)
    return phrases.BM_BARE.sub(_SPELLED, words) if defined else words


def _defined_as_brain(everything: str) -> int:
    """len(BM_DEFINED.findall(everything)), without trying its word alternation at every character of a long text.
    Every match ends with "(BM)" or "(BMs)" and holds no other "(" (before the bracket: words and spaces), so each
    "(BM" is searched for alone, from just after the "(" before it; no match can span two of them."""
    count = 0
    at = everything.find("(BM")
    while at >= 0:
        if phrases.BM_DEFINED.search(everything, everything.rfind("(", 0, at) + 1, at + 5):
            count += 1
        at = everything.find("(BM", at + 1)
    return count


def _with_bm_spelled_out(text: TrialText) -> TrialText:
    """The trial with its brain metastases written "BM" spelled out, where that abbreviation surely means them."""
    if not any("BM" in c.text for c in text.criteria) and "BM" not in text.title:
        return text
    everything = " ".join([text.title, text.summary, *(c.text for c in text.criteria)])
    brain = _defined_as_brain(everything)
    if len(phrases.BM_OTHER.findall(everything)) > brain:
        return text  # "bone marrow (BM)": the abbreviation means something else here
    defined = brain > 0
    criteria = tuple(c if "BM" not in c.text else replace(c, text=_spell_out_bm(c.text, defined))
                     for c in text.criteria)
    return replace(text, title=_spell_out_bm(text.title, defined), criteria=criteria)


@collector_paused  # see trialmatch.criteria.collector
def parse(text: TrialText) -> dict[str, Any]:
    text = _with_bm_spelled_out(text)
    header_requires, header_lepto = _header_requirement(text)
    brain_trial = header_requires or _conditions_name_brain_trial(text)
    said: _Said = {}
    chunks, heads, sited = _read_criteria(text, brain_trial, header_lepto, said=said)
    if not brain_trial and _requires_brain_metastases(chunks):
        # Read again as a brain-metastasis trial: its plain inclusions ("Asymptomatic brain metastases or ...
        # clinically stable") describe the metastases every patient has, not the ones allowed. Exclusions read
        # the same either way, so only the inclusions that may change are read again.
        again = _reread_as_brain_trial(text.criteria, chunks, heads, sited)
        chunks.update(_read_criteria(text, True, header_lepto, again, said)[0])
    statements = [s for position in sorted(chunks) for s in chunks[position]]
    if brain_trial or _requires_brain_metastases(chunks):
        _untreated_wanted(statements)
    for statement in statements:
        statement.pop("plain", None)
        statement.pop("one_lesion", None)
    _untreated_let_in(statements)
    statements = _apply_allowances(statements)
    return _decide(text, statements, header_requires, header_lepto)


def _read_criteria(text: TrialText, brain_trial: bool, header_lepto: bool, only: frozenset[int] | None = None,
                   said: _Said | None = None) -> tuple[dict[int, list[dict[str, Any]]], dict[int, int], set[int]]:
    """The statements of each criterion (or only those at `only`) by position, each "one of the following:"
    group member's head, and the positions of the inclusions read whose words (with their parent's) name a site
    (LESION_SITE: asked of every inclusion here, so a second reading asks only these). A group's combined
    statement is its head's, after the head's own. `said`: the parse's memo of sentence readings (see
    _mention_statements_once)."""
    chunks: dict[int, list[dict[str, Any]]] = {}
    heads: dict[int, int] = {}
    sited: set[int] = set()
    sentence_words, site_words = _sentence_words(), _site_words()
    words_in: dict[str, bool] = {}  # per distinct criterion text: sentence_words.possible
    sited_words: dict[str, bool] = {}  # and site_words.possible, for those that pass the first
    criteria = text.criteria
    group: _Alternatives | None = None
    group_at = -1
    headings: list[int] = []  # "Brain metastases:" over one rule per group (see _group_rules_heading)
    # Per distinct text or sentence (a long text repeats its bullets word for word), what depends only on it: the
    # statements of a sentence's own rules (_sentence_rules), a bullet's ban of untreated ones, whether its words with
    # its parent's name a site, whether it asks for one of a list.
    own_rules: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    untreated_bans: dict[tuple[str, str], dict[str, Any] | None] = {}
    site_contexts: dict[tuple[str, str], bool] = {}
    one_of: dict[str, bool] = {}
    said_after: _SaidAfter = {}  # (see _mention_statements_after)
    for position, criterion in enumerate(criteria):
        if group is not None and not group.holds(criterion):
            chunks[group_at].extend(group.combined())
            group = None
        if group is None and only is not None and position not in only:
            continue
        if group is not None:
            heads[position] = group_at
        statements = group.child(criterion) if group is not None else chunks.setdefault(position, [])
        first_new = len(statements)
        # A long text repeats its bullets word for word: the needle checks are asked once per distinct text.
        worded = words_in.get(criterion.text)
        if worded is None:
            worded = words_in[criterion.text] = sentence_words.possible(criterion.text)
        if not worded and criterion.text[:1] in "EeUu" and phrases.EXCEPTION_START.match(criterion.text):
            _exception_bullet(criterion, chunks.get(position - 1, []))
        if criterion.depth and criterion.section == "inclusion" and phrases.LOCAL_SUITABILITY.search(criterion.text):
            _suitability_sub_bullet(criteria, position, chunks)
        possible = worded and sited_words.get(criterion.text)
        if possible is None:
            possible = sited_words[criterion.text] = site_words.possible(criterion.text)
        grouped = possible and _group_rules_heading(criteria, position)
        if grouped:
            headings.append(position)
        topic = possible and not grouped and _topic_heading(criteria, position)
        sentences = _own_clauses(criterion.sentences()) if possible and not grouped and not topic else []
        follow = _follow_on(criteria, position) if possible else ""
        last: dict[str, Any] | None = None
        for index, sentence in enumerate(sentences):
            if last is None and said is not None:
                made, last = _mention_statements_once(
                    said, criterion, index, sentences, brain_trial, follow, group is not None,
                    group is not None and group.requires)
            elif said is not None and last is not None:
                made, last = _mention_statements_after(
                    said_after, criterion, index, sentences, brain_trial, last, follow, group is not None,
                    group is not None and group.requires)
            else:
                made, last = _mention_statements(
                    criterion, index, sentences, brain_trial, last, follow, alternative=group is not None,
                    head_requires=group is not None and group.requires)
            if made and index and criterion.scope is None and _GROUP_LABEL_HEAD.match(sentence):
                # "...; allowed in Cohorts 1-3. Cohort 4: untreated brain metastases are excluded": a later sentence
                # headed by its own group is that group's rule, which cannot keep out patients of the others.
                made = [{**s, **{state: U if s[state] == X else s[state] for state in STATES}} for s in made]
            if made:
                _crossed(made, sentence, criterion.section == "exclusion")
                if "o" in sentence and phrases.DOUBLE_NEGATIVE.search(sentence):
                    _uncapped(made)  # negations that contradict each other anywhere in it: never an exclusion
            if made and criterion.section == "exclusion" and "; " in sentence:
                for clause in _later_exclusion_clauses(sentence):
                    # "...symptomatic and unstable brain metastases; new or progressing brain metastases at
                    # screening": a second exclusion with its own qualifiers, read on its own.
                    made = made + _mention_statements(criterion, 0, [clause], brain_trial, None)[0]
            statements.extend(made)
            lepto = header_lepto or (group is not None and group.requires and index == 0)
            key = (criterion.section, criterion.depth, index == 0, lepto, sentence)
            extras = own_rules.get(key)
            if extras is None:
                extras = own_rules[key] = _sentence_rules(criterion, index, sentence, lepto)
            statements.extend(dict(s) for s in extras)  # (flat statements: the caller scopes and changes them)
        if sentences:
            ban_key = (criterion.text, criterion.section)
            if ban_key not in untreated_bans:
                untreated_bans[ban_key] = _untreated_banned(criterion)
            if (banned := untreated_bans[ban_key]) is not None:
                statements.append(dict(banned))
        if criterion.section == "inclusion" and _memo(site_contexts, (criterion.parent, criterion.text),
                                                      phrases.LESION_SITE.possible, criterion.context):
            # (_untreated_target_required reads only inclusions that name a site.)
            sited.add(position)
            # "Brain metastases that have not been previously irradiated" opening the bullet asks for them too.
            # (Asked second: the lesion check's site words are rarer than "at least".)
            if _untreated_target_required(criterion, brain_trial) and (
                    brain_trial or phrases.MUST_HAVE.search(criterion.text)
                    or phrases.UNTREATED_RELATIVE.search(criterion.text)):
                # It says what lesions are counted ("at least one untreated brain metastasis of 5 mm"): an active
                # patient has them, so a count of one read from the same criterion gives way to it. A count of
                # more, or a range ("5 to 15 brain metastases, none of which has been treated"), stays a question.
                statements[first_new:] = [s for s in statements[first_new:]
                                          if s["kind"] != "requires_lesions" or not s["one_lesion"]]
                statements.append(_statement("requires_untreated", criterion.text, X, X, E))
        if len(statements) > first_new:  # (most criteria make none: nothing to scope)
            if criterion.section == "inclusion":
                _other_way_in(criterion, statements[first_new:])
            _set_scope(statements[first_new:], criterion)
            _named_part(statements[first_new:], criterion)
        if group is None and criterion.section == "inclusion" and _one_of_head(criteria, position, one_of):
            group, group_at = _Alternatives(criterion), position
    if group is not None:
        chunks[group_at].extend(group.combined())
    for position in headings:
        _combine_groups(criteria, position, chunks)
    return chunks, heads, sited


# A parse's memo of _mention_statements: its reading of each distinct sentence in its place, by what it reads.
_Said = dict[tuple[Any, ...], tuple[list[dict[str, Any]], dict[str, Any] | None]]


def _mention_statements_once(said: _Said, criterion: Criterion, index: int, sentences: list[str], header_requires: bool,
                             follow: str, alternative: bool, head_requires: bool,
                             ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """_mention_statements for a sentence with no open exclusion before it (nothing of the criterion's earlier
    sentences to loosen), read once per parse for all it depends on: a long text repeats its bullets word for word
    under several cohorts or parts. It reads of the criterion only its section, parent, scope and depth. The caller
    changes the statements it gets (and the open exclusion among them), so every call gets its own copy."""
    key = (criterion.section, criterion.parent, criterion.scope, criterion.depth, index, tuple(sentences),
           header_requires, follow, alternative, head_requires)
    read = said.get(key)
    if read is None:
        read = said[key] = _mention_statements(criterion, index, sentences, header_requires, None, follow,
                                               alternative=alternative, head_requires=head_requires)
    return copy.deepcopy(read)


# A memo of _mention_statements after an open exclusion: the statements made, the open exclusion after, and the
# exclusion it was given as it is after the reading (one deep copy: which of them are the same object is kept).
_SaidAfter = dict[tuple[Any, ...], tuple[list[dict[str, Any]], dict[str, Any] | None, dict[str, Any]]]


def _mention_statements_after(said: _SaidAfter, criterion: Criterion, index: int, sentences: list[str],
                              header_requires: bool, last: dict[str, Any], follow: str, alternative: bool,
                              head_requires: bool) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """_mention_statements for a sentence after an open exclusion (`last`, which its permission may loosen), read once
    per parse for all it depends on, the open exclusion's whole state included (see _mention_statements_once): the
    repeats of the bullet get the same statements and the same change to their own open exclusion. The exclusion
    given stays the same object (it is already among the criterion's statements), changed in place as a reading
    changes it; where the reading returned or made it, its replay returns it there too."""
    key = (criterion.section, criterion.parent, criterion.scope, criterion.depth, index, tuple(sentences),
           header_requires, follow, alternative, head_requires, repr(last))
    read = said.get(key)
    if read is None:
        made, now_open = _mention_statements(criterion, index, sentences, header_requires, last, follow,
                                             alternative=alternative, head_requires=head_requires)
        said[key] = copy.deepcopy((made, now_open, last))
        return made, now_open
    made, now_open, given = copy.deepcopy(read)
    last.clear()
    last.update(given)
    made = [last if statement is given else statement for statement in made]
    return made, last if now_open is given else now_open


def _asks_one_of(text: str) -> bool:
    """ "Must meet one of the following:", "Patients must have ONE of:", "Any of the following:": the shared
    reader's lead-in asking for any one of its items (the brain's own wording kept: "at least one of")."""
    return asks_one_of(text) or bool(phrases.ONE_OF.search(text))


def _one_of_head(criteria: Sequence[Criterion], position: int, asks: dict[str, bool] | None = None) -> bool:
    """The criterion opens a list of alternatives: a one-of lead-in ending in a colon, or one without a colon over
    sub-bullets ("Have ONE of the following" / "  * No brain metastases" / "  * Treated and stable ...").
    `asks`: a memo of _asks_one_of by text."""
    criterion = criteria[position]
    if not criterion.text.endswith(":") and not (
            position + 1 < len(criteria) and criteria[position + 1].depth > criterion.depth
            and criteria[position + 1].section == criterion.section):
        return False
    if asks is None:
        return _asks_one_of(criterion.text)
    return _memo(asks, criterion.text, _asks_one_of, criterion.text)


_K = TypeVar("_K")
_V = TypeVar("_V")


def _memo(memo: dict[_K, _V], key: _K, helper: Callable[[str], _V], text: str) -> _V:
    """helper(text), asked once per key (what the answer depends on) in `memo`."""
    if key in memo:
        return memo[key]
    found = memo[key] = helper(text)
    return found


def _sentence_rules(criterion: Criterion, index: int, sentence: str, lepto_required: bool) -> list[dict[str, Any]]:
    """The statements of a sentence's own rules beside its mentions: leptomeningeal disease, a count of brain
    lesions, no disease on brain imaging, CNS progression (a first sentence), prior brain radiotherapy. They read of
    the criterion only its section and depth, and of its place only whether it is the first sentence."""
    statements = _lepto_statements(criterion, sentence, lepto_required)
    statements.extend(_lesion_requirement(criterion, sentence))
    if phrases.BRAIN_IMAGING.search(sentence):
        statements.extend(_no_disease_on_brain_imaging(criterion, sentence))
    if index == 0 and "rogress" in sentence:
        statements.extend(_progression_requirement(criterion, sentence))
    if criterion.section == "exclusion" and _prior_brain_radiotherapy(sentence) or (
            criterion.section == "inclusion" and _no_prior_brain_radiotherapy(sentence)):
        statements.append(_prior_statement("prior_brain_radiotherapy", sentence))
    return statements


def _untreated_banned(criterion: Criterion) -> dict[str, Any] | None:
    """A bullet that, beside whatever it lets in, plainly shuts untreated brain metastases out in a clause of its own
    ("Brain metastases are allowed if treated; untreated ones are not allowed"; "Symptomatic brain metastases are
    excluded; asymptomatic ones are allowed only after radiosurgery"): an active patient is out, whoever else the
    bullet lets in. The clause must follow a mention of brain metastases in the same bullet."""
    text = criterion.text
    mention = phrases.BRAIN_METS.search(text)
    if mention is None:
        return None
    if not (phrases.UNTREATED_BANNED.search(text, mention.end()) or (
            phrases.ASYMPTOMATIC_ONLY_TREATED.search(text, mention.end())
            and _symptomatic_ban_before(text, mention.start(), criterion.section == "exclusion"))):
        return None
    return _statement("exclusion", text, E, E, X)


def _symptomatic_ban_before(text: str, start: int, exclusion: bool) -> bool:
    """The bullet's first clause shuts out symptomatic brain metastases ("Symptomatic brain metastases are excluded",
    or only named so in an exclusion)."""
    first = text[:text.find(";")] if ";" in text else text
    if not phrases.SYMPTOMATIC_SUBJECT.search(first, max(0, start - 40)):
        return False
    return exclusion or bool(phrases.NOT_ALLOWED.search(first) or re.search(r"\bexcluded\b", first, re.I))


_COMBINABLE = frozenset({"exclusion", "conditional", "needs_treatment", "leptomeningeal"})


def _combine_groups(criteria: tuple[Criterion, ...], position: int, chunks: dict[int, list[dict[str, Any]]]) -> None:
    """The groups' rules under a "Brain metastases:" heading as one rule of the trial: a group the patient fits is
    enough, so per state the best of the groups' verdicts (each group's the worst of its own rules). Read one by one,
    each group's rule was only a question for the patients of the others ("applies only to Part A"), so a state every
    group shuts out (untreated ones in "Part A - any brain metastases" and "Part B - untreated ... excluded") was left
    a question. Rules of another kind (a requirement) are left as they are."""
    here = criteria[position]
    items = range(position + 1, position + 1 + len(sub_bullets(criteria, position)))
    rules = [chunks.get(p, []) for p in items]
    if not rules or any(s["kind"] not in _COMBINABLE for group in rules for s in group):
        return
    combined = _statement("exclusion" if here.section == "exclusion" else "conditional",
                          " ".join([here.text, *(criteria[p].text for p in items)]), E, E, E, E)
    for state in STATES:
        combined[state] = _most([_most([s[state] for s in group]) if group else E for group in rules],
                                restrictive=False)
    for p in items:
        chunks[p] = []
    chunks.setdefault(position, []).append(combined)


def _decide(text: TrialText, statements: list[dict[str, Any]], header_requires: bool,
            header_lepto: bool) -> dict[str, Any]:
    """Add the title's requirement, drop repeats and pick each state's deciding statement."""
    criteria = text.criteria
    if header_requires:
        mention = phrases.BRAIN_METS.search(text.title)
        start, end = mention.span() if mention else (0, 0)
        titled = _requirement(text.title, text.title[max(0, start - 40):start], text.title[end:end + 40])
        # The title adds its requirement unless the criteria already state it for the whole trial (a qualified one
        # always adds): one cohort's requirement ("Cohort A: untreated brain metastases") leaves the others to it.
        if titled["kind"] == "requires_active" or not any(s["kind"] in ("requires", "requires_active")
                                                          and "scope" not in s for s in statements):
            statements.append(titled)
    if header_lepto and not any(s["kind"] == "requires_leptomeningeal" for s in statements):
        statements.append(_statement("requires_leptomeningeal", text.title, X, U, U))
    unique: dict[tuple[str, ...], dict[str, Any]] = {}
    for statement in statements:
        unique.setdefault(tuple(str(statement.get(k)) for k in ("kind", "evidence", "scope", *STATES)), statement)
    statements = list(unique.values())
    if not statements:
        return {}
    parts = {c.scope.label for c in criteria if c.scope and c.scope.kind != "condition"}
    open_parts = {c.scope.label for c in criteria if c.scope and c.scope.label in parts
                  and c.section != "exclusion" and phrases.EITHER_STATE_TAKEN.search(c.text)}
    _read_requirement_scopes(statements, parts, open_parts)
    verdicts: dict[str, Verdict] = {}
    deciding: dict[str, int] = {}
    for state in STATES:
        # A scope does not depend on the patient beyond this state (marker groups read as open), so
        # each statement's verdict for the state is known now and check() stays a lookup.
        effective = [_finding(s, state).verdict for s in statements]
        verdicts[state] = _most(effective)
        deciding[state] = effective.index(verdicts[state])
        if verdicts[state] != E and (fitting := _fitting_group(statements, effective, state)) is not None:
            verdicts[state], deciding[state] = E, fitting
    return {"verdicts": verdicts, "deciding": deciding, "statements": statements}


def _fitting_group(statements: list[dict[str, Any]], effective: list[Verdict], state: str) -> int | None:
    """ "Cohort 1: no brain metastases. / Cohort 2: treated, stable brain metastases.": every rule that does not let
    the patient in is one group's, and another group's rules all do; a patient who fits one group is judged on that
    group's rules (the index of its first statement). None when a rule for everyone, or a group defined by a marker,
    region or other fact the brain state does not settle, is in the way."""
    groups: dict[str, list[Verdict]] = {}
    first: dict[str, int] = {}
    for index, (statement, verdict) in enumerate(zip(statements, effective, strict=True)):
        scope = statement.get("scope")
        if scope is None or scope["kind"] == "condition" or scope.get("region"):
            if verdict != E:
                return None  # a rule for everyone, or for everyone in a condition or country, whatever the group
            continue
        if scope["genes"] or scope.get("closed") or scope.get("other_disease"):
            continue  # a group the brain state alone cannot say the patient fits (or none may join)
        # (the group's own verdict: "only one group asks for brain metastases" lets everyone in by another group)
        groups.setdefault(scope["label"], []).append(statement[state])
        first.setdefault(scope["label"], index)
    fits = [label for label, verdicts in groups.items() if all(v == E for v in verdicts)]
    return first[fits[0]] if fits and len(groups) > 1 else None


# ---------------------------------------------------------------- check
_YOURS = {
    "none": "you have no brain metastases",
    "treated_stable": "your brain metastases are treated and stable",
    "active": "your brain metastases are active or untreated",
    "unknown": "your brain metastasis status was not given",
}
_RULE = {
    "exclusion": "limits brain or CNS metastases",
    "conditional": "accepts brain metastases only under conditions",
    "requires": "is for patients with brain metastases",
    "requires_active": "is for patients with active or uncontrolled brain metastases",
    "needs_treatment": "excludes brain metastases that need treatment now",
    "requires_untreated": "needs brain metastases that have not been treated",
    "requires_lesions": "needs a number of brain lesions, or a measurable one",
    "requires_leptomeningeal": "is for patients with leptomeningeal disease",
    "leptomeningeal": "excludes leptomeningeal disease",
    "prior_brain_radiotherapy": "excludes brain metastases treated with radiotherapy before",
    "prior_treatment": "limits earlier treatment of brain metastases",
    "alternatives": "accepts patients who meet one of several conditions on brain metastases",
    "garbled": "words brain or CNS metastases in a way that is not clear",
    "no_disease": "asks for no evidence of disease, brain imaging included",
}


_REQUIREMENTS = frozenset({"requires", "requires_active", "requires_untreated", "requires_leptomeningeal",
                           "requires_lesions"})
_TRIAL_REQUIREMENTS = frozenset({"requires", "requires_active", "requires_lesions"})
# What a plain inclusion mention makes outside a brain-metastasis trial ("alternatives" holds a group's).
_PLAIN_KINDS = frozenset({"conditional", "alternatives"})


def _worded(statement: dict[str, Any], state: str, verdict: Verdict) -> Finding:
    """A verdict on the deciding statement, with the plain reason for this brain metastasis state."""
    rule = _RULE.get(statement["kind"], "sets a rule on brain metastases")
    if verdict == ELIGIBLE:
        reason = f"The trial {rule}; {_YOURS[state]}, which it does not rule out."
    elif verdict == EXCLUDED:
        reason = f"The trial {rule}; {_YOURS[state]}, which it does not accept."
    else:
        reason = f"The trial {rule}; {_YOURS[state]}: ask the study team whether you qualify."
    return Finding(verdict, statement["evidence"], reason)


def _finding(statement: dict[str, Any], state: str) -> Finding:
    """One statement's finding for a brain metastasis state, its scope applied (without test
    results: brain checks read only the brain state, so a marker group's rule is a question)."""
    verdict: Verdict = statement[state]
    finding = _worded(statement, state, verdict)
    scope = statement.get("scope")
    if not scope or verdict == ELIGIBLE:
        return finding
    if statement.get("one_part"):
        # "Cohort 3: NSCLC with active brain metastases": one cohort asks for them, the others do not.
        return Finding(ELIGIBLE, finding.evidence,
                       f"Only one group of the trial ({scope.get('label')}) is for patients with brain "
                       "metastases; you may fit another.")
    return apply_scope(finding, scope, None)


def check(rules: dict[str, Any], profile: Patient) -> Finding:
    if not rules:
        return no_requirement("brain metastases")
    state = profile.brain_metastases or "unknown"
    statement = rules["statements"][rules["deciding"][state]]
    if "scope" in statement:
        return _finding(statement, state)
    return _worded(statement, state, rules["verdicts"][state])
