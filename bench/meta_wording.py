"""Metamorphic wording harness (round meta30b): rewrite the real records' eligibility text by meaning-preserving
WORDING changes, one at a time, and compare every verdict (16 profiles x 5 dimensions) with the original's.
Builds on /work/meta30/harness.py (layout changes), whose records, profiles and verdict function it reuses.

Usage: meta_wording.py OUT.json [--limit N] [transform ...]"""

import collections
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, "/work/meta30")
import harness  # type: ignore[import-not-found]  # noqa: E402

Fn = Callable[[str], str]


def cased(pattern: str, repl: str) -> Fn:
    """A case-insensitive word swap that keeps a capital first letter (sentence start) as it was."""
    rx = re.compile(pattern, re.I)

    def one(m: re.Match[str]) -> str:
        r = repl
        if m.group(0)[:1].isupper() and r[:1].islower():
            r = r[:1].upper() + r[1:]
        return r

    return lambda text: rx.sub(one, text)


def chain(*fns: Fn) -> Fn:
    def fn(text: str) -> str:
        for f in fns:
            text = f(text)
        return text

    return fn


BRAIN = r"\bbrain metastas[ei]s\b"
NSCLC_LONG = r"\bnon[- ]?small[- ]cell lung (?:cancer|carcinoma)\b"
# "prior to" is a time word ("within 4 weeks prior to"), "previous to" is not English: left alone.
PRIOR = r"\bprior\b(?!\s+to\b)"
ECOG_BARE = r"\bECOG\b(?!\s*\)?\s*(?:performance|PS\b))"

T: dict[str, Fn] = {
    "brain_cns": cased(BRAIN, "CNS metastases"),
    "brain_mets": cased(BRAIN, "brain mets"),
    "cns_brain": cased(r"\bCNS metastas[ei]s\b", "brain metastases"),
    "ecog_long": cased(ECOG_BARE, "ECOG performance status"),
    "ecogps_short": chain(cased(r"\bECOG performance status\b", "ECOG"), cased(r"\bECOG PS\b", "ECOG")),
    "ecog_who": chain(
        cased(r"Eastern Cooperative Oncology Group \(ECOG\)", "World Health Organization (WHO)"),
        cased(r"\bECOG (?:performance status|PS)\b", "WHO performance status"),
        cased(r"\bECOG\b(?!\s*\)?\s*(?:performance|PS\b))", "WHO performance status"),
        cased(r"\bECOG\b", "WHO"),
    ),
    "prev_prior": cased(r"\bprevious\b", "prior"),
    "prior_prev": cased(PRIOR, "previous"),
    "nsclc_abbr": chain(cased(NSCLC_LONG + r"\s*\(NSCLC\)", "NSCLC"),
                        lambda t: re.sub(NSCLC_LONG, "NSCLC", t, flags=re.I)),
    "abbr_nsclc": chain(
        lambda t: re.sub(NSCLC_LONG + r"\s*\(NSCLC\)", "non-small cell lung cancer", t, flags=re.I),
        lambda t: re.sub(r"\bNSCLC\b", "non-small cell lung cancer", t),
    ),
    "pd1_inhib": chain(
        cased(r"\banti-PD-(?:L)?1(?:/PD-L1)?(?: monoclonal)? (?:antibodies|agents|drugs|therapies)\b",
              "PD-1/PD-L1 inhibitors"),
        cased(r"\banti-PD-(?:L)?1(?:/PD-L1)?(?: monoclonal)? (?:antibody|agent|drug|therapy)\b",
              "PD-1/PD-L1 inhibitor"),
    ),
    "pd1_anti": chain(
        # plain re.sub: "PD-1" starts with a capital that says nothing about a sentence start
        lambda t: re.sub(r"\bPD-(?:L)?1(?:/PD-L1)? inhibitors\b", "anti-PD-1/PD-L1 antibodies", t),
        lambda t: re.sub(r"\bPD-(?:L)?1(?:/PD-L1)? inhibitor\b", "anti-PD-1/PD-L1 antibody", t),
    ),
    "pat_part": chain(cased(r"\bpatients\b", "participants"), cased(r"\bpatient\b", "participant")),
    "pat_subj": chain(cased(r"\bpatients\b", "subjects"), cased(r"\bpatient\b", "subject")),
    "subj_pat": chain(cased(r"\b(?:subjects|participants)\b", "patients"),
                      cased(r"\b(?:subject|participant)\b", "patient")),
    "musthave_have": cased(r"\bmust have\b", "have"),
}


def main() -> None:
    args = sys.argv[1:]
    out_path = args.pop(0)
    limit = None
    if args[:1] == ["--limit"]:
        limit = int(args[1])
        args = args[2:]
    names = args or list(T)
    records = harness.RECORDS if limit is None else harness.RECORDS[::max(1, len(harness.RECORDS) // limit)][:limit]
    base = {nct: harness.verdicts(rec) for nct, rec in records}
    report = {}
    for name in names:
        fn = T[name]
        changes = []
        same_text = 0
        for nct, rec in records:
            old = rec["protocolSection"]["eligibilityModule"].get("eligibilityCriteria") or ""
            if fn(old) == old:
                same_text += 1
                continue
            got = harness.verdicts(harness.with_text(rec, fn))
            for key, (v, ev) in got.items():
                b, bev = base[nct][key]
                if v != b:
                    changes.append([nct, key[0], key[1], b, v, bev, ev])
        tally: collections.Counter[tuple[str, str]] = collections.Counter()
        for c in changes:
            kind = "to_excl" if c[4] == "excluded" else "from_excl" if c[3] == "excluded" else "other"
            tally[(kind, c[2])] += 1
        trials = {c[0] for c in changes}
        report[name] = {"changes": changes}
        summary = ", ".join(f"{k}/{d}={n}" for (k, d), n in sorted(tally.items()))
        print(f"{name:14s} untouched={same_text:3d} rows={len(changes):4d} trials={len(trials):3d}  {summary}",
              flush=True)
    Path(out_path).write_text(json.dumps(report, indent=0))


if __name__ == "__main__":
    main()
