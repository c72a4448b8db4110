"""Streamlit side of the input declarations: draw a declared input, report bad link values.

This is the one mechanism every page uses: each widget is bound to the URL
(``bind="query-params"``: its key is the query parameter, defaults are left out of the URL),
and values arriving from a link are checked against the same declaration *before* the
widgets are drawn, because Streamlit drops an invalid value silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable, Sequence
from urllib.parse import urlencode

import streamlit as st

from ui import activities, scenario
from ui.params import LinkProblem, Param, check_query, md_code, share_query, share_url
from ui.text import display_value, md_escape

__all__ = [
    "PageFrame", "page_frame", "share_link", "share_section", "arrive", "check_link", "show_link_problems",
    "draw", "display_value", "current_locale", "currency", "table_from_link", "table_to_link", "scenario_files",
    "editor_base", "remember_rows", "replace_rows", "show_table_problems", "apply_scenario",
    "activities_editor", "apply_persona",
]


def current_locale() -> str | None:
    """The visitor's browser locale (``st.context.locale``), or None when unknown."""
    try:
        return st.context.locale
    except Exception:  # AppTest and very old sessions have no context
        return None


def arrive(page: str) -> None:
    """Call once per run, before the page runs: on arriving at another page, forget the
    link problems of the pages left behind (a warning belongs to the visit that caused it)."""
    if st.session_state.get("_page_now") != page:
        st.session_state[f"_fresh_{page}"] = True
        for key in [k for k in st.session_state if (str(k).startswith("_link_problems_") and k != "_link_problems_frame")
                    or str(k).startswith("_import_")]:
            del st.session_state[key]
        st.session_state["_page_now"] = page


def arrived_with_link(params: Sequence[Param], page: str) -> None:
    """On arriving at the page (in a session that has seen other pages) through a link that
    carries parameters, set every input the link leaves out to its default, before the widgets
    are drawn: a link describes the whole scenario, as it does on a freshly opened page (inputs
    keep their values when the user arrives without parameters, e.g. from the menu)."""
    own = {p.key for p in params} | set(scenario.PAGES[page].table_keys if page in scenario.PAGES else ())
    if not st.session_state.pop(f"_fresh_{page}", False) or not any(k in own for k in st.query_params):
        return
    st.session_state[f"_link_arrival_{page}"] = True  # for the page's tables (table_from_link)
    for p in params:
        if p.key not in st.query_params:
            st.session_state[p.key] = dt.date.today() if p.default == "today" else p.default


def check_link(params: Sequence[Param], page: str) -> None:
    """Check the raw link values of ``params``; remember problems for this page and session.

    Call before the widgets are drawn: afterwards Streamlit has already dropped invalid values.
    """
    keys = [p.key for p in params if p.key in st.query_params]
    if not keys:
        return
    raw = {k: st.query_params.get_all(k) for k in keys}
    _, problems = check_query(params, raw, currency())
    if problems:
        st.session_state[f"_link_problems_{page}"] = problems


def show_link_problems(params: Sequence[Param], values: dict[str, Any], page: str, currency: str) -> None:
    """Show one warning listing every link value that was not used, and what is used instead."""
    problems: list[LinkProblem] = st.session_state.get(f"_link_problems_{page}", [])
    if not problems:
        return
    by_key = {p.key: p for p in params}
    locale = current_locale()
    lines = []
    for pr in problems:
        p = by_key[pr.key]
        used = display_value(p, values.get(pr.key, p.default), currency, locale)
        # The message is Markdown with the link's text in a code span; the value used is ours.
        lines.append(f"- **`{pr.key}`** — {pr.message} Using {md_escape(used)} instead.")
    with st.container(border=False):
        st.warning(
            "**Some values in the link could not be used.** The link's other values were applied.\n\n"
            + "\n".join(lines),
            icon=":material/link_off:",
        )
        if st.button("Dismiss", key=f"_dismiss_{page}", type="tertiary"):
            st.session_state.pop(f"_link_problems_{page}", None)
            st.rerun()


def _help(p: Param, currency: str) -> str:
    default = display_value(p, p.default, currency, None)
    return f"{p.help}\n\nDefault {default}. Source: {p.source}\n\nAccepted: {p.range_text()}. URL key: `{p.key}`."


