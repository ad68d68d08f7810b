"""`trialmatch digest` output: one self-contained HTML file, Markdown, or CSV.

Trial text is untrusted. HTML: every piece of it is escaped (html.escape after dropping control
and bidi characters), the file has no script and no external resource, and a Content Security
Policy forbids scripts should anything slip through. Markdown: plain.escape_markdown. CSV:
export's cell quoting, so a spreadsheet never runs trial text as a formula. Every trial is
worded "Possible match: discuss with your doctor", never eligible.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from typing import Literal

from trialmatch.criteria.rules.base import UNKNOWN
from trialmatch.matching.match import TrialMatch
from trialmatch.present.digest import CHANGE_WORDS, ProfileDigest, since_words
from trialmatch.present.export import _cell as csv_cell
from trialmatch.present.export import safe_text
from trialmatch.present.plain import (
    DIMENSION_NAMES,
    NOT_ADVICE,
    POSSIBLE_MATCH,
    badge,
    dimension_name,
    escape_markdown,
    phase_words,
    status_words,
)
from trialmatch.present.trial_view import trial_url

Format = Literal["html", "md", "csv"]
TITLE = "What is new in lung cancer trials"
_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:44rem;
padding:1rem;line-height:1.45;color:#1b1b1b;background:#fff;overflow-wrap:anywhere}
h1{font-size:1.4rem}h2{font-size:1.2rem;border-top:2px solid #ccc;padding-top:1rem}h3{font-size:1.05rem}
.trial{border:1px solid #ccc;border-radius:.5rem;padding:.5rem .9rem;margin:.8rem 0}
.trial h4{margin:.3rem 0;font-size:1rem}.meta{color:#555;font-size:.9rem;margin:.2rem 0}
.change{display:inline-block;background:#e8f0fe;color:#174ea6;border-radius:.3rem;padding:0 .4rem;font-weight:600}
.badge{display:inline-block;border-radius:.3rem;padding:0 .4rem;font-size:.85rem;font-weight:600}
.eligible{background:#e6f4ea;color:#137333}.unknown{background:#fef7e0;color:#8a4b00}
.excluded{background:#fce8e6;color:#a50e0e}
ul.dims{padding-left:1.1rem}blockquote{margin:.2rem 0 .4rem .5rem;padding-left:.6rem;border-left:3px solid #ddd;
color:#333;font-style:italic}.note{color:#555;font-size:.9rem}a{color:#174ea6}
"""
# No script, no frame, no request anywhere: even an escaping bug could not run code.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"


def render(digests: Sequence[ProfileDigest], fmt: Format) -> str:
    if fmt == "html":
        return digest_html(digests)
    if fmt == "md":
        return digest_markdown(digests)
    return digest_csv(digests)


def _h(text: object) -> str:
    """Untrusted text as HTML text."""
    return html.escape(safe_text("" if text is None else str(text)), quote=True)


def _finding_items(m: TrialMatch) -> list[tuple[str, str, str, str]]:
    """(verdict, dimension name, reason, the sentence behind it when unknown) per dimension."""
    return [(f.verdict, dimension_name(name), f.reason, f.evidence if f.verdict == UNKNOWN else "")
            for name, f in m.dimensions.items()]


def _trial_html(m: TrialMatch, change: str | None) -> str:
    c = m.candidate
    url = trial_url(c.nct_id)
    title = f'<a href="{_h(url)}">{_h(c.title)}</a>' if url else _h(c.title)
    label = f'<span class="change">{_h(CHANGE_WORDS.get(change, change))}</span> ' if change else ""
    parts = [f'<article class="trial"><h4>{title}</h4>',
             f'<p class="meta">{label}{_h(c.nct_id)} · {_h(phase_words(c.phases))} · {_h(status_words(c.status))}'
             + (f" · nearest open site {m.nearest.miles:.0f} miles, {_h(m.nearest.site.place)}" if m.nearest else "")
             + "</p>"]
    if change is not None:
        parts.append(f"<p><strong>{_h(POSSIBLE_MATCH)}</strong></p>")
    parts.append('<ul class="dims">')
    for verdict, name, reason, evidence in _finding_items(m):
        quote = f"<blockquote>“{_h(evidence)}”</blockquote>" if evidence else ""
        parts.append(f'<li><span class="badge {_h(verdict)}">{_h(badge(verdict))}</span> '
                     f"<strong>{_h(name)}</strong>: {_h(reason)}{quote}</li>")
    parts.append("</ul></article>")
    return "\n".join(parts)


