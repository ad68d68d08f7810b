"""Sentences that name a treatment for something other than having had it.

- A toxicity on a treatment: "Patients who experienced grade >= 3 rash on prior afatinib", "Drug-induced
  interstitial lung disease on prior EGFR TKI", "intolerant to osimertinib". A profile records no toxicity:
  for a patient who had the treatment the exclusion is a question, never a yes; for the others it is met.
  (Words the cue lists skip outright, "pneumonitis", "immune-related", "toxicity", never reach here.)
- A qualified chemotherapy modality: "high-dose chemotherapy requiring stem cell rescue", "myeloablative
  chemotherapy": not any chemotherapy; its words are taken out before the sentence is read.
- "(unless contraindicated)", "(unless medically unsuitable)" after a required treatment: a way in for a
  patient who could not have it, as the same words outside brackets are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy.names import without_spans
from trialmatch.criteria.rules.prior_therapy.terms import SYSTEMIC, Mention

if TYPE_CHECKING:
    from trialmatch.criteria.rules.prior_therapy.first_read import FirstRead

# A toxicity the patient had, named before the treatment and joined to it ("rash on", "intolerant to").
_TOXICITY = guarded(
    r"\b(?:rash\w*|interstitial lung disease|ild|hepatotox\w*|hepatitis|transaminitis|diarrh\w+|keratitis"
    r"|stomatitis|mucositis|neuropath\w*|cardiotox\w*|qtc? prolongation|intoleran\w+|intolerable|toxicit\w+"
    r"|grade\s*(?:>=|>|\u2265)?\s*[34]\b(?:\s+or\s+(?:higher|above|greater))?(?:\s+[a-z-]+){0,3}?"
    r"|severe\s+(?:reaction|adverse)\w*|(?:drug|treatment|therapy)-(?:induced|related|associated)\s+[a-z ]{2,40}?)"
    # "neuropathy grade >= 2 from prior paclitaxel": the grade between the toxicity and its treatment.
    r"(?:\s+(?:of\s+)?(?:ctcae\s+)?grade\s*(?:>=|>|\u2265)?\s*[1-4](?:\s+or\s+(?:higher|above|greater|worse|more))?)?"
    r"\s+(?:on|to|with|from|during|after|following|while\s+(?:on|receiving|taking)|due\s+to|related\s+to"
    r"|attributed\s+to|caused\s+by|induced\s+by|associated\s+with)\s+(?:an?\s+|the\s+|any\s+)?"
    r"(?:prior\s+|previous\s+|earlier\s+)?(?:treatment\s+with\s+|therapy\s+with\s+)?$"
    # Told as a verb: "inability to (previously) tolerate (240 mg daily) X", "unable to tolerate prior X", "did not
    # tolerate X", "could not tolerate treatment with X": how the treatment went, which no profile records.
    r"|\b(?:(?:inability|unable|failure|failed|not\s+able)\s+to|(?:did|could|can|does|do)\s*(?:not|n['’]t)|cannot"
    r"|can\s+not)\s+(?:previously\s+)?(?:tolerate|withstand)\s+(?:\([^()]{0,40}\)\s*)?(?:an?\s+|the\s+|any\s+)?"
    r"(?:prior\s+|previous\s+|earlier\s+)?(?:treatment\s+with\s+|therapy\s+with\s+)?(?:\([^()]{0,40}\)\s*)?"
    # "... the prior KRAS inhibitor sotorasib": the class named before the drug, in apposition (not a list: no "or").
    r"(?:(?!(?:or|and|nor)\b)[\w-]+\s+){0,3}?$"
)
# The treatment first: "osimertinib-induced ILD", "EGFR TKI-related interstitial lung disease".
_INDUCED_AFTER = re.compile(r"^\s*-?\s*(?:induced|related|associated|attributed)\b")


def toxicity_only(read: FirstRead) -> bool:
    """Whether every treatment the sentence names is named for a toxicity on it."""
    norm = read.norm
    if not read.mentions or not _TOXICITY.possible(norm) and "-" not in norm:
        return False
    for mention in read.mentions:
        after = norm[mention.end:mention.end + 14]
        if _INDUCED_AFTER.match(after):
            continue
        if _TOXICITY.search(norm, max(0, mention.start - 120), mention.start) is None:
            return False
    return True


def as_question(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rules of a sentence that the profile can only answer with a question when it fails them."""
    out = []
    for rule in rules:
        rule = {**rule, "soft": True} if "soft" in rule else rule
        if rule.get("kind") == "any_of":
            rule = {**rule, "options": [as_question(option) for option in rule["options"]]}
        out.append(rule)
    return out


