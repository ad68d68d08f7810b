"""Plain-language wording shared by the page and the exports.

One place for every word a patient reads: verdict badges, dimension names, ECOG levels in
everyday words, jargon explained. The patient is never told they are "eligible": a trial is a
possible match to discuss with their doctor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from trialmatch.criteria.rules.base import ELIGIBLE, EXCLUDED, UNKNOWN

if TYPE_CHECKING:
    from trialmatch.matching.match import TrialMatch
    from trialmatch.matching.profile import Profile

POSSIBLE_MATCH = "Possible match: discuss with your doctor"
NOT_ADVICE = (
    "This list comes from the trials' published criteria, read by a computer. It cannot say whether "
    "you can join a trial: only the trial team can, with your doctor."
)

ECOG_WORDS: dict[int, str] = {
    0: "I can do everything I could before my illness",
    1: "I can't do heavy physical work but can do light work",
    2: "I can look after myself but can't work; up and about more than half the day",
    3: "I rest in bed or a chair more than half the day",
    4: "I'm in bed or a chair all day",
}

BADGES: dict[str, str] = {ELIGIBLE: "fits", UNKNOWN: "check with your doctor", EXCLUDED: "does not fit"}
# Streamlit markdown badges: colour, an icon from Streamlit's bundled icon font (no emoji font
# needed) and always the words, so the meaning never rests on colour alone.
BADGE_MARKDOWN: dict[str, str] = {
    ELIGIBLE: ":green-badge[:material/check: fits]",
    UNKNOWN: ":orange-badge[:material/help: check with your doctor]",
    EXCLUDED: ":red-badge[:material/close: does not fit]",
}

DIMENSION_NAMES: dict[str, str] = {
    "disease": "Type and stage of lung cancer",
    "biomarker": "Tumour markers (biomarkers)",
    "prior_therapy": "Earlier treatments",
    "performance_status": "Day-to-day activity (ECOG)",
    "brain_metastases": "Cancer spread to the brain",
    "age": "Age",
    "sex": "Sex",
}

GLOSSARY: dict[str, str] = {
    "NSCLC": "Non-small cell lung cancer, the most common kind of lung cancer. Adenocarcinoma and "
    "squamous cell carcinoma are its main types.",
    "Stage IV": "The cancer has spread beyond the chest (metastatic), for example to the bones, liver or brain.",
    "Biomarker": "A change in the tumour's genes or proteins, found by testing a tumour or blood sample. "
    "Many trials are only for tumours with (or without) a particular change.",
    "PD-L1": "A protein on cancer cells that helps them hide from the immune system. Its level helps "
    "decide whether immunotherapy is likely to work.",
    "TPS": "Tumour proportion score: the percentage of tumour cells that carry PD-L1 (0 to 100). "
    "Your pathology report may say, for example, \"PD-L1 TPS 60%\".",
    "ECOG": "A 0 to 4 scale doctors use to describe how much your illness affects daily life. 0 means "
    "no effect; 4 means in bed or a chair all day.",
    "Line of treatment": "Each different treatment given for advanced cancer, one after another. "
    "A first treatment is the first line; switching after it stopped working starts the second.",
    "Phase": "Phase 1 trials test safety and dose, phase 2 whether a treatment works, phase 3 compare "
    "it with the usual treatment.",
    "Brain metastases": "Cancer that has spread to the brain. \"Treated and stable\" means treated (for "
    "example with radiation) and not growing on the latest scan.",
}

HISTOLOGY_WORDS: dict[str, str] = {
    "adenocarcinoma": "Adenocarcinoma",
    "squamous": "Squamous cell carcinoma",
    "large cell": "Large cell carcinoma",
    "nsclc-nos": "Non-small cell, type not specified",
}

BRAIN_WORDS: dict[str, str] = {
    "none": "No cancer in the brain",
    "treated_stable": "Treated and stable (not growing)",
    "active": "Active: untreated, or growing",
}

STATUS_WORDS: dict[str, str] = {
    "RECRUITING": "Recruiting",
    "NOT_YET_RECRUITING": "Not yet recruiting",
    "ENROLLING_BY_INVITATION": "Enrolling by invitation",
    "ACTIVE_NOT_RECRUITING": "Active, not recruiting",
    "COMPLETED": "Completed",
    "SUSPENDED": "Suspended",
    "TERMINATED": "Terminated",
    "WITHDRAWN": "Withdrawn",
    "AVAILABLE": "Available (expanded access)",
    "UNKNOWN": "Status unknown",
}

PHASE_WORDS: dict[str, str] = {
    "EARLY_PHASE1": "Early phase 1",
    "PHASE1": "Phase 1",
    "PHASE2": "Phase 2",
    "PHASE3": "Phase 3",
    "PHASE4": "Phase 4",
    "NA": "No phase",
}

# Ask about these whatever the trial: they decide whether joining is practical.
GENERAL_QUESTIONS: tuple[str, ...] = (
    "Could this trial suit me better than my next usual treatment?",
    "Do my latest scans and test results meet the trial's requirements?",
    "How often would I need to travel to the site, and is help with travel costs offered?",
    "Can I stay under your care while I am in the trial?",
)

_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def badge(verdict: str) -> str:
    """The words for a verdict ("fits" / "check with your doctor" / "does not fit")."""
    return BADGES.get(verdict, BADGES[UNKNOWN])


def badge_markdown(verdict: str) -> str:
    """The badge for st.markdown (our own fixed text: safe to render)."""
    return BADGE_MARKDOWN.get(verdict, BADGE_MARKDOWN[UNKNOWN])


def dimension_name(name: str) -> str:
    return DIMENSION_NAMES.get(name, name.replace("_", " ").capitalize())


def ecog_words(level: int | None) -> str:
    if level is None:
        return "Not given"
    return f"{level}: {ECOG_WORDS[level]}"


def status_words(status: str | None) -> str:
    if not status:
        return STATUS_WORDS["UNKNOWN"]
    return STATUS_WORDS.get(status, status.replace("_", " ").capitalize())


def phase_words(phases: Iterable[str]) -> str:
    words = [PHASE_WORDS.get(p, p.replace("_", " ").capitalize()) for p in phases]
    return " / ".join(words) if words else "No phase"


def clean(text: str | None) -> str:
    """Text from a trial or a file, with control characters dropped (kept: tabs and new lines)."""
    return _CONTROL.sub("", text or "")


def escape_markdown(text: str | None) -> str:
    """Untrusted text made inert for st.markdown: every markdown or HTML special is backslash-escaped
    and line breaks become spaces, so trial text can never become a link, an image, HTML or a heading."""
    flat = " ".join(clean(text).split())
    return _MD_SPECIALS.sub(r"\\\1", flat)


def profile_lines(profile: Profile) -> list[str]:
    """The profile in plain words, one fact a line; facts not given say so."""
    lines = [
        f"Age: {profile.age if profile.age is not None else 'not given'}",
        f"Sex: {profile.sex or 'not given'}",
        f"Lung cancer type: {HISTOLOGY_WORDS.get(profile.histology or '', 'not given')}",
        f"Stage: {profile.stage or 'not given'}",
    ]
    found = ", ".join(f"{b.gene} {b.alteration}".strip() for b in profile.biomarkers)
    lines.append(f"Tumour markers found: {found or 'none given'}")
    if profile.tested_negative:
        lines.append(f"Tested, no change found: {', '.join(profile.tested_negative)}")
    tps = "not tested" if profile.pdl1_tps is None else f"{profile.pdl1_tps:g}%"
    lines.append(f"PD-L1 (TPS): {tps}")
    lines.append(f"Earlier treatments: {', '.join(profile.prior_therapies) or 'none given'}")
    lines.append(
        "Lines of treatment for advanced cancer: "
        + (str(profile.prior_lines) if profile.prior_lines is not None else "not given")
    )
    lines.append(f"Day-to-day activity (ECOG): {ecog_words(profile.ecog)}")
    lines.append(f"Brain: {BRAIN_WORDS.get(profile.brain_metastases or '', 'not given')}")
    if profile.location:
        distance = f" (within {profile.max_distance_miles:g} miles)" if profile.max_distance_miles else ""
        lines.append(f"Near: {profile.location}{distance}")
    return lines


def why_it_may_fit(match: TrialMatch) -> list[str]:
    """Dimensions the profile meets where the trial states a requirement, in plain words."""
    return [
        f"{dimension_name(name)}: {finding.reason}"
        for name, finding in match.dimensions.items()
        if finding.verdict == ELIGIBLE and finding.evidence
    ]


def what_to_check(match: TrialMatch) -> list[str]:
    """What the profile cannot settle, each with the trial's reason."""
    return [
        f"{dimension_name(name)}: {finding.reason}"
        for name, finding in match.dimensions.items()
        if finding.verdict == UNKNOWN
    ]


def questions_for_doctor(match: TrialMatch) -> list[str]:
    """Questions to bring to the appointment: one per open point, then the general ones."""
    specific = [
        f"The trial asks about {lower_first(dimension_name(name))}: \"{finding.evidence}\". Does that apply to me?"
        if finding.evidence
        else f"What does this trial require about {lower_first(dimension_name(name))}, and do I meet it?"
        for name, finding in match.dimensions.items()
        if finding.verdict == UNKNOWN
    ]
    return [*specific, *GENERAL_QUESTIONS]


def lower_first(text: str) -> str:
    """"Day-to-day activity (ECOG)" -> "day-to-day activity (ECOG)": acronyms keep their case."""
    return text[:1].lower() + text[1:]


def miles_words(miles: float) -> str:
    """"1 mile", "12 miles"; under half a mile reads "under 1 mile"."""
    rounded = round(miles)
    if rounded < 1:
        return "under 1 mile"
    return f"{rounded:,} mile{'s' if rounded != 1 else ''}"
