"""Brain metastases: what a trial says about brain / CNS metastases and leptomeningeal disease.

parse() reads each criterion sentence that names brain metastases and turns it into a verdict
for each profile state (none, treated_stable, active, unknown):

- exclusions ("active", "untreated", "symptomatic", "known brain metastases"), with their
  exceptions ("unless treated and stable", "asymptomatic patients may participate");
- conditional permissions ("brain metastases are allowed provided they are stable");
- requirements (a brain-metastasis trial: "NSCLC with brain metastases"; "untreated target lesion");
- leptomeningeal disease, location limits (brainstem) and prior brain radiotherapy.

Mentions that set no rule ("to rule out brain metastases", "cannot be used as target lesions",
"radiosensitizers used to treat brain metastases") are read past. All statements apply
together, so the most restrictive verdict per state wins; check() is a lookup.
"""

from __future__ import annotations

import re
from typing import Any

from trialmatch.profile import Profile
from trialmatch.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding, Verdict, no_requirement
from trialmatch.text import Criterion, TrialText, quote

NAME = "brain_metastases"

STATES = ("none", "treated_stable", "active", "unknown")
_SEVERITY = {ELIGIBLE: 0, UNKNOWN: 1, EXCLUDED: 2}
E, U, X = ELIGIBLE, UNKNOWN, EXCLUDED

_SITE = r"(?:brain|cerebral|intra-?cranial|cns|central nervous system|brain parenchymal|parenchymal brain)"
# "brain metastases", "brain or meningeal metastasis", "central nervous system (CNS) metastases",
# "spinal cord compression/brain metastases", "CNS metastatic disease", "metastases to the brain".
BRAIN_METS = re.compile(
    rf"\b{_SITE}(?:\s*\([^()]{{1,12}}\))?(?:\s*(?:or|and|and/or|/)\s*[\w-]+)?\s*(?:metasta\w*|mets)\b"
    r"|\bmetasta\w* (?:to|in|of|involving) the (?:brain|cns|central nervous system)\b",
    re.I,
)
LEPTO = re.compile(
    r"\blepto-?\s?meningeal|\bmeningeal (?:metasta\w*|carcinomatosis|disease|involvement|spread)"
    r"|\b(?:carcinomatous|cancerous|cancer|neoplastic|malignant) meningitis|\bmeningitis carcinomatosa"
    r"|\bmeningeal carcinomatosis",
    re.I,
)

# --- what a qualifier before or after "brain metastases" says: (treated_stable, active) verdicts
_STRONG_ACTIVE = re.compile(
    r"\b(?:active|untreated|non-?treated|progressive|progressing|growing|new|newly diagnosed"
    r"|not (?:been )?(?:previously )?(?:treated|irradiated))\b",
    re.I,
)
_WEAK_ACTIVE = re.compile(
    r"\b(?:uncontrolled|uncontrollable|unstable|not stable|not controlled|poorly controlled"
    r"|not effectively controlled)\b",
    re.I,
)
_SYMPTOMS = re.compile(
    r"\b(?:symptomatic|symptoms?|neurologic(?:al)?ly unstable|steroid-dependent"
    r"|requir\w* (?:[\w-]+ ){0,2}(?:steroids?|corticosteroids?|dexamethasone|anticonvulsants?|treatment"
    r"|therapy|intervention|radiotherapy|surgery))\b",
    re.I,
)
_SIZE = re.compile(r"\b(?:severe|multiple|large|extensive|bulky|diffuse|numerous|more than \d)|[>≥]\s*\d", re.I)
_LOCATION = re.compile(r"\b(?:brainstem|brain stem|midbrain|pons|cerebell\w*|medulla|posterior fossa)\b", re.I)
_LEPTO_WITH = re.compile(
    rf"^\s*(?:combined with|accompanied by|associated with|with|plus)\s+(?:{LEPTO.pattern})", re.I
)
# (family, treated_stable verdict, active verdict); families combine "and" as all-of, synonyms as one.
_QUALIFIERS: list[tuple[re.Pattern[str], str, Verdict, Verdict]] = [
    (_STRONG_ACTIVE, "activity", E, X),
    (_WEAK_ACTIVE, "activity", E, U),
    (_SYMPTOMS, "symptoms", E, U),
    (_SIZE, "size", U, U),
    (_LOCATION, "location", E, E),
]

