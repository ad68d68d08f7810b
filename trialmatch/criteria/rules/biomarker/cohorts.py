"""Which cohort, part or arm a criterion belongs to, as the biomarker reading names them.

"Cohort 1 and 3: ..." -> ["cohort 1", "cohort 3"], from the bullet, its parent bullet, a label inside a
sentence, or (when none of ours is written) the shared reader's scope. A heading over every criterion
("Phase 2:") is the trial itself, not one cohort. Anchored patterns: linear in the text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from trialmatch.criteria.rules.biomarker.cues import PERMISSION, sentences
from trialmatch.criteria.rules.biomarker.phrases import names_marker
from trialmatch.criteria.rules.marker_vocab import mentions_marker
from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.reader import Scope, cohort_codes
from trialmatch.criteria.rules.reader.vocabulary import MARK_JOINER, mark_id
from trialmatch.criteria.text import Criterion

# "Arm N (sitravatinib):", "Cohort K:": an umbrella trial's later letters, as a capital after a space only ("arms:"
# is not "arm s"); I to IV stay the roman numerals.
_LABEL_ID = (r"(?:\d{1,2}[a-z]?\d?|[A-H]\d[a-z]?|[A-H]|S\d{1,2}[a-z]?|I{1,3}[ab]?|IV[ab]?|[12][ab]"
             r"|(?<=\s)(?-i:[J-Z])(?![\w\-]))")
_JOIN = r"\s*(?:,\s*(?:and|or|&)?|and|&|/|or|\+)\s*"
# "Part 1 (combination) & Part 2:", "Cohort A and Cohort C (expansion):": more groups, each with its kind word
# again and an aside of its own.
_MORE_GROUPS = (r"(?P<more>(?:" + _JOIN + r"(?:cohorts?|arms?|parts?|groups?|phases?)\s*" + _LABEL_ID
                + r"\b[*\u2020]{0,2}\s*(?:\([^)]{0,40}\)\s*)?)*)")
_COHORT_LABEL = guarded(
    # "Cohort A* (closed):": a footnote mark may follow the label
    r"(?:^|(?<=[:;]\s))\(?\s*(?P<kind>cohorts?|arms?|parts?|groups?|phases?|strat(?:um|a)|modules?|sub-?stud(?:y|ies)"
    r"|dose[\s\-](?:escalation|expansion)|expansion)" + MARK_JOINER + r"(?P<ids>" + _LABEL_ID
    + r"(?:" + _JOIN + _LABEL_ID + r")*)\b[*\u2020]{0,2}\s*(?:\([^)]{0,120}\)\s*)?" + _MORE_GROUPS
    # "Part B dose escalation:", "Cohort 2 combination:": what the part does may follow its name
    + r"(?:(?:dose[\s\-])?(?:escalation|expansion|extension|optimi[sz]ation|run-?in|monotherapy|combination)\s*){0,2}"
    # "Phase 1 (Dose Escalation), XY-101 monotherapy:": after a comma, the drug the part gives and how
    r"(?:,\s*(?:[\w\-+/]+\s+){0,3}?(?:monotherapy|combination)\s*)?"
    # "Arm B (non-squamous, EGFR wild-type), after platinum", "Cohort 2 (KRAS G12C) after sotorasib": the bracket
    # holds the group's own words, its rule follows after a comma or straight on
    r"(?:only\b)?\s*(?:[:：)\-]|(?<=\))\s*,?(?=\s*[\w(]))",
    re.I,
)

# "For the expansion part, patients have ...", "In the dose escalation cohorts: ...": a part named by what it does.
_NAMED_PART = re.compile(
    r"^\W{0,3}(?:for|in)\s+(?:the\s+)?(?:dose[\s\-]+)?(?P<part>escalation|expansion|extension)\s+"
    r"(?:parts?|phases?|cohorts?|portions?|stages?)\b\s*(?:\([^()]{0,60}\)\s*)?[,:]",
    re.I,
)


def cohort_labels(criterion: Criterion) -> list[str]:
    """"Cohort 1 and 3: ..." -> ["cohort 1", "cohort 3"]; looks at the bullet, then its parent bullet."""
    return list(bullet_labels(criterion.text, criterion.parent))


def bullet_labels(text: str, parent: str) -> tuple[str, ...]:
    """cohort_labels of a bullet with this text under this parent bullet."""
    match = label_at_start(text) if text else None
    if match:
        return tuple(_labels_of(match))
    named = _NAMED_PART.match(text) if text[:3].lower() in {"for", "in "} else None
    if named:
        return (f"part {named.group('part').lower()}",)
    trailing = _LABEL_AFTER_RULE.match(text) if _LABEL_AFTER_MARK.search(text) else None
    if trailing:
        return tuple(_labels_of(trailing))
    return _parent_labels(parent) if parent else ()


def whole_trial_scope(criteria: tuple[Criterion, ...]) -> str | None:
    """"Phase 2 [open to enrollment]:" over every criterion scopes the whole trial: it names no other way in."""
    if len(criteria) < 3 or all(c.scope is None for c in criteria):
        return None
    # Asked once per distinct bullet: a long text repeats its bullets.
    way_in = {text: not _not_a_way_in(text) for text in dict.fromkeys(c.text for c in criteria)}
    labels = {c.scope.label if c.scope is not None and c.scope.kind != "condition" else None for c in criteria
              if way_in[c.text]}
    label = labels.pop() if len(labels) == 1 else None
    # "Phase 2 - Cohort 1 (only) exclusion criteria:", "Part B (first-line cohort) only:": a group that says it is
    # one of several, even over every criterion listed (the others' criteria may be missing from the text).
    return None if label is None or _ONLY.search(label) else label


_ONLY = re.compile(r"\bonly\b", re.I)


# A part that no longer enrols ("Phase 1 [closed to enrollment]").
_CLOSED = re.compile(
    r"\bclosed\s+(?:to|for)\s+(?:enrol?lment|accrual|recruitment)\b|\bno\s+longer\s+(?:enrol?ling|recruiting)\b",
    re.I,
)


def _not_a_way_in(text: str) -> bool:
    """A list's heading ("Selected Inclusion Criteria:") or a closed part opens no way into the trial."""
    if text.rstrip().endswith(":"):
        return True
    lowered = text.lower()
    return ("closed" in lowered or "longer" in lowered) and _CLOSED.search(text) is not None


