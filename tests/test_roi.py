"""calc.roi against hand calculations and the numpy-financial oracle."""

import datetime as dt

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc.roi import (
    ImplementationInputs,
    SavingsDrivers,
    cashflow_table,
    evaluate,
    justified_premium,
    monthly_flows,
    ramp_profile,
    savings_for_premium,
)


def test_guidance_headline():
    # "An implementation that saves $500K a year justifies a $50K+ premium."
    assert justified_premium(500_000) == 50_000


def test_defaults_by_hand():
    r = evaluate(ImplementationInputs())
    # Year 1 benefits: 500,000/12 x (1/3 + 2/3 + 1 + 9 full months) = 41,666.67 x 11
    y1 = 500_000 / 12 * 11
    np.testing.assert_allclose(r.yearly_benefits, [0, y1, 500_000, 500_000])
    np.testing.assert_allclose(r.yearly_costs, [100_000, 50_000, 50_000, 50_000])
    net = [-100_000, y1 - 50_000, 450_000, 450_000]
    hand_npv = -100_000 + (y1 - 50_000) / 1.1 + 450_000 / 1.1**2 + 450_000 / 1.1**3
    assert r.npv == pytest.approx(hand_npv)
    assert r.npv == pytest.approx(981_204.61, abs=0.01)
    assert r.npv == pytest.approx(npf.npv(0.10, net))
    pv_costs = 100_000 + 50_000 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331)
    assert r.roi == pytest.approx(hand_npv / pv_costs)
    assert r.irr == pytest.approx(npf.irr(net), rel=1e-9)
    # Monthly net: month 1: 13,888.89 - 4,166.67; month 2: 27,777.78 - 4,166.67; month 3 on: 37,500.
    # Cumulative after 3 months: 9,722.22 + 23,611.11 + 37,500 = 70,833.33; 29,166.67 more / 37,500.
    assert r.payback_months == pytest.approx(3 + (100_000 - 70_833.333333) / 37_500)
    assert r.premium == 50_000
    assert r.employer_net_after_premium == 500_000 - 50_000 - 50_000
    assert r.premium_share_of_salary == pytest.approx(50_000 / 101_190)


def test_no_ramp_payback_is_cost_over_monthly_net():
    r = evaluate(ImplementationInputs(ramp_months=0))
    assert r.payback_months == pytest.approx(100_000 / (500_000 / 12 - 50_000 / 12))


def test_never_pays_back():
    r = evaluate(ImplementationInputs(annual_savings=0))
    assert r.payback_months is None
    assert r.irr is None
    assert r.npv < 0
    assert r.premium == 0


def test_payback_date():
    r = evaluate(ImplementationInputs(go_live=dt.date(2027, 1, 1), ramp_months=0))
    # payback 2.6667 months x 30.4375 days = 81.17 -> 81 days after 1 Jan 2027 = 23 Mar 2027
    assert r.payback_date == dt.date(2027, 3, 23)
    assert evaluate(ImplementationInputs()).payback_date is None
    assert evaluate(ImplementationInputs(annual_savings=0, go_live=dt.date(2027, 1, 1))).payback_date is None


def test_inverse_solvers():
    assert savings_for_premium(60_000) == 600_000
    assert savings_for_premium(60_000, 0.0) is None
    r = evaluate(ImplementationInputs(target_premium=60_000))
    assert r.savings_for_target_premium == pytest.approx(600_000)
    # Break-even by hand: PV(costs) / PV of 1 a year of savings with the 3-month ramp.
    pv_costs = 100_000 + 50_000 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331)
    pv_unit = (11 / 12) / 1.1 + 1 / 1.21 + 1 / 1.331
    assert r.break_even_savings == pytest.approx(pv_costs / pv_unit)
    assert r.break_even_savings == pytest.approx(93_046, abs=1)
    at_break_even = evaluate(ImplementationInputs(annual_savings=r.break_even_savings))
    assert at_break_even.npv == pytest.approx(0, abs=1e-6)
    assert evaluate(ImplementationInputs(benefit_risk=1.0)).break_even_savings is None
    # With a 20% benefit haircut, $500K of savings supports only $40K: $50K needs 50,000 / (0.1 x 0.8).
    risky = evaluate(ImplementationInputs(benefit_risk=0.2))
    assert risky.premium == pytest.approx(40_000)
    assert risky.savings_for_target_premium == pytest.approx(625_000)
    assert evaluate(ImplementationInputs(benefit_risk=0.2, annual_savings=625_000)).premium == pytest.approx(50_000)
    assert evaluate(ImplementationInputs(benefit_risk=1.0)).savings_for_target_premium is None


def test_risk_adjustments():
    r = evaluate(ImplementationInputs(benefit_risk=0.2, cost_risk=0.1, ramp_months=0, horizon_years=1))
    assert r.annual_savings == pytest.approx(400_000)
    assert r.premium == pytest.approx(40_000)
    np.testing.assert_allclose(r.yearly_costs, [110_000, 55_000])
    np.testing.assert_allclose(r.yearly_benefits, [0, 400_000])
    assert r.npv == pytest.approx(-110_000 + 345_000 / 1.1)


