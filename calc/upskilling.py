"""Upskilling: weekly hours -> time to competency -> the payoff of the premium -> the cost of waiting.

Conventions (stated once for this module; payback as in calc.finance)
------------------------------------------------------------------------
* **Study time.** ``remaining hours = max(target - prior, 0)``; each planned week delivers
  ``weekly hours x consistency`` hours (consistency = share of planned weeks actually studied).
  Weeks to competency = remaining / (weekly x consistency); 0 effective hours a week = never
  (``None``).
* **Calendar.** A month is 52/12 = 4.333 weeks (a 365-day year of 52 weeks); dates add whole
  days (weeks x 7, rounded).
* **Learning curve (exponential).** Proficiency after ``h`` hours of practice, on a 0-1 scale
  of the distance to the learner's own ceiling: ``P(h) = 1 - exp(-(prior + h) / tau)``. An
  exponential, not the group-level power law, because Heathcote, Brown & Mewhort (2000) found
  that individual learners' curves fit an exponential better; prior experience enters as a
  shift in hours (the ``E`` term of Newell & Rosenbloom's power law). ``tau`` is set so that
  reaching the target is reaching "competent": ``P(target) = 0.60``.
* **Dreyfus stages** start at P = 0, 0.30, 0.60, 0.80, 0.95 (novice, advanced beginner,
  competent, proficient, expert). The thresholds are illustrative; only "competent = the
  target" is tied to the user's input.
* **Economics (monthly; month 0 = the start date).** Course fees are paid at month 0. Study time,
  if valued, costs ``hourly value`` per hour studied, spread evenly over the study period. The
  premium is earned from ``competency + lag`` months on, at ``premium / 12 x probability`` a
  month (an expected value); a month that is only partly after that point earns its share.
  Cash flows are discounted monthly at ``(1 + annual rate)^(1/12) - 1``. Not upskilling is the
  baseline (0 in every month), so the NPV is that of upskilling *versus not*.
* **Cost of waiting ``k`` months** (undiscounted, like the head start below). Starting ``k``
  months later shifts the premium ``k`` months later: within the horizon that loses
  ``min(k, premium months of starting now)`` months of expected premium. The optional layoff
  term adds
  ``P(displaced during the wait) x weeks out of work x weekly pay`` (weekly pay = salary / 52),
  on the assumption that being upskilled would have avoided that spell. Cost in weeks =
  cost in money / weekly pay. The head start of having started 6 months earlier is the
  difference of the two scenarios' cumulative (undiscounted) payoffs at the horizon.

Formulas::

    weeks      = max(target - prior, 0) / (weekly x consistency)
    tau        = target / ln(1 / (1 - 0.60))
    P(h)       = 1 - exp(-(prior + h) / tau)
    premium_m  = premium / 12 x probability x clip(m - (T_c + lag), 0, 1)   T_c in months
    study_m    = hours studied x hourly value x clip(T_c - (m - 1), 0, 1) / T_c
    cost of waiting = min(k, premium months now) x premium / 12 x probability
                      + p_displaced x weeks out x salary / 52
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import ArrayLike, NDArray

from calc.finance import npv, payback_period

__all__ = [
    "WEEKS_PER_MONTH",
    "MAX_WEEKS",
    "STAGES",
    "TARGET_PRESETS",
    "weeks_to_competency",
    "weeks_to_competency_array",
    "proficiency",
    "stage_hours",
    "UpskillingInputs",
    "UpskillingResult",
    "scenario_flows",
    "evaluate",
    "proficiency_paths",
    "competency_curve",
    "RECOMMENDED_BAND",
    "CERTIFICATES",
    "CERTIFICATE_CLAIM",
    "certificate_check",
]

RECOMMENDED_BAND = (6.0, 12.0)
"""The guidance's recommended study hours per week."""

