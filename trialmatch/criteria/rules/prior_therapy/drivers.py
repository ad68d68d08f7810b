"""A condition on patients with a driver alteration: "Patients with EGFR or ALK aberrations must have
progressed on approved therapy for these aberrations", "If driver mutation, must have failed precision
medicine therapy", "Patients with actionable mutations should have progressed on all approved targeted
therapies".

It binds only the patients who have such a driver, and asks for a drug that targets THEIR gene: a
patient with an ALK fusion who had only chemotherapy fails it; one tested negative for every gene it
names is outside it. Only genes with an approved targeted therapy in NSCLC are judged, and only for the
alterations that therapy is approved for (KRAS G12C, not G12D; MET exon 14 skipping, not amplification):
for any other finding the answer is a question.
"""

from __future__ import annotations

import re
from typing import Any

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy.cues import strip_parens
from trialmatch.criteria.rules.prior_therapy.scope import DRIVER_GENES, genes_in
from trialmatch.criteria.rules.prior_therapy.terms import find_mentions
from trialmatch.criteria.rules.reader.vocabulary import CANNOT_HAVE

# Genes beyond DRIVER_GENES that "an actionable alteration" may mean (zenocutuzumab for NRG1 fusions): with no
# approved-drug entry below, a rule on every driver is a question for their carriers.
OTHER_ACTIONABLE = ("NRG1",)
# Who the clause is about: "Patients with EGFR or ALK genomic tumor aberrations", "for participants with
# EGFR, ALK, or other genomic tumor alterations, participants", "(Note: patients with ... )".
# The genes may be written in full with their symbol in brackets, inside an example list: "(e.g., epidermal growth
# factor receptor [EGFR], c-ros oncogene 1 [ROS1] mutations)"; a short aside may sit after the verb ("must have
# received (when indicated) prior appropriate targeted therapy").
_SYMBOL = r"\[[^\[\]().;:]{0,20}\]"
_CLAUSE = guarded(
    r"(?:\b(?:for|in|among)\s+)?\b(?:patients|subjects|participants|those|pts)\s+(?:with|harbou?ring|who\s+(?:have|harbou?r"
    r"|carry)|whose\s+tumou?rs?\s+(?:have|has|harbou?rs?|carry|carries))\s+"
    rf"(?P<what>(?:[^.;:()\[\]]|{_SYMBOL}|\((?:[^;:()\[\]]|{_SYMBOL}){{0,200}}\)){{2,240}}?)"
    r"(?:\s*,\s*(?:patients|subjects|participants|they)\s+"
    r"|\s*,?\s+)(?P<verb>must|should|shall|need\s+to|needs\s+to|are\s+required\s+to"
    r"|(?:are|is)\s+not\s+eligible\s+unless\s+(?:they|he\s+or\s+she)\s+(?:have|has)"
    # "are eligible only if they are refractory or intolerant to EGFR-TKI", "may be enrolled only if they have
    # progressed on ...": a condition the carriers must meet (a bare "are eligible if" may be a way in; not read here)
    r"|(?:are|is|will\s+be|may\s+be)\s+(?:only\s+)?(?:eligible|enrol+ed|included|allowed)\s+only\s+(?:if|when|after)"
    r"\s+(?:they|he\s+or\s+she)\s+(?:have|has|are|is)(?:\s+been)?"
    r"|(?:are|is)\s+only\s+(?:eligible|enrol+ed|included|allowed)\s+(?:if|when|after)\s+(?:they|he\s+or\s+she)"
    r"\s+(?:have|has|are|is)(?:\s+been)?)\s+"
    r"(?P<rest>(?:[^.;()\[\]]|\([^.;()\[\]]{0,40}\)){0,220})"
)
# "If driver mutation, must have failed ...", "If an actionable alteration is present, patients must ...".
_IF_DRIVER = guarded(
    r"\bif\s+(?:there\s+is\s+)?(?:with\s+)?(?:an?\s+)?(?:known\s+)?(?P<what>(?:actionable|driver|oncogenic|targetable"
    r"|druggable)[\s-]+(?:[a-z]+[\s-]+)?(?:mutations?|alterations?|aberrations?|drivers?))(?:\s+(?:is|are)\s+present)?"
    r"\s*,\s*(?:(?:patients|participants|subjects)\s+)?(?P<verb>must|should|shall)\s+(?P<rest>[^.;()]{0,220})"
)
# What the clause asks: to have had (and progressed on) approved therapy for the driver.
_HAD = r"(?:progress\w*|fail\w*|receiv\w*|been\s+treated|treated|exhaust\w*|refractory|resist\w*|intoleran\w*)"
# A class named by its gene ("EGFR-TKI", "ALK tyrosine kinase inhibitor", "a ROS1 inhibitor"): the carriers' own
# targeted drug, with no "approved / targeted" word.
_GENE_CLASS = (r"(?:egfr|alk|ros-?1|ret|met|braf|kras(?:\s*g12c)?|her-?2|erbb2|ntrk)[\s-]*(?:tkis?|tyrosine[\s-]+kinase"
               r"[\s-]+inhibitors?|inhibitors?|targeted\s+(?:therap(?:y|ies)|agents?|drugs?))")
