"""Spreadsheets a CFO can audit: a case as an ``.xlsx`` workbook whose results are formulas.

The implementation-value workbook (:func:`implementation_workbook`) has four sheets:

* **Inputs** -- every input the model uses, in model units (rates as %), with its unit, its
  source, whether it is the user's ("your input") or a default ("assumed"), and the range the app
  accepts. Each value cell has a workbook name (``rate``, ``savings`` ...), so the formulas read
  like the methodology.
* **Monthly cash flows** -- month 0 (go-live) to the longest horizon the app allows: the ramp, the
  expected benefits and costs, the discount factor ``(1 + rate)^(-m/12)``, the present value, the
  cumulative net; months past the horizon are 0, so a changed horizon changes the results.
* **Summary** -- NPV, ROI, IRR, payback, the premium and the employer's NPV after it, each a
  formula over the sheets above, beside the app's own value.
* **Checks** -- each formula against the app's value, and each input against its accepted range.

Conventions are the core's (:mod:`upskill_roi.core.finance`, :mod:`upskill_roi.core.roi`): the
same monthly timing and discounting, the undiscounted payback with linear interpolation, the IRR as
an annual rate. The file carries the app's values as the formulas' cached results, so it shows them
when opened; a spreadsheet that recalculates (LibreOffice, tests/documents/test_workbook.py) gets
the same values. Every text cell is written as text, never as a formula (a label cannot run).

Formulas (sheet "Monthly cash flows", month m in column A)::

    in horizon_m = 1 if m <= 12 x horizon else 0
    ramp_m       = 0 for m = 0; min(m / ramp, 1) (1 when ramp = 0)
    benefit_m    = in horizon_m x p x savings x (1 - benefit risk) / 12 x ramp_m
    cost_0       = implementation cost x (1 + cost risk)
    cost_m       = in horizon_m x p x running cost x (1 + cost risk) / 12         m >= 1
    v_m          = (1 + rate)^(-m / 12)
    NPV          = sum_m (benefit_m - cost_m) v_m;   ROI = NPV / sum_m cost_m v_m
    IRR          = (1 + IRR(monthly net))^12 - 1
    payback      = k + (-C_k) / net_(k+1), k = the last month with cumulative net C_k < 0
                   (0 if none; "never" if C < 0 at the horizon)
    premium      = 0 if NPV <= 0, else min(capture x net savings, cap x salary, NPV / (p x A)),
                   A = sum_(m=1..12H) v_m / 12
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from upskill_roi.core.business_case import TeamInputs
from upskill_roi.core.finance import TeiTable
from upskill_roi.core.roi import ImplementationInputs, ImplementationResult
from upskill_roi.core.uncertainty import Range, Simulation
from upskill_roi.inputs.param import Param

__all__ = ["InputRow", "implementation_rows", "implementation_workbook", "tei_rows", "tei_workbook", "MAX_MONTHS",
           "CHECK_TOLERANCE"]

MAX_HORIZON_YEARS = 10
MAX_MONTHS = 12 * MAX_HORIZON_YEARS
"""Months the cash-flow sheet holds (the longest horizon the app accepts), after month 0."""
CHECK_TOLERANCE = 0.01
"""A formula agrees with the app when they differ by at most this [currency, months or fraction]."""

# Model field -> the workbook name of its cell and its number format.
_NAMES: dict[str, tuple[str, str]] = {
    "annual_savings": ("savings", "money"),
    "implementation_cost": ("impl_cost", "money"),
    "running_cost": ("running", "money"),
    "ramp_months": ("ramp", "number"),
    "horizon_years": ("horizon", "number"),
    "discount_rate": ("rate", "percent"),
    "benefit_risk": ("benefit_risk", "percent"),
    "cost_risk": ("cost_risk", "percent"),
    "success_probability": ("p_success", "percent"),
    "capture_share": ("capture", "percent"),
    "premium_cap": ("cap", "percent"),
    "salary": ("salary", "money"),
}


_TEI_NAMES: dict[str, tuple[str, str]] = {
    "discount_rate": ("rate", "percent"),
    "benefit_risk": ("benefit_risk", "percent"),
    "cost_risk": ("cost_risk", "percent"),
}


@dataclass(frozen=True)
class InputRow:
    """One row of the Inputs sheet.

    Attributes
    ----------
    field : str
        The :class:`~upskill_roi.core.roi.ImplementationInputs` field.
    label, unit, source : str
        As declared (``unit`` with the currency filled in).
    value : float
        The value the model used [model units: fractions for rates].
    status : str
        ``"your input"`` or ``"assumed"`` (a default the user has not changed).
    low, high : float or None
        The range the app accepts [model units].
    """

    field: str
    label: str
    unit: str
    source: str
    value: float
    status: str
    low: float | None
    high: float | None


def implementation_rows(inputs: ImplementationInputs, params: Sequence[Param], values: Mapping[str, Any],
                        currency: str, drivers: bool = False) -> list[InputRow]:
    """The Inputs sheet's rows from the declarations that feed ``inputs`` (model values from
    ``inputs``; "your input" where the page's value differs from the declared default). With
    ``drivers`` the savings are the drivers' total: the user's when any driver was changed.

    Examples
    --------
    >>> from upskill_roi.inputs.declared import ROI_INPUTS
    >>> rows = implementation_rows(ImplementationInputs(discount_rate=0.12), ROI_INPUTS, {"rate": 12.0}, "EUR")
    >>> [(r.field, r.value, r.status, r.high) for r in rows if r.field == "discount_rate"]
    [('discount_rate', 0.12, 'your input', 0.3)]
    >>> [(r.unit, r.status) for r in rows if r.field == "annual_savings"]
    [('EUR/yr', 'assumed')]
    """
    driver_keys = [p.key for p in params for f in p.feeds if f.model.__name__ == "SavingsDrivers"]
    changed_drivers = any(p.key in values and values[p.key] != p.default for p in params if p.key in driver_keys)
    rows = _rows(inputs, params, values, currency, list(_NAMES))
    if drivers:
        rows = [InputRow(r.field, r.label + " (from the savings drivers)", r.unit, r.source, r.value,
                         "your input" if changed_drivers else "assumed", r.low, r.high)
                if r.field == "annual_savings" else r for r in rows]
    return rows


def _rows(inputs: Any, params: Sequence[Param], values: Mapping[str, Any], currency: str,
          fields: Sequence[str]) -> list[InputRow]:
    """Rows for ``fields`` of the model instance ``inputs``, from the declarations that feed them."""
    feeding = {f.name: p for p in params for f in p.feeds if isinstance(inputs, f.model)}
    rows = []
    for field in fields:
        p = feeding[field]
        changed = p.key in values and values[p.key] != p.default
        low, high = (None if b is None else float(p.to_model(b)) for b in (p.min, p.max))
        rows.append(InputRow(field, p.label, p.unit.replace("{cur}", currency), p.source,
                             float(getattr(inputs, field)), "your input" if changed else "assumed", low, high))
    return rows


def implementation_workbook(result: ImplementationResult, rows: Sequence[InputRow], currency: str,
                            title: str = "Implementation value", ranges: Mapping[str, Range] | None = None,
                            simulation: Simulation | None = None, seed: int | None = None, drivers: str = ""
                            ) -> bytes:
    """The implementation-value workbook (see the module's description) as ``.xlsx`` bytes.

    Examples
    --------
    >>> from upskill_roi.core.roi import evaluate
    >>> from upskill_roi.inputs.declared import ROI_INPUTS
    >>> i = ImplementationInputs()
    >>> data = implementation_workbook(evaluate(i), implementation_rows(i, ROI_INPUTS, {}, "USD"), "USD")
    >>> data[:2]   # a zip file (xlsx)
    b'PK'

    With ``ranges`` and their ``simulation`` (:func:`upskill_roi.core.uncertainty.simulate`), a
    "Ranges" sheet gives the low / likely / high inputs and the simulated P10 / P50 / P90 results
    (conservative, base, optimistic) as labelled values: they come from the app's Monte Carlo, which
    a spreadsheet formula does not redo; ``drivers`` is the sentence on what drives the result
    (:func:`upskill_roi.present.text.drivers_sentence`).
    """
    names = ("Summary", "Inputs", "Monthly cash flows", "Checks") + (("Ranges",) if simulation else ())
    book = _Book(names)
    sm, ws, cf, ck = book.sheets[:4]
    if simulation is not None and ranges is not None:
        book.ranges(book.sheets[4], ranges, simulation, rows, currency, seed, drivers)
    formats, head = book.formats, book.head
    i, n = result.inputs, MAX_MONTHS
    book.inputs(ws, rows, _NAMES, f"{title}: inputs in {currency}")

    # --- Monthly cash flows -----------------------------------------------------------------
    cols = ("Month", "In horizon", "Ramp", "Benefits", "Costs", "Net", "Discount factor", "PV of net",
            "Cumulative net", "Below 0 (month)", "Benefits if in production", "Costs if in production",
            "Premium month")
    for c, h in enumerate(cols):
        cf.write_string(0, c, h, head)
    cf.set_row(0, 30)
    cf.repeat_rows(0)  # printed: the header on every page
    b_m, c_m = result.monthly_benefits, result.monthly_costs
    v = [(1 + i.discount_rate) ** (-m / 12) for m in range(n + 1)]
    net = [float(b_m[m] - c_m[m]) if m < len(b_m) else 0.0 for m in range(n + 1)]
    cum = 0.0
    for m in range(n + 1):
        x = m + 2  # the spreadsheet row
        inside = m <= 12 * i.horizon_years
        ramp = 0.0 if m == 0 else (min(m / i.ramp_months, 1.0) if i.ramp_months > 0 else 1.0)
        cum += net[m]
        cf.write_number(x - 1, 0, m)
        cf.write_formula(x - 1, 1, f"=IF(A{x}<=12*horizon,1,0)", None, int(inside))
        cf.write_formula(x - 1, 2, f"=IF(A{x}=0,0,IF(ramp>0,MIN(A{x}/ramp,1),1))", formats["number"], ramp)
        cf.write_formula(x - 1, 10, f"=B{x}*savings*(1-benefit_risk)/12*C{x}", formats["money"],
                         inside * i.annual_savings * (1 - i.benefit_risk) / 12 * ramp)
        own_cost = (i.implementation_cost * (1 + i.cost_risk) if m == 0
                    else inside * i.running_cost * (1 + i.cost_risk) / 12)
        cf.write_formula(x - 1, 11, f"=IF(A{x}=0,impl_cost*(1+cost_risk),B{x}*running*(1+cost_risk)/12)",
                         formats["money"], own_cost)
        cf.write_formula(x - 1, 3, f"=p_success*K{x}", formats["money"], float(b_m[m]) if inside else 0.0)
        cf.write_formula(x - 1, 4, f"=IF(A{x}=0,L{x},p_success*L{x})", formats["money"],
                         float(c_m[m]) if inside else 0.0)
        cf.write_formula(x - 1, 5, f"=D{x}-E{x}", formats["money"], net[m])
        cf.write_formula(x - 1, 6, f"=(1+rate)^(-A{x}/12)", formats["factor"], v[m])
        cf.write_formula(x - 1, 7, f"=F{x}*G{x}", formats["money"], net[m] * v[m])
        cf.write_formula(x - 1, 8, f"=SUM(F$2:F{x})", formats["money"], cum)
        cf.write_formula(x - 1, 9, f"=IF(AND(B{x}=1,I{x}<0),A{x},-1)", None, m if inside and cum < 0 else -1)
        cf.write_formula(x - 1, 12, f"=IF(A{x}>0,B{x},0)", None, int(inside and m > 0))
    cf.set_column(0, 2, 10)
    cf.set_column(3, 12, 15)
    cf.freeze_panes(1, 1)
    rng = {c: f"'Monthly cash flows'!${c}$2:${c}${n + 2}" for c in "ABCDEFGHIJKLM"}

    # --- Summary ------------------------------------------------------------------------------
    s = result.summary
    annuity = sum(v[1:12 * i.horizon_years + 1]) / 12
    results: list[_Result] = [
        ("PV of benefits", "pv_benefits", f"=SUMPRODUCT({rng['D']},{rng['G']})", s.pv_benefits, "money"),
        ("PV of costs", "pv_costs", f"=SUMPRODUCT({rng['E']},{rng['G']})", s.pv_costs, "money"),
        ("Net present value", "npv", "=pv_benefits-pv_costs", s.npv, "money"),
        ("ROI (NPV / PV of costs)", "roi", '=IF(pv_costs>0,npv/pv_costs,"n/a")', s.roi, "percent"),
        ("IRR (annual)", "irr", f'=IFERROR((1+IRR({rng["F"]}))^12-1,"n/a")', s.irr, "percent"),
        ("Payback (months, undiscounted)", "payback", _payback(rng["I"], rng["J"], rng["F"], "12*horizon+1"),
         result.payback_months, "months"),
        ("NPV if it reaches production", "npv_if_production",
         f"=SUMPRODUCT({rng['K']},{rng['G']})-SUMPRODUCT({rng['L']},{rng['G']})", result.npv_if_success, "money"),
        ("NPV if it does not", "npv_if_not", "=-impl_cost*(1+cost_risk)", result.npv_if_failure, "money"),
        ("Net savings a year in production", "net_savings", "=savings*(1-benefit_risk)-running*(1+cost_risk)",
         result.net_annual_savings, "money"),
        ("Premium by the rule (capture x net savings)", "premium_rule", "=MAX(net_savings,0)*capture",
         result.premium_rule, "money"),
        ("Premium cap (cap x salary)", "premium_cap", "=cap*salary", result.premium_cap_amount, "money"),
        ("PV of 1 a year paid monthly (A)", "annuity", f"=SUMPRODUCT({rng['M']},{rng['G']})/12", annuity, "years"),
        ("Premium the employer can afford (NPV / (p x A))", "premium_affordable",
         '=IF(p_success*annuity>0,npv/(p_success*annuity),"no limit")',
         (s.npv / (i.success_probability * annuity)) if i.success_probability * annuity > 0 else "no limit", "money"),
        ("Justified premium", "premium",
         "=IF(OR(npv<=0,premium_rule<=0),0,MIN(premium_rule,premium_cap,premium_affordable))", result.premium,
         "money"),
        ("PV of the premium (expected)", "premium_pv", "=premium*p_success*annuity", result.premium_pv, "money"),
        ("Employer's NPV after the premium", "employer_npv", "=npv-premium_pv", result.employer_npv, "money"),
        ("Break-even savings (NPV = 0)", "break_even",
         f'=IF(p_success*(1-benefit_risk)*SUMPRODUCT({rng["B"]},{rng["C"]},{rng["G"]})>0,'
         f'pv_costs/(p_success*(1-benefit_risk)/12*SUMPRODUCT({rng["B"]},{rng["C"]},{rng["G"]})),"n/a")',
         result.break_even_savings, "money"),
    ]
    book.summary(sm, results, f"{title}: results ({currency})", currency)
    book.checks(ck, results, rows, [("NPV = the sum of the monthly present values",
                                      f'=IF(ABS(npv-SUM({rng["H"]}))<={CHECK_TOLERANCE},"OK","DIFFERS")')])
    return book.close()


def tei_rows(inputs: TeamInputs, params: Sequence[Param], values: Mapping[str, Any], currency: str
             ) -> list[InputRow]:
    """The TEI workbook's Inputs rows: the discount rate and the two risk adjustments of the case.

    Examples
    --------
    >>> from upskill_roi.inputs.declared import CASE_INPUTS
    >>> [(r.field, r.value, r.status) for r in tei_rows(TeamInputs(), CASE_INPUTS, {}, "USD")]
    [('discount_rate', 0.1, 'assumed'), ('benefit_risk', 0.1, 'assumed'), ('cost_risk', 0.1, 'assumed')]
    """
    return _rows(inputs, params, values, currency, list(_TEI_NAMES))


def tei_workbook(items: Sequence[Mapping[str, Any]], years: int, table: TeiTable, rows: Sequence[InputRow],
                 currency: str, title: str = "Your own figures (TEI table)") -> bytes:
    """The business case's own TEI table as ``.xlsx`` bytes: the line items as typed (text as text,
    amounts as input cells), the risk-adjusted totals, the discount factors ``(1 + rate)^(-t)``
    (Initial at t = 0, Year k at t = k: :mod:`upskill_roi.core.finance`), and NPV, ROI, IRR and
    payback as formulas beside the page's values, with a Checks sheet.

    ``items`` are the table's rows (``Type`` "Benefit" or "Cost", ``Line item``, ``values`` for
    Initial, Year 1 ..); ``table`` is what the page computed from them
    (:func:`upskill_roi.core.business_case.own_figures`).

    Examples
    --------
    >>> from upskill_roi.core.finance import tei_table
    >>> from upskill_roi.inputs.declared import CASE_INPUTS
    >>> items = [{"Type": "Benefit", "Line item": "=1+1", "values": (0.0, 100.0, 100.0)}]
    >>> t = tei_table([[0, 100, 100]], [[0, 0, 0]], 0.1, 0.1, 0.1)
    >>> tei_workbook(items, 2, t, tei_rows(TeamInputs(), CASE_INPUTS, {}, "USD"), "USD")[:2]
    b'PK'
    """
    book = _Book(("Summary", "Inputs", "TEI table", "Checks"))
    sm, ws, tt, ck = book.sheets
    formats, head = book.formats, book.head
    book.inputs(ws, rows, _TEI_NAMES, f"{title}: inputs")
    periods = ["Initial", *(f"Year {k}" for k in range(1, years + 1))]
    last_col = _col(2 + years)
    tt.write_string(0, 0, f"{title} in {currency}: change the yellow amounts; the rows below them are formulas",
                    book.bold)
    for c, h in enumerate(("Type", "Line item", *periods)):
        tt.write_string(2, c, h, head)
    first = 4  # the first line item's spreadsheet row
    for r, item in enumerate(items, start=first - 1):
        tt.write_string(r, 0, str(item["Type"]))
        tt.write_string(r, 1, str(item["Line item"]))  # user text: always text, never a formula
        for k in range(years + 1):
            tt.write_number(r, 2 + k, float(item["values"][k]), book.input_money)
    end = first + max(len(items), 1) - 1  # the last line item's row
    x = end + 2  # the first total row
    labels = ("Benefits, risk-adjusted", "Costs, risk-adjusted", "Net", "Cumulative net", "t (years)",
              "Discount factor", "PV of net", "Below 0 (year)")
    cached = {
        0: list(table.benefits), 1: list(table.costs), 2: list(table.net), 3: list(table.cumulative),
        4: list(range(years + 1)),
        5: [(1 + next(r.value for r in rows if r.field == "discount_rate")) ** -k for k in range(years + 1)],
    }
    cached[6] = [a * b for a, b in zip(cached[2], cached[5], strict=True)]
    cached[7] = [k if cached[3][k] < 0 else -1 for k in range(years + 1)]
    for j, label in enumerate(labels):
        tt.write_string(x - 1 + j, 1, label, book.bold if j < 3 else None)
    for k in range(years + 1):
        col = _col(2 + k)
        column = f"${col}${first}:${col}${end}"
        kinds = f"$A${first}:$A${end}"
        formulas = (f'=SUMIF({kinds},"Benefit",{column})*(1-benefit_risk)',
                    f'=SUMIF({kinds},"Cost",{column})*(1+cost_risk)',
                    f"={col}{x}-{col}{x + 1}", f"=SUM($C${x + 2}:{col}{x + 2})", None,
                    f"=(1+rate)^(-{col}{x + 4})", f"={col}{x + 2}*{col}{x + 5}",
                    f"=IF({col}{x + 3}<0,{col}{x + 4},-1)")
        for j, formula in enumerate(formulas):
            if formula is None:
                tt.write_number(x - 1 + j, 2 + k, k)
            else:
                kind = "factor" if j == 5 else "number" if j == 7 else "money"
                tt.write_formula(x - 1 + j, 2 + k, formula, formats[kind], cached[j][k])
    tt.set_column(0, 0, 10)
    tt.set_column(1, 1, 34)
    tt.set_column(2, 2 + years, 13)
    row = {label: f"'TEI table'!$C${x + j}:${last_col}${x + j}" for j, label in enumerate(labels)}
    s = table.summary
    results: list[_Result] = [
        ("PV of benefits", "pv_benefits", f"=SUMPRODUCT({row[labels[0]]},{row[labels[5]]})", s.pv_benefits, "money"),
        ("PV of costs", "pv_costs", f"=SUMPRODUCT({row[labels[1]]},{row[labels[5]]})", s.pv_costs, "money"),
        ("Risk-adjusted NPV", "npv", "=pv_benefits-pv_costs", s.npv, "money"),
        ("ROI (NPV / PV of costs)", "roi", '=IF(pv_costs>0,npv/pv_costs,"n/a")', s.roi, "percent"),
        ("IRR", "irr", f'=IFERROR(IRR({row[labels[2]]}),"n/a")', s.irr, "percent"),
        ("Payback (years, undiscounted)", "payback", _payback(row[labels[3]], row[labels[7]], row[labels[2]],
                                                              str(years + 1)), s.payback, "years"),
    ]
    book.summary(sm, results, f"{title}: results ({currency})", currency)
    book.checks(ck, results, rows, [("NPV = the sum of the yearly present values",
                                      f'=IF(ABS(npv-SUM({row[labels[6]]}))<={CHECK_TOLERANCE},"OK","DIFFERS")')])
    return book.close()


# (label, workbook name, formula, the app's value (None: "n/a" or "never"), format)
_Result = tuple[str, str, str, float | str | None, str]


def _payback(cumulative: str, below: str, net: str, last: str) -> str:
    """The payback formula (:mod:`upskill_roi.core.finance`): k + (-C_k) / net_(k+1), k the last period with
    a cumulative net below 0; 0 if none; "never" if the cumulative net is below 0 at the end (period ``last``)."""
    k = f"MAX({below})"
    return (f'=IF(INDEX({cumulative},{last})<0,"never",IF({k}<0,0,'
            f"{k}-INDEX({cumulative},{k}+1)/INDEX({net},{k}+2)))")


def _col(index: int) -> str:
    """The spreadsheet column letter of a 0-based index (0 -> A, 27 -> AB)."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


