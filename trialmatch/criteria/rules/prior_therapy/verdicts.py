"""Check a patient's treatment history against parsed prior-therapy rules: pure, no free text.

The profile gives drug names (any setting) and the number of lines for advanced disease. Each
drug becomes the set of items it satisfies ("d:pembrolizumab", "c:pd1", "c:checkpoint_inhibitor",
...), so a rule check is a few set intersections.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import orjson

from trialmatch.criteria import drugs
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding, Verdict
from trialmatch.criteria.rules.marker_vocab import alteration_label
from trialmatch.criteria.rules.patient import Patient
from trialmatch.criteria.rules.prior_therapy.drivers import NEAR, OTHER_ACTIONABLE, needed
from trialmatch.criteria.rules.prior_therapy.marker_groups import in_group
from trialmatch.criteria.rules.prior_therapy.not_counted import recount
from trialmatch.criteria.rules.prior_therapy.scope import DRIVER_GENES, actionable_group
from trialmatch.criteria.rules.prior_therapy.scope_cohort_marker import marker_sibling_open, outside_cohort_marker
from trialmatch.criteria.rules.prior_therapy.terms import UNNAMED_TARGET, find_mentions, items_label, normalize
from trialmatch.criteria.rules.profile_memo import memo_for
from trialmatch.criteria.rules.reader import apply_scope
from trialmatch.criteria.rules.reader.scope import INCLUDES_NSCLC
from trialmatch.criteria.vocab import load

_RANK = {ELIGIBLE: 0, UNKNOWN: 1, EXCLUDED: 2}
# PD-1 and PD-L1 drugs are often named loosely for each other: a near miss is "unknown".
_SIBLINGS = {"c:pd1": "c:pdl1", "c:pdl1": "c:pd1"}
# Classes that some usage stretches over a neighbour: "biological therapy" always takes in antibodies, and in
# some usage (UK patient information) small-molecule targeted drugs too, so a TKI is a near miss, not a clear
# no. ("Monoclonal antibodies", class biologic, are not stretched.)
_LOOSE = {"c:biological": "c:targeted"}
# Classes of therapy against one gene's product (the gene vocabulary's): what a bispecific's arm is.
_GENE_TARGETS = frozenset(f"c:{key}" for key in load("drugs")["gene_targets"]["classes"])
_TARGET_NAMES = {key: frozenset(name.upper() for name in names)
                 for key, names in load("drugs")["gene_targets"]["classes"].items()}


@dataclass(frozen=True)
class Drug:
    name: str
    items: frozenset[str]  # what the drug counts as; empty when we do not know the name
    known: bool
    vague: frozenset[str] = frozenset()  # a class written instead of a drug ("immunotherapy"): could be any below


@dataclass(frozen=True)
class History:
    drugs: tuple[Drug, ...]
    lines: int | None
    unknown_drugs: bool  # a listed name we could not place in any class
    given: bool  # the profile says anything at all about earlier treatment
    # The line count is a supposition (check_rules tries each when it is not given): a drug matching a
    # requirement "for advanced disease" may then have been given earlier, and the patient's other drugs later.
    assumed: bool = False
    blank: bool = False  # supposed with no drug listed: whether any drug was had at all is not known
    # Drugs listed with no line for advanced disease read as early (adjuvant) only, not as stage III treatment
    # that a setting naming locally advanced disease takes in (check_rules tries both readings).
    early_drugs: bool = False

    @property
    def stage_iii_possible(self) -> bool:
        """Drugs listed with no line for advanced disease may have been given for stage III disease."""
        return self.lines == 0 and bool(self.drugs) and not self.assumed and not self.early_drugs


@lru_cache(maxsize=4096)
def _drug(name: str) -> Drug:
    generic = drugs.canonical_drug(name)
    if generic:
        return Drug(generic, frozenset({f"d:{generic}", *(f"c:{k}" for k in drugs.classes_of(generic))}), True)
    # A class written as a treatment ("chemotherapy", "PD-1 inhibitor") still tells us something.
    norm = normalize(name)
    mentions = find_mentions(norm)
    if len(mentions) == 1 and mentions[0].end - mentions[0].start >= len(norm.strip()) - 2:
        classes = {c for item in mentions[0].items for c in drugs.ancestors(item.partition(":")[2])}
        return Drug(name, frozenset(f"c:{c}" for c in classes), True, frozenset(mentions[0].items))
    return Drug(name, frozenset(), False)


def known_therapy(name: str) -> bool:
    """True if `name` is a drug (any spelling) or a class of treatment the checks understand."""
    return _drug(name).known


@lru_cache(maxsize=1024)
def _history(therapies: tuple[str, ...], lines: int | None) -> History:
    listed = tuple(_drug(t) for t in therapies)
    # Lines for advanced disease with no drug named: which drugs they were is not known.
    unknown = any(not d.known for d in listed) or (not listed and bool(lines))
    return History(listed, lines, unknown, bool(listed) or lines is not None)


@dataclass(frozen=True)
class Outcome:
    """A rule's verdict; the reason is written only for the rule that decides (checks must be fast)."""

    verdict: Verdict
    explain: Callable[[], str]

    @property
    def reason(self) -> str:
        return self.explain()


# Said after a rule the profile falls short of when the trial's wording leaves another way in ("or who
# declined it", "or for whom no standard therapy exists", a group the sentence may not cover): the shortfall
# alone is not a no, and the reason must not read like one.
OTHER_WAY_IN = (" The trial's wording leaves other ways in (such as declining or not tolerating that treatment, "
                "or another group of the trial): ask the study team whether you qualify.")
EARLY_MAY_COUNT = (" Treatment you had before your disease was advanced (such as for stage III) may count: ask the "
                   "study team.")


# A title's rule beside criteria that speak of earlier treatment (reading._title_as_question).
TITLE_ONLY = (" Only the trial's title says so; its criteria do not say it the same way: ask the study team "
              "whether your treatment history fits.")


def _short_of(soft: bool, explain: Callable[[], str], early: bool = False) -> Outcome:
    """The profile falls short of a rule: excluded when the rule is firm, else a question that says why."""
    if early:
        return Outcome(UNKNOWN, lambda: explain() + EARLY_MAY_COUNT)
    if soft:
        return Outcome(UNKNOWN, lambda: explain() + OTHER_WAY_IN)
    return Outcome(EXCLUDED, explain)


def _lines_text(n: int) -> str:
    return "1 line" if n == 1 else f"{n} lines"


def _matches(drug: Drug, items: set[str]) -> bool:
    return bool(drug.items & items)


def _sibling(drug: Drug, items: set[str]) -> bool:
    """The drug is of a class next to one of the items: PD-1 for PD-L1."""
    return any(_SIBLINGS.get(i) in drug.items for i in items)


def _near(drug: Drug, items: set[str]) -> bool:
    """A near miss: PD-1 for PD-L1, or a class the patient named that may hide one of the items."""
    if _sibling(drug, items) or any(_LOOSE.get(i) in drug.items for i in items):
        return True
    return bool(drug.vague) and any(drug.vague & _item_family(i) for i in items)


@lru_cache(maxsize=4096)
def _item_family(item: str) -> frozenset[str]:
    kind, _, key = item.partition(":")
    classes = drugs.classes_of(key) if kind == "d" else drugs.ancestors(key)
    return frozenset(f"c:{c}" for c in classes)


def _rule_setting(history: History, rule: dict[str, Any]) -> str:
    """_in_setting for a rule: with no line for advanced disease, drugs listed may still have been given for
    locally advanced (stage III) disease, which a setting naming it takes in: a question, not a no."""
    setting = _in_setting(history, rule["setting"])
    # Its own answer, a question like "maybe", but not the unknown count that early_maybe reads as "yes".
    return "stage_iii" if setting == "no" and rule.get("local") and history.stage_iii_possible else setting


def _in_setting(history: History, setting: str) -> str:
    """Whether drugs the profile lists count for a rule's setting: yes / no / maybe."""
    if setting == "early":
        return "maybe"
    if setting == "before_surgery":
        # Before a surgery still planned: a line for advanced disease surely was; drugs with no such line may
        # have followed an earlier operation (adjuvant).
        return "yes" if history.lines else "maybe"
    if setting == "advanced":
        if history.lines == 0:
            return "no"  # every listed drug was given before the disease was advanced
        return "maybe" if history.lines is None else "yes"
    return "yes"


def _progressed_on(rule: dict[str, Any], had: list[Drug], h: History, what: Callable[[], str]) -> Outcome:
    """current.no_progression_rules: "no progression since start of X". X listed in a line had for advanced disease is
    a line the patient has moved past (a profile lists the lines had, each ended by progression)."""
    if not had:
        return Outcome(ELIGIBLE, lambda: f"The trial asks for no progression since starting {what()}; you list none.")
    if not h.lines or (rule.get("past_first") and h.lines == 1):
        # (A maintenance entry, current._stable_after_rules: one line may be the phase still going well; a profile
        # cannot show progression, but a second line means the first one ended.)
        return Outcome(UNKNOWN, lambda: f"The trial asks for no progression since starting {what()}; whether yours "
                                        "has progressed is for your doctor to confirm.")
    return _short_of(rule["soft"], lambda: f"The trial is for people whose disease has not progressed since starting "
                                           f"{what()}; your list counts {_names(had)} in a line you have had.")


