"""The Compare page in a real browser: a cold-start link with two scenarios, a scenario file
turned into a link (so the page's own link carries it), and a bad file that changes nothing.

Expected NPVs are hand values of the ROI model (tests/hand.py, tests/core/test_roi.py): the defaults
give 582,614.32; the same at 12 %/yr is the same sum at 12 %.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.hand import roi_npv_by_hand
from upskill_roi.present import fmt

TITLE = "Compare scenarios"


def results_cell(page: Page, text: str):
    return page.get_by_test_id("stDataFrame").nth(1).get_by_text(text, exact=True)


def test_cold_start_link_then_a_file_becomes_scenario_b(page: Page, fresh_app_url: str, wait_ready,
                                                        tmp_path: Path, screenshot_dir: Path) -> None:
    page.set_viewport_size({"width": 1280, "height": 1800})
    page.goto(f"{fresh_app_url}/compare?s1=%2Froi")
    wait_ready(page)
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(page.get_by_role("textbox", name="Scenario A: share link")).to_have_value("/roi")
    expect(page.get_by_text("Add a second scenario to see them.")).to_be_visible()

    scenario = tmp_path / "twelve.json"
    scenario.write_text(json.dumps({"app": "Upskill ROI", "format": 1, "page": "roi", "inputs": {"rate": 12}}))
    page.get_by_test_id("stFileUploader").nth(1).locator('input[type="file"]').set_input_files(scenario)
    expect(page.get_by_role("textbox", name="Scenario B: share link")).to_have_value("/roi?v=1&rate=12")
    expect(page).to_have_url(re.compile(r"[?&]s2=%2Froi%3Fv%3D1%26rate%3D12(&|$)"))
    expect(page.get_by_role("heading", name="Implementation value: 2 scenarios")).to_be_visible()
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible()
    # The results table is a canvas grid: its text is read from the CSV it offers instead.
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the results (CSV)").click()
    csv = Path(info.value.path()).read_text()
    a, b = fmt.money(roi_npv_by_hand(), "USD", "en-US"), fmt.money(roi_npv_by_hand(rate=0.12), "USD", "en-US")
    assert a == "$582,614"
    assert f"Net present value,\"{a}\",\"{b}\"" in csv, csv
    page.screenshot(path=screenshot_dir / "compare-file.png", animations="disabled")

    bad = tmp_path / "bad.json"
    bad.write_text('{"app": "Upskill ROI", "format": 1, "page": "roi", "inputs": {"rate": 99}}')
    page.get_by_test_id("stFileUploader").nth(2).locator('input[type="file"]').set_input_files(bad)
    expect(page.get_by_text("was not loaded")).to_be_visible()
    expect(page.get_by_text("accepted: 0 to 30")).to_be_visible()
    expect(page.get_by_role("textbox", name="Scenario C: share link")).to_have_value("")
    expect(page.get_by_role("heading", name="Implementation value: 2 scenarios")).to_be_visible()


def test_opening_a_compared_scenario_replaces_the_edited_table(page: Page, app_url: str, wait_ready) -> None:
    """In one session: a business case with its own TEI table, then Compare -> "Open scenario A"
    with a link that has no table: the page shows the example table again, not the old one."""
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.goto(f"{app_url}/business_case?tei=B~Mine~0_1000&tei=C~X~500&brisk=0&crisk=0")
    wait_ready(page)
    npv = page.get_by_test_id("stMetric").filter(has_text="Risk-adjusted NPV").get_by_test_id("stMetricValue")
    # 1,000 a year for 3 years at 10 % (x 2.486852) less 500 today = 1,986.85.
    expect(npv).to_have_text("$2K")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Compare scenarios").click()
    wait_ready(page)
    field = page.get_by_role("textbox", name="Scenario A: share link")
    field.fill("/business_case?team=20")
    field.press("Enter")
    link = page.get_by_role("link", name="Open scenario A")
    expect(link).to_be_visible()
    link.click()
    wait_ready(page)
    expect(page.get_by_role("heading", level=1, name="The manager's business case")).to_be_visible()
    expect(page.get_by_role("spinbutton", name="Team size (persons)")).to_have_value("20")
    # The example table (hand value in tests/inputs/test_scenario.py): 675,030 -> "$675K".
    expect(npv).to_have_text("$675K")


def test_names_travel_in_the_link_and_stay_plain_text(page: Page, app_url: str, wait_ready, tmp_path: Path,
                                                      screenshot_dir: Path) -> None:
    """Names from the page's link (n1..n3) head the tables, the chart and the CSV files; a typed name
    is written into the link; a name that looks like a formula does not start one in the CSV; the
    uploaders say the real limit (64 KB) and not Streamlit's "1MB per file"."""
    page.set_viewport_size({"width": 1440, "height": 2000})
    page.goto(f"{app_url}/compare?s1=%2Froi&s2=%2Froi%3Frate%3D12&n1=%3Cb%3EPilot%3C%2Fb%3E")
    wait_ready(page)
    expect(page.get_by_role("textbox", name="Name of scenario A")).to_have_value("<b>Pilot</b>")
    expect(page.get_by_role("textbox", name="Name of scenario B")).to_have_value("B")
    expect(page.get_by_role("heading", name="Implementation value: 2 scenarios")).to_be_visible()

    name_b = page.get_by_role("textbox", name="Name of scenario B")
    name_b.fill('=HYPERLINK("http://e.x")')
    name_b.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]n2=%3DHYPERLINK%28%22http%3A%2F%2Fe\.x%22%29(&|$)"))
    expect(page.get_by_role("link", name='Open scenario =HYPERLINK("http://e.x")')).to_be_visible()
    # The chart's category labels are the names as typed (no bold from "<b>").
    ticks = page.locator('[data-testid="stPlotlyChart"] .xtick text')
    expect(ticks.first).to_have_text("<b>Pilot</b>")
    expect(page.locator('[data-testid="stPlotlyChart"] .xtick text b')).to_have_count(0)

    with page.expect_download() as info:
        page.get_by_role("button", name="Download the results (CSV)").click()
    rows = list(csv.reader(Path(info.value.path()).read_text().splitlines()))
    assert rows[0] == ["Result", "<b>Pilot</b>", "'=HYPERLINK(\"http://e.x\")"]
    a, b = fmt.money(roi_npv_by_hand(), "USD", "en-US"), fmt.money(roi_npv_by_hand(rate=0.12), "USD", "en-US")
    assert ["Net present value", a, b] in rows

    # The uploaders: the real limit in the label, Streamlit's server-wide "1MB per file" hidden.
    uploader = page.get_by_test_id("stFileUploader").first
    expect(uploader.get_by_text("…or a scenario file for A (JSON, at most 64 KB)")).to_be_visible()
    expect(uploader.get_by_role("button", name="Upload", exact=True)).to_be_visible()
    expect(uploader.get_by_test_id("stFileUploaderDropzoneInstructions")).to_be_hidden()
    expect(page.get_by_text("1MB per file")).to_have_count(3)  # still in the page, for Streamlit
    for n in range(3):
        expect(page.get_by_text("1MB per file").nth(n)).to_be_hidden()
    page.screenshot(path=screenshot_dir / "compare-names.png", animations="disabled")


def test_a_slot_too_long_for_the_address_leaves_it(page: Page, app_url: str, wait_ready) -> None:
    """A link whose slot would take more than 21,000 characters of this page's address (2,400 x "€",
    9 each) is not used and is taken out of the address, and stays out when the page runs again;
    the address stays within what the proxy accepts."""
    from urllib.parse import quote

    slot = "/roi?z=" + "€" * 2_400
    page.goto(f"{app_url}/compare?s1={quote(slot, safe='')}&s2=%2Froi")
    wait_ready(page)
    expect(page.get_by_text("takes more than 21,000 in this page's address", exact=False)).to_be_visible()
    expect(page.get_by_role("textbox", name="Scenario A: share link")).to_have_value("")
    expect(page).not_to_have_url(re.compile(r"[?&]s1="))
    name = page.get_by_role("textbox", name="Name of scenario B")
    name.fill("Second")
    name.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]n2=Second"))
    expect(page.get_by_role("textbox", name="Scenario A: share link")).to_have_value("")
    expect(page).not_to_have_url(re.compile(r"[?&]s1="))
    assert len(page.url) < 65_536
