"""Stay or move (calc/career.py), the certificate check, personas and the check-up summary.

Expected values are hand calculations (stated next to each) or published/data-file figures.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlencode

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc import career, upskilling
from calc.risk import automation_share
from ui import activities, personas, scenario, summary

ROOT = Path(__file__).resolve().parents[1]
SAFE = dict(displacement_probability=0.0, move_risk=0.0, discount_rate=0.0, horizon_years=1)


# --- calc/career.py ------------------------------------------------------------------------------
def test_stay_is_the_salary_when_nothing_happens():
    v = career.path_values(career.CareerInputs(salary=120_000, **SAFE))
    assert float(v["Stay without upskilling"]) == pytest.approx(120_000)


def test_displacement_costs_weeks_of_pay_by_hand():
    # q = 1 - 0.9^12 a year -> monthly hazard 0.1; each month loses 0.1 x 13/52 of a year's pay:
    # 12 x (10,000 - 0.1 x 120,000 x 0.25) = 12 x 7,000 = 84,000.
    q = 1 - 0.9**12
    v = career.path_values(career.CareerInputs(salary=120_000, weeks_out=13, **{**SAFE, "displacement_probability": q}))
    assert float(v["Stay without upskilling"]) == pytest.approx(84_000)


def test_move_search_without_pay_and_raise_by_hand():
    # Six weeks of search = 6 / 4.3333 = 1.3846 months without pay, then 20 % more:
    # (12 - 1.3846) x 100,000 x 1.2 / 12 = 106,153.85.
    v = career.path_values(career.CareerInputs(salary=100_000, search_weeks=6, salary_change=0.2, **SAFE))
    assert float(v["Move now"]) == pytest.approx((12 - 6 / (52 / 12)) * 100_000 / 12 * 1.2)


def test_upskill_premium_from_competency_plus_lag_by_hand():
    # Premium 24,000 at 50 %: 1,000 a month from month 4.5 (3 + 1.5), half of month 5 counted:
    # 100,000 + 0.5 x 1,000 + 7 x 1,000 - 800 study cost = 106,700.
    i = career.CareerInputs(salary=100_000, premium=24_000, premium_probability=0.5, months_to_competency=3,
                            lag_months=1.5, study_cost=800, **SAFE)
    assert float(career.path_values(i)["Stay and upskill"]) == pytest.approx(106_700)


def test_discounting_by_hand():
    # 12,000 a year at 10 %/yr, monthly: sum over m of 1,000 x 1.1^(-m/12).
    i = career.CareerInputs(salary=12_000, **{**SAFE, "discount_rate": 0.10})
    expected = sum(1_000 * 1.1 ** (-m / 12) for m in range(1, 13))
    assert float(career.path_values(i)["Stay without upskilling"]) == pytest.approx(expected)


def test_certain_displacement_means_no_pay_never_less():
    # q = 1: the monthly hazard is 1 and 10.5 weeks out exceed a month: the month is without pay.
    v = career.path_values(career.CareerInputs(**{**SAFE, "displacement_probability": 1.0}))
    assert float(v["Stay without upskilling"]) == 0.0


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1), st.floats(0, 104))
def test_expected_earnings_are_never_negative_and_never_above_pay(q, weeks_out):
    i = career.CareerInputs(salary=90_000, displacement_probability=q, weeks_out=weeks_out, move_risk=q,
                            study_cost=0, **{k: SAFE[k] for k in ("discount_rate", "horizon_years")})
    for path, value in career.path_values(i).items():
        assert 0 <= float(value) <= 90_000 * 1.1 + i.premium + 1e-6, path


def test_upskilling_cost_pv_by_hand():
    base = dict(weekly_hours=10, target_hours=240, course_fees=500, discount_rate=0.0)
    # Undiscounted: fees + 240 h x 20 = 5,300; never competent (0 h/week): only the fees.
    assert upskilling.evaluate(upskilling.UpskillingInputs(**base, hourly_value=20)).cost_pv == pytest.approx(5_300)
    never = upskilling.UpskillingInputs(**{**base, "weekly_hours": 0}, hourly_value=20)
    assert upskilling.evaluate(never).cost_pv == pytest.approx(500)
    # Discounted at 10 %/yr (monthly v = 1.1^(-1/12)): 4,800 spread evenly over t = 24 weeks = 5.538
    # months, i.e. 4,800 / t in months 1-5 and 0.538 of that in month 6; fees at month 0.
    t = 24 / (52 / 12)
    v = 1.1 ** (-1 / 12)
    by_hand = 500 + 4_800 / t * (sum(v**m for m in range(1, 6)) + (t - 5) * v**6)
    disc = upskilling.evaluate(upskilling.UpskillingInputs(**{**base, "discount_rate": 0.10}, hourly_value=20))
    assert disc.cost_pv == pytest.approx(by_hand)  # 5,176.52


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 0.5), st.floats(0, 0.5))
def test_more_displacement_never_helps_staying(q1, dq):
    a = career.path_values(career.CareerInputs(displacement_probability=q1))
    b = career.path_values(career.CareerInputs(displacement_probability=min(q1 + dq, 1.0)))
    assert float(b["Stay without upskilling"]) <= float(a["Stay without upskilling"]) + 1e-6
    assert float(b["Stay and upskill"]) <= float(a["Stay and upskill"]) + 1e-6
    assert float(b["Move now"]) == pytest.approx(float(a["Move now"]))  # the new role has its own risk


@settings(max_examples=60, deadline=None)
@given(st.floats(-0.5, 1.0), st.floats(0, 52))
def test_a_bigger_raise_or_shorter_search_never_hurts_moving(change, weeks):
    base = career.CareerInputs(salary_change=change, search_weeks=weeks)
    better = career.CareerInputs(salary_change=change + 0.05, search_weeks=max(weeks - 1, 0))
    assert float(career.path_values(better)["Move now"]) >= float(career.path_values(base)["Move now"])


def test_vectorised_values_equal_one_at_a_time():
    qs = np.array([0.0, 0.05, 0.3])
    vec = career.path_values(career.CareerInputs(), displacement_probability=qs)
    for k, q in enumerate(qs):
        one = career.path_values(career.CareerInputs(displacement_probability=float(q)))
        for path in career.PATHS:
            assert vec[path][k] == pytest.approx(float(one[path]))


def test_ranges_zero_spread_collapse_and_order():
    r = career.evaluate(career.CareerInputs(), n=4_000, seed=3)
    for p in career.PATHS:
        assert r.p10[p] <= r.p90[p]
    assert sum(r.win_share.values()) == pytest.approx(1.0)
    # Same seed, same figures: a link reproduces the page.
    assert career.evaluate(career.CareerInputs(), n=4_000, seed=3) == r


def test_flip_point_by_hand():
    # One undiscounted year, no risk, no premium, one month's search: moving wins above a raise of
    # 1/11 = 9.09 %; at 5 % staying wins (upskilling costs 1), and the flip is the first grid point
    # above 9.09 % (grid of 201 points from -50 % to 100 %, step 0.75 points: 9.25 %).
    i = career.CareerInputs(displacement_probability=0, move_risk=0, premium=0, horizon_years=1, discount_rate=0,
                            search_weeks=52 / 12, study_cost=1, salary_change=0.05)
    f = next(x for x in career.flip_points(i) if x.field == "salary_change")
    assert (f.winner, round(f.value, 4)) == ("Move now", 0.0925)


def test_displacement_mapping_and_window():
    assert career.displacement_from_share(0.7) == pytest.approx(0.07)
    assert career.probability_within(0.19, 6) == pytest.approx(0.1)  # 1 - 0.81^0.5


def test_rule_of_thumb_follows_the_risk_result():
    assert career.rule_of_thumb(True).startswith("High-risk role")
    assert career.rule_of_thumb(False).startswith("Secure role")


def test_bad_career_inputs_are_refused():
    for bad in (dict(displacement_probability=1.5), dict(salary_change=-1.0), dict(horizon_years=0),
                dict(search_weeks=float("nan")), dict(weeks_out=110)):
        with pytest.raises(ValueError):
            career.CareerInputs(**bad)


# --- the certificate check -------------------------------------------------------------------------
def test_certificate_check_by_hand():
    # 40 h and 240 h at 10 h/week: 4 and 24 weeks; costs are the fees (study time not valued).
    r = upskilling.certificate_check(upskilling.UpskillingInputs(weekly_hours=10, prior_hours=100))
    g, s = r["Generic AI certificate"], r["Domain-specific implementation certificate"]
    assert (g.weeks, s.weeks) == (4.0, 24.0)  # prior hours are not credited to a new certificate
    assert (g.total_cost, s.total_cost) == (300.0, 2_000.0)
    assert g.npv < s.npv


# --- personas ---------------------------------------------------------------------------------------
WAGES = {row["soc_code"]: row["median_annual_wage"] for row in
         csv.DictReader((ROOT / "assets" / "data" / "occupations.csv").open(encoding="utf-8"))}
SHARES = {"icu-nurse": 0.30, "compliance-analyst": 0.70, "manufacturing-supervisor": 0.45,
          "junior-data-analyst": 0.95, "junior-prompt-engineer": 0.80}
"""Automatable shares by hand from the data file's activities (e.g. nurse: 8 h + 4 h of 40 h)."""


