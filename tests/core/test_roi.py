"""upskill_roi.core.roi against hand calculations, the cited sources and the numpy-financial oracle.

Hand values: monthly flows at the end of each month, discounted from when they fall at the
annual rate, v(m) = 1.1^(-m/12) (upskill_roi.core.finance); numpy-financial's npv at the equivalent monthly
rate (1.1^(1/12) - 1) is the oracle for the same sums.
"""

import datetime as dt

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from upskill_roi.core.roi import (
    DEFAULT_PREMIUM_CAP,
    DEFAULT_RECAPTURE,
    DEFAULT_SUCCESS,
    ImplementationInputs,
    SavingsDrivers,
    cashflow_table,
    evaluate,
    justified_premium,
    monthly_flows,
    premium_annuity,
    ramp_profile,
    savings_for_premium,
)

MONTHLY_10 = 1.1 ** (1 / 12) - 1
PLAIN = dict(benefit_risk=0.0, cost_risk=0.0, success_probability=1.0)
"""No risk adjustment and a system certainly in production: the guidance's plain case."""


def v(m):
    return 1.1 ** (-m / 12)


def hand_case(savings=500_000, impl=100_000, running=50_000, ramp=3, years=3, b=0.0, c=0.0, p=1.0):
    """The monthly model written out month by month (the module's formulas, by hand)."""
    months = range(1, 12 * years + 1)
    ben = [p * savings * (1 - b) / 12 * min(m / ramp, 1) if ramp else p * savings * (1 - b) / 12 for m in months]
    cost = [p * running * (1 + c) / 12 for _ in months]
    net = [-impl * (1 + c)] + [x - y for x, y in zip(ben, cost, strict=True)]
    pv_costs = impl * (1 + c) + sum(y * v(m) for m, y in zip(months, cost, strict=True))
    return net, pv_costs


def test_guidance_headline_holds():
    # "A system that saves $500K a year net (and pays back) justifies $50K": net of running costs.
    assert justified_premium(500_000) == 50_000
    r = evaluate(ImplementationInputs(annual_savings=550_000, running_cost=50_000, **PLAIN))
    assert r.net_annual_savings == 500_000
    assert r.premium == pytest.approx(50_000) and r.premium_limit == "rule"
    assert r.npv > 0 and r.employer_npv > 0


def test_plain_case_by_hand_and_oracle():
    r = evaluate(ImplementationInputs(**PLAIN))
    net, pv_costs = hand_case()
    hand_npv = sum(x * v(m) for m, x in enumerate(net))
    assert r.npv == pytest.approx(hand_npv)
    assert r.npv == pytest.approx(npf.npv(MONTHLY_10, net))
    assert r.npv == pytest.approx(1_028_264.16, abs=0.01)
    assert r.roi == pytest.approx(hand_npv / pv_costs)
    assert r.irr == pytest.approx((1 + npf.irr(net)) ** 12 - 1, rel=1e-6)
    # Year 1 benefits: 500,000/12 x (1/3 + 2/3 + 1 + 9 full months) = 41,666.67 x 11.
    np.testing.assert_allclose(r.yearly_benefits, [0, 500_000 / 12 * 11, 500_000, 500_000])
    np.testing.assert_allclose(r.yearly_costs, [100_000, 50_000, 50_000, 50_000])
    assert r.yearly_pv.sum() == pytest.approx(r.npv)  # the years' PVs add up to the NPV
    # Monthly net: month 1: 13,888.89 - 4,166.67; month 2: 27,777.78 - 4,166.67; month 3 on: 37,500.
    # Cumulative after 3 months: 9,722.22 + 23,611.11 + 37,500 = 70,833.33; 29,166.67 more / 37,500.
    assert r.payback_months == pytest.approx(3 + (100_000 - 70_833.333333) / 37_500)
    # Premium: 10 % of (500,000 - 50,000) net a year.
    assert r.premium == 45_000 and r.employer_net_after_premium == 450_000 - 45_000
    assert r.premium_share_of_salary == pytest.approx(45_000 / 101_190)


