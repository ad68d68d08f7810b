"""Check a profile against parsed biomarker clauses: pure, no text, a few dictionary look-ups per clause.

Each atom answers YES / NO / UNTESTED (gene not in the profile at all) / MAYBE (the profile's result
may or may not be what the wording means). A gene in neither `biomarkers` nor `tested_negative` is
UNTESTED, never negative.
"""

from __future__ import annotations

from typing import Any

from trialmatch.criteria.rules import marker_vocab as vocab
from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN, Finding, Verdict
from trialmatch.criteria.rules.biomarker import treated
from trialmatch.criteria.rules.biomarker.histology import for_histology, outside
from trialmatch.criteria.rules.biomarker.if_treated import if_treated_verdict
from trialmatch.criteria.rules.patient import Patient
from trialmatch.criteria.rules.profile_memo import memo_for
from trialmatch.criteria.rules.reader import apply_scope

YES, NO, UNTESTED, MAYBE = "yes", "no", "untested", "maybe"
_RANK = {EXCLUDED: 0, UNKNOWN: 1, ELIGIBLE: 2}


def _alterations(profile: Patient, gene: str) -> list[str]:
    found = [vocab.profile_alteration_key(gene, b.alteration) for b in profile.biomarkers if b.gene == gene]
    if vocab.implied_primary(gene, found):
        # "EGFR C797S" alone: the sensitising change it arose on is there too, unnamed.
        found.append(vocab.PRIMARY)
    return found


def alt_atom(atom: dict[str, Any], profile: Patient) -> str:
    gene, kind = atom["gene"], atom["kind"]
    found = _alterations(profile, gene)
    if found:
        skip = set(atom.get("except", ()))
        carried = found
        found, unsure = _outside_exception(gene, skip, found) if skip else (found, [])
        # an exon 20 insertion is activating where a ban says so (reading._ex20_activating_in_bans)
        answers = [True if a == "ex20ins" and atom.get("ex20_activating")
                   else _member(gene, kind, a, atom.get("within")) for a in found]
        if any(a is True for a in answers):
            if skip and not atom.get("beside") and _carries_excepted(gene, skip, carried):
                # "an EGFR mutation other than in exon 19 or 21" beside a profile with exon 19 deletion and T790M:
                # whether a second change beside the spared one counts is not said ("no other EGFR mutation" is).
                return MAYBE
            if skip and atom.get("beside") and _acquired_beside_spared(gene, kind, skip, found, answers, carried):
                return MAYBE
            return YES
        if any(_member(gene, kind, a, atom.get("within")) is not False for a in unsure):
            return MAYBE  # "HER2 mutation other than exon 20 insertion" beside an unnamed HER2 change: it may be one
        return MAYBE if any(a is None for a in answers) else NO
    if gene in profile.tested_negative:
        return NO if vocab.negative_membership(gene, kind) is False else MAYBE
    return UNTESTED


def _member(gene: str, kind: str, alteration: str, within: str | None) -> bool | None:
    """membership(), narrowed by a qualifier the exon class carries ("activating mutation in exon 18-21")."""
    found = vocab.membership(gene, kind, alteration)
    if within is None or found is False:
        return found
    narrowed = vocab.membership(gene, within, alteration)
    return narrowed if found is True or narrowed is False else None


def _acquired_beside_spared(gene: str, kind: str, skip: set[str], found: list[str], answers: list[bool | None],
                            carried: list[str]) -> bool:
    """"EGFR exon 19 deletion or L858R" asked, "other EGFR mutations" excluded, a profile with exon 19 deletion and
    acquired T790M: the T790M arose on the asked change, so whether it is "another" mutation is not said (a text
    that names T790M has an atom of its own). Only when every change the rule catches is such an acquired one."""
    hits = [a for a, answer in zip(found, answers, strict=True) if answer is True]
    return (not vocab.acquired_on(gene, [kind], sorted(skip)) and bool(hits)
            and all(vocab.acquired_on(gene, [hit], sorted(skip)) for hit in hits)
            and _carries_excepted(gene, skip, carried))


