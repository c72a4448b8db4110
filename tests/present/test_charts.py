"""Pure figure builders: titles, axes, numpy arrays in traces, payback marker, text labels."""

import numpy as np
import plotly.graph_objects as go
import pytest

from upskill_roi.present import charts
from upskill_roi.present.theme import PALETTE


def _has_titles(fig: go.Figure) -> None:
    assert fig.layout.title.text
    assert fig.layout.yaxis.title.text


def test_cumulative_cashflow_marks_payback():
    fig = charts.cumulative_cashflow(np.array([-100.0, -40.0, 20.0]), 1 + 40 / 60, "EUR", "de-DE")
    _has_titles(fig)
    line, marker = fig.data
    assert isinstance(line.y, np.ndarray) and line.y.tolist() == [-100, -40, 20]
    assert marker.x.tolist() == pytest.approx([1 + 40 / 60]) and marker.y.tolist() == [0]
    assert "1,7 months" in marker.name  # German decimal comma
    assert fig.layout.yaxis.title.text == "Cumulative net (EUR)"
    assert fig.layout.separators == ",."
    assert line.customdata[0] == "-100\xa0€"


def test_cumulative_cashflow_without_payback_says_so():
    fig = charts.cumulative_cashflow([-100, -90], None)
    assert len(fig.data) == 1
    assert any("Does not pay back" in a.text for a in fig.layout.annotations)


def test_benefits_costs_chart_labels_and_patterns():
    fig = charts.benefits_costs_by_year(["Initial", "Year 1"], [0, 500], [100, 50])
    _has_titles(fig)
    b, c, net = fig.data
    assert b.marker.color == PALETTE[0] and c.marker.color == PALETTE[1]
    assert c.marker.pattern.shape == "/"  # costs are told apart by pattern too, not colour alone
    assert list(b.text) == ["$0", "$500"]
    assert list(c.customdata) == ["$100", "$50"]  # full amounts on hover
    assert net.y.tolist() == [-100, 450]


def test_benefits_costs_chart_drops_bar_labels_when_crowded():
    labels = ["Initial"] + [f"Year {k}" for k in range(1, 11)]
    fig = charts.benefits_costs_by_year(labels, np.full(11, 5e5), np.full(11, 5e4))
    assert fig.data[0].text is None and len(fig.data[0].customdata) == 11


def test_waterfall_measures_and_text():
    fig = charts.savings_waterfall({"Savings": 1000.0, "Implementation": -100.0, "Running costs": -300.0,
                                    "Employer net": 600.0}, 3)
    w = fig.data[0]
    assert w.measure.tolist() == ["absolute", "relative", "relative", "total"]
    assert list(w.text) == ["$1K", "-$100", "-$300", "$600"]
    assert list(w.customdata) == ["$1,000", "-$100", "-$300", "$600"]
    assert "3 years" in fig.layout.title.text


def test_figures_serialise_arrays_compactly():
    fig = charts.cumulative_cashflow(np.linspace(-1e5, 1e6, 121), 10.0)
    y = fig.to_plotly_json()["data"][0]["y"]
    # plotly >= 6 encodes numpy arrays as base64 typed arrays; a Python list would stay a list.
    assert isinstance(y, dict) and y["dtype"] == "f8" and "bdata" in y


# --- text alternatives and "never by colour alone" (issue 7) ---------------------------------
def _every_figure() -> dict[str, go.Figure]:
    from upskill_roi.core.uncertainty import TornadoBar

    return {
        "cumulative": charts.cumulative_cashflow([-100.0, -40.0, 20.0], 1 + 40 / 60),
        "years": charts.benefits_costs_by_year(["Initial", "Year 1"], [0, 500], [100, 50]),
        "waterfall": charts.savings_waterfall({"Savings": 100.0, "Costs": -30.0, "Net": 70.0}, 1),
        "proficiency": charts.proficiency_curves([0, 10, 20], {"6 h/week": [0, .2, .4], "Your plan": [0, .3, .6]},
                                                 {"Competent": 0.6}, "Your plan", 20.0),
        "weeks": charts.weeks_vs_hours([6, 8, 12], [40, 30, 20], (6, 12), (8, 30.0)),
        "payoff": charts.scenario_payoff([-1, 0, 1], {"Earlier": [0, 0, 5], "Start now": [0, -5, 10]}),
        "bullet": charts.share_bullet(0.72, 0.60),
        "kinds": charts.time_by_kind_bar({"E1": 0.6, "Strategic judgment": 0.4},
                                         {"E1": True, "Strategic judgment": False}),
        "histogram": charts.npv_histogram(np.array([-10.0, 5.0, 20.0, 30.0]), -5.0, 12.0, 28.0),
        "tornado": charts.tornado_chart([TornadoBar("a", 90.0, 130.0)], 100.0, {"a": "Savings"}),
        "options": charts.npv_by_option(["Upskill", "Reduce"], [10.0, -5.0], [8.0, -9.0], [12.0, -1.0]),
        "compare": charts.compare_scenarios(["A", "B"], [100.0, -50.0], [6.0, None]),
    }


