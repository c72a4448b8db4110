"""Methodology & sources: every formula, every input with its source, and data attribution."""

from pathlib import Path

import pandas as pd
import streamlit as st

from calc import business_case, career, displacement, finance, plan, risk, roi, uncertainty, upskilling
from ui import compare, personas, scenario, tei, text, widgets
from ui.inputs import ALL_PAGES
from ui.params import methodology_rows

cur = widgets.currency()
ATTRIBUTION = Path(__file__).resolve().parents[1] / "assets" / "data" / "ATTRIBUTION.md"

st.title("Methodology & sources")
st.markdown(
    "Everything the calculators compute, in formulas, with the conventions they follow. The same text is in "
    "the code's docstrings (`calc/*.py`, `ui/scenario.py`, `ui/tei.py`), so the two cannot drift apart silently."
)

st.header("The conventions every calculator follows: time, discounting, payback, risk")
st.markdown("In plain words: every amount is discounted from the month it falls in at your yearly rate, so a "
            "figure shown beside an NPV (a cost of waiting, a head start, the premium's cost) is in today's money "
            "too; payback is when the running total is back above zero for good; benefits are cut and costs "
            "raised by 10% each for the uncertainty of the estimates unless you change it; and a project that may "
            "never reach production counts its benefits only with that chance.")
st.markdown(text.docstring_markdown(finance.__doc__))

st.header("Implementation value (savings → NPV → premium)")
st.markdown("In plain words: the system's savings, less 10% for the uncertainty of the estimate, come only if it "
            "reaches production (70% by default, the most favourable published figure); hours saved count only "
            "for the half that turns into productive work. Your premium is a tenth of what the system saves a year "
            "after its running cost -- $500K net justifies $50K -- but never more than the largest published AI "
            "premium (56% of your salary) and never so much that the employer would lose money by paying it.")
st.markdown(text.docstring_markdown(roi.__doc__))

st.header("Ranges: Monte Carlo and tornado")
st.markdown(text.docstring_markdown(uncertainty.__doc__))

st.header("The manager's business case")
st.markdown("In plain words: every option that uses AI pays for the same system and shares its chance of never "
            "reaching production. Time an AI frees is worth half its cost unless people leave; people who leave "
            "save their pay only for work the system really takes over, and the rest must be covered. Training "
            "takes the trainees' paid time at the pace you set, and nothing is gained before it is done. The page "
            "shows each option's risk-adjusted NPV with what makes it up, so a CFO can check every line.")
st.markdown(text.docstring_markdown(business_case.__doc__))
st.markdown("**Your own figures (TEI table).** " + text.docstring_markdown(finance.tei_table.__doc__.split("Parameters")[0])
            + "\n\n" + text.docstring_markdown(tei.__doc__))

st.header("Upskilling: time to competency, payoff and the cost of waiting")
st.markdown("In plain words: your weekly hours decide when you are competent; the premium comes after that with "
            "the chance you give it -- a generic 5% until you have the 3 years in your domain the guidance asks "
            "for; your study hours cost your hourly pay and fees are paid out of taxed income. Waiting costs the "
            "premium you would have earned sooner and the job-loss risk that being competent sooner would have "
            "cut, in today's money.")
st.markdown(text.docstring_markdown(upskilling.__doc__))
st.markdown("**Target presets**")
st.markdown("\n".join(f"- **{name}** — {source}" for name, (_, source) in upskilling.TARGET_PRESETS.items()))

st.header("The action plan")
st.markdown(text.docstring_markdown(plan.__doc__))

st.header("What a job loss costs")
st.markdown("In plain words: losing a job is not a few weeks without pay and then the same pay for ever. "
            "Studies of workers displaced in mass layoffs find that they are out of work for weeks to months and "
            "then earn less for many years. The app counts a job loss once, the weeks without pay, and a lasting "
            "loss that fades slowly; each figure is an input with its source.")
st.markdown(text.docstring_markdown(displacement.__doc__))

