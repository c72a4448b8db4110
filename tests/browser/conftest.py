"""Real-browser tests: a Streamlit server on a free loopback port, driven by Debian's chromium.

Every test in this folder is marked ``browser`` (the marker is declared in pyproject.toml).
The tests never skip: without chromium they fail with an install hint (CI installs it).

Facts this relies on (see the project's Streamlit notes): ``playwright install`` cannot
download a browser here, so Debian's ``/usr/bin/chromium`` is launched directly; the
"script finished" marker can match before a rerun starts, so tests assert content with
auto-retrying ``expect()``; ``full_page`` screenshots only capture the viewport (Streamlit
scrolls an inner div), so tall screenshots use a tall viewport.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
SCREENSHOT_DIR = REPO_ROOT / "artifacts" / "screenshots"

CHROMIUM_MISSING = "Debian chromium is required for the browser tests: apt-get install chromium (.ci/run does this)"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

SERVER_START_TIMEOUT_S = 60.0
SERVER_STOP_TIMEOUT_S = 10.0

# Streamlit sets these on the app root once a script run has finished and the websocket is up.
READY_SELECTOR = (
    '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'
)
READY_TIMEOUT_MS = 30_000
SETTLE_MS = 300
TIMEOUT_MS = 20_000
"""Timeout for auto-retrying expect() and for page actions; CI machines have 2 cores."""
expect.set_options(timeout=TIMEOUT_MS)


# --- marker ------------------------------------------------------------------------------
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test collected from this folder (and only those) as ``browser``."""
    for item in items:
        if HERE == Path(item.path).resolve().parent or HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


# --- chromium ----------------------------------------------------------------------------
def chromium_path() -> str:
    """Debian's chromium, or fail the test (never skip) with an install hint."""
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    found = shutil.which("chromium")
    if found:
        return found
    pytest.fail(CHROMIUM_MISSING, pytrace=False)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright's launch options plus Debian's chromium and its headless flags."""
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path(),
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """A desktop-sized window with an en-US locale (the page formats numbers by locale)."""
    return {
        **browser_context_args,
        "viewport": {"width": 1280, "height": 900},
        "locale": "en-US",
        "accept_downloads": True,
    }


# --- the app server ----------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
            return resp.status == 200 and resp.read().strip() == b"ok"
    except OSError:
        return False


@contextlib.contextmanager
def streamlit_server(timeout: float = SERVER_START_TIMEOUT_S) -> Iterator[str]:
    """Run ``streamlit run app.py`` from the repository root; yield its base URL.

    The server listens on a free loopback port and logs to a temporary file, whose content
    is part of the error if the server does not answer ``/_stcore/health`` in ``timeout``.
    """
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        f"--server.port={port}",
        "--server.headless=true",
        "--server.address=127.0.0.1",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
    ]
    with tempfile.TemporaryDirectory(prefix="streamlit-browser-tests-") as tmp:
        log_path = Path(tmp) / "server.log"
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(
                cmd, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
            try:
                deadline = time.monotonic() + timeout
                while not _healthy(url):
                    if proc.poll() is not None or time.monotonic() > deadline:
                        why = (f"exited with code {proc.returncode}" if proc.poll() is not None
                               else f"did not answer {url}/_stcore/health with 'ok' within {timeout:.0f} s")
                        log.flush()
                        raise RuntimeError(
                            f"Streamlit server {why}.\nCommand: {' '.join(cmd)}\n--- server log ---\n"
                            + log_path.read_text(errors="replace")
                        )
                    time.sleep(0.2)
                yield url
            finally:
                if proc.poll() is None:
                    proc.terminate()
                    try:
                        proc.wait(timeout=SERVER_STOP_TIMEOUT_S)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        proc.wait(timeout=SERVER_STOP_TIMEOUT_S)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """One server for the whole session (each test still gets its own browser context).

    With ``UPSKILL_APP_URL`` set (``deploy/cluster.py --run-tests``), the tests use that URL
    instead, e.g. several replicas behind nginx; tests that need a cold start still start their
    own server (``fresh_app_url``)."""
    if os.environ.get("UPSKILL_APP_URL"):
        yield os.environ["UPSKILL_APP_URL"].rstrip("/")
        return
    with streamlit_server() as url:
        yield url


@pytest.fixture
def fresh_app_url() -> Iterator[str]:
    """A new server for this test only: its first session is a cold start."""
    with streamlit_server() as url:
        yield url


# --- page helpers ------------------------------------------------------------------------
def wait_ready(page: Page, timeout: float = READY_TIMEOUT_MS) -> None:
    """Wait until a script run has finished and the websocket is connected.

    The marker can already match before a rerun starts (e.g. right after a click), so
    callers must still assert the content they expect with auto-retrying ``expect()``. It is
    checked twice, a moment apart, so that a run that starts right after another (a page that
    reruns itself) has begun before the test goes on: in CI (2 busy cores) a click and a file
    sent in that gap were seen to have no effect (issue 16's CI run: the persona and Compare tests).
    """
    ready = page.locator(READY_SELECTOR)
    ready.wait_for(state="attached", timeout=timeout)
    page.wait_for_timeout(SETTLE_MS)
    ready.wait_for(state="attached", timeout=timeout)


@pytest.fixture(name="wait_ready")
def wait_ready_fixture():
    """:func:`wait_ready` for the tests (handed out as a fixture: test modules should not import
    a conftest module)."""
    return wait_ready


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """``artifacts/screenshots/`` under the repository root (gitignored), created if needed."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR


@pytest.fixture
def page(page: Page) -> Page:
    """pytest-playwright's page with a generous action timeout (CI machines have 2 cores)."""
    page.set_default_timeout(TIMEOUT_MS)
    return page
