#!/usr/bin/env python3
"""Every benchmark in one run, printed as one Markdown report (not a pass/fail test).

    python3 dev.py bench                      # sets up .venv with the test extra, then runs this
    .venv/bin/python benchmarks/run_all.py    # the same, in an existing environment
    .venv/bin/python benchmarks/run_all.py --with-load --with-fuzz 10000

It prints the machine once, then the tables of

* ``bench_uncertainty.py`` — Monte Carlo throughput against drawing the random numbers alone;
* ``bench_pages.py`` — server-side rerun time per page (AppTest) against a bare one-slider page;
* ``bench_browser.py`` — in chromium: key press -> metric on screen per page against the bare
  page, cold start, server memory with 1 and 20 sessions;
* with ``--with-load``: ``load_sessions.py`` (20 browser sessions for 60 s);
* with ``--with-fuzz N``: ``fuzz_links.py N`` (N hostile links over every page).

Timings depend on the machine and on what else runs on it: run it on an idle machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        total = next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal"))
        kib = int(total.split()[1])
        mem = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("streamlit", "plotly", "numpy", "pandas"))
    return (f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; {versions}")


def run(script: str, *args: str) -> str:
    """The script's output without its own machine line."""
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, str(HERE / script), *args], capture_output=True, text=True, check=False)
    body = "\n".join(line for line in out.stdout.splitlines() if not line.startswith("Machine:")).strip()
    if out.returncode:
        body += f"\n\n**{script} failed (exit {out.returncode}):**\n\n```\n{out.stderr[-2000:]}\n```"
    return f"{body}\n\n_{script} {' '.join(args)}: {time.perf_counter() - t0:.0f} s_".replace(" :", ":")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--with-load", action="store_true", help="also run load_sessions.py (20 sessions, 60 s)")
    ap.add_argument("--with-fuzz", type=int, default=0, metavar="N", help="also run fuzz_links.py N")
    args = ap.parse_args(argv)
    print(f"# Upskill ROI benchmarks, {dt.date.today().isoformat()}\n")
    print(f"Machine: {machine()}\n")
    sections = [("Monte Carlo throughput", "bench_uncertainty.py", ()),
                ("Server-side reruns (AppTest)", "bench_pages.py", ()),
                ("In the browser", "bench_browser.py", ())]
    if args.with_load:
        sections.append(("Many users at once", "load_sessions.py", ()))
    if args.with_fuzz:
        sections.append(("Hostile links", "fuzz_links.py", (str(args.with_fuzz),)))
    for title, script, extra in sections:
        print(f"## {title}\n", flush=True)
        print(run(script, *extra) + "\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