_APPROVED_THERAPY = re.compile(
    rf"^(?:[a-z-]+\s+){{0,4}}?{_HAD}\b[^.;]{{0,60}}?\b(?:(?:(?:fda|ema|nmpa|locally|nationally)[\s-]+)?(?:approved"
    r"|available|standard(?:[\s-]+of[\s-]+care)?|soc|precision(?:\s+medicine)?|driver[\s-]+specific|matched"
    r"|appropriate|targeted|corresponding)\b[^.;]{0,40}?\b(?:therap(?:y|ies)|treatments?|agents?|tkis?|inhibitors?"
    rf"|drugs?|options?)|{_GENE_CLASS})\b"
)
# "Patients with EGFR sensitizing mutations ...": an exon 20 insertion (or C797S alone) is not one of them.
_EGFR_SENSITIZING = re.compile(r"\begfr\b[^,;]{0,30}?\b(?:sensiti[sz]\w*|activating|common|classic\w*)\b"
                               r"|\b(?:sensiti[sz]\w*|activating|common|classic\w*)\s+egfr\b"
                               # "a sensitizing mutation in the epidermal growth factor receptor (EGFR) gene"
                               r"|\b(?:sensiti[sz]\w*|activating)\s+mutations?\s+(?:in|of)\s+(?:the\s+)?"
                               r"[a-z\s()-]{0,45}?\begfr\b")
_EGFR_EX20 = re.compile(r"\bexon\s*20\b|\bex20|\binsertion")
SENSITIZING = ("exon 19", "l858r", "g719", "l861q", "s768i", "sensiti")
_SPACED_GENE = re.compile(r"\b(ros|ntrk|her)\s+([1-3])\b")
_EVERY = re.compile(r"\ball\s+(?:the\s+)?(?:(?:fda|ema)[\s-]+)?(?:approved|available|standard|soc|targeted)\b")
# "aberrations for which targeted therapy is available (e.g. EGFR, ALK)", "alterations with an approved targeted
# therapy": the driver told by its therapy, the same class as "actionable" (its examples do not close it).
_ANY_DRIVER = re.compile(r"\b(?:actionable|driver|oncogenic|targetable|druggable|other)\b"
                         r"|\b(?:for\s+which\s+|with\s+(?:an?\s+)?)(?:(?:an?|approved|available|established)\s+)*"
                         r"(?:targeted|matched)\s+(?:therap(?:y|ies)|treatments?|agents?|drugs?)\b")
# An alternative an untreated patient may take: "or refused", "unless not a candidate", "if available".
# "Or have them contraindicated" (_CONTRA) is one only for an untreated patient: the decision is still ahead.
# A patient treated for advanced disease without their driver's approved drug is outside, as careful readers
# hold: a profile lists no contraindication, and a targeted drug seldom has one.
_CONTRA = re.compile(r"\bcontra-?\s?indicat")
_REFUSAL = re.compile(
    r"\b(?:refus\w*|declin\w*|reject\w*|ineligible|unsuitable|unwilling|unless|if|where|when"
    r"|not\s+(?:be(?:ing)?\s+)?(?:an?\s+)?"
    r"(?:suitable|eligible|candidates?|appropriate)|investigator|deemed|judg\w*|may)\b"
    # The shared vocabulary ("not amenable to", "unable to receive"), but for a contraindication (_CONTRA above).
    rf"|\b(?!contra){CANNOT_HAVE}"
)


# Every driver condition holds one of these words (_APPROVED_THERAPY): asked first, they spare most sentences.
_THERAPY_WORDS = ("approved", "available", "standard", "soc", "precision", "specific", "matched", "appropriate", "tki",
                  "kinase", "inhibitor",
                  "targeted", "corresponding")


# "an actionable genomic alteration (EGFR, ALK, ROS1, BRAF V600E, MET exon 14 skipping, RET or NTRK)": the driver
# words, then a bracket that lists the genes meant. Examples ("e.g.", "such as", "including") or an open end ("etc.",
# "or other") leave the words as wide as they are.
_DRIVER_THEN_LIST = re.compile(
    r"\b(?:actionable|driver|oncogenic|targetable|druggable)\b[^()]{0,40}?\((?P<list>[^()]{4,160})\)")
_LIST_OPEN = re.compile(r"^\s*(?:e\.?g\b|eg\b|i\.?e\.?\s*,?\s*e\.?g|such\s+as|including|incl|for\s+example|like"
                        r"|among\s+others)|\b(?:etc|others?|among\s+others|and\s+so\s+on)\b")