def _partnered(had: list[Drug], partners: set[str], h: History) -> bool:
    """Whether a drug of the combination's partner was had beside a head drug (another drug than it: a PD-1
    inhibitor is no partner of itself in "a PD-1 inhibitor in combination with another immunotherapy")."""
    return any(_matches(b, partners) and b != a for a in had for b in h.drugs)


def _names(drugs_had: list[Drug]) -> str:
    return ", ".join(d.name for d in drugs_had)


def _forbid(rule: dict[str, Any], h: History) -> Outcome:
    items, allow = set(rule["items"]), set(rule.get("allow") or ())
    kept = set(rule.get("allow_not") or ())  # banned parts of an allowed class (reading._reconcile)
    had = [d for d in h.drugs if _matches(d, items) and (not _matches(d, allow) or (kept and _matches(d, kept)))]

    def what() -> str:
        return items_label(rule["items"])

    if rule.get("progressed_on"):
        # (an "allow" added beside a requirement of the same drugs does not apply: this is no ban on having had it)
        return _progressed_on(rule, [d for d in h.drugs if _matches(d, items)], h, what)
    if had and rule.get("with") and not _partnered(had, set(rule["with"]), h):
        # "Prior PD-1 inhibitor in combination with a CTLA-4 inhibitor" (combination.py): the head without a
        # partner drug is not the combination; an unplaced drug may be the partner.
        partner = items_label(rule["with"])
        if h.unknown_drugs or any(d.vague & set(rule["with"]) for d in h.drugs if d not in had):
            return Outcome(UNKNOWN, lambda: f"The trial does not accept earlier {what()} given with {partner}; "
                                            f"whether your {_names(had)} was given with one needs your doctor.")
        return Outcome(ELIGIBLE, lambda: f"The trial does not accept earlier {what()} given with {partner}; you "
                                         f"list {_names(had)} but no {partner}.")
    if had and allow and all(_sibling(d, allow) for d in had):
        # "PD-1 antibody required ... no other immunotherapy": a PD-L1 antibody is the allowed class's
        # sibling, which the trial may or may not count as "other".
        return Outcome(UNKNOWN, lambda: f"The trial does not accept earlier {what()} other than "
                                        f"{items_label(rule['allow'])}; whether your {_names(had)} counts as one "
                                        "needs your doctor's reading.")
    if had and all(_other_arm(d, items) for d in had):
        return Outcome(UNKNOWN, lambda: f"The trial does not accept earlier {what()}; your {_names(had)} acts on "
                                        "that target as one of two, which the trial may or may not count: ask "
                                        "your doctor.")
    if had:
        setting = _rule_setting(h, rule)
        if setting == "no":
            return Outcome(ELIGIBLE, lambda: f"The trial does not accept earlier {what()} for advanced disease; "
                                             f"you list {_names(had)} but no treatment line for advanced disease.")
        if setting in ("maybe", "stage_iii") or rule["soft"]:
            return Outcome(UNKNOWN, lambda: f"The trial limits earlier {what()}; whether your {_names(had)} "
                                            "counts needs your doctor's reading.")
        return Outcome(EXCLUDED, lambda: f"The trial does not accept people already treated with {what()}; "
                                         f"you list {_names(had)}.")
    if rule.get("allow_if") and any(_matches(d, items) and _matches(d, allow) for d in h.drugs):
        # "No prior chemotherapy, except 1 prior cycle of cisplatin with etoposide": every banned drug is within the
        # exception, whose cycle limit the list does not show.
        return Outcome(UNKNOWN, lambda: f"The trial does not accept earlier {what()} other than a limited course of "
                                        f"{items_label(rule['allow'])}; whether yours was within it is for your "
                                        "doctor to confirm.")
    if h.unknown_drugs or any(_near(d, items) for d in h.drugs) or _near_target(rule, h):
        return Outcome(UNKNOWN, lambda: f"The trial does not accept earlier {what()}; we could not tell whether "
                                        "every drug you list is one.")
    return Outcome(ELIGIBLE, lambda: f"The trial does not accept earlier {what()}, and you list none.")


@lru_cache(maxsize=1024)
def _second_arms(name: str) -> frozenset[str]:
    """For an antibody listed under another gene's class as well (amivantamab: an EGFR antibody with a MET arm),
    the items of its own antibody class; empty for any other drug (a multi-kinase TKI such as crizotinib is one
    molecule for all its targets)."""
    generic = drugs.canonical_drug(name) if name else None
    entry = load("drugs")["drugs"].get(generic) if generic else None
    if entry is None or len(entry["classes"]) < 2:
        return frozenset()
    arms = {key: frozenset(f"c:{c}" for c in drugs.ancestors(key)) for key in entry["classes"]}
    own = [key for key in arms if key.endswith("_antibody") and arms[key] & _GENE_TARGETS]
    others = [key for key in arms if key not in own and arms[key] & _GENE_TARGETS]
    if len(own) != 1 or not others or any("c:tki" in a for a in arms.values()):
        return frozenset()
    return arms[own[0]] | {f"d:{generic}"}


def _other_arm(drug: Drug, items: set[str]) -> bool:
    """A two-target antibody banned through its second target only ("any MET inhibitor" and amivantamab): whether
    the trial means it is not settled. Banned through its own class ("EGFR-targeted therapy") or by name, it is."""
    own = _second_arms(drug.name)
    return bool(own) and not (own & items)


def _near_target(rule: dict[str, Any], h: History, items: set[str] | None = None) -> bool:
    """A drug of the gene's class when the rule names a target with no class of its own ("KRAS G12D targeted
    therapy" and a KRAS inhibitor the vocabulary does not place by variant): maybe one."""
    near = rule.get("near_target")
    if not near or (items is not None and UNNAMED_TARGET not in items):
        return False
    return any(_only_as(d, item) for d in h.drugs for item in near)


def _only_as(drug: Drug, item: str) -> bool:
    """The drug is of class `item` and of no narrower class under it (a KRAS G12C inhibitor is a KRAS
    inhibitor against another target than G12D)."""
    return item in drug.items and not any(
        other != item and item in _item_family(other) for other in drug.items if other.startswith("c:"))


def _listed_from_near(near: Any, group: list[str], h: History) -> bool:
    """ "EGFR TKI (gefitinib, erlotinib, or afatinib)": another drug of the class is a near miss. Asked only
    when no drug of the group itself was had (the classes can be long: worked out lazily)."""
    listed_from = {c for c in near if all(c in _item_family(i) for i in group)}
    return bool(listed_from) and any(_matches(d, listed_from) for d in h.drugs)


def _without_but(rule: dict[str, Any], h: History) -> History:
    """The history without the drugs a rule says do not meet it alone ("an ALK TKI other than crizotinib")."""
    but = set(rule.get("but") or ())
    if not but or not any(_matches(d, but) for d in h.drugs):
        return h
    return replace(h, drugs=tuple(d for d in h.drugs if not _matches(d, but)))


