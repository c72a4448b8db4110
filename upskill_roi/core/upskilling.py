"""Upskilling: weekly hours -> time to competency -> the payoff of the premium -> the cost of waiting.

Conventions (stated once for this module; time, discounting and payback as in upskill_roi.core.finance)
------------------------------------------------------------------------
* **Study time.** ``remaining hours = max(target - credit, 0)``, where the credit is the other
  relevant hours already done plus 43.3 h for each month of focused AI implementation already
  done (the guidance's six months = 260 h). Each planned week delivers ``weekly hours x
  consistency`` hours (consistency = share of planned weeks actually studied). Weeks to
  competency = remaining / (weekly x consistency); 0 effective hours a week = never (``None``).
* **Calendar.** A month is 52/12 = 4.333 weeks (a 365-day year of 52 weeks); dates add whole
  days (weeks x 7, rounded).
* **Learning curve (exponential).** Proficiency after ``h`` hours of practice, on a 0-1 scale
  of the distance to the learner's own ceiling: ``P(h) = 1 - exp(-(credit + h) / tau)``. An
  exponential, not the group-level power law, because Heathcote, Brown & Mewhort (2000) found
  that individual learners' curves fit an exponential better; prior experience enters as a
  shift in hours (the ``E`` term of Newell & Rosenbloom's power law). ``tau`` is set so that
  reaching the target is reaching "competent": ``P(target) = 0.60``.
* **Dreyfus stages** start at P = 0, 0.30, 0.60, 0.80, 0.95 (novice, advanced beginner,
  competent, proficient, expert). The thresholds are illustrative; only "competent = the
  target" is tied to the user's input.
* **The guidance's profile**: 3+ years in the domain and 6 months of focused AI implementation.
  Without the domain depth the skill is the generic kind the guidance says has near-zero value:
  until the person has 3 years in the domain (years grow with the calendar), the chance of the
  premium is the generic 5 %; from then on the chance entered. The profile check says what is
  missing today and when this plan completes it.
* **Tax basis.** Every amount is before income tax, as pay and premiums are quoted. Fees are
  paid out of taxed income, so they enter grossed up: ``fees / (1 - marginal tax rate)``. Study
  time is valued at the person's hourly pay (salary / 2,080 paid hours, the BLS factor) times a
  share (default 1; 0 = study in time that has no value elsewhere).
* **Economics (monthly; month 0 = the start date; discounting as in upskill_roi.core.finance).** Against
  not upskilling (the baseline, 0 in every month): the fees at the start; study time spread
  evenly over the study period; the expected premium from ``competency + lag`` on,
  ``premium / 12 x chance`` a month (a month only partly after that point earns its share);
  and, with a displacement probability, the pay kept because the probability falls by the risk
  reduction of its hazard once competent (the job-loss model of :mod:`upskill_roi.core.displacement`: once, time out of
  work, a lasting loss that fades). The premium is paid only while employed.
* **Cost of waiting ``k`` months** = NPV of starting now less NPV of starting ``k`` months
  later, both discounted to the start date. Its parts: the premium comes later, the
  displacement risk that starting now would have averted (only the risk between competency now
  and competency after the wait: a plan that never reaches competency averts none), and the
  costs paid later (worth something, so negative). The head start of having started 6 months
  earlier is the NPV of that scenario less starting now, valued at the start date (past months
  compounded forward). Cost in weeks = cost in money / weekly pay (salary / 52).

Formulas::

    weeks      = max(target - credit, 0) / (weekly x consistency),   credit = prior + 43.3 x impl. months
    tau        = target / ln(1 / (1 - 0.60))
    P(h)       = 1 - exp(-(credit + h) / tau)
    chance_m   = 0.05 before 3 years in the domain, the entered probability after
    premium_m  = premium / 12 x chance_m x clip(m - (o + T_c + lag), 0, 1) x pay factor_m    T_c in months
    risk_m     = salary / 12 x (pay factor_m(hazard x (1 - reduction x competent_m)) - pay factor_m(hazard))
    study_m    = hours studied x salary / 2080 x share x clip(o + T_c - (m - 1), 0, 1) / T_c
    fees       = fees / (1 - marginal tax rate), in the month of the start o
    NPV        = sum_m (premium_m + risk_m - costs_m) (1 + r)^(-m / 12)
    cost of waiting = NPV(start now) - NPV(start in k months)
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from upskill_roi.core.displacement import EARNINGS_LOSS, HALF_LIFE_YEARS, WEEKS_OUT, JobLoss, pay_factor
from upskill_roi.core.finance import MONTHS_PER_YEAR, PAID_HOURS, WEEKS_PER_MONTH, discount_factors, payback_period

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
    "Profile",
    "profile",
    "premium_chance",
    "IMPLEMENTATION_HOURS_PER_MONTH",
    "PROFILE_DOMAIN_YEARS",
    "PROFILE_IMPLEMENTATION_MONTHS",
    "GENERIC_PREMIUM_PROBABILITY",
    "DEFAULT_TAX_RATE",
    "TAX_SOURCE",
]

RECOMMENDED_BAND = (6.0, 12.0)
"""The guidance's recommended study hours per week."""