# "Actionable genomic alterations (AGA) such as EGFR, ALK, ROS1, BRAF and RET": the genes given as examples, with no
# "or other(s)" / "etc." to leave the list open, are those the trial means; a later-line driver left out (KRAS, HER2)
# is then a question, not a requirement of its approved drug.
_EXAMPLES = re.compile(r"\b(?:such\s+as|e\.?\s?g\.?|including|for\s+example|for\s+instance|like)\b")
_OPEN_LIST = re.compile(r"\b(?:others?|etc)\b")


def listed_examples(what: str, named: list[str]) -> bool:
    """Whether `what` names its genes as examples of a list it does not leave open (_EXAMPLES)."""
    return bool(named) and _EXAMPLES.search(what) is not None and _OPEN_LIST.search(what) is None


# "an actionable alteration in EGFR, ALK or ROS1", "driver mutations of EGFR or ALK": the driver words narrowed by the
# genes named right after them ("in EGFR, ALK or others" leaves them open).
_DRIVER_IN_GENES = re.compile(
    r"\b(?:actionable|driver|oncogenic|targetable|druggable)\b[^()]{0,40}?\b(?:alterations?|mutations?|aberrations?"
    r"|variants?|rearrangements?|fusions?|changes?)\s+(?:in|of|involving|affecting)\s+(?:the\s+)?"
    r"(?P<list>[a-z0-9-]+(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:or\s+|and\s+)?[a-z0-9-]+){0,8})(?P<after>[^.;]{0,20})")


def _narrowed_to_genes(what: str) -> bool:
    found = _DRIVER_IN_GENES.search(what)
    if found is None or _LIST_OPEN.search(found.group("after")) or _LIST_OPEN.search(found.group("list")):
        return False
    first = found.group("list").split(",")[0].split("/")[0].split()[0]
    return first.upper() in DRIVER_GENES or bool(genes_in(first))


def defined_by_list(what: str) -> bool:
    """Whether the driver words in `what` are followed by a bracket listing the genes meant (a closed list), or by
    the genes they are in ("actionable alteration in EGFR, ALK or ROS1")."""
    if " in " in what or " of " in what or "involving" in what or "affecting" in what:
        if _narrowed_to_genes(what):
            return True
    if "(" not in what:
        return False
    found = _DRIVER_THEN_LIST.search(what)
    if found is None or _LIST_OPEN.search(found.group("list")):
        return False
    return len([g for g in genes_in(found.group("list")) if g in DRIVER_GENES]) >= 2


def names_driver(norm: str) -> bool:
    """Whether a sentence may hold a driver condition (asked of inclusions that name no drug)."""
    if not any(word in norm for word in _THERAPY_WORDS):
        return False
    return bool(_CLAUSE.search(norm) or _IF_DRIVER.search(norm))


# "Driver gene negative, or driver gene positive but failed the corresponding targeted therapy", "EGFR/ALK wild type,
# or EGFR/ALK mutant after failure of TKI treatment", "negative driver gene or positive driver gene with progression
# after targeted drugs", "without driver mutations, or with driver mutations after failure of targeted therapy": the
# negative patients are a way in of their own, so the therapy binds only the carriers.
_NEGATIVE_WORD = r"(?:negative|wild[\s-]?types?|wt)"
_CARRIER_WORD = (r"(?:positive|mutant|mutated|mutations?|rearranged|rearrangements?|fusions?|translocations?"
                 r"|translocated|amplified|altered"
                 r"|alterations?|carriers?)")
_NEGATIVE_OR_CARRIER = guarded(
    rf"(?:\b{_NEGATIVE_WORD}|\b(?P<without>without|no|absence\s+of|lacking))\b(?P<gap>[^.;:()]{{0,60}}?)"
    r"\s*,?\s+(?:or|and/or)\s+"
    rf"(?P<what>[^.;:(),]{{0,60}}?\b{_CARRIER_WORD}\b[^.;:(),]{{0,30}}?)\s*,?\s*"
    r"(?P<rest>(?:but|and|who|that|with|after|following|which|if|when|having|has|have|had|progress\w*|fail\w*)\b"
    r"[^.;]{0,160})"
)
# What the carriers' way asks: to have had (failed) a targeted drug, "the corresponding" one or a TKI.
_CARRIER_THERAPY = re.compile(
    rf"^(?:[a-z-]+\s+){{0,5}}?{_HAD}\b[^.;]{{0,60}}?\b(?:targeted|corresponding|matched|specific|approved"
    r"|appropriate|tkis?|inhibitors?)\b"
)
# After "without / no": what is absent is a driver ("without driver mutations", "no EGFR mutation").
_DRIVER_ABSENT = re.compile(rf"\b(?:{_CARRIER_WORD}|driver|actionable|oncogenic)\b")
_LEAD_GENES = 60  # characters before the negative word that may name the genes ("EGFR wild type or mutant after ...")


