"""Compare up to three scenarios of one page, from share links or scenario files."""

import datetime as dt
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from ui import charts, compare, scenario, widgets
from ui.params import md_code
from ui.text import display_value

SLOTS = ("s1", "s2", "s3")
TABLE_NAMES = {"tei": "Your own figures (TEI table)"}
NAMES = dict(zip(SLOTS, ("A", "B", "C")))
MAX_LINK = 16_000
# The example comparison: the guidance's $500K case, a smaller and a riskier one.
EXAMPLES = {"s1": "/roi", "s2": "/roi?savings=300000&impl=150000", "s3": "/roi?savings=800000&ramp=9&brisk=20"}

loc = widgets.current_locale()
today = dt.date.today()
st.title("Compare scenarios")
st.caption("Paste up to three share links (or load scenario files) from the Implementation value, Upskilling plan or "
           "Business case page: see which inputs differ, what each scenario gives, and their NPV and payback side "
           "by side. The links themselves travel in this page's link.")

# Streamlit would cut a longer link value to the field's length: such a slot is not used, and we say so.
too_long = [k for k in SLOTS if len(st.query_params.get(k, "")) > MAX_LINK]


def _load_file(slot: str) -> None:
    """Uploader callback: a valid file becomes the slot's link; a bad one changes nothing."""
    upload = st.session_state.get(f"_cmp_up_{slot}")
    if upload is None:
        return
    s, problems = scenario.read_json(upload.getvalue(), today=today)
    if s is None:
        st.session_state[f"_cmp_err_{slot}"] = (md_code(upload.name[:60]), problems)
        return
    link = f"/{s.page}?{urlencode(scenario.to_query(s), doseq=True)}".rstrip("?")
    if len(link) > MAX_LINK:
        st.session_state[f"_cmp_err_{slot}"] = (md_code(upload.name[:60]), [
            f"As a link this scenario has {len(link):,} characters; a compared link may have at most {MAX_LINK:,}."])
        return
    st.session_state.pop(f"_cmp_err_{slot}", None)
    st.session_state[slot] = link


def _examples() -> None:
    for slot, link in EXAMPLES.items():
        st.session_state[slot] = link


cols = st.columns(3, gap="medium")
for col, slot in zip(cols, SLOTS):
    with col:
        st.text_input(f"Scenario {NAMES[slot]}: share link", key=slot, bind="query-params", max_chars=MAX_LINK,
                      placeholder="https://…/roi?savings=…",
                      help="Copy it from the Share this scenario box of a page. Only the page and its parameters "
                           "are read; nothing is fetched.")
        st.file_uploader(f"…or a scenario file for {NAMES[slot]}", type=["json"], key=f"_cmp_up_{slot}",
                         on_change=_load_file, args=(slot,),
                         help=f"A file saved with Download this scenario (at most {scenario.MAX_BYTES // 1024} KB); "
                              "it is checked whole and turned into a link in the field above.")
        error = st.session_state.get(f"_cmp_err_{slot}")
        if error:
            st.error(f"**{error[0]} was not loaded** ({NAMES[slot]} is unchanged):\n\n"
                     + "\n".join(f"- {p}" for p in error[1]), icon=":material/error:")
        if slot in too_long:
            st.warning(f"Scenario {NAMES[slot]}: the link in this page's address is longer than {MAX_LINK:,} "
                       "characters and was not used.", icon=":material/link_off:")

scenarios: dict[str, scenario.Scenario] = {}
for slot in SLOTS:
    text = (st.session_state.get(slot) or "").strip()
    if not text or slot in too_long:
        continue
    s, problems = scenario.from_link(text, today)
    name = NAMES[slot]
    if s is None:
        st.warning(f"**Scenario {name}:** {problems[0]}", icon=":material/link_off:")
        continue
    if s.page not in compare.COMPARABLE:
        st.warning(f"**Scenario {name}** is from the page {s.spec.title}, which has no NPV to compare; use links "
                   "from Implementation value, Upskilling plan or Business case.", icon=":material/link_off:")
        continue
    if problems:
        st.warning(f"**Scenario {name}: some values in its link could not be used** (defaults are used instead, as "
                   "the page itself would):\n\n" + "\n".join(f"- {p}" for p in problems), icon=":material/link_off:")
    scenarios[name] = s

