"""Your AI career check-up: risk -> implementation -> upskilling -> stay or move -> summary, on one
page whose link carries every step."""

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from upskill_roi.core import career, checkup, risk, upskilling
from upskill_roi.documents import plan_files as export
from upskill_roi.documents import summary
from upskill_roi.inputs import pages
from upskill_roi.inputs.activities import as_activities, default_rows
from upskill_roi.inputs.activities import encode as encode_activities
from upskill_roi.inputs.declared import (
    ANSWER,
    ASSUMPTIONS,
    CAREER_INPUTS,
    CERT_INPUTS,
    CHECKUP_INPUTS,
    COSTS,
    FROM_RISK,
    MOVE_TO,
    NO_MOVE,
    PREMIUM,
    ROI_DRIVER_KEYS,
    ROI_INPUTS,
    STEP,
    STEPS,
    build_checkup_inputs,
    soc_of,
)
from upskill_roi.present import charts, downloads, fmt, moves, text
from upskill_roi.web import session, widgets

PAGE = "checkup"
LINK_INPUTS = pages.page(PAGE).params  # the inputs and the step: a link carries both
by_key = {p.key: p for p in CHECKUP_INPUTS}
cur = widgets.currency()
loc = widgets.current_locale()
today = dt.date.today()

st.title("Your AI career check-up")
st.caption("Five steps, one link: am I at risk, what could I implement and what is it worth, how long will the "
           "upskilling take, should I stay or move — and your answer to the question the guidance ends on. Every "
           "number is carried forward; nothing is typed twice.")
arrived = widgets.arrived_with_link(LINK_INPUTS, PAGE)
widgets.check_link(LINK_INPUTS, PAGE)
problems = st.container()


# 20,000 draws and the flip scans: computed once per distinct set of inputs, not on every rerun
# (typing the answer, switching steps, moving an input of step 1 that leaves them unchanged).
evaluate_move = st.cache_data(max_entries=256, show_spinner=False)(career.evaluate)



def _go(step: str) -> None:
    st.session_state["step"] = step


def _drivers_from(hours: float) -> None:
    """Step 2 starts from step 1: the savings drivers with the automatable hours of the week."""
    st.session_state["mode"] = "Drivers"
    widgets.set_input(by_key["hours"], min(round(hours, 1), by_key["hours"].hi))


tabs = st.tabs(STEPS, key="step", bind="query-params", on_change="rerun")
values: dict[str, Any] = {}
results = {}
for tab, name in zip(tabs, STEPS, strict=False):
    with tab:
        inputs_col, results_col = st.columns([3, 2] if name == STEPS[0] else [2, 3], gap="large")
        results[name] = results_col
        inputs_col.subheader("Inputs")
        with inputs_col:
            if name == STEPS[0]:
                values |= widgets.occupation_picker(by_key["occ"], PAGE, cur)
                soc = soc_of(values["occ"])
                wage = widgets.follow_occupation(PAGE, soc, by_key["salary"], arrived)
                values |= widgets.draw([by_key["salary"]], cur)
                st.caption(text.salary_caption(values["salary"], wage, risk.occupation(soc)["title"], cur,
                                               loc))
                st.markdown("**Your top five activities**")
                st.caption(text.activities_caption(soc))
                values |= widgets.draw([by_key["unit"]], cur)
                rows = widgets.activities_form(PAGE, values["unit"], soc)
                values |= widgets.draw([by_key["thr"], by_key["e_share"]], cur)
            elif name == STEPS[1]:
                ai_week = (risk.ai_hours(as_activities(rows), by_key["e_share"].to_model(values["e_share"]))
                           if values["unit"] == "h/week" else None)
                if ai_week:
                    st.button(f"Savings from my AI-able {fmt.number(ai_week, loc, 1)} h/week",
                              key=session.FROM_ACTIVITIES, icon=":material/playlist_add_check:", on_click=_drivers_from,
                              args=(ai_week,), help="Savings drivers: the hours a week an AI agent could take in "
                              "your five activities (step 1) for each person affected; then set the people, their "
                              "loaded hourly cost and the rest to your case.")
                values |= widgets.draw([by_key["mode"]], cur)
                drivers = values["mode"] == "Drivers"
                values |= widgets.draw([by_key["savings"]], cur, disabled=drivers)
                with st.expander("Savings drivers", expanded=drivers):
                    values |= widgets.draw([by_key[k] for k in ROI_DRIVER_KEYS], cur, disabled=not drivers)
                values |= widgets.draw([p for p in ROI_INPUTS if p.group == COSTS], cur)
                with st.expander("Assumptions and premium"):
                    values |= widgets.draw([p for p in ROI_INPUTS if p.group in (ASSUMPTIONS, PREMIUM)
                                            and p.key not in ("target", "salary")], cur)
            elif name == STEPS[2]:
                values |= widgets.draw([by_key[k] for k in ("weekly", "goal", "target_h", "prior", "impl_months",
                                                            "domain_years", "consistency", "start",
                                                            "study_days", "study_time") if k in by_key], cur)
                with st.expander("Payoff and waiting"):
                    values |= widgets.draw([by_key[k] for k in ("prob", "lag", "fees", "time_value", "tax", "years",
                                                                "disc", "wait")], cur)
                with st.expander("Certificate check: generic vs domain-specific"):
                    values |= widgets.draw(CERT_INPUTS, cur)
            elif name == STEPS[3]:
                values |= widgets.draw(CAREER_INPUTS[:1], cur)
                # Not disabled: a disabled widget's grey label fails the contrast check (axe-core).
                values |= widgets.draw(CAREER_INPUTS[1:2], cur)
                if values["disp_src"] == FROM_RISK:
                    st.caption("Not used while the probability comes from the risk check: choose My own estimate "
                               "to use it.")
                values |= widgets.draw([MOVE_TO], cur)
                moving = widgets.follow_move(PAGE, values["move_to"], values["salary"], by_key["move_pay"], NO_MOVE,
                                             arrived)
                values |= widgets.draw(CAREER_INPUTS[2:], cur)
                if moving:
                    title, wage_to, change, used = moving
                    st.caption(moves.move_caption(title, wage_to, values["salary"], change, used, cur, loc))
                with st.expander("What a job loss costs"):
                    values |= widgets.draw([by_key[k] for k in ("risk_cut", "out_weeks", "loss", "loss_half")], cur)
            else:
                values |= widgets.draw([ANSWER], cur)
        if name != STEPS[-1]:
            nxt = STEPS[STEPS.index(name) + 1]
            st.button(f"Next: {nxt}", key=session.next_step(name), on_click=_go, args=(nxt,), type="primary",
                      icon=":material/arrow_forward:")

