"""Who a prior-therapy rule applies to: a cohort, arm or phase, or patients with one biomarker.

"Cohort 2: ...", "Phase Ia (Part B):", "(for phase II part)", "inadmissible to Cohort 2 and
Cohort 4" name cohorts; "Patients with EGFR mutation previously treated with osimertinib" and
"(osimertinib exposure required for T790M+)" name a biomarker group.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy.marker_groups import HOLDING, SUBJECT, sentence_group
from trialmatch.criteria.rules.prior_therapy.terms import normalize
from trialmatch.criteria.rules.reader import cohort_codes, ends_scope
from trialmatch.criteria.rules.reader.scope import DRUG_CLASS
from trialmatch.criteria.rules.reader.vocabulary import GROUP_NOUN
from trialmatch.criteria.vocab import canonical_gene

# "Cohorts 3and3b": a number may run straight into "and".
# "Cohort A1/C", "Cohorts A2/B1/B2": a letter and a number name a sub-cohort.
# (A word such as "if", "is", "in" or "it" after "group" is no roman numeral: "can enter the group if ...".)
_LABEL = (r"(?:\d{1,2}[a-z]?(?:\b|(?=and\b|and\d))|(?!(?:if|is|in|it|id)\b)[ivx]{1,4}[a-z]?\b|[a-z]\d{1,2}[a-z]?\b"
          r"|[a-z]\b)")
# ("Sub-protocol E:", "Sub-study 2:": the master protocols' parts.)
_KIND_WORD = r"(?:cohort|arm|part|phase|group|module|sub-?protocol|sub-?stud(?:y|ie))s?"
_COHORT_LABELS = re.compile(
    rf"(?P<kind>cohort|arm|part|phase|group|module|sub-?protocol|sub-?stud(?:y|ie))s?+(?:\s*+|-(?=[a-z]?\d))#?(?P<first>{_LABEL})"
    rf"(?P<more>(?:\s*+(?:,|and|&|/|or)\s*+(?:{_KIND_WORD}\s*)?#?{_LABEL})*+)"
)
_MORE_LABEL = re.compile(rf"(?:,|and|&|/|or)\s*(?:{_KIND_WORD}\s*)?#?(?P<label>{_LABEL})")
# A cohort heading: "Cohort 2:", "Phase 2 :", "Phase Ia(Part A):", "Cohort 3 only:", "Arm #4 (Combination):".
# "PDAC (1L) Cohort A2:": a cohort heading may open with the group's name.
_HEADING = guarded(
    rf"(?:^|[:;.]\s*|\d[.)]\s+)\W*(?:[a-z0-9+/-]{{2,12}}\s*(?:\([^():;]{{0,12}}\)\s*)?)?{_KIND_WORD}(?:\s*|-(?=[a-z]?\d))#?{_LABEL}"
    r"(?:\s*\([^():;]{0,50}\))?[^:;.]{0,30}:"
)
# "Pretreated cohorts (1a, 1b, 2, 4):", "Treatment-naive arms (B and C):": a heading naming its group by what its
# patients are, with the cohorts it takes listed in brackets.
_LISTED_HEADING = guarded(
    r"(?:^|[:;.]\s*|\d[.)]\s+)\W*(?:[a-z0-9+/-]{2,20}\s+){0,3}(?P<kind>cohort|arm|part|group|module)s\s*"
    rf"\((?P<labels>#?{_LABEL}(?:\s*(?:,|and|&|/|or)\s*#?{_LABEL})+)\)\s*:"
)
# A cohort heading closed by a dash under a part's heading: "Phase 2: Cohort 2a - RET fusion-positive NSCLC previously
# treated with X", "Part B: Arm 3 – no prior ...". The cohort is the sentence's group, not the whole part.
_DASH_HEADING = guarded(
    rf"(?:^|[:;.]\s*|\d[.)]\s+)\W*(?:cohort|arm|group|module)\s*#?{_LABEL}(?:\s*\([^():;]{{0,50}}\))?\s+[-\u2013\u2014]+\s"
)
# ... or a closing aside: "is not permitted (Cohort 1 only)".
# "... to be included in Part B, Cohort 2", "... is required to be enrolled in Cohort 3": "in" after a word of joining
# (not "prior treatment in Part 1", which dates a treatment).
_IN_SENTENCE = guarded(rf"\b(?:for|to|into)\s+(?:the\s+)?(?={_KIND_WORD}\s*\w)"
                          rf"|\b(?P<joined>enrol\w*|included|inclusion|entered|entry|assigned|allocated|participat\w*)"
                          rf"\s+in\s+(?:the\s+)?(?={_KIND_WORD}\s*\w)"
                          rf"|\((?=\s*{_KIND_WORD}\s*\w[^()]{{0,40}}?\bonly\s*\))")
_EXCEPT_BEFORE = re.compile(r"\b(?:except|excluding|other\s+than|unless|besides|apart\s+from)\b")
# Words right before a group that exempt it: "(not applicable to Arm 3)", "does not apply to Cohort 2", "(not for Part
# B)", ", except those assigned to Arm 3", "(with the exception of Cohort D)". The rule binds the others, never it.
_EXEMPTS_BEFORE = re.compile(
    r"(?:\b(?:except|excluding|exclusive\s+of|other\s+than|besides|apart\s+from|save|exception\s+of)\b"
    r"|\bnot\s+(?:be\s+)?(?:applicable|relevant|apply|applied|required)\b|\bdo(?:es)?\s*n[o']t\s+apply\b"
    r"|[(\[]\s*not\b)[^;.()]{0,50}$")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}
# "Phase Ia (Part A)" is best named by its part.
_KIND_ORDER = ("cohort", "part", "arm", "group", "module", "subprotocol", "substudy", "phase")

_GENE_WORD = r"(?P<gene>[a-z0-9][a-z0-9/]{1,14})"
# Who the group is and how it holds the marker (marker_groups.SUBJECT, HOLDING): "NSCLC harbouring EGFR, ALK or
# ROS1 alterations must have ...", "Tumours that harbour an EGFR mutation must ...", "Anyone whose cancer carries ALK".
_SUBJECT, _HOLDING = SUBJECT, HOLDING
_PATIENTS_WITH = re.compile(
    rf"^\W*(?:[a-z0-9]{{1,2}}[.)]\s+)?(?:for\s+|in\s+)?{_SUBJECT}\s+{_HOLDING}\s+"
    rf"(?:(?:an?|the|known|documented|confirmed|sensiti\w+|activating|common|rare|other)\s+)*{_GENE_WORD}"
)
# How a gene word marks its carriers: "ALK-translocated", "RET fusion-positive", "MET-amplified", "ROS1-harbouring".
# Open to any participle after a gene ("-driven", "-addicted"): the gene word itself must still be a gene (_gene).
_MARKED = (r"(?:mutant|mutated|mutations?|positive|\+|fusions?|rearranged|rearrangements?|translocated"
           r"|translocations?|altered|alterations?|amplified|amplifications?|[a-z]{3,}(?:ed|en|ing))")
_GENE_PATIENTS = re.compile(
    # "KRAS G12C-mutant patients": a protein change may sit between the gene and the word.
    rf"^\W*(?:for\s+)?{_GENE_WORD}(?:[\s-]+[a-z]\d{{2,4}}[a-z])?[\s-]*{_MARKED}"
    r"[\s-]*(?:positive\s+)?(?:nsclc\s+)?(?:patients|subjects|participants|pts)\b"
)
# A label naming the gene and its alterations: "EGFR ex19del/L858R pts: ...", "KRAS G12C/G12D patients: ...".
_GENE_ALTERATION_LABEL = re.compile(
    rf"^\W*(?:for\s+)?{_GENE_WORD}[\s-]+(?:[a-z0-9]{{2,10}}(?:\s*/\s*[a-z0-9]{{2,10}}){{0,3}})[\s-]*"
    r"(?:(?:mutant|mutated|mutations?|positive|\+)[\s-]*)?(?:nsclc\s+)?(?:patients|subjects|participants|pts)\s*:"
)
# "The T790M cohort must ...", "EGFR-mutant arm: ...": a group named by its marker.
_GENE_COHORT = re.compile(
    rf"^\W*(?:for\s+|in\s+)?(?:the\s+)?{_GENE_WORD}[\s-]*(?:{_MARKED}[\s-]*)?"
    r"(?:positive\s+)?(?:nsclc\s+)?(?:cohorts?|groups?|arms?|subgroups?|populations?"
    r"|subsets?)\b"
)
# The tumour as the subject: "ALK-positive NSCLC previously treated with ...", "Known ALK fusion treated with ...",
# "For ALK-positive disease: ...", "EGFR mutation treated with fewer than two EGFR TKIs": the same group as
# "patients with ALK fusion ...". Only when what was given follows at once (or a colon closes the heading).
_GENE_TUMOUR = re.compile(
    rf"^\W*(?:for\s+|in\s+)?(?:(?:an?|the|known|documented|confirmed)\s+)*{_GENE_WORD}(?:[\s-]+[a-z]\d{{2,4}}[a-z])?"
    r"[\s-]*(?:mutant|mutated|mutations?|positive|\+|fusions?|rearranged|rearrangements?|translocated|translocations?"
    r"|amplified|amplifications?|altered|alterations?)[\s-]*(?:positive\s+)?"
    r"(?:(?:advanced|metastatic|locally advanced)\s+)?(?:nsclc|disease|tumou?rs?|cancers?"
    r"|lung cancer)?(?=\s*:|\s+(?:(?:previously|prior|already)\s+)?(?:pre-?treated|treated|exposed)\s+(?:with|by|to)\b"
    r"|\s+(?:that|which)\s+(?:has|have|had)\s+(?:previously\s+)?(?:been\s+treated|received|progressed)\b)"
)
# "... is required for patients with EGFR sensitizing mutations", "in patients with EGFR, ALK or ROS1 alterations".
# (People only: "approved for NSCLC with EGFR mutations" names the drug's use, not a group of this trial.)
_PEOPLE = r"(?:patients|subjects|participants|individuals|people|persons|those|pts)"
_FOR_PATIENTS_WITH = re.compile(
    rf"\b(?:for|in|among)\s+{_PEOPLE}\s+{_HOLDING}\s+(?:(?:an?|known|documented|confirmed)\s+)*"
    r"(?P<genes>[a-z0-9]{2,9}(?:[\s,/-]*+(?:(?:or|and)\s+)?[a-z0-9]{2,9}){0,5})"
)
_GENE_LIST = re.compile(
    rf"^\W*(?:[a-z0-9]{{1,2}}[.)]\s+)?(?:for\s+|in\s+)?{_SUBJECT}\s+{_HOLDING}\s+"
    r"(?:(?:an?|the|known|documented|confirmed)\s+)*"
    r"(?P<genes>[a-z0-9]{2,9}(?:[\s,/-]*+(?:(?:or|and)\s+)?[a-z0-9]{2,9}){0,11})"
)
_ASIDE = re.compile(r"\s*\([^()]{0,60}\)")
_REQUIRED_FOR = re.compile(
    r"\b(?:required|mandatory|needed|must)\b[^()]{0,40}?\bfor\s+(?:patients\s+with\s+)?(?P<what>[a-z0-9-]+)"
    r"\s*(?:\+|positive|mutation)"
)
_ALTERATION_GENE = {"t790m": "EGFR", "c797s": "EGFR", "l858r": "EGFR", "g12c": "KRAS", "v600e": "BRAF"}


def _label(kind: str, raw: str) -> str:
    roman = re.match(r"([ivx]+)([a-z]?)$", raw)
    if roman and roman.group(1) in _ROMAN:
        raw = _ROMAN[roman.group(1)] + roman.group(2)
    return f"{kind} {raw}"


def _labels_in(text: str) -> list[str]:
    found: dict[str, list[str]] = {}
    for match in _COHORT_LABELS.finditer(text):
        kind = match.group("kind").replace("-", "").replace("studie", "study")
        raws = [match.group("first"), *(m.group("label") for m in _MORE_LABEL.finditer(match.group("more")))]
        found.setdefault(kind, []).extend(_label(kind, raw) for raw in raws)
    for kind in _KIND_ORDER:
        if kind in found:
            return list(dict.fromkeys(found[kind]))
    return []


# Study parts named without a number: "Dose escalation:", "(expansion cohort only)".
_PART = r"(?:dose[- ])?(?P<part>escalation|expansion|extension)"
# "Monotherapy Dose Escalation:", "Combination dose expansion:": the part named with the regimen it gives.
_REGIMEN = r"(?:(?:monotherapy|mono-?therapy|single[- ]agent|combination(?:\s+therapy)?|combo)\s+)?"
_PART_HEADING = guarded(
    rf"(?:^|[:;.]\s*|\d[.)]\s+)\W*(?:for\s+|in\s+)?(?:the\s+)?{_REGIMEN}{_PART}"
    r"(?:\s+(?:phase|part|cohorts?|stage|study))?"
    # "Expansion cohort, one of the following:": the part's lead-in over its options.
    r"(?:\s*\([^()]{0,30}\))?(?:,\s*(?:(?:any|one|either|all|each|both)(?:\s+one)?\s+of\s+)?the\s+following)?\s*:"
)
_IN_SENTENCE_PART = re.compile(rf"\b(?:for|to|into|in)\s+(?:the\s+)?{_PART}\s+(?:phase|part|cohorts?|stage)\b")


# Asked of a bullet again for every sub-bullet below it: remembered (the answer is a tuple).
@lru_cache(maxsize=1024)
def heading_cohorts(text: str, before: int | None = None) -> tuple[str, ...]:
    """Cohorts named by the last heading before position `before` ("... following: Phase Ia(Part A): ...")."""
    norm = normalize(text)
    end = len(norm) if before is None else before
    if norm.count("(") > 1:
        # "Sub-protocols A (trametinib), B (afatinib) and D (PD-1 inhibitor): ...": a bracket after each label.
        bare = _LABEL_BRACKET.sub("", norm)
        listed = _HEADING.match(bare, 0, min(end, len(bare)))
        labels = _labels_in(listed.group()) if listed is not None and not ends_scope(listed.group()) else []
        if len(labels) > 1:
            return tuple(labels)
    last = None
    for match in _HEADING.finditer(norm, 0, end):
        last = match
    if "-" in norm or "\u2013" in norm or "\u2014" in norm:
        # From the colon of the part's heading: a cohort under it is the narrower group.
        for match in _DASH_HEADING.finditer(norm, last.end() - 1 if last else 0, end):
            last = match
    if ")" in norm:
        listed = None
        for match in _LISTED_HEADING.finditer(norm, 0, end):
            listed = match
        # (The plain heading reads "cohorts (1a, 1b):" as a cohort "s": the listed one is the later or the same.)
        if listed is not None and (last is None or listed.end() >= last.end()):
            kind = listed.group("kind")
            raws = [m.group("label") for m in _MORE_LABEL.finditer(", " + listed.group("labels").replace("#", ""))]
            return tuple(dict.fromkeys(_label(kind, raw) for raw in raws))
    if last:
        # "Phase 2 [open to enrollment]:" beside a closed part: the part a patient can join now is the
        # whole trial (the shared reader's reading), not one cohort among others.
        if ends_scope(last.group()):
            return ()
        return _sub_code(last.group()) or tuple(_labels_in(last.group()))
    code = _CODE_HEADING.match(norm, 0, end)
    if code:
        return (f"cohort {code.group('code')}",)
    part = None
    for match in _PART_HEADING.finditer(norm, 0, end):
        part = match
    return (f"part {part.group('part')}",) if part else ()


_LABEL_BRACKET = re.compile(r"\s*\([^():;]{0,60}\)")


# "Phase 2 EXP-1: ...", "Part B ESC-2:", "Phase 1b Expansion 3:": a part's heading closed by the code of one of its
# cohorts. The cohort is the group (its siblings EXP-2, EXP-3 are other ways into the same part), not the whole part.
_SUB_CODE = re.compile(rf"(?<=\s)(?P<code>{cohort_codes.CODE})\s*(?:\([^():;]{{0,50}}\)\s*)?:$")


def _sub_code(heading: str) -> tuple[str, ...]:
    code = _SUB_CODE.search(heading)
    word = code.group("code") if code else ""
    if code is None or canonical_gene(word.split("-")[0]) or canonical_gene(word.replace("-", "")):
        return ()  # "Phase 2 HER-2:" names a marker group, read as before
    return (cohort_codes.cohort_name(code.group("code")),)


# A sub-cohort named by a bare code at the head of its bullet: "B1 (monotherapy): ...", "A2: ...", "C1 (combination
# with X): ..." (a letter and a number; the group word left out under a "Part B" heading).
_CODE_HEADING = re.compile(r"^\W{0,3}(?P<code>[a-z]\d{1,2}[a-z]?)\s*(?:\([^():;]{0,50}\)\s*)?:")


# The last step of a reader's path naming a sub-cohort by a letter and a number: "Part B / Cohort B1".
_SUB_COHORT = re.compile(r"^\W*(?P<kind>cohort|arm|group)\s+(?P<code>[a-z]\d{1,2}[a-z]?)\b(?!\s*/)")


def scope_cohorts(label: str) -> tuple[str, ...]:
    """This module's cohort names for a scope label of the shared reader ("Phase 1a only" -> phase 1a)."""
    norm = normalize(label)
    if _OTHER_THAN_LABEL in norm:
        # "groups other than Arm 3" (the reader's scope of "(not applicable to Arm 3)", "(except Cohort D)"): a group
        # of its own beside Arm 3, never Arm 3, which the rule exempts.
        named = scope_cohorts(norm.rsplit(_OTHER_THAN_LABEL, 1)[1])
        return (f"other than {'/'.join(named)}",) if named else ()
    if " / " in norm and (sub := _SUB_COHORT.match(norm.rsplit(" / ", 1)[1])):
        return (f"{sub.group('kind')} {sub.group('code')}",)
    found = _labels_in(norm)
    if found:
        return tuple(found)
    # "For Cohort B3 only": one sub-cohort named by its code.
    sub = _SUB_COHORT_NAMED.search(norm)
    if sub:
        return (f"{sub.group('kind')} {sub.group('code')}",)
    part = re.search(_PART, norm)
    return (f"part {part.group('part')}",) if part else ()


