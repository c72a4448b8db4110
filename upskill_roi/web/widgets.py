"""Streamlit side of the input declarations: draw a declared input, report bad link values.

This is the one mechanism every page uses: each widget is bound to the URL
(``bind="query-params"``: its key is the query parameter, defaults are left out of the URL),
and values arriving from a link are checked against the same declaration *before* the
widgets are drawn, because Streamlit drops an invalid value silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from upskill_roi.inputs import activities, pages, scenario
from upskill_roi.inputs.param import (
    LINK_VERSION,
    VERSION_KEY,
    LinkProblem,
    Param,
    check_query,
    link_version,
    md_code,
    money_text,
    share_url,
    url_text,
    versioned,
    widget_state,
)
from upskill_roi.present.text import display_value, md_escape
from upskill_roi.web import session

__all__ = [
    "PageFrame", "page_frame", "share_link", "share_section", "arrive", "check_link", "show_link_problems",
    "draw", "display_value", "current_locale", "currency", "table_from_link", "table_to_link", "scenario_files",
    "editor_base", "remember_rows", "replace_rows", "show_table_problems", "apply_scenario",
    "activities_form", "apply_persona", "set_input", "link_query", "page_link_new_tab", "follow_occupation",
    "occupation_picker", "follow_move", "where_to_go",
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
    first = st.session_state[session.FIRST_RUN] = session.PAGE_NOW not in st.session_state
    changed = st.session_state.get(session.PAGE_NOW) != page
    if (first or not changed) and VERSION_KEY not in st.query_params:
        # The address bar carries the link format too (a copied address is a link). Not on a page
        # change within a session: Streamlit 1.67's frontend then keeps the old page's path.
        st.query_params[VERSION_KEY] = str(LINK_VERSION)
    if changed:
        st.session_state[session.fresh(page)] = True
        for key in [k for k in st.session_state
                    if (str(k).startswith(session.LINK_PROBLEMS_PREFIX) and k != session.link_problems("frame"))
                    or str(k).startswith(session.IMPORT_PREFIX)]:
            del st.session_state[key]
        st.session_state[session.PAGE_NOW] = page


def link_query() -> dict[str, list[str]]:
    """The query parameters the browser asked for in this run, as the link carried them.

    On a page change within a session, Streamlit (1.67, ``QueryParams.populate_from_query_string``)
    drops from ``st.query_params`` every parameter whose key a widget of the page left behind was
    bound to -- so ``/roi`` -> ``upskilling?premium=…&salary=…`` arrived without ``salary``. The
    run's own query string still holds them; it is read here (``ScriptRunContext.query_string``,
    the string the frontend sent for this run; tests/browser/test_links_browser.py clicks every
    in-app link to keep this honest across Streamlit upgrades)."""
    from urllib.parse import parse_qs

    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    raw = getattr(ctx, "query_string", "") if ctx is not None else ""
    found = parse_qs(raw or "", keep_blank_values=True)
    for k in st.query_params:  # AppTest sets st.query_params without a query string
        found.setdefault(k, st.query_params.get_all(k))
    return found


def arrived_with_link(params: Sequence[Param], page: str) -> dict[str, list[str]] | None:
    """On arriving at the page (in a session that has seen other pages) through a link that
    carries parameters, make the page what the link says before the widgets are drawn: every
    value the link carries (checked against its declaration; see :func:`link_query` for why
    Streamlit's own binding cannot be relied on here) and every input it leaves out at its
    default -- a link describes the whole scenario, as it does on a freshly opened page. Inputs
    keep their values when the user arrives without parameters (e.g. from the menu).

    Returns the link's parameters when it applied them, else None. Values the link writes in
    another accepted form (``occ=29-1141``, ``thr=60.0``) are written back in the one form the
    page's own links use, so that the address bar and the share link agree."""
    own = {p.key for p in params} | set(scenario.PAGES[page].table_keys if page in scenario.PAGES else ())
    query = link_query()
    ss = st.session_state
    if session.arrived(page) in ss:  # the rerun below
        held: dict[str, list[str]] = ss.pop(session.arrived(page))
        return held
    if not ss.pop(session.fresh(page), False) or not any(k in own for k in query):
        return None
    ss[session.link_arrival(page)] = True  # for the page's tables (table_from_link)
    values, _ = check_query(params, query, currency())
    rewrite = False
    for p in params:
        if p.key in values:
            set_input(p, values[p.key])
            canonical = url_text(p, values[p.key])
            if p.key in st.query_params and st.query_params[p.key] != canonical and p.kind != "money":
                rewrite = True
        else:
            set_input(p, dt.date.today() if p.default == "today" else p.default)
    if rewrite and ss.get(session.FIRST_RUN):
        # A link opened afresh with a value in another accepted form ("occ=29-1141", "thr=60.0"): a
        # bound widget seeds itself from the link as it arrived (and drops what is no option), so
        # the address bar is rewritten in the one form the app writes and the page runs again.
        # (Not on a page change within a session: Streamlit 1.67's frontend then keeps the old
        # page's path. Links between the calculators open a new tab, see page_link_new_tab.)
        for p in params:
            if p.key in values and p.key in st.query_params and p.kind != "money":
                st.query_params[p.key] = url_text(p, values[p.key])
        ss[session.arrived(page)] = query
        st.rerun()
    return query


def page_link_new_tab(url_path: str, label: str, query: dict[str, Any], icon: str = ":material/open_in_new:") -> None:
    """A link to another calculator with a scenario, opened in a new tab: a fresh session reads
    the link exactly as a link pasted into the address bar (Streamlit 1.67 drops, on a page change
    within a session, the parameters bound to widgets of the page left behind, and its frontend can
    keep the old path when the page writes the address bar meanwhile), and the scenario in this tab
    stays as it is. ``label`` is our own text (never the user's)."""
    href = url_path + "?" + urlencode(versioned(query), doseq=True)
    st.markdown(f"{icon} [{label}]({href}) (opens a new tab)")


def _pick_occupation(key: str, label: str) -> None:
    st.session_state[key] = label


def follow_move(page: str, move_to: str, salary: float, move_pay: Param, none: str,
                arrived: dict[str, list[str]] | None) -> tuple[str, float | None, float | None, float] | None:
    """Let the pay change on moving follow the occupation chosen to move to: when the choice
    changes, or a link names one but no pay change, the pay change becomes the occupation's BLS
    median against the salary (:func:`upskill_roi.core.similar.pay_change`), kept within the input's range.
    Call before the pay change is drawn. Returns (title, median wage, pay change, pay change used)
    for the caption, or None when no occupation is chosen."""
    from upskill_roi.core.risk import lookup_occupation
    from upskill_roi.core.similar import pay_change

    ss = st.session_state
    before = ss.get(session.move_to(page), none)
    ss[session.move_to(page)] = move_to
    if move_to == none:
        return None
    occ = lookup_occupation(move_to.split(" ", 1)[0])
    wage = None if occ is None or occ["median_annual_wage"] is None else float(occ["median_annual_wage"])
    change = pay_change(wage, salary)
    used = float(ss.get(session.move_used(page), move_pay.default))
    if change is not None and (before != move_to or (arrived is not None and "move_to" in arrived
                                                     and move_pay.key not in arrived)):
        used = min(max(round(change * 100), move_pay.lo), move_pay.hi) / 100
        set_input(move_pay, used * 100)
        ss[session.move_used(page)] = used * 100
    return (occ["title"] if occ else move_to), wage, change, float(ss.get(move_pay.key, used * 100)) / 100


def _weigh_move(page: str, key: str, label: str, step_key: str, step: str) -> None:
    st.session_state[key] = label
    st.session_state[step_key] = step


def where_to_go(page: str, soc: str, move_key: str, step_key: str | None = None, step: str = "",
                link: tuple[dict[str, Any], dict[str, Any]] | None = None) -> None:
    """Occupations with similar tasks and a noticeably lower exposure (:mod:`upskill_roi.core.similar`), with
    their wages; each can be carried into stay or move (on the check-up: a button that sets the
    occupation to move to and opens step 4; elsewhere, with ``link`` = the page's values and
    tables: a link to the check-up that does)."""
    import pandas as pd

    from upskill_roi.core.similar import MIN_DROP, similar_occupations
    from upskill_roi.present import moves

    with st.spinner("Comparing the task statements of 800 occupations…"):
        found = similar_occupations(soc, limit=5, min_drop=MIN_DROP)
    st.markdown("**Where to go: occupations with similar tasks and lower exposure**")
    if not found:
        st.caption("No occupation in the task data is both similar enough to yours and noticeably less exposed "
                   f"(at least {MIN_DROP * 100:.0f} points lower).")
        return
    table: pd.DataFrame = moves.neighbours_table(found, "Exposure (beta)")
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        "Occupation": st.column_config.TextColumn(width="medium"),
        "Median wage (USD/yr)": st.column_config.NumberColumn(format="localized"),
        "Wage change (USD/yr)": st.column_config.NumberColumn(format="localized"),
        "Why similar": st.column_config.TextColumn(width="large")})
    st.caption("Similar task statements (O*NET), a lower GPT-4 exposure beta (Eloundou et al. 2024) by at least "
               f"{MIN_DROP * 100:.0f} points, BLS OEWS May 2024 medians. Similar wording is not a guarantee that "
               "skills transfer (licences, degrees, experience), and exposure is not a probability of job loss.")
    for n in found:
        label = f"{n.soc_code} {n.title}"
        if link is None:
            st.button(f"Weigh moving to {n.title}", key=session.move_button(page, n.soc_code), type="tertiary",
                      icon=":material/compare_arrows:", on_click=_weigh_move,
                      args=(page, move_key, label, step_key, step))
        else:
            values, tables = link
            page_link_new_tab("checkup", f"Weigh moving to {md_escape(n.title)} in the check-up",
                              pages.link("checkup", currency(), {**values, move_key: label, "step": step}, tables),
                              icon=":material/compare_arrows:")


