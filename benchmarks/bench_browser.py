#!/usr/bin/env python3
"""What a visitor feels, measured in headless chromium. Prints Markdown tables (not a pass/fail test).

    .venv/bin/python benchmarks/bench_browser.py              # 20 moves per page, 3 cold starts
    .venv/bin/python benchmarks/bench_browser.py --moves 40 --starts 5

1. Cold start: from launching ``streamlit run app.py`` to the first page fully drawn in the
   browser (every metric there and every Plotly chart drawn as SVG), for a shared ``/roi``
   link; the time until the server answers ``/_stcore/health`` is shown as well. Median of
   ``--starts`` server starts (the browser is already running: it is the visitor's; only the
   first start can find the disk cache cold). For comparison, the same page for a second visitor
   once the server is warm (Python modules imported, the page's bytecode compiled), timed from
   opening a new tab with an empty browser cache.
2. Keyboard latency: the page's slider is focused and moved with ArrowRight / ArrowLeft in
   turn; the time runs from the key press to the moment the chosen metric shows its new value
   (polled on every animation frame in the page). Median and p95 over ``--moves`` moves per page,
   and the same for a bare Streamlit page with one slider and one metric
   (``benchmarks/bare_app.py``) served the same way in the same run: the framework's floor.
3. Memory: the server's resident set (VmRSS) with no session, with 1 open session, and with
   20 (one browser context each, spread over the calculator pages), after each has drawn its
   page and the server has settled; the cost per extra session is (RSS20 - RSS1) / 19. Before
   the first reading every page is opened once in a session that is then closed, so one-time
   costs (imported modules, loaded data tables, compiled pages) are not counted per session.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time

from playwright.sync_api import Page, sync_playwright
from serving import CHROMIUM, CHROMIUM_ARGS, READY, ROOT, free_port, rss_mib, start, stop, wait_health

# page -> (path with query, tab to open first or "", slider label, metric label). Each key press
# changes the metric:
# the risk link puts the threshold one step under the automatable share (45 %), so each step flips
# "At risk" / "Not at risk".
PAGES = {
    "bare page (the floor)": ("/", "", "x", "x"),
    "Am I at risk? (`thr`)": ("/risk?thr=44", "", "Risk threshold", "Against your threshold"),
    "Implementation ROI (`rate`)": ("/roi", "Assumptions", "Discount rate", "Net present value"),
    "Upskilling plan (`weekly`)": ("/upskilling", "", "Study hours per week", "Weeks to competency"),
    "Business case (`case_years`)": ("/business_case", "", "Horizon", "Upskill: NPV"),
    "Career check-up, step 3 (`weekly`)": ("/checkup?step=3.+Upskilling", "", "Study hours per week",
                                           "Weeks to competency"),
}
MEMORY_PATHS = ["/roi", "/upskilling", "/risk", "/business_case", "/checkup"]

# The text of the metric whose label starts with `label` ("" while it is not on the page).
METRIC_JS = """label => {
  for (const m of document.querySelectorAll('[data-testid="stMetric"]')) {
    const l = m.querySelector('[data-testid="stMetricLabel"]');
    if (l && l.innerText.trim().startsWith(label)) {
      const v = m.querySelector('[data-testid="stMetricValue"]');
      return v ? v.innerText : "";
    }
  }
  return "";
}"""
# True once every Plotly chart on the page has drawn its SVG and the script has finished.
DRAWN_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (!document.querySelector('[data-testid="stMetric"]')) return false;
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  for (const c of charts) if (!c.querySelector('.main-svg')) return false;
  return true;
}"""












def drawn(page: Page, timeout_ms: float = 120_000) -> float:
    """Wait until the page is drawn and return when that happened (``time.perf_counter``).

    Checked twice with a pause between: the "script finished" marker can show for a moment before
    a rerun that the page asks for (e.g. after reading a link) starts. The time returned is that of
    the last check that had to wait, so the pause itself is never counted."""
    page.wait_for_function(DRAWN_JS, timeout=timeout_ms, polling="raf")
    done = time.perf_counter()
    page.wait_for_timeout(250)
    if not page.evaluate(DRAWN_JS):
        page.wait_for_function(DRAWN_JS, timeout=timeout_ms, polling="raf")
        done = time.perf_counter()
    return done