MAX_WEEKS = 5_200.0
"""Beyond 100 years (52 x 100 weeks) :func:`evaluate` reports the target as never reached."""
COMPETENT = 0.60
PROFILE_DOMAIN_YEARS = 3.0
PROFILE_IMPLEMENTATION_MONTHS = 6.0
"""The guidance's competitive profile: 3+ years of domain experience plus 6 months of focused AI
implementation experience."""
IMPLEMENTATION_HOURS_PER_MONTH = 260.0 / 6.0
"""Hours of focused implementation in a month (43.3 h): the guidance's six months at about 10 h/week
(26 weeks x 10 h = 260 h)."""
GENERIC_PREMIUM_PROBABILITY = 0.05
"""Chance of the premium with generic AI skills, without the profile's domain depth [fraction]: the
guidance's "near-zero value" of a generic AI certificate, put at 5 % (illustrative; the
certificate check's generic preset uses the same figure)."""
DEFAULT_TAX_RATE = 0.30
TAX_SOURCE = ("Illustrative: about 30% -- the 22% US federal bracket of a single filer near the median wage plus "
              "7.65% payroll tax (Social Security 6.2% + Medicare 1.45%); state income tax adds more.")
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
        Other relevant hours already done (courses, projects) [h].
    consistency : float
        Share of planned weeks actually studied [fraction].
    start : datetime.date
        Day the plan starts ("today" when the link does not say).
    course_fees : float
        One-time fees at the start, as paid (out of taxed income) [currency].
    time_value_share : float
        Value of an hour of study time as a share of the person's hourly pay (salary / 2,080)
        [fraction]; 1 = the pay of that hour (the default), 0 = study time not counted.
    marginal_tax_rate : float
        Tax on the last unit of pay [fraction, 0 .. 0.9]: fees are grossed up by it.
    premium : float
        Salary premium once competent and in the role [currency/yr, before tax].
    probability : float
        Probability of realising the premium with the guidance's profile [fraction].
    lag_months : float
        Months from competency to the raise or new role [months].
    salary : float
        Current salary [currency/yr, before tax].
    horizon_years : int
        Years over which the payoff is counted, from the start date [years], 1-10.
    discount_rate : float
        Annual discount rate [fraction].
    wait_months : float
        The delay to price ("start in k months") [months].
    domain_years : float
        Years of experience in the domain today [years].
    implementation_months : float
        Months of focused AI implementation experience already done [months]; each counts
        :data:`IMPLEMENTATION_HOURS_PER_MONTH` hours towards the target.
    displacement_probability : float
        Yearly probability of losing the current job [fraction/yr]; 0 = left out.
    risk_reduction : float
        Share by which that probability falls once competent [fraction].
    weeks_out_of_work, earnings_loss, loss_half_life_years : float
        What a displacement costs (:class:`upskill_roi.core.displacement.JobLoss`).
    """

    weekly_hours: float = 10.0
    target_hours: float = 260.0
    prior_hours: float = 0.0
    consistency: float = 1.0
    start: dt.date = dt.date(2026, 1, 5)
    course_fees: float = 500.0
    time_value_share: float = 1.0
    marginal_tax_rate: float = DEFAULT_TAX_RATE
    premium: float = 50_000.0
    probability: float = 0.5
    lag_months: float = 3.0
    salary: float = 101_190.0
    horizon_years: int = 5
    discount_rate: float = 0.10
    wait_months: float = 6.0
    domain_years: float = 5.0
    implementation_months: float = 0.0
    displacement_probability: float = 0.04
    risk_reduction: float = 0.5
    weeks_out_of_work: float = WEEKS_OUT
    earnings_loss: float = EARNINGS_LOSS
    loss_half_life_years: float = HALF_LIFE_YEARS

    def __post_init__(self) -> None:
        for name, value in self.__dict__.items():
            if name == "start":
                continue
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"{name} must be a finite number >= 0 (got {value!r})")
        for name in ("consistency", "probability", "displacement_probability", "risk_reduction", "earnings_loss",
                     "time_value_share"):
            if getattr(self, name) > 1:
                raise ValueError(f"{name} must lie between 0 and 1 (got {getattr(self, name)!r})")
        if self.marginal_tax_rate > 0.9:
            raise ValueError(f"marginal_tax_rate must lie between 0 and 0.9 (got {self.marginal_tax_rate!r})")
        if self.target_hours <= 0:
            raise ValueError("target_hours must be > 0")
        if int(self.horizon_years) != self.horizon_years or not 1 <= self.horizon_years <= 10:
            raise ValueError(f"horizon_years must be a whole number from 1 to 10 (got {self.horizon_years!r})")
        if self.weeks_out_of_work > 104:
            raise ValueError(f"weeks_out_of_work must lie between 0 and 104 (got {self.weeks_out_of_work!r})")
        if self.loss_half_life_years <= 0:
            raise ValueError(f"loss_half_life_years must be > 0 (got {self.loss_half_life_years!r})")
        JobLoss(self.weeks_out_of_work, self.earnings_loss, self.loss_half_life_years)  # validates them

    @property
    def credit_hours(self) -> float:
        """Hours credited against the target: prior hours + implementation months x 43.3 h [h]."""
        return self.prior_hours + self.implementation_months * IMPLEMENTATION_HOURS_PER_MONTH

    @property
    def hourly_value(self) -> float:
        """Value of an hour of study time [currency/h]: ``time_value_share x salary / 2,080``."""
        return self.time_value_share * self.salary / PAID_HOURS

    @property
    def fees_pretax(self) -> float:
        """The fees in pay before tax [currency]: ``fees / (1 - marginal tax rate)``."""
        return self.course_fees / (1 - self.marginal_tax_rate)

    @property
    def months_to_domain_profile(self) -> float:
        """Months from today until the person has the profile's 3 years in the domain [months]."""
        return max(PROFILE_DOMAIN_YEARS - self.domain_years, 0.0) * MONTHS_PER_YEAR


