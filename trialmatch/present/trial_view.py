"""What the page shows, computed without Streamlit: counts, charts' data, a trial's marked criteria.

Everything that turns trial text into markdown escapes it here (plain.escape_markdown), so the
page never renders untrusted text as markdown or HTML.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from trialmatch.cache.geo import by_distance
from trialmatch.cache.models import Site, Trial
from trialmatch.criteria.rules.base import Finding
from trialmatch.criteria.text import Criterion, split_criteria
from trialmatch.criteria.vocab import load
from trialmatch.matching.match import Candidate, TrialMatch
from trialmatch.present.plain import dimension_name, escape_markdown, lower_first, status_words

NCT_ID = re.compile(r"^NCT\d{8}$")
RECRUITING = "RECRUITING"
DECIDING_MARK = ":blue-badge[:material/flag: deciding]"
PDL1_LABEL = "PD-L1"
_PDL1 = re.compile(r"\bPD-?L1\b", re.I)
# Aliases that are ordinary words or too short to count as a gene when seen in a title.
_AMBIGUOUS_ALIASES = frozenset({"neu", "NUT", "p53"})


def trial_url(nct_id: str) -> str | None:
    """The trial's ClinicalTrials.gov page, only for a well-formed NCT id (never a link built from junk)."""
    return f"https://clinicaltrials.gov/study/{nct_id}" if NCT_ID.match(nct_id) else None


def split_results(matches: Iterable[TrialMatch]) -> tuple[list[TrialMatch], list[TrialMatch]]:
    """(possible, excluded), each keeping the matcher's order."""
    possible: list[TrialMatch] = []
    excluded: list[TrialMatch] = []
    for m in matches:
        (possible if m.verdict == "possible" else excluded).append(m)
    return possible, excluded


def exclusion_reasons(match: TrialMatch) -> list[str]:
    """Why a trial does not fit, one plain line per deciding dimension."""
    return [f"{dimension_name(name)}: {match.dimensions[name].reason}" for name in match.exclusions]


@dataclass(frozen=True)
class MarkedCriterion:
    """One criterion of a trial, with the dimensions whose verdict it decided (empty: not deciding)."""

    criterion: Criterion
    decided: tuple[str, ...]


def _evidence_core(evidence: str) -> str:
    return evidence.removesuffix(" …").removesuffix("…").strip()


def marked_criteria(eligibility: str | None, findings: Mapping[str, Finding]) -> list[MarkedCriterion]:
    """The full criteria with the ones a finding quoted marked; evidence is a (possibly cut) quote of one."""
    quotes = [(name, _evidence_core(f.evidence)) for name, f in findings.items() if f.evidence]
    marked = []
    for criterion in split_criteria(eligibility, entry_only=False):  # the full text, later steps too
        decided = tuple(name for name, quote in quotes if quote and quote in criterion.text)
        marked.append(MarkedCriterion(criterion, decided))
    return marked


def criteria_markdown(marked: Sequence[MarkedCriterion]) -> str:
    """Escaped markdown: a heading per section, indented bullets, deciding criteria flagged and bold."""
    lines: list[str] = []
    section = None
    for item in marked:
        c = item.criterion
        if c.section != section:
            section = c.section
            title = {"inclusion": "Who can join", "exclusion": "Who cannot join"}.get(section, "Other")
            lines.extend(["", f"**{title}**", ""])
        text = escape_markdown(c.text)
        if item.decided:
            names = ", ".join(lower_first(dimension_name(n)) for n in item.decided)
            text = f"{DECIDING_MARK} **{text}** *(behind the badge on {escape_markdown(names)})*"
        lines.append(f"{'  ' * min(c.depth, 4)}- {text}")
    return "\n".join(lines).strip()


@cache
def _gene_patterns() -> dict[str, re.Pattern[str]]:
    patterns = {}
    for symbol, names in load("genes")["genes"].items():
        spellings = sorted({symbol, *names} - _AMBIGUOUS_ALIASES, key=len, reverse=True)
        words = "|".join(re.escape(s) for s in spellings)
        patterns[symbol] = re.compile(rf"(?<![A-Za-z0-9])(?:{words})(?![A-Za-z0-9])")
    return patterns


def biomarkers_named(candidate: Candidate) -> set[str]:
    """Genes (and PD-L1) named in a trial's title or conditions: what the trial is about, for charts."""
    text = " | ".join([candidate.title, *candidate.conditions])
    found = {gene for gene, pattern in _gene_patterns().items() if pattern.search(text)}
    if _PDL1.search(text):
        found.add(PDL1_LABEL)
    return found


def recruiting_by_biomarker(index: Iterable[Candidate]) -> dict[str, int]:
    """Recruiting trials per biomarker named in the title or conditions, most first."""
    counts: Counter[str] = Counter()
    for candidate in index:
        if candidate.status == RECRUITING:
            counts.update(biomarkers_named(candidate))
    return dict(counts.most_common())


def recruiting_by_phase(index: Iterable[Candidate]) -> dict[str, int]:
    """Recruiting trials per phase (a phase 1/2 trial counts in both); "NA" for none."""
    counts: Counter[str] = Counter()
    for candidate in index:
        if candidate.status == RECRUITING:
            counts.update(candidate.phases or ("NA",))
    return dict(sorted(counts.items()))


def new_since(index: Iterable[Candidate], when: datetime | None) -> list[Candidate]:
    """Trials first seen in the cache at or after `when` (the latest sync's start), newest first."""
    if when is None:
        return []
    stamp = _naive_utc(when)
    fresh = [c for c in index if c.first_seen is not None and _naive_utc(c.first_seen) >= stamp]
    return sorted(fresh, key=lambda c: (_naive_utc(c.first_seen), c.nct_id), reverse=True)  # type: ignore[arg-type]


def _naive_utc(moment: datetime) -> datetime:
    """SQLite hands datetimes back naive (they are stored in UTC): compare everything that way."""
    return moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)


def contact_text(contacts: Iterable[Mapping[str, Any]]) -> str:
    """Contacts as one line: "Name, phone ext 12, email; Name2, ..."."""
    parts = []
    for contact in contacts:
        phone = contact.get("phone") or ""
        if phone and contact.get("phone_ext"):
            phone = f"{phone} ext {contact['phone_ext']}"
        fields = [str(v) for v in (contact.get("name"), phone, contact.get("email")) if v]
        if fields:
            parts.append(", ".join(fields))
    return "; ".join(parts)


def site_rows(sites: Sequence[Site], origin: tuple[float, float] | None) -> list[dict[str, Any]]:
    """A trial's sites for a table, nearest first when the patient gave a place."""
    rows = []
    for site, miles in by_distance(sites, origin):
        place = ", ".join(p for p in (site.city, site.state, site.country) if p)
        rows.append({
            "Site": site.facility or "",
            "Place": place,
            "Miles": round(miles) if miles is not None else None,
            "Status": status_words(site.status) if site.status else "",
            "Contact": contact_text(site.contacts or []),
        })
    return rows


def arms_lines(trial: Trial) -> list[tuple[str, str]]:
    """(arm label, its drugs and description) for each arm; interventions alone if no arms are listed."""
    lines = []
    for arm in trial.arms or []:
        drugs = ", ".join(str(d) for d in arm.get("interventions") or [])
        body = " — ".join(p for p in (drugs, str(arm.get("description") or "")) if p)
        lines.append((str(arm.get("label") or "Arm"), body))
    if not lines:
        for item in trial.interventions or []:
            lines.append((str(item.get("name") or "Treatment"), str(item.get("description") or "")))
    return lines
