"""Implementation value: annual savings -> cash flows -> NPV, ROI, payback -> justified premium.

Conventions (stated once for this module; discounting as in calc.finance)
------------------------------------------------------------------------
* **Currency-neutral.** Every amount is in the user's currency; nothing here converts.
* **Monthly model.** Month 0 is go-live day: the one-time implementation cost falls there.
  Months 1 .. 12*H each carry 1/12 of the annual savings times the adoption ramp, and 1/12 of
  the annual running cost (licences and upkeep are paid in full from month 1, not ramped).
* **Adoption ramp.** Linear: month ``m`` delivers ``min(m / R, 1)`` of the full savings, ``R``
  = ramp months; ``R = 0`` means full benefit from month 1.
* **Yearly table (TEI).** "Initial" = month 0; "Year k" = the sum of months 12(k-1)+1 .. 12k,
  treated as a year-end flow. NPV, ROI and IRR are computed on this yearly table with the
  annual discount rate (Forrester TEI convention: Initial not discounted).
* **Payback** is measured on the *monthly* undiscounted net flows, in months.
* **Risk adjustment (TEI).** Benefits are multiplied by ``1 - benefit_risk`` and costs by
  ``1 + cost_risk``. Both default to 0.
* **Justified premium** = ``capture_share`` x risk-adjusted annual savings at full adoption,
  the guidance's rule "an implementation that saves $500K a year justifies a $50K+ premium"
  (capture share 10 %). The premium is what the implementer can argue for; it is **not**
  deducted in the project's NPV (the employer's view after paying it is reported separately).

Formulas::

    savings (drivers) = hours/week x people x loaded hourly cost x working weeks/yr
                        + errors avoided/yr x cost per error
                        + revenue uplift/yr x margin
    benefit_m  = S x (1 - benefit_risk) / 12 x min(m / R, 1)        m = 1 .. 12H
    cost_0     = implementation cost x (1 + cost_risk)
    cost_m     = running cost x (1 + cost_risk) / 12                 m = 1 .. 12H
    premium    = capture_share x S x (1 - benefit_risk)
    employer net after premium (per year at full adoption)
               = S x (1 - benefit_risk) - running cost x (1 + cost_risk) - premium
    savings needed for a target premium = target / (capture_share x (1 - benefit_risk))
    break-even savings S* : NPV(S*) = 0; NPV is linear in S, so S* = PV(costs) / NPV(S = 1)
    payback date = go-live date + payback months x 30.4375 days (365.25 / 12), to the nearest day
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from calc.finance import BusinessCaseSummary, discount_factors, payback_period, summarize

__all__ = [
    "SavingsDrivers",
    "ImplementationInputs",
    "ImplementationResult",
    "justified_premium",
    "savings_for_premium",
    "ramp_profile",
    "monthly_flows",
    "evaluate",
    "cashflow_table",
    "payback_date",
]

MONTHS_PER_YEAR = 12
DAYS_PER_MONTH = 365.25 / 12
"""Average month of the Julian year [days], to turn a payback in months into a date."""
DEFAULT_CAPTURE_SHARE = 0.10
"""The guidance's value-capture share: $50K of a $500K annual saving (EVIDENCE.md)."""


