"""calc.business_case against hand calculations and numpy-financial."""

import numpy_financial as npf
import pytest

from calc.business_case import OPTIONS, TeamInputs, evaluate_options, simulate_options
from calc.uncertainty import Range

ONE_YEAR_UNDISCOUNTED = dict(horizon_years=1, discount_rate=0.0, upskill_ramp_months=0, hire_ramp_months=0)


def test_one_year_by_hand():
    r = evaluate_options(TeamInputs(**ONE_YEAR_UNDISCOUNTED))
    # V = 10 people x 120,000 x 30 % = 360,000 a year; capture 60 % -> 216,000.
    # Upskill: 216,000 - 2 x (2,000 + 260 h x 120,000 / 1,800) - 2 x 10,000 = 157,333.33
    assert r["Upskill"].npv == pytest.approx(216_000 - 2 * (2_000 + 260 * 120_000 / 1_800) - 20_000)
    # Hire after 4 months: 8 months of benefit and salary, plus recruiting.
    assert r["Hire"].npv == pytest.approx(8 / 12 * 216_000 - 8 / 12 * 160_000 - 30_000)
    # Reduce 2 roles: 240,000 saved - 6 months' severance 120,000 - 5 % x 8 x 120,000 knowledge loss.
    assert r["Reduce roles"].npv == pytest.approx(240_000 - 120_000 - 48_000)
    assert r["Do nothing"].npv == 0 and r["Do nothing"].roi is None


def test_npv_matches_numpy_financial_on_the_yearly_rows():
    r = evaluate_options(TeamInputs())
    for name in OPTIONS:
        net = r[name].yearly_benefits - r[name].yearly_costs
        assert r[name].npv == pytest.approx(npf.npv(0.10, net), abs=1e-6)
        assert len(net) == 4  # Initial + 3 years


def test_zero_spread_simulation_equals_the_likely_case_and_wins_add_up():
    i = TeamInputs()
    likely = evaluate_options(i)
    s = simulate_options(i, {"ai_share": Range(0.3, 0.3, 0.3)}, n=50)
    for name in OPTIONS:
        assert s.p10[name] == pytest.approx(likely[name].npv) == pytest.approx(s.p90[name])
    assert sum(s.win_share.values()) == pytest.approx(1.0)
    best = max(OPTIONS, key=lambda o: likely[o].npv)
    assert s.win_share[best] == 1.0


def test_wider_ranges_spread_the_npv_and_stay_ordered():
    s = simulate_options(TeamInputs(), {"ai_share": Range(0.1, 0.3, 0.6), "upskill_capture": Range(0.3, 0.6, 0.8)},
                         n=10_000, seed=4)
    assert s.p10["Upskill"] < s.p50["Upskill"] < s.p90["Upskill"]
    assert s.p10["Reduce roles"] == pytest.approx(s.p90["Reduce roles"])  # does not depend on the AI share
    assert sum(s.win_share.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("bad", [dict(ai_share=1.2), dict(reduce_people=11), dict(horizon_years=0),
                                 dict(loaded_cost=float("nan"))])
def test_invalid_inputs_name_the_field(bad):
    with pytest.raises(ValueError, match=next(iter(bad)) if "reduce" not in next(iter(bad)) else "reduce_people"):
        TeamInputs(**bad)
    with pytest.raises(ValueError, match="no range"):
        simulate_options(TeamInputs(), {"loaded_cost": Range(1, 2, 3)})


def test_each_draw_equals_the_likely_case_at_its_drawn_values():
    """The simulation's shortcut (NPV linear in the benefit scale) against the direct route: every
    draw re-evaluated as a likely case with the drawn AI share and capture shares, its yearly net
    discounted by numpy-financial."""
    import numpy as np
    from dataclasses import replace

    from calc.uncertainty import draw_pert

    i = TeamInputs(horizon_years=4, discount_rate=0.12)
    ranges = {"ai_share": Range(0.1, 0.3, 0.6), "upskill_capture": Range(0.3, 0.6, 0.8),
              "hire_capture": Range(0.4, 0.7, 0.9)}
    s = simulate_options(i, ranges, n=40, seed=9)
    rng = np.random.default_rng(9)  # the same draws, in the documented order
    drawn = {f: draw_pert(ranges[f], 40, rng) for f in ("ai_share", "upskill_capture", "hire_capture")}
    for k in range(0, 40, 7):
        case = evaluate_options(replace(i, **{f: float(v[k]) for f, v in drawn.items()}))
        for name in OPTIONS:
            net = case[name].yearly_benefits - case[name].yearly_costs
            assert s.npv[name][k] == pytest.approx(npf.npv(0.12, net), rel=1e-9, abs=1e-6)
