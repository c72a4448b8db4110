"""The career check-up in a real browser: a newcomer's walk from a home-page persona card through
the five steps to the summary exports, the journey link reopened on a freshly started server,
and a sidebar persona button that loads one coherent scenario on every page of a session.

Expected values come from hand calculations (stated next to each assertion) or from the
personas data file (``upskill_roi/data/personas.json``), never from the value under test.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import quote_plus

from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.downloads import download, open_offline

REPO_ROOT = Path(__file__).resolve().parents[2]
PERSONAS = {p["id"]: p for p in json.loads((REPO_ROOT / "upskill_roi" / "data" / "personas.json")
                                            .read_text(encoding="utf-8"))["personas"]}
ANALYST = PERSONAS["compliance-analyst"]
NURSE = PERSONAS["icu-nurse"]
JUNIOR = PERSONAS["junior-data-analyst"]

TITLE = "Your AI career check-up"
STEPS = ("1. Risk", "2. Implementation", "3. Upskilling", "4. Stay or move", "5. Summary")
QUESTION = "What specific problem in your industry can you solve better and faster using AI than anyone else?"
PATHS = ("Stay and upskill", "Move now", "Stay without upskilling")
TALL = {"width": 1280, "height": 1400}


# --- helpers -----------------------------------------------------------------------------
def metric(page: Page, label: str) -> Locator:
    """The st.metric whose label is exactly ``label``."""
    label_el = page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    return page.get_by_test_id("stMetric").filter(has=label_el)


def metric_value(page: Page, label: str) -> Locator:
    return metric(page, label).get_by_test_id("stMetricValue")


def expect_no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)


def expect_step(page: Page, step: str) -> None:
    """``step`` is the selected tab, and the only one."""
    expect(page.get_by_role("tab", name=step, exact=True)).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tab", selected=True)).to_have_count(1)


def url_step(step: str) -> re.Pattern[str]:
    """The address bar carries ``step=<step>`` (spaces written ``+`` or ``%20``)."""
    number, words = step.split(". ", 1)
    words = r"(\+|%20)".join(re.escape(w) for w in words.split(" "))
    return re.compile(rf"[?&]step={re.escape(number)}\.(\+|%20){words}(&|$)")


def next_step(page: Page, wait_ready, step: str) -> None:
    """Click the primary "Next: <step>" button of the current tab; ``step`` becomes the tab shown."""
    button = page.get_by_role("button", name=f"Next: {step}")
    expect(button).to_have_count(1)  # hidden tabs' buttons are not in the accessibility tree
    button.click()
    wait_ready(page)
    expect_step(page, step)
    expect(page).to_have_url(url_step(step))


def open_persona_from_home(page: Page, base_url: str, wait_ready, persona: dict) -> None:
    """Home page -> the persona's card -> "Check-up as this persona"."""
    page.goto(f"{base_url}/")
    wait_ready(page)
    expect(page.get_by_role("heading", name="Example personas")).to_be_visible()
    # Wait until every card is drawn: while the page is still drawing, the innermost block holding a name
    # and a link can be another card's (seen on a cold start: the click opened the supervisor's check-up).
    expect(page.get_by_role("link", name="Check-up as this persona")).to_have_count(len(PERSONAS))
    name = page.get_by_text(persona["name"], exact=True)
    card = page.get_by_test_id("stVerticalBlock").filter(has=name).filter(
        has=page.get_by_role("link", name="Check-up as this persona"))
    link = card.last.get_by_role("link", name="Check-up as this persona")  # .last: the innermost block
    expect(link).to_have_count(1)
    occ = re.escape(quote_plus(persona["inputs"]["occ"]))
    expect(link).to_have_attribute("href", re.compile(r"^checkup\?(v=1&)?occ=" + occ))  # the link format may lead
    link.click()
    wait_ready(page)
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/checkup\?(.*&)?occ=" + re.escape(quote_plus(persona["inputs"]["occ"]))))
    expect_step(page, STEPS[0])


