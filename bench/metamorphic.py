"""Metamorphic check of the criteria reader: rewrite each shared record's eligibility text in a way that keeps its
meaning, and compare every verdict with the original text's.

    .venv/bin/python bench/metamorphic.py [--limit N] [--only NAME ...] [--list] [--json OUT.json]

Why: the labelled trials only say the reader is right on the layouts and wordings it has seen. ClinicalTrials.gov
writes the same criterion with other bullet marks, headings, wrapped lines, HTML entities, dashes, quotes, line
ends, and other words ("CNS metastases" for "brain metastases", "participants" for "patients"). A verdict that
moves under such a rewrite is a reading that leans on the surface, and one that moves TO excluded is a false
exclusion waiting for the next trial written that way.

Records: ../shared/ctgov/studies and ../shared/ctgov/recruiting (TRIALMATCH_SHARED overrides ../shared, as in
bench/clones.py); profiles: ../shared/eval/profiles.json plus four variants (active / unknown brain metastases,
treatment-naive, treated stable brain metastases), so every dimension meets both kinds of patient. Without the
records it prints why and exits 0.

Output: one line per transformation: records left untouched by it, changed verdict rows and trials, then the rows
by direction (to_excl / from_excl / other) and dimension. Exit status 1 when any transformation moves a verdict TO
excluded, else 0. `join` (two bullets joined into one sentence) changes meaning on purpose: it is run and printed
but marked informational and never fails the run. --limit N takes N records spread evenly over the sorted list.
"""

from __future__ import annotations

import argparse
import collections
import copy
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clones import REPO, shared_studies  # noqa: E402  (also puts tests/ on the path)

sys.path.insert(0, str(REPO))

from trialmatch.criteria.parse import DIMENSIONS, parse_record  # noqa: E402
from trialmatch.matching.compiled import CHECKS  # noqa: E402
from trialmatch.matching.profile import Profile, profile_from_dict  # noqa: E402

Fn = Callable[[str], str]
Verdicts = dict[tuple[str, str], tuple[str, str]]

# Transformations that change meaning on purpose: printed, never failing the run.
INFORMATIONAL = {"join"}

# ---------------------------------------------------------------------------------------------------------------
# Layout: bullet marks, numbering, headings, blank lines, wrapped lines, symbols, entities, quotes, line ends.

BUL = re.compile(r"^(\s*)(\*|-|\u2022|\d{1,3}[.)])(\s+)(.*)$")
HEAD = re.compile(
    r"^(\s*)(\**)\s*((?:key |selected |general )?)(inclusion|exclusion)( criteria)(:?)(\**)\s*$", re.I
)


def lines_map(text: str, fn: Fn) -> str:
    return "\n".join(fn(line) for line in text.split("\n"))


def compose(*fns: Fn) -> Fn:
    def fn(text: str) -> str:
        for f in fns:
            text = f(text)
        return text

    return fn


def sub(pattern: str, repl: str) -> Fn:
    rx = re.compile(pattern)
    return lambda text: rx.sub(repl, text)


def mark_swap(new: str) -> Fn:
    """Every '*' bullet mark (any depth) replaced by another mark."""

    def one(line: str) -> str:
        m = BUL.match(line)
        if not m or m.group(2) != "*":
            return line
        return f"{m.group(1)}{new}{m.group(3)}{m.group(4)}"

    return lambda text: lines_map(text, one)


def nested(extra_indent: int, new_mark: str) -> Fn:
    """Indented '*' bullets (sub-bullets) given another mark and, optionally, a deeper indent."""

    def one(line: str) -> str:
        m = BUL.match(line)
        if not m or not m.group(1) or m.group(2) != "*":
            return line
        return f"{m.group(1)}{' ' * extra_indent}{new_mark} {m.group(4)}"

    return lambda text: lines_map(text, one)


