"""Am I at risk? Your occupation's published exposure, and how much of your own week an AI agent could take."""

from typing import Any

import pandas as pd
import streamlit as st

from upskill_roi.core import risk
from upskill_roi.inputs import activities, pages
from upskill_roi.inputs.declared import OCCUPATION, RISK_INPUTS, SALARY, soc_of
from upskill_roi.inputs.param import to_model
from upskill_roi.present import charts, downloads, fmt, text
from upskill_roi.web import widgets

PAGE = "risk"
by_key = {p.key: p for p in RISK_INPUTS}
cur = widgets.currency()
loc = widgets.current_locale()

frame = widgets.page_frame(
    PAGE, RISK_INPUTS, "Am I at risk?",
    "List your top five work activities and what share of your time each takes, and say honestly which an AI "
    "agent could handle. More than 60% of that kind of work is the guidance's warning sign.",
    ratio=(3, 2),
)

# The five activities travel in the link as a1..a5; read them when the link brings new ones.
values: dict[str, Any] = {}
with frame.inputs:
    values |= widgets.occupation_picker(OCCUPATION, PAGE, cur)
    soc = soc_of(values["occ"])
    widgets.follow_occupation(PAGE, soc, SALARY, frame.arrived)  # the wage the other pages start from
    st.markdown("**Your top five activities**")
    st.caption(text.activities_caption(soc))
    values |= widgets.draw([by_key["unit"]], cur)
    unit = values["unit"]
    rows = widgets.activities_form(PAGE, unit, soc)
    with st.expander("Pick activities from your occupation's task list"):
        tasks = risk.occupation_tasks(soc)
        picked = st.multiselect(
            "Tasks (up to five; Core tasks first)", tasks["task"].tolist(), max_selections=activities.N_ROWS,
            key=f"pick_{soc_of(values['occ'])}", placeholder="Type to search the tasks",
            help="The chosen tasks replace the first rows of your table, 8 hours each, with their published "
            "exposure labels. Then adjust the times and kinds to your own week.")
        if st.button("Use these tasks", icon=":material/playlist_add:", key="from_tasks", disabled=not picked):
            widgets.replace_rows(PAGE, activities.rows_from_tasks(tasks.set_index("task").loc[picked].reset_index(),
                                                                base=rows))
            st.rerun()
    values |= widgets.draw([by_key["thr"], by_key["e_share"]], cur)

act_query = {k: [v] for k, v in activities.encode(rows, activities.default_rows(soc)).items()}

with frame.problems:
    widgets.show_link_problems(RISK_INPUTS, values, PAGE, cur)
    widgets.show_table_problems(PAGE, "activities")

acts = activities.as_activities(rows)
m = to_model([by_key["thr"], by_key["e_share"]], values)
threshold, e_share = m["thr"], m["e_share"]
assessed = risk.assess(acts, threshold, e_share)
total = assessed.total
occ = risk.occupation(soc)

with frame.inputs:
    if unit == "%" and total > 0 and abs(total - 100) > 0.5:
        st.warning(f"Your percentages add up to {fmt.number(total, loc, 1)}%, not 100%.", icon=":material/functions:")
        if st.button("Scale them to 100%", icon=":material/balance:", key="normalise"):
            widgets.replace_rows(PAGE, activities.scaled_to_100(rows))
            st.rerun()

if total <= 0:
    with frame.results:
        st.error("Give at least one activity some time (hours a week or %) to see your share.", icon=":material/error:")
    st.stop()

share, at_risk, role, ai_hours = assessed.share, assessed.at_risk, assessed.role, assessed.ai_hours

with frame.metrics:
    m1, m2, m3 = st.columns(3)
    near = share != threshold and abs(share - threshold) < 0.01  # 60.4% must not read as "60%"
    m1.metric("Automatable share of your time", fmt.percent(share, loc, 1 if near else 0), border=True,
              height="stretch",
              help="Time in activities an AI agent could handle / all the time you listed.")
    m2.metric("Against your threshold", "At risk" if at_risk else "Not at risk", border=True, height="stretch",
              delta=(f"more than {fmt.percent(threshold, loc)}" if at_risk
                     else f"not more than {fmt.percent(threshold, loc)}"),
              delta_color="off", delta_arrow="off",
              help="At risk only when the share is MORE than the threshold (the guidance's 60% heuristic).")
    m3.metric("Time AI could take", f"{fmt.number(ai_hours, loc, 1)} {unit}", border=True, height="stretch",
              delta=f"of {fmt.number(total, loc, 1)} {unit}", delta_color="off", delta_arrow="off",
              help="Each activity's time x the share of it AI could take: all of it for the guidance's automatable "
              "kinds, the E1/E2 share for rubric tasks, none for the rest.")

