"""Stay or move (upskill_roi/core/career.py), the certificate check, personas and the check-up summary.

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

from tests.hand import upskilling_npv_by_hand
from upskill_roi.core import career, upskilling
from upskill_roi.core.risk import automation_share
from upskill_roi.documents import summary
from upskill_roi.inputs import activities, personas, scenario

ROOT = Path(__file__).resolve().parents[2]
SAFE = dict(displacement_probability=0.0, move_risk=0.0, discount_rate=0.0, horizon_years=1, move_probability=1.0)


# --- upskill_roi/core/career.py ------------------------------------------------------------------------------
def test_stay_is_the_salary_when_nothing_happens():
    v = career.path_values(career.CareerInputs(salary=120_000, **SAFE))
    assert float(v["Stay without upskilling"]) == pytest.approx(120_000)


def test_displacement_happens_once_and_costs_the_weeks_out_by_hand():
    # q = 1 - 0.9^12 a year -> monthly hazard 0.1: still employed after month m with probability
    # 0.9^m. 13 weeks out = 3 months without pay, no lasting loss: month m is unpaid only if the
    # displacement fell in months m-2 .. m, probability 0.9^(m-3) - 0.9^m (0.9^0 = 1 before month 1).
    q = 1 - 0.9**12
    i = career.CareerInputs(salary=120_000, weeks_out_of_work=13, earnings_loss=0.0,
                            **{**SAFE, "displacement_probability": q})
    by_hand = sum(10_000 * (1 - (0.9 ** max(m - 3, 0) - 0.9**m)) for m in range(1, 13))
    assert float(career.path_values(i)["Stay without upskilling"]) == pytest.approx(by_hand)  # 84,811.18


def test_a_job_loss_costs_what_displaced_worker_studies_find():
    """Jacobson, LaLonde & Sullivan (1993), Couch & Placzek (2010), Davis & von Wachter (2011): not
    weeks out and then the same pay, but a lasting loss. The defaults: 10.5 weeks out (BLS CPS),
    20 % less pay that halves every 15 years."""
    from upskill_roi.core import displacement

    j = displacement.JobLoss()
    assert (j.weeks_out_of_work, j.earnings_loss, j.half_life_years) == (10.5, 0.20, 15.0)
    factor = displacement.pay_factor(1.0, 12 * 20)  # displaced in month 1 for sure
    # Six years on: 20 % x 2^(-(72 - 1) / 180) = 15.2 % lower (Couch & Placzek: about 15 %).
    assert 1 - factor[72] == pytest.approx(0.2 * 2 ** (-72 / 180), rel=1e-9)
    assert 0.14 < 1 - factor[72] < 0.16
    # The year of the displacement: about a third lower (Couch & Placzek: 32-33 %).
    assert 0.30 < 1 - factor[:12].mean() < 0.40
    # Present value over 20 years at 5 % in years of pay: Davis & von Wachter's 1.4 (low
    # unemployment) to 2.8 (high). By hand (continuous approximation): 10.5/52 years out plus
    # 0.2 x (1 - e^(-20c)) / c, c = ln 2 / 15 + ln 1.05, less the loss that falls in the unpaid weeks.
    c = np.log(2) / 15 + np.log(1.05)
    approx = 10.5 / 52 + 0.2 * (1 - np.exp(-20 * c)) / c - 0.2 * 10.5 / 52
    years = displacement.loss_in_years_of_pay(20, 0.05)
    assert 1.4 <= years <= 2.8
    assert years == pytest.approx(approx, rel=0.02)


def test_displacement_pay_factor_equals_its_definition():
    """The vectorised pay factor against the definition summed displacement month by displacement
    month (the module's formula, written out)."""
    from upskill_roi.core import displacement

    rng = np.random.default_rng(5)
    for _ in range(5):
        q, w, loss, half = rng.uniform(0, 0.9), rng.uniform(0, 60), rng.uniform(0, 0.5), rng.uniform(1, 20)
        months = 30
        scale = np.where(np.arange(1, months + 1) > 7, 0.5, 1.0)
        got = displacement.pay_factor(q, months, w, loss, half, scale=scale)
        h = (1 - (1 - q) ** (1 / 12)) * scale
        survive = np.cumprod(1 - h)
        f = np.concatenate([[1.0], survive[:-1]]) - survive
        big_w = w / (52 / 12)
        rho = 2 ** (-1 / (12 * half))
        for m in range(1, months + 1):
            expected = survive[m - 1] + sum(f[d - 1] * (1 - min(max(big_w - (m - d), 0), 1))
                                            * (1 - loss * rho ** (m - d)) for d in range(1, m + 1))
            assert got[m - 1] == pytest.approx(expected, abs=1e-12)


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


def test_certain_displacement_is_one_job_loss_not_twelve():
    # q = 1 (the issue: "about twelve layoffs a year" and $0): displaced in month 1, 10.5 weeks =
    # 2.42 months without pay, then 20 % less pay, fading: months 1-2 unpaid, 57.7 % of month 3
    # paid, then 1 - 0.2 x 2^(-(m-1)/180).
    i = career.CareerInputs(salary=120_000, **{**SAFE, "displacement_probability": 1.0})
    w = 10.5 / (52 / 12)
    by_hand = 10_000 * ((3 - w) * (1 - 0.2 * 2 ** (-2 / 180)) + sum(1 - 0.2 * 2 ** (-(m - 1) / 180)
                                                                    for m in range(4, 13)))
    value = float(career.path_values(i)["Stay without upskilling"])
    assert value == pytest.approx(by_hand)
    assert 0.6 * 120_000 < value < 120_000


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1), st.floats(0, 104))
def test_expected_earnings_are_never_negative_and_never_above_pay(q, weeks_out_of_work):
    i = career.CareerInputs(salary=90_000, displacement_probability=q, weeks_out_of_work=weeks_out_of_work, move_risk=q,
                            study_cost=0, **{k: SAFE[k] for k in ("discount_rate", "horizon_years")})
    for path, value in career.path_values(i).items():
        assert 0 <= float(value) <= 90_000 * 1.1 + i.premium + 1e-6, path


