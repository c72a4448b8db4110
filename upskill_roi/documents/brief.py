"""A two-page brief of the implementation case, as HTML with print CSS and as a PDF.

Page 1 is the executive summary a manager sends: the question, the answer in one sentence, one
headline table, a chart, the conservative / base / optimistic scenarios (the simulation's P10 /
P50 / P90), what drives the result, the key assumptions marked "your input" or "assumed", and
fields for who prepared it, for whom, and when. Page 2 is the appendix: every input with its
source, and the method in plain words. The chart is a static SVG drawn here (no script, no
network); every text that came from a user or a link is HTML-escaped. :func:`pdf` renders the
HTML with WeasyPrint (its print CSS: A4, two pages).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from typing import Any

from upskill_roi.core.business_case import OptionResult, OptionsSimulation, TeamInputs
from upskill_roi.core.roi import ImplementationResult
from upskill_roi.core.uncertainty import Range, Simulation
from upskill_roi.documents.workbook import InputRow
from upskill_roi.inputs.param import Param
from upskill_roi.present import fmt, svg, text

__all__ = ["implementation_brief", "case_brief", "pdf", "KEY_FIELDS", "CASE_KEYS"]

KEY_FIELDS = ("annual_savings", "implementation_cost", "running_cost", "success_probability", "discount_rate",
              "horizon_years")
"""The assumptions page 1 lists (the rest are in the appendix)."""

_CSS = """
@page { size: A4; margin: 14mm 15mm 14mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", system-ui, Arial, sans-serif; color: #1f2430; font-size: 9.2pt; line-height: 1.35;
       margin: 0 auto; max-width: 180mm; }