def occupation_picker(occupation: Param, page: str, currency: str) -> dict[str, Any]:
    """Find the occupation by the title people use ("ICU nurse", "data analyst": aliases, task
    statements and typo-tolerant matching, :mod:`upskill_roi.core.occupation_search`), then the declared
    occupation drop-down (which the link carries). The search text is a finding aid, not an input
    of the model, so it is not in the link."""
    from upskill_roi.core.occupation_search import search

    query = st.text_input("Find your occupation by your job title", key=session.occupation_search(page), max_chars=80,
                          placeholder="e.g. ICU nurse, data analyst, bookkeeper",
                          help="Everyday titles, SOC codes and words from the occupations' task statements; typos "
                               "are forgiven. Choose a match to set the occupation below.")
    if query.strip():
        with st.spinner("Searching 847 occupations…"):
            hits = search(query, limit=5)
        if not hits:
            st.caption("No occupation matches that title: try another word, or pick from the list below.")
        else:
            st.caption("Matches — choose one:")
            for m in hits:
                label = f"{m.soc_code} {m.title}"
                if label in occupation.options:
                    st.button(label, key=session.occupation_hit(page, m.soc_code), type="tertiary",
                              icon=":material/check:" if st.session_state.get(occupation.key) == label else None,
                              on_click=_pick_occupation, args=(occupation.key, label),
                              help=f"Matched on: {md_escape(m.reason)} (score {m.score:.0f} of 100).")
    return draw([occupation], currency)


