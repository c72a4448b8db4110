"""Methodology & sources: one plain-language section per question the app answers (what it computes
and why, the formulas, the conventions, the sources), the table of every input and the data
attribution. Developer material (array shapes, module names, file and link formats) sits in
folded "For developers" blocks; the README's "Developer reference" has the rest."""

import re
from pathlib import Path

import pandas as pd
import streamlit as st

from upskill_roi.core import (
    business_case,
    career,
    displacement,
    finance,
    occupation_search,
    plan,
    risk,
    roi,
    similar,
    uncertainty,
    upskilling,
)
from upskill_roi.inputs import activities, personas, scenario, tei
from upskill_roi.inputs.declared import ROI_RANGE_INPUTS
from upskill_roi.inputs.pages import METHODOLOGY
from upskill_roi.inputs.param import methodology_rows
from upskill_roi.present import compare, downloads, text
from upskill_roi.web import widgets

cur = widgets.currency()
ATTRIBUTION = Path(__file__).resolve().parents[1] / "upskill_roi" / "data" / "ATTRIBUTION.md"
TOP = "[Back to the contents](#contents)"


def pct(x: float) -> str:
    """0.1 -> '10%' (the page's figures come from the code's constants, so they cannot drift)."""
    return f"{x:.0%}"


def formulas(doc: str) -> str:
    """The module docstring's ``Formulas::`` block as a Markdown code block (the code's own text)."""
    found = re.search(r"Formulas:\n\n(```\n.*?\n```)", text.docstring_markdown(doc), flags=re.DOTALL)
    assert found, "every core module docstring ends with a Formulas:: block"
    # Pointers to the code, "(upskill_roi.core.displacement.pay_factor)", belong to the developer block.
    return re.sub(r" *\(upskill_roi\.[\w.]+\)", "", found.group(1))


def bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def section_parts(*, formula: str, conventions: list[str], sources: list[str]) -> None:
    """The formulas, the conventions and the sources of one question, in that order."""
    st.markdown("**Formulas**\n\n" + formula)
    st.markdown("**Conventions it uses**\n\n" + bullets(conventions))
    st.markdown("**Sources**\n\n" + bullets(sources))


def literal_stars(md: str) -> str:
    """Escape a star inside a word ("O*NET") outside code blocks, so that it does not start italics."""
    parts = re.split(r"(```.*?```)", md, flags=re.DOTALL)
    return "".join(part if part.startswith("```") else re.sub(r"(?<=\w)\*(?=\w)", r"\\*", part) for part in parts)


def developer_block(label: str, *docs: str, notes: str = "") -> None:
    """Folded developer material: module names, array shapes and the full docstrings."""
    with st.expander(f"For developers: {label}", icon=":material/code:"):
        if notes:
            st.markdown(notes)
        for doc in docs:
            st.markdown(literal_stars(text.docstring_markdown(doc)))
    st.markdown(TOP)


conventions_link = "[Conventions used everywhere](#conventions)"
automatable = [kind for kind, ai in risk.CATEGORIES.items() if ai]
not_automatable = [kind for kind, ai in risk.CATEGORIES.items() if not ai]

# --- Intro and contents -----------------------------------------------------------------------
# The formulas wrap on a narrow screen: app.py's rule wraps the <pre>, but Streamlit writes
# `white-space: pre` inline on the <code> inside it, which clipped long lines on a phone.
st.html("<style>[data-testid='stMarkdownPre'] pre code { white-space: pre-wrap !important; }"
        "@media (max-width: 640px) { [data-testid='stMarkdownPre'] pre code { font-size: 0.8em; } }</style>")
st.title("Methodology & sources")
st.markdown(
    "How every figure in the app is worked out. For each question the app answers there is one section: what it "
    "computes and why in plain words, the formulas, the conventions it follows and where its default figures come "
    "from. The formulas are taken from the code itself, so this page and the calculations cannot drift apart. "
    "Every default can be changed on its page: the published figures are reference points, not laws of nature."
)
st.header("Contents", anchor="contents")
st.markdown(
    """
1. [Am I at risk?](#am-i-at-risk) — the share of your work an AI agent could take
2. [What is my implementation worth?](#implementation-value) — savings, NPV, payback and the premium they justify
3. [Ranges and uncertainty](#ranges) — low, likely and high values; which input matters most
4. [How long will upskilling take, and does it pay?](#upskilling) — time to competency, payoff, cost of waiting
5. [Stay or move?](#stay-or-move) — three career paths, and [what a job loss costs](#job-loss)
6. [The manager's business case](#business-case) — upskill, hire, cut, redeploy or do nothing
7. [Conventions used everywhere](#conventions) — time, discounting, payback, risk adjustment
8. [Inputs and their sources](#inputs) — every input, its default and where it comes from
9. [Data sources and licences](#data-sources)
"""
)
st.caption("Each section ends with a folded block *For developers*: the complete specification as written in the "
           "code, for anyone who wants to check the numbers line by line.")