def _label(p: Param, currency: str) -> str:
    unit = p.unit_text(currency)
    return f"{p.label} ({unit})" if unit else p.label


def draw(params: Iterable[Param], currency: str = "USD", disabled: bool = False) -> dict[str, Any]:
    """Draw each declared input bound to the URL; return ``key -> value`` in widget units."""
    out: dict[str, Any] = {}
    for p in params:
        common = dict(key=p.key, help=_help(p, currency), bind="query-params", disabled=disabled)
        label = _label(p, currency)
        if p.widget == "number":  # always float: see Param.__post_init__
            out[p.key] = st.number_input(
                label, min_value=float(p.min), max_value=float(p.max), value=float(p.default),
                step=float(p.step or 1), format=p.fmt or ("%.0f" if (p.step or 1) >= 1 else "%.2f"), **common,
            )
        elif p.widget == "slider":
            if p.kind == "int":
                out[p.key] = st.slider(
                    label, min_value=int(p.min), max_value=int(p.max), value=int(p.default),
                    step=int(p.step or 1), format=p.fmt, **common,
                )
            else:
                out[p.key] = st.slider(
                    label, min_value=float(p.min), max_value=float(p.max), value=float(p.default),
                    step=float(p.step or 1), format=p.fmt, **common,
                )
        elif p.widget == "select":
            out[p.key] = st.selectbox(label, p.options, index=p.options.index(p.default), **common)
        elif p.widget == "date":
            out[p.key] = st.date_input(label, value=p.default, min_value=p.min, max_value=p.max,
                                       format="YYYY-MM-DD", **common)
        elif p.widget == "text":
            out[p.key] = st.text_area(label, value=p.default, max_chars=int(p.max), **common)
        elif p.widget == "segmented":
            out[p.key] = st.radio(label, p.options, index=p.options.index(p.default), horizontal=True, **common)
        else:  # pragma: no cover - declarations are checked by tests
            raise ValueError(f"unknown widget {p.widget!r} for {p.key}")
    return out


def currency() -> str:
    """The currency chosen in the shared frame (sidebar), USD until the frame has run."""
    return st.session_state.get("cur", "USD")


@dataclass(frozen=True)
class PageFrame:
    """The containers every calculator page fills: link warnings, metrics, inputs, results."""

    problems: Any
    metrics: Any
    inputs: Any
    results: Any


def page_frame(page: str, params: Sequence[Param], title: str, caption: str,
               ratio: tuple[int, int] = (2, 3)) -> PageFrame:
    """Title and caption, the link check, and the page's layout (metrics above, inputs on the
    left, results on the right, widths in ``ratio``). Call before drawing any input of the page."""
    st.title(title)
    st.caption(caption)
    arrived_with_link(params, page)
    check_link(params, page)
    problems = st.container()
    metrics = st.container()
    left, right = st.columns(list(ratio), gap="large")
    left.subheader("Inputs")
    return PageFrame(problems, metrics, left, right)


def chart(fig: Any, key: str, where: Any = None) -> None:
    """Draw a figure from ``ui.charts`` and, under it, its text alternative (the numbers it
    shows, in words) as a caption: screen readers cannot read a chart's SVG, and the sentence
    also helps anyone who cannot tell its colours apart."""
    from ui.charts import alt_text  # plotly is imported by the pages that draw charts anyway

    where = where if where is not None else st
    where.plotly_chart(fig, key=key, width="stretch", config={"displaylogo": False})
    where.caption(f":material/description: {md_escape(alt_text(fig))}")


def share_link(page: str, params: Sequence[Param], values: dict[str, Any], frame_params: Sequence[Param],
               extra: dict[str, Any] | None = None) -> str:
    """The page's share link: the frame's inputs (currency), the page's and ``extra`` parameters
    (already URL text, e.g. the risk page's activities; a list = a repeated parameter), defaults
    left out."""
    parts = (share_query(frame_params, {"cur": currency()}), share_query(params, values),
             urlencode(extra or {}, doseq=True))
    return share_url(st.context.url, page, "&".join(q for q in parts if q))


