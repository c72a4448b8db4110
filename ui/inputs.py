"""The declared inputs of every page (one :class:`~ui.params.Param` each).

Sources of defaults refer to ``EVIDENCE.md`` of the project's shared evidence file and are
repeated in each input's tooltip and on the methodology page. "Illustrative" means no
published benchmark fits: replace it with your own figure.
"""

from __future__ import annotations

import datetime as dt

from calc.risk import load_occupations
from calc.business_case import TeamInputs
from calc.roi import ImplementationInputs, SavingsDrivers
from calc.uncertainty import Range
from calc.career import CareerInputs, displacement_from_share, FULL_EXPOSURE_RATE
from calc.upskilling import CERTIFICATE_CLAIM, CERTIFICATES, TARGET_PRESETS, UpskillingInputs
from ui.fmt import CURRENCIES
from ui.params import Param, to_model

GUIDANCE = "Guidance this app is built on (early 2026): an implementation saving $500K a year justifies a $50K+ premium"

# --- The shared frame (sidebar, every page) -----------------------------------------------
CURRENCY = Param(
    "cur", "Currency", "ISO 4217 code", "USD", "choice", "select",
    help="How amounts are written. The model is currency-neutral: switching the currency relabels "
    "amounts, it does not convert them.",
    source="Display choice; USD because the published figures used as defaults are in USD.",
    group="Display", options=CURRENCIES,
)
FRAME_INPUTS: tuple[Param, ...] = (CURRENCY,)

# --- Inputs shared by several pages (one declaration, one URL key) -------------------------
SALARY = Param(
    "salary", "Your current salary", "{cur}/yr", 101_190.0, "money", "number", min=0, max=10_000_000, step=1_000,
    help="Your pay today: for the premium as a share of it, and for weekly pay in the cost of waiting.",
    source="BLS OEWS May 2024 median annual wage, Management Analysts (13-1111): $101,190.", group="Premium",
)

# --- ROI page ------------------------------------------------------------------------------
SAVINGS, COSTS, ASSUMPTIONS, PREMIUM = "Savings", "Costs", "Assumptions", "Premium"

