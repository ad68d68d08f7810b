"""Marker rules that a treatment history lifts: "EGFR or ALK ... not eligible unless they have progressed
on all standard targeted therapy", "no EGFR or ALK aberrations" beside "subjects with EGFR or ALK aberrations
should have progressed on approved therapy for these aberrations".

Reading (condition): the words after "unless" (or a carrier rule's treatment words) are understood only when
they ask for generic targeted therapy for the patient's own alteration, nothing more ("and platinum",
"at least two lines", a named drug leave the rule a question). Checking (treated): whether the profile's
drugs hold one that targets the alteration (data/vocab/drugs.json classes, ancestors included).
"""

from __future__ import annotations

import re
from typing import Any

from trialmatch.criteria import drugs
from trialmatch.criteria.rules import marker_vocab as vocab
from trialmatch.criteria.rules.patient import Patient
from trialmatch.criteria.rules.reader.vocabulary import CANNOT_HAVE

YES, NO, MAYBE = "yes", "no", "maybe"

# Drug classes that treat each gene's driver alterations (any member counts, subclasses included).
GENE_CLASSES: dict[str, frozenset[str]] = {
    "EGFR": frozenset({"egfr_targeted"}),
    "ALK": frozenset({"alk_tki"}),
    "ROS1": frozenset({"ros1_tki"}),
    "RET": frozenset({"ret_tki"}),
    "MET": frozenset({"met_inhibitor"}),
    "KRAS": frozenset({"kras_inhibitor"}),
    "BRAF": frozenset({"braf_inhibitor"}),
    "ERBB2": frozenset({"her2_targeted"}),
    "NTRK1": frozenset({"ntrk_tki"}),
    "NTRK2": frozenset({"ntrk_tki"}),
    "NTRK3": frozenset({"ntrk_tki"}),
}
# "All standard targeted therapy" for an alteration whose standard drugs are a narrower class than its
# gene's: T790M is what third-generation EGFR TKIs treat, so gefitinib alone has not exhausted it.
ALTERATION_CLASSES: dict[tuple[str, str], frozenset[str]] = {
    ("EGFR", "T790M"): frozenset({"egfr_tki_3g", "egfr_tki_4g"}),
    ("EGFR", "ex20ins"): frozenset({"egfr_ex20_inhibitor", "egfr_antibody"}),
    ("KRAS", "G12C"): frozenset({"kras_g12c_inhibitor"}),
}

# Resistance alterations that arise only under a drug class: an untested tumour never exposed to it has none.
ACQUIRED_UNDER: dict[tuple[str, str], frozenset[str]] = {
    ("EGFR", "C797S"): frozenset({"egfr_tki"}),
}

# ---- reading ------------------------------------------------------------------------------------

