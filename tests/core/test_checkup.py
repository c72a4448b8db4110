"""upskill_roi.core.checkup: each step's result carried into the next, by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from upskill_roi.core import career, checkup, risk, roi, upskilling

START = dt.date(2027, 1, 4)


def inputs(**kw):
    base = dict(activities=(risk.Activity("Reports", 4, "E1"), risk.Activity("Care", 16, "E0")), threshold=0.6,
                e_share=0.5, own_displacement=None, implementation=roi.ImplementationInputs(),
                upskilling=upskilling.UpskillingInputs(start=START), career=career.CareerInputs(),
                certificates=upskilling.CERTIFICATES)
    return checkup.CheckupInputs(**{**base, **kw})


def quick(c, target):
    return career.evaluate(c, n=500, target=target)


def test_the_risk_share_sets_the_displacement_and_the_premium_is_carried():
    r = checkup.evaluate(inputs(), move=quick)
    # 4 h of E1 at half their time out of 20 h: 10 %; 10 % x 10 %/yr = 1 %/yr.
    assert r.risk.share == pytest.approx(0.10) and r.yearly_displacement == pytest.approx(0.01)
    # Default implementation: 10 % x (500,000 x 0.9 - 50,000 x 1.1) = 39,500.
    assert r.implementation.premium == pytest.approx(39_500)
    assert r.upskilling_inputs.premium == r.career_inputs.premium == pytest.approx(39_500)
    assert r.career_inputs.displacement_probability == pytest.approx(0.01)
    # 260 h at 10 h/week: 26 weeks; a month is 52 / 12 weeks: 6 months.
    assert r.career_inputs.months_to_competency == pytest.approx(26 / (52 / 12))
    assert r.rule_path == "Stay and upskill" and not r.risk.high_risk


def test_an_own_estimate_replaces_the_mapping_and_a_high_risk_profile_moves():
    acts = (risk.Activity("Reports", 30, "Rules-based information processing"), risk.Activity("Calls", 10, "E0"))
    r = checkup.evaluate(inputs(activities=acts, own_displacement=0.05), move=quick)
    assert r.risk.share == pytest.approx(0.75) and r.risk.at_risk and r.yearly_displacement == 0.05
    assert r.rule_path == "Move now"
    assert r.action_plan.first_30_days  # the high-risk plan


def test_a_plan_never_reached_counts_as_after_the_horizon():
    slow = upskilling.UpskillingInputs(start=START, weekly_hours=0.5, consistency=0.1, target_hours=600)
    r = checkup.evaluate(inputs(upskilling=slow, career=career.CareerInputs(horizon_years=5)), move=quick)
    assert r.plan.months is None and r.career_inputs.months_to_competency == 12 * 5 + 1