ROI_INPUTS: tuple[Param, ...] = (
    Param("mode", "Enter savings as", "", "Total", "choice", "segmented",
          help="Total: one annual figure. Drivers: built from hours saved, errors avoided and revenue.",
          source="—", group=SAVINGS, options=("Total", "Drivers")),
    Param("savings", "Annual savings", "{cur}/yr", 500_000.0, "money", "number", min=0, max=100_000_000, step=10_000,
          help="Gross savings per year once the system is fully adopted, before any risk adjustment.",
          source=GUIDANCE + " ($500K/yr).", group=SAVINGS),
    Param("hours", "Hours saved per person", "h/week", 4.0, "number", "number", min=0, max=40, step=0.5, fmt="%.1f",
          help="Hours each affected person saves in an average working week.",
          source="Illustrative: 10% of a 40-hour week. For scale: consultants using GPT-4 finished tasks inside "
          "the AI frontier 25.1% faster (Dell'Acqua et al., HBS WP 24-013, 2023).", group=SAVINGS),
    Param("people", "People affected", "FTE", 40.0, "number", "number", min=0, max=1_000_000, step=1, fmt="%.1f",
          help="People whose work the system speeds up, in full-time equivalents (part-timers count in part).", source="Illustrative: one department.", group=SAVINGS),
    Param("hourly", "Loaded hourly cost", "{cur}/h", 60.0, "money", "number", min=0, max=5_000, step=5, fmt="%.2f",
          help="Wage plus benefits and overhead for one hour of their time.",
          source="Illustrative: BLS OEWS May 2024 median wage of Management Analysts (13-1111) is $48.65/h, "
          "plus benefits.", group=SAVINGS),
    Param("weeks", "Working weeks per year", "weeks/yr", 48.0, "number", "number", min=1, max=52, step=1,
          help="Weeks in which the hours are actually saved.",
          source="Assumption: 52 weeks less about 4 weeks of leave and public holidays.", group=SAVINGS),
    Param("errors", "Errors avoided", "errors/yr", 0.0, "number", "number", min=0, max=10_000_000, step=10,
          help="Errors, rework items or incidents avoided per year.", source="Illustrative: none unless you enter them.",
          group=SAVINGS),
    Param("error_cost", "Cost per error", "{cur}/error", 0.0, "money", "number", min=0, max=10_000_000, step=50,
          help="What one error costs to find and fix, including its consequences.",
          source="Illustrative: none unless you enter them.", group=SAVINGS),
    Param("revenue", "Revenue uplift", "{cur}/yr", 0.0, "money", "number", min=0, max=1_000_000_000, step=10_000,
          help="Extra revenue per year the system makes possible.", source="Illustrative: none unless you enter it.",
          group=SAVINGS),
    Param("margin", "Margin on that revenue", "%", 20.0, "percent", "slider", min=0, max=100, step=1, scale=0.01,
          fmt="%d%%", help="Only the margin on extra revenue counts as a saving.",
          source="Illustrative.", group=SAVINGS),
    Param("impl", "One-time implementation cost", "{cur}", 100_000.0, "money", "number", min=0, max=100_000_000,
          step=5_000, help="Build, integration, data work and training, paid at go-live (month 0, not discounted).",
          source="Illustrative: replace with your quote.", group=COSTS),
    Param("running", "Annual running cost", "{cur}/yr", 50_000.0, "money", "number", min=0, max=100_000_000,
          step=1_000, help="Licences, compute and maintenance, paid monthly from month 1.",
          source="Illustrative. For scale: a Copilot-style licence at $30/user/month is $360/user/yr.", group=COSTS),
    Param("golive", "Go-live date (optional)", "", None, "date", "date", min=dt.date(2000, 1, 1),
          max=dt.date(2100, 12, 31),
          help="Set it to see the payback as a calendar date. Left empty, the page shows months only, so "
          "a shared link shows the same page on any day.", source="Not set by default.", group=ASSUMPTIONS),
    Param("ramp", "Adoption ramp", "months", 3, "int", "slider", min=0, max=24, step=1,
          help="Months until the full benefit; the benefit grows linearly until then (0 = full from month 1).",
          source="Illustrative.", group=ASSUMPTIONS),
    Param("horizon", "Horizon", "years", 3, "int", "slider", min=1, max=10, step=1,
          help="Years over which the case is evaluated.",
          source="Forrester Total Economic Impact (TEI) studies use 3 years.", group=ASSUMPTIONS),
    Param("rate", "Discount rate", "%/yr", 10.0, "percent", "slider", min=0, max=30, step=0.5, scale=0.01,
          fmt="%.1f%%", help="Annual rate used to discount future cash flows (the cost of capital).",
          source="Forrester TEI default 10%; organisations typically use 8-16%.", group=ASSUMPTIONS),
    Param("brisk", "Benefit risk adjustment", "%", 0.0, "percent", "slider", min=0, max=90, step=1, scale=0.01,
          fmt="%d%%", help="Haircut on every benefit for the uncertainty of the estimate.",
          source="TEI-style; TEI studies often use 10-20%. Default 0 so the guidance's headline holds.",
          group=ASSUMPTIONS),
    Param("crisk", "Cost risk adjustment", "%", 0.0, "percent", "slider", min=0, max=100, step=1, scale=0.01,
          fmt="%d%%", help="Uplift on every cost for the uncertainty of the estimate.",
          source="TEI-style; TEI studies often use 10-20%. Default 0.", group=ASSUMPTIONS),
    Param("share", "Value-capture share", "%", 10.0, "percent", "slider", min=0, max=50, step=1, scale=0.01,
          fmt="%d%%", help="Share of the annual savings you argue for as your salary premium.",
          source=GUIDANCE + ": $50K / $500K = 10%.", group=PREMIUM),
    SALARY,
    Param("target", "Premium you want to justify", "{cur}/yr", 50_000.0, "money", "number", min=0,
          max=10_000_000, step=1_000, help="The inverse solver finds the annual savings this premium needs.",
          source=GUIDANCE + " ($50K+).", group=PREMIUM),
)

# --- Upskilling page ----------------------------------------------------------------------
PLAN, PAYOFF, WAITING = "Plan", "Payoff", "Waiting"
GOALS: dict[str, str] = {  # option label -> preset name in calc.upskilling.TARGET_PRESETS
    "Narrow skill (20 h)": "A narrow skill (20 h)",
    "Certificate (240 h)": "Professional certificate (240 h)",
    "Six months (260 h)": "Six months of focused implementation (260 h)",
    "Specialist (600 h)": "Specialist level (600 h)",
}
CUSTOM_GOAL = "Custom"

