"""Declare each input once; derive URL parsing, share links and the methodology table.

A :class:`Param` holds everything the app knows about one input: its URL key, label, unit,
bounds, default, help text and the source of the default. :mod:`upskill_roi.web.widgets` draws the widget
from it; this module (pure, no Streamlit) validates values that arrive from a link (and, later,
from uploaded files) with pydantic, builds share-link query strings and the rows of the
methodology page.

Values are held in *widget units* (percentages as 0-100, money in the user's currency);
``Param.scale`` converts to the model's units (``model = widget * scale``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from pydantic import Field, TypeAdapter, ValidationError

__all__ = ["Param", "LinkProblem", "parse_money", "money_text", "widget_state", "url_text", "check_query", "link_params", "share_query", "share_url", "to_model", "methodology_rows"]

Kind = Literal["money", "number", "int", "percent", "choice", "date", "text"]
Widget = Literal["number", "slider", "select", "segmented", "date", "text"]

# Link values are read as Streamlit's own URL binding reads them (Python's float() for numbers,
# "%Y-%m-%d" for dates, exact option text for choices), so that a value this module accepts is
# exactly a value the widget shows; on top of that, non-finite values and values outside the
# declared range are rejected with a message.


_MAGNITUDES = {"": 1.0, "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mm": 1e6, "mln": 1e6, "mio": 1e6,
               "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_MONEY = re.compile(r"^(?P<sign>[-+]?)\s*(?P<num>\d[\d,.' ]*?|[.,]\d+)\s*(?P<mag>[a-z]*)$")
_SIGNS = re.compile(r"[$€£¥₹₩₽₺₪₫฿¢]")
_WORD = re.compile(r"[a-z]{3}")


def _without_currency(t: str) -> str:
    """``t`` (lower case) without currency signs and leading/trailing ISO 4217 codes ("usd 500")."""
    from babel.numbers import list_currencies

    t = _SIGNS.sub("", t).strip()
    codes = {c.lower() for c in list_currencies()} - set(_MAGNITUDES)
    head, tail = t[:3], t[-3:]
    if _WORD.fullmatch(head) and head in codes:
        t = t[3:]
    elif _WORD.fullmatch(tail) and tail in codes and not t[:-3].rstrip().endswith(tuple("kmb")):
        t = t[:-3]
    return t.strip()


def parse_money(text: str, decimal: str = ".") -> float:
    """An amount as people write it: ``500K``, ``$1.2M``, ``500,000``, ``500 000``, ``1.5 million``.

    Currency signs and three-letter codes are ignored (amounts are relabelled, never converted);
    ``k``/``thousand``, ``m``/``mn``/``mm``/``million`` and ``b``/``bn``/``billion`` multiply; spaces,
    apostrophes and the grouping separator group digits. ``decimal`` is the visitor's decimal
    separator (``","`` in e.g. German or French, where ``500.000`` is five hundred thousand).

    Raises
    ------
    ValueError
        If the text is not an amount (the caller names the field and its range).

    Examples
    --------
    >>> [parse_money(t) for t in ("500K", "$1.2M", "500,000", "500 000", "1.5 million", "EUR 750", "0.5k")]
    [500000.0, 1200000.0, 500000.0, 500000.0, 1500000.0, 750.0, 500.0]
    >>> parse_money("500.000", decimal=","), parse_money("1,5 Mio", decimal=","), parse_money("2 mln USD")
    (500000.0, 1500000.0, 2000000.0)
    >>> parse_money("12,34")
    Traceback (most recent call last):
    ...
    ValueError: not an amount
    """
    t = _without_currency(str(text).strip().lower().replace("\u00a0", " ").replace("\u202f", " "))
    m = _MONEY.match(t)
    if not m or m["mag"] not in _MAGNITUDES:
        raise ValueError("not an amount")
    group = "," if decimal == "." else "."
    num = re.sub(r"[ ']", group, m["num"].strip())  # spaces and apostrophes group digits too
    whole, _, frac = num.rpartition(decimal) if decimal in num else (num, "", "")
    if decimal in whole or (frac and group in frac):
        raise ValueError("not an amount")
    if group in whole and not re.fullmatch(r"\d{1,3}(" + re.escape(group) + r"\d{3})+", whole):
        raise ValueError("not an amount")  # "12,34" is neither 1,234 nor 12.34: ask again
    number = float((whole.replace(group, "") or "0") + ("." + frac if frac else ""))
    value = number * _MAGNITUDES[m["mag"]]
    return -value if m["sign"] == "-" else value


def money_text(value: float) -> str:
    """An amount as the text a money field shows and a link carries: plain digits, no grouping
    (readable in every locale), at most two decimals.

    Examples
    --------
    >>> money_text(500000.0), money_text(1234.5), money_text(0.125)
    ('500000', '1234.5', '0.12')
    """
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Param:
    """One declared input.

    Attributes
    ----------
    key : str
        Widget key and URL query parameter name.
    label : str
        Label shown to the user (without the unit).
    unit : str
        Unit shown after the label; ``{cur}`` is replaced by the currency code.
    default : float, int, str, date or None
        Default value in widget units. Dates: ``None`` = not set, ``"today"`` = the day the page
        is opened -- such an input is always written into share links, so that a link shows
        the same dates on any day.
    kind : {"money", "number", "int", "percent", "choice", "date", "text"}
        How the value is parsed and formatted. Text is free text shown only as text.
    widget : {"number", "slider", "select", "segmented", "date", "text"}
        Which widget draws it.
    min, max : float or date, optional
        Accepted range, inclusive (numbers and dates); for text, ``max`` is the most characters.
    step : float, optional
        Widget step (numbers only).
    options : tuple of str
        Accepted values (choices only); they are also what the URL carries.
    help : str
        What the input means.
    source : str
        Where the default comes from (shown in the tooltip and on the methodology page).
    group : str
        Group heading on the page.
    scale : float
        ``model value = widget value * scale`` (0.01 for percentages).
    fmt : str, optional
        printf-style display format for the widget.
    """

    key: str
    label: str
    unit: str
    default: Any
    kind: Kind
    widget: Widget
    help: str
    source: str
    group: str
    min: float | dt.date | None = None
    max: float | dt.date | None = None
    step: float | None = None
    options: tuple[str, ...] = ()
    scale: float = 1.0
    fmt: str | None = None

    def __post_init__(self) -> None:
        if self.kind == "text":
            if not isinstance(self.default, str) or not isinstance(self.max, int) or len(self.default) > self.max:
                raise ValueError(f"{self.key}: a text input needs a str default and max = most characters")
        elif self.kind == "choice":
            if self.default not in self.options:
                raise ValueError(f"{self.key}: default {self.default!r} is not an option")
        elif self.kind == "date":
            if not isinstance(self.min, dt.date) or not isinstance(self.max, dt.date):
                raise ValueError(f"{self.key}: a date input needs date bounds")
            if isinstance(self.default, dt.date) and not self.min <= self.default <= self.max:
                raise ValueError(f"{self.key}: default must lie within [min, max]")
            if not (self.default is None or self.default == "today" or isinstance(self.default, dt.date)):
                raise ValueError(f'{self.key}: a date default is a date, None (not set) or "today"')
        else:
            if self.min is None or self.max is None or not self.min <= self.default <= self.max:
                raise ValueError(f"{self.key}: default must lie within [min, max]")
            if self.kind == "int" and self.widget == "number":
                # Streamlit 1.67's integer number_input raises OverflowError on `?key=inf` in a link
                # (found by tests/web/test_app.py's fuzz test): whole numbers use a slider.
                raise ValueError(f"{self.key}: whole-number inputs must use a slider")

    def unit_text(self, currency: str = "USD") -> str:
        """The unit with the currency filled in, e.g. ``"USD/yr"``."""
        return self.unit.replace("{cur}", currency)

    def range_text(self) -> str:
        """The accepted values in words, e.g. ``"0 to 10,000,000"`` or ``"one of A, B"``."""
        if self.kind == "text":
            return f"any text of at most {self.max:,} characters"
        if self.kind == "choice":
            if len(self.options) > 12:
                return f"one of the {len(self.options):,} listed values, e.g. \"{self.options[0]}\""
            return "one of " + ", ".join(self.options)
        if self.kind == "date":
            return f"a date from {self.min.isoformat()} to {self.max.isoformat()} (YYYY-MM-DD)"
        return f"{_plain(self.min)} to {_plain(self.max)}" + (" (whole numbers)" if self.kind == "int" else "")

    def validator(self) -> TypeAdapter:
        """A pydantic adapter that accepts exactly the values this input allows."""
        if self.kind == "text":
            return TypeAdapter(Annotated[str, Field(max_length=self.max)])
        if self.kind == "choice":
            return TypeAdapter(Literal[self.options])  # type: ignore[valid-type]
        if self.kind == "date":
            return TypeAdapter(Annotated[dt.date, Field(ge=self.min, le=self.max)])
        base = int if self.kind == "int" else float
        return TypeAdapter(Annotated[base, Field(ge=self.min, le=self.max, allow_inf_nan=False)])

    def parse(self, raw: str, currency: str = "USD", decimal: str = ".") -> Any:
        """Parse one raw string (as found in a URL or typed into a money field) into a value in
        widget units.

        ``currency`` only fills in the unit in messages; ``decimal`` is the decimal separator of
        money text (see :func:`parse_money`).

        Raises
        ------
        ValueError
            With a message that names the input and the accepted range.

        Examples
        --------
        >>> p = Param("h", "Horizon", "years", 3, "int", "slider", "", "", "", min=1, max=10)
        >>> p.parse("5")
        5
        >>> p.parse("12")
        Traceback (most recent call last):
        ...
        ValueError: Horizon (years): `12` is out of range; accepted: 1 to 10 (whole numbers).
        >>> s = Param("savings", "Annual savings", "{cur}/yr", 5e5, "money", "number", "", "", "", min=0, max=1e7)
        >>> s.parse("$1.2M"), s.parse("500K")
        (1200000.0, 500000.0)
        """
        shown = md_code(raw if len(raw) <= 40 else raw[:40] + "…")
        head = self.label + (f" ({self.unit_text(currency)})" if self.unit else "")
        accepted = f"accepted: {self.range_text()}."
        value: Any
        if self.kind == "date":
            try:
                value = dt.datetime.strptime(raw, "%Y-%m-%d").date()
            except ValueError:
                raise ValueError(f'{head}: {shown} is not a date; {accepted}') from None
        elif self.kind == "choice" and raw not in self.options and raw.strip():
            # A choice may be given by its first word alone when that names one option: the SOC
            # code of an occupation ("29-1141" for "29-1141 Registered Nurses").
            first = [o for o in self.options if o.split(" ", 1)[0] == raw.strip()]
            value = first[0] if len(first) == 1 else raw
        elif self.kind in ("choice", "text"):
            value = raw
        elif self.kind == "money":
            try:
                value = parse_money(raw, decimal)
            except ValueError:
                raise ValueError(f"{head}: {shown} is not an amount; {accepted} Write it as e.g. 500000, 500,000, "
                                 "500K or $1.2M.") from None
            if not math.isfinite(value):
                raise ValueError(f'{head}: {shown} is not a finite number; {accepted}')
        else:
            try:
                value = float(raw)
            except (ValueError, OverflowError):
                raise ValueError(f'{head}: {shown} is not a number; {accepted}') from None
            if not math.isfinite(value):
                raise ValueError(f'{head}: {shown} is not a finite number; {accepted}')
            if self.kind == "int":
                if value != int(value):
                    raise ValueError(f'{head}: {shown} is not a whole number; {accepted}')
                value = int(value)
        try:
            return self.validator().validate_python(value)
        except ValidationError:
            reason = {"choice": "is not an accepted value", "date": "is out of range",
                      "text": "is too long"}.get(self.kind, "is out of range")
            raise ValueError(f'{head}: {shown} {reason}; {accepted}') from None


@dataclass(frozen=True)
class LinkProblem:
    """A value from a link that could not be used; ``message`` is Markdown in which the
    link's text stands only inside a code span (see :func:`md_code`)."""

    key: str
    raw: str
    message: str