def test_defaults_are_risk_adjusted_and_count_the_chance_of_production():
    """One sourced default everywhere: 10 % benefit and cost risk (TEI); 70 % chance of production
    (Gartner 2024: at least 30 % of generative-AI projects abandoned after proof of concept)."""
    i = ImplementationInputs()
    assert (i.benefit_risk, i.cost_risk, i.success_probability) == (0.10, 0.10, DEFAULT_SUCCESS) == (0.1, 0.1, 0.7)
    r = evaluate(i)
    net, pv_costs = hand_case(b=0.1, c=0.1, p=0.7)
    assert r.npv == pytest.approx(npf.npv(MONTHLY_10, net))
    assert r.npv == pytest.approx(582_614.32, abs=0.01)
    # The two outcomes: in production (p = 1) or not (only the implementation cost, 110,000).
    success, _ = hand_case(b=0.1, c=0.1)
    assert r.npv_if_success == pytest.approx(npf.npv(MONTHLY_10, success))
    assert r.npv_if_failure == pytest.approx(-110_000)
    assert r.npv == pytest.approx(0.7 * r.npv_if_success + 0.3 * r.npv_if_failure)
    # Premium: 10 % of 450,000 - 55,000 = 395,000 net: 39,500.
    assert r.annual_savings == 450_000 and r.annual_running_cost == pytest.approx(55_000)
    assert r.premium == pytest.approx(39_500)
    # Its expected cost: paid monthly from month 1 while in production: 0.7 x 39,500 x sum v(m)/12.
    annuity = sum(v(m) for m in range(1, 37)) / 12
    assert premium_annuity(0.10, 3) == pytest.approx(annuity)
    assert r.premium_pv == pytest.approx(0.7 * 39_500 * annuity)
    assert r.employer_npv == pytest.approx(npf.npv(MONTHLY_10, net) - 0.7 * 39_500 * annuity)  # 510,756


def test_premium_is_not_free_and_not_unbounded():
    # The losing project: savings 500K, running 480K, implementation 300K: no premium.
    loser = evaluate(ImplementationInputs(annual_savings=500_000, running_cost=480_000, implementation_cost=300_000,
                                          **PLAIN))
    net, _ = hand_case(running=480_000, impl=300_000)
    assert loser.npv == pytest.approx(npf.npv(MONTHLY_10, net)) and loser.npv < 0
    assert loser.premium == 0 and loser.premium_limit == "does not pay back"
    # $100M of savings: capped at 56 % of the salary (PwC 2025: the largest published AI-skill premium).
    big = evaluate(ImplementationInputs(annual_savings=100_000_000, **PLAIN))
    assert DEFAULT_PREMIUM_CAP == 0.56
    assert big.premium == pytest.approx(0.56 * 101_190) and big.premium_limit == "cap"
    # A thin project: the rule's premium would take the employer below NPV 0, so it is cut to what
    # keeps the employer's NPV at 0. One year, no ramp, 100,000 up front, 150,000 savings, 40,000
    # running: net 110,000 a year; rule 11,000; NPV = -100,000 + 110,000 x A = 4,504, A = sum v(m)/12
    # = 0.95004; the most the employer can pay: NPV / A = 4,741 a year.
    thin = evaluate(ImplementationInputs(annual_savings=150_000, running_cost=40_000, ramp_months=0, horizon_years=1,
                                         **PLAIN))
    a1 = sum(v(m) for m in range(1, 13)) / 12
    assert thin.npv == pytest.approx(-100_000 + 110_000 * a1)
    assert thin.premium == pytest.approx((-100_000 + 110_000 * a1) / a1) and thin.premium == pytest.approx(4_741, abs=1)
    assert thin.premium_limit == "employer NPV" and thin.employer_npv == pytest.approx(0, abs=1e-6)


def test_no_ramp_payback_is_cost_over_monthly_net():
    r = evaluate(ImplementationInputs(ramp_months=0, **PLAIN))
    assert r.payback_months == pytest.approx(100_000 / (500_000 / 12 - 50_000 / 12))


