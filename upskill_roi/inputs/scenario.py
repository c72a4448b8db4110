"""Scenarios: one page's inputs as a JSON file or a share link, validated all-or-nothing.

A scenario is everything that decides what one calculator page shows: the page, the currency,
the value of every declared input (:mod:`upskill_roi.inputs.declared`) and the page's tables in their link form
(the risk check's activities ``a1..a5``, the business case's ``tei`` rows). The same
declarations validate a scenario whether it arrives as a link or as a file.

The JSON file (format 1)::

    {
      "app": "Upskill ROI",
      "format": 1,
      "page": "roi",                    one of the keys of PAGES
      "currency": "USD",
      "inputs": {"savings": 500000, "rate": 10, "golive": null, ...},
      "tables": {"tei": ["B~Savings~0_500000"]},
      "exported": "2026-11-25",          informational
      "link": "https://.../roi?..."      informational
    }

Inputs are in the units the page shows (percentages as 0-100, money in the currency); dates
are ``"YYYY-MM-DD"`` or ``null`` (not set / today). Inputs left out take their defaults. A file
is read whole before anything is used: :func:`read_json` returns either a scenario or the list
of every problem it found, never both.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from upskill_roi.inputs.declared import (
    CURRENCY,
    CUSTOM_GOAL,
    FROM_RISK,
    ROI_DRIVER_KEYS,
    ROI_RANGE_INPUTS,
)
from upskill_roi.inputs.pages import REGISTRY, Page
from upskill_roi.inputs.param import LinkProblem, Param, check_query, link_params, link_version, md_code, versioned

__all__ = ["APP", "FORMAT", "MAX_BYTES", "PAGES", "Scenario", "defaults", "to_json", "read_json",
           "from_link", "to_query", "unused_inputs", "differing_inputs", "differing_tables"]

APP = "Upskill ROI"
FORMAT = 1
MAX_BYTES = 64 * 1024
"""Largest scenario file accepted [bytes]; a full scenario is about 2 KB."""


PAGES: dict[str, Page] = {p.key: p for p in REGISTRY if p.scenario}
"""The pages whose scenarios can be saved, loaded, shared and compared (key = URL path), from
the one page registry (:mod:`upskill_roi.inputs.pages`)."""


@dataclass(frozen=True)
class Scenario:
    """One page's complete scenario.

    Attributes
    ----------
    page : str
        A key of :data:`PAGES`.
    currency : str
        ISO 4217 code (display only).
    values : dict
        Every input of the page, in widget units (defaults filled in; a "today" date is a date).
    tables : dict of str to list of str
        The page's tables in link form (``{"tei": [...]}``); absent = the default table.
    """

    page: str
    currency: str
    values: dict[str, Any]
    tables: dict[str, list[str]] = field(default_factory=dict)

    @property
    def spec(self) -> Page:
        return PAGES[self.page]


def defaults(page: str, today: dt.date | None = None) -> dict[str, Any]:
    """Every input of ``page`` at its default ("today" dates as ``today``).

    Examples
    --------
    >>> defaults("roi")["savings"], defaults("upskilling", dt.date(2027, 1, 4))["start"]
    (500000.0, datetime.date(2027, 1, 4))
    """
    today = today or dt.date.today()
    return {p.key: (today if p.default == "today" else p.default) for p in PAGES[page].params}


def _json_value(p: Param, v: Any) -> Any:
    if isinstance(v, dt.date):
        return v.isoformat()
    if p.kind == "int":
        return int(v)
    if isinstance(v, float) and v.is_integer() and p.kind not in ("choice", "text"):
        return int(v)
    return v


def to_json(s: Scenario, link: str = "", today: dt.date | None = None) -> str:
    """The scenario as the text of a JSON file (see the module docstring).

    Examples
    --------
    >>> text = to_json(Scenario("roi", "EUR", defaults("roi")), today=dt.date(2026, 11, 25))
    >>> d = json.loads(text); d["page"], d["currency"], d["inputs"]["savings"], d["inputs"]["golive"]
    ('roi', 'EUR', 500000, None)
    """
    spec = s.spec
    doc = {
        "app": APP, "format": FORMAT, "page": s.page, "currency": s.currency,
        "inputs": {p.key: _json_value(p, s.values.get(p.key, p.default)) for p in spec.params},
        "tables": {k: list(v) for k, v in s.tables.items()},
        "exported": (today or dt.date.today()).isoformat(),
        "link": link,
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)


class _File(BaseModel):
    """The shape of a scenario file; value ranges are checked against the declarations after."""

    model_config = ConfigDict(extra="forbid", strict=False)
    app: Literal["Upskill ROI"]
    format: Literal[1]
    page: str
    currency: str = "USD"
    inputs: dict[str, Any] = {}
    tables: dict[str, list[str]] = {}
    exported: str | None = None
    link: str | None = None

    @field_validator("page")
    @classmethod
    def _known_page(cls, v: str) -> str:
        if v not in PAGES:  # the page registry's pages with scenarios
            raise ValueError(f"Input should be one of {', '.join(PAGES)}")
        return v

    @field_validator("format", mode="before")
    @classmethod
    def _no_bool(cls, v: Any) -> Any:
        if isinstance(v, bool):  # JSON true == 1 in Python: not a format number
            raise ValueError("the format is the number 1")
        return v


MAX_DEPTH = 8
"""Deepest nesting of objects and lists a scenario file may have (a scenario needs 3)."""
MAX_PROBLEMS = 12
"""Problems listed one by one; more are summed up in one last line."""


def _depth(x: Any) -> int:
    """How deeply objects and lists nest in a JSON document (iterative: no recursion limit)."""
    deepest, stack = 0, [(x, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, level)
            stack.extend((v, level + 1) for v in (node.values() if isinstance(node, dict) else node))
    return deepest


def _valid_text(x: Any) -> bool:
    """Whether every string in a JSON document (keys included) can be written as UTF-8."""
    stack = [x]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return True


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are unique (a repeated key would silently take the last value)."""
    seen: dict[str, Any] = {}
    for k, v in pairs:
        if k in seen:
            raise _DuplicateKey(k)
        seen[k] = v
    return seen