# --- how a sentence treats the mention
_IGNORE_NEAR = re.compile(
    r"rule out|ruled out|to exclude|to detect|to assess|to evaluate|used to treat|radiosensiti"
    r"|target lesions?|non-target|cannot be used|can not be used|not be (?:used|selected|considered) as"
    r"|\b(?:for|in) (?:the )?(?:patients?|subjects?|participants?) with\b"
    r"|\bif (?:the |a )?(?:patients?|subjects?|participants?) (?:has|have)\b"
    r"|with or without|with/without|regardless of|irrespective of|\bincluding\b",
    re.I,
)
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|without|absence of|free of|not have|not had|negative for|no evidence of|no history of)"
    r"\s+(?:[\w-]+\s+){0,4}$",
    re.I,
)
# "therapy for brain metastases", "symptoms attributed to brain metastases": the mention is an object.
_OBJECT_BEFORE = re.compile(
    r"\b(?:therapy|treatment|radiotherapy|radiation|irradiation|surgery|resection|steroids?|corticosteroids?"
    r"|symptoms?|complications?|control|management|edema|oedema|seizures?)\s+(?:[\w-]+\s+)?"
    r"(?:for|of|to|from|attributed to|due to|related to|caused by|associated with|secondary to)\s+"
    r"(?:the\s+|their\s+|known\s+)?$",
    re.I,
)
_TREATMENT_OBJECT = re.compile(r"^(?:therapy|treatment|radiotherapy|radiation|irradiation|surgery|resection)", re.I)
_NOT_ALLOWED = re.compile(r"\b(?:not (?:be )?(?:eligible|allowed|permitted|enrolled|included)|ineligible)\b", re.I)
_PERMIT_AFTER = re.compile(
    r"^[^;]{0,40}?\b(?:are|is|will be|may|can|could|were|shall|be)\b[^;]{0,25}?"
    r"\b(?:allowed|permitted|eligible|enrolled|enrol|included|participate|considered|admitted|acceptable)\b",
    re.I,
)
_CONDITION = re.compile(
    r"\b(?:if|provided|providing|as long as|given that|when|only|unless|except|must)\b", re.I
)
_EXCEPTION_CUE = re.compile(
    r"\b(?:unless|except|excluding|other than|with the exception|however|provided|providing|as long as|only if"
    r"|if (?:they|the|patients?|subjects?|participants?)"
    r"|(?:may|can|could|will|shall) (?:be )?(?:enrolled|included|eligible|allowed|permitted|considered|admitted"
    r"|participate|enrol\w*)|(?:are|is|were) (?:eligible|allowed|permitted))\b",
    re.I,
)
_MUST_AFTER = re.compile(
    r"^[^;]{0,30}?\b(?:must|should|need to|needs to|(?:are|is) required to)\b", re.I
)
_IF_PATIENT = re.compile(r"\bif (?:the |a )?(?:patients?|subjects?|participants?) (?:has|have)\b", re.I)
_OR_WITH = re.compile(r"\bor (?:[\w-]+ ){0,3}with\b", re.I)

# --- conditions inside an exception
_TREATED = re.compile(
    r"\b(?:treated|irradiated|resected|completed|completion|previously treated"
    r"|complete[sd]? (?:the |their |all )?(?:[\w-]+ ){0,2}(?:treatment|therapy|radiotherapy|radiation|surgery)"
    r"|(?:after|following|post)[- ](?:[\w-]+ ){0,2}(?:treatment|therapy|radiotherapy|radiation|irradiation|surgery"
    r"|resection|radiosurgery)"
    r"|(?:received|undergone|underwent) (?:[\w-]+ ){0,2}(?:treatment|therapy|radiotherapy|radiation|surgery))\b",
    re.I,
)
_NOT_ACTIVE = re.compile(
    r"\b(?:no|not|without|non-?)\s*(?:(?:evidence|signs?) of )?(?:active|progressive|progressing|untreated|new)\b",
    re.I,
)
_UNTREATED = re.compile(
    r"\b(?:untreated|active|new|progressive|progressing|treatment-naive|not (?:been )?(?:previously )?treated)\b",
    re.I,
)
_FITS_TREATED_STABLE = re.compile(
    r"\b(?:stable|stability|asymptomatic|controlled|without (?:any |neurologic\w* )?symptoms?|no (?:ongoing )?"
    r"(?:neurologic\w* )?symptoms?|(?:not|no) (?:\w+ ){0,2}(?:requir\w*|need\w*|ongoing requirement)"
    r"|off (?:\w+ )?(?:corticosteroids|steroids)|discontinued|no (?:evidence of )?(?:\w+ )?progression)",
    re.I,
)
_STATUS_AFTER_OR = re.compile(
    r"\bor (?=(?:the |those |patients? |subjects? |participants? |with |who |if )?"
    r"(?:treated|untreated|asymptomatic|symptomatic|stable|active|previously|patients?|subjects?|participants?"
    r"|those|who|if)\b)",
    re.I,
)