_OTHER_THAN_LABEL = "groups other than "  # reader.scope.excepted() names the groups a rule binds but one so
_SUB_COHORT_NAMED = re.compile(
    r"\b(?P<kind>cohort|arm|group)\s+(?P<code>[a-z]\d{1,2}[a-z]?)\b(?!\s*[/,&]|\s+(?:and|or)\b)")


_OUTER_KINDS = frozenset({"part", "phase", "module", "subprotocol", "substudy"})
INNER_KINDS = frozenset({"cohort", "arm", "group"})


def nested_in(own: list[str], outer: tuple[str, ...]) -> list[str]:
    """The parts a sentence's own cohorts sit inside: "NSCLC cohort 1: ..." under the heading "Expansion part - NSCLC
    cohorts:" is cohort 1 of the expansion part, which the part's own rules ("no more than 4 prior regimens") bind
    too. Only a cohort/arm inside a part/phase/module; [] when the sentence names no cohort of its own."""
    if not own or not outer or set(own) & set(outer):
        return []
    if not all(label.split(" ", 1)[0] in INNER_KINDS for label in own):
        return []
    return [label for label in outer if label.split(" ", 1)[0] in _OUTER_KINDS]


def sentence_cohorts(norm: str) -> tuple[str, ...]:
    """Cohorts a sentence names for itself: "(for phase II part)", "inadmissible to Cohort 2 and Cohort 4"."""
    labels: list[str] = []
    for match in _IN_SENTENCE.finditer(norm):
        if match.group("joined") and _EXCEPT_BEFORE.search(norm, max(0, match.start() - 40), match.start()):
            continue  # "prior immunotherapy, except patients enrolled in cohort B": the rule is for the others
        if _EXEMPTS_BEFORE.search(norm, max(0, match.start() - 60), match.start()):
            continue  # "(not applicable to arm 3)", ", except those assigned to arm 3": the others' rule, not arm 3's
        labels.extend(_labels_in(norm[match.end():match.end() + 60].split(";")[0]))
    labels.extend(f"part {m.group('part')}" for m in _IN_SENTENCE_PART.finditer(norm))
    return tuple(dict.fromkeys(labels))