@dataclass(frozen=True)
class Profile:
    """The guidance's competitive profile: 3+ years in the domain and 6 months of focused AI
    implementation experience.

    Attributes
    ----------
    domain_years, implementation_months : float
        Today [years], [months] (implementation counted as credited hours / 43.3).
    met_now : bool
    domain_month : float
        Months from today until 3 years in the domain (0 = already) [months].
    implementation_month : float or None
        Months from today until 6 months of implementation, with this plan; ``None`` = the plan
        (its target) does not get there.
    met_month : float or None
        When both hold, with this plan [months from today]; ``None`` = not with this plan.
    missing : list of str
        What is missing today, in words.
    """

    domain_years: float
    implementation_months: float
    met_now: bool
    domain_month: float
    implementation_month: float | None
    met_month: float | None
    missing: list[str]


def profile(i: UpskillingInputs) -> Profile:
    """Where the person stands against the guidance's profile, today and with this plan.

    Examples
    --------
    Two years in the domain, no implementation yet, 260 h at 10 h/week: 6 months of
    implementation at week 26 (6 months), 3 years in the domain in 12 months.

    >>> p = profile(UpskillingInputs(domain_years=2, weekly_hours=10, target_hours=260))
    >>> p.met_now, p.domain_month, round(p.implementation_month, 2), p.met_month, p.missing
    (False, 12.0, 6.0, 12.0, ['1 more year in the domain', '6 months of focused AI implementation'])
    """
    impl_now = i.credit_hours / IMPLEMENTATION_HOURS_PER_MONTH
    domain_month = i.months_to_domain_profile
    need = PROFILE_IMPLEMENTATION_MONTHS * IMPLEMENTATION_HOURS_PER_MONTH - i.credit_hours
    if need <= 0:
        impl_month: float | None = 0.0
    else:
        reachable = i.target_hours - i.credit_hours >= need - 1e-9
        pace = i.weekly_hours * i.consistency
        impl_month = need / pace / WEEKS_PER_MONTH if reachable and pace > 0 else None
    missing = []
    if i.domain_years < PROFILE_DOMAIN_YEARS:
        more = PROFILE_DOMAIN_YEARS - i.domain_years
        missing.append(f"{more:g} more year{'s' if more != 1 else ''} in the domain")
    if impl_now < PROFILE_IMPLEMENTATION_MONTHS - 1e-9:
        missing.append(f"{PROFILE_IMPLEMENTATION_MONTHS - impl_now:.3g} months of focused AI implementation")
    met_month = None if impl_month is None else max(domain_month, impl_month)
    return Profile(i.domain_years, impl_now, not missing, domain_month, impl_month, met_month, missing)


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
        Fees (grossed up for tax) plus valued study time, undiscounted [currency].
    months_axis : ndarray
        Months -6 .. 12H relative to the start date, for the scenario flows.
    flows : dict of str -> ndarray
        Monthly net flows against not upskilling [currency] of "Started 6 months ago", "Start
        now", "Wait k months" on ``months_axis``: expected pay with the plan less expected pay
        without it (premium, and displacement risk averted) less the plan's costs.
    npv : float
        NPV of starting now versus not upskilling, months 0 .. 12H [currency].
    break_even_month : float or None
        Payback of starting now [months from the start date]; 0 when there is nothing to recover
        (no costs); ``None`` = not within the horizon.
    premium_months_lost : float
        Months of premium lost by waiting, within the horizon [months].
    cost_of_waiting : float
        ``npv`` less the NPV of starting ``wait_months`` later (discounted) [currency].
    waiting_parts : dict of str -> float
        The cost of waiting split into "Premium later", "Displacement risk not averted" and
        "Costs paid later" (negative: paying later is worth something) [currency].
    cost_of_waiting_weeks : float or None
        ``cost_of_waiting`` in weeks of pay; ``None`` when the salary is 0.
    head_start : float
        NPV of having started 6 months ago less that of starting now, both valued at the start
        date (past months compounded forward) [currency].
    competent_proficiency : float
        Proficiency (0-1) on the day the target is reached: 0.60, or more when prior hours
        already exceed the target.
    effective_weekly_hours : float
        ``weekly hours x consistency`` [h/week].
    cost_pv : float
        Present value, at the start date, of what starting now costs within the horizon: fees
        (grossed up) plus valued study time as it is spent [currency].
    profile : Profile
        The guidance's profile, today and with this plan.
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
    waiting_parts: dict[str, float]
    cost_of_waiting_weeks: float | None
    head_start: float
    competent_proficiency: float
    effective_weekly_hours: float
    cost_pv: float
    profile: Profile

    @property
    def cumulative(self) -> dict[str, NDArray[np.float64]]:
        """Cumulative net flows of each scenario [currency]."""
        return {k: np.cumsum(v) for k, v in self.flows.items()}