def follow_occupation(page: str, soc: str, salary: Param, arrived: dict[str, list[str]] | None) -> float | None:
    """Let the salary follow the occupation: on arriving through a link that names an occupation
    but no salary, and when the occupation changes while the salary is still the previous
    occupation's median, the salary becomes the new occupation's BLS median (US dollars: only
    while the currency is USD). Call before the salary field is drawn. Returns the occupation's
    median wage [USD/yr] (None when not published or the currency is not USD)."""
    from upskill_roi.core.risk import lookup_occupation

    def wage(code: str) -> float | None:
        occ = lookup_occupation(code)
        return None if occ is None or occ["median_annual_wage"] is None else float(occ["median_annual_wage"])

    ss = st.session_state
    mine = wage(soc) if currency() == "USD" else None
    before = ss.get(session.wage_soc(page), activities.DEFAULT_SOC)
    amount = ss.get(session.amount(salary.key), salary.default)
    if mine is not None:
        if arrived is not None and "occ" in arrived and salary.key not in arrived:
            set_input(salary, mine)
        elif before != soc and amount == wage(before):
            set_input(salary, mine)
    ss[session.wage_soc(page)] = soc
    return mine


def check_link(params: Sequence[Param], page: str) -> None:
    """Check the raw link values of ``params``; remember problems for this page and session.

    Call before the widgets are drawn: afterwards Streamlit has already dropped invalid values.
    """
    query = link_query()
    keys = [p.key for p in params if p.key in query]
    # The frame (every page) also checks the link's format (v).
    version_problem = link_version(query)[1] if page == "frame" else None
    if not keys and version_problem is None:
        return
    raw = {k: query[k] for k in keys}
    _, problems = check_query(params, raw, currency())
    problems += [version_problem] if version_problem else []
    if problems:
        st.session_state[session.link_problems(page)] = problems


