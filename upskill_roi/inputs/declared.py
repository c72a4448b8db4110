"""The declared inputs of every page (one :class:`~upskill_roi.inputs.param.Param` each).

Sources of defaults refer to ``EVIDENCE.md`` of the project's shared evidence file and are
repeated in each input's tooltip and on the methodology page. "Illustrative" means no
published benchmark fits: replace it with your own figure.
"""

from __future__ import annotations

import datetime as dt

from upskill_roi.core.business_case import TeamInputs
from upskill_roi.core.career import FULL_EXPOSURE_RATE, MOVE_PROBABILITY, CareerInputs, displacement_from_share
from upskill_roi.core.displacement import EARNINGS_LOSS, HALF_LIFE_YEARS, STUDIES, WEEKS_OUT
from upskill_roi.core.finance import DEFAULT_BENEFIT_RISK, DEFAULT_COST_RISK, PAID_HOURS, RISK_ADJUSTMENT_SOURCE
from upskill_roi.core.plan import AUTOMATIC_DAYS, AUTOMATIC_TIME, DAY_CHOICES, TIME_CHOICES
from upskill_roi.core.risk import E_SHARE, load_occupations
from upskill_roi.core.roi import (
    DEFAULT_PREMIUM_CAP,
    DEFAULT_RECAPTURE,
    DEFAULT_SUCCESS,
    PREMIUM_CAP_SOURCE,
    RECAPTURE_SOURCE,
    SUCCESS_SOURCE,
    ImplementationInputs,
    SavingsDrivers,
)
from upskill_roi.core.uncertainty import Range
from upskill_roi.core.upskilling import (
    CERTIFICATE_CLAIM,
    CERTIFICATES,
    DEFAULT_TAX_RATE,
    PROFILE_DOMAIN_YEARS,
    TARGET_PRESETS,
    TAX_SOURCE,
    UpskillingInputs,
    UpskillingResult,
)
from upskill_roi.inputs.param import Param, to_model
from upskill_roi.present.fmt import CURRENCIES

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
    help="Your pay today, before tax: for the premium's cap and its share of your pay, the value of an hour of "
    "study, and what a job loss costs.",
    source="BLS OEWS May 2024 median annual wage, Management Analysts (13-1111): $101,190.", group="Premium",
)

# --- ROI page ------------------------------------------------------------------------------
SAVINGS, COSTS, ASSUMPTIONS, PREMIUM = "Savings", "Costs", "Assumptions", "Premium"

# Shared by the ROI page and the business case (one declaration, one default, one URL key each).
BENEFIT_RISK = Param(
    "brisk", "Benefit risk adjustment", "%", DEFAULT_BENEFIT_RISK * 100, "percent", "slider", min=0, max=90, step=1,
    scale=0.01, fmt="%d%%", help="Taken off every benefit for the uncertainty of the estimate (0 = measured savings).",
    source=RISK_ADJUSTMENT_SOURCE, group=ASSUMPTIONS)
COST_RISK = Param(
    "crisk", "Cost risk adjustment", "%", DEFAULT_COST_RISK * 100, "percent", "slider", min=0, max=100, step=1,
    scale=0.01, fmt="%d%%", help="Added to every cost for the uncertainty of the estimate.",
    source=RISK_ADJUSTMENT_SOURCE, group=ASSUMPTIONS)
SUCCESS = Param(
    "success", "Chance the system reaches production", "%", DEFAULT_SUCCESS * 100, "percent", "slider", min=0,
    max=100, step=5, scale=0.01, fmt="%d%%",
    help="The implementation cost is spent either way; savings, running costs and the premium come only if the "
    "system reaches production. 100% for a system already in production.", source=SUCCESS_SOURCE, group=ASSUMPTIONS)
RECAPTURE = Param(
    "recapture", "Time saved that becomes productive work", "%", DEFAULT_RECAPTURE * 100, "percent", "slider", min=0,
    max=100, step=5, scale=0.01, fmt="%d%%",
    help="Time saved is not cash saved: only this share of the hours freed goes to productive work.",
    source=RECAPTURE_SOURCE, group=SAVINGS)

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
    RECAPTURE,
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
    SUCCESS,
    BENEFIT_RISK,
    COST_RISK,
    Param("share", "Value-capture share", "% of net savings", 10.0, "percent", "slider", min=0, max=50, step=1,
          scale=0.01, fmt="%d%%",
          help="Share of what the system saves a year net of its running cost that you argue for as your premium.",
          source=GUIDANCE + ": $50K of $500K a year net = 10%.", group=PREMIUM),
    SALARY,
    Param("cap", "Premium cap", "% of your salary", DEFAULT_PREMIUM_CAP * 100, "percent", "slider", min=0, max=200,
          step=1, scale=0.01, fmt="%d%%", help="No premium above this share of your current salary.",
          source=PREMIUM_CAP_SOURCE, group=PREMIUM),
    Param("target", "Premium you want to justify", "{cur}/yr", 50_000.0, "money", "number", min=0,
          max=10_000_000, step=1_000, help="The inverse solver finds the annual savings this premium needs.",
          source=GUIDANCE + " ($50K+).", group=PREMIUM),
)

