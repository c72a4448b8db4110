"""Helpers shared by the browser tests: save a download, open a saved file with no network."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Route, expect


def download(page: Page, button_name: str, target_dir: Path) -> Path:
    """Click the download button ``button_name``; the saved file's path."""
    button = page.get_by_role("button", name=button_name)
    expect(button).to_be_visible()
    with page.expect_download() as info:
        button.click()
    d = info.value
    target = target_dir / d.suggested_filename
    d.save_as(target)
    return target


def pdf_pages(path: Path) -> list[str]:
    """The text of a downloaded PDF, page by page (poppler's pdftotext, an independent reader)."""
    import subprocess

    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def open_offline(context: BrowserContext, path: Path) -> tuple[Page, list[str], list[str]]:
    """``path`` in a new page whose every request outside ``file:`` is aborted and recorded.

    Returns the page, the URLs the route blocked, and every request URL the page made
    (``page.on("request")`` also sees requests a route might not, e.g. ``data:`` fetches).
    """
    doc = context.new_page()
    blocked: list[str] = []
    seen: list[str] = []
    doc.on("request", lambda r: seen.append(r.url))

    def guard(route: Route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    doc.route("**/*", guard)
    doc.goto(path.as_uri())
    return doc, blocked, seen