def show_link_problems(params: Sequence[Param], values: dict[str, Any], page: str, currency: str) -> None:
    """Show one warning listing every link value that was not used, and what is used instead."""
    problems: list[LinkProblem] = st.session_state.get(session.link_problems(page), [])
    if not problems:
        return
    by_key = {p.key: p for p in params}
    locale = current_locale()
    lines = []
    for pr in problems:
        if pr.key not in by_key:  # the link's format (v): nothing to use instead
            lines.append(f"- **`{pr.key}`** — {pr.message}")
            continue
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
        if st.button("Dismiss", key=session.dismiss(page), type="tertiary"):
            st.session_state.pop(session.link_problems(page), None)
            st.rerun()


def _help(p: Param, currency: str) -> str:
    default = display_value(p, p.default, currency, None)
    return f"{p.help}\n\nDefault {default}. Source: {p.source}\n\nAccepted: {p.range_text()}. URL key: `{p.key}`."


def _label(p: Param, currency: str) -> str:
    unit = p.unit_text(currency)
    return f"{p.label} ({unit})" if unit else p.label


def decimal_symbol() -> str:
    """The visitor's decimal separator ("." unless the browser's language uses another)."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol

    try:
        return get_decimal_symbol(Locale.parse((current_locale() or "en-US").replace("-", "_")))
    except (ValueError, UnknownLocaleError, TypeError):
        return "."


def set_input(p: Param, value: Any) -> None:
    """Give an input a value (widget units) through session state, before its widget is drawn."""
    st.session_state[p.key] = widget_state(p, value)
    if p.kind == "money":
        st.session_state[session.amount(p.key)] = value


def _normalise_money(p: Param) -> None:
    """Money field callback: rewrite what was typed ("$500K", "500.000" in German) as plain digits
    (``500000``), the one locale-free form the address bar and every link carry."""
    typed = st.session_state.get(p.key, "")
    try:
        value = p.parse(typed, currency(), decimal_symbol())
    except ValueError:
        return  # left as typed: the field says what is wrong
    if typed.strip() != money_text(value):
        st.session_state[p.key] = money_text(value)
        st.session_state[session.typed(p.key)] = (typed.strip(), value)


def _money(p: Param, label: str, currency: str, help: str, disabled: bool) -> float:
    """A money field: text, so that people can write 500K, $1.2M, 500,000 or 500 000 (a number
    field drops letters as they are typed: "$500K" became 500). Text it cannot read keeps the last
    amount it could, and says so, naming the field and what it accepts.

    Its own URL binding (Streamlit's would write what was typed, "500.000" or "$500K", into the
    address bar before the callback has rewritten it): the amount read is written as plain digits,
    left out at its default; the link's value arrives through :func:`arrived_with_link`. The amount
    is kept in ``_amount_<key>``, so that the field shows it again after a visit to another page
    (Streamlit forgets an unbound widget that was not drawn)."""
    ss = st.session_state
    if p.key not in ss:
        ss[p.key] = money_text(ss.get(session.amount(p.key), p.default))
    typed = st.text_input(label, key=p.key, max_chars=40, on_change=_normalise_money, args=(p,), help=help,
                          disabled=disabled, placeholder="e.g. 500000, 500K or $1.2M")
    value = float(ss.get(session.amount(p.key), p.default))
    try:
        value = p.parse(typed, currency)  # plain digits (links, the callback's result) are locale-free
    except ValueError as exc:
        used = display_value(p, value, currency, current_locale())
        st.error(f"{exc} Using {md_escape(used)} until it can be read.", icon=":material/error:")
    else:
        ss[session.amount(p.key)] = value
        was = ss.get(session.typed(p.key))
        if was is not None and was[1] == value:  # how "500K" was read, while it stands (a caption that
            # came and went would move every field below it during a rerun, under the user's typing)
            st.caption(f"Read {md_code(was[0])} as {md_escape(display_value(p, value, currency, current_locale()))}.")
    if value != p.default:
        if st.query_params.get(p.key) != money_text(value):
            st.query_params[p.key] = money_text(value)
    elif p.key in st.query_params:
        del st.query_params[p.key]
    return value


def draw(params: Iterable[Param], currency: str = "USD", disabled: bool = False) -> dict[str, Any]:
    """Draw each declared input bound to the URL; return ``key -> value`` in widget units."""
    out: dict[str, Any] = {}
    for p in params:
        common: dict[str, Any] = dict(key=p.key, help=_help(p, currency), bind="query-params", disabled=disabled)
        label = _label(p, currency)
        if p.kind == "money":
            out[p.key] = _money(p, label, currency, common["help"], disabled)
        elif p.widget == "number":  # always float: see Param.__post_init__
            out[p.key] = st.number_input(
                label, min_value=p.lo, max_value=p.hi, value=float(p.default),
                step=float(p.step or 1), format=p.fmt or ("%.0f" if (p.step or 1) >= 1 else "%.2f"), **common,
            )
        elif p.widget == "slider":
            if p.kind == "int":
                out[p.key] = st.slider(
                    label, min_value=int(p.lo), max_value=int(p.hi), value=int(p.default),
                    step=int(p.step or 1), format=p.fmt, **common,
                )
            else:
                out[p.key] = st.slider(
                    label, min_value=p.lo, max_value=p.hi, value=float(p.default),
                    step=float(p.step or 1), format=p.fmt, **common,
                )
        elif p.widget == "select":
            out[p.key] = st.selectbox(label, p.options, index=p.options.index(p.default), **common)
        elif p.widget == "date":
            bounds = [b if isinstance(b, dt.date) else None for b in (p.min, p.max)]
            out[p.key] = st.date_input(label, value=p.default, min_value=bounds[0], max_value=bounds[1],
                                       format="YYYY-MM-DD", **common)
        elif p.widget == "text":
            out[p.key] = st.text_area(label, value=p.default, max_chars=int(p.hi), **common)
        elif p.widget == "segmented":
            out[p.key] = st.radio(label, p.options, index=p.options.index(p.default), horizontal=True, **common)
        else:  # pragma: no cover - declarations are checked by tests
            raise ValueError(f"unknown widget {p.widget!r} for {p.key}")
    return out


def currency() -> str:
    """The currency chosen in the shared frame (sidebar), USD until the frame has run."""
    return str(st.session_state.get("cur", "USD"))


@dataclass(frozen=True)
class PageFrame:
    """The containers every calculator page fills: link warnings, metrics, inputs, results."""

    problems: Any
    metrics: Any
    inputs: Any
    results: Any
    arrived: dict[str, list[str]] | None = None
    """The link's parameters when the page was just opened with a link (:func:`arrived_with_link`)."""


