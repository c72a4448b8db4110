"""Discounted cash-flow primitives: NPV, IRR, payback and a TEI-style summary.

Conventions (stated once, used by every function here)
------------------------------------------------------
* **Timing.** ``cashflows[t]`` is the net cash flow at the *end* of period ``t``;
  ``cashflows[0]`` is at t = 0 ("Initial") and is **not discounted**. This is numpy-financial's
  convention (``npf.npv``), *not* Excel's ``NPV()``, which discounts its first value by one
  period.
* **Rates** are per period and given as fractions (0.10 = 10 %). A rate must be > -1.
* **Signs.** Money paid out is negative, money received is positive -- except in
  :func:`summarize`, whose cost row is given as positive amounts and subtracted.
* **Payback** counts periods of *undiscounted* flows until the cumulative flow, once negative,
  is back at 0; within a period the flow is assumed to arrive evenly, so the crossing point is
  found by linear interpolation. Never negative = nothing to recover = 0.
* **Arrays.** ``cashflows`` may be 1-D (one case) or N-D with periods on the last axis (e.g.
  Monte Carlo draws x periods); ``rate`` broadcasts against the leading axes.

Formulas::

    NPV(r)   = sum_t CF_t / (1 + r)**t                 t = 0 .. n
    IRR      = r such that NPV(r) = 0
    ROI      = NPV / PV(costs)
    payback  = (k - 1) + (-C_{k-1}) / CF_k,   C_t = CF_0 + ... + CF_t,
               k = first t with C_t >= 0 after the first t with C_t < 0
    TEI risk adjustment (tei_table): benefits_t x (1 - benefit risk), costs_t x (1 + cost risk)
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
]


def discount_factors(rate: ArrayLike, n_periods: int) -> NDArray[np.float64]:
    """Discount factor ``1 / (1 + rate)**t`` for t = 0 .. n_periods - 1.

    Parameters
    ----------
    rate : float or array_like
        Discount rate per period [fraction]. Arrays give one row of factors per rate.
    n_periods : int
        Number of factors, including t = 0 (whose factor is 1).

    Returns
    -------
    ndarray
        Shape ``(*np.shape(rate), n_periods)``.

    Examples
    --------
    >>> discount_factors(0.10, 3).round(4).tolist()
    [1.0, 0.9091, 0.8264]
    """
    r = np.asarray(rate, dtype=float)
    if np.any(r <= -1):
        raise ValueError("rate must be greater than -1 (a rate of -100% or less has no meaning)")
    t = np.arange(n_periods)
    return (1.0 + r[..., None]) ** (-t)


def npv(rate: ArrayLike, cashflows: ArrayLike) -> float | NDArray[np.float64]:
    """Net present value; ``cashflows[0]`` is at t = 0 and is not discounted.

    Parameters
    ----------
    rate : float or array_like
        Discount rate per period [fraction]. An array of rates broadcasts against the leading
        axes of ``cashflows``.
    cashflows : array_like
        Net cash flows [currency], periods on the last axis.

    Returns
    -------
    float or ndarray
        ``sum_t CF_t / (1 + rate)**t`` [currency]; a float when both inputs are 1-D/scalar.

    Examples
    --------
    Hand check: -100 + 60/1.1 + 60/1.21 = 4.1322...

    >>> round(npv(0.10, [-100, 60, 60]), 4)
    4.1322
    >>> npv(0.0, [-100, 60, 60])
    20.0

    Vectorised over rates:

    >>> npv([0.0, 0.10], [-100, 60, 60]).round(2).tolist()
    [20.0, 4.13]
    """
    cf = np.asarray(cashflows, dtype=float)
    if cf.ndim == 0:
        cf = cf[None]
    r = np.asarray(rate, dtype=float)
    factors = discount_factors(r, cf.shape[-1])
    out = np.sum(cf * factors, axis=-1)
    return float(out) if np.ndim(out) == 0 else out


def irr(cashflows: ArrayLike) -> float | None:
    """Internal rate of return of one series of cash flows, or ``None`` if there is none.

    Solved as the roots of the NPV polynomial in ``x = 1 / (1 + r)`` (as numpy-financial
    does), keeping real roots with ``x > 0`` (``r > -1``), then polished with Newton steps on
    the same polynomial.
    When several rates make NPV zero (flows that change sign more than once) the one closest
    to 0 is returned, again as numpy-financial does.

    Parameters
    ----------
    cashflows : array_like, 1-D
        Net cash flows [currency], ``cashflows[0]`` at t = 0.

    Returns
    -------
    float or None
        The rate per period [fraction]; ``None`` when no rate > -1 makes NPV zero (for example
        when every flow has the same sign, or all are zero).

    Examples
    --------
    >>> round(irr([-100, 110]), 10)
    0.1
    >>> round(irr([-100, 60, 60]), 6)   # 60/(1+r) + 60/(1+r)**2 = 100
    0.130662
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
    return float(best) if best > -1 else None