_SUBJECT = r"(?:(?:they|the\s+patients?|patients?|subjects?|participants?|those)\s+)?"
_VERB = (
    r"(?:have\s+|has\s+|had\s+)?(?:previously\s+|already\s+|also\s+)?"
    r"(?:(?:had\s+|experienced\s+|shown\s+|documented\s+)?(?:radiographic\s+|radiological\s+|documented\s+)?"
    r"(?:disease\s+)?progress(?:ed|ion)|failed|received(?:\s+and\s+(?:have\s+)?progressed)?"
    r"|(?:been\s+)?(?:previously\s+)?treated\s+with|been\s+exposed\s+to"
    # "after exhausting approved targeted therapy", "after progression on", "following failure of"
    r"|exhaust(?:ed|ing)|progressing|failing|failure|(?:disease\s+)?progression)"
    r"(?:\s+(?:on\s+or\s+after|on|following|after|with|to|during|despite|past|beyond|through|of))?"
    # "progressed on or been intolerant to": a patient who never had the drug is neither; the alternative may be set
    # off by commas ("progressed on, or are intolerant of, an appropriate TKI")
    r"(?:,?\s+or\s+(?:have\s+|has\s+)?(?:been\s+|were\s+|are\s+|is\s+)?intolerant\s+(?:to|of),?)?"
)
_QUALIFIER = (
    r"(?:(?:all|at\s+least\s+one|one\s+or\s+more|any|a|an|the|their|prior|previous|available|approved|standard"
    r"|standard[\s\-]of[\s\-]care|SOC|FDA[\s\-]approved|locally\s+approved|appropriate|relevant|corresponding"
    r"|matched|matching|indicated|licensed|commercially\s+available|(?:line|lines)\s+of)\s+)*"
)
_GENE_WORD = r"(?:(?:EGFR|ALK|ROS-?1|RET|MET|c-MET|KRAS(?:\s?G12C)?|BRAF|HER2|ERBB2|NTRK|TRK)[\s\-]*(?:/\s*)?)?"
_FOR_THESE = (
    r"\s+(?:for|against|targeting|directed\s+(?:at|against)|specific\s+(?:for|to))\s+(?:these|this|the|their|such|that"
    r"|those|each|the\s+(?:specific|respective|corresponding))\s+(?:genomic\s+|genetic\s+|molecular\s+|tumou?r\s+|"
    r"driver\s+|oncogenic\s+|specific\s+){0,3}(?:aberrations?|alterations?|mutations?|abnormalit(?:y|ies)|drivers?"
    r"|changes?|rearrangements?|fusions?|targets?)"
    r"|\s+(?:for|against|targeting)\s+(?:it|them)\b"
)
_OBJECT = (
    r"(?:" + _GENE_WORD + r"(?:targeted|targeting|directed|specific)\s+(?:therap(?:y|ies)|agents?|treatments?|drugs?"
    r"|inhibitors?|TKIs?)"
    r"|(?:driver|gene|mutation|alteration|target)[\s\-]specific\s+(?:therap(?:y|ies)|treatments?|agents?|TKIs?)"
    r"|" + _GENE_WORD + r"(?:TKIs?|tyrosine\s+kinase\s+inhibitors?|kinase\s+inhibitors?|inhibitors?)"
    r"|(?:therap(?:y|ies)|treatments?|agents?|drugs?)(?=" + _FOR_THESE + r"))"
    # "... on appropriate tyrosine kinase inhibitor therapy": the drug class named before "therapy"
    r"(?:\s+(?:therap(?:y|ies)|treatments?))?"
    r"(?:\s*\(\s*(?:TKIs?|s)\s*\))?(?:" + _FOR_THESE + r")?"
)
# What may close the condition: the end, a bracket, or an alternative a profile cannot rule out (those only
# let treated patients in: an untreated one may have refused the drug or have it contraindicated).
_OTHER_WAY = (
    r"(?:,?\s*(?:and\s*/\s*)?or\s+(?:have\s+|has\s+|had\s+)?(?:been\s+|were\s+|are\s+|is\s+|be\s+)?"
    r"(?:them\s+|it\s+|such\s+therapy\s+)?(?:contraindicated|ineligible|unable\s+to\s+(?:receive|tolerate)"
    r"|not\s+(?:be\s+)?(?:a\s+)?candidates?|refused|declined|intolerant|unsuitable|not\s+suitable"
    # every other wording of the shared vocabulary: "or not amenable to it", "or who rejected it"
    rf"|(?:who\s+)?{CANNOT_HAVE})"
    r"[^.;()]{0,60})?"
)
_END = r"\s*(?:[.;)\]]|,\s*(?:and|or)?\s*$|$)"
_CONDITION = re.compile(
    r"^\s*(?:\(\s*)?" + _SUBJECT + _VERB + r"\s+" + _QUALIFIER + r"(?P<object>" + _OBJECT + r")" + r"(?P<other>"
    + _OTHER_WAY + r")" + _END,
    re.I,
)
_TRIGGER = re.compile(
    r"\b(?:unless|except\s+(?:if|when|in\s+case)|except\s+(?:for\s+)?(?:patients|those|subjects|participants)\s+"
    r"who|with\s+the\s+exception\s+of\s+(?:patients|those|subjects|participants)\s+who)\b",
    re.I,
)
# "(patients with these alterations who have progressed on targeted therapy are allowed)"
_ALLOWED_AFTER = re.compile(
    r"\b(?:patients|those|subjects|participants)\s+(?:(?:with|harbou?ring|carrying)\s+(?:these|such|this|the\s+above)"
    r"\s+(?:\w+\s+){0,2}?)?who\s+(?P<rest>[^.;()]{0,160}?)\s*,?\s*(?:are|is|will\s+be|may\s+be|can\s+be)\s+(?:also\s+)?"
    r"(?:allowed|permitted|eligible|included|enrolled)\b",
    re.I,
)
# "(patients with these alterations are eligible after progression on approved targeted therapy)", "... those with
# such a driver may enrol once they have progressed on ...": the condition follows the permission.
_ALLOWED_IF = re.compile(
    r"\b(?:patients|those|subjects|participants)\s+(?:with|harbou?ring|carrying)\s+(?:these|such|this|the\s+above)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:(?:are|is|will\s+be|may\s+be|can\s+be)\s+(?:also\s+)?(?:only\s+)?"
    r"(?:allowed|permitted|eligible|included|enrolled)|(?:may|can)\s+(?:also\s+)?(?:enrol\w*|enter|participate|join))"
    r"\s+(?:only\s+)?(?:if|after|following|once|provided(?:\s+that)?)\s+(?P<rest>[^.;()]{0,160})",
    re.I,
)
_ALL = re.compile(r"\ball\b", re.I)
_OBJECT_GENE = re.compile(r"\b(EGFR|ALK|ROS-?1|RET|c-MET|MET|KRAS|BRAF|HER2|ERBB2|NTRK|TRK)\b", re.I)