def page_frame(page: str, params: Sequence[Param], title: str, caption: str,
               ratio: tuple[int, int] = (2, 3)) -> PageFrame:
    """Title and caption, the link check, and the page's layout (metrics above, inputs on the
    left, results on the right, widths in ``ratio``). Call before drawing any input of the page."""
    st.title(title)
    st.caption(caption)
    arrived = arrived_with_link(params, page)
    check_link(params, page)
    problems = st.container()
    metrics = st.container()
    left, right = st.columns(list(ratio), gap="large")
    left.subheader("Inputs")
    return PageFrame(problems, metrics, left, right, arrived)


def chart(fig: Any, key: str, where: Any = None) -> None:
    """Draw a figure from ``upskill_roi.present.charts`` and, under it, its text alternative (the numbers it
    shows, in words) as a caption: screen readers cannot read a chart's SVG, and the sentence
    also helps anyone who cannot tell its colours apart."""
    from upskill_roi.present.charts import alt_text  # plotly is imported by the pages that draw charts anyway

    where = where if where is not None else st
    # Only Plotly's "Download plot as a PNG" in its toolbar: the full toolbar covered the chart's
    # title on a phone (390 px); zoom by dragging and reset by double-clicking still work.
    where.plotly_chart(fig, key=key, width="stretch", config={"displaylogo": False,
                                                               "modeBarButtons": [["toImage"]]})
    where.caption(f":material/description: {md_escape(alt_text(fig))}")


