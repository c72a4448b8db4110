"""Discounted cash-flow primitives and the conventions every module of the core follows.

Conventions (stated once here; :mod:`upskill_roi.core.roi`, :mod:`upskill_roi.core.business_case`,
:mod:`upskill_roi.core.upskilling`, :mod:`upskill_roi.core.career` and :mod:`upskill_roi.core.displacement` use them)
-----------------------------------------------------------------------------------------------
* **Time.** ``t`` is in years from the start of a case (go-live, the start of a plan, today).
  Monthly models put month ``m``'s flow at the *end* of month ``m`` (t = m / 12); month 0 is
  t = 0 (one-time costs on the first day). A yearly table (TEI: "Initial", "Year 1" ..) puts
  "Initial" at t = 0 and "Year k" at the end of year k (t = k), as Forrester TEI studies do.
  A month is 52/12 = 4.333 weeks.
* **Discounting: one rule.** Every amount is discounted from the moment it falls, at an
  **annual** rate r: ``v(t) = (1 + r)^(-t)``. For monthly flows this is the monthly rate
  ``(1 + r)^(1/12) - 1`` (so ``npv(r, monthly, per_year=12)`` equals numpy-financial's ``npv`` at
  that rate); for a yearly table it is numpy-financial's ``npv`` at r. Amounts before t = 0
  (negative t) are compounded forward by the same rule. The flow at t = 0 is not discounted (not
  Excel's ``NPV()``, which discounts its first value by one period). Every figure shown beside
  an NPV (cost of waiting, head start, the premium's cost to the employer, the value of a
  path) is a present value by this rule, or is labelled undiscounted.
* **Rates** are annual fractions (0.10 = 10 %); a rate must be > -1. The IRR is reported as an
  annual rate whatever the period of the flows: ``(1 + IRR per period)^per_year - 1``.
* **Signs.** Money paid out is negative, money received is positive -- except in
  :func:`summarize` and :func:`tei_table`, whose cost rows are positive amounts, subtracted.
* **Payback** is the time after which the cumulative *undiscounted* net flow stays at or above
  0 until the end of the flows; within a period the flow is taken to arrive evenly, so the
  crossing point is found by linear interpolation. Never below 0: nothing to recover, payback
  0. Below 0 at the end: never (``None``) -- a case that recovers and then falls back below 0
  has not paid back.
* **Risk adjustment (TEI).** Benefits are multiplied by ``1 - benefit risk`` and costs by
  ``1 + cost risk``, separately. One default for every page: :data:`DEFAULT_BENEFIT_RISK` and
  :data:`DEFAULT_COST_RISK`, 10 % each (the low end of the 10-20 % that TEI studies use).
* **A chance of success.** A project that may never reach production (:mod:`upskill_roi.core.roi`,
  :mod:`upskill_roi.core.business_case`) is valued at its expected flows: what is spent before production is
  spent either way; every flow after it is weighted by the chance ``p`` that production is
  reached. Ranges draw the outcome itself (reached or not) in each simulated case.
* **Hours.** An employer's loaded cost per hour is the yearly loaded cost / 1,800 productive
  hours (:data:`PRODUCTIVE_HOURS`); a person's hourly pay is the salary / 2,080 paid hours
  (:data:`PAID_HOURS`, the factor BLS OEWS uses between hourly and annual wages).
* **Arrays.** Cash flows may be 1-D (one case) or N-D with periods on the last axis (e.g.
  Monte Carlo draws x periods); ``rate`` broadcasts against the leading axes.

Formulas::

    v(t)     = (1 + r)**(-t),   t = period / per_year            [years]
    NPV(r)   = sum_t CF_t v(t)                                    t = 0 .. n
    IRR      = (1 + x)**per_year - 1,   x such that sum_t CF_t (1 + x)**(-t) = 0
    ROI      = NPV / PV(costs)
    payback  = (k - 1) + (-C_{k-1}) / CF_k,   C_t = CF_0 + ... + CF_t,
               k = the period after the last one with C_t < 0 (None if C_n < 0; 0 if no C_t < 0)
    TEI risk adjustment: benefits_t x (1 - benefit risk), costs_t x (1 + cost risk)
    expected flow (chance p of production at month D) = flow before D + p x flow after D
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "npv",
    "irr",
    "payback_period",
    "payback_periods",
    "discount_factors",
    "BusinessCaseSummary",
    "summarize",
    "TeiTable",
    "tei_table",
    "to_years",
    "MONTHS_PER_YEAR",
    "WEEKS_PER_MONTH",
    "PAID_HOURS",
    "PRODUCTIVE_HOURS",
    "DEFAULT_BENEFIT_RISK",
    "DEFAULT_COST_RISK",
    "RISK_ADJUSTMENT_SOURCE",
    "monthly_rate",
]

MONTHS_PER_YEAR = 12
WEEKS_PER_MONTH = 52 / 12
"""4.333 weeks in a month (52 weeks / 12)."""
PAID_HOURS = 2_080.0
"""Paid hours in a year (52 x 40): BLS OEWS turns hourly wages into annual ones with this factor."""
PRODUCTIVE_HOURS = 1_800.0
"""Productive hours a year (2,080 less leave and holidays), to turn a yearly loaded cost into an
employer's cost per hour worked (an assumption; stated on the methodology page)."""
DEFAULT_BENEFIT_RISK = 0.10
DEFAULT_COST_RISK = 0.10
RISK_ADJUSTMENT_SOURCE = ("Forrester Total Economic Impact (TEI) convention: benefits reduced and costs increased by "
                          "separate percentages derived from confidence in each estimate (10-20% haircuts are "
                          "common); 10% here, the same default on every page.")