# --- Am I at risk? --------------------------------------------------------------------------------
st.header("Am I at risk?", anchor="am-i-at-risk")
st.markdown(
    "You list your main activities, the time each takes and what kind of work it is. The app adds up the share of "
    "your time an AI agent could take over: all of it for the three kinds of work the guidance calls automatable ("
    + ", ".join(k.lower() for k in automatable) + "), none for " + ", ".join(k.lower() for k in not_automatable[:-1])
    + f" and {not_automatable[-1].lower()}. You can also classify an activity with the published exposure rubric: "
    f"E1 and E2 then count {pct(risk.E_SHARE)} of its time, E0 none. You are flagged *at risk* when the share is "
    f"more than {pct(risk.DEFAULT_THRESHOLD)}. Beside it the page shows where your occupation stands on published "
    "exposure measures: a comparison, not a forecast, because exposure is not a probability of losing your job."
)
section_parts(
    formula=formulas(risk.__doc__),
    conventions=[
        "Only the ratios of the time weights matter: hours a week or percentages give the same share.",
        "E0 = no exposure; E1 = an LLM alone cuts the task's time at least in half; E2 = an LLM plus software tools "
        f"would. The rubric's \"at least half\" is why E1 and E2 count {pct(risk.E_SHARE)} of the time (you can move "
        "it). An agent is an LLM with tools, so E2 counts like E1.",
        f"At risk means *more than* the threshold ({pct(risk.DEFAULT_THRESHOLD)} by default, the guidance's "
        f"heuristic): exactly {pct(risk.DEFAULT_THRESHOLD)} is not at risk.",
        "Your occupation's percentile is the share of occupations (or of employment) with a lower value, ties "
        "counted half, over the occupations that have the measure. Employment weights are OEWS May 2024 employment.",
        "The OECD classes *jobs* by their *probability* of automation (above 70% \"highly automatable\", 50–70% "
        "\"significant change\"); your share is a share of your time, so those bands are shown as a comparison only.",
    ],
    sources=[
        f"The guidance: the kinds of work an AI agent could handle, and the {pct(risk.DEFAULT_THRESHOLD)} threshold.",
        *risk.MEASURES.values(),
        "Nedelkoska & Quintini (OECD 2018) for the comparison bands.",
        "Wages and employment: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS), "
        "May 2024 (public domain). Licences: [Data sources and licences](#data-sources).",
    ],
)
st.subheader("Your occupation, your starting point, and where to go", anchor="occupation")
st.markdown(
    "**Finding your occupation.** The search matches the title you use against a table of everyday job titles "
    "(each with its source: SOC 2018 and O\\*NET titles, the BLS Occupational Outlook Handbook, or an editorial "
    "mapping with its reason), the 847 occupation titles and their task statements, forgiving typos (rapidfuzz). "
    "**Your starting point.** The occupation sets your salary to its BLS median (May 2024, US; marked as such, "
    "yours to change) and five starting activities from its own O\\*NET tasks, chosen to mirror its exposure "
    "labels, 8 hours a week each (O\\*NET publishes no time shares); results that rest on them say so. "
    "**Where to go.** For a high-risk result, occupations whose task statements use the same distinctive words "
    "(the cosine of TF-IDF vectors, Core tasks counted twice) and whose GPT-4 exposure beta is at least "
    f"{similar.MIN_DROP * 100:.0f} points lower, with their BLS median wages; choosing one sets the pay change "
    "of a move to its median against your salary. Similar wording is not a guarantee that skills transfer, and "
    "a lower exposure is not a lower probability of losing a job."
)
developer_block(
    "upskill_roi/core/risk.py (activities, share, percentiles), upskill_roi/core/occupation_search.py, "
    "upskill_roi/core/similar.py", risk.__doc__,
    occupation_search.__doc__, similar.__doc__,
    notes="Exposure columns of `upskill_roi/data/occupations.csv` "
          "(task statements in `upskill_roi/data/tasks.csv`):\n\n"
          + "\n".join(f"- `{col}` — {meaning}" for col, meaning in risk.MEASURES.items()),
)

