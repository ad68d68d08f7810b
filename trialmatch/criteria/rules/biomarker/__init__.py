"""Biomarker dimension: gene alterations, driver-negative wording and PD-L1 levels a trial requires or excludes.

parse() reads the criteria, title and conditions once (reading.py); check() compares the stored
clauses with a profile (verdicts.py) and explains the verdict in plain words.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from trialmatch.criteria.collector import collector_paused
from trialmatch.criteria.rules import marker_vocab as vocab
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding, no_requirement
from trialmatch.criteria.rules.biomarker import treated
from trialmatch.criteria.rules.biomarker.histology import described, outside
from trialmatch.criteria.rules.biomarker.if_treated import UNTREATED, treated_with
from trialmatch.criteria.rules.biomarker.reading import assemble
from trialmatch.criteria.rules.biomarker.verdicts import MAYBE, MEMO_SPACE, UNTESTED, YES, trial_verdict
from trialmatch.criteria.rules.patient import Patient
from trialmatch.criteria.rules.prior_therapy.terms import items_label
from trialmatch.criteria.rules.profile_memo import memo_for
from trialmatch.criteria.text import TrialText

NAME = "biomarker"

_KIND_WORDS = {
    "any": "{gene} alteration",
    "mutation": "{gene} mutation",
    "alteration": "{gene} alteration",
    "sensitizing": "sensitising {gene} mutation",
    "activating": "activating {gene} mutation",
    "common": "common {gene} mutation (exon 19 deletion or L858R)",
    "uncommon": "uncommon {gene} mutation",
    "pacc": "PACC {gene} mutation (P-loop and alpha-C-helix compressing)",
    "acquired": "acquired (resistance) {gene} mutation",
    "fusion": "{gene} fusion",
    "amplification": "{gene} amplification",
    "overexpression": "{gene} overexpression",
    "dysregulation": "{gene} dysregulation (a gene change or protein overexpression)",
    "expression": "{gene} protein expression (any level)",
    "low": "low {gene} protein expression",
    "actionable": "{gene} alteration with an approved targeted treatment",
    "actionable_local": "{gene} alteration with a targeted treatment approved where the trial runs",
    "actionable_first_line": "{gene} alteration with a targeted treatment approved for the first line",
    "positive": "{gene}-positive status (gene copies or protein)",
}
# Where a header clause was read: the title, the conditions list or both (reading.header_clauses).
_HEADER_SOURCE = {"title": " (from the trial's title)", "conditions": " (from the trial's list of conditions)",
                  "both": " (from the trial's title and list of conditions)"}
_FUSION_GENES = {"ALK", "ROS1", "RET", "NTRK1", "NTRK2", "NTRK3", "NRG1"}


@collector_paused  # see trialmatch.criteria.collector
def parse(text: TrialText) -> dict[str, Any]:
    """Biomarker clauses for one trial (JSON-serializable; {} when the trial names none)."""
    rules = assemble(text)
    if not rules.get("clauses"):
        return {}
    for clause in rules["clauses"]:
        # "EGFR status is known": any result of the test, said plainly rather than as "X or (no X)"
        clause["wanted"] = (f"a known {gene_name(clause['status'])} test result" if clause.get("status")
                            else _wanted(clause["atoms"]))
        for atom in clause["atoms"]:
            atom["k"] = _short_hash(atom)  # the same atom recurs across trials: answered once per profile
    # Trials whose rules differ only in wording share one answer per profile (see check).
    rules["key"] = _short_hash({"c": [{k: v for k, v in c.items() if k != "evidence"} for c in rules["clauses"]],
                                **{k: v for k, v in rules.items() if k != "clauses"}})
    return rules


def _short_hash(value: Any) -> str:
    return hashlib.sha1(json.dumps(value, sort_keys=True).encode()).hexdigest()[:12]


def check(rules: dict[str, Any], profile: Patient) -> Finding:
    """The verdict for one profile, the trial's own sentence that decided it, and why in plain words."""
    if not rules or not rules.get("clauses"):
        return no_requirement("tumour markers (biomarkers)")
    key = rules.get("key")
    memo = memo_for(profile, MEMO_SPACE) if key else {}
    found = memo.get(key) if key else None
    if found is None:
        verdict, clause, answers = trial_verdict(rules, profile)
        if clause is None:
            return no_requirement("tumour markers (biomarkers)")
        index = next(i for i, c in enumerate(rules["clauses"]) if c is clause)
        specific = verdict == ELIGIBLE and clause["mode"] == "require" and any(
            answer == YES and atom["t"] == "alt" for atom, answer in zip(clause["atoms"], answers, strict=False)
        )
        found = (verdict, index, _reason(verdict, clause, answers, profile), specific)
        if key:
            memo[key] = found
    verdict, index, reason, specific = found
    return Finding(verdict, rules["clauses"][index]["evidence"], reason, specific)