def whole_trial_labels(per_criterion: list[tuple[str, ...]]) -> list[str] | None:
    """Our cohort names, when one set of them is over every criterion ("Phase 2:" above both lists).

    `per_criterion`: each criterion's bullet_labels, in order."""
    if len(per_criterion) < 3:
        return None  # a heading and one rule at least: a lone labelled criterion is a part, not the trial
    found = set(per_criterion)
    return list(found.pop()) if len(found) == 1 else None


# What names one group inside a label: its letter or number after a kind word ("Substudy B and C" -> b, c), or the
# part's own word ("dose escalation" -> escalation). Kinds are left out: "Part 1" and "Cohort 1" may be one group.
_GROUP_ID = re.compile(
    r"\b(?:cohorts?|arms?|parts?|phases?|groups?|modules?|sub-?stud(?:y|ies)|strat(?:um|a)|sub-?cohorts?)"
    + MARK_JOINER +
    r"(?P<ids>" + _LABEL_ID + r"(?:\s*(?:,\s*(?:and|or|&)?|and|&|/|or)\s*" + _LABEL_ID + r")*)\b"
    r"|\b(?P<part>escalation|expansion|extension|optimi[sz]ation|run-?in|lead-?in)\b",
    re.I,
)


def _group_ids(label: str) -> set[str]:
    found: set[str] = set()
    for match in _GROUP_ID.finditer(label):
        if match.group("part"):
            found.add(match.group("part").lower().replace("-", ""))
        else:
            found.update(mark_id(i) for i in _ID_SEPARATOR.split(match.group("ids")) if i.strip())
    return found