def _carries_excepted(gene: str, skip: set[str], found: list[str]) -> bool:
    """The profile has (or may have: an unnamed primary change) a change the exception spares."""
    return any(vocab.membership(gene, k, alteration) is not False for alteration in found for k in skip)


def _outside_exception(gene: str, skip: set[str], found: list[str]) -> tuple[list[str], list[str]]:
    """The changes an exception ("other than exon 20 insertion") clearly leaves in, and those it may take out."""
    kept: list[str] = []
    unsure: list[str] = []
    for alteration in found:
        if not vocab.membership(gene, "any", alteration):
            continue
        inside = [vocab.membership(gene, k, alteration) for k in skip]
        if any(x is True for x in inside):
            continue
        (unsure if any(x is None for x in inside) else kept).append(alteration)
    return kept, unsure


def driver_atom(atom: dict[str, Any], profile: Patient) -> str:
    """Does the profile have a driver (or an actionable driver)? YES / NO / UNTESTED / MAYBE."""
    kind = atom["class"]
    panel, extra = vocab.driver_panel()
    skip = {*atom.get("except_genes", ()), *atom.get("spared", ())}
    answer = NO
    for marker in profile.biomarkers:
        if marker.gene in skip or marker.gene not in panel + extra:
            continue
        key = vocab.profile_alteration_key(marker.gene, marker.alteration)
        member = (vocab.class_membership(marker.gene, kind, key) if atom.get("approved_only")
                  else vocab.membership(marker.gene, kind, key))
        if member is True:
            return YES
        if member is None:
            answer = MAYBE
    if answer == NO:
        known = set(profile.tested_negative) | {b.gene for b in profile.biomarkers}
        if any(g not in known for g in panel if g not in skip):
            answer = UNTESTED
    return answer


def pdl1_atom(atom: dict[str, Any], profile: Patient) -> str:
    tps = profile.pdl1_tps
    if tps is None:
        return UNTESTED
    lo, hi = atom.get("lo"), atom.get("hi")
    above = lo is None or (tps >= lo if atom.get("lo_incl", True) else tps > lo)
    below = hi is None or (tps <= hi if atom.get("hi_incl", False) else tps < hi)
    scale = atom.get("scale", "tps")
    if scale == "tps":
        if not (above and below):
            return NO
        return YES if _surely_within(atom, tps) else MAYBE
    if scale == "tc_and_ic":
        # "TC0 and IC0": a TPS outside the tumour-cell level fails it; inside it, the immune cells still decide.
        return MAYBE if above and below else NO
    if scale == "tc_or_ic":
        return YES if above and below and _surely_within(atom, tps) else MAYBE
    if scale == "cps":
        # CPS counts tumour and immune cells, so CPS >= TPS: a TPS above a bound settles it, below does not.
        if hi is not None and not below:
            return NO
        return YES if above and hi is None else MAYBE
    return MAYBE  # immune-cell scores: a TPS says nothing


def _surely_within(atom: dict[str, Any], tps: float) -> bool:
    """Within every assay's cut-off ("TPS >= 50% (22C3) or >= 25% (SP263)": 50 and above), not only the widest."""
    lo, hi = atom.get("lo_sure"), atom.get("hi_sure")
    above = lo is None or (tps >= lo if atom.get("lo_incl", True) else tps > lo)
    below = hi is None or (tps <= hi if atom.get("hi_incl", False) else tps < hi)
    return above and below


# Answers per profile (rules.profile_memo), keyed by the atom's text form: the same atom ("sensitising EGFR
# mutation") recurs in thousands of trials, so matching one profile against an index computes it once.
MEMO_SPACE = "biomarker"


def atom_answer(atom: dict[str, Any], profile: Patient) -> str:
    key = atom.get("k")
    if key is None:
        return _atom_answer(atom, profile)
    memo = memo_for(profile, MEMO_SPACE)
    answer = memo.get("a" + key)
    if answer is None:
        answer = memo["a" + key] = _atom_answer(atom, profile)
    return answer