# High-dose or myeloablative chemotherapy, or chemotherapy with stem cell rescue: a modality no profile lists.
_MODALITY = guarded(
    r"\b(?:high[- ]dose|myelo-?ablative|dose-intensive)\s+(?:[a-z-]+\s+){0,2}?(?:chemo\w*|therap\w*|regimens?"
    r"|conditioning)\b(?:[^.;]{0,60}?\b(?:stem[- ]cells?|bone marrow|h(?:a)?ematopoietic|autologous)\s+(?:[a-z]+\s+)?"
    r"(?:rescue|support|transplant\w*|infusion|reinfusion))?"
    r"|\bchemo\w*\s+(?:[a-z-]+\s+){0,3}?(?:requiring|with|followed\s+by|necessitating|needing|and|plus)\s+"
    r"(?:an?\s+)?(?:[a-z-]+\s+){0,2}?(?:stem[- ]cells?|bone marrow|h(?:a)?ematopoietic)\s+(?:[a-z]+\s+)?"
    r"(?:rescue|support|transplant\w*|infusion|reinfusion)\b"
)
_MODALITY_WORDS = ("high", "myelo", "dose-intensive", "stem", "marrow", "hematopoietic", "haematopoietic")


def without_modality(read: FirstRead) -> FirstRead | None:
    """The sentence without qualified chemotherapy modalities; None when nothing else is left to read."""
    norm = read.norm
    # Every modality names one of these words: most sentences are skipped without a search.
    if not any(word in norm for word in _MODALITY_WORDS):
        return read
    spans = [m.span() for m in _MODALITY.finditer(norm)]
    return without_spans(read, spans) if spans else read


# "(unless contraindicated)", "(unless medically unsuitable)": about every treatment the sentence asks for.
_UNLESS_UNFIT = guarded(
    r"[(\[]\s*unless\s+(?:(?:medically|clinically)\s+)?(?:contra-?\s?indicated|unsuitable|ineligible|inappropriate"
    r"|unfit|not\s+(?:medically\s+|clinically\s+)?(?:eligible|suitable|appropriate|indicated|tolerated|feasible"
    r"|possible|a\s+candidate))\s*[)\]]"
    r"|\bunless\s+(?:medically|clinically)\s+(?:contra-?\s?indicated|unsuitable|inappropriate|not\s+(?:suitable"
    r"|appropriate|indicated))\s*(?:[.;)]|$)"
)


def unless_unfit(norm: str) -> bool:
    """Whether the sentence leaves a way in for patients who could not have what it asks for."""
    return _UNLESS_UNFIT.search(norm) is not None


# "... including platinum-based chemotherapy and a checkpoint inhibitor (unless contraindicated)": the bracket
# written right after a drug or class name (not after "systemic therapy" or the count) is about the named ones.
_RIGHT_AFTER_NAME = re.compile(r"[\s,]*$")


def unless_unfit_names_only(norm: str, mentions: Sequence[Mention]) -> bool:
    """Whether every "(unless contraindicated)" of the sentence follows a named treatment other than plain systemic
    therapy: a patient unfit for the named ones is still asked for the lines the sentence counts."""
    found = list(_UNLESS_UNFIT.finditer(norm))
    return bool(found) and all(
        any(SYSTEMIC not in m.items and m.end <= hit.start() and _RIGHT_AFTER_NAME.fullmatch(norm, m.end, hit.start())
            for m in mentions) for hit in found)


def as_question_but_count(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """as_question for every rule but a count of lines of any therapy, which the named drugs' unfitness leaves
    standing ("at least one prior line ..., including platinum (unless contraindicated)")."""
    return [rule if rule.get("kind") == "lines" and not rule.get("of") else as_question([rule])[0] for rule in rules]
