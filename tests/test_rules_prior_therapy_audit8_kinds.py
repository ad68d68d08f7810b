"""Prior-therapy sentence kinds from an audit with invented profiles: a ban on therapy "(directly) targeting" a
gene ("Prior systemic therapy specifically targeting KRAS G12C") is a ban on that gene's drug class, never on all
therapy; "experimental agents that target BRAF" may not mean an approved BRAF inhibitor; a drug "as first-line
therapy" already had, with later lines after it; a first line told as "first-line platinum ... failed" or
"progression or recurrence following first-line platinum"; line caps said as an allowance ("No more than 2 prior
lines are allowed"). A false exclusion is the worst error: open wording gives unknown."""

from __future__ import annotations

from typing import Any

import pytest

from tests.prior_therapy_cases import prior_verdict

GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS", "NRG1"]
PATIENTS: dict[str, dict[str, Any]] = {
    "naive": {"tested_negative": GENES, "prior_therapies": [], "prior_lines": 0},
    "adjuvant-only": {"tested_negative": GENES, "prior_therapies": ["cisplatin", "vinorelbine"], "prior_lines": 0},
    "durvalumab-consolidation": {"tested_negative": GENES, "prior_lines": 0,
                                 "prior_therapies": ["carboplatin", "paclitaxel", "durvalumab"]},
    "io-only": {"tested_negative": GENES, "prior_therapies": ["pembrolizumab"], "prior_lines": 1},
    "chemo-io": {"biomarkers": [{"gene": "KRAS", "alteration": "G12V"}], "prior_lines": 1,
                 "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab"]},
    "alk-two-tkis": {"biomarkers": [{"gene": "ALK", "alteration": "fusion"}], "prior_lines": 2,
                     "prior_therapies": ["alectinib", "lorlatinib"]},
    "ros1-crizotinib": {"biomarkers": [{"gene": "ROS1", "alteration": "fusion"}], "prior_lines": 1,
                        "prior_therapies": ["crizotinib"]},
    "braf-dab-tram": {"biomarkers": [{"gene": "BRAF", "alteration": "V600E"}], "prior_lines": 1,
                      "prior_therapies": ["dabrafenib", "trametinib"]},
    "g12c-sotorasib": {"biomarkers": [{"gene": "KRAS", "alteration": "G12C"}], "prior_lines": 2,
                       "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "sotorasib"]},
    "ret-selpercatinib": {"biomarkers": [{"gene": "RET", "alteration": "fusion"}], "prior_lines": 1,
                          "prior_therapies": ["selpercatinib"]},
    "her2-tdxd": {"biomarkers": [{"gene": "ERBB2", "alteration": "exon 20 insertion"}], "prior_lines": 2,
                  "prior_therapies": ["carboplatin", "pemetrexed", "trastuzumab deruxtecan"]},
    "met-capmatinib": {"biomarkers": [{"gene": "MET", "alteration": "exon 14 skipping"}], "prior_lines": 1,
                       "prior_therapies": ["capmatinib"]},
    "egfr-osimertinib-3-lines": {"biomarkers": [{"gene": "EGFR", "alteration": "C797S"}], "prior_lines": 3,
                                 "prior_therapies": ["osimertinib", "carboplatin", "pemetrexed", "docetaxel"]},
    "egfr-osimertinib-1-line": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "prior_lines": 1,
                                "prior_therapies": ["osimertinib"]},
    "egfr-afatinib": {"biomarkers": [{"gene": "EGFR", "alteration": "G719X"}], "prior_lines": 1,
                      "prior_therapies": ["afatinib"]},
}


def verdict(who: str, inclusion: list[str] | None = None, exclusion: list[str] | None = None) -> str:
    return prior_verdict(PATIENTS[who], inclusion or [], exclusion or [])


# --- A. "prior therapy (directly) targeting X": a ban on X's drug class ---------------------------------------

TARGETING = [
    # (sentence, a patient who had that class)
    ("Prior therapy directly targeting ALK.", "alk-two-tkis"),
    ("Prior systemic therapy targeting ALK.", "alk-two-tkis"),
    ("Prior treatment specifically targeting the ALK gene.", "alk-two-tkis"),
    ("Previous therapy aimed at anaplastic lymphoma kinase.", "alk-two-tkis"),
    ("Prior systemic therapy directly targeting ROS1.", "ros1-crizotinib"),
    ("Prior therapy specifically targeting KRAS G12C.", "g12c-sotorasib"),
    ("Prior anticancer treatment with agents that target KRAS G12C.", "g12c-sotorasib"),
    ("Prior therapy targeting RET.", "ret-selpercatinib"),
    ("Prior systemic treatment selectively directed against RET.", "ret-selpercatinib"),
    ("Prior therapy targeting c-MET.", "met-capmatinib"),
    ("Prior treatment with drugs directed at the MET pathway.", "met-capmatinib"),
    ("Prior therapy targeting BRAF.", "braf-dab-tram"),
    ("Prior therapy targeting HER2.", "her2-tdxd"),
    ("Prior targeted therapy against ALK.", "alk-two-tkis"),
    ("Any prior therapy targeting ROS1 or ALK.", "alk-two-tkis"),
    ("Prior therapy targeting ALK, ROS1, or BRAF.", "braf-dab-tram"),
]
# Patients who had treatment, none of it of the named class.
OTHERS = ["io-only", "adjuvant-only", "chemo-io", "durvalumab-consolidation", "egfr-osimertinib-1-line"]


