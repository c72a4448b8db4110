"""Numbers, money and dates formatted for the visitor's locale (CLDR data via Babel).

The model is currency-neutral: the currency only changes how amounts are written.
``locale`` is a BCP 47 tag as browsers send it (``"en-US"``, ``"de-DE"``) or a Babel
identifier (``"en_US"``); anything unknown falls back to ``en_US``.
"""

from __future__ import annotations

import datetime as _dt
import math
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import (
    format_compact_currency,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_name,
)

__all__ = ["resolve_locale", "money", "money_compact", "number", "percent", "months", "date",
           "currency_name"]


DEFAULT_LOCALE = "en_US"
HUGE = 1e15
"""Beyond this magnitude amounts are written in scientific notation (Babel's decimal context
cannot quantise numbers of 28+ digits, and nobody reads them digit by digit anyway)."""


def _odd(value: float, unit: str = "") -> str | None:
    """Text for values the locale patterns cannot write: non-finite or huge."""
    if not math.isfinite(value):
        return "–"
    if abs(value) >= HUGE:
        return f"{unit} {value:.3g}".strip()
    return None


@lru_cache(maxsize=64)
def resolve_locale(tag: str | None) -> Locale:
    """A Babel locale for a browser locale tag, falling back to en_US.

    Examples
    --------
    >>> str(resolve_locale("de-DE")), str(resolve_locale("xx-??")), str(resolve_locale(None))
    ('de_DE', 'en_US', 'en_US')
    """
    if tag:
        for sep in ("-", "_"):
            try:
                return Locale.parse(tag, sep=sep)
            except (UnknownLocaleError, ValueError, TypeError):
                continue
    return Locale.parse(DEFAULT_LOCALE)


def _with_digits(pattern: str, digits: int) -> str:
    """A CLDR pattern with its fraction part replaced by exactly ``digits`` places.

    Only the positive sub-pattern is kept (Babel derives the negative one).

    Examples
    --------
    >>> _with_digits("¤#,##0.00", 0), _with_digits("#,##0\xa0%", 1)
    ('¤#,##0', '#,##0.0\xa0%')
    """
    pattern = pattern.split(";")[0]
    i = max(pattern.rfind("0"), pattern.rfind("#"))
    dot = pattern.find(".")
    head, rest = (pattern[:dot], pattern[i + 1 :]) if dot != -1 else (pattern[: i + 1], pattern[i + 1 :])
    return head + ("." + "0" * digits if digits else "") + rest


def money(value: float | None, currency: str = "USD", locale: str | None = None, digits: int = 0) -> str:
    """An amount with the currency symbol placed as the locale places it, rounded to ``digits``.

    Examples
    --------
    >>> money(1234567.4)
    '$1,234,567'
    >>> money(1234567.4, "EUR", "de-DE")
    '1.234.567\\xa0€'
    >>> money(1234567, "INR", "en-IN")
    '₹12,34,567'
    >>> money(-50000, "GBP", "en-GB")
    '-£50,000'
    >>> money(None), money(float("nan")), money(5e106), money(-0.4)
    ('–', '–', 'USD 5e+106', '$0')
    """
    if value is None:
        return "–"
    if (odd := _odd(float(value), currency)) is not None:
        return odd
    value = round(float(value), digits) + 0.0  # + 0.0 turns -0.0 into 0.0: no "-$0"
    loc = resolve_locale(locale)
    pattern = _with_digits(loc.currency_formats["standard"].pattern, digits)
    return format_currency(value, currency, format=pattern, locale=loc, currency_digits=False)


def number(value: float | None, locale: str | None = None, digits: int = 0) -> str:
    """A plain number with the locale's grouping and decimal signs.

    Examples
    --------
    >>> number(1234.5, "en-US", 1), number(1234.5, "fr-FR", 1)
    ('1,234.5', '1\\u202f234,5')
    """
    if value is None:
        return "–"
    if (odd := _odd(float(value))) is not None:
        return odd
    fmt = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(round(float(value), digits), format=fmt, locale=resolve_locale(locale))


def percent(fraction: float | None, locale: str | None = None, digits: int = 0, cap: float | None = None) -> str:
    """A fraction as a percentage: 0.1 -> '10%'; above ``cap`` (a fraction) -> '>cap'.

    Examples
    --------
    >>> percent(4.3735), percent(0.1, "de-DE"), percent(None)
    ('437%', '10\\xa0%', '–')
    >>> percent(91666.8, cap=10)
    '>1,000%'
    """
    if fraction is None:
        return "–"
    if cap is not None and fraction > cap:
        return ">" + percent(cap, locale, 0)
    if (odd := _odd(float(fraction) * 100, "%")) is not None:
        return odd if odd == "–" else odd.split(" ", 1)[1] + "%"
    loc = resolve_locale(locale)
    pattern = _with_digits(loc.percent_formats[None].pattern, digits)
    return format_percent(round(float(fraction), digits + 2), format=pattern, locale=loc)


def money_compact(value: float | None, currency: str = "USD", locale: str | None = None) -> str:
    """A short amount for chart labels.

    Examples
    --------
    >>> money_compact(458_333.33), money_compact(-100_000), money_compact(0)
    ('$458.3K', '-$100K', '$0')
    """
    if value is None:
        return "–"
    if (odd := _odd(float(value), currency)) is not None:
        return odd
    return format_compact_currency(round(float(value)) + 0.0, currency, locale=resolve_locale(locale),
                                   fraction_digits=1)


def months(value: float | None, locale: str | None = None) -> str:
    """A duration in months, one decimal below 10 months, whole months above.

    Examples
    --------
    >>> months(3.7778), months(14.2), months(1), months(None)
    ('3.8 months', '14 months', '1.0 month', 'never')
    """
    if value is None:
        return "never"
    digits = 1 if value < 10 else 0
    text = number(value, locale, digits)
    return f"{text} month" + ("" if round(value, digits) == 1 else "s")


def date(value: _dt.date, locale: str | None = None) -> str:
    """A calendar date in the locale's medium format.

    Examples
    --------
    >>> date(_dt.date(2027, 3, 15), "en-US"), date(_dt.date(2027, 3, 15), "de-DE")
    ('Mar 15, 2027', '15.03.2027')
    """
    return format_date(value, format="medium", locale=resolve_locale(locale))


def currency_name(code: str, locale: str | None = None) -> str:
    """The currency's name in the locale's language, e.g. 'Euro'.

    Examples
    --------
    >>> currency_name("EUR", "en-US"), currency_name("EUR", "de-DE")
    ('Euro', 'Euro')
    """
    return get_currency_name(code, locale=resolve_locale(locale))


def whole_percent(share: float | None) -> int | None:
    """A share (0-1) as a whole number of percent for a table column (None stays None).

    Examples
    --------
    >>> whole_percent(0.4049), whole_percent(None)
    (40, None)
    """
    return None if share is None else round(share * 100)