# --- What is my implementation worth? -------------------------------------------------------------
st.header("What is my implementation worth?", anchor="implementation-value")
st.markdown(
    "The savings of an AI system you would build are turned into monthly cash flows over the horizon, discounted "
    "to today's money (the net present value, NPV), and read back as a return on the investment (ROI), a payback "
    "time and the salary premium the savings justify."
)
st.markdown(
    f"In plain words: the system's savings, less {pct(finance.DEFAULT_BENEFIT_RISK)} for the uncertainty of the "
    f"estimate, come only if it reaches production ({pct(roi.DEFAULT_SUCCESS)} by default, the most favourable "
    f"published figure); hours saved count only for the {pct(roi.DEFAULT_RECAPTURE)} that turns into productive "
    f"work. Your premium is {pct(roi.DEFAULT_CAPTURE_SHARE)} of what the system saves a year after its running cost "
    f"-- \\$500K net justifies \\$50K -- but never more than the largest published AI premium "
    f"({pct(roi.DEFAULT_PREMIUM_CAP)} of your salary) and never so much that the employer would lose money by "
    "paying it."
)
section_parts(
    formula=formulas(roi.__doc__),
    conventions=[
        "Month 0 is go-live day: the one-time implementation cost falls there. Months 1 .. 12 × horizon each carry "
        "1/12 of the yearly savings times the adoption ramp, and 1/12 of the yearly running cost (licences and "
        "upkeep are paid in full from month 1, not ramped).",
        "Adoption ramp: linear, month m delivers min(m / R, 1) of the full savings (R = ramp months; 0 = full "
        "benefit from month 1).",
        f"Time saved is not cash saved: savings built from hours saved count only the recaptured "
        f"{pct(roi.DEFAULT_RECAPTURE)}; errors avoided and the margin on new revenue count in full. A total typed "
        "as \"annual savings\" is taken as cash savings.",
        "Chance of reaching production p: the implementation cost is spent either way; savings, running costs and "
        "the premium come only if the system reaches production, so they are weighted by p. Set 100% for a system "
        "already in production.",
        f"The premium: {pct(roi.DEFAULT_CAPTURE_SHARE)} of what the system saves a year net of its running cost at "
        "full adoption, after the risk adjustments; paid monthly from go-live while the system is in production, "
        "and only as far as the employer's NPV stays at or above 0 after paying it (none when the project does not "
        f"pay back); capped at {pct(roi.DEFAULT_PREMIUM_CAP)} of your salary. The project's NPV does not deduct the "
        "premium; the employer's NPV after paying it is shown beside it.",
        "The savings needed for a target premium satisfy both the rule and the employer's NPV after paying it; a "
        "target above the cap cannot be justified.",
        f"Discounting, payback and the risk adjustments ({pct(finance.DEFAULT_BENEFIT_RISK)} off benefits, "
        f"{pct(finance.DEFAULT_COST_RISK)} on costs): {conventions_link}. Amounts are in your currency; nothing "
        "is converted.",
    ],
    sources=[
        "The guidance: an implementation that saves an employer \\$500K a year justifies a \\$50K+ salary premium "
        f"(a {pct(roi.DEFAULT_CAPTURE_SHARE)} value-capture share).",
        "Chance of production: " + roi.SUCCESS_SOURCE,
        "Recapture: " + roi.RECAPTURE_SOURCE,
        "Premium cap: " + roi.PREMIUM_CAP_SOURCE,
        "For scale, productivity: consultants with GPT-4 were 25.1% faster on tasks inside the AI frontier "
        "(Dell'Acqua et al., HBS WP 24-013, 2023); customer-support agents resolved 14% more issues per hour "
        "(Brynjolfsson, Li & Raymond, QJE 2025).",
    ],
)
developer_block("upskill_roi/core/roi.py (cash flows, premium, inverse solver)", roi.__doc__)

