"""The five activities of the risk check: their table form and their URL form.

In a link each activity is one parameter ``a1`` .. ``a5`` written ``name~hours~code`` (for
example ``a1=Weekly+reports~10~R``), where the code names the kind (:data:`KIND_CODES`). Rows
equal to the default rows are left out of the link. Names are free text and are only ever
shown as text (tables, plain text), never as Markdown or HTML.
"""

from __future__ import annotations

import math
from typing import Any, Mapping

from ui.params import LinkProblem, md_code

__all__ = ["KIND_CODES", "KIND_LABELS", "DEFAULT_ROWS", "N_ROWS", "MAX_NAME", "decode", "encode", "kind_of",
           "rows_from_tasks"]

N_ROWS = 5
MAX_NAME = 80
MAX_HOURS = 168.0

KIND_CODES: dict[str, str] = {
    "R": "Rules-based information processing",
    "P": "Pattern-matching on historical data",
    "V": "Repetitive process with minor variations",
    "S": "Strategic judgment",
    "K": "Stakeholder relationships",
    "C": "Creative problem-solving",
    "G": "Regulatory or ethical decisions",
    "E0": "E0",
    "E1": "E1",
    "E2": "E2",
}
"""URL code -> kind (a key of ``calc.risk.CATEGORIES`` or ``EXPOSURE_LEVELS``)."""

KIND_LABELS: dict[str, str] = {
    **{kind: kind for code, kind in KIND_CODES.items() if not code.startswith("E")},
    "E0": "E0 - no exposure (rubric)",
    "E1": "E1 - AI alone halves the time (rubric)",
    "E2": "E2 - AI plus tools would (rubric)",
}
"""Kind -> the label shown in the table's drop-down."""

DEFAULT_ROWS: tuple[dict[str, Any], ...] = (
    {"Activity": "Compile and check weekly status reports", "Time": 10.0, "Kind": KIND_LABELS[KIND_CODES["R"]]},
    {"Activity": "Analyse past data for recommendations", "Time": 8.0, "Kind": KIND_LABELS[KIND_CODES["P"]]},
    {"Activity": "Interview stakeholders and present findings", "Time": 8.0, "Kind": KIND_LABELS[KIND_CODES["K"]]},
    {"Activity": "Redesign processes with the business", "Time": 8.0, "Kind": KIND_LABELS[KIND_CODES["C"]]},
    {"Activity": "Check compliance with policies and rules", "Time": 6.0, "Kind": KIND_LABELS[KIND_CODES["G"]]},
)
"""Illustrative top five of a management analyst (13-1111); replace them with your own."""

_CODE_OF_LABEL = {KIND_LABELS[kind]: code for code, kind in KIND_CODES.items()}


def kind_of(label: str) -> str:
    """The kind behind a drop-down label.

    Examples
    --------
    >>> kind_of("E1 - AI alone halves the time (rubric)"), kind_of("Strategic judgment")
    ('E1', 'Strategic judgment')
    """
    return KIND_CODES[_CODE_OF_LABEL[label]]


def _hours_text(h: float) -> str:
    return str(int(h)) if float(h).is_integer() else f"{h:g}"


def encode(rows: list[Mapping[str, Any]]) -> dict[str, str]:
    """``a1`` .. ``a5`` for the rows that differ from the defaults.

    Examples
    --------
    >>> rows = [dict(r) for r in DEFAULT_ROWS]
    >>> rows[1] = {"Activity": "Forecasts", "Time": 12.5, "Kind": "E2 - AI plus tools would (rubric)"}
    >>> encode(rows)
    {'a2': 'Forecasts~12.5~E2'}
    """
    out = {}
    for n, (row, default) in enumerate(zip(rows, DEFAULT_ROWS), start=1):
        if dict(row) != dict(default):
            out[f"a{n}"] = f"{row['Activity']}~{_hours_text(float(row['Time']))}~{_CODE_OF_LABEL[row['Kind']]}"
    return out


def decode(query: Mapping[str, Any]) -> tuple[list[dict[str, Any]], list[LinkProblem]]:
    """The five rows a link describes (defaults where it says nothing or something invalid).

    Examples
    --------
    >>> rows, problems = decode({"a1": "Filing~20~R", "a2": "bad", "a3": "<b>x</b>~5~K"})
    >>> rows[0], rows[2]["Activity"], [p.key for p in problems]
    ({'Activity': 'Filing', 'Time': 20.0, 'Kind': 'Rules-based information processing'}, '<b>x</b>', ['a2'])
    """
    rows = [dict(r) for r in DEFAULT_ROWS]
    problems: list[LinkProblem] = []
    for n in range(1, N_ROWS + 1):
        key = f"a{n}"
        if key not in query:
            continue
        raw = query[key]
        raw = str(raw[-1] if isinstance(raw, (list, tuple)) and raw else raw)
        shown = md_code(raw if len(raw) <= 40 else raw[:40] + "…")
        parts = raw.rsplit("~", 2)
        accepted = (f"accepted: `name~hours~kind`, a name of at most {MAX_NAME} characters, hours from 0 to "
                    f"{MAX_HOURS:g}, kind one of {', '.join(KIND_CODES)}.")
        if len(parts) != 3:
            problems.append(LinkProblem(key, raw, f"Activity {n}: {shown} is not `name~hours~kind`; {accepted}"))
            continue
        name, hours_text, code = parts
        try:
            hours = float(hours_text)
        except ValueError:
            hours = math.nan
        if not name.strip() or len(name) > MAX_NAME or not math.isfinite(hours) or not 0 <= hours <= MAX_HOURS \
                or code not in KIND_CODES:
            problems.append(LinkProblem(key, raw, f"Activity {n}: {shown} is not valid; {accepted}"))
            continue
        rows[n - 1] = {"Activity": name, "Time": hours, "Kind": KIND_LABELS[KIND_CODES[code]]}
    return rows, problems


def rows_from_tasks(tasks: Any, hours: float = 8.0) -> list[dict[str, Any]]:
    """Five rows from an occupation's task table (columns task, task_type, exposure), Core tasks
    first, each with ``hours`` and its published exposure label; names cut to the allowed length.
    Fewer than five tasks: the remaining rows keep the examples.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"task": ["Write code", "Test code"], "task_type": ["Core", "Core"], "exposure": ["E1", "E0"]})
    >>> [(r["Activity"], r["Kind"]) for r in rows_from_tasks(t)[:2]]
    [('Write code', 'E1 - AI alone halves the time (rubric)'), ('Test code', 'E0 - no exposure (rubric)')]
    """
    rows = [dict(r) for r in DEFAULT_ROWS]
    for n, (task, label) in enumerate(zip(tasks["task"], tasks["exposure"])):
        if n >= N_ROWS:
            break
        name = task if len(task) <= MAX_NAME else task[: MAX_NAME - 1].rstrip() + "…"
        rows[n] = {"Activity": name, "Time": float(hours), "Kind": KIND_LABELS[label]}
    return rows
