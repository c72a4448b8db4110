"""What the Compare page shows for a scenario: its headline results, computed by ``calc``.

Each calculator page with money results has an outcome here: the NPV and payback that the
comparison chart plots, and the page's headline metrics as rows. The numbers are the ones the
page itself shows for the same scenario (same builders, same calc functions).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from calc import business_case, finance, roi, upskilling
from ui import fmt, tei
from ui.inputs import build_roi_inputs, build_team_inputs, build_upskilling_inputs
from ui.scenario import Scenario

__all__ = ["COMPARABLE", "Outcome", "outcome", "format_value", "table_text"]

COMPARABLE = ("roi", "upskilling", "business_case")
"""Pages whose scenarios have an NPV and a payback to compare."""

Kind = Literal["money", "percent", "months", "years", "weeks", "date", "text"]


@dataclass(frozen=True)
class Outcome:
    """The results of one scenario.

    Attributes
    ----------
    npv : float
        The page's headline NPV [currency].
    payback_months : float or None
        Months until the cumulative net is back at 0; None = never.
    rows : list of (label, kind, value)
        Headline results in page order; ``kind`` says how to format the value.
    """

    npv: float
    payback_months: float | None
    rows: list[tuple[str, Kind, Any]]


def outcome(s: Scenario, today: dt.date | None = None) -> Outcome:
    """The headline results of a scenario of one of the :data:`COMPARABLE` pages.

    Examples
    --------
    >>> from ui.scenario import defaults
    >>> o = outcome(Scenario("roi", "USD", defaults("roi")))
    >>> round(o.npv, 2), round(o.payback_months, 2)
    (582614.32, 5.91)
    """
    if s.page == "roi":
        inputs, _ = build_roi_inputs(s.values)
        r = roi.evaluate(inputs)
        return Outcome(r.npv, r.payback_months, [
            ("Annual savings", "money", r.annual_savings), ("Net present value", "money", r.npv),
            ("ROI", "percent", r.roi), ("Payback", "months", r.payback_months), ("IRR", "percent", r.irr),
            ("Justified premium", "money", r.premium)])
    if s.page == "upskilling":
        u = upskilling.evaluate(build_upskilling_inputs(s.values, today or dt.date.today()))
        return Outcome(u.npv, u.break_even_month, [
            ("Weeks to competency", "weeks", u.weeks), ("Competent by", "date", u.competency_date),
            ("Total cost", "money", u.total_cost), ("Payoff (NPV)", "money", u.npv),
            ("Break-even", "months", u.break_even_month), ("Cost of waiting", "money", u.cost_of_waiting)])
    if s.page == "business_case":
        inputs, _ = build_team_inputs(s.values)
        likely = business_case.evaluate_options(inputs)
        best = max(business_case.OPTIONS, key=lambda o: likely[o].npv)
        rows, _ = tei.decode(s.tables.get("tei") or None)
        own_rows: list[tuple[str, Kind, Any]] = []
        if tei.is_own(rows, inputs.horizon_years):
            own = finance.tei_table(*tei.arrays(rows, inputs.horizon_years), inputs.discount_rate,
                                    inputs.benefit_risk, inputs.cost_risk).summary
            own_rows = [("Your own figures (TEI table): NPV", "money", own.npv),
                        ("Your own figures: payback", "years", own.payback)]
        payback = None if likely[best].not_applicable else likely[best].payback_months
        return Outcome(likely[best].npv, payback, [
            ("Best option at the likely values", "text", best),
            *((f"{o}: NPV (risk-adjusted)", "money", likely[o].npv) for o in business_case.OPTIONS),
            (f"{best}: payback", "text" if likely[best].not_applicable else "months",
             "— (the baseline)" if likely[best].not_applicable else payback),
            *own_rows])
    raise ValueError(f"scenarios of the page {s.page!r} have no NPV to compare")


def format_value(kind: Kind, value: Any, currency: str = "USD", locale: str | None = None) -> str:
    """A result value as text ("never" for a duration or date that never comes, "n/a" for an
    undefined ratio).

    Examples
    --------
    >>> format_value("money", 1234.6), format_value("months", None), format_value("percent", None)
    ('$1,235', 'never', 'n/a')
    >>> format_value("weeks", 24.0), format_value("date", dt.date(2027, 7, 5), currency="EUR", locale="en-GB")
    ('24.0 weeks', '5 Jul 2027')
    """
    if value is None:
        return "never" if kind in ("months", "years", "weeks", "date") else "n/a"
    if kind == "money":
        return fmt.money(value, currency, locale)
    if kind == "percent":
        return fmt.percent(value, locale, 1, cap=10)
    if kind == "months":
        return fmt.months(value, locale)
    if kind == "years":
        return f"{fmt.number(value, locale, 1)} years"
    if kind == "weeks":
        return f"{fmt.number(value, locale, 1)} weeks"
    if kind == "date":
        return fmt.date(value, locale)
    return str(value)


def table_text(s: Scenario, key: str) -> str:
    """A page table of a scenario in a few words, for the table of differing inputs.

    Examples
    --------
    >>> from ui.scenario import defaults
    >>> table_text(Scenario("business_case", "USD", defaults("business_case")), "tei")
    'the example (5 rows)'
    >>> table_text(Scenario("business_case", "USD", defaults("business_case"), {"tei": ["C~Build~500"]}), "tei")
    '1 row: C~Build~500'
    """
    rows = s.tables.get(key) or []
    if not rows:
        return f"the example ({len(tei.DEFAULT_ROWS)} rows)"
    if rows == ["-"]:
        return "empty"
    shown = "; ".join(rows[:3]) + ("; …" if len(rows) > 3 else "")
    return f"{len(rows)} row{'s' if len(rows) > 1 else ''}: {shown}"