with problems:
    widgets.show_link_problems(LINK_INPUTS, values, PAGE, cur)
    widgets.show_table_problems(PAGE, "activities")

# --- The numbers, step by step (each step's results feed the next: upskill_roi.core.checkup) -------------
acts = as_activities(rows)
checkup_inputs = build_checkup_inputs(values, acts, today)
checked = checkup.evaluate(checkup_inputs, move=evaluate_move)
assessed, yearly, implementation, plan_result = (checked.risk, checked.yearly_displacement, checked.implementation,
                                                  checked.plan)
share, threshold, at_risk, role, high_risk = (assessed.share, assessed.threshold, assessed.at_risk, assessed.role,
                                              assessed.high_risk)
action_plan, certificates, move_inputs, rule_path, move = (checked.action_plan, checked.certificates,
                                                          checked.career_inputs, checked.rule_path, checked.move)
why = text.disagreement(move.winner, rule_path, high_risk, move.flips_to_target, move_inputs, cur, loc)

prov = summary.provenance(CHECKUP_INPUTS, values, lambda p, v: text.display_value(p, v, cur, loc),
                          activities_changed=rows != [dict(r) for r in default_rows(soc)],
                          drivers=values["mode"] == "Drivers", driver_keys=ROI_DRIVER_KEYS, occupation_wage=wage)


def assumed(row: str) -> None:
    """Say when a step's result rests on inputs the user has not changed."""
    if row in prov.notes:
        st.info(f"**Not yet your own numbers:** {prov.notes[row]}.", icon=":material/edit_note:")


# --- Step results ------------------------------------------------------------------------------------
with results[STEPS[0]]:
    st.subheader("Am I at risk?")
    assumed("Automatable share of your time")
    if assessed.total <= 0:
        st.error("Give at least one activity some time (hours a week or %) to see your share.", icon=":material/error:")
    st.metric("Automatable share", fmt.percent(share, loc), border=True,
              help="Time in activities an AI agent could handle / all the time you listed.")
    st.metric("Against your threshold", "At risk" if at_risk else "Not at risk", border=True,
              delta=f"threshold: more than {fmt.percent(threshold, loc)}", delta_color="off", delta_arrow="off")
    if role:
        st.warning(f"**Your profile resembles: {role}.** {risk.ROLE_TYPES[role]}", icon=":material/warning:")
    rate = checkup_inputs.full_exposure_rate
    st.caption(f"E1/E2 tasks count {fmt.percent(checkup_inputs.e_share, loc)} of their time. "
               f"Carried forward: a yearly displacement probability of {fmt.percent(yearly, loc, 1)} "
               + (f"(your automatable share x {fmt.percent(rate, loc, 1)} a year as in step 4, an illustrative "
                  "mapping; step 4 lets you replace it)."
                  if values["disp_src"] != "My own estimate" else "(your own estimate, step 4)."))
    if high_risk:
        widgets.where_to_go(PAGE, soc, "move_to", "step", STEPS[3])
    widgets.page_link_new_tab("risk", "See your occupation's published exposure on the full risk page",
                              pages.link("risk", cur, values, encode_activities(rows, default_rows(soc))))

