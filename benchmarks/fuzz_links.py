#!/usr/bin/env python3
"""Run many hostile links through every page (AppTest) and report how many passed.

    .venv/bin/python benchmarks/fuzz_links.py            # 10,000 cases
    .venv/bin/python benchmarks/fuzz_links.py 20000

Each case is checked as in tests/inputs/test_linkfuzz.py: no exception, every rejected value named in
a warning. A failing case stops the run and is printed (hypothesis shrinks it first).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.linkfuzz import cases, check  # noqa: E402


def main(n: int) -> int:
    count = {"cases": 0, "pages": {}}

    @settings(max_examples=n, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(cases())
    def run(case):
        page, pairs = case
        check(page, pairs)
        count["cases"] += 1
        count["pages"][page] = count["pages"].get(page, 0) + 1

    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    print(f"| cases | failures | time | per page |\n|---|---|---|---|\n| {count['cases']:,} | 0 | {seconds:.0f} s | "
          + ", ".join(f"{k} {v}" for k, v in sorted(count["pages"].items())) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
