"""Compare up to three scenarios of one page, from share links or scenario files."""

import datetime as dt
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from upskill_roi.inputs import scenario
from upskill_roi.inputs.pages import COMPARE_SLOT_ENCODED, COMPARE_SLOT_MAX, encoded_length
from upskill_roi.inputs.param import md_code
from upskill_roi.present import compare
from upskill_roi.web import session, widgets

SLOTS = ("s1", "s2", "s3")
LETTERS = dict(zip(SLOTS, ("A", "B", "C"), strict=False))
# The link parameter of each slot's name. Names are user text: in Markdown only through
# compare.md_name (plain words as they are, anything else a code span: no link, not even a bare URL
# or an e-mail address, no emphasis, no HTML); in tables as data, in the chart escaped.
NAME_KEYS = dict(zip(SLOTS, ("n1", "n2", "n3"), strict=False))
MAX_LINK = COMPARE_SLOT_MAX
# The example comparison: the guidance's $500K case, a smaller and a riskier one.
EXAMPLES = {"s1": "/roi", "s2": "/roi?savings=300000&impl=150000", "s3": "/roi?savings=800000&ramp=9&brisk=20"}
EXAMPLE_NAMES = {"n1": "Guidance", "n2": "Smaller", "n3": "Riskier"}

loc = widgets.current_locale()
today = dt.date.today()
st.title("Compare scenarios")
st.caption("Paste up to three share links (or load scenario files) from the Implementation value, Upskilling plan or "
           "Business case page: see which inputs differ, what each scenario gives, and their NPV and payback side "
           "by side. The links, and the names you give the scenarios, travel in this page's link.")



def _fits(text: str) -> bool:
    """A slot's text fits the field and this page's own address (COMPARE_SLOT_ENCODED)."""
    return len(text) <= MAX_LINK and encoded_length(text) <= COMPARE_SLOT_ENCODED


# A link too long for the field or for this page's address is not used and leaves the address, and we
# say so: one that arrives in the link is taken out before the fields are drawn and the page runs again
# (Streamlit would otherwise cut it to the field's length and keep it in the address); one typed or
# pasted is taken out by the field's callback (_typed).
arrived_long = [s for s in SLOTS if not _fits(st.session_state.get(s) or st.query_params.get(s, ""))]
for long_slot in arrived_long:
    st.session_state[long_slot] = ""
    st.session_state[session.compare_refused(long_slot)] = True
    st.query_params.pop(long_slot, None)
if arrived_long:
    st.rerun()
too_long = [s for s in SLOTS if st.session_state.pop(session.compare_refused(s), False)]


def _typed(slot: str) -> None:
    """Field callback: a text too long for this page's address (non-ASCII characters take up to 9
    each there) empties the field, so that the page never makes an address the deployment refuses."""
    if not _fits(st.session_state.get(slot) or ""):
        st.session_state[slot] = ""
        st.session_state[session.compare_refused(slot)] = True
# Streamlit's upload line says "1MB per file" (the server's limit, in whole MB); ours is 64 KB and
# the labels say so.
st.html(compare.UPLOAD_LIMIT_CSS)


def _load_file(slot: str) -> None:
    """Uploader callback: a valid file becomes the slot's link; a bad one changes nothing."""
    upload = st.session_state.get(session.compare_upload(slot))
    if upload is None:
        return
    s, problems = scenario.read_json(upload.getvalue(), today=today)
    if s is None:
        st.session_state[session.compare_error(slot)] = (md_code(upload.name[:60]), problems)
        return
    link = f"/{s.page}?{urlencode(scenario.to_query(s), doseq=True)}".rstrip("?")
    if not _fits(link):
        st.session_state[session.compare_error(slot)] = (md_code(upload.name[:60]), [
            f"As a link this scenario has {len(link):,} characters; a compared link may have at most {MAX_LINK:,} "
            f"(and take at most {COMPARE_SLOT_ENCODED:,} in this page's address)."])
        return
    st.session_state.pop(session.compare_error(slot), None)
    st.session_state[slot] = link


def _examples() -> None:
    for key, value in (EXAMPLES | EXAMPLE_NAMES).items():
        st.session_state[key] = value


cols = st.columns(3, gap="medium")
typed: dict[str, str] = {}
for col, slot in zip(cols, SLOTS, strict=False):
    letter = LETTERS[slot]
    with col:
        typed[slot] = st.text_input(
            f"Name of scenario {letter}", value=letter, key=NAME_KEYS[slot], bind="query-params",
            max_chars=compare.MAX_NAME, placeholder=letter,
            help="Shown instead of the letter in the tables, the chart and the downloads; it travels in this "
                 "page's link (not in the scenario's own link).")
        st.text_input(f"Scenario {letter}: share link", key=slot, bind="query-params", max_chars=MAX_LINK,
                      on_change=_typed, args=(slot,),
                      placeholder="https://…/roi?savings=…",
                      help="Copy it from the Share this scenario box of a page. Only the page and its parameters "
                           "are read; nothing is fetched.")
        st.file_uploader(f"…or a scenario file for {letter} (JSON, at most {scenario.MAX_BYTES // 1024} KB)",
                         type=["json"], key=session.compare_upload(slot), on_change=_load_file, args=(slot,),
                         help="A file saved with Download this scenario; it is checked whole and turned into a link "
                              "in the field above.")
        error = st.session_state.get(session.compare_error(slot))
        if error:
            st.error(f"**{error[0]} was not loaded** ({letter} is unchanged):\n\n"
                     + "\n".join(f"- {p}" for p in error[1]), icon=":material/error:")
        if slot in too_long:
            st.warning(f"Scenario {letter}: the link is longer than {MAX_LINK:,} characters, or takes more than "
                       f"{COMPARE_SLOT_ENCODED:,} in this page's address, and was not used.",
                       icon=":material/link_off:")