# --- Ranges and uncertainty -----------------------------------------------------------------------
st.header("Ranges and uncertainty", anchor="ranges")
st.markdown(
    "One NPV hides how unsure its inputs are. In the *Ranges* view of the implementation page you give a low, a "
    "likely and a high value for the uncertain inputs; the app then simulates thousands of cases, each with its "
    "own combination, and reports a pessimistic (P10), a middle (P50) and an optimistic (P90) result and the chance "
    "that the NPV is positive. Whether the system reaches production is simulated too, as happening or not, so the "
    "pessimistic case may be one that never reaches production. A tornado chart moves one input at a time from its "
    "low to its high value to show which matters most. The business case and the stay-or-move comparison draw "
    "their ranges the same way."
)
section_parts(
    formula=formulas(uncertainty.__doc__),
    conventions=[
        "Each uncertain input follows a beta-PERT distribution (shape 4): smooth, bounded by low and high, and "
        "weighting the likely value more than a triangular distribution does. Mean = (low + 4 × likely + high) / 6; "
        "a range with low = high is a constant.",
        "Inputs are drawn independently: no correlations are assumed. The horizon and the go-live date are not drawn.",
        "The same ranges give the same figures every time, so a link that carries them reproduces the page exactly.",
        "The chance of a positive NPV is at most the chance of reaching production.",
        "P10 / P50 / P90 use linear interpolation. For payback, \"never\" counts as later than any month: a P90 "
        "payback of \"never\" means more than 10% of the cases never pay back within the horizon.",
        "Tornado: the NPV with one input at its low and then its high value, all others at their likely values; bars "
        "sorted by the swing |NPV(high) − NPV(low)|. Reaching production is one more bar: the NPV if it does not "
        "(low) and if it does (high).",
    ],
    sources=[
        "beta-PERT: the usual choice for expert estimates in project estimation (PERT).",
        "The default spreads: " + next(p.source for p in ROI_RANGE_INPUTS if p.key == "sav_lo"),
    ],
)
developer_block(
    "upskill_roi/core/uncertainty.py (beta-PERT, Monte Carlo, tornado)", uncertainty.__doc__,
    notes="All draws are evaluated at once as arrays (draws × months), with no Python loop over draws; NumPy's "
          "`default_rng(seed)` makes them reproducible. The same functions draw the business case's "
          "(`upskill_roi.core.business_case.simulate_options`) and the career paths' ranges "
          "(`upskill_roi.core.career`).",
)

# --- Upskilling -----------------------------------------------------------------------------------
st.header("How long will upskilling take, and does it pay?", anchor="upskilling")
st.markdown(
    "From the hours you can study each week the app works out when you reach your target and are competent, and "
    "then whether the study pays: the premium you can expect after that, with its chance, against what studying "
    "costs you (fees and your time), all in today's money. It also shows what waiting costs."
)
st.markdown(
    "In plain words: your weekly hours decide when you are competent; the premium comes after that with the chance "
    f"you give it -- a generic {pct(upskilling.GENERIC_PREMIUM_PROBABILITY)} until you have the "
    f"{upskilling.PROFILE_DOMAIN_YEARS:g} years in your domain the guidance asks for; your study hours cost your "
    "hourly pay and fees are paid out of taxed income. Waiting costs the premium you would have earned sooner and "
    "the job-loss risk that being competent sooner would have cut, in today's money."
)
section_parts(
    formula=formulas(upskilling.__doc__),
    conventions=[
        "Hours still to study = the target less what you have already done: your other relevant hours plus "
        f"{upskilling.IMPLEMENTATION_HOURS_PER_MONTH:.1f} h for each month of focused AI implementation (the "
        "guidance's six months = 260 h). Each planned week delivers your weekly hours × your consistency (the share "
        "of planned weeks you actually study); 0 effective hours a week means the target is never reached.",
        "A month is 52/12 = 4.333 weeks; dates move in whole days.",
        "Learning curve: exponential, because individual learners' curves fit an exponential better than the "
        "group-level power law; prior experience counts as hours already practised. Reaching the target is "
        f"reaching \"competent\" (proficiency {upskilling.COMPETENT:.2f}). The stages ("
        + ", ".join(f"{name.lower()} from {p:.2f}" for name, p in upskilling.STAGES)
        + ") are illustrative; only \"competent = the target\" is tied to your input.",
        f"The guidance's profile: {upskilling.PROFILE_DOMAIN_YEARS:g}+ years in the domain and "
        f"{upskilling.PROFILE_IMPLEMENTATION_MONTHS:g} months of focused AI implementation. Without the domain depth "
        f"the chance of the premium is the generic {pct(upskilling.GENERIC_PREMIUM_PROBABILITY)}; from then on the "
        "chance you entered.",
        "Every amount is before income tax, as pay and premiums are quoted. Fees are paid out of taxed income, so "
        f"they count as fees / (1 − your marginal tax rate). Study time is valued at your hourly pay (salary / "
        f"{finance.PAID_HOURS:,.0f} paid hours) times a share you choose (0 = time with no value elsewhere).",
        "Against not upskilling: the fees at the start, the study time as it is spent, the expected premium from "
        "competency plus the lag on (paid only while employed), and, with a displacement probability, the pay kept "
        "because the risk falls once you are competent ([what a job loss costs](#job-loss)).",
        "Cost of waiting k months = the NPV of starting now less the NPV of starting k months later, both in "
        "today's money. Its parts: the premium comes later, the job-loss risk starting now would have averted, and "
        "the costs paid later (which count in your favour). The head start of having started 6 months ago is valued "
        "today too. In weeks: the cost / your weekly pay (salary / 52).",
        f"Discounting and payback: {conventions_link}.",
    ],
    sources=[
        f"The guidance: {upskilling.RECOMMENDED_BAND[0]:g}–{upskilling.RECOMMENDED_BAND[1]:g} hours a week of "
        f"implementation-focused learning; the profile of {upskilling.PROFILE_DOMAIN_YEARS:g}+ years in the domain "
        f"and {upskilling.PROFILE_IMPLEMENTATION_MONTHS:g} months of focused implementation; a generic AI "
        f"certificate has near-zero value ({pct(upskilling.GENERIC_PREMIUM_PROBABILITY)} here, illustrative).",
        *(f"Target *{name}*: {source}" for name, (_, source) in upskilling.TARGET_PRESETS.items()),
        "Learning: Newell & Rosenbloom (1981), power law of practice; Heathcote, Brown & Mewhort (2000), individual "
        "curves fit an exponential better; Dreyfus stages (novice to expert).",
        "Tax rate: " + upskilling.TAX_SOURCE,
    ],
)
st.subheader("The action plan", anchor="action-plan")
st.markdown(
    "You choose the days you can study (one session on each, the weekly hours split equally; a session over 4 "
    "hours is flagged) and the time they start. Left on Automatic, the weekly hours are split into equal sessions "
    "of about 2 hours (at most 7 a week), on Tuesday, Thursday, Saturday, Monday, Wednesday, Sunday and Friday in "
    "that order; weekend sessions, and weekday sessions longer than 2.5 hours, start at 09:00, other weekday "
    "sessions at 19:00 (your local time). Sessions are listed in date order. They recur weekly from the "
    "start date until the competency date. Milestones fall when your practice hours reach 25%, 50% and 100% of the "
    "target at your effective pace (prior hours included); a 30-day checkpoint is added when it comes before "
    "competency, and the expected raise or role at competency plus the lag."
)
st.subheader("The certificate check", anchor="certificate-check")
st.markdown(
    upskilling.CERTIFICATE_CLAIM + " Step 3 of the career check-up puts numbers on it: each certificate is run "
    "through the same upskilling calculation with its own fees, hours and chance of the premium (and no prior "
    "hours), so you can compare their weeks, cost and payoff."
)
developer_block(
    "upskill_roi/core/upskilling.py and upskill_roi/core/plan.py", upskilling.__doc__, plan.__doc__,
    (upskilling.certificate_check.__doc__ or "").split("Examples")[0],
    notes="The action plan is pure data (`upskill_roi.core.plan`); `upskill_roi/documents/plan_files.py` writes it "
          "as Markdown and as an iCalendar file. The certificate check is "
          "`upskill_roi.core.upskilling.certificate_check`:",
)