WEEKS_PER_MONTH = 52 / 12
MAX_WEEKS = 5_200.0
"""Beyond 100 years (52 x 100 weeks) :func:`evaluate` reports the target as never reached."""
COMPETENT = 0.60
STAGES: tuple[tuple[str, float], ...] = (
    ("Novice", 0.0),
    ("Advanced beginner", 0.30),
    ("Competent", COMPETENT),
    ("Proficient", 0.80),
    ("Expert", 0.95),
)
"""Dreyfus stages and the proficiency (0-1) at which each starts."""

TARGET_PRESETS: dict[str, tuple[float, str]] = {
    "A narrow skill (20 h)": (
        20.0, "Kaufman, The First 20 Hours (2013): about 20 hours of deliberate practice to be reasonably good "
        "at a narrow skill."),
    "Professional certificate (240 h)": (
        240.0, "Google Career Certificates: \"under 6 months at under 10 hours a week\" (about 180-240 hours; "
        "upper end)."),
    "Six months of focused implementation (260 h)": (
        260.0, "The guidance: about six months of focused AI implementation experience at ~10 h/week "
        "(26 weeks x 10 h)."),
    "Specialist level (600 h)": (
        600.0, "For scale: the US Foreign Service Institute's 600-750 class hours to professional working "
        "proficiency in the easiest languages."),
}
"""Target hours with their sources (EVIDENCE.md)."""


def weeks_to_competency(
    target_hours: float, weekly_hours: float, prior_hours: float = 0.0, consistency: float = 1.0
) -> float | None:
    """Weeks of study until the target number of practice hours is reached.

    Parameters
    ----------
    target_hours : float
        Practice hours that make a learner competent at the goal [h].
    weekly_hours : float
        Hours planned per week [h/week].
    prior_hours : float, default 0
        Relevant hours already done, credited against the target [h].
    consistency : float, default 1.0
        Share of planned weeks actually studied [fraction, 0-1].

    Returns
    -------
    float or None
        Weeks [weeks]; 0.0 when the credit already covers the target; ``None`` (never) when
        no effective hours are put in.

    Examples
    --------
    >>> weeks_to_competency(240, 10)
    24.0
    >>> weeks_to_competency(240, 10, prior_hours=40, consistency=0.8)   # 200 / 8
    25.0
    >>> weeks_to_competency(240, 0) is None
    True
    """
    for name, value in (("target_hours", target_hours), ("weekly_hours", weekly_hours),
                        ("prior_hours", prior_hours)):
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{name} must be a finite number >= 0 (got {value!r})")
    if not 0 <= consistency <= 1:
        raise ValueError(f"consistency must lie between 0 and 1 (got {consistency!r})")
    remaining = max(target_hours - prior_hours, 0.0)
    if remaining == 0:
        return 0.0
    effective = weekly_hours * consistency
    if effective <= 0:
        return None
    return remaining / effective


