"""Pure figure builders: numbers in, plotly Figure out (numpy arrays in every trace).

Every figure has a title, axis titles with units, hover text formatted for the visitor's
locale and currency, and carries its meaning in text labels or patterns as well as colour.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from babel.numbers import get_decimal_symbol, get_group_symbol
from numpy.typing import ArrayLike

from ui import fmt
from ui.theme import BLACK, BLUE, GREEN, GREY, ORANGE, VERMILLION

__all__ = ["cumulative_cashflow", "benefits_costs_by_year", "savings_waterfall", "separators"]


def separators(locale: str | None) -> str:
    """Plotly's ``layout.separators`` (decimal then thousands sign) for a locale.

    Examples
    --------
    >>> separators("en-US"), separators("de-DE")
    ('.,', ',.')
    """
    loc = fmt.resolve_locale(locale)
    return get_decimal_symbol(loc) + get_group_symbol(loc)


def _layout(fig: go.Figure, title: str, x_title: str, y_title: str, locale: str | None) -> go.Figure:
    fig.update_layout(
        title={"text": title},
        xaxis_title=x_title,
        yaxis_title=y_title,
        separators=separators(locale),
        hovermode="x unified",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        margin={"l": 70, "r": 20, "t": 80, "b": 40},
        height=380,
    )
    return fig


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
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=x, y=y, name="Cumulative net", mode="lines", line={"color": BLUE, "width": 3},
            customdata=_money_text(y, currency, locale),
            hovertemplate="Month %{x}: %{customdata}<extra></extra>",
        )
    )
    fig.add_hline(y=0, line={"color": GREY, "width": 1})
    if payback_month is not None:
        label = f"Pays back: {fmt.months(payback_month, locale)}"
        fig.add_trace(
            go.Scatter(
                x=np.array([payback_month]), y=np.array([0.0]), name=label, mode="markers",
                marker={"color": VERMILLION, "size": 12, "symbol": "diamond", "line": {"color": BLACK, "width": 1}},
                hovertemplate=label + "<extra></extra>",
            )
        )
        fig.add_vline(x=payback_month, line={"color": VERMILLION, "dash": "dash", "width": 1})
    else:
        fig.add_annotation(
            x=float(x[-1]), y=float(y[-1]), text="Does not pay back within the horizon",
            showarrow=True, arrowhead=2, ax=-60, ay=-40,
        )
    return _layout(fig, "Cumulative net cash flow", "Months since go-live", f"Cumulative net ({currency})", locale)


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
    fig = go.Figure()
    labelled = b.size <= 6  # beyond that the bar labels overlap; hover still gives every value
    for name, values, color, pattern in (("Benefits", b, BLUE, ""), ("Costs", c, ORANGE, "/")):
        full = _money_text(values, currency, locale)
        short = np.array([fmt.money_compact(v, currency, locale) for v in values], dtype=object)
        fig.add_trace(
            go.Bar(
                x=x, y=values, name=name, marker={"color": color, "pattern": {"shape": pattern}},
                text=short if labelled else None, textposition="outside", textfont={"size": 12},
                customdata=full, hovertemplate=f"{name}: %{{customdata}}<extra></extra>",
            )
        )
    net = b - c
    fig.add_trace(
        go.Scatter(
            x=x, y=net, name="Net", mode="lines+markers", line={"color": BLACK, "dash": "dot"},
            marker={"symbol": "circle", "size": 9}, customdata=_money_text(net, currency, locale),
            hovertemplate="Net: %{customdata}<extra></extra>",
        )
    )
    fig.update_layout(barmode="group")
    fig.update_traces(cliponaxis=False, selector={"type": "bar"})
    return _layout(fig, "Benefits and costs by year", "Period", f"Amount ({currency})", locale)


def savings_waterfall(
    totals: Mapping[str, float],
    years: int,
    currency: str = "USD",
    locale: str | None = None,
) -> go.Figure:
    """Where the savings go over the horizon: realised savings, each outflow, and what is left.

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
    fig = go.Figure(
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
    fig = _layout(fig, f"Where the savings go over {span} (undiscounted)", "", f"Amount ({currency})", locale)
    fig.update_layout(hovermode="closest")
    return fig
