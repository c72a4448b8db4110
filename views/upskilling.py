"""How long will upskilling take, and does it pay? Weekly hours -> competency -> payoff -> waiting."""

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from upskill_roi.core import plan as plan_calc
from upskill_roi.core import upskilling
from upskill_roi.documents import plan_files as export
from upskill_roi.inputs.declared import (
    CUSTOM_GOAL,
    PAYOFF,
    PLAN,
    UPSKILL_INPUTS,
    WAITING,
    build_upskilling_inputs,
)
from upskill_roi.present import charts, downloads, fmt, text
from upskill_roi.web import widgets

PAGE = "upskilling"
by_key = {p.key: p for p in UPSKILL_INPUTS}
cur = widgets.currency()
loc = widgets.current_locale()

frame = widgets.page_frame(
    PAGE, UPSKILL_INPUTS, "How long will upskilling take, and does it pay?",
    "Hours a week → time to competency → the payoff of the premium, and what waiting costs. The guidance: "
    "6–12 hours a week of implementation-focused learning, about six months of it, and don't wait.",
)
values: dict[str, Any] = {}
with frame.inputs:
    tab_plan, tab_pay, tab_wait = st.tabs([PLAN, PAYOFF, WAITING])
    with tab_plan:
        values |= widgets.draw([by_key["weekly"]], cur)
        st.caption("Recommended by the guidance: 6–12 hours a week of structured, implementation-focused learning.")
        values |= widgets.draw([by_key["goal"]], cur)
        custom = values["goal"] == CUSTOM_GOAL
        values |= widgets.draw([by_key["target_h"]], cur, disabled=not custom)
        values |= widgets.draw([by_key[k] for k in ("prior", "impl_months", "domain_years", "consistency", "start")],
                               cur)
    with tab_pay:
        values |= widgets.draw([by_key[k] for k in ("premium", "prob", "lag", "salary", "fees", "time_value", "tax",
                                                    "years", "disc")], cur)
    with tab_wait:
        values |= widgets.draw([p for p in UPSKILL_INPUTS if p.group == WAITING], cur)

with frame.problems:
    widgets.show_link_problems(UPSKILL_INPUTS, values, PAGE, cur)

inputs = build_upskilling_inputs(values, dt.date.today())
result = upskilling.evaluate(inputs)
years = f"{inputs.horizon_years} year" + ("" if inputs.horizon_years == 1 else "s")

example = text.example_note("upskilling", UPSKILL_INPUTS, values)
if example:  # beside the inputs it asks for (above the metrics it would push the results below the fold)
    frame.inputs.caption(f":material/edit_note: {example}")

with frame.metrics:
    m1, m2, m3 = st.columns(3)
    m4, m5, m6 = st.columns(3)
    m1.metric("Weeks to competency", "never" if result.weeks is None else f"{fmt.number(result.weeks, loc, 1)} weeks",
              delta=None if result.competency_date is None else fmt.date(result.competency_date, loc),
              delta_color="off", delta_arrow="off", border=True, height="stretch",
              help="Hours still to study / (hours per week x consistency); the date counts from the start date.")
    m2.metric("Hours to study", f"{fmt.number(result.hours_to_study, loc)} h", border=True, height="stretch",
              help="Target hours less the hours already done.")
    m3.metric("Total cost", fmt.money(result.total_cost, cur, loc), border=True, height="stretch",
              help="Course fees grossed up for tax, plus study time valued at your share of your hourly pay "
              "(undiscounted; the NPV discounts them).")
    m4.metric("Break-even", text.break_even_label(result, loc), border=True, height="stretch",
              help="The month (from the start date) in which the cumulative expected payoff of starting now turns "
              "positive.")
    m5.metric(f"Payoff over {years} (NPV)", fmt.money(result.npv, cur, loc), border=True, height="stretch",
              help="Expected premium and the pay a lower displacement risk keeps, less costs, discounted monthly, "
              "against not upskilling. All amounts before tax.")
    m6.metric(f"Cost of waiting {inputs.wait_months:g} months", fmt.money(result.cost_of_waiting, cur, loc),
              delta=None if result.cost_of_waiting_weeks is None
              else f"{fmt.number(result.cost_of_waiting_weeks, loc, 1)} weeks of pay",
              delta_color="off", delta_arrow="off", border=True, height="stretch",
              help="The NPV of starting now less the NPV of starting later, both in today's money: the premium "
              "later, the displacement risk that starting now would avert, less the costs paid later.")

