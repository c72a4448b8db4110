"""The manager's business case: upskill, hire, reduce roles, or do nothing, over one horizon.

Conventions (stated once for this module; discounting as in calc.finance, the monthly-to-yearly
TEI table as in calc.roi)
--------------------------------------------------------------------------------------------
* **The value at stake.** ``V = team size x loaded cost per person x AI share``: the yearly
  cost of the team's time that AI could take over [currency/yr].
* **Timing.** Month 0 carries the one-time costs; months 1 .. 12H carry 1/12 of the yearly
  amounts. An option's benefit starts after its delay and then ramps up linearly:
  month ``m`` delivers ``clip((m - delay) / ramp, 0, 1)`` of the full benefit (``ramp = 0``:
  full from the first month after the delay). The yearly table sums the months (TEI).
* **Options** (cash flows relative to doing nothing; costs positive):
  1. *Upskill K people*: one-time K x (training fees + training hours x hourly cost), where
     hourly cost = loaded cost / 1,800 productive hours a year; K x premium a year from month 1;
     benefit = V x capture share, ramped over the upskilling ramp.
  2. *Hire a specialist*: one-time recruiting cost; salary (premium included) from the hire
     month (after the time to hire); benefit = V x capture share, from the hire month, ramped.
  3. *Reduce roles by R*: one-time severance R x loaded cost x severance months / 12; benefit =
     R x loaded cost a year (salaries no longer paid) from month 1; yearly costs = knowledge
     loss x (team - R) x loaded cost + rehiring cost a year.
  4. *Do nothing*: the baseline, 0 in every month (NPV 0).
* **Uncertainty.** The AI share and the capture shares can be given ranges; draws are
  beta-PERT as in :mod:`calc.uncertainty`, evaluated for all options at once; "wins" = the
  option with the highest NPV in a draw. The drawn fields only scale an option's benefit stream
  (``V x capture``), and the NPV is linear in the cash flows, so a draw's NPV is
  ``scale x PV(benefit stream per unit) - PV(costs)``: one PV per option, then O(n) arithmetic.

Formulas::

    V            = N x C x s
    upskill      : one-time K (fees + hours x C / 1800);  running K x premium;  benefit V x capture
    hire         : one-time recruiting;  running salary from month d;  benefit V x capture from d
    reduce       : one-time R C severance / 12;  running loss (N - R) C + rehire;  benefit R C
    benefit_m    = annual / 12 x clip((m - delay) / ramp, 0, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from calc.finance import npv, payback_periods
from calc.roi import MONTHS_PER_YEAR, _to_years
from calc.uncertainty import Range, draw_pert

__all__ = ["OPTIONS", "PRODUCTIVE_HOURS", "TeamInputs", "OptionResult", "evaluate_options", "simulate_options",
           "option_flows"]

OPTIONS = ("Upskill", "Hire", "Reduce roles", "Do nothing")
PRODUCTIVE_HOURS = 1_800.0
"""Productive hours a year used to turn a yearly loaded cost into an hourly one (assumption)."""


@dataclass(frozen=True)
class TeamInputs:
    """Inputs of the team business case (amounts in the user's currency).

    Attributes
    ----------
    team_size, ai_share, loaded_cost : float
        People [persons]; share of their time AI could take over [fraction]; cost per person
        [currency/yr].
    horizon_years : int
        1-10 [years].
    discount_rate : float
        [fraction/yr].
    upskill_people, training_fees, training_hours, upskill_premium, upskill_capture, upskill_ramp_months
        K [persons]; fees per person [currency]; hours per person [h]; premium per person
        [currency/yr]; share of V realised [fraction]; ramp [months].
    hire_salary, hire_recruiting, hire_delay_months, hire_ramp_months, hire_capture
        Salary with premium [currency/yr]; recruiting cost [currency]; time to hire [months];
        ramp after joining [months]; share of V realised [fraction].
    reduce_people, severance_months, knowledge_loss, rehire_cost
        R [persons]; severance [months of pay]; output lost by the remaining team [fraction of
        their cost a year]; rehiring or contractor cost [currency/yr].
    """

    team_size: float = 10.0
    ai_share: float = 0.30
    loaded_cost: float = 120_000.0
    horizon_years: int = 3
    discount_rate: float = 0.10
    upskill_people: float = 2.0
    training_fees: float = 2_000.0
    training_hours: float = 260.0
    upskill_premium: float = 10_000.0
    upskill_capture: float = 0.60
    upskill_ramp_months: float = 6.0
    hire_salary: float = 160_000.0
    hire_recruiting: float = 30_000.0
    hire_delay_months: float = 4.0
    hire_ramp_months: float = 3.0
    hire_capture: float = 0.60
    reduce_people: float = 2.0
    severance_months: float = 6.0
    knowledge_loss: float = 0.05
    rehire_cost: float = 0.0

    def __post_init__(self) -> None:
        for name, value in self.__dict__.items():
            if not np.isfinite(value) or value < 0:
                raise ValueError(f"{name} must be a finite number >= 0 (got {value!r})")
        for name in ("ai_share", "upskill_capture", "hire_capture", "knowledge_loss"):
            if getattr(self, name) > 1:
                raise ValueError(f"{name} must lie between 0 and 1 (got {getattr(self, name)!r})")
        if self.reduce_people > self.team_size or self.upskill_people > self.team_size:
            raise ValueError("upskill_people and reduce_people cannot exceed team_size")
        if int(self.horizon_years) != self.horizon_years or not 1 <= self.horizon_years <= 10:
            raise ValueError(f"horizon_years must be a whole number from 1 to 10 (got {self.horizon_years!r})")


def option_flows(benefit: NDArray | float, one_time: NDArray | float, running: NDArray | float,
                 delay: float, ramp: float, running_from: float, horizon: int) -> tuple[NDArray, NDArray]:
    """Monthly benefit and cost rows (months 0 .. 12H), vectorised over the amounts.

    Examples
    --------
    >>> b, c = option_flows(1200.0, 100.0, 240.0, delay=1, ramp=2, running_from=0, horizon=1)
    >>> b[:5].tolist(), c[:3].tolist()
    ([0.0, 0.0, 50.0, 100.0, 100.0], [100.0, 20.0, 20.0])
    """
    m = np.arange(1, MONTHS_PER_YEAR * horizon + 1, dtype=float)
    if ramp > 0:
        share = np.clip((m - delay) / ramp, 0.0, 1.0)
    else:
        share = (m > delay).astype(float)
    paid = np.clip(m - running_from, 0.0, 1.0)
    benefit = np.asarray(benefit, dtype=float)[..., None]
    running = np.asarray(running, dtype=float)[..., None]
    one = np.asarray(one_time, dtype=float)[..., None]
    shape = np.broadcast_shapes(benefit.shape[:-1], running.shape[:-1], one.shape[:-1])
    b = np.zeros((*shape, m.size + 1))
    c = np.zeros((*shape, m.size + 1))
    b[..., 1:] = benefit / MONTHS_PER_YEAR * share
    c[..., :1] = one
    c[..., 1:] = running / MONTHS_PER_YEAR * paid
    return b, c


def _all_options(i: TeamInputs, ai_share, upskill_capture, hire_capture) -> dict[str, tuple[NDArray, NDArray]]:
    v = i.team_size * i.loaded_cost * np.asarray(ai_share, dtype=float)
    hourly = i.loaded_cost / PRODUCTIVE_HOURS
    h = int(i.horizon_years)
    return {
        "Upskill": option_flows(v * upskill_capture, i.upskill_people * (i.training_fees + i.training_hours * hourly),
                                i.upskill_people * i.upskill_premium, 0.0, i.upskill_ramp_months, 0.0, h),
        "Hire": option_flows(v * hire_capture, i.hire_recruiting, i.hire_salary, i.hire_delay_months,
                             i.hire_ramp_months, i.hire_delay_months, h),
        "Reduce roles": option_flows(np.full_like(v, i.reduce_people * i.loaded_cost),
                                     i.reduce_people * i.loaded_cost * i.severance_months / 12,
                                     i.knowledge_loss * (i.team_size - i.reduce_people) * i.loaded_cost + i.rehire_cost,
                                     0.0, 0.0, 0.0, h),
        "Do nothing": option_flows(np.zeros_like(v), 0.0, 0.0, 0.0, 0.0, 0.0, h),
    }


@dataclass(frozen=True)
class OptionResult:
    """One option at the likely values: yearly rows, NPV, ROI, payback."""

    name: str
    yearly_benefits: NDArray[np.float64]
    yearly_costs: NDArray[np.float64]
    npv: float
    roi: float | None
    payback_months: float | None


def evaluate_options(i: TeamInputs) -> dict[str, OptionResult]:
    """Every option at the likely values.

    Examples
    --------
    >>> r = evaluate_options(TeamInputs())
    >>> list(r), r["Do nothing"].npv
    (['Upskill', 'Hire', 'Reduce roles', 'Do nothing'], 0.0)
    """
    out = {}
    for name, (b, c) in _all_options(i, i.ai_share, i.upskill_capture, i.hire_capture).items():
        by, cy = _to_years(b), _to_years(c)
        pv_b, pv_c = float(npv(i.discount_rate, by)), float(npv(i.discount_rate, cy))
        pb = float(payback_periods(b - c))
        out[name] = OptionResult(name, by, cy, pv_b - pv_c, (pv_b - pv_c) / pv_c if pv_c > 0 else None,
                                 None if np.isnan(pb) else pb)
    return out


@dataclass(frozen=True)
class OptionsSimulation:
    """NPV draws per option, their P10 / P50 / P90, and how often each option wins."""

    npv: dict[str, NDArray[np.float64]]
    p10: dict[str, float]
    p50: dict[str, float]
    p90: dict[str, float]
    win_share: dict[str, float]


def simulate_options(i: TeamInputs, ranges: dict[str, Range], n: int = 20_000, seed: int = 0) -> OptionsSimulation:
    """Monte Carlo over ``ai_share``, ``upskill_capture`` and ``hire_capture`` (the fields that may
    have a range), all options at once.

    Examples
    --------
    >>> s = simulate_options(TeamInputs(), {"ai_share": Range(0.3, 0.3, 0.3)}, n=5)
    >>> abs(s.p50["Upskill"] - evaluate_options(TeamInputs())["Upskill"].npv) < 1e-6
    True
    """
    allowed = ("ai_share", "upskill_capture", "hire_capture")
    unknown = set(ranges) - set(allowed)
    if unknown:
        raise ValueError(f"no range can be given for {sorted(unknown)}; uncertain fields: {list(allowed)}")
    for field, r in ranges.items():
        replace(i, **{field: r.low})
        replace(i, **{field: r.high})
    rng = np.random.default_rng(seed)
    draws = {f: (draw_pert(ranges[f], n, rng) if f in ranges else np.full(n, float(getattr(i, f)))) for f in allowed}
    # Linearity (module conventions): the flows at a unit AI share and unit capture shares give
    # each option's PV of benefits per unit of scale; the costs do not depend on the draws.
    scale = {"Upskill": draws["ai_share"] * draws["upskill_capture"],
             "Hire": draws["ai_share"] * draws["hire_capture"],
             "Reduce roles": np.ones(n), "Do nothing": np.ones(n)}
    values = {}
    for name, (b, c) in _all_options(i, 1.0, 1.0, 1.0).items():
        pv_b = float(npv(i.discount_rate, _to_years(b)))
        pv_c = float(npv(i.discount_rate, _to_years(c)))
        values[name] = scale[name] * pv_b - pv_c
    stacked = np.vstack([values[o] for o in OPTIONS])
    winner = np.argmax(stacked, axis=0)
    return OptionsSimulation(
        npv=values,
        p10={o: float(np.percentile(values[o], 10)) for o in OPTIONS},
        p50={o: float(np.percentile(values[o], 50)) for o in OPTIONS},
        p90={o: float(np.percentile(values[o], 90)) for o in OPTIONS},
        win_share={o: float(np.mean(winner == k)) for k, o in enumerate(OPTIONS)},
    )