@dataclass(frozen=True)
class SavingsDrivers:
    """Annual savings built from drivers; each driver is reported on its own.

    Attributes
    ----------
    hours_saved_per_week : float
        Hours saved per person per week [h/(person*week)].
    people : float
        People whose work the system speeds up [persons].
    loaded_hourly_cost : float
        Fully loaded cost of one hour of their time [currency/h].
    working_weeks : float
        Working weeks in a year [weeks/yr].
    errors_avoided : float
        Errors avoided per year [errors/yr].
    cost_per_error : float
        Cost of one error [currency/error].
    revenue_uplift : float
        Extra revenue per year [currency/yr].
    margin : float
        Margin earned on that revenue [fraction].

    Examples
    --------
    >>> d = SavingsDrivers(5, 10, 60, 48, errors_avoided=100, cost_per_error=200,
    ...                    revenue_uplift=100_000, margin=0.2)
    >>> d.breakdown()
    {'Time saved': 144000.0, 'Errors avoided': 20000.0, 'Revenue margin': 20000.0}
    >>> d.total()
    184000.0
    """

    hours_saved_per_week: float
    people: float
    loaded_hourly_cost: float
    working_weeks: float = 48.0
    errors_avoided: float = 0.0
    cost_per_error: float = 0.0
    revenue_uplift: float = 0.0
    margin: float = 0.0

    def breakdown(self) -> dict[str, float]:
        """Each driver's annual saving [currency/yr], in display order."""
        return {
            "Time saved": float(
                self.hours_saved_per_week * self.people * self.loaded_hourly_cost * self.working_weeks
            ),
            "Errors avoided": float(self.errors_avoided * self.cost_per_error),
            "Revenue margin": float(self.revenue_uplift * self.margin),
        }

    def total(self) -> float:
        """Sum of the drivers [currency/yr]."""
        return float(sum(self.breakdown().values()))


@dataclass(frozen=True)
class ImplementationInputs:
    """Inputs of one implementation case.

    Attributes
    ----------
    annual_savings : float
        Gross savings per year at full adoption, before risk adjustment [currency/yr].
    implementation_cost : float
        One-time cost at go-live, month 0 [currency].
    running_cost : float
        Licences, compute and maintenance [currency/yr].
    ramp_months : float
        Months until the full benefit, linear ramp [months]; 0 = full from month 1.
    horizon_years : int
        Length of the case [years], 1 .. 10.

    Amounts, ramp, cost risk, salary and target must be finite and >= 0; benefit risk and
    capture share lie in [0, 1]. Anything else raises ``ValueError`` naming the field.
    discount_rate : float
        Annual discount rate [fraction].
    benefit_risk : float
        TEI haircut on benefits [fraction, 0 .. 1].
    cost_risk : float
        TEI uplift on costs [fraction, >= 0].
    capture_share : float
        Share of the annual savings argued as the implementer's premium [fraction].
    current_salary : float
        The implementer's current salary [currency/yr], to express the premium as a share.
    target_premium : float
        A premium the user wants to justify [currency/yr], for the inverse solver.
    go_live : datetime.date or None
        Go-live date, only to express the payback as a calendar date; ``None`` = not set.
    """

    annual_savings: float = 500_000.0
    implementation_cost: float = 100_000.0
    running_cost: float = 50_000.0
    ramp_months: float = 3.0
    horizon_years: int = 3
    discount_rate: float = 0.10
    benefit_risk: float = 0.0
    cost_risk: float = 0.0
    capture_share: float = DEFAULT_CAPTURE_SHARE
    current_salary: float = 101_190.0
    target_premium: float = 50_000.0
    go_live: dt.date | None = None

    def __post_init__(self) -> None:
        numbers = {k: v for k, v in self.__dict__.items() if k != "go_live"}
        for name, value in numbers.items():
            if not np.isfinite(value):
                raise ValueError(f"{name} must be a finite number, not {value!r}")
        for name in ("annual_savings", "implementation_cost", "running_cost", "ramp_months", "cost_risk",
                     "current_salary", "target_premium"):
            if numbers[name] < 0:
                raise ValueError(f"{name} cannot be negative (got {numbers[name]!r})")
        for name in ("benefit_risk", "capture_share"):
            if not 0 <= numbers[name] <= 1:
                raise ValueError(f"{name} must lie between 0 and 1 (got {numbers[name]!r})")
        if int(self.horizon_years) != self.horizon_years or not 1 <= self.horizon_years <= 10:
            raise ValueError(f"horizon_years must be a whole number from 1 to 10 (got {self.horizon_years!r})")
        if self.discount_rate <= -1:
            raise ValueError("discount_rate must be greater than -100%")


