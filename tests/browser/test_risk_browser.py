"""The risk page in a real browser: text from a link stays text (no script runs), and the
activities and the occupation round-trip through the URL."""

from __future__ import annotations

import csv
import json
import re
from urllib.parse import quote, urlsplit

from playwright.sync_api import Page, expect

TITLE = "Am I at risk?"
SCRIPT = "<script>window.__xss=1;alert(1)</script>"
IMG = '<img src=x onerror="window.__xss=2">'
BARE_URL = "https://evil.example/phish"
MD_LINK = "[Click me](https://evil.example/x)"


def test_html_in_an_activity_name_renders_as_inert_text(page: Page, app_url: str, wait_ready, tmp_path) -> None:
    """Names from a link -- HTML, a Markdown link, a bare URL -- are shown as text: no script runs,
    no link or image appears, and the names come back literally in the activities' CSV."""
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    link = (f"{app_url}/risk?occ={quote('15-1251 Computer Programmers')}"
            f"&a2={quote(BARE_URL + '~5~P')}&a3={quote(MD_LINK + '~5~K')}"
            f"&a4={quote(IMG + '~5~K')}&a5={quote(SCRIPT + '~5~V')}")
    page.goto(link)
    wait_ready(page)
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    page.wait_for_timeout(1000)
    assert dialogs == []
    assert page.evaluate("window.__xss === undefined")
    expect(page.locator("img[src='x']")).to_have_count(0)
    expect(page.locator('a[href*="evil.example"]')).to_have_count(0)
    assert not [u for u in requests if urlsplit(u).hostname == "evil.example"]
    with page.expect_download() as info:
        page.get_by_role("button", name="Download your activities (CSV)").click()
    path = tmp_path / "acts.csv"
    info.value.save_as(path)
    names = [row["Activity"] for row in csv.DictReader(path.open(encoding="utf-8"))]
    assert names[1:] == [BARE_URL, MD_LINK, IMG, SCRIPT]
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_occupation_and_activities_round_trip_through_the_url(page: Page, app_url: str, wait_ready) -> None:
    rows = {"a1": "Write code~20~E1", "a2": "Match past bug reports~8~P", "a3": "Agree designs~6~K",
            "a4": "Choose the architecture~3~S", "a5": "Review licences~3~G"}
    page.goto(f"{app_url}/risk?occ={quote('15-1251 Computer Programmers')}&"
              + "&".join(f"{k}={quote(v)}" for k, v in rows.items()))
    wait_ready(page)
    # By hand: half of 20 (E1: AI cuts its time by at least half) + 8 (pattern-matching) of 40 hours = 45 %.
    metric = page.get_by_test_id("stMetric").filter(has_text="Automatable share of your time")
    expect(metric.get_by_test_id("stMetricValue")).to_have_text("45%")
    expect(page.get_by_role("textbox", name="Activity 2", exact=True)).to_have_value("Match past bug reports")
    expect(page.get_by_role("heading", name="Your occupation: Computer Programmers (15-1251)")).to_be_visible()
    expect(page).to_have_url(re.compile(r"a1=Write(\+|%20)code~20~E1"))
    # Move the threshold with the keyboard: 60 -> 59; the URL carries it.
    slider = page.locator('input[type="range"][aria-label^="Risk threshold"]')
    slider.focus()
    page.keyboard.press("ArrowLeft")
    expect(slider).to_have_value("59")
    expect(page).to_have_url(re.compile(r"thr=59"))
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_markdown_in_rejected_link_values_stays_text(page: Page, app_url: str, wait_ready) -> None:
    """Rejected values are quoted in warnings: a Markdown link or image in them must not become one."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    link_md = "[Verify](https://evil.example/x)"  # under 40 characters: quoted in full
    image_md = "![t](http://127.0.0.1:9/t.png)"
    page.goto(f"{app_url}/risk?a1={quote(link_md)}&thr={quote(image_md)}")
    wait_ready(page)
    warnings = page.get_by_test_id("stAlert")
    expect(warnings.filter(has_text="could not be used").first).to_be_visible()
    expect(warnings.get_by_text(link_md, exact=False).first).to_be_visible()  # shown literally
    expect(page.locator('a[href*="evil.example"]')).to_have_count(0)
    expect(page.locator('img[src*="127.0.0.1:9/"]')).to_have_count(0)
    expect(warnings.filter(has_text="name~hours~kind").first).to_be_visible()  # tildes are not strikethrough
    expect(warnings.locator("del, s")).to_have_count(0)
    page.wait_for_timeout(500)
    assert not [u for u in requests if "127.0.0.1:9/" in u]


# The repros of issue 16 (item 1): a live link, a tracking pixel (the visitor's browser would fetch it:
# a network request the app must never make), bold, colour and KaTeX, each as a name a link carries.
HOSTILE = {
    "link": "[Click me](https://evil.example/phish)",
    "pixel": "![t](http://127.0.0.2:9/pixel.png)",
    "bold": "**bold**",
    "colour": ":red[red] colour:blue",
    "katex": "$x^2$",
    # Found by a review: a character reference makes the colon (or the "@") that GFM links on, and
    # "www." after punctuation inside a word is linked too.
    "entity": "Read https&#58;//evil.example/phish or a&#64;evil.example",
    "inner www": "See x.www.evil.example now",
}
ACTIVITIES = list(HOSTILE.values())[:5]  # five rows
HOSTILE_ANSWER = " ".join(HOSTILE.values())


def _expect_inert(page: Page) -> None:
    """Nothing of :data:`HOSTILE` rendered as Markdown: no link, no image, no KaTeX, no bold, no colour."""
    main = page.get_by_test_id("stMain")
    # (The app's own links carry the names in their query: only a link *to* the site counts.)
    expect(page.locator('a[href^="https://evil.example"], a[href^="http://www.evil.example"], '
                        'a[href^="mailto:"]')).to_have_count(0)
    expect(page.locator('img[src*="127.0.0.2"]')).to_have_count(0)
    expect(main.locator(".katex")).to_have_count(0)
    expect(main.locator("strong, b").filter(has_text=re.compile(r"^bold$"))).to_have_count(0)
    expect(main.get_by_text("red", exact=True)).to_have_count(0)
    expect(main.locator('[class*="ColoredText"]')).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_hostile_links_stay_text_and_fetch_nothing(page: Page, app_url: str, wait_ready) -> None:
    """Every page that shows a name from its link (risk and check-up activities, the check-up's answer,
    business-case line items, compared scenarios' names) shows it as text, and no request leaves the
    app's server (the pixel would be one)."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    rows = ACTIVITIES[:3] + [HOSTILE["entity"], HOSTILE["inner www"]]  # the 30-day plan quotes the first
    acts = "&".join(f"a{n}={quote(v + '~8~R')}" for n, v in enumerate(rows, start=1))
    answer = quote(HOSTILE_ANSWER)
    tei = "&".join(f"tei={quote(f'B~{v}~0_1000')}" for v in HOSTILE.values())
    names = "&".join(f"n{n}={quote(v)}" for n, v in enumerate(list(HOSTILE.values())[:3], start=1))
    # (path, its title, a heading drawn near the end of the run)
    plan = f"a1={quote(HOSTILE['entity'] + '~30~R')}&a2={quote(HOSTILE['inner www'] + '~5~R')}"
    for path, title, last in [(f"/risk?{acts}", TITLE, "Share this scenario"),
                              (f"/checkup?{plan}&step={quote('5. Summary')}", "Your AI career check-up",
                               "Your summary"),
                              (f"/checkup?{acts}&answer={answer}", "Your AI career check-up", "Am I at risk?"),
                              (f"/checkup?{acts}&answer={answer}&step={quote('5. Summary')}",
                               "Your AI career check-up", "Your summary"),
                              (f"/business_case?{tei}", "The manager's business case", "Share this scenario"),
                              (f"/compare?s1=%2Froi&s2=%2Froi%3Frate%3D12&{names}", "Compare scenarios",
                               "Implementation value: 2 scenarios")]:
        page.goto(f"{app_url}{path}")
        wait_ready(page)
        expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
        expect(page.get_by_role("heading", name=last).first).to_be_visible()
        page.wait_for_timeout(1000)  # late requests (images, fonts)
        _expect_inert(page)
    outside = [u for u in requests if not u.startswith(app_url) and not u.startswith(("data:", "blob:"))]
    assert requests and outside == [], outside


def test_hostile_names_in_a_scenario_file_stay_text(page: Page, app_url: str, wait_ready, tmp_path) -> None:
    """The same names through a scenario file loaded on the check-up, whose 30-day plan quotes the most
    automatable activity in Markdown: the fields hold them literally and nothing renders as markup."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    names = [HOSTILE["entity"], HOSTILE["link"], HOSTILE["inner www"], HOSTILE["colour"], HOSTILE["pixel"]]
    file = tmp_path / "hostile.json"
    file.write_text(json.dumps({"app": "Upskill ROI", "format": 1, "page": "checkup",
                                "tables": {f"a{n}": [v + ("~30~R" if n == 1 else "~2~R")]
                                           for n, v in enumerate(names, start=1)}}))
    page.goto(f"{app_url}/checkup")
    wait_ready(page)
    page.get_by_test_id("stFileUploader").locator('input[type="file"]').set_input_files(file)
    for n, v in enumerate(names, start=1):
        expect(page.get_by_role("textbox", name=f"Activity {n}", exact=True)).to_have_value(v)
    page.get_by_role("tab", name="5. Summary").click()
    plan = page.get_by_test_id("stMarkdownContainer").filter(has_text="measure the baseline of")
    expect(plan.first).to_be_visible()
    expect(plan.first).to_contain_text("https&#58;//evil.example/phish")  # shown as typed
    page.wait_for_timeout(1000)
    _expect_inert(page)
    assert not [u for u in requests if not u.startswith(app_url) and not u.startswith(("data:", "blob:"))]
