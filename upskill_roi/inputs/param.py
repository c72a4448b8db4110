"""Declare each input once; derive URL parsing, share links and the methodology table.

A :class:`Param` holds everything the app knows about one input: its URL key, label, unit,
bounds, default, help text and the source of the default. :mod:`upskill_roi.web.widgets` draws the widget
from it; this module (pure, no Streamlit) validates values that arrive from a link (and, later,
from uploaded files) with pydantic, builds share-link query strings and the rows of the
methodology page.

Values are held in *widget units* (percentages as 0-100, money in the user's currency);
``Param.scale`` converts to the model's units (``model = widget * scale``).

**The path of one input.** A declaration names the model fields it feeds (``feeds``, built with
:class:`Fields`, checked when the module loads) and its scale; its default is the model's own
default in widget units (:data:`MODEL_DEFAULT`), so each default is written once, in the core's
dataclass. :func:`build` turns the values a page has into the model's inputs: every declared
input that feeds the model and that the page has goes in; the rest keep the model's defaults
(which are the declarations' defaults); rules the model needs beyond one field per input (a
preset chosen by name, the start date "today") are passed by name. Nothing else maps inputs to
fields.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import urlencode

from pydantic import Field, TypeAdapter, ValidationError

__all__ = ["ModelField", "Fields", "MODEL_DEFAULT", "build", "with_defaults", "Param", "LinkProblem", "TableLink",
           "parse_money", "money_text", "widget_state", "url_text", "check_query", "link_version",
           "defaults_of_version", "versioned", "LINK_VERSION", "VERSION_KEY", "DEFAULT_CHANGES", "link_params",
           "share_query", "share_url", "to_model", "methodology_rows"]

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
class ModelField:
    """One field of a core dataclass that an input feeds (see :class:`Fields`)."""

    model: type
    name: str

    def model_default(self) -> Any:
        """The field's default in model units (``dataclasses.MISSING`` when it has none)."""
        f = {f.name: f for f in dataclasses.fields(self.model)}[self.name]
        return f.default if f.default_factory is dataclasses.MISSING else f.default_factory()

    def __str__(self) -> str:
        return f"{self.model.__name__}.{self.name}"


class Fields:
    """The fields of a core dataclass as attributes: ``Fields(ImplementationInputs).discount_rate``
    is a :class:`ModelField`; a name the dataclass does not have fails when the declaration loads.

    Examples
    --------
    >>> @dataclass(frozen=True)
    ... class Loan:
    ...     rate: float = 0.05
    >>> str(Fields(Loan).rate)
    'Loan.rate'
    >>> Fields(Loan).rte
    Traceback (most recent call last):
    ...
    AttributeError: Loan has no field 'rte'
    """

    def __init__(self, model: type) -> None:
        self._model = model
        self._names = {f.name for f in dataclasses.fields(model)}

    def __getattr__(self, name: str) -> ModelField:
        if name.startswith("_") or name not in self._names:
            raise AttributeError(f"{self._model.__name__} has no field {name!r}")
        return ModelField(self._model, name)


class _ModelDefault:
    def __repr__(self) -> str:
        return "MODEL_DEFAULT"


MODEL_DEFAULT: Any = _ModelDefault()
"""A declaration's default when it is the model's own: the default of its first fed field, in
widget units (``model default / scale``)."""