def _weeks(i: UpskillingInputs) -> float | None:
    weeks = weeks_to_competency(i.target_hours, i.weekly_hours, i.credit_hours, i.consistency)
    return None if weeks is not None and weeks > MAX_WEEKS else weeks


def premium_chance(months: ArrayLike, probability: ArrayLike, months_to_domain: ArrayLike,
                   generic: ArrayLike = GENERIC_PREMIUM_PROBABILITY) -> NDArray[np.float64]:
    """The chance of the premium in each month (the guidance's profile, module conventions): the
    generic chance until the person has 3 years in the domain (``months_to_domain`` from today),
    then ``probability``; a month only partly after that point has its share. Vectorised over
    every argument (:mod:`upskill_roi.core.career` passes drawn outcomes).

    Examples
    --------
    >>> i = UpskillingInputs(domain_years=2.5, probability=0.5)   # 6 months to 3 years
    >>> premium_chance([3, 6, 7], i.probability, i.months_to_domain_profile).round(3).tolist()
    [0.05, 0.05, 0.5]
    """
    on = np.clip(np.asarray(months, np.float64) - np.asarray(months_to_domain, np.float64), 0.0, 1.0)
    g = np.asarray(generic, np.float64)
    return g + (np.asarray(probability, np.float64) - g) * on