def test_never_pays_back():
    r = evaluate(ImplementationInputs(annual_savings=0))
    assert r.payback_months is None
    assert r.irr is None
    assert r.npv < 0
    assert r.premium == 0


def test_payback_date():
    r = evaluate(ImplementationInputs(go_live=dt.date(2027, 1, 1), ramp_months=0, **PLAIN))
    # payback 2.6667 months x 30.4375 days = 81.17 -> 81 days after 1 Jan 2027 = 23 Mar 2027
    assert r.payback_date == dt.date(2027, 3, 23)
    assert evaluate(ImplementationInputs()).payback_date is None
    assert evaluate(ImplementationInputs(annual_savings=0, go_live=dt.date(2027, 1, 1))).payback_date is None


def test_inverse_solvers():
    assert savings_for_premium(60_000) == 600_000
    assert savings_for_premium(60_000, 0.0) is None
    # The rule: 55,000 / 10 % = 550,000 a year net, plus 50,000 of running costs.
    r = evaluate(ImplementationInputs(target_premium=55_000, **PLAIN))
    assert r.savings_for_target_premium == pytest.approx(600_000)
    assert evaluate(ImplementationInputs(annual_savings=600_000, **PLAIN)).premium == pytest.approx(55_000)
    # Break-even by hand: PV(costs) / PV of 1 a year of savings with the 3-month ramp.
    pv_costs = 100_000 + 50_000 / 12 * sum(v(m) for m in range(1, 37))
    pv_unit = sum(min(m / 3, 1) / 12 * v(m) for m in range(1, 37))
    assert r.break_even_savings == pytest.approx(pv_costs / pv_unit)
    assert r.break_even_savings == pytest.approx(91_377, abs=1)
    at_break_even = evaluate(ImplementationInputs(annual_savings=r.break_even_savings, **PLAIN))
    assert at_break_even.npv == pytest.approx(0, abs=1e-6)
    assert evaluate(ImplementationInputs(benefit_risk=1.0)).break_even_savings is None
    # The case: break-even 614,945 (monthly discounting) lies above the rule's answer for
    # 50,000 (500,000 net + 480,000 running = 980,000, which is above break-even): the solver gives
    # the savings that satisfy both the rule and the employer's NPV after the premium.
    loser = evaluate(ImplementationInputs(running_cost=480_000, implementation_cost=300_000, target_premium=50_000,
                                          **PLAIN))
    assert loser.break_even_savings == pytest.approx(614_945, abs=1)
    assert loser.savings_for_target_premium == pytest.approx(980_000)
    at = evaluate(ImplementationInputs(annual_savings=loser.savings_for_target_premium, running_cost=480_000,
                                       implementation_cost=300_000, **PLAIN))
    assert at.premium == pytest.approx(50_000) and at.employer_npv >= 0
    # A target above the cap (56 % x 101,190 = 56,666) cannot be justified.
    assert evaluate(ImplementationInputs(target_premium=60_000)).savings_for_target_premium is None
    # With a 20% benefit haircut, $50K needs (50,000 / 0.1 + 50,000) / 0.8.
    risky = evaluate(ImplementationInputs(benefit_risk=0.2, cost_risk=0, success_probability=1))
    assert risky.premium == pytest.approx(0.1 * (400_000 - 50_000))
    assert risky.savings_for_target_premium == pytest.approx(550_000 / 0.8)
    assert evaluate(ImplementationInputs(benefit_risk=1.0)).savings_for_target_premium is None


def test_inverse_solver_when_the_employers_npv_binds():
    # One year, no ramp, nothing to run, a 5 % share (for a target of 40,000 the rule asks 800,000 a
    # year). With 800,000 up front the employer's NPV binds: NPV(S) = S x A - 800,000, A = sum v/12
    # = 0.95004; after paying 40,000 a year: S x A - 800,000 - 40,000 A >= 0 -> S >= 800,000 / A +
    # 40,000 = 882,070, more than the rule's 800,000.
    i = ImplementationInputs(implementation_cost=800_000, running_cost=0, ramp_months=0, horizon_years=1,
                             capture_share=0.05, target_premium=40_000, **PLAIN)
    a1 = sum(v(m) for m in range(1, 13)) / 12
    r = evaluate(i)
    assert r.savings_for_target_premium == pytest.approx(800_000 / a1 + 40_000)
    assert r.savings_for_target_premium > 800_000


