"""Home: the check-up, the four questions the app answers, and example personas."""

import streamlit as st

from upskill_roi.inputs import personas

st.title("Upskill ROI")
st.markdown(
    "AI is changing which work gets paid for. The advice of the day — *deepen your domain, implement AI "
    "that saves measurable money, put 6–12 hours a week into implementation-focused learning, and don't "
    "wait* — is good advice, but it has no numbers. This app puts numbers on it, shows where each one "
    "comes from, and lets you share exactly the scenario you see as a link."
)

with st.container(border=True):
    st.subheader(":material/route: New here? Take the career check-up")
    st.write("Five steps on one page — risk, implementation, upskilling, stay or move, your summary — with every "
             "number carried forward and one link for the whole journey.")
    st.page_link("views/checkup.py", label="Start the check-up", icon=":material/arrow_forward:")

QUESTIONS = (
    (":material/warning:", "Am I at risk?",
     "Pick your occupation and list your top five activities with their time shares: how much of your "
     "work could an AI agent take?", "views/risk.py"),
    (":material/savings:", "What is my implementation worth?",
     "An AI system that saves $500K a year supports a $50K+ salary premium. Net present value, payback, "
     "ROI and the premium your own numbers justify.", "views/roi.py"),
    (":material/school:", "How long will upskilling take, and does it pay?",
     "Hours per week → time to competency → payback of the premium, and the cost of waiting six more months.",
     "views/upskilling.py"),
    (":material/business_center:", "The manager's business case",
     "Upskill, hire or cut: a risk-adjusted multi-year case you can send as a link or a report.",
     "views/business_case.py"),
)

cols = st.columns(2, gap="medium")
for n, (icon, question, text, page) in enumerate(QUESTIONS):
    with cols[n % 2].container(border=True, height="stretch"):
        st.subheader(f"{icon} {question}")
        st.write(text)
        if page:
            st.page_link(page, label="Open the calculator", icon=":material/arrow_forward:")
        else:
            st.caption("In preparation — not available yet.")

st.subheader("Example personas")
st.caption("Illustrative people from the guidance, each a coherent scenario with real occupation data (BLS and "
           "exposure data by SOC code) and illustrative activities, savings and plans. Open the check-up as one of "
           "them, or load one on any page from the sidebar.")
pcols = st.columns(3, gap="small")
for n, p in enumerate(personas.load_personas()):
    with pcols[n % 3].container(border=True, height="stretch"):
        st.markdown(f"**{p.name}**")
        st.caption(p.summary)  # our own data file's text
        with st.popover("Sources", icon=":material/info:"):
            st.markdown("Illustrative persona. " + " ".join(f"**{k.capitalize()}:** {v}" for k, v in p.sources.items()))
        st.page_link("views/checkup.py", label="Check-up as this persona", icon=":material/person_play:",
                     query_params=personas.query(p, "checkup"))

st.divider()
st.caption(
    "Every formula and every default is documented on the methodology page, with its source. "
    "Nothing you enter is stored on the server: your scenario lives in the link and in the files you download."
)
st.page_link("views/methodology.py", label="Methodology & sources", icon=":material/menu_book:")
