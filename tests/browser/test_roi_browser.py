"""The ROI page in a real browser: links in, URL out, downloads, navigation and screenshots.

Expected numbers are hand values (tests/hand.py, or the arithmetic stated next to them), formatted with
:func:`upskill_roi.present.fmt.money` for the browser's locale (en-US), never from what the browser happens
to show. The tests compare a hand value with :mod:`upskill_roi.core.roi` before the browser is asked anything,
but only as a sanity check of the hand value: the core never supplies an expectation.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.hand import roi_npv_by_hand
from upskill_roi.core.roi import ImplementationInputs, evaluate
from upskill_roi.present import fmt

LOCALE = "en-US"
DECLARED_PAGES = ["Start here", "Career check-up", "Am I at risk?", "Implementation value", "Upskilling plan",
                  "Business case", "Compare scenarios", "Methodology & sources"]
# Streamlit's auto-generated menu (one entry per file):
LEGACY_ENTRIES = ["app", "roi", "home", "upskilling", "risk", "business_case", "compare", "checkup"]
WARNING_TITLE = "Some values in the link could not be used."

# Defaults (ImplementationInputs()): savings 500,000/yr, implementation 100,000 at month 0,
# running 50,000/yr, 3-month ramp, 3 years at 10 %, 10 % risk adjustments, a 70 % chance of
# production; every month discounted from when it falls (tests/hand.py writes it out): 582,614.32.
DEFAULT_NPV_BY_HAND = roi_npv_by_hand()
# One more year (horizon 4): the same sum over 48 months.
HORIZON4_NPV_BY_HAND = roi_npv_by_hand(years=4)


# --- locators ----------------------------------------------------------------------------
def metric_value(page: Page, label: str) -> Locator:
    """The value of the st.metric labelled ``label``."""
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def nav_labels(page: Page) -> Locator:
    """The text labels of the sidebar navigation links (without their icons)."""
    return page.get_by_test_id("stSidebarNav").get_by_test_id("stSidebarNavLink").get_by_test_id(
        "stMarkdownContainer"
    )


def nav_link(page: Page, label: str) -> Locator:
    return page.get_by_test_id("stSidebarNav").get_by_role("link", name=label)


def slider(page: Page, label: str) -> Locator:
    """A Streamlit slider: a hidden ``<input type=range>`` whose aria-label is the widget label."""
    return page.locator(f'input[type="range"][aria-label^="{label}"]')


def currency_select(page: Page) -> Locator:
    return page.get_by_role("combobox", name="Currency (ISO 4217 code)")


def heading(page: Page, text: str) -> Locator:
    return page.get_by_role("heading", level=1, name=text)


def expect_no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)


# --- tests -------------------------------------------------------------------------------
def test_cold_start_deep_link(page: Page, fresh_app_url: str, wait_ready) -> None:
    """The first visit to a freshly started server is a share link: declared menu, values from the link."""
    page.goto(f"{fresh_app_url}/roi?savings=600000&rate=12&horizon=5&cur=EUR")
    wait_ready(page)

    expect(heading(page, "What is my implementation worth?")).to_be_visible()
    # Exactly the declared pages, in order -- not Streamlit's legacy one-entry-per-file menu.
    expect(nav_labels(page)).to_have_text(DECLARED_PAGES)
    for legacy in LEGACY_ENTRIES:
        expect(nav_labels(page).filter(has_text=re.compile(rf"^{legacy}$"))).to_have_count(0)

    expect(page.get_by_role("textbox", name=re.compile(r"^Annual savings"))).to_have_value("600000")
    expect(slider(page, "Discount rate")).to_have_value("12")
    expect(slider(page, "Horizon")).to_have_value("5")
    expect(currency_select(page)).to_have_value("EUR")

    # By hand (tests/hand.py): 600,000 a year at 12 % over 5 years, the other inputs at their defaults.
    by_hand = roi_npv_by_hand(savings=600_000, rate=0.12, years=5)
    assert by_hand == pytest.approx(evaluate(ImplementationInputs(annual_savings=600_000, discount_rate=0.12,
                                                                  horizon_years=5)).npv)
    expect(metric_value(page, "Net present value")).to_have_text(fmt.money(by_hand, "EUR", LOCALE))
    expect(metric_value(page, "Annual savings")).to_have_text(fmt.money(540_000, "EUR", LOCALE))  # less 10 %

    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.get_by_text(WARNING_TITLE)).to_have_count(0)
    expect_no_exception(page)


def test_keyboard_moves_slider_and_rewrites_url(page: Page, app_url: str, wait_ready) -> None:
    """ArrowRight on the focused Horizon slider: 3 -> 4 years, in the widget, the URL and the NPV."""
    # The hand value and the model must agree before the browser is asked anything.
    assert fmt.money(HORIZON4_NPV_BY_HAND, "USD", LOCALE) == fmt.money(
        evaluate(ImplementationInputs(horizon_years=4)).npv, "USD", LOCALE
    )
    page.goto(f"{app_url}/roi")
    wait_ready(page)
    expect(metric_value(page, "Net present value")).to_have_text(fmt.money(DEFAULT_NPV_BY_HAND, "USD", LOCALE))

    tab = page.get_by_role("tab", name="Assumptions")
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")
    horizon = slider(page, "Horizon (years)")
    expect(horizon).to_have_value("3")
    horizon.focus()
    page.keyboard.press("ArrowRight")

    expect(horizon).to_have_value("4")
    expect(page).to_have_url(re.compile(r"/roi\?(.*&)?horizon=4(&|$)"))
    expect(metric_value(page, "Net present value")).to_have_text(fmt.money(HORIZON4_NPV_BY_HAND, "USD", LOCALE))
    expect_no_exception(page)


def test_csv_download(page: Page, app_url: str, wait_ready, tmp_path: Path) -> None:
    """The cash-flow table downloads as CSV with one row per period of the horizon in the link."""
    page.goto(f"{app_url}/roi?horizon=2")
    wait_ready(page)
    expect(slider(page, "Horizon")).to_have_value("2")
    button = page.get_by_role("button", name="Download the table (CSV)")
    expect(button).to_be_visible()

    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "implementation-cashflows.csv"
    target = tmp_path / download.suggested_filename
    download.save_as(target)

    with open(target, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, r, strict=True)) for r in reader]
    assert header == ["Period", "Benefits (USD)", "Costs (USD)", "Net (USD)", "Cumulative net (USD)",
                      "PV of net (USD)"]
    rows = [{k.replace(" (USD)", ""): v for k, v in r.items()} for r in rows]
    assert [r["Period"] for r in rows] == ["Initial", "Year 1", "Year 2"]
    # By hand: the implementation cost (100,000, + 10 % cost risk) is the only flow at month 0; the
    # 3-month ramp ends in Year 1, so Year 2 carries the full 500,000 of savings x 90 % x the 70 %
    # chance of production.
    assert float(rows[0]["Net"]) == pytest.approx(-110_000)
    assert float(rows[2]["Benefits"]) == pytest.approx(500_000 * 0.9 * 0.7)
    # Year 2's PV discounts each of its months: its net 0.7 x (450,000 - 55,000) / 12 a month x
    # sum of 1.1^(-m/12), m = 13 .. 24; the years' PVs add up to the 2-year NPV (tests/hand.py).
    monthly = 0.7 * (450_000 - 55_000) / 12
    assert float(rows[2]["PV of net"]) == pytest.approx(monthly * sum(1.1 ** (-m / 12) for m in range(13, 25)),
                                                        abs=0.01)
    assert sum(float(r["PV of net"]) for r in rows) == pytest.approx(roi_npv_by_hand(years=2), abs=0.05)
    expect_no_exception(page)


def test_workbook_download_carries_the_link_s_scenario(page: Page, app_url: str, wait_ready, tmp_path: Path) -> None:
    """The Excel workbook is made when clicked, for the scenario on the page: its Summary shows the
    page's NPV (hand value) and its Inputs sheet marks the link's rate as the user's. (Its formulas are
    recalculated by LibreOffice in tests/documents/test_workbook.py.)"""
    import openpyxl

    from tests.browser.downloads import download

    page.goto(f"{app_url}/roi?rate=12")
    wait_ready(page)
    npv = fmt.money(roi_npv_by_hand(rate=0.12), "USD", LOCALE)
    expect(metric_value(page, "Net present value")).to_have_text(npv)
    target = download(page, "Download the workbook (Excel, live formulas)", tmp_path)
    assert target.name == "implementation-value.xlsx"
    wb = openpyxl.load_workbook(target, data_only=True)
    assert wb.sheetnames == ["Summary", "Inputs", "Monthly cash flows", "Checks", "Ranges"]
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=4, values_only=True) if r[0]}
    assert summary["Net present value"] == pytest.approx(roi_npv_by_hand(rate=0.12), abs=0.01)
    inputs = {r[0]: (r[1], r[3]) for r in wb["Inputs"].iter_rows(min_row=4, values_only=True) if r[0]}
    assert inputs["Discount rate"] == (pytest.approx(0.12), "your input")
    assert inputs["One-time implementation cost"] == (100_000, "assumed")
    expect_no_exception(page)


def test_bad_link_values_are_named(page: Page, app_url: str, wait_ready) -> None:
    """Invalid link values: one warning naming each parameter and its range; defaults used."""
    page.goto(f"{app_url}/roi?rate=abc&horizon=99")
    wait_ready(page)

    warning = page.get_by_test_id("stAlert").filter(has_text=WARNING_TITLE)
    expect(warning).to_have_count(1)
    for text in ("rate", "horizon", "0 to 30", "1 to 10"):
        expect(warning).to_contain_text(text)
    expect(warning.locator("code", has_text=re.compile(r"^rate$"))).to_have_count(1)
    expect(warning.locator("code", has_text=re.compile(r"^horizon$"))).to_have_count(1)

    assert (fmt.money(DEFAULT_NPV_BY_HAND, "USD", LOCALE)
            == fmt.money(evaluate(ImplementationInputs()).npv, "USD", LOCALE))
    expect(metric_value(page, "Net present value")).to_have_text(fmt.money(DEFAULT_NPV_BY_HAND, "USD", LOCALE))
    expect(page.get_by_test_id("stMetric")).to_have_count(8)
    expect(slider(page, "Horizon")).to_have_value("3")
    expect(slider(page, "Discount rate")).to_have_value("10")
    expect_no_exception(page)


def test_link_warning_belongs_to_its_visit(page: Page, app_url: str, wait_ready) -> None:
    """The warning about a bad link value is gone after leaving the page and coming back."""
    page.goto(f"{app_url}/roi?rate=abc")
    wait_ready(page)
    warning = page.get_by_test_id("stAlert").filter(has_text=WARNING_TITLE)
    expect(warning).to_have_count(1)
    nav_link(page, "Methodology & sources").click()
    expect(heading(page, "Methodology & sources")).to_be_visible()
    nav_link(page, "Implementation value").click()
    expect(heading(page, "What is my implementation worth?")).to_be_visible()
    expect(metric_value(page, "Net present value")).to_have_text(fmt.money(DEFAULT_NPV_BY_HAND, "USD", LOCALE))
    expect(warning).to_have_count(0)
    expect_no_exception(page)


def test_share_link_carries_link_values(page: Page, app_url: str, wait_ready) -> None:
    """The "Share this scenario" block shows a link to this page with the value from the link."""
    page.goto(f"{app_url}/roi?savings=600000")
    wait_ready(page)
    expect(page.get_by_role("heading", name="Share this scenario")).to_be_visible()
    code = page.get_by_test_id("stCode")
    expect(code).to_contain_text("savings=600000")
    expect(code).to_contain_text(re.compile(rf"{re.escape(app_url)}/roi\?(\S*&)?savings=600000(&|\s|$)"))
    expect_no_exception(page)


def test_currency_travels_between_pages(page: Page, app_url: str, wait_ready) -> None:
    """The shared currency survives sidebar navigation away from the ROI page and back."""
    page.goto(f"{app_url}/roi?cur=EUR")
    wait_ready(page)
    default_npv_eur = fmt.money(DEFAULT_NPV_BY_HAND, "EUR", LOCALE)
    expect(metric_value(page, "Net present value")).to_have_text(default_npv_eur)

    nav_link(page, "Methodology & sources").click()
    expect(heading(page, "Methodology & sources")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/methodology\?(.*&)?cur=EUR(&|$)"))
    expect(currency_select(page)).to_have_value("EUR")
    wait_ready(page)

    nav_link(page, "Implementation value").click()
    expect(heading(page, "What is my implementation worth?")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/roi\?(.*&)?cur=EUR(&|$)"))
    expect(currency_select(page)).to_have_value("EUR")
    expect(metric_value(page, "Net present value")).to_have_text(default_npv_eur)
    expect(metric_value(page, "Annual savings")).to_contain_text("€")
    expect_no_exception(page)


SCREENSHOT_PAGES = [
    # (file name, path, h1 text, a CSS/test-id locator that shows the page's content has drawn)
    ("home", "/", "Upskill ROI", "stPageLink"),
    ("checkup", "/checkup?start=2027-01-04", "Your AI career check-up", "stMetric"),
    ("risk", "/risk", "Am I at risk?", "stPlotlyChart"),
    ("roi", "/roi", "What is my implementation worth?", "stPlotlyChart"),
    ("upskilling", "/upskilling?start=2027-01-04", "How long will upskilling take, and does it pay?", "stPlotlyChart"),
    ("business_case", "/business_case", "The manager's business case", "stPlotlyChart"),
    ("compare", "/compare?s1=%2Froi&s2=%2Froi%3Fsavings%3D300000%26impl%3D150000&s3=%2Froi%3Frate%3D12",
     "Compare scenarios", "stPlotlyChart"),
    ("methodology", "/methodology", "Methodology & sources", "stDataFrame"),
]


@pytest.mark.parametrize(("name", "path", "title", "content"), SCREENSHOT_PAGES, ids=[p[0] for p in SCREENSHOT_PAGES])
def test_screenshots(
    page: Page, app_url: str, wait_ready, screenshot_dir: Path, name: str, path: str, title: str, content: str
) -> None:
    """A 1280x900 screenshot and a tall one (1280x2600) of each page, once it has fully drawn."""
    page.goto(f"{app_url}{path}")
    wait_ready(page)

    def drawn() -> None:
        expect(heading(page, title)).to_be_visible()
        expect(page.get_by_test_id(content).first).to_be_visible()
        if name == "roi":
            expect(page.get_by_test_id("stPlotlyChart")).to_have_count(3)
            expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible()
            expect(metric_value(page, "Net present value")).to_have_text(fmt.money(DEFAULT_NPV_BY_HAND, "USD", LOCALE))
        expect_no_exception(page)

    drawn()
    shot = screenshot_dir / f"{name}.png"
    page.screenshot(path=shot, animations="disabled")

    # Streamlit scrolls an inner element, so full_page only captures the viewport: make it tall.
    page.set_viewport_size({"width": 1280, "height": 2600})
    wait_ready(page)
    drawn()
    page.wait_for_timeout(500)  # let charts finish re-laying out to the new size (image only)
    tall = screenshot_dir / f"{name}-full.png"
    page.screenshot(path=tall, full_page=True, animations="disabled")

    for f in (shot, tall):
        assert f.stat().st_size > 10_000, f"{f} looks empty"


def test_no_request_leaves_localhost(page: Page, app_url: str, wait_ready) -> None:
    """Every request the pages make goes to the app's own server (no CDN, fonts or analytics)."""
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    for path, title in [("/", "Upskill ROI"), ("/roi?cur=EUR", "What is my implementation worth?"),
                        ("/checkup?step=2.+Implementation", "Your AI career check-up"),
                        ("/upskilling", "How long will upskilling take, and does it pay?"),
                        ("/risk", "Am I at risk?"),
                        ("/business_case", "The manager's business case"),
                        ("/compare?s1=%2Froi&s2=%2Froi%3Frate%3D12", "Compare scenarios"),
                        ("/methodology", "Methodology & sources")]:
        page.goto(f"{app_url}{path}")
        wait_ready(page)
        expect(heading(page, title)).to_be_visible()
        if path.startswith(("/roi", "/upskilling", "/risk", "/business_case", "/compare", "/checkup")):
            expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible()
        page.wait_for_timeout(1000)  # late requests (favicon, fonts, icons)
    outside = [u for u in requests if not (u.startswith(app_url) or u.startswith(("data:", "blob:")))]
    assert requests, "no requests were recorded at all"
    assert outside == [], f"requests left localhost: {outside}"