def condition_after(text: str) -> dict[str, Any] | None:
    """The treatment condition `text` states ("they have progressed on all standard targeted therapy."), as
    {"all": bool, "other_way": bool, "drug_genes": [...]}; None when it asks anything more or else."""
    found = _CONDITION.match(text)
    if found is None:
        return None
    spec: dict[str, Any] = {"all": bool(_ALL.search(text[: found.end("object")]))}
    if found.group("other").strip():
        spec["other_way"] = True
    genes = sorted({g for m in _OBJECT_GENE.finditer(found.group("object")) for g in vocab.expand_gene(
        _canonical(m.group(1)))})
    if genes:
        spec["drug_genes"] = genes  # "unless progressed on an EGFR TKI": only that gene's drugs count
    return spec


def _canonical(word: str) -> str:
    word = word.upper().replace("-", "")
    return {"HER2": "ERBB2", "CMET": "MET", "TRK": "NTRK"}.get(word, word)


# "Subjects with EGFR or ALK aberrations should have progressed on ...", "... are eligible only if they have ..."
_CARRIER_MODAL = re.compile(
    r"\b(?:must|should|shall|need\s+to|needs\s+to|are\s+required\s+to|is\s+required\s+to)\s+(?:also\s+)?"
    r"|\b(?:(?:are|is|will\s+be|may\s+be|can\s+be)\s+(?:only\s+)?(?:eligible|allowed|permitted|enrolled|included)"
    r"|(?:may|can|could)\s+(?:also\s+)?(?:only\s+)?(?:enrol\w*|enter|participate|join))\s+"
    r"(?:only\s+)?(?:if|provided|when|once|after|following)\s+",
    re.I,
)


def carrier_condition(sentence: str) -> dict[str, Any] | None:
    """The treatment a carrier rule asks of carriers ("Subjects with EGFR or ALK aberrations should have
    progressed on approved therapy for these aberrations"); None when it asks anything we cannot read whole."""
    modal = _CARRIER_MODAL.search(sentence)
    return None if modal is None else condition_after(sentence[modal.end():])


# "Confirmed candidate for alternative systemic therapy (i.e. EGFR, ALK ...)", "eligible for approved targeted
# therapy": a carrier who has not had a drug for the alteration is one; a treated one may still be (a next drug).
_CANDIDATE = re.compile(
    r"\b(?:candidates?|eligible|suitable|indicated)\s+(?:\([^()]{0,40}\)\s+)?(?:for|to\s+receive)\s+(?:an?\s+|the\s+)?"
    r"(?:(?:approved|available|standard|first[\s\-]line|other)\s+){0,2}"
    r"(?:targeted|alternative|driver[\s\-]directed|driver[\s\-]specific|matched)\s+(?:(?:systemic|molecular)\s+)?"
    r"(?:therap(?:y|ies)|treatments?|agents?)\b",
    re.I,
)
CANDIDATE = {"all": True, "treated": "maybe"}


# "... or refused it", "... or have it contraindicated": a carrier the profile calls untreated may be one of those.
_REFUSED = re.compile(r"\b(?:refus\w*|declin\w*|contraindicat\w*|unwilling|intoleran\w*|unable)\b", re.I)


def candidate_for_therapy(sentence: str) -> dict[str, Any] | None:
    """The condition of "candidates for targeted therapy (EGFR, ALK ...)": see _CANDIDATE."""
    if _CANDIDATE.search(sentence) is None:
        return None
    return {**CANDIDATE, "other_way": True} if _REFUSED.search(sentence) else dict(CANDIDATE)