def numbering(style: str) -> Fn:
    """Top-level '* ' or 'N.' bullets renumbered in a style; the count restarts after a non-bullet flush line."""

    def label(n: int) -> str | None:
        if style == "num":
            return f"{n}."
        if style == "alpha":
            return f"{chr(96 + n)})" if n <= 26 else None
        if style == "paren":
            return f"({n})"
        return "*"

    def fn(text: str) -> str:
        out: list[str] = []
        n = 0
        for line in text.split("\n"):
            m = BUL.match(line)
            if m and not m.group(1) and (m.group(2) == "*" or m.group(2)[0].isdigit()):
                n += 1
                lab = label(n)
                out.append(line if lab is None else f"{lab} {m.group(4)}")
                continue
            if line.strip() and not line[:1].isspace():
                n = 0
            out.append(line)
        return "\n".join(out)

    return fn


def headers(kind: str) -> Fn:
    """'Inclusion Criteria:' / 'Exclusion Criteria:' headings written another way."""
    forms = {
        "upper": "{W} CRITERIA",
        "upper_colon": "{W} CRITERIA:",
        "key": "Key {w} Criteria:",
        "nocolon": "{w} criteria",
        "bold": "**{w} Criteria:**",
        "md": "## {w} Criteria",
    }

    def one(line: str) -> str:
        m = HEAD.match(line)
        if not m:
            return line
        word = m.group(4).capitalize()
        return forms[kind].format(w=word, W=word.upper())

    return lambda text: lines_map(text, one)


def blank_after_headers(add: bool) -> Fn:
    def fn(text: str) -> str:
        out: list[str] = []
        for line in text.split("\n"):
            if not add and not line.strip() and out and HEAD.match(out[-1]):
                continue
            out.append(line)
            if add and HEAD.match(line):
                out.append("")
        return "\n".join(out)

    return fn


def no_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