def weeks_to_competency_array(
    target_hours: ArrayLike, weekly_hours: ArrayLike, prior_hours: ArrayLike = 0.0, consistency: ArrayLike = 1.0
) -> NDArray[np.float64]:
    """Vectorised :func:`weeks_to_competency`; ``inf`` where it would be ``None``.

    Examples
    --------
    >>> weeks_to_competency_array(240, [0, 6, 12]).tolist()
    [inf, 40.0, 20.0]
    """
    remaining = np.maximum(np.asarray(target_hours, float) - np.asarray(prior_hours, float), 0.0)
    effective = np.asarray(weekly_hours, float) * np.asarray(consistency, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        weeks = np.where(effective > 0, remaining / np.where(effective > 0, effective, 1.0), np.inf)
    return np.where(remaining == 0, 0.0, weeks)


def _tau(target_hours: float) -> float:
    return target_hours / math.log(1 / (1 - COMPETENT))


def proficiency(hours: ArrayLike, target_hours: float, prior_hours: float = 0.0) -> NDArray[np.float64]:
    """Proficiency (0-1) after ``hours`` of new practice; reaches 0.60 ("competent") at the target.

    Examples
    --------
    >>> proficiency([0, 240], 240).round(4).tolist()
    [0.0, 0.6]
    >>> float(proficiency(200, 240, prior_hours=40).round(4))   # prior hours count as practice
    0.6
    """
    if target_hours <= 0:
        raise ValueError("target_hours must be > 0")
    h = np.asarray(hours, float)
    return 1.0 - np.exp(-(prior_hours + h) / _tau(target_hours))


def stage_hours(target_hours: float) -> dict[str, float]:
    """Total practice hours (prior included) at which each Dreyfus stage starts.

    Examples
    --------
    By hand: hours = 240 x ln(1 / (1 - P)) / ln(2.5), e.g. proficient 240 x ln 5 / ln 2.5 = 421.55.

    >>> {k: round(v, 1) for k, v in stage_hours(240).items()}
    {'Novice': 0.0, 'Advanced beginner': 93.4, 'Competent': 240.0, 'Proficient': 421.6, 'Expert': 784.7}
    """
    tau = _tau(target_hours)
    return {name: (0.0 if p == 0 else -tau * math.log(1 - p)) for name, p in STAGES}


@dataclass(frozen=True)
class UpskillingInputs:
    """Inputs of an upskilling plan.

    Attributes
    ----------
    weekly_hours : float
        Planned study hours a week [h/week], 0-40; 6-12 is the guidance's band.
    target_hours : float
        Practice hours to competency [h].
    prior_hours : float
        Relevant hours already done [h].
    consistency : float
        Share of planned weeks actually studied [fraction].
    start : datetime.date
        Day the plan starts ("today" when the link does not say).
    course_fees : float
        One-time fees at the start [currency].
    hourly_value : float
        Value of one hour of study time [currency/h]; 0 = study time not counted as a cost.
    premium : float
        Salary premium once competent and in the role [currency/yr].
    probability : float
        Probability of realising the premium [fraction].
    lag_months : float
        Months from competency to the raise or new role [months].
    salary : float
        Current salary [currency/yr], for weekly pay in the layoff term and the cost in weeks.
    horizon_years : int
        Years over which the payoff is counted, from the start date [years], 1-10.
    discount_rate : float
        Annual discount rate [fraction].
    wait_months : float
        The delay to price ("start in k months") [months].
    displacement_probability : float
        Probability of being displaced during the wait [fraction]; 0 = term left out.
    weeks_out_of_work : float
        Expected weeks out of work if displaced [weeks].
    """

    weekly_hours: float = 10.0
    target_hours: float = 260.0
    prior_hours: float = 0.0
    consistency: float = 1.0
    start: dt.date = dt.date(2026, 1, 5)
    course_fees: float = 500.0
    hourly_value: float = 0.0
    premium: float = 50_000.0
    probability: float = 0.5
    lag_months: float = 3.0
    salary: float = 101_190.0
    horizon_years: int = 5
    discount_rate: float = 0.10
    wait_months: float = 6.0
    displacement_probability: float = 0.0
    weeks_out_of_work: float = 10.5

    def __post_init__(self) -> None:
        for name, value in self.__dict__.items():
            if name == "start":
                continue
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"{name} must be a finite number >= 0 (got {value!r})")
        for name in ("consistency", "probability", "displacement_probability"):
            if getattr(self, name) > 1:
                raise ValueError(f"{name} must lie between 0 and 1 (got {getattr(self, name)!r})")
        if self.target_hours <= 0:
            raise ValueError("target_hours must be > 0")
        if int(self.horizon_years) != self.horizon_years or not 1 <= self.horizon_years <= 10:
            raise ValueError(f"horizon_years must be a whole number from 1 to 10 (got {self.horizon_years!r})")