def _parts(i: UpskillingInputs, start_offset: float, months: NDArray[np.float64]
           ) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Premium, displacement-risk and cost parts of a scenario's monthly flows (module conventions)."""
    weeks = _weeks(i)
    costs = np.zeros_like(months, dtype=float)
    costs[np.isclose(months, math.ceil(start_offset - 1e-12))] -= i.fees_pretax
    premium = np.zeros_like(months, dtype=float)
    risk = np.zeros_like(months, dtype=float)
    if weeks is None:
        return premium, risk, costs
    t_c = weeks / WEEKS_PER_MONTH
    hours = max(i.target_hours - i.credit_hours, 0.0)
    if t_c > 0 and i.hourly_value > 0:
        in_study = np.clip(np.minimum(months, start_offset + t_c) - np.maximum(months - 1, start_offset), 0, 1)
        costs -= hours * i.hourly_value * in_study / t_c
    earn_from = start_offset + t_c + i.lag_months
    chance = premium_chance(months, i.probability, i.months_to_domain_profile)
    expected_premium = i.premium / MONTHS_PER_YEAR * chance * np.clip(months - earn_from, 0, 1)
    future = months >= 1
    if i.displacement_probability > 0 and future.any():
        m = months[future]
        scale = 1 - i.risk_reduction * np.clip(m - (start_offset + t_c), 0, 1)
        job = (i.weeks_out_of_work, i.earnings_loss, i.loss_half_life_years)
        # Months 1 .. n from today: the hazard starts today whatever the scenario (past months had none).
        up = pay_factor(i.displacement_probability, m.size, *job, scale=scale)
        base = pay_factor(i.displacement_probability, m.size, *job)
        pay = i.salary / MONTHS_PER_YEAR
        risk[future] = (up - base) * pay
        expected_premium[future] *= up
    premium += expected_premium
    return premium, risk, costs


def scenario_flows(i: UpskillingInputs, start_offset: float, months: NDArray[np.float64]) -> NDArray[np.float64]:
    """Monthly net flows of starting ``start_offset`` months after the start date, on ``months``,
    against not upskilling.

    Month ``m`` covers the interval (m - 1, m]; a scenario's start falls at ``start_offset``.
    Fees are paid in the month containing the start (at m = start_offset when it is whole).

    Examples
    --------
    Premium 12,000/yr with certainty, no lag, 1,000 fees with no tax, study time not counted, no
    displacement risk, 24 weeks to competency (= 5.54 months):

    >>> i = UpskillingInputs(weekly_hours=10, target_hours=240, premium=12_000, probability=1, lag_months=0,
    ...                      course_fees=1_000, marginal_tax_rate=0, time_value_share=0,
    ...                      displacement_probability=0, horizon_years=1)
    >>> f = scenario_flows(i, 0.0, np.arange(0.0, 13.0))
    >>> float(f[0]), round(float(f[6]), 2), float(f[12])   # fees; 46 % of month 6 is after 5.54
    (-1000.0, 461.54, 1000.0)
    """
    # numpy types a sum over an axis as Any: here it is one float per month
    flows: NDArray[np.float64] = np.sum(_parts(i, start_offset, months), axis=0)
    return flows