# --- Stay or move? --------------------------------------------------------------------------------
st.header("Stay or move?", anchor="stay-or-move")
st.markdown(
    "Step 4 of the career check-up compares three paths over one horizon, as expected earnings in today's money: "
    "stay and upskill, move now to a role that combines your domain expertise with AI implementation, or stay "
    "without upskilling. Each path's pay is weighted by the chance that you lose your job along the way. Ranges "
    "show how often each path comes out best, and the app reports which input, moved alone, would flip the answer. "
    "Beside the result is the guidance's rule of thumb: in a high-risk role moving is sound; in a secure role "
    "upskilling in place often has the better return."
)
section_parts(
    formula=formulas(career.__doc__),
    conventions=[
        "*Stay and upskill*: keep the job, study, and from competency plus the lag earn the premium with its chance "
        f"(the generic {pct(upskilling.GENERIC_PREMIUM_PROBABILITY)} until you have "
        f"{upskilling.PROFILE_DOMAIN_YEARS:g} years in the domain); once competent your job-loss risk falls by the "
        "risk reduction you set.",
        "*Move now*: search for the weeks you set without pay (0 when you search while employed); with the chance "
        f"you set ({pct(career.MOVE_PROBABILITY)} by default, illustrative) the move lands, at the salary changed by "
        "the pay change you set and with that role's job-loss risk; otherwise you stay on today's terms after the "
        "search.",
        "*Stay without upskilling*: your salary, with today's job-loss risk.",
        f"The starting job-loss probability is your automatable share × {pct(career.FULL_EXPOSURE_RATE)} a year: an "
        "illustrative assumption, not a published figure (exposure is not a probability of losing a job); type your "
        "own estimate in step 4. The same probability drives the upskilling step's cost of waiting.",
        "Amounts fall at the end of each month and are discounted from when they fall; a partial month counts pro "
        f"rata. Pay, premiums and study costs are before income tax. More: {conventions_link}.",
        "Ranges: each case draws the job-loss probability, the premium (half to one and a half times), whether the "
        "premium comes and whether the move lands, the pay change, the search, the weeks out of work and the lasting "
        "loss; all paths use the same cases. A path \"wins\" a case when it is worth the most in it.",
        "What flips the answer: each input is moved alone across its whole range (201 points); the value nearest to "
        "yours at which another path wins is reported.",
    ],
    sources=[
        "The guidance: the three paths and the rule of thumb.",
        "The job-loss figures: see [what a job loss costs](#job-loss) below.",
        "The move's chance and the job-loss probability from the risk check are illustrative: no published figure "
        "fits; replace them with your own.",
    ],
)
st.subheader("What a job loss costs", anchor="job-loss")
st.markdown(
    "In plain words: losing a job is not a few weeks without pay and then the same pay for ever. Studies of "
    "workers displaced in mass layoffs find that they are out of work for weeks to months and then earn less for "
    "many years. The app counts a job loss once, the weeks without pay, and a lasting loss that fades slowly; each "
    "figure is an input with its source. The upskilling payoff and the stay-or-move paths both use it."
)
section_parts(
    formula=formulas(displacement.__doc__),
    conventions=[
        "A yearly probability q becomes a monthly one, and you lose your job *at most once* within the horizon "
        "(q = 100% means a job loss in the first month, not one every month). A job loss in a month happens at its "
        "start; the risk applies only while employed.",
        f"Time out of work: {displacement.WEEKS_OUT:g} weeks by default without pay, counted pro rata by month.",
        f"Lasting loss: back in work, pay is {pct(displacement.EARNINGS_LOSS)} lower than it would have been, a gap "
        f"that halves every {displacement.HALF_LIFE_YEARS:g} years (so about 15% six years on). Over 20 years at 5% "
        "these defaults lose about 1.95 years of pay in today's money, within the range the studies find.",
        "The loss applies to the pay the path would have paid that month: a premium already earned is kept, "
        "reduced like the rest of the pay.",
    ],
    sources=[
        "Time out of work: median duration of unemployment 10.5 weeks, mean 23.8 weeks (BLS Current Population "
        "Survey, table E-18, Q4 2024, not seasonally adjusted): a long right tail.",
        displacement.STUDIES,
    ],
)
developer_block(
    "upskill_roi/core/career.py and upskill_roi/core/displacement.py", career.__doc__, displacement.__doc__,
    notes="All paths are evaluated on the same draws, vectorised and seeded; "
          "`upskill_roi.core.career.flip_points` with a target gives the inputs that would make the rule of thumb's "
          "path win.",
)