@dataclass(frozen=True)
class UpskillingResult:
    """Everything the upskilling page shows.

    Attributes
    ----------
    weeks : float or None
        Weeks to competency; ``None`` = never (no effective hours, or more than 100 years).
    months : float or None
        The same in months (weeks / 4.333).
    competency_date : datetime.date or None
        ``start + weeks x 7`` days.
    hours_to_study : float
        Hours still to put in (target less credit) [h].
    total_cost : float
        Course fees plus valued study time [currency].
    months_axis : ndarray
        Months -6 .. 12H relative to the start date, for the scenario flows.
    flows : dict of str -> ndarray
        Monthly net flows [currency] of "Started 6 months ago", "Start now", "Wait k months" on
        ``months_axis`` (a scenario's flows before its start are 0).
    npv : float
        NPV of starting now versus not upskilling, months 0 .. 12H [currency].
    break_even_month : float or None
        Payback of starting now [months from the start date]; 0 when there is nothing to recover
        (no costs); ``None`` = not within the horizon.
    premium_months_lost : float
        Months of premium lost by waiting, within the horizon [months].
    cost_of_waiting : float
        Expected cost of waiting ``wait_months`` [currency].
    layoff_cost : float
        Its layoff part [currency].
    cost_of_waiting_weeks : float or None
        ``cost_of_waiting`` in weeks of pay; ``None`` when the salary is 0.
    head_start : float
        How far ahead someone who started 6 months earlier is at the horizon, undiscounted
        [currency].
    competent_proficiency : float
        Proficiency (0-1) on the day the target is reached: 0.60, or more when prior hours
        already exceed the target.
    effective_weekly_hours : float
        ``weekly hours x consistency`` [h/week].
    cost_pv : float
        Present value, at the start date, of what starting now costs within the horizon: fees
        plus valued study time as it is spent (the cost side of ``flows["Start now"]``) [currency].
    """

    inputs: UpskillingInputs
    weeks: float | None
    months: float | None
    competency_date: dt.date | None
    hours_to_study: float
    total_cost: float
    months_axis: NDArray[np.float64]
    flows: dict[str, NDArray[np.float64]]
    npv: float
    break_even_month: float | None
    premium_months_lost: float
    cost_of_waiting: float
    layoff_cost: float
    cost_of_waiting_weeks: float | None
    head_start: float
    competent_proficiency: float
    effective_weekly_hours: float
    cost_pv: float = 0.0

    @property
    def cumulative(self) -> dict[str, NDArray[np.float64]]:
        """Cumulative net flows of each scenario [currency]."""
        return {k: np.cumsum(v) for k, v in self.flows.items()}


def scenario_flows(i: UpskillingInputs, start_offset: float, months: NDArray[np.float64]) -> NDArray[np.float64]:
    """Monthly net flows of starting ``start_offset`` months after the start date, on ``months``.

    Month ``m`` covers the interval (m - 1, m]; a scenario's start falls at ``start_offset``.
    Fees are paid in the month containing the start (at m = start_offset when it is whole).

    Examples
    --------
    Premium 12,000/yr with certainty, no lag, 1,000 fees, 24 weeks to competency (= 5.54 months):

    >>> i = UpskillingInputs(weekly_hours=10, target_hours=240, premium=12_000, probability=1,
    ...                      lag_months=0, course_fees=1_000, horizon_years=1)
    >>> f = scenario_flows(i, 0.0, np.arange(0.0, 13.0))
    >>> float(f[0]), round(float(f[6]), 2), float(f[12])   # fees; 46 % of month 6 is after 5.54
    (-1000.0, 461.54, 1000.0)
    """
    weeks = weeks_to_competency(i.target_hours, i.weekly_hours, i.prior_hours, i.consistency)
    if weeks is not None and weeks > MAX_WEEKS:
        weeks = None
    flows = np.zeros_like(months, dtype=float)
    flows[np.isclose(months, math.ceil(start_offset - 1e-12))] -= i.course_fees
    if weeks is None:
        return flows
    t_c = weeks / WEEKS_PER_MONTH
    hours = max(i.target_hours - i.prior_hours, 0.0)
    if t_c > 0 and i.hourly_value > 0:
        in_study = np.clip(np.minimum(months, start_offset + t_c) - np.maximum(months - 1, start_offset), 0, 1)
        flows -= hours * i.hourly_value * in_study / t_c
    earn_from = start_offset + t_c + i.lag_months
    share = np.clip(months - earn_from, 0, 1)
    flows += i.premium / 12 * i.probability * share
    return flows