def summarised(problems: list[str], most: int = MAX_PROBLEMS) -> list[str]:
    """The first ``most`` problems and one line for the rest.

    Examples
    --------
    >>> summarised([f"p{n}" for n in range(5)], most=2)
    ['p0', 'p1', '… and 3 more problems of the same kind or others: fix these first.']
    """
    if len(problems) <= most:
        return problems
    return [*problems[:most], f"… and {len(problems) - most:,} more problems of the same kind or others: fix these "
            "first."]


def _check_value(p: Param, v: Any) -> Any:
    """A JSON value for ``p`` -> widget value; ValueError (named, with the range) if not allowed."""
    head = p.label + (f" ({p.unit_text()})" if p.unit else "")
    if p.kind == "date":
        if v is None:
            return p.default if p.default != "today" else None
        if not isinstance(v, str):
            raise ValueError(f"{head}: {md_code(json.dumps(v))} is not a date text; accepted: {p.range_text()}.")
        return p.parse(v)
    if p.kind in ("choice", "text"):
        if not isinstance(v, str):
            raise ValueError(f"{head}: {md_code(json.dumps(v))} is not text; accepted: {p.range_text()}.")
        return p.parse(v)
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise ValueError(f"{head}: {md_code(json.dumps(v)[:40])} is not a number; accepted: {p.range_text()}.")
    value = p.parse(repr(float(v)) if isinstance(v, float) else str(v))
    return float(value) if p.kind != "int" else value