# --- requirements and other rules
_HEADER_REQUIRES = re.compile(
    rf"\b(?:with|and|harbou?ring|having|plus|accompanied by|complicated (?:with|by))\s+(?:[\w-]+\s+){{0,3}}?"
    rf"{_SITE}\s+(?:metasta\w*|mets)\b",
    re.I,
)
_HEADER_LEPTO = re.compile(
    r"\b(?:with|and|harbou?ring|having)\s+(?:[\w-]+\s+){0,2}?(?:lepto-?\s?meningeal|soft meningeal|meningeal)"
    r"\s+(?:metasta\w*|carcinomatosis|disease)",
    re.I,
)
_WITH_OR_WITHOUT = re.compile(r"\bwith or without\b|\bwithout\b", re.I)
_CONDITION_NAME = re.compile(rf"^\s*{_SITE}\s+(?:metasta\w*|mets)\b", re.I)
_MUST_HAVE = re.compile(r"\b(?:must have|required to have|must present with|at least (?:one|1)\b)", re.I)
_UNTREATED_TARGET = re.compile(
    r"\b(?:untreated|not (?:yet )?(?:been )?(?:undergone|received|treated|irradiated)|no prior (?:local|radio)"
    r"|previously untreated|never (?:been )?(?:treated|irradiated))",
    re.I,
)
_INTRACRANIAL_LESION = re.compile(rf"\b{_SITE}\s+(?:target |measurable )?(?:lesions?|metasta\w*)", re.I)
_UNTREATED_LESION = re.compile(
    rf"\b{_SITE}\s+(?:target |measurable )?(?:lesions?|metasta\w*)\s+(?:that |which )?(?:has |have |is |are )?"
    rf"(?:not (?:yet )?(?:been )?(?:previously )?(?:treated|irradiated|undergone)|untreated)"
    rf"|\b(?:untreated|previously untreated|non-irradiated) (?:target |measurable )?{_SITE}\s+(?:lesions?|metasta\w*)",
    re.I,
)
_PRIOR_BRAIN_RT = re.compile(
    r"\b(?:prior|previous(?:ly)?|history of|received|had|underwent)\b[^.;]{0,40}?"
    r"(?:\b(?:brain|cranial|intra-?cranial|cns)\s+(?:radiation|radiotherapy|irradiation|radiosurgery)"
    r"|\b(?:radiation|radiotherapy|irradiation) (?:to|of) the (?:brain|head)\b)",
    re.I,
)
_WHOLE_BRAIN = re.compile(r"whole[- ]brain|\bWBRT\b", re.I)
_TIME_WINDOW = re.compile(r"\bwithin \d|\b\d+\s*(?:days?|weeks?|months?) (?:before|prior)", re.I)
_ASIDE = re.compile(r"\([^()]{0,200}\)")
_LOOKBACK = 80  # how far before a mention its negation or "therapy for" is looked for
_CONDITION_SENTENCES = 6
_CLAUSE_END = re.compile(r"[;:.(]")


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
    cut = max((m.end() for m in _CLAUSE_END.finditer(window)), default=0)
    window = window[cut:]
    # A comma ends the clause, unless what precedes it is one qualifier ("symptomatic, untreated").
    parts = window.rsplit(",", 2)
    if len(parts) >= 2:
        keep = parts[-1]
        if len(parts) == 3 and _is_qualifier_only(parts[-2]):
            keep = parts[-2] + "," + parts[-1]
        window = keep
    return window


def _is_qualifier_only(text: str) -> bool:
    words = text.split()
    return len(words) == 1 and any(p.search(text) for p, *_ in _QUALIFIERS)


