"""Honest uncertainty for the implementation case: Monte Carlo ranges and a tornado.

Conventions (stated once for this module; the cash-flow model is :mod:`upskill_roi.core.roi`'s)
-------------------------------------------------------------------------------
* **Ranges.** Each uncertain input is given as low / likely / high and drawn from a
  **beta-PERT** distribution (shape lambda = 4): smooth, bounded by low and high, and weighting
  the likely value more than a triangular distribution does, which suits expert estimates
  (the usual choice in project estimation). Mean = (low + 4 x likely + high) / 6. A range with
  low = high is a constant.
* **Draws** are independent across inputs (no correlations are assumed) and made with NumPy's
  ``default_rng(seed)``: the same seed and ranges give the same figures, so a link that carries
  them reproduces the page exactly.
* **Reaching production** is drawn in every case as an outcome, not an average: with the chance
  ``success_probability`` the case has its savings and running costs, otherwise only the
  implementation cost (upskill_roi.core.finance's chance of success). So P10 may be the case that never
  reaches production, and the chance of a positive NPV is at most the chance of production.
* **Vectorised.** All draws are evaluated at once as arrays (draws x months); there is no
  Python loop over draws. The horizon and the go-live date are not drawn.
* **Percentiles** P10 / P50 / P90 use NumPy's default (linear) interpolation. Payback
  percentiles are taken over all draws with "never" counted as later than any month (so a P90
  of ``None`` means more than 10 % of draws never pay back within the horizon).
* **Tornado** (one at a time): NPV with one input at its low and then at its high value, all
  others at their likely values; bars sorted by swing = |NPV(high) - NPV(low)|. Reaching
  production is one more bar: the NPV if it does not (low) and if it does (high).

Formulas::

    alpha = 1 + 4 (likely - low) / (high - low),   beta = 1 + 4 (high - likely) / (high - low)
    x     = low + (high - low) x Beta(alpha, beta)
    P(NPV > 0) = share of draws with NPV > 0
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from upskill_roi.core.finance import MONTHS_PER_YEAR, case_metrics
from upskill_roi.core.roi import ImplementationInputs, evaluate, monthly_flows

__all__ = ["Range", "UNCERTAIN_FIELDS", "draw_pert", "Simulation", "simulate", "simulation_inputs", "NOT_SIMULATED",
           "TornadoBar",
           "tornado"]

UNCERTAIN_FIELDS = ("annual_savings", "implementation_cost", "running_cost", "ramp_months", "discount_rate",
                    "benefit_risk", "cost_risk")
"""Fields of :class:`upskill_roi.core.roi.ImplementationInputs` that may be given a range."""


@dataclass(frozen=True)
class Range:
    """A low / likely / high estimate (same unit as the field it describes)."""

    low: float
    likely: float
    high: float

    def __post_init__(self) -> None:
        if not (np.isfinite([self.low, self.likely, self.high]).all() and self.low <= self.likely <= self.high):
            raise ValueError(f"a range needs finite low <= likely <= high (got {self.low}, {self.likely}, {self.high})")

    @property
    def mean(self) -> float:
        """The PERT mean (low + 4 likely + high) / 6."""
        return (self.low + 4 * self.likely + self.high) / 6


def draw_pert(r: Range, n: int, rng: np.random.Generator) -> NDArray[np.float64]:
    """``n`` draws from the beta-PERT distribution of ``r``.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x = draw_pert(Range(0, 1, 10), 200_000, rng)
    >>> bool(x.min() >= 0 and x.max() <= 10), round(float(x.mean()), 1)   # mean (0 + 4 + 10) / 6 = 2.33
    (True, 2.3)
    >>> draw_pert(Range(5, 5, 5), 3, rng).tolist()
    [5.0, 5.0, 5.0]
    """
    width = r.high - r.low
    if width == 0:
        return np.full(n, float(r.likely))
    a = 1 + 4 * (r.likely - r.low) / width
    b = 1 + 4 * (r.high - r.likely) / width
    return r.low + width * rng.beta(a, b, size=n)


@dataclass(frozen=True)
class Simulation:
    """Monte Carlo results.

    Attributes
    ----------
    npv, roi, payback_months : ndarray
        One value per draw [currency], [fraction], [months] (``nan`` = never / undefined).
    npv_p10, npv_p50, npv_p90 : float
    roi_p10, roi_p50, roi_p90 : float or None
        Over the draws that have costs (ROI is undefined without); ``None`` when none has.
    payback_p10, payback_p50, payback_p90 : float or None
        ``None`` = that share of draws never pays back within the horizon.
    probability_positive : float
        Share of draws with NPV > 0.
    """

    npv: NDArray[np.float64]
    roi: NDArray[np.float64]
    payback_months: NDArray[np.float64]
    npv_p10: float
    npv_p50: float
    npv_p90: float
    roi_p10: float | None
    roi_p50: float | None
    roi_p90: float | None
    payback_p10: float | None
    payback_p50: float | None
    payback_p90: float | None
    probability_positive: float


def _pct(x: NDArray[np.float64], q: float) -> float | None:
    if np.isnan(x).all():
        return None
    with np.errstate(invalid="ignore"):  # inf ("never") between two infs interpolates to nan
        v = float(np.nanpercentile(x, q))
    return None if not np.isfinite(v) else v


def simulate(base: ImplementationInputs, ranges: dict[str, Range], n: int = 100_000, seed: int = 0) -> Simulation:
    """Draw the uncertain inputs and evaluate the implementation case for every draw at once.

    Parameters
    ----------
    base : ImplementationInputs
        The likely case; fields without a range keep their value.
    ranges : dict
        Field name (one of :data:`UNCERTAIN_FIELDS`) -> :class:`Range`; both ends must be valid
        values of the field (e.g. a benefit haircut within 0-1), else ``ValueError``.
    n : int
        Number of draws.
    seed : int
        Seed of ``numpy.random.default_rng``.

    Examples
    --------
    With no spread and production certain, every draw is the deterministic case:

    >>> base = ImplementationInputs(success_probability=1.0)
    >>> s = simulate(base, {"annual_savings": Range(5e5, 5e5, 5e5)}, n=10)
    >>> round(s.npv_p10, 2) == round(s.npv_p90, 2) == round(evaluate(base).npv, 2), s.probability_positive
    (True, 1.0)
    """
    unknown = set(ranges) - set(UNCERTAIN_FIELDS)
    if unknown:
        raise ValueError(f"no range can be given for {sorted(unknown)}; uncertain fields: {list(UNCERTAIN_FIELDS)}")
    if n < 1:
        raise ValueError("n must be at least 1")
    for field, r in ranges.items():  # each end of a range must be a valid input on its own
        _set(base, {field: r.low})
        _set(base, {field: r.high})
    rng = np.random.default_rng(seed)
    values: dict[str, NDArray[np.float64] | float] = {f: float(getattr(base, f)) for f in UNCERTAIN_FIELDS}
    for field in UNCERTAIN_FIELDS:  # fixed order: the same seed gives the same draws per field
        if field in ranges:
            values[field] = draw_pert(ranges[field], n, rng)
    values = {f: np.broadcast_to(np.asarray(v, dtype=float), (n,)) for f, v in values.items()}
    reached = (rng.random(n) < base.success_probability).astype(float)  # drawn after the fields
    # The case's flows and metrics as roi.evaluate computes them (roi.monthly_flows,
    # finance.case_metrics), for every draw at once.
    b_m, c_m = monthly_flows(values["annual_savings"], values["implementation_cost"], values["running_cost"],
                             values["ramp_months"], int(base.horizon_years), values["benefit_risk"],
                             values["cost_risk"], reached)
    _, _, value, roi, payback = case_metrics(c_m, b_m, values["discount_rate"], MONTHS_PER_YEAR)
    never_last = np.where(np.isnan(payback), np.inf, payback)
    return Simulation(
        npv=value, roi=roi, payback_months=payback,
        npv_p10=float(np.percentile(value, 10)), npv_p50=float(np.percentile(value, 50)),
        npv_p90=float(np.percentile(value, 90)),
        roi_p10=_pct(roi, 10), roi_p50=_pct(roi, 50), roi_p90=_pct(roi, 90),
        payback_p10=_pct(never_last, 10), payback_p50=_pct(never_last, 50), payback_p90=_pct(never_last, 90),
        probability_positive=float(np.mean(value > 0)),
    )


def _set(i: ImplementationInputs, changes: dict[str, Any]) -> ImplementationInputs:
    """``replace(i, **changes)`` for fields named at run time (no static type to check each value against)."""
    return replace(i, **changes)


NOT_SIMULATED = ("capture_share", "premium_cap", "salary", "target_premium", "go_live")
"""Fields of :class:`~upskill_roi.core.roi.ImplementationInputs` that :func:`simulate` does not
read (the premium's and the calendar's): :func:`simulation_inputs` sets them to their defaults.
A field added later is kept, so at worst it costs a cache miss, never a wrong result
(tests/core/test_uncertainty.py checks that none of these changes a simulation)."""


def simulation_inputs(base: ImplementationInputs) -> ImplementationInputs:
    """``base`` with the fields :func:`simulate` does not read (:data:`NOT_SIMULATED`) at their
    defaults, the :data:`UNCERTAIN_FIELDS` and the chance of production as floats and the horizon
    as an int. Two bases that simulate alike give equal results here, so it is a sound cache key
    (the premium or the go-live date do not count).

    Examples
    --------
    >>> a = simulation_inputs(ImplementationInputs(capture_share=0.2, horizon_years=4.0))
    >>> a == simulation_inputs(ImplementationInputs(horizon_years=4)), a.capture_share, a.horizon_years
    (True, 0.1, 4)
    """
    default = ImplementationInputs()
    floats: dict[str, Any] = {f: float(getattr(base, f)) for f in UNCERTAIN_FIELDS}  # float fields named at run time
    return replace(base, horizon_years=int(base.horizon_years), success_probability=float(base.success_probability),
                   **floats,
                   **{f: getattr(default, f) for f in NOT_SIMULATED})


@dataclass(frozen=True)
class TornadoBar:
    """NPV with one input at its low and at its high value, the others at likely."""

    field: str
    npv_low: float
    npv_high: float

    @property
    def swing(self) -> float:
        """|NPV(high) - NPV(low)| [currency]."""
        return abs(self.npv_high - self.npv_low)


def tornado(base: ImplementationInputs, ranges: dict[str, Range]) -> list[TornadoBar]:
    """One-at-a-time sensitivity of the NPV, sorted by swing (largest first).

    Examples
    --------
    NPV falls one for one with the implementation cost (paid at t = 0, not discounted; no cost
    risk adjustment here):

    >>> bars = tornado(ImplementationInputs(cost_risk=0, success_probability=1),
    ...                {"implementation_cost": Range(50_000, 100_000, 150_000)})
    >>> round(bars[0].npv_low - bars[0].npv_high, 2)
    100000.0
    """
    likely = _set(base, {f: r.likely for f, r in ranges.items()})
    bars = []
    for field, r in ranges.items():
        low = evaluate(_set(likely, {field: r.low})).npv
        high = evaluate(_set(likely, {field: r.high})).npv
        bars.append(TornadoBar(field, low, high))
    if likely.success_probability < 1:
        at_likely = evaluate(likely)
        bars.append(TornadoBar("success_probability", at_likely.npv_if_failure, at_likely.npv_if_success))
    return sorted(bars, key=lambda b: b.swing, reverse=True)