with frame.results:
    st.info(text.upskilling_readback(result, cur, loc), icon=":material/record_voice_over:")
    st.markdown(text.waiting_text(result, cur, loc))
    st.markdown(text.profile_text(result, loc))
    if not upskilling.RECOMMENDED_BAND[0] <= inputs.weekly_hours <= upskilling.RECOMMENDED_BAND[1]:
        st.caption(":material/info: Your plan is outside the guidance's 6–12 hours a week.")
    weeks_axis, paths = upskilling.proficiency_paths(inputs)
    widgets.chart(charts.proficiency_curves(weeks_axis, paths, dict(upskilling.STAGES), "Your plan", result.weeks,
                                            loc, result.competent_proficiency), "chart_proficiency")

c1, c2 = st.columns(2, gap="large")
hours_axis, weeks_curve = upskilling.competency_curve(inputs)
widgets.chart(charts.weeks_vs_hours(hours_axis, weeks_curve, upskilling.RECOMMENDED_BAND,
                                    (inputs.weekly_hours, result.weeks), loc), "chart_weeks", c1)
widgets.chart(charts.scenario_payoff(result.months_axis, result.cumulative, cur, loc), "chart_scenarios", c2)

st.subheader("Your action plan")
when_days, when_time = st.columns(2, gap="large")
with when_days:
    values |= widgets.draw([by_key["study_days"]], cur)
with when_time:
    values |= widgets.draw([by_key["study_time"]], cur)
study_days, study_time = plan_calc.schedule_from_choices(values["study_days"], values["study_time"])
action_plan = plan_calc.build_plan(result, study_days, study_time)
link = widgets.share_link(PAGE, values)

p30, pf = st.columns(2, gap="large")
with p30:
    if action_plan.sessions:
        st.markdown("**Weekly sessions** (in date order; each repeats every week until you are competent)")
        st.markdown("\n".join(f"- {export.session_text(s, loc)}" for s in action_plan.sessions))
        if action_plan.too_long:
            longest = max(s.minutes for s in action_plan.sessions)
            more = ("plan fewer hours a week, or split a day into two sittings in your calendar"
                    if len(action_plan.sessions) == 7 else "choose more study days, or plan fewer hours a week")
            st.warning(f"Each session is {fmt.number(longest / 60, loc, 1)} hours, more than "
                       f"{plan_calc.MAX_SESSION_MINUTES // 60} hours in one sitting: {more}.",
                       icon=":material/schedule:")
    else:
        st.caption("No weekly sessions to schedule: nothing is left to study, or the target is never reached at "
                   "this pace.")
    st.markdown("**The next 30 days**")
    st.markdown("\n".join(f"- {export.step_text(step, loc)}" for step in action_plan.first_30_days))
with pf:
    st.markdown("**Portfolio entries to earn** (phrased as measurable impact; fill in your numbers):")
    st.markdown("\n".join(f"- {entry}" for entry in action_plan.portfolio))
st.markdown("**Milestones to competency and the premium**")
if action_plan.milestones:
    milestones = pd.DataFrame([{"Milestone": m.name, "Date": m.date.isoformat(), "What": m.what}
                               for m in action_plan.milestones])
    st.dataframe(
        [{"Milestone": m.name, "Date": fmt.date(m.date, loc), "What": m.what} for m in action_plan.milestones],
        hide_index=True, width="stretch",
        column_config={"Milestone": st.column_config.TextColumn(width="medium"),
                       "Date": st.column_config.TextColumn(width="small"),
                       "What": st.column_config.TextColumn(width="large")},
    )
    st.download_button("Download the milestones (CSV)", downloads.table_csv(milestones),
                       file_name="upskilling-milestones.csv", mime="text/csv", icon=":material/download:",
                       key="download_milestones")
else:
    st.caption("None: at this pace the target is never reached.")
has_events = bool(action_plan.sessions or action_plan.milestones)
d1, d2, _ = st.columns(3)
d1.download_button(
    "Download the plan (.md)", export.plan_markdown(action_plan, result, cur, loc, link).encode(),
    file_name="upskilling-plan.md", mime="text/markdown", icon=":material/description:", key="download_md",
)
d2.download_button(
    "Add to calendar (.ics)", export.plan_ics(action_plan) if has_events else b"", file_name="upskilling-plan.ics",
    mime="text/calendar", icon=":material/calendar_month:", key="download_ics", disabled=not has_events,
    help="Weekly study sessions until the competency date, and the milestones as all-day events."
    if has_events else "Nothing to put in a calendar: no sessions and no milestones at this pace.",
)

widgets.share_section(
    link, "The link carries every input that differs from its default, and the start date, so it shows the same "
    "dates on any day. Nothing is stored on the server.",
    PAGE, values,
)
