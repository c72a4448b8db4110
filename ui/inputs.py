"""The declared inputs of every page (one :class:`~ui.params.Param` each).

Sources of defaults refer to ``EVIDENCE.md`` of the project's shared evidence file and are
repeated in each input's tooltip and on the methodology page. "Illustrative" means no
published benchmark fits: replace it with your own figure.
"""

from __future__ import annotations

import datetime as dt

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
    Param("salary", "Your current salary", "{cur}/yr", 101_190.0, "money", "number", min=0, max=10_000_000,
          step=1_000, help="Used only to show the premium as a share of your pay.",
          source="BLS OEWS May 2024 median annual wage, Management Analysts (13-1111): $101,190.", group=PREMIUM),
    Param("target", "Premium you want to justify", "{cur}/yr", 50_000.0, "money", "number", min=0,
          max=10_000_000, step=1_000, help="The inverse solver finds the annual savings this premium needs.",
          source=GUIDANCE + " ($50K+).", group=PREMIUM),
)

ROI_DRIVER_KEYS = ("hours", "people", "hourly", "weeks", "errors", "error_cost", "revenue", "margin")

ALL_PAGES: tuple[tuple[str, tuple[Param, ...]], ...] = (
    ("Every page", FRAME_INPUTS),
    ("Implementation value", ROI_INPUTS),
)


def build_roi_inputs(values: dict) -> tuple["ImplementationInputs", "SavingsDrivers | None"]:
    """Widget values of the ROI page -> the calc inputs (drivers only in "Drivers" mode)."""
    from calc.roi import ImplementationInputs, SavingsDrivers

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