with results[STEPS[1]]:
    st.subheader("What could I implement, and what is it worth?")
    assumed("Implementation: annual savings")
    m1, m2 = st.columns(2)
    m3, m4 = st.columns(2)
    m1.metric("Net present value", fmt.money_compact(implementation.npv, cur, loc), border=True)
    m2.metric("Payback", fmt.months(implementation.payback_months, loc), border=True)
    m3.metric("Justified premium", fmt.money_compact(implementation.premium, cur, loc), border=True,
              help="Value-capture share x net annual savings (after running costs and risk adjustments), capped and "
              "kept within what the project pays: carried to steps 3 and 4.")
    m4.metric("ROI", fmt.percent(implementation.roi, loc) if implementation.roi is not None else "n/a",
              border=True, help="NPV / present value of the costs.")
    st.markdown(text.roi_readback(implementation, cur, loc))
    st.markdown(text.roi_premium_line(implementation, cur, loc))
    widgets.chart(charts.cumulative_cashflow(implementation.cumulative_monthly_net, implementation.payback_months,
                                             cur, loc), "chart_checkup_roi")
    st.caption(text.horizon_note(values["horizon"], values["years"], "implementation"))

with results[STEPS[2]]:
    st.subheader("How long will the upskilling take, and does it pay?")
    assumed("Time to competency")
    m1, m2 = st.columns(2)
    m3, m4 = st.columns(2)
    m1.metric("Weeks to competency", "never" if plan_result.weeks is None
              else f"{fmt.number(plan_result.weeks, loc, 1)} weeks", border=True,
              delta=None if plan_result.competency_date is None else f"by {fmt.date(plan_result.competency_date, loc)}",
              delta_color="off", delta_arrow="off")
    m2.metric("Payoff (NPV)", fmt.money_compact(plan_result.npv, cur, loc), border=True,
              help=f"Expected premium of {fmt.money(implementation.premium, cur, loc)} a year (carried from step 2) "
                   "x its chance, and the pay a lower displacement risk keeps, less fees (grossed up for tax) and "
                   "study time, against not upskilling; discounted.")
    m3.metric("Cost of waiting", fmt.money_compact(plan_result.cost_of_waiting, cur, loc), border=True,
              delta=f"{values['wait']} months later", delta_color="off", delta_arrow="off",
              help="In today's money: the NPV of starting now less that of starting later.")
    m4.metric("Total cost", fmt.money_compact(plan_result.total_cost, cur, loc), border=True,
              help="Fees grossed up for tax plus study time at your share of your hourly pay (undiscounted).")
    st.markdown(text.upskilling_readback(plan_result, cur, loc))
    st.caption(text.horizon_note(values["horizon"], values["years"], "career"))
    st.markdown(text.profile_text(plan_result, loc))
    st.markdown("**Certificate check** — " + upskilling.CERTIFICATE_CLAIM + " Your numbers:")
    cert_table = pd.DataFrame([{
        "Certificate": name.replace(" implementation certificate", "").replace(" AI certificate", ""),
        "Weeks": r.weeks, f"Cost ({cur})": round(r.total_cost),
        f"Payoff NPV ({cur})": round(r.npv)} for name, r in certificates.items()])
    st.dataframe(cert_table, hide_index=True, width="stretch", column_config={
        "Weeks": st.column_config.NumberColumn(format="%.1f"),
        **{c: st.column_config.NumberColumn(format="localized") for c in cert_table.columns if c.endswith(f"({cur})")}})
    st.download_button("Download the certificate check (CSV)", downloads.table_csv(cert_table),
                       file_name="certificate-check.csv", mime="text/csv", icon=":material/download:",
                       key="dl_cert")