# --- Upskilling page ----------------------------------------------------------------------
PLAN, PAYOFF, WAITING = "Plan", "Payoff", "Waiting"
GOALS: dict[str, str] = {  # option label -> preset name in upskill_roi.core.upskilling.TARGET_PRESETS
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
    Param("prior", "Other relevant hours already done", "h", 0.0, "number", "number", min=0, max=10_000, step=10,
          help="Practice you have already put in that counts towards the target (courses, side projects).",
          source="None credited by default.", group=PLAN),
    Param("impl_months", "Focused AI implementation already done", "months", 0.0, "number", "number", min=0,
          max=120, step=1, fmt="%.0f",
          help="Months of focused AI implementation experience you have. Each counts 43.3 hours towards the target "
          "(the guidance's six months = 260 h).",
          source="None by default. The guidance's profile: 3+ years in the domain plus 6 months of focused AI "
          "implementation experience.", group=PLAN),
    Param("domain_years", "Years in your domain", "years", 5.0, "number", "number", min=0, max=50, step=0.5,
          fmt="%.1f",
          help="Years of experience in the field you apply AI to. Below 3 years the premium's chance is the generic "
          "5% until you reach 3.",
          source=f"Illustrative: 5 years. The guidance's profile asks {PROFILE_DOMAIN_YEARS:g}+ years of domain "
          "experience; without it AI skills are the generic kind it says have near-zero value.", group=PLAN),
    Param("consistency", "Consistency", "%", 100.0, "percent", "slider", min=10, max=100, step=5, scale=0.01,
          fmt="%d%%", help="Share of planned weeks you actually study (holidays, busy weeks).",
          source="100% by default (the issue's plain case); lower it to be realistic.", group=PLAN),
    Param("start", "Start date", "", "today", "date", "date", min=dt.date(2000, 1, 1), max=dt.date(2100, 12, 31),
          help="The day the plan starts. Share links always carry it, so a link shows the same dates later.",
          source="Today, when the link does not say.", group=PLAN),
    Param("study_days", "Study days", "", AUTOMATIC_DAYS, "choice",
          "select", options=DAY_CHOICES,
          help="The days of the week you can study: one session on each, the weekly hours split equally over "
          "them. Working 12-hour shifts? Choose your days off, e.g. Thu, Fri, Sat, Sun. Type to narrow the list "
          "(e.g. \"Tue, Thu\"). Automatic: about 2-hour sessions on Tue, Thu, Sat, Mon, Wed, Sun, Fri in that "
          "order, as many as the hours need.",
          source="Your own availability; the automatic spread is this app's illustration, not a study's finding.",
          group=PLAN),
    Param("study_time", "Sessions start at", "local time", AUTOMATIC_TIME,
          "choice", "select", options=TIME_CHOICES,
          help="The start time of every session, in your local time (the calendar file keeps this clock time "
          "wherever you are). After a night shift, choose a time after you have slept. Automatic: 19:00 on "
          "weekdays; 09:00 at weekends and for weekday sessions over 2.5 hours.",
          source="Your own availability; the automatic times are this app's illustration.", group=PLAN),
    Param("premium", "Salary premium once competent", "{cur}/yr", 50_000.0, "money", "number", min=0,
          max=100_000_000, step=1_000, help="The raise or the higher pay of the new role, before tax. Carried in from "
          "the Implementation value page when you come from there.",
          source=GUIDANCE + " ($50K+).", group=PAYOFF),
    Param("prob", "Probability of getting it", "%", 50.0, "percent", "slider", min=0, max=100, step=5,
          scale=0.01, fmt="%d%%", help="Your honest chance of turning the skill into that premium, with 3+ years in "
          "your domain.",
          source="Illustrative: an even chance. Replace with your own estimate.", group=PAYOFF),
    Param("lag", "Months from competency to the raise or role", "months", 3.0, "number", "slider", min=0, max=24,
          step=0.5, fmt="%.1f", help="Time to land the role or negotiate the raise once competent.",
          source="Illustrative. For scale: the median spell of unemployment was 10.5 weeks (BLS CPS, Q4 2024).",
          group=PAYOFF),
    SALARY,
    Param("fees", "Course fees", "{cur}", 500.0, "money", "number", min=0, max=1_000_000, step=50,
          help="Courses, certificates, books and tools, paid at the start out of taxed income.",
          source="Illustrative: replace with your courses' prices.", group=PAYOFF),
    Param("time_value", "Value of your study time", "% of your hourly pay", 100.0, "percent", "slider", min=0,
          max=100, step=5, scale=0.01, fmt="%d%%",
          help=f"Each hour of study costs this share of your hourly pay (salary / {PAID_HOURS:,.0f} paid hours). "
          "0 = study in time that has no other value to you.",
          source=f"Your hourly pay: salary / {PAID_HOURS:,.0f} paid hours, the factor BLS OEWS uses between hourly "
          "and annual wages; 100% by default (an hour of study is an hour of your time).", group=PAYOFF),
    Param("tax", "Your marginal tax rate", "%", DEFAULT_TAX_RATE * 100, "percent", "slider", min=0, max=90, step=1,
          scale=0.01, fmt="%d%%",
          help="Pay and premiums are before tax; fees come out of taxed income, so they are grossed up by this rate "
          "to compare like with like.", source=TAX_SOURCE, group=PAYOFF),
    Param("years", "Horizon", "years", 5, "int", "slider", min=1, max=10, step=1,
          help="Years, from today, over which the payoff is counted.",
          source="Illustrative: 5 years.", group=PAYOFF),
    Param("disc", "Personal discount rate", "%/yr", 10.0, "percent", "slider", min=0, max=30, step=0.5, scale=0.01,
          fmt="%.1f%%", help="How much less a euro or dollar next year is worth to you than one today.",
          source="Same 10% as the business case (Forrester TEI default).", group=PAYOFF),
    Param("wait", "Delay to price", "months", 6, "int", "slider", min=1, max=24, step=1,
          help="What does starting this many months later cost?",
          source="The guidance: those who moved six months ago are ahead of those who wait.", group=WAITING),
    Param("disp_yr", "Yearly chance of losing your job", "%/yr", 4.0, "percent", "slider", min=0, max=100,
          step=0.5, scale=0.01, fmt="%.1f%%",
          help="Your chance of being displaced in a year, today. The check-up carries it from the risk check or your "
          "own estimate.", source="Illustrative: 4% a year. 0 leaves the job-loss term out.", group=WAITING),
    Param("risk_cut", "Lower displacement risk once competent", "%", 50.0, "percent", "slider", min=0, max=100,
          step=5, scale=0.01, fmt="%d%%", help="How much upskilling in place cuts that chance, from competency on.",
          source="Illustrative: halved.", group=WAITING),
    Param("out_weeks", "Weeks out of work if displaced", "weeks", WEEKS_OUT, "number", "number", min=0, max=104,
          step=0.5, fmt="%.1f", help="Weeks without pay after a job loss.",
          source="BLS Current Population Survey, table E-18, Q4 2024: median duration of unemployment 10.5 weeks "
          "(mean 23.8).", group=WAITING),
    Param("loss", "Lasting pay loss after a job loss", "%", EARNINGS_LOSS * 100, "percent", "slider", min=0, max=100,
          step=1, scale=0.01, fmt="%d%%", help="How much less the next job pays than the old one would have.",
          source="Displaced-worker studies: " + STUDIES, group=WAITING),
    Param("loss_half", "Years for that loss to halve", "years", HALF_LIFE_YEARS, "number", "slider", min=1, max=50,
          step=1, fmt="%.0f", help="The loss fades slowly: it halves over this many years.",
          source="20% fading to about 15% six years on, as Couch & Placzek (2010) found.", group=WAITING),
)