def md_code(text: str) -> str:
    """``text`` as a Markdown code span: shown exactly as typed, never turned into a link, an
    image, emphasis or HTML (not even a bare URL is linked inside a code span).

    Examples
    --------
    >>> md_code("abc"), md_code("a`b"), md_code("")
    ('`abc`', '``a`b``', '(empty)')
    """
    text = str(text).replace("\r", " ").replace("\n", " ")
    if not text.strip():
        return "(empty)" if not text else "`" + "\u00a0" * len(text) + "`"
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _plain(x: float | None) -> str:
    """A bound as plain text: 10000000 -> '10,000,000', 0.5 -> '0.5'."""
    if x is None:
        return ""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def check_query(
    params: Sequence[Param], query: Mapping[str, Any], currency: str = "USD", decimal: str = "."
) -> tuple[dict[str, Any], list[LinkProblem]]:
    """Validate the values a link carries for ``params``.

    Parameters
    ----------
    params : sequence of Param
        The inputs of one page (keys not declared here are left alone: they may belong to the
        shared frame or another page).
    query : mapping
        Query parameters, ``key -> str`` or ``key -> list of str`` (repeated keys).

    Returns
    -------
    values : dict
        The accepted values, in widget units.
    problems : list of LinkProblem
        One per rejected value, with a message naming the input and the accepted range.

    Examples
    --------
    >>> p = Param("rate", "Discount rate", "%", 10, "percent", "slider", "", "", "", min=0, max=30)
    >>> values, problems = check_query([p], {"rate": "abc"})
    >>> values, problems[0].message
    ({}, 'Discount rate (%): `abc` is not a number; accepted: 0 to 30.')
    >>> check_query([p], {"rate": ["5", "12"]})[0]   # repeated: the last one counts
    {'rate': 12.0}
    """
    values: dict[str, Any] = {}
    problems: list[LinkProblem] = []
    for p in params:
        if p.key not in query:
            continue
        raw = query[p.key]
        if isinstance(raw, (list, tuple)):
            raw = raw[-1] if raw else ""
        raw = str(raw)
        try:
            values[p.key] = p.parse(raw, currency, decimal)
        except ValueError as exc:
            problems.append(LinkProblem(p.key, raw, str(exc)))
    return values, problems