class _Book:
    """An XlsxWriter workbook with the sheets' shared parts: formats, the Inputs, Summary and Checks sheets."""

    def __init__(self, sheet_names: Sequence[str]) -> None:
        import xlsxwriter  # only when a workbook is made

        self.buf = io.BytesIO()
        wb = self.wb = xlsxwriter.Workbook(self.buf, {"in_memory": True, "strings_to_formulas": False,
                                                      "strings_to_urls": False})
        self.bold = wb.add_format({"bold": True})
        self.head = wb.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
        self.head_num = wb.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top", "align": "right"})
        self.right = wb.add_format({"align": "right"})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        self.indent = wb.add_format({"indent": 1})
        self.number_formats = {"money": "#,##0", "percent": "0.0%", "number": "0.####", "months": "0.00",
                               "years": "0.00", "factor": "0.000000"}  # the currency is in the units and titles
        self.formats = {k: wb.add_format({"num_format": f, "valign": "top"}) for k, f in self.number_formats.items()}
        self.input_money = wb.add_format({"num_format": "#,##0", "bg_color": "#FFF2CC", "border": 1})
        # Tabs in reading order (the Summary first, where the file opens).
        self.sheets = [wb.add_worksheet(name) for name in sheet_names]
        for sheet in self.sheets:  # printed: landscape, one page wide, A4
            sheet.set_landscape()
            sheet.fit_to_pages(1, 0)
            sheet.set_paper(9)
        self.sheets[0].activate()

    def inputs(self, ws: Any, rows: Sequence[InputRow], names: Mapping[str, tuple[str, str]], title: str) -> None:
        """The Inputs sheet: one named, yellow value cell per row, with its unit, status, range and source."""
        ws.write_string(0, 0, f"{title} (change the yellow cells; every result is a formula of them)", self.bold)
        for c, h in enumerate(("Input", "Value", "Unit", "Status", "Accepted from", "to", "Source")):
            ws.write_string(2, c, h, self.head)
        for r, row in enumerate(rows, start=3):
            name, kind = names[row.field]
            ws.write_string(r, 0, row.label, self.wrap)
            ws.write_number(r, 1, row.value, self.wb.add_format(
                {"num_format": self.number_formats[kind], "valign": "top", "bg_color": "#FFF2CC", "border": 1}))
            ws.write_string(r, 2, row.unit, self.wrap)
            ws.write_string(r, 3, row.status, self.wrap)
            for c, bound in ((4, row.low), (5, row.high)):
                if bound is not None:
                    ws.write_number(r, c, bound, self.formats[kind])
            ws.write_string(r, 6, row.source, self.wrap)
            # Row height for the wrapped text (a spreadsheet does not grow rows it did not lay out itself).
            ws.set_row(r, 15 * max(1, math.ceil(len(row.source) / 75), math.ceil(len(row.label) / 40)))
            self.wb.define_name(name, f"=Inputs!$B${r + 1}")
        ws.set_column(0, 0, 38)
        ws.set_column(1, 1, 16)
        ws.set_column(2, 5, 14)
        ws.set_column(6, 6, 70)

    def summary(self, sm: Any, results: Sequence[_Result], title: str, currency: str) -> None:
        """The Summary sheet: each result a named formula beside the app's value."""
        sm.write_string(0, 0, title, self.bold)
        for c, h in enumerate(("Result", "Spreadsheet (formula)", "The app", "Unit")):
            sm.write_string(2, c, h, self.head_num if c in (1, 2) else self.head)
        for r, (label, name, formula, app, kind) in enumerate(results, start=3):
            shown = app if app is not None else ("never" if name == "payback" else "n/a")
            sm.write_string(r, 0, label, self.wrap)
            sm.write_formula(r, 1, formula, self.formats[kind], shown)
            if isinstance(shown, str):
                sm.write_string(r, 2, shown, self.right)
            else:
                sm.write_number(r, 2, float(shown), self.formats[kind])
            sm.write_string(r, 3, {"money": currency, "months": "months", "years": "years"}.get(kind, ""), self.indent)
            self.wb.define_name(name, f"=Summary!$B${r + 1}")
        sm.set_column(0, 0, 46)
        sm.set_column(1, 2, 20)

    def checks(self, ck: Any, results: Sequence[_Result], rows: Sequence[InputRow],
               extra: Sequence[tuple[str, str]]) -> None:
        """The Checks sheet: each formula against the app's value, the ``extra`` checks, each input in range."""
        ck.write_string(0, 0, "Checks: each formula against the app's value, each input against its accepted range",
                        self.bold)
        for c, h in enumerate(("Check", "Result")):
            ck.write_string(2, c, h, self.head)
        lines = [(f"{label}: formula = the app's value",
                  f'=IF(ISNUMBER(Summary!B{k}),IF(ABS(Summary!B{k}-Summary!C{k})<={CHECK_TOLERANCE},"OK","DIFFERS"),'
                  f'IF(Summary!B{k}=Summary!C{k},"OK","DIFFERS"))')
                 for k, (label, *_rest) in enumerate(results, start=4)]
        lines += list(extra)
        for k, row in enumerate(rows, start=4):
            lo = f"Inputs!B{k}>=Inputs!E{k}" if row.low is not None else "TRUE"
            hi = f"Inputs!B{k}<=Inputs!F{k}" if row.high is not None else "TRUE"
            lines.append((f"{row.label}: within the accepted range", f'=IF(AND({lo},{hi}),"OK","OUT OF RANGE")'))
        for r, (label, formula) in enumerate(lines, start=3):
            ck.write_string(r, 0, label, self.wrap)
            ck.write_formula(r, 1, formula, None, "OK")
        ck.set_column(0, 0, 70)
        ck.set_column(1, 1, 14)

    def ranges(self, rs: Any, ranges: Mapping[str, Range], sim: Simulation, rows: Sequence[InputRow],
               currency: str, seed: int | None, drivers: str = "") -> None:
        """The Ranges sheet: the low / likely / high inputs and the simulated P10 / P50 / P90 (values)."""
        labels = {r.field: (r.label, r.unit) for r in rows}
        rs.write_string(0, 0, f"Ranges: {len(sim.npv):,} simulated cases (beta-PERT draws"
                              + (f", seed {seed}" if seed is not None else "") + "); values from the app, not "
                              "formulas", self.bold)
        for c, h in enumerate(("Input", "Low", "Likely", "High", "Unit")):
            rs.write_string(2, c, h, self.head_num if 1 <= c <= 3 else self.head)
        r = 3
        for field, rng in ranges.items():
            label, unit = labels.get(field, (field, ""))
            rs.write_string(r, 0, label)
            for c, bound in enumerate((rng.low, rng.likely, rng.high), start=1):
                rs.write_number(r, c, bound, self.formats["money" if currency in unit else "number"])
            rs.write_string(r, 4, unit, self.indent)
            r += 1
        r += 1
        for c, h in enumerate(("Result", "P10 (conservative)", "P50 (base)", "P90 (optimistic)", "Unit")):
            rs.write_string(r, c, h, self.head_num if 1 <= c <= 3 else self.head)
        results = (("Net present value", (sim.npv_p10, sim.npv_p50, sim.npv_p90), "money", currency),
                   ("ROI", (sim.roi_p10, sim.roi_p50, sim.roi_p90), "percent", ""),
                   # A long payback is the conservative case: P90 of the months is the P10 scenario.
                   ("Payback (months)", (sim.payback_p90, sim.payback_p50, sim.payback_p10), "months", "months"))
        for label, values, kind, unit in results:
            r += 1
            rs.write_string(r, 0, label)
            for c, value in enumerate(values, start=1):
                if value is None:
                    rs.write_string(r, c, "never" if kind == "months" else "n/a", self.right)
                else:
                    rs.write_number(r, c, value, self.formats[kind])
            rs.write_string(r, 4, unit, self.indent)
        r += 2
        rs.write_string(r, 0, "Chance the NPV is positive")
        rs.write_number(r, 1, sim.probability_positive, self.formats["percent"])
        if drivers:
            rs.merge_range(r + 2, 0, r + 2, 4, drivers, self.wrap)
            rs.set_row(r + 2, 15 * max(1, math.ceil(len(drivers) / 110)))
        rs.set_column(0, 0, 34)
        rs.set_column(1, 3, 20)
        rs.set_column(4, 4, 12)

    def close(self) -> bytes:
        self.wb.close()
        return self.buf.getvalue()