st.header("The career check-up: stay or move, and the certificate check")
st.markdown(text.docstring_markdown(career.__doc__))
st.markdown(f"**Displacement from the risk check.** The check-up's starting value is your automatable share x {career.FULL_EXPOSURE_RATE:.0%} a year "
            "— an illustrative assumption (exposure is not a probability of losing a job); step 4 lets you type "
            "your own estimate. The same yearly probability drives the upskilling step's cost of waiting.")
st.markdown("**Certificate check.** " + upskilling.CERTIFICATE_CLAIM + " "
            + text.docstring_markdown(upskilling.certificate_check.__doc__.split("Examples")[0]))

st.header("Example personas")
st.markdown("Illustrative people from the guidance, one coherent scenario each (`assets/data/personas.json`). "
            "Salaries are BLS OEWS May 2024 medians of the persona's occupation unless the source says otherwise.")
st.dataframe(pd.DataFrame([{"Persona": p.name, "Occupation": p.inputs["occ"], **{f"Source: {k}": v
                                                                                 for k, v in p.sources.items()}}
                           for p in personas.load_personas()]), hide_index=True, width="stretch")

st.header("Scenarios: links, files and comparisons")
st.markdown(text.docstring_markdown(scenario.__doc__))
st.markdown(text.docstring_markdown(compare.__doc__))

st.header("Automation risk")
st.markdown(text.docstring_markdown(risk.__doc__))
st.markdown("\n".join(f"- `{col}` — {meaning}" for col, meaning in risk.MEASURES.items()))

st.header("Inputs, defaults and their sources")
rows = [row for page, params in ALL_PAGES for row in methodology_rows(params, page, cur)]
table = pd.DataFrame(rows)
st.dataframe(
    table, hide_index=True, width="stretch", height="content",
    column_config={"Source of the default": st.column_config.TextColumn(width="large")},
)
st.download_button(
    "Download the inputs table (CSV)", table.to_csv(index=False).encode(), file_name="inputs-and-sources.csv",
    mime="text/csv", icon=":material/download:",
)

st.header("Reference figures")
st.markdown(
    """
- **The guidance** (early 2026): an implementation that saves an employer $500K a year justifies a $50K+
  salary premium (a 10% value-capture share); 6–12 hours a week of implementation-focused learning.
- **Forrester Total Economic Impact (TEI)** conventions: Initial (t = 0, not discounted), Year 1..3, discount
  rate 10% (organisations typically use 8–16%), ROI = NPV / PV(costs), benefits and costs risk-adjusted
  separately. TEI studies are vendor-commissioned composites: e.g. Microsoft 365 Copilot TEI (Apr 2024,
  projected) ROI 112%–457%.
- **Productivity**: consultants with GPT-4 were 25.1% faster on tasks inside the AI frontier
  (Dell'Acqua et al., HBS WP 24-013, 2023); customer-support agents resolved 14% more issues per hour
  (Brynjolfsson, Li & Raymond, QJE 2025).
- **Wages**: BLS Occupational Employment and Wage Statistics, May 2024 (public domain).
- **Time out of work**: median duration of unemployment 10.5 weeks, mean 23.8 weeks (BLS Current Population
  Survey, table E-18, Q4 2024, not seasonally adjusted).
- **Learning**: Newell & Rosenbloom (1981), power law of practice; Heathcote, Brown & Mewhort (2000), individual
  curves fit an exponential better; Dreyfus stages (novice to expert).

These are reference points, not laws of nature: every one of them can be overridden on the page.
"""
)
st.header("Data and licences")
st.markdown(
    "The occupation data (847 occupations, 19,241 task statements) ship with the app in `assets/data/`; "
    "`scripts/derive_data.py` re-derives them from copies of the published sources, and `PROVENANCE.md` lists "
    "every source, licence and transformation. The app never fetches data from the network."
)
st.markdown((ATTRIBUTION).read_text(encoding="utf-8").split("\n", 1)[1])
st.caption("Illustrative estimates only — not financial, legal or career advice.")
