"""What is my implementation worth? Savings -> NPV, payback, ROI and a justified premium."""

import datetime as dt
from typing import Any

import streamlit as st

from upskill_roi.core import roi, uncertainty
from upskill_roi.documents import brief, workbook
from upskill_roi.inputs import pages
from upskill_roi.inputs.declared import (
    ASSUMPTIONS,
    COSTS,
    PREMIUM,
    RANGE_DRAWS,
    ROI_DRIVER_KEYS,
    ROI_INPUTS,
    ROI_RANGE_INPUTS,
    SAVINGS,
    build_roi_inputs,
    build_roi_ranges,
)
from upskill_roi.present import charts, downloads, fmt, text
from upskill_roi.web import widgets

PAGE = "roi"
# The 20,000-case simulation (~30 ms) runs once per distinct inputs it reads: moving a slider back,
# or changing the premium, the go-live date or the currency, reuses it. Few entries: each holds the
# draws (~0.5 MB).
simulate = st.cache_data(max_entries=32, show_spinner=False)(uncertainty.simulate)
by_key = {p.key: p for p in ROI_INPUTS}
cur = widgets.currency()
loc = widgets.current_locale()

frame = widgets.page_frame(
    PAGE, ROI_INPUTS + ROI_RANGE_INPUTS, "What is my implementation worth?",
    "From the savings an AI system delivers to its net present value, payback and the salary premium it "
    "justifies. Every input is in the page's link; formulas and sources are on the methodology page.",
)
values: dict[str, Any] = {}
range_by_key = {p.key: p for p in ROI_RANGE_INPUTS}
with frame.inputs:
    values |= widgets.draw([range_by_key["view"]], cur)
    with st.expander("Low and high values for the ranges", expanded=values["view"] == "Ranges"):
        values |= widgets.draw([p for p in ROI_RANGE_INPUTS if p.key != "view"], cur)
    tab_s, tab_c, tab_a, tab_p = st.tabs([SAVINGS, COSTS, ASSUMPTIONS, PREMIUM])
    with tab_s:
        values |= widgets.draw([by_key["mode"]], cur)
        use_drivers = values["mode"] == "Drivers"
        values |= widgets.draw([by_key["savings"]], cur, disabled=use_drivers)
        if use_drivers:
            st.caption("Not used while savings come from the drivers below.")
        with st.expander("Savings drivers", expanded=use_drivers):
            values |= widgets.draw([by_key[k] for k in ROI_DRIVER_KEYS], cur, disabled=not use_drivers)
    with tab_c:
        values |= widgets.draw([p for p in ROI_INPUTS if p.group == COSTS], cur)
    with tab_a:
        values |= widgets.draw([p for p in ROI_INPUTS if p.group == ASSUMPTIONS], cur)
    with tab_p:
        values |= widgets.draw([p for p in ROI_INPUTS if p.group == PREMIUM], cur)

with frame.problems:
    widgets.show_link_problems(ROI_INPUTS + ROI_RANGE_INPUTS, values, PAGE, cur)

inputs, drivers = build_roi_inputs(values)
result = roi.evaluate(inputs)

example = text.example_note("roi", ROI_INPUTS, values)
if example:  # beside the inputs it asks for (above the metrics it would push the results below the fold)
    frame.inputs.caption(f":material/edit_note: {example}")

with frame.metrics:
    m1, m2, m3 = st.columns(3)
    m4, m5, m6 = st.columns(3)
    m7, m8, _ = st.columns(3)
    m1.metric("Annual savings", fmt.money(result.annual_savings, cur, loc), border=True, height="stretch",
              delta=f"net {fmt.money_compact(result.net_annual_savings, cur, loc)} after running costs",
              delta_color="off", delta_arrow="off",
              help="At full adoption once in production, after the benefit risk adjustment.")
    m2.metric("Net present value", fmt.money(result.npv, cur, loc), border=True, height="stretch",
              help=f"Expected, over {inputs.horizon_years} years at {fmt.percent(inputs.discount_rate, loc, 1)}/yr, "
              f"with a {fmt.percent(inputs.success_probability, loc)} chance of reaching production; every month "
              "discounted from when it falls, go-live not discounted.")
    m3.metric("ROI", fmt.percent(result.roi, loc) if result.roi is not None else "—", border=True, height="stretch",
              help="NPV / present value of the costs (— when there are no costs).")
    m4.metric("Payback", fmt.months(result.payback_months, loc), border=True, height="stretch",
              help="Months until the cumulative (undiscounted) net cash flow is back at zero for good.")
    m5.metric("IRR", fmt.percent(result.irr, loc, 1, cap=10) if result.irr is not None else "n/a", border=True,
              height="stretch", help="Annual internal rate of return of the monthly net flows; n/a when no rate "
              "makes NPV zero (e.g. no up-front cost).")
    m6.metric("Justified premium", fmt.money(result.premium, cur, loc), border=True, height="stretch",
              delta=text.PREMIUM_LIMITS[result.premium_limit], delta_color="off", delta_arrow="off",
              help="Value-capture share x net annual savings, capped at your premium cap, and only as much as keeps "
              "the employer's NPV at or above 0.")
    m7.metric("Employer's NPV after the premium", fmt.money(result.employer_npv, cur, loc), border=True,
              height="stretch", help="The project's NPV less the premium's expected present value.")
    m8.metric("NPV if it reaches production", fmt.money(result.npv_if_success, cur, loc), border=True,
              height="stretch", delta=f"if not: {fmt.money_compact(result.npv_if_failure, cur, loc)}",
              delta_color="off", delta_arrow="off",
              help=f"The two outcomes behind the expected NPV ({fmt.percent(inputs.success_probability, loc)} "
              "chance of production).")

