"""The declared inputs of every page (one :class:`~upskill_roi.inputs.param.Param` each).

Sources of defaults refer to ``EVIDENCE.md`` of the project's shared evidence file and are
repeated in each input's tooltip and on the methodology page. "Illustrative" means no
published benchmark fits: replace it with your own figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from upskill_roi.core.business_case import TeamInputs
from upskill_roi.core.career import FULL_EXPOSURE_RATE, CareerInputs
from upskill_roi.core.checkup import CheckupInputs
from upskill_roi.core.displacement import STUDIES
from upskill_roi.core.finance import PAID_HOURS, RISK_ADJUSTMENT_SOURCE
from upskill_roi.core.plan import AUTOMATIC_DAYS, AUTOMATIC_TIME, DAY_CHOICES, TIME_CHOICES
from upskill_roi.core.risk import E_SHARE, Activity, load_occupations
from upskill_roi.core.roi import (
    PREMIUM_CAP_SOURCE,
    RECAPTURE_SOURCE,
    SUCCESS_SOURCE,
    ImplementationInputs,
    SavingsDrivers,
)
from upskill_roi.core.uncertainty import Range
from upskill_roi.core.upskilling import (
    CERTIFICATE_CLAIM,
    PROFILE_DOMAIN_YEARS,
    TARGET_PRESETS,
    TAX_SOURCE,
    Certificates,
    UpskillingInputs,
)
from upskill_roi.inputs.param import MODEL_DEFAULT, Fields, Param, build, to_model, with_defaults

# The core dataclasses the inputs feed (``feeds=``): a misspelt field fails when this module loads.
IMPL, DRIVERS, LEARN = Fields(ImplementationInputs), Fields(SavingsDrivers), Fields(UpskillingInputs)
CASE, MOVE = Fields(TeamInputs), Fields(CareerInputs)
CERTS, CHECK = Fields(Certificates), Fields(CheckupInputs)

GUIDANCE = "Guidance this app is built on (early 2026): an implementation saving $500K a year justifies a $50K+ premium"

CURRENCIES: tuple[str, ...] = ("USD", "EUR", "GBP", "CAD", "AUD", "INR", "JPY", "CHF", "SGD", "SEK", "BRL", "ZAR")
"""Currencies offered in the app (ISO 4217 codes). USD first: it is the default."""

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
    "salary", "Your current salary", "{cur}/yr", MODEL_DEFAULT, "money", "number", min=0, max=10_000_000, step=1_000,
    help="Your pay today, before tax: for the premium's cap and its share of your pay, the value of an hour of "
    "study, and what a job loss costs.",
    source="BLS OEWS May 2024 median annual wage, Management Analysts (13-1111): $101,190.", group="Premium",
    feeds=(LEARN.salary, MOVE.salary, IMPL.salary))

# --- ROI page ------------------------------------------------------------------------------
SAVINGS, COSTS, ASSUMPTIONS, PREMIUM = "Savings", "Costs", "Assumptions", "Premium"

# Shared by the ROI page and the business case (one declaration, one default, one URL key each).
BENEFIT_RISK = Param(
    "brisk", "Benefit risk adjustment", "%", MODEL_DEFAULT, "percent", "slider", min=0, max=90, step=1,
    scale=0.01, fmt="%d%%", help="Taken off every benefit for the uncertainty of the estimate (0 = measured savings).",
    source=RISK_ADJUSTMENT_SOURCE, group=ASSUMPTIONS, feeds=(CASE.benefit_risk, IMPL.benefit_risk))
COST_RISK = Param(
    "crisk", "Cost risk adjustment", "%", MODEL_DEFAULT, "percent", "slider", min=0, max=100, step=1,
    scale=0.01, fmt="%d%%", help="Added to every cost for the uncertainty of the estimate.",
    source=RISK_ADJUSTMENT_SOURCE, group=ASSUMPTIONS, feeds=(CASE.cost_risk, IMPL.cost_risk))
SUCCESS = Param(
    "success", "Chance the system reaches production", "%", MODEL_DEFAULT, "percent", "slider", min=0,
    max=100, step=5, scale=0.01, fmt="%d%%",
    help="The implementation cost is spent either way; savings, running costs and the premium come only if the "
    "system reaches production. 100% for a system already in production.", source=SUCCESS_SOURCE, group=ASSUMPTIONS,
    feeds=(CASE.success_probability, IMPL.success_probability))
RECAPTURE = Param(
    "recapture", "Time saved that becomes productive work", "%", MODEL_DEFAULT, "percent", "slider", min=0,
    max=100, step=5, scale=0.01, fmt="%d%%",
    help="Time saved is not cash saved: only this share of the hours freed goes to productive work.",
    source=RECAPTURE_SOURCE, group=SAVINGS, feeds=(CASE.recapture, DRIVERS.recapture))

ROI_INPUTS: tuple[Param, ...] = (
    Param("mode", "Enter savings as", "", "Total", "choice", "segmented",
          help="Total: one annual figure. Drivers: built from hours saved, errors avoided and revenue.",
          source="—", group=SAVINGS, options=("Total", "Drivers")),
    Param("savings", "Annual savings", "{cur}/yr", MODEL_DEFAULT, "money", "number", min=0, max=100_000_000,
          step=10_000,
          help="Gross savings per year once the system is fully adopted, before any risk adjustment.",
          source=GUIDANCE + " ($500K/yr).", group=SAVINGS, feeds=(IMPL.annual_savings,)),
    Param("hours", "Hours saved per person", "h/week", MODEL_DEFAULT, "number", "number", min=0, max=40, step=0.5,
          fmt="%.1f",
          help="Hours each affected person saves in an average working week.",
          source="Illustrative: 10% of a 40-hour week. For scale: consultants using GPT-4 finished tasks inside "
          "the AI frontier 25.1% faster (Dell'Acqua et al., HBS WP 24-013, 2023).", group=SAVINGS,
          feeds=(DRIVERS.hours_saved_per_week,)),
    Param("people", "People affected", "FTE", MODEL_DEFAULT, "number", "number", min=0, max=1_000_000, step=1,
          fmt="%.1f",
          help="People whose work the system speeds up, in full-time equivalents (part-timers count in part).",
          source="Illustrative: one department.", group=SAVINGS,
          feeds=(DRIVERS.people,)),
    Param("hourly", "Loaded hourly cost", "{cur}/h", MODEL_DEFAULT, "money", "number", min=0, max=5_000, step=5,
          fmt="%.2f",
          help="Wage plus benefits and overhead for one hour of their time.",
          source="Illustrative: BLS OEWS May 2024 median wage of Management Analysts (13-1111) is $48.65/h, "
          "plus benefits.", group=SAVINGS, feeds=(DRIVERS.loaded_hourly_cost,)),
    Param("weeks", "Working weeks per year", "weeks/yr", MODEL_DEFAULT, "number", "number", min=1, max=52, step=1,
          help="Weeks in which the hours are actually saved.",
          source="Assumption: 52 weeks less about 4 weeks of leave and public holidays.", group=SAVINGS,
          feeds=(DRIVERS.working_weeks,)),
    Param("errors", "Errors avoided", "errors/yr", MODEL_DEFAULT, "number", "number", min=0, max=10_000_000, step=10,
          help="Errors, rework items or incidents avoided per year.",
          source="Illustrative: none unless you enter them.",
          group=SAVINGS, feeds=(DRIVERS.errors_avoided,)),
    Param("error_cost", "Cost per error", "{cur}/error", MODEL_DEFAULT, "money", "number", min=0, max=10_000_000,
          step=50,
          help="What one error costs to find and fix, including its consequences.",
          source="Illustrative: none unless you enter them.", group=SAVINGS, feeds=(DRIVERS.cost_per_error,)),
    Param("revenue", "Revenue uplift", "{cur}/yr", MODEL_DEFAULT, "money", "number", min=0, max=1_000_000_000,
          step=10_000,
          help="Extra revenue per year the system makes possible.", source="Illustrative: none unless you enter it.",
          group=SAVINGS, feeds=(DRIVERS.revenue_uplift,)),
    Param("margin", "Margin on that revenue", "%", MODEL_DEFAULT, "percent", "slider", min=0, max=100, step=1,
          scale=0.01,
          fmt="%d%%", help="Only the margin on extra revenue counts as a saving.",
          source="Illustrative.", group=SAVINGS, feeds=(DRIVERS.margin,)),
    RECAPTURE,
    Param("impl", "One-time implementation cost", "{cur}", MODEL_DEFAULT, "money", "number", min=0, max=100_000_000,
          step=5_000, help="Build, integration, data work and training, paid at go-live (month 0, not discounted).",
          source="Illustrative: replace with your quote.", group=COSTS, feeds=(IMPL.implementation_cost,)),
    Param("running", "Annual running cost", "{cur}/yr", MODEL_DEFAULT, "money", "number", min=0, max=100_000_000,
          step=1_000, help="Licences, compute and maintenance, paid monthly from month 1.",
          source="Illustrative. For scale: a Copilot-style licence at $30/user/month is $360/user/yr.", group=COSTS,
          feeds=(IMPL.running_cost,)),
    Param("golive", "Go-live date (optional)", "", MODEL_DEFAULT, "date", "date", min=dt.date(2000, 1, 1),
          max=dt.date(2100, 12, 31),
          help="Set it to see the payback as a calendar date. Left empty, the page shows months only, so "
          "a shared link shows the same page on any day.", source="Not set by default.", group=ASSUMPTIONS,
          feeds=(IMPL.go_live,)),
    Param("ramp", "Adoption ramp", "months", MODEL_DEFAULT, "int", "slider", min=0, max=24, step=1,
          help="Months until the full benefit; the benefit grows linearly until then (0 = full from month 1).",
          source="Illustrative.", group=ASSUMPTIONS, feeds=(IMPL.ramp_months,)),
    Param("horizon", "Horizon", "years", MODEL_DEFAULT, "int", "slider", min=1, max=10, step=1,
          help="Years over which the case is evaluated.",
          source="Forrester Total Economic Impact (TEI) studies use 3 years.", group=ASSUMPTIONS,
          feeds=(IMPL.horizon_years,)),
    Param("rate", "Discount rate", "%/yr", MODEL_DEFAULT, "percent", "slider", min=0, max=30, step=0.5, scale=0.01,
          fmt="%.1f%%", help="Annual rate used to discount future cash flows (the cost of capital).",
          source="Forrester TEI default 10%; organisations typically use 8-16%.", group=ASSUMPTIONS,
          feeds=(IMPL.discount_rate,)),
    SUCCESS,
    BENEFIT_RISK,
    COST_RISK,
    Param("share", "Value-capture share", "% of net savings", MODEL_DEFAULT, "percent", "slider", min=0, max=50, step=1,
          scale=0.01, fmt="%d%%",
          help="Share of what the system saves a year net of its running cost that you argue for as your premium.",
          source=GUIDANCE + ": $50K of $500K a year net = 10%.", group=PREMIUM, feeds=(IMPL.capture_share,)),
    SALARY,
    Param("cap", "Premium cap", "% of your salary", MODEL_DEFAULT, "percent", "slider", min=0, max=200,
          step=1, scale=0.01, fmt="%d%%", help="No premium above this share of your current salary.",
          source=PREMIUM_CAP_SOURCE, group=PREMIUM, feeds=(IMPL.premium_cap,)),
    Param("target", "Premium you want to justify", "{cur}/yr", MODEL_DEFAULT, "money", "number", min=0,
          max=10_000_000, step=1_000, help="The inverse solver finds the annual savings this premium needs.",
          source=GUIDANCE + " ($50K+).", group=PREMIUM, feeds=(IMPL.target_premium,)),
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
    Param("weekly", "Study hours per week", "h/week", MODEL_DEFAULT, "number", "slider", min=0, max=40, step=0.5,
          fmt="%.1f", help="Hours of structured, implementation-focused learning you plan each week. "
          "The guidance recommends 6-12.",
          source="The guidance: 6-12 hours a week; about 10 h/week for six months of focused implementation.",
          group=PLAN, feeds=(LEARN.weekly_hours,)),
    Param("goal", "Target", "", "Six months (260 h)", "choice", "select",
          options=(*GOALS, CUSTOM_GOAL),
          help="How many practice hours make you competent at your goal. Presets carry their sources; "
          "choose Custom to type your own.",
          source="Presets: Kaufman (20 h); Google Career Certificates (about 180-240 h); the guidance "
          "(26 weeks x 10 h = 260 h); FSI (600-750 h).", group=PLAN),
    Param("target_h", "Custom target", "h", 260.0, "number", "number", min=1, max=10_000, step=10,
          help="Used when the target is Custom.", source="The guidance's 260 h until you change it.", group=PLAN,
          feeds=(LEARN.target_hours,)),
    Param("prior", "Other relevant hours already done", "h", MODEL_DEFAULT, "number", "number", min=0, max=10_000,
          step=10,
          help="Practice you have already put in that counts towards the target (courses, side projects).",
          source="None credited by default.", group=PLAN, feeds=(LEARN.prior_hours,)),
    Param("impl_months", "Focused AI implementation already done", "months", MODEL_DEFAULT, "number", "number", min=0,
          max=120, step=1, fmt="%.0f",
          help="Months of focused AI implementation experience you have. Each counts 43.3 hours towards the target "
          "(the guidance's six months = 260 h).",
          source="None by default. The guidance's profile: 3+ years in the domain plus 6 months of focused AI "
          "implementation experience.", group=PLAN, feeds=(LEARN.implementation_months,)),
    Param("domain_years", "Years in your domain", "years", MODEL_DEFAULT, "number", "number", min=0, max=50, step=0.5,
          fmt="%.1f",
          help="Years of experience in the field you apply AI to. Below 3 years the premium's chance is the generic "
          "5% until you reach 3.",
          source=f"Illustrative: 5 years. The guidance's profile asks {PROFILE_DOMAIN_YEARS:g}+ years of domain "
          "experience; without it AI skills are the generic kind it says have near-zero value.", group=PLAN,
          feeds=(LEARN.domain_years,)),
    Param("consistency", "Consistency", "%", MODEL_DEFAULT, "percent", "slider", min=10, max=100, step=5, scale=0.01,
          fmt="%d%%", help="Share of planned weeks you actually study (holidays, busy weeks).",
          source="100% by default (the issue's plain case); lower it to be realistic.", group=PLAN,
          feeds=(LEARN.consistency,)),
    Param("start", "Start date", "", "today", "date", "date", min=dt.date(2000, 1, 1), max=dt.date(2100, 12, 31),
          help="The day the plan starts. Share links always carry it, so a link shows the same dates later.",
          source="Today, when the link does not say.", group=PLAN, feeds=(LEARN.start,)),
    Param("study_days", "Study days", "", AUTOMATIC_DAYS, "choice",
          "select", options=DAY_CHOICES,
          help="The days of the week you can study: one session on each, the weekly hours split equally over "
          "them. Working 12-hour shifts? Choose your days off, e.g. Thu, Fri, Sat, Sun. Type to narrow the list "
          "(e.g. \"Tue, Thu\"). Automatic: about 2-hour sessions on Tue, Thu, Sat, Mon, Wed, Sun, Fri in that "
          "order, as many as the hours need.",
          source="Your own availability; the automatic spread is this app's illustration, not a study's finding.",
          group=PLAN,
          feeds=(CHECK.study_days,)),
    Param("study_time", "Sessions start at", "local time", AUTOMATIC_TIME,
          "choice", "select", options=TIME_CHOICES,
          help="The start time of every session, in your local time (the calendar file keeps this clock time "
          "wherever you are). After a night shift, choose a time after you have slept. Automatic: 19:00 on "
          "weekdays; 09:00 at weekends and for weekday sessions over 2.5 hours.",
          source="Your own availability; the automatic times are this app's illustration.", group=PLAN,
          feeds=(CHECK.study_time,)),
    Param("premium", "Salary premium once competent", "{cur}/yr", MODEL_DEFAULT, "money", "number", min=0,
          max=100_000_000, step=1_000, help="The raise or the higher pay of the new role, before tax. Carried in from "
          "the Implementation value page when you come from there.",
          source=GUIDANCE + " ($50K+).", group=PAYOFF, feeds=(LEARN.premium,)),
    Param("prob", "Probability of getting it", "%", MODEL_DEFAULT, "percent", "slider", min=0, max=100, step=5,
          scale=0.01, fmt="%d%%", help="Your honest chance of turning the skill into that premium, with 3+ years in "
          "your domain.",
          source="Illustrative: an even chance. Replace with your own estimate.", group=PAYOFF,
          feeds=(LEARN.probability, MOVE.premium_probability)),
    Param("lag", "Months from competency to the raise or role", "months", MODEL_DEFAULT, "number", "slider", min=0,
          max=24,
          step=0.5, fmt="%.1f", help="Time to land the role or negotiate the raise once competent.",
          source="Illustrative. For scale: the median spell of unemployment was 10.5 weeks (BLS CPS, Q4 2024).",
          group=PAYOFF, feeds=(LEARN.lag_months, MOVE.lag_months)),
    SALARY,
    Param("fees", "Course fees", "{cur}", MODEL_DEFAULT, "money", "number", min=0, max=1_000_000, step=50,
          help="Courses, certificates, books and tools, paid at the start out of taxed income.",
          source="Illustrative: replace with your courses' prices.", group=PAYOFF, feeds=(LEARN.course_fees,)),
    Param("time_value", "Value of your study time", "% of your hourly pay", MODEL_DEFAULT, "percent", "slider", min=0,
          max=100, step=5, scale=0.01, fmt="%d%%",
          help=f"Each hour of study costs this share of your hourly pay (salary / {PAID_HOURS:,.0f} paid hours). "
          "0 = study in time that has no other value to you.",
          source=f"Your hourly pay: salary / {PAID_HOURS:,.0f} paid hours, the factor BLS OEWS uses between hourly "
          "and annual wages; 100% by default (an hour of study is an hour of your time).", group=PAYOFF,
          feeds=(LEARN.time_value_share,)),
    Param("tax", "Your marginal tax rate", "%", MODEL_DEFAULT, "percent", "slider", min=0, max=90, step=1,
          scale=0.01, fmt="%d%%",
          help="Pay and premiums are before tax; fees come out of taxed income, so they are grossed up by this rate "
          "to compare like with like.", source=TAX_SOURCE, group=PAYOFF, feeds=(LEARN.marginal_tax_rate,)),
    Param("years", "Horizon", "years", MODEL_DEFAULT, "int", "slider", min=1, max=10, step=1,
          help="Years, from today, over which the payoff is counted.",
          source="Illustrative: 5 years.", group=PAYOFF, feeds=(LEARN.horizon_years, MOVE.horizon_years)),
    Param("disc", "Personal discount rate", "%/yr", MODEL_DEFAULT, "percent", "slider", min=0, max=30, step=0.5,
          scale=0.01,
          fmt="%.1f%%", help="How much less a euro or dollar next year is worth to you than one today.",
          source="Same 10% as the business case (Forrester TEI default).", group=PAYOFF,
          feeds=(LEARN.discount_rate, MOVE.discount_rate)),
    Param("wait", "Delay to price", "months", MODEL_DEFAULT, "int", "slider", min=1, max=24, step=1,
          help="What does starting this many months later cost?",
          source="The guidance: those who moved six months ago are ahead of those who wait.", group=WAITING,
          feeds=(LEARN.wait_months,)),
    Param("disp_yr", "Yearly chance of losing your job", "%/yr", MODEL_DEFAULT, "percent", "slider", min=0, max=100,
          step=0.5, scale=0.01, fmt="%.1f%%",
          help="Your chance of being displaced in a year, today. The check-up carries it from the risk check or your "
          "own estimate.", source="Illustrative: 4% a year. 0 leaves the job-loss term out.", group=WAITING,
          feeds=(LEARN.displacement_probability,)),
    Param("risk_cut", "Lower displacement risk once competent", "%", MODEL_DEFAULT, "percent", "slider", min=0, max=100,
          step=5, scale=0.01, fmt="%d%%", help="How much upskilling in place cuts that chance, from competency on.",
          source="Illustrative: halved.", group=WAITING, feeds=(LEARN.risk_reduction, MOVE.risk_reduction)),
    Param("out_weeks", "Weeks out of work if displaced", "weeks", MODEL_DEFAULT, "number", "number", min=0, max=104,
          step=0.5, fmt="%.1f", help="Weeks without pay after a job loss.",
          source="BLS Current Population Survey, table E-18, Q4 2024: median duration of unemployment 10.5 weeks "
          "(mean 23.8).", group=WAITING, feeds=(LEARN.weeks_out_of_work, MOVE.weeks_out_of_work)),
    Param("loss", "Lasting pay loss after a job loss", "%", MODEL_DEFAULT, "percent", "slider", min=0, max=100,
          step=1, scale=0.01, fmt="%d%%", help="How much less the next job pays than the old one would have.",
          source="Displaced-worker studies: " + STUDIES, group=WAITING,
          feeds=(LEARN.earnings_loss, MOVE.earnings_loss)),
    Param("loss_half", "Years for that loss to halve", "years", MODEL_DEFAULT, "number", "slider", min=1, max=50,
          step=1, fmt="%.0f", help="The loss fades slowly: it halves over this many years.",
          source="20% fading to about 15% six years on, as Couch & Placzek (2010) found.", group=WAITING,
          feeds=(LEARN.loss_half_life_years, MOVE.loss_half_life_years)),
)


def build_upskilling_inputs(values: Mapping[str, Any], today: dt.date) -> UpskillingInputs:
    """Widget values of the upskilling page -> core inputs (``today`` fills an unset start; a
    preset target sets the hours, Custom uses the hours typed)."""
    goal = values.get("goal", UPSKILL_PARAM["goal"].default)
    preset = {} if goal == CUSTOM_GOAL else {"target_hours": TARGET_PRESETS[GOALS[goal]][0]}
    return build(UpskillingInputs, UPSKILL_INPUTS, values, start=values.get("start") or today, **preset)


# --- Risk page ----------------------------------------------------------------------------
def _occupation_options() -> tuple[str, ...]:
    occ = load_occupations()
    return tuple(f"{code} {title}" for code, title in zip(occ["soc_code"], occ["title"], strict=False))


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
          source="—", group="Activities",
          feeds=(CHECK.unit,)),
    Param("thr", "Risk threshold", "%", 60.0, "percent", "slider", min=30, max=90, step=1, scale=0.01, fmt="%d%%",
          help="Your role counts as at risk when MORE than this share of your time is work an AI agent could do. "
          "A heuristic, not a law.",
          source="The guidance's rule of thumb: more than 60%. (The OECD's 50% and 70% bands are bands of a job's "
          "probability of automation, not of a share of time: shown for comparison only.)", group="Activities",
          feeds=(CHECK.threshold,)),
    Param("e_share", "Share of an E1/E2 task's time AI takes", "%", E_SHARE * 100, "percent", "slider", min=0,
          max=100, step=5, scale=0.01, fmt="%d%%",
          help="E1/E2 tasks are ones where AI cuts the time by at least half, not ones it takes over: they count this "
          "share of their time. The guidance's own kinds count whole.",
          source="Eloundou et al. (Science 2024) rubric: E1/E2 = an LLM (plus tools) cuts the task's time by at least "
          "half; 50% = that lower bound.", group="Activities",
          feeds=(CHECK.e_share,)),
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
    Param("sav_lo", "Savings: low", "% below likely", 40.0, "percent", "slider", min=0, max=90, step=5, scale=0.01,
          fmt="%d%%",
          help="How far below your likely savings the pessimistic case lies.", source=_SPREAD_SOURCE, group=RANGES),
    Param("sav_hi", "Savings: high", "% above likely", 30.0, "percent", "slider", min=0, max=300, step=5,
          scale=0.01, fmt="%d%%", help="How far above your likely savings the optimistic case lies.",
          source=_SPREAD_SOURCE,
          group=RANGES),
    Param("impl_lo", "Implementation cost: low", "% below likely", 10.0, "percent", "slider", min=0, max=90,
          step=5, scale=0.01, fmt="%d%%", help="The best case for the one-time cost.", source=_SPREAD_SOURCE,
          group=RANGES),
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
    Param("seed", "Random seed", "", 1, "int", "slider", min=1, max=99, step=1,
          help="Fixes the random draws, so the same link shows the same ranges. Change it to see how stable "
          "the figures are.", source="Any value; the link carries it.", group=RANGES),
)
RANGE_DRAWS = 20_000
"""Monte Carlo draws on the page (the ranges move by well under 1% between seeds at this size)."""


def build_roi_ranges(values: Mapping[str, Any], inputs: ImplementationInputs) -> dict[str, Range]:
    """The page's spreads (in % of the likely values) -> core ranges around ``inputs``."""
    m = to_model(ROI_RANGE_INPUTS, with_defaults(ROI_RANGE_INPUTS, values))
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
    Param("team", "Team size", "persons", MODEL_DEFAULT, "number", "number", min=1, max=100_000, step=1, fmt="%.0f",
          help="People in the team whose work AI could change.", source=_ILL, group=TEAM, feeds=(CASE.team_size,)),
    Param("ai_share", "Share of the team's time AI could take over", "%", MODEL_DEFAULT, "percent", "slider", min=0,
          max=100,
          step=1, scale=0.01, fmt="%d%%",
          help="Once the system is in production and adopted. From the risk check (your automatable share) or your "
          "own estimate.",
          source="Illustrative. For scale: about 19% of US workers have at least half of their tasks exposed "
          "(Eloundou et al. 2024).", group=TEAM, feeds=(CASE.ai_share,)),
    Param("loaded", "Loaded cost per person", "{cur}/yr", MODEL_DEFAULT, "money", "number", min=0, max=10_000_000,
          step=1_000, help="Salary plus benefits and overhead.", source=_ILL, group=TEAM, feeds=(CASE.loaded_cost,)),
    Param("case_years", "Horizon", "years", MODEL_DEFAULT, "int", "slider", min=1, max=10, step=1,
          help="Years over which the options are compared.", source="Forrester TEI studies use 3 years.", group=TEAM,
          feeds=(CASE.horizon_years,)),
    Param("case_rate", "Discount rate", "%/yr", MODEL_DEFAULT, "percent", "slider", min=0, max=30, step=0.5, scale=0.01,
          fmt="%.1f%%", help="The organisation's cost of capital.", source="Forrester TEI default 10%.", group=TEAM,
          feeds=(CASE.discount_rate,)),
    Param("sys_cost", "AI system: one-time cost", "{cur}", MODEL_DEFAULT, "money", "number", min=0,
          max=100_000_000, step=1_000, help="Licences to start, integration and data work: paid by every option that "
          "relies on AI.", source=_ILL + " For scale: the ROI page's example is $100K for a 40-person department.",
          group=SYSTEM, feeds=(CASE.system_cost,)),
    Param("sys_run", "AI system: running cost", "{cur}/yr", MODEL_DEFAULT, "money", "number",
          min=0, max=100_000_000, step=1_000, help="Licences, compute and upkeep from production on.",
          source=_ILL + " For scale: a Copilot-style licence is $360 per user a year.", group=SYSTEM,
          feeds=(CASE.system_running,)),
    Param("build", "Build time", "months", MODEL_DEFAULT, "number", "slider", min=0, max=24, step=1,
          fmt="%.0f", help="From the start of the build to production, once the people who build it are ready.",
          source=_ILL, group=SYSTEM, feeds=(CASE.build_months,)),
    Param("case_ramp", "Adoption ramp", "months", MODEL_DEFAULT, "number", "slider", min=0, max=36,
          step=1, fmt="%.0f", help="From production to full use; the benefit grows linearly until then.",
          source=_ILL, group=SYSTEM, feeds=(CASE.ramp_months,)),
    SUCCESS, RECAPTURE, BENEFIT_RISK, COST_RISK,
    Param("k", "People to upskill", "persons", MODEL_DEFAULT, "number", "number", min=0, max=100_000, step=1,
          fmt="%.0f",
          help="Team members trained to implement AI.", source=_ILL, group=UPSKILL_OPT, feeds=(CASE.upskill_people,)),
    Param("t_fees", "Training fees per person", "{cur}", MODEL_DEFAULT, "money", "number", min=0, max=1_000_000,
          step=100,
          help="Courses and certificates.", source=_ILL, group=UPSKILL_OPT, feeds=(CASE.training_fees,)),
    Param("train_h", "Training hours per person", "h", MODEL_DEFAULT, "number", "number", min=0, max=5_000, step=10,
          fmt="%.0f", help="Costed at the loaded cost / 1,800 productive hours, as they are spent.",
          source="The guidance: about six months at ~10 h/week = 260 h.", group=UPSKILL_OPT,
          feeds=(CASE.training_hours,)),
    Param("pace", "Training pace", "h/week", MODEL_DEFAULT, "number", "slider", min=0, max=40, step=1,
          fmt="%.0f", help="Hours a week each person trains; the benefit starts when the training is done.",
          source="The guidance: 6-12 hours a week of implementation-focused learning.", group=UPSKILL_OPT,
          feeds=(CASE.training_pace,)),
    Param("u_time", "Their time on the AI work once in production", "% of their time",
          MODEL_DEFAULT, "percent", "slider", min=0, max=100, step=5, scale=0.01,
          fmt="%d%%", help="Running and improving the system, costed at their loaded cost.", source=_ILL,
          group=UPSKILL_OPT, feeds=(CASE.upskill_time_share,)),
    Param("u_premium", "Premium per upskilled person", "{cur}/yr", MODEL_DEFAULT, "money", "number", min=0,
          max=10_000_000, step=1_000, help="Raise paid to those who deliver, from production on.", source=_ILL,
          group=UPSKILL_OPT, feeds=(CASE.upskill_premium,)),
    Param("u_capture", "Share of the AI potential they realise", "%", MODEL_DEFAULT, "percent", "slider", min=0,
          max=100,
          step=5, scale=0.01, fmt="%d%%", help="People who know the domain put more of what AI could take to work.",
          source=_ILL, group=UPSKILL_OPT, feeds=(CASE.upskill_capture,)),
    Param("attrition", "Attrition (Upskill + attrition)", "%/yr", MODEL_DEFAULT, "percent",
          "slider", min=0, max=50, step=1, scale=0.01, fmt="%d%%",
          help="People who leave each year; in 'Upskill + attrition' they are not replaced while the system absorbs "
          "their work.", source="Illustrative: 10% a year; use your own HR figure.", group=UPSKILL_OPT,
          feeds=(CASE.attrition_rate,)),
    Param("h_salary", "Specialist's loaded cost", "{cur}/yr", MODEL_DEFAULT, "money", "number", min=0,
          max=10_000_000, step=1_000, help="Salary with the premium, plus benefits and overhead, like the team's "
          "loaded cost.", source=_ILL, group=HIRE_OPT, feeds=(CASE.hire_salary,)),
    Param("h_recruit", "Recruiting cost", "{cur}", MODEL_DEFAULT, "money", "number", min=0, max=10_000_000, step=1_000,
          help="Agency fees and interviews.", source=_ILL, group=HIRE_OPT, feeds=(CASE.hire_recruiting,)),
    Param("h_delay", "Time to hire", "months", MODEL_DEFAULT, "number", "slider", min=0, max=24, step=1, fmt="%.0f",
          help="Months until the specialist starts; the build starts then.", source=_ILL, group=HIRE_OPT,
          feeds=(CASE.hire_delay_months,)),
    Param("h_capture", "Share of the AI potential the specialist realises", "%", MODEL_DEFAULT, "percent", "slider",
          min=0,
          max=100, step=5, scale=0.01, fmt="%d%%", help="Without domain depth this may be lower.", source=_ILL,
          group=HIRE_OPT, feeds=(CASE.hire_capture,)),
    Param("s_capture", "Share of the AI potential the system alone realises", "%",
          MODEL_DEFAULT, "percent", "slider", min=0, max=100, step=5, scale=0.01, fmt="%d%%",
          help="With nobody upskilled or hired (Cut, Redeploy).", source=_ILL, group=REDUCE_OPT,
          feeds=(CASE.system_capture,)),
    Param("r", "Roles to cut or redeploy", "persons", MODEL_DEFAULT, "number", "number", min=0, max=100_000, step=1,
          fmt="%.0f",
          help="Positions removed (Cut) or moved to other work (Redeploy) once the system is in production.",
          source=_ILL, group=REDUCE_OPT, feeds=(CASE.reduce_people,)),
    Param("severance", "Severance", "months of pay", MODEL_DEFAULT, "number", "slider", min=0, max=36, step=1,
          fmt="%.0f",
          help="Paid once per role cut.", source=_ILL, group=REDUCE_OPT, feeds=(CASE.severance_months,)),
    Param("k_loss", "Knowledge loss", "% of the remaining team's cost a year", MODEL_DEFAULT, "percent", "slider",
          min=0,
          max=50, step=1, scale=0.01, fmt="%d%%", help="Output lost when experience leaves (Cut).", source=_ILL,
          group=REDUCE_OPT, feeds=(CASE.knowledge_loss,)),
    Param("cover", "Cost of work nobody absorbs", "x loaded cost", MODEL_DEFAULT, "number", "slider",
          min=0, max=3, step=0.05, fmt="%.2f",
          help="Work that leaves with the people beyond what the system absorbs is lost output, overtime or "
          "contractors: each person-year of it costs this multiple of the loaded cost.",
          source="Illustrative: 1.0 = the output lost is worth what it cost (generous to cutting); overtime is paid "
          "at 1.5x under the US Fair Labor Standards Act.", group=REDUCE_OPT, feeds=(CASE.cover_factor,)),
    Param("redeploy_v", "Value of a redeployed person's new work", "% of their cost",
          MODEL_DEFAULT, "percent", "slider", min=0, max=200, step=5, scale=0.01, fmt="%d%%",
          help="Redeploy: the people move to other work instead of leaving; their pay continues.", source=_ILL,
          group=REDUCE_OPT, feeds=(CASE.redeploy_value,)),
    Param("redeploy_h", "Retraining hours per redeployed person", "h", MODEL_DEFAULT, "number",
          "number", min=0, max=5_000, step=10, fmt="%.0f", help="Costed at the loaded hourly cost.", source=_ILL,
          group=REDUCE_OPT, feeds=(CASE.redeploy_hours,)),
    Param("ai_lo", "AI share: low", "% points below", 10.0, "number", "slider", min=0, max=100, step=1,
          scale=0.01, fmt="%d pts", help="The pessimistic AI share, in percentage points below your estimate.",
          source=_ILL,
          group=CASE_RANGES),
    Param("ai_hi", "AI share: high", "% points above", 10.0, "number", "slider", min=0, max=100, step=1,
          scale=0.01, fmt="%d pts", help="The optimistic AI share, in percentage points above your estimate.",
          source=_ILL,
          group=CASE_RANGES),
    Param("cap_pm", "Shares of the AI potential realised: spread", "% points either way", 15.0, "number",
          "slider", min=0, max=50, step=1, scale=0.01, fmt="%d pts",
          help="Each option's share drawn this far below and above.",
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
    Param("case_seed", "Random seed", "", 1, "int", "slider", min=1, max=99, step=1,
          help="Fixes the draws so a link shows the same ranges.", source="Any value; the link carries it.",
          group=CASE_RANGES),
)
"""The business case's inputs; the TEI table's risk adjustments are the page's (``brisk``, ``crisk``)."""
CASE_SHARED = (SUCCESS, RECAPTURE, BENEFIT_RISK, COST_RISK)
"""Inputs the business case shares with the implementation-value page (one declaration each),
drawn on its AI system tab."""
CASE_DRAWS = 20_000
"""Simulated cases on the business case page."""