def _gene(word: str) -> tuple[str | None, str | None]:
    if word in _ALTERATION_GENE:
        return _ALTERATION_GENE[word], word
    gene = canonical_gene(word.split("/")[0])
    return (gene, None) if gene else (None, None)


_GENE_FAMILIES = {"ntrk": ["NTRK1", "NTRK2", "NTRK3"], "her2": ["ERBB2"]}


def genes_in(words: str) -> list[str]:
    """HGNC symbols named in lower-cased words ("egfr, alk or her2" -> EGFR, ALK, ERBB2)."""
    return _genes_in(words)


def _genes_in(words: str) -> list[str]:
    found: list[str] = []
    for word in re.split(r"[^a-z0-9]+", words):
        gene = canonical_gene(word) if word else None
        found.extend([gene] if gene else _GENE_FAMILIES.get(word, []))
    return list(dict.fromkeys(found))


# Genes with an approved targeted therapy in NSCLC: what "actionable" or "driver" alterations name.
DRIVER_GENES = ("EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "NTRK1", "NTRK2", "NTRK3", "ERBB2", "KRAS")
_DRIVER = (  # one group: the patterns below put it after their own words
    r"(?:(?:(?:an?|the|known|documented|confirmed|other|any|positive)\s+)*(?:actionable|targetable|druggable|driver"
    r"|oncogenic|sensiti[sz]ing|treatable)[\s-]+(?:(?:genomic|genetic|molecular|oncogenic|driver|gene)[\s-]+)?"
    r"(?:mutations?|alterations?|aberrations?|drivers?|variants?|rearrangements?)"
    # "Subjects with positive AGA must ...": an actionable genomic alteration, abbreviated.
    r"|(?:(?:an?|the|known|documented|confirmed|any|positive)\s+)*agas?\b(?![\s-]+negative)"
    # No qualifier, the same group in plainer words: "genome mutations", "genomic alterations".
    r"|(?:(?:an?|the|known|documented|confirmed|any)\s+)*(?:genome|genomic|genetic|gene|molecular)[\s-]+"
    r"(?:mutations?|alterations?|aberrations?|variants?|rearrangements?))"
)
# "Patients with (tumours with) actionable mutations must ...", "If driver mutation, ...": a condition on
# the patients with a driver, not a requirement on everyone.
_DRIVER_PATIENTS = re.compile(
    r"^\W*(?:[a-z0-9]{1,2}[.)]\s+)?(?:(?:for|in|among)\s+)?"
    r"(?:(?:patients|subjects|participants|individuals|people|those|pts|cases)\s+"
    r"(?:with|harbou?ring|whose tumou?rs? (?:have|has|harbou?rs?|carry|carries)|who (?:have|harbou?r|carry))\s+"
    r"(?:(?:tumou?rs?|cancers?|disease|nsclc)\s+(?:with|harbou?ring|that (?:have|harbou?r|carry))\s+)?"
    rf"|if\s+(?:there is\s+|with\s+)?){_DRIVER}"
    # "Driver-positive participants (...) must ...", "AGA-positive subjects: ...".
    r"|^\W*(?:(?:for|in|among)\s+)?(?:the\s+)?(?:driver|aga|oncogene|oncogenic[\s-]+driver)[\s-]+positive\s+"
    r"(?:patients|subjects|participants|individuals|people|pts|cases)\b"
)
_FOR_DRIVER = guarded(
    r"\b(?:for|in|among)\s+(?:patients|subjects|participants|individuals|people|those|pts)\s+"
    r"(?:with|harbou?ring|whose tumou?rs? "
    rf"(?:have|harbou?r|carry))\s+(?:(?:tumou?rs?|cancers?)\s+with\s+)?{_DRIVER}"
)


# The patients WITHOUT a driver: "Subjects with negative AGA must ...", "Patients without a targetable driver ...",
# "driver-negative participants must ...", "Participants without genetic alterations or unknown genetic alterations
# ...". Their rule binds only patients known (or, with "or unknown", not known) to have no such driver.
_WHO = r"(?:patients|subjects|participants|individuals|people|those|pts|cases)"
# "NSCLC without one of the alterations listed below: ...": the group named by its disease, not by "patients".
_DISEASE = (r"(?:(?:non-?squamous|squamous|advanced|metastatic)\s+)?(?:nsclc|non-small[\s-]cell lung cancer"
            r"|lung cancer|tumou?rs?|disease)")
_DRIVER_ADJ = r"(?:actionable|targetable|druggable|treatable|driver|oncogenic|genomic|genetic|molecular|known)"
_DRIVER_NOUN = (r"(?:agas?\b|(?:gene[\s-]+)?(?:mutations?|alterations?|aberrations?|drivers?|variants?"
                r"|rearrangements?)\b)")
_WITHOUT_DRIVER = guarded(
    rf"^\W*(?:[a-z0-9]{{1,2}}[.)]\s+)?(?:(?:for|in|among)\s+)?(?:{_WHO}|{_DISEASE})\s+(?:(?:whose\s+tumou?rs?\s+)?(?:without|lack(?:ing|s)?"
    r"|(?:do|does)\s+not\s+(?:have|harbou?r|carry)"
    # "Patients whose tumours carry none of the alterations listed in (b)": the verb with "none of" after it.
    r"|(?:carry|carries|harbou?rs?|have|has)(?=\s+none\s+of\b))|with\s+(?:no|negative)|negative\s+for)\s+"
    # "... do not harbour any of the alterations listed in (b)": the group by a list given elsewhere.
    rf"(?:(?:an?|any|known|documented|other|(?:any|one|none)\s+of\s+the)\s+)*(?:{_DRIVER_ADJ}[\s-]+){{0,2}}"
    rf"{_DRIVER_NOUN}"
    r"|^\W*(?:[a-z0-9]{1,2}[.)]\s+)?(?:(?:for|in|among)\s+)?(?:the\s+)?(?:driver|aga|oncogene|oncogenic[\s-]+driver)"
    rf"[\s-]+(?:negative|wild[\s-]?type)\s+{_WHO}\b"
)
_OR_UNKNOWN = re.compile(r"\bor\b[^.;:]{0,50}?\b(?:unknown|untested|not\s+(?:known|tested))\b")
# Words that name a driver by its approved therapy: a finding with none (KRAS G12V, HER2 amplification) is not one.
_ACTIONABLE = re.compile(r"\b(?:actionable|targetable|druggable|treatable|agas?)\b")


def actionable_group(norm: str) -> dict[str, Any] | None:
    """{"with": bool, "strict": bool, "or_unknown": bool} when a sentence is about the patients with (or without) an
    actionable driver named by no gene: "Subjects with positive AGA must ...", "Patients without a targetable
    driver must ...". `strict`: the words ask for an approved therapy ("actionable"), not just any driver."""
    if "driver" not in norm and "aga" not in norm and "alteration" not in norm and "mutation" not in norm \
            and "aberration" not in norm and "variant" not in norm and "rearrangement" not in norm:
        return None
    without = _WITHOUT_DRIVER.match(norm)
    if without is None and not _DRIVER_PATIENTS.match(norm):
        return None
    group = sentence_group(norm) if without is None else norm[:without.end() + 60]
    # "Subjects with actionable genomic alterations (EGFR, ALK, ROS1, ...)": the genes listed name the group.
    driver = _DRIVER_PATIENTS.match(norm) if without is None else None
    listed = _LISTED_AFTER.match(norm, driver.end()) if driver else None
    genes = [g for g in _genes_in(listed.group("genes") if listed else group) if g in DRIVER_GENES]
    if without is not None and _genes_in(norm[:without.end()]):
        return None  # "Patients without EGFR or ALK alterations": the reader's marker group
    return {"with": without is None, "strict": bool(_ACTIONABLE.search(group)), "genes": genes,
            "or_unknown": bool(without and _OR_UNKNOWN.search(norm, without.end(), without.end() + 80))}


_LISTED_AFTER = re.compile(r"\s*\((?!\s*(?:e\.?g\b|such as|for example|including|i\.?e\b))(?P<genes>[^()]{2,80})\)")


def biomarker_condition(norm: str) -> tuple[list[str], str | None]:
    """([genes], alteration) when a sentence is about one biomarker group only:
    "Patients with EGFR mutation ...", "... required for patients with EGFR, ALK or ROS1 alterations",
    "Patients with actionable alterations must have ..." (every gene with an approved targeted therapy)."""
    driver = _DRIVER_PATIENTS.match(norm)
    if driver or _FOR_DRIVER.search(norm):
        # "Driver-positive participants (EGFR, ALK, ROS1, RET, MET ex14) must ...": the genes listed right after.
        listed = _LISTED_AFTER.match(norm, driver.end()) if driver else None
        named = [g for g in _genes_in(listed.group("genes")) if g in DRIVER_GENES] if listed else []
        return named or list(DRIVER_GENES), None
    for pattern in (_PATIENTS_WITH, _GENE_PATIENTS, _GENE_COHORT, _GENE_TUMOUR, _GENE_ALTERATION_LABEL):
        match = pattern.match(norm)
        if match:
            gene, alteration = _gene(match.group("gene"))
            if gene:
                # "Patients with EGFR (including exon 20 insertion), ALK or ROS1 alterations": an aside in the
                # list does not end it.
                listed = _GENE_LIST.match(_ASIDE.sub("", norm) if "(" in norm else norm)
                genes = _genes_in(listed.group("genes")) if listed and not alteration else []
                return (genes or [gene]), alteration
    for match in _FOR_PATIENTS_WITH.finditer(norm):
        genes = _genes_in(match.group("genes"))
        if genes and not _in_last_alternative(norm, match.start()):
            return genes, None
    return [], None


# "..., or * Second-line treatment following a 1st-generation TKI in participants with T790M": a clause ending the last
# of several "or" alternatives (each a phrase of its own, not a name in a list) is about that alternative only.
_ALTERNATIVE_OR = re.compile(r"(?:,|;|:)\s*(?:or|and/or)\s+")
_WORD = re.compile(r"[a-z0-9][a-z0-9-]*")
_NESTED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_PREDICATE = re.compile(r"\b(?:is|are|must|should|will|shall|required|mandatory|needed|allowed|permitted|eligible"
                        r"|excluded|not)\b")


def _in_last_alternative(norm: str, start: int) -> bool:
    """Whether the text at `start` sits in the last of the sentence's "A, or B" alternatives, B a phrase of at
    least three words ("erlotinib, gefitinib, or afatinib in patients with EGFR mutation" is one list, scoped whole)."""
    head = norm[:start]
    if head.count("(") > head.count(")"):
        return False  # inside an aside
    flat = _NESTED.sub(lambda m: " " * len(m.group()), head)  # "(first-line, or second-line)" is an aside's list
    seps = list(_ALTERNATIVE_OR.finditer(flat))
    if not seps:
        return False
    last = flat[seps[-1].end():]
    # "erlotinib, gefitinib, or afatinib is required in patients with ...": the predicate is the sentence's, and so
    # is the clause after it.
    return len(_WORD.findall(last)) >= 3 and not _PREDICATE.search(last) \
        and len(_WORD.findall(flat[:seps[-1].start()])) >= 2


def last_alternative_condition(norm: str) -> tuple[list[str], str | None]:
    """([genes], alteration) of a "for/in participants with X" clause scoping only the sentence's last "or"
    alternative (_in_last_alternative); ([], None) when there is none."""
    for match in _FOR_PATIENTS_WITH.finditer(norm):
        genes = _genes_in(match.group("genes"))
        if genes and _in_last_alternative(norm, match.start()):
            found = _ALTERATION_WORD.search(norm, match.start())
            return genes, found.group("alt") if found else None
    return [], None


_ALTERATION_WORD = re.compile(r"\b(?P<alt>t790m|c797s|l858r|g12c|v600e)\b")


def lead_in_condition(lead: str) -> tuple[list[str], str | None]:
    """The biomarker group a lead-in clause names: "for subjects ... who were T790M-positive," -> EGFR/T790M."""
    alteration = _ALTERATION_WORD.search(lead)
    if alteration:
        word = alteration.group("alt")
        return [_ALTERATION_GENE[word]], word
    for match in _FOR_PATIENTS_WITH.finditer(lead):
        genes = _genes_in(match.group("genes"))
        if genes:
            return genes, None
    return [], None


# A sub-population heading: "Subjects with actionable genomic alterations (EGFR, ALK, ...):".
_GROUP_HEADING = re.compile(
    r"^\W*(?:[a-z0-9]{1,2}[.)]\s+)?(?:for\s+)?(?:patients|subjects|participants|those)\s+(?:with|without)\b"
    r"(?P<what>[^:;]{3,100}):"
)
_NOT_A_GROUP = re.compile(r"\b(?:following|any of|one of|criteria|excluded|eligible|must|will|should|are|is)\b")


# "For patients with stage IV:", "Patients with metastatic disease:": every patient this tool serves (stage IV
# NSCLC) is in that group, so its rules are everyone's, not another group's.
_EVERY_PATIENT = re.compile(
    r"\s*(?:an?\s+)?(?:stage\s+(?:iv[ab]?|4[ab]?)|metastatic|advanced(?:\s+or\s+metastatic)?|recurrent\s+or\s+metastatic"
    r"|distant\s+metastases)(?:\s+(?:disease|nsclc|non-small[- ]cell\s+lung\s+cancer|lung\s+cancer|cancer))?\s*$")


def group_heading(norm: str) -> tuple[str, list[str]] | None:
    """(label, genes) when a sentence opens with a sub-population heading; such groups are alternatives."""
    match = _GROUP_HEADING.match(norm)
    if not match or _NOT_A_GROUP.search(match.group()) or _EVERY_PATIENT.match(match.group("what")):
        return None
    heading = re.sub(r"\s+", " ", match.group()[:-1].strip(" -*"))
    without = " without " in f" {heading} "
    if without and _genes_in(match.group("what")):
        return None  # "Participants without ALK rearrangement:": a marker group (the reader's scope), not a cohort
    # "Subjects with progression after EGFR-TKI treatment, including:": a gene named as a drug's target names no
    # marker group (the reader's DRUG_CLASS).
    return f"group: {heading[:60]}", [] if without else _genes_in(DRUG_CLASS.sub(" ", match.group("what")))


def required_for(aside: str) -> tuple[str | None, str | None]:
    """(gene, alteration) for an aside such as "(osimertinib exposure required for T790M+)"."""
    match = _REQUIRED_FOR.search(aside)
    return _gene(match.group("what")) if match else (None, None)


# A group heading whose brackets say what the group is given: "Part B (NSCLC, drug X + pembrolizumab): ...", "Cohort 3
# (sotorasib plus carboplatin/pemetrexed, first-line): ...", "Sub-protocols A (trametinib), B (afatinib) and D
# (PD-1/PD-L1 inhibitor): ...". (A "Topic: " lead-in may come first.)
_GIVEN_HEADING = re.compile(
    r"^\W*(?:[^:;()]{0,60}:\s*)?(?:[a-z0-9+/-]{1,15}\s+){0,3}?(?:sub-?protocol|sub-?study|cohort|arm|part|group"
    r"|module|stratum|phase)s?\s*#?(?:[a-z]\d{1,2}[a-z]?|[a-z]{1,2}|\d{1,2}[a-z]?|[ivx]{1,4}[a-z]?)\b"
    r"(?P<rest>(?:[^:;()]|\([^()]{0,120}\)){0,200}?):")
_BRACKET = re.compile(r"\([^()]*\)")
# Words of a group's history ("Part D (previously treated with a KRAS G12C inhibitor)", "Arm B (post-osimertinib)",
# "Cohort 2 (IO-naive)"): such a bracket says what the patients had, and is read as before.
_HISTORY_WORD = re.compile(
    r"\b(?:previous\w*|prior|pre-?treated|treated|post|after|following|since|progress\w*|fail\w*|refractory"
    r"|resist\w*|relaps\w*|recurr\w*|exposed|exposure|naive|experienced|received|intoleran\w*|ineligible|unfit"
    r"|r/r|had|have|has|without|no|not|never)\b")


def given_brackets(norm: str) -> list[tuple[int, int]]:
    """The spans of a group heading's brackets that name the group's own treatment, not its history: the drugs
    there are the study's, and the patient need not have had them."""
    heading = _GIVEN_HEADING.match(norm) if "(" in norm else None
    if heading is None:
        return []
    start = heading.start("rest")
    return [(start + b.start(), start + b.end()) for b in _BRACKET.finditer(heading.group("rest"))
            if not _HISTORY_WORD.search(b.group())]


# A scope tag in brackets naming the study's parts: "(AZD3759 Part A and Part B, AZD9291 BM cohort)", "(drug X
# expansion cohort only)", "(Arm B: X plus Y)". A drug or code there names what that part GIVES (the part's study
# treatment), never an earlier treatment the patient must have or lack.
_SCOPE_WORD = re.compile(
    rf"\b(?:{GROUP_NOUN}\s*#?{_LABEL}"
    r"|(?:dose[- ])?(?:escalation|expansion|extension)\b|cohorts?\b|arms?\b)")


def scope_tag_brackets(norm: str) -> list[tuple[int, int]]:
    """Spans of brackets that tag the sentence with a part/cohort/arm and say nothing of history ("(X Part A, Y BM
    cohort)"): the drug words inside are the parts' study drugs."""
    return [b.span() for b in _BRACKET.finditer(norm)
            if _SCOPE_WORD.search(b.group()) and not _HISTORY_WORD.search(b.group())]
