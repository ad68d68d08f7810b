"""Read a trial's criteria (and title) into prior-therapy rules, once, at sync time.

A rule is a small JSON object:

    kind      "forbid"  none of `items` may have been received (`allow` items excepted)
              "require" every group in `groups` needs one of its items received
              "naive"   no systemic treatment at all, except the `allow` items
              "lines"   earlier lines between `min` and `max` (of the `of` items only, when given)
    setting   "any", "advanced" (for advanced/metastatic disease: counted by prior_lines),
              "early" (before surgery, (neo)adjuvant: the profile cannot tell, so never excluded) or
              "before_surgery" (before a surgery the trial still plans: any line counts)
    soft      a failure is "unknown", not "excluded" ("unless the investigator...", a sub-population)
    met_unknown  meeting the drug rule still leaves a response or cycle count the profile lacks
    genes, alteration  the rule applies only to patients with a finding in one of these genes
    cohorts   the rule applies only to these cohorts, arms or phases
    evidence  the criteria sentence, quoted; section: inclusion / exclusion / title

Items are "d:<generic drug>" or "c:<class key>" from data/vocab/drugs.json. `groups` lists, per
cohort, the indexes of the rules that apply to it: fitting any one cohort is enough.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, NamedTuple

from trialmatch.criteria import drugs
from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy import cues
from trialmatch.criteria.rules.prior_therapy.allowances import (
    allowing_bullets,
    lift_across,
    lift_parent,
    lift_within,
)
from trialmatch.criteria.rules.prior_therapy.alternatives import (
    NONE,
    Alternatives,
    inline_options,
    inline_step,
    list_intro,
    on_path,
    read_alternatives,
)
from trialmatch.criteria.rules.prior_therapy.asides import criterion_asides
from trialmatch.criteria.rules.prior_therapy.assigned_agent import assigned_agent_ban
from trialmatch.criteria.rules.prior_therapy.complement import complement_groups, listed_groups
from trialmatch.criteria.rules.prior_therapy.current import (
    current_treatment_rules,
    local_treatment_rules,
    no_progression_rules,
)
from trialmatch.criteria.rules.prior_therapy.drivers import driver_routes, exempted_routes, own_driver_genes
from trialmatch.criteria.rules.prior_therapy.including import fold_including
from trialmatch.criteria.rules.prior_therapy.line_contents import fold_line_contents
from trialmatch.criteria.rules.prior_therapy.marker_groups import group_alterations, sentence_group
from trialmatch.criteria.rules.prior_therapy.names import Context
from trialmatch.criteria.rules.prior_therapy.run_in import given_in_study, run_in_items
from trialmatch.criteria.rules.prior_therapy.scope import (
    DRIVER_GENES,
    INNER_KINDS,
    biomarker_condition,
    heading_cohorts,
    nested_in,
    scope_cohorts,
)
from trialmatch.criteria.rules.prior_therapy.scope_cohort_marker import (
    cohort_genes,
    cohort_marker,
    cohort_takes_negatives,
)
from trialmatch.criteria.rules.prior_therapy.sentence import (
    FirstRead,
    alone_clauses,
    read_sentence,
    reading_rules,
    sentence_rules,
)
from trialmatch.criteria.rules.prior_therapy.terms import UNNAMED_TARGET, find_mentions, normalize, target_near
from trialmatch.criteria.rules.reader import Scope, in_allowing_aside, merge, purpose_of
from trialmatch.criteria.rules.reader.design_parts import design_lead, design_part
from trialmatch.criteria.rules.reader.scope import INCLUDES_NSCLC, cancers_named, genes_named, heading_scope
from trialmatch.criteria.rules.reader.study_phase import phase_of
from trialmatch.criteria.rules.reader.vocabulary import CANNOT_HAVE
from trialmatch.criteria.text import Criterion, LabelledField, TrialText, quote, squash, sub_bullets
from trialmatch.criteria.vocab import canonical_gene

_CONTINUES = re.compile(r"(?:or|and/or)\b", re.I)
# "Patients with driver mutations must have received X; and Y after X": the "and" goes on with the same patients.
_AND_GOES_ON = re.compile(r"and\b", re.I)
_CUT_MARKS = re.compile(r"[()\[\];]")
_LINE_KINDS = ("naive", "lines", "require")


# Old registry records run a heading, its sub-headings and their items together on one line, without stops:
# "PRIOR CONCURRENT THERAPY: Biologic therapy: Not specified Chemotherapy: No prior chemotherapy No other concurrent
# chemotherapy Radiotherapy: ...". The splitter gives the labelled fields (criteria/text.py); inside one, each item
# starts with a capital after a lower-case word: cut there, so that "No prior chemotherapy" is read on its own (not
# as part of a "concurrent therapy" sentence).
_OLD_STYLE_HEADING = "PRIOR CONCURRENT THERAPY"
_OLD_STYLE_ITEM = re.compile(r"(?<=[a-z0-9)%])\s+(?=(?:No|At least|Prior|Received|More than|Recovered|Concurrent"
                             r"|Must|Not|See)\b)")


def _old_style_items(sentence: str, fields: tuple[LabelledField, ...]) -> list[str]:
    """The items of the fields from a "PRIOR CONCURRENT THERAPY:" heading on, after the words before it (other
    fields, read as one); the sentence alone when it has no such heading."""
    number = next((n for n, field in enumerate(fields) if field.label == _OLD_STYLE_HEADING), None)
    if number is None:
        return [sentence]
    head = sentence[:fields[number].start].strip()
    items = [item.strip() for field in fields[number:] for item in _OLD_STYLE_ITEM.split(field.text) if item.strip()]
    return ([head] if head else []) + items


# "Any of the following will exclude patients from study participation: receipt of more than 1 prior regimen of
# chemotherapy": an exclusion whose first sentence opens with the list's own lead-in. The lead-in only repeats the
# section's polarity; left on, it hides the sentence's opening ("receipt of more than 1 ...") from the readings that
# start there, and the count becomes a ban on any chemotherapy. Exclusions only: in an inclusion such a lead-in
# would turn the polarity round, which is not a sentence this reader can be sure of.
_EXCLUSION_LEAD_IN = re.compile(
    r"^(?:(?:patients|participants|subjects)\s+(?:with|who\s+have)\s+)?any\s+of\s+the\s+following\b[^:;.]{0,80}?"
    r"\b(?:exclude[sd]?|ineligible|not\s+(?:be\s+)?(?:eligible|allowed|permitted))\b[^:;.]{0,60}:\s*(?=\S)",
    re.IGNORECASE)


_NOTE_MARK = guarded(r"(?<=[A-Za-z0-9)\]])\s+(?=(?:NOTE|Note|N\.B\.)\s*:)")


def _pieces(crit: Criterion) -> list[str]:
    """Sentences, further cut at semicolons outside brackets ("1. prior EGFR TKI; 2. major surgery"),
    except where the next part goes on with "or" (alternatives stay together)."""
    pieces: list[str] = []
    sentences = crit.sentences()  # never cut inside brackets (text.Criterion.sentences)
    if "THERAPY:" in crit.text:
        sentences = [part for sentence, fields in zip(sentences, crit.labelled_fields(), strict=True)
                     for part in _old_style_items(sentence, fields)]
    if ":" in crit.text and _NOTE_MARK.search(crit.text):
        # A "NOTE:" sub-bullet folded into its parent without a stop ("... NSCLC NOTE: patients who received adjuvant
        # chemotherapy are eligible if ..."): the note is a sentence of its own, as after a stop.
        sentences = [part for sentence in sentences for part in _NOTE_MARK.split(sentence) if part.strip()]
    if crit.section == "exclusion" and sentences and (lead := _EXCLUSION_LEAD_IN.match(sentences[0])):
        sentences = [sentences[0][lead.end():], *sentences[1:]]
    for sentence in sentences:
        depth, start = 0, 0
        parts: list[str] = []
        if ";" in sentence:  # without a semicolon there is nothing to cut
            for mark in _CUT_MARKS.finditer(sentence):  # only brackets and semicolons change anything
                pos, char = mark.start(), mark.group()
                if char in "([":
                    depth += 1
                elif char in ")]":
                    depth = max(0, depth - 1)
                elif char == ";" and depth == 0:
                    parts.append(sentence[start:pos])
                    start = pos + 1
        parts.append(sentence[start:])
        if crit.section == "inclusion":
            parts = [clause for part in parts for clause in _negated_clauses(part)]
        for part in (_without_arm_exception(p).strip() for p in parts):
            if not part:
                continue
            if pieces and (_CONTINUES.match(part) or _elliptical_after_permit(pieces[-1], part)):
                pieces[-1] = f"{pieces[-1]}; {part}"
            elif pieces and _AND_GOES_ON.match(part) and biomarker_condition(normalize(pieces[-1]))[0]:
                pieces.append(f"{_group_words(pieces[-1])}, {part}")
            else:
                pieces.extend(_inline_cohorts(part))
    return pieces


# "Exception: for Arm A, patients with EGFR T790M mutation who progressed on a prior 1st or 2nd generation EGFR TKI are
# eligible regardless of prior chemotherapy": one arm's way in for marker carriers who had a drug, instead of the
# requirement before it. It is no heading over that requirement (which stays everyone else's), so it is cut out of the
# sentence and read as a route (_arm_exception_routes).
_ARM_EXCEPTION = guarded(
    r"(?:\b(?:exception|however)\s*[:,]\s*)?\bfor\s+(?:the\s+)?(?:arm|cohort|part|group)\s+[\w-]{1,4}\s*,\s*"
    r"(?:patients|participants|subjects)\s+(?:with|harbou?ring|carrying)\s+(?P<marker>[^.;]{2,80}?)\s+(?:who|that)\s+"
    r"(?P<had>[^.;]{2,120}?)\s+(?:are|is|will\s+be|may\s+be)\s+(?:also\s+)?(?:eligible|enrolled|allowed)\s+"
    r"(?:regardless|irrespective)\s+of\s+(?P<what>[^.;]{2,80})[.;]?", re.I)


def _without_arm_exception(part: str) -> str:
    """A sentence with its arm exception (_ARM_EXCEPTION) cut out; the whole sentence when that is all it says."""
    if "regardless" not in part.lower() and "irrespective" not in part.lower():
        return part
    found = _ARM_EXCEPTION.search(part)
    if found is None:
        return part
    rest = f"{part[:found.start()]} {part[found.end():]}".strip()
    return rest if rest.strip(" .;:,") else part


# "Progressed on osimertinib and no prior chemotherapy", "platinum doublet, with no prior docetaxel", "after a PD-1
# inhibitor but have not received prior docetaxel": an inclusion that asks for one treatment and bans another in one
# sentence. The negation is the second clause's alone, so each clause is read on its own (the second keeps its "and",
# which carries a marker group over, see _AND_GOES_ON). Only after a clause about a treatment had ("metastatic NSCLC
# with no previous systemic therapy" is one ban, for the metastatic disease), and not "and no more than two prior
# lines" (a count of the same treatments), "with or without prior X", nor an order of treatments ("has not received
# intervening therapy since X").
_NEGATED_CLAUSE = guarded(
    # (Every alternative opens with a comma or a space: said once in front, the engine tries them only there.)
    r"(?=[,\s])(?:"
    r"(?:\s*,\s*|\s+)(?=(?:and|but|with|yet)\s+(?!no\s+(?:more|fewer|less|greater|later)\b|not\s+(?:more|fewer|less)\b)"
    r"(?:no|without|never|not|(?:has|have|had|did|does|do|were|was)\s+(?:not|never))\b[^.;()]{0,20}?"
    r"\b(?:prior|previous\w*|received?|exposure|exposed|treated\s+with)\b)"
    r"|(?<!\bor)(?<!\band/or)\s+(?=without\s+(?:any\s+)?(?:prior|previous)\b)"
    # "one prior second-generation ALK TKI, no prior lorlatinib": a comma alone before the ban.
    r"|\s*,\s*(?=no\s+(?:prior|previous)\b))",
    re.I,
)
_HAD_CLAUSE = re.compile(r"\b(?:progress\w*|received|treated|fail\w*|refractory|relaps\w*|prior|previous\w*|after"
                         r"|following|exposed|exposure)\b", re.I)
_ORDER_WORDS = re.compile(r"\b(?:since|intervening|between|subsequent\w*|before|after|following|other than|except)\b",
                          re.I)
_CLAUSE_STOP = re.compile(r"[,;]")


def _negated_clauses(part: str) -> list[str]:
    """An inclusion's clauses at a negated one joined to the clause before it (outside brackets)."""
    if not _NEGATED_CLAUSE.possible(part):
        return [part]
    clauses, start = [], 0
    for match in _NEGATED_CLAUSE.finditer(part):
        if match.start() == 0 or part.count("(", 0, match.start()) != part.count(")", 0, match.start()):
            continue  # a sentence that opens with the negation, or a cut inside brackets: read as one
        stop = _CLAUSE_STOP.search(part, match.end() + 1)
        if not _HAD_CLAUSE.search(part, start, match.start()) or _ORDER_WORDS.search(
                part, match.end(), stop.start() if stop else len(part)):
            continue
        clauses.append(part[start:match.start()])
        start = match.end()
    clauses.append(part[start:])
    return clauses


# "Prior X is allowed; prior Y is not.": the part after the semicolon leaves out the allowance's verb, so it is read
# with the allowance (cues.elliptical_ban).
_BARE_NOT_END = guarded(r"\b(?:is|are)\s+not\W{0,3}$", re.I)


def _elliptical_after_permit(before: str, part: str) -> bool:
    """Whether `part` only makes sense with the part before: "prior Y is not" after an allowance, "X alone does
    not qualify" after a requirement (sentence._ALONE)."""
    if "alone" in part and alone_clauses(normalize(part)):
        return True
    return _BARE_NOT_END.search(part) is not None and cues.clause_verdict(normalize(before)) == "permit"


def _group_words(piece: str) -> str:
    """The words that open `piece` and name its group of patients, as written ("Participants with driver
    mutations"): a later "; and ..." part is a rule for the same group."""
    group = sentence_group(normalize(piece))
    return (piece[:len(group)] if piece.isascii() else group).strip()


# "Cohort 1: untreated patients, or Cohort 2: pretreated patients": a second cohort heading inside one sentence
# opens that cohort's own words; read as one sentence, the first heading would claim both rules.
_INLINE_COHORT = re.compile(r"[,;]\s{0,3}(?:(?:or|and)\s{1,3})?(?=(?:cohort|arm|group|part)\s{0,2}#?[a-z0-9]{1,3}"
                            r"\s{0,2}(?:\([^():;]{0,50}\)\s{0,2})?:)", re.I)
