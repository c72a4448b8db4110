"""calc.upskilling against hand calculations and properties."""

import datetime as dt
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc.upskilling import (
    TARGET_PRESETS,
    UpskillingInputs,
    competency_curve,
    evaluate,
    proficiency,
    proficiency_paths,
    scenario_flows,
    stage_hours,
    weeks_to_competency,
    weeks_to_competency_array,
)


def test_plain_case_is_exact():
    assert weeks_to_competency(240, 10) == 24.0
    assert weeks_to_competency(240, 10, prior_hours=0, consistency=1.0) == 24.0


def test_credit_consistency_and_degenerate_cases():
    assert weeks_to_competency(240, 10, prior_hours=40, consistency=0.8) == pytest.approx(200 / 8)
    assert weeks_to_competency(240, 0) is None
    assert weeks_to_competency(240, 10, consistency=0.0) is None
    assert weeks_to_competency(240, 0, prior_hours=300) == 0.0  # already there
    with pytest.raises(ValueError, match="weekly_hours"):
        weeks_to_competency(240, -1)
    with pytest.raises(ValueError, match="consistency"):
        weeks_to_competency(240, 10, consistency=1.5)


hours = st.floats(min_value=0, max_value=40, allow_nan=False)
targets = st.floats(min_value=1, max_value=5_000, allow_nan=False)


@given(targets, hours, hours, st.floats(0, 2_000), st.floats(0.05, 1))
def test_more_hours_per_week_is_never_later(target, h1, h2, prior, consistency):
    lo, hi = sorted((h1, h2))
    w_lo = weeks_to_competency(target, lo, prior, consistency)
    w_hi = weeks_to_competency(target, hi, prior, consistency)
    if w_lo is not None:
        assert w_hi is not None and w_hi <= w_lo
    if w_hi is None:
        assert w_lo is None


@given(targets, targets, hours, st.floats(0, 2_000), st.floats(0.05, 1))
def test_a_larger_target_is_never_sooner(t1, t2, weekly, prior, consistency):
    small, large = sorted((t1, t2))
    w_small = weeks_to_competency(small, weekly, prior, consistency)
    w_large = weeks_to_competency(large, weekly, prior, consistency)
    if w_large is not None:
        assert w_small is not None and w_small <= w_large


def test_array_version_matches():
    got = weeks_to_competency_array(240, [0, 6, 10, 12], prior_hours=40, consistency=0.5)
    assert got[0] == np.inf
    np.testing.assert_allclose(got[1:], [200 / 3, 40, 200 / 6])
    h, w = competency_curve(UpskillingInputs(target_hours=240))
    assert w[h == 6.0][0] == 40.0 and w[h == 12.0][0] == 20.0


def test_learning_curve_reaches_competent_at_the_target():
    assert proficiency(240, 240)[()] == pytest.approx(0.60)
    assert proficiency(200, 240, prior_hours=40)[()] == pytest.approx(0.60)
    stages = stage_hours(240)
    assert stages["Competent"] == pytest.approx(240)
    # By hand: hours for P = 1 - exp(-h / tau), tau = 240 / ln 2.5 = 261.93; expert (0.95) = tau x ln 20.
    assert stages["Expert"] == pytest.approx(240 / math.log(2.5) * math.log(20))
    assert list(stages.values()) == sorted(stages.values())
    p = proficiency(np.linspace(0, 2_000, 50), 240)
    assert np.all(np.diff(p) > 0) and p[-1] < 1


def test_proficiency_paths_cross_competent_where_weeks_say():
    i = UpskillingInputs(weekly_hours=12, target_hours=240, consistency=0.5)  # 6 effective h/week -> 40 weeks
    weeks, paths = proficiency_paths(i)
    assert paths["Your plan"][weeks == 40.0][0] == pytest.approx(0.60)
    assert paths["6 h/week at 50% consistency"][weeks == 80.0][0] == pytest.approx(0.60)  # 6 h x 50 % = 3 h/week