@pytest.mark.parametrize("persona", personas.load_personas(), ids=lambda p: p.id)
def test_persona_is_valid_on_every_page(persona):
    known = {p.key for spec in scenario.PAGES.values() for p in spec.params} | {f"a{n}" for n in range(1, 6)}
    assert set(persona.inputs) <= known
    for page in scenario.PAGES:
        s, problems = scenario.from_link(f"/{page}?{urlencode(personas.query(persona, page))}")
        assert problems == [], (page, problems)
    assert {"salary", "activities", "savings", "costs", "plan", "team"} <= set(persona.sources)
    assert persona.answer and len(persona.answer) <= 600


@pytest.mark.parametrize("persona", personas.load_personas(), ids=lambda p: p.id)
def test_persona_numbers_match_their_sources(persona):
    soc = persona.inputs["occ"].split(" ")[0]
    assert soc in WAGES
    if "Illustrative" not in persona.sources["salary"]:
        assert float(WAGES[soc]) == persona.inputs["salary"]
        assert f"${int(persona.inputs['salary']):,}" in persona.sources["salary"]
    rows, problems = activities.decode({f"a{n}": persona.inputs[f"a{n}"] for n in range(1, 6)})
    assert not problems
    share = automation_share([(r["Activity"], r["Time"], activities.kind_of(r["Kind"])) for r in rows])
    assert share == pytest.approx(SHARES[persona.id])


