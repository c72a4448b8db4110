"""The input declarations and the URL mechanism derived from them."""

import datetime as dt
import tomllib
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from hypothesis import given
from hypothesis import strategies as st

from upskill_roi.inputs.declared import ROI_INPUTS, build_roi_inputs
from upskill_roi.inputs.pages import METHODOLOGY
from upskill_roi.inputs.param import Param, check_query, methodology_rows, share_query, share_url, to_model
from upskill_roi.present.theme import PALETTE

ROOT = Path(__file__).resolve().parents[2]
ALL_PARAMS = [p for _, params in METHODOLOGY for p in params]


def test_a_key_means_one_declaration_across_pages():
    # The same URL key on two pages must be the same input (one declaration), never two meanings.
    by_key: dict[str, Param] = {}
    for p in ALL_PARAMS:
        assert by_key.setdefault(p.key, p) is p, f"{p.key} is declared twice"
    for _, params in METHODOLOGY:
        keys = [p.key for p in params]
        assert len(keys) == len(set(keys))


@pytest.mark.parametrize("p", ALL_PARAMS, ids=lambda p: p.key)
def test_every_input_is_fully_declared(p):
    assert p.label and p.help and p.source and p.group
    if p.kind == "choice":
        assert p.default in p.options
    elif p.kind == "text":
        assert len(p.default) <= p.max and p.parse(p.default) == p.default
        with pytest.raises(ValueError, match="is too long"):
            p.parse("x" * (p.max + 1))
        return
    elif p.kind == "date":
        # A fixed date default would go stale; "today" is always written into share links.
        assert p.default is None or p.default == "today"
        return
    else:
        assert p.min <= p.default <= p.max
        # Numbers carry a unit, except a random seed: it names a set of draws, it is not a quantity (with
        # "1-99" as its unit the report printed "1 1-99").
        assert p.unit or p.key in ("seed", "case_seed"), "numbers carry a unit"
    # The default, written as a link would carry it, is accepted and parses to itself.
    raw = str(int(p.default)) if p.kind not in ("choice",) and float(p.default).is_integer() else str(p.default)
    assert p.parse(raw) == p.default


@pytest.mark.parametrize(
    "raw, reason",
    [("abc", "is not a number"), ("1e3", "is out of range"), ("nan", "is not a finite number"),
     ("inf", "is not a finite number"), ("9" * 400, "is not a finite number"), ("", "is not a number"),
     ("<script>alert(1)</script>", "is not a number"), ("12", "is out of range"), ("-1", "is out of range"),
     ("2.5", "is not a whole number"), ("1,000", "is not a number")],
)
def test_bad_values_are_named_with_their_range(raw, reason):
    horizon = next(p for p in ROI_INPUTS if p.key == "horizon")
    with pytest.raises(ValueError) as exc:
        horizon.parse(raw)
    msg = str(exc.value)
    assert msg.startswith("Horizon (years):")
    assert reason in msg
    assert "accepted: 1 to 10 (whole numbers)" in msg


@pytest.mark.parametrize("raw, value", [("5", 5), ("5.0", 5), ("+5", 5), ("1e1", 10), (" 7 ", 7)])
def test_numbers_are_read_as_streamlit_reads_them(raw, value):
    # Streamlit's URL binding parses numbers with Python's float(); so does the declaration,
    # so an accepted value is exactly the value the widget shows.
    horizon = next(p for p in ROI_INPUTS if p.key == "horizon")
    assert horizon.parse(raw) == value


def test_messages_fill_in_the_currency():
    savings = next(p for p in ROI_INPUTS if p.key == "savings")
    with pytest.raises(ValueError, match=r"^Annual savings \(EUR/yr\): `x` is not an amount; "
                       r"accepted: 0 to 100,000,000\. Write it as e\.g\. 500000, 500,000, 500K or \$1\.2M\.$"):
        savings.parse("x", "EUR")


