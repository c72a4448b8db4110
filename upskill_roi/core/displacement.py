"""What a job loss costs: a displacement that happens once, time out of work, and a lasting
earnings loss that fades -- as the displaced-worker studies find.

Conventions (stated once for this module; time and discounting as in :mod:`upskill_roi.core.finance`)
------------------------------------------------------------------------------------------
* **Once.** A yearly displacement probability ``q`` becomes a monthly hazard
  ``h = 1 - (1 - q)^(1/12)``, which a month's scale ``s_m`` may lower (``1 - reduction`` once a
  person is upskilled, 0 while not employed). The
  person is displaced *at most once* within the horizon: the probability of having been
  displaced by the end of month m is ``1 - S_m`` with ``S_m = (1 - h_1) ... (1 - h_m)``, and the
  probability that it happens in month d is ``f_d = S_{d-1} - S_d``. A displacement in month d
  is taken to happen at its start. (So q = 1 means a displacement in the first month, not one
  every month.)
* **Time out of work.** ``w`` weeks without pay after the displacement (BLS CPS: median 10.5
  weeks, mean 23.8 -- a long right tail), pro rata: ``W = w / 4.333`` months, and the k-th
  month after the displacement month (k = 0, 1, ..) is unpaid for ``clip(W - k, 0, 1)`` of it.
* **Lasting loss.** Back in work, pay is lower than it would have been by
  ``L x 2^(-k / (12 H))`` (k months after the displacement month): a loss ``L`` that halves every
  ``H`` years. Defaults L = 20 %, H = 15 years, so the loss is 15 % six years on (Couch & Placzek
  2010: earnings 32-33 % lower in the year of displacement, still about 15 % lower six years
  later; Davis & von Wachter 2011: 15-20 % below for many years; Jacobson, LaLonde & Sullivan
  1993: about 25 % five years on for high-tenure workers). Over 20 years at 5 % these defaults
  lose about 1.95 years of pay in present value, within Davis & von Wachter's 1.4 years (low
  unemployment) to 2.8 years (high unemployment).
* **Whose pay.** The loss applies to the pay the path would have paid in that month (so a
  premium already earned is kept, reduced like the rest of the pay).

Formulas::

    h_m       = (1 - (1 - q)^(1/12)) x s_m;   S_m = prod_{j <= m} (1 - h_j);   f_d = S_{d-1} - S_d
    u(k)      = clip(W - k, 0, 1)                         share of month d + k without pay
    factor_m  = S_m + sum_{d <= m} f_d (1 - u(m - d)) (1 - L 2^(-(m - d) / (12 H)))
    E[pay_m]  = pay_m x factor_m
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from upskill_roi.core.finance import MONTHS_PER_YEAR, WEEKS_PER_MONTH, npv

__all__ = ["JobLoss", "WEEKS_OUT", "EARNINGS_LOSS", "HALF_LIFE_YEARS", "STUDIES", "monthly_hazard",
           "pay_factor", "loss_in_years_of_pay"]

WEEKS_OUT = 10.5
"""Median duration of unemployment [weeks] (BLS Current Population Survey, table E-18, Q4 2024)."""
EARNINGS_LOSS = 0.20
"""Earnings loss on re-employment [fraction] (Davis & von Wachter 2011: 15-20 %; Couch & Placzek 2010)."""
HALF_LIFE_YEARS = 15.0
"""Years in which the earnings loss halves [years]: 20 % fades to 15 % six years on, as Couch &
Placzek (2010) found (about 15 % six years after the job loss)."""
STUDIES = ("Jacobson, LaLonde & Sullivan (1993, American Economic Review): about 25% lower earnings five years after "
           "a mass-layoff displacement (high-tenure workers); Couch & Placzek (2010, American Economic Review): "
           "32-33% lower in the year of displacement, about 15% lower six years later; Davis & von Wachter "
           "(2011, Brookings Papers): a present value of 1.4 (low unemployment) to 2.8 (high unemployment) "
           "years of pre-displacement earnings over 20 years at 5%.")


@dataclass(frozen=True)
class JobLoss:
    """What a displacement costs.

    Attributes
    ----------
    weeks_out_of_work : float
        Weeks without pay after the displacement [weeks], 0-104.
    earnings_loss : float
        Pay lost on re-employment, as a share of what it would have been [fraction, 0-1].
    half_life_years : float
        Years in which that loss halves [years], > 0.
    """

    weeks_out_of_work: float = WEEKS_OUT
    earnings_loss: float = EARNINGS_LOSS
    half_life_years: float = HALF_LIFE_YEARS

    def __post_init__(self) -> None:
        if not (math.isfinite(self.weeks_out_of_work) and 0 <= self.weeks_out_of_work <= 104):
            raise ValueError(f"weeks_out_of_work must lie between 0 and 104 (got {self.weeks_out_of_work!r})")
        if not (math.isfinite(self.earnings_loss) and 0 <= self.earnings_loss <= 1):
            raise ValueError(f"earnings_loss must lie between 0 and 1 (got {self.earnings_loss!r})")
        if not (math.isfinite(self.half_life_years) and self.half_life_years > 0):
            raise ValueError(f"half_life_years must be a finite number > 0 (got {self.half_life_years!r})")


def monthly_hazard(q: ArrayLike) -> NDArray[np.float64]:
    """The monthly hazard of a yearly probability: ``1 - (1 - q)^(1/12)``.

    Examples
    --------
    >>> round(float(monthly_hazard(1 - 0.9**12)), 12)
    0.1
    """
    return 1.0 - (1.0 - np.asarray(q, dtype=float)) ** (1 / MONTHS_PER_YEAR)


class _Shift:
    """``x[..., i - lag]`` for every month i (0 where i - lag < 0), for a lag per case: shifted by
    slicing, once per distinct lag (whole months: a few dozen at most)."""

    def __init__(self, lag: NDArray[np.int64]) -> None:
        self.lag = lag
        values = np.unique(lag)
        self.groups = [(int(k), None if values.size == 1 else np.flatnonzero(lag.reshape(-1) == k)) for k in values]

    def __call__(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        months = x.shape[-1]
        out = np.zeros_like(x)
        flat_x = x.reshape(-1, months)
        flat_out = out.reshape(-1, months)
        for k, rows in self.groups:
            if k >= months:
                continue
            if rows is None:
                flat_out[:, k:] = flat_x[:, : months - k]
            else:
                flat_out[rows, k:] = flat_x[rows, : months - k]
        return out


def pay_factor(q: ArrayLike, months: int, weeks_out_of_work: ArrayLike = WEEKS_OUT,
               earnings_loss: ArrayLike = EARNINGS_LOSS,
               half_life_years: ArrayLike = HALF_LIFE_YEARS, scale: ArrayLike | None = None) -> NDArray[np.float64]:
    """Expected share of the pay a person is paid in each month 1 .. ``months``, given a
    displacement that happens at most once (module conventions).

    Parameters
    ----------
    q : float or array_like
        Yearly displacement probability [fraction/yr]; leading axes are cases (e.g. draws).
    months : int
        Months in the horizon.
    weeks_out_of_work, earnings_loss, half_life_years : float or array_like
        :class:`JobLoss` fields, scalars or one value per case.
    scale : array_like, optional
        Multiplier of the monthly hazard in each month [fraction], last axis ``months``: e.g.
        ``1 - reduction`` once upskilled, or 0 while not employed. Default 1.

    Returns
    -------
    ndarray
        Shape ``(*cases, months)``, values in [0, 1].

    Examples
    --------
    Certain displacement (q = 1) in month 1, 13 weeks out (3 months), no lasting loss: three
    months without pay, then full pay.

    >>> pay_factor(1.0, 5, weeks_out_of_work=13, earnings_loss=0.0).round(6).tolist()
    [0.0, 0.0, 0.0, 1.0, 1.0]

    With a 20 % loss that halves every year (1/12 of a year per month): month 4 is the fourth
    month after the displacement month 1, so 20 % x 2^(-3/12) is lost.

    >>> round(float(pay_factor(1.0, 4, 13, 0.2, 1.0)[-1]), 6)   # 1 - 0.2 x 2^(-0.25)
    0.831821
    """
    q = np.asarray(q, dtype=float)
    w = np.asarray(weeks_out_of_work, dtype=float)
    loss = np.asarray(earnings_loss, dtype=float)
    half = np.asarray(half_life_years, dtype=float)
    sc = np.ones(months) if scale is None else np.asarray(scale, dtype=float)
    cases = np.broadcast_shapes(q.shape, w.shape, loss.shape, half.shape, sc.shape[:-1])
    q, w, loss, half = (np.broadcast_to(a, cases) for a in (q, w, loss, half))

    h = monthly_hazard(np.clip(q, 0.0, 1.0))[..., None] * np.clip(sc, 0.0, 1.0)
    survive = np.cumprod(np.broadcast_to(1.0 - h, (*cases, months)), axis=-1)
    f = -np.diff(survive, axis=-1, prepend=1.0)  # displaced in month d
    cum = 1.0 - survive

    big_w = w / WEEKS_PER_MONTH
    k = np.floor(big_w).astype(np.int64)
    frac = (big_w - k)[..., None]
    at = _Shift(k)
    f_k = at(f)
    # T_m: probability of being in the unpaid spell in month m, weighted by the unpaid share.
    unpaid = cum - at(cum) + frac * f_k
    # R_m = sum_d f_d rho^(m - d) by recursion (stable; months <= 120).
    rho = 2.0 ** (-1.0 / (MONTHS_PER_YEAR * half))
    r = np.empty_like(f)
    acc = np.zeros(cases)
    for i in range(months):
        acc = rho * acc + f[..., i]
        r[..., i] = acc
    rho_k = (rho ** k)[..., None]
    unpaid_decayed = r - rho_k * at(r) + frac * rho_k * f_k
    factor = 1.0 - unpaid - loss[..., None] * (r - unpaid_decayed)
    return np.clip(factor, 0.0, 1.0)


def loss_in_years_of_pay(years: int = 20, rate: float = 0.05, job_loss: JobLoss | None = None) -> float:
    """Present value of the pay lost to a displacement today, in years of pre-displacement pay
    (Davis & von Wachter's measure): certain displacement in month 1, monthly flows discounted as
    in :mod:`upskill_roi.core.finance`.

    Examples
    --------
    By hand: 10.5 weeks out = 0.20 years of pay; then 20 % lost, halving every 15 years, over 20
    years at 5 %: 0.2 x (1 - e^(-20 c)) / c with c = ln 2 / 15 + ln 1.05 = 0.0950, i.e. 1.79, less
    the 0.04 that falls in the unpaid weeks: about 1.95 years, within their 1.4 - 2.8.

    >>> round(loss_in_years_of_pay(20, 0.05), 2)
    1.95
    """
    j = job_loss or JobLoss()
    months = MONTHS_PER_YEAR * years
    factor = pay_factor(1.0, months, j.weeks_out_of_work, j.earnings_loss, j.half_life_years)
    lost = np.concatenate([[0.0], (1.0 - factor) / MONTHS_PER_YEAR])
    return float(npv(rate, lost, per_year=MONTHS_PER_YEAR))
