"""Implementation value: annual savings -> cash flows -> NPV, ROI, payback -> justified premium.

Conventions (stated once for this module; time, discounting, payback, risk adjustment and the
chance of success as in upskill_roi.core.finance)
------------------------------------------------------------------------------------------
* **Currency-neutral.** Every amount is in the user's currency; nothing here converts.
* **Monthly model.** Month 0 is go-live day, when the system is delivered -- and either goes into
  production or, with the chance of failure below, is abandoned: the one-time implementation
  cost falls there.
  Months 1 .. 12*H each carry 1/12 of the annual savings times the adoption ramp, and 1/12 of
  the annual running cost (licences and upkeep are paid in full from month 1, not ramped).
  Every flow is discounted from the month it falls in (upskill_roi.core.finance); the yearly table sums the
  months for display and shows each year's present value.
* **Adoption ramp.** Linear: month ``m`` delivers ``min(m / R, 1)`` of the full savings, ``R``
  = ramp months; ``R = 0`` means full benefit from month 1.
* **Time saved is not cash saved.** Savings built from hours saved count only the recaptured
  share of that time (:data:`DEFAULT_RECAPTURE`, 50 %, the productivity-recapture rate common
  in Forrester TEI studies); errors avoided and the margin on new revenue count in full. A total
  typed as "annual savings" is taken as cash savings.
* **Chance of reaching production** ``p`` (:data:`DEFAULT_SUCCESS`): the implementation cost is
  spent either way; savings, running costs and the premium come only if the system reaches
  production, so the expected flows weight them by ``p``. Published figures differ by
  definition: RAND (2024) more than 80 % of AI projects fail; Gartner (2024) at least 30 % of
  generative-AI projects abandoned after proof of concept; S&P Global (2025) 42 % of companies
  abandoned most of their AI initiatives; MIT NANDA (2025) about 95 % of pilots without
  measurable P&L impact. The default, 70 %, is Gartner's figure for a project past its proof of
  concept -- the most favourable of them; set 100 % for a system already in production.
* **Risk adjustment (TEI).** Benefits are multiplied by ``1 - benefit_risk`` and costs by
  ``1 + cost_risk``; 10 % each by default, as on every page.
* **The premium** (the guidance: a system that saves $500K a year net justifies $50K): the
  value-capture share (10 %) of what the system saves **net of its running cost** a year at
  full adoption, after the risk adjustments; paid monthly from go-live while the system is in
  production (so its expected cost weights it by ``p``), and only as far as the employer's NPV
  stays at or above 0 after paying it -- 0 when the project itself does not pay back. It is
  capped at :data:`DEFAULT_PREMIUM_CAP` x the current salary (56 %: the largest published
  AI-skill wage premium, PwC's 2025 AI Jobs Barometer; Lightcast finds 28 % for one AI skill,
  43 % for two or more). The project's NPV does not deduct the premium; the employer's NPV
  after the premium is reported beside it.
* **Inverse solver.** The savings that justify a target premium satisfy both the rule and the
  employer's NPV after paying it; a target above the cap cannot be justified.

Formulas::

    savings (drivers) = hours/week x people x loaded hourly cost x working weeks/yr x recapture
                        + errors avoided/yr x cost per error
                        + revenue uplift/yr x margin
    benefit_m  = p x S x (1 - benefit_risk) / 12 x min(m / R, 1)        m = 1 .. 12H
    cost_0     = implementation cost x (1 + cost_risk)
    cost_m     = p x running cost x (1 + cost_risk) / 12                 m = 1 .. 12H
    NPV        = sum_m (benefit_m - cost_m) (1 + r)^(-m / 12)
    net        = S x (1 - benefit_risk) - running cost x (1 + cost_risk)     [a year, in production]
    A          = sum_{m=1..12H} (1 + r)^(-m / 12) / 12                    PV of 1 a year, paid monthly
    premium    = 0 if NPV <= 0, else min(capture x net, cap x salary, NPV / (p x A))
    employer NPV after the premium = NPV - p x premium x A
    break-even savings S*: NPV(S*) = 0; NPV is linear in S, so S* = PV(costs) / PV(benefits per unit of S)
    savings for a target premium T = max((T / capture + running x (1 + cost_risk)) / (1 - benefit_risk),
                                         (PV(costs) + p x T x A) / PV(benefits per unit of S))
    payback date = go-live date + payback months x 30.4375 days (365.25 / 12), to the nearest day
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import overload

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from upskill_roi.core.finance import (
    DEFAULT_BENEFIT_RISK,
    DEFAULT_COST_RISK,
    MONTHS_PER_YEAR,
    BusinessCaseSummary,
    discount_factors,
    summarize,
    to_years,
)

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
    "premium_annuity",
    "DEFAULT_CAPTURE_SHARE",
    "DEFAULT_RECAPTURE",
    "DEFAULT_SUCCESS",
    "DEFAULT_PREMIUM_CAP",
    "SUCCESS_SOURCE",
    "RECAPTURE_SOURCE",
    "PREMIUM_CAP_SOURCE",
]

DAYS_PER_MONTH = 365.25 / 12
"""Average month of the Julian year [days], to turn a payback in months into a date."""
DEFAULT_CAPTURE_SHARE = 0.10
"""The guidance's value-capture share: $50K of $500K a year of net savings (EVIDENCE.md)."""
DEFAULT_RECAPTURE = 0.50
"""Share of the time saved that turns into productive work (Forrester TEI "productivity recapture")."""
RECAPTURE_SOURCE = ("Forrester TEI studies count time saved through a productivity-recapture rate: only part of "
                    "the time saved goes to productive work; 50% is the common assumption.")
