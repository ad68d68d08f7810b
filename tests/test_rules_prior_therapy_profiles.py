"""Prior-therapy rules for treatment histories unlike the shared profiles, on invented criteria.

Histories: lines given with no drug named, (neo)adjuvant treatment only (drugs listed, no line for
advanced disease), unknown history, three or four lines, immunotherapy or chemotherapy only, antibody-drug
conjugates, bispecifics and recent drug names. Each kind of sentence comes with wordings that must
decide and near misses that must stay unknown or eligible.
"""

from __future__ import annotations

from typing import Any

import pytest

from trialmatch.criteria.rules import prior_therapy
from trialmatch.criteria.text import TrialText, split_criteria
from trialmatch.matching.profile import Profile, profile_from_dict

ALL_GENES = ["EGFR", "ALK", "ROS1", "BRAF", "MET", "RET", "ERBB2", "NTRK1", "NTRK2", "NTRK3", "KRAS"]


def _negative(*positive: str) -> list[str]:
    return [g for g in ALL_GENES if g not in positive]


PROFILES: dict[str, dict[str, Any]] = {
    "lines-without-drugs": {"tested_negative": ALL_GENES, "prior_therapies": [], "prior_lines": 2},
    "history-unknown": {"biomarkers": [{"gene": "EGFR", "alteration": "G719X"}], "prior_therapies": [],
                        "prior_lines": None},
    "adjuvant-chemo": {"tested_negative": ALL_GENES, "prior_therapies": ["carboplatin", "vinorelbine"],
                       "prior_lines": 0},
    "neoadjuvant-nivolumab-chemo": {"tested_negative": ALL_GENES, "prior_lines": 0,
                                    "prior_therapies": ["nivolumab", "cisplatin", "pemetrexed"]},
    "io-only": {"tested_negative": ALL_GENES, "prior_therapies": ["cemiplimab"], "prior_lines": 1},
    "chemo-only": {"tested_negative": ["EGFR", "ALK"], "prior_therapies": ["carboplatin", "nab-paclitaxel"],
                   "prior_lines": 1},
    "three-lines-adc": {"tested_negative": ALL_GENES, "prior_lines": 3,
                        "prior_therapies": ["carboplatin", "pemetrexed", "pembrolizumab", "docetaxel",
                                            "datopotamab deruxtecan"]},
    "ex20-amivantamab": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 20 insertion"}],
                         "tested_negative": _negative("EGFR"), "prior_lines": 1,
                         "prior_therapies": ["amivantamab", "carboplatin", "pemetrexed"]},
    "her2-sevabertinib": {"biomarkers": [{"gene": "ERBB2", "alteration": "exon 20 insertion"}],
                          "tested_negative": _negative("ERBB2"), "prior_lines": 2,
                          "prior_therapies": ["carboplatin", "pemetrexed", "tislelizumab", "sevabertinib"]},
    "post-osimertinib-only": {"biomarkers": [{"gene": "EGFR", "alteration": "L858R"}], "prior_lines": 1,
                              "tested_negative": _negative("EGFR"), "prior_therapies": ["osimertinib"]},
    "osimertinib-then-chemo": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}], "prior_lines": 2,
                               "tested_negative": _negative("EGFR"),
                               "prior_therapies": ["osimertinib", "carboplatin", "pemetrexed"]},
    "post-lazertinib": {"biomarkers": [{"gene": "EGFR", "alteration": "exon 19 deletion"}], "prior_lines": 1,
                        "tested_negative": _negative("EGFR"), "prior_therapies": ["amivantamab", "lazertinib"]},
    "nrg1-zenocutuzumab": {"biomarkers": [{"gene": "NRG1", "alteration": "fusion"}], "prior_lines": 2,
                           "prior_therapies": ["cisplatin", "pemetrexed", "zenocutuzumab"]},
}


def profile(name: str) -> Profile:
    return profile_from_dict(PROFILES[name])


def trial(inclusion: list[str] | None = None, exclusion: list[str] | None = None) -> TrialText:
    md = "Inclusion Criteria:\n\n" + "".join(f"{line}\n" if line.startswith(" ") else f"* {line}\n"
                                             for line in inclusion or ["Adults"])
    if exclusion:
        md += "\nExclusion Criteria:\n\n" + "".join(f"{line}\n" if line.startswith(" ") else f"* {line}\n"
                                                     for line in exclusion)
    return TrialText(nct_id="NCT00000000", title="A study", criteria=tuple(split_criteria(md)))


def verdict(text: TrialText, who: str) -> str:
    return prior_therapy.check(prior_therapy.parse(text), profile(who)).verdict