def build_upskilling_inputs(values: dict, today: dt.date) -> UpskillingInputs:
    """Widget values of the upskilling page -> core inputs (``today`` fills an unset start)."""
    # The study days and time only shape the action plan (upskill_roi.core.plan), and the check-up does not ask for them.
    m = to_model([p for p in UPSKILL_INPUTS if p.key not in ("study_days", "study_time")], values)
    target = m["target_h"] if m["goal"] == CUSTOM_GOAL else TARGET_PRESETS[GOALS[m["goal"]]][0]
    return UpskillingInputs(
        weekly_hours=m["weekly"], target_hours=target, prior_hours=m["prior"], consistency=m["consistency"],
        start=m["start"] or today, course_fees=m["fees"], time_value_share=m["time_value"],
        marginal_tax_rate=m["tax"], premium=m["premium"], probability=m["prob"], lag_months=m["lag"],
        salary=m["salary"], horizon_years=m["years"], discount_rate=m["disc"], wait_months=m["wait"],
        domain_years=m["domain_years"], implementation_months=m["impl_months"],
        displacement_probability=m["disp_yr"], risk_reduction=m["risk_cut"], weeks_out_of_work=m["out_weeks"],
        earnings_loss=m["loss"], loss_half_life_years=m["loss_half"],
    )