def _after_window(sentence: str, end: int) -> str:
    """What follows a mention up to the end of its clause, asides removed."""
    text = _ASIDE.sub("", sentence[end:end + 400])[:120]
    stop = re.search(r"[,;.:]", text)
    text = text[:stop.start()] if stop else text
    cue = _EXCEPTION_CUE.search(text)
    return text[:cue.start()] if cue else text


def _qualified(before: str, after: str) -> tuple[Verdict, Verdict, list[str]]:
    """(treated_stable, active) verdicts for excluding the brain metastases these words describe."""
    text = f"{before} {after}"
    found: list[tuple[str, Verdict, Verdict]] = []
    words: list[str] = []
    for pattern, family, treated, active in _QUALIFIERS:
        for m in pattern.finditer(text):
            found.append((family, treated, active))
            words.append(m.group(0).lower())
    if _LEPTO_WITH.search(after):
        found.append(("lepto", E, E))
        words.append("with leptomeningeal disease")
    if not found:
        return X, X, []  # any brain metastases
    pairs_t = [f[1] for f in found]
    pairs_a = [f[2] for f in found]
    if re.search(r"\bor\b|/", before):  # "symptomatic or untreated": either one is enough to exclude
        return _most(pairs_t), _most(pairs_a), words
    # "untreated symptomatic": all must hold, so the loosest family decides; synonyms count as one.
    by_family: dict[str, tuple[Verdict, Verdict]] = {}
    for family, treated, active in found:
        old = by_family.get(family)
        by_family[family] = (
            (_most([old[0], treated]), _most([old[1], active])) if old else (treated, active)
        )
    return (_most([v[0] for v in by_family.values()], restrictive=False),
            _most([v[1] for v in by_family.values()], restrictive=False), words)


def _alternatives(region: str) -> list[str]:
    """Split an exception into its alternatives at "or" that starts a new patient group."""
    flat = _ASIDE.sub(lambda m: " " * len(m.group(0)), region)
    cuts = [m.start() for m in _STATUS_AFTER_OR.finditer(flat)]
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(region[last:cut])
        last = cut
    pieces.append(region[last:])
    return [p for p in pieces if p.strip()]


def _alternative_verdicts(alternative: str) -> tuple[Verdict, Verdict]:
    """Who an exception lets back in: (treated_stable, active) verdicts for one alternative."""
    requires_inactive = bool(_NOT_ACTIVE.search(alternative))
    rest = _NOT_ACTIVE.sub(" ", alternative)
    treated = bool(_TREATED.search(rest))
    untreated = bool(_UNTREATED.search(rest))
    if untreated and not treated:
        return X, U
    if treated or requires_inactive:
        return E, X
    if _FITS_TREATED_STABLE.search(rest):
        return E, U
    return U, U  # a condition we cannot read ("if approved by the sponsor")


def _loosen(statement: dict[str, Any], region: str) -> None:
    """Apply an exception: its best alternative lets patients back in."""
    options = [_alternative_verdicts(a) for a in _alternatives(region)]
    if not options:
        return
    statement["treated_stable"] = _most(
        [statement["treated_stable"], *(o[0] for o in options)], restrictive=False)
    statement["active"] = _most([statement["active"], *(o[1] for o in options)], restrictive=False)


def _names_state(text: str) -> bool:
    return any(p.search(text) for p in (_TREATED, _UNTREATED, _NOT_ACTIVE, _FITS_TREATED_STABLE))


def _subject(before: str) -> str:
    """Whom a permission is about: "treated", "active" brain metastases, or "any"."""
    rest = _NOT_ACTIVE.sub(" ", before)
    if _TREATED.search(rest):
        return "treated"
    if _UNTREATED.search(rest):
        return "active"
    return "any"


# ---------------------------------------------------------------- reading one criterion
def _conditional(sentence: str, conditions: str, subject: str) -> dict[str, Any] | None:
    """ "Brain metastases are allowed provided ...": only those meeting the conditions may join."""
    if subject == "active":
        return _statement("conditional", sentence, E, E, U)
    statement = _statement("conditional", sentence, E, X, X)
    _loosen(statement, conditions)
    if subject == "treated":
        statement["active"] = E  # says nothing about untreated ones
    return statement


