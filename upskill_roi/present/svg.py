"""Static SVG charts for documents (the brief, the reports): no script, no network, a few KB each,
printed as drawn. The page's interactive charts are Plotly (:mod:`upskill_roi.present.charts`); these
say the same for paper. Every label is escaped; colours are the Okabe & Ito palette
(:mod:`upskill_roi.present.theme`); a loss is orange and hatched, as on the page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike

from upskill_roi.present import fmt
from upskill_roi.present.theme import BLACK, BLUE, GREY, ORANGE, PALETTE, VERMILLION

__all__ = ["cumulative", "bars", "grouped_bars"]

_FONT = 'font-family="DejaVu Sans, Arial, sans-serif"'


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _frame(width: int, height: int, label: str, body: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} '
            f'{height}" role="img" aria-label="{_e(label)}" {_FONT}>'
            '<defs><pattern id="loss" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{ORANGE}"/>'
            '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>'
            f"{body}</svg>")


def _scale(values: ArrayLike, top: float, bottom: float) -> tuple[float, float, Callable[[float], float]]:
    """(lowest, highest, y(v)) for an axis that always includes 0."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    lo = min(0.0, float(v.min())) if v.size else 0.0
    hi = max(0.0, float(v.max())) if v.size else 1.0
    span = (hi - lo) or 1.0

    def y(x: float) -> float:
        return top + (bottom - top) * (hi - x) / span
    return lo, hi, y


def _grid(lo: float, hi: float, y: Callable[[float], float], left: float, right: float, currency: str,
          locale: str | None) -> str:
    out = []
    for v in np.linspace(lo, hi, 4):
        yy = y(v)
        out.append(f'<line x1="{left}" x2="{right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#eceef2"/>'
                   f'<text x="{left - 6}" y="{yy + 3:.1f}" text-anchor="end" font-size="9">'
                   f"{_e(fmt.money_compact(v, currency, locale))}</text>")
    zero = y(0.0)
    out.append(f'<line x1="{left}" x2="{right}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="{GREY}"/>')
    return "".join(out)


def cumulative(monthly_net: ArrayLike, payback_months: float | None, currency: str = "USD",
               locale: str | None = None, width: int = 640, height: int = 200) -> str:
    """The cumulative undiscounted net cash flow by month as a line, with the zero line and the
    payback marked.

    Examples
    --------
    >>> svg = cumulative([-100.0, 50.0, 50.0, 50.0], 2.0)
    >>> svg.startswith("<svg") and "Payback" in svg and "<script" not in svg
    True
    """
    cum = np.cumsum(np.asarray(monthly_net, dtype=float))
    n = len(cum) - 1
    left, right, top, bottom = 62, width - 12, 10, height - 30
    lo, hi, y = _scale(cum, top, bottom)

    def x(m: float) -> float:
        return left + (right - left) * (m / max(n, 1))

    points = " ".join(f"{x(m):.1f},{y(v):.1f}" for m, v in enumerate(cum))
    years = "".join(f'<text x="{x(m):.1f}" y="{height - 14}" text-anchor="middle" font-size="9">{m // 12}</text>'
                    for m in range(0, n + 1, 12))
    marker = ""
    if payback_months is not None and 0 < payback_months <= n:
        px = x(payback_months)
        marker = (f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{top}" y2="{bottom}" stroke="{VERMILLION}" '
                  f'stroke-dasharray="4 3"/><text x="{px + 4:.1f}" y="{top + 10}" font-size="9" fill="{VERMILLION}">'
                  f"Payback: {_e(fmt.months(payback_months, locale))}</text>")
    body = (_grid(lo, hi, y, left, right, currency, locale)
            + f'<polyline points="{points}" fill="none" stroke="{BLUE}" stroke-width="2"/>{marker}{years}'
            f'<text x="{(left + right) / 2:.0f}" y="{height - 2}" text-anchor="middle" font-size="9">'
            f"Years after go-live (cumulative net, undiscounted, {_e(currency)})</text>")
    return _frame(width, height, "Cumulative net cash flow by month", body)