def test_drivers_by_hand():
    d = SavingsDrivers(hours_saved_per_week=4, people=40, loaded_hourly_cost=60, working_weeks=48,
                       errors_avoided=120, cost_per_error=250, revenue_uplift=200_000, margin=0.25)
    assert d.breakdown() == {"Time saved": 460_800, "Errors avoided": 30_000, "Revenue margin": 50_000}
    assert d.total() == 540_800


def test_ramp_profile_and_monthly_flows():
    np.testing.assert_allclose(ramp_profile(4, 6), [0.25, 0.5, 0.75, 1, 1, 1])
    np.testing.assert_allclose(ramp_profile(0, 3), [1, 1, 1])
    b, c = monthly_flows(1_200, 500, 240, 2, 1)
    assert b.shape == c.shape == (13,)
    np.testing.assert_allclose(b[:4], [0, 50, 100, 100])
    np.testing.assert_allclose(c[:3], [500, 20, 20])


def test_monthly_flows_vectorised_equals_loop():
    savings = np.array([100_000.0, 250_000.0, 0.0])
    ramps = np.array([0.0, 3.0, 12.0])
    b, c = monthly_flows(savings, 10_000.0, 1_200.0, ramps, 2, benefit_risk=0.1)
    for k in range(3):
        bk, ck = monthly_flows(savings[k], 10_000.0, 1_200.0, ramps[k], 2, benefit_risk=0.1)
        np.testing.assert_allclose(b[k], bk)
        np.testing.assert_allclose(c[k], ck)


def test_cashflow_table_columns_and_totals():
    t = cashflow_table(evaluate(ImplementationInputs(ramp_months=0, horizon_years=2)))
    assert list(t.columns) == ["Period", "Benefits", "Costs", "Net", "Cumulative net", "Discount factor", "PV of net"]
    assert t["Period"].tolist() == ["Initial", "Year 1", "Year 2"]
    np.testing.assert_allclose(t["Net"], [-100_000, 450_000, 450_000])
    np.testing.assert_allclose(t["Cumulative net"], [-100_000, 350_000, 800_000])
    np.testing.assert_allclose(t["Discount factor"], [1, 1 / 1.1, 1 / 1.21])


def test_waterfall_totals_add_up():
    r = evaluate(ImplementationInputs())
    t = r.horizon_totals
    assert t["Premium"] == -150_000
    assert t["Employer net"] == pytest.approx(t["Savings"] + t["Implementation"] + t["Running costs"] + t["Premium"])
    assert t["Employer net"] == pytest.approx(500_000 / 12 * 35 - 100_000 - 150_000 - 150_000)


@pytest.mark.parametrize("bad", [dict(horizon_years=0), dict(horizon_years=11), dict(horizon_years=2.5),
                                 dict(ramp_months=-1), dict(discount_rate=-1.0), dict(implementation_cost=-5),
                                 dict(cost_risk=-2), dict(benefit_risk=1.5), dict(capture_share=-0.1),
                                 dict(annual_savings=float("nan")), dict(running_cost=float("inf"))])
def test_invalid_inputs_rejected_with_the_field_named(bad):
    (name,) = bad
    with pytest.raises(ValueError, match=name):
        ImplementationInputs(**bad)


def test_no_upfront_cost_and_a_loss_never_pays_back():
    # Savings 10,000/yr < running cost 50,000/yr, nothing up front: the cumulative flow only falls.
    r = evaluate(ImplementationInputs(implementation_cost=0, annual_savings=10_000))
    assert r.payback_months is None
    # No up-front cost, 24-month ramp: months 1-3 lose money (benefit 1/24, 2/24, 3/24 of 41,666.67
    # against 4,166.67 of running cost), month 4 recovers it.
    r = evaluate(ImplementationInputs(implementation_cost=0, ramp_months=24))
    monthly = [500_000 / 12 * m / 24 - 50_000 / 12 for m in range(1, 5)]
    cum = np.cumsum(monthly)
    assert cum[2] < 0 <= cum[3]
    assert r.payback_months == pytest.approx(3 + -cum[2] / monthly[3])


positive = st.floats(min_value=0, max_value=5e6, allow_nan=False)


@given(positive, positive, st.floats(min_value=1, max_value=1e6))
def test_npv_monotone_in_savings_and_cost(s, impl, extra):
    base = evaluate(ImplementationInputs(annual_savings=s, implementation_cost=impl))
    more_savings = evaluate(ImplementationInputs(annual_savings=s + extra, implementation_cost=impl))
    more_cost = evaluate(ImplementationInputs(annual_savings=s, implementation_cost=impl + extra))
    assert more_savings.npv > base.npv
    assert more_cost.npv < base.npv
    assert more_savings.premium >= base.premium


@given(positive, st.floats(min_value=0, max_value=1))
def test_premium_is_linear(s, share):
    assert justified_premium(s, share) == pytest.approx(s * share)
    assert justified_premium(2 * s, share) == pytest.approx(2 * justified_premium(s, share))
