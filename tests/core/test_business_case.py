"""upskill_roi.core.business_case against hand calculations, numpy-financial and the issue's cases.

The hand case: one undiscounted year, the system certainly in production, no risk adjustments,
no adoption ramp; a team of 10 at 120,000, 30 % of their time AI could take; the AI system costs
40,000 once and 12,000 a year and takes 2 months to build; 50 % of freed time is recaptured.
"""

from dataclasses import replace

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from upskill_roi.core.business_case import (
    AI_OPTIONS,
    OPTIONS,
    UNCERTAIN,
    TeamInputs,
    draws_for,
    evaluate_options,
    option_components,
    production_month,
    simulate_options,
)
from upskill_roi.core.uncertainty import Range

HAND = TeamInputs(horizon_years=1, discount_rate=0.0, success_probability=1.0, benefit_risk=0.0, cost_risk=0.0,
                  ramp_months=0.0, system_cost=40_000, system_running=12_000, build_months=2)
C = 120_000.0
HOURLY = C / 1_800


def test_upskill_by_hand_benefit_only_after_the_training():
    # 260 h at 10 h/week = 26 weeks = 6 months: production at max(6, build 2) = month 6.
    assert float(production_month(HAND, "Upskill")) == pytest.approx(6.0)
    r = evaluate_options(HAND)["Upskill"]
    parts = r.components
    assert parts["AI system"] == -40_000
    assert parts["Training fees"] == -2 * 2_000
    assert parts["Training time"] == pytest.approx(-2 * 260 * HOURLY)  # 34,666.67: their time is costed
    assert parts["AI system running"] == pytest.approx(-12_000 * 6 / 12)
    assert parts["Premiums"] == pytest.approx(-2 * 10_000 * 6 / 12)
    assert parts["Their time on the AI work"] == pytest.approx(-2 * C * 0.10 * 6 / 12)
    # Freed: 10 x 30 % x 60 % = 1.8 FTE, half of it productive, for months 7-12.
    assert parts["Freed time recaptured"] == pytest.approx(1.8 * C * 0.5 * 6 / 12)
    assert r.npv == pytest.approx(54_000 - (40_000 + 4_000 + 2 * 260 * HOURLY + 6_000 + 10_000 + 12_000))
    assert np.all(r.monthly_benefits[:7] == 0) and r.monthly_benefits[7] > 0  # nothing before month 7


def test_upskill_plus_attrition_by_hand():
    # Leavers of the 8 not upskilled, not replaced from month 6: 8 (1 - 0.9^((m - 6)/12)), at most
    # the 1.8 FTE the system frees; their pay saved in full, the rest of the freed time recaptured.
    held = [min(8 * (1 - 0.9 ** ((m - 6) / 12)), 1.8) for m in range(7, 13)]
    benefit = sum(h * C / 12 + (1.8 - h) * C * 0.5 / 12 for h in held)
    r = evaluate_options(HAND)
    costs = 40_000 + 4_000 + 2 * 260 * HOURLY + 6_000 + 10_000 + 12_000
    assert r["Upskill + attrition"].npv == pytest.approx(benefit - costs)
    assert r["Upskill + attrition"].npv > r["Upskill"].npv


def test_hire_by_hand():
    # Hired after 4 months, builds for 2: production at month 6; salary from month 5.
    r = evaluate_options(HAND)["Hire"]
    assert r.production_month == 6.0
    assert r.npv == pytest.approx(1.8 * C * 0.5 * 6 / 12 - (40_000 + 30_000 + 160_000 * 8 / 12 + 12_000 * 6 / 12))


