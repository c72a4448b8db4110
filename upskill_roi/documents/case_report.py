"""The business case as a self-contained HTML report (see :mod:`upskill_roi.documents.report`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

import upskill_roi.core.business_case
import upskill_roi.core.finance
from upskill_roi.core.business_case import BASELINE_NOTE, OPTIONS, OptionResult, OptionsSimulation, TeamInputs
from upskill_roi.core.finance import TeiTable
from upskill_roi.documents.report import Chart, Section, Table, html_report, inputs_table
from upskill_roi.inputs import tei
from upskill_roi.inputs.declared import CASE_INPUTS
from upskill_roi.present import case_tables, charts, fmt, text

__all__ = ["case_report", "NOTE", "ATTRIBUTION"]

ATTRIBUTION = Path(__file__).resolve().parents[1] / "data" / "ATTRIBUTION.md"
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
    question = (f"Which option pays best for a team of {fmt.number(inputs.team_size, locale)} over "
                f"{inputs.horizon_years} years: upskilling {fmt.number(inputs.upskill_people, locale)} people to "
                f"implement AI (with or without replacing leavers), hiring a specialist, cutting or redeploying "
                f"{fmt.number(inputs.reduce_people, locale)} roles, or doing nothing?")
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
                charts=[Chart(charts.npv_by_option(list(OPTIONS), [likely[o].npv for o in OPTIONS],
                                                   [sim.p10[o] for o in OPTIONS], [sim.p90[o] for o in OPTIONS],
                                                   currency, locale), alt)],
                paragraphs=[f"The ranges come from {n_draws:,} cases in which the AI share, the shares of it each "
                            "option realises, the training hours, the time to hire and the lost output are drawn "
                            "from beta-PERT distributions between their low and high values, and the system reaches "
                            f"production or not ({fmt.percent(inputs.success_probability, locale)} chance; reached in "
                            f"{fmt.percent(sim.reached_share, locale)} of the cases; seed {values['case_seed']}); "
                            "\"wins\" counts the cases in which an option has the highest NPV. Do nothing is the "
                            f"baseline: {BASELINE_NOTE}."]),
        Section("Yearly cash flows", tables=[flows]),
    ]
    if own is not None:
        sections.append(_own_section(own, rows, labels, values, inputs, money, currency, locale))
    methodology = Section(
        "Methodology",
        paragraphs=["The formulas below are the documentation of the code that computed this report "
                    "(open source; the same text is on the app's Methodology page)."],
        preformatted=[upskill_roi.core.business_case.__doc__ or "", upskill_roi.core.finance.__doc__ or ""],
    )
    attribution = Section(
        "Data and attribution",
        paragraphs=["This business case uses only the inputs above; the app's occupation data (used on its risk "
                    "page) are attributed as follows."],
        preformatted=[ATTRIBUTION.read_text(encoding="utf-8")],
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
        charts=[Chart(charts.benefits_costs_by_year(labels, own.benefits, own.costs, currency, locale), own_alt)],
    )
