"""Every in-app link the pages draw, clicked in a real browser: the values it carries arrive.

Streamlit 1.67 drops, on a page change within a session, every query parameter bound to a widget
of the page left behind (``/roi?salary=93600`` -> ``upskilling?premium=…&salary=93600`` arrived as
``/upskilling?premium=…``). A link pasted into a fresh tab always worked; a click did not. Links
between the calculators now open a new tab (a fresh session, as if pasted); the home page's and
the compare page's links stay in the session. Each source page below is opened with a scenario
of its own (so that its links carry values), every in-app link in its main area is clicked in
turn, and on arrival the address bar and the target page's share link must carry every parameter
of the link, with the same value (in the one form the app writes: ``60`` for ``60.0``, the
occupation's full label for its SOC code).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from upskill_roi.inputs.param import VERSION_KEY

SOURCES = [
    "/roi?salary=93600&savings=600000",
    "/checkup?occ=29-1141&thr=55",
    "/risk?occ=15-1251+Computer+Programmers&thr=50",
    "/risk?occ=43-9021&a1=Format+spreadsheets~20~R&a2=Clean+data~10~P&a3=Reports~10~V",
    "/",
    "/compare?s1=%2Froi%3Fsavings%3D300000&s2=%2Froi%3Fsavings%3D900000%26salary%3D80000",
]
LINKS = ('[data-testid="stMain"] [data-testid="stPageLink-NavLink"]:visible, '
         '[data-testid="stMain"] [data-testid="stMarkdownContainer"] a[href]:not([href^="#"]):not([href*="://"]):visible')


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def _same(carried: str, shown: str) -> bool:
    """The link's value and the value the page shows in its address bar or share link."""
    if carried == shown:
        return True
    try:
        return float(carried) == float(shown)
    except ValueError:
        return shown.split(" ", 1)[0] == carried  # an occupation by its SOC code


def _defaults(target: str) -> dict[str, str]:
    """The target page's inputs at their declared defaults, as a link writes them: the app (and
    Streamlit) leave a default out of the address bar and the share link."""
    from upskill_roi.inputs import scenario
    from upskill_roi.inputs.declared import FRAME_INPUTS
    from upskill_roi.inputs.param import url_text

    params = (*FRAME_INPUTS, *(scenario.PAGES[target].params if target in scenario.PAGES else ()))
    return {p.key: url_text(p, p.default) for p in params if p.default not in (None, "today")}


def _share_link(page: Page) -> str:
    return page.get_by_test_id("stCode").filter(has_text=re.compile(r"^https?://")).last.inner_text().strip()


@pytest.mark.parametrize("source", SOURCES)
def test_every_in_app_link_carries_its_values(page: Page, app_url: str, wait_ready,
                                                                source: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.goto(app_url + source)
    wait_ready(page)
    expect(page.locator(LINKS).first).to_be_visible()
    count = page.locator(LINKS).count()
    assert count >= 1, f"{source} draws no in-app link"
    checked = 0  # carried parameters compared on arrival, over all the source's links
    for i in range(count):
        page.goto(app_url + source)  # a new session each time, as a visitor opening the link
        wait_ready(page)
        link = page.locator(LINKS).nth(i)
        expect(link).to_be_visible()
        href = link.get_attribute("href") or ""
        target = urlsplit(href).path.strip("/").split("/")[-1]
        defaults = _defaults(target)
        # The link format (v=1) is not a value of the page: left out, like the defaults.
        carried = {k: v for k, v in _query(href).items()
                   if k != VERSION_KEY and not (k in defaults and _same(v[-1], defaults[k]))}
        dest = page
        if link.get_attribute("target") == "_blank":
            with page.context.expect_page() as opened:
                link.click()
            dest = opened.value  # a new tab: a fresh session, as if the link were pasted
            dest.set_viewport_size({"width": 1280, "height": 1400})
        else:
            link.click()
        expect(dest).to_have_url(re.compile(rf"/{re.escape(target)}(\?|$)"))
        wait_ready(dest)
        expect(dest.get_by_test_id("stException")).to_have_count(0)
        for key in carried:
            # Auto-retrying: the address bar is written once the target page has run.
            expect(dest).to_have_url(re.compile(rf"[?&]{re.escape(key)}="), timeout=10_000)
        now = _query(dest.url)
        share = _query(_share_link(dest)) if target not in ("methodology", "") else now
        for key, values in carried.items():
            assert key in now and _same(values[-1], now[key][-1]), \
                f"{source} -> {href}: {key}={values[-1]} arrived as {now.get(key)} in the address bar"
            if key != "step":
                assert key in share and _same(values[-1], share[key][-1]), \
                    f"{source} -> {href}: {key}={values[-1]} is {share.get(key)} in the share link"
            checked += 1
        if dest is not page:
            dest.close()
    # A source opened with a scenario of its own has links that carry values: if none did, the loops
    # above would have compared nothing. (The home page has no scenario: its links carry none.)
    if urlsplit(source).query:
        assert checked >= 1, f"{source}: none of its {count} links carried a value to check"