def _to_widget(p_scale: float, kind: str, value: Any) -> Any:
    if kind == "int":
        return int(value)
    if kind in ("choice", "date", "text") or value is None:
        return value
    # round off the binary noise of 0.56 / 0.01 = 56.00000000000001
    return round(float(value) / p_scale, 9) if p_scale != 1 else float(value)


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
    feeds : tuple of ModelField
        The model fields this input sets (one per core dataclass it feeds; see :func:`build`).
        With ``default=MODEL_DEFAULT`` the default is the first field's default in widget units;
        every fed field must have that same default.
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
    feeds: tuple[ModelField, ...] = ()

    def __post_init__(self) -> None:
        defaults = [(f, f.model_default()) for f in self.feeds]
        if self.default is MODEL_DEFAULT:
            if not defaults or defaults[0][1] is dataclasses.MISSING:
                raise ValueError(f"{self.key}: MODEL_DEFAULT needs a fed field with a default")
            object.__setattr__(self, "default", _to_widget(self.scale, self.kind, defaults[0][1]))
        for f, d in defaults:
            if d is dataclasses.MISSING or (self.kind == "date" and self.default == "today"):
                continue
            if self.to_model(self.default) != d and not (
                    isinstance(d, float) and math.isclose(self.to_model(self.default), d, rel_tol=1e-12)):
                raise ValueError(f"{self.key}: default {self.default!r} is {self.to_model(self.default)!r} in model "
                                 f"units, but {f} defaults to {d!r}: declare the default once, in the model")
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

    @property
    def lo(self) -> float:
        """The lower bound of a number input [widget units]."""
        assert isinstance(self.min, (int, float)), f"{self.key} has no number bounds"
        return float(self.min)

    @property
    def hi(self) -> float:
        """The upper bound of a number input (the most characters of a text) [widget units]."""
        assert isinstance(self.max, (int, float)), f"{self.key} has no number bounds"
        return float(self.max)

    def to_model(self, value: Any) -> Any:
        """A value in widget units -> model units (``value * scale``, computed as a division for
        scales below 1 so that 70 % is exactly 0.7; whole numbers as ``int``; choices, dates and
        text unchanged).

        Examples
        --------
        >>> Param("p", "Chance", "%", 70.0, "percent", "slider", "", "", "", min=0, max=100, scale=0.01).to_model(70)
        0.7
        """
        if self.kind in ("choice", "date", "text") or value is None:
            return value
        if self.kind == "int":
            return int(value)
        return value / (1 / self.scale) if self.scale < 1 else value * self.scale

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
        lo, hi = self.min, self.max
        if self.kind == "date":
            assert isinstance(lo, dt.date) and isinstance(hi, dt.date)  # date bounds: checked by __post_init__
            return f"a date from {lo.isoformat()} to {hi.isoformat()} (YYYY-MM-DD)"
        assert not isinstance(lo, dt.date) and not isinstance(hi, dt.date)  # a number's bounds are numbers
        return f"{_plain(lo)} to {_plain(hi)}" + (" (whole numbers)" if self.kind == "int" else "")

    def validator(self) -> TypeAdapter[Any]:
        """A pydantic adapter that accepts exactly the values this input allows."""
        if self.kind == "text":
            return TypeAdapter(Annotated[str, Field(max_length=self.max)])
        if self.kind == "choice":
            choice: Any = Literal[self.options]  # a type built at run time: no static type form
            return TypeAdapter(choice)
        if self.kind == "date":
            return TypeAdapter(Annotated[dt.date, Field(ge=self.min, le=self.max)])
        base = int if self.kind == "int" else float
        number: Any = Annotated[base, Field(ge=self.min, le=self.max, allow_inf_nan=False)]  # built at run time
        return TypeAdapter(number)

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


@dataclass(frozen=True)
class TableLink:
    """A table's link form, the one protocol every table of a page follows (a scalar input's is
    its :class:`Param`): the parameters it owns and the check of a link's values for them.

    ``check(query)`` takes ``key -> list of str`` and returns the accepted parameters in the
    table's own canonical link form and a :class:`LinkProblem` for each rejected one; the page's
    codec module (:mod:`~upskill_roi.inputs.activities`, :mod:`~upskill_roi.inputs.tei`) holds its
    grammar, encoder and decoder.
    """

    name: str
    keys: tuple[str, ...]
    check: Callable[[Mapping[str, list[str]]], tuple[dict[str, list[str]], list[LinkProblem]]]


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


LINK_VERSION = 1
"""The link format: every share link carries it as ``v=1``. A link without ``v`` was made before
links carried a version and is read as version 1."""
VERSION_KEY = "v"
DEFAULT_CHANGES: dict[int, dict[str, Any]] = {}
"""Defaults that changed, by the link version that changed them: ``{2: {"rate": 10.0}}`` says
version 2 changed the default of ``rate`` and that links of version 1 meant 10.0 when they left it
out (links leave defaults out). Changing a declared default means raising :data:`LINK_VERSION` and
recording the old default here, so an old link opens to the page its sender saw."""


def link_version(query: Mapping[str, Any]) -> tuple[int, LinkProblem | None]:
    """The link format a link was made with (:data:`LINK_VERSION`), and a problem when ``v`` is
    not one this app knows (the link is then read as the current version).

    Examples
    --------
    >>> link_version({}), link_version({"v": "1"})[0], link_version({"v": ["9"]})[1].message[:37]
    ((1, None), 1, 'Link format (v): `9` is not a version')
    """
    raw = query.get(VERSION_KEY)
    if raw is None:
        return 1, None
    raw = str(raw[-1] if isinstance(raw, (list, tuple)) and raw else raw)
    if raw.isdigit() and 1 <= int(raw) <= LINK_VERSION:
        return int(raw), None
    return LINK_VERSION, LinkProblem(VERSION_KEY, raw, f"Link format ({VERSION_KEY}): {md_code(raw[:40])} is not a "
                                     f"version this app reads; accepted: 1 to {LINK_VERSION}. The link is read as "
                                     "the current version.")


