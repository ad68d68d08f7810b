"""Invented patients and one-criterion trials for the biomarker tests: the same helpers for every file."""

from __future__ import annotations

import json
from typing import Any

from trialmatch.criteria.rules import biomarker
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

PANEL = ["EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3"]
TITLE = "A study in advanced NSCLC"


def patient(*found: str, negative: list[str] | None = None, pdl1: float | None = None,
            histology: str = "adenocarcinoma", drugs: tuple[str, ...] = (), lines: int | None = None) -> Profile:
    """A profile with findings such as "EGFR:exon 19 deletion"; by default every other panel gene tested negative."""
    markers = [{"gene": f.split(":")[0], "alteration": f.split(":")[1]} for f in found]
    genes = {m["gene"] for m in markers}
    tested = [g for g in PANEL if g not in genes] if negative is None else negative
    fields: dict[str, Any] = {"biomarkers": markers, "tested_negative": tested, "pdl1_tps": pdl1,
                              "histology": histology, "prior_therapies": list(drugs), "prior_lines": lines}
    return profile_from_dict(fields)


def trial(criteria: str, title: str = TITLE) -> TrialText:
    return TrialText(nct_id="NCT00000000", title=title, criteria=tuple(split_criteria(criteria)))


def inc(*bullets: str) -> str:
    return "Inclusion Criteria:\n\n" + "".join(f"* {b}\n" for b in bullets)


def exc(*bullets: str) -> str:
    return "Exclusion Criteria:\n\n" + "".join(f"* {b}\n" for b in bullets)


def verdict(criteria: str, profile: Profile, title: str = TITLE) -> str:
    rules = biomarker.parse(trial(criteria, title))
    json.dumps(rules)  # stored in the cache: must serialise
    return biomarker.check(rules, profile).verdict


# Named patients of the session-20 biomarker tests: one finding each, every other panel gene tested negative
# (NO_DRIVER has PD-L1 60%; UNTESTED has no gene tested).
NO_DRIVER = patient(pdl1=60)
UNTESTED = patient(negative=[])
EGFR_19 = patient("EGFR:exon 19 deletion")
EGFR_L858R = patient("EGFR:L858R")
EGFR_G719X = patient("EGFR:G719X")
EGFR_L861Q = patient("EGFR:L861Q")
EGFR_S768I = patient("EGFR:S768I")
EGFR_EX20 = patient("EGFR:exon 20 insertion")
ALK = patient("ALK:fusion")
ROS1 = patient("ROS1:fusion")
RET = patient("RET:fusion")
KRAS_G12C = patient("KRAS:G12C")
KRAS_G12D = patient("KRAS:G12D")
KRAS_G12V = patient("KRAS:G12V")
BRAF_V600E = patient("BRAF:V600E")
MET_EX14 = patient("MET:exon 14 skipping")
MET_AMP = patient("MET:amplification")
HER2_EX20 = patient("ERBB2:exon 20 insertion")
HER2_AMP = patient("ERBB2:amplification")
HER2_OVER = patient("ERBB2:overexpression", histology="nsclc-nos")
NRG1 = patient("NRG1:fusion")


# A sensitising EGFR change with an acquired T790M on top (the history-and-stacking files).
EGFR_19_T790M = patient("EGFR:exon 19 deletion", "EGFR:T790M")
# Two changes in one tumour, shared by the co-occurrence kind tests (bio5, bio6).
L858R_T790M = patient("EGFR:L858R", "EGFR:T790M")
L858R_C797S = patient("EGFR:L858R", "EGFR:C797S")
EGFR_19_MET_AMP = patient("EGFR:exon 19 deletion", "MET:amplification")


def assert_history_line_no_requirement(primary: str, history: str) -> None:
    """Beside a required sensitising change, a line naming T790M only as an earlier treatment's setting or trigger
    asks nothing more: carriers stay eligible, with or without T790M, and the primary line still binds others."""
    text = inc(primary, history)
    assert verdict(text, EGFR_19) == "eligible"
    assert verdict(text, EGFR_L858R) == "eligible"
    assert verdict(text, EGFR_19_T790M) == "eligible"
    assert verdict(text, KRAS_G12C) == "excluded"


def assert_demanded_marker_stacks(primary: str, second: str) -> None:
    """A second line that demands T790M of the tumour is asked together with the primary one."""
    text = inc(primary, second)
    assert verdict(text, EGFR_19) == "excluded"
    assert verdict(text, EGFR_19_T790M) == "eligible"
    assert verdict(text, UNTESTED) == "unknown"
