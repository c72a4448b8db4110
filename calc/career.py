"""Stay or move: expected earnings of three career paths over one horizon, with ranges.

Conventions (stated once for this module)
-----------------------------------------
* **Paths.** (a) *Stay and upskill*: keep the job, study, and from the month competency is
  reached plus the lag (``months_to_premium``) earn the premium with its probability; once
  competent the yearly displacement probability falls by ``risk_reduction``. (b) *Move now*:
  search for a role that combines domain expertise with AI implementation for
  ``search_weeks`` **without pay** (set 0 when you search while employed), then earn the salary
  changed by ``salary_change``, with that role's displacement probability ``move_risk``.
  (c) *Stay without upskilling*: the salary, with today's displacement probability.
* **Timing.** Months 1 .. 12H, amounts at the end of each month, discounted monthly:
  ``v_m = (1 + r)^(-m / 12)``. Study costs are paid at month 0 (not discounted). A partial
  month (search or premium start) counts pro rata.
* **Displacement** is an expected loss: a yearly probability q becomes a monthly hazard
  ``h = 1 - (1 - q)^(1/12)``, and each displacement costs ``weeks_out`` weeks of the pay of the
  moment; after it the person is assumed re-employed at the same pay. The expected time out of
  work in a month is capped at the month (``min(h x weeks_out / 4.333, 1)``), so a certain,
  repeated displacement means no pay, never less.
* **Ranges.** The displacement probability, the premium's probability, the salary change on
  moving and the search time are drawn from beta-PERT ranges (:mod:`calc.uncertainty`), all
  paths evaluated on the same draws (vectorised; seeded). "Wins" = highest value in a draw.
* **What flips the answer.** Each input is moved alone across its whole domain (201 points,
  vectorised); the value nearest to today's at which another path wins is reported.

Formulas::

    h(q)        = 1 - (1 - q)^(1/12)
    E_m(path)   = pay_m / 12 x (1 - min(h(q_m) x weeks_out x 12 / 52, 1))
    stay        : pay_m = S;                                      q_m = q
    upskill     : pay_m = S + P x prob x on(m - T);               q_m = q (1 - reduction x on(m - C))
    move        : pay_m = S (1 + change) x on(m - w / (52 / 12)); q_m = q_move
    value(path) = sum_m E_m v_m - study cost (upskill only)
    on(x)       = clip(x, 0, 1)   (0 before the start, pro rata in the starting month, 1 after)
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np
from numpy.typing import NDArray

from calc.uncertainty import Range, draw_pert

__all__ = ["PATHS", "WEEKS_PER_MONTH", "CareerInputs", "CareerResult", "Flip", "path_values", "evaluate",
           "flip_points", "rule_of_thumb", "DOMAINS", "FULL_EXPOSURE_RATE", "displacement_from_share",
           "ranges_for", "probability_within"]

PATHS = ("Stay and upskill", "Move now", "Stay without upskilling")
FULL_EXPOSURE_RATE = 0.10
"""Yearly displacement probability assumed for work that is 100 % automatable [fraction/yr].
An illustrative assumption, not a published figure: exposure is not a probability of losing a
job (every exposure measure's documentation says so). It only turns the risk check's share
into a starting value that the user is asked to replace."""


def displacement_from_share(share: float, rate_at_full: float = FULL_EXPOSURE_RATE) -> float:
    """A yearly displacement probability from the automatable share of the work:
    ``share x rate_at_full`` (the check-up's editable starting value).

    Examples
    --------
    >>> displacement_from_share(0.40), displacement_from_share(0.95)
    (0.04, 0.095)
    """
    return round(float(share) * rate_at_full, 6)
WEEKS_PER_MONTH = 52 / 12
"""4.333 weeks per month (52 weeks / 12)."""


@dataclass(frozen=True)
class CareerInputs:
    """Inputs of the stay-or-move comparison (amounts in the user's currency).

    Attributes
    ----------
    salary : float
        Today's pay [currency/yr].
    displacement_probability : float
        Yearly probability of losing the current job [fraction/yr].
    weeks_out : float
        Weeks without pay per displacement [weeks] (BLS median duration of unemployment 10.5).
    horizon_years : int
        1-10 [years].
    discount_rate : float
        [fraction/yr].
    premium, premium_probability : float
        Premium once competent [currency/yr] and the chance of getting it [fraction].
    months_to_competency, lag_months : float
        From today to competency [months]; from competency to the premium [months].
    study_cost : float
        Fees and other study costs, paid today [currency].
    risk_reduction : float
        Share by which the displacement probability falls once competent [fraction].
    search_weeks : float
        Job search without pay before the new role [weeks].
    salary_change : float
        Pay change on moving [fraction, may be negative, > -1].
    move_risk : float
        Yearly displacement probability in the new role [fraction/yr].
    """

    salary: float = 101_190.0
    displacement_probability: float = 0.04
    weeks_out: float = 10.5
    horizon_years: int = 5
    discount_rate: float = 0.10
    premium: float = 50_000.0
    premium_probability: float = 0.5
    months_to_competency: float = 6.0
    lag_months: float = 3.0
    study_cost: float = 2_000.0
    risk_reduction: float = 0.5
    search_weeks: float = 10.5
    salary_change: float = 0.10
    move_risk: float = 0.02

    def __post_init__(self) -> None:
        for f in fields(self):
            v = getattr(self, f.name)
            if not np.isfinite(v):
                raise ValueError(f"{f.name} must be finite (got {v!r})")
            if f.name != "salary_change" and v < 0:
                raise ValueError(f"{f.name} must be >= 0 (got {v!r})")
        for name in ("displacement_probability", "premium_probability", "risk_reduction", "move_risk"):
            if getattr(self, name) > 1:
                raise ValueError(f"{name} must lie between 0 and 1")
        if self.salary_change <= -1:
            raise ValueError("salary_change must be > -1")
        if int(self.horizon_years) != self.horizon_years or not 1 <= self.horizon_years <= 10:
            raise ValueError("horizon_years must be a whole number from 1 to 10")
        if self.weeks_out > 104:
            raise ValueError("weeks_out must be at most 104")


def probability_within(yearly: float, months: float) -> float:
    """Probability of at least one displacement within ``months`` at a constant yearly
    probability: ``1 - (1 - q)^(months / 12)``.

    Examples
    --------
    >>> round(probability_within(0.19, 6), 4)   # 1 - 0.81^0.5 = 0.1
    0.1
    """
    return float(1 - (1 - yearly) ** (months / 12))


def _hazard(q):
    return 1 - (1 - np.asarray(q, dtype=float)) ** (1 / 12)


def _on(x):
    return np.clip(x, 0.0, 1.0)


def path_values(i: CareerInputs, **arrays: NDArray[np.float64]) -> dict[str, NDArray[np.float64]]:
    """Present value of each path; any field may be overridden by an array of draws (all the
    same length n), giving arrays of n values.

    Examples
    --------
    No risk, no discounting, one year, 10 % raise after a 4.333-week search (one month without
    pay): stay = 100,000; move = 11 x 110,000 / 12 = 100,833.33; upskill with a 12,000 premium
    for sure from month 6: 100,000 + 7 x 1,000 - 500 = 106,500.

    >>> i = CareerInputs(salary=100_000, displacement_probability=0, horizon_years=1, discount_rate=0,
    ...                  premium=12_000, premium_probability=1, months_to_competency=5, lag_months=0,
    ...                  study_cost=500, search_weeks=52 / 12, salary_change=0.10, move_risk=0)
    >>> {k: round(float(v), 2) for k, v in path_values(i).items()}
    {'Stay and upskill': 106500.0, 'Move now': 100833.33, 'Stay without upskilling': 100000.0}
    """
    p = {f.name: np.asarray(arrays.get(f.name, getattr(i, f.name)), dtype=float)[..., None] for f in fields(i)}
    m = np.arange(1, 12 * i.horizon_years + 1, dtype=float)
    v = (1 + p["discount_rate"]) ** (-m / 12)
    out_share = p["weeks_out"] / 52

    def value(pay, q):
        out_of_work = np.minimum(_hazard(q) * out_share * 12, 1.0)  # share of the month without pay
        return np.sum(pay / 12 * (1 - out_of_work) * v, axis=-1)

    s = p["salary"]
    q = p["displacement_probability"]
    competent = _on(m - p["months_to_competency"])
    premium_on = _on(m - p["months_to_competency"] - p["lag_months"])
    upskill = value(s + p["premium"] * p["premium_probability"] * premium_on,
                    q * (1 - p["risk_reduction"] * competent)) - p["study_cost"][..., 0]
    move = value(s * (1 + p["salary_change"]) * _on(m - p["search_weeks"] / WEEKS_PER_MONTH),
                 p["move_risk"] * np.ones_like(m))
    stay = value(s * np.ones_like(m), q * np.ones_like(m))
    return dict(zip(PATHS, (np.array(a) for a in np.broadcast_arrays(upskill, move, stay))))


@dataclass(frozen=True)
class Flip:
    """An input that changes the winner: at ``value`` (its unit) ``winner`` takes over."""

    field: str
    value: float
    winner: str


@dataclass(frozen=True)
class CareerResult:
    """Values of the three paths at the likely inputs, their P10-P90 ranges and win shares.

    Attributes
    ----------
    likely : dict of str to float
        Present value of each path [currency].
    winner : str
        The path with the highest likely value.
    p10, p90 : dict of str to float
        Percentiles of each path's value over the draws [currency].
    win_share : dict of str to float
        Share of draws in which each path has the highest value [fraction].
    flips : list of Flip
        Inputs that change the winner, nearest first.
    """

    likely: dict[str, float]
    winner: str
    p10: dict[str, float]
    p90: dict[str, float]
    win_share: dict[str, float]
    flips: list[Flip]


DOMAINS: dict[str, tuple[float, float]] = {
    "displacement_probability": (0.0, 1.0),
    "premium_probability": (0.0, 1.0),
    "salary_change": (-0.5, 1.0),
    "search_weeks": (0.0, 52.0),
    "premium": (0.0, 200_000.0),
    "move_risk": (0.0, 1.0),
    "months_to_competency": (0.0, 36.0),
}
"""The range over which each input is scanned for a change of winner (its unit); for the
premium, the search and the time to competency at least up to twice today's value."""


def ranges_for(i: CareerInputs) -> dict[str, Range]:
    """The ranges drawn for the P10-P90 band (illustrative spreads around the likely values):
    displacement probability from half to twice (at most 1), the premium's probability +-25
    points, the salary change +-10 points, the search from 5 weeks to the BLS mean of 23.8.

    Examples
    --------
    >>> r = ranges_for(CareerInputs(displacement_probability=0.04, search_weeks=10.5))
    >>> r["displacement_probability"], r["search_weeks"]
    (Range(low=0.02, likely=0.04, high=0.08), Range(low=5.0, likely=10.5, high=23.8))
    """
    q, pp, c, w = i.displacement_probability, i.premium_probability, i.salary_change, i.search_weeks
    return {
        "displacement_probability": Range(q / 2, q, min(2 * q, 1.0)),
        "premium_probability": Range(max(pp - 0.25, 0.0), pp, min(pp + 0.25, 1.0)),
        "salary_change": Range(max(c - 0.10, -0.99), c, c + 0.10),
        "search_weeks": Range(min(5.0, w), w, max(23.8, w)),
    }


def flip_points(i: CareerInputs, points: int = 201) -> list[Flip]:
    """For each input in :data:`DOMAINS`: the value nearest to today's at which another path
    has the highest value (none if the winner never changes across the domain).

    Examples
    --------
    With no risk anywhere and no premium, over one undiscounted year, moving for a 10 % raise
    after a month's search wins (11 months x 1.10 > 12); a raise below 1/11 = 9.09 % flips it to
    staying (the nearest grid point below is 8.5 %; upskilling costs 1 and so loses to staying).

    >>> i = CareerInputs(displacement_probability=0, move_risk=0, premium=0, horizon_years=1, discount_rate=0,
    ...                  search_weeks=52 / 12, study_cost=1)
    >>> f = [x for x in flip_points(i) if x.field == "salary_change"][0]
    >>> f.winner, round(f.value, 3)
    ('Stay without upskilling', 0.085)
    """
    base = path_values(i)
    winner = max(PATHS, key=lambda k: float(base[k]))
    out = []
    for name, (lo, hi) in DOMAINS.items():
        hi = max(hi, 2 * getattr(i, name)) if name in ("premium", "search_weeks", "months_to_competency") else hi
        grid = np.linspace(lo, hi, points)
        vals = path_values(i, **{name: grid})
        stacked = np.stack([vals[k] for k in PATHS])
        best = stacked.argmax(axis=0)
        differs = np.nonzero(np.array(PATHS)[best] != winner)[0]
        if differs.size == 0:
            continue
        current = getattr(i, name)
        k = differs[np.argmin(np.abs(grid[differs] - current))]
        out.append(Flip(name, float(grid[k]), PATHS[best[k]]))
    return sorted(out, key=lambda f: abs(f.value - getattr(i, f.field)) / (DOMAINS[f.field][1] - DOMAINS[f.field][0]))


def evaluate(i: CareerInputs, n: int = 20_000, seed: int = 1) -> CareerResult:
    """Likely values, P10-P90 ranges and win shares of the three paths.

    Examples
    --------
    >>> r = evaluate(CareerInputs(), n=2_000)
    >>> all(r.p10[k] <= r.likely[k] + 1e-6 or r.p10[k] <= r.p90[k] for k in PATHS), sum(r.win_share.values())
    (True, 1.0)
    """
    base = {k: float(v) for k, v in path_values(i).items()}
    winner = max(PATHS, key=base.get)
    rng = np.random.default_rng(seed)
    draws = {k: draw_pert(r, n, rng) for k, r in ranges_for(i).items()}
    vals = path_values(i, **draws)
    stacked = np.stack([vals[k] for k in PATHS])
    best = stacked.argmax(axis=0)
    return CareerResult(
        likely=base, winner=winner,
        p10={k: float(np.percentile(vals[k], 10)) for k in PATHS},
        p90={k: float(np.percentile(vals[k], 90)) for k in PATHS},
        win_share={k: float(np.mean(best == j)) for j, k in enumerate(PATHS)},
        flips=flip_points(i),
    )


def rule_of_thumb(at_risk: bool) -> str:
    """The guidance's rule of thumb for a role at risk or not (shown beside the user's result).

    Examples
    --------
    >>> rule_of_thumb(True)[:31]
    'High-risk role: moving to a rol'
    """
    if at_risk:
        return ("High-risk role: moving to a role that combines your domain expertise with AI implementation is "
                "sound (the guidance's rule of thumb).")
    return ("Secure role: upskilling in place often has the better return (the guidance's rule of thumb).")


def with_changes(i: CareerInputs, **changes: float) -> CareerInputs:
    """A copy of ``i`` with some fields changed (validated)."""
    return replace(i, **changes)