def defaults_of_version(params: Sequence[Param], version: int) -> dict[str, Any]:
    """The defaults of ``params`` that links of ``version`` left out and that have changed since:
    ``key -> the default in effect then`` (:data:`DEFAULT_CHANGES`)."""
    keys = {p.key for p in params}
    out: dict[str, Any] = {}
    for changed_in in sorted(v for v in DEFAULT_CHANGES if v > version):
        for key, old in DEFAULT_CHANGES[changed_in].items():
            if key in keys:
                out.setdefault(key, old)
    return out


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
        The accepted values, in widget units, and for a link of an older format (``v``) the
        defaults it left out that have changed since (:data:`DEFAULT_CHANGES`).
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
    if query:  # a link: read it as its format meant it
        older = defaults_of_version(params, link_version(query)[0])
        values |= {k: v for k, v in older.items() if k not in query}
    return values, problems


def versioned(query: Mapping[str, Any]) -> dict[str, Any]:
    """A link's parameters with the link format first (``v``; see :data:`LINK_VERSION`).

    Examples
    --------
    >>> versioned({"rate": "12"})
    {'v': '1', 'rate': '12'}
    """
    return {VERSION_KEY: str(LINK_VERSION), **{k: v for k, v in query.items() if k != VERSION_KEY}}


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
    """Widget values -> model units (:meth:`Param.to_model`) of the ``params`` that ``values`` has.

    Examples
    --------
    >>> p = Param("rate", "Discount rate", "%", 10, "percent", "slider", "", "", "", min=0, max=30, scale=0.01)
    >>> to_model([p], {"rate": 12}), to_model([p], {})
    ({'rate': 0.12}, {})
    """
    return {p.key: p.to_model(values[p.key]) for p in params if p.key in values}


def with_defaults(params: Sequence[Param], values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with every one of ``params`` it lacks at its default (widget units).

    Examples
    --------
    >>> p = Param("rate", "Discount rate", "%", 10, "percent", "slider", "", "", "", min=0, max=30, scale=0.01)
    >>> with_defaults([p], {}), with_defaults([p], {"rate": 12, "x": 1})
    ({'rate': 10}, {'rate': 12, 'x': 1})
    """
    return {**{p.key: p.default for p in params if p.key not in values}, **values}


T = TypeVar("T")


def build(model: type[T], params: Sequence[Param], values: Mapping[str, Any], **rules: Any) -> T:
    """The model's inputs from widget values: each of ``params`` that feeds a field of ``model``
    and that ``values`` has sets that field (in model units); fields no value sets keep the
    model's defaults, which are the declarations' defaults (:data:`MODEL_DEFAULT`); ``rules`` set
    fields the model computes from more than one input (named, in model units).

    Raises
    ------
    TypeError
        If a rule names a field the model does not have.

    Examples
    --------
    >>> @dataclass(frozen=True)
    ... class Loan:
    ...     rate: float = 0.05
    ...     years: int = 10
    >>> F = Fields(Loan)
    >>> rate = Param("rate", "Rate", "%", MODEL_DEFAULT, "percent", "slider", "", "", "", min=0, max=30,
    ...              scale=0.01, feeds=(F.rate,))
    >>> rate.default
    5.0
    >>> build(Loan, [rate], {"rate": 7.5}), build(Loan, [rate], {}, years=3)
    (Loan(rate=0.075, years=10), Loan(rate=0.05, years=3))
    """
    fields = {f.name: p.to_model(values[p.key])
              for p in params if p.key in values for f in p.feeds if f.model is model}
    return model(**{**fields, **rules})


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
    the query (from :func:`upskill_roi.inputs.pages.link`, which puts the link format first);
    falls back to a relative ``/path`` when the base URL is unknown.

    Examples
    --------
    >>> share_url("http://localhost:8501/roi", "roi", "v=1&rate=12")
    'http://localhost:8501/roi?v=1&rate=12'
    >>> share_url(None, "roi", "")
    '/roi'
    """
    link = base or f"/{path}"
    return f"{link}?{query}" if query else link