def draw_ranges() -> None:
    """The Monte Carlo results: drawn at the top of the results column, beside the Show choice,
    so that choosing Ranges shows them where the user is looking (not below both columns)."""
    ranges = build_roi_ranges(values, inputs)
    sim = simulate(uncertainty.simulation_inputs(inputs), ranges, n=RANGE_DRAWS, seed=values["seed"])
    bars = uncertainty.tornado(inputs, ranges)
    # Two a row: the results column is too narrow for three ("6.3 months" was cut to "6.3 mo…").
    r1, r2 = st.columns(2)
    r3, _ = st.columns(2)
    r1.metric("NPV, P10", fmt.money_compact(sim.npv_p10, cur, loc), border=True, height="stretch",
              delta=f"P90: {fmt.money_compact(sim.npv_p90, cur, loc)}", delta_color="off", delta_arrow="off",
              help=f"80% of {RANGE_DRAWS:,} simulated cases fall between {fmt.money(sim.npv_p10, cur, loc)} and "
              f"{fmt.money(sim.npv_p90, cur, loc)}; median {fmt.money(sim.npv_p50, cur, loc)}.")
    r2.metric("Chance the NPV is positive", fmt.percent(sim.probability_positive, loc), border=True, height="stretch",
              help="Share of the simulated cases with NPV > 0.")
    r3.metric("Payback, median", fmt.months(sim.payback_p50, loc), border=True, height="stretch",
              delta=f"P90: {fmt.months(sim.payback_p90, loc)}", delta_color="off", delta_arrow="off",
              help="Median payback, and the payback that 90% of cases beat ('never' = not within the horizon).")
    widgets.chart(charts.npv_histogram(sim.npv, sim.npv_p10, sim.npv_p50, sim.npv_p90, cur, loc), "chart_hist")
    widgets.chart(charts.tornado_chart(bars, result.npv, text.TORNADO_LABELS, cur, loc), "chart_tornado")
    st.markdown(text.drivers_sentence(bars, cur, loc))
    roi_band = (f"ROI P10-P90: {fmt.percent(sim.roi_p10, loc)} to {fmt.percent(sim.roi_p90, loc)}. "
                if sim.roi_p10 is not None else "")
    spread = "" if any(r.low != r.high for r in ranges.values()) else (
        "All spreads are 0, so every case is the point estimate. ")
    st.caption(f"{spread}{roi_band}Beta-PERT draws around your likely inputs with the spreads you set (the defaults "
               f"are illustrative), and in each case whether the system reaches production "
               f"({fmt.percent(inputs.success_probability, loc)} chance): {RANGE_DRAWS:,} cases, "
               f"seed {values['seed']}; no correlation between inputs is assumed. See the methodology page.")


with frame.results:
    if values["view"] == "Ranges":
        st.subheader("Ranges")
        draw_ranges()
        st.subheader("Point estimate")
    st.info(text.roi_readback(result, cur, loc), icon=":material/record_voice_over:")
    st.markdown(f"{text.roi_premium_line(result, cur, loc)}  \n{text.roi_inverse(result, cur, loc)}")
    widgets.page_link_new_tab(
        "upskilling", "How long until I can deliver this? Plan the upskilling for this premium",
        pages.link("upskilling", cur, {"premium": result.premium, "salary": values["salary"]}),
        icon=":material/school:")
    if drivers is not None:
        parts = ", ".join(f"{k.lower()} {fmt.money(v, cur, loc)}" for k, v in drivers.breakdown().items())
        st.caption(f"Savings from drivers (before risk adjustment): {parts}. Time saved counts "
                   f"{fmt.percent(drivers.recapture, loc)} of the {fmt.money(drivers.time_value(), cur, loc)} its "
                   "hours cost: the share that becomes productive work.")
    widgets.chart(charts.cumulative_cashflow(result.cumulative_monthly_net, result.payback_months, cur, loc),
                  "chart_cumulative")

