"""Pure figure builders: numbers in, plotly Figure out (numpy arrays in every trace).

Every figure has a title, axis titles with units, hover text formatted for the visitor's
locale and currency, and carries its meaning in text labels, patterns or line styles as well as
colour (gains and losses are told apart by sign and position too, never by colour alone). Every
figure also carries a text alternative: one or two sentences with the numbers it shows, in
``fig.layout.meta["alt"]`` (read it with :func:`alt_text`); the pages print it under the chart.

Figures are built in one go, ``go.Figure(data=traces, layout=layout)`` with the layout as a plain
dict: plotly validates the layout once, where each ``update_layout`` call (with ``a_b`` keys in
particular) re-validates it — about 5 ms per call, a fifth of a page's rerun before this was changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import plotly.graph_objects as go
from babel.numbers import get_decimal_symbol, get_group_symbol
from numpy.typing import ArrayLike

from upskill_roi.present import fmt
from upskill_roi.present.theme import BLACK, BLUE, GREEN, GREY, ORANGE, PURPLE, SKY, VERMILLION, YELLOW

if TYPE_CHECKING:
    from plotly.basedatatypes import BaseTraceType

    from upskill_roi.core.uncertainty import TornadoBar

__all__ = [
    "cumulative_cashflow",
    "benefits_costs_by_year",
    "savings_waterfall",
    "separators",
    "proficiency_curves",
    "weeks_vs_hours",
    "scenario_payoff",
    "share_bullet",
    "time_by_kind_bar",
    "npv_histogram",
    "tornado_chart",
    "npv_by_option",
    "compare_scenarios",
    "alt_text",
]


def separators(locale: str | None) -> str:
    """Plotly's ``layout.separators`` (decimal then thousands sign) for a locale.

    Examples
    --------
    >>> separators("en-US"), separators("de-DE")
    ('.,', ',.')
    """
    loc = fmt.resolve_locale(locale)
    return get_decimal_symbol(loc) + get_group_symbol(loc)


def _figure(traces: Sequence[BaseTraceType], title: str, x_title: str, y_title: str, locale: str | None, alt: str,
            **layout: Any) -> go.Figure:
    """The figure with the shared layout; ``layout`` entries override it (dicts merged one level
    deep, so ``xaxis={"range": ...}`` keeps the axis title)."""
    base: dict[str, Any] = {
        "title": {"text": title},
        "xaxis": {"title": {"text": x_title}},
        "yaxis": {"title": {"text": y_title}},
        "separators": separators(locale),
        "hovermode": "x unified",
        # Legend under the plot: several entries never collide with the title.
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.22, "xanchor": "left", "x": 0},
        "margin": {"l": 70, "r": 20, "t": 50, "b": 40},
        "height": 430,
        "meta": {"alt": alt},
    }
    for key, value in layout.items():
        base[key] = {**base[key], **value} if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return go.Figure(data=list(traces), layout=base)


def alt_text(fig: go.Figure) -> str:
    """The figure's text alternative (its title when it has none).

    Examples
    --------
    >>> print(alt_text(cumulative_cashflow([-100, -40, 20], 1.6667)))  # doctest: +NORMALIZE_WHITESPACE
    Line chart of the cumulative net cash flow by month, months 0 to 2: it starts at -$100,
    reaches zero (pays back) at 1.7 months and ends at $20.
    """
    meta = fig.layout.meta
    if isinstance(meta, dict) and meta.get("alt"):
        return str(meta["alt"])
    return str(fig.layout.title.text or "Chart")


def _hline(y: float, color: str = GREY, dash: str = "solid") -> dict[str, Any]:
    """A horizontal line across the plot as a layout shape (a plain dict: much faster than
    ``fig.add_hline``, which re-validates the whole layout on every call)."""
    return {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": y, "y1": y,
            "line": {"color": color, "width": 1, "dash": dash}}


def _vline(x: float, color: str = GREY, dash: str = "solid") -> dict[str, Any]:
    """A vertical line across the plot as a layout shape."""
    return {"type": "line", "yref": "paper", "y0": 0, "y1": 1, "xref": "x", "x0": x, "x1": x,
            "line": {"color": color, "width": 1, "dash": dash}}


def _label(x: float | str, y: float, text: str, xref: str = "x", yref: str = "y", **kw: Any) -> dict[str, Any]:
    """A small grey text label (no arrow) at a data or paper position."""
    return {"x": x, "y": y, "xref": xref, "yref": yref, "text": text, "showarrow": False,
            "font": {"size": 11, "color": GREY}, **kw}


def _num(value: float, locale: str | None) -> str:
    """A number with one decimal only when it has one (8 -> "8", 8.5 -> "8.5")."""
    return fmt.number(value, locale, 0 if float(value).is_integer() else 1)


def _money_text(values: np.ndarray, currency: str, locale: str | None) -> np.ndarray:
    return np.array([fmt.money(v, currency, locale) for v in values], dtype=object)


def cumulative_cashflow(
    cumulative: ArrayLike,
    payback_month: float | None,
    currency: str = "USD",
    locale: str | None = None,
) -> go.Figure:
    """Cumulative net cash flow by month, with the payback point marked.

    Parameters
    ----------
    cumulative : array_like
        Cumulative net flow at the end of months 0 .. n [currency].
    payback_month : float or None
        Where the cumulative flow first reaches 0 [months]; ``None`` = never.

    Examples
    --------
    >>> fig = cumulative_cashflow([-100, -40, 20], 1.6667)
    >>> fig.data[0].name, fig.data[1].x.tolist()
    ('Cumulative net', [1.6667])
    """
    y = np.asarray(cumulative, dtype=float)
    x = np.arange(y.size, dtype=float)
    traces = [
        go.Scatter(
            x=x, y=y, name="Cumulative net", mode="lines", line={"color": BLUE, "width": 3},
            customdata=_money_text(y, currency, locale),
            hovertemplate="Month %{x}: %{customdata}<extra></extra>",
        )
    ]
    shapes = [_hline(0.0)]
    annotations = []
    if payback_month is not None:
        label = f"Pays back: {fmt.months(payback_month, locale)}"
        traces.append(
            go.Scatter(
                x=np.array([payback_month]), y=np.array([0.0]), name=label, mode="markers",
                marker={"color": VERMILLION, "size": 12, "symbol": "diamond", "line": {"color": BLACK, "width": 1}},
                hovertemplate=label + "<extra></extra>",
            )
        )
        shapes.append(_vline(payback_month, VERMILLION, "dash"))
    else:
        annotations.append({"x": float(x[-1]), "y": float(y[-1]), "text": "Does not pay back within the horizon",
                            "showarrow": True, "arrowhead": 2, "ax": -60, "ay": -40})
    reach = (f"reaches zero (pays back) at {fmt.months(payback_month, locale)}" if payback_month is not None
             else "does not reach zero within the horizon")
    alt = (f"Line chart of the cumulative net cash flow by month, months 0 to {y.size - 1}: it starts at "
           f"{fmt.money(y[0], currency, locale)}, {reach} and ends at {fmt.money(y[-1], currency, locale)}."
           if y.size else "Line chart of the cumulative net cash flow: no months to show.")
    return _figure(traces, "Cumulative net cash flow (undiscounted)", "Months since go-live",
                   f"Cumulative net ({currency})", locale, alt, shapes=shapes, annotations=annotations)


def benefits_costs_by_year(
    labels: Sequence[str],
    benefits: ArrayLike,
    costs: ArrayLike,
    currency: str = "USD",
    locale: str | None = None,
) -> go.Figure:
    """Benefits and costs per period as grouped bars, with the net as a line.

    Costs are given positive and drawn as positive bars (hatched), so the two are told apart
    by pattern and label as well as colour.

    Examples
    --------
    >>> fig = benefits_costs_by_year(["Initial", "Year 1"], [0, 500], [100, 50])
    >>> [t.name for t in fig.data], fig.data[2].y.tolist()
    (['Benefits', 'Costs', 'Net'], [-100.0, 450.0])
    """
    b = np.asarray(benefits, dtype=float)
    c = np.asarray(costs, dtype=float)
    x = np.asarray(list(labels), dtype=object)
    traces = []
    labelled = b.size <= 6  # beyond that the bar labels overlap; hover still gives every value
    for name, values, color, pattern in (("Benefits", b, BLUE, ""), ("Costs", c, ORANGE, "/")):
        full = _money_text(values, currency, locale)
        short = np.array([fmt.money_compact(v, currency, locale) for v in values], dtype=object)
        traces.append(
            go.Bar(
                x=x, y=values, name=name, marker={"color": color, "pattern": {"shape": pattern}},
                text=short if labelled else None, textposition="outside", textfont={"size": 12},
                customdata=full, hovertemplate=f"{name}: %{{customdata}}<extra></extra>", cliponaxis=False,
            )
        )
    net = b - c
    traces.append(
        go.Scatter(
            x=x, y=net, name="Net", mode="lines+markers", line={"color": BLACK, "dash": "dot"},
            marker={"symbol": "circle", "size": 9}, customdata=_money_text(net, currency, locale),
            hovertemplate="Net: %{customdata}<extra></extra>",
        )
    )
    def m(v: float | None) -> str:
        return fmt.money_compact(v, currency, locale)
    alt = ("Grouped bars of benefits and costs (hatched) per period, with the net as a dotted line: "
           + "; ".join(f"{p}: benefits {m(bv)}, costs {m(cv)}, net {m(bv - cv)}"
                       for p, bv, cv in zip(x, b, c, strict=False)) + ".")
    return _figure(traces, "Benefits and costs by year", "Period", f"Amount ({currency})", locale, alt,
                   barmode="group")


def savings_waterfall(
    totals: Mapping[str, float],
    years: int,
    currency: str = "USD",
    locale: str | None = None,
) -> go.Figure:
    """Where the savings go over the horizon, in present values: realised savings, each outflow,
    and what is left (the employer's NPV after the premium).

    Parameters
    ----------
    totals : mapping
        Ordered ``name -> amount`` [currency]; the first entry is the starting total, the last
        the remainder (drawn as a total), the ones between are signed changes.
    years : int
        Horizon, for the title.

    Examples
    --------
    >>> fig = savings_waterfall({"Savings": 100.0, "Costs": -30.0, "Net": 70.0}, 1)
    >>> fig.data[0].measure.tolist()
    ['absolute', 'relative', 'total']
    """
    names = list(totals)
    values = np.array([totals[n] for n in names], dtype=float)
    measure = np.array(["absolute"] + ["relative"] * (len(names) - 2) + ["total"], dtype=object)
    full = _money_text(values, currency, locale)
    short = np.array([fmt.money_compact(v, currency, locale) for v in values], dtype=object)
    trace = (
        go.Waterfall(
            x=np.asarray(names, dtype=object), y=np.where(measure == "total", 0.0, values), measure=measure,
            text=short, textposition="outside", textfont={"size": 12}, customdata=full,
            hovertemplate="%{x}: %{customdata}<extra></extra>",
            increasing={"marker": {"color": BLUE}},
            decreasing={"marker": {"color": ORANGE}},
            totals={"marker": {"color": GREEN}},
            connector={"line": {"color": GREY, "width": 1}},
            showlegend=False,
        )
    )
    span = "year" if years == 1 else f"{years} years"
    alt = (f"Waterfall of the savings over {span} in present values, each outflow a step down: "
           + ", ".join(f"{n} {s}" for n, s in zip(names, full, strict=False)) + ".")
    return _figure([trace], f"Where the savings go over {span} (present values)", "", f"Present value ({currency})",
                   locale, alt, hovermode="closest")


def proficiency_curves(
    weeks: ArrayLike,
    curves: Mapping[str, ArrayLike],
    stages: Mapping[str, float],
    highlight: str,
    competent_week: float | None,
    locale: str | None = None,
    competent_level: float | None = None,
) -> go.Figure:
    """Proficiency (0-1, drawn as %) over weeks for several paces, with Dreyfus stage lines.

    Parameters
    ----------
    weeks : array_like
        The time axis [weeks].
    curves : mapping
        ``label -> proficiency`` on ``weeks``; ``highlight`` is drawn bold (the user's plan).
    stages : mapping
        ``stage name -> proficiency where it starts`` (0-1); drawn as dotted lines with labels.
    competent_week : float or None
        Where the user's plan reaches "competent" [weeks], marked; ``None`` = never.
    competent_level : float, optional
        Proficiency (0-1) at that point; defaults to the "Competent" stage (higher when prior
        hours already exceed the target).

    Examples
    --------
    >>> fig = proficiency_curves([0, 10, 20], {"6 h/week": [0, .2, .4], "Your plan": [0, .3, .6]},
    ...                          {"Competent": 0.6}, "Your plan", 20.0)
    >>> [t.name for t in fig.data], fig.data[1].line.width
    (['6 h/week', 'Your plan', 'Competent: week 20'], 4)
    """
    x = np.asarray(weeks, dtype=float)
    colours = iter((SKY, ORANGE, PURPLE, GREEN))
    traces = []
    for label, y in curves.items():
        mine = label == highlight
        traces.append(go.Scatter(
            x=x, y=np.asarray(y, dtype=float) * 100, name=label, mode="lines",
            line={"color": BLUE if mine else next(colours), "width": 4 if mine else 2,
                  "dash": "solid" if mine else "dash"},
            hovertemplate=f"{label}: %{{y:.0f}}% at week %{{x:.0f}}<extra></extra>",
        ))
    levels = [(name, level * 100) for name, level in stages.items() if level > 0]
    if competent_week is not None:
        label = f"Competent: week {fmt.number(competent_week, locale, 0)}"
        traces.append(go.Scatter(
            x=np.array([competent_week], dtype=float),
            y=np.array([(competent_level if competent_level is not None else stages.get("Competent", 0.6)) * 100]),
            name=label,
            mode="markers", marker={"color": VERMILLION, "size": 12, "symbol": "diamond",
                                    "line": {"color": BLACK, "width": 1}},
            hovertemplate=label + "<extra></extra>",
        ))
    reach = (f"reaches Competent at week {fmt.number(competent_week, locale, 0)}" if competent_week is not None
             else "does not reach Competent")
    others = [label for label in curves if label != highlight]
    alt = (f"Lines of proficiency (% of your ceiling) over weeks 0 to {fmt.number(x[-1] if x.size else 0, locale, 0)}, "
           "your plan as "
           f"the bold line and {', '.join(others) or 'no other pace'} for comparison, with the Dreyfus stages "
           f"({', '.join(name for name, _ in levels)}) as dotted levels; your plan {reach}.")
    return _figure(traces, "Proficiency over time (Dreyfus stages)", "Weeks from the start",
                   "Proficiency (% of your ceiling)", locale, alt,
                   yaxis={"range": [0, 100], "ticksuffix": "%"},
                   shapes=[_hline(y, GREY, "dot") for _, y in levels],
                   annotations=[_label(1, y, name, xref="paper", xanchor="right", yanchor="bottom")
                                for name, y in levels])


def weeks_vs_hours(
    hours: ArrayLike, weeks: ArrayLike, band: tuple[float, float], mine: tuple[float, float | None],
    locale: str | None = None,
) -> go.Figure:
    """Weeks to competency against weekly hours, the recommended band shaded, the user's point.

    Examples
    --------
    >>> fig = weeks_vs_hours([6, 12], [40, 20], (6, 12), (10, 24.0))
    >>> fig.data[0].y.tolist(), fig.data[1].x.tolist(), fig.layout.shapes[0].x0
    ([40.0, 20.0], [10.0], 6)
    """
    h = np.asarray(hours, dtype=float)
    w = np.asarray(weeks, dtype=float)
    traces = []
    traces.append(go.Scatter(x=h, y=np.where(np.isfinite(w), w, np.nan), name="Weeks to competency",
                             mode="lines", line={"color": BLUE, "width": 3},
                             hovertemplate="%{x:.1f} h/week: %{y:.0f} weeks<extra></extra>"))
    if mine[1] is not None:
        label = f"Your plan: {fmt.number(mine[1], locale, 1)} weeks"
        traces.append(go.Scatter(x=np.array([mine[0]], dtype=float), y=np.array([mine[1]], dtype=float), name=label,
                                 mode="markers", marker={"color": VERMILLION, "size": 12, "symbol": "diamond",
                                                         "line": {"color": BLACK, "width": 1}},
                                 hovertemplate=label + "<extra></extra>"))
    finite = w[np.isfinite(w)]
    # 1 h/week would flatten the rest: cap the axis at 3 years, or just above the user's own point.
    cap = max(156.0, 1.15 * mine[1]) if mine[1] is not None else 156.0
    top = min(float(finite.max()) if finite.size else 52.0, cap)
    def at(hours: float) -> str:
        k = int(np.argmin(np.abs(h - hours)))
        return "never" if not np.isfinite(w[k]) else f"{fmt.number(w[k], locale, 0)} weeks"

    plan = (f"; your plan, {_num(mine[0], locale)} h a week, takes {_num(round(mine[1], 1), locale)} weeks"
            if mine[1] is not None else f"; your plan, {_num(mine[0], locale)} h a week, never gets there")
    alt = (f"Line of the weeks to competency against study hours per week, from {_num(h[0], locale)} to "
           f"{_num(h[-1], locale)} h: {at(band[0])} at {band[0]:g} h and {at(band[1])} at {band[1]:g} h "
           f"(the recommended band, shaded){plan}." if h.size and h.size == w.size
           else f"Line of the weeks to competency against study hours per week: no hours to show{plan}.")
    return _figure(traces, "Weeks to competency by hours per week", "Study hours per week",
                   "Weeks to competency", locale, alt, yaxis={"range": [0, top * 1.05]},
                   shapes=[{"type": "rect", "xref": "x", "yref": "paper", "x0": band[0], "x1": band[1], "y0": 0,
                            "y1": 1, "fillcolor": GREEN, "opacity": 0.12, "line": {"width": 0}, "layer": "below"}],
                   annotations=[_label(band[0], 1, f"Recommended {band[0]:g}–{band[1]:g} h", yref="paper",
                                       xanchor="left", yanchor="bottom")])


def scenario_payoff(
    months: ArrayLike, cumulative: Mapping[str, ArrayLike], currency: str = "USD", locale: str | None = None,
    highlight: str = "Start now",
) -> go.Figure:
    """Cumulative expected net payoff (undiscounted) of each scenario by month (start date = 0).

    ``highlight`` (the user's own scenario) gets the solid blue line; the others are dashed or
    dotted, so they are told apart without colour.

    Examples
    --------
    >>> fig = scenario_payoff([-1, 0, 1], {"Earlier": [0, 0, 5], "Start now": [0, -5, 10], "Wait": [0, 0, 0]})
    >>> [t.name for t in fig.data], [t.line.dash for t in fig.data], fig.data[1].line.color
    (['Earlier', 'Start now', 'Wait'], ['dash', 'solid', 'dot'], '#0072B2')
    """
    x = np.asarray(months, dtype=float)
    others = iter(((ORANGE, "dash"), (GREEN, "dot"), (PURPLE, "dashdot"), (SKY, "longdash")))
    traces = []
    ends = []
    for label, y in cumulative.items():
        colour, dash = (BLUE, "solid") if label == highlight else next(others)
        y = np.asarray(y, dtype=float)
        ends.append(f"{label} ({dash} line) ends at {fmt.money(y[-1], currency, locale)}" if y.size else label)
        traces.append(go.Scatter(x=x, y=y, name=label, mode="lines", line={"color": colour, "dash": dash, "width": 3},
                                 customdata=_money_text(y, currency, locale),
                                 hovertemplate=f"{label}, month %{{x}}: %{{customdata}}<extra></extra>"))
    span = (f"from {fmt.number(x[0], locale, 0)} to {fmt.number(x[-1], locale, 0)} months around the start date"
            if x.size else "(no months to show)")
    alt = f"Lines of the cumulative expected payoff by month {span}: " + "; ".join(ends) + "."
    return _figure(traces, "Cumulative payoff by scenario (undiscounted)", "Months from the start date",
                   f"Cumulative net ({currency})", locale, alt,
                   shapes=[_hline(0.0), _vline(0.0, GREY, "dot")],
                   annotations=[_label(0, 1, "start date", yref="paper", xanchor="left", yanchor="bottom")])


def share_bullet(share: float, threshold: float, locale: str | None = None) -> go.Figure:
    """A bullet chart: the share of the time AI could take as a bar, the threshold as a line
    labelled in text. (The OECD's 50-70 % and > 70 % are bands of a job's probability of
    automation, not of a share of time: the page gives them as a comparison in words, not here.)

    Examples
    --------
    >>> fig = share_bullet(0.45, 0.60)
    >>> fig.data[0].x.tolist(), [s["x0"] for s in fig.layout.shapes]
    ([45.0], [60.0])
    """
    pct = share * 100
    at_risk = share > threshold
    # The verdict is written beside the bar (and the bar hatched): the colour is never the only cue.
    trace = go.Bar(
        x=np.array([pct]), y=np.array([f"Your work<br>({'at risk' if at_risk else 'not at risk'})"], dtype=object),
        orientation="h", width=0.4,
        marker={"color": VERMILLION if at_risk else BLUE, "pattern": {"shape": "/" if at_risk else ""}},
        text=np.array([fmt.percent(share, locale)], dtype=object), textposition="outside",
        hovertemplate="Automatable: %{x:.0f}%<extra></extra>", name="Automatable share", showlegend=False,
    )
    alt = (f"Bar: an AI agent could take {fmt.percent(share, locale)} of your working time, "
           f"{'more' if at_risk else 'not more'} than your threshold of {fmt.percent(threshold, locale)} "
           f"({'at risk' if at_risk else 'not at risk'}).")
    return _figure(
        [trace], "Share of your time an AI agent could take", "Share of working time", "", locale, alt,
        xaxis={"range": [0, 100], "ticksuffix": "%"}, height=230, margin={"l": 90, "r": 20, "t": 60, "b": 50},
        shapes=[{**_vline(threshold * 100, BLACK, "dash"), "line": {"color": BLACK, "width": 2, "dash": "dash"}}],
        annotations=[_label(threshold * 100, 0, f"threshold {fmt.percent(threshold, locale)}", yref="paper",
                            yanchor="top", font={"size": 11, "color": BLACK})],
    )


def time_by_kind_bar(shares: Mapping[str, float], automatable: Mapping[str, bool], locale: str | None = None
                     ) -> go.Figure:
    """Time by kind of work as one stacked horizontal bar: automatable kinds hatched, each
    segment labelled with its kind and share (so colour is never the only cue).

    Examples
    --------
    >>> fig = time_by_kind_bar({"E1": 0.6, "Strategic judgment": 0.4}, {"E1": True, "Strategic judgment": False})
    >>> [t.name for t in fig.data], fig.data[0].marker.pattern.shape, fig.data[1].marker.pattern.shape
    (['E1 (automatable)', 'Strategic judgment'], '/', '')
    """
    colours = iter((VERMILLION, ORANGE, YELLOW, PURPLE, BLUE, GREEN, SKY, GREY, BLACK, "#999999"))
    traces = []
    for kind, share in shares.items():
        auto = automatable[kind]
        name = f"{kind} (automatable)" if auto else kind
        traces.append(go.Bar(
            x=np.array([share * 100]), y=np.array(["Time"], dtype=object), orientation="h", name=name,
            marker={"color": next(colours), "pattern": {"shape": "/" if auto else ""}},
            text=np.array([fmt.percent(share, locale)], dtype=object), textposition="inside",
            hovertemplate=f"{name}: %{{x:.0f}}%<extra></extra>",
        ))
    alt = ("One bar of your working time split by kind of work (automatable kinds hatched): "
           + ", ".join(f"{f'{k} (automatable)' if automatable[k] else k} {fmt.percent(v, locale)}"
                       for k, v in shares.items()) + ".")
    return _figure(traces, "Your time by kind of work", "Share of working time", "", locale, alt, barmode="stack",
                   xaxis={"range": [0, 100], "ticksuffix": "%"}, height=380, hovermode="closest",
                   margin={"l": 60, "r": 20, "t": 50, "b": 40}, legend={"y": -0.35})


def npv_histogram(draws: ArrayLike, p10: float, p50: float, p90: float, currency: str = "USD",
                  locale: str | None = None) -> go.Figure:
    """Histogram of the simulated NPVs with P10 / P50 / P90 and zero marked and labelled.

    Examples
    --------
    >>> fig = npv_histogram(np.array([1.0, 2.0, 3.0]), 1.2, 2.0, 2.8)
    >>> fig.data[0].type, [a["text"] for a in fig.layout.annotations]
    ('histogram', ['P10 $1', 'P50 $2', 'P90 $3'])
    """
    x = np.asarray(draws, dtype=float)
    trace = go.Histogram(x=x, nbinsx=60, marker={"color": SKY, "line": {"color": BLUE, "width": 0.5}},
                         name="Simulated NPV", hovertemplate="NPV %{x}: %{y} draws<extra></extra>")
    lines = [(p10, "P10", "dash"), (p50, "P50", "solid"), (p90, "P90", "dash")]
    def m(v: float | None) -> str:
        return fmt.money_compact(v, currency, locale)
    alt = (f"Histogram of {fmt.number(x.size, locale)} simulated net present values: P10 {m(p10)}, "
           f"median {m(p50)}, P90 {m(p90)}; "
           f"{fmt.percent(float(np.mean(x < 0)) if x.size else 0.0, locale)} of them are below zero (a loss), "
           "left of the grey zero line.")
    return _figure(
        [trace], "Net present value across the simulated cases", f"NPV ({currency})", "Draws", locale, alt,
        shapes=[_vline(0.0, GREY)] + [{**_vline(v, BLACK, d), "line": {"color": BLACK, "width": 2, "dash": d}}
                                      for v, _, d in lines],
        # P10 to the left of its line, P90 to the right, P50 above both: the labels never overlap.
        annotations=[_label(v, y, f"{name} {fmt.money_compact(v, currency, locale)}", yref="paper", yanchor=ya,
                            xanchor=anchor, font={"size": 11, "color": BLACK}, bgcolor="rgba(255,255,255,0.8)")
                     for (v, name, _), anchor, y, ya in zip(lines, ("right", "center", "left"), (1.0, 0.97, 1.0),
                                                            ("bottom", "top", "bottom"), strict=False)],
        bargap=0.02, showlegend=False,
    )


def tornado_chart(bars: Sequence[TornadoBar], base_npv: float, labels: Mapping[str, str], currency: str = "USD",
                  locale: str | None = None) -> go.Figure:
    """Tornado: NPV at each input's low and high value (others at likely), widest swing on top.

    Examples
    --------
    >>> from upskill_roi.core.uncertainty import TornadoBar
    >>> fig = tornado_chart([TornadoBar("a", 90.0, 130.0), TornadoBar("b", 95.0, 105.0)], 100.0, {"a": "A", "b": "B"})
    >>> fig.data[0].y.tolist(), fig.data[0].base.tolist(), fig.data[0].x.tolist()
    (['B', 'A'], [100.0, 100.0], [-5.0, -10.0])
    """
    ordered = list(bars)[::-1]  # plotly draws the first category at the bottom
    names = np.array([labels.get(b.field, b.field) for b in ordered], dtype=object)
    low = np.array([b.npv_low for b in ordered], dtype=float)
    high = np.array([b.npv_high for b in ordered], dtype=float)
    traces = []
    for label, values, colour, pattern in (("Input at its low value", low, ORANGE, "/"),
                                           ("Input at its high value", high, BLUE, "")):
        traces.append(go.Bar(
            y=names, x=values - base_npv, base=np.full(values.size, float(base_npv)), orientation="h", name=label,
            marker={"color": colour, "pattern": {"shape": pattern}},
            customdata=_money_text(values, currency, locale),
            hovertemplate=f"{label}: NPV %{{customdata}}<extra></extra>",
        ))
    def m(v: float | None) -> str:
        return fmt.money_compact(v, currency, locale)
    alt = (f"Bars of the NPV with one input at its low (hatched) or high value and the others likely "
           f"(NPV {m(base_npv)}), widest swing first: " + "; ".join(f"{n}: {m(lo)} to {m(hi)}" for n, lo, hi in
                                              zip(names[::-1], low[::-1], high[::-1], strict=False)) + ".")
    return _figure(traces, "What moves the NPV most (one input at a time)", f"NPV ({currency})", "", locale, alt,
                   barmode="overlay", shapes=[_vline(float(base_npv), BLACK)],
                   annotations=[_label(float(base_npv), 1, f"likely {m(base_npv)}", yref="paper", yanchor="bottom")],
                   hovermode="closest", margin={"l": 170, "r": 20, "t": 50, "b": 40})


def _wrap(name: str, width: int = 11) -> str:
    """A category name on at most two lines, broken at the space nearest its middle when longer
    than ``width`` characters.

    Examples
    --------
    >>> _wrap("Upskill + attrition"), _wrap("Hire")
    ('Upskill +<br>attrition', 'Hire')
    """
    if len(name) <= width or " " not in name:
        return name
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "<br>" + name[cut + 1:]


def npv_by_option(names: Sequence[str], likely: ArrayLike, p10: ArrayLike, p90: ArrayLike, currency: str = "USD",
                  locale: str | None = None, title: str = "NPV by option, with the P10-P90 band",
                  y_title: str = "NPV") -> go.Figure:
    """NPV of each option at the likely values, with its P10-P90 band as an error bar; each
    option's amount is written under its name on the axis (a label on the bar would be crossed by
    the error bar).

    Examples
    --------
    >>> fig = npv_by_option(["A", "B"], [10.0, -5.0], [8.0, -9.0], [12.0, -1.0])
    >>> fig.data[0].error_y.array.tolist(), fig.data[0].error_y.arrayminus.tolist()
    ([2.0, 4.0], [2.0, 4.0])
    >>> list(fig.layout.xaxis.ticktext)
    ['A<br><b>$10</b>', 'B<br><b>-$5</b>']
    """
    y = np.asarray(likely, dtype=float)
    lo = np.asarray(p10, dtype=float)
    hi = np.asarray(p90, dtype=float)
    text = np.array([fmt.money_compact(v, currency, locale) for v in y], dtype=object)
    x = np.asarray(list(names), dtype=object)
    # Losses: orange, hatched, below the zero line and written with a minus sign.
    trace = go.Bar(
        x=x, y=y,
        marker={"color": np.where(y >= 0, BLUE, ORANGE), "pattern": {"shape": np.where(y >= 0, "", "/")}},
        error_y={"type": "data", "symmetric": False, "array": np.maximum(hi - y, 0),
                 "arrayminus": np.maximum(y - lo, 0), "color": BLACK, "thickness": 1.5, "width": 8},
        text=text, textposition="none",
        customdata=np.stack([_money_text(lo, currency, locale), _money_text(hi, currency, locale)], axis=-1),
        hovertemplate="%{x}: %{text} (P10 %{customdata[0]}, P90 %{customdata[1]})<extra></extra>", showlegend=False,
    )
    def m(v: float | None) -> str:
        return fmt.money_compact(v, currency, locale)
    alt = (f"Bars of the {y_title} of each option, losses hatched below zero, with the P10-P90 band as error bars: "
           + "; ".join(f"{n} {m(v)} (P10 {m(a)}, P90 {m(b)})"
                       for n, v, a, b in zip(names, y, lo, hi, strict=False)) + ".")
    ticks = np.array([f"{_wrap(n)}<br><b>{t}</b>" for n, t in zip(names, text, strict=False)], dtype=object)
    return _figure([trace], title, "", f"{y_title} ({currency})", locale, alt, shapes=[_hline(0.0)],
                   hovermode="closest", xaxis={"tickmode": "array", "tickvals": x, "ticktext": ticks,
                                               "tickangle": 0})


def compare_scenarios(names: Sequence[str], npv: ArrayLike, payback_months: Sequence[float | None],
                      currency: str = "USD", locale: str | None = None) -> go.Figure:
    """NPV and payback of up to three scenarios, side by side, each bar labelled with its value
    ("never" for a payback that never comes, drawn as an empty bar).

    Examples
    --------
    >>> fig = compare_scenarios(["A", "B"], [100.0, -50.0], [6.0, None])
    >>> fig.data[1].y.tolist(), fig.data[1].text.tolist()
    ([6.0, 0.0], ['6.0 months', 'never'])
    """
    x = np.asarray(list(names), dtype=object)
    y = np.asarray(npv, dtype=float)
    pay = np.array([np.nan if p is None else p for p in payback_months], dtype=float)
    pays = [fmt.months(None if np.isnan(p) else p, locale) for p in pay]
    traces = [
        go.Bar(x=x, y=y, marker={"color": np.where(y >= 0, BLUE, ORANGE),
                                 "pattern": {"shape": np.where(y >= 0, "", "/")}},
               showlegend=False, text=np.array([fmt.money_compact(v, currency, locale) for v in y], dtype=object),
               textposition="outside", hovertemplate="%{x}: %{text}<extra></extra>", name="NPV", xaxis="x", yaxis="y"),
        go.Bar(x=x, y=np.nan_to_num(pay, nan=0.0), marker={"color": GREEN}, showlegend=False,
               text=np.array(pays, dtype=object), textposition="outside", hovertemplate="%{x}: %{text}<extra></extra>",
               name="Payback", xaxis="x2", yaxis="y2"),
    ]
    alt = ("Two bar charts, NPV (losses hatched below zero) and payback of each scenario: "
           + "; ".join(f"{n}: NPV {fmt.money_compact(v, currency, locale)}, payback {p}"
                       for n, v, p in zip(x, y, pays, strict=False))
           + ".")
    # Two panels side by side (what plotly.subplots.make_subplots(1, 2, horizontal_spacing=0.14) lays out).
    title = {"font": {"size": 16}, "showarrow": False, "xref": "paper", "y": 1.0, "yref": "paper",
             "xanchor": "center", "yanchor": "bottom"}
    return _figure(
        traces, "Scenarios compared: NPV and payback", "", f"NPV ({currency})", locale, alt,
        xaxis={"anchor": "y", "domain": [0.0, 0.43]}, yaxis={"anchor": "x", "domain": [0.0, 1.0]},
        xaxis2={"anchor": "y2", "domain": [0.57, 1.0]},
        yaxis2={"anchor": "x2", "domain": [0.0, 1.0], "title": {"text": "Months"}, "rangemode": "tozero"},
        annotations=[{**title, "text": "Net present value", "x": 0.215}, {**title, "text": "Payback", "x": 0.785}],
        shapes=[{"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y", "y0": 0, "y1": 0,
                 "line": {"color": GREY, "width": 1}}],
        margin={"l": 70, "r": 20, "t": 80, "b": 40}, hovermode="closest")
