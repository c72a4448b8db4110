"""The manager's business case: upskill, hire, cut, redeploy or do nothing, every option costed.

Conventions (stated once for this module; time, discounting, payback, risk adjustment and the
chance of success as in upskill_roi.core.finance)
--------------------------------------------------------------------------------------------
* **The work at stake.** An AI system could take over a share ``s`` of the team's time once in
  production and adopted. The part an option realises is its *capture* ``k`` (upskilled people
  who know the domain, a specialist, or the system alone with nobody upskilled), so the system
  frees ``F = N x s x k x a(m)`` full-time equivalents (FTE) in month m, ``a`` the adoption
  ramp after the production month ``D``: ``a(m) = clip((m - D) / ramp, 0, 1)``.
* **Time saved is not cash saved.** Freed time that stays in the team turns into productive
  work only in part: its value is ``F x C x recapture`` (C = loaded cost per person a year;
  recapture 50 %, the Forrester TEI convention). Cash is saved only when people leave --
  and only for work the system absorbs: work that leaves with the people beyond what it absorbs
  is lost output, overtime or contractors, costed at ``cover factor x C`` per FTE-year.
* **Every option that relies on AI pays for the AI system** (one shared set of inputs): its
  one-time cost at month 0, its running cost from production on.
* **The chance the system reaches production** ``p``: known at the production month ``D``. What
  is spent before ``D`` is spent either way (system cost, training, recruiting, the
  specialist's salary until then); everything after ``D`` -- benefits, running cost, premiums,
  implementation time, salaries, cuts -- happens only if it is reached, so the expected flows
  weight it by ``p`` and each simulated case draws it (reached or not, the same for every
  option: it is the same system).
* **Options** (cash flows relative to doing nothing; one-time amounts at month 0 unless said):

  1. *Upskill K people*: fees; training hours at a weekly pace (the guidance's 6-12 h/week),
     costed at the loaded hourly cost (C / 1,800 productive hours) as they are spent; the
     upskilled people build the system as they train (implementation-focused learning), so it
     reaches production when both the training and the build are done,
     ``D = max(hours / pace, build)``; from then on their premium, the share of their time
     spent running and improving the AI work (costed at C), and the value of the freed time.
  2. *Upskill + attrition*: as 1, and from production on, people who leave are not replaced,
     as long as the system absorbs their work: ``H(m) = min((N - K)(1 - (1 - attrition)^((m - D)/12)), F)``
     people's pay is saved (cash), the rest of the freed time is recaptured.
  3. *Hire a specialist*: recruiting; the loaded cost (salary with its premium, benefits and
     overhead) from the hire month; the specialist builds the system after joining,
     ``D = time to hire + build``; then the value of the freed time.
  4. *Reduce roles by R*: the system alone builds and runs (``D = build``, system capture);
     the R roles go as the system absorbs work -- in step with adoption, ``R x a(m)`` gone by
     month m (severance paid as they go, their pay saved from then on); work beyond what the
     system absorbs at full adoption (``R > F_full``) is covered at the cover factor; freed time
     beyond R is recaptured; the remaining team loses output (knowledge loss x (N - R) x C a
     year, as the roles go).
  5. *Redeploy R instead of cutting*: as 4, but the R people move to other work: retraining
     hours at the loaded hourly cost as they move, then their new work is worth
     ``redeploy value x C`` a year (their pay continues; no severance, no knowledge loss).
  6. *Do nothing*: the baseline, 0 in every month: NPV 0, and ROI and payback do not apply.
* **Risk adjustment (TEI).** Every benefit row x (1 - benefit risk), every cost row x (1 + cost
  risk), the same two figures for every option (and the TEI table of the page's own figures).
* **Uncertainty.** Each simulated case draws the AI share, the capture shares, the training
  hours, the time to hire, the knowledge loss and the cover factor (beta-PERT, :mod:`upskill_roi.core.uncertainty`)
  and whether the system reaches production (``p``); all options are evaluated on the same
  cases; "wins" = the option with the highest NPV in a case. Do nothing does not vary (it is
  the baseline).

Formulas::

    F(m)       = N s k a(m),   a(m) = clip((m - D) / ramp, 0, 1),   after(m) = clip(m - D, 0, 1)
    hourly     = C / 1800
    upskill    : K fees; K x hours x hourly over (0, hours / pace];   after D (x p): system running,
                 K premium, K C x time share, benefit F C recapture
    + attrition: benefit H C + (F - H) C recapture,  H = min((N - K)(1 - (1 - attrition)^((m - D)/12)), F)
    hire       : recruiting; loaded cost from the hire month (x p after D); after D: running, F C recapture
    reduce     : gone R a(m); severance R C months / 12 x (a(m) - a(m-1)); saved R a C;
                 a (R - F_full)+ C cover; a (F_full - R)+ C recapture; knowledge loss a (N - R) C; running
    redeploy   : moved R a(m); retraining R hours hourly x (a(m) - a(m-1)); new work R a C x value;
                 a (R - F_full)+ C cover; a (F_full - R)+ C recapture; running
    F_full     = N s k (the FTE the system absorbs at full adoption)
    expected   = flows before D + p x flows after D;   risk-adjusted: benefits (1 - b), costs (1 + c)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from upskill_roi.core import finance
from upskill_roi.core.finance import (
    DEFAULT_BENEFIT_RISK,
    DEFAULT_COST_RISK,
    MONTHS_PER_YEAR,
    PRODUCTIVE_HOURS,
    WEEKS_PER_MONTH,
    discount_factors,
    payback_periods,
    to_years,
)
from upskill_roi.core.roi import DEFAULT_RECAPTURE, DEFAULT_SUCCESS
from upskill_roi.core.uncertainty import Range, draw_pert

__all__ = ["best_option", "own_figures", "OPTIONS", "AI_OPTIONS", "PRODUCTIVE_HOURS", "UNCERTAIN", "TeamInputs",
           "OptionResult",
           "OptionsSimulation", "evaluate_options", "simulate_options", "option_flows", "option_components",
           "production_month", "draws_for", "BASELINE_NOTE"]

OPTIONS = ("Upskill", "Upskill + attrition", "Hire", "Reduce roles", "Redeploy", "Do nothing")
AI_OPTIONS = OPTIONS[:-1]
"""The options that rely on the AI system (all but doing nothing)."""
BASELINE_NOTE = "the baseline: nothing is spent or saved, so ROI and payback do not apply"
UNCERTAIN = ("ai_share", "upskill_capture", "hire_capture", "system_capture", "training_hours", "hire_delay_months",
             "knowledge_loss", "cover_factor")
"""Fields that may be given a range (the drivers the options depend on)."""


@dataclass(frozen=True)
class TeamInputs:
    """Inputs of the team business case (amounts in the user's currency).

    Attributes
    ----------
    team_size, ai_share, loaded_cost : float
        People [persons]; share of their time the AI system could take over once in production
        and adopted [fraction]; cost per person [currency/yr].
    horizon_years : int
        1-10 [years].
    discount_rate : float
        [fraction/yr].
    system_cost, system_running : float
        The AI system's one-time cost [currency] and running cost [currency/yr].
    build_months, ramp_months : float
        From the start of the build to production [months]; from production to full adoption [months].
    success_probability : float
        Chance the system reaches production [fraction].
    recapture : float
        Share of freed time that becomes productive work [fraction].
    benefit_risk, cost_risk : float
        TEI risk adjustments [fraction].
    upskill_people, training_fees, training_hours, training_pace, upskill_time_share, upskill_premium, upskill_capture
        K [persons]; fees per person [currency]; hours per person [h]; study hours a week [h/week];
        share of their time spent on the AI work once in production [fraction]; premium per
        person [currency/yr]; capture [fraction].
    attrition_rate : float
        People leaving a year [fraction/yr] (Upskill + attrition).
    hire_salary, hire_recruiting, hire_delay_months, hire_capture
        Loaded cost of the specialist, premium included [currency/yr]; recruiting cost [currency];
        time to hire [months]; capture [fraction].
    system_capture : float
        Capture of the system alone, with nobody upskilled or hired [fraction] (Reduce, Redeploy).
    reduce_people, severance_months, knowledge_loss, cover_factor
        R [persons]; severance [months of pay]; output lost by the remaining team [fraction of
        their cost a year]; cost of a person-year of work nobody absorbs [multiple of C].
    redeploy_value, redeploy_hours
        Value of a redeployed person's new work [fraction of C]; retraining hours per person [h].
    """

    team_size: float = 10.0
    ai_share: float = 0.30
    loaded_cost: float = 120_000.0
    horizon_years: int = 3
    discount_rate: float = 0.10
    system_cost: float = 40_000.0
    system_running: float = 15_000.0
    build_months: float = 3.0
    ramp_months: float = 6.0
    success_probability: float = DEFAULT_SUCCESS
    recapture: float = DEFAULT_RECAPTURE
    benefit_risk: float = DEFAULT_BENEFIT_RISK
    cost_risk: float = DEFAULT_COST_RISK
    upskill_people: float = 2.0
    training_fees: float = 2_000.0
    training_hours: float = 260.0
    training_pace: float = 10.0
    upskill_time_share: float = 0.10
    upskill_premium: float = 10_000.0
    upskill_capture: float = 0.60
    attrition_rate: float = 0.10
    hire_salary: float = 160_000.0
    hire_recruiting: float = 30_000.0
    hire_delay_months: float = 4.0
    hire_capture: float = 0.60
    system_capture: float = 0.40
    reduce_people: float = 2.0
    severance_months: float = 6.0
    knowledge_loss: float = 0.05
    cover_factor: float = 1.0
    redeploy_value: float = 0.80
    redeploy_hours: float = 160.0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not np.isfinite(value) or value < 0:
                raise ValueError(f"{f.name} must be a finite number >= 0 (got {value!r})")
        for name in ("ai_share", "upskill_capture", "hire_capture", "system_capture", "knowledge_loss",
                     "success_probability", "recapture", "benefit_risk", "upskill_time_share", "attrition_rate"):
            if getattr(self, name) > 1:
                raise ValueError(f"{name} must lie between 0 and 1 (got {getattr(self, name)!r})")
        if self.reduce_people > self.team_size or self.upskill_people > self.team_size:
            raise ValueError("upskill_people and reduce_people cannot exceed team_size")
        if int(self.horizon_years) != self.horizon_years or not 1 <= self.horizon_years <= 10:
            raise ValueError(f"horizon_years must be a whole number from 1 to 10 (got {self.horizon_years!r})")


def production_month(i: TeamInputs, option: str, training_hours: float | NDArray[np.float64] | None = None,
                     hire_delay: float | NDArray[np.float64] | None = None) -> NDArray[np.float64]:
    """The month the system reaches production under an option [months from today]; ``inf`` when
    it never does (no study hours a week). Do nothing: ``inf``.

    Examples
    --------
    >>> i = TeamInputs()   # 260 h at 10 h/week = 26 weeks = 6 months; build 3; hire after 4
    >>> [float(production_month(i, o)) for o in OPTIONS]
    [6.0, 6.0, 7.0, 3.0, 3.0, inf]
    """
    hours = np.asarray(i.training_hours if training_hours is None else training_hours, dtype=float)
    delay = np.asarray(i.hire_delay_months if hire_delay is None else hire_delay, dtype=float)
    if option in ("Upskill", "Upskill + attrition"):
        if i.training_pace > 0:
            train = hours / i.training_pace / WEEKS_PER_MONTH
        else:  # no study hours a week: never trained (unless there is nothing to study)
            train = np.where(hours > 0, np.inf, 0.0)
        return np.maximum(train, i.build_months)
    if option == "Hire":
        return delay + i.build_months
    if option in ("Reduce roles", "Redeploy"):
        return np.asarray(float(i.build_months))
    return np.asarray(np.inf)


def _parts(i: TeamInputs, draws: dict[str, NDArray[np.float64]] | None, success: float | NDArray[np.float64] | None
           ) -> tuple[dict[str, list[tuple[str, bool, float, NDArray[np.float64]]]], tuple[int, ...]]:
    """Each option's items as ``(label, is_benefit, month 0 amount, months 1 .. 12H)``, before the
    risk adjustment, as small as their inputs allow (an item that does not vary over the cases is
    one row), and the cases' shape (see :func:`option_components`)."""
    d = {f: np.asarray((draws or {}).get(f, getattr(i, f)), dtype=float)[..., None] for f in UNCERTAIN}
    p = np.asarray(i.success_probability if success is None else success, dtype=float)
    p = p[..., None] if p.ndim else p
    n_months = MONTHS_PER_YEAR * int(i.horizon_years)
    m = np.arange(1, n_months + 1, dtype=float)
    n_c, c_cost = i.team_size, i.loaded_cost
    hourly = c_cost / PRODUCTIVE_HOURS
    y = 1 / MONTHS_PER_YEAR
    lead = np.broadcast_shapes(*(a.shape[:-1] for a in d.values()), np.shape(p)[:-1] if np.ndim(p) else ())

    def monthly(values: ArrayLike) -> tuple[float, NDArray[np.float64]]:
        """An item paid in months 1 .. 12H (nothing at month 0)."""
        return 0.0, np.asarray(values, dtype=float)

    def once(amount: float) -> tuple[float, NDArray[np.float64]]:
        """A one-time amount at month 0."""
        return float(amount), np.zeros(n_months)

    def after(prod: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.clip(m - prod, 0.0, 1.0)

    def adoption(prod: NDArray[np.float64]) -> NDArray[np.float64]:
        if i.ramp_months > 0:
            return np.clip((m - prod) / i.ramp_months, 0.0, 1.0)
        return after(prod)

    def freed(capture: NDArray[np.float64], prod: NDArray[np.float64]) -> NDArray[np.float64]:
        return n_c * d["ai_share"] * capture * adoption(prod)

    out: dict[str, list[tuple[str, bool, tuple[float, NDArray[np.float64]]]]] = {}
    system = ("AI system", False, once(i.system_cost))
    # --- Upskill, and Upskill + attrition -------------------------------------------------------
    k_people = i.upskill_people
    prod_u = production_month(i, "Upskill", d["training_hours"])
    if i.training_pace > 0:  # training hours spent evenly over (0, hours / pace], at the loaded hourly cost
        t_train = d["training_hours"] / i.training_pace / WEEKS_PER_MONTH
        in_training = np.clip(np.minimum(m, t_train) - (m - 1), 0.0, 1.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            training = np.where(t_train > 0, k_people * d["training_hours"] * hourly * in_training / t_train, 0.0)
    else:  # no hours a week: no training is done and the system never reaches production
        training = np.zeros_like(m)
    a_u = after(prod_u) * p
    f_u = freed(d["upskill_capture"], prod_u)
    upskill_costs = [
        system,
        ("Training fees", False, once(k_people * i.training_fees)),
        ("Training time", False, monthly(training)),
        ("AI system running", False, monthly(a_u * i.system_running * y)),
        ("Premiums", False, monthly(a_u * k_people * i.upskill_premium * y)),
        ("Their time on the AI work", False, monthly(a_u * k_people * c_cost * i.upskill_time_share * y)),
    ]
    out["Upskill"] = upskill_costs + [
        ("Freed time recaptured", True, monthly(p * f_u * c_cost * i.recapture * y))]
    years_after = np.clip(m - prod_u, 0.0, None) * y
    leavers = (n_c - k_people) * (1 - (1 - i.attrition_rate) ** years_after)
    held = np.minimum(leavers, f_u)
    out["Upskill + attrition"] = upskill_costs + [
        ("Pay of leavers not replaced", True, monthly(p * after(prod_u) * held * c_cost * y)),
        ("Freed time recaptured", True, monthly(p * (f_u - held) * c_cost * i.recapture * y))]
    # --- Hire -------------------------------------------------------------------------------------
    prod_h = production_month(i, "Hire", hire_delay=d["hire_delay_months"])
    employed = np.clip(m - d["hire_delay_months"], 0.0, 1.0)
    a_h = after(prod_h)
    out["Hire"] = [
        system,
        ("Recruiting", False, once(i.hire_recruiting)),
        ("Specialist's loaded cost", False, monthly(employed * ((1 - a_h) + a_h * p) * i.hire_salary * y)),
        ("AI system running", False, monthly(a_h * p * i.system_running * y)),
        ("Freed time recaptured", True, monthly(p * freed(d["hire_capture"], prod_h) * c_cost * i.recapture * y)),
    ]
    # --- Reduce roles, Redeploy (the system alone): people go or move as the system absorbs work ---
    prod_s = production_month(i, "Reduce roles")
    r_people = i.reduce_people
    a_s = adoption(prod_s)
    step = np.diff(a_s, axis=-1, prepend=0.0)  # share of the R people who go (or move) in each month
    f_full = n_c * d["ai_share"] * d["system_capture"]
    uncovered = ("Work nobody absorbs", False, monthly(p * a_s * np.maximum(r_people - f_full, 0.0) * c_cost
                                                       * d["cover_factor"] * y))
    leftover = ("Freed time recaptured", True, monthly(p * a_s * np.maximum(f_full - r_people, 0.0) * c_cost
                                                       * i.recapture * y))
    running_s = ("AI system running", False, monthly(after(prod_s) * p * i.system_running * y))
    out["Reduce roles"] = [
        system, running_s,
        ("Severance", False, monthly(p * step * r_people * c_cost * i.severance_months / MONTHS_PER_YEAR)),
        ("Pay of the roles cut", True, monthly(p * a_s * r_people * c_cost * y)),
        uncovered,
        ("Knowledge loss", False, monthly(p * a_s * d["knowledge_loss"] * (n_c - r_people) * c_cost * y)),
        leftover,
    ]
    out["Redeploy"] = [
        system, running_s,
        ("Retraining", False, monthly(p * step * r_people * i.redeploy_hours * hourly)),
        ("New work of the redeployed", True, monthly(p * a_s * r_people * c_cost * i.redeploy_value * y)),
        uncovered, leftover,
    ]
    out["Do nothing"] = []
    return {k: [(label, benefit, *amounts) for label, benefit, amounts in out[k]] for k in OPTIONS}, lead


def option_components(i: TeamInputs, draws: dict[str, NDArray[np.float64]] | None = None,
                      success: float | NDArray[np.float64] | None = None
                      ) -> dict[str, list[tuple[str, bool, NDArray[np.float64]]]]:
    """The monthly rows (months 0 .. 12H) that make up each option: ``(label, is_benefit, row)``,
    rows positive, risk-adjusted and weighted by ``success`` after production (the chance ``p`` by
    default, or drawn outcomes 0/1).

    ``draws`` maps fields of :data:`UNCERTAIN` to arrays of n values (cases); the rows are then
    ``(n, 12H + 1)``.

    Examples
    --------
    By hand, one undiscounted year, certain production, no risk adjustments, Redeploy with a
    3-month build and no ramp: the system absorbs 10 x 30 % x 40 % = 1.2 FTE from month 4, two
    people move (0.8 FTE of their work uncovered at 1 x 120,000), their new work is worth 80 %:
    benefit 2 x 120,000 x 0.8 x 9/12 = 144,000; uncovered 0.8 x 120,000 x 9/12 = 72,000.

    >>> i = TeamInputs(horizon_years=1, success_probability=1, benefit_risk=0, cost_risk=0, ramp_months=0)
    >>> {label: round(float(row.sum()))
    ...  for label, _, row in option_components(i)["Redeploy"]}  # doctest: +NORMALIZE_WHITESPACE
    {'AI system': 40000, 'AI system running': 11250, 'Retraining': 21333, 'New work of the redeployed': 144000,
     'Work nobody absorbs': 72000, 'Freed time recaptured': 0}
    """
    parts, lead = _parts(i, draws, success)
    n = MONTHS_PER_YEAR * int(i.horizon_years)
    out: dict[str, list[tuple[str, bool, NDArray[np.float64]]]] = {}
    for name, items in parts.items():
        rows = []
        for label, benefit, first, rest in items:
            row = np.zeros((*lead, n + 1))
            row[..., 0] = first
            row[..., 1:] = rest
            rows.append((label, benefit, row * ((1 - i.benefit_risk) if benefit else (1 + i.cost_risk))))
        out[name] = rows
    return out


def option_flows(i: TeamInputs, draws: dict[str, NDArray[np.float64]] | None = None,
                 success: float | NDArray[np.float64] | None = None
                 ) -> dict[str, tuple[NDArray[np.float64], NDArray[np.float64]]]:
    """Monthly benefit and cost rows (months 0 .. 12H) of every option: the sums of
    :func:`option_components`.

    Examples
    --------
    >>> b, c = option_flows(TeamInputs())["Do nothing"]
    >>> b.shape, float(abs(b).sum() + abs(c).sum())
    ((37,), 0.0)
    """
    n = MONTHS_PER_YEAR * int(i.horizon_years) + 1
    return {name: _sum_rows(rows, n) for name, rows in option_components(i, draws, success).items()}


def _sum_rows(rows: list[tuple[str, bool, NDArray[np.float64]]], n: int
              ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The benefit rows and the cost rows of one option, each summed."""
    shape = np.broadcast_shapes((n,), *(row.shape for _, _, row in rows))
    b, c = np.zeros(shape), np.zeros(shape)
    for _, benefit, row in rows:
        if benefit:
            b = b + row
        else:
            c = c + row
    return b, c


@dataclass(frozen=True)
class OptionResult:
    """One option at the likely values (expected, risk-adjusted).

    Attributes
    ----------
    name : str
    monthly_benefits, monthly_costs : ndarray
        Months 0 .. 12H [currency]; costs positive.
    yearly_benefits, yearly_costs, yearly_pv : ndarray
        The months summed by year (Initial, Year 1 ..), and each year's present value of the net [currency].
    pv_benefits, pv_costs, npv : float
        [currency].
    roi : float or None
        ``npv / pv_costs``; ``None`` when there are no costs.
    payback_months : float or None
        Months until the cumulative net stays >= 0; ``None`` = never within the horizon.
    production_month : float
        When the system reaches production [months]; ``inf`` = never.
    not_applicable : str or None
        Why ROI and payback do not apply (Do nothing), else ``None``.
    components : dict of str to float
        Present value of each benefit (positive) and cost (negative) that makes up the NPV [currency].
    """

    name: str
    monthly_benefits: NDArray[np.float64]
    monthly_costs: NDArray[np.float64]
    yearly_benefits: NDArray[np.float64]
    yearly_costs: NDArray[np.float64]
    yearly_pv: NDArray[np.float64]
    pv_benefits: float
    pv_costs: float
    npv: float
    roi: float | None
    payback_months: float | None
    production_month: float
    not_applicable: str | None = None
    components: dict[str, float] = field(default_factory=dict)


def evaluate_options(i: TeamInputs) -> dict[str, OptionResult]:
    """Every option at the likely values.

    Examples
    --------
    >>> r = evaluate_options(TeamInputs())
    >>> list(r)[-1], r["Do nothing"].npv, r["Do nothing"].roi, r["Do nothing"].payback_months
    ('Do nothing', 0.0, None, None)
    """
    n = MONTHS_PER_YEAR * int(i.horizon_years) + 1
    v = discount_factors(i.discount_rate, n, MONTHS_PER_YEAR)
    parts = option_components(i)
    out = {}
    for name in OPTIONS:
        b, c = _sum_rows(parts[name], n)
        pv_b, pv_c = float(np.sum(b * v)), float(np.sum(c * v))
        baseline = name == "Do nothing"
        pb = float(payback_periods(b - c))
        components: dict[str, float] = {}
        for label, benefit, row in parts[name]:
            components[label] = components.get(label, 0.0) + float(np.sum(row * v)) * (1 if benefit else -1)
        out[name] = OptionResult(
            name, b, c, to_years(b), to_years(c), to_years((b - c) * v), pv_b, pv_c, pv_b - pv_c,
            None if baseline or pv_c <= 0 else (pv_b - pv_c) / pv_c, None if baseline or math.isnan(pb) else pb,
            float(production_month(i, name)), BASELINE_NOTE if baseline else None, components)
    return out


@dataclass(frozen=True)
class OptionsSimulation:
    """NPV draws per option, their P10 / P50 / P90, how often each option wins, and the share of
    cases in which the system reached production."""

    npv: dict[str, NDArray[np.float64]]
    p10: dict[str, float]
    p50: dict[str, float]
    p90: dict[str, float]
    win_share: dict[str, float]
    reached_share: float


def draws_for(i: TeamInputs, ranges: dict[str, Range], n: int, seed: int
              ) -> tuple[dict[str, NDArray[np.float64]], NDArray[np.float64]]:
    """The simulated cases: each ranged field drawn with beta-PERT in the order of
    :data:`UNCERTAIN`, then whether the system reaches production (1) or not (0).

    Examples
    --------
    >>> d, reached = draws_for(TeamInputs(success_probability=0.7), {"ai_share": Range(0.2, 0.3, 0.5)}, 50_000, 1)
    >>> bool(d["ai_share"].min() >= 0.2), round(float(reached.mean()), 2)
    (True, 0.7)
    """
    unknown = set(ranges) - set(UNCERTAIN)
    if unknown:
        raise ValueError(f"no range can be given for {sorted(unknown)}; uncertain fields: {list(UNCERTAIN)}")
    for name, r in ranges.items():  # each end must be a valid input on its own
        for end in (r.low, r.high):
            change: dict[str, Any] = {name: end}  # a field named at run time: no static field type
            replace(i, **change)
    rng = np.random.default_rng(seed)
    draws = {f: draw_pert(ranges[f], n, rng) for f in UNCERTAIN if f in ranges}
    reached = (rng.random(n) < i.success_probability).astype(float)
    return draws, reached


def simulate_options(i: TeamInputs, ranges: dict[str, Range], n: int = 20_000, seed: int = 0,
                     chunk: int = 2_500) -> OptionsSimulation:
    """Monte Carlo over the uncertain drivers and the system's success, all options at once
    (evaluated in chunks of ``chunk`` cases to bound memory).

    Examples
    --------
    >>> s = simulate_options(TeamInputs(success_probability=1.0), {"ai_share": Range(0.3, 0.3, 0.3)}, n=5)
    >>> abs(s.p50["Upskill"] - evaluate_options(TeamInputs(success_probability=1.0))["Upskill"].npv) < 1e-6
    True
    """
    draws, reached = draws_for(i, ranges, n, seed)
    v = discount_factors(i.discount_rate, MONTHS_PER_YEAR * int(i.horizon_years) + 1, MONTHS_PER_YEAR)
    factor = {True: 1 - i.benefit_risk, False: -(1 + i.cost_risk)}
    values = {o: np.zeros(n) for o in OPTIONS}
    for start in range(0, n, chunk):
        part = slice(start, min(start + chunk, n))
        sub = {f: a[part] for f, a in draws.items()}
        parts, _ = _parts(i, sub, reached[part])
        for name, items in parts.items():
            # NPV is linear in the items: each one's present value (month 0 + months 1 .. 12H @ v), signed.
            values[name][part] = sum((factor[benefit] * (first + rest @ v[1:]) for _, benefit, first, rest in items),
                                     np.zeros(part.stop - part.start))
    stacked = np.vstack([values[o] for o in OPTIONS])
    winner = np.argmax(stacked, axis=0)
    return OptionsSimulation(
        npv=values,
        p10={o: float(np.percentile(values[o], 10)) for o in OPTIONS},
        p50={o: float(np.percentile(values[o], 50)) for o in OPTIONS},
        p90={o: float(np.percentile(values[o], 90)) for o in OPTIONS},
        win_share={o: float(np.mean(winner == k)) for k, o in enumerate(OPTIONS)},
        reached_share=float(reached.mean()) if n else 0.0,
    )


def best_option(results: Mapping[str, OptionResult]) -> str:
    """The option with the highest NPV at the likely values (ties: the first in :data:`OPTIONS`).

    Examples
    --------
    >>> from types import SimpleNamespace as R
    >>> best_option({o: R(npv=v) for o, v in zip(OPTIONS, [5, 9, 9, 1, 2, 0], strict=True)})
    'Upskill + attrition'
    """
    return max(OPTIONS, key=lambda o: results[o].npv)


def own_figures(benefit_rows: ArrayLike, cost_rows: ArrayLike, inputs: TeamInputs) -> finance.TeiTable:
    """The user's own TEI table (benefit and cost line items, Initial and Year 1..n) at the
    case's discount rate and risk adjustments (:func:`upskill_roi.core.finance.tei_table`)."""
    return finance.tei_table(benefit_rows, cost_rows, inputs.discount_rate, inputs.benefit_risk, inputs.cost_risk)