UPSKILL_INPUTS: tuple[Param, ...] = (
    Param("weekly", "Study hours per week", "h/week", 10.0, "number", "slider", min=0, max=40, step=0.5,
          fmt="%.1f", help="Hours of structured, implementation-focused learning you plan each week. "
          "The guidance recommends 6-12.",
          source="The guidance: 6-12 hours a week; about 10 h/week for six months of focused implementation.",
          group=PLAN),
    Param("goal", "Target", "", "Six months (260 h)", "choice", "select",
          options=(*GOALS, CUSTOM_GOAL),
          help="How many practice hours make you competent at your goal. Presets carry their sources; "
          "choose Custom to type your own.",
          source="Presets: Kaufman (20 h); Google Career Certificates (about 180-240 h); the guidance "
          "(26 weeks x 10 h = 260 h); FSI (600-750 h).", group=PLAN),
    Param("target_h", "Custom target", "h", 260.0, "number", "number", min=1, max=10_000, step=10,
          help="Used when the target is Custom.", source="The guidance's 260 h until you change it.", group=PLAN),
    Param("prior", "Relevant hours already done", "h", 0.0, "number", "number", min=0, max=10_000, step=10,
          help="Practice you have already put in that counts towards the target (courses, projects).",
          source="None credited by default.", group=PLAN),
    Param("consistency", "Consistency", "%", 100.0, "percent", "slider", min=10, max=100, step=5, scale=0.01,
          fmt="%d%%", help="Share of planned weeks you actually study (holidays, busy weeks).",
          source="100% by default (the issue's plain case); lower it to be realistic.", group=PLAN),
    Param("start", "Start date", "", "today", "date", "date", min=dt.date(2000, 1, 1), max=dt.date(2100, 12, 31),
          help="The day the plan starts. Share links always carry it, so a link shows the same dates later.",
          source="Today, when the link does not say.", group=PLAN),
    Param("premium", "Salary premium once competent", "{cur}/yr", 50_000.0, "money", "number", min=0,
          max=100_000_000, step=1_000, help="The raise or the higher pay of the new role. Carried in from the "
          "Implementation value page when you come from there.",
          source=GUIDANCE + " ($50K+).", group=PAYOFF),
    Param("prob", "Probability of getting it", "%", 50.0, "percent", "slider", min=0, max=100, step=5,
          scale=0.01, fmt="%d%%", help="Your honest chance of turning the skill into that premium.",
          source="Illustrative: an even chance. Replace with your own estimate.", group=PAYOFF),
    Param("lag", "Months from competency to the raise or role", "months", 3.0, "number", "slider", min=0, max=24,
          step=0.5, fmt="%.1f", help="Time to land the role or negotiate the raise once competent.",
          source="Illustrative. For scale: the median spell of unemployment was 10.5 weeks (BLS CPS, Q4 2024).",
          group=PAYOFF),
    SALARY,
    Param("fees", "Course fees", "{cur}", 500.0, "money", "number", min=0, max=1_000_000, step=50,
          help="Courses, certificates, books and tools, paid at the start.",
          source="Illustrative: replace with your courses' prices.", group=PAYOFF),
    Param("hour_value", "Value of an hour of your time", "{cur}/h", 0.0, "money", "number", min=0, max=5_000,
          step=5, fmt="%.2f", help="Counts study time as a cost at this rate. 0 = study time not counted.",
          source="Not counted by default (study in your own time).", group=PAYOFF),
    Param("years", "Horizon", "years", 5, "int", "slider", min=1, max=10, step=1,
          help="Years, from today, over which the payoff is counted.",
          source="Illustrative: 5 years.", group=PAYOFF),
    Param("disc", "Personal discount rate", "%/yr", 10.0, "percent", "slider", min=0, max=30, step=0.5, scale=0.01,
          fmt="%.1f%%", help="How much less a euro or dollar next year is worth to you than one today.",
          source="Same 10% as the business case (Forrester TEI default).", group=PAYOFF),
    Param("wait", "Delay to price", "months", 6, "int", "slider", min=1, max=24, step=1,
          help="What does starting this many months later cost?",
          source="The guidance: those who moved six months ago are ahead of those who wait.", group=WAITING),
    Param("displaced", "Chance of being displaced during the wait", "%", 0.0, "percent", "slider", min=0, max=100,
          step=1, scale=0.01, fmt="%d%%",
          help="Optional layoff-risk term: assumes being upskilled would have avoided that spell.",
          source="0 (left out) by default: a personal estimate.", group=WAITING),
    Param("out_weeks", "Weeks out of work if displaced", "weeks", 10.5, "number", "number", min=0, max=104,
          step=0.5, fmt="%.1f", help="Expected length of the spell without work.",
          source="BLS Current Population Survey, table E-18, Q4 2024: median duration of unemployment 10.5 weeks "
          "(mean 23.8).", group=WAITING),
)


def build_upskilling_inputs(values: dict, today: dt.date) -> UpskillingInputs:
    """Widget values of the upskilling page -> calc inputs (``today`` fills an unset start)."""
    m = to_model(UPSKILL_INPUTS, values)
    target = m["target_h"] if m["goal"] == CUSTOM_GOAL else TARGET_PRESETS[GOALS[m["goal"]]][0]
    return UpskillingInputs(
        weekly_hours=m["weekly"], target_hours=target, prior_hours=m["prior"], consistency=m["consistency"],
        start=m["start"] or today, course_fees=m["fees"], hourly_value=m["hour_value"], premium=m["premium"],
        probability=m["prob"], lag_months=m["lag"], salary=m["salary"], horizon_years=m["years"],
        discount_rate=m["disc"], wait_months=m["wait"], displacement_probability=m["displaced"],
        weeks_out_of_work=m["out_weeks"],
    )