def reads(rules: dict[str, Any]) -> frozenset[str]:
    """The profile fields check() reads for these rules: none when the trial asks for no marker,
    so a batch shares that finding between all patients."""
    if not rules or not rules.get("clauses"):
        return frozenset()
    if any(treated.reads_history(c) for c in rules["clauses"]):
        # "... unless they have progressed on targeted therapy", "no EGFR C797S": the treatment history decides too.
        return frozenset({"biomarkers", "tested_negative", "pdl1_tps", "histology", "prior_therapies", "prior_lines"})
    return frozenset({"biomarkers", "tested_negative", "pdl1_tps", "histology"})


def gene_name(gene: str) -> str:
    return "HER2 (ERBB2)" if gene == "ERBB2" else gene


def _wanted(atoms: list[dict[str, Any]]) -> str:
    """The atoms joined by "or", a driver class "other than" some genes last: "MET amplification or a driver gene
    alteration other than EGFR and ERBB2", never "... other than EGFR, ERBB2 or MET amplification" (which reads
    as if the example were spared)."""
    ordered = sorted(atoms, key=lambda a: a["t"] == "driver" and bool(a.get("except_genes") or a.get("spared")))
    return " or ".join(dict.fromkeys(describe_atom(a) for a in ordered))


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def describe_atom(atom: dict[str, Any]) -> str:
    if atom["t"] == "pdl1":
        return _describe_pdl1(atom)
    if atom["t"] == "hla":
        return f"{atom['name']} on the tumour" if atom.get("name") else "a given tissue (HLA) type"
    if atom["t"] == "absent":  # in brackets: one alternative of the "or" the clause's atoms make
        return "(no " + " and no ".join(dict.fromkeys(describe_atom(a) for a in atom["atoms"])) + ")"
    if atom["t"] == "driver":
        if atom.get("hedge"):
            return "another driver alteration (decided case by case)"
        what = {"actionable": "an actionable driver alteration",
                "actionable_local": "a driver alteration with a targeted treatment approved where the trial runs",
                "actionable_first_line": "a driver alteration with a targeted treatment approved for the first line",
                }.get(atom["class"], "a driver gene alteration")
        others = [*atom.get("except_genes", ()), *atom.get("spared", ())]
        return f"{what} other than {_and_list(list(dict.fromkeys(others)))}" if others else what
    gene, kind = gene_name(atom["gene"]), atom["kind"]
    if kind in {"any", "alteration"} and atom["gene"] in _FUSION_GENES:
        kind = "fusion"
    elif kind in {"any", "alteration"} and atom["gene"] in {"EGFR", "KRAS", "BRAF"}:
        kind = "mutation"
    template = _KIND_WORDS.get(kind)
    text = template.format(gene=gene) if template else f"{gene} {vocab.alteration_label(kind)}"
    if atom.get("within"):
        exon = vocab.alteration_label(kind).removesuffix(" mutation")
        text = f"{_KIND_WORDS[atom['within']].format(gene=gene)} in {exon}"
    if atom.get("except"):
        text = f"{gene} mutation other than {' or '.join(vocab.alteration_label(k) for k in atom['except'])}"
    return text


def _describe_pdl1(atom: dict[str, Any]) -> str:
    scale = {"tps": "PD-L1 (tumour proportion score)", "cps": "PD-L1 combined positive score (CPS)",
             "ic": "PD-L1 on immune cells", "tc_or_ic": "PD-L1 on tumour cells (or on immune cells)",
             "tc_and_ic": "PD-L1 on tumour cells and on immune cells",
             }.get(atom.get("scale", "tps"), "PD-L1")
    unit = "" if atom.get("scale") == "cps" else "%"
    lo, hi = atom.get("lo"), atom.get("hi")
    parts = []
    if lo is not None:
        parts.append(f"{'at least' if atom.get('lo_incl', True) else 'above'} {lo:g}{unit}")
    if hi is not None:
        parts.append(f"{'at most' if atom.get('hi_incl') else 'below'} {hi:g}{unit}")
    text = f"{scale} {' and '.join(parts)}" if parts else "a PD-L1 result (any level)"
    sure = [f"{v:g}%" for v in (atom.get("lo_sure"), atom.get("hi_sure")) if v is not None]
    return f"{text} ({', '.join(sure)} by another of the tests it names)" if sure else text