def _atom_answer(atom: dict[str, Any], profile: Patient) -> str:
    kind = atom["t"]
    if kind == "alt":
        answer = alt_atom(atom, profile)
    elif kind == "driver":
        answer = driver_atom(atom, profile)
    elif kind == "hla":
        return UNTESTED  # a tissue (HLA) type: no profile lists one
    elif kind == "absent":
        return absent_atom(atom, profile)
    else:
        answer = pdl1_atom(atom, profile)
    if atom.get("hint"):
        return MAYBE if answer == YES else NO if answer == UNTESTED else answer
    return MAYBE if answer == YES and atom.get("vague") else answer


def absent_atom(atom: dict[str, Any], profile: Patient) -> str:
    """"EGFR and ALK-negative" as one way into an "or": holds when none of its atoms does. A found change breaks
    it; an untested gene leaves it open."""
    answers = [atom_answer(a, profile) for a in atom["atoms"]]
    if YES in answers:
        return NO
    if MAYBE in answers:
        return MAYBE
    return UNTESTED if UNTESTED in answers else YES


def _driver_genes(atom: dict[str, Any], profile: Patient) -> list[str]:
    """The profile's genes that make a driver atom hold (or may)."""
    panel, extra = vocab.driver_panel()
    skip = {*atom.get("except_genes", ()), *atom.get("spared", ())}
    return sorted({b.gene for b in profile.biomarkers if b.gene in panel + extra and b.gene not in skip
                   and vocab.membership(b.gene, atom["class"], vocab.profile_alteration_key(b.gene, b.alteration))
                   is not False})


def treated_answer(atom: dict[str, Any], answer: str, profile: Patient, condition: dict[str, Any]) -> str:
    """An atom's answer under "... unless treated with targeted therapy for it": a carrier treated for the
    alteration is let through (NO), one whose history leaves it open is a question (MAYBE)."""
    if answer not in {YES, MAYBE}:
        return answer
    genes = [atom["gene"]] if atom["t"] == "alt" else _driver_genes(atom, profile) if atom["t"] == "driver" else []
    if any(gene not in condition.get("genes", (gene,)) for gene in genes):
        return answer  # a driver the allowance does not name ("EGFR or ALK carriers may enrol if ..."): shut out
    found = [treated.treated_for(profile, gene, condition) for gene in genes] or [treated.MAYBE]
    if treated.NO in found:
        # Untreated: the rule holds, unless it also lets in those who refused or cannot take the drug.
        return MAYBE if condition.get("other_way") else answer
    if treated.MAYBE in found or condition.get("treated") == "maybe":
        return MAYBE  # "candidate for targeted therapy": a treated carrier may still be one (a next drug)
    return NO