# --- Risk page ----------------------------------------------------------------------------
def _occupation_options() -> tuple[str, ...]:
    occ = load_occupations()
    return tuple(f"{code} {title}" for code, title in zip(occ["soc_code"], occ["title"]))


OCCUPATION = Param(
    "occ", "Your occupation", "", "13-1111 Management Analysts", "choice", "select", options=_occupation_options(),
    help="Type part of the title or the SOC code. 847 US occupations (2018 SOC) with published exposure measures "
    "and BLS wages.",
    source="Management Analysts, the occupation behind the other pages' salary default.", group="Occupation",
)
RISK_INPUTS: tuple[Param, ...] = (
    OCCUPATION,
    Param("unit", "Time given as", "", "h/week", "choice", "segmented", options=("h/week", "%"),
          help="Hours a week, or percentages of your working time (which should add up to 100).",
          source="—", group="Activities"),
    Param("thr", "Risk threshold", "%", 60.0, "percent", "slider", min=30, max=90, step=1, scale=0.01, fmt="%d%%",
          help="Your role counts as at risk when MORE than this share of your time is work an AI agent could do. "
          "A heuristic, not a law.",
          source="The guidance's rule of thumb: more than 60%. For comparison, OECD (Nedelkoska & Quintini 2018): "
          "> 70% highly automatable, 50-70% significant change.", group="Activities"),
)


def soc_of(label: str) -> str:
    """The SOC code at the start of an occupation option label ("15-1251 Computer Programmers")."""
    return label.split(" ", 1)[0]


# --- Ranges on the ROI page ------------------------------------------------------------------
RANGES = "Ranges"
_SPREAD_SOURCE = ("Illustrative spread around your likely value; replace it with your own low and high. For scale: "
                  "Forrester TEI studies haircut benefits and pad costs by 10-20%.")
ROI_RANGE_INPUTS: tuple[Param, ...] = (
    Param("view", "Show", "", "Point estimate", "choice", "segmented", options=("Point estimate", "Ranges"),
          help="Ranges: a Monte Carlo over low / likely / high values (beta-PERT), with P10-P90 bands and a tornado.",
          source="—", group=RANGES),
    Param("sav_lo", "Savings: low", "% below likely", 40.0, "percent", "slider", min=0, max=90, step=5, scale=0.01, fmt="%d%%",
          help="How far below your likely savings the pessimistic case lies.", source=_SPREAD_SOURCE, group=RANGES),
    Param("sav_hi", "Savings: high", "% above likely", 30.0, "percent", "slider", min=0, max=300, step=5,
          scale=0.01, fmt="%d%%", help="How far above your likely savings the optimistic case lies.", source=_SPREAD_SOURCE,
          group=RANGES),
    Param("impl_lo", "Implementation cost: low", "% below likely", 10.0, "percent", "slider", min=0, max=90,
          step=5, scale=0.01, fmt="%d%%", help="The best case for the one-time cost.", source=_SPREAD_SOURCE, group=RANGES),
    Param("impl_hi", "Implementation cost: high", "% above likely", 100.0, "percent", "slider", min=0, max=300,
          step=5, scale=0.01, fmt="%d%%", help="The worst case: IT projects often overrun.", source=_SPREAD_SOURCE,
          group=RANGES),
    Param("run_lo", "Running cost: low", "% below likely", 20.0, "percent", "slider", min=0, max=90, step=5,
          scale=0.01, fmt="%d%%", help="The best case for licences and upkeep.", source=_SPREAD_SOURCE, group=RANGES),
    Param("run_hi", "Running cost: high", "% above likely", 50.0, "percent", "slider", min=0, max=300, step=5,
          scale=0.01, fmt="%d%%", help="The worst case for licences and upkeep.", source=_SPREAD_SOURCE, group=RANGES),
    Param("ramp_hi", "Adoption ramp: high", "months more", 6, "int", "slider", min=0, max=24, step=1,
          help="How many months longer adoption could take than your likely ramp.", source=_SPREAD_SOURCE,
          group=RANGES),
    Param("seed", "Random seed", "1-99", 1, "int", "slider", min=1, max=99, step=1,
          help="Fixes the random draws, so the same link shows the same ranges. Change it to see how stable "
          "the figures are.", source="Any value; the link carries it.", group=RANGES),
)
RANGE_DRAWS = 20_000
"""Monte Carlo draws on the page (the ranges move by well under 1% between seeds at this size)."""