def unseen_group(labels: list[str], scoped: list[str], headings: list[str] | None = None) -> str | None:
    """A group the shared reader named in the criteria ("... for monotherapy phase 1a dose escalation") with no marker
    rule of its own, that is none of the groups the marker rules are for (`labels`): a way into the trial whose
    marker rules, if any, we do not see. None when there are no such labels, or every such group may be one of them
    ("For Substudy B and C, measurable disease" beside "Substudy B" and "Substudy C"). `headings`: lines that only
    announce labelled groups ("Phase 2 (Dose Expansion), by cohort:"); the groups they name are those groups."""
    if not labels:
        return None
    named = set().union(*(_group_ids(label) for label in [*labels, *(headings or ())]))
    for group in scoped:
        ids = _group_ids(group)
        if ids and not ids & named:
            return group.split(": ", 1)[-1]
    return None


_PART_IDS = frozenset({"escalation", "expansion", "extension", "optimization", "optimisation", "runin", "leadin"})


def sibling_part(labels: list[str], group: str) -> bool:
    """Is the unseen group a sibling part of the labelled ones, each named by what it does ("Dose Expansion Part"
    beside "Dose Escalation Part")? Then it is surely another way in, not a group holding them."""
    named = set().union(*(_group_ids(label) for label in labels))
    ids = _group_ids(group)
    return bool(ids) and ids <= _PART_IDS and bool(named) and named <= _PART_IDS


def scope_label(scope: Scope) -> str:
    """A cohort name for a part, arm or phase the shared reader found ("Part B", "dose escalation only")."""
    return f"{scope.kind}: {scope.label.lower()}"


# "S1: FGFR1-3 amplification", "B2 (HER2 IHC 3+): NSCLC ...": a bullet that opens with a bare sub-study code, one
# capital letter and a number, then a colon, names its group as "Sub-study S1:" would. Upper case and a colon only:
# "T790M:", "Q3W:", "V600E:" and "s1:" are no group's code.
_BARE_CODE = re.compile(r"\(?\s*(?P<code>[A-Z]\d{1,2}[a-z]?)\b\s*(?:\([^)]{0,40}\)\s*)?[:：]")


# "Phase 2 EXP-1: ...", "Part B ESC-2:", "Phase 1b Expansion 3:", "Part 2 COH-4 (monotherapy):": a part's heading
# closed by the code of one of its cohorts. The cohort is the group (its siblings EXP-2, EXP-3 are other ways into the
# same part), not the whole part. A plain "Phase 2:" is read by _COHORT_LABEL as before.
_PART_CODE = re.compile(
    r"\(?\s*(?:phase|part|stage)\s*(?:\d{1,2}[a-z]?|I{1,3}[ab]?|IV[ab]?|[A-H])\s+"
    rf"(?P<code>{cohort_codes.CODE})\s*(?:\([^():;]{{0,50}}\)\s*)?[:：]",
    re.I,
)
# "Phase 2 HER-2:", "Part B MET-1:" name a marker's group, "Phase 2 PD-1:" a drug's target: no cohort's code.
_TARGET_CODE = re.compile(r"^(?:pd|ctla|cd|il|lag|tim)-", re.I)


def _part_code(text: str) -> re.Match[str] | None:
    match = _PART_CODE.match(text)
    if match is None:
        return None
    code = match.group("code")
    return None if mentions_marker(code) or _TARGET_CODE.match(code) else match


# "TPS >= 50%: Cohort 1 (drug plus pembrolizumab)", "PD-L1 1-49% -> Arm B": the rule first, then, after its colon
# or arrow, the one group it leads to and nothing else (a bracket of what the group gets at most). The rule is that
# group's way in, as "Cohort 1: TPS >= 50%" is; read as the whole trial's, a sibling group's patients (TPS < 50% for
# Cohort 2) were excluded. The rule part holds no colon; the label is the bullet's end.
_LABEL_AFTER_RULE = re.compile(
    r"[^:：;]{1,100}?\s*(?:[:：]|->|→|=>)\s*(?:assigned\s+to\s+|enrol\w*\s+(?:in|into)\s+)?(?:the\s+)?"
    r"(?P<kind>cohorts?|arms?|parts?|groups?|strat(?:um|a)|modules?)\s*(?P<ids>" + _LABEL_ID + r")\b[*\u2020]{0,2}"
    r"\s*(?:\([^()]{0,120}\)\s*)?\.?\s*$",
    re.I,
)