def test_reduce_and_redeploy_by_hand():
    # The system alone: production at month 2, roles go (or move) in month 3; it absorbs
    # 10 x 30 % x 40 % = 1.2 FTE, so 0.8 FTE of the 2 roles' work is nobody's, at 1 x C a year.
    r = evaluate_options(HAND)
    ten = 10 / 12  # months 3-12
    reduce = r["Reduce roles"].components
    assert reduce["Pay of the roles cut"] == pytest.approx(2 * C * ten)
    assert reduce["Severance"] == pytest.approx(-2 * C * 6 / 12)
    assert reduce["Work nobody absorbs"] == pytest.approx(-0.8 * C * ten)
    assert reduce["Knowledge loss"] == pytest.approx(-0.05 * 8 * C * ten)
    assert r["Reduce roles"].npv == pytest.approx(2 * C * ten - (40_000 + 12_000 * ten + 120_000 + 0.8 * C * ten
                                                                 + 0.05 * 8 * C * ten))  # -90,000
    assert r["Reduce roles"].npv == pytest.approx(-90_000)
    # Redeploy: no severance and no knowledge loss; retraining 160 h each; new work worth 80 %.
    assert r["Redeploy"].npv == pytest.approx(2 * C * 0.8 * ten - (40_000 + 12_000 * ten + 2 * 160 * HOURLY
                                                                   + 0.8 * C * ten))
    assert r["Redeploy"].npv == pytest.approx(8_666.67, abs=0.01)


def test_cutting_roles_saves_nothing_without_ai():
    """The issue's item 1: at an AI share of 0, cutting still gained; now the work leaves with the
    people and costs what it did, so the cut only costs severance, knowledge loss and the system."""
    r = evaluate_options(replace(HAND, ai_share=0.0))
    ten = 10 / 12
    # The system absorbs none of the work: all of the 2 roles' work is nobody's, at 1 x C a year (months 3-12).
    assert r["Reduce roles"].components["Pay of the roles cut"] == pytest.approx(2 * C * ten)
    assert r["Reduce roles"].components["Work nobody absorbs"] == pytest.approx(-2 * C * ten)
    assert r["Reduce roles"].npv == pytest.approx(-(40_000 + 12_000 * ten + 120_000 + 0.05 * 8 * C * ten))
    best = max(OPTIONS, key=lambda o: r[o].npv)
    assert best == "Do nothing"
    for o in AI_OPTIONS:
        assert r[o].npv < 0, o
    # Cutting the whole team of 10 (the issue: "best" at $2.38M) is now the worst option.
    whole = evaluate_options(replace(TeamInputs(), reduce_people=10.0))
    assert whole["Reduce roles"].npv < 0
    assert min(OPTIONS, key=lambda o: whole[o].npv) in ("Reduce roles", "Redeploy")


def test_every_ai_option_pays_for_the_system():
    i = TeamInputs()
    for name, parts in option_components(i).items():
        labels = [label for label, _, _ in parts]
        if name == "Do nothing":
            assert labels == []
        else:
            assert "AI system" in labels and "AI system running" in labels, name
    r = evaluate_options(i)
    assert (i.system_cost, i.cost_risk) == (40_000, 0.10)
    for o in AI_OPTIONS:
        # 40,000 at month 0, before anything can fail, plus the 10 % cost risk: 44,000 for every option.
        assert r[o].components["AI system"] == pytest.approx(-40_000 * 1.1), o


def test_risk_adjusted_like_the_tei_table():
    """Benefits x (1 - b) and costs x (1 + c), separately (the TEI convention)."""
    plain = evaluate_options(HAND)
    risky = evaluate_options(replace(HAND, benefit_risk=0.2, cost_risk=0.1))
    for o in AI_OPTIONS:
        assert risky[o].pv_benefits == pytest.approx(0.8 * plain[o].pv_benefits)
        assert risky[o].pv_costs == pytest.approx(1.1 * plain[o].pv_costs)
    # The plain values by hand (test_upskill_by_hand_benefit_only_after_the_training): Upskill's benefit is
    # the freed time recaptured, 54,000; its costs 40,000 + 4,000 + 34,666.67 + 6,000 + 10,000 + 12,000.
    assert risky["Upskill"].pv_benefits == pytest.approx(0.8 * 1.8 * C * 0.5 * 6 / 12)  # 43,200
    assert risky["Upskill"].pv_costs == pytest.approx(1.1 * (40_000 + 4_000 + 2 * 260 * HOURLY + 6_000 + 10_000
                                                             + 12_000))
    assert TeamInputs().benefit_risk == TeamInputs().cost_risk == 0.10  # one default everywhere


