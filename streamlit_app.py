"""trialmatch's page: a shortlist of lung cancer trials a patient can take to the doctor.

A thin view over the package: the form maps to a Profile (trialmatch.present.form), the matcher
ranks (trialmatch.matching.match), wording comes from trialmatch.present.plain, exports from
trialmatch.present.export. Trial text is untrusted: it reaches st.markdown only through
plain.escape_markdown, tables and downloads as plain data, and never through unsafe_allow_html.
Nothing about the patient is stored: answers live in this browser session and leave it only as
files the user downloads.

    streamlit run streamlit_app.py      (or: trialmatch serve)
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from typing import Any

import pandas as pd  # type: ignore[import-untyped]
import streamlit as st

import trialmatch.registry.sync as sync_module
from trialmatch.cache import reads
from trialmatch.cache.geo import Place, geocode
from trialmatch.cache.models import Site, Trial
from trialmatch.cache.store import open_cache, resolve_db_url
from trialmatch.criteria.rules.base import ELIGIBLE
from trialmatch.criteria.study_kind import GROUP_WORDS, GROUPS
from trialmatch.errors import ProfileError, TrialmatchError
from trialmatch.matching.index import load_index
from trialmatch.matching.match import Candidate, MatchFilters, TrialMatch, match_candidate, match_profile
from trialmatch.matching.profile import MAX_PROFILE_BYTES, Profile, profile_from_dict, profile_from_json
from trialmatch.present import form, plain, trial_view
from trialmatch.present.digest import CHANGE_WORDS, CacheChanges, changes_since, profile_digest, since_words
from trialmatch.present.export import shortlist_csv, shortlist_entry, shortlist_pdf
from trialmatch.registry.client import CTGovClient

PAGE_SIZE = 20  # results shown before "Show more"
WHY_NOT_LIMIT = 200
PROFILE_JSON, SHORTLIST, OPEN_DETAIL, SHOWN = "profile_json", "shortlist", "open_detail", "shown"
EXTRA_BIOMARKERS, EXTRA_NEGATIVE, IDENTITY, MESSAGES = "extra_biomarkers", "extra_negative", "identity", "messages"
LOADED_SAVED_AT, SHOW_NEW = "loaded_saved_at", "show_new"  # when a loaded file was saved; its news shown

st.set_page_config(page_title="Lung cancer trials to discuss with your doctor", page_icon="🫁", layout="centered")
esc = plain.escape_markdown


# -- cached data access: the engine and index once per cache, queries per sync -------------------

@st.cache_resource(show_spinner=False)
def get_engine(url: str) -> Any:
    return open_cache(url)


@st.cache_resource(max_entries=2, show_spinner="Loading the trials…")
def get_index(url: str, stamp: str) -> tuple[list[Candidate], dict[str, Candidate]]:
    index = load_index(get_engine(url))
    return index, {c.nct_id: c for c in index}


@st.cache_data(max_entries=2, show_spinner=False)
def get_stats(url: str, stamp: str) -> dict[str, Any]:
    return reads.stats(get_engine(url))


@st.cache_data(max_entries=2, show_spinner=False)
def get_overview(url: str, stamp: str) -> tuple[dict[str, int], dict[str, int], list[tuple[str, str, str]]]:
    index, _ = get_index(url, stamp)
    last = reads.last_sync_run(get_engine(url))
    fresh = trial_view.new_since(index, last.started_at if last else None)
    return (trial_view.recruiting_by_biomarker(index), trial_view.recruiting_by_phase(index),
            [(c.nct_id, c.title, c.status) for c in fresh])


@st.cache_data(max_entries=8, show_spinner=False)
def get_changes(url: str, stamp: str, since: datetime) -> CacheChanges:
    return changes_since(get_engine(url), since)


@st.cache_resource(max_entries=16, show_spinner="Checking every trial…")
def run_match(url: str, stamp: str, profile_json: str, filters: MatchFilters) -> list[TrialMatch]:
    index, _ = get_index(url, stamp)
    return match_profile(index, profile_from_dict(json.loads(profile_json)), filters)


@st.cache_data(max_entries=64, show_spinner=False)
def get_trial(url: str, stamp: str, nct_id: str) -> tuple[Trial | None, list[Site]]:
    engine = get_engine(url)
    return reads.get_trial(engine, nct_id), reads.sites_for(engine, nct_id)


@st.cache_data(max_entries=256, show_spinner=False)
def locate(text: str) -> Place:
    return geocode(text)


def cache_stamp(url: str) -> str:
    """Changes when a sync finishes (ok or failed), so cached data is reloaded exactly then."""
    run = reads.last_sync_run(get_engine(url), ok_only=False)
    return "never" if run is None else f"{run.id}:{run.status}:{run.finished_at}"


# -- session state and callbacks -------------------------------------------------------------------

def init_state() -> None:
    for key, value in {**form.default_widgets(), PROFILE_JSON: None, SHORTLIST: [], OPEN_DETAIL: None,
                       SHOWN: PAGE_SIZE, EXTRA_BIOMARKERS: (), EXTRA_NEGATIVE: (), IDENTITY: {},
                       MESSAGES: {}, LOADED_SAVED_AT: None, SHOW_NEW: False}.items():
        st.session_state.setdefault(key, value)


def say(slot: str, kind: str | None, text: str) -> None:
    """Keep a message across reruns (shown until replaced)."""
    st.session_state[MESSAGES] = {**st.session_state[MESSAGES], slot: (kind, text)}


def show_message(slot: str) -> None:
    kind, text = st.session_state[MESSAGES].get(slot, (None, ""))
    if kind is not None:
        getattr(st, kind)(text)


def load_uploaded_profile() -> None:
    upload = st.session_state.get("profile_upload")
    if upload is None:
        return
    try:
        if upload.size > MAX_PROFILE_BYTES:
            raise ProfileError(f"{upload.name} is too big for a profile ({upload.size} bytes)")
        profile = profile_from_json(upload.getvalue(), upload.name)
    except ProfileError as exc:
        say("load", "error", f"Could not load the file: {esc(str(exc))}. Your answers were not changed.")
        return
    values, extra, negative = form.widgets_from_profile(profile)
    st.session_state.update(values)
    st.session_state[EXTRA_BIOMARKERS], st.session_state[EXTRA_NEGATIVE] = extra, negative
    st.session_state[IDENTITY] = {"id": profile.id, "summary": profile.summary}
    st.session_state[PROFILE_JSON] = form.profile_json(profile)
    st.session_state[SHOWN] = PAGE_SIZE
    st.session_state[LOADED_SAVED_AT], st.session_state[SHOW_NEW] = form.saved_at_of(upload.getvalue()), False
    say("load", "success", f"Loaded your answers from {esc(upload.name)}.")


def submit_profile() -> None:
    try:
        profile = form.profile_from_widgets(
            st.session_state, extra_biomarkers=st.session_state[EXTRA_BIOMARKERS],
            extra_negative=st.session_state[EXTRA_NEGATIVE], identity=st.session_state[IDENTITY])
    except ProfileError as exc:
        say("form", "error", f"Please check your answers: {esc(str(exc))}")
        return
    say("form", None, "")
    st.session_state[PROFILE_JSON] = form.profile_json(profile)
    st.session_state[SHOWN] = PAGE_SIZE


def toggle(key: str, nct_id: str) -> None:
    if key == OPEN_DETAIL:
        st.session_state[OPEN_DETAIL] = None if st.session_state[OPEN_DETAIL] == nct_id else nct_id
        return
    chosen = list(st.session_state[SHORTLIST])
    st.session_state[SHORTLIST] = [n for n in chosen if n != nct_id] if nct_id in chosen else [*chosen, nct_id]


def clear_shortlist() -> None:
    st.session_state[SHORTLIST] = []


def show_more() -> None:
    st.session_state[SHOWN] += PAGE_SIZE


def run_sync(url: str) -> None:
    bar = st.progress(0.0, text="Contacting ClinicalTrials.gov…")

    def on_progress(p: sync_module.Progress) -> None:
        of = f" of {p.total}" if p.total else ""
        bar.progress(min(p.done / p.total, 1.0) if p.total else 0.0, text=f"{p.step}: {p.done}{of} trials")

    try:
        with CTGovClient() as client:
            summary = sync_module.sync(get_engine(url), client, progress=on_progress)
    except Exception as exc:  # noqa: BLE001 - any failure becomes one line; the saved trials stay
        reason = str(exc) if isinstance(exc, TrialmatchError) else f"{type(exc).__name__}: {exc}"
        say("sync", "error", f"The update failed: {esc(reason)}. The trials saved before are kept; try again later.")
    else:
        say("sync", "success", esc(summary.line()))
    bar.empty()


# -- views ---------------------------------------------------------------------------------------------

def data_panel(url: str, stats: dict[str, Any]) -> None:
    st.subheader("Trial data")
    if stats["trials"]:
        when = f"{stats['last_sync']} (UTC)" if stats["last_sync"] else "none finished yet"
        st.write(f"{stats['trials']:,} trials and {stats['sites']:,} sites saved on this computer. "
                 f"Last complete update: {when}.")
    if st.button("Update trial data now", key="sync", help="Downloads lung cancer trials from ClinicalTrials.gov. "
                 "Only the condition is sent, never your answers."):
        run_sync(url)
        st.rerun()
    show_message("sync")
    st.caption("Your answers stay in this browser tab: nothing is saved or sent anywhere.")


def profile_form() -> None:
    state = st.session_state
    st.file_uploader("Load answers saved earlier (JSON file)", type=["json"], key="profile_upload",
                     on_change=load_uploaded_profile)
    show_message("load")
    with st.form("profile_form", enter_to_submit=False):
        st.subheader("About you")
        st.number_input("Age (years)", min_value=0, max_value=120, step=1, value=None, key=form.AGE)
        st.selectbox("Sex", ["", "female", "male"], key=form.SEX, format_func=lambda v: v.capitalize() or "Not given")
        st.subheader("Your cancer")
        st.selectbox("Type of non-small cell lung cancer", ["", *plain.HISTOLOGY_WORDS], key=form.HISTOLOGY,
                     format_func=lambda v: plain.HISTOLOGY_WORDS.get(v, "Not sure"))
        st.selectbox("Stage", ["", "IV", "III", "II", "I"], key=form.STAGE,
                     format_func=lambda v: f"Stage {v}" if v else "Not sure")
        st.markdown("**Tumour markers (biomarkers).** For each gene, pick what your test report found, "
                    f"'{form.TESTED_NEGATIVE}', or '{form.NOT_TESTED}'. Leave it empty if you do not know.")
        columns = st.columns(2)
        for i, gene in enumerate(form.ALTERATIONS):
            key = form.biomarker_key(gene)
            columns[i % 2].multiselect(form.gene_label(gene), form.biomarker_options(gene, state.get(key)),
                                       key=key, placeholder="Not answered")
        st.number_input("PD-L1 score (TPS, %)", min_value=0.0, max_value=100.0, step=1.0, value=None, key=form.PDL1,
                        help=plain.GLOSSARY["TPS"])
        st.subheader("Treatment so far")
        drugs = form.drug_choices(state.get(form.PRIOR_THERAPIES))
        st.multiselect("Cancer medicines you have had (type to search)", list(drugs), key=form.PRIOR_THERAPIES,
                       format_func=lambda d: f"{d} ({drugs[d]})" if drugs[d] else d, placeholder="None")
        st.number_input("Number of treatments for advanced cancer so far (lines)", min_value=0, max_value=20,
                        step=1, value=None, key=form.PRIOR_LINES, help=plain.GLOSSARY["Line of treatment"])
        st.radio("Day-to-day activity (ECOG)", ["", "0", "1", "2", "3", "4"], key=form.ECOG,
                 format_func=lambda v: plain.ECOG_WORDS[int(v)] if v else "Not sure", help=plain.GLOSSARY["ECOG"])
        st.radio("Cancer spread to the brain", ["", *plain.BRAIN_WORDS], key=form.BRAIN,
                 format_func=lambda v: plain.BRAIN_WORDS.get(v, "Not sure"))
        st.subheader("Where you are")
        st.text_input("US ZIP code or city", key=form.LOCATION, max_chars=200, placeholder="02115 or Denver, CO")
        st.number_input("Furthest you can travel (miles)", min_value=1.0, max_value=25000.0, step=25.0, value=None,
                        key=form.MAX_MILES)
        with st.expander("Which trials to include"):
            st.multiselect("Recruitment status", form.STATUS_CHOICES, key=form.STATUSES,
                           format_func=plain.status_words, placeholder="Any status")
            st.multiselect("Phase", form.PHASE_CHOICES, key=form.PHASES,
                           format_func=lambda p: plain.phase_words([p]), placeholder="Any phase")
            st.checkbox("Only trials testing a treatment (interventional)", key=form.INTERVENTIONAL_ONLY)
            st.multiselect("Kinds of study", GROUPS, key=form.KINDS, format_func=GROUP_WORDS.__getitem__,
                           placeholder="All kinds", help="A study whose kind is not stated is kept under each "
                           "kind it could be.")
            new_col, changed_col = st.columns(2)
            new_col.date_input("Only trials new since", value=None, key=form.NEW_SINCE, format="YYYY-MM-DD")
            changed_col.date_input("Only trials changed since", value=None, key=form.CHANGED_SINCE, format="YYYY-MM-DD",
                                   help="New, open again, closed, or with changed eligibility criteria since this day.")
        st.form_submit_button("Find trials", key="find", type="primary", on_click=submit_profile)
    show_message("form")


def result_card(rank: int, m: TrialMatch) -> None:
    c = m.candidate
    with st.container(border=True, key=f"card-{c.nct_id}"):
        st.markdown(f"**{rank}. {esc(c.title)}**")
        where = ""
        if m.nearest is not None:
            where = f" · nearest open site {plain.miles_words(m.nearest.miles)}, {m.nearest.site.place}"
        elif m.distance_unknown:
            where = f" · {c.distance_unknown_words()}"
        st.caption(esc(f"{c.nct_id} · {plain.phase_words(c.phases)} · {plain.status_words(c.status)}{where}"))
        st.markdown(f"**{esc(c.kind_words)}**")
        st.markdown(f"**{plain.POSSIBLE_MATCH}**")
        st.caption(esc(f"Why it ranks here: {'; '.join(m.rank_reasons)}"))
        lines, silent = [], []
        for name, f in m.dimensions.items():
            if f.verdict == ELIGIBLE and not f.evidence:
                silent.append(plain.lower_first(plain.dimension_name(name)))
                continue
            line = f"- {plain.badge_markdown(f.verdict)} · **{esc(plain.dimension_name(name))}**: {esc(f.reason)}"
            lines.append(line + (f"  \n  *“{esc(f.evidence)}”*" if f.evidence else ""))
        if silent:
            lines.append(f"- {plain.badge_markdown(ELIGIBLE)} · no requirement found on: {esc(', '.join(silent))}")
        st.markdown("\n".join(lines))
        left, right = st.columns(2)
        opened = st.session_state[OPEN_DETAIL] == c.nct_id
        left.button("Hide details" if opened else "Details and criteria", key=f"detail-{c.nct_id}",
                    on_click=toggle, args=(OPEN_DETAIL, c.nct_id))
        listed = c.nct_id in st.session_state[SHORTLIST]
        right.button("Remove from shortlist" if listed else "Add to shortlist", key=f"short-{c.nct_id}",
                     on_click=toggle, args=(SHORTLIST, c.nct_id))
        if opened:
            trial_detail(m)


def trial_detail(m: TrialMatch) -> None:
    url, stamp, origin = CONTEXT["url"], CONTEXT["stamp"], CONTEXT["origin"]
    trial, sites = get_trial(url, stamp, m.candidate.nct_id)
    if trial is None:
        st.warning("This trial is no longer in the saved data. Update the trial data and search again.")
        return
    st.markdown("**Summary**")
    st.markdown(esc(trial.brief_summary) or "No summary given.")
    st.markdown("**Arms and drugs**")
    arms = trial_view.arms_lines(trial)
    st.markdown("\n".join(f"- **{esc(label)}**: {esc(body)}" for label, body in arms) or "Not listed.")
    st.markdown(f"**Who can join** ({trial_view.DECIDING_MARK} marks the criteria behind the badges above)")
    st.markdown(trial_view.criteria_markdown(trial_view.marked_criteria(trial.eligibility_criteria, m.dimensions))
                or "No criteria text given.")
    st.markdown(f"**Sites** ({len(sites)})")
    if sites:
        st.dataframe(pd.DataFrame(trial_view.site_rows(sites, origin)), hide_index=True, key=f"sites-{trial.nct_id}")
    link = trial_view.trial_url(trial.nct_id)
    if link:
        st.link_button("Open this trial on ClinicalTrials.gov", link, key=f"link-{trial.nct_id}")
    st.caption(f"Last updated on ClinicalTrials.gov: {trial.last_update_posted or 'unknown'}")


def results(profile: Profile, matches: list[TrialMatch], cached: int) -> None:
    possible, excluded = trial_view.split_results(matches)
    st.subheader("Your possible matches")
    st.markdown(f"**{len(possible)} possible match(es)** to discuss with your doctor, out of {len(matches)} "
                f"trial(s) that pass your filters ({cached:,} saved). {len(excluded)} do not fit on something "
                "the trial states: see “Why not?” below.")
    st.download_button("Save my answers (JSON file)", form.saved_profile_json(profile, datetime.now(UTC)),
                       file_name="my-trial-profile.json",
                       mime="application/json", key="save_profile", on_click="ignore")
    shown = possible[: st.session_state[SHOWN]]
    for rank, m in enumerate(shown, start=1):
        result_card(rank, m)
    if len(possible) > len(shown):
        st.button(f"Show more ({len(possible) - len(shown)} left)", key="show_more", on_click=show_more)
    with st.expander(f"Why not? {len(excluded)} trial(s) that do not fit"):
        for m in excluded[:WHY_NOT_LIMIT]:
            reasons = "".join(f"\n  - {esc(r)}" + (f" *“{esc(m.dimensions[n].evidence)}”*"
                              if m.dimensions[n].evidence else "")
                              for r, n in zip(trial_view.exclusion_reasons(m), m.exclusions, strict=True))
            st.markdown(f"- **{esc(m.candidate.title)}** ({m.candidate.nct_id}){reasons}")
        if len(excluded) > WHY_NOT_LIMIT:
            st.caption(f"…and {len(excluded) - WHY_NOT_LIMIT} more.")


def toggle_news() -> None:
    st.session_state[SHOW_NEW] = not st.session_state[SHOW_NEW]


def whats_new(profile: Profile) -> None:
    """For a loaded file that says when it was saved: what `trialmatch digest` would report since."""
    saved_at = st.session_state[LOADED_SAVED_AT]
    if saved_at is None:
        return
    shown = st.session_state[SHOW_NEW]
    st.button(f"{'Hide' if shown else 'Show'} what is new since you saved this ({since_words(saved_at)})",
              key="whats_new", on_click=toggle_news)
    if not shown:
        return
    url, stamp = CONTEXT["url"], CONTEXT["stamp"]
    index, _ = get_index(url, stamp)
    report = profile_digest(index, get_changes(url, stamp, saved_at), profile, "", origin=CONTEXT["origin"])
    with st.container(border=True, key="news"):
        st.markdown(f"**{len(report.opened)} possible match(es) new, open again or with changed criteria** "
                    "since you saved your answers:")
        st.markdown("\n".join(f"- {esc(t.match.candidate.title)} ({esc(t.match.candidate.nct_id)}): "
                              f"{CHANGE_WORDS[t.change].lower()}" for t in report.opened) or "None.")
        st.markdown(f"**{len(report.closed)} trial(s) that were possible matches have closed:**")
        st.markdown("\n".join(f"- {esc(m.candidate.title)} ({esc(m.candidate.nct_id)}): now "
                              f"{plain.status_words(m.candidate.status).lower()}" for m in report.closed) or "None.")


def shortlist_view(profile: Profile | None, matches: list[TrialMatch], by_id: dict[str, Candidate]) -> None:
    chosen = [n for n in st.session_state[SHORTLIST] if n in by_id]
    if profile is None or not chosen:
        st.info("Press “Add to shortlist” on the trials you want to discuss. Then download them here as a "
                "printable PDF for your appointment, or as a spreadsheet (CSV) for your care team.")
        return
    found = {m.candidate.nct_id: m for m in matches}
    origin, url, stamp = CONTEXT["origin"], CONTEXT["url"], CONTEXT["stamp"]
    entries = []
    for nct_id in chosen:
        m = found.get(nct_id) or match_candidate(by_id[nct_id], profile, origin)
        trial, sites = get_trial(url, stamp, nct_id)
        entries.append(shortlist_entry(m, trial, sites, origin))
        st.markdown(f"- **{esc(m.candidate.title)}** ({nct_id})")
    st.button("Clear the shortlist", key="clear_shortlist", on_click=clear_shortlist)
    data_as_of = CONTEXT["stats"].get("last_sync")
    st.download_button("Download for my appointment (PDF)", shortlist_pdf(profile, entries, data_as_of=data_as_of),
                       file_name="trials-to-discuss.pdf", mime="application/pdf", key="pdf", type="primary",
                       on_click="ignore")
    st.download_button("Download for the care team (CSV)", shortlist_csv(entries), file_name="trials-to-discuss.csv",
                       mime="text/csv", key="csv", on_click="ignore")


def overview(url: str, stamp: str) -> None:
    by_marker, by_phase, fresh = get_overview(url, stamp)
    st.subheader("Recruiting trials by biomarker")
    st.caption("Counted from each trial's title and conditions; a trial naming two genes counts twice.")
    if by_marker:
        st.bar_chart(pd.DataFrame({"trials": by_marker}), horizontal=True, y_label="", x_label="Recruiting trials",
                     alt="Bar chart of recruiting trials per biomarker; the same numbers are in the table below.")
        st.dataframe(pd.DataFrame({"Biomarker": list(by_marker), "Recruiting trials": list(by_marker.values())}),
                     hide_index=True, key="table_markers")
    st.subheader("Recruiting trials by phase")
    if by_phase:
        labels = {plain.phase_words([p]): n for p, n in by_phase.items()}
        st.bar_chart(pd.DataFrame({"trials": labels}), x_label="", y_label="Recruiting trials",
                     alt="Bar chart of recruiting trials per phase; the same numbers are in the table below.")
        st.dataframe(pd.DataFrame({"Phase": list(labels), "Recruiting trials": list(labels.values())}),
                     hide_index=True, key="table_phases")
    st.subheader(f"New in the latest update ({len(fresh)})")
    st.markdown("\n".join(f"- {nct_id}: {esc(title)} ({plain.status_words(status)})"
                          for nct_id, title, status in fresh[:100]) or "None.")


def glossary() -> None:
    for word, meaning in plain.GLOSSARY.items():
        st.markdown(f"**{word}**: {meaning}")
    st.markdown("**The ECOG scale in everyday words**")
    st.markdown("\n".join(f"- **{level}**: {words}" for level, words in plain.ECOG_WORDS.items()))


# -- the page ------------------------------------------------------------------------------------------

CONTEXT: dict[str, Any] = {}
init_state()
st.title("Lung cancer trials to discuss with your doctor")
st.caption(f"For people with stage IV non-small cell lung cancer (NSCLC). {plain.NOT_ADVICE}")

try:
    db_url = resolve_db_url()
    engine_stamp = cache_stamp(db_url)
    stats = get_stats(db_url, engine_stamp)
except TrialmatchError as exc:
    st.error(f"Cannot open the trial data: {esc(str(exc))}")
    st.stop()

if not stats["trials"]:
    st.info("No trials are saved on this computer yet. Press “Update trial data now” to download the open "
            "lung cancer trials from ClinicalTrials.gov (a few minutes), or run `trialmatch sync` in a terminal.")
    data_panel(db_url, stats)
    st.stop()

with st.sidebar:
    data_panel(db_url, stats)

index, by_id = get_index(db_url, engine_stamp)
CONTEXT.update(url=db_url, stamp=engine_stamp, stats=stats, origin=None)
find_tab, shortlist_tab, overview_tab, words_tab = st.tabs(
    ["Find trials", f"My shortlist ({len(st.session_state[SHORTLIST])})", "Overview", "Words explained"])

profile: Profile | None = None
matches: list[TrialMatch] = []
with find_tab:
    profile_form()
    if st.session_state[PROFILE_JSON]:
        profile = profile_from_dict(json.loads(st.session_state[PROFILE_JSON]))
        if profile.max_distance_miles and not profile.location:
            st.info("Add a ZIP code or city under “Where you are” to use the distance limit.")
        if profile.location:
            try:
                place = locate(profile.location)
                CONTEXT["origin"] = (place.latitude, place.longitude)
                st.caption(f"Distances are from {esc(place.label)}.")
            except ProfileError as exc:
                st.error(f"{esc(str(exc))}. Showing trials without distances.")
        filters = form.filters_from_widgets(st.session_state, CONTEXT["origin"], profile.max_distance_miles)
        started = datetime.now(UTC)
        try:
            matches = run_match(db_url, engine_stamp, st.session_state[PROFILE_JSON], filters)
        except Exception as exc:  # noqa: BLE001 - a matcher bug must not show a patient a traceback
            st.error(f"Something went wrong while checking the trials ({esc(f'{type(exc).__name__}: {exc}')}). "
                     "Your answers are kept; please report this problem.")
            st.stop()
        changed_since = st.session_state.get(form.CHANGED_SINCE)
        if isinstance(changed_since, date):
            changed = get_changes(db_url, engine_stamp, datetime.combine(changed_since, time.min, UTC)).nct_ids
            matches = [m for m in matches if m.candidate.nct_id in changed]
        whats_new(profile)
        results(profile, matches, stats["trials"])
        st.caption(f"Checked in {(datetime.now(UTC) - started).total_seconds():.2f} s.")
with shortlist_tab:
    shortlist_view(profile, matches, by_id)
with overview_tab:
    overview(db_url, engine_stamp)
with words_tab:
    glossary()
