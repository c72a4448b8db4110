"""upskill_roi.core.finance against hand calculations, numpy-financial (oracle) and properties."""

import math

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from upskill_roi.core.finance import irr, npv, payback_period, payback_periods, summarize

money = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
flows = st.lists(money, min_size=1, max_size=15)
rates = st.floats(min_value=-0.5, max_value=2.0, allow_nan=False)


def test_npv_hand_values():
    # -100 + 60/1.1 + 60/1.21 = -100 + 54.5454.. + 49.5867.. = 4.1322314
    assert npv(0.10, [-100, 60, 60]) == pytest.approx(4.1322314, abs=1e-7)
    # cashflows[0] is not discounted (numpy-financial's convention, unlike Excel's NPV()).
    assert npv(0.10, [100]) == 100
    assert npv(0.25, [0, 125]) == pytest.approx(100)


@given(rates, flows)
def test_npv_matches_numpy_financial(rate, cfs):
    assert npv(rate, cfs) == pytest.approx(npf.npv(rate, cfs), rel=1e-9, abs=1e-6)


def test_npv_vectorised_over_rates_and_rows():
    cfs = np.array([[-100, 60, 60], [-50, 10, 80]], dtype=float)
    got = npv(np.array([[0.0], [0.1]]), cfs)  # rates (2,1) x rows (2,) -> (2,2)
    expected = [[npf.npv(r, row) for row in cfs] for r in (0.0, 0.1)]
    np.testing.assert_allclose(got, expected)


def test_npv_rejects_rate_at_or_below_minus_one():
    with pytest.raises(ValueError, match="greater than -1"):
        npv(-1.0, [1, 2])


def test_irr_hand_and_oracle():
    assert irr([-100, 110]) == pytest.approx(0.10, abs=1e-12)
    # 60/(1+r) + 60/(1+r)^2 = 100 -> x = 1/(1+r) solves 60x^2 + 60x - 100 = 0
    x = (-60 + math.sqrt(60**2 + 4 * 60 * 100)) / (2 * 60)
    assert irr([-100, 60, 60]) == pytest.approx(1 / x - 1, abs=1e-12)
    # numpy-financial's documented example
    assert irr([-100, 39, 59, 55, 20]) == pytest.approx(npf.irr([-100, 39, 59, 55, 20]), abs=1e-10)
    assert irr([-100, 39, 59, 55, 20]) == pytest.approx(0.28095, abs=1e-5)


@pytest.mark.parametrize("cfs", [[100, 50], [-100, -50], [0, 0, 0], [5], [-100, 0, 0]])
def test_irr_none_when_no_rate_makes_npv_zero(cfs):
    assert irr(cfs) is None


inflow = st.one_of(st.just(0.0), st.floats(min_value=1e-2, max_value=1e6))


@settings(max_examples=200)
@given(st.floats(min_value=1, max_value=1e6), st.lists(inflow, min_size=1, max_size=10))
def test_irr_conventional_investment_matches_oracle(outlay, inflows):
    cfs = [-outlay, *inflows]
    assume(sum(inflows) > 0)
    expected = npf.irr(cfs)
    got = irr(cfs)
    assert got is not None
    # Both find the unique root of a conventional investment; check it zeroes the NPV (numpy-financial's).
    if got > -0.9:  # near r = -1 NPV is too ill-conditioned for a residual check; the oracle below still applies
        assert npf.npv(got, cfs) == pytest.approx(0, abs=1e-9 * (outlay + sum(inflows)))
    if not np.isnan(expected) and expected > -0.99:
        assert got == pytest.approx(expected, rel=1e-6, abs=1e-8)


def test_payback_hand_values():
    assert payback_period([-100, 50, 50]) == 2.0
    assert payback_period([-100, 60, 60]) == pytest.approx(1 + 40 / 60)
    assert payback_period([0, 10]) == 0.0
    assert payback_period([50, -10]) == 0.0
    assert payback_period([-100, 30, 30]) is None
    # Pays back only for good: cumulative -100, 0, -50, -40 ends below 0 -> never (the first
    # crossing in period 1 does not count); the case -100, 150, -100 (cumulative -100, 50,
    # -50) too.
    assert payback_period([-100, 100, -50, 10]) is None
    assert payback_period([-100, 150, -100]) is None
    # Cumulative -100, 0, -50, 10: back above 0 for good in period 3: 2 + 50/60.
    assert payback_period([-100, 100, -50, 60]) == pytest.approx(2 + 50 / 60)
    # no up-front cost but early losses: the loss has to be recovered first
    assert payback_period([0, -10, 20]) == 1.5
    assert payback_period([0, -10, 5]) is None
    with pytest.raises(ValueError, match="at least one"):
        payback_period([])