# --- Risk page ----------------------------------------------------------------------------
def _occupation_options() -> tuple[str, ...]:
    occ = load_occupations()
    return tuple(f"{code} {title}" for code, title in zip(occ["soc_code"], occ["title"], strict=True))


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
          source="The guidance's rule of thumb: more than 60%. (The OECD's 50% and 70% bands are bands of a job's "
          "probability of automation, not of a share of time: shown for comparison only.)", group="Activities"),
    Param("e_share", "Share of an E1/E2 task's time AI takes", "%", E_SHARE * 100, "percent", "slider", min=0,
          max=100, step=5, scale=0.01, fmt="%d%%",
          help="E1/E2 tasks are ones where AI cuts the time by at least half, not ones it takes over: they count this "
          "share of their time. The guidance's own kinds count whole.",
          source="Eloundou et al. (Science 2024) rubric: E1/E2 = an LLM (plus tools) cuts the task's time by at least "
          "half; 50% = that lower bound.", group="Activities"),
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
    """The page's spreads (in % of the likely values) -> core ranges around ``inputs``."""
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
TEAM, SYSTEM, UPSKILL_OPT, HIRE_OPT, REDUCE_OPT = "Team", "AI system", "Upskill", "Hire", "Cut/redeploy"
CASE_RANGES = "Ranges"
TEI_GROUP = "Your own figures (TEI table)"
_ILL = "Illustrative: replace with your figures."
_CASE_DEFAULTS = TeamInputs()
CASE_INPUTS: tuple[Param, ...] = (
    Param("team", "Team size", "persons", 10.0, "number", "number", min=1, max=100_000, step=1, fmt="%.0f",
          help="People in the team whose work AI could change.", source=_ILL, group=TEAM),
    Param("ai_share", "Share of the team's time AI could take over", "%", 30.0, "percent", "slider", min=0, max=100,
          step=1, scale=0.01, fmt="%d%%",
          help="Once the system is in production and adopted. From the risk check (your automatable share) or your "
          "own estimate.",
          source="Illustrative. For scale: about 19% of US workers have at least half of their tasks exposed "
          "(Eloundou et al. 2024).", group=TEAM),
    Param("loaded", "Loaded cost per person", "{cur}/yr", 120_000.0, "money", "number", min=0, max=10_000_000,
          step=1_000, help="Salary plus benefits and overhead.", source=_ILL, group=TEAM),
    Param("case_years", "Horizon", "years", 3, "int", "slider", min=1, max=10, step=1,
          help="Years over which the options are compared.", source="Forrester TEI studies use 3 years.", group=TEAM),
    Param("case_rate", "Discount rate", "%/yr", 10.0, "percent", "slider", min=0, max=30, step=0.5, scale=0.01,
          fmt="%.1f%%", help="The organisation's cost of capital.", source="Forrester TEI default 10%.", group=TEAM),
    Param("sys_cost", "AI system: one-time cost", "{cur}", _CASE_DEFAULTS.system_cost, "money", "number", min=0,
          max=100_000_000, step=1_000, help="Licences to start, integration and data work: paid by every option that "
          "relies on AI.", source=_ILL + " For scale: the ROI page's example is $100K for a 40-person department.",
          group=SYSTEM),
    Param("sys_run", "AI system: running cost", "{cur}/yr", _CASE_DEFAULTS.system_running, "money", "number",
          min=0, max=100_000_000, step=1_000, help="Licences, compute and upkeep from production on.",
          source=_ILL + " For scale: a Copilot-style licence is $360 per user a year.", group=SYSTEM),
    Param("build", "Build time", "months", _CASE_DEFAULTS.build_months, "number", "slider", min=0, max=24, step=1,
          fmt="%.0f", help="From the start of the build to production, once the people who build it are ready.",
          source=_ILL, group=SYSTEM),
    Param("case_ramp", "Adoption ramp", "months", _CASE_DEFAULTS.ramp_months, "number", "slider", min=0, max=36,
          step=1, fmt="%.0f", help="From production to full use; the benefit grows linearly until then.",
          source=_ILL, group=SYSTEM),
    SUCCESS, RECAPTURE, BENEFIT_RISK, COST_RISK,
    Param("k", "People to upskill", "persons", 2.0, "number", "number", min=0, max=100_000, step=1, fmt="%.0f",
          help="Team members trained to implement AI.", source=_ILL, group=UPSKILL_OPT),
    Param("t_fees", "Training fees per person", "{cur}", 2_000.0, "money", "number", min=0, max=1_000_000, step=100,
          help="Courses and certificates.", source=_ILL, group=UPSKILL_OPT),
    Param("train_h", "Training hours per person", "h", 260.0, "number", "number", min=0, max=5_000, step=10,
          fmt="%.0f", help="Costed at the loaded cost / 1,800 productive hours, as they are spent.",
          source="The guidance: about six months at ~10 h/week = 260 h.", group=UPSKILL_OPT),
    Param("pace", "Training pace", "h/week", _CASE_DEFAULTS.training_pace, "number", "slider", min=0, max=40, step=1,
          fmt="%.0f", help="Hours a week each person trains; the benefit starts when the training is done.",
          source="The guidance: 6-12 hours a week of implementation-focused learning.", group=UPSKILL_OPT),
    Param("u_time", "Their time on the AI work once in production", "% of their time",
          _CASE_DEFAULTS.upskill_time_share * 100, "percent", "slider", min=0, max=100, step=5, scale=0.01,
          fmt="%d%%", help="Running and improving the system, costed at their loaded cost.", source=_ILL,
          group=UPSKILL_OPT),
    Param("u_premium", "Premium per upskilled person", "{cur}/yr", 10_000.0, "money", "number", min=0,
          max=10_000_000, step=1_000, help="Raise paid to those who deliver, from production on.", source=_ILL,
          group=UPSKILL_OPT),
    Param("u_capture", "Share of the AI potential they realise", "%", 60.0, "percent", "slider", min=0, max=100,
          step=5, scale=0.01, fmt="%d%%", help="People who know the domain put more of what AI could take to work.",
          source=_ILL, group=UPSKILL_OPT),
    Param("attrition", "Attrition (Upskill + attrition)", "%/yr", _CASE_DEFAULTS.attrition_rate * 100, "percent",
          "slider", min=0, max=50, step=1, scale=0.01, fmt="%d%%",
          help="People who leave each year; in 'Upskill + attrition' they are not replaced while the system absorbs "
          "their work.", source="Illustrative: 10% a year; use your own HR figure.", group=UPSKILL_OPT),
    Param("h_salary", "Specialist's loaded cost", "{cur}/yr", 160_000.0, "money", "number", min=0,
          max=10_000_000, step=1_000, help="Salary with the premium, plus benefits and overhead, like the team's "
          "loaded cost.", source=_ILL, group=HIRE_OPT),
    Param("h_recruit", "Recruiting cost", "{cur}", 30_000.0, "money", "number", min=0, max=10_000_000, step=1_000,
          help="Agency fees and interviews.", source=_ILL, group=HIRE_OPT),
    Param("h_delay", "Time to hire", "months", 4.0, "number", "slider", min=0, max=24, step=1, fmt="%.0f",
          help="Months until the specialist starts; the build starts then.", source=_ILL, group=HIRE_OPT),
    Param("h_capture", "Share of the AI potential the specialist realises", "%", 60.0, "percent", "slider", min=0,
          max=100, step=5, scale=0.01, fmt="%d%%", help="Without domain depth this may be lower.", source=_ILL,
          group=HIRE_OPT),
    Param("s_capture", "Share of the AI potential the system alone realises", "%",
          _CASE_DEFAULTS.system_capture * 100, "percent", "slider", min=0, max=100, step=5, scale=0.01, fmt="%d%%",
          help="With nobody upskilled or hired (Cut, Redeploy).", source=_ILL, group=REDUCE_OPT),
    Param("r", "Roles to cut or redeploy", "persons", 2.0, "number", "number", min=0, max=100_000, step=1, fmt="%.0f",
          help="Positions removed (Cut) or moved to other work (Redeploy) once the system is in production.",
          source=_ILL, group=REDUCE_OPT),
    Param("severance", "Severance", "months of pay", 6.0, "number", "slider", min=0, max=36, step=1, fmt="%.0f",
          help="Paid once per role cut.", source=_ILL, group=REDUCE_OPT),
    Param("k_loss", "Knowledge loss", "% of the remaining team's cost a year", 5.0, "percent", "slider", min=0,
          max=50, step=1, scale=0.01, fmt="%d%%", help="Output lost when experience leaves (Cut).", source=_ILL,
          group=REDUCE_OPT),
    Param("cover", "Cost of work nobody absorbs", "x loaded cost", _CASE_DEFAULTS.cover_factor, "number", "slider",
          min=0, max=3, step=0.05, fmt="%.2f",
          help="Work that leaves with the people beyond what the system absorbs is lost output, overtime or "
          "contractors: each person-year of it costs this multiple of the loaded cost.",
          source="Illustrative: 1.0 = the output lost is worth what it cost (generous to cutting); overtime is paid "
          "at 1.5x under the US Fair Labor Standards Act.", group=REDUCE_OPT),
    Param("redeploy_v", "Value of a redeployed person's new work", "% of their cost",
          _CASE_DEFAULTS.redeploy_value * 100, "percent", "slider", min=0, max=200, step=5, scale=0.01, fmt="%d%%",
          help="Redeploy: the people move to other work instead of leaving; their pay continues.", source=_ILL,
          group=REDUCE_OPT),
    Param("redeploy_h", "Retraining hours per redeployed person", "h", _CASE_DEFAULTS.redeploy_hours, "number",
          "number", min=0, max=5_000, step=10, fmt="%.0f", help="Costed at the loaded hourly cost.", source=_ILL,
          group=REDUCE_OPT),
    Param("ai_lo", "AI share: low", "% points below", 10.0, "number", "slider", min=0, max=100, step=1,
          fmt="%d pts", help="The pessimistic AI share, in percentage points below your estimate.", source=_ILL,
          group=CASE_RANGES),
    Param("ai_hi", "AI share: high", "% points above", 10.0, "number", "slider", min=0, max=100, step=1,
          fmt="%d pts", help="The optimistic AI share, in percentage points above your estimate.", source=_ILL,
          group=CASE_RANGES),
    Param("cap_pm", "Shares of the AI potential realised: spread", "% points either way", 15.0, "number",
          "slider", min=0, max=50, step=1, fmt="%d pts", help="Each option's share drawn this far below and above.",
          source=_ILL, group=CASE_RANGES),
    Param("train_lo", "Training hours: low", "% below", 20.0, "percent", "slider", min=0, max=90, step=5,
          scale=0.01, fmt="%d%%", help="The quickest the training could be.", source=_ILL, group=CASE_RANGES),
    Param("train_hi", "Training hours: high", "% above", 50.0, "percent", "slider", min=0, max=300, step=5,
          scale=0.01, fmt="%d%%", help="The slowest the training could be.", source=_ILL, group=CASE_RANGES),
    Param("hire_lo", "Time to hire: low", "months less", 1.0, "number", "slider", min=0, max=12, step=1,
          fmt="%.0f", help="The quickest hire.", source=_ILL, group=CASE_RANGES),
    Param("hire_hi", "Time to hire: high", "months more", 3.0, "number", "slider", min=0, max=24, step=1,
          fmt="%.0f", help="The slowest hire.", source=_ILL, group=CASE_RANGES),
    Param("lost_lo", "Lost output: low", "% below", 20.0, "percent", "slider", min=0, max=90, step=5, scale=0.01,
          fmt="%d%%", help="Knowledge loss and the cost of uncovered work at their lowest.", source=_ILL,
          group=CASE_RANGES),
    Param("lost_hi", "Lost output: high", "% above", 50.0, "percent", "slider", min=0, max=300, step=5, scale=0.01,
          fmt="%d%%", help="Knowledge loss and the cost of uncovered work at their highest.", source=_ILL,
          group=CASE_RANGES),
    Param("case_seed", "Random seed", "a number from 1 to 99", 1, "int", "slider", min=1, max=99, step=1,
          help="Fixes the draws so a link shows the same ranges.", source="Any value; the link carries it.",
          group=CASE_RANGES),
)
"""The business case's inputs; the TEI table's risk adjustments are the page's (``brisk``, ``crisk``)."""
CASE_SHARED = (SUCCESS, RECAPTURE, BENEFIT_RISK, COST_RISK)
"""Inputs the business case shares with the implementation-value page (one declaration each),
drawn on its AI system tab."""
CASE_DRAWS = 20_000
"""Simulated cases on the business case page."""


