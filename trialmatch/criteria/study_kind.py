"""What kind of study a record is (a treatment study of a drug, an imaging study, a registry...),
and whether it was made for lung cancer or is a basket of several cancers.

Decided once per record when it is saved (records.trial_rows) and stored as a code; the ranking
and the page only read the code. The registry's own design fields decide first:
`designInfo.primaryPurpose`, the study type, the intervention types, `patientRegistry`.
Records without `designInfo` (reshaped exports, some older registrations) fall back to the
study type, the phases and plain words of the titles and intervention names; when nothing fits
the kind is "not stated", never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from trialmatch.criteria.drugs import canonical_drug
from trialmatch.criteria.record_values import as_dict, as_list, as_strings, as_text

# Bump when the classification changes: cached trials are classified again from their raw record.
KIND_VERSION = 1

# The page's and the CLI's "Kinds of study" filter.
TREATMENT, OTHER_INTERVENTIONAL, OBSERVATIONAL = "treatment", "other_interventional", "observational"
GROUPS: tuple[str, ...] = (TREATMENT, OTHER_INTERVENTIONAL, OBSERVATIONAL)
GROUP_WORDS = {TREATMENT: "Treatment studies", OTHER_INTERVENTIONAL: "Other interventional studies "
               "(diagnosis, imaging, supportive care...)", OBSERVATIONAL: "Observational studies and registries"}
NOT_STATED = "not_stated"


@dataclass(frozen=True)
class Kind:
    """One kind of study: its card words, its place in the ranking (tier, lower first), its filter group."""

    code: str
    words: str  # on every card
    reason: str  # in "Why it ranks here"
    tier: int
    group: str | None  # None: not stated, see groups_of


def _kinds(*rows: tuple[str, str, str, int, str | None]) -> dict[str, Kind]:
    return {code: Kind(code, words, reason, tier, group) for code, words, reason, tier, group in rows}


# Tier 0: treatment studies of drugs, biologicals or radiation; 1: other treatment studies;
# 2: kind not stated; 3: other interventional studies; 4: observational studies and registries.
KINDS: dict[str, Kind] = _kinds(
    ("treatment_drug", "Treatment study: a new drug", "a treatment study of a drug", 0, TREATMENT),
    ("treatment_biological", "Treatment study: a biological medicine (antibody, vaccine or cell therapy)",
     "a treatment study of a biological medicine", 0, TREATMENT),
    ("treatment_radiation", "Treatment study: radiation therapy", "a treatment study of radiation therapy", 0,
     TREATMENT),
    ("treatment_procedure", "Treatment study: surgery or another procedure",
     "a treatment study of surgery or a procedure", 1, TREATMENT),
    ("treatment_device", "Treatment study: a medical device", "a treatment study of a device", 1, TREATMENT),
    ("treatment_behavioural", "Treatment study: a programme such as exercise, diet or counselling",
     "a treatment study of a programme (exercise, diet, counselling)", 1, TREATMENT),
    ("treatment_other", "Treatment study", "a treatment study", 1, TREATMENT),
    ("expanded_access", "Expanded access: a treatment offered outside a trial", "expanded access to a treatment",
     1, TREATMENT),
    (NOT_STATED, "Kind not stated: read the summary with your doctor", "the kind of study is not stated", 2, None),
    ("imaging", "Imaging study: tests a scan or tracer, gives no treatment", "an imaging study", 3,
     OTHER_INTERVENTIONAL),
    ("diagnostic", "Diagnostic study: tests a way to find or measure the cancer, gives no treatment",
     "a diagnostic study", 3, OTHER_INTERVENTIONAL),
    ("screening", "Screening study: looks for cancer early, gives no treatment", "a screening study", 3,
     OTHER_INTERVENTIONAL),
    ("supportive_care", "Supportive care: helps with symptoms, side effects or well-being",
     "a supportive-care study", 3, OTHER_INTERVENTIONAL),
    ("prevention", "Prevention study: aims to stop a cancer or a complication from starting",
     "a prevention study", 3, OTHER_INTERVENTIONAL),
    ("health_services", "Health services study: how care is organised or delivered", "a health services study",
     3, OTHER_INTERVENTIONAL),
    ("basic_science", "Research study: how the disease or the body works, gives no treatment",
     "a basic science study", 3, OTHER_INTERVENTIONAL),
    ("other_interventional", "Other interventional study: its purpose is given as 'other'",
     "an interventional study whose purpose is 'other'", 3, OTHER_INTERVENTIONAL),
    ("registry", "Registry: collects information, gives no treatment", "a registry", 4, OBSERVATIONAL),
    ("biobank", "Sample collection: collects blood or tissue for research, gives no treatment",
     "a sample collection study", 4, OBSERVATIONAL),
    ("observational", "Observational study: follows patients' usual care, gives no treatment",
     "an observational study", 4, OBSERVATIONAL),
)

_PURPOSES = {
    "DIAGNOSTIC": "diagnostic",
    "SCREENING": "screening",
    "SUPPORTIVE_CARE": "supportive_care",
    "PREVENTION": "prevention",
    "HEALTH_SERVICES_RESEARCH": "health_services",
    "BASIC_SCIENCE": "basic_science",
    "DEVICE_FEASIBILITY": "treatment_device",
    "ECT": "supportive_care",  # educational / counselling / training
}
# Intervention types in the order a treatment study is named after them.
_TYPE_KINDS = (
    ({"DRUG", "COMBINATION_PRODUCT"}, "treatment_drug"),
    ({"BIOLOGICAL", "GENETIC"}, "treatment_biological"),
    ({"RADIATION"}, "treatment_radiation"),
    ({"PROCEDURE"}, "treatment_procedure"),
    ({"DEVICE"}, "treatment_device"),
    ({"BEHAVIORAL"}, "treatment_behavioural"),
)
_I = re.I
# Plain words, for records without designInfo. Non-treatment kinds in the order they are tried.
_WORD_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("registry", re.compile(r"\bregistr(?:y|ies)\b", _I)),
    ("biobank", re.compile(r"\b(?:bio-?banks?|biospecimens?|specimen collection|sample collection|tissue bank"
                           r"|repository|cell harvest|blood collection|collection of blood)\b", _I)),
    ("screening", re.compile(r"\bscreening\b(?! platform)", _I)),
    ("imaging", re.compile(r"\b(?:imaging|tracers?|radiotracers?|positron|fluorescen\w*|scans?|tomograph\w*"
                           r"|magnetic resonance|ultrasound)\b|\b(?:PET|SPECT|MRI)\b", _I)),
    ("diagnostic", re.compile(r"\b(?:diagnos\w*|liquid biopsy|biopsies|sequencing|detection|assay)\b", _I)),
    ("supportive_care", re.compile(r"\b(?:quality[- ]of[- ]life|exercise|yoga|symptoms?|distress|counsel+ing"
                                   r"|psycholog\w*|nutrition\w*|diet|palliative|fatigue|smoking cessation"
                                   r"|survivorship|educational|questionnaires?)\b", _I)),
)
_TREATMENT_WORDS = re.compile(
    r"\b(?:treat\w*|therap\w*|chemo\w*|drugs?|inhibitors?|vaccines?|antibod\w*|dose|dosing|efficacy|regimens?"
    r"|neoadjuvant|adjuvant|radiation|radiosurgery|stereotactic|SBRT|SABR|proton|surgery|surgical|resection"
    r"|lobectomy|segmentectomy|ablation|ablative|cryo\w*)\b", _I)
_RADIATION = re.compile(r"\b(?:radiation|radiotherap\w*|radiosurgery|stereotactic|SBRT|SABR|proton|irradiation"
                        r"|chemoradi\w*|brachytherapy)\b", _I)
_BIOLOGICAL = re.compile(r"\b(?:vaccines?|antibod\w*|CAR[- ]?T|cell therapy|T[- ]cells?|oncolytic|virus)\b|mab\b",
                         _I)
_PROCEDURE = re.compile(r"\b(?:surgery|surgical|resection|lobectomy|segmentectomy|ablation|ablative|cryo\w*"
                        r"|bronchoscop\w*|transplant\w*)\b", _I)
_DEVICE = re.compile(r"\bdevices?\b", _I)
_BEHAVIOURAL = re.compile(r"\b(?:behaviou?ral|exercise|yoga|diet|counsel+ing|education\w*)\b", _I)
# A drug's code name: "PF-07248144", "EP0031", "BBO-8520", "RMC-6236".
_DRUG_CODE = re.compile(r"^[A-Z]{1,5}[- ]?\d{3,}")
_NUMBERED_PHASES = frozenset({"EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4"})

# Disease scope: made for lung cancer, or a basket of several cancers that includes it.
LUNG, BASKET, SOLID = "lung", "basket", "solid"
SCOPE_WORDS = {LUNG: "made for lung cancer", BASKET: "for several cancers, lung cancer among them",
               SOLID: "for solid tumours in general"}
_LUNG = re.compile(r"\b(?:lung|nsclc|pulmonary|bronch\w*)\b", _I)
_CANCER = re.compile(r"\b(?:cancers?|carcinomas?|tumou?rs?|neoplasms?|neoplasia|malignan\w*|leuka?emia|\w{3,}omas?"
                     r"|oncology)\b", _I)


def kind_of(code: str | None) -> Kind:
    """The Kind for a stored code; a missing or unknown code (an older cache) reads as not stated."""
    return KINDS.get(code or NOT_STATED, KINDS[NOT_STATED])


@cache
def groups_of(code: str | None, study_type: str | None) -> frozenset[str]:
    """The filter groups a trial may belong to. A kind not stated is never filtered out by a
    choice it could belong to: an interventional one counts as treatment and as other
    interventional, one whose study type is missing counts in every group."""
    group = kind_of(code).group
    if group is not None:
        return frozenset({group})
    if study_type == "INTERVENTIONAL":
        return frozenset({TREATMENT, OTHER_INTERVENTIONAL})
    if study_type == "OBSERVATIONAL":
        return frozenset({OBSERVATIONAL})
    return frozenset(GROUPS)


def group_bits(groups: frozenset[str]) -> int:
    """Groups as bits, one per GROUPS entry, for the vectorised filter."""
    return sum(1 << i for i, group in enumerate(GROUPS) if group in groups)


def classify(*, study_type: str | None, primary_purpose: str | None, patient_registry: bool | None = None,
             intervention_types: Sequence[str] = (), intervention_names: Sequence[str] = (),
             titles: Sequence[str] = (), phases: Sequence[str] = ()) -> str:
    """The kind code for a study's design fields, falling back to plain words (module docstring)."""
    study_type = (study_type or "").upper()
    purpose = (primary_purpose or "").upper()
    title = " | ".join(titles)
    if study_type == "EXPANDED_ACCESS":
        return "expanded_access"
    if study_type == "OBSERVATIONAL" or patient_registry:
        if patient_registry:
            return "registry"
        word_kind = _word_kind(title)
        return word_kind if word_kind in ("registry", "biobank") else "observational"
    if purpose == "TREATMENT":
        return _treatment_kind(intervention_types, intervention_names, title, phases) or "treatment_other"
    if purpose in _PURPOSES:
        if purpose == "DIAGNOSTIC" and _word_kind(title, ("imaging",)) == "imaging":
            return "imaging"
        return _PURPOSES[purpose]
    # No primary purpose (or "OTHER"): the study type, phases and plain words.
    fallback = _fallback_kind(intervention_names, title, phases)
    if fallback is not None:
        return fallback
    return "other_interventional" if purpose == "OTHER" else NOT_STATED