def test_chance_of_production_weights_what_comes_after_it():
    # Upskill: everything before month 6 (system, fees, training time) is spent either way; after
    # it, 60 % of every flow.
    sure = evaluate_options(HAND)["Upskill"].components
    maybe = evaluate_options(replace(HAND, success_probability=0.6))["Upskill"].components
    for k in ("AI system", "Training fees", "Training time"):
        assert maybe[k] == pytest.approx(sure[k])
    for k in ("AI system running", "Premiums", "Their time on the AI work", "Freed time recaptured"):
        assert maybe[k] == pytest.approx(0.6 * sure[k])
    # Hire: the salary until production is spent either way, 60 % of it after.
    hire = evaluate_options(replace(HAND, success_probability=0.6))["Hire"].components
    assert hire["Specialist's loaded cost"] == pytest.approx(-160_000 * (2 / 12 + 0.6 * 6 / 12))


def test_no_study_hours_never_reach_production():
    r = evaluate_options(replace(HAND, training_pace=0.0))["Upskill"]
    assert r.production_month == float("inf")
    assert r.pv_benefits == 0 and r.components["Training time"] == 0
    assert r.npv == pytest.approx(-(40_000 + 4_000))


def test_do_nothing_has_no_roi_and_no_payback_and_says_why():
    d = evaluate_options(TeamInputs())["Do nothing"]
    assert d.npv == 0 and d.roi is None and d.payback_months is None
    assert "baseline" in d.not_applicable
    assert all(r.not_applicable is None for o, r in evaluate_options(TeamInputs()).items() if o != "Do nothing")


def test_npv_matches_numpy_financial_on_the_monthly_rows():
    i = TeamInputs()  # 3 years at 10 %
    r = evaluate_options(i)
    monthly = 1.1 ** (1 / 12) - 1
    for name in OPTIONS:
        net = r[name].monthly_benefits - r[name].monthly_costs
        assert r[name].npv == pytest.approx(npf.npv(monthly, net), abs=1e-6)
        assert len(net) == 37  # month 0 + 36 months
        assert r[name].yearly_pv.sum() == pytest.approx(r[name].npv, abs=1e-6)


def test_every_uncertain_driver_spreads_the_options():
    """The issue's item 5: every option but the baseline varies; Do nothing does not (by design)."""
    i = TeamInputs()
    ranges = {"ai_share": Range(0.2, 0.3, 0.4), "upskill_capture": Range(0.45, 0.6, 0.75),
              "hire_capture": Range(0.45, 0.6, 0.75), "system_capture": Range(0.25, 0.4, 0.55),
              "training_hours": Range(208, 260, 390), "hire_delay_months": Range(3, 4, 7),
              "knowledge_loss": Range(0.04, 0.05, 0.075), "cover_factor": Range(0.8, 1.0, 1.5)}
    assert set(ranges) == set(UNCERTAIN)
    s = simulate_options(i, ranges, n=10_000, seed=4)
    for o in AI_OPTIONS:
        assert s.p10[o] < s.p50[o] < s.p90[o], o
    assert s.p10["Do nothing"] == s.p90["Do nothing"] == 0
    assert sum(s.win_share.values()) == pytest.approx(1.0)
    assert s.reached_share == pytest.approx(0.7, abs=0.02)
    # Even with no range at all the outcome of the build varies every AI option (P10 = failure).
    flat = simulate_options(i, {}, n=5_000, seed=4)
    for o in AI_OPTIONS:
        assert flat.p10[o] < flat.p90[o], o


