"""Treatment going on now, with no drug named: "Patients in active medical treatment", "undergoing active
oncological treatment". A profile lists the drugs had, not whether one is being taken today, so such a
requirement is a question for every patient (unknown), never an exclusion. Named drugs ("currently receiving
a PD-1 inhibitor") are read by the sentence reader as usual.
"""

from __future__ import annotations

import re
from typing import Any

from trialmatch.criteria.rules.prefilter import guarded
from trialmatch.criteria.rules.prior_therapy import cues
from trialmatch.criteria.rules.prior_therapy.terms import find_mentions, normalize
from trialmatch.criteria.text import TrialText, quote

# "in active medical treatment", "currently on active oncologic therapy", "undergoing ongoing anticancer treatment".
_CURRENT = guarded(
    r"\b(?:in|on|under|undergoing|receiving)\s+(?:an?\s+)?(?:active|ongoing)\s+"
    r"(?:(?:medical|oncologic(?:al)?|systemic|anti-?cancer|anti-?tumou?r|cancer|lung cancer|cancer-directed)\s+)?"
    r"(?:treatment|therapy)\b"
    r"|\bundergoing\s+(?:an?\s+)?(?:(?:medical|oncologic(?:al)?|anti-?cancer|cancer)\s+)?(?:treatment|therapy)\s+for\b"
)
# "Patients not in active treatment", "off active therapy", "no longer on active treatment": the opposite.
# "Progression on ongoing treatment": the course of it, read by the sentence reader.
_NEGATED = re.compile(r"\b(?:not|no|never|without|off|longer|neither|nor|completed|finished|after|progress\w*"
                      r"|relaps\w*|fail\w*|refractory|intoleran\w*)\W+(?:\w+\W+){0,2}$")


def current_treatment_rules(text: TrialText) -> list[dict[str, Any]]:
    """A question rule for an inclusion that asks for treatment going on now, naming no drug."""
    for crit in text.criteria:
        if crit.section != "inclusion" or crit.scope is not None:
            continue
        low = normalize(crit.text)
        # What every _CURRENT match holds ("active" or "ongoing", or "undergoing"; and "treatment" or "therapy"),
        # asked first: most bullets hold neither.
        if ("active" not in low and "ongoing" not in low and "undergoing" not in low) \
                or ("treatment" not in low and "therapy" not in low):
            continue
        found = _CURRENT.search(low)
        if found is None or _NEGATED.search(low, max(0, found.start() - 30), found.start()):
            continue
        if any(not m.systemic for m in find_mentions(low)):
            continue  # a drug or class named: the sentence reader's rule
        return [{"soft": True, "genes": [], "alteration": None, "cohorts": [], "evidence": quote(crit.text),
                 "section": "inclusion", "kind": "require", "groups": [["c:systemic"]], "met_unknown": True,
                 "current": True, "setting": "any"}]
    return []


# Local treatment of the disease done, asked of every patient: "Completion of locally ablative therapy (surgery, SBRT,
# ...) to all known sites of disease", "must have completed local consolidative therapy to all metastatic sites",
# "has undergone definitive local treatment of all lesions", "Completed radical radiotherapy or surgery to every site
# of disease". A profile lists systemic drugs, never local treatment, so it is a question for everyone (unknown),
# never an exclusion: read as nothing, every patient was let through.
# Also with the verb after ("Local ablative treatment (SBRT, surgery) of all known metastases must have been
# completed", "Prior local consolidative therapy to all sites of disease is mandatory"), the sites first ("All sites
# of disease treated with definitive local therapy"), and stereotactic radiotherapy or resection named.
_LOCAL_KIND = (r"(?:(?:locally|local(?:ly)?|loco-?regional|definitive|radical|consolidative|curative(?:-intent)?"
               r"|ablative|stereotactic)[\s-]+){1,3}(?:ablative\s+|consolidative\s+)?")
_LOCAL_NOUN = (r"(?:therapy|therapies|treatments?|radiotherapy|radiation(?:\s+therapy)?|ablation|body\s+radiotherapy"
               r"|radiosurgery)")
