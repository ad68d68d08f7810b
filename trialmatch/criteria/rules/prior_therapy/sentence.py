"""One sentence of eligibility criteria -> prior-therapy rules.

The steps: skip sentences about something else (allergies, toxicity, absorption, washouts);
read line counts; find drug and class names; decide for each name whether the sentence wants it
had ("progressed on X", "prior X" in an inclusion), not had ("no prior X", "prior X" in an
exclusion) or neither ("will receive X", "X is allowed"); then build the rules.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from trialmatch.criteria.drugs import ancestors as drugs_ancestors
from trialmatch.criteria.drugs import classes_of as drug_classes
from trialmatch.criteria.rules.prefilter import guarded, word_start_first
from trialmatch.criteria.rules.prior_therapy import asides, cues, not_counted
from trialmatch.criteria.rules.prior_therapy.bispecific import bispecific_mentions
from trialmatch.criteria.rules.prior_therapy.combination import combination
from trialmatch.criteria.rules.prior_therapy.course import first_line_course, first_line_in_use, line_starting_or_on
from trialmatch.criteria.rules.prior_therapy.drivers import (
    available_spans,
    carriers_asking_more,
    driver_rules,
    names_driver,
)
from trialmatch.criteria.rules.prior_therapy.first_read import FirstRead
from trialmatch.criteria.rules.prior_therapy.lines import (
    LineLimit,
    count_limits,
    group_out_clause,
    ordinal_limits,
    spelt_ranges,
    study_first_line,
    without_or_item_quantifiers,
)
from trialmatch.criteria.rules.prior_therapy.marker_branch import carrier_item, marker_branch, with_branch
from trialmatch.criteria.rules.prior_therapy.marker_groups import group_alterations, sentence_group
from trialmatch.criteria.rules.prior_therapy.naive_or_class import described_line, naive_or_class
from trialmatch.criteria.rules.prior_therapy.names import (
    Context,
    LeadIn,
    blanked,
    inside,
    lead_ins,
    list_gap,
    read_names,
    started_from,
    with_generic_treatment,
    without_abbreviations,
    without_spans,
)
from trialmatch.criteria.rules.prior_therapy.other_facts import conditioned_on_other_fact
from trialmatch.criteria.rules.prior_therapy.respective import respective_bans
from trialmatch.criteria.rules.prior_therapy.scope import (
    actionable_group,
    biomarker_condition,
    given_brackets,
    group_heading,
    heading_cohorts,
    last_alternative_condition,
    required_for,
    scope_tag_brackets,
    sentence_cohorts,
)
from trialmatch.criteria.rules.prior_therapy.terms import SYSTEMIC, Mention, find_mentions, normalize
from trialmatch.criteria.rules.prior_therapy.toxicity import unless_unfit_names_only
from trialmatch.criteria.rules.reader import Scope
from trialmatch.criteria.rules.reader.scope import genes_named
from trialmatch.criteria.rules.reader.vocabulary import CANNOT_HAVE
from trialmatch.criteria.text import quote

_AND = re.compile(r"\band\b(?!/)|\bplus\b|\bas well as\b|\bfollowed by\b|\balso\b|\bthen\b|(?<=\s)\+(?=\s)")
_OR = re.compile(r"\bor\b|\band/or\b")
# "treatment naive or no more than one prior therapy": the other way in is wider.
# "... or are treatment-naive", "or who have been previously untreated": the verb of the second way in.
_OR_BEFORE = re.compile(r"\bor\s+(?:(?:patients|subjects|participants|those)\s+)?(?:(?:who|that)\s+)?"
                        r"(?:(?:be|are|is|were|being|remain|(?:have|has|had)\s+been)\s+)?$")
_OR_AFTER = re.compile(
    # ("treatment-naive in the first-line setting or ...": the untreated way's setting before the "or")
    r"(?:\s+(?:in|for)\s+(?:the\s+)?(?:first|1st|front)[\s-]*line(?:\s+(?:setting|treatment|therapy))?)?"
    r"[^.;]{0,25}?\bor\s+(?:\w+\s+){0,3}?(?:have|has|had|received|receive|be|been|no more|not more|at most|up to"
    r"|one|1|a single|progress\w*|relaps\w*|recurr\w*|fail\w*|refractory|resistant|intoleran\w*|completed"
    r"|previously treated|pre-?treated|treated with)\b"
)
_CLAUSES = re.compile(r"[;:]|\bbut\b|\bhowever\b|\bwhereas\b|\bexcept\b")
# "Participants who progressed within 3 months of adjuvant X will (be) eligible": one more way in, not a rule.
_WILL_BE_ELIGIBLE = re.compile(r"\b(?:will|shall|would)\s+(?:also\s+)?(?:be\s+)?(?:eligible|allowed|permitted"
                               r"|included)\b(?!\s+(?:for|to)\b)")
# "Untreated stage II-III NSCLC", "previously untreated, histologically confirmed resectable stage IB-IIIA": the
# trial's disease is early, so "untreated" is untreated at all, not "no line for advanced disease". A stage range
# that reaches IV, or metastatic or recurrent disease, is not early.
_EARLY_DISEASE = re.compile(
    r"[\s,(-]*(?:(?:histolog\w*|cytolog\w*|patholog\w*|or|and|confirmed|documented|newly|diagnosed|with|,)\s*){0,6}"
    r"(?:(?:completely\s+|potentially\s+|surgically\s+)?(?:resectable|resected|operable|early[\s-]stage)\b"
    r"|(?:clinical\s+|pathologic\w*\s+|ajcc\s+)?stage\s+(?:0|i{1,3}[abc]?)\b(?![\w\s,/-]{0,30}\biv\b))"
    r"(?![^.;]{0,60}\b(?:metasta\w*|recurren\w*|stage\s+iv)\b)"
)
_FOR_NSCLC = re.compile(r"\bfor (?:this |the )?(?:nsclc|lung cancer|non-small|study cancer)")


# "Received chemotherapy or chemo-immunotherapy for >= 4 weeks without progression": how long the treatment was
# taken (a question: the profile does not say), not a washout, unless a point follows ("for 4 weeks before ...").
_EXPOSURE_LENGTH = re.compile(
    rf"\bfor\s+(?:(?:[\u2265>]=?|at least|a minimum of|more than|over|no less than|not less than)\s*)?{cues.N_WORD}"
    rf"(?:\s*(?:-|to|or)\s*{cues.N_WORD})?"
    # ("for >= 4 months prior to progression": how long it ran before the disease grew, not a washout)
    # ("for at least 3 months prior to the oligoprogression", "... before documented progression": the same)
    r"\s*(?:days?|weeks?|months?)\b(?!\s*(?:(?:prior|before)(?!\s+(?:to\s+)?(?:the\s+|their\s+)?(?:(?:documented|first"
    r"|radiographic|radiological|disease|oligo)[\s-]*)*(?:oligo-?)?progression)|since|after|from|of|preceding|following"
    r"|until|elapsed))"
    # "at least three weeks into active oncologic treatment": the treatment going on now, for that long.
    rf"|\b(?:at least\s+)?{cues.N_WORD}\s*(?:days?|weeks?|months?)\s+into\b"
    # "have completed at least 20 months of X", "received 12 months of X": a course's length.
    r"|\b(?:complet\w*|receiv\w*|had|undergone|been\s+on)\s+"
    rf"(?:(?:[\u2265>]=?|at least|a minimum of|more than|over|no less than|not less than)\s*)?{cues.N_WORD}"
    r"\s*(?:weeks?|months?|years?)\s+of\b"
)
# "at least 20 of an anticipated 24 months", "4 of 6 planned cycles": the part had is the length that counts.
_PLANNED = r"(?:(?:anticipated|planned|intended|expected|scheduled|possible|maximum|total)\s+)?"
_PART_OF_COURSE = guarded(
    rf"\b(?P<n>\d{{1,3}})\s+(?:of|out\s+of)\s+(?:an?\s+|the\s+)?{_PLANNED}\d{{1,3}}\s*{_PLANNED}"
    r"(?P<unit>days?|weeks?|months?|years?|cycles?|doses?)\b")


_NOT_BEFORE = re.compile(r"\b(?:not|no|never|without|nor)\b")


# "the date of progression must be at least 84 days after initiation of X": a time counted from the start of the
# treatment had, which tells how long it ran (with a length of use beside it), not a washout before the study.
_SINCE_START = re.compile(rf"\b(?:at least|more than|over|no less than|not less than|[\u2265>]=?)\s*{cues.N_WORD}\s*"
                          r"(?:days?|weeks?|months?)\s+(?:after|from|following)\s+(?:the\s+)?(?:initiation|start|starting"
                          r"|beginning|commencement)\b")


def _exposure(bare: str) -> bool:
    """Whether every time in the sentence is a length of use (_EXPOSURE_LENGTH), with no negation before it:
    "must have not received any cancer treatment for at least 2 weeks" is a washout."""
    found = _EXPOSURE_LENGTH.search(bare)
    if found is None or _NOT_BEFORE.search(bare, 0, found.start()):
        return False
    rest = _EXPOSURE_LENGTH.sub(" ", bare)
    if "after" in rest or "from" in rest or "following" in rest:
        rest = _SINCE_START.sub(" ", rest)
    return not cues.TIME_WINDOW.search(rest)


# "X after progression on or after Y": the "or" joins two times, not two treatments.
_ON_OR_AFTER = re.compile(r"\b(?:on|during|while on|at)\s+or\s+(?:after|following|within)\b")


# "Osimertinib as the only prior EGFR TKI", "sotorasib as their sole KRAS G12C inhibitor": what follows names the
# drug's class, to say no other of it was had; it is not another drug that would do.
_ONLY_OF_CLASS = re.compile(r"\s*,?\s*(?:being\s+|was\s+|as\s+)(?:the|their|his|her|its|an?)\s+"
                            r"(?:only|sole|single|one)\s+(?:(?:prior|previous|earlier|preceding)\s+)?")

_WAS = re.compile(r"\s*(?:was|were|is|being|has\s+been)\s+")
_ONLY_BEFORE = re.compile(r"\b(?:only|sole|single)\s+(?:(?:prior|previous|earlier|preceding)\s+)?$")


def _head_noun(before: Mention, mention: Mention) -> bool:
    """A class word written right after a drug of that class ("etoposide chemotherapy", "pembrolizumab
    immunotherapy"): the drug's noun, not a second treatment."""
    if not all(item.startswith("c:") for item in mention.items) or mention.systemic:
        return False
    return all(any(item in _item_classes(had) for had in before.items) for item in mention.items)


# "one or two prior ROS1 TKIs, and one or two prior lines of chemotherapy": the "or" of a count joins two numbers,
# not two treatments.
_COUNT_OR = re.compile(rf"\b{cues.N_WORD}\s+or\s+(?:{cues.N_WORD}|more|fewer|less)\b")


def _and_groups(norm: str, mentions: list[Mention]) -> list[list[str]]:
    """Required names joined by "and" must all have been had; joined by "or" (or listed) any one of them."""
    groups: list[list[str]] = []
    restated = False  # the last name restated one already a way in by itself: "chemotherapy or chemotherapy plus ..."
    for k, mention in enumerate(mentions):
        gap = _ON_OR_AFTER.sub(" ", cues.strip_parens(norm[mentions[k - 1].end:mention.start])) if k else ""
        gap = _COUNT_OR.sub(" ", gap)
        either = k > 0 and bool(_OR.search(gap))
        same = either or (k > 0 and not _AND.search(gap) and list_gap(gap))
        if k and _ONLY_OF_CLASS.fullmatch(gap):
            continue  # "osimertinib as the only prior EGFR TKI": the class is the drug's own, not a way in
        if k and not gap.strip() and _head_noun(mentions[k - 1], mention):
            continue  # "platinum and etoposide chemotherapy": the class word is etoposide's own noun, not a way in
        if k and groups and _WAS.fullmatch(gap) and _ONLY_BEFORE.search(norm, 0, mentions[k - 1].start):
            groups[-1] = list(mention.items)  # "whose only prior EGFR TKI was osimertinib": the drug, not its class
            continue
        if same:
            restated = either and set(mention.items) <= set(groups[-1])
            groups[-1].extend(mention.items)
        elif restated:
            # "Prior chemotherapy or chemotherapy plus bevacizumab", "chemotherapy or combined chemotherapy and
            # immunotherapy": X alone is a way in, so what is added to it is not asked.
            continue
        else:
            groups.append(list(mention.items))
    unique: dict[tuple[str, ...], list[str]] = {}
    for group in groups:
        items = list(dict.fromkeys(group))
        unique.setdefault(tuple(sorted(items)), items)  # "PD-1/L1 ... and at least two cycles of PD-1/L1"
    return list(unique.values())


# "1 chemotherapy regimen, including adjuvant treatment": the early setting counts as well, not only.
# "Chemotherapy for any stage NSCLC, including early-stage (adjuvant) disease": every stage, early as well.
_ADJUVANT_TOO = re.compile(r"\b(?:including|includes?|incl\.?|as well as|also)\s+(?:in\s+)?(?:the\s+|an?\s+|any\s+)?"
                           # ("including planned neoadjuvant treatment": one more case of the ban, cues.skip_exclusion)
                           r"(?:(?:planned|scheduled|prior|previous)\s+)?(?:neo-?\s*/?\s*adjuvant|adjuvant|perioperative|early[\s-]*stage)\b"
                           # "..., including durvalumab consolidation after chemoradiation": the ban reaches the
                           # stage III setting as well, it is not narrowed to it.
                           r"|\b(?:including|includes?|incl\.?|as well as)\s+(?:[a-z0-9/-]+\s+){0,4}?"
                           r"(?:consolidation|consolidative|maintenance|(?:given\s+)?(?:after|following|with)\s+"
                           r"(?:concurrent\s+|definitive\s+)?chemoradi\w*)\b"
                           r"|\bfor\s+(?:any|all)\s+(?:disease\s+)?stages?\b"
                           # "including any EGFR-TKI, immunotherapy or neoadjuvant therapy": the early setting as
                           # the last case of a list the ban names is one more case, not a narrowing.
                           r"|\b(?:including|includes?|incl\.?)\s+(?:[a-z0-9/-]+,?\s+){1,8}?(?:or|and(?:/or)?)\s+"
                           r"(?:(?:planned|prior|previous)\s+)?(?:neo-?\s*/?\s*adjuvant|adjuvant|perioperative)\b")


# "Neoadjuvant chemotherapy, neoadjuvant radiotherapy, or any other prior systemic anti-cancer therapy for NSCLC": a
# ban closed by "any other" therapy of no setting reaches beyond the early setting its first items name.
_ANY_OTHER = re.compile(r"(?:,|\bor|\bnor|\band(?:/or)?)\s+(?:any\s+|all\s+)?other\s+(?:forms?\s+of\s+)?"
                        r"(?:(?:prior|previous|earlier|systemic|anti-?\s?cancer|anti-?\s?neoplastic|anti-?\s?tumou?r|cancer)\s+)*"
                        r"(?:therap(?:y|ies)|treatments?|drugs?|agents?)\b")


def _wider_than_early(norm: str) -> bool:
    """Whether a ban naming early-setting treatment ends on "any other therapy" of no setting (_ANY_OTHER)."""
    found = _ANY_OTHER.search(norm)
    return found is not None and cues.ADJUVANT.search(norm, 0, found.start()) is not None \
        and cues.ADJUVANT.search(norm, found.start()) is None


def _ban_setting(norm: str, bare: str, ctx: Context) -> str:
    """Which treatments a ban counts: "advanced" (lines for advanced disease), "early" or "any"."""
    norm, bare = cues.without_planned_too(norm), cues.without_planned_too(bare)  # the plan sets no setting
    if cues.EARLY.search(norm):
        return "early"
    if cues.ADJUVANT.search(bare) and not cues.ADJUVANT_ALLOWED.search(norm) and not cues.ADVANCED.search(bare):
        if _ADJUVANT_TOO.search(norm) or _wider_than_early(norm):
            return "any"  # "Prior chemotherapy, including adjuvant chemotherapy": every setting
        return "early"  # "Have received neoadjuvant chemotherapy"
    if cues.ADVANCED.search(norm) or ctx.adjuvant_ok:
        return "advanced"
    return "any"


# "Front-line" is "first-line": the line for advanced disease.
_FRONT_LINE = re.compile(r"\bfront[- ]line\b")


# "platinum-based chemotherapy concurrent with radiation therapy", "given concurrently with thoracic RT": the local
# treatment of a stage I-III tumour, as "chemoradiation" is.
_WITH_RADIATION = re.compile(r"\bconcurrent(?:ly)?\s+(?:with|to)\s+(?:the\s+)?(?:thoracic\s+|definitive\s+)?"
                             r"(?:radiation|radiotherapy|rt|irradiation)\b")


def _need_setting(norm: str) -> str:
    """Which treatments a requirement counts."""
    if cues.EARLY.search(norm):
        return "early"
    adjuvant = cues.ADJUVANT.search(norm) or _WITH_RADIATION.search(norm)
    advanced = cues.ADVANCED.search(norm) or _FRONT_LINE.search(norm)
    if adjuvant and not advanced:
        return "any" if _ADJUVANT_TOO.search(norm) else "early"
    return "advanced" if advanced and not adjuvant else "any"


# Real criteria sentences stay under ~800 characters; reading is bounded so that pathological text
# (one 50 KB "sentence") cannot make a parse slow. Words past the bound are not read.
MAX_SENTENCE_CHARS = 2500


# "Patients with ALK fusion are eligible only after progression on at least one ALK inhibitor", "... are only
# eligible following prior osimertinib": a requirement in the words of a permission (read as "must have had").
_ELIGIBLE_ONLY = re.compile(
    r"\b(?:are|is|will\s+be|shall\s+be|would\s+be|becomes?)\s+(?:only\s+eligible|eligible\s+only)\s+"
    r"(?:after|following|once\s+they\s+have\s+had|upon)\s+")


# "that specifically and directly targets the EGFR pathway", "which selectively inhibit ALK": adverbs between the
# relative word and its targeting verb hide the vocabulary's "that targets EGFR". Blanked, length kept.
_ADVERB_IN_TARGETING = guarded(r"\b(?:that|which)\s+(?P<adverbs>(?:(?:\w+ly|and|or|,)\s+)+)"
                                  r"(?=(?:targets?|inhibits?|blocks?)\b)")


def _spaced_adverbs(match: re.Match[str]) -> str:
    start, end = match.span("adverbs")
    return match.group()[:start - match.start()] + " " * (end - start)


def _must_have_had(match: re.Match[str]) -> str:
    """The same length as the words replaced, so no position moves."""
    return "must have had ".ljust(len(match.group()))


# "TKI naive for metastatic NSCLC, neoadjuvant or adjuvant chemotherapy allowed": an allowance of an earlier setting
# after a comma is a clause of its own, as after a semicolon (else the whole sentence read as an allowance).
_ALLOWANCE_TAIL = guarded(
    r",(?=\s*(?:(?:prior|previous)\s+)?(?:neo-?adjuvant|adjuvant|consolidation|consolidative|peri-?operative"
    r"|curative)\b[^,;.()]{0,80}?\b(?:allowed|permitted|acceptable)\b)"
)


# "Prior treatment with the following therapies (time periods are from the last dose):", "Has received the following
# anticancer therapies before the first dose:": an exclusion that opens a list (often of washouts) bans what the items
# below name, never every earlier treatment.
_FOLLOWING = re.compile(r"\b(?:the\s+following|listed\s+below|as\s+follows|(?:given|specified|shown)\s+below)\b")


# "Other prior chemotherapy or immunotherapy within specified periods as defined in the protocol": a washout whose
# length is told elsewhere (no number for the shared reader to see).
_UNSTATED_WINDOW = re.compile(r"\bwithin\s+(?:the\s+)?(?:specified|defined|protocol[\s-]+(?:specified|defined)|required"
                              r"|stated|listed|indicated|given)\s+(?:time\s+|washout\s+)?(?:periods?|windows?|intervals?"
                              r"|time\s*frames?)\b")


def _list_lead_in(norm: str, mentions: list[Mention]) -> bool:
    """An exclusion lead-in ending with ":" that points at a list and names no drug or class of its own."""
    return all(m.generic or m.systemic for m in mentions) and _FOLLOWING.search(cues.strip_parens(norm)) is not None


# "Clinically stable without evidence of progression that requires a change in cancer treatment", "without
# radiographic progression following the last systemic therapy": a condition on how the disease stands now (the
# patient may be on first-line treatment, or on none), not a line had.
_NO_PROGRESSION = re.compile(r"\bnon-?progression\b|\b(?:without|no|absence\s+of|free\s+of|not\s+have)\s+"
                             r"(?:(?:evidence|signs?|of|any|clinical|radiographic|radiological|symptomatic|disease|rapid|cns|central|nervous|system"
                             r"|\(cns\))\s+){0,8}progression\b")
_PROGRESS_WORD = re.compile(r"\bprogress\w*")


def _stability_only(norm: str, mentions: list[Mention]) -> bool:
    """An inclusion whose every "progression" is denied ("without evidence of progression ...") and which names
    only treatment in general: no earlier line is asked for ("must be on a TKI without progression" still asks for
    the TKI)."""
    if not all(m.systemic for m in mentions):
        return False
    denied = len(_NO_PROGRESSION.findall(norm))
    return denied > 0 and denied == len(_PROGRESS_WORD.findall(norm))


# "recurrence within 6 months of treatment with a platinum-based adjuvant regimen": the window is counted from the
# treatment named after "treatment with", as in "within 6 months of a platinum-based regimen" (which asks for it);
# the bare "treatment" would read as the study's own and the window as a washout.
_WINDOW_OF_TREATMENT = re.compile(r"\b(within\s+\S+\s+(?:days?|weeks?|months?|years?)\s+(?:of|after|from|following))"
                                  r"\s+(?:the\s+)?(?:treatment|therapy)\s+with\b")


# "with best response of CR, PR or SD lasting >= 12 weeks", "stable disease for at least 6 months", "clinical
# benefit of >= 24 weeks": how long the disease answered the treatment (a question, _RESPONSE_CONDITION), never a
# washout: read as one, the whole requirement it qualifies was dropped.
_RESPONSE_LASTING = re.compile(
    r"\b(?:(?:lasting|lasted|that\s+lasted|sustained|persisting|maintained|durable)(?:\s+for)?"
    r"|(?:response|remission|stable\s+disease|sd|disease\s+control|benefit|stabili[sz]ation|control)\s+(?:of|for))"
    rf"\s+(?:(?:[\u2265>]=?|at\s+least|more\s+than|greater\s+than|over|no\s+less\s+than|not\s+less\s+than"
    rf"|a\s+minimum\s+of)\s*)?{cues.N_WORD}\s*(?:days?|weeks?|months?|years?)"
    r"(?:\s+or\s+(?:longer|more|greater))?")

# "progression after at least 12 weeks of ICI treatment", "progressed following >= 6 months on osimertinib",
# "progression after receiving pembrolizumab for at least 3 months": how long the drug was given before progression
# (a question for a profile that had it: MET_UNKNOWN), never a washout that drops the drug requirement.
_PROGRESSED_AFTER_COURSE = re.compile(
    r"\b(?:progress\w*|relaps\w*|fail\w*|resistance)\s+(?:\w+\s+){0,2}?(?:after|following|on)\s+"
    r"(?:(?:receiving|taking|treatment\s+with)\s+[^,;.()]{1,40}?\s+for\s+)?"
    rf"(?:[\u2265>]=?|at\s+least|more\s+than|greater\s+than|over|no\s+less\s+than|a\s+minimum\s+of)\s*"
    rf"{cues.N_WORD}\s*(?:weeks?|months?|cycles?)\b")

_RETURNED_WITHIN = re.compile(
    r"\b(?:progress\w*|relaps\w*|recurr\w*|fail\w*|refractory)\s+(?:(?:\w+|\([^()]{0,30}\))\s+){0,2}?within\s+"
    rf"{cues.N_WORD}\s*(?:days?|weeks?|months?|years?)\s+(?:of|after|from|following)\b")


# "including but not limited to A, B, or any C", "including, without limitation,", "e.g. but not limited to": the
# hedge only says the list is open. Read in a ban as "e.g.": examples, which the ban still names (and whatever
# follows the list stays the sentence's). (In an inclusion the open list only illustrates what is asked for: "1 prior
# line ... (including but not limited to targeted therapy ...)" keeps its old reading.)
# In an exclusion, a treatment had or to come: "Prior or planned chemotherapy", "previous or scheduled radiotherapy",
# "received, or is scheduled to receive, a PD-1 inhibitor", "prior/planned EGFR TKI". What was had is banned all the
# same; the plan read as the nearer word made the sentence about what may come (no rule at all). (In an inclusion
# the plan is a way in of its own for the untreated: left as it was.)
# Also "received or plan to receive", "prior and planned", "Chemotherapy (prior or planned)".
_HAD_OR_PLANNED = word_start_first(re.compile(  # (a check of the first letter in front: the same matches, sooner)
    r"\b(?P<had>prior|previous(?:ly\s+received)?|earlier|received|past)\s*,?\s*(?:or|and/or|and|/)\s*"
    r"(?:is\s+|are\s+|will\s+be\s+)?(?:planned|scheduled|intended|anticipated|expected|plans?|planning|intends?)"
    r"(?:\s+to\s+(?:receive|start|undergo|be\s+(?:given|treated\s+with)))?\s*,?(?=[\s)])"))


# "Patients must not have received, and must not be planned to receive, chemotherapy": the plan banned beside what
# was had; the ban on what was had reads the same without it.
_NOR_PLANNED = re.compile(r",?\s*(?:and|or|nor)\s+(?:must|should|shall|will|may)\s+not\s+be\s+(?:planned|scheduled"
                          r"|expected|intended)\s+to\s+(?:receive|start|undergo)\s*,?(?=\s)")
# "Chemotherapy (prior or planned)", "Radiotherapy to the chest (previous)": the time said in a bracket after the
# treatment named first (read as "prior chemotherapy").
_TIME_TAG = re.compile(r"^(?P<what>[a-z][^()]{2,60}?)\s*\((?P<had>prior|previous|past|earlier)\)")


# An inclusion that names who enters by the treatment they failed, in translated English: "Patients who have failed
# first-line platinum-containing chemotherapy can be enrolled", "Subjects whose disease progressed after an EGFR TKI
# may be included". In the inclusion list it is the trial's (or the cohort's) entry rule, a requirement, not a
# permission beside one; read with its "can be enrolled" cut off. Not when it lifts a ban on an early treatment or
# sets a condition ("Patients who received adjuvant chemotherapy can be enrolled if the recurrence ...": an
# allowance), nor for a treatment merely received.
# Also "Patients who had disease progression after X can be included", "Patients with progression after X may be
# enrolled", "... experienced treatment failure with X are allowed to participate". ("... are eligible" stays a
# permission, as decided before: test_rules_prior_therapy_line_starting_or_on.)
_ENTRY_AS_PERMISSION = re.compile(
    r"\b(?:patients|subjects|participants|those|people|cases)\s+(?:(?:who|whose\s+(?:disease|tumou?rs?|cancer)|that)\s+"
    r"(?:have\s+|has\s+|had\s+)?(?:(?:previously|already|all)\s+)?(?:failed|progressed|relapsed|recurred"
    r"|(?:experienced|had|developed|showed)\s+(?:(?:documented|radiological|radiographic|confirmed)\s+)?"
    r"(?:disease\s+)?(?:progression|relapse|treatment\s+failure|failure)"
    r"|(?:been|are|were)\s+refractory|developed\s+resistance)"
    r"|with\s+(?:(?:documented|radiological|radiographic|confirmed)\s+)?(?:disease\s+)?(?:progression|relapse"
    r"|failure|treatment\s+failure)\s+(?:on|after|following|during|of|with|to))\b[^;:]*?"
    r"(?P<tail>,?\s*(?:(?:can|could|may|are\s+allowed\s+to|are\s+permitted\s+to|will)\s+(?:be\s+)?(?:enrol+ed"
    r"|included|recruited|eligible|selected|participate|join|enter|enrol+))"
    r"(?:\s+(?:in|into)\s+(?:the|this)\s+(?:study|trial|cohort))?)\s*[.;]?\s*$")
_ALLOWANCE_WORDS = re.compile(
    r"\b(?:if|provided|as\s+long\s+as|unless|adjuvant|neo-?adjuvant|perioperative|post-?operative|pre-?operative"
    r"|curative|also|as\s+well|even|regardless|note|brain|cns|radiotherapy|radiation|untreated|naive|or\s+not)\b")


_NOT_LIMITED = re.compile(
    r"(?P<lead>\b(?:including|includes?|such\s+as|e\.?\s?g\b\.?|for\s+example|for\s+instance))\s*,?\s*"
    r"(?:but\s+(?:are\s+|is\s+)?not\s+(?:limited|restricted)\s+to|without\s+(?:limitation|restriction))\s*[,:]?\s*")


def _open_examples(found: re.Match[str]) -> str:
    lead = found.group("lead")
    return "e.g. " if lead.startswith("includ") else f"{lead} "


def read_sentence(sentence: str, section: str, egfr_trial: bool = False) -> FirstRead | None:
    """The names and line counts of one sentence; None when it can state no prior-therapy rule.

    Needs only the section, so a criterion's context (cohorts, headers, the bullets around it) is
    worked out only for the few sentences that say something."""
    norm = spelt_ranges(cues.access_as_availability(normalize(sentence[:MAX_SENTENCE_CHARS])))
    norm = cues.outcome_progression(cues.comorbidity_treatment(cues.modal_ban(cues.elliptical_ban(norm))))
    norm = cues.ban_label(norm)
    if section == "exclusion" and ("plan" in norm or "schedul" in norm or "intend" in norm or "expect" in norm
                                   or "anticipat" in norm):
        norm = _HAD_OR_PLANNED.sub(r"\g<had>", norm)  # "prior or planned X": X had is banned all the same
    if " not be " in norm and "plan" in norm:
        norm = _NOR_PLANNED.sub(" ", norm)  # "must not have received, and must not be planned to receive, X"
    if section == "exclusion" and "(" in norm and (tag := _TIME_TAG.match(norm)):
        norm = f"{tag.group('had')} {tag.group('what')}{norm[tag.end():]}"  # "Chemotherapy (prior)": prior X
    if section == "exclusion" and ("limit" in norm or "restrict" in norm):
        norm = _NOT_LIMITED.sub(_open_examples, norm)
    if "ly " in norm and _ADVERB_IN_TARGETING.search(norm):
        norm = _ADVERB_IN_TARGETING.sub(_spaced_adverbs, norm)
    if "ve " in norm and (refused := [m.span() for m in cues.REFUSED_NAIVE_CLASS.finditer(norm)]):
        norm = blanked(norm, refused)  # "chemotherapy-naive patients are not eligible": no ban on chemotherapy
    if ("may" in norm or "any " in norm) and (both := [m.span() for m in cues.BOTH_STATES.finditer(norm)]):
        norm = blanked(norm, both)  # "may be receiving X, or may be on no active treatment": no rule either way
    # "..., including patients previously treated with X": the X-treated come too. (In an exclusion the clause widens
    # the ban instead: "prior RET inhibitor, including patients who received X in another study" bans X too.)
    if section != "exclusion" and ("includ" in norm or " well as " in norm or "and also" in norm) \
            and (wide := [m.span() for m in cues.WIDENING.finditer(norm)]):
        norm = blanked(norm, wide)
    if (samples := [m.span("when") for m in cues.SAMPLE_TIMING.finditer(norm)]) \
            and cues.SAMPLE_ASKED_LOOSELY.search(norm):
        norm = blanked(norm, samples)  # "tissue obtained after the last systemic treatment": the sample's timing
    if section == "inclusion" and ("naive" in norm or "untreated" in norm) \
            and (ways := [m.span() for m in cues.NAIVE_WAY_IN.finditer(norm)]) and ways[0][0] > 0:
        norm = blanked(norm, ways)  # "... Treatment-naive patients may enrol": no treatment named (see reading_rules)
    if ("sclc" in norm or "small" in norm or "cancer" in norm or "oma" in norm) \
            and (history := cues.other_cancer_history(norm)):
        norm = blanked(norm, history)  # "NSCLC, or SCLC progressing after chemotherapy": the SCLC's history
    if " case" in norm and (cases := [m.span() for m in cues.IN_WHICH_CASE.finditer(norm)]):
        norm = blanked(norm, cases)  # "(in which case patients must be registered within 4 weeks of starting X)"
    if "within" in norm and " with" in norm:
        norm = _WINDOW_OF_TREATMENT.sub(r"\1", norm)
    if " of " in norm and _PART_OF_COURSE.search(norm):
        norm = _PART_OF_COURSE.sub(r"\g<n> \g<unit>", norm)
    if "," in norm and _ALLOWANCE_TAIL.possible(norm):
        norm = _ALLOWANCE_TAIL.sub(";", norm)
    excluding = section == "exclusion"
    if not excluding:
        if "contra" in norm:
            norm = cues.without_contraindication_only(norm)
        norm = cues.permission_clause(cues.interposed_alternative(cues.stage_or_intolerant(norm)))
        norm = cues.shared_object_naive(norm)
        if (" be " in norm or " to " in norm) and (entry := _ENTRY_AS_PERMISSION.search(norm)) \
                and not _ALLOWANCE_WORDS.search(norm):
            norm = norm[:entry.start("tail")] + "."  # "Patients who failed X can be enrolled": the entry rule
        if "this" in norm:
            norm = _THIS_MEANS.sub(_received, norm)
        if "only" in norm:
            norm = _ELIGIBLE_ONLY.sub(_must_have_had, norm)
    mentions = find_mentions(norm, egfr_trial)
    if "least" in norm or "or more" in norm:
        plain = without_or_item_quantifiers(norm, mentions)  # "A or at least one B": one list, no count
        if plain != norm:
            norm, mentions = plain, find_mentions(plain, egfr_trial)
    if mentions and ":" in norm and (given := given_brackets(norm)):
        # "Part B (drug X + pembrolizumab): ...": the heading names what the part gives, not what was had. Only the
        # words read are blanked; the sentence quoted stays as written.
        norm = blanked(norm, [(m.start, m.end) for m in mentions if inside(m.start, given)])
        mentions = [m for m in mentions if not inside(m.start, given)]
    if mentions and "(" in norm and (tags := scope_tag_brackets(norm)):
        # "... (AZD3759 Part A and Part B, AZD9291 BM cohort)": a scope tag names the parts' study drugs. Who the
        # sentence binds is the shared reader's scope; the drug words there state no earlier treatment.
        norm = blanked(norm, [(m.start, m.end) for m in mentions if inside(m.start, tags)])
        mentions = [m for m in mentions if not inside(m.start, tags)]
    if mentions and "specific" in norm:  # "anti-EGFR/cMET bispecific antibodies": one drug hitting both
        mentions = bispecific_mentions(norm, mentions)
    if mentions:  # only a name can be an abbreviation in brackets
        mentions = without_abbreviations(norm, mentions, _parens(norm))
    if excluding:
        mentions = with_generic_treatment(norm, mentions)
    limits = count_limits(norm, mentions, section)
    if excluding and not limits and (norm.endswith(":") and _list_lead_in(norm, mentions)
                                     or "within" in norm and _UNSTATED_WINDOW.search(norm)):
        return None
    if not limits and not_counted.counting_note(norm):
        return None  # "(Adjuvant therapy will count as a regimen if relapse within 12 months.)": a note on counting
    if not excluding:
        limits += ordinal_limits(norm)
        if not any(lim.min is not None or lim.max is not None for lim in limits):
            limits += _completed_line(norm)
        study_line = study_first_line(norm)
        if study_line:
            # "after progression on this first-line therapy, patients receive X as second line": the study's own
            # lines, and the treatment named as that line, ask for no earlier one.
            limits = []
            mentions = [m for m in mentions if not (m.systemic and inside(m.start, study_line))]
        if not limits and "progress" in norm and _stability_only(norm, mentions):
            return None
    if not mentions and not limits and (excluding or not (cues.NAIVE.search(norm) or cues.TREATED.search(norm)
                                                          or cues.NO_STANDARD.search(norm) or names_driver(norm)
                                                          or (cues.ALL_WORD.search(norm) is not None
                                                              and cues.exhausted(norm)))):
        # Every rule needs a name, a line count, or (inclusions) naive / treated wording. Most
        # sentences have none: asked first, this skips the searches below as well as the cohorts and cues.
        return None
    return FirstRead(sentence, norm, mentions, limits)


def _parens(norm: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in cues.PAREN.finditer(norm)]


def sentence_rules(sentence: str, ctx: Context) -> list[dict[str, Any]]:
    """Prior-therapy rules stated by one sentence of the criteria (or the title)."""
    first = read_sentence(sentence, ctx.section, ctx.egfr_trial)
    return reading_rules(first, ctx) if first else []


_UNFIT = re.compile(r"\b(?:cannot|unable|not (?:eligible|suitable|fit|a candidates?|candidates|appropriate)"
                    r"|(?:in|un)eligible|unsuitable|unfit|refus\w+|declin\w+|contraindicat\w*|not amenable)\b"
                    rf"|\b{CANNOT_HAVE}")  # (the shared vocabulary: "not considered a candidate for")
# "In the locally advanced or metastatic setting", "for stage III or IV disease": a setting that takes in stage III,
# where chemoradiation and consolidation are given without counting as a line for advanced disease.
_LOCALLY_ADVANCED = re.compile(r"\blocally[\s-]+advanced\b|\bstages?\s*(?:iii|3)[abc]?(?![a-z0-9])")


def _naive_way_blanked(read: FirstRead) -> bool:
    """Whether read_sentence blanked a way in for untreated patients after the sentence's rule (cues.NAIVE_WAY_IN)."""
    raw = normalize(read.sentence[:MAX_SENTENCE_CHARS])
    return any(m.start() > 0 for m in cues.NAIVE_WAY_IN.finditer(raw))


def reading_rules(read: FirstRead, ctx: Context) -> list[dict[str, Any]]:
    """The rules of a sentence read by read_sentence (with the same section and egfr_trial as `ctx`)."""
    if ctx.section == "inclusion" and not ctx.soft and read.norm != read.sentence \
            and cues.NAIVE_WAY_IN.search(read.norm) is None and _naive_way_blanked(read):
        ctx = replace(ctx, soft=True)  # the untreated let in beside the rule: for them a question (cues.NAIVE_WAY_IN)
    rules = _plain_rules(read, ctx)
    if ctx.section == "inclusion" and "t790m" in read.norm and (closed := _closed_route(read)) is not None:
        # "T790M negative after a 1st/2nd-generation EGFR-TKI; or progression after osimertinib": the drugs of the
        # T790M-negative way in do not count for a T790M carrier, who may still come in by the other way.
        return [{**rule, "closed_items": closed} if rule["kind"] == "require" and not rule["genes"]
                and any(set(g) & set(closed["items"]) for g in rule["groups"]) else rule for rule in rules]
    if ctx.section == "inclusion" and "t790m" in read.norm and _T790M_NEGATIVE.search(read.norm) \
            and read.norm.count("t790m") == 1 and not _T790M_NOT_CONDITION.search(read.norm):
        # "Received first- or second-generation EGFR-TKI as first-line treatment and were T790M-negative after
        # progression": the way in is closed to a T790M carrier (an option beside "T790M-positive after
        # osimertinib"). Not "T790M-negative patients must have had X": that names whom the rule binds.
        return [{**rule, "closed_to": "t790m"} if rule["kind"] == "require" and not rule["genes"] else rule
                for rule in rules]
    return rules


# Where one way in ends and another begins: "...; or disease progression after X", ", or progression on X".
_ROUTE_BREAK = re.compile(r"[;,]\s*(?:or|and/or)\b"
                          r"|\bor\s+(?=(?:[a-z-]+\s+){0,2}progress\w*\s+(?:after|on|following|during)\b)")


# "T790M mutation negative", "T790M status was negative": the finding named before its result.
_T790M_STATUS_NEGATIVE = re.compile(r"\bt790m[\s-]+(?:mutation|status|test)\s+(?:(?:is|was|were)\s+)?negative\b")


def _closed_route(read: FirstRead) -> dict[str, Any] | None:
    """The drugs of the way in that is for T790M-negative patients only, when the sentence offers another way in
    with other drugs; None when the sentence is not of that shape."""
    norm = read.norm
    cuts = [0, *(m.start() for m in _ROUTE_BREAK.finditer(norm)), len(norm)]
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    if len(pieces) < 2:
        return None
    closed: list[str] = []
    others: list[str] = []
    closed_text, other_text = "", ""
    for a, b in pieces:
        piece = norm[a:b]
        items = [i for m in read.mentions if a <= m.start < b for i in m.items]
        negative = _T790M_NEGATIVE.search(piece) or _T790M_STATUS_NEGATIVE.search(piece)
        if negative and not _T790M_NOT_CONDITION.search(piece):
            if closed:
                return None  # two ways in for T790M-negative patients: not the shape read here
            closed, closed_text = items, piece
        else:
            others, other_text = others + items, other_text + " " + piece
    if not closed or not others or set(closed) <= set(others):
        return None
    # "T790M negative confirmed by re-biopsy after X": the biopsy there dates the finding of the closed way only;
    # the other way in ("or progression after osimertinib") stays firm.
    firm = (_sample_timed(cues.strip_parens(closed_text)) and not _sample_timed(cues.strip_parens(other_text))
            and not cues.STANDARD_ALTERNATIVE.search(norm) and not cues.OPEN_ALTERNATIVE.search(norm))
    return {"alteration": "t790m", "items": [i for i in closed if i not in others], "firm": firm}


# The patient's T790M status said to be negative, as a condition of the way in.
_T790M_NEGATIVE = re.compile(r"\bt790m[\s-]*(?:negative|neg)\b|\bnegative\s+(?:(?:test|result)\s+)?for\s+(?:the\s+)?"
                             r"(?:egfr\s+)?t790m\b|\b(?:without|absence\s+of|lack\s+of|no)\s+(?:an?\s+)?(?:egfr\s+)?t790m\b")
# ... but not a status offered either way, unknown, or naming whom a requirement binds ("must", "should").
_T790M_NOT_CONDITION = re.compile(r"\b(?:positive|regardless|irrespective|unknown|any|must|should|shall|required"
                                  r"|need\w*|eligible|allowed|permitted|if)\b")


def _negative_for(norm: str, alteration: str) -> bool:
    """Whether `norm` says the finding is negative ("T790M-negative", "negative for EGFR T790M", "without T790M")."""
    word = re.escape(alteration)
    return re.search(rf"\b{word}[\s-]*(?:negative|neg)\b|\bnegative\s+(?:(?:test|result)\s+)?for\s+(?:the\s+)?"
                     rf"(?:[a-z0-9]+\s+)?{word}\b|\b(?:without|absence\s+of|lack\s+of)\s+(?:an?\s+)?(?:[a-z0-9]+\s+)?"
                     rf"{word}\b", norm) is not None


def _plain_rules(read: FirstRead, ctx: Context) -> list[dict[str, Any]]:
    if ctx.section == "inclusion" and " who " in read.norm and "except" in read.norm:
        split = _excepted_group_rules(read, ctx)
        if split is not None:
            return split
    plain, said = asides.before(read, ctx.section)  # "(TKIs do not count)", "rash on prior X": asides.py
    if plain is None:
        return []
    read = plain
    rules = asides.after(_section_rules(read, ctx), said)
    if "advanced" in read.norm or "stage" in read.norm:
        if _LOCALLY_ADVANCED.search(read.norm):
            for rule in rules:
                if rule.get("setting") == "advanced":
                    rule["local"] = True
    return rules


# "Previously untreated for stage IV disease, except EGFR-mutant patients who must have received osimertinib": the
# head binds the patients without the marker, the tail those with it.
_EXCEPT_GROUP = re.compile(
    r"^(?P<head>[^;]{8,}?),?\s+except(?:\s+for)?\s+(?P<who>[^,;()]{2,60}?),?\s+who\s+"
    r"(?P<tail>(?:must|should|shall|need to|are required to|have to)\b[^;]*)$"
)


def _excepted_group_rules(read: FirstRead, ctx: Context) -> list[dict[str, Any]] | None:
    match = _EXCEPT_GROUP.match(read.norm)
    if match is None:
        return None
    genes = genes_named(match.group("who"))
    if not genes:
        return None
    label = match.group("who")
    rules: list[dict[str, Any]] = []
    for words, absent in ((match.group("head"), True), ("patients " + match.group("tail"), False)):
        scope = Scope(label, "condition", genes=genes, absent=absent).to_json()
        rules += [{**rule, "evidence": quote(read.sentence), "scope": scope} for rule in sentence_rules(words, ctx)]
    return rules


# An exclusion that opens by negating an exposure or a progression: "Not having received prior platinum", "Absence
# of documented progression on prior osimertinib", "Lack of prior exposure to X". The patients it excludes are those
# without it: the words after the negation are an inclusion. ("No prior X" in an exclusion is often a slip of the
# pen for a ban, so bare "no" / "without" are left alone.)
_DOUBLE_NEGATIVE = guarded(
    r"^\W{0,3}(?:(?:not|never)\s+having\s+(?=(?:(?:been|previously|ever|yet|already)\s+)*(?:received|had|been treated"
    r"|treated|progressed|failed|relapsed|undergone))"
    r"|(?:absence|lack)\s+of\s+(?=(?:(?:any|documented|confirmed|radiographic|radiological|objective|disease|prior"
    r"|previous)\s+)*(?:prior|previous|exposure|progression|treatment with|failure)\b)"
    r"|lacking\s+(?=(?:any\s+)?(?:prior|previous)\b))"
)


# A sentence whose own verb asks for a treatment had ("... must have received prior X"), with no negation before it.
_NEGATION = re.compile(r"\b(?:not|no|never|without|none|neither|nor|unless|except|if)\b")


def _stated_requirement(norm: str) -> bool:
    found = cues.MUST_HAVE_HAD.search(norm) if "must" in norm or "should" in norm or "shall" in norm \
        or "need" in norm or "required" in norm else None
    return found is not None and not _NEGATION.search(norm, 0, found.start()) and not cues.BAN.search(norm) \
        and not _NEGATION.search(norm, found.end(), min(len(norm), found.end() + 40))


# A bullet that states its own polarity, said of the patient: "Participants must not have received ramucirumab
# previously", "Patient should not have been treated with a PD-1 inhibitor". Under an Exclusion heading (SWOG /
# Pragmatica lists) it still bans what it names: the heading does not turn it round into a requirement.
_STATED_BAN = guarded(
    r"^\W{0,3}(?:(?:the\s+)?(?:patients?|participants?|subjects?|individuals?)\s+)?"
    r"(?:must|should|shall|may|can)\s*not\s+have\s+(?:(?:ever|previously|already|been)\s+)*"
    r"(?:received|had|taken|been\s+(?:treated|exposed)\s+(?:with|to))\b"
)


# "Neoadjuvant chemotherapy is not to be regarded as first-line therapy": says what counts as a line, not a rule.
_NOT_AS_LINE = guarded(
    r"\bnot\s+(?:to\s+)?(?:be\s+)?(?:served|counted|considered|regarded|deemed|classed|classified|seen)\s+as\s+"
    r"(?:an?\s+|the\s+)?(?:first|1st|second|2nd|third|3rd|initial|front)[\s-]*line\b"
)
_CLAUSE_EDGE = re.compile(r"[;(\[:]")
_CLAUSE_END = re.compile(r"[;)\]]")


def _only_not_as_line(norm: str) -> bool:
    """Whether the sentence is nothing but a "... not regarded as first-line" clause (no other names outside it)."""
    if not _NOT_AS_LINE.possible(norm):
        return False
    norm = cues.strip_parens(norm)  # "targeted therapy (EGFR TKIs) is not ...": an aside, not a clause edge
    found = _NOT_AS_LINE.search(norm)
    if found is None:
        return False
    if _CLAUSE_EDGE.search(norm, 0, found.start()):
        return False
    return _CLAUSE_END.search(norm, found.end()) is None


# "Patients whose best response to first-line chemotherapy was stable disease", "no change at all in dimension of
# disease (true stability) after first line therapy": a condition on how the disease answered a treatment, which no
# profile tells. (Not "regardless of best response": that sets no condition.)
_RESPONSE_CONDITION = guarded(
    r"\bbest\s+(?:overall\s+)?response\b|\bstable\s+disease\b|\btrue\s+stability\b|\bno\s+change\s+(?:at\s+all\s+)?in\b"
    r"|\b(?:complete|partial|objective)\s+response\s+(?:to|on|after|with)\b|\bresponded\s+(?:to|on)\b")
_REGARDLESS = re.compile(r"\b(?:regardless|irrespective)\s+of\b")
# "... will not be eligible", "are ineligible", "are excluded": an inclusion bullet that names who is kept out.
_NOT_ELIGIBLE = guarded(r"\b(?:(?:will|shall|would|may)\s+not\s+be|(?:are|is)\s+not)\s+(?:eligible|enrolled|included)\b"
                        r"|\bineligible\b|\b(?:are|is|will\s+be)\s+excluded\b")


def _response_rules(read: FirstRead, ctx: Context) -> list[dict[str, Any]] | None:
    """The rules of a sentence whose group is told by its response to a treatment, or None for any other sentence.
    Such a ban is a question for a patient who had the treatment (the response is not known); an inclusion that
    says these patients "are not eligible" is read as that ban, never as a requirement to have had the treatment."""
    if not _RESPONSE_CONDITION.search(read.norm) or _REGARDLESS.search(read.norm):
        return None
    if ctx.section == "inclusion":
        if not _NOT_ELIGIBLE.search(read.norm):
            return None
        banned = read_sentence(read.sentence, "exclusion", ctx.egfr_trial)
        rules = _reading_rules(banned, replace(ctx, section="exclusion")) if banned else []
        return [{**rule, "soft": True, "section": ctx.section} for rule in rules if rule["kind"] == "forbid"]
    if ctx.section != "exclusion":
        return None
    return [{**rule, "soft": True} if rule["kind"] == "forbid" else rule for rule in _reading_rules(read, ctx)]


def _section_rules(read: FirstRead, ctx: Context) -> list[dict[str, Any]]:
    if _only_not_as_line(read.norm):
        return []
    if ctx.inherited is None and (by_response := _response_rules(read, ctx)) is not None:
        return by_response
    if ctx.section == "exclusion" and ctx.inherited is None and (negated := _DOUBLE_NEGATIVE.match(read.norm)):
        # Read without the negation, as an inclusion; the rules stay the exclusion's (their evidence says so).
        positive = read_sentence(read.sentence, "inclusion", ctx.egfr_trial)
        if positive is None:
            return []
        positive = replace(positive, norm=blanked(positive.norm, [negated.span()]))
        rules = _section_rules(positive, replace(ctx, section="inclusion"))
        return [{**rule, "section": ctx.section} for rule in rules]
    if ctx.section == "exclusion" and ctx.inherited is None and _stated_requirement(read.norm):
        # "EGFR-mutant patients must have received a prior TKI" among the exclusions: a requirement, read as an
        # inclusion would be (the rules keep the exclusion's evidence), never a ban on what it asks for.
        positive = read_sentence(read.sentence, "inclusion", ctx.egfr_trial)
        if positive is None:
            return []
        return [{**rule, "section": ctx.section}
                for rule in _section_rules(positive, replace(ctx, section="inclusion"))]
    if ctx.section == "exclusion" and ctx.inherited is None and _STATED_BAN.match(read.norm):
        # Read as the same words under Inclusion would be (a ban); the rules keep the exclusion's evidence.
        stated = read_sentence(read.sentence, "inclusion", ctx.egfr_trial)
        if stated is None:
            return []
        return [{**rule, "section": ctx.section}
                for rule in _section_rules(stated, replace(ctx, section="inclusion"))]
    if ctx.section == "inclusion" and ctx.inherited is None and (shut := cues.group_shut_out(read.sentence)) \
            and group_out_clause(read.norm) is None:
        # "Patients previously treated with a PD-1 inhibitor cannot be enrolled": the group's history is what the
        # bullet bans, read as the same words under Exclusion (never a requirement to have had it). (A group past a
        # numbered line, "patients who progressed on first-line X are not eligible", is the line reader's.)
        banned = read_sentence(read.sentence[:shut], "exclusion", ctx.egfr_trial)
        if banned is None:
            return []
        return [{**rule, "section": ctx.section}
                for rule in _section_rules(banned, replace(ctx, section="exclusion"))]
    if ctx.section != "inclusion":
        return _reading_rules(read, ctx)
    rest = _without_completion(read)
    if rest is None:
        return []
    rest = _without_study_time(rest)
    if rest is None:
        return []
    read = rest
    branch = marker_branch(read)
    if branch is not None:
        # "A or, for patients with a driver, at least one B": the count and A from the rest; B the carriers' way in.
        return with_branch(_section_rules(branch[0], ctx), branch[1])
    extra = carrier_item(read)
    way = without_spans(read, [extra[0]]) if extra is not None else None
    if extra is not None and way is not None:
        # "A and B, and C if KRAS G12C mutated": A and B from the rest; C asked of the carriers only.
        return _with_carrier_item(_section_rules(way, ctx), *extra[1:])
    carriers = carriers_asking_more(read.norm, ctx.header_genes)
    if carriers is not None:
        # "EGFR/ALK negative, or EGFR/ALK positive and progressed after TKI and platinum": what the rest asks binds
        # the carriers only; the negative patients are in without it.
        genes, negative = carriers
        way = without_spans(read, [negative])
        if way is None:
            return []
        return [{**rule, "genes": genes, "alteration": None, "marker": {}}
                for rule in _reading_rules(way, ctx)]
    found, spans = driver_rules(read.norm, ctx.header_genes)
    if not found:
        return _reading_rules(read, ctx)
    # "Patients with EGFR or ALK aberrations must have progressed on approved therapy for these aberrations":
    # a condition on the patients with a driver. The rest of the sentence is read without it.
    evidence = quote(f"{ctx.prefix} {read.sentence}" if ctx.prefix else read.sentence)
    cohorts = list(heading_cohorts(read.norm, spans[0][0]) or sentence_cohorts(read.norm) or ctx.cohorts)
    more = _carriers_more(read, ctx, found, spans)
    drivers = [{**{k: v for k, v in rule.items() if k != "more"}, "soft": ctx.soft or rule["soft"], "alteration": None,
                "cohorts": cohorts, "evidence": evidence, "section": ctx.section} for rule in found] + more
    norm = blanked(read.norm, spans)
    if not cues.strip_parens(norm).strip(" .,;:-*\u2022[]()") or _ONLY_HEADING.fullmatch(cues.strip_parens(norm)):
        return drivers
    if found[0].get("own"):
        # "..., including targeted therapy approved for their alteration and platinum-based chemotherapy": the driver
        # words sat inside a list of parts; the rest is read as the sentence without them (a wide blank would part
        # the list's "and" from the lead-in's verb).
        start, end = spans[0]
        again = read_sentence(f"{read.norm[:start].rstrip()} {read.norm[end:].lstrip()}", ctx.section, ctx.egfr_trial)
        rules = [{**rule, "evidence": evidence} for rule in _reading_rules(again, ctx)] if again else []
        return rules + drivers
    rest = FirstRead(read.sentence, norm, [m for m in read.mentions if not inside(m.start, spans)],
                     [lim for lim in read.limits if not inside(lim.start, spans)])
    return _reading_rules(rest, ctx) + drivers


def _with_carrier_item(rules: list[dict[str, Any]], items: list[str], genes: list[str], alteration: str | None,
                       available: bool) -> list[dict[str, Any]]:
    """The rest's rules and one requirement of `items` bound to the carriers (soft when the sentence leaves open
    whether the therapy is available to them). Without a requirement in the rest, no rule of the carriers' (the
    sentence was not the list it looked like)."""
    base = next((r for r in rules if r["kind"] == "require" and r["section"] == "inclusion" and not r.get("genes")),
                None)
    if base is None:
        return rules
    keep = {k: v for k, v in base.items() if k not in ("groups", "driver_routes", "alt", "near", "if_had")}
    need = {**keep, "kind": "require", "groups": [items], "genes": genes, "alteration": alteration, "marker": {},
            "met_unknown": False, "soft": base["soft"] or available}
    return [*rules, need]


def _carriers_more(read: FirstRead, ctx: Context, found: list[dict[str, Any]],
                   spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """What a driver clause asks of the carriers beside their targeted drug ("... must have progressed on an approved
    TKI for that alteration and on platinum-based chemotherapy"): the sentence read without the targeted drug's words,
    each requirement bound to the driver rule's genes (an EGFR group named as sensitising: those findings only)."""
    out: list[dict[str, Any]] = []
    for rule, span in zip(found, spans, strict=True):
        if "more" not in rule:
            continue
        start, end = rule["more"]
        keep = [(span[0], start), (end, span[1])]
        rest = FirstRead(read.sentence, blanked(read.norm, [(0, span[0]), (start, end), (span[1], len(read.norm))]),
                         [m for m in read.mentions if inside(m.start, keep)],
                         [lim for lim in read.limits if inside(lim.start, keep)])
        if not rest.mentions:
            continue
        marker = {"EGFR": ["sensitizing"]} if rule.get("egfr_findings") else {}
        for need in _reading_rules(rest, ctx):
            if need["kind"] != "require" or need["section"] != "inclusion":
                return []  # anything but a plain requirement: left to the driver rule alone, as before
            out.append({**need, "genes": list(rule["genes"]), "alteration": None, "marker": marker})
    return out


# "Patients must have completed (stopped, recovered from) prior chemotherapy at least 4 weeks before enrollment":
# a condition on those who had it (completion, a washout), not a requirement to have had it. Only with the
# study's start as the point: "must have completed 2 cycles of platinum" or "must have received prior X,
# completed before ..." still ask for X.
_COMPLETION = guarded(
    r"\b(?:must|should|shall|need to|needs to|required to|to)\s+(?:have\s+)?(?:been\s+)?(?:completely\s+)?"
    r"(?:completed|finished|stopped|discontinued|ceased|ended|recovered\s+from)\s+"
    r"(?:(?:all|any|the|their|his|her)\s+)*(?:prior|previous|preceding|earlier)\b[^.;]{0,120}?"
    r"\b(?:before|prior\s+to|(?:by|at)\s+the\s+time\s+of)\s+(?:the\s+)?(?:first\s+(?:dose|administration|infusion)"
    r"|start\b|initiation|enrol\w*|random\w*|registration|screening|study\b|day\s*1\b|cycle\s*1\b|c1d1|signing)"
    # The same said of the treatment, opening the sentence: "Prior chemotherapy, TKI or immunotherapy must be
    # completed (have been stopped) at least 2 weeks before the first dose": a washout for whoever had them.
    r"|^\W*(?:(?:all|any)\s+)?(?:prior|previous|earlier)\b[^.;]{0,150}?\b(?:must|should|shall|needs?\s+to|has\s+to"
    r"|have\s+to|is\s+to|are\s+to)\s+(?:have\s+been|be)\s+(?:completely\s+)?(?:completed|finished|stopped|discontinued"
    r"|ceased|ended|terminated)\b[^.;]{0,80}?\b(?:before|prior\s+to)\s+(?:the\s+)?(?:first\s+(?:[\w-]+\s+){0,3}?(?:dose"
    r"|administration|infusion)|start\b|initiation|enrol\w*|random\w*|registration|screening|study\b|day\s*1\b|cycle\s*1\b|c1d1)"
)


# "Must have received chemotherapy or immunotherapy >= 4 weeks prior to starting study treatment", "must have
# received the last dose of X at least 21 days before C1D1": the window follows the list straight away, so the
# sentence times what was had (a washout). With a line, setting, course or progression in between ("must have
# received platinum for advanced disease and progressed within 6 months") it still asks for the treatment.
_RECEIVED_WINDOW = guarded(
    r"\b(?:must|should|shall|need to|needs to|required to)\s+(?:have\s+)?received\s+[^.;:]{0,150}?"
    r"(?:[\u2265>]=?\s*\d+\s*(?:days?|weeks?|months?)|\b(?:at least|more than|greater than|no less than|a minimum of)"
    rf"\s+{cues.N_WORD}\s*(?:days?|weeks?|months?|half[- ]lives)\b|\b{cues.N_WORD}\s*(?:days?|weeks?|months?)\s+"
    r"(?:prior|before))"
)
_WINDOW_INSIDE = re.compile(r"\bline|\bprogress|\brelaps|\brecurr|\brefractor|\bfail|\bfor\s+(?:the\s+)?(?:advanced"
                            r"|metastatic|recurrent|stage|locally|unresectable)|\bsetting\b|\bregimens?\b|\bcycles?\b"
                            r"|\bcourses?\b|\band\s+(?:have|had|has)\b"
                            # "..., the last dose at least 4 weeks before": a clause of its own after the requirement
                            r"|,\s*(?:the|with|last|their|its|which|that|completed|ended|ending|finished)\b")


def _received_window_spans(norm: str) -> list[tuple[int, int]]:
    """Spans of `_RECEIVED_WINDOW` with nothing but the treatments between "received" and the window."""
    return [(m.start(), m.end()) for m in _RECEIVED_WINDOW.finditer(norm) if not _WINDOW_INSIDE.search(m.group())]


def _without_completion(read: FirstRead) -> FirstRead | None:
    """The sentence without its completion conditions (`_COMPLETION`); None when nothing else is left."""
    spans = [(m.start(), m.end()) for m in _COMPLETION.finditer(read.norm)]
    if not spans:
        return read
    return without_spans(read, spans)


# "No concurrent immunotherapy", "no other concomitant chemotherapy", "not receiving concurrent EGFR TKIs": what may
# not be given beside the study treatment, nothing about earlier treatment. (Not "no prior or concurrent X": the
# earlier word sits between, and the ban on earlier X stands.) The clause runs until an earlier-treatment word.
_CONCURRENT_ONLY = guarded(
    r"\b(?:no|not|nor|without)\s+(?:(?:be(?:ing)?\s+)?(?:receiving|taking|using|on)\s+)?(?:(?:other|additional|further"
    r"|any)\s+)?(?:concurrent|concomitant|simultaneous)\b[^;.]*?(?=[;.]|\b(?:prior|previous\w*|earlier|history)\b|$)"
    # The ban after it: "Concurrent chemotherapy (within 2 days of radiotherapy) is not allowed", "Concomitant use of
    # other anticancer agents is prohibited", "Simultaneous X will not be permitted" (no earlier-treatment word
    # between).
    r"|(?:^|(?<=[;:.(]))\W*(?:the\s+)?(?:use\s+of\s+)?(?:concurrent|concomitant|simultaneous)\b"
    r"(?:(?!\b(?:prior|previous\w*|earlier|history|or)\b)[^;.])*?"
    r"\b(?:(?:is|are|will|shall|must|may|can)\s+(?:be\s+)?(?:not|never|no\s+longer)\s+(?:be\s+)?"
    r"(?:allowed|permitted|acceptable|given|used|administered)|(?:is|are|will\s+be)\s+(?:prohibited|forbidden"
    r"|disallowed|excluded)|not\s+(?:allowed|permitted))\b"
)
# A sample or biopsy the study will take ("willingness to provide a blood sample at baseline and at progression on
# first-line treatment", "consent to a repeat biopsy after progression on second-line therapy"): the lines named
# date the sampling to come, they ask for no earlier line. Told by a sample word with a word of the future or of an
# option; from the first of them to the end of the sentence nothing is a rule ("Progressed on X; willing to undergo
# a repeat biopsy" keeps X).
_SAMPLE_WORD = guarded(r"\b(?:re-?)?biops(?:y|ies)\b|\bsamples?\b|\bspecimens?\b|\btissue\b|\bblood\b|\bplasma\b")
_SAMPLE_TO_COME = guarded(
    r"\b(?:willing\w*|consent\w*|agree\w*|possibility|optional\w*|repeat(?:ed)?|additional|serial|again|obtainable"
    r"|at\s+baseline|if\s+(?:clinically\s+)?feasible|during\s+the\s+study|on\s+study)\b"
)
_SAMPLE_TIME = re.compile(r"\b(?:progress\w*|lines?|relaps\w*|after|following)\b")


def _study_time_spans(norm: str) -> list[tuple[int, int]]:
    """Spans of `_CONCURRENT_ONLY` and of the sampling to come (`_SAMPLE_TO_COME`): no earlier treatment there."""
    spans = [(m.start(), m.end()) for m in _CONCURRENT_ONLY.finditer(norm)]
    for sample in _SAMPLE_WORD.finditer(norm):
        # The future or optional word close to the sample word: "consent to a repeat biopsy", "tissue must be
        # obtainable at diagnosis and again after ...".
        coming = _SAMPLE_TO_COME.search(norm, max(0, sample.start() - _SAMPLE_REACH), sample.end() + _SAMPLE_REACH)
        if coming is None:
            continue
        start = min(sample.start(), coming.start())
        if _SAMPLE_TIME.search(norm, start):
            spans.append((start, len(norm)))
        break
    return spans


_SAMPLE_REACH = 80


def _without_study_time(read: FirstRead) -> FirstRead | None:
    """The sentence without what the study itself does (`_study_time_spans`); None when nothing else is left."""
    if "concurrent" not in read.norm and "concomitant" not in read.norm and "simultaneous" not in read.norm \
            and not _SAMPLE_WORD.possible(read.norm):
        return read
    spans = _study_time_spans(read.norm)
    if not spans:
        return read
    return without_spans(read, spans)


# What may stay of a sentence whose driver condition is the whole rule: a heading or a note mark.
_ONLY_HEADING = re.compile(r"[\W\d]*(?:note|nb|[a-z0-9+() -]{1,30}:)?[\W\d]*")


# "after standard therapy, including an approved EGFR TKI and/or up to 1 platinum-based chemotherapy": a name joined
# by "or" to a capped count is one of the ways through, not asked for by itself.
_OR_BEFORE_CAP = re.compile(r"(?:\s*[a-z-]+){0,2}?[\s,]*(?:and/or|or)\s+")


def _without_cap_alternatives(norm: str, mentions: list[Mention], limits: list[LineLimit]) -> list[Mention]:
    """The mentions without those joined by "or" to a count that only caps (`_OR_BEFORE_CAP`)."""
    caps = [lim.start for lim in limits if lim.max is not None and lim.min is None]
    if not caps:
        return mentions
    return [m for m in mentions if not any(m.end <= cap and _OR_BEFORE_CAP.fullmatch(norm, m.end, cap) for cap in caps)]


def _cap_allowed(limits: list[LineLimit]) -> bool:
    """ "No more than 2 prior lines are allowed", "A maximum of one prior regimen is permitted": what is allowed is
    a count with a ceiling, which says more lines are not (a cap, not an allowance of some treatment)."""
    return any(lim.max is not None and lim.min is None and not lim.cycles and not lim.position for lim in limits)


def _cap_examples_end(norm: str, lim: LineLimit, parens: list[tuple[int, int]]) -> int:
    """Where a limit's words end, with the asides right after a ceiling: "No more than 2 prior RET inhibitors
    (selpercatinib, pralsetinib)" lists what is counted, which the ceiling asks no one to have had. "Treatment-naive,
    or one prior line (chemotherapy and/or immunotherapy)" is a ceiling too (0 to 1 lines): its aside says what the one
    line may be, and asks nothing of the untreated."""
    end = lim.end
    if lim.max is None or lim.min not in (None, 0) or lim.position:
        return end
    for start, stop in parens:
        if start >= end and (not norm[end:start].strip() or _SETTING_ONLY.match(norm, end, start)):
            end = stop
    return end


# Between a count and its aside, only the setting the lines were for: "one prior line for metastatic disease (...)".
_SETTING_ONLY = re.compile(
    r"\s*(?:(?:for|in)\s+(?:the\s+)?(?:locally\s+advanced|advanced|metastatic|recurrent|stage\s+iv|unresectable)"
    r"(?:\s+(?:or|and|/)\s*(?:advanced|metastatic|recurrent))?(?:\s+(?:disease|setting|nsclc|cancer))?)\s*$")


def _reading_rules(read: FirstRead, ctx: Context, split: bool = True) -> list[dict[str, Any]]:
    """`split`: an "unless" or "if eligible" that names one of the required treatments softens that one only."""
    sentence, norm, mentions, limits = read.sentence, read.norm, read.mentions, read.limits
    bare = cues.strip_parens(norm)
    excluding = ctx.section == "exclusion"
    parens = _parens(norm)
    if cues.off_topic(bare, alternative_ok=not excluding) or cues.definition(bare) \
            or (excluding and cues.skip_exclusion(bare)):
        return []
    if cues.WASHOUT.search(bare):
        return []  # "patients who received prior X must have a wash-out of ...": timing, assumed met
    not_enough: list[str] = []
    if "alone" in norm:
        alone = alone_clauses(norm)
        if alone:
            # "...; crizotinib alone does not qualify": the names there are not enough by themselves, neither
            # asked for nor banned; they narrow the requirement beside them (a class "other than" them).
            not_enough = [i for m in mentions for a, b, cut in alone if a <= m.start < cut for i in m.items]
            mentions = [m for m in mentions if not any(a <= m.start < b for a, b, _ in alone)]
            limits = [lim for lim in limits if not any(a <= lim.start < b for a, b, _ in alone)]
            if not mentions and not limits:
                return []
            read = replace(read, mentions=mentions, limits=limits)
    if (cues.clause_verdict(bare) == "permit" or _WILL_BE_ELIGIBLE.search(bare)) and not _CLAUSES.search(bare) \
            and not (not excluding and _cap_allowed(limits)):
        return []  # "Treatment-naive or previously treated patients are eligible": an allowance, not a rule
    if ":" in bare and cues.no_rule_label(bare):
        return []
    if ":" in bare and cues.permit_label(bare):
        # "Prior ROS1 TKI: allowed (maximum of 2 prior TKIs)": the treatment is let in, not asked for; a ceiling
        # said with it still counts.
        if excluding or not _cap_allowed(limits):
            return []
        mentions = []
        read = replace(read, mentions=mentions)
    # "Ever used an EGFR TKI prior to enrolment" bans it: "prior to enrolment" without a duration is no window.
    ever = bool(cues.ANY_SETTING.search(bare)) and not cues.DURATION.search(bare)
    # An exclusion "Received other anticancer therapy before enrollment": a point with no length is no window
    # either. (Not an inclusion: "must have completed prior chemotherapy before enrollment" asks for no drug.)
    windowed = cues.LIFE_EXPECTANCY.sub(" ", bare) if "expect" in bare or "live" in bare else bare
    if "lasting" in windowed or _RESPONSE_CONDITION.search(windowed):
        windowed = _RESPONSE_LASTING.sub(" ", windowed)
    if not excluding:
        windowed = _PROGRESSED_AFTER_COURSE.sub(" ", windowed)
        if "or " in windowed:
            # "registered before the start of first-line treatment, or after ...": an entry time, no washout
            windowed = cues.BEFORE_FIRST_TREATMENT.sub(" ", windowed)
    if not excluding and "within" in windowed:
        # "or recurrence within 6 months of adjuvant platinum": the window dates the disease's return from the
        # treatment had (an anchor, assumed met), not a washout before the study.
        windowed = _RETURNED_WITHIN.sub(" ", windowed)
    exposure = not excluding and _exposure(windowed)
    timed = bool(cues.TIME_WINDOW.search(windowed)) and not ever and not (excluding and cues.undated(bare))
    if excluding and timed:
        limits = []  # a washout, not a count of earlier lines
    # "must have planned therapy with a regimen of at least one cytotoxic agent": the study's treatment. But
    # "planned to receive X as first-line treatment" still says where the patient is: no line yet.
    limits = [lim for lim in limits if lim.position
              or cues.last_cue(norm[max(0, lim.start - cues.CUE_REACH):lim.start]) != "fut"]
    # "Not suitable for (declined) first-line chemotherapy": about the patient's fitness, and whether a line
    # came before is open.
    limits = [replace(lim, soft=True) if lim.position and _UNFIT.search(norm, max(0, lim.start - cues.CUE_REACH),
                                                                          lim.start) else lim for lim in limits]
    if not excluding:
        limits = _inclusion_limits(norm, limits)
    first_name = mentions[0].start if mentions else len(norm)
    # A title names the trial's population; it is not a condition on one group of patients.
    genes, alteration = biomarker_condition(norm) if ctx.section != "title" else ([], None)
    title = ctx.section == "title"
    actionable = actionable_group(norm) if not title else None
    # "Patients without an actionable driver must ...": the others a rule is for, told by their findings (aga).
    group_told = actionable is not None or ctx.others_told
    # A "; may have received Y" clause lets Y in; it does not make the rest of the sentence a question.
    firm = cues.without_permission_clauses(bare)
    whole_soft = ctx.soft or (not title and _soft_words(firm)) or _sentence_soft(norm, bare, group_told) \
        or (not excluding and _spelt_out(sentence))
    softened = _softened_part(norm, mentions) if whole_soft and split and ctx.section == "inclusion" \
        and not ctx.soft else frozenset()
    if not whole_soft and ctx.section == "inclusion" and mentions and not title:
        # "..., as well as targeted therapy (if an actionable driver is present)": nothing else softens the sentence,
        # and the last name's condition (the patient's driver) makes it alone a question (the whole sentence when it
        # cannot be split).
        tail = _driver_tail(norm, mentions)
        if tail:
            whole_soft, softened = True, tail if split else frozenset()
    base: dict[str, Any] = {
        "soft": whole_soft and not softened,
        "genes": genes,
        "alteration": alteration,
        "cohorts": list(heading_cohorts(norm, first_name) or sentence_cohorts(norm) or ctx.cohorts),
        "evidence": quote(f"{ctx.prefix} {sentence}" if ctx.prefix else sentence),
        "section": ctx.section,
    }
    widened = last_alternative_condition(norm) if not genes and not title else ([], None)
    if widened[0]:
        # "First-line treatment, or second-line after a 1st-generation TKI in participants with T790M": the rule is
        # everyone's; a carrier of the marker has the last alternative too, which this reading does not split off.
        base["widened_for"] = {"genes": widened[0], "alteration": widened[1]}
    if alteration and _negative_for(norm, alteration):
        # "Patients who are T790M-negative after gefitinib must have received platinum": the group is those without
        # the finding, which the scope by finding cannot hold; a carrier is not bound, so a question, not a no.
        base["soft"] = True
    if conditioned_on_other_fact(norm):
        # "Patients with PD-L1 >= 50% who ...": a group this dimension cannot tell (other_facts.py)
        base["soft"] = base["other_fact"] = True
    if actionable is not None:
        # "Subjects with positive AGA must ...", "Subjects with negative AGA must ...": sibling rules for the
        # patients with and without an actionable driver; whose a patient is, check() reads from their findings.
        base["genes"], base["alteration"], base["aga"] = [], None, actionable
    # An actionable-driver group is told from the patient's findings, not chosen as one of the trial's ways in.
    group = group_heading(norm) if actionable is None else None
    if group and group[1] and norm.partition(":")[2].strip(" .;*-"):
        # "For patients with ALK rearrangement: progression on an ALK inhibitor is required": the heading and its
        # rule in one sentence, a condition on the carriers named (a patient with ALK is in no other group). One
        # with no finding listed is in another group, as when the heading was read as one way in.
        base["genes"] = base["genes"] or group[1]
        base["untested_outside"] = True
    elif group:  # "Subjects with actionable alterations (EGFR, ALK, ...): ..." is one way into the trial
        base["cohorts"] = [group[0]]
        base["genes"] = base["genes"] or group[1]
    if base["genes"]:
        # "Patients with KRAS G12C mutation ...": the group is the carriers of that alteration, not of the gene.
        narrowed = group_alterations(sentence_group(norm), tuple(base["genes"]))
        if narrowed:
            base["marker"] = narrowed
    if not excluding and not conditioned_on_other_fact(norm):
        two_ways = naive_or_class(norm, read.mentions, base) or described_line(norm, read.mentions, base)
        if two_ways is not None:
            return two_ways  # "either no prior therapy, or exactly one prior platinum-based regimen"
    met_spans = _met_counts(norm)
    met_unknown = exposure or bool(cues.MET_UNKNOWN.search(blanked(norm, met_spans) if met_spans else norm)) \
        or bool(not excluding and _PROGRESSED_AFTER_COURSE.search(norm))  # how long X ran before progression
    rules: list[dict[str, Any]] = []
    leads = lead_ins(norm)
    conditional = not excluding and _history_condition(norm, leads)
    if conditional:
        # "For patients whose prior therapy was for stage I-III only, progression on platinum must ...":
        # a rule for the patients with that history; whether the profile is one of them is not read.
        base["soft"] = True

    group_out = group_out_clause(norm) if not excluding and mentions \
        and (cues.BAN.search(bare) or cues.SHUT_TAIL.search(bare)) else None
    if group_out is not None:
        # "Patients who progressed on first-line X are not eligible": X is what the group left out had, not a
        # treatment asked for. Whether a patient's first line was X is not read: a question, not an exclusion.
        named = [m for m in mentions if inside(m.start, [group_out])]
        mentions = [m for m in mentions if m not in named]
        if any(not m.systemic for m in named):
            limits = [replace(lim, soft=True) if inside(lim.start, [group_out]) else lim for lim in limits]
    # "..., which must have included platinum unless the subject declined platinum": the refusal is platinum's, not
    # the count's (the count stays firm; _soften_groups makes platinum a question).
    count_norm = blanked(norm, [m.span() for m in _UNLESS_CLAUSE.finditer(norm)]) if softened else norm
    for lim in limits:
        if lim.cycles:
            met_unknown = met_unknown or not inside(lim.start, met_spans)
        elif lim.min is not None or lim.max is not None:
            rules.append(_lines_rule(lim, base, count_norm, ctx, conditional))
    spans = [(lim.start, _cap_examples_end(norm, lim, parens)) for lim in limits]
    excepted = _capped_exception_items(norm, mentions, limits)
    if not excluding and "or " in norm:
        mentions = _without_cap_alternatives(norm, mentions, limits)
    no_standard = [] if excluding else [(m.start(), m.end()) for m in cues.NO_STANDARD.finditer(norm)]
    # "alterations for which first-line targeted therapy is standard": the therapy tells the driver, no rule.
    mentions = [m for m in mentions if not inside(m.start, spans + no_standard + available_spans(norm))]
    # "progressed on X as their most recent line of therapy": the line is X's role, not a second treatment.
    roles = [] if excluding else _last_line_roles(norm, mentions)
    if roles:
        mentions = [m for m in mentions if m not in roles]
    if not excluding and mentions:
        # "Planned to start, or currently receiving, first-line X": X is the line in question, not one had.
        describing = line_starting_or_on(norm, mentions)
        mentions = [m for m in mentions if m not in describing]

    # "for which no standard therapy exists": neither the therapy nor the "no" there bans anything.
    reading = read_names(blanked(norm, no_standard), mentions, ctx, parens, leads)
    if excepted[0]:
        reading = replace(reading, allow=list(dict.fromkeys([*reading.allow, *excepted[0]])))
    used_up = not excluding and cues.exhausted(norm)
    if not excluding:
        naive, alternative = _naive_phrases(norm, mentions, [*reading.allow, *reading.permitted], base, ctx, timed)
        rules += naive
        if not reading.require and not any(r["kind"] == "lines" and r.get("min") for r in rules):
            if _treated(norm) or cues.NO_STANDARD.search(norm) or used_up:
                rules.append(_after_standard_rule(base, bare))
    allow = list(dict.fromkeys([*reading.allow, *reading.permitted]))
    # With a time window, "after X" and "prior X" are a washout ("at least 3 weeks since prior chemotherapy");
    # "progressed within 6 months of X" still asks for X.
    washed = _received_window_spans(norm) if timed and not excluding else []
    # A length of use ("received X for >= 4 weeks") is no washout: X is still asked for.
    required = [m for m in reading.require if not (timed and not exposure and (
        m in reading.weak or inside(m.start, washed)
        or (m in reading.past and not cues.MUST_HAVE_HAD.search(norm, 0, m.start))))]
    forbid = _without_investigational(norm, _without_restated_purpose(norm, reading.forbid))
    if forbid and not timed:
        forbid_rule = _forbid_rule(forbid, allow, base, norm, bare, ctx)
        if forbid_rule["kind"] == "forbid" and (paired := combination(norm, mentions, forbid)):
            # "Prior PD-1 inhibitor in combination with a CTLA-4 inhibitor": the two given together (combination.py);
            # "..., or prior docetaxel": docetaxel stays a ban of its own.
            heads, partners, rest = paired
            pair_rule = {**forbid_rule, "items": heads, "with": partners}
            rest_rule = _forbid_rule(rest, allow, base, norm, bare, ctx) if rest else None
            if rest_rule is None or rest_rule["kind"] == "forbid":
                rules += [pair_rule] if rest_rule else []
                forbid_rule = rest_rule or pair_rule
        if excepted[0] and forbid_rule["kind"] == "naive":
            forbid_rule["allow_lines"] = excepted[1]  # more lines than the exception lets in: one is banned
        if not excluding and alternative is None and (_either_or(norm, forbid, required)
                                                     or _ban_or_count(norm, forbid, _count_spans(norm, limits))):
            # "chemotherapy-naive or having received prior chemotherapy": either way in is enough. So is
            # "anti-PD-1 naive or must have progressed on treatment": the ban, or the line count beside it.
            alternative = forbid_rule
        else:
            rules += respective_bans(forbid_rule, norm)  # "... in patients with the respective alteration"
    started = [m for m in required if started_from(norm, m)]
    if started:
        # "Within 12 weeks after starting ICI": X was started (the window is assumed met), maybe as the line
        # going on now: no setting, no line count. "within 4 weeks of starting X" may be before the start.
        required = [m for m in required if m not in started]
        soft = base["soft"] or any(started_from(norm, m) == "of" for m in started) or _FUTURE_TOO.search(bare)
        rules.append({**base, "soft": bool(soft), "kind": "require", "groups": _and_groups(norm, started),
                      "met_unknown": met_unknown, "setting": "any"})
    course = None if excluding else first_line_course(norm, mentions)
    if course is not None:
        # "Received X for 3 months as first-line treatment with no progression": the course replaces what the
        # sentence requires (the partners "alone or with chemotherapy" are no requirement of their own), and "as 1L
        # treatment" there is the line had, not one planned.
        required = []
        rules = [rule for rule in rules if rule["kind"] != "lines"] + _course_rules(course, base)
    in_use = [] if excluding or course is not None else first_line_in_use(norm, mentions)
    if in_use:
        # "Use of X as first-line therapy": the line in use or to come, not a line had nor a ban on every line.
        required = [m for m in required if m not in in_use]
        rules = [rule for rule in rules if rule["kind"] != "lines"] + _in_use_rules(norm, in_use, base)
    if required:
        # "(patients who declined chemotherapy are eligible)": an allowance weakens the requirement.
        # A "; may have received Y" clause only lets Y in beside the requirement (cues.permission_clause).
        # One about part of the course of a drug asked for ("1 cycle may have been without X") lets no one in.
        relaxes = reading.permitted and not _course_detail(norm, mentions, required, reading.permitted) \
            and not _clause_permits(norm, mentions, reading.permitted) \
            and not _partners_permitted(norm, mentions, required, reading.permitted)
        relaxed = {**base, "soft": True} if relaxes else base
        for scope, names in _by_lead_in(norm, required, leads):
            scoped = {**relaxed, "genes": list(scope.genes), "alteration": scope.alteration} if scope else relaxed
            rules += _require_rules(norm, names, parens, scoped, met_unknown)
    if roles or (not excluding and _last_word(norm, mentions)):
        # Which treatment came last is not in a list of drugs: checked only when every drug listed is one.
        rules = [{**rule, "last": True} if rule["kind"] == "require" else rule for rule in rules]
    if conditional:
        rules = _if_had(rules, leads, read.mentions, norm)
    if used_up:
        rules = _standard_used_up(rules, base, bare, _judged_only(norm, bare, base, ctx.soft or conditional))
    if no_standard:
        rules = _or_none_left(rules, base, bare)
    if softened:
        if alternative is not None or any(r["kind"] not in ("require", "lines") or r.get("exhausted") for r in rules):
            return _reading_rules(read, ctx, split=False)  # a ban or a way in beside it: the whole sentence is soft
        rules = _soften_groups(rules, softened, bool(_ONE_WAIVED.search(norm)))
    if not excluding:
        # "at least one prior ALK TKI other than crizotinib": the excepted drug does not meet the class asked for.
        not_enough += [i for m in read.mentions if inside(m.start, [x.span() for x in cues.EXCEPT.finditer(norm)])
                       for i in m.items] if "other than" in norm or "except" in norm else []
        if not_enough:
            rules = [_narrowed_by(rule, not_enough) for rule in rules]
    if not excluding and _observed_course(norm, ctx):
        # "Patients treated with osimertinib in routine practice": the course the study follows, which a patient
        # about to start it may join: a question for one who has not had it yet.
        rules = [{**rule, "observed": True} if rule["kind"] == "require" else rule for rule in rules]
    if not excluding and alternative is not None and rules and alternative["kind"] == "naive":
        # "Either treatment-naive in first line or pretreated with up to two lines": "no line yet" (or untreated) is
        # the untreated way restated, not part of the other way (which it would shut to every treated patient).
        rules = [r for r in rules if not (r["kind"] == "naive" or (r["kind"] == "lines" and r.get("max") == 0
                                                                    and not r.get("min")))] or rules
    if not excluding and alternative is not None and rules and alternative["kind"] == "naive" \
            and "or " in norm and cues.BEFORE_FIRST_TREATMENT.search(norm):
        rules = [*rules, _past_first_entry(base)]
    if not excluding and alternative is not None and rules:
        # "either treatment-naive or progressed after platinum": one of the two ways in is enough.
        return [{**base, "kind": "any_of", "options": [[alternative], rules]}]
    if not excluding and alternative is not None and not _RECENTLY_DIAGNOSED.search(norm):
        return [alternative]
    if not excluding and alternative is not None:
        # "Diagnosed within the past 2 months, or relapsed after prior therapy" whose second way set no rule (its
        # window hid it): the treated have that way, the untreated the first; neither is shut out.
        return []
    return rules


def _past_first_entry(base: dict[str, Any]) -> dict[str, Any]:
    """The treated way of two entry times ("before first-line treatment, or after 2-4 cycles of it"): a second line
    is past that time, which the sentence implies rather than says (a question, not a no)."""
    return {**base, "kind": "lines", "min": None, "max": 1, "of": None, "setting": "advanced", "soft": True}


# "treated with X in routine practice / as part of standard care / according to the label": the course observed.
_ROUTINE_USE = re.compile(
    r"\b(?:in|as part of|during|under|per|following|according to)\s+(?:the\s+|their\s+)?(?:routine|standard|usual"
    r"|real[- ]world|daily|everyday|clinical|local|current|approved|marketed|label|labell?ed|prescribing)"
    r"(?:\s+(?:of\s+care|clinical|care|practice|label|indication|use|setting|information))*\b"
    r"|\bstudy population\b|\b(?:will|shall)\s+(?:comprise|consist of|include)\b")
_TREATED_WITH = re.compile(r"\b(?:treated|being treated|receiving|who receive|on treatment)\s+(?:with|by)\b")
_EARLIER_WORDS = re.compile(r"\b(?:previous\w*|prior|progress\w*|fail\w*|relaps\w*|refractory|resist\w*|after"
                            r"|following|pre-?treated|history|recurr\w*|intoleran\w*|complet\w*|stopped"
                            r"|discontinu\w*|last dose)\b")


def _observed_course(norm: str, ctx: Context) -> bool:
    """ "Patients treated with X" as what an observational study (or one following routine practice) observes."""
    treated = _TREATED_WITH.search(norm)
    if treated is None:
        return False
    if _EARLIER_WORDS.search(cues.strip_parens(norm).replace("according to", "")):
        return False
    return ctx.observational or _ROUTINE_USE.search(norm) is not None


# "X alone does not qualify / count", "X alone is not sufficient": X by itself does not meet what the sentence asks.
_ALONE = re.compile(
    r"\balone\s+(?:(?:(?:does|do|will|would|shall)\s+not|doesn't|don't|cannot|can\s?not)\s+(?:qualify|count|suffice"
    r"|meet|satisfy)|(?:is|are|was|were|will\s+be)\s+(?:not\s+(?:sufficient|enough|adequate|acceptable)|insufficient"
    r"|inadequate))\b")
_ALONE_EDGE = re.compile(r"[;:(]|\bbut\b")
_ALONE_STOP = re.compile(r"[;:)]|\bbut\b")


def alone_clauses(norm: str) -> list[tuple[int, int, int]]:
    """(start, end, where "alone" is) of each clause saying some names alone are not enough."""
    found = []
    for match in _ALONE.finditer(norm):
        edges = [m.end() for m in _ALONE_EDGE.finditer(norm, 0, match.start())]
        stop = _ALONE_STOP.search(norm, match.end())
        found.append((edges[-1] if edges else 0, stop.start() if stop else len(norm), match.start()))
    return found


def _narrowed_by(rule: dict[str, Any], not_enough: list[str]) -> dict[str, Any]:
    """A requirement of a class with the drugs that alone do not meet it (`but`), when they are of that class."""
    if rule["kind"] == "require":
        asked = {i for group in rule["groups"] for i in group}
    elif rule["kind"] == "lines" and rule.get("of"):
        asked = set(rule["of"])
    else:
        return rule
    but = [i for i in dict.fromkeys(not_enough) if i not in asked and asked & _item_classes(i)]
    return {**rule, "but": but} if but else rule


def _course_rules(course: Mention, base: dict[str, Any]) -> list[dict[str, Any]]:
    """A first-line course of `course` that is going well (course.py): the drug had (how long and how well is a
    question; in any setting, as a line still going on may not be counted yet), and no second line."""
    return [{**base, "kind": "require", "groups": [list(course.items)], "met_unknown": True, "setting": "any"},
            {**base, "kind": "lines", "min": None, "max": 1, "of": None, "setting": "advanced"}]


def _third_generation(item: str) -> bool:
    kind, _, key = item.partition(":")
    return key == "egfr_tki_3g" if kind == "c" else "egfr_tki_3g" in drug_classes(key)


def _in_use_rules(norm: str, in_use: list[Mention], base: dict[str, Any]) -> list[dict[str, Any]]:
    """The first line in use or to come: untreated (it is still to start), or the named treatment as the one line
    so far (it is going on, maybe not counted yet). Another first line is neither; the named treatment with later
    lines after it is a question (the first line it was, and whether later lines matter the text does not say)."""
    untreated = {**base, "kind": "lines", "min": None, "max": 0, "of": None, "setting": "advanced"}
    on_it = [{**base, "kind": "require", "groups": _and_groups(norm, in_use), "met_unknown": False, "setting": "any"},
             {**base, "kind": "lines", "min": None, "max": 1, "of": None, "setting": "advanced", "soft": True}]
    if all(_third_generation(item) for m in in_use for item in m.items):
        # A first- or second-generation EGFR TKI beside a third-generation one came before it (never after):
        # the third-generation TKI was not the first line.
        on_it.append({**base, "kind": "forbid", "items": ["c:egfr_tki_1g", "c:egfr_tki_2g"], "allow": [],
                      "setting": "any"})
    return [{**base, "kind": "any_of", "options": [[untreated], on_it]}]


# "..., unless the investigator affirms that a CPI was not medically indicated": the clause up to the sentence's end.
_UNLESS_CLAUSE = re.compile(r"\bunless\b[^.;]*")
# ", if eligible, a checkpoint inhibitor", "(when indicated) an anti-PD-1": a condition on the name after it.
_IF_BEFORE = re.compile(
    r"(?:,\s*|\(\s*)(?:if|when|where)\s+(?:[a-z-]+\s+){0,3}?(?:eligible|indicated|appropriate|applicable|available"
    r"|approved|suitable|tolerated|possible|feasible)\s*[,)]?\s*(?:an?\s+|the\s+)?$")


# "..., and targeted therapy if there is other actionable driver gene", "and a TKI where an EGFR mutation is present":
# a condition told after the last name, on that name only (the patient's driver decides it).
_IF_AFTER = re.compile(
    r"(?:\s+therapy|\s+treatment)?\s*,?\s*(?:\(\s*)?(?:if|when|where|in\s+case)\s+(?:there\s+(?:is|are|was|were)\s+|"
    r"(?:the\s+)?(?:patient|subject|participant|tumou?r)s?\s+(?:has|have|had|harbou?rs?|carr(?:y|ies))\s+|an?\s+)?"
    r"(?:an?\s+|any\s+|other\s+|known\s+)*(?:[a-z0-9/-]+\s+){0,2}?(?:actionable|driver|targetable|oncogenic|egfr|alk|ros1"
    r"|braf|met|ret|ntrk|kras|her2)\b[^.;()]{0,60}\)?\s*[.;]?\s*$")


# "..., including platinum-based chemotherapy and an anti-PD-(L)1 antibody unless the patient was ineligible for or had
# a contraindication to these": the "unless" points back to the treatments named just before it.
_BACK_REFERENCE = re.compile(r"\b(?:these|those|them|either|both|such\s+(?:therap(?:y|ies)|treatments?|agents?|drugs?)"
                             r"|(?:this|that|the\s+latter)\s+(?:therap(?:y|ies)|treatments?|agents?|regimens?))\b")
_BACK_REACH = 120


def _named_back(norm: str, clause: re.Match[str], mentions: list[Mention]) -> list[Mention]:
    """The names an "unless" clause refers back to ("... unless ineligible for these", "... and a checkpoint
    inhibitor (unless contraindicated), given in sequence"): those in its own clause just before it (after the last
    ";" or ","), none of them the plain "systemic therapy" a count asks for."""
    if not _BACK_REFERENCE.search(clause.group()) and not unless_unfit_names_only(norm[:clause.end()], mentions):
        return []
    reach = max(0, clause.start() - _BACK_REACH)
    marks = [m.end() for m in re.finditer(r"[;,]", norm[:clause.start()]) if m.end() > reach]
    start = marks.pop() if marks else reach
    named = [m for m in mentions if start <= m.start < clause.start()]
    while not named and start > reach and norm[start - 1] == ",":
        # "platinum and an anti-PD-1, given together or in sequence, unless ... these": a clause with no name
        # between them describes the course; "these" are the names before it (never across a ";").
        start = marks.pop() if marks else reach
        named = [m for m in mentions if start <= m.start < clause.start()]
    return [] if any(m.systemic for m in named) else named


def _driver_tail(norm: str, mentions: list[Mention]) -> frozenset[str]:
    """The items of the last name when a driver condition follows it to the end (_IF_AFTER), but not when it is the
    only name (then the sentence is the driver group's rule, read elsewhere)."""
    last = max(mentions, key=lambda m: m.end)
    if last.start == min(m.start for m in mentions) or SYSTEMIC in last.items or not _IF_AFTER.match(norm, last.end):
        return frozenset()
    return frozenset(last.items)


def _softened_part(norm: str, mentions: list[Mention]) -> frozenset[str]:
    """The items an "unless" clause or an "if eligible" names, when nothing else in the sentence softens it:
    "including platinum and a checkpoint inhibitor (CPI), unless the investigator affirms that a CPI was not
    medically indicated" leaves platinum a firm requirement. Empty when the sentence is soft as a whole (an
    "unless" that names no treatment, "if" elsewhere, a refusal ...)."""
    spans: list[tuple[int, int]] = []
    items: set[str] = set()
    for match in _UNLESS_CLAUSE.finditer(norm):
        named = [m for m in mentions if match.start() <= m.start < match.end()] or _named_back(norm, match, mentions)
        if not named:
            return frozenset()  # "unless contraindicated": about every treatment of the sentence
        spans.append(match.span())
        items.update(i for m in named for i in m.items)
    for mention in mentions:
        found = _IF_BEFORE.search(norm, max(0, mention.start - 60), mention.start)
        if found:
            spans.append(found.span())
            items.update(mention.items)
        after = _IF_AFTER.match(norm, mention.end)
        if after:
            spans.append(after.span())
            items.update(mention.items)
    if not items or SYSTEMIC in items:
        return frozenset()
    plain = blanked(norm, spans)
    rest = cues.strip_parens(plain)
    if _soft_words(rest) or _sentence_soft(plain, rest):
        return frozenset()
    return frozenset(items)


# "..., unless the participant was ineligible for or declined one of these therapies": one of the treatments named may
# be waived, not all of them.
_ONE_WAIVED = re.compile(r"\bunless\b[^.;]*\b(?:one|1)\s+of\s+(?:these|those|them|the\s+(?:above|two))\b")


def _soften_groups(rules: list[dict[str, Any]], softened: frozenset[str],
                   one_waived: bool = False) -> list[dict[str, Any]]:
    """Each firm requirement split: the groups the softening clause names become a question of their own. When the
    clause waives only one of them, having none of them still fails: at least one stays a firm requirement."""
    out: list[dict[str, Any]] = []
    for rule in rules:
        if rule["kind"] != "require" or rule["soft"]:
            out.append(rule)
            continue
        hit = [g for g in rule["groups"] if any(_item_classes(i) & softened for i in g)]
        rest = [g for g in rule["groups"] if g not in hit]
        if one_waived and len(hit) >= 2 and not rest:
            # "platinum and an anti-PD-1, unless ineligible for or declined one of these": the pair is a question,
            # but a patient who had neither fails whichever one was waived.
            out += [{**rule, "soft": True}, {**rule, "groups": [list(dict.fromkeys(i for g in hit for i in g))]}]
            continue
        if hit:
            out.append({**rule, "groups": rest} if rest else {**rule, "soft": True})
        if hit and rest:
            out.append({**rule, "groups": hit, "soft": True})
        elif not hit:
            out.append(rule)
    return out


def _item_classes(item: str) -> frozenset[str]:
    """An item with the classes it belongs to or sits under, all as items."""
    kind, _, key = item.partition(":")
    return frozenset({item, *(f"c:{c}" for c in (drug_classes(key) if kind == "d" else drugs_ancestors(key)))})


# Who measured a response or progression is not a condition on the patient: "progression as assessed by the
# investigator", "investigator-assessed PFS" (unlike "unless the investigator judges ...").
_ASSESSOR = re.compile(
    r"\b(?:as\s+)?(?:assessed|evaluated|measured|confirmed|documented)\s+(?:by|per)\s+(?:the\s+)?(?:local\s+|site\s+"
    r"|treating\s+)?investigators?(?:'s?)?(?:\s+assessment)?|\binvestigator[- ]assessed\b"
    r"|\b(?:per|by)\s+(?:the\s+)?investigator(?:'s)?\s+assessment\b"
)


# "At least one prior standard therapy appropriate for tumour type. For NSCLC this means platinum-based chemotherapy
# and/or an anti-PD-(L)1 agent": the standard therapy spelt out for this cancer, read back as what was received. It is
# a reading of "standard", so a patient who had neither is asked, never excluded by it (_spelt_out).
_THIS_MEANS = re.compile(
    r"^(?P<lead>\W*(?:for|in)\s+(?:(?:patients|participants|subjects)\s+with\s+)?(?:nsclc|non-small[\s-]cell\s+lung"
    r"\s+cancer|lung\s+cancer)\s*,?\s+)(?P<verb>this\s+(?:means|includes|refers\s+to|(?:should|must|would)\s+"
    r"include))\b")


def _received(match: re.Match[str]) -> str:
    """The same length as the words replaced, so no position moves."""
    return match.group("lead") + "received".ljust(len(match.group("verb")))


def _spelt_out(sentence: str) -> bool:
    return "this" in sentence.lower() and _THIS_MEANS.match(normalize(sentence)) is not None


# An allowance about part of the course of a drug asked for: "(1 cycle may have been without durvalumab)",
# "(atezolizumab may have been omitted in one cycle)". Not one about patients who never had it ("patients who did
# not receive platinum because of contraindication are allowed"), which is another way in.
_COURSE_PART = re.compile(r"\b(?:(?:one|1|a|single|two|2)\s+(?:cycles?|doses?|courses?|infusions?)|omitted|skipped"
                          r"|withheld|held|delayed|interrupted)\b")
_NOT_HAD = re.compile(r"\b(?:not|never|no|ineligible|contraindicat\w*|declin\w*|refus\w*|unable|unfit|unsuitable"
                      r"|intoleran\w*)\b|\bwithout\s+(?:any\s+)?(?:prior|previous|earlier)\b")


def _course_detail(norm: str, mentions: list[Mention], required: list[Mention], permitted: list[str]) -> bool:
    """Whether every treatment an allowance names is one the sentence asks for, and the allowance is about part of
    its course (a cycle given without it, a dose omitted): the requirement stays firm."""
    asked = {item for m in required for item in m.items}
    if not set(permitted) <= asked:
        return False
    clauses = [_clause_around(norm, m) for m in mentions if m not in required and set(m.items) <= set(permitted)]
    return any(_COURSE_PART.search(c) for c in clauses) and not any(_NOT_HAD.search(c) for c in clauses)


# "(platinum given in combination with an anti-PD-(L)1 antibody is acceptable)": after the treatment asked for, words
# that give it with partners.
_WITH_PARTNER = re.compile(r"\s*(?:-?based\s+)?(?:(?:chemotherapy|doublet|regimen)\s+)?"
                           r"(?:(?:given|administered|used)\s+)?(?:in\s+combination\s+with|combined\s+with|together\s+with|with|plus)\b")


def _partners_permitted(norm: str, mentions: list[Mention], required: list[Mention], permitted: list[str]) -> bool:
    """Whether an aside lets in only the treatment asked for given with partners ("Progression on platinum-based
    chemotherapy (platinum given in combination with an anti-PD-(L)1 antibody or amivantamab is acceptable)"): the
    partners are how it may have been given, no other way in; the requirement stays firm."""
    asked = {item for m in required for item in m.items}
    for k, mention in enumerate(mentions):
        if not set(mention.items) <= asked or norm.rfind("(", 0, mention.start) <= norm.rfind(")", 0, mention.start) \
                or not _WITH_PARTNER.match(norm, mention.end):
            continue
        close = norm.find(")", mention.end)
        partners = {item for m in mentions[k + 1:] if close < 0 or m.start < close for item in m.items}
        if set(permitted) <= asked | partners:
            return True
    return False


def _clause_around(norm: str, mention: Mention) -> str:
    """The words of the aside or clause a name sits in: from the last "(" or ";" before it to the next ")" or ";"."""
    start = max(norm.rfind("(", 0, mention.start), norm.rfind(";", 0, mention.start), mention.start - 80, 0)
    ends = [i for i in (norm.find(")", mention.end), norm.find(";", mention.end)) if i >= 0]
    return norm[start:min([*ends, mention.end + 40])]


def _clause_permits(norm: str, mentions: list[Mention], permitted: list[str]) -> bool:
    """Whether every treatment the sentence lets in is named in a "; may have received Y" clause of its own."""
    spans = cues.permission_spans(norm)
    named = {item for m in mentions if inside(m.start, spans) for item in m.items}
    return bool(spans) and set(permitted) <= named


def _soft_words(text: str) -> bool:
    """cues.SOFT, leaving out the words that only say who assessed the disease."""
    if "investigator" in text:
        text = _ASSESSOR.sub(" ", text)
    return bool(cues.SOFT.search(text))


# Cycle or dose counts that a line of the drug is taken to meet, as a time window is: "at least 2 cycles",
# "at least 2 doses", "a maximum of 6 cycles" (a full induction course). A low cap ("no more than 1 cycle")
# or a bare small count ("received 2 cycles") stays a question.
_CYCLE_COUNT = re.compile(
    r"(?:\b(?P<low>at least|a minimum of|minimum of|more than|greater than|over)\s+|(?P<lowmark>\u2265|>=|>)\s*"
    r"|\b(?P<high>no more than|not more than|at most|a maximum of|maximum of|up to|fewer than|less than)\s+"
    r"|(?P<highmark>\u2264|<=|<)\s*)?"
    r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|eight)(?:\s*(?:-|to|and|or)\s*(?:(?:no more than|not more than"
    r"|at most|a maximum of|maximum of|up to)\s+)?(?P<m>\d{1,2}|one|two|three|four|five|six|eight))?\s*"
    # ("at least 2 treatments of carboplatin": lay words for cycles, as lines.py reads them.)
    r"(?:cycles?|courses?|doses?|infusions?|administrations?|treatments?(?=\s+of\s))\b"
)
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8}
_FULL_COURSE = 4


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


def _met_counts(norm: str) -> list[tuple[int, int]]:
    """Spans of cycle or dose counts assumed met (_CYCLE_COUNT)."""
    if "cycle" not in norm and "course" not in norm and "dose" not in norm and "infusion" not in norm \
            and "administration" not in norm and "treatments of" not in norm:
        return []
    spans = []
    for match in _CYCLE_COUNT.finditer(norm):
        n = match.group("n")
        largest = max(_count(n), _count(match.group("m") or "0"))
        strict_cap = match.group("high") in ("fewer than", "less than") or match.group("highmark") == "<"
        if match.group("low") or match.group("lowmark"):
            # A small floor ("at least 2 courses") is met by anyone who went on with the treatment; a full course
            # ("completed at least 4 cycles") the profile cannot settle: a question once the drug is had.
            if _count(n) < _FULL_COURSE:  # (the floor: "a minimum of 2 and no more than 6 cycles" is 2)
                spans.append(match.span())
            continue
        if largest - strict_cap >= _FULL_COURSE:
            spans.append(match.span())
    return spans


# "Reached first disease progression on front-line ICI": one line for advanced disease so far, not two.
_FIRST_PROGRESSION = guarded(
    r"(?<!time to )(?<!until )(?<!before )\bfirst\s+(?:(?:radiographic|radiological|documented|confirmed|objective"
    r"|disease)\s+){0,3}progression\b(?!-free| free)"
)
# Written before an ordinal line: the line is the one X started with ("within 4 weeks of starting first-line X").
_STARTING_LINE = re.compile(r"\b(?:start(?:ing|ed)?|initiat(?:ing|ion|ed)|commenc\w+|beg(?:an|un|inning))\s+"
                            r"(?:of\s+|on\s+|with\s+)?(?:the\s+|their\s+|an?\s+)?$")
# A count in brackets against a singular in the sentence: "a platinum-based regimen (> 1 chemotherapy regimen)".
_ONE_REGIMEN = re.compile(r"\b(?:a|an|one|single)\s+(?:[a-z0-9/-]+\s+){0,4}?(?:regimen|line)\b")
# "Has completed 2-4 cycles of first-line therapy", "completion of frontline platinum-based chemotherapy": a
# maintenance trial's entry, so one line was had; more lines are a question. With the study's start as the point
# ("completed first-line therapy at least 4 weeks before enrollment") it is a washout, as _COMPLETION.
_COMPLETED_LINE = re.compile(
    r"\bcomplet(?:ed|ion\s+of|ing)\s+(?:(?:at\s+least|a\s+minimum\s+of|minimum|\u2265|>=)\s*)?"
    r"(?:(?:\d{1,2}|two|three|four|five|six)(?:\s*(?:-|to|or)\s*\d{1,2})?\s+(?:cycles?|courses?)\s+of\s+)?"
    r"(?:(?:a|the|their|standard|induction|platinum[\s-]based|[a-z]+-?containing)\s+)*"
    r"(?:first|1st|front)[\s-]*line\b"
)
_STUDY_POINT = re.compile(
    r"\b(?:before|prior\s+to)\s+(?:the\s+)?(?:first\s+(?:dose|administration|infusion)|start\b|initiation"
    r"|enrol\w*|random\w*|registration|screening|study\b|day\s*1\b|cycle\s*1\b|c1d1|signing)"
)
# A way in beside the completed line: "... or treatment-naive", "not completed", "if received".
_OTHER_WAY = re.compile(r"\b(?:naive|untreated|not|no|or\s+(?:be|are|is|have)|if|unless|may)\b")


def _completed_line(norm: str) -> list[LineLimit]:
    """The limits of "has completed (N cycles of) first-line therapy": one line had, more a question."""
    if "complet" not in norm or "line" not in norm:
        return []
    match = _COMPLETED_LINE.search(norm)
    if match is None or _STUDY_POINT.search(norm) or _NEGATED_BEFORE.search(norm, 0, match.start()):
        return []
    soft = bool(_OTHER_WAY.search(cues.strip_parens(norm)))
    # Chemoradiation for stage III (drugs, no line) may be read as the first-line therapy completed: a question.
    return [LineLimit(match.start(), match.end(), min=1, soft=soft, early_maybe=True),
            LineLimit(match.start(), match.end(), max=1, soft=True)]


_NEGATED_BEFORE = re.compile(r"\b(?:not|never|no)\b[^.;]{0,20}$")


# "about to start X or within 4 weeks after starting it": not starting yet is a way in too.
_FUTURE_TOO = re.compile(r"\b(?:about to|planned|planning|scheduled|will|plan to|intend\w*)\b")


def _inclusion_limits(norm: str, limits: list[LineLimit]) -> list[LineLimit]:
    """An inclusion's line limits, read again: an ordinal after "starting" in a time window names the line going
    on (no limit; without a window, "patients starting first-line therapy" have had no line before it);
    "first progression" allows one line; a bracketed count that a singular "a ... regimen" in the same
    sentence contradicts is a question beyond the one regimen."""
    out: list[LineLimit] = []
    parens = _parens(norm)
    for lim in limits:
        if lim.of is None and _STARTING_LINE.search(norm, max(0, lim.start - 40), lim.start) \
                and cues.DURATION.search(norm):
            continue  # "within 4 weeks after starting first-line X": the line going on, not a count before it
        if lim.min is not None and lim.min >= 2 and inside(lim.start, parens) \
                and _ONE_REGIMEN.search(cues.strip_parens(norm)):
            out.append(replace(lim, min=1, max=None))
            out.append(replace(lim, soft=True))
            continue
        out.append(lim)
    first = _FIRST_PROGRESSION.search(norm)
    if first and not any(lim.max is not None for lim in out) \
            and not cues.last_cue(norm[max(0, first.start() - 40):first.start()]) == "neg":
        out.append(LineLimit(first.start(), first.end(), max=1))
    return out


# "starting or currently receiving osimertinib", "initiating or currently on first-line immunotherapy", "currently
# treated with or starting a PD-1 inhibitor": a patient about to start the treatment is let in too (observational
# and add-on designs), so not having had it yet is no exclusion.
_STARTING_OR = guarded(
    r"\b(?:start(?:ing|s)?|initiat(?:ing|es?)|commenc(?:ing|es?)|begin(?:ning|s)?|due to start)\s+or\s+(?:\w+\s+){0,2}?"
    r"(?:currently|already|now|receiving|being|on)\b"
    r"|\b(?:currently|already|now)\s+(?:[\w-]+\s+){0,3}?or\s+(?:\w+\s+){0,2}?"
    r"(?:start(?:ing)?|initiat\w*|commenc\w*|begin(?:ning)?|due to start)\b")


# "(except as noted above)", "unless otherwise specified in inclusion criterion 4", "with the exceptions listed
# below": an exception told elsewhere, which this sentence alone does not say (asides in brackets count).
_REFERRED_EXCEPTION = re.compile(
    r"\b(?:except|other\s+than|unless|save)\s+(?:as|where|when|if)\s+(?:otherwise\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:noted|stated|specified|described|outlined|indicated|mentioned|permitted|allowed|defined|listed|detailed"
    r"|provided)\b"
    r"|\bunless\s+otherwise\b"
    r"|\bwith\s+the\s+exceptions?\s+(?:of\s+(?:those|the\s+ones?)\s+)?(?:noted|stated|specified|described"
    r"|outlined|listed|mentioned|given)\b"
    r"|\bsee\s+(?:the\s+)?exceptions?\b"
)


# "Stage IIIB disease not candidates for definitive concurrent chemoradiation, or stage IV ...": unfit for the curative
# local treatment of stage III, which describes that disease; it is no way around the systemic treatment the
# sentence rules on (a stage IV patient never had it to refuse).
_CURATIVE_UNFIT = re.compile(
    r"\b(?:not\s+(?:an?\s+)?(?:candidates?|eligible|suitable|amenable)|ineligible|unsuitable)\s+(?:for|to)\s+"
    r"(?:treatment\s+with\s+|receiving\s+)?(?:an?\s+|the\s+)?(?:definitive|curative|radical)\s+"
    r"(?:(?:concurrent|sequential|local|intent|multimodal\w*|combined[\s-]modality)\s+)*"
    r"(?:chemo-?\s?radi\w*|radi\w*|surgery|surgical\s+resection|resection|treatment|therapy|local\s+therapy)\b")


def _sentence_soft(norm: str, bare: str, group_told: bool = False) -> bool:
    """A way in the sentence leaves beside its rule: a refusal, a part excepted, a sample, the others (unless
    `group_told`: who they are is read from the patient's findings), a start, an exception told elsewhere."""
    if "definitive" in norm or "curative" in norm or "radical" in norm:
        norm = _CURATIVE_UNFIT.sub(" ", norm)
    return bool(cues.OPEN_ALTERNATIVE.search(norm)) or _excepts_a_part(norm) \
        or bool(_REFERRED_EXCEPTION.search(norm)) \
        or _sample_timed(bare) or (not group_told and bool(cues.OTHERS.search(norm))) \
        or bool(_STARTING_OR.search(bare))


# "Progression of disease amenable to biopsy while on crizotinib", "a lesion suitable for repeat biopsy": the biopsy
# describes the disease; the sentence's rule is still the progression on the drug, not a sample's timing.
_BIOPSY_READY = re.compile(
    r"\b(?:amenable|accessible|suitable|available|appropriate|feasible|safe)\s+(?:to|for)\s+(?:an?\s+|the\s+)?"
    r"(?:(?:repeat|repeated|new|fresh|core|needle|tissue|tumou?r|research)\s+){0,2}biops(?:y|ies)\b"
    r"|\b(?:that|which)\s+(?:is|are|can be)\s+(?:safely\s+)?biopsi(?:ed|able)\b|\bbiopsiable\b"
)


def _sample_timed(bare: str) -> bool:
    """A sample or a histology change that makes the treatment named its timing ("biopsy obtained after progression
    on X"); a disease only said to be open to biopsy is no such sample."""
    if not cues.SAMPLE_OR_CHANGE.search(bare):
        return False
    if "biops" not in bare:
        return True
    return bool(cues.SAMPLE_OR_CHANGE.search(_BIOPSY_READY.sub(" ", bare)))


# "... as their most recent", "which must be the last", "being the latest": what comes next is the role of the
# treatment named before it.
_LAST_ROLE = re.compile(
    r"\b(?:as|be|being|was|is|been)\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+|a\s+)?(?:most\s+recent|last|latest"
    r"|final|immediately\s+(?:prior|preceding))\s+(?:(?:lines?|regimens?)\s+of\s+)?$")


# The same role in words no drug vocabulary reads: "which must have been the last treatment received", "as the
# last prior therapy".
_LAST_WORD = re.compile(
    r"\b(?:as|be|being|was|is|been)\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+)?(?:most\s+recent|last|latest"
    r"|final)\s+(?:(?:prior|previous|anti-?cancer|systemic)\s+){0,2}(?:lines?|regimens?|treatments?|therap(?:y|ies))\b")


def _last_word(norm: str, mentions: list[Mention]) -> bool:
    """Whether a treatment named before it is said to be the most recent one, in words that are no mention."""
    if "last" not in norm and "recent" not in norm and "latest" not in norm and "final" not in norm:
        return False
    match = _LAST_WORD.search(norm)
    return match is not None and any(not m.systemic and m.end <= match.start() for m in mentions)


def _last_line_roles(norm: str, mentions: list[Mention]) -> list[Mention]:
    """Systemic-therapy mentions ("line of therapy") that say a named treatment was the most recent one."""
    roles = []
    for k, mention in enumerate(mentions):
        if k and mention.systemic and any(not m.systemic for m in mentions[:k]) \
                and _LAST_ROLE.search(norm, max(0, mention.start - 40), mention.start):
            roles.append(mention)
    return roles


# Words of a lead-in that pick patients by their treatment history ("For patients treated with X, ...").
_HISTORY_LEAD = re.compile(r"\b(?:treat\w*|therap\w*|receiv\w*|regimens?|chemo\w*|lines?|exposed|progress\w*|start\w*"
                           r"|initiat\w*|began|begun|commenc\w*"
                           r"|relaps\w*|recurr\w*|fail\w*)\b")


def _history_condition(norm: str, leads: list[LeadIn]) -> bool:
    """Whether a lead-in without a biomarker picks patients by their earlier treatment."""
    return any(not lead.genes and _HISTORY_LEAD.search(norm, lead.start, lead.end) for lead in leads)


def _if_had(rules: list[dict[str, Any]], leads: list[LeadIn], mentions: list[Mention],
            norm: str) -> list[dict[str, Any]]:
    """ "For patients treated with consolidation anti-PD-1 therapy for stage III disease, progression on it must
    have occurred within one year": a rule for those who had what the lead-in names. A requirement of only
    those treatments keeps them (`if_had`): a patient who had none of them is not one of those patients."""
    named: set[str] = set()
    for lead in leads:
        if not lead.genes:
            named.update(i for m in mentions if lead.start <= m.start < lead.end for i in m.items)
    if not named or SYSTEMIC in named:
        return rules  # "For patients whose prior therapy was ...": any treatment, the history is not read
    if _whole_sentence_lead(norm, leads):
        # "Patients who progressed on crizotinib must also have received a second-generation ALK inhibitor": the
        # one lead-in opens the whole sentence, so every rule in it is for the patients who had what it names.
        return [{**rule, "if_had": sorted(named)} for rule in rules]
    return [{**rule, "if_had": sorted(named)}
            if rule["kind"] == "require" and all(set(g) <= named for g in rule["groups"]) else rule for rule in rules]


def _whole_sentence_lead(norm: str, leads: list[LeadIn]) -> bool:
    """Whether the sentence is one lead-in and its rule: the lead opens it, and no clause edge comes after."""
    return len(leads) == 1 and not norm[:leads[0].start].strip() and ";" not in norm[leads[0].end:]


def _after_standard_rule(base: dict[str, Any], bare: str) -> dict[str, Any]:
    """ "Previously treated", "progressed on or intolerant of standard therapy", "for which no standard therapy
    exists": at least one earlier line. Refusing standard therapy or not being a candidate for it is another
    way in, which an untreated patient may take: then a failure is a question."""
    soft = base["soft"] or bool(cues.STANDARD_ALTERNATIVE.search(bare))
    return {**base, "soft": soft, "kind": "lines", "min": 1, "max": None, "of": None, "setting": "any"}


def _standard_used_up(rules: list[dict[str, Any]], base: dict[str, Any], bare: str,
                      judged_soft: bool) -> list[dict[str, Any]]:
    """ "For which no standard therapy exists", "has received all standard therapies": the sentence's rule of at
    least one earlier line also asks that no standard option be left (`exhausted`), which an earlier line alone
    does not show. `judged_soft`: only the investigator's judgement of what is standard softens the sentence,
    which leaves an untreated patient outside (standard first-line treatment exists for every stage IV NSCLC);
    refusing standard therapy or not being a candidate for it still leaves a way in."""
    counted = [r for r in rules if r["kind"] == "lines" and r.get("min") and not r.get("of")]
    if not counted:
        counted = [_after_standard_rule(base, bare)]
        rules = [*rules, *counted]
    firm = judged_soft and not cues.STANDARD_ALTERNATIVE.search(bare)
    return [{**r, "exhausted": True, "soft": False if firm else r["soft"]} if r in counted else r for r in rules]


def _or_none_left(rules: list[dict[str, Any]], base: dict[str, Any], bare: str) -> list[dict[str, Any]]:
    """ "At least two prior lines, or for whom no standard therapy exists": a patient with fewer lines may have none
    left (a question), but one line at least the sentence takes (standard first-line therapy always exists)."""
    counted = [r for r in rules if r["kind"] == "lines" and (r.get("min") or 0) >= 2 and not r.get("of")]
    if not counted or not _OR_NO_STANDARD.search(bare):
        return rules
    return [{**r, "soft": True} if r in counted else r for r in rules] + [{**_after_standard_rule(base, bare),
                                                                           "min": 1}]


# "..., or for whom no standard therapy exists", "... or no further standard therapy is available": the absence of
# standard therapy offered beside a count of lines, as another way in.
_OR_NO_STANDARD = re.compile(r"\bor\s+(?:(?:patients|subjects|participants|those)\s+)?(?:for\s+whom\s+|who\s+have\s+"
                             r"|(?:where|when|if)\s+|have\s+|has\s+|with\s+)?(?:there\s+(?:is|are)\s+)?(?:no\b"
                             r"|(?:the\s+)?standard\b[^.;]{0,40}\b(?:not|no\s+longer|unavailable|non-?existent)\b)")


def _judged_only(norm: str, bare: str, base: dict[str, Any], soft_context: bool) -> bool:
    """Whether only the investigator's judgement ("deemed appropriate by the investigator") softens the sentence."""
    if not base["soft"] or soft_context or _JUDGED.search(bare) is None:
        return False
    unjudged = _JUDGED.sub(" ", norm)
    plain = cues.strip_parens(unjudged)
    return not cues.SOFT.search(plain) and not _sentence_soft(unjudged, plain)


# The investigator's judgement of what is standard for this patient.
_JUDGED = re.compile(r"\b(?:investigators?(?:'s)?|deemed|judged?|judge?ments?|considered|opinion)\b")


_FOR_PURPOSE = re.compile(r"\b(?:for|as)\s+(?:an?\s+|the\s+|its\s+)?$")


def _without_restated_purpose(norm: str, forbid: list[Mention]) -> list[Mention]:
    """ "Used an EGFR TKI for anti-tumour therapy": the general words after "for" restate what the named
    drug was for; they are not a second, wider ban."""
    named = [m for m in forbid if not m.systemic]
    if not named:
        return forbid
    return [m for m in forbid if not (m.systemic and any(n.end <= m.start for n in named)
                                      and _FOR_PURPOSE.search(norm, max(0, m.start - 12), m.start))]


# "Previously received an investigational antineoplastic agent", "prior experimental systemic therapy": the
# study drugs of other trials, which a list of approved drugs does not hold. Read like "an investigational agent"
# (no rule), not as a ban on every systemic treatment. ("Approved or investigational anticancer therapy": both.)
_INVESTIGATIONAL_BEFORE = re.compile(
    r"(?<!approved or )(?<!approved and/or )(?<!approved and )(?<!standard or )"
    r"\b(?:experimental|investigational|unapproved|non-approved)\s+"
    r"(?:(?!(?:or|and|and/or|approved|standard|licensed)\s)[a-z-]+\s+){0,2}$")


# "No prior therapy (that|which) (specifically) targets / targeting / directed at / against ...": a restrictive clause
# naming what the therapy is aimed at.
_AIMED_AFTER = re.compile(r"\s+(?:(?:that|which)\s+(?:(?:is|are|was|were)\s+)?(?:\w+ly\s+|and\s+|or\s+)*"
                          r"(?:targets?|targeted|inhibits?|blocks?|directed|aimed|acts?)\b"
                          r"|(?:targeting|targeted|directed|aimed|against|inhibiting|blocking|acting)\b)")
# "naive to (prior) treatment with / by / using a KRAS G12C inhibitor", "treatment-naive with respect to MET
# inhibitors": the class named after the words is what the patient must be naive to.
_NAMED_AFTER = re.compile(r"\s*(?:with\s+respect\s+to|in\s+respect\s+of|regarding|with\s+regards?\s+to|with|by|using"
                          r"|involving|containing|of)\b\s*")
_NAIVE_WORD = re.compile(r"na[i\u00ef]ve")
_TREATED_END = re.compile(r"\btreated$")
_ELIGIBLE_AFTER = re.compile(r"[^;.]*\b(?:are|is)\s+(?:eligible|allowed|permitted)\b")
_INVESTIGATIONAL_AFTER = re.compile(r"\s+(?:(?:prior|previous|other)\s+)?(?:experimental|investigational|unapproved"
                                   r"|non-approved)\b")


def _without_investigational(norm: str, forbid: list[Mention]) -> list[Mention]:
    """The banned names without a generic systemic class qualified as investigational (_INVESTIGATIONAL_BEFORE)."""
    return [m for m in forbid if not (m.systemic and _INVESTIGATIONAL_BEFORE.search(norm, max(0, m.start - 40),
                                                                                       m.start))]


def _either_or(norm: str, forbid: list[Mention], require: list[Mention]) -> bool:
    """Whether banned and required names are two alternatives: all of one before "or" and all of the other after."""
    if not forbid or not require:
        return False
    first, second = (forbid, require) if forbid[-1].end <= require[0].start else (require, forbid)
    if first[-1].end > second[0].start:
        return False  # interleaved: no single "or" between them
    return bool(_OR.search(cues.strip_parens(norm[first[-1].end:second[0].start])))


def _count_spans(norm: str, limits: list[LineLimit]) -> list[tuple[int, int]]:
    """Where a sentence asks for earlier lines: a count ("at least one prior line") or "(previously) treated",
    "progressed on (prior) treatment" (read as at least one line)."""
    spans = [(lim.start, lim.end) for lim in limits if lim.min and not lim.cycles and not lim.position]
    return spans + [m.span() for m in _treated_matches(norm)] if "or" in norm else spans


def _ban_or_count(norm: str, forbid: list[Mention], counts: list[tuple[int, int]]) -> bool:
    """Whether a ban and a count of earlier lines are two ways in, one on each side of an "or" that opens the
    second way ("X-naive or must have progressed on treatment", "at least one prior line, or be PD-1 naive")."""
    if not forbid or not counts:
        return False
    counts = sorted(counts)
    if forbid[-1].end <= counts[0][0]:
        gap, second = norm[forbid[-1].end:counts[0][0]], _OR_AFTER.match(norm, forbid[-1].end)
    elif counts[-1][1] <= forbid[0].start:
        gap, second = norm[counts[-1][1]:forbid[0].start], _OR_BEFORE_BAN.search(norm, 0, forbid[0].start)
    else:
        return False  # interleaved: no single "or" between them
    return second is not None and not re.search(r"[;.]", gap) and _OR.search(cues.strip_parens(gap)) is not None


# "... or be/remain (treatment-)naive to X", "or have not received X", "or no prior X": the ban as the second way.
_OR_BEFORE_BAN = re.compile(r"\bor\s+(?:(?:patients|subjects|participants|those)\s+)?(?:(?:who|that)\s+)?"
                            r"(?:(?:must|should)\s+)?(?:(?:be|are|is|remain|have\s+not|has\s+not|had\s+no|have\s+no"
                            r"|no|not|never)\s+)?(?:(?:been|had|received|prior|previous|previously|any|treated\s+with"
                            r"|exposed\s+to|an?|the)\s+)*(?:[\w/()-]+\s+){0,3}$")


def _excepts_a_part(norm: str) -> bool:
    """ "Prior immunotherapy, except patients enrolled in cohort B": the rule leaves a part of the trial open."""
    return any(cues.EXCEPT_PART.search(m.group()) for m in cues.EXCEPT.finditer(norm))


def _treated_matches(norm: str) -> list[re.Match[str]]:
    """ "Previously treated" said of the patient and asked for: not denied ("must not have been previously treated")
    and not said of a lesion ("brain metastases must have been previously treated": the lesion's local treatment)."""
    return [m for m in cues.TREATED.finditer(norm)
            if not cues.denied(norm, m.start()) and not cues.said_of_lesion(norm, m.start())]


def _treated(norm: str) -> bool:
    """ "Previously treated" outside an exception ("any KRAS variant except previously treated G12C")."""
    exceptions = [(m.start(), m.end()) for m in cues.EXCEPT.finditer(norm)]
    return any(not inside(m.start(), exceptions) for m in _treated_matches(norm))


def _by_lead_in(norm: str, names: list[Mention], leads: list[LeadIn]) -> list[tuple[LeadIn | None, list[Mention]]]:
    """Required names after "for subjects ... T790M-positive," belong to that group only."""
    scoped: dict[LeadIn | None, list[Mention]] = {}
    for mention in names:
        lead = next((lead for lead in reversed(leads) if lead.end <= mention.start), None)
        if lead is None or not lead.genes or re.search(r"[;.]", norm[lead.end:mention.start]):
            lead = None
        scoped.setdefault(lead, []).append(mention)
    return list(scoped.items())


def _lines_rule(lim: LineLimit, base: dict[str, Any], norm: str, ctx: Context,
                conditional: bool = False) -> dict[str, Any]:
    # "at least 1 prior line including platinum and, if eligible, a checkpoint inhibitor": the "if"
    # qualifies what follows the count, not the count.
    soft_word = _soft_words(cues.strip_parens(norm[:lim.start]))
    soft = ctx.soft or conditional or lim.soft or bool(soft_word) or _open_way(norm, lim) \
        or bool(base.get("other_fact"))
    rule = {**base, "kind": "lines", "min": lim.min, "max": lim.max,
            "of": list(lim.of) if lim.of else None, "soft": soft,
            "setting": "any" if lim.of else _need_setting(norm)}
    if lim.bound:
        rule["bound"] = True
    if rule["setting"] == "advanced" and lim.min == 1 and (lim.early_maybe or not _TREATMENT_SETTING.search(norm)):
        # "Advanced solid tumours that progressed on standard treatment": "advanced" is the disease, not
        # when the treatment was given (verdicts: an earlier treatment is a question, not no line).
        rule["early_maybe"] = True
    return rule


# "... at least one prior line ... and for which there is no further standard therapy ..., or the patient declines
# it": after the count, a further (next) therapy that does not exist or is declined; the escape is that therapy's.
_FURTHER_THERAPY = re.compile(r"\b(?:no|not|without)\s+(?:\w+\s+){0,3}?(?:further|additional|subsequent|next)\b")


def _open_way(norm: str, lim: LineLimit) -> bool:
    """Whether the sentence leaves a way around its count (cues.OPEN_ALTERNATIVE), not only around a further
    therapy it asks to be missing after the count (_FURTHER_THERAPY)."""
    found = cues.OPEN_ALTERNATIVE.search(norm)
    if found is None:
        return False
    if lim.min and lim.max is None and _FURTHER_THERAPY.search(norm, lim.end, found.start()):
        return False
    return True


# The words between an untreated way in and the "no standard therapy" it carries: "(disease) for which", "patients
# for whom", "(tumours) where", "if".
_NO_STANDARD_FOR_THEM = re.compile(r"(?:\s+[\w-]+){0,4}?\s*,?\s+(?:for\s+(?:which|whom)|in\s+(?:which|whom)|where"
                                   r"|when|if|with|and)\s+(?:there\s+(?:is|are)\s+)?(?:no|not?)\b")


def _naive_phrases(norm: str, mentions: list[Mention], allow: list[str], base: dict[str, Any],
                   ctx: Context, timed: bool) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """ "Previously untreated", "treatment-naive", "have not received any systemic therapy".

    Returns the naive rule, or (second) the naive rule offered as an alternative ("... or ...")."""
    recent = _RECENTLY_DIAGNOSED.search(norm) if "diagnos" in norm else None
    if recent and (_OR_AFTER.match(norm, recent.end()) or _OR_BEFORE.search(norm, 0, recent.start())):
        # "Diagnosed with advanced disease within the previous 12 weeks, or progressing on any line within 8 weeks":
        # an either/or about when the patient comes, whose first way fits the untreated patient. Its window dates
        # the diagnosis (assumed met), so it is read even in a timed sentence.
        return [], {**base, "kind": "naive", "allow": allow, "setting": "advanced"}
    if timed:
        return [], None
    for match in cues.NAIVE.finditer(norm):
        if cues.said_of_lesion(norm, match.start()):
            continue  # "lesions that have not been previously treated": the lesion's local treatment
        if cues.REFUSED_AFTER.match(norm, match.end()):
            continue  # "Treatment-naive patients are not eligible": the untreated shut out, not asked for
        if _INVESTIGATIONAL_AFTER.match(norm, match.end()):
            continue  # "have not received any investigational anticancer agent": other trials' drugs only
        if (aimed := _AIMED_AFTER.match(norm, match.end())) and any(
                not m.systemic and aimed.start() <= m.start <= aimed.end() + 20 for m in mentions):
            continue  # "No prior therapy that targets the EGFR pathway": the class it is aimed at, not all therapy
        alternative = bool(_OR_AFTER.match(norm, match.end()) or _OR_BEFORE.search(norm, 0, match.start()))
        if alternative and _NO_STANDARD_FOR_THEM.match(norm, match.end()) \
                and cues.NO_STANDARD.search(norm[match.end():match.end() + 90]):
            # "..., or previously untreated disease for which no satisfactory standard treatment exists": the
            # untreated way in asks that no standard treatment exist, and for advanced NSCLC standard first-line
            # therapy always does (cues.NO_STANDARD): no way in for an untreated patient.
            continue
        if any(m.end <= match.start() and not cues.strip_parens(norm[m.end:match.start()]).strip(" -")
               for m in mentions):
            continue  # "EGFR TKI treatment-naive" bans that class only
        if (_NAIVE_WORD.search(match.group())
                or (_TREATED_END.search(match.group()) and not _ELIGIBLE_AFTER.search(norm, match.end()))) \
                and (named := _NAMED_AFTER.match(norm, match.end())) and any(
                not m.systemic and named.end() <= m.start <= named.end() + 30 for m in mentions):
            # "naive to treatment with a KRAS G12C inhibitor", "have not been treated with an EGFR TKI": that class
            # is banned, not all treatment. (Not "Patients who have not been treated with X are eligible": the
            # permission words would let X in; the untreated reading stays there.)
            continue
        # ("untreated stage" ends the match: the stage is read again.)
        if _EARLY_DISEASE.match(norm, match.end() - 5 if match.group().endswith("stage") else match.end()):
            setting = "any"  # "Untreated stage II-III NSCLC": no treatment at all for the early disease
        elif cues.EARLY.search(norm):
            setting = "early"
        elif cues.ADVANCED.search(norm) or ctx.adjuvant_ok:
            setting = "advanced"
        elif cues.ANY_SETTING.search(norm) or _FOR_NSCLC.search(norm):
            setting = "any"
        else:
            setting = "advanced"  # line wording: counted by lines for advanced disease
        rule = {**base, "kind": "naive", "allow": allow, "setting": setting}
        return ([], rule) if alternative else ([rule], None)
    newly = _NEWLY_DIAGNOSED.search(norm) if "newly" in norm or "novo" in norm else None
    if newly and (_OR_AFTER.match(norm, newly.end()) or _OR_BEFORE.search(norm, 0, newly.start())):
        # "Newly diagnosed or with progression after treatment": the untreated patient's way in, beside the other.
        return [], {**base, "kind": "naive", "allow": allow, "setting": "advanced"}
    if "or " in norm and cues.BEFORE_FIRST_TREATMENT.search(norm):
        # "Registered either before the start of first-line treatment, or after 2-4 cycles of X": entry before any
        # treatment is the untreated patient's way in, beside the treated one.
        return [], {**base, "kind": "naive", "allow": allow, "setting": "advanced"}
    return [], None


# The untreated patient in other words, only ever read as one of two ways in ("newly diagnosed or relapsed").
_NEWLY_DIAGNOSED = re.compile(r"\b(?:newly[\s-]+diagnosed|de[\s-]+novo)\b")
# "Recently diagnosed", "diagnosed with metastatic disease within the past 3 months", "diagnosis of advanced NSCLC in
# the last 8 weeks": the same untreated way in, dated. Read only as one of two ways in, like _NEWLY_DIAGNOSED.
_RECENTLY_DIAGNOSED = re.compile(
    r"\b(?:recently[\s-]+diagnosed"
    r"|diagnos(?:ed|is)\s+(?:(?:with|of)\s+)?(?:[a-z0-9(),/-]+\s+){0,6}?(?:within|in)\s+(?:the\s+)?"
    rf"(?:previous\s+|past\s+|last\s+|preceding\s+|prior\s+)?{cues.N_WORD}\s*(?:days?|weeks?|months?))\b")


# "Prior experimental agents that target BRAF", "investigational KRAS inhibitors": an approved drug of the class
# (dabrafenib, sotorasib) may not be what is meant, so the ban is a question for those who had the class.
# ("Approved or investigational ALK inhibitors": both, so the approved ones are banned too.)
_UNAPPROVED_BEFORE = re.compile(r"(?<!approved or )(?<!approved and/or )(?<!approved and )"
                                r"\b(?:experimental|investigational|unapproved|non-approved)\s+(?:[a-z-]+\s+){0,2}$")


def _all_unapproved(forbid: list[Mention], norm: str) -> bool:
    """Every banned name is "experimental"/"investigational", itself or as part of a list after that word
    ("sotorasib or any experimental KRAS agent" still bans sotorasib)."""
    qualified = False
    for k, mention in enumerate(forbid):
        qualified = not mention.systemic and (
            bool(_UNAPPROVED_BEFORE.search(norm, max(0, mention.start - 40), mention.start))
            or (qualified and list_gap(norm[forbid[k - 1].end:mention.start])))
        if not qualified:
            return False
    return bool(forbid)


# "Single-agent chemotherapy", "oral chemotherapy", "systemic intravenous anti-tumour therapy", "chemotherapy
# monotherapy": a class narrowed to a way of giving it that a list of drugs does not tell (a doublet's pemetrexed may
# have gone on alone; an oral TKI is no intravenous therapy). The ban is a question for those who had the class.
_MODALITY_BEFORE = re.compile(
    r"\b(?P<way>single[\s-]agents?|single[\s-]drugs?|mono|oral|intravenous|iv|metronomic|low[\s-]dose|weekly"
    r"|maintenance|intra-?(?:pleural|thecal|peritoneal|vesical|arterial))\s+(?:[a-z-]+\s+){0,2}$")
# ("PD-1 inhibitor alone or in combination with a CTLA-4 inhibitor", "as monotherapy or combined with chemotherapy":
# both ways said, so no way is narrowed: the class had in any regimen is banned.)
_MODALITY_AFTER = re.compile(r"^\W{0,3}(?:(?:treatment|therapy|regimens?)\s+)?(?:monotherapy|alone|as\s+(?:an?\s+)?"
                             r"single[\s-]agent|single[\s-]agent)\b(?!\s*,?\s*(?:and/)?or\b)")
_INTRAVENOUS_BEFORE = re.compile(r"\b(?:intravenous|iv)\s+(?:[a-z-]+\s+){0,2}$")
# Targeted classes taken by mouth (KRAS G12C inhibitors such as sotorasib are in c:kras_g12c_inhibitor).
_ORAL_TARGETED = ("c:tki", "c:kras_g12c_inhibitor", "c:kras_inhibitor", "c:braf_inhibitor", "c:mek_inhibitor")
_CHEMO_ITEMS = frozenset({"c:chemotherapy", "c:platinum", "c:taxane", "c:topoisomerase_i_inhibitor"})


def _adjuvant_exception(norm: str) -> bool:
    """Whether every exception the sentence makes ("other than adjuvant chemotherapy", "except neoadjuvant
    platinum") is for the early setting, and the setting word sits only there."""
    spans = [(m.start(), m.end()) for m in cues.EXCEPT.finditer(norm)]
    if not spans or not all(cues.ADJUVANT.search(norm[a:b]) for a, b in spans):
        return False
    outside = cues.strip_parens(blanked(norm, spans))
    return not cues.ADJUVANT.search(outside) and not cues.ADVANCED.search(outside)


def _narrowed_way(forbid: list[Mention], norm: str) -> bool:
    """Whether a banned class is narrowed to a way of giving it (_MODALITY_BEFORE / _MODALITY_AFTER). Chemotherapy
    "intravenous" is what it nearly always is: no narrowing."""
    for mention in forbid:
        if not all(item.startswith("c:") for item in mention.items):
            continue  # "docetaxel monotherapy": the drug itself is banned
        before = _MODALITY_BEFORE.search(norm, max(0, mention.start - 40), mention.start)
        if before and not (before.group("way") in ("intravenous", "iv") and (
                set(mention.items) <= _CHEMO_ITEMS or mention.systemic)):
            return True
        if _MODALITY_AFTER.match(norm[mention.end:mention.end + 40]):
            return True
    return False


# The words that open an exception (a cues.EXCEPT match): what follows says what kind of exception it is.
_EXCEPTION_LEAD = r"^(?:other\s+than|except(?:\s+for)?|besides|excluding|with\s+the\s+exception\s+of|apart\s+from)\s+"
# The exception is one whole line named by a drug in it: "other than the first platinum-based regimen", "except one
# prior line of platinum doublet", "besides a single first-line platinum-containing therapy".
_WHOLE_LINE_EXCEPTED = re.compile(
    _EXCEPTION_LEAD
    + r"(?:the\s+|an?\s+)?(?:(?:(?:first|initial|one|single|1)\b|1st\b)[\s-]*(?:(?:prior|previous|line)\b[\s-]*)?)"
    r"(?:(?:of\s+)?[^;]{0,60}?\b(?:regimens?|lines?)\b|line\b)")


# An exception of a few cycles or doses: "except 1 prior cycle of X", "other than a single dose of Y", "besides up to
# 2 courses of Z".
_LIMITED_EXCEPTION = re.compile(_EXCEPTION_LEAD + r"(?:(?:up\s+to|at\s+most|no\s+more\s+than|a|an|one"
                                r"|two|single|\d+|prior|previous)\s+){1,3}(?:cycles?|doses?|courses?)\b")


# A condition on an exception the profile cannot show: "initiated before ALK status was known", "given prior to the
# diagnosis of ...", "if discontinued for toxicity".
_EXCEPTION_CONDITION = re.compile(r"\b(?:(?:initiated|started|begun|given|administered|received)\s+"
                                  r"(?:before|prior\s+to)|if|provided|when|as\s+long\s+as)\b[^;.)]*")


def _exception_condition(norm: str) -> str | None:
    """The condition an exception ("except X ...") carries in its own clause, or None."""
    for found in cues.EXCEPT.finditer(cues.strip_parens(norm)):  # an aside's "(... allowed if ...)" is its own
        cond = _EXCEPTION_CONDITION.search(found.group())
        if cond:
            return cond.group().strip()
    return None


def _capped_exception_items(norm: str, mentions: list[Mention],
                            limits: list[LineLimit]) -> tuple[list[str], int | None]:
    """ "X is not permitted, with the exception of up to 1 prior line of Y": Y is let in, in at most that many lines
    (the cap is also read as its own rule); the names inside the cap are otherwise dropped with its count."""
    if not any(lim.max is not None for lim in limits) or "xcept" not in norm and "other than" not in norm \
            and "besides" not in norm and "apart from" not in norm:
        return [], None
    exceptions = [found.span() for found in cues.EXCEPT.finditer(norm)]
    caps = [lim for lim in limits if lim.max is not None and lim.min is None and lim.of
            and inside(lim.start, exceptions)]
    spans = [(lim.start, lim.end) for lim in caps]
    items = list(dict.fromkeys(i for m in mentions if inside(m.start, spans) for i in m.items))
    if not items:
        return [], None
    # "up to 1 regimen of platinum-based chemotherapy": the regimen's partner drugs are chemotherapy too.
    items = [*items, "c:chemotherapy"] if "c:platinum" in items and "c:chemotherapy" not in items else items
    return items, max(lim.max for lim in caps if lim.max is not None)


def _forbid_rule(forbid: list[Mention], allow: list[str], base: dict[str, Any], norm: str, bare: str,
                 ctx: Context) -> dict[str, Any]:
    items = list(dict.fromkeys(i for m in forbid for i in m.items))
    if not base["soft"] and (_all_unapproved(forbid, norm) or _narrowed_way(forbid, norm)):
        base = {**base, "soft": True}
    setting = _ban_setting(norm, bare, ctx)
    if set(allow) & set(items):
        # "docetaxel, with the exception of docetaxel in the neoadjuvant setting": the exception is a setting.
        allow = [i for i in allow if i not in items]
        setting = "advanced"
    # "Prior chemotherapy is allowed; prior docetaxel is not": the named drug is banned within the class allowed.
    allow = [i for i in allow if not any(i in _item_classes(banned) for banned in items)]
    if any(m.systemic for m in forbid):
        if any(_INTRAVENOUS_BEFORE.search(norm, max(0, m.start - 40), m.start) for m in forbid if m.systemic):
            allow = [*allow, *_ORAL_TARGETED]  # "no prior intravenous systemic therapy": an oral TKI is not one
        if allow and _adjuvant_exception(norm):
            # "Any prior systemic therapy other than (platinum-based) adjuvant chemotherapy": the setting word is the
            # exception's, not the ban's (an early ban would leave every line a question); a line for advanced disease
            # is no adjuvant treatment. (Early drugs keep the reading they had: which were adjuvant is not listed.)
            early = "advanced" if setting == "early" else setting
            return {**base, "kind": "naive", "allow": allow, "setting": early, "allow_early": True}
        # "with the exception of 1 line of chemotherapy initiated before ALK status was known": whether the line had
        # was within the exception is a question (verdicts._naive), never a ban.
        when = _exception_condition(norm) if allow else None
        condition = {"allow_when": when} if when else {}
        if allow and any(_WHOLE_LINE_EXCEPTED.search(m.group()) for m in cues.EXCEPT.finditer(norm)):
            # "other than the first platinum-based regimen": the whole first line is let in, its partner drugs and
            # maintenance included; a second line, or a first line without the drug, is banned.
            return {**base, "kind": "naive", "allow": allow, "setting": setting, "allow_line": True, **condition}
        return {**base, "kind": "naive", "allow": allow, "setting": setting, **condition}
    if allow and ("cycle" in norm or "dose" in norm or "course" in norm):
        if any(_LIMITED_EXCEPTION.search(m.group()) for m in cues.EXCEPT.finditer(norm)):
            # "except 1 prior cycle of cisplatin or carboplatin with etoposide": the exception is a limited course.
            return {**base, "kind": "forbid", "items": items, "allow": allow, "setting": setting, "allow_if": True}
    return {**base, "kind": "forbid", "items": items, "allow": allow, "setting": setting}


# "(or durvalumab)", "(and/or nivolumab)": a bracket that opens on "or" offers another drug for the one before it.
_ALTERNATIVE_BRACKET = re.compile(r"\(\s*(?:or|and/or)\s+")
_REGIMEN_JOIN = re.compile(r"\band\b(?!/)|\+|\bwith\b|\bplus\b")


def _without_alternative_brackets(norm: str, parens: list[tuple[int, int]],
                                  mentions: list[Mention]) -> list[tuple[int, int]]:
    """The brackets other than an alternative written right after a drug of a required regimen ("carboplatin,
    etoposide and atezolizumab (or durvalumab)"): the drugs inside are read as "atezolizumab or durvalumab"."""
    def alternative(a: int, b: int) -> bool:
        inner = [m for m in mentions if a <= m.start < b]
        return (bool(inner) and _ALTERNATIVE_BRACKET.match(norm, a) is not None
                and any(m.end <= a and not norm[m.end:a].strip() for m in mentions)
                and not norm[inner[-1].end:b].strip(" )")  # the bracket holds only the drugs offered
                and not _REGIMEN_JOIN.search(norm, a, b))  # "(or encorafenib and binimetinib)": a whole regimen
    return [(a, b) for a, b in parens if not alternative(a, b)]


def _regimen_or_regimen(norm: str, parens: list[tuple[int, int]], pool: list[Mention]) -> list[list[str]] | None:
    """ "Prior dabrafenib plus trametinib (or encorafenib and binimetinib)": a bracket opening on "or" that holds a
    whole regimen, right after the regimen it replaces (every required drug before it): either regimen in full. As
    "and" groups of "or" items: each drug of one regimen or any drug of the other (the product of both regimens'
    groups), so a patient who had only one regimen's half is still short. None when the sentence is not so."""
    for a, b in parens:
        inner = [m for m in pool if a <= m.start < b]
        before = [m for m in pool if m.end <= a]
        if len(inner) < 2 or not before or len(inner) + len(before) != len(pool) \
                or _ALTERNATIVE_BRACKET.match(norm, a) is None or not _REGIMEN_JOIN.search(norm, a, b) \
                or norm[before[-1].end:a].strip() or norm[inner[-1].end:b].strip(" )") \
                or any(m.systemic for m in pool) or any(c < before[0].start < d for c, d in parens):
            continue
        first, second = _and_groups(norm, before), _and_groups(norm, inner)
        if len(first) < 2 or len(second) < 2:
            continue  # one drug either side: the plain alternative bracket's reading
        return [list(dict.fromkeys([*g, *h])) for g in first for h in second]
    return None


def _require_rules(norm: str, require: list[Mention], parens: list[tuple[int, int]], base: dict[str, Any],
                   met_unknown: bool) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    pool = list(require)
    examples = cues.count_examples(norm)
    if examples:
        # "at least one prior systemic therapy (e.g., platinum or ICI)": the examples are no required drug.
        pool = [m for m in pool if not any(a <= m.start < b for a, b in examples)]
        if not pool:
            return []
    for a, b in parens:  # "(Osimertinib exposure required for T790M+)": a rule for that group only
        gene, alteration = required_for(norm[a:b])
        inner = [m for m in require if a <= m.start < b]
        if gene and inner:
            rules.append({**base, "kind": "require", "groups": _and_groups(norm, inner), "genes": [gene],
                          "alteration": alteration, "met_unknown": False, "setting": "any"})
            pool = [m for m in pool if m not in inner]
    parens = _without_alternative_brackets(norm, parens, pool)
    if (either := _regimen_or_regimen(norm, parens, pool)) is not None:
        return [*rules, {**base, "kind": "require", "groups": either, "met_unknown": met_unknown,
                         "setting": _need_setting(norm)}]
    outside, near = _narrowed(norm, [m for m in pool if not inside(m.start, parens)], require, parens)
    if near:
        # A drug of the class outside the list is a question (is the list exhaustive?), never an exclusion.
        base = {**base, "near": near}
    partners = _with_partners(norm, outside)
    if partners:
        # "platinum-based chemotherapy with ICI-based therapy": the partner of a combination is asked too, but a
        # patient without it is a question ("X with Y" may mean Y was optional), not an exclusion.
        rules.append({**base, "soft": True, "kind": "require", "groups": _and_groups(norm, partners),
                      "met_unknown": met_unknown, "setting": _need_setting(norm)})
        outside = [m for m in outside if m not in partners]
        pool = [m for m in pool if m not in partners]
    named: list[Mention] = []
    if not any(not m.systemic for m in outside):
        # "failed first-line standard treatment (platinum-containing doublet)": the aside says which.
        named = [m for m in pool if not m.systemic and not any(
            a <= m.start < b and cues.EXAMPLES.match(norm, a) for a, b in parens)]
    setting = _need_setting(norm)
    if not pool:
        return rules
    # "Advanced NSCLC that progressed after X": "advanced" is the disease, not when X was given.
    disease_only = setting == "advanced" and not _TREATMENT_SETTING.search(norm)
    groups = _and_groups(norm, outside or pool) + (_and_groups(norm, named) if outside else [])
    if any(SYSTEMIC in g for g in groups):
        # "after platinum or any other systemic therapy" is met by any earlier line.
        soft = base["soft"] or bool(cues.STANDARD_ALTERNATIVE.search(cues.strip_parens(norm)))
        rule = {**base, "soft": soft, "kind": "lines", "min": 1, "max": None, "of": None, "setting": setting}
        rules.append({**rule, "early_maybe": True} if disease_only else rule)
        groups = [g for g in groups if SYSTEMIC not in g]
    if groups:
        rule = {**base, "kind": "require", "groups": groups, "met_unknown": met_unknown, "setting": setting}
        if disease_only:
            rule["early_maybe"] = True
        if setting == "early" and _early_only(norm, outside or pool):
            rule["early_only"] = True
        rules.append(rule)
    return rules


_SETTING_STOP = re.compile(r"[,;.()\[\]]")
_JOINED = re.compile(r"\b(?:or|and|and/or|nor)\b")
# "...; progression within 6 months of adjuvant platinum also qualifies", "(adjuvant therapy counts if ...)": the
# early treatment is one more way in beside a line for advanced disease, not the only one.
_ANOTHER_WAY = re.compile(r"\b(?:also|qualif\w*|counts?|counted|allowed|permitted|acceptable|accepted|eligible"
                          r"|if|considered|may|instead)\b")
# "platinum-based chemoradiation or chemotherapy": an alternative of no stated setting.
_OTHER_TREATMENT = re.compile(r"\b(?:or|and/or)\s+(?:[a-z-]+\s+){0,3}?(?:chemo\w*|therap\w*|treatments?|regimens?"
                              r"|systemic)\b")


def _early_only(norm: str, named: list[Mention]) -> bool:
    """Whether every treatment a requirement names is qualified as given before the disease was advanced:
    "adjuvant platinum-based chemotherapy", "platinum-based chemotherapy concurrent with radiation therapy",
    "definitive chemoradiation with cisplatin". Not when the sentence names advanced disease too ("... or for
    metastatic disease") or a treatment stands without such a word ("chemoradiation or chemotherapy")."""
    if not named or cues.ADVANCED.search(norm) or _ANOTHER_WAY.search(norm) or any(
            not cues.ADJUVANT.search(m.group()) for m in _OTHER_TREATMENT.finditer(norm)):
        return False
    ends = [0, *(m.end for m in named[:-1])]
    carried = False
    for m, prev_end in zip(named, ends, strict=True):
        before = norm[max(prev_end, m.start - 40):m.start]
        after = norm[m.end:m.end + 50]
        stop = _SETTING_STOP.search(after) or _JOINED.search(after)
        after = after[:stop.start()] if stop else after
        # "adjuvant carboplatin or cisplatin": the setting word before a list covers each name in it.
        carried = carried and prev_end > 0 and list_gap(before)
        before = before[max((x.end() for x in _SETTING_STOP.finditer(before)), default=0):]
        carried = carried or bool(cues.ADJUVANT.search(before) or cues.ADJUVANT.search(after)
                                  or _WITH_RADIATION.search(after))
        if not carried:
            return False
    return True


# What may join the drugs of a closed list in brackets: "(gefitinib, erlotinib, or afatinib)".
_LIST_JOIN = re.compile(r"[\s,]*(?:(?:or|and/or)\s+)?")
_LAST_OR = re.compile(r",?\s*(?:or|and/or)\s+$")


def _narrowed(norm: str, outside: list[Mention], require: list[Mention],
              parens: list[tuple[int, int]]) -> tuple[list[Mention], list[str]]:
    """ "Progression on first-line EGFR-TKI (gefitinib, erlotinib, or afatinib)": a class followed by a bracketed
    list of its drugs closed by "or" (no "e.g.", "such as", "etc.") says which drugs of the class count.
    An open list ("(e.g. gefitinib, erlotinib)", "(gefitinib, erlotinib, afatinib)") leaves the class.
    Returns the mentions and the classes so narrowed."""
    out: list[Mention] = []
    near: list[str] = []
    for mention in outside:
        aside = next(((a, b) for a, b in parens if a >= mention.end and not norm[mention.end:a].strip()), None)
        listed = _closed_list(norm, aside, mention, require) if aside and not mention.systemic else None
        out.append(replace(mention, items=listed) if listed else mention)
        near += mention.items if listed else ()
    return out, near


def _closed_list(norm: str, aside: tuple[int, int], mention: Mention,
                 require: list[Mention]) -> tuple[str, ...] | None:
    """The drugs of a bracketed closed list after a class name, when every one of them is of that class."""
    a, b = aside
    inner = [m for m in require if a < m.start < b]
    if len(inner) < 2 or any(len(m.items) != 1 or not m.items[0].startswith("d:") for m in inner):
        return None
    gaps = [norm[a + 1:inner[0].start], *(norm[x.end:y.start] for x, y in zip(inner, inner[1:], strict=False)),
            norm[inner[-1].end:b - 1]]
    if gaps[0].strip() or gaps[-1].strip() or not all(_LIST_JOIN.fullmatch(g) for g in gaps[1:-1]) \
            or not _LAST_OR.search(gaps[-2]):
        return None
    classes = {item.partition(":")[2] for item in mention.items}
    drugs_listed = tuple(m.items[0] for m in inner)
    if not all(classes & drug_classes(d.partition(":")[2]) for d in drugs_listed):
        return None
    return drugs_listed


_WITH_GAP = re.compile(r"[\s-]*(?:(?:based|containing|doublet|therap(?:y|ies)|treatments?|regimens?)[\s-]+){0,2}"
                       r"with\s+(?:an?\s+|the\s+)?")


def _with_partners(norm: str, mentions: list[Mention]) -> list[Mention]:
    """Names joined to the name before them by a bare "with" (a combination), none of them a systemic catch-all."""
    partners = [m for k, m in enumerate(mentions) if k and not m.systemic and not mentions[k - 1].systemic
                and _WITH_GAP.fullmatch(cues.strip_parens(norm[mentions[k - 1].end:m.start]))]
    # "chemotherapy with atezolizumab (or durvalumab)": the drug offered in place of the partner is a partner too.
    partners += [m for k, m in enumerate(mentions) if k and mentions[k - 1] in partners and m not in partners
                 and _ALTERNATIVE_BRACKET.fullmatch(norm[mentions[k - 1].end:m.start].lstrip())]
    partners.sort(key=lambda m: m.start)
    return partners if len(partners) < len(mentions) else []


# Words that tie a treatment (not only the disease) to the advanced setting: "in the metastatic setting",
# "for locally advanced or metastatic NSCLC", "first-line", "line of treatment".
_TREATMENT_SETTING = re.compile(
    r"\b(?:first|second|third|1st|2nd|3rd|1|2|3|front)[- ]?l(?:ine)?\b|\blines? of\b|\bsetting\b|\bpalliative\b"
    r"|\b(?:for|in|during)\s+(?:the\s+|their\s+)?(?:(?:unresectable|locally|advanced|metastatic|recurrent|and|or|/|,)\s*)*"
    r"(?:advanced|metastatic|recurrent|stage\s*(?:iv|4|iiib))\b"
)