def _driver_genes(profile: Patient) -> set[str]:
    """The genes a driver rule reads: the panel, and the other drivers (NRG1) the profile lists."""
    panel, extra = vocab.driver_panel()
    return {*panel, *(b.gene for b in profile.biomarkers if b.gene in extra)}


def _listed(profile: Patient, genes: list[str]) -> str:
    found = [f"{gene_name(b.gene)} {b.alteration}".strip() for b in profile.biomarkers if b.gene in genes]
    negative = [gene_name(g) for g in genes if g in profile.tested_negative]
    parts = []
    if found:
        parts.append(", ".join(found))
    if negative:
        parts.append(f"no change in {', '.join(negative)}")
    return "; ".join(parts)


def _treated_reason(head: str, condition: dict[str, Any], verdict: str, clause: dict[str, Any], answers: list[str],
                    profile: Patient) -> str:
    """Why, for a rule that treated carriers pass ("... unless they have progressed on targeted therapy")."""
    if condition.get("treated") == "maybe":
        head = f"{head} while they are candidates for targeted therapy for it"
    else:
        drugs = "all the standard targeted drugs for it" if condition.get("all") else "targeted therapy for it"
        head = f"{head}, unless they have already had {drugs}"
    genes = sorted({a["gene"] for a in clause["atoms"] if a["t"] == "alt"} | (
        _driver_genes(profile) if any(a["t"] == "driver" for a in clause["atoms"]) else set()))
    listed = _listed(profile, genes) or "none of these"
    history = ", ".join(profile.prior_therapies) or (
        "no earlier treatment" if profile.prior_lines == 0 else "no treatment history")
    if verdict in {EXCLUDED, ELIGIBLE}:
        return f"{head}; your profile lists {listed}, and earlier treatment: {history}."
    if UNTESTED in answers:
        missing = [gene_name(g) for g in genes if g not in profile.tested_negative and not profile.has_gene(g)]
        return f"{head}; your profile has no result for {', '.join(missing) or 'these genes'}. Ask your doctor."
    return (f"{head}; your profile lists {listed}, and earlier treatment: {history}. Whether that counts is a "
            "question for the study team.")


def _treated_only_reason(head: str, verdict: str, clause: dict[str, Any], profile: Patient) -> str:
    """Why, for "any variant except previously treated G12C": the variant is refused once treated for it."""
    head = f"{head} once it has been treated with a drug against it"
    listed = _listed(profile, sorted({a["gene"] for a in clause["atoms"]})) or "none of these"
    history = ", ".join(profile.prior_therapies) or (
        "no earlier treatment" if profile.prior_lines == 0 else "no treatment history")
    if verdict == UNKNOWN:
        return f"{head}; your profile lists {listed}, and earlier treatment: {history}. Ask the study team."
    return f"{head}; your profile lists {listed}, and earlier treatment: {history}."


def _histology_reason(verdict: str, histologies: list[str], profile: Patient) -> str:
    """Why, for a marker rule written for one histology only ("patients with non-squamous NSCLC have no EGFR ...")."""
    head = f"This trial's rule on tumour markers is for {described(histologies)} NSCLC only"
    if outside(histologies, profile):
        return f"{head}; your tumour is {profile.histology}, so it does not apply to you."
    return f"{head}; your profile does not give a histology it covers. Ask your doctor whether it applies to you."