def test_link_text_is_quoted_as_code_in_messages():
    # Whatever a link holds, it reaches the page only inside a code span (no links, images, HTML).
    savings = next(p for p in ROI_INPUTS if p.key == "savings")
    for raw, quoted in [("[a](http://e.x)", "`[a](http://e.x)`"), ("a`b", "``a`b``"), ("`x`", "`` `x` ``")]:
        with pytest.raises(ValueError) as exc:
            savings.parse(raw)
        assert f": {quoted} is not an amount" in str(exc.value)


def test_very_long_values_are_shortened_in_messages():
    savings = next(p for p in ROI_INPUTS if p.key == "savings")
    with pytest.raises(ValueError) as exc:
        savings.parse("9" * 5000)
    assert len(str(exc.value)) < 200


def test_choice_rejects_unknown_options():
    mode = next(p for p in ROI_INPUTS if p.key == "mode")
    assert mode.parse("Drivers") == "Drivers"
    with pytest.raises(ValueError, match="one of Total, Drivers"):
        mode.parse("drivers")


def test_check_query_keeps_good_values_and_reports_bad_ones():
    values, problems = check_query(ROI_INPUTS, {"savings": "600000", "rate": "abc", "horizon": ["2", "99"],
                                                "unknown": "x"})
    assert values == {"savings": 600_000.0}
    assert [p.key for p in problems] == ["horizon", "rate"]
    assert "0 to 30" in problems[1].message


def test_share_query_omits_defaults_and_round_trips():
    values = {p.key: p.default for p in ROI_INPUTS}
    assert share_query(ROI_INPUTS, values) == ""
    values.update(savings=600_000.0, rate=12.5, horizon=5, mode="Drivers")
    q = share_query(ROI_INPUTS, values)
    assert q == "mode=Drivers&savings=600000&horizon=5&rate=12.5"
    parsed, problems = check_query(ROI_INPUTS, dict(kv.split("=") for kv in q.split("&")))
    assert not problems
    assert parsed == {"mode": "Drivers", "savings": 600_000.0, "horizon": 5, "rate": 12.5}


@given(st.data())
def test_any_valid_value_survives_a_share_link(data):
    p = data.draw(st.sampled_from([p for p in ROI_INPUTS if p.kind != "choice"]))
    if p.kind == "date":
        v = data.draw(st.dates(p.min, p.max))
    elif p.kind == "int":
        v = data.draw(st.integers(int(p.min), int(p.max)))
    else:
        v = data.draw(st.floats(p.min, p.max, allow_nan=False).map(lambda x: round(x, 2)))
    q = share_query([p], {p.key: v})
    carried = dict(parse_qsl(q, keep_blank_values=True))
    # The link carries the input exactly when it differs from the default (a date's default, None
    # or "today", never equals a drawn date), and then it reads back as the value itself: the
    # default is never what makes the comparison pass.
    assert (p.key in carried) == (v != p.default)
    parsed, problems = check_query([p], carried)
    assert not problems
    assert parsed == ({p.key: v} if v != p.default else {})


def test_date_input_parses_iso_dates_in_range():
    golive = next(p for p in ROI_INPUTS if p.key == "golive")
    assert golive.parse("2027-01-15") == dt.date(2027, 1, 15)
    assert golive.parse("2027-1-5") == dt.date(2027, 1, 5)  # Streamlit's strptime("%Y-%m-%d") takes it too
    for raw in ["2027-02-30", "15.01.2027", "2101-01-01", "tomorrow", ""]:
        with pytest.raises(ValueError, match="Go-live date .*accepted: a date from 2000-01-01 to 2100-12-31"):
            golive.parse(raw)
    assert share_query([golive], {"golive": dt.date(2027, 1, 15)}) == "golive=2027-01-15"
    assert share_query([golive], {"golive": None}) == ""


def test_share_url():
    assert share_url("https://x.app/roi", "roi", "a=1") == "https://x.app/roi?a=1"
    assert share_url(None, "roi", "") == "/roi"


def test_to_model_scales_percentages():
    values = {p.key: p.default for p in ROI_INPUTS}
    m = to_model(ROI_INPUTS, values)
    assert m["rate"] == pytest.approx(0.10) and m["share"] == pytest.approx(0.10) and m["horizon"] == 3