if not scenarios:
    st.info("Paste a share link into at least one field above, or load a scenario file.", icon=":material/compare:")
    st.button("Show an example comparison", on_click=_examples, icon=":material/play_arrow:",
              help="Three Implementation value scenarios: the guidance's $500K case, a smaller one, a riskier one.")
    st.stop()

pages = {s.page for s in scenarios.values()}
if len(pages) > 1:
    st.error("These scenarios come from different pages ("
             + ", ".join(f"{n}: {s.spec.title}" for n, s in scenarios.items())
             + "). Compare scenarios of one page at a time.", icon=":material/error:")
    st.stop()

first = next(iter(scenarios.values()))
spec = first.spec
currencies = {s.currency for s in scenarios.values()}
cur = first.currency
results = {n: compare.outcome(s, today) for n, s in scenarios.items()}
st.subheader(f"{spec.title}: {len(scenarios)} scenario{'s' if len(scenarios) > 1 else ''}")
if len(currencies) > 1:
    st.warning("The scenarios are written in different currencies (" + ", ".join(sorted(currencies)) + "); amounts "
               "are shown as entered, not converted.", icon=":material/currency_exchange:")

links = st.columns(len(scenarios))
for col, (n, s) in zip(links, scenarios.items()):
    col.page_link(f"views/{s.page}.py", label=f"Open scenario {n}", icon=":material/open_in_new:",
                  query_params=scenario.to_query(s),
                  help=f"Opens {s.spec.title} with exactly this scenario (every input, its tables and currency).")

st.markdown("**Inputs that differ**")
differ = scenario.differing_inputs(list(scenarios.values())) if len(scenarios) > 1 else []
differ_tables = scenario.differing_tables(list(scenarios.values())) if len(scenarios) > 1 else []
if differ or differ_tables:
    table = pd.DataFrame([{"Input": p.label, **{n: display_value(p, s.values[p.key], s.currency, loc)
                                                 for n, s in scenarios.items()}} for p in differ]
                         + [{"Input": TABLE_NAMES.get(k, k), **{n: compare.table_text(s, k) for n, s in scenarios.items()}}
                            for k in differ_tables])
    st.dataframe(table, hide_index=True, width="stretch")
    st.download_button("Download the differing inputs (CSV)", table.to_csv(index=False).encode(),
                       file_name="scenarios-inputs.csv", mime="text/csv", icon=":material/download:",
                       key="dl_cmp_inputs")
else:
    st.caption("None: every input is the same." if len(scenarios) > 1 else "Add a second scenario to see them.")
st.markdown("**Results**")
rows = []
for k, (label, kind, _) in enumerate(next(iter(results.values())).rows):
    row = {"Result": label}
    for n, o in results.items():
        row[n] = compare.format_value(o.rows[k][1], o.rows[k][2], scenarios[n].currency, loc)
    rows.append(row)
result_table = pd.DataFrame(rows)
st.dataframe(result_table, hide_index=True, width="stretch")
st.download_button("Download the results (CSV)", result_table.to_csv(index=False).encode(),
                   file_name="scenarios-results.csv", mime="text/csv", icon=":material/download:",
                   key="dl_cmp_results")
names = list(results)
widgets.chart(charts.compare_scenarios(names, [results[n].npv for n in names],
                                       [results[n].payback_months for n in names], cur, loc), "chart_compare")
st.caption("The Results table above lists the same NPV and payback. "
           + ("Payback on the Upskilling plan is the break-even month. " if spec.key == "upskilling" else "")
           + ("On the Business case page the NPV and payback are those of the best option at the likely values."
              if spec.key == "business_case" else ""))