def test_risk_adjustments():
    r = evaluate(ImplementationInputs(benefit_risk=0.2, cost_risk=0.1, ramp_months=0, horizon_years=1,
                                      success_probability=1))
    assert r.annual_savings == pytest.approx(400_000)
    assert r.premium == pytest.approx(0.1 * (400_000 - 55_000))
    np.testing.assert_allclose(r.yearly_costs, [110_000, 55_000])
    np.testing.assert_allclose(r.yearly_benefits, [0, 400_000])
    assert r.npv == pytest.approx(-110_000 + 345_000 / 12 * sum(v(m) for m in range(1, 13)))


def test_drivers_by_hand_count_only_the_recaptured_time():
    """Time saved is not cash saved: Forrester TEI's productivity recapture, 50 % by default."""
    assert DEFAULT_RECAPTURE == 0.5
    d = SavingsDrivers(hours_saved_per_week=4, people=40, loaded_hourly_cost=60, working_weeks=48,
                       errors_avoided=120, cost_per_error=250, revenue_uplift=200_000, margin=0.25)
    # 4 h x 40 x 60 x 48 = 460,800 of time, half of it productive; errors and margin in full.
    assert d.time_value() == 460_800
    assert d.breakdown() == {"Time saved": 230_400, "Errors avoided": 30_000, "Revenue margin": 50_000}
    assert d.total() == 310_400
    assert SavingsDrivers(4, 40, 60, 48, recapture=1.0).total() == 460_800


def test_ramp_profile_and_monthly_flows():
    np.testing.assert_allclose(ramp_profile(4, 6), [0.25, 0.5, 0.75, 1, 1, 1])
    np.testing.assert_allclose(ramp_profile(0, 3), [1, 1, 1])
    b, c = monthly_flows(1_200, 500, 240, 2, 1)
    assert b.shape == c.shape == (13,)
    np.testing.assert_allclose(b[:4], [0, 50, 100, 100])
    np.testing.assert_allclose(c[:3], [500, 20, 20])
    # A 60 % chance of production: savings and running costs x 0.6, the implementation cost in full.
    b, c = monthly_flows(1_200, 500, 240, 0, 1, success=0.6)
    np.testing.assert_allclose(b[:2], [0, 60])
    np.testing.assert_allclose(c[:2], [500, 12])


def test_monthly_flows_vectorised_equals_loop():
    """The vectorised path against the scalar one (consistency), pinned by hand on its first months."""
    savings = np.array([100_000.0, 250_000.0, 0.0])
    ramps = np.array([0.0, 3.0, 12.0])
    b, c = monthly_flows(savings, 10_000.0, 1_200.0, ramps, 2, benefit_risk=0.1)
    # No ramp: 100,000 x 0.9 / 12 = 7,500 a month; a 3-month ramp: 250,000 x 0.9 / 12 x 1/3, 2/3, 1.
    np.testing.assert_allclose(b[:, :4], [[0, 7_500, 7_500, 7_500], [0, 6_250, 12_500, 18_750], [0, 0, 0, 0]])
    np.testing.assert_allclose(c[:, :2], [[10_000, 100]] * 3)  # implementation at month 0, 1,200 / 12 a month
    for k in range(3):
        bk, ck = monthly_flows(savings[k], 10_000.0, 1_200.0, ramps[k], 2, benefit_risk=0.1)
        np.testing.assert_allclose(b[k], bk)
        np.testing.assert_allclose(c[k], ck)