def build_team_inputs(values: dict) -> tuple[TeamInputs, dict[str, Range]]:
    """Widget values of the business case page -> core inputs and the ranges of the uncertain drivers."""
    m = to_model(CASE_INPUTS, values)
    i = TeamInputs(
        team_size=m["team"], ai_share=m["ai_share"], loaded_cost=m["loaded"], horizon_years=m["case_years"],
        discount_rate=m["case_rate"], system_cost=m["sys_cost"], system_running=m["sys_run"],
        build_months=m["build"], ramp_months=m["case_ramp"], success_probability=m["success"],
        recapture=m["recapture"], benefit_risk=m["brisk"], cost_risk=m["crisk"],
        upskill_people=min(m["k"], m["team"]), training_fees=m["t_fees"], training_hours=m["train_h"],
        training_pace=m["pace"], upskill_time_share=m["u_time"], upskill_premium=m["u_premium"],
        upskill_capture=m["u_capture"], attrition_rate=m["attrition"], hire_salary=m["h_salary"],
        hire_recruiting=m["h_recruit"], hire_delay_months=m["h_delay"], hire_capture=m["h_capture"],
        system_capture=m["s_capture"], reduce_people=min(m["r"], m["team"]), severance_months=m["severance"],
        knowledge_loss=m["k_loss"], cover_factor=m["cover"], redeploy_value=m["redeploy_v"],
        redeploy_hours=m["redeploy_h"],
    )

    def around(likely: float, low: float, high: float, top: float = float("inf")) -> Range:
        return Range(max(low, 0.0), likely, min(high, top))

    pts = m["cap_pm"] / 100
    ranges = {
        "ai_share": around(i.ai_share, i.ai_share - m["ai_lo"] / 100, i.ai_share + m["ai_hi"] / 100, 1.0),
        **{f: around(getattr(i, f), getattr(i, f) - pts, getattr(i, f) + pts, 1.0)
           for f in ("upskill_capture", "hire_capture", "system_capture")},
        "training_hours": around(i.training_hours, i.training_hours * (1 - m["train_lo"]),
                                 i.training_hours * (1 + m["train_hi"])),
        "hire_delay_months": around(i.hire_delay_months, i.hire_delay_months - m["hire_lo"],
                                    i.hire_delay_months + m["hire_hi"]),
        "knowledge_loss": around(i.knowledge_loss, i.knowledge_loss * (1 - m["lost_lo"]),
                                 i.knowledge_loss * (1 + m["lost_hi"]), 1.0),
        "cover_factor": around(i.cover_factor, i.cover_factor * (1 - m["lost_lo"]), i.cover_factor * (1 + m["lost_hi"])),
    }
    return i, ranges


