"""The shortlist to take away: a printable PDF for the appointment and a CSV for nurses.

Trial text is untrusted: it is written as plain text (fpdf2 with markdown off), stripped of
control and bidi-override characters, and CSV cells that a spreadsheet would run as a formula
are quoted. Every trial is worded "Possible match: discuss with your doctor", never eligible.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos
from fpdf.fonts import TTFFont

from trialmatch.cache.geo import by_distance
from trialmatch.cache.models import Site, Trial
from trialmatch.matching.match import OPEN_SITE_STATUSES, TrialMatch
from trialmatch.matching.profile import Profile
from trialmatch.present.plain import (
    DIMENSION_NAMES,
    NOT_ADVICE,
    POSSIBLE_MATCH,
    badge,
    miles_words,
    phase_words,
    profile_lines,
    questions_for_doctor,
    status_words,
    what_to_check,
    why_it_may_fit,
)
from trialmatch.present.trial_view import contact_text, exclusion_reasons, trial_url

# Debian's fonts-dejavu-core; when absent the PDF falls back to a core font and latin-1 text.
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
SITES_PER_TRIAL = 3
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ASCII_FALLBACK = str.maketrans({
    "≥": ">=", "≤": "<=", "•": "-", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"',
    "…": "...", "×": "x", "µ": "u", "→": "->",
})


@dataclass(frozen=True)
class SiteContact:
    facility: str
    place: str
    miles: float | None
    contacts: str


@dataclass(frozen=True)
class ShortlistEntry:
    """One shortlisted trial with what the printout needs beyond the match."""

    match: TrialMatch
    sites: tuple[SiteContact, ...] = ()
    central_contacts: str = ""
    last_updated: str | None = None


def shortlist_entry(
    match: TrialMatch, trial: Trial | None, sites: Sequence[Site], origin: tuple[float, float] | None,
    limit: int = SITES_PER_TRIAL,
) -> ShortlistEntry:
    """The entry for a match: its nearest open sites (any sites if none is open) and central contacts."""
    open_sites = [s for s in sites if s.status in OPEN_SITE_STATUSES] or list(sites)
    nearest = [
        SiteContact(
            facility=site.facility or "Site",
            place=", ".join(p for p in (site.city, site.state, site.country) if p),
            miles=miles,
            contacts=contact_text(site.contacts or []),
        )
        for site, miles in by_distance(open_sites, origin)[:limit]
    ]
    return ShortlistEntry(
        match=match,
        sites=tuple(nearest),
        central_contacts=contact_text(trial.central_contacts or []) if trial else "",
        last_updated=trial.last_update_posted if trial else match.candidate.last_update_posted,
    )


def safe_text(text: str | None) -> str:
    """Printable text: control, format (bidi overrides), surrogate and private-use characters dropped."""
    kept = []
    for ch in text or "":
        category = unicodedata.category(ch)
        if ch in "\n\t" or category[0] != "C":
            kept.append(ch)
    return "".join(kept)


@cache
def _font_files() -> tuple[Path, Path] | None:
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


class _ShortlistPDF(FPDF):
    """A4 pages, a Unicode font when one is installed, page numbers in the footer."""

    def __init__(self, font_files: tuple[Path, Path] | None) -> None:
        super().__init__(format="A4")
        self.set_auto_page_break(auto=True, margin=15)
        self.set_title("Clinical trials to discuss with my doctor")
        if font_files is not None:
            self.add_font("body", "", str(font_files[0]))
            self.add_font("body", "B", str(font_files[1]))
            self._family = "body"
            font = self.fonts["body"]
            self._glyphs: frozenset[int] | None = frozenset(font.cmap) if isinstance(font, TTFFont) else None
        else:
            self._family = "helvetica"
            self._glyphs = None

    def printable(self, text: str) -> str:
        text = safe_text(text)
        if self._glyphs is not None:
            return "".join(ch if ord(ch) in self._glyphs or ch in "\n\t" else "?" for ch in text)
        decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_FALLBACK))
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        return bare.encode("latin-1", "replace").decode("latin-1")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self._family, "", 8)
        self.cell(0, 6, self.printable(f"{POSSIBLE_MATCH}.  Page {self.page_no()}"), align="C")

    def heading(self, text: str, size: int = 13) -> None:
        self.set_font(self._family, "B", size)
        self.multi_cell(0, size * 0.55, self.printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def para(self, text: str, size: int = 10, bold: bool = False) -> None:
        self.set_font(self._family, "B" if bold else "", size)
        self.multi_cell(0, 5, self.printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT,
                        wrapmode=WrapMode.CHAR if _has_long_word(text) else WrapMode.WORD)

    def bullets(self, items: Sequence[str], empty: str) -> None:
        for item in items or [empty]:
            self.para(f"•  {item}" if items else empty)
        self.ln(1)


def _has_long_word(text: str) -> bool:
    """A word wider than a page line (a URL, a run of symbols) must be cut anywhere, not at spaces."""
    return any(len(word) > 60 for word in text.split())


def shortlist_pdf(
    profile: Profile, entries: Sequence[ShortlistEntry], *, today: date | None = None,
    data_as_of: str | None = None,
) -> bytes:
    """The printable shortlist: the profile in plain words, then each trial with why it may fit,
    what to check, nearest site contacts and questions for the doctor."""
    pdf = _ShortlistPDF(_font_files())
    pdf.add_page()
    pdf.heading("Clinical trials to discuss with my doctor", size=16)
    stamp = f"Printed {(today or date.today()).isoformat()}"
    if data_as_of:
        stamp += f"; trial information as of {data_as_of}"
    pdf.para(stamp, size=9)
    pdf.ln(2)
    pdf.para(f"{POSSIBLE_MATCH}. {NOT_ADVICE}", bold=True)
    pdf.ln(2)
    pdf.heading("About me")
    pdf.bullets(profile_lines(profile), "")
    if not entries:
        pdf.para("No trials were shortlisted.")
    for number, entry in enumerate(entries, start=1):
        _trial_section(pdf, number, entry)
    return bytes(pdf.output())


def _trial_section(pdf: _ShortlistPDF, number: int, entry: ShortlistEntry) -> None:
    m = entry.match
    c = m.candidate
    pdf.ln(2)
    pdf.heading(f"{number}. {c.title}", size=12)
    pdf.para(f"{c.nct_id} · {phase_words(c.phases)} · {status_words(c.status)}", size=9)
    pdf.para(c.kind_words, size=9)
    if m.verdict == "possible":
        pdf.para(POSSIBLE_MATCH, bold=True)
    else:
        pdf.para("The computer read a criterion that may not fit you: ask your doctor.", bold=True)
        pdf.bullets(exclusion_reasons(m), "")
    pdf.para("Why it may fit:", bold=True)
    pdf.bullets(why_it_may_fit(m), "Nothing we read rules you out; the trial states no requirement we could check.")
    pdf.para("What to check:", bold=True)
    pdf.bullets(what_to_check(m), "Nothing flagged by the computer; the trial team checks every criterion.")
    pdf.para("Nearest sites and contacts:", bold=True)
    site_lines = [_site_line(s) for s in entry.sites]
    if entry.central_contacts:
        site_lines.append(f"Trial contact: {entry.central_contacts}")
    pdf.bullets(site_lines, "No contact listed: use the trial's page below.")
    pdf.para("Questions to ask my doctor:", bold=True)
    pdf.bullets(questions_for_doctor(m), "")
    more = trial_url(c.nct_id) or c.nct_id
    if entry.last_updated:
        more += f" (last updated {entry.last_updated})"
    pdf.para(f"More: {more}", size=9)


def _site_line(site: SiteContact) -> str:
    where = ", ".join(p for p in (site.facility, site.place) if p)
    if site.miles is not None:
        where += f" ({miles_words(site.miles)})"
    return f"{where}: {site.contacts}" if site.contacts else where


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: formula-like values are prefixed with a quote."""
    text = "" if value is None else safe_text(str(value)).replace("\n", " ")
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def shortlist_csv(entries: Sequence[ShortlistEntry]) -> str:
    """One row per trial: overall wording, nearest site, then per dimension its badge, evidence and reason."""
    dimensions = list(DIMENSION_NAMES)
    for entry in entries:
        dimensions += [d for d in entry.match.dimensions if d not in dimensions]
    header = ["nct_id", "title", "overall", "status", "phases", "kind", "nearest_site", "nearest_place",
              "nearest_miles"]
    for name in dimensions:
        header += [f"{name}_verdict", f"{name}_evidence", f"{name}_reason"]
    header += ["site_contacts", "trial_contacts", "url", "last_updated"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for entry in entries:
        m, c = entry.match, entry.match.candidate
        nearest = m.nearest
        row: list[object] = [
            c.nct_id, c.title,
            POSSIBLE_MATCH if m.verdict == "possible" else "does not fit: " + "; ".join(exclusion_reasons(m)),
            status_words(c.status), phase_words(c.phases), c.kind_words,
            nearest.site.facility if nearest else "",
            nearest.site.place if nearest else c.distance_unknown_words() if m.distance_unknown else "",
            round(nearest.miles, 1) if nearest else "",
        ]
        for name in dimensions:
            finding = m.dimensions.get(name)
            row += [badge(finding.verdict), finding.evidence, finding.reason] if finding else ["", "", ""]
        row += [
            " | ".join(_site_line(s) for s in entry.sites), entry.central_contacts,
            trial_url(c.nct_id) or "", entry.last_updated or "",
        ]
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()