INC, EXC = "inclusion", "exclusion"

# A number of lines with no drug named: rules on named drugs are questions, never exclusions or passes.
LINES_WITHOUT_DRUGS = [
    (INC, "Progression on or after platinum-based chemotherapy", "unknown"),
    (INC, "Must have received prior anti-PD-1 or anti-PD-L1 therapy", "unknown"),
    (INC, "Disease progression on a first- or second-generation EGFR TKI", "unknown"),
    (EXC, "Prior treatment with docetaxel", "unknown"),
    (EXC, "Prior immune checkpoint inhibitor therapy", "unknown"),
    (INC, "No more than 3 prior lines of systemic therapy for metastatic disease", "eligible"),
    (INC, "At least 3 prior lines of therapy for advanced disease", "excluded"),
    (EXC, "Prior systemic therapy for metastatic NSCLC", "excluded"),
]


@pytest.mark.parametrize(("section", "sentence", "expected"), LINES_WITHOUT_DRUGS,
                         ids=[row[1][:40] for row in LINES_WITHOUT_DRUGS])
def test_lines_without_drug_names(section: str, sentence: str, expected: str) -> None:
    text = trial(inclusion=[sentence]) if section == INC else trial(exclusion=[sentence])
    assert verdict(text, "lines-without-drugs") == expected


def test_unknown_history_is_never_excluded() -> None:
    for section, sentence, _ in LINES_WITHOUT_DRUGS:
        text = trial(inclusion=[sentence]) if section == INC else trial(exclusion=[sentence])
        assert verdict(text, "history-unknown") != "excluded", sentence


# The disease is called advanced, the treatment's setting is not said: a drug had before the disease
# was advanced may count. Where the treatment's own setting is advanced, it does not.
@pytest.mark.parametrize(("sentence", "who", "expected"), [
    ("Diagnosed with stage IV NSCLC whose disease has progressed after receiving PD-1 antibody treatment",
     "neoadjuvant-nivolumab-chemo", "unknown"),
    ("Advanced NSCLC with acquired resistance to platinum-based chemotherapy", "adjuvant-chemo", "unknown"),
    ("Metastatic NSCLC that has progressed after anti-PD-1 therapy", "adjuvant-chemo", "excluded"),
    ("Progression on platinum-based chemotherapy given in the metastatic setting", "adjuvant-chemo", "excluded"),
    ("Progression on platinum doublet as first-line treatment for advanced disease", "adjuvant-chemo", "excluded"),
    # Locally advanced named: with no line for advanced disease, the drugs may have been for stage III.
    ("Must have progressed on anti-PD-1 therapy for locally advanced or metastatic disease",
     "neoadjuvant-nivolumab-chemo", "unknown"),
    ("Must have progressed on anti-PD-1 therapy for metastatic disease", "neoadjuvant-nivolumab-chemo", "excluded"),
])
def test_early_treatment_against_an_advanced_disease_requirement(sentence: str, who: str, expected: str) -> None:
    assert verdict(trial(inclusion=[sentence]), who) == expected


# "For patients treated with X / whose prior therapy was ..., <rule>": a rule for those patients only.
@pytest.mark.parametrize("sentence", [
    "For patients whose prior therapy was for stage I-III disease only, progression on platinum-based "
    "chemotherapy must have occurred within 6 months of the last dose.",
    "For patients treated with consolidation durvalumab, progression on durvalumab must have occurred "
    "within one year of starting it.",
    "For participants who received earlier treatment for recurrent disease, the participant must have received "
    "at least one line of platinum doublet or anti-PD-1 therapy.",
    "In patients previously treated with a targeted agent, progression on a platinum-containing regimen is "
    "also required.",
])
def test_history_lead_in_makes_a_rule_conditional(sentence: str) -> None:
    for who in ("io-only", "chemo-only", "adjuvant-chemo"):
        assert verdict(trial(inclusion=[sentence]), who) != "excluded", who


@pytest.mark.parametrize(("sentence", "who", "expected"), [
    # Near misses: a lead-in about the disease or a biomarker keeps the rule firm for everyone it names.
    ("For patients with metastatic NSCLC, progression on platinum-based chemotherapy is required.",
     "io-only", "excluded"),
    ("Patients must have progressed on platinum-based chemotherapy.", "io-only", "excluded"),
])
def test_other_lead_ins_keep_the_rule(sentence: str, who: str, expected: str) -> None:
    assert verdict(trial(inclusion=[sentence]), who) == expected