def share_section(link: str, note: str, page: str | None = None, values: dict[str, Any] | None = None,
                  tables: dict[str, list[str]] | None = None) -> None:
    """The "Share this scenario" block: the link with a copy button, what it carries, and (for a
    page of :data:`ui.scenario.PAGES`) the scenario as a JSON file to download or load."""
    st.subheader("Share this scenario")
    st.code(link, language=None, wrap_lines=True)
    st.caption(note)
    if page is not None and values is not None:
        scenario_files(page, values, tables or {}, link)


# --- Tables that travel in the link (the risk check's activities, the TEI rows) -------------
def table_from_link(name: str, keys: Sequence[str]) -> dict[str, list[str]] | None:
    """The link's parameters of a page table when the page must (re-)read its table from them:
    on the first run of a session, on arriving at the page with a link that carries parameters
    (its table is then what the link says, the default table if it says nothing), when the link
    carries other values than this session last wrote (a new link pasted into the address bar),
    or after a scenario file was loaded. Otherwise None: the table being edited stays as it is."""
    now = {k: st.query_params.get_all(k) for k in keys if k in st.query_params}
    written = st.session_state.get(f"_written_{name}")
    arrived_with_link = st.session_state.pop(f"_link_arrival_{name}", False)
    loaded = st.session_state.pop(f"_reload_{name}", None)
    if loaded is not None:  # a scenario was just applied (a file, or a compared scenario opened)
        return loaded
    if written is None or arrived_with_link or (now and now != written):
        return now
    return None


def editor_base(name: str, keys: Sequence[str], decode: Any, shape: Any = "") -> tuple[list[dict], str]:
    """The rows a page's ``st.data_editor`` starts from, and the editor's key.

    The rows come from the link when :func:`table_from_link` says so (problems are kept for
    :func:`show_table_problems`); otherwise, when the editor's columns change (``shape``, e.g.
    the horizon) or the editor was dropped by Streamlit while the user was on another page,
    from the rows last read from it (:func:`remember_rows`), so no edit is lost. A new key
    starts the editor afresh from these rows."""
    ss = st.session_state
    link = table_from_link(name, keys)
    version = ss.get(f"_{name}_version", 0)
    if link is not None:
        base, problems = decode(link)
        ss[f"_{name}_base"] = base
        ss[f"_link_problems_{name}_table"] = problems
        version += 1
    else:
        drawn = ss.get(f"_{name}_editor")
        dropped = drawn is not None and drawn not in ss
        if (dropped or ss.get(f"_{name}_shape") != shape) and f"_{name}_rows" in ss:
            ss[f"_{name}_base"] = ss[f"_{name}_rows"]
            version += 1
    ss[f"_{name}_version"] = version
    ss[f"_{name}_shape"] = shape
    key = f"_{name}_editor_{version}_{shape}"
    ss[f"_{name}_editor"] = key
    return ss[f"_{name}_base"], key


def replace_rows(name: str, rows: list[dict]) -> None:
    """Start a page's editor afresh from ``rows`` on the next run (e.g. rows built from a list of
    tasks); call ``st.rerun()`` after it."""
    st.session_state[f"_{name}_base"] = rows
    st.session_state[f"_{name}_rows"] = rows
    st.session_state[f"_{name}_version"] = st.session_state.get(f"_{name}_version", 0) + 1


def remember_rows(name: str, rows: list[dict]) -> None:
    """Keep the rows read from a page's editor in this run (see :func:`editor_base`)."""
    st.session_state[f"_{name}_rows"] = rows


def show_table_problems(name: str, what: str) -> None:
    """One warning listing the rows of a page table that a link could not use (until the user
    leaves the page)."""
    problems = st.session_state.get(f"_link_problems_{name}_table")
    if problems:
        st.warning(f"**Some {what} in the link could not be used** and were left out or replaced by the "
                   "example.\n\n" + "\n".join(f"- **`{p.key}`** — {p.message}" for p in problems),
                   icon=":material/link_off:")


def table_to_link(name: str, keys: Sequence[str], query: dict[str, list[str]]) -> None:
    """Write a page table's parameters into the address bar (and forget the ones it no longer has)."""
    for k in keys:
        if k in query:
            if st.query_params.get_all(k) != query[k]:
                st.query_params[k] = query[k]
        elif k in st.query_params:
            del st.query_params[k]
    st.session_state[f"_written_{name}"] = query