def _word_kind(text: str, only: Iterable[str] | None = None) -> str | None:
    wanted = set(only) if only is not None else None
    for code, pattern in _WORD_KINDS:
        if (wanted is None or code in wanted) and pattern.search(text):
            return code
    return None


def _known_drug(names: Sequence[str]) -> bool:
    return any(canonical_drug(name) or _DRUG_CODE.match(name) for name in names)


def _treatment_kind(types: Sequence[str], names: Sequence[str], title: str, phases: Sequence[str]) -> str | None:
    """A treatment study named after its interventions: their types first, else their words."""
    stated = {t.upper() for t in types}
    for wanted, code in _TYPE_KINDS:
        if stated & wanted:
            return code
    words = " | ".join([title, *names])
    if _known_drug(names):
        return "treatment_drug"
    for pattern, code in ((_BIOLOGICAL, "treatment_biological"), (_RADIATION, "treatment_radiation"),
                          (_PROCEDURE, "treatment_procedure"), (_DEVICE, "treatment_device"),
                          (_BEHAVIOURAL, "treatment_behavioural")):
        if pattern.search(words):
            return code
    if _NUMBERED_PHASES & set(phases):
        return "treatment_drug"  # phases 1-4 are how drugs and biologicals are tested
    return None


def _fallback_kind(names: Sequence[str], title: str, phases: Sequence[str]) -> str | None:
    """An interventional study without a stated purpose. A drug, a numbered phase, or radiation or
    surgery in the title make it a treatment study ("PET-guided radiotherapy"); otherwise a
    non-treatment word in the title decides, then treatment words, then the intervention names."""
    title_kind = _word_kind(title)
    strong = (_known_drug(names) or bool(_NUMBERED_PHASES & set(phases)) or _RADIATION.search(title) is not None
              or _PROCEDURE.search(title) is not None)
    if title_kind is not None and not strong:
        return title_kind  # "symptom management therapy" is supportive care
    if strong or _TREATMENT_WORDS.search(title):
        # Intervention types are not used here: reshaped exports call every intervention a drug.
        return _treatment_kind((), names, title, phases) or "treatment_other"
    kinds = [_word_kind(name) for name in names]
    if names and None not in kinds:  # every intervention is a non-treatment one: the first kind in _WORD_KINDS
        return next(code for code, _ in _WORD_KINDS if code in kinds)
    return None