def clause_verdict(clause: dict[str, Any], profile: Patient) -> tuple[Verdict, list[str]]:
    answers = [atom_answer(a, profile) for a in clause["atoms"]]
    condition = clause.get("treated_ok")
    if condition is not None and clause["mode"] == "forbid":
        answers = [treated_answer(a, answer, profile, condition) for a, answer in zip(clause["atoms"], answers,
                                                                                       strict=True)]
    if clause.get("treated_only"):  # "... except previously treated G12C": refused only once treated for it
        answers = [treated.treated_only_answer(a, answer, profile) for a, answer in zip(clause["atoms"], answers,
                                                                                        strict=True)]
    if clause.get("at_diagnosis") and clause["mode"] == "forbid":  # "de novo T790M": an acquired one may pass
        answers = [treated.at_diagnosis_answer(a, answer, profile) for a, answer in zip(clause["atoms"], answers,
                                                                                         strict=True)]
    if clause["mode"] == "forbid" and UNTESTED in answers:
        answers = [NO if answer == UNTESTED and treated.never_acquired(a, profile) else answer
                   for a, answer in zip(clause["atoms"], answers, strict=True)]
    if clause.get("alone") and clause["mode"] == "forbid":
        answers = [_alone_answer(a, answer, clause, profile)
                   for a, answer in zip(clause["atoms"], answers, strict=True)]
    if clause["mode"] == "require" and NO in answers:
        answers = [_copies_unsaid(a, answer, profile) for a, answer in zip(clause["atoms"], answers, strict=True)]
    if clause.get("together"):  # "KRAS G12C co-mutation with EGFR": excluded only with every change
        verdict: Verdict = EXCLUDED if all(a == YES for a in answers) else ELIGIBLE if NO in answers else UNKNOWN
    elif clause["mode"] == "require":
        if YES in answers:
            verdict = ELIGIBLE
        elif all(a == NO for a in answers):
            verdict = UNKNOWN if clause.get("open") and _has_other_finding(clause, profile) else EXCLUDED
        elif clause.get("untested_ok") and all(a in {NO, UNTESTED} for a in answers):
            verdict = ELIGIBLE  # "PD-L1 >= 1% or unknown"
        else:
            verdict = UNKNOWN
    else:
        if YES in answers:
            verdict = EXCLUDED
        elif all(a == NO for a in answers):
            verdict = ELIGIBLE
        elif clause.get("untested_ok") and all(a in {NO, UNTESTED} for a in answers):
            verdict = ELIGIBLE  # "tumours do not need to be tested": only a known finding excludes
        else:
            verdict = UNKNOWN
    if verdict == EXCLUDED and (clause.get("soft") or clause.get("doubtful") or clause.get("rival")):
        verdict = UNKNOWN
    elif verdict == EXCLUDED and _may_fit_disputing(clause, profile):
        verdict = UNKNOWN  # a shared rule a cohort on the same gene disputes: a carrier may fit that cohort
    if clause.get("soft") and verdict == UNKNOWN and YES not in answers:
        verdict = ELIGIBLE  # wide title wording: only a named finding raises doubt
    if clause.get("histology"):
        verdict = for_histology(verdict, clause["histology"], profile)  # a rule for one histology binds it alone
    if clause.get("scope"):
        # A rule on carriers of some genes ("Patients with EGFR mutation: ..."): binds only them.
        verdict = apply_scope(Finding(verdict), clause["scope"], profile).verdict
    if clause.get("if_treated"):  # "... OR received gefitinib provided they have T790M": binds the treated only
        verdict = if_treated_verdict(verdict, clause["if_treated"], profile)
    return verdict, answers


_COPY_CLASSES = frozenset({"amplification", "overexpression", "expression", "positive", "low"})
# A profile's changes that say how many copies of the gene there are (or how much protein).
_COPY_FINDINGS = frozenset({"amplification", "overexpression"})


def _copies_unsaid(atom: dict[str, Any], answer: str, profile: Patient) -> str:
    """"HER2 gene amplification by FISH" asked, a patient with a HER2 exon 20 insertion and no word on its copies:
    a sequence change says nothing of amplification (a profile lists findings, and "tested negative" lists genes,
    not changes), so whether the tumour is amplified is a question (MAYBE), not a NO. Only in a requirement: a ban
    on amplification ("No MET amplification") lets such a patient through as before."""
    if answer != NO or atom["t"] != "alt" or atom["kind"] != "amplification" or atom.get("except"):
        return answer
    found = _alterations(profile, atom["gene"])
    return MAYBE if found and not _COPY_FINDINGS & set(found) else answer


def _may_fit_disputing(clause: dict[str, Any], profile: Patient) -> bool:
    """A carrier of a gene whose cohorts dispute the shared rule may fit one of them, unless its findings rule out
    every change they ask for ("EGFR exon 19 deletion or L858R, with or without T790M/C797S" beside C797S cohorts:
    an exon 20 insertion carrier has no C797S, so it fits neither the shared rule nor any cohort)."""
    if not any(profile.has_gene(gene) for gene in clause.get("carrier_doubt", ())):
        return False
    atoms = clause.get("carrier_doubt_atoms")
    return atoms is None or any(atom_answer(atom, profile) != NO for atom in atoms)