def top(page: Page) -> None:
    """Scroll the page's own scroller (not the window) to the top before a screenshot."""
    page.get_by_role("heading", level=1, name=TITLE).scroll_into_view_if_needed()


def pdf_pages(data: bytes) -> int:
    """Page objects in a PDF (``/Type /Page``, not the ``/Type /Pages`` tree nodes)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


# --- 1. a newcomer's walk through the five steps -------------------------------------------
def test_newcomer_walks_the_checkup_from_a_persona_card(page: Page, fresh_app_url: str, wait_ready,
                                                         tmp_path: Path, screenshot_dir: Path) -> None:
    page.set_viewport_size(TALL)
    open_persona_from_home(page, fresh_app_url, wait_ready, ANALYST)  # cold start: a new server

    # Step 1. By hand: 12 h rules-based + 8 h repetitive + 8 h pattern-matching = 28 of 40 h = 70 %,
    # more than the default threshold of 60 % -> at risk.
    expect(metric_value(page, "Automatable share")).to_have_text("70%")
    expect(metric_value(page, "Against your threshold")).to_have_text("At risk")
    expect(page.get_by_test_id("stAlert").filter(has_text="Your profile resembles: Routine decision-support")
           ).to_be_visible()
    expect_no_exception(page)
    top(page)
    page.screenshot(path=screenshot_dir / "checkup-1-risk.png", animations="disabled")

    # Step 2. By hand: 10 % value-capture share (default) x the $500K savings (persona) less the 10 % risk
    # adjustment and the 50K x 1.1 running cost: 10 % x (450,000 - 55,000) = $39.5K.
    next_step(page, wait_ready, STEPS[1])
    expect(metric_value(page, "Justified premium")).to_be_visible()
    expect(metric_value(page, "Justified premium")).to_have_text("$39.5K")
    expect_no_exception(page)
    top(page)
    page.screenshot(path=screenshot_dir / "checkup-2-implementation.png", animations="disabled")

    # Step 3. By hand: the "Six months (260 h)" target at 10 h/week, 100 % consistency, nothing done yet = 26 weeks.
    next_step(page, wait_ready, STEPS[2])
    competent = metric(page, "Weeks to competency")
    expect(competent).to_be_visible()
    expect(competent.get_by_test_id("stMetricValue")).to_have_text("26.0 weeks")
    expect_no_exception(page)
    top(page)
    page.screenshot(path=screenshot_dir / "checkup-3-upskilling.png", animations="disabled")

    # Step 4. The three paths (the table is a canvas grid: its rows are read from the CSV it offers), and the
    # guidance's rule of thumb for a role at risk (step 1: 70 % > 60 %).
    next_step(page, wait_ready, STEPS[3])
    expect(page.get_by_test_id("stDataFrame").filter(visible=True)).to_have_count(1)
    paths_csv = download(page, "Download the paths (CSV)", tmp_path)
    rows = list(csv.DictReader(io.StringIO(paths_csv.read_text(encoding="utf-8"))))
    assert [r["Path"] for r in rows] == list(PATHS), rows
    expect(page.get_by_test_id("stAlert").filter(has_text="High-risk role")).to_be_visible()
    expect(page.get_by_test_id("stAlert").filter(has_text="Secure role")).to_have_count(0)
    # The numbers favour upskilling in place: the page says why, naming the inputs that decide it.
    expect(page.get_by_text(re.compile(r"Why they differ: Your numbers favour Stay and upskill, not the guidance's "
                                       r"Move now"))).to_be_visible()
    expect_no_exception(page)
    top(page)
    page.screenshot(path=screenshot_dir / "checkup-4-stay-or-move.png", animations="disabled")

    # Step 5. The persona's answer (data file) is in the answer box; the summary names the occupation.
    next_step(page, wait_ready, STEPS[4])
    expect(page.get_by_role("textbox", name=QUESTION)).to_have_value(ANALYST["answer"])
    table = page.get_by_test_id("stTable")
    expect(table).to_have_count(1)
    expect(table).to_be_visible()
    expect(table).to_contain_text(ANALYST["inputs"]["occ"])  # "13-2051 Financial and Investment Analysts"
    assert ANALYST["inputs"]["occ"] == "13-2051 Financial and Investment Analysts"
    expect(table).to_contain_text("70%")
    expect(page.get_by_text("The next 30 days", exact=True)).to_be_visible()
    expect_no_exception(page)
    top(page)
    page.screenshot(path=screenshot_dir / "checkup-5-summary.png", animations="disabled")

    # The one-page HTML summary: offline, no script, the answer and the share, one printed A4 page.
    html = download(page, "Summary (HTML, one page)", tmp_path)
    assert html.name == "my-ai-career-check-up.html"
    doc, blocked, seen = open_offline(page.context, html)
    expect(doc.get_by_text(ANALYST["answer"], exact=False).first).to_be_visible()
    expect(doc.locator("body")).to_contain_text("70%")
    expect(doc.locator("script")).to_have_count(0)
    doc.wait_for_timeout(300)  # late requests (fonts, favicons) would show up here
    assert blocked == [], f"the summary tried to reach the network: {blocked}"
    outside = [u for u in seen if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert outside == [], f"the summary made requests outside the file: {outside}"
    doc.emulate_media(media="print")
    pdf = tmp_path / "my-ai-career-check-up.pdf"
    doc.pdf(path=pdf, format="A4", print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert pdf_pages(data) == 1, f"the summary should print on one A4 page, it printed on {pdf_pages(data)}"
    doc.close()

    md = download(page, "Summary (Markdown)", tmp_path).read_text(encoding="utf-8")
    assert md.startswith("# My AI career check-up\n")
    assert ANALYST["answer"] in md
    expect_no_exception(page)


# --- 2. the journey link reopens the same check-up on a fresh server -------------------------------
def test_journey_link_reopens_the_same_summary_on_a_fresh_server(
    page: Page, app_url: str, fresh_app_url: str, wait_ready, browser: Browser, browser_context_args: dict
) -> None:
    page.set_viewport_size(TALL)
    open_persona_from_home(page, app_url, wait_ready, NURSE)
    assert NURSE["inputs"]["running"] == 30000 and "move_pay" not in NURSE["inputs"]

    # Step 2: the running cost 30,000 (persona) -> 45,000.
    next_step(page, wait_ready, STEPS[1])
    running = page.get_by_role("textbox", name="Annual running cost (USD/yr)")
    expect(running).to_have_value("30000")
    running.fill("45000")
    running.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]running=45000(\.0+)?(&|$)"))

    # Step 4: the pay change on moving 10 % (default) -> 11 % with the keyboard.
    next_step(page, wait_ready, STEPS[2])
    next_step(page, wait_ready, STEPS[3])
    pay = page.locator('input[type="range"][aria-label="Pay change on moving (%)"]')
    expect(pay).to_have_value("10")
    pay.focus()
    page.keyboard.press("ArrowRight")
    expect(pay).to_have_value("11")
    expect(page).to_have_url(re.compile(r"[?&]move_pay=11(&|$)"))

    next_step(page, wait_ready, STEPS[4])
    share = page.get_by_test_id("stCode")
    expect(share).to_have_count(1)
    for part in (r"running=45000", r"move_pay=11", r"step=5\.(\+|%20)Summary", r"answer=Cut\+ICU"):
        expect(share).to_contain_text(re.compile(rf"[?&]{part}"))
    link = share.inner_text().strip()
    assert link.startswith(f"{app_url}/checkup?"), link
    table = page.get_by_test_id("stTable")
    expect(table).to_contain_text(NURSE["inputs"]["occ"])
    summary, summary_text = table.inner_text(), table.text_content()
    assert "30%" in summary  # by hand: 8 h rules-based + 4 h repetitive = 12 of 40 h
    # By hand, from the persona's drivers (data file) and the ROI defaults (50 % recaptured, 10 % risk
    # adjustments, 10 % value-capture share): savings 1.5 h x 60 nurses x $80 x 48 weeks x 0.5 x 0.9 =
    # $155,520 a year; the premium 10 % x (155,520 - 1.1 x 45,000 running) = $10,602 a year, below the
    # 56 % cap ($52,416 of $93,600) and the employer's limit NPV / (p x A) = about $50,265 (tests/hand.py).
    assert [NURSE["inputs"][k] for k in ("mode", "hours", "people", "hourly", "weeks")] == ["Drivers", 1.5, 60, 80, 48]
    assert round(1.5 * 60 * 80 * 48 * 0.5 * 0.9, 6) == 155_520
    assert round(0.10 * (155_520 - 1.1 * 45_000), 6) == 10_602
    hand_values = ("$155,520", "$10,602 a year")
    for value in hand_values:
        expect(table).to_contain_text(value)

    # The link, on a server that has just started, in a browser context with nothing stored.
    context = browser.new_context(**browser_context_args)
    try:
        other = context.new_page()
        other.set_default_timeout(20_000)
        other.set_viewport_size(TALL)
        other.goto(fresh_app_url + link[len(app_url):])
        wait_ready(other)
        expect(other.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
        expect_step(other, STEPS[4])
        reopened = other.get_by_test_id("stTable")
        expect(reopened).to_have_text(summary_text)  # auto-retrying (whitespace-normalised) ...
        assert reopened.inner_text() == summary  # ... then exact, as rendered
        for value in ("30%", *hand_values):  # the hand values, not only the first page's text
            expect(reopened).to_contain_text(value)
        expect(other.get_by_role("textbox", name=QUESTION)).to_have_value(NURSE["answer"])
        expect(other.get_by_test_id("stAlert").filter(has_text="could not be used")).to_have_count(0)
        expect_no_exception(other)
    finally:
        context.close()


# --- 3. a sidebar persona button loads one scenario on every page ------------------------------
def test_sidebar_persona_loads_one_scenario_on_every_page(page: Page, app_url: str, wait_ready) -> None:
    page.goto(f"{app_url}/roi")
    wait_ready(page)
    expect(page.get_by_role("heading", level=1, name="What is my implementation worth?")).to_be_visible()
    expect(metric_value(page, "Annual savings")).to_have_text("$450,000")  # the default less 10 %, before the persona

    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Example personas", exact=True).click()
    button = sidebar.get_by_role("button", name=JUNIOR["name"], exact=True)
    expect(button).to_be_visible()
    button.click()
    wait_ready(page)
    expect(page.get_by_test_id("stToast").filter(has_text=JUNIOR["name"])).to_be_visible()
    # The persona's savings (data file): $150,000 a year, entered as a total, less the 10 % risk adjustment.
    assert JUNIOR["inputs"]["savings"] == 150000 and "mode" not in JUNIOR["inputs"]
    expect(metric_value(page, "Annual savings")).to_have_text("$135,000")
    expect_no_exception(page)

    # By hand: 20 + 8 + 6 + 4 h of automatable kinds (rules-based, repetitive, rules-based, pattern-matching)
    # = 38 of 40 h = 95 %.
    nav = page.get_by_test_id("stSidebarNav")
    nav.get_by_role("link", name="Am I at risk?").click()
    wait_ready(page)
    expect(page.get_by_role("heading", level=1, name="Am I at risk?")).to_be_visible()
    expect(metric_value(page, "Automatable share of your time")).to_have_text("95%")
    expect(page.get_by_role("heading", name="Your occupation: Data Scientists (15-2051)")).to_be_visible()
    expect_no_exception(page)

    nav.get_by_role("link", name="Career check-up").click()
    wait_ready(page)
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect_step(page, STEPS[0])
    expect(metric_value(page, "Automatable share")).to_have_text("95%")
    expect_no_exception(page)