def disease_scope(conditions: Iterable[str]) -> str | None:
    """LUNG when the conditions name lung cancer and no other cancer, BASKET when they name it
    among others (or solid tumours), SOLID when they name cancers but not the lung; None when
    they name no cancer at all."""
    lung = other = False
    for condition in conditions:
        if _LUNG.search(condition):
            lung = True
        elif _CANCER.search(condition):
            other = True
    if lung:
        return BASKET if other else LUNG
    return SOLID if other else None


def design_columns(protocol: dict[str, Any], titles: Sequence[str]) -> dict[str, Any]:
    """The cache columns that say what kind of study a record's protocolSection describes."""
    design = as_dict(protocol.get("designModule"))
    info = as_dict(design.get("designInfo"))
    interventions = [as_dict(i) for i in as_list(as_dict(protocol.get("armsInterventionsModule")).get("interventions"))]
    types = [t.upper() for i in interventions if (t := as_text(i.get("type")))]
    names = [n for i in interventions if (n := as_text(i.get("name")))]
    registry = design.get("patientRegistry")
    purpose = as_text(info.get("primaryPurpose"))
    study_type = as_text(design.get("studyType"))
    return {
        "primary_purpose": purpose.upper() if purpose else None,
        "observational_model": as_text(info.get("observationalModel")),
        "intervention_types": sorted(set(types)),
        "study_kind": classify(study_type=study_type, primary_purpose=purpose, patient_registry=registry is True,
                               intervention_types=types, intervention_names=names, titles=titles,
                               phases=as_strings(design.get("phases"))),
        "disease_scope": disease_scope(as_strings(as_dict(protocol.get("conditionsModule")).get("conditions"))),
    }