def team_caps(values: dict) -> list[str]:
    """Messages for people to upskill or roles to cut that exceed the team (the case uses the
    team size instead; see :func:`build_team_inputs`).

    Examples
    --------
    >>> team_caps({"team": 3.0, "k": 50.0, "r": 2.0})
    ['People to upskill (50) is more than the team size (3): the case uses 3.']
    """
    labels = {"k": "People to upskill", "r": "Roles to cut or redeploy"}
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
    Param("move_prob", "Chance the move lands", "%", MOVE_PROBABILITY * 100, "percent", "slider", min=0, max=100,
          step=5, scale=0.01, fmt="%d%%",
          help="Moving is not a certain offer: if it does not land, you stay on today's terms after the search.",
          source="Illustrative: an even chance, like the premium's. Replace with your own estimate.", group=CAREER),
    Param("move_risk", "Yearly displacement probability in the new role", "%/yr", 2.0, "percent", "slider",
          min=0, max=100, step=0.5, scale=0.01, fmt="%.1f%%",
          help="A role that combines domain expertise with AI implementation is assumed safer; say how much.",
          source="Illustrative: 2% a year.", group=CAREER),
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
    Param("gc_risk", "Generic certificate: lower displacement risk", "%", _G["risk_reduction"] * 100, "percent",
          "slider", min=0, max=100, step=5, scale=0.01, fmt="%d%%",
          help="How much the generic certificate cuts your displacement risk (the domain-specific one uses your "
          "plan's).", source=_CERT_SOURCE + " Near-zero value: no lower risk.", group=CERT),
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
CARRIED = ("premium", "disp_yr")
"""Upskilling inputs the check-up does not ask for: it carries them from earlier steps (the
justified premium of the implementation; the yearly displacement probability of the risk check
or the user's own estimate, step 4)."""