def digest_html(digests: Sequence[ProfileDigest]) -> str:
    """One self-contained page (inline style, no script, no external request), readable on a phone."""
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_h(TITLE)}</title><style>{_STYLE}</style></head><body>",
           f"<h1>{_h(TITLE)}</h1>", f"<p>{_h(NOT_ADVICE)}</p>"]
    for d in digests:
        out.append(f"<section><h2>{_h(d.source)} ({_h(d.profile.id)})</h2>")
        out.append(f"<p>Since {_h(since_words(d.since))}.</p>")
        if d.note:
            out.append(f'<p class="note">{_h(d.note)}</p>')
        out.append(f"<h3>New, open again or with changed criteria: {len(d.opened)} possible match(es)</h3>")
        out += [_trial_html(t.match, t.change) for t in d.opened] or ["<p>None.</p>"]
        out.append(f"<h3>Closed: {len(d.closed)} trial(s) that were possible matches</h3>")
        out += [f"<p>{_h(m.candidate.title)} ({_h(m.candidate.nct_id)}): now "
                f"{_h(status_words(m.candidate.status).lower())}.</p>" for m in d.closed] or ["<p>None.</p>"]
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _trial_markdown(rank: int, m: TrialMatch, change: str) -> list[str]:
    c = m.candidate
    url = trial_url(c.nct_id)
    lines = [f"{rank}. **{escape_markdown(c.title)}** ({CHANGE_WORDS.get(change, change)})",
             f"   {escape_markdown(c.nct_id)} · {escape_markdown(phase_words(c.phases))} · "
             f"{escape_markdown(status_words(c.status))}"
             + (f" · nearest open site {m.nearest.miles:.0f} miles, {escape_markdown(m.nearest.site.place)}"
                if m.nearest else ""),
             f"   **{POSSIBLE_MATCH}**"]
    for verdict, name, reason, evidence in _finding_items(m):
        lines.append(f"   - {badge(verdict)} · **{escape_markdown(name)}**: {escape_markdown(reason)}"
                     + (f" *“{escape_markdown(evidence)}”*" if evidence else ""))
    if url:
        lines.append(f"   - {url}")
    return lines


def digest_markdown(digests: Sequence[ProfileDigest]) -> str:
    out = [f"# {TITLE}", "", NOT_ADVICE]
    for d in digests:
        out += ["", f"## {escape_markdown(d.source)} ({escape_markdown(d.profile.id)})", "",
                f"Since {since_words(d.since)}."]
        if d.note:
            out += ["", escape_markdown(d.note)]
        out += ["", f"### New, open again or with changed criteria: {len(d.opened)} possible match(es)", ""]
        for rank, t in enumerate(d.opened, start=1):
            out += _trial_markdown(rank, t.match, t.change)
        if not d.opened:
            out.append("None.")
        out += ["", f"### Closed: {len(d.closed)} trial(s) that were possible matches", ""]
        out += [f"- {escape_markdown(m.candidate.title)} ({escape_markdown(m.candidate.nct_id)}): now "
                f"{status_words(m.candidate.status).lower()}" for m in d.closed] or ["None."]
    return "\n".join(out) + "\n"


CSV_COLUMNS = ("profile", "profile_id", "since", "change", "rank", "nct_id", "title", "status", "phases",
               *DIMENSION_NAMES, "to_check", "url")


def digest_csv(digests: Sequence[ProfileDigest]) -> str:
    """One row per profile and reported trial: the change ("new", "reopened", "criteria changed",
    "closed"), the badge per dimension, and each unknown with the sentence behind it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for d in digests:
        rows: list[tuple[str, str, TrialMatch]] = [(str(rank), t.change, t.match)
                                                   for rank, t in enumerate(d.opened, start=1)]
        rows += [("", "closed", m) for m in d.closed]
        for rank, change, m in rows:
            c = m.candidate
            badges = [badge(m.dimensions[n].verdict) if n in m.dimensions else "" for n in DIMENSION_NAMES]
            to_check = "; ".join(f"{name}: {reason}" + (f" “{evidence}”" if evidence else "")
                                 for verdict, name, reason, evidence in _finding_items(m) if verdict == UNKNOWN)
            row = [d.source, d.profile.id, since_words(d.since), change, rank, c.nct_id, c.title,
                   status_words(c.status), phase_words(c.phases), *badges, to_check, trial_url(c.nct_id) or ""]
            writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()