@pytest.mark.parametrize(("sentence", "who"), TARGETING)
def test_therapy_targeting_a_gene_bans_its_class(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) == "excluded"


@pytest.mark.parametrize(("sentence", "_"), TARGETING)
@pytest.mark.parametrize("who", OTHERS)
def test_therapy_targeting_a_gene_is_no_ban_on_all_therapy(sentence: str, _: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) != "excluded"


@pytest.mark.parametrize("sentence", [
    "Prior therapy directly targeting NRG1.",
    "Prior treatment specifically targeting HER3.",
    "Prior systemic therapy targeting claudin 18.2.",
])
@pytest.mark.parametrize("who", ["io-only", "adjuvant-only", "chemo-io"])
def test_therapy_targeting_an_unknown_gene_is_no_ban_on_all_therapy(sentence: str, who: str) -> None:
    assert verdict(who, exclusion=[sentence]) != "excluded"


@pytest.mark.parametrize("sentence", ["Prior systemic therapy.", "Any prior therapy for NSCLC.",
                                      "Prior systemic treatment for advanced disease."])
def test_near_miss_plain_prior_therapy_still_bans_all_therapy(sentence: str) -> None:
    assert verdict("io-only", exclusion=[sentence]) == "excluded"
    assert verdict("naive", exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", ["Prior therapy targeting ALK fusions.", "Prior therapy targeting ALK."])
def test_near_miss_a_gene_not_listed_is_not_banned(sentence: str) -> None:
    assert verdict("ros1-crizotinib", exclusion=[sentence]) == "excluded"  # crizotinib is an ALK inhibitor too
    assert verdict("ret-selpercatinib", exclusion=[sentence]) == "eligible"


# --- A2. "experimental / investigational" agents of a class -----------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Prior use of experimental agents that target the KRAS/BRAF/MEK/ERK pathway.",
    "Prior investigational BRAF inhibitors.",
    "Previous treatment with any experimental drug targeting BRAF.",
])
def test_experimental_agents_of_a_class_leave_an_approved_drug_open(sentence: str) -> None:
    assert verdict("braf-dab-tram", exclusion=[sentence]) == "unknown"
    assert verdict("io-only", exclusion=[sentence]) == "eligible"


@pytest.mark.parametrize("sentence", [
    "Previous treatment with sotorasib or any experimental anti-KRAS agent.",
    "Prior sotorasib, or investigational KRAS inhibitors.",
])
def test_near_miss_a_named_drug_beside_experimental_agents_is_still_banned(sentence: str) -> None:
    assert verdict("g12c-sotorasib", exclusion=[sentence]) == "excluded"


def test_near_miss_a_plain_class_ban_still_excludes() -> None:
    assert verdict("braf-dab-tram", exclusion=["Prior BRAF inhibitor therapy."]) == "excluded"


# --- B. a drug "as first-line therapy" already had, with later lines after it ------------------------------------

FIRST_LINE_DRUG = [
    # (sentence, had it with later lines, had it as the only line, never had it but treated)
    ("Use of third-generation EGFR-TKIs approved for NSCLC as first-line therapy.", "egfr-osimertinib-3-lines",
     "egfr-osimertinib-1-line", "egfr-afatinib"),
    ("Treated with osimertinib as first-line therapy.", "egfr-osimertinib-3-lines", "egfr-osimertinib-1-line",
     "chemo-io"),
    ("Alectinib as first-line therapy.", "alk-two-tkis", None, "ros1-crizotinib"),
    ("Osimertinib or alectinib as first-line treatment.", "alk-two-tkis", "egfr-osimertinib-1-line", "io-only"),
    ("Treatment with a third generation EGFR TKI as the first-line therapy.", "egfr-osimertinib-3-lines",
     "egfr-osimertinib-1-line", "egfr-afatinib"),
]


@pytest.mark.parametrize(("sentence", "later", "only", "other"), FIRST_LINE_DRUG)
def test_the_drug_as_first_line_with_later_lines_is_a_question(sentence: str, later: str, only: str | None,
                                                               other: str) -> None:
    assert verdict(later, [sentence]) == "unknown"
    if only is not None:
        assert verdict(only, [sentence]) == "eligible"
    assert verdict(other, [sentence]) == "excluded"  # another first line had: neither reading lets it in
    assert verdict("naive", [sentence]) == "eligible"  # the line still to start


