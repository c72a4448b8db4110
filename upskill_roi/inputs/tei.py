"""The editable TEI table of the business case page: its rows, their URL form, their arrays.

A row is a benefit or a cost line item with an amount per period: Initial (t = 0) and Year
1 .. 10. The page shows the periods of its horizon; years beyond the horizon repeat the last
year shown (so a longer horizon continues the table as it stands, and a row depends only on
what is shown). The link carries each row as one ``tei`` parameter (repeated, in order)
written ``B~name~v0_v1_..._vn`` (``B`` benefit, ``C`` cost, amounts in the user's currency,
rounded to cents): missing later years repeat the last year given (0 when only Initial is
given), so trailing repeats are left out. A table equal to the default table is left out of
the link; an emptied table is written ``tei=-``. Names are free text and are only ever shown as
text.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import numpy as np

from upskill_roi.inputs.param import LinkProblem, TableLink, md_code

__all__ = ["KINDS", "MAX_ROWS", "MAX_NAME", "MAX_AMOUNT", "MAX_YEARS", "DEFAULT_ROWS", "SOURCE", "period_labels",
           "to_frame_rows", "from_frame_rows", "encode", "decode", "arrays", "is_own"]

KINDS = {"B": "Benefit", "C": "Cost"}
MAX_ROWS = 12
MAX_NAME = 60
MAX_AMOUNT = 1_000_000_000.0
MAX_YEARS = 10
EMPTY = "-"

SOURCE = ("Illustrative, built on the guidance's case: an AI system saving $500K a year, a $50K premium for its "
          "implementer, a build cost and licences you should replace with your quotes.")

DEFAULT_ROWS: tuple[dict[str, Any], ...] = (
    {"Type": "Benefit", "Line item": "Savings from the AI system", "values": (0.0,) + (500_000.0,) * MAX_YEARS},
    {"Type": "Cost", "Line item": "Build and integration", "values": (150_000.0,) + (0.0,) * MAX_YEARS},
    {"Type": "Cost", "Line item": "Training the implementer", "values": (5_000.0,) + (0.0,) * MAX_YEARS},
    {"Type": "Cost", "Line item": "Licences and upkeep", "values": (0.0,) + (50_000.0,) * MAX_YEARS},
    {"Type": "Cost", "Line item": "Premium for the implementer", "values": (0.0,) + (50_000.0,) * MAX_YEARS},
)
"""Illustrative rows (see :data:`SOURCE`); every year repeats, so any horizon reads the same."""


def period_labels(years: int) -> list[str]:
    """Column labels: ``["Initial", "Year 1", ..., "Year n"]``.

    Examples
    --------
    >>> period_labels(2)
    ['Initial', 'Year 1', 'Year 2']
    """
    return ["Initial"] + [f"Year {k}" for k in range(1, years + 1)]


def to_frame_rows(rows: Sequence[Mapping[str, Any]], years: int) -> list[dict[str, Any]]:
    """Stored rows -> the editor's records for a horizon of ``years``.

    Examples
    --------
    >>> to_frame_rows(DEFAULT_ROWS[:1], 1)
    [{'Type': 'Benefit', 'Line item': 'Savings from the AI system', 'Initial': 0.0, 'Year 1': 500000.0}]
    """
    labels = period_labels(years)
    return [{"Type": r["Type"], "Line item": r["Line item"], **dict(zip(labels, r["values"], strict=False))}
            for r in rows]


def _amount(x: Any) -> float:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return 0.0
    return min(max(v, 0.0), MAX_AMOUNT) if math.isfinite(v) else 0.0


def from_frame_rows(records: Sequence[Mapping[str, Any]] | Sequence[Mapping[Hashable, Any]], years: int
                    ) -> list[dict[str, Any]]:
    """The editor's records -> stored rows (all 11 periods; the years beyond the horizon repeat
    the last year shown). Empty cells count as 0, a missing type as a cost, a missing name as
    "Line item n"; amounts are rounded to cents; at most :data:`MAX_ROWS` rows.

    Examples
    --------
    >>> rows = from_frame_rows([{"Type": None, "Line item": None, "Initial": 5, "Year 1": 2.345}], 1)
    >>> rows[0]["Type"], rows[0]["Line item"], rows[0]["values"][:4]
    ('Cost', 'Line item 1', (5.0, 2.35, 2.35, 2.35))
    """
    labels = period_labels(years)
    out = []
    recs: list[Mapping[Any, Any]] = list(records)  # keys are the columns' names: str, or Hashable to pandas
    for n, rec in enumerate(recs[:MAX_ROWS]):
        shown = [_amount(rec.get(lab)) for lab in labels]
        kind = rec.get("Type") if rec.get("Type") in KINDS.values() else "Cost"
        name = rec.get("Line item")
        name = str(name).strip()[:MAX_NAME] if name is not None and str(name).strip() else f"Line item {n + 1}"
        out.append({"Type": kind, "Line item": name, "values": _extend(shown)})
    return out


def _extend(values: Sequence[float]) -> tuple[float, ...]:
    """Initial and the years given, then the last year given repeated (0 if none) to 11 periods."""
    vals = [round(float(v), 2) for v in values][: MAX_YEARS + 1]
    last = vals[-1] if len(vals) > 1 else 0.0
    return tuple(vals + [last] * (MAX_YEARS + 1 - len(vals)))


def _num(v: float) -> str:
    """An amount as link text: whole numbers without decimals, others to the cent."""
    return str(int(v)) if float(v).is_integer() else f"{v:.2f}".rstrip("0").rstrip(".")


def _same(rows: Sequence[Mapping[str, Any]], other: Sequence[Mapping[str, Any]]) -> bool:
    return [(r["Type"], r["Line item"], tuple(r["values"])) for r in rows] == \
        [(r["Type"], r["Line item"], tuple(r["values"])) for r in other]


def is_own(rows: Sequence[Mapping[str, Any]], years: int) -> bool:
    """Whether the rows are the user's own figures, not the example table (the report and Compare
    show a TEI table only then).

    Examples
    --------
    >>> is_own(DEFAULT_ROWS, 3), is_own(DEFAULT_ROWS[:2], 3)
    (False, True)
    """
    return bool(encode(rows, years))


def encode(rows: Sequence[Mapping[str, Any]], years: int) -> list[str]:
    """The ``tei`` values of a link (empty list = the default table).

    Examples
    --------
    >>> encode(DEFAULT_ROWS, 3), encode(DEFAULT_ROWS, 10)
    ([], [])
    >>> encode([{"Type": "Benefit", "Line item": "Time saved", "values": (0, 1000, 1000.5) + (1000.5,) * 8}], 3)
    ['B~Time saved~0_1000_1000.5']
    >>> encode([{"Type": "Cost", "Line item": "Build", "values": (150_000.0,) + (0.0,) * 10}], 3)
    ['C~Build~150000']
    >>> encode([], 3)
    ['-']
    """
    if _same(rows, DEFAULT_ROWS):
        return []
    if not rows:
        return [EMPTY]
    code = {v: k for k, v in KINDS.items()}
    out = []
    for r in rows:
        vals = list(r["values"][: years + 1])
        while len(vals) > 2 and vals[-1] == vals[-2]:  # decode repeats the last year
            vals.pop()
        if len(vals) == 2 and vals[1] == 0:  # only Initial: later years are 0
            vals.pop()
        out.append(f"{code[r['Type']]}~{r['Line item']}~{'_'.join(_num(v) for v in vals)}")
    return out


def decode(raw: Sequence[str] | str | None) -> tuple[list[dict[str, Any]], list[LinkProblem]]:
    """The rows a link's ``tei`` values describe; invalid rows are left out with a problem each.

    No ``tei`` value: the default rows.

    Examples
    --------
    >>> rows, problems = decode(["B~Savings~0_100", "X~bad~1", "C~<b>Fees</b>~50"])
    >>> [(r["Type"], r["Line item"], r["values"][:3]) for r in rows]
    [('Benefit', 'Savings', (0.0, 100.0, 100.0)), ('Cost', '<b>Fees</b>', (50.0, 0.0, 0.0))]
    >>> problems[0].message.split(";")[0]
    'TEI row 2: `X~bad~1` is not valid'
    >>> decode(["-"])[0], len(decode(None)[0])
    ([], 5)
    """
    if raw is None or (not isinstance(raw, str) and len(raw) == 0):
        return [dict(r) for r in DEFAULT_ROWS], []
    items = [raw] if isinstance(raw, str) else list(raw)
    if items == [EMPTY]:
        return [], []
    accepted = (f"accepted: `B~name~amounts` or `C~name~amounts` (B benefit, C cost), a name of at most {MAX_NAME} "
                f"characters, up to {MAX_YEARS + 1} amounts from 0 to {MAX_AMOUNT:,.0f} joined by `_` "
                f"(Initial, Year 1, ...), at most {MAX_ROWS} rows.")
    rows: list[dict[str, Any]] = []
    problems: list[LinkProblem] = []
    for n, text in enumerate(items, start=1):
        text = str(text)
        shown = md_code(text if len(text) <= 40 else text[:40] + "…")
        if n > MAX_ROWS:
            problems.append(LinkProblem("tei", text, f"TEI row {n}: {shown} is one row too many; {accepted}"))
            continue
        kind, _, rest = text.partition("~")
        name, _, amounts = rest.rpartition("~")
        try:
            values = [float(a) for a in amounts.split("_")]
        except ValueError:
            values = [math.nan]
        if kind not in KINDS or not name.strip() or len(name) > MAX_NAME or len(values) > MAX_YEARS + 1 \
                or not all(math.isfinite(v) and 0 <= v <= MAX_AMOUNT for v in values):
            problems.append(LinkProblem("tei", text, f"TEI row {n}: {shown} is not valid; {accepted}"))
            continue
        rows.append({"Type": KINDS[kind], "Line item": name, "values": _extend(values)})
    return rows, problems


def arrays(rows: Sequence[Mapping[str, Any]], years: int) -> tuple[np.ndarray, np.ndarray]:
    """Benefit rows and cost rows as ``items x (years + 1)`` arrays for ``upskill_roi.core.finance.tei_table``.

    Examples
    --------
    >>> b, c = arrays(DEFAULT_ROWS, 2)
    >>> b.tolist(), c.sum(axis=0).tolist()
    ([[0.0, 500000.0, 500000.0]], [155000.0, 100000.0, 100000.0])
    """
    def block(kind: str) -> np.ndarray:
        sel = [list(r["values"][: years + 1]) for r in rows if r["Type"] == kind]
        return np.array(sel, dtype=float).reshape(len(sel), years + 1)

    return block("Benefit"), block("Cost")



def _check_link(query: Mapping[str, list[str]]) -> tuple[dict[str, list[str]], list[LinkProblem]]:
    if "tei" not in query:
        return {}, []
    rows, problems = decode(query["tei"])
    return ({"tei": encode(rows, MAX_YEARS) or []} if not problems else {}), problems


LINK = TableLink("tei", ("tei",), _check_link)
"""The TEI table's link form (one repeated ``tei`` parameter per row; see :func:`encode`)."""