_NEGATIVE_NEEDLES = ("negative", "wild", "wt", "without", "no ", "absence", "lacking")


def _negative_or_carrier(norm: str, header_genes: frozenset[str]) -> tuple[list[dict[str, Any]],
                                                                           list[tuple[int, int]]]:
    """The driver conditions of "negative, or positive after targeted therapy" sentences, and their spans."""
    rules: list[dict[str, Any]] = []
    spans: list[tuple[int, int]] = []
    for match in _NEGATIVE_OR_CARRIER.finditer(norm):
        rest = match.group("rest")
        if not _CARRIER_THERAPY.match(rest) or _AND_MORE.search(rest):
            continue  # the carriers need more than their drug (or something else): read as before
        if match.group("without") and not _DRIVER_ABSENT.search(match.group("gap")):
            continue  # "without prior therapy, or ...": not a driver's absence
        what = _SPACED_GENE.sub(r"\1\2", match.group("what"))
        lead = _SPACED_GENE.sub(r"\1\2", norm[max(0, match.start() - _LEAD_GENES):match.start()])
        named = [g for g in genes_in(what) or genes_in(lead) if g in DRIVER_GENES]
        any_driver = _ANY_DRIVER.search(what) is not None or _ANY_DRIVER.search(match.group("gap")) is not None
        genes = named + list(DRIVER_GENES) + list(OTHER_ACTIONABLE) if any_driver and not defined_by_list(what) \
            else named
        genes = [g for g in dict.fromkeys(genes) if g not in header_genes]
        if not genes:
            continue
        rules.append({"kind": "driver", "genes": genes, "named": [g for g in named if g in genes],
                      "every": bool(_EVERY.search(rest)), "soft": bool(_REFUSAL.search(rest)),
                      "approved": "approved" in rest, "contra": bool(_CONTRA.search(rest)),
                      "listed": listed_examples(what, named)})
        spans.append(match.span())
    return rules, spans


# What the carriers' way may ask besides a driver condition: a treatment had or failed.
_CARRIER_HISTORY = re.compile(rf"\b(?:{_HAD}|treated|received|after|following)\b")


def carriers_asking_more(norm: str, header_genes: frozenset[str]) -> tuple[list[str], tuple[int, int]] | None:
    """ "EGFR/ALK negative, or EGFR/ALK positive and progressed after TKI and platinum chemotherapy": the carriers'
    way asks for more than their drug (so _negative_or_carrier leaves it), but the negative patients are still a
    way in of their own. Returns the carriers' genes and the span of the negative way (from the clause's start to
    the carriers' words), or None. Only when the carriers' words close the sentence: nothing after them is bound."""
    if not any(word in norm for word in _NEGATIVE_NEEDLES):
        return None
    for match in _NEGATIVE_OR_CARRIER.finditer(norm):
        rest = match.group("rest")
        if _CARRIER_THERAPY.match(rest) and not _AND_MORE.search(rest):
            continue  # read by _negative_or_carrier
        if match.group("without") and not _DRIVER_ABSENT.search(match.group("gap")):
            continue
        if norm[match.end():].strip(" .;,)") or not _CARRIER_HISTORY.search(rest):
            continue
        what = _SPACED_GENE.sub(r"\1\2", match.group("what"))
        lead = _SPACED_GENE.sub(r"\1\2", norm[max(0, match.start() - _LEAD_GENES):match.start()])
        named = [g for g in genes_in(what) or genes_in(lead) if g in DRIVER_GENES and g not in header_genes]
        if not named or _ANY_DRIVER.search(what) or _ANY_DRIVER.search(match.group("gap")):
            continue  # "driver positive and ...": which genes and drugs is a question left as before
        clause = max(norm.rfind(";", 0, match.start()), norm.rfind(":", 0, match.start())) + 1
        return list(dict.fromkeys(named)), (clause, match.start("what"))
    return None


# "(At least 1 line of therapy containing) targeted therapy that is approved for the participant's genomic alteration",
# "matched therapy approved for their driver mutation": no "patients with ..." clause, the therapy itself names whose
# driver. It binds every carrier of a driver, as the clause form does; the words before it must ask for treatment had
# and say no "not".
_OWN_DRIVER = guarded(
    r"\b(?:targeted|matched|driver[\s-]+specific|precision)\s+(?:therap(?:y|ies)|treatments?|agents?|drugs?|tkis?)\s+"
    r"(?:(?:that|which)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+|(?:currently\s+)?)"
    r"(?:(?:fda|ema|locally|nationally|regulatory)[\s-]+)?(?:approved|indicated|available)\s+for\s+"
    r"(?:the\s+(?:participant|patient|subject)(?:'s|s'|s)?|their|his\s+or\s+her|the|its)\s+"
    r"(?:(?:specific|own|known|respective|identified|documented)\s+)?(?:(?:genomic|genetic|molecular|oncogenic|driver"
    r"|tumou?r|actionable)\s+)*(?:alterations?|mutations?|aberrations?|drivers?|abnormalit(?:y|ies)|variants?)\b"
)
_OWN_HAD = re.compile(r"\b(?:received|receiving|progress\w*|treated|fail\w*|had|including|containing|included"
                      r"|consisted|exposed|refractory)\b")