def test_build_roi_inputs_uses_drivers_only_in_driver_mode():
    values = {p.key: p.default for p in ROI_INPUTS}
    inputs, drivers = build_roi_inputs(values)
    assert drivers is None and inputs.annual_savings == 500_000 and inputs.discount_rate == pytest.approx(0.1)
    values["mode"] = "Drivers"
    inputs, drivers = build_roi_inputs(values)
    # hours x people x hourly cost x weeks, half of it recaptured as productive work (TEI), by hand
    assert inputs.annual_savings == 4 * 40 * 60 * 48 * 0.5


def test_methodology_rows_cover_every_input():
    rows = [r for page, params in METHODOLOGY for r in methodology_rows(params, page, "EUR")]
    assert {r["URL key"] for r in rows} == {p.key for p in ALL_PARAMS}
    savings = next(r for r in rows if r["URL key"] == "savings")
    assert (savings["Unit"] == "EUR/yr" and savings["Default"] == "500,000"
            and "$500K" in savings["Source of the default"])


def test_param_rejects_inconsistent_declarations():
    with pytest.raises(ValueError):
        Param("x", "X", "u", 11, "number", "slider", "h", "s", "g", min=0, max=10)
    with pytest.raises(ValueError):
        Param("x", "X", "", "c", "choice", "select", "h", "s", "g", options=("a", "b"))
    with pytest.raises(ValueError, match="slider"):
        Param("x", "X", "u", 1, "int", "number", "h", "s", "g", min=0, max=10)


def test_streamlit_theme_uses_the_same_palette_as_the_figures():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert tuple(config["theme"]["chartCategoricalColors"]) == PALETTE
    assert config["server"]["headless"] is True and config["browser"]["gatherUsageStats"] is False


# --- money as people write it (issue 14: "$500K" became $500) ---------------------------------
@pytest.mark.parametrize("typed, amount", [
    ("500K", 500_000), ("$500K", 500_000), ("500k", 500_000), ("$1.2M", 1_200_000), ("1.2 million", 1_200_000),
    ("500,000", 500_000), ("500 000", 500_000), ("500000", 500_000), ("$ 500,000.50", 500_000.5),
    ("USD 750", 750), ("750 EUR", 750), ("€1.5bn", 1_500_000_000), ("2 mln", 2_000_000), ("0.5k", 500),
    ("1'234'567", 1_234_567), ("\u00a0600\u00a0000 ", 600_000),
])
def test_money_as_people_write_it(typed, amount):
    from upskill_roi.inputs.param import parse_money

    assert parse_money(typed) == amount


@pytest.mark.parametrize("typed, amount", [("500.000", 500_000), ("1.200.000,50", 1_200_000.5), ("1,5M", 1_500_000),
                                           ("500 000 €", 500_000)])
def test_money_with_a_comma_decimal(typed, amount):
    from upskill_roi.inputs.param import parse_money

    assert parse_money(typed, decimal=",") == amount


@pytest.mark.parametrize("typed", ["", "abc", "lots", "12,34", "1.2.3", "5e5", "1,2,3", "K", "$", "500KK", "nan",
                                   "inf", "1 2 3 4"])
def test_money_that_cannot_be_read_is_refused(typed):
    from upskill_roi.inputs.param import parse_money

    with pytest.raises(ValueError):
        parse_money(typed)


def test_money_field_names_the_field_and_the_forms_it_accepts():
    savings = next(p for p in ROI_INPUTS if p.key == "savings")
    assert savings.parse("$500K") == 500_000
    with pytest.raises(ValueError, match=r"^Annual savings \(USD/yr\): `about half a million` is not an amount"):
        savings.parse("about half a million")
    with pytest.raises(ValueError, match="out of range"):
        savings.parse("200M")  # 200,000,000 > 100,000,000


def test_a_choice_by_its_first_word():
    from upskill_roi.inputs.declared import OCCUPATION

    assert OCCUPATION.parse("29-1141") == "29-1141 Registered Nurses"
    with pytest.raises(ValueError):
        OCCUPATION.parse("29-")  # not a whole code