# Each slot's name as shown (unique, the letter when empty).
names = dict(zip(SLOTS, compare.scenario_names([typed[k] for k in SLOTS], list(LETTERS.values())), strict=False))


def who(slot: str) -> str:
    """The slot in a message (Markdown): its letter, and its name when it has one."""
    letter, name = LETTERS[slot], names[slot]
    return letter if name == letter else f"{letter} ({compare.md_name(name)})"


scenarios: dict[str, scenario.Scenario] = {}
for slot in SLOTS:
    text = (st.session_state.get(slot) or "").strip()
    if not text or slot in too_long:
        continue
    s, problems = scenario.from_link(text, today)
    if s is None:
        st.warning(f"**Scenario {who(slot)}:** {problems[0]}", icon=":material/link_off:")
        continue
    if s.page not in compare.COMPARABLE:
        st.warning(f"**Scenario {who(slot)}** is from the page {s.spec.title}, which has no NPV to compare; use "
                   "links from Implementation value, Upskilling plan or Business case.", icon=":material/link_off:")
        continue
    if problems:
        st.warning(f"**Scenario {who(slot)}: some values in its link could not be used** (defaults are used "
                   "instead, as the page itself would):\n\n" + "\n".join(f"- {p}" for p in problems),
                   icon=":material/link_off:")
    scenarios[names[slot]] = s

if not scenarios:
    st.info("Paste a share link into at least one field above, or load a scenario file.", icon=":material/compare:")
    st.button("Show an example comparison", on_click=_examples, icon=":material/play_arrow:",
              help="Three Implementation value scenarios: the guidance's $500K case, a smaller one, a riskier one.")
    st.stop()

pages = {s.page for s in scenarios.values()}
if len(pages) > 1:
    st.error("These scenarios come from different pages ("
             + ", ".join(f"{compare.md_name(n)}: {s.spec.title}" for n, s in scenarios.items())
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
for col, (n, s) in zip(links, scenarios.items(), strict=False):
    col.page_link(f"views/{s.page}.py", label=f"Open scenario {compare.md_name(n)}", icon=":material/open_in_new:",
                  query_params=scenario.to_query(s),
                  help=f"Opens {s.spec.title} with exactly this scenario (every input, its tables and currency).")

st.markdown("**Inputs that differ**")
table = compare.inputs_table(scenarios, loc)
if len(table):
    st.dataframe(table, hide_index=True, width="stretch")
    if (table.iloc[:, 1:] == compare.NOT_USED).any(axis=None):
        st.caption(f"*{compare.NOT_USED}*: that scenario does not use the input (e.g. the total savings while "
                   "savings come from drivers), so its value there makes no difference.")
    st.download_button("Download the differing inputs (CSV)", compare.csv_bytes(table),
                       file_name="scenarios-inputs.csv", mime="text/csv", icon=":material/download:",
                       key="dl_cmp_inputs")
else:
    st.caption("None: every input the scenarios use is the same." if len(scenarios) > 1
               else "Add a second scenario to see them.")
st.markdown("**Results**")
rows = []
for k, (label, _kind, _) in enumerate(next(iter(results.values())).rows):
    row = {"Result": label}
    for n, o in results.items():
        row[n] = compare.format_value(o.rows[k][1], o.rows[k][2], scenarios[n].currency, loc)
    rows.append(row)
result_table = pd.DataFrame(rows)
st.dataframe(result_table, hide_index=True, width="stretch")
st.download_button("Download the results (CSV)", compare.csv_bytes(result_table),
                   file_name="scenarios-results.csv", mime="text/csv", icon=":material/download:",
                   key="dl_cmp_results")
# Not widgets.chart: its caption escapes the text alternative as a whole, and a bare URL or e-mail
# address in a name would still become a link; here each name goes through compare.md_name.
st.plotly_chart(compare.chart(list(results), list(results.values()), cur, loc), key="chart_compare",
                width="stretch", config={"displaylogo": False})
st.caption(f":material/description: {compare.chart_alt_markdown(list(results), list(results.values()), cur, loc)}")
st.caption("The Results table above lists the same NPV and payback. "
           + ("Payback on the Upskilling plan is the break-even month. " if spec.key == "upskilling" else "")
           + ("On the Business case page the NPV and payback are those of the best option at the likely values."
              if spec.key == "business_case" else ""))
