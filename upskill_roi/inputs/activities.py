"""The five activities of the risk check: their table form and their URL form.

In a link each activity is one parameter ``a1`` .. ``a5`` written ``name~hours~code`` (for
example ``a1=Weekly+reports~10~R``), where the code names the kind (:data:`KIND_CODES`). Rows
equal to the occupation's starting rows (:func:`default_rows`) are left out of the link. Names
are free text and are only ever shown as text (tables, plain text), never as Markdown or HTML.

Starting rows
-------------
For the default occupation (13-1111 Management Analysts) the five illustrative rows of
:data:`DEFAULT_ROWS`. For any other occupation, five of its own O*NET task statements with their
published exposure labels (E0/E1/E2, Eloundou et al.) as kinds, chosen so that the five rows
mirror the occupation's label mix (largest-remainder apportionment of five rows over the labels'
shares of its tasks; within a label, Core tasks first, spread evenly over the alphabetical list
so that near-duplicates such as two "Administer ..." statements are not both taken), 8 hours a
week each (40 h: the hours are equal because O*NET publishes no time shares for tasks).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from upskill_roi.inputs.param import LinkProblem, TableLink, md_code

__all__ = ["KIND_CODES", "KIND_LABELS", "DEFAULT_ROWS", "DEFAULT_SOC", "N_ROWS", "MAX_NAME", "decode", "encode",
           "kind_of", "rows_from_tasks", "default_rows"]

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
    "H": "Hands-on, physical or care work",
    "E0": "E0",
    "E1": "E1",
    "E2": "E2",
}
"""URL code -> kind (a key of ``upskill_roi.core.risk.CATEGORIES`` or ``EXPOSURE_LEVELS``)."""

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
DEFAULT_SOC = "13-1111"
"""The occupation :data:`DEFAULT_ROWS` illustrate (the default occupation)."""
TASK_HOURS = 8.0
"""Hours a week of each starting row taken from an occupation's tasks [h/week]."""

_CODE_OF_LABEL = {KIND_LABELS[kind]: code for code, kind in KIND_CODES.items()}


def kind_of(label: str) -> str:
    """The kind behind a drop-down label.

    Examples
    --------
    >>> kind_of("E1 - AI alone halves the time (rubric)"), kind_of("Strategic judgment")
    ('E1', 'Strategic judgment')
    """
    return KIND_CODES[_CODE_OF_LABEL[label]]


def as_activities(rows: Sequence[Mapping[str, Any]]) -> list[tuple[str, float, str]]:
    """Table rows as the core's activities ``(name, time, kind)``.

    Examples
    --------
    >>> as_activities([{"Activity": "Reports", "Time": 8, "Kind": "Strategic judgment"}])
    [('Reports', 8.0, 'Strategic judgment')]
    """
    return [(r["Activity"], float(r["Time"]), kind_of(r["Kind"])) for r in rows]


