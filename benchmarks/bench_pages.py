"""Print timings of the calculations and pages as a Markdown table (not a pass/fail test).

Run: .venv/bin/python benchmarks/bench_pages.py
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from upskill_roi.core.roi import ImplementationInputs, evaluate, monthly_flows  # noqa: E402


def median_ms(fn, n: int) -> tuple[float, float]:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times), float(np.percentile(times, 95))


def main() -> None:
    rows = []
    rows.append(("upskill_roi.core.roi.evaluate, one case",
                 *median_ms(lambda: evaluate(ImplementationInputs()), 500), 500))
    s = np.random.default_rng(0).uniform(1e5, 1e6, 100_000)
    rows.append(("monthly_flows, 100,000 cases x 37 months",
                 *median_ms(lambda: monthly_flows(s, 1e5, 5e4, 3.0, 3), 20), 20))

    def fresh():
        AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).switch_page("views/roi.py").run()

    rows.append(("AppTest: ROI page, fresh session", *median_ms(fresh, 20), 20))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).switch_page("views/roi.py").run()
    values = iter(list(range(1, 11)) * 10)

    def rerun():
        at.slider(key="horizon").set_value(next(values)).run()

    rows.append(("AppTest: ROI page, rerun after a slider move", *median_ms(rerun, 40), 40))

    # Every page with a slider, against the framework's floor measured in the same run.
    bare = AppTest.from_file(str(ROOT / "benchmarks" / "bare_app.py"), default_timeout=60).run()
    xs = iter(list(range(0, 100, 7)) * 10)
    floor = median_ms(lambda: bare.slider(key="x").set_value(next(xs)).run(), 40)
    rows.append(("AppTest: bare page (1 slider, 1 metric), rerun: the floor", *floor, 40))
    sliders = {"views/checkup.py": ("weekly", [6.0, 8.0, 10.0, 12.0]), "views/risk.py": ("thr", [50, 55, 60, 65]),
               "views/roi.py": ("rate", [8.0, 10.0, 12.0, 14.0]),
               "views/upskilling.py": ("weekly", [6.0, 8.0, 10.0, 12.0]),
               "views/business_case.py": ("case_years", [2, 3, 4, 5])}
    for page, (key, vals) in sliders.items():
        pt = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).switch_page(page).run()
        it = iter(vals * 10)
        med, p95 = median_ms(lambda pt=pt, key=key, it=it: pt.slider(key=key).set_value(next(it)).run(), 20)
        rows.append((f"AppTest: {page}, rerun after moving `{key}` ({med / floor[0]:.0f}x the floor)", med, p95, 20))

    print(f"Machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}\n")
    print("| measurement | median (ms) | p95 (ms) | runs |")
    print("|---|---:|---:|---:|")
    for name, med, p95, n in rows:
        print(f"| {name} | {med:.2f} | {p95:.2f} | {n} |")


if __name__ == "__main__":
    main()
