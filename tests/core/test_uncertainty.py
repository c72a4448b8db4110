"""upskill_roi.core.uncertainty: zero spread = deterministic, ordered percentiles, per-draw agreement with
the deterministic model, seeded reproducibility, and the tornado."""

from dataclasses import replace

import numpy as np
import pytest

from tests.hand import roi_npv_by_hand
from upskill_roi.core.roi import ImplementationInputs, evaluate
from upskill_roi.core.uncertainty import UNCERTAIN_FIELDS, Range, draw_pert, simulate, tornado

RANGES = {
    "annual_savings": Range(300_000, 500_000, 800_000),
    "implementation_cost": Range(80_000, 100_000, 200_000),
    "running_cost": Range(30_000, 50_000, 90_000),
    "ramp_months": Range(1, 3, 9),
    "discount_rate": Range(0.08, 0.10, 0.16),
}


def test_zero_spread_collapses_to_the_deterministic_case():
    """The simulation against the deterministic model (consistency), both pinned by hand."""
    base = ImplementationInputs(horizon_years=5, success_probability=1.0)
    flat = {f: Range(getattr(base, f), getattr(base, f), getattr(base, f)) for f in UNCERTAIN_FIELDS}
    s = simulate(base, flat, n=1_000)
    r = evaluate(base)
    assert np.allclose(s.npv, r.npv) and np.allclose(s.roi, r.roi)
    assert np.allclose(s.payback_months, r.payback_months)
    # By hand: 5 years of the default case in production (tests/hand.py); PV(costs) = 110,000 + 55,000 / 12
    # a month discounted; payback: monthly net 37,500 x m/3 - 4,583.33 -> 7,916.67, 20,416.67, 32,916.67 =
    # 61,250 after 3 months, then 32,916.67 a month recover the other 48,750: 3 + 1.481.
    npv = roi_npv_by_hand(years=5, p=1.0)
    pv_costs = 110_000 + 55_000 / 12 * sum(1.1 ** (-m / 12) for m in range(1, 61))
    assert r.npv == pytest.approx(npv) and s.npv_p10 == pytest.approx(npv)
    assert r.roi == pytest.approx(npv / pv_costs) and np.allclose(s.roi, npv / pv_costs)
    assert np.allclose(s.payback_months, 3 + (110_000 - 61_250) / (37_500 - 55_000 / 12))
    assert s.probability_positive == 1.0


def test_every_draw_agrees_with_the_deterministic_model():
    """Consistency: each simulated case against the deterministic model at its drawn values (the model
    is pinned by hand in tests/core/test_roi.py)."""
    base = ImplementationInputs(horizon_years=5, success_probability=0.6)
    ranges = {**RANGES, "benefit_risk": Range(0.0, 0.2, 0.9), "cost_risk": Range(0.0, 0.1, 0.5)}
    s = simulate(base, ranges, n=300, seed=11)
    # simulate draws the fields in the documented fixed order from default_rng(seed), then whether
    # each case reaches production: redraw them here, and evaluate each case as a certain outcome.
    rng = np.random.default_rng(11)
    draws = {f: draw_pert(ranges[f], 300, rng) for f in UNCERTAIN_FIELDS if f in ranges}
    reached = rng.random(300) < 0.6
    assert 0.45 < reached.mean() < 0.75
    for k in range(0, 300, 7):
        r = evaluate(replace(base, success_probability=float(reached[k]), **{f: float(v[k]) for f, v in draws.items()}))
        assert s.npv[k] == pytest.approx(r.npv)
        assert s.roi[k] == pytest.approx(r.roi)
        if r.payback_months is None:
            assert np.isnan(s.payback_months[k])
        else:
            assert s.payback_months[k] == pytest.approx(r.payback_months)


def test_ranges_must_be_valid_inputs():
    with pytest.raises(ValueError, match="benefit_risk"):
        simulate(ImplementationInputs(), {"benefit_risk": Range(0, 0.5, 1.5)})
    with pytest.raises(ValueError, match="running_cost"):
        simulate(ImplementationInputs(), {"running_cost": Range(-1, 0, 1)})


