"""The page's profile form as data: widget keys and values <-> Profile and MatchFilters.

Kept out of streamlit_app.py so the page stays a view and the mapping is tested on its own.
A widget left blank, "Not tested" and "Tested: no change found" are three different answers:
blank and not tested leave the gene unknown; tested negative puts it in `tested_negative`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from trialmatch.criteria.study_kind import GROUPS
from trialmatch.errors import ProfileError
from trialmatch.matching.match import OPEN_STATUSES, MatchFilters
from trialmatch.matching.profile import Biomarker, Profile, profile_from_dict

NOT_TESTED = "Not tested"
TESTED_NEGATIVE = "Tested: no change found"
OTHER = "other"

# The common alterations offered per gene, in the spelling the matcher and eval profiles use.
ALTERATIONS: dict[str, tuple[str, ...]] = {
    "EGFR": ("exon 19 deletion", "L858R", "T790M", "exon 20 insertion", "G719X", "L861Q", "S768I", "C797S"),
    "ALK": ("fusion",),
    "ROS1": ("fusion",),
    "KRAS": ("G12C", "G12D", "G12V", OTHER),
    "BRAF": ("V600E", OTHER),
    "MET": ("exon 14 skipping", "amplification"),
    "RET": ("fusion",),
    "ERBB2": ("exon 20 insertion", "amplification", "overexpression"),
    "NTRK1": ("fusion",),
    "NTRK2": ("fusion",),
    "NTRK3": ("fusion",),
    "NRG1": ("fusion",),
}
GENE_LABELS: dict[str, str] = {"ERBB2": "ERBB2 (HER2)"}

# Widget keys. Every widget on the page has a key; these are the ones a profile fills.
AGE, SEX, HISTOLOGY, STAGE = "age", "sex", "histology", "stage"
PDL1, PRIOR_THERAPIES, PRIOR_LINES, ECOG, BRAIN = "pdl1", "prior_therapies", "prior_lines", "ecog", "brain"
LOCATION, MAX_MILES = "location", "max_miles"
KINDS = "kinds"  # "Kinds of study": study_kind.GROUPS; none chosen means all
STATUSES, PHASES, INTERVENTIONAL_ONLY, NEW_SINCE = "statuses", "phases", "interventional_only", "new_since"
CHANGED_SINCE = "changed_since"  # new, reopened, closed or criteria changed since a day (see trialmatch.present.digest)
# A saved profile file remembers when it was saved, so loading it can offer what is new since.
# Profile ignores the field: the CLI and the eval files load such a file as before.
SAVED_AT = "saved_at"
BLANK = ""  # a select left unanswered

STATUS_CHOICES = (*OPEN_STATUSES, "ACTIVE_NOT_RECRUITING", "COMPLETED")
PHASE_CHOICES = ("EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA")


# Widget values by key: a dict, or Streamlit's session state (whose keys may also be ints).
Answers = Mapping[Any, Any]


def biomarker_key(gene: str) -> str:
    return f"bio_{gene}"


def gene_label(gene: str) -> str:
    return GENE_LABELS.get(gene, gene)


def biomarker_options(gene: str, chosen: list[str] | None = None) -> list[str]:
    """The choices for a gene: not tested, tested negative, its alterations, plus any loaded value."""
    options = [NOT_TESTED, TESTED_NEGATIVE, *ALTERATIONS[gene]]
    return options + [value for value in chosen or () if value not in options]


def default_widgets() -> dict[str, Any]:
    """Every profile and filter widget's value for a blank form."""
    values: dict[str, Any] = {
        AGE: None, SEX: BLANK, HISTOLOGY: BLANK, STAGE: "IV", PDL1: None, PRIOR_THERAPIES: [],
        PRIOR_LINES: None, ECOG: BLANK, BRAIN: BLANK, LOCATION: "", MAX_MILES: None,
        STATUSES: list(OPEN_STATUSES), PHASES: [], INTERVENTIONAL_ONLY: False, NEW_SINCE: None, CHANGED_SINCE: None,
    }
    values.update({biomarker_key(gene): [] for gene in ALTERATIONS})
    values[KINDS] = []
    return values


def biomarker_answers(state: Answers) -> tuple[list[dict[str, str]], list[str]]:
    """(biomarkers, tested_negative) from the per-gene answers; a contradiction raises ProfileError."""
    found: list[dict[str, str]] = []
    negative: list[str] = []
    for gene in ALTERATIONS:
        answers = list(state.get(biomarker_key(gene)) or ())
        changes = [a for a in answers if a not in (NOT_TESTED, TESTED_NEGATIVE)]
        if (NOT_TESTED in answers or TESTED_NEGATIVE in answers) and (changes or len(answers) > 1):
            raise ProfileError(
                f"{gene_label(gene)}: choose either a change, '{TESTED_NEGATIVE}' or '{NOT_TESTED}', not several",
                field="biomarkers",
            )
        if TESTED_NEGATIVE in answers:
            negative.append(gene)
        found.extend({"gene": gene, "alteration": change} for change in changes)
    return found, negative