def evaluate(i: UpskillingInputs) -> UpskillingResult:
    """Time to competency, payoff, and the cost of waiting for one plan.

    Examples
    --------
    >>> r = evaluate(UpskillingInputs(weekly_hours=10, target_hours=240))
    >>> r.weeks, r.competency_date.isoformat(), r.premium_months_lost
    (24.0, '2026-06-22', 6.0)
    """
    weeks = _weeks(i)
    months_to = None if weeks is None else weeks / WEEKS_PER_MONTH
    date = None if weeks is None else i.start + dt.timedelta(days=round(weeks * 7))
    hours = max(i.target_hours - i.credit_hours, 0.0)
    total_cost = i.fees_pretax + hours * i.hourly_value

    n = MONTHS_PER_YEAR * int(i.horizon_years)
    axis = np.arange(-6.0, n + 1.0)
    k = float(i.wait_months)
    offsets = {"Started 6 months ago": -6.0, "Start now": 0.0, f"Wait {k:g} months": k}
    parts = {name: _parts(i, o, axis) for name, o in offsets.items()}
    flows = {name: np.sum(p, axis=0) for name, p in parts.items()}
    v = discount_factors(i.discount_rate, axis.size, MONTHS_PER_YEAR, start=-6)
    now = axis >= 0  # months 0 .. n from the start date
    value = float(np.sum(flows["Start now"][now] * v[now]))
    cost_pv = -float(np.sum(parts["Start now"][2][now] * v[now]))
    break_even = payback_period(flows["Start now"][now])

    wait_name = f"Wait {k:g} months"
    names = ("Premium later", "Displacement risk not averted", "Costs paid later")
    waiting = {nm: float(np.sum((parts["Start now"][j] - parts[wait_name][j])[now] * v[now]))
               for j, nm in enumerate(names)}
    cost = float(sum(waiting.values()))
    head = float(np.sum((flows["Started 6 months ago"] - flows["Start now"]) * v))

    if months_to is None:
        earning_months_now = 0.0
    else:
        earning_months_now = float(np.clip(n - (months_to + i.lag_months), 0, None))
    weekly_pay = i.salary / 52
    return UpskillingResult(
        inputs=i, weeks=weeks, months=months_to, competency_date=date, hours_to_study=hours,
        total_cost=total_cost, months_axis=axis, flows=flows, npv=value, break_even_month=break_even,
        premium_months_lost=min(k, earning_months_now), cost_of_waiting=cost, waiting_parts=waiting,
        cost_of_waiting_weeks=cost / weekly_pay if weekly_pay > 0 else None, head_start=head,
        competent_proficiency=max(COMPETENT, float(proficiency(0.0, i.target_hours, i.credit_hours))),
        effective_weekly_hours=i.weekly_hours * i.consistency, cost_pv=cost_pv, profile=profile(i),
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
              if (w := weeks_to_competency(i.target_hours, p, i.credit_hours, i.consistency)) is not None]
    end = min(max([*finite, 4.0]) * 1.5, 156.0)
    own = weeks_to_competency(i.target_hours, i.weekly_hours, i.credit_hours, i.consistency)
    if own is not None and own * 1.2 > end:
        end = min(own * 1.2, 520.0)
    paces_all["Your plan"] = i.weekly_hours
    weeks = np.arange(0.0, end + 0.25, 0.5)
    paths = {label: proficiency(weeks * p * i.consistency, i.target_hours, i.credit_hours)
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
    return hours, weeks_to_competency_array(i.target_hours, hours, i.credit_hours, i.consistency)


CERTIFICATE_CLAIM = ("The guidance's claim: a generic AI certificate has near-zero value; a domain-specific "
                     "implementation certificate has significant value.")
@dataclass(frozen=True)
class Certificates:
    """The two certificates of :data:`CERTIFICATES` as a person sets them.

    Attributes
    ----------
    generic_fees, specific_fees : float
        Fees [currency] of the generic AI certificate and of the domain-specific one.
    generic_hours, specific_hours : float
        Hours to earn each [h].
    generic_probability, specific_probability : float
        Probability of the premium with each [fraction].
    generic_risk_reduction : float
        How much the generic certificate cuts the displacement risk [fraction] (the
        domain-specific one uses the plan's ``risk_reduction``).

    Examples
    --------
    >>> Certificates(specific_fees=1_500).presets()["Domain-specific implementation certificate"]
    {'course_fees': 1500, 'target_hours': 240.0, 'probability': 0.5}
    """

    generic_fees: float = 300.0
    generic_hours: float = 40.0
    generic_probability: float = GENERIC_PREMIUM_PROBABILITY
    generic_risk_reduction: float = 0.0
    specific_fees: float = 2_000.0
    specific_hours: float = 240.0
    specific_probability: float = 0.50

    def presets(self) -> dict[str, dict[str, float]]:
        """The presets in the form :func:`certificate_check` takes."""
        return {"Generic AI certificate": {"course_fees": self.generic_fees, "target_hours": self.generic_hours,
                                           "probability": self.generic_probability,
                                           "risk_reduction": self.generic_risk_reduction},
                "Domain-specific implementation certificate": {"course_fees": self.specific_fees,
                                                               "target_hours": self.specific_hours,
                                                               "probability": self.specific_probability}}


CERTIFICATES: dict[str, dict[str, float]] = Certificates().presets()
"""Two presets of the upskilling economics (fees [currency], hours to the certificate [h],
probability of the premium [fraction], and for the generic one the fall in displacement risk
once earned [fraction]) that put numbers on :data:`CERTIFICATE_CLAIM`. The numbers are
illustrative: a short online course (40 h) against a certificate-scale programme (240 h, Google
Career Certificates' upper end); the probabilities encode the claim ("near zero" = 5 % and no
lower displacement risk, "significant" = an even chance and the plan's own risk reduction) and
are the user's to change."""


def certificate_check(base: UpskillingInputs, certificates: dict[str, dict[str, float]] | None = None
                      ) -> dict[str, UpskillingResult]:
    """The upskilling economics of each certificate: ``base`` with its fees, target hours and
    probability of the premium (no prior hours or implementation months), evaluated with
    :func:`evaluate`.

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
    out: dict[str, UpskillingResult] = {}
    for name, preset in certificates.items():
        changes: dict[str, Any] = dict(preset)  # fields named at run time: no static field types
        out[name] = evaluate(replace(base, prior_hours=0.0, implementation_months=0.0, **changes))
    return out
