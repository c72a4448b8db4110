"""What the Compare page shows for a scenario: its headline results, computed by :mod:`upskill_roi.core`.

Each calculator page with money results has an outcome here: the NPV and payback that the
comparison chart plots, and the page's headline metrics as rows. The numbers are the ones the
page itself shows for the same scenario (same builders, same core functions).

Also the page's other pure pieces: the names users give the scenarios (user text: cleaned,
made unique, escaped for the chart, neutralised in CSV files), the table of inputs that differ
and the CSS that hides Streamlit's upload limit line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from upskill_roi.core import business_case, roi, upskilling
from upskill_roi.inputs import tei
from upskill_roi.inputs.declared import build_roi_inputs, build_team_inputs, build_upskilling_inputs
from upskill_roi.inputs.pages import REGISTRY
from upskill_roi.inputs.scenario import Scenario, differing_inputs, differing_tables, unused_inputs
from upskill_roi.present import fmt
from upskill_roi.present.downloads import csv_cell, table_csv
from upskill_roi.present.text import display_value

if TYPE_CHECKING:
    import plotly.graph_objects as go

__all__ = ["COMPARABLE", "Outcome", "outcome", "format_value", "table_text", "MAX_NAME", "NOT_USED",
           "TABLE_NAMES", "UPLOAD_LIMIT_CSS", "clean_name", "scenario_names", "plotly_text", "csv_cell",
           "csv_bytes", "inputs_table", "chart", "chart_alt_markdown", "md_name"]

COMPARABLE = tuple(p.key for p in REGISTRY if p.comparable)
"""Pages whose scenarios have an NPV and a payback to compare."""

Kind = Literal["money", "percent", "months", "years", "weeks", "date", "text"]


@dataclass(frozen=True)
class Outcome:
    """The results of one scenario.

    Attributes
    ----------
    npv : float
        The page's headline NPV [currency].
    payback_months : float or None
        Months until the cumulative net is back at 0; None = never.
    rows : list of (label, kind, value)
        Headline results in page order; ``kind`` says how to format the value.
    """

    npv: float
    payback_months: float | None
    rows: list[tuple[str, Kind, Any]]


def outcome(s: Scenario, today: dt.date | None = None) -> Outcome:
    """The headline results of a scenario of one of the :data:`COMPARABLE` pages.

    Examples
    --------
    >>> from upskill_roi.inputs.scenario import defaults
    >>> o = outcome(Scenario("roi", "USD", defaults("roi")))
    >>> round(o.npv, 2), round(o.payback_months, 2)
    (582614.32, 5.91)
    """
    if s.page == "roi":
        inputs, _ = build_roi_inputs(s.values)
        r = roi.evaluate(inputs)
        return Outcome(r.npv, r.payback_months, [
            ("Annual savings", "money", r.annual_savings), ("Net present value", "money", r.npv),
            ("ROI", "percent", r.roi), ("Payback", "months", r.payback_months), ("IRR", "percent", r.irr),
            ("Justified premium", "money", r.premium)])
    if s.page == "upskilling":
        u = upskilling.evaluate(build_upskilling_inputs(s.values, today or dt.date.today()))
        return Outcome(u.npv, u.break_even_month, [
            ("Weeks to competency", "weeks", u.weeks), ("Competent by", "date", u.competency_date),
            ("Total cost", "money", u.total_cost), ("Payoff (NPV)", "money", u.npv),
            ("Break-even", "months", u.break_even_month), ("Cost of waiting", "money", u.cost_of_waiting)])
    if s.page == "business_case":
        team, _ = build_team_inputs(s.values)
        likely = business_case.evaluate_options(team)
        best = business_case.best_option(likely)
        rows, _ = tei.decode(s.tables.get("tei") or None)
        own_rows: list[tuple[str, Kind, Any]] = []
        if tei.is_own(rows, team.horizon_years):
            own = business_case.own_figures(*tei.arrays(rows, team.horizon_years), team).summary
            own_rows = [("Your own figures (TEI table): NPV", "money", own.npv),
                        ("Your own figures: payback", "years", own.payback)]
        payback = None if likely[best].not_applicable else likely[best].payback_months
        return Outcome(likely[best].npv, payback, [
            ("Best option at the likely values", "text", best),
            *((f"{o}: NPV (risk-adjusted)", "money", likely[o].npv) for o in business_case.OPTIONS),
            (f"{best}: payback", "text" if likely[best].not_applicable else "months",
             "— (the baseline)" if likely[best].not_applicable else payback),
            *own_rows])
    raise ValueError(f"scenarios of the page {s.page!r} have no NPV to compare")


def format_value(kind: Kind, value: Any, currency: str = "USD", locale: str | None = None) -> str:
    """A result value as text ("never" for a duration or date that never comes, "n/a" for an
    undefined ratio).

    Examples
    --------
    >>> format_value("money", 1234.6), format_value("months", None), format_value("percent", None)
    ('$1,235', 'never', 'n/a')
    >>> format_value("weeks", 24.0), format_value("date", dt.date(2027, 7, 5), currency="EUR", locale="en-GB")
    ('24.0 weeks', '5 Jul 2027')
    """
    if value is None:
        return "never" if kind in ("months", "years", "weeks", "date") else "n/a"
    if kind == "money":
        return fmt.money(value, currency, locale)
    if kind == "percent":
        return fmt.percent(value, locale, 1, cap=10)
    if kind == "months":
        return fmt.months(value, locale)
    if kind == "years":
        return f"{fmt.number(value, locale, 1)} years"
    if kind == "weeks":
        return f"{fmt.number(value, locale, 1)} weeks"
    if kind == "date":
        return fmt.date(value, locale)
    return str(value)


def table_text(s: Scenario, key: str) -> str:
    """A page table of a scenario in a few words, for the table of differing inputs.

    Examples
    --------
    >>> from upskill_roi.inputs.scenario import defaults
    >>> table_text(Scenario("business_case", "USD", defaults("business_case")), "tei")
    'the example (5 rows)'
    >>> table_text(Scenario("business_case", "USD", defaults("business_case"), {"tei": ["C~Build~500"]}), "tei")
    '1 row: C~Build~500'
    """
    rows = s.tables.get(key) or []
    if not rows:
        return f"the example ({len(tei.DEFAULT_ROWS)} rows)"
    if rows == ["-"]:
        return "empty"
    shown = "; ".join(rows[:3]) + ("; …" if len(rows) > 3 else "")
    return f"{len(rows)} row{'s' if len(rows) > 1 else ''}: {shown}"


# --- Names, the table of differing inputs, downloads ---------------------------------------------
MAX_NAME = 40
"""Longest scenario name [characters]."""
NOT_USED = "not used"
"""The cell of an input that a scenario does not use (:func:`upskill_roi.inputs.scenario.unused_inputs`)."""
TABLE_NAMES = {"tei": "Your own figures (TEI table)"}
"""The rows of the table of differing inputs that stand for a page table."""
_HEADERS = ("Input", "Result")
"""The first column of the page's two tables: no scenario may be called that."""
# Control characters (a link can carry a newline or a tab) and the bidirectional overrides and
# isolates, which can make a name display reversed or hide part of it.
_HIDDEN = re.compile("[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

UPLOAD_LIMIT_CSS = (
    "<style>"
    '[class*="st-key-_cmp_up_"] [data-testid="stFileUploaderDropzoneInstructions"],'
    '[class*="st-key-_upload_"] [data-testid="stFileUploaderDropzoneInstructions"]'
    "{display: none;}"
    "</style>"
)
"""Hides the "1MB per file • JSON" line under the scenario-file uploaders (the Compare page's
``_cmp_up_*`` and the pages' ``_upload_*``): Streamlit writes the server's ``maxUploadSize`` there
(whole megabytes only), but :data:`upskill_roi.inputs.scenario.MAX_BYTES` (64 KB) is the real limit, which their
labels state. Our own CSS (no user text), for ``st.html``; scoped to those uploaders by their keys."""


def clean_name(text: Any, fallback: str) -> str:
    """A scenario name as shown: control and bidirectional-override characters and runs of spaces
    become one space, at most :data:`MAX_NAME` characters; ``fallback`` when nothing is left.

    Examples
    --------
    >>> clean_name("  Pilot\\n team  ", "A"), clean_name("", "B"), clean_name("\\u202eevil", "C")
    ('Pilot team', 'B', 'evil')
    >>> len(clean_name("x" * 99, "A"))
    40
    """
    name = " ".join(_HIDDEN.sub(" ", str(text or "")).split())[:MAX_NAME].strip()
    return name or fallback


def scenario_names(typed: Sequence[Any], letters: Sequence[str] = ("A", "B", "C")) -> list[str]:
    """The names of the scenarios, one per slot (:func:`clean_name`, the slot's letter when empty),
    each different from the others and from the tables' "Input" and "Result" columns: a name
    already taken gets its slot's letter in brackets.

    Examples
    --------
    >>> scenario_names(["Plan", "Plan", ""]), scenario_names(["", "A", "Result"])
    (['Plan', 'Plan (B)', 'C'], ['A', 'A (B)', 'Result (C)'])
    """
    names: list[str] = []
    for raw, letter in zip(typed, letters, strict=False):
        name = clean_name(raw, letter)
        while name in names or name in _HEADERS:
            name = f"{name} ({letter})"
        names.append(name)
    return names


_PLAIN = re.compile(r"(?:[^\W_]|[ ,'’()-])+")
"""Names shown as they are in Markdown: letters, digits, spaces and , ' ’ ( ) - only (no dot, "@" or
":", so no bare URL or e-mail address; no "_" or "*", so no emphasis)."""


def md_name(name: str) -> str:
    """A scenario name for Markdown: as it is when it is plain words (:data:`_PLAIN`), else a code
    span (:func:`upskill_roi.inputs.param.md_code`), which shows any text literally and never as a link.

    Examples
    --------
    >>> md_name("Plan (B)"), md_name("Équipe 2"), md_name("www.e.x"), md_name("*x*"), md_name("a_b")
    ('Plan (B)', 'Équipe 2', '`www.e.x`', '`*x*`', '`a_b`')
    """
    from upskill_roi.inputs.param import md_code

    return name if _PLAIN.fullmatch(name) else md_code(name)


def plotly_text(text: str) -> str:
    """Text for a Plotly label, shown as typed: Plotly reads ``<b>``, ``<br>`` or ``<a href>`` in
    labels and hover texts as markup, and entities such as ``&lt;``.

    Examples
    --------
    >>> plotly_text('<a href="http://e.x">x</a> & co')
    '&lt;a href="http://e.x"&gt;x&lt;/a&gt; &amp; co'
    """
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def csv_bytes(table: pd.DataFrame) -> bytes:
    """A table of the page as CSV, its column headers (the scenarios' names, user text) made safe
    with :func:`csv_cell`. The cells are the app's own text (labels and formatted values such as
    ``-$110,000``) and are written as shown.

    Examples
    --------
    >>> csv_bytes(pd.DataFrame({"Result": ["NPV"], "=1+1": ["-$5"]})).decode()
    "Result,'=1+1\\nNPV,-$5\\n"
    """
    return table_csv(table, cells=False)


def inputs_table(scenarios: Mapping[str, Scenario], locale: str | None = None) -> pd.DataFrame:
    """The inputs and tables that differ between the scenarios (name -> scenario, one page), one
    row each with its value in every scenario, :data:`NOT_USED` where a scenario does not use it
    (:func:`upskill_roi.inputs.scenario.differing_inputs`). No rows for fewer than two scenarios.

    Examples
    --------
    >>> from upskill_roi.inputs.scenario import defaults
    >>> a = Scenario("roi", "USD", {**defaults("roi"), "mode": "Drivers", "savings": 1.0})
    >>> b = Scenario("roi", "USD", {**defaults("roi"), "mode": "Drivers", "savings": 2.0, "hours": 5.0})
    >>> c = Scenario("roi", "USD", {**defaults("roi"), "hours": 6.0})
    >>> inputs_table({"Pilot": a, "Wide": b, "C": c}, "en-US").to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'Input': 'Enter savings as', 'Pilot': 'Drivers', 'Wide': 'Drivers', 'C': 'Total'},
     {'Input': 'Hours saved per person', 'Pilot': '4 h/week', 'Wide': '5 h/week', 'C': 'not used'}]

    The total savings (1 and 2, unused by Pilot and Wide) is no row: only C uses it.
    """
    items = list(scenarios.items())
    columns = ["Input", *scenarios]
    if len(items) < 2:
        return pd.DataFrame(columns=columns)
    group = [s for _, s in items]
    unused = {n: unused_inputs(s) for n, s in items}
    rows = [{"Input": p.label, **{n: NOT_USED if p.key in unused[n] else
                                  display_value(p, s.values[p.key], s.currency, locale) for n, s in items}}
            for p in differing_inputs(group)]
    rows += [{"Input": TABLE_NAMES.get(k, k), **{n: table_text(s, k) for n, s in items}}
             for k in differing_tables(group)]
    return pd.DataFrame(rows, columns=columns)


def chart(names: Sequence[str], outcomes: Sequence[Outcome], currency: str = "USD", locale: str | None = None
          ) -> go.Figure:
    """The NPV and payback chart (:func:`upskill_roi.present.charts.compare_scenarios`) of scenarios named by
    users: the names are drawn as typed (:func:`plotly_text`), and the text alternative under the
    chart, which is plain text, names them as typed too.

    Examples
    --------
    >>> o = Outcome(100.0, 6.0, [])
    >>> fig = chart(["<b>x</b>", "B"], [o, o])
    >>> fig.data[0].x.tolist(), "<b>x</b>: NPV $100" in fig.layout.meta["alt"]
    (['&lt;b&gt;x&lt;/b&gt;', 'B'], True)
    """
    from upskill_roi.present import charts  # plotly: only when a chart is drawn

    npv, payback = [o.npv for o in outcomes], [o.payback_months for o in outcomes]
    fig = charts.compare_scenarios([plotly_text(n) for n in names], npv, payback, currency, locale)
    alt = charts.alt_text(charts.compare_scenarios(list(names), npv, payback, currency, locale))
    fig.update_layout(meta={**(fig.layout.meta or {}), "alt": alt})
    return fig


def chart_alt_markdown(names: Sequence[str], outcomes: Sequence[Outcome], currency: str = "USD",
                       locale: str | None = None) -> str:
    """The chart's text alternative as Markdown for a caption: the app's words escaped, each name
    through :func:`md_name` (a code span unless plain words), so that no name can become a link (a
    bare URL or an e-mail address is linked even when escaped), emphasis or HTML.

    Examples
    --------
    >>> o = Outcome(100.0, None, [])
    >>> print(chart_alt_markdown(["see http://e.x", "B"], [o, o]).split(": ", 1)[1])
    `see http://e.x`\\: NPV \\$100, payback never; B\\: NPV \\$100, payback never.
    """
    from upskill_roi.present import charts  # plotly: only when a chart is drawn
    from upskill_roi.present.text import md_escape

    # Private-use characters: they survive md_escape and cannot occur in the app's words.
    marks = [f"\ue000{i}\ue001" for i in range(len(names))]
    alt = md_escape(charts.alt_text(charts.compare_scenarios(
        marks, [o.npv for o in outcomes], [o.payback_months for o in outcomes], currency, locale)))
    for mark, name in zip(marks, names, strict=False):
        alt = alt.replace(mark, md_name(name))
    return alt