# ("no more than 4 prior lines" is a count, not a negation)
_OWN_NOT = re.compile(r"\b(?:not|never|without|nor)\b(?!\s+(?:more|fewer|less|greater|later)\b)"
                      r"|\bno\b(?!\s+(?:more|fewer|less|greater|later)\b)")


def _own_driver_rules(norm: str, header_genes: frozenset[str]) -> tuple[list[dict[str, Any]], list[tuple[int, int]]]:
    """The _OWN_DRIVER requirement of an inclusion sentence as a driver rule on every driver gene, with its span."""
    if "approved" not in norm and "indicated" not in norm and "available" not in norm:
        return [], []
    found = _OWN_DRIVER.search(norm)
    if found is None or not _OWN_HAD.search(norm, 0, found.start()) or _OWN_NOT.search(norm, 0, found.start()):
        return [], []
    genes = [g for g in dict.fromkeys([*DRIVER_GENES, *OTHER_ACTIONABLE]) if g not in header_genes]
    if not genes:
        return [], []
    rule = {"kind": "driver", "genes": genes, "named": [], "every": False, "soft": False,
            "approved": "approved" in found.group(), "contra": False, "listed": False, "own": True}
    return [rule], [found.span()]


# "Has documentation of one or more of the following actionable genomic alterations: EGFR, ALK, ROS1, NTRK, BRAF,
# RET, or MET": the alterations the trial means, which "the participant's genomic alteration" refers to.
_TRIAL_DRIVERS = re.compile(r"\b(?:actionable|targetable|oncogenic|driver)\s+(?:genomic\s+|genetic\s+|molecular\s+)?"
                            r"(?:alterations?|aberrations?|mutations?)\s*:\s*(?P<list>[^.;:]{4,160})")


def own_driver_genes(rules: list[dict[str, Any]], texts: list[str]) -> list[dict[str, Any]]:
    """The rules with each _OWN_DRIVER rule's genes narrowed to the trial's own list of actionable alterations, when
    the criteria spell one out (a KRAS or HER2 finding outside it is not "the participant's alteration")."""
    if not any(rule.get("own") for rule in rules):
        return rules
    listed: list[str] = []
    for text in texts:
        for found in _TRIAL_DRIVERS.finditer(text.lower()):
            listed += [g for g in genes_in(_SPACED_GENE.sub(r"\1\2", found.group("list")))]
    out = []
    for rule in rules:
        if rule.get("own"):
            rule = {k: v for k, v in rule.items() if k != "own"}
            if len(set(listed)) >= 2:
                rule["genes"] = [g for g in rule["genes"] if g in listed]
        out.append(rule)
    return out


def driver_rules(norm: str, header_genes: frozenset[str]) -> tuple[list[dict[str, Any]], list[tuple[int, int]]]:
    """The driver conditions in one inclusion sentence, and the spans they use (their words set no other rule).

    Genes the trial itself is about (named in its title or conditions) are left out: "if driver mutation"
    in a KRAS trial speaks of the other drivers."""
    if any(word in norm for word in _NEGATIVE_NEEDLES) and (found := _negative_or_carrier(norm, header_genes))[0]:
        return found
    rules: list[dict[str, Any]] = []
    spans: list[tuple[int, int]] = []
    if not any(word in norm for word in _THERAPY_WORDS):
        return rules, spans
    for pattern in (_CLAUSE, _IF_DRIVER):
        for match in pattern.finditer(norm):
            rest = match.group("rest")
            # ("must have experienced disease progression (during or after treatment) or intolerance to ...": an
            # aside in brackets does not count towards the words allowed between the verb and the therapy.)
            if not (_APPROVED_THERAPY.match(rest) or "(" in rest and _APPROVED_THERAPY.match(strip_parens(rest))):
                continue
            what = _SPACED_GENE.sub(r"\1\2", match.group("what"))  # "ROS 1" -> ros1
            named = [g for g in genes_in(what) if g in DRIVER_GENES]
            widened = _ANY_DRIVER.search(what) and not defined_by_list(what)
            genes = named + list(DRIVER_GENES) + list(OTHER_ACTIONABLE) if widened else named
            genes = [g for g in dict.fromkeys(genes) if g not in header_genes]
            if not genes:
                continue
            rule = {"kind": "driver", "genes": genes, "named": [g for g in named if g in genes],
                    "every": bool(_EVERY.search(rest)), "soft": bool(_REFUSAL.search(rest)),
                    "approved": "approved" in rest, "contra": bool(_CONTRA.search(rest)),
                    "listed": listed_examples(what, named)}
            if "EGFR" in genes and _EGFR_SENSITIZING.search(what) and not _EGFR_EX20.search(what):
                rule["egfr_findings"] = [*SENSITIZING, *(["t790m"] if "t790m" in what else [])]
            # (Only for the genes named: "driver alterations" widened to every driver asks too much of a guess.)
            more = _AND_MORE.search(rest) if pattern is _CLAUSE and genes == rule["named"] else None
            verb = _VERB.search(rest)
            if more is not None and verb is not None and verb.end() <= more.start():
                # "... must have progressed on an approved TKI for that alteration and on platinum-based
                # chemotherapy": the carriers are asked for the rest too, read with the clause's verb (the span from
                # the verb's object to "and" is what the driver rule took).
                rule["more"] = (match.start("rest") + verb.end(),
                                match.start("rest") + more.start() + len(more.group(0).split()[0]))
            rules.append(rule)
            spans.append(match.span())
    if not rules:
        return _own_driver_rules(norm, header_genes)
    return rules, spans


