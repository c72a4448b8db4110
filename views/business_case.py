"""The manager's business case: upskill, hire, reduce roles or do nothing, with ranges."""

import pandas as pd
import streamlit as st

from calc import business_case
from ui import charts, fmt, widgets
from ui.inputs import CASE_INPUTS, FRAME_INPUTS, HIRE_OPT, REDUCE_OPT, TEAM, UPSKILL_OPT, build_team_inputs

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
    st.plotly_chart(
        charts.npv_by_option(list(business_case.OPTIONS), [likely[o].npv for o in business_case.OPTIONS],
                             [sim.p10[o] for o in business_case.OPTIONS], [sim.p90[o] for o in business_case.OPTIONS],
                             cur, loc),
        key="chart_options", width="stretch", config={"displaylogo": False},
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

widgets.share_section(
    widgets.share_link(PAGE, CASE_INPUTS, values, FRAME_INPUTS),
    "The link carries every input that differs from its default and the seed; nothing is stored on the server.",
)