def monthly_rate(rate: ArrayLike) -> NDArray[np.float64] | float:
    """The monthly rate equivalent to an annual one: ``(1 + rate)^(1/12) - 1``.

    Examples
    --------
    >>> round(monthly_rate(0.10), 8)
    0.00797414
    """
    out = (1.0 + np.asarray(rate, dtype=float)) ** (1 / MONTHS_PER_YEAR) - 1.0
    return float(out) if out.ndim == 0 else out


def discount_factors(rate: ArrayLike, n_periods: int, per_year: int = 1, start: int = 0) -> NDArray[np.float64]:
    """Discount factor ``(1 + rate)^(-t / per_year)`` for periods t = start .. start + n_periods - 1.

    Parameters
    ----------
    rate : float or array_like
        Annual discount rate [fraction]. Arrays give one row of factors per rate.
    n_periods : int
        Number of factors.
    per_year : int, default 1
        Periods in a year: 1 for a yearly table, 12 for monthly flows.
    start : int, default 0
        Period of the first factor (negative: before t = 0, compounded forward).

    Returns
    -------
    ndarray
        Shape ``(*np.shape(rate), n_periods)``.

    Examples
    --------
    >>> discount_factors(0.10, 3).round(4).tolist()
    [1.0, 0.9091, 0.8264]
    >>> discount_factors(0.10, 13, per_year=12)[[0, 12]].round(4).tolist()   # month 12 = one year
    [1.0, 0.9091]
    """
    r = np.asarray(rate, dtype=float)
    if np.any(r <= -1):
        raise ValueError("rate must be greater than -1 (a rate of -100% or less has no meaning)")
    t = np.arange(start, start + n_periods) / float(per_year)
    return (1.0 + r[..., None]) ** (-t)


def npv(rate: ArrayLike, cashflows: ArrayLike, per_year: int = 1) -> float | NDArray[np.float64]:
    """Net present value at an annual rate; ``cashflows[0]`` is at t = 0 and is not discounted.

    Parameters
    ----------
    rate : float or array_like
        Annual discount rate [fraction]. An array of rates broadcasts against the leading axes
        of ``cashflows``.
    cashflows : array_like
        Net cash flows [currency], periods on the last axis.
    per_year : int, default 1
        Periods in a year (12 for monthly flows): flow t is discounted by ``(1 + rate)^(-t / per_year)``.

    Returns
    -------
    float or ndarray
        ``sum_t CF_t (1 + rate)^(-t / per_year)`` [currency]; a float when both inputs are 1-D/scalar.

    Examples
    --------
    Hand check: -100 + 60/1.1 + 60/1.21 = 4.1322...

    >>> round(npv(0.10, [-100, 60, 60]), 4)
    4.1322
    >>> npv(0.0, [-100, 60, 60])
    20.0

    Monthly flows at an annual rate: 110 at the end of month 12 is worth 100 today at 10 %.

    >>> round(npv(0.10, [0] * 12 + [110], per_year=12), 10)
    100.0

    Vectorised over rates:

    >>> npv([0.0, 0.10], [-100, 60, 60]).round(2).tolist()
    [20.0, 4.13]
    """
    cf = np.asarray(cashflows, dtype=float)
    if cf.ndim == 0:
        cf = cf[None]
    r = np.asarray(rate, dtype=float)
    factors = discount_factors(r, cf.shape[-1], per_year)
    out = np.sum(cf * factors, axis=-1)
    return float(out) if np.ndim(out) == 0 else out