def _require(rule: dict[str, Any], h: History) -> Outcome:
    h = _without_but(rule, h)
    if rule.get("local_done"):
        # Local treatment of every site done (current.local_treatment_rules): a profile does not record it.
        return Outcome(UNKNOWN, lambda: "The trial asks that every known site of the cancer was already treated "
                                        "locally (surgery or radiotherapy); your profile does not say: ask your "
                                        "doctor.")
    if rule.get("current"):
        # Treatment going on now: a list of drugs had does not say.
        return Outcome(UNKNOWN, lambda: "The trial asks for treatment going on now; your profile does not say "
                                        "whether you are being treated at present.")
    setting = _rule_setting(h, rule)
    if setting == "maybe" and rule.get("early_maybe"):
        # "Advanced NSCLC that progressed after PD-1 antibody treatment in the past": "advanced" is the
        # disease, not when the drug was given; only a drug known to be early ("no line yet") is a question.
        setting = "yes"
    elif setting == "yes" and h.assumed and rule["setting"] == "advanced" and not rule.get("early_maybe"):
        setting = "maybe"
    # "adjuvant platinum", "platinum concurrent with radiation": the drugs a profile lists make up its lines for
    # advanced disease, which a treatment of the early (local) setting is not.
    advanced_only = bool(rule.get("early_only")) and bool(h.lines) and not h.assumed
    missing: list[list[str]] = []
    maybe = early = had_early = had_late = lacking = other_listed = False
    near = rule.get("near") or ()
    for group in rule["groups"]:
        items = set(group)
        if any(_matches(d, items) for d in h.drugs) and advanced_only:
            missing.append(group)
            had_late = True
        elif any(_matches(d, items) for d in h.drugs):
            maybe = maybe or setting in ("maybe", "stage_iii")
            if setting == "no" and rule.get("early_maybe"):
                # Had before the disease was advanced, where the text names the advanced disease but not the
                # setting of the treatment ("diagnosed with advanced NSCLC that progressed after X"): a question.
                early = True
            elif setting == "no":
                missing.append(group)
                had_early = True
        elif h.unknown_drugs or any(_near(d, items) for d in h.drugs) or _near_target(rule, h, items):
            maybe = True
        elif near and h.drugs and _listed_from_near(near, group, h):
            maybe = other_listed = True
        else:
            missing.append(group)
            lacking = True  # every drug listed is known and none is of this group, in any setting

    def what(groups: list[list[str]]) -> str:
        but = f" other than {items_label(rule['but'])}" if rule.get("but") else ""
        return " and ".join(items_label(g) for g in groups) + but

    if missing and rule.get("observed") and not had_early:
        return Outcome(UNKNOWN, lambda: f"The study follows people treated with {what(missing)}, which may be "
                                        "starting now: ask the study team whether you can join as you start it.")
    if missing:
        # A group nothing listed meets excludes, whatever the other groups leave open ("platinum and CPI": a
        # patient with a PD-L1 drug of unknown setting and no platinum still lacks platinum).
        if rule.get("in_study") and lacking:
            return Outcome(UNKNOWN, lambda: f"The trial asks for {what(missing)}, which the study itself may give "
                                            "(a run-in before the main treatment); ask the study team.")
        if rule["soft"] or (maybe and not lacking):
            return Outcome(UNKNOWN, lambda: f"The trial asks for earlier {what(missing)}; check with your doctor "
                                            "whether your treatment counts.")
        if had_early:
            return Outcome(EXCLUDED, lambda: f"The trial is for people already treated with {what(missing)} for "
                                             "advanced disease; you list no treatment line for advanced disease.")
        if had_late:
            return Outcome(EXCLUDED, lambda: f"The trial is for people treated with {what(missing)} before the "
                                             "disease was advanced (after surgery or with radiation); the treatment "
                                             "you list was for advanced disease.")
        return Outcome(EXCLUDED, lambda: f"The trial is for people already treated with {what(missing)}; "
                                         "your list does not include it.")
    if other_listed:
        return Outcome(UNKNOWN, lambda: f"The trial asks for earlier {what(rule['groups'])}; whether another drug of "
                                        "that kind counts is for your doctor.")
    if early:
        return Outcome(UNKNOWN, lambda: f"The trial asks for earlier {what(rule['groups'])} for advanced disease; "
                                        "you had it before your disease was advanced, which may or may not count.")
    if maybe:
        return Outcome(UNKNOWN, lambda: f"The trial asks for earlier {what(rule['groups'])} for advanced disease; "
                                        "your list does not say when you had it.")
    # Another drug listed, or more lines than the drug asked for (the list may lack the last one): which came last
    # is not in the profile (its order is no promise).
    if rule.get("last") and (any(d.known and not any(_matches(d, set(g)) for g in rule["groups"]) for d in h.drugs)
                             or (h.lines is not None and h.lines > 1)):
        return Outcome(UNKNOWN, lambda: f"You had {what(rule['groups'])}; the trial asks that it was your most "
                                        "recent treatment, which your list does not show: your doctor can confirm.")
    if rule.get("met_unknown"):
        return Outcome(UNKNOWN, lambda: f"You had {what(rule['groups'])} as the trial asks; it also asks how you "
                                        "responded or how long you took it, which your doctor can confirm.")
    return Outcome(ELIGIBLE, lambda: f"You had earlier {what(rule['groups'])}, as the trial asks.")


def _naive(rule: dict[str, Any], h: History) -> Outcome:
    allow = set(rule.get("allow") or ())
    others = [d for d in h.drugs if not (allow and _matches(d, allow))]
    named = [d for d in others if d.known]
    setting = rule["setting"]

    def wanted() -> str:
        but = f" other than {items_label(rule['allow'])}" if allow else ""
        scope = " for advanced disease" if setting == "advanced" else ""
        return f"The trial is for people with no earlier systemic treatment{but}{scope}"

    if rule.get("allow_early") and h.lines and not h.assumed:
        # The exception is adjuvant treatment only: a line for advanced disease is systemic therapy it bans.
        return _short_of(rule["soft"], lambda: f"{wanted()} (the exception is for adjuvant treatment only); you have "
                                               f"had {_lines_text(h.lines or 0)} for advanced disease.")
    if rule.get("allow_line") and h.lines:
        return _whole_line(rule, h, allow, wanted)
    if rule.get("allow_lines") is not None and h.lines and h.lines > rule["allow_lines"]:
        # "..., with the exception of up to 1 line of Y": a line beyond those the exception lets in is banned.
        return _short_of(rule["soft"], lambda: f"{wanted()} (at most {_lines_text(rule['allow_lines'])} of "
                                               f"{items_label(rule['allow'])}); you have had "
                                               f"{_lines_text(h.lines or 0)}.")
    if setting == "early":
        if others or h.blank:
            return Outcome(UNKNOWN, lambda: f"{wanted()} before surgery; ask your doctor whether yours counts.")
        return Outcome(ELIGIBLE, lambda: "You list no earlier treatment.")
    if setting == "advanced" and h.lines == 0:
        if rule.get("local") and others and h.stage_iii_possible:
            return Outcome(UNKNOWN, lambda: f"{wanted()}, locally advanced included; you list {_names(others)}, "
                                            "which may have been for locally advanced (stage III) disease.")
        return Outcome(ELIGIBLE, lambda: "You have had no treatment line for advanced disease, as the trial asks.")
    if setting == "advanced" and h.lines is None:
        if others:
            return Outcome(UNKNOWN, lambda: f"{wanted()}; your list does not say whether your treatment was for "
                                            "advanced disease.")
        return Outcome(ELIGIBLE, lambda: f"{wanted()}; you list none.")
    if setting == "before_surgery" and not h.lines and (others or h.blank):
        return Outcome(UNKNOWN, lambda: f"{wanted()} before surgery; ask your doctor whether yours counts.")
    if named:
        return _short_of(rule["soft"], lambda: f"{wanted()}; you list {_names(named)}.")
    if h.lines and not allow:
        return _short_of(rule["soft"], lambda: f"{wanted()}; you have had {_lines_text(h.lines or 0)}.")
    if others or h.blank or (h.lines and not h.drugs):
        return Outcome(UNKNOWN, lambda: f"{wanted()}; your list does not settle it.")
    if rule.get("allow_when") and h.lines and any(_matches(d, allow) for d in h.drugs):
        return _excepted_when(rule, wanted)
    return Outcome(ELIGIBLE, lambda: f"{wanted()}, and you have had none.")


def _excepted_when(rule: dict[str, Any], wanted: Callable[[], str]) -> Outcome:
    """sentence._exception_condition: the exception holds only under a condition the list does not show."""
    return Outcome(UNKNOWN, lambda: f"{wanted()}, except {items_label(rule['allow'])} {rule['allow_when']}; "
                                    "whether yours was is for your doctor to confirm.")


def _whole_line(rule: dict[str, Any], h: History, allow: set[str], wanted: Callable[[], str]) -> Outcome:
    """"Other than the first platinum-based regimen": one line that holds an allowed drug is let in whole (its
    partner drugs, an antibody given with it, maintenance); a second line, or one line without it, is banned."""
    lines = h.lines or 0
    if lines >= 2:
        return _short_of(rule["soft"], lambda: f"{wanted()} (only the first such regimen); you have had "
                                               f"{_lines_text(lines)}.")
    if any(_matches(d, allow) for d in h.drugs):
        if rule.get("allow_when"):
            return _excepted_when(rule, wanted)
        return Outcome(ELIGIBLE, lambda: f"The trial allows only your first {items_label(rule['allow'])} regimen, "
                                         "with the drugs given in it; you have had that 1 line.")
    named = [d for d in h.drugs if d.known]
    if named:
        return _short_of(rule["soft"], lambda: f"{wanted()}; you list {_names(named)}.")
    return Outcome(UNKNOWN, lambda: f"{wanted()}; your list does not settle it.")


def _wanted_lines(low: int | None, high: int | None) -> str:
    parts = ([f"at least {_lines_text(low)}"] if low else []) + (
        [f"at most {_lines_text(high)}"] if high is not None else [])
    return " and ".join(parts)


def _lines_reason(low: int | None, high: int | None, lines: int | None, met: bool) -> str:
    if high == 0 and not low:
        asked = "The trial is for people not yet treated for advanced disease (first-line)"
    else:
        asked = f"The trial asks for {_wanted_lines(low, high)} of earlier treatment for advanced disease"
    if lines is None:
        return f"{asked}; your number of treatment lines is not given."
    return f"{asked}; you have had {_lines_text(lines)}{', as it asks' if met else ''}."


def _lines(rule: dict[str, Any], h: History) -> Outcome:
    low, high, of = rule.get("min"), rule.get("max"), rule.get("of")
    if of:
        return _class_lines(low, high, of, rule, h)
    lines = h.lines
    if lines is None:
        if low == 1 and high is None and (rule["setting"] == "any" or rule.get("early_maybe")) and _systemic(h):
            # "Previously treated", "progressed on standard therapy": the drugs listed may all have been given
            # before the disease was advanced (adjuvant), as with no line at all (below): a question, unless they
            # are the whole standard sequence for advanced disease.
            if _sequence_had(h) or any(_advanced_only(d) for d in h.drugs):
                return Outcome(ELIGIBLE, lambda: f"The trial asks for earlier treatment; you list "
                                                 f"{_names(list(h.drugs))}.")
            return Outcome(UNKNOWN, lambda: f"The trial asks for earlier treatment of your cancer; you list "
                                            f"{_names(list(h.drugs))} but not whether it was for advanced disease.")
        return Outcome(UNKNOWN, lambda: _lines_reason(low, high, None, False))
    fails = (low is not None and lines < low) or (high is not None and lines > high)
    if not fails:
        return Outcome(ELIGIBLE, lambda: _lines_reason(low, high, lines, True))
    # Drugs given before the disease was advanced may count as a line when the text does not say.
    # So may drugs given for stage III when the setting takes in locally advanced disease (_rule_setting).
    early_line = low == 1 and (rule["setting"] == "any" or rule.get("early_maybe")
                               or (rule.get("local") and h.stage_iii_possible)) and h.drugs and lines == 0
    return _short_of(rule["soft"], lambda: _lines_reason(low, high, lines, False), early=bool(early_line))