DEFAULT_SUCCESS = 0.70
"""Chance that the implementation reaches production [fraction]."""
SUCCESS_SOURCE = ("Gartner (July 2024): at least 30% of generative-AI projects abandoned after proof of concept "
                  "(70% go on) -- the most favourable published figure. RAND (Ryseff et al. 2024): more than 80% "
                  "of AI projects fail; S&P Global (2025): 42% of companies abandoned most AI initiatives; MIT "
                  "NANDA (2025): about 95% of pilots show no measurable P&L impact. Different definitions: a range, "
                  "not one number. Set 100% for a system already in production.")
DEFAULT_PREMIUM_CAP = 0.56
"""Largest premium, as a share of the current salary [fraction]."""
PREMIUM_CAP_SOURCE = ("PwC 2025 Global AI Jobs Barometer: a 56% wage premium for AI skills in job postings, the "
                      "largest published; Lightcast (Beyond the Buzz, 2025): 28% for one AI skill, 43% for two or "
                      "more.")


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
    recapture : float
        Share of the time saved that becomes productive work [fraction] (TEI: 50 %).

    Examples
    --------
    >>> d = SavingsDrivers(5, 10, 60, 48, errors_avoided=100, cost_per_error=200,
    ...                    revenue_uplift=100_000, margin=0.2)
    >>> d.breakdown()   # time: 5 x 10 x 60 x 48 = 144,000 of time, half of it recaptured
    {'Time saved': 72000.0, 'Errors avoided': 20000.0, 'Revenue margin': 20000.0}
    >>> d.total()
    112000.0
    """

    # Defaults: the app's illustrative department (sources in upskill_roi.inputs.declared).
    hours_saved_per_week: float = 4.0
    people: float = 40.0
    loaded_hourly_cost: float = 60.0
    working_weeks: float = 48.0
    errors_avoided: float = 0.0
    cost_per_error: float = 0.0
    revenue_uplift: float = 0.0
    margin: float = 0.20
    recapture: float = DEFAULT_RECAPTURE

    def breakdown(self) -> dict[str, float]:
        """Each driver's annual saving [currency/yr], in display order."""
        return {
            "Time saved": float(
                self.hours_saved_per_week * self.people * self.loaded_hourly_cost * self.working_weeks
                * self.recapture
            ),
            "Errors avoided": float(self.errors_avoided * self.cost_per_error),
            "Revenue margin": float(self.revenue_uplift * self.margin),
        }

    def time_value(self) -> float:
        """The cost of the time saved, before recapture [currency/yr]."""
        return float(self.hours_saved_per_week * self.people * self.loaded_hourly_cost * self.working_weeks)

    def total(self) -> float:
        """Sum of the drivers [currency/yr]."""
        return float(sum(self.breakdown().values()))


