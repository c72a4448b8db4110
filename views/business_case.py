"""The manager's business case: upskill, hire, cut, redeploy or do nothing, every option costed."""

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from upskill_roi.core import business_case
from upskill_roi.documents import brief, workbook
from upskill_roi.documents.case_report import case_report
from upskill_roi.inputs import tei
from upskill_roi.inputs.declared import (
    CASE_DRAWS,
    CASE_INPUTS,
    CASE_RANGES,
    CASE_SHARED,
    HIRE_OPT,
    REDUCE_OPT,
    SYSTEM,
    TEAM,
    UPSKILL_OPT,
    build_team_inputs,
    team_caps,
)
from upskill_roi.present import case_tables, charts, downloads, fmt, text
from upskill_roi.web import widgets

PAGE = "business_case"
OPTIONS = business_case.OPTIONS
cur = widgets.currency()
loc = widgets.current_locale()
# The simulation runs once per distinct inputs (moving a slider back, the currency or the TEI table reuse it).
simulate = st.cache_data(max_entries=32, show_spinner=False)(business_case.simulate_options)

frame = widgets.page_frame(
    PAGE, CASE_INPUTS, "The manager's business case",
    "Upskill people to implement AI (with or without replacing leavers), hire a specialist, cut roles, redeploy "
    "them, or do nothing: the same team, AI system and horizon, every option costed and risk-adjusted, with "
    "ranges, as a case you can defend and send as a link.",
)
GROUPS = (TEAM, SYSTEM, UPSKILL_OPT, HIRE_OPT, REDUCE_OPT, CASE_RANGES)
values: dict[str, Any] = {}
with frame.inputs:
    for tab, group in zip(st.tabs(list(GROUPS)), GROUPS, strict=False):
        with tab:
            values |= widgets.draw([p for p in CASE_INPUTS if p.group == group], cur)
            if group == SYSTEM:
                values |= widgets.draw(CASE_SHARED, cur)

with frame.problems:
    widgets.show_link_problems(CASE_INPUTS, values, PAGE, cur)
    for message in team_caps(values):
        st.warning(message, icon=":material/group:")

inputs, ranges = build_team_inputs(values)
likely = business_case.evaluate_options(inputs)
sim = simulate(inputs, ranges, n=CASE_DRAWS, seed=values["case_seed"])
best = business_case.best_option(likely)

example = text.example_note("business_case", CASE_INPUTS, values)
if example:  # beside the inputs it asks for (above the metrics it would push the results below the fold)
    frame.inputs.caption(f":material/edit_note: {example}")

with frame.metrics:
    for row in (OPTIONS[:3], OPTIONS[3:]):
        for col, name in zip(st.columns(3), row, strict=False):
            col.metric(f"{name}: NPV", fmt.money_compact(likely[name].npv, cur, loc), border=True, height="stretch",
                       delta=f"wins {fmt.percent(sim.win_share[name], loc)} of cases", delta_color="off",
                       delta_arrow="off",
                       help=("The baseline: nothing changes, so its NPV is 0 in every case." if name == "Do nothing"
                             else f"Risk-adjusted, expected (the system reaches production with a "
                             f"{fmt.percent(inputs.success_probability, loc)} chance); P10 "
                             f"{fmt.money(sim.p10[name], cur, loc)}, P90 {fmt.money(sim.p90[name], cur, loc)} across "
                             f"{CASE_DRAWS:,} cases."))

with frame.results:
    st.info(text.case_headline(likely, sim, inputs, cur, loc), icon=":material/balance:")
    widgets.chart(
        charts.npv_by_option(list(OPTIONS), [likely[o].npv for o in OPTIONS], [sim.p10[o] for o in OPTIONS],
                             [sim.p90[o] for o in OPTIONS], cur, loc, title="Risk-adjusted NPV by option, with the "
                             "P10-P90 band"),
        "chart_options",
    )
    st.caption(f"Illustrative estimate. Cash flows are relative to doing nothing, risk-adjusted (benefits -"
               f"{fmt.percent(inputs.benefit_risk, loc)}, costs +{fmt.percent(inputs.cost_risk, loc)}), every option "
               f"that relies on AI pays for the same system; the system reached production in "
               f"{fmt.percent(sim.reached_share, loc)} of the {CASE_DRAWS:,} cases. See the methodology page.")

st.subheader("What makes up each NPV")
parts = case_tables.components_table(likely, cur)
st.caption("Present values of each benefit (+) and cost (-), risk-adjusted and weighted by the chance of production; "
           "a dash = the option has no such item. Do nothing is 0 throughout.")