def share_link(page: str, values: dict[str, Any], tables: dict[str, Any] | None = None, **extra: str) -> str:
    """The page's share link (:func:`upskill_roi.inputs.pages.link`: the link format, the currency,
    the page's inputs that differ from their defaults, its tables and ``extra`` link keys)."""
    return share_url(st.context.url, page, urlencode(pages.link(page, currency(), values, tables, **extra), doseq=True))


def share_section(link: str, note: str, page: str | None = None, values: dict[str, Any] | None = None,
                  tables: dict[str, list[str]] | None = None) -> None:
    """The "Share this scenario" block: the link with a copy button, what it carries, and (for a
    page of :data:`upskill_roi.inputs.scenario.PAGES`) the scenario as a JSON file to download or load."""
    st.subheader("Share this scenario")
    st.code(link, language=None, wrap_lines=True)
    st.caption(note)
    if page is not None and values is not None:
        scenario_files(page, values, tables or {}, link)


# --- Tables that travel in the link (the risk check's activities, the TEI rows) -------------
def table_from_link(name: str, keys: Sequence[str]) -> dict[str, list[str]] | None:
    """The link's parameters of a page table when the page must (re-)read its table from them:
    on the first run of a session, on arriving at the page with a link that carries parameters
    (its table is then what the link says, the default table if it says nothing), on the browser's
    back and forward buttons, or after a scenario file was loaded. Otherwise None: the table being
    edited stays as it is. (A link pasted into the address bar opens a new session.) The address
    bar is never compared with what this session last wrote: a rerun can start before the browser
    has taken the last write, and re-reading the table then dropped the edit just made."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    query = link_query()
    now = {k: query[k] for k in keys if k in query}
    written = st.session_state.get(session.written(name))
    arrived_with_link = st.session_state.pop(session.link_arrival(name), False)
    loaded = st.session_state.pop(session.reload(name), None)
    ctx = get_script_run_ctx()
    history = bool(getattr(ctx, "is_history_navigation", False))
    if loaded is not None:  # a scenario was just applied (a file, or a compared scenario opened)
        return dict(loaded)
    if written is None or arrived_with_link or history:
        return now
    return None


def editor_base(name: str, keys: Sequence[str], decode: Any, shape: Any = "") -> tuple[list[dict[str, Any]], str]:
    """The rows a page's ``st.data_editor`` starts from, and the editor's key.

    The rows come from the link when :func:`table_from_link` says so (problems are kept for
    :func:`show_table_problems`); otherwise, when the editor's columns change (``shape``, e.g.
    the horizon) or the editor was dropped by Streamlit while the user was on another page,
    from the rows last read from it (:func:`remember_rows`), so no edit is lost. A new key
    starts the editor afresh from these rows."""
    ss = st.session_state
    link = table_from_link(name, keys)
    version = ss.get(session.version(name), 0)
    if link is not None:
        base, problems = decode(link)
        ss[session.base(name)] = base
        ss[session.table_problems(name)] = problems
        version += 1
    else:
        drawn = ss.get(session.editor(name))
        dropped = drawn is not None and drawn not in ss
        if (dropped or ss.get(session.shape(name)) != shape) and session.rows(name) in ss:
            ss[session.base(name)] = ss[session.rows(name)]
            version += 1
    ss[session.version(name)] = version
    ss[session.shape(name)] = shape
    key = session.editor(name, version, shape)
    ss[session.editor(name)] = key
    return ss[session.base(name)], key


def remember_rows(name: str, rows: list[dict[str, Any]]) -> None:
    """Keep the rows read from a page's editor in this run (see :func:`editor_base`)."""
    st.session_state[session.rows(name)] = rows