# --- The manager's business case ------------------------------------------------------------------
st.header("The manager's business case", anchor="business-case")
st.markdown(
    "Six ways a manager can respond to an AI system that could take over part of a team's work, each costed as "
    "cash flows against doing nothing: upskill some of the team, upskill and let attrition shrink the team, hire a "
    "specialist, reduce roles, redeploy people instead of cutting, or do nothing."
)
st.markdown(
    "In plain words: every option that uses AI pays for the same system and shares its chance of never reaching "
    f"production. Time an AI frees is worth {pct(roi.DEFAULT_RECAPTURE)} of its cost unless people leave; people "
    "who leave save their pay only for work the system really takes over, and the rest must be covered. Training "
    "takes the trainees' paid time at the pace you set, and nothing is gained before it is done. The page shows "
    "each option's risk-adjusted NPV with what makes it up, so a CFO can check every line."
)
section_parts(
    formula=formulas(business_case.__doc__),
    conventions=[
        "The work at stake: the system could take over a share s of the team's time once in production and adopted. "
        "The part an option realises is its capture k (upskilled people who know the domain, a specialist, or the "
        "system alone), and adoption ramps up linearly after the production month.",
        f"Time saved is not cash saved: freed time that stays in the team is worth {pct(roi.DEFAULT_RECAPTURE)} of "
        "its cost. Cash is saved only when people leave, and only for work the system absorbs; the rest is lost "
        "output, overtime or contractors, costed at the cover factor.",
        "The chance of reaching production is known at the production month: what is spent before it is spent either "
        "way (system cost, training, recruiting, the specialist's salary until then); everything after it counts "
        "with that chance. It is the same system, so it is the same chance for every option.",
        "*Upskill*: fees and training hours at the weekly pace, costed at the loaded hourly cost (yearly loaded cost "
        f"/ {finance.PRODUCTIVE_HOURS:,.0f} productive hours); the trainees build the system as they train, so it "
        "is in production when both the training and the build are done; then their premium, the time they spend "
        "running the AI work, and the value of the freed time.",
        "*Upskill + attrition*: as Upskill, and people who leave are not replaced as long as the system absorbs "
        "their work: their pay is saved.",
        "*Hire a specialist*: recruiting and the loaded cost from the hire month; the specialist builds the system "
        "after joining.",
        "*Reduce roles*: the system alone builds and runs; the roles go in step with adoption (severance paid as "
        "they go, their pay saved from then on); work beyond what the system absorbs is covered at the cover "
        "factor; the remaining team loses output (knowledge loss).",
        "*Redeploy instead of cutting*: as Reduce roles, but the people move to other work after retraining; their "
        "new work is worth a share of their cost (no severance, no knowledge loss).",
        "*Do nothing*: the baseline, 0 in every month: NPV 0; ROI and payback do not apply.",
        f"Risk adjustment: every benefit × (1 − {pct(finance.DEFAULT_BENEFIT_RISK)}), every cost × (1 + "
        f"{pct(finance.DEFAULT_COST_RISK)}) by default, the same for every option. Ranges draw the drivers and "
        "whether the system reaches production; all options use the same cases. More: " + conventions_link + ".",
    ],
    sources=[
        f"The guidance: {upskilling.RECOMMENDED_BAND[0]:g}–{upskilling.RECOMMENDED_BAND[1]:g} hours a week of "
        "implementation-focused learning.",
        "Recapture: " + roi.RECAPTURE_SOURCE,
        "Risk adjustment: " + finance.RISK_ADJUSTMENT_SOURCE,
        "Chance of production: " + roi.SUCCESS_SOURCE,
        f"{finance.PRODUCTIVE_HOURS:,.0f} productive hours a year ({finance.PAID_HOURS:,.0f} paid hours less leave "
        "and holidays): an assumption.",
    ],
)
st.subheader("Your own figures (TEI table)", anchor="tei-table")
st.markdown(
    "The business case page also takes your own figures in the layout of a Forrester Total Economic Impact (TEI) "
    "study: benefit and cost line items with an amount for Initial (t = 0, not discounted) and each year, at the "
    "end of the year. Years beyond the horizon repeat the last year shown. Each period's items are summed and "
    "risk-adjusted as below; the table then reports the present values, the NPV, the ROI = NPV / PV(costs), the "
    "payback and the IRR of the net row at the page's discount rate. " + tei.SOURCE
)
tei_rules = re.findall(r"``((?:benefits|costs)_t = [^`]+)``", finance.tei_table.__doc__ or "")
assert len(tei_rules) == 2, "upskill_roi.core.finance.tei_table states its two risk adjustments"
st.markdown("```\n" + "\n".join(tei_rules) + "\n```")
developer_block("upskill_roi/core/business_case.py and the TEI table", business_case.__doc__,
                "The TEI table (`upskill_roi.core.finance.tei_table`): "
                + text.docstring_markdown((finance.tei_table.__doc__ or "").split("Parameters")[0]))

