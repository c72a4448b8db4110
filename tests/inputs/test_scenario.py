"""Scenario files and links, the TEI table, the HTML report and the compare outcomes.

Expected values are hand calculations (stated next to each) or numpy-financial as an oracle.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from upskill_roi.core import business_case, finance
from upskill_roi.documents import report
from upskill_roi.documents.case_report import case_report
from upskill_roi.inputs import scenario, tei
from upskill_roi.inputs.declared import CASE_INPUTS, build_team_inputs
from upskill_roi.present import compare

TODAY = dt.date(2026, 11, 25)


# --- upskill_roi.core.finance.tei_table --------------------------------------------------------------------
def test_tei_table_by_hand():
    # Benefits 200, 200 less 25 %; costs 100 initial + 20 a year, plus 50 %.
    t = finance.tei_table([[0, 120, 120], [0, 80, 80]], [[100, 0, 0], [0, 20, 20]], 0.0, 0.25, 0.5)
    assert t.benefits.tolist() == [0, 150, 150]
    assert t.costs.tolist() == [150, 30, 30]
    assert t.net.tolist() == [-150, 120, 120]
    assert t.cumulative.tolist() == [-150, -30, 90]
    assert t.summary.npv == pytest.approx(90.0)  # undiscounted: 300 - (150 + 30 + 30)
    assert t.summary.payback == pytest.approx(1 + 30 / 120)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1e6), min_size=2, max_size=6), st.lists(st.floats(0, 1e6), min_size=2, max_size=6),
       st.floats(0, 0.3), st.floats(0, 0.9), st.floats(0, 1))
def test_tei_table_npv_matches_numpy_financial(b, c, rate, brisk, crisk):
    n = min(len(b), len(c))
    b, c = np.array(b[:n]), np.array(c[:n])
    t = finance.tei_table([b], [c], rate, brisk, crisk)
    oracle = npf.npv(rate, b * (1 - brisk) - c * (1 + crisk))
    assert t.summary.npv == pytest.approx(oracle, rel=1e-9, abs=1e-6)


def test_tei_table_rejects_bad_rows():
    with pytest.raises(ValueError):
        finance.tei_table([[0, -1]], [[0, 0]], 0.1)
    with pytest.raises(ValueError):
        finance.tei_table([[0, 1]], [[0, 0, 0]], 0.1)
    with pytest.raises(ValueError):
        finance.tei_table([[0, 1]], [[0, 0]], 0.1, benefit_risk=1.5)


def test_tei_table_with_no_rows_is_zero():
    t = finance.tei_table(np.zeros((0, 4)), np.zeros((0, 4)), 0.1)
    assert t.summary.npv == 0 and t.summary.roi is None and t.summary.payback == 0.0


# --- upskill_roi.inputs.tei: the table's link form ----------------------------------------------------------------
rows_strategy = st.lists(st.fixed_dictionaries({
    "Type": st.sampled_from(["Benefit", "Cost"]),
    "Line item": st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=tei.MAX_NAME)
    .filter(lambda s: s.strip() == s and s),
    "values": st.lists(st.integers(0, 10**11).map(lambda c: c / 100), min_size=11, max_size=11).map(tuple),
}), max_size=tei.MAX_ROWS)


@settings(max_examples=80, deadline=None)
@given(rows_strategy)
def test_tei_rows_round_trip_through_the_link(rows):
    decoded, problems = tei.decode(tei.encode(rows, tei.MAX_YEARS) or None)
    assert not problems
    assert decoded == ([dict(r) for r in tei.DEFAULT_ROWS] if not tei.encode(rows, tei.MAX_YEARS) else rows)


def test_tei_decode_names_every_bad_row_and_keeps_the_good_ones():
    rows, problems = tei.decode(["B~ok~1_2", "B~neg~-5", "Z~kind~1", "C~~1", "C~x~1_2_3_4_5_6_7_8_9_10_11_12",
                                 "C~nan~nan", "B~" + "n" * 61 + "~1"])
    assert [r["Line item"] for r in rows] == ["ok"]
    assert [p.message.split(":")[0] for p in problems] == [f"TEI row {n}" for n in range(2, 8)]


def test_tei_decode_caps_the_number_of_rows():
    rows, problems = tei.decode([f"C~r{n}~1" for n in range(tei.MAX_ROWS + 2)])
    assert len(rows) == tei.MAX_ROWS and len(problems) == 2


def test_tei_rows_depend_only_on_what_is_shown():
    # The reviewer's case: the default table at 3 years, the Savings row deleted, then 5 years.
    # Every row continues its own last year: Build and Training 0, Licences and Premium 50,000.
    shown = tei.to_frame_rows(tei.DEFAULT_ROWS, 3)[1:]
    rows = tei.from_frame_rows(tei.to_frame_rows(tei.from_frame_rows(shown, 3), 5), 5)
    assert [r["values"][:6] for r in rows] == [
        (150_000.0, 0, 0, 0, 0, 0), (5_000.0, 0, 0, 0, 0, 0),
        (0, 50_000.0, 50_000.0, 50_000.0, 50_000.0, 50_000.0), (0, 50_000.0, 50_000.0, 50_000.0, 50_000.0, 50_000.0)]
    # ... and a link written at 3 years gives the same rows.
    decoded, _ = tei.decode(tei.encode(tei.from_frame_rows(shown, 3), 3))
    assert decoded == rows


def test_tei_amounts_keep_their_cents_in_the_link():
    rows = tei.from_frame_rows([{"Type": "Benefit", "Line item": "x", "Initial": 0, "Year 1": 123_456_789.5,
                                 "Year 2": 99_999.99}], 2)
    assert tei.encode(rows, 2) == ["B~x~0_123456789.5_99999.99"]
    assert tei.decode(tei.encode(rows, 2))[0] == rows


# --- upskill_roi.inputs.scenario: files --------------------------------------------------------------------------
@pytest.mark.parametrize("page", list(scenario.PAGES))
def test_export_then_import_gives_the_same_scenario(page):
    values = scenario.defaults(page, TODAY)
    s = scenario.Scenario(page, "GBP", values)
    back, problems = scenario.read_json(scenario.to_json(s, today=TODAY).encode(), page, today=TODAY)
    assert problems == [] and back == s


def test_export_then_import_keeps_changed_values_and_tables():
    values = {**scenario.defaults("business_case"), "team": 25.0, "ai_share": 40.0, "case_years": 5,
              "brisk": 0.0}
    tables = {"tei": ["B~Savings~0_100000", "C~Build~50000"]}
    s = scenario.Scenario("business_case", "EUR", values, tables)
    back, problems = scenario.read_json(scenario.to_json(s).encode(), "business_case")
    assert problems == [] and back == s
    # The imported table's own NPV by hand: 100,000 in Years 1-5 (the last year given repeats), no
    # benefit risk; 50,000 initially, raised by the default 10 % cost risk; 10 % a year:
    # 100,000 x (1.1^-1 + ... + 1.1^-5) - 1.1 x 50,000 = 379,078.68 - 55,000 = 324,078.68.
    assert (values["case_rate"], values["crisk"]) == (10.0, 10.0)
    rows = {label: value for label, _, value in compare.outcome(back).rows}
    assert rows["Your own figures (TEI table): NPV"] == pytest.approx(324_078.68, abs=0.01)


def test_upskilling_dates_survive_the_file():
    values = {**scenario.defaults("upskilling", TODAY), "start": dt.date(2027, 1, 4)}
    doc = json.loads(scenario.to_json(scenario.Scenario("upskilling", "USD", values)))
    assert doc["inputs"]["start"] == "2027-01-04"
    back, _ = scenario.read_json(json.dumps(doc).encode())
    assert back.values["start"] == dt.date(2027, 1, 4)


def _doc(**changes):
    d = json.loads(scenario.to_json(scenario.Scenario("roi", "USD", scenario.defaults("roi"))))
    d.update(changes)
    return json.dumps(d).encode()


def test_a_file_with_several_problems_lists_every_one_and_gives_nothing():
    d = json.loads(_doc())
    d["inputs"] |= {"rate": 99, "horizon": "x", "savings": True, "nope": 1, "golive": "2027-02-30"}
    d["currency"] = "XXX"
    s, problems = scenario.read_json(json.dumps(d).encode(), "roi")
    assert s is None
    text = " ".join(problems)
    for needle in ("Discount rate", "accepted: 0 to 30", "Horizon", "Annual savings", "`nope`", "Currency",
                   "Go-live"):
        assert needle in text, needle
    assert len(problems) == 6


@pytest.mark.parametrize("data, needle", [
    (b"x" * (scenario.MAX_BYTES + 1), "at most 64 KB"),
    (b"not json", "not JSON"),
    (b"\xff\xfe\x00", "UTF-16"),
    (b"\xe9t\xe9", "not UTF-8"),
    (b"[1, 2]", "not a scenario"),
    (b'{"app": "Other", "format": 1, "page": "roi"}', "`app`"),
    (b'{"app": "Upskill ROI", "format": 2, "page": "roi"}', "`format`"),
    (b'{"app": "Upskill ROI", "format": true, "page": "roi"}', "`format`"),
    (b'{"app": "Upskill ROI", "format": 1, "page": "hack"}', "`page`"),
    (b'{"app": "Upskill ROI", "format": 1, "page": "roi", "inputs": []}', "`inputs`"),
    (b'{"app": "Upskill ROI", "format": 1, "page": "roi", "tables": {"tei": ["x"]}}', "Unknown table"),
    (b'{"app": "Upskill ROI", "format": 1, "page": "business_case", "tables": {"tei": ["X~a~1"]}}', "TEI row 1"),
    (b'{"app": "Upskill ROI", "format": 1, "page": "roi", "inputs": {"rate": 1e999}}', "not a finite number"),
    (b'{"app": "Upskill ROI", "format": 1, "page": "roi", "inputs": {"rate": NaN}}', "not a finite number"),
    (b"[" * 100_00 + b"]" * 100_00, "not JSON"),
    (b'{"app": "Upskill ROI", "format": 1, "page": []}', "`page`"),
    (b'{"app": "Upskill ROI", "format": 1, "page": "roi", "inputs": {"rate": ' + b"9" * 5000 + b"}}", "not JSON"),
    (b'{"app": "Upskill ROI", "format": 1, "page": "roi", "inputs": {"\\ud800": 1}}', "not valid Unicode"),
    (b'{"app": "Upskill ROI", "format": 1, "page": "business_case", "tables": {"tei": ["B~x\\ud800~1"]}}',
     "not valid Unicode"),
])
def test_bad_files_are_refused_with_a_reason(data, needle):
    s, problems = scenario.read_json(data, "roi" if b"business_case" not in data else "business_case")
    assert s is None and problems
    assert needle in " ".join(problems)


def test_a_file_from_another_page_is_refused_on_this_page():
    s, problems = scenario.read_json(_doc(), "upskilling")
    assert s is None and "not of Upskilling plan" in problems[0]


def test_text_from_the_file_only_appears_inside_code_spans():
    d = json.loads(_doc())
    d["inputs"]["[click](javascript:alert(1))"] = 1
    _, problems = scenario.read_json(json.dumps(d).encode(), "roi")
    outside = re.sub(r"(`+).*?\1", "", problems[0])
    assert "javascript" not in outside


# --- upskill_roi.inputs.scenario: links ------------------------------------------------------------------------------
def test_link_and_file_give_the_same_scenario():
    link = "https://example.org/business_case?team=25&ai_share=40&case_years=5&cur=EUR&tei=B~Savings~0_100000"
    from_link, problems = scenario.from_link(link, TODAY)
    assert problems == []
    from_file, _ = scenario.read_json(scenario.to_json(from_link).encode(), today=TODAY)
    assert from_file == from_link
    query = scenario.to_query(from_link)
    assert query == {"v": "1", "cur": "EUR", "team": "25", "ai_share": "40", "case_years": "5",
                     "tei": ["B~Savings~0_100000"]}


def test_link_with_bad_values_uses_defaults_and_says_so():
    s, problems = scenario.from_link("/roi?rate=abc&savings=600000", TODAY)
    assert s.values["rate"] == 10.0 and s.values["savings"] == 600000.0
    assert len(problems) == 1 and "Discount rate" in problems[0]


def test_differing_inputs_ignores_int_float_spelling():
    a = scenario.Scenario("roi", "USD", scenario.defaults("roi"))
    b = scenario.Scenario("roi", "USD", {**scenario.defaults("roi"), "savings": 500000, "rate": 12.0})
    assert [p.key for p in scenario.differing_inputs([a, b])] == ["rate"]



# --- inputs a scenario does not use; names on the compare page -----------------------------------
def _roi(**values) -> scenario.Scenario:
    return scenario.Scenario("roi", "USD", {**scenario.defaults("roi"), **values})


def test_unused_inputs_follow_the_roi_pages_mode_and_show_choice():
    drivers = {"hours", "people", "hourly", "weeks", "recapture", "errors", "error_cost", "revenue", "margin"}
    spreads = {"sav_lo", "sav_hi", "impl_lo", "impl_hi", "run_lo", "run_hi", "ramp_hi", "seed"}
    assert scenario.unused_inputs(_roi()) == drivers | spreads
    assert scenario.unused_inputs(_roi(mode="Drivers")) == {"savings"} | spreads
    assert scenario.unused_inputs(_roi(view="Ranges")) == drivers
    assert scenario.unused_inputs(_roi(mode="Drivers", view="Ranges")) == {"savings"}
    up = scenario.defaults("upskilling", TODAY)
    assert scenario.unused_inputs(scenario.Scenario("upskilling", "USD", up)) == {"target_h"}
    assert scenario.unused_inputs(scenario.Scenario("upskilling", "USD", {**up, "goal": "Custom"})) == set()
    case = scenario.defaults("business_case")
    assert scenario.unused_inputs(scenario.Scenario("business_case", "USD", case)) == set()


@pytest.mark.parametrize("changed", [
    _roi(savings=900_000.0, mode="Drivers"),                  # the total, while drivers give the savings
    _roi(hours=9.0, people=5.0, recapture=100.0),             # drivers, while the total is used
    _roi(sav_lo=0.0, impl_hi=300.0, seed=7),                  # spreads of a point estimate
])
def test_an_unused_input_changes_no_compared_result(changed):
    base = _roi(mode=changed.values["mode"])
    assert compare.outcome(changed, TODAY) == compare.outcome(base, TODAY)
    assert scenario.differing_inputs([base, changed]) == []


def test_a_used_input_does_change_the_results_and_is_listed():
    # Total mode: 600,000 less the 10 % benefit risk = 540,000; drivers: 5 h x 40 x 60 x 48 x 50 % x 0.9 = 259,200.
    a, b = _roi(savings=600_000.0), _roi(mode="Drivers", hours=5.0)
    assert compare.outcome(a, TODAY).rows[0][2] == pytest.approx(540_000)
    assert compare.outcome(b, TODAY).rows[0][2] == pytest.approx(259_200)
    assert [p.key for p in scenario.differing_inputs([a, _roi()])] == ["savings"]
    assert [p.key for p in scenario.differing_inputs([b, _roi(mode="Drivers")])] == ["hours"]


def test_inputs_used_by_one_scenario_only_are_not_rows_and_others_read_not_used():
    a = _roi(mode="Drivers", savings=1.0, hours=5.0)
    b = _roi(mode="Drivers", savings=2.0, hours=6.0)
    c = _roi(savings=300_000.0)
    t = compare.inputs_table({"A": a, "B": b, "C": c}, "en-US").set_index("Input")
    # The totals 1, 2 and 300,000: only C uses its total, so there is nothing to compare it with.
    assert t.index.tolist() == ["Enter savings as", "Hours saved per person"]
    assert t.loc["Hours saved per person"].tolist() == ["5 h/week", "6 h/week", compare.NOT_USED]
    assert compare.inputs_table({"A": a}, "en-US").empty


def test_scenario_names_are_cleaned_unique_and_safe_in_csv():
    assert compare.scenario_names(["  Pilot  team ", "", "Pilot team"]) == ["Pilot team", "B", "Pilot team (C)"]
    assert compare.scenario_names(["Input", "x\ny", "\u202eA"]) == ["Input (A)", "x y", "A"]
    # A is "A" only once: C asked for "A" too.
    assert compare.scenario_names(["", "B", "A"]) == ["A", "B", "A (C)"]
    assert compare.scenario_names(["n" * 60])[0] == "n" * compare.MAX_NAME
    names = ["=1+1", "+SUM(A1)", "-2", "@x", "\tx", "\rx", "Plan"]
    assert [compare.csv_cell(n) for n in names] == ["'=1+1", "'+SUM(A1)", "'-2", "'@x", "'\tx", "'\rx", "Plan"]
    import pandas as pd
    csv = compare.csv_bytes(pd.DataFrame({"Result": ["NPV"], '=HYPERLINK("http://e.x")': ["$1"]})).decode()
    assert csv.splitlines() == ['Result,"\'=HYPERLINK(""http://e.x"")"', "NPV,$1"]


def test_scenario_names_are_plain_text_in_the_chart_and_its_caption():
    o = compare.Outcome(582_614.32, 5.91, [])
    fig = compare.chart(["<b>A</b>", "[x](http://e.x)"], [o, o])
    assert fig.data[0].x.tolist() == ["&lt;b&gt;A&lt;/b&gt;", "[x](http://e.x)"]
    alt = compare.chart_alt_markdown(["<b>A</b>", "[x](http://e.x)"], [o, o])
    assert "`<b>A</b>`\\: NPV \\$582.6K" in alt and "`[x](http://e.x)`" in alt
    # Plain words stay as they are in Markdown; anything that could be a link or markup is a code span.
    assert [compare.md_name(n) for n in ("Pilot (north)", "bob@e.x", "www.e.x", "x_y_", "<i>")] == [
        "Pilot (north)", "`bob@e.x`", "`www.e.x`", "`x_y_`", "`<i>`"]


# --- compare outcomes ------------------------------------------------------------------------------
def test_compare_outcome_of_the_business_case_is_the_best_option():
    # The hand case of tests/core/test_business_case.py (one undiscounted year, production certain, no
    # risk adjustments, no ramp, system 40,000 + 12,000 a year, built in 2 months): Redeploy is
    # best at 2 x 120,000 x 0.8 x 10/12 - (40,000 + 10,000 + 21,333.33 + 80,000) = 8,666.67.
    values = {**scenario.defaults("business_case"), "case_years": 1, "case_rate": 0.0, "success": 100.0,
              "brisk": 0.0, "crisk": 0.0, "case_ramp": 0.0, "sys_cost": 40_000.0, "sys_run": 12_000.0, "build": 2.0}
    o = compare.outcome(scenario.Scenario("business_case", "USD", values))
    assert o.rows[0] == ("Best option at the likely values", "text", "Redeploy")
    assert o.npv == pytest.approx(8_666.67, abs=0.01)
    # The example TEI table is not the user's: it is left out of the comparison.
    assert not any(label.startswith("Your own figures") for label, _, _ in o.rows)
    own = compare.outcome(scenario.Scenario("business_case", "USD", values, {"tei": ["B~Savings~0_100000"]}))
    rows = {label: value for label, _, value in own.rows}
    # Undiscounted and, in this scenario, with no risk adjustment: 100,000.
    assert rows["Your own figures (TEI table): NPV"] == pytest.approx(100_000)


def test_compare_outcome_of_the_upskilling_plan():
    # 240 h at 10 h/week = 24 weeks from 2027-01-04 -> 2027-06-21.
    values = {**scenario.defaults("upskilling", TODAY), "weekly": 10.0, "goal": "Custom", "target_h": 240.0,
              "start": dt.date(2027, 1, 4)}
    o = compare.outcome(scenario.Scenario("upskilling", "USD", values), TODAY)
    rows = {label: value for label, _, value in o.rows}
    assert rows["Weeks to competency"] == 24.0 and rows["Competent by"] == dt.date(2027, 6, 21)


def test_compare_refuses_the_risk_page():
    with pytest.raises(ValueError):
        compare.outcome(scenario.Scenario("risk", "USD", scenario.defaults("risk")))


# --- the HTML report -----------------------------------------------------------------------------------
OWN_ROWS = [{"Type": "Benefit", "Line item": "Savings", "values": (0.0,) + (200_000.0,) * 10},
            {"Type": "Cost", "Line item": "Build", "values": (90_000.0,) + (0.0,) * 10}]


def _report(rows=tei.DEFAULT_ROWS, link="http://localhost:8501/business_case?team=12"):
    values = scenario.defaults("business_case")
    inputs, ranges = build_team_inputs(values)
    likely = business_case.evaluate_options(inputs)
    sim = business_case.simulate_options(inputs, ranges, n=2_000, seed=1)
    own = finance.tei_table(*tei.arrays(rows, inputs.horizon_years), inputs.discount_rate, 0.1, 0.1)
    return case_report(values, inputs, likely, sim, rows, own if tei.is_own(rows, 3) else None, "USD", "en-US",
                       link, TODAY)


def test_report_shows_the_tei_table_only_with_the_users_own_figures():
    """The issue: one headline number per option; the example TEI table is not "your own figures"."""
    example = _report()
    assert "Your own figures" not in example and example.count("<figure") == 1
    own = _report(OWN_ROWS)
    assert "Your own figures (TEI table)" in own and own.count("<figure") == 2
    # Risk-adjusted, TEI style: 200,000 x 0.9 a year for 3 years at 10 %, 90,000 x 1.1 up front.
    npv = 180_000 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331) - 99_000
    assert f"${npv:,.0f}" in own
    for o in business_case.OPTIONS:
        assert o in example


def test_report_is_one_offline_document_with_everything_asked_for():
    doc = _report(OWN_ROWS)
    assert doc.startswith("<!DOCTYPE html>") and doc.count("<html") == 1
    # Static SVG charts, no script at all, nothing loaded from elsewhere; light (it was 4.8 MB with plotly.js).
    assert "<script" not in doc and doc.count("<svg") == 2 and len(doc.encode()) < 80_000
    assert not re.search(r"""<script[^>]+src=|<link[^>]+href=|<img[^>]+src=""", doc)  # the browser test checks requests
    for needle in ("Illustrative estimate", "Which option pays best", "Inputs and their sources", "Team size",
                   "Forrester TEI", "How the numbers are made", "beta-PERT", "Data and attribution",
                   "http://localhost:8501/business_case?team=12", "@media print"):
        assert needle in doc, needle
    # The method in plain words: no code documentation (the issue found "Formulas::" and backticks).
    assert "Formulas::" not in doc and "`" not in doc and "1-99" not in doc


def test_report_escapes_every_user_text():
    rows = [{"Type": "Cost", "Line item": "<img src=x onerror=alert(1)>", "values": (1.0,) * 11}]
    doc = _report(rows, link="javascript:alert(2)")  # the user's own rows
    assert "<img src=x" not in doc and "&lt;img src=x onerror=alert(1)&gt;" in doc
    assert 'href="javascript' not in doc


def test_report_table_cells():
    t = report.Table("T", ["A", "B"], [["x<y", "$1,000"]])
    doc = report.html_report(title="t", question="q", headline="h", link="/x",
                             sections=[report.Section("S", tables=[t])], generated=TODAY, note="n")
    assert "<td>x&lt;y</td>" in doc and '<td class="num">$1,000</td>' in doc


def test_report_inputs_table_covers_every_case_input():
    values = scenario.defaults("business_case")
    t = report.inputs_table(CASE_INPUTS, values, "USD", "en-US", "Inputs")
    assert len(t.rows) == len(CASE_INPUTS)
    assert ["Team size", "10 persons", "10 persons"] == t.rows[0][:3]


# Issue 16, item 2 and 7: hostile files are refused with a reason, never a traceback.
NESTED = (b'{"app":"Upskill ROI","format":1,"page":"roi","inputs":{"x":' + b"[" * 500 + b"]" * 500 + b"}}")


def test_a_deeply_nested_file_is_refused_not_a_crash():
    # 1 KB that used to raise RecursionError while its text was checked.
    s, problems = scenario.read_json(NESTED, "roi")
    assert s is None and problems == ["The file nests objects and lists more than 8 deep; a scenario file nests 3 "
                                      "deep."]


def test_a_repeated_key_is_refused():
    data = b'{"app": "Upskill ROI", "format": 1, "page": "roi", "inputs": {"rate": 29}, "inputs": {"rate": 12}}'
    s, problems = scenario.read_json(data, "roi")
    assert s is None and problems == ["The file has the key `inputs` twice in one object: a scenario file names "
                                      "each field once."]


def test_a_utf8_byte_order_mark_is_accepted():
    s, problems = scenario.read_json(b"\xef\xbb\xbf" + b'{"app": "Upskill ROI", "format": 1, "page": "roi", '
                                     b'"inputs": {"rate": 12}}', "roi")
    assert problems == [] and s is not None and s.values["rate"] == 12.0


def test_a_long_list_of_problems_is_summed_up():
    inputs = ", ".join(f'"x{n}": 1' for n in range(5_000))
    s, problems = scenario.read_json(('{"app": "Upskill ROI", "format": 1, "page": "roi", "inputs": {' + inputs
                                      + "}}").encode(), "roi")
    # 12 listed, then one line for the other 4,988.
    assert s is None and len(problems) == 13 and problems[-1].startswith("… and 4,988 more problems")
    _, messages = scenario.from_link("/business_case?" + "&".join(["tei=x"] * 999))
    assert len(messages) <= 13