_OPENING_COHORT = re.compile(r"\b(?:cohort|arm|group|part)\s{0,2}#?[a-z0-9]{1,3}\s{0,2}(?:\([^():;]{0,50}\)\s{0,2})?:",
                             re.I)


def _inline_cohorts(piece: str) -> list[str]:
    """A piece cut where a further cohort heading follows ", or" (only after a first heading of its own)."""
    cuts = [m for m in _INLINE_COHORT.finditer(piece)] if ":" in piece else []
    if not cuts or not _OPENING_COHORT.search(piece, 0, cuts[0].start()):
        return [piece]
    bounds = [0, *(m.start() for m in cuts), len(piece)]
    ends = [m.end() for m in cuts]
    out = [piece[: bounds[1]].strip()]
    out += [piece[end:bounds[k + 2]].strip() for k, end in enumerate(ends)]
    return [p for p in out if p]


class _OwnRead(NamedTuple):
    """What a bullet's own words say: its pieces, and per piece the names and counts it gives (None when
    it can state no rule, or names a treatment for another purpose)."""

    pieces: tuple[str, ...]
    reads: tuple[FirstRead | None, ...]
    tail_named: tuple[str, ...]  # cancers named by a heading that closes the bullet (_tail_named)
    # An exclusion's ban on the assigned arm's agent, with its examples (assigned_agent_ban; None for an inclusion)
    examples: list[tuple[str, str]] | None
    lone_or: bool  # an inclusion that opens with "or" (_LONE_OR): the bullets before it are one way in


def _own_read(crit: Criterion, egfr_trial: bool) -> _OwnRead:
    # "Must meet (a) or (b): (a) ... (b) ...": each inline alternative is read as a piece of its own.
    pieces = (crit.section == "inclusion" and inline_options(crit.text)) or tuple(_pieces(crit))
    # Most criteria name no treatment: their purpose and context are never worked out.
    reads = [read_sentence(piece, _section(crit), egfr_trial) for piece in pieces]
    if any(reads) and crit.purpose is not None:  # read once per criterion that names a treatment
        reads = [first if first is None or not _off_purpose(first.sentence, crit.section) else None
                 for first in reads]
    return _OwnRead(pieces, tuple(reads), _tail_named(pieces, crit.section),
                    assigned_agent_ban(crit.text) if crit.section == "exclusion" else None,
                    crit.section == "inclusion" and _LONE_OR.match(crit.text) is not None)


def _tail_named(pieces: tuple[str, ...], section: str) -> tuple[str, ...]:
    """The cancers an inclusion's closing heading names: "... for these aberrations. Head and neck cancer
    (SCCHN):" opens the next bullets' group. Empty when the bullet does not end with such a heading."""
    if pieces and pieces[-1].endswith(":") and len(pieces[-1]) <= 80 and section == "inclusion":
        return cancers_named(pieces[-1])
    return ()


# A bullet's header cue is asked again for every sub-bullet below it: remembered.
@lru_cache(maxsize=1024)
def _header_cue(text: str) -> cues.Cue | None:
    """A short lead-in with no drug of its own ("Prior:", "Have received any of the following treatments:")."""
    norm = normalize(text)
    if norm.rstrip().endswith(":") and ". " in norm:
        # "No more than 2 prior lines. Prior systemic therapy must have included:": the last sentence leads in.
        norm = re.split(r"(?<=[a-z)])\.\s+(?=[a-z])", norm)[-1]
    # ("Prior systemic therapy:" names a class only as the topic of the bullets under it.)
    if len(norm) > 120 or (find_mentions(norm) and not _TOPIC_HEADING.match(norm)):
        return None
    cue = cues.last_cue(norm)
    return cue if cue in ("past", "req") else None


@lru_cache(maxsize=1024)
def _banning_header(text: str) -> bool:
    """An inclusion lead-in that bans what its sub-bullets name ("Must not have received any of the following:"):
    each sub-bullet then reads as an exclusion ("Prior EGFR TKI" is a ban, not a requirement)."""
    norm = normalize(text)
    return len(norm) <= 120 and norm.rstrip().endswith(":") and not find_mentions(norm) \
        and cues.last_cue(norm) == "neg" and not _marker_group_heading(text)


def _marker_group_heading(text: str) -> bool:
    """"Group without targetable alterations:", "Cohort without EGFR/ALK alterations:": the shared reader's heading of
    a group named by its markers; its "without" says who the group is, not what its sub-bullets ban."""
    scope = heading_scope(text)
    return scope is not None and scope.absent and bool(scope.genes)


# "Progression on or after osimertinib, received as:" over "first-line treatment, or" / "second-line treatment
# following a first- or second-generation EGFR TKI": the sub-bullets say which line the drug above was, not the
# line the study is. Positions are the drug's; what one of the alternatives asks ("following X") is no rule when
# another alternative asks nothing.
# "given as follows:" leads the same sub-bullets ("as first-line therapy for advanced disease; or" / "as second-line
# therapy after a first-generation TKI"): read as both at once, a patient with the drug first line was excluded.
_GIVEN_AS = re.compile(r"\b(?:received|given|administered|used|taken)\s+(?:either\s+)?(?:as|in)\s*"
                       r"(?:either|follows|one\s+of\s+the\s+following(?:\s+(?:ways|settings|lines))?)?\s*:\s*$")
# "first-line treatment for advanced disease, or": the position may carry the disease setting it was given in.
_POSITION_ONLY = re.compile(r"^\W*(?:as\s+)?(?:an?\s+|the\s+)?(?:first|1st|second|2nd|third|3rd)[\s-]*line"
                            r"(?:\s+(?:treatment|therapy|setting))?"
                            r"(?:\s+(?:for|in)\s+(?:the\s+)?(?:locally\s+)?(?:advanced|metastatic|recurrent|stage\s+iv)"
                            r"(?:[\s/-]+(?:or\s+)?(?:metastatic|advanced|recurrent|unresectable))*"
                            r"(?:\s+(?:disease|nsclc|setting|cancer))?)?\s*,?\s*(?:or|;)\s")


@lru_cache(maxsize=256)
def _given_as(text: str) -> bool:
    return len(text) <= 200 and _GIVEN_AS.search(normalize(text)) is not None