def payback_periods(cashflows: ArrayLike) -> NDArray[np.float64]:
    """Vectorised payback: like :func:`payback_period`, with ``nan`` for "never".

    Parameters
    ----------
    cashflows : array_like
        Net cash flows [currency], periods on the last axis (any number of leading axes).

    Returns
    -------
    ndarray
        Payback in periods, shape ``cashflows.shape[:-1]``; ``nan`` where the cumulative flow,
        once negative, never returns to 0 within the flows given.

    Examples
    --------
    >>> payback_periods([[-100, 50, 50], [-100, 10, 10], [0, -10, 20]]).tolist()
    [2.0, nan, 1.5]
    """
    cf = np.asarray(cashflows, dtype=float)
    if cf.ndim == 0:
        cf = cf[None]
    if cf.shape[-1] == 0:
        raise ValueError("payback needs at least one cash flow")
    cum = np.cumsum(cf, axis=-1)
    negative = cum < 0
    ever_negative = negative.any(axis=-1)
    first_neg = np.argmax(negative, axis=-1)  # first period with a negative cumulative flow
    t = np.arange(cf.shape[-1])
    recovered = (cum >= 0) & (t > first_neg[..., None])
    any_recovered = recovered.any(axis=-1)
    k = np.argmax(recovered, axis=-1)  # first recovery after that (meaningful if any_recovered)
    k_prev = np.maximum(k - 1, 0)
    c_prev = np.take_along_axis(cum, k_prev[..., None], axis=-1)[..., 0]
    flow_k = np.take_along_axis(cf, k[..., None], axis=-1)[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        frac = np.where(flow_k > 0, -c_prev / flow_k, 0.0)
    out = np.where(any_recovered, (k - 1) + frac, np.nan)
    return np.where(ever_negative, out, 0.0)


def payback_period(cashflows: ArrayLike) -> float | None:
    """Payback period in periods, or ``None`` if the flows never pay back.

    The cumulative undiscounted flow ``C_t`` is followed from t = 0. If it is never negative
    there is nothing to recover and payback is 0. Otherwise payback is reached in the first
    period ``k`` (after the cumulative flow first went negative) where ``C_k >= 0``; the flow
    ``CF_k`` is taken to arrive evenly over period ``k``, so payback is
    ``(k - 1) + (-C_{k-1}) / CF_k``. For a conventional investment (``CF_0 < 0``) this is simply
    the first period where the cumulative flow reaches 0, and ``None`` exactly when it never
    does.

    Parameters
    ----------
    cashflows : array_like, 1-D
        Net cash flows [currency], ``cashflows[0]`` at t = 0.

    Returns
    -------
    float or None
        Periods until the cumulative flow is recovered; ``None`` if it never is within the
        flows given.

    Examples
    --------
    >>> payback_period([-100, 50, 50])
    2.0
    >>> round(payback_period([-100, 60, 60]), 4)   # 1 + 40/60
    1.6667
    >>> payback_period([-100, 30, 30]) is None
    True

    No up-front cost, but a loss in the first period: payback is not 0.

    >>> payback_period([0, -10, 20])   # 1 + 10/20
    1.5
    """
    cf = np.asarray(cashflows, dtype=float)
    if cf.ndim != 1:
        raise ValueError("payback_period takes one 1-D series; use payback_periods for arrays")
    value = float(payback_periods(cf))
    return None if np.isnan(value) else value


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
        IRR of the net row [fraction per period]; ``None`` if none exists.
    """

    pv_costs: float
    pv_benefits: float
    npv: float
    roi: float | None
    payback: float | None
    irr: float | None


def summarize(costs: ArrayLike, benefits: ArrayLike, rate: float) -> BusinessCaseSummary:
    """Summarise a business case given per-period cost and benefit rows.

    Parameters
    ----------
    costs : array_like, 1-D
        Costs per period [currency], **positive numbers**; index 0 is "Initial" (t = 0).
    benefits : array_like, 1-D
        Benefits per period [currency], same length as ``costs``.
    rate : float
        Discount rate per period [fraction].

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
    pv_c = float(npv(rate, c))
    pv_b = float(npv(rate, b))
    value = pv_b - pv_c
    net = b - c
    return BusinessCaseSummary(
        pv_costs=pv_c,
        pv_benefits=pv_b,
        npv=value,
        roi=None if pv_c == 0 else value / pv_c,
        payback=payback_period(net),
        irr=irr(net),
    )


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
