"""Stay or move: expected earnings of three career paths over one horizon, with ranges.

Conventions (stated once for this module; time and discounting as in upskill_roi.core.finance, a job loss as
in upskill_roi.core.displacement)
-------------------------------------------------------------------------------------------------
* **Paths.** (a) *Stay and upskill*: keep the job, study, and from competency plus the lag earn
  the premium with its chance -- the generic 5 % until the person has 3 years in the domain,
  the chance entered from then on (the guidance's profile, :mod:`upskill_roi.core.upskilling`); once
  competent the displacement hazard falls by ``risk_reduction``. (b) *Move now*:
  search for a role that combines domain expertise with AI implementation for ``search_weeks``
  **without pay** (0 when you search while employed); with the chance ``move_probability`` the
  move lands, at the salary changed by ``salary_change`` and that role's displacement
  probability ``move_risk``; otherwise you stay on today's terms after the search (your current
  job if you searched while employed, or a comparable job at today's pay). (c) *Stay without
  upskilling*: the salary, with today's displacement probability.
* **Timing.** Months 1 .. 12H, amounts at the end of each month, discounted from when they fall
  (``v_m = (1 + r)^(-m / 12)``, :mod:`upskill_roi.core.finance`). A partial month (search, premium start)
  counts pro rata. Study costs enter as their present value (``study_cost``).
* **A job loss** happens at most once, costs the weeks out of work and then a lasting earnings
  loss that fades (:mod:`upskill_roi.core.displacement`: Jacobson, LaLonde & Sullivan 1993; Couch & Placzek
  2010; Davis & von Wachter 2011). The displacement probability applies only while employed.
* **Tax basis.** Pay, premiums and study costs are before income tax (:mod:`upskill_roi.core.upskilling`).
* **Ranges.** Each simulated case draws the displacement probability, the premium (half to one
  and a half times), whether the premium is realised (a chance, drawn as happening or not),
  whether the move lands (likewise), the pay change on moving, the search, the weeks out of work
  and the lasting loss (beta-PERT for amounts, :mod:`upskill_roi.core.uncertainty`; one uniform draw each
  for the chances), all paths on the same draws (vectorised; seeded). "Wins" = highest value in
  a case.
* **What flips the answer.** Each input is moved alone across its whole domain (201 points,
  vectorised); the value nearest to today's at which another path wins is reported.
* **The guidance's rule of thumb** (high-risk role: moving is sound; secure role: upskill in
  place) is shown beside the result; when they disagree, :func:`flip_points` with a target
  gives the inputs that would make the rule's path win.

Formulas::

    factor_m(q)  = expected share of pay paid in month m (upskill_roi.core.displacement.pay_factor)
    chance_m     = generic + (probability - generic) x on(m - T_domain)   (upskill_roi.core.upskilling.premium_chance)
    upskill      : pay_m = S + P x chance_m x on(m - T - lag);   hazard h(q) x (1 - reduction x on(m - T))
    move landed  : pay_m = S (1 + change) x on(m - w / 4.333);   hazard h(q_move) x on(m - w / 4.333)
    move not     : pay_m = S x on(m - w / 4.333);                hazard h(q) x on(m - w / 4.333)
    value(path)  = sum_m pay_m / 12 x factor_m x v_m  (- study cost for upskill)
    move         = p_land x value(landed) + (1 - p_land) x value(not)
    on(x)        = clip(x, 0, 1)   (0 before the start, pro rata in the starting month, 1 after)
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

import numpy as np
from numpy.typing import ArrayLike, NDArray

from upskill_roi.core.displacement import EARNINGS_LOSS, HALF_LIFE_YEARS, WEEKS_OUT, JobLoss, pay_factor
from upskill_roi.core.finance import MONTHS_PER_YEAR, WEEKS_PER_MONTH
from upskill_roi.core.uncertainty import Range, draw_pert
from upskill_roi.core.upskilling import GENERIC_PREMIUM_PROBABILITY, premium_chance

__all__ = ["PATHS", "CareerInputs", "CareerResult", "Flip", "path_values", "evaluate", "flip_points",
           "rule_of_thumb", "rule_path", "DOMAINS", "FULL_EXPOSURE_RATE", "displacement_from_share", "ranges_for",
           "MOVE_PROBABILITY"]

PATHS = ("Stay and upskill", "Move now", "Stay without upskilling")
FULL_EXPOSURE_RATE = 0.10
"""Yearly displacement probability assumed for work that is 100 % automatable [fraction/yr].
An illustrative assumption, not a published figure: exposure is not a probability of losing a
job (every exposure measure's documentation says so). It only turns the risk check's share
into a starting value that the user is asked to replace."""
MOVE_PROBABILITY = 0.5
"""Chance that a move to a role combining domain expertise with AI implementation lands within
the search (illustrative: an even chance, as the premium's; no published figure fits)."""


def displacement_from_share(share: float, rate_at_full: float = FULL_EXPOSURE_RATE) -> float:
    """A yearly displacement probability from the automatable share of the work:
    ``share x rate_at_full`` (the check-up's editable starting value).

    Examples
    --------
    >>> displacement_from_share(0.40), displacement_from_share(0.95)
    (0.04, 0.095)
    """
    return round(float(share) * rate_at_full, 6)


@dataclass(frozen=True)
class CareerInputs:
    """Inputs of the stay-or-move comparison (amounts in the user's currency, before tax).

    Attributes
    ----------
    salary : float
        Today's pay [currency/yr].
    displacement_probability : float
        Yearly probability of losing the current job [fraction/yr].
    weeks_out_of_work, earnings_loss, loss_half_life_years : float
        What a job loss costs (:class:`upskill_roi.core.displacement.JobLoss`): weeks without pay [weeks];
        the pay lost on re-employment [fraction]; years in which that loss halves [years].
    horizon_years : int
        1-10 [years].
    discount_rate : float
        [fraction/yr].
    premium, premium_probability : float
        Premium once competent [currency/yr] and the chance of getting it with the guidance's
        profile [fraction].
    generic_probability : float
        The chance before the person has 3 years in the domain [fraction].
    months_to_domain : float
        Months until the person has 3 years in the domain (0 = already) [months].
    months_to_competency, lag_months : float
        From today to competency [months]; from competency to the premium [months].
    study_cost : float
        Present value of fees and valued study time [currency].
    risk_reduction : float
        Share by which the displacement probability falls once competent [fraction].
    search_weeks : float
        Job search without pay before the new role [weeks].
    salary_change : float
        Pay change on moving [fraction, may be negative, > -1].
    move_probability : float
        Chance that the move lands [fraction].
    move_risk : float
        Yearly displacement probability in the new role [fraction/yr].
    """

    salary: float = 101_190.0
    displacement_probability: float = 0.04
    weeks_out_of_work: float = WEEKS_OUT
    earnings_loss: float = EARNINGS_LOSS
    loss_half_life_years: float = HALF_LIFE_YEARS
    horizon_years: int = 5
    discount_rate: float = 0.10
    premium: float = 50_000.0
    premium_probability: float = 0.5
    generic_probability: float = GENERIC_PREMIUM_PROBABILITY
    months_to_domain: float = 0.0
    months_to_competency: float = 6.0
    lag_months: float = 3.0
    study_cost: float = 2_000.0
    risk_reduction: float = 0.5
    search_weeks: float = 10.5
    salary_change: float = 0.10
    move_probability: float = MOVE_PROBABILITY
    move_risk: float = 0.02

    def __post_init__(self) -> None:
        for f in fields(self):
            v = getattr(self, f.name)
            if not np.isfinite(v):
                raise ValueError(f"{f.name} must be finite (got {v!r})")
            if f.name != "salary_change" and v < 0:
                raise ValueError(f"{f.name} must be >= 0 (got {v!r})")
        for name in ("displacement_probability", "premium_probability", "generic_probability", "risk_reduction",
                     "move_probability", "move_risk"):
            if getattr(self, name) > 1:
                raise ValueError(f"{name} must lie between 0 and 1")
        if self.salary_change <= -1:
            raise ValueError("salary_change must be > -1")
        if int(self.horizon_years) != self.horizon_years or not 1 <= self.horizon_years <= 10:
            raise ValueError("horizon_years must be a whole number from 1 to 10")
        if self.loss_half_life_years <= 0:
            raise ValueError(f"loss_half_life_years must be > 0 (got {self.loss_half_life_years!r})")
        JobLoss(self.weeks_out_of_work, self.earnings_loss, self.loss_half_life_years)  # validates them


def _on(x: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.clip(x, 0.0, 1.0)


def path_values(i: CareerInputs, **arrays: NDArray[np.float64]) -> dict[str, NDArray[np.float64]]:
    """Present value of each path; any field may be overridden by an array of draws (all the
    same length n), giving arrays of n values.

    Examples
    --------
    No risk, no discounting, one year, a 10 % raise that lands for sure after a 4.333-week search
    (one month without pay): stay = 100,000; move = 11 x 110,000 / 12 = 100,833.33; upskill with
    a 12,000 premium for sure from month 6: 100,000 + 7 x 1,000 - 500 = 106,500.

    >>> i = CareerInputs(salary=100_000, displacement_probability=0, horizon_years=1, discount_rate=0,
    ...                  premium=12_000, premium_probability=1, months_to_competency=5, lag_months=0,
    ...                  study_cost=500, search_weeks=52 / 12, salary_change=0.10, move_probability=1,
    ...                  move_risk=0)
    >>> {k: round(float(v), 2) for k, v in path_values(i).items()}
    {'Stay and upskill': 106500.0, 'Move now': 100833.33, 'Stay without upskilling': 100000.0}

    A move that lands half the time: the other half, today's pay after the same month's search.

    >>> from dataclasses import replace
    >>> round(float(path_values(replace(i, move_probability=0.5))["Move now"]), 2)   # (100,833.33 + 91,666.67) / 2
    96250.0
    """
    p = {f.name: np.asarray(arrays.get(f.name, getattr(i, f.name)), dtype=float)[..., None] for f in fields(i)}
    n_months = MONTHS_PER_YEAR * int(i.horizon_years)
    m = np.arange(1, n_months + 1, dtype=float)
    v = (1 + p["discount_rate"]) ** (-m / MONTHS_PER_YEAR)
    job = (p["weeks_out_of_work"][..., 0], p["earnings_loss"][..., 0], p["loss_half_life_years"][..., 0])

    def value(pay: NDArray[np.float64], q: ArrayLike, scale: ArrayLike | None = None
              ) -> NDArray[np.float64] | np.float64:
        """Present value of a pay path with a yearly displacement probability q (per case) whose
        monthly hazard is scaled by ``scale`` (module conventions)."""
        # numpy types a sum over an axis as Any: it is one float per case (a scalar for a single case)
        pv: NDArray[np.float64] | np.float64 = np.sum(
            pay / MONTHS_PER_YEAR * pay_factor(q, n_months, *job, scale=scale) * v, axis=-1)
        return pv

    s = p["salary"]
    q = p["displacement_probability"][..., 0]
    competent = _on(m - p["months_to_competency"])
    chance = premium_chance(m, p["premium_probability"], p["months_to_domain"], p["generic_probability"])
    premium_on = _on(m - p["months_to_competency"] - p["lag_months"])
    upskill = value(s + p["premium"] * chance * premium_on, q, 1 - p["risk_reduction"] * competent) \
        - p["study_cost"][..., 0]
    employed = _on(m - p["search_weeks"] / WEEKS_PER_MONTH)
    lands = p["move_probability"][..., 0]
    if np.all((lands == 0) | (lands == 1)):  # drawn outcomes: one path per case
        landed = lands[..., None] == 1
        move = value(s * np.where(landed, 1 + p["salary_change"], 1.0) * employed,
                     np.where(landed[..., 0], p["move_risk"][..., 0], q), employed)
    else:
        move = lands * value(s * (1 + p["salary_change"]) * employed, p["move_risk"][..., 0], employed) \
            + (1 - lands) * value(s * employed, q, employed)
    stay = value(s * np.ones_like(m), q)
    return dict(zip(PATHS, (np.array(a) for a in np.broadcast_arrays(upskill, move, stay)), strict=False))


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
    flips_to_target : list of Flip
        Inputs that would make the target path win (see :func:`evaluate`), nearest first.
    """

    likely: dict[str, float]
    winner: str
    p10: dict[str, float]
    p90: dict[str, float]
    win_share: dict[str, float]
    flips: list[Flip]
    flips_to_target: list[Flip] = field(default_factory=list)


DOMAINS: dict[str, tuple[float, float]] = {
    "displacement_probability": (0.0, 1.0),
    "premium_probability": (0.0, 1.0),
    "salary_change": (-0.5, 1.0),
    "move_probability": (0.0, 1.0),
    "search_weeks": (0.0, 52.0),
    "premium": (0.0, 200_000.0),
    "move_risk": (0.0, 1.0),
    "months_to_competency": (0.0, 36.0),
    "weeks_out_of_work": (0.0, 104.0),
    "earnings_loss": (0.0, 1.0),
}
"""The range over which each input is scanned for a change of winner (its unit); for the
premium, the search and the time to competency at least up to twice today's value."""


def ranges_for(i: CareerInputs) -> dict[str, Range]:
    """The ranges drawn for the P10-P90 band (illustrative spreads around the likely values):
    displacement probability from half to twice (at most 1), the premium from half to one and a
    half times, the pay change on moving +-10 points, the search from 5 weeks to the BLS mean of
    23.8, the weeks out of work from 4 to 52 (the median is 10.5, the mean 23.8: a long tail), the
    lasting loss +-10 points (Davis & von Wachter: 15-20 %; Jacobson et al.: about 25 %).

    Examples
    --------
    >>> r = ranges_for(CareerInputs(displacement_probability=0.04, search_weeks=10.5))
    >>> r["displacement_probability"], r["search_weeks"]
    (Range(low=0.02, likely=0.04, high=0.08), Range(low=5.0, likely=10.5, high=23.8))
    """
    q, c, w, w0, loss = (i.displacement_probability, i.salary_change, i.search_weeks, i.weeks_out_of_work,
                         i.earnings_loss)
    return {
        "displacement_probability": Range(q / 2, q, min(2 * q, 1.0)),
        "premium": Range(i.premium / 2, i.premium, 1.5 * i.premium),
        "salary_change": Range(max(c - 0.10, -0.99), c, c + 0.10),
        "search_weeks": Range(min(5.0, w), w, max(23.8, w)),
        "weeks_out_of_work": Range(min(4.0, w0), w0, min(max(52.0, w0), 104.0)),
        "earnings_loss": Range(max(loss - 0.10, 0.0), loss, min(loss + 0.10, 1.0)),
    }


def draws_for(i: CareerInputs, n: int, seed: int) -> dict[str, NDArray[np.float64]]:
    """The simulated cases: :func:`ranges_for` drawn with beta-PERT, then the premium and the move
    drawn as happening or not (one uniform each; the generic chance of the premium uses the same
    uniform as the full one, so a premium realised at the generic chance is realised at any
    higher chance too).

    Examples
    --------
    >>> d = draws_for(CareerInputs(premium_probability=0.5, move_probability=0.25), 40_000, 1)
    >>> round(float(d["premium_probability"].mean()), 2), round(float(d["move_probability"].mean()), 2)
    (0.5, 0.25)
    """
    rng = np.random.default_rng(seed)
    draws = {k: draw_pert(r, n, rng) for k, r in ranges_for(i).items()}
    u_premium, u_move = rng.random(n), rng.random(n)
    draws["premium_probability"] = (u_premium < i.premium_probability).astype(float)
    draws["generic_probability"] = (u_premium < i.generic_probability).astype(float)
    draws["move_probability"] = (u_move < i.move_probability).astype(float)
    return draws


def _scans(i: CareerInputs, points: int) -> dict[str, tuple[NDArray[np.float64], NDArray[np.str_]]]:
    """Each input of :data:`DOMAINS` moved alone across its domain: the grid and the winning path
    at each of its points (the premium, the search and the time to competency scanned at least up
    to twice today's value)."""
    out = {}
    for name, (lo, hi) in DOMAINS.items():
        hi = max(hi, 2 * getattr(i, name)) if name in ("premium", "search_weeks", "months_to_competency") else hi
        grid = np.linspace(lo, hi, points)
        vals = path_values(i, **{name: grid})
        out[name] = grid, np.array(PATHS)[np.stack([vals[k] for k in PATHS]).argmax(axis=0)]
    return out


def _flips(i: CareerInputs, scans: dict[str, tuple[NDArray[np.float64], NDArray[np.str_]]], winner: str,
           target: str | None) -> list[Flip]:
    out = []
    for name, (grid, best) in scans.items():
        hits = np.nonzero(best == target if target else best != winner)[0]
        if hits.size == 0 or (target and target == winner):
            continue
        k = hits[np.argmin(np.abs(grid[hits] - getattr(i, name)))]
        out.append(Flip(name, float(grid[k]), str(best[k])))
    return sorted(out, key=lambda f: abs(f.value - getattr(i, f.field)) / (DOMAINS[f.field][1] - DOMAINS[f.field][0]))


def flip_points(i: CareerInputs, points: int = 201, target: str | None = None) -> list[Flip]:
    """For each input in :data:`DOMAINS`: the value nearest to today's at which another path
    (or the ``target`` path) has the highest value (none if that never happens across the domain).

    Examples
    --------
    With no risk anywhere and no premium, over one undiscounted year, moving for a 10 % raise
    that lands for sure after a month's search wins (11 months x 1.10 > 12); a raise below
    1/11 = 9.09 % flips it to staying (the nearest grid point below is 8.5 %; upskilling costs 1
    and so loses to staying).

    >>> i = CareerInputs(displacement_probability=0, move_risk=0, premium=0, horizon_years=1, discount_rate=0,
    ...                  search_weeks=52 / 12, study_cost=1, move_probability=1)
    >>> f = [x for x in flip_points(i) if x.field == "salary_change"][0]
    >>> f.winner, round(f.value, 3)
    ('Stay without upskilling', 0.085)
    """
    base = path_values(i)
    return _flips(i, _scans(i, points), max(PATHS, key=lambda k: float(base[k])), target)


def evaluate(i: CareerInputs, n: int = 20_000, seed: int = 1, target: str | None = None) -> CareerResult:
    """Likely values, P10-P90 ranges and win shares of the three paths, and what would flip the
    answer (to any other path, and to ``target`` -- the rule of thumb's path -- when given; one
    scan of the inputs serves both).

    Examples
    --------
    >>> r = evaluate(CareerInputs(), n=2_000, target="Move now")
    >>> all(r.p10[k] <= r.p90[k] for k in PATHS), sum(r.win_share.values())
    (True, 1.0)
    >>> all(f.winner == "Move now" for f in r.flips_to_target)
    True
    """
    base = {k: float(v) for k, v in path_values(i).items()}
    winner = max(PATHS, key=lambda k: base[k])
    vals = path_values(i, **draws_for(i, n, seed))
    stacked = np.stack([vals[k] for k in PATHS])
    best = stacked.argmax(axis=0)
    scans = _scans(i, 201)
    return CareerResult(
        likely=base, winner=winner,
        p10={k: float(np.percentile(vals[k], 10)) for k in PATHS},
        p90={k: float(np.percentile(vals[k], 90)) for k in PATHS},
        win_share={k: float(np.mean(best == j)) for j, k in enumerate(PATHS)},
        flips=_flips(i, scans, winner, None),
        flips_to_target=_flips(i, scans, winner, target) if target else [],
    )


def rule_path(at_risk: bool) -> str:
    """The path the guidance's rule of thumb favours: moving for a high-risk role, upskilling in
    place for a secure one.

    Examples
    --------
    >>> rule_path(True), rule_path(False)
    ('Move now', 'Stay and upskill')
    """
    return PATHS[1] if at_risk else PATHS[0]


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