def test_percentiles_are_ordered_and_seeded():
    s = simulate(ImplementationInputs(horizon_years=5), RANGES, n=20_000, seed=7)
    assert s.npv_p10 <= s.npv_p50 <= s.npv_p90
    assert s.roi_p10 <= s.roi_p50 <= s.roi_p90
    # 30 % of the cases never reach production and never pay back: the P90 payback is "never".
    assert s.payback_p10 <= s.payback_p50 and s.payback_p90 is None
    assert 0 <= s.probability_positive <= 1 and s.npv.shape == (20_000,)
    again = simulate(ImplementationInputs(horizon_years=5), RANGES, n=20_000, seed=7)
    assert np.array_equal(s.npv, again.npv)
    other = simulate(ImplementationInputs(horizon_years=5), RANGES, n=20_000, seed=8)
    assert not np.array_equal(s.npv, other.npv)


def test_never_paying_back_shows_in_the_upper_payback_percentile():
    # 1 year, 100,000 up front, 50,000 running: savings must reach about 164,000 a year (with the 3-month
    # ramp: (100,000 + 50,000) / (11/12)) to pay back within the year. Savings 50,000 / 200,000 / 400,000:
    # most draws pay back, a sizeable minority never does.
    s = simulate(ImplementationInputs(horizon_years=1, benefit_risk=0, cost_risk=0, success_probability=1),
                 {"annual_savings": Range(50_000, 200_000, 400_000)}, n=20_000)
    never = np.isnan(s.payback_months).mean()
    assert 0.10 < never < 0.5
    assert s.payback_p50 is not None and s.payback_p90 is None


def test_roi_is_undefined_without_costs():
    base = ImplementationInputs(implementation_cost=0, running_cost=0, success_probability=1)
    s = simulate(base, {"annual_savings": Range(1, 2, 3)}, n=100)
    assert np.isnan(s.roi).all() and s.roi_p10 is None and s.roi_p90 is None
    assert s.npv_p50 > 0


def test_pert_mean_and_bounds():
    rng = np.random.default_rng(3)
    x = draw_pert(Range(10, 20, 60), 400_000, rng)
    assert x.min() >= 10 and x.max() <= 60
    assert x.mean() == pytest.approx((10 + 4 * 20 + 60) / 6, rel=0.01)  # 25.0


@pytest.mark.parametrize("bad", [(2, 1, 3), (1, 3, 2), (0, float("nan"), 1), (0, 0, float("inf"))])
def test_range_order_is_enforced(bad):
    with pytest.raises(ValueError, match="low <= likely <= high"):
        Range(*bad)
    assert Range(1, 1, 1).mean == 1


def test_tornado_sorts_by_swing_and_ignores_inputs_outside_the_model():
    bars = tornado(ImplementationInputs(), {**RANGES, "salary": Range(50_000, 100_000, 200_000)})
    swings = [b.swing for b in bars]
    assert swings == sorted(swings, reverse=True)
    salary = next(b for b in bars if b.field == "salary")
    assert salary.swing == 0  # the salary does not enter the NPV
    impl = next(b for b in bars if b.field == "implementation_cost")
    # Paid at t = 0, undiscounted, with the 10 % cost risk adjustment: 1.1 x (200,000 - 80,000).
    assert impl.npv_low - impl.npv_high == pytest.approx(1.1 * (200_000 - 80_000))
    # Reaching production is a bar of its own: NPV if not (the implementation cost) and if it does.
    prod = next(b for b in bars if b.field == "success_probability")
    assert prod.npv_low == pytest.approx(-110_000)
    assert prod.npv_high == pytest.approx(roi_npv_by_hand(p=1.0))  # 879,449 by hand (tests/hand.py)


def test_reaching_production_is_drawn_as_an_outcome():
    """With a 70 % chance and no other spread: 30 % of the cases lose the implementation cost
    (110,000 with the cost risk), the rest are the certain case; the chance of a positive NPV is
    the chance of production."""
    base = ImplementationInputs()
    s = simulate(base, {"annual_savings": Range(5e5, 5e5, 5e5)}, n=20_000, seed=2)
    fail = np.isclose(s.npv, -110_000)
    win = np.isclose(s.npv, roi_npv_by_hand(p=1.0))  # the certain case by hand (tests/hand.py): 879,449
    assert win.any() and fail.any()
    assert np.all(fail | win)
    assert fail.mean() == pytest.approx(0.3, abs=0.015)
    assert s.probability_positive == pytest.approx(1 - fail.mean())
    assert s.npv_p10 == pytest.approx(-110_000)


def test_unknown_fields_are_refused():
    with pytest.raises(ValueError, match="no range can be given"):
        simulate(ImplementationInputs(), {"salary": Range(1, 2, 3)})