# --- the summary ---------------------------------------------------------------------------------------
def _summary(answer="Cut <b>charting</b> time"):
    return summary.Summary(
        occupation="29-1141 Registered Nurses", share=0.30, threshold=0.60, at_risk=False, role=None,
        savings=345_600, npv=665_600, premium=34_560, payback_months=2.9, weeks=24.0,
        competency_date=dt.date(2027, 6, 21), wait_months=6, cost_of_waiting=9_000,
        path_values={p: 400_000.0 for p in career.PATHS}, path_p10={p: 380_000.0 for p in career.PATHS},
        path_p90={p: 420_000.0 for p in career.PATHS}, winner=career.PATHS[0], rule=career.rule_of_thumb(False),
        answer=answer, next_30_days=["Week 1: start."])


def test_summary_exports_carry_the_answer_and_escape_it():
    s = _summary()
    md = summary.summary_markdown(s, link="http://h/checkup?x=1")
    assert "Cut \\<b\\>charting\\</b\\> time" in md and "<http://h/checkup?x=1>" in md
    hostile = summary.summary_markdown(_summary("# Head\n## The next 30 days\n- Quit [x](javascript:alert(1)) $x$"))
    answer = hostile.split("\n## Your answer\n")[1].split("\n## The next 30 days\n")[0]
    assert "\n# Head" not in answer and "\\# Head" in answer and "\\## The next 30 days" in answer
    assert "\\- Quit" in answer and re.search(r"(?<!\\)\]\(", answer) is None and "\\$x\\$" in answer
    assert hostile.count("\n## The next 30 days\n") == 1
    doc = summary.summary_html(s, link="http://h/checkup?x=1", today=dt.date(2026, 11, 25))
    assert "Cut &lt;b&gt;charting&lt;/b&gt; time" in doc and "<b>charting" not in doc
    assert "<script" not in doc  # one page, nothing to load or run
    assert "$345,600" in doc and "30% — not at risk" in doc


def test_summary_without_an_answer_says_so():
    assert "(not answered yet)" in summary.summary_markdown(_summary(answer="  "))