def profile_from_widgets(
    state: Answers, *, extra_biomarkers: tuple[Biomarker, ...] = (),
    extra_negative: tuple[str, ...] = (), identity: Mapping[str, str] | None = None,
) -> Profile:
    """The Profile the form describes. `extra_*` carry a loaded file's genes the form has no widget for."""
    found, negative = biomarker_answers(state)
    ecog = state.get(ECOG, BLANK)
    data: dict[str, Any] = {
        **(identity or {}),
        "age": state.get(AGE),
        "sex": state.get(SEX) or None,
        "histology": state.get(HISTOLOGY) or None,
        "stage": state.get(STAGE) or None,
        "biomarkers": [*found, *(b.model_dump() for b in extra_biomarkers)],
        "tested_negative": [*negative, *extra_negative],
        "pdl1_tps": state.get(PDL1),
        "prior_therapies": list(state.get(PRIOR_THERAPIES) or ()),
        "prior_lines": state.get(PRIOR_LINES),
        "ecog": int(ecog) if ecog not in (BLANK, None) else None,
        "brain_metastases": state.get(BRAIN) or None,
        "location": (state.get(LOCATION) or "").strip() or None,
        "max_distance_miles": state.get(MAX_MILES),
    }
    return profile_from_dict(data)


def widgets_from_profile(profile: Profile) -> tuple[dict[str, Any], tuple[Biomarker, ...], tuple[str, ...]]:
    """(widget values, biomarkers and negative genes the form cannot show) for a loaded profile."""
    values = default_widgets()
    values.update({
        AGE: profile.age,
        SEX: profile.sex or BLANK,
        HISTOLOGY: profile.histology or BLANK,
        STAGE: profile.stage or BLANK,
        PDL1: profile.pdl1_tps,
        PRIOR_THERAPIES: canonical_drugs(list(profile.prior_therapies)),
        PRIOR_LINES: profile.prior_lines,
        ECOG: str(profile.ecog) if profile.ecog is not None else BLANK,
        BRAIN: profile.brain_metastases or BLANK,
        LOCATION: profile.location or "",
        MAX_MILES: profile.max_distance_miles,
    })
    extra: list[Biomarker] = []
    for marker in profile.biomarkers:
        if marker.gene not in ALTERATIONS:
            extra.append(marker)
            continue
        known = {a.lower(): a for a in ALTERATIONS[marker.gene]}
        values[biomarker_key(marker.gene)].append(known.get(marker.alteration.lower(), marker.alteration))
    extra_negative = []
    for gene in profile.tested_negative:
        if gene in ALTERATIONS:
            values[biomarker_key(gene)] = [TESTED_NEGATIVE]
        else:
            extra_negative.append(gene)
    return values, tuple(extra), tuple(extra_negative)


def filters_from_widgets(state: Answers, origin: tuple[float, float] | None,
                         max_miles: float | None) -> MatchFilters:
    """What to consider; excluded trials are always computed, so the page can say "why not"."""
    new_since = state.get(NEW_SINCE)
    return MatchFilters(
        statuses=tuple(state.get(STATUSES) or ()),
        phases=tuple(state.get(PHASES) or ()),
        interventional_only=bool(state.get(INTERVENTIONAL_ONLY)),
        kinds=tuple(k for k in GROUPS if k in (state.get(KINDS) or ())),
        new_since=new_since if isinstance(new_since, date) else None,
        origin=origin,
        max_distance_miles=max_miles if origin is not None else None,
        include_excluded=True,
    )


def profile_json(profile: Profile) -> str:
    """The profile as the CLI reads it (`trialmatch match --profile`), without empty extras."""
    return profile.model_dump_json(indent=1)


def saved_profile_json(profile: Profile, saved_at: datetime) -> str:
    """The profile file the page offers to download: profile_json plus when it was saved (UTC)."""
    data = json.loads(profile_json(profile))
    data[SAVED_AT] = saved_at.astimezone(UTC).isoformat(timespec="seconds")
    return json.dumps(data, indent=1, ensure_ascii=False)


def saved_at_of(raw: bytes) -> datetime | None:
    """When a profile file was saved (aware UTC), or None: absent, or not a time we can read."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    value = data.get(SAVED_AT) if isinstance(data, dict) else None
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def drug_choices(chosen: list[str] | None = None) -> dict[str, str]:
    """Generic drug name -> its classes in plain words, for the searchable prior-treatment picker.

    Names already chosen (for example from a loaded file) are always offered, known or not.
    """
    from trialmatch.criteria.drugs import all_drugs

    choices = dict(all_drugs())
    for name in chosen or ():
        choices.setdefault(name, "not in our drug list")
    return choices


def canonical_drugs(names: list[str]) -> list[str]:
    """Brand or code names from a loaded file turned into the generic names the picker offers."""
    from trialmatch.criteria.drugs import canonical_drug

    out: list[str] = []
    for name in names:
        generic = canonical_drug(name) or name
        if generic not in out:
            out.append(generic)
    return out