def evaluate(i: UpskillingInputs) -> UpskillingResult:
    """Time to competency, payoff, and the cost of waiting for one plan.

    Examples
    --------
    >>> r = evaluate(UpskillingInputs(weekly_hours=10, target_hours=240))
    >>> r.weeks, r.competency_date.isoformat(), r.premium_months_lost
    (24.0, '2026-06-22', 6.0)
    """
    weeks = weeks_to_competency(i.target_hours, i.weekly_hours, i.prior_hours, i.consistency)
    if weeks is not None and weeks > MAX_WEEKS:
        weeks = None  # more than a century away: never, for any plan or calendar
    months_to = None if weeks is None else weeks / WEEKS_PER_MONTH
    date = None if weeks is None else i.start + dt.timedelta(days=round(weeks * 7))
    hours = max(i.target_hours - i.prior_hours, 0.0)
    total_cost = i.course_fees + hours * i.hourly_value

    n = 12 * int(i.horizon_years)
    axis = np.arange(-6.0, n + 1.0)
    k = float(i.wait_months)
    flows = {
        "Started 6 months ago": scenario_flows(i, -6.0, axis),
        "Start now": scenario_flows(i, 0.0, axis),
        f"Wait {k:g} months": scenario_flows(i, k, axis),
    }
    now = flows["Start now"][axis >= 0]  # months 0 .. n from the start date
    monthly_rate = (1 + i.discount_rate) ** (1 / 12) - 1
    value = float(npv(monthly_rate, now))
    costs_now = scenario_flows(replace(i, premium=0.0), 0.0, axis)[axis >= 0]
    cost_pv = -float(npv(monthly_rate, costs_now))
    break_even = payback_period(now)

    if months_to is None:
        earning_months_now = 0.0
    else:
        earning_months_now = float(np.clip(n - (months_to + i.lag_months), 0, None))
    lost = min(k, earning_months_now)
    weekly_pay = i.salary / 52
    layoff = i.displacement_probability * i.weeks_out_of_work * weekly_pay
    cost = lost * i.premium / 12 * i.probability + layoff
    return UpskillingResult(
        inputs=i, weeks=weeks, months=months_to, competency_date=date, hours_to_study=hours,
        total_cost=total_cost, months_axis=axis, flows=flows, npv=value, break_even_month=break_even,
        premium_months_lost=lost, cost_of_waiting=cost, layoff_cost=layoff,
        cost_of_waiting_weeks=cost / weekly_pay if weekly_pay > 0 else None,
        head_start=float(flows["Started 6 months ago"].sum() - flows["Start now"].sum()),
        competent_proficiency=max(COMPETENT, float(proficiency(0.0, i.target_hours, i.prior_hours))),
        effective_weekly_hours=i.weekly_hours * i.consistency, cost_pv=cost_pv,
    )


