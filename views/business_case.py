"""The manager's business case: upskill, hire, reduce roles or do nothing, with ranges."""

import datetime as dt

import pandas as pd
import streamlit as st

from calc import business_case, finance
from ui import charts, fmt, tei, widgets
from ui.inputs import (CASE_INPUTS, FRAME_INPUTS, HIRE_OPT, REDUCE_OPT, TEAM, TEI_GROUP, UPSKILL_OPT,
                       build_team_inputs, team_caps)
from ui.params import to_model
from ui.report_case import case_report

PAGE = "business_case"
cur = widgets.currency()
loc = widgets.current_locale()

frame = widgets.page_frame(
    PAGE, CASE_INPUTS, "The manager's business case",
    "Upskill people to implement AI, hire a specialist, cut roles, or do nothing: the same team and horizon, "
    "risk-adjusted with ranges, as a case you can defend and send as a link.",
)
values: dict = {}
with frame.inputs:
    tabs = st.tabs([TEAM, UPSKILL_OPT, HIRE_OPT, REDUCE_OPT, "Ranges"])
    for tab, group in zip(tabs, (TEAM, UPSKILL_OPT, HIRE_OPT, REDUCE_OPT, "Ranges")):
        with tab:
            values |= widgets.draw([p for p in CASE_INPUTS if p.group == group], cur)

with frame.problems:
    widgets.show_link_problems(CASE_INPUTS, values, PAGE, cur)
    for message in team_caps(values):
        st.warning(message, icon=":material/group:")

inputs, ranges = build_team_inputs(values)
likely = business_case.evaluate_options(inputs)
sim = business_case.simulate_options(inputs, ranges, n=20_000, seed=values["case_seed"])
best = max(business_case.OPTIONS, key=lambda o: likely[o].npv)

with frame.metrics:
    cols = st.columns(4)
    for col, name in zip(cols, business_case.OPTIONS):
        col.metric(f"{name}: NPV", fmt.money_compact(likely[name].npv, cur, loc), border=True, height="stretch",
                   delta=f"wins {fmt.percent(sim.win_share[name], loc)} of cases", delta_color="off", delta_arrow="off",
                   help=f"At the likely values; P10 {fmt.money(sim.p10[name], cur, loc)}, "
                   f"P90 {fmt.money(sim.p90[name], cur, loc)} across 20,000 cases.")

with frame.results:
    st.info(f"At the likely values **{best}** has the highest NPV ({fmt.money(likely[best].npv, cur, loc)} over "
            f"{inputs.horizon_years} years) and wins in {fmt.percent(sim.win_share[best], loc)} of the simulated cases "
            "(AI share drawn between its low and high values).", icon=":material/balance:")
    widgets.chart(
        charts.npv_by_option(list(business_case.OPTIONS), [likely[o].npv for o in business_case.OPTIONS],
                             [sim.p10[o] for o in business_case.OPTIONS], [sim.p90[o] for o in business_case.OPTIONS],
                             cur, loc),
        "chart_options",
    )
    st.caption("Illustrative estimate. Cash flows are relative to doing nothing; see the methodology page for every "
               "formula.")

st.subheader("Yearly cash flows by option")
labels = ["Initial"] + [f"Year {k}" for k in range(1, inputs.horizon_years + 1)]
rows = []
for name in business_case.OPTIONS:
    r = likely[name]
    rows.append({"Option": name, "Row": f"Benefits ({cur})", **dict(zip(labels, r.yearly_benefits.round(0)))})
    rows.append({"Option": name, "Row": f"Costs ({cur})", **dict(zip(labels, r.yearly_costs.round(0)))})
table = pd.DataFrame(rows)
st.dataframe(table, hide_index=True, width="stretch",
             column_config={c: st.column_config.NumberColumn(format="localized") for c in labels})
st.download_button("Download the cash flows (CSV)", table.to_csv(index=False).encode(),
                   file_name="business-case-cashflows.csv", mime="text/csv", icon=":material/download:")

summary = pd.DataFrame([{
    "Option": o, f"NPV ({cur})": round(likely[o].npv), "ROI": likely[o].roi,
    "Payback (months)": likely[o].payback_months, f"NPV P10 ({cur})": round(sim.p10[o]),
    f"NPV P90 ({cur})": round(sim.p90[o]), "Wins (share of cases)": sim.win_share[o]} for o in business_case.OPTIONS])
