"""What the browser benchmarks share: a Streamlit server on a free loopback port, its health check,
its memory and CPU from /proc, and how chromium is launched (Debian's, headless)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# Streamlit sets these on the app root once a script run has finished and the websocket is up.
READY = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'
SERVER_FLAGS = ["--server.address=127.0.0.1", "--server.headless=true", "--browser.gatherUsageStats=false",
                "--server.fileWatcherType=none"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(script: str, port: int, runlog: Path | None = None) -> subprocess.Popen:
    """``streamlit run script`` on 127.0.0.1:port; with ``runlog``, through serve_timed.py, which
    appends every script run's duration to that file."""
    launcher = ["-m", "streamlit", "run"] if runlog is None else [str(ROOT / "benchmarks" / "serve_timed.py"),
                                                                  str(runlog), "--"]
    return subprocess.Popen([sys.executable, *launcher, script, f"--server.port={port}", *SERVER_FLAGS],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_health(url: str, timeout: float = 120.0) -> None:
    until = time.monotonic() + timeout
    while time.monotonic() < until:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read().strip() == b"ok":
                return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"server at {url} did not start in {timeout:.0f} s")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def rss_mib(pid: int) -> float:
    """Resident set size of a process [MiB] (VmRSS)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far [s]."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