def read_json(data: bytes, page: str | None = None, today: dt.date | None = None
              ) -> tuple[Scenario | None, list[str]]:
    """Read and validate a whole scenario file.

    Parameters
    ----------
    data : bytes
        The file's content.
    page : str, optional
        The page it is loaded on; a file from another page is refused.

    Returns
    -------
    scenario : Scenario or None
        The scenario when the file has no problem at all, else None.
    problems : list of str
        Every problem found (Markdown; text from the file only inside code spans).

    Examples
    --------
    >>> s, problems = read_json(b'{"app": "Upskill ROI", "format": 1, "page": "roi", "inputs": {"rate": 12}}')
    >>> s.values["rate"], s.values["savings"], problems
    (12.0, 500000.0, [])
    >>> s, problems = read_json(b'{"app": "Upskill ROI", "format": 1, "page": "roi", "inputs": {"rate": 99, "x": 1}}')
    >>> s is None, problems  # doctest: +NORMALIZE_WHITESPACE
    (True, ['Discount rate (%/yr): `99` is out of range; accepted: 0 to 30.',
            'Unknown input `x` for the page Implementation value.'])
    """
    if len(data) > MAX_BYTES:
        return None, [f"The file is {len(data) / 1024:,.0f} KB; a scenario file may be at most "
                      f"{MAX_BYTES // 1024} KB."]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, ["The file is UTF-16 text; a scenario file is UTF-8 (save it as UTF-8, or save the scenario "
                      "again with **Download this scenario**)."]
    try:
        text = data.decode("utf-8-sig")  # a UTF-8 byte-order mark (as some editors write) is accepted
    except UnicodeDecodeError:
        return None, ["The file is not UTF-8 text (another encoding, or not text at all): save it as UTF-8, or save "
                      "the scenario again with **Download this scenario**."]
    try:
        doc = json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKey as exc:
        return None, [f"The file has the key {md_code(str(exc)[:40])} twice in one object: a scenario file names "
                      "each field once."]
    except (ValueError, RecursionError) as exc:  # not JSON, nested too deep, a 4,300+ digit number
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        return None, [f"The file is not JSON text that can be read{where}: save a scenario with **Download this "
                      "scenario** and load that file."]
    if _depth(doc) > MAX_DEPTH:
        return None, [f"The file nests objects and lists more than {MAX_DEPTH} deep; a scenario file nests 3 deep."]
    if not _valid_text(doc):
        return None, ["The file contains text that is not valid Unicode (an escaped lone surrogate such as "
                      "`\\ud800`)."]
    if not isinstance(doc, dict):
        return None, ["The file holds JSON but not a scenario: a scenario is an object with the fields app, format, "
                      "page, currency, inputs and tables."]
    problems: list[str] = []
    try:
        _File.model_validate(doc)
    except ValidationError as exc:
        for e in exc.errors():
            where = ".".join(str(x) for x in e["loc"]) or "the file"
            problems.append(f"Field {md_code(where)}: {e['msg']}.")
    if not isinstance(doc.get("page"), str) or doc["page"] not in PAGES:
        return None, summarised(problems)  # without a known page the inputs cannot be checked
    # The shape may be wrong in places; still check every input and table that can be read.
    file_page = doc["page"]
    if page is not None and file_page != page:
        problems.append(f"This file is a scenario of the page {PAGES[file_page].title}, not of {PAGES[page].title}.")
    spec = PAGES[file_page]
    values = defaults(file_page, today)
    currency = CURRENCY.default
    try:
        currency = _check_value(CURRENCY, doc.get("currency", CURRENCY.default))
    except ValueError as exc:
        problems.append(str(exc))
    by_key = {p.key: p for p in spec.params}
    raw_inputs = doc.get("inputs")
    inputs = raw_inputs if isinstance(raw_inputs, dict) else {}
    for key, v in inputs.items():
        if key not in by_key:
            problems.append(f"Unknown input {md_code(key)} for the page {spec.title}.")
            continue
        try:
            value = _check_value(by_key[key], v)
        except ValueError as exc:
            problems.append(str(exc))
            continue
        if value is not None:
            values[key] = value
    tables: dict[str, list[str]] = {}
    raw_tables = doc.get("tables")
    raw_tables = raw_tables if isinstance(raw_tables, dict) else {}
    problems += [f"Unknown table {md_code(k)} for the page {spec.title}." for k in raw_tables
                 if k not in spec.table_keys]
    known = {k: v for k, v in raw_tables.items() if k in spec.table_keys
             and isinstance(v, list) and all(isinstance(x, str) for x in v)}
    if known and spec.tables:
        tables, table_problems = spec.tables_from(known)
        problems += [p.message for p in table_problems]
    if problems:
        return None, summarised(problems)
    return Scenario(file_page, currency, values, tables), []


def from_link(url: str, today: dt.date | None = None) -> tuple[Scenario | None, list[str]]:
    """The scenario a share link describes, as the page would open it: values the link gets
    wrong are replaced by defaults and reported (like opening the link).

    Returns ``(None, [problem])`` when the text is not a link to a calculator page.

    Examples
    --------
    >>> s, problems = from_link("http://localhost:8501/roi?rate=12&horizon=99&cur=EUR")
    >>> s.page, s.currency, s.values["rate"], s.values["horizon"], len(problems)
    ('roi', 'EUR', 12.0, 3, 1)
    >>> from_link("hello")[1]  # doctest: +NORMALIZE_WHITESPACE
    ['`hello` is not a link to one of the pages Career check-up, Am I at risk?, Implementation value, Upskilling plan,
     Business case.']
    """
    text = url.strip()
    parts = urlsplit(text)
    page = parts.path.rstrip("/").rsplit("/", 1)[-1]
    if page not in PAGES:
        shown = md_code(text if len(text) <= 60 else text[:60] + "…")
        return None, [f"{shown} is not a link to one of the pages {', '.join(s.title for s in PAGES.values())}."]
    spec = PAGES[page]
    query = parse_qs(parts.query, keep_blank_values=True)
    values = defaults(page, today)
    accepted, problems = check_query(spec.params, query)
    values.update({k: v for k, v in accepted.items()})
    cur_values, cur_problems = check_query((CURRENCY,), query)
    tables: dict[str, list[str]] = {}
    table_problems: list[LinkProblem] = []
    if spec.tables:
        tables, table_problems = spec.tables_from(query)
    version_problem = link_version(query)[1]
    messages = [p.message for p in problems + cur_problems + table_problems + [version_problem] if p is not None]
    return Scenario(page, cur_values.get("cur", CURRENCY.default), values, tables), summarised(messages)