def test_upskilling_cost_pv_by_hand():
    # Salary 41,600 = 20 an hour (41,600 / 2,080), study time at the full hourly pay, no tax.
    base = dict(weekly_hours=10, target_hours=240, course_fees=500, discount_rate=0.0, salary=41_600,
                marginal_tax_rate=0.0)
    # Undiscounted: fees + 240 h x 20 = 5,300; never competent (0 h/week): only the fees.
    assert upskilling.evaluate(upskilling.UpskillingInputs(**base)).cost_pv == pytest.approx(5_300)
    never = upskilling.UpskillingInputs(**{**base, "weekly_hours": 0})
    assert upskilling.evaluate(never).cost_pv == pytest.approx(500)
    # A 30 % marginal tax rate: the fees are paid out of taxed pay: 500 / 0.7 in pre-tax terms.
    taxed = upskilling.UpskillingInputs(**{**base, "marginal_tax_rate": 0.3})
    assert upskilling.evaluate(taxed).cost_pv == pytest.approx(500 / 0.7 + 4_800)
    # Discounted at 10 %/yr (monthly v = 1.1^(-1/12)): 4,800 spread evenly over t = 24 weeks = 5.538
    # months, i.e. 4,800 / t in months 1-5 and 0.538 of that in month 6; fees at month 0.
    t = 24 / (52 / 12)
    v = 1.1 ** (-1 / 12)
    by_hand = 500 + 4_800 / t * (sum(v**m for m in range(1, 6)) + (t - 5) * v**6)
    disc = upskilling.evaluate(upskilling.UpskillingInputs(**{**base, "discount_rate": 0.10}))
    assert disc.cost_pv == pytest.approx(by_hand)  # 5,176.52


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 0.5), st.floats(0, 0.5))
def test_more_displacement_never_helps_staying(q1, dq):
    a = career.path_values(career.CareerInputs(displacement_probability=q1))
    b = career.path_values(career.CareerInputs(displacement_probability=min(q1 + dq, 1.0)))
    assert float(b["Stay without upskilling"]) <= float(a["Stay without upskilling"]) + 1e-6
    assert float(b["Stay and upskill"]) <= float(a["Stay and upskill"]) + 1e-6
    assert float(b["Move now"]) <= float(a["Move now"]) + 1e-6  # a move that does not land keeps today's risk
    # A move that lands for sure has the new role's own risk only.
    sure_a = career.path_values(career.CareerInputs(displacement_probability=q1, move_probability=1.0))
    sure_b = career.path_values(career.CareerInputs(displacement_probability=min(q1 + dq, 1.0), move_probability=1.0))
    assert float(sure_b["Move now"]) == pytest.approx(float(sure_a["Move now"]))


@settings(max_examples=60, deadline=None)
@given(st.floats(-0.5, 1.0), st.floats(0, 52))
def test_a_bigger_raise_or_shorter_search_never_hurts_moving(change, weeks):
    base = career.CareerInputs(salary_change=change, search_weeks=weeks)
    better = career.CareerInputs(salary_change=change + 0.05, search_weeks=max(weeks - 1, 0))
    assert float(career.path_values(better)["Move now"]) >= float(career.path_values(base)["Move now"])


