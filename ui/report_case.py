"""The business case as a self-contained HTML report (see :mod:`ui.report`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Mapping, Sequence

import calc.business_case
import calc.finance
import calc.uncertainty
from calc.business_case import OPTIONS, OptionResult, OptionsSimulation, TeamInputs
from calc.finance import TeiTable
from ui import charts, fmt, tei
from ui.inputs import CASE_INPUTS
from ui.report import Chart, Section, Table, html_report, inputs_table

__all__ = ["case_report", "NOTE", "ATTRIBUTION"]

ATTRIBUTION = Path(__file__).resolve().parent.parent / "assets" / "data" / "ATTRIBUTION.md"
NOTE = ("The figures follow from the inputs listed below: most are illustrative defaults or the sender's own "
        "estimates. They show what the assumptions imply; they are not a forecast and not financial advice.")


def case_report(values: Mapping[str, Any], inputs: TeamInputs, likely: Mapping[str, OptionResult],
                sim: OptionsSimulation, rows: Sequence[Mapping[str, Any]], own: TeiTable, currency: str,
                locale: str | None, link: str, today: dt.date) -> str:
    """The business case page's report as one HTML document."""
    money = lambda v: fmt.money(v, currency, locale)  # noqa: E731
    best = max(OPTIONS, key=lambda o: likely[o].npv)
    n_draws = int(next(iter(sim.npv.values())).size)
    question = (f"Which option pays best for a team of {fmt.number(inputs.team_size, locale)} over "
                f"{inputs.horizon_years} years: upskilling {fmt.number(inputs.upskill_people, locale)} people to "
                f"implement AI, hiring a specialist, cutting {fmt.number(inputs.reduce_people, locale)} roles, "
                "or doing nothing?")
    headline = (f"At the likely values {best} has the highest NPV ({money(likely[best].npv)}) and wins in "
                f"{fmt.percent(sim.win_share[best], locale)} of {n_draws:,} simulated cases.")
    summary = Table(
        "Options at the likely values, with the P10-P90 range of the NPV across the simulated cases",
        ["Option", f"NPV ({currency})", "NPV P10", "NPV P90", "ROI", "Payback", "Wins"],
        [[o, money(likely[o].npv), money(sim.p10[o]), money(sim.p90[o]),
          fmt.percent(likely[o].roi, locale) if likely[o].roi is not None else "n/a",
          fmt.months(likely[o].payback_months, locale), fmt.percent(sim.win_share[o], locale)] for o in OPTIONS])
    alt = "NPV by option: " + "; ".join(
        f"{o} {money(likely[o].npv)} (P10 {money(sim.p10[o])}, P90 {money(sim.p90[o])})" for o in OPTIONS) + "."
    labels = tei.period_labels(inputs.horizon_years)
    flows = Table("Yearly cash flows by option, relative to doing nothing (costs positive)",
                  ["Option", "Row", *labels],
                  [row for o in OPTIONS for row in (
                      [o, "Benefits", *(money(v) for v in likely[o].yearly_benefits)],
                      [o, "Costs", *(money(v) for v in likely[o].yearly_costs)])])
    s = own.summary
    own_alt = (f"Your table after the risk adjustments: benefits {', '.join(money(v) for v in own.benefits)}; "
               f"costs {', '.join(money(v) for v in own.costs)} ({', '.join(labels)}).")
    own_section = Section(
        "Your own figures (TEI table)",
        paragraphs=[f"Benefits reduced by {fmt.percent(values['tei_brisk'] / 100, locale)} and costs increased by "
                    f"{fmt.percent(values['tei_crisk'] / 100, locale)}, discounted at "
                    f"{fmt.percent(inputs.discount_rate, locale, 1)} a year: NPV {money(s.npv)}, ROI "
                    f"{fmt.percent(s.roi, locale) if s.roi is not None else 'n/a'}, payback "
                    f"{'never' if s.payback is None else fmt.number(s.payback, locale, 1) + ' years'}, PV of "
                    f"benefits {money(s.pv_benefits)}, PV of costs {money(s.pv_costs)}."],
        tables=[
            Table("Line items as entered", ["Type", "Line item", *labels],
                  [[r["Type"], r["Line item"], *(money(v) for v in r["values"][: len(labels)])] for r in rows]),
            Table("Risk-adjusted totals", ["Row", *labels],
                  [["Benefits", *(money(v) for v in own.benefits)], ["Costs", *(money(v) for v in own.costs)],
                   ["Net", *(money(v) for v in own.net)], ["Cumulative net", *(money(v) for v in own.cumulative)]]),
        ],
        charts=[Chart(charts.benefits_costs_by_year(labels, own.benefits, own.costs, currency, locale), own_alt)],
    )
    methodology = Section(
        "Methodology",
        paragraphs=["The formulas below are the documentation of the code that computed this report "
                    "(open source; the same text is on the app's Methodology page)."],
        preformatted=[calc.business_case.__doc__ or "", calc.uncertainty.__doc__ or "", calc.finance.__doc__ or ""],
    )
    attribution = Section(
        "Data and attribution",
        paragraphs=["This business case uses only the inputs above; the app's occupation data (used on its risk "
                    "page) are attributed as follows."],
        preformatted=[ATTRIBUTION.read_text(encoding="utf-8")],
    )
    return html_report(
        title="Business case: upskill, hire, cut roles or do nothing",
        question=question, headline=headline, link=link, generated=today, note=NOTE,
        sections=[
            Section("Results", tables=[summary],
                    charts=[Chart(charts.npv_by_option(list(OPTIONS), [likely[o].npv for o in OPTIONS],
                                                       [sim.p10[o] for o in OPTIONS], [sim.p90[o] for o in OPTIONS],
                                                       currency, locale), alt)],
                    paragraphs=[f"The ranges come from {n_draws:,} cases in which the share of the team's time AI "
                                "could take over is drawn from a beta-PERT distribution between its low and high "
                                f"values (seed {values['case_seed']}); \"wins\" counts the cases in which an "
                                "option has the highest NPV."]),
            Section("Yearly cash flows", tables=[flows]),
            own_section,
            Section("Inputs and their sources", tables=[inputs_table(CASE_INPUTS, dict(values), currency, locale,
                                                                     "Every input of the case")]),
            methodology,
            attribution,
        ],
    )