# --- Scenario files ---------------------------------------------------------------------------
def _apply_file(page: str) -> None:
    """Uploader callback (runs before the page's widgets are drawn): validate the whole file,
    then apply all of it through session state, or nothing and remember every problem."""
    upload = st.session_state.get(f"_upload_{page}")
    if upload is None:
        return
    s, problems = scenario.read_json(upload.getvalue(), page)
    name = md_code(upload.name if len(upload.name) <= 60 else upload.name[:60] + "…")
    if s is None:
        st.session_state[f"_import_{page}"] = ("error", name, problems)
        return
    apply_scenario(s)
    st.session_state[f"_import_{page}"] = ("success", name, [])


def apply_scenario(s: scenario.Scenario) -> None:
    """Make ``s`` the state of its page: every input and the currency through session state (call
    from a callback, or before the page's widgets are drawn), its tables on the page's next run."""
    for p in s.spec.params:
        st.session_state[p.key] = s.values[p.key]
    st.session_state["cur"] = s.currency
    st.session_state[f"_reload_{s.page}"] = dict(s.tables)


def scenario_files(page: str, values: dict[str, Any], tables: dict[str, list[str]], link: str) -> None:
    """Download the page's scenario as JSON; load one (all of it, or nothing with every problem)."""
    s = scenario.Scenario(page, currency(), values, tables)
    left, right = st.columns(2, vertical_alignment="bottom")
    left.download_button(
        "Download this scenario (JSON)", scenario.to_json(s, link), file_name=f"upskill-roi-{page}.json",
        mime="application/json", icon=":material/download:", key=f"_dl_json_{page}",
        help="Every input of this page, its tables and the currency, in a file you keep. Load it here, or on the "
             "Compare page, to get exactly this scenario back.")
    right.file_uploader(
        "Load a scenario file", type=["json"], key=f"_upload_{page}", on_change=_apply_file, args=(page,),
        help=f"A file saved with the button on the left (at most {scenario.MAX_BYTES // 1024} KB). The whole file is "
             "checked first: either all of it is applied, or nothing changes.")
    outcome = st.session_state.get(f"_import_{page}")
    if outcome:
        kind, name, problems = outcome
        if kind == "success":
            st.success(f"Loaded {name}: every input, the tables and the currency now come from the file.",
                       icon=":material/upload_file:")
        else:
            st.error(f"**{name} was not loaded; your scenario is unchanged.** "
                     f"{'Problem' if len(problems) == 1 else f'{len(problems)} problems'}:\n\n"
                     + "\n".join(f"- {p}" for p in problems), icon=":material/error:")


def activities_editor(name: str, unit: str) -> list[dict]:
    """The five activities of the risk check as an editable table (read from and written to
    the link as ``a1..a5``); returns the rows as edited."""
    import pandas as pd

    keys = [f"a{n}" for n in range(1, activities.N_ROWS + 1)]
    base, key = editor_base(name, keys, activities.decode)
    edited = st.data_editor(
        pd.DataFrame(base), key=key, num_rows="fixed", hide_index=True, width="stretch",
        column_config={
            "Activity": st.column_config.TextColumn("Activity", max_chars=activities.MAX_NAME, required=True,
                                                    width="medium", help="What you do (free text)."),
            "Time": st.column_config.NumberColumn(f"Time ({unit})", min_value=0.0, max_value=activities.MAX_HOURS,
                                                  step=0.5, required=True, width="small",
                                                  help="Hours a week, or % of your working time."),
            "Kind": st.column_config.SelectboxColumn(
                "Kind of work", options=list(activities.KIND_LABELS.values()), required=True, width="medium",
                help="A category of the guidance, or a level of the published rubric (E0/E1/E2)."),
        },
    )
    rows = edited.to_dict("records")
    remember_rows(name, rows)
    table_to_link(name, keys, {k: [v] for k, v in activities.encode(rows).items()})
    return rows


def apply_persona(persona: Any) -> None:
    """Button callback: load an example persona on every page at once (each page's inputs the
    persona does not set take their defaults; its tables are the persona's), with a toast."""
    from urllib.parse import urlencode

    from ui import personas

    for page in scenario.PAGES:
        s, _ = scenario.from_link(f"/{page}?{urlencode(personas.query(persona, page))}")
        apply_scenario(s)
    st.toast(f"Loaded the persona: {persona.name}. Every page now shows it.", icon=":material/person:")
