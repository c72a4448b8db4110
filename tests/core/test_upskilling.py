"""upskill_roi.core.upskilling against hand calculations and properties."""

import datetime as dt
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.hand import pay_factor_by_hand
from upskill_roi.core.upskilling import (
    GENERIC_PREMIUM_PROBABILITY,
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

PLAIN = dict(displacement_probability=0.0, marginal_tax_rate=0.0, time_value_share=0.0)
"""No displacement risk, no tax, study time not counted: the premium and the fees alone."""
V = 1.1 ** (-1 / 12)  # one month at 10 % a year (upskill_roi.core.finance)


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
    for label, (hours, _source) in TARGET_PRESETS.items():
        assert f"({hours:g} h)" in label
    assert {h for h, _ in TARGET_PRESETS.values()} == {20, 240, 260, 600}
    assert "20 hours" in TARGET_PRESETS["A narrow skill (20 h)"][1]
    assert "under 6 months at under 10 hours a week" in TARGET_PRESETS["Professional certificate (240 h)"][1]


def test_plain_case_by_hand():
    r = evaluate(UpskillingInputs(start=dt.date(2027, 1, 4), **PLAIN))
    # 260 h at 10 h/week = 26 weeks = 182 days after 4 Jan 2027 = 5 Jul 2027; 26 weeks = 6.0 months.
    assert r.weeks == 26.0 and r.months == pytest.approx(6.0)
    assert r.competency_date == dt.date(2027, 7, 5)
    assert r.total_cost == 500
    # Expected premium 50,000 x 0.5 / 12 = 2,083.33 a month, from month 9 (6 + 3 lag) on: months 10..60.
    by_hand = -500 + 50_000 * 0.5 / 12 * sum(V**m for m in range(10, 61))
    assert r.npv == pytest.approx(by_hand)
    assert r.npv == pytest.approx(80_515, abs=1)
    assert r.break_even_month == pytest.approx(9 + 500 / (50_000 * 0.5 / 12))


def test_defaults_value_study_time_and_gross_up_the_fees():
    """Study time is not free by default: each hour costs the person's hourly pay (salary / 2,080,
    the BLS OEWS factor); fees come out of taxed pay, so 500 is 500 / (1 - 30 %) of pre-tax pay."""
    i = UpskillingInputs(displacement_probability=0.0)
    assert (i.time_value_share, i.marginal_tax_rate) == (1.0, 0.30)
    hourly = 101_190 / 2_080  # 48.65
    r = evaluate(i)
    assert r.total_cost == pytest.approx(500 / 0.7 + 260 * hourly)
    # 260 h over exactly 6 months: 260 x 48.65 / 6 a month in months 1-6.
    by_hand = -500 / 0.7 - 260 * hourly / 6 * sum(V**m for m in range(1, 7)) \
        + 50_000 * 0.5 / 12 * sum(V**m for m in range(10, 61))
    assert r.npv == pytest.approx(by_hand)
    assert r.cost_pv == pytest.approx(500 / 0.7 + 260 * hourly / 6 * sum(V**m for m in range(1, 7)))


def test_cost_of_waiting_is_discounted_like_the_npv():
    r = evaluate(UpskillingInputs(**PLAIN))
    # Starting 6 months later: the premium's months 10-15 are lost (the rest shifts inside the
    # horizon only until month 60), and the 500 of fees are paid at month 6 instead of 0.
    premium = 50_000 * 0.5 / 12 * sum(V**m for m in range(10, 16))
    fees = -500 * (1 - V**6)
    assert r.waiting_parts["Premium later"] == pytest.approx(premium)
    assert r.waiting_parts["Costs paid later"] == pytest.approx(fees)
    assert r.waiting_parts["Displacement risk not averted"] == 0
    assert r.cost_of_waiting == pytest.approx(premium + fees)  # 11,296
    later = evaluate(UpskillingInputs(wait_months=6, **PLAIN)).flows["Wait 6 months"]
    assert r.cost_of_waiting == pytest.approx(r.npv - float(np.sum(later[6:] * V ** np.arange(0, 61))))
    # In weeks of pay: the hand cost over the weekly pay, 11,296.37 / (101,190 / 52) = 5.805 weeks.
    assert r.cost_of_waiting_weeks == pytest.approx((premium + fees) / (101_190 / 52))
    assert r.cost_of_waiting_weeks == pytest.approx(5.805, abs=0.001)


def test_waiting_counts_only_the_displacement_risk_starting_now_would_avert():
    """The issue's item 16: at 0 h/week (never competent) waiting averts nothing; with competency
    at month 6 a one-month wait costs only the risk of the one month between the two competencies."""
    never = evaluate(UpskillingInputs(weekly_hours=0, displacement_probability=0.5, marginal_tax_rate=0))
    assert never.waiting_parts["Displacement risk not averted"] == 0
    assert never.waiting_parts["Premium later"] == 0
    assert never.cost_of_waiting == pytest.approx(-500 * (1 - V**6))  # only paying the fees later
    # Competent at month 6 (start now) or 7 (a month later): the hazard differs in month 7 only.
    # The pay factors by hand (tests/hand.py), with the plan's job loss: 10.5 weeks out, 20 % loss, 15-year half-life.
    base = dict(displacement_probability=0.2, premium=0.0, course_fees=0.0, time_value_share=0.0)
    one = evaluate(UpskillingInputs(wait_months=1, **base))
    m = np.arange(1, 61)
    now = np.array(pay_factor_by_hand(0.2, 60, weeks_out_of_work=10.5, loss=0.20, half_life=15.0,
                                      scale=[0.5 if k > 6 else 1.0 for k in range(1, 61)]))  # halved from month 7
    wait = np.array(pay_factor_by_hand(0.2, 60, weeks_out_of_work=10.5, loss=0.20, half_life=15.0,
                                       scale=[0.5 if k > 7 else 1.0 for k in range(1, 61)]))  # from month 8
    by_hand = float(np.sum((now - wait) * 101_190 / 12 * V**m))
    assert by_hand == pytest.approx(508.58, abs=0.01)
    assert one.waiting_parts["Displacement risk not averted"] == pytest.approx(by_hand)
    assert 0 < by_hand < evaluate(UpskillingInputs(wait_months=6, **base)).waiting_parts[
        "Displacement risk not averted"]


def test_averted_displacement_is_worth_something():
    # With a yearly displacement probability, upskilling also keeps pay by halving the hazard once
    # competent: the NPV rises with the displacement probability (premium 0, no costs).
    flat = dict(premium=0.0, course_fees=0.0, time_value_share=0.0)
    assert evaluate(UpskillingInputs(displacement_probability=0.0, **flat)).npv == 0
    low = evaluate(UpskillingInputs(displacement_probability=0.05, **flat)).npv
    high = evaluate(UpskillingInputs(displacement_probability=0.20, **flat)).npv
    assert 0 < low < high


def test_waiting_loses_at_most_what_the_horizon_holds():
    # 1 year: premium from month 9 -> months 10-12 within the horizon; waiting 24 months loses those 3.
    r = evaluate(UpskillingInputs(horizon_years=1, wait_months=24, **PLAIN))
    assert r.premium_months_lost == pytest.approx(3.0)
    assert r.waiting_parts["Premium later"] == pytest.approx(50_000 * 0.5 / 12 * sum(V**m for m in range(10, 13)))
    never = evaluate(UpskillingInputs(weekly_hours=0))
    assert never.weeks is None and never.premium_months_lost == 0 and never.break_even_month is None


def test_scenario_flows_shift_with_the_start():
    i = UpskillingInputs(premium=12_000, probability=1.0, lag_months=0, course_fees=1_000, target_hours=260,
                         weekly_hours=10, **PLAIN)
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
    # Salary 104,000 = 50 an hour (104,000 / 2,080).
    i = UpskillingInputs(salary=104_000, target_hours=260, weekly_hours=10, premium=0, displacement_probability=0,
                         marginal_tax_rate=0)
    r = evaluate(i)
    assert r.total_cost == pytest.approx(500 + 260 * 50)
    # The valued hours are spread over the study months and add up to 260 x 50.
    assert -r.flows["Start now"][r.months_axis >= 0].sum() == pytest.approx(500 + 13_000)
    # Half the value of an hour: half the study-time cost.
    assert evaluate(UpskillingInputs(salary=104_000, premium=0, displacement_probability=0, marginal_tax_rate=0,
                                     time_value_share=0.5)).total_cost == pytest.approx(500 + 260 * 25)


@pytest.mark.parametrize("bad", [dict(weekly_hours=-1), dict(probability=1.2), dict(horizon_years=0),
                                 dict(horizon_years=11), dict(target_hours=0), dict(premium=float("nan")),
                                 dict(marginal_tax_rate=0.95), dict(time_value_share=1.5), dict(domain_years=-1),
                                 dict(weeks_out_of_work=200)])
def test_invalid_inputs_name_the_field(bad):
    (name,) = bad
    with pytest.raises(ValueError, match=name):
        UpskillingInputs(**bad)


def test_a_pace_that_takes_more_than_a_century_counts_as_never():
    r = evaluate(UpskillingInputs(weekly_hours=1e-300))
    assert r.weeks is None and r.competency_date is None and r.break_even_month is None
    assert weeks_to_competency(260, 1e-300) > 1e300  # the plain function still answers


def test_study_time_cost_falls_in_the_study_months():
    # 130 h at 10 h/week = 13 weeks = 3.0 months; 130 h x 30/h (salary 62,400) = 3,900 over months 1-3.
    i = UpskillingInputs(target_hours=130, weekly_hours=10, salary=62_400, course_fees=0, premium=0,
                         displacement_probability=0)
    r = evaluate(i)
    now = r.flows["Start now"][r.months_axis >= 0]
    np.testing.assert_allclose(now[:5], [0, -1_300, -1_300, -1_300, 0], atol=1e-9)
    # The valued study time lowers the NPV by its discounted value.
    assert r.npv == pytest.approx(-1_300 * (V + V**2 + V**3))


def test_partial_first_premium_month():
    # 100 h at 7 h/week = 14.29 weeks = 3.297 months; no lag, 12,000/yr for certain:
    # month 4 earns (4 - 3.297) x 1,000 = 703.30.
    r = evaluate(UpskillingInputs(target_hours=100, weekly_hours=7, lag_months=0, premium=12_000, probability=1,
                                  course_fees=0, horizon_years=1, wait_months=3, **PLAIN))
    now = r.flows["Start now"][r.months_axis >= 0]
    assert now[3] == 0 and now[4] == pytest.approx((4 - 100 / 7 / (52 / 12)) * 1_000) and now[5] == 1_000
    assert now[4] == pytest.approx(703.30, abs=0.01)
    # Waiting 3 months: month 4's 703.30 and months 5-6 lost, month 7's share moves past the horizon...
    lost = 703.30 * V**4 + 1_000 * (V**5 + V**6) + (1_000 - 703.30) * V**7
    assert r.cost_of_waiting == pytest.approx(lost, abs=0.05)


def test_break_even_with_no_costs_is_zero():
    assert evaluate(UpskillingInputs(course_fees=0, **PLAIN)).break_even_month == 0.0


def test_hours_to_study_is_shown_even_when_never_reached():
    assert evaluate(UpskillingInputs(weekly_hours=0)).hours_to_study == 260
    assert evaluate(UpskillingInputs(prior_hours=300)).hours_to_study == 0


def test_head_start_of_six_months_in_todays_money():
    # Started 6 months earlier: its premium runs from month 3 (its month 9) instead of month 9; it
    # paid its fees at month -6 (compounded forward: 500 x 1.1^0.5); valued today.
    r = evaluate(UpskillingInputs(**PLAIN))
    ago = -500 * V**-6 + 50_000 * 0.5 / 12 * sum(V**m for m in range(4, 61))
    now = -500 + 50_000 * 0.5 / 12 * sum(V**m for m in range(10, 61))
    assert r.head_start == pytest.approx(ago - now)


def test_implementation_months_count_towards_the_target():
    """The guidance's profile: 6 months of focused implementation = 260 h, so each month already
    done counts 43.3 h."""
    r = evaluate(UpskillingInputs(implementation_months=3))
    assert r.hours_to_study == pytest.approx(130)
    assert r.weeks == pytest.approx(13)


def test_the_premium_chance_is_generic_without_three_years_in_the_domain():
    """The guidance: 3+ years in the domain; without it AI skills are the generic kind (the
    certificate check's 5 %). Two years today: the 50 % chance applies from month 12."""
    assert GENERIC_PREMIUM_PROBABILITY == 0.05
    r = evaluate(UpskillingInputs(domain_years=2, **PLAIN))
    monthly = 50_000 / 12
    by_hand = -500 + monthly * (0.05 * sum(V**m for m in range(10, 13)) + 0.5 * sum(V**m for m in range(13, 61)))
    assert r.npv == pytest.approx(by_hand)
    p = r.profile
    assert not p.met_now and p.domain_month == 12 and p.implementation_month == pytest.approx(6.0)
    assert p.met_month == 12
    assert p.missing == ["1 more year in the domain", "6 months of focused AI implementation"]
    # A 20 h target never completes the profile's six months of implementation.
    short = evaluate(UpskillingInputs(target_hours=20)).profile
    assert short.implementation_month is None and short.met_month is None
    assert evaluate(UpskillingInputs(domain_years=3, implementation_months=6)).profile.met_now


@given(st.integers(0, 24), st.integers(0, 24))
def test_cost_of_waiting_never_falls_as_the_wait_grows(k1, k2):
    """Whole months, as the page asks (a fraction of a month moves the fees into the next month,
    which is worth more than the premium a few days later)."""
    lo, hi = sorted((k1, k2))
    assert evaluate(UpskillingInputs(wait_months=lo)).cost_of_waiting <= \
        evaluate(UpskillingInputs(wait_months=hi)).cost_of_waiting + 1e-6


@given(st.floats(0, 1e6), st.floats(1, 1e5))
def test_npv_rises_with_the_premium(premium, extra):
    assert evaluate(UpskillingInputs(premium=premium + extra)).npv > evaluate(UpskillingInputs(premium=premium)).npv