def _unique(params) -> tuple[Param, ...]:
    seen: set[str] = set()
    return tuple(p for p in params if not (p.key in seen or seen.add(p.key)))


NO_MOVE = "None chosen"
MOVE_TO = Param(
    "move_to", "Occupation you would move to", "", NO_MOVE, "choice", "select",
    options=(NO_MOVE, *_occupation_options()),
    help="Choose one (e.g. from Where to go in step 1) and the pay change on moving becomes its BLS median against "
         "your salary; you can still change the pay change.",
    source="None: the pay change is your own estimate until you choose an occupation.", group="Stay or move",
)
CHECKUP_INPUTS: tuple[Param, ...] = _unique(
    RISK_INPUTS + tuple(p for p in ROI_INPUTS if p.key != "target")
    + tuple(p for p in UPSKILL_INPUTS if p.key not in CARRIED) + CAREER_INPUTS + (MOVE_TO,) + CERT_INPUTS + (ANSWER,))
"""Every input of the check-up: each declared once (salary is shared by two steps). The ROI
page's "premium you want to justify" is left out: the check-up carries the justified premium."""


def checkup_roi_values(values: dict) -> dict:
    """The check-up's values with the ROI inputs it does not ask for at their defaults."""
    return {**{p.key: p.default for p in ROI_INPUTS if p.key not in values}, **values}