def _alt_atoms(atoms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The gene atoms, with those inside a "no EGFR and no ALK change" alternative."""
    return [b for a in atoms for b in (a["atoms"] if a["t"] == "absent" else [a]) if b["t"] == "alt"]


def _reason(verdict: str, clause: dict[str, Any], answers: list[str], profile: Patient) -> str:
    histologies = clause.get("histology")
    if histologies and (outside(histologies, profile) or verdict == UNKNOWN and profile.histology not in histologies):
        return _histology_reason(verdict, histologies, profile)
    atoms = clause["atoms"]
    wanted = clause.get("wanted") or " or ".join(dict.fromkeys(describe_atom(a) for a in atoms))
    pdl1 = atoms[0]["t"] == "pdl1"
    genes = sorted({a["gene"] for a in _alt_atoms(atoms)})
    if any(a["t"] == "driver" for a in atoms):
        genes = sorted({*genes, *_driver_genes(profile)})
    if clause["mode"] == "require":
        head = f"This trial is for people whose tumour has {wanted}"
    else:
        head = f"This trial does not take people whose tumour has {wanted}"
    if clause.get("source") == "title":
        head += _HEADER_SOURCE.get(clause.get("header", "title"), _HEADER_SOURCE["title"])
    if clause.get("if_treated") and treated_with(profile, clause["if_treated"]) == UNTREATED:
        return (f"{head} after earlier {items_label(clause['if_treated'])}; your profile lists none of these "
                "treatments, so it does not apply to you.")
    condition = clause.get("treated_ok")
    if clause.get("treated_only"):
        return _treated_only_reason(head, verdict, clause, profile)
    if condition is not None and clause["mode"] == "forbid":
        return _treated_reason(head, condition, verdict, clause, answers, profile)
    if atoms[0]["t"] == "hla" and atoms[0].get("matched"):
        return ("This trial asks for a gene change in the tumour that its own matching rules pair with one of its "
                "drugs; those rules are not in its text. Ask the study team whether yours is matched.")
    if atoms[0]["t"] == "hla" and atoms[0].get("unmatched"):
        return ("This trial is for people whose tumour matches none of its marker-driven groups (sub-studies or "
                "arms); which changes those groups take is not in its text. Ask the study team.")
    if atoms[0]["t"] == "hla" and atoms[0].get("name"):
        return (f"This trial asks for {atoms[0]['name']} on the tumour, a marker your profile does not list. "
                "Ask your doctor.")
    if atoms[0]["t"] == "hla":
        return (f"This trial {'asks for' if clause['mode'] == 'require' else 'does not take'} people of a given "
                "tissue (HLA) type, which your profile does not list. Ask your doctor.")
    if pdl1:
        has = "your profile has no PD-L1 result" if profile.pdl1_tps is None else (
            f"your profile lists PD-L1 {profile.pdl1_tps:g}%")
        if MAYBE in answers and profile.pdl1_tps is not None:
            has += ", which is measured differently"
        return f"{head}; {has}."
    listed = _listed(profile, genes)
    if any(a["t"] == "pdl1" for a in atoms):  # "EGFR mutation, or PD-L1 >= 50%": the score is one way in too
        score = "no PD-L1 result" if profile.pdl1_tps is None else f"PD-L1 {profile.pdl1_tps:g}%"
        listed = f"{listed}; {score}" if listed else score
    if verdict == EXCLUDED or (verdict == ELIGIBLE and YES in answers):
        return f"{head}; your profile lists {listed or 'none of these'}."
    if verdict == ELIGIBLE and treated.reads_history(clause) and not listed:
        return (f"{head}; that change arises only after treatment with a drug against it, and your profile lists "
                "none.")
    if verdict == ELIGIBLE:
        extra = " Tumours need not be tested for this trial." if clause.get("untested_ok") else ""
        return f"{head}; your profile shows none of these ({listed or 'no result needed'}).{extra}"
    if UNTESTED in answers:
        missing = [gene_name(g) for g in genes if g not in profile.tested_negative and not profile.has_gene(g)]
        if profile.pdl1_tps is None and any(a["t"] == "pdl1" for a in atoms):
            missing.append("PD-L1")
        return f"{head}; your profile has no result for {', '.join(missing) or 'these genes'}. Ask your doctor."
    listed = listed or "as listed"
    if clause.get("cohorts") and MAYBE not in answers:  # it would decide, but binds one group of several
        group = ", ".join(c.split(": ", 1)[-1] for c in clause["cohorts"])
        return (f"{head}; your profile lists {listed}, but this rule is only for one part of the trial ({group}): "
                "ask your doctor which part you could join.")
    if any(a.get("vague") and a.get("kind") == "amplification" for a in _alt_atoms(atoms)) and "amplif" in listed:
        return (f"{head} at a set level (such as a copy number); your profile lists {listed} without its level: "
                "ask your doctor for the test report.")
    return f"{head}; whether your result ({listed}) counts depends on the trial's wording: ask the study team."
