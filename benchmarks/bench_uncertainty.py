"""Monte Carlo throughput: 100,000 draws of a 5-year monthly cash-flow model, against the time
to draw the random numbers alone; and the pages' other simulations (the business case's six
options, the check-up's stay or move) at the sizes the pages use. Prints a Markdown table (not a
pass/fail test).

Run: .venv/bin/python benchmarks/bench_uncertainty.py
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from upskill_roi.core import business_case, career  # noqa: E402
from upskill_roi.core.roi import ImplementationInputs  # noqa: E402
from upskill_roi.core.uncertainty import Range, draw_pert, simulate  # noqa: E402

N = 100_000
RANGES = {
    "annual_savings": Range(300_000, 500_000, 800_000),
    "implementation_cost": Range(80_000, 100_000, 200_000),
    "running_cost": Range(30_000, 50_000, 90_000),
    "ramp_months": Range(1, 3, 9),
    "discount_rate": Range(0.08, 0.10, 0.16),
    "benefit_risk": Range(0.0, 0.1, 0.3),
    "cost_risk": Range(0.0, 0.05, 0.2),
}


def timed(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def main() -> None:
    base = ImplementationInputs(horizon_years=5)

    def draws_only():
        rng = np.random.default_rng(0)
        for r in RANGES.values():
            draw_pert(r, N, rng)

    t_draw = timed(draws_only)
    t_sim = timed(lambda: simulate(base, RANGES, n=N, seed=0))
    print(f"Machine: {platform.machine()}, Python {platform.python_version()}, numpy {np.__version__}\n")
    print("| measurement | median (ms) | runs |")
    print("|---|---:|---:|")
    print(f"| drawing 7 PERT inputs x {N:,} | {t_draw:.1f} | 7 |")
    print(f"| simulate: {N:,} draws x 61 months (5 years), NPV + ROI + payback | {t_sim:.1f} | 7 |")
    print(f"| ratio simulate / drawing alone | {t_sim / t_draw:.1f}x | |")
    t_10 = timed(lambda: simulate(ImplementationInputs(horizon_years=10), RANGES, n=N, seed=0), repeat=3)
    print(f"| simulate: {N:,} draws x 121 months (10 years, the longest horizon) | {t_10:.1f} | 3 |")
    team = business_case.TeamInputs()
    ranges = {"ai_share": Range(0.2, 0.3, 0.4), "upskill_capture": Range(0.45, 0.6, 0.75),
              "hire_capture": Range(0.45, 0.6, 0.75), "system_capture": Range(0.25, 0.4, 0.55),
              "training_hours": Range(208, 260, 390), "hire_delay_months": Range(3, 4, 7),
              "knowledge_loss": Range(0.04, 0.05, 0.075), "cover_factor": Range(0.8, 1.0, 1.5)}
    t_case = timed(lambda: business_case.simulate_options(team, ranges, n=20_000, seed=1), repeat=5)
    print(f"| business case: 20,000 cases x 6 options x 37 months, 8 drivers + production drawn | {t_case:.1f} | 5 |")
    t_move = timed(lambda: career.evaluate(career.CareerInputs(), n=20_000, seed=1), repeat=5)
    print(f"| stay or move: 20,000 cases x 3 paths x 60 months with the job-loss model, and the flip scan | "
          f"{t_move:.1f} | 5 |")


if __name__ == "__main__":
    main()