# A sentence cut inside brackets ("(e.g." then "Nivolumab or Pembrolizumab).") keeps its examples examples.
@pytest.mark.parametrize("sentence", [
    "Patients must have received a platinum-based regimen or anti-PD-1/PD-L1 therapy, alone or in combination "
    "(e.g. Nivolumab or Pembrolizumab).",
    "Must have had a platinum doublet or checkpoint inhibitor (i.e. Pembrolizumab, Nivolumab).",
    "Must have progressed on chemotherapy or immunotherapy (e.g. Docetaxel. Atezolizumab).",
])
def test_examples_cut_by_a_full_stop_stay_examples(sentence: str) -> None:
    assert verdict(trial(inclusion=[sentence]), "chemo-only") != "excluded"


@pytest.mark.parametrize(("sentence", "who", "expected"), [
    # CTLA-4 spelled out is no chemotherapy.
    ("Prior anti-PD-1 agent or an agent directed to another co-inhibitory T-cell receptor (eg, cytotoxic "
     "T lymphocyte-associated protein 4, OX-40)", "adjuvant-chemo", "eligible"),
    ("Prior agent targeting cytotoxic T-lymphocyte antigen 4", "chemo-only", "eligible"),
    ("Prior cytotoxic T-cell engager therapy", "chemo-only", "eligible"),
    # Near misses: cytotoxic treatment itself.
    ("Prior cytotoxic chemotherapy for metastatic disease", "chemo-only", "excluded"),
    ("Prior cytotoxic therapy for advanced NSCLC", "chemo-only", "excluded"),
])
def test_cytotoxic_t_cells_are_not_chemotherapy(sentence: str, who: str, expected: str) -> None:
    assert verdict(trial(exclusion=[sentence]), who) == expected


@pytest.mark.parametrize(("section", "sentence", "who", "expected"), [
    (EXC, "Prior treatment with a HER2-targeted tyrosine kinase inhibitor", "her2-sevabertinib", "excluded"),
    (EXC, "Prior HER2-directed therapy", "nrg1-zenocutuzumab", "excluded"),
    (EXC, "Prior treatment with an antibody-drug conjugate", "three-lines-adc", "excluded"),
    (EXC, "Prior treatment with a TROP2-directed ADC", "three-lines-adc", "excluded"),
    (EXC, "Prior EGFR-targeted antibody or bispecific", "ex20-amivantamab", "excluded"),
    (INC, "Progression on prior anti-PD-1 or anti-PD-L1 therapy", "her2-sevabertinib", "eligible"),
    (EXC, "Prior anti-PD-1 or anti-PD-L1 therapy", "io-only", "excluded"),
    (EXC, "Prior treatment with sotorasib or adagrasib", "her2-sevabertinib", "eligible"),
])
def test_recent_drug_names_are_placed(section: str, sentence: str, who: str, expected: str) -> None:
    text = trial(inclusion=[sentence]) if section == INC else trial(exclusion=[sentence])
    assert verdict(text, who) == expected


# "Progressed on X as their most recent line of therapy": X is required; "line of therapy" is X's role.
MOST_RECENT = [
    "Must have progressed on osimertinib, alone or in combination with other agents, as their most recent line "
    "of therapy.",
    "Radiological progression on osimertinib as the most recent line of treatment",
    "Disease progression on osimertinib, which must be the last line of systemic therapy received",
    "Participants must have progressed on or after osimertinib being the latest line of anticancer therapy.",
]


@pytest.mark.parametrize("sentence", MOST_RECENT, ids=[s[:40] for s in MOST_RECENT])
def test_most_recent_line_requires_the_drug(sentence: str) -> None:
    text = trial(inclusion=[sentence])
    assert verdict(text, "post-osimertinib-only") == "eligible"
    for who in ("post-lazertinib", "chemo-only", "io-only", "adjuvant-chemo"):
        assert verdict(text, who) == "excluded", who
    # Whether osimertinib came last is not in a list with other drugs: a question, not a pass.
    assert verdict(text, "osimertinib-then-chemo") == "unknown"
    assert verdict(text, "history-unknown") == "unknown"


@pytest.mark.parametrize(("sentence", "who", "expected"), [
    # Near misses: "or any other line of therapy" is a real second way in; a line count stays a count.
    ("Progressed on osimertinib or any other line of systemic therapy", "chemo-only", "eligible"),
    ("Progressed on osimertinib or on another line of therapy", "io-only", "eligible"),
    ("At least one prior line of therapy; osimertinib need not be the most recent line", "chemo-only", "eligible"),
    ("Progressed on the most recent line of therapy", "chemo-only", "eligible"),
])
def test_line_of_therapy_that_is_no_role_of_a_drug(sentence: str, who: str, expected: str) -> None:
    assert verdict(trial(inclusion=[sentence]), who) == expected