def _mention_statements(
    criterion: Criterion, index: int, sentences: list[str], header_requires: bool,
    last: dict[str, Any] | None,
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Statements from one sentence; `last` is the criterion's open exclusion, which a permission loosens."""
    sentence = sentences[index]
    exclusion = criterion.section == "exclusion"
    mention = BRAIN_METS.search(sentence)
    if mention is None:
        return [], last
    start, end = mention.span()
    before = _before_window(sentence, start)
    near = sentence[max(0, start - 40):min(len(sentence), end + 40)]
    if _IGNORE_NEAR.search(near) or _IF_PATIENT.search(sentence[max(0, start - 200):start]):
        return [], last
    if exclusion and _prior_brain_radiotherapy(sentence):
        return [], last  # read as its own rule
    negated = bool(_NEGATED_BEFORE.search(sentence[max(0, start - _LOOKBACK):start]))
    after_text = _ASIDE.sub("", sentence[end:end + 160])
    permits = bool(_PERMIT_AFTER.search(after_text)) and not _NOT_ALLOWED.search(after_text[:60])
    must = bool(_MUST_AFTER.search(after_text))
    # Conditions of a permission may run on into the next few sentences of the same bullet.
    rest_of_criterion = " ".join([sentence[end:], *sentences[index + 1:index + 1 + _CONDITION_SENTENCES]])

    if permits or must:
        subject = _subject(before)
        statements = []
        if last is not None and permits:  # "... Patients with treated brain metastases may participate"
            _loosen(last, sentence)
        # "must ..." only sets a brain rule when it names a state ("must be stable after local therapy").
        if must and not permits and not _names_state(sentence[end:]):
            return statements, last
        if must or _CONDITION.search(after_text):
            made = _conditional(sentence, rest_of_criterion, subject)
            if made:
                statements.append(made)
        return statements, last

    object_of = _OBJECT_BEFORE.search(sentence[max(0, start - _LOOKBACK):start])
    if object_of:
        if not exclusion and not negated:
            return [], last
        if _TREATMENT_OBJECT.match(object_of.group(0)):
            if _TIME_WINDOW.search(sentence):
                return [], last
            return [_statement("prior_treatment", sentence, E, U, E)], last
        return [_statement("exclusion", sentence, E, E, U)], last

    if exclusion and negated:  # "leptomeningeal disease but no evidence of brain metastasis"
        return [], last
    if exclusion or negated:
        treated, active, _ = _qualified(before, _after_window(sentence, end))
        statement = _statement("exclusion", sentence, E, treated, active)
        region_start = end
        cue = _EXCEPTION_CUE.search(sentence, end)
        if negated and not exclusion and (alt := _OR_WITH.search(sentence, end)):
            cue = alt if cue is None or alt.start() < cue.start() else cue
        if cue:
            region_start = cue.start() if cue.group(0).lower().split()[0] in (
                "unless", "except", "excluding", "other", "with", "however", "provided", "providing", "as",
                "only", "if", "or") else end
            _loosen(statement, sentence[region_start:])
        return [statement], statement

    # Inclusion, stated plainly: a requirement in a brain-metastasis trial, else the sentence lists
    # which brain metastases are acceptable ("untreated asymptomatic ... or treated and stable").
    if header_requires or _MUST_HAVE.search(sentence[:start]):
        return [_statement("requires", sentence, X, E, E)], last
    statement = _statement("conditional", sentence, E, X, X)
    _loosen(statement, sentence)
    return [statement], last


def _untreated_target_required(criterion: Criterion, brain_trial: bool) -> bool:
    """An inclusion criterion asking for a brain lesion that has not been treated.

    In a brain-metastasis trial the two may sit in different sentences of the criterion;
    elsewhere they must be said together ("one brain metastasis not previously irradiated").
    """
    text = criterion.context
    if criterion.section != "inclusion" or re.search(r"\bstable\b", text, re.I) or _PERMIT_AFTER.search(text):
        return False
    if brain_trial:
        return bool(_INTRACRANIAL_LESION.search(text)) and bool(_UNTREATED_TARGET.search(text))
    return bool(_UNTREATED_LESION.search(text))


def _prior_brain_radiotherapy(sentence: str) -> bool:
    """ "Previously received brain radiation therapy": whole-brain-only rules and time windows aside."""
    return (bool(_PRIOR_BRAIN_RT.search(sentence)) and not _WHOLE_BRAIN.search(sentence)
            and not _TIME_WINDOW.search(sentence))


def _lepto_statements(criterion: Criterion, sentence: str, header_lepto: bool) -> list[dict[str, Any]]:
    mention = LEPTO.search(sentence)
    if mention is None or BRAIN_METS.search(sentence):
        return []
    after = _ASIDE.sub("", sentence[mention.end():mention.end() + 120])
    if _PERMIT_AFTER.search(after) and not _NOT_ALLOWED.search(after[:60]):
        return []
    negated = bool(_NEGATED_BEFORE.search(sentence[max(0, mention.start() - _LOOKBACK):mention.start()]))
    if criterion.section == "exclusion" or negated:
        return [_statement("leptomeningeal", sentence, E, E, E)]
    if header_lepto:
        return [_statement("requires_leptomeningeal", sentence, X, U, U)]
    return []


def _header_requirement(text: TrialText) -> tuple[bool, bool]:
    """Does the title or condition list make this a brain (or leptomeningeal) metastasis trial?"""
    title = text.title
    requires = bool(_HEADER_REQUIRES.search(title)) and not _WITH_OR_WITHOUT.search(title)
    lepto = bool(_HEADER_LEPTO.search(title)) and not _WITH_OR_WITHOUT.search(title)
    return requires, lepto


def parse(text: TrialText) -> dict[str, Any]:
    header_requires, header_lepto = _header_requirement(text)
    condition_named = any(_CONDITION_NAME.match(c) for c in text.conditions)
    statements: list[dict[str, Any]] = []
    for criterion in text.criteria:
        sentences = criterion.sentences()
        last: dict[str, Any] | None = None
        for index, sentence in enumerate(sentences):
            made, last = _mention_statements(
                criterion, index, sentences, header_requires or condition_named, last)
            statements.extend(made)
            statements.extend(_lepto_statements(criterion, sentence, header_lepto))
            if criterion.section == "exclusion" and _prior_brain_radiotherapy(sentence):
                statements.append(_statement("prior_brain_radiotherapy", sentence, E, U, E))
        brain_trial = header_requires or condition_named
        if (brain_trial or _MUST_HAVE.search(criterion.text)) and _untreated_target_required(criterion, brain_trial):
            statements.append(_statement("requires_untreated", criterion.text, X, X, E))
    if header_requires and not any(s["kind"] == "requires" for s in statements):
        statements.append(_statement("requires", text.title, X, E, E))
    if header_lepto and not any(s["kind"] == "requires_leptomeningeal" for s in statements):
        statements.append(_statement("requires_leptomeningeal", text.title, X, U, U))
    unique: dict[tuple[str, ...], dict[str, Any]] = {}
    for statement in statements:
        unique.setdefault(tuple(str(statement[k]) for k in ("kind", "evidence", *STATES)), statement)
    statements = list(unique.values())
    if not statements:
        return {}
    verdicts: dict[str, Verdict] = {}
    deciding: dict[str, int] = {}
    for state in STATES:
        verdicts[state] = _most([s[state] for s in statements])
        deciding[state] = next(i for i, s in enumerate(statements) if s[state] == verdicts[state])
    return {"verdicts": verdicts, "deciding": deciding, "statements": statements}


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
    "requires_untreated": "needs brain metastases that have not been treated",
    "requires_leptomeningeal": "is for patients with leptomeningeal disease",
    "leptomeningeal": "excludes leptomeningeal disease",
    "prior_brain_radiotherapy": "excludes brain metastases treated with radiotherapy before",
    "prior_treatment": "limits earlier treatment of brain metastases",
}


def check(rules: dict[str, Any], profile: Profile) -> Finding:
    if not rules:
        return no_requirement("brain metastases")
    state = profile.brain_metastases or "unknown"
    verdict: Verdict = rules["verdicts"][state]
    statement = rules["statements"][rules["deciding"][state]]
    rule = _RULE.get(statement["kind"], "sets a rule on brain metastases")
    if verdict == ELIGIBLE:
        reason = f"The trial {rule}; {_YOURS[state]}, which it does not rule out."
    elif verdict == EXCLUDED:
        reason = f"The trial {rule}; {_YOURS[state]}, which it does not accept."
    else:
        reason = f"The trial {rule}; {_YOURS[state]}: ask the study team whether you qualify."
    return Finding(verdict, statement["evidence"], reason)