def proficiency_paths(
    i: UpskillingInputs, paces: tuple[float, ...] = (6.0, 9.0, 12.0)
) -> tuple[NDArray[np.float64], dict[str, NDArray[np.float64]]]:
    """Proficiency over weeks for the given weekly paces and for the user's own plan.

    The paces are taken at the plan's consistency (and say so in their labels when it is below
    100 %). The axis runs, in half weeks, to 1.5 x the slowest time to competency of the paces
    (at most 156 weeks), extended to 1.2 x the user's own time when that is later (at most 520
    weeks, ten years).

    Returns
    -------
    weeks : ndarray
        Time axis [weeks].
    paths : dict
        ``"6 h/week"`` ... and ``"Your plan"`` -> proficiency (0-1) on ``weeks``.

    Examples
    --------
    >>> w, paths = proficiency_paths(UpskillingInputs(weekly_hours=10, target_hours=240))
    >>> list(paths), float(w[-1])   # slowest: 240 h at 6 h/week = 40 weeks; x 1.5 = 60
    (['6 h/week', '9 h/week', '12 h/week', 'Your plan'], 60.0)
    >>> round(float(paths["Your plan"][w == 24.0][0]), 4)   # 24 weeks x 10 h = 240 h: competent
    0.6
    """
    suffix = "" if i.consistency == 1 else f" at {i.consistency:.0%} consistency"
    paces_all = {f"{p:g} h/week{suffix}": p for p in paces}
    finite = [w for p in paces_all.values()
              if (w := weeks_to_competency(i.target_hours, p, i.prior_hours, i.consistency)) is not None]
    end = min(max([*finite, 4.0]) * 1.5, 156.0)
    own = weeks_to_competency(i.target_hours, i.weekly_hours, i.prior_hours, i.consistency)
    if own is not None and own * 1.2 > end:
        end = min(own * 1.2, 520.0)
    paces_all["Your plan"] = i.weekly_hours
    weeks = np.arange(0.0, end + 0.25, 0.5)
    paths = {label: proficiency(weeks * p * i.consistency, i.target_hours, i.prior_hours)
             for label, p in paces_all.items()}
    return weeks, paths


def competency_curve(i: UpskillingInputs) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Weeks to competency for weekly hours 1 .. 40 (in steps of 0.5) at the plan's other inputs.

    Examples
    --------
    >>> h, w = competency_curve(UpskillingInputs(target_hours=240))
    >>> float(h[0]), float(w[0]), float(w[h == 10.0][0])
    (1.0, 240.0, 24.0)
    """
    hours = np.arange(1.0, 40.25, 0.5)
    return hours, weeks_to_competency_array(i.target_hours, hours, i.prior_hours, i.consistency)


CERTIFICATE_CLAIM = ("The guidance's claim: a generic AI certificate has near-zero value; a domain-specific "
                     "implementation certificate has significant value.")
CERTIFICATES: dict[str, dict[str, float]] = {
    "Generic AI certificate": {"course_fees": 300.0, "target_hours": 40.0, "probability": 0.05},
    "Domain-specific implementation certificate": {"course_fees": 2_000.0, "target_hours": 240.0,
                                                   "probability": 0.50},
}
"""Two presets of the upskilling economics (fees [currency], hours to the certificate [h],
probability of the premium [fraction]) that put numbers on :data:`CERTIFICATE_CLAIM`. The
numbers are illustrative: a short online course (40 h) against a certificate-scale programme
(240 h, Google Career Certificates' upper end); the probabilities encode the claim ("near zero"
= 5 %, "significant" = an even chance) and are the user's to change."""


def certificate_check(base: UpskillingInputs, certificates: dict[str, dict[str, float]] | None = None
                      ) -> dict[str, UpskillingResult]:
    """The upskilling economics of each certificate: ``base`` with its fees, target hours and
    probability of the premium (no prior hours), evaluated with :func:`evaluate`.

    Examples
    --------
    With the same premium and pace, the generic certificate's 5 % chance is worth far less:

    >>> r = certificate_check(UpskillingInputs(weekly_hours=10, premium=20_000))
    >>> r["Generic AI certificate"].npv < r["Domain-specific implementation certificate"].npv / 5
    True
    >>> r["Generic AI certificate"].weeks, r["Domain-specific implementation certificate"].weeks
    (4.0, 24.0)
    """
    certificates = certificates or CERTIFICATES
    return {name: evaluate(replace(base, prior_hours=0.0, **preset)) for name, preset in certificates.items()}