_ALL_SITES = r"(?:all|every|each)\s+(?:\w+\s+){0,3}?(?:sites?|lesions?|metastas[ie]s|disease)\b"
_LOCAL_DONE = guarded(
    r"\b(?:complet\w*|undergone|underwent|received|had|after|following|finished)\s+(?:of\s+|with\s+)?(?:an?\s+|the\s+|prior\s+)?"
    rf"{_LOCAL_KIND}{_LOCAL_NOUN}"
    rf"\b[^.;]{{0,160}}?\b(?:to|of|at|for)\s+{_ALL_SITES}"
    rf"|^\W*(?:prior\s+)?{_LOCAL_KIND}{_LOCAL_NOUN}\b[^.;]{{0,160}}?\b(?:to|of|at|for)\s+{_ALL_SITES}[^.;]{{0,60}}?"
    r"\b(?:(?:must|should)\s+have\s+been\s+(?:completed|performed|done|given|delivered)|(?:has|have)\s+been\s+"
    r"(?:completed|performed|done)|(?:is|are)\s+(?:mandatory|required)|completed|done)\b"
    rf"|^\W*{_ALL_SITES}[^.;]{{0,40}}?\b(?:treated|ablated)\s+(?:with|by)\s+(?:an?\s+)?{_LOCAL_KIND}{_LOCAL_NOUN}"
    # ("All lesions treated with SRS must be excluded from target lesions": which lesions are measured.)
    r"(?![^.;]{0,60}\b(?:excluded|target|measurable|evaluable|not\s+be\s+(?:used|selected|considered)))"
)


def local_treatment_rules(text: TrialText) -> list[dict[str, Any]]:
    """A question rule for an inclusion that asks for local treatment of every site of disease done (_LOCAL_DONE)."""
    for crit in text.criteria:
        if crit.section != "inclusion" or crit.scope is not None:
            continue
        low = normalize(crit.text)
        if "all " not in low and "every " not in low and "each " not in low:
            continue
        found = _LOCAL_DONE.search(low)
        if found is None or _NEGATED.search(low, max(0, found.start() - 30), found.start()):
            continue
        return [{"soft": True, "genes": [], "alteration": None, "cohorts": [], "evidence": quote(crit.text),
                 "section": "inclusion", "kind": "require", "groups": [["c:local_therapy"]], "met_unknown": True,
                 "local_done": True, "setting": "any"}]
    return []


# "No radiological progression at any time since start of immunotherapy", "without disease progression on first-line
# X": the line the trial asks for is still working. A profile's listed lines are lines it has had (and moved past).
_NO_PROGRESSION = guarded(
    r"\b(?:no|without)\s+(?:evidence\s+of\s+)?(?:(?:radiological|radiographic|clinical|confirmed|documented|objective)"
    r"\s+)?(?:disease\s+)?progression\b(?P<gap>[^;()]{0,60}?)\b(?:since|during|on|while\s+(?:on|receiving))\s+"
    r"(?:the\s+)?(?:(?:start|initiation|beginning|commencement)\s+of\s+|starting\s+|initiating\s+)?"
    r"(?P<what>[^.;()]{3,80})"
)


_WINDOW_OF_COURSE = re.compile(r"(?:the\s+)?(?:first|initial|last)\s+\S+\s+(?:days?|weeks?|months?|cycles?)\b")


# The phase a maintenance or consolidation trial enters after: "front-line systemic therapy", "initial treatment",
# "first-line chemotherapy", "induction therapy", "concurrent or sequential chemoradiotherapy", "definitive
# chemoradiation". Whoever has not had it, or whose disease progressed after it, is not the trial's patient.
_PHASE = re.compile(
    r"\b(?:first|front|1st)[- ]?line\b|\b(?:initial|induction|primary|first)\s+(?:\w+\s+){0,2}?"
    r"(?:treatment|therapy|therapies|chemotherapy|regimen)\b|\b(?:chemo-?radi|radio-?chemo)\w*")
