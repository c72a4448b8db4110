"""A self-contained HTML report: one file that opens offline and prints cleanly to PDF.

The charts are plotly's own HTML export (``Figure.to_html``) with plotly.js embedded once, so
the file needs no network; every text that came from a user or a link is HTML-escaped; a print
stylesheet keeps tables and charts whole on A4/Letter pages. Each chart is followed by a table
or a sentence that says the same in text (its text alternative).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

if TYPE_CHECKING:
    from upskill_roi.inputs.param import Param

__all__ = ["Table", "Chart", "Section", "html_report"]


@dataclass(frozen=True)
class Table:
    """A table of text cells (already formatted for the reader)."""

    caption: str
    columns: Sequence[str]
    rows: Sequence[Sequence[str]]


@dataclass(frozen=True)
class Chart:
    """A figure and the sentence that states its content in words: a Plotly ``figure`` (embedded
    with plotly.js, interactive) or a static ``svg`` (:mod:`upskill_roi.present.svg`: a few KB, no
    script)."""

    figure: go.Figure | None
    alt: str
    svg: str = ""


@dataclass(frozen=True)
class Section:
    """A titled part of the report: paragraphs, then tables, charts and preformatted text."""

    title: str
    paragraphs: Sequence[str] = ()
    tables: Sequence[Table] = ()
    charts: Sequence[Chart] = ()
    preformatted: Sequence[str] = field(default_factory=tuple)


_CSS = """
:root { --ink: #1f2430; --muted: #5b6270; --line: #d9dce3; --accent: #0072B2; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.45; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
p.meta { color: var(--muted); margin: 0 0 1rem; }
.note { border-left: 4px solid #E69F00; background: #fff8e6; padding: .6rem .9rem; margin: 1rem 0; }
.question { font-size: 1.1rem; border-left: 4px solid var(--accent); padding: .4rem .9rem; background: #eef6fb; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1.2rem; font-size: .88rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f3f4f7; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
figure { margin: .5rem 0 1.4rem; }
figcaption { color: var(--muted); font-size: .88rem; }
pre { white-space: pre-wrap; font-size: .8rem; background: #f7f7f9; padding: .7rem; border: 1px solid var(--line); }
a { color: var(--accent); overflow-wrap: anywhere; }
p.headline, td { overflow-wrap: anywhere; } td:first-child { min-width: 8em; } p.headline { white-space: pre-wrap; }
@page { margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  table, figure, .note, .question { break-inside: avoid; }
  pre { break-inside: auto; }
  a { color: var(--ink); text-decoration: none; }
}
"""


_COMPACT = """
body { font-size: .86rem; padding: 1rem; line-height: 1.3; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin: .8em 0 .3em; }
table { font-size: 1em; margin: .3em 0 .6em; } p { margin: .3em 0; }
td, th { padding: .15em .35em; } .note, .question { padding: .25em .5em; margin: .4em 0; }
td.num { white-space: normal; text-align: left; }
p.meta { font-size: .85em; } p.meta a { font-size: .9em; }
@media print { body { font-size: 8.5pt; } @page { margin: 10mm; } }
"""


def _cell(text: str) -> str:
    t = html.escape(str(text))
    numeric = bool(t) and (t[0].isdigit() or t[0] in "-−+$€£¥" or t[-1] in "%") and any(c.isdigit() for c in t)
    return f'<td class="num">{t}</td>' if numeric else f"<td>{t}</td>"


def _table(t: Table) -> str:
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in t.columns)
    body = "".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in t.rows)
    return (f"<table><caption>{html.escape(t.caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def html_report(*, title: str, question: str, headline: str, link: str, sections: Sequence[Section],
                generated: dt.date, note: str, compact: bool = False) -> str:
    """The report as one HTML document (UTF-8 text).

    Parameters
    ----------
    title : str
        The report's title.
    question : str
        The question the report answers.
    headline : str
        The answer in one or two sentences.
    link : str
        The share link that reopens the scenario in the app.
    sections : sequence of Section
        Inputs, results, charts, methodology, attribution -- in reading order.
    generated : date
        Shown as the report's date.
    note : str
        The "illustrative estimate" note shown under the title.
    compact : bool
        Smaller type and spacing, for a document that must print on one page.

    Examples
    --------
    >>> doc = html_report(title="Case <1>", question="Q?", headline="A.", link="http://x/roi?a=<b>", sections=[
    ...     Section("Inputs", tables=[Table("Inputs", ["Input", "Value"], [["Rate", "10%"]])])],
    ...     generated=dt.date(2026, 11, 25), note="Illustrative estimate.")
    >>> "Case &lt;1&gt;" in doc, "a=&lt;b&gt;" in doc, '<td class="num">10%</td>' in doc, "<script" in doc
    (True, True, True, False)
    """
    parts: list[str] = []
    plotly_included = False
    n_chart = 0
    for s in sections:
        parts.append(f"<section><h2>{html.escape(s.title)}</h2>")
        parts += [f"<p>{html.escape(p)}</p>" for p in s.paragraphs]
        parts += [_table(t) for t in s.tables]
        for c in s.charts:
            n_chart += 1
            if c.svg:
                parts.append(f'<figure role="group" aria-label="{html.escape(c.alt)}">{c.svg}'
                             f"<figcaption>{html.escape(c.alt)}</figcaption></figure>")
                continue
            fig = go.Figure(c.figure)
            fig.update_layout(width=None, autosize=True)
            div = fig.to_html(full_html=False, include_plotlyjs=not plotly_included, div_id=f"chart-{n_chart}",
                              config={"displaylogo": False, "responsive": True})
            plotly_included = True
            parts.append(f'<figure role="group" aria-label="{html.escape(c.alt)}">{div}'
                         f"<figcaption>{html.escape(c.alt)}</figcaption></figure>")
        parts += [f"<pre>{html.escape(p)}</pre>" for p in s.preformatted]
        parts.append("</section>")
    safe_link = html.escape(link)
    # Only web links become links; anything else is shown as text.
    anchor = f'<a href="{safe_link}">{safe_link}</a>' if link.startswith(("http://", "https://", "/")) else safe_link
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_CSS}{_COMPACT if compact else ''}</style></head><body>"
        f"<header><h1>{html.escape(title)}</h1>"
        f'<p class="meta">Upskill ROI · {generated.isoformat()} · '
        f"{anchor}</p>"
        f'<p class="note"><strong>Illustrative estimate.</strong> {html.escape(note)}</p>'
        f'<p class="question">{html.escape(question)}</p>'
        f'<p class="headline"><strong>{html.escape(headline)}</strong></p></header><main>'
        + "".join(parts)
        + "</main>"
        # One page (compact): the link is printed once, in the header.
        + ("" if compact else f'<footer><p class="meta">Reopen or change this scenario: {anchor}</p></footer>')
        + "</body></html>"
    )


def inputs_table(params: Sequence[Param], values: Mapping[str, Any], currency: str, locale: str | None,
                 caption: str) -> Table:
    """The inputs of a page as a report table: label, value with unit, and the source of the default.

    Examples
    --------
    >>> from upskill_roi.inputs.param import Param
    >>> p = Param("rate", "Discount rate", "%/yr", 10, "percent", "slider", "", "Forrester TEI", "A", min=0, max=30)
    >>> inputs_table([p], {"rate": 12}, "USD", "en-US", "Inputs").rows
    [['Discount rate', '12%', '10%', 'Forrester TEI']]
    """
    from upskill_roi.present.text import display_value

    return Table(caption, ["Input", "Value", "Default", "Source of the default"],
                 [[p.label, display_value(p, values[p.key], currency, locale),
                  display_value(p, p.default, currency, locale), p.source]
                  for p in params if p.key in values])