def test_payback_vectorised_matches_scalar():
    """The vectorised path against the scalar one (consistency), each row also by hand."""
    rows = np.array([[-100, 50, 50, 50], [-100, 10, 10, 10], [-10, -10, 30, 0]], dtype=float)
    got = payback_periods(rows)
    assert got.shape == (3,)
    assert got[0] == 2.0 and np.isnan(got[1])  # 100 recovered after two 50s; 30 of 100 never
    for g, row in zip(got, rows, strict=True):
        p = payback_period(row)
        assert (p is None and np.isnan(g)) or g == pytest.approx(p)
    assert got[2] == pytest.approx(1 + 20 / 30)  # cumulative -10, -20, +10: 20 of 30 recovered in period 2


@given(st.floats(min_value=0.01, max_value=1e6), st.lists(money, min_size=0, max_size=15))
def test_payback_none_exactly_when_cumulative_ends_below_zero(outlay, rest):
    """For an investment (a cost at t = 0): never exactly when the cumulative flow ends below 0."""
    cfs = [-outlay, *rest]
    p = payback_period(cfs)
    assert (p is None) == bool(np.cumsum(cfs)[-1] < 0)
    if p is not None:
        assert 0 <= p <= len(cfs) - 1


@given(flows)
def test_payback_general_rule(cfs):
    """Any series: 0 if the cumulative flow is never negative; None if it ends below 0; otherwise
    a point in the period after the last negative cumulative flow, after which it stays >= 0."""
    cum = np.cumsum(cfs)
    p = payback_period(cfs)
    if not np.any(cum < 0):
        assert p == 0.0
    elif cum[-1] < 0:
        assert p is None
    else:
        last_neg = int(np.flatnonzero(cum < 0)[-1])
        assert p is not None and last_neg <= p <= last_neg + 1
        assert np.all(cum[last_neg + 1:] >= 0)


@given(
    st.floats(min_value=1, max_value=1e6),
    st.lists(st.floats(min_value=0, max_value=1e6), min_size=1, max_size=10),
    st.floats(min_value=0, max_value=1),
    st.floats(min_value=0.001, max_value=1),
)
def test_npv_decreases_as_rate_rises_for_conventional_investment(outlay, inflows, r1, dr):
    assume(sum(inflows) > 1e-3)
    cfs = [-outlay, *inflows]
    assert npv(r1 + dr, cfs) <= npv(r1, cfs) + 1e-9 * (outlay + sum(inflows))


@given(flows)
def test_npv_at_rate_zero_is_plain_sum(cfs):
    assert npv(0.0, cfs) == pytest.approx(math.fsum(cfs), abs=1e-6)


def test_summarize_tei_example():
    # Initial cost 100; Year 1-2: costs 10, benefits 60; 10 %.
    s = summarize([100, 10, 10], [0, 60, 60], 0.10)
    pv_c = 100 + 10 / 1.1 + 10 / 1.21
    pv_b = 60 / 1.1 + 60 / 1.21
    assert s.pv_costs == pytest.approx(pv_c)
    assert s.pv_benefits == pytest.approx(pv_b)
    assert s.npv == pytest.approx(pv_b - pv_c)
    assert s.roi == pytest.approx((pv_b - pv_c) / pv_c)
    assert s.payback == 2.0
    assert s.irr == pytest.approx(npf.irr([-100, 50, 50]), abs=1e-10)


def test_monthly_discounting_equals_numpy_financial_at_the_monthly_rate():
    """One rule for every period length: flow t of a monthly series at (1 + r)^(-t/12), which is
    numpy-financial's npv at the monthly rate (1 + r)^(1/12) - 1."""
    rng = np.random.default_rng(3)
    cfs = rng.normal(0, 1_000, 37)
    r = 0.10
    assert npv(r, cfs, per_year=12) == pytest.approx(npf.npv((1 + r) ** (1 / 12) - 1, cfs), rel=1e-12)
    # A year of months: 1,000 at the end of month 12 is 1,000 / 1.1 today; at month 6, 1,000 / 1.1^0.5.
    assert npv(r, [0] * 12 + [1_000], per_year=12) == pytest.approx(1_000 / 1.1)
    assert npv(r, [0] * 6 + [1_000], per_year=12) == pytest.approx(1_000 / 1.1**0.5)


def test_monthly_irr_is_annualised():
    # -100 now, 10.5 at the end of each of 12 months: numpy-financial's monthly IRR, annualised.
    cfs = [-100] + [10.5] * 12
    monthly = npf.irr(cfs)
    assert irr(cfs, per_year=12) == pytest.approx((1 + monthly) ** 12 - 1, rel=1e-9)
    # Leading zeros do not change the rate.
    assert irr([0, 0, -100, 110]) == pytest.approx(0.10)


def test_summarize_degenerate_cases():
    s = summarize([0, 0], [0, 10], 0.1)
    assert s.roi is None and s.irr is None and s.payback == 0.0
    with pytest.raises(ValueError, match="positive"):
        summarize([-1, 0], [0, 0], 0.1)
    with pytest.raises(ValueError, match="same length"):
        summarize([1, 0], [0], 0.1)
