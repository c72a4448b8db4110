#!/usr/bin/env python3
"""The app server's memory (resident set size) idle and with browser sessions held open: the figures
behind the Kubernetes memory request (deploy/k8s/deployment.yaml). Prints them; never a test.

    .venv/bin/python benchmarks/memory.py            # 30 sessions over the app's pages
    .venv/bin/python benchmarks/memory.py --sessions 10

Needs Debian's chromium (the browser tests' browser).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
PATHS = ["/", "/checkup", "/risk", "/roi", "/upskilling", "/business_case",
         "/compare?s1=%2Froi&s2=%2Froi%3Frate%3D12", "/methodology", "/roi?show=Ranges", "/checkup?step=5.+Summary"]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'


def rss_mb(pid: int) -> float:
    """Resident set size of process ``pid`` [MB] (Linux /proc)."""
    with open(f"/proc/{pid}/status") as f:
        return int(next(line for line in f if line.startswith("VmRSS")).split()[1]) / 1024


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--port", type=int, default=8671)
    args = parser.parse_args(argv)
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", f"--server.port={args.port}",
                             "--server.headless=true", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
                             "--server.fileWatcherType=none"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.3)
        time.sleep(2)
        print(f"idle after start: {rss_mb(proc.pid):.0f} MB", flush=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium")
            contexts = []
            for i in range(args.sessions):
                context = browser.new_context()
                page = context.new_page()
                page.goto(url + PATHS[i % len(PATHS)])
                page.locator(READY).wait_for(state="attached", timeout=120_000)
                contexts.append(context)
                if i + 1 in (1, 10, 20, 30) or i + 1 == args.sessions:
                    print(f"{i + 1} sessions open: {rss_mb(proc.pid):.0f} MB", flush=True)
            for context in contexts:
                context.close()
            browser.close()
        time.sleep(5)
        print(f"after closing them: {rss_mb(proc.pid):.0f} MB", flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
