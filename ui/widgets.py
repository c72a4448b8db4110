"""Streamlit side of the input declarations: draw a declared input, report bad link values.

This is the one mechanism every page uses: each widget is bound to the URL
(``bind="query-params"``: its key is the query parameter, defaults are left out of the URL),
and values arriving from a link are checked against the same declaration *before* the
widgets are drawn, because Streamlit drops an invalid value silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence
from urllib.parse import urlencode

import streamlit as st

from ui import scenario
from ui.params import LinkProblem, Param, check_query, md_code, share_query, share_url
from ui.text import display_value, md_escape

__all__ = [
    "PageFrame", "page_frame", "share_link", "share_section", "arrive", "check_link", "show_link_problems",
    "draw", "display_value", "current_locale", "currency", "table_from_link", "table_to_link", "scenario_files",
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
        for key in [k for k in st.session_state if (str(k).startswith("_link_problems_") and k != "_link_problems_frame")
                    or str(k).startswith("_import_")]:
            del st.session_state[key]
        st.session_state["_page_now"] = page


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
    check_link(params, page)
    problems = st.container()
    metrics = st.container()
    left, right = st.columns(list(ratio), gap="large")
    left.subheader("Inputs")
    return PageFrame(problems, metrics, left, right)


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
    on the first run of a session, when the link carries other values than this session last
    wrote (a new link pasted into the address bar), or after a scenario file was loaded.
    Otherwise None: the table the user is editing stays as it is."""
    now = {k: st.query_params.get_all(k) for k in keys if k in st.query_params}
    written = st.session_state.get(f"_written_{name}")
    if written is None or st.session_state.pop(f"_reload_{name}", False) or (now and now != written):
        return now
    return None


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
    for p in s.spec.params:
        st.session_state[p.key] = s.values[p.key]
    st.session_state["cur"] = s.currency
    table_to_link(page, s.spec.table_keys, s.tables)
    st.session_state[f"_reload_{page}"] = True
    st.session_state[f"_import_{page}"] = ("success", name, [])


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
