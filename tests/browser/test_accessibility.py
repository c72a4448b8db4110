"""axe-core scans of every page (and the states that change what is on screen): no serious or
critical violations. Moderate and minor ones are printed, not failed (heading order inside
Streamlit's own widgets, for example)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

PAGES = [
    ("home", "/", "Upskill ROI"),
    ("checkup-risk", "/checkup", "Your AI career check-up"),
    ("checkup-move", "/checkup?step=4.+Stay+or+move", "Your AI career check-up"),
    ("checkup-summary", "/checkup?step=5.+Summary&answer=Cut+charting+time", "Your AI career check-up"),
    ("risk", "/risk", "Am I at risk?"),
    ("roi", "/roi", "What is my implementation worth?"),
    ("roi-ranges", "/roi?view=Ranges", "What is my implementation worth?"),
    ("upskilling", "/upskilling?start=2027-01-04", "How long will upskilling take, and does it pay?"),
    ("business_case", "/business_case", "The manager's business case"),
    ("compare", "/compare?s1=%2Froi&s2=%2Froi%3Frate%3D12", "Compare scenarios"),
    ("compare-empty", "/compare", "Compare scenarios"),
    ("methodology", "/methodology", "Methodology & sources"),
    ("bad-link", "/roi?rate=abc&horizon=99", "What is my implementation worth?"),
]
AXE = Axe()


@pytest.mark.parametrize(("name", "path", "title"), PAGES, ids=[p[0] for p in PAGES])
def test_no_serious_or_critical_accessibility_violations(page: Page, app_url: str, wait_ready, name, path,
                                                          title) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{app_url}{path}")
    wait_ready(page)
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    page.wait_for_timeout(800)  # charts and data grids finish drawing
    violations = AXE.run(page).response["violations"]
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
           if v["impact"] in ("serious", "critical")]
    others = sorted({(v["id"], v["impact"]) for v in violations} - {(b[0], b[1]) for b in bad})
    print(f"{name}: other violations {others}")
    assert bad == [], bad