def _alone_answer(atom: dict[str, Any], answer: str, clause: dict[str, Any], profile: Patient) -> str:
    """"T790M alone", "exon 20 insertion as the unique mutation": a patient whose change in that gene comes with
    another the clause does not name (exon 19 deletion beside T790M) is not shut out (NO); one whose only change
    arises on an unnamed primary one (T790M listed by itself) may have it (MAYBE)."""
    if atom["t"] != "alt" or answer not in {YES, MAYBE}:
        return answer
    gene = atom["gene"]
    named = [a["kind"] for a in clause["atoms"] if a["t"] == "alt" and a["gene"] == gene]
    found = [vocab.profile_alteration_key(gene, b.alteration) for b in profile.biomarkers if b.gene == gene]
    # "EGFR mutation other than exon 19 deletion or L858R as the only EGFR alteration": an excepted change beside it
    # is another change, as an unnamed one is.
    excepted = [kind for a in clause["atoms"] if a["t"] == "alt" and a["gene"] == gene for kind in a.get("except", ())]
    if any(all(vocab.membership(gene, kind, alteration) is False for kind in named)
           or any(vocab.membership(gene, kind, alteration) is True for kind in excepted) for alteration in found):
        return NO
    if set(named) <= _COPY_CLASSES and any(vocab.membership(gene, "mutation", a) is True and a not in _COPY_CLASSES
                                           for a in found):
        return NO  # "HER2 overexpression alone": a HER2 mutation is there beside whatever the copies are
    return MAYBE if vocab.implied_primary(gene, found) else answer


def _has_other_finding(clause: dict[str, Any], profile: Patient) -> bool:
    """An open list across genes ("ALK fusion, RET fusion, KRAS G12C, etc.") may include what it does not name.

    A list within one gene ("rare EGFR mutations, including G719X, etc.") stays within that gene.
    """
    named = {a.get("gene") for a in clause["atoms"]}
    return len(named) > 1 and bool(profile.biomarkers)


def cohort_verdict(
    clauses: list[dict[str, Any]], profile: Patient, squamous_ok: bool
) -> tuple[Verdict, dict[str, Any] | None, list[str]]:
    """The worst clause decides (the first one in the text's order); a met requirement is the best evidence."""
    results = []
    for clause in clauses:
        verdict, answers = clause_verdict(clause, profile)
        if (verdict == UNKNOWN and squamous_ok and UNTESTED in answers and profile.histology == "squamous"
                and all(a["t"] != "pdl1" for a in clause["atoms"])):
            verdict = ELIGIBLE  # "squamous tumours need not be tested" (for gene changes, not PD-L1)
        results.append((verdict, clause, answers))
    _rivals_all_failed(results)
    if not results:
        return ELIGIBLE, None, []
    worst = min(_RANK[r[0]] for r in results)
    deciding = [r for r in results if _RANK[r[0]] == worst]
    if deciding[0][0] == ELIGIBLE:
        deciding = [r for r in deciding if r[1]["mode"] == "require"] or deciding
    return deciding[0]


def _rivals_all_failed(results: list[tuple[Verdict, dict[str, Any], list[str]]]) -> None:
    """Rival requirements ("EGFR sensitising mutation" beside "T790M", written for groups the text did not name):
    failing one is a question, failing every one of them (all atoms NO) excludes, as any reading of them would."""
    failed: dict[str, bool] = {}
    for verdict, clause, answers in results:
        name = clause.get("rival")
        if name:
            fails = (verdict == UNKNOWN and clause["mode"] == "require" and not clause.get("soft")
                     and not clause.get("doubtful") and not clause.get("open") and not clause.get("scope")
                   and bool(answers) and all(a == NO for a in answers))
            failed[name] = failed.get(name, True) and fails
    for index, (_, clause, answers) in enumerate(results):
        if failed.get(clause.get("rival") or ""):
            results[index] = (EXCLUDED, clause, answers)


def _shared_bar(clauses: list[dict[str, Any]], profile: Patient, squamous_ok: bool) -> bool:
    """Do the clauses written for no group bar the patient? They bind every group, an unseen one too ("solid tumour
    with a ROS1 or NTRK fusion" above "Phase 1: ..." and a "(Phase 2)" named elsewhere)."""
    return cohort_verdict([c for c in clauses if not c["cohorts"]], profile, squamous_ok)[0] == EXCLUDED


_STATE_KINDS = frozenset({"any", "mutation", "alteration"})


