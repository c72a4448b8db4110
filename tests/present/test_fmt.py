"""Locale formatting against CLDR's published patterns (what a reader in that locale expects)."""

import datetime as dt

import pytest

from upskill_roi.present import fmt

NNBSP, NBSP = "\u202f", "\xa0"


@pytest.mark.parametrize(
    "value, currency, locale, expected",
    [
        (1234567.4, "USD", "en-US", "$1,234,567"),
        (1234567.4, "EUR", "de-DE", f"1.234.567{NBSP}€"),
        (1234567, "INR", "en-IN", "₹12,34,567"),  # Indian lakh grouping
        (1234567, "EUR", "fr-FR", f"1{NNBSP}234{NNBSP}567{NBSP}€"),
        (-50000, "GBP", "en-GB", "-£50,000"),
        (1234, "JPY", "ja-JP", "￥1,234"),
        (99.5, "USD", "en-US", "$100"),
    ],
)
def test_money(value, currency, locale, expected):
    assert fmt.money(value, currency, locale) == expected


def test_money_digits_and_unknown_locale():
    assert fmt.money(48.65, "USD", "en-US", digits=2) == "$48.65"
    assert fmt.money(1000, "USD", "not-a-locale") == "$1,000"
    assert fmt.money(None) == "–"


def test_percent_number_months_date():
    assert fmt.percent(4.3735, "en-US") == "437%"
    assert fmt.percent(0.125, "en-US", 1) == "12.5%"
    assert fmt.percent(0.1, "de-DE") == f"10{NBSP}%"
    assert fmt.number(1234.5, "de-DE", 1) == "1.234,5"
    assert fmt.months(3.7778) == "3.8 months" and fmt.months(None) == "never" and fmt.months(12.4) == "12 months"
    assert fmt.date(dt.date(2027, 3, 15), "en-GB") == "15 Mar 2027"
    assert fmt.date(dt.date(2027, 3, 15), "de-DE") == "15.03.2027"
