"""Hostile query strings for every page: a hypothesis strategy and the check each case must pass.

Shared by tests/inputs/test_linkfuzz.py (a few hundred cases per CI run) and benchmarks/fuzz_links.py
(10,000+ cases, reporting the count). A case is a page and a list of (key, value) pairs: declared
keys with junk values, unknown keys, repeated keys, very long values, HTML/script text, unicode.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from upskill_roi.inputs import pages
from upskill_roi.inputs.declared import FRAME_INPUTS
from upskill_roi.inputs.pages import REGISTRY
from upskill_roi.inputs.scenario import PAGES

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE_FILES = {p.key: p.script for p in REGISTRY}

JUNK = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["nan", "inf", "-inf", "1e309", "-5", "0x10", "１２", "<script>alert(1)</script>",
                     "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "9" * 400, "1e6", "+600000", " 12 ",
                     "5.5", "2027-02-30", "Drivers", "EUR", "1_000", "", "%00", "\u202e", "🙂", "x" * 5000,
                     "B~a~1", "-", "a~b~c", "1. Risk"]),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
)


def _keys(page: str) -> list[str]:
    spec = pages.page(page)
    return [p.key for p in spec.params] + list(spec.table_keys) + list(spec.link_keys) + [p.key for p in FRAME_INPUTS]


@st.composite
def cases(draw, page: str | None = None) -> tuple[str, list[tuple[str, str]]]:
    """A page (``page``, or any) and the (key, value) pairs of a hostile link to it."""
    page = page or draw(st.sampled_from(sorted(PAGE_FILES)))
    keys = _keys(page)
    declared = st.sampled_from(keys) if keys else st.just("cur")
    unknown = st.text(min_size=1, max_size=12)
    pairs = draw(st.lists(st.tuples(st.one_of(declared, declared, unknown), JUNK), min_size=1, max_size=6))
    if draw(st.booleans()) and pairs:  # a repeated key
        pairs.append((pairs[0][0], draw(JUNK)))
    return page, pairs


def check(page: str, pairs: list[tuple[str, str]]) -> AppTest:
    """Open the page with the link's parameters: no exception, and every rejected value of a
    declared input is named in a warning (``**`key`**``) on the page or in the sidebar."""
    at = AppTest.from_file(APP, default_timeout=60)
    query: dict[str, list[str]] = {}
    for k, v in pairs:
        query.setdefault(k, []).append(v)
    for k, vs in query.items():
        at.query_params[k] = vs if len(vs) > 1 else vs[0]
    at.switch_page(PAGE_FILES[page]).run()
    assert not at.exception, (page, urlencode(pairs)[:300], at.exception)
    shown = " ".join(w.value for w in at.warning) + " " + " ".join(e.value for e in at.error)
    params = {p.key: p for p in (PAGES[page].params if page in PAGES else ())}
    params.update({p.key: p for p in FRAME_INPUTS})
    for k, vs in query.items():
        p = params.get(k)
        if p is None:
            continue
        try:
            p.parse(vs[-1])  # the last of repeated values counts, as in Streamlit
        except ValueError:
            assert f"`{k}`" in shown, (page, k, vs[-1][:80], shown[:500])
    return at