st.dataframe(summary, hide_index=True, width="stretch", column_config={
    **{c: st.column_config.NumberColumn(format="localized") for c in summary.columns if c.endswith(f"({cur})")},
    "ROI": st.column_config.NumberColumn(format="percent"),
    "Payback (months)": st.column_config.NumberColumn(format="%.1f"),
    "Wins (share of cases)": st.column_config.NumberColumn(format="percent"),
})
st.download_button("Download the summary (CSV)", summary.to_csv(index=False).encode(),
                   file_name="business-case-summary.csv", mime="text/csv", icon=":material/download:", key="dl_sum")

# --- Your own figures: a TEI table the manager edits directly -------------------------------
st.subheader("Your own figures (TEI table)")
st.caption("Already have figures? Enter them as line items: Initial (today, not discounted) and one column per year "
           f"of the horizon ({inputs.horizon_years}), costs as positive amounts. The risk adjustments and the "
           "discount rate apply to the whole table (Forrester TEI convention). " + tei.SOURCE)
TEI_KEYS = ("tei",)
tei_base, tei_editor_key = widgets.editor_base(PAGE, TEI_KEYS, lambda link: tei.decode(link.get("tei")),
                                               shape=inputs.horizon_years)
widgets.show_table_problems(PAGE, "rows of the TEI table")
periods = tei.period_labels(inputs.horizon_years)
money_col = st.column_config.NumberColumn(min_value=0.0, max_value=tei.MAX_AMOUNT, step=1.0, format="localized",
                                          help=f"Amount in {cur}; costs positive.")
r_left, r_right, _ = st.columns([1, 1, 1], gap="large")
tei_params = [p for p in CASE_INPUTS if p.group == TEI_GROUP]
with r_left:
    values |= widgets.draw(tei_params[:1], cur)
with r_right:
    values |= widgets.draw(tei_params[1:], cur)
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
tei_query = {"tei": tei.encode(rows_now, inputs.horizon_years)} if tei.encode(rows_now, inputs.horizon_years) else {}
widgets.table_to_link(PAGE, TEI_KEYS, tei_query)

benefit_rows, cost_rows = tei.arrays(rows_now, inputs.horizon_years)
tei_risk = to_model(tei_params, values)
own = finance.tei_table(benefit_rows, cost_rows, inputs.discount_rate, tei_risk["tei_brisk"], tei_risk["tei_crisk"])
o = own.summary
c1, c2, c3 = st.columns(3)
c4, c5, _ = st.columns(3)
c1.metric("Risk-adjusted NPV", fmt.money_compact(o.npv, cur, loc), border=True,
          help="PV(benefits) - PV(costs), after the risk adjustments, at the page's discount rate.")
c2.metric("ROI", fmt.percent(o.roi, loc) if o.roi is not None else "n/a", border=True,
          help="NPV / PV(costs); n/a when there are no costs.")
c3.metric("Payback", "never" if o.payback is None else f"{fmt.number(o.payback, loc, 1)} years", border=True,
          help="When the cumulative net first gets back to 0 (undiscounted; evenly within a year).")
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
d1.download_button("Download your table, risk-adjusted (CSV)", own_table.round(2).to_csv(index=False).encode(),
                   file_name="business-case-tei.csv", mime="text/csv", icon=":material/download:", key="dl_tei")
d2.download_button("Download your line items (CSV)",
                   pd.DataFrame(tei.to_frame_rows(rows_now, inputs.horizon_years),
                                columns=["Type", "Line item", *periods]).to_csv(index=False).encode(),
                   file_name="business-case-line-items.csv", mime="text/csv", icon=":material/download:",
                   key="dl_tei_items")

# --- The report and the link --------------------------------------------------------------------
link = widgets.share_link(PAGE, CASE_INPUTS, values, FRAME_INPUTS, extra=tei_query)
st.subheader("Send the case")
st.download_button(
    "Download the report (HTML)",
    lambda: case_report(values, inputs, likely, sim, rows_now, own, cur, loc, link, dt.date.today()).encode(),
    file_name="business-case-report.html", mime="text/html", icon=":material/summarize:", key="dl_report",
    on_click="ignore", type="primary",
    help="One file with the question, every input and its source, the results with their ranges, the charts, "
         "the methodology and the share link. It opens without a network connection; print it to PDF from "
         "your browser.")

widgets.share_section(
    link,
    "The link carries every input that differs from its default, your TEI table and the seed; nothing is stored "
    "on the server.",
    PAGE, values, tei_query,
)