def _systemic(h: History) -> bool:
    return any("c:systemic" in d.items for d in h.drugs)


def _class_lines(low: int | None, high: int | None, of: list[str], rule: dict[str, Any], h: History) -> Outcome:
    h = _without_but(rule, h)
    items = set(of)
    has = any(_matches(d, items) for d in h.drugs)

    def what() -> str:
        return items_label(of) + (f" other than {items_label(rule['but'])}" if rule.get("but") else "")

    if high is not None and (not has or (h.lines is not None and h.lines <= high)) and (not low or has):
        return Outcome(ELIGIBLE, lambda: f"The trial allows at most {high} earlier {what()} regimen(s); "
                                         "you are within it.")
    if low:
        if not has and not h.unknown_drugs:
            return _short_of(rule["soft"],
                             lambda: f"The trial asks for earlier {what()}; your list does not include it.")
        if has and h.lines == 0 and (rule["setting"] == "any" or (rule.get("local") and h.stage_iii_possible)):
            # Listed with no line for advanced disease: given for early or stage III disease, which this count
            # does not leave out. One such regimen is one regimen; more is a question.
            if low == 1 and rule["setting"] == "any":
                return Outcome(ELIGIBLE, lambda: f"You had earlier {what()}, as the trial asks.")
            return Outcome(UNKNOWN, lambda: f"The trial asks for at least {low} earlier {what()} regimen(s); you had "
                                            f"{what()} before your disease was advanced, which may or may not count.")
        if has and h.lines is not None and h.lines < low:
            return _short_of(rule["soft"], lambda: f"The trial asks for at least {low} earlier {what()} regimen(s); "
                                           f"you have had {_lines_text(h.lines or 0)} in all.")
        if low == 1 and has and (high is None or (h.lines is not None and h.lines <= high)):
            return Outcome(ELIGIBLE, lambda: f"You had earlier {what()}, as the trial asks.")
    return Outcome(UNKNOWN, lambda: f"The trial counts earlier {what()} regimens; your list does not say how many "
                                    "you had.")


def _any_of(rule: dict[str, Any], h: History) -> Outcome:
    """One of several sets of rules is enough ("either treatment-naive or progressed after platinum")."""
    best: Outcome | None = None
    for option in rule["options"]:
        worst = max((_CHECKS[r["kind"]](r, h) for r in option), key=lambda o: _RANK[o.verdict])
        if best is None or _RANK[worst.verdict] < _RANK[best.verdict]:
            best = worst
    assert best is not None
    return best


def _question(reason: str) -> Outcome:
    return Outcome(UNKNOWN, lambda: reason)


def _bound(rule: dict[str, Any], gene: str, profile: Patient) -> bool:
    """Whether the patient's finding in `gene` is one the rule names: "EGFR sensitizing mutations" leave
    out an exon 20 insertion."""
    words = rule.get("egfr_findings") if gene == "EGFR" else None
    return words is None or any(w in a for a in profile.alterations(gene) for w in words)


def _driver(rule: dict[str, Any], profile: Patient, h: History) -> Outcome:
    """ "Patients with a driver must have had approved targeted therapy for it": a drug that targets the
    patient's own gene (drivers.needed), for every gene of the rule the patient is positive for."""
    positive = [g for g in rule["genes"] if profile.gene_status(g) == "positive" and _bound(rule, g, profile)]
    if not positive:
        # A condition on the patients known to have a driver: the labels' reading, and no reason to hide a trial.
        # The reason must not claim results a patient does not have (untested genes are not "none").
        if any(profile.gene_status(g) == "negative" for g in rule["genes"]):
            return Outcome(ELIGIBLE, lambda: "The trial asks only patients with a driver alteration to have had "
                                             "targeted therapy for it; your results show none.")
        return Outcome(ELIGIBLE, lambda: "The trial asks only patients with a driver alteration to have had "
                                         "targeted therapy for it; your profile gives no test results. If testing "
                                         "finds one, ask whether you would need that treatment first.")
    missing: list[tuple[str, tuple[str, ...]]] = []
    for gene in positive:
        # A later-line driver (KRAS, HER2) left out of the genes a sentence lists as its examples ("AGA such as
        # EGFR, ALK, ROS1 ...", drivers.listed_examples) is not plainly meant: its drug is a question, not a must.
        need = needed(gene, profile.alterations(gene), rule["every"], gene in rule.get("named", ()),
                      later_line=bool(h.lines) and rule.get("approved", False) and not rule.get("listed"))
        if need is None and _had_approved(gene, profile, rule["every"], h):
            continue  # their driver's approved drug is had, so the condition holds however the trial means it
        if need is None and (gene in rule.get("named", ()) or not rule.get("approved")) and _had_aimed_at(gene, h):
            # Crizotinib for a MET amplification: a drug aimed at the gene the sentence names is targeted therapy for
            # it. ("therapy approved for the participant's alteration", no gene named: which drug is approved for a
            # finding with none stays a question.)
            continue
        if need is None:
            return _question(f"The trial asks patients with a driver alteration to have had approved targeted "
                             f"therapy for it; whether your {gene} finding has one is for your doctor.")
        items = set(need)
        if any(_matches(d, items) for d in h.drugs):
            continue
        near = set(NEAR.get(need, ()))
        if h.unknown_drugs or any(_near(d, items) or _matches(d, near) for d in h.drugs):
            return _question(f"The trial asks patients with {_a(gene)} finding to have had targeted therapy for it; "
                             "we could not tell whether a drug you list is one.")
        missing.append((gene, need))
    if missing:
        gene, need = missing[0]
        # "contra": the drug may not suit the patient (a contraindication lets them in untreated).
        return _short_of(rule["soft"] or bool(rule.get("contra") and not h.lines),
                         lambda: f"The trial asks patients with {_a(gene)} finding to have had approved targeted "
                                 f"therapy for it ({items_label(need)}); your list does not include it.")
    return Outcome(ELIGIBLE, lambda: f"You had targeted therapy for your {' and '.join(positive)} finding, as the "
                                     "trial asks of patients with a driver alteration.")


def _by_route(routes: list[dict[str, Any]], profile: Patient, h: History) -> Outcome | None:
    """Eligible when the patient carries a driver the trial lets in after its approved targeted therapy
    ("driver-positive patients may enrol after approved targeted therapy") and lists that therapy; else None."""
    gene = next((gene for route in routes for gene in route["genes"]
                 if profile.gene_status(gene) == "positive" and _bound(route, gene, profile)
                 and (any(_matches(d, set(route["items"])) for d in h.drugs) if route.get("items")
                      else _had_approved(gene, profile, route["every"], h))), None)
    if gene is None:
        return None
    if any(route.get("branch") for route in routes):
        # marker_branch.py: "A or, for patients with a driver, B"
        return Outcome(ELIGIBLE, lambda: f"The trial also accepts, for patients with a {gene} finding, the other "
                                         "treatment it names, which you list.")
    if any(route.get("items") for route in routes):
        # reading._arm_exception_routes: one arm takes these carriers after the drugs it names
        return Outcome(ELIGIBLE, lambda: f"The trial lets patients with your {gene} finding into one of its arms "
                                         "after the treatment you list, whatever else this rule asks.")
    return Outcome(ELIGIBLE, lambda: f"The trial lets patients with a {gene} finding in after approved targeted "
                                     "therapy for it, which you list.")


def _aimed_at(gene: str) -> frozenset[str]:
    """The drug classes aimed at `gene`'s product (the vocabulary's gene_targets): MET -> c:met_inhibitor, which a
    multi-target TKI such as crizotinib or cabozantinib belongs to beside its other classes."""
    bare = gene.upper().rstrip("0123456789") if gene.upper().startswith("NTRK") else gene.upper()
    return frozenset(f"c:{key}" for key, names in _TARGET_NAMES.items() if bare in names or gene.upper() in names)


def _had_aimed_at(gene: str, h: History) -> bool:
    """Whether the patient lists a drug aimed at `gene` (for a finding with no approved drug of its own)."""
    classes = _aimed_at(gene)
    return bool(classes) and any(_matches(d, set(classes)) for d in h.drugs)


def _had_approved(gene: str, profile: Patient, every: bool, h: History) -> bool:
    """Whether the patient lists an approved targeted drug for their finding in `gene` (drivers.needed, asked as
    if the sentence named the gene after a line): "driver-specific therapy" may or may not bind a KRAS G12C
    carrier, but one who had sotorasib meets it either way."""
    need = needed(gene, profile.alterations(gene), every, True, later_line=True)
    return need is not None and any(_matches(d, set(need)) for d in h.drugs)