def irr(cashflows: ArrayLike, per_year: int = 1) -> float | None:
    """Internal rate of return of one series of cash flows, as an annual rate, or ``None``.

    Solved per period as the roots of the NPV polynomial in ``x = 1 / (1 + r)`` (as numpy-financial
    does), keeping real roots with ``x > 0`` (``r > -1``), then polished with Newton steps on the
    same polynomial; the per-period rate is then annualised, ``(1 + r)^per_year - 1``.
    When several rates make NPV zero (flows that change sign more than once) the one closest
    to 0 is returned, again as numpy-financial does.

    Parameters
    ----------
    cashflows : array_like, 1-D
        Net cash flows [currency], ``cashflows[0]`` at t = 0.
    per_year : int, default 1
        Periods in a year (12 for monthly flows).

    Returns
    -------
    float or None
        The annual rate [fraction]; ``None`` when no rate > -1 makes NPV zero (for example when
        every flow has the same sign, or all are zero).

    Examples
    --------
    >>> round(irr([-100, 110]), 10)
    0.1
    >>> round(irr([-100, 60, 60]), 6)   # 60/(1+r) + 60/(1+r)**2 = 100
    0.130662
    >>> round(irr([-100] + [0] * 11 + [110], per_year=12), 10)   # 10 % over one year of months
    0.1
    >>> irr([100, 50]) is None
    True
    """
    cf = np.asarray(cashflows, dtype=float)
    if cf.ndim != 1:
        raise ValueError("irr takes one 1-D series of cash flows")
    if not np.all(np.isfinite(cf)):
        raise ValueError("cash flows must be finite numbers")
    # Flows negligible next to the largest one (|CF| < 1e-12 max) are treated as zero: they
    # cannot move the rate in double precision but would wreck the polynomial's conditioning.
    cf = np.where(np.abs(cf) < 1e-12 * np.max(np.abs(cf), initial=0.0), 0.0, cf)
    nz = np.flatnonzero(cf)
    if nz.size == 0:
        return None
    cf = cf[: nz[-1] + 1]  # trailing zeros add roots at x = 0 only
    lead = int(nz[0])  # leading zeros shift every root's power: drop them, then shift back
    cf = cf[lead:]
    if cf.size < 2 or np.all(cf >= 0) or np.all(cf <= 0):
        return None
    roots = np.roots(cf[::-1])  # polynomial sum CF_t x**t, highest power first
    scale = max(1.0, float(np.max(np.abs(roots)))) if roots.size else 1.0
    real = roots[(np.abs(roots.imag) <= 1e-8 * scale) & (roots.real > 0)].real
    if real.size == 0:
        return None
    rates = 1.0 / real - 1.0
    x = float(real[np.argmin(np.abs(rates))])
    # Newton polish on the polynomial p(x) = sum CF_t x**t (better conditioned than NPV(r) when
    # the rate is large); a step is kept only if it reduces |p|.
    poly = np.polynomial.Polynomial(cf)
    dpoly = poly.deriv()
    with np.errstate(all="ignore"):
        for _ in range(50):
            px, dpx = float(poly(x)), float(dpoly(x))
            if px == 0 or dpx == 0 or not np.isfinite(dpx):
                break
            x_new = x - px / dpx
            if not (x_new > 0 and abs(float(poly(x_new))) < abs(px)):
                break
            x = x_new
    best = 1.0 / x - 1.0
    if not best > -1:
        return None
    with np.errstate(over="ignore"):
        annual = (1.0 + best) ** per_year - 1.0
    return float(annual) if np.isfinite(annual) else None