def build_certificates(values: dict) -> dict[str, dict[str, float]]:
    """The two certificate presets as the user has set them (model units)."""
    m = to_model(CERT_INPUTS, values)
    return {"Generic AI certificate": {"course_fees": m["gc_fees"], "target_hours": m["gc_hours"],
                                       "probability": m["gc_prob"], "risk_reduction": m["gc_risk"]},
            "Domain-specific implementation certificate": {"course_fees": m["sc_fees"],
                                                           "target_hours": m["sc_hours"],
                                                           "probability": m["sc_prob"]}}


def displacement(values: dict, share: float) -> float:
    """The yearly displacement probability of the check-up: from the risk check's share, or the
    user's own estimate [fraction/yr]."""
    if values["disp_src"] == FROM_RISK:
        return displacement_from_share(share)
    return values["disp"] / 100


def build_career_inputs(values: dict, yearly_displacement: float, premium: float, plan: UpskillingResult
                        ) -> CareerInputs:
    """Check-up values and the numbers carried from earlier steps -> stay-or-move inputs. The
    upskilling step's plan gives the time to competency (never reached: after the horizon), the
    months until 3 years in the domain and the present value of its costs (``cost_pv``)."""
    m = to_model(CAREER_INPUTS + tuple(p for p in UPSKILL_INPUTS if p.key in (
        "prob", "lag", "years", "disc", "out_weeks", "loss", "loss_half", "risk_cut", "salary")), values)
    never = 12.0 * m["years"] + 1
    months = plan.months
    return CareerInputs(
        salary=m["salary"], displacement_probability=yearly_displacement, weeks_out=m["out_weeks"],
        earnings_loss=m["loss"], loss_half_life_years=m["loss_half"], horizon_years=m["years"],
        discount_rate=m["disc"], premium=premium, premium_probability=m["prob"],
        months_to_domain=plan.inputs.months_to_domain_profile,
        months_to_competency=never if months is None else min(months, never),
        lag_months=m["lag"], study_cost=plan.cost_pv, risk_reduction=m["risk_cut"], search_weeks=m["search"],
        salary_change=m["move_pay"], move_probability=m["move_prob"], move_risk=m["move_risk"],
    )


ROI_DRIVER_KEYS = ("hours", "people", "hourly", "weeks", "recapture", "errors", "error_cost", "revenue", "margin")

ALL_PAGES: tuple[tuple[str, tuple[Param, ...]], ...] = (
    ("Every page", FRAME_INPUTS),
    ("Implementation value", ROI_INPUTS + ROI_RANGE_INPUTS),
    ("Upskilling plan", UPSKILL_INPUTS),
    ("Am I at risk?", RISK_INPUTS),
    ("Business case", CASE_INPUTS),
    ("Career check-up (its own inputs)", CAREER_INPUTS + CERT_INPUTS + (ANSWER,)),
)


def build_roi_inputs(values: dict) -> tuple[ImplementationInputs, SavingsDrivers | None]:
    """Widget values of the ROI page -> the core inputs (drivers only in "Drivers" mode)."""
    m = to_model(ROI_INPUTS, values)
    drivers = None
    savings = m["savings"]
    if m["mode"] == "Drivers":
        drivers = SavingsDrivers(
            hours_saved_per_week=m["hours"], people=m["people"], loaded_hourly_cost=m["hourly"],
            working_weeks=m["weeks"], errors_avoided=m["errors"], cost_per_error=m["error_cost"],
            revenue_uplift=m["revenue"], margin=m["margin"], recapture=m["recapture"],
        )
        savings = drivers.total()
    inputs = ImplementationInputs(
        annual_savings=savings, implementation_cost=m["impl"], running_cost=m["running"],
        ramp_months=m["ramp"], horizon_years=m["horizon"], discount_rate=m["rate"],
        benefit_risk=m["brisk"], cost_risk=m["crisk"], success_probability=m["success"], capture_share=m["share"],
        premium_cap=m["cap"], current_salary=m["salary"], target_premium=m["target"], go_live=m["golive"],
    )
    return inputs, drivers
