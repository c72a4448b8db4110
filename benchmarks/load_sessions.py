#!/usr/bin/env python3
"""Many users at once: N browser sessions against one server for T seconds, each moving sliders
with the keyboard and switching pages at random. Prints a Markdown table (not a pass/fail test).

    .venv/bin/python benchmarks/load_sessions.py                 # 20 sessions, 60 s
    .venv/bin/python benchmarks/load_sessions.py --sessions 5 --seconds 20

First every session opens a page (their arrival, all at once; its duration is printed); once the
last one has drawn its page, the T measured seconds start, in which each session moves its page's
slider or switches pages as fast as the app answers.

* Latency = from the key press or the menu click to the app's "script finished" marker again
  (Streamlit sets data-test-script-state="notRunning").
* Script runs = how long each script run took on the server in the measured seconds
  (benchmarks/serve_timed.py times them there): the server's part, without the browsers' work.
* Errors = exceptions shown on a page or a browser-side failure.
* Peak memory = the server process's VmRSS, polled every 0.25 s (over the whole run).
* Server CPU = the server process's user + system time in the measured seconds, and its share of
  all cores: it says whether the server or the browsers (on the same machine) were the bottleneck.

``--nice N`` (default 10): once the server is started, this script lowers its own priority by N,
so the load generator — Playwright's driver and the chromium processes it starts — yields the CPU
to the server, as it would with the visitors' browsers on their own machines; ``--nice 0`` puts
them on an equal footing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.async_api import async_playwright
from serving import CHROMIUM, CHROMIUM_ARGS, READY, cpu_seconds, free_port, rss_mib, start, stop, wait_health

PAGES = {"Upskilling plan": ("/upskilling", "Study hours per week"), "Am I at risk?": ("/risk", "Risk threshold"),
         "Business case": ("/business_case", "Share of the team's time AI could take over")}






def mark_start(out: dict) -> None:
    """Every session has drawn its first page: the measured T seconds start now."""
    out["start"] = time.monotonic()
    out["start_wall"] = time.time()
    out["cpu_start"] = cpu_seconds(out["pid"])


async def user(browser, url: str, seconds: float, seed: int, out: dict, arrived: asyncio.Event) -> None:
    rng = random.Random(seed)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    current = rng.choice(list(PAGES))
    def slider():
        return page.locator(f'input[type="range"][aria-label^="{PAGES[current][1]}"]')

    try:
        await page.goto(url + PAGES[current][0])
        await page.locator(READY).wait_for(timeout=120_000)
        await slider().wait_for(state="attached", timeout=120_000)
        out["arrived"] += 1
        if out["arrived"] == out["sessions"]:  # the last one in starts the clock for everybody
            mark_start(out)
            arrived.set()
        await arrived.wait()
        until = out["start"] + seconds
        while time.monotonic() < until:
            t0 = time.perf_counter()
            if rng.random() < 0.7:  # move the page's slider one step
                await slider().focus(timeout=120_000)
                await page.keyboard.press(rng.choice(["ArrowLeft", "ArrowRight"]))
            else:  # switch page through the menu; done when the new page's slider is there
                current = rng.choice([p for p in PAGES if p != current])
                await page.get_by_test_id("stSidebarNav").get_by_role("link", name=current).click(timeout=120_000)
                await slider().wait_for(state="attached", timeout=120_000)
            await page.wait_for_timeout(30)
            await page.locator(READY).wait_for(timeout=120_000)
            out["latency"].append((time.perf_counter() - t0) * 1e3)
            if await page.get_by_test_id("stException").count():
                out["errors"] += 1
            out["done"] += 1
    except Exception as exc:  # a failed interaction is an error, not a crash of the run
        out["errors"] += 1
        out["failures"].append(repr(exc)[:200])
        out["arrived"] += 1 if not arrived.is_set() else 0
        if not arrived.is_set() and out["arrived"] >= out["sessions"]:
            mark_start(out)
            arrived.set()
    finally:
        await context.close()


async def run(url: str, sessions: int, seconds: float, pid: int) -> dict:
    out = {"latency": [], "errors": 0, "done": 0, "failures": [], "sessions": sessions, "arrived": 0, "pid": pid}
    arrived = asyncio.Event()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        t0 = time.monotonic()
        await asyncio.gather(*(user(browser, url, seconds, k, out, arrived) for k in range(sessions)))
        out["arrival_s"] = out.get("start", time.monotonic()) - t0
        await browser.close()
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--nice", type=int, default=10, help="niceness of the load generator (default 10; 0 = none)")
    args = ap.parse_args(argv)
    scratch = tempfile.TemporaryDirectory()
    port = free_port()
    runlog = Path(scratch.name) / "runs.log"
    server = start("app.py", port, runlog)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_health(url)
        idle = rss_mib(server.pid)
        peak = [idle]
        done = threading.Event()

        def poll() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], rss_mib(server.pid))
                time.sleep(0.25)

        threading.Thread(target=poll, daemon=True).start()
        if args.nice:  # the server is already running at normal priority; what starts from now on yields to it
            os.nice(args.nice)
        t_start = time.perf_counter()
        out = asyncio.run(run(url, args.sessions, args.seconds, server.pid))
        wall = time.perf_counter() - t_start
        measured = time.time() - out.get("start_wall", time.time())
        cpu = cpu_seconds(server.pid) - out.get("cpu_start", 0.0)
        done.set()
    finally:
        stop(server)
    def p(xs: list[float], q: float) -> float:
        xs = sorted(xs)
        return xs[round(q * (len(xs) - 1))] if xs else float("nan")

    lat = out["latency"]
    since = out.get("start_wall", 0.0)
    runs = [float(d) for t, d in (line.split() for line in runlog.read_text().splitlines()) if float(t) >= since]
    scratch.cleanup()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{args.sessions} sessions opened their first page in {out.get('arrival_s', float('nan')):.0f} s, then "
          f"moved sliders and switched pages for {args.seconds:.0f} s ({wall:.0f} s in all), "
          f"load generator (Playwright + chromium) {'at nice ' + str(args.nice) if args.nice else 'not niced'}\n")
    print("| sessions | interactions | errors | p50 / p95 latency, page updated (ms) "
          "| script runs on the server: count, p50 / p95 (ms) | server RSS idle / peak (MiB) "
          "| server CPU (s, share of all cores) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.sessions} | {out['done']} | {out['errors']} | {p(lat, 0.5):.0f} / {p(lat, 0.95):.0f} "
          f"| {len(runs)}, {p(runs, 0.5):.0f} / {p(runs, 0.95):.0f} "
          f"| {idle:.0f} / {peak[0]:.0f} "
          f"| {cpu:.0f} s, {cpu / max(measured, 1e-9) / (os.cpu_count() or 1):.0%} |")
    for f in out["failures"][:5]:
        print("failure:", f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
