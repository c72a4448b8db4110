"""No link the app builds is longer than pages.MAX_URL: the longest link of every page, built from the
declarations (every value at its longest accepted link text, every table full), and Compare's address."""

import math
from urllib.parse import quote_plus, urlencode

import pytest

from upskill_roi.inputs import activities, pages, tei
from upskill_roi.inputs.param import url_text
from upskill_roi.present import compare

# The characters that percent-encode longest: a 4-byte UTF-8 character (longest per code point), a
# 3-byte one (longest per UTF-16 unit, what a browser field's max_chars counts) and an ASCII one.
EMOJI, EURO, AMP = "\U0001f600", "\u20ac", "&"
CHARS = (EMOJI, EURO, AMP)


def enc(text):
    return len(quote_plus(text))


def address(path, query):
    return len("/" + path + "?" + urlencode(query, doseq=True))


def test_percent_encoding_arithmetic():
    # "😀" is F0 9F 98 80 in UTF-8, each byte written %XX: 4 x 3 = 12; "€" is E2 82 AC: 9; "&" is %26: 3.
    assert (quote_plus(EMOJI), quote_plus(EURO), quote_plus(AMP)) == ("%F0%9F%98%80", "%E2%82%AC", "%26")
    assert [enc(c) for c in CHARS] == [12, 9, 3] and enc(EMOJI * 600) == 7_200


def candidates(p):
    if p.kind == "text":
        return [c * int(p.hi) for c in CHARS]
    if p.kind == "choice":
        return list(p.options)
    if p.kind == "date":
        return [p.min, p.max]
    lo, hi, tiny = p.lo, p.hi, 1.2345678901234567e-100
    return [lo, hi, lo + (hi - lo) / 3, lo + (hi - lo) / 7, lo / 3, hi / 3, hi / 7, -hi / 3, tiny, -tiny,
            math.nextafter(lo, hi), math.nextafter(hi, lo)]


def worst(p):
    """The value of ``p`` whose link text is longest among those a link can carry (parsed back from
    their own link text) and that differ from the default (a link leaves defaults out)."""
    accepted = []
    for c in candidates(p):
        try:
            accepted.append(p.parse(url_text(p, c)))
        except ValueError:
            continue
    return max((v for v in accepted if v != p.default), key=lambda v: enc(url_text(p, v)))


def worst_activities():
    hours = (activities.MAX_HOURS, activities.MAX_HOURS / 3, 1 / 3, 0.000123456789, 1.23456789e-05)
    rows = [{"Activity": c * activities.MAX_NAME, "Time": h, "Kind": kind}
            for c in CHARS for h in hours for kind in activities.KIND_LABELS.values()]
    ok = [r for r in rows if not activities.decode(activities.encode([r]))[1]]
    best = max(ok, key=lambda r: enc(activities.encode([r])["a1"]))
    return activities.encode([best] * activities.N_ROWS)


def worst_tei():
    def alone(x):  # one row with one amount: its link text, and whether the codec accepts it
        text = tei.encode([{"Type": "Cost", "Line item": "x", "values": (x,) + (0.0,) * tei.MAX_YEARS}], 1)[0]
        return text, not tei.decode([text])[1]

    amounts = (tei.MAX_AMOUNT, tei.MAX_AMOUNT / 3, tei.MAX_AMOUNT * 2 / 3, tei.MAX_AMOUNT - 0.01, -tei.MAX_AMOUNT / 3)
    a, b = sorted({round(x, 2) for x in amounts if alone(x)[1]}, key=lambda x: -len(alone(x)[0]))[:2]
    values = ((a, b) * tei.MAX_YEARS)[: tei.MAX_YEARS + 1]  # alternating: no trailing repeat is left out
    rows = [{"Type": t, "Line item": c * tei.MAX_NAME, "values": values} for t in tei.KINDS.values() for c in CHARS]
    best = max(rows, key=lambda r: enc(tei.encode([r], tei.MAX_YEARS)[0]))
    return {"tei": tei.encode([best] * tei.MAX_ROWS, tei.MAX_YEARS)}


@pytest.mark.parametrize("page", [p for p in pages.REGISTRY if p.params or p.tables], ids=lambda p: p.key)
def test_every_page_s_longest_link_fits_the_deployment(page):
    cur = worst(next(p for p in pages.FRAME if p.key == "cur"))
    tables = {}
    if activities.LINK in page.tables:
        tables |= worst_activities()
        assert not activities.decode(tables)[1]
    if tei.LINK in page.tables:
        tables |= worst_tei()
        assert not tei.decode(tables["tei"])[1] and len(tei.decode(tables["tei"])[0]) == tei.MAX_ROWS
    query = pages.link(page.key, cur, {p.key: worst(p) for p in page.params}, tables)
    # Not vacuous: every input and table parameter is written, every text and name at 12 per character.
    assert set(query) == {"v", "cur", *(p.key for p in page.params), *page.table_keys}
    floor = 12 * (sum(int(p.hi) for p in page.params if p.kind == "text")
                  + activities.N_ROWS * activities.MAX_NAME * (activities.LINK in page.tables)
                  + tei.MAX_ROWS * tei.MAX_NAME * (tei.LINK in page.tables))
    n = address(page.url_path, query)
    assert floor < n <= pages.MAX_URL, f"/{page.key}: longest link {n:,} characters (floor {floor:,}, " \
        f"limit {pages.MAX_URL:,})"


def compare_address(slot, name):
    return address("compare", {**{f"n{k}": name for k in (1, 2, 3)}, **{f"s{k}": slot for k in (1, 2, 3)}})


NAME = max((c * compare.MAX_NAME for c in CHARS), key=enc)  # 40 x 12 = 480


def test_compare_s_longest_address_fits():
    # A scenario link as the app writes it (a share box, a scenario file) is ASCII: at most 3 per character.
    n = compare_address(AMP * pages.COMPARE_SLOT_MAX, NAME)
    assert 3 * 3 * pages.COMPARE_SLOT_MAX < n <= pages.MAX_URL, f"/compare: {n:,} characters"
    # COMPARE_SLOT_MAX is what keeps it there: the old limit of 16,000 would not fit.
    old = compare_address(AMP * 16_000, NAME)
    assert old > pages.MAX_URL, f"/compare with 16,000-character slots: {old:,} characters"


def test_compare_s_address_with_any_characters_fits():
    """Non-ASCII text takes up to 9 per character (a 4-byte one 12): the page uses, and keeps in its
    address, only slots within COMPARE_SLOT_ENCODED (views/compare.py; AppTests in tests/web/test_app.py)."""
    euro = EURO * pages.COMPARE_SLOT_MAX
    assert pages.encoded_length(euro) == 63_000 > pages.COMPARE_SLOT_ENCODED  # refused: would not fit
    biggest = EURO * (pages.COMPARE_SLOT_ENCODED // 9)  # the most that is accepted: 2,333 x 9 = 20,997
    assert pages.encoded_length(biggest) <= pages.COMPARE_SLOT_ENCODED
    n = compare_address(biggest, NAME)
    assert n <= pages.MAX_URL, f"/compare with accepted slots of '€': {n:,} characters"