@dataclass(frozen=True)
class ImplementationResult:
    """Everything the ROI page shows for one :class:`ImplementationInputs`.

    Attributes
    ----------
    inputs : ImplementationInputs
    annual_savings : float
        Risk-adjusted savings per year at full adoption [currency/yr].
    annual_running_cost : float
        Risk-adjusted running cost [currency/yr].
    monthly_benefits, monthly_costs : ndarray
        Months 0 .. 12H [currency/month]; costs positive.
    year_labels : list of str
        ``["Initial", "Year 1", ...]``.
    yearly_benefits, yearly_costs : ndarray
        TEI rows [currency]; costs positive.
    summary : BusinessCaseSummary
        NPV, ROI, IRR (annual) and payback in years from the yearly rows.
    payback_months : float or None
        From the monthly net flows [months]; ``None`` = never within the horizon.
    premium : float
        Justified premium [currency/yr].
    employer_net_after_premium : float
        Savings less running cost less premium, per year at full adoption [currency/yr].
    premium_share_of_salary : float or None
        ``premium / current_salary`` [fraction]; ``None`` when the salary is 0.
    savings_for_target_premium : float or None
        Annual savings, before the risk adjustment (like ``inputs.annual_savings``), that justify
        ``inputs.target_premium`` [currency/yr]; ``None`` when the capture share or the
        risk-adjusted share of savings is 0.
    break_even_savings : float or None
        Annual savings (before risk adjustment) that make NPV exactly 0 [currency/yr];
        ``None`` when no savings could (benefit haircut of 100 %).
    payback_date : datetime.date or None
        Go-live date plus the payback; ``None`` when either is missing.
    horizon_totals : dict
        Where the savings go over the horizon, undiscounted [currency]: "Savings" realised,
        then "Implementation", "Running costs" and "Premium" (premium x horizon years) as
        negative amounts, and the remaining "Employer net".
    """

    inputs: ImplementationInputs
    annual_savings: float
    annual_running_cost: float
    monthly_benefits: NDArray[np.float64]
    monthly_costs: NDArray[np.float64]
    year_labels: list[str]
    yearly_benefits: NDArray[np.float64]
    yearly_costs: NDArray[np.float64]
    summary: BusinessCaseSummary
    payback_months: float | None
    premium: float
    employer_net_after_premium: float
    premium_share_of_salary: float | None
    savings_for_target_premium: float | None
    break_even_savings: float | None
    payback_date: dt.date | None = None
    horizon_totals: dict[str, float] = field(default_factory=dict)

    @property
    def npv(self) -> float:
        """NPV of the yearly rows [currency]."""
        return self.summary.npv

    @property
    def roi(self) -> float | None:
        """NPV / PV(costs) [fraction]."""
        return self.summary.roi

    @property
    def irr(self) -> float | None:
        """Annual IRR of the yearly net row [fraction]; ``None`` if none exists."""
        return self.summary.irr

    @property
    def monthly_net(self) -> NDArray[np.float64]:
        """Net flow per month [currency/month]."""
        return self.monthly_benefits - self.monthly_costs

    @property
    def cumulative_monthly_net(self) -> NDArray[np.float64]:
        """Cumulative net flow at the end of each month [currency]."""
        return np.cumsum(self.monthly_net)


def justified_premium(annual_savings: ArrayLike, capture_share: ArrayLike = DEFAULT_CAPTURE_SHARE):
    """Salary premium an implementer can argue for: a share of the annual savings delivered.

    Parameters
    ----------
    annual_savings : float or array_like
        Savings delivered per year [currency/yr].
    capture_share : float or array_like, default 0.10
        Share of the savings argued as premium [fraction]. 0.10 is the guidance's ratio.

    Returns
    -------
    float or ndarray
        Premium [currency/yr].

    Examples
    --------
    The guidance's headline: $500K a year of savings justifies a $50K premium.

    >>> justified_premium(500_000)
    50000.0
    >>> justified_premium([200_000, 1_000_000], 0.05).tolist()
    [10000.0, 50000.0]
    """
    out = np.asarray(annual_savings, dtype=float) * np.asarray(capture_share, dtype=float)
    return float(out) if out.ndim == 0 else out


def savings_for_premium(target_premium: float, capture_share: float = DEFAULT_CAPTURE_SHARE) -> float | None:
    """Inverse of :func:`justified_premium`: annual savings needed to justify a premium.

    Examples
    --------
    >>> savings_for_premium(60_000)
    600000.0
    >>> savings_for_premium(60_000, 0.0) is None
    True
    """
    if capture_share <= 0:
        return None
    return float(target_premium) / float(capture_share)