def test_zero_spread_with_certain_production_is_the_likely_case():
    """The simulation against the likely case (consistency), on the hand case, whose NPVs are pinned by
    hand here and in the tests above."""
    likely = evaluate_options(HAND)
    s = simulate_options(HAND, {"ai_share": Range(0.3, 0.3, 0.3)}, n=50)
    held = [min(8 * (1 - 0.9 ** ((m - 6) / 12)), 1.8) for m in range(7, 13)]
    ten = 10 / 12
    by_hand = {
        "Upskill": 54_000 - (40_000 + 4_000 + 2 * 260 * HOURLY + 6_000 + 10_000 + 12_000),  # -52,666.67
        "Upskill + attrition": sum(h * C / 12 + (1.8 - h) * C * 0.5 / 12 for h in held)
        - (40_000 + 4_000 + 2 * 260 * HOURLY + 6_000 + 10_000 + 12_000),
        "Hire": 1.8 * C * 0.5 * 6 / 12 - (40_000 + 30_000 + 160_000 * 8 / 12 + 12_000 * 6 / 12),  # -128,666.67
        "Reduce roles": -90_000.0,
        "Redeploy": 2 * C * 0.8 * ten - (40_000 + 12_000 * ten + 2 * 160 * HOURLY + 0.8 * C * ten),  # 8,666.67
        "Do nothing": 0.0,
    }
    assert set(by_hand) == set(OPTIONS)
    for name in OPTIONS:
        assert s.p10[name] == pytest.approx(by_hand[name], abs=1e-6) == pytest.approx(s.p90[name], abs=1e-6)
        assert likely[name].npv == pytest.approx(by_hand[name], abs=1e-6)
    # Redeploy is the best of them by hand (8,666.67; Upskill + attrition is below 0): it wins every case.
    assert max(by_hand, key=by_hand.get) == "Redeploy"
    assert s.win_share["Redeploy"] == 1.0


@pytest.mark.parametrize("bad", [dict(ai_share=1.2), dict(reduce_people=11), dict(horizon_years=0),
                                 dict(loaded_cost=float("nan")), dict(success_probability=1.5),
                                 dict(attrition_rate=2.0)])
def test_invalid_inputs_name_the_field(bad):
    name = next(iter(bad))
    with pytest.raises(ValueError, match=name):
        TeamInputs(**bad)
    with pytest.raises(ValueError, match="no range"):
        simulate_options(TeamInputs(), {"loaded_cost": Range(1, 2, 3)})


def test_each_draw_equals_the_likely_case_at_its_drawn_values():
    """The simulation against the direct route: every 7th case re-evaluated as a likely case with
    its drawn values and its drawn outcome (production reached: chance 1, or not: chance 0), its
    monthly net discounted by numpy-financial."""
    i = TeamInputs(horizon_years=4, discount_rate=0.12)
    ranges = {"ai_share": Range(0.1, 0.3, 0.6), "upskill_capture": Range(0.3, 0.6, 0.8),
              "hire_capture": Range(0.4, 0.7, 0.9), "training_hours": Range(200, 260, 400),
              "hire_delay_months": Range(2, 4, 9), "cover_factor": Range(0.8, 1.0, 1.6)}
    s = simulate_options(i, ranges, n=40, seed=9, chunk=16)
    drawn, reached = draws_for(i, ranges, 40, 9)
    monthly = 1.12 ** (1 / 12) - 1
    for k in range(0, 40, 7):
        case = evaluate_options(replace(i, success_probability=float(reached[k]),
                                        **{f: float(v[k]) for f, v in drawn.items()}))
        for name in OPTIONS:
            net = case[name].monthly_benefits - case[name].monthly_costs
            assert s.npv[name][k] == pytest.approx(npf.npv(monthly, net), rel=1e-9, abs=1e-6)


@settings(max_examples=40, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1))
def test_more_ai_share_never_hurts_the_options_that_keep_people(s1, ds):
    a = evaluate_options(replace(TeamInputs(), ai_share=s1))
    b = evaluate_options(replace(TeamInputs(), ai_share=min(s1 + ds, 1.0)))
    for o in ("Upskill", "Upskill + attrition", "Hire", "Reduce roles", "Redeploy"):
        assert b[o].npv >= a[o].npv - 1e-6, o