# The standard sequence for advanced NSCLC without a targetable driver: platinum chemotherapy, a PD-1/PD-L1
# antibody, then docetaxel. A patient who had all three (and their driver's approved drug) has used it up.
_STANDARD_SEQUENCE = (frozenset({"c:platinum"}), frozenset({"c:pd1_pdl1"}), frozenset({"d:docetaxel"}))


# Drugs with a use before the disease is advanced in NSCLC (adjuvant, neoadjuvant, consolidation): chemotherapy,
# PD-1/PD-L1 and CTLA-4 antibodies, EGFR TKIs, alectinib. Any other known drug in a list was given for advanced disease.
_EARLY_USE = frozenset({"c:chemotherapy", "c:pd1_pdl1", "c:ctla4", "c:egfr_tki", "d:alectinib"})


def _advanced_only(drug: Drug) -> bool:
    return drug.known and not drug.vague and "c:systemic" in drug.items and not drug.items & _EARLY_USE


def _none_of(items: list[str], h: History) -> bool:
    """Whether the history surely holds none of these items (every drug known, none of them or near them)."""
    wanted = set(items)
    return not h.unknown_drugs and not h.blank and not any(_matches(d, wanted) or _near(d, wanted) for d in h.drugs)


def _sequence_had(h: History) -> bool:
    """Whether the drugs listed hold every step of the standard sequence (so a line for advanced disease)."""
    return all(any(_matches(d, set(items)) for d in h.drugs) for items in _STANDARD_SEQUENCE)


def _used_up(profile: Patient, h: History) -> Outcome:
    """ "No standard therapy left": met when the patient had the whole standard sequence, and the approved
    targeted drug for any driver they carry; otherwise whether options remain is for the doctor."""
    def left() -> str:
        return ("The trial is for people who have used up standard treatment (or have none); you have had earlier "
                "treatment, but whether a standard option is left for you is for your doctor.")

    if h.lines is not None and h.lines < len(_STANDARD_SEQUENCE) - 1:
        return _question(left())
    if not _sequence_had(h):
        return _question(left())
    for marker in profile.biomarkers:
        need = needed(marker.gene, profile.alterations(marker.gene), True, True, later_line=True)
        if need is not None and not any(_matches(d, set(need)) for d in h.drugs):
            return _question(left())
    return Outcome(ELIGIBLE, lambda: f"The trial is for people who have used up standard treatment; you list "
                                     f"{_names(list(h.drugs))}.")


_CHECKS = {"forbid": _forbid, "require": _require, "naive": _naive, "lines": _lines, "any_of": _any_of}


def _applies(rule: dict[str, Any], profile: Patient) -> bool | None:
    """Whether a rule for one biomarker group applies: True, False, or None when the profile cannot say."""
    genes = rule.get("genes")
    if not genes:
        return True
    alteration = rule.get("alteration")
    statuses = set()
    for gene in genes:
        status = profile.gene_status(gene)
        if status == "positive" and alteration:
            found = any(alteration in a.replace(" ", "") for a in profile.alterations(gene))
            status = "positive" if found else "negative"
        statuses.add(status)
    if "positive" in statuses:
        return True
    # A heading "For patients with EGFR mutations: ..." was one group beside others: a patient with no such
    # finding listed is taken as in another group, as before it bound the carriers (sentence.py).
    return None if "unknown" in statuses and not rule.get("untested_outside") else False


def _lifted(rule: dict[str, Any], outcome: Outcome, h: History) -> Outcome:
    """A ban the criteria lift for some treatments (allowances.py): not excluded when every treatment it bans
    that the patient had is excepted; a question when some are (the allowance may be narrower than its class)."""
    if rule.get("excepted_early") and h.lines and not h.assumed:
        return outcome  # the allowance is for treatment before advanced disease; a line for it was had
    if rule.get("excepted_runin") and h.lines and not h.assumed:
        return outcome  # a run-in of weeks is allowed; the drug listed was a line for advanced disease, longer
    excepted = set(rule["excepted"])
    banned = set(rule.get("items") or ()) if rule["kind"] == "forbid" else {"c:systemic"}
    # Only a banned drug the allowance names changes anything ("no ICI (chemotherapy allowed)": the ICI still bans).
    if not any(_matches(d, excepted) and _matches(d, banned) for d in h.drugs):
        return outcome
    what = items_label(rule["excepted"])
    if rule["kind"] != "lines" and not rule.get("excepted_if"):
        eased = _CHECKS[rule["kind"]]({**rule, "allow": [*(rule.get("allow") or ()), *rule["excepted"]]}, h)
        if eased.verdict == UNKNOWN:
            return eased
        if eased.verdict == ELIGIBLE:
            return Outcome(ELIGIBLE, lambda: f"The trial makes an exception for earlier {what}, and the "
                                                  "treatments you list that it limits are of that kind.")
    return Outcome(UNKNOWN, lambda: f"{outcome.reason} The trial makes an exception for earlier {what}, which you "
                                    "list; whether the rest of your treatment is covered needs your doctor's reading.")


def _a(word: str) -> str:
    """'a' or 'an' as the marker is said aloud: "an EGFR", "an ALK", "an NTRK1", but "a KRAS", "a MET", "a T790M"."""
    return f"an {word}" if word.upper().startswith(_AN_SOUNDS) else f"a {word}"


_AN_SOUNDS = ("A", "E", "I", "O", "NTRK", "NRG", "FGFR", "HLA", "MSI", "SMARC", "RB1", "LKB")


def _aga_words(group: dict[str, Any]) -> str:
    return f"{'with' if group['with'] else 'without'} a driver alteration that has an approved targeted therapy"


def _group_words(rule: dict[str, Any]) -> str:
    return (rule.get("alteration") or "").upper() or " / ".join(rule["genes"])


def _marker_words(marker: dict[str, list[str]]) -> str:
    return " or ".join(f"{gene} {' / '.join(alteration_label(k) for k in kinds)}" for gene, kinds in marker.items())


def actionable_status(profile: Patient, strict: bool, genes: Sequence[str] = ()) -> bool | None:
    """Whether the patient has an actionable driver (in `genes`, when the text lists them): True for a finding
    with an approved targeted therapy (drivers.needed), False for none (tested negative for the listed genes, or
    for EGFR and ALK, with no such finding; a finding in another driver gene; or, when `strict` words ask for an
    approved therapy, a finding without one: KRAS G12V, HER2 amplification), else None."""
    other = False
    for gene in (*DRIVER_GENES, *OTHER_ACTIONABLE):
        if profile.gene_status(gene) != "positive":
            continue
        if genes and gene not in genes:
            other = True  # drivers seldom come together: another one's carrier is outside the listed group
            continue
        if gene in OTHER_ACTIONABLE:
            return None  # a drug exists for it, but the table below does not say which
        if needed(gene, profile.alterations(gene), False, True, later_line=True) is not None:
            return True
        other = True
    if other:
        return False if strict or genes else None
    return False if all(profile.gene_status(g) == "negative" for g in genes or _AGA_TESTED) else None


# A patient tested negative for these (and with no other driver) is taken to have no actionable one: the two
# drivers every guideline tests first.
_AGA_TESTED = ("EGFR", "ALK")


def _aga_member(group: dict[str, Any], profile: Patient) -> bool | None:
    """Whether the patient is in a group of patients with (or without) an actionable driver."""
    status = actionable_status(profile, group["strict"], group.get("genes") or ())
    if group["with"]:
        return status
    if status is None:
        # "... or unknown genetic alterations": the untested are in; a finding whose drug is unclear is not.
        untested = not any(profile.gene_status(gene) == "positive" for gene in (*DRIVER_GENES, *OTHER_ACTIONABLE))
        return True if group["or_unknown"] and untested else None
    return not status


def rule_outcome(rule: dict[str, Any], profile: Patient, h: History) -> Outcome:
    """One rule's verdict for this profile."""
    if rule.get("for_cancer") and h.given:
        # reading._own_cancer_setting: treatment for the trial's own (other) cancer, which no NSCLC history holds.
        # Kept after session 27 weighed "unknown": sets M, J, P and Y label it excluded, only set T eligible.
        return Outcome(EXCLUDED, lambda: "The trial asks for earlier treatment given for the cancer it studies, "
                                         "which is not NSCLC; an NSCLC treatment history does not meet it.")
    aga = rule.get("aga")
    applies = _applies(rule, profile) if aga is None else _aga_member(aga, profile)
    if applies is False and aga is not None:
        return Outcome(ELIGIBLE, lambda: f"This rule is only for people {_aga_words(aga)}; your results say you "
                                         "are not one of them.")
    if applies is False:
        return Outcome(ELIGIBLE, lambda: f"This rule is only for people with {_a(_group_words(rule))} finding.")
    marker: dict[str, list[str]] = rule.get("marker") or {}
    member = in_group(marker, profile) if marker else True
    if member is False:
        return Outcome(ELIGIBLE, lambda: f"This rule is only for people with {_marker_words(marker)}; your finding "
                                         "in that gene is another one.")
    outcome = _own_outcome(rule, profile, h, applies)
    if member is None and outcome.verdict == EXCLUDED and any(profile.has_gene(gene) for gene in marker):
        found = outcome
        outcome = Outcome(UNKNOWN, lambda: f"{found.reason} This applies to people with {_marker_words(marker)}, "
                                           "and your profile does not say whether your finding is one.")
    scope = rule.get("scope")
    if scope and outcome.verdict != ELIGIBLE and _among_the_others(rule, scope, profile):
        return outcome
    if scope and outcome.verdict != ELIGIBLE and aga and aga.get("genes") and scope.get("drivers") \
            and not scope.get("subgroup") and applies is not None:
        return outcome  # the group's own list of genes told whether the patient is in it (complement.py)
    if scope and outcome.verdict != ELIGIBLE and applies is not None and _group_is_the_aga(aga, scope):
        # "NSCLC without one of the alterations listed below: must have ...": the reader saw a group it could not
        # tell; the genes listed beside it told whether the patient is in it.
        return outcome
    if scope and outcome.verdict != ELIGIBLE:
        if rule["cohorts"] and not scope.get("diseases") and not scope.get("genes"):
            # This module's own cohort groups already make the trial's parts alternatives: a patient
            # who fits none of them is excluded by every part, not left with a question. A part named
            # for NSCLC ("Part 2, Cohort A (NSCLC monotherapy):") is such a part too.
            return outcome
        return _scoped(outcome, scope, profile)
    return outcome