# What is no earlier treatment: the study's own ("protocol therapy"), screening, or a window of the course.
_NOT_PHASE = re.compile(r"\b(?:study|investigational|protocol|trial|screening|run-?in|within|the\s+first\s+\d)")
_TREATED = r"(?:treatment|therapy|therapies|chemotherapy|chemo-?radi\w*|radio-?chemo\w*|regimen)"
_PROGRESSION = (r"(?:(?:evidence|signs?)\s+of\s+)?(?:(?:radiological|radiographic|clinical|confirmed|documented"
                r"|objective)\s+)?(?:(?:disease|tumou?r)\s+)?progression\b")
# "Completion of standard front-line systemic therapy without evidence of disease progression", "Initial treatment
# (surgery, chemotherapy ...) completed, with no evidence of progression", "having completed induction chemotherapy
# and no progression", "must not have had disease progression after concurrent or sequential chemoradiotherapy".
_COMPLETED_WHAT = (
    r"\b(?:completion\s+of|completed|completing|finished|received|underwent|undergone|after|following)\s+"
    r"(?P<what>[^.;:]{3,120}?)"
    r"(?:,\s*|\s+)(?:(?:and|with)\s+)?(?:no|without|absence\s+of|not\s+(?:having\s+)?(?:had|shown|experienced)"
    r"(?:\s+any)?)\s+" + _PROGRESSION)
# (Also "must not have progressed during first-line induction (4 cycles of X)": the same entry said with the verb.)
_COMPLETED_AFTER = (r"(?:\b(?:no|not\s+(?:have\s+)?(?:had|experienced)|without)\s+" + _PROGRESSION
                    + r"|\b(?:must|should|shall|did|has|have)\s+not\s+(?:have\s+)?progressed)"
                    + r"\s+(?:after|following|since\s+(?:the\s+)?(?:end|completion)\s+of|during)\s+"
                    + r"(?P<after>[^.;:]{3,100})")
_COMPLETED = guarded(
    _COMPLETED_WHAT
    + r"|(?P<done>[^.;:]{3,160}?)\s+(?:completed|finished)\b[^.;:]{0,20}?\b(?:no|without)\s+" + _PROGRESSION
    + "|" + _COMPLETED_AFTER)
# _COMPLETED for a text without "completed" or "finished", where its middle alternative cannot match: that one tries up
# to 160 characters at every position (1.4 ms a sentence). Same groups (the middle one never set), same first match.
_COMPLETED_NOT_DONE = guarded(_COMPLETED_WHAT + r"|(?P<done>(?!))" + "|" + _COMPLETED_AFTER)
# "Disease progression at any site during front-line systemic therapy" (an exclusion), "Patients who progressed on
# first-line chemotherapy cannot be enrolled" (an inclusion whose end says no).
_PROGRESSED = guarded(
    r"^(?:patients?\s+|subjects?\s+|participants?\s+)?(?:who\s+|with\s+)?(?:(?:have\s+)?had\s+|experienced\s+"
    r"|showed\s+)?(?:(?:documented|radiological|radiographic)\s+)?(?:disease\s+)?"
    r"(?:progression|progressed|progressive\s+disease)\s+(?:\w+\s+){0,3}?"
    r"(?:during|on|while\s+(?:on|receiving)|under|after|following)\s+(?:the\s+)?(?P<what>[^.;:]{3,100})")
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|approx|vs)\.")
_SAYS_NO = re.compile(r"\b(?:cannot|can\s*not|not\s+(?:be\s+)?(?:allowed|eligible|permitted|included|enrolled)"
                      r"|ineligible|(?:are|is|will\s+be)\s+excluded)\b[^.;]*$")


def _phase_items(what: str) -> list[str] | None:
    """What a phase phrase names ("first-line platinum chemotherapy": platinum), c:systemic for a phase named by its
    place alone ("initial treatment", "chemoradiotherapy"); None when `what` names no earlier phase."""
    if not _PHASE.search(what) or _NOT_PHASE.search(what) or not re.search(_TREATED, what):
        return None
    if "(" in what:
        what = what[:what.index("(")]  # "(surgery, radiotherapy, chemotherapy or combination)": examples of it
    items = [i for m in find_mentions(what) if not m.systemic for i in m.items]
    return list(dict.fromkeys(items)) or ["c:systemic"]