def show_table_problems(name: str, what: str) -> None:
    """One warning listing the rows of a page table that a link could not use (until the user
    leaves the page)."""
    problems = st.session_state.get(session.table_problems(name))
    if problems:
        # 999 bad rows in a link make one short warning: the first ones and a count of the rest.
        lines = [f"- **`{p.key}`** — {p.message}" for p in problems]
        shown = scenario.summarised(lines)
        if len(shown) < len(lines):
            shown[-1] = "- " + shown[-1]
        st.warning(f"**Some {what} in the link could not be used** and were left out or replaced by the "
                   "example.\n\n" + "\n".join(shown), icon=":material/link_off:")


def table_to_link(name: str, keys: Sequence[str], query: dict[str, list[str]]) -> None:
    """Write a page table's parameters into the address bar (and forget the ones it no longer has)."""
    for k in keys:
        if k in query:
            if st.query_params.get_all(k) != query[k]:
                st.query_params[k] = query[k]
        elif k in st.query_params:
            del st.query_params[k]
    st.session_state[session.written(name)] = query


# --- Scenario files ---------------------------------------------------------------------------
def _apply_file(page: str) -> None:
    """Uploader callback (runs before the page's widgets are drawn): validate the whole file,
    then apply all of it through session state, or nothing and remember every problem."""
    upload = st.session_state.get(session.upload(page))
    if upload is None:
        return
    s, problems = scenario.read_json(upload.getvalue(), page)
    name = md_code(upload.name if len(upload.name) <= 60 else upload.name[:60] + "…")
    if s is None:
        st.session_state[session.imported(page)] = ("error", name, problems)
        return
    apply_scenario(s)
    st.session_state[session.imported(page)] = ("success", name, [])


def apply_scenario(s: scenario.Scenario) -> None:
    """Make ``s`` the state of its page: every input and the currency through session state (call
    from a callback, or before the page's widgets are drawn), its tables on the page's next run."""
    for p in s.spec.params:
        set_input(p, s.values[p.key])
    if "occ" in s.values:  # the scenario's salary is its own, not the previous occupation's median
        st.session_state[session.wage_soc(s.page)] = str(s.values["occ"]).split(" ", 1)[0]
    st.session_state["cur"] = s.currency
    st.session_state[session.reload(s.page)] = dict(s.tables)


def scenario_files(page: str, values: dict[str, Any], tables: dict[str, list[str]], link: str) -> None:
    """Download the page's scenario as JSON; load one (all of it, or nothing with every problem)."""
    s = scenario.Scenario(page, currency(), values, tables)
    left, right = st.columns(2, vertical_alignment="bottom")
    left.download_button(
        "Download this scenario (JSON)", scenario.to_json(s, link), file_name=f"upskill-roi-{page}.json",
        mime="application/json", icon=":material/download:", key=session.download_json(page),
        help="Every input of this page, its tables and the currency, in a file you keep. Load it here, or on the "
             "Compare page, to get exactly this scenario back.")
    from upskill_roi.present.compare import UPLOAD_LIMIT_CSS

    # Streamlit's "1MB per file" under the box is the server's limit; a scenario file may have 64 KB.
    st.html(UPLOAD_LIMIT_CSS)
    right.file_uploader(
        f"Load a scenario file (JSON, at most {scenario.MAX_BYTES // 1024} KB)", type=["json"],
        key=session.upload(page),
        on_change=_apply_file, args=(page,),
        help="A file saved with the button on the left. The whole file is checked first: either all of it is "
             "applied, or nothing changes.")
    outcome = st.session_state.get(session.imported(page))
    if outcome:
        kind, name, problems = outcome
        if kind == "success":
            st.success(f"Loaded {name}: every input, the tables and the currency now come from the file.",
                       icon=":material/upload_file:")
        else:
            st.error(f"**{name} was not loaded; your scenario is unchanged.** "
                     f"{'Problem' if len(problems) == 1 else f'{len(problems)} problems'}:\n\n"
                     + "\n".join(f"- {p}" for p in problems), icon=":material/error:")


def _row_keys(name: str, n: int) -> tuple[str, str, str]:
    return session.activity_fields(name, n)


def _set_activity_rows(name: str, rows: list[dict[str, Any]]) -> None:
    """Make ``rows`` the activities of the page (call before their fields are drawn)."""
    ss = st.session_state
    ss[session.rows(name)] = [dict(r) for r in rows]
    for n, row in enumerate(rows, start=1):
        k_name, k_time, k_kind = _row_keys(name, n)
        ss[k_name], ss[k_time], ss[k_kind] = str(row["Activity"]), float(row["Time"]), row["Kind"]