def test_presets_match_their_labels_and_the_evidence():
    # The hours in each label are the hours used, and they are the published figures of EVIDENCE.md.
    for label, (hours, source) in TARGET_PRESETS.items():
        assert f"({hours:g} h)" in label
    assert {h for h, _ in TARGET_PRESETS.values()} == {20, 240, 260, 600}
    assert "20 hours" in TARGET_PRESETS["A narrow skill (20 h)"][1]
    assert "under 6 months at under 10 hours a week" in TARGET_PRESETS["Professional certificate (240 h)"][1]


def test_defaults_by_hand():
    r = evaluate(UpskillingInputs(start=dt.date(2027, 1, 4)))
    # 260 h at 10 h/week = 26 weeks = 182 days after 4 Jan 2027 = 5 Jul 2027; 26 weeks = 6.0 months.
    assert r.weeks == 26.0 and r.months == pytest.approx(6.0)
    assert r.competency_date == dt.date(2027, 7, 5)
    assert r.total_cost == 500
    # Expected premium 50,000 x 0.5 / 12 = 2,083.33 a month, from month 9 (6 + 3 lag) on: months 10..60.
    v = 1.1 ** (-1 / 12)
    by_hand = -500 + 50_000 * 0.5 / 12 * sum(v**m for m in range(10, 61))
    assert r.npv == pytest.approx(by_hand)
    assert r.npv == pytest.approx(80_515, abs=1)
    assert r.break_even_month == pytest.approx(9 + 500 / (50_000 * 0.5 / 12))


def test_cost_of_waiting_by_hand():
    r = evaluate(UpskillingInputs(displacement_probability=0.2))
    weekly_pay = 101_190 / 52  # 1,945.96
    # 6 months x 2,083.33 = 12,500; layoff 0.2 x 10.5 weeks x 1,945.96 = 4,086.52
    assert r.premium_months_lost == 6
    assert r.layoff_cost == pytest.approx(0.2 * 10.5 * weekly_pay)
    assert r.cost_of_waiting == pytest.approx(12_500 + 4_086.52, abs=0.01)
    assert r.cost_of_waiting_weeks == pytest.approx((12_500 + 4_086.52) / 1_945.96, abs=1e-3)


def test_waiting_loses_at_most_what_the_horizon_holds():
    # 1 year: premium from month 9 -> 3 premium months within the horizon; waiting 24 months loses those 3.
    r = evaluate(UpskillingInputs(horizon_years=1, wait_months=24))
    assert r.premium_months_lost == pytest.approx(3.0)
    assert r.cost_of_waiting == pytest.approx(3 * 50_000 * 0.5 / 12)
    never = evaluate(UpskillingInputs(weekly_hours=0))
    assert never.weeks is None and never.premium_months_lost == 0 and never.break_even_month is None


def test_scenario_flows_shift_with_the_start():
    i = UpskillingInputs(premium=12_000, probability=1.0, lag_months=0, course_fees=1_000, target_hours=260,
                         weekly_hours=10, hourly_value=0)
    months = np.arange(-6.0, 25.0)
    now = scenario_flows(i, 0.0, months)
    later = scenario_flows(i, 6.0, months)
    earlier = scenario_flows(i, -6.0, months)
    assert now[months == 0][0] == -1_000 and later[months == 6][0] == -1_000 and earlier[months == -6][0] == -1_000
    # 26 weeks = 6.0 months to competency, no lag: 1,000 a month from month 7 (now), 13 (later), 1 (earlier).
    assert now[months == 6][0] == pytest.approx(0, abs=1e-9) and now[months == 7][0] == pytest.approx(1_000)
    assert later[months == 13][0] == pytest.approx(1_000) and later[months == 12][0] == pytest.approx(0, abs=1e-9)
    assert earlier[months == 1][0] == pytest.approx(1_000)