c1, c2 = st.columns(2, gap="large")
widgets.chart(charts.benefits_costs_by_year(result.year_labels, result.yearly_benefits, result.yearly_costs, cur, loc),
              "chart_years", c1)
widgets.chart(charts.savings_waterfall(result.horizon_totals, inputs.horizon_years, cur, loc), "chart_waterfall", c2)

st.subheader("Cash-flow table")
table = roi.cashflow_table(result)
money_cols = [c for c in table.columns if c != "Period"]
# Headers carry the currency, in the app and in the downloaded file.
table = table.rename(columns={c: f"{c} ({cur})" for c in money_cols})
money_cols = [f"{c} ({cur})" for c in money_cols]
st.caption("Expected flows (savings and running costs weighted by the chance of production), summed by year; "
           "the present value discounts each month from when it falls, so the PVs add up to the NPV.")
st.dataframe(
    table.round({c: 0 for c in money_cols}), hide_index=True, width="stretch",
    column_config={c: st.column_config.NumberColumn(format="localized") for c in money_cols},
)
d1, d2 = st.columns(2)
d1.download_button(
    "Download the table (CSV)", downloads.table_csv(table.round({c: 2 for c in money_cols})),
    file_name="implementation-cashflows.csv", mime="text/csv", icon=":material/download:", key="download_csv",
)
# Made when clicked (a callable): the inputs, the monthly flows and every result as formulas, and the
# simulated ranges as values.
workbook_rows = workbook.implementation_rows(inputs, ROI_INPUTS, values, cur, drivers=use_drivers)
share_link = widgets.share_link(PAGE, values)


def _workbook() -> bytes:
    ranges, sim, drivers = _scenarios()
    return workbook.implementation_workbook(result, workbook_rows, cur, ranges=ranges, simulation=sim,
                                            seed=values["seed"], drivers=drivers)


def _scenarios() -> tuple[dict[str, Any], Any, str]:
    """The ranges, their simulation and the drivers sentence, for the downloads (made when clicked)."""
    ranges = build_roi_ranges(values, inputs)
    sim = uncertainty.simulate(uncertainty.simulation_inputs(inputs), ranges, n=RANGE_DRAWS, seed=values["seed"])
    return ranges, sim, text.drivers_sentence(uncertainty.tornado(inputs, ranges), cur, loc)


def _brief() -> str:
    ranges, sim, drivers = _scenarios()
    return brief.implementation_brief(result, workbook_rows, cur, loc, share_link, dt.date.today(),
                                      sim, ranges, drivers)


d2.download_button(
    "Download the workbook (Excel, live formulas)", _workbook,
    file_name="implementation-value.xlsx", on_click="ignore", icon=":material/table_view:", key="download_xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    help="Inputs (yours or assumed, with sources), the monthly cash flows and NPV, ROI, IRR, payback and the "
         "premium as spreadsheet formulas of them, beside the page's values, and a Checks sheet. Change a yellow "
         "input cell and the results follow.",
)

st.subheader("Send the case")
b1, b2 = st.columns(2)
b1.download_button(
    "Download the brief (PDF)", lambda: brief.pdf(_brief()), file_name="implementation-value-brief.pdf",
    mime="application/pdf", on_click="ignore", icon=":material/picture_as_pdf:", key="download_brief_pdf",
    type="primary",
    help="Two pages for a manager -- the answer, the headline figures, the chart, conservative / base / optimistic, "
         "what drives the result, the assumptions marked yours or assumed -- and an appendix with every input, its "
         "source and the method in plain words.")
b2.download_button(
    "Download the brief (HTML)", lambda: _brief().encode(), file_name="implementation-value-brief.html",
    mime="text/html", on_click="ignore", icon=":material/html:", key="download_brief_html",
    help="The same brief as one small web page: it opens offline and prints to the same pages.")

widgets.share_section(
    share_link,
    "The link carries every input that differs from its default; nothing is stored on the server.",
    PAGE, values,
)
