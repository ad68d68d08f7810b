"""Helpers shared by the prior-therapy audit tests: a patient on a common base, judged on one invented trial."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tests.invented import invented_trial
from trialmatch.criteria.parse import parse_record
from trialmatch.criteria.rules import prior_therapy
from trialmatch.matching.profile import Profile, profile_from_dict

BASE: dict[str, Any] = {"age": 60, "histology": "adenocarcinoma", "stage": "IV", "ecog": 1, "biomarkers": [],
                        "tested_negative": [], "pdl1_tps": None, "brain_metastases": "none"}


# Tested negative for every driver the engine knows, and the usual EGFR carrier: the named-patient tables of the
# per-kind test files build on these.
FULL_PANEL = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS", "NRG1"]
EGFR_EX19 = [{"gene": "EGFR", "alteration": "exon 19 deletion"}]


def prior_verdict(patient: dict[str, Any], inclusion: Sequence[str] = (), exclusion: Sequence[str] = (),
                  title: str = "A trial", conditions: Sequence[str] = ()) -> str:
    """The prior-therapy verdict for BASE updated with `patient`, on a trial of these bullets."""
    text = invented_trial("".join(f"* {line}\n" for line in inclusion or ["Stage IV NSCLC"]),
                          "".join(f"* {line}\n" for line in exclusion or ["Pregnancy"]), title=title,
                          conditions=conditions)
    return prior_therapy.check(prior_therapy.parse(text), profile_from_dict({**BASE, **patient})).verdict


def named_verdict(patients: dict[str, dict[str, Any]], who: str, inclusion: Sequence[str] | None = None,
                  exclusion: Sequence[str] | None = None, **extra: Any) -> str:
    """prior_verdict for the patient named `who` in a file's table, with `extra` facts changed."""
    return prior_verdict({**patients[who], **extra}, inclusion or [], exclusion or [])


# The panel the session-19 structure tests call "tested negative" by default (FULL_PANEL without NRG1).
STRUCTURE_PANEL = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS"]


def invented_patient(bio: list[tuple[str, str]], drugs: list[str], lines: int | None, **extra: Any) -> dict[str, Any]:
    """A stage IV profile dict: findings as (gene, alteration), every other panel gene tested negative unless
    `negative` says which were; `histology`, `ecog` and `pdl1` may be given."""
    genes = {g for g, _ in bio}
    return {"stage": "IV", "histology": extra.get("histology", "adenocarcinoma"), "ecog": extra.get("ecog", 1),
            "biomarkers": [{"gene": g, "alteration": a} for g, a in bio],
            "tested_negative": [g for g in extra.get("negative", STRUCTURE_PANEL) if g not in genes],
            "prior_therapies": drugs, "prior_lines": lines, "pdl1_tps": extra.get("pdl1"), "brain_metastases": "none"}


def stage_iv_profile(**facts: object) -> Profile:
    """A validated stage IV profile: an ECOG 1 adenocarcinoma patient of 60 with no brain metastases, findings,
    negative tests, PD-L1 result or prior treatment, with `facts` changed."""
    base: dict[str, object] = {"id": "p", "age": 60, "histology": "adenocarcinoma", "stage": "IV", "ecog": 1,
                               "brain_metastases": "none", "biomarkers": [], "tested_negative": [], "pdl1_tps": None,
                               "prior_therapies": [], "prior_lines": 0}
    return profile_from_dict({**base, **facts})


def one_bullet_verdict(text: str, profile: Profile) -> str:
    """The prior-therapy verdict for `profile` on an NSCLC trial whose inclusion is "Stage IV NSCLC" and `text`, read
    from an API record as a sync reads it (title, conditions, criteria)."""
    rec = {"protocolSection": {"identificationModule": {"nctId": "NCT99999999", "briefTitle": "A study"},
           "conditionsModule": {"conditions": ["Non-small Cell Lung Cancer"]},
           "statusModule": {"overallStatus": "RECRUITING"},
           "eligibilityModule": {"eligibilityCriteria": f"Inclusion Criteria:\n\n* Stage IV NSCLC\n* {text}\n\n"
                                                        "Exclusion Criteria:\n\n* Pregnancy"}}}
    return prior_therapy.check(parse_record(rec)["prior_therapy"], profile).verdict


def panel_profile(biomarkers: list[dict[str, str]], drugs: list[str], lines: int, tested: bool = True) -> Profile:
    """A stage IV ECOG 1 adenocarcinoma patient of 60 with these findings, every other STRUCTURE_PANEL gene tested
    negative (none tested when not `tested`), and these drugs over `lines` lines."""
    genes = {b["gene"] for b in biomarkers}
    ident = f"panel-{sorted(genes)}-{drugs}-{lines}-{tested}-{[b['alteration'] for b in biomarkers]}"
    return profile_from_dict({"id": ident, "age": 60, "histology": "adenocarcinoma", "stage": "IV", "ecog": 1,
                              "biomarkers": biomarkers,
                              "tested_negative": [g for g in STRUCTURE_PANEL if g not in genes] if tested else [],
                              "prior_therapies": drugs, "prior_lines": lines})