# A driver told by the therapy that exists for it: "absence of genomic aberrations for which first-line targeted
# therapy is standard of care", "no actionable alteration with an approved first-line targeted therapy". The
# therapy there is what the driver is known by (a biomarker condition), not a treatment had or banned.
_DRIVER_NOUN = (r"\b(?:alterations?|aberrations?|mutations?|drivers?|oncogenes?|rearrangements?|fusions?|variants?"
                r"|abnormalit(?:y|ies)|lesions?|biomarkers?|targets?)\b")
_AVAILABLE_HEAD = (
    r"\b(?:(?P<which>for\s+which|for\s+whom|where)"
    r"|(?:with|having|that\s+(?:has|have))\s+(?:an?\s+|the\s+)?(?:(?:fda|ema|nmpa|regulatory|locally)[\s-]+)?"
    r"(?:approved|available|established|existing|licensed|proven|registered|approvable))\b"
)
_DRIVER_AVAILABLE = guarded(rf"{_DRIVER_NOUN}(?P<gap>(?:[^.;:()]|\([^()]{{0,80}}\)){{0,80}}?){_AVAILABLE_HEAD}"
                            r"(?P<body>[^.;:]{0,160})")
# Words that make the clause about the patient's own treatment: "for which they received approved therapy".
_HISTORY = re.compile(r"\b(?:receiv\w*|had|treated|progress\w*|fail\w*|prior|previous\w*|exposed|refractory|resist\w*"
                      r"|must|should|shall|required|need)\b")
_EXISTS = re.compile(r"\b(?:approved|available|standard|indicated|exists?|recommended|licensed|established"
                     r"|registered|(?:can|could|may) be)\b")
_CLAUSE_STOP = re.compile(r"\b(?:must|should|shall|are required|is required|need|needs|and\s+(?:who|have|has|must))\b"
                          r"|,\s+(?:and\s+)?(?:who|patients|subjects|participants)\b")


def available_spans(norm: str) -> list[tuple[int, int]]:
    """Spans of clauses that name the therapy existing for a driver (their drug names set no rule)."""
    if "approv" not in norm and "availab" not in norm and "standard" not in norm and "which" not in norm \
            and "whom" not in norm and "where" not in norm:
        return []
    spans: list[tuple[int, int]] = []
    for match in _DRIVER_AVAILABLE.finditer(norm):
        if _HISTORY.search(match.group("gap")):
            continue
        start, end = match.start("body"), match.end("body")
        stop = _CLAUSE_STOP.search(norm, start, end)
        end = stop.start() if stop else end
        body = norm[start:end]
        if _HISTORY.search(body) or (match.group("which") and not _EXISTS.search(body)):
            continue
        spans.append((match.start("body") if match.group("which") else match.start("gap") + len(match.group("gap")),
                      end))
    return spans


# Approved targeted therapy per gene: the findings it is approved for (substrings of the profile's alteration,
# lower case) and the drug classes that meet a rule for them. A finding outside these leaves the rule a question.
# EGFR exon 20 insertions have their own drugs (amivantamab, sunvozertinib ...): asked first, as "exon 20".
_EX20INS = ("c:egfr_ex20_inhibitor", "d:amivantamab")
_APPROVED: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {
    "EGFR": ((("exon 20 ins", "ex20ins", "insertion"), _EX20INS),
             (("exon 19", "l858r", "t790m", "g719", "l861q", "s768i", "sensiti"), ("c:egfr_targeted",))),
    "ALK": ((("fusion", "rearrange", "translocation"), ("c:alk_tki",)),),
    "ROS1": ((("fusion", "rearrange"), ("c:ros1_tki",)),),
    "RET": ((("fusion", "rearrange"), ("c:ret_tki",)),),
    "NTRK1": ((("fusion",), ("c:ntrk_tki",)),),
    "NTRK2": ((("fusion",), ("c:ntrk_tki",)),),
    "NTRK3": ((("fusion",), ("c:ntrk_tki",)),),
    "BRAF": ((("v600e",), ("c:braf_inhibitor",)),),
    "MET": ((("exon 14",), ("c:met_inhibitor",)),),
    "KRAS": ((("g12c",), ("c:kras_g12c_inhibitor",)),),
    "ERBB2": ((("exon 20", "insertion", "mutation", "y772"), ("c:her2_targeted",)),),
}
# Any drug aimed at the gene: had instead of the approved one ("osimertinib for an exon 20 insertion"), it may
# or may not count, so the rule is then a question rather than unmet.
NEAR: dict[tuple[str, ...], tuple[str, ...]] = {_EX20INS: ("c:egfr_targeted",)}