st.dataframe(parts.apply(lambda col: col if col.name == "Item" else col.map(
                 lambda v: case_tables.DASH if pd.isna(v) else fmt.money(v, cur, loc))),
             hide_index=True, width="stretch")
st.download_button("Download what makes up each NPV (CSV)", downloads.table_csv(parts.round(2)),
                   file_name="business-case-components.csv", mime="text/csv", icon=":material/download:",
                   key="dl_parts")

st.subheader("Yearly cash flows by option")
years = tei.period_labels(inputs.horizon_years)
rows = []
for name in OPTIONS[:-1]:
    r = likely[name]
    rows.append({"Option": name, "Row": f"Benefits ({cur})",
                 **dict(zip(years, r.yearly_benefits.round(0), strict=False))})
    rows.append({"Option": name, "Row": f"Costs ({cur})", **dict(zip(years, r.yearly_costs.round(0), strict=False))})
    rows.append({"Option": name, "Row": f"PV of net ({cur})", **dict(zip(years, r.yearly_pv.round(0), strict=False))})
table = pd.DataFrame(rows)
st.caption("Expected monthly flows summed by year; the PV of each year's net discounts every month from when it "
           "falls, so a row of PVs adds up to the option's NPV.")
st.dataframe(table, hide_index=True, width="stretch",
             column_config={c: st.column_config.NumberColumn(format="localized") for c in years})
st.download_button("Download the cash flows (CSV)", downloads.table_csv(table),
                   file_name="business-case-cashflows.csv", mime="text/csv", icon=":material/download:")


summary = pd.DataFrame([{
    "Option": o, f"NPV ({cur})": round(likely[o].npv), **case_tables.option_texts(likely[o], loc),
    f"NPV P10 ({cur})": round(sim.p10[o]), f"NPV P90 ({cur})": round(sim.p90[o]),
    "Wins (share of cases)": sim.win_share[o]} for o in OPTIONS])
st.dataframe(summary, hide_index=True, width="stretch", column_config={
    **{c: st.column_config.NumberColumn(format="localized") for c in summary.columns if c.endswith(f"({cur})")},
    "Wins (share of cases)": st.column_config.NumberColumn(format="percent"),
})
st.caption(f"Do nothing: {business_case.BASELINE_NOTE} ({case_tables.DASH}).")
st.download_button("Download the summary (CSV)", downloads.table_csv(summary),
                   file_name="business-case-summary.csv", mime="text/csv", icon=":material/download:", key="dl_sum")

# --- Your own figures: a TEI table the manager edits directly -------------------------------
st.subheader("Your own figures (TEI table)")
st.caption("Already have figures? Enter them as line items: Initial (today, not discounted) and one column per year "
           f"of the horizon ({inputs.horizon_years}), costs as positive amounts; each year's amount is taken at its "
           "end, as in TEI studies. The page's risk adjustments (AI system tab) and discount rate apply to the whole "
           "table. Until you change it, the table holds an example and is left out of the report. " + tei.SOURCE)
TEI_KEYS = ("tei",)
tei_base, tei_editor_key = widgets.editor_base(PAGE, TEI_KEYS, lambda link: tei.decode(link.get("tei")),
                                               shape=inputs.horizon_years)
widgets.show_table_problems(PAGE, "rows of the TEI table")
periods = tei.period_labels(inputs.horizon_years)
money_col = st.column_config.NumberColumn(min_value=0.0, max_value=tei.MAX_AMOUNT, step=1.0, format="localized",
                                          help=f"Amount in {cur}; costs positive.")
edited = st.data_editor(
    pd.DataFrame(tei.to_frame_rows(tei_base, inputs.horizon_years), columns=["Type", "Line item", *periods]),
    key=tei_editor_key, num_rows="dynamic",
    hide_index=True, width="stretch",
    column_config={
        "Type": st.column_config.SelectboxColumn("Type", options=list(tei.KINDS.values()), required=True,
                                                 width="small", help="A benefit or a cost."),
        "Line item": st.column_config.TextColumn("Line item", max_chars=tei.MAX_NAME, width="medium",
                                                 help="What the amount is for (free text)."),
        **{c: money_col for c in periods},
    },
)
st.caption(f"Add a row with the + under the table (up to {tei.MAX_ROWS}); select rows to delete them. Empty "
           "cells count as 0; years beyond the horizon repeat the last year shown.")
if len(edited) > tei.MAX_ROWS:
    st.warning(f"The table has {len(edited)} rows; only the first {tei.MAX_ROWS} count. Combine or delete rows.",
               icon=":material/table_rows:")