def _group_is_the_aga(aga: dict[str, Any] | None, scope: dict[str, Any]) -> bool:
    """Whether the reader's group (no genes, no other cancer) is only the driver group the rule's own genes tell,
    its label nothing but that group's words: no further fact narrows it."""
    if not aga or not aga.get("genes") or scope.get("genes") or scope.get("drivers"):
        return False
    if not set(scope.get("diseases") or ()) <= {"nsclc", "lung"} or " / " in scope["label"]:
        return False
    label = normalize(scope["label"])
    return len(label) <= 90 and actionable_group(label) is not None


def _ours(scope: dict[str, Any]) -> bool:
    """A scope that names no cancer, or only NSCLC (lung cancer, solid tumours): the patient's own."""
    diseases = scope.get("diseases") or ()
    return not diseases or ("not_nsclc" not in diseases and set(diseases) <= INCLUDES_NSCLC)


def _among_the_others(rule: dict[str, Any], scope: dict[str, Any], profile: Patient) -> bool:
    """ "All other participants" after a group of sensitising EGFR, ALK or ROS1 carriers (reading.py others_marker):
    a patient whose only finding in those genes is an EGFR one clearly outside the sensitising class is one of the
    others, though the scope by gene would leave them out."""
    marker = rule.get("others_marker")
    if not marker or not scope.get("absent"):
        return False
    positive = [gene for gene in scope.get("genes") or () if profile.gene_status(gene) == "positive"]
    return bool(positive) and set(positive) <= set(marker) and in_group(marker, profile) is False


def _own_outcome(rule: dict[str, Any], profile: Patient, h: History, applies: bool | None) -> Outcome:
    """A rule's verdict before its criterion's scope is applied."""
    if not h.given:
        outcome = Outcome(UNKNOWN, lambda: "Your earlier treatments are not given, and the trial has rules on them.")
    elif rule["kind"] == "driver":
        outcome = _driver(rule, profile, h)
    elif rule.get("closed_to") and _has_finding(profile, "EGFR", rule["closed_to"]):
        # sentence.reading_rules: a way in for those without the finding ("T790M-negative after gefitinib").
        outcome = _short_of(rule["soft"], lambda: f"The trial takes this way in only for people without "
                                                  f"{_a(rule['closed_to'].upper())} finding, which you have.")
    elif rule.get("if_had") and _none_of(rule["if_had"], h):
        outcome = Outcome(ELIGIBLE, lambda: f"This rule is for people who had {items_label(rule['if_had'])}; "
                                            "you list none.")
    else:
        closed = _route_closed_drugs(rule, profile, h)
        if closed and rule["closed_items"].get("firm"):
            # the sentence's doubt lay on the closed way only (sentence._closed_route): the other is read firm
            outcome = _CHECKS[rule["kind"]]({**rule, "soft": False}, replace(h, drugs=closed[0]))
        else:
            outcome = _CHECKS[rule["kind"]](rule, replace(h, drugs=closed[0]) if closed else h)
        if closed and outcome.verdict != ELIGIBLE:
            had = closed[1]
            outcome = _short_of(outcome.verdict == UNKNOWN, lambda: (
                f"The trial takes people after {had} only without a T790M finding, which you have, and your "
                "list does not meet its other way in."))
        if rule.get("uncounted"):  # "(TKIs do not count towards this total)": not_counted.py
            outcome = recount(rule, outcome, h.drugs, h.lines, _matches)
        if rule.get("excepted") and outcome.verdict == EXCLUDED:
            outcome = _lifted(rule, outcome, h)
        if rule.get("exhausted") and outcome.verdict == ELIGIBLE:
            outcome = _used_up(profile, h)
    if rule.get("driver_routes") and outcome.verdict == EXCLUDED:
        outcome = _by_route(rule["driver_routes"], profile, h) or outcome
    if rule.get("widened_for") and outcome.verdict == EXCLUDED and _may_carry(rule["widened_for"], profile):
        held = outcome
        outcome = Outcome(UNKNOWN, lambda: f"{held.reason} The trial has another way in for people with "
                                           f"{_a(_group_words(rule['widened_for']))} finding, which may fit you.")
    if applies is None and outcome.verdict == EXCLUDED:
        found = outcome
        who = f"{_aga_words(rule['aga'])}" if rule.get("aga") else f"with {_a(_group_words(rule))} finding"
        outcome = Outcome(UNKNOWN, lambda: f"{found.reason} This applies to people {who}, and your test results "
                                           "do not say whether you are one; ask your doctor.")
    return outcome


def _may_carry(group: dict[str, Any], profile: Patient) -> bool:
    """Whether the patient has, or may have, the marker of a widened rule's last alternative (sentence.py)."""
    return _applies({"genes": group["genes"], "alteration": group.get("alteration")}, profile) is not False


def _route_closed_drugs(rule: dict[str, Any], profile: Patient, h: History) -> tuple[tuple[Drug, ...], str] | None:
    """For a carrier of the finding a way in is closed to (sentence._closed_route: "T790M negative after gefitinib;
    or progression after osimertinib"), the drugs listed without those of the closed way, and what was dropped;
    None when nothing changes."""
    closed = rule.get("closed_items")
    if not closed or not _has_finding(profile, "EGFR", closed["alteration"]):
        return None
    items = set(closed["items"])
    dropped = [d for d in h.drugs if _matches(d, items)]
    if not dropped:
        return None
    return tuple(d for d in h.drugs if d not in dropped), _names(dropped)


def _has_finding(profile: Patient, gene: str, alteration: str) -> bool:
    """A finding the profile lists as positive ("T790M" in EGFR)."""
    return profile.gene_status(gene) == "positive" \
        and any(alteration in a.replace(" ", "").lower() for a in profile.alterations(gene))


def _scoped(outcome: Outcome, scope: dict[str, Any], profile: Patient) -> Outcome:
    """The shared reader's scope on the rule's criterion (another cancer's cohort, a marker group,
    one part of the trial) applied to its outcome."""
    found = apply_scope(Finding(outcome.verdict, "", outcome.reason), scope, profile)
    if found.verdict == outcome.verdict and found.reason == outcome.reason:
        return outcome
    return Outcome(found.verdict, lambda: found.reason)


# Rules and rule sets by content without their evidence, by the object's id (the object itself is kept,
# so an id is never reused for another). "No prior EGFR TKI" recurs in thousands of trials, so its
# outcome for one profile is worked out once (rules.profile_memo), and so is a whole trial's answer when
# another trial words the same rules differently. Outcomes never read the evidence: each trial quotes its own.
_CONTENT_KEYS: dict[int, tuple[Any, bytes]] = {}
_MAX_CONTENT_KEYS = 500_000
MEMO_SPACE = "prior_therapy"


def _without_evidence(value: Any) -> Any:
    if isinstance(value, dict):
        return {name: _without_evidence(v) for name, v in value.items() if name != "evidence"}
    if isinstance(value, list):
        return [_without_evidence(v) for v in value]
    return value


def _content_key(rules: dict[str, Any]) -> bytes:
    entry = _CONTENT_KEYS.get(id(rules))
    if entry is not None and entry[0] is rules:
        return entry[1]
    if len(_CONTENT_KEYS) >= _MAX_CONTENT_KEYS:
        _CONTENT_KEYS.clear()
    key = orjson.dumps(_without_evidence(rules), option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS, default=str)
    _CONTENT_KEYS[id(rules)] = (rules, key)
    return key


def check_rules(parsed: dict[str, Any], profile: Patient) -> Finding:
    """The best verdict over the trial's cohorts (worst rule within each), with the deciding sentence."""
    rules: list[dict[str, Any]] = parsed.get("rules") or []
    answers = memo_for(profile, MEMO_SPACE)
    trial_key = b"trial" + _content_key(parsed)
    found = answers.get(trial_key)
    if found is None:
        found = answers[trial_key] = _title_reason(_answer(parsed, rules, profile, answers), rules)
    verdict, index, reason = found
    return Finding(verdict, rules[index]["evidence"] if index is not None else "", reason)