def scaled_to_100(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows whose times are percentages scaled to add up to 100 (one decimal each).

    Examples
    --------
    >>> [r["Time"] for r in scaled_to_100([{"Time": 30}, {"Time": 20}, {"Time": 30}])]   # of 80
    [37.5, 25.0, 37.5]
    """
    total = sum(float(r["Time"]) for r in rows)
    return [{**r, "Time": round(float(r["Time"]) * 100 / total, 1)} for r in rows] if total > 0 else rows


def _hours_text(h: float) -> str:
    return str(int(h)) if float(h).is_integer() else f"{h:g}"


def encode(rows: Sequence[Mapping[str, Any]], defaults: tuple[Mapping[str, Any], ...] = DEFAULT_ROWS) -> dict[str, str]:
    """``a1`` .. ``a5`` for the rows that differ from the starting rows ``defaults``.

    Examples
    --------
    >>> rows = [dict(r) for r in DEFAULT_ROWS]
    >>> rows[1] = {"Activity": "Forecasts", "Time": 12.5, "Kind": "E2 - AI plus tools would (rubric)"}
    >>> encode(rows)
    {'a2': 'Forecasts~12.5~E2'}
    """
    out = {}
    for n, (row, default) in enumerate(zip(rows, defaults, strict=False), start=1):
        if dict(row) != dict(default):
            out[f"a{n}"] = f"{row['Activity']}~{_hours_text(float(row['Time']))}~{_CODE_OF_LABEL[row['Kind']]}"
    return out


def decode(query: Mapping[str, Any], defaults: tuple[Mapping[str, Any], ...] = DEFAULT_ROWS
           ) -> tuple[list[dict[str, Any]], list[LinkProblem]]:
    """The five rows a link describes (the starting rows ``defaults`` where it says nothing or
    something invalid).

    Examples
    --------
    >>> rows, problems = decode({"a1": "Filing~20~R", "a2": "bad", "a3": "<b>x</b>~5~K"})
    >>> rows[0], rows[2]["Activity"], [p.key for p in problems]
    ({'Activity': 'Filing', 'Time': 20.0, 'Kind': 'Rules-based information processing'}, '<b>x</b>', ['a2'])
    """
    rows = [dict(r) for r in defaults]
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


def rows_from_tasks(tasks: Any, hours: float = 8.0, base: Any = DEFAULT_ROWS) -> list[dict[str, Any]]:
    """Five rows from an occupation's task table (columns task, task_type, exposure), in its
    order, each with ``hours`` and its published exposure label; names cut to the allowed length.
    Fewer than five tasks: the remaining rows keep those of ``base`` (the rows being replaced).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"task": ["Write code", "Test code"], "task_type": ["Core", "Core"], "exposure": ["E1", "E0"]})
    >>> [(r["Activity"], r["Kind"]) for r in rows_from_tasks(t)[:2]]
    [('Write code', 'E1 - AI alone halves the time (rubric)'), ('Test code', 'E0 - no exposure (rubric)')]
    """
    rows = [dict(r) for r in base]
    for n, (task, label) in enumerate(zip(tasks["task"], tasks["exposure"], strict=False)):
        if n >= N_ROWS:
            break
        name = task if len(task) <= MAX_NAME else task[: MAX_NAME - 1].rstrip() + "…"
        rows[n] = {"Activity": name, "Time": float(hours), "Kind": KIND_LABELS[label]}
    return rows


def _spread(items: list[int], k: int) -> list[int]:
    """``k`` of ``items`` spread evenly over the list (the first, then every len/k-th)."""
    step = len(items) / k
    return [items[int(i * step)] for i in range(k)]


@lru_cache(maxsize=1024)
def default_rows(soc: str) -> tuple[dict[str, Any], ...]:
    """The starting rows for an occupation (see the module's "Starting rows"); the examples
    for the default occupation, for an unknown code and for an occupation without tasks.

    Examples
    --------
    Registered Nurses: 86 of their 137 tasks are labelled E2, 42 E0 and 9 E1, so five rows are
    3 x E2 and 2 x E0 (5 x 86/137 = 3.1, 5 x 42/137 = 1.5, 5 x 9/137 = 0.3: largest remainders).

    >>> rows = default_rows("29-1141")
    >>> sorted(kind_of(r["Kind"]) for r in rows), sum(r["Time"] for r in rows)
    (['E0', 'E0', 'E2', 'E2', 'E2'], 40.0)
    >>> default_rows("13-1111") == DEFAULT_ROWS, default_rows("99-9999") == DEFAULT_ROWS
    (True, True)
    """
    from upskill_roi.core.risk import occupation_tasks

    if soc == DEFAULT_SOC:
        return DEFAULT_ROWS
    tasks = occupation_tasks(soc)
    if tasks.empty:
        return DEFAULT_ROWS
    counts = tasks["exposure"].value_counts()
    quota = counts / counts.sum() * N_ROWS
    seats = quota.astype(int)
    for label in (quota - seats).sort_values(ascending=False, kind="stable").index[: N_ROWS - int(seats.sum())]:
        seats[label] += 1
    picked: list[int] = []
    for label in ("E2", "E1", "E0"):  # the most exposed first, as the table is read top down
        k = int(seats.get(label, 0))
        if k:
            idx = tasks.index[tasks["exposure"] == label].tolist()
            core = [i for i in idx if tasks.at[i, "task_type"] == "Core"]
            pool = core if len(core) >= k else idx
            picked += _spread(pool, k)
    rows = rows_from_tasks(tasks.loc[picked].reset_index(drop=True), TASK_HOURS)
    return tuple(rows)


KEYS = tuple(f"a{n}" for n in range(1, N_ROWS + 1))
"""The link parameters of the activities (one per row)."""


def _check_link(query: Mapping[str, list[str]]) -> tuple[dict[str, list[str]], list[LinkProblem]]:
    _, problems = decode({k: query[k] for k in KEYS if k in query})
    bad = {p.key for p in problems}
    return {k: [query[k][-1]] for k in KEYS if k in query and query[k] and k not in bad}, problems


LINK = TableLink("activities", KEYS, _check_link)
"""The activities' link form (rows ``a1`` .. ``a5``; see :func:`encode`)."""
