"""The upskilling page in a real browser: deep link on a cold server, keyboard, downloads, carry-over."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from icalendar import Calendar
from playwright.sync_api import Locator, Page, expect

TITLE = "How long will upskilling take, and does it pay?"


def metric(page: Page, label: str) -> Locator:
    return page.get_by_test_id("stMetric").filter(has_text=label)


def expect_no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_cold_start_link_then_keyboard_moves_the_competency_date(page: Page, fresh_app_url: str, wait_ready) -> None:
    page.goto(f"{fresh_app_url}/upskilling?weekly=10&start=2027-01-04&cur=EUR")
    wait_ready(page)
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav").get_by_role("link", name="Upskilling plan")).to_be_visible()
    weeks = metric(page, "Weeks to competency")
    # 260 h / 10 h = 26 weeks = 182 days after 4 Jan 2027 = 5 Jul 2027.
    expect(weeks.get_by_test_id("stMetricValue")).to_have_text("26.0 weeks")
    expect(weeks.get_by_test_id("stMetricDelta")).to_have_text("Jul 5, 2027")

    slider = page.locator('input[type="range"][aria-label^="Study hours per week"]')
    expect(slider).to_have_value("10")
    slider.focus()
    page.keyboard.press("ArrowRight")  # step 0.5
    expect(slider).to_have_value("10.5")
    # 260 / 10.5 = 24.76 weeks = 173.3 days -> 173 days after 4 Jan 2027 = 26 Jun 2027.
    expect(weeks.get_by_test_id("stMetricValue")).to_have_text("24.8 weeks")
    expect(weeks.get_by_test_id("stMetricDelta")).to_have_text("Jun 26, 2027")
    expect(page).to_have_url(re.compile(r"/upskilling\?(.*&)?weekly=10\.5(&|$)"))
    expect_no_exception(page)


def test_calendar_and_markdown_downloads(page: Page, app_url: str, wait_ready, tmp_path: Path) -> None:
    page.goto(f"{app_url}/upskilling?weekly=3&goal=Certificate+%28240+h%29&start=2027-01-04")
    wait_ready(page)
    button = page.get_by_role("button", name="Add to calendar (.ics)")
    expect(button).to_be_visible()
    with page.expect_download() as info:
        button.click()
    ics = tmp_path / "plan.ics"
    info.value.save_as(ics)
    assert info.value.suggested_filename == "upskilling-plan.ics"
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    # 3 h/week -> 2 sessions of 90 minutes (Tue, Thu); 240 h / 3 h = 80 weeks; 5 milestones
    # (30-day checkpoint, 25 %, 50 %, competent, role).
    sessions = [e for e in events if str(e["SUMMARY"]) == "Study session"]
    assert [e.decoded("DTSTART") for e in sessions] == [dt.datetime(2027, 1, 5, 19, 0), dt.datetime(2027, 1, 7, 19, 0)]
    assert sessions[0]["RRULE"]["UNTIL"][0].date() == dt.date(2027, 1, 4) + dt.timedelta(weeks=80)
    assert sum(str(e["SUMMARY"]).startswith("Milestone") for e in events) == 5

    with page.expect_download() as info:
        page.get_by_role("button", name="Download the plan (.md)").click()
    md = tmp_path / "plan.md"
    info.value.save_as(md)
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# My upskilling plan") and "| Competent | Jul 17, 2028 |" in text
    assert "start=2027-01-04" in text  # the scenario link
    expect_no_exception(page)


def test_roi_page_hands_its_premium_to_the_planner(page: Page, app_url: str, wait_ready) -> None:
    page.goto(f"{app_url}/roi?brisk=20&crisk=0&cur=GBP")
    wait_ready(page)
    # Links between the calculators open a new tab (a fresh session reads the link as pasted).
    with page.context.expect_page() as opened:
        page.get_by_role("link", name=re.compile("Plan the upskilling for this premium")).click()
    page = opened.value
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    wait_ready(page)
    # 20 % haircut on 500,000, running 50,000: premium 10 % x (400,000 - 50,000) = 35,000.
    page.get_by_role("tab", name="Payoff").click()
    expect(page.get_by_role("textbox", name=re.compile(r"^Salary premium once competent"))).to_have_value("35000")
    expect(page).to_have_url(re.compile(r"premium=35000"))
    expect(page.get_by_role("combobox", name="Currency (ISO 4217 code)")).to_have_value("GBP")
    expect_no_exception(page)
