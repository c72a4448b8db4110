"""Scale-out: two replicas behind nginx (sticky sessions, WebSocket upgrade); one replica stops in
the middle of a session and the user reloads and continues with the same scenario.

Needs Debian's nginx (.ci/run installs it); without it the test fails with that hint, it never
skips. deploy/cluster.py starts the replicas and the balancer.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.hand import roi_npv_by_hand
from upskill_roi.present import fmt

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("cluster", ROOT / "deploy" / "cluster.py")
cluster_mod = importlib.util.module_from_spec(_spec)
sys.modules["cluster"] = cluster_mod
_spec.loader.exec_module(cluster_mod)

# 600K/yr savings, 12 %, 5 years, the other inputs at their defaults (hand value, tests/hand.py):
NPV_600K_12_5Y = fmt.money(roi_npv_by_hand(savings=600_000, rate=0.12, years=5), "USD", "en-US")


def _npv(page: Page):
    label = page.get_by_test_id("stMetricLabel").get_by_text("Net present value", exact=True)
    return page.get_by_test_id("stMetric").filter(has=label).get_by_test_id("stMetricValue")


def test_a_replica_stops_mid_session_and_the_scenario_survives(page: Page, wait_ready, screenshot_dir: Path) -> None:
    with cluster_mod.cluster(2) as c:
        assert len(c.alive()) == 2
        first = c.serving_port()
        page.goto(f"{c.url}/roi?savings=600000&rate=12&horizon=5")
        wait_ready(page)
        expect(_npv(page)).to_have_text(NPV_600K_12_5Y)
        # The session works through the balancer (WebSocket upgraded): a keyboard change reruns the page.
        tab = page.get_by_role("tab", name="Assumptions")
        tab.click()
        expect(tab).to_have_attribute("aria-selected", "true")
        horizon = page.locator('input[type="range"][aria-label^="Horizon (years)"]')
        expect(horizon).to_have_value("5")
        horizon.focus()
        page.keyboard.press("ArrowLeft")
        expect(horizon).to_have_value("4")
        expect(page).to_have_url(re.compile(r"[?&]horizon=4(&|$)"))
        expect(_npv(page)).not_to_have_text(NPV_600K_12_5Y)
        shown = _npv(page).inner_text().strip()
        url = page.url

        c.stop_replica(first)
        assert c.alive() and first not in c.alive()
        assert c.serving_port() != first  # the balancer now sends this browser to the other replica
        page.reload()
        wait_ready(page)
        assert page.url == url
        page.get_by_role("tab", name="Assumptions").click()
        expect(page.locator('input[type="range"][aria-label^="Horizon (years)"]')).to_have_value("4")
        expect(_npv(page)).to_have_text(shown)  # the other server rebuilt the same scenario from the URL
        # Charts load a 4.8 MB script bundle through nginx (large responses must pass the proxy).
        expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible()
        expect(page.get_by_text("Failed to fetch dynamically imported module")).to_have_count(0)
        page.screenshot(path=screenshot_dir / "scale-out-after-failover.png", animations="disabled")
        log = (c.tmp / "access.log").read_text()
        assert "/_stcore/stream" in log and " 101 " in log  # WebSocket upgrades went through nginx