def build_team_inputs(values: Mapping[str, Any]) -> tuple[TeamInputs, dict[str, Range]]:
    """Widget values of the business case page -> core inputs and the ranges of the uncertain drivers."""
    m = to_model(CASE_INPUTS, with_defaults(CASE_INPUTS, values))
    # More people to upskill or roles to cut than the team has: the case uses the team size (team_caps).
    i = build(TeamInputs, CASE_INPUTS, values, upskill_people=min(m["k"], m["team"]),
              reduce_people=min(m["r"], m["team"]))

    def around(likely: float, low: float, high: float, top: float = float("inf")) -> Range:
        return Range(max(low, 0.0), likely, min(high, top))

    pts = m["cap_pm"]
    ranges = {
        "ai_share": around(i.ai_share, i.ai_share - m["ai_lo"], i.ai_share + m["ai_hi"], 1.0),
        **{f: around(getattr(i, f), getattr(i, f) - pts, getattr(i, f) + pts, 1.0)
           for f in ("upskill_capture", "hire_capture", "system_capture")},
        "training_hours": around(i.training_hours, i.training_hours * (1 - m["train_lo"]),
                                 i.training_hours * (1 + m["train_hi"])),
        "hire_delay_months": around(i.hire_delay_months, i.hire_delay_months - m["hire_lo"],
                                    i.hire_delay_months + m["hire_hi"]),
        "knowledge_loss": around(i.knowledge_loss, i.knowledge_loss * (1 - m["lost_lo"]),
                                 i.knowledge_loss * (1 + m["lost_hi"]), 1.0),
        "cover_factor": around(i.cover_factor, i.cover_factor * (1 - m["lost_lo"]),
        i.cover_factor * (1 + m["lost_hi"])),
    }
    return i, ranges