def build_roi_ranges(values: dict, inputs: ImplementationInputs) -> dict[str, Range]:
    """The page's spreads (in % of the likely values) -> calc ranges around ``inputs``."""
    m = to_model(ROI_RANGE_INPUTS, values)
    return {
        "annual_savings": Range(inputs.annual_savings * (1 - m["sav_lo"]), inputs.annual_savings,
                                inputs.annual_savings * (1 + m["sav_hi"])),
        "implementation_cost": Range(inputs.implementation_cost * (1 - m["impl_lo"]), inputs.implementation_cost,
                                     inputs.implementation_cost * (1 + m["impl_hi"])),
        "running_cost": Range(inputs.running_cost * (1 - m["run_lo"]), inputs.running_cost,
                              inputs.running_cost * (1 + m["run_hi"])),
        "ramp_months": Range(inputs.ramp_months, inputs.ramp_months, inputs.ramp_months + m["ramp_hi"]),
    }


# --- Business case page ----------------------------------------------------------------------
TEAM, UPSKILL_OPT, HIRE_OPT, REDUCE_OPT = "Team", "Upskill", "Hire", "Reduce"
TEI_GROUP = "Your own figures (TEI table)"
_ILL = "Illustrative: replace with your figures."
CASE_INPUTS: tuple[Param, ...] = (
    Param("team", "Team size", "persons", 10.0, "number", "number", min=1, max=100_000, step=1, fmt="%.0f",
          help="People in the team whose work AI could change.", source=_ILL, group=TEAM),
    Param("ai_share", "Share of the team's time AI could take over", "%", 30.0, "percent", "slider", min=0, max=100,
          step=1, scale=0.01, fmt="%d%%", help="From the risk check (your automatable share) or your own estimate.",
          source="Illustrative. For scale: about 19% of US workers have at least half of their tasks exposed "
          "(Eloundou et al. 2024).", group=TEAM),
    Param("loaded", "Loaded cost per person", "{cur}/yr", 120_000.0, "money", "number", min=0, max=10_000_000,
          step=1_000, help="Salary plus benefits and overhead.", source=_ILL, group=TEAM),
    Param("case_years", "Horizon", "years", 3, "int", "slider", min=1, max=10, step=1,
          help="Years over which the options are compared.", source="Forrester TEI studies use 3 years.", group=TEAM),
    Param("case_rate", "Discount rate", "%/yr", 10.0, "percent", "slider", min=0, max=30, step=0.5, scale=0.01,
          fmt="%.1f%%", help="The organisation's cost of capital.", source="Forrester TEI default 10%.", group=TEAM),
    Param("k", "People to upskill", "persons", 2.0, "number", "number", min=0, max=100_000, step=1, fmt="%.0f",
          help="Team members trained to implement AI.", source=_ILL, group=UPSKILL_OPT),
    Param("t_fees", "Training fees per person", "{cur}", 2_000.0, "money", "number", min=0, max=1_000_000, step=100,
          help="Courses and certificates.", source=_ILL, group=UPSKILL_OPT),
    Param("train_h", "Training hours per person", "h", 260.0, "number", "number", min=0, max=5_000, step=10,
          fmt="%.0f", help="Valued at the loaded cost / 1,800 productive hours.",
          source="The guidance: about six months at ~10 h/week = 260 h.", group=UPSKILL_OPT),
    Param("u_premium", "Premium per upskilled person", "{cur}/yr", 10_000.0, "money", "number", min=0,
          max=10_000_000, step=1_000, help="Raise paid to those who deliver.", source=_ILL, group=UPSKILL_OPT),
    Param("u_capture", "Share of the value they realise", "%", 60.0, "percent", "slider", min=0, max=100, step=5,
          scale=0.01, fmt="%d%%", help="How much of the time AI could take over the upskilled team turns into savings.",
          source=_ILL, group=UPSKILL_OPT),
    Param("u_ramp", "Ramp", "months", 6.0, "number", "slider", min=0, max=36, step=1, fmt="%.0f",
          help="Months until the full benefit.", source=_ILL, group=UPSKILL_OPT),
    Param("h_salary", "Specialist salary (premium included)", "{cur}/yr", 160_000.0, "money", "number", min=0,
          max=10_000_000, step=1_000, help="Cost of the external hire.", source=_ILL, group=HIRE_OPT),
    Param("h_recruit", "Recruiting cost", "{cur}", 30_000.0, "money", "number", min=0, max=10_000_000, step=1_000,
          help="Agency fees and interviews.", source=_ILL, group=HIRE_OPT),
    Param("h_delay", "Time to hire", "months", 4.0, "number", "slider", min=0, max=24, step=1, fmt="%.0f",
          help="Months until the specialist starts.", source=_ILL, group=HIRE_OPT),
    Param("h_ramp", "Ramp after joining", "months", 3.0, "number", "slider", min=0, max=24, step=1, fmt="%.0f",
          help="Months to full benefit once started.", source=_ILL, group=HIRE_OPT),
    Param("h_capture", "Share of the value the specialist realises", "%", 60.0, "percent", "slider", min=0, max=100,
          step=5, scale=0.01, fmt="%d%%", help="Without domain depth this may be lower.", source=_ILL,
          group=HIRE_OPT),
    Param("r", "Roles to cut", "persons", 2.0, "number", "number", min=0, max=100_000, step=1, fmt="%.0f",
          help="Positions removed.", source=_ILL, group=REDUCE_OPT),
    Param("severance", "Severance", "months of pay", 6.0, "number", "slider", min=0, max=36, step=1, fmt="%.0f",
          help="Paid once per role cut.", source=_ILL, group=REDUCE_OPT),
    Param("k_loss", "Knowledge loss", "% of the remaining team's cost a year", 5.0, "percent", "slider", min=0,
          max=50, step=1, scale=0.01, fmt="%d%%", help="Output lost when experience leaves.", source=_ILL,
          group=REDUCE_OPT),
    Param("rehire", "Rehiring or contractor cost", "{cur}/yr", 0.0, "money", "number", min=0, max=10_000_000,
          step=1_000, help="Paid each year to cover gaps.", source=_ILL, group=REDUCE_OPT),
    Param("ai_lo", "AI share: low", "% points below", 10.0, "percent", "slider", min=0, max=100, step=1,
          fmt="%d", help="The pessimistic AI share (percentage points below your estimate).", source=_ILL,
          group="Ranges"),
    Param("ai_hi", "AI share: high", "% points above", 10.0, "percent", "slider", min=0, max=100, step=1,
          fmt="%d", help="The optimistic AI share (percentage points above).", source=_ILL, group="Ranges"),
    Param("tei_brisk", "Benefit risk adjustment", "%", 10.0, "percent", "slider", min=0, max=90, step=1, scale=0.01,
          fmt="%d%%", help="Taken off every benefit in your table for the uncertainty of the estimate.",
          source="Forrester TEI convention: benefits reduced and costs increased by separate percentages "
          "(e.g. 10-20% haircuts); 10% here.", group=TEI_GROUP),
    Param("tei_crisk", "Cost risk adjustment", "%", 10.0, "percent", "slider", min=0, max=100, step=1, scale=0.01,
          fmt="%d%%", help="Added to every cost in your table for the uncertainty of the estimate.",
          source="Forrester TEI convention (e.g. 10-20% uplifts); 10% here.", group=TEI_GROUP),
    Param("case_seed", "Random seed", "1-99", 1, "int", "slider", min=1, max=99, step=1,
          help="Fixes the draws so a link shows the same ranges.", source="Any value; the link carries it.",
          group="Ranges"),
)