@pytest.mark.parametrize("sentence", [
    "Currently receiving osimertinib as first-line therapy.",
    "Planned to receive osimertinib as first-line therapy.",
    "Eligible for first-line therapy.",
])
def test_near_miss_a_line_going_on_or_to_come_keeps_its_cap(sentence: str) -> None:
    assert verdict("egfr-osimertinib-3-lines", [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Use of third-generation EGFR-TKIs approved for NSCLC as first-line therapy.",
    "Treated with osimertinib or aumolertinib as first-line therapy.",
])
@pytest.mark.parametrize("earlier", ["gefitinib", "erlotinib", "afatinib"])
def test_near_miss_a_third_generation_tki_after_an_earlier_one_was_no_first_line(sentence: str, earlier: str) -> None:
    patient = {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "prior_lines": 2,
               "prior_therapies": [earlier, "osimertinib"]}
    assert prior_verdict(patient, [sentence]) == "excluded"


# --- C. a recurrence after first-line platinum: an early relapse may be that line ----------------------------------

RECURRENCE = [
    "Radiologically confirmed progression or recurrence of disease during or following first line therapy with a "
    "platinum-based chemotherapy regimen.",
    "Disease recurrence after first-line platinum-based doublet.",
    "Relapsed on or after front-line platinum chemotherapy.",
]


@pytest.mark.parametrize("sentence", RECURRENCE)
def test_recurrence_after_first_line_platinum_leaves_early_platinum_a_question(sentence: str) -> None:
    assert verdict("adjuvant-only", [sentence]) == "unknown"
    assert verdict("durvalumab-consolidation", [sentence]) == "unknown"
    assert verdict("chemo-io", [sentence]) == "eligible"
    assert verdict("io-only", [sentence]) == "excluded"  # a line without platinum
    assert verdict("naive", [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", ["Progression following first-line platinum-based chemotherapy.",
                                      "Progressed on first-line platinum doublet."])
def test_near_miss_progression_alone_still_asks_for_the_line(sentence: str) -> None:
    assert verdict("adjuvant-only", [sentence]) == "excluded"


# --- D. a line cap said as an allowance ------------------------------------------------------------------------

CAP_ALLOWED = [
    ("No more than 2 prior lines are allowed.", 2),
    ("Up to 2 prior lines of systemic therapy are permitted.", 2),
    ("A maximum of one prior regimen is allowed.", 1),
    ("At most three previous treatment lines for advanced disease are acceptable.", 3),
]
LINES = {1: "io-only", 2: "alk-two-tkis", 3: "egfr-osimertinib-3-lines"}


@pytest.mark.parametrize(("sentence", "cap"), CAP_ALLOWED)
def test_a_cap_said_as_an_allowance_is_still_a_cap(sentence: str, cap: int) -> None:
    assert verdict(LINES[cap], [sentence]) == "eligible"
    assert verdict("naive", [sentence]) == "eligible"
    over = {**PATIENTS["egfr-osimertinib-3-lines"], "prior_lines": cap + 1}
    assert prior_verdict(over, [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", [
    "Prior chemotherapy is allowed.",
    "Treatment-naive or previously treated patients are eligible.",
    "Prior adjuvant chemotherapy is allowed (up to 4 cycles).",
    "At least one prior line is allowed.",
])
def test_near_miss_an_allowance_without_a_ceiling_sets_no_rule(sentence: str) -> None:
    assert verdict("egfr-osimertinib-3-lines", [sentence]) == "eligible"
    assert verdict("naive", [sentence]) == "eligible"


# --- E. a first-line platinum doublet told as failed asks for platinum ------------------------------------------

FAILED_DOUBLET = [
    "First-line therapy with a platinum doublet has failed.",
    "1st line platinum doublet with or without pembrolizumab failed.",
    "First-line platinum doublet, with or without a PD-1 inhibitor, failed.",
    "First-line therapy consisted of a platinum doublet, which failed.",
    "First-line platinum doublet chemotherapy that failed.",
]


@pytest.mark.parametrize("sentence", FAILED_DOUBLET)
def test_a_failed_first_line_platinum_doublet_asks_for_platinum(sentence: str) -> None:
    assert verdict("chemo-io", [sentence]) == "eligible"
    assert verdict("g12c-sotorasib", [sentence]) == "eligible"  # later lines after it: no cap
    assert verdict("io-only", [sentence]) == "excluded"  # a first line without platinum
    assert verdict("naive", [sentence]) == "excluded"


@pytest.mark.parametrize("sentence", ["Docetaxel with or without ramucirumab is planned.",
                                      "Eligible for first-line platinum doublet chemotherapy."])
def test_near_miss_a_planned_doublet_asks_for_no_platinum_had(sentence: str) -> None:
    assert verdict("naive", [sentence]) == "eligible"
