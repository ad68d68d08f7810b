"""Trial: could medspaCy's ConText (or negspacy's NegEx) read criteria scope, and within the parse budget?

The project does not depend on spaCy; run this from a separate venv that has medspacy, negspacy and
the project (nothing is downloaded at run time: medspaCy's default rule-based pipeline on a blank
English tokenizer, negspacy on a blank English pipeline with an EntityRuler):

    python3 -m venv /tmp/medspacy-venv
    /tmp/medspacy-venv/bin/pip install medspacy negspacy -e /work/main 'numpy<2'
    /tmp/medspacy-venv/bin/python bench/try_medspacy.py [--repeat 3] [--size 1000000] [--show]

It measures, in one run:

- speed: the project's whole parse (bench_parse.timed_parse: split_criteria, then every dimension)
  of the same 1 MB of real criteria bench_parse builds from the shared records, against medspaCy's
  default pipeline (its tokenizer, PyRuSH sentences, TargetMatcher, ConText) over the same records
  cycled to the same size, with and without its sectionizer, and with spaCy's rule sentencizer in
  place of PyRuSH (the cheapest way to run ConText); negspacy's pipeline (blank English, sentencizer,
  EntityRuler, NegEx); and medspaCy's tokenizer alone, the floor of any spaCy pipeline. Best of
  --repeat each, wall and CPU seconds (the machine is shared), after a warm-up on a slice; plus the
  import + load time of medspaCy. The target rules are only the concepts of the sentence table below,
  a lower bound on the matching cost of a real vocabulary.
- reading: a table of invented criteria sentences (none from the recruiting set), each with a target
  concept and the reading the project needs: negated, affirmed, historical, conditional ("patients
  who received X must ..."), cohort scope, washout purpose, toxicity purpose, alternatives. ConText
  with its default rules gives a reading from its modifiers (NEGATED_EXISTENCE -> negated,
  HYPOTHETICAL or POSSIBLE_EXISTENCE -> conditional, HISTORICAL -> historical, none -> affirmed);
  it has no modifier for cohort, washout, toxicity or alternatives, so those readings cannot be
  right. Negation alone is scored for both tools where the sentence has a polarity: the concept is
  negated, or it is not (a toxicity sentence does not forbid the prior therapy itself). Washout and
  alternative sentences have no single polarity; for them the table counts how often the concept
  was marked negated, which a negation-only reader would turn into "no prior X" (everyone ever
  treated excluded).

--show prints every sentence with each tool's flags. The parser measured is the tree this file sits
in; while others edit the work tree, run a copy of it inside `git archive HEAD` extracted elsewhere,
with TRIALMATCH_SHARED pointing at the shared records.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPEAT = 3


@dataclass(frozen=True)
class Case:
    kind: str
    sentence: str
    target: str
    negated: bool | None  # the concept's polarity; None when a plain negation flag cannot say it


# kind -> the reading the project needs (the name of ConText's reading where it has one)
KINDS: dict[str, str] = {
    "negated": "negated",
    "affirmed": "affirmed",
    "historical": "historical",
    "conditional": "conditional",
    "cohort scope": "cohort",
    "washout": "washout",
    "toxicity": "toxicity",
    "alternatives": "alternative",
}

CASES: tuple[Case, ...] = (
    Case("negated", "No prior immunotherapy.", "immunotherapy", True),
    Case("negated", "Patients must not have received an EGFR TKI.", "EGFR TKI", True),
    Case("negated", "No known brain metastases.", "brain metastases", True),
    Case("negated", "Absence of an EGFR mutation must be documented.", "EGFR", True),
    Case("negated", "Patients without platinum exposure are eligible.", "platinum", True),
    Case("negated", "Never treated with a checkpoint inhibitor.", "checkpoint inhibitor", True),
    Case("negated", "Has not received docetaxel for metastatic disease.", "docetaxel", True),
    Case("negated", "Untreated brain metastases are not allowed.", "brain metastases", True),
    Case("affirmed", "Must have received platinum-based chemotherapy.", "platinum", False),
    Case("affirmed", "Documented EGFR mutation by an approved test.", "EGFR", False),
    Case("affirmed", "Stable, treated brain metastases are allowed.", "brain metastases", False),
    Case("affirmed", "Progression on or after an EGFR TKI is required.", "EGFR TKI", False),
    Case("affirmed", "Patients with an ALK rearrangement are eligible.", "ALK", False),
    Case("affirmed", "Prior immunotherapy is permitted.", "immunotherapy", False),
    Case("historical", "History of brain metastases treated with radiation.", "brain metastases", False),
    Case("historical", "Prior treatment with a platinum doublet.", "platinum", False),
    Case("historical", "Previously treated with an EGFR TKI.", "EGFR TKI", False),
    Case("historical", "Past history of immunotherapy-related pneumonitis.", "immunotherapy", False),
    Case("historical", "Received docetaxel in an earlier line of therapy.", "docetaxel", False),
    Case("historical", "Had progressed on osimertinib given as first-line therapy.", "osimertinib", False),
    Case("conditional", "Patients who received chemotherapy must have a washout of 3 weeks.", "chemotherapy", False),
    Case("conditional", "If EGFR mutated, must have progressed on an EGFR TKI.", "EGFR", False),
    Case("conditional", "Patients with brain metastases must have completed radiotherapy beforehand.",
         "brain metastases", False),
    Case("conditional", "If prior immunotherapy was given, it must have been stopped for progression.",
         "immunotherapy", False),
    Case("conditional", "Subjects previously treated with a checkpoint inhibitor must not have had grade 3 "
         "pneumonitis.", "checkpoint inhibitor", False),
    Case("conditional", "Should the patient have received platinum, at least 4 cycles are required.", "platinum",
         False),
    Case("conditional", "In case of an ALK rearrangement, alectinib must have failed.", "ALK", False),
    Case("conditional", "For patients with a known EGFR mutation, prior osimertinib is required.", "EGFR", False),
    Case("cohort scope", "Cohort B only: no prior docetaxel.", "docetaxel", True),
    Case("cohort scope", "Part 2: patients must have received prior platinum-based chemotherapy.", "platinum",
         False),
    Case("cohort scope", "Arm A: no previous immunotherapy allowed.", "immunotherapy", True),
    Case("cohort scope", "For the dose-expansion cohort, an EGFR mutation is required.", "EGFR", False),
    Case("cohort scope", "Cohort 3 (KRAS G12C): no prior KRAS G12C inhibitor.", "KRAS G12C inhibitor", True),
    Case("cohort scope", "Phase 1b only: brain metastases are not allowed.", "brain metastases", True),
    Case("washout", "No chemotherapy within 21 days before the first dose.", "chemotherapy", None),
    Case("washout", "No immunotherapy within 4 weeks of enrollment.", "immunotherapy", None),
    Case("washout", "Washout of at least 14 days from the last dose of an EGFR TKI.", "EGFR TKI", None),
    Case("washout", "Must not have received platinum in the 3 weeks before randomization.", "platinum", None),
    Case("washout", "At least 5 half-lives must have elapsed since the last dose of osimertinib.", "osimertinib",
         None),
    Case("washout", "Radiotherapy must be completed at least 7 days before day 1.", "radiotherapy", None),
    Case("washout", "Prior docetaxel is allowed if the last dose was more than 28 days ago.", "docetaxel", None),
    Case("toxicity", "Adverse events from prior immunotherapy resolved to grade 1 or lower.", "immunotherapy",
         False),
    Case("toxicity", "No unresolved toxicity above grade 1 from prior platinum chemotherapy.", "platinum", False),
    Case("toxicity", "Patients must have recovered from the toxic effects of prior docetaxel.", "docetaxel", False),
    Case("toxicity", "No ongoing immune-related adverse events from a prior checkpoint inhibitor.",
         "checkpoint inhibitor", False),
    Case("toxicity", "Toxicities of previous EGFR TKI therapy must have recovered to baseline.", "EGFR TKI", False),
    Case("toxicity", "Without residual grade 2 neuropathy from prior platinum.", "platinum", False),
    Case("toxicity", "Must not have had pneumonitis requiring steroids during prior immunotherapy.",
         "immunotherapy", False),
    Case("alternatives", "Naive to EGFR TKI or progressed on an EGFR TKI.", "EGFR TKI", None),
    Case("alternatives", "Either no prior immunotherapy or progression after 2 cycles of it.", "immunotherapy",
         None),
    Case("alternatives", "Treatment-naive patients or those previously treated with platinum are eligible.",
         "platinum", None),
    Case("alternatives", "Patients may or may not have received osimertinib.", "osimertinib", None),
    Case("alternatives", "With or without brain metastases.", "brain metastases", None),
    Case("alternatives", "Previously untreated, or treated with one prior checkpoint inhibitor.",
         "checkpoint inhibitor", None),
)

TARGETS: tuple[str, ...] = tuple(sorted({case.target for case in CASES}))


# ---------------------------------------------------------------------------------------------- pipelines

def silence_pyrush() -> None:
    """PyRuSH logs every sentence at DEBUG through loguru by default: off, as any user would have it."""
    try:
        from loguru import logger
    except ImportError:
        return
    logger.remove()
    logger.disable("PyRuSH")


def medspacy_pipeline(sectionizer: bool = False, sentencizer: bool = False) -> Any:
    """medspaCy's default pipeline; with its sectionizer; or with spaCy's rule sentencizer in place of PyRuSH."""
    import medspacy
    from medspacy.target_matcher import TargetRule

    enable = ["medspacy_target_matcher", "medspacy_context"]
    if not sentencizer:
        enable.insert(0, "medspacy_pyrush")
    if sectionizer:
        enable.append("medspacy_sectionizer")
    nlp = medspacy.load(medspacy_enable=enable)
    if sentencizer:
        nlp.add_pipe("sentencizer", first=True)
    nlp.max_length = 2_000_000
    nlp.get_pipe("medspacy_target_matcher").add([TargetRule(target, "TARGET") for target in TARGETS])
    return nlp


def negspacy_pipeline() -> Any:
    import spacy
    from negspacy.negation import Negex  # noqa: F401  (registers the "negex" factory)
    from negspacy.termsets import termset

    nlp = spacy.blank("en")
    nlp.max_length = 2_000_000
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns([{"label": "TARGET", "pattern": target} for target in TARGETS])
    nlp.add_pipe("negex", config={"ent_types": ["TARGET"], "neg_termset": termset("en_clinical").get_patterns()})
    return nlp


# ---------------------------------------------------------------------------------------------- reading

def first_target(doc: Any, target: str) -> Any | None:
    for ent in doc.ents:
        if ent.text.lower() == target.lower():
            return ent
    return None


def context_flags(ent: Any) -> set[str]:
    names = ("is_negated", "is_hypothetical", "is_uncertain", "is_historical", "is_family")
    return {name[3:] for name in names if getattr(ent._, name)}


def context_reading(flags: set[str]) -> str:
    if "negated" in flags:
        return "negated"
    if flags & {"hypothetical", "uncertain"}:
        return "conditional"
    if "historical" in flags:
        return "historical"
    if "family" in flags:
        return "family"
    return "affirmed"


@dataclass
class Row:
    n: int = 0
    reading_right: int = 0
    polar_n: int = 0
    med_polar_right: int = 0
    neg_polar_right: int = 0
    med_marked_negated: int = 0
    neg_marked_negated: int = 0


def score(med: Any, neg: Any, show: bool) -> dict[str, Row]:
    rows: dict[str, Row] = {kind: Row() for kind in KINDS}
    for case in CASES:
        row = rows[case.kind]
        row.n += 1
        med_ent = first_target(med(case.sentence), case.target)
        neg_ent = first_target(neg(case.sentence), case.target)
        flags = context_flags(med_ent) if med_ent is not None else {"NOT FOUND"}
        reading = context_reading(flags) if med_ent is not None else "not found"
        med_negated = med_ent is not None and med_ent._.is_negated
        neg_negated = neg_ent is not None and neg_ent._.negex
        row.reading_right += reading == KINDS[case.kind]
        row.med_marked_negated += med_negated
        row.neg_marked_negated += neg_negated
        if case.negated is not None:
            row.polar_n += 1
            row.med_polar_right += med_ent is not None and med_negated == case.negated
            row.neg_polar_right += neg_ent is not None and neg_negated == case.negated
        if show:
            print(f"  [{case.kind}] {case.sentence!r} <{case.target}> want {KINDS[case.kind]}"
                  f"{'' if case.negated is None else ' negated' if case.negated else ' not negated'}; "
                  f"ConText {sorted(flags) or ['-']} -> {reading}; "
                  f"NegEx {'not found' if neg_ent is None else 'negated' if neg_negated else '-'}")
    return rows


def print_table(rows: dict[str, Row]) -> None:
    head = ("kind of sentence", "n", "want", "medspaCy reading right", "medspaCy negation right",
            "negspacy negation right", "marked negated med/neg")
    widths = (16, 3, 11, 22, 23, 23, 22)
    print("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
    total = Row()
    for kind, row in rows.items():
        polar = row.polar_n > 0
        cells = (kind, str(row.n), KINDS[kind], f"{row.reading_right}/{row.n}",
                 f"{row.med_polar_right}/{row.polar_n}" if polar else "n/a",
                 f"{row.neg_polar_right}/{row.polar_n}" if polar else "n/a",
                 f"{row.med_marked_negated}/{row.neg_marked_negated} of {row.n}")
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
        for field in total.__dataclass_fields__:
            setattr(total, field, getattr(total, field) + getattr(row, field))
    cells = ("all", str(total.n), "", f"{total.reading_right}/{total.n}",
             f"{total.med_polar_right}/{total.polar_n}", f"{total.neg_polar_right}/{total.polar_n}",
             f"{total.med_marked_negated}/{total.neg_marked_negated} of {total.n}")
    print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))


# ---------------------------------------------------------------------------------------------- speed

def record_texts(size: int) -> list[str]:
    """The shared records' criteria, cycled until they add up to `size` characters (as bench_parse joins them)."""
    from clones import shared_studies

    texts = [((json.loads(p.read_text(encoding="utf-8")).get("protocolSection") or {}).get("eligibilityModule")
              or {}).get("eligibilityCriteria", "") for p in sorted(shared_studies().glob("*.json"))]
    texts = [text for text in texts if text]
    out: list[str] = []
    total = 0
    while total < size:
        text = texts[len(out) % len(texts)][: size - total]
        out.append(text)
        total += len(text) + 1  # the newline bench_parse joins them with
    return out