_LABEL_AFTER_MARK = re.compile(r"[:：>→]")  # a cheap look before _LABEL_AFTER_RULE


def label_at_start(text: str) -> re.Match[str] | None:
    # Anchored, the regex reads a few characters: cheaper than the guard's look through the whole text.
    return _COHORT_LABEL.pattern.match(text) or _BARE_CODE.match(text) or _part_code(text)


@lru_cache(maxsize=64)  # every sub-bullet asks about the same parent
def _parent_labels(parent: str) -> tuple[str, ...]:
    match = label_at_start(parent)
    if match is None:
        found = list(_COHORT_LABEL.finditer(parent))
        match = found[-1] if found else None
    return tuple(_labels_of(match)) if match else ()


# "Cohort A: EGFR exon 19 deletion; Cohort B: KRAS G12C" inside one bullet: each part keeps its own label.
_LABEL_INSIDE = guarded(
    # "... include: Cohorts 1, 3 and 5: EGFR exon 19 deletion or L858R; Cohort 2: ...": a list of labels too
    # Not after a joining word: "Cohort 2 and Cohort 3: ..." is one list of labels.
    # "EGFR or ALK fusion (Cohort C: EGFR-mutant patients after osimertinib are not eligible)": a bracketed remark
    # that opens with a label is that group's own rule
    r"(?<=\S)(?<!\band)(?<!\bor)(?<![&,/+])\s+(?=\(?(?:Cohorts?|Arms?|Parts?|Groups?|Phase|Stratum|Module)\s+"
    + _LABEL_ID
    + r"(?:\s*(?:,\s*(?:and|or|&)?|and|&|/|or)\s*" + _LABEL_ID + r")*\s*(?:only\s*)?[:：])"
)