# --- Conventions used everywhere ------------------------------------------------------------------
st.header("Conventions used everywhere", anchor="conventions")
st.markdown(
    "In plain words: every amount is discounted from the month it falls in at your yearly rate, so a figure shown "
    "beside an NPV (a cost of waiting, a head start, the premium's cost) is in today's money too; payback is when "
    "the running total is back above zero for good; benefits are cut and costs raised by "
    f"{pct(finance.DEFAULT_BENEFIT_RISK)} each for the uncertainty of the estimates unless you change it; and a "
    "project that may never reach production counts its benefits only with that chance."
)
section_parts(
    formula=formulas(finance.__doc__),
    conventions=[
        "**Time.** Monthly calculations put each month's amount at the *end* of the month; month 0 is the first day "
        "(one-time costs). A yearly TEI table puts \"Initial\" at t = 0 and \"Year k\" at the end of year k, as "
        "Forrester TEI studies do. A month is 52/12 = 4.333 weeks.",
        "**Discounting: one rule.** Every amount is discounted from the moment it falls at the yearly rate r: "
        "(1 + r)^(-t), t in years. The amount at t = 0 is not discounted (unlike Excel's `NPV()`, which discounts "
        "its first value by one period). Amounts before t = 0 are compounded forward by the same rule. Every figure "
        "shown beside an NPV is a present value by this rule, or is labelled undiscounted.",
        "**Rates** are yearly; the IRR is reported as a yearly rate whatever the period of the flows.",
        "**Payback** is the time after which the running total of the *undiscounted* net flows stays at or above 0 "
        "to the end; within a period the flow is taken to arrive evenly. A case that recovers and then falls back "
        "below 0 has not paid back.",
        f"**Risk adjustment (TEI).** Benefits × (1 − benefit risk) and costs × (1 + cost risk), separately; "
        f"{pct(finance.DEFAULT_BENEFIT_RISK)} each by default on every page (the low end of the 10–20% TEI studies "
        "use).",
        "**A chance of success.** A project that may never reach production is valued at its expected flows: what "
        "is spent before production is spent either way; every flow after it is weighted by the chance that "
        "production is reached. Ranges draw the outcome itself (reached or not) in each case.",
        f"**Hours.** An employer's cost per hour = yearly loaded cost / {finance.PRODUCTIVE_HOURS:,.0f} productive "
        f"hours; a person's hourly pay = salary / {finance.PAID_HOURS:,.0f} paid hours.",
        "**Signs.** Money paid out is negative and money received positive, except in the TEI table, whose cost "
        "rows are positive amounts that are subtracted.",
    ],
    sources=[
        "Forrester Total Economic Impact (TEI) conventions: Initial (t = 0, not discounted), Year 1..3, discount "
        "rate 10% (organisations typically use 8–16%), ROI = NPV / PV(costs), benefits and costs risk-adjusted "
        "separately. TEI studies are vendor-commissioned composites: e.g. Microsoft 365 Copilot TEI (Apr 2024, "
        "projected) ROI 112%–457%.",
        "Risk adjustment: " + finance.RISK_ADJUSTMENT_SOURCE,
        f"{finance.PAID_HOURS:,.0f} paid hours a year (52 × 40): the factor BLS OEWS uses between hourly and annual "
        "wages.",
    ],
)
developer_block(
    "upskill_roi/core/finance.py (array shapes, numpy-financial equivalence)", finance.__doc__,
    notes="Cash flows may be 1-D (one case) or N-D with periods on the last axis (e.g. Monte Carlo draws × "
          "periods); `rate` broadcasts against the leading axes. `npv(r, monthly, per_year=12)` equals "
          "numpy-financial's `npv` at the monthly rate (1 + r)^(1/12) − 1; for a yearly table it is "
          "numpy-financial's `npv` at r.",
)