def _drug_line_positions(rules: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """The rules of a sub-bullet under a "received as:" lead-in: no line position of the study; no requirement when
    the first alternative is a bare line position ("first-line treatment, or second-line following X")."""
    rules = [rule for rule in rules if rule["kind"] != "lines"]
    if _POSITION_ONLY.match(normalize(text)):
        rules = [rule for rule in rules if rule["kind"] != "require"]
    return rules


# "Phase 2 expansion cohorts:" over "EXP-1: ...", "EXP-2: ...": each sub-bullet opened by a code is one cohort.
# "Part B expansion cohorts (tumor type / RAS alteration / prior therapy):" on a line of its own over "B1 - NSCLC /
# KRAS G12C / ...": the heading's bracket says how each line is laid out, and a dash may close the code.
_COHORTS_PARENT = re.compile(r"\b(?:cohorts|arms|groups|sub-?cohorts)\b(?:\s*\([^()]{0,80}\))?[^:]{0,40}:\s*$")
_CODE_OPENING = re.compile(r"^\W{0,3}(?P<code>[a-z]{1,5}-?\d{1,2}[a-z]?)\s*(?::|\s[-\u2013\u2014]\s)")


def _coded_cohort(text: str, ancestors: list[Criterion], heading: Scope | None = None) -> tuple[str, ...]:
    """The cohort a sub-bullet opened by a code names, under a lead-in that lists cohorts (the bullet above, or a
    heading on its own line the shared reader scoped it to); () otherwise."""
    lead = ancestors[-1].text if ancestors else f"{heading.label}:" if heading is not None else ""
    if not lead or not (":" in text[:12] or " - " in text[:12] or "\u2013" in text[:12] or "\u2014" in text[:12]) \
            or not _COHORTS_PARENT.search(normalize(lead)):
        return ()
    code = _CODE_OPENING.match(normalize(text))
    if code is None or canonical_gene(code.group("code").replace("-", "")):
        return ()  # "HER2 - ..." names a marker, not a cohort's code
    # Under "Treatment arms (...):" the code names an arm, as "(Arm A2 only)" does.
    kind = "arm" if _ARMS_LEAD.search(normalize(lead)) else "cohort"
    return (f"{kind} {code.group('code')}",)


_ARMS_LEAD = re.compile(r"\barms\b(?:\s*\([^()]{0,80}\))?[^:]{0,40}:\s*$")


def _deeper(cohorts: list[str], parts: list[str], part: Scope | None) -> list[str]:
    """The cohorts a rule is for: its own, or the reader's when they name a group inside them ("Part B (dose
    expansion) / Cohort B1": cohort b1, one of Part B's ways in, not all of Part B)."""
    if not cohorts:
        return parts
    if parts and part is not None and " / " in part.label and set(parts).isdisjoint(cohorts) \
            and set(cohorts) <= set(scope_cohorts(part.label.rsplit(" / ", 1)[0])):
        return parts
    return cohorts


def _within(rule: dict[str, Any], part: Scope | None) -> dict[str, Any]:
    """A rule of a cohort inside a part ("Expansion part - NSCLC cohorts / NSCLC cohort 1"): the part it sits in, whose
    own rules bind it too (scope.nested_in, _cohort_groups)."""
    if part is None or part.kind == "condition" or not rule["cohorts"]:
        return rule
    # (Under a part heading the reader did not split, "Lung cohort 1: ..." is still that part's cohort.)
    outer = nested_in(rule["cohorts"], scope_cohorts(part.label.rsplit(" / ", 1)[0]))
    return {**rule, "within": outer} if outer else rule


def _prefix(ancestors: list[Criterion]) -> str:
    """The bullet above, quoted with the sentence when it says something ("Cohort 2:", "Prior:")."""
    if not ancestors or len(ancestors[-1].text) > 100:
        return ""
    text = ancestors[-1].text
    if heading_cohorts(text) or _header_cue(text) or cues.CONDITION_PARENT.search(normalize(text)):
        return text
    return ""


_EGFR = re.compile(r"\begfr\b|epidermal growth factor receptor", re.I)
# "For the chemotherapy-naive cohort:", "In the pretreated arm only:": a group named by what its patients are.
_DESCRIBED_COHORT = re.compile(r"\W{0,3}(?:for|in)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:cohorts?|arms?|groups?"
                               r"|populations?)(?:\s+only)?\s*:", re.I)


def _context(criteria: list[Criterion], index: int, ancestors: list[Criterion], egfr_trial: bool,
             header_genes: frozenset[str]) -> Context:
    """What the sentences of criteria[index] inherit from it, its sub-bullets and the bullets above it."""
    crit = criteria[index]
    cohorts = next((found for a in reversed(ancestors) if (found := heading_cohorts(a.text))), ())
    header = next((a.text for a in reversed(ancestors) if _header_cue(a.text)), "")
    context_text = " ".join([crit.text, *(c.text for c in sub_bullets(criteria, index))])
    banned = crit.section == "inclusion" and any(_banning_header(a.text) for a in ancestors)
    return Context(
        section="exclusion" if banned else _section(crit),
        cohorts=heading_cohorts(crit.text, 70) or _coded_cohort(crit.text, ancestors, crit.scope)
        or _design_part(criteria, index) or cohorts,
        # Under a banning lead-in a bare name is a ban: read as an exclusion of what was had.
        inherited=_header_cue(header) if header else "past" if banned else None,
        adjuvant_ok=bool(cues.ADJUVANT.search(normalize(context_text))),
        soft=any(_conditional_parent(a) for a in ancestors),
        prefix=_prefix(ancestors),
        egfr_trial=egfr_trial,
        header_genes=header_genes,
    )


# "For subjects who have received prior anti-tumor therapy, as follows:", "Requirements for previously treated
# subjects:", "If previously treated with a checkpoint inhibitor:": a lead-in that picks the patients its
# sub-bullets bind by their earlier treatment; a patient who had none is not one of them.
_HISTORY_PARENT = guarded(
    r"\b(?:for|in|if|when|where)\s+(?:\w+\s+)?(?:patients|subjects|participants|those|cases)\s+(?:who|that|which)\s+"
    r"(?:have\s+|has\s+|had\s+|were\s+|was\s+|are\s+)?(?:been\s+)?(?:previously\s+|already\s+)?(?:received|treated|had"
    r"|undergone|pre-?treated|exposed)\b"
    r"|\b(?:for|of)\s+(?:the\s+)?(?:previously|already)[\s-]+(?:treated|pre-?treated)\s+(?:patients|subjects|participants)"
    r"|\b(?:patients|subjects|participants)\s+(?:who|that)\s+(?:were|have been|had been)\s+(?:previously|already)\s+"
    r"treated\b[^:]{0,40}\bfollowing"
    r"|^\W*if\s+(?:previously|already|prior)\b"
)


# A later sentence about how the earlier treatment went for the patient: "Subjects never experienced a toxicity
# leading to permanent discontinuation of prior immunotherapy", "Any toxicity must have recovered to Grade 1".
_TOLERATED = guarded(r"\btoxicit|\badverse (?:event|reaction)|\birae\b|\bpneumonitis\b|\bdiscontinu|\bintoleran")
# What makes "Received X" a requirement whatever follows: a course or a line on it.
_ASKS_ANYWAY = re.compile(r"\b(?:progress|relaps|recurr|refractory|resistan|fail|line|regimen|must|required|should"
                          r"|for (?:advanced|metastatic|recurrent|stage))")


def _soften_conditioned(rules: list[dict[str, Any]], spans: dict[int, tuple[int, int]],
                        reads: tuple[FirstRead | None, ...], pieces: tuple[str, ...]) -> None:
    """ "Received previous immunotherapy, such as PD-1 antibody. Subjects never experienced a toxicity leading to
    its permanent discontinuation.": a bare "received X" followed by a condition on how X went reads as a rule
    for those who had X, maybe one for everyone: a shortfall is a question."""
    for k, (low, high) in spans.items():
        first = reads[k]
        if first is None or low == high or _ASKS_ANYWAY.search(first.norm):
            continue
        if any(_TOLERATED.search(normalize(piece)) for piece in pieces[k + 1:]):
            rules[low:high] = [{**rule, "soft": True} if rule["kind"] == "require" else rule
                               for rule in rules[low:high]]


# Blood cancers written as abbreviations only ("Relapsed/refractory PTCL with at least 1 prior line").
_BLOOD_CANCER = re.compile(r"\b(?:PTCL|DLBCL|CTCL|NHL|CLL|SLL|AML|MDS|MCL|MZL|PCNSL|AITL|ALCL|ENKTL|R/R\s?MM)\b")
# A piece's opening, where the tumour it is about is named: "iii. Colorectal cancer:", "Relapsed/refractory
# DLBCL with ...", "gastric cancer after ...".
_PIECE_LABEL = re.compile(r"^\W{0,3}(?:[ivx]{1,4}[.)]\s{0,3}|[a-z0-9][.)]\s{0,3})?(?P<label>[^:;()]{2,60}):", re.I)
_OPENING_END = re.compile(r"\b(?:with|after|who|that|which|whose|following|progress\w*|failed|previously|must|should"
                          r"|having|has|have|treated|received)\b|[:;(,]", re.I)


def _opening_cancers(piece: str) -> tuple[str, ...]:
    """The cancers a piece names in its opening label or words, before what it asks."""
    label = _PIECE_LABEL.match(piece)
    if label:
        opening = label.group("label")
    else:
        end = _OPENING_END.search(piece)
        opening = piece[:end.start()] if end else piece[:80]
    named = cancers_named(opening)
    return (*named, "haematological") if _BLOOD_CANCER.search(opening) and "haematological" not in named else named


def _scope_pieces(rules: list[dict[str, Any]], spans: dict[int, tuple[int, int]], pieces: tuple[str, ...]) -> None:
    """ "i. NSCLC: after platinum; ii. Colorectal cancer: failed at least two prior systemic therapies", "Relapsed
    PTCL with at least 1 prior line": a piece that opens by naming another cancer (and no NSCLC, lung or solid
    tumours) binds the patients with that cancer only, whatever the bullet as a whole is about."""
    for k, (low, high) in spans.items():
        if low == high:
            continue
        named = _opening_cancers(pieces[k])
        if not named or INCLUDES_NSCLC.intersection(named) or "not_nsclc" in named:
            continue
        own = Scope(label=quote(pieces[k], 80), kind="condition", diseases=named)
        for n in range(low, high):
            outer = rules[n].get("scope")
            if outer and outer.get("diseases"):
                continue  # the reader already told whose rule it is
            merged = merge(Scope.from_json(outer) if outer else None, own)
            rules[n] = {**rules[n], "scope": merged.to_json() if merged else None}


# A bullet that still opens with "or" after the shared reader joined what it could ("* OR" / "* declined standard
# treatment." after a lead-in with sub-bullets, which nothing may be joined into).
_LONE_OR = re.compile(r"\W{0,3}(?:and/)?or\b", re.I)
# (Any wording of the shared "cannot / will not have it" vocabulary: "OR not amenable to standard treatment".)
_OR_DECLINED = guarded(r"\bOR\s+(?:(?:has|have|had|who|are|is|was|were)\s+)?(?:declined|refused|ineligible|intolerant"
                       rf"|not\s+(?:a\s+)?candidates?|unsuitable|unable|(?i:{CANNOT_HAVE}))\b")


def _soften_branches(rules: list[dict[str, Any]], criteria: list[Criterion], index: int,
                     stated_by: dict[int, tuple[int, int]]) -> None:
    """ "... recurred, specifically:" (sub-bullets) / "OR" / "declined standard treatment.": the bullet before,
    with its sub-bullets, and the "or" bullet are two ways in; a shortfall on either is a question."""
    crit = criteria[index]
    sibling = next((k for k in range(index - 1, -1, -1) if criteria[k].section != crit.section
                    or criteria[k].depth <= crit.depth), None)
    if sibling is None or criteria[sibling].section != crit.section or criteria[sibling].depth != crit.depth:
        return
    # Put among the sub-bullets of a lead-in ("... recurred, specifically:" / per-tumour items / "OR declined"),
    # the "or" bullet is the other way beside the lead-in's own requirement too.
    lead = next((k for k in range(sibling, -1, -1) if criteria[k].depth < crit.depth), None)
    if lead is not None and criteria[lead].section == crit.section and criteria[lead].text.rstrip().endswith(":"):
        sibling = lead
    starts = [stated_by[k][0] for k in range(sibling, index + 1) if k in stated_by]
    if starts:
        rules[min(starts):] = [{**rule, "soft": True} for rule in rules[min(starts):]]


# "Previous anti-cancer therapy:", "Prior systemic treatment for advanced disease:": a heading that names the topic of
# the bullets under it (often one per cohort: "Cohort A: after platinum", "Cohort C: no prior systemic therapy"). It
# asks for nothing (no verb, count or drug) and bans nothing: its sub-bullets say what each group needs.
_TOPIC_HEADING = re.compile(
    r"^\W{0,3}(?:[a-z0-9]{1,2}[.)]\s+)?(?:prior|previous|earlier|past)\s+"
    r"(?:(?:systemic|anti-?cancer|anti-?tumou?r|anti-?neoplastic|oncologic(?:al)?|cancer|medical|drug)\s+)*"
    r"(?:therap(?:y|ies)|treatments?|regimens?)(?:\s+(?:history|requirements?|criteria))?"
    r"(?:\s+(?:for|in)\s+(?:the\s+)?(?:advanced|metastatic|recurrent|locally\s+advanced|stage\s+iv)"
    r"(?:\s*(?:or|/|and)\s*(?:advanced|metastatic|recurrent))?(?:\s+(?:disease|setting|nsclc))?)?"
    # "Prior systemic therapy must have included:", "Previous treatment should include all of the following:"
    r"(?:\s+(?:must|should|needs?\s+to|has\s+to|is\s+required\s+to)\s+(?:have\s+)?"
    r"(?:included?|consisted\s+of|consist\s+of|comprised?)(?:\s+(?:all\s+of\s+the\s+following|both|each\s+of))?)?"
    r"\s*:\s*$"
)


def _topic_heading(crit: Criterion) -> bool:
    return len(crit.text) <= 100 and _TOPIC_HEADING.match(normalize(crit.text)) is not None


def _bare_topic(crit: Criterion) -> bool:
    """"Prior anticancer therapy", "Previous therapy for advanced disease" with no colon: the same topic words alone,
    a heading when sub-bullets follow (the caller asks), whose own scope each sub-bullet keeps."""
    return len(crit.text) <= 100 and not crit.text.rstrip().endswith(":") \
        and _TOPIC_HEADING.match(normalize(crit.text).rstrip(" .;") + ":") is not None


def _history_header(crit: Criterion) -> bool:
    """ "For subjects who have received prior therapy, as follows:": a lead-in picking patients by their earlier
    treatment, which asks for none itself (its sub-bullets bind those patients)."""
    norm = normalize(crit.text)
    return crit.section == "inclusion" and len(norm) <= 160 and norm.rstrip().endswith(":") \
        and bool(_HISTORY_PARENT.search(norm))


def _conditional_parent(parent: Criterion) -> bool:
    """Whether a bullet above makes its sub-bullets a condition ("eligible if:", "provided that", "for subjects
    who have received prior therapy:"). A list of alternatives passes on only the sentence that opens the list:
    "... provided they switch" in another sentence is about other patients, not a condition on each
    alternative."""
    intro = list_intro(parent.text) if parent.section == "inclusion" else None
    norm = normalize(intro if intro is not None else parent.text)
    return bool(cues.CONDITION_PARENT.search(norm)) or _history_header(parent)


def _reading_rules_once(first: FirstRead, ctx: Context,
                        said: dict[tuple[str, Context], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """reading_rules, remembered per distinct sentence and context: a repeated bullet under the same
    headers reads the same. `first` is read_sentence(sentence, ctx.section, ctx.egfr_trial), so the
    sentence and the context decide it. Copies: the caller's rules are its own."""
    key = (first.sentence, ctx)
    if key not in said:
        said[key] = reading_rules(first, ctx)
    return [dict(rule) for rule in said[key]]


def _carried_cohorts(pieces: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Per sentence, the cohorts of the last heading in an earlier sentence of the same bullet:
    "Cohort 3: must have progressed on X. X must have been the first-line treatment." (both cohort 3)."""
    carried: list[tuple[str, ...]] = []
    last: tuple[str, ...] = ()
    for piece in pieces:
        carried.append(last)
        last = heading_cohorts(piece) or last
    return carried


def _others_told(crit: Criterion) -> bool:
    """Whether the criterion is "All other participants must ..." and the shared reader took its group as the
    patients without the markers the bullet before it named (reader/scope.py the_others)."""
    scope = crit.scope
    return scope is not None and scope.absent and bool(scope.genes) and scope.kind == "condition" \
        and bool(cues.OTHERS.search(normalize(scope.label)))


def _sensitising_before(rules: list[dict[str, Any]], span: tuple[int, int] | None) -> bool:
    """Whether the criterion just before stated a driver rule for sensitising EGFR findings only."""
    if span is None:
        return False
    return any(rule["kind"] == "driver" and rule.get("egfr_findings") for rule in rules[span[0]:span[1]])


def _section(crit: Criterion) -> str:
    return crit.section if crit.section in ("inclusion", "exclusion") else "inclusion"


def criteria_rules(text: TrialText, alternatives: Alternatives = NONE) -> list[dict[str, Any]]:
    """Rules from every criterion sentence, with cohorts and headers carried down to sub-bullets, and
    each rule inside a list of alternatives marked with its path (`alt`)."""
    criteria = fold_line_contents(fold_including(list(text.criteria)))
    egfr_trial = bool(_EGFR.search(text.header))
    header_genes = frozenset(genes_named(text.header))
    observational = text.study_type == "OBSERVATIONAL"
    rules: list[dict[str, Any]] = []
    ancestors: list[Criterion] = []
    tails: dict[tuple[str, int], Scope | None] = {}  # a heading written at the end of a bullet, per level
    # A long text repeats bullets word for word (the same criterion under several cohorts or parts), and
    # what a bullet's own words say depends on its text and section only: each distinct one is read once.
    own_reads: dict[tuple[str, str], _OwnRead] = {}
    opened: dict[tuple[str, str], Scope | None] = {}  # _diagnosis_scope per distinct bullet, read once each
    defined: dict[str, tuple[str, ...]] | None = None  # the criteria's spelt-out abbreviations, read when first asked
    said: dict[tuple[str, Context], list[dict[str, Any]]] = {}  # reading_rules per distinct sentence and context
    stated_by: dict[int, tuple[int, int]] = {}  # per criterion that stated rules, their indexes
    # "completion of 4 cycles during the induction phase": given on study (the shared reader's study phases, by index)
    on_study = phase_of(criteria)
    for index, crit in enumerate(criteria):
        ancestors = [a for a in ancestors if a.depth < crit.depth and a.section == crit.section]
        if tails:  # most texts have no closing headings: nothing to filter
            tails = {key: t for key, t in tails.items() if key[0] == crit.section and key[1] <= crit.depth}
        own = own_reads.get((crit.text, crit.section))
        if own is None:
            own = own_reads[(crit.text, crit.section)] = _own_read(crit, egfr_trial)
        pieces, reads = own.pieces, own.reads
        # "the assigned agent or a similar drug (e.g. X for the Y arm)": read per arm even when its words name nothing
        examples = own.examples
        if (any(reads) or examples) \
                and not (sub_bullets(criteria, index) and (_history_header(crit) or _bare_topic(crit))) \
                and not _topic_heading(crit):
            start = len(rules)
            ctx = _context(criteria, index, ancestors, egfr_trial, header_genes)
            if _others_told(crit):
                ctx = replace(ctx, others_told=True)
            if observational:
                ctx = replace(ctx, observational=True)
            lead = pieces[0].split(":", 1)[0] if len(pieces) > 1 and ":" in pieces[0] else ""
            lead_cue = _header_cue(lead) if lead else None
            carried = _carried_cohorts(pieces)
            contexts = {(): ctx, ctx.cohorts: ctx}  # one context per distinct heading, not per sentence
            others: list[int] = []  # rules of "...; others must ..." sentences: outside the criterion's marker group
            stated: dict[int, list[dict[str, Any]]] = {}  # the rules each piece stated
            spans: dict[int, tuple[int, int]] = {}  # per piece, the indexes of its rules
            for k, first in enumerate(reads):
                if first is None:
                    continue
                here = contexts.get(carried[k]) or contexts.setdefault(carried[k], replace(ctx, cohorts=carried[k]))
                before = len(rules)
                if k and lead_cue and ctx.inherited is None:
                    rules += _reading_rules_once(first, replace(here, inherited=lead_cue, prefix=lead), said)
                else:
                    rules += _reading_rules_once(first, here, said)
                if len(rules) == before and k - 1 in stated:
                    rules += _widened(stated[k - 1], first)
                stated[k] = rules[before:]
                spans[k] = (before, len(rules))
                if k and cues.OTHERS.search(first.norm):
                    others.extend(range(before, len(rules)))
            if examples:
                rules[start:] = _arm_bound(examples, ctx, said, egfr_trial)
            if crit.index in on_study:  # the study gives that treatment itself: no entry requirement
                rules[start:] = [rule for rule in rules[start:] if rule["kind"] != "require"]
            stated_by[crit.index] = (start, len(rules))
            if crit.section == "inclusion" and ancestors and len(rules) > start and _given_as(ancestors[-1].text):
                rules[start:] = _drug_line_positions(rules[start:], crit.text)
            if crit.section == "inclusion" and len(pieces) > 1 and spans:
                _soften_conditioned(rules, spans, reads, pieces)
            if len(rules) > start:  # "Prior chemotherapy. Note: platinum with pembrolizumab is allowed"
                lift_within(rules, spans, pieces, egfr_trial)
            if len(rules) > start:  # "; TKIs are not counted", "adjuvant counts if relapse < 12 months"
                rules[start:] = criterion_asides(crit.text, pieces, rules[start:])
            if crit.scope is None and _DESCRIBED_COHORT.match(crit.text):
                # "For the chemotherapy-naive cohort: ...": a group the text names by description only, which
                # other groups may sit beside; whether the patient is in it is a question.
                rules[start:] = [rule if rule["cohorts"] else {**rule, "soft": True} for rule in rules[start:]]
            if any(rule.get("exhausted") for rule in rules[start:]) and _spelt_out_for_nsclc(criteria, index):
                rules[start:] = [{k: v for k, v in rule.items() if k != "exhausted"} for rule in rules[start:]]
            if defined is None:
                defined = _spelt_out(criteria)
            diagnosed = _opened_scope(crit, pieces, opened, defined) or tails.get((crit.section, crit.depth)) \
                or next((found for a in reversed(ancestors)
                         if (found := _opened_scope(a, own_reads[(a.text, a.section)].pieces, opened, defined))), None)
            scope = merge(crit.scope, diagnosed)
            if scope is None:
                scope = _exempt_scope(crit.text)
            if crit.section == "inclusion" and (scope is None or not scope.diseases):
                scope = merge(scope, _treated_for_other(crit.text))
            if scope is not None:
                # The shared reader's answer on who the criterion is about; check() applies it.
                scope_json = scope.to_json()
                part = crit.scope
                parts = list(scope_cohorts(part.label)) if part and part.kind != "condition" and not part.genes else []
                # A part the reader found and this module did not is one of the trial's alternatives too.
                outside = {**scope_json, "genes": []} if scope_json["genes"] else scope_json
                rules[start:] = [{**rule, "scope": _driver_scope(scope_json, outside) if rule["kind"] == "driver"
                                  else outside if start + n in others else scope_json,
                                  "cohorts": _deeper(rule["cohorts"], parts, part)}
                                 for n, rule in enumerate(rules[start:])]
                rules[start:] = [_within(rule, part) for rule in rules[start:]]
                if part is not None and part.kind in _PART_KINDS and part.genes and not parts and not part.absent:
                    # "EGFR cohort: ...": a cohort named by its marker only; one way in when other cohorts exist
                    # (assemble), not a rule on every carrier of the gene.
                    rules[start:] = [rule if rule["cohorts"] or start + n in others
                                     else {**rule, "marker_cohort": f"cohort: {normalize(part.label)}",
                                           **_part_kept(part.label)}
                                     for n, rule in enumerate(rules[start:])]
                narrowed = _scope_alterations(scope)
                if narrowed:  # "EGFR L858R cohort: ...": the carriers of that alteration only
                    rules[start:] = [rule if rule["kind"] == "driver" or start + n in others or rule.get("marker")
                                     else {**rule, "marker": narrowed} for n, rule in enumerate(rules[start:])]
                rules[start:] = [rule if rule["scope"] is not None else {k: v for k, v in rule.items() if k != "scope"}
                                 for rule in rules[start:]]
                if _others_told(crit) and _sensitising_before(rules[:start], stated_by.get(criteria[index - 1].index)):
                    # "All other participants" after "EGFR sensitizing mutation, ALK or ROS1 ...": an EGFR finding
                    # that is not sensitising (an exon 20 insertion) is among the others.
                    rules[start:] = [{**rule, "others_marker": {"EGFR": ["sensitizing"]}} if rule.get("scope") else rule
                                     for rule in rules[start:]]
            if crit.section == "inclusion" and (marker_of := cohort_marker(crit.text)):
                # "Cohort 1: MET exon 14 skipping mutation, MET TKI naive": the state is a way in for the marker's
                # possible carriers only (verdicts._outside_cohort).
                rules[start:] = [{**rule, "cohort_marker": marker_of} if rule["cohorts"] else rule
                                 for rule in rules[start:]]
            elif crit.section == "inclusion":
                # Whether this cohort's line names a marker group (a sibling of marker-plus-state cohorts).
                named_genes = cohort_genes(crit.text)
                negatives = cohort_takes_negatives(crit.text)
                rules[start:] = [{**rule, "cohort_genes": named_genes, "cohort_negatives": negatives}
                                 if rule["cohorts"] else rule for rule in rules[start:]]
            if crit.section == "inclusion":
                _scope_pieces(rules, spans, pieces)
            if alternatives.paths and alternatives.paths[index]:
                rules[start:] = [_on_alternative(rule, alternatives.paths[index], alternatives.foreign)
                                 for rule in rules[start:]]
            if alternatives.paths and crit.section == "inclusion" and inline_options(crit.text):
                for k, (low, high) in spans.items():  # each inline alternative is a way in of its own
                    path = (*alternatives.paths[index], inline_step(index, k))
                    rules[low:high] = [_on_alternative(rule, path, alternatives.foreign) for rule in rules[low:high]]
        if own.lone_or:
            _soften_branches(rules, criteria, index, stated_by)
        elif crit.section == "inclusion" and ancestors and _OR_DECLINED.search(crit.text):
            # "... recurred, specifically:" / "* NSCLC: platinum" + "OR" + "declined standard treatment" joined into
            # the last sub-bullet: the refusal is the other way beside the lead-in's own requirement.
            for above in ancestors:
                if above.index in stated_by and above.text.rstrip().endswith(":"):
                    low, high = stated_by[above.index]
                    rules[low:high] = [{**rule, "soft": True} for rule in rules[low:high]]
        if ancestors and crit.depth and (parent := ancestors[-1].index) in stated_by:
            lift_parent(rules, stated_by[parent], crit.text, egfr_trial)  # "* One prior line of TKI is allowed"
            if crit.section == "inclusion" and crit.index in stated_by:
                _nest_groups(rules, stated_by[parent], stated_by[crit.index])
        named = own.tail_named
        if named:  # the bullet closes with a heading that opens the next bullets' group
            other = not INCLUDES_NSCLC.intersection(named)
            tails[(crit.section, crit.depth)] = Scope(pieces[-1][:-1], "condition", named) if other else None
        ancestors.append(crit)
    return _repeated_scope(rules)


def _arm_bound(examples: list[tuple[str, str]], ctx: Context,
               said: dict[tuple[str, Context], list[dict[str, Any]]], egfr_trial: bool) -> list[dict[str, Any]]:
    """A ban on the assigned arm's agent: per example, a question (soft) for the carriers of the arm's marker only;
    an arm named by no gene sets no rule, nor do the ban's generic words ("targeted therapy")."""
    out: list[dict[str, Any]] = []
    for drug, arm in examples:
        genes = tuple(genes_named(arm))
        first = read_sentence(f"Prior {drug}", "exclusion", egfr_trial) if genes else None
        if first is None:
            continue
        scope = Scope(f"{arm} arm", "condition", (), genes).to_json()
        out += [{**rule, "soft": True, "scope": scope} for rule in _reading_rules_once(first, ctx, said)
                if rule["kind"] in ("forbid", "naive")]
    return out


def _nest_groups(rules: list[dict[str, Any]], above: tuple[int, int], below: tuple[int, int]) -> None:
    """"Phase II: prior platinum and a PD-1 inhibitor" over "Group A: naive to KRAS G12C inhibitors" and "Group B:
    previously treated with one": the groups are inside the part, so the part's rules are theirs too (each group alone
    had let an untreated patient in)."""
    outer = {label for rule in rules[above[0]:above[1]] for label in rule["cohorts"]}
    inner = [label for rule in rules[below[0]:below[1]] for label in rule["cohorts"] if label not in outer]
    if not outer or not inner or any(not rule["cohorts"] for rule in rules[below[0]:below[1]]):
        return
    for k in range(*above):
        rules[k] = {**rules[k], "cohorts": list(dict.fromkeys([*rules[k]["cohorts"], *inner]))}


def _scope_alterations(scope: Scope) -> dict[str, list[str]]:
    """The alterations a marker group of the shared reader names ("Patients with an EGFR exon 20 insertion")."""
    if not scope.genes or scope.absent:
        return {}
    return group_alterations(normalize(scope.label), scope.genes)


def _repeated_scope(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A sentence repeated word for word under other cancers' parts ("Part 2B (breast cancer): ...; no more than
    3 lines including up to 1 line of chemotherapy") and once more as a bullet of its own, where the part's
    heading was lost: the bullet is that part's rule too, so it takes their scope (another cancer's scope only,
    when every scoped copy has one)."""
    if not any(rule.get("scope") for rule in rules):
        return rules
    scoped: dict[tuple[Any, ...], list[tuple[str, dict[str, Any]]]] = {}
    for rule in rules:
        if rule.get("scope") and rule["kind"] != "driver":
            scoped.setdefault(_repeat_key(rule), []).append((normalize(rule["evidence"]), rule["scope"]))
    out = []
    for rule in rules:
        copies = scoped.get(_repeat_key(rule)) if not rule.get("scope") and rule["kind"] != "driver" else None
        if copies:
            said = normalize(rule["evidence"])
            # The copy's evidence may start with its part's heading: the same sentence ends it.
            found = [scope for evidence, scope in copies if evidence.endswith(said)]
            if found and all(s.get("diseases") and not INCLUDES_NSCLC.intersection(s["diseases"]) for s in found):
                rule = {**rule, "scope": found[0]}
        out.append(rule)
    return out


def _repeat_key(rule: dict[str, Any]) -> tuple[Any, ...]:
    items = rule.get("groups") or rule.get("items") or rule.get("of")
    return (rule["section"], rule["kind"], rule.get("min"), rule.get("max"), str(items))


# "Any prior chemotherapy. This includes systemic radiosensitizers and any biologic agent.": a sentence that
# widens the ban before it to more treatments.
_WIDENS = re.compile(r"\W*(?:(?:this|these|that|which|such)\s+(?:ban\s+|exclusion\s+|criterion\s+)?(?:also\s+)?"
                     r"(?:includes?|including|encompass(?:es)?|covers?)|(?:also\s+)?includ(?:es|ing))\b")
# Where the widening stops: "This includes X but not Y", "..., except Z".
_WIDEN_STOP = re.compile(r"\bbut\b|\bexcept\b|\bexcluding\b|\bother than\b|\bnot\b|\bunless\b|\bif\b|[;:]")


def _widened(before: list[dict[str, Any]], first: FirstRead) -> list[dict[str, Any]]:
    """The bans of the sentence before, on the treatments a widening sentence names ("This includes ... any
    biologic agent"), when that sentence states no rule of its own. Only bans on named classes or drugs: a
    requirement is not widened, and a ban on all systemic treatment already holds everything."""
    found = _WIDENS.match(first.norm)
    if not found:
        return []
    stop = _WIDEN_STOP.search(first.norm, found.end())
    end = stop.start() if stop else len(first.norm)
    items = list(dict.fromkeys(i for m in first.mentions if found.end() <= m.start < end and not m.systemic
                               for i in m.items))
    if not items:
        return []
    evidence = f"{before[0]['evidence']} {quote(first.sentence)}" if before else ""
    out = []
    for rule in before:
        wider = [i for i in items if not _covered(i, set(rule.get("items") or ()))]
        if rule["kind"] == "forbid" and wider:
            out.append({**rule, "items": wider, "allow": [i for i in rule["allow"] if i not in wider],
                        "evidence": evidence})
    return out


def _spelt_out_for_nsclc(criteria: list[Criterion], index: int) -> bool:
    """ "Must have progressed on standard treatment for which no further therapy exists:" over sub-bullets per
    cancer: the NSCLC sub-bullet says what standard treatment is, so the heading asks no more than that."""
    return criteria[index].section == "inclusion" and any(
        INCLUDES_NSCLC.intersection(cancers_named(child.text)) for child in sub_bullets(criteria, index))


def _on_alternative(rule: dict[str, Any], path: tuple[int, ...], foreign: dict[int, Scope]) -> dict[str, Any]:
    """A rule inside a list of alternatives: its path, and the other cancer its alternative is for."""
    other = next((foreign[step] for step in reversed(path) if step in foreign), None)
    if other is not None and not rule.get("scope"):
        return {**rule, "alt": list(path), "scope": other.to_json()}
    return {**rule, "alt": list(path)}


# "Treatment with imatinib for GIST", "progression on sunitinib for metastatic renal cell carcinoma": the
# treatment's own disease, named after "for".
_FOR_DISEASE = re.compile(r"\bfor\s+(?P<what>[^,;:.()\[\]]{2,80})", re.I)


@lru_cache(maxsize=2048)
def _treated_for_other(text: str) -> Scope | None:
    """The other cancer an inclusion's treatment was for, when the bullet names no NSCLC: "Part A: Treatment
    with imatinib for GIST with documented progression" is about GIST patients, whatever part it heads."""
    if "for" not in text.lower():
        return None
    named = cancers_named(text)
    if not named or INCLUDES_NSCLC.intersection(named) or "not_nsclc" in named:
        return None
    for found in _FOR_DISEASE.finditer(text):
        if in_allowing_aside(text, *found.span()):
            continue  # "No prior chemotherapy (except chemotherapy for lymphoma)": the exception's cancer
        diseases = cancers_named(found.group("what"))
        if diseases:
            return Scope(label=quote(found.group(0), 80), kind="condition", diseases=diseases)
    return None


def _driver_scope(scope_json: dict[str, Any], outside: dict[str, Any]) -> dict[str, Any] | None:
    """A driver rule carries its own genes ("EGFR, ALK, or other alterations" is every driver, where the
    reader names EGFR and ALK): the reader's marker group alone is dropped, a part or cancer is kept."""
    if scope_json["genes"] and scope_json["kind"] == "condition" and not scope_json["diseases"] \
            and " / " not in scope_json["label"]:
        return None
    return outside


_DIAGNOSIS = re.compile(r"\bdiagnos|\bhistolog|\bcytolog|\bconfirmed\b", re.I)


# A short group name before a colon or before "participants": "PDAC (2-3L): ...", "PROC participants must ...".
_GROUP_LEAD = re.compile(r"^\W{0,3}(?P<lead>[^:;.]{2,60}?)\s*:")
_GROUP_BEFORE = re.compile(r"^\W{0,3}(?P<lead>[^:;.]{2,40}?)(?=\s+(?:participants|patients|subjects|cohort)\b)")
# The disease a bullet opens with, up to the words that say what happened to it.
_OPENING = re.compile(
    r"^\W{0,3}(?P<lead>(?:[^,;:()]|\([^()]{0,20}\)){3,120}?)\s*(?:,|\b(?:with|after|who|that|which|previously"
    r"|following|progressing|progressed|refractory|resistant|patients|status post|as|in)\b)", re.I)
# An abbreviation or code ("PROC", "mCRC", "Cluster-2"), not a word like "All" or "Female".
_GROUP_NAME = re.compile(r"^(?=\S*[A-Z]\S*[A-Z]|\S*[-\d])[A-Za-z][A-Za-z0-9+/-]{1,11}(?:\s*\([^()]{0,15}\))?$")
_PATIENT_GROUP = re.compile(r"\s+(?:participants|patients|subjects)\s+(?:must|should|shall|need|are required)\b")


def _opened_scope(crit: Criterion, pieces: tuple[str, ...], opened: dict[tuple[str, str], Scope | None],
                  defined: dict[str, tuple[str, ...]]) -> Scope | None:
    """_diagnosis_scope, remembered per distinct bullet (it reads the bullet's section and words, and the
    trial's spelt-out abbreviations)."""
    key = (crit.text, crit.section)
    if key not in opened:
        opened[key] = _diagnosis_scope(crit, pieces, defined)
    return opened[key]


# "platinum resistant serous ovarian cancer (PROC)": an abbreviation the trial spells out in the words before it.
_ABBREVIATION = re.compile(r"\(\s*(?P<abbr>[A-Z][A-Za-z0-9+/-]{1,11})\s*\)")
_SPELLING_CUT = re.compile(r"[()\n;:,]")


def _spelt_out(criteria: list[Criterion]) -> dict[str, tuple[str, ...]]:
    """The cancers each abbreviation the criteria spell out stands for (the first spelling wins)."""
    found: dict[str, tuple[str, ...]] = {}
    # Each distinct bullet once, in order (a long text repeats bullets; the first spelling still wins).
    for text in dict.fromkeys(crit.text for crit in criteria if "(" in crit.text):
        for match in _ABBREVIATION.finditer(text):
            words = _SPELLING_CUT.split(text[max(0, match.start() - 80):match.start()])[-1]
            named = cancers_named(words) if len(words.strip()) > 2 else ()
            if named:
                found.setdefault(match.group("abbr"), named)
    return found


def _diagnosis_scope(crit: Criterion, pieces: tuple[str, ...],
                     defined: dict[str, tuple[str, ...]] | None = None) -> Scope | None:
    """Who an inclusion is about when its own opening says so and the shared reader did not read it:
    "Histological diagnosis of ER+ breast cancer. Participants must have progressed after X" and
    "PDAC (2-3L): Participants must ..." set rules for another cancer; "PROC participants must ..."
    for a group the words do not place (a question, never an exclusion)."""
    if crit.section == "exclusion" or not pieces:
        return None
    defined = defined or {}
    first = pieces[0]
    before = _GROUP_BEFORE.match(first)
    if before and _GROUP_NAME.match(before.group("lead")) and _PATIENT_GROUP.match(first, before.end()) \
            and not genes_named(before.group("lead")) and not cancers_named(before.group("lead")):
        # An abbreviation the vocabulary does not place, unless the trial spells it out ("serous ovarian
        # cancer (PROC)"); "EGFR-mutant patients" is a marker group, read elsewhere.
        spelt = defined.get(before.group("lead"), ())
        if spelt and not INCLUDES_NSCLC.intersection(spelt):
            return Scope(label=before.group("lead"), kind="condition", diseases=spelt)
        return Scope(label=before.group("lead"), kind="condition")
    lead = _GROUP_LEAD.match(first) or before
    words = lead.group("lead") if lead else ""
    if not words:
        # A list of indications: "Hepatocellular carcinoma previously treated with sorafenib".
        opening = _OPENING.match(first)
        words = opening.group("lead") if opening else ""
    named = cancers_named(words) if words else ()
    if "not_nsclc" in named:  # "solid tumours other than NSCLC"
        return Scope(label=quote(words, 80), kind="condition", diseases=("not_nsclc",))
    if not named and _DIAGNOSIS.search(first):
        named = cancers_named(first)
    if not named or INCLUDES_NSCLC.intersection(named):
        return None
    return Scope(label=quote(words or first, 80), kind="condition", diseases=named)


# Purposes (shared reader) of sentences that name a treatment without asking which one was had.
# ("hypersensitivity" is left to cues.off_topic, which reads allergies to a named drug itself.)
_SKIP_PURPOSES = frozenset({"toxicity_recovery", "contraception", "concomitant", "logistics"})
# A treatment word after "cancer" ("prior cancer therapy") is the patient's own treatment, never another cancer.
_CANCER_TREATMENT = re.compile(r"\bcancer[\s-]+(?:therap|treatment|drug|agent|regimen|medication)")


# ("oligoprogression" too; "currently receiving X for at least 3 months": the ongoing line's length, no washout)
_COURSE = re.compile(r"\b(?:oligo-?)?(?:progress|relaps|recurr|refractory|resistan|failed|failure)"
                     r"|\bcurrently\s+(?:receiving|treated\s+with|on|taking|undergoing)\b", re.I)
_STARTS = re.compile(r"\b(?:after|since|following|from|of)\s+(?:the\s+)?(?:starting|initiating|commencing|beginning)\b"
                     r"|\b(?:after|since|following)\s+(?:the\s+)?(?:start|initiation|commencement)\s+of\b(?!\s+(?:the\s+)?stud)"
                     r"|\b(?:has|have|had)\s+(?:already\s+)?(?:started|initiated|begun|commenced)\b")


# An aside that allows the treatment of an earlier setting (its window is that allowance's, not a washout).
_ASIDE_ALLOWS = re.compile(r"\([^()]*\b(?:neo-?adjuvant|adjuvant|peri-?operative|curative)\b[^()]*"
                           r"\b(?:allowed|permitted|acceptable|eligible)\b[^()]*\)")


# "Anti-PD-(L)1 pretreated (not applicable to patients with EGFR/ALK alterations)", "(does not apply to ALK-positive
# patients)", "(EGFR-mutant patients exempt)": the rule binds only the patients without those markers.
_EXEMPT = re.compile(
    r"\((?:this |which )?(?:is |are )?(?:not applicable|does not apply|do not apply|not required|not needed"
    r"|n/a)\s+(?:to|for|in)\s+(?P<who>[^()]{2,80})\)"
    r"|\((?P<exempt>[^()]{2,60}?)\s+(?:are |is )?exempt(?:ed)?\)"
)


def _exempt_scope(text: str) -> Scope | None:
    """The patients an aside exempts from the criterion, as a scope of the rest ("absent" their genes)."""
    if "(" not in text:
        return None
    match = _EXEMPT.search(text.lower())
    if match is None:
        return None
    genes = genes_named(match.group("who") or match.group("exempt") or "")
    return Scope(match.group(0)[1:-1], "condition", genes=genes, absent=True) if genes else None


def _off_purpose(sentence: str, section: str) -> bool:
    """Whether a sentence names a treatment for another reason (recovery, allergy, another cancer, a
    sample, a washout in an exclusion): no prior-therapy rule, whatever it names."""
    if " case" in sentence:
        sentence = cues.IN_WHICH_CASE.sub("", sentence)
    purpose = purpose_of(sentence)
    if purpose is None:
        return False
    if purpose == "other_cancer":
        return not _CANCER_TREATMENT.search(sentence.lower())
    if purpose == "washout":
        # An inclusion "progressed within 6 months of platinum" or "must have received platinum, the last
        # dose at least 4 weeks ago" still asks for platinum; the sentence reader drops only its time
        # window. One that asks for neither ("Time between prior anticancer therapy and the first dose:
        # as below") is only the window.
        # "Within 12 weeks after starting ICI" asks for ICI too.
        low = sentence.lower()
        if (section == "inclusion" or _ASIDE_ALLOWS.search(sentence)) \
                and purpose_of(cues.strip_parens(sentence)) is None:
            # "No prior systemic therapy (adjuvant chemotherapy allowed if 12 months before)": the window is
            # the aside's, the sentence itself still bans. (In an exclusion, only an aside that allows: "Prior
            # chemotherapy for advanced NSCLC (adjuvant chemotherapy is allowed if > 6 months before)".)
            return False
        return section == "exclusion" or not (_COURSE.search(sentence) or cues.MUST_HAVE_HAD.search(low)
                                              or _STARTS.search(low))
    if purpose == "logistics" and _COURSE.search(sentence):
        # "Failure of, intolerance to or not willing to accept chemotherapy": the willingness is one way in
        # beside the course of earlier treatment, which is still read.
        return False
    return purpose in _SKIP_PURPOSES


# "Mechanism of Primary Resistance to X as First-line Treatment", "Biomarkers of Response and Resistance to
# First-line X", "Predictors of Progression on X", "to Predict Resistance in Patients ...": the resistance is what the
# study looks into, in patients who may be starting X; the title asks for no earlier line. (Not "Drug Y After
# Resistance to First-line X".)
_STUDIED_RESISTANCE = re.compile(
    r"\b(?:mechanisms?|biomarkers?|markers?|predictors?|predict(?:s|ing|ion|ive)?|determinants?|landscape|evolution"
    r"|dynamics|monitoring|detection|profil\w+|characteri[sz]\w+|patterns?|signatures?)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:of\s+|for\s+)?(?:(?:primary|acquired|intrinsic|innate|early|de\s+novo)\s+)?"
    # ("to Predict Response and Resistance in Patients With NSCLC Starting a New Line of Therapy": the patients'
    # resistance is what is studied, not a way in)
    r"(?:(?:response|sensitivity|efficacy|benefit)\s+(?:and|or|&)\s+)?(?:resistance|progression|response)\s+"
    r"(?:to|on|in\s+(?:the\s+)?(?:patients|participants|subjects|people|individuals))\b")
_ENTERS_AFTER = re.compile(r"\b(?:after|following|post|pre-?treated|previously treated|refractory|progressed|failed"
                           r"|failure|relapsed)\b")


def _studied_resistance(title: str) -> bool:
    low = normalize(title)
    if "resist" not in low and "progress" not in low and "respon" not in low:
        return False
    return _STUDIED_RESISTANCE.search(low) is not None and not _ENTERS_AFTER.search(low)


# "... Versus a Doublet in Elderly Patients With Advanced NSCLC. Second Line: Erlotinib": a line label with a colon
# appended after the title's own sentence names a later step of the study's plan (what its patients get next), not
# the line they enter at. (A title that opens with the label, "Second Line: Docetaxel Versus X", is read as before.)
_PLAN_STEP = re.compile(r"(?<=[.;])\s*(?:(?:first|second|third|fourth|later|1st|2nd|3rd|4th|[1-4])[\s-]*line"
                        r"(?:\s+(?:treatment|therapy|setting))?|maintenance|consolidation)\s*:\s*[^.;:]*", re.I)


def title_rules(text: TrialText) -> list[dict[str, Any]]:
    """What the title says about earlier treatment ("as first-line", "previously treated", "TKI-naive")."""
    rules: list[dict[str, Any]] = []
    for title in dict.fromkeys(t.strip() for t in text.title.split(" / ") if t.strip()):
        title = _PLAN_STEP.sub("", title).strip()
        if not title or _studied_resistance(title):
            continue
        found = sentence_rules(title, Context(section="title"))
        if found and "induction" in title.lower() and _INDUCTION_TITLE.search(normalize(title)):
            # "Local Therapy After Alectinib Induction in ALK-positive NSCLC", "Maintenance X Immediately Following
            # Induction Treatment With Pemetrexed Plus Cisplatin": the induction may be the study's own first step,
            # so having had the drug is a question, never a reason to exclude (and no rule at all when the criteria
            # ask for no earlier treatment: assemble).
            found = [{**rule, "soft": True, _ON_STUDY: True} for rule in found]
        rules += found
    return rules


_INDUCTION_TITLE = re.compile(r"\b(?:after|following|post|upon)\s+(?:[\w-]+\s+){0,4}?induction\b")
# Marks a title rule read from the study's own induction step (see title_rules); assemble drops the mark.
_ON_STUDY = "on_study_induction"


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return not a["cohorts"] or not b["cohorts"] or bool(set(a["cohorts"]) & set(b["cohorts"]))


def _covered(item: str, banned: set[str]) -> bool:
    """Whether a ban on `banned` would also ban `item` (a drug or class below a banned class)."""
    return item in banned or bool(_class_items(item) & banned)


@lru_cache(maxsize=1024)  # asked for every required item against every ban; the vocabulary does not change
def _class_items(item: str) -> frozenset[str]:
    """The class items ("c:<class>") a drug belongs to, or a class sits under (itself included)."""
    kind, _, key = item.partition(":")
    return frozenset(f"c:{c}" for c in (drugs.classes_of(key) if kind == "d" else drugs.ancestors(key)))


def _strictly_below(item: str, cls: str) -> bool:
    """Whether `item` (a drug or class) sits under the class `cls` without being it."""
    return cls.startswith("c:") and item != cls and cls in _class_items(item)


def _reconcile(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A trial cannot require and ban the same treatment: what it requires is allowed by its bans,
    and an exclusion "received systemic therapy" in a trial that needs earlier treatment is a washout."""
    needs = [r for r in rules if r["section"] != "exclusion" and r["kind"] == "require" and not r.get("genes")
             and not r.get("current")]
    needs_lines = [r for r in rules if r["section"] != "exclusion" and r["kind"] == "lines"
                   and r.get("min") and not r.get("of") and not r["soft"]]
    # Required items per cohort list, gathered once (trials have few distinct cohort lists).
    required_by: dict[tuple[str, ...], list[str]] = {}
    for need in needs:
        items = required_by.setdefault(tuple(need["cohorts"]), [])
        items.extend(i for g in need["groups"] for i in g if i not in items)
    # In order of appearance, not a set: the order of `allow` below must not depend on the hash seed.
    need_cohorts = list(dict.fromkeys(tuple(n["cohorts"]) for n in needs + needs_lines))
    out = []
    for rule in rules:
        if rule["kind"] in ("forbid", "naive") and not rule.get("in_study"):
            overlapping = [c for c in need_cohorts if _overlap(rule, {"cohorts": list(c)})]
            if rule["kind"] == "naive" and rule["section"] == "exclusion" and not rule["allow"] and overlapping:
                continue
            banned = set(rule.get("items") or ()) if rule["kind"] == "forbid" else {"c:systemic"}
            required = [i for c in overlapping for i in required_by.get(c, ())]
            extra = [i for i in dict.fromkeys(required) if _covered(i, banned) and i not in rule["allow"]]
            if extra:
                rule = {**rule, "allow": [*rule["allow"], *extra]}
                # "Progressed on an EGFR TKI" beside "no prior third-generation EGFR TKI (e.g. osimertinib)": the
                # ban names part of the class required, and that part stays banned.
                narrower = [b for b in sorted(banned) if any(_strictly_below(b, i) for i in extra)]
                if narrower:
                    rule["allow_not"] = narrower
        out.append(rule)
    return out


def _groups(rules: list[dict[str, Any]], named: frozenset[str] = frozenset(),
            leaves: tuple[tuple[int, ...], ...] = (), other_parts: frozenset[str] = frozenset()) -> list[list[int]]:
    """Rule indexes per cohort and per open alternative (`leaves`): a profile that fits any one fits the
    trial. `named` holds the cohorts, parts and phases the criteria name anywhere (closed ones left out);
    `other_parts` those an inclusion places in another cancer (foreign_parts)."""
    groups = _cohort_groups(rules, named, other_parts)
    if not leaves or not any(r.get("alt") for r in rules):
        return groups
    paired = [[i for i in group if on_path(rules[i].get("alt"), leaf)] for group in groups for leaf in leaves]
    # "Received one of the following: * Cohort 1: X * Cohort 2: Y": a cohort named on one way in is no group on
    # another way in (cohort 1 taken by the way of cohort 2 would be a group with no rule, open to anyone).
    sided = [any(rules[i].get("alt") and rules[i]["cohorts"] for i in group) for group in groups for _ in leaves]
    # "Enrolment into one of the following cohorts: * Cohort 1: ... * Cohort 2: ...": the rules common to all keep
    # cohort 1 paired with cohort 2's way in from being empty, yet it is no way in either.
    foreign = [_others_way(group, leaf, rules) for group in groups for leaf in leaves]
    kept = [group for group, side, other in zip(paired, sided, foreign, strict=True)
            if (group or not side) and not (side and other)]
    return kept or paired


def _others_way(group: list[int], leaf: tuple[int, ...], rules: list[dict[str, Any]]) -> bool:
    """Whether the way `leaf` is another cohort's: every rule on it names cohorts, and none is in `group`."""
    on_leaf = [i for i, rule in enumerate(rules) if rule.get("alt") and on_path(rule["alt"], leaf)]
    return bool(on_leaf) and all(rules[i]["cohorts"] for i in on_leaf) and not set(on_leaf) & set(group)


def _cohort_groups(rules: list[dict[str, Any]], named: frozenset[str], other_parts: frozenset[str]) -> list[list[int]]:
    labels = list(dict.fromkeys(label for r in rules for label in r["cohorts"]))
    common = [i for i, r in enumerate(rules) if not r["cohorts"]]
    if not labels:
        return [common]
    # "Expansion part: * Cohort 1: ... * Cohort 2: ... * no more than 4 prior regimens": the part's own rules bind each
    # of its cohorts, and the part is no way in beside them (_within, "within").
    outer = {label: sorted({p for r in rules if label in r["cohorts"] for p in r.get("within", ())})
             for label in labels}
    containers = {p for parents in outer.values() for p in parents if _container(p, rules, named, labels)}
    outer = {label: [p for p in parents if p in containers] for label, parents in outer.items()}
    groups = [[i for i, r in enumerate(rules) if not r["cohorts"] or label in r["cohorts"]
               or set(outer[label]) & set(r["cohorts"])] for label in labels]
    named_together = {tuple(r.get("in_part") or r["cohorts"]) for r in rules
                      if r["section"] == "inclusion" and r["cohorts"]}
    # "Phase 2 and Phase 3: prior systemic treatment ..." in a trial whose criteria name only these two
    # phases: no other part exists to take the patient.
    # (A part for another cancer only takes no NSCLC patient: it need not be among them.)
    ours = (named | other_parts) - other_parts
    every_part = len(named | other_parts) >= 2 and bool(ours) and ours <= set(labels)
    if len(named_together) < 2 and not every_part:
        # Only exclusions, or a single "(for cohort B only)" / "(Arms 2 and 3 only)", name cohorts: the
        # others exist without them.
        groups.append(common)
    # A cohort whose own rules are all about another cancer ("Part 2 (breast cancer)") is no way in
    # for an NSCLC patient: only the others are tried (all of them, if every cohort is another cancer's).
    # So is a part one of whose inclusions is another cancer's ("Part A: i. Treatment with imatinib for GIST;
    # ii. intolerance to imatinib"): its other rules are that cancer's too.
    foreign = [(all(_other_cancer(rules[i]) for i in group if rules[i]["cohorts"]) and any(
        rules[i]["cohorts"] for i in group)) or (k < len(labels) and labels[k] in other_parts)
        for k, group in enumerate(groups)]
    kept = [group for k, (group, other) in enumerate(zip(groups, foreign, strict=True))
            if not other and not (k < len(labels) and labels[k] in containers)]
    return kept or groups


def _container(part: str, rules: list[dict[str, Any]], named: frozenset[str], labels: list[str]) -> bool:
    """Whether a part's own rules may be folded into its cohorts (and the part dropped as a way in of its own): its
    rules are inclusions stated under it (a ban marked "(Phase 2 EXP-1 only)" may be read as the whole part's), and
    every cohort the criteria name has rules of its own (a cohort without any, "EXP-6: any number of prior
    therapies", enters by the part's rules alone)."""
    if any(r["section"] != "inclusion" for r in rules if part in r["cohorts"]):
        return False
    inner = {label for label in named if label.split(" ", 1)[0] in INNER_KINDS}
    return bool(inner) and inner <= set(labels)


def _other_cancer(rule: dict[str, Any]) -> bool:
    scope = rule.get("scope")
    return scope is not None and Scope.from_json(scope).other_disease


def assemble(criteria: list[dict[str, Any]], titles: list[dict[str, Any]],
             named: frozenset[str] = frozenset(), leaves: tuple[tuple[int, ...], ...] = (),
             other_parts: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Combine criteria and title rules, reconcile contradictions, and list the cohort groups to try."""
    rules = list(criteria)
    titles = _induction_titles(titles, criteria)
    # A line rule in the criteria says the history more exactly than a title. One only soft ("should be
    # using X as first line") leaves the title's drugs standing: "resistance to X" still asks for X.
    line_rules = [r for r in criteria if r["kind"] in _LINE_KINDS]
    titles = _said_again(_first_line_said_again(titles, criteria), criteria)
    if line_rules and all(r["soft"] or r.get("bound") for r in line_rules):
        titles = [r for r in titles if r["kind"] != "lines"]
    elif line_rules:
        rules += _title_floor(titles, line_rules)
        titles = [r for r in titles if r["kind"] == "forbid"]
    rules += _title_as_question(titles, criteria)
    kept = _described_cohorts(_unique(_reconcile(_marker_cohorts(_unique(rules)))))
    groups = _groups(kept, named, leaves, other_parts)
    kept = [{k: v for k, v in rule.items() if k != "in_part"} for rule in kept]
    return {"rules": _closed_in_options(kept, groups), "groups": groups}


def _title_as_question(titles: list[dict[str, Any]], criteria: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A title's rule on earlier treatment, only as a question when the criteria speak of earlier treatment
    themselves. A title is a summary whose scope a reader cannot check: the treatment it names may be the study's
    own ("Local Therapy After Nivolumab and Ipilimumab"), another disease's ("First-Line ... in Mesothelioma"), or a
    narrower rule said loosely ("Who Have Not Been Treated With a TKI" over criteria allowing one chemotherapy line).
    The criteria say the rule exactly; the title alone decides only when they are silent."""
    if not criteria:
        return titles
    def said(rule: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
        return rule["kind"], tuple(rule.get("items") or ())

    stated = {said(rule) for rule in criteria if not rule["cohorts"]}
    # A named class ("TKI-naive", "Chemotherapy-Naive") is exact enough to stand; so is a rule the criteria state
    # too, if only softly ("should be using an EGFR TKI" under "... Acquired Resistance to EGFR-TKI").
    return [rule if rule["kind"] == "forbid" or said(rule) in stated else _as_question(rule) for rule in titles]


def _as_question(rule: dict[str, Any]) -> dict[str, Any]:
    """The rule read softly, its options too ("First-line X": no line yet, or X as the one line)."""
    soft = {**rule, "soft": True}
    if "options" in rule:
        soft["options"] = [[_as_question(part) for part in option] for option in rule["options"]]
    return soft


def _induction_titles(titles: list[dict[str, Any]], criteria: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The title's rules, without those read from the study's own induction step ("Immediately Following Induction
    Treatment With Pemetrexed Plus Cisplatin") when the criteria ask every patient for no earlier treatment ("No prior
    systemic chemotherapy"): the induction is then given on study, so it is no earlier treatment to ask for."""
    if not any(_ON_STUDY in rule for rule in titles):
        return titles
    naive_entry = any(r["kind"] in ("naive", "forbid") and not r["soft"] and not r["cohorts"] and not r.get("genes")
                      and r["section"] == "inclusion" for r in criteria)
    return [{k: v for k, v in rule.items() if k != _ON_STUDY} for rule in titles
            if not (naive_entry and rule.get(_ON_STUDY) and rule["kind"] == "require")]


def _closed_in_options(rules: list[dict[str, Any]], groups: list[list[int]]) -> list[dict[str, Any]]:
    """A way in closed to carriers ("T790M-negative after gefitinib", sentence.reading_rules) is kept only where it
    is one way among others: a rule every group holds was not read as an option, and a carrier may have come in
    by a way beside it that the reading joined to it."""
    everywhere = set.intersection(*(set(group) for group in groups)) if len(groups) > 1 else set(range(len(rules)))
    return [{k: v for k, v in rule.items() if k != "closed_to"} if "closed_to" in rule and index in everywhere
            else rule for index, rule in enumerate(rules)]


# Words in a line limit that let an untreated patient in ("0-2 prior lines", "treatment-naive or one prior line").
_NONE_ALLOWED = re.compile(r"\b(?:0|zero|none|na[i\u00ef]ve|untreated|no prior|first[- ]line|1st[- ]line|chemo-?naive"
                           r"|without prior|not (?:have )?(?:been )?(?:previously )?(?:received|treated))\b")


def _title_floor(titles: list[dict[str, Any]], line_rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "... in Previously Treated NSCLC" over the criteria's "no more than 2 prior lines": a ceiling says nothing
    of the floor, so the title's "at least one line" stands beside it. Only when every line rule in the criteria is
    a firm ceiling for every patient whose words leave no room for the untreated."""
    floors = [r for r in titles if r["kind"] == "lines" and r.get("min") and r.get("max") is None and not r["soft"]
              and not r.get("of")]
    if not floors or not all(
            r["kind"] == "lines" and not r.get("min") and r.get("max") and not r["soft"] and not r["cohorts"]
            and not r.get("genes") and not r.get("aga") and not r.get("excepted")
            and not _NONE_ALLOWED.search(r["evidence"].lower())
            for r in line_rules):
        return []
    return floors


def _first_line_said_again(titles: list[dict[str, Any]], criteria: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "First-Line Atezolizumab ..." in the title over the criteria's "No prior chemotherapy or immunotherapy for
    advanced disease. Prior TKI therapy is allowed": the criteria ban some treatment for advanced disease and let
    another in, so the title's first line is the first line of the classes banned; its "no earlier line" would
    shut out the patient the criteria let in (a TKI line before)."""
    allowing = any(r["kind"] in ("forbid", "naive") and r.get("setting") == "advanced" and r.get("excepted")
                   and not r.get("excepted_if") and not r.get("excepted_early") and not r["soft"]
                   and not r["cohorts"] and not r.get("genes") and not r.get("aga") and r["section"] != "title"
                   for r in criteria)
    if not allowing:
        return titles
    return [r for r in titles if not (r["kind"] == "lines" and r.get("max") == 0 and not r.get("min"))]


def _said_again(titles: list[dict[str, Any]], criteria: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A title's ban the criteria state again, more exactly: "chemo-naive" in the title and "prior chemotherapy for
    stage IIIB/IV disease" in the criteria is the criteria's ban (the title's would also catch adjuvant treatment)."""
    bans = {item for r in criteria if r["kind"] in ("forbid", "naive") and not r.get("genes") and not r.get("aga")
            and not r["cohorts"] for item in (r.get("items") or ())}
    if any(r["kind"] == "naive" and not r.get("genes") and not r.get("aga") and not r["cohorts"] for r in criteria):
        bans.add("c:systemic")  # "no prior systemic therapy for stage IIIB/IV disease" bans chemotherapy too
    if not bans:
        return titles
    return [r for r in titles if r["kind"] != "forbid" or not all(_covered(i, bans) for i in r.get("items") or ())]


def _marker_cohorts(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cohorts named by a marker only ("EGFR cohort: progressed on osimertinib") are cohorts of their own when the
    criteria name other cohorts ("Cohort B: no prior systemic therapy"): a carrier may join another cohort. A
    lone marker cohort stays every carrier's rule (other cohorts, if any, are not named)."""
    marked = {rule["marker_cohort"] for rule in rules if rule.get("marker_cohort")}
    if not marked:
        return rules
    labelled = any(rule["cohorts"] for rule in rules if rule["section"] == "inclusion")
    if not labelled and len(marked) < 2:
        return [{k: v for k, v in rule.items() if k != "marker_cohort"} for rule in rules]
    return [{**{k: v for k, v in rule.items() if k != "marker_cohort"}, "cohorts": [rule["marker_cohort"]]}
            if rule.get("marker_cohort") else {k: v for k, v in rule.items() if k != "in_part"} for rule in rules]


def _described_cohorts(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cohorts named by a description under one part's heading ("Part 2 (Dose Expansion), NSCLC cohorts: * 1L NSCLC:
    no prior systemic therapy * 2L NSCLC: progression after one platinum doublet"): the reader scopes each bullet
    to its own cohort ("... / 1L NSCLC"), which this module's labels do not name, so both read as the part's rules
    and no patient met them all. When every inclusion rule of the part sits in one of two or more such cohorts, each
    cohort is a way in of its own (in_part: still one part beside the trial's others)."""
    out = list(rules)
    for part in dict.fromkeys(r["cohorts"][0] for r in rules if len(r["cohorts"]) == 1):
        if not part.startswith("part "):
            continue
        members = [i for i, r in enumerate(rules) if r["cohorts"] == [part] and r["section"] == "inclusion"]
        labels = {i: _described_label(rules[i]) for i in members}
        if any(label is None for label in labels.values()) or len(set(labels.values())) < 2:
            continue
        for i, label in labels.items():
            out[i] = {**rules[i], "cohorts": [f"cohort: {label}"], "in_part": [part]}
    return out


def _described_label(rule: dict[str, Any]) -> str | None:
    """The cohort a rule sits in inside a part: the last step of the reader's scope ("(Dose Expansion) / 1L NSCLC"),
    else the label between the heading and the rule in its quote ("Part 3 (Expansion): Frontline cohort: no prior
    therapy ..."); None for a rule of the whole part ("Part 2: no prior docetaxel")."""
    scope = rule.get("scope")
    if scope and scope.get("genes"):
        return None
    if scope and scope.get("kind") == "cohort" and " / " in scope.get("label", ""):
        return normalize(scope["label"].rsplit(" / ", 1)[1])
    steps = (rule.get("evidence") or "").split(": ")
    if len(steps) >= 3 and 0 < len(steps[1]) <= 40 and len(steps[1].split()) <= 5:
        return normalize(steps[1])
    return None


def _part_kept(label: str) -> dict[str, Any]:
    """The study part a marker cohort sits in ("Dose-expansion cohorts only: * NSCLC, KRAS G12C inhibitor-naive:
    ..."), kept as `in_part` for _cohort_groups: a cohort inside the one part the criteria name is no second named
    part, so the part the heading leaves out (dose escalation) still takes the patient on the common rules."""
    if " / " not in label:
        return {}
    parts = scope_cohorts(label.split(" / ", 1)[0])
    return {"in_part": list(parts)} if parts and all(part.startswith("part ") for part in parts) else {}


def _unique(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One copy of each rule (the first sentence that states it is the evidence)."""
    unique: dict[str, dict[str, Any]] = {}
    for rule in rules:
        key = repr(sorted((k, v) for k, v in rule.items() if k not in ("evidence", "section")))
        unique.setdefault(key, rule)
    return list(unique.values())


def parse_trial(text: TrialText) -> dict[str, Any]:
    """Everything the check needs, JSON-serializable."""
    alternatives = read_alternatives(list(text.criteria))
    criteria = own_driver_genes(criteria_rules(text, alternatives), [crit.text for crit in text.criteria])
    criteria = _before_planned_surgery(text, criteria) + _first_treatment_rules(text)
    criteria = given_in_study(criteria, run_in_items(text), _covered) + current_treatment_rules(text) \
        + local_treatment_rules(text) \
        + no_progression_rules(text)
    egfr = bool(_EGFR.search(text.header))
    criteria = lift_across(criteria, allowing_bullets(list(text.criteria), egfr), _covered)
    criteria = _with_driver_routes(text, criteria)
    criteria = _refusal_way_in(text, criteria)
    criteria = _own_cancer_setting(text, criteria)
    criteria = complement_groups(listed_groups(text, _every_part_naive(text, criteria)))
    if _unruled_design_part(list(text.criteria), criteria):
        criteria = [_nsclc_cohort_labelled(rule) for rule in criteria]
    named = named_parts(text) or _parts_beside_same(text, criteria)
    parsed = assemble(criteria, title_rules(text), named, alternatives.leaves, foreign_parts(text))
    _mark_target_near(parsed["rules"])
    if _unruled_design_part(list(text.criteria), parsed["rules"]):
        # Its patients meet only the rules every part shares: one more way in.
        common = [i for i, rule in enumerate(parsed["rules"]) if not rule["cohorts"]]
        if common not in parsed["groups"]:
            parsed["groups"].append(common)
    if [] in parsed["groups"]:
        unruled = marker_only_parts(text, parsed["rules"])
        if unruled:
            parsed["unruled_parts"] = unruled
    return parsed


def _nsclc_cohort_labelled(rule: dict[str, Any]) -> dict[str, Any]:
    """A rule of an unlabelled cohort that names NSCLC ("NSCLC cohort: must have received prior platinum-based
    chemotherapy and an anti-PD-1/PD-L1 antibody") in a trial whose design part states no rule ("Dose escalation: any
    solid tumour with KRAS G12C"): the cohort's name becomes its label, so it is one way in beside that part, not
    every NSCLC patient's rule. (Without such a part, the cohort is the NSCLC patients' only way in and binds them.)"""
    scope = rule.get("scope")
    if rule["cohorts"] or not scope or not _unlabelled_nsclc_cohort(Scope.from_json(scope)):
        return rule
    return {**rule, "cohorts": [normalize(scope["label"])]}


def _unlabelled_nsclc_cohort(scope: Scope) -> bool:
    """"NSCLC cohort", "Lung cancer cohort": a cohort, part or arm named by NSCLC alone, with no label of its own."""
    return scope.kind in ("cohort", "part", "arm") and not scope.genes and not scope.subgroup \
        and bool({"nsclc", "lung"} & set(scope.diseases)) and not scope_cohorts(scope.label)


def _own_cancer_setting(text: TrialText, rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "Has received at least one prior platinum line ... for ES-SCLC" in a trial whose title and conditions name
    ES-SCLC only: "for [cancer]" is the setting of the required treatment, and the trial's own cancer, so it is no
    other group's rule. No NSCLC history is treatment for that cancer: the requirement is marked `for_cancer` (never
    met; the labelled sets M, J, P and Y read it so, set T alone counted the NSCLC history). Bans ("No prior
    systemic treatment for ES-SCLC") and a group named by its past treatment ("Participants treated previously for
    limited-stage SCLC must ...") keep the other-group reading. A basket that names NSCLC, lung or solid tumours
    beside the other cancer keeps it too."""
    own = set(cancers_named(text.header))
    if not own or own & INCLUDES_NSCLC or "not_nsclc" in own:
        return rules
    return [_for_own_cancer(rule, own) for rule in rules]


# A group named by its past treatment: "Participants treated previously for limited-stage SCLC ...".
_TREATED_GROUP = re.compile(r"^\W{0,3}(?:all\s+)?(?:participants|patients|subjects|those|people|individuals)\s+"
                            r"(?:who\s+(?:were|have\s+been|had\s+been|received|had)\s+|previously\s+)?"
                            r"(?:treated|pre-?treated|previously|received)\b", re.I)


def _for_own_cancer(rule: dict[str, Any], own: set[str]) -> dict[str, Any]:
    scope = rule.get("scope")
    if not scope or scope.get("kind") != "condition" or scope.get("genes") or not scope.get("diseases") \
            or not set(scope["diseases"]) <= own or rule.get("soft"):
        return rule
    if set(scope["diseases"]) < own:
        # "RCC subjects must have received ..." in a trial of RCC and ovarian cancer: one of the trial's own
        # cancers names a group within it, whose rule an NSCLC patient (in neither group) is not held to.
        return rule
    if rule["kind"] == "lines" and rule.get("max") is not None and not rule.get("min"):
        # "More than one prior line of cytotoxic chemotherapy for SCLC" in an SCLC trial: the trial's own cancer,
        # not another group's; the cap counts the patient's lines (judged per dimension, as every cap is).
        return {key: value for key, value in rule.items() if key != "scope"}
    if rule.get("section") != "inclusion":
        return rule
    wanted = rule["kind"] == "require" or (rule["kind"] == "lines" and (rule.get("min") or 0) >= 1)
    if not wanted or _TREATED_GROUP.match(rule.get("evidence") or ""):
        return rule
    return {**rule, "for_cancer": list(scope["diseases"])}


def _unruled_design_part(criteria: list[Criterion], rules: list[dict[str, Any]]) -> bool:
    """Whether a lead-in naming parts by design words beside other parts ("Dose escalation and monotherapy
    cohorts: progressed on, intolerant of or ineligible for standard therapy, or declined it" over "Part B (NSCLC,
    first-line): no prior systemic therapy") states no rule on earlier treatment: its parts take any history."""
    for index, crit in enumerate(criteria):
        if crit.section != "inclusion" or design_lead(crit.text) is None:
            continue
        label = _design_part(criteria, index)
        # (Its rules, had it stated any, would quote one of its sentences, maybe shortened or after a heading.)
        words = " ".join(squash(c.text) for c in _under_heading(criteria, index))
        if label and not any(rule["evidence"].removesuffix(" \u2026")[-30:] in words for rule in rules):
            return True
    return False


def _under_heading(criteria: list[Criterion], index: int) -> list[Criterion]:
    """The criterion and, when it is a bare heading ("Dose escalation:" on a line of its own), the lines it heads: up
    to the next heading, or the end of its section. The part's rules may be stated in any of them."""
    crit = criteria[index]
    if not crit.text.rstrip().endswith(":"):
        return [crit]
    out = [crit]
    for after in criteria[index + 1:]:
        if after.section != crit.section or (after.depth <= crit.depth and after.text.rstrip().endswith(":")):
            break
        out.append(after)
    return out


def _design_part(criteria: list[Criterion], index: int) -> tuple[str, ...]:
    """("part: dose escalation and monotherapy expansion",) when the shared reader reads criteria[index] as a design
    lead-in naming a part of its own beside sibling parts (reader/design_parts.py); () otherwise."""
    if design_lead(criteria[index].text) is None:
        return ()
    part = design_part([(c.text, c.section, c.depth) for c in criteria], index)
    return (f"part: {part.label}",) if part is not None else ()


# "Patients who refuse any standard of care first line therapy are eligible to receive study treatment as first
# line therapy", "Patients who decline standard first-line chemotherapy may be enrolled": untreated patients have a
# way in beside the trial's other rules on earlier treatment.
_REFUSAL_WAY_IN = guarded(
    r"\b(?:patients|participants|subjects|those|individuals)\s+who\s+(?:have\s+)?(?:refus\w*|declin\w*|reject\w*"
    r"|(?:are\s+)?(?:unwilling|not\s+willing)\s+to\s+(?:receive|accept|undergo|have))\s+[^.;]{0,80}?"
    r"\b(?:first[\s-]line|front[\s-]line|1st[\s-]line|standard)\b[^.;]{0,60}?,?\s+(?:(?:are|is|will\s+be|may\s+be|shall\s+be"
    r"|remain)\s+(?:also\s+)?(?:eligible|allowed|permitted)|may\s+(?:also\s+)?(?:be\s+)?(?:enrol\w*|participate|included))\b"
)


def _names_refusal(low: str) -> bool:
    """Could _REFUSAL_WAY_IN match in this lower-cased criterion? (One lower() per criterion, not four.)"""
    return "refus" in low or "declin" in low or "reject" in low or "willing" in low


def _refusal_way_in(text: TrialText, rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """With an untreated patient's way in by refusing standard first-line therapy (_REFUSAL_WAY_IN), the inclusions
    asking for earlier lines or treatments are a question for a patient without them, never an exclusion."""
    if not any(crit.section == "inclusion" and _names_refusal(crit.text.lower())
               and _REFUSAL_WAY_IN.search(normalize(crit.text)) for crit in text.criteria):
        return rules
    return [{**rule, "soft": True} if rule["section"] == "inclusion" and (
        rule["kind"] == "require" or (rule["kind"] == "lines" and rule.get("min"))) else rule for rule in rules]


def _mark_target_near(rules: list[dict[str, Any]]) -> None:
    """A rule on therapy against a target with no class of its own ("KRAS G12D targeted therapy") keeps the
    classes of that target's gene: a drug of one (another KRAS inhibitor) is a question (terms.target_near)."""
    for rule in [*rules, *(inner for outer in rules for option in outer.get("options") or () for inner in option)]:
        items = [*(rule.get("items") or ()), *(i for group in rule.get("groups") or () for i in group)]
        if UNNAMED_TARGET in items:
            near = target_near(rule["evidence"])
            if near:
                rule["near_target"] = near


# Rules a driver carrier's way in ("driver-positive patients may enrol after approved targeted therapy") stands
# beside: what the trial asks of earlier treatment. Bans and caps on lines still bind the carriers.
_ROUTE_KINDS = frozenset({"require", "naive", "any_of"})


def _with_driver_routes(text: TrialText, rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Inclusion requirements marked with the driver carriers that may come in by their approved targeted drug
    instead (verdicts: met for a carrier who had it)."""
    header_genes: frozenset[str] | None = None
    egfr: bool | None = None
    routes: list[dict[str, Any]] = []
    for crit in text.criteria:
        if _section(crit) != "inclusion":
            continue
        if header_genes is None:
            header_genes = frozenset(genes_named(text.header))
        norm = normalize(crit.text)
        routes += driver_routes(norm, header_genes)
        if "not" in norm:  # the EGFR header asked once, only for a sentence that may exempt
            egfr = bool(_EGFR.search(text.header)) if egfr is None else egfr
            routes += exempted_routes(norm, header_genes, egfr)
    owed = _owed_routes(rules)
    rules = _arm_exception_routes(text, rules)
    if not routes and not owed:
        return rules
    ways = [r for r in routes if not r.get("only")]
    exempt = [r for r in routes if r.get("only")]
    out: list[dict[str, Any]] = []
    for rule in rules:
        floor = rule["kind"] == "lines" and rule.get("min") and rule.get("max") is None
        if rule["section"] != "inclusion" or rule.get("genes") or rule.get("marker") or not (
                rule["kind"] in _ROUTE_KINDS or floor):
            out.append(rule)
            continue
        mine = [*ways, *owed] if rule["kind"] == "naive" and not _grouped(rule) else ways
        out += _exempted(rule, exempt, mine) if exempt and rule["kind"] == "require" else \
            [{**rule, "driver_routes": [*(rule.get("driver_routes") or ()), *mine]} if mine else rule]
    return out


_EGFR_FINDINGS = ("t790m", "exon 19", "l858r", "exon 20", "c797s")


def _arm_exception_routes(text: TrialText, rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The inclusion requirements an arm exception lifts (_ARM_EXCEPTION: the treatment after "regardless of"),
    each marked with the carriers (genes, EGFR findings) who come in by that arm after the drugs it names."""
    routes: list[tuple[dict[str, Any], set[str]]] = []
    for crit in text.inclusion:
        low = crit.text.lower()
        if "regardless" not in low and "irrespective" not in low:
            continue
        for found in _ARM_EXCEPTION.finditer(crit.text):
            genes = [g for g in genes_named(found.group("marker")) if g in DRIVER_GENES]
            items = [i for m in find_mentions(normalize(found.group("had")), True) for i in m.items]
            lifted = {i for m in find_mentions(normalize(found.group("what")), True) for i in m.items}
            if not genes or not items or not lifted:
                continue
            route: dict[str, Any] = {"genes": genes, "every": False, "items": list(dict.fromkeys(items))}
            marker = found.group("marker").lower()
            if "EGFR" in genes and (findings := [w for w in _EGFR_FINDINGS if w in marker]):
                route["egfr_findings"] = findings
            routes.append((route, lifted))
    if not routes:
        return rules
    out = []
    for rule in rules:
        wanted = [*(rule.get("of") or ()), *(i for g in rule.get("groups") or () for i in g)]
        mine = [route for route, lifted in routes if wanted and all(i in lifted or _covered(i, lifted) for i in wanted)]
        if rule["section"] != "inclusion" or rule["kind"] not in ("require", "lines") or not mine:
            out.append(rule)
            continue
        out.append({**rule, "driver_routes": [*(rule.get("driver_routes") or ()), *mine]})
    return out


def _owed_routes(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Driver carriers an inclusion asks to have had their approved targeted therapy ("No prior treatment for stage
    IV NSCLC. Patients with an EGFR mutation or ALK fusion must have progressed on an approved TKI"): the untreated
    rule beside it cannot also ban that therapy, so a carrier who had it comes in by that way (naive rules only:
    another treatment asked of everyone may be asked of the carriers too)."""
    return [{"genes": r["genes"], "every": r.get("every", False),
             **({"egfr_findings": r["egfr_findings"]} if r.get("egfr_findings") else {})}
            for r in rules if r["kind"] == "driver" and r.get("section", "inclusion") == "inclusion"
            and not _grouped(r)]


def _grouped(rule: dict[str, Any]) -> bool:
    """A rule of one cohort, part or alternative: a first-line cohort's untreated rule beside another cohort's duty on
    carriers is no contradiction (the carriers' way is that other cohort)."""
    return bool(rule.get("cohorts") or rule.get("alt") or rule.get("scope"))


def _exempted(rule: dict[str, Any], exempt: list[dict[str, Any]], ways: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A requirement split by the carriers' exemption: the treatments they are let off ("for these participants
    prior anti-PD-(L)1 therapy is not required") met by their approved targeted drug; the rest still theirs."""
    only = {i for route in exempt for i in route["only"]}
    groups = rule.get("groups") or []
    off = [g for g in groups if any(i in only or _covered(i, only) for i in g)]
    if not off:
        return [{**rule, "driver_routes": ways} if ways else rule]
    kept = [g for g in groups if g not in off]
    split = [{**rule, "groups": off, "driver_routes": [*ways, *exempt]}]
    if kept:
        split.insert(0, {**rule, "groups": kept, **({"driver_routes": ways} if ways else {})})
    return split


# Words that make a part's marker condition a negative one ("without EGFR mutation", "EGFR wild-type").
_NEGATIVE_MARKER = re.compile(r"\b(?:no|not|non|without|negative|wild[\s-]?type|absence|absent|lack\w*|excluding"
                              r"|except|other than|unknown)\b")


def marker_only_parts(text: TrialText, rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The trial's parts that set no prior-therapy rule, when each of them is open only to carriers of a marker
    its own inclusion names ("For the expansion part, patients have documented EGFR exon 20 insertion"): the
    way in that "a part sets no rule on earlier treatment" offers is then only theirs (verdicts). Empty when the
    criteria name fewer than two parts, a part without rules names no marker (or a negative one), or rules
    name a part the criteria's headings do not."""
    texts: dict[str, list[str]] = {}
    criteria = list(text.criteria)
    for index, crit in enumerate(criteria):
        scope = crit.scope
        if crit.section != "inclusion" or scope is None or scope.kind not in _PART_KINDS or scope.closed:
            continue
        # ("NSCLC cohort:" beside "Dose escalation:": its name is its label, _nsclc_cohort_labelled)
        labels = scope_cohorts(scope.label) or ((normalize(scope.label),) if _unlabelled_nsclc_cohort(scope) else ())
        for label in labels:
            texts.setdefault(label, []).extend([crit.text, *(c.text for c in sub_bullets(criteria, index))])
    ruled = {label for rule in rules for label in rule["cohorts"]}
    unruled = [label for label in texts if label not in ruled]
    if len(texts) < 2 or not unruled or not ruled <= set(texts):
        return []
    parts = []
    for label in unruled:
        words = " ".join(texts[label])
        genes = genes_named(words)
        if not genes or _NEGATIVE_MARKER.search(normalize(words)):
            return []
        parts.append({"label": label, "genes": list(genes), "marker": group_alterations(normalize(words), genes)})
    return parts


# A cancer "newly diagnosed" (not the brain metastases of one), in an inclusion that offers no way in for a
# recurrence or an earlier treatment.
_NEWLY_DIAGNOSED = re.compile(
    r"\bnewly[- ]diagnosed\s+(?:with\s+)?(?:[a-z(),/-]+\s+){0,4}?(?:cancers?|carcinomas?|nsclc|non-small|tumou?rs?"
    r"|malignan\w*|lung|adenocarcinoma|stage)\b")
_NOT_NEW = re.compile(r"\b(?:recurren\w*|recurred|relaps\w*|progress\w*|previously treated|pre-?treated|refractory"
                      r"|metachronous)\b")
# Systemic treatment still to come: "Planned treatment with systemic chemotherapy", "scheduled to start X".
_PLANNED = guarded(
    r"\b(?:planned|planning to (?:receive|start|begin|initiate)|scheduled (?:to|for)|about to (?:start|begin|receive)"
    r"|(?:plans?|intends?|intending) to (?:receive|start|begin|initiate)"
    r"|will (?:receive|start|begin|initiate|be treated))\b")


_LESION_WORDS = re.compile(r"\b(?:brain|cns|central|intracranial|leptomening\w*|metastas[ie]s|lesions?|spinal|hiv)\b")


def _new_cancer(low: str) -> bool:
    """ "Newly diagnosed stage IV NSCLC", not "newly diagnosed brain metastases" nor "newly diagnosed or recurrent"."""
    found = _NEWLY_DIAGNOSED.search(low)
    return found is not None and not _LESION_WORDS.search(found.group()) and not _NOT_NEW.search(low)


def _first_treatment_rules(text: TrialText) -> list[dict[str, Any]]:
    """A "newly diagnosed" cancer with systemic treatment "planned" (enrolment often allowed up to its second
    cycle): the trial is for patients starting their first treatment, so none for advanced disease so far.
    Either alone is no such rule ("newly diagnosed" may be treated; "planned" may be any line)."""
    inclusions = [c for c in text.criteria if c.section == "inclusion" and c.scope is None]
    if not any(_new_cancer(normalize(c.text)) for c in inclusions if "newly" in c.text.lower()):
        return []
    for crit in inclusions:
        low = normalize(crit.text)
        planned = _PLANNED.search(low)
        if planned is None or _NOT_NEW.search(low) or cues.NO_STANDARD.search(low):
            continue
        if find_mentions(low[planned.end():planned.end() + 80]):
            return [{"soft": False, "genes": [], "alteration": None, "cohorts": [], "evidence": quote(crit.text),
                     "section": "inclusion", "kind": "lines", "min": None, "max": 0, "of": None,
                     "setting": "advanced"}]
    return []


# Surgery still to come, in an inclusion: "complete surgical resection planned", "scheduled for lobectomy".
_SURGERY_PLANNED = guarded(
    r"\b(?:(?:surgical\s+)?(?:resection|surgery|operation|lobectomy|pneumonectomy)\s+(?:is\s+)?(?:planned|scheduled)"
    r"|(?:(?:planned|scheduled)(?:\s+for)?|candidates?\s+for|will\s+undergo|to\s+undergo|plan\s+to\s+undergo)\s+(?:(?:a|an|the"
    r"|curative|complete|surgical|radical|r0)\s+){0,3}(?:surgery|surgical\s+resection|resection|lobectomy"
    r"|pneumonectomy|operation))\b")


def _before_planned_surgery(text: TrialText, rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "Exclusion: chemotherapy before surgery" in a trial whose surgery is still planned: every treatment had so
    far came before that surgery, so the ban counts any line for advanced disease, not only neoadjuvant
    treatment (verdicts: drugs with no such line are a question)."""
    if not any(r["section"] == "exclusion" and r.get("setting") == "early" for r in rules
               if r["kind"] in ("forbid", "naive")):
        return rules
    if not any(c.section == "inclusion" and _SURGERY_PLANNED.search(normalize(c.text)) for c in text.criteria):
        return rules
    return [{**r, "setting": "before_surgery"} if r["kind"] in ("forbid", "naive") and r["section"] == "exclusion"
            and r.get("setting") == "early" and cues.EARLY.search(normalize(r["evidence"])) else r for r in rules]


_PART_KINDS = frozenset({"cohort", "part", "arm", "phase"})


def _naive_like(rule: dict[str, Any]) -> bool:
    """ "No prior systemic therapy (for metastatic disease)" or "planned first-line treatment" (no earlier line)."""
    if rule["kind"] == "naive":
        return rule.get("setting") in ("advanced", "any")
    return rule["kind"] == "lines" and rule.get("max") == 0 and not rule.get("min") and rule.get("of") is None \
        and rule.get("setting") in ("advanced", "any")


def _own_part_rule(rule: dict[str, Any]) -> bool:
    """A plain inclusion rule the shared reader placed in one part (no cohort of this module's, no marker group)."""
    scope: dict[str, Any] | None = rule.get("scope")
    if not scope or rule["section"] != "inclusion" or rule["cohorts"] or rule["soft"]:
        return False
    return not scope.get("genes") and not scope.get("region") and not Scope.from_json(scope).other_disease \
        and not any(rule.get(key) for key in ("genes", "aga", "marker", "alt", "exhausted", "if_had"))


def _every_part_naive(text: TrialText, rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "No prior systemic therapy ..." under EVERY part heading of a trial (worded alike or not): whichever part
    takes the patient asks it, so the weakest copy is everyone's rule, not one part's question. Not when a part
    is left without such a rule, or any inclusion asks for earlier treatment (some part takes the pretreated)."""
    parts = {normalize(c.scope.label) for c in text.criteria if c.scope is not None and c.scope.kind in _PART_KINDS
             and not c.scope.closed and not c.scope.genes and not c.scope.region and not c.scope.other_disease}
    if len(parts) < 2:
        return rules
    if any(r["section"] == "inclusion" and (r["kind"] == "require" or (r["kind"] == "lines" and r.get("min")))
           for r in rules):
        return rules
    copies = [r for r in rules if _own_part_rule(r) and _naive_like(r)]
    if {normalize(r["scope"]["label"]) for r in copies} != parts:
        return rules
    # The weakest copy binds everyone: one for advanced disease before one for any setting, "no prior systemic
    # therapy" (with every copy's exceptions) before "first-line".
    weakest = min(copies, key=lambda r: (r["setting"] != "advanced", r["kind"] != "naive"))
    common = {k: v for k, v in weakest.items() if k != "scope"}
    if common["kind"] == "naive":
        common["allow"] = list(dict.fromkeys(i for r in copies if r["kind"] == "naive" for i in r.get("allow") or ()))
    return [*rules, common]



def named_parts(text: TrialText) -> frozenset[str]:
    """Every cohort, part, arm or phase the shared reader found heading a criterion, in this module's
    names ("phase 2"), except parts closed to enrolment; empty unless each of them heads some criterion
    on its own ("Phase 2: ...", "Phase 3: ..."): "(Arms 2 and 3 only)" says other arms exist."""
    found: set[str] = set()
    alone: set[str] = set()
    for crit in text.criteria:
        scope = crit.scope
        if scope is not None and scope.kind in _PART_KINDS and not scope.closed:
            labels = scope_cohorts(scope.label)
            found.update(labels)
            if len(labels) == 1:
                alone.update(labels)
    return frozenset(found) if found == alone else frozenset()


# "Cohort 3: Patients meeting the Cohort 1 or 2 criteria for whom a resection is not feasible", "Arm C: patients who
# fulfil the requirements of Arm A", "Part 3: same criteria as Part 1": the part's patients meet another part's rules.
_OTHERS_CRITERIA = re.compile(
    r"\b(?:meet\w*|fulfil\w*|satisf\w*)\s+(?:the\s+|all\s+)?(?:(?:eligibility|inclusion)\s+)?"
    r"(?:(?:criteria|requirements)\s+(?:of|for)\s+)?(?:cohort|arm|part|group)s?\s+[a-z0-9]{1,3}\b"
    r"|\bsame\s+(?:eligibility\s+|inclusion\s+)?(?:criteria|requirements)\s+as\s+(?:for\s+)?(?:cohort|arm|part|group)s?\s"
)


def _parts_beside_same(text: TrialText, rules: list[dict[str, Any]]) -> frozenset[str]:
    """The parts with rules of their own, when every other part the criteria name takes patients meeting their
    rules ("Cohorts 1 and 2: at least one prior line" beside "Cohort 3: patients meeting the Cohort 1 or 2
    criteria"): no part is then open without those rules. Empty otherwise."""
    labels: set[str] = set()
    same: set[str] = set()
    for crit in text.criteria:
        scope = crit.scope
        if scope is None or scope.kind not in _PART_KINDS or scope.closed:
            continue
        own = scope_cohorts(scope.label.rsplit(" / ", 1)[-1])
        labels.update(own)
        if len(own) == 1 and ("criteria" in crit.text or "requirement" in crit.text) \
                and _OTHERS_CRITERIA.search(normalize(crit.text)):
            same.update(own)
    ruled = {label for rule in rules if rule["section"] == "inclusion" for label in rule["cohorts"]}
    rest = labels - same
    if not same or len(rest) < 2 or not rest <= ruled:
        return frozenset()
    return frozenset(rest)


def foreign_parts(text: TrialText) -> frozenset[str]:
    """The parts, cohorts, arms or phases (this module's names) an inclusion places in another cancer only
    ("Part A (Dose Escalation) / Treatment with imatinib for GIST"), and none places in NSCLC."""
    other: set[str] = set()
    ours: set[str] = set()
    for crit in text.criteria:
        scope = crit.scope
        if crit.section != "inclusion" or scope is None or (scope.kind not in _PART_KINDS and " / " not in scope.label):
            continue
        labels = scope_cohorts(scope.label.split(" / ", 1)[0])
        own: tuple[str, ...] = ()
        if not labels and " / " in scope.label:
            # "Have one of the following solid tumours: / Cohort A2/B1/B2: urothelial carcinoma": the cohort is the
            # last step, and the cancers its own bullet names are its own (the lead-in's "solid" is everyone's).
            labels = scope_cohorts(scope.label.rsplit(" / ", 1)[1])
            own = cancers_named(crit.text)
        if not labels:
            continue
        diseases = own or scope.diseases
        if not diseases:
            found = _treated_for_other(crit.text)
            diseases = found.diseases if found is not None else ()
        if "not_nsclc" in diseases or (diseases and not INCLUDES_NSCLC.intersection(diseases)):
            other.update(labels)
        elif INCLUDES_NSCLC.intersection(diseases) or INCLUDES_NSCLC.intersection(cancers_named(crit.text)):
            ours.update(labels)
    return frozenset(other - ours)
