"""The business case as a self-contained HTML report (see :mod:`upskill_roi.documents.report`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from upskill_roi.core.business_case import BASELINE_NOTE, OPTIONS, OptionResult, OptionsSimulation, TeamInputs
from upskill_roi.core.finance import TeiTable
from upskill_roi.documents.report import Chart, Section, Table, html_report, inputs_table
from upskill_roi.inputs import tei
from upskill_roi.inputs.declared import CASE_INPUTS
from upskill_roi.present import case_tables, fmt, svg, text

__all__ = ["case_report", "NOTE", "ATTRIBUTION", "METHOD"]

ATTRIBUTION = Path(__file__).resolve().parents[1] / "data" / "ATTRIBUTION.md"
METHOD = (
    "Every option is compared with doing nothing over the same horizon, for the same team and the same AI system. "
    "Each option's benefits are the share of the team's time AI could take over that the option realises, valued "
    "at the team's loaded cost, with only the recaptured part of freed time counting as value; they start once "
    "the system is built and, for upskilling, once training is done. Its costs are complete: the system's one-time "
    "and running cost for every option that uses it, the training hours and the trainees' time at loaded cost, "
    "the specialist's loaded cost, and for cutting roles the work that leaves with the people beyond what the "
    "system absorbs.",
    "Benefits are reduced and costs increased by the risk adjustments (the Forrester TEI convention), and every "
    "flow after go-live counts only with the chance that the system reaches production. Every amount is "
    "discounted at the annual rate from when it falls; the NPV is the sum, the ROI the NPV over the present value "
    "of the costs, the payback the time after which the cumulative net, undiscounted, stays at or above zero.",
    "The ranges come from simulated cases in which the uncertain inputs are drawn between their low and high "
    "values (beta-PERT) and the system reaches production or not; P10 and P90 are the 10th and 90th percentiles "
    "of each option's NPV, and \"wins\" counts the cases in which an option has the highest NPV. The formulas "
    "themselves are on the app's Methodology page.",
)
"""The method in plain words, for people reading the report (the formulas are on the Methodology page)."""

NOTE = ("The figures follow from the inputs listed below: most are illustrative defaults or the sender's own "
        "estimates. They show what the assumptions imply; they are not a forecast and not financial advice.")


def case_report(values: Mapping[str, Any], inputs: TeamInputs, likely: Mapping[str, OptionResult],
                sim: OptionsSimulation, rows: Sequence[Mapping[str, Any]], own: TeiTable | None, currency: str,
                locale: str | None, link: str, today: dt.date) -> str:
    """The business case page's report as one HTML document (``own`` = the TEI table of the
    user's own figures, or ``None`` when the table still holds the example: then it is left out)."""
    def money(v: float | None) -> str:
        return fmt.money(v, currency, locale)
    n_draws = int(next(iter(sim.npv.values())).size)
    question = text.case_question(inputs, locale)
    headline = text.case_headline(dict(likely), sim, inputs, currency, locale)

    summary = Table(
        "Options at the likely values (risk-adjusted, expected), with the P10-P90 range of the NPV across the "
        "simulated cases",
        ["Option", f"NPV ({currency})", "NPV P10", "NPV P90", "ROI", "Payback", "Wins"],
        [[o, money(likely[o].npv), money(sim.p10[o]), money(sim.p90[o]),
          *(case_tables.option_texts(likely[o], locale)[k] for k in ("ROI", "Payback")),
          fmt.percent(sim.win_share[o], locale)] for o in OPTIONS])
    parts = case_tables.components_table(likely, currency)
    components = Table(
        "What makes up each NPV: present values of each benefit (+) and cost (-)",
        ["Item", *OPTIONS[:-1]],
        [[row["Item"], *("" if pd.isna(v) else money(v) for v in row.iloc[1:])] for _, row in parts.iterrows()])
    alt = "NPV by option: " + "; ".join(
        f"{o} {money(likely[o].npv)} (P10 {money(sim.p10[o])}, P90 {money(sim.p90[o])})" for o in OPTIONS) + "."
    labels = tei.period_labels(inputs.horizon_years)
    flows = Table("Yearly cash flows by option, relative to doing nothing (costs positive; expected, summed by year)",
                  ["Option", "Row", *labels],
                  [row for o in OPTIONS[:-1] for row in (
                      [o, "Benefits", *(money(v) for v in likely[o].yearly_benefits)],
                      [o, "Costs", *(money(v) for v in likely[o].yearly_costs)],
                      [o, "PV of net", *(money(v) for v in likely[o].yearly_pv)])])
    sections = [
        Section("Results", tables=[summary, components],
                charts=[Chart(None, alt, svg.bars(list(OPTIONS), [likely[o].npv for o in OPTIONS],
                                                  [sim.p10[o] for o in OPTIONS], [sim.p90[o] for o in OPTIONS],
                                                  currency, locale, title=f"NPV by option ({currency})"))],
                paragraphs=[f"The ranges come from {n_draws:,} cases in which the AI share, the shares of it each "
                            "option realises, the training hours, the time to hire and the lost output are drawn "
                            "from beta-PERT distributions between their low and high values, and the system reaches "
                            f"production or not ({fmt.percent(inputs.success_probability, locale)} chance; reached in "
                            f"{fmt.percent(sim.reached_share, locale)} of the cases; seed {values['case_seed']}); "
                            "\"wins\" counts the cases in which an option has the highest NPV. Do nothing is "
                            f"{BASELINE_NOTE}."]),
        Section("Yearly cash flows", tables=[flows]),
    ]
    if own is not None:
        sections.append(_own_section(own, rows, labels, values, inputs, money, currency, locale))
    methodology = Section("How the numbers are made", paragraphs=METHOD)
    attribution = Section(
        "Data and attribution",
        paragraphs=["This business case uses only the inputs above (no occupation data). The app's data and their "
                    "licences are listed on its Methodology page and in its ATTRIBUTION.md."],
    )
    return html_report(
        title="Business case: upskill, hire, cut, redeploy or do nothing",
        question=question, headline=headline, link=link, generated=today, note=NOTE,
        sections=[*sections,
                  Section("Inputs and their sources", tables=[inputs_table(CASE_INPUTS, dict(values), currency, locale,
                                                                           "Every input of the case")]),
                  methodology, attribution],
    )


def _own_section(own: TeiTable, rows: Sequence[Mapping[str, Any]], labels: list[str], values: Mapping[str, Any],
                 inputs: TeamInputs, money: Any, currency: str, locale: str | None) -> Section:
    """The TEI table of the user's own figures."""
    s = own.summary
    own_alt = (f"Your table after the risk adjustments: benefits {', '.join(money(v) for v in own.benefits)}; "
               f"costs {', '.join(money(v) for v in own.costs)} ({', '.join(labels)}).")
    return Section(
        "Your own figures (TEI table)",
        paragraphs=[f"Benefits reduced by {fmt.percent(inputs.benefit_risk, locale)} and costs increased by "
                    f"{fmt.percent(inputs.cost_risk, locale)}, discounted at "
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
        charts=[Chart(None, own_alt, svg.grouped_bars(labels, {"Benefits": own.benefits, "Costs": own.costs},
                                                      currency, locale,
                                                      title=f"Risk-adjusted benefits and costs ({currency})"))],
    )