def _state_of(clause: dict[str, Any]) -> tuple[tuple[str, ...], str] | None:
    """(genes, mode) of a clause that only asks for, or only bars, whole genes' changes ("EGFR-mutant", "EGFR
    wild-type", "EGFR, ALK or ROS1 alteration", "without an EGFR, ALK or ROS1 alteration"); None for any other
    clause."""
    atoms = clause["atoms"]
    if not atoms or any(a["t"] != "alt" or a["kind"] not in _STATE_KINDS or a.get("except") for a in atoms):
        return None
    if clause.get("soft") or clause.get("histology") or clause.get("alone") or clause.get("treated_ok"):
        return None
    return tuple(sorted({a["gene"] for a in atoms})), clause["mode"]


def _both_states(clauses: list[dict[str, Any]], labels: list[str], profile: Patient, squamous_ok: bool) -> bool:
    """"Cohort 1 (EGFR wild-type)" beside "Cohort 2 (EGFR-mutant)", "Cohort A (without an EGFR, ALK or ROS1
    alteration)" beside "Cohort B (EGFR, ALK or ROS1 alteration)": the cohorts cover both states of the same genes, so
    a patient whose tumour was not tested for all of them fits one either way, when nothing else of either bars it."""
    if cohort_verdict([c for c in clauses if not c["cohorts"]], profile, squamous_ok)[0] != ELIGIBLE:
        return False
    states: dict[tuple[str, ...], set[str]] = {}
    for label in labels:
        own = [c for c in clauses if label in c["cohorts"]]
        found = [(c, _state_of(c)) for c in own]
        keyed = {state for _, state in found if state is not None}
        if len(keyed) != 1:
            continue
        genes, mode = next(iter(keyed))
        if all(profile.has_gene(gene) or gene in profile.tested_negative for gene in genes):
            continue
        if all(clause_verdict(c, profile)[0] == ELIGIBLE for c, state in found if state is None):
            states.setdefault(genes, set()).add(mode)
    return any(modes == {"require", "forbid"} for modes in states.values())


def trial_verdict(rules: dict[str, Any], profile: Patient) -> tuple[Verdict, dict[str, Any] | None, list[str]]:
    """Best verdict over cohorts, each the worst over the clauses that apply to it."""
    clauses: list[dict[str, Any]] = rules.get("clauses", [])
    squamous_ok = bool(rules.get("squamous_untested_ok"))
    labels: list[str] = rules.get("cohorts", [])
    if not labels:
        return cohort_verdict(clauses, profile, squamous_ok)
    results = [
        cohort_verdict([c for c in clauses if not c["cohorts"] or label in c["cohorts"]], profile, squamous_ok)
        for label in labels
    ]
    # "Cohort 1: squamous NSCLC" beside marker cohorts: a group for another histology than the patient's (known) is
    # no way in for them. When every group is closed so, histology decides (the disease dimension's), not markers.
    own_histology = rules.get("cohort_histology", {})
    open_results = [r for label, r in zip(labels, results, strict=True)
                    if not (label in own_histology and outside(own_histology[label], profile))]
    results = open_results or results
    best = max(results, key=lambda r: _RANK[r[0]])
    if best[0] == UNKNOWN and _both_states(clauses, labels, profile, squamous_ok):
        return ELIGIBLE, None, []
    if best[0] != ELIGIBLE and rules.get("unseen_sibling"):
        # A sibling part ("Dose Expansion Part" beside "Dose Escalation Part") sets no marker rule: a way in, as a
        # cohort of ours with no marker rule is.
        return ELIGIBLE, None, []
    if best[0] == EXCLUDED and rules.get("unseen_group") and not _shared_bar(clauses, profile, squamous_ok):
        # Another group of the trial ("monotherapy phase 1a dose escalation") states no marker rule we can see.
        return UNKNOWN, best[1], best[2]
    if len(labels) == 1 and best[0] == EXCLUDED and not rules.get("only_way_in"):
        # One named cohort implies others whose rules we cannot see: never exclude on the named one alone.
        common = cohort_verdict([c for c in clauses if not c["cohorts"]], profile, squamous_ok)
        if common[0] != EXCLUDED:
            return UNKNOWN, best[1], best[2]
    return best
