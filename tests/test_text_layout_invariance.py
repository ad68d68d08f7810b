"""The registry writes the same criteria in many layouts; a verdict must not change when only the layout does.

Each invented trial below is read in its plain layout ("* " bullets, indented sub-bullets, one line per bullet) and
in layouts that say the same thing: a long bullet wrapped onto a line set flush under it (markdown's lazy
continuation), sub-bullets marked "o" or with a hollow bullet, comparison signs written as HTML entities
("&gt;=", "&lt;"), no-break spaces. Before, a flush wrapped line was a criterion of its own (its half-sentence read
alone: "after adjuvant platinum-based chemotherapy" became a requirement), an "o" sub-bullet was the rest of the bullet
above it (an exception joined to the rule it limits), "&gt;= 60" was no comparison, and "Inclusion\u00a0Criteria" no
heading. Every verdict of every dimension for several invented patients is compared.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tests.prior_therapy_cases import stage_iv_profile
from trialmatch.criteria.parse import DIMENSIONS, parse_text
from trialmatch.criteria.text import TrialText, plain, split_criteria
from trialmatch.matching.profile import Profile


def _trial(inclusion: list[str], exclusion: list[str]) -> str:
    """Criteria under the two usual headings, one line per bullet (a sub-bullet's indent as written)."""
    lines = ["Inclusion Criteria:", "", *inclusion, "", "Exclusion Criteria:", "", *exclusion]
    return "\n".join(lines) + "\n"


TRIALS = {
    "egfr_second_line": _trial(
        [
            "* Histologically or cytologically confirmed stage IV non-small cell lung cancer with an "
            "EGFR exon 19 deletion or L858R mutation documented by a local laboratory before "
            "enrolment",
            "* Radiological progression on or after osimertinib given as the most recent line of "
            "therapy for metastatic disease",
            "* ECOG performance status of 0 or 1 at screening, as assessed by the investigator "
            "within 7 days before the first dose",
            "* Age >= 18 years",
        ],
        [
            "* More than two prior lines of systemic therapy for advanced or metastatic disease, not "
            "counting adjuvant treatment",
            "* Symptomatic or untreated brain metastases; patients with treated brain metastases "
            "that are stable for at least 4 weeks are eligible",
        ],
    ),
    "first_line_io": _trial(
        [
            "* Previously untreated stage IV squamous or non-squamous NSCLC without a sensitizing "
            "EGFR mutation or ALK rearrangement",
            "* PD-L1 tumor proportion score >= 50% by a validated assay performed on a biopsy taken "
            "after the diagnosis of metastatic disease",
            "* Karnofsky performance status >= 70",
        ],
        [
            "* Prior treatment with an anti-PD-1, anti-PD-L1 or anti-CTLA-4 antibody in any setting, "
            "including adjuvant or neoadjuvant therapy",
            "* Active brain metastases or leptomeningeal disease:",
            "  * Patients with previously treated brain metastases may participate provided they are "
            "radiologically stable for 4 weeks",
            "  * Patients with untreated asymptomatic brain metastases smaller than 1 cm are not "
            "eligible",
        ],
    ),
    "kras_after_chemo_io": _trial(
        [
            "1. Locally advanced or metastatic NSCLC with a KRAS G12C mutation identified in tumour "
            "tissue or circulating tumour DNA",
            "2. Disease progression after platinum-based chemotherapy and a PD-1 or PD-L1 inhibitor, "
            "given together or one after the other, for advanced disease; or disease relapse within "
            "6 months after adjuvant platinum-based chemotherapy",
            "3. ECOG performance status <= 1",
        ],
        [
            "1. Prior treatment with a KRAS G12C inhibitor such as sotorasib or adagrasib",
            "2. Untreated or progressing central nervous system metastases",
        ],
    ),
    "cohorts": _trial(
        [
            "* Metastatic non-small cell lung cancer that progressed after at least one prior "
            "systemic therapy for metastatic disease",
            "* Cohort A: patients whose tumour harbours an ALK fusion and who progressed on at least "
            "one ALK tyrosine kinase inhibitor",
            "* Cohort B: patients whose tumour harbours a ROS1 fusion, with no more than one prior "
            "ROS1 inhibitor",
            "* WHO performance status 0-2",
        ],
        [
            "* Known active central nervous system metastases, unless asymptomatic and not requiring "
            "corticosteroids for at least 14 days before the first dose",
        ],
    ),
}

PATIENTS: dict[str, Profile] = {
    "egfr_post_osi": stage_iv_profile(biomarkers=[{"gene": "EGFR", "alteration": "exon 19 deletion"}],
                                      tested_negative=["ALK", "ROS1", "KRAS"], prior_therapies=["osimertinib"],
                                      prior_lines=1),
    "egfr_naive_ecog2": stage_iv_profile(biomarkers=[{"gene": "EGFR", "alteration": "L858R"}], ecog=2),
    "kras_post_chemo_io": stage_iv_profile(biomarkers=[{"gene": "KRAS", "alteration": "G12C"}],
                                           tested_negative=["EGFR", "ALK", "ROS1"], pdl1_tps=60,
                                           prior_therapies=["carboplatin", "pemetrexed", "pembrolizumab"],
                                           prior_lines=1, brain_metastases="active"),
    "alk_treated_brain": stage_iv_profile(biomarkers=[{"gene": "ALK", "alteration": "fusion"}],
                                          tested_negative=["EGFR"], prior_therapies=["alectinib"], prior_lines=1,
                                          brain_metastases="treated_stable"),
    "squamous_naive": stage_iv_profile(histology="squamous", tested_negative=["EGFR", "ALK"], pdl1_tps=80,
                                       ecog=0),
}

_BUL = re.compile(r"^(\s*)(\*|\d{1,3}\.)(\s+)(.*)$")


def _lines(text: str, change: Callable[[re.Match[str]], str]) -> str:
    return "\n".join(change(m) if (m := _BUL.match(line)) else line for line in text.split("\n"))


def _wrap_flush(text: str) -> str:
    """Every bullet longer than 80 characters broken near its middle, the rest set flush (no indent)."""
    def change(m: re.Match[str]) -> str:
        body = m.group(4)
        cut = body.find(" ", len(body) // 2)
        if len(body) <= 80 or cut < 0:
            return m.group(0)
        return f"{m.group(1)}{m.group(2)}{m.group(3)}{body[:cut]}\n{m.group(1)}{body[cut + 1:]}"
    return _lines(text, change)


def _sub_mark(mark: str) -> Callable[[str], str]:
    def apply(text: str) -> str:
        return _lines(text, lambda m: f"{m.group(1)}{mark} {m.group(4)}" if m.group(1) else m.group(0))
    return apply


def _entities(text: str) -> str:
    return text.replace(">=", "&gt;=").replace("<=", "&le;").replace(" < ", " &lt; ").replace(" > ", " &#62; ")


LAYOUTS: dict[str, Callable[[str], str]] = {
    "wrapped flush": _wrap_flush,
    "sub-bullets o": _sub_mark("o"),
    "sub-bullets hollow": _sub_mark("\u25e6"),
    "sub-bullets symbol font": _sub_mark("\uf0b7"),
    "html entities": _entities,
    "no-break spaces": lambda text: re.sub(r"(?<=\S) (?=\S)", "\u00a0", text),
    "narrow no-break spaces around signs": lambda text: re.sub(r" (?=[<>]=?)|(?<=[<>]=) ", "\u202f", text),
    "all at once": lambda text: _entities(_sub_mark("o")(_wrap_flush(text))).replace("Criteria", "Criteria\u00a0"),
}


def _verdicts(markdown: str) -> dict[tuple[str, str], str]:
    rules = parse_text(TrialText(nct_id="NCT00000000", title="A trial in lung cancer",
                                 criteria=tuple(split_criteria(markdown))))
    return {(who, dim): str(module.check(rules[dim], patient).verdict)
            for who, patient in PATIENTS.items() for dim, module in DIMENSIONS.items()}


@pytest.mark.parametrize("trial", sorted(TRIALS))
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_layout_change_keeps_every_verdict(trial: str, layout: str) -> None:
    original = TRIALS[trial]
    assert _verdicts(LAYOUTS[layout](original)) == _verdicts(original)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_layout_changes_some_trial(layout: str) -> None:
    assert any(LAYOUTS[layout](text) != text for text in TRIALS.values())


@pytest.mark.parametrize("trial", sorted(TRIALS))
def test_the_invented_trials_decide_something(trial: str) -> None:
    # A test of invariance is only as good as what it keeps: each trial excludes someone and keeps someone.
    verdicts = set(_verdicts(TRIALS[trial]).values())
    assert "excluded" in verdicts and "eligible" in verdicts


@pytest.mark.parametrize(("markdown", "texts"), [
    ("* Progression after platinum-based chemotherapy for metastatic disease; or relapse within\n"
     "6 months of adjuvant platinum-based chemotherapy\n* ECOG 0-1",
     ["Progression after platinum-based chemotherapy for metastatic disease; or relapse within 6 months of "
      "adjuvant platinum-based chemotherapy", "ECOG 0-1"]),
    ("1. No prior systemic therapy for\nadvanced disease\n2. Age >= 18",
     ["No prior systemic therapy for advanced disease", "Age >= 18"]),
    ("* Brain metastases are allowed if treated and stable.\nPatients on steroids must be on a stable dose.",
     ["Brain metastases are allowed if treated and stable. Patients on steroids must be on a stable dose."]),
    ("* Known EGFR mutation\n  * Exon 19 deletion or L858R, confirmed\nby a central laboratory",
     ["Known EGFR mutation", "Exon 19 deletion or L858R, confirmed by a central laboratory"]),
    # a long line ending with a colon is the rest of a sentence, not a heading
    ("* Patients must be considered inoperable. Patients with nodal recurrence after surgery for early-stage\n"
     "NSCLC are eligible if all of the following criteria are met at the time of enrolment:",
     ["Patients must be considered inoperable. Patients with nodal recurrence after surgery for early-stage NSCLC "
      "are eligible if all of the following criteria are met at the time of enrolment:"]),
])
def test_a_flush_line_right_under_a_bullet_goes_on_with_it(markdown: str, texts: list[str]) -> None:
    assert [c.text for c in split_criteria(markdown)] == texts


@pytest.mark.parametrize(("markdown", "texts"), [
    # a blank line between: a paragraph of its own
    ("* ECOG 0-1\n\nPatients with brain metastases are eligible.", ["ECOG 0-1",
                                                                    "Patients with brain metastases are eligible."]),
    # a lead-in ending with a colon: the unmarked lines after it are its items, each on its own
    ("* One of the following:\nEGFR exon 19 deletion\nEGFR L858R", None),
    # a heading, a group's heading and a lone "OR" stay what they are
    ("* ECOG 0-1\nExclusion Criteria:\n* Prior osimertinib", ["ECOG 0-1", "Prior osimertinib"]),
    ("* ECOG 0-1\nCohort B:\n* ROS1 fusion", None),
    # a short line from a capital to a colon heads the sub-bullets after it (another group's list)
    ("- For squamous NSCLC:\n  * PD-L1 TPS >= 1%\nFor urothelial carcinoma:\n  * Prior platinum",
     ["For squamous NSCLC:", "PD-L1 TPS >= 1%", "For urothelial carcinoma:", "Prior platinum"]),
    ("* Age >= 18\nMelanoma:\n  * BRAF V600 status known", ["Age >= 18", "Melanoma:", "BRAF V600 status known"]),
])
def test_what_is_no_wrapped_line_stays_apart(markdown: str, texts: list[str] | None) -> None:
    got = split_criteria(markdown)
    assert len(got) >= 2
    if texts is not None:
        assert [c.text for c in got] == texts
    if markdown.startswith("* ECOG 0-1\nExclusion"):
        assert [c.section for c in got] == ["inclusion", "exclusion"]


def test_a_lone_or_under_a_bullet_still_joins_the_alternatives() -> None:
    # (reader/continuations.py: "OR" on its own line makes one list of the bullets around it, as before)
    got = split_criteria("* EGFR exon 19 deletion\nOR\n* EGFR L858R")
    assert [c.text for c in got] == ["EGFR exon 19 deletion OR EGFR L858R"]


@pytest.mark.parametrize(("written", "read"), [
    ("ANC &gt;= 1.5 x 10^9/L", "ANC >= 1.5 x 10^9/L"),
    ("Gleason \\&lt;6", "Gleason <6"),
    ("ECOG &le; 1", "ECOG \u2264 1"),
    ("KPS &#8805; 70", "KPS \u2265 70"),
    ("PD-L1 &#x2265; 50%", "PD-L1 \u2265 50%"),
    ("Age&nbsp;&ge;&nbsp;18", "Age \u2265 18"),
    ("Inclusion\u00a0Criteria", "Inclusion Criteria"),
    ("EGFR\u200b mutation", "EGFR mutation"),
    # not entities: kept as written
    ("AT&T and R&D", "AT&T and R&D"),
    ("H&E stain; &lt without its semicolon", "H&E stain; &lt without its semicolon"),
    ("&madeup; &#0; &#xD800;", "&madeup; &#0; &#xD800;"),
])
def test_plain_reads_entities_and_spaces(written: str, read: str) -> None:
    assert plain(written) == read


@pytest.mark.parametrize("mark", ["o", "\u25e6", "\u25cb", "\u25a0", "\u2023", "\u2043", "\uf0b7", "\uf0a7"])
def test_a_word_processor_mark_is_a_sub_bullet(mark: str) -> None:
    got = split_criteria(f"* Brain metastases, except:\n    {mark} treated and stable for 4 weeks\n"
                         f"    {mark} asymptomatic, off steroids")
    assert [(c.text, c.depth) for c in got] == [("Brain metastases, except:", 0),
                                                ("treated and stable for 4 weeks", 1),
                                                ("asymptomatic, off steroids", 1)]


@pytest.mark.parametrize("line", ["oral intake possible", "or ALK fusion", "o"])
def test_a_word_starting_with_o_is_no_mark(line: str) -> None:
    got = split_criteria(f"* Able to swallow tablets\n  {line}")
    assert len(got) == 1 and got[0].text.endswith(line)