def unless_treated(sentence: str) -> dict[str, Any] | None:
    """The condition of "... unless they have progressed on targeted therapy" (or "candidates for targeted
    therapy") in a sentence that excludes markers; None when the sentence has none or one we cannot read whole."""
    candidate = candidate_for_therapy(sentence)
    if candidate is not None:
        return candidate
    trigger = _TRIGGER.search(sentence)
    if trigger is not None:
        return condition_after(sentence[trigger.end():])
    allowed = _ALLOWED_AFTER.search(sentence) or _ALLOWED_IF.search(sentence)
    if allowed is not None:
        return condition_after(allowed.group("rest") + ".")
    return None


# ---- checking -----------------------------------------------------------------------------------


def _drug_classes(name: str) -> frozenset[str] | None:
    """The classes of a listed drug; None for a name we cannot place (it may be a targeted drug)."""
    classes = drugs.classes_of(name)
    return frozenset(classes) if classes else None


def _needed(gene: str, alteration: str, spec: dict[str, Any]) -> frozenset[str]:
    if spec.get("all"):
        narrow = ALTERATION_CLASSES.get((gene, alteration))
        if narrow:
            return narrow
    return GENE_CLASSES.get(gene, frozenset())


def treated_for(profile: Patient, gene: str, spec: dict[str, Any]) -> str:
    """Has the profile had targeted therapy for its alterations in `gene`? YES / NO / MAYBE (history or drug
    unknown, or a gene with no drug class we know)."""
    drug_genes = spec.get("drug_genes")
    if drug_genes and gene not in drug_genes:
        return MAYBE  # "unless progressed on an EGFR TKI" said of an ALK fusion: not what it was written for
    alterations = [vocab.profile_alteration_key(gene, b.alteration) for b in profile.biomarkers if b.gene == gene]
    if not alterations:
        return MAYBE
    listed = [_drug_classes(name) for name in profile.prior_therapies]
    answers = []
    for alteration in alterations:
        needed = _needed(gene, alteration, spec)
        if not needed:
            answers.append(MAYBE)
        elif any(classes is not None and classes & needed for classes in listed):
            answers.append(YES)
        elif any(classes is None for classes in listed) or not _history_known(profile):
            answers.append(MAYBE)
        else:
            answers.append(NO)
    if NO in answers:
        return NO
    return MAYBE if MAYBE in answers else YES


def never_acquired(atom: dict[str, Any], profile: Patient) -> bool:
    """An untested gene's resistance alteration ("EGFR C797S") in a patient whose whole known history holds
    no drug that selects it: not there."""
    classes = ACQUIRED_UNDER.get((atom.get("gene", ""), atom.get("kind", "")))
    if classes is None or not _history_known(profile):
        return False
    listed = [_drug_classes(name) for name in profile.prior_therapies]
    return all(found is not None and not found & classes for found in listed)


def reads_history(clause: dict[str, Any]) -> bool:
    """Whether checking this clause may read the treatment history."""
    return "treated_ok" in clause or "treated_only" in clause or "at_diagnosis" in clause or (
        clause["mode"] == "forbid" and any((a.get("gene"), a.get("kind")) in ACQUIRED_UNDER for a in clause["atoms"]))


# ---- "de novo EGFR T790M at diagnosis", "MET amplification before any EGFR TKI" --------------------

# A change the trial refuses only as it stood before treatment: when, not what, decides. Not a bare "baseline"
# ("T790M mutation at baseline are not eligible"): a trial's baseline is its own screening, when an acquired
# change is already there; "baseline (pre-treatment)" or "baseline diagnostic biopsy" still dates it.
_AT_DIAGNOSIS = re.compile(
    r"\b(?:de[\s\-]?novo|pre[\s\-]?treatment"
    r"|at\s+(?:the\s+time\s+of\s+)?(?:(?:initial|first|original|primary)\s+)?diagnosis"
    r"|in\s+the\s+(?:initial\s+)?diagnostic\s+(?:biopsy|sample|specimen|tissue)"
    r"|(?:before|prior\s+to)\s+(?:(?:any|the|starting|initiating|initiation\s+of)\s+){0,2}"
    r"(?:(?:first[\s\-]line|initial|systemic|targeted|EGFR|ALK)\s+){0,2}(?:treatment|therapy|TKIs?|inhibitors?))\b",
    re.I,
)
# Changes treatment can select (resistance): found in a treated patient, they may have come after diagnosis.
_ACQUIRABLE = frozenset({("EGFR", "T790M"), ("EGFR", "C797S")})
_ACQUIRABLE_KINDS = frozenset({"amplification", "overexpression"})
# A bypass change beside another gene's driver ("EGFR exon 19 deletion; KRAS G12D" after osimertinib) may be
# acquired too; alone it is the tumour's own driver.
_BYPASS_GENES = frozenset({"KRAS", "NRAS", "BRAF", "MET", "ERBB2", "PIK3CA"})