def test_cashflow_table_columns_and_totals():
    r = evaluate(ImplementationInputs(ramp_months=0, horizon_years=2, **PLAIN))
    t = cashflow_table(r)
    assert list(t.columns) == ["Period", "Benefits", "Costs", "Net", "Cumulative net", "PV of net"]
    assert t["Period"].tolist() == ["Initial", "Year 1", "Year 2"]
    np.testing.assert_allclose(t["Net"], [-100_000, 450_000, 450_000])
    np.testing.assert_allclose(t["Cumulative net"], [-100_000, 350_000, 800_000])
    # Each year's PV discounts its months: 37,500 x sum of v(m) over the year's months.
    np.testing.assert_allclose(t["PV of net"], [-100_000, 37_500 * sum(v(m) for m in range(1, 13)),
                                                37_500 * sum(v(m) for m in range(13, 25))])
    assert t["PV of net"].sum() == pytest.approx(r.npv)


def test_waterfall_is_in_present_values_and_adds_up():
    r = evaluate(ImplementationInputs())
    t = r.horizon_totals
    # By hand, the defaults: 0.7 x 450,000 / 12 x the ramp, 0.7 x 55,000 / 12 and 0.7 x 39,500 / 12 a month,
    # each month discounted; 110,000 at month 0.
    assert t["Savings"] == pytest.approx(0.7 * 450_000 / 12 * sum(min(m / 3, 1) * v(m) for m in range(1, 37)))
    assert t["Running costs"] == pytest.approx(-0.7 * 55_000 / 12 * sum(v(m) for m in range(1, 37)))
    assert t["Savings"] == pytest.approx(r.summary.pv_benefits)
    assert t["Implementation"] == pytest.approx(-110_000)
    assert t["Premium"] == pytest.approx(-0.7 * 39_500 / 12 * sum(v(m) for m in range(1, 37)))
    assert t["Employer net"] == pytest.approx(t["Savings"] + t["Implementation"] + t["Running costs"] + t["Premium"])
    assert t["Employer net"] == pytest.approx(r.employer_npv)


@pytest.mark.parametrize("bad", [dict(horizon_years=0), dict(horizon_years=11), dict(horizon_years=2.5),
                                 dict(ramp_months=-1), dict(discount_rate=-1.0), dict(implementation_cost=-5),
                                 dict(cost_risk=-2), dict(benefit_risk=1.5), dict(capture_share=-0.1),
                                 dict(success_probability=1.2), dict(premium_cap=-0.1),
                                 dict(annual_savings=float("nan")), dict(running_cost=float("inf"))])
def test_invalid_inputs_rejected_with_the_field_named(bad):
    (name,) = bad
    with pytest.raises(ValueError, match=name):
        ImplementationInputs(**bad)


def test_no_upfront_cost_and_a_loss_never_pays_back():
    # Savings 10,000/yr < running cost 50,000/yr, nothing up front: the cumulative flow only falls.
    r = evaluate(ImplementationInputs(implementation_cost=0, annual_savings=10_000, **PLAIN))
    assert r.payback_months is None
    # No up-front cost, 24-month ramp: months 1-3 lose money (benefit 1/24, 2/24, 3/24 of 41,666.67
    # against 4,166.67 of running cost), month 4 recovers it.
    r = evaluate(ImplementationInputs(implementation_cost=0, ramp_months=24, **PLAIN))
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
    assert more_savings.premium >= base.premium - 1e-9


@given(positive, st.floats(min_value=0, max_value=1e6), st.floats(min_value=0, max_value=1))
def test_the_premium_never_takes_the_employer_below_zero(s, running, p):
    r = evaluate(ImplementationInputs(annual_savings=s, running_cost=running, success_probability=p))
    assert 0 <= r.premium <= r.premium_cap_amount + 1e-9
    assert r.premium <= r.premium_rule + 1e-9
    if r.premium > 0:
        assert r.employer_npv >= -1e-6 * max(1.0, abs(r.npv))
    if r.npv <= 0:
        assert r.premium == 0


@given(positive, st.floats(min_value=0, max_value=1))
def test_rule_is_linear_in_net_savings(s, share):
    assert justified_premium(s, share) == pytest.approx(s * share)
    assert justified_premium(2 * s, share) == pytest.approx(2 * justified_premium(s, share))
    assert justified_premium(-s, share) == 0