with frame.results:
    if role:
        st.warning(f"**Your profile resembles: {role}.** {risk.ROLE_TYPES[role]}", icon=":material/warning:")
    else:
        st.success("Your profile does not resemble the guidance's highest-risk role types (routine decision-support, "
                   "generalist AI implementation without domain depth, transitional bridge automation).",
                   icon=":material/check_circle:")
    st.markdown("**Your activities**")
    # A data grid, not st.table: st.table renders cells as Markdown, and no escaping keeps a bare URL
    # in a name from a link from becoming a live link there. The grid shows user text as text.
    st.dataframe(pd.DataFrame({
        "Activity": [name for name, _, _ in acts],
        f"Time ({unit})": [fmt.number(h, loc, 0 if float(h).is_integer() else 1) for _, h, _ in acts],
        "Share of its time AI could take": [fmt.percent(risk.ai_time_share(k, e_share), loc) for _, _, k in acts],
    }).set_index("Activity"), width="stretch", column_config={
        # Narrow enough that a phone shows every column (names wrap into the cell's tooltip).
        "_index": st.column_config.TextColumn("Activity", width="medium"),
        f"Time ({unit})": st.column_config.TextColumn(width="small"),
        "Share of its time AI could take": st.column_config.TextColumn("AI share", width="small",
                                                                      help="Share of its time AI could take")})
    st.download_button(
        "Download your activities (CSV)",
        downloads.table_csv(pd.DataFrame({
            "Activity": [n for n, _, _ in acts], f"Time ({unit})": [h for _, h, _ in acts],
            "Kind": [k for _, _, k in acts],
            "Share of its time AI could take": [risk.ai_time_share(k, e_share) for _, _, k in acts]})),
        file_name="my-activities.csv", mime="text/csv", icon=":material/download:", key="dl_acts")
    st.caption("Exposure is not a probability of losing your job: it says how much of the work AI could change, "
               "not whether the job disappears. " + risk.OECD_COMPARISON)

if assessed.high_risk:
    with frame.results:
        widgets.where_to_go(PAGE, soc, "move_to", step="4. Stay or move",
                            link=(values, act_query))

g1, g2 = st.columns(2, gap="large")
widgets.chart(charts.share_bullet(share, threshold, loc), "chart_bullet", g1)
widgets.chart(charts.time_by_kind_bar(assessed.by_kind, {k: risk.is_automatable(k) for k in assessed.by_kind}, loc),
              "chart_kinds", g2)

st.subheader(f"Your occupation: {occ['title']} ({soc})")
wage = occ["median_annual_wage"]
c1, c2 = st.columns([1, 2], gap="large")
c1.metric("BLS median wage", "not published" if wage is None else f"${wage:,.0f}",
          help="Median annual wage, BLS OEWS May 2024: a US figure in US dollars, not converted to other currencies.",
          border=True)
with c2:
    if cur != "USD":
        st.caption(f"The wage is a US figure in US dollars; it is not converted to {cur} and is not carried to the "
                   "other pages while another currency is chosen.")
    gamma = occ["gpt4_exposure_gamma"]
    if gamma is not None:
        st.markdown(
            f"Published: **{fmt.percent(gamma, loc)}** of this occupation's tasks are exposed to an AI agent "
            f"(Eloundou et al. gamma, E1 + E2, GPT-4 rater); your own share is **{fmt.percent(share, loc)}** of your "
            "time."
        )
        if assessed.against_published(gamma) == "above":
            st.caption("You spend more of your week on automatable work than the occupation's task mix suggests: "
                       "your role may be more routine than the average, so the risk is higher for you than for the "
                       "occupation. Check that each activity's kind is right.")
        elif assessed.against_published(gamma) == "below":
            st.caption("Less of your week is automatable than the occupation's task mix suggests: your role leans "
                       "towards the judgment and relationship work in it, which protects you. The published figure "
                       "rates tasks, not the hours they take you.")
table = pd.DataFrame([
    {"Measure": risk.MEASURE_NAMES[col],
     "Value": occ[col],
     "Percentile (occupations)": fmt.whole_percent(risk.exposure_percentile(soc, col)),
     "Percentile (US jobs)": fmt.whole_percent(risk.exposure_percentile(soc, col, weighted=True)),
     "What it measures": meaning,
     "Data column": col}
    for col, meaning in risk.MEASURES.items()
])
st.dataframe(table, hide_index=True, width="stretch", column_config={
    "Value": st.column_config.NumberColumn(format="%.3f"),
    "Percentile (occupations)": st.column_config.ProgressColumn(format="%d", min_value=0, max_value=100,
                                                                help="Share of occupations with a lower value "
                                                                     "(0-100)."),
    "Percentile (US jobs)": st.column_config.ProgressColumn(format="%d", min_value=0, max_value=100,
                                                            help="Share of US jobs (OEWS employment) in occupations "
                                                                 "with a lower value (0-100)."),
    "What it measures": st.column_config.TextColumn(width="large"),
})
st.download_button("Download these measures (CSV)", downloads.table_csv(table),
                   file_name=f"exposure-{soc}.csv", mime="text/csv", icon=":material/download:")

with st.expander(f"The occupation's tasks and their exposure labels ({len(tasks)})"):
    st.dataframe(tasks, hide_index=True, width="stretch", column_config={
        "task": st.column_config.TextColumn("Task (O*NET)", width="large"),
        "task_type": "Type", "exposure": "Label (E0 none, E1 AI alone, E2 AI + tools)"})
    st.download_button("Download the tasks (CSV)", downloads.table_csv(tasks), file_name=f"tasks-{soc}.csv",
                       mime="text/csv", icon=":material/download:", key="dl_tasks")

st.subheader("Next steps")
# The wage is a US figure in USD: carried to the other pages only while the currency is USD.
carry_salary = {"salary": float(wage)} if cur == "USD" and wage is not None else {}
n1, n2 = st.columns(2)
n1.page_link("views/upskilling.py", label="Plan the upskilling that moves you to lower-risk work",
             icon=":material/school:", query_params=pages.link("upskilling", cur, carry_salary))
n2.page_link("views/roi.py", label="Put a number on an AI implementation you could lead",
             icon=":material/savings:", query_params=pages.link("roi", cur, carry_salary))

widgets.share_section(
    widgets.share_link(PAGE, values, act_query),
    "The link carries the occupation, the five activities and the threshold; nothing is stored on the server.",
    PAGE, values, act_query,
)