def wrap(continuation: str) -> Fn:
    """Every bullet longer than 100 characters broken at a space near its middle; the continuation line aligned
    under the text, indented two spaces past the mark's indent, or at the mark's indent."""

    def fn(text: str) -> str:
        out: list[str] = []
        for line in text.split("\n"):
            m = BUL.match(line)
            if m and len(m.group(4)) > 100:
                body = m.group(4)
                cut = body.find(" ", len(body) // 2)
                if cut > 0:
                    head = f"{m.group(1)}{m.group(2)}{m.group(3)}"
                    indent = {"align": " " * len(head), "two": m.group(1) + "  "}.get(continuation, m.group(1))
                    out += [head + body[:cut], indent + body[cut + 1 :]]
                    continue
            out.append(line)
        return "\n".join(out)

    return fn


def periods(add: bool) -> Fn:
    """A bullet's final period added / removed, only where the bullet ends on its line (the next non-blank line is
    a bullet or flush): never a period inside a bullet that goes on below."""

    def fn(text: str) -> str:
        lines = text.split("\n")
        out: list[str] = []
        for i, line in enumerate(lines):
            m = BUL.match(line)
            nxt = next((x for x in lines[i + 1 :] if x.strip()), "")
            ends = not nxt or BUL.match(nxt) or not nxt[:1].isspace()
            if not m or not ends:
                out.append(line)
                continue
            body = m.group(4).rstrip()
            if add and body and body[-1] not in ".:;":
                body += "."
            if not add and body.endswith(".") and not body.endswith(("e.g.", "etc.", "i.e.")):
                body = body[:-1]
            out.append(f"{m.group(1)}{m.group(2)}{m.group(3)}{body}")
        return "\n".join(out)

    return fn


def join_pairs(text: str) -> str:
    """Two consecutive top-level bullets without sub-bullets joined into one with '; ' (informational: this changes
    meaning, e.g. an 'or' or 'except' now reaches the other bullet)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = BUL.match(lines[i])
        m2 = BUL.match(lines[i + 1]) if i + 1 < len(lines) else None
        after = lines[i + 2] if i + 2 < len(lines) else ""
        if (
            m
            and m2
            and not m.group(1)
            and not m2.group(1)
            and not after[:1].isspace()
            and not m.group(4).rstrip().endswith(":")
            and not m2.group(4).rstrip().endswith(":")
        ):
            out.append(f"{m.group(2)}{m.group(3)}{m.group(4).rstrip().rstrip('.')}; {m2.group(4)}")
            i += 2
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


LAYOUT: dict[str, Fn] = {
    "dash": mark_swap("-"),
    "dot": mark_swap("\u2022"),
    "num": numbering("num"),
    "alpha": numbering("alpha"),
    "paren": numbering("paren"),
    "star": numbering("star"),
    "nest_dash4": nested(2, "-"),
    "nest_o": nested(0, "o"),
    "h_upper": headers("upper"),
    "h_upper_colon": headers("upper_colon"),
    "h_key": headers("key"),
    "h_nocolon": headers("nocolon"),
    "h_bold": headers("bold"),
    "h_md": headers("md"),
    "blank_add": blank_after_headers(True),
    "blank_del": blank_after_headers(False),
    "no_blanks": no_blank_lines,
    "wrap_align": wrap("align"),
    "wrap_two": wrap("two"),
    "wrap_flush": wrap("flush"),
    "ge_sym": sub(r"\\?>=", "\u2265"),
    "le_sym": sub(r"\\?<=", "\u2264"),
    "sym_ge": sub("\u2265", ">="),
    "sym_le": sub("\u2264", "<="),
    "ent_ge": sub(r"\\?>=", "&gt;="),
    "ent_lt": sub(r"\\?<(?!=)", "&lt;"),
    "nbsp": sub(r"(?<=\S) (?=\S)", "\u00a0"),
    "nbsp_some": sub(r"(?<=\w) (?=\d)", "\u00a0"),
    "endash": sub(r"(?<=\d)-(?=\d)", "\u2013"),
    "curly": compose(sub(r'"([^"\n]*)"', "\u201c\\1\u201d"), sub("'", "\u2019")),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "trail": lambda t: lines_map(t, lambda line: line + "  " if line.strip() else line),
    "period_add": periods(True),
    "period_del": periods(False),
    "join": join_pairs,
}
LAYOUT["combo1"] = compose(LAYOUT["dash"], LAYOUT["h_upper"], LAYOUT["crlf"], LAYOUT["trail"])
LAYOUT["combo2"] = compose(LAYOUT["num"], LAYOUT["ge_sym"], LAYOUT["le_sym"], LAYOUT["endash"], LAYOUT["blank_del"])
LAYOUT["combo3"] = compose(
    LAYOUT["h_key"], LAYOUT["nest_dash4"], LAYOUT["wrap_align"], LAYOUT["period_del"], LAYOUT["nbsp_some"]
)
LAYOUT["combo4"] = compose(
    LAYOUT["dot"], LAYOUT["h_nocolon"], LAYOUT["no_blanks"], LAYOUT["curly"], LAYOUT["period_add"]
)
LAYOUT["wrap_pdel"] = compose(LAYOUT["wrap_align"], LAYOUT["period_del"])

# ---------------------------------------------------------------------------------------------------------------
# Wording: one synonym or abbreviation swapped everywhere in the text.


def cased(pattern: str, repl: str) -> Fn:
    """A case-insensitive word swap that keeps a capital first letter (a sentence start) as it was."""
    rx = re.compile(pattern, re.I)

    def one(m: re.Match[str]) -> str:
        if m.group(0)[:1].isupper() and repl[:1].islower():
            return repl[:1].upper() + repl[1:]
        return repl

    return lambda text: rx.sub(one, text)


BRAIN = r"\bbrain metastas[ei]s\b"
NSCLC_LONG = r"\bnon[- ]?small[- ]cell lung (?:cancer|carcinoma)\b"
# "prior to" is a time word ("within 4 weeks prior to"); "previous to" is not English: left alone.
PRIOR = r"\bprior\b(?!\s+to\b)"
ECOG_BARE = r"\bECOG\b(?!\s*\)?\s*(?:performance|PS\b))"

WORDING: dict[str, Fn] = {
    "brain_cns": cased(BRAIN, "CNS metastases"),
    "brain_mets": cased(BRAIN, "brain mets"),
    "cns_brain": cased(r"\bCNS metastas[ei]s\b", "brain metastases"),
    "ecog_long": cased(ECOG_BARE, "ECOG performance status"),
    "ecogps_short": compose(cased(r"\bECOG performance status\b", "ECOG"), cased(r"\bECOG PS\b", "ECOG")),
    "ecog_who": compose(
        cased(r"Eastern Cooperative Oncology Group \(ECOG\)", "World Health Organization (WHO)"),
        cased(r"\bECOG (?:performance status|PS)\b", "WHO performance status"),
        cased(ECOG_BARE, "WHO performance status"),
        cased(r"\bECOG\b", "WHO"),
    ),
    "prev_prior": cased(r"\bprevious\b", "prior"),
    "prior_prev": cased(PRIOR, "previous"),
    "nsclc_abbr": compose(
        cased(NSCLC_LONG + r"\s*\(NSCLC\)", "NSCLC"), sub("(?i)" + NSCLC_LONG, "NSCLC")
    ),
    "abbr_nsclc": compose(
        sub("(?i)" + NSCLC_LONG + r"\s*\(NSCLC\)", "non-small cell lung cancer"),
        sub(r"\bNSCLC\b", "non-small cell lung cancer"),
    ),
    "pd1_inhib": compose(
        cased(
            r"\banti-PD-(?:L)?1(?:/PD-L1)?(?: monoclonal)? (?:antibodies|agents|drugs|therapies)\b",
            "PD-1/PD-L1 inhibitors",
        ),
        cased(
            r"\banti-PD-(?:L)?1(?:/PD-L1)?(?: monoclonal)? (?:antibody|agent|drug|therapy)\b",
            "PD-1/PD-L1 inhibitor",
        ),
    ),
    # plain sub: "PD-1" starts with a capital that says nothing about a sentence start
    "pd1_anti": compose(
        sub(r"\bPD-(?:L)?1(?:/PD-L1)? inhibitors\b", "anti-PD-1/PD-L1 antibodies"),
        sub(r"\bPD-(?:L)?1(?:/PD-L1)? inhibitor\b", "anti-PD-1/PD-L1 antibody"),
    ),
    "pat_part": compose(cased(r"\bpatients\b", "participants"), cased(r"\bpatient\b", "participant")),
    "pat_subj": compose(cased(r"\bpatients\b", "subjects"), cased(r"\bpatient\b", "subject")),
    "subj_pat": compose(
        cased(r"\b(?:subjects|participants)\b", "patients"), cased(r"\b(?:subject|participant)\b", "patient")
    ),
    "musthave_have": cased(r"\bmust have\b", "have"),
}

TRANSFORMS: dict[str, Fn] = {**LAYOUT, **WORDING}
assert len(TRANSFORMS) == len(LAYOUT) + len(WORDING), "a name is both a layout and a wording transformation"

# ---------------------------------------------------------------------------------------------------------------
# Records, profiles, verdicts.

# Variants of shared profiles (by position) so each dimension meets both kinds of patient.
VARIANTS: list[tuple[int, dict[str, Any]]] = [
    (2, {"id": "alk-active-brain", "brain_metastases": "active"}),
    (4, {"id": "nodriver-brain-null", "brain_metastases": None, "pdl1_tps": None}),
    (5, {"id": "sq-naive", "prior_therapies": [], "prior_lines": 0, "ecog": 0}),
    (3, {"id": "kras-treated-brain", "brain_metastases": "treated_stable", "ecog": 0}),
]


def load_profiles(path: Path) -> list[tuple[str, Profile]]:
    raw: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    extra = [{**copy.deepcopy(raw[i]), **changes} for i, changes in VARIANTS if i < len(raw)]
    return [(p["id"], profile_from_dict(p)) for p in raw + extra]


def load_records(studies: Path) -> list[tuple[str, dict[str, Any]]]:
    folders = (studies, studies.parent / "recruiting")
    return [(f.stem, json.loads(f.read_text(encoding="utf-8"))) for d in folders for f in sorted(d.glob("*.json"))]


def criteria(record: dict[str, Any]) -> str:
    return str(record.get("protocolSection", {}).get("eligibilityModule", {}).get("eligibilityCriteria") or "")


def with_criteria(record: dict[str, Any], text: str) -> dict[str, Any]:
    rec = copy.deepcopy(record)
    rec.setdefault("protocolSection", {}).setdefault("eligibilityModule", {})["eligibilityCriteria"] = text
    return rec


def verdicts(record: dict[str, Any], profiles: Sequence[tuple[str, Profile]]) -> Verdicts:
    rules = parse_record(record)
    out: Verdicts = {}
    for pid, profile in profiles:
        for dim in DIMENSIONS:
            got = CHECKS[dim](rules.get(dim), profile)
            out[(pid, dim)] = (got.verdict, (getattr(got, "evidence", "") or "")[:200])
    return out


def direction(before: str, after: str) -> str:
    return "to_excl" if after == "excluded" else "from_excl" if before == "excluded" else "other"


def run(
    name: str,
    records: Sequence[tuple[str, dict[str, Any]]],
    base: dict[str, Verdicts],
    profiles: Sequence[tuple[str, Profile]],
) -> tuple[int, list[list[str]]]:
    """(records the transformation left untouched, changed rows [nct, profile, dim, before, after, ev0, ev1])."""
    fn = TRANSFORMS[name]
    untouched = 0
    changes: list[list[str]] = []
    for nct, rec in records:
        old = criteria(rec)
        new = fn(old)
        if new == old:
            untouched += 1
            continue
        for (pid, dim), (verdict, evidence) in verdicts(with_criteria(rec, new), profiles).items():
            before, before_ev = base[nct][(pid, dim)]
            if verdict != before:
                changes.append([nct, pid, dim, before, verdict, before_ev, evidence])
    return untouched, changes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="use N records spread evenly over the sorted list")
    parser.add_argument("--only", nargs="+", metavar="NAME", choices=list(TRANSFORMS), help="run only these")
    parser.add_argument("--list", action="store_true", help="list the transformations and exit")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every changed row here")
    args = parser.parse_args(argv)

    if args.list:
        for name in TRANSFORMS:
            kind = "layout" if name in LAYOUT else "wording"
            note = "  (informational: changes meaning)" if name in INFORMATIONAL else ""
            print(f"{name:14s} {kind}{note}")
        return 0

    studies = shared_studies()
    profiles_path = studies.parents[1] / "eval" / "profiles.json"
    records = load_records(studies) if studies.is_dir() else []
    if not records or not profiles_path.is_file():
        print(f"metamorphic: skipped, no records under {studies} or no {profiles_path} (set TRIALMATCH_SHARED)")
        return 0
    if args.limit:
        records = records[:: max(1, len(records) // args.limit)][: args.limit]
    profiles = load_profiles(profiles_path)
    names = args.only or list(TRANSFORMS)
    print(f"{len(records)} records x {len(profiles)} profiles x {len(DIMENSIONS)} dimensions", flush=True)

    base = {nct: verdicts(rec, profiles) for nct, rec in records}
    report: dict[str, list[list[str]]] = {}
    failing: list[str] = []
    for name in names:
        untouched, changes = run(name, records, base, profiles)
        report[name] = changes
        tally = collections.Counter((direction(c[3], c[4]), c[2]) for c in changes)
        trials = {c[0] for c in changes}
        summary = ", ".join(f"{k}/{d}={n}" for (k, d), n in sorted(tally.items()))
        to_excl = sum(n for (k, _), n in tally.items() if k == "to_excl")
        mark = "info" if name in INFORMATIONAL else "FAIL" if to_excl else "ok"
        if to_excl and name not in INFORMATIONAL:
            failing.append(name)
        print(
            f"{mark:4s} {name:14s} untouched={untouched:3d} rows={len(changes):4d} trials={len(trials):3d}  {summary}",
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=0), encoding="utf-8")
    if failing:
        print(f"changes TO excluded under: {', '.join(failing)}")
        return 1
    info = sorted(INFORMATIONAL & set(names))
    print("no change to excluded" + (f" (not counted, informational: {', '.join(info)})" if info else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