def to_query(s: Scenario) -> dict[str, Any]:
    """The link parameters of a scenario (inputs that differ from their defaults, currency,
    tables); lists stand for repeated parameters.

    Examples
    --------
    >>> to_query(Scenario("roi", "EUR", {**defaults("roi"), "rate": 12.0}))
    {'v': '1', 'cur': 'EUR', 'rate': '12'}
    """
    out: dict[str, Any] = versioned(link_params((CURRENCY,), {"cur": s.currency}))
    out.update(link_params(s.spec.params, s.values))
    for key, vals in s.tables.items():
        out[key] = vals[0] if len(vals) == 1 and key != "tei" else list(vals)
    return out


_RANGE_SPREADS = frozenset(p.key for p in ROI_RANGE_INPUTS if p.key != "view")


def unused_inputs(s: Scenario) -> frozenset[str]:
    """The inputs of ``s`` that its page does not use, given the scenario's other values: what
    the page greys out or leaves aside, so that a different value there changes nothing.

    - Implementation value (and the check-up's step 2): in "Total" mode the savings drivers
      (:data:`upskill_roi.inputs.declared.ROI_DRIVER_KEYS`, the recapture share included) are not used; in "Drivers"
      mode the total annual savings is not. With Show = "Point estimate" the ranges' low and high
      values and the random seed are not used (the Show choice itself always is).
    - Upskilling plan (and the check-up): the custom target hours unless the goal is "Custom".
    - Check-up: its own displacement estimate while the probability comes from the risk check.

    Examples
    --------
    >>> roi = defaults("roi")
    >>> sorted(unused_inputs(Scenario("roi", "USD", {**roi, "mode": "Drivers", "view": "Ranges"})))
    ['savings']
    >>> sorted(unused_inputs(Scenario("roi", "USD", roi)))  # doctest: +NORMALIZE_WHITESPACE
    ['error_cost', 'errors', 'hourly', 'hours', 'impl_hi', 'impl_lo', 'margin', 'people', 'ramp_hi',
     'recapture', 'revenue', 'run_hi', 'run_lo', 'sav_hi', 'sav_lo', 'seed', 'weeks']
    >>> sorted(unused_inputs(Scenario("upskilling", "USD", defaults("upskilling")))), unused_inputs(
    ...     Scenario("business_case", "USD", defaults("business_case")))
    (['target_h'], frozenset())
    """
    keys = {p.key for p in s.spec.params}
    v = s.values
    unused: set[str] = set()
    if "mode" in keys:
        unused |= {"savings"} if v.get("mode") == "Drivers" else set(ROI_DRIVER_KEYS)
    if "view" in keys and v.get("view") != "Ranges":
        unused |= _RANGE_SPREADS
    if "goal" in keys and "target_h" in keys and v.get("goal") != CUSTOM_GOAL:
        unused.add("target_h")
    if "disp_src" in keys and v.get("disp_src") == FROM_RISK:
        unused.add("disp")
    return frozenset(unused & keys)


def differing_inputs(scenarios: Sequence[Scenario]) -> list[Param]:
    """The inputs whose values are not the same in every scenario that uses them (all of one
    page), in page order. An input a scenario does not use (:func:`unused_inputs`) does not count
    for that scenario: two scenarios in "Drivers" mode never differ by their (unused) total savings.

    Examples
    --------
    >>> a = Scenario("roi", "USD", defaults("roi"))
    >>> b = Scenario("roi", "USD", {**defaults("roi"), "rate": 12.0})
    >>> [p.key for p in differing_inputs([a, b])]
    ['rate']
    >>> c = Scenario("roi", "USD", {**defaults("roi"), "mode": "Drivers", "savings": 1.0})
    >>> d = Scenario("roi", "USD", {**defaults("roi"), "mode": "Drivers", "savings": 2.0, "hours": 5.0})
    >>> [p.key for p in differing_inputs([c, d])], [p.key for p in differing_inputs([a, c])]
    (['hours'], ['mode'])
    """
    spec = scenarios[0].spec
    unused = [unused_inputs(s) for s in scenarios]
    return [p for p in spec.params
            if len({s.values.get(p.key) for s, off in zip(scenarios, unused, strict=False) if p.key not in off}) > 1]


def differing_tables(scenarios: Sequence[Scenario]) -> list[str]:
    """The table keys (e.g. ``"tei"``) whose rows are not the same in every scenario.

    Examples
    --------
    >>> a = Scenario("business_case", "USD", defaults("business_case"), {"tei": ["C~b~2"]})
    >>> b = Scenario("business_case", "USD", defaults("business_case"), {"tei": ["C~b~3"]})
    >>> differing_tables([a, b]), differing_tables([a, a])
    (['tei'], [])
    """
    keys = scenarios[0].spec.table_keys
    return [k for k in keys if len({tuple(s.tables.get(k, ())) for s in scenarios}) > 1]