with results[STEPS[3]]:
    st.subheader("Stay or move?")
    assumed("Stay or move (expected earnings, discounted)")
    paths = pd.DataFrame([{"Path": p, "Expected": round(move.likely[p]), "P10": round(move.p10[p]),
                           "P90": round(move.p90[p]), "Wins": move.win_share[p]} for p in career.PATHS])
    st.dataframe(paths, hide_index=True, width="stretch", column_config={
        **{c: st.column_config.NumberColumn(f"{c} ({cur})", format="localized") for c in ("Expected", "P10", "P90")},
        "Wins": st.column_config.NumberColumn("Wins", format="percent", help="Share of the cases in which the path "
                                                                              "has the highest value.")})
    st.download_button("Download the paths (CSV)", downloads.table_csv(paths), file_name="stay-or-move.csv",
                       mime="text/csv", icon=":material/download:", key="dl_paths")
    st.caption(f"Expected earnings over {move_inputs.horizon_years} years, discounted at "
               f"{fmt.percent(move_inputs.discount_rate, loc, 1)}, with the P10-P90 range across 20,000 cases.")
    flips = [text.flip_text(f, getattr(move_inputs, f.field), cur, loc) for f in move.flips[:3]]
    mine, rule = st.columns(2)
    mine.info(f"**Your numbers: {move.winner} wins** ({fmt.percent(move.win_share[move.winner], loc)} of the "
              "simulated cases).", icon=":material/balance:")
    rule.info(career.rule_of_thumb(high_risk), icon=":material/menu_book:")
    if why:
        st.markdown(f"**Why they differ:** {why}")
    st.markdown("**What would flip the answer** (one input at a time): "
                + ("; ".join(flips) if flips else "no single input within its range") + ".")
    widgets.chart(charts.npv_by_option(list(career.PATHS), [move.likely[p] for p in career.PATHS],
                                         [move.p10[p] for p in career.PATHS], [move.p90[p] for p in career.PATHS],
                                         cur, loc, title="Expected earnings by path, with the P10-P90 band",
                                         y_title="Discounted earnings"), "chart_checkup_move")
    st.caption(f"Displacement {fmt.percent(yearly, loc, 1)} a year (step 1 or your estimate), premium "
               f"{fmt.money(implementation.premium, cur, loc)} (step 2), competency in "
               f"{fmt.months(plan_result.months, loc)} (step 3). Formulas on the methodology page.")

the_summary = summary.Summary(
    occupation=values["occ"], share=share, threshold=threshold, at_risk=at_risk, role=role,
    savings=implementation.annual_savings, npv=implementation.npv, premium=implementation.premium,
    payback_months=implementation.payback_months, weeks=plan_result.weeks,
    competency_date=plan_result.competency_date, wait_months=values["wait"],
    cost_of_waiting=plan_result.cost_of_waiting, path_values=move.likely, path_p10=move.p10, path_p90=move.p90,
    winner=move.winner, rule=career.rule_of_thumb(high_risk), disagreement=why, answer=values["answer"],
    next_30_days=[export.step_text(s, loc) for s in action_plan.first_30_days],
    certificates={name: r.npv for name, r in certificates.items()},
    provenance=prov,
)
act_query = {k: [v] for k, v in encode_activities(rows, default_rows(soc)).items()}
link = widgets.share_link(PAGE, values | {STEP.key: st.session_state.get(STEP.key, STEP.default)}, act_query)

with results[STEPS[4]]:
    st.subheader("Your summary")
    st.table(pd.DataFrame(summary.summary_rows(the_summary, cur, loc), columns=["", "Your result"]).set_index(""))
    st.markdown("**The next 30 days**")
    # A step may quote the user's activity: shown as text (escaped), never as Markdown.
    st.markdown("\n".join(f"- {text.md_escape(s)}" for s in the_summary.next_30_days))
    d1, d2 = st.columns(2)
    d1.download_button("Summary (HTML, one page)",
                       summary.summary_html(the_summary, cur, loc, link, today).encode(),
                       file_name="my-ai-career-check-up.html", mime="text/html", icon=":material/summarize:",
                       key="dl_summary_html", type="primary")
    d2.download_button("Summary (Markdown)", summary.summary_markdown(the_summary, cur, loc, link).encode(),
                       file_name="my-ai-career-check-up.md", mime="text/markdown", icon=":material/description:",
                       key="dl_summary_md")

widgets.share_section(
    link, "The link carries every step — your occupation and activities, the implementation, the plan, the stay-or-"
    "move inputs and your answer — so it reopens the whole check-up. Nothing is stored on the server.",
    PAGE, values, act_query,
)
