"""Turn a trial's text into biomarker clauses: what must be present, what must be absent, per cohort.

Clause = {"mode": "require"|"forbid", "atoms": [...], "cohorts": [...], "evidence": str, flags...}.
A "require" clause holds when any of its atoms holds (alternatives written in one sentence); a "forbid"
clause holds when none does. Clauses without cohorts apply to every cohort; a patient who fits one
cohort fits the trial. The title and conditions count only where the criteria are silent on that gene.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from itertools import chain
from typing import Any, TypeVar

from trialmatch.criteria.rules import marker_vocab as vocab
from trialmatch.criteria.rules.biomarker.arm_tags import without_arm_tags
from trialmatch.criteria.rules.biomarker.chosen import marker_chooses_treatment
from trialmatch.criteria.rules.biomarker.closed_sets import closed_by_list, drop_closed_class
from trialmatch.criteria.rules.biomarker.cohorts import (
    before_permission,
    bullet_labels,
    label_at_start,
    label_description,
    labelled_sentences,
    lacking_group_allowed,
    names_marker_groups_only,
    permitted_groups,
    scope_label,
    sibling_part,
    unseen_group,
    whole_trial_labels,
    whole_trial_scope,
)
from trialmatch.criteria.rules.biomarker.crossed import (
    conditional_inclusion_in,
    crossed_exclusion_in,
    joined_histology_in,
    unread_alternative,
)
from trialmatch.criteria.rules.biomarker.cues import (
    EARLY_SETTING,
    IMMUNOTHERAPY_ALONE_STANDARD,
    LUNG,
    MAPK_PATHWAY,
    NEG_ADVERB,
    NOT_ENOUGH_ALONE,
    ONE_GROUP,
    ONE_GROUP_ONLY,
    TITLE_QUALIFIED,
    UNSPECIFIED_MARKERS,
    alone_rule,
    asks_known_pdl1,
    defers_to_groups,
    examples_bracketed,
    matched_variant,
    mutant_prefix,
    names_hla_type,
    no_patient_group,
    normalise,
    other_cancer_only,
    other_tumours_way_in,
    sentences,
    unlisted_marker,
    unmatched_group,
    without_alone_phrase,
    without_list_reason,
    without_other_hedge,
)
from trialmatch.criteria.rules.biomarker.groups import (
    amplification_level,
    bare_headings,
    group_ids,
    heading_parts,
    level_unread,
    names_every_group,
    requires_negative,
)
from trialmatch.criteria.rules.biomarker.histology import (
    cohort_histology,
    histology_condition,
    names_histology_condition,
    names_nsclc_as_such,
)
from trialmatch.criteria.rules.biomarker.if_treated import marker_if_treated
from trialmatch.criteria.rules.biomarker.indicated import directed_therapy_statements
from trialmatch.criteria.rules.biomarker.indication import without_indications
from trialmatch.criteria.rules.biomarker.lead_ins import umbrella_clauses
from trialmatch.criteria.rules.biomarker.notes import (
    negated_list_rejoined,
    negative_aside_apart,
    note_apart,
    rationale_apart,
    widening_apart,
)
from trialmatch.criteria.rules.biomarker.part_tags import tags_cover_every_part, trial_parts
from trialmatch.criteria.rules.biomarker.partition import complementary_heads
from trialmatch.criteria.rules.biomarker.pdl1 import names_score, permitted_level, read_pdl1, score_span
from trialmatch.criteria.rules.biomarker.phrases import ANCHORS, Statement, names_marker, tokens, words
from trialmatch.criteria.rules.biomarker.routing import allocation_start, takes_everyone
from trialmatch.criteria.rules.biomarker.status_known import histology_test_genes, status_clauses, status_known_genes
from trialmatch.criteria.rules.biomarker.text import (
    EXCLUDING_SENTENCE,
    carrier_genes,
    named_genes,
    negative_gene_spelled,
    permitted_in_ban_spared,
    read_sentence,
    read_title,
)
from trialmatch.criteria.rules.biomarker.treated import at_diagnosis, carrier_condition, except_treated, unless_treated
from trialmatch.criteria.rules.biomarker.unknown_genes import unknown_marker_asked
from trialmatch.criteria.rules.marker_vocab import mentions_marker
from trialmatch.criteria.rules.prefilter import AnyOf, Guarded, guarded
from trialmatch.criteria.rules.reader import Scope, purpose_of
from trialmatch.criteria.rules.reader.continuations import asks_one_of, conditional_lead_in
from trialmatch.criteria.text import Criterion, TrialText, quote, squash

# "Tumours do not need to be tested", "No more mutation test needed", "No test for mutational status is required".
_NO_TEST_NEEDED = guarded(
    r"\b(?:(?:do|does|did)\s+not|don't|doesn't|not|no)\s+(?:need|needed|required|require|necessary)\b[^.;]{0,40}\btest"
    r"|\btest(?:ing|s)?\b[^.;]{0,40}\b(?:is|are)\s+not\s+(?:required|needed|necessary|mandatory)\b"
    r"|\btest(?:ing|s)?\s+not\s+(?:required|needed|necessary|mandatory)\b"
    r"|\bno\s+(?:more\s+|further\s+|additional\s+)?(?:\w+\s+){0,2}test(?:ing|s)?\b[^.;]{0,40}\b(?:needed|required|necessary)\b"
    r"|\bwithout\s+(?:the\s+)?need\s+(?:for|of)\s+(?:\w+\s+){0,2}test"
    r"|\b(?:unknown|untested|not (?:been )?tested|undetermined)\s+(?:\w+\s+){0,2}(?:are|is|will be|may be|can be)\s+"
    r"(?:also\s+)?(?:eligible|allowed|permitted|included|enrolled)"
    r"|\btesting (?:is )?(?:not mandatory|optional)\b",
    re.I,
)
_SQUAMOUS = r"(?<!non-)(?<!non )(?<!non)\bsquamous\b"
_NOT_KNOWN = (r"\b(?:unknown|untested|not\s+(?:been\s+)?tested|undetermined|missing|unavailable|not\s+available"
              r"|without\s+(?:\w+\s+){0,2}(?:test\w*|results?|status))\b")
_MAY_ENROL = (r"\b(?:(?:are|is|will\s+be|may\s+be|can\s+be|could\s+be|shall\s+be|be)\s+(?:also\s+)?"
              r"(?:eligible|allowed|permitted|included|enrolled|accepted|acceptable)"
              r"|(?:can|may|could)\s+(?:also\s+)?(?:enrol\w*|participate|join|take\s+part))\b")
# "Subjects with squamous cell carcinoma are not required to undergo genetic testing";
# "non-squamous NSCLC subjects must have confirmed EGFR/ALK status": squamous tumours need no test.
_SQUAMOUS_UNTESTED_OK = guarded(
    r"\bsquamous\b[^.;]{0,60}\bnot\s+(?:be\s+)?(?:required|needed|necessary|mandatory)\b"
    r"|\bnon-?\s?squamous\b[^.;]{0,80}\b(?:must|should|required|need)\b[^.;]{0,80}\b(?:test\w*|status|confirm\w*)"
    r"|\((?:only\s+)?(?:for|in)\s+(?:patients\s+with\s+)?non-?\s?squamous\b"
    r"|\bnot\s+(?:be\s+)?(?:required|needed|necessary|mandatory)\s+(?:for|in)\s+(?:patients\s+with\s+)?(?:pure\s+)?"
    r"squamous\b|\bsquamous\b[^.;]{0,40}\b(?:need not|do not need to|does not need to)\b"
    # "Patients with squamous histology do not require molecular testing": the waiver keeps its histology
    r"|\bsquamous\b[^.;]{0,60}\b(?:do|does|will|would)\s+not\s+(?:require|need)\b"
    # "squamous patients with unknown status can be enrolled", "Patients with squamous histology and untested EGFR
    # are eligible", "unknown driver status is acceptable for squamous NSCLC": a waiver written as enrolment, for
    # that histology only (read as "no test needed", it let in every untested patient)
    rf"|{_SQUAMOUS}[^.;]{{0,60}}{_NOT_KNOWN}[^.;]{{0,40}}{_MAY_ENROL}"
    rf"|{_NOT_KNOWN}[^.;]{{0,40}}{_MAY_ENROL}[^.;]{{0,20}}\b(?:for|in|among)\s+(?:(?:patients|subjects|participants"
    rf"|those)\s+with\s+)?{_SQUAMOUS}",
    re.I,
)


_WAIVERS = AnyOf(_SQUAMOUS_UNTESTED_OK, _NO_TEST_NEEDED)
# "Participants with known EGFR mutations ... If testing is done, an approved assay should be used", "(if tested)",
# "where testing is performed": beside an exclusion, testing is optional, so an untested patient is not barred.
_IF_TESTED = guarded(
    r"\b(?:if|when|where|whenever)\s+(?:(?:molecular|genomic|genetic|mutation(?:al)?|biomarker|gene)\s+)?"
    r"(?:testing|tests?|tested|assessment|analysis)\b"
    r"(?:\s+(?:is|was|has\s+been|have\s+been|are|were)\s+(?:done|performed|conducted|carried\s+out|available|obtained))?"
    r"(?=\s*[,.;)]|\s*$)",
    re.I,
)


# "Re-biopsy after progression shows no EGFR-sensitive mutation": a finding at one time, which a profile
# (one list of results) cannot settle.
_LATER_FINDING = re.compile(
    r"\bre-?biops\w*|\bafter (?:disease )?(?:progression|failure|resistance)|\bat (?:the time of )?progression"
    r"|\bupon progression|\bafter progressing",
    re.I,
)
# "EGFR or ALK (unless they have progressed on a TKI)": whether it excludes depends on treatment history,
# which is the prior-therapy dimension's question; here it can only raise doubt.
_TREATED_EXCEPTION = re.compile(
    r"\b(?:unless|except (?:if|when|for|in)|with the exception of|but (?:patients|those|subjects) (?:who|with))\b"
    r"[^.;]{0,80}?\b(?:receiv\w*|progress\w*|fail\w*|intoleran\w*|treated|refractory|resistan\w*|exposed|TKI|therapy)"
    # "(patients with these alterations who progressed on targeted therapy are allowed)"
    r"|\b(?:patients|those|subjects|participants)\b[^.;]{0,80}?\b(?:receiv\w*|progress\w*|fail\w*|treated)\b"
    r"[^.;]{0,60}?\b(?:are|is|will be|may be|can be)\s+(?:also\s+)?(?:allowed|permitted|eligible|included|enrolled)\b"
    # "positive for EGFR and never took TKIs", "... and not previously treated with targeted therapy", "... and naive to
    # ALK inhibitors": only untreated carriers are meant, and the treatment history is not this dimension's to judge
    r"|\b(?:and|but|who|that|yet)\s+(?:(?:have|has|had|were|was|are|is)\s+)?(?:never|not(?:\s+yet)?|no)\s+(?:been\s+)?"
    r"(?:previously\s+)?(?:take|taken|took|receiv\w*|treated|used|exposed|prior|previous)\b"
    r"[^.;]{0,50}?\b(?:TKIs?|DRUG|targeted|inhibitors?|tyrosine kinase)"
    r"|\b(?:and|but|who|that|yet)\s+(?:(?:are|is|were|was|remain)\s+)?(?:TKI|DRUG|targeted[\s-]therapy)[\s-]na[iï]ve\b"
    r"|\b(?:and|but|who|that|yet)\s+(?:(?:are|is|were|was|remain)\s+)?na[iï]ve\s+to\b[^.;]{0,40}?"
    r"\b(?:TKIs?|DRUG|targeted|inhibitors?)",
    re.I,
)
# Purposes (the shared reader's) of a sentence that names a marker without asking for one. Not "concomitant"
# ("no concomitant driver mutations" is a marker rule) nor "washout" or "other_cancer" (a marker rule may share
# the sentence with a time window or with "previous cancer therapy").
_NOT_MARKER_PURPOSES = frozenset({"contraception", "hypersensitivity", "toxicity_recovery"})
# "BRAF mutation: patients who refused BRAF+MEK inhibitor", "ALK fusion: patients who declined alectinib": a sub-bullet
# whose label names the carriers and whose text says what those carriers must have done. The label is the group the
# condition is on (a branch of a list, often under another tumour), not a marker every patient must have.
_LABELLED_CARRIER_RULE = re.compile(
    r"^\W{0,3}(?:(?:EGFR|ALK|ROS-?1|[KNH]RAS|BRAF|c-?MET|MET|RET|HER-?2|ERBB2|NTRK[1-3]?|NRG-?1)\b[^:;.()]{0,40}?"
    # "Subjects without actionable genomic alterations (AGA): progression on or after platinum ...", "Patients with
    # AGA (EGFR, ALK, ROS1): must have received ...": a group named by its markers, then what that group had
    # "NSCLC with an EGFR, ALK or RET alteration: must have received ...", "For tumours harbouring ALK: ...": the group
    # may be named by its disease as well as by its people, after "for", "if" or "in"
    r"|(?:(?:for|if|in)\s+)?(?:[\w\-]+\s+){0,3}?(?:patients?|subjects?|participants?|those|individuals|NSCLC|tumou?rs?"
    r"|cancers?|diseases?|carcinomas?|adenocarcinomas?)\s+(?:with(?:out)?|lacking|harbou?ring|carrying|bearing)\s+"
    r"(?:e\.g\.|i\.e\.|[^:;.]){0,120}?)\s*:\s*"
    r"(?:(?:the\s+)?(?:patients?|subjects?|participants?|those|individuals)\s+"
    r"(?:who|that)\s+)?(?:(?:must|should)\s+)?(?:have\s+|has\s+|had\s+)?(?:previously\s+|also\s+|either\s+)?"
    r"(?:refus\w*|declin\w*|(?:are|were|is|was|been)\s+(?:intolerant|ineligible|unsuitable|not\s+(?:candidates?|eligible))"
    # "BRAF wild type: progressed after receiving PD-1 containing therapy"
    r"|progressed\s+(?:on|after|following|during|despite)|received|failed|(?:were|are|have\s+been|been)\s+treated"
    r"|prior\s+(?:treatment|therapy)\s+with"
    r"|(?:(?:disease|radiological|documented)\s+)?progression\s+(?:on|after|following|during))\b",
    re.I,
)
# "ERBB2 amplification in the absence of HER2 positivity are ineligible", "MET amplification without MET protein
# overexpression": an exclusion that needs a second, protein-level (or confirming) finding to be absent, which no
# profile reports: a question for carriers, never a bar. Bounded window, no nested repeats.
_ABSENT_SECOND_FINDING = re.compile(
    r"\b(?:in\s+the\s+absence\s+of|without|not\s+accompanied\s+by|lacking)\s+"
    r"(?:(?:a|an|the|any|documented|concurrent|confirmed|central)\s+)?(?:[\w\-]+\s+){0,3}?"
    r"(?:positivity|over-?expression|expression|protein|IHC|immunohistochemistry|confirmation|sensitivity)\b",
    re.I,
)
# "PD-L1 TPS >= 50%. Patients with lower PD-L1 TPS may be eligible following discussion with the sponsor", "...;
# patients with lower expression may be enrolled with sponsor approval": the threshold bends case by case. The
# discretionary part sets no rule of its own, and a PD-L1 level beside it is a question, never a bar.
_DISCRETION = guarded(
    r"\b(?:may|might|can|could)\s+(?:also\s+)?(?:be\s+)?(?:eligible|enrolled|included|considered|allowed|permitted"
    r"|enrol\w*|participate|accepted)\b[^.;]{0,60}?\b(?:following|after|upon|with|by|on|at)\s+"
    r"(?:(?:a|an|the|prior|written)\s+)?(?:[\w\-]+\s+){0,2}?(?:discussion|approval|agreement|review|consultation"
    r"|permission|discretion|case[\s\-]by[\s\-]case)\b",
    re.I,
)
_DISCRETION_SUBJECT = re.compile(r"\b(?:patients?|participants?|subjects?|tumou?rs?|those|cases)\b", re.I)
_SCORE_WORD = re.compile(r"\b(?:PD-?L1|TPS|CPS|tumou?r\s+proportion|lower|expression)\b", re.I)


def _discretion_start(sentence: str) -> int | None:
    """Where the discretionary part of a sentence begins (see _DISCRETION): at its subject ("patients with lower
    ..."), or after the last ";", "," or "(" before it."""
    match = _DISCRETION.search(sentence)
    if match is None:
        return None
    subjects = [m.start() for m in _DISCRETION_SUBJECT.finditer(sentence, 0, match.start())]
    marks = [sentence.rfind(mark, 0, match.start()) + 1 for mark in ";,("]
    return max([*subjects, *marks, 0])


def _bends_score(text: str) -> bool:
    """The criterion lets a lower PD-L1 level in case by case."""
    start = _discretion_start(text) if "iscuss" in text or "pprov" in text or "eview" in text or "case" in text \
        else None
    return start is not None and _SCORE_WORD.search(text, start) is not None


_INELIGIBLE = guarded(r"\b(?:ineligible|not\s+eligible|(?:are|is|be)\s+" + NEG_ADVERB + r"excluded)\b", re.I)
# "IHC: For ALK NSCLC only using the ALK D5F3 antibody", "FISH: for ROS1 tumours only, with a break-apart probe": which
# assay is accepted for which marker's patients. It names no marker anyone must have.
_ASSAY_FOR_ONLY = guarded(
    r"^\W{0,3}(?:[\w\-/ ]{2,30}:\s*)?for\s+[^.;:]{1,50}?\bonly\b\s*,?\s*(?:using|with|by|via|on)\b", re.I)
# "(HER2 positivity requirement is excluded in DL1 and DL2)", "EGFR mutation requirement is waived for Part A": the
# requirement is lifted for a group; nothing is excluded. The waiver (its bracket, or the sentence up to it) is not
# read, and a rule left beside it is a question (the group it is waived for may be the patient's way in).
_WAIVER = guarded(
    r"\brequirements?\s+(?:is\s+|are\s+|will\s+be\s+|does\s+not\s+apply|do\s+not\s+apply)"
    r"(?:not\s+(?:applicable|required|applied|needed|mandatory)|excluded|waived|removed|lifted|omitted|dropped"
    r"|relaxed)?",
    re.I,
)


def _without_waiver(sentence: str) -> tuple[str, bool]:
    """The sentence without its waiver (see _WAIVER), and whether one was found."""
    match = _WAIVER.search(sentence)
    if match is None or (match.group(0).split()[-1].lower() in ("is", "are", "be")):
        return sentence, False
    opened = sentence.rfind("(", 0, match.start())
    closed = sentence.find(")", match.end())
    if opened >= 0 and closed > 0 and ")" not in sentence[opened:match.start()]:
        return sentence[:opened] + sentence[closed + 1:], True
    return sentence[match.end():], True


# "No known EGFR mutation or ALK fusion, i.e. patients for whom first-line targeted therapy is the standard of care are
# not eligible", "..., that is, those who are candidates for a TKI cannot be included", "(in other words, patients
# eligible for ...)": an explanation of the rule before it, in other words. Read with the rule, its own "not eligible"
# turned the rule upside down (a driver-negative requirement read as a driver requirement). An explanation that names
# a marker itself ("driver alterations, i.e. EGFR or ALK") is the rule's list and stays.
_RESTATEMENT = re.compile(
    r"\(\s*(?:i\.?\s?e\.?|that\s+is|in\s+other\s+words|meaning)\s*,?\s+(?P<inner>[^()]*)\)"
    r"|(?:[,;]|\s[\u2013\u2014-])\s*(?:i\.?\s?e\.?|that\s+is(?:\s+to\s+say)?|in\s+other\s+words|which\s+means|meaning)\s*,?\s+"
    r"(?P<tail>(?:e\.g\.|[^.;])*)(?:[.;](?=\s|$)|$)"
    # "... ROS1 rearrangement - subjects for whom an approved targeted therapy exists cannot be included": a dash, then
    # whom the rule is about in other words, with no "i.e." (the dash was read as a condition on those patients)
    r"|\s[\u2013\u2014-]\s+(?P<dash>(?:patients|subjects|participants|those|people|individuals)\s+(?:for\s+whom|who"
    r"|whose|that|eligible\s+for|candidates?\s+for)\b(?:e\.g\.|[^.;])*)(?:[.;](?=\s|$)|$)",
    re.I,
)


def _without_restatement(sentence: str) -> str:
    """The sentence without an explanation that names no marker (see _RESTATEMENT)."""
    for match in _RESTATEMENT.finditer(sentence):
        said = next(match.group(g) for g in ("inner", "tail", "dash") if match.group(g) is not None)
        if any(t.type in ANCHORS for t in tokens(normalise(said))):
            continue
        head = sentence[:match.start()]
        if not any(t.type in ANCHORS for t in tokens(normalise(head))):
            continue  # the explanation is of something else than a marker rule
        return f"{head.rstrip(' ,')}{'' if match.group('inner') is not None else '.'} {sentence[match.end():]}".strip()
    return sentence


# "An exception to this is NSCLC patients with PD-L1 TPS 1-49% who may enter Cohort C3", "..., except that patients
# with PD-L1 < 1% may join the chemotherapy cohort": the exception opens one more way in for the group it names; its
# marker is no rule for anyone else. Only the text before the exception word is read. Bounded window, no nesting.
# "Exception: patients with ROS1-rearranged NSCLC who had CNS-only progression on crizotinib are eligible", "As an
# exception, ... remain eligible": the plain "are eligible" of the excepted group is such a way in too.
_EXCEPTION_ENTRY = guarded(
    r"\b(?:(?:an?|the)\s+(?:only\s+)?exception\b|exceptions?\s*:|as\s+an\s+exception\b|except\s+that\b)"
    r"[^.;]{0,220}?\b(?:(?:may|can|could|will\s+be\s+(?:allowed|permitted)\s+to|are\s+(?:allowed|permitted)\s+to)\s+"
    r"(?:also\s+)?(?:enter|join|enrol\w*|participate|be\s+(?:enrolled|included|eligible|allowed|considered|assigned))"
    r"|(?:is|are|remains?)\s+(?:also\s+|still\s+)?(?:eligible|allowed|permitted|included|accepted))\b",
    re.I,
)
_GERMLINE = guarded(r"\b(?:germ-?line|inherited|hereditary|heritable)\b", re.I)
# "an alteration for which NO approved targeted therapy is available": the drug's absence is the point, and whether
# a profile's change has a drug is not what "actionable" reads then. Bounded windows, no nested repeats.
_NO_TARGETED_DRUG = re.compile(
    r"\bfor which\s+(?:there\s+(?:is|are|exists?)\s+)?(?:no|none)\b"
    r"|\b(?:no|without(?:\s+an?)?)\s+(?:[\w-]+\s+){0,3}?(?:targeted|approved|available|matched)\s+"
    r"(?:therap|treatment|agent|drug|option|medicine)"
    r"|\b(?:is|are|has|have)\s+(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:available|approved|indicated|exist)"
    r"|\bnot\s+(?:amenable|eligible)\s+(?:to|for)\s+(?:an?\s+)?(?:approved\s+)?targeted|\bunavailable\b",
    re.I,
)
def _label_names_markers(scope: Scope, text: str) -> bool:
    """Does the criterion open with its labelled group's own name, markers in its bracket ("Cohort 2 (KRAS G12C-mutant
    NSCLC) after sotorasib", "Arm B (EGFR wild-type), ...")? Then the markers are who the group is for."""
    return (scope.kind in {"part", "phase", "cohort", "arm"} and "(" in scope.label
            and text.lstrip(" *-\u2022").lower().startswith(scope.label.lower()))


# A sentence about markers or their testing (so a "no test needed" waiver is about them, not a pregnancy test).
_MARKER_CONTEXT = re.compile(
    r"\b(?:mutation\w*|mutational|genetic|genomic|molecular|biomarkers?|genes?|driver|alterations?|EGFR|ALK|ROS1|KRAS"
    r"|BRAF|MET|RET|HER2|NTRK|PD-?L1|NGS)\b",
    re.I,
)


_BROAD_KINDS = frozenset({"any", "mutation", "alteration", "fusion"})
# "EGFR mutations include activating and acquired resistance mutations", "Eligible HER2 alterations may include
# ...": what an earlier sentence's requirement counts, not a rule of its own. "... include only ..." narrows it.
_DEFINING = re.compile(
    r"^\W*(?:(?:the\s+)?(?:eligible|qualifying|permitted|allowed|accepted)\s+)?(?:[\w/()+-]+\s+){1,3}?"
    r"(?:mutations?|alterations?|aberrations?|variants?|rearrangements?|fusions?)\s+(?:may\s+|can\s+|will\s+)?"
    r"(?:also\s+)?includes?\b(?![^.;]*\bonly\b)",
    re.I,
)


def _alt_genes(clause: dict[str, Any]) -> set[str]:
    return {a["gene"] for a in clause["atoms"] if a["t"] == "alt"}


def _widens_earlier(clauses: list[dict[str, Any]], found: list[dict[str, Any]], clause: dict[str, Any],
                    sentence: str) -> bool:
    """A sentence that says what an earlier requirement counts ("EGFR mutations include acquired resistance
    mutations", in the same bullet or the next) adds its changes to that requirement as alternatives; True when it
    did. With no earlier requirement on the gene, the sentence is a rule of its own. The earlier ones are the
    trial's `clauses` then this criterion's `found`: two lists, not one joined copy per statement."""
    if clause["mode"] != "require" or not _DEFINING.match(sentence):
        return False
    genes = _alt_genes(clause)
    earlier = next((c for c in chain(reversed(found), reversed(clauses)) if c["mode"] == "require"
                    and c["evidence"] != clause["evidence"] and c["cohorts"] == clause["cohorts"]
                    and genes & _alt_genes(c)), None)
    if not genes or earlier is None:
        return False
    earlier["atoms"].extend(a for a in clause["atoms"] if a not in earlier["atoms"])
    return True


def _widens_earlier_pdl1(clauses: list[dict[str, Any]], found: list[dict[str, Any]], clause: dict[str, Any]) -> bool:
    """A PD-L1 level a permission lets in ("Participants with TPS < 1% are eligible", pdl1.permitted_level) is one
    more way into the nearest earlier PD-L1 requirement of the same groups: its atoms join that clause's alternatives.
    True when it did; with no such requirement the caller keeps the sentence as a question."""
    earlier = next((c for c in chain(reversed(found), reversed(clauses)) if c["mode"] == "require"
                    and c["evidence"] != clause["evidence"] and c["cohorts"] == clause["cohorts"]
                    and all(a["t"] == "pdl1" for a in c["atoms"])), None)
    if earlier is None:
        return False
    # a level already inside one of the requirement's ranges ("< 1%" beside "< 50%") adds nothing to say
    earlier["atoms"].extend(a for a in clause["atoms"] if not any(_within(a, b) for b in earlier["atoms"]))
    return True


def _within(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Is PD-L1 range a inside range b (same scale)? Bounds absent are open."""
    if a.get("scale") != b.get("scale") or a.get("known") or b.get("known"):
        return a == b
    lo_a, lo_b, hi_a, hi_b = a.get("lo"), b.get("lo"), a.get("hi"), b.get("hi")
    low_ok = lo_b is None or (lo_a is not None and (lo_a > lo_b or (
        lo_a == lo_b and (b.get("lo_incl", True) or not a.get("lo_incl", True)))))
    high_ok = hi_b is None or (hi_a is not None and (hi_a < hi_b or (
        hi_a == hi_b and (b.get("hi_incl", False) or not a.get("hi_incl", False)))))
    return low_ok and high_ok


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (a["t"] == b["t"] == "alt" and a["gene"] == b["gene"]
            and (a["kind"] == b["kind"] or (a["kind"] in _BROAD_KINDS and b["kind"] in _BROAD_KINDS)))


def _drop_both_ways(statements: list[Statement]) -> list[Statement]:
    """"EGFR-mutant (cohort A) or EGFR wild-type (cohort B)" in one sentence names two populations:
    a gene said to be both present and absent is no rule at all."""
    present = [a for s in statements if s.polarity == "+" for a in s.atoms]
    absent = [a for s in statements if s.polarity == "-" for a in s.atoms]
    if not present or not absent:
        return statements
    if any(a["t"] == "driver" and not a.get("hint") for a in present):
        return []  # "driver-negative (EGFR, ALK) NSCLC, or driver-positive after targeted therapy": two populations
    clash = [a for a in present + absent if any(_overlap(a, b) for b in (absent if a in present else present))]
    # "EGFR mutation-negative or EGFR exon 20 insertion": no change at all in a gene, beside one of its changes.
    clash += [b for a in absent if a["t"] == "alt" and a["kind"] in _BROAD_KINDS and not a.get("other")
              for b in present if b["t"] == "alt" and b["gene"] == a["gene"]]
    if not clash:
        return statements
    genes = {a["gene"] for a in clash}
    kept = []
    for statement in statements:
        atoms = [a for a in statement.atoms if a.get("gene") not in genes]
        if atoms:
            kept.append(Statement(statement.polarity, atoms, statement.open, statement.known_only))
    return kept


_OR_UNKNOWN = guarded(
    r"\bor (?:unknown|untested|not tested|not evaluable|unevaluable|undetermined|not available|missing)\b"
    r"|\b(?:unknown|untested|not tested|not evaluable|unevaluable|undetermined)\s+or\b",
    re.I,
)


# "Detection of EGFR mutations will be performed centrally", "(must have confirmed EGFR/ALK mutation status)": the
# trial tests the tumour itself, so "known" there does not let an untested tumour through.
_TEST_DEMANDED = guarded(
    r"\b(?:testing|tests?|detection|status|results?)\b[^.;]{0,80}?\b(?:will\s+be\s+(?:performed|done|tested)|"
    r"(?:performed|done|tested)\s+centrally|(?:is|are)\s+(?:required|mandatory)|must\s+be\s+(?:done|performed|completed))\b"
    r"|\bmust\s+(?:have|be)\s+(?:a\s+|the\s+)?(?:confirmed|documented|known|tested)\b[^.;]{0,60}\bstatus\b"
    # "must have the EGFR mutation status and ALK rearrangement status known before randomization"
    r"|\bmust\s+(?:have|be)\b[^.;]{0,80}\bstatus\b[^.;]{0,40}?\b(?:known|confirmed|documented|determined)\b",
    re.I,
)


# "Part C (NSCLC, drug + chemotherapy): no prior systemic therapy, any PD-L1": a group that says it takes any level.
_ANY_PDL1 = re.compile(r"\b(?:any|all)\s+PD-?L1\b(?!\s*(?:inhibitor|antibod|therap|treatment|agent))"
                       r"|\bregardless\s+of\s+PD-?L1\b", re.I)


def _says_any_pdl1(text: str) -> bool:
    return _ANY_PDL1.search(text) is not None


# "..., no actionable driver required", "no EGFR mutation is needed": the marker is not asked for (not "no marker" asked
# for). "Documentation of EGFR or ALK status not required": no test is asked for. The rest of the sentence is read.
_NO_X_REQUIRED = guarded(
    r"\bno\s+(?:[\w\-/]+\s+){0,5}?(?:is\s+|are\s+)?(?:required|needed|necessary|mandatory)\b", re.I)
_STATUS_NOT_REQUIRED = guarded(
    r"\b(?:status|testing|tests?|documentation|results?|confirmation)\b[^.;,]{0,40}?\s(?:is\s+|are\s+)?not\s+"
    r"(?:required|needed|necessary|mandatory)\b", re.I)


def _before_not_required(sentence: str) -> str:
    """The sentence up to where it says a marker (or its test) is not required."""
    match = _NO_X_REQUIRED.search(sentence)
    if match is not None:
        # "Known EGFR mutation or ALK rearrangement (no further testing needed)": a bracketed note on testing is
        # dropped whole; the ban before it stays as read (an open bracket left behind made it a question).
        return _without_bracket(sentence, match) or sentence[:match.start()].rstrip(" ,;:-")
    match = _STATUS_NOT_REQUIRED.search(sentence)
    if match is not None:
        # "Known EGFR mutation (testing is not mandatory for squamous histology)": the bracket waives the test
        # only (the waiver is read apart, see _waivers); the finding before it is still the rule.
        return _without_bracket(sentence, match) or sentence[:max(0, sentence.rfind(",", 0, match.start()))].rstrip(
            " ,;:-")
    return sentence


def _without_bracket(sentence: str, match: re.Match[str]) -> str | None:
    """The sentence without the open bracket the match stands in; None when it stands in none."""
    opened = sentence.rfind("(", 0, match.start())
    if opened < 0 or ")" in sentence[opened:match.start()]:
        return None
    closed = sentence.find(")", match.end())
    return (sentence[:opened] + (sentence[closed + 1:] if closed >= 0 else "")).strip(" ,;:-")


def _test_demanded(text: str) -> bool:
    return _TEST_DEMANDED.search(text) is not None


def _clause(statement: Statement, section: str, evidence: str, cohorts: list[str], source: str) -> dict[str, Any]:
    in_exclusion = section == "exclusion"
    mode = "forbid" if (statement.polarity == "+") == in_exclusion else "require"
    clause: dict[str, Any] = {
        "mode": mode,
        "atoms": statement.atoms,
        "cohorts": cohorts,
        "evidence": evidence,
        "source": source,
    }
    if statement.open and mode == "require":
        clause["open"] = True
    if statement.doubtful:
        clause["doubtful"] = True
    if statement.known_only and mode == "forbid":
        clause["untested_ok"] = True  # "no known EGFR mutation": an untested tumour has none known
    return clause


def _may_state(norm: str, section: str) -> bool:
    """Could read_sentence or read_pdl1 find a statement in this normalised sentence?

    Every statement needs a gene, alteration, driver or PD-L1 word, or a PD-L1 score name. Most
    sentences that pass the loose mentions_marker have none, and skipping them saves a dozen searches
    each. An inclusion that excludes ("... is exclusionary") is read in parts, so it is always read.
    """
    if names_marker(norm) or names_score(norm):
        return True
    return section == "inclusion" and EXCLUDING_SENTENCE.search(norm) is not None


_T = TypeVar("_T")
_Read = tuple[frozenset[str], list[Statement]]  # carrier genes, statements


def _marker_statements(once: _Once, sentence: str, section: str, listed: bool) -> _Read | None:
    """What one criteria sentence says about markers; None when it sets no marker rule.

    `listed`: the sentence is a sub-bullet (depth > 0), where an early-disease route is one option of a list.
    `once`: the parse's answers, where the sentence's normalised text is shared with the other readings of it."""
    if not mentions_marker(sentence) and not mutant_prefix(sentence):
        return None
    if _LABELLED_CARRIER_RULE.match(sentence) or _ASSAY_FOR_ONLY.match(sentence):
        return None
    sentence, waived = _without_waiver(sentence)
    sentence = _without_restatement(sentence)
    discretion = _discretion_start(sentence) if section == "inclusion" else None
    if discretion is not None and _SCORE_WORD.search(sentence, discretion):  # a PD-L1 level that bends (a gene
        # list's "other alterations may be considered" is a hedge, read by without_other_hedge)
        sentence = sentence[:discretion].rstrip(" ,;")  # the case-by-case way in is no rule
        if not mentions_marker(sentence) and not mutant_prefix(sentence):
            return None
    exception = _EXCEPTION_ENTRY.search(sentence) if section == "inclusion" else None
    if exception is not None:
        sentence = sentence[:exception.start()].rstrip(" ,(-")  # the rule the exception is to, if any
        if not mentions_marker(sentence) and not mutant_prefix(sentence):
            return None
    # "... or HER2 mutations (for other alterations, eligibility is decided case by case)": the named list stands.
    norm, hedged = without_other_hedge(once(normalise, sentence))
    # "EGFR-, ALK- or ROS1-directed therapy is not indicated": the genes hide in a drug class (DRUG in `norm`).
    directed = directed_therapy_statements(sentence, section)
    if not directed and not _may_state(norm, section):
        return None
    if purpose_of(sentence) in _NOT_MARKER_PURPOSES:
        return None  # "toxicity from prior EGFR TKI must have resolved": about recovery, not the tumour
    if once(marker_chooses_treatment, sentence):
        return None  # "prior osimertinib unless the tumour lacked T790M": which treatment, not which tumour
    if listed and EARLY_SETTING.search(sentence):
        return None  # one listed route, for early disease: not a rule on metastatic NSCLC
    genes, scores = read_sentence(norm, section), read_pdl1(norm, section)
    if directed:
        genes = _without_directed(genes, directed, sentence)
    if genes and scores and _or_between_gene_and_score(norm):
        genes, scores = _one_requirement(genes, scores)
    statements = _drop_both_ways([*genes, *scores, *directed])
    if section == "inclusion" and ":" in sentence and once(closed_by_list, sentence):
        drop_closed_class(statements)  # "an EGFR-activating mutation: exon 19 deletion or L858R": the list is the set
    if hedged:
        _other_drivers_in_question(statements)
    excluding = section == "exclusion" or EXCLUDING_SENTENCE.search(norm) is not None or _INELIGIBLE.search(norm)
    if exception is not None or waived or _cut_inside_aside(sentence) or (
            excluding and _ABSENT_SECOND_FINDING.search(sentence)):
        for statement in statements:
            statement.doubtful = True  # the exception's group may pass it another way: a question, never a bar
    return frozenset(carrier_genes(norm)), statements


def _cut_inside_aside(sentence: str) -> bool:
    """"KRAS G12C and BRAF mutations) after the sponsor's agreement.": a piece the sentence split cut inside a bracket,
    here off its start; what the bracket was about (an example list, an allowance) is in the other piece. So too
    "Other drivers may be eligible (i.e.", whose bracket goes on in the next piece (a bracket left open for good,
    a slip of the pen with its words after it, is read as before)."""
    close = sentence.find(")")
    if close >= 0 and "(" not in sentence[:close]:
        return True
    opened = sentence.rfind("(")
    return opened >= 0 and ")" not in sentence[opened:] and len(sentence[opened:].split()) <= 2


def _flat_group_headings(criteria: tuple[Criterion, ...], bullets: list[tuple[str, ...]]) -> set[int]:
    """Bullets that only head the plain bullets after them ("* Part B (first-line cohort) only:" then "* Known EGFR
    mutation ..."): our label for the heading and the shared reader's scope of the bullets name one group."""
    found = set()
    for index, (criterion, labels) in enumerate(zip(criteria, bullets, strict=True)):
        scope = criterion.scope
        if (labels and index + 1 < len(criteria) and criterion.text.rstrip().endswith(":") and scope is not None
                and scope.kind != "condition" and criteria[index + 1].scope == scope and not bullets[index + 1]):
            found.add(index)
    return found


_FOR_WHICH_WORDS = re.compile(r"\bfor\s+(?:which|whom)\b", re.I)


def _without_directed(genes: list[Statement], directed: list[Statement], sentence: str) -> list[Statement]:
    """The gene statements left beside a directed-therapy reading: its genes are read there ("therapy directed at
    ROS1 or BRAF is not indicated" is no requirement for them), and "an alteration for which EGFR inhibitors are
    indicated" names EGFR, not every actionable driver."""
    named = {a["gene"] for s in directed for a in s.atoms}
    drivers = _FOR_WHICH_WORDS.search(sentence) is not None
    kept = []
    for statement in genes:
        atoms = [a for a in statement.atoms if a.get("gene") not in named and not (drivers and a["t"] == "driver")]
        if atoms:
            kept.append(Statement(statement.polarity, atoms, statement.open, statement.known_only))
    return kept


# What may stand between a gene's finding and a PD-L1 level joined to it by "or" ("EGFR mutation, or a high PD-L1").
_OR_FILLER = frozenset({"or", "and/or", "a", "an", "with", "having", "high", "higher", "strong", "tumor", "tumour",
                        "positive", "expression", "level", "levels", "score"})
_OR_WORD = re.compile(r"\bor\b", re.I)
_AND_WORD = re.compile(r"\band\b(?!/or)|\bas well as\b|\bboth\b", re.I)


def _or_between_gene_and_score(norm: str) -> bool:
    """"EGFR mutation, or PD-L1 TPS >= 50%", "PD-L1 >= 50% or EGFR/ALK positive": a gene and a PD-L1 level are
    alternatives of one requirement, not two requirements. Read where the gene phrase meets the PD-L1 name."""
    toks = tokens(norm)
    score = score_span(norm)  # the PD-L1 word, or a bare score name ("TPS 1% or more, or KRAS G12C")
    if score is None:
        return False
    start, end = score
    before = [t for t in toks if t.end <= start and (
        t.type in {"gene", "alt", "kind", "postneg"} or t.type == "posmark" and t.word.lower() in _POSITIVE)]
    if before:
        gap = _SEMICOLON_OR.sub(" ", norm[before[-1].end: start])
        return (len(gap) <= 40 and not _STOP.search(gap) and _OR_WORD.search(gap) is not None
                and all(w in _OR_FILLER for w in words(gap)))
    after = next((t for t in toks if t.start >= end and t.type in _GENE_PHRASE), None)
    if after is None:
        return False
    gap = _LEVEL_OR.sub(" ", _SEMICOLON_OR.sub(" ", norm[end: after.start]))  # "1% or more": the level's own "or"
    last_or = max(_OR_WORD.finditer(gap), key=lambda m: m.start(), default=None)
    # The gene phrase may open with its kind: "... or a sensitising EGFR mutation", "... or an activating ...".
    kinds = {t.word.lower() for t in toks if t.type == "kind" and end <= t.start < after.start}
    return (len(gap) <= 60 and not _STOP.search(gap) and last_or is not None and _AND_WORD.search(gap) is None
            and all(w in _OR_TAIL or w in kinds for w in words(gap[last_or.end():])))


_STOP = re.compile(r"[.;:]")
_SEMICOLON_OR = re.compile(r"[;；]\s*(?=(?:and/)?or\b)")  # "PD-L1 >= 50%; or EGFR mutation" goes on with "or"
_GENE_PHRASE = frozenset({"gene", "alt", "driver"})
_LEVEL_OR = re.compile(r"\bor\s+(?:more|greater|higher|above|over|less|lower|below|fewer)\b", re.I)
# After the "or" that turns from a PD-L1 level to a gene: "... or (a tumour harbouring a known) EGFR mutation".
_OR_TAIL = _OR_FILLER | frozenset({"known", "documented", "confirmed", "harbouring", "harboring", "carrying", "has",
                                   "have", "having", "the", "of", "in"})
_POSITIVE = frozenset({"positive", "positivity", "+", "mutated", "mutant"})  # not "with", "harbouring"


def _one_requirement(genes: list[Statement], scores: list[Statement]) -> tuple[list[Statement], list[Statement]]:
    """Gene and PD-L1 statements joined by "or": their required atoms become one requirement met by either. Where a
    side says absent ("EGFR wild-type or PD-L1 >= 50%") the clauses cannot say "either": each is only a question."""
    present = [s for s in [*genes, *scores] if s.polarity == "+"]
    if len(present) == len(genes) + len(scores):
        joined = Statement("+", [a for s in present for a in s.atoms], open=any(s.open for s in present))
        return [joined], []
    for statement in [*genes, *scores]:
        statement.doubtful = True
    return genes, scores


def _other_drivers_in_question(statements: list[Statement]) -> None:
    """A named list with "(other alterations: case by case)": a driver it does not name is a question, never a
    verdict (a vague atom is at most MAYBE), so it neither shuts a patient out nor lets one in."""
    for statement in statements:
        if any(a["t"] == "alt" for a in statement.atoms):
            statement.atoms.append({"t": "driver", "class": "driver", "vague": True, "hedge": True})


class _Once:
    """Each helper's answer once per distinct arguments, within one trial's text: a long text repeats its
    bullets and sentences (the same rule under several cohorts or parts). Per parse, not module-wide, so
    memory stays bounded and every parse does its own work. Answers are shared: immutable, or copied."""

    def __init__(self) -> None:
        self._answers: dict[tuple[Any, ...], Any] = {}

    def __call__(self, helper: Callable[..., _T], *args: Any) -> _T:
        key = (helper, *args)
        # One dict lookup on a hit (most calls), not two: the key is hashed anew on every lookup.
        answer = self._answers.get(key, _UNSEEN)
        if answer is _UNSEEN:
            answer = self._answers[key] = helper(*args)
        return answer  # type: ignore[no-any-return]


_UNSEEN = object()  # no answer yet (None is an answer)


def _statements_copy(once: _Once, sentence: str, section: str, listed: bool) -> _Read | None:
    """_marker_statements through `once`, with statements the caller may change (their atoms are edited later)."""
    read = once(_marker_statements, once, sentence, section, listed)
    return None if read is None else (read[0], _copied(read[1]))


_STATEMENT_FIELDS = frozenset(field.name for field in fields(Statement))
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _copied(statements: list[Statement]) -> list[Statement]:
    """copy.deepcopy(statements), built directly for their usual shape (atoms are dicts of plain values): deepcopy's
    generic walk cost more than the read it copies. Whatever is shared stays shared (an atom in two statements, as a
    fresh read leaves it); any other shape goes to deepcopy itself."""
    memo: dict[int, Any] = {}
    out: list[Statement] = []
    for statement in statements:
        done = memo.get(id(statement))
        if done is None:
            if type(statement) is not Statement or vars(statement).keys() != _STATEMENT_FIELDS:
                return copy.deepcopy(statements)
            atoms = memo.get(id(statement.atoms))
            if atoms is None:
                atoms = []
                for atom in statement.atoms:
                    new = memo.get(id(atom))
                    if new is None:
                        if type(atom) is not dict or not all(type(v) in _SCALARS for v in atom.values()):
                            return copy.deepcopy(statements)
                        new = memo[id(atom)] = dict(atom)
                    atoms.append(new)
                memo[id(statement.atoms)] = atoms
            done = memo[id(statement)] = Statement(statement.polarity, atoms, statement.open, statement.known_only,
                                                   statement.doubtful)
        out.append(done)
    return out


# "EGFR-mutant NSCLC ... and acquired EGFR C797S", "EGFR exon 19 deletion or L858R whose tumour acquired MET
# amplification": the acquired change is asked for BESIDE the primary one, not as another way in (read together, the
# two were one list of alternatives, so any EGFR mutation passed).
_ACQUIRED_AFTER = re.compile(
    r"\b(?:and|with|plus|who\s+(?:have|has)|whose\s+(?:tumou?rs?|cancers?|disease)(?:\s+(?:has|have))?)\s+"
    r"(?:(?:an?|the)\s+)?(?:(?:newly|subsequently|then|later)\s+)?acquired\b",
    re.I,
)


# "EGFR mutation (ex19del or L858R) and MET amplification detected after an EGFR TKI", "ALK fusion with MET
# amplification identified at progression on alectinib": the same, without the word "acquired" - the second change
# is the one found after the drug. Bounded, no nested repeats.
_FOUND_AFTER = re.compile(
    r"\b(?:and|with|plus)\s+(?P<tail>(?:(?!\b(?:and|with|plus)\b)[^;:.()\[\]]){3,80}?)\s+"
    r"(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?"
    r"(?:(?:detected|identified|found|confirmed|documented|demonstrated|observed|emerging|emerged|developed|arising"
    r"|present)\s+)?(?:after|following|upon|post|at\s+(?:the\s+time\s+of\s+)?(?:disease\s+)?progression"
    r"|on\s+progression)\b",
    re.I,
)
_FOUND_AFTER_GUARD = guarded(r"\b(?:after|following|upon|post|progression)\b", re.I)


# "EGFR exon 19 deletion with a co-occurring MET amplification", "ALK fusion and a concurrent KRAS mutation": a second
# change found beside the first, now, asked for with it. Not "with or without a co-occurring ..." (no "with" right
# before the word) nor "alone or with a concomitant ..." (either way is allowed: see COOCCURRENCE).
_BESIDE_AFTER = guarded(
    r"(?<!\balone or )(?<!\bor )\b(?:with|plus|and)\s+(?:(?:an?|the)\s+)?"
    r"(?:co-?occurring|concurrent|concomitant|coexisting|co-existing|coexistent|co-existent|accompanying|simultaneous)\s+",
    re.I,
)


# "EGFR mutation and alterations in both TP53 and RB1", "KRAS G12C with loss of both STK11 and KEAP1", "ALK fusion
# plus mutations of both TP53 and CDKN2A": a second requirement joined to the first by "both", not another way in.
_BOTH_AFTER = guarded(
    r"(?<!\bor )\b(?:and|with|plus)\s+(?=(?:(?:an?|the|have|has|having)\s+)?(?:(?:[\w-]+\s+){1,2}"
    r"(?:in|of|for|affecting)\s+)?both\b)",
    re.I,
)


def _acquired_apart(once: _Once, sentence: str, listed: bool) -> _Read | None:
    """The primary change and the acquired one as two requirements. Whether a treated patient's tumour has since
    acquired the change is a question (a profile seldom says when it was tested): the acquired one is doubtful. A
    change said to occur beside the first (_BESIDE_AFTER) is asked for as plainly as the first."""
    beside = _BESIDE_AFTER.search(sentence) if "co" in sentence.lower() or "accompan" in sentence.lower() else None
    if beside is None and "both" in sentence.lower():
        beside = _BOTH_AFTER.search(sentence)
    if beside is not None and (apart := _apart(once, sentence[:beside.start()], sentence[beside.end():], listed,
                                               sure_tail=True)) is not None:
        return apart
    if "both" in sentence.lower() and (pair := _both_pair(once, sentence, listed)) is not None:
        return pair  # "Tumours with mutations in both KEAP1 and KRAS": no first change before the pair
    if beside is not None:
        return None
    match = _ACQUIRED_AFTER.search(sentence) if "cquired" in sentence else None
    if match is not None:
        return _apart(once, sentence[:match.start()], sentence[match.end():], listed)
    found = _FOUND_AFTER.search(sentence) if _FOUND_AFTER_GUARD.search(sentence) else None
    if found is not None:
        return _apart(once, sentence[:found.start()], found.group("tail"), listed, resistance_only=True)
    return _found_later(once, sentence, listed)


# "MET amplification detected after progression on an EGFR TKI", "acquired resistance to osimertinib with MET
# amplification", "MET amplification as the mechanism of resistance": a change found after a targeted drug. A profile
# seldom says when a gene was tested, so "tested negative" does not settle it.
_LATER_CUE = guarded(
    r"\b(?:after|following|upon|at|on)\s+(?:(?:the\s+time\s+of\s+)?(?:disease\s+)?progression\s+(?:on|to|after|with)\s+)?"
    r"(?:(?:prior|previous|an?|the|first|second|third|[\w-]+generation)\s+){0,3}"
    r"(?:(?:[A-Za-z0-9]+[\s-])?(?:TKIs?|inhibitors?)|[a-z]{3,}inib|targeted)\b"
    r"|\bresistance\s+(?:to|mechanisms?)\b|\bmechanisms?\s+of\s+resistance\b|\bacquired\b",
    re.I,
)


def _found_later(once: _Once, sentence: str, listed: bool) -> _Read | None:
    """Every change the sentence asks for is one found after a targeted drug: each is doubtful."""
    if not _LATER_CUE.search(sentence):
        return None
    read = _statements_copy(once, sentence, "inclusion", listed)
    if not read or not read[1] or any(s.polarity != "+" for s in read[1]):
        return None
    if not all(a.get("t") == "alt" and a.get("kind") in _BYPASS_KINDS for s in read[1] for a in s.atoms):
        return None
    for statement in read[1]:
        statement.doubtful = True
    return read


# Changes a tumour acquires under a targeted drug: "EGFR mutation and ALK fusion after TKI" is two groups, not one.
_RESISTANCE_KINDS = frozenset({"amplification", "overexpression", "expression", "acquired", "T790M", "C797S"})
# Alone, only a bypass gene's copies or protein: a profile lists EGFR's own changes, but MET or HER2 copies are
# mostly tested once, at diagnosis ("acquired EGFR C797S" alone still binds as before).
_BYPASS_KINDS = frozenset({"amplification", "overexpression", "expression"})


# "Loss of both RB1 and TP53", "mutations in both KEAP1 and KRAS", "Both KRAS and STK11 mutations": two genes that
# must both be changed, each its own requirement (not "either"). The pair shares the words around it. Not "both are
# allowed", nor a list of three ("both A and B or C" is left as it was).
_BOTH_PAIR = guarded(
    r"\bboth\s+(?:the\s+)?(?P<a>[A-Za-z][\w-]*\d[\w-]*|[A-Z][A-Z0-9-]{1,9})\s+(?:and|&)\s+(?!/)"
    r"(?P<b>[A-Za-z][\w-]*\d[\w-]*|[A-Z][A-Z0-9-]{1,9})\b(?!\s*(?:/|or\b|and\b|,\s*(?:and|or)\b))",
    re.I,
)


def _both_pair(once: _Once, sentence: str, listed: bool) -> _Read | None:
    """Each gene of "both A and B" as a requirement of its own, with the words around the pair. A gene the
    vocabulary does not know (RB1) is a question of its own, so a carrier of the other one is not let in on it."""
    pair = _BOTH_PAIR.search(sentence)
    if pair is None or pair.group("a").lower() == pair.group("b").lower():
        return None
    head, tail = sentence[:pair.start()], sentence[pair.end():]
    # An aside naming the pair again ("(KRAS-mut/KEAP1-mut)", ", such as KRAS G12C with STK11 loss") would put the
    # other gene back on each side: the tail ends before it.
    again = re.search(rf"\b(?:{re.escape(pair.group('a'))}|{re.escape(pair.group('b'))})\b", tail, re.I)
    if again is not None:
        tail = tail[:max(tail.rfind(mark, 0, again.start()) for mark in "(,;[")] if any(
            mark in tail[:again.start()] for mark in "(,;[") else tail[:again.start()]
    sides = [f"{head}{pair.group(name)}{tail}" for name in ("a", "b")]
    reads = [_statements_copy(once, side, "inclusion", listed) for side in sides]
    statements: list[Statement] = []
    carriers: frozenset[str] = frozenset()
    for side, read in zip(sides, reads, strict=True):
        if read is not None and read[1]:
            if any(s.polarity != "+" for s in read[1]):
                return None
            carriers |= read[0]
            statements.extend(read[1])
        elif name := once(unknown_marker_asked, side):
            statements.append(Statement("+", [{"t": "hla", "name": name}]))
        else:
            return None
    if not any(a["t"] != "hla" for s in statements for a in s.atoms):
        return None  # neither gene known: the sentence's own reading (a question) stands
    return carriers, statements


def _apart(once: _Once, before: str, after: str, listed: bool, resistance_only: bool = False,
           sure_tail: bool = False) -> _Read | None:
    head = _statements_copy(once, before, "inclusion", listed)
    tail = _statements_copy(once, after, "inclusion", listed)  # "MET amplification", not any
    if not head or not tail or not head[1] or not tail[1]:
        return None
    if resistance_only and not all(a.get("t") == "alt" and a.get("kind") in _RESISTANCE_KINDS
                                   for statement in tail[1] for a in statement.atoms):
        return None
    if any(s.polarity != "+" for s in (*head[1], *tail[1])):
        return None
    for statement in tail[1]:
        statement.doubtful = statement.doubtful or not sure_tail
    return head[0] | tail[0], [*head[1], *tail[1]]


def _immunotherapy_alone(sentence: str) -> bool:
    return IMMUNOTHERAPY_ALONE_STANDARD.search(sentence) is not None


def _unspecified_markers(text: str) -> bool:
    return UNSPECIFIED_MARKERS.search(text) is not None


def _waivers(text: str) -> tuple[bool, bool, bool]:
    """A criterion's test waivers: (squamous tumours need no test, no test needed, that one is about markers)."""
    squamous = no_test = marker_context = False
    # Sentences are parts of the criterion: where neither waiver can match in it, none matches in them.
    for sentence in sentences(text) if _WAIVERS.possible(text) else ():
        if _SQUAMOUS_UNTESTED_OK.search(sentence):
            squamous = True  # a waiver for one histology only
        elif _NO_TEST_NEEDED.search(sentence):
            no_test = True
            marker_context = marker_context or bool(_MARKER_CONTEXT.search(sentence))
    return squamous, no_test, marker_context


def _pdl1_waiver_only(text: str) -> bool:
    """Does the criterion's waiver name PD-L1 and no gene or driver ("tissue for PD-L1 testing; a result is not
    required")? Then it waives the PD-L1 test alone: a gene test the trial asks for elsewhere still counts."""
    named = {m.group(0).upper().replace("-", "") for m in _MARKER_CONTEXT.finditer(text)}
    return named == {"PDL1"}


@dataclass
class _Trial:
    """What criteria_clauses knows of the whole trial before it reads a criterion: the same for every criterion."""

    criteria: tuple[Criterion, ...]
    whole: str | None
    nsclc_only: str | None
    lung_named: bool  # "other solid tumours with X" then means tumours other than lung cancer
    own_whole: list[str] | None
    flat_heads: set[int]
    sole: str | None
    marked_groups: set[tuple[str, str]]
    parts: frozenset[str]
    # A part a bare heading names, to the cohorts listed under it (groups.heading_parts)
    heading_parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    demanded: bool | None = None  # does any criterion have the tumour tested (see _TEST_DEMANDED)? Asked lazily

    def within_parts(self, labels: Sequence[str]) -> tuple[str, ...]:
        """The labels with a part named by a bare heading put as the cohorts under it."""
        return tuple(dict.fromkeys(g for label in labels for g in self.heading_parts.get(label, (label,))))

    def tests_itself(self, once: _Once) -> bool:
        if self.demanded is None:
            self.demanded = any(once(_test_demanded, c.text) for c in self.criteria)
        return self.demanded


@dataclass
class _CriterionRead:
    """One criterion's clauses, and what it adds to the trial-wide facts, for criteria_clauses to merge in order."""

    found: list[dict[str, Any]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # cohort names in the order met (repeats merged away)
    foreign: set[str] = field(default_factory=set)
    histologies: list[tuple[str, list[str]]] = field(default_factory=list)  # first one per label counts
    scoped: list[str] = field(default_factory=list)
    carriers: set[str] = field(default_factory=set)
    conditions: list[tuple[set[str], dict[str, Any] | None]] = field(default_factory=list)  # see _note_condition
    waived: list[str] = field(default_factory=list)
    untested_ok: bool = False
    pdl1_untested_ok: bool = False
    squamous_untested_ok: bool = False
    # False when its reading looked at earlier criteria's clauses (a sentence saying what a requirement includes):
    # then a repeat is read again, never copied.
    repeatable: bool = True

    def again(self) -> _CriterionRead:
        """A repeat's reading: its own clauses (later readings edit clauses), the rest shared (never edited). Most
        criteria give no clause: then the reading itself."""
        if not self.found:
            return self
        twin = copy.copy(self)
        twin.found = _fresh(self.found, {})
        return twin


def _fresh(value: Any, memo: dict[int, Any]) -> Any:
    """copy.deepcopy for clauses (dicts, lists and plain values; what is shared stays shared), without its generic
    walk; any other container goes to deepcopy."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    done = memo.get(id(value))
    if done is not None:
        return done
    if kind is dict:
        copied: dict[Any, Any] = {}
        memo[id(value)] = copied
        for key, item in value.items():
            copied[key] = _fresh(item, memo)
        return copied
    if kind is list:
        items: list[Any] = []
        memo[id(value)] = items
        items.extend(_fresh(item, memo) for item in value)
        return items
    done = memo[id(value)] = copy.deepcopy(value)
    return done


def criteria_clauses(text: TrialText) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Clauses from the eligibility criteria, and trial-wide facts (cohort names, waived cohorts, flags)."""
    clauses: list[dict[str, Any]] = []
    labels: list[str] = []
    waived: list[str] = []
    untested_ok = pdl1_untested_ok = False
    squamous_untested_ok = False
    carriers: set[str] = set()
    # Per gene a carrier rule names, the treatment it asks for (None: one we could not read whole).
    conditions: dict[str, dict[str, Any] | None] = {}
    foreign: set[str] = set()  # cohorts for another cancer: no way in for an NSCLC patient
    scoped: list[str] = []  # groups only the shared reader named (see unseen_group)
    once = _Once()
    bullet_cohorts = [once(bullet_labels, c.text, c.parent) for c in text.criteria]
    flat_bans = _flat_banned_items(text.criteria)
    trial = _Trial(text.criteria, whole_trial_scope(text.criteria), _only_nsclc_group(text), _names_lung(text),
                   whole_trial_labels(bullet_cohorts), _flat_group_headings(text.criteria, bullet_cohorts),
                   _sole_patient_group(once, text.criteria),
                   set().union(*(once(group_ids, said) for said in dict.fromkeys(c.text for c in text.criteria))),
                   trial_parts(text.criteria, bullet_cohorts))
    headings = bare_headings(text.criteria, bullet_cohorts)
    trial.heading_parts = heading_parts(text.criteria, bullet_cohorts, headings)
    if trial.heading_parts:
        # "Phase 2 cohorts:" over Cohorts 2A-2C, later "Phase 2: measurable lesion": that line is the cohorts' rule
        bullet_cohorts = [trial.within_parts(own) for own in bullet_cohorts]
    cohort_histologies: dict[str, list[str]] = {}  # a group that takes one histology only (see cohort_histology)
    found_at: dict[int, list[dict[str, Any]]] = {}  # each criterion's clauses, for lead-ins over lists (below)
    # A long text repeats its bullets (the same rule under several cohorts or parts): a criterion met again where
    # all its reading depends on is the same is not read again; its clauses are a copy of the first reading's.
    readings: dict[tuple[Any, ...], _CriterionRead] = {}
    # Only a text met twice can be met again: the others are read without a key or a copy (one trial alone, as a
    # sync parses it, repeats few).
    repeated = {said for said, times in Counter(c.text for c in text.criteria).items() if times > 1}
    # "No actionable driver: ..." beside "Actionable driver (EGFR, ALK): ..." under "..., by subgroup:": the names
    # split every patient between two groups, so they ask for no marker; each group's rule is what follows its name.
    split_heads = complementary_heads(text.criteria)
    for position, (criterion, bullet) in enumerate(zip(text.criteria, bullet_cohorts, strict=True)):
        if position in headings:
            continue  # "Phase 2:" over labelled cohorts: those cohorts, not one more group (groups.bare_headings)
        key = (criterion.text, criterion.section, criterion.depth, criterion.parent, criterion.scope, bullet,
               position in trial.flat_heads, position in flat_bans, position in split_heads) \
            if criterion.text in repeated else None
        first = readings.get(key) if key is not None else None
        if first is not None:
            read = first.again()
        else:
            read = _read_criterion(trial, once, replace(criterion, text=split_heads[position])
                                   if position in split_heads else criterion, bullet, position in trial.flat_heads,
                                   position in flat_bans, clauses)
            if key is not None and read.repeatable:
                readings[key] = read.again()  # as read now: later criteria may edit these clauses
        labels.extend(c for c in read.labels if c not in labels)
        foreign |= read.foreign
        for label, histology in read.histologies:
            cohort_histologies.setdefault(label, histology)
        scoped.extend(read.scoped)
        carriers |= read.carriers
        for genes, condition in read.conditions:
            _note_condition(conditions, genes, condition)
        waived.extend(read.waived)
        untested_ok = untested_ok or read.untested_ok
        pdl1_untested_ok = pdl1_untested_ok or read.pdl1_untested_ok
        squamous_untested_ok = squamous_untested_ok or read.squamous_untested_ok
        clauses.extend(read.found)
        found_at[position] = read.found
    # "NSCLC with MET alterations, as described in the protocol: * ... * ...": the list is the rule, not its lead-in.
    umbrellas = umbrella_clauses(text.criteria, found_at)
    if umbrellas:
        clauses = [clause for clause in clauses if id(clause) not in umbrellas]
    deferred = _deferred_to_groups(text.criteria, found_at, clauses)
    if deferred:
        clauses = [clause for clause in clauses if id(clause) not in deferred]
    carried = {c for clause in clauses for c in clause["cohorts"]}
    labels = [label for label in labels if label not in foreign or label in carried]
    facts = {"labels": labels, "waived": waived, "untested_ok": untested_ok, "pdl1_untested_ok": pdl1_untested_ok,
             "foreign": sorted(foreign - set(labels)),
             "unseen": [group for group in dict.fromkeys(scoped) if group not in carried],
             "headings": [text.criteria[position].text for position in sorted(headings)],
             "squamous_untested_ok": squamous_untested_ok, "carriers": carriers, "conditions": conditions,
             "cohort_histologies": cohort_histologies}
    return clauses, facts


def _read_criterion(trial: _Trial, once: _Once, criterion: Criterion, bullet: tuple[str, ...], flat_head: bool,
                    flat_ban: bool, clauses: list[dict[str, Any]]) -> _CriterionRead:
    """One criterion's clauses and facts (see criteria_clauses). `clauses`: the trial's clauses so far, which a
    sentence saying what an earlier requirement includes adds to (_widens_earlier)."""
    out = _CriterionRead()
    cohorts = list(bullet)
    if cohorts == trial.own_whole:
        cohorts = []  # the heading over every criterion is the trial itself
    scope = criterion.scope
    # "X (Phase 1 and Cohorts A, B) or Y (Cohort C)": the tags cover every part, so the rule is trial-wide.
    covered = not cohorts and once(tags_cover_every_part, criterion.text, trial.parts)
    if covered:
        scope = None
    if (scope is not None and scope.drivers and criterion.section == "exclusion"
            and once(_class_then_examples, criterion.text)):
        scope = None  # "Tumours harbouring a targetable driver ...: EGFR, ALK ...": what is excluded, not a group
    if flat_head and scope is not None:
        cohorts = [scope_label(scope)]  # one group with its rules, not a second cohort with none
    if scope is not None and scope.other_disease:
        # another cancer's cohort: none of it binds an NSCLC patient. A group with no label ("Head and neck
        # cancer cohort:", "Oesophageal cancer:") is named by the shared reader's label.
        out.foreign.update(cohorts or ([scope_label(scope)] if scope.kind != "condition" else []))
        return out
    out.labels.extend(cohorts)
    if cohorts and criterion.section == "inclusion":
        own_histology = once(cohort_histology, criterion.text)
        if own_histology is not None:
            for label in cohorts:
                out.histologies.append((label, own_histology))  # "Cohort 1: squamous NSCLC. ..."
    if (not cohorts and scope is not None and (scope.kind != "condition" or scope.drivers)
            and scope.label != trial.whole and scope.label != trial.nsclc_only
            and criterion.text != trial.sole  # the only patients' group is the trial's
            and not (scope.kind == "cohort" and once(_nsclc_as_such, scope.label))):
        if once(no_patient_group, criterion.text):
            return out  # "Healthy controls (Group 2)": nothing of that group binds, or admits, a patient
        # A part or arm only the shared reader named: its marker rules bind that part alone. It opens no
        # cohort by itself (its name may join several of ours: "Phase 2 and Phase 3"). A group named by a class
        # of drivers ("Subjects with(out) actionable alterations:") is one too: which class a carrier's change is
        # of is read here, so a patient fits it or the group beside it.
        cohorts = [scope_label(scope)]
        if scope.kind != "region" and not scope.genes and not scope.closed:
            out.scoped.append(cohorts[0])
        if scope.drivers or (scope.kind in {"part", "phase", "cohort", "arm"}
                             and once(_says_any_pdl1, criterion.text)):
            out.labels.extend(cohorts)  # a way in even when its rules say no marker
    gene_scope = scope.to_json() if scope is not None and scope.genes and not scope.drivers else None
    if gene_scope and scope is not None and _label_names_markers(scope, criterion.text):
        # "Cohort 1 (EGFR-mutant NSCLC) after osimertinib": the bracket names the group's own way in; the group
        # is no rule on EGFR carriers (that let every other patient pass): its marker is its rule.
        gene_scope = None
    if (cohorts and criterion.parent and not label_at_start(criterion.text)
            and (once(other_cancer_only, criterion.parent) or once(no_patient_group, criterion.parent))):
        out.foreign.update(cohorts)
    section = ("exclusion" if criterion.section == "exclusion" or flat_ban or _banned_item(criterion)
               else "inclusion")
    found: list[dict[str, Any]] = []
    # "PD-L1 TPS >= 50% (patients with EGFR or ALK alterations are excluded)": the note is its own exclusion.
    # "No known EGFR mutation; ALK or ROS1 rearrangement": the semicolon goes on with the negated list.
    # "No EGFR mutation (exon 20 insertions are allowed)": the bracket spares a change of the ban before the notes
    # are taken apart (read apart, the permission is lost and the change banned with the rest).
    # "EGFR wild-type (except exon 20 insertion)": said the way it is read before its bracket is taken apart.
    read_whole = once(permitted_in_ban_spared, once(negative_gene_spelled, criterion.text), section)
    read_whole = (negated_list_rejoined(negative_aside_apart(widening_apart(note_apart(read_whole))))
                  if section == "inclusion" else read_whole)
    if "since" in read_whole or "ecause" in read_whole or " as " in read_whole:
        read_whole = once(rationale_apart, read_whole)  # "..., since these patients are treated with ..."
    # "HER2 positive (... ) (HER2 positivity requirement is excluded in DL1 and DL2)": the bracket is read as a
    # sentence apart, and the rule beside it is waived for some group: a question, never a bar.
    lifted = "requir" in criterion.text.lower() and _without_waiver(criterion.text)[1]
    # "...; patients with no actionable change may be allocated to the durvalumab arm": the rule is one group's.
    lifted = lifted or (section == "inclusion" and once(lacking_group_allowed, criterion.text))
    bent = section == "inclusion" and once(_bends_score, criterion.text)
    for sentence, sentence_labels in once(labelled_sentences, read_whole):
        if "In " in sentence[:6] or "For " in sentence[:6] or "ithin " in sentence[:8] or "mong " in sentence[:8]:
            if once(names_marker_groups_only, sentence):
                continue  # "In the ROS1 cohorts, participants whose only ... may enrol": which groups, no marker
        if "requir" in sentence or "need" in sentence or "necessary" in sentence or "mandatory" in sentence:
            sentence = once(_before_not_required, sentence)
            if not sentence:
                continue
        if "hich" in sentence:  # "genes, for which targeted agents are available ...: ALK, EGFR": why listed
            sentence = once(without_list_reason, sentence)
        if section == "inclusion" and not trial.lung_named and "ther" in sentence:
            # "Endometrial cancer, or any other solid tumour with FGFR2 fusion": an NSCLC patient's way in.
            sentence = once(other_tumours_way_in, sentence) or sentence
        # One list per sentence, as clauses' cohorts (a flat heading's are the shared reader's, set above).
        own_labels = [] if flat_head else list(trial.within_parts(sentence_labels))
        out.labels.extend(own_labels)
        if bool(own_labels or cohorts) and (once(other_cancer_only, sentence) or once(no_patient_group, sentence)):
            out.foreign.update(own_labels or cohorts)  # another cancer's group, or healthy controls
        if section == "inclusion" and once(_immunotherapy_alone, sentence):
            # Immunotherapy alone is the standard only without a targetable driver: a driver is in question.
            found.append({"mode": "forbid", "atoms": [{"t": "driver", "class": "actionable"}],
                          "cohorts": own_labels or cohorts, "evidence": quote(sentence),
                          "source": section, "doubtful": True})
        # A tissue type asked for beside (or instead of) a marker: the profile cannot settle it. After the
        # sentence's marker rules, so those explain a verdict first. Not among exclusions ("HLA-B*58:01
        # carriers", a drug hypersensitivity).
        hla = section == "inclusion" and "HLA" in sentence and once(names_hla_type, sentence)
        # A marker no profile lists ("must overexpress B7-H3") or a PD-L1 result of any level: questions too.
        unlisted = once(unlisted_marker, sentence) if section == "inclusion" else None
        known_pdl1 = section == "inclusion" and "L1" in sentence and once(asks_known_pdl1, sentence)
        # A change matched to a study drug by rules outside the text: which ones count is not written.
        matched = section == "inclusion" and "atch" in sentence and once(matched_variant, sentence)
        # "(no matching biomarker-driven sub-study)": the tumour matches none of the marker groups, a question.
        unmatched = section == "inclusion" and once(unmatched_group, sentence)
        # "EGFR mutation status is known", "EGFR and ALK must be tested": a test asked for
        if section == "inclusion" and ("tatus" in sentence or "test" in sentence.lower()
                                       or "ssess" in sentence or "valuat" in sentence):
            found.extend(status_clauses(once(status_known_genes, sentence), quote(sentence), own_labels or cohorts))
            if "quamous" in sentence or "denocarcinoma" in sentence:
                # "Non-squamous tumours must be tested for EGFR and ALK": an untested tumour of that histology is a
                # question (as when everyone's test is asked); another histology need not be tested
                genes, tested_for = once(histology_test_genes, sentence)
                for clause in status_clauses(genes, quote(sentence), own_labels or cohorts):
                    found.append({**clause, "histology": tested_for})
        read_text = sentence
        if section == "exclusion" and own_labels:
            # "Cohort 1 (MET exon 14): prior MET inhibitor" among exclusions: the label names who the cohort is
            # for (a requirement of that cohort); only the text after it is what the cohort excludes.
            read_text, named = once(label_description, sentence)
            found.extend(_label_clauses(once, named, quote(sentence), own_labels))
        # "...; KRAS wild-type patients are eligible for Cohort C": the group's own marker rule is read without
        # the permission (which alone would make the sentence no rule at all).
        permits = once(permitted_groups, sentence) if section == "inclusion" and not own_labels else ()
        if permits:
            read_text = once(before_permission, read_text)
        # "...; MET amplification alone is not sufficient": among inclusions, the exclusion "... alone".
        own_section = "exclusion" if section == "inclusion" and once(_not_enough_alone, sentence) else section
        if section == "exclusion" and once(requires_negative, sentence):
            own_section = "inclusion"  # "... must have documented negative EGFR testing": read as written
        alone = own_section == "exclusion" and once(alone_rule, read_text)  # "T790M mutation alone"
        if alone:
            read_text = once(without_alone_phrase, read_text)
        if read_text and "hich" in read_text:  # "..., for which therapy is approved, such as EGFR"
            read_text = once(examples_bracketed, read_text)
        # "Module allocation is based on biomarker status: matched (e.g. MET amplification) or non-matched
        # group": routing, not eligibility. With a branch for no marker it takes everyone; without one, which
        # markers lead to a group is the study's matter: a question, never a bar.
        allocation = once(allocation_start, read_text) if read_text else None
        routed = allocation is not None and not once(takes_everyone, read_text[allocation:])
        if allocation is not None and not routed:
            read_text = read_text[:allocation].rstrip(" ,;:-")
        # "LVEF below 50% (HER2 arm)": the marker names the arm the sentence binds, not a tumour rule.
        read_text, arm_tagged = once(without_arm_tags, read_text) if read_text else (read_text, False)
        if read_text and ("for" in read_text or " in " in read_text):
            # "(e.g. pembrolizumab for tumors with PD-L1 TPS >= 50%)": the drug's indication, no population rule
            read_text = once(without_indications, read_text, own_section)[0]
        read = _statements_copy(once, read_text, own_section, criterion.depth > 0) if read_text else None
        apart = (_acquired_apart(once, read_text, criterion.depth > 0)
                 if read is not None and own_section == "inclusion" else None)
        read = apart or read
        if section == "inclusion" and not unlisted and read_text and allocation is None and (
                read is None or not read[1]):
            # "Arm C: SMO or PTCH1 mutation", "Tumour harbours CCNE1 amplification": a change the vocabulary does
            # not know is a question for everyone, never a sentence without a rule (which took every patient).
            unlisted = once(unknown_marker_asked, read_text)  # routing to a module is no requirement
        if read is None or (matched and all(a["t"] == "driver" for st in read[1] for a in st.atoms)):
            # (a matched change named only by class, "an actionable alteration matching a study arm", is the
            # same question: which ones the rules match is not written)
            if matched:
                found.append(_matched_clause(sentence, own_labels or cohorts))
            elif unmatched and allocation is None:  # routing to a group is no requirement
                found.append(_unmatched_clause(sentence, own_labels or cohorts))
            if hla:
                found.append(_hla_clause(sentence, own_labels or cohorts))
            if unlisted or known_pdl1:  # most sentences: neither, and nothing to add
                found.extend(_unread_clauses(sentence, own_labels or cohorts, unlisted, known_pdl1, []))
            continue
        sentence_carriers, statements = read
        out.carriers |= sentence_carriers
        first = len(found)
        if sentence_carriers:
            condition = once(carrier_condition, sentence)
            out.conditions.append((once(named_genes, once(normalise, sentence)), condition))
            if once(_names_driver, sentence):
                # "Patients with a driver alteration may enrol after exhausting approved targeted therapy": the
                # condition of a "driver-negative" rule. Which drivers have such a therapy is left to the study
                # team: an untreated driver is a question (other_way), a treated one is let in.
                out.conditions.append(({"driver"}, condition and {**condition, "other_way": True}))
        for statement in statements:
            clause = _clause(statement, own_section, quote(sentence), own_labels or cohorts, own_section)
            if section == "inclusion" and _DEFINING.match(sentence):
                out.repeatable = False  # it may add to an earlier criterion's clause (below)
            if section == "inclusion" and _widens_earlier(clauses, found, clause, sentence):
                continue
            if (own_section == "inclusion" and clause["mode"] == "require" and read_text
                    and all(a["t"] == "pdl1" for a in clause["atoms"]) and once(permitted_level, read_text)):
                # "Participants with TPS < 1% are eligible" beside "PD-L1 TPS < 50%": a permission, never a demand
                if _widens_earlier_pdl1(clauses, found, clause):
                    continue
                clause["doubtful"] = True  # nothing beside it to widen: whether it is the way in is a question
            if (clause["mode"] == "forbid" and own_section == "exclusion" and not arm_tagged
                    and once(_finds, ONE_GROUP_ONLY, sentence)):
                # "EGFR mutation or ALK fusion (Nivolumab + Ipilimumab arm only)": the other groups do not bar
                # the change (see _drop_one_group_bars)
                clause["group_only"] = True
            if own_section == "inclusion" and once(marker_if_treated, sentence):
                # "... naive, OR have received a 1st/2nd-generation EGFR TKI provided they have T790M": the
                # marker binds the treated branch alone
                clause["if_treated"] = list(once(marker_if_treated, sentence) or ())
                if clause["mode"] == "forbid":
                    # "Participants who received only a 1st/2nd-generation EGFR TKI must have T790M-negative
                    # disease": who is in that group turns on the whole history ("only", a later drug), and such a
                    # bullet routes the marker's carriers elsewhere ("T790M-positive participants must have
                    # received osimertinib", a treatment rule): a question for the treated, never a bar
                    clause["doubtful"] = True
            treated = once(unless_treated, sentence) if clause["mode"] == "forbid" else None
            if treated is not None:
                clause["treated_ok"] = treated  # "... unless they have progressed on targeted therapy"
            if alone and clause["mode"] == "forbid":
                clause["alone"] = True  # excluded only with no other change of that gene (verdicts)
            if clause["mode"] == "forbid" and once(at_diagnosis, sentence):
                clause["at_diagnosis"] = True  # "de novo T790M at diagnosis": an acquired one is a question
            if apart:
                clause["beside"] = True  # the primary and the acquired change both hold: no rivals
            # "EGFR ex20ins (Cohort 1) or HER2 ex20ins (Cohort 2)": every group's way in, not one group's rule.
            listed_groups = len(clause["atoms"]) > 1 and names_every_group(sentence, trial.marked_groups)
            if any(a.get("kind") == "amplification" for a in clause["atoms"]) and once(amplification_level,
                                                                                         sentence):
                level_unread(clause)  # "high-level amplification, copy number >= 10": a level we cannot see
            if _in_doubt(once, clause, sentence, section, criterion.text == trial.sole or listed_groups or covered):
                clause["doubtful"] = True  # it may exclude, but its wording leaves the patient a question
            if _names_actionable(clause) and _NO_TARGETED_DRUG.search(sentence) and not _directed(clause):
                _no_drug_for_it(clause)
            elif _names_actionable(clause) and _LOCAL_OR_FIRST_LINE.search(sentence):
                _approved_here(clause, sentence)
            if section == "inclusion" and _OR_UNKNOWN.search(sentence):
                clause["untested_ok"] = True
            elif section == "exclusion" and clause.get("untested_ok"):
                if trial.tests_itself(once):
                    del clause["untested_ok"]  # "known EGFR mutation" beside "EGFR status must be known"
            if criterion.depth > 0 and not cohorts:
                clause["sibling_of"] = criterion.parent[:200]
                if criterion.section == "inclusion" and once(conditional_lead_in, criterion.parent):
                    # "Stable disease allowed provided 1 of the following is met:": the items are one
                    # group's condition; a patient outside the group need meet none of them.
                    clause["doubtful"] = True
            if covered:
                clause["every_part"] = True  # its tags said which part takes which change (see below)
            if gene_scope:
                clause["scope"] = gene_scope  # a rule on carriers of these genes only (see verdicts)
            if lifted or (bent and clause["atoms"][0]["t"] == "pdl1"):
                clause["doubtful"] = True
            if flat_ban or routed or (arm_tagged and clause["mode"] == "forbid"):
                # a flat list has no mark where it ends; an arm's own bar binds that arm alone: never exclude
                # on a guess
                clause["doubtful"] = True
            if permits:
                clause["permits"] = list(permits)  # this sentence's rules are that group's (see below)
            histologies = once(histology_condition, sentence)
            if not histologies and section == "exclusion" and not once(names_histology_condition, sentence):
                # "Squamous histology with PD-L1 < 1%"
                histologies = once(joined_histology_in, once(normalise, sentence))
                if histologies == []:
                    clause["doubtful"] = True  # several histologies joined: which binds is a question
            if histologies:
                clause["histology"] = list(histologies)  # "patients with non-squamous NSCLC have no EGFR"
            found.append(clause)
        if section == "exclusion" and _CO_OCCURRING.search(sentence) and not _OR_WORD.search(sentence):
            found[first:] = _together(found[first:])
        if hla:
            found.append(_hla_clause(sentence, own_labels or cohorts))
        if unlisted and found[first:] and _or_alternative(sentence, unlisted):
            # "NAGC (no actionable change) or high tumour mutational burden": the marker no profile lists is a
            # second way in, so failing the read rule is a question, and meeting it is enough.
            for clause in found[first:]:
                clause["doubtful"] = True
            unlisted = None
        if unlisted or known_pdl1:
            found.extend(_unread_clauses(sentence, own_labels or cohorts, unlisted, known_pdl1, found))
        if section == "inclusion" and statements:
            _split_treated_exception(found, once(except_treated, sentence))
    _group_permissions(found)
    if cohorts and not found and section == "inclusion" and once(_unspecified_markers, criterion.text):
        # The cohort asks for markers it lists elsewhere: a question for everyone, never an open door.
        found.append({"mode": "require", "atoms": [{"t": "driver", "class": "driver", "vague": True}],
                      "cohorts": cohorts, "evidence": quote(criterion.text), "source": section,
                      "doubtful": True})
    if section == "exclusion" and found and _IF_TESTED.search(criterion.text):
        for clause in found:
            if clause["mode"] == "forbid":
                clause["untested_ok"] = True
    squamous, no_test, marker_context = once(_waivers, criterion.text)
    out.squamous_untested_ok = squamous
    if no_test:
        if found:
            for clause in found:
                clause["untested_ok"] = True
        elif cohorts and marker_context:
            out.waived.extend(cohorts)
        elif marker_context and once(_pdl1_waiver_only, criterion.text):
            out.pdl1_untested_ok = True  # "a sample for PD-L1 testing (the result is not required)": PD-L1 alone
        elif marker_context:
            out.untested_ok = True
    out.found = found
    return out


def _names_lung(text: TrialText) -> bool:
    """Does the trial name lung cancer among its own diseases (title, conditions or an inclusion criterion)?"""
    return any(LUNG.search(said) is not None
               for said in (text.title, *text.conditions, *(c.text for c in text.criteria if c.section != "exclusion")))


def _deferred_to_groups(criteria: tuple[Criterion, ...], found_at: dict[int, list[dict[str, Any]]],
                        clauses: list[dict[str, Any]]) -> set[int]:
    """"Shows an actionable change matching one of the open arms" beside "Arm A: FGFR1-3 ...", "Arm G: KRAS mutation":
    the arms' own marker rules say which changes count, so the trial-wide clauses the sentence gave (an actionable
    driver asked for, "patients with no actionable change may be allocated to arm H") are left to them. Only with
    marker rules of two or more labelled groups to defer to; the ids of the clauses left out."""
    groups = {c for clause in clauses if clause["mode"] == "require" and clause["source"] == "inclusion"
              for c in clause["cohorts"]}
    if len(groups) < 2:
        return set()
    return {id(clause) for position, found in found_at.items()  # (most criteria give no clause: asked first)
            if found and criteria[position].section != "exclusion" and defers_to_groups(criteria[position].text)
            for clause in found if not clause["cohorts"]}


# An exclusion of two changes found together ("KRAS G12C co-mutation with EGFR", "EGFR mutation plus concurrent MET
# amplification", "C797S in cis with T790M"): it binds only a patient with both.
_CO_OCCURRING = re.compile(
    r"\bco-?(?:mutat\w*|occurr\w*|exist\w*)|\bconcurrent\b|\bin\s+(?:cis|trans)\b|\bplus\b|\btogether\s+with\b"
    r"|\balong\s+with\b|\bboth\b",
    re.I,
)


def _together(clauses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One sentence's forbidden changes as one clause that needs all of them ("together", see verdicts)."""
    banned = [c for c in clauses if c["mode"] == "forbid" and not c["cohorts"]
              and all(a["t"] == "alt" for a in c["atoms"])]
    atoms = [a for c in banned for a in c["atoms"]]
    if len({(a["gene"], a["kind"]) for a in atoms}) < 2:
        return clauses
    joined = {**banned[0], "atoms": atoms, "together": True}
    return [joined, *(c for c in clauses if c not in banned)]


def _label_clauses(once: _Once, named: str, evidence: str, labels: list[str]) -> list[dict[str, Any]]:
    """The requirements a cohort's label states in brackets ("Cohort 1 (MET exon 14)"), for that cohort."""
    read = _statements_copy(once, named, "inclusion", False) if named else None
    if read is None:
        return []
    return [_clause(statement, "inclusion", evidence, list(labels), "inclusion") for statement in read[1]]


def _family(clause: dict[str, Any]) -> set[str]:
    return {a["gene"] if a["t"] == "alt" else a["t"] for a in clause["atoms"]}


def _group_permissions(found: list[dict[str, Any]]) -> None:
    """"PD-L1 >= 1%; PD-L1-negative patients are eligible for Cohort 2": the permitted group asks for its own level
    and the bullet's other rule on that marker binds the other groups only, so a patient who fits either is in.
    Only where the permission names the same marker (gene or PD-L1): a group let in on another ground ("patients
    with brain metastases are eligible for Cohort B") leaves the marker rule binding everyone."""
    permitted = [c for c in found if c.get("permits")]
    for clause in permitted:
        groups = clause.pop("permits")
        if clause["cohorts"]:
            continue
        family = _family(clause)
        others = [c for c in found if not c.get("permits") and c not in permitted and not c["cohorts"]
                  and c["mode"] == "require" and _family(c) & family]
        if not others:
            continue
        clause["cohorts"] = groups
        for other in others:
            other["cohorts"] = [f"other than {', '.join(groups)}"]
    for clause in found:
        clause.pop("permits", None)


# An inclusion lead-in that bans the items under it ("Patients must not have any of the following:", "None of the
# following alterations:", "Tumour free of all of these:"): each sub-bullet is an exclusion, not a way in.
_BANS_ITEMS = guarded(
    r"\b(?:(?:must|should|shall|may|do|does|can)\s?not|cannot|never)\s+(?:have|has|harbou?r|carry|show|present with"
    r"|test positive for|meet)\b[^:]{0,40}\b(?:any|all|either|none)\b|\bnone of\b|\b(?:free|absence) of (?:any|all)\b"
    r"|\bwithout any of\b|\bno (?:evidence of )?any of\b|\bnot have any\b", re.I)


def _banned_item(criterion: Criterion) -> bool:
    """A sub-bullet of an inclusion lead-in that bans its items."""
    parent = criterion.parent.rstrip(" *_")
    return (criterion.depth > 0 and criterion.section == "inclusion" and parent.endswith(":")
            and _BANS_ITEMS.search(parent) is not None)


def _bans_items(criterion: Criterion) -> bool:
    text = criterion.text.rstrip(" *_")
    return criterion.section == "inclusion" and text.endswith(":") and _BANS_ITEMS.search(text) is not None


def _flat_banned_items(criteria: tuple[Criterion, ...] | list[Criterion]) -> set[int]:
    """Positions of the flat items (same depth, not nested) right after an inclusion lead-in that bans them.

    The list runs while its items name a marker; an item that names none ("ECOG 0-1") or opens a list of its own
    (ends with a colon) ends it."""
    banned: set[int] = set()
    lead_depth: int | None = None
    for position, criterion in enumerate(criteria):
        if lead_depth is not None and criterion.depth > lead_depth:
            continue  # a sub-bullet: _banned_item reads those
        if lead_depth is not None and (criterion.depth < lead_depth or criterion.section != "inclusion"
                                       or criterion.text.rstrip(" *_").endswith(":")
                                       or not mentions_marker(criterion.text)):
            lead_depth = None
        elif lead_depth is not None:
            banned.add(position)
            continue
        if _bans_items(criterion):
            lead_depth = criterion.depth
    return banned


def _nsclc_as_such(label: str) -> bool:
    """"NSCLC: known EGFR mutation or ALK translocation", "For patients with non-small cell lung cancer: ..." in a
    trial of several cancers: the group is every NSCLC patient, whichever NSCLC cohort ("1L NSCLC", "2L NSCLC") takes
    them, so its rule binds an NSCLC patient as the trial's own. A label that narrows NSCLC ("1L NSCLC", "squamous
    NSCLC") is not."""
    return names_nsclc_as_such(label)


def _only_nsclc_group(text: TrialText) -> str | None:
    """The label of the trial's one group for NSCLC ("For squamous NSCLC:" beside "For head and neck cancer:"),
    when every other group the reader names is for another cancer: an NSCLC patient can join only that one, so
    its rules bind the patient as the trial's own (a failed one excludes). None when two groups could take
    NSCLC ("For squamous NSCLC:" and "For non-squamous NSCLC:"), or a group names no cancer ("Part B:")."""
    labels = {c.scope.label for c in text.criteria if c.scope is not None and c.scope.kind != "condition"
              and not c.scope.closed and not c.scope.other_disease}
    if len(labels) != 1:
        return None
    label = labels.pop()
    scope = next(c.scope for c in text.criteria if c.scope is not None and c.scope.label == label)
    return label if scope.kind == "cohort" and "nsclc" in scope.diseases else None


# Changes that only arise under treatment: a profile that lists one found it after progression, so the inclusion
# "absence of T790M after progression on a TKI" settles it (an exclusion "T790M after osimertinib" names which drug).
_ONLY_ACQUIRED = frozenset({("EGFR", "T790M"), ("EGFR", "C797S")})


def _only_acquired(clause: dict[str, Any]) -> bool:
    return all(a["t"] == "alt" and (a["gene"], a["kind"]) in _ONLY_ACQUIRED for a in clause["atoms"])


def _not_enough_alone(sentence: str) -> bool:
    return NOT_ENOUGH_ALONE.search(sentence) is not None


def _split_treated_exception(found: list[dict[str, Any]], exception: tuple[str, str] | None) -> None:
    """"KRAS mutation, any variant except previously treated G12C": the variant is taken only untreated.

    The requirement keeps the gene's wider atoms (G12C is a KRAS mutation) and a rule refusing the variant
    once treated for it is added beside it; read only when the requirement also names the gene more widely."""
    if exception is None:
        return
    gene, alteration = exception
    for clause in list(found):
        atoms = clause["atoms"]
        named = [a for a in atoms if a.get("gene") == gene and a.get("kind") == alteration]
        wider = [a for a in atoms if a.get("gene") == gene and a.get("kind") != alteration and a["t"] == "alt"]
        if clause["mode"] != "require" or not wider:
            continue
        # "excluding G12C ..." read the variant out ("non-G12C"); "... previously treated" puts it back in.
        clause["atoms"] = [{**a, "kind": "mutation"} if a.get("kind") == f"non-{alteration}" else a
                           for a in atoms if a not in named]
        found.append({"mode": "forbid", "atoms": [{"t": "alt", "gene": gene, "kind": alteration}],
                      "cohorts": clause["cohorts"], "evidence": clause["evidence"], "source": clause["source"],
                      "treated_only": True})
        return


def _matched_clause(sentence: str, cohorts: list[str]) -> dict[str, Any]:
    """A change that the trial's own matching rules pair with a study drug: no profile can show one (a question)."""
    atom = {"t": "hla", "name": "a gene change matched to a study drug", "matched": True}
    return {"mode": "require", "atoms": [atom], "cohorts": cohorts, "evidence": quote(sentence), "source": "inclusion"}


def _unmatched_clause(sentence: str, cohorts: list[str]) -> dict[str, Any]:
    """A tumour that none of the trial's marker-driven groups takes: which changes they take is not written here."""
    atom = {"t": "hla", "name": "no change matched by the trial's marker-driven groups", "unmatched": True}
    return {"mode": "require", "atoms": [atom], "cohorts": cohorts, "evidence": quote(sentence), "source": "inclusion"}


def _hla_clause(sentence: str, cohorts: list[str]) -> dict[str, Any]:
    return {"mode": "require", "atoms": [{"t": "hla"}], "cohorts": cohorts, "evidence": quote(sentence),
            "source": "inclusion"}


# "..., or high tumour mutational burden", "... or TMB-high": "or" (and at most two words) right before the name.
_OR_BEFORE = re.compile(r"\bor\s+(?:(?:an?|the|a\s+tumou?r\s+with)\s+)?(?:[\w\-]+\s+){0,2}$", re.I)


def _or_alternative(sentence: str, name: str) -> bool:
    """Is the unlisted marker an alternative to the sentence's read rule ("NAGC or high TMB")?"""
    at = sentence.find(name)
    return at > 0 and _OR_BEFORE.search(sentence[max(0, at - 40):at]) is not None


def _unread_clauses(sentence: str, cohorts: list[str], unlisted: str | None, known_pdl1: bool,
                    found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Requirements the profile cannot settle beside the sentence's marker rules: a marker no profile lists (as an
    HLA type, a question for everyone) and a PD-L1 result of any level (a question only without a result)."""
    added = []
    if unlisted:
        added.append({"mode": "require", "atoms": [{"t": "hla", "name": unlisted}], "cohorts": cohorts,
                      "evidence": quote(sentence), "source": "inclusion"})
    if known_pdl1 and not any(a["t"] == "pdl1" for clause in found for a in clause["atoms"]):
        added.append({"mode": "require", "atoms": [{"t": "pdl1", "lo": None, "hi": None, "known": True}],
                      "cohorts": cohorts, "evidence": quote(sentence), "source": "inclusion"})
    return added


def _names_driver(sentence: str) -> bool:
    """A carrier rule naming drivers as a class ("patients with a driver alteration (EGFR, ALK) may enrol ...")."""
    return any(tok.type == "driver" for tok in tokens(normalise(sentence)))


def _note_condition(conditions: dict[str, dict[str, Any] | None], genes: set[str],
                    condition: dict[str, Any] | None) -> None:
    """Two carrier rules asking different things of one gene's carriers leave it unread (None)."""
    for gene in genes:
        if gene in conditions and conditions[gene] != condition:
            conditions[gene] = None
        else:
            conditions[gene] = condition


# "HER2 overexpression status as determined by central review": the status to be found, no value asked for. Read as
# the requirement it most likely is, but open: a gene test's negative result does not settle it.
_RESULT_STATUS = re.compile(r"(?:over-?\s?expression|amplification|positivity)\s+status\b", re.I)
_PROTEIN_KINDS = frozenset({"overexpression", "expression", "low", "positive"})


def _protein_only(clause: dict[str, Any]) -> bool:
    """Every gene atom of the clause asks for a protein level (HER2 overexpression), none for a gene change."""
    alts = [a for a in clause["atoms"] if a["t"] == "alt"]
    return bool(alts) and len(alts) == len(clause["atoms"]) and all(a["kind"] in _PROTEIN_KINDS for a in alts)


def _finds(pattern: re.Pattern[str] | Guarded, text: str) -> bool:
    """Does `pattern` (a compiled or guarded regex) match somewhere in `text`? A key for _Once."""
    return pattern.search(text) is not None


def _sole_patient_group(once: _Once, criteria: tuple[Criterion, ...]) -> str | None:
    """"EGFR positive lung cancer (Arm 1 - cancer group)" beside "No cancer diagnosis (Arm 2 - health control)": when
    every other group the criteria mention is one of people without cancer, the one left is a patient's only way in
    (its rules bind). The text of that criterion, or None."""
    mentions = [text for text in dict.fromkeys(c.text for c in criteria) if once(_finds, ONE_GROUP, text)]
    patients = [text for text in mentions if not once(no_patient_group, text)]
    return patients[0] if len(patients) == 1 and len(patients) < len(mentions) else None


# "(tissue or blood, local NGS report acceptable for dose escalation, central confirmation for expansion)": a bracket
# each of whose parts says only how or where the finding is tested. A group it names differs in the test, not the
# marker asked, so it does not make the finding one group's rule.
_TEST_WORDS = re.compile(
    r"\b(?:tissue|blood|plasma|ctDNA|NGS|PCR|FISH|IHC|assays?|laborator(?:y|ies)|labs?|reports?|central(?:ly)?"
    r"|local(?:ly)?|confirm\w*|test\w*|samples?|biops(?:y|ies)|sequencing|archival)\b",
    re.I,
)
_ASIDE = re.compile(r"\(([^()]{1,200})\)")


# "NSCLC (or other solid tumour for Cohort 2e) with a documented ALK rearrangement": a bracket inside the disease,
# before any marker, that names a group only to widen the cancer it takes. The marker after it governs the group too:
# the group differs in the disease, not the marker asked. After the marker ("EGFR exon 20 insertion (for the escalation
# part, any NSCLC is allowed)") the bracket may waive the marker for its group, and keeps its doubt.
_DISEASE_WORDS = re.compile(
    r"\b(?:solid\s+tumou?rs?|tumou?r\s+types?|cancers?|carcinomas?|malignanc(?:y|ies)|histolog(?:y|ies)|NSCLC)\b", re.I)


def _disease_only(aside: str) -> bool:
    return _DISEASE_WORDS.search(aside) is not None and not names_marker(normalise(_DISEASE_WORDS.sub(" ", aside)))


def _without_test_asides(sentence: str) -> str:
    """The sentence without its brackets that only say how or where a finding is tested, or only widen the cancer."""
    def blank(match: re.Match[str]) -> str:
        parts = [p for p in re.split(r"[,;]", match.group(1)) if p.strip()]
        if parts and (all(_TEST_WORDS.search(p) for p in parts) or (
                _disease_only(match.group(1)) and not names_marker(normalise(sentence[:match.start()])))):
            return " " * len(match.group(0))
        return match.group(0)
    return _ASIDE.sub(blank, sentence)


def _in_doubt(once: _Once, clause: dict[str, Any], sentence: str, section: str, sole: bool = False) -> bool:
    """A clause whose sentence the profile cannot settle, so it never excludes (it can still make unknown).

    What it reads in the sentence depends on the sentence alone: once per sentence, not per clause (a list of markers
    gives a sentence many clauses; the crossed-fact readings normalise and tokenise the whole sentence)."""
    if clause["mode"] == "forbid" and ((once(_finds, _LATER_FINDING, sentence) and not (
            section == "inclusion" and _only_acquired(clause))) or (
            "treated_ok" not in clause and once(_finds, _TREATED_EXCEPTION, sentence))):
        return True  # "unless they progressed on a TKI", "on re-biopsy after progression": when, or after what
    if clause["mode"] == "require" and section == "exclusion":
        return True  # "No EGFR mutation" among exclusions: a double negative, often a slip
    if not clause["cohorts"] and not sole and once(_finds, ONE_GROUP, once(_without_test_asides, sentence)):
        return True  # "... in the first-line cohort": one group we could not name
    if clause["mode"] == "require" and _protein_only(clause) and once(_finds, _RESULT_STATUS, sentence):
        return True  # "HER2 overexpression status as determined by central review": which value, left open
    if section == "exclusion" and "treated_ok" not in clause and once(crossed_exclusion_in, once(normalise, sentence)):
        return True  # "ALK fusion and active brain metastases": the marker alone does not exclude
    if (section == "inclusion" and clause["mode"] == "require"
            and once(conditional_inclusion_in, once(normalise, sentence))):
        return True  # "PD-L1 >= 50% in patients with ECOG 2": a rule for a group we cannot tell
    if section == "inclusion" and once(unread_alternative, sentence):
        return True  # "EGFR exon 19 or 21, or must be never smokers": another way in, which we cannot check
    # An inherited variant (a tumour profile does not say); a pathway names genes no profile lists (HRAS, MEK1).
    return once(_finds, _GERMLINE, sentence) or once(_finds, MAPK_PATHWAY, sentence)


# "a locally approved targeted therapy", "a local standard of care available as front-line therapy": whether a recent
# or later-line approval (KRAS G12C) counts depends on the country or the line of treatment.
# Not "by local test", "local laboratory", "locally advanced": where the tumour was tested, or how far it spread.
_LOCAL_OR_FIRST_LINE = re.compile(
    r"\blocal(?:ly)?\b(?!\s+(?:advanced|recurrent|test\w*|lab\w*|assays?|sequencing|NGS|patholog\w*|review|sites?|"
    r"hospitals?|institution\w*|genetic|genomic|molecular|results?|reports?|tissue|tumou?r|plasma|blood))"
    r"|\bin (?:the|your|their|that|each) (?:country|region)|\bnational(?:ly)?\b"
    r"|\b(?:first|front|1st)[\s-]?line\b|\bfrontline\b",
    re.I,
)


_FIRST_LINE = re.compile(r"\b(?:first|front|1st)[\s-]?line\b|\bfrontline\b", re.I)


def _approved_here(clause: dict[str, Any], sentence: str) -> None:
    """Actionable as the text means it: approved where the trial runs (ACTIONABLE_LOCAL), or for the first line
    (ACTIONABLE_FIRST_LINE: the one table in the vocabulary says which changes have a first-line drug)."""
    kind = vocab.ACTIONABLE_FIRST_LINE if _FIRST_LINE.search(sentence) else vocab.ACTIONABLE_LOCAL
    for atom in clause["atoms"]:
        if atom.get("class") == "actionable":
            atom["class"] = kind
        elif atom.get("kind") == "actionable":
            atom["kind"] = kind


def _directed(clause: dict[str, Any]) -> bool:
    """A "<gene>-directed therapy is not indicated" rule (indicated.py): the drug's absence is not its point."""
    return any(a.get("directed") for a in clause["atoms"])


def _names_actionable(clause: dict[str, Any]) -> bool:
    return any(a.get("class") == "actionable" or a.get("kind") == "actionable" for a in clause["atoms"])


def _no_drug_for_it(clause: dict[str, Any]) -> None:
    """"An alteration for which NO approved targeted therapy is available": the absence of a drug is the point, so
    an actionable finding neither meets nor breaks the rule as read: every finding is a question, none excludes."""
    clause["doubtful"] = True
    for atom in clause["atoms"]:
        atom["vague"] = True


def header_clauses(text: TrialText) -> list[dict[str, Any]]:
    """Clauses the title and conditions state ("... in EGFR-mutated NSCLC", "Driver Gene-Negative")."""
    clauses: list[dict[str, Any]] = []
    # Conditions that name another cancer ("Colorectal Cancer", "BRAF V600E"): a basket, whose listed markers may
    # be the other cancers' own.
    basket = any(other_cancer_only(c) for c in text.conditions)
    # A condition that is every cancer ("Advanced Solid Tumor", "Cancer") beside "EGFR", "KRAS G12C": the list is the
    # trial's keywords, not one population; a marker only the conditions name is then a question.
    pan_tumour = any(_PAN_TUMOUR.match(c) for c in text.conditions)
    conditions = set(text.conditions)
    titles = text.title.split(" / ")
    for line in [*titles, *text.conditions]:
        if _ABOUT_MARKERS.search(line):
            continue  # a study of the markers themselves, not a rule on who may join
        norm = normalise(line)
        if not _may_state(norm, "title"):
            continue
        qualified = TITLE_QUALIFIED.search(line) is not None or MAPK_PATHWAY.search(line) is not None
        for statement in _drop_both_ways([*read_title(norm), *read_pdl1(norm, "inclusion")]):
            clause = _clause(statement, "inclusion", quote(line), [], "title")
            clause["header"] = "title" if line in titles else "conditions"  # named in the reason (see check)
            if qualified or ((basket or pan_tumour) and line in conditions):
                clause["doubtful"] = True  # "KRAS or other driver alterations": an example, not a requirement
            clauses.append(clause)
    return _merge_header(clauses)


_PAN_TUMOUR = re.compile(
    r"^\s*(?:(?:advanced|metastatic|adult|unresectable|refractory|relapsed|recurrent|malignant|locally)[\s,-]+)*"
    r"(?:solid\s+)?(?:tumou?rs?|cancers?|neoplasms?|malignanc(?:y|ies)|carcinomas?)"
    r"(?:\s*,?\s*(?:adult|malignanc(?:y|ies)|advanced|metastatic|nos|unspecified))*\s*$",
    re.I,
)


def _merge_header(clauses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Title and condition lines describe one population together: conditions "EGFR mutation" and
    "ALK rearrangement" mean either, and "EGFR mutation" beside "EGFR wild type" means no rule on EGFR."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for clause in clauses:
        family = "pdl1" if clause["atoms"][0]["t"] == "pdl1" else "gene"
        key = (clause["mode"], family)
        if key in merged:
            atoms = merged[key]["atoms"]
            atoms.extend(a for a in clause["atoms"] if a not in atoms)
            if clause.get("doubtful"):
                merged[key]["doubtful"] = True  # one doubtful line makes the joined list a question
            if clause["header"] != merged[key]["header"]:
                merged[key]["header"] = "both"
        else:
            merged[key] = {**clause, "atoms": list(clause["atoms"])}
    require, forbid = merged.get(("require", "gene")), merged.get(("forbid", "gene"))
    if require and forbid:
        both = {a["gene"] for a in require["atoms"] for b in forbid["atoms"] if _overlap(a, b)}
        for clause in (require, forbid):
            clause["atoms"] = [a for a in clause["atoms"] if a.get("gene") not in both]
    return [c for c in merged.values() if c["atoms"]]


_ABOUT_MARKERS = guarded(
    r"\b(?:status|assess\w*|detect\w*|testing|correlation|landscape|prevalence|frequency|prognos\w*|predict\w*"
    r"|impact of|role of|value of|association|relationship|distribution|incidence|epidemiolog\w*|profiling"
    r"|screening|sequencing|genotyping|heterogeneity|concordance|evolution)\b",
    re.I,
)


def _genes(clause: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for atom in clause["atoms"]:
        if atom["t"] == "alt":
            out.add(atom["gene"])
        else:
            out.add(atom["t"])  # "driver", "pdl1"
    return out


def _dedupe_clauses(clauses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for clause in clauses:
        key = repr((clause["mode"], clause["atoms"], clause["cohorts"]))
        if key not in seen:
            seen.add(key)
            out.append(clause)
    return out


def assemble(text: TrialText) -> dict[str, Any]:
    """All biomarker clauses of a trial, with the title used only where the criteria are silent."""
    clauses, facts = criteria_clauses(text)
    clauses = _drop_one_group_bars(clauses, facts)
    required_genes = set().union(*(_genes(c) for c in clauses if c["mode"] == "require")) if clauses else set()
    has_forbid = any(c["mode"] == "forbid" for c in clauses)
    driverless = _driverless_group(clauses)
    carrier_group = any(c["mode"] == "require" and c["cohorts"] for c in clauses)
    for clause in header_clauses(text):
        genes = _genes(clause)
        if clause["mode"] == "require":
            if genes & required_genes or facts["waived"] or (driverless and carrier_group):
                continue  # the criteria's own groups say who the header's markers are for
            if driverless:  # the header lists the trial's groups together (see _driverless_group)
                clause["doubtful"] = clause["groups"] = True
        elif has_forbid:
            clause["soft"] = True  # the criteria list the genes; the title's wider wording only raises doubt
        clauses.append(clause)
    required_genes = set().union(*(_genes(c) for c in clauses if c["mode"] == "require" and not c.get("groups"))) \
        if clauses else set()
    _resolve_other(clauses, required_genes)
    clauses = _drop_sibling_routes(clauses)
    _siblings_as_alternatives(clauses)
    clauses = _drop_contradictions(clauses)
    _doubt_shared_rules_cohorts_contradict(clauses)
    _doubt_forbidden_carriers(clauses, facts["carriers"], facts["conditions"])
    for clause in clauses:
        if clause["mode"] == "forbid" and (facts["untested_ok"] or (
                facts["pdl1_untested_ok"] and all(a["t"] == "pdl1" for a in clause["atoms"]))):
            clause["untested_ok"] = True
    rules: dict[str, Any] = {"clauses": _dedupe_clauses(clauses)}
    cohorts = [*facts["labels"], *sorted({c for clause in clauses for c in clause["cohorts"]} - set(facts["labels"]))]
    if cohorts and any(c["cohorts"] for c in clauses):
        rules["cohorts"] = cohorts
        # only a group with no marker rule of its own, a way in by histology alone: where a group's own marker
        # rules are read, its histology is the disease dimension's to judge (never a marker bar by the way)
        ruled = {label for c in clauses for label in c["cohorts"]}
        own = {label: h for label, h in facts.get("cohort_histologies", {}).items()
               if label in cohorts and label not in ruled}
        if own:
            rules["cohort_histology"] = own
    if facts["waived"] and "cohorts" not in rules:
        rules["cohorts"] = cohorts
    # "Phase 2 (Dose Expansion), by cohort:" over "Cohort A: ...": a "Phase 2" named elsewhere is those cohorts.
    unseen = unseen_group(rules.get("cohorts", []), facts["unseen"], facts["headings"])
    if unseen:
        rules["unseen_group"] = unseen
        if sibling_part(rules["cohorts"], unseen):
            rules["unseen_sibling"] = True  # "Dose Expansion Part" beside "Dose Escalation Part": surely a way in
    if len(rules.get("cohorts", [])) == 1 and facts["foreign"] and not unseen \
            and _only_way_in(text, rules["cohorts"][0], facts["foreign"]):
        rules["only_way_in"] = True
    if facts["squamous_untested_ok"] and clauses:
        rules["squamous_untested_ok"] = True
    _unapproved_not_actionable(clauses)
    _ex20_activating_in_bans(clauses, text)
    return rules


def _drop_one_group_bars(clauses: list[dict[str, Any]], facts: dict[str, Any]) -> list[dict[str, Any]]:
    """A bar said to bind one group only ("(Arm 2 only)"), in a trial whose groups state no marker requirement we
    can read: a patient it catches may join another group, so it shuts no one out of the trial. Where groups do
    state requirements, the bar stays as it was (a question): which group the patient fits is theirs to say."""
    if not any(c.get("group_only") for c in clauses):
        return clauses
    if any(c["mode"] == "require" and c["cohorts"] for c in clauses):
        labels = {label for c in clauses if c["mode"] == "require" for label in c["cohorts"]}
        for clause in clauses:
            if clause.pop("group_only", None):
                _join_named_group(clause, labels)
        return clauses
    kept = [c for c in clauses if not c.get("group_only")]
    carried = {label for c in kept for label in c["cohorts"]}
    dropped = {label for c in clauses if c.get("group_only") for label in c["cohorts"]} - carried
    facts["labels"] = [label for label in facts["labels"] if label not in dropped]
    facts["unseen"] = [label for label in facts["unseen"] if label not in dropped]
    return kept


def _join_named_group(clause: dict[str, Any], labels: set[str]) -> None:
    """"(Arm 2 only)" beside "Arm 2 (...): EGFR amplification": the bar is that group's, under the group's own label
    (a label of its own made a group with no requirement, open to every patient). A group we cannot find: the bar
    is a question for every group, never a way in of its own."""
    marks = {mark for _, mark in group_ids(clause["evidence"])}
    named = sorted(label for label in labels if label.split()[-1] in marks)
    clause["cohorts"] = named if len(named) == len(marks) and named else []
    if not clause["cohorts"]:
        clause["doubtful"] = True


_EX20_KINDS = frozenset({"ex20ins", "exon20"})


def _atoms_deep(clause: dict[str, Any]) -> list[tuple[dict[str, Any], bool]]:
    """The clause's gene atoms, each with whether the rule bars it (a forbidden atom, or one inside a required
    "no EGFR and no ALK change" alternative)."""
    forbid = clause["mode"] == "forbid"
    found: list[tuple[dict[str, Any], bool]] = []
    for atom in clause["atoms"]:
        if atom["t"] == "absent":
            found.extend((a, not forbid) for a in atom["atoms"] if a["t"] == "alt")
        elif atom["t"] == "alt":
            found.append((atom, forbid))
    return found


# A ban explained by EGFR TKI treatment ("..., as these patients should be offered EGFR-TKI treatment", "sensitive
# to gefitinib") means the mutations a TKI treats: an exon 20 insertion, which those drugs do not treat, is a question.
_TKI_RATIONALE = re.compile(r"\b(?:TKIs?|tyrosine[- ]kinase inhibitors?|sensiti[sz]\w*|responsive to)\b", re.I)


def _tki_rationales(text: TrialText) -> list[str]:
    """The criteria that give TKI treatment as a reason, squashed: each distinct text once per parse (asked per
    clause over every criterion, the squash and the search grew with clauses times criteria)."""
    return [squash(said) for said in dict.fromkeys(c.text for c in text.criteria) if _TKI_RATIONALE.search(said)]


def _tki_explained(evidence: str, rationales: list[str]) -> bool:
    """Whether the criterion the clause was read from ties its EGFR mutations to TKI treatment (the clause's own
    evidence may have lost the trailing reason). `rationales`: _tki_rationales of the trial."""
    head = evidence.rstrip(" …")[:60]
    return bool(head) and any(head in said for said in rationales)


def _ex20_activating_in_bans(clauses: list[dict[str, Any]], text: TrialText) -> None:
    """A ban on, or a required absence of, "activating EGFR mutations": an exon 20 insertion is an activating
    mutation (labels of sets Q and R), though not a sensitising one. Never in a trial that names EGFR exon 20 itself
    anywhere (a trial for it, "activating mutations including exon 20 insertions", a spared or required exon 20):
    there the text says what it does with the insertion, and reading it as banned could shut out its own patients."""
    atoms = [pair for clause in clauses for pair in _atoms_deep(clause)]
    if any(atom["gene"] == "EGFR" and (atom["kind"] in _EX20_KINDS or _EX20_KINDS & set(atom.get("except", ())))
           for atom, _ in atoms):
        return
    rationales: list[str] | None = None  # asked only when a clause has an atom to mark (few trials)
    for clause in clauses:
        mine = _atoms_deep(clause)
        if any(a["gene"] == "EGFR" and a["kind"] != "activating" for a, _ in mine):
            continue  # "activating EGFR mutations (exon 19 deletion, L858R)": the changes named spell the class out
        marked = [atom for atom, barred in mine
                  if barred and atom["gene"] == "EGFR" and atom["kind"] == "activating" and not atom.get("except")]
        if not marked:
            continue
        if rationales is None:
            rationales = _tki_rationales(text)
        if _tki_explained(clause.get("evidence", ""), rationales):
            continue
        for atom in marked:
            atom["ex20_activating"] = True



def _unapproved_not_actionable(clauses: list[dict[str, Any]]) -> None:
    """"No known actionable genomic alterations": a change with no approved drug anywhere (KRAS G12D) is not one
    (vocab.class_membership). Only where the class is excluded: a required one stays a question, never a bar."""
    for clause in clauses:
        if clause["mode"] != "forbid":
            continue
        for atom in clause["atoms"]:
            if atom["t"] == "driver" and atom.get("class") == "actionable":
                atom["approved_only"] = True


# "Part 2", "Arms A and B", "Cohort 3a": a group named by its kind word and label, anywhere in a criterion.
_GROUP_MENTION = re.compile(
    r"\b(?P<kind>cohort|arm|part|phase|group|module|stratum)s?\s+(?P<id>\d{1,2}[a-z]?\d?|[A-H]\d?|I{1,3}[ab]?|IV[ab]?)\b",
    re.I,
)
# A study part named by what it does ("dose escalation", "expansion cohort", "safety run-in"): a group with no label.
_UNLABELLED_PART = re.compile(r"\b(?:escalation|expansion|extension|optimi[sz]ation|run-?in|lead-?in|backfill)\b", re.I)
_GROUP_KINDS = {"arm": "cohort", "group": "cohort", "part": "cohort", "module": "cohort", "stratum": "cohort"}


# Words that make the text after a colon a rule of its own, not a list of changes.
_RULE_AFTER = re.compile(
    r"\b(?:must|should|shall|required|requires?|need|unless|if|eligible|allowed|permitted|prior|previous|progress\w*"
    r"|treated|received|after|following)\b", re.I)


def _class_then_examples(text: str) -> bool:
    """"Tumours harbouring a targetable driver for which an approved therapy exists: EGFR sensitizing mutation, ALK,
    ROS1 ...": among exclusions, a class of drivers then a colon and only the changes it means. The colon opens the
    class's examples, not the rules of a group named by the class ("Patients with a driver alteration: must have
    progressed on ..."), which keep the shared reader's group."""
    head, colon, after = text.partition(":")
    if not colon or len(head.split()) > 20 or not after.strip():
        return False
    return names_marker(normalise(after)) and _RULE_AFTER.search(after) is None


def _only_way_in(text: TrialText, label: str, foreign: list[str]) -> bool:
    """"Part 1: solid tumours with KRAS G12C" beside "Part 1 (combination) & Part 2: colorectal cancer": every other
    group the criteria name is for another cancer, so the one named group is an NSCLC patient's only way in and its
    rules bind. Only when each group the criteria mention by label is one of those read, and no study part is named
    by what it does ("dose escalation", which may take any tumour): a group the labels missed is a way in."""
    if not _BULLET_LABEL.match(label) or not any(_BULLET_LABEL.match(f) or _READER_LABEL.match(f) for f in foreign):
        return False
    known = {label, *foreign}
    for criterion in text.criteria:
        scope = criterion.scope
        if scope is not None and scope.other_disease:
            continue  # "Expansion cohort (melanoma):": another cancer's group, whatever its part's name
        if (scope is not None and scope.kind not in {"condition", "region"}
                and _GROUP_MENTION.search(scope.label) is None):
            return False  # "Solid tumour cohort:" with no label: a group the labels missed, maybe a way in
        if _UNLABELLED_PART.search(criterion.text):
            return False
        for match in _GROUP_MENTION.finditer(criterion.text):
            kind = match.group("kind").lower()
            if f"{_GROUP_KINDS.get(kind, kind)} {match.group('id').lower()}" not in known:
                return False
    return True


_BULLET_LABEL = re.compile(r"^(?:cohort|phase) \S+$")
# A group the shared reader named with no label of its own ("Head and neck cancer cohort:", "Oesophageal cancer:"),
# as cohorts.scope_label writes it.
_READER_LABEL = re.compile(r"^(?:cohort|part|arm|phase): ")


def _driverless_group(clauses: list[dict[str, Any]]) -> bool:
    """A group of the trial named in the criteria for tumours without a driver ("Immunotherapy cohort: NSCLC without a
    treatable activating mutation") or without a gene: markers the conditions or title name ("EGFR Gene Mutation",
    "ALK Gene Mutation") then describe the trial's other groups, not a requirement for every patient."""
    return any(c["mode"] == "forbid" and c["cohorts"] and any(
        a["t"] == "driver" or a["t"] == "alt" and a["kind"] in _BROAD for a in c["atoms"]) for c in clauses)


def _resolve_other(clauses: list[dict[str, Any]], required_genes: set[str]) -> None:
    """"no other EGFR mutations" / "other driver mutations": other than what the trial asks for."""
    asked: dict[str, list[str]] = {}
    for clause in clauses:
        if clause["mode"] == "require" and not clause.get("groups"):  # not another group's markers
            for atom in clause["atoms"]:
                if atom["t"] == "alt":
                    asked.setdefault(atom["gene"], []).append(atom["kind"])
    for clause in clauses:
        own_genes = _genes_asked_beside(clauses, clause["cohorts"]) if clause["cohorts"] else sorted(asked)
        for atom in clause["atoms"]:
            if atom["t"] == "driver" and clause["mode"] == "forbid" and own_genes and not atom.get("other"):
                # "HER2 mutation" required, "targetable alterations with approved therapy" excluded: the
                # trial's own gene is what it studies, not one of the drivers it shuts out. A group's ban ("Arm H:
                # no actionable genetic change") spares only the genes its own group (or the whole trial) asks for,
                # not those of the arms beside it ("Arm F: EGFR T790M").
                atom["spared"] = sorted({*atom.get("spared", ()), *own_genes})
            if atom.pop("or_other", False) and clause["mode"] == "forbid" and atom["gene"] in asked:
                # "EGFR exon 20 insertion or other EGFR mutations" in a trial that asks for EGFR changes: other than
                # those too (a ban on every EGFR mutation would shut out its own patients). With the gene not
                # asked, "KRAS G12C or other KRAS mutations" bans every KRAS change, as read.
                atom["other"] = True
            if not atom.pop("other", False):
                continue
            if atom["t"] == "driver":
                atom["except_genes"] = sorted(g for g in required_genes if g not in {"driver", "pdl1"})
            elif atom["gene"] in asked and clause["mode"] == "forbid":
                atom["except"] = sorted(set(asked[atom["gene"]]))
                atom["beside"] = True  # "no other EGFR mutation": a second change beside the asked one counts
            elif clause["mode"] == "forbid":
                atom["vague"] = True  # "other X" with nothing to be other than: too vague to exclude on


def _genes_asked_beside(clauses: list[dict[str, Any]], cohorts: list[str]) -> list[str]:
    """The genes required trial-wide or by a group of these cohorts."""
    return sorted({atom["gene"] for clause in clauses
                   if clause["mode"] == "require" and not clause.get("groups")
                   and (not clause["cohorts"] or set(clause["cohorts"]) & set(cohorts))
                   for atom in clause["atoms"] if atom["t"] == "alt"})


def _drop_sibling_routes(clauses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sub-items under one lead-in where one asks for a change and another shuts the same change out
    ("failed EGFR-TKI, specifically: a. ... T790M-negative after progression; b. ... T790M-positive, then a
    third-generation TKI") are routes in, one per status: together they cover every patient, so neither binds."""
    by_parent: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for clause in clauses:
        parent = clause.get("sibling_of")
        alts = [a for a in clause["atoms"] if a["t"] == "alt"]
        if parent and len(alts) == 1 == len(clause["atoms"]) and clause["source"] == "inclusion":
            key = repr((alts[0]["gene"], alts[0]["kind"], alts[0].get("within")))
            by_parent.setdefault(parent, {}).setdefault(key, []).append(clause)
    dropped: set[int] = set()
    for routes in by_parent.values():
        for members in routes.values():
            if {m["mode"] for m in members} == {"require", "forbid"}:
                dropped.update(id(m) for m in members)
    return [c for c in clauses if id(c) not in dropped] if dropped else clauses


def _siblings_as_alternatives(clauses: list[dict[str, Any]]) -> None:
    """Sub-bullets under one heading that each ask for a different alteration are alternatives.

    "Previous treatment and type of mutation: - ... T790M; - ... exon 20 insertion; - ... G719A/L861Q"
    lists three ways in, not three things everyone must have. PD-L1 and absent-marker rules stay shared.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for clause in clauses:
        parent = clause.pop("sibling_of", None)
        if parent and _ALL_OF.search(parent):
            continue  # "must meet all of the following": the sub-bullets all hold
        if parent and clause["mode"] == "require" and (
                all(a["t"] == "alt" for a in clause["atoms"]) or _asks_one_of(parent)):
            # Under "any of the following:" a PD-L1 level is one more way in, not a rule for everyone.
            groups.setdefault(parent, []).append(clause)
    for number, (_, members) in enumerate(groups.items()):
        if len({repr(m["atoms"]) for m in members}) < 2:
            continue
        for index, clause in enumerate(members):
            clause["cohorts"] = [f"alternative {number + 1}.{index + 1}"]


def _asks_one_of(parent: str) -> bool:
    """The last lead-in over a sub-bullet asks for any one of its items ("Must have one of the following:")."""
    last = parent.rstrip(" *_")
    return last.endswith(":") and asks_one_of(last[:-1].rsplit(":", 1)[-1])


_ALL_OF = re.compile(r"\b(?:all|each|every|both) of (?:the )?following\b|\ball (?:the )?following\b", re.I)
_BROAD = frozenset({"any", "mutation", "alteration", "fusion"})


def _drop_contradictions(clauses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A trial that asks for a gene cannot also forbid every change in it: that sentence was misread
    (it was about treatment, "not receiving alectinib for ALK-positive NSCLC"), so it must not exclude."""
    needed: set[str] = set()
    for clause in clauses:
        if clause["mode"] == "require" and not clause["cohorts"] and clause["source"] != "title":
            genes = {a.get("gene") for a in clause["atoms"]}
            if len(genes) == 1 and None not in genes:
                needed |= genes  # type: ignore[arg-type]
    kept = []
    for clause in clauses:
        if clause["mode"] == "forbid" and clause["atoms"] and all(
            a["t"] == "alt" and a["gene"] in needed and a["kind"] in _BROAD and not a.get("except")
            for a in clause["atoms"]
        ):
            continue
        kept.append(clause)
    return kept


def _doubt_shared_rules_cohorts_contradict(clauses: list[dict[str, Any]]) -> None:
    """"NSCLC with EGFR exon 20 insertion" beside cohorts for T790M or G719A: the text disagrees with
    itself, so failing the shared sentence while fitting a cohort is a question, not an exclusion.
    A shared "KRAS mutation" beside cohorts for KRAS G12C and other KRAS mutations agrees: it stays.
    Only a carrier of a change in the disputed genes can fit such a cohort: a patient with none (an ALK carrier under
    a shared EGFR rule beside a T790M cohort) fails the shared rule and every such cohort, and stays excluded
    (carrier_doubt, read in verdicts.clause_verdict)."""
    cohort_atoms = [a for c in clauses if c["mode"] == "require" and c["cohorts"] for a in c["atoms"]
                    if a["t"] == "alt"]
    disputed: dict[str, list[dict[str, Any]]] = {}  # per distinct shared atoms: a long text repeats its rules
    for clause in clauses:
        if (clause["mode"] == "require" and not clause["cohorts"] and clause["source"] != "title"
                and not clause.get("every_part")):  # a part's further rule adds to it, not contradicts it
            shared = [a for a in clause["atoms"] if a["t"] == "alt"]
            disputing = disputed.get(said := repr(shared))
            if disputing is None:
                genes = {a["gene"] for a in shared}
                disputing = disputed[said] = [c for c in cohort_atoms
                                              if c["gene"] in genes and not any(_covers(s, c) for s in shared)]
            if disputing:
                clause["carrier_doubt"] = sorted({c["gene"] for c in disputing})
                # what those cohorts ask for: a carrier with none of it fits none of them (verdicts)
                clause["carrier_doubt_atoms"] = [copy.deepcopy(c) for c in
                                                 {repr(c): c for c in disputing}.values()]
    # Two shared rules that ask for different changes in one gene ("KRAS G12C" and "KRAS other than G12C")
    # were written for different groups the text did not name: neither binds everyone.
    # Compared once per distinct set of atoms, through the genes they share: a long text repeats its rules.
    groups: dict[str, list[dict[str, Any]]] = {}
    for clause in clauses:
        if clause.pop("beside", False):
            continue  # "EGFR mutation and acquired C797S": asked together, not for different groups
        if clause["mode"] == "require" and not clause["cohorts"] and clause["source"] != "title":
            groups.setdefault(repr([a for a in clause["atoms"] if a["t"] == "alt"]), []).append(clause)
    by_gene: dict[str, list[str]] = {}
    for key, members in groups.items():
        for gene in dict.fromkeys(a["gene"] for a in members[0]["atoms"] if a["t"] == "alt"):
            by_gene.setdefault(gene, []).append(key)
    rivals: dict[str, str] = {}  # group key -> the name of its set of rivals
    demands = {key: _demands(members) for key, members in groups.items()}  # once per group, not once per pair
    for key, members in groups.items():
        mine = [a for a in members[0]["atoms"] if a["t"] == "alt"]
        others = dict.fromkeys(k for m in mine for k in by_gene[m["gene"]] if k != key)
        clashing = [other for other in others if _contradict(
            mine, groups[other][0]["atoms"], stackable=demands[key] and demands[other])]
        if clashing:
            name = next((rivals[k] for k in [key, *clashing] if k in rivals), f"rivals {len(set(rivals.values())) + 1}")
            for k in [key, *clashing]:
                rivals.setdefault(k, name)
    for key, name in rivals.items():
        for clause in groups[key]:
            # Each binds its own group, so one is met or none may be: a patient who fails them all is still out
            # (verdicts.cohort_verdict); failing one alone is a question.
            clause["rival"] = name


def _contradict(mine: list[dict[str, Any]], atoms: list[dict[str, Any]], stackable: bool = True) -> bool:
    """Two rules on one gene, neither of which holds for every patient the other lets in."""
    genes = {m["gene"] for m in mine}
    theirs = [a for a in atoms if a["t"] == "alt" and a["gene"] in genes]
    shared = {a["gene"] for a in theirs}
    return bool(theirs) and not all(any(_covers(m, t) for m in mine) for t in theirs) and not all(
        any(_covers(t, m) for t in theirs) for m in mine if m["gene"] in shared) and not (
        stackable and _stacked(mine, theirs))


# "Osimertinib may have been given ... in T790M-positive disease", "prior erlotinib is allowed": a permission about
# earlier treatment, whose marker (if one was read) is that treatment's setting, never a second demand on the tumour.
_HISTORY_PERMISSION = guarded(
    r"\b(?:may|might|can|could)\s+(?:also\s+)?have\s+(?:been\s+)?(?:given|received|treated|administered|used|had)\b"
    r"|\b(?:prior|previous|earlier)\b[^.;]{0,80}\b(?:is|are)\s+(?:also\s+)?(?:allowed|permitted|acceptable)\b",
    re.I,
)


def _demands(members: list[dict[str, Any]]) -> bool:
    """Does every line behind these shared rules demand its marker (not allow a treatment history that names one)?
    Only two demanding lines are read as stacked (_stacked)."""
    return not any(_HISTORY_PERMISSION.search(clause["evidence"]) for clause in members)


def _stacked(mine: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> bool:
    """"EGFR sensitising mutation" beside "T790M positive": the second arises on top of the first, so the two are
    asked together (one tumour has both), not of two groups the text did not name."""
    genes = {a["gene"] for a in (*mine, *theirs)}
    if len(genes) != 1:
        return False
    gene = genes.pop()
    first, second = [a["kind"] for a in mine], [a["kind"] for a in theirs]
    return vocab.acquired_on(gene, first, second) or vocab.acquired_on(gene, second, first)


def _named_carriers_treated(clause: dict[str, Any], carriers: set[str],
                            conditions: dict[str, dict[str, Any] | None]) -> None:
    """"No actionable driver" beside "patients whose tumours harbour EGFR or ALK alterations are eligible if they have
    progressed on targeted therapy": the driver rule lets those genes' carriers in on that condition ("genes"); a
    driver the carrier rule does not name stays shut out."""
    if "treated_ok" in clause or len(clause["atoms"]) != 1 or clause["atoms"][0]["t"] != "driver":
        return
    found = [conditions.get(gene) for gene in sorted(carriers)]
    if found and found[0] is not None and all(f == found[0] for f in found):
        clause["treated_ok"] = {**found[0], "genes": sorted(carriers)}


def _covers(shared: dict[str, Any], atom: dict[str, Any]) -> bool:
    """The shared atom holds for every patient who fits the cohort's atom."""
    return shared["gene"] == atom["gene"] and (
        shared["kind"] == atom["kind"] or (shared["kind"] in _BROAD and not shared.get("except"))
        or _plain_member(shared, atom))


_PLAIN_ATOM = frozenset({"t", "gene", "kind", "k"})


def _plain_member(shared: dict[str, Any], atom: dict[str, Any]) -> bool:
    """"activating RET alteration (fusion or mutation)" beside a cohort for "RET fusion": the vocabulary says every
    change the cohort asks for is one the shared rule counts. Only for atoms with no exception or qualifier."""
    if set(shared) - _PLAIN_ATOM or set(atom) - _PLAIN_ATOM:
        return False
    return vocab.membership(atom["gene"], shared["kind"], atom["kind"]) is True


def _doubt_forbidden_carriers(clauses: list[dict[str, Any]], carriers: set[str],
                              conditions: dict[str, dict[str, Any] | None]) -> None:
    """"No EGFR or ALK aberrations" beside "patients with EGFR or ALK aberrations must have progressed on an
    approved drug": the text lets carriers in on a condition. Where that condition is targeted therapy for the
    genes the clause names, the clause means "no untreated EGFR or ALK" (treated_ok); else it is a question."""
    if not carriers:
        return
    whole_panel = set(vocab.driver_panel()[0]) <= carriers

    def let_in(atom: dict[str, Any]) -> bool:
        return atom["gene"] in carriers if atom["t"] == "alt" else atom["t"] == "driver" and whole_panel

    for clause in clauses:
        if clause["mode"] != "forbid":
            continue
        if not all(let_in(a) for a in clause["atoms"]):
            _named_carriers_treated(clause, carriers, conditions)
            continue
        # A gene the carrier rules do not name is covered by one that names drivers as a class.
        found = [conditions[a["gene"]] if a["t"] == "alt" and a["gene"] in conditions
                 else conditions.get("driver") if a["t"] in {"alt", "driver"} else None for a in clause["atoms"]]
        if found and found[0] is not None and all(f == found[0] for f in found) and "treated_ok" not in clause:
            clause["treated_ok"] = found[0]
        elif "treated_ok" not in clause and not clause.get("alone"):
            # ("EGFR exon 20 insertion as the sole EGFR mutation" names exactly which carriers it bars: more
            # specific than a permission for the gene's carriers we could not read whole, it stays a bar)
            clause["doubtful"] = True