def build_team_inputs(values: dict) -> tuple[TeamInputs, dict[str, Range]]:
    """Widget values of the business case page -> calc inputs and the AI-share range (the TEI
    table's risk adjustments are not needed here)."""
    m = to_model([p for p in CASE_INPUTS if p.group != TEI_GROUP], values)  # the TEI table is separate
    i = TeamInputs(
        team_size=m["team"], ai_share=m["ai_share"], loaded_cost=m["loaded"], horizon_years=m["case_years"],
        discount_rate=m["case_rate"], upskill_people=min(m["k"], m["team"]), training_fees=m["t_fees"],
        training_hours=m["train_h"], upskill_premium=m["u_premium"], upskill_capture=m["u_capture"],
        upskill_ramp_months=m["u_ramp"], hire_salary=m["h_salary"], hire_recruiting=m["h_recruit"],
        hire_delay_months=m["h_delay"], hire_ramp_months=m["h_ramp"], hire_capture=m["h_capture"],
        reduce_people=min(m["r"], m["team"]), severance_months=m["severance"], knowledge_loss=m["k_loss"],
        rehire_cost=m["rehire"],
    )
    share = i.ai_share
    low = max(share - values["ai_lo"] / 100, 0.0)
    high = min(share + values["ai_hi"] / 100, 1.0)
    return i, {"ai_share": Range(low, share, high)}


def team_caps(values: dict) -> list[str]:
    """Messages for people to upskill or roles to cut that exceed the team (the case uses the
    team size instead; see :func:`build_team_inputs`).

    Examples
    --------
    >>> team_caps({"team": 3.0, "k": 50.0, "r": 2.0})
    ['People to upskill (50) is more than the team size (3): the case uses 3.']
    """
    labels = {"k": "People to upskill", "r": "Roles to cut"}
    return [f"{labels[k]} ({values[k]:g}) is more than the team size ({values['team']:g}): the case uses "
            f"{values['team']:g}." for k in ("k", "r") if values[k] > values["team"]]