def test_every_figure_has_a_title_and_a_text_alternative_with_its_numbers():
    expected = {  # numbers the sentence must carry, worked out from the inputs above
        "cumulative": ["-$100", "1.7 months", "$20"],
        "years": ["Initial: benefits $0, costs $100, net -$100", "Year 1: benefits $500, costs $50, net $450"],
        "waterfall": ["Savings $100", "Costs -$30", "Net $70"],
        "proficiency": ["week 20", "6 h/week"],
        "weeks": ["40 weeks at 6 h", "20 weeks at 12 h", "8 h a week, takes 30 weeks"],
        "payoff": ["Earlier (dash line) ends at $5", "Start now (solid line) ends at $10"],
        "bullet": ["72%", "more than your threshold of 60%", "at risk"],
        "kinds": ["E1 (automatable) 60%", "Strategic judgment 40%"],
        "histogram": ["4 simulated", "P10 -$5", "median $12", "P90 $28", "25% of them are below zero"],
        "tornado": ["Savings: $90 to $130", "NPV $100"],
        "options": ["Upskill $10 (P10 $8, P90 $12)", "Reduce -$5 (P10 -$9, P90 -$1)"],
        "compare": ["A: NPV $100, payback 6.0 months", "B: NPV -$50, payback never"],
    }
    figures = _every_figure()
    assert set(figures) == set(expected)
    assert len(figures) == len(charts.__all__) - 2  # every builder (not `separators`, `alt_text`)
    for name, fig in figures.items():
        assert fig.layout.title.text, name
        alt = charts.alt_text(fig)
        assert alt != fig.layout.title.text, name
        for part in expected[name]:
            assert part in alt, (name, part, alt)


def test_losses_are_hatched_and_signed_not_only_coloured():
    options = charts.npv_by_option(["Gain", "Loss"], [10.0, -5.0], [8.0, -9.0], [12.0, -1.0]).data[0]
    assert list(options.marker.pattern.shape) == ["", "/"]
    assert list(options.text) == ["$10", "-$5"]
    npv_bars = charts.compare_scenarios(["A", "B"], [100.0, -50.0], [6.0, None]).data[0]
    assert list(npv_bars.marker.pattern.shape) == ["", "/"]
    at_risk, safe = charts.share_bullet(0.72, 0.60).data[0], charts.share_bullet(0.45, 0.60).data[0]
    assert (at_risk.marker.pattern.shape, safe.marker.pattern.shape) == ("/", "")
    assert "(at risk)" in at_risk.y[0] and "(not at risk)" in safe.y[0]


def test_layout_overrides_merge_into_the_shared_layout():
    fig = charts.share_bullet(0.45, 0.60)
    assert fig.layout.xaxis.range == (0, 100) and fig.layout.xaxis.title.text == "Share of working time"
    assert fig.layout.height == 230 and fig.layout.hovermode == "x unified"
    kinds = charts.time_by_kind_bar({"E1": 1.0}, {"E1": True})
    assert kinds.layout.legend.y == -0.35 and kinds.layout.legend.orientation == "h"


def test_builders_still_draw_and_describe_empty_data():
    """No data is unusual (the pages never pass it) but must not crash a pure builder."""
    empty = np.array([], dtype=float)
    figs = [charts.cumulative_cashflow(empty, 1.0),
            charts.proficiency_curves(empty, {}, {"Competent": 0.6}, "x", None),
            charts.weeks_vs_hours(empty, empty, (6, 12), (10, None)),
            charts.scenario_payoff(empty, {"Start now": empty})]
    for fig in figs:
        assert charts.alt_text(fig) and fig.layout.title.text


def test_text_alternatives_follow_the_locale():
    fig = charts.npv_histogram(np.arange(20_000, dtype=float) - 5_000, 1_000.5, 9_000.0, 17_000.0, "EUR", "de-DE")
    assert "20.000 simulated" in charts.alt_text(fig) and "25\xa0%" in charts.alt_text(fig)  # German grouping, NBSP