def at_diagnosis(sentence: str) -> bool:
    """Does the sentence date the change it refuses ("de novo", "at initial diagnosis", "before any EGFR TKI")?"""
    return _AT_DIAGNOSIS.search(sentence) is not None


def at_diagnosis_answer(atom: dict[str, Any], answer: str, profile: Patient) -> str:
    """"No de novo T790M at diagnosis": a treated (or unknown-history) patient's T790M may be acquired, so it is a
    question (MAYBE); an untreated patient's finding is as it was at diagnosis, and a primary driver (exon 19
    deletion, a fusion) always was."""
    if answer != YES or atom["t"] != "alt" or (not profile.prior_therapies and profile.prior_lines == 0):
        return answer
    acquired = False
    for found in profile.biomarkers:
        if found.gene != atom["gene"]:
            continue
        key = vocab.profile_alteration_key(found.gene, found.alteration)
        if (found.gene, key) in _ACQUIRABLE or key in _ACQUIRABLE_KINDS or (
                found.gene in _BYPASS_GENES and any(b.gene != found.gene for b in profile.biomarkers)):
            acquired = True
        elif vocab.membership(found.gene, atom["kind"], key) is not False:
            return answer  # "EGFR alterations at diagnosis": the exon 19 deletion under the T790M was there
    return MAYBE if acquired else answer


def _history_known(profile: Patient) -> bool:
    """The drug list is the whole history: drugs are listed, or the profile says no line was given."""
    return bool(profile.prior_therapies) or profile.prior_lines == 0


# ---- "any KRAS variant except previously treated G12C" --------------------------------------------

# An alteration the trial takes only while untreated: "any variant except previously treated G12C",
# "excluding G12C mutations previously treated with a G12C inhibitor", "other than pretreated KRAS G12C".
_EXCEPT_TREATED = re.compile(
    r"\b(?:except|excluding|other\s+than|but\s+not)\s+(?:for\s+)?(?:(?:patients|those|subjects)\s+with\s+)?"
    r"(?:(?:previously|prior|already)[\s\-]+treated|pre-?treated)\s+(?:KRAS\s*)?(?P<alt>G12C)\b"
    r"|\b(?:except|excluding|other\s+than|but\s+not)\s+(?:for\s+)?(?:KRAS\s*)?(?P<alt2>G12C)\s+"
    r"(?:mutations?\s+|tumou?rs\s+)?(?:that\s+(?:have|has)\s+been\s+|previously\s+)?(?:previously\s+)?"
    r"treated\s+with\s+(?:an?\s+|prior\s+)?(?:KRAS\s*)?G12C[\s\-](?:inhibitors?|targeted\s+therapy)\b",
    re.I,
)
# The condition those alterations carry: treated with any drug of the alteration's own class.
TREATED_ONLY = {"all": True}
UNTESTED_ANSWER = "untested"  # verdicts.UNTESTED: a gene the profile has no result for


def except_treated(sentence: str) -> tuple[str, str] | None:
    """(gene, alteration) of "... except previously treated G12C": taken untreated, refused once treated."""
    if "G12C" not in sentence.upper():
        return None
    found = _EXCEPT_TREATED.search(sentence)
    if found is None:
        return None
    return "KRAS", (found.group("alt") or found.group("alt2")).upper()


def treated_only_answer(atom: dict[str, Any], answer: str, profile: Patient) -> str:
    """An atom of a rule that refuses the alteration only once treated: YES only for a treated carrier."""
    if answer == UNTESTED_ANSWER:
        return NO if _history_known(profile) and not _had_class(profile, _needed(atom["gene"], atom["kind"],
                                                                                   TREATED_ONLY)) else answer
    if answer not in {YES, MAYBE}:
        return answer
    treated = treated_for(profile, atom["gene"], TREATED_ONLY)
    if treated == NO:
        return NO
    return answer if treated == YES else MAYBE


def _had_class(profile: Patient, needed: frozenset[str]) -> bool:
    """Any listed drug in these classes, or one we cannot place (it may be one)."""
    return any(classes is None or classes & needed for classes in map(_drug_classes, profile.prior_therapies))