def _stable_after_rules(crit_text: str, section: str) -> list[dict[str, Any]]:
    """A maintenance or consolidation entry: the patient completed a named phase of treatment and has not progressed
    since. An inclusion asks for the phase (firm) and bans having moved past it (progressed_on); an exclusion of
    progression during the phase bans only the latter."""
    # "e.g." and "i.e." inside the phrase are no sentence end ("first line chemotherapy, e.g. 4-6 cycles, without ...")
    low = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), normalize(crit_text))
    if section == "inclusion" and not _SAYS_NO.search(low):
        done = "completed" in low or "finished" in low
        found = (_COMPLETED if done else _COMPLETED_NOT_DONE).search(low)
        what = found and (found.group("what") or found.group("done") or found.group("after"))
        items = _phase_items(what) if what else None
        if not items or found is None:
            return []
        rules = [{"soft": False, "genes": [], "alteration": None, "cohorts": [], "evidence": quote(crit_text),
                  "section": "inclusion", "kind": "require", "groups": [items], "setting": "any"},
                 _progressed_ban(crit_text, items, "inclusion")]
        if _untreated_way(low, found.start()):
            # "Enrolled before starting first-line therapy, or after 4 cycles of X without progression": the phase
            # is the treated patient's way in; the untreated one has another.
            base = {k: v for k, v in rules[0].items() if k not in ("kind", "groups", "setting")}
            # (a second line is past the phase: implied, not said, so a question)
            past = {**base, "kind": "lines", "min": None, "max": 1, "of": None, "setting": "advanced", "soft": True}
            return [{**base, "kind": "any_of",
                     "options": [[{**base, "kind": "naive", "allow": [], "setting": "advanced"}], [*rules, past]]}]
        return rules
    banned = _PROGRESSED.search(low)
    if banned is None or (section == "inclusion") != bool(_SAYS_NO.search(low)):
        return []
    items = _phase_items(banned.group("what"))
    return [_progressed_ban(crit_text, items, section)] if items else []


# "Treatment-naive patients, or patients who completed ...": an untreated way in said before the "or".
_NAIVE_THEN_OR = re.compile(r"[^.;]{0,40}?\bor\b")


def _untreated_way(low: str, phase: int) -> bool:
    """Whether an untreated way in stands before the phase, joined to it by "or" (before any treatment, or naive)."""
    before = cues.BEFORE_FIRST_TREATMENT.search(low) if "or " in low else None
    if before is not None and before.start() < phase:
        return True
    naive = cues.NAIVE.search(low)
    return naive is not None and naive.start() < phase and _NAIVE_THEN_OR.match(low, naive.end()) is not None


def _progressed_ban(crit_text: str, items: list[str], section: str) -> dict[str, Any]:
    return {"soft": False, "genes": [], "alteration": None, "cohorts": [], "evidence": quote(crit_text),
            "section": section, "kind": "forbid", "items": items, "allow": [], "progressed_on": True,
            "past_first": True, "setting": "any"}


def no_progression_rules(text: TrialText) -> list[dict[str, Any]]:
    """A ban on having moved past the named treatment, for an inclusion asking for no progression since its start
    (verdicts._forbid: "progressed_on"); and for a maintenance entry, the phase it follows (_stable_after_rules)."""
    out: list[dict[str, Any]] = []
    for crit in text.criteria:
        if crit.scope is not None or "progress" not in crit.text.lower():
            continue
        stable = _stable_after_rules(crit.text, crit.section)
        if stable:
            out.extend(stable)
            continue
        if crit.section != "inclusion" or "progression" not in crit.text.lower():
            continue
        low = normalize(crit.text)
        found = _NO_PROGRESSION.search(low)
        if found is None or "prior to" in found.group("gap") or "before" in found.group("gap") \
                or _WINDOW_OF_COURSE.match(found.group("what")):
            continue  # "no progression during the first 3 months of X": a late way in for those starting X now
        items = [i for m in find_mentions(found.group("what")) if not m.systemic for i in m.items]
        if not items:
            continue
        out.append({"soft": False, "genes": [], "alteration": None, "cohorts": [], "evidence": quote(crit.text),
                    "section": "inclusion", "kind": "forbid", "items": list(dict.fromkeys(items)), "allow": [],
                    "progressed_on": True, "setting": "any"})
    return out