# Drivers whose targeted therapy is approved only after earlier systemic therapy: "an actionable driver"
# may or may not mean them. Once a line for advanced disease has been had, their drug is due, and "approved
# therapy for these alterations" means it too ("driver-specific therapy" still leaves it a question).
_LATER_LINE = frozenset({"KRAS", "ERBB2"})


def needed(gene: str, alterations: list[str], every: bool, named: bool = True,
           later_line: bool = False) -> tuple[str, ...] | None:
    """The drug classes that meet the rule for a patient with these findings in `gene`; None when no
    approved therapy is known for the finding (the rule is then a question). `named`: the sentence
    names the gene, not only "actionable" or "driver" alterations; `later_line`: the patient has had a
    line of treatment for advanced disease and the rule asks for approved therapy."""
    entries = _APPROVED.get(gene)
    if entries is None or (gene in _LATER_LINE and not named and not later_line):
        return None
    found = [a.lower() for a in alterations]
    if every and gene == "EGFR" and any("t790m" in a for a in found):
        return ("c:egfr_tki_3g",)  # "all approved therapies" for T790M includes a third-generation TKI
    for approved_for, classes in entries:
        if any(word in a for a in found for word in approved_for):
            return classes
    return None


# A way in for driver carriers beside the trial's own: "Driver-positive patients may enrol after exhausting approved
# targeted therapy", "Patients with EGFR or ALK alterations are also eligible after progression on approved targeted
# therapy". It lets the carriers who had their driver's approved drug in whatever else the trial asks of earlier
# treatment; it asks nothing of anyone (a permission, unlike "must have progressed on approved therapy").
_ROUTE_WHO = (
    r"(?:\b(?:patients|subjects|participants|those|pts|tumou?rs|cases)\s+(?:with|harbou?ring|whose\s+tumou?rs?\s+(?:have|harbou?r"
    r"|carry))\s+(?P<what>[^.;:()]{2,120}?)"
    r"|\b(?P<pos>(?:driver|oncogene|mutation|alteration|biomarker)[\s-]+(?:positive|mutant|mutated|driven|addicted)"
    # "Actionable gene alterations are eligible if failed targeted therapeutic options": the alterations for the
    # patients who carry them.
    r"|(?:actionable|targetable|druggable|oncogenic)\s+(?:(?:gene|genetic|genomic|driver|molecular)\s+)?"
    r"(?:alterations?|mutations?|drivers?|aberrations?))"
    r"(?:\s+(?:nsclc|disease|tumou?rs?))?(?:\s+(?:patients|subjects|participants|pts))?)"
)
_ROUTE_VERB = (
    r"\s*,?\s*(?:(?:are|is)\s+(?:also\s+|still\s+)?(?:eligible|allowed|permitted)|(?:will|would)\s+(?:also\s+)?be\s+eligible"
    r"|(?:also\s+)?qualify|(?:may|can|could)\s+(?:also\s+|instead\s+|still\s+)?(?:enrol+|participate|join|enter|qualify"
    r"|be\s+(?:enrol+ed|included"
    r"|eligible|allowed|permitted|considered|accepted|entered)))\b"
)
_ROUTE = guarded(rf"{_ROUTE_WHO}{_ROUTE_VERB}(?P<rest>[^.;()]{{0,200}})")
_ROUTE_WHEN = re.compile(r"\s*(?:only\s+)?(?:after|following|once|upon|provided|if|when|having)\b\s*(?:they\s+)?"
                         r"(?:have\s+|has\s+)?(?:had\s+)?")
# "once approved targeted therapies have been exhausted": the therapy first.
_THERAPY_THEN_HAD = re.compile(
    r"^(?:(?:all|the|any|an?|their)\s+)*(?:(?:fda|ema)[\s-]+)?(?:approved|available|standard|targeted|appropriate"
    r"|matched|corresponding)\b[^.;]{0,40}?"
    rf"\b(?:therap(?:y|ies)|treatments?|agents?|tkis?|inhibitors?|options?)\s+(?:have|has)\s+(?:been\s+)?{_HAD}")