# --- Inputs and their sources ---------------------------------------------------------------------
st.header("Inputs and their sources", anchor="inputs")
st.markdown(
    "Every input of every page: its unit, its default, where the default comes from, the values a page accepts, "
    "and the short name it has in a share link (*URL key*). Amounts are in the currency chosen in the sidebar "
    "(relabelled, not converted). Search the table with its toolbar, or download it."
)
rows = [row for page, params in METHODOLOGY for row in methodology_rows(params, page, cur)]
table = pd.DataFrame(rows)
st.dataframe(
    table, hide_index=True, width="stretch", height=560,
    column_config={"Source of the default": st.column_config.TextColumn(width="large")},
)
st.download_button(
    "Download the inputs table (CSV)", downloads.table_csv(table), file_name="inputs-and-sources.csv",
    mime="text/csv", icon=":material/download:",
)
st.subheader("Example personas", anchor="personas")
st.markdown("Illustrative people from the guidance, one coherent scenario each. Salaries are BLS OEWS May 2024 "
            "medians of the persona's occupation unless the source says otherwise.")
st.dataframe(pd.DataFrame([{"Persona": p.name, "Occupation": p.inputs["occ"], **{f"Source: {k}": v
                                                                                 for k, v in p.sources.items()}}
                           for p in personas.load_personas()]), hide_index=True, width="stretch")
developer_block(
    "scenario files, link formats and comparisons", scenario.__doc__, activities.__doc__, tei.__doc__,
    compare.__doc__,
    notes="Inputs are declared once, with their defaults, ranges and sources, in `upskill_roi/inputs/declared.py` "
          "(`upskill_roi.inputs.param.Param`); `upskill_roi.inputs.param.methodology_rows` builds the table above. "
          "The personas are in `upskill_roi/data/personas.json`.",
)

# --- Data sources and licences --------------------------------------------------------------------
st.header("Data sources and licences", anchor="data-sources")
st.markdown(
    "The occupation data (847 occupations, 19,241 task statements) ship with the app; the app never fetches data "
    "from the network."
)
st.markdown(ATTRIBUTION.read_text(encoding="utf-8").split("\n", 1)[1])
developer_block(
    "how the data are derived",
    notes="The files are in `upskill_roi/data/`; `scripts/derive_data.py` re-derives them from the copies of the "
          "published sources in `data_sources/`, and `PROVENANCE.md` lists every source, licence and "
          "transformation.",
)
st.caption("Illustrative estimates only — not financial, legal or career advice.")