# --- The career check-up (one page through every step) ------------------------------------------
CAREER, CERT, SUMMARY = "Stay or move", "Certificate check", "Summary"
FROM_RISK = "From the risk check"
CAREER_INPUTS: tuple[Param, ...] = (
    Param("disp_src", "Yearly displacement probability", "", FROM_RISK, "choice", "segmented",
          options=(FROM_RISK, "My own estimate"),
          help=f"From the risk check: your automatable share x {FULL_EXPOSURE_RATE:.0%} a year (an illustrative "
          "mapping: exposure is not a probability of losing a job). Or type your own estimate.",
          source=f"Illustrative assumption: fully automatable work = {FULL_EXPOSURE_RATE:.0%} a year.", group=CAREER),
    Param("disp", "Your own estimate", "%/yr", 4.0, "percent", "slider", min=0, max=100, step=0.5, scale=0.01,
          fmt="%.1f%%", help="Your yearly chance of losing your current job; used with My own estimate.",
          source="Illustrative: 4% a year.", group=CAREER),
    Param("search", "Job search without pay if you move", "weeks", 10.5, "number", "number", min=0, max=52,
          step=0.5, fmt="%.1f", help="Weeks between leaving and starting the new role; 0 if you search while "
          "employed.", source="BLS Current Population Survey, table E-18, Q4 2024: median duration of "
          "unemployment 10.5 weeks (mean 23.8).", group=CAREER),
    Param("move_pay", "Pay change on moving", "%", 10.0, "percent", "slider", min=-50, max=100, step=1,
          scale=0.01, fmt="%d%%", help="The new role's pay against today's.",
          source="Illustrative. For scale: one AI skill carries a 28% premium in job postings (Lightcast, Beyond "
          "the Buzz, 2025); PwC's 2025 AI Jobs Barometer finds 56%.", group=CAREER),
    Param("move_risk", "Yearly displacement probability in the new role", "%/yr", 2.0, "percent", "slider",
          min=0, max=100, step=0.5, scale=0.01, fmt="%.1f%%",
          help="A role that combines domain expertise with AI implementation is assumed safer; say how much.",
          source="Illustrative: 2% a year.", group=CAREER),
    Param("risk_cut", "Lower displacement risk once competent", "%", 50.0, "percent", "slider", min=0, max=100,
          step=5, scale=0.01, fmt="%d%%", help="How much upskilling in place cuts your displacement probability.",
          source="Illustrative: halved.", group=CAREER),
)
_G, _S = CERTIFICATES["Generic AI certificate"], CERTIFICATES["Domain-specific implementation certificate"]
_CERT_SOURCE = CERTIFICATE_CLAIM + " The numbers are illustrative."
CERT_INPUTS: tuple[Param, ...] = (
    Param("gc_fees", "Generic certificate: fees", "{cur}", _G["course_fees"], "money", "number", min=0,
          max=1_000_000, step=50, help="What a generic AI certificate costs.", source=_CERT_SOURCE, group=CERT),
    Param("gc_hours", "Generic certificate: hours", "h", _G["target_hours"], "number", "number", min=1,
          max=10_000, step=5, help="Hours to earn it.", source=_CERT_SOURCE + " A short online course.", group=CERT),
    Param("gc_prob", "Generic certificate: chance of the premium", "%", _G["probability"] * 100, "percent",
          "slider", min=0, max=100, step=1, scale=0.01, fmt="%d%%", help="Near zero, says the guidance.",
          source=_CERT_SOURCE, group=CERT),
    Param("sc_fees", "Domain-specific certificate: fees", "{cur}", _S["course_fees"], "money", "number", min=0,
          max=1_000_000, step=50, help="What a domain-specific implementation certificate costs.",
          source=_CERT_SOURCE, group=CERT),
    Param("sc_hours", "Domain-specific certificate: hours", "h", _S["target_hours"], "number", "number", min=1,
          max=10_000, step=5, help="Hours to earn it.",
          source=_CERT_SOURCE + " Certificate scale: Google Career Certificates' upper end (240 h).", group=CERT),
    Param("sc_prob", "Domain-specific certificate: chance of the premium", "%", _S["probability"] * 100,
          "percent", "slider", min=0, max=100, step=1, scale=0.01, fmt="%d%%", help="Significant, says the guidance.",
          source=_CERT_SOURCE, group=CERT),
)
ANSWER = Param(
    "answer", "What specific problem in your industry can you solve better and faster using AI than anyone else?",
    "", "", "text", "text", min=0, max=600,
    help="The question the guidance ends on. Your answer goes into your summary and its exports.",
    source="The guidance's closing question.", group=SUMMARY,
)
CARRIED = ("premium", "displaced")
"""Upskilling inputs the check-up does not ask for: it carries them from earlier steps (the
justified premium of the implementation; the chance of displacement during the wait)."""