rows_now = tei.from_frame_rows(edited.to_dict("records"), inputs.horizon_years)
widgets.remember_rows(PAGE, rows_now)
tei_link = tei.encode(rows_now, inputs.horizon_years)
tei_query = {"tei": tei_link} if tei_link else {}
widgets.table_to_link(PAGE, TEI_KEYS, tei_query)
own_entered = tei.is_own(rows_now, inputs.horizon_years)

own = business_case.own_figures(*tei.arrays(rows_now, inputs.horizon_years), inputs)
o = own.summary
if not own_entered:
    st.caption(":material/info: These are the example's figures, not yours: edit the table to use your own.")
c1, c2, c3 = st.columns(3)
c4, c5, _ = st.columns(3)
c1.metric("Risk-adjusted NPV", fmt.money_compact(o.npv, cur, loc), border=True,
          help="PV(benefits) - PV(costs), after the risk adjustments, at the page's discount rate.")
c2.metric("ROI", fmt.percent(o.roi, loc) if o.roi is not None else "n/a", border=True,
          help="NPV / PV(costs); n/a when there are no costs.")
c3.metric("Payback", "never" if o.payback is None else f"{fmt.number(o.payback, loc, 1)} years", border=True,
          help="When the cumulative net is back at 0 for good (undiscounted; evenly within a year).")
c4.metric("PV of benefits", fmt.money_compact(o.pv_benefits, cur, loc), border=True,
          help="Risk-adjusted benefits discounted to today.")
c5.metric("PV of costs", fmt.money_compact(o.pv_costs, cur, loc), border=True,
          help="Risk-adjusted costs discounted to today (Initial not discounted).")
own_table = pd.DataFrame({"Row": [f"Benefits, risk-adjusted ({cur})", f"Costs, risk-adjusted ({cur})",
                                  f"Net ({cur})", f"Cumulative net ({cur})"]}
                         | {lab: [own.benefits[k], own.costs[k], own.net[k], own.cumulative[k]]
                            for k, lab in enumerate(periods)})
st.dataframe(own_table.round(0), hide_index=True, width="stretch",
             column_config={c: st.column_config.NumberColumn(format="localized") for c in periods})
d1, d2 = st.columns(2)
d1.download_button("Download your table, risk-adjusted (CSV)", downloads.table_csv(own_table.round(2)),
                   file_name="business-case-tei.csv", mime="text/csv", icon=":material/download:", key="dl_tei")
d2.download_button("Download your line items (CSV)",
                   downloads.table_csv(pd.DataFrame(tei.to_frame_rows(rows_now, inputs.horizon_years),
                                                    columns=["Type", "Line item", *periods])),
                   file_name="business-case-line-items.csv", mime="text/csv", icon=":material/download:",
                   key="dl_tei_items")
tei_inputs = workbook.tei_rows(inputs, CASE_INPUTS, values, cur)
st.download_button(
    "Download your table as a workbook (Excel, live formulas)",
    lambda: workbook.tei_workbook(rows_now, inputs.horizon_years, own, tei_inputs, cur),
    file_name="business-case-tei.xlsx", on_click="ignore", icon=":material/table_view:", key="dl_tei_xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    help="Your line items as typed (change the yellow amounts), the risk-adjusted totals, the discount factors and "
         "NPV, ROI, IRR and payback as formulas beside the page's values, with a Checks sheet.",
)

# --- The report and the link --------------------------------------------------------------------
link = widgets.share_link(PAGE, values, tei_query)
st.subheader("Send the case")
st.download_button(
    "Download the report (HTML)",
    lambda: case_report(values, inputs, likely, sim, rows_now, own if own_entered else None, cur, loc, link,
                        dt.date.today()).encode(),
    file_name="business-case-report.html", mime="text/html", icon=":material/summarize:", key="dl_report",
    on_click="ignore", type="primary",
    help="One file with the question, every input and its source, the results with their ranges, the charts, "
         "the methodology and the share link. It opens without a network connection; print it to PDF from "
         "your browser.")

st.download_button(
    "Download the brief (PDF)",
    lambda: brief.pdf(brief.case_brief(values, CASE_INPUTS, likely, sim, inputs, cur, loc, link, dt.date.today())),
    file_name="business-case-brief.pdf", mime="application/pdf", icon=":material/picture_as_pdf:",
    key="dl_case_brief", on_click="ignore",
    help="Two pages for a board -- the answer, every option's NPV with its conservative and optimistic values, the "
         "chart, the key assumptions marked yours or assumed, what makes up each NPV -- and an appendix with every "
         "input, its source and the method in plain words.")

widgets.share_section(
    link,
    "The link carries every input that differs from its default, your TEI table and the seed; nothing is stored "
    "on the server.",
    PAGE, values, tei_query,
)