def test_numbers_follow_the_browser_locale(browser, app_url: str, wait_ready) -> None:
    """A German browser sees German number formatting (CLDR de-DE), also in the charts."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{app_url}/roi?cur=EUR")
        wait_ready(page)
        # 582,614.32 by hand (see DEFAULT_NPV_BY_HAND), written the German way; payback 5.91 months;
        # ROI = NPV / PV(costs) = 277 %.
        expect(metric_value(page, "Net present value")).to_have_text("582.614\xa0€")
        expect(metric_value(page, "Payback")).to_have_text("5,9 months")
        expect(metric_value(page, "ROI")).to_have_text("277\xa0%")
        expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible()
        expect_no_exception(page)
    finally:
        context.close()


def test_ranges_appear_beside_the_show_choice(page: Page, app_url: str, wait_ready, screenshot_dir: Path) -> None:
    """On a 1440x900 laptop window, choosing Show: Ranges draws the simulated results at the top of
    the results column, in view beside the choice: no scrolling to find them (they used to start
    below both columns, about 1,100 px under the choice)."""
    height = 900
    page.set_viewport_size({"width": 1440, "height": height})
    page.goto(f"{app_url}/roi")
    wait_ready(page)
    show = page.get_by_test_id("stRadio").filter(has_text="Point estimate")
    expect(show).to_be_in_viewport()
    p10 = page.get_by_test_id("stMetric").filter(has_text="NPV, P10")
    expect(p10).to_have_count(0)

    show.get_by_text("Ranges", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]view=Ranges(&|$)"))
    expect(p10).to_be_visible()
    page.wait_for_timeout(500)  # let the columns settle (positions only)

    def box(locator: Locator) -> dict:
        b = locator.bounding_box()
        assert b is not None
        return b

    choice = box(show)
    assert 0 <= choice["y"] and choice["y"] + choice["height"] <= height  # the choice did not move away
    for item in (page.get_by_role("heading", name="Ranges", exact=True), p10,
                 page.get_by_test_id("stMetric").filter(has_text="Chance the NPV is positive")):
        b = box(item)
        assert 0 <= b["y"] and b["y"] + b["height"] <= height, (item, b)
        assert abs(b["y"] - choice["y"]) < 200  # beside the choice, not far below it
    # The point estimate's own results follow, under the heading that names them.
    assert box(page.get_by_role("heading", name="Point estimate", exact=True))["y"] > box(p10)["y"]
    page.screenshot(path=screenshot_dir / "roi-ranges.png", animations="disabled")
    expect_no_exception(page)


def test_brief_pdf_download_is_two_pages_and_an_appendix(page: Page, app_url: str, wait_ready, tmp_path: Path) -> None:
    """The PDF brief is made when clicked, for the link's scenario: three pages (two of summary, the
    appendix), the page's NPV by hand on the first (read back by poppler's pdftotext)."""
    from tests.browser.downloads import download, pdf_pages

    page.goto(f"{app_url}/roi?rate=12")
    wait_ready(page)
    expect(metric_value(page, "Net present value")).to_have_text(fmt.money(roi_npv_by_hand(rate=0.12), "USD", LOCALE))
    path = download(page, "Download the brief (PDF)", tmp_path)
    assert path.name == "implementation-value-brief.pdf"
    pages = pdf_pages(path)
    assert len(pages) == 3
    assert "$563,963" in pages[0] and "your input" in pages[0] and "rate=12" in pages[2]
    expect_no_exception(page)
