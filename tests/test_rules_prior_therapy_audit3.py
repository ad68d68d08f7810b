"""Prior-therapy kinds of sentence found by a blind audit, on invented criteria and invented profiles.

Kinds:
- a ban on earlier treatment dated only by a point ("Exposure to other antitumor therapies before enrollment"):
  no length, so no washout; a treated patient is outside (a window with a length still never excludes);
- a sentence that widens the ban before it ("Any prior chemotherapy. This includes ... any biologic agent."):
  antibodies are biologic agents; small-molecule drugs are not;
- a class narrowed by a closed bracketed list ("EGFR-TKI (gefitinib, erlotinib, or afatinib)"): a listed drug
  meets it, another drug of the class is a question, none of the class fails as before;
- a softening clause that names one of several required treatments ("including platinum and a CPI, unless the
  investigator affirms that a CPI was not medically indicated", "platinum and, if eligible, a checkpoint
  inhibitor"): the other treatment stays firm; and a group no listed drug meets excludes even when another
  group is a question.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS", "NRG1"]


def _with(gene: str, alteration: str, drugs: list[str], lines: int | None) -> dict[str, Any]:
    return {"biomarkers": [{"gene": gene, "alteration": alteration}],
            "tested_negative": [g for g in GENES if g != gene], "prior_therapies": drugs, "prior_lines": lines}


PROFILES: dict[str, dict[str, Any]] = {
    "naive-large-cell": {"histology": "large cell", "tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "naive-lines-null": {"histology": "nsclc-nos", "prior_therapies": [], "prior_lines": None},
    "egfr-s768i-post-icotinib": _with("EGFR", "S768I", ["icotinib"], 1),
    "egfr-l858r-post-gefitinib": _with("EGFR", "L858R", ["gefitinib"], 1),
    "egfr-l861q-post-osimertinib": _with("EGFR", "L861Q", ["osimertinib"], 1),
    "egfr-g719x-post-dacomitinib-lines-null": _with("EGFR", "G719X", ["dacomitinib"], None),
    "egfr-c797s-post-osimertinib-chemo": _with("EGFR", "C797S", ["osimertinib", "carboplatin", "pemetrexed"], 2),
    "met-amp-post-tepotinib": _with("MET", "amplification", ["tepotinib"], 1),
    "ret-post-pralsetinib": _with("RET", "fusion", ["pralsetinib"], 1),
    "her2-amp-post-tdxd": _with("ERBB2", "amplification", ["trastuzumab deruxtecan"], 1),
    "kras-g12d-post-nivo-ipi": _with("KRAS", "G12D", ["nivolumab", "ipilimumab"], 1),
    "kras-g12v-post-chemo-io": _with("KRAS", "G12V", ["cisplatin", "pemetrexed", "pembrolizumab"], 1),
    "no-driver-post-chemo-only": {"tested_negative": GENES, "prior_therapies": ["carboplatin", "gemcitabine"],
                                  "prior_lines": 1},
    "durvalumab-lines-null": {"tested_negative": GENES, "prior_therapies": ["durvalumab"], "prior_lines": None},
    "nrg1-post-chemo-lines-null": _with("NRG1", "fusion", ["cisplatin", "vinorelbine"], None),
    "adjuvant-chemo-only": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "vinorelbine"],
                            "prior_lines": 0},
    "unknown-drug": {"tested_negative": GENES, "prior_therapies": ["zz-9999 investigational agent"],
                     "prior_lines": 1},
}


def verdict(who: str, inclusion: list[str] = (), exclusion: list[str] = ()) -> str:  # type: ignore[assignment]
    return prior_verdict(PROFILES[who], inclusion, exclusion)


# --- a ban dated only by a point ----------------------------------------------------------------------

POINT_BANS = [
    "Exposure to other antitumor therapies before enrollment",
    "Received other anticancer therapies before enrollment;",
    "Exposure to other anticancer therapies prior to randomization.",
    "Has received systemic anti-tumour treatment before registration",
    "Received anticancer therapy other than the study treatment before the first dose.",
]


@pytest.mark.parametrize("sentence", POINT_BANS)
@pytest.mark.parametrize(("who", "expected"), [
    ("naive-large-cell", "eligible"), ("egfr-s768i-post-icotinib", "excluded"), ("met-amp-post-tepotinib", "excluded"),
    ("kras-g12d-post-nivo-ipi", "excluded"), ("adjuvant-chemo-only", "excluded"), ("naive-lines-null", "unknown"),
])
def test_ban_dated_by_a_point(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, exclusion=[sentence]) == expected


@pytest.mark.parametrize("sentence", [
    "Exposure to other antitumor therapies within 4 weeks before enrollment",
    "Received other anticancer therapies less than 14 days prior to randomization",
    "Received anticancer therapy within 5 half-lives before the first dose",
    "Received other investigational drugs before enrollment",
    "Participation in another clinical trial with an investigational product before enrollment",
    "Concurrent anticancer therapy at the time of enrollment",
])
@pytest.mark.parametrize("who", ["egfr-s768i-post-icotinib", "kras-g12d-post-nivo-ipi", "adjuvant-chemo-only"])
def test_windows_and_other_purposes_never_exclude(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Prior anticancer therapy must be stopped before the first dose.",
    "Patients who received chemotherapy before enrollment are eligible.",
])
def test_an_inclusion_dated_by_a_point_asks_for_nothing(sentence: str) -> None:
    assert verdict("naive-large-cell", inclusion=["Stage IV NSCLC", sentence]) == "eligible"


# --- a sentence that widens the ban before it --------------------------------------------------------

WIDENED = [
    "Any prior systemic chemotherapy for the treatment of lung cancer. This includes systemic radiosensitizers "
    "used to treat brain metastases and any biologic agent.",
    "Prior cytotoxic chemotherapy for advanced disease. This also includes monoclonal antibodies.",
    "Previous chemotherapy of any kind. These include biological therapy.",
]


@pytest.mark.parametrize("sentence", WIDENED)
@pytest.mark.parametrize(("who", "expected"), [
    ("kras-g12d-post-nivo-ipi", "excluded"), ("her2-amp-post-tdxd", "excluded"), ("durvalumab-lines-null", "excluded"),
    ("no-driver-post-chemo-only", "excluded"),
    # Small-molecule drugs are no monoclonal antibodies; whether "biologic agent" takes them in is open.
    ("egfr-s768i-post-icotinib", "eligible"), ("ret-post-pralsetinib", "eligible"), ("naive-large-cell", "eligible"),
])
def test_widened_ban(sentence: str, who: str, expected: str) -> None:
    if who == "durvalumab-lines-null" and "advanced disease" in sentence:
        expected = "unknown"  # a ban for advanced disease: when it was given is not listed
    if who in ("egfr-s768i-post-icotinib", "ret-post-pralsetinib") and "monoclonal" not in sentence:
        expected = "unknown"  # "biological therapy" in some usage takes in TKIs too: a near miss
    assert verdict(who, exclusion=[sentence]) == expected


@pytest.mark.parametrize("sentence", [
    "Prior chemotherapy for lung cancer. This does not include biologic agents.",
    "Prior chemotherapy. This includes platinum but not monoclonal antibodies.",
    "Prior chemotherapy for lung cancer. Patients treated with biologic agents are eligible.",
    "Prior chemotherapy. This includes patients enrolled in cohort B.",
])
def test_near_misses_of_widening_keep_antibodies_allowed(sentence: str) -> None:
    assert verdict("kras-g12d-post-nivo-ipi", exclusion=[sentence]) == "eligible"


def test_widening_a_requirement_is_not_read() -> None:
    sentence = "Must have progressed after platinum-based chemotherapy. This includes any biologic agent."
    assert verdict("no-driver-post-chemo-only", inclusion=[sentence]) == "eligible"


# --- a class narrowed by a closed bracketed list -----------------------------------------------------

NARROWED = [
    "Disease progression during first-line EGFR-TKI (gefitinib, erlotinib, or afatinib) treatment.",
    "Must have progressed on a prior EGFR tyrosine kinase inhibitor (erlotinib, afatinib or gefitinib).",
    "Documented radiological progression after an EGFR TKI (gefitinib, icotinib, erlotinib, or afatinib).",
]


@pytest.mark.parametrize("sentence", NARROWED)
@pytest.mark.parametrize(("who", "expected"), [
    ("egfr-l858r-post-gefitinib", "eligible"),
    # Another drug of the class: is the list exhaustive? A question, never an exclusion.
    ("egfr-l861q-post-osimertinib", "unknown"), ("egfr-c797s-post-osimertinib-chemo", "unknown"),
    # No drug of the class at all: outside, as for the class alone.
    ("met-amp-post-tepotinib", "excluded"), ("kras-g12v-post-chemo-io", "excluded"), ("unknown-drug", "unknown"),
])
def test_class_narrowed_by_closed_list(sentence: str, who: str, expected: str) -> None:
    if who == "egfr-l858r-post-gefitinib" and "icotinib" not in sentence and "gefitinib" not in sentence:
        expected = "unknown"
    assert verdict(who, inclusion=[sentence]) == expected


@pytest.mark.parametrize("sentence", [
    "Must have progressed on a prior EGFR TKI (e.g. gefitinib, erlotinib or afatinib).",
    "Must have progressed on a prior EGFR TKI (such as gefitinib, erlotinib, or afatinib).",
    "Must have progressed on a prior EGFR TKI (gefitinib, erlotinib, afatinib).",
    "Must have progressed on a prior EGFR TKI (gefitinib, erlotinib, afatinib, etc.).",
    "Must have progressed on a prior EGFR TKI (gefitinib, erlotinib, or other approved EGFR TKIs).",
])
def test_open_lists_leave_the_class(sentence: str) -> None:
    assert verdict("egfr-l861q-post-osimertinib", inclusion=[sentence]) == "eligible"
    assert verdict("met-amp-post-tepotinib", inclusion=[sentence]) == "excluded"


def test_a_ban_with_a_closed_list_is_unchanged() -> None:
    sentence = "Prior treatment with an EGFR TKI (gefitinib, erlotinib, or afatinib)."
    assert verdict("egfr-l861q-post-osimertinib", exclusion=[sentence]) == "excluded"


# --- a softening clause naming one of several required treatments -------------------------------------

ONE_PART_SOFT = [
    "Participant has had at least one prior systemic treatment for locally advanced or metastatic NSCLC, including "
    "platinum and a checkpoint inhibitor (CPI) therapy, unless the investigator affirms that a CPI was not "
    "medically indicated.",
    "At least one prior line of therapy including platinum-based chemotherapy and, if eligible, a checkpoint "
    "inhibitor.",
    "Progression after platinum chemotherapy and an anti-PD-1 antibody, unless the patient refused immunotherapy.",
    "Must have received a platinum doublet and, where appropriate, an anti-PD-1/PD-L1 antibody.",
]


@pytest.mark.parametrize("sentence", ONE_PART_SOFT)
@pytest.mark.parametrize(("who", "expected"), [
    ("kras-g12v-post-chemo-io", "eligible"),
    # No platinum at all: the firm part fails.
    ("egfr-l861q-post-osimertinib", "excluded"), ("met-amp-post-tepotinib", "excluded"),
    ("ret-post-pralsetinib", "excluded"), ("kras-g12d-post-nivo-ipi", "excluded"),
    # Platinum without a checkpoint inhibitor: the softened part is a question.
    ("no-driver-post-chemo-only", "unknown"), ("nrg1-post-chemo-lines-null", "unknown"),
    ("naive-lines-null", "unknown"), ("unknown-drug", "unknown"),
])
def test_softening_clause_names_one_part(sentence: str, who: str, expected: str) -> None:
    assert verdict(who, inclusion=[sentence]) == expected


@pytest.mark.parametrize("sentence", [
    "Prior platinum-based chemotherapy and a PD-1 inhibitor, unless medically unsuitable.",
    "Progression after platinum-based chemotherapy and anti-PD-1 therapy, unless the investigator judges otherwise.",
    "Prior platinum-based chemotherapy and, if eligible, a checkpoint inhibitor, or patients who refused "
    "chemotherapy.",
    "Must have progressed after platinum-based chemotherapy and anti-PD-1/PD-L1 therapy if eligible.",
])
def test_softening_of_the_whole_sentence_stays(sentence: str) -> None:
    assert verdict("met-amp-post-tepotinib", inclusion=[sentence]) == "unknown"


@pytest.mark.parametrize(("who", "expected"), [
    # A PD-L1 drug for an "anti-PD-1" requirement is a question, but no platinum at all still excludes.
    ("durvalumab-lines-null", "excluded"),
    # Platinum of unknown setting, no checkpoint inhibitor at all: outside.
    ("nrg1-post-chemo-lines-null", "excluded"),
    ("kras-g12v-post-chemo-io", "eligible"), ("unknown-drug", "unknown"),
])
def test_a_group_nothing_meets_excludes_beside_a_question(who: str, expected: str) -> None:
    sentence = ("Documented disease progression after receiving an anti-PD-1 antibody and platinum-based "
                "chemotherapy for stage IV disease.")
    assert verdict(who, inclusion=[sentence]) == expected