def best_of(run: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Best wall and best CPU seconds of `repeat` runs (CPU time says more on a shared, loaded machine)."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def consume(nlp: Any, texts: Iterable[str]) -> int:
    return sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of real criteria")
    parser.add_argument("--show", action="store_true", help="print each sentence's readings")
    args = parser.parse_args()

    missing = [name for name in ("medspacy", "negspacy", "spacy") if importlib.util.find_spec(name) is None]
    if missing:
        print(f"try_medspacy: {', '.join(missing)} not importable in {sys.executable}. The project does not depend "
              "on them; install them in a separate venv (see this file's docstring) and run it from there.")
        return 2

    started = time.perf_counter()
    import medspacy
    import negspacy
    import spacy

    silence_pyrush()
    med = medspacy_pipeline()
    load_seconds = time.perf_counter() - started
    neg = negspacy_pipeline()
    print(f"medspacy {medspacy.__version__}, spacy {spacy.__version__}, "
          f"negspacy {getattr(negspacy, '__version__', None) or _dist_version('negspacy')}; "
          f"medspaCy pipeline {med.pipe_names}, negspacy pipeline {neg.pipe_names}")
    print(f"import medspacy + spacy + negspacy and medspacy.load(): {load_seconds:.2f} s")

    # reading
    print(f"\nreading: {len(CASES)} invented sentences, {len(TARGETS)} target concepts, default rules")
    print_table(score(med, neg, args.show))

    # speed
    sys.path.insert(0, str(HERE))
    import bench_parse  # puts the project and tests/ on the path

    real = bench_parse.real_criteria(args.size)
    if real is None:
        print(f"\nspeed: skipped, no shared records under {bench_parse.shared_studies()}")
        return 0
    texts = record_texts(args.size)
    chars = sum(map(len, texts))
    mb = len(real) / 1e6
    tree = Path(str(sys.modules["trialmatch"].__file__)).resolve().parents[1]
    print(f"\nspeed: {mb:.1f} MB of real criteria ({len(texts)} record texts, {chars:,} characters for spaCy); "
          f"trialmatch from {tree}; best of {args.repeat} after a warm-up on a slice; seconds per MB, wall and CPU")
    bench_parse.timed_parse(real[:50_000])
    wall, cpu = best_of(lambda: bench_parse.timed_parse(real), args.repeat)
    project_wall, project_cpu = wall / mb, cpu / mb
    print(f"  trialmatch whole parse (split + every dimension): {project_wall:.3f} wall, {project_cpu:.3f} CPU  "
          "(budget 1.0)")
    sectionized = medspacy_pipeline(sectionizer=True)
    plain = medspacy_pipeline(sentencizer=True)
    tokenizer_only = med.tokenizer
    timings: list[tuple[str, Callable[[list[str]], Any]]] = [
        ("medspaCy tokenizer alone", lambda some: sum(len(tokenizer_only(text)) for text in some)),
        ("medspaCy default: tokenizer + PyRuSH + TargetMatcher + ConText", lambda some: consume(med, some)),
        ("medspaCy default + sectionizer", lambda some: consume(sectionized, some)),
        ("medspaCy, spaCy's sentencizer for PyRuSH: + TargetMatcher + ConText", lambda some: consume(plain, some)),
        ("negspacy: blank en + sentencizer + EntityRuler + NegEx", lambda some: consume(neg, some)),
    ]
    for label, run in timings:
        run(texts[:20])  # warm-up
        wall, cpu = best_of(partial(run, texts), args.repeat)
        wall, cpu = wall / (chars / 1e6), cpu / (chars / 1e6)
        print(f"  {label}: {wall:.3f} wall, {cpu:.3f} CPU  (CPU {cpu / project_cpu:.1f}x trialmatch's whole parse, "
              f"{cpu:.1f}x the budget)")

    sections: dict[str, int] = {}
    for doc in sectionized.pipe(texts[: min(len(texts), 100)]):
        for section in doc._.sections:
            sections[str(section.category)] = sections.get(str(section.category), 0) + 1
    print(f"  sectionizer on the 100 distinct records: {sum(sections.values())} sections, "
          f"{dict(sorted(sections.items(), key=lambda item: -item[1]))}")
    return 0


def _dist_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


if __name__ == "__main__":
    raise SystemExit(main())