def replace_rows(name: str, rows: list[dict[str, Any]]) -> None:
    """Start a page's activities afresh from ``rows`` on the next run (e.g. rows built from a list
    of tasks); call ``st.rerun()`` after it."""
    st.session_state[session.pending(name)] = [dict(r) for r in rows]


def activities_form(name: str, unit: str, soc: str) -> list[dict[str, Any]]:
    """The five activities of the risk check as five rows of fields (name, time, kind), read from
    and written to the link as ``a1..a5``; returns the rows as entered.

    Plain fields, not a data grid: each field keeps what is typed until it is left (Tab, Enter),
    whatever reruns happen meanwhile (a grid remounted by a rerun dropped keystrokes), a kind is one
    choice in a drop-down, and on a phone the fields stack, so no column is cut off.

    The starting rows are the occupation's (:func:`upskill_roi.inputs.activities.default_rows`): when the occupation
    changes and the rows are still the previous occupation's starting rows, they become the new
    one's; rows the user changed stay. The rows are kept in ``_<name>_rows``, so that they are back
    after a visit to another page (Streamlit forgets fields that were not drawn)."""
    ss = st.session_state
    keys = [f"a{n}" for n in range(1, activities.N_ROWS + 1)]
    defaults = activities.default_rows(soc)
    link = table_from_link(name, keys)
    before = ss.get(session.table_soc(name))
    if link is not None:
        rows, problems = activities.decode(link, defaults)
        ss[session.table_problems(name)] = problems
        _set_activity_rows(name, rows)
    elif session.pending(name) in ss:
        _set_activity_rows(name, ss.pop(session.pending(name)))
    elif before is not None and before != soc and ss.get(session.rows(name)) == [dict(r) for r in
                                                                              activities.default_rows(before)]:
        _set_activity_rows(name, list(defaults))
    elif any(k not in ss for k in _row_keys(name, 1)):  # first draw, or forgotten on another page
        _set_activity_rows(name, ss.get(session.rows(name), list(defaults)))
    ss[session.table_soc(name)] = soc

    options = list(activities.KIND_LABELS.values())
    st.caption("Each row: what you do (your own words, shown as text only), its time (hours a week, or % of your "
               "working time) and its kind: one of the guidance's categories, hands-on or care work, or a level "
               "of the published rubric (E0 none, E1 an LLM alone halves the time, E2 an LLM plus tools would). "
               "Tab moves between the fields; type a few letters to choose a kind.")
    rows = []
    for n in range(1, activities.N_ROWS + 1):
        k_name, k_time, k_kind = _row_keys(name, n)
        c1, c2, c3 = st.columns([5, 2, 4], vertical_alignment="bottom")
        # No help icons in the rows: each is a stop for Tab between a row's fields (the caption
        # above the rows says what they mean).
        title = c1.text_input(f"Activity {n}", key=k_name, max_chars=activities.MAX_NAME)
        hours = c2.number_input(f"{'Hours' if unit == 'h/week' else '% of time'} {n}", key=k_time, min_value=0.0,
                                max_value=activities.MAX_HOURS, step=0.5, format="%.1f")
        kind = c3.selectbox(f"Kind of work {n}", options, key=k_kind)
        if not title.strip():
            c1.caption("An activity needs a name: the example's is used.")
            title = defaults[n - 1]["Activity"]
        rows.append({"Activity": title, "Time": float(hours), "Kind": kind})
    ss[session.rows(name)] = rows
    table_to_link(name, keys, {k: [v] for k, v in activities.encode(rows, defaults).items()})
    return rows


def apply_persona(persona: Any) -> None:
    """Button callback: load an example persona on every page at once (each page's inputs the
    persona does not set take their defaults; its tables are the persona's), with a toast."""
    from urllib.parse import urlencode

    from upskill_roi.inputs import personas

    for page in scenario.PAGES:
        s, _ = scenario.from_link(f"/{page}?{urlencode(personas.query(persona, page))}")
        assert s is not None, "personas are checked by tests/web/test_app.py"
        apply_scenario(s)
    st.toast(f"Loaded the persona: {persona.name}. Every page now shows it.", icon=":material/person:")