def payback_periods(cashflows: ArrayLike) -> NDArray[np.float64]:
    """Vectorised payback: like :func:`payback_period`, with ``nan`` for "never".

    Parameters
    ----------
    cashflows : array_like
        Net cash flows [currency], periods on the last axis (any number of leading axes).

    Returns
    -------
    ndarray
        Payback in periods, shape ``cashflows.shape[:-1]``; ``nan`` where the cumulative flow
        ends below 0.

    Examples
    --------
    >>> payback_periods([[-100, 50, 50], [-100, 10, 10], [0, -10, 20], [-100, 150, -100]]).tolist()
    [2.0, nan, 1.5, nan]
    """
    cf = np.asarray(cashflows, dtype=float)
    if cf.ndim == 0:
        cf = cf[None]
    if cf.shape[-1] == 0:
        raise ValueError("payback needs at least one cash flow")
    cum = np.cumsum(cf, axis=-1)
    negative = cum < 0
    ever_negative = negative.any(axis=-1)
    n = cf.shape[-1]
    last_neg = n - 1 - np.argmax(negative[..., ::-1], axis=-1)  # last period with C_t < 0
    k = np.minimum(last_neg + 1, n - 1)  # the period in which C_t gets back to 0 for good
    c_prev = np.take_along_axis(cum, last_neg[..., None], axis=-1)[..., 0]
    flow_k = np.take_along_axis(cf, k[..., None], axis=-1)[..., 0]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        frac = np.where(flow_k > 0, -c_prev / flow_k, 0.0)
    out = np.where(negative[..., -1], np.nan, last_neg + frac)
    return np.where(ever_negative, out, 0.0)


def payback_period(cashflows: ArrayLike) -> float | None:
    """Payback period in periods, or ``None`` if the flows never pay back for good.

    The cumulative undiscounted flow ``C_t`` is followed from t = 0. If it is never negative
    there is nothing to recover and payback is 0. If it is negative at the end, the flows never
    pay back (``None``). Otherwise payback falls in the period ``k`` right after the *last* one
    with ``C_t < 0``: the flow ``CF_k`` is taken to arrive evenly over period ``k``, so payback
    is ``(k - 1) + (-C_{k-1}) / CF_k``. After it the cumulative flow stays at or above 0 to the
    end -- a case that recovers and then falls back below 0 has not paid back.

    Parameters
    ----------
    cashflows : array_like, 1-D
        Net cash flows [currency], ``cashflows[0]`` at t = 0.

    Returns
    -------
    float or None
        Periods until the cumulative flow is recovered for good; ``None`` if it ends below 0.

    Examples
    --------
    >>> payback_period([-100, 50, 50])
    2.0
    >>> round(payback_period([-100, 60, 60]), 4)   # 1 + 40/60
    1.6667
    >>> payback_period([-100, 30, 30]) is None
    True

    Recovering once is not paying back when the cumulative flow ends below 0 (-100, 50, -50):

    >>> payback_period([-100, 150, -100]) is None
    True

    A dip below 0 after a first recovery moves the payback to the last recovery:

    >>> payback_period([-100, 150, -100, 100])   # cumulative -100, 50, -50, 50: 2 + 50/100
    2.5

    No up-front cost, but a loss in the first period: payback is not 0.

    >>> payback_period([0, -10, 20])   # 1 + 10/20
    1.5
    """
    cf = np.asarray(cashflows, dtype=float)
    if cf.ndim != 1:
        raise ValueError("payback_period takes one 1-D series; use payback_periods for arrays")
    value = float(payback_periods(cf))
    return None if np.isnan(value) else value


def to_years(monthly: ArrayLike) -> NDArray[np.float64]:
    """Monthly flows (month 0 .. 12H) summed into a yearly table: "Initial" (month 0), then the sum
    of months 12(k-1)+1 .. 12k for each year k (for display; discounting uses the monthly flows).

    Examples
    --------
    >>> to_years([5] + [1] * 24).tolist()
    [5.0, 12.0, 12.0]
    """
    m = np.asarray(monthly, dtype=float)
    if (m.shape[-1] - 1) % MONTHS_PER_YEAR:
        raise ValueError("monthly flows must cover month 0 and whole years")
    initial = m[..., :1]
    years = m[..., 1:].reshape(*m.shape[:-1], -1, MONTHS_PER_YEAR).sum(axis=-1)
    return np.concatenate([initial, years], axis=-1)


