"""Hand calculations shared by the AppTest and browser tests: the models' formulas written out
month by month, independently of the code under test (see tests/core/test_roi.py for each step)."""

from __future__ import annotations


def roi_npv_by_hand(savings: float = 500_000, impl: float = 100_000, running: float = 50_000, ramp: float = 3,
                    years: int = 3, rate: float = 0.10, b: float = 0.10, c: float = 0.10, p: float = 0.70) -> float:
    """The implementation case's NPV: savings and running costs weighted by the chance of
    production ``p``, benefits x (1 - b) and costs x (1 + c), the implementation cost at month 0,
    every month m discounted by (1 + rate)^(-m/12).

    >>> round(roi_npv_by_hand(), 2)   # the page's defaults
    582614.32
    """
    total = -impl * (1 + c)
    for m in range(1, 12 * years + 1):
        adoption = min(m / ramp, 1) if ramp else 1
        total += p * (savings * (1 - b) / 12 * adoption - running * (1 + c) / 12) * (1 + rate) ** (-m / 12)
    return total


DEFAULT_NPV = roi_npv_by_hand()
"""The ROI page's default NPV: 582,614.32."""


def pay_factor_by_hand(q: float, months: int, weeks_out_of_work: float = 10.5, loss: float = 0.20,
                       half_life: float = 15.0, scale: list[float] | None = None) -> list[float]:
    """Expected share of pay in each month 1 .. ``months`` with one displacement at most
    (upskill_roi.core.displacement's definition, summed displacement month by displacement month):
    hazard h_m = (1 - (1 - q)^(1/12)) x s_m; S_m = (1 - h_1) .. (1 - h_m); displaced in month d
    with f_d = S_(d-1) - S_d; then clip(W - k, 0, 1) of month d + k unpaid (W = weeks out /
    4.333) and L x 2^(-k / (12 H)) of the pay lost afterwards.

    >>> pay_factor_by_hand(1.0, 5, weeks_out_of_work=13, loss=0.0)   # three months out, then full pay
    [0.0, 0.0, 0.0, 1.0, 1.0]
    """
    s = [1.0] * months if scale is None else list(scale)
    big_w = weeks_out_of_work / (52 / 12)
    survive, f, prev = [], [], 1.0
    for m in range(months):
        now = prev * (1 - (1 - (1 - q) ** (1 / 12)) * s[m])
        survive.append(now)
        f.append(prev - now)
        prev = now
    factor = []
    for m in range(1, months + 1):
        paid = survive[m - 1]
        for d in range(1, m + 1):
            k = m - d
            paid += f[d - 1] * (1 - min(max(big_w - k, 0.0), 1.0)) * (1 - loss * 2 ** (-k / (12 * half_life)))
        factor.append(paid)
    return factor


def upskilling_npv_by_hand(weekly: float = 10, target: float = 260, fees: float = 500, tax: float = 0.30,
                           time_share: float = 1.0, premium: float = 50_000, p: float = 0.5, lag: float = 3,
                           salary: float = 101_190, years: int = 5, rate: float = 0.10, q: float = 0.04,
                           reduction: float = 0.5, domain_years: float = 5, start: int = 0,
                           generic: float = 0.05) -> float:
    """The upskilling plan's NPV against not upskilling, started ``start`` whole months after the
    start date, month by month (upskill_roi.core.upskilling's formulas): competent T = target /
    weekly / 4.333 months after the plan's start o; the fees grossed up for tax, 500 / 0.7, at
    month o; the study time (target x salary / 2,080 x share) spread evenly over months o .. o + T;
    the premium / 12 x its chance (the generic 5 % until 3 years in the domain) from o + T + lag
    on, paid while employed; the pay kept because the displacement hazard halves once competent.
    Every month m discounted by (1 + rate)^(-m/12); months 1 .. 12 x years.

    >>> round(upskilling_npv_by_hand(q=0, tax=0, time_share=0))   # tests/core/test_upskilling.py
    80515
    """
    n = 12 * years
    t = target / weekly / (52 / 12)
    to_domain = max(3 - domain_years, 0) * 12
    up = pay_factor_by_hand(q, n, scale=[1 - reduction * min(max(m - (start + t), 0.0), 1.0)
                                         for m in range(1, n + 1)])
    base = pay_factor_by_hand(q, n)
    total = -fees / (1 - tax) * (1 + rate) ** (-start / 12)
    for m in range(1, n + 1):
        chance = generic + (p - generic) * min(max(m - to_domain, 0.0), 1.0)
        earned = premium / 12 * chance * min(max(m - (start + t + lag), 0.0), 1.0) * up[m - 1]
        kept = salary / 12 * (up[m - 1] - base[m - 1])
        studied = max(min(m, start + t) - max(m - 1, start), 0.0) / t
        study = target * salary / 2_080 * time_share * studied
        total += (earned + kept - study) * (1 + rate) ** (-m / 12)
    return total