def _url_text(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def url_text(p: Param, value: Any) -> str:
    """A value (widget units) as a link carries it: plain digits for money, ISO dates, whole
    numbers without ".0".

    Examples
    --------
    >>> s = Param("savings", "Annual savings", "{cur}/yr", 5e5, "money", "number", "", "", "", min=0, max=1e7)
    >>> url_text(s, 600000.0), url_text(s, 1234.5)
    ('600000', '1234.5')
    """
    return money_text(value) if p.kind == "money" else _url_text(value)


def link_params(params: Sequence[Param], values: Mapping[str, Any]) -> dict[str, str]:
    """``key -> URL text`` of every value that differs from its default (a "today" date always
    counts as different, so links keep their dates).

    Examples
    --------
    >>> p = Param("rate", "Discount rate", "%", 10, "percent", "slider", "", "", "", min=0, max=30)
    >>> link_params([p], {"rate": 12.5}), link_params([p], {"rate": 10.0})
    ({'rate': '12.5'}, {})
    """
    return {
        p.key: url_text(p, values[p.key])
        for p in params
        if p.key in values and values[p.key] is not None and values[p.key] != p.default
    }


def share_query(params: Sequence[Param], values: Mapping[str, Any]) -> str:
    """Query string for a share link: every value that differs from its default.

    Examples
    --------
    >>> p = Param("rate", "Discount rate", "%", 10, "percent", "slider", "", "", "", min=0, max=30)
    >>> share_query([p], {"rate": 12.0}), share_query([p], {"rate": 10})
    ('rate=12', '')
    """
    return urlencode(link_params(params, values))


def to_model(params: Sequence[Param], values: Mapping[str, Any]) -> dict[str, Any]:
    """Widget values -> model units (``value * scale``; choices unchanged).

    Examples
    --------
    >>> p = Param("rate", "Discount rate", "%", 10, "percent", "slider", "", "", "", min=0, max=30, scale=0.01)
    >>> to_model([p], {"rate": 12})
    {'rate': 0.12}
    """
    out: dict[str, Any] = {}
    for p in params:
        v = values[p.key]
        if p.kind in ("choice", "date", "text"):
            out[p.key] = v
        else:
            out[p.key] = int(v) if p.kind == "int" else v * p.scale
    return out


def widget_state(p: Param, value: Any) -> Any:
    """A value in widget units as its widget holds it in session state: money fields are text
    (people type "500K"), every other widget holds the value itself.

    Examples
    --------
    >>> s = Param("savings", "Annual savings", "{cur}/yr", 5e5, "money", "number", "", "", "", min=0, max=1e7)
    >>> widget_state(s, 600000.0)
    '600000'
    """
    return money_text(value) if p.kind == "money" and isinstance(value, (int, float)) else value


def _default_text(p: Param) -> str:
    if p.kind == "text":
        return f'"{p.default}"' if p.default else "empty"
    if p.kind == "choice":
        return str(p.default)
    if p.kind == "date":
        return {None: "not set", "today": "today"}.get(p.default) or p.default.isoformat()
    return _plain(p.default)


def methodology_rows(params: Sequence[Param], page: str, currency: str = "USD") -> list[dict[str, str]]:
    """One row per input for the methodology page's table of inputs.

    Examples
    --------
    >>> p = Param("rate", "Discount rate", "%", 10, "percent", "slider", "h", "TEI", "Assumptions", min=0, max=30)
    >>> methodology_rows([p], "ROI")[0]["Accepted range"]
    '0 to 30'
    """
    return [
        {
            "Input": p.label,
            "Unit": p.unit_text(currency),
            "Default": _default_text(p),
            "Source of the default": p.source,
            "Accepted range": p.range_text(),
            "URL key": p.key,
            "Page": page,
            "Group": p.group,
        }
        for p in params
    ]


def share_url(base: str | None, path: str, query: str) -> str:
    """A share link: ``base`` (the page's URL as the browser shows it, without a query) plus
    the query; falls back to a relative ``/path`` when the base URL is unknown.

    Examples
    --------
    >>> share_url("http://localhost:8501/roi", "roi", "rate=12")
    'http://localhost:8501/roi?rate=12'
    >>> share_url(None, "roi", "")
    '/roi'
    """
    link = base or f"/{path}"
    return f"{link}?{query}" if query else link