@dataclass(frozen=True)
class BusinessCaseSummary:
    """TEI-style summary of a cost row and a benefit row (Initial, Year 1..n).

    Attributes
    ----------
    pv_costs : float
        Present value of the costs [currency], a positive number.
    pv_benefits : float
        Present value of the benefits [currency].
    npv : float
        ``pv_benefits - pv_costs`` [currency].
    roi : float or None
        ``npv / pv_costs`` [fraction]; ``None`` when there are no costs (ROI undefined).
    payback : float or None
        Payback of the net row ``benefits - costs`` [periods]; ``None`` if never.
    irr : float or None
        IRR of the net row [fraction per year]; ``None`` if none exists.
    """

    pv_costs: float
    pv_benefits: float
    npv: float
    roi: float | None
    payback: float | None
    irr: float | None


def summarize(costs: ArrayLike, benefits: ArrayLike, rate: float, per_year: int = 1) -> BusinessCaseSummary:
    """Summarise a business case given per-period cost and benefit rows.

    Parameters
    ----------
    costs : array_like, 1-D
        Costs per period [currency], **positive numbers**; index 0 is "Initial" (t = 0).
    benefits : array_like, 1-D
        Benefits per period [currency], same length as ``costs``.
    rate : float
        Annual discount rate [fraction].
    per_year : int, default 1
        Periods in a year (1: a yearly table; 12: monthly rows). Payback is in periods, the IRR
        annual.

    Returns
    -------
    BusinessCaseSummary

    Examples
    --------
    Initial cost 100, then 60 of benefits and 10 of costs a year for two years, at 10 %:
    PV(costs) = 100 + 10/1.1 + 10/1.21 = 117.355; PV(benefits) = 60/1.1 + 60/1.21 = 104.132.

    >>> s = summarize([100, 10, 10], [0, 60, 60], 0.10)
    >>> round(s.pv_costs, 3), round(s.pv_benefits, 3), round(s.npv, 3), round(s.roi, 4)
    (117.355, 104.132, -13.223, -0.1127)
    >>> s.payback   # undiscounted: 100 recovered by 50 + 50 at the end of year 2
    2.0
    """
    c = np.asarray(costs, dtype=float)
    b = np.asarray(benefits, dtype=float)
    if c.shape != b.shape or c.ndim != 1:
        raise ValueError("costs and benefits must be 1-D rows of the same length")
    if np.any(c < 0):
        raise ValueError("costs are given as positive numbers")
    pv_c, pv_b, value, roi, payback = (float(x) for x in case_metrics(c, b, rate, per_year))
    return BusinessCaseSummary(
        pv_costs=pv_c,
        pv_benefits=pv_b,
        npv=value,
        roi=None if np.isnan(roi) else roi,
        payback=None if np.isnan(payback) else payback,
        irr=irr(b - c, per_year),
    )


def case_metrics(costs: ArrayLike, benefits: ArrayLike, rate: ArrayLike, per_year: int = 1
                 ) -> tuple[NDArray[np.float64], ...]:
    """PV of the costs, PV of the benefits, NPV, ROI and payback of rows of cash flows, vectorised:
    :func:`summarize` for one row, the Monte Carlo ranges for many (one definition of each).

    Parameters
    ----------
    costs, benefits : array_like
        Positive costs and benefits [currency], periods on the last axis (any leading axes).
    rate : array_like
        Annual discount rate [fraction], one or one per row (shape ``costs.shape[:-1]``).

    Returns
    -------
    pv_costs, pv_benefits, npv, roi, payback : ndarray
        Shape ``costs.shape[:-1]``; ROI = NPV / PV(costs) is ``nan`` without costs, payback (in
        periods, :func:`payback_periods`) ``nan`` for never.

    Examples
    --------
    The example of :func:`summarize`, and a second row without costs:

    >>> pv_c, pv_b, value, roi, pb = case_metrics([[100, 10, 10], [0, 0, 0]], [[0, 60, 60], [0, 60, 60]], 0.10)
    >>> pv_c.round(3).tolist(), value.round(3).tolist(), roi.round(4).tolist(), pb.tolist()
    ([117.355, 0.0], [-13.223, 104.132], [-0.1127, nan], [2.0, 0.0])
    """
    c = np.asarray(costs, dtype=float)
    b = np.asarray(benefits, dtype=float)
    pv_c = np.asarray(npv(rate, c, per_year), dtype=float)
    pv_b = np.asarray(npv(rate, b, per_year), dtype=float)
    value = pv_b - pv_c
    with np.errstate(divide="ignore", invalid="ignore"):
        roi = np.where(pv_c > 0, value / np.where(pv_c > 0, pv_c, 1.0), np.nan)
    return pv_c, pv_b, value, roi, payback_periods(b - c)


