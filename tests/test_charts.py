"""Pure figure builders: titles, axes, numpy arrays in traces, payback marker, text labels."""

import numpy as np
import plotly.graph_objects as go
import pytest

from ui import charts
from ui.theme import PALETTE


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