# "after approved targeted therapy and platinum-based chemotherapy": the carriers' way in asks more than their drug.
_AND_MORE = re.compile(r"\b(?:and|plus|as well as|followed by|then)\s+(?:[a-z-]+\s+){0,3}?"
                       r"(?:chemo|platin|immuno|pd-?l?1|checkpoint|docetaxel|ici\b|cytotoxic)")
_ROUTE_WORDS = ("may", "can", "could", "eligible", "allowed", "permitted", "qualify")
# The clause's verb and its preposition ("progressed on", "been treated with"): what stays when its object is cut.
_VERB = re.compile(rf"\b{_HAD}\b(?:\s+(?:on|after|with|to|by|from))?")


def driver_routes(norm: str, header_genes: frozenset[str]) -> list[dict[str, Any]]:
    """The driver carriers an inclusion sentence lets in after their approved targeted therapy: [{"genes", "every",
    "egfr_findings"?}] (genes the trial is about, named in its header, are left out as in driver_rules)."""
    if not any(word in norm for word in _THERAPY_WORDS) or not any(word in norm for word in _ROUTE_WORDS):
        return []
    routes: list[dict[str, Any]] = []
    for match in _ROUTE.finditer(norm):
        when = _ROUTE_WHEN.match(match.group("rest"))
        if when is None:
            continue
        rest = match.group("rest")[when.end():]
        if not (_APPROVED_THERAPY.match(rest) or _APPROVED_THERAPY.match(f"received {rest}")
                or _THERAPY_THEN_HAD.match(rest)) or _AND_MORE.search(rest):
            continue
        what = _SPACED_GENE.sub(r"\1\2", match.group("what") or match.group("pos"))
        named = [g for g in genes_in(what) if g in DRIVER_GENES]
        any_driver = match.group("pos") is not None or _ANY_DRIVER.search(what) is not None
        genes = named + list(DRIVER_GENES) + list(OTHER_ACTIONABLE) if any_driver and not defined_by_list(what) \
            else named
        genes = [g for g in dict.fromkeys(genes) if g not in header_genes]
        if not genes:
            continue
        route: dict[str, Any] = {"genes": genes, "every": bool(_EVERY.search(rest))}
        if "EGFR" in genes and _EGFR_SENSITIZING.search(what) and not _EGFR_EX20.search(what):
            route["egfr_findings"] = [*SENSITIZING, *(["t790m"] if "t790m" in what else [])]
        routes.append(route)
    return routes


# "Participants with a known actionable genomic alteration (EGFR, ALK, ...) must have received an approved targeted
# therapy and a platinum doublet; for these participants prior anti-PD-(L)1 therapy is not required": the carriers are
# let off a treatment another inclusion asks of everyone. (The exempted words come after the group's own clause.)
_NOT_REQUIRED = r"(?:is|are)\s+not\s+(?:required|mandatory|necessary|needed)\b"
_THEM = r"(?:these|such|those|them|the\s+latter)(?:\s+(?:participants|patients|subjects|pts|individuals))?"
_EXEMPTED = guarded(
    rf"\bfor\s+{_THEM}\s*,?\s*(?P<what>[^.;,]{{3,80}}?)\s+{_NOT_REQUIRED}"
    rf"|(?:^|[;,.]\s*)(?P<what2>[^.;,]{{3,80}}?)\s+{_NOT_REQUIRED}\s+for\s+{_THEM}\b"
)


def exempted_routes(norm: str, header_genes: frozenset[str], egfr: bool) -> list[dict[str, Any]]:
    """The driver carriers a sentence lets off a treatment asked of everyone: [{"genes", "every", "only"}], where
    "only" holds the treatments they need not have had (the rules asking for those are met by their own way)."""
    if "not" not in norm:
        return []
    exempt = _EXEMPTED.search(norm)
    if exempt is None:
        return []
    clause = _CLAUSE.search(norm, 0, exempt.start())
    if clause is None:
        return []
    what = _SPACED_GENE.sub(r"\1\2", clause.group("what"))
    named = [g for g in genes_in(what) if g in DRIVER_GENES]
    if _ANY_DRIVER.search(what) is not None and not defined_by_list(what):
        named = named + list(DRIVER_GENES) + list(OTHER_ACTIONABLE)
    genes = [g for g in dict.fromkeys(named) if g not in header_genes]
    words = exempt.group("what") or exempt.group("what2") or ""
    only = [i for m in find_mentions(words, egfr) for i in m.items]
    if not genes or not only:
        return []
    route: dict[str, Any] = {"genes": genes, "every": False, "only": list(dict.fromkeys(only))}
    if "EGFR" in genes and _EGFR_SENSITIZING.search(what) and not _EGFR_EX20.search(what):
        route["egfr_findings"] = list(SENSITIZING)
    return [route]