def _title_reason(found: tuple[Verdict, int | None, str],
                  rules: list[dict[str, Any]]) -> tuple[Verdict, int | None, str]:
    """A question a title's rule decided (reading._title_as_question) says the title is its source, not a way in
    the criteria leave. Worked out with the answer, so the memo keeps it."""
    verdict, index, reason = found
    if index is not None and rules[index]["section"] == "title" and reason.endswith(OTHER_WAY_IN):
        return verdict, index, reason[:-len(OTHER_WAY_IN)] + TITLE_ONLY
    return found


def _answer(parsed: dict[str, Any], rules: list[dict[str, Any]], profile: Patient,
            outcomes: dict[Any, Any]) -> tuple[Verdict, int | None, str]:
    """check_rules' answer: the verdict, which rule decided it (None: no rule did), and why."""
    h = _history(profile.prior_therapies, profile.prior_lines)
    found = _decide(parsed, rules, profile, outcomes, h)
    if found[0] != UNKNOWN:
        return found
    every_side = None if parsed.get("unruled_parts") else _every_side_fails(rules, profile, h)
    if every_side is not None:
        return every_side
    if h.stage_iii_possible and any(rule.get("local") for rule in every_rule(rules)):
        # Drugs with no line for advanced disease, read against a setting that takes in locally advanced disease:
        # given early, or for stage III. When the trial takes the patient either way, it does not matter.
        early = replace(h, early_drugs=True)
        for read in (early, replace(early, lines=1)):
            if _decide(parsed, rules, profile, {}, read)[0] != ELIGIBLE:
                return found
        return ELIGIBLE, found[1], ("Whether your earlier treatment was for stage III disease or given earlier, "
                                    "one part of the trial takes you, so it does not decide here.")
    if h.lines is not None:
        return found
    # Lines not given: when every count lets the patient in ("Cohort 1: treatment-naive; Cohort 2: at least
    # one prior line"), the count does not matter.
    for count in _line_counts(rules):
        if _decide(parsed, rules, profile, {}, _supposed(h, profile.prior_therapies, count))[0] != ELIGIBLE:
            return found
    return ELIGIBLE, found[1], ("Your number of treatment lines for advanced disease is not given, but the trial "
                                "takes people both before and after such treatment, so it does not decide here.")


def _side_key(rule: dict[str, Any]) -> tuple[tuple[str, ...], bool, bool] | None:
    """(genes, drivers, absent) of a firm inclusion rule for every cohort bound to one marker group, else None."""
    scope = rule.get("scope")
    if not scope or rule["section"] != "inclusion" or rule["soft"] or rule["cohorts"] or rule.get("options") \
            or rule["kind"] not in ("lines", "require") or scope.get("diseases") or scope.get("region") \
            or scope.get("subgroup") or scope.get("closed") or not scope.get("genes") or rule.get("marker") \
            or (rule.get("genes") and sorted(rule["genes"]) != sorted(scope["genes"])):
        return None
    aga = rule.get("aga")
    if aga and aga.get("genes") and scope.get("drivers") and aga["with"] != bool(scope.get("absent")):
        # Groups with and without one documented list of genes (complement.listed_groups): the list is the key.
        return tuple(sorted(aga["genes"])), True, bool(scope.get("absent"))
    if aga and (aga.get("genes") or aga["with"] == bool(scope.get("absent")) or not scope.get("drivers")):
        return None  # the rule's own group must be its scope's ("without actionable alterations" both)
    return tuple(sorted(scope["genes"])), bool(scope.get("drivers")), bool(scope.get("absent"))


def _every_side_fails(rules: list[dict[str, Any]], profile: Patient,
                      h: History) -> tuple[Verdict, int | None, str] | None:
    """ "Without actionable alterations: at least one prior line ...; with them: progressed on targeted therapy":
    groups with and without the same markers take in every patient between them. One whose test results do not
    say which group is theirs, but whose treatment fails the rules of both, is excluded either way."""
    if not h.given or h.assumed or h.lines is None:
        return None
    sides: dict[tuple[tuple[str, ...], bool], dict[bool, int]] = {}
    for index, rule in enumerate(rules):
        key = _side_key(rule)
        if key is None:
            continue
        genes, drivers, absent = key
        side = sides.setdefault((genes, drivers), {})
        if absent in side:
            continue  # the first failing rule of a side is enough; later ones are checked below only if needed
        if _own_outcome(rule, profile, h, True).verdict == EXCLUDED:
            side[absent] = index
    for side in sides.values():
        if True in side and False in side:
            index = side[False]
            return EXCLUDED, index, ("The trial's groups with and without these markers both ask for earlier "
                                     "treatment you have not had, so whichever group you are in, it does not fit.")
    return None


def _supposed(h: History, therapies: Sequence[str], count: int) -> History:
    """The history with a line count supposed. Listed drugs stay as they are; with no drug listed, which
    drugs were had stays unknown (an empty list does not say "none")."""
    if not h.given:
        return History((), count, unknown_drugs=True, given=True, assumed=True, blank=True)
    return replace(_history(tuple(therapies), count), assumed=True)


