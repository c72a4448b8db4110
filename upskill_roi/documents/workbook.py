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

from upskill_roi.core.roi import ImplementationInputs, ImplementationResult
from upskill_roi.inputs.param import Param

__all__ = ["InputRow", "implementation_rows", "implementation_workbook", "MAX_MONTHS", "CHECK_TOLERANCE"]

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
    feeding = {f.name: p for p in params for f in p.feeds if f.model is ImplementationInputs}
    driver_keys = [p.key for p in params for f in p.feeds if f.model.__name__ == "SavingsDrivers"]
    rows = []
    for field in _NAMES:
        p = feeding[field]
        changed = p.key in values and values[p.key] != p.default
        if field == "annual_savings" and drivers:
            changed = any(k in values and values[k] != next(q for q in params if q.key == k).default
                          for k in driver_keys)
        low, high = (None if b is None else float(p.to_model(b)) for b in (p.min, p.max))
        rows.append(InputRow(field, p.label + (" (from the savings drivers)" if field == "annual_savings" and drivers
                                               else ""),
                             p.unit.replace("{cur}", currency), p.source, float(getattr(inputs, field)),
                             "your input" if changed else "assumed", low, high))
    return rows


def implementation_workbook(result: ImplementationResult, rows: Sequence[InputRow], currency: str,
                            title: str = "Implementation value") -> bytes:
    """The implementation-value workbook (see the module's description) as ``.xlsx`` bytes.

    Examples
    --------
    >>> from upskill_roi.core.roi import evaluate
    >>> from upskill_roi.inputs.declared import ROI_INPUTS
    >>> i = ImplementationInputs()
    >>> data = implementation_workbook(evaluate(i), implementation_rows(i, ROI_INPUTS, {}, "USD"), "USD")
    >>> data[:2]   # a zip file (xlsx)
    b'PK'
    """
    import xlsxwriter  # only when a workbook is made

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    bold = wb.add_format({"bold": True})
    head = wb.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    money = "#,##0"  # the currency is in each row's unit and in the titles
    formats = {"money": wb.add_format({"num_format": money, "valign": "top"}),
               "percent": wb.add_format({"num_format": "0.0%", "valign": "top"}),
               "number": wb.add_format({"num_format": "0.####", "valign": "top"}),
               "months": wb.add_format({"num_format": "0.00", "valign": "top"}),
               "factor": wb.add_format({"num_format": "0.000000"})}
    i, n = result.inputs, MAX_MONTHS
    # Tabs in reading order (the Summary first, where the file opens); filled below.
    sm, ws, cf, ck = (wb.add_worksheet(name) for name in ("Summary", "Inputs", "Monthly cash flows", "Checks"))
    for sheet in (sm, ws, cf, ck):  # printed: landscape, one page wide
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.set_paper(9)  # A4

    # --- Inputs ------------------------------------------------------------------------------
    ws.write_string(0, 0, f"{title}: inputs in {currency} (change the yellow cells; every result is a formula of "
                          "them)", bold)
    for c, h in enumerate(("Input", "Value", "Unit", "Status", "Accepted from", "to", "Source")):
        ws.write_string(2, c, h, head)
    for r, row in enumerate(rows, start=3):
        name, kind = _NAMES[row.field]
        ws.write_string(r, 0, row.label, wrap)
        ws.write_number(r, 1, row.value, wb.add_format({**_num(kind, money), "bg_color": "#FFF2CC", "border": 1}))
        ws.write_string(r, 2, row.unit, wrap)
        ws.write_string(r, 3, row.status, wrap)
        for c, bound in ((4, row.low), (5, row.high)):
            if bound is not None:
                ws.write_number(r, c, bound, formats[kind])
        ws.write_string(r, 6, row.source, wrap)
        # Row height for the wrapped text (a spreadsheet does not grow rows it did not lay out itself).
        ws.set_row(r, 15 * max(1, math.ceil(len(row.source) / 75), math.ceil(len(row.label) / 40)))
        wb.define_name(name, f"=Inputs!$B${r + 1}")
    ws.set_column(0, 0, 38)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 5, 14)
    ws.set_column(6, 6, 70)

    # --- Monthly cash flows -----------------------------------------------------------------
    cols = ("Month", "In horizon", "Ramp", "Benefits", "Costs", "Net", "Discount factor", "PV of net",
            "Cumulative net", "Below 0 (month)", "Benefits if in production", "Costs if in production",
            "Premium month")
    for c, h in enumerate(cols):
        cf.write_string(0, c, h, head)
    cf.set_row(0, 30)
    cf.repeat_rows(0)  # printed: the header on every page
    b_m, c_m, v = result.monthly_benefits, result.monthly_costs, _factors(i.discount_rate, n)
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
    last = n + 2
    rng = {c: f"'Monthly cash flows'!${c}$2:${c}${last}" for c in "ABCDEFGHIJKLM"}

    # --- Summary ------------------------------------------------------------------------------
    s = result.summary
    annuity = sum(float(v[m]) for m in range(1, 12 * i.horizon_years + 1)) / 12
    summary_rows: list[tuple[str, str, str, float | str | None, str]] = [
        # (label, workbook name, formula, the app's value, format)
        ("PV of benefits", "pv_benefits", f"=SUMPRODUCT({rng['D']},{rng['G']})", s.pv_benefits, "money"),
        ("PV of costs", "pv_costs", f"=SUMPRODUCT({rng['E']},{rng['G']})", s.pv_costs, "money"),
        ("Net present value", "npv", "=pv_benefits-pv_costs", s.npv, "money"),
        ("ROI (NPV / PV of costs)", "roi", '=IF(pv_costs>0,npv/pv_costs,"n/a")', s.roi, "percent"),
        ("IRR (annual)", "irr", f'=IFERROR((1+IRR({rng["F"]}))^12-1,"n/a")', s.irr, "percent"),
        ("Payback (months, undiscounted)", "payback",
         f'=IF(INDEX({rng["I"]},12*horizon+1)<0,"never",IF(MAX({rng["J"]})<0,0,'
         f'MAX({rng["J"]})-INDEX({rng["I"]},MAX({rng["J"]})+1)/INDEX({rng["F"]},MAX({rng["J"]})+2)))',
         "never" if result.payback_months is None else result.payback_months, "months"),
        ("NPV if it reaches production", "npv_if_production",
         f"=SUMPRODUCT({rng['K']},{rng['G']})-SUMPRODUCT({rng['L']},{rng['G']})", result.npv_if_success, "money"),
        ("NPV if it does not", "npv_if_not", "=-impl_cost*(1+cost_risk)", result.npv_if_failure, "money"),
        ("Net savings a year in production", "net_savings", "=savings*(1-benefit_risk)-running*(1+cost_risk)",
         result.net_annual_savings, "money"),
        ("Premium by the rule (capture x net savings)", "premium_rule", "=MAX(net_savings,0)*capture",
         result.premium_rule, "money"),
        ("Premium cap (cap x salary)", "premium_cap", "=cap*salary", result.premium_cap_amount, "money"),
        ("PV of 1 a year paid monthly (A)", "annuity", f"=SUMPRODUCT({rng['M']},{rng['G']})/12", annuity, "number"),
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
         result.break_even_savings if result.break_even_savings is not None else "n/a", "money"),
    ]
    sm.activate()
    unit_fmt = wb.add_format({"indent": 1})
    sm.write_string(0, 0, f"{title}: results ({currency})", bold)
    for c, h in enumerate(("Result", "Spreadsheet (formula)", "The app", "Unit")):
        sm.write_string(2, c, h, head)
    for r, (label, name, formula, app, kind) in enumerate(summary_rows, start=3):
        sm.write_string(r, 0, label, wrap)
        cached = app if app is not None else "n/a"
        sm.write_formula(r, 1, formula, formats[kind], cached)
        if isinstance(cached, str):
            sm.write_string(r, 2, cached)
        else:
            sm.write_number(r, 2, float(cached), formats[kind])
        sm.write_string(r, 3, {"money": currency, "percent": "", "months": "months", "number": ""}[kind]
                        + ("years" if name == "annuity" else ""), unit_fmt)
        wb.define_name(name, f"=Summary!$B${r + 1}")
    sm.set_column(0, 0, 46)
    sm.set_column(1, 2, 20)

    # --- Checks -------------------------------------------------------------------------------
    ck.write_string(0, 0, "Checks: each formula against the app's value, each input against its accepted range", bold)
    for c, h in enumerate(("Check", "Result")):
        ck.write_string(2, c, h, head)
    r = 3
    for k, (label, _name, _f, _app, _kind) in enumerate(summary_rows, start=4):
        ck.write_string(r, 0, f"{label}: formula = the app's value", wrap)
        ck.write_formula(r, 1, f'=IF(ISNUMBER(Summary!B{k}),IF(ABS(Summary!B{k}-Summary!C{k})<={CHECK_TOLERANCE},'
                               f'"OK","DIFFERS"),IF(Summary!B{k}=Summary!C{k},"OK","DIFFERS"))', None, "OK")
        r += 1
    ck.write_string(r, 0, "NPV = the sum of the monthly present values", wrap)
    ck.write_formula(r, 1, f'=IF(ABS(npv-SUM({rng["H"]}))<={CHECK_TOLERANCE},"OK","DIFFERS")', None, "OK")
    r += 1
    for k, row in enumerate(rows, start=4):
        if row.low is None and row.high is None:
            continue
        ck.write_string(r, 0, f"{row.label}: within the accepted range", wrap)
        lo = f"Inputs!B{k}>=Inputs!E{k}" if row.low is not None else "TRUE"
        hi = f"Inputs!B{k}<=Inputs!F{k}" if row.high is not None else "TRUE"
        ck.write_formula(r, 1, f'=IF(AND({lo},{hi}),"OK","OUT OF RANGE")', None, "OK")
        r += 1
    ck.set_column(0, 0, 70)
    ck.set_column(1, 1, 14)
    wb.close()
    return buf.getvalue()


def _num(kind: str, money: str) -> dict[str, Any]:
    return {"num_format": {"money": money, "percent": "0.0%", "number": "0.####"}[kind], "valign": "top"}


def _factors(rate: float, n: int) -> list[float]:
    """(1 + rate)^(-m/12) for m = 0 .. n (the cached values of the discount-factor column)."""
    return [(1 + rate) ** (-m / 12) for m in range(n + 1)]