def test_study_time_as_a_cost():
    i = UpskillingInputs(hourly_value=50, target_hours=260, weekly_hours=10, premium=0)
    r = evaluate(i)
    assert r.total_cost == 500 + 260 * 50
    # The valued hours are spread over the study months and add up to 260 x 50.
    assert -r.flows["Start now"][r.months_axis >= 0].sum() == pytest.approx(500 + 13_000)


@pytest.mark.parametrize("bad", [dict(weekly_hours=-1), dict(probability=1.2), dict(horizon_years=0),
                                 dict(horizon_years=11), dict(target_hours=0), dict(premium=float("nan"))])
def test_invalid_inputs_name_the_field(bad):
    (name,) = bad
    with pytest.raises(ValueError, match=name):
        UpskillingInputs(**bad)


def test_a_pace_that_takes_more_than_a_century_counts_as_never():
    r = evaluate(UpskillingInputs(weekly_hours=1e-300))
    assert r.weeks is None and r.competency_date is None and r.break_even_month is None
    assert weeks_to_competency(260, 1e-300) > 1e300  # the plain function still answers


def test_study_time_cost_falls_in_the_study_months():
    # 130 h at 10 h/week = 13 weeks = 3.0 months; 130 h x 30/h = 3,900 spread over months 1-3.
    i = UpskillingInputs(target_hours=130, weekly_hours=10, hourly_value=30, course_fees=0, premium=0)
    r = evaluate(i)
    now = r.flows["Start now"][r.months_axis >= 0]
    np.testing.assert_allclose(now[:5], [0, -1_300, -1_300, -1_300, 0], atol=1e-9)
    # The valued study time lowers the NPV by its discounted value.
    v = 1.1 ** (-1 / 12)
    assert r.npv == pytest.approx(-1_300 * (v + v**2 + v**3))


def test_partial_first_premium_month():
    # 100 h at 7 h/week = 14.29 weeks = 3.297 months; no lag, 12,000/yr for certain:
    # month 4 earns (4 - 3.297) x 1,000 = 703.30.
    r = evaluate(UpskillingInputs(target_hours=100, weekly_hours=7, lag_months=0, premium=12_000, probability=1,
                                  course_fees=0, horizon_years=1, wait_months=3))
    now = r.flows["Start now"][r.months_axis >= 0]
    assert now[3] == 0 and now[4] == pytest.approx((4 - 100 / 7 / (52 / 12)) * 1_000) and now[5] == 1_000
    assert now[4] == pytest.approx(703.30, abs=0.01)
    assert r.cost_of_waiting == pytest.approx(3_000)


def test_break_even_with_no_costs_is_zero():
    assert evaluate(UpskillingInputs(course_fees=0)).break_even_month == 0.0


def test_hours_to_study_is_shown_even_when_never_reached():
    assert evaluate(UpskillingInputs(weekly_hours=0)).hours_to_study == 260
    assert evaluate(UpskillingInputs(prior_hours=300)).hours_to_study == 0


def test_head_start_of_six_months():
    # Started 6 months earlier: 6 more months of 2,083.33 inside the horizon (both pay the 500 fees).
    r = evaluate(UpskillingInputs())
    assert r.head_start == pytest.approx(6 * 50_000 * 0.5 / 12)


@given(st.floats(0, 24), st.floats(0, 24))
def test_cost_of_waiting_never_falls_as_the_wait_grows(k1, k2):
    lo, hi = sorted((k1, k2))
    assert evaluate(UpskillingInputs(wait_months=lo)).cost_of_waiting <= \
        evaluate(UpskillingInputs(wait_months=hi)).cost_of_waiting + 1e-9


@given(st.floats(0, 1e6), st.floats(1, 1e5))
def test_npv_rises_with_the_premium(premium, extra):
    assert evaluate(UpskillingInputs(premium=premium + extra)).npv > evaluate(UpskillingInputs(premium=premium)).npv