def _unique(params) -> tuple[Param, ...]:
    seen: set[str] = set()
    return tuple(p for p in params if not (p.key in seen or seen.add(p.key)))


CHECKUP_INPUTS: tuple[Param, ...] = _unique(
    RISK_INPUTS + tuple(p for p in ROI_INPUTS if p.key != "target")
    + tuple(p for p in UPSKILL_INPUTS if p.key not in CARRIED) + CAREER_INPUTS + CERT_INPUTS + (ANSWER,))
"""Every input of the check-up: each declared once (salary is shared by two steps). The ROI
page's "premium you want to justify" is left out: the check-up carries the justified premium."""


def checkup_roi_values(values: dict) -> dict:
    """The check-up's values with the ROI inputs it does not ask for at their defaults."""
    return {**{p.key: p.default for p in ROI_INPUTS if p.key not in values}, **values}


def build_certificates(values: dict) -> dict[str, dict[str, float]]:
    """The two certificate presets as the user has set them (model units)."""
    m = to_model(CERT_INPUTS, values)
    return {"Generic AI certificate": {"course_fees": m["gc_fees"], "target_hours": m["gc_hours"],
                                       "probability": m["gc_prob"]},
            "Domain-specific implementation certificate": {"course_fees": m["sc_fees"],
                                                           "target_hours": m["sc_hours"],
                                                           "probability": m["sc_prob"]}}


def displacement(values: dict, share: float) -> float:
    """The yearly displacement probability of the check-up: from the risk check's share, or the
    user's own estimate [fraction/yr]."""
    if values["disp_src"] == FROM_RISK:
        return displacement_from_share(share)
    return values["disp"] / 100


def build_career_inputs(values: dict, yearly_displacement: float, premium: float, months_to_competency: float | None,
                        study_cost: float) -> CareerInputs:
    """Check-up values and the numbers carried from earlier steps -> stay-or-move inputs. A
    competency that is never reached is placed after the horizon; ``study_cost`` is the
    upskilling step's present value of its costs (``UpskillingResult.cost_pv``)."""
    m = to_model(CAREER_INPUTS + tuple(p for p in UPSKILL_INPUTS if p.key in ("prob", "lag", "years", "disc",
                                                                                "out_weeks", "salary")), values)
    never = 12.0 * m["years"] + 1
    return CareerInputs(
        salary=m["salary"], displacement_probability=yearly_displacement, weeks_out=m["out_weeks"],
        horizon_years=m["years"], discount_rate=m["disc"], premium=premium, premium_probability=m["prob"],
        months_to_competency=never if months_to_competency is None else min(months_to_competency, never),
        lag_months=m["lag"], study_cost=study_cost, risk_reduction=m["risk_cut"], search_weeks=m["search"],
        salary_change=m["move_pay"], move_risk=m["move_risk"],
    )


ROI_DRIVER_KEYS = ("hours", "people", "hourly", "weeks", "errors", "error_cost", "revenue", "margin")

ALL_PAGES: tuple[tuple[str, tuple[Param, ...]], ...] = (
    ("Every page", FRAME_INPUTS),
    ("Implementation value", ROI_INPUTS + ROI_RANGE_INPUTS),
    ("Upskilling plan", UPSKILL_INPUTS),
    ("Am I at risk?", RISK_INPUTS),
    ("Business case", CASE_INPUTS),
    ("Career check-up (its own inputs)", CAREER_INPUTS + CERT_INPUTS + (ANSWER,)),
)


def build_roi_inputs(values: dict) -> tuple[ImplementationInputs, SavingsDrivers | None]:
    """Widget values of the ROI page -> the calc inputs (drivers only in "Drivers" mode)."""
    m = to_model(ROI_INPUTS, values)
    drivers = None
    savings = m["savings"]
    if m["mode"] == "Drivers":
        drivers = SavingsDrivers(
            hours_saved_per_week=m["hours"], people=m["people"], loaded_hourly_cost=m["hourly"],
            working_weeks=m["weeks"], errors_avoided=m["errors"], cost_per_error=m["error_cost"],
            revenue_uplift=m["revenue"], margin=m["margin"],
        )
        savings = drivers.total()
    inputs = ImplementationInputs(
        annual_savings=savings, implementation_cost=m["impl"], running_cost=m["running"],
        ramp_months=m["ramp"], horizon_years=m["horizon"], discount_rate=m["rate"],
        benefit_risk=m["brisk"], cost_risk=m["crisk"], capture_share=m["share"],
        current_salary=m["salary"], target_premium=m["target"], go_live=m["golive"],
    )
    return inputs, drivers