def bars(labels: Sequence[str], values: ArrayLike, lows: ArrayLike | None = None, highs: ArrayLike | None = None,
         currency: str = "USD", locale: str | None = None, title: str = "", width: int = 640,
         height: int = 230) -> str:
    """One bar per label (a loss orange and hatched), with an optional low-high whisker (P10-P90)
    and each amount written under its label.

    Examples
    --------
    >>> svg = bars(["Upskill", "Do <nothing>"], [10.0, -5.0], [8.0, -9.0], [12.0, -1.0], title="NPV")
    >>> svg.count("<rect") - 1, "Do &lt;nothing&gt;" in svg, 'fill="url(#loss)"' in svg   # 1 rect in the pattern
    (2, True, True)
    """
    v = np.asarray(values, dtype=float)
    lo_v = v if lows is None else np.asarray(lows, dtype=float)
    hi_v = v if highs is None else np.asarray(highs, dtype=float)
    left, right, top, bottom = 62, width - 10, 22 if title else 8, height - 42
    lo, hi, y = _scale(np.concatenate([v, lo_v, hi_v]), top, bottom)
    step = (right - left) / max(len(v), 1)
    out = [_grid(lo, hi, y, left, right, currency, locale)]
    if title:
        out.append(f'<text x="{left}" y="12" font-size="10" font-weight="bold">{_e(title)}</text>')
    for k, (name, value) in enumerate(zip(labels, v, strict=True)):
        cx = left + step * (k + 0.5)
        w = min(step * 0.55, 60)
        y0, y1 = sorted((y(0.0), y(value)))
        fill = BLUE if value >= 0 else "url(#loss)"
        out.append(f'<rect x="{cx - w / 2:.1f}" y="{y0:.1f}" width="{w:.1f}" height="{max(y1 - y0, 0.5):.1f}" '
                   f'fill="{fill}"/>')
        if lows is not None and highs is not None:
            a, b = y(lo_v[k]), y(hi_v[k])
            out.append(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{a:.1f}" y2="{b:.1f}" stroke="{BLACK}" '
                       f'stroke-width="1.5"/><line x1="{cx - 4:.1f}" x2="{cx + 4:.1f}" y1="{a:.1f}" y2="{a:.1f}" '
                       f'stroke="{BLACK}"/><line x1="{cx - 4:.1f}" x2="{cx + 4:.1f}" y1="{b:.1f}" y2="{b:.1f}" '
                       f'stroke="{BLACK}"/>')
        out.append(f'<text x="{cx:.1f}" y="{height - 28}" text-anchor="middle" font-size="9">{_e(name)}</text>'
                   f'<text x="{cx:.1f}" y="{height - 16}" text-anchor="middle" font-size="9" font-weight="bold">'
                   f"{_e(fmt.money_compact(value, currency, locale))}</text>")
    if lows is not None and highs is not None:
        out.append(f'<text x="{right}" y="{height - 2}" text-anchor="end" font-size="8" fill="{GREY}">'
                   "Whiskers: P10 to P90 of the simulated cases</text>")
    return _frame(width, height, title or "Bar chart", "".join(out))


def grouped_bars(categories: Sequence[str], series: Mapping[str, ArrayLike], currency: str = "USD",
                 locale: str | None = None, title: str = "", width: int = 640, height: int = 210) -> str:
    """Bars by category, one colour per series (e.g. benefits and costs by year), with a legend.

    Examples
    --------
    >>> svg = grouped_bars(["Initial", "Year 1"], {"Benefits": [0, 90], "Costs": [180, 12]}, title="By year")
    >>> svg.count("<rect") - 1, "Benefits" in svg and "Year 1" in svg
    (6, True)
    """
    names = list(series)
    data = np.asarray([np.asarray(series[n], dtype=float) for n in names])
    left, right, top, bottom = 62, width - 10, 22 if title else 8, height - 40
    lo, hi, y = _scale(data.ravel(), top, bottom)
    step = (right - left) / max(len(categories), 1)
    w = min(step * 0.7 / max(len(names), 1), 40)
    out = [_grid(lo, hi, y, left, right, currency, locale)]
    if title:
        out.append(f'<text x="{left}" y="12" font-size="10" font-weight="bold">{_e(title)}</text>')
    for k, cat in enumerate(categories):
        start = left + step * (k + 0.5) - w * len(names) / 2
        for j, _name in enumerate(names):
            y0, y1 = sorted((y(0.0), y(data[j, k])))
            out.append(f'<rect x="{start + j * w:.1f}" y="{y0:.1f}" width="{w - 1:.1f}" '
                       f'height="{max(y1 - y0, 0.5):.1f}" fill="{PALETTE[j % len(PALETTE)]}"/>')
        out.append(f'<text x="{left + step * (k + 0.5):.1f}" y="{height - 26}" text-anchor="middle" '
                   f'font-size="9">{_e(cat)}</text>')
    for j, name in enumerate(names):
        x0 = left + j * 110
        out.append(f'<rect x="{x0}" y="{height - 12}" width="9" height="9" fill="{PALETTE[j % len(PALETTE)]}"/>'
                   f'<text x="{x0 + 13}" y="{height - 4}" font-size="9">{_e(name)}</text>')
    return _frame(width, height, title or "Grouped bar chart", "".join(out))