def ramp_profile(ramp_months: ArrayLike, n_months: int) -> NDArray[np.float64]:
    """Adoption fraction for months 1 .. n_months under a linear ramp.

    Parameters
    ----------
    ramp_months : float or array_like
        Months to full benefit [months]; 0 = full benefit from month 1.
    n_months : int
        Number of months.

    Returns
    -------
    ndarray
        ``min(m / R, 1)``, shape ``(*np.shape(ramp_months), n_months)``.

    Examples
    --------
    >>> ramp_profile(3, 5).round(3).tolist()
    [0.333, 0.667, 1.0, 1.0, 1.0]
    >>> ramp_profile(0, 2).tolist()
    [1.0, 1.0]
    """
    r = np.asarray(ramp_months, dtype=float)[..., None]
    m = np.arange(1, n_months + 1, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        frac = np.where(r > 0, np.minimum(m / np.where(r > 0, r, 1.0), 1.0), 1.0)
    return frac


def monthly_flows(
    annual_savings: ArrayLike,
    implementation_cost: ArrayLike,
    running_cost: ArrayLike,
    ramp_months: ArrayLike,
    horizon_years: int,
    benefit_risk: ArrayLike = 0.0,
    cost_risk: ArrayLike = 0.0,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Monthly benefit and cost rows, vectorised over every argument but the horizon.

    Returns
    -------
    benefits, costs : ndarray
        Shape ``(*broadcast_shape, 12 * horizon_years + 1)``; index 0 is month 0 (go-live),
        costs are positive [currency/month].

    Examples
    --------
    >>> b, c = monthly_flows(1200, 100, 120, 0, 1)
    >>> b[:3].tolist(), c[:3].tolist()
    ([0.0, 100.0, 100.0], [100.0, 10.0, 10.0])
    """
    n = MONTHS_PER_YEAR * int(horizon_years)
    s = np.asarray(annual_savings, float) * (1 - np.asarray(benefit_risk, float))
    cost_factor = 1 + np.asarray(cost_risk, float)
    impl = np.asarray(implementation_cost, float) * cost_factor
    run = np.asarray(running_cost, float) * cost_factor
    ramp = ramp_profile(ramp_months, n)
    shape = np.broadcast_shapes(s.shape, impl.shape, run.shape, ramp.shape[:-1])
    benefits = np.zeros((*shape, n + 1))
    benefits[..., 1:] = (s[..., None] / MONTHS_PER_YEAR) * ramp
    costs = np.zeros((*shape, n + 1))
    costs[..., 0] = impl
    costs[..., 1:] = (run / MONTHS_PER_YEAR)[..., None]
    return benefits, costs


def _to_years(monthly: NDArray[np.float64]) -> NDArray[np.float64]:
    """Initial (month 0) followed by the sums of each block of 12 months."""
    initial = monthly[..., :1]
    years = monthly[..., 1:].reshape(*monthly.shape[:-1], -1, MONTHS_PER_YEAR).sum(axis=-1)
    return np.concatenate([initial, years], axis=-1)


def payback_date(go_live: dt.date | None, payback_months: float | None) -> dt.date | None:
    """The calendar date of the payback: go-live plus the payback in average months.

    Parameters
    ----------
    go_live : datetime.date or None
        Go-live date (month 0).
    payback_months : float or None
        Payback [months]; ``None`` = never.

    Returns
    -------
    datetime.date or None
        ``go_live + round(payback_months * 30.4375)`` days; ``None`` if either input is ``None``.

    Examples
    --------
    >>> payback_date(dt.date(2027, 1, 1), 3.7778)   # 3.7778 x 30.4375 = 114.99 -> 115 days
    datetime.date(2027, 4, 26)
    >>> payback_date(None, 3.0) is None, payback_date(dt.date(2027, 1, 1), None) is None
    (True, True)
    """
    if go_live is None or payback_months is None:
        return None
    return go_live + dt.timedelta(days=round(payback_months * DAYS_PER_MONTH))


def evaluate(inputs: ImplementationInputs) -> ImplementationResult:
    """Compute the whole implementation case.

    Examples
    --------
    The defaults: $500K/yr of savings, $100K to implement, $50K/yr to run, a 3-month ramp,
    3 years at 10 %. Year 1 benefits = 500K/12 x (1/3 + 2/3 + 1 + 9) = 458,333.33.

    >>> r = evaluate(ImplementationInputs())
    >>> r.yearly_benefits.round(2).tolist()
    [0.0, 458333.33, 500000.0, 500000.0]
    >>> round(r.npv, 2), r.premium
    (981204.61, 50000.0)
    >>> round(r.payback_months, 4)   # 3 + (100,000 - 70,833.33) / 37,500
    3.7778
    """
    i = inputs
    h = int(i.horizon_years)
    b_m, c_m = monthly_flows(
        i.annual_savings, i.implementation_cost, i.running_cost, i.ramp_months, h,
        i.benefit_risk, i.cost_risk,
    )
    b_y, c_y = _to_years(b_m), _to_years(c_m)
    summary = summarize(c_y, b_y, i.discount_rate)

    adj_savings = float(i.annual_savings * (1 - i.benefit_risk))
    adj_running = float(i.running_cost * (1 + i.cost_risk))
    premium = justified_premium(adj_savings, i.capture_share)

    # Break-even savings: NPV is linear in S (benefits scale with S, costs do not).
    b_unit, _ = monthly_flows(1.0, 0.0, 0.0, i.ramp_months, h, i.benefit_risk, 0.0)
    pv_benefit_per_unit = float(summarize(np.zeros(h + 1), _to_years(b_unit), i.discount_rate).pv_benefits)
    break_even = summary.pv_costs / pv_benefit_per_unit if pv_benefit_per_unit > 0 else None

    totals_benefits = float(b_y.sum())
    totals = {
        "Savings": totals_benefits,
        "Implementation": -float(c_y[0]),
        "Running costs": -float(c_y[1:].sum()),
        "Premium": -premium * h,
    }
    totals["Employer net"] = float(sum(totals.values()))

    return ImplementationResult(
        inputs=i,
        annual_savings=adj_savings,
        annual_running_cost=adj_running,
        monthly_benefits=b_m,
        monthly_costs=c_m,
        year_labels=["Initial"] + [f"Year {k}" for k in range(1, h + 1)],
        yearly_benefits=b_y,
        yearly_costs=c_y,
        summary=summary,
        payback_months=(pb := payback_period(b_m - c_m)),
        payback_date=payback_date(i.go_live, pb),
        premium=premium,
        employer_net_after_premium=adj_savings - adj_running - premium,
        premium_share_of_salary=premium / i.current_salary if i.current_salary > 0 else None,
        savings_for_target_premium=savings_for_premium(i.target_premium, i.capture_share * (1 - i.benefit_risk)),
        break_even_savings=break_even,
        horizon_totals=totals,
    )


def cashflow_table(result: ImplementationResult) -> pd.DataFrame:
    """The yearly TEI table as a DataFrame (one row per period) for display and CSV.

    Columns: Period, Benefits, Costs, Net, Cumulative net, Discount factor, PV of net
    (currency columns in the user's currency; discount factor unitless).

    Examples
    --------
    >>> t = cashflow_table(evaluate(ImplementationInputs(ramp_months=0, horizon_years=1)))
    >>> t["Period"].tolist(), t["Net"].round(2).tolist()
    (['Initial', 'Year 1'], [-100000.0, 450000.0])
    """
    rate = result.inputs.discount_rate
    net = result.yearly_benefits - result.yearly_costs
    factors = discount_factors(rate, net.size)
    return pd.DataFrame(
        {
            "Period": result.year_labels,
            "Benefits": result.yearly_benefits,
            "Costs": result.yearly_costs,
            "Net": net,
            "Cumulative net": np.cumsum(net),
            "Discount factor": factors,
            "PV of net": net * factors,
        }
    )