h1 { font-size: 16pt; margin: 0 0 1mm; }
h2 { font-size: 10.5pt; margin: 3.2mm 0 1.2mm; border-bottom: 1px solid #d9dce3; padding-bottom: .6mm; }
p { margin: 0 0 1.6mm; }
.meta { color: #5b6270; }
.answer { background: #eef5fb; border-left: 3px solid #0072B2; padding: 2mm 3mm; margin: 2mm 0; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.5mm; }
th, td { text-align: left; padding: .7mm 1.5mm; border-bottom: 1px solid #e6e8ee; vertical-align: top; }
th { background: #f4f5f8; font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; }
td.s { white-space: nowrap; }
.two { display: flex; gap: 4mm; }
.two > div { flex: 1; }
.fields td { border: none; padding: .5mm 1.5mm .5mm 0; }
.blank { display: inline-block; min-width: 45mm; border-bottom: 1px solid #5b6270; }
.appendix, .page2 { break-before: page; }
.appendix { font-size: 8.4pt; }
.appendix td { padding: .5mm 1.2mm; }
.small { font-size: 8pt; }
svg { display: block; }
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _rows(rows: Sequence[Sequence[str]], numeric: Sequence[int] = (), nowrap: Sequence[int] = ()) -> str:
    def cls(k: int) -> str:
        return "n" if k in numeric else "s" if k in nowrap else ""
    return "".join("<tr>" + "".join(f'<td class="{cls(k)}">{_e(c)}</td>' for k, c in enumerate(r)) + "</tr>"
                   for r in rows)


def _value(row: InputRow, currency: str, locale: str | None) -> str:
    if "%" in row.unit:
        return fmt.percent(row.value, locale, 1) + row.unit.replace("%", "", 1)
    if currency in row.unit:
        return fmt.money(row.value, currency, locale) + row.unit.replace(currency, "", 1)
    return f"{fmt.number(row.value, locale, 0)} {row.unit}"


def implementation_brief(result: ImplementationResult, rows: Sequence[InputRow], currency: str,
                         locale: str | None, link: str, today: dt.date, simulation: Simulation | None = None,
                         ranges: Mapping[str, Range] | None = None, drivers: str = "") -> str:
    """The two-page brief as one HTML document (see the module's description).

    Examples
    --------
    >>> import datetime as dt
    >>> from upskill_roi.core.roi import ImplementationInputs, evaluate
    >>> from upskill_roi.documents.workbook import implementation_rows
    >>> from upskill_roi.inputs.declared import ROI_INPUTS
    >>> i = ImplementationInputs()
    >>> page = implementation_brief(evaluate(i), implementation_rows(i, ROI_INPUTS, {}, "USD"), "USD", "en-US",
    ...                             "https://x/roi?v=1", dt.date(2026, 12, 2))
    >>> "$582,614" in page, "Formulas::" in page, "`" in page
    (True, False, False)
    """
    r, s = result, result.summary
    cur, loc = currency, locale

    def money(v: float | None) -> str:
        return fmt.money(v, cur, loc)

    headline = [("Net present value", money(s.npv)), ("ROI (NPV / PV of costs)", fmt.percent(s.roi, loc)),
                ("Payback (undiscounted)", fmt.months(r.payback_months, loc)),
                ("IRR (a year)", fmt.percent(s.irr, loc, 1)),
                ("Justified salary premium", money(r.premium) + " a year"),
                ("Employer's NPV after the premium", money(r.employer_npv)),
                ("NPV if it reaches production / if not", f"{money(r.npv_if_success)} / {money(r.npv_if_failure)}")]
    scenarios = ""
    if simulation is not None:
        sim = simulation
        scenarios = (
            "<h2>Conservative, base, optimistic</h2><table><tr><th></th><th class='n'>Conservative (P10)</th>"
            "<th class='n'>Base (P50)</th><th class='n'>Optimistic (P90)</th></tr>"
            + _rows([("NPV", money(sim.npv_p10), money(sim.npv_p50), money(sim.npv_p90)),
                     ("Payback", fmt.months(sim.payback_p90, loc), fmt.months(sim.payback_p50, loc),
                      fmt.months(sim.payback_p10, loc))], numeric=(1, 2, 3))
            + f"</table><p class='small meta'>{len(sim.npv):,} simulated cases over the ranges in the appendix and "
            f"whether the system reaches production; the chance of a positive NPV is "
            f"{_e(fmt.percent(sim.probability_positive, loc))}.</p>")
    key = [row for row in rows if row.field in KEY_FIELDS]
    assumed = [row for row in rows if row.status == "assumed"]
    caveat = (f"<p class='small'><b>{len(assumed)} of {len(rows)} inputs are assumed</b> (the app's defaults, "
              "not figures for this system): replace them before relying on the result.</p>" if assumed else "")
    range_rows = "".join(
        f"<tr><td>{_e(next((x.label for x in rows if x.field == f), f))}</td><td class='n'>{_e(fmt.number(g.low, loc))}"
        f"</td><td class='n'>{_e(fmt.number(g.likely, loc))}</td><td class='n'>{_e(fmt.number(g.high, loc))}</td></tr>"
        for f, g in (ranges or {}).items())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Implementation value: a brief</title><style>{_CSS}</style></head>
<body>
<h1>What is this AI implementation worth?</h1>
<p class="meta">The question: what the system saves, what it costs, what it is worth today, when it pays back, and
what salary premium it justifies for the person who implements it. Figures in {_e(cur)}.</p>
<table class="fields"><tr><td>Prepared by <span class="blank">&nbsp;</span></td>
<td>For <span class="blank">&nbsp;</span></td><td>Date {_e(fmt.date(today, loc))}</td></tr></table>
<div class="answer"><b>The answer.</b> {_e(text.roi_readback(r, cur, loc))}</div>
<div class="two"><div><h2>Headline</h2><table>{_rows(headline, numeric=(1,))}</table></div>
<div><h2>Key assumptions</h2><table><tr><th>Input</th><th class="n">Value</th><th>Status</th></tr>
{_rows([(x.label, _value(x, cur, loc), x.status) for x in key], numeric=(1,), nowrap=(2,))}</table>{caveat}</div></div>
<h2>Cumulative cash flow</h2>
{svg.cumulative(r.monthly_net, r.payback_months, cur, loc)}
{scenarios}
<section class="page2">
{f"<h2>What drives this result</h2><p>{_e(drivers)}</p>" if drivers else ""}
<h2>The premium, and the employer's side</h2><p>{_e(text.roi_premium_line(r, cur, loc))}</p>
<p>{_e(text.roi_inverse(r, cur, loc))}</p>
<h2>Cash flows by year</h2>
<table><tr><th>Period</th><th class="n">Benefits</th><th class="n">Costs</th><th class="n">Net</th>
<th class="n">Present value of net</th></tr>
{_rows([(label, money(b), money(c), money(b - c), money(v)) for label, b, c, v in
        zip(r.year_labels, r.yearly_benefits, r.yearly_costs, r.yearly_pv, strict=True)], numeric=(1, 2, 3, 4))}
<tr><th>Total</th><th class="n">{_e(money(float(r.yearly_benefits.sum())))}</th>
<th class="n">{_e(money(float(r.yearly_costs.sum())))}</th>
<th class="n">{_e(money(float((r.yearly_benefits - r.yearly_costs).sum())))}</th>
<th class="n">{_e(money(s.npv))} (the NPV)</th></tr></table>
<p class="small meta">Expected flows: savings and running costs weighted by the chance of production; benefits and
costs risk-adjusted. Sums are undiscounted; the present values discount each month from when it falls and add
up to the NPV.</p>
</section>
<section class="appendix">
<h2>Appendix: every input and its source</h2>
<table><tr><th>Input</th><th class="n">Value</th><th>Status</th><th>Source</th></tr>
{"".join(f"<tr><td>{_e(x.label)}</td><td class='n'>{_e(_value(x, cur, loc))}</td><td class='s'>{_e(x.status)}</td>"
         f"<td class='small'>{_e(x.source)}</td></tr>" for x in rows)}</table>
{f"<h2>Ranges (low, likely, high)</h2><table><tr><th>Input</th><th class='n'>Low</th><th class='n'>Likely</th>"
 f"<th class='n'>High</th></tr>{range_rows}</table>" if range_rows else ""}
<h2>How the numbers are made</h2>
<p>Month 0 is go-live: the one-time implementation cost falls there. Each later month carries a twelfth of the
annual savings, reached gradually over the adoption ramp, and a twelfth of the running cost. Savings and running
costs count only with the chance that the system reaches production, and are adjusted for the uncertainty of
the estimates (benefits reduced, costs increased: the Forrester TEI convention). Every month is discounted at
the annual rate from when it falls. The NPV is the sum; ROI is the NPV over the present value of the costs;
payback is when the cumulative net, undiscounted, is back at zero for good.</p>
<p>The premium is the value-capture share of what the system saves a year net of its running cost, capped as a
share of the salary and kept within what leaves the employer's NPV at or above zero. The ranges are beta-PERT
draws around the likely values; the conservative and optimistic figures are the 10th and 90th percentiles.</p>
<p class="small meta">The scenario: {_e(link)} (every input is in the link). Made by Upskill ROI; the methodology
page has the formulas and sources.</p>
</section>
</body></html>
"""


def pdf(document: str) -> bytes:
    """The HTML rendered to PDF by WeasyPrint (its print CSS; no network: the document has no
    outside resources, and WeasyPrint is given a fetcher that refuses any).

    Examples
    --------
    >>> pdf("<p>Hello</p>")[:5]
    b'%PDF-'
    """
    import weasyprint  # only when a PDF is made

    def refuse(url: str, *args: object, **kwargs: object) -> dict[str, object]:
        raise ValueError(f"no network: {url[:80]}")

    return bytes(weasyprint.HTML(string=document, url_fetcher=refuse).write_pdf())


CASE_KEYS = ("team", "ai_share", "loaded", "case_years", "case_rate", "sys_cost", "sys_run", "success")
"""The business case's assumptions its brief lists on page 1 (every input is in the appendix)."""


def case_brief(values: Mapping[str, Any], params: Sequence[Param], likely: Mapping[str, OptionResult],
               sim: OptionsSimulation, inputs: TeamInputs, currency: str, locale: str | None, link: str,
               today: dt.date) -> str:
    """The business case as a brief: page 1 the question, the answer, every option's NPV with its
    P10-P90 range (conservative, optimistic) and wins, the chart and the key assumptions marked
    "your input" or "assumed"; page 2 what makes up each NPV; then the appendix (every input with
    its source, the method in plain words).

    Examples
    --------
    >>> import datetime as dt
    >>> from upskill_roi.core import business_case
    >>> from upskill_roi.inputs import scenario
    >>> from upskill_roi.inputs.declared import CASE_INPUTS, build_team_inputs
    >>> values = scenario.defaults("business_case")
    >>> i, ranges = build_team_inputs(values)
    >>> likely = business_case.evaluate_options(i)
    >>> sim = business_case.simulate_options(i, ranges, n=500, seed=1)
    >>> page = case_brief(values, CASE_INPUTS, likely, sim, i, "USD", "en-US", "https://x/b", dt.date(2026, 12, 2))
    >>> "Which option pays best" in page, "Formulas::" in page, "<script" in page
    (True, False, False)
    """
    from upskill_roi.core.business_case import OPTIONS
    from upskill_roi.documents.case_report import METHOD
    from upskill_roi.present import case_tables

    cur, loc = currency, locale

    def money(v: float | None) -> str:
        return fmt.money(v, cur, loc)

    by_key = {p.key: p for p in params}

    def status(p: Param) -> str:
        return "your input" if p.key in values and values[p.key] != p.default else "assumed"

    options = [(o, money(likely[o].npv), money(sim.p10[o]), money(sim.p90[o]),
                *(case_tables.option_texts(likely[o], loc)[k] for k in ("ROI", "Payback")),
                fmt.percent(sim.win_share[o], loc)) for o in OPTIONS]
    key = [(by_key[k].label, text.display_value(by_key[k], values[k], cur, loc), status(by_key[k]))
           for k in CASE_KEYS if k in by_key and k in values]
    assumed = sum(status(p) == "assumed" for p in params if p.key in values)
    parts = case_tables.components_table(likely, cur)
    component_rows = [[str(row["Item"]), *("" if v != v else money(float(v)) for v in row.iloc[1:])]
                      for _, row in parts.iterrows()]
    question = text.case_question(inputs, loc)
    chart = svg.bars(list(OPTIONS), [likely[o].npv for o in OPTIONS], [sim.p10[o] for o in OPTIONS],
                     [sim.p90[o] for o in OPTIONS], cur, loc, title=f"NPV by option ({cur})")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Business case: a brief</title><style>{_CSS}</style></head>
<body>
<h1>Which option pays best?</h1>
<p class="meta">{_e(question)} Figures in {_e(cur)}, risk-adjusted and expected.</p>
<table class="fields"><tr><td>Prepared by <span class="blank">&nbsp;</span></td>
<td>For <span class="blank">&nbsp;</span></td><td>Date {_e(fmt.date(today, loc))}</td></tr></table>
<div class="answer"><b>The answer.</b> {_e(text.case_headline(dict(likely), sim, inputs, cur, loc))}</div>
<h2>The options: likely, conservative (P10) and optimistic (P90)</h2>
<table><tr><th>Option</th><th class="n">NPV</th><th class="n">Conservative (P10)</th>
<th class="n">Optimistic (P90)</th><th class="n">ROI</th><th class="n">Payback</th><th class="n">Wins</th></tr>
{_rows(options, numeric=(1, 2, 3, 4, 5, 6))}</table>
<p class="small meta">{len(next(iter(sim.npv.values()))):,} simulated cases; "wins" is the share of cases in which the
option has the highest NPV. Do nothing is the baseline (nothing spent or saved).</p>
{chart}
<h2>Key assumptions</h2>
<table><tr><th>Input</th><th class="n">Value</th><th>Status</th></tr>
{_rows(key, numeric=(1,), nowrap=(2,))}</table>
<p class="small"><b>{assumed} of {sum(p.key in values for p in params)} inputs are assumed</b> (the app's defaults):
replace them with your team's figures before relying on the result.</p>
<section class="page2">
<h2>What makes up each NPV (present values: benefits +, costs -)</h2>
<table><tr><th>Item</th>{"".join(f'<th class="n">{_e(o)}</th>' for o in OPTIONS[:-1])}</tr>
{_rows(component_rows, numeric=tuple(range(1, len(OPTIONS))))}</table>
</section>
<section class="appendix">
<h2>Appendix: every input and its source</h2>
<table><tr><th>Input</th><th class="n">Value</th><th>Status</th><th>Source</th></tr>
{"".join(f"<tr><td>{_e(p.label)}</td><td class='n'>{_e(text.display_value(p, values[p.key], cur, loc))}</td>"
         f"<td class='s'>{_e(status(p))}</td><td class='small'>{_e(p.source)}</td></tr>"
         for p in params if p.key in values)}</table>
<h2>How the numbers are made</h2>
{"".join(f"<p>{_e(m)}</p>" for m in METHOD)}
<p class="small meta">The scenario: {_e(link)} (every input is in the link). Made by Upskill ROI.</p>
</section>
</body></html>
"""