def test_vectorised_values_equal_one_at_a_time():
    """The vectorised path against one case at a time (consistency), pinned by hand at q = 0."""
    qs = np.array([0.0, 0.05, 0.3])
    vec = career.path_values(career.CareerInputs(), displacement_probability=qs)
    # No displacement: staying is the default salary, 101,190 / 12 a month for 60 months at 1.1^(-m/12).
    assert vec["Stay without upskilling"][0] == pytest.approx(101_190 / 12 * sum(1.1 ** (-m / 12)
                                                                                 for m in range(1, 61)))
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
    # Zero spread: no displacement and no premium leave nothing to draw for the two stay paths (the weeks
    # out and the lasting loss only matter after a displacement): both collapse to their value by hand,
    # the salary's 101,190 / 12 a month discounted over 60 months (less the 2,000 of study for upskilling).
    flat = career.evaluate(career.CareerInputs(displacement_probability=0.0, premium=0.0), n=2_000, seed=3)
    pay = 101_190 / 12 * sum(1.1 ** (-m / 12) for m in range(1, 61))
    assert flat.p10["Stay without upskilling"] == pytest.approx(pay) == pytest.approx(
        flat.p90["Stay without upskilling"])
    assert flat.p10["Stay and upskill"] == pytest.approx(pay - 2_000) == pytest.approx(flat.p90["Stay and upskill"])


def test_flip_point_by_hand():
    # One undiscounted year, no risk, no premium, one month's search: moving wins above a raise of
    # 1/11 = 9.09 %; at 5 % staying wins (upskilling costs 1), and the flip is the first grid point
    # above 9.09 % (grid of 201 points from -50 % to 100 %, step 0.75 points: 9.25 %).
    i = career.CareerInputs(displacement_probability=0, move_risk=0, premium=0, horizon_years=1, discount_rate=0,
                            search_weeks=52 / 12, study_cost=1, salary_change=0.05, move_probability=1.0)
    f = next(x for x in career.flip_points(i) if x.field == "salary_change")
    assert (f.winner, round(f.value, 4)) == ("Move now", 0.0925)


def test_displacement_mapping():
    assert career.displacement_from_share(0.7) == pytest.approx(0.07)


def test_rule_of_thumb_follows_the_risk_result():
    assert career.rule_of_thumb(True).startswith("High-risk role")
    assert career.rule_of_thumb(False).startswith("Secure role")


def test_bad_career_inputs_are_refused():
    for bad in (dict(displacement_probability=1.5), dict(salary_change=-1.0), dict(horizon_years=0),
                dict(search_weeks=float("nan")), dict(weeks_out_of_work=110)):
        with pytest.raises(ValueError):
            career.CareerInputs(**bad)


# --- the certificate check -------------------------------------------------------------------------
def test_certificate_check_by_hand():
    # 40 h and 240 h at 10 h/week: 4 and 24 weeks; costs are the fees (study time not valued, no tax).
    r = upskilling.certificate_check(upskilling.UpskillingInputs(weekly_hours=10, prior_hours=100,
                                                                 implementation_months=3, time_value_share=0,
                                                                 marginal_tax_rate=0))
    g, s = r["Generic AI certificate"], r["Domain-specific implementation certificate"]
    assert (g.weeks, s.weeks) == (4.0, 24.0)  # prior hours and months are not credited to a new certificate
    assert (g.total_cost, s.total_cost) == (300.0, 2_000.0)
    assert g.npv < s.npv
    # The generic one: "near-zero value" -- a 5 % chance and no lower displacement risk.
    assert g.inputs.probability == 0.05 and g.inputs.risk_reduction == 0.0


# --- personas ---------------------------------------------------------------------------------------
WAGES = {row["soc_code"]: row["median_annual_wage"] for row in
         csv.DictReader((ROOT / "upskill_roi" / "data" / "occupations.csv").open(encoding="utf-8"))}
SHARES = {"icu-nurse": 0.30, "compliance-analyst": 0.70, "manufacturing-supervisor": 0.45,
          "junior-data-analyst": 0.95, "junior-prompt-engineer": 0.40}
"""Automatable shares by hand from the data file's activities (e.g. nurse: 8 h + 4 h of 40 h;
prompt engineer: (16 + 8 + 8) h of E1/E2 tasks counted at half, of 40 h)."""


@pytest.mark.parametrize("persona", personas.load_personas(), ids=lambda p: p.id)
def test_persona_is_valid_on_every_page(persona):
    known = {p.key for spec in scenario.PAGES.values() for p in spec.params} | {f"a{n}" for n in range(1, 6)}
    assert set(persona.inputs) <= known
    for page in scenario.PAGES:
        s, problems = scenario.from_link(f"/{page}?{urlencode(personas.query(persona, page))}")
        assert problems == [], (page, problems)
    assert {"salary", "activities", "savings", "costs", "plan", "team", "experience"} <= set(persona.sources)
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