@dataclass(frozen=True)
class TeiTable:
    """A TEI table summed over its line items and risk-adjusted.

    Attributes
    ----------
    benefits, costs : ndarray
        Risk-adjusted totals per period (Initial, Year 1..n) [currency]; costs positive.
    net : ndarray
        ``benefits - costs`` per period [currency].
    cumulative : ndarray
        Running sum of ``net`` [currency].
    summary : BusinessCaseSummary
        :func:`summarize` of the adjusted rows.
    """

    benefits: NDArray[np.float64]
    costs: NDArray[np.float64]
    net: NDArray[np.float64]
    cumulative: NDArray[np.float64]
    summary: BusinessCaseSummary


def tei_table(benefit_rows: ArrayLike, cost_rows: ArrayLike, rate: float, benefit_risk: float = 0.0,
              cost_risk: float = 0.0) -> TeiTable:
    """Sum a TEI table's line items, apply the risk adjustments and summarise it:
    ``benefits_t = (sum of the benefit items in period t) x (1 - benefit_risk)``,
    ``costs_t = (sum of the cost items in period t) x (1 + cost_risk)``, then :func:`summarize`
    (PV, NPV, ROI = NPV / PV(costs), payback and IRR of the net row) at ``rate``.

    Parameters
    ----------
    benefit_rows, cost_rows : array_like
        Line items x periods (Initial, Year 1..n) [currency], non-negative; either may have no
        rows (shape ``(0, n + 1)``). Both need the same number of periods.
    rate : float
        Discount rate per period [fraction].
    benefit_risk : float
        Share taken off every benefit for the uncertainty of the estimate [fraction, 0-1].
    cost_risk : float
        Share added to every cost [fraction, >= 0].

    Returns
    -------
    TeiTable

    Examples
    --------
    One benefit of 100 a year for two years, one initial cost of 150 and 10 a year of upkeep, at
    10 %, with benefits cut by 10 % and costs raised by 20 %: benefits 90, 90; costs 180, 12, 12.
    PV(benefits) = 90/1.1 + 90/1.21 = 156.198; PV(costs) = 180 + 12/1.1 + 12/1.21 = 200.826.

    >>> t = tei_table([[0, 100, 100]], [[150, 0, 0], [0, 10, 10]], 0.10, 0.10, 0.20)
    >>> t.benefits.tolist(), t.costs.tolist()
    ([0.0, 90.0, 90.0], [180.0, 12.0, 12.0])
    >>> round(t.summary.pv_benefits, 3), round(t.summary.pv_costs, 3), round(t.summary.npv, 3)
    (156.198, 200.826, -44.628)
    >>> print(t.summary.payback)   # 180 - 78 - 78 is still 24 short
    None
    """
    b = np.asarray(benefit_rows, dtype=float)
    c = np.asarray(cost_rows, dtype=float)
    if b.ndim != 2 or c.ndim != 2 or b.shape[1] != c.shape[1] or b.shape[1] < 1:
        raise ValueError("benefit_rows and cost_rows must be 2-D (items x periods) with the same periods")
    if not (np.all(np.isfinite(b)) and np.all(np.isfinite(c))) or np.any(b < 0) or np.any(c < 0):
        raise ValueError("amounts must be finite and >= 0")
    if not 0 <= benefit_risk <= 1 or not 0 <= cost_risk or not np.isfinite(cost_risk):
        raise ValueError("benefit_risk must lie in [0, 1] and cost_risk must be finite and >= 0")
    benefits = b.sum(axis=0) * (1 - benefit_risk)
    costs = c.sum(axis=0) * (1 + cost_risk)
    net = benefits - costs
    return TeiTable(benefits, costs, net, np.cumsum(net), summarize(costs, benefits, rate))