@dataclass(frozen=True)
class ImplementationInputs:
    """Inputs of one implementation case.

    Attributes
    ----------
    annual_savings : float
        Gross cash savings per year at full adoption, before risk adjustment [currency/yr].
    implementation_cost : float
        One-time cost at go-live, month 0 [currency].
    running_cost : float
        Licences, compute and maintenance [currency/yr].
    ramp_months : float
        Months until the full benefit, linear ramp [months]; 0 = full from month 1.
    horizon_years : int
        Length of the case [years], 1 .. 10.
    discount_rate : float
        Annual discount rate [fraction].
    benefit_risk : float
        TEI haircut on benefits [fraction, 0 .. 1].
    cost_risk : float
        TEI uplift on costs [fraction, >= 0].
    success_probability : float
        Chance that the system reaches production [fraction, 0 .. 1].
    capture_share : float
        Share of the net annual savings argued as the implementer's premium [fraction].
    premium_cap : float
        Largest premium as a share of the current salary [fraction, >= 0].
    salary : float
        The implementer's current salary [currency/yr], for the cap and the premium as a share.
    target_premium : float
        A premium the user wants to justify [currency/yr], for the inverse solver.
    go_live : datetime.date or None
        Go-live date, only to express the payback as a calendar date; ``None`` = not set.

    Amounts, ramp, cost risk, cap, salary and target must be finite and >= 0; benefit risk,
    success probability and capture share lie in [0, 1]. Anything else raises ``ValueError``
    naming the field.
    """

    annual_savings: float = 500_000.0
    implementation_cost: float = 100_000.0
    running_cost: float = 50_000.0
    ramp_months: float = 3.0
    horizon_years: int = 3
    discount_rate: float = 0.10
    benefit_risk: float = DEFAULT_BENEFIT_RISK
    cost_risk: float = DEFAULT_COST_RISK
    success_probability: float = DEFAULT_SUCCESS
    capture_share: float = DEFAULT_CAPTURE_SHARE
    premium_cap: float = DEFAULT_PREMIUM_CAP
    salary: float = 101_190.0
    target_premium: float = 50_000.0
    go_live: dt.date | None = None

    def __post_init__(self) -> None:
        numbers = {k: v for k, v in self.__dict__.items() if k != "go_live"}
        for name, value in numbers.items():
            if not np.isfinite(value):
                raise ValueError(f"{name} must be a finite number, not {value!r}")
        for name in ("annual_savings", "implementation_cost", "running_cost", "ramp_months", "cost_risk",
                     "salary", "target_premium", "premium_cap"):
            if numbers[name] < 0:
                raise ValueError(f"{name} cannot be negative (got {numbers[name]!r})")
        for name in ("benefit_risk", "capture_share", "success_probability"):
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
        Risk-adjusted savings per year at full adoption, in production [currency/yr].
    annual_running_cost : float
        Risk-adjusted running cost [currency/yr].
    net_annual_savings : float
        ``annual_savings - annual_running_cost`` [currency/yr].
    monthly_benefits, monthly_costs : ndarray
        Expected flows, months 0 .. 12H [currency/month]; costs positive.
    year_labels : list of str
        ``["Initial", "Year 1", ...]``.
    yearly_benefits, yearly_costs : ndarray
        The months summed by year [currency]; costs positive.
    yearly_pv : ndarray
        Present value of each year's net flows [currency] (they add up to the NPV).
    summary : BusinessCaseSummary
        NPV, ROI, annual IRR and payback (in months) of the expected monthly flows.
    payback_months : float or None
        From the expected monthly net flows [months]; ``None`` = never within the horizon.
    npv_if_success, npv_if_failure : float
        NPV if the system reaches production, and if it does not (the implementation cost lost)
        [currency].
    premium : float
        Justified premium [currency/yr].
    premium_rule : float
        The rule alone: capture share x net annual savings (>= 0) [currency/yr].
    premium_cap_amount : float
        The cap: cap share x current salary [currency/yr].
    premium_limit : str
        What sets the premium: "rule", "cap", "employer NPV" (the most the employer can pay and
        still have NPV >= 0), or "does not pay back".
    premium_pv : float
        Expected present value of paying the premium over the horizon [currency].
    employer_npv : float
        The project's NPV less ``premium_pv`` [currency].
    employer_net_after_premium : float
        Net savings less the premium, per year at full adoption in production [currency/yr].
    premium_share_of_salary : float or None
        ``premium / salary`` [fraction]; ``None`` when the salary is 0.
    savings_for_target_premium : float or None
        Annual savings, before the risk adjustment (like ``inputs.annual_savings``), that justify
        ``inputs.target_premium`` [currency/yr]; ``None`` when no savings could (capture share,
        benefit share or chance of production 0, or the target above the cap).
    break_even_savings : float or None
        Annual savings (before risk adjustment) that make NPV exactly 0 [currency/yr];
        ``None`` when no savings could (benefit haircut of 100 % or no chance of production).
    payback_date : datetime.date or None
        Go-live date plus the payback; ``None`` when either is missing.
    horizon_totals : dict
        Where the savings go over the horizon, in present values [currency]: "Savings" realised
        (expected), then "Implementation", "Running costs" and "Premium" as negative amounts,
        and the remaining "Employer net" (= ``employer_npv``).
    """

    inputs: ImplementationInputs
    annual_savings: float
    annual_running_cost: float
    net_annual_savings: float
    monthly_benefits: NDArray[np.float64]
    monthly_costs: NDArray[np.float64]
    year_labels: list[str]
    yearly_benefits: NDArray[np.float64]
    yearly_costs: NDArray[np.float64]
    yearly_pv: NDArray[np.float64]
    summary: BusinessCaseSummary
    payback_months: float | None
    npv_if_success: float
    npv_if_failure: float
    premium: float
    premium_rule: float
    premium_cap_amount: float
    premium_limit: str
    premium_pv: float
    employer_npv: float
    employer_net_after_premium: float
    premium_share_of_salary: float | None
    savings_for_target_premium: float | None
    break_even_savings: float | None
    payback_date: dt.date | None = None
    horizon_totals: dict[str, float] = field(default_factory=dict)

    @property
    def npv(self) -> float:
        """NPV of the expected monthly flows [currency]."""
        return self.summary.npv

    @property
    def roi(self) -> float | None:
        """NPV / PV(costs) [fraction]."""
        return self.summary.roi

    @property
    def irr(self) -> float | None:
        """Annual IRR of the expected monthly net flows [fraction]; ``None`` if none exists."""
        return self.summary.irr

    @property
    def monthly_net(self) -> NDArray[np.float64]:
        """Net flow per month [currency/month]."""
        return self.monthly_benefits - self.monthly_costs

    @property
    def cumulative_monthly_net(self) -> NDArray[np.float64]:
        """Cumulative net flow at the end of each month [currency]."""
        return np.cumsum(self.monthly_net)


@overload
def justified_premium(net_annual_savings: float, capture_share: float = ...) -> float: ...
@overload
def justified_premium(net_annual_savings: ArrayLike, capture_share: ArrayLike = ...
                      ) -> float | NDArray[np.float64]: ...
def justified_premium(net_annual_savings: ArrayLike, capture_share: ArrayLike = DEFAULT_CAPTURE_SHARE
                      ) -> float | NDArray[np.float64]:
    """The guidance's rule alone: a share of what the system saves a year net of its running cost
    (never negative). :func:`evaluate` then caps it and keeps it within what the project pays.

    Parameters
    ----------
    net_annual_savings : float or array_like
        Savings less running cost per year [currency/yr].
    capture_share : float or array_like, default 0.10
        Share argued as premium [fraction]. 0.10 is the guidance's ratio.

    Returns
    -------
    float or ndarray
        Premium [currency/yr].

    Examples
    --------
    The guidance's headline: $500K a year net justifies a $50K premium.

    >>> justified_premium(500_000)
    50000.0
    >>> justified_premium([200_000, -50_000], 0.05).tolist()   # a system that costs more than it saves: 0
    [10000.0, 0.0]
    """
    kept = np.maximum(np.asarray(net_annual_savings, dtype=np.float64), 0.0)
    out = kept * np.asarray(capture_share, dtype=np.float64)
    return float(out) if out.ndim == 0 else out


def savings_for_premium(target_premium: float, capture_share: float = DEFAULT_CAPTURE_SHARE) -> float | None:
    """Inverse of the rule alone: net annual savings needed for a premium (``None`` when the share is 0).

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
    success: ArrayLike = 1.0,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Monthly benefit and cost rows, vectorised over every argument but the horizon.

    ``success`` weights everything after go-live: the chance of reaching production for the
    expected flows, or a drawn outcome (1 reached, 0 not) in a simulated case.

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
    >>> b, c = monthly_flows(1200, 100, 120, 0, 1, success=0.5)
    >>> b[:2].tolist(), c[:2].tolist()
    ([0.0, 50.0], [100.0, 5.0])
    """
    n = MONTHS_PER_YEAR * int(horizon_years)
    p = np.asarray(success, float)
    s = np.asarray(annual_savings, float) * (1 - np.asarray(benefit_risk, float)) * p
    cost_factor = 1 + np.asarray(cost_risk, float)
    impl = np.asarray(implementation_cost, float) * cost_factor
    run = np.asarray(running_cost, float) * cost_factor * p
    ramp = ramp_profile(ramp_months, n)
    shape = np.broadcast_shapes(s.shape, impl.shape, run.shape, ramp.shape[:-1])
    benefits = np.zeros((*shape, n + 1))
    benefits[..., 1:] = (s[..., None] / MONTHS_PER_YEAR) * ramp
    costs = np.zeros((*shape, n + 1))
    costs[..., 0] = impl
    costs[..., 1:] = (run / MONTHS_PER_YEAR)[..., None]
    return benefits, costs


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


def premium_annuity(discount_rate: float, horizon_years: int) -> float:
    """Present value of 1 a year paid monthly from month 1 to the horizon [years of payment].

    Examples
    --------
    >>> round(premium_annuity(0.0, 3), 10)
    3.0
    >>> round(premium_annuity(0.10, 1), 4)   # sum of 1.1^(-m/12) / 12, m = 1..12
    0.95
    """
    n = MONTHS_PER_YEAR * int(horizon_years)
    return float(discount_factors(discount_rate, n, MONTHS_PER_YEAR, start=1).sum() / MONTHS_PER_YEAR)


def evaluate(inputs: ImplementationInputs) -> ImplementationResult:
    """Compute the whole implementation case.

    Examples
    --------
    $500K/yr of savings, $100K to implement, $50K/yr to run, a 3-month ramp, 3 years at 10 %,
    no risk adjustments, in production for sure: net savings 450,000 a year, premium 45,000.

    >>> r = evaluate(ImplementationInputs(benefit_risk=0, cost_risk=0, success_probability=1))
    >>> r.yearly_benefits.round(2).tolist()   # year 1: 500K/12 x (1/3 + 2/3 + 1 + 9)
    [0.0, 458333.33, 500000.0, 500000.0]
    >>> r.net_annual_savings, r.premium, r.premium_limit
    (450000.0, 45000.0, 'rule')
    >>> round(r.payback_months, 4)   # 3 + (100,000 - 70,833.33) / 37,500
    3.7778
    """
    i = inputs
    h = int(i.horizon_years)
    n = MONTHS_PER_YEAR * h
    p = i.success_probability
    b_m, c_m = monthly_flows(i.annual_savings, i.implementation_cost, i.running_cost, i.ramp_months, h,
                             i.benefit_risk, i.cost_risk, p)
    summary = summarize(c_m, b_m, i.discount_rate, MONTHS_PER_YEAR)
    v = discount_factors(i.discount_rate, n + 1, MONTHS_PER_YEAR)
    net_m = b_m - c_m
    yearly_pv = to_years(net_m * v)

    b_s, c_s = monthly_flows(i.annual_savings, i.implementation_cost, i.running_cost, i.ramp_months, h,
                             i.benefit_risk, i.cost_risk, 1.0)
    npv_success = float(np.sum((b_s - c_s) * v))
    npv_failure = -float(c_s[0])

    adj_savings = float(i.annual_savings * (1 - i.benefit_risk))
    adj_running = float(i.running_cost * (1 + i.cost_risk))
    net = adj_savings - adj_running
    rule = justified_premium(net, i.capture_share)
    cap = i.premium_cap * i.salary
    annuity = premium_annuity(i.discount_rate, h)
    paid = p * annuity  # expected PV of 1 a year of premium
    npv_value = summary.npv
    affordable = npv_value / paid if paid > 0 else float("inf")
    if npv_value <= 0 or rule <= 0:
        premium, limit = 0.0, "does not pay back" if npv_value <= 0 else "rule"
    else:
        premium, limit = min((rule, "rule"), (cap, "cap"), (affordable, "employer NPV"), key=lambda x: x[0])
        premium = float(premium)
    premium_pv = premium * paid

    # Break-even and inverse: NPV is linear in S (benefits scale with S, costs do not).
    b_unit, _ = monthly_flows(1.0, 0.0, 0.0, i.ramp_months, h, i.benefit_risk, 0.0, p)
    pv_unit = float(np.sum(b_unit * v))
    break_even = summary.pv_costs / pv_unit if pv_unit > 0 else None
    target = i.target_premium
    if target <= 0:
        needed: float | None = 0.0
    elif pv_unit <= 0 or i.capture_share <= 0 or target > cap:
        needed = None
    else:
        by_rule = (target / i.capture_share + adj_running) / (1 - i.benefit_risk)
        by_npv = (summary.pv_costs + paid * target) / pv_unit
        needed = max(by_rule, by_npv)

    totals = {
        "Savings": summary.pv_benefits,
        "Implementation": -float(c_m[0]),
        "Running costs": -(summary.pv_costs - float(c_m[0])),
        "Premium": -premium_pv,
    }
    totals["Employer net"] = float(sum(totals.values()))

    return ImplementationResult(
        inputs=i,
        annual_savings=adj_savings,
        annual_running_cost=adj_running,
        net_annual_savings=net,
        monthly_benefits=b_m,
        monthly_costs=c_m,
        year_labels=["Initial"] + [f"Year {k}" for k in range(1, h + 1)],
        yearly_benefits=to_years(b_m),
        yearly_costs=to_years(c_m),
        yearly_pv=yearly_pv,
        summary=summary,
        payback_months=(pb := summary.payback),
        payback_date=payback_date(i.go_live, pb),
        npv_if_success=npv_success,
        npv_if_failure=npv_failure,
        premium=premium,
        premium_rule=rule,
        premium_cap_amount=cap,
        premium_limit=limit,
        premium_pv=premium_pv,
        employer_npv=npv_value - premium_pv,
        employer_net_after_premium=net - premium,
        premium_share_of_salary=premium / i.salary if i.salary > 0 else None,
        savings_for_target_premium=needed,
        break_even_savings=break_even,
        horizon_totals=totals,
    )


def cashflow_table(result: ImplementationResult) -> pd.DataFrame:
    """The yearly table as a DataFrame (one row per period) for display and CSV: the expected
    monthly flows summed by year, and each year's present value (discounted month by month).

    Columns: Period, Benefits, Costs, Net, Cumulative net, PV of net (currency).

    Examples
    --------
    >>> t = cashflow_table(evaluate(ImplementationInputs(ramp_months=0, horizon_years=1, benefit_risk=0,
    ...                                                  cost_risk=0, success_probability=1)))
    >>> t["Period"].tolist(), t["Net"].round(2).tolist()
    (['Initial', 'Year 1'], [-100000.0, 450000.0])
    """
    net = result.yearly_benefits - result.yearly_costs
    return pd.DataFrame(
        {
            "Period": result.year_labels,
            "Benefits": result.yearly_benefits,
            "Costs": result.yearly_costs,
            "Net": net,
            "Cumulative net": np.cumsum(net),
            "PV of net": result.yearly_pv,
        }
    )