def pctl(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def cold_starts(browser, n: int) -> list[tuple[float, float, float]]:
    """(health, first page drawn) in ms after the server process is launched, and the same page
    drawn for a second visitor of the now warm server (from opening a new tab), n times. Only
    the first start may find the disk cache cold; later ones reuse it and ``__pycache__``."""
    out = []
    for _ in range(n):
        port = free_port()
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        t0 = time.perf_counter()
        server = start("app.py", port)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_health(url)
            t_health = time.perf_counter()
            page.goto(url + "/roi")
            t_first = drawn(page)
            second = browser.new_context(viewport={"width": 1280, "height": 900})
            t1 = time.perf_counter()
            page2 = second.new_page()
            page2.goto(url + "/roi")
            t_warm = drawn(page2) - t1
            second.close()
            out.append(((t_health - t0) * 1e3, (t_first - t0) * 1e3, t_warm * 1e3))
        finally:
            context.close()
            stop(server)
    return out


def key_latency(page: Page, slider: str, metric: str, moves: int) -> list[float]:
    """Key press -> the metric shows a new value, ``moves`` times (ArrowRight / ArrowLeft in turn)."""
    handle = page.locator(f'input[type="range"][aria-label^="{slider}"]').first
    handle.wait_for(state="attached", timeout=60_000)
    times = []
    for k in range(moves + 2):  # the first two moves warm up (caches, fonts) and are dropped
        page.wait_for_selector(READY, timeout=60_000)
        before = page.evaluate(METRIC_JS, metric)
        if not before:
            raise RuntimeError(f"no metric labelled {metric!r} on {page.url}")
        handle.focus()
        t0 = time.perf_counter()
        page.keyboard.press("ArrowRight" if k % 2 == 0 else "ArrowLeft")
        page.wait_for_function(f"([label, before]) => ({METRIC_JS})(label) !== before && ({METRIC_JS})(label) !== ''",
                               arg=[metric, before], timeout=60_000, polling="raf")
        if k >= 2:
            times.append((time.perf_counter() - t0) * 1e3)
        drawn(page)  # let the charts finish before the next move
    return times


def latencies(browser, moves: int) -> dict[str, list[float]]:
    out = {}
    servers = {}
    try:
        for name, (path, tab, slider, metric) in PAGES.items():
            script = "benchmarks/bare_app.py" if path == "/" else "app.py"
            if script not in servers:
                port = free_port()
                servers[script] = (start(script, port), f"http://127.0.0.1:{port}")
                wait_health(servers[script][1])
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(servers[script][1] + path)
            drawn(page)
            if tab:
                page.get_by_role("tab", name=tab).click()
            try:
                out[name] = key_latency(page, slider, metric, moves)
            except Exception as exc:
                page.screenshot(path=str(ROOT / "artifacts" / "bench-failure.png"))
                raise RuntimeError(f"{name}: {exc}") from None
            context.close()
    finally:
        for server, _ in servers.values():
            stop(server)
    return out


def memory(browser, sessions: int = 20) -> tuple[float, float, float, float]:
    """Server RSS [MiB]: fresh, after every page was opened once (session closed), with 1 and with
    ``sessions`` open sessions."""
    port = free_port()
    server = start("app.py", port)
    contexts = []
    try:
        url = f"http://127.0.0.1:{port}"
        wait_health(url)
        time.sleep(2)
        none = rss_mib(server.pid)
        warm = browser.new_context(viewport={"width": 1280, "height": 900})
        page = warm.new_page()
        for path in MEMORY_PATHS:
            page.goto(url + path)
            drawn(page)
        warm.close()
        time.sleep(2)
        warmed = rss_mib(server.pid)
        readings = {}
        for k in range(sessions):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            contexts.append(context)
            page = context.new_page()
            page.goto(url + MEMORY_PATHS[k % len(MEMORY_PATHS)])
            drawn(page)
            if k + 1 in (1, sessions):
                time.sleep(3)
                readings[k + 1] = rss_mib(server.pid)
        return none, warmed, readings[1], readings[sessions]
    finally:
        for c in contexts:
            c.close()
        stop(server)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--moves", type=int, default=20, help="key presses measured per page (default 20)")
    ap.add_argument("--starts", type=int, default=3, help="cold starts measured (default 3)")
    args = ap.parse_args(argv)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        starts = cold_starts(browser, args.starts)
        lat = latencies(browser, args.moves)
        mem = memory(browser)
        version = browser.version
        browser.close()

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"chromium {version} (headless, same machine as the server)\n")
    print("| cold start (shared `/roi` link) | median (ms) | min (ms) | max (ms) | starts |")
    print("|---|---:|---:|---:|---:|")
    for i, what in enumerate(["server answers `/_stcore/health`", "first page fully drawn (metrics + charts)",
                              "the same page for a second visitor (warm server, from opening the tab)"]):
        xs = [s[i] for s in starts]
        print(f"| {what} | {statistics.median(xs):.0f} | {min(xs):.0f} | {max(xs):.0f} | {len(xs)} |")
    print()
    floor = statistics.median(lat["bare page (the floor)"])
    print("| key press -> metric updated on screen | median (ms) | p95 (ms) | x floor (median) | moves |")
    print("|---|---:|---:|---:|---:|")
    for name, xs in lat.items():
        print(f"| {name} | {statistics.median(xs):.0f} | {pctl(xs, 0.95):.0f} "
              f"| {statistics.median(xs) / floor:.1f} | {len(xs)} |")
    print()
    none, warmed, one, many = mem
    print("| server memory (VmRSS) | MiB |")
    print("|---|---:|")
    print(f"| fresh server, no session yet | {none:.0f} |")
    print(f"| every page opened once, that session closed (modules, data, pages loaded) | {warmed:.0f} |")
    print(f"| 1 open session | {one:.0f} |")
    print(f"| 20 open sessions | {many:.0f} |")
    print(f"| cost per extra session, (RSS20 - RSS1) / 19 | {(many - one) / 19:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