# --- issue 13: the premium and the move are chances, drawn as outcomes; the rule of thumb explained ----
def test_a_move_is_not_a_certain_offer_by_hand():
    # One undiscounted year, no risk, a 20 % raise after a month's search (4.333 weeks): landed:
    # 11 x 120,000 / 12 = 110,000; not landed: today's pay after the same search, 11 x 100,000 / 12.
    i = career.CareerInputs(salary=100_000, search_weeks=52 / 12, salary_change=0.2,
                            **{**SAFE, "move_probability": 0.4})
    assert float(career.path_values(i)["Move now"]) == pytest.approx(0.4 * 110_000 + 0.6 * 11 * 100_000 / 12)


def test_the_premium_waits_for_three_years_in_the_domain():
    # Competent at month 3, no lag; 2.5 years in the domain -> 6 more months at the generic 5 %,
    # then the full 50 % chance: 12,000 a year premium, one undiscounted year.
    i = career.CareerInputs(salary=0.0, premium=12_000, premium_probability=0.5, months_to_competency=3,
                            lag_months=0, months_to_domain=6, study_cost=0, **SAFE)
    expected = 1_000 * (0.05 * 3 + 0.5 * 6)  # months 4-6 generic, 7-12 full
    assert float(career.path_values(i)["Stay and upskill"]) == pytest.approx(expected)


def test_the_simulation_draws_the_premium_and_whether_the_move_lands():
    i = career.CareerInputs(premium_probability=0.5, move_probability=0.5)
    d = career.draws_for(i, 20_000, 1)
    assert set(np.unique(d["premium_probability"])) == {0.0, 1.0}
    assert set(np.unique(d["move_probability"])) == {0.0, 1.0}
    assert d["premium"].min() >= 25_000 and d["premium"].max() <= 75_000 and d["premium"].std() > 1_000
    # The generic chance is realised only where the full one is (the same uniform).
    assert np.all(d["generic_probability"] <= d["premium_probability"])
    r = career.evaluate(i, n=20_000)
    # Half the cases get no premium: the upskilling path's P10 is far below its likely value.
    assert r.p10["Stay and upskill"] < r.likely["Stay and upskill"] - 20_000
    assert r.p10["Move now"] < r.p90["Move now"]


def test_stay_and_upskill_less_staying_is_the_upskilling_npv():
    """One model: the check-up's stay-or-move paths and the upskilling page agree (the same
    premium, chance, job loss, discounting and costs)."""
    plan = upskilling.evaluate(upskilling.UpskillingInputs(domain_years=2, displacement_probability=0.08))
    i = plan.inputs
    c = career.CareerInputs(salary=i.salary, displacement_probability=i.displacement_probability,
                            weeks_out_of_work=i.weeks_out_of_work, earnings_loss=i.earnings_loss,
                            loss_half_life_years=i.loss_half_life_years, horizon_years=i.horizon_years,
                            discount_rate=i.discount_rate, premium=i.premium, premium_probability=i.probability,
                            months_to_domain=i.months_to_domain_profile, months_to_competency=plan.months,
                            lag_months=i.lag_months, study_cost=plan.cost_pv, risk_reduction=i.risk_reduction)
    v = career.path_values(c)
    assert float(v["Stay and upskill"] - v["Stay without upskilling"]) == pytest.approx(plan.npv, rel=1e-9)
    # ... and both are the plan's value by hand (tests/hand.py, month by month): 2 years in the domain (the
    # generic 5 % until month 12), an 8 % yearly displacement probability halved once competent: 66,994.57.
    assert plan.npv == pytest.approx(upskilling_npv_by_hand(q=0.08, domain_years=2))
    assert plan.npv == pytest.approx(66_994.57, abs=0.01)


def test_rule_of_thumb_disagreement_names_the_deciding_inputs():
    from upskill_roi.present import text

    # A high-risk role (the guidance: move) whose numbers favour upskilling in place.
    i = career.CareerInputs(displacement_probability=0.095, salary=51_440, premium=11_850, premium_probability=0.4)
    r = career.evaluate(i, n=2_000)
    assert r.winner == "Stay and upskill"
    flips = career.flip_points(i, target=career.rule_path(True))
    assert flips and all(f.winner == "Move now" for f in flips)
    sentence = text.disagreement(r.winner, "Move now", True, flips, i)
    assert sentence.startswith("Your numbers favour Stay and upskill, not the guidance's Move now for a high-risk role")
    assert "today; Move now wins from" in sentence
    assert text.disagreement("Move now", "Move now", True, flips, i) is None