def team_caps(values: Mapping[str, Any]) -> list[str]:
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
          help="From the risk check: your automatable share x the yearly probability at full exposure (an "
          "illustrative mapping, set below: exposure is not a probability of losing a job). Or type your own "
          "estimate.",
          source=f"Illustrative assumption: fully automatable work = {FULL_EXPOSURE_RATE:.0%} a year.", group=CAREER),
    Param("disp", "Your own estimate", "%/yr", 4.0, "percent", "slider", min=0, max=100, step=0.5, scale=0.01,
          fmt="%.1f%%", help="Your yearly chance of losing your current job; used with My own estimate.",
          source="Illustrative: 4% a year.", group=CAREER),
    Param("search", "Job search without pay if you move", "weeks", MODEL_DEFAULT, "number", "number", min=0, max=52,
          step=0.5, fmt="%.1f", help="Weeks between leaving and starting the new role; 0 if you search while "
          "employed.", source="BLS Current Population Survey, table E-18, Q4 2024: median duration of "
          "unemployment 10.5 weeks (mean 23.8).", group=CAREER, feeds=(MOVE.search_weeks,)),
    Param("move_pay", "Pay change on moving", "%", MODEL_DEFAULT, "percent", "slider", min=-50, max=100, step=1,
          scale=0.01, fmt="%d%%", help="The new role's pay against today's.",
          source="Illustrative. For scale: one AI skill carries a 28% premium in job postings (Lightcast, Beyond "
          "the Buzz, 2025); PwC's 2025 AI Jobs Barometer finds 56%.", group=CAREER, feeds=(MOVE.salary_change,)),
    Param("move_prob", "Chance the move lands", "%", MODEL_DEFAULT, "percent", "slider", min=0, max=100,
          step=5, scale=0.01, fmt="%d%%",
          help="Moving is not a certain offer: if it does not land, you stay on today's terms after the search.",
          source="Illustrative: an even chance, like the premium's. Replace with your own estimate.", group=CAREER,
          feeds=(MOVE.move_probability,)),
    Param("move_risk", "Yearly displacement probability in the new role", "%/yr", MODEL_DEFAULT, "percent", "slider",
          min=0, max=100, step=0.5, scale=0.01, fmt="%.1f%%",
          help="A role that combines domain expertise with AI implementation is assumed safer; say how much.",
          source="Illustrative: 2% a year.", group=CAREER, feeds=(MOVE.move_risk,)),
    Param("exp_rate", "Yearly displacement probability at full exposure", "%/yr", MODEL_DEFAULT, "percent", "slider",
          min=0, max=50, step=0.5, scale=0.01, fmt="%.1f%%",
          help="How the risk check's share becomes a yearly displacement probability: share x this rate (used "
          "with From the risk check).",
          source=f"Illustrative assumption: fully automatable work = {FULL_EXPOSURE_RATE:.0%} a year; no published "
          "study maps exposure to job loss.", group=CAREER, feeds=(CHECK.full_exposure_rate,)),
)
_CERT_SOURCE = CERTIFICATE_CLAIM + " The numbers are illustrative."
CERT_INPUTS: tuple[Param, ...] = (
    Param("gc_fees", "Generic certificate: fees", "{cur}", MODEL_DEFAULT, "money", "number", min=0,
          max=1_000_000, step=50, help="What a generic AI certificate costs.", source=_CERT_SOURCE, group=CERT,
          feeds=(CERTS.generic_fees,)),
    Param("gc_hours", "Generic certificate: hours", "h", MODEL_DEFAULT, "number", "number", min=1,
          max=10_000, step=5, help="Hours to earn it.", source=_CERT_SOURCE + " A short online course.", group=CERT,
          feeds=(CERTS.generic_hours,)),
    Param("gc_prob", "Generic certificate: chance of the premium", "%", MODEL_DEFAULT, "percent",
          "slider", min=0, max=100, step=1, scale=0.01, fmt="%d%%", help="Near zero, says the guidance.",
          source=_CERT_SOURCE, group=CERT,
          feeds=(CERTS.generic_probability,)),
    Param("gc_risk", "Generic certificate: lower displacement risk", "%", MODEL_DEFAULT, "percent",
          "slider", min=0, max=100, step=5, scale=0.01, fmt="%d%%",
          help="How much the generic certificate cuts your displacement risk (the domain-specific one uses your "
          "plan's).", source=_CERT_SOURCE + " Near-zero value: no lower risk.", group=CERT,
          feeds=(CERTS.generic_risk_reduction,)),
    Param("sc_fees", "Domain-specific certificate: fees", "{cur}", MODEL_DEFAULT, "money", "number", min=0,
          max=1_000_000, step=50, help="What a domain-specific implementation certificate costs.",
          source=_CERT_SOURCE, group=CERT,
          feeds=(CERTS.specific_fees,)),
    Param("sc_hours", "Domain-specific certificate: hours", "h", MODEL_DEFAULT, "number", "number", min=1,
          max=10_000, step=5, help="Hours to earn it.",
          source=_CERT_SOURCE + " Certificate scale: Google Career Certificates' upper end (240 h).", group=CERT,
          feeds=(CERTS.specific_hours,)),
    Param("sc_prob", "Domain-specific certificate: chance of the premium", "%", MODEL_DEFAULT,
          "percent", "slider", min=0, max=100, step=1, scale=0.01, fmt="%d%%", help="Significant, says the guidance.",
          source=_CERT_SOURCE, group=CERT,
          feeds=(CERTS.specific_probability,)),
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


def _unique(params: Iterable[Param]) -> tuple[Param, ...]:
    seen: set[str] = set()
    out: list[Param] = []
    for p in params:
        if p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return tuple(out)


STEPS = ("1. Risk", "2. Implementation", "3. Upskilling", "4. Stay or move", "5. Summary")
"""The check-up's steps, in order (its tabs)."""
STEP = Param(
    "step", "Step", "", STEPS[0], "choice", "segmented", options=STEPS,
    help="The step of the check-up a link opens.", source="The first step.", group=SUMMARY,
)
"""The check-up's step: drawn as its tabs, carried by its links like any input."""

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


def build_certificates(values: Mapping[str, Any]) -> dict[str, dict[str, float]]:
    """The two certificate presets as the user has set them (model units)."""
    return build(Certificates, CERT_INPUTS, values).presets()


def build_checkup_inputs(values: Mapping[str, Any], activities: Iterable[tuple[str, float, str]], today: dt.date
                         ) -> CheckupInputs:
    """Widget values of the check-up and its activities ``(name, time, kind)`` -> the core's
    inputs of every step (:mod:`upskill_roi.core.checkup` carries the results forward)."""
    m = to_model(CAREER_INPUTS, with_defaults(CAREER_INPUTS, values))
    implementation, _ = build_roi_inputs(values)
    return build(CheckupInputs, CHECKUP_INPUTS, values, activities=tuple(Activity(*a) for a in activities),
                 own_displacement=None if m["disp_src"] == FROM_RISK else m["disp"], implementation=implementation,
                 upskilling=build_upskilling_inputs(values, today),
                 career=build(CareerInputs, CAREER_INPUTS + UPSKILL_INPUTS, values),
                 certificates=build_certificates(values))


ROI_DRIVER_KEYS = ("hours", "people", "hourly", "weeks", "recapture", "errors", "error_cost", "revenue", "margin")

def build_roi_inputs(values: Mapping[str, Any]) -> tuple[ImplementationInputs, SavingsDrivers | None]:
    """Widget values of the ROI page -> the core inputs (drivers only in "Drivers" mode, when
    they make the annual savings)."""
    if values.get("mode", ROI_PARAM["mode"].default) != "Drivers":
        return build(ImplementationInputs, ROI_INPUTS, values), None
    drivers = build(SavingsDrivers, ROI_INPUTS, values)
    return build(ImplementationInputs, ROI_INPUTS, values, annual_savings=drivers.total()), drivers


ROI_PARAM = {p.key: p for p in ROI_INPUTS}
UPSKILL_PARAM = {p.key: p for p in UPSKILL_INPUTS}