def every_rule(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rules and those inside "one of these" alternatives."""
    return [*rules, *(inner for rule in rules for option in rule.get("options") or () for inner in option)]


def _line_counts(rules: list[dict[str, Any]]) -> range:
    """Counts to try: every verdict changes only at a rule's own bounds, so 0 up to one past the largest."""
    bounds = [rule.get(k) or 0 for rule in every_rule(rules) for k in ("min", "max")]
    return range(min(max(bounds, default=0), 12) + 2)


_UNRULED_QUESTION = Outcome(UNKNOWN, lambda: "The part of the trial that sets no rule on earlier treatment is for "
                                             "patients with a marker your profile does not say you have.")


def _outside_cohort(rule: dict[str, Any], profile: Patient, by_marker: bool = False) -> bool:
    """A rule of one cohort that is for carriers of an alteration the patient clearly does not have ("EGFR L858R
    cohort: ..." for an exon 19 deletion), or a cohort named by a gene the patient tested negative for ("EGFR
    cohort: ..." beside "Cohort B: ...", marker_cohort in reading): that cohort takes the patient in no way."""
    if not rule["cohorts"]:
        return False
    marker = rule.get("marker")
    if marker and in_group(marker, profile) is False:
        return True
    if by_marker and outside_cohort_marker(rule.get("cohort_marker"), profile):
        return True  # "Cohort 1: MET exon 14 skipping mutation, MET TKI naive" for a MET-negative patient
    scope = rule.get("scope") or {}
    genes: list[str] = scope.get("genes") or []
    if bool(genes) and rule["cohorts"][0].startswith("cohort: ") and not scope.get("absent") \
            and all(profile.gene_status(gene) == "negative" for gene in genes):
        return True
    return _outside_named_cohort(scope, profile)


_NEGATIVE_NAME = re.compile(r"negative|wild|\bwt\b|\bnon[\s-]|without|\bno\b|\bneg\b|-(?![A-Za-z0-9])", re.I)


def _outside_named_cohort(scope: dict[str, Any], profile: Patient) -> bool:
    """ "NSCLC cohort 1 (EGFR wild-type): ...", "Cohort 2 (EGFR-mutant): ...": a cohort whose own name gives its
    marker group. A patient clearly outside it (a carrier for a wild-type cohort, tested negative for a mutant one)
    cannot join it, so it is no way in: read as "not about you", every such sibling let the patient through on a
    rule that is not theirs."""
    genes: list[str] = scope.get("genes") or []
    # ("Part B1 (KRAS G12C mutation): ..." beside "Part B2 (KRAS wild type): ...": a part named so is the same.)
    if not genes or scope.get("kind") not in ("cohort", "part") or scope.get("drivers") or scope.get("subgroup") \
            or not _ours(scope):
        return False
    own_name = str(scope.get("label") or "").rsplit(" / ", 1)[-1]
    if not all(gene.lower() in own_name.lower() for gene in genes):
        return False  # the genes come from an outer heading or the sentence, not the cohort's name
    if not scope.get("absent") and _NEGATIVE_NAME.search(own_name):
        return False  # "Cohort 4 (ROS1 fusion-negative)": a sign the reader did not tie to the gene; not trusted
    statuses = {profile.gene_status(gene) for gene in genes}
    if scope.get("absent"):
        return "positive" in statuses
    return statuses == {"negative"}


def _others_option(rules: list[dict[str, Any]], group: list[int], profile: Patient) -> bool:
    """ "Part B, one of the following: a. NSCLC without actionable alterations: ...; b. NSCLC with actionable
    alterations (EGFR, ALK, ...): ...": an option whose own rules are all for a group of patients the patient is
    clearly outside of is no way in for them (each rule alone would only be "not about you")."""
    own = [rules[index] for index in group if rules[index].get("alt")]
    # Only where the options sit inside the parts read (all name their part, or no part is named in the group): an
    # option read beside a part it is not in ("Escalation cohort: ..." over "Expansion cohort, one of ...") may be
    # the only way that part was paired, and stays open.
    placed = all(rule["cohorts"] for rule in own) or not any(rules[index]["cohorts"] for index in group)
    if not own or not placed:
        return False
    outside = [_outside_group(rule, profile) for rule in own]
    # "EGFR wild-type NSCLC: has received platinum ... Participants with other actionable alterations must also have
    # received ...": the population's later sentences keep its label but not always its genes; a patient outside
    # the population by the genes of one of its sentences is outside the others under the same label too.
    pairs = list(zip(own, outside, strict=True))
    closed = {_scope_label(rule) for rule, out in pairs if out and (rule.get("scope") or {}).get("genes")}
    return all(out or _scope_label(rule) in closed - {""} for rule, out in pairs)


def _scope_label(rule: dict[str, Any]) -> str:
    """The label of the population a rule is scoped to ("" when none)."""
    return str((rule.get("scope") or {}).get("label") or "")


_PROBE = Finding(EXCLUDED, "", "")


def _outside_group(rule: dict[str, Any], profile: Patient) -> bool:
    """Whether the rule is for a group of patients (by marker or cancer) the patient is clearly not in."""
    aga = rule.get("aga")
    if (_applies(rule, profile) if aga is None else _aga_member(aga, profile)) is False:
        return True
    scope = rule.get("scope")
    if not scope or not (scope.get("genes") or not _ours(scope)):
        return False
    return apply_scope(_PROBE, scope, profile).verdict == ELIGIBLE


def _unruled_part(parts: list[dict[str, Any]] | None, profile: Patient) -> Verdict | None:
    """Whether a part of the trial without prior-therapy rules takes the patient (reading.marker_only_parts):
    eligible when one may (or no such parts were read), unknown when whether the patient carries its marker is
    not known, None when every such part asks for a marker the patient clearly lacks."""
    if not parts:
        return ELIGIBLE
    answers = [_carries(part, profile) for part in parts]
    if any(answer is True for answer in answers):
        return ELIGIBLE
    return UNKNOWN if any(answer is None for answer in answers) else None


def _carries(part: dict[str, Any], profile: Patient) -> bool | None:
    """Whether the patient carries the marker a part asks for: True / False / None (not known)."""
    statuses = {profile.gene_status(gene) for gene in part["genes"]}
    if "positive" not in statuses:
        return False if statuses == {"negative"} else None
    if not part.get("marker"):
        return True
    return in_group(part["marker"], profile)


# "Prior treatment with amivantamab, except Cohort C", "(not applicable to Arm B patients)": a ban closing with an
# exception for one part of the trial. The sentence alone is soft (a part is left open); read against the trial's
# parts, it does not bind the excepted part's way in and binds every other way in fully.
_EXCEPTED_PART = re.compile(
    r"\b(?:except(?:\s+for)?|excluding|other\s+than|apart\s+from|not\s+applicable\s+(?:to|for|in)"
    r"|does\s+not\s+apply\s+(?:to|for|in))\s+(?:(?:patients|participants|subjects|those)\s+)?"
    r"(?:(?:enrolled|included|treated|assigned|enrolling)\s+)?(?:in(?:to)?\s+|for\s+|to\s+)?(?:the\s+)?"
    r"(cohort|arm|part|module|group)[\s-]+([a-z0-9]{1,3})(?:\s+(?:patients|participants|subjects))?\W*$")


def _for_group(rules: list[dict[str, Any]], index: int, group: list[int]) -> dict[str, Any] | None:
    """The rule as it binds one group: None for a ban whose excepted part (_EXCEPTED_PART) is this group's, the ban
    made firm in a group of another part, the rule itself otherwise (or when no rule names the excepted part)."""
    rule = rules[index]
    if not rule.get("soft") or rule["kind"] != "forbid" or rule.get("cohorts"):
        return rule
    found = _EXCEPTED_PART.search(str(rule.get("evidence") or "").lower())
    if not found:
        return rule
    part = f"{found.group(1)} {found.group(2)}"
    if not any(part in (other.get("cohorts") or ()) for other in rules):
        return rule  # the excepted part is not one the reading knows: whom it takes stays a question
    if any(part in (rules[other].get("cohorts") or ()) for other in group if other != index):
        return None
    return {**rule, "soft": False}


def _asks_treatment(rule: dict[str, Any]) -> bool:
    """An inclusion asking for treatment had for advanced disease (or in no stated setting): a drug or a line."""
    if rule["section"] != "inclusion" or rule.get("soft") or rule.get("setting") == "early":
        return False
    return rule["kind"] == "require" or (rule["kind"] == "lines" and bool(rule.get("min")))


def _asks_none(rule: dict[str, Any]) -> bool:
    """A cohort's own firm inclusion asking for no treatment for advanced disease ("previously untreated")."""
    return rule["section"] == "inclusion" and not rule.get("soft") and bool(rule.get("cohorts")) and (
        rule["kind"] == "naive" or (rule["kind"] == "lines" and rule.get("max") == 0 and not rule.get("min")))


def _contradicted(rules: list[dict[str, Any]], group: list[int], index: int, profile: Patient, h: History,
                  outcomes: dict[Any, Any]) -> bool:
    """Whether a requirement of treatment sits in one group beside that group's own "previously untreated" rule,
    which the patient meets: no one could meet both, so the group was put together wrongly (a "must have received"
    of the pretreated cohorts read as binding a first-line cohort whose label shares their phase). Which rule is
    that cohort's is a question, never an exclusion of the untreated."""
    rule = rules[index]
    if not _asks_treatment(rule):
        return False
    for other in group:
        naive = rules[other]
        if other == index or not _asks_none(naive) or naive.get("cohorts") == rule.get("cohorts"):
            continue
        key = _content_key(naive)
        outcome = outcomes.get(key)
        if outcome is None:
            outcome = outcomes[key] = rule_outcome(naive, profile, h)
        if outcome.verdict == ELIGIBLE:
            return True
    return False


def _decide(parsed: dict[str, Any], rules: list[dict[str, Any]], profile: Patient,
            outcomes: dict[Any, Any], h: History) -> tuple[Verdict, int | None, str]:
    """The verdict for this history, which rule decided it (None: no rule did), and why."""
    best: tuple[int, int | None, Outcome] | None = None
    skipped = outside = False
    groups = parsed.get("groups") or [list(range(len(rules)))]
    # A cohort of marker plus therapy state is shut for a patient its marker shuts out, when a sibling cohort takes
    # that gene's negatives in outright (a protein test, "without ..."), and no sibling cohort named by a marker the
    # patient lacks stays open. Otherwise read as before: whether the patient carries the trial's markers is the
    # biomarker dimension's question (the labels credit the state).
    taken = {gene for rule in rules for gene in rule.get("cohort_negatives") or ()}
    by_marker = any(set((rule.get("cohort_marker") or {}).get("genes") or ()) & taken for rule in rules) and not any(
        marker_sibling_open(rule, profile) for rule in rules
        if rule["cohorts"] and not outside_cohort_marker(rule.get("cohort_marker"), profile))
    for group in groups:
        worst: tuple[int, int | None, Outcome] | None = None
        if any(_outside_cohort(rules[index], profile, by_marker) for index in group) \
                or _others_option(rules, group, profile):
            outside = True  # a cohort for carriers of a marker the patient clearly lacks: no way in
            continue
        for index in group:
            rule = _for_group(rules, index, group)
            if rule is None:
                continue  # "..., except Cohort C": the ban is not this group's
            key = _content_key(rule)
            outcome = outcomes.get(key)
            if outcome is None:
                outcome = outcomes[key] = rule_outcome(rule, profile, h)
            if outcome.verdict == EXCLUDED and _contradicted(rules, group, index, profile, h, outcomes):
                outcome = _question(f"{outcome.reason} But the trial also has a group for people not yet treated, "
                                    "and which of its rules apply to that group is not clear: ask the study team.")
            rank = _RANK[outcome.verdict]
            if worst is None or rank > worst[0]:
                worst = (rank, index, outcome)
                if rank == _RANK[EXCLUDED]:
                    break
        if worst is None:
            open_part = _unruled_part(parsed.get("unruled_parts"), profile)
            if open_part == ELIGIBLE:
                return ELIGIBLE, None, "One part of the trial sets no rule on earlier treatment."
            if open_part is None:
                skipped = True  # the parts without a rule take only carriers of a marker the patient lacks
                continue
            worst = (_RANK[UNKNOWN], None, _UNRULED_QUESTION)
        if best is None or worst[0] < best[0]:
            best = worst
            if best[0] == _RANK[ELIGIBLE]:
                break
    if best is None and outside:
        return ELIGIBLE, None, "The trial's rules on earlier treatment are for groups with markers you do not have."
    if best is None:
        return ELIGIBLE, None, "The trial text sets no requirement on earlier treatment."
    _, index, outcome = best
    if skipped and outcome.verdict == EXCLUDED:
        # Read from which parts take whom, not stated by a rule: a question, never an exclusion.
        return UNKNOWN, index, (f"{outcome.reason} The trial's other part sets no rule on earlier treatment but "
                                "asks for a marker your profile does not show; ask the study team.")
    reason = outcome.reason
    if outcome.verdict == EXCLUDED and len(parsed.get("groups") or ()) > 1:
        reason = f"None of the trial's groups fits your earlier treatment. For example: {reason}"
    return outcome.verdict, index, reason