def labelled_sentences(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The criterion's sentences, each with the cohort labels it starts with."""
    out = []
    for sentence in sentences(text):
        for piece in _LABEL_INSIDE.split(sentence):
            if piece.strip():
                match = label_at_start(piece.strip())
                out.append((piece.strip(), tuple(_labels_of(match)) if match else ()))
    return tuple(out)


_ID_SEPARATOR = re.compile(r"\s*(?:,|and|&|/|or|\+)\s*")


_MORE_WORDS = re.compile(r"\([^)]*\)|\b(?:cohorts?|arms?|parts?|groups?|phases?)\b|[*\u2020]", re.I)


def _labels_of(match: re.Match[str]) -> list[str]:
    if match.groupdict().get("code"):
        return [cohort_codes.cohort_name(match.group("code"))]
    kind = match.group("kind").lower().rstrip("s")
    kind = "cohort" if kind in {"arm", "group", "part", "module", "stratum", "strata"} else kind
    more = match.groupdict().get("more")
    ids = _ID_SEPARATOR.split(match.group("ids") + (" and " + _MORE_WORDS.sub(" ", more) if more else ""))
    return [f"{kind} {mark_id(i)}" for i in ids if i.strip()]


# "PD-L1-negative patients are eligible for Cohort 2", "EGFR wild-type patients may enrol in Arm B": the sentence
# names who goes to another group (so the bullet's other rule on that marker is not for that group).
_GROUP_PERMISSION = guarded(
    r"\b(?:eligible|allowed|permitted|enrol?led|included|assigned|considered|enrol?l?|enter|join)\s+"
    r"(?:for|in|into|to|onto)\s+(?:the\s+)?(?P<kind>cohorts?|arms?|parts?|groups?|strat(?:um|a)|modules?"
    r"|sub-?stud(?:y|ies))\s*(?P<ids>" + _LABEL_ID + r"(?:\s*(?:,\s*(?:and|or|&)?|and|&|/|or)\s*" + _LABEL_ID
    + r")*)\b",
    re.I,
)


def permitted_groups(sentence: str) -> tuple[str, ...]:
    """The groups a sentence lets some patients into ("... are eligible for Cohort 2" -> ("cohort 2",))."""
    match = _GROUP_PERMISSION.search(sentence)
    return tuple(_labels_of(match)) if match else ()


_BRACKETED = re.compile(r"\(([^()]{1,40})\)")


def label_description(sentence: str) -> tuple[str, str]:
    """A sentence that opens with a label: (the text after the label, what the label's brackets say).
    "Cohort 1 (MET exon 14): prior MET inhibitor" -> ("prior MET inhibitor", "MET exon 14")."""
    match = label_at_start(sentence)
    if match is None:
        return sentence, ""
    named = _BRACKETED.search(match.group(0))
    return sentence[match.end():].strip(), named.group(1) if named else ""


def before_permission(sentence: str) -> str:
    """The sentence up to its permission ("KRAS wild-type patients [are eligible for Cohort C]")."""
    match = PERMISSION.search(sentence)
    return sentence[:match.start()].strip() if match else sentence


# "...; patients with no actionable genetic change may be allocated to the durvalumab arm", "participants without an
# EGFR mutation can enrol in the chemotherapy cohort", "EGFR wild-type patients are eligible for the control arm": the
# criterion's marker rule is one group's, and the patients who lack the marker have a group of their own. Unnamed by
# a label (a labelled group is permitted_groups'), that group's rules are not written here: a question, never a bar.
_LACKING_GROUP = guarded(
    r"\b(?:(?:patients|participants|subjects|those|people|tumou?rs)\s+(?:with\s+(?:no|none\s+of)|without|lacking"
    r"|negative\s+for)\s+|[\w\-]+[\s\-](?:negative|wild[\s\-]?type)\s+(?:patients|participants|subjects|tumou?rs)\s+)"
    r"[^.;]{0,80}?\b(?:may|can|could|will|are|is)\s+(?:also\s+|instead\s+)?(?:be\s+)?"
    r"(?:allocated|assigned|enrol\w*|included|eligible|enter|join|treated|considered|randomi[sz]ed)\s+"
    r"(?:in|into|to|for|on|onto)\s+(?:the\s+|an?\s+|a\s+separate\s+)?[^.;]{0,40}?"
    r"\b(?:arms?|cohorts?|groups?|parts?|modules?|strat(?:um|a)|baskets?|sub-?stud(?:y|ies))\b",
    re.I,
)


def lacking_group_allowed(text: str) -> bool:
    """Does the criterion let the patients who lack its marker into another, unlabelled group (see _LACKING_GROUP)?"""
    match = _LACKING_GROUP.search(text)
    return match is not None and not permitted_groups(match.group(0))


# "In the ROS1 cohorts, participants whose only measurable disease is intracranial may enrol.", "For the EGFR-mutant
# arm, prior osimertinib is required", "Within the KRAS G12C cohort (Part B), ...": the marker only says which of the
# trial's groups the rest is about; the rest (about the brain, earlier drugs, measurable disease) names no marker, so
# the sentence asks for none. Read as a marker rule, the other cohorts' patients (NTRK fusions) were excluded.
_MARKER_GROUP_LEAD = guarded(
    r"^\W{0,3}(?:in|for|within|among)\s+(?:the\s+|all\s+|both\s+|each\s+of\s+the\s+)?(?P<what>[^,;:()]{2,60}?)\s+"
    r"(?:cohorts?|arms?|groups?|parts?|sub-?cohorts?|populations?|strat(?:um|a)|modules?)\s*(?:\([^()]{0,40}\)\s*)?,"
    r"\s*(?P<rest>\S.*)$",
    re.I | re.S,
)


def names_marker_groups_only(sentence: str) -> bool:
    """Does the sentence name marker groups in its lead-in ("In the ROS1 cohorts, ...") and no marker after it?"""
    match = _MARKER_GROUP_LEAD.match(sentence)
    # names_marker, not the cheap mentions_marker: "a fresh tumour biopsy is optional" passes that pre-check.
    return bool(match and names_marker(match.group("what")) and not names_marker(match.group("rest")))
