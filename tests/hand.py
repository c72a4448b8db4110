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
